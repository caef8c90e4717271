//! Reading a record as it is at a git revision, through the git command line.

use crate::diag::Error;
use std::collections::BTreeMap;
use std::io::{Read, Write};
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};

/// Runs git in `dir`; its stdout, or the first line of what it said.
fn git(dir: &Path, args: &[&str]) -> Result<Vec<u8>, GitError> {
    let out = command(dir)
        .args(args)
        .output()
        .map_err(GitError::cannot_run)?;
    if !out.status.success() {
        let err = String::from_utf8_lossy(&out.stderr);
        return Err(GitError::Failed(
            err.lines()
                .next()
                .unwrap_or("git failed")
                .trim()
                .to_string(),
        ));
    }
    Ok(out.stdout)
}

/// `git -C dir`, with paths taken literally (a folder named `*` is a name, not
/// a pattern) and objects read as committed: a local `git replace` must not
/// make the base look other than it is.
fn command(dir: &Path) -> Command {
    let mut cmd = Command::new("git");
    cmd.env("GIT_LITERAL_PATHSPECS", "1")
        .env("GIT_NO_REPLACE_OBJECTS", "1")
        .arg("-C")
        .arg(dir);
    cmd
}

enum GitError {
    /// No `git` to run: not installed, or not on PATH.
    NotInstalled,
    /// git ran and said no; its first line.
    Failed(String),
}

impl GitError {
    fn cannot_run(e: std::io::Error) -> Self {
        if e.kind() == std::io::ErrorKind::NotFound {
            GitError::NotInstalled
        } else {
            GitError::Failed(format!("cannot run git: {e}"))
        }
    }

    /// The error, with `otherwise` for git's own refusal.
    fn or(self, otherwise: impl FnOnce(String) -> String) -> Error {
        Error::Git(match self {
            GitError::NotInstalled => NOT_INSTALLED.to_string(),
            GitError::Failed(said) => otherwise(said),
        })
    }
}

const NOT_INSTALLED: &str =
    "git is not installed (or not on PATH): --base reads the record at a revision through git";

/// The work tree's top folder, and the record's folder relative to it (`cases/`, or "").
pub fn locate(root: &Path) -> Result<(PathBuf, String), Error> {
    let top = git(root, &["rev-parse", "--show-toplevel"]).map_err(|e| {
        e.or(|_| {
            format!(
                "{} is not inside a git repository, so --base has nothing to compare with",
                root.display()
            )
        })
    })?;
    let top = PathBuf::from(String::from_utf8_lossy(&top).trim_end_matches('\n'));
    let top = top.canonicalize().unwrap_or(top);
    let abs = root
        .canonicalize()
        .map_err(|e| Error::io("resolve", root, e))?;
    let rel = abs
        .strip_prefix(&top)
        .map_err(|_| Error::Git(format!("{} is outside its git work tree", root.display())))?;
    let mut prefix = rel.to_string_lossy().replace('\\', "/");
    if !prefix.is_empty() {
        prefix.push('/');
    }
    Ok((top, prefix))
}

/// The texts of the record's files at `rev`, by path relative to the record.
///
/// Files are listed with `ls-tree -r -z` (NUL-separated, so any file name
/// works: newlines, tabs, quotes) and fetched by object id, never by name.
pub fn record_at(root: &Path, rev: &str) -> Result<BTreeMap<String, String>, Error> {
    let not_a_revision = || {
        format!(
            "`{rev}` is not a revision of this repository (try `git fetch`, or a branch like main)"
        )
    };
    // (A revision cannot start with `-`: git would read it as an option.)
    if rev.starts_with('-') || rev.is_empty() {
        return Err(Error::Git(not_a_revision()));
    }
    let (top, prefix) = locate(root)?;
    let commit = format!("{rev}^{{commit}}");
    let commit = git(&top, &["rev-parse", "--verify", "--quiet", &commit])
        .map_err(|e| e.or(|_| not_a_revision()))?;
    let commit = String::from_utf8_lossy(&commit).trim().to_string();
    let mut args = vec!["ls-tree", "-r", "-z", commit.as_str()];
    if !prefix.is_empty() {
        args.extend(["--", prefix.as_str()]);
    }
    let listing = git(&top, &args).map_err(|e| e.or(|said| format!("git ls-tree: {said}")))?;
    let mut files: Vec<(String, String)> = Vec::new();
    for entry in listing.split(|b| *b == 0).filter(|e| !e.is_empty()) {
        // <mode> SP <type> SP <object> TAB <path>
        let Some(tab) = entry.iter().position(|b| *b == b'\t') else {
            return Err(Error::Git(
                "git ls-tree gave a line pds does not understand".into(),
            ));
        };
        let meta = String::from_utf8_lossy(entry.get(..tab).unwrap_or_default()).into_owned();
        let path = String::from_utf8_lossy(entry.get(tab + 1..).unwrap_or_default()).into_owned();
        let mut fields = meta.split(' ');
        let (Some(mode), Some(kind), Some(oid)) = (fields.next(), fields.next(), fields.next())
        else {
            return Err(Error::Git(
                "git ls-tree gave a line pds does not understand".into(),
            ));
        };
        // Regular files only: a symbolic link's blob is where it points, not a text.
        if kind != "blob" || !mode.starts_with("100") {
            continue;
        }
        let Some(rel) = path.strip_prefix(prefix.as_str()) else {
            continue;
        };
        if crate::load::classify(rel).is_some() {
            files.push((rel.to_string(), oid.to_string()));
        }
    }
    let oids: Vec<&str> = files.iter().map(|(_, oid)| oid.as_str()).collect();
    let blobs = cat_files(&top, &oids)?;
    Ok(files
        .into_iter()
        .zip(blobs)
        .filter_map(|((rel, _), blob)| Some((rel, String::from_utf8(blob).ok()?)))
        .collect())
}

/// The committed texts of one file of the record (`2021/meetings.yaml`),
/// oldest first: one for each commit of the current branch's first-parent
/// history that changed it (a merge counts as one change against the branch
/// it was merged into; a commit that deleted it gives none).
pub fn file_versions(root: &Path, rel: &str) -> Result<Vec<String>, Error> {
    let (top, prefix) = locate(root)?;
    let path = format!("{prefix}{rel}");
    // `--raw` names each change's new blob: `:100644 100644 <old> <new> M<TAB>path`.
    let log = git(
        &top,
        &[
            "log",
            "--reverse",
            "--first-parent",
            "-m",
            "--no-renames",
            "--no-abbrev",
            "--format=",
            "--raw",
            "--",
            &path,
        ],
    )
    .map_err(|e| e.or(|said| format!("git log: {said}")))?;
    let log = String::from_utf8_lossy(&log);
    let oids: Vec<&str> = log
        .lines()
        .filter_map(|line| line.strip_prefix(':'))
        .filter_map(|line| line.split_whitespace().nth(3))
        .filter(|oid| oid.bytes().any(|b| b != b'0'))
        .collect();
    let blobs = cat_files(&top, &oids)?;
    Ok(blobs
        .into_iter()
        .filter_map(|blob| String::from_utf8(blob).ok())
        .collect())
}

/// `git cat-file --batch`: every blob in one process, asked for by object id.
/// Each answer is checked against its question, so the two can never drift apart.
fn cat_files(top: &Path, oids: &[&str]) -> Result<Vec<Vec<u8>>, Error> {
    let mut child = command(top)
        .args(["cat-file", "--batch"])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .map_err(|e| GitError::cannot_run(e).or(|said| said))?;
    let no = |what: &str| Error::Git(format!("git cat-file has no {what}"));
    let mut stdin = child.stdin.take().ok_or_else(|| no("input"))?;
    let requests: String = oids.iter().map(|oid| format!("{oid}\n")).collect();
    let writer = std::thread::spawn(move || stdin.write_all(requests.as_bytes()));
    let mut out = Vec::new();
    child
        .stdout
        .take()
        .ok_or_else(|| no("output"))?
        .read_to_end(&mut out)
        .map_err(|e| Error::Git(format!("cannot read from git: {e}")))?;
    let _ = writer.join();
    let _ = child.wait();
    let mut blobs = Vec::with_capacity(oids.len());
    let mut rest = out.as_slice();
    for oid in oids {
        let out_of_step = || Error::Git(format!("git cat-file gave no blob for {oid}"));
        let nl = rest
            .iter()
            .position(|b| *b == b'\n')
            .ok_or_else(out_of_step)?;
        let header = String::from_utf8_lossy(rest.get(..nl).unwrap_or_default()).into_owned();
        rest = rest.get(nl + 1..).unwrap_or_default();
        let mut parts = header.split(' ');
        let (answered, kind, size) = (parts.next(), parts.next(), parts.next());
        let size = size.and_then(|s| s.parse::<usize>().ok());
        let (Some(answered), Some("blob"), Some(size)) = (answered, kind, size) else {
            return Err(out_of_step());
        };
        if answered != *oid {
            return Err(out_of_step());
        }
        blobs.push(rest.get(..size).ok_or_else(out_of_step)?.to_vec());
        rest = rest.get(size + 1..).unwrap_or_default();
    }
    Ok(blobs)
}

/// One version of a file in the history of the current branch.
#[derive(Debug, Clone)]
pub struct Revision {
    /// The commit's date, strict ISO 8601 (`2021-02-12T10:00:00+01:00`).
    pub date: String,
    /// The commit's author.
    pub author: String,
    /// The file's text at that commit.
    pub text: String,
}

/// The versions of the record's file `rel` committed on the current branch,
/// oldest first, following renames (`git log --follow`); empty when the
/// record is not in a git repository or the file was never committed.
pub fn history(root: &Path, rel: &str) -> Result<Vec<Revision>, Error> {
    let Ok((top, prefix)) = locate(root) else {
        return Ok(Vec::new());
    };
    let path = format!("{prefix}{rel}");
    let log = git(
        &top,
        &[
            "log",
            "--follow",
            "-z",
            "--format=%H%x1f%cI%x1f%an",
            "--name-only",
            "--",
            &path,
        ],
    )
    .map_err(|e| e.or(|said| format!("git log {path}: {said}")))?;
    let log = String::from_utf8_lossy(&log);
    // -z: each commit is `format\n\0?name\0`; take (hash, date, author, name).
    let mut versions = Vec::new();
    let mut fields = log.split('\0').map(|s| s.trim_matches('\n'));
    while let Some(head) = fields.next() {
        if head.is_empty() {
            continue;
        }
        let (head, name) = match head.split_once('\n') {
            Some((h, n)) => (h, n.to_string()),
            None => (head, fields.next().unwrap_or_default().to_string()),
        };
        let mut parts = head.split('\x1f');
        let (Some(hash), Some(date), Some(author)) = (parts.next(), parts.next(), parts.next())
        else {
            continue;
        };
        versions.push((hash.to_string(), date.to_string(), author.to_string(), name));
    }
    let mut revisions = Vec::new();
    for (hash, date, author, name) in versions.into_iter().rev() {
        let spec = format!("{hash}:{name}");
        // A commit that deleted the file has no blob there: skip it.
        let Ok(blob) = git(&top, &["cat-file", "blob", &spec]) else {
            continue;
        };
        let Ok(text) = String::from_utf8(blob) else {
            continue;
        };
        revisions.push(Revision { date, author, text });
    }
    Ok(revisions)
}

/// What one commit did to a file, for a case's history on the site.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FileChange {
    /// The commit's date, `YYYY-MM-DD` (committer date).
    pub date: String,
    /// The commit's subject line.
    pub subject: String,
    /// What the commit did to the file: `A` added, `M` changed, `R` renamed
    /// into it (from `from`).
    pub status: char,
    /// The file's name before a rename, relative to the record.
    pub from: Option<String>,
    /// Whether the commit added or removed a line starting `decision:`.
    pub decision: bool,
}

/// Every commit that touched each of the record's files, newest first, by
/// the file's path relative to the record as it is now (renames followed,
/// so a draft's commits are its case's). `None` outside git, or when git
/// is not installed: a history is then left out, not an error.
pub fn changes_by_file(root: &Path) -> Option<BTreeMap<String, Vec<FileChange>>> {
    let (top, prefix) = locate(root).ok()?;
    let pathspec = if prefix.is_empty() {
        "."
    } else {
        prefix.as_str()
    };
    // \x1e starts a commit: hash, date, subject; then `status\tpath[\tpath]` lines.
    let log = git(
        &top,
        &[
            "log",
            "-M",
            "--name-status",
            "-z",
            "--format=%x1e%H%x1f%cs%x1f%s",
            "--",
            pathspec,
        ],
    )
    .ok()?;
    // The commits whose diff adds or removes a `decision:` line.
    let decided: std::collections::BTreeSet<String> = git(
        &top,
        &["log", "-G^decision:", "--format=%H", "--", pathspec],
    )
    .map(|out| {
        String::from_utf8_lossy(&out)
            .lines()
            .map(str::to_string)
            .collect()
    })
    .unwrap_or_default();
    let log = String::from_utf8_lossy(&log);
    // The file's name now, by each name it had: filled from the newest commit back.
    let mut now_named: BTreeMap<String, String> = BTreeMap::new();
    let mut out: BTreeMap<String, Vec<FileChange>> = BTreeMap::new();
    for commit in log.split('\x1e').filter(|c| !c.is_empty()) {
        let mut fields = commit.split('\0');
        let head = fields.next().unwrap_or_default();
        let mut head_parts = head.splitn(3, '\x1f');
        let (Some(hash), Some(date), Some(subject)) =
            (head_parts.next(), head_parts.next(), head_parts.next())
        else {
            continue;
        };
        // The subject ends its line; the first status follows on the next one.
        let (subject, first) = match subject.split_once('\n') {
            Some((s, rest)) => (s, rest.trim_start_matches('\n')),
            None => (subject, ""),
        };
        let mut items: Vec<&str> = vec![first];
        items.extend(fields);
        let mut items = items.into_iter().map(|s| s.trim_start_matches('\n'));
        while let Some(status) = items.next() {
            let Some(code) = status.chars().next() else {
                continue;
            };
            let rel = |p: &str| p.strip_prefix(prefix.as_str()).map(str::to_string);
            let (from, path) = match code {
                'R' | 'C' => (items.next().and_then(rel), items.next().and_then(rel)),
                _ => (None, items.next().and_then(rel)),
            };
            let Some(path) = path else { continue };
            let current = now_named.get(&path).cloned().unwrap_or(path.clone());
            if code == 'D' {
                continue;
            }
            if let Some(from) = &from {
                if code == 'R' {
                    now_named.insert(from.clone(), current.clone());
                }
            }
            out.entry(current).or_default().push(FileChange {
                date: date.to_string(),
                subject: subject.to_string(),
                status: if code == 'C' { 'A' } else { code },
                from,
                decision: decided.contains(hash),
            });
        }
    }
    Some(out)
}
