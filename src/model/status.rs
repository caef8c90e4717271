//! Program status reports (statusrapport): `status/<date>.yaml`.

use super::names::named_enum;
use super::{At, Date, MeetingNumber};
use crate::diag::SourceFile;

named_enum! {
    /// A traffic light.
    pub enum Light ("traffic light") {
        Green = "green",
        Yellow = "yellow",
        Red = "red",
    }
}

/// One row of the phase table: Framdrift, Økonomi, Kvalitet, Risiko.
#[derive(Debug, Clone)]
pub struct Phase {
    pub phase: String,
    pub progress: Light,
    pub economy: Light,
    pub quality: Light,
    pub risk: Light,
    pub comment: Option<String>,
}

/// A deliverable on the timeline: its name, and its bar (first and last
/// day) when the record knows it. Without a bar the row only names it, as a
/// source that shows the grid but not where the bars run.
#[derive(Debug, Clone)]
pub struct TimelineRow {
    pub name: String,
    pub bar: Option<(Date, Date)>,
}

/// The main deliverables as a timeline from one year to another.
#[derive(Debug, Clone)]
pub struct Timeline {
    pub from: u16,
    pub to: u16,
    pub projects: Vec<TimelineRow>,
}

#[derive(Debug, Clone)]
pub struct StatusReport {
    pub date: At<Date>,
    /// The meeting the report is made for.
    pub meeting: Option<At<MeetingNumber>>,
    pub title: String,
    /// Overordnet status (Markdown).
    pub overall: Option<String>,
    pub phases: Vec<Phase>,
    pub timeline: Option<Timeline>,
    /// Viktigste risiki, by id.
    pub key_risks: Vec<At<u32>>,
    /// Sections of Markdown text, in the order they are rendered.
    pub dependencies: Option<String>,
    pub focus: Option<String>,
    pub communication: Option<String>,
    pub involvement: Option<String>,
    pub value: Option<String>,
    pub projects: Option<String>,
    pub file: SourceFile,
}
