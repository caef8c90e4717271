//! The one error type for what stops a command and is not a finding: no
//! record, a name the record does not hold, bad usage, a file that cannot
//! be read or written, git, a template (by name) or document that does not
//! render, a document's pictures past the cap, a write refused, what the
//! record's state forbids (a held meeting, a number two cases carry). Its
//! kind decides the exit code, in one place (`exit_code`).

use std::fmt;
use std::path::PathBuf;

/// Why a command stopped. `Display` gives the message `pds` prints after
/// `error: ` (a `Refused` is printed as it is: it carries its own words).
#[derive(Debug)]
pub enum Error {
    /// No pds record where one was looked for (`--repo`, or upward from here).
    NoRecord(String),
    /// A meeting, case, draft, case type or finding code the record or pds
    /// does not know, with what it does know.
    NotFound(String),
    /// A command line asking for what cannot be done.
    Usage(String),
    /// A file or folder that cannot be resolved, read or written:
    /// `cannot {doing} {path}: {source}`.
    Io {
        doing: &'static str,
        path: Option<PathBuf>,
        source: std::io::Error,
    },
    /// git could not give the record at a revision.
    Git(String),
    /// A template that does not load or fill: `template error: …` with
    /// Tera's whole chain; the template's file name when pds knows it
    /// (filling one), `None` when loading them all (Tera names it then).
    Template {
        template: Option<String>,
        message: String,
    },
    /// A document's pictures past the limit for inlining: the Markdown file
    /// (the case) and the picture that would pass it, as printed.
    Pictures {
        file: String,
        picture: String,
        limit_mib: u64,
    },
    /// A document that cannot be rendered for another reason (a generated
    /// block that does not parse, a meeting time that does not exist, …).
    Render(String),
    /// A file of the record whose text pds cannot have: `{file} {why}`.
    Read { file: String, why: Unreadable },
    /// A write into the record refused; the file named is as it was.
    Write(String),
    /// `render --public` refused while the record has errors: the whole
    /// report to print, ending in a newline.
    Refused(String),
    /// What the record's own state forbids, as `pds check` would hold it
    /// against the record: a case put on the agenda of a held or cancelled
    /// meeting, a case number that two cases carry. Nothing was written.
    Conflict(String),
}

impl Error {
    /// `cannot {doing} {path}: {source}`.
    pub fn io(doing: &'static str, path: impl Into<PathBuf>, source: std::io::Error) -> Self {
        Error::Io {
            doing,
            path: Some(path.into()),
            source,
        }
    }

    /// The exit code (SPEC §2): 1 for a refusal because of the record's
    /// errors or state, as `pds check` gives for them; 2 for everything else.
    pub fn exit_code(&self) -> i32 {
        match self {
            Error::Refused(_) | Error::Conflict(_) => 1,
            Error::NoRecord(_)
            | Error::NotFound(_)
            | Error::Usage(_)
            | Error::Io { .. }
            | Error::Read { .. }
            | Error::Git(_)
            | Error::Template { .. }
            | Error::Pictures { .. }
            | Error::Render(_)
            | Error::Write(_) => 2,
        }
    }
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Error::NoRecord(m)
            | Error::NotFound(m)
            | Error::Usage(m)
            | Error::Git(m)
            | Error::Render(m)
            | Error::Write(m)
            | Error::Conflict(m)
            | Error::Refused(m) => f.write_str(m),
            Error::Io {
                doing,
                path: Some(path),
                source,
            } => write!(f, "cannot {doing} {}: {source}", path.display()),
            Error::Io {
                doing,
                path: None,
                source,
            } => write!(f, "cannot {doing}: {source}"),
            Error::Read { file, why } => write!(f, "{file} {why}"),
            Error::Template { message, .. } => f.write_str(message),
            Error::Pictures {
                file,
                picture,
                limit_mib,
            } => write!(
                f,
                "{file}: picture {picture} would take this document's pictures past {limit_mib} MiB; make the pictures smaller or fewer"
            ),
        }
    }
}

impl std::error::Error for Error {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        match self {
            Error::Io { source, .. } => Some(source),
            Error::Read { why, .. } => Some(why),
            _ => None,
        }
    }
}

/// Why pds cannot have a file's text (`load::read_text` and its limits).
/// `Display` is what follows the file's name: "2021/meetings.yaml is not a
/// regular file".
#[derive(Debug)]
pub enum Unreadable {
    /// The file system said no.
    Io(std::io::Error),
    /// A symbolic link whose target cannot be resolved.
    BrokenLink(std::io::Error),
    /// A symbolic link out of the record: not followed.
    LinkOutside,
    /// A folder, device, FIFO or socket: never opened (a FIFO would wait forever).
    NotAFile,
    /// Over the size limit (1 MiB), by its size in bytes.
    TooLarge(u64),
    /// Within the limit when opened, over it while read.
    Grew,
    /// Holds a NUL byte.
    Binary,
    /// Not UTF-8: the first bad byte and where it stands, as an editor counts.
    NotUtf8 {
        byte: u8,
        line: usize,
        column: usize,
    },
    /// Not there (in a record read from a git revision).
    Missing,
}

impl fmt::Display for Unreadable {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Unreadable::Io(e) => write!(f, "cannot be read: {e}"),
            Unreadable::BrokenLink(e) => write!(f, "is a link that cannot be followed: {e}"),
            Unreadable::LinkOutside => {
                f.write_str("is a link to a file outside the record; pds does not follow it")
            }
            Unreadable::NotAFile => f.write_str("is not a regular file"),
            Unreadable::TooLarge(n) => write!(f, "is {n} bytes, larger than the limit of 1 MiB"),
            Unreadable::Grew => f.write_str("grew larger than the limit of 1 MiB while being read"),
            Unreadable::Binary => f.write_str("holds binary data (a NUL byte), not text"),
            Unreadable::NotUtf8 { byte, line, column } => write!(
                f,
                "is not UTF-8 text: byte 0x{byte:02X} on line {line}, column {column} (save the file as UTF-8)"
            ),
            Unreadable::Missing => f.write_str("is missing"),
        }
    }
}

impl std::error::Error for Unreadable {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        match self {
            Unreadable::Io(e) | Unreadable::BrokenLink(e) => Some(e),
            _ => None,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn io_names_what_was_tried_and_the_path() {
        let e = Error::io(
            "make",
            "out/x",
            std::io::Error::new(std::io::ErrorKind::PermissionDenied, "denied"),
        );
        assert_eq!(e.to_string(), "cannot make out/x: denied");
        assert_eq!(e.exit_code(), 2);
        let e = Error::Io {
            doing: "read the current folder",
            path: None,
            source: std::io::Error::other("gone"),
        };
        assert_eq!(e.to_string(), "cannot read the current folder: gone");
    }

    #[test]
    fn only_a_refusal_for_the_records_errors_or_state_exits_1() {
        assert_eq!(Error::Refused("error: …\n".into()).exit_code(), 1);
        assert_eq!(
            Error::Conflict("meeting 1/2021 is held".into()).exit_code(),
            1
        );
        assert_eq!(Error::NotFound("no meeting 9/2021".into()).exit_code(), 2);
        assert_eq!(Error::Usage("x".into()).to_string(), "x");
    }

    #[test]
    fn a_picture_past_the_cap_names_the_case_and_the_picture() {
        let e = Error::Pictures {
            file: "2021/01-21-x.md".into(),
            picture: "big.png".into(),
            limit_mib: 8,
        };
        assert_eq!(
            e.to_string(),
            "2021/01-21-x.md: picture big.png would take this document's pictures past 8 MiB; make the pictures smaller or fewer"
        );
        assert_eq!(e.exit_code(), 2);
    }

    #[test]
    fn an_unreadable_file_is_named_before_why() {
        let e = Error::Read {
            file: "2021/meetings.yaml".into(),
            why: Unreadable::NotUtf8 {
                byte: 0xFF,
                line: 3,
                column: 7,
            },
        };
        assert_eq!(
            e.to_string(),
            "2021/meetings.yaml is not UTF-8 text: byte 0xFF on line 3, column 7 (save the file as UTF-8)"
        );
        assert_eq!(e.exit_code(), 2);
    }
}
