//! The minutes (protokoll): attendance, each case with its decision, and
//! the action items the meeting raised.

use crate::diag::Error;
use crate::model::MeetingNumber;
use crate::render::renderer::{Fragment, Renderer};
use crate::render::view;
use crate::render::OutputFormat;

impl Renderer<'_> {
    /// Minutes: attendance, each case with its decision, the new action items.
    pub fn minutes(&self, number: MeetingNumber, format: OutputFormat) -> Result<Fragment, Error> {
        let meeting = self.record.find_meeting(number).map_err(Error::from)?;
        let meeting = view::meeting(self.record, &self.labels, meeting);
        let mut ctx = self.base_context();
        ctx.insert("meeting", &meeting);
        ctx.insert("agenda", &self.agenda(number, format));
        ctx.insert("actions", &self.action_views(Some(number)));
        // Minutes of a meeting still ahead are a draft: the page styles the mark.
        let draft = meeting.ahead;
        Ok(Fragment {
            draft,
            title: format!(
                "{}{} {} – {}",
                if draft {
                    format!("{} – ", self.labels.draft)
                } else {
                    String::new()
                },
                self.labels.minutes,
                meeting.number,
                self.record.board.name
            ),
            text: self.fill(format, "minutes", &ctx)?,
        })
    }
}
