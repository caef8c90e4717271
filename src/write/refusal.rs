//! Why the write path leaves a file as it was (`Refusal`): the words that
//! follow "left <file> as it was: " in the `Error::Write` a command reports.

use super::verify::Unverified;
use std::fmt;

/// Why a file was not written; nothing was changed.
#[derive(Debug)]
pub enum Refusal {
    /// A file to create exists already.
    Exists,
    /// What a replace would go over is not a regular file.
    NotAFile,
    /// The file system said no while pds was `doing` (“cannot {doing}: …”).
    Io {
        doing: &'static str,
        source: std::io::Error,
    },
    /// The file's metadata could not be had to set a new file's mode.
    Metadata(std::io::Error),
    /// What was read back from disk is not what was written.
    ReadBack,
    /// The file to replace changed on disk since pds read it.
    Changed,
    /// The file to replace cannot be read again to see that it did not change.
    ReadAgain(std::io::Error),
    /// A replace without the old text it replaces (a bug in pds).
    NoOldText,
    /// The new text is not UTF-8 (a bug in pds).
    NotUtf8,
    /// The new text does not load to what was intended.
    Unverified(Unverified),
}

impl Refusal {
    /// `cannot {doing}: {source}`.
    pub fn io(doing: &'static str) -> impl Fn(std::io::Error) -> Refusal {
        move |source| Refusal::Io { doing, source }
    }
}

impl fmt::Display for Refusal {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Refusal::Exists => f.write_str("it exists; pds never overwrites a file it creates"),
            Refusal::NotAFile => f.write_str("it is not a regular file; pds does not replace it"),
            Refusal::Io { doing, source } => write!(f, "cannot {doing}: {source}"),
            Refusal::Metadata(e) => write!(f, "{e}"),
            Refusal::ReadBack => {
                f.write_str("what was read back from disk differs from what was written")
            }
            Refusal::Changed => {
                f.write_str("it changed on disk while pds was writing it; run the command again")
            }
            Refusal::ReadAgain(e) => write!(f, "it cannot be read again: {e}"),
            Refusal::NoOldText => {
                f.write_str("no old text to replace was given; this is a bug in pds")
            }
            Refusal::NotUtf8 => f.write_str("the new text is not UTF-8"),
            Refusal::Unverified(why) => write!(f, "{why}"),
        }
    }
}

impl std::error::Error for Refusal {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        match self {
            Refusal::Io { source: e, .. } | Refusal::Metadata(e) | Refusal::ReadAgain(e) => Some(e),
            Refusal::Unverified(why) => Some(why),
            _ => None,
        }
    }
}

impl From<Unverified> for Refusal {
    fn from(why: Unverified) -> Self {
        Refusal::Unverified(why)
    }
}
