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
                    crate::write::atomic_write(&path, new.as_bytes())
                        .map_err(|e| format!("cannot write {rel}: {e}"))?;
                    if !env.quiet {
                        print(&format!("formatted {rel}\n"));
                    }
                }
            }
        }
    }
    if check && changed > 0 {
        eprintln!("{changed} file(s) would be reformatted; run `pds fmt`");
    }
    if refused > 0 && (check || !env.quiet) {
        eprintln!("{refused} file(s) left as they were (see the warnings above)");
    }
    // A file fmt cannot format is not canonical either: CI must not pass it.
    Ok(i32::from(check && (changed > 0 || refused > 0)))
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

/// How long the diff of one file may search for the smallest diff. Myers'
/// diff takes time by lines × changes: 800 kB of list items, every line
/// changed, took minutes; past the deadline the diff is correct, only longer.
const DIFF_DEADLINE: std::time::Duration = std::time::Duration::from_millis(500);

/// A unified diff of one file.
fn diff(rel: &str, old: &str, new: &str) -> String {
    similar::TextDiff::configure()
        .timeout(DIFF_DEADLINE)
        .diff_lines(old, new)
        .unified_diff()
        .context_radius(3)
        .header(&format!("a/{rel}"), &format!("b/{rel}"))
        .to_string()
}
