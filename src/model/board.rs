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
    pub note: String,
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
    /// `nouns:`: the board's own nouns over the language's neutral ones.
    pub nouns: BTreeMap<String, String>,
    /// `labels:`: words of rendered documents over the built-in ones.
    pub labels: BTreeMap<String, String>,
}

/// The case types a board has when `pds.yaml` names none.
pub const DEFAULT_CASE_TYPES: [&str; 4] = ["Tilslutning", "Orientering", "Drøfting", "Beslutning"];
