//! Reading a case file: front matter into a `Case`, the body kept as text.

use super::frontmatter::{self, SplitError};
use super::meeting::meeting_number;
use super::schema::{Ctx, Fields};
use super::table::{Field, Table, Type, CASE_NUMBER, MEETING_NUMBER};
use crate::diag::{Code, Finding, Findings, Location, SourceFile};
use crate::model::{At, Case, CaseKind, CaseNumber, CaseStatus, Named, Part};
use crate::yaml::{self, Node};

pub const CASE: Table = Table {
    what: "case",
    fields: &[
        Field::required_unless(
            "number",
            "`status` is `draft`",
            CASE_NUMBER,
            "The case's number: its sequence in the year, then the year's two digits.",
        ),
        Field::required_unless(
            "meeting",
            "`status` is `draft`",
            MEETING_NUMBER,
            "The meeting the case is on the agenda of.",
        ),
        Field::required(
            "title",
            Type::Text,
            "The case's title, as the agenda lists it.",
        ),
        Field::required_unless(
            "type",
            "`parts` is given, `status` is `draft`, or the case is the closing standing item (Eventuelt)",
            Type::CaseType,
            "The case's type, one of `case_types` in pds.yaml; give `type` or `parts`, never both.",
        ),
        Field::optional(
            "parts",
            Type::List(&Type::Map(&PART)),
            "The parts of a case taken as several items, each with its own type.",
        ),
        Field::optional(
            "description",
            Type::Text,
            "What the board is asked to do, in Markdown.",
        ),
        Field::optional("owner", Type::Text, "Who presents the case."),
        Field::optional(
            "agenda_note",
            Type::Text,
            "A line the agenda prints under the case's title, as the source does.",
        ),
        Field::optional(
            "document",
            Type::Text,
            "The case document's name on the agenda, when it differs from the case's title.",
        ),
        Field::optional(
            "tie_order",
            Type::Number {
                min: 1,
                max: 1_000_000,
            },
            "The case's place among cases sharing its number: 1 first.",
        ),
        Field::optional(
            "status",
            Type::OneOf(CaseStatus::NAMES),
            "Where the case stands; a draft needs no number or meeting.",
        ),
        Field::optional(
            "exempt",
            Type::Text,
            "The legal basis for exempting the case from public access.",
        ),
        Field::optional(
            "previous",
            Type::Either(&[CASE_NUMBER, Type::List(&CASE_NUMBER)]),
            "Earlier cases this one follows up.",
        ),
        Field::optional(
            "proposed_decision",
            Type::Text,
            "The decision the board is asked to make, in Markdown.",
        ),
        Field::optional(
            "decision",
            Type::Text,
            "The decision the board made, in Markdown.",
        ),
    ],
};

pub const PART: Table = Table {
    what: "part",
    fields: &[
        Field::required("title", Type::Text, "The part's title."),
        Field::required(
            "type",
            Type::CaseType,
            "The part's type, one of `case_types` in pds.yaml.",
        ),
    ],
};

/// What reading a case file gave: the case, or only the findings.
pub fn parse(file: &SourceFile, case_types: &[String], findings: &mut Findings) -> Option<Case> {
    parse_text(file, file.text(), case_types, findings)
}

/// `parse` of `file` whose whole text is `whole`.
fn parse_text(
    file: &SourceFile,
    whole: &str,
    case_types: &[String],
    findings: &mut Findings,
) -> Option<Case> {
    let (_, text) = crate::diag::split_bom(whole);
    let split = match frontmatter::split(text) {
        Ok(s) => s,
        Err(e) => {
            let message = match e {
                SplitError::Missing if text.trim().is_empty() => {
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
                Finding::new(
                    Code::FrontMatter,
                    Location::in_text(file, whole, 0, 0),
                    message,
                )
                .help("write the case's fields between two `---` lines at the top of the file"),
            );
            return None;
        }
    };
    parse_split(file, whole, &split, case_types, findings)
}

/// `parse` of `file` whose text is `whole` (the file may have left it on
/// disk: `SourceFile::left_on_disk`; `whole` may end where its front matter
/// ends), split already: `split` of what follows its byte-order mark.
pub fn parse_split(
    file: &SourceFile,
    whole: &str,
    split: &frontmatter::Split,
    case_types: &[String],
    findings: &mut Findings,
) -> Option<Case> {
    let bom = crate::diag::split_bom(whole).0.len();
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
        text: whole,
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
    let (kind, untyped) = kind(ctx, &mut f, &types, draft);
    let text_field =
        |f: &mut Fields, ctx: &mut Ctx, key: &str| f.take(ctx, key).and_then(|n| ctx.text(n, key));
    let description = text_field(&mut f, ctx, "description");
    let owner = text_field(&mut f, ctx, "owner");
    let agenda_note = text_field(&mut f, ctx, "agenda_note");
    let document = text_field(&mut f, ctx, "document");
    let tie_order = f
        .take(ctx, "tie_order")
        .and_then(|n| ctx.int(n, "tie_order", 1..=1_000_000))
        .map(|i| i as u32);
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
    let boxed = |s: Option<String>| s.map(String::into_boxed_str);
    Some(Case {
        number,
        meeting,
        title: title.into_boxed_str(),
        kind,
        description: boxed(description),
        owner: boxed(owner),
        agenda_note: boxed(agenda_note),
        document: boxed(document),
        tie_order,
        untyped,
        status,
        exempt: boxed(exempt),
        previous,
        proposed_decision: boxed(proposed_decision),
        decision: boxed(decision),
        body_offset,
        file: ctx.file.clone(),
    })
}

/// `type`, or `parts` each with its own type: exactly one of them, unless
/// the case is a draft. A case with neither is `Unknown`, with the place
/// `check` reports it at (it knows the board's standing items: the closing
/// one, Eventuelt, may have no type).
fn kind(
    ctx: &mut Ctx,
    f: &mut Fields,
    types: &[&str],
    draft: bool,
) -> (CaseKind, Option<Location>) {
    let type_node = f.take(ctx, "type");
    let parts_node = f.take(ctx, "parts");
    let kind = match (type_node, parts_node) {
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
            if draft {
                return (CaseKind::Unknown, None);
            }
            let at = f.node();
            let first = at.as_map().and_then(|m| m.first()).map(|(k, _)| k.clone());
            return (
                CaseKind::Unknown,
                Some(ctx.at(first.as_ref().unwrap_or(at))),
            );
        }
    };
    (kind, None)
}

/// The legal basis of an exemption. Any `exempt` key makes the case exempt,
/// whatever its value: a value that names no basis is a finding, never a
/// case published whole.
fn exempt(ctx: &mut Ctx, node: &Node) -> String {
    let basis = ctx.text(node, "exempt");
    // `exempt: true` (or yes) says that, not why: no legal basis either.
    let blank = basis.as_deref().is_some_and(|b| {
        let b = b.trim().to_lowercase();
        b.is_empty() || ["true", "false", "yes", "no", "ja", "nei"].contains(&b.as_str())
    });
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
