//! Reading `risks/<id>.yaml`.

use super::schema::{Ctx, Fields};
use super::table::{Field, Table, Type};
use crate::model::{At, Measure, Named, Risk, RiskStatus};
use crate::yaml::Node;

pub const RISK: Table = Table {
    what: "risk",
    fields: &[
        Field::required(
            "id",
            Type::Number {
                min: 1,
                max: 1_000_000,
            },
            "The risk's number in the register.",
        ),
        Field::required("title", Type::Text, "What the risk is."),
        Field::optional(
            "probability",
            Type::Number { min: 1, max: 5 },
            "How likely it is, from 1 to 5.",
        ),
        Field::optional(
            "consequence",
            Type::Number { min: 1, max: 5 },
            "How grave it would be, from 1 to 5.",
        ),
        Field::optional(
            "status",
            Type::OneOf(RiskStatus::NAMES),
            "Whether the risk is open or closed.",
        ),
        Field::optional("new", Type::Bool, "Marks the risk as new in the register."),
        Field::optional(
            "listed",
            Type::Bool,
            "Shown in the register's table (open risks are, by default).",
        ),
        Field::optional(
            "measures",
            Type::List(&Type::Map(&MEASURE)),
            "What is done about it.",
        ),
        Field::optional("comment", Type::Text, "What changed, or a comment."),
    ],
};

pub const MEASURE: Table = Table {
    what: "measure",
    fields: &[
        Field::required("text", Type::Text, "The measure."),
        Field::optional("done", Type::Bool, "Whether it is done."),
    ],
};

pub fn risk(ctx: &mut Ctx, node: &Node) -> Option<Risk> {
    let mut f = Fields::new(ctx, node, &RISK)?;
    let id_node = f.take(ctx, "id");
    let id = id_node.and_then(|n| ctx.int(n, "a risk id", 1..=1_000_000).map(|i| (i, n)));
    let title = f.take(ctx, "title").and_then(|n| ctx.text(n, "title"));
    let probability = f
        .take(ctx, "probability")
        .and_then(|n| ctx.int(n, "probability", 1..=5))
        .map(|i| i as u8);
    let consequence = f
        .take(ctx, "consequence")
        .and_then(|n| ctx.int(n, "consequence", 1..=5))
        .map(|i| i as u8);
    let status = f
        .take(ctx, "status")
        .and_then(|n| ctx.word(n))
        .unwrap_or(RiskStatus::Open);
    let new = f
        .take(ctx, "new")
        .and_then(|n| ctx.bool(n, "new"))
        .unwrap_or(false);
    let listed = match f.take(ctx, "listed") {
        Some(n) => At {
            value: ctx.bool(n, "listed").unwrap_or(true),
            at: ctx.at(n),
        },
        None => At {
            value: status == RiskStatus::Open,
            at: ctx.at(node),
        },
    };
    let measures = match f.take(ctx, "measures") {
        Some(n) => ctx
            .seq(n, "measures")
            .iter()
            .filter_map(|m| measure(ctx, m))
            .collect(),
        None => Vec::new(),
    };
    let comment = f.take(ctx, "comment").and_then(|n| ctx.text(n, "comment"));
    f.finish(ctx);
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
    let mut f = Fields::new(ctx, node, &MEASURE)?;
    let text = f.take(ctx, "text").and_then(|n| ctx.text(n, "text"));
    let done = f
        .take(ctx, "done")
        .and_then(|n| ctx.bool(n, "done"))
        .unwrap_or(false);
    f.finish(ctx);
    Some(Measure { text: text?, done })
}
