//! Case numbers (`43/21`) and meeting numbers (`7/2021`).

use std::fmt;
use std::str::FromStr;

/// A case number: a sequence number within a two-digit year, written `43/21`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct CaseNumber {
    /// Two-digit year (`21`); ordered before `seq` so numbers sort by year first.
    pub yy: u8,
    pub seq: u32,
}

/// A meeting number: a sequence number within a four-digit year, written `7/2021`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct MeetingNumber {
    pub year: u16,
    pub seq: u32,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NumberError(pub String);

impl fmt::Display for NumberError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl std::error::Error for NumberError {}

/// Reads `<seq>/<year>` (or `<seq>-<year>` when `dash_ok`) with a year of
/// exactly `year_digits` digits and a sequence of at least 1.
fn parse_pair(s: &str, dash_ok: bool, year_digits: usize) -> Option<(u32, u16)> {
    let s = s.trim();
    let (a, b) = s
        .split_once('/')
        .or_else(|| if dash_ok { s.split_once('-') } else { None })?;
    let digits = |t: &str| !t.is_empty() && t.len() <= 9 && t.bytes().all(|c| c.is_ascii_digit());
    if !(digits(a) && digits(b)) || b.len() != year_digits {
        return None;
    }
    let seq: u32 = a.parse().ok()?;
    (seq >= 1).then_some((seq, b.parse().ok()?))
}

impl CaseNumber {
    pub fn new(seq: u32, yy: u8) -> Self {
        CaseNumber { yy, seq }
    }

    /// Parses `43/21` as written in files; `05/21` is `5/21`.
    pub fn parse(s: &str) -> Result<Self, NumberError> {
        Self::parse_inner(s, false)
    }

    /// Parses a command-line argument: also `43-21`.
    pub fn parse_arg(s: &str) -> Result<Self, NumberError> {
        Self::parse_inner(s, true)
    }

    fn parse_inner(s: &str, dash_ok: bool) -> Result<Self, NumberError> {
        let err = || {
            NumberError(format!(
                "`{s}` is not a case number: write <number>/<two-digit year>, like 43/21"
            ))
        };
        let (seq, yy) = parse_pair(s, dash_ok, 2).ok_or_else(err)?;
        let yy = u8::try_from(yy).map_err(|_| err())?;
        Ok(CaseNumber { yy, seq })
    }

    /// The four-digit year this number belongs to (`21` → 2021).
    pub fn year(&self) -> u16 {
        2000 + u16::from(self.yy)
    }

    /// `43-21`: the number as it appears in file and document names.
    pub fn dashed(&self) -> String {
        format!("{}-{:02}", self.seq, self.yy)
    }
}

impl fmt::Display for CaseNumber {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}/{:02}", self.seq, self.yy)
    }
}

impl FromStr for CaseNumber {
    type Err = NumberError;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        Self::parse_arg(s)
    }
}

impl MeetingNumber {
    pub fn new(seq: u32, year: u16) -> Self {
        MeetingNumber { year, seq }
    }

    pub fn parse(s: &str) -> Result<Self, NumberError> {
        Self::parse_inner(s, false)
    }

    /// Parses a command-line argument: also `7-2021`.
    pub fn parse_arg(s: &str) -> Result<Self, NumberError> {
        Self::parse_inner(s, true)
    }

    fn parse_inner(s: &str, dash_ok: bool) -> Result<Self, NumberError> {
        let err = || {
            NumberError(format!(
                "`{s}` is not a meeting number: write <number>/<four-digit year>, like 7/2021"
            ))
        };
        let (seq, year) = parse_pair(s, dash_ok, 4).ok_or_else(err)?;
        Ok(MeetingNumber { year, seq })
    }

    pub fn dashed(&self) -> String {
        format!("{}-{}", self.seq, self.year)
    }
}

impl fmt::Display for MeetingNumber {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}/{}", self.seq, self.year)
    }
}

impl FromStr for MeetingNumber {
    type Err = NumberError;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        Self::parse_arg(s)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn case_numbers_parse_and_print() {
        assert_eq!(CaseNumber::parse("43/21").unwrap(), CaseNumber::new(43, 21));
        assert_eq!(CaseNumber::parse("05/21").unwrap().to_string(), "5/21");
        assert_eq!(CaseNumber::parse(" 5/21 ").unwrap().to_string(), "5/21");
        assert_eq!(
            CaseNumber::parse_arg("43-21").unwrap(),
            CaseNumber::new(43, 21)
        );
        assert_eq!(CaseNumber::new(3, 5).to_string(), "3/05");
        assert_eq!(CaseNumber::new(5, 21).dashed(), "5-21");
    }

    #[test]
    fn bad_case_numbers_are_refused() {
        for bad in [
            "0/21",
            "43-21",
            "43/2021",
            "43",
            "/21",
            "a/21",
            "43/2x",
            "-1/21",
            "4 3/21",
            "99999999999/21",
        ] {
            assert!(CaseNumber::parse(bad).is_err(), "{bad}");
        }
    }

    #[test]
    fn meeting_numbers_parse_and_print() {
        assert_eq!(
            MeetingNumber::parse("7/2021").unwrap(),
            MeetingNumber::new(7, 2021)
        );
        assert_eq!(
            MeetingNumber::parse_arg("7-2021").unwrap().to_string(),
            "7/2021"
        );
        for bad in ["7/21", "0/2021", "7-2021", "x/2021", "7/20210"] {
            assert!(MeetingNumber::parse(bad).is_err(), "{bad}");
        }
    }

    #[test]
    fn case_numbers_order_by_year_then_sequence() {
        assert!(CaseNumber::new(40, 20) < CaseNumber::new(1, 21));
        assert!(CaseNumber::new(9, 21) < CaseNumber::new(10, 21));
    }
}
