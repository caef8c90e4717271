//! Reading `<yyyy>/forums.yaml`: the program's items in other governance forums.

use super::meeting::date;
use super::schema::{Ctx, Fields};
use crate::diag::Code;
use crate::model::{At, ForumItem, ForumMeeting};
use crate::yaml::Node;

const KEYS: &[&str] = &[
    "forum",
    "date",
    "end",
    "label",
    "extraordinary",
    "quarter",
    "status",
    "items",
];

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
    let mut f = Fields::new(ctx, node, "forum meeting")?;
    let forum = f.require(ctx, "forum").and_then(|n| {
        Some(At {
            value: ctx.text(n, "forum")?,
            at: ctx.at(n),
        })
    });
    let start = f.get("date").and_then(|n| date(ctx, n));
    let end = f.get("end").and_then(|n| date(ctx, n)).map(|d| d.value);
    let label = f.get("label").and_then(|n| ctx.text(n, "label"));
    let extraordinary = f
        .get("extraordinary")
        .and_then(|n| ctx.bool(n, "extraordinary"))
        .unwrap_or(false);
    let quarter_node = f.get("quarter");
    let quarter = quarter_node
        .and_then(|n| ctx.int(n, "quarter", 1..=4))
        .map(|q| q as u8);
    let planned = f
        .get("status")
        .and_then(|n| ctx.one_of(n, "forum meeting status", &["planned", "held"]))
        .is_some_and(|s| s == "planned");
    let items = f.get_raw("items").map(|n| {
        ctx.seq(n, "items")
            .iter()
            .filter_map(|i| item(ctx, i, case_types))
            .collect()
    });
    f.finish(ctx, KEYS);
    if let Some(d) = &start {
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
    let quarter = match (&start, quarter) {
        (Some(d), Some(q)) if d.quarter() != q => {
            if let Some(n) = quarter_node {
                ctx.report(
                    Code::InvalidValue,
                    n,
                    format!("quarter {q} disagrees with the date {}", d.value),
                );
            }
            d.quarter()
        }
        (Some(d), _) => d.quarter(),
        (None, Some(q)) => q,
        (None, None) => {
            ctx.report(
                Code::MissingField,
                node_of(node, "forum"),
                "this forum meeting has neither `date` nor `quarter`",
            )
            .help = Some("give the date, or the quarter when the date is not known".into());
            return None;
        }
    };
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
    let mut f = Fields::new(ctx, node, "forum item")?;
    let kind = f
        .get("type")
        .and_then(|n| ctx.one_of(n, "case type", case_types));
    let text = f.require(ctx, "text").and_then(|n| ctx.text(n, "text"));
    f.finish(ctx, &["type", "text"]);
    Some(ForumItem { kind, text: text? })
}
