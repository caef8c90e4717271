//! Case numbers run without duplicates or gaps within a year, and increase
//! with the meetings their cases are on (rules `duplicate-case`, `case-gap`,
//! `case-order`).

use super::meetings::misdated;
use super::sequence;
use crate::diag::{Code, Finding, Findings};
use crate::model::{At, Case, CaseFileName, CaseNumber, CaseStatus, Date, MeetingNumber, Record};
use std::collections::BTreeSet;

pub(super) fn check(record: &Record, findings: &mut Findings) {
    let seq = Sequence::of(record);
    let entries = seq.entries();
    let reserved = reserved(record);
    let present: BTreeSet<CaseNumber> = entries
        .iter()
        .map(|e| e.number)
        .chain(reserved.iter().copied())
        .collect();
    for problem in sequence::check(&entries, &reserved) {
        let finding = match problem {
            sequence::Problem::Duplicate(number, idx) => seq.duplicate(number, &idx),
            sequence::Problem::Gap(missing, next) => seq.gap(&present, missing, next),
            sequence::Problem::Gaps(first, last, next) => seq.gaps(&present, first, last, next),
            sequence::Problem::Order(late, early) => seq.order(late, early),
        };
        findings.extend(finding);
    }
}

/// Files that did not load, and cases whose number is missing or malformed,
/// hold the number their name gives: that number is no gap.
fn reserved(record: &Record) -> BTreeSet<CaseNumber> {
    let unnumbered = record
        .cases
        .iter()
        .filter(|c| c.number.is_none() && c.status != CaseStatus::Draft)
        .map(|c| c.file.name());
    record
        .unloaded
        .broken_cases
        .iter()
        .map(String::as_str)
        .chain(unnumbered)
        .filter_map(|name| CaseFileName::parse(name).map(|n| n.number))
        .collect()
}

/// The numbered cases in meeting order (the indices `sequence::check`
/// reports by), and the meetings whose order is in doubt.
struct Sequence<'a> {
    cases: Vec<&'a Case>,
    /// Each case's meeting's place in meeting order (date, then number),
    /// by the case's place in `cases`; `None` without a known meeting.
    ranks: Vec<Option<u32>>,
    misdated: BTreeSet<MeetingNumber>,
    /// The highest number carried in each two-digit year (`next_free`,
    /// counted once rather than for every duplicate).
    highest: [u32; 100],
}

impl<'a> Sequence<'a> {
    fn of(record: &'a Record) -> Self {
        // The meetings in order, each a small number to sort cases by.
        let mut order: Vec<(Date, MeetingNumber)> = record
            .meetings
            .iter()
            .filter_map(|m| record.meeting(m.number.value))
            .map(|m| (m.date.value, m.number.value))
            .collect();
        order.sort_unstable();
        order.dedup();
        let rank = |c: &Case| {
            let key = meeting_key(record, c)?;
            order.binary_search(&key).ok().map(|i| i as u32)
        };
        // In meeting order, so the first of duplicates is the one on the
        // earliest agenda; a case without a known meeting last.
        let mut ranked: Vec<(Option<u32>, &Case)> = record
            .cases
            .iter()
            .filter(|c| c.number.is_some())
            .map(|c| (rank(c), c))
            .collect();
        ranked.sort_by(|(ra, a), (rb, b)| {
            (
                ra.is_none(),
                ra,
                a.number_value(),
                a.tie_order.is_none(),
                a.tie_order,
            )
                .cmp(&(
                    rb.is_none(),
                    rb,
                    b.number_value(),
                    b.tie_order.is_none(),
                    b.tie_order,
                ))
                .then_with(|| a.file.name().cmp(b.file.name()))
        });
        let (ranks, cases) = ranked.into_iter().unzip();
        let misdated = misdated(record)
            .into_iter()
            .flat_map(|(a, b)| [a.number.value, b.number.value])
            .collect();
        let mut highest = [0u32; 100];
        for n in record.cases.iter().filter_map(Case::number_value) {
            if let Some(h) = highest.get_mut(usize::from(n.yy)) {
                *h = (*h).max(n.seq);
            }
        }
        Sequence {
            cases,
            ranks,
            misdated,
            highest,
        }
    }

    fn entries(&self) -> Vec<sequence::Entry<u32>> {
        self.cases
            .iter()
            .zip(&self.ranks)
            .filter_map(|(c, &meeting)| {
                let number = c.number_value()?;
                Some(sequence::Entry { number, meeting })
            })
            .collect()
    }

    /// The number of the `i`th case in meeting order.
    fn at(&self, i: usize) -> Option<&'a At<CaseNumber>> {
        self.cases.get(i).and_then(|c| c.number.as_ref())
    }

    fn duplicate(&self, number: CaseNumber, idx: &[usize]) -> Option<Finding> {
        let mut locations = idx.iter().filter_map(|&i| self.at(i));
        let first = locations.next()?;
        let rest: Vec<_> = locations.collect();
        let primary = rest.first()?;
        let mut f = Finding::new(
            Code::DuplicateCase,
            primary.at.clone(),
            format!("case number {number} is used by {} cases", idx.len()),
        )
        .related(first.at.clone(), "first used here")
        .help(format!(
            "give one of them a free number; the next free number is {}",
            self.next_free(number.yy)
        ))
        .subject(number);
        for other in rest.iter().skip(1) {
            f = f.related(other.at.clone(), "also used here");
        }
        Some(f)
    }

    /// `next_free` of the record, from the highest numbers counted once.
    fn next_free(&self, yy: u8) -> CaseNumber {
        let highest = self.highest.get(usize::from(yy)).copied().unwrap_or(0);
        CaseNumber::new(highest + 1, yy)
    }

    fn gap(
        &self,
        present: &BTreeSet<CaseNumber>,
        missing: CaseNumber,
        next: usize,
    ) -> Option<Finding> {
        let next_case = self.at(next)?;
        let message = match before(present, missing) {
            Some(before) => format!("case number {missing} is carried by no case: the sequence skips from {before} to {}", next_case.value),
            None => format!("case number {missing} is carried by no case: the year's sequence starts at {}", next_case.value),
        };
        Some(
            Finding::new(Code::CaseGap, next_case.at.clone(), message)
                .help("withdrawn cases keep their numbers; give a case the missing number, or acknowledge the gap in pds.yaml")
                .subject(missing),
        )
    }

    fn gaps(
        &self,
        present: &BTreeSet<CaseNumber>,
        first: CaseNumber,
        last: CaseNumber,
        next: usize,
    ) -> Option<Finding> {
        let next_case = self.at(next)?;
        let how = match before(present, first) {
            Some(before) => {
                format!("the sequence skips from {before} to {}", next_case.value)
            }
            None => format!("the year's sequence starts at {}", next_case.value),
        };
        Some(
            Finding::new(
                Code::CaseGap,
                next_case.at.clone(),
                format!(
                    "case numbers {first} to {last} ({} numbers) are carried by no case: {how}",
                    last.seq - first.seq + 1
                ),
            )
            .help("a number this far ahead of the sequence is often a typo; withdrawn cases keep their numbers"),
        )
    }

    fn order(&self, late: usize, early: usize) -> Option<Finding> {
        let (late_case, early_case) = (self.cases.get(late)?, self.cases.get(early)?);
        // Which meeting is earlier is itself in doubt (meeting-order
        // reports it): comparing their cases would only echo that.
        let in_doubt = |c: &Case| {
            c.meeting_value()
                .is_some_and(|m| self.misdated.contains(&m))
        };
        if in_doubt(late_case) || in_doubt(early_case) {
            return None;
        }
        let (ln, en) = (late_case.number.as_ref()?, early_case.number.as_ref()?);
        let meeting = |c: &Case| c.meeting_value().map(|m| m.to_string()).unwrap_or_default();
        let (lm, em) = (meeting(late_case), meeting(early_case));
        Some(
            Finding::new(
                Code::CaseOrder,
                ln.at.clone(),
                format!(
                    "case {} of meeting {lm} comes after case {} of the earlier meeting {em}",
                    ln.value, en.value
                ),
            )
            .related(
                en.at.clone(),
                format!("{} is on the agenda of {em}", en.value),
            )
            .help(
                "case numbers must increase with the meetings; renumber the later meeting's cases",
            )
            .subject(ln.value),
        )
    }
}

/// Where a case's meeting stands in time: its date, then its number.
fn meeting_key(record: &Record, case: &Case) -> Option<(Date, MeetingNumber)> {
    case.meeting_value()
        .and_then(|m| record.meeting(m))
        .map(|m| (m.date.value, m.number.value))
}

/// The last number below a gap that is there, in the gap's year (several
/// numbers may be missing).
fn before(present: &BTreeSet<CaseNumber>, missing: CaseNumber) -> Option<&CaseNumber> {
    present
        .range(..missing)
        .next_back()
        .filter(|n| n.yy == missing.yy)
}

/// The next number of a two-digit year that no case carries.
pub fn next_free(record: &Record, yy: u8) -> CaseNumber {
    let max = record
        .cases
        .iter()
        .filter_map(|c| c.number_value())
        .filter(|n| n.yy == yy)
        .map(|n| n.seq)
        .max()
        .unwrap_or(0);
    CaseNumber::new(max + 1, yy)
}
