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
                        "{} is not a pds record: it holds no pds.yaml",
                        dir.display()
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
                    Error::NoRecord(
                        "no pds record here: no pds.yaml in this folder or any folder above it (use --repo DIR)".into(),
                    )
                })
            }
        }
    }
}
