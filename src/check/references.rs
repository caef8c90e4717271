//! What a record names exists: `previous` cases, and the people absent from
//! a meeting (rule `unknown-reference`).

use crate::diag::{nearest, Code, Finding, Findings};
use crate::model::{CaseNumber, Record};
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
    let members: Vec<&str> = record
        .board
        .members
        .iter()
        .map(|m| m.name.as_str())
        .collect();
    for meeting in &record.meetings {
        let invited: Vec<&str> = members
            .iter()
            .copied()
            .chain(meeting.invited.iter().map(|p| p.name.as_str()))
            .collect();
        for name in &meeting.absent {
            if !invited.contains(&name.value.as_str()) {
                let help = nearest(&name.value, invited.iter().copied())
                    .map(|n| format!("did you mean `{n}`?"));
                findings.push(
                    Finding::new(
                        Code::UnknownReference,
                        name.at.clone(),
                        format!(
                            "`{}` is absent from meeting {}, but is neither a member nor invited",
                            name.value, meeting.number.value
                        ),
                    )
                    .help_opt(help),
                );
            }
        }
    }
}
