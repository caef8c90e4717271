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
        /// Suggested but not yet decided (8/2021 in the source document).
        Proposed = "proposed",
        Held = "held",
        /// Held, and its minutes approved at a later meeting.
        Approved = "approved",
        Cancelled = "cancelled",
    }
}

impl MeetingStatus {
    /// Planned or proposed: the meeting is still ahead and its agenda open.
    pub fn is_ahead(self) -> bool {
        matches!(self, Self::Planned | Self::Proposed)
    }

    /// Held or approved: the meeting took place; its numbers and agenda are frozen.
    pub fn was_held(self) -> bool {
        matches!(self, Self::Held | Self::Approved)
    }
}

/// A member with leave from a meeting (forfall), and who met in their place.
#[derive(Debug, Clone)]
pub struct Absence {
    pub name: At<String>,
    /// Who attended in their place (free text).
    pub substitute: Option<String>,
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
    /// Who attended, by name (members, the chair, invitees).
    pub present: Vec<At<String>>,
    /// Who had leave (forfall), each perhaps with a substitute.
    pub absent: Vec<Absence>,
    /// Guests who attended, as free text ("Kari Nordmann, prosjektleder").
    pub guests: Vec<String>,
    /// Who kept the minutes (free text: usually the secretariat).
    pub minute_taker: Option<String>,
    /// The meetings.yaml this meeting stands in.
    pub file: SourceFile,
}

impl Meeting {
    /// Whether the meeting records any attendance (present, absent, guests or
    /// who kept the minutes).
    pub fn has_attendance(&self) -> bool {
        !self.present.is_empty()
            || !self.absent.is_empty()
            || !self.guests.is_empty()
            || self.minute_taker.is_some()
    }
}
