//! The board's `acknowledged` list in pds.yaml: each entry marks the findings
//! it matches, and one that matches nothing is itself a finding
//! (`stale-acknowledgement`).

use crate::diag::{Code, Finding};
use crate::model::Record;

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
    findings.sort_by(Finding::output_order);
}
