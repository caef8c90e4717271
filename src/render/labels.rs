//! The words of rendered documents, in Norwegian (nb) and English (en).
//! Templates see them as `l.<name>`.

use crate::model::{Date, Language, TimeSpan};
use serde::Serialize;

#[derive(Debug, Clone, Serialize)]
pub struct Labels {
    pub lang: &'static str,
    pub notice: &'static str,
    pub extraordinary: &'static str,
    pub to: &'static str,
    pub place: &'static str,
    pub date: &'static str,
    pub meeting: &'static str,
    pub chair: &'static str,
    pub agenda: &'static str,
    pub number: &'static str,
    pub title: &'static str,
    pub description: &'static str,
    pub document: &'static str,
    pub case_type: &'static str,
    pub overview_description: &'static str,
    pub owner: &'static str,
    pub kind: &'static str,
    pub proposed_decision: &'static str,
    pub decision: &'static str,
    pub no_document: &'static str,
    pub overview: &'static str,
    pub quarter_overview: &'static str,
    pub forum_overview: &'static str,
    pub no_cases: &'static str,
    pub exempt: &'static str,
    pub part: &'static str,
    pub case_word: &'static str,
    pub previous: &'static str,
}

pub fn labels(language: Language) -> Labels {
    match language {
        Language::Nb => Labels {
            lang: "nb",
            notice: "Møteinnkalling",
            extraordinary: "Ekstraordinært møte",
            to: "Til",
            place: "Sted",
            date: "Dato",
            meeting: "Møte",
            chair: "Møteleder",
            agenda: "Agenda",
            number: "Saksnummer",
            title: "Sakstittel",
            description: "Beskrivelse",
            document: "Saksdokument",
            case_type: "Type sak",
            overview_description: "Beskrivelse av sak",
            owner: "Sakseier",
            kind: "Type",
            proposed_decision: "Forslag til vedtak",
            decision: "Vedtak",
            no_document: "Saken er uten underlag",
            overview: "Oversikt over saker i programstyret",
            quarter_overview: "Oversikt saker programstyremøter {q}. kvartal",
            forum_overview: "Oversikt saker i nasjonal styringsmodell",
            no_cases: "Ingen møter i kvartalet",
            exempt: "Unntatt offentlighet",
            part: "Del",
            case_word: "Sak",
            previous: "Tidligere behandlet",
        },
        Language::En => Labels {
            lang: "en",
            notice: "Notice of meeting",
            extraordinary: "Extraordinary meeting",
            to: "To",
            place: "Place",
            date: "Date",
            meeting: "Meeting",
            chair: "Chair",
            agenda: "Agenda",
            number: "Case",
            title: "Title",
            description: "Description",
            document: "Case document",
            case_type: "Type",
            overview_description: "Description",
            owner: "Owner",
            kind: "Type",
            proposed_decision: "Proposed decision",
            decision: "Decision",
            no_document: "No document",
            overview: "Overview of the board's cases",
            quarter_overview: "Board meeting cases, quarter {q}",
            forum_overview: "Items in other governance forums",
            no_cases: "No meetings in the quarter",
            exempt: "Exempt from public disclosure",
            part: "Part",
            case_word: "Case",
            previous: "Earlier handled as",
        },
    }
}

const MONTHS_EN: [&str; 12] = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];

/// `01.12.2021` (nb) or `1 December 2021` (en).
pub fn date(language: Language, d: Date) -> String {
    match language {
        Language::Nb => d.nb(),
        Language::En => {
            let month = MONTHS_EN
                .get(usize::from(d.month).saturating_sub(1))
                .copied()
                .unwrap_or("");
            format!("{} {month} {}", d.day, d.year)
        }
    }
}

/// `kl. 13.00 – 15.00` (nb) or `13:00 – 15:00` (en).
pub fn time(language: Language, t: TimeSpan) -> String {
    match language {
        Language::Nb => t.nb(),
        Language::En => t.en(),
    }
}

/// `01.12.2021 – Møte #7`
pub fn meeting_label(language: Language, d: Date, seq: u32) -> String {
    let word = labels(language).meeting;
    format!("{} – {word} #{seq}", date(language, d))
}
