//! Reading `<yyyy>/meetings.yaml`.

use super::board::{person, PERSON_TYPE};
use super::schema::{Ctx, Fields};
use super::table::{Field, Table, Type, MEETING_NUMBER, TIME_SPAN};
use crate::diag::Code;
use crate::model::{
    Absence, At, Date, Meeting, MeetingKind, MeetingNumber, MeetingStatus, Named, TimeSpan,
};
use crate::yaml::Node;

pub const MEETING: Table = Table {
    what: "meeting",
    fields: &[
        Field::required(
            "number",
            MEETING_NUMBER,
            "The meeting's number: its sequence in the year, then the year.",
        ),
        Field::required("date", Type::Date, "The day of the meeting."),
        Field::optional("time", TIME_SPAN, "When it starts and ends."),
        Field::optional("place", Type::Text, "Where it is held."),
        Field::optional(
            "chair",
            PERSON_TYPE,
            "Who chairs this meeting, if not the board's chair.",
        ),
        Field::optional(
            "kind",
            Type::OneOf(MeetingKind::NAMES),
            "An extraordinary meeting is announced as such.",
        ),
        Field::optional(
            "status",
            Type::OneOf(MeetingStatus::NAMES),
            "Whether the meeting is planned, was held or was cancelled.",
        ),
        Field::optional(
            "invited",
            Type::List(&PERSON_TYPE),
            "Who is invited besides the board's members.",
        ),
        Field::optional(
            "present",
            Type::List(&Type::Text),
            "Names of the members (and the chair) who attended.",
        ),
        Field::optional(
            "absent",
            Type::List(&ABSENCE_TYPE),
            "Members with leave (forfall): a name, or a name with a substitute.",
        ),
        Field::optional(
            "guests",
            Type::List(&Type::Text),
            "Others who attended, as free text (a name, perhaps with a role).",
        ),
        Field::optional(
            "minute_taker",
            Type::Text,
            "Who kept the minutes (free text: usually the secretariat).",
        ),
    ],
};

/// One entry of `absent`: a name, or a mapping with a substitute.
pub const ABSENCE_TYPE: Type = Type::Either(&[Type::Text, Type::Map(&ABSENCE)]);

pub const ABSENCE: Table = Table {
    what: "absence",
    fields: &[
        Field::required("name", Type::Text, "The name of the member with leave."),
        Field::optional(
            "substitute",
            Type::Text,
            "Who attended in their place (free text).",
        ),
    ],
};

/// Every meeting of one meetings.yaml. Broken entries are reported and left
/// out; the numbers of those whose number could be read come second, so that
/// cases naming them are not told the meeting does not exist.
pub fn meetings(ctx: &mut Ctx, node: &Node) -> (Vec<Meeting>, Vec<MeetingNumber>) {
    let mut loaded = Vec::new();
    let mut broken = Vec::new();
    if node.is_null() {
        return (loaded, broken);
    }
    for m in ctx.seq(node, "meetings.yaml") {
        match meeting(ctx, m) {
            Ok(m) => loaded.push(m),
            Err(Some(number)) => broken.push(number),
            Err(None) => {}
        }
    }
    (loaded, broken)
}

/// A meeting, or the number of one that did not load (when it has one).
fn meeting(ctx: &mut Ctx, node: &Node) -> Result<Meeting, Option<MeetingNumber>> {
    let mut f = Fields::new(ctx, node, &MEETING).ok_or(None)?;
    let number = f.take(ctx, "number").and_then(|n| meeting_number(ctx, n));
    let date = f.take(ctx, "date").and_then(|n| date(ctx, n));
    let time = f.take(ctx, "time").and_then(|n| {
        let text = ctx.text(n, "time")?;
        let span = TimeSpan::parse(&text);
        if span.is_none() {
            ctx.report(
                Code::InvalidValue,
                n,
                format!("`{text}` is not a time span"),
            )
            .help = Some("write it like 13:00-15:00".into());
        }
        span
    });
    let place = f.take(ctx, "place").and_then(|n| ctx.text(n, "place"));
    let chair = f.take(ctx, "chair").and_then(|n| person(ctx, n, "chair"));
    let kind: MeetingKind = f
        .take(ctx, "kind")
        .and_then(|n| ctx.word(n))
        .unwrap_or_default();
    let status: MeetingStatus = f
        .take(ctx, "status")
        .and_then(|n| ctx.word(n))
        .unwrap_or_default();
    let invited = match f.take(ctx, "invited") {
        Some(n) => ctx
            .seq(n, "invited")
            .iter()
            .filter_map(|p| person(ctx, p, "invitee"))
            .collect(),
        None => Vec::new(),
    };
    let present = match f.take(ctx, "present") {
        Some(n) => ctx
            .seq(n, "present")
            .iter()
            .filter_map(|p| {
                let name = ctx.text(p, "a name")?;
                Some(At {
                    value: name,
                    at: ctx.at(p),
                })
            })
            .collect(),
        None => Vec::new(),
    };
    let absent = match f.take(ctx, "absent") {
        Some(n) => ctx
            .seq(n, "absent")
            .iter()
            .filter_map(|p| absence(ctx, p))
            .collect(),
        None => Vec::new(),
    };
    let guests = match f.take(ctx, "guests") {
        Some(n) => ctx
            .seq(n, "guests")
            .iter()
            .filter_map(|p| ctx.text(p, "a guest"))
            .collect(),
        None => Vec::new(),
    };
    let minute_taker = f
        .take(ctx, "minute_taker")
        .and_then(|n| ctx.text(n, "who kept the minutes"));
    f.finish(ctx);
    let number = number.ok_or(None)?;
    let Some(date) = date else {
        return Err(Some(number.value));
    };
    Ok(Meeting {
        number,
        date,
        time,
        place,
        chair,
        kind,
        status,
        invited,
        present,
        absent,
        guests,
        minute_taker,
        file: ctx.file.clone(),
    })
}

/// `- Kari Nordmann`, or `- { name: Kari Nordmann, substitute: Ola Nordmann }`.
fn absence(ctx: &mut Ctx, node: &Node) -> Option<Absence> {
    if node.scalar_text(ctx.yaml).is_some() {
        let name = ctx.text(node, "a name")?;
        return Some(Absence {
            name: At {
                value: name,
                at: ctx.at(node),
            },
            substitute: None,
        });
    }
    let mut f = Fields::new_as(ctx, node, &ABSENCE, "absence")?;
    let name = f.take(ctx, "name").and_then(|n| {
        Some(At {
            value: ctx.text(n, "a name")?,
            at: ctx.at(n),
        })
    });
    let substitute = f
        .take(ctx, "substitute")
        .and_then(|n| ctx.text(n, "a substitute"));
    f.finish(ctx);
    Some(Absence {
        name: name?,
        substitute,
    })
}

pub fn meeting_number(ctx: &mut Ctx, node: &Node) -> Option<At<MeetingNumber>> {
    let text = ctx.text(node, "a meeting number")?;
    match MeetingNumber::parse(&text) {
        Ok(n) => Some(At {
            value: n,
            at: ctx.at(node),
        }),
        Err(e) => {
            ctx.report(Code::MeetingNumberFormat, node, e.0).help =
                Some("a meeting number is <number>/<four-digit year>, like 7/2021".into());
            None
        }
    }
}

pub fn date(ctx: &mut Ctx, node: &Node) -> Option<At<Date>> {
    let text = ctx.text(node, "a date")?;
    match Date::parse(&text) {
        Some(d) => Some(At {
            value: d,
            at: ctx.at(node),
        }),
        None => {
            ctx.report(Code::InvalidValue, node, format!("`{text}` is not a date"))
                .help = Some("write dates as YYYY-MM-DD, like 2021-12-01".into());
            None
        }
    }
}
