//! The page of each meeting (its agenda linked, notice, minutes once held,
//! invite, pack) and of each case (its document and history).

use super::{esc, meeting_path, words, Builder, Histories};
use crate::diag::Error;
use crate::model::{Case, Meeting};
use crate::render::{labels, OutputFormat};

impl Builder<'_> {
    pub(super) fn meeting(&mut self, m: &Meeting) -> Result<(), Error> {
        let path = meeting_path(m);
        let number = m.number.value;
        let w = self.w;
        let r = self.renderer();
        let mut body = String::new();
        let status = words::status(w, m.status);
        body.push_str(&format!(
            "<p class=\"status\">{} {} · {} · {}</p>\n<ul class=\"meeting-links\">\n",
            esc(&w.site_meeting),
            number,
            esc(&labels::date(self.record.board.language, m.date.value)),
            esc(status),
        ));
        let held = m.status.was_held();
        body.push_str(&format!(
            "<li><a href=\"#notice\">{}</a></li>\n",
            esc(&w.site_notice)
        ));
        if held {
            body.push_str(&format!(
                "<li><a href=\"#minutes\">{}</a></li>\n",
                esc(&w.site_minutes)
            ));
        }
        let sequence = self.sequences.get(&number).copied().unwrap_or(0);
        if let Ok(ics) = r.invite(number, sequence) {
            self.put_bytes(&path.replace("index.html", "invite.ics"), ics.into_bytes());
            body.push_str(&format!(
                "<li><a href=\"invite.ics\">{}</a></li>\n",
                esc(&w.site_invite)
            ));
        }
        if self.opts.pdf {
            // The same PDF/A as `render pack --format pdf`: Typst, no browser.
            let bytes = r.typeset(&r.print_pack(number)?)?;
            self.put_bytes(&path.replace("index.html", "pack.pdf"), bytes);
            body.push_str(&format!(
                "<li><a href=\"pack.pdf\">{}</a></li>\n",
                esc(&w.site_pack)
            ));
        }
        body.push_str("</ul>\n");
        // The agenda's cases, each linked to its page.
        let agenda = self.record.agenda(number);
        if !agenda.is_empty() {
            body.push_str(&format!(
                "<h2>{}</h2>\n<ul class=\"agenda-links\">\n",
                esc(&w.site_cases)
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
        let title = format!("{} {number}", w.site_meeting);
        let pictures = r.pictures.css();
        self.page(
            &path,
            &title,
            &body,
            &pictures,
            Some(w.site_meeting.as_str()),
        );
        Ok(())
    }

    /// The page of `c` (a case of the record), by its file.
    pub(super) fn path_of(&self, c: &Case) -> Option<&str> {
        self.by_file.get(c.file.name()).map(String::as_str)
    }

    pub(super) fn case(
        &mut self,
        c: &Case,
        path: &str,
        histories: &Histories,
    ) -> Result<(), Error> {
        let w = self.w;
        let r = self.renderer();
        let doc = r.case(c, OutputFormat::Html)?;
        let mut body = String::new();
        if let Some(m) = c.meeting_value().and_then(|m| self.record.meeting(m)) {
            body.push_str(&format!(
                "<ul class=\"case-links\"><li>{} <a href=\"../../{}\">{}</a></li></ul>\n",
                esc(&w.site_on_agenda),
                meeting_path(m),
                esc(&format!("{} {}", w.site_meeting, m.number.value)),
            ));
        }
        body.push_str(&doc.text);
        // An exempt case's history is left out of the public site: when it
        // changed says something about it.
        let shown = self.opts.internal || c.exempt.is_none();
        if let Some(history) = histories.get(c.file.name()).filter(|_| shown) {
            body.push_str(&format!(
                "\n<section class=\"history\"><h2>{}</h2>\n<ol class=\"history\">\n",
                esc(&w.site_history)
            ));
            for h in history {
                body.push_str(&format!(
                    "<li><time datetime=\"{d}\">{d}</time> {}",
                    esc(words::change(w, h.change)),
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
        self.page(path, &title, &body, &pictures, Some(w.site_case.as_str()));
        Ok(())
    }
}
