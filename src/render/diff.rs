//! `pds diff`: what changed in a record's cases since a revision, as a
//! document for review — per case a heading, its front matter as a table
//! (field, before, after) and its rendered document as a word-level diff,
//! in Markdown (fit for a pull request's comment) or HTML.
//!
//! The documents compared are the case documents as `render case` writes
//! them in Markdown, so a reviewer reads what the board will get, generated
//! blocks expanded. Every text from the record is escaped for the output:
//! only pds writes markup.

use super::renderer::Renderer;
use super::templates::{escape_html, escape_markdown};
use super::OutputFormat;
use crate::model::{Case, CaseKind};
use similar::{ChangeTag, TextDiff};
use std::collections::BTreeSet;
use std::time::Duration;

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

/// A piece of a line of the document: as it was, taken out, or put in.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Piece {
    Same(String),
    Deleted(String),
    Inserted(String),
}

/// One line of the compared document: its pieces, or `None` for lines left
/// out between changes ("…").
pub type Line = Option<Vec<Piece>>;

/// Unchanged lines shown around a changed one.
const CONTEXT: usize = 2;

/// How long the word diff of one document may search for the smallest
/// diff; past it the diff is correct, only coarser (as `fmt --check`'s).
const DIFF_DEADLINE: Duration = Duration::from_millis(500);

/// A pull request comment on GitHub holds at most 65,536 characters; past
/// this many, the Markdown leaves out the remaining cases' documents.
const MARKDOWN_BUDGET: usize = 60_000;

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
            // Same file, same text, no generated block whose data may have changed.
            if b.file.name() == a.file.name()
                && b.file.text() == a.file.text()
                && !a.body().contains("{{")
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
                generated_only: matches!((before, after), (Some(b), Some(a)) if b.file.text() == a.file.text()),
                was: moved,
                fields: changed_fields,
                document: if old_doc == new_doc {
                    Vec::new()
                } else {
                    with_context(lines(&words(&old_doc, &new_doc)))
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
    put("title", Some(c.title.clone()));
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
    put("description", c.description.clone());
    put("owner", c.owner.clone());
    put("document", c.document.clone());
    put("status", Some(c.status.as_str().to_string()));
    put("exempt", c.exempt.clone());
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
    put("proposed_decision", c.proposed_decision.clone());
    put("decision", c.decision.clone());
    out
}

fn value(fields: &[(&'static str, String)], name: &str) -> String {
    fields
        .iter()
        .find(|(n, _)| *n == name)
        .map(|(_, v)| v.clone())
        .unwrap_or_default()
}

/// The word-level diff of two texts: runs of words kept, taken out and put
/// in. A space between two changes joins them, so a rewritten sentence
/// reads as one deletion and one insertion, not word by word.
pub fn words(old: &str, new: &str) -> Vec<Piece> {
    let diff = TextDiff::configure()
        .timeout(DIFF_DEADLINE)
        .diff_words(old, new);
    let mut runs: Vec<(ChangeTag, String)> = Vec::new();
    for change in diff.iter_all_changes() {
        let text = change.value();
        match runs.last_mut() {
            Some((tag, run)) if *tag == change.tag() => run.push_str(text),
            _ => runs.push((change.tag(), text.to_string())),
        }
    }
    // An equal run of spaces (no line break) between two changes joins them.
    let joins = |i: usize, runs: &[(ChangeTag, String)]| -> bool {
        let changed =
            |j: Option<&(ChangeTag, String)>| j.is_some_and(|(t, _)| *t != ChangeTag::Equal);
        matches!(runs.get(i), Some((ChangeTag::Equal, text))
            if !text.is_empty() && text.chars().all(|c| c.is_whitespace() && c != '\n'))
            && i > 0
            && changed(runs.get(i - 1))
            && changed(runs.get(i + 1))
    };
    let mut pieces = Vec::new();
    let (mut deleted, mut inserted) = (String::new(), String::new());
    for (i, (tag, text)) in runs.iter().enumerate() {
        match tag {
            ChangeTag::Delete => deleted.push_str(text),
            ChangeTag::Insert => inserted.push_str(text),
            ChangeTag::Equal if joins(i, &runs) => {
                deleted.push_str(text);
                inserted.push_str(text);
            }
            ChangeTag::Equal => {
                flush(&mut pieces, &mut deleted, &mut inserted);
                pieces.push(Piece::Same(text.clone()));
            }
        }
    }
    flush(&mut pieces, &mut deleted, &mut inserted);
    pieces
}

fn flush(pieces: &mut Vec<Piece>, deleted: &mut String, inserted: &mut String) {
    if !deleted.is_empty() {
        pieces.push(Piece::Deleted(std::mem::take(deleted)));
    }
    if !inserted.is_empty() {
        pieces.push(Piece::Inserted(std::mem::take(inserted)));
    }
}

/// The pieces split into lines (a piece across a line break becomes one per line).
fn lines(pieces: &[Piece]) -> Vec<Vec<Piece>> {
    let mut lines: Vec<Vec<Piece>> = vec![Vec::new()];
    for piece in pieces {
        let (text, make): (&str, fn(String) -> Piece) = match piece {
            Piece::Same(t) => (t, Piece::Same),
            Piece::Deleted(t) => (t, Piece::Deleted),
            Piece::Inserted(t) => (t, Piece::Inserted),
        };
        for (i, part) in text.split('\n').enumerate() {
            if i > 0 {
                lines.push(Vec::new());
            }
            if !part.is_empty() {
                if let Some(line) = lines.last_mut() {
                    line.push(make(part.to_string()));
                }
            }
        }
    }
    while lines.last().is_some_and(Vec::is_empty) {
        lines.pop();
    }
    lines
}

/// The changed lines with `CONTEXT` lines around them; `None` where lines
/// are left out.
fn with_context(lines: Vec<Vec<Piece>>) -> Vec<Line> {
    let changed: Vec<bool> = lines
        .iter()
        .map(|l| l.iter().any(|p| !matches!(p, Piece::Same(_))))
        .collect();
    let near = |i: usize| {
        let from = i.saturating_sub(CONTEXT);
        let to = (i + CONTEXT + 1).min(changed.len());
        changed.get(from..to).is_some_and(|w| w.contains(&true))
    };
    let mut out: Vec<Line> = Vec::new();
    for (i, line) in lines.into_iter().enumerate() {
        if near(i) {
            out.push(Some(line));
        } else if !matches!(out.last(), Some(None)) {
            out.push(None);
        }
    }
    out
}

/// `text` escaped so it stays text in Markdown (and in a table cell).
fn md(text: &str) -> String {
    let mut out = Vec::new();
    let _ = escape_markdown(text, &mut out);
    String::from_utf8_lossy(&out).into_owned()
}

/// `text` escaped so it stays text in HTML; control characters but tab
/// and line feed dropped (the Markdown may be read in a terminal).
fn html(text: &str) -> String {
    let text: String = text
        .chars()
        .filter(|c| !c.is_control() || matches!(c, '\t' | '\n'))
        .collect();
    let mut out = Vec::new();
    let _ = escape_html(&text, &mut out);
    String::from_utf8_lossy(&out).into_owned()
}

/// The longest front-matter value a table cell shows; the document's diff
/// shows the decisions in full.
const CELL: usize = 500;

fn cell(text: &str) -> String {
    match text.char_indices().nth(CELL) {
        Some((at, _)) => format!("{}…", text.get(..at).unwrap_or(text)),
        None => text.to_string(),
    }
}

impl Changes {
    /// "3 cases changed since main: 1 added, 2 changed."
    pub fn summary(&self) -> String {
        let n = self.cases.len();
        if n == 0 {
            return format!("No case changed since {}.", self.rev);
        }
        let counts: Vec<String> = [Kind::Added, Kind::Changed, Kind::Renamed, Kind::Removed]
            .iter()
            .filter_map(|kind| {
                let k = self.cases.iter().filter(|c| c.kind == *kind).count();
                (k > 0).then(|| format!("{k} {}", kind.as_str()))
            })
            .collect();
        format!(
            "{n} {} changed since {}: {}.",
            if n == 1 { "case" } else { "cases" },
            self.rev,
            counts.join(", ")
        )
    }

    /// Markdown for a pull request's comment. Documents go in `<pre>`
    /// blocks with `<del>`/`<ins>`: GitHub renders those tags (struck out,
    /// underlined) and keeps the document's own Markdown from being read as
    /// markup, which `~~`/`**` inside a table or heading line would break.
    pub fn markdown(&self) -> String {
        let mut out = format!("## pds diff\n\n{}\n", md(&self.summary()));
        for file in &self.not_compared {
            out.push_str(&format!("\n{}\n", md(&not_compared(file))));
        }
        let mut left_out = 0;
        for case in &self.cases {
            let section = case_markdown(case, true);
            if left_out == 0 && out.len() + section.len() <= MARKDOWN_BUDGET {
                out.push_str(&section);
            } else {
                left_out += 1;
                out.push_str(&case_markdown(case, false));
            }
        }
        if left_out > 0 {
            out.push_str(&format!(
                "\n*The diff of {left_out} {} is left out: a comment holds at most 65,536 \
                 characters. `pds diff --base {} --format html -o diff.html` shows them all.*\n",
                if left_out == 1 { "case" } else { "cases" },
                md(&self.rev)
            ));
        }
        out
    }

    /// The HTML fragment (for the page layout): the same sections as the
    /// Markdown, with `<del>`/`<ins>` coloured.
    pub fn html(&self) -> String {
        let mut out = String::from(HTML_STYLE);
        out.push_str(&format!(
            "<h1>pds diff</h1>\n<p class=\"diff-summary\">{}</p>\n",
            html(&self.summary())
        ));
        for file in &self.not_compared {
            out.push_str(&format!(
                "<p class=\"diff-not-compared\">{}</p>\n",
                html(&not_compared(file))
            ));
        }
        for case in &self.cases {
            out.push_str(&format!(
                "<section class=\"diff-case diff-{}\">\n<h2>{}</h2>\n<p class=\"diff-file\"><strong>{}</strong>: {}</p>\n",
                case.kind.as_str(),
                html(&case.heading),
                case.kind.as_str(),
                html(&where_(case))
            ));
            if !case.fields.is_empty() {
                out.push_str("<table class=\"diff-fields\">\n<thead><tr><th>field</th><th>before</th><th>after</th></tr></thead>\n<tbody>\n");
                for (name, before, after) in &case.fields {
                    out.push_str(&format!(
                        "<tr><td>{}</td><td>{}</td><td>{}</td></tr>\n",
                        html(name),
                        marked("del", before),
                        marked("ins", after)
                    ));
                }
                out.push_str("</tbody>\n</table>\n");
            }
            out.push_str(&document_html(case));
            out.push_str("</section>\n");
        }
        out
    }
}

/// A table cell's value in `<del>` or `<ins>`; an empty one stays empty.
fn marked(tag: &str, value: &str) -> String {
    match value {
        "" => String::new(),
        v => format!("<{tag}>{}</{tag}>", html(&cell(v))),
    }
}

const HTML_STYLE: &str = "<style>\n\
ins { background: #d6f5dd; color: #05400f; text-decoration: underline; }\n\
del { background: #fbdcdc; color: #6b0a0a; text-decoration: line-through; }\n\
pre.diff-document { white-space: pre-wrap; overflow-wrap: anywhere; border: 1px solid #ccc; padding: 0.5em; }\n\
.diff-gap { color: #777; }\n\
</style>\n";

fn not_compared(file: &str) -> String {
    format!("Not compared: {file} does not load on one side (pds check says why).")
}

/// "2021/43-21-x.md (was drafts/x.md)".
fn where_(case: &CaseChange) -> String {
    match (&case.was, case.generated_only) {
        (Some(was), _) => format!("{} (was {was})", case.path),
        (None, true) => format!(
            "{} (the file is as it was: the data of its generated parts changed)",
            case.path
        ),
        (None, false) => case.path.clone(),
    }
}

/// One case's section in Markdown; without `whole`, its heading and file only.
fn case_markdown(case: &CaseChange, whole: bool) -> String {
    let mut out = format!(
        "\n### {}\n\n*{}*: {}\n",
        md(&case.heading),
        case.kind.as_str(),
        md(&where_(case))
    );
    if !whole {
        return out;
    }
    if !case.fields.is_empty() {
        out.push_str("\n| field | before | after |\n|---|---|---|\n");
        for (name, before, after) in &case.fields {
            out.push_str(&format!(
                "| {} | {} | {} |\n",
                md(name),
                md(&cell(before)),
                md(&cell(after))
            ));
        }
    }
    if case.document.is_empty() {
        if case.kind == Kind::Changed {
            out.push_str("\nThe document is unchanged.\n");
        }
        return out;
    }
    out.push('\n');
    out.push_str(&document_html(case));
    out
}

/// The document's diff as a `<pre>` block: every text escaped, only
/// `<del>`/`<ins>` as markup, so it is the same in Markdown (an HTML
/// block that no text inside can end) and in HTML.
fn document_html(case: &CaseChange) -> String {
    if case.document.is_empty() {
        return String::new();
    }
    let mut out = String::from("<pre class=\"diff-document\">");
    for line in &case.document {
        match line {
            None => out.push_str("<span class=\"diff-gap\">…</span>"),
            Some(pieces) => {
                for piece in pieces {
                    match piece {
                        Piece::Same(t) => out.push_str(&html(t)),
                        Piece::Deleted(t) => out.push_str(&format!("<del>{}</del>", html(t))),
                        Piece::Inserted(t) => out.push_str(&format!("<ins>{}</ins>", html(t))),
                    }
                }
            }
        }
        out.push('\n');
    }
    out.push_str("</pre>\n");
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_changed_word_is_deleted_and_inserted_in_place() {
        let pieces = words("The budget is 10 kroner.\n", "The budget is 12 kroner.\n");
        assert_eq!(
            pieces,
            vec![
                Piece::Same("The budget is ".into()),
                Piece::Deleted("10".into()),
                Piece::Inserted("12".into()),
                Piece::Same(" kroner.\n".into()),
            ]
        );
    }

    #[test]
    fn a_rewritten_phrase_is_one_deletion_and_one_insertion() {
        let pieces = words("a b c d\n", "a x y d\n");
        assert_eq!(
            pieces,
            vec![
                Piece::Same("a ".into()),
                Piece::Deleted("b c".into()),
                Piece::Inserted("x y".into()),
                Piece::Same(" d\n".into()),
            ]
        );
    }

    #[test]
    fn only_changed_lines_and_their_context_are_kept() {
        let old: String = (1..=20).map(|i| format!("line {i}\n")).collect();
        let new = old.replace("line 10\n", "line ten\n");
        let shown = with_context(lines(&words(&old, &new)));
        // … 8 9 [10] 11 12 …
        assert_eq!(shown.len(), 7, "{shown:?}");
        assert_eq!(shown.first(), Some(&None));
        assert_eq!(shown.last(), Some(&None));
        assert_eq!(
            shown.get(1),
            Some(&Some(vec![Piece::Same("line 8".into())]))
        );
    }
}
