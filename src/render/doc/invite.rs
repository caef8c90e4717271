//! `pds render invite`: the meeting as an iCalendar event (RFC 5545), so the
//! notice and the calendar invitation come from one source.
//!
//! Times are the board's local time with `TZID` (pds.yaml `timezone`,
//! Europe/Oslo by default) and the zone's rules as a VTIMEZONE; a meeting
//! without a time is an all-day event (DTEND the next day). People are
//! ORGANIZER and ATTENDEE as `mailto:` where pds.yaml gives their `email`;
//! without one a person is no ATTENDEE (a cal-address is a URI a calendar
//! must be able to reach, and a made-up one would only bounce) but is named
//! in the description's list of invitees. SEQUENCE is given by the caller
//! (how often the meeting's date, time, place or STATUS changed in git).

use super::case::case;
use crate::diag::Error;
use crate::model::timezone::Zone;
use crate::model::{Date, Meeting, MeetingNumber, MeetingStatus, Person, Time};
use crate::render::renderer::Renderer;
use chrono::{NaiveDate, NaiveDateTime, TimeZone};

/// The event's STATUS from the meeting's life (held and approved are
/// CONFIRMED like planned); a change of it makes a new SEQUENCE.
pub fn status(status: MeetingStatus) -> &'static str {
    match status {
        MeetingStatus::Cancelled => "CANCELLED",
        MeetingStatus::Proposed => "TENTATIVE",
        MeetingStatus::Planned | MeetingStatus::Held | MeetingStatus::Approved => "CONFIRMED",
    }
}

/// A stable identifier: the same meeting always gets the same UID.
fn uid(board: &str, number: MeetingNumber) -> String {
    let slug = crate::model::slug::slug(board, 200);
    format!("meeting-{}@{slug}.pds", number.dashed())
}

fn naive_date(date: Date) -> Option<NaiveDate> {
    NaiveDate::from_ymd_opt(
        i32::from(date.year),
        u32::from(date.month),
        u32::from(date.day),
    )
}

/// The local date and time, if the zone's clocks show it that day (not in
/// the hour skipped when summer time begins).
fn local(zone: Zone, date: Date, time: Time) -> Option<NaiveDateTime> {
    let naive = naive_date(date)?.and_hms_opt(u32::from(time.hour), u32::from(time.minute), 0)?;
    let tz: chrono_tz::Tz = zone.name.parse().ok()?;
    tz.from_local_datetime(&naive).earliest().map(|_| naive)
}

impl Renderer<'_> {
    /// The meeting as an iCalendar event (always `.ics`, whatever
    /// `--format`); `sequence` is its SEQUENCE (0 for a first version).
    pub fn invite(&self, number: MeetingNumber, sequence: u32) -> Result<String, Error> {
        let record = self.record;
        let meeting: &Meeting = record.find_meeting(number).map_err(Error::from)?;
        let zone = Zone::find(record.board.timezone()).ok_or_else(|| {
            Error::Render(format!(
                "pds.yaml's timezone `{}` is not one pds can describe in an invitation: see `pds check`",
                record.board.timezone()
            ))
        })?;
        if meeting.time_unreadable {
            return Err(Error::Render(format!(
                "meeting {number}'s `time` in {} is not a time span, and an invitation without it would be an all-day event: see `pds check`",
                meeting.file.name()
            )));
        }
        let l = &self.labels;
        let mut ics = Ics::default();
        ics.line("BEGIN", "VCALENDAR");
        ics.line("VERSION", "2.0");
        ics.line(
            "PRODID",
            &format!(
                "-//pds//pds {}//{}",
                env!("CARGO_PKG_VERSION"),
                l.lang.to_uppercase()
            ),
        );
        ics.line("CALSCALE", "GREGORIAN");
        ics.text("NAME", &record.board.name);
        ics.text("X-WR-CALNAME", &record.board.name);
        if meeting.time.is_some() {
            vtimezone(&mut ics, zone);
        }
        ics.line("BEGIN", "VEVENT");
        ics.line("UID", &escape_text(&text(&uid(&record.board.name, number))));
        ics.line("SEQUENCE", &sequence.to_string());
        when(&mut ics, meeting, zone)?;
        ics.text(
            "SUMMARY",
            &format!("{} – {} {}", record.board.name, l.meeting, number),
        );
        if let Some(place) = &meeting.place {
            ics.text("LOCATION", place);
        }
        ics.line("STATUS", status(meeting.status));
        let invitees: Vec<&Person> = record
            .board
            .members
            .iter()
            .chain(meeting.invited.iter())
            .collect();
        let mut description = match meeting.status {
            MeetingStatus::Cancelled => format!("{} – {}\n\n", l.notice, l.cancelled),
            MeetingStatus::Proposed => format!("{} – {}\n\n", l.notice, l.proposed),
            _ => format!("{}\n\n", l.notice),
        };
        description.push_str(&format!("{}:\n", l.to));
        for p in &invitees {
            description.push_str(&format!("{}\n", p.label()));
        }
        // No agenda heading over nothing (a cancelled meeting's cases moved on).
        let agenda = record.agenda(number);
        if !agenda.is_empty() {
            description.push_str(&format!("\n{}:\n", l.agenda));
        }
        for c in agenda {
            let v = case(c, self.opts, l);
            // A case without a type (Eventuelt) gets no empty "()".
            let kind = match v.agenda_type.join(", ") {
                k if k.is_empty() => k,
                k => format!(" ({k})"),
            };
            description.push_str(&format!("{} {}{kind}\n", v.number, v.title));
        }
        ics.text("DESCRIPTION", description.trim_end());
        let chair = meeting.chair.as_ref().or(record.board.chair.as_ref());
        if let Some((chair, email)) = chair.and_then(|p| Some((p, p.email.as_deref()?))) {
            ics.line(
                &format!("ORGANIZER;CN={}", param(&chair.label())),
                &format!("mailto:{email}"),
            );
        }
        let absent: Vec<&str> = meeting
            .absent
            .iter()
            .map(|a| a.name.value.as_str())
            .collect();
        for p in invitees {
            let Some(email) = &p.email else {
                continue;
            };
            let status = if absent.contains(&p.name.as_str()) {
                "DECLINED"
            } else {
                "NEEDS-ACTION"
            };
            ics.line(
                &format!(
                    "ATTENDEE;CN={};PARTSTAT={status};ROLE=REQ-PARTICIPANT;RSVP=TRUE",
                    param(&p.label())
                ),
                &format!("mailto:{email}"),
            );
        }
        ics.line("END", "VEVENT");
        ics.line("END", "VCALENDAR");
        Ok(ics.out)
    }
}

/// `+0100`: an offset of whole hours.
fn offset(hours: i8) -> String {
    let sign = if hours < 0 { '-' } else { '+' };
    format!("{sign}{:02}00", hours.unsigned_abs())
}

/// The zone's VTIMEZONE: for a zone with summer time, the EU rule (summer
/// time from the last Sunday of March to the last Sunday of October, both
/// changes at 01:00 UTC, in force since 1996), written from the zone's
/// standard offset; a zone without summer time needs none (times are UTC).
fn vtimezone(ics: &mut Ics, zone: Zone) {
    let Some(summer) = zone.summer else {
        return;
    };
    let (standard, daylight) = (offset(zone.offset), offset(zone.offset + 1));
    ics.line("BEGIN", "VTIMEZONE");
    ics.line("TZID", zone.name);
    ics.line("BEGIN", "DAYLIGHT");
    ics.line("TZOFFSETFROM", &standard);
    ics.line("TZOFFSETTO", &daylight);
    ics.line("TZNAME", summer);
    // 01:00 UTC in local standard time, the first last-Sunday-of-March of the rule.
    ics.line("DTSTART", &format!("19960331T{:02}0000", 1 + zone.offset));
    ics.line("RRULE", "FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU");
    ics.line("END", "DAYLIGHT");
    ics.line("BEGIN", "STANDARD");
    ics.line("TZOFFSETFROM", &daylight);
    ics.line("TZOFFSETTO", &standard);
    ics.line("TZNAME", zone.standard);
    // 01:00 UTC in local summer time.
    ics.line("DTSTART", &format!("19961027T{:02}0000", 2 + zone.offset));
    ics.line("RRULE", "FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU");
    ics.line("END", "STANDARD");
    ics.line("END", "VTIMEZONE");
}

/// DTSTAMP, DTSTART and DTEND: the meeting's local time in its zone (in UTC
/// for `UTC`), or its date alone as an all-day event ending the next day.
fn when(ics: &mut Ics, meeting: &Meeting, zone: Zone) -> Result<(), Error> {
    let date = meeting.date.value;
    let day = naive_date(date)
        .ok_or_else(|| Error::Render("the meeting's date does not exist".into()))?;
    // DTSTAMP is the meeting's date at midnight UTC, not the time of rendering,
    // so that rendering twice gives the same bytes.
    ics.line("DTSTAMP", &day.format("%Y%m%dT000000Z").to_string());
    let Some(span) = meeting.time else {
        let next = day
            .succ_opt()
            .ok_or_else(|| Error::Render("the meeting's date has no next day".into()))?;
        ics.line("DTSTART;VALUE=DATE", &day.format("%Y%m%d").to_string());
        ics.line("DTEND;VALUE=DATE", &next.format("%Y%m%d").to_string());
        return Ok(());
    };
    let at = &meeting.number.at;
    let stamp = |time: Time| {
        local(zone, date, time).ok_or_else(|| {
            Error::Render(format!(
                "{}:{}: meeting {} is at {date} {:02}:{:02}, a time that does not exist in {} (the clocks skip that hour when summer time begins): give it another time",
                at.file.name(),
                at.line(),
                meeting.number.value,
                time.hour,
                time.minute,
                zone.name
            ))
        })
    };
    let (name, suffix) = match zone.summer {
        Some(_) => (format!(";TZID={}", zone.name), ""),
        None => (String::new(), "Z"),
    };
    let start = stamp(span.start)?;
    ics.line(
        &format!("DTSTART{name}"),
        &format!("{}{suffix}", start.format("%Y%m%dT%H%M%S")),
    );
    if let Some(end) = span.end {
        let end = stamp(end)?;
        ics.line(
            &format!("DTEND{name}"),
            &format!("{}{suffix}", end.format("%Y%m%dT%H%M%S")),
        );
    }
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

#[cfg(test)]
mod tests {
    use super::*;

    /// The VTIMEZONE's rule agrees with the time zone database for every
    /// zone pds writes, every day of 1996–2040 around the change hour and at noon.
    #[test]
    fn the_written_rules_agree_with_the_zone_database() {
        use chrono::{Datelike, Offset, Weekday};
        let last_sunday_1am = |year: i32, month: u32| {
            let mut d = NaiveDate::from_ymd_opt(year, month + 1, 1)
                .unwrap()
                .pred_opt()
                .unwrap();
            while d.weekday() != Weekday::Sun {
                d = d.pred_opt().unwrap();
            }
            d.and_hms_opt(1, 0, 0).unwrap()
        };
        for zone in crate::model::timezone::ZONES {
            let tz: chrono_tz::Tz = zone.name.parse().unwrap();
            let mut day = NaiveDate::from_ymd_opt(1996, 1, 1).unwrap();
            while day.year() <= 2040 {
                let (start, end) = (
                    last_sunday_1am(day.year(), 3),
                    last_sunday_1am(day.year(), 10),
                );
                for (hour, minute) in [(0, 59), (1, 0), (12, 0)] {
                    let utc = day.and_hms_opt(hour, minute, 0).unwrap();
                    let db = tz.offset_from_utc_datetime(&utc).fix().local_minus_utc();
                    let summer = zone.summer.is_some() && start <= utc && utc < end;
                    let rule = (i32::from(zone.offset) + i32::from(summer)) * 3600;
                    assert_eq!(db, rule, "{} at {utc} UTC", zone.name);
                }
                day = day.succ_opt().unwrap();
            }
        }
    }

    #[test]
    fn a_time_the_clocks_skip_is_refused() {
        let oslo = Zone::find("Europe/Oslo").unwrap();
        let spring = Date {
            year: 2021,
            month: 3,
            day: 28,
        };
        assert!(local(
            oslo,
            spring,
            Time {
                hour: 2,
                minute: 30
            }
        )
        .is_none());
        assert!(local(
            oslo,
            spring,
            Time {
                hour: 3,
                minute: 30
            }
        )
        .is_some());
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
