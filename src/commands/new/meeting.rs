//! `pds new meeting`: the next meeting of a date's year, added at the end of
//! that year's `meetings.yaml` (made when there is none).

use super::{shown, MAX_SEQ};
use crate::commands::{print, Env};
use crate::diag::Error;
use crate::load::FileKind;
use crate::model::{Date, MeetingNumber, Record, TimeSpan};
use crate::write::edit::{self, NewMeeting};
use crate::write::{place, Intent, RecordWriter};

/// The years a meeting can have: its folder's name has four digits.
pub const MEETING_YEARS: std::ops::RangeInclusive<u16> = 1000..=9999;

pub(super) fn new_meeting(
    env: &Env,
    writer: &RecordWriter,
    record: &Record,
    date: &str,
    time: Option<&str>,
    place: Option<&str>,
    extraordinary: bool,
) -> Result<i32, Error> {
    let date = parse_date(date)?;
    let time = time.map(parse_time).transpose()?;
    let meeting = NewMeeting {
        number: next_meeting_number(record, date)?,
        date,
        time,
        place: place.map(|p| p.trim().to_string()),
        extraordinary,
    };
    let rel = format!("{}/meetings.yaml", date.year);
    let path = writer.target(&rel, place::Kind::Data)?;
    let old = match std::fs::symlink_metadata(&path) {
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => None,
        _ => Some(
            crate::load::read_text(writer.root(), &path).map_err(|why| Error::Read {
                file: rel.clone(),
                why,
            })?,
        ),
    };
    let (new, values) = edit::add_meeting(old.as_deref(), &meeting)
        .map_err(|why| Error::Write(format!("left {rel} as it was: {why}")))?;
    let intent = Intent {
        kind: FileKind::Meetings,
        case_types: &record.board.case_types,
        old: old.as_deref(),
        values,
        body: None,
        numbers_as_values: false,
    };
    match old {
        Some(_) => writer.replace(&rel, &new, &intent)?,
        None => writer.create(&rel, &new, &intent)?,
    };
    if !env.quiet {
        print(&format!("{}\n", meeting.number));
    }
    Ok(0)
}

/// `--date`: YYYY-MM-DD, in a year a meeting's folder can name.
fn parse_date(date: &str) -> Result<Date, Error> {
    let date = Date::parse(date).ok_or_else(|| {
        Error::Usage(format!(
            "`{}` is not a date: write YYYY-MM-DD, with a year from 1000 to 9999",
            shown(date)
        ))
    })?;
    if !MEETING_YEARS.contains(&date.year) {
        return Err(Error::Usage(format!(
            "{date} is in the year {}: pds keeps meetings of the years 1000–9999 (a year's folder has four digits)",
            date.year
        )));
    }
    Ok(date)
}

/// `--time`: 13:00-15:00.
fn parse_time(time: &str) -> Result<TimeSpan, Error> {
    TimeSpan::parse(time).ok_or_else(|| {
        Error::Usage(format!(
            "`{}` is not a time span: write 13:00-15:00",
            shown(time)
        ))
    })
}

/// The number of a new meeting on `date`: after every meeting of its year,
/// which must all come before it.
fn next_meeting_number(record: &Record, date: Date) -> Result<MeetingNumber, Error> {
    let year_meetings: Vec<_> = record
        .meetings
        .iter()
        .filter(|m| m.number.year == date.year)
        .collect();
    if let Some(last) = year_meetings.iter().max_by_key(|m| m.date.value) {
        if last.date.value >= date {
            return Err(Error::Usage(format!(
                "meeting {} is on {}: a new meeting of {} must come after it",
                last.number.value, last.date.value, date.year
            )));
        }
    }
    // Entries that did not load still hold their numbers.
    let highest = year_meetings
        .iter()
        .map(|m| m.number.value.seq)
        .chain(
            record
                .unloaded
                .broken_meetings
                .iter()
                .filter(|m| m.year == date.year)
                .map(|m| m.seq),
        )
        .max()
        .unwrap_or(0);
    if highest >= MAX_SEQ {
        return Err(Error::Usage(format!(
            "meeting {highest}/{} is the highest number pds can read; no number is left",
            date.year
        )));
    }
    Ok(MeetingNumber::new(highest + 1, date.year))
}
