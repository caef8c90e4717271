//! The decisions register (vedtaksprotokoll): every decided case of a year
//! (or of the record) in number order, with its meeting, date, title and
//! decision.

use super::case::CaseView;
use crate::diag::Error;
use crate::model::{Case, CaseStatus};
use crate::render::renderer::{Fragment, Renderer};
use crate::render::view::{self, MeetingView};
use crate::render::OutputFormat;
use serde::Serialize;

/// `decisions[]`: one decided case.
#[derive(Debug, Serialize)]
pub struct DecisionView {
    /// The case: `case.number`, `case.title`, `case.decision` (Markdown),
    /// `case.decision_html` (HTML output), `case.decided_exempt` (public:
    /// what stands for an exempt case's decision)
    pub case: CaseView,
    /// The meeting that decided it, when the record holds it
    pub meeting: Option<MeetingView>,
    /// The decision (or `case.decided_exempt`) line by line, for a table cell
    pub decision_lines: Vec<String>,
}

impl Renderer<'_> {
    /// The decisions register of `year` (by case number), or of every year.
    pub fn decisions(&self, year: Option<u16>, format: OutputFormat) -> Result<Fragment, Error> {
        let mut decided: Vec<&Case> = self
            .record
            .cases
            .iter()
            .filter(|c| c.number.is_some())
            .filter(|c| {
                c.decision.is_some()
                    || (c.status == CaseStatus::Decided && c.exempt.is_some() && self.opts.public)
            })
            .filter(|c| year.is_none_or(|y| c.number_value().map(|n| n.year()) == Some(y)))
            .collect();
        decided.sort_by_key(|c| (c.number_value(), c.file.name()));
        let rows: Vec<DecisionView> = decided
            .into_iter()
            .map(|c| {
                let case = self.case_view(c, format);
                let decision_lines = case
                    .decision
                    .as_deref()
                    .or(case.decided_exempt.as_deref())
                    .unwrap_or_default()
                    .trim()
                    .lines()
                    .map(|l| l.trim().to_string())
                    .filter(|l| !l.is_empty())
                    .collect();
                DecisionView {
                    meeting: c
                        .meeting_value()
                        .and_then(|m| self.record.meeting(m))
                        .map(|m| view::meeting(self.record, &self.labels, m)),
                    case,
                    decision_lines,
                }
            })
            .collect();
        let mut ctx = self.base_context();
        ctx.insert("year", &year);
        ctx.insert("decisions", &rows);
        Ok(Fragment {
            draft: false,
            title: match year {
                Some(y) => format!("{} {y} – {}", self.labels.decisions, self.record.board.name),
                None => format!("{} – {}", self.labels.decisions, self.record.board.name),
            },
            text: self.fill(format, "decisions", &ctx)?,
        })
    }
}
