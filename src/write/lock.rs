//! The record's write lock: one pds at a time reads, changes and writes a record.
//!
//! An advisory `flock` on the record's root folder itself (through `fs4`,
//! which wraps flock and LockFileEx), so the lock adds no file that `git
//! status` would show and vanishes with the process that held it, even one
//! that was killed. Commands take it before they load the record, so a number is chosen from
//! what the previous writer left.

use crate::diag::Error;
use fs4::fs_std::FileExt;
use std::fs::File;
use std::path::Path;

/// Held while a command reads, changes and writes the record; dropped, it
/// lets the next one in.
#[derive(Debug)]
pub struct RecordLock {
    _folder: File,
}

impl RecordLock {
    /// Waits until no other pds is writing the record at `root`, then holds it.
    pub fn take(root: &Path) -> Result<Self, Error> {
        let failed = |e: std::io::Error| Error::io("lock the record", root, e);
        let folder = open(root).map_err(failed)?;
        if !FileExt::try_lock_exclusive(&folder).map_err(failed)? {
            eprintln!("waiting for another pds that is writing this record…");
            FileExt::lock_exclusive(&folder).map_err(failed)?;
        }
        Ok(RecordLock { _folder: folder })
    }
}

/// The folder itself on Unix (a directory opens for reading and takes a flock).
#[cfg(unix)]
fn open(root: &Path) -> std::io::Result<File> {
    File::open(root)
}

/// Elsewhere a folder cannot be locked: a lock file named after the
/// record's path in the system's temporary folder stands for it, outside
/// the record and so outside git (not tried by this project's CI, which runs
/// on Linux).
#[cfg(not(unix))]
fn open(root: &Path) -> std::io::Result<File> {
    use std::hash::{Hash, Hasher};
    let mut hasher = std::collections::hash_map::DefaultHasher::new();
    root.hash(&mut hasher);
    let path = std::env::temp_dir().join(format!("pds-{:016x}.lock", hasher.finish()));
    std::fs::OpenOptions::new()
        .create(true)
        .truncate(false)
        .write(true)
        .open(path)
}
