//! `pds new case`: a case on a meeting's agenda, numbered, or a draft in
//! `drafts/` to be scheduled later.

use super::{agenda_open, check_type, next_case_number, shown, yaml_text};
use crate::commands::{print, Env};
use crate::diag::Error;
use crate::load::FileKind;
use crate::model::{CaseFileName, MeetingNumber, Record};
use crate::write::verify::{map, text};
use crate::write::{Intent, RecordWriter};
use std::path::Path;

pub(super) fn new_case(
    env: &Env,
    writer: &RecordWriter,
    record: &Record,
    title: &str,
    meeting: Option<MeetingNumber>,
    kind: Option<&str>,
    description: Option<&str>,
) -> Result<i32, Error> {
    let title = title.trim();
    if title.is_empty() {
        return Err(Error::Usage("--title must not be empty".into()));
    }
    if let Some(k) = kind {
        check_type(record, k)?;
    }
    let slug = match crate::model::slug::slug(title, 60) {
        s if s.is_empty() => "sak".to_string(),
        s => s,
    };
    let mut fields: Vec<(&str, String)> = Vec::new();
    let (rel, file_kind) = match meeting {
        Some(m) => {
            agenda_open(record, m)?;
            let Some(k) = kind else {
                let types = record.board.case_types.join(", ");
                return Err(Error::Usage(format!(
                    "a case on an agenda needs --type (one of {})",
                    shown(&types)
                )));
            };
            let number = next_case_number(record, m.year)?;
            fields.push(("number", number.to_string()));
            fields.push(("meeting", m.to_string()));
            fields.push(("title", title.to_string()));
            fields.push(("type", k.to_string()));
            let rel = CaseFileName::new(number, slug).to_string();
            (rel, FileKind::Case)
        }
        None => {
            fields.push(("title", title.to_string()));
            if let Some(k) = kind {
                fields.push(("type", k.to_string()));
            }
            (free_draft(writer.root(), &slug), FileKind::Draft)
        }
    };
    if let Some(d) = description {
        fields.push(("description", d.to_string()));
    }
    fields.push((
        "status",
        if meeting.is_some() { "ready" } else { "draft" }.to_string(),
    ));
    let intent = Intent {
        kind: file_kind,
        case_types: &record.board.case_types,
        old: None,
        values: map(fields.iter().map(|(k, v)| (*k, text(v.clone()))).collect()),
        body: Some(""),
        numbers_as_values: false,
    };
    writer.create(&rel, &front_matter(&fields), &intent)?;
    if !env.quiet {
        print(&format!("{}\n", shown(&rel)));
    }
    Ok(0)
}

/// A case file of `fields` only: front matter and an empty body.
fn front_matter(fields: &[(&str, String)]) -> String {
    let mut body = String::from("---\n");
    for (k, v) in fields {
        // Numbers are written as they are; every text as a scalar that reads back as itself.
        let written = match *k {
            "number" | "meeting" | "status" => v.clone(),
            _ => yaml_text(v),
        };
        body.push_str(&format!("{k}: {written}\n"));
    }
    body.push_str("---\n");
    body
}

/// `drafts/<slug>.md`, or with `-2`, `-3`… when taken.
fn free_draft(root: &Path, stem: &str) -> String {
    let taken = |rel: &str| std::fs::symlink_metadata(root.join(rel)).is_ok();
    let mut rel = format!("drafts/{stem}.md");
    let mut n = 2;
    while taken(&rel) {
        rel = format!("drafts/{stem}-{n}.md");
        n += 1;
    }
    rel
}
