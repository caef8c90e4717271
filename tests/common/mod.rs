//! Helpers shared by the integration tests: run the real binary, copy records.
#![allow(dead_code)]
// Test helpers panic on purpose: a failed run is a failed test.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

use std::collections::BTreeMap;
use std::io;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

pub fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// Runs `pds` with `args`; stdout, stderr and the exit code.
pub fn pds(args: &[&str]) -> Output {
    pds_in(&root(), args)
}

pub fn pds_in(dir: &Path, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_pds"))
        .current_dir(dir)
        .env("NO_COLOR", "1")
        .env_remove("PDS_CHROMIUM")
        .args(args)
        .output()
        .expect("pds runs")
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

/// Copies the folder `from` into `to`, recursively.
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

/// Copies this project's real record, `cases/`, to `to`.
pub fn copy_cases(to: &Path) -> io::Result<()> {
    copy_dir(&Path::new(env!("CARGO_MANIFEST_DIR")).join("cases"), to)
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
