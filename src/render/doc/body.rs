//! A case document's body: its Markdown with the generated blocks
//! (`{{ status(…) }}`, `{{ risks() }}`, …) expanded by pds's own documents,
//! or rendered and sanitised as HTML.

use super::case::{image_base, CaseView};
use crate::diag::Error;
use crate::model::shortcode::{self, Segment, Shortcode};
use crate::model::Case;
use crate::render::markdown;
use crate::render::renderer::Renderer;
use crate::render::OutputFormat;

impl Renderer<'_> {
    /// One generated block.
    fn block(&self, code: &Shortcode, format: OutputFormat) -> Result<String, Error> {
        let fragment = match code {
            Shortcode::Status(which) => self.status(*which, format, true)?,
            Shortcode::Risks { title, intro } => {
                self.risks(format, true, title.as_deref(), intro.as_deref())?
            }
            Shortcode::Overview { year, quarter } => {
                self.overview(*year, *quarter, format, true)?
            }
            Shortcode::Forums { year, quarters } => self.forums(*year, quarters, format)?,
            Shortcode::Actions { meeting } => self.actions(*meeting, format)?,
        };
        Ok(fragment.text)
    }

    /// The case document in the format being rendered: Markdown with its
    /// generated blocks expanded, or HTML (Markdown rendered and sanitised,
    /// blocks from pds's own templates). Done only for case documents.
    pub(super) fn render_body(
        &self,
        c: &Case,
        case: &mut CaseView,
        format: OutputFormat,
    ) -> Result<(), Error> {
        let body = c.body();
        if body.trim().is_empty() {
            return Ok(());
        }
        let html = format.is_html();
        let prefix = format!("sak-{}-", case.number_dashed);
        let images = image_base(self.record, c, &self.pictures);
        let mut out = String::new();
        let segments = shortcode::split(body);
        // Each piece carries the link and footnote definitions it uses.
        let mut pieces = match html {
            true => shortcode::self_contained(body, &segments),
            false => Vec::new(),
        }
        .into_iter();
        for segment in segments {
            match segment {
                Segment::Markdown(text) if html => {
                    let piece = pieces.next().unwrap_or(text.into());
                    out.push_str(&markdown::to_html(&piece, &prefix, Some(&images)));
                }
                Segment::Markdown(text) => out.push_str(text),
                Segment::Block { code, offset, .. } => {
                    let code = code.map_err(|why| {
                        let (line, _) = c.file.line_col(c.body_offset + offset);
                        Error::Render(format!("{}:{line}: {why}", c.file.name()))
                    })?;
                    out.push_str(&self.block(&code, format)?);
                    if !html {
                        out.push('\n');
                    }
                }
            }
        }
        match html {
            true => case.body_html = out,
            false => case.body = out,
        }
        Ok(())
    }
}
