//! The board's site (`pds site`, `pds serve`): every meeting, case and
//! register as static pages, built in memory from the documents `render`
//! writes, inside a site layout with its own stylesheet and a search page.
//!
//! Public unless asked otherwise: the command hands in the record's public
//! view (`model::public::view`), so no page and no search entry can hold
//! what the view does not. Every link is relative (the site works from
//! `file://` and from any sub-path) and ends in `index.html`; no page asks
//! for anything outside the site.

mod lists;
mod pages;
mod search;
mod words;

use super::labels::Labels;
use super::templates::{escape_html, template_error, Templates};
use super::view::RenderOptions;
use super::Renderer;
use crate::diag::{Error, Finding};
use crate::model::{Case, CaseNumber, Meeting, MeetingNumber, Record};
use std::collections::BTreeMap;

/// What kind of site to build.
#[derive(Debug, Clone, Copy, Default)]
pub struct SiteOptions {
    /// Exempt content included (the record is not the public view); every
    /// page says so in a banner.
    pub internal: bool,
    /// Each meeting's pack as a PDF beside its page (printed by Chromium).
    pub pdf: bool,
    /// Pages load `__pds/reload.js`, which reloads them when `pds serve`
    /// built the site again.
    pub live_reload: bool,
}

/// What a commit did to a case's file, as the case's page tells it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Change {
    /// Written as a draft (added in `drafts/`).
    Drafted,
    /// Given its number on a meeting's agenda (added numbered, or moved out of `drafts/`).
    Scheduled,
    /// Its decision written (a `decision:` line added).
    Decided,
    /// Any other change (renumbered or renamed included).
    Changed,
}

/// One line of a case's history.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct HistoryEntry {
    /// `YYYY-MM-DD`
    pub date: String,
    pub change: Change,
    /// The commit's subject: shown on the internal site only (a message may
    /// name what an exempt case is about).
    pub subject: String,
}

/// Case histories by the case file's path relative to the record; empty
/// outside git.
pub type Histories = BTreeMap<String, Vec<HistoryEntry>>;

/// The built site: file contents by path relative to the site's folder
/// (`2021/7/index.html`), `/`-separated.
#[derive(Debug, Default)]
pub struct Site {
    pub files: BTreeMap<String, Vec<u8>>,
}

/// The marker file every built site holds: `pds site` replaces a folder only
/// when it finds it there (it is a site pds built, not someone's folder).
pub const MARKER: &str = ".pds-site";

/// The page of each case by its place in `record.cases`: `sak/45-21/`, and
/// for a number two cases carry, `sak/5-21/` and `sak/5-21-2/` in the
/// record's order of them (`tie_order`, then file name: as agendas and
/// `pds list` give them). Cases without a number (drafts) have no page.
pub fn case_paths(record: &Record) -> Vec<Option<String>> {
    let mut order: Vec<usize> = (0..record.cases.len()).collect();
    order.sort_by_key(|&i| record.cases.get(i).map(Case::number_order));
    let mut seen: BTreeMap<CaseNumber, u32> = BTreeMap::new();
    let mut paths = vec![None; record.cases.len()];
    for i in order {
        let Some(n) = record.cases.get(i).and_then(Case::number_value) else {
            continue;
        };
        let count = seen.entry(n).or_insert(0);
        *count += 1;
        if let Some(slot) = paths.get_mut(i) {
            *slot = Some(match *count {
                1 => format!("sak/{}-{:02}/index.html", n.seq, n.yy),
                k => format!("sak/{}-{:02}-{k}/index.html", n.seq, n.yy),
            });
        }
    }
    paths
}

fn meeting_path(m: &Meeting) -> String {
    format!("{}/{}/index.html", m.number.value.year, m.number.value.seq)
}

/// `text` as HTML text.
pub(crate) fn esc(text: &str) -> String {
    let mut out = Vec::new();
    let _ = escape_html(text, &mut out);
    String::from_utf8_lossy(&out).into_owned()
}

/// Builds the site of `record` (its public view, unless `opts.internal`).
/// `errors` are shown on every page (the internal site of a record with
/// errors, as `pds serve` shows it).
pub fn build(
    record: &Record,
    templates: &Templates,
    findings: &[Finding],
    histories: &Histories,
    sequences: &BTreeMap<MeetingNumber, u32>,
    errors: &[String],
    opts: SiteOptions,
) -> Result<Site, Error> {
    // The record's words (its own and `pds.yaml`'s over the built-in ones),
    // as its documents have them.
    let labels = Renderer::new(record, templates, RenderOptions::default()).labels;
    let b = Builder {
        lang: labels.lang.clone(),
        sequences,
        record,
        templates,
        findings,
        opts,
        w: &labels,
        errors,
        site: Site::default(),
        index: Vec::new(),
        case_paths: case_paths(record),
        by_file: BTreeMap::new(),
    };
    b.build(histories)
}

struct Builder<'a> {
    /// The pages' `lang`, as the documents' labels give it.
    lang: String,
    /// Each meeting's invite's SEQUENCE (how often it moved), as `render invite` gives it.
    sequences: &'a BTreeMap<MeetingNumber, u32>,
    record: &'a Record,
    templates: &'a Templates,
    findings: &'a [Finding],
    opts: SiteOptions,
    /// The site's words: the record's labels.
    w: &'a Labels,
    errors: &'a [String],
    site: Site,
    index: Vec<search::Entry>,
    case_paths: Vec<Option<String>>,
    /// Each case's page by its file's name (unique in a record).
    by_file: BTreeMap<&'a str, String>,
}

/// The way from a page at `path` up to the site's folder: `../../`.
fn up(path: &str) -> String {
    "../".repeat(path.matches('/').count())
}

impl<'a> Builder<'a> {
    /// A renderer of its own for each page, so the page's stylesheet holds
    /// its own pictures only. The findings are cloned only for a document
    /// that asks (the overview's footnotes).
    fn renderer(&self) -> Renderer<'a> {
        let findings = self.findings;
        Renderer::new(
            self.record,
            self.templates,
            RenderOptions {
                public: !self.opts.internal,
            },
        )
        .with_findings_from(move || findings.to_vec())
    }

    fn build(mut self, histories: &Histories) -> Result<Site, Error> {
        let record = self.record;
        self.by_file = record
            .cases
            .iter()
            .zip(&self.case_paths)
            .filter_map(|(c, p)| Some((c.file.name(), p.clone()?)))
            .collect();
        let style = self.style()?;
        self.put_bytes("site.css", style.into_bytes());
        for m in record.meetings_by_date() {
            self.meeting(m)?;
        }
        for (i, c) in record.cases.iter().enumerate() {
            let Some(path) = self.case_paths.get(i).cloned().flatten() else {
                continue;
            };
            self.case(c, &path, histories)?;
        }
        self.cases_page();
        self.decisions_page()?;
        self.registers()?;
        self.overviews()?;
        self.index_page();
        self.search_pages();
        if self.opts.live_reload {
            self.put_bytes("__pds/reload.js", include_bytes!("site/reload.js").to_vec());
        }
        self.put_bytes(
            MARKER,
            b"Built by pds site; pds site replaces this folder.\n".to_vec(),
        );
        Ok(self.site)
    }

    fn put_bytes(&mut self, path: &str, bytes: Vec<u8>) {
        self.site.files.insert(path.to_string(), bytes);
    }

    /// The documents' own stylesheet (the record's `templates/style.css` if
    /// it has one), then the site's.
    fn style(&self) -> Result<String, Error> {
        let r = self.renderer();
        let css = self
            .templates
            .html
            .render("style.css", &r.base_context())
            .map_err(|e| template_error(&e, Some("style.css")))?;
        Ok(format!("{css}\n{}", include_str!("site/site.css")))
    }

    /// A page at `path`: `content` (HTML) inside the site's layout, and its
    /// entry in the search index when `kind` is given.
    fn page(
        &mut self,
        path: &str,
        title: &str,
        content: &str,
        pictures: &str,
        search: Option<&str>,
    ) {
        let root = up(path);
        let w = self.w;
        let board = esc(&self.record.board.name);
        let mut html = String::with_capacity(content.len() + 2048);
        html.push_str(&format!(
            "<!DOCTYPE html>\n<html lang=\"{lang}\">\n<head>\n<meta charset=\"utf-8\">\n\
             <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n\
             <meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; img-src data:; style-src 'self' 'unsafe-inline'; script-src 'self'; connect-src 'self'\">\n\
             <meta name=\"generator\" content=\"pds\">\n<title>{title}</title>\n\
             <link rel=\"stylesheet\" href=\"{root}site.css\">\n",
            lang = self.lang,
            title = match title == self.record.board.name {
                true => board.clone(),
                false => format!("{} – {board}", esc(title)),
            },
        ));
        if !pictures.is_empty() {
            html.push_str(&format!("<style>\n{pictures}</style>\n"));
        }
        html.push_str("</head>\n<body>\n");
        if self.opts.internal {
            html.push_str(&format!(
                "<p class=\"internal-banner\" role=\"note\">{}</p>\n",
                esc(&w.site_internal)
            ));
        }
        html.push_str(&format!(
            "<header class=\"site\"><a class=\"name\" href=\"{root}index.html\">{board}</a>\
             <nav><a href=\"{root}index.html\">{}</a><a href=\"{root}sak/index.html\">{}</a>\
             <a href=\"{root}vedtak/index.html\">{}</a><a href=\"{root}search.html\">{}</a></nav></header>\n",
            esc(&w.site_meetings),
            esc(&w.site_cases),
            esc(&w.site_decisions),
            esc(&w.site_search),
        ));
        if !self.errors.is_empty() {
            html.push_str(&format!(
                "<div class=\"site-findings\" role=\"alert\"><p><strong>{}</strong></p><pre>",
                esc(&w.site_errors)
            ));
            for e in self.errors {
                html.push_str(&esc(e));
                html.push('\n');
            }
            html.push_str("</pre></div>\n");
        }
        html.push_str("<main>\n");
        html.push_str(content);
        html.push_str("\n</main>\n");
        if path == "search.html" {
            html.push_str(
                "<script src=\"search-index.js\"></script>\n<script src=\"search.js\"></script>\n",
            );
        }
        if self.opts.live_reload {
            html.push_str(&format!(
                "<script src=\"{root}__pds/reload.js\"></script>\n"
            ));
        }
        html.push_str("</body>\n</html>\n");
        if let Some(kind) = search {
            self.index
                .push(search::Entry::new(path, title, kind, content));
        }
        self.put_bytes(path, html.into_bytes());
    }
}
