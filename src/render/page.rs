//! The page layout: an HTML document wrapped in `layout.html`, one
//! self-contained page with its style and the pictures it shows.

use super::renderer::{Fragment, Renderer};
use super::templates::template_error;
use crate::diag::Error;

impl Renderer<'_> {
    /// Wraps an HTML fragment in the layout: one self-contained page, with
    /// the CSS rules of its pictures (`pictures`).
    pub fn page(&self, fragment: &Fragment) -> Result<String, Error> {
        if let Some(error) = self.pictures.error() {
            return Err(error);
        }
        let mut ctx = self.base_context();
        ctx.insert("pictures", &self.pictures.css());
        ctx.insert("title", &fragment.title);
        ctx.insert("content", &fragment.text);
        ctx.insert("draft", &fragment.draft);
        self.templates
            .html
            .render("layout.html", &ctx)
            .map_err(|e| template_error(&e, Some("layout.html")))
    }
}
