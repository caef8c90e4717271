//! The case-number sequence of each number year: duplicates, gaps and order.
//!
//! Pure: it takes numbers and meeting positions and returns problems by index,
//! so it can be tested against a naive oracle.

use crate::model::CaseNumber;
use std::collections::{BTreeMap, BTreeSet};

/// One numbered case as the sequence check sees it.
#[derive(Debug, Clone, Copy)]
pub struct Entry<K: Ord + Copy> {
    pub number: CaseNumber,
    /// The case's meeting, as a key that orders meetings (date, then number);
    /// `None` when the case has no known meeting.
    pub meeting: Option<K>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Problem {
    /// Entries (indices, in input order) sharing one number.
    Duplicate(CaseNumber, Vec<usize>),
    /// A number nobody carries, and the index of the entry carrying the next number above it.
    Gap(CaseNumber, usize),
    /// Entry `0` belongs to a later meeting than entry `1` but has a lower number.
    Order(usize, usize),
}

/// Finds every sequence problem. `reserved` numbers (from files that did not
/// load) count as present for gaps.
pub fn check<K: Ord + Copy>(entries: &[Entry<K>], reserved: &BTreeSet<CaseNumber>) -> Vec<Problem> {
    let mut problems = Vec::new();
    let mut by_number: BTreeMap<CaseNumber, Vec<usize>> = BTreeMap::new();
    for (i, e) in entries.iter().enumerate() {
        by_number.entry(e.number).or_default().push(i);
    }
    for (number, idx) in &by_number {
        if idx.len() > 1 {
            problems.push(Problem::Duplicate(*number, idx.clone()));
        }
    }

    // Gaps, per two-digit year.
    let mut years: BTreeMap<u8, Vec<CaseNumber>> = BTreeMap::new();
    for n in by_number.keys().chain(reserved.iter()) {
        years.entry(n.yy).or_default().push(*n);
    }
    for (yy, numbers) in years {
        let present: BTreeSet<u32> = numbers.iter().map(|n| n.seq).collect();
        let max = present.iter().next_back().copied().unwrap_or(0);
        for seq in 1..max {
            if present.contains(&seq) {
                continue;
            }
            let missing = CaseNumber::new(seq, yy);
            // The first carried number above the gap is where we report it.
            let next = by_number
                .range(missing..)
                .find(|(n, _)| n.yy == yy)
                .and_then(|(_, idx)| idx.first().copied());
            if let Some(next) = next {
                problems.push(Problem::Gap(missing, next));
            }
        }
    }

    // Order: within a number year, meeting by meeting.
    let duplicated: BTreeSet<CaseNumber> = by_number
        .iter()
        .filter(|(_, idx)| idx.len() > 1)
        .map(|(n, _)| *n)
        .collect();
    let mut per_year: BTreeMap<u8, BTreeMap<K, Vec<usize>>> = BTreeMap::new();
    for (i, e) in entries.iter().enumerate() {
        if let Some(m) = e.meeting {
            per_year
                .entry(e.number.yy)
                .or_default()
                .entry(m)
                .or_default()
                .push(i);
        }
    }
    for meetings in per_year.values() {
        // Highest number seen in earlier meetings, and who carries it.
        let mut highest: Option<(CaseNumber, usize)> = None;
        for idx in meetings.values() {
            for &i in idx {
                let Some(e) = entries.get(i) else { continue };
                if duplicated.contains(&e.number) {
                    continue;
                }
                if let Some((max, who)) = highest {
                    if e.number < max {
                        problems.push(Problem::Order(i, who));
                    }
                }
            }
            for &i in idx {
                if let Some(e) = entries.get(i) {
                    if highest.is_none_or(|(max, _)| e.number > max) {
                        highest = Some((e.number, i));
                    }
                }
            }
        }
    }
    problems
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn entry(seq: u32, meeting: u32) -> Entry<u32> {
        Entry {
            number: CaseNumber::new(seq, 21),
            meeting: Some(meeting),
        }
    }

    #[test]
    fn the_seeds_errors_are_found() {
        // Meeting 1: 1..7 with 5 twice; meeting 2: 9..16 (8 never used);
        // meeting 3: 17..22; meeting 4: 22..27.
        let mut entries = Vec::new();
        for s in [1, 2, 3, 4, 5, 5, 6, 7] {
            entries.push(entry(s, 1));
        }
        for s in 9..=16 {
            entries.push(entry(s, 2));
        }
        for s in 17..=22 {
            entries.push(entry(s, 3));
        }
        for s in 22..=27 {
            entries.push(entry(s, 4));
        }
        let problems = check(&entries, &BTreeSet::new());
        assert_eq!(
            problems,
            vec![
                Problem::Duplicate(CaseNumber::new(5, 21), vec![4, 5]),
                Problem::Duplicate(CaseNumber::new(22, 21), vec![21, 22]),
                Problem::Gap(CaseNumber::new(8, 21), 8),
            ]
        );
    }

    #[test]
    fn a_lower_number_in_a_later_meeting_is_out_of_order() {
        let entries = [entry(1, 1), entry(3, 1), entry(2, 2), entry(4, 2)];
        assert_eq!(
            check(&entries, &BTreeSet::new()),
            vec![Problem::Order(2, 1)]
        );
    }

    #[test]
    fn a_number_reserved_by_a_broken_file_is_no_gap() {
        let entries = [entry(1, 1), entry(3, 1)];
        let reserved = BTreeSet::from([CaseNumber::new(2, 21)]);
        assert!(check(&entries, &reserved).is_empty());
        assert_eq!(
            check(&entries, &BTreeSet::new()),
            vec![Problem::Gap(CaseNumber::new(2, 21), 1)]
        );
    }

    #[test]
    fn years_are_separate_sequences() {
        let entries = [
            Entry {
                number: CaseNumber::new(1, 21),
                meeting: Some(2),
            },
            Entry {
                number: CaseNumber::new(2, 21),
                meeting: Some(3),
            },
            Entry {
                number: CaseNumber::new(1, 22),
                meeting: Some(4),
            },
        ];
        assert!(check(&entries, &BTreeSet::new()).is_empty());
    }

    /// The obvious, quadratic reading of the rules.
    fn oracle(
        entries: &[Entry<u32>],
    ) -> (BTreeSet<CaseNumber>, BTreeSet<CaseNumber>, BTreeSet<usize>) {
        let count = |n: CaseNumber| entries.iter().filter(|e| e.number == n).count();
        let dups = entries
            .iter()
            .map(|e| e.number)
            .filter(|&n| count(n) > 1)
            .collect();
        let mut gaps = BTreeSet::new();
        for e in entries {
            for seq in 1..e.number.seq {
                let n = CaseNumber::new(seq, e.number.yy);
                if count(n) == 0 {
                    gaps.insert(n);
                }
            }
        }
        let mut order = BTreeSet::new();
        for (i, b) in entries.iter().enumerate() {
            if count(b.number) > 1 {
                continue;
            }
            for a in entries {
                if a.number.yy == b.number.yy
                    && a.meeting.is_some()
                    && b.meeting.is_some()
                    && a.meeting < b.meeting
                    && b.number < a.number
                {
                    order.insert(i);
                }
            }
        }
        (dups, gaps, order)
    }

    proptest! {
        #[test]
        fn agrees_with_the_naive_oracle(raw in prop::collection::vec((1u32..30, 20u8..23, prop::option::of(0u32..6)), 0..40)) {
            let entries: Vec<Entry<u32>> = raw
                .iter()
                .map(|&(seq, yy, m)| Entry { number: CaseNumber::new(seq, yy), meeting: m })
                .collect();
            let problems = check(&entries, &BTreeSet::new());
            let mut dups = BTreeSet::new();
            let mut gaps = BTreeSet::new();
            let mut order = BTreeSet::new();
            for p in &problems {
                match p {
                    Problem::Duplicate(n, idx) => {
                        prop_assert!(idx.iter().all(|&i| entries[i].number == *n));
                        dups.insert(*n);
                    }
                    Problem::Gap(n, next) => {
                        prop_assert!(entries[*next].number > *n);
                        gaps.insert(*n);
                    }
                    Problem::Order(late, early) => {
                        prop_assert!(entries[*late].number < entries[*early].number);
                        prop_assert!(entries[*late].meeting > entries[*early].meeting);
                        prop_assert!(order.insert(*late), "reported twice");
                    }
                }
            }
            prop_assert_eq!((dups, gaps, order), oracle(&entries));
        }
    }
}
