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
    /// A run of more than `LONGEST_GAP_LISTED` numbers nobody carries (first
    /// and last), and the index of the entry carrying the next number above.
    Gaps(CaseNumber, CaseNumber, usize),
    /// Entry `0` belongs to a later meeting than entry `1` but has a lower number.
    Order(usize, usize),
}

/// A run of up to this many missing numbers gives a finding per number (each
/// can be acknowledged); a longer run, one finding. One typo (`4000000/21`)
/// would otherwise make millions of findings, and as many seconds and
/// gigabytes.
pub const LONGEST_GAP_LISTED: u32 = 50;

/// The runs of numbers from 1 up to the highest of `present` that `present`
/// lacks, as (first, last): in time and memory by the numbers present, not
/// by how high they go.
pub fn missing_runs(present: &BTreeSet<u32>) -> Vec<(u32, u32)> {
    let mut runs = Vec::new();
    let mut expected = 1u32;
    for &n in present {
        if n > expected {
            runs.push((expected, n - 1));
        }
        expected = expected.max(n.saturating_add(1));
    }
    runs
}

/// Finds every sequence problem. `reserved` numbers (from files that did not
/// load) count as present for gaps.
pub fn check<K: Ord + Copy>(entries: &[Entry<K>], reserved: &BTreeSet<CaseNumber>) -> Vec<Problem> {
    let mut problems = Vec::new();
    // The entries' indices by number (a stable sort: input order among
    // equal numbers), and the runs of one number in it: 100,000 cases make
    // one list, not a list each.
    let mut by_number: Vec<usize> = (0..entries.len()).collect();
    by_number.sort_by_key(|&i| entries.get(i).map(|e| e.number));
    let number_of = |i: usize| entries.get(i).map(|e| e.number);
    let runs: Vec<&[usize]> = by_number
        .chunk_by(|&a, &b| number_of(a) == number_of(b))
        .collect();
    let mut duplicated = BTreeSet::new();
    for run in &runs {
        if let (Some(&first), true) = (run.first(), run.len() > 1) {
            if let Some(number) = number_of(first) {
                problems.push(Problem::Duplicate(number, run.to_vec()));
                duplicated.insert(number);
            }
        }
    }
    // The numbers carried, in order, each with its first carrier.
    let carried: Vec<(CaseNumber, usize)> = runs
        .iter()
        .filter_map(|run| {
            let &first = run.first()?;
            Some((number_of(first)?, first))
        })
        .collect();

    // Gaps, per two-digit year.
    let mut years: BTreeMap<u8, BTreeSet<u32>> = BTreeMap::new();
    for n in carried.iter().map(|(n, _)| n).chain(reserved.iter()) {
        years.entry(n.yy).or_default().insert(n.seq);
    }
    for (yy, present) in years {
        for (first, last) in missing_runs(&present) {
            let (first, last) = (CaseNumber::new(first, yy), CaseNumber::new(last, yy));
            // The first carried number above the gap is where we report it.
            let above = carried.partition_point(|(n, _)| *n < first);
            let next = carried
                .get(above..)
                .unwrap_or_default()
                .iter()
                .find(|(n, _)| n.yy == yy)
                .map(|(_, i)| *i);
            let Some(next) = next else { continue };
            if last.seq - first.seq >= LONGEST_GAP_LISTED {
                problems.push(Problem::Gaps(first, last, next));
            } else {
                for seq in first.seq..=last.seq {
                    problems.push(Problem::Gap(CaseNumber::new(seq, yy), next));
                }
            }
        }
    }

    // Order: within a number year, meeting by meeting.
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
    fn missing_runs_are_found_without_walking_them() {
        let runs = |p: &[u32]| missing_runs(&p.iter().copied().collect());
        assert_eq!(runs(&[]), []);
        assert_eq!(runs(&[1, 2, 3]), []);
        assert_eq!(runs(&[3]), [(1, 2)]);
        assert_eq!(runs(&[1, 3, 4, 9]), [(2, 2), (5, 8)]);
        assert_eq!(runs(&[1, u32::MAX]), [(2, u32::MAX - 1)]);
    }

    #[test]
    fn a_long_run_of_missing_numbers_is_one_problem() {
        // 4,000,000/21 for 4/21: a finding per missing number was 36 s and 2.4 GB.
        let entries = [entry(1, 1), entry(3, 1), entry(4_000_000, 2)];
        let started = std::time::Instant::now();
        let problems = check(&entries, &BTreeSet::new());
        assert!(started.elapsed().as_secs() < 1);
        assert_eq!(
            problems,
            vec![
                Problem::Gap(CaseNumber::new(2, 21), 1),
                Problem::Gaps(CaseNumber::new(4, 21), CaseNumber::new(3_999_999, 21), 2),
            ]
        );
        // Up to LONGEST_GAP_LISTED missing numbers are listed one by one.
        let listed = [entry(1, 1), entry(LONGEST_GAP_LISTED + 2, 1)];
        assert_eq!(
            check(&listed, &BTreeSet::new()).len(),
            LONGEST_GAP_LISTED as usize
        );
        let run = [entry(1, 1), entry(LONGEST_GAP_LISTED + 3, 1)];
        assert_eq!(check(&run, &BTreeSet::new()).len(), 1);
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
        fn agrees_with_the_naive_oracle(raw in prop::collection::vec((prop_oneof![1u32..30, 1u32..200], 20u8..23, prop::option::of(0u32..6)), 0..40)) {
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
                        prop_assert!(gaps.insert(*n), "reported twice");
                    }
                    Problem::Gaps(first, last, next) => {
                        prop_assert!(entries[*next].number > *last);
                        prop_assert!(last.seq - first.seq >= LONGEST_GAP_LISTED);
                        for seq in first.seq..=last.seq {
                            prop_assert!(gaps.insert(CaseNumber::new(seq, first.yy)), "reported twice");
                        }
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
