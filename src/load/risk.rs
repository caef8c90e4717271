//! Reading `risks/<id>.yaml`.

use super::schema::{Ctx, Fields};
use super::table::{Field, Need, Table, Type};
use crate::model::{At, Measure, Named, Risk, RiskStatus};
use crate::yaml::Node;

pub const RISK: Table = Table {
    what: "risk",
    fields: &[
        Field {
            name: "id",
            doc: "The risk's number in the register.",
            need: Need::Required,
            ty: Type::Number {
                min: 1,
                max: 1_000_000,
            },
        },
        Field {
            name: "title",
            doc: "What the risk is.",
            need: Need::Required,
            ty: Type::Text,
        },
        Field {
            name: "probability",
            doc: "How likely it is, from 1 to 5.",
            need: Need::Optional,
            ty: Type::Number { min: 1, max: 5 },
        },
        Field {
            name: "consequence",
            doc: "How grave it would be, from 1 to 5.",
            need: Need::Optional,
            ty: Type::Number { min: 1, max: 5 },
        },
        Field {
            name: "status",
            doc: "Whether the risk is open or closed.",
            need: Need::Optional,
            ty: Type::OneOf(RiskStatus::NAMES),
        },
        Field {
            name: "new",
            doc: "Marks the risk as new in the register.",
            need: Need::Optional,
            ty: Type::Bool,
        },
        Field {
            name: "listed",
            doc: "Shown in the register's table (open risks are, by default).",
            need: Need::Optional,
            ty: Type::Bool,
        },
        Field {
            name: "measures",
            doc: "What is done about it.",
            need: Need::Optional,
            ty: Type::List(&Type::Map(&MEASURE)),
        },
        Field {
            name: "comment",
            doc: "What changed, or a comment.",
            need: Need::Optional,
            ty: Type::Text,
        },
    ],
};

pub const MEASURE: Table = Table {
    what: "measure",
    fields: &[
        Field {
            name: "text",
            doc: "The measure.",
            need: Need::Required,
            ty: Type::Text,
        },
        Field {
            name: "done",
            doc: "Whether it is done.",
            need: Need::Optional,
            ty: Type::Bool,
        },
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
