//! Loading a record: the files the walk lists (`layout.rs`), read within
//! their limits (`read.rs`), each parsed into the model (`parse.rs`) on as
//! many threads as help, and assembled into one `Record` with every problem
//! as a finding. Nothing here writes.

pub mod action;
pub mod board;
pub mod case;
pub mod forum;
pub mod frontmatter;
pub mod json_schema;
mod layout;
pub mod meeting;
mod parse;
mod read;
pub mod risk;
pub mod schema;
pub mod status;
pub mod table;

pub use layout::{classify, find_root, is_year, FileKind, Scope, BOARD_FILE};
pub use parse::{load_file, syntax_finding};
pub use read::{read_text, MAX_FILE_SIZE};

use crate::diag::{Code, Finding, Findings, Location, SourceFile, Unreadable};
use crate::model::Record;
use crate::yaml;
use layout::{walk, walk_scoped};
use parse::{parse_file, read_yaml, Parsed};
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::Mutex;

/// Loads only what a document of one year needs (see `Scope`).
pub fn load_scoped(root: &Path, scope: Scope) -> (Record, Findings) {
    load_with(
        root,
        walk_scoped(root, scope),
        &|_, path| read_text(root, path),
        true,
    )
}

/// Loads the record at `root`. Every problem found while loading is in the findings.
pub fn load(root: &Path) -> (Record, Findings) {
    load_with(root, walk(root), &|_, path| read_text(root, path), true)
}

/// Loads the record without keeping case bodies in memory (they are read,
/// but only a body with generated blocks is kept): what `check`, `list` and
/// `next` need, in half the memory.
pub fn load_headers(root: &Path) -> (Record, Findings) {
    load_with(root, walk(root), &|_, path| read_text(root, path), false)
}

/// Loads a record from texts held in memory, by path relative to the root
/// (the record as it is at a git revision, say), case bodies kept. Paths
/// pds does not read are ignored.
pub fn load_texts(root: &Path, texts: &BTreeMap<String, String>) -> (Record, Findings) {
    load_texts_with(root, texts, true)
}

/// `load_texts`, keeping every case's body: what rendering the record as it
/// is at a revision needs (`pds diff`).
pub fn load_texts_with_bodies(root: &Path, texts: &BTreeMap<String, String>) -> (Record, Findings) {
    load_texts_with(root, texts, true)
}

fn load_texts_with(
    root: &Path,
    texts: &BTreeMap<String, String>,
    bodies: bool,
) -> (Record, Findings) {
    let files = texts
        .keys()
        .filter_map(|rel| classify(rel).map(|kind| (rel.clone(), root.join(rel), kind)))
        .collect();
    load_with(
        root,
        files,
        &|rel, _| {
            let text = texts.get(rel).ok_or(Unreadable::Missing)?;
            read::within_size(text.len() as u64)?;
            Ok(text.clone())
        },
        bodies,
    )
}

/// The text of every file of the record at `root` that can be read, by
/// path relative to the root: to load again with changes made in memory
/// (`load_texts`), as `pds renumber` checks its result before it writes.
pub fn texts(root: &Path) -> BTreeMap<String, String> {
    walk(root)
        .into_iter()
        .filter_map(|(rel, path, _)| Some((rel, read_text(root, &path).ok()?)))
        .collect()
}

type Reader<'a> = dyn Fn(&str, &Path) -> Result<String, Unreadable> + Sync + 'a;

/// `bodies`: keep each case's Markdown body (renders need them; checks do not).
fn load_with(
    root: &Path,
    files: Vec<(String, PathBuf, FileKind)>,
    read: &Reader,
    bodies: bool,
) -> (Record, Findings) {
    let mut findings = Findings::default();
    let mut record = Record::new(root);
    record.files = files.len();
    // The board first: its case types are needed to read cases.
    if let Some((rel, path, _)) = files.iter().find(|f| f.2 == FileKind::Board) {
        load_board(&mut record, rel, path, read, &mut findings);
    }
    let rest: Vec<_> = files.iter().filter(|f| f.2 != FileKind::Board).collect();
    let case_types = record.board.case_types.clone();
    for (parsed, local) in in_parallel(&rest, |(rel, path, kind)| {
        load_one(rel, path, *kind, read, &case_types, bodies)
    }) {
        findings.extend(local.into_sorted());
        add(&mut record, parsed);
    }
    record.reindex();
    (record, findings)
}

/// Reads pds.yaml into `record`; a board that does not load leaves the
/// default case types, so the cases can still be read.
fn load_board(record: &mut Record, rel: &str, path: &Path, read: &Reader, findings: &mut Findings) {
    match read(rel, path) {
        Ok(text) => {
            let file = SourceFile::new(rel, path, text);
            if let Some(board) = read_yaml(&file, findings, board::board) {
                record.board = board;
            } else {
                record.board.case_types = crate::model::board::DEFAULT_CASE_TYPES
                    .iter()
                    .map(|s| s.to_string())
                    .collect();
            }
            record.board_file = Some(file);
        }
        Err(why) => findings.push(unreadable(rel, path, &why)),
    }
}

/// Reads and parses one file other than the board.
fn load_one(
    rel: &str,
    path: &Path,
    kind: FileKind,
    read: &Reader,
    case_types: &[String],
    bodies: bool,
) -> (Parsed, Findings) {
    let mut local = Findings::default();
    let parsed = match read(rel, path) {
        Ok(text) => {
            let file = SourceFile::new(rel, path, text);
            match parse_file(&file, kind, case_types, &mut local) {
                Parsed::Case(mut c) if !bodies => {
                    c.forget_body();
                    Parsed::Case(c)
                }
                parsed => parsed,
            }
        }
        Err(why) => {
            local.push(unreadable(rel, path, &why));
            match kind {
                FileKind::Case | FileKind::Draft => Parsed::BrokenCase(rel.to_string()),
                FileKind::Meetings => Parsed::BrokenMeetings(rel.to_string()),
                _ => Parsed::Nothing,
            }
        }
    };
    (parsed, local)
}

/// An `unreadable` finding: `why` ends the sentence that starts with the file's name.
fn unreadable(rel: &str, path: &Path, why: &Unreadable) -> Finding {
    let file = SourceFile::empty(rel, path);
    Finding::new(
        Code::Unreadable,
        Location::whole(&file),
        format!("{rel} {why}"),
    )
}

/// `job` over every item, on twice as many threads as cores (while one
/// waits on a read, another parses), each with the stack YAML parsing
/// needs; the results in the order of `items`.
fn in_parallel<T: Sync, R: Send>(items: &[T], job: impl Fn(&T) -> R + Sync) -> Vec<R> {
    let results: Vec<Mutex<Option<R>>> = items.iter().map(|_| Mutex::new(None)).collect();
    let next = AtomicUsize::new(0);
    let threads = std::thread::available_parallelism()
        .map(|n| n.get() * 2)
        .unwrap_or(4)
        .min(items.len().max(1));
    let work = || loop {
        let i = next.fetch_add(1, Ordering::Relaxed);
        let (Some(item), Some(slot)) = (items.get(i), results.get(i)) else {
            break;
        };
        let result = job(item);
        if let Ok(mut slot) = slot.lock() {
            *slot = Some(result);
        }
    };
    std::thread::scope(|scope| {
        for _ in 0..threads {
            let spawned = std::thread::Builder::new()
                .stack_size(yaml::STACK_SIZE)
                .spawn_scoped(scope, work);
            if spawned.is_err() {
                break;
            }
        }
    });
    // Whatever no thread took (none could be spawned) is loaded on this one.
    work();
    results
        .into_iter()
        .filter_map(|slot| slot.into_inner().ok().flatten())
        .collect()
}

/// Puts what one file gave into the record.
fn add(record: &mut Record, parsed: Parsed) {
    match parsed {
        Parsed::Meetings(m, broken) => {
            record.meetings.extend(m);
            record.unloaded.broken_meetings.extend(broken);
        }
        Parsed::BrokenMeetings(name) => {
            if let Some(year) = name.split('/').next().and_then(|y| y.parse().ok()) {
                record.unloaded.unread_meeting_years.push(year);
            }
        }
        Parsed::NoMeetings(file) => record.unloaded.empty_meeting_files.push(file),
        Parsed::Case(c) => record.cases.push(*c),
        Parsed::Risk(r) => record.risks.push(*r),
        Parsed::Status(s) => record.status_reports.push(*s),
        Parsed::Forums(f) => record.forum_meetings.extend(f),
        Parsed::Actions(a) => record.actions.extend(a),
        Parsed::BrokenCase(name) => record.unloaded.broken_cases.push(name),
        Parsed::Nothing => {}
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A record of pds.yaml and the given files.
    fn record(files: &[(&str, &str)]) -> tempfile::TempDir {
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(dir.path().join(BOARD_FILE), "board: B\n").unwrap();
        for (rel, text) in files {
            let path = dir.path().join(rel);
            std::fs::create_dir_all(path.parent().unwrap()).unwrap();
            std::fs::write(path, text).unwrap();
        }
        dir
    }

    #[test]
    fn deep_nesting_on_a_loader_thread_is_a_finding_not_a_stack_overflow() {
        // 60 levels overflowed the 2 MiB stack of a spawned thread (exit 134).
        let deep = format!("{}x\n", "- ".repeat(60));
        let case = format!("---\nnumber: 1/21\nparts: {}\n---\n", "[".repeat(60));
        let dir = record(&[("2021/meetings.yaml", &deep), ("2021/01-21-x.md", &case)]);
        let (_, findings) = load(dir.path());
        let found: Vec<_> = findings
            .iter()
            .map(|f| (f.code, f.at.file.name().to_string()))
            .collect();
        assert_eq!(
            found,
            [
                (Code::YamlSyntax, "2021/01-21-x.md".to_string()),
                (Code::YamlSyntax, "2021/meetings.yaml".to_string())
            ]
        );
    }
}
