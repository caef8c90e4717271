//! `pds fmt [--check] [PATH…]`: rewrite the record's files canonically.

use super::{eprint, print, Env};
use crate::diag::Error;
use crate::fmt::{format, Outcome};
use crate::load::{classify, FileKind};
use crate::report::printable;
use std::path::{Path, PathBuf};

pub fn run(env: &Env, check: bool, paths: &[PathBuf]) -> Result<i32, Error> {
    let records = env.records_of(paths)?;
    for path in &records.outside {
        if !env.quiet {
            super::output::eprint(&format!(
                "note: {} is in no pds record: left as it is\n",
                printable(&path.display().to_string(), &[])
            ));
        }
    }
    let mut code = 0;
    for (root, paths) in &records.groups {
        code = code.max(fmt_one(env, check, root, paths)?);
    }
    Ok(code)
}

/// `pds fmt` of `paths` (all of it when none) in the record at `root`.
fn fmt_one(env: &Env, check: bool, root: &Path, paths: &[PathBuf]) -> Result<i32, Error> {
    let root_abs = root
        .canonicalize()
        .map_err(|e| Error::io("resolve", root, e))?;
    let files = files(&root_abs, paths)?;
    let mut changed = 0;
    let mut refused = 0;
    // The lock before anything is read: no other pds changes a file between
    // the read and the write.
    let writer = if check {
        None
    } else {
        Some(crate::write::RecordWriter::open(&root_abs)?)
    };
    // Read and formatted on every core, a slice of files at a time (what
    // is kept between the two is the text of the files that change); told
    // and written here, in order.
    let workers = crate::load::Workers::new();
    for slice in files.chunks(FILES_AT_ONCE) {
        let outcomes = workers.map(slice, |(_, path, kind), buffer| {
            let text = match crate::load::read_into(&root_abs, path, buffer) {
                Ok(t) => t,
                Err(why) => return Step::Unreadable(why.to_string()),
            };
            let markdown = matches!(kind, FileKind::Case | FileKind::Draft);
            match format(text, markdown) {
                Outcome::Refused(why) => Step::Refused(why),
                Outcome::Formatted(new) if new == text => Step::Canonical,
                Outcome::Formatted(new) => Step::Changed(text.to_string(), new),
            }
        });
        for ((rel, _, kind), step) in slice.iter().zip(outcomes) {
            // The name as printed: a control character in it is written out.
            let shown = printable(rel, &[]).into_owned();
            match step {
                Step::Unreadable(why) => {
                    eprint(&format!(
                        "warning: left {shown} as it was: it {}\n",
                        printable(&why, &['\n'])
                    ));
                    refused += 1;
                }
                Step::Refused(why) => {
                    eprint(&format!(
                        "warning: left {shown} as it was: {}\n",
                        printable(&why, &['\n'])
                    ));
                    refused += 1;
                }
                Step::Canonical => {}
                Step::Changed(text, new) => {
                    changed += 1;
                    if check {
                        print(&diff(&shown, &text, &new));
                    } else {
                        // Through the one write path: locked, inside the record,
                        // and loaded back to the same values before it replaces the file.
                        let Some(writer) = &writer else {
                            continue;
                        };
                        // Old and new text are loaded alike, so the board's case types are not needed to compare them.
                        let intent =
                            crate::write::Intent::reformat(*kind, &[], &text).map_err(|why| {
                                Error::Write(format!("left {shown} as it was: {why}"))
                            })?;
                        writer.replace(rel, &new, &intent)?;
                        if !env.quiet {
                            print(&format!("formatted {shown}\n"));
                        }
                    }
                }
            }
        }
    }
    if check && changed > 0 {
        eprint(&format!(
            "{changed} file(s) would be reformatted; run `pds fmt`\n"
        ));
    }
    if refused > 0 && (check || !env.quiet) {
        eprint(&format!(
            "{refused} file(s) left as they were (see the warnings above)\n"
        ));
    }
    // A file fmt cannot format is not canonical either: CI must not pass it.
    Ok(i32::from(check && (changed > 0 || refused > 0)))
}

/// How many files are read and formatted before they are told and written.
const FILES_AT_ONCE: usize = 4096;

/// What formatting one file came to.
enum Step {
    /// It could not be read, and why.
    Unreadable(String),
    /// It cannot be formatted, and why.
    Refused(String),
    /// It is canonical already.
    Canonical,
    /// Its text, and its canonical text.
    Changed(String, String),
}

/// The record's files to format: all, or those under the given paths.
fn files(root: &Path, paths: &[PathBuf]) -> Result<Vec<(String, PathBuf, FileKind)>, Error> {
    let mut out = Vec::new();
    let mut starts: Vec<PathBuf> = Vec::new();
    if paths.is_empty() {
        starts.push(root.to_path_buf());
    }
    for p in paths {
        let abs = p
            .canonicalize()
            .or_else(|_| root.join(p).canonicalize())
            .map_err(|_| {
                Error::Usage(format!(
                    "{} does not exist",
                    printable(&p.display().to_string(), &[])
                ))
            })?;
        if !abs.starts_with(root) {
            return Err(Error::Usage(format!(
                "{} is outside the record {}",
                printable(&p.display().to_string(), &[]),
                printable(&root.display().to_string(), &[])
            )));
        }
        starts.push(abs);
    }
    for start in starts {
        for entry in walkdir::WalkDir::new(&start)
            .follow_links(false)
            .sort_by_file_name()
            .into_iter()
            .flatten()
        {
            if !entry.file_type().is_file() {
                continue;
            }
            let Ok(rel) = entry.path().strip_prefix(root) else {
                continue;
            };
            let rel = rel.to_string_lossy().replace('\\', "/");
            if let Some(kind) = classify(&rel) {
                out.push((rel, entry.path().to_path_buf(), kind));
            }
        }
    }
    out.dedup_by(|a, b| a.0 == b.0);
    Ok(out)
}

/// How long the diff of one file may search for the smallest diff. Myers'
/// diff takes time by lines × changes: 800 kB of list items, every line
/// changed, took minutes; past the deadline the diff is correct, only longer.
const DIFF_DEADLINE: std::time::Duration = std::time::Duration::from_millis(500);

/// A unified diff of one file (`shown` is its name, already printable);
/// control characters in its lines are written out, line breaks kept.
fn diff(shown: &str, old: &str, new: &str) -> String {
    let diff = similar::TextDiff::configure()
        .timeout(DIFF_DEADLINE)
        .diff_lines(old, new)
        .unified_diff()
        .context_radius(3)
        .header(&format!("a/{shown}"), &format!("b/{shown}"))
        .to_string();
    printable(&diff, &['\n']).into_owned()
}
