//! The whole record: the board, its meetings and cases, and the files they came from.

use super::{Board, Case, CaseNumber, Meeting, MeetingNumber};
use crate::source::SourceFile;
use std::path::PathBuf;

#[derive(Debug, Default)]
pub struct Record {
    /// The folder holding `pds.yaml`.
    pub root: PathBuf,
    pub board: Board,
    /// The file `pds.yaml` (absent only when it could not be read).
    pub board_file: Option<SourceFile>,
    pub meetings: Vec<Meeting>,
    pub cases: Vec<Case>,
    /// How many files were read.
    pub files: usize,
}

impl Record {
    pub fn meeting(&self, number: MeetingNumber) -> Option<&Meeting> {
        self.meetings.iter().find(|m| m.number.value == number)
    }

    /// Cases with this number (more than one is a `duplicate-case`).
    pub fn cases_numbered(&self, number: CaseNumber) -> impl Iterator<Item = &Case> {
        self.cases
            .iter()
            .filter(move |c| c.number_value() == Some(number))
    }

    /// The cases of a meeting in agenda order: by number, then file name.
    pub fn agenda(&self, meeting: MeetingNumber) -> Vec<&Case> {
        let mut cases: Vec<&Case> = self
            .cases
            .iter()
            .filter(|c| c.meeting_value() == Some(meeting) && c.number.is_some())
            .collect();
        cases.sort_by(|a, b| {
            (a.number_value(), a.file.name()).cmp(&(b.number_value(), b.file.name()))
        });
        cases
    }

    /// Meetings in date order (then number), as overviews list them.
    pub fn meetings_by_date(&self) -> Vec<&Meeting> {
        let mut m: Vec<&Meeting> = self.meetings.iter().collect();
        m.sort_by_key(|m| (m.date.value, m.number.value));
        m
    }
}
