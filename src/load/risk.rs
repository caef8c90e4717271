//! Reading `risks/<id>.yaml`.

use super::schema::{Ctx, Fields};
use crate::model::{At, Measure, Risk, RiskStatus};
use crate::yaml::Node;

const KEYS: &[&str] = &[
    "id",
    "title",
    "probability",
    "consequence",
    "status",
    "new",
    "listed",
    "measures",
    "comment",
];

pub fn risk(ctx: &mut Ctx, node: &Node) -> Option<Risk> {
    let mut f = Fields::new(ctx, node, "risk")?;
    let id_node = f.require(ctx, "id");
    let id = id_node.and_then(|n| ctx.int(n, "a risk id", 1..=1_000_000).map(|i| (i, n)));
    let title = f.require(ctx, "title").and_then(|n| ctx.text(n, "title"));
    let probability = f
        .get("probability")
        .and_then(|n| ctx.int(n, "probability", 1..=5))
        .map(|i| i as u8);
    let consequence = f
        .get("consequence")
        .and_then(|n| ctx.int(n, "consequence", 1..=5))
        .map(|i| i as u8);
    let status = f
        .get("status")
        .and_then(|n| ctx.word(n))
        .unwrap_or(RiskStatus::Open);
    let new = f
        .get("new")
        .and_then(|n| ctx.bool(n, "new"))
        .unwrap_or(false);
    let listed = match f.get("listed") {
        Some(n) => At {
            value: ctx.bool(n, "listed").unwrap_or(true),
            at: ctx.at(n),
        },
        None => At {
            value: status == RiskStatus::Open,
            at: ctx.at(node),
        },
    };
    let measures = match f.get("measures") {
        Some(n) => ctx
            .seq(n, "measures")
            .iter()
            .filter_map(|m| measure(ctx, m))
            .collect(),
        None => Vec::new(),
    };
    let comment = f.get("comment").and_then(|n| ctx.text(n, "comment"));
    f.finish(ctx, KEYS);
    let (id, id_node) = id?;
    Some(Risk {
        id: At {
            value: id as u32,
            at: ctx.at(id_node),
        },
        title: title?,
        probability,
        consequence,
        status,
        new,
        listed,
        measures,
        comment,
        file: ctx.file.clone(),
    })
}

fn measure(ctx: &mut Ctx, node: &Node) -> Option<Measure> {
    let mut f = Fields::new(ctx, node, "measure")?;
    let text = f.require(ctx, "text").and_then(|n| ctx.text(n, "text"));
    let done = f
        .get("done")
        .and_then(|n| ctx.bool(n, "done"))
        .unwrap_or(false);
    f.finish(ctx, &["text", "done"]);
    Some(Measure { text: text?, done })
}
