//! `pds init [DIR] --board NAME`: start a record — `pds.yaml`, this year's
//! `meetings.yaml` with one planned meeting, an example draft — and, at the
//! top of the git repository it is in, a GitHub workflow and a pre-commit
//! configuration that run pds on it with `--repo`, so a record in a
//! subfolder works.
//!
//! The record's files are written through the one write path (under the
//! record's lock, verified by `check`'s loader, never over an existing
//! file); the two CI files with `write::atomic_create`, which never
//! overwrites either: one already there is left as it was, and said so.

mod ci;
mod record;

use super::env::shell_word;
use super::{eprint, print, Env};
use crate::cli::InitArgs;
use crate::diag::Error;
use crate::load::{find_root, BOARD_FILE};
use crate::model::Language;
use crate::report::printable;
use crate::write::{Intent, RecordWriter};
use ci::{pre_commit, pre_commit_hooks, workflow, PRE_COMMIT, WORKFLOW};
use record::Words;
use std::path::{Path, PathBuf};

pub fn run(env: &Env, args: &InitArgs) -> Result<i32, Error> {
    let dir = folder(env, args)?;
    let board = args.board.trim();
    if board.is_empty() {
        return Err(Error::Usage(
            "--board must name the board: --board \"Styret for Eksempel AS\"".into(),
        ));
    }
    let language: Language = args
        .language
        .parse()
        .map_err(|e: crate::model::UnknownName| Error::Usage(e.to_string()))?;
    let year = args.year.unwrap_or_else(|| record::today().0);
    if !super::new::CASE_YEARS.contains(&year) {
        return Err(Error::Usage(format!(
            "pds numbers cases only in the years 2000–2099 (n/yy means 20yy), not in {year}"
        )));
    }
    refuse_a_record_around(&dir)?;
    std::fs::create_dir_all(&dir).map_err(|e| Error::io("make the folder", &dir, e))?;
    // The lock first, then look again: a parallel init may have written since.
    let writer = RecordWriter::open(&dir)?;
    refuse_a_record_around(writer.root())?;
    let words = Words::of(language);
    let files = record::files(board, language, year, &words);
    for (rel, _, _) in &files {
        if std::fs::symlink_metadata(writer.root().join(rel)).is_ok() {
            return Err(Error::Conflict(format!(
                "{} already holds {}: pds init writes no file over another; nothing was written",
                shown_path(&dir),
                shown(rel)
            )));
        }
    }
    let case_types: Vec<String> = words.case_types.iter().map(|t| t.to_string()).collect();
    // pds.yaml last: until it is there, the folder is no record.
    for (rel, body, intent) in files.iter().rev() {
        let intent = Intent {
            kind: intent.kind,
            case_types: &case_types,
            old: None,
            values: intent.values.clone(),
            body: intent.body.as_deref(),
            numbers_as_values: false,
        };
        writer.create(rel, body, &intent)?;
    }
    let mut lines: Vec<String> = files
        .iter()
        .rev()
        .map(|(rel, _, _)| format!("created {}", shown_path(&dir.join(rel))))
        .collect();

    let ci = write_ci_files(writer.root(), &dir, &mut lines);
    // Clean when the folder held nothing pds reads; files it did hold are
    // part of the record now, and their findings are said.
    let (record, findings) = crate::load::load(writer.root());
    let open = crate::check::check(&record, findings)
        .iter()
        .filter(|f| !f.is_acknowledged())
        .count();
    if open > 0 {
        eprint(&format!(
            "warning: `pds check` has {open} finding(s) in files {} held before; see `pds check`\n",
            shown_path(&dir)
        ));
    }
    if !ci.in_git && !env.quiet {
        eprint(&format!(
            "note: {} in no git repository; {WORKFLOW} and {PRE_COMMIT} are in it, for when it is the top of one (git init)\n",
            match shown_path(&dir).as_str() {
                "." => "this folder is".to_string(),
                d => format!("{d} is"),
            }
        ));
    }
    if !env.quiet {
        let slug = words.slug;
        let mut next = vec![
            String::new(),
            "Next:".to_string(),
            "  pds check".to_string(),
            format!("  pds render case {slug} --format html -o draft.html"),
            format!("  pds schedule {slug} --meeting 1/{year}"),
        ];
        if !ci.kept.contains(&WORKFLOW) {
            next.push(format!(
                "  edit the step \"Install pds\" in {}: where your pds comes from",
                shown_path(&ci.base.join(WORKFLOW))
            ));
        }
        if shown_path(&dir) != "." {
            next.insert(2, format!("  cd {}", shell_word(&shown_path(&dir))));
        }
        lines.extend(next);
        print(&format!("{}\n", lines.join("\n")));
    }
    Ok(0)
}

/// What became of the CI files.
struct Ci {
    /// Those left as they were, already there.
    kept: Vec<&'static str>,
    /// The folder they are in (the repository's top), as shown.
    base: PathBuf,
    /// Whether the record is in a git repository.
    in_git: bool,
}

/// Writes the workflow and the pre-commit configuration for the record at
/// `root` (`dir` as given) and says what it did in `lines`, or on stderr.
fn write_ci_files(root: &Path, dir: &Path, lines: &mut Vec<String>) -> Ci {
    // The CI files: at the top of the git repository, which is where GitHub
    // and pre-commit look, and with --repo naming the record from there.
    let (top, prefix) = match crate::git::locate(root) {
        Ok((top, prefix)) => (Some(top), prefix),
        Err(_) => (None, String::new()),
    };
    // Shown from the current folder when it is below it, as `created` lines are.
    let base = match &top {
        Some(top) => std::env::current_dir()
            .ok()
            .and_then(|here| here.canonicalize().ok())
            .and_then(|here| relative(top, &here))
            .unwrap_or_else(|| top.clone()),
        None => dir.to_path_buf(),
    };
    let repo_arg = match prefix.trim_end_matches('/') {
        "" => ".".to_string(),
        p => p.to_string(),
    };
    let mut kept = Vec::new();
    for (rel, body) in [
        (WORKFLOW, workflow(&repo_arg)),
        (PRE_COMMIT, pre_commit(&repo_arg, &prefix)),
    ] {
        let path = base.join(rel);
        if std::fs::symlink_metadata(&path).is_ok() {
            kept.push(rel);
            continue;
        }
        // The record is written by now: a CI file that cannot be is a
        // warning, not a failure that a second `pds init` would refuse to redo.
        let written = match path.parent() {
            Some(parent) => std::fs::create_dir_all(parent),
            None => Ok(()),
        }
        .and_then(|()| crate::write::atomic_create(&path, body.as_bytes()));
        match written {
            Ok(()) => lines.push(format!("created {}", shown_path(&path))),
            Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists => kept.push(rel),
            Err(e) => eprint(&format!(
                "warning: could not write {}: {}; the record is written, this file is not\n",
                shown_path(&path),
                shown(&e.to_string())
            )),
        }
    }
    for rel in &kept {
        let how = if *rel == PRE_COMMIT {
            format!(
                "; to run pds in it, add these hooks under `repos:`\n{}",
                pre_commit_hooks(&repo_arg, &prefix)
            )
        } else {
            format!(
                "; to check the record in it, run `pds --repo {} check --base origin/<base branch> --format github` on pull requests",
                shell_word(&repo_arg)
            )
        };
        eprint(&format!(
            "note: left {} as it was: it exists{how}\n",
            shown_path(&base.join(rel))
        ));
    }
    Ci {
        kept,
        base,
        in_git: top.is_some(),
    }
}

/// DIR, `--repo` (the same folder) or the current folder.
fn folder(env: &Env, args: &InitArgs) -> Result<PathBuf, Error> {
    match (&args.dir, &env.repo) {
        (Some(d), Some(r)) if d != r => Err(Error::Usage(format!(
            "two folders given: DIR {} and --repo {}; give one",
            shown_path(d),
            shown_path(r)
        ))),
        (Some(d), _) | (None, Some(d)) => Ok(d.clone()),
        (None, None) => Ok(PathBuf::from(".")),
    }
}

/// A record in `dir` or in a folder above it: init refuses (exit 1) rather
/// than write a record into a record, where each would read the other's files.
fn refuse_a_record_around(dir: &Path) -> Result<(), Error> {
    // `dir` may not exist yet: the nearest folder above it that does ("" is here).
    let existing = dir
        .ancestors()
        .map(|d| {
            if d.as_os_str().is_empty() {
                Path::new(".")
            } else {
                d
            }
        })
        .find(|d| d.is_dir())
        .unwrap_or(Path::new("."));
    let Some(root) = find_root(existing) else {
        return Ok(());
    };
    let same = dir.canonicalize().is_ok_and(|d| d == root);
    Err(Error::Conflict(if same {
        format!(
            "{} is a pds record already: it holds {BOARD_FILE}; nothing was written (pds check checks it)",
            shown_path(dir)
        )
    } else {
        format!(
            "{} is inside the pds record {}: a record in a record is read as neither; nothing was written (start it outside {})",
            shown_path(dir),
            shown_path(&root),
            shown_path(&root)
        )
    }))
}

/// `to` as a path from `from` (both resolved), when `from` is `to` or inside
/// it: `..`, `../..`; `.` for the same folder.
fn relative(to: &Path, from: &Path) -> Option<PathBuf> {
    let below = from.strip_prefix(to).ok()?;
    let ups = below.components().count();
    if ups == 0 {
        return Some(PathBuf::from("."));
    }
    Some((0..ups).map(|_| "..").collect())
}

fn shown(s: &str) -> String {
    printable(s, &[]).into_owned()
}

fn shown_path(p: &Path) -> String {
    let s = p.display().to_string();
    let s = s.strip_prefix("./").unwrap_or(&s);
    shown(s)
}
