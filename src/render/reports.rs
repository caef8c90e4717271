//! The register documents: risks, status report, forum overview, minutes and
//! action items, and the generated blocks that embed them in case bodies.

use super::documents::{Flavor, Fragment, Renderer};
use super::markdown;
use super::registers::{self, ActionView};
use super::view::{self, CaseView};
use crate::model::shortcode::{self, Segment, Shortcode, StatusRef};
use crate::model::{Case, MeetingNumber, Raised, StatusReport};

impl Renderer<'_> {
    /// The risk register.
    pub fn risks(&self, flavor: Flavor, embedded: bool) -> Result<Fragment, String> {
        let mut ctx = self.base_context();
        ctx.insert("register", &registers::register(self.record, &self.labels));
        ctx.insert("embedded", &embedded);
        Ok(Fragment {
            title: format!("{} – {}", self.labels.risks, self.record.board.name),
            text: self.fill(flavor, "risks", &ctx)?,
        })
    }

    /// The status report of a date, or the one for a meeting (else the newest before it).
    pub fn find_status(&self, which: StatusRef) -> Result<&StatusReport, String> {
        let reports = &self.record.status_reports;
        let found = match which {
            StatusRef::Date(d) => reports.iter().find(|s| s.date.value == d),
            StatusRef::Meeting(m) => {
                let date = self.record.meeting(m).map(|x| x.date.value);
                reports
                    .iter()
                    .find(|s| s.meeting.as_ref().map(|x| x.value) == Some(m))
                    .or_else(|| {
                        reports
                            .iter()
                            .filter(|s| Some(s.date.value) <= date)
                            .max_by_key(|s| s.date.value)
                    })
            }
        };
        found.ok_or_else(|| {
            let mut dates: Vec<String> = reports.iter().map(|s| s.date.value.to_string()).collect();
            dates.sort();
            match dates.is_empty() {
                true => "the record has no status reports (status/<date>.yaml)".to_string(),
                false => format!(
                    "no status report for that; the record has {}",
                    dates.join(", ")
                ),
            }
        })
    }

    pub fn status(
        &self,
        which: StatusRef,
        flavor: Flavor,
        embedded: bool,
    ) -> Result<Fragment, String> {
        let report = self.find_status(which)?;
        let view = registers::status(self.record, report, &self.labels);
        let mut ctx = self.base_context();
        ctx.insert("status", &view);
        ctx.insert("embedded", &embedded);
        Ok(Fragment {
            title: format!("{} | {}", self.labels.status, view.title),
            text: self.fill(flavor, "status", &ctx)?,
        })
    }

    /// The forum overview of some quarters of a year.
    pub fn forums(&self, year: u16, quarters: &[u8], flavor: Flavor) -> Result<Fragment, String> {
        let mut ctx = self.base_context();
        ctx.insert(
            "forum_quarters",
            &registers::forum_quarters(self.record, &self.labels, year, quarters),
        );
        ctx.insert("year", &year);
        ctx.insert("embedded", &true);
        Ok(Fragment {
            title: self.labels.forum_overview.to_string(),
            text: self.fill(flavor, "forums", &ctx)?,
        })
    }

    /// Action items raised at a meeting (its cases or itself); without one, the open items.
    fn action_views(&self, meeting: Option<MeetingNumber>) -> Vec<ActionView> {
        let record = self.record;
        let raised_at = |raised: Raised, m: MeetingNumber| match raised {
            Raised::Meeting(x) => x == m,
            Raised::Case(c) => record
                .cases_numbered(c)
                .any(|case| case.meeting_value() == Some(m)),
        };
        let mut list: Vec<ActionView> = record
            .actions
            .iter()
            .filter(|a| match meeting {
                Some(m) => raised_at(a.raised.value, m),
                None => !a.done,
            })
            .map(|a| registers::action(record, &self.labels, a))
            .collect();
        list.sort_by(|a, b| a.id.cmp(&b.id));
        list
    }

    pub fn actions(
        &self,
        meeting: Option<MeetingNumber>,
        flavor: Flavor,
    ) -> Result<Fragment, String> {
        let mut ctx = self.base_context();
        ctx.insert("actions", &self.action_views(meeting));
        ctx.insert("embedded", &true);
        Ok(Fragment {
            title: self.labels.actions.to_string(),
            text: self.fill(flavor, "actions", &ctx)?,
        })
    }

    /// Minutes: attendance, each case with its decision, the new action items.
    pub fn minutes(&self, number: MeetingNumber, flavor: Flavor) -> Result<Fragment, String> {
        let meeting = self
            .record
            .find_meeting(number)
            .map_err(|e| e.to_string())?;
        let meeting = view::meeting(self.record, meeting);
        let agenda: Vec<CaseView> = self
            .record
            .agenda(number)
            .into_iter()
            .map(|c| self.case_view(c, flavor))
            .collect();
        let mut ctx = self.base_context();
        ctx.insert("meeting", &meeting);
        ctx.insert("agenda", &agenda);
        ctx.insert("actions", &self.action_views(Some(number)));
        Ok(Fragment {
            title: format!(
                "{} {} – {}",
                self.labels.minutes, meeting.number, self.record.board.name
            ),
            text: self.fill(flavor, "minutes", &ctx)?,
        })
    }

    /// One generated block.
    fn block(&self, code: &Shortcode, flavor: Flavor) -> Result<String, String> {
        let fragment = match code {
            Shortcode::Status(which) => self.status(*which, flavor, true)?,
            Shortcode::Risks => self.risks(flavor, true)?,
            Shortcode::Overview { year, quarter } => {
                self.overview(*year, *quarter, flavor, true)?
            }
            Shortcode::Forums { year, quarters } => self.forums(*year, quarters, flavor)?,
            Shortcode::Actions { meeting } => self.actions(*meeting, flavor)?,
        };
        Ok(fragment.text)
    }

    /// The case document in the flavour being rendered: Markdown with its
    /// generated blocks expanded, or HTML (Markdown rendered and sanitised,
    /// blocks from pds's own templates). Done only for case documents.
    pub(super) fn render_body(
        &self,
        c: &Case,
        case: &mut CaseView,
        flavor: Flavor,
    ) -> Result<(), String> {
        let body = c.body();
        if body.trim().is_empty() {
            return Ok(());
        }
        let prefix = format!("sak-{}-", case.number_dashed);
        let images = view::image_base(self.record, c, &self.pictures);
        let mut md = String::new();
        let mut html = String::new();
        let segments = shortcode::split(body);
        // Each piece carries the link and footnote definitions it uses.
        let mut pieces = match flavor {
            Flavor::Html => shortcode::self_contained(body, &segments),
            Flavor::Md => Vec::new(),
        }
        .into_iter();
        for segment in segments {
            match (segment, flavor) {
                (Segment::Markdown(text), Flavor::Md) => md.push_str(text),
                (Segment::Markdown(text), Flavor::Html) => {
                    let piece = pieces.next().unwrap_or(text.into());
                    html.push_str(&markdown::to_html(&piece, &prefix, Some(&images)));
                }
                (Segment::Block { code, offset, .. }, _) => {
                    let code = code.map_err(|why| {
                        let (line, _) = c.file.line_col(c.body_offset + offset);
                        format!("{}:{line}: {why}", c.file.name())
                    })?;
                    let generated = self.block(&code, flavor)?;
                    match flavor {
                        Flavor::Md => {
                            md.push_str(&generated);
                            md.push('\n');
                        }
                        Flavor::Html => html.push_str(&generated),
                    }
                }
            }
        }
        match flavor {
            Flavor::Md => case.body = md,
            Flavor::Html => case.body_html = html,
        }
        Ok(())
    }
}
