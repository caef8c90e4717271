//! The board pack: the notice, then every case document in agenda order.

use crate::model::MeetingNumber;
use crate::render::renderer::{Flavor, Fragment, Renderer};

impl Renderer<'_> {
    /// The board pack: the notice, then every case document in agenda order.
    pub fn pack(&self, number: MeetingNumber, flavor: Flavor) -> Result<Fragment, String> {
        let notice = self.notice(number, flavor)?;
        let mut parts = vec![notice.text];
        for c in self.record.agenda(number) {
            if c.has_document() {
                parts.push(self.case(c, flavor)?.text);
            }
        }
        let mut ctx = self.base_context();
        ctx.insert("parts", &parts);
        Ok(Fragment {
            title: notice.title,
            text: self.fill(flavor, "pack", &ctx)?,
        })
    }
}
