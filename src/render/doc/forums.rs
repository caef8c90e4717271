//! The forum overview: each quarter's forum meetings with their items.

use crate::diag::Error;
use crate::model::{ForumMeeting, Language, Record};
use crate::render::labels::{self, Labels};
use crate::render::renderer::{Fragment, Renderer};
use crate::render::OutputFormat;
use serde::Serialize;

/// One forum meeting row of the forum overview.
#[derive(Debug, Clone, Serialize)]
pub struct ForumRowView {
    /// "NUFA 27. og 28. januar", "Ekstra NEHS 6. mai"
    pub label: String,
    /// Each item's type ("--" when none); ["--"] when the forum met without items; [] when nothing is known yet
    pub types: Vec<String>,
    /// Each item's text; ["--"] when none
    pub texts: Vec<String>,
    pub planned: bool,
}

/// A quarter of the forum overview.
#[derive(Debug, Clone, Serialize)]
pub struct ForumQuarterView {
    /// "Første kvartal 2021"
    pub title: String,
    pub year: u16,
    pub n: u8,
    pub rows: Vec<ForumRowView>,
}

pub fn forum_row(lang: Language, l: &Labels, f: &ForumMeeting) -> ForumRowView {
    let mut name = f.label.clone().unwrap_or_else(|| f.forum.value.clone());
    if f.extraordinary {
        name = format!("{} {name}", l.forum_extra);
    }
    let label = match &f.date {
        Some(d) => format!("{name} {}", labels::days(lang, d.value, f.end)),
        None => name,
    };
    let (types, texts) = match &f.items {
        None => (Vec::new(), Vec::new()),
        Some(items) if items.is_empty() => (vec!["--".to_string()], vec!["--".to_string()]),
        Some(items) => (
            items
                .iter()
                .map(|i| i.kind.clone().unwrap_or_else(|| "--".into()))
                .collect(),
            items.iter().map(|i| i.text.clone()).collect(),
        ),
    };
    ForumRowView {
        label,
        types,
        texts,
        planned: f.planned,
    }
}

/// The quarters `quarters` of `year`, each with its forum meetings in the file's order.
pub fn forum_quarters(
    record: &Record,
    l: &Labels,
    year: u16,
    quarters: &[u8],
) -> Vec<ForumQuarterView> {
    quarters
        .iter()
        .map(|&q| ForumQuarterView {
            title: format!("{} {year}", l.quarter_name(q)),
            year,
            n: q,
            rows: record
                .forum_meetings
                .iter()
                .filter(|f| f.year == year && f.quarter == q)
                .map(|f| forum_row(record.board.language, l, f))
                .collect(),
        })
        .collect()
}

impl Renderer<'_> {
    /// The forum overview of some quarters of a year.
    pub fn forums(
        &self,
        year: u16,
        quarters: &[u8],
        format: OutputFormat,
    ) -> Result<Fragment, Error> {
        let mut ctx = self.base_context();
        ctx.insert(
            "forum_quarters",
            &forum_quarters(self.record, &self.labels, year, quarters),
        );
        ctx.insert("year", &year);
        ctx.insert("embedded", &true);
        Ok(Fragment {
            draft: false,
            title: self.labels.forum_overview.to_string(),
            text: self.fill(format, "forums", &ctx)?,
        })
    }
}
