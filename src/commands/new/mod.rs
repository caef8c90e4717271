//! `pds new case|meeting`: create and number records through the one write
//! path (`crate::write`): under the record's lock, values edited through the
//! YAML tree, each new text verified before it is renamed into place, and
//! never over an existing file. The numbering rules shared with `pds next`
//! and `pds schedule` are here; each kind of record has its own file.

mod case;
mod meeting;

use super::Env;
use crate::cli::NewCommand;
use crate::diag::Error;
use crate::model::{CaseFileName, CaseNumber, MeetingNumber, Record};
use crate::report::printable;
use crate::write::edit;
use crate::write::RecordWriter;

/// The highest sequence number `pds check` reads (nine digits).
pub const MAX_SEQ: u32 = 999_999_999;

/// The years whose cases pds can number: a case number's year has two
/// digits and means 20yy.
pub const CASE_YEARS: std::ops::RangeInclusive<u16> = 2000..=2099;

pub fn run(env: &Env, cmd: &NewCommand) -> Result<i32, Error> {
    let root = env.root()?;
    // The lock first: the next number is chosen from what the last writer left.
    let writer = RecordWriter::open(&root)?;
    let (record, _) = crate::load::load(writer.root());
    match cmd {
        NewCommand::Case {
            title,
            meeting,
            kind,
            description,
        } => case::new_case(
            env,
            &writer,
            &record,
            title,
            *meeting,
            kind.as_deref(),
            description.as_deref(),
        ),
        NewCommand::Meeting {
            date,
            time,
            place,
            extraordinary,
        } => meeting::new_meeting(
            env,
            &writer,
            &record,
            date,
            time.as_deref(),
            place.as_deref(),
            *extraordinary,
        ),
    }
}

/// Text for a YAML value: plain when that reads back as the same text, quoted otherwise.
pub fn yaml_text(s: &str) -> String {
    edit::scalar(s)
}

/// `s` safe to print on a terminal.
pub(crate) fn shown(s: &str) -> String {
    printable(s, &[]).into_owned()
}

pub(crate) fn check_type(record: &Record, kind: &str) -> Result<(), Error> {
    if record.board.case_types.iter().any(|t| t == kind) {
        return Ok(());
    }
    let types: Vec<&str> = record.board.case_types.iter().map(String::as_str).collect();
    let hint = crate::diag::nearest(kind, types.iter().copied())
        .map(|n| format!("did you mean {}?", shown(n)))
        .unwrap_or_else(|| format!("the types are {}", shown(&types.join(", "))));
    Err(Error::NotFound(format!(
        "`{}` is not a case type of this board; {hint}",
        shown(kind)
    )))
}

/// `meeting`, when a case may go on its agenda: one the record has, neither
/// held, approved nor cancelled (its agenda is closed then; `pds check` would hold the
/// case against the record).
pub(crate) fn agenda_open(record: &Record, meeting: MeetingNumber) -> Result<(), Error> {
    let m = record.find_meeting(meeting)?;
    if m.status.is_ahead() {
        return Ok(());
    }
    Err(Error::Conflict(format!(
        "meeting {meeting} is {} (status in {}): its agenda is closed; put the case on a planned meeting",
        m.status.as_str(),
        shown(m.file.name()),
    )))
}

/// The next case number of `meeting`'s year that `pds check` accepts: above
/// every number carried by a case, or reserved by the name of a case file
/// that does not load.
pub fn next_case_number(record: &Record, year: u16) -> Result<CaseNumber, Error> {
    if !CASE_YEARS.contains(&year) {
        return Err(Error::Usage(format!(
            "pds numbers cases only in the years 2000–2099 (n/yy means 20yy), not in {year}"
        )));
    }
    let yy = (year % 100) as u8;
    let loaded = crate::check::next_free(record, yy).seq - 1;
    let reserved = record
        .unloaded
        .broken_cases
        .iter()
        .filter_map(|name| CaseFileName::parse(name).map(|n| n.number))
        .filter(|n| n.yy == yy)
        .map(|n| n.seq)
        .max()
        .unwrap_or(0);
    let highest = loaded.max(reserved);
    if highest >= MAX_SEQ {
        return Err(Error::Usage(format!(
            "case {highest}/{yy:02} is the highest number pds can read in {year}; no number is left"
        )));
    }
    Ok(CaseNumber::new(highest + 1, yy))
}
