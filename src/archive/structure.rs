//! `arkivstruktur.xml`: the archive (the board) → the archive part (the
//! period) → one meeting folder (`moetemappe`) per held meeting → one
//! meeting registration (`moeteregistrering`) per notice, case and minutes
//! → the document's description and object. Elements in the order of
//! `arkivstruktur.xsd` (N5 v5.0): a type's own elements after its base
//! type's, so a meeting folder's `moetenummer` comes after its
//! registrations.

use super::xml::Xml;
use super::{MeetingEntry, Plan, Registered, Registration};
use crate::model::{Case, CaseKind, Date};

pub const NAMESPACE: &str = "http://www.arkivverket.no/standarder/noark5/arkivstruktur";
const XSI: &str = "http://www.w3.org/2001/XMLSchema-instance";

/// `2021-02-12T00:00:00`: an `xs:dateTime` of a record's date.
pub fn date_time(d: Date) -> String {
    format!("{d}T00:00:00")
}

/// What the standard calls "electronic archive" (M300 dokumentmedium).
const ELECTRONIC: &str = "Elektronisk arkiv";

pub fn write(plan: &Plan<'_>) -> String {
    let record = plan.record;
    let board = &record.board;
    let first = plan.meetings.first().map(|m| m.meeting.date.value);
    let last = plan.meetings.last().map(|m| m.meeting.date.value);
    let (Some(first), Some(last)) = (first, last) else {
        return String::new();
    };
    let by = plan.creator.as_str();
    let mut x = Xml::new();
    let schema_location = format!("{NAMESPACE} arkivstruktur.xsd");
    x.open(
        "arkiv",
        &[
            ("xmlns", NAMESPACE),
            ("xmlns:xsi", XSI),
            ("xsi:schemaLocation", &schema_location),
        ],
    );
    x.leaf("systemID", &plan.ids.id("arkiv", ""));
    x.leaf("tittel", &board.name);
    x.leaf("arkivstatus", "Avsluttet");
    x.leaf("dokumentmedium", ELECTRONIC);
    x.leaf("opprettetDato", &date_time(first));
    x.leaf("opprettetAv", by);
    x.leaf("avsluttetDato", &date_time(last));
    x.leaf("avsluttetAv", by);
    x.open("arkivskaper", &[]);
    x.leaf("arkivskaperID", by);
    x.leaf("arkivskaperNavn", by);
    x.close();

    x.open("arkivdel", &[]);
    x.leaf("systemID", &plan.ids.id("arkivdel", &plan.period.label()));
    x.leaf(
        "tittel",
        &format!("{} – møter {}", board.name, plan.period.label()),
    );
    x.leaf("arkivdelstatus", "Avsluttet periode");
    x.leaf("dokumentmedium", ELECTRONIC);
    x.leaf("opprettetDato", &date_time(first));
    x.leaf("opprettetAv", by);
    x.leaf("avsluttetDato", &date_time(last));
    x.leaf("avsluttetAv", by);
    x.leaf(
        "arkivperiodeStartDato",
        &format!("{:04}-01-01", plan.period.from),
    );
    x.leaf(
        "arkivperiodeSluttDato",
        &format!("{:04}-12-31", plan.period.to),
    );
    for (i, entry) in plan.meetings.iter().enumerate() {
        let previous = i
            .checked_sub(1)
            .and_then(|p| plan.meetings.get(p))
            .map(|m| m.id.as_str());
        let next = plan.meetings.get(i + 1).map(|m| m.id.as_str());
        meeting(&mut x, plan, entry, previous, next);
    }
    x.finish()
}

fn meeting(
    x: &mut Xml,
    plan: &Plan<'_>,
    entry: &MeetingEntry<'_>,
    previous: Option<&str>,
    next: Option<&str>,
) {
    let m = entry.meeting;
    let board = &plan.record.board.name;
    let number = m.number.value.to_string();
    let when = date_time(m.date.value);
    let by = plan.creator.as_str();
    x.open("mappe", &[("xsi:type", "moetemappe")]);
    x.leaf("systemID", &entry.id);
    x.leaf("mappeID", &number);
    x.leaf("tittel", &format!("Møte {number} – {board}"));
    x.leaf("opprettetDato", &when);
    x.leaf("opprettetAv", by);
    x.leaf("avsluttetDato", &when);
    x.leaf("avsluttetAv", by);
    for r in &entry.registrations {
        registration(x, plan, entry, r);
    }
    // moetemappe's own elements, after mappe's.
    x.leaf("moetenummer", &number);
    x.leaf("utvalg", board);
    x.leaf("moetedato", &m.date.value.to_string());
    if let Some(place) = m.place.as_deref().filter(|p| !p.trim().is_empty()) {
        x.leaf("moetested", place);
    }
    if let Some(previous) = previous {
        x.leaf("referanseForrigeMoete", previous);
    }
    if let Some(next) = next {
        x.leaf("referanseNesteMoete", next);
    }
    for (name, role) in &entry.participants {
        x.open("moetedeltaker", &[]);
        x.leaf("moetedeltakerNavn", name);
        if let Some(role) = role {
            x.leaf("moetedeltakerFunksjon", role);
        }
        x.close();
    }
    x.close();
}

fn registration(x: &mut Xml, plan: &Plan<'_>, entry: &MeetingEntry<'_>, r: &Registration<'_>) {
    let m = entry.meeting;
    let when = date_time(m.date.value);
    let by = plan.creator.as_str();
    let case = match r.what {
        Registered::Case(c) => Some(c),
        _ => None,
    };
    x.open("registrering", &[("xsi:type", "moeteregistrering")]);
    x.leaf("systemID", &r.id);
    x.leaf("opprettetDato", &when);
    x.leaf("opprettetAv", by);
    x.leaf("arkivertDato", &when);
    x.leaf("arkivertAv", by);
    if let Some(basis) = case.and_then(|c| c.exempt.as_deref()) {
        screening(x, basis);
    }
    if let Some(doc) = &r.document {
        let kind = match r.what {
            Registered::Notice => "Møteinnkalling",
            Registered::Case(_) => "Saksframlegg",
            Registered::Minutes => "Møteprotokoll",
        };
        x.open("dokumentbeskrivelse", &[]);
        x.leaf("systemID", &doc.description_id);
        x.leaf("dokumenttype", kind);
        x.leaf("dokumentstatus", "Dokumentet er ferdigstilt");
        x.leaf("tittel", non_empty(&doc.title, kind));
        x.leaf("opprettetDato", &when);
        x.leaf("opprettetAv", by);
        x.leaf("tilknyttetRegistreringSom", "Hoveddokument");
        x.leaf("dokumentnummer", "1");
        x.leaf("tilknyttetDato", &when);
        x.leaf("tilknyttetAv", by);
        x.open("dokumentobjekt", &[]);
        x.leaf("systemID", &doc.object_id);
        x.leaf("versjonsnummer", "1");
        // Only PDF/A is an archival format (Arkivformat); any other PDF is
        // deposited as what it is, the production format.
        let format = doc.format();
        x.leaf(
            "variantformat",
            match format {
                "PDF/A" => "Arkivformat",
                _ => "Produksjonsformat",
            },
        );
        x.leaf("format", format);
        x.leaf("opprettetDato", &when);
        x.leaf("opprettetAv", by);
        x.leaf("referanseDokumentfil", &doc.path);
        x.leaf("sjekksum", &doc.sha256);
        x.leaf("sjekksumAlgoritme", "SHA256");
        x.leaf("filstoerrelse", &doc.bytes.len().to_string());
        x.close();
        x.close();
    }
    let id = match r.what {
        Registered::Case(c) => c.number_value().map(|n| n.to_string()),
        _ => None,
    };
    if let Some(id) = id {
        x.leaf("registreringsID", &id);
    }
    x.leaf("tittel", non_empty(&r.title, "Uten tittel"));
    if let Some(description) = case
        .and_then(|c| c.description.as_deref())
        .filter(|d| !d.trim().is_empty())
    {
        x.leaf("beskrivelse", description);
    }
    if let Some(decision) = case
        .and_then(|c| c.decision.as_deref())
        .filter(|d| !d.trim().is_empty())
    {
        x.open("merknad", &[]);
        x.leaf("merknadstekst", decision);
        x.leaf("merknadstype", "Vedtak");
        x.leaf("merknadsdato", &when);
        x.leaf("merknadRegistrertAv", by);
        x.close();
    }
    // moeteregistrering's own elements.
    x.leaf(
        "moeteregistreringstype",
        match r.what {
            Registered::Notice => "Møteinnkallelse",
            Registered::Case(_) => "Saksframlegg",
            Registered::Minutes => "Møteprotokoll",
        },
    );
    if let Some(kind) = case.and_then(case_kind) {
        x.leaf("moetesakstype", &kind);
    }
    x.leaf("administrativEnhet", by);
    let handler = case
        .and_then(|c| c.owner.as_deref())
        .filter(|o| !o.trim().is_empty())
        .unwrap_or(by);
    x.leaf("saksbehandler", handler);
    if let Some(c) = case {
        for earlier in earlier_cases(plan, c) {
            x.leaf("referanseTilMoeteregistrering", earlier);
        }
        for later in later_cases(plan, c) {
            x.leaf("referanseFraMoeteregistrering", later);
        }
    }
    x.close();
}

/// `skjerming` of an exempt case, in the schema's order. The public view
/// (`model::public`) keeps an exempt case's number, title, type and status
/// and removes the rest: the document's title, the description, the case
/// owner and the decision (here a `merknad`) are the screened metadata
/// (the standard's words where it has them: M502 has none for
/// `beskrivelse` and `saksbehandler`), and the document is screened whole.
fn screening(x: &mut Xml, basis: &str) {
    x.open("skjerming", &[]);
    x.leaf("tilgangsrestriksjon", "Unntatt offentlighet");
    x.leaf(
        "skjermingshjemmel",
        non_empty(basis, "Unntatt offentlighet"),
    );
    for screened in [
        "Skjerming tittel dokumentbeskrivelse",
        "Skjerming merknadstekst",
        "Skjerming beskrivelse",
        "Skjerming saksbehandler",
    ] {
        x.leaf("skjermingMetadata", screened);
    }
    x.leaf("skjermingDokument", "Skjerming av hele dokumentet");
    x.close();
}

/// The case's type; a case of parts, its parts' types in order, each once.
fn case_kind(c: &Case) -> Option<String> {
    match &c.kind {
        CaseKind::Single(k) if !k.trim().is_empty() => Some(k.clone()),
        CaseKind::Parts(parts) => {
            let mut kinds: Vec<&str> = Vec::new();
            for p in parts {
                if !p.kind.trim().is_empty() && !kinds.contains(&p.kind.as_str()) {
                    kinds.push(&p.kind);
                }
            }
            (!kinds.is_empty()).then(|| kinds.join(", "))
        }
        _ => None,
    }
}

/// The registrations of the deposited cases `c` names as its earlier treatments (`previous`).
fn earlier_cases<'p>(plan: &'p Plan<'_>, c: &Case) -> Vec<&'p str> {
    let wanted: Vec<_> = c.previous.iter().map(|p| p.value).collect();
    case_registrations(plan)
        .filter(|(other, _)| other.number_value().is_some_and(|n| wanted.contains(&n)))
        .map(|(_, id)| id)
        .collect()
}

/// The registrations of the deposited cases that name `c` as an earlier treatment.
fn later_cases<'p>(plan: &'p Plan<'_>, c: &Case) -> Vec<&'p str> {
    let Some(number) = c.number_value() else {
        return Vec::new();
    };
    case_registrations(plan)
        .filter(|(other, _)| other.previous.iter().any(|p| p.value == number))
        .map(|(_, id)| id)
        .collect()
}

fn case_registrations<'p>(plan: &'p Plan<'_>) -> impl Iterator<Item = (&'p Case, &'p str)> {
    plan.meetings
        .iter()
        .flat_map(|m| &m.registrations)
        .filter_map(|r| match r.what {
            Registered::Case(c) => Some((c, r.id.as_str())),
            _ => None,
        })
}

/// `s`, or `otherwise` when `s` is blank (the schemas want no empty text).
fn non_empty<'s>(s: &'s str, otherwise: &'s str) -> &'s str {
    match s.trim().is_empty() {
        true => otherwise,
        false => s,
    }
}
