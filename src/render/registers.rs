//! Views of the risk register, status reports, forum items and action items.
//! Like `view.rs`, these structs are the templates' API.

use super::labels::{self, Labels};
use super::markdown;
use super::svg;
use crate::model::{
    Action, ForumMeeting, Language, Light, Raised, Record, Risk, RiskStatus, StatusReport,
};
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
    RegisterView {
        matrix_svg: svg::risk_matrix(&placed, l.probability, l.consequence),
        unplaced: unplaced.join(", "),
        listed: listed.into_iter().map(risk).collect(),
        others: others.into_iter().map(risk).collect(),
    }
}

/// A traffic light as templates see it.
#[derive(Debug, Clone, Serialize)]
pub struct LightView {
    /// green, yellow or red
    pub color: &'static str,
    /// The colour's name in the document's language: "grønn"
    pub name: &'static str,
    /// 🟢, 🟡 or 🔴, for Markdown
    pub symbol: &'static str,
    /// The light as inline SVG, for HTML
    pub svg: String,
}

fn light(l: &Labels, light: Light) -> LightView {
    let name = match light {
        Light::Green => l.green,
        Light::Yellow => l.yellow,
        Light::Red => l.red,
    };
    LightView {
        color: light.as_str(),
        name,
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
    /// "2021-01-01 – 2021-12-20"
    pub span: String,
}

/// A titled section of Markdown text.
#[derive(Debug, Clone, Serialize)]
pub struct SectionView {
    pub title: &'static str,
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

pub fn status(record: &Record, s: &StatusReport, l: &Labels) -> StatusView {
    let section = |title: &'static str, text: &Option<String>| {
        text.as_ref().map(|t| SectionView {
            title,
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
                        .map(|&y| {
                            if p.from.year <= y && y <= p.to.year {
                                "■"
                            } else {
                                ""
                            }
                        })
                        .collect(),
                    span: format!(
                        "{} – {}",
                        labels::date(record.board.language, p.from),
                        labels::date(record.board.language, p.to)
                    ),
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
        overall: section(l.overall, &s.overall),
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
            section(l.dependencies, &s.dependencies),
            section(l.focus, &s.focus),
            section(l.communication, &s.communication),
            section(l.involvement, &s.involvement),
            section(l.value, &s.value),
            section(l.projects, &s.projects),
        ]
        .into_iter()
        .flatten()
        .collect(),
    }
}

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
            title: format!(
                "{} {year}",
                l.quarter_names
                    .get(usize::from(q).saturating_sub(1))
                    .copied()
                    .unwrap_or("")
            ),
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

/// An action item.
#[derive(Debug, Clone, Serialize)]
pub struct ActionView {
    pub id: String,
    /// "43/21" or "7/2021"
    pub raised: String,
    pub text: String,
    pub owner: Option<String>,
    pub due: Option<String>,
    pub done: bool,
    /// "Åpen" or "Lukket"
    pub status: &'static str,
}

pub fn action(record: &Record, l: &Labels, a: &Action) -> ActionView {
    ActionView {
        id: a.id.value.clone(),
        raised: match a.raised.value {
            Raised::Case(c) => c.to_string(),
            Raised::Meeting(m) => m.to_string(),
        },
        text: a.text.clone(),
        owner: a.owner.clone(),
        due: a
            .due
            .as_ref()
            .map(|d| labels::date(record.board.language, d.value)),
        done: a.done,
        status: if a.done { l.action_done } else { l.action_open },
    }
}
