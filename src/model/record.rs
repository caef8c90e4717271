//! The whole record: the board, its meetings and cases, and the files they came from.

use super::{
    Action, Board, Case, CaseKind, CaseNumber, CaseStatus, ForumMeeting, Meeting, MeetingNumber,
    Risk, StatusReport,
};
use crate::diag::SourceFile;
use std::collections::HashMap;
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
    pub risks: Vec<Risk>,
    pub status_reports: Vec<StatusReport>,
    pub forum_meetings: Vec<ForumMeeting>,
    pub actions: Vec<Action>,
    /// How many files were read.
    pub files: usize,
    /// What the record's files hold that did not load into the model.
    pub unloaded: Unloaded,
    /// Meeting number → index in `meetings` (the first, if duplicated).
    meeting_index: HashMap<MeetingNumber, usize>,
    /// Meeting number → indices of its numbered cases, in agenda order.
    agendas: HashMap<MeetingNumber, Vec<usize>>,
}

/// What loading learnt besides the model: the files and entries that did
/// not load, so the checks neither miss a number they reserve nor report a
/// meeting as missing that may only be unreadable.
#[derive(Debug, Default)]
pub struct Unloaded {
    /// Case files that did not load, by path: their names may hold a number.
    pub broken_cases: Vec<String>,
    /// Meetings that stand in a meetings.yaml but did not load (a bad date, say).
    pub broken_meetings: Vec<MeetingNumber>,
    /// Years whose meetings.yaml could not be read or parsed at all.
    pub unread_meeting_years: Vec<u16>,
    /// meetings.yaml files that list no meetings: a case naming a meeting of
    /// their year points at them.
    pub empty_meeting_files: Vec<SourceFile>,
}

impl Unloaded {
    /// Whether a meeting may exist although it did not load: a case naming
    /// it is not told that no meetings.yaml holds it.
    pub fn meeting_may_exist(&self, m: MeetingNumber) -> bool {
        self.broken_meetings.contains(&m) || self.unread_meeting_years.contains(&m.year)
    }
}

impl Record {
    pub fn new(root: impl Into<PathBuf>) -> Self {
        Record {
            root: root.into(),
            ..Record::default()
        }
    }

    /// Builds the lookup tables; call after changing `meetings` or `cases`.
    pub fn reindex(&mut self) {
        self.meeting_index.clear();
        for (i, m) in self.meetings.iter().enumerate() {
            self.meeting_index.entry(m.number.value).or_insert(i);
        }
        self.agendas.clear();
        for (i, c) in self.cases.iter().enumerate() {
            if let (Some(m), Some(_)) = (c.meeting_value(), &c.number) {
                self.agendas.entry(m).or_default().push(i);
            }
        }
        let cases = &self.cases;
        for list in self.agendas.values_mut() {
            list.sort_by_key(|&i| cases.get(i).map(Case::number_order));
        }
    }

    pub fn meeting(&self, number: MeetingNumber) -> Option<&Meeting> {
        self.meeting_index
            .get(&number)
            .and_then(|&i| self.meetings.get(i))
    }

    /// Cases with this number (more than one is a `duplicate-case`).
    pub fn cases_numbered(&self, number: CaseNumber) -> impl Iterator<Item = &Case> {
        self.cases
            .iter()
            .filter(move |c| c.number_value() == Some(number))
    }

    /// The cases of a meeting in agenda order: by number, then `tie_order`,
    /// then file name.
    pub fn agenda(&self, meeting: MeetingNumber) -> Vec<&Case> {
        self.agendas
            .get(&meeting)
            .map(|list| list.iter().filter_map(|&i| self.cases.get(i)).collect())
            .unwrap_or_default()
    }

    /// Gives each case of a held (or approved) meeting that records no
    /// decision the board's default decision for its type (pds.yaml
    /// `default_decisions`), so minutes, the register and the check see it
    /// like a written one. A case with parts takes it when every part's type
    /// has one (`1: …`, `2: …`); a withdrawn case takes none.
    pub fn apply_default_decisions(&mut self) {
        let defaults = &self.board.default_decisions;
        if defaults.is_empty() {
            return;
        }
        let held: Vec<MeetingNumber> = self
            .meetings
            .iter()
            .filter(|m| m.status.was_held())
            .map(|m| m.number.value)
            .collect();
        for c in &mut self.cases {
            if c.decision.is_some()
                || c.status == CaseStatus::Withdrawn
                || !c.meeting_value().is_some_and(|m| held.contains(&m))
            {
                continue;
            }
            c.decision = match &c.kind {
                CaseKind::Single(kind) => defaults.get(kind).map(|d| d.as_str().into()),
                CaseKind::Parts(parts) => parts
                    .iter()
                    .enumerate()
                    .map(|(i, p)| defaults.get(&p.kind).map(|d| format!("{}: {d}", i + 1)))
                    .collect::<Option<Vec<_>>>()
                    .map(|lines| lines.join("\n\n").into_boxed_str()),
                CaseKind::Unknown => None,
            };
        }
    }

    /// Meetings in date order (then number), as overviews list them.
    pub fn meetings_by_date(&self) -> Vec<&Meeting> {
        let mut m: Vec<&Meeting> = self.meetings.iter().collect();
        m.sort_by_key(|m| (m.date.value, m.number.value));
        m
    }
}
