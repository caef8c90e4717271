//! The record's write lock: one pds at a time reads, changes and writes a record.
//!
//! An advisory `flock` on the record's root folder itself (the standard
//! library's `File::lock`), so the lock adds no file that `git status` would
//! show and vanishes with the process that held it, even one that was killed.
//! Commands take it before they load the record, so a number is chosen from
//! what the previous writer left.

use super::WriteError;
use std::fs::{File, TryLockError};
use std::path::Path;

/// Held while a command reads, changes and writes the record; dropped, it
/// lets the next one in.
#[derive(Debug)]
pub struct RecordLock {
    _folder: File,
}

impl RecordLock {
    /// Waits until no other pds is writing the record at `root`, then holds it.
    pub fn take(root: &Path) -> Result<Self, WriteError> {
        let folder = open(root)
            .map_err(|e| WriteError(format!("cannot lock the record {}: {e}", root.display())))?;
        match folder.try_lock() {
            Ok(()) => {}
            Err(TryLockError::WouldBlock) => {
                eprintln!("waiting for another pds that is writing this record…");
                folder.lock().map_err(|e| {
                    WriteError(format!("cannot lock the record {}: {e}", root.display()))
                })?;
            }
            Err(TryLockError::Error(e)) => {
                return Err(WriteError(format!(
                    "cannot lock the record {}: {e}",
                    root.display()
                )))
            }
        }
        Ok(RecordLock { _folder: folder })
    }
}

/// The folder itself on Unix (a directory opens for reading and takes a flock).
#[cfg(unix)]
fn open(root: &Path) -> std::io::Result<File> {
    File::open(root)
}

/// Elsewhere a folder cannot be opened as a file: the record's pds.yaml
/// stands for it (not tried by this project's CI, which runs on Linux).
#[cfg(not(unix))]
fn open(root: &Path) -> std::io::Result<File> {
    File::open(root.join(crate::load::BOARD_FILE))
}
