//! Reading a record as it is at a git revision, through the git command line.

use std::collections::BTreeMap;
use std::io::{Read, Write};
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};

fn git(dir: &Path, args: &[&str]) -> Result<Vec<u8>, String> {
    let out = Command::new("git")
        .arg("-C")
        .arg(dir)
        .args(args)
        .output()
        .map_err(|e| format!("cannot run git: {e}"))?;
    if !out.status.success() {
        let err = String::from_utf8_lossy(&out.stderr);
        return Err(err
            .lines()
            .next()
            .unwrap_or("git failed")
            .trim()
            .to_string());
    }
    Ok(out.stdout)
}

/// The work tree's top folder, and the record's folder relative to it (`cases/`, or "").
pub fn locate(root: &Path) -> Result<(PathBuf, String), String> {
    let top = git(root, &["rev-parse", "--show-toplevel"]).map_err(|_| {
        format!(
            "{} is not inside a git repository, so --base has nothing to compare with",
            root.display()
        )
    })?;
    let top = PathBuf::from(String::from_utf8_lossy(&top).trim());
    let top = top.canonicalize().unwrap_or(top);
    let abs = root
        .canonicalize()
        .map_err(|e| format!("cannot resolve {}: {e}", root.display()))?;
    let rel = abs
        .strip_prefix(&top)
        .map_err(|_| format!("{} is outside its git work tree", root.display()))?;
    let mut prefix = rel.to_string_lossy().replace('\\', "/");
    if !prefix.is_empty() {
        prefix.push('/');
    }
    Ok((top, prefix))
}

/// The texts of the record's files at `rev`, by path relative to the record.
pub fn record_at(root: &Path, rev: &str) -> Result<BTreeMap<String, String>, String> {
    let (top, prefix) = locate(root)?;
    let commit = format!("{rev}^{{commit}}");
    git(&top, &["rev-parse", "--verify", "--quiet", &commit]).map_err(|_| {
        format!(
            "`{rev}` is not a revision of this repository (try `git fetch`, or a branch like main)"
        )
    })?;
    let mut args = vec!["ls-tree", "-r", "-z", "--name-only", rev];
    if !prefix.is_empty() {
        args.extend(["--", prefix.as_str()]);
    }
    let listing = git(&top, &args)?;
    let paths: Vec<String> = listing
        .split(|b| *b == 0)
        .filter(|p| !p.is_empty())
        .map(|p| String::from_utf8_lossy(p).into_owned())
        .filter(|p| {
            p.strip_prefix(prefix.as_str())
                .and_then(crate::load::classify)
                .is_some()
        })
        .collect();
    let blobs = cat_files(&top, rev, &paths)?;
    Ok(paths
        .into_iter()
        .zip(blobs)
        .filter_map(|(path, blob)| {
            let text = String::from_utf8(blob?).ok()?;
            Some((path.get(prefix.len()..)?.to_string(), text))
        })
        .collect())
}

/// `git cat-file --batch`: every blob in one process.
fn cat_files(top: &Path, rev: &str, paths: &[String]) -> Result<Vec<Option<Vec<u8>>>, String> {
    let mut child = Command::new("git")
        .arg("-C")
        .arg(top)
        .args(["cat-file", "--batch"])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .map_err(|e| format!("cannot run git: {e}"))?;
    let mut stdin = child.stdin.take().ok_or("git cat-file has no input")?;
    let requests: String = paths.iter().map(|p| format!("{rev}:{p}\n")).collect();
    let writer = std::thread::spawn(move || stdin.write_all(requests.as_bytes()));
    let mut out = Vec::new();
    child
        .stdout
        .take()
        .ok_or("git cat-file has no output")?
        .read_to_end(&mut out)
        .map_err(|e| format!("cannot read from git: {e}"))?;
    let _ = writer.join();
    let _ = child.wait();
    let mut blobs = Vec::with_capacity(paths.len());
    let mut rest = out.as_slice();
    for _ in paths {
        let Some(nl) = rest.iter().position(|b| *b == b'\n') else {
            break;
        };
        let header = String::from_utf8_lossy(rest.get(..nl).unwrap_or_default()).into_owned();
        rest = rest.get(nl + 1..).unwrap_or_default();
        let mut parts = header.split(' ');
        let (_, kind, size) = (parts.next(), parts.next(), parts.next());
        match (kind, size.and_then(|s| s.parse::<usize>().ok())) {
            (Some("blob"), Some(size)) => {
                blobs.push(rest.get(..size).map(<[u8]>::to_vec));
                rest = rest.get(size + 1..).unwrap_or_default();
            }
            _ => blobs.push(None),
        }
    }
    Ok(blobs)
}
