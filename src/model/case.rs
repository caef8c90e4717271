//! A case (sak): one Markdown file with YAML front matter.

use super::names::named_enum;
use super::{At, CaseNumber, MeetingNumber};
use crate::diag::SourceFile;

named_enum! {
    #[derive(Default)]
    pub enum CaseStatus ("case status") {
        Draft = "draft",
        #[default]
        Ready = "ready",
        Decided = "decided",
        Withdrawn = "withdrawn",
    }
}

/// One part of a multi-part case (41/21: 1: Godkjenning av innkalling, 2: Status aksjonspunkt).
#[derive(Debug, Clone, PartialEq)]
pub struct Part {
    pub title: String,
    pub kind: String,
}

/// A case has one type, or several parts each with its own.
#[derive(Debug, Clone, PartialEq)]
pub enum CaseKind {
    Single(String),
    Parts(Vec<Part>),
    /// Neither given (only allowed for drafts; otherwise a finding was made).
    Unknown,
}

/// The sort key of `Case::number_order`: number, no `tie_order`, `tie_order`, file name.
pub type NumberOrder<'a> = (Option<CaseNumber>, bool, Option<u32>, &'a str);

#[derive(Debug, Clone)]
pub struct Case {
    pub number: Option<At<CaseNumber>>,
    pub meeting: Option<At<MeetingNumber>>,
    pub title: Box<str>,
    pub kind: CaseKind,
    pub description: Option<Box<str>>,
    pub owner: Option<Box<str>>,
    /// A line the agenda prints under the title (an organisation, say).
    pub agenda_note: Option<Box<str>>,
    /// The case document's name on the agenda when it differs from the case title.
    pub document: Option<Box<str>>,
    /// The place among cases that share a number (an acknowledged
    /// `duplicate-case`): lower first; cases without it after, by file name.
    pub tie_order: Option<u32>,
    /// Where the front matter starts when the case gives neither `type` nor
    /// `parts` and is no draft: `check` reports it, unless the case is the
    /// board's closing standing item (Eventuelt has no type).
    pub untyped: Option<crate::diag::Location>,
    pub status: CaseStatus,
    /// Legal basis for exemption from public access (`Offl. § 14`).
    pub exempt: Option<Box<str>>,
    pub previous: Vec<At<CaseNumber>>,
    pub proposed_decision: Option<Box<str>>,
    pub decision: Option<Box<str>>,
    /// Byte offset of the Markdown body within the file (the body is not copied).
    pub body_offset: usize,
    pub file: SourceFile,
}

impl Case {
    /// The Markdown body: the case document; empty when the case has none.
    pub fn body(&self) -> &str {
        // A file read for its front matter alone has no body to read.
        if self.body_offset >= self.file.len() {
            return "";
        }
        self.file.text().get(self.body_offset..).unwrap_or("")
    }

    /// Keeps only the front matter of the file's text in memory, unless the
    /// body embeds generated blocks (which checks read). Afterwards the body
    /// reads as empty.
    pub fn forget_body(&mut self) {
        let text = self.file.text();
        if text
            .get(self.body_offset..)
            .is_some_and(|b| b.contains("{{"))
        {
            return;
        }
        let head = text.get(..self.body_offset).unwrap_or(text).to_string();
        self.file = SourceFile::new(self.file.name(), self.file.path(), head);
        // The values' locations held the whole text too; they point into the head.
        self.relocate();
    }

    /// Keeps what `check`, `list` and `next` read and no more: the texts
    /// only documents print (description, owner, agenda note, document
    /// name, proposed decision) are dropped. The loader calls it on a case
    /// read from its front matter alone, whose file left its text on disk.
    pub fn keep_headers_only(&mut self) {
        self.description = None;
        self.owner = None;
        self.agenda_note = None;
        self.document = None;
        self.proposed_decision = None;
    }

    /// Points the values' locations at `self.file` (after it was replaced).
    fn relocate(&mut self) {
        let file = &self.file;
        let relocate = |at: &mut crate::diag::Location| at.file = file.clone();
        if let Some(n) = self.number.as_mut() {
            relocate(&mut n.at);
        }
        if let Some(m) = self.meeting.as_mut() {
            relocate(&mut m.at);
        }
        for p in &mut self.previous {
            relocate(&mut p.at);
        }
        if let Some(at) = self.untyped.as_mut() {
            relocate(at);
        }
    }

    pub fn has_document(&self) -> bool {
        !self.body().trim().is_empty()
    }

    /// The document's title: `document`, or the case title.
    pub fn document_title(&self) -> &str {
        self.document.as_deref().unwrap_or(&self.title)
    }

    /// The document's name: `43-21 Sentralt styringsdokument for steg 2`.
    pub fn document_name(&self) -> Option<String> {
        let number = self.number.as_ref()?;
        Some(format!("{} {}", number.dashed(), self.document_title()))
    }

    /// The year folder's name for a numbered case (`2021`).
    pub fn number_value(&self) -> Option<CaseNumber> {
        self.number.as_ref().map(|n| n.value)
    }

    pub fn meeting_value(&self) -> Option<MeetingNumber> {
        self.meeting.as_ref().map(|m| m.value)
    }

    /// The order of cases by number: number, then `tie_order` (given first),
    /// then file name. Agendas, overviews, listings and the sequence check use it.
    pub fn number_order(&self) -> NumberOrder<'_> {
        (
            self.number_value(),
            self.tie_order.is_none(),
            self.tie_order,
            self.file.name(),
        )
    }
}
