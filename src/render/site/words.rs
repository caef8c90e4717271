//! The site's own words (its navigation, banners and history), in the
//! board's language; the documents keep theirs (`labels`).

use super::Change;
use crate::model::{Language, MeetingStatus};

pub struct Words {
    pub meetings: &'static str,
    pub meeting: &'static str,
    pub upcoming: &'static str,
    pub cases: &'static str,
    pub cases_lower: &'static str,
    pub case: &'static str,
    pub number: &'static str,
    pub title: &'static str,
    pub decisions: &'static str,
    pub risks: &'static str,
    pub status_report: &'static str,
    pub overviews: &'static str,
    pub quarter: &'static str,
    pub registers: &'static str,
    pub search: &'static str,
    pub hits: &'static str,
    pub no_hits: &'static str,
    pub noscript: &'static str,
    pub notice: &'static str,
    pub minutes: &'static str,
    pub invite: &'static str,
    pub pack: &'static str,
    pub on_agenda: &'static str,
    pub history: &'static str,
    pub none: &'static str,
    pub internal: &'static str,
    pub errors: &'static str,
    statuses: [&'static str; 5],
    changes: [&'static str; 4],
}

impl Words {
    pub fn status(&self, s: MeetingStatus) -> &'static str {
        let [planned, proposed, held, approved, cancelled] = self.statuses;
        match s {
            MeetingStatus::Planned => planned,
            MeetingStatus::Proposed => proposed,
            MeetingStatus::Held => held,
            MeetingStatus::Approved => approved,
            MeetingStatus::Cancelled => cancelled,
        }
    }

    pub fn change(&self, c: Change) -> &'static str {
        let [drafted, scheduled, decided, changed] = self.changes;
        match c {
            Change::Drafted => drafted,
            Change::Scheduled => scheduled,
            Change::Decided => decided,
            Change::Changed => changed,
        }
    }
}

static NB: Words = Words {
    meetings: "Møter",
    meeting: "Møte",
    upcoming: "Kommende møter",
    cases: "Saker",
    cases_lower: "saker",
    case: "Sak",
    number: "Nr.",
    title: "Tittel",
    decisions: "Vedtak",
    risks: "Risikoregister",
    status_report: "Statusrapport",
    overviews: "Kvartalsoversikt",
    quarter: "K",
    registers: "Registre",
    search: "Søk",
    hits: "treff",
    no_hits: "Ingen treff",
    noscript: "Søket trenger JavaScript.",
    notice: "Innkalling",
    minutes: "Protokoll",
    invite: "Kalenderinvitasjon (.ics)",
    pack: "Møtepakke (PDF)",
    on_agenda: "På sakslisten til",
    history: "Historikk",
    none: "Ingen.",
    internal: "INTERNT – inneholder opplysninger unntatt offentlighet. Skal ikke publiseres.",
    errors: "Registeret har feil (pds check):",
    statuses: [
        "planlagt",
        "foreslått",
        "avholdt",
        "protokoll godkjent",
        "avlyst",
    ],
    changes: [
        "utkast skrevet",
        "satt på sakslisten",
        "vedtak ført",
        "endret",
    ],
};

static EN: Words = Words {
    meetings: "Meetings",
    meeting: "Meeting",
    upcoming: "Upcoming meetings",
    cases: "Cases",
    cases_lower: "cases",
    case: "Case",
    number: "No.",
    title: "Title",
    decisions: "Decisions",
    risks: "Risk register",
    status_report: "Status report",
    overviews: "Quarterly overview",
    quarter: "Q",
    registers: "Registers",
    search: "Search",
    hits: "results",
    no_hits: "No results",
    noscript: "Search needs JavaScript.",
    notice: "Notice",
    minutes: "Minutes",
    invite: "Calendar invitation (.ics)",
    pack: "Board pack (PDF)",
    on_agenda: "On the agenda of",
    history: "History",
    none: "None.",
    internal: "INTERNAL – holds content exempt from public disclosure. Do not publish.",
    errors: "The record has errors (pds check):",
    statuses: [
        "planned",
        "proposed",
        "held",
        "minutes approved",
        "cancelled",
    ],
    changes: ["drafted", "scheduled", "decided", "changed"],
};

pub fn words(language: Language) -> &'static Words {
    // Norwegian unless the board writes English.
    match language {
        Language::En => &EN,
        _ => &NB,
    }
}
