//! The words of rendered documents, typed: the built-in sets are data
//! (`templates/labels/<lang>.yaml`, read by `model::labels`), which a
//! record overrides. Templates see them as `l.<name>`; the dates and times
//! of each language are formatted here.

use crate::model::labels::{self as model_labels, LabelSet};
use crate::model::{Board, Date, Language, TimeSpan};
use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, Default, Serialize, Deserialize)]
#[serde(default)]
pub struct Labels {
    /// The language's word, the HTML `lang`: not a label, set by [`labels`].
    #[serde(skip_deserializing)]
    pub lang: String,
    pub notice: String,
    pub extraordinary: String,
    pub to: String,
    pub place: String,
    pub date: String,
    pub meeting: String,
    pub chair: String,
    pub agenda: String,
    pub number: String,
    pub title: String,
    pub description: String,
    pub document: String,
    pub case_type: String,
    pub overview_description: String,
    pub owner: String,
    pub kind: String,
    pub proposed_decision: String,
    pub decision: String,
    pub no_document: String,
    /// The mark of a draft's document: "Utkast"
    pub draft: String,
    /// Where a draft's number would stand
    pub no_number: String,
    pub overview: String,
    pub quarter_overview: String,
    pub forum_overview: String,
    pub no_cases: String,
    pub exempt: String,
    /// A decided exempt case in public minutes, before " (<basis>)"
    pub decided_exempt: String,
    pub part: String,
    pub case_word: String,
    pub previous: String,
    pub risks: String,
    pub risk_id: String,
    pub risk: String,
    pub measures: String,
    pub risk_comment: String,
    pub risk_new: String,
    pub risk_closed: String,
    pub risks_not_listed: String,
    pub probability: String,
    pub consequence: String,
    pub unrated: String,
    pub matrix_legend: String,
    pub no_rated_risks: String,
    pub status: String,
    pub as_of: String,
    pub overall: String,
    pub phase: String,
    pub progress: String,
    pub economy: String,
    pub quality: String,
    pub risk_light: String,
    pub comment: String,
    pub deliverables: String,
    pub project: String,
    pub key_risks: String,
    pub dependencies: String,
    pub focus: String,
    pub communication: String,
    pub involvement: String,
    pub value: String,
    pub projects: String,
    pub green: String,
    pub yellow: String,
    pub red: String,
    pub forum: String,
    pub forum_purpose: String,
    pub forum_extra: String,
    pub quarter_1: String,
    pub quarter_2: String,
    pub quarter_3: String,
    pub quarter_4: String,
    pub minutes: String,
    pub present: String,
    pub absent: String,
    /// A held meeting's case whose decision the record does not hold
    pub no_decision: String,
    /// Minutes of a meeting that records no attendance
    pub attendance_not_recorded: String,
    /// Others who attended (guests)
    pub guests: String,
    pub minute_taker: String,
    /// Before the name of who met in an absent member's place
    pub substitute: String,
    /// The mark of a cancelled meeting's notice: "AVLYST"
    pub cancelled: String,
    /// The mark of a proposed (not yet decided) meeting's notice
    pub proposed: String,
    /// The decisions register's heading
    pub decisions: String,
    /// A decisions register with no decided case
    pub no_decisions: String,
    pub actions: String,
    pub action_id: String,
    pub action_text: String,
    pub action_owner: String,
    pub action_due: String,
    pub action_status: String,
    pub action_open: String,
    pub action_done: String,
    pub raised: String,
    pub no_actions: String,
    // The site's own words (`pds site`): navigation, lists, banners, history.
    pub site_meetings: String,
    pub site_meeting: String,
    pub site_upcoming: String,
    pub site_cases: String,
    pub site_cases_lower: String,
    pub site_case: String,
    pub site_number: String,
    pub site_title: String,
    pub site_decisions: String,
    pub site_risks: String,
    pub site_status_report: String,
    pub site_overviews: String,
    pub site_quarter: String,
    pub site_registers: String,
    pub site_search: String,
    pub site_hits: String,
    pub site_no_hits: String,
    pub site_noscript: String,
    pub site_notice: String,
    pub site_minutes: String,
    pub site_invite: String,
    pub site_pack: String,
    pub site_on_agenda: String,
    pub site_history: String,
    pub site_none: String,
    pub site_internal: String,
    pub site_errors: String,
    pub site_status_planned: String,
    pub site_status_proposed: String,
    pub site_status_held: String,
    pub site_status_approved: String,
    pub site_status_cancelled: String,
    pub site_change_drafted: String,
    pub site_change_scheduled: String,
    pub site_change_decided: String,
    pub site_change_changed: String,
}

impl Labels {
    /// The quarter's name, 1 to 4: "Første kvartal".
    pub fn quarter_name(&self, q: u8) -> &str {
        match q {
            1 => &self.quarter_1,
            2 => &self.quarter_2,
            3 => &self.quarter_3,
            _ => &self.quarter_4,
        }
    }
}

/// The built-in words of a language with its neutral nouns, as a board
/// without its own words gets them.
pub fn builtin(language: Language) -> Labels {
    resolve(language, model_labels::builtin(language))
}

/// The words a record's documents are written in: the language's built-in
/// set, then the record's `templates/labels.yaml`, then `nouns:` and
/// `labels:` of `pds.yaml`, each key by key; the nouns put in last.
pub fn labels(board: &Board, record_file: Option<&LabelSet>) -> Labels {
    let mut set = model_labels::builtin(board.language);
    if let Some(file) = record_file {
        set.overlay(file);
    }
    set.overlay(&LabelSet {
        nouns: board.nouns.clone(),
        labels: board.labels.clone(),
    });
    resolve(board.language, set)
}

fn resolve(language: Language, set: LabelSet) -> Labels {
    let words: serde_json::Map<String, serde_json::Value> = set
        .labels
        .iter()
        .map(|(k, v)| (k.clone(), model_labels::with_nouns(v, &set.nouns).into()))
        .collect();
    // Every value is text and every key a field (a unit test holds the
    // files to the struct), so this does not fail.
    let mut l: Labels = serde_json::from_value(words.into()).unwrap_or_default();
    l.lang = language.as_str().to_string();
    l
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

/// `01.12.2021` (nb, nn) or `1 December 2021` (en).
pub fn date(language: Language, d: Date) -> String {
    match language {
        Language::Nb | Language::Nn => d.nb(),
        Language::En => {
            let month = MONTHS_EN
                .get(usize::from(d.month).saturating_sub(1))
                .copied()
                .unwrap_or("");
            format!("{} {month} {}", d.day, d.year)
        }
    }
}

/// `kl. 13.00 – 15.00` (nb, nn) or `13:00 – 15:00` (en).
pub fn time(language: Language, t: TimeSpan) -> String {
    match language {
        Language::Nb | Language::Nn => t.nb(),
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

/// A forum meeting's days: `27. og 28. januar` (nb, nn: the month names are
/// the same), `27–28 January` (en).
pub fn days(language: Language, from: Date, to: Option<Date>) -> String {
    let month = |d: Date| {
        let i = usize::from(d.month).saturating_sub(1);
        match language {
            Language::Nb | Language::Nn => MONTHS_NB.get(i).copied().unwrap_or(""),
            Language::En => MONTHS_EN.get(i).copied().unwrap_or(""),
        }
    };
    match (language, to) {
        (Language::Nb | Language::Nn, None) => format!("{}. {}", from.day, month(from)),
        (Language::Nb | Language::Nn, Some(to)) if to.month == from.month => {
            format!("{}. og {}. {}", from.day, to.day, month(from))
        }
        (Language::Nb | Language::Nn, Some(to)) => {
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
pub fn meeting_label(language: Language, l: &Labels, d: Date, seq: u32) -> String {
    format!("{} – {} #{seq}", date(language, d), l.meeting)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Named;

    /// The struct's fields are exactly the keys of the built-in files.
    #[test]
    fn the_typed_labels_have_every_key_of_the_files_and_no_other() {
        let value = serde_json::to_value(Labels::default()).unwrap();
        let mut fields: Vec<&str> = value
            .as_object()
            .unwrap()
            .keys()
            .map(String::as_str)
            .filter(|k| *k != "lang")
            .collect();
        fields.sort_unstable();
        let keys: Vec<&str> = model_labels::keys().collect();
        assert_eq!(fields, keys);
        for (name, lang) in Language::ALL {
            let l = builtin(*lang);
            assert_eq!(l.lang, *name);
            let value = serde_json::to_value(&l).unwrap();
            for (k, v) in value.as_object().unwrap() {
                let v = v.as_str().unwrap();
                assert!(!v.is_empty(), "{name}: {k} is empty");
                assert!(
                    !v.contains("{board}") && !v.contains("{principal}"),
                    "{name}: {k}"
                );
            }
        }
    }

    #[test]
    fn a_board_overrides_a_label_and_a_noun() {
        let board = Board {
            language: Language::Nn,
            nouns: [("board".to_string(), "styringsrådet".to_string())].into(),
            labels: [("agenda".to_string(), "Sakliste".to_string())].into(),
            ..Board::default()
        };
        let l = labels(&board, None);
        assert_eq!(l.agenda, "Sakliste");
        assert_eq!(l.overview, "Oversikt over saker i styringsrådet");
        assert_eq!(l.present, "Til stades");
    }
}
