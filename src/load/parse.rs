//! One file's text into the model: the reader for its `FileKind`, behind a
//! YAML parse that turns a syntax error into a finding. What `load` runs on
//! every file, and `load_file` on a text the write path is about to write.

use super::schema::Ctx;
use super::{action, board, case, forum, meeting, risk, status, FileKind};
use crate::diag::{Code, Finding, Findings, Location, SourceFile};
use crate::model::{Action, Case, ForumMeeting, Meeting, MeetingNumber, Risk, StatusReport};
use crate::yaml::{self, SyntaxError};

/// A `yaml-syntax` finding for a parse failure in `yaml`, which starts at `base` in `file`.
pub fn syntax_finding(file: &SourceFile, base: usize, yaml: &str, e: &SyntaxError) -> Finding {
    let offset = e.offset.unwrap_or(0).min(yaml.len());
    Finding::new(
        Code::YamlSyntax,
        Location::new(file, base + offset, 0),
        format!("YAML does not parse: {}", e.message),
    )
}

/// Parses a whole YAML file (after a byte-order mark) and reads it with
/// `read`; a syntax error is a finding, and `None`.
pub(super) fn read_yaml<R>(
    file: &SourceFile,
    findings: &mut Findings,
    read: impl FnOnce(&mut Ctx, &yaml::Node) -> R,
) -> Option<R> {
    let (base, yaml_text) = (file.content_start(), file.content());
    match yaml::parse(yaml_text) {
        Ok(node) => {
            let mut ctx = Ctx {
                file,
                text: file.text(),
                base,
                yaml: yaml_text,
                findings,
            };
            Some(read(&mut ctx, &node))
        }
        Err(e) => {
            findings.push(syntax_finding(file, base, yaml_text, &e));
            None
        }
    }
}

pub(super) enum Parsed {
    /// The meetings that loaded, and the numbers of those that did not.
    Meetings(Vec<Meeting>, Vec<MeetingNumber>),
    /// A meetings.yaml that could not be read or parsed, by its year folder.
    BrokenMeetings(String),
    /// A meetings.yaml that parsed but lists no meetings (empty, or `[]`).
    NoMeetings(SourceFile),
    Case(Box<Case>),
    Risk(Box<Risk>),
    Status(Box<StatusReport>),
    Forums(Vec<ForumMeeting>),
    Actions(Vec<Action>),
    /// A case file that did not load; its name may still tell its number.
    BrokenCase(String),
    Nothing,
}

pub(super) fn parse_file(
    file: &SourceFile,
    kind: FileKind,
    case_types: &[String],
    findings: &mut Findings,
) -> Parsed {
    match kind {
        FileKind::Board => Parsed::Nothing,
        FileKind::Meetings => read_yaml(file, findings, |ctx, node| {
            if node.is_null() || node.as_seq().is_some_and(<[_]>::is_empty) {
                return Parsed::NoMeetings(file.clone());
            }
            let (loaded, broken) = meeting::meetings(ctx, node);
            Parsed::Meetings(loaded, broken)
        })
        .unwrap_or_else(|| Parsed::BrokenMeetings(file.name().to_string())),
        FileKind::Case | FileKind::Draft => match case::parse(file, case_types, findings) {
            Some(c) => Parsed::Case(Box::new(c)),
            None => Parsed::BrokenCase(file.name().to_string()),
        },
        FileKind::Risk => with_yaml(file, findings, |ctx, node| {
            risk::risk(ctx, node).map(|r| Parsed::Risk(Box::new(r)))
        }),
        FileKind::Status => with_yaml(file, findings, |ctx, node| {
            status::status(ctx, node).map(|s| Parsed::Status(Box::new(s)))
        }),
        FileKind::Forums => with_yaml(file, findings, |ctx, node| {
            let year = file
                .name()
                .get(..4)
                .and_then(|y| y.parse().ok())
                .unwrap_or(0);
            let types: Vec<&str> = case_types.iter().map(String::as_str).collect();
            Some(Parsed::Forums(forum::forums(ctx, node, year, &types)))
        }),
        FileKind::Actions => with_yaml(file, findings, |ctx, node| {
            Some(Parsed::Actions(action::actions(ctx, node)))
        }),
    }
}

/// A register file (risk, status, forums, actions): nothing when it does not parse.
fn with_yaml(
    file: &SourceFile,
    findings: &mut Findings,
    read: impl FnOnce(&mut Ctx, &yaml::Node) -> Option<Parsed>,
) -> Parsed {
    read_yaml(file, findings, read)
        .flatten()
        .unwrap_or(Parsed::Nothing)
}

/// Loads one file's text at `rel` exactly as `load` reads a file of `kind`
/// (with the board's `case_types`): whether it loaded, and its findings. The
/// write path checks every text with it before the text replaces a file.
pub fn load_file(
    rel: &str,
    text: String,
    kind: FileKind,
    case_types: &[String],
) -> (bool, Vec<Finding>) {
    let file = SourceFile::new(rel, rel, text);
    let mut findings = Findings::default();
    let loaded = match kind {
        FileKind::Board => read_yaml(&file, &mut findings, board::board).is_some(),
        _ => !matches!(
            parse_file(&file, kind, case_types, &mut findings),
            Parsed::BrokenMeetings(_) | Parsed::BrokenCase(_)
        ),
    };
    (loaded, findings.into_sorted())
}
