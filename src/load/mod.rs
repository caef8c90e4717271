//! Finding a record on disk and loading it: walk the folders in sorted order,
//! read the files in parallel, parse each into the model, and report every
//! problem as a finding. Nothing here writes.

pub mod action;
pub mod board;
pub mod case;
pub mod forum;
pub mod frontmatter;
pub mod meeting;
pub mod risk;
pub mod schema;
pub mod status;
pub mod table;

use crate::diag::{Code, Finding, Findings, Location, SourceFile};
use crate::model::{Case, Meeting, MeetingNumber, Record};
use crate::yaml::{self, SyntaxError};
use schema::Ctx;
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::Mutex;

/// Files larger than this are not read (`unreadable`).
pub const MAX_FILE_SIZE: u64 = 1024 * 1024;

/// The marker file of a record.
pub const BOARD_FILE: &str = "pds.yaml";

/// The folder holding `pds.yaml`: `start` or the nearest folder above it.
pub fn find_root(start: &Path) -> Option<PathBuf> {
    let start = start.canonicalize().ok()?;
    start
        .ancestors()
        .find(|dir| dir.join(BOARD_FILE).is_file())
        .map(Path::to_path_buf)
}

/// What a file of the record holds, judged by where it stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FileKind {
    Board,
    Meetings,
    Case,
    Draft,
    Risk,
    Status,
    Forums,
    Actions,
}

/// Classifies a path relative to the root, or `None` for files pds does not read.
pub fn classify(rel: &str) -> Option<FileKind> {
    let parts: Vec<&str> = rel.split('/').collect();
    match parts.as_slice() {
        [BOARD_FILE] => Some(FileKind::Board),
        [year, name] if is_year(year) => match *name {
            "meetings.yaml" => Some(FileKind::Meetings),
            "actions.yaml" => Some(FileKind::Actions),
            "forums.yaml" => Some(FileKind::Forums),
            n if n.ends_with(".md") => Some(FileKind::Case),
            _ => None,
        },
        ["drafts", name] if name.ends_with(".md") => Some(FileKind::Draft),
        ["risks", name] if name.ends_with(".yaml") => Some(FileKind::Risk),
        ["status", name] if name.ends_with(".yaml") => Some(FileKind::Status),
        _ => None,
    }
}

pub fn is_year(s: &str) -> bool {
    s.len() == 4 && s.bytes().all(|b| b.is_ascii_digit())
}

/// Which part of a record a command needs: a year's folder and the small
/// registers (risks, status reports, every year's forums and actions).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Scope {
    pub year: u16,
}

/// The files of one year's documents, in sorted order.
fn walk_scoped(root: &Path, scope: Scope) -> Vec<(String, PathBuf, FileKind)> {
    // By hand rather than walkdir: only the year's folder and the registers
    // are listed; other years are only asked for their forums and actions.
    let year = scope.year.to_string();
    let mut files = Vec::new();
    let mut push = |rel: String, path: PathBuf| {
        if let Some(kind) = classify(&rel) {
            files.push((rel, path, kind));
        }
    };
    let Ok(top) = std::fs::read_dir(root) else {
        return files;
    };
    for entry in top.flatten() {
        let name = entry.file_name().to_string_lossy().into_owned();
        if name.starts_with('.') {
            continue;
        }
        let Ok(kind) = entry.file_type() else {
            continue;
        };
        if kind.is_file() || kind.is_symlink() {
            push(name, entry.path());
        } else if kind.is_dir() && (name == year || name == "risks" || name == "status") {
            let Ok(inner) = std::fs::read_dir(entry.path()) else {
                continue;
            };
            for f in inner.flatten() {
                let file_name = f.file_name().to_string_lossy().into_owned();
                if !file_name.starts_with('.') && f.file_type().is_ok_and(|t| !t.is_dir()) {
                    push(format!("{name}/{file_name}"), f.path());
                }
            }
        } else if kind.is_dir() && is_year(&name) {
            for small in ["actions.yaml", "forums.yaml"] {
                let path = entry.path().join(small);
                if path.is_file() {
                    push(format!("{name}/{small}"), path);
                }
            }
        }
    }
    files.sort_by(|a, b| a.0.cmp(&b.0));
    files
}

/// The record's files in sorted order, with what each holds.
fn walk(root: &Path) -> Vec<(String, PathBuf, FileKind)> {
    let mut files = Vec::new();
    let walker = walkdir::WalkDir::new(root)
        .follow_links(false)
        .max_depth(2)
        .sort_by_file_name()
        .into_iter()
        .filter_entry(|e| e.depth() == 0 || !e.file_name().to_string_lossy().starts_with('.'));
    for entry in walker.flatten() {
        if entry.file_type().is_dir() {
            continue;
        }
        let Ok(rel) = entry.path().strip_prefix(root) else {
            continue;
        };
        let rel = rel.to_string_lossy().replace('\\', "/");
        if let Some(kind) = classify(&rel) {
            files.push((rel, entry.path().to_path_buf(), kind));
        }
    }
    files
}

/// Loads only what a document of one year needs (see `Scope`).
pub fn load_scoped(root: &Path, scope: Scope) -> (Record, Findings) {
    load_with(
        root,
        walk_scoped(root, scope),
        &|_, path| read_text(root, path),
        true,
    )
}

/// Reads a file as text, or says why it cannot be.
pub fn read_text(root: &Path, path: &Path) -> Result<String, String> {
    use std::io::Read;
    let mut meta = std::fs::symlink_metadata(path).map_err(|e| format!("cannot be read: {e}"))?;
    if meta.file_type().is_symlink() {
        let target = path
            .canonicalize()
            .map_err(|e| format!("is a link that cannot be followed: {e}"))?;
        let root = root.canonicalize().unwrap_or_else(|_| root.to_path_buf());
        if !target.starts_with(&root) {
            return Err("is a link to a file outside the record; pds does not follow it".into());
        }
        meta = std::fs::metadata(&target).map_err(|e| format!("cannot be read: {e}"))?;
    }
    // Before opening: opening a FIFO for reading waits for a writer, forever.
    if !meta.is_file() {
        return Err("is not a regular file".into());
    }
    let file = std::fs::File::open(path).map_err(|e| format!("cannot be read: {e}"))?;
    let meta = file
        .metadata()
        .map_err(|e| format!("cannot be read: {e}"))?;
    if !meta.is_file() {
        return Err("is not a regular file".into());
    }
    if meta.len() > MAX_FILE_SIZE {
        return Err(format!(
            "is {} bytes, larger than the limit of 1 MiB",
            meta.len()
        ));
    }
    // Read at most one byte past the limit, so a file growing meanwhile is caught too.
    let mut bytes = Vec::with_capacity(meta.len() as usize);
    file.take(MAX_FILE_SIZE + 1)
        .read_to_end(&mut bytes)
        .map_err(|e| format!("cannot be read: {e}"))?;
    if bytes.len() as u64 > MAX_FILE_SIZE {
        return Err("grew larger than the limit of 1 MiB while being read".into());
    }
    if bytes.contains(&0) {
        return Err("holds binary data (a NUL byte), not text".into());
    }
    String::from_utf8(bytes).map_err(|e| not_utf8(e.as_bytes(), e.utf8_error().valid_up_to()))
}

/// Why `bytes` is no text, naming the first bad byte by line and column as an
/// editor shows them (a byte offset means nothing to the one who must fix it).
fn not_utf8(bytes: &[u8], valid_up_to: usize) -> String {
    let before = bytes.get(..valid_up_to).unwrap_or_default();
    let line = before.iter().filter(|&&b| b == b'\n').count() + 1;
    let line_start = before
        .iter()
        .rposition(|&b| b == b'\n')
        .map_or(0, |i| i + 1);
    let column = String::from_utf8_lossy(before.get(line_start..).unwrap_or_default())
        .chars()
        .count()
        + 1;
    let byte = bytes.get(valid_up_to).copied().unwrap_or(0);
    format!(
        "is not UTF-8 text: byte 0x{byte:02X} on line {line}, column {column} (save the file as UTF-8)"
    )
}

/// A `yaml-syntax` finding for a parse failure in `yaml`, which starts at `base` in `file`.
pub fn syntax_finding(file: &SourceFile, base: usize, yaml: &str, e: &SyntaxError) -> Finding {
    let offset = e.offset.unwrap_or(0).min(yaml.len());
    Finding::new(
        Code::YamlSyntax,
        Location::new(file, base + offset, 0),
        format!("YAML does not parse: {}", e.message),
    )
}

/// Parses a whole YAML file; a syntax error becomes a finding.
/// Parses a whole YAML file (after a byte-order mark) and reads it with
/// `read`; a syntax error is a finding, and `None`.
fn read_yaml<R>(
    file: &SourceFile,
    findings: &mut Findings,
    read: impl FnOnce(&mut Ctx, &yaml::Node) -> R,
) -> Option<R> {
    let text = file.text();
    let base = if text.starts_with('\u{feff}') { 3 } else { 0 };
    let yaml_text = text.get(base..).unwrap_or("");
    match yaml::parse(yaml_text) {
        Ok(node) => {
            let mut ctx = Ctx {
                file,
                base,
                yaml: yaml_text,
                findings,
            };
            Some(read(&mut ctx, &node))
        }
        Err(e) => {
            findings.push(syntax_finding(file, base, yaml_text, &e));
            None
        }
    }
}

enum Parsed {
    /// The meetings that loaded, and the numbers of those that did not.
    Meetings(Vec<Meeting>, Vec<MeetingNumber>),
    /// A meetings.yaml that could not be read or parsed, by its year folder.
    BrokenMeetings(String),
    /// A meetings.yaml that parsed but lists no meetings (empty, or `[]`).
    NoMeetings(SourceFile),
    Case(Box<Case>),
    Risk(Box<crate::model::Risk>),
    Status(Box<crate::model::StatusReport>),
    Forums(Vec<crate::model::ForumMeeting>),
    Actions(Vec<crate::model::Action>),
    /// A case file that did not load; its name may still tell its number.
    BrokenCase(String),
    Nothing,
}

fn parse_file(
    file: &SourceFile,
    kind: FileKind,
    case_types: &[String],
    findings: &mut Findings,
) -> Parsed {
    match kind {
        FileKind::Board => Parsed::Nothing,
        FileKind::Meetings => read_yaml(file, findings, |ctx, node| {
            if node.is_null() || node.as_seq().is_some_and(<[_]>::is_empty) {
                return Parsed::NoMeetings(file.clone());
            }
            let (loaded, broken) = meeting::meetings(ctx, node);
            Parsed::Meetings(loaded, broken)
        })
        .unwrap_or_else(|| Parsed::BrokenMeetings(file.name().to_string())),
        FileKind::Case | FileKind::Draft => match case::parse(file, case_types, findings) {
            Some(c) => Parsed::Case(Box::new(c)),
            None => Parsed::BrokenCase(file.name().to_string()),
        },
        FileKind::Risk => with_yaml(file, findings, |ctx, node| {
            risk::risk(ctx, node).map(|r| Parsed::Risk(Box::new(r)))
        }),
        FileKind::Status => with_yaml(file, findings, |ctx, node| {
            status::status(ctx, node).map(|s| Parsed::Status(Box::new(s)))
        }),
        FileKind::Forums => with_yaml(file, findings, |ctx, node| {
            let year = file
                .name()
                .get(..4)
                .and_then(|y| y.parse().ok())
                .unwrap_or(0);
            let types: Vec<&str> = case_types.iter().map(String::as_str).collect();
            Some(Parsed::Forums(forum::forums(ctx, node, year, &types)))
        }),
        FileKind::Actions => with_yaml(file, findings, |ctx, node| {
            Some(Parsed::Actions(action::actions(ctx, node)))
        }),
    }
}

/// A register file (risk, status, forums, actions): nothing when it does not parse.
fn with_yaml(
    file: &SourceFile,
    findings: &mut Findings,
    read: impl FnOnce(&mut Ctx, &yaml::Node) -> Option<Parsed>,
) -> Parsed {
    read_yaml(file, findings, read)
        .flatten()
        .unwrap_or(Parsed::Nothing)
}

/// Loads one file's text at `rel` exactly as `load` reads a file of `kind`
/// (with the board's `case_types`): whether it loaded, and its findings. The
/// write path checks every text with it before the text replaces a file.
pub fn load_file(
    rel: &str,
    text: String,
    kind: FileKind,
    case_types: &[String],
) -> (bool, Vec<Finding>) {
    let file = SourceFile::new(rel, rel, text);
    let mut findings = Findings::default();
    let loaded = match kind {
        FileKind::Board => read_yaml(&file, &mut findings, board::board).is_some(),
        _ => !matches!(
            parse_file(&file, kind, case_types, &mut findings),
            Parsed::BrokenMeetings(_) | Parsed::BrokenCase(_)
        ),
    };
    (loaded, findings.into_sorted())
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
/// (the record as it is at a git revision, say). Paths pds does not read are ignored.
pub fn load_texts(root: &Path, texts: &BTreeMap<String, String>) -> (Record, Findings) {
    let files = texts
        .keys()
        .filter_map(|rel| classify(rel).map(|kind| (rel.clone(), root.join(rel), kind)))
        .collect();
    load_with(
        root,
        files,
        &|rel, _| {
            let text = texts.get(rel).ok_or_else(|| "is missing".to_string())?;
            if text.len() as u64 > MAX_FILE_SIZE {
                return Err(format!(
                    "is {} bytes, larger than the limit of 1 MiB",
                    text.len()
                ));
            }
            Ok(text.clone())
        },
        false,
    )
}

type Reader<'a> = dyn Fn(&str, &Path) -> Result<String, String> + Sync + 'a;

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
        match read(rel, path) {
            Ok(text) => {
                let file = SourceFile::new(rel.clone(), path.clone(), text);
                if let Some(board) = read_yaml(&file, &mut findings, board::board) {
                    record.board = board;
                } else {
                    record.board.case_types = crate::model::board::DEFAULT_CASE_TYPES
                        .iter()
                        .map(|s| s.to_string())
                        .collect();
                }
                record.board_file = Some(file);
            }
            Err(why) => {
                let file = SourceFile::empty(rel.clone(), path.clone());
                findings.push(Finding::new(
                    Code::Unreadable,
                    Location::whole(&file),
                    format!("{rel} {why}"),
                ));
            }
        }
    }

    let rest: Vec<_> = files.iter().filter(|f| f.2 != FileKind::Board).collect();
    let case_types = record.board.case_types.clone();
    let results: Vec<Mutex<Option<(Parsed, Findings)>>> =
        rest.iter().map(|_| Mutex::new(None)).collect();
    let next = AtomicUsize::new(0);
    // Twice the cores: while one thread waits on a read, another parses.
    let threads = std::thread::available_parallelism()
        .map(|n| n.get() * 2)
        .unwrap_or(4)
        .min(rest.len().max(1));
    let work = || loop {
        let i = next.fetch_add(1, Ordering::Relaxed);
        let (Some((rel, path, kind)), Some(slot)) = (rest.get(i), results.get(i)) else {
            break;
        };
        let mut local = Findings::default();
        let parsed = match read(rel, path) {
            Ok(text) => {
                let file = SourceFile::new(rel.clone(), path.clone(), text);
                match parse_file(&file, *kind, &case_types, &mut local) {
                    Parsed::Case(mut c) if !bodies => {
                        c.forget_body();
                        Parsed::Case(c)
                    }
                    parsed => parsed,
                }
            }
            Err(why) => {
                let file = SourceFile::empty(rel.clone(), path.clone());
                local.push(Finding::new(
                    Code::Unreadable,
                    Location::whole(&file),
                    format!("{rel} {why}"),
                ));
                match kind {
                    FileKind::Case | FileKind::Draft => Parsed::BrokenCase(rel.clone()),
                    FileKind::Meetings => Parsed::BrokenMeetings(rel.clone()),
                    _ => Parsed::Nothing,
                }
            }
        };
        if let Ok(mut slot) = slot.lock() {
            *slot = Some((parsed, local));
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
    for slot in results {
        let Ok(Some((parsed, local))) = slot.into_inner() else {
            continue;
        };
        findings.extend(local.into_sorted());
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
    record.reindex();
    (record, findings)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_bad_byte_is_named_by_line_and_column() {
        let bytes = b"---\ntitle: \xc3\xa6 \xe6\xf8\n---\n";
        let e = String::from_utf8(bytes.to_vec()).unwrap_err();
        assert_eq!(
            not_utf8(e.as_bytes(), e.utf8_error().valid_up_to()),
            "is not UTF-8 text: byte 0xE6 on line 2, column 10 (save the file as UTF-8)"
        );
    }

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

    #[cfg(unix)]
    #[test]
    fn a_fifo_is_not_a_file_and_is_not_waited_on() {
        let dir = record(&[]);
        let fifo = dir.path().join("2021/meetings.yaml");
        std::fs::create_dir_all(fifo.parent().unwrap()).unwrap();
        let made = std::process::Command::new("mkfifo").arg(&fifo).status();
        if !made.is_ok_and(|s| s.success()) {
            eprintln!("no mkfifo here: skipped");
            return;
        }
        // Opening it would block this test for ever: run it where it can be abandoned.
        let (tx, rx) = std::sync::mpsc::channel();
        let root = dir.path().to_path_buf();
        std::thread::spawn(move || tx.send(read_text(&root, &root.join("2021/meetings.yaml"))));
        let read = rx.recv_timeout(std::time::Duration::from_secs(10));
        assert_eq!(read, Ok(Err("is not a regular file".to_string())));
    }

    #[test]
    fn files_are_classified_by_where_they_stand() {
        assert_eq!(classify("pds.yaml"), Some(FileKind::Board));
        assert_eq!(classify("2021/meetings.yaml"), Some(FileKind::Meetings));
        assert_eq!(classify("2021/43-21-x.md"), Some(FileKind::Case));
        assert_eq!(classify("drafts/x.md"), Some(FileKind::Draft));
        assert_eq!(classify("risks/13.yaml"), Some(FileKind::Risk));
        assert_eq!(classify("status/2021-11-24.yaml"), Some(FileKind::Status));
        assert_eq!(classify("2021/forums.yaml"), Some(FileKind::Forums));
        assert_eq!(classify("2021/actions.yaml"), Some(FileKind::Actions));
        assert_eq!(classify("README.md"), None);
        assert_eq!(classify("templates/notice.md"), None);
        assert_eq!(classify("2021/figur.png"), None);
        assert_eq!(classify("21/x.md"), None);
    }
}
