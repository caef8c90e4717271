//! Where a write may go: inside the record, by the rule reads use.
//!
//! Reads follow a link only when it leads to a file or folder inside the
//! record (`load::read_text`, the templates folder), and the loader never
//! walks into a linked folder. Writes keep the same rule: a link out of the
//! record is refused, and a file the loader reads is never written through a
//! linked folder, where `pds check` would not see it.

use crate::diag::Error;
use crate::report::printable;
use std::path::{Component, Path, PathBuf};

/// What is written: a file of the record that the loader reads (a case,
/// meetings.yaml…), or another file kept in the record (a template).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    Data,
    Other,
}

/// Where `rel` (a path below the canonical `root`) is written. Every folder
/// on the way must be a folder inside the record or not exist yet (it is
/// made only when the write happens); an existing file must be a regular
/// file, or a link to one inside the record, which is then written in place
/// of the link's target (the link stays).
pub fn target(root: &Path, rel: &str, kind: Kind) -> Result<PathBuf, Error> {
    let mut names = Vec::new();
    for c in Path::new(rel).components() {
        match c {
            Component::Normal(n) => names.push(n),
            _ => {
                return Err(Error::Write(format!(
                    "{} is not a path inside the record",
                    shown(rel)
                )))
            }
        }
    }
    let Some((file, folders)) = names.split_last() else {
        return Err(Error::Write("no file named to write".into()));
    };
    let mut dir = root.to_path_buf();
    let mut so_far = String::new();
    for name in folders {
        dir.push(name);
        so_far.push_str(&name.to_string_lossy());
        so_far.push('/');
        if !folder_exists(root, &dir, &so_far, kind)? {
            // Made when the file is written; nothing below it exists either.
            return Ok(root.join(rel));
        }
    }
    existing_file(root, dir.join(file), rel)
}

/// A name as it may be shown to the user (no control characters).
fn shown(s: &str) -> String {
    printable(s, &[]).into_owned()
}

/// Whether the folder `dir` (`so_far` below the root) exists, when it may
/// be written into: a folder, or a link to one inside the record (for data
/// files not even that).
fn folder_exists(root: &Path, dir: &Path, so_far: &str, kind: Kind) -> Result<bool, Error> {
    match std::fs::symlink_metadata(dir) {
        Ok(m) if m.is_dir() => Ok(true),
        Ok(m) if m.file_type().is_symlink() => {
            let real = dir.canonicalize().map_err(|e| {
                Error::Write(format!(
                    "{} is a link that cannot be followed: {e}",
                    shown(so_far)
                ))
            })?;
            if !real.starts_with(root) {
                return Err(Error::Write(format!(
                    "{} is a link to a folder outside the record; pds does not write through it",
                    shown(so_far)
                )));
            }
            if kind == Kind::Data {
                return Err(Error::Write(format!(
                    "{} is a link to another folder; `pds check` does not read through linked folders, so pds does not write into one",
                    shown(so_far)
                )));
            }
            if !real.is_dir() {
                return Err(Error::Write(format!("{} is not a folder", shown(so_far))));
            }
            Ok(true)
        }
        Ok(_) => Err(Error::Write(format!("{} is not a folder", shown(so_far)))),
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(false),
        Err(e) => Err(Error::Write(format!(
            "cannot read the folder {}: {e}",
            shown(so_far)
        ))),
    }
}

/// Where the file `path` (`rel` below the root) is written: itself when it
/// is a regular file or not there yet, the target of a link to a regular
/// file inside the record.
fn existing_file(root: &Path, path: PathBuf, rel: &str) -> Result<PathBuf, Error> {
    match std::fs::symlink_metadata(&path) {
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(path),
        Err(e) => Err(Error::Write(format!("cannot read {}: {e}", shown(rel)))),
        Ok(m) if m.is_file() => Ok(path),
        Ok(m) if m.file_type().is_symlink() => {
            let real = path.canonicalize().map_err(|e| {
                Error::Write(format!(
                    "{} is a link that cannot be followed: {e}",
                    shown(rel)
                ))
            })?;
            if !real.starts_with(root) {
                return Err(Error::Write(format!(
                    "{} is a link to a file outside the record; pds does not write through it",
                    shown(rel)
                )));
            }
            if !real.is_file() {
                return Err(Error::Write(format!(
                    "{} is a link to something that is not a regular file; pds does not replace it",
                    shown(rel)
                )));
            }
            Ok(real)
        }
        Ok(_) => Err(Error::Write(format!(
            "{} is not a regular file (a folder, device, FIFO or socket); pds does not replace it",
            shown(rel)
        ))),
    }
}

/// The record's name for `path` when it is one of the record's own files (a
/// file the loader reads, or a template), `None` otherwise: an output
/// document must never be written over one. `path` need not exist.
pub fn record_file(root: &Path, path: &Path) -> Option<String> {
    let root = root.canonicalize().ok()?;
    let real = match path.canonicalize() {
        Ok(p) => p,
        // Not there yet: its folder decides.
        Err(_) => path
            .parent()
            .filter(|p| !p.as_os_str().is_empty())
            .unwrap_or(Path::new("."))
            .canonicalize()
            .ok()?
            .join(path.file_name()?),
    };
    let rel = real.strip_prefix(&root).ok()?;
    let rel = rel.to_string_lossy().replace('\\', "/");
    let template = rel.starts_with("templates/") && !rel.contains("/.");
    (crate::load::classify(&rel).is_some() || template).then_some(rel)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_records_own_files_are_told_from_other_paths() {
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path();
        std::fs::create_dir_all(root.join("2021")).unwrap();
        std::fs::create_dir_all(root.join("templates")).unwrap();
        std::fs::write(root.join("2021/01-21-x.md"), "").unwrap();
        let own = |p: &str| record_file(root, &root.join(p));
        assert_eq!(own("2021/01-21-x.md").as_deref(), Some("2021/01-21-x.md"));
        assert_eq!(
            own("2021/meetings.yaml").as_deref(),
            Some("2021/meetings.yaml")
        );
        assert_eq!(
            own("templates/notice.md").as_deref(),
            Some("templates/notice.md")
        );
        assert_eq!(own("pack.html"), None);
        assert_eq!(own("2021/pack.html"), None);
        assert_eq!(record_file(root, Path::new("/tmp/elsewhere.html")), None);
    }

    #[test]
    fn a_path_out_of_the_record_is_refused() {
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path().canonicalize().unwrap();
        for rel in ["../x.md", "/etc/x", "2021/../../x"] {
            assert!(target(&root, rel, Kind::Data).is_err(), "{rel}");
        }
        assert_eq!(
            target(&root, "2021/x.md", Kind::Data).unwrap(),
            root.join("2021/x.md")
        );
    }
}
