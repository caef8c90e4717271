//! Meeting numbers run without duplicates or gaps within a year, their dates
//! increase with them, and each stands in its year's meetings.yaml (rules
//! `duplicate-meeting`, `meeting-gap`, `meeting-order`).

use super::sequence;
use crate::diag::{Code, Finding, Findings};
use crate::model::{Meeting, MeetingNumber, Record};
use std::collections::{BTreeMap, BTreeSet};

/// Pairs of meetings of a year, next to each other by number, whose dates do
/// not increase with their numbers: (earlier number, later number).
pub(super) fn misdated(record: &Record) -> Vec<(&Meeting, &Meeting)> {
    let mut by_number: BTreeMap<MeetingNumber, &Meeting> = BTreeMap::new();
    for m in &record.meetings {
        by_number.entry(m.number.value).or_insert(m);
    }
    let list: Vec<&Meeting> = by_number.into_values().collect();
    list.windows(2)
        .filter_map(|pair| match pair {
            [a, b] if a.number.year == b.number.year && b.date.value <= a.date.value => {
                Some((*a, *b))
            }
            _ => None,
        })
        .collect()
}

pub(super) fn check(record: &Record, findings: &mut Findings) {
    let mut by_number: BTreeMap<MeetingNumber, Vec<&Meeting>> = BTreeMap::new();
    for m in &record.meetings {
        by_number.entry(m.number.value).or_default().push(m);
    }
    for (number, list) in &by_number {
        if let [first, rest @ ..] = list.as_slice() {
            for other in rest {
                findings.push(
                    Finding::new(
                        Code::DuplicateMeeting,
                        other.number.at.clone(),
                        format!("meeting number {number} is used by {} meetings", list.len()),
                    )
                    .related(first.number.at.clone(), "first used here")
                    .subject(number),
                );
            }
        }
    }
    gaps(record, &by_number, findings);
    for (a, b) in misdated(record) {
        findings.push(out_of_order(a, b));
    }
    for m in &record.meetings {
        placement(m, findings);
    }
}

/// Missing numbers in each year's run of meetings.
fn gaps(
    record: &Record,
    by_number: &BTreeMap<MeetingNumber, Vec<&Meeting>>,
    findings: &mut Findings,
) {
    let mut years: BTreeMap<u16, Vec<&Meeting>> = BTreeMap::new();
    for list in by_number.values() {
        if let Some(m) = list.first() {
            years.entry(m.number.year).or_default().push(m);
        }
    }
    for (year, list) in &years {
        // A meeting that did not load (a bad date, say) still holds its number.
        let broken = record
            .unloaded
            .broken_meetings
            .iter()
            .filter(|m| m.year == *year);
        let present: BTreeSet<u32> = list
            .iter()
            .map(|m| m.number.seq)
            .chain(broken.map(|m| m.seq))
            .collect();
        for (first, last) in sequence::missing_runs(&present) {
            let Some(next) = list
                .iter()
                .filter(|m| m.number.seq > last)
                .min_by_key(|m| m.number.seq)
            else {
                continue;
            };
            if last - first >= sequence::LONGEST_GAP_LISTED {
                let (a, b) = (
                    MeetingNumber::new(first, *year),
                    MeetingNumber::new(last, *year),
                );
                findings.push(Finding::new(
                    Code::MeetingGap,
                    next.number.at.clone(),
                    format!(
                        "meeting numbers {a} to {b} ({} numbers) are missing: {year}'s meetings skip to {}",
                        last - first + 1,
                        next.number.value
                    ),
                ));
                continue;
            }
            for seq in first..=last {
                let missing = MeetingNumber::new(seq, *year);
                findings.push(
                    Finding::new(
                        Code::MeetingGap,
                        next.number.at.clone(),
                        format!(
                            "meeting number {missing} is missing: {year}'s meetings skip to {}",
                            next.number.value
                        ),
                    )
                    .subject(missing),
                );
            }
        }
    }
}

/// `b` is numbered after `a` but not dated after it.
fn out_of_order(a: &Meeting, b: &Meeting) -> Finding {
    Finding::new(
        Code::MeetingOrder,
        b.date.at.clone(),
        format!(
            "meeting {} is dated {}, not after meeting {} ({})",
            b.number.value, b.date.value, a.number.value, a.date.value
        ),
    )
    .related(
        a.date.at.clone(),
        format!("meeting {} is dated here", a.number.value),
    )
    .subject(b.number.value)
}

/// A meeting is dated in the year of its number and stands in that year's meetings.yaml.
fn placement(m: &Meeting, findings: &mut Findings) {
    let folder = m.file.name().split('/').next().unwrap_or("");
    let number_year = m.number.year;
    if m.date.year != number_year {
        findings.push(
            Finding::new(
                Code::MeetingOrder,
                m.date.at.clone(),
                format!(
                    "meeting {} is dated {}, in another year than its number",
                    m.number.value, m.date.value
                ),
            )
            .subject(m.number.value),
        );
    }
    if folder != number_year.to_string() {
        findings.push(
            Finding::new(
                Code::MeetingOrder,
                m.number.at.clone(),
                format!(
                    "meeting {} stands in {}, not in {number_year}/meetings.yaml",
                    m.number.value,
                    m.file.name()
                ),
            )
            .subject(m.number.value),
        );
    }
}
