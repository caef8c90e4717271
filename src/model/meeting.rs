//! A board meeting: one entry of `<yyyy>/meetings.yaml`.

use super::names::named_enum;
use super::{At, Date, MeetingNumber, Person, TimeSpan};
use crate::diag::SourceFile;

named_enum! {
    #[derive(Default)]
    pub enum MeetingKind ("meeting kind") {
        #[default]
        Ordinary = "ordinary",
        Extraordinary = "extraordinary",
    }
}

named_enum! {
    #[derive(Default)]
    pub enum MeetingStatus ("meeting status") {
        #[default]
        Planned = "planned",
        Held = "held",
        Cancelled = "cancelled",
    }
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
