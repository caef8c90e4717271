//! The one write path: every file pds writes goes through here.
//!
//! A record file is written by a `RecordWriter`, which holds the record's
//! lock (`lock`), writes only inside the record (`place`), and writes a
//! temporary file in the target's folder, flushes it to disk, reads it back
//! and loads it with the loader `pds check` uses (`verify`): only when it
//! holds exactly the intended values, with no finding the old text lacked,
//! is it renamed into place, keeping the owner, group and mode of the file
//! it replaces. Anything else is an `Error::Write` (exit 2) that names the file,
//! and the file is left as it was. Values are changed through the YAML tree
//! (`edit`), never by matching text.

pub mod edit;
pub mod lock;
pub mod place;
pub mod refusal;
pub mod verify;

pub use lock::RecordLock;
pub use refusal::{Refusal, Unedited, Unverified};
pub use verify::Intent;

use crate::diag::Error;
use crate::report::printable;
use std::io::Write;
use std::path::{Path, PathBuf};

/// Writes the files of one record, holding its lock from before the record
/// is loaded until the last file is in place.
#[derive(Debug)]
pub struct RecordWriter {
    root: PathBuf,
    _lock: RecordLock,
}

impl RecordWriter {
    /// Takes the lock of the record at `root` (waiting for another pds
    /// writing it). Load the record after this, so that what is chosen from
    /// it (the next number) is chosen inside the lock.
    pub fn open(root: &Path) -> Result<Self, Error> {
        let root = root
            .canonicalize()
            .map_err(|e| Error::io("resolve", root, e))?;
        let lock = RecordLock::take(&root)?;
        Ok(RecordWriter { root, _lock: lock })
    }

    /// The record's root, resolved.
    pub fn root(&self) -> &Path {
        &self.root
    }

    /// Where `rel` would be written, or why it may not be.
    pub fn target(&self, rel: &str, kind: place::Kind) -> Result<PathBuf, Error> {
        place::target(&self.root, rel, kind)
    }

    /// Creates the record file `rel` (never over an existing one) holding
    /// `text`, once `text` is verified to give `intent`.
    pub fn create(&self, rel: &str, text: &str, intent: &Intent) -> Result<PathBuf, Error> {
        let path = self.target(rel, place::Kind::Data)?;
        put(&path, text.as_bytes(), Mode::Create, true, &|bytes| {
            verify_bytes(rel, bytes, intent)
        })
        .map_err(|why| refused(rel, why))?;
        Ok(path)
    }

    /// Replaces the record file `rel`, which must still hold `intent.old`,
    /// with `text`, once `text` is verified to give `intent`.
    pub fn replace(&self, rel: &str, text: &str, intent: &Intent) -> Result<PathBuf, Error> {
        let path = self.target(rel, place::Kind::Data)?;
        let Some(old) = intent.old else {
            return Err(refused(rel, Refusal::NoOldText));
        };
        put(&path, text.as_bytes(), Mode::Replace, true, &|bytes| {
            verify_bytes(rel, bytes, intent)?;
            // Under the lock no pds changes it; an editor or another tool might have.
            match std::fs::read(&path) {
                Ok(now) if now == old.as_bytes() => Ok(()),
                Ok(_) => Err(Refusal::Changed),
                Err(e) => Err(Refusal::ReadAgain(e)),
            }
        })
        .map_err(|why| refused(rel, why))?;
        Ok(path)
    }

    /// Creates `rel`, a file of the record the loader does not read (a
    /// template), never over an existing one.
    pub fn create_other(&self, rel: &str, bytes: &[u8]) -> Result<PathBuf, Error> {
        let path = self.target(rel, place::Kind::Other)?;
        put(&path, bytes, Mode::Create, true, &|_| Ok(())).map_err(|why| refused(rel, why))?;
        Ok(path)
    }

    /// Puts `old` back into the record file `rel`, which must still hold
    /// `written` (what this command wrote there): undoing a write when a
    /// later one of the same command failed. `old` is what the file held
    /// before, so it is not verified again.
    pub fn restore(&self, rel: &str, old: &str, written: &str) -> Result<(), Error> {
        let path = self.target(rel, place::Kind::Data)?;
        put(
            &path,
            old.as_bytes(),
            Mode::Replace,
            false,
            &|_| match std::fs::read(&path) {
                Ok(now) if now == written.as_bytes() => Ok(()),
                Ok(_) => Err(Refusal::Changed),
                Err(e) => Err(Refusal::ReadAgain(e)),
            },
        )
        .map_err(|why| Error::Write(format!("cannot put {} back as it was: {why}", shown(rel))))
    }

    /// Removes the record file `rel` (a draft once it is scheduled).
    pub fn remove(&self, rel: &str) -> Result<(), Error> {
        let path = self.target(rel, place::Kind::Data)?;
        // A link to the draft is what stands in the record: remove the link.
        let path = if std::fs::symlink_metadata(self.root.join(rel))
            .is_ok_and(|m| m.file_type().is_symlink())
        {
            self.root.join(rel)
        } else {
            path
        };
        std::fs::remove_file(&path)
            .map_err(|e| Error::Write(format!("cannot remove {}: {e}", shown(rel))))
    }
}

fn shown(rel: &str) -> String {
    printable(rel, &[]).into_owned()
}

fn refused(rel: &str, why: Refusal) -> Error {
    Error::Write(format!("left {} as it was: {why}", shown(rel)))
}

fn verify_bytes(rel: &str, bytes: &[u8], intent: &Intent) -> Result<(), Refusal> {
    let text = std::str::from_utf8(bytes).map_err(|_| Refusal::NotUtf8)?;
    Ok(verify::verify(rel, text, intent)?)
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Mode {
    /// A new file: an existing one is never overwritten.
    Create,
    /// Over a regular file, keeping its owner, group and mode.
    Replace,
    /// An output document over a regular file: its owner and group kept, its
    /// mode without execute or set-id bits (a document is never a program).
    ReplaceDocument,
}

/// Writes `bytes` at `path`: a temporary file in the same folder, flushed to
/// disk, read back and given to `check`, then renamed into place and the
/// folder flushed; with `make_folders`, missing folders are made first.
/// Nothing is left behind on failure.
fn put(
    path: &Path,
    bytes: &[u8],
    mode: Mode,
    make_folders: bool,
    check: &dyn Fn(&[u8]) -> Result<(), Refusal>,
) -> Result<(), Refusal> {
    let dir = path
        .parent()
        .filter(|p| !p.as_os_str().is_empty())
        .unwrap_or(Path::new("."));
    let old = match std::fs::symlink_metadata(path) {
        Ok(_) if mode == Mode::Create => return Err(Refusal::Exists),
        Ok(m) if !m.is_file() => return Err(Refusal::NotAFile),
        Ok(m) => Some(m),
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => None,
        Err(e) => {
            return Err(Refusal::Io {
                doing: "read it",
                source: e,
            })
        }
    };
    if make_folders {
        std::fs::create_dir_all(dir).map_err(Refusal::io("make its folder"))?;
    }
    let mut tmp = tempfile::Builder::new()
        .prefix(".pds-")
        .tempfile_in(dir)
        .map_err(Refusal::io("write in its folder"))?;
    match &old {
        Some(meta) => keep_owner_and_mode(tmp.as_file(), meta, mode == Mode::ReplaceDocument)
            .map_err(Refusal::io(
                "give the new file the old one's owner and mode",
            ))?,
        None => tmp
            .as_file()
            .set_permissions(default_permissions(tmp.as_file()).map_err(Refusal::Metadata)?)
            .map_err(Refusal::io("set its mode"))?,
    }
    tmp.write_all(bytes)
        .and_then(|()| tmp.as_file().sync_all())
        .map_err(Refusal::io("write it"))?;
    let back = std::fs::read(tmp.path()).map_err(Refusal::io("read it back"))?;
    if back != bytes {
        return Err(Refusal::ReadBack);
    }
    check(&back)?;
    match mode {
        Mode::Create => tmp.persist_noclobber(path).map(drop),
        Mode::Replace | Mode::ReplaceDocument => tmp.persist(path).map(drop),
    }
    .map_err(|e| match e.error.kind() {
        std::io::ErrorKind::AlreadyExists => Refusal::Exists,
        _ => Refusal::Io {
            doing: "rename it into place",
            source: e.error,
        },
    })?;
    // The rename itself is only durable once the folder is flushed; not every
    // file system can flush a folder, and the file is in place either way.
    if let Ok(folder) = std::fs::File::open(dir) {
        let _ = folder.sync_all();
    }
    Ok(())
}

#[cfg(unix)]
fn keep_owner_and_mode(
    tmp: &std::fs::File,
    old: &std::fs::Metadata,
    document: bool,
) -> std::io::Result<()> {
    use std::os::unix::fs::{MetadataExt, PermissionsExt};
    let now = tmp.metadata()?;
    if now.uid() != old.uid() || now.gid() != old.gid() {
        std::os::unix::fs::fchown(tmp, Some(old.uid()), Some(old.gid()))?;
    }
    let keep = if document { 0o666 } else { 0o7777 };
    // After the owner: changing it may clear set-id bits.
    tmp.set_permissions(std::fs::Permissions::from_mode(old.mode() & keep))
}

#[cfg(not(unix))]
fn keep_owner_and_mode(
    tmp: &std::fs::File,
    old: &std::fs::Metadata,
    _document: bool,
) -> std::io::Result<()> {
    tmp.set_permissions(old.permissions())
}

/// rw-r--r-- on Unix (temporary files start as rw-------).
fn default_permissions(file: &std::fs::File) -> std::io::Result<std::fs::Permissions> {
    #[cfg_attr(not(unix), expect(unused_mut, reason = "only Unix sets the mode"))]
    let mut perms = file.metadata()?.permissions();
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        perms.set_mode(0o644);
    }
    Ok(perms)
}

/// Writes an output document (a rendered notice, a PDF) at `path`,
/// atomically, over an existing regular file (keeping its owner, group and
/// mode less execute and set-id bits) or as a new one; anything else at `path` (a device, FIFO, socket,
/// folder or link) is refused and left as it was. Callers refuse the
/// record's own files first (`place::record_file`).
pub fn write_document(path: &Path, bytes: &[u8]) -> Result<(), Error> {
    let mode = match std::fs::symlink_metadata(path) {
        Ok(_) => Mode::ReplaceDocument,
        Err(_) => Mode::Create,
    };
    put(path, bytes, mode, false, &|_| Ok(())).map_err(|why| {
        Error::Write(format!(
            "cannot write {}: {why}",
            printable(&path.display().to_string(), &[])
        ))
    })
}

/// Like `write_document`, but fails if `path` already exists (nothing is overwritten).
pub fn atomic_create(path: &Path, bytes: &[u8]) -> std::io::Result<()> {
    put(path, bytes, Mode::Create, false, &|_| Ok(())).map_err(|why| {
        if path.exists() {
            std::io::Error::new(std::io::ErrorKind::AlreadyExists, why)
        } else {
            std::io::Error::other(why)
        }
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn writes_replace_and_create_refuses_to_overwrite() {
        let dir = tempfile::tempdir().unwrap();
        let p = dir.path().join("a.txt");
        write_document(&p, b"one").unwrap();
        write_document(&p, b"two").unwrap();
        assert_eq!(std::fs::read(&p).unwrap(), b"two");
        assert!(atomic_create(&p, b"three").is_err());
        assert_eq!(std::fs::read(&p).unwrap(), b"two");
        assert_eq!(
            std::fs::read_dir(dir.path()).unwrap().count(),
            1,
            "no temporary file left behind"
        );
    }

    #[test]
    fn a_failed_check_leaves_the_file_and_no_temporary_file() {
        let dir = tempfile::tempdir().unwrap();
        let p = dir.path().join("a.txt");
        std::fs::write(&p, "old").unwrap();
        let err = put(&p, b"new", Mode::Replace, false, &|_| Err(Refusal::Changed)).unwrap_err();
        assert!(matches!(err, Refusal::Changed), "{err}");
        assert_eq!(std::fs::read(&p).unwrap(), b"old");
        assert_eq!(std::fs::read_dir(dir.path()).unwrap().count(), 1);
    }

    #[cfg(unix)]
    #[test]
    fn a_document_is_never_written_over_a_link_or_a_fifo() {
        let dir = tempfile::tempdir().unwrap();
        let target = dir.path().join("t.txt");
        std::fs::write(&target, "keep").unwrap();
        let link = dir.path().join("l.html");
        std::os::unix::fs::symlink(&target, &link).unwrap();
        assert!(write_document(&link, b"x").is_err());
        assert_eq!(std::fs::read(&target).unwrap(), b"keep");
        assert!(std::fs::symlink_metadata(&link)
            .unwrap()
            .file_type()
            .is_symlink());
    }
}
