//! The risk register: the listed risks with their measures, the
//! probability × consequence matrix, and the risks named below the table.

use crate::diag::Error;
use crate::model::{Record, Risk, RiskStatus};
use crate::render::labels::Labels;
use crate::render::renderer::{Fragment, Renderer};
use crate::render::svg;
use crate::render::OutputFormat;
use serde::Serialize;

/// One measure (tiltak) of a risk.
#[derive(Debug, Clone, Serialize)]
pub struct MeasureView {
    pub text: String,
    pub done: bool,
    /// "✓" when done, "❑" when not
    pub mark: &'static str,
}

/// `risks[]` and `others[]` of the register; `key_risks[]` of a status report.
#[derive(Debug, Clone, Serialize)]
pub struct RiskView {
    pub id: u32,
    pub title: String,
    /// Shown as "(ny)"
    pub new: bool,
    pub closed: bool,
    pub probability: Option<u8>,
    pub consequence: Option<u8>,
    pub measures: Vec<MeasureView>,
    /// Endring/kommentar, line by line
    pub comment_lines: Vec<String>,
}

/// `register`: the risk register.
#[derive(Debug, Clone, Serialize)]
pub struct RegisterView {
    /// The risks of the table, by id
    pub listed: Vec<RiskView>,
    /// The risks named below the table (closed, or left out), by id
    pub others: Vec<RiskView>,
    /// Probability × consequence matrix as inline SVG (HTML only)
    pub matrix_svg: String,
    /// Listed risks not in the matrix because they have no probability or consequence, as "#4, #8"
    pub unplaced: String,
    /// Whether any listed risk has both: without one there is no matrix, only `l.no_rated_risks`
    pub rated: bool,
}

pub fn risk(r: &Risk) -> RiskView {
    RiskView {
        id: r.id.value,
        title: r.title.clone(),
        new: r.new,
        closed: r.status == RiskStatus::Closed,
        probability: r.probability,
        consequence: r.consequence,
        measures: r
            .measures
            .iter()
            .map(|m| MeasureView {
                text: m.text.clone(),
                done: m.done,
                mark: if m.done { "✓" } else { "❑" },
            })
            .collect(),
        comment_lines: r
            .comment
            .as_deref()
            .map(|c| {
                c.lines()
                    .map(str::trim)
                    .filter(|l| !l.is_empty())
                    .map(String::from)
                    .collect()
            })
            .unwrap_or_default(),
    }
}

pub fn register(record: &Record, l: &Labels) -> RegisterView {
    let mut risks: Vec<&Risk> = record.risks.iter().collect();
    risks.sort_by_key(|r| r.id.value);
    let (listed, others): (Vec<&Risk>, Vec<&Risk>) = risks
        .into_iter()
        .partition(|r| r.listed.value && r.status == RiskStatus::Open);
    let placed: Vec<(u32, u8, u8)> = listed
        .iter()
        .filter_map(|r| Some((r.id.value, r.probability?, r.consequence?)))
        .collect();
    let unplaced: Vec<String> = listed
        .iter()
        .filter(|r| r.probability.is_none() || r.consequence.is_none())
        .map(|r| format!("#{}", r.id.value))
        .collect();
    let rated = !placed.is_empty();
    RegisterView {
        matrix_svg: svg::risk_matrix(&placed, &l.probability, &l.consequence),
        unplaced: unplaced.join(", "),
        rated,
        listed: listed.into_iter().map(risk).collect(),
        others: others.into_iter().map(risk).collect(),
    }
}

/// A block argument that says something: trimmed, and none when blank.
fn given(text: Option<&str>) -> Option<&str> {
    text.map(str::trim).filter(|t| !t.is_empty())
}

impl Renderer<'_> {
    /// The risk register, under `title` (the labels' "Risiko" when none)
    /// and with `intro` under the heading: as `{{ risks(title="…", intro="…") }}`
    /// in a case document gives them.
    pub fn risks(
        &self,
        format: OutputFormat,
        embedded: bool,
        title: Option<&str>,
        intro: Option<&str>,
    ) -> Result<Fragment, Error> {
        let mut ctx = self.base_context();
        ctx.insert("register", &register(self.record, &self.labels));
        ctx.insert("embedded", &embedded);
        ctx.insert("title", given(title).unwrap_or(&self.labels.risks));
        ctx.insert("intro", &given(intro));
        Ok(Fragment {
            draft: false,
            title: format!("{} – {}", self.labels.risks, self.record.board.name),
            text: self.fill(format, "risks", &ctx)?,
        })
    }
}
