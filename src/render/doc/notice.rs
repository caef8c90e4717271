//! The meeting notice (innkalling): the meeting and its agenda.

use super::case::CaseView;
use crate::model::MeetingNumber;
use crate::render::renderer::{Flavor, Fragment, Renderer};
use crate::render::view;

impl Renderer<'_> {
    /// The meeting notice with its agenda.
    pub fn notice(&self, number: MeetingNumber, flavor: Flavor) -> Result<Fragment, String> {
        let meeting = view::meeting(
            self.record,
            self.record
                .find_meeting(number)
                .map_err(|e| e.to_string())?,
        );
        let mut ctx = self.base_context();
        ctx.insert("meeting", &meeting);
        ctx.insert("agenda", &self.agenda(number, flavor));
        Ok(Fragment {
            title: format!(
                "{} {} – {}",
                self.labels.notice, meeting.number, self.record.board.name
            ),
            text: self.fill(flavor, "notice", &ctx)?,
        })
    }

    /// `agenda[]` of the notice and the minutes: the meeting's cases in order.
    pub(crate) fn agenda(&self, number: MeetingNumber, flavor: Flavor) -> Vec<CaseView> {
        self.record
            .agenda(number)
            .into_iter()
            .map(|c| self.case_view(c, flavor))
            .collect()
    }
}
