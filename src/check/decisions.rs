//! A held meeting's cases record what the board decided (rule
//! `missing-decision`): one finding per meeting, naming its cases without
//! a decision (by number: a list of places would bury the report), so a
//! meeting is acknowledged once.

use crate::diag::{Code, Finding, Findings};
use crate::model::{CaseStatus, Record};

pub(super) fn check(record: &Record, findings: &mut Findings) {
    for meeting in record.meetings.iter().filter(|m| m.status.was_held()) {
        let undecided: Vec<_> = record
            .agenda(meeting.number.value)
            .into_iter()
            .filter(|c| c.decision.is_none() && c.status != CaseStatus::Withdrawn)
            .collect();
        if undecided.is_empty() {
            continue;
        }
        // Two cases of one number (a duplicate-case) are both named, so the
        // count and the list agree.
        let numbers: Vec<String> = undecided
            .iter()
            .filter_map(|c| c.number_value().map(|n| n.to_string()))
            .collect();
        findings.push(Finding::new(
            Code::MissingDecision,
            meeting.number.at.clone(),
            format!(
                "meeting {} was {}, but {} of its cases {} no decision: {}",
                meeting.number.value,
                meeting.status.as_str(),
                undecided.len(),
                if undecided.len() == 1 { "has" } else { "have" },
                numbers.join(", ")
            ),
        )
        .help("write each case's `decision:`; for a case type that always gets the same decision, set `default_decisions` in pds.yaml")
        .subject(meeting.number.value));
    }
}
