//! What every command gets besides its own arguments (`Env`), and the
//! failure a command returns when the user has something to fix (`UsageError`).

use std::path::PathBuf;

/// A failure that is the user's to fix: printed as `error: …`, exit 2.
#[derive(Debug)]
pub struct UsageError(pub String);

impl<T: Into<String>> From<T> for UsageError {
    fn from(s: T) -> Self {
        UsageError(s.into())
    }
}

/// What every command gets besides its own arguments.
pub struct Env {
    pub repo: Option<PathBuf>,
    pub color: bool,
    pub quiet: bool,
}

impl Env {
    /// The record's root: `--repo`, or upward from the current folder.
    pub fn root(&self) -> Result<PathBuf, UsageError> {
        match &self.repo {
            Some(dir) => {
                if !dir.is_dir() {
                    return Err(
                        format!("{} does not exist or is not a folder", dir.display()).into(),
                    );
                }
                if !dir.join(crate::load::BOARD_FILE).is_file() {
                    return Err(format!(
                        "{} is not a pds record: it holds no pds.yaml",
                        dir.display()
                    )
                    .into());
                }
                Ok(dir.clone())
            }
            None => {
                let cwd = std::env::current_dir()
                    .map_err(|e| format!("cannot read the current folder: {e}"))?;
                crate::load::find_root(&cwd).ok_or_else(|| {
                    UsageError(
                        "no pds record here: no pds.yaml in this folder or any folder above it (use --repo DIR)".into(),
                    )
                })
            }
        }
    }
}
