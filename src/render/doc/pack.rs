//! The board pack: the notice, then every case document in agenda order.

use crate::diag::Error;
use crate::model::MeetingNumber;
use crate::render::renderer::{Fragment, Renderer};
use crate::render::OutputFormat;

impl Renderer<'_> {
    /// The board pack: the notice, then every case document in agenda order.
    pub fn pack(&self, number: MeetingNumber, format: OutputFormat) -> Result<Fragment, Error> {
        let notice = self.notice(number, format)?;
        let mut parts = vec![notice.text];
        for c in self.record.agenda(number) {
            if c.has_document() {
                parts.push(self.case(c, format)?.text);
            }
        }
        let mut ctx = self.base_context();
        ctx.insert("parts", &parts);
        Ok(Fragment {
            draft: false,
            title: notice.title,
            text: self.fill(format, "pack", &ctx)?,
        })
    }
}
