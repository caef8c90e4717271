//! The documents: notice, case document, overview and pack, each as a
//! Markdown or HTML fragment; `finish` wraps HTML in the layout.

use super::labels::{self, Labels};
use super::markdown::Pictures;
use super::registers;
use super::templates::{template_error, Templates};
use super::view::{self, CaseView, MeetingView, RenderOptions};
use crate::diag::{Code, Finding};
use crate::model::{Case, CaseNumber, MeetingNumber, Record};
use serde::Serialize;
use std::cell::{OnceCell, RefCell};
use std::collections::BTreeMap;
use tera::Context;

/// Markdown or HTML: which set of templates a fragment comes from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Flavor {
    Md,
    Html,
}

impl Flavor {
    fn ext(self) -> &'static str {
        match self {
            Flavor::Md => "md",
            Flavor::Html => "html",
        }
    }
}

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
}

impl<'a> Renderer<'a> {
    pub fn new(record: &'a Record, templates: &'a Templates, opts: RenderOptions) -> Self {
        Renderer {
            record,
            templates,
            opts,
            labels: labels::labels(record.board.language),
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

    pub(super) fn base_context(&self) -> Context {
        let mut ctx = Context::new();
        ctx.insert("board", &view::board(self.record));
        ctx.insert("l", &self.labels);
        ctx.insert("embedded", &false);
        ctx
    }

    pub(super) fn fill(&self, flavor: Flavor, name: &str, ctx: &Context) -> Result<String, String> {
        let tera = match flavor {
            Flavor::Md => &self.templates.md,
            Flavor::Html => &self.templates.html,
        };
        tera.render(&format!("{name}.{}", flavor.ext()), ctx)
            .map_err(|e| template_error(&e))
    }

    fn meeting_view(&self, number: MeetingNumber) -> Option<MeetingView> {
        self.record
            .meeting(number)
            .map(|m| view::meeting(self.record, m))
    }

    pub(super) fn case_view(&self, c: &Case, flavor: Flavor) -> CaseView {
        let mut v = view::case(c, self.opts, &self.labels);
        if flavor == Flavor::Html {
            let description = self.templates.description_html_used;
            view::case_html(self.record, c, &mut v, &self.pictures, description);
        }
        v
    }

    /// The meeting notice with its agenda.
    pub fn notice(&self, number: MeetingNumber, flavor: Flavor) -> Result<Fragment, String> {
        let meeting = view::meeting(
            self.record,
            self.record
                .find_meeting(number)
                .map_err(|e| e.to_string())?,
        );
        let agenda: Vec<CaseView> = self
            .record
            .agenda(number)
            .into_iter()
            .map(|c| self.case_view(c, flavor))
            .collect();
        let mut ctx = self.base_context();
        ctx.insert("meeting", &meeting);
        ctx.insert("agenda", &agenda);
        Ok(Fragment {
            title: format!(
                "{} {} – {}",
                self.labels.notice, meeting.number, self.record.board.name
            ),
            text: self.fill(flavor, "notice", &ctx)?,
        })
    }

    /// One case document.
    pub fn case(&self, c: &Case, flavor: Flavor) -> Result<Fragment, String> {
        let mut case = self.case_view(c, flavor);
        self.render_body(c, &mut case, flavor)?;
        let meeting = c.meeting_value().and_then(|m| self.meeting_view(m));
        let mut ctx = self.base_context();
        ctx.insert("case", &case);
        ctx.insert("meeting", &meeting);
        Ok(Fragment {
            title: case
                .document
                .clone()
                .unwrap_or_else(|| format!("{} {}", case.number, case.title)),
            text: self.fill(flavor, "case", &ctx)?,
        })
    }

    /// The case numbered `number`; an unknown number suggests the nearest.
    pub fn find_case(&self, number: CaseNumber) -> Result<&'a Case, String> {
        self.record.find_case(number).map_err(|e| e.to_string())
    }

    /// Quarterly overview of a year's cases, per meeting in date order.
    pub fn overview(
        &self,
        year: u16,
        quarter: Option<u8>,
        flavor: Flavor,
        embedded: bool,
    ) -> Result<Fragment, String> {
        let notes = numbering_notes(self.record, self.findings());
        let mut markers: BTreeMap<String, String> = BTreeMap::new();
        let mut quarters = Vec::new();
        let wanted: Vec<u8> = match quarter {
            Some(q) => vec![q],
            None => vec![1, 2, 3, 4],
        };
        for q in wanted {
            let mut blocks = Vec::new();
            let mut footnotes: Vec<FootnoteView> = Vec::new();
            for m in self.record.meetings_by_date() {
                if m.date.year != year
                    || m.date.quarter() != q
                    || self.record.agenda(m.number.value).is_empty()
                {
                    continue;
                }
                let mut cases = Vec::new();
                for c in self.record.agenda(m.number.value) {
                    let mut v = self.case_view(c, flavor);
                    if let Some(note) = c.number_value().and_then(|n| notes.get(&n)) {
                        // One marker per distinct note: *, **, ***.
                        let next = "*".repeat(markers.len() + 1);
                        let marker = markers.entry(note.clone()).or_insert(next).clone();
                        if !footnotes.iter().any(|f| f.marker == marker)
                            && !quarters.iter().any(|q: &QuarterView| {
                                q.footnotes.iter().any(|f| f.marker == marker)
                            })
                        {
                            footnotes.push(FootnoteView {
                                marker: marker.clone(),
                                note: note.clone(),
                            });
                        }
                        v.marker = marker;
                    }
                    cases.push(v);
                }
                blocks.push(MeetingBlock {
                    meeting: view::meeting(self.record, m),
                    cases,
                });
            }
            quarters.push(QuarterView {
                n: q,
                title: self.labels.quarter_overview.replace("{q}", &q.to_string()),
                meetings: blocks,
                footnotes,
            });
        }
        let forum_quarters = if self.record.forum_meetings.iter().any(|f| f.year == year) {
            let wanted: Vec<u8> = quarter.map(|q| vec![q]).unwrap_or_else(|| vec![1, 2, 3, 4]);
            registers::forum_quarters(self.record, &self.labels, year, &wanted)
        } else {
            Vec::new()
        };
        let mut ctx = self.base_context();
        ctx.insert("year", &year);
        ctx.insert("quarters", &quarters);
        ctx.insert("forum_quarters", &forum_quarters);
        ctx.insert("embedded", &embedded);
        Ok(Fragment {
            title: format!("{} {year}", self.labels.overview),
            text: self.fill(flavor, "overview", &ctx)?,
        })
    }

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

    /// Wraps an HTML fragment in the layout: one self-contained page, with
    /// the CSS rules of its pictures (`pictures`).
    pub fn page(&self, fragment: &Fragment) -> Result<String, String> {
        if let Some(error) = self.pictures.error() {
            return Err(error);
        }
        let mut ctx = self.base_context();
        ctx.insert("pictures", &self.pictures.css());
        ctx.insert("title", &fragment.title);
        ctx.insert("content", &fragment.text);
        self.templates
            .html
            .render("layout.html", &ctx)
            .map_err(|e| template_error(&e))
    }
}

/// `quarters[]` of the overview template.
#[derive(Debug, Serialize)]
pub struct QuarterView {
    /// 1–4
    pub n: u8,
    /// "Oversikt saker programstyremøter 1. kvartal"
    pub title: String,
    /// The quarter's meetings in date order, each with its cases in number order
    pub meetings: Vec<MeetingBlock>,
    /// Notes of acknowledged numbering findings, each shown once, in the first quarter it concerns
    pub footnotes: Vec<FootnoteView>,
}

#[derive(Debug, Serialize)]
pub struct MeetingBlock {
    pub meeting: MeetingView,
    pub cases: Vec<CaseView>,
}

#[derive(Debug, Serialize)]
pub struct FootnoteView {
    /// "*"
    pub marker: String,
    pub note: String,
}

/// Notes of acknowledged numbering findings by the case number they mark: a
/// duplicate marks every case with the number; a gap marks the case after it.
fn numbering_notes(record: &Record, findings: &[Finding]) -> BTreeMap<CaseNumber, String> {
    let mut notes = BTreeMap::new();
    for f in findings {
        let Some(note) = &f.acknowledged else {
            continue;
        };
        if !matches!(
            f.code,
            Code::DuplicateCase | Code::CaseGap | Code::CaseOrder
        ) {
            continue;
        }
        let Some(subject) = &f.subject else { continue };
        let marked = match f.code {
            Code::CaseGap => record
                .cases
                .iter()
                .find(|c| c.file == f.at.file)
                .and_then(|c| c.number_value()),
            _ => CaseNumber::parse(subject).ok(),
        };
        if let Some(n) = marked {
            notes.entry(n).or_insert_with(|| note.clone());
        }
    }
    notes
}
