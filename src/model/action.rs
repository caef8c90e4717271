//! Action items (aksjonspunkter): `<yyyy>/actions.yaml`.

use super::names::named_enum;
use super::{At, CaseNumber, Date, MeetingNumber};
use crate::diag::SourceFile;

named_enum! {
    /// The words of an action item's `status`; the model keeps `done`.
    pub enum ActionStatus ("action status") {
        Open = "open",
        Done = "done",
    }
}

/// Where an action item was raised.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Raised {
    Case(CaseNumber),
    Meeting(MeetingNumber),
}

#[derive(Debug, Clone)]
pub struct Action {
    pub id: At<String>,
    pub raised: At<Raised>,
    pub text: String,
    pub owner: Option<String>,
    pub due: Option<At<Date>>,
    pub done: bool,
    pub file: SourceFile,
}
