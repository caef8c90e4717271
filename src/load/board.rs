//! Reading `pds.yaml`.

use super::schema::{Ctx, Fields};
use super::table::{Field, Table, Type, CASE_NUMBER, MEETING_NUMBER};
use crate::diag::{nearest, Code};
use crate::model::board::DEFAULT_CASE_TYPES;
use crate::model::timezone::ZONE_NAMES;
use crate::model::{
    Acknowledgement, At, Board, CaseNumber, Language, MeetingNumber, Named, Person, StandingItems,
};
use crate::yaml::{Node, NodeKind};
use std::collections::BTreeMap;

/// A person: `Name, Org` as text, or a mapping.
pub const PERSON_TYPE: Type = Type::Either(&[Type::Text, Type::Map(&PERSON)]);

pub const BOARD: Table = Table {
    what: "pds.yaml",
    fields: &[
        Field::required(
            "board",
            Type::Text,
            "The board's name, as documents print it.",
        ),
        Field::optional(
            "language",
            Type::OneOf(Language::NAMES),
            "The language of rendered documents.",
        ),
        Field::optional(
            "secretariat",
            Type::Text,
            "Who keeps the record, as notices sign it.",
        ),
        Field::optional(
            "members",
            Type::List(&PERSON_TYPE),
            "The board's members, invited to every meeting.",
        ),
        Field::optional(
            "chair",
            PERSON_TYPE,
            "Who chairs meetings, unless a meeting names its own.",
        ),
        Field::optional(
            "case_types",
            Type::List(&Type::Text),
            "The words a case's `type` may be (four defaults when absent).",
        ),
        Field::optional(
            "forums",
            Type::MapOf(&Type::Text),
            "Other governance forums: short name to full name.",
        ),
        Field::optional(
            "standing_items",
            Type::Map(&STANDING_ITEMS),
            "Items every agenda opens and closes with.",
        ),
        Field::optional(
            "acknowledged",
            Type::List(&Type::Map(&ACKNOWLEDGEMENT)),
            "Findings the board knows of and accepts, each with a note.",
        ),
        Field::optional(
            "timezone",
            Type::OneOf(ZONE_NAMES),
            "The time zone meetings are held in (Europe/Oslo when absent).",
        ),
        Field::optional(
            "default_decisions",
            Type::MapOf(&Type::Text),
            "Case type to the decision a held meeting's case of that type has when it records none.",
        ),
        Field::optional(
            "nouns",
            Type::Map(&NOUNS),
            "The board's own nouns in rendered documents (neutral defaults per language).",
        ),
        Field::optional(
            "labels",
            Type::Labels,
            "Words of rendered documents over the built-in ones, by key (templates/labels/).",
        ),
    ],
};

/// The board's own nouns; each is a `{placeholder}` in the labels
/// (`model::labels::NOUNS`).
pub const NOUNS: Table = Table {
    what: "pds.yaml nouns",
    fields: &[
        Field::optional(
            "board",
            Type::Text,
            "The board in running text: \"styringsrådet\" (default \"styret\", en \"the board\").",
        ),
        Field::optional(
            "meetings",
            Type::Text,
            "Its meetings, as the overview's quarter headings name them: \"rådsmøter\" (default \"styremøter\", nn \"styremøte\", en \"board meeting\").",
        ),
        Field::optional(
            "governance",
            Type::Text,
            "Where the other forums of `forums` belong: \"regionale samarbeidsorganer\" (default \"andre styringsorganer\").",
        ),
        Field::optional(
            "principal",
            Type::Text,
            "Who gives the board its mandate and steering signals: \"departementet\" (default \"oppdragsgiver\").",
        ),
    ],
};

pub const PERSON: Table = Table {
    what: "person",
    fields: &[
        Field::required("name", Type::Text, "The person's name."),
        Field::optional("org", Type::Text, "The organisation they come from."),
        Field::optional(
            "email",
            EMAIL,
            "Their e-mail address, where calendar invitations reach them.",
        ),
    ],
};

/// An e-mail address, as an invitation's `mailto:` takes it.
pub const EMAIL: Type = Type::Format {
    name: "e-mail address",
    pattern: "^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$",
    example: "kari.nordmann@example.org",
};

pub const STANDING_ITEMS: Table = Table {
    what: "standing_items",
    fields: &[
        Field::optional(
            "first",
            Type::Text,
            "The title of the item that opens every agenda.",
        ),
        Field::optional(
            "last",
            Type::Text,
            "The title of the item that closes every agenda.",
        ),
    ],
};

pub const ACKNOWLEDGEMENT: Table = Table {
    what: "acknowledgement",
    fields: &[
        Field::required(
            "finding",
            Type::OneOf(Code::NAMES),
            "The code of the finding accepted.",
        ),
        Field::required(
            "number",
            Type::Either(&[CASE_NUMBER, MEETING_NUMBER]),
            "The case or meeting number the finding is about.",
        ),
        Field::required(
            "note",
            Type::Text,
            "Why the board accepts it; printed with the finding.",
        ),
        Field::optional(
            "through",
            Type::Either(&[CASE_NUMBER, MEETING_NUMBER]),
            "The last number of a run the entry covers, from `number` on, in the same year.",
        ),
    ],
};

pub fn board(ctx: &mut Ctx, node: &Node) -> Board {
    let mut board = Board {
        case_types: DEFAULT_CASE_TYPES.iter().map(|s| s.to_string()).collect(),
        ..Board::default()
    };
    let Some(mut f) = Fields::new(ctx, node, &BOARD) else {
        return board;
    };
    if let Some(n) = f.take(ctx, "board") {
        board.name = ctx.text(n, "the board's name").unwrap_or_default();
    }
    if let Some(n) = f.take(ctx, "language") {
        board.language = ctx.word(n).unwrap_or(Language::Nb);
    }
    if let Some(n) = f.take(ctx, "secretariat") {
        board.secretariat = ctx.text(n, "secretariat");
    }
    if let Some(n) = f.take(ctx, "members") {
        board.members = ctx
            .seq(n, "members")
            .iter()
            .filter_map(|m| person(ctx, m, "member"))
            .collect();
    }
    if let Some(n) = f.take(ctx, "chair") {
        board.chair = person(ctx, n, "chair");
    }
    if let Some(n) = f.take(ctx, "case_types") {
        let types: Vec<String> = ctx
            .seq(n, "case_types")
            .iter()
            .filter_map(|t| ctx.text(t, "a case type"))
            .collect();
        if !types.is_empty() {
            board.case_types = types;
        }
    }
    if let Some(n) = f.take(ctx, "forums") {
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
    if let Some(n) = f.take(ctx, "standing_items") {
        board.standing_items = standing_items(ctx, n);
    }
    if let Some(n) = f.take(ctx, "acknowledged") {
        board.acknowledged = ctx
            .seq(n, "acknowledged")
            .iter()
            .filter_map(|a| acknowledgement(ctx, a))
            .collect();
    }
    if let Some(n) = f.take(ctx, "timezone") {
        board.timezone = ctx.one_of(n, "time zone", ZONE_NAMES).map(|value| At {
            value,
            at: ctx.at(n),
        });
    }
    if let Some(n) = f.take(ctx, "default_decisions") {
        match &n.kind {
            NodeKind::Map(entries) => {
                for (k, v) in entries {
                    let Some(kind) = ctx.text(k, "a case type") else {
                        continue;
                    };
                    if !board.case_types.contains(&kind) {
                        let help = crate::diag::nearest(
                            &kind,
                            board.case_types.iter().map(String::as_str),
                        )
                        .map(|t| format!("did you mean `{t}`?"));
                        ctx.report(
                            Code::InvalidValue,
                            k,
                            format!("`{kind}` is not one of the board's case types"),
                        )
                        .help = help;
                        continue;
                    }
                    if let Some(v) = ctx.text(v, "a decision") {
                        board.default_decisions.insert(kind, v);
                    }
                }
            }
            _ => {
                ctx.report(
                    Code::InvalidValue,
                    n,
                    "default_decisions must map case types to decision texts",
                );
            }
        }
    }
    if let Some(n) = f.take(ctx, "nouns") {
        board.nouns = nouns(ctx, n);
    }
    if let Some(n) = f.take(ctx, "labels") {
        board.labels = labels(ctx, n);
    }
    f.finish(ctx);
    board
}

fn nouns(ctx: &mut Ctx, node: &Node) -> BTreeMap<String, String> {
    let mut out = BTreeMap::new();
    let Some(mut f) = Fields::new(ctx, node, &NOUNS) else {
        return out;
    };
    for name in crate::model::labels::NOUNS {
        if let Some(text) = f.take(ctx, name).and_then(|n| ctx.text(n, "a noun")) {
            out.insert(name.to_string(), text);
        }
    }
    f.finish(ctx);
    out
}

/// `labels:`: label key to word; a key no label has is `unknown-field`
/// with the nearest key suggested.
fn labels(ctx: &mut Ctx, node: &Node) -> BTreeMap<String, String> {
    let mut out = BTreeMap::new();
    let NodeKind::Map(entries) = &node.kind else {
        ctx.report(
            Code::InvalidValue,
            node,
            "labels must map label keys to words (see templates/labels/nb.yaml)",
        );
        return out;
    };
    for (k, v) in entries {
        let Some(key) = ctx.text(k, "a label key") else {
            continue;
        };
        if !crate::model::labels::is_key(&key) {
            let help = match nearest(&key, crate::model::labels::keys()) {
                Some(n) => format!("did you mean `{n}`?"),
                None => "the keys are those of `pds templates eject`'s templates/labels.yaml"
                    .to_string(),
            };
            ctx.report(
                Code::UnknownField,
                k,
                format!("unknown key `{key}` in pds.yaml labels"),
            )
            .help = Some(help);
            continue;
        }
        if let Some(text) = ctx.text(v, "a label") {
            out.insert(key, text);
        }
    }
    out
}

/// `{ name: …, org: … }`, or a plain `Name, Org` string.
pub fn person(ctx: &mut Ctx, node: &Node, what: &'static str) -> Option<Person> {
    if let Some(text) = node.scalar_text(ctx.yaml) {
        let (name, org) = match text.split_once(',') {
            Some((n, o)) => (n.trim().to_string(), Some(o.trim().to_string())),
            None => (text.trim().to_string(), None),
        };
        return Some(Person {
            name,
            org,
            email: None,
        });
    }
    let mut f = Fields::new_as(ctx, node, &PERSON, what)?;
    let name = f.take(ctx, "name").and_then(|n| ctx.text(n, "a name"));
    let org = f
        .take(ctx, "org")
        .and_then(|n| ctx.text(n, "an organisation"));
    let email = f.take(ctx, "email").and_then(|n| {
        let text = ctx.text(n, "an e-mail address")?;
        if is_email(&text) {
            return Some(text);
        }
        ctx.report(
            Code::InvalidValue,
            n,
            format!("`{text}` is not an e-mail address"),
        )
        .help = Some("write it like kari@example.org".into());
        None
    });
    f.finish(ctx);
    Some(Person {
        name: name?,
        org,
        email,
    })
}

/// A case or meeting number as findings name it (`05/21` → `5/21`); other
/// text (a risk id) as it is.
fn normalised(raw: String) -> String {
    CaseNumber::parse(&raw)
        .map(|n| n.to_string())
        .or_else(|_| MeetingNumber::parse(&raw).map(|n| n.to_string()))
        .unwrap_or(raw)
}

/// `local@domain`, with no space, no second `@` and nothing that would break
/// a `mailto:` URI or an iCalendar line.
fn is_email(text: &str) -> bool {
    let Some((local, domain)) = text.split_once('@') else {
        return false;
    };
    !local.is_empty()
        && domain.contains('.')
        && !domain.starts_with('.')
        && !domain.ends_with('.')
        && text.chars().filter(|&c| c == '@').count() == 1
        && text
            .chars()
            .all(|c| c.is_alphanumeric() || "@.-_+'".contains(c))
}

fn standing_items(ctx: &mut Ctx, node: &Node) -> StandingItems {
    let Some(mut f) = Fields::new(ctx, node, &STANDING_ITEMS) else {
        return StandingItems::default();
    };
    let first = f
        .take(ctx, "first")
        .and_then(|n| ctx.text(n, "the first standing item"));
    let last = f
        .take(ctx, "last")
        .and_then(|n| ctx.text(n, "the last standing item"));
    f.finish(ctx);
    StandingItems { first, last }
}

fn acknowledgement(ctx: &mut Ctx, node: &Node) -> Option<Acknowledgement> {
    let mut f = Fields::new(ctx, node, &ACKNOWLEDGEMENT)?;
    let finding_node = f.take(ctx, "finding");
    let number_node = f.take(ctx, "number");
    let note = f
        .take(ctx, "note")
        .and_then(|n| ctx.text(n, "the note"))
        .unwrap_or_default();
    let through_node = f.take(ctx, "through");
    f.finish(ctx);
    let finding_node = finding_node?;
    let finding = ctx.one_of(finding_node, "finding code", Code::NAMES)?;
    let number_node = number_node?;
    let raw = ctx.text(number_node, "the number")?;
    // Normalise so `05/21` matches the finding's `5/21`.
    let number = normalised(raw);
    let through = through_node.and_then(|n| {
        let value = normalised(ctx.text(n, "the last number")?);
        let same_run = match (
            CaseNumber::parse(&number),
            CaseNumber::parse(&value),
            MeetingNumber::parse(&number),
            MeetingNumber::parse(&value),
        ) {
            (Ok(a), Ok(b), _, _) => a.year() == b.year() && a <= b,
            (_, _, Ok(a), Ok(b)) => a.year == b.year && a <= b,
            _ => false,
        };
        if !same_run {
            ctx.report(
                Code::InvalidValue,
                n,
                format!("`through: {value}` does not end a run that starts at {number}"),
            )
            .help = Some(
                "`through` is a later number of the same kind and year as `number`, like number: 1/2021, through: 6/2021".into(),
            );
            return None;
        }
        Some(At {
            value,
            at: ctx.at(n),
        })
    });
    Some(Acknowledgement {
        through,
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
