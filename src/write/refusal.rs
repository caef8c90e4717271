//! Why a file is left as it was: the write refused (`Refusal`), the new
//! text failing its verification (`Unverified`), the edit impossible
//! (`Unedited`). Their words follow "left <file> as it was: " in the
//! `Error::Write` a command reports.

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

/// Why a new text is not what was intended; a finding is named by its
/// code and message.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Unverified {
    /// The text `pds fmt` reformats does not parse; the parser's words.
    OldDoesNotParse(String),
    /// A case file's new text has no closed front matter.
    NoFrontMatter,
    /// The new text does not parse (a bug in pds); the parser's words.
    DoesNotParse(String),
    /// The new text changes a case file's Markdown body (a bug in pds).
    BodyChanged,
    /// The new text loads to other values (a bug in pds).
    OtherValues,
    /// The new text does not load; its first finding, if any.
    DoesNotLoad(Option<(String, String)>),
    /// The new text loads with a finding the old one lacked.
    NewFinding(String, String),
}

impl fmt::Display for Unverified {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        const BUG: &str = "this is a bug in pds";
        match self {
            Unverified::OldDoesNotParse(why) => write!(f, "it does not parse ({why})"),
            Unverified::NoFrontMatter => f.write_str("the new text has no closed front matter"),
            Unverified::DoesNotParse(why) => {
                write!(f, "the new text would not parse as YAML ({why}); {BUG}")
            }
            Unverified::BodyChanged => {
                write!(f, "the new text would change the Markdown body; {BUG}")
            }
            Unverified::OtherValues => {
                write!(
                    f,
                    "the new text would load to other values than intended; {BUG}"
                )
            }
            Unverified::DoesNotLoad(None) => f.write_str("the new text would not load"),
            Unverified::DoesNotLoad(Some((code, message))) => {
                write!(f, "the new text would not load: {code} {message}")
            }
            Unverified::NewFinding(code, message) => write!(
                f,
                "the new text would load with a finding the old one did not have: {code} {message}"
            ),
        }
    }
}

impl std::error::Error for Unverified {}

/// Why a file cannot be edited as asked. `Display` is what follows "left
/// <file> as it was: ". The file is the user's to mend (`pds check` says
/// where), except `OutOfRange`, a bug in pds.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Unedited {
    /// meetings.yaml does not parse; the parser's words.
    DoesNotParse(String),
    /// meetings.yaml's flow list `[` has no `]`.
    Unclosed,
    /// meetings.yaml holds something other than a list.
    NoList,
    /// A draft without front matter.
    NoFrontMatter,
    /// A draft whose front matter does not parse; the parser's words.
    FrontMatterDoesNotParse(String),
    /// A draft whose front matter is not a mapping.
    NotAMapping,
    /// A case to move to another meeting that names none.
    NoMeeting,
    /// An edit outside the text it edits.
    OutOfRange,
}

impl fmt::Display for Unedited {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        const MEND: &str = "run `pds check` and mend it first";
        match self {
            Unedited::DoesNotParse(why) => write!(f, "it does not parse ({why}); {MEND}"),
            Unedited::Unclosed => write!(f, "its list `[` is never closed; {MEND}"),
            Unedited::NoList => write!(f, "it holds no list of meetings; {MEND}"),
            Unedited::NoFrontMatter => f.write_str("it has no front matter to number"),
            Unedited::FrontMatterDoesNotParse(why) => {
                write!(f, "its front matter does not parse ({why})")
            }
            Unedited::NotAMapping => f.write_str("its front matter is not a mapping of fields"),
            Unedited::NoMeeting => f.write_str("it names no `meeting` to change"),
            Unedited::OutOfRange => f.write_str("an edit out of range"),
        }
    }
}

impl std::error::Error for Unedited {}
