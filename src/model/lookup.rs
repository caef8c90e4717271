//! Finding a meeting or case by number, and what to tell when the record
//! does not hold it: "no meeting 9/2021 in the record; did you mean 8/2021?"

use super::{Case, CaseNumber, Meeting, MeetingNumber, Record};
use std::collections::BTreeSet;

/// A number the record holds no meeting or case for, with what it does hold.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum NotFound {
    Meeting {
        number: MeetingNumber,
        /// The meeting probably meant (see `nearest_meeting`).
        nearest: Option<MeetingNumber>,
        /// Every meeting of the record, in the record's order.
        known: Vec<MeetingNumber>,
    },
    Case {
        number: CaseNumber,
        /// The closest numbered case, if the record has any.
        nearest: Option<CaseNumber>,
    },
}

impl std::fmt::Display for NotFound {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            NotFound::Meeting {
                number, nearest, ..
            } if nearest.is_some() => {
                let c = nearest.map(|c| c.to_string()).unwrap_or_default();
                write!(f, "no meeting {number} in the record; did you mean {c}?")
            }
            NotFound::Meeting { number, known, .. } if known.is_empty() => {
                write!(f, "no meeting {number} in the record; it has no meetings")
            }
            NotFound::Meeting { number, known, .. } => {
                let all: Vec<String> = known.iter().map(ToString::to_string).collect();
                write!(
                    f,
                    "no meeting {number} in the record; its meetings are {}",
                    all.join(", ")
                )
            }
            NotFound::Case {
                number,
                nearest: Some(c),
            } => write!(f, "no case {number} in the record; did you mean {c}?"),
            NotFound::Case {
                number,
                nearest: None,
            } => write!(
                f,
                "no case {number} in the record; it has no numbered cases"
            ),
        }
    }
}

impl std::error::Error for NotFound {}

impl From<NotFound> for crate::diag::Error {
    fn from(e: NotFound) -> Self {
        crate::diag::Error::NotFound(e.to_string())
    }
}

impl Record {
    /// The meeting numbered `number`, or what the record holds instead.
    pub fn find_meeting(&self, number: MeetingNumber) -> Result<&Meeting, NotFound> {
        self.meeting(number).ok_or_else(|| {
            let known: Vec<MeetingNumber> = self.meetings.iter().map(|k| k.number.value).collect();
            NotFound::Meeting {
                number,
                nearest: nearest_meeting(number, known.iter().copied()),
                known,
            }
        })
    }

    /// The (first) case numbered `number`, or the closest number the record holds.
    pub fn find_case(&self, number: CaseNumber) -> Result<&Case, NotFound> {
        self.cases_numbered(number).next().ok_or_else(|| {
            let known: BTreeSet<CaseNumber> =
                self.cases.iter().filter_map(Case::number_value).collect();
            let nearest = known
                .iter()
                .min_by_key(|k| {
                    (
                        u32::from(k.yy.abs_diff(number.yy)) * 10_000 + k.seq.abs_diff(number.seq),
                        k.seq,
                    )
                })
                .copied();
            NotFound::Case { number, nearest }
        })
    }
}

/// The meeting of `given`'s year whose number is closest to it, when one is
/// closer than all others: for an unknown 9/2021, 8/2021.
pub fn nearest_meeting(
    given: MeetingNumber,
    known: impl IntoIterator<Item = MeetingNumber>,
) -> Option<MeetingNumber> {
    let same_year: BTreeSet<MeetingNumber> = known
        .into_iter()
        .filter(|m| m.year == given.year && *m != given)
        .collect();
    let distance = |m: &MeetingNumber| m.seq.abs_diff(given.seq);
    let best = same_year.iter().map(distance).min()?;
    let mut closest = same_year.iter().filter(|m| distance(m) == best);
    match (closest.next(), closest.next()) {
        (Some(m), None) => Some(*m),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_nearest_meeting_is_the_closest_number_of_the_year() {
        let known = [1, 2, 3, 4, 5, 6, 7, 8].map(|s| MeetingNumber::new(s, 2021));
        let m = |s| MeetingNumber::new(s, 2021);
        assert_eq!(nearest_meeting(m(9), known), Some(m(8)));
        assert_eq!(nearest_meeting(m(12), known), Some(m(8)));
        assert_eq!(nearest_meeting(MeetingNumber::new(9, 2022), known), None);
        // Halfway between two meetings, neither is the one meant.
        assert_eq!(nearest_meeting(m(3), [m(2), m(4)]), None);
    }
}
