//! `pds archive`: the board's record as a Noark 5 v5.0 extraction
//! (arkivuttrekk) for the archive authority, and the reader that checks one.
//!
//! An extraction holds `arkivstruktur.xml` (the archive: the board, the
//! period, one meeting folder per held meeting with a registration per
//! notice, case and minutes, each document described and checksummed),
//! `endringslogg.xml` when the record's git history changed registered
//! metadata, `arkivuttrekk.xml` (ADDML: every file, its checksum, the
//! counts), the official schemas, and the documents as PDF in `dokumenter/`.
//! The same record gives the same bytes: every `systemID` is a UUID v5 of
//! the board and what it names, every date is the record's own.

pub mod addml;
pub mod changes;
pub mod ids;
pub mod read;
pub mod schemas;
pub mod structure;
pub mod xml;

use crate::diag::{Error, Finding, Severity};
use crate::model::{Case, Meeting, Record};
use crate::render::view::RenderOptions;
use crate::render::{templates::Templates, OutputFormat, Renderer};
use ids::Ids;

/// Where the documents are, relative to the extraction's root: `dokumenter`,
/// as the Riksarkivar's regulation's example path has it
/// (`dokumenter/2010/januar/123456789.pdf`) and as archives receive them; the
/// standard's requirement 6.4.15 names the folder `DOKUMENT`, and the two
/// cannot both be met.
pub const DOCUMENTS: &str = "dokumenter";

/// The years an extraction covers, both included.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Period {
    pub from: u16,
    pub to: u16,
}

impl Period {
    pub fn holds(&self, year: u16) -> bool {
        (self.from..=self.to).contains(&year)
    }

    /// `2021` or `2021–2022`.
    pub fn label(&self) -> String {
        match self.from == self.to {
            true => self.from.to_string(),
            false => format!("{}–{}", self.from, self.to),
        }
    }
}

/// A whole extraction, ready to be written: every file by its path.
pub struct Extraction {
    /// (path relative to the extraction's root, bytes), sorted by path.
    pub files: Vec<(String, Vec<u8>)>,
    /// The meetings of the period not deposited: `7/2021 (planned, 2021-12-01)`.
    pub left_out: Vec<String>,
    /// What rendering the documents left out (a picture from the web, …).
    pub warnings: Vec<String>,
    pub counts: Counts,
}

/// What an extraction holds, as `arkivuttrekk.xml` counts it.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Counts {
    /// Meeting folders (`mappe`).
    pub meetings: usize,
    /// Meeting registrations (`registrering`).
    pub registrations: usize,
    /// Document files (`dokumentobjekt`).
    pub documents: usize,
    /// Changes in `endringslogg.xml` (0: the file is left out).
    pub changes: usize,
    /// Registrations screened (`skjerming`): exempt cases.
    pub screened: usize,
}

/// One deposited meeting: its folder and registrations.
pub struct MeetingEntry<'a> {
    pub meeting: &'a Meeting,
    pub id: String,
    /// Who attended, as the meeting records it (`moetedeltaker`): name
    /// and role (Møteleder, Referent, …). None when it records no attendance.
    pub participants: Vec<(String, Option<String>)>,
    pub registrations: Vec<Registration<'a>>,
}

/// What a registration registers.
pub enum Registered<'a> {
    Notice,
    Case(&'a Case),
    Minutes,
}

/// One meeting registration (`moeteregistrering`) and its document.
pub struct Registration<'a> {
    pub id: String,
    pub what: Registered<'a>,
    pub title: String,
    pub document: Option<Document>,
}

/// A document file of the extraction and how it is described.
pub struct Document {
    pub description_id: String,
    pub object_id: String,
    /// `dokumenter/2021/05-21-kommunikasjonsstrategi.pdf`
    pub path: String,
    pub title: String,
    pub bytes: Vec<u8>,
    pub sha256: String,
}

impl Document {
    /// The format as the standard's `format` names it: `PDF/A` when the
    /// file declares PDF/A conformance in its metadata, else `PDF`.
    pub fn format(&self) -> &'static str {
        pdf_format(&self.bytes)
    }
}

/// Everything `arkivstruktur.xml` is written from.
pub struct Plan<'a> {
    pub record: &'a Record,
    pub ids: Ids,
    pub period: Period,
    pub meetings: Vec<MeetingEntry<'a>>,
    /// Who made the archive (`opprettetAv`, `arkivskaper`): the secretariat, else the board.
    pub creator: String,
}

impl Plan<'_> {
    pub fn counts(&self) -> Counts {
        let registrations = self.meetings.iter().flat_map(|m| &m.registrations);
        Counts {
            meetings: self.meetings.len(),
            registrations: registrations.clone().count(),
            documents: registrations
                .clone()
                .filter(|r| r.document.is_some())
                .count(),
            changes: 0,
            screened: registrations
                .filter(|r| matches!(r.what, Registered::Case(c) if c.exempt.is_some()))
                .count(),
        }
    }

    /// The registration of a case, by the case (its file).
    pub fn case_registration(&self, case: &Case) -> Option<&Registration<'_>> {
        self.meetings
            .iter()
            .flat_map(|m| &m.registrations)
            .find(|r| matches!(r.what, Registered::Case(c) if std::ptr::eq(c, case)))
    }
}

/// The period asked for, or the years of the record's held meetings.
pub fn period(record: &Record, from: Option<u16>, to: Option<u16>) -> Result<Period, Error> {
    let held: Vec<u16> = record
        .meetings
        .iter()
        .filter(|m| m.status.was_held())
        .map(|m| m.number.value.year)
        .collect();
    // One year given: the other defaults to the held meetings' range, but
    // never past it (`--from 2022` alone is 2022 onward, not an error).
    let first = held.iter().min().copied();
    let last = held.iter().max().copied();
    let (from, to) = match (from, to) {
        (Some(f), None) => (Some(f), last.map(|l| l.max(f)).or(Some(f))),
        (None, Some(t)) => (first.map(|f| f.min(t)).or(Some(t)), Some(t)),
        (f, t) => (f.or(first), t.or(last)),
    };
    match (from, to) {
        (Some(from), Some(to)) if from <= to => Ok(Period { from, to }),
        (Some(from), Some(to)) => Err(Error::Usage(format!(
            "--from {from} is after --to {to}: give the first year, then the last"
        ))),
        _ => Err(Error::NotFound(
            "the record has no held or approved meeting to deposit".into(),
        )),
    }
}

/// Refuses a period whose files have errors that are not acknowledged:
/// an extraction is a deposit for good, and a file written wrongly (an
/// `exempt:` misspelt) would deposit wrong metadata.
pub fn refuse_errors(findings: &[Finding], period: Period) -> Result<(), Error> {
    let errors: Vec<&Finding> = findings
        .iter()
        .filter(|f| f.severity == Severity::Error && !f.is_acknowledged())
        .filter(|f| {
            let file = f.at.file.name();
            // A year folder of the period, and everything its documents
            // read (pds.yaml, the registers); not another year, not a draft.
            match file.split_once('/') {
                Some(("drafts", _)) => false,
                Some((year, _)) => year.parse::<u16>().map_or(true, |y| period.holds(y)),
                None => true,
            }
        })
        .collect();
    if errors.is_empty() {
        return Ok(());
    }
    let lead = format!(
        "pds archive deposits nothing while the record of {} has {{}}: a deposit is for good, and a file written wrongly would deposit wrong metadata",
        period.label()
    );
    Err(Error::Refused(
        crate::render::public::refusal(&lead, &errors).0,
    ))
}

/// Builds the extraction of `period` from a record that checked clean
/// (`refuse_errors`): renders every document, writes every XML file.
pub fn build(
    record: &Record,
    templates: &Templates,
    findings: Vec<Finding>,
    period: Period,
) -> Result<Extraction, Error> {
    let mut in_period: Vec<&Meeting> = record
        .meetings
        .iter()
        .filter(|m| period.holds(m.number.value.year))
        .collect();
    in_period.sort_by_key(|m| (m.number.value.year, m.number.value.seq));
    let left_out: Vec<String> = in_period
        .iter()
        .filter(|m| !m.status.was_held())
        .map(|m| {
            format!(
                "{} ({}, {})",
                m.number.value,
                m.status.as_str(),
                m.date.value
            )
        })
        .collect();
    let held: Vec<&Meeting> = in_period
        .into_iter()
        .filter(|m| m.status.was_held())
        .collect();
    if held.is_empty() {
        return Err(Error::NotFound(format!(
            "the record has no held or approved meeting in {} to deposit",
            period.label()
        )));
    }
    let renderer =
        Renderer::new(record, templates, RenderOptions { public: false }).with_findings(findings);
    let ids = Ids::new(&record.board.name);
    let mut meetings = Vec::new();
    for meeting in held {
        meetings.push(meeting_entry(&renderer, &ids, meeting)?);
    }
    // Two documents at one path would leave one file for two descriptions.
    let mut paths = std::collections::BTreeSet::new();
    for m in &meetings {
        for doc in m.registrations.iter().filter_map(|r| r.document.as_ref()) {
            if !paths.insert(doc.path.as_str()) {
                return Err(Error::Render(format!(
                    "two documents of the deposit would be written as {}: rename one of their case files",
                    crate::report::printable(&doc.path, &[])
                )));
            }
        }
    }
    drop(paths);
    let plan = Plan {
        record,
        ids,
        period,
        creator: record
            .board
            .secretariat
            .clone()
            .filter(|s| !s.trim().is_empty())
            .unwrap_or_else(|| record.board.name.clone()),
        meetings,
    };
    let mut counts = plan.counts();
    let mut files: Vec<(String, Vec<u8>)> = Vec::new();
    files.push((
        "arkivstruktur.xml".into(),
        structure::write(&plan).into_bytes(),
    ));
    let changes = changes::collect(&plan)?;
    counts.changes = changes.len();
    if !changes.is_empty() {
        files.push((
            "endringslogg.xml".into(),
            changes::write(&changes).into_bytes(),
        ));
    }
    for (name, bytes) in schemas::ALL {
        // endringslogg.xsd goes with endringslogg.xml only.
        if *name != "endringslogg.xsd" || !changes.is_empty() {
            files.push(((*name).to_string(), bytes.to_vec()));
        }
    }
    for m in &mut plan_documents(plan.meetings) {
        files.push((std::mem::take(&mut m.path), std::mem::take(&mut m.bytes)));
    }
    files.sort_by(|a, b| a.0.cmp(&b.0));
    let addml = addml::write(record, period, &files, counts);
    files.push(("arkivuttrekk.xml".into(), addml.into_bytes()));
    files.sort_by(|a, b| a.0.cmp(&b.0));
    Ok(Extraction {
        files,
        left_out,
        warnings: renderer.pictures.warnings(),
        counts,
    })
}

fn plan_documents(meetings: Vec<MeetingEntry<'_>>) -> Vec<Document> {
    meetings
        .into_iter()
        .flat_map(|m| m.registrations)
        .filter_map(|r| r.document)
        .collect()
}

/// A meeting's folder: the notice, every case of its agenda, the minutes.
fn meeting_entry<'a>(
    renderer: &Renderer<'a>,
    ids: &Ids,
    meeting: &'a Meeting,
) -> Result<MeetingEntry<'a>, Error> {
    let record = renderer.record;
    let number = meeting.number.value;
    let view = crate::render::view::meeting(record, &renderer.labels, meeting);
    let folder = format!("{DOCUMENTS}/{}", number.year);
    let mut registrations = Vec::new();
    let key = number.to_string();
    let notice_title = format!("Møteinnkalling {number}");
    registrations.push(Registration {
        id: ids.id("notice", &key),
        what: Registered::Notice,
        title: notice_title.clone(),
        document: Some(document(
            ids,
            &format!("notice {key}"),
            format!("{folder}/moete-{:02}-innkalling.pdf", number.seq),
            notice_title,
            renderer.typeset(
                &renderer.print_fragment(renderer.notice(number, OutputFormat::Pdf)?, Some(number)),
            )?,
        )),
    });
    for case in record.agenda(number) {
        let file = case.file.name();
        let key = format!("{} {file}", number_of(case));
        let stem = file
            .rsplit('/')
            .next()
            .unwrap_or(file)
            .trim_end_matches(".md");
        let doc = match case.has_document() {
            true => Some(document(
                ids,
                &format!("case document {key}"),
                format!("{folder}/saker/{stem}.pdf"),
                case.document_title().to_string(),
                renderer.typeset(&renderer.print_case(case)?)?,
            )),
            false => None,
        };
        registrations.push(Registration {
            id: ids.id("case", &key),
            what: Registered::Case(case),
            title: case.title.to_string(),
            document: doc,
        });
    }
    let minutes_title = format!("Møteprotokoll {number}");
    registrations.push(Registration {
        id: ids.id("minutes", &key),
        what: Registered::Minutes,
        title: minutes_title.clone(),
        document: Some(document(
            ids,
            &format!("minutes {key}"),
            format!("{folder}/moete-{:02}-protokoll.pdf", number.seq),
            minutes_title,
            renderer.typeset(
                &renderer
                    .print_fragment(renderer.minutes(number, OutputFormat::Pdf)?, Some(number)),
            )?,
        )),
    });
    Ok(MeetingEntry {
        meeting,
        id: ids.id("meeting", &key),
        participants: participants(meeting, view),
        registrations,
    })
}

/// Who attended as the record says and the minutes show: the chair
/// (Møteleder), the present, the substitutes of the absent, the guests and
/// who kept the minutes (Referent); the absent are no participants.
fn participants(
    meeting: &Meeting,
    view: crate::render::view::MeetingView,
) -> Vec<(String, Option<String>)> {
    let mut out: Vec<(String, Option<String>)> = Vec::new();
    if let Some(chair) = view.chair_recorded {
        out.push((chair, Some("Møteleder".into())));
    }
    for p in view.present {
        if !out.iter().any(|(name, _)| *name == p) {
            out.push((p, None));
        }
    }
    for a in &meeting.absent {
        if let Some(s) = a.substitute.as_deref().filter(|s| !s.trim().is_empty()) {
            out.push((s.to_string(), Some(format!("Vara for {}", a.name.value))));
        }
    }
    for g in view.guests.into_iter().filter(|g| !g.trim().is_empty()) {
        out.push((g, Some("Gjest".into())));
    }
    if let Some(m) = view.minute_taker.filter(|m| !m.trim().is_empty()) {
        out.push((m, Some("Referent".into())));
    }
    out
}

/// `5/21`, or `-` for a case without a number (none is on an agenda).
fn number_of(case: &Case) -> String {
    case.number_value()
        .map_or_else(|| "-".to_string(), |n| n.to_string())
}

fn document(ids: &Ids, key: &str, path: String, title: String, bytes: Vec<u8>) -> Document {
    Document {
        description_id: ids.id("dokumentbeskrivelse", key),
        object_id: ids.id("dokumentobjekt", key),
        sha256: ids::sha256_hex(&bytes),
        path,
        title,
        bytes,
    }
}

/// `PDF/A` when a PDF declares PDF/A conformance in its metadata
/// (`pdfaid:part`), else `PDF`.
pub fn pdf_format(bytes: &[u8]) -> &'static str {
    match find(bytes, b"pdfaid:part").is_some() {
        true => "PDF/A",
        false => "PDF",
    }
}

fn find(haystack: &[u8], needle: &[u8]) -> Option<usize> {
    haystack.windows(needle.len()).position(|w| w == needle)
}
