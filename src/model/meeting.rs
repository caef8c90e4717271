//! A board meeting: one entry of `<yyyy>/meetings.yaml`.

use super::{At, Date, MeetingNumber, Person, TimeSpan};
use crate::diag::SourceFile;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum MeetingKind {
    #[default]
    Ordinary,
    Extraordinary,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum MeetingStatus {
    #[default]
    Planned,
    Held,
    Cancelled,
}

#[derive(Debug, Clone)]
pub struct Meeting {
    pub number: At<MeetingNumber>,
    pub date: At<Date>,
    pub time: Option<TimeSpan>,
    pub place: Option<String>,
    /// `None`: the board's chair.
    pub chair: Option<Person>,
    pub kind: MeetingKind,
    pub status: MeetingStatus,
    /// Invited in addition to the board's members.
    pub invited: Vec<Person>,
    /// Names of members with leave (forfall).
    pub absent: Vec<At<String>>,
    /// The meetings.yaml this meeting stands in.
    pub file: SourceFile,
}
