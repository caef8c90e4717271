//! Reading `<yyyy>/actions.yaml`.

use super::meeting::date;
use super::schema::{Ctx, Fields};
use super::table::{Field, Table, Type, CASE_NUMBER, MEETING_NUMBER};
use crate::diag::Code;
use crate::model::{Action, ActionStatus, At, CaseNumber, MeetingNumber, Named, Raised};
use crate::yaml::Node;

pub const ACTION: Table = Table {
    what: "action item",
    fields: &[
        Field::required(
            "id",
            Type::Text,
            "The action item's id, unique in the record.",
        ),
        Field::required(
            "raised",
            Type::Either(&[CASE_NUMBER, MEETING_NUMBER]),
            "The case or meeting it was raised at.",
        ),
        Field::required("text", Type::Text, "What is to be done."),
        Field::optional("owner", Type::Text, "Who does it."),
        Field::optional("due", Type::Date, "When it is due."),
        Field::optional(
            "status",
            Type::OneOf(ActionStatus::NAMES),
            "Whether it is still open or done.",
        ),
    ],
};

pub fn actions(ctx: &mut Ctx, node: &Node) -> Vec<Action> {
    if node.is_null() {
        return Vec::new();
    }
    ctx.seq(node, "actions.yaml")
        .iter()
        .filter_map(|a| action(ctx, a))
        .collect()
}

fn action(ctx: &mut Ctx, node: &Node) -> Option<Action> {
    let mut f = Fields::new(ctx, node, &ACTION)?;
    let id = f.take(ctx, "id").and_then(|n| {
        Some(At {
            value: ctx.text(n, "id")?,
            at: ctx.at(n),
        })
    });
    let raised = f.take(ctx, "raised").and_then(|n| {
        let text = ctx.text(n, "raised")?;
        let raised = match (CaseNumber::parse(&text), MeetingNumber::parse(&text)) {
            (Ok(c), _) => Raised::Case(c),
            (_, Ok(m)) => Raised::Meeting(m),
            _ => {
                ctx.report(
                    Code::InvalidValue,
                    n,
                    format!(
                        "`{text}` is neither a case number (43/21) nor a meeting number (7/2021)"
                    ),
                );
                return None;
            }
        };
        Some(At {
            value: raised,
            at: ctx.at(n),
        })
    });
    let text = f.take(ctx, "text").and_then(|n| ctx.text(n, "text"));
    let owner = f.take(ctx, "owner").and_then(|n| ctx.text(n, "owner"));
    let due = f.take(ctx, "due").and_then(|n| date(ctx, n));
    let done = f
        .take(ctx, "status")
        .and_then(|n| ctx.word::<ActionStatus>(n))
        .is_some_and(|s| s == ActionStatus::Done);
    f.finish(ctx);
    Some(Action {
        id: id?,
        raised: raised?,
        text: text?,
        owner,
        due,
        done,
        file: ctx.file.clone(),
    })
}
