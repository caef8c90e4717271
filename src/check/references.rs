//! What a record names exists: `previous` cases, and the people present at
//! or absent from a meeting (rule `unknown-reference`; one both present and
//! absent is an `invalid-value`).

use crate::diag::{nearest, Code, Finding, Findings};
use crate::model::{CaseNumber, Meeting, Record};
use std::collections::BTreeSet;

pub(super) fn check(record: &Record, findings: &mut Findings) {
    let numbers: BTreeSet<CaseNumber> = record
        .cases
        .iter()
        .filter_map(|c| c.number_value())
        .collect();
    for case in &record.cases {
        for p in &case.previous {
            if !numbers.contains(&p.value) {
                findings.push(Finding::new(
                    Code::UnknownReference,
                    p.at.clone(),
                    format!("`previous` names case {}, which no case carries", p.value),
                ));
            }
        }
    }
    for meeting in &record.meetings {
        attendance(record, meeting, findings);
    }
}

/// Who a meeting records as present or absent is a member, the chair (the
/// board's or the meeting's) or an invitee of the meeting, and no one is
/// both present and absent.
fn attendance(record: &Record, meeting: &Meeting, findings: &mut Findings) {
    let known: Vec<&str> = record
        .board
        .members
        .iter()
        .chain(record.board.chair.iter())
        .chain(meeting.chair.iter())
        .chain(meeting.invited.iter())
        .map(|p| p.name.as_str())
        .collect();
    let listed = meeting
        .present
        .iter()
        .map(|n| (n, "present at"))
        .chain(meeting.absent.iter().map(|a| (&a.name, "absent from")));
    for (name, role) in listed {
        if !known.contains(&name.value.as_str()) {
            let help = nearest(&name.value, known.iter().copied())
                .map(|n| format!("did you mean `{n}`?"))
                .or_else(|| {
                    Some("name a member, the chair or an invitee exactly as pds.yaml or `invited` writes the name; others who attended are `guests`".into())
                });
            findings.push(
                Finding::new(
                    Code::UnknownReference,
                    name.at.clone(),
                    format!(
                        "`{}` is {role} meeting {}, but is neither a member, the chair nor invited",
                        name.value, meeting.number.value
                    ),
                )
                .help_opt(help),
            );
        }
    }
    for absent in &meeting.absent {
        if let Some(present) = meeting
            .present
            .iter()
            .find(|p| p.value == absent.name.value)
        {
            findings.push(
                Finding::new(
                    Code::InvalidValue,
                    absent.name.at.clone(),
                    format!(
                        "`{}` is both present at and absent from meeting {}",
                        absent.name.value, meeting.number.value
                    ),
                )
                .related(present.at.clone(), "listed as present here")
                .help("keep the name in one of `present` and `absent`"),
            );
        }
    }
}
