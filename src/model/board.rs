//! The board itself: `pds.yaml`.

use super::names::named_enum;
use super::At;
use std::collections::BTreeMap;

named_enum! {
    /// The language documents are written in; its word is the HTML `lang`.
    #[derive(Default)]
    pub enum Language ("language") {
        #[default]
        Nb = "nb",
        Nn = "nn",
        En = "en",
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Person {
    pub name: String,
    pub org: Option<String>,
    /// Where calendar invitations reach them (`mailto:` in an invite).
    pub email: Option<String>,
}

impl Person {
    /// `Name, Org` as the notice lists people.
    pub fn label(&self) -> String {
        match &self.org {
            Some(org) => format!("{}, {}", self.name, org),
            None => self.name.clone(),
        }
    }
}

#[derive(Debug, Clone, Default)]
pub struct StandingItems {
    pub first: Option<String>,
    pub last: Option<String>,
}

/// A known, accepted finding (SPEC §4.3).
#[derive(Debug, Clone)]
pub struct Acknowledgement {
    pub finding: At<String>,
    /// The case or meeting number, normalised (`5/21`, `1/2021`).
    pub number: At<String>,
    /// The last number of a run the entry covers (`through: 6/2021`), of the
    /// same kind and year as `number`.
    pub through: Option<At<String>>,
    pub note: String,
}

impl Acknowledgement {
    /// Whether the entry covers a finding about `subject`: its number, or a
    /// number of the same kind and year from `number` through `through`.
    pub fn covers(&self, subject: &str) -> bool {
        if subject == self.number.value {
            return true;
        }
        let Some(through) = &self.through else {
            return false;
        };
        use super::{CaseNumber, MeetingNumber};
        if let (Ok(from), Ok(to), Ok(n)) = (
            MeetingNumber::parse(&self.number.value),
            MeetingNumber::parse(&through.value),
            MeetingNumber::parse(subject),
        ) {
            return n.year == from.year && from <= n && n <= to;
        }
        if let (Ok(from), Ok(to), Ok(n)) = (
            CaseNumber::parse(&self.number.value),
            CaseNumber::parse(&through.value),
            CaseNumber::parse(subject),
        ) {
            return n.year() == from.year() && from <= n && n <= to;
        }
        false
    }
}

#[derive(Debug, Clone, Default)]
pub struct Board {
    pub name: String,
    pub language: Language,
    pub secretariat: Option<String>,
    pub members: Vec<Person>,
    pub chair: Option<Person>,
    pub case_types: Vec<String>,
    /// Short name → full name.
    pub forums: BTreeMap<String, String>,
    pub standing_items: StandingItems,
    pub acknowledged: Vec<Acknowledgement>,
    /// The IANA time zone meetings are held in; `None`: `DEFAULT_TIMEZONE`.
    pub timezone: Option<At<String>>,
    /// Case type → the decision a case of that type has when it records none
    /// (`Orientering: Saken ble tatt til orientering.`).
    pub default_decisions: BTreeMap<String, String>,
    /// `nouns:`: the board's own nouns over the language's neutral ones.
    pub nouns: BTreeMap<String, String>,
    /// `labels:`: words of rendered documents over the built-in ones.
    pub labels: BTreeMap<String, String>,
}

/// The time zone of a board whose pds.yaml names none.
pub const DEFAULT_TIMEZONE: &str = "Europe/Oslo";

/// The case types a board has when `pds.yaml` names none.
pub const DEFAULT_CASE_TYPES: [&str; 4] = ["Tilslutning", "Orientering", "Drøfting", "Beslutning"];

impl Board {
    /// The time zone of the board's meetings (`Europe/Oslo` unless pds.yaml names one).
    pub fn timezone(&self) -> &str {
        self.timezone
            .as_ref()
            .map_or(DEFAULT_TIMEZONE, |t| t.value.as_str())
    }

    /// Whether `name` is a member's or the board's chair's.
    pub fn knows(&self, name: &str) -> bool {
        self.members
            .iter()
            .chain(self.chair.iter())
            .any(|p| p.name == name)
    }
}
