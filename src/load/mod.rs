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
pub use read::{read_into, read_text, MAX_FILE_SIZE};

use crate::diag::{split_bom, Code, Finding, Findings, Location, SourceFile, Unreadable};
use crate::model::Record;
use crate::yaml;
use layout::{walk, walk_scoped};
use parse::{parse_file, read_yaml, Parsed};
use std::collections::BTreeMap;
use std::path::Path;

/// Loads only what a document of one year needs (see `Scope`).
pub fn load_scoped(root: &Path, scope: Scope) -> (Record, Findings) {
    let workers = Workers::new();
    let files = walk_scoped(root, scope, &workers);
    load_with(root, files, &Source::Disk(root), true, &workers)
}

/// Loads the record at `root`. Every problem found while loading is in the findings.
pub fn load(root: &Path) -> (Record, Findings) {
    let workers = Workers::new();
    let files = walk(root, &workers);
    load_with(root, files, &Source::Disk(root), true, &workers)
}

/// Loads the record without keeping case bodies in memory (they are read,
/// but only a body with generated blocks is kept): what `check`, `list` and
/// `next` need, in a fraction of the memory. A case file without findings
/// keeps only what they read (`Case::keep_headers_only`): its text is read
/// again from disk if a later finding quotes it.
pub fn load_headers(root: &Path) -> (Record, Findings) {
    let workers = Workers::new();
    let files = walk(root, &workers);
    load_with(root, files, &Source::Disk(root), false, &workers)
}

/// Loads a record from texts held in memory, by path relative to the root
/// (the record as it is at a git revision, say), case bodies kept. Paths
/// pds does not read are ignored.
pub fn load_texts(root: &Path, texts: &BTreeMap<String, String>) -> (Record, Findings) {
    let files = texts
        .keys()
        .filter_map(|rel| classify(rel).map(|kind| (rel.clone(), kind, None)))
        .collect();
    load_with(root, files, &Source::Texts(texts), true, &Workers::new())
}

/// The text of every file of the record at `root` that can be read, by
/// path relative to the root: to load again with changes made in memory
/// (`load_texts`), as `pds renumber` checks its result before it writes.
pub fn texts(root: &Path) -> BTreeMap<String, String> {
    walk(root, &Workers::new())
        .into_iter()
        .filter_map(|(rel, _, path)| {
            let path = path.unwrap_or_else(|| root.join(&rel));
            let text = read::read_text(root, &path).ok()?;
            Some((rel, text))
        })
        .collect()
}

/// Where the files' texts come from.
enum Source<'a> {
    /// The files under this root, read within their limits.
    Disk(&'a Path),
    /// Texts held in memory, by path relative to the root.
    Texts(&'a BTreeMap<String, String>),
}

impl Source<'_> {
    /// The text of the file `rel` at `path` (by its name in an open folder,
    /// when one is given), read into `buffer` (from disk) or borrowed.
    fn read<'b>(
        &'b self,
        rel: &str,
        path: &Path,
        in_folder: Option<(&read::Folder, &str)>,
        buffer: &'b mut Vec<u8>,
    ) -> Result<&'b str, Unreadable> {
        match self {
            Source::Disk(root) => match in_folder {
                Some((folder, name)) => read::read_in(folder, name, root, path, buffer),
                None => read::read_into(root, path, buffer),
            },
            Source::Texts(texts) => {
                let text = texts.get(rel).ok_or(Unreadable::Missing)?;
                read::within_size(text.len() as u64)?;
                Ok(text)
            }
        }
    }
}

/// `bodies`: keep each case's Markdown body (renders need them; checks do not).
fn load_with(
    root: &Path,
    files: Vec<layout::Listed>,
    read: &Source,
    bodies: bool,
    workers: &Workers,
) -> (Record, Findings) {
    let mut findings = Findings::default();
    let mut record = Record::new(root);
    record.files = files.len();
    // The board first: its case types are needed to read cases.
    if let Some((rel, _, _)) = files.iter().find(|f| f.1 == FileKind::Board) {
        load_board(&mut record, rel, &root.join(rel), read, &mut findings);
    }
    let rest: Vec<_> = files.iter().filter(|f| f.1 != FileKind::Board).collect();
    let case_types = record.board.case_types.clone();
    // The record's folder, shared by the files read from it.
    let folder: std::sync::Arc<Path> = std::sync::Arc::from(root);
    // Room for every case at once: grown by doubling, the list would at
    // times be held twice (and half of it unused).
    record.cases.reserve_exact(
        rest.iter()
            .filter(|f| matches!(f.1, FileKind::Case | FileKind::Draft))
            .count(),
    );
    // A slice at a time, so what one file gave is put into the record
    // before most others are read: the record is not held twice.
    // The record's folders held open, by name, to open their files in.
    let mut names: Vec<&str> = rest
        .iter()
        .filter(|f| f.2.is_none())
        .filter_map(|f| f.0.split_once('/').map(|(dir, _)| dir))
        .collect();
    names.dedup();
    let open: Vec<(&str, read::Folder)> = match read {
        Source::Disk(_) => names
            .into_iter()
            .filter_map(|dir| Some((dir, read::Folder::open(&root.join(dir))?)))
            .collect(),
        Source::Texts(_) => Vec::new(),
    };
    fn in_folder<'f>(
        open: &'f [(&str, read::Folder)],
        rel: &'f str,
    ) -> Option<(&'f read::Folder, &'f str)> {
        let (dir, name) = rel.split_once('/')?;
        let i = open.binary_search_by(|(d, _)| (*d).cmp(dir)).ok()?;
        open.get(i).map(|(_, folder)| (folder, name))
    }
    for slice in rest.chunks(FILES_AT_ONCE) {
        for (parsed, local) in workers.map(slice, |(rel, kind, path), buffer| {
            let at = match path {
                Some(path) => At::Path(path),
                None => At::Folder(&folder, in_folder(&open, rel)),
            };
            load_one(rel, at, *kind, read, &case_types, bodies, buffer)
        }) {
            findings.extend(local.into_sorted());
            add(&mut record, parsed);
        }
    }
    record.apply_default_decisions();
    record.reindex();
    (record, findings)
}

/// How many files are read and parsed before they are put into the record.
const FILES_AT_ONCE: usize = 4096;

/// Reads pds.yaml into `record`; a board that does not load leaves the
/// default case types, so the cases can still be read.
fn load_board(record: &mut Record, rel: &str, path: &Path, read: &Source, findings: &mut Findings) {
    match read.read(rel, path, None, &mut Vec::new()) {
        Ok(text) => {
            let file = SourceFile::new(rel, path, text.to_string());
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

/// Where a file to read is.
#[derive(Clone, Copy)]
enum At<'a> {
    /// In the record's folder, by its relative path (and by its name in
    /// its folder held open, if it is).
    Folder(
        &'a std::sync::Arc<Path>,
        Option<(&'a read::Folder, &'a str)>,
    ),
    /// At a path of its own (its name is not UTF-8).
    Path(&'a std::path::PathBuf),
}

/// Reads and parses one file other than the board, through the thread's `buffer`.
fn load_one(
    rel: &str,
    at: At,
    kind: FileKind,
    read: &Source,
    case_types: &[String],
    bodies: bool,
    buffer: &mut Vec<u8>,
) -> (Parsed, Findings) {
    let mut local = Findings::default();
    let (path, in_folder) = match at {
        At::Folder(folder, in_folder) => (folder.join(rel), in_folder),
        At::Path(path) => (path.clone(), None),
    };
    let source_file = |text: String| match at {
        At::Folder(folder, _) => SourceFile::in_folder(folder, rel, text),
        At::Path(path) => SourceFile::new(rel, path, text),
    };
    let parsed = match read.read(rel, &path, in_folder, buffer) {
        Ok(text) => {
            // Without bodies, a case is read from its front matter alone:
            // what `forget_body` keeps of the whole text. A file with
            // findings is read again whole, so they are as they always were.
            // Its text is not copied: the file leaves it on disk (read
            // again if a later finding quotes it), and positions are
            // counted in the text read here.
            let head = match at {
                At::Folder(folder, _) if !bodies => head_without_blocks(text)
                    .filter(|(head, _)| head.len() <= crate::diag::SHORT_TEXT)
                    .map(|head| (folder, head)),
                _ => None,
            };
            if let (Some((folder, (head, split))), FileKind::Case | FileKind::Draft) = (head, kind)
            {
                let file = SourceFile::left_on_disk(folder, rel, head, read::read_again);
                let parsed = case::parse_split(&file, head, &split, case_types, &mut local);
                if let (Some(mut c), true) = (parsed, local.is_empty()) {
                    c.keep_headers_only();
                    return (Parsed::Case(Box::new(c)), local);
                }
                local = Findings::default();
            }
            let file = source_file(text.to_string());
            match parse_file(&file, kind, case_types, &mut local) {
                Parsed::Case(mut c) if !bodies => {
                    c.forget_body();
                    Parsed::Case(c)
                }
                parsed => parsed,
            }
        }
        Err(why) => {
            local.push(unreadable(rel, &path, &why));
            match kind {
                FileKind::Case | FileKind::Draft => Parsed::BrokenCase(rel.to_string()),
                FileKind::Meetings => Parsed::BrokenMeetings(rel.to_string()),
                _ => Parsed::Nothing,
            }
        }
    };
    (parsed, local)
}

/// A case file's text up to its body (byte-order mark and front matter),
/// and where its front matter stands, when the body holds no generated
/// block (`{{`), which checks read; else `None`, and so for a file without
/// closed front matter.
fn head_without_blocks(text: &str) -> Option<(&str, frontmatter::Split<'_>)> {
    let (bom, content) = split_bom(text);
    let split = frontmatter::split(content).ok()?;
    if memchr::memmem::find(split.body.as_bytes(), b"{{").is_some() {
        return None;
    }
    Some((text.get(..bom.len() + split.body_offset)?, split))
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

/// A work-stealing pool of one thread a core, each with the stack YAML
/// parsing needs; made once for a command's files (making a pool a slice
/// of files cost as much as reading a thousand of them).
pub struct Workers {
    pool: Option<rayon::ThreadPool>,
}

impl Workers {
    pub fn new() -> Self {
        let pool = rayon::ThreadPoolBuilder::new()
            .stack_size(yaml::STACK_SIZE)
            .build()
            .ok();
        Workers { pool }
    }

    /// `job` over every item, each thread with its own read buffer; the
    /// results in the order of `items`.
    pub fn map<T: Sync, R: Send>(
        &self,
        items: &[T],
        job: impl Fn(&T, &mut Vec<u8>) -> R + Sync,
    ) -> Vec<R> {
        use rayon::prelude::*;
        let run = || {
            items
                .par_iter()
                .map_init(Vec::new, |buffer, item| job(item, buffer))
                .collect()
        };
        match &self.pool {
            Some(pool) => pool.install(run),
            // No thread could be spawned: everything is done on this one.
            None => {
                let mut buffer = Vec::new();
                items.iter().map(|item| job(item, &mut buffer)).collect()
            }
        }
    }
}

impl Default for Workers {
    fn default() -> Self {
        Self::new()
    }
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
