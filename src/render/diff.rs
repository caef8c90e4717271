//! `pds diff`: what changed in a record's cases since a revision, as a
//! document for review — per case a heading, its front matter as a table
//! (field, before, after) and its rendered document as a word-level diff,
//! in Markdown (fit for a pull request's comment) or HTML.
//!
//! The documents compared are the case documents as `render case` writes
//! them in Markdown, so a reviewer reads what the board will get, generated
//! blocks expanded. Every text from the record is escaped for the output:
//! only pds writes markup.

mod print;
mod words;

pub use words::{Line, Piece};

use super::renderer::Renderer;
use super::OutputFormat;
use crate::model::{Case, CaseKind};
use std::collections::BTreeSet;

/// What happened to a case between the revision and now.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    Added,
    /// Its values or its document changed (and maybe its file's name).
    Changed,
    /// Only its file's name changed (a `git mv`).
    Renamed,
    Removed,
}

impl Kind {
    fn as_str(self) -> &'static str {
        match self {
            Kind::Added => "added",
            Kind::Changed => "changed",
            Kind::Renamed => "renamed",
            Kind::Removed => "removed",
        }
    }
}

/// One case's change, ready to print.
pub struct CaseChange {
    pub kind: Kind,
    /// "43/21 Title", or "Utkast: Title" for a draft.
    pub heading: String,
    /// The file as it is now (or was, when removed).
    pub path: String,
    /// The file's name at the revision, when it was another.
    pub was: Option<String>,
    /// The file is as it was: only its generated blocks' data changed.
    pub generated_only: bool,
    /// The front matter's values that differ: (field, before, after).
    pub fields: Vec<(&'static str, String, String)>,
    /// The rendered document, word by word; empty when it did not change.
    pub document: Vec<Line>,
}

/// The changes since `rev`, in case order (numbered cases by number, then drafts).
pub struct Changes {
    pub rev: String,
    pub cases: Vec<CaseChange>,
    /// Case files that do not load on one side or both (a YAML error, say):
    /// not compared, and not taken for removed or added.
    pub not_compared: Vec<String>,
}

/// Compares each pair (the case at the revision, the case now); pairs that
/// show no change are left out. `base` renders the record at the revision,
/// `now` the record here.
pub fn compare(
    base: &Renderer,
    now: &Renderer,
    pairs: Vec<(Option<&Case>, Option<&Case>)>,
    rev: &str,
) -> Changes {
    let broken = |r: &Renderer| -> BTreeSet<String> {
        r.record.unloaded.broken_cases.iter().cloned().collect()
    };
    let (broken_base, broken_now) = (broken(base), broken(now));
    let mut cases: Vec<(SortKey, CaseChange)> = Vec::new();
    for (before, after) in pairs {
        let Some(latest) = after.or(before) else {
            continue;
        };
        // A file that is there but does not load on the other side is no removal or addition.
        match (before, after) {
            (Some(b), None) if broken_now.contains(b.file.name()) => continue,
            (None, Some(a)) if broken_base.contains(a.file.name()) => continue,
            _ => {}
        }
        if let (Some(b), Some(a)) = (before, after) {
            // Same file, same text, no generated block whose data may have
            // changed; not withheld (--public empties an exempt case's file).
            if b.file.name() == a.file.name()
                && b.file.text() == a.file.text()
                && !a.body().contains("{{")
                && b.exempt.is_none()
                && a.exempt.is_none()
            {
                continue;
            }
        }
        let old_fields = before.map(fields).unwrap_or_default();
        let new_fields = after.map(fields).unwrap_or_default();
        let changed_fields: Vec<(&'static str, String, String)> = FIELDS
            .iter()
            .map(|name| (*name, value(&old_fields, name), value(&new_fields, name)))
            .filter(|(_, b, a)| b != a)
            .collect();
        let old_doc = before.map(|c| document(base, c)).unwrap_or_default();
        let new_doc = after.map(|c| document(now, c)).unwrap_or_default();
        let moved = match (before, after) {
            (Some(b), Some(a)) if b.file.name() != a.file.name() => Some(b.file.name().to_string()),
            _ => None,
        };
        // The draft's mark in the words of the side the case is on.
        let draft = match after {
            Some(_) => now.labels.draft.to_string(),
            None => base.labels.draft.to_string(),
        };
        let same = changed_fields.is_empty() && old_doc == new_doc;
        let kind = match (before, after) {
            (None, _) => Kind::Added,
            (_, None) => Kind::Removed,
            _ if same && moved.is_some() => Kind::Renamed,
            _ if same => continue,
            _ => Kind::Changed,
        };
        cases.push((
            sort_key(latest),
            CaseChange {
                kind,
                heading: heading(&draft, latest),
                path: latest.file.name().to_string(),
                generated_only: matches!((before, after), (Some(b), Some(a))
                    if b.file.text() == a.file.text() && b.exempt.is_none() && a.exempt.is_none()),
                was: moved,
                fields: changed_fields,
                document: if old_doc == new_doc {
                    Vec::new()
                } else {
                    words::shown(&old_doc, &new_doc)
                },
            },
        ));
    }
    cases.sort_by(|a, b| a.0.cmp(&b.0));
    // Broken on both sides alike is no change; on either side alone it is worth saying.
    let not_compared = broken_base
        .symmetric_difference(&broken_now)
        .cloned()
        .collect();
    Changes {
        rev: rev.to_string(),
        cases: cases.into_iter().map(|(_, c)| c).collect(),
        not_compared,
    }
}

type SortKey = (bool, Option<crate::model::CaseNumber>, String);

/// Numbered cases first, by number; then drafts; each by file name.
fn sort_key(c: &Case) -> SortKey {
    (
        c.number.is_none(),
        c.number_value(),
        c.file.name().to_string(),
    )
}

/// "43/21 Title"; a draft "Utkast: Title" (in the board's language).
fn heading(draft: &str, c: &Case) -> String {
    match c.number_value() {
        Some(n) => format!("{n} {}", c.title),
        None => format!("{draft}: {}", c.title),
    }
}

/// The case document as `render case` writes it in Markdown; one that does
/// not render (a generated block that does not parse, say) is compared as
/// its Markdown body, after a line saying why.
fn document(renderer: &Renderer, c: &Case) -> String {
    match renderer.case(c, OutputFormat::Md) {
        Ok(fragment) => fragment.text,
        Err(e) => format!("(not rendered: {e})\n\n{}", c.body()),
    }
}

/// The front-matter keys compared, in the order docs/formats.md lists them.
const FIELDS: &[&str] = &[
    "number",
    "meeting",
    "title",
    "type",
    "parts",
    "description",
    "owner",
    "document",
    "status",
    "exempt",
    "previous",
    "proposed_decision",
    "decision",
];

/// A case's front-matter values as text, by key (absent ones left out).
fn fields(c: &Case) -> Vec<(&'static str, String)> {
    let mut out = Vec::new();
    let mut put = |name: &'static str, v: Option<String>| {
        if let Some(v) = v {
            out.push((name, v));
        }
    };
    put("number", c.number_value().map(|n| n.to_string()));
    put("meeting", c.meeting_value().map(|m| m.to_string()));
    put("title", Some(c.title.to_string()));
    match &c.kind {
        CaseKind::Single(kind) => put("type", Some(kind.clone())),
        CaseKind::Parts(parts) => put(
            "parts",
            Some(
                parts
                    .iter()
                    .enumerate()
                    .map(|(i, p)| format!("{}: {} ({})", i + 1, p.title, p.kind))
                    .collect::<Vec<_>>()
                    .join("; "),
            ),
        ),
        CaseKind::Unknown => {}
    }
    put("description", c.description.as_deref().map(str::to_string));
    put("owner", c.owner.as_deref().map(str::to_string));
    put("document", c.document.as_deref().map(str::to_string));
    put("status", Some(c.status.as_str().to_string()));
    put("exempt", c.exempt.as_deref().map(str::to_string));
    if !c.previous.is_empty() {
        put(
            "previous",
            Some(
                c.previous
                    .iter()
                    .map(|p| p.value.to_string())
                    .collect::<Vec<_>>()
                    .join(", "),
            ),
        );
    }
    put(
        "proposed_decision",
        c.proposed_decision.as_deref().map(str::to_string),
    );
    put("decision", c.decision.as_deref().map(str::to_string));
    out
}

fn value(fields: &[(&'static str, String)], name: &str) -> String {
    fields
        .iter()
        .find(|(n, _)| *n == name)
        .map(|(_, v)| v.clone())
        .unwrap_or_default()
}
