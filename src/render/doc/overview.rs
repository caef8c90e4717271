//! The overview (saksoversikt) of a year's cases, quarter by quarter and
//! meeting by meeting, with footnotes for acknowledged numbering findings
//! and the forum overview of the same quarters.

use super::case::CaseView;
use super::forums;
use crate::diag::Error;
use crate::diag::{Code, Finding};
use crate::model::{CaseNumber, Record};
use crate::render::renderer::{Fragment, Renderer};
use crate::render::view::{self, MeetingView};
use crate::render::OutputFormat;
use serde::Serialize;
use std::collections::BTreeMap;

/// `quarters[]` of the overview template.
#[derive(Debug, Serialize)]
pub struct QuarterView {
    /// 1–4
    pub n: u8,
    /// "Oversikt saker styremøter 1. kvartal" (`l.quarter_overview`)
    pub title: String,
    /// The quarter's meetings in date order, each with its cases in number order
    pub meetings: Vec<MeetingBlock>,
    /// Notes of acknowledged numbering findings, once in each quarter whose rows carry their marker
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

impl Renderer<'_> {
    /// Quarterly overview of a year's cases, per meeting in date order.
    pub fn overview(
        &self,
        year: u16,
        quarter: Option<u8>,
        format: OutputFormat,
        embedded: bool,
    ) -> Result<Fragment, Error> {
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
                    let mut v = self.case_view(c, format);
                    if let Some(note) = c.number_value().and_then(|n| notes.get(&n)) {
                        // One marker per distinct note: *, **, ***.
                        let next = "*".repeat(markers.len() + 1);
                        let marker = markers.entry(note.clone()).or_insert(next).clone();
                        // Under every quarter whose rows carry the marker,
                        // so the note stands where its starred rows are.
                        if !footnotes.iter().any(|f| f.marker == marker) {
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
                    meeting: view::meeting(self.record, &self.labels, m),
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
            forums::forum_quarters(self.record, &self.labels, year, &wanted)
        } else {
            Vec::new()
        };
        let mut ctx = self.base_context();
        ctx.insert("year", &year);
        ctx.insert("quarters", &quarters);
        ctx.insert("forum_quarters", &forum_quarters);
        ctx.insert("embedded", &embedded);
        Ok(Fragment {
            draft: false,
            title: format!("{} {year}", self.labels.overview),
            text: self.fill(format, "overview", &ctx)?,
        })
    }
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
