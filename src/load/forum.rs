//! Reading `<yyyy>/forums.yaml`: the program's items in other governance forums.

use super::meeting::date;
use super::schema::{Ctx, Fields};
use super::table::{Field, Table, Type};
use crate::diag::Code;
use crate::model::{At, Date, ForumItem, ForumMeeting, ForumStatus, Named};
use crate::yaml::Node;

pub const FORUM_MEETING: Table = Table {
    what: "forum meeting",
    fields: &[
        Field::required(
            "forum",
            Type::Text,
            "The forum: a short name from `forums` in pds.yaml.",
        ),
        Field::optional(
            "date",
            Type::Date,
            "The day of the meeting; give `date`, `quarter` or both.",
        ),
        Field::optional(
            "end",
            Type::Date,
            "The last day of a meeting over several days.",
        ),
        Field::optional(
            "label",
            Type::Text,
            "The name as printed, when it differs from the short name.",
        ),
        Field::optional(
            "extraordinary",
            Type::Bool,
            "Marks an extraordinary meeting.",
        ),
        Field::optional(
            "quarter",
            Type::Number { min: 1, max: 4 },
            "The quarter, when the date is not known yet.",
        ),
        Field::optional(
            "status",
            Type::OneOf(ForumStatus::NAMES),
            "Whether the meeting is planned or was held.",
        ),
        Field::optional(
            "items",
            Type::List(&Type::Map(&FORUM_ITEM)),
            "The program's items; an empty list when it has none there.",
        ),
    ],
};

pub const FORUM_ITEM: Table = Table {
    what: "forum item",
    fields: &[
        Field::optional(
            "type",
            Type::CaseType,
            "The item's case type, one of `case_types` in pds.yaml.",
        ),
        Field::required("text", Type::Text, "What is taken to the forum."),
    ],
};

pub fn forums(ctx: &mut Ctx, node: &Node, year: u16, case_types: &[&str]) -> Vec<ForumMeeting> {
    if node.is_null() {
        return Vec::new();
    }
    ctx.seq(node, "forums.yaml")
        .iter()
        .filter_map(|m| forum_meeting(ctx, m, year, case_types))
        .collect()
}

fn forum_meeting(
    ctx: &mut Ctx,
    node: &Node,
    year: u16,
    case_types: &[&str],
) -> Option<ForumMeeting> {
    let mut f = Fields::new(ctx, node, &FORUM_MEETING)?;
    let forum = f.take(ctx, "forum").and_then(|n| {
        Some(At {
            value: ctx.text(n, "forum")?,
            at: ctx.at(n),
        })
    });
    let start = f.take(ctx, "date").and_then(|n| date(ctx, n));
    let end = f
        .take(ctx, "end")
        .and_then(|n| date(ctx, n))
        .map(|d| d.value);
    let label = f.take(ctx, "label").and_then(|n| ctx.text(n, "label"));
    let extraordinary = f
        .take(ctx, "extraordinary")
        .and_then(|n| ctx.bool(n, "extraordinary"))
        .unwrap_or(false);
    let quarter_node = f.take(ctx, "quarter");
    let quarter = quarter_node
        .and_then(|n| ctx.int(n, "quarter", 1..=4))
        .map(|q| q as u8);
    let planned = f
        .take(ctx, "status")
        .and_then(|n| ctx.word::<ForumStatus>(n))
        .is_some_and(|s| s == ForumStatus::Planned);
    let items = f.get_raw("items").map(|n| {
        ctx.seq(n, "items")
            .iter()
            .filter_map(|i| item(ctx, i, case_types))
            .collect()
    });
    f.finish(ctx);
    let quarter = place(ctx, node, year, start.as_ref(), quarter_node, quarter)?;
    Some(ForumMeeting {
        forum: forum?,
        date: start,
        end,
        label,
        extraordinary,
        year,
        quarter,
        planned,
        items,
        file: ctx.file.clone(),
    })
}

/// The quarter a forum meeting stands in: its date's, or the `quarter`
/// given when the date is not known; a date in another year than the
/// folder's, or a quarter that disagrees with the date, is a finding.
fn place(
    ctx: &mut Ctx,
    node: &Node,
    year: u16,
    start: Option<&At<Date>>,
    quarter_node: Option<&Node>,
    quarter: Option<u8>,
) -> Option<u8> {
    if let Some(d) = start {
        if d.year != year {
            ctx.report(
                Code::InvalidValue,
                node_of(node, "date"),
                format!(
                    "this forum meeting is dated {}, but stands in {year}/forums.yaml",
                    d.value
                ),
            );
        }
    }
    match (start, quarter) {
        (Some(d), Some(q)) if d.quarter() != q => {
            if let Some(n) = quarter_node {
                ctx.report(
                    Code::InvalidValue,
                    n,
                    format!("quarter {q} disagrees with the date {}", d.value),
                );
            }
            Some(d.quarter())
        }
        (Some(d), _) => Some(d.quarter()),
        (None, Some(q)) => Some(q),
        (None, None) => {
            ctx.report(
                Code::MissingField,
                node_of(node, "forum"),
                "this forum meeting has neither `date` nor `quarter`",
            )
            .help = Some("give the date, or the quarter when the date is not known".into());
            None
        }
    }
}

/// The value node of `key` in a mapping (for pointing at it), or the mapping.
fn node_of<'n>(node: &'n Node, key: &str) -> &'n Node {
    node.as_map()
        .and_then(|m| {
            m.iter()
                .find(|(k, _)| matches!(&k.kind, crate::yaml::NodeKind::Str(s) if s == key))
        })
        .map(|(_, v)| v)
        .unwrap_or(node)
}

fn item(ctx: &mut Ctx, node: &Node, case_types: &[&str]) -> Option<ForumItem> {
    let mut f = Fields::new(ctx, node, &FORUM_ITEM)?;
    let kind = f
        .take(ctx, "type")
        .and_then(|n| ctx.one_of(n, "case type", case_types));
    let text = f.take(ctx, "text").and_then(|n| ctx.text(n, "text"));
    f.finish(ctx);
    Some(ForumItem { kind, text: text? })
}
