//! `pds renumber <CASE> <NEW>`: a case given another number — its file
//! renamed, its `number` rewritten, every reference to it brought along
//! (other cases' `previous`, action items' `raised`, the acknowledgements
//! in pds.yaml) — under the record's lock, every file verified before
//! anything is written, and all or nothing: a write that fails puts back
//! the ones made before it.

use super::new::{agenda_open, next_case_number, shown};
use super::schedule::find_case_file;
use super::{eprint, print, Env};
use crate::cli::CaseArg;
use crate::diag::{Error, Finding};
use crate::load::{classify, FileKind};
use crate::model::{Case, CaseFileName, CaseNumber, MeetingNumber, Record};
use crate::write::edit::renumber::{self, Renumbered};
use crate::write::{verify, Intent, RecordWriter};
use crate::yaml::{Node, NodeKind};
use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;

/// The acknowledged findings whose number is the case's own, so they move
/// with it; the others (`duplicate-case`, `case-gap`) are about a number,
/// and `number-taken`, `held-case-changed` about the base revision.
const FOLLOW: [&str; 3] = ["case-order", "case-year-mismatch", "file-name"];

/// One file to replace: where, its text now, its new text and values.
struct Change {
    rel: String,
    kind: FileKind,
    old: String,
    new: Renumbered,
    /// What changes in it, for the user.
    what: Vec<String>,
}

pub fn run(
    env: &Env,
    arg: &CaseArg,
    new: Option<CaseNumber>,
    next: bool,
    to_meeting: Option<MeetingNumber>,
    dry_run: bool,
) -> Result<i32, Error> {
    let root = env.root()?;
    // The lock first: what is free, and every text edited, is read inside it.
    let writer = RecordWriter::open(&root)?;
    let root = writer.root();
    let (record, _) = crate::load::load(root);
    let case = find(&record, root, arg)?;
    let name = shown(case.file.name());
    let Some(old) = case.number_value() else {
        return Err(Error::Usage(format!(
            "{name} is a draft with no number: `pds schedule` numbers it"
        )));
    };
    if let Some(m) = case.meeting_value().and_then(|m| record.meeting(m)) {
        if m.status.was_held() {
            return Err(Error::Conflict(format!(
                "case {old} ({name}) is on the agenda of meeting {}, which is {} (status in {}): the numbers of a held meeting are frozen",
                m.number.value,
                m.status.as_str(),
                shown(m.file.name())
            )));
        }
    }
    // Onto another meeting's agenda: one still ahead, whose agenda is open.
    let to_meeting = to_meeting.filter(|m| Some(*m) != case.meeting_value());
    if let Some(to) = to_meeting {
        agenda_open(&record, to)?;
    }
    let meeting = to_meeting.or(case.meeting_value());
    // Case numbers run per year: the meeting's, or the number's own without one.
    let year = meeting.map_or(old.year(), |m| m.year);
    let new = match (new, next) {
        (Some(n), _) => n,
        (None, true) => next_case_number(&record, year)?,
        (None, false) => return Err(Error::Usage("give the new number, or --next".into())),
    };
    check_new(&record, meeting, old, new, year)?;
    let slug = CaseFileName::parse(case.file.name())
        .map(|n| n.slug)
        .filter(|s| !s.is_empty())
        .unwrap_or_else(|| "sak".into());
    let new_rel = CaseFileName::new(new, slug).to_string();
    if std::fs::symlink_metadata(root.join(&new_rel)).is_ok() {
        return Err(Error::Conflict(format!(
            "{} exists already: move it out of the way first",
            shown(&new_rel)
        )));
    }
    let texts = crate::load::texts(root);
    let old_rel = case.file.name().to_string();
    let case_text = texts
        .get(&old_rel)
        .cloned()
        .unwrap_or_else(|| case.file.text().to_string());
    // A number two cases carry: a reference to it may mean the other one.
    let follow = record.cases_numbered(old).count() == 1;
    let unedited = |rel: &str, why: crate::write::Unedited| {
        Error::Write(format!("left every file as it was: {}: {why}", shown(rel)))
    };
    let moved = renumber::moved_case_file(&case_text, old, new, true, follow, to_meeting)
        .map_err(|why| unedited(&old_rel, why))?
        .ok_or_else(|| unedited(&old_rel, crate::write::Unedited::OutOfRange))?;
    let mut changes = references(&texts, &old_rel, old, new, follow, &[]);
    // What `pds check` makes of the record before and after, acknowledgements aside.
    let after_texts = |changes: &[Change]| {
        let mut t = texts.clone();
        t.remove(&old_rel);
        t.insert(new_rel.clone(), moved.text.clone());
        for c in changes {
            t.insert(c.rel.clone(), c.new.text.clone());
        }
        t
    };
    let before = checked(root, &texts);
    let after = checked(root, &after_texts(&changes));
    // An acknowledgement that matched a finding before and none after: the
    // problem it accepted is gone with the old number, and so is the entry.
    let gone = stale(&before, &after);
    if !gone.is_empty() {
        changes = references(&texts, &old_rel, old, new, follow, &gone);
    }
    let after = if gone.is_empty() {
        after
    } else {
        checked(root, &after_texts(&changes))
    };
    let case_types = &record.board.case_types;
    let moved_body = crate::load::frontmatter::split(crate::diag::split_bom(&case_text).1)
        .map(|s| s.body)
        .unwrap_or_default();
    let moved_intent = Intent {
        kind: FileKind::Case,
        case_types,
        old: Some(&case_text),
        values: moved.values.clone(),
        body: Some(moved_body),
        numbers_as_values: false,
    };
    // Every new text verified before anything is written.
    let refuse = |rel: &str, why: crate::write::Unverified| {
        Error::Write(format!("left every file as it was: {}: {why}", shown(rel)))
    };
    verify::verify(&new_rel, &moved.text, &moved_intent).map_err(|why| refuse(&new_rel, why))?;
    for c in &changes {
        verify::verify(&c.rel, &c.new.text, &intent(c, case_types))
            .map_err(|why| refuse(&c.rel, why))?;
    }
    let mut report = vec![format!(
        "{old} → {new}: {} → {}",
        shown(&old_rel),
        shown(&new_rel)
    )];
    if let (Some(from), Some(to)) = (case.meeting_value(), to_meeting) {
        report.push(format!("  meeting {from} → {to}"));
    }
    for c in &changes {
        for what in &c.what {
            report.push(format!("  {}: {what}", shown(&c.rel)));
        }
    }
    if !follow {
        report.push(format!(
            "  references to {old} are left as they are: another case carries {old} too"
        ));
    }
    if dry_run {
        if !env.quiet {
            print(&format!(
                "would renumber {}\n(--dry-run: nothing was written)\n",
                report.join("\n")
            ));
        }
        warn(&new_errors(&before, &after));
        return Ok(0);
    }
    write_all(
        &writer,
        &changes,
        case_types,
        &old_rel,
        &new_rel,
        &moved.text,
        &moved_intent,
    )?;
    if !env.quiet {
        print(&format!("renumbered {}\n", report.join("\n")));
    }
    warn(&new_errors(&before, &after));
    Ok(0)
}

/// The case `arg` names: a number one case carries, a path (from here or
/// from the record's folder), or a numbered case's slug.
fn find<'r>(record: &'r Record, root: &Path, arg: &CaseArg) -> Result<&'r Case, Error> {
    let many = |cases: &[&Case], what: &str| {
        let files: Vec<String> = cases.iter().map(|c| shown(c.file.name())).collect();
        Error::Conflict(format!(
            "{} cases carry {what}: {}; pds cannot tell which to renumber. Give its path: `pds renumber {} <NEW>`",
            cases.len(),
            files.join(if files.len() == 2 { " and " } else { ", " }),
            files.first().map(String::as_str).unwrap_or_default()
        ))
    };
    match arg {
        CaseArg::Number(n) => {
            let cases: Vec<&Case> = record.cases_numbered(*n).collect();
            match cases.as_slice() {
                [one] => Ok(one),
                [] => Err(record.find_case(*n).map(|_| ()).err().map_or_else(
                    || Error::NotFound(format!("no case {n} in the record")),
                    Error::from,
                )),
                _ => Err(many(&cases, &format!("the number {n}"))),
            }
        }
        CaseArg::Path(path) => {
            let slug = path.to_string_lossy();
            let by_slug: Vec<&Case> = record
                .cases
                .iter()
                .filter(|c| c.number.is_some() && crate::check::base::identity(c) == slug)
                .collect();
            if let Ok(case) = find_case_file(record, root, path, "case file") {
                return Ok(case);
            }
            match by_slug.as_slice() {
                [one] => Ok(one),
                [] => Err(Error::NotFound(format!(
                    "no case `{}` in the record: give a case number (5/21), a case file's slug or its path",
                    shown(&slug)
                ))),
                _ => Err(many(&by_slug, &format!("the slug {}", shown(&slug)))),
            }
        }
    }
}

/// Whether `new` may be `case`'s number: another one, of the case's year,
/// within what pds reads, and carried by no case (nor reserved by the name
/// of a case file that does not load).
fn check_new(
    record: &Record,
    meeting: Option<MeetingNumber>,
    old: CaseNumber,
    new: CaseNumber,
    year: u16,
) -> Result<(), Error> {
    if new == old {
        return Err(Error::Usage(format!("case {old} has that number already")));
    }
    if new.year() != year {
        let of = meeting.map_or_else(String::new, |m| format!(" on meeting {m}"));
        return Err(Error::Usage(format!(
            "{new} is a number of {}, but case {old}{of} is numbered in {year}: give n/{:02}",
            new.year(),
            year % 100
        )));
    }
    if new.seq > super::new::MAX_SEQ {
        return Err(Error::Usage(format!(
            "{new} is past the highest number pds reads"
        )));
    }
    if let Some(holder) = record.cases_numbered(new).next() {
        return Err(Error::Conflict(format!(
            "case number {new} is taken by \"{}\" ({}); the next free number is {}",
            shown(&holder.title),
            shown(holder.file.name()),
            next_case_number(record, year).map_or_else(|_| "none".into(), |n| n.to_string())
        )));
    }
    if let Some(file) = record
        .unloaded
        .broken_cases
        .iter()
        .find(|f| CaseFileName::parse(f).is_some_and(|n| n.number == new))
    {
        return Err(Error::Conflict(format!(
            "case number {new} is held by {}, a case file that does not load (see `pds check`)",
            shown(file)
        )));
    }
    Ok(())
}

/// The files other than the case that name `old`, each with its new text:
/// other cases' `previous` and action items' `raised` (when `follow`), and
/// pds.yaml's acknowledgements (those of `FOLLOW` when `follow`; the
/// entries in `gone` removed).
fn references(
    texts: &BTreeMap<String, String>,
    case_rel: &str,
    old: CaseNumber,
    new: CaseNumber,
    follow: bool,
    gone: &[(String, String)],
) -> Vec<Change> {
    let mut changes = Vec::new();
    for (rel, text) in texts {
        if rel == case_rel {
            continue;
        }
        let Some(kind) = classify(rel) else { continue };
        let (edited, what) = match kind {
            FileKind::Case | FileKind::Draft if follow => (
                renumber::case_file(text, old, new, false, true),
                vec![format!("previous {old} → {new}")],
            ),
            FileKind::Actions if follow => (
                renumber::actions(text, old, new),
                vec![format!("raised {old} → {new}")],
            ),
            FileKind::Board => {
                let follows: &[&str] = if follow { &FOLLOW } else { &[] };
                (renumber::board(text, old, new, follows, gone), Vec::new())
            }
            _ => continue,
        };
        match edited {
            Ok(Some(new_text)) => {
                let what = match kind {
                    FileKind::Board => board_changes(text, &new_text.text, old, new, gone),
                    _ => what,
                };
                changes.push(Change {
                    rel: rel.clone(),
                    kind,
                    old: text.clone(),
                    new: new_text,
                    what,
                });
            }
            Ok(None) => {}
            // A file that does not parse names nothing pds can see; `pds check` reports it.
            Err(_) => {}
        }
    }
    changes
}

/// What changes in pds.yaml, in words.
fn board_changes(
    old_text: &str,
    new_text: &str,
    old: CaseNumber,
    new: CaseNumber,
    gone: &[(String, String)],
) -> Vec<String> {
    let mut what: Vec<String> = gone
        .iter()
        .map(|(f, n)| {
            format!("acknowledged {f} {n} removed: it matches no finding once the case is {new}")
        })
        .collect();
    let naming = |t: &str| {
        crate::yaml::parse(crate::diag::split_bom(t).1).map_or(0, |tree| acknowledged(&tree, new))
    };
    if naming(new_text) > naming(old_text) {
        what.push(format!(
            "acknowledged findings of case {old} now name {new}"
        ));
    }
    what
}

/// How many acknowledgements in a pds.yaml tree name `number`.
fn acknowledged(tree: &Node, number: CaseNumber) -> usize {
    let is = |n: &Node, key: &str| matches!(&n.kind, NodeKind::Str(s) if s == key);
    tree.as_map()
        .and_then(|m| m.iter().find(|(k, _)| is(k, "acknowledged")))
        .and_then(|(_, v)| v.as_seq())
        .map_or(0, |items| {
            items
                .iter()
                .filter_map(Node::as_map)
                .filter(|m| {
                    m.iter().any(|(k, v)| {
                        is(k, "number")
                            && matches!(&v.kind, NodeKind::Str(s) if CaseNumber::parse(s) == Ok(number))
                    })
                })
                .count()
        })
}

/// What `pds check` finds in the record made of `texts`.
fn checked(root: &Path, texts: &BTreeMap<String, String>) -> (Record, Vec<Finding>) {
    let (record, findings) = crate::load::load_texts(root, texts);
    let findings = crate::check::check(&record, findings);
    (record, findings)
}

/// The acknowledgements (finding, number) that match a finding in `before`
/// and none in `after` (the same entries, in order, in both).
fn stale(before: &(Record, Vec<Finding>), after: &(Record, Vec<Finding>)) -> Vec<(String, String)> {
    let matches = |findings: &[Finding], f: &str, n: &str| {
        findings
            .iter()
            .any(|x| x.code.as_str() == f && x.subject.as_deref() == Some(n))
    };
    let mut gone = BTreeSet::new();
    for (b, a) in before
        .0
        .board
        .acknowledged
        .iter()
        .zip(&after.0.board.acknowledged)
    {
        if matches(&before.1, &b.finding.value, &b.number.value)
            && !matches(&after.1, &a.finding.value, &a.number.value)
        {
            gone.insert((a.finding.value.clone(), a.number.value.clone()));
        }
    }
    gone.into_iter().collect()
}

/// Tells of errors the renumbered record has that it had not.
fn warn(errors: &[&Finding]) {
    for f in errors {
        eprint(&format!(
            "warning: {}:{}:{}: {} {} (run `pds check`)\n",
            shown(f.at.file.name()),
            f.at.line(),
            f.at.column(),
            f.code,
            shown(&f.message)
        ));
    }
}

/// The errors, not acknowledged, that the record has after and did not before.
fn new_errors<'a>(
    before: &(Record, Vec<Finding>),
    after: &'a (Record, Vec<Finding>),
) -> Vec<&'a Finding> {
    // A finding is the same by its code and subject (a gap's number), or else its message.
    let key = |f: &'a Finding| (f.code.as_str(), f.subject.as_deref().unwrap_or(&f.message));
    let had: BTreeSet<(&str, &str)> = before
        .1
        .iter()
        .map(|f| (f.code.as_str(), f.subject.as_deref().unwrap_or(&f.message)))
        .collect();
    after
        .1
        .iter()
        .filter(|f| f.severity == crate::diag::Severity::Error && !f.is_acknowledged())
        .filter(|f| !had.contains(&key(f)))
        .collect()
}

/// What the new text of `c` must give.
fn intent<'a>(c: &'a Change, case_types: &'a [String]) -> Intent<'a> {
    Intent {
        kind: c.kind,
        case_types,
        old: Some(c.old.as_str()),
        values: c.new.values.clone(),
        // A case file's body is kept byte for byte.
        body: match c.kind {
            FileKind::Case | FileKind::Draft => {
                crate::load::frontmatter::split(crate::diag::split_bom(&c.old).1)
                    .map(|s| s.body)
                    .ok()
            }
            _ => None,
        },
        numbers_as_values: false,
    }
}

/// Writes the changes, then the case under its new name, then removes the
/// old name; when one fails, what was written is put back.
fn write_all<'a>(
    writer: &RecordWriter,
    changes: &'a [Change],
    case_types: &'a [String],
    old_rel: &str,
    new_rel: &str,
    moved: &str,
    moved_intent: &Intent,
) -> Result<(), Error> {
    let mut done: Vec<&Change> = Vec::new();
    let mut failed = None;
    for c in changes {
        match writer.replace(&c.rel, &c.new.text, &intent(c, case_types)) {
            Ok(_) => done.push(c),
            Err(e) => {
                failed = Some(e);
                break;
            }
        }
    }
    let mut created = false;
    if failed.is_none() {
        match writer.create_moved(new_rel, moved, moved_intent, old_rel) {
            Ok(_) => created = true,
            Err(e) => failed = Some(e),
        }
    }
    if failed.is_none() {
        match writer.remove(old_rel) {
            Ok(()) => return Ok(()),
            Err(e) => failed = Some(e),
        }
    }
    let why = failed.map_or_else(String::new, |e| e.to_string());
    // Undo, last first.
    let mut stuck = Vec::new();
    if created {
        if let Err(e) = writer.remove(new_rel) {
            stuck.push(e.to_string());
        }
    }
    for c in done.iter().rev() {
        if let Err(e) = writer.restore(&c.rel, &c.old, &c.new.text) {
            stuck.push(e.to_string());
        }
    }
    Err(Error::Write(if stuck.is_empty() {
        format!("{why}; renumbering stopped, and every file it had written is put back as it was")
    } else {
        format!(
            "{why}; renumbering stopped, and some files it had written could not be put back ({}): see `git status`",
            stuck.join("; ")
        )
    }))
}
