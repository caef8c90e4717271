//! Calendar dates (`2021-12-01`) and time spans (`13:00-15:00`), without a clock.

use std::fmt;

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Date {
    pub year: u16,
    pub month: u8,
    pub day: u8,
}

impl Date {
    /// Parses an ISO date, `2021-12-01`, refusing days that do not exist.
    pub fn parse(s: &str) -> Option<Date> {
        let s = s.trim();
        let mut parts = s.splitn(3, '-');
        let (y, m, d) = (parts.next()?, parts.next()?, parts.next()?);
        if y.len() != 4 || m.len() != 2 || d.len() != 2 {
            return None;
        }
        let all_digits = |t: &str| t.bytes().all(|c| c.is_ascii_digit());
        if !(all_digits(y) && all_digits(m) && all_digits(d)) {
            return None;
        }
        let date = Date {
            year: y.parse().ok()?,
            month: m.parse().ok()?,
            day: d.parse().ok()?,
        };
        (date.month >= 1 && date.month <= 12 && date.day >= 1 && date.day <= date.days_in_month())
            .then_some(date)
    }

    fn days_in_month(&self) -> u8 {
        match self.month {
            1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
            4 | 6 | 9 | 11 => 30,
            _ if self.year.is_multiple_of(4)
                && (!self.year.is_multiple_of(100) || self.year.is_multiple_of(400)) =>
            {
                29
            }
            _ => 28,
        }
    }

    /// 1–4.
    pub fn quarter(&self) -> u8 {
        (self.month - 1) / 3 + 1
    }

    /// `01.12.2021`, the Norwegian form.
    pub fn nb(&self) -> String {
        format!("{:02}.{:02}.{}", self.day, self.month, self.year)
    }

    /// Days since 1970-01-01 (for the calendar invite's weekday and sorting).
    pub fn days_since_epoch(&self) -> i64 {
        // Howard Hinnant's days_from_civil.
        let y = i64::from(self.year) - i64::from(self.month <= 2);
        let era = y.div_euclid(400);
        let yoe = y - era * 400;
        let m = i64::from(self.month);
        let doy = (153 * (if m > 2 { m - 3 } else { m + 9 }) + 2) / 5 + i64::from(self.day) - 1;
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
        era * 146_097 + doe - 719_468
    }
}

impl fmt::Display for Date {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:04}-{:02}-{:02}", self.year, self.month, self.day)
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub struct Time {
    pub hour: u8,
    pub minute: u8,
}

impl Time {
    pub fn parse(s: &str) -> Option<Time> {
        let (h, m) = s.trim().split_once([':', '.'])?;
        if h.is_empty() || h.len() > 2 || m.len() != 2 {
            return None;
        }
        let hour: u8 = h.parse().ok()?;
        let minute: u8 = m.parse().ok()?;
        (hour < 24 && minute < 60).then_some(Time { hour, minute })
    }
}

/// A meeting's time: `13:00-15:00`, or only a start, `13:00`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct TimeSpan {
    pub start: Time,
    pub end: Option<Time>,
}

impl TimeSpan {
    pub fn parse(s: &str) -> Option<TimeSpan> {
        let s = s.trim();
        match s.split_once(['-', '–']) {
            Some((a, b)) => {
                let span = TimeSpan {
                    start: Time::parse(a)?,
                    end: Some(Time::parse(b)?),
                };
                (span.end > Some(span.start)).then_some(span)
            }
            None => Some(TimeSpan {
                start: Time::parse(s)?,
                end: None,
            }),
        }
    }

    /// `kl. 13.00 – 15.00`
    pub fn nb(&self) -> String {
        let t = |t: Time| format!("{:02}.{:02}", t.hour, t.minute);
        match self.end {
            Some(end) => format!("kl. {} – {}", t(self.start), t(end)),
            None => format!("kl. {}", t(self.start)),
        }
    }

    /// `13:00 – 15:00`
    pub fn en(&self) -> String {
        let t = |t: Time| format!("{:02}:{:02}", t.hour, t.minute);
        match self.end {
            Some(end) => format!("{} – {}", t(self.start), t(end)),
            None => t(self.start),
        }
    }
}

impl fmt::Display for TimeSpan {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let t = |t: Time| format!("{:02}:{:02}", t.hour, t.minute);
        match self.end {
            Some(end) => write!(f, "{}-{}", t(self.start), t(end)),
            None => f.write_str(&t(self.start)),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_parse_and_print_in_norwegian() {
        let d = Date::parse("2021-12-01").unwrap();
        assert_eq!(d.nb(), "01.12.2021");
        assert_eq!(d.to_string(), "2021-12-01");
        assert_eq!(d.quarter(), 4);
        assert_eq!(Date::parse("2021-02-12").unwrap().quarter(), 1);
        assert!(Date::parse("2021-02-29").is_none());
        assert!(Date::parse("2020-02-29").is_some());
        assert!(Date::parse("2021-13-01").is_none());
        assert!(Date::parse("01.12.2021").is_none());
        assert_eq!(Date::parse("1970-01-02").unwrap().days_since_epoch(), 1);
    }

    #[test]
    fn time_spans_print_as_the_notice_does() {
        let t = TimeSpan::parse("13:00-15:00").unwrap();
        assert_eq!(t.nb(), "kl. 13.00 – 15.00");
        assert_eq!(t.to_string(), "13:00-15:00");
        assert_eq!(TimeSpan::parse("10:00").unwrap().nb(), "kl. 10.00");
        assert!(TimeSpan::parse("15:00-13:00").is_none());
        assert!(TimeSpan::parse("25:00").is_none());
    }
}
