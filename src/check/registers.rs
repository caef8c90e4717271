//! Checks of the risk register, status reports, forum items and action items:
//! unique ids, and every reference by id names something.

use crate::diag::{nearest, Code, Finding, Findings, Location};
use crate::model::{CaseNumber, Raised, Record, RiskStatus};
use std::collections::{BTreeMap, BTreeSet};

pub fn check(record: &Record, findings: &mut Findings) {
    risks(record, findings);
    status_reports(record, findings);
    forums(record, findings);
    actions(record, findings);
}

/// One finding per repeated id, pointing at every other place it is used.
fn duplicates<'a>(
    what: &str,
    ids: impl Iterator<Item = (String, &'a Location)>,
    findings: &mut Findings,
) {
    let mut seen: BTreeMap<String, Vec<&Location>> = BTreeMap::new();
    for (id, at) in ids {
        seen.entry(id).or_default().push(at);
    }
    for (id, places) in seen {
        if let [first, rest @ ..] = places.as_slice() {
            for again in rest {
                findings.push(
                    Finding::new(
                        Code::DuplicateId,
                        (*again).clone(),
                        format!("{what} id {id} is used {} times", places.len()),
                    )
                    .related((*first).clone(), "first used here")
                    .subject(&id),
                );
            }
        }
    }
}

fn risks(record: &Record, findings: &mut Findings) {
    duplicates(
        "risk",
        record
            .risks
            .iter()
            .map(|r| (r.id.value.to_string(), &r.id.at)),
        findings,
    );
    for r in &record.risks {
        if r.status == RiskStatus::Closed && r.listed.value {
            findings.push(
                Finding::new(
                    Code::InvalidValue,
                    r.listed.at.clone(),
                    format!("risk {} is closed, so it is not listed in the register table", r.id.value),
                )
                .help("write `listed: false`: closed risks are named below the table as (risiko avsluttet)"),
            );
        }
        let expected = format!("risks/{}.yaml", r.id.value);
        if r.file.name() != expected {
            findings.push(Finding::new(
                Code::FileName,
                r.id.at.clone(),
                format!(
                    "risk {} stands in {}, but belongs in {expected}",
                    r.id.value,
                    r.file.name()
                ),
            ));
        }
    }
}

fn unknown_risk(record: &Record, id: u32, at: &Location, what: &str) -> Option<Finding> {
    if record.risks.iter().any(|r| r.id.value == id) {
        return None;
    }
    Some(Finding::new(
        Code::UnknownReference,
        at.clone(),
        format!("{what} names risk {id}, which is not in risks/"),
    ))
}

fn status_reports(record: &Record, findings: &mut Findings) {
    for s in &record.status_reports {
        for id in &s.key_risks {
            findings.extend(unknown_risk(record, id.value, &id.at, "the status report"));
        }
        if let Some(m) = &s.meeting {
            if record.meeting(m.value).is_none() {
                findings.push(Finding::new(
                    Code::UnknownReference,
                    m.at.clone(),
                    format!(
                        "the status report is for meeting {}, which no meetings.yaml holds",
                        m.value
                    ),
                ));
            }
        }
    }
}

fn forums(record: &Record, findings: &mut Findings) {
    let known: Vec<&str> = record.board.forums.keys().map(String::as_str).collect();
    for f in &record.forum_meetings {
        if !record.board.forums.contains_key(&f.forum.value) {
            let help = match nearest(&f.forum.value, known.iter().copied()) {
                Some(n) => format!("did you mean `{n}`?"),
                None if known.is_empty() => {
                    "name the forums under `forums:` in pds.yaml".to_string()
                }
                None => format!("the forums of pds.yaml are: {}", known.join(", ")),
            };
            findings.push(
                Finding::new(
                    Code::UnknownReference,
                    f.forum.at.clone(),
                    format!(
                        "forum `{}` is not among the forums of pds.yaml",
                        f.forum.value
                    ),
                )
                .help(help),
            );
        }
    }
}

fn actions(record: &Record, findings: &mut Findings) {
    duplicates(
        "action item",
        record
            .actions
            .iter()
            .map(|a| (a.id.value.clone(), &a.id.at)),
        findings,
    );
    let cases: BTreeSet<CaseNumber> = record
        .cases
        .iter()
        .filter_map(|c| c.number_value())
        .collect();
    for a in &record.actions {
        let missing = match a.raised.value {
            Raised::Case(c) => (!cases.contains(&c)).then(|| format!("case {c}")),
            Raised::Meeting(m) => record.meeting(m).is_none().then(|| format!("meeting {m}")),
        };
        if let Some(what) = missing {
            findings.push(Finding::new(
                Code::UnknownReference,
                a.raised.at.clone(),
                format!(
                    "action item {} was raised at {what}, which is not in the record",
                    a.id.value
                ),
            ));
        }
    }
    // The next meeting: the first one still ahead (planned or proposed).
    let Some(next) = record
        .meetings_by_date()
        .into_iter()
        .find(|m| m.status.is_ahead())
    else {
        return;
    };
    for a in record.actions.iter().filter(|a| !a.done) {
        if let Some(due) = &a.due {
            if due.value < next.date.value {
                findings.push(
                    Finding::new(
                        Code::OverdueAction,
                        due.at.clone(),
                        format!(
                            "action item {} is open and was due {}, before the next meeting {} on {}",
                            a.id.value, due.value, next.number.value, next.date.value
                        ),
                    )
                    .subject(&a.id.value),
                );
            }
        }
    }
}
