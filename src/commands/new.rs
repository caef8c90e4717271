//! `pds new case|meeting` and `pds schedule`: create and number records
//! through the one write path (`crate::write`): under the record's lock,
//! values edited through the YAML tree, each new text verified before it is
//! renamed into place, and never over an existing file.

use super::{print, Env, UsageError};
use crate::cli::NewCommand;
use crate::load::FileKind;
use crate::model::{CaseFileName, CaseNumber, Date, MeetingNumber, Record, TimeSpan};
use crate::report::printable;
use crate::write::edit::{self, NewMeeting};
use crate::write::verify::{map, text};
use crate::write::{place, Intent, RecordWriter};
use std::path::Path;

/// The highest sequence number `pds check` reads (nine digits).
pub const MAX_SEQ: u32 = 999_999_999;

/// The years whose cases pds can number: a case number's year has two
/// digits and means 20yy.
pub const CASE_YEARS: std::ops::RangeInclusive<u16> = 2000..=2099;

/// The years a meeting can have: its folder's name has four digits.
pub const MEETING_YEARS: std::ops::RangeInclusive<u16> = 1000..=9999;

pub fn run(env: &Env, cmd: &NewCommand) -> Result<i32, UsageError> {
    let root = env.root()?;
    // The lock first: the next number is chosen from what the last writer left.
    let writer = RecordWriter::open(&root)?;
    let (record, _) = crate::load::load(writer.root());
    match cmd {
        NewCommand::Case {
            title,
            meeting,
            kind,
            description,
        } => new_case(
            env,
            &writer,
            &record,
            title,
            *meeting,
            kind.as_deref(),
            description.as_deref(),
        ),
        NewCommand::Meeting {
            date,
            time,
            place,
            extraordinary,
        } => new_meeting(
            env,
            &writer,
            &record,
            date,
            time.as_deref(),
            place.as_deref(),
            *extraordinary,
        ),
    }
}

/// Text for a YAML value: plain when that reads back as the same text, quoted otherwise.
pub fn yaml_text(s: &str) -> String {
    edit::scalar(s)
}

/// `s` safe to print on a terminal.
fn shown(s: &str) -> String {
    printable(s, &[]).into_owned()
}

fn check_type(record: &Record, kind: &str) -> Result<(), UsageError> {
    if record.board.case_types.iter().any(|t| t == kind) {
        return Ok(());
    }
    let types: Vec<&str> = record.board.case_types.iter().map(String::as_str).collect();
    let hint = crate::diag::nearest(kind, types.iter().copied())
        .map(|n| format!("did you mean {}?", shown(n)))
        .unwrap_or_else(|| format!("the types are {}", shown(&types.join(", "))));
    Err(format!("`{}` is not a case type of this board; {hint}", shown(kind)).into())
}

/// The next case number of `meeting`'s year that `pds check` accepts: above
/// every number carried by a case, or reserved by the name of a case file
/// that does not load.
pub fn next_case_number(record: &Record, year: u16) -> Result<CaseNumber, UsageError> {
    if !CASE_YEARS.contains(&year) {
        return Err(format!(
            "pds numbers cases only in the years 2000–2099 (n/yy means 20yy), not in {year}"
        )
        .into());
    }
    let yy = (year % 100) as u8;
    let loaded = crate::check::next_free(record, yy).seq - 1;
    let reserved = record
        .unloaded
        .broken_cases
        .iter()
        .filter_map(|name| CaseFileName::parse(name).map(|n| n.number))
        .filter(|n| n.yy == yy)
        .map(|n| n.seq)
        .max()
        .unwrap_or(0);
    let highest = loaded.max(reserved);
    if highest >= MAX_SEQ {
        return Err(format!(
            "case {highest}/{yy:02} is the highest number pds can read in {year}; no number is left"
        )
        .into());
    }
    Ok(CaseNumber::new(highest + 1, yy))
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

fn new_case(
    env: &Env,
    writer: &RecordWriter,
    record: &Record,
    title: &str,
    meeting: Option<MeetingNumber>,
    kind: Option<&str>,
    description: Option<&str>,
) -> Result<i32, UsageError> {
    let title = title.trim();
    if title.is_empty() {
        return Err("--title must not be empty".into());
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
            if let Err(e) = record.find_meeting(m) {
                return Err(e.to_string().into());
            }
            let Some(k) = kind else {
                let types = record.board.case_types.join(", ");
                return Err(format!(
                    "a case on an agenda needs --type (one of {})",
                    shown(&types)
                )
                .into());
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
    let mut body = String::from("---\n");
    for (k, v) in &fields {
        // Numbers are written as they are; every text as a scalar that reads back as itself.
        let written = match *k {
            "number" | "meeting" | "status" => v.clone(),
            _ => yaml_text(v),
        };
        body.push_str(&format!("{k}: {written}\n"));
    }
    body.push_str("---\n");
    let intent = Intent {
        kind: file_kind,
        case_types: &record.board.case_types,
        old: None,
        values: map(fields.iter().map(|(k, v)| (*k, text(v.clone()))).collect()),
        body: Some(""),
        numbers_as_values: false,
    };
    writer.create(&rel, &body, &intent)?;
    if !env.quiet {
        print(&format!("{}\n", shown(&rel)));
    }
    Ok(0)
}

fn new_meeting(
    env: &Env,
    writer: &RecordWriter,
    record: &Record,
    date: &str,
    time: Option<&str>,
    place: Option<&str>,
    extraordinary: bool,
) -> Result<i32, UsageError> {
    let date = Date::parse(date).ok_or_else(|| {
        UsageError(format!(
            "`{}` is not a date: write YYYY-MM-DD, with a year from 1000 to 9999",
            shown(date)
        ))
    })?;
    if !MEETING_YEARS.contains(&date.year) {
        return Err(format!(
            "{date} is in the year {}: pds keeps meetings of the years 1000–9999 (a year's folder has four digits)",
            date.year
        )
        .into());
    }
    let time = match time {
        Some(t) => Some(TimeSpan::parse(t).ok_or_else(|| {
            UsageError(format!(
                "`{}` is not a time span: write 13:00-15:00",
                shown(t)
            ))
        })?),
        None => None,
    };
    let year_meetings: Vec<_> = record
        .meetings
        .iter()
        .filter(|m| m.number.year == date.year)
        .collect();
    if let Some(last) = year_meetings.iter().max_by_key(|m| m.date.value) {
        if last.date.value >= date {
            return Err(format!(
                "meeting {} is on {}: a new meeting of {} must come after it",
                last.number.value, last.date.value, date.year
            )
            .into());
        }
    }
    // Entries that did not load still hold their numbers.
    let highest = year_meetings
        .iter()
        .map(|m| m.number.value.seq)
        .chain(
            record
                .unloaded
                .broken_meetings
                .iter()
                .filter(|m| m.year == date.year)
                .map(|m| m.seq),
        )
        .max()
        .unwrap_or(0);
    if highest >= MAX_SEQ {
        return Err(format!(
            "meeting {highest}/{} is the highest number pds can read; no number is left",
            date.year
        )
        .into());
    }
    let meeting = NewMeeting {
        number: MeetingNumber::new(highest + 1, date.year),
        date,
        time,
        place: place.map(|p| p.trim().to_string()),
        extraordinary,
    };
    let rel = format!("{}/meetings.yaml", date.year);
    let path = writer.target(&rel, place::Kind::Data)?;
    let old = match std::fs::symlink_metadata(&path) {
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => None,
        _ => Some(
            crate::load::read_text(writer.root(), &path).map_err(|why| format!("{rel} {why}"))?,
        ),
    };
    let (new, values) = edit::add_meeting(old.as_deref(), &meeting)
        .map_err(|why| format!("left {rel} as it was: {why}"))?;
    let intent = Intent {
        kind: FileKind::Meetings,
        case_types: &record.board.case_types,
        old: old.as_deref(),
        values,
        body: None,
        numbers_as_values: false,
    };
    match old {
        Some(_) => writer.replace(&rel, &new, &intent)?,
        None => writer.create(&rel, &new, &intent)?,
    };
    if !env.quiet {
        print(&format!("{}\n", meeting.number));
    }
    Ok(0)
}

/// `pds schedule <DRAFT> --meeting M`: number a draft and move it into its year.
pub fn schedule(env: &Env, draft: &Path, meeting: MeetingNumber) -> Result<i32, UsageError> {
    let root = env.root()?;
    let writer = RecordWriter::open(&root)?;
    let root = writer.root();
    let (record, _) = crate::load::load(root);
    if let Err(e) = record.find_meeting(meeting) {
        return Err(e.to_string().into());
    }
    // The draft: a path (from here or from the record), or a name in drafts/.
    let candidates = [
        draft.to_path_buf(),
        root.join(draft),
        root.join("drafts").join(draft),
        root.join("drafts").join(format!("{}.md", draft.display())),
    ];
    let found = candidates
        .iter()
        .filter_map(|p| p.canonicalize().ok())
        .find_map(|p| {
            record
                .cases
                .iter()
                .find(|c| c.file.path().canonicalize().ok().as_ref() == Some(&p))
        });
    let Some(case) = found else {
        let drafts: Vec<String> = record
            .cases
            .iter()
            .filter(|c| c.number.is_none())
            .map(|c| shown(c.file.name()))
            .collect();
        return Err(format!(
            "no draft {} in the record{}",
            shown(&draft.display().to_string()),
            if drafts.is_empty() {
                String::new()
            } else {
                format!("; the drafts are {}", drafts.join(", "))
            }
        )
        .into());
    };
    let name = shown(case.file.name());
    if let Some(n) = &case.number {
        return Err(format!("{name} already has number {}", n.value).into());
    }
    if matches!(case.kind, crate::model::CaseKind::Unknown) {
        return Err(format!("{name} has no `type`: add one (or `parts`) before scheduling").into());
    }
    let number = next_case_number(&record, meeting.year)?;
    let scheduled = edit::schedule(case.file.text(), number, meeting)
        .map_err(|why| format!("left {name} as it was: {why}"))?;
    let stem = case
        .file
        .path()
        .file_stem()
        .map(|s| s.to_string_lossy().into_owned())
        .unwrap_or_else(|| "sak".into());
    let rel = CaseFileName::new(number, stem).to_string();
    let intent = Intent {
        kind: FileKind::Case,
        case_types: &record.board.case_types,
        old: Some(case.file.text()),
        values: scheduled.values,
        body: Some(scheduled.body),
        numbers_as_values: false,
    };
    writer.create(&rel, &scheduled.text, &intent)?;
    // Only once the numbered case is in place.
    writer.remove(case.file.name()).map_err(|e| {
        format!(
            "wrote {} but cannot remove the draft {name}: {e}",
            shown(&rel)
        )
    })?;
    if !env.quiet {
        print(&format!("{number} {}\n", shown(&rel)));
    }
    Ok(0)
}
