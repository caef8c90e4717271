//! The site's own words (its navigation, banners and history) are labels
//! (`site_*` in `templates/labels/<lang>.yaml`), in the board's language
//! and overridable as the documents' words are; here, the ones chosen by
//! a meeting's status or a change to a case.

use super::Change;
use crate::model::MeetingStatus;
use crate::render::labels::Labels;

/// A meeting's status as the site's lists show it: "planlagt".
pub fn status(l: &Labels, s: MeetingStatus) -> &str {
    match s {
        MeetingStatus::Planned => &l.site_status_planned,
        MeetingStatus::Proposed => &l.site_status_proposed,
        MeetingStatus::Held => &l.site_status_held,
        MeetingStatus::Approved => &l.site_status_approved,
        MeetingStatus::Cancelled => &l.site_status_cancelled,
    }
}

/// What a commit did to a case, as its page's history tells it.
pub fn change(l: &Labels, c: Change) -> &str {
    match c {
        Change::Drafted => &l.site_change_drafted,
        Change::Scheduled => &l.site_change_scheduled,
        Change::Decided => &l.site_change_decided,
        Change::Changed => &l.site_change_changed,
    }
}
