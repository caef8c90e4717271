//! The changes printed: Markdown for a pull request's comment, and the
//! HTML fragment of a page. Every text from the record is escaped here.

use super::{CaseChange, Changes, Kind, Piece};
use crate::render::templates::{escape_html, escape_markdown};

/// A pull request comment on GitHub holds at most 65,536 characters; past
/// this many, the Markdown leaves out the remaining cases' documents.
const MARKDOWN_BUDGET: usize = 60_000;

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
