//! `pds list cases|meetings|risks|actions|decisions`: queries over the record, as a table or JSON.

use super::{print, Env};
use crate::cli::{ListArgs, ListFormat, ListWhat};
use crate::diag::Error;
use crate::model::{Case, CaseKind, Meeting, Raised, Record};
use serde::Serialize;

#[derive(Serialize)]
struct CaseRow<'a> {
    number: Option<String>,
    meeting: Option<String>,
    title: &'a str,
    #[serde(rename = "type", skip_serializing_if = "Option::is_none")]
    kind: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    parts: Option<Vec<PartRow<'a>>>,
    status: &'a str,
    file: &'a str,
}

#[derive(Serialize)]
struct PartRow<'a> {
    title: &'a str,
    #[serde(rename = "type")]
    kind: &'a str,
}

#[derive(Serialize)]
struct MeetingRow {
    number: String,
    date: String,
    time: Option<String>,
    place: Option<String>,
    kind: &'static str,
    status: &'static str,
    cases: usize,
    file: String,
}

pub fn run(env: &Env, args: &ListArgs) -> Result<i32, Error> {
    let root = env.root()?;
    let (record, _) = crate::load::load_headers(&root);
    if let Some(m) = args.meeting {
        record.find_meeting(m)?;
    }
    let text = match args.what {
        ListWhat::Cases => cases(&record, args),
        ListWhat::Meetings => meetings(&record, args),
        ListWhat::Risks => risks(&record, args),
        ListWhat::Actions => actions(&record, args),
        ListWhat::Decisions => decisions(&record, args),
    };
    print(&text);
    Ok(0)
}

fn case_row(c: &Case) -> CaseRow<'_> {
    let (kind, parts) = match &c.kind {
        CaseKind::Single(t) => (Some(t.as_str()), None),
        CaseKind::Parts(p) => (
            None,
            Some(
                p.iter()
                    .map(|p| PartRow {
                        title: &p.title,
                        kind: &p.kind,
                    })
                    .collect(),
            ),
        ),
        CaseKind::Unknown => (None, None),
    };
    CaseRow {
        number: c.number_value().map(|n| n.to_string()),
        meeting: c.meeting_value().map(|m| m.to_string()),
        title: &c.title,
        kind,
        parts,
        status: c.status.as_str(),
        file: c.file.name(),
    }
}

fn cases(record: &Record, args: &ListArgs) -> String {
    let mut list: Vec<&Case> = record
        .cases
        .iter()
        .filter(|c| args.meeting.is_none_or(|m| c.meeting_value() == Some(m)))
        .filter(|c| {
            args.year.is_none_or(|y| {
                c.number_value().map(|n| n.year()) == Some(y)
                    || (c.number.is_none() && c.meeting_value().map(|m| m.year) == Some(y))
            })
        })
        .collect();
    list.sort_by_key(|c| number_order(c));
    let rows: Vec<CaseRow> = list.iter().map(|c| case_row(c)).collect();
    show(&rows, args.format)
}

fn meeting_row(record: &Record, m: &Meeting) -> MeetingRow {
    MeetingRow {
        number: m.number.value.to_string(),
        date: m.date.value.to_string(),
        time: m.time.map(|t| t.to_string()),
        place: m.place.clone(),
        kind: m.kind.as_str(),
        status: m.status.as_str(),
        cases: record.agenda(m.number.value).len(),
        file: m.file.name().to_string(),
    }
}

fn meetings(record: &Record, args: &ListArgs) -> String {
    let rows: Vec<MeetingRow> = record
        .meetings_by_date()
        .into_iter()
        .filter(|m| args.year.is_none_or(|y| m.number.year == y))
        .filter(|m| args.meeting.is_none_or(|n| m.number.value == n))
        .map(|m| meeting_row(record, m))
        .collect();
    show(&rows, args.format)
}

#[derive(Serialize)]
struct RiskRow<'a> {
    id: u32,
    title: &'a str,
    probability: Option<u8>,
    consequence: Option<u8>,
    status: &'a str,
    file: &'a str,
}

fn risks(record: &Record, args: &ListArgs) -> String {
    let mut list: Vec<_> = record.risks.iter().collect();
    list.sort_by_key(|r| r.id.value);
    let rows: Vec<RiskRow> = list
        .iter()
        .map(|r| RiskRow {
            id: r.id.value,
            title: &r.title,
            probability: r.probability,
            consequence: r.consequence,
            status: r.status.as_str(),
            file: r.file.name(),
        })
        .collect();
    show(&rows, args.format)
}

#[derive(Serialize)]
struct ActionRow<'a> {
    id: &'a str,
    raised: String,
    text: &'a str,
    owner: Option<&'a str>,
    due: Option<String>,
    status: &'static str,
    file: &'a str,
}

fn actions(record: &Record, args: &ListArgs) -> String {
    let rows: Vec<ActionRow> = record
        .actions
        .iter()
        .filter(|a| {
            let year = match a.raised.value {
                Raised::Case(n) => n.year(),
                Raised::Meeting(m) => m.year,
            };
            args.year.is_none_or(|y| y == year)
        })
        .filter(|a| {
            args.meeting.is_none_or(|m| match a.raised.value {
                Raised::Meeting(at) => at == m,
                Raised::Case(n) => record
                    .cases_numbered(n)
                    .any(|c| c.meeting_value() == Some(m)),
            })
        })
        .map(|a| ActionRow {
            id: &a.id.value,
            raised: match a.raised.value {
                Raised::Case(n) => n.to_string(),
                Raised::Meeting(m) => m.to_string(),
            },
            text: &a.text,
            owner: a.owner.as_deref(),
            due: a.due.as_ref().map(|d| d.value.to_string()),
            status: if a.done { "done" } else { "open" },
            file: a.file.name(),
        })
        .collect();
    show(&rows, args.format)
}

#[derive(Serialize)]
struct DecisionRow<'a> {
    number: Option<String>,
    meeting: Option<String>,
    date: Option<String>,
    title: &'a str,
    decision: &'a str,
    file: &'a str,
}

/// Every case with a decision, in number order: the decision's first line.
fn decisions(record: &Record, args: &ListArgs) -> String {
    let mut list: Vec<(&Case, &str)> = record
        .cases
        .iter()
        .filter_map(|c| c.decision.as_deref().map(|d| (c, d)))
        .filter(|(c, _)| args.meeting.is_none_or(|m| c.meeting_value() == Some(m)))
        .filter(|(c, _)| {
            args.year
                .is_none_or(|y| c.number_value().map(|n| n.year()) == Some(y))
        })
        .collect();
    list.sort_by_key(|(c, _)| number_order(c));
    let rows: Vec<DecisionRow> = list
        .iter()
        .map(|(c, d)| DecisionRow {
            number: c.number_value().map(|n| n.to_string()),
            meeting: c.meeting_value().map(|m| m.to_string()),
            date: c
                .meeting_value()
                .and_then(|m| record.meeting(m))
                .map(|m| m.date.value.to_string()),
            title: &c.title,
            decision: d.trim().lines().next().unwrap_or_default().trim(),
            file: c.file.name(),
        })
        .collect();
    show(&rows, args.format)
}

/// A row of a listing: its columns as a table, its fields as JSON.
trait Row: Serialize {
    const HEADERS: &'static [&'static str];
    fn cells(&self) -> Vec<String>;
}

impl Row for CaseRow<'_> {
    const HEADERS: &'static [&'static str] = &["NUMBER", "MEETING", "TYPE", "STATUS", "TITLE"];

    fn cells(&self) -> Vec<String> {
        let kind = match (&self.kind, &self.parts) {
            (Some(k), _) => k.to_string(),
            (None, Some(parts)) => parts
                .iter()
                .enumerate()
                .map(|(i, p)| format!("{}: {}", i + 1, p.kind))
                .collect::<Vec<_>>()
                .join("; "),
            _ => String::new(),
        };
        vec![
            self.number.clone().unwrap_or_else(|| "-".into()),
            self.meeting.clone().unwrap_or_else(|| "-".into()),
            kind,
            self.status.to_string(),
            self.title.to_string(),
        ]
    }
}

impl Row for MeetingRow {
    const HEADERS: &'static [&'static str] =
        &["NUMBER", "DATE", "TIME", "KIND", "STATUS", "CASES", "PLACE"];

    fn cells(&self) -> Vec<String> {
        vec![
            self.number.clone(),
            self.date.clone(),
            self.time.clone().unwrap_or_default(),
            self.kind.to_string(),
            self.status.to_string(),
            self.cases.to_string(),
            self.place.clone().unwrap_or_default(),
        ]
    }
}

impl Row for RiskRow<'_> {
    const HEADERS: &'static [&'static str] =
        &["ID", "PROBABILITY", "CONSEQUENCE", "STATUS", "TITLE"];

    fn cells(&self) -> Vec<String> {
        let score = |v: Option<u8>| v.map(|v| v.to_string()).unwrap_or_else(|| "-".into());
        vec![
            self.id.to_string(),
            score(self.probability),
            score(self.consequence),
            self.status.to_string(),
            self.title.to_string(),
        ]
    }
}

impl Row for ActionRow<'_> {
    const HEADERS: &'static [&'static str] = &["ID", "RAISED", "OWNER", "DUE", "STATUS", "TEXT"];

    fn cells(&self) -> Vec<String> {
        vec![
            self.id.to_string(),
            self.raised.clone(),
            self.owner.unwrap_or_default().to_string(),
            self.due.clone().unwrap_or_default(),
            self.status.to_string(),
            self.text.to_string(),
        ]
    }
}

impl Row for DecisionRow<'_> {
    const HEADERS: &'static [&'static str] = &["NUMBER", "MEETING", "DATE", "TITLE", "DECISION"];

    fn cells(&self) -> Vec<String> {
        vec![
            self.number.clone().unwrap_or_else(|| "-".into()),
            self.meeting.clone().unwrap_or_else(|| "-".into()),
            self.date.clone().unwrap_or_default(),
            self.title.to_string(),
            self.decision.to_string(),
        ]
    }
}

/// The rows as `--format` asks: JSON, or a table under the row's headers.
fn show<R: Row>(rows: &[R], format: ListFormat) -> String {
    match format {
        ListFormat::Json => json(&rows),
        ListFormat::Table => {
            let body: Vec<Vec<String>> = rows.iter().map(Row::cells).collect();
            table(R::HEADERS, &body)
        }
    }
}

/// Numbered cases in number order (`tie_order`, then file name between
/// equals), drafts last.
fn number_order(c: &Case) -> (bool, crate::model::case::NumberOrder<'_>) {
    (c.number.is_none(), c.number_order())
}

fn json<T: Serialize>(rows: &T) -> String {
    let mut s = serde_json::to_string_pretty(rows).unwrap_or_else(|_| "[]".into());
    s.push('\n');
    s
}

/// A plain text table with columns padded to their widest cell. Control
/// characters in a cell (a title's escape sequence, a newline in a place)
/// are written out, as `check` does, so a value cannot drive the terminal or
/// break the table's lines.
fn table(header: &[&str], rows: &[Vec<String>]) -> String {
    let rows: Vec<Vec<String>> = rows
        .iter()
        .map(|row| {
            row.iter()
                .map(|cell| crate::report::printable(cell, &[]).into_owned())
                .collect()
        })
        .collect();
    let rows = rows.as_slice();
    let mut widths: Vec<usize> = header.iter().map(|h| h.chars().count()).collect();
    for row in rows {
        for (w, cell) in widths.iter_mut().zip(row) {
            *w = (*w).max(cell.chars().count());
        }
    }
    let line = |cells: Vec<&str>| {
        let mut s = String::new();
        for (i, (cell, w)) in cells.iter().zip(&widths).enumerate() {
            if i + 1 == cells.len() {
                s.push_str(cell);
            } else {
                s.push_str(cell);
                s.push_str(&" ".repeat(w - cell.chars().count() + 2));
            }
        }
        s.trim_end().to_string() + "\n"
    };
    let mut out = line(header.to_vec());
    for row in rows {
        out.push_str(&line(row.iter().map(String::as_str).collect()));
    }
    out
}
