//! `pds render invite`: the meeting as an iCalendar event, so the notice and
//! the calendar invitation come from one source.

use super::documents::Renderer;
use crate::model::{Date, Meeting, MeetingNumber, MeetingStatus, Time};
use chrono::{NaiveDate, TimeZone, Utc};
use icalendar::{Calendar, Component, Event, EventLike, EventStatus};

/// Local Oslo time of a meeting as UTC (the record's times are Norwegian local time).
fn utc(date: Date, time: Time) -> Option<chrono::DateTime<Utc>> {
    let naive = NaiveDate::from_ymd_opt(
        i32::from(date.year),
        u32::from(date.month),
        u32::from(date.day),
    )?
    .and_hms_opt(u32::from(time.hour), u32::from(time.minute), 0)?;
    chrono_tz::Europe::Oslo
        .from_local_datetime(&naive)
        .earliest()
        .map(|t| t.with_timezone(&Utc))
}

/// A stable identifier: the same meeting always gets the same UID.
fn uid(board: &str, number: MeetingNumber) -> String {
    let slug = crate::model::slug::slug(board, 200);
    format!("meeting-{}@{slug}.pds", number.dashed())
}

pub fn invite(r: &Renderer, number: MeetingNumber) -> Result<String, String> {
    let record = r.record;
    let meeting: &Meeting = record
        .meeting(number)
        .ok_or_else(|| crate::commands::unknown_meeting(record, number))?;
    let l = &r.labels;
    let mut event = Event::new();
    event.uid(&uid(&record.board.name, number));
    // DTSTAMP is the meeting's date at midnight UTC, not the time of rendering,
    // so that rendering twice gives the same bytes.
    if let Some(stamp) = utc(meeting.date.value, Time { hour: 0, minute: 0 }) {
        event.timestamp(stamp);
    }
    event.summary(&format!("{} – {} {}", record.board.name, l.meeting, number));
    match meeting.time {
        Some(span) => {
            let start = utc(meeting.date.value, span.start)
                .ok_or("the meeting's time does not exist in Oslo")?;
            event.starts(start);
            if let Some(end) = span.end.and_then(|e| utc(meeting.date.value, e)) {
                event.ends(end);
            }
        }
        None => {
            let d = NaiveDate::from_ymd_opt(
                i32::from(meeting.date.year),
                u32::from(meeting.date.month),
                u32::from(meeting.date.day),
            )
            .ok_or("the meeting's date does not exist")?;
            event.all_day(d);
        }
    }
    if let Some(place) = &meeting.place {
        event.location(place);
    }
    event.status(match meeting.status {
        MeetingStatus::Cancelled => EventStatus::Cancelled,
        _ => EventStatus::Confirmed,
    });
    let mut description = format!("{}\n\n{}:\n", l.notice, l.agenda);
    for c in record.agenda(number) {
        let v = super::view::case(record, c, r.opts, l);
        description.push_str(&format!(
            "{} {} ({})\n",
            v.number,
            v.title,
            v.agenda_type.join(", ")
        ));
    }
    event.description(description.trim_end());
    if let Some(chair) = meeting.chair.as_ref().or(record.board.chair.as_ref()) {
        event.add_property(
            "ORGANIZER",
            format!("urn:pds:person:{}", urn_name(&chair.name)),
        );
    }
    let absent: Vec<&str> = meeting.absent.iter().map(|a| a.value.as_str()).collect();
    for p in record.board.members.iter().chain(meeting.invited.iter()) {
        let status = if absent.contains(&p.name.as_str()) {
            "DECLINED"
        } else {
            "NEEDS-ACTION"
        };
        let cn = p.label().replace('"', "'");
        event.append_multi_property(
            icalendar::Property::new("ATTENDEE", format!("urn:pds:person:{}", urn_name(&p.name)))
                .add_parameter("CN", &cn)
                .add_parameter("ROLE", "REQ-PARTICIPANT")
                .add_parameter("PARTSTAT", status)
                .done(),
        );
    }
    let mut calendar = Calendar::new();
    calendar.name(&record.board.name);
    calendar.push(event.done());
    Ok(calendar.done().to_string())
}

fn urn_name(name: &str) -> String {
    crate::model::slug::slug(name, 200)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn oslo_local_time_becomes_utc_with_summer_time() {
        let winter = utc(
            Date {
                year: 2021,
                month: 12,
                day: 1,
            },
            Time {
                hour: 13,
                minute: 0,
            },
        )
        .unwrap();
        assert_eq!(winter.to_rfc3339(), "2021-12-01T12:00:00+00:00");
        let summer = utc(
            Date {
                year: 2021,
                month: 6,
                day: 14,
            },
            Time {
                hour: 13,
                minute: 0,
            },
        )
        .unwrap();
        assert_eq!(summer.to_rfc3339(), "2021-06-14T11:00:00+00:00");
    }

    #[test]
    fn uids_are_stable_and_readable() {
        assert_eq!(
            uid(
                "Programstyret program digital samhandling",
                MeetingNumber::new(7, 2021)
            ),
            "meeting-7-2021@programstyret-program-digital-samhandling.pds"
        );
    }
}
