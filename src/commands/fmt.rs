//! `pds fmt [--check] [PATH…]`: rewrite the record's files canonically.

use crate::fmt::{format, Outcome};
use crate::load::{classify, FileKind};
use crate::run::{print, Env, UsageError};
use std::path::{Path, PathBuf};

pub fn run(env: &Env, check: bool, paths: &[PathBuf]) -> Result<i32, UsageError> {
    let root = env.root()?;
    let root_abs = root
        .canonicalize()
        .map_err(|e| format!("cannot resolve {}: {e}", root.display()))?;
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
    for (rel, path, kind) in files {
        let text = match crate::load::read_text(&root_abs, &path) {
            Ok(t) => t,
            Err(why) => {
                eprintln!("warning: left {rel} as it was: it {why}");
                refused += 1;
                continue;
            }
        };
        let markdown = matches!(kind, FileKind::Case | FileKind::Draft);
        match format(&text, markdown) {
            Outcome::Refused(why) => {
                eprintln!("warning: left {rel} as it was: {why}");
                refused += 1;
            }
            Outcome::Formatted(new) if new == text => {}
            Outcome::Formatted(new) => {
                changed += 1;
                if check {
                    print(&diff(&rel, &text, &new));
                } else {
                    // Through the one write path: locked, inside the record,
                    // and loaded back to the same values before it replaces the file.
                    let Some(writer) = &writer else {
                        continue;
                    };
                    // Old and new text are loaded alike, so the board's case types are not needed to compare them.
                    let intent = crate::write::Intent::reformat(kind, &[], &text)
                        .map_err(|why| format!("left {rel} as it was: {why}"))?;
                    writer.replace(&rel, &new, &intent)?;
                    if !env.quiet {
                        print(&format!("formatted {rel}\n"));
                    }
                }
            }
        }
    }
    if check && changed > 0 {
        eprintln!("{changed} file(s) would be reformatted; run `pds fmt`");
        return Ok(1);
    }
    if refused > 0 && !env.quiet {
        eprintln!("{refused} file(s) left as they were (see the warnings above)");
    }
    Ok(0)
}

/// The record's files to format: all, or those under the given paths.
fn files(root: &Path, paths: &[PathBuf]) -> Result<Vec<(String, PathBuf, FileKind)>, UsageError> {
    let mut out = Vec::new();
    let mut starts: Vec<PathBuf> = Vec::new();
    if paths.is_empty() {
        starts.push(root.to_path_buf());
    }
    for p in paths {
        let abs = p
            .canonicalize()
            .or_else(|_| root.join(p).canonicalize())
            .map_err(|_| format!("{} does not exist", p.display()))?;
        if !abs.starts_with(root) {
            return Err(format!("{} is outside the record {}", p.display(), root.display()).into());
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

/// A unified diff of one file.
fn diff(rel: &str, old: &str, new: &str) -> String {
    similar::TextDiff::from_lines(old, new)
        .unified_diff()
        .context_radius(3)
        .header(&format!("a/{rel}"), &format!("b/{rel}"))
        .to_string()
}
