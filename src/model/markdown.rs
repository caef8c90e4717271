//! The Markdown dialect of case bodies: the one place that decides which
//! pulldown-cmark extensions pds uses, for rendering, for finding generated
//! blocks (`shortcode`) and for `pds fmt`'s checks alike.

use pulldown_cmark::{Event, Options, Parser, Tag, TagEnd};

/// The one place that decides which Markdown extensions pds uses.
pub fn cmark_options() -> Options {
    Options::ENABLE_TABLES | Options::ENABLE_FOOTNOTES | Options::ENABLE_STRIKETHROUGH
}

/// What a Markdown text says, as its syntax tree: one line per element,
/// text with its white space collapsed, links by where they lead. Two texts
/// with the same meaning render to the same document (`pds fmt` keeps it,
/// `check --base` compares approved cases' bodies by it).
pub fn meaning(md: &str) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    let mut text = String::new();
    let flush = |text: &mut String, out: &mut Vec<String>| {
        if !text.is_empty() {
            out.push(format!(
                "text:{}",
                text.split_whitespace().collect::<Vec<_>>().join(" ")
            ));
            text.clear();
        }
    };
    for event in Parser::new_ext(md, cmark_options()) {
        match event {
            Event::Text(t) | Event::Code(t) => text.push_str(&t),
            Event::SoftBreak => text.push(' '),
            Event::Start(Tag::CodeBlock(_)) | Event::End(TagEnd::CodeBlock) => {
                flush(&mut text, &mut out);
                out.push("code-block".into());
            }
            other => {
                flush(&mut text, &mut out);
                out.push(event_meaning(&other));
            }
        }
    }
    flush(&mut text, &mut out);
    out
}

/// What an event means: a link is where it leads and its title, however it
/// is written (inline, reference, autolink); strings by their text, not by
/// how pulldown-cmark happens to store them.
fn event_meaning(event: &Event<'_>) -> String {
    match event {
        Event::Start(Tag::Link {
            dest_url, title, ..
        }) => format!("link {dest_url} {title}"),
        Event::Start(Tag::Image {
            dest_url, title, ..
        }) => format!("image {dest_url} {title}"),
        Event::Start(Tag::FootnoteDefinition(label)) => format!("footnote {label}"),
        Event::FootnoteReference(label) => format!("footnote-ref {label}"),
        Event::Html(html) => format!("html {html}"),
        Event::InlineHtml(html) => format!("inline-html {html}"),
        other => format!("{other:?}"),
    }
}
