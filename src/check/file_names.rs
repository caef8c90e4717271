//! A numbered case stands in `<year>/NN-YY-<slug>.md`, a draft in `drafts/`
//! (rule `file-name`).

use crate::diag::{Code, Finding, Findings, Location};
use crate::model::{CaseFileName, CaseStatus, Record};

pub(super) fn check(record: &Record, findings: &mut Findings) {
    for case in &record.cases {
        let name = case.file.name();
        match &case.number {
            Some(number) if !CaseFileName::holds(name, number.value) => {
                findings.push(
                    Finding::new(
                        Code::FileName,
                        number.at.clone(),
                        format!(
                            "case {} is in {name}, but its file belongs in {}",
                            number.value,
                            CaseFileName::pattern(number.value)
                        ),
                    )
                    .subject(number.value),
                );
            }
            // A case that is no draft and has no number has a finding for
            // its number already; only a draft belongs in drafts/.
            None if !name.starts_with("drafts/") && case.status == CaseStatus::Draft => {
                findings.push(
                    Finding::new(
                        Code::FileName,
                        Location::whole(&case.file),
                        format!("{name} has no case number, so it belongs in drafts/"),
                    )
                    .help("give it a number with `pds schedule`, or move it to drafts/"),
                );
            }
            _ => {}
        }
    }
}
