//! `pds render invite`: the meeting as an iCalendar event, so the notice and
//! the calendar invitation come from one source.

use super::case::case;
use crate::diag::Error;
use crate::model::{Date, Meeting, MeetingNumber, MeetingStatus, Time};
use crate::render::renderer::Renderer;
use chrono::{NaiveDate, TimeZone, Utc};

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

impl Renderer<'_> {
    /// The meeting as an iCalendar event (always `.ics`, whatever `--format`).
    pub fn invite(&self, number: MeetingNumber) -> Result<String, Error> {
        let record = self.record;
        let meeting: &Meeting = record.find_meeting(number).map_err(Error::from)?;
        let l = &self.labels;
        let mut ics = Ics::default();
        ics.line("BEGIN", "VCALENDAR");
        ics.line("VERSION", "2.0");
        ics.line("PRODID", "-//pds//pds//EN");
        ics.line("CALSCALE", "GREGORIAN");
        ics.text("NAME", &record.board.name);
        ics.text("X-WR-CALNAME", &record.board.name);
        ics.line("BEGIN", "VEVENT");
        let mut description = format!("{}\n\n{}:\n", l.notice, l.agenda);
        for c in record.agenda(number) {
            let v = case(c, self.opts, l);
            description.push_str(&format!(
                "{} {} ({})\n",
                v.number,
                v.title,
                v.agenda_type.join(", ")
            ));
        }
        ics.text("DESCRIPTION", description.trim_end());
        when(&mut ics, meeting)?;
        if let Some(place) = &meeting.place {
            ics.text("LOCATION", place);
        }
        if let Some(chair) = meeting.chair.as_ref().or(record.board.chair.as_ref()) {
            ics.line(
                "ORGANIZER",
                &format!("urn:pds:person:{}", urn_name(&chair.name)),
            );
        }
        let status = match meeting.status {
            MeetingStatus::Cancelled => "CANCELLED",
            MeetingStatus::Proposed => "TENTATIVE",
            MeetingStatus::Planned | MeetingStatus::Held | MeetingStatus::Approved => "CONFIRMED",
        };
        ics.line("STATUS", status);
        ics.text(
            "SUMMARY",
            &format!("{} – {} {}", record.board.name, l.meeting, number),
        );
        ics.line("UID", &escape_text(&text(&uid(&record.board.name, number))));
        let absent: Vec<&str> = meeting
            .absent
            .iter()
            .map(|a| a.name.value.as_str())
            .collect();
        for p in record.board.members.iter().chain(meeting.invited.iter()) {
            let status = if absent.contains(&p.name.as_str()) {
                "DECLINED"
            } else {
                "NEEDS-ACTION"
            };
            ics.line(
                &format!(
                    "ATTENDEE;CN={};PARTSTAT={status};ROLE=REQ-PARTICIPANT",
                    param(&p.label())
                ),
                &format!("urn:pds:person:{}", urn_name(&p.name)),
            );
        }
        ics.line("END", "VEVENT");
        ics.line("END", "VCALENDAR");
        Ok(ics.out)
    }
}

/// DTEND, DTSTAMP and DTSTART, in that order: the meeting's time in UTC,
/// or its date alone.
fn when(ics: &mut Ics, meeting: &Meeting) -> Result<(), Error> {
    let stamp = |t: chrono::DateTime<Utc>| t.format("%Y%m%dT%H%M%SZ").to_string();
    let start = match meeting.time {
        Some(span) => {
            let start = utc(meeting.date.value, span.start)
                .ok_or_else(|| Error::Render("the meeting's time does not exist in Oslo".into()))?;
            if let Some(end) = span.end.and_then(|e| utc(meeting.date.value, e)) {
                ics.line("DTEND", &stamp(end));
            }
            ("DTSTART", stamp(start))
        }
        None => {
            let d = NaiveDate::from_ymd_opt(
                i32::from(meeting.date.year),
                u32::from(meeting.date.month),
                u32::from(meeting.date.day),
            )
            .ok_or_else(|| Error::Render("the meeting's date does not exist".into()))?;
            ("DTSTART;VALUE=DATE", d.format("%Y%m%d").to_string())
        }
    };
    // DTSTAMP is the meeting's date at midnight UTC, not the time of rendering,
    // so that rendering twice gives the same bytes.
    if let Some(t) = utc(meeting.date.value, Time { hour: 0, minute: 0 }) {
        ics.line("DTSTAMP", &stamp(t));
    }
    ics.line(start.0, &start.1);
    Ok(())
}

/// An iCalendar stream being written: content lines ended by CRLF and
/// folded at 75 octets (RFC 5545 §3.1), in one pass.
#[derive(Default)]
struct Ics {
    out: String,
}

impl Ics {
    /// A content line whose value pds made (a date, a slug, a keyword).
    fn line(&mut self, name: &str, value: &str) {
        let line = format!("{name}:{value}");
        fold(&line, &mut self.out);
    }

    /// A content line whose value is TEXT from the record, escaped.
    fn text(&mut self, name: &str, value: &str) {
        self.line(name, &escape_text(&text(value)));
    }
}

/// Appends `line` folded: at most 75 octets a line, never inside a
/// character, each continuation line starting with a space.
fn fold(line: &str, out: &mut String) {
    let mut rest = line;
    let mut limit = 75;
    loop {
        if rest.len() <= limit {
            out.push_str(rest);
            out.push_str("\r\n");
            return;
        }
        let mut cut = limit;
        while !rest.is_char_boundary(cut) {
            cut -= 1;
        }
        let (head, tail) = rest.split_at(cut);
        out.push_str(head);
        out.push_str("\r\n ");
        rest = tail;
        limit = 74;
    }
}

/// A TEXT value (RFC 5545 §3.3.11) made plain before it is escaped: every
/// line break (CR, LF, CRLF, NEL, U+2028/9) becomes one LF, which
/// `escape_text` writes as `\n`; a tab becomes a space and every other control character
/// is dropped, since TEXT allows none and a bare CR ends a content line in
/// many readers.
fn text(value: &str) -> String {
    let mut out = String::with_capacity(value.len());
    let mut chars = value.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '\r' => {
                chars.next_if_eq(&'\n');
                out.push('\n');
            }
            '\n' | '\u{85}' | '\u{2028}' | '\u{2029}' => out.push('\n'),
            '\t' => out.push(' '),
            c if c.is_control() => {}
            c => out.push(c),
        }
    }
    out
}

/// RFC 5545 §3.3.11 escaping of a TEXT value.
fn escape_text(value: &str) -> String {
    let mut out = String::with_capacity(value.len());
    for c in value.chars() {
        match c {
            '\\' => out.push_str("\\\\"),
            ';' => out.push_str("\\;"),
            ',' => out.push_str("\\,"),
            '\n' => out.push_str("\\n"),
            c => out.push(c),
        }
    }
    out
}

/// A parameter value (RFC 5545 §3.2): no control characters (line breaks
/// become spaces) and no `"`, which a quoted parameter value cannot hold;
/// quoted when it holds `:`, `;` or `,`.
fn param(value: &str) -> String {
    let plain: String = text(value)
        .chars()
        .map(|c| match c {
            '\n' => ' ',
            '"' => '\'',
            c => c,
        })
        .collect();
    match plain.contains([':', ';', ',']) {
        true => format!("\"{plain}\""),
        false => plain,
    }
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
    fn lines_fold_at_75_octets_between_characters_in_one_pass() {
        let mut out = String::new();
        let long = format!("DESCRIPTION:{}", "ø".repeat(100_000));
        let started = std::time::Instant::now();
        fold(&long, &mut out);
        assert!(
            started.elapsed().as_millis() < 500,
            "{:?}",
            started.elapsed()
        );
        let lines: Vec<&str> = out.trim_end_matches("\r\n").split("\r\n").collect();
        assert!(lines.iter().all(|l| l.len() <= 75), "{out}");
        assert_eq!(lines.iter().filter(|l| l.len() < 74).count(), 1);
        let unfolded: String = lines
            .iter()
            .enumerate()
            .map(|(i, l)| if i == 0 { *l } else { &l[1..] })
            .collect();
        assert_eq!(unfolded, long);
    }

    #[test]
    fn text_and_parameters_hold_no_line_break_or_control_character() {
        assert_eq!(
            escape_text(&text("a\r\nb\rc\nd\u{85}e\u{2028}f\u{7}g\th;i,j\\k")),
            r"a\nb\nc\nd\ne\nfg h\;i\,j\\k"
        );
        assert_eq!(param("Ola\r\nX:\"y\""), "\"Ola X:'y'\"");
        assert_eq!(param("Kari"), "Kari");
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
