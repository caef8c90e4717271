//! One module per subcommand: each takes its arguments and returns an exit code.

pub mod check;
pub mod fmt;
pub mod list;
pub mod new;
pub mod next;
pub mod render;
pub mod templates;

use crate::model::{CaseNumber, MeetingNumber, Record};

/// "no meeting 9/2021 in the record; did you mean 8/2021?"
pub fn unknown_meeting(record: &Record, m: MeetingNumber) -> String {
    let known = record.meetings.iter().map(|k| k.number.value);
    match crate::check::nearest_meeting(m, known) {
        Some(c) => format!("no meeting {m} in the record; did you mean {c}?"),
        None if record.meetings.is_empty() => {
            format!("no meeting {m} in the record; it has no meetings")
        }
        None => {
            let all: Vec<String> = record
                .meetings
                .iter()
                .map(|k| k.number.value.to_string())
                .collect();
            format!(
                "no meeting {m} in the record; its meetings are {}",
                all.join(", ")
            )
        }
    }
}

/// "no case 48/21 in the record; did you mean 47/21?"
pub fn unknown_case(record: &Record, n: CaseNumber) -> String {
    let mut known: Vec<CaseNumber> = record
        .cases
        .iter()
        .filter_map(|c| c.number_value())
        .collect();
    known.sort();
    known.dedup();
    let closest = known.iter().min_by_key(|k| {
        (
            u32::from(k.yy.abs_diff(n.yy)) * 10_000 + k.seq.abs_diff(n.seq),
            k.seq,
        )
    });
    match closest {
        Some(c) => format!("no case {n} in the record; did you mean {c}?"),
        None => format!("no case {n} in the record; it has no numbered cases"),
    }
}
