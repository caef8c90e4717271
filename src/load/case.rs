//! Reading a case file: front matter into a `Case`, the body kept as text.

use super::frontmatter::{self, SplitError};
use super::meeting::meeting_number;
use super::schema::{Ctx, Fields};
use super::table::{Field, Need, Table, Type, CASE_NUMBER, MEETING_NUMBER};
use crate::diag::{Code, Finding, Findings, Location, SourceFile};
use crate::model::{At, Case, CaseKind, CaseNumber, CaseStatus, Named, Part};
use crate::yaml::{self, Node};

pub const CASE: Table = Table {
    what: "case",
    fields: &[
        Field {
            name: "number",
            doc: "The case's number: its sequence in the year, then the year's two digits.",
            need: Need::RequiredUnless("`status` is `draft`"),
            ty: CASE_NUMBER,
        },
        Field {
            name: "meeting",
            doc: "The meeting the case is on the agenda of.",
            need: Need::RequiredUnless("`status` is `draft`"),
            ty: MEETING_NUMBER,
        },
        Field {
            name: "title",
            doc: "The case's title, as the agenda lists it.",
            need: Need::Required,
            ty: Type::Text,
        },
        Field {
            name: "type",
            doc: "The case's type, one of `case_types` in pds.yaml; give `type` or `parts`, never both.",
            need: Need::RequiredUnless("`parts` is given or `status` is `draft`"),
            ty: Type::CaseType,
        },
        Field {
            name: "parts",
            doc: "The parts of a case taken as several items, each with its own type.",
            need: Need::Optional,
            ty: Type::List(&Type::Map(&PART)),
        },
        Field {
            name: "description",
            doc: "What the board is asked to do, in Markdown.",
            need: Need::Optional,
            ty: Type::Text,
        },
        Field {
            name: "owner",
            doc: "Who presents the case.",
            need: Need::Optional,
            ty: Type::Text,
        },
        Field {
            name: "document",
            doc: "The case document's title, when it differs from the case's.",
            need: Need::Optional,
            ty: Type::Text,
        },
        Field {
            name: "status",
            doc: "Where the case stands; a draft needs no number or meeting.",
            need: Need::Optional,
            ty: Type::OneOf(CaseStatus::NAMES),
        },
        Field {
            name: "exempt",
            doc: "The legal basis for exempting the case from public access.",
            need: Need::Optional,
            ty: Type::Text,
        },
        Field {
            name: "previous",
            doc: "Earlier cases this one follows up.",
            need: Need::Optional,
            ty: Type::Either(&[CASE_NUMBER, Type::List(&CASE_NUMBER)]),
        },
        Field {
            name: "proposed_decision",
            doc: "The decision the board is asked to make, in Markdown.",
            need: Need::Optional,
            ty: Type::Text,
        },
        Field {
            name: "decision",
            doc: "The decision the board made, in Markdown.",
            need: Need::Optional,
            ty: Type::Text,
        },
    ],
};

pub const PART: Table = Table {
    what: "part",
    fields: &[
        Field {
            name: "title",
            doc: "The part's title.",
            need: Need::Required,
            ty: Type::Text,
        },
        Field {
            name: "type",
            doc: "The part's type, one of `case_types` in pds.yaml.",
            need: Need::Required,
            ty: Type::CaseType,
        },
    ],
};

/// What reading a case file gave: the case, or only the findings.
pub fn parse(file: &SourceFile, case_types: &[String], findings: &mut Findings) -> Option<Case> {
    let text = file.text();
    let bom = if text.starts_with('\u{feff}') { 3 } else { 0 };
    let split = match frontmatter::split(text.get(bom..).unwrap_or("")) {
        Ok(s) => s,
        Err(e) => {
            let message = match e {
                SplitError::Missing if text.trim_start_matches('\u{feff}').trim().is_empty() => {
                    "the case file is empty: it must begin with a `---` line opening its front matter"
                }
                SplitError::Missing => {
                    "a case file must begin with a `---` line opening its front matter"
                }
                SplitError::Unclosed => {
                    "the front matter opened on line 1 is never closed with a `---` line"
                }
            };
            findings.push(
                Finding::new(Code::FrontMatter, Location::new(file, 0, 0), message)
                    .help("write the case's fields between two `---` lines at the top of the file"),
            );
            return None;
        }
    };
    let base = bom + split.yaml_offset;
    let node = match yaml::parse(split.yaml) {
        Ok(n) => n,
        Err(e) => {
            findings.push(super::syntax_finding(file, base, split.yaml, &e));
            return None;
        }
    };
    let mut ctx = Ctx {
        file,
        base,
        yaml: split.yaml,
        findings,
    };
    case(&mut ctx, &node, case_types, bom + split.body_offset)
}

fn case(ctx: &mut Ctx, node: &Node, case_types: &[String], body_offset: usize) -> Option<Case> {
    let mut f = Fields::new(ctx, node, &CASE)?;
    let types: Vec<&str> = case_types.iter().map(String::as_str).collect();
    let status: CaseStatus = f
        .take(ctx, "status")
        .and_then(|n| ctx.word(n))
        .unwrap_or_default();
    let draft = status == CaseStatus::Draft;
    let number = f
        .take_unless(ctx, "number", draft)
        .and_then(|n| case_number(ctx, n));
    let meeting = f
        .take_unless(ctx, "meeting", draft)
        .and_then(|n| meeting_number(ctx, n));
    let title = f
        .take(ctx, "title")
        .and_then(|n| ctx.text(n, "title"))
        .unwrap_or_default();
    let kind = kind(ctx, &mut f, &types, draft);
    let text_field =
        |f: &mut Fields, ctx: &mut Ctx, key: &str| f.take(ctx, key).and_then(|n| ctx.text(n, key));
    let description = text_field(&mut f, ctx, "description");
    let owner = text_field(&mut f, ctx, "owner");
    let document = text_field(&mut f, ctx, "document");
    let exempt = f.get_raw("exempt").map(|n| exempt(ctx, n));
    let proposed_decision = text_field(&mut f, ctx, "proposed_decision");
    let decision = text_field(&mut f, ctx, "decision");
    let previous = match f.take(ctx, "previous") {
        Some(n) if n.as_seq().is_some() => ctx
            .seq(n, "previous")
            .iter()
            .filter_map(|p| case_number(ctx, p))
            .collect(),
        Some(n) => case_number(ctx, n).into_iter().collect(),
        None => Vec::new(),
    };
    f.finish(ctx);
    Some(Case {
        number,
        meeting,
        title,
        kind,
        description,
        owner,
        document,
        status,
        exempt,
        previous,
        proposed_decision,
        decision,
        body_offset,
        file: ctx.file.clone(),
    })
}

/// `type`, or `parts` each with its own type: exactly one of them, unless
/// the case is a draft.
fn kind(ctx: &mut Ctx, f: &mut Fields, types: &[&str], draft: bool) -> CaseKind {
    let type_node = f.take(ctx, "type");
    let parts_node = f.take(ctx, "parts");
    match (type_node, parts_node) {
        (Some(t), Some(p)) => {
            ctx.report(
                Code::InvalidValue,
                p,
                "a case has `type` or `parts`, never both",
            )
            .help = Some("give each part its own type and remove `type`".into());
            let _ = t;
            CaseKind::Unknown
        }
        (Some(t), None) => ctx
            .one_of(t, "case type", types)
            .map(CaseKind::Single)
            .unwrap_or(CaseKind::Unknown),
        (None, Some(p)) => {
            let parts: Vec<Part> = ctx
                .seq(p, "parts")
                .iter()
                .filter_map(|item| part(ctx, item, types))
                .collect();
            if parts.is_empty() {
                CaseKind::Unknown
            } else {
                CaseKind::Parts(parts)
            }
        }
        (None, None) => {
            if !draft {
                let at = f.node();
                let first = at.as_map().and_then(|m| m.first()).map(|(k, _)| k.clone());
                ctx.report(
                    Code::MissingField,
                    first.as_ref().unwrap_or(at),
                    "this case has no `type` (or `parts`)",
                )
                .help = Some(format!("one of: {}", types.join(", ")));
            }
            CaseKind::Unknown
        }
    }
}

/// The legal basis of an exemption. Any `exempt` key makes the case exempt,
/// whatever its value: a value that names no basis is a finding, never a
/// case published whole.
fn exempt(ctx: &mut Ctx, node: &Node) -> String {
    let basis = ctx.text(node, "exempt");
    let blank = basis.as_deref().is_some_and(|b| b.trim().is_empty());
    if blank || node.is_null() {
        ctx.report(
            Code::InvalidValue,
            node,
            "`exempt` names no legal basis for the exemption",
        )
        .help = Some("write the basis, like `exempt: Offl. § 13`".into());
    }
    basis.unwrap_or_default()
}

fn part(ctx: &mut Ctx, node: &Node, types: &[&str]) -> Option<Part> {
    let mut f = Fields::new(ctx, node, &PART)?;
    let title = f.take(ctx, "title").and_then(|n| ctx.text(n, "title"));
    let kind = f
        .take(ctx, "type")
        .and_then(|n| ctx.one_of(n, "case type", types));
    f.finish(ctx);
    Some(Part {
        title: title?,
        kind: kind?,
    })
}

pub fn case_number(ctx: &mut Ctx, node: &Node) -> Option<At<CaseNumber>> {
    let text = ctx.text(node, "a case number")?;
    match CaseNumber::parse(&text) {
        Ok(n) => Some(At {
            value: n,
            at: ctx.at(node),
        }),
        Err(e) => {
            ctx.report(Code::CaseNumberFormat, node, e.0).help =
                Some("a case number is <number>/<two-digit year>, like 43/21".into());
            None
        }
    }
}

#[cfg(test)]
mod tests;
