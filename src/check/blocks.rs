//! Generated blocks in case bodies (`{{ status(date="2021-11-24") }}`): each
//! must be known, well-formed, and name things the record holds.

use crate::diag::{Code, Finding, Findings, Location};
use crate::model::shortcode::{self, Segment, Shortcode, StatusRef};
use crate::model::Record;

pub fn check(record: &Record, findings: &mut Findings) {
    for case in &record.cases {
        let body = case.body();
        if !body.contains("{{") {
            continue;
        }
        for segment in shortcode::split(body) {
            let Segment::Block { code, offset, len } = segment else {
                continue;
            };
            let at = Location::new(&case.file, case.body_offset + offset, len);
            match code {
                Err(why) => findings.push(
                    Finding::new(Code::InvalidShortcode, at, why)
                        .help("generated blocks: status(date=\"YYYY-MM-DD\"), risks(), overview(year=YYYY), forums(year=YYYY, quarters=\"1-2\"), actions(meeting=\"7/2021\")"),
                ),
                Ok(Shortcode::Status(StatusRef::Date(d))) => {
                    if !record.status_reports.iter().any(|s| s.date.value == d) {
                        findings.push(Finding::new(
                            Code::UnknownReference,
                            at,
                            format!("status(date=\"{d}\") names a status report that is not in status/"),
                        ));
                    }
                }
                Ok(Shortcode::Status(StatusRef::Meeting(m)) | Shortcode::Actions { meeting: Some(m) }) => {
                    if record.meeting(m).is_none() {
                        findings.push(Finding::new(
                            Code::UnknownReference,
                            at,
                            format!("the block names meeting {m}, which no meetings.yaml holds"),
                        ));
                    }
                }
                Ok(_) => {}
            }
        }
    }
}
