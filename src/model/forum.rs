//! Items taken to other governance forums: `<yyyy>/forums.yaml`.

use super::names::named_enum;
use super::{At, Date};
use crate::diag::SourceFile;

named_enum! {
    /// The words of a forum meeting's `status`; the model keeps `planned`.
    pub enum ForumStatus ("forum meeting status") {
        Planned = "planned",
        Held = "held",
    }
}

#[derive(Debug, Clone, PartialEq)]
pub struct ForumItem {
    /// Type sak; `None` prints as "--".
    pub kind: Option<String>,
    pub text: String,
}

#[derive(Debug, Clone)]
pub struct ForumMeeting {
    /// A key of pds.yaml `forums`.
    pub forum: At<String>,
    pub date: Option<At<Date>>,
    /// Last day of a meeting over several days.
    pub end: Option<Date>,
    /// The name as printed, when it differs from the short name.
    pub label: Option<String>,
    pub extraordinary: bool,
    /// The year (the folder) and quarter it stands in.
    pub year: u16,
    pub quarter: u8,
    pub planned: bool,
    /// `Some([])`: the forum meets without the program's items ("-- --");
    /// `None`: nothing is known or planned yet (a blank row).
    pub items: Option<Vec<ForumItem>>,
    pub file: SourceFile,
}
