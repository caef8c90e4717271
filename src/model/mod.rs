//! The board's record as pure data: what the loader builds and checks and
//! renderers read. No I/O here.

pub mod action;
pub mod board;
pub mod case;
pub mod case_file;
pub mod date;
pub mod forum;
pub mod labels;
pub mod lookup;
pub mod markdown;
pub mod meeting;
pub mod names;
pub mod number;
pub mod public;
pub mod record;
pub mod risk;
pub mod shortcode;
pub mod slug;
pub mod status;
pub mod timezone;

pub use action::{Action, ActionStatus, Raised};
pub use board::{Acknowledgement, Board, Language, Person, StandingItems};
pub use case::{Case, CaseKind, CaseStatus, Part};
pub use case_file::CaseFileName;
pub use date::{Date, Time, TimeSpan};
pub use forum::{ForumItem, ForumMeeting, ForumStatus};
pub use lookup::NotFound;
pub use meeting::{Absence, Meeting, MeetingKind, MeetingStatus};
pub use names::{Named, UnknownName};
pub use number::{CaseNumber, MeetingNumber};
pub use record::{Record, Unloaded};
pub use risk::{Measure, Risk, RiskStatus};
pub use status::{Light, Phase, StatusReport, Timeline, TimelineRow};

use crate::diag::Location;

/// A value and the place in a file it was read from.
#[derive(Debug, Clone)]
pub struct At<T> {
    pub value: T,
    pub at: Location,
}

impl<T> std::ops::Deref for At<T> {
    type Target = T;
    fn deref(&self) -> &T {
        &self.value
    }
}
