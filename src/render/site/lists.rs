//! The pages that list: the index, every case, every decision, the
//! registers, the quarterly overviews and the search page.

use super::{esc, meeting_path, search, words, Builder};
use crate::diag::Error;
use crate::model::{CaseNumber, Meeting};
use crate::render::{labels, OutputFormat};

impl Builder<'_> {
    /// The dates of the record's status reports, oldest first, once each.
    fn status_dates(&self) -> Vec<crate::model::Date> {
        let mut dates: Vec<_> = self
            .record
            .status_reports
            .iter()
            .map(|s| s.date.value)
            .collect();
        dates.sort();
        dates.dedup();
        dates
    }

    /// Every case, newest year first, in number order.
    pub(super) fn cases_page(&mut self) {
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
            esc(&w.site_cases),
            esc(&w.site_number),
            esc(&w.site_title),
            esc(&w.site_meeting)
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
        self.page("sak/index.html", &w.site_cases, &body, "", None);
    }

    /// The decisions register (`render decisions`): every decided case in
    /// number order, its decision in full.
    pub(super) fn decisions_page(&mut self) -> Result<(), Error> {
        let r = self.renderer();
        let doc = r.decisions(None, OutputFormat::Html)?;
        let pictures = r.pictures.css();
        self.page(
            "vedtak/index.html",
            &doc.title,
            &doc.text,
            &pictures,
            Some(self.w.site_decisions.as_str()),
        );
        Ok(())
    }

    /// The risk register and the status reports, where the record has them.
    pub(super) fn registers(&mut self) -> Result<(), Error> {
        if !self.record.risks.is_empty() {
            let r = self.renderer();
            let doc = r.risks(OutputFormat::Html, false, None, None)?;
            let pictures = r.pictures.css();
            self.page(
                "risiko/index.html",
                &doc.title,
                &doc.text,
                &pictures,
                Some(self.w.site_risks.as_str()),
            );
        }
        let dates = self.status_dates();
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
                Some(self.w.site_status_report.as_str()),
            );
        }
        Ok(())
    }

    /// The years' quarters that have a meeting with cases.
    pub(super) fn quarters(&self) -> Vec<(u16, u8)> {
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

    pub(super) fn overviews(&mut self) -> Result<(), Error> {
        for (year, quarter) in self.quarters() {
            let r = self.renderer();
            let doc = r.overview(year, Some(quarter), OutputFormat::Html, false)?;
            let pictures = r.pictures.css();
            let path = format!("{year}/k{quarter}/index.html");
            self.page(&path, &doc.title, &doc.text, &pictures, None);
        }
        Ok(())
    }

    pub(super) fn meeting_item(&self, m: &Meeting) -> String {
        let cases = self.record.agenda(m.number.value).len();
        format!(
            "<li><a href=\"{}\">{} {}</a> · {} · <span class=\"status\">{}</span>{}</li>\n",
            meeting_path(m),
            esc(&self.w.site_meeting),
            m.number.value,
            esc(&labels::date(self.record.board.language, m.date.value)),
            esc(words::status(self.w, m.status)),
            match cases {
                0 => String::new(),
                n => format!(" · {n} {}", esc(&self.w.site_cases_lower)),
            }
        )
    }

    pub(super) fn index_page(&mut self) {
        let w = self.w;
        let meetings = self.record.meetings_by_date();
        let mut body = format!("<h1>{}</h1>\n", esc(&self.record.board.name));
        let ahead: Vec<&&Meeting> = meetings.iter().filter(|m| m.status.is_ahead()).collect();
        body.push_str(&format!("<h2>{}</h2>\n", esc(&w.site_upcoming)));
        if ahead.is_empty() {
            body.push_str(&format!("<p><em>{}</em></p>\n", esc(&w.site_none)));
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
                esc(&w.site_meetings)
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
                body.push_str(&format!("<p>{}:", esc(&w.site_overviews)));
                for q in qs {
                    body.push_str(&format!(
                        " <a href=\"{year}/k{q}/index.html\">{}{q}</a>",
                        esc(&w.site_quarter)
                    ));
                }
                body.push_str("</p>\n");
            }
        }
        body.push_str(&format!("<h2>{}</h2>\n<ul>\n", esc(&w.site_registers)));
        body.push_str(&format!(
            "<li><a href=\"sak/index.html\">{}</a></li>\n",
            esc(&w.site_cases)
        ));
        body.push_str(&format!(
            "<li><a href=\"vedtak/index.html\">{}</a></li>\n",
            esc(&w.site_decisions)
        ));
        if !self.record.risks.is_empty() {
            body.push_str(&format!(
                "<li><a href=\"risiko/index.html\">{}</a></li>\n",
                esc(&w.site_risks)
            ));
        }
        let dates = self.status_dates();
        for d in dates.iter().rev() {
            body.push_str(&format!(
                "<li><a href=\"status/{d}/index.html\">{} {}</a></li>\n",
                esc(&w.site_status_report),
                esc(&labels::date(self.record.board.language, *d))
            ));
        }
        body.push_str("</ul>\n");
        let title = self.record.board.name.clone();
        self.page("index.html", &title, &body, "", None);
    }

    pub(super) fn search_pages(&mut self) {
        let w = self.w;
        let body = format!(
            "<h1>{search}</h1>\n<form id=\"search-form\" role=\"search\" action=\"search.html\">\
             <label for=\"search-q\">{search}</label> <input id=\"search-q\" name=\"q\" type=\"search\" autofocus></form>\n\
             <p id=\"search-count\" class=\"status\" data-hits=\"{hits}\" data-none=\"{none}\"></p>\n<ol id=\"search-results\"></ol>\n\
             <noscript><p>{noscript}</p></noscript>\n",
            search = esc(&w.site_search),
            hits = esc(&w.site_hits),
            none = esc(&w.site_no_hits),
            noscript = esc(&w.site_noscript),
        );
        let title = &w.site_search;
        self.page("search.html", title, &body, "", None);
        let index = search::script(&self.index);
        self.put_bytes("search-index.js", index.into_bytes());
        self.put_bytes("search.js", include_bytes!("search.js").to_vec());
    }
}
