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
    /// The mark of a draft's document: "Utkast"
    pub draft: &'static str,
    /// Where a draft's number would stand
    pub no_number: &'static str,
    pub overview: &'static str,
    pub quarter_overview: &'static str,
    pub forum_overview: &'static str,
    pub no_cases: &'static str,
    pub exempt: &'static str,
    /// A decided exempt case in public minutes, before " (<basis>)"
    pub decided_exempt: &'static str,
    pub part: &'static str,
    pub case_word: &'static str,
    pub previous: &'static str,
    pub risks: &'static str,
    pub risk_id: &'static str,
    pub risk: &'static str,
    pub measures: &'static str,
    pub risk_comment: &'static str,
    pub risk_new: &'static str,
    pub risk_closed: &'static str,
    pub risks_not_listed: &'static str,
    pub probability: &'static str,
    pub consequence: &'static str,
    pub unrated: &'static str,
    pub status: &'static str,
    pub as_of: &'static str,
    pub overall: &'static str,
    pub phase: &'static str,
    pub progress: &'static str,
    pub economy: &'static str,
    pub quality: &'static str,
    pub risk_light: &'static str,
    pub comment: &'static str,
    pub deliverables: &'static str,
    pub project: &'static str,
    pub key_risks: &'static str,
    pub dependencies: &'static str,
    pub focus: &'static str,
    pub communication: &'static str,
    pub involvement: &'static str,
    pub value: &'static str,
    pub projects: &'static str,
    pub green: &'static str,
    pub yellow: &'static str,
    pub red: &'static str,
    pub forum: &'static str,
    pub forum_purpose: &'static str,
    pub forum_extra: &'static str,
    pub quarter_names: [&'static str; 4],
    pub minutes: &'static str,
    pub present: &'static str,
    pub absent: &'static str,
    /// A held meeting's case whose decision the record does not hold
    pub no_decision: &'static str,
    /// Minutes of a meeting that records no attendance
    pub attendance_not_recorded: &'static str,
    /// Others who attended (guests)
    pub guests: &'static str,
    pub minute_taker: &'static str,
    /// Before the name of who met in an absent member's place
    pub substitute: &'static str,
    /// The mark of a cancelled meeting's notice: "AVLYST"
    pub cancelled: &'static str,
    /// The mark of a proposed (not yet decided) meeting's notice
    pub proposed: &'static str,
    /// The decisions register's heading
    pub decisions: &'static str,
    /// A decisions register with no decided case
    pub no_decisions: &'static str,
    pub actions: &'static str,
    pub action_id: &'static str,
    pub action_text: &'static str,
    pub action_owner: &'static str,
    pub action_due: &'static str,
    pub action_status: &'static str,
    pub action_open: &'static str,
    pub action_done: &'static str,
    pub raised: &'static str,
    pub no_actions: &'static str,
}

pub fn labels(language: Language) -> Labels {
    match language {
        Language::Nb => Labels {
            lang: Language::Nb.as_str(),
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
            draft: "Utkast",
            no_number: "ikke nummerert ennå",
            overview: "Oversikt over saker i programstyret",
            quarter_overview: "Oversikt saker programstyremøter {q}. kvartal",
            forum_overview: "Oversikt saker i nasjonal styringsmodell",
            no_cases: "Ingen møter i kvartalet",
            exempt: "Unntatt offentlighet",
            decided_exempt: "Vedtak fattet – unntatt offentlighet",
            part: "Del",
            case_word: "Sak",
            previous: "Tidligere behandlet",
            risks: "Risiko",
            risk_id: "Id",
            risk: "Risiko",
            measures: "Tiltak",
            risk_comment: "Endring/kommentar",
            risk_new: "(ny)",
            risk_closed: "(risiko avsluttet)",
            risks_not_listed: "Følgende inngår ikke i tabelloversikten:",
            probability: "Sannsynlighet",
            consequence: "Konsekvens",
            unrated: "Ikke plassert (uten sannsynlighet og konsekvens):",
            status: "Status",
            as_of: "Pr",
            overall: "Overordnet status",
            phase: "Fase",
            progress: "Framdrift",
            economy: "Økonomi",
            quality: "Kvalitet",
            risk_light: "Risiko",
            comment: "Kommentar",
            deliverables: "Hovedleveranser",
            project: "Prosjekt",
            key_risks: "Viktigste risiki",
            dependencies:
                "Avhengigheter, behov for tiltak utenfor program eller styringssignaler fra HOD",
            focus: "Hovedfokus for tiden",
            communication: "Kommunikasjon",
            involvement: "Involvering og forankring",
            value: "Verdi, nytte og effekter",
            projects: "Prosjekter",
            green: "grønn",
            yellow: "gul",
            red: "rød",
            forum: "Forum",
            forum_purpose: "Formål med og beskrivelse av sak",
            forum_extra: "Ekstra",
            quarter_names: [
                "Første kvartal",
                "Andre kvartal",
                "Tredje kvartal",
                "Fjerde kvartal",
            ],
            minutes: "Protokoll",
            present: "Til stede",
            absent: "Forfall",
            no_decision: "Vedtak ikke registrert",
            attendance_not_recorded: "Oppmøte ikke registrert",
            guests: "Andre til stede",
            minute_taker: "Referent",
            substitute: "vara",
            cancelled: "AVLYST",
            proposed: "Foreslått møte – ikke bekreftet",
            decisions: "Vedtaksprotokoll",
            no_decisions: "Ingen vedtak registrert",
            actions: "Aksjonspunkter",
            action_id: "Id",
            action_text: "Aksjonspunkt",
            action_owner: "Ansvarlig",
            action_due: "Frist",
            action_status: "Status",
            action_open: "Åpen",
            action_done: "Lukket",
            raised: "Fra",
            no_actions: "Ingen aksjonspunkter registrert",
        },
        Language::En => Labels {
            lang: Language::En.as_str(),
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
            draft: "Draft",
            no_number: "no number yet",
            overview: "Overview of the board's cases",
            quarter_overview: "Board meeting cases, quarter {q}",
            forum_overview: "Items in other governance forums",
            no_cases: "No meetings in the quarter",
            exempt: "Exempt from public disclosure",
            decided_exempt: "Decided – exempt from public disclosure",
            part: "Part",
            case_word: "Case",
            previous: "Earlier handled as",
            risks: "Risks",
            risk_id: "Id",
            risk: "Risk",
            measures: "Measures",
            risk_comment: "Change/comment",
            risk_new: "(new)",
            risk_closed: "(risk closed)",
            risks_not_listed: "Not in the table:",
            probability: "Probability",
            consequence: "Consequence",
            unrated: "Not placed (no probability and consequence):",
            status: "Status",
            as_of: "As of",
            overall: "Overall status",
            phase: "Phase",
            progress: "Progress",
            economy: "Finances",
            quality: "Quality",
            risk_light: "Risk",
            comment: "Comment",
            deliverables: "Main deliverables",
            project: "Project",
            key_risks: "Key risks",
            dependencies: "Dependencies and decisions needed from outside the programme",
            focus: "Current focus",
            communication: "Communication",
            involvement: "Involvement",
            value: "Value and benefits",
            projects: "Projects",
            green: "green",
            yellow: "amber",
            red: "red",
            forum: "Forum",
            forum_purpose: "Purpose and description",
            forum_extra: "Extraordinary",
            quarter_names: [
                "First quarter",
                "Second quarter",
                "Third quarter",
                "Fourth quarter",
            ],
            minutes: "Minutes",
            present: "Present",
            absent: "Apologies",
            no_decision: "No decision recorded",
            attendance_not_recorded: "Attendance not recorded",
            guests: "Also present",
            minute_taker: "Minutes taken by",
            substitute: "substitute",
            cancelled: "CANCELLED",
            proposed: "Proposed meeting – not yet confirmed",
            decisions: "Decisions register",
            no_decisions: "No decisions recorded",
            actions: "Action items",
            action_id: "Id",
            action_text: "Action",
            action_owner: "Owner",
            action_due: "Due",
            action_status: "Status",
            action_open: "Open",
            action_done: "Done",
            raised: "Raised at",
            no_actions: "No action items recorded",
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

const MONTHS_NB: [&str; 12] = [
    "januar",
    "februar",
    "mars",
    "april",
    "mai",
    "juni",
    "juli",
    "august",
    "september",
    "oktober",
    "november",
    "desember",
];

/// A forum meeting's days: `27. og 28. januar` (nb), `27–28 January` (en).
pub fn days(language: Language, from: Date, to: Option<Date>) -> String {
    let month = |d: Date| {
        let i = usize::from(d.month).saturating_sub(1);
        match language {
            Language::Nb => MONTHS_NB.get(i).copied().unwrap_or(""),
            Language::En => MONTHS_EN.get(i).copied().unwrap_or(""),
        }
    };
    match (language, to) {
        (Language::Nb, None) => format!("{}. {}", from.day, month(from)),
        (Language::Nb, Some(to)) if to.month == from.month => {
            format!("{}. og {}. {}", from.day, to.day, month(from))
        }
        (Language::Nb, Some(to)) => {
            format!("{}. {} – {}. {}", from.day, month(from), to.day, month(to))
        }
        (Language::En, None) => format!("{} {}", from.day, month(from)),
        (Language::En, Some(to)) if to.month == from.month => {
            format!("{}–{} {}", from.day, to.day, month(from))
        }
        (Language::En, Some(to)) => {
            format!("{} {} – {} {}", from.day, month(from), to.day, month(to))
        }
    }
}

/// `01.12.2021 – Møte #7`
pub fn meeting_label(language: Language, d: Date, seq: u32) -> String {
    let word = labels(language).meeting;
    format!("{} – {word} #{seq}", date(language, d))
}
