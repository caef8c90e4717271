//! What every command gets besides its own arguments (`Env`), with the
//! record's root it names.

use crate::diag::Error;
use std::path::PathBuf;

/// What every command gets besides its own arguments.
pub struct Env {
    pub repo: Option<PathBuf>,
    pub color: bool,
    pub quiet: bool,
}

impl Env {
    /// The record's root: `--repo`, or upward from the current folder.
    pub fn root(&self) -> Result<PathBuf, Error> {
        match &self.repo {
            Some(dir) => {
                if !dir.is_dir() {
                    return Err(Error::NoRecord(format!(
                        "{} does not exist or is not a folder",
                        dir.display()
                    )));
                }
                if !dir.join(crate::load::BOARD_FILE).is_file() {
                    return Err(Error::NoRecord(format!(
                        "{} is not a pds record: it holds no pds.yaml{}",
                        dir.display(),
                        hint(
                            dir,
                            &format!(
                                "pds init {} --board NAME",
                                shell_word(&dir.display().to_string())
                            ),
                            false
                        )
                    )));
                }
                Ok(dir.clone())
            }
            None => {
                let cwd = std::env::current_dir().map_err(|source| Error::Io {
                    doing: "read the current folder",
                    path: None,
                    source,
                })?;
                crate::load::find_root(&cwd).ok_or_else(|| {
                    Error::NoRecord(format!(
                        "no pds record here: no pds.yaml in this folder or any folder above it{}",
                        hint(&cwd, "pds init --board NAME", true)
                    ))
                })
            }
        }
    }
}

/// The records that files belong to, each with its files.
pub struct Records {
    /// Each record's root with the paths given in it.
    pub groups: Vec<(PathBuf, Vec<PathBuf>)>,
    /// Paths given that lie in no record (only when the records were found
    /// from the paths).
    pub outside: Vec<PathBuf>,
}

impl Env {
    /// The records `paths` belong to. `--repo`, or a record around the
    /// current folder, wins and takes every path, as before. Otherwise — a
    /// hook (pre-commit) run at the top of a repository whose record is in a
    /// subfolder, handed the changed files — each path's record is the
    /// nearest folder upward from it that holds pds.yaml; paths in no record
    /// are left out (`outside`). With no paths and no record: the usual
    /// "no pds record here" error.
    pub fn records_of(&self, paths: &[PathBuf]) -> Result<Records, Error> {
        let around_here = std::env::current_dir()
            .ok()
            .and_then(|cwd| crate::load::find_root(&cwd));
        if self.repo.is_some() || around_here.is_some() || paths.is_empty() {
            return Ok(Records {
                groups: vec![(self.root()?, paths.to_vec())],
                outside: Vec::new(),
            });
        }
        let mut groups: Vec<(PathBuf, Vec<PathBuf>)> = Vec::new();
        let mut outside = Vec::new();
        for path in paths {
            let start = if path.is_dir() {
                Some(path.as_path())
            } else {
                path.parent().map(|p| {
                    if p.as_os_str().is_empty() {
                        std::path::Path::new(".")
                    } else {
                        p
                    }
                })
            };
            match start.and_then(crate::load::find_root) {
                Some(root) => match groups.iter_mut().find(|(r, _)| *r == root) {
                    Some((_, files)) => files.push(path.clone()),
                    None => groups.push((root, vec![path.clone()])),
                },
                None => outside.push(path.clone()),
            }
        }
        Ok(Records { groups, outside })
    }
}

/// What to do when `dir` holds no record: the records in the folders below
/// it, as `--repo` would name them, or how to start one.
fn hint(dir: &std::path::Path, init: &str, from_here: bool) -> String {
    let below = records_below(dir);
    let mut out = String::new();
    if !below.is_empty() {
        let shown: Vec<String> = below
            .iter()
            .take(RECORDS_SHOWN)
            .map(|rel| {
                let path = if from_here {
                    rel.clone()
                } else {
                    dir.join(rel).display().to_string()
                };
                format!("--repo {}", shell_word(&path))
            })
            .collect();
        out.push_str(&format!(
            "\n  a record is in a folder below: {}",
            shown.join(", ")
        ));
        if below.len() > RECORDS_SHOWN {
            out.push_str(", …");
        }
    }
    out.push_str(&format!(
        "\n  name a record with --repo DIR, or start one with `{init}`"
    ));
    out
}

/// How many records `hint` names at most.
const RECORDS_SHOWN: usize = 3;

/// The folders one or two levels below `dir` that hold pds.yaml, relative
/// to `dir`, sorted; folders whose name starts with a dot are not entered.
fn records_below(dir: &std::path::Path) -> Vec<String> {
    // Enough for a repository's top; a home folder is not walked through.
    const LOOKED_AT: usize = 2_000;
    let mut found = Vec::new();
    let mut looked = 0;
    let mut level: Vec<(std::path::PathBuf, String)> = vec![(dir.to_path_buf(), String::new())];
    for _depth in 0..2 {
        let mut next = Vec::new();
        for (path, rel) in &level {
            let Ok(entries) = std::fs::read_dir(path) else {
                continue;
            };
            let mut names: Vec<_> = entries.flatten().collect();
            names.sort_by_key(std::fs::DirEntry::file_name);
            for entry in names {
                looked += 1;
                if looked > LOOKED_AT {
                    break;
                }
                let name = entry.file_name().to_string_lossy().into_owned();
                if name.starts_with('.') || !entry.file_type().is_ok_and(|t| t.is_dir()) {
                    continue;
                }
                let sub = if rel.is_empty() {
                    name
                } else {
                    format!("{rel}/{name}")
                };
                if entry.path().join(crate::load::BOARD_FILE).is_file() {
                    found.push(sub);
                } else {
                    next.push((entry.path(), sub));
                }
            }
        }
        level = next;
    }
    found.sort();
    // One more than is shown, to know that there are more.
    found.truncate(RECORDS_SHOWN + 1);
    found
}

/// `s` as one word for a POSIX shell: as it is when it holds only safe
/// characters, otherwise in single quotes.
pub(crate) fn shell_word(s: &str) -> String {
    if !s.is_empty()
        && s.chars()
            .all(|c| c.is_ascii_alphanumeric() || "/._-+,:@".contains(c))
    {
        s.to_string()
    } else {
        format!("'{}'", s.replace('\'', "'\\''"))
    }
}
