//! The public view of a record (offentleglova): what `render --public`
//! renders from. Exempt content is removed here, once, before anything is
//! rendered, so no template, generated block or output format can show what
//! the view does not hold.
//!
//! An exempt case keeps its number, meeting, title, type (the types of its
//! parts), status and the legal basis of its exemption — nothing else. Gone:
//! the description, owner, `document:` title, proposed decision, decision,
//! `previous` links, the titles of its parts and the body (its file is
//! replaced by an empty one of the same name, so nothing can read the body
//! from it). The parts' titles go because they describe the content (the
//! notice shows them in the description column, which for an exempt case
//! holds the exemption); `previous` goes because it ties the exempt matter to
//! other cases. A case with a decision keeps the fact that it was decided
//! (its status becomes `decided`), so public minutes can say so. Action
//! items raised at an exempt case are left out: their text is the exempt
//! matter's.

use super::{At, Case, CaseKind, CaseNumber, CaseStatus, Part, Raised, Record};
use crate::diag::{Location, SourceFile};
use std::collections::BTreeSet;

/// The public view of `record`: every exempt case reduced to what may be
/// published, and the action items raised at exempt cases left out.
pub fn view(mut record: Record) -> Record {
    let exempt: BTreeSet<CaseNumber> = record
        .cases
        .iter()
        .filter(|c| c.exempt.is_some())
        .filter_map(Case::number_value)
        .collect();
    let known: BTreeSet<CaseNumber> = record.cases.iter().filter_map(Case::number_value).collect();
    record.cases = std::mem::take(&mut record.cases)
        .into_iter()
        .map(|c| match c.exempt.clone() {
            Some(basis) => withheld(c, basis),
            None => c,
        })
        .collect();
    // An item raised at a case the record does not hold is left out too: it
    // cannot be told apart from one raised at an exempt case.
    record.actions.retain(|a| match a.raised.value {
        Raised::Case(n) => known.contains(&n) && !exempt.contains(&n),
        Raised::Meeting(_) => true,
    });
    record.reindex();
    record
}

/// What may be published of an exempt case.
fn withheld(c: Case, basis: Box<str>) -> Case {
    let file = SourceFile::empty(c.file.name(), c.file.path());
    let moved = |at: At<_>| At {
        value: at.value,
        at: Location::whole(&file),
    };
    let decided = c.status == CaseStatus::Decided
        || (c.decision.is_some() && c.status != CaseStatus::Withdrawn);
    Case {
        number: c.number.map(moved),
        meeting: c.meeting.map(|m| At {
            value: m.value,
            at: Location::whole(&file),
        }),
        title: c.title,
        kind: match c.kind {
            CaseKind::Parts(parts) => CaseKind::Parts(
                parts
                    .into_iter()
                    .map(|p| Part {
                        title: String::new(),
                        kind: p.kind,
                    })
                    .collect(),
            ),
            kind => kind,
        },
        description: None,
        owner: None,
        agenda_note: None,
        document: None,
        tie_order: c.tie_order,
        untyped: None,
        status: if decided {
            CaseStatus::Decided
        } else {
            c.status
        },
        exempt: Some(basis),
        previous: Vec::new(),
        proposed_decision: None,
        decision: None,
        body_offset: 0,
        file,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Action;

    const SECRET: &str = "SECRET";

    fn case(file: &str, text: &str, exempt: Option<&str>, decision: Option<&str>) -> Case {
        let file = SourceFile::new(file, file, text.to_string());
        let at = Location::whole(&file);
        Case {
            number: CaseNumber::parse(&format!("{}/21", &file.name()[5..7]))
                .ok()
                .map(|value| At {
                    value,
                    at: at.clone(),
                }),
            meeting: crate::model::MeetingNumber::parse("1/2021")
                .ok()
                .map(|value| At {
                    value,
                    at: at.clone(),
                }),
            title: "Title".into(),
            kind: CaseKind::Parts(vec![Part {
                title: format!("{SECRET}-part"),
                kind: "Orientering".into(),
            }]),
            description: Some(format!("{SECRET}-description").into()),
            owner: Some(format!("{SECRET}-owner").into()),
            agenda_note: Some(format!("{SECRET}-note").into()),
            document: Some(format!("{SECRET}-document").into()),
            tie_order: None,
            untyped: None,
            status: CaseStatus::Ready,
            exempt: exempt.map(Into::into),
            previous: vec![At {
                value: CaseNumber::parse("9/20").unwrap(),
                at: at.clone(),
            }],
            proposed_decision: Some(format!("{SECRET}-proposal").into()),
            decision: decision.map(Into::into),
            body_offset: text.find("\n---\n").map_or(0, |i| i + 5),
            file,
        }
    }

    fn action(id: &str, raised: &str) -> Action {
        let file = SourceFile::new("2021/actions.yaml", "a", String::new());
        let at = Location::whole(&file);
        Action {
            id: At {
                value: id.into(),
                at: at.clone(),
            },
            raised: At {
                value: match CaseNumber::parse(raised) {
                    Ok(c) => Raised::Case(c),
                    Err(_) => Raised::Meeting(crate::model::MeetingNumber::parse(raised).unwrap()),
                },
                at,
            },
            text: format!("text of {id}"),
            owner: None,
            due: None,
            done: false,
            file,
        }
    }

    fn record() -> Record {
        let mut r = Record::new("/r");
        let text = format!("---\nexempt: x\n---\n{SECRET}-body\n");
        r.cases.push(case(
            "2021/01-21-a.md",
            &text,
            Some("Offl. § 13"),
            Some("SECRET-decision"),
        ));
        r.cases.push(case("2021/02-21-b.md", &text, None, None));
        r.actions = vec![
            action("at-exempt", "1/21"),
            action("at-open", "2/21"),
            action("at-meeting", "1/2021"),
            action("at-unknown", "3/21"),
        ];
        r.reindex();
        r
    }

    #[test]
    fn an_exempt_case_keeps_only_what_may_be_published() {
        let public = view(record());
        let c = &public.cases[0];
        assert_eq!(c.number_value().unwrap().to_string(), "1/21");
        assert_eq!(c.meeting_value().unwrap().to_string(), "1/2021");
        assert_eq!(&*c.title, "Title");
        assert_eq!(c.exempt.as_deref(), Some("Offl. § 13"));
        assert_eq!(
            c.kind,
            CaseKind::Parts(vec![Part {
                title: String::new(),
                kind: "Orientering".into()
            }])
        );
        assert_eq!(c.status, CaseStatus::Decided, "it had a decision");
        let kept = format!("{c:?}");
        assert!(!kept.contains(SECRET), "{kept}");
        assert_eq!(c.body(), "");
        assert!(!c.has_document());
        // No text of the file is reachable from the case, nor its values' places.
        assert_eq!(c.file.text(), "");
        assert_eq!(c.number.as_ref().unwrap().at.file.text(), "");
        assert_eq!(c.meeting.as_ref().unwrap().at.file.text(), "");
        assert_eq!(c.file.name(), "2021/01-21-a.md");
        // The open case is as it was.
        assert!(public.cases[1].body().contains("SECRET-body"));
        assert!(public.cases[1].description.is_some());
        assert_eq!(
            public
                .agenda(public.cases[0].meeting_value().unwrap())
                .len(),
            2
        );
    }

    #[test]
    fn action_items_of_exempt_or_unknown_cases_are_left_out() {
        let public = view(record());
        let ids: Vec<&str> = public.actions.iter().map(|a| a.id.value.as_str()).collect();
        assert_eq!(ids, ["at-open", "at-meeting"]);
    }

    #[test]
    fn an_undecided_case_stays_undecided() {
        let mut r = record();
        r.cases[0].decision = None;
        assert_eq!(view(r).cases[0].status, CaseStatus::Ready);
    }
}
