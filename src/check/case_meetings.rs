//! Each case's meeting exists, and its number is of that meeting's year
//! (rules `unknown-meeting`, `case-year-mismatch`).

use crate::diag::{Code, Finding, Findings, Location};
use crate::model::lookup::nearest_meeting;
use crate::model::Record;

pub(super) fn check(record: &Record, findings: &mut Findings) {
    for case in &record.cases {
        let Some(meeting) = &case.meeting else {
            continue;
        };
        if record.meeting(meeting.value).is_none()
            && !record.unloaded.meeting_may_exist(meeting.value)
        {
            let text = meeting.value.to_string();
            let add = format!("add meeting {text} to {}/meetings.yaml", meeting.value.year);
            let help = match nearest_meeting(
                meeting.value,
                record.meetings.iter().map(|m| m.number.value),
            ) {
                Some(n) => format!("did you mean {n}? If not, {add}"),
                None => add,
            };
            let mut finding = Finding::new(
                Code::UnknownMeeting,
                meeting.at.clone(),
                format!("meeting {text} is in no meetings.yaml"),
            )
            .help(help);
            // An empty meetings.yaml of the year is where the fix goes.
            let year_file = format!("{}/meetings.yaml", meeting.value.year);
            for file in record
                .unloaded
                .empty_meeting_files
                .iter()
                .filter(|f| f.name() == year_file)
            {
                finding = finding.related(Location::whole(file), "no meeting is listed here");
            }
            findings.push(finding);
            continue;
        }
        if let Some(number) = &case.number {
            if u16::from(number.yy) != meeting.value.year % 100 {
                findings.push(
                    Finding::new(
                        Code::CaseYearMismatch,
                        number.at.clone(),
                        format!(
                            "case {} belongs to meeting {}, held in {}",
                            number.value, meeting.value, meeting.value.year
                        ),
                    )
                    .related(meeting.at.clone(), "the meeting")
                    .help(format!(
                        "cases of a {} meeting are numbered n/{:02}",
                        meeting.value.year,
                        meeting.value.year % 100
                    ))
                    .subject(number.value),
                );
            }
        }
    }
}
