//! The board's `acknowledged` list in pds.yaml: each entry marks the findings
//! it matches, and one that matches nothing is itself a finding
//! (`stale-acknowledgement`); a run whose end names no meeting or case of
//! the record is an `unknown-reference`.

use crate::diag::{Code, Finding};
use crate::model::{CaseNumber, MeetingNumber, Record};

/// Marks acknowledged findings and reports acknowledgements that match nothing.
pub(super) fn apply(record: &Record, findings: &mut Vec<Finding>) {
    let mut stale = Vec::new();
    for ack in &record.board.acknowledged {
        let mut matched = false;
        for f in findings.iter_mut() {
            if f.code.as_str() == ack.finding.value
                && f.subject.as_deref().is_some_and(|s| ack.covers(s))
            {
                // The first entry that matches gives the note.
                f.acknowledged.get_or_insert_with(|| ack.note.clone());
                matched = true;
            }
        }
        if !matched {
            stale.push(
                Finding::new(
                    Code::StaleAcknowledgement,
                    ack.number.at.clone(),
                    format!(
                        "acknowledged {} {} matches no finding",
                        ack.finding.value, ack.number.value
                    ),
                )
                .related(ack.finding.at.clone(), "acknowledged here")
                .help("the problem is gone: remove this entry from `acknowledged`"),
            );
        }
    }
    findings.extend(stale);
    findings.extend(unknown_ends(record));
    findings.sort_by(Finding::output_order);
}

/// A run (`number` … `through`) names a meeting or case at each end that the
/// record holds: a mistyped end (`through: 60/2021`) would quietly
/// acknowledge every later meeting of the year, added or not.
fn unknown_ends(record: &Record) -> Vec<Finding> {
    let mut out = Vec::new();
    for ack in &record.board.acknowledged {
        let Some(through) = &ack.through else {
            continue;
        };
        for end in [&ack.number, through] {
            let known = match (
                MeetingNumber::parse(&end.value),
                CaseNumber::parse(&end.value),
            ) {
                (Ok(m), _) => record.meetings.iter().any(|x| x.number.value == m),
                (_, Ok(c)) => record.cases.iter().any(|x| x.number_value() == Some(c)),
                _ => true,
            };
            if !known {
                let what = if MeetingNumber::parse(&end.value).is_ok() {
                    "meeting"
                } else {
                    "case"
                };
                out.push(
                    Finding::new(
                        Code::UnknownReference,
                        end.at.clone(),
                        format!(
                            "the acknowledged run {} through {} names {what} {}, which the record does not hold",
                            ack.number.value, through.value, end.value
                        ),
                    )
                    .related(ack.finding.at.clone(), "acknowledged here")
                    .help(format!("end the run at a {what} the record holds")),
                );
            }
        }
    }
    out
}
