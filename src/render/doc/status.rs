//! The status report (statusrapport) of a date or a meeting: traffic
//! lights per phase, the timeline, key risks and the written sections.

use super::risks::{risk, RiskView};
use crate::diag::Error;
use crate::model::shortcode::StatusRef;
use crate::model::{Light, Record, StatusReport};
use crate::render::labels::{self, Labels};
use crate::render::markdown;
use crate::render::renderer::{Fragment, Renderer};
use crate::render::svg;
use crate::render::OutputFormat;
use serde::Serialize;

/// A traffic light as templates see it.
#[derive(Debug, Clone, Serialize)]
pub struct LightView {
    /// green, yellow or red
    pub color: &'static str,
    /// The colour's name in the document's language: "grønn"
    pub name: String,
    /// 🟢, 🟡 or 🔴, for Markdown
    pub symbol: &'static str,
    /// The light as inline SVG, for HTML, hidden from screen readers: a
    /// template puts `name` beside it
    pub svg: String,
}

fn light(l: &Labels, light: Light) -> LightView {
    let name = match light {
        Light::Green => &l.green,
        Light::Yellow => &l.yellow,
        Light::Red => &l.red,
    };
    LightView {
        color: light.as_str(),
        name: name.clone(),
        symbol: match light {
            Light::Green => "🟢",
            Light::Yellow => "🟡",
            Light::Red => "🔴",
        },
        svg: svg::light(light, name),
    }
}

#[derive(Debug, Clone, Serialize)]
pub struct PhaseView {
    pub phase: String,
    pub progress: LightView,
    pub economy: LightView,
    pub quality: LightView,
    pub risk: LightView,
    pub comment: Option<String>,
}

/// One row of the timeline in Markdown: a mark per year the project runs.
#[derive(Debug, Clone, Serialize)]
pub struct TimelineRowView {
    pub name: String,
    /// "■" for each year the project runs, "" otherwise, one per `timeline_years`
    pub years: Vec<&'static str>,
    /// "2021-01-01 – 2021-12-20"; "" for a deliverable without a bar
    pub span: String,
}

/// A titled section of Markdown text.
#[derive(Debug, Clone, Serialize)]
pub struct SectionView {
    pub title: String,
    pub markdown: String,
    pub html: String,
}

/// `status`: a status report.
#[derive(Debug, Clone, Serialize)]
pub struct StatusView {
    pub title: String,
    /// "24.11.2021"
    pub date: String,
    pub meeting: Option<String>,
    pub overall: Option<SectionView>,
    pub phases: Vec<PhaseView>,
    pub timeline_years: Vec<u16>,
    pub timeline: Vec<TimelineRowView>,
    /// The timeline as inline SVG (empty without a timeline)
    pub timeline_svg: String,
    pub key_risks: Vec<RiskView>,
    /// dependencies, focus, communication, involvement, value, projects — those given
    pub sections: Vec<SectionView>,
}

pub fn status_view(record: &Record, s: &StatusReport, l: &Labels) -> StatusView {
    let section = |title: &str, text: &Option<String>| {
        text.as_ref().map(|t| SectionView {
            title: title.to_string(),
            markdown: t.trim_end().to_string(),
            html: markdown::to_html(t, "status-", None),
        })
    };
    let (timeline_years, timeline, timeline_svg) = match &s.timeline {
        Some(t) => {
            let years: Vec<u16> = (t.from..=t.to).collect();
            let rows = t
                .projects
                .iter()
                .map(|p| TimelineRowView {
                    name: p.name.clone(),
                    years: years
                        .iter()
                        .map(|&y| match p.bar {
                            Some((from, to)) if from.year <= y && y <= to.year => "■",
                            _ => "",
                        })
                        .collect(),
                    span: p
                        .bar
                        .map(|(from, to)| {
                            format!(
                                "{} – {}",
                                labels::date(record.board.language, from),
                                labels::date(record.board.language, to)
                            )
                        })
                        .unwrap_or_default(),
                })
                .collect();
            (years, rows, svg::timeline(t))
        }
        None => (Vec::new(), Vec::new(), String::new()),
    };
    StatusView {
        title: s.title.clone(),
        date: labels::date(record.board.language, s.date.value),
        meeting: s.meeting.as_ref().map(|m| m.value.to_string()),
        overall: section(&l.overall, &s.overall),
        phases: s
            .phases
            .iter()
            .map(|p| PhaseView {
                phase: p.phase.clone(),
                progress: light(l, p.progress),
                economy: light(l, p.economy),
                quality: light(l, p.quality),
                risk: light(l, p.risk),
                comment: p.comment.clone(),
            })
            .collect(),
        timeline_years,
        timeline,
        timeline_svg,
        key_risks: s
            .key_risks
            .iter()
            .filter_map(|id| record.risks.iter().find(|r| r.id.value == id.value))
            .map(risk)
            .collect(),
        sections: [
            section(&l.dependencies, &s.dependencies),
            section(&l.focus, &s.focus),
            section(&l.communication, &s.communication),
            section(&l.involvement, &s.involvement),
            section(&l.value, &s.value),
            section(&l.projects, &s.projects),
        ]
        .into_iter()
        .flatten()
        .collect(),
    }
}

impl Renderer<'_> {
    /// The status report of a date, or the one for a meeting (else the newest before it).
    pub fn find_status(&self, which: StatusRef) -> Result<&StatusReport, Error> {
        let reports = &self.record.status_reports;
        let found = match which {
            StatusRef::Date(d) => reports.iter().find(|s| s.date.value == d),
            StatusRef::Meeting(m) => {
                let date = self.record.meeting(m).map(|x| x.date.value);
                reports
                    .iter()
                    .find(|s| s.meeting.as_ref().map(|x| x.value) == Some(m))
                    .or_else(|| {
                        reports
                            .iter()
                            .filter(|s| Some(s.date.value) <= date)
                            .max_by_key(|s| s.date.value)
                    })
            }
        };
        found.ok_or_else(|| {
            let mut dates: Vec<String> = reports.iter().map(|s| s.date.value.to_string()).collect();
            dates.sort();
            Error::NotFound(match dates.is_empty() {
                true => "the record has no status reports (status/<date>.yaml)".to_string(),
                false => format!(
                    "no status report for that; the record has {}",
                    dates.join(", ")
                ),
            })
        })
    }

    pub fn status(
        &self,
        which: StatusRef,
        format: OutputFormat,
        embedded: bool,
    ) -> Result<Fragment, Error> {
        let report = self.find_status(which)?;
        let view = status_view(self.record, report, &self.labels);
        let mut ctx = self.base_context();
        ctx.insert("status", &view);
        ctx.insert("embedded", &embedded);
        Ok(Fragment {
            draft: false,
            title: format!("{} | {}", self.labels.status, view.title),
            text: self.fill(format, "status", &ctx)?,
        })
    }
}
