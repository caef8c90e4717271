//! The meeting notice (innkalling): the meeting and its agenda.

use super::case::CaseView;
use crate::diag::Error;
use crate::model::MeetingNumber;
use crate::render::renderer::{Fragment, Renderer};
use crate::render::view;
use crate::render::OutputFormat;

impl Renderer<'_> {
    /// The meeting notice with its agenda.
    pub fn notice(&self, number: MeetingNumber, format: OutputFormat) -> Result<Fragment, Error> {
        let meeting = view::meeting(
            self.record,
            &self.labels,
            self.record.find_meeting(number).map_err(Error::from)?,
        );
        let mut ctx = self.base_context();
        ctx.insert("meeting", &meeting);
        ctx.insert("agenda", &self.agenda(number, format));
        Ok(Fragment {
            draft: false,
            title: format!(
                "{} {}{} – {}",
                self.labels.notice,
                meeting.number,
                match meeting.status {
                    "cancelled" => format!(" – {}", self.labels.cancelled),
                    _ => String::new(),
                },
                self.record.board.name
            ),
            text: self.fill(format, "notice", &ctx)?,
        })
    }

    /// `agenda[]` of the notice and the minutes: the meeting's cases in order.
    pub(crate) fn agenda(&self, number: MeetingNumber, format: OutputFormat) -> Vec<CaseView> {
        self.record
            .agenda(number)
            .into_iter()
            .map(|c| self.case_view(c, format))
            .collect()
    }
}
