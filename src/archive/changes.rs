//! `endringslogg.xml`: changes to registered metadata that the record's git
//! history shows. A case is registered as it was first committed; a later
//! commit that changed its title (`tittel`), decision (`merknadstekst`, the
//! decision's note) or number (`registreringsID`) is a change, logged with
//! the commit's date and author and the values before and after. A value
//! added where there was none, or removed, is no change of a registered
//! value (and the schema wants both values). No change: no file (the schema
//! demands at least one `endring`).

use super::xml::Xml;
use super::{Plan, Registered};
use crate::diag::{Error, Findings, SourceFile};

pub const NAMESPACE: &str = "http://www.arkivverket.no/standarder/noark5/endringslogg";

/// One change of one registration's metadata element.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Change {
    /// The registration's `systemID`.
    pub registration: String,
    /// The element: `tittel`, `merknadstekst`, `registreringsID`.
    pub element: &'static str,
    pub date: String,
    pub author: String,
    pub before: String,
    pub after: String,
}

/// The registered values of one version of a case file.
#[derive(PartialEq)]
struct Values {
    title: Option<String>,
    decision: Option<String>,
    number: Option<String>,
}

/// Every change of the deposited cases' registered metadata, in the order
/// of the registrations, each case's changes oldest first.
pub fn collect(plan: &Plan<'_>) -> Result<Vec<Change>, Error> {
    let record = plan.record;
    let mut changes = Vec::new();
    for r in plan.meetings.iter().flat_map(|m| &m.registrations) {
        let Registered::Case(case) = r.what else {
            continue;
        };
        let rel = case.file.name();
        let revisions = crate::git::history(&record.root, rel)?;
        let mut before: Option<Values> = None;
        for rev in revisions {
            let file = SourceFile::new(rel, case.file.path(), rev.text);
            let mut findings = Findings::default();
            let Some(c) = crate::load::case::parse(&file, &record.board.case_types, &mut findings)
            else {
                continue;
            };
            let now = Values {
                title: Some(c.title.to_string()).filter(|t| !t.trim().is_empty()),
                decision: c
                    .decision
                    .as_deref()
                    .map(str::to_string)
                    .filter(|d| !d.trim().is_empty()),
                number: c.number_value().map(|n| n.to_string()),
            };
            if let Some(old) = &before {
                for (element, was, is) in [
                    ("tittel", &old.title, &now.title),
                    ("merknadstekst", &old.decision, &now.decision),
                    ("registreringsID", &old.number, &now.number),
                ] {
                    if let (Some(was), Some(is)) = (was, is) {
                        if was != is {
                            changes.push(Change {
                                registration: r.id.clone(),
                                element,
                                date: rev.date.clone(),
                                author: rev.author.clone(),
                                before: was.clone(),
                                after: is.clone(),
                            });
                        }
                    }
                }
            }
            before = Some(now);
        }
    }
    Ok(changes)
}

/// The change log's text (only called with at least one change).
pub fn write(changes: &[Change]) -> String {
    let mut x = Xml::new();
    let location = format!("{NAMESPACE} endringslogg.xsd");
    x.open(
        "endringslogg",
        &[
            ("xmlns", NAMESPACE),
            ("xmlns:xsi", "http://www.w3.org/2001/XMLSchema-instance"),
            ("xsi:schemaLocation", &location),
        ],
    );
    for c in changes {
        x.open("endring", &[]);
        x.leaf("referanseArkivenhet", &c.registration);
        x.leaf("referanseMetadata", c.element);
        x.leaf("endretDato", &c.date);
        x.leaf("endretAv", non_empty(&c.author));
        x.leaf("tidligereVerdi", &c.before);
        x.leaf("nyVerdi", &c.after);
        x.close();
    }
    x.finish()
}

fn non_empty(s: &str) -> &str {
    match s.trim().is_empty() {
        true => "ukjent",
        false => s,
    }
}
