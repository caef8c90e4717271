//! The action items (oppfølgingspunkter): those raised at a meeting, or
//! all open ones.

use crate::diag::Error;
use crate::model::{Action, MeetingNumber, Raised, Record};
use crate::render::labels::{self, Labels};
use crate::render::renderer::{Fragment, Renderer};
use crate::render::OutputFormat;
use serde::Serialize;

/// An action item.
#[derive(Debug, Clone, Serialize)]
pub struct ActionView {
    pub id: String,
    /// "43/21" or "7/2021"
    pub raised: String,
    pub text: String,
    pub owner: Option<String>,
    pub due: Option<String>,
    pub done: bool,
    /// "Åpen" or "Lukket"
    pub status: String,
}

pub fn action(record: &Record, l: &Labels, a: &Action) -> ActionView {
    ActionView {
        id: a.id.value.clone(),
        raised: match a.raised.value {
            Raised::Case(c) => c.to_string(),
            Raised::Meeting(m) => m.to_string(),
        },
        text: a.text.clone(),
        owner: a.owner.clone(),
        due: a
            .due
            .as_ref()
            .map(|d| labels::date(record.board.language, d.value)),
        done: a.done,
        status: if a.done {
            &l.action_done
        } else {
            &l.action_open
        }
        .clone(),
    }
}

impl Renderer<'_> {
    /// Action items raised at a meeting (its cases or itself); without one, the open items.
    pub(crate) fn action_views(&self, meeting: Option<MeetingNumber>) -> Vec<ActionView> {
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
            .map(|a| action(record, &self.labels, a))
            .collect();
        list.sort_by(|a, b| a.id.cmp(&b.id));
        list
    }

    pub fn actions(
        &self,
        meeting: Option<MeetingNumber>,
        format: OutputFormat,
    ) -> Result<Fragment, Error> {
        let mut ctx = self.base_context();
        ctx.insert("actions", &self.action_views(meeting));
        ctx.insert("embedded", &true);
        Ok(Fragment {
            draft: false,
            title: self.labels.actions.to_string(),
            text: self.fill(format, "actions", &ctx)?,
        })
    }
}
