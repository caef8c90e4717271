//! Reading `<yyyy>/actions.yaml`.

use super::meeting::date;
use super::schema::{Ctx, Fields};
use crate::diag::Code;
use crate::model::{Action, At, CaseNumber, MeetingNumber, Raised};
use crate::yaml::Node;

const KEYS: &[&str] = &["id", "raised", "text", "owner", "due", "status"];

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
    let mut f = Fields::new(ctx, node, "action item")?;
    let id = f.require(ctx, "id").and_then(|n| {
        Some(At {
            value: ctx.text(n, "id")?,
            at: ctx.at(n),
        })
    });
    let raised = f.require(ctx, "raised").and_then(|n| {
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
    let text = f.require(ctx, "text").and_then(|n| ctx.text(n, "text"));
    let owner = f.get("owner").and_then(|n| ctx.text(n, "owner"));
    let due = f.get("due").and_then(|n| date(ctx, n));
    let done = f
        .get("status")
        .and_then(|n| ctx.one_of(n, "action status", &["open", "done"]))
        .is_some_and(|s| s == "done");
    f.finish(ctx, KEYS);
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
