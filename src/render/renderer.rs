//! The `Renderer`: what every document is rendered from (the record, the
//! templates, the words, the findings) and how a template is filled. The
//! documents themselves are in `render/doc/`, one file each.

use super::labels::{self, Labels};
use super::pictures::Pictures;
use super::templates::{template_error, Templates};
use super::view::{self, RenderOptions};
use super::OutputFormat;
use crate::diag::Error;
use crate::diag::Finding;
use crate::model::Record;
use std::cell::{OnceCell, RefCell};
use tera::Context;

/// Everything a document is rendered from.
pub struct Renderer<'a> {
    pub record: &'a Record,
    pub templates: &'a Templates,
    pub opts: RenderOptions,
    pub labels: Labels,
    /// How to get the record's findings, called only when a document needs
    /// the acknowledged ones (overview footnotes): the check is the command's.
    unchecked: RefCell<Option<FindingsSource<'a>>>,
    checked: OnceCell<Vec<Finding>>,
    /// The pictures inlined into the HTML document being rendered.
    pub pictures: Pictures,
}

/// Where a renderer gets the record's findings when a document needs them.
type FindingsSource<'a> = Box<dyn FnOnce() -> Vec<Finding> + 'a>;

/// A rendered fragment and the title it would have as a page.
pub struct Fragment {
    pub title: String,
    pub text: String,
    /// A draft's document (a case without a number): the HTML page styles its banner
    pub draft: bool,
}

impl<'a> Renderer<'a> {
    pub fn new(record: &'a Record, templates: &'a Templates, opts: RenderOptions) -> Self {
        Renderer {
            record,
            templates,
            opts,
            labels: labels::labels(&record.board, templates.labels.as_ref()),
            unchecked: RefCell::new(None),
            checked: OnceCell::new(),
            pictures: Pictures::default(),
        }
    }

    /// Gives the way to the record's findings, called on first need only.
    pub fn with_findings_from(self, findings: impl FnOnce() -> Vec<Finding> + 'a) -> Self {
        *self.unchecked.borrow_mut() = Some(Box::new(findings));
        self
    }

    /// Gives the findings already checked (of the whole record, before its
    /// public view was made), so no check runs on the view.
    pub fn with_findings(self, findings: Vec<Finding>) -> Self {
        let _ = self.checked.set(findings);
        self
    }

    /// The record's findings, acknowledged ones marked; asked for once, on
    /// first use (none when the command gave no way to them).
    pub fn findings(&self) -> &[Finding] {
        self.checked.get_or_init(|| {
            let source = self.unchecked.borrow_mut().take();
            source.map(|findings| findings()).unwrap_or_default()
        })
    }

    /// What every template sees: `board`, `l` (the words) and `embedded`.
    pub(crate) fn base_context(&self) -> Context {
        let mut ctx = Context::new();
        ctx.insert("board", &view::board(self.record));
        ctx.insert("l", &self.labels);
        ctx.insert("embedded", &false);
        ctx
    }

    /// Fills the template `name` for the format with `ctx`: `name.md`, or
    /// `name.html` for HTML and PDF (which is printed from the HTML).
    pub(crate) fn fill(
        &self,
        format: OutputFormat,
        name: &str,
        ctx: &Context,
    ) -> Result<String, Error> {
        let tera = match format.is_html() {
            false => &self.templates.md,
            true => &self.templates.html,
        };
        let template = format!("{name}.{}", format.template_ext());
        tera.render(&template, ctx)
            .map_err(|e| template_error(&e, Some(&template)))
    }
}
