//! The board's site (`pds site`, `pds serve`): every meeting, case and
//! register as static pages, built in memory from the documents `render`
//! writes, inside a site layout with its own stylesheet and a search page.
//!
//! Public unless asked otherwise: the command hands in the record's public
//! view (`model::public::view`), so no page and no search entry can hold
//! what the view does not. Every link is relative (the site works from
//! `file://` and from any sub-path) and ends in `index.html`; no page asks
//! for anything outside the site.

mod search;
mod words;

use super::labels;
use super::templates::{escape_html, template_error, Templates};
use super::view::RenderOptions;
use super::{pdf, OutputFormat, Renderer};
use crate::diag::{Error, Finding};
use crate::model::{Case, CaseNumber, Meeting, Record};
use std::collections::BTreeMap;
use words::Words;

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
/// record's order. Cases without a number (drafts) have no page.
pub fn case_paths(record: &Record) -> Vec<Option<String>> {
    let mut seen: BTreeMap<CaseNumber, u32> = BTreeMap::new();
    record
        .cases
        .iter()
        .map(|c| {
            let n = c.number_value()?;
            let count = seen.entry(n).or_insert(0);
            *count += 1;
            Some(match *count {
                1 => format!("sak/{}-{:02}/index.html", n.seq, n.yy),
                k => format!("sak/{}-{:02}-{k}/index.html", n.seq, n.yy),
            })
        })
        .collect()
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
    errors: &[String],
    opts: SiteOptions,
) -> Result<Site, Error> {
    let b = Builder {
        record,
        templates,
        findings,
        opts,
        w: words::words(record.board.language),
        errors,
        site: Site::default(),
        index: Vec::new(),
        case_paths: case_paths(record),
        by_file: BTreeMap::new(),
    };
    b.build(histories)
}

struct Builder<'a> {
    record: &'a Record,
    templates: &'a Templates,
    findings: &'a [Finding],
    opts: SiteOptions,
    w: &'static Words,
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
        self.decisions_page();
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
            lang = labels::labels(self.record.board.language).lang,
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
                esc(w.internal)
            ));
        }
        html.push_str(&format!(
            "<header class=\"site\"><a class=\"name\" href=\"{root}index.html\">{board}</a>\
             <nav><a href=\"{root}index.html\">{}</a><a href=\"{root}sak/index.html\">{}</a>\
             <a href=\"{root}vedtak/index.html\">{}</a><a href=\"{root}search.html\">{}</a></nav></header>\n",
            esc(w.meetings),
            esc(w.cases),
            esc(w.decisions),
            esc(w.search),
        ));
        if !self.errors.is_empty() {
            html.push_str(&format!(
                "<div class=\"site-findings\" role=\"alert\"><p><strong>{}</strong></p><pre>",
                esc(w.errors)
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

    fn meeting(&mut self, m: &Meeting) -> Result<(), Error> {
        let path = meeting_path(m);
        let number = m.number.value;
        let w = self.w;
        let r = self.renderer();
        let mut body = String::new();
        let status = w.status(m.status);
        body.push_str(&format!(
            "<p class=\"status\">{} {} · {} · {}</p>\n<ul class=\"meeting-links\">\n",
            esc(w.meeting),
            number,
            esc(&labels::date(self.record.board.language, m.date.value)),
            esc(status),
        ));
        let held = m.status.was_held();
        body.push_str(&format!(
            "<li><a href=\"#notice\">{}</a></li>\n",
            esc(w.notice)
        ));
        if held {
            body.push_str(&format!(
                "<li><a href=\"#minutes\">{}</a></li>\n",
                esc(w.minutes)
            ));
        }
        if let Ok(ics) = r.invite(number) {
            self.put_bytes(&path.replace("index.html", "invite.ics"), ics.into_bytes());
            body.push_str(&format!(
                "<li><a href=\"invite.ics\">{}</a></li>\n",
                esc(w.invite)
            ));
        }
        if self.opts.pdf {
            let pack = r.pack(number, OutputFormat::Pdf)?;
            let html = r.page(&pack)?;
            let bytes = pdf::print(&html)?;
            self.put_bytes(&path.replace("index.html", "pack.pdf"), bytes);
            body.push_str(&format!(
                "<li><a href=\"pack.pdf\">{}</a></li>\n",
                esc(w.pack)
            ));
        }
        body.push_str("</ul>\n");
        // The agenda's cases, each linked to its page.
        let agenda = self.record.agenda(number);
        if !agenda.is_empty() {
            body.push_str(&format!(
                "<h2>{}</h2>\n<ul class=\"agenda-links\">\n",
                esc(w.cases)
            ));
            for c in agenda {
                if let Some(p) = self.path_of(c) {
                    body.push_str(&format!(
                        "<li><a href=\"../../{p}\">{} {}</a></li>\n",
                        c.number_value().map(|n| n.to_string()).unwrap_or_default(),
                        esc(&c.title)
                    ));
                }
            }
            body.push_str("</ul>\n");
        }
        let notice = r.notice(number, OutputFormat::Html)?;
        body.push_str(&format!(
            "<section id=\"notice\">\n{}\n</section>\n",
            notice.text
        ));
        if held {
            let minutes = r.minutes(number, OutputFormat::Html)?;
            body.push_str(&format!(
                "<section id=\"minutes\">\n{}\n</section>\n",
                minutes.text
            ));
        }
        let title = format!("{} {number}", w.meeting);
        let pictures = r.pictures.css();
        self.page(&path, &title, &body, &pictures, Some(w.meeting));
        Ok(())
    }

    /// The page of `c` (a case of the record), by its file.
    fn path_of(&self, c: &Case) -> Option<&str> {
        self.by_file.get(c.file.name()).map(String::as_str)
    }

    fn case(&mut self, c: &Case, path: &str, histories: &Histories) -> Result<(), Error> {
        let w = self.w;
        let r = self.renderer();
        let doc = r.case(c, OutputFormat::Html)?;
        let mut body = String::new();
        if let Some(m) = c.meeting_value().and_then(|m| self.record.meeting(m)) {
            body.push_str(&format!(
                "<ul class=\"case-links\"><li>{} <a href=\"../../{}\">{}</a></li></ul>\n",
                esc(w.on_agenda),
                meeting_path(m),
                esc(&format!("{} {}", w.meeting, m.number.value)),
            ));
        }
        body.push_str(&doc.text);
        // An exempt case's history is left out of the public site: when it
        // changed says something about it.
        let shown = self.opts.internal || c.exempt.is_none();
        if let Some(history) = histories.get(c.file.name()).filter(|_| shown) {
            body.push_str(&format!(
                "\n<section class=\"history\"><h2>{}</h2>\n<ol class=\"history\">\n",
                esc(w.history)
            ));
            for h in history {
                body.push_str(&format!(
                    "<li><time datetime=\"{d}\">{d}</time> {}",
                    esc(w.change(h.change)),
                    d = esc(&h.date)
                ));
                if self.opts.internal {
                    body.push_str(&format!(
                        " <span class=\"status\">({})</span>",
                        esc(&h.subject)
                    ));
                }
                body.push_str("</li>\n");
            }
            body.push_str("</ol></section>\n");
        }
        let number = c.number_value().map(|n| n.to_string()).unwrap_or_default();
        let title = format!("{number} {}", c.title);
        let pictures = r.pictures.css();
        self.page(path, &title, &body, &pictures, Some(w.case));
        Ok(())
    }

    /// Every case, newest year first, in number order.
    fn cases_page(&mut self) {
        let w = self.w;
        let mut rows: Vec<(CaseNumber, usize)> = self
            .record
            .cases
            .iter()
            .enumerate()
            .filter_map(|(i, c)| Some((c.number_value()?, i)))
            .collect();
        rows.sort_by_key(|(n, i)| (std::cmp::Reverse(n.yy), n.seq, *i));
        let mut body = format!(
            "<h1>{}</h1>\n<table class=\"agenda\"><tr><th>{}</th><th>{}</th><th>{}</th></tr>\n",
            esc(w.cases),
            esc(w.number),
            esc(w.title),
            esc(w.meeting)
        );
        for (n, i) in rows {
            let (Some(c), Some(Some(p))) = (self.record.cases.get(i), self.case_paths.get(i))
            else {
                continue;
            };
            let meeting = c.meeting_value().map(|m| m.to_string()).unwrap_or_default();
            body.push_str(&format!(
                "<tr><td class=\"number\"><a href=\"../{p}\">{n}</a></td><td>{}</td><td>{meeting}</td></tr>\n",
                esc(&c.title)
            ));
        }
        body.push_str("</table>\n");
        self.page("sak/index.html", w.cases, &body, "", None);
    }

    /// Every case with a decision, in number order, its decision in full.
    fn decisions_page(&mut self) {
        let w = self.w;
        let mut rows: Vec<(CaseNumber, usize)> = self
            .record
            .cases
            .iter()
            .enumerate()
            .filter(|(_, c)| c.decision.is_some())
            .filter_map(|(i, c)| Some((c.number_value()?, i)))
            .collect();
        rows.sort_by_key(|(n, i)| (n.yy, n.seq, *i));
        let mut body = format!("<h1>{}</h1>\n", esc(w.decisions));
        if rows.is_empty() {
            body.push_str(&format!("<p><em>{}</em></p>\n", esc(w.none)));
        }
        for (n, i) in rows {
            let (Some(c), Some(Some(p))) = (self.record.cases.get(i), self.case_paths.get(i))
            else {
                continue;
            };
            let decision = c.decision.as_deref().unwrap_or_default();
            let prefix = format!("vedtak-{}-{:02}-{i}-", n.seq, n.yy);
            body.push_str(&format!(
                "<section class=\"decision-box decided\"><h2><a href=\"../{p}\">{n}</a> {}</h2>\n{}</section>\n",
                esc(&c.title),
                super::markdown::to_html(decision, &prefix, None)
            ));
        }
        self.page(
            "vedtak/index.html",
            w.decisions,
            &body,
            "",
            Some(w.decisions),
        );
    }

    /// The risk register and the status reports, where the record has them.
    fn registers(&mut self) -> Result<(), Error> {
        if !self.record.risks.is_empty() {
            let r = self.renderer();
            let doc = r.risks(OutputFormat::Html, false)?;
            let pictures = r.pictures.css();
            self.page(
                "risiko/index.html",
                &doc.title,
                &doc.text,
                &pictures,
                Some(self.w.risks),
            );
        }
        let mut dates: Vec<_> = self
            .record
            .status_reports
            .iter()
            .map(|s| s.date.value)
            .collect();
        dates.sort();
        dates.dedup();
        for date in dates {
            let r = self.renderer();
            let doc = r.status(
                crate::model::shortcode::StatusRef::Date(date),
                OutputFormat::Html,
                false,
            )?;
            let pictures = r.pictures.css();
            let path = format!("status/{date}/index.html");
            self.page(
                &path,
                &doc.title,
                &doc.text,
                &pictures,
                Some(self.w.status_report),
            );
        }
        Ok(())
    }

    /// The years' quarters that have a meeting with cases.
    fn quarters(&self) -> Vec<(u16, u8)> {
        let mut q: Vec<(u16, u8)> = self
            .record
            .meetings
            .iter()
            .filter(|m| !self.record.agenda(m.number.value).is_empty())
            .map(|m| (m.date.value.year, m.date.value.quarter()))
            .collect();
        q.sort();
        q.dedup();
        q
    }

    fn overviews(&mut self) -> Result<(), Error> {
        for (year, quarter) in self.quarters() {
            let r = self.renderer();
            let doc = r.overview(year, Some(quarter), OutputFormat::Html, false)?;
            let pictures = r.pictures.css();
            let path = format!("{year}/k{quarter}/index.html");
            self.page(&path, &doc.title, &doc.text, &pictures, None);
        }
        Ok(())
    }

    fn meeting_item(&self, m: &Meeting) -> String {
        let cases = self.record.agenda(m.number.value).len();
        format!(
            "<li><a href=\"{}\">{} {}</a> · {} · <span class=\"status\">{}</span>{}</li>\n",
            meeting_path(m),
            esc(self.w.meeting),
            m.number.value,
            esc(&labels::date(self.record.board.language, m.date.value)),
            esc(self.w.status(m.status)),
            match cases {
                0 => String::new(),
                n => format!(" · {n} {}", esc(self.w.cases_lower)),
            }
        )
    }

    fn index_page(&mut self) {
        let w = self.w;
        let meetings = self.record.meetings_by_date();
        let mut body = format!("<h1>{}</h1>\n", esc(&self.record.board.name));
        let ahead: Vec<&&Meeting> = meetings.iter().filter(|m| m.status.is_ahead()).collect();
        body.push_str(&format!("<h2>{}</h2>\n", esc(w.upcoming)));
        if ahead.is_empty() {
            body.push_str(&format!("<p><em>{}</em></p>\n", esc(w.none)));
        } else {
            body.push_str("<ul class=\"meetings upcoming\">\n");
            for m in ahead {
                body.push_str(&self.meeting_item(m));
            }
            body.push_str("</ul>\n");
        }
        let mut years: Vec<u16> = meetings.iter().map(|m| m.number.value.year).collect();
        years.sort_by(|a, b| b.cmp(a));
        years.dedup();
        let quarters = self.quarters();
        for year in years {
            body.push_str(&format!(
                "<h2>{} {year}</h2>\n<ul class=\"meetings\">\n",
                esc(w.meetings)
            ));
            for m in meetings
                .iter()
                .filter(|m| m.number.value.year == year)
                .rev()
            {
                body.push_str(&self.meeting_item(m));
            }
            body.push_str("</ul>\n");
            let qs: Vec<u8> = quarters
                .iter()
                .filter(|(y, _)| *y == year)
                .map(|(_, q)| *q)
                .collect();
            if !qs.is_empty() {
                body.push_str(&format!("<p>{}:", esc(w.overviews)));
                for q in qs {
                    body.push_str(&format!(
                        " <a href=\"{year}/k{q}/index.html\">{}{q}</a>",
                        esc(w.quarter)
                    ));
                }
                body.push_str("</p>\n");
            }
        }
        body.push_str(&format!("<h2>{}</h2>\n<ul>\n", esc(w.registers)));
        body.push_str(&format!(
            "<li><a href=\"sak/index.html\">{}</a></li>\n",
            esc(w.cases)
        ));
        body.push_str(&format!(
            "<li><a href=\"vedtak/index.html\">{}</a></li>\n",
            esc(w.decisions)
        ));
        if !self.record.risks.is_empty() {
            body.push_str(&format!(
                "<li><a href=\"risiko/index.html\">{}</a></li>\n",
                esc(w.risks)
            ));
        }
        let mut dates: Vec<_> = self
            .record
            .status_reports
            .iter()
            .map(|s| s.date.value)
            .collect();
        dates.sort();
        dates.dedup();
        for d in dates.iter().rev() {
            body.push_str(&format!(
                "<li><a href=\"status/{d}/index.html\">{} {}</a></li>\n",
                esc(w.status_report),
                esc(&labels::date(self.record.board.language, *d))
            ));
        }
        body.push_str("</ul>\n");
        let title = self.record.board.name.clone();
        self.page("index.html", &title, &body, "", None);
    }

    fn search_pages(&mut self) {
        let w = self.w;
        let body = format!(
            "<h1>{search}</h1>\n<form id=\"search-form\" role=\"search\" action=\"search.html\">\
             <label for=\"search-q\">{search}</label> <input id=\"search-q\" name=\"q\" type=\"search\" autofocus></form>\n\
             <p id=\"search-count\" class=\"status\" data-hits=\"{hits}\" data-none=\"{none}\"></p>\n<ol id=\"search-results\"></ol>\n\
             <noscript><p>{noscript}</p></noscript>\n",
            search = esc(w.search),
            hits = esc(w.hits),
            none = esc(w.no_hits),
            noscript = esc(w.noscript),
        );
        let title = w.search;
        self.page("search.html", title, &body, "", None);
        let index = search::script(&self.index);
        self.put_bytes("search-index.js", index.into_bytes());
        self.put_bytes("search.js", include_bytes!("site/search.js").to_vec());
    }
}
