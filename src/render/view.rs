//! What templates see. The view structs are the public API of templates:
//! every field is documented, and templates never see the model itself.
//! This file holds the views every document shares (`board`, `meeting`);
//! each document's own views are in its file in `render/doc/`.
//!
//! Text fields hold plain text; templates escape them (HTML in `.html`
//! templates, Markdown in `.md` ones). Fields ending in `_html` hold HTML that
//! pds rendered from Markdown and sanitised: insert them with `| safe`.

use super::labels;
use crate::model::{Meeting, MeetingKind, Record};
use serde::Serialize;

/// How a document is being rendered.
#[derive(Debug, Clone, Copy, Default)]
pub struct RenderOptions {
    /// `--public`: the record is its public view (`model::public::view`), so
    /// exempt cases hold only number, meeting, title, type and exemption;
    /// templates show the exemption where the withheld text would stand.
    pub public: bool,
}

/// `board`: the board the document is for.
#[derive(Debug, Clone, Serialize)]
pub struct BoardView {
    /// "Example Trust Board"
    pub name: String,
    /// The secretariat, when pds.yaml names one.
    pub secretariat: Option<String>,
    /// `nb`, `nn` or `en`.
    pub language: &'static str,
}

/// `meeting`: one meeting.
#[derive(Debug, Clone, Serialize)]
pub struct MeetingView {
    /// "7/2021"
    pub number: String,
    /// 7
    pub seq: u32,
    /// 2021
    pub year: u16,
    /// "01.12.2021" (nb) or "1 December 2021" (en)
    pub date: String,
    /// "2021-12-01"
    pub date_iso: String,
    /// "kl. 13.00 – 15.00", when the meeting has a time
    pub time: Option<String>,
    /// "01.12.2021, kl. 13.00 – 15.00": the notice's Dato field
    pub when: String,
    /// "Elektronisk møte, …"
    pub place: Option<String>,
    /// "Alice Morgan, Northfield Health Trust": the meeting's chair, or the board's
    pub chair: Option<String>,
    /// The chair as minutes show it: the meeting's own `chair`, or the
    /// board's when the meeting records attendance; none otherwise (minutes
    /// claim nothing the record does not hold)
    pub chair_recorded: Option<String>,
    /// Whether the meeting is extraordinary.
    pub extraordinary: bool,
    /// planned, proposed, held, approved or cancelled
    pub status: &'static str,
    /// "01.12.2021 – Møte #7", as overviews head each meeting
    pub label: String,
    /// Everyone invited, as "Name, Org": the members, then the meeting's extra invitees
    pub invitees: Vec<String>,
    /// Whether the meeting is still ahead (planned or proposed): its
    /// minutes are a draft
    pub ahead: bool,
    /// Whether the meeting records any attendance; when it does not, the
    /// minutes say `l.attendance_not_recorded` and list no one
    pub attendance_recorded: bool,
    /// Who the meeting records as present, as "Name, Org"
    pub present: Vec<String>,
    /// Who the meeting records with leave (forfall), as "Name, Org", with
    /// "(vara: Name)" (`l.substitute`) when someone met in their place
    pub absent: Vec<String>,
    /// Others who attended, as recorded (free text)
    pub guests: Vec<String>,
    /// Who kept the minutes, as recorded (free text)
    pub minute_taker: Option<String>,
}

pub fn board(record: &Record) -> BoardView {
    BoardView {
        name: record.board.name.clone(),
        secretariat: record.board.secretariat.clone(),
        language: record.board.language.as_str(),
    }
}

pub fn meeting(record: &Record, l: &labels::Labels, m: &Meeting) -> MeetingView {
    let lang = record.board.language;
    let date = labels::date(lang, m.date.value);
    let time = m.time.map(|t| labels::time(lang, t));
    let invitees: Vec<String> = record
        .board
        .members
        .iter()
        .chain(m.invited.iter())
        .map(|p| p.label())
        .collect();
    // A name as the minutes show it: with the organisation the board's
    // lists give it.
    let people: Vec<&crate::model::Person> = record
        .board
        .members
        .iter()
        .chain(record.board.chair.iter())
        .chain(m.chair.iter())
        .chain(m.invited.iter())
        .collect();
    let label = |name: &str| {
        people
            .iter()
            .find(|p| p.name == name)
            .map_or_else(|| name.to_string(), |p| p.label())
    };
    let substitute = &l.substitute;
    let absent = m
        .absent
        .iter()
        .map(|a| match &a.substitute {
            Some(s) => format!("{} ({substitute}: {s})", label(&a.name.value)),
            None => label(&a.name.value),
        })
        .collect();
    MeetingView {
        number: m.number.value.to_string(),
        seq: m.number.seq,
        year: m.number.year,
        when: match &time {
            Some(t) => format!("{date}, {t}"),
            None => date.clone(),
        },
        date,
        date_iso: m.date.value.to_string(),
        time,
        place: m.place.clone(),
        chair: m
            .chair
            .as_ref()
            .or(record.board.chair.as_ref())
            .map(|p| p.label()),
        chair_recorded: m
            .chair
            .as_ref()
            .or(record.board.chair.as_ref().filter(|_| m.has_attendance()))
            .map(|p| p.label()),
        extraordinary: m.kind == MeetingKind::Extraordinary,
        status: m.status.as_str(),
        label: labels::meeting_label(lang, l, m.date.value, m.number.seq),
        invitees,
        ahead: m.status.is_ahead(),
        attendance_recorded: m.has_attendance(),
        present: m.present.iter().map(|p| label(&p.value)).collect(),
        absent,
        guests: m.guests.clone(),
        minute_taker: m.minute_taker.clone(),
    }
}
