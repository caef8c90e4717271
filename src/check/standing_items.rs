//! Each meeting's agenda opens and closes with the board's standing items
//! (rule `standing-item`).

use crate::diag::{Code, Finding, Findings};
use crate::model::{Case, CaseKind, Record};

fn first_title(case: &Case) -> &str {
    match &case.kind {
        CaseKind::Parts(parts) => parts
            .first()
            .map(|p| p.title.as_str())
            .unwrap_or(&case.title),
        _ => &case.title,
    }
}

fn starts_with_ci(text: &str, prefix: &str) -> bool {
    text.to_lowercase().starts_with(&prefix.to_lowercase())
}

/// A case with neither `type` nor `parts` is a `missing-field`, unless it
/// is the board's closing standing item: the source prints no type for
/// Eventuelt, and the record says no more than the source.
fn untyped(record: &Record, findings: &mut Findings) {
    let last = record.board.standing_items.last.as_deref();
    for case in &record.cases {
        let Some(at) = &case.untyped else { continue };
        if last.is_some_and(|last| starts_with_ci(&case.title, last)) {
            continue;
        }
        findings.push(
            Finding::new(
                Code::MissingField,
                at.clone(),
                "this case has no `type` (or `parts`)",
            )
            .help(format!("one of: {}", record.board.case_types.join(", "))),
        );
    }
}

pub(super) fn check(record: &Record, findings: &mut Findings) {
    untyped(record, findings);
    let items = &record.board.standing_items;
    if items.first.is_none() && items.last.is_none() {
        return;
    }
    for meeting in &record.meetings {
        let agenda = record.agenda(meeting.number.value);
        let (Some(first), Some(last)) = (agenda.first(), agenda.last()) else {
            continue;
        };
        if let Some(expected) = &items.first {
            if !starts_with_ci(&first.title, expected)
                && !starts_with_ci(first_title(first), expected)
            {
                if let Some(n) = &first.number {
                    findings.push(
                        Finding::new(
                            Code::StandingItem,
                            n.at.clone(),
                            format!("meeting {} opens with \"{}\", not the standing item \"{expected}\"", meeting.number.value, first.title),
                        )
                        .subject(meeting.number.value),
                    );
                }
            }
        }
        if let Some(expected) = &items.last {
            if !starts_with_ci(&last.title, expected) {
                if let Some(n) = &last.number {
                    findings.push(
                        Finding::new(
                            Code::StandingItem,
                            n.at.clone(),
                            format!("meeting {} closes with \"{}\", not the standing item \"{expected}\"", meeting.number.value, last.title),
                        )
                        .subject(meeting.number.value),
                    );
                }
            }
        }
    }
}
