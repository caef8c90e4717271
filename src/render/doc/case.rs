//! The case document, and the view of a case that every agenda, overview
//! and minutes row shows. The document's body, with its generated blocks,
//! is `body.rs`.

use crate::diag::Error;
use crate::model::{Case, CaseKind, CaseNumber, CaseStatus, MeetingNumber, Record};
use crate::render::labels::Labels;
use crate::render::markdown;
use crate::render::pictures::{ImageBase, Pictures};
use crate::render::renderer::{Fragment, Renderer};
use crate::render::view::{self, MeetingView, RenderOptions};
use crate::render::OutputFormat;
use serde::Serialize;

/// One part of a multi-part case.
#[derive(Debug, Clone, Serialize)]
pub struct PartView {
    /// 1-based position: "1", "2"
    pub n: usize,
    pub title: String,
    /// The part's case type
    pub kind: String,
}

/// `case`: one case, and each row of an agenda or overview.
#[derive(Debug, Clone, Serialize)]
pub struct CaseView {
    /// "43/21"
    pub number: String,
    /// "43-21"
    pub number_dashed: String,
    /// "sak-43-21": an id for links within a pack
    pub anchor: String,
    /// The meeting's number, "7/2021"
    pub meeting: Option<String>,
    pub title: String,
    /// The case type, for a single-type case
    pub kind: Option<String>,
    /// The parts of a multi-part case (empty otherwise)
    pub parts: Vec<PartView>,
    /// The description as written (Markdown), unless withheld
    pub description: Option<String>,
    /// The description split into lines for table cells; list bullets become "• "
    pub description_lines: Vec<String>,
    /// The description as sanitised HTML (HTML output only, when a template names this field)
    pub description_html: Option<String>,
    /// Sakseier
    pub owner: Option<String>,
    /// The line the agenda prints under the title (an organisation, say)
    pub agenda_note: Option<String>,
    /// The case document's name, "43-21 Sentralt styringsdokument for steg 2"; none when the case has no document (so none for an exempt case in a public rendering)
    pub document: Option<String>,
    /// The case document's title (the case title unless `document` says otherwise)
    pub document_title: String,
    /// The legal basis of an exemption from public access, "Offl. § 14"
    pub exempt: Option<String>,
    /// "Unntatt offentlighet (Offl. § 14)" when the case is exempt
    pub exempt_text: Option<String>,
    /// True when this is a public rendering of an exempt case: nothing but number, meeting, title, type and `exempt_text` is filled in
    pub withheld: bool,
    /// In a public rendering, a decided exempt case: "Vedtak fattet – unntatt offentlighet (Offl. § 14)", where its decision would stand
    pub decided_exempt: Option<String>,
    /// Earlier case numbers this case continues
    pub previous: Vec<String>,
    pub proposed_decision: Option<String>,
    /// The proposed decision as sanitised HTML (HTML output only)
    pub proposed_decision_html: Option<String>,
    pub decision: Option<String>,
    /// The decision as sanitised HTML (HTML output only)
    pub decision_html: Option<String>,
    /// The case document as Markdown ("" when none or withheld); in case
    /// documents with its generated blocks expanded
    pub body: String,
    /// The case document as sanitised HTML, generated blocks included; filled
    /// in case documents only (empty in notices, overviews and minutes)
    pub body_html: String,
    /// The notice's Beskrivelse cell, line by line: "1: <part title>" for each part, then the description
    pub agenda_description: Vec<String>,
    /// The notice's Type sak cell, line by line: the type, or "1: <part type>" for each part
    pub agenda_type: Vec<String>,
    /// The overview's Beskrivelse av sak cell: "• Del 1: <part title>" for each part, then the description
    pub overview_description: Vec<String>,
    /// The overview's Type sak cell: the type, or "Del 1: <part type>" for each part
    pub overview_type: Vec<String>,
    /// Footnote marker in overviews ("*" for an acknowledged numbering finding), else ""
    pub marker: String,
    /// draft, ready, decided or withdrawn
    pub status: &'static str,
    /// True for a case without a number (a draft): its document is marked
    /// `l.draft`, and `l.no_number` stands where its number would
    pub unnumbered: bool,
}

impl<'a> Renderer<'a> {
    /// One case document.
    pub fn case(&self, c: &Case, format: OutputFormat) -> Result<Fragment, Error> {
        let mut case = self.case_view(c, format);
        self.render_body(c, &mut case, format)?;
        let meeting = c.meeting_value().and_then(|m| self.meeting_view(m));
        let mut ctx = self.base_context();
        ctx.insert("case", &case);
        ctx.insert("meeting", &meeting);
        Ok(Fragment {
            draft: case.unnumbered,
            // Headed by the case's own title, as the source's documents are,
            // while the agenda may name its document by a shorter `document:`.
            title: match (case.unnumbered, &case.document) {
                (true, _) => format!("{} {}", self.labels.draft, case.title),
                (false, Some(_)) => format!("{} {}", case.number_dashed, case.title),
                (false, None) => format!("{} {}", case.number, case.title),
            },
            text: self.fill(format, "case", &ctx)?,
        })
    }

    /// The case numbered `number`; an unknown number suggests the nearest.
    /// A number two cases carry (an acknowledged `duplicate-case`) renders
    /// neither: which one was meant cannot be told, so the error names them.
    pub fn find_case(&self, number: CaseNumber) -> Result<&'a Case, Error> {
        let cases: Vec<&Case> = self.record.cases_numbered(number).collect();
        if cases.len() > 1 {
            let files: Vec<String> = cases
                .iter()
                .map(|c| crate::report::printable(c.file.name(), &[]).into_owned())
                .collect();
            let mut packs: Vec<String> = cases
                .iter()
                .filter_map(|c| c.meeting.as_ref())
                .map(|m| format!("`pds render pack {}`", m.value))
                .collect();
            packs.dedup();
            let instead = if packs.is_empty() {
                String::new()
            } else {
                format!(
                    " {} shows them in their meeting's pack.",
                    packs.join(" or ")
                )
            };
            return Err(Error::Conflict(format!(
                "{} cases carry the number {number}: {}; pds cannot tell which to render.{instead} \
                 Render one by its path: `pds render case {}`",
                cases.len(),
                files.join(" and "),
                files.first().map(String::as_str).unwrap_or_default()
            )));
        }
        self.record.find_case(number).map_err(Error::from)
    }

    /// The case's meeting, when the record has it.
    fn meeting_view(&self, number: MeetingNumber) -> Option<MeetingView> {
        self.record
            .meeting(number)
            .map(|m| view::meeting(self.record, &self.labels, m))
    }

    /// A case as agendas, overviews and the case document show it; for HTML
    /// (and PDF) with its texts rendered and sanitised.
    pub(crate) fn case_view(&self, c: &Case, format: OutputFormat) -> CaseView {
        let mut v = case(c, self.opts, &self.labels);
        if format.is_html() {
            let description = self.templates.description_html_used;
            case_html(self.record, c, &mut v, &self.pictures, description);
        }
        v
    }
}

/// Splits Markdown into table-cell lines: blank lines dropped, `- x` → `• x`.
fn cell_lines(text: &str) -> Vec<String> {
    text.lines()
        .map(str::trim)
        .filter(|l| !l.is_empty())
        .map(
            |l| match l.strip_prefix("- ").or_else(|| l.strip_prefix("* ")) {
                Some(rest) => format!("• {rest}"),
                None => l.to_string(),
            },
        )
        .collect()
}

/// Where a case's pictures may come from: its folder, inside the record;
/// `pictures` are those of the document being rendered.
pub(crate) fn image_base(record: &Record, c: &Case, pictures: &Pictures) -> ImageBase {
    ImageBase {
        file: c.file.name().to_string(),
        pictures: pictures.clone(),
        root: record.root.clone(),
        dir: c
            .file
            .path()
            .parent()
            .map(|p| p.to_path_buf())
            .unwrap_or_else(|| record.root.clone()),
    }
}

/// "Unntatt offentlighet (Offl. § 14)"; without a basis, the words alone.
fn with_basis(words: &str, basis: &str) -> String {
    match basis.trim() {
        "" => words.to_string(),
        basis => format!("{words} ({basis})"),
    }
}

/// The type of a single-type case, or the parts of a multi-part one.
fn kind_and_parts(kind: &CaseKind) -> (Option<String>, Vec<PartView>) {
    match kind {
        CaseKind::Single(t) => (Some(t.clone()), Vec::new()),
        CaseKind::Parts(parts) => (
            None,
            parts
                .iter()
                .enumerate()
                .map(|(i, p)| PartView {
                    n: i + 1,
                    title: p.title.clone(),
                    kind: p.kind.clone(),
                })
                .collect(),
        ),
        CaseKind::Unknown => (None, Vec::new()),
    }
}

/// The Beskrivelse and Type sak cells of the notice's and the overview's tables.
struct Cells {
    agenda_description: Vec<String>,
    agenda_type: Vec<String>,
    overview_description: Vec<String>,
    overview_type: Vec<String>,
}

fn cells(kind: Option<&str>, parts: &[PartView], description: &[String], l: &Labels) -> Cells {
    let agenda_description = parts
        .iter()
        .map(|p| format!("{}: {}", p.n, p.title))
        .chain(description.iter().cloned())
        .collect();
    let overview_description = parts
        .iter()
        .map(|p| format!("• {} {}: {}", l.part, p.n, p.title))
        .chain(description.iter().cloned())
        .collect();
    let (agenda_type, overview_type) = match kind {
        Some(k) => (vec![k.to_string()], vec![k.to_string()]),
        None => (
            parts
                .iter()
                .map(|p| format!("{}: {}", p.n, p.kind))
                .collect(),
            parts
                .iter()
                .map(|p| format!("{} {}: {}", l.part, p.n, p.kind))
                .collect(),
        ),
    };
    Cells {
        agenda_description,
        agenda_type,
        overview_description,
        overview_type,
    }
}

/// The view of a case, its text as the record holds it (`case_html` adds
/// the HTML; `Renderer::case` the body with its generated blocks).
pub fn case(c: &Case, opts: RenderOptions, l: &Labels) -> CaseView {
    let number = c.number_value();
    let number_text = number.map(|n| n.to_string()).unwrap_or_default();
    let number_dashed = number.map(|n| n.dashed()).unwrap_or_default();
    let withheld = opts.public && c.exempt.is_some();
    let (kind, parts) = kind_and_parts(&c.kind);
    // A public rendering reads the record's public view: what an exempt case
    // may not show is not there to read (see `model::public`).
    let description = c.description.as_deref().map(str::to_string);
    let proposed_decision = c.proposed_decision.as_deref().map(str::to_string);
    let decision = c.decision.as_deref().map(str::to_string);
    let body = c.body().to_string();
    let description_lines = description.as_deref().map(cell_lines).unwrap_or_default();
    let Cells {
        agenda_description,
        agenda_type,
        overview_description,
        overview_type,
    } = cells(kind.as_deref(), &parts, &description_lines, l);
    CaseView {
        unnumbered: number.is_none(),
        agenda_description,
        agenda_type,
        overview_description,
        overview_type,
        anchor: format!("sak-{number_dashed}"),
        number: number_text,
        number_dashed,
        meeting: c.meeting_value().map(|m| m.to_string()),
        title: c.title.to_string(),
        kind,
        parts,
        description_lines,
        // The `_html` fields: `case_html`, for HTML output only.
        description_html: None,
        description,
        owner: c.owner.as_deref().map(str::to_string),
        agenda_note: c.agenda_note.as_deref().map(str::to_string),
        document: if c.has_document() {
            c.document_name()
        } else {
            None
        },
        document_title: c.document_title().to_string(),
        exempt_text: c
            .exempt
            .as_deref()
            .map(|basis| with_basis(&l.exempt, basis)),
        decided_exempt: c
            .exempt
            .as_deref()
            .filter(|_| withheld && c.status == CaseStatus::Decided)
            .map(|basis| with_basis(&l.decided_exempt, basis)),
        exempt: c.exempt.as_deref().map(str::to_string),
        withheld,
        previous: c.previous.iter().map(|p| p.value.to_string()).collect(),
        proposed_decision_html: None,
        proposed_decision,
        decision_html: None,
        decision,
        // Rendered by `Renderer::case` only: notices and overviews never show it.
        body_html: String::new(),
        body,
        marker: String::new(),
        status: c.status.as_str(),
    }
}

/// Fills in a case view's description (when `description`: a template
/// shows it), proposed decision and decision as HTML, from the view's own
/// text (so nothing withheld can appear): done for HTML output only, since
/// Markdown output never shows them.
pub fn case_html(
    record: &Record,
    c: &Case,
    v: &mut CaseView,
    pictures: &Pictures,
    description: bool,
) {
    let id_prefix = format!("sak-{}-", v.number_dashed);
    let images = image_base(record, c, pictures);
    let html = |text: &str| markdown::to_html(text, &id_prefix, Some(&images));
    if description {
        v.description_html = v.description.as_deref().map(html);
    }
    v.proposed_decision_html = v.proposed_decision.as_deref().map(html);
    v.decision_html = v.decision.as_deref().map(html);
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_table_cells_number_the_parts_of_a_case() {
        let l = crate::render::labels::builtin(crate::model::Language::Nb);
        let parts = [1, 2].map(|n| PartView {
            n,
            title: format!("Del {n}"),
            kind: "Orientering".into(),
        });
        let c = cells(None, &parts, &["• A".to_string()], &l);
        assert_eq!(c.agenda_description, ["1: Del 1", "2: Del 2", "• A"]);
        assert_eq!(c.agenda_type, ["1: Orientering", "2: Orientering"]);
        assert_eq!(c.overview_description[0], format!("• {} 1: Del 1", l.part));
        assert_eq!(c.overview_type[1], format!("{} 2: Orientering", l.part));
        let single = cells(Some("Vedtak"), &[], &[], &l);
        assert_eq!(single.agenda_type, ["Vedtak"]);
        assert_eq!(single.overview_type, ["Vedtak"]);
        assert!(single.agenda_description.is_empty());
    }

    #[test]
    fn cell_lines_turn_lists_into_bullets() {
        assert_eq!(
            cell_lines("1: Status\n\n2: Saker\n\n- A\n- B\n"),
            vec!["1: Status", "2: Saker", "• A", "• B"]
        );
    }
}
