//! `pds schedule <DRAFT> --meeting M [--type T] [--title T]`: number a
//! draft (its type and title set when given) and move it into its meeting's
//! year, through the one write path (`crate::write`).

use super::new::{agenda_open, check_type, next_case_number, shown};
use super::{print, Env};
use crate::diag::Error;
use crate::load::FileKind;
use crate::model::{Case, CaseFileName, MeetingNumber, Record};
use crate::write::edit;
use crate::write::{Intent, RecordWriter};
use std::path::Path;

pub fn run(
    env: &Env,
    draft: &Path,
    meeting: MeetingNumber,
    kind: Option<&str>,
    title: Option<&str>,
) -> Result<i32, Error> {
    let title = title.map(str::trim);
    if title == Some("") {
        return Err(Error::Usage("--title must not be empty".into()));
    }
    let root = env.root()?;
    let writer = RecordWriter::open(&root)?;
    let root = writer.root();
    let (record, _) = crate::load::load(root);
    if let Some(k) = kind {
        check_type(&record, k)?;
    }
    agenda_open(&record, meeting)?;
    let case = find_draft(&record, root, draft)?;
    let name = shown(case.file.name());
    if let Some(n) = &case.number {
        return Err(Error::Usage(format!(
            "{name} already has number {}",
            n.value
        )));
    }
    match (&case.kind, kind) {
        (crate::model::CaseKind::Parts(_), Some(_)) => {
            return Err(Error::Usage(format!(
                "{name} has `parts`, each with its type: leave out --type"
            )));
        }
        // The closing standing item (Eventuelt) may have no type.
        (crate::model::CaseKind::Unknown, None)
            if !record
                .board
                .standing_items
                .last
                .as_deref()
                .is_some_and(|last| {
                    case.title.to_lowercase().starts_with(&last.to_lowercase())
                }) =>
        {
            let types = record.board.case_types.join(", ");
            return Err(Error::Usage(format!(
                "{name} has no `type`: give one with --type (one of {})",
                shown(&types)
            )));
        }
        _ => {}
    }
    let number = next_case_number(&record, meeting.year)?;
    let mut set: Vec<(&str, &str)> = Vec::new();
    if let Some(k) = kind {
        set.push(("type", k));
    }
    if let Some(t) = title {
        set.push(("title", t));
    }
    let scheduled = edit::schedule_with(case.file.text(), number, meeting, &set)
        .map_err(|why| Error::Write(format!("left {name} as it was: {why}")))?;
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
        Error::Write(format!(
            "wrote {} but cannot remove the draft {name}: {e}",
            shown(&rel)
        ))
    })?;
    if !env.quiet {
        print(&format!("{number} {}\n", shown(&rel)));
    }
    Ok(0)
}

/// The draft: a path (from here or from the record), or a name in drafts/.
fn find_draft<'r>(record: &'r Record, root: &Path, draft: &Path) -> Result<&'r Case, Error> {
    find_case_file(record, root, draft, "draft")
}

/// A case by its file: a path (from here, then from the record's root;
/// absolute too), or a draft's name in drafts/ (`budsjett-2022`). Any case
/// of the record, numbered or not; the error (`no <what> …`) lists the drafts.
pub(crate) fn find_case_file<'r>(
    record: &'r Record,
    root: &Path,
    draft: &Path,
    what: &str,
) -> Result<&'r Case, Error> {
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
    found.ok_or_else(|| {
        let drafts: Vec<String> = record
            .cases
            .iter()
            .filter(|c| c.number.is_none())
            .map(|c| shown(c.file.name()))
            .collect();
        Error::NotFound(format!(
            "no {what} {} in the record{}",
            shown(&draft.display().to_string()),
            if drafts.is_empty() {
                String::new()
            } else {
                format!("; the drafts are {}", drafts.join(", "))
            }
        ))
    })
}
