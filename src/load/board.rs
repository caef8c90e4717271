//! Reading `pds.yaml`.

use super::schema::{Ctx, Fields};
use crate::diag::Code;
use crate::model::board::DEFAULT_CASE_TYPES;
use crate::model::{
    Acknowledgement, At, Board, CaseNumber, Language, MeetingNumber, Person, StandingItems,
};
use crate::yaml::{Node, NodeKind};

const KEYS: &[&str] = &[
    "board",
    "language",
    "secretariat",
    "members",
    "chair",
    "case_types",
    "forums",
    "standing_items",
    "acknowledged",
];

pub fn board(ctx: &mut Ctx, node: &Node) -> Board {
    let mut board = Board {
        case_types: DEFAULT_CASE_TYPES.iter().map(|s| s.to_string()).collect(),
        ..Board::default()
    };
    let Some(mut f) = Fields::new(ctx, node, "pds.yaml") else {
        return board;
    };
    if let Some(n) = f.require(ctx, "board") {
        board.name = ctx.text(n, "the board's name").unwrap_or_default();
    }
    if let Some(n) = f.get("language") {
        board.language = ctx.word(n).unwrap_or(Language::Nb);
    }
    if let Some(n) = f.get("secretariat") {
        board.secretariat = ctx.text(n, "secretariat");
    }
    if let Some(n) = f.get("members") {
        board.members = ctx
            .seq(n, "members")
            .iter()
            .filter_map(|m| person(ctx, m, "member"))
            .collect();
    }
    if let Some(n) = f.get("chair") {
        board.chair = person(ctx, n, "chair");
    }
    if let Some(n) = f.get("case_types") {
        let types: Vec<String> = ctx
            .seq(n, "case_types")
            .iter()
            .filter_map(|t| ctx.text(t, "a case type"))
            .collect();
        if !types.is_empty() {
            board.case_types = types;
        }
    }
    if let Some(n) = f.get("forums") {
        match &n.kind {
            NodeKind::Map(entries) => {
                for (k, v) in entries {
                    if let (Some(k), Some(v)) = (
                        ctx.text(k, "a forum's short name"),
                        ctx.text(v, "a forum's name"),
                    ) {
                        board.forums.insert(k, v);
                    }
                }
            }
            _ => {
                ctx.report(
                    Code::InvalidValue,
                    n,
                    "forums must map short names to full names",
                );
            }
        }
    }
    if let Some(n) = f.get("standing_items") {
        board.standing_items = standing_items(ctx, n);
    }
    if let Some(n) = f.get("acknowledged") {
        board.acknowledged = ctx
            .seq(n, "acknowledged")
            .iter()
            .filter_map(|a| acknowledgement(ctx, a))
            .collect();
    }
    f.finish(ctx, KEYS);
    board
}

/// `{ name: …, org: … }`, or a plain `Name, Org` string.
pub fn person(ctx: &mut Ctx, node: &Node, what: &'static str) -> Option<Person> {
    if let Some(text) = node.scalar_text(ctx.yaml) {
        let (name, org) = match text.split_once(',') {
            Some((n, o)) => (n.trim().to_string(), Some(o.trim().to_string())),
            None => (text.trim().to_string(), None),
        };
        return Some(Person { name, org });
    }
    let mut f = Fields::new(ctx, node, what)?;
    let name = f.require(ctx, "name").and_then(|n| ctx.text(n, "a name"));
    let org = f.get("org").and_then(|n| ctx.text(n, "an organisation"));
    f.finish(ctx, &["name", "org"]);
    Some(Person { name: name?, org })
}

fn standing_items(ctx: &mut Ctx, node: &Node) -> StandingItems {
    let Some(mut f) = Fields::new(ctx, node, "standing_items") else {
        return StandingItems::default();
    };
    let first = f
        .get("first")
        .and_then(|n| ctx.text(n, "the first standing item"));
    let last = f
        .get("last")
        .and_then(|n| ctx.text(n, "the last standing item"));
    f.finish(ctx, &["first", "last"]);
    StandingItems { first, last }
}

fn acknowledgement(ctx: &mut Ctx, node: &Node) -> Option<Acknowledgement> {
    let mut f = Fields::new(ctx, node, "acknowledgement")?;
    let finding_node = f.require(ctx, "finding");
    let number_node = f.require(ctx, "number");
    let note = f
        .require(ctx, "note")
        .and_then(|n| ctx.text(n, "the note"))
        .unwrap_or_default();
    f.finish(ctx, &["finding", "number", "note"]);
    let finding_node = finding_node?;
    let names: Vec<&str> = Code::ALL.iter().map(|c| c.as_str()).collect();
    let finding = ctx.one_of(finding_node, "finding code", &names)?;
    let number_node = number_node?;
    let raw = ctx.text(number_node, "the number")?;
    // Normalise so `05/21` matches the finding's `5/21`.
    let number = CaseNumber::parse(&raw)
        .map(|n| n.to_string())
        .or_else(|_| MeetingNumber::parse(&raw).map(|n| n.to_string()))
        .unwrap_or(raw);
    Some(Acknowledgement {
        finding: At {
            value: finding,
            at: ctx.at(finding_node),
        },
        number: At {
            value: number,
            at: ctx.at(number_node),
        },
        note,
    })
}
