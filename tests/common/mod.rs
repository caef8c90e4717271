//! What the integration tests share: ONE way to build a record and ONE way to
//! run `pds`. A test file starts with `mod common; use common::*;`.
//!
//! Build a record in a fresh temporary folder with [`Record`]; paths are
//! relative to that folder, text or bytes alike:
//!
//! ```ignore
//! let dir = Record::new()
//!     .file("pds.yaml", "board: B\n")
//!     .file("2021/meetings.yaml", "- { number: 1/2021, date: 2021-02-12 }\n")
//!     .file("2021/01-21-sak.md", "---\nnumber: 1/21\n…\n---\n")
//!     .build(); // a TempDir: the record is `dir.path()`
//!
//! let dir = Record::copy_of(EN_BOARD).file("drafts/x.md", "…").build();
//!
//! // The record in a subfolder, beside files that are not part of it:
//! let dir = Record::new()
//!     .copy("cases", "cases")
//!     .file("outside/secret.md", "…")
//!     .build(); // the record is `dir.path().join("cases")`
//! ```
//!
//! To change a built record (between two runs, say) use [`write`] or
//! [`link`], which make the folders too.
//!
//! Run `pds` with [`pds`] (in this project, so `--repo cases` works) or
//! [`pds_in`] (in a folder, which is then the record or lies in it). Both
//! close stdin, set `NO_COLOR`, drop the caller's `PDS_CHROMIUM`, and fail
//! the test if a run takes longer than [`HANG`]. For another environment or
//! other streams start from [`pds_command`] and finish with
//! [`output_within`] (or `.output()` to keep a stream you set).
#![allow(dead_code, reason = "each test file uses only some of the helpers")]
#![expect(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    reason = "a failed helper is a failed test"
)]

use std::collections::BTreeMap;
use std::io::{self, Read};
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};
use std::time::{Duration, Instant};

/// This project's folder: `cases/`, `examples/` and `templates/` are in it.
pub fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// The English example record, where most tests start.
pub const EN_BOARD: &str = "examples/en-board";

/// A record being built in a fresh temporary folder; see the module's docs.
#[must_use = "call .build() to keep the folder"]
pub struct Record {
    dir: tempfile::TempDir,
}

impl Record {
    /// An empty temporary folder.
    pub fn new() -> Self {
        Record {
            dir: tempfile::tempdir().unwrap(),
        }
    }

    /// A copy of this project's folder `from` (`EN_BOARD`, `"cases"`, …).
    pub fn copy_of(from: &str) -> Self {
        Self::new().copy(from, "")
    }

    /// Copies this project's folder `from` to `to` (`""`: the folder itself).
    pub fn copy(self, from: &str, to: &str) -> Self {
        copy_dir(&root().join(from), &self.dir.path().join(to)).unwrap();
        self
    }

    /// Writes `contents` to the file `rel`, making its folders.
    pub fn file(self, rel: &str, contents: impl AsRef<[u8]>) -> Self {
        write(self.dir.path(), rel, contents);
        self
    }

    /// A symbolic link at `rel` to `target` (as given: relative or not).
    #[cfg(unix)]
    pub fn link(self, rel: &str, target: impl AsRef<Path>) -> Self {
        link(self.dir.path(), rel, target);
        self
    }

    /// The temporary folder, for contents that name it.
    pub fn path(&self) -> &Path {
        self.dir.path()
    }

    /// The folder, removed when dropped.
    pub fn build(self) -> tempfile::TempDir {
        self.dir
    }
}

/// Writes `contents` to `dir/rel`, making its folders.
pub fn write(dir: &Path, rel: &str, contents: impl AsRef<[u8]>) {
    let path = dir.join(rel);
    std::fs::create_dir_all(path.parent().unwrap()).unwrap();
    std::fs::write(path, contents).unwrap();
}

/// A symbolic link at `dir/rel` to `target`, making its folders.
#[cfg(unix)]
pub fn link(dir: &Path, rel: &str, target: impl AsRef<Path>) {
    let path = dir.join(rel);
    std::fs::create_dir_all(path.parent().unwrap()).unwrap();
    std::os::unix::fs::symlink(target, path).unwrap();
}

/// A run of `pds` longer than this is a hang: it is killed and the test fails.
pub const HANG: Duration = Duration::from_secs(60);

/// Runs `pds` in this project with `args`: stdout, stderr and the exit code.
pub fn pds(args: &[&str]) -> Output {
    pds_in(&root(), args)
}

/// Runs `pds` in `dir` with `args`.
pub fn pds_in(dir: &Path, args: &[&str]) -> Output {
    output_within(pds_command(dir).args(args), HANG)
}

/// `pds` in `dir` as the tests run it (stdin closed, `NO_COLOR`, no
/// `PDS_CHROMIUM`), to add arguments, environment or streams to.
pub fn pds_command(dir: &Path) -> Command {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_pds"));
    cmd.current_dir(dir)
        .env("NO_COLOR", "1")
        .env_remove("PDS_CHROMIUM")
        .stdin(Stdio::null());
    cmd
}

/// Runs `cmd` with stdout and stderr piped; past `limit` it is killed and
/// the test fails.
pub fn output_within(cmd: &mut Command, limit: Duration) -> Output {
    let mut child = cmd
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    // Drain the pipes while waiting, so a large output cannot stall the child.
    let drain = |mut r: Box<dyn Read + Send>| {
        std::thread::spawn(move || {
            let mut buf = Vec::new();
            r.read_to_end(&mut buf).unwrap();
            buf
        })
    };
    let out = drain(Box::new(child.stdout.take().unwrap()));
    let err = drain(Box::new(child.stderr.take().unwrap()));
    let start = Instant::now();
    let mut pause = Duration::from_millis(1);
    let status = loop {
        if let Some(status) = child.try_wait().unwrap() {
            break status;
        }
        if start.elapsed() > limit {
            child.kill().unwrap();
            let _ = child.wait();
            panic!("{cmd:?} did not finish in {limit:?}");
        }
        std::thread::sleep(pause);
        pause = (pause * 2).min(Duration::from_millis(20));
    };
    Output {
        status,
        stdout: out.join().unwrap(),
        stderr: err.join().unwrap(),
    }
}

pub fn stdout(o: &Output) -> String {
    String::from_utf8(o.stdout.clone()).expect("stdout is UTF-8")
}

pub fn stderr(o: &Output) -> String {
    String::from_utf8(o.stderr.clone()).expect("stderr is UTF-8")
}

/// Compares `actual` with the golden file; `UPDATE_GOLDEN=1` rewrites it.
pub fn golden(name: &str, actual: &str) {
    let path = root().join("tests/golden").join(name);
    if std::env::var_os("UPDATE_GOLDEN").is_some() {
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(&path, actual).unwrap();
        return;
    }
    let expected = std::fs::read_to_string(&path).unwrap_or_else(|_| {
        panic!(
            "no golden file {}; run with UPDATE_GOLDEN=1",
            path.display()
        )
    });
    if expected != actual {
        let diff = similar_lines(&expected, actual);
        panic!("{name} differs from its golden file (UPDATE_GOLDEN=1 to accept):\n{diff}");
    }
}

fn similar_lines(expected: &str, actual: &str) -> String {
    let mut out = String::new();
    for (i, (e, a)) in expected.lines().zip(actual.lines()).enumerate() {
        if e != a {
            out.push_str(&format!("line {}:\n- {e}\n+ {a}\n", i + 1));
            if out.len() > 2000 {
                break;
            }
        }
    }
    if expected.lines().count() != actual.lines().count() {
        out.push_str(&format!(
            "line counts differ: {} expected, {} actual\n",
            expected.lines().count(),
            actual.lines().count()
        ));
    }
    out
}

/// Copies the folder `from` into `to`, recursively (to build a record, [`Record::copy`]).
pub fn copy_dir(from: &Path, to: &Path) -> io::Result<()> {
    std::fs::create_dir_all(to)?;
    for entry in std::fs::read_dir(from)? {
        let entry = entry?;
        let target = to.join(entry.file_name());
        if entry.file_type()?.is_dir() {
            copy_dir(&entry.path(), &target)?;
        } else {
            std::fs::copy(entry.path(), target)?;
        }
    }
    Ok(())
}

/// Every file under `dir`, by relative path, with its bytes.
pub fn snapshot(dir: &Path) -> io::Result<BTreeMap<String, Vec<u8>>> {
    let mut files = BTreeMap::new();
    let mut stack = vec![dir.to_path_buf()];
    while let Some(d) = stack.pop() {
        for entry in std::fs::read_dir(&d)? {
            let path = entry?.path();
            if path.is_dir() {
                stack.push(path);
            } else {
                let rel = path.strip_prefix(dir).unwrap_or(&path);
                files.insert(rel.to_string_lossy().into_owned(), std::fs::read(&path)?);
            }
        }
    }
    Ok(files)
}

/// Runs `git` in `dir` as a test author (name and e-mail set), failing the
/// test when git fails; its standard output.
pub fn git(dir: &Path, args: &[&str]) -> String {
    let out = Command::new("git")
        .current_dir(dir)
        .args(args)
        .env("GIT_AUTHOR_NAME", "Test")
        .env("GIT_AUTHOR_EMAIL", "test@example.org")
        .env("GIT_COMMITTER_NAME", "Test")
        .env("GIT_COMMITTER_EMAIL", "test@example.org")
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "git {args:?}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).unwrap()
}

/// Whether the program `name` is on PATH.
pub fn on_path(name: &str) -> bool {
    std::env::var_os("PATH")
        .is_some_and(|path| std::env::split_paths(&path).any(|dir| dir.join(name).is_file()))
}

/// Whether `python3` here can import `module`.
pub fn python_has(module: &str) -> bool {
    Command::new("python3")
        .args(["-c", &format!("import {module}")])
        .output()
        .is_ok_and(|o| o.status.success())
}

/// The one rule for a test that needs an outside tool: `present`, it runs;
/// missing, it says what it skipped (`skipped`) and passes — except on CI
/// (`CI=true`), where it fails, naming how to install it (`install`).
pub fn tool_or_skip(present: bool, install: &str, skipped: &str) -> bool {
    if !present {
        assert!(
            std::env::var("CI").as_deref() != Ok("true"),
            "CI must have {install} (.ci/run installs it)"
        );
        eprintln!("skipped: {skipped} ({install} is not installed)");
    }
    present
}
