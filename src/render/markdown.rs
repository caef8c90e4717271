//! Markdown bodies to safe HTML: pulldown-cmark renders, ammonia sanitises;
//! pictures from the record are inlined through `pictures.rs`.

use super::pictures::{picture, ImageBase, PICTURE_MARK};
use crate::model::markdown::cmark_options;
use pulldown_cmark::{CowStr, Event, Parser, Tag, TagEnd};
use std::collections::HashSet;

/// The classes pulldown-cmark gives footnotes: the only classes body HTML
/// keeps, so a body cannot put on the page's own (`decision-box`, …).
const MARKDOWN_CLASSES: &[&str] = &[
    "footnote-reference",
    "footnote-definition",
    "footnote-definition-label",
];

/// How deep the HTML of one Markdown text may nest (Markdown's own blocks
/// and raw HTML together). html5ever, which ammonia sanitises with, takes
/// time by the square of the depth: 4,000 nested `> ` took 0.8 s, 50,000
/// more than a minute, in `render notice` as much as in `render case`.
pub const MAX_HTML_DEPTH: usize = 100;

/// How many formatting elements (`<b>`, `<i>`, `<a>`, …) raw HTML may leave
/// open. html5ever opens each of them again in every later paragraph: 33 kB
/// of `<b x=1>…<b x=200>` and paragraphs grew to 5.6 MB of HTML in 3.7 s.
pub const MAX_OPEN_FORMATTING: usize = 16;

/// Renders Markdown to sanitised HTML. `id_prefix` keeps footnote ids of
/// several documents in one pack apart. A text whose HTML would nest deeper
/// than `MAX_HTML_DEPTH` or leave more than `MAX_OPEN_FORMATTING` formatting
/// elements open is shown as written, escaped, in `<pre class="unrendered">`.
pub fn to_html(markdown: &str, id_prefix: &str, images: Option<&ImageBase>) -> String {
    let prefix =
        |label: CowStr<'_>| -> CowStr<'static> { CowStr::from(format!("{id_prefix}{label}")) };
    let events: Vec<Event<'_>> = Parser::new_ext(markdown, cmark_options())
        .map(|event| match event {
            Event::FootnoteReference(label) => Event::FootnoteReference(prefix(label)),
            Event::Start(Tag::FootnoteDefinition(label)) => {
                Event::Start(Tag::FootnoteDefinition(prefix(label)))
            }
            other => other,
        })
        .collect();
    let events = bounded_text(events);
    if !nesting_is_tame(&events) {
        let mut escaped = String::with_capacity(markdown.len() + 32);
        escaped.push_str("<pre class=\"unrendered\">");
        escape_text(markdown, &mut escaped);
        escaped.push_str("</pre>\n");
        return escaped;
    }
    let mut raw = String::new();
    pulldown_cmark::html::push_html(&mut raw, events.into_iter());
    sanitize(&raw, id_prefix, images)
}

/// The longest text left whole in one HTML text node, and the pieces a
/// longer one is cut into.
const MAX_TEXT_NODE: usize = 8 * 1024;
const TEXT_PIECE: usize = 1024;

/// `events` with every text longer than `MAX_TEXT_NODE` cut into `TEXT_PIECE`s
/// joined by an empty `<span></span>` (outside pictures, whose text is their
/// alt attribute). html5ever's serializer, which ammonia prints with, scans
/// to the end of a text node for each `&` in it: a paragraph of a million
/// `&` took minutes; pieces keep it linear and change nothing on the page.
fn bounded_text(events: Vec<Event<'_>>) -> Vec<Event<'_>> {
    if !events
        .iter()
        .any(|e| matches!(e, Event::Text(t) if t.len() > MAX_TEXT_NODE))
    {
        return events;
    }
    let mut out = Vec::with_capacity(events.len());
    let mut in_picture = 0usize;
    for event in events {
        match event {
            Event::Start(Tag::Image { .. }) => in_picture += 1,
            Event::End(TagEnd::Image) => in_picture = in_picture.saturating_sub(1),
            _ => {}
        }
        match event {
            Event::Text(text) if in_picture == 0 && text.len() > MAX_TEXT_NODE => {
                let mut rest: &str = &text;
                while !rest.is_empty() {
                    let mut cut = rest.len().min(TEXT_PIECE);
                    while !rest.is_char_boundary(cut) {
                        cut -= 1;
                    }
                    let Some((piece, tail)) = rest.split_at_checked(cut) else {
                        break;
                    };
                    out.push(Event::Text(CowStr::from(piece.to_string())));
                    if !tail.is_empty() {
                        out.push(Event::InlineHtml(CowStr::Borrowed("<span></span>")));
                    }
                    rest = tail;
                }
            }
            other => out.push(other),
        }
    }
    out
}

/// Whether the HTML of `events` stays within `MAX_HTML_DEPTH` and
/// `MAX_OPEN_FORMATTING`. Markdown's own elements are counted exactly; tags
/// in raw HTML by a scan that errs on the side of counting too many.
fn nesting_is_tame(events: &[Event<'_>]) -> bool {
    let (mut blocks, mut raw, mut formatting) = (0usize, 0usize, 0usize);
    for event in events {
        match event {
            Event::Start(_) => blocks += 1,
            Event::End(_) => blocks = blocks.saturating_sub(1),
            Event::Html(html) | Event::InlineHtml(html) => {
                for (name, opens) in raw_tags(html) {
                    let is_formatting = FORMATTING.contains(&name.as_str());
                    if opens {
                        raw += 1;
                        formatting += usize::from(is_formatting);
                    } else {
                        raw = raw.saturating_sub(1);
                        if is_formatting {
                            formatting = formatting.saturating_sub(1);
                        }
                    }
                }
            }
            _ => {}
        }
        if blocks + raw > MAX_HTML_DEPTH || formatting > MAX_OPEN_FORMATTING {
            return false;
        }
    }
    true
}

/// The elements html5ever keeps in its list of active formatting elements.
const FORMATTING: &[&str] = &[
    "a", "b", "big", "code", "em", "font", "i", "nobr", "s", "small", "strike", "strong", "tt", "u",
];

/// Elements that never nest: those without an end tag, and those whose end
/// tag may be left out because the next of their kind closes them (`<p>`,
/// `<li>`, `<td>`, …; hand-written tables rarely close their cells).
const FLAT: &[&str] = &[
    "area", "base", "br", "col", "embed", "hr", "img", "input", "keygen", "link", "meta", "param",
    "source", "track", "wbr", "p", "li", "dt", "dd", "tr", "td", "th", "option", "optgroup", "rb",
    "rt", "rp", "rtc", "thead", "tbody", "tfoot", "colgroup", "caption",
];

/// The tags of a piece of raw HTML that can nest, lower-cased, and whether
/// each opens an element (`<div/>` opens one too, as html5ever reads it) or
/// closes one. Comments, doctypes and the `FLAT` elements are skipped.
fn raw_tags(html: &str) -> Vec<(String, bool)> {
    let mut tags = Vec::new();
    let mut rest = html;
    while let Some(lt) = rest.find('<') {
        rest = rest.get(lt + 1..).unwrap_or_default();
        if let Some(comment) = rest.strip_prefix("!--") {
            rest = comment
                .find("-->")
                .map_or("", |e| comment.get(e + 3..).unwrap_or_default());
            continue;
        }
        let (closing, after) = match rest.strip_prefix('/') {
            Some(after) => (true, after),
            None => (false, rest),
        };
        let name: String = after
            .chars()
            .take_while(|c| c.is_ascii_alphanumeric())
            .collect::<String>()
            .to_ascii_lowercase();
        if !after.starts_with(|c: char| c.is_ascii_alphabetic()) {
            continue;
        }
        if !FLAT.contains(&name.as_str()) {
            tags.push((name, !closing));
        }
    }
    tags
}

/// Appends `text` with `&`, `<`, `>` and `"` escaped.
fn escape_text(text: &str, out: &mut String) {
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            c => out.push(c),
        }
    }
}

/// Removes scripts, event handlers, `javascript:` and `data:` links, styles
/// and anything else not needed by a board document. Ids are put under
/// `id_prefix` (the document's own footnote namespace) and classes other
/// than pulldown-cmark's footnote classes are dropped, so body HTML cannot
/// take the page's anchors or styles. Pictures from inside the record are
/// inlined through `images`; remote pictures are never kept.
pub fn sanitize(html: &str, id_prefix: &str, images: Option<&ImageBase>) -> String {
    let mut builder = ammonia::Builder::default();
    builder
        .add_generic_attributes(["id", "class"])
        .add_tag_attributes("td", ["style"])
        .add_tag_attributes("th", ["style"])
        .add_tag_attributes("img", ["src", "alt", "title", "width", "height"])
        .add_tag_attributes("ol", ["start"])
        .add_tag_attributes("input", ["type", "checked", "disabled"])
        .url_schemes(HashSet::from(["http", "https", "mailto"]))
        .link_rel(Some("noopener noreferrer"))
        .id_prefix(Some(id_prefix).filter(|p| !p.is_empty()));
    let images = images.cloned();
    builder.attribute_filter(move |element, attribute, value| {
        // Table alignment is the one style a document needs; nothing else passes.
        if attribute == "style" {
            let allowed = [
                "text-align: left",
                "text-align: center",
                "text-align: right",
            ];
            return allowed.contains(&value).then(|| value.into());
        }
        if attribute == "class" {
            if element == "img" {
                return None;
            }
            let kept: Vec<&str> = value
                .split_ascii_whitespace()
                .filter(|c| MARKDOWN_CLASSES.contains(c))
                .collect();
            return (!kept.is_empty()).then(|| kept.join(" ").into());
        }
        if element == "img" && attribute == "src" {
            let lower = value.trim_start().to_ascii_lowercase();
            let remote = ["http://", "https://", "//"]
                .iter()
                .any(|p| lower.starts_with(p));
            return match &images {
                Some(base) if remote => {
                    base.pictures.warn(
                        base,
                        value,
                        "is on the web: not fetched, its alt text is shown",
                    );
                    None
                }
                Some(base) if !value.contains(':') => picture(base, value).map(Into::into),
                _ => None,
            };
        }
        Some(value.into())
    });
    builder
        .clean(html)
        .to_string()
        .replace(PICTURE_MARK, " class=\"pds-picture-")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tables_footnotes_and_strikethrough_render() {
        let html = to_html(
            "| a | b |\n|---|--:|\n| 1 | 2 |\n\nText[^1] ~~old~~\n\n[^1]: Note\n",
            "c1-",
            None,
        );
        assert!(html.contains("<table>"), "{html}");
        assert!(html.contains("<del>old</del>"), "{html}");
        assert!(html.contains("href=\"#c1-1\""), "{html}");
        assert!(html.contains("id=\"c1-1\""), "{html}");
        assert!(html.contains("style=\"text-align: right\""), "{html}");
    }

    #[test]
    fn scripts_handlers_and_javascript_links_are_removed() {
        let evil = "<script>alert(1)</script>\n\n<img src=x onerror=alert(2)>\n\n[x](javascript:alert(3))\n\n<a href=\"data:text/html,hi\">d</a>\n\n<p style=\"background:url(javascript:alert(4))\">s</p>\n\n<svg><script>alert(5)</script></svg>\n";
        let html = to_html(evil, "", None);
        for bad in [
            "<script",
            "onerror",
            "javascript:",
            "data:",
            "style=",
            "alert(1)",
            "<svg",
        ] {
            assert!(!html.contains(bad), "{bad} survived: {html}");
        }
    }

    #[test]
    fn deep_nesting_and_open_formatting_are_shown_as_written_and_fast() {
        let mut reopened = String::from("<div>");
        for i in 0..200 {
            reopened.push_str(&format!("<b x={i}>"));
        }
        reopened.push_str("</div>\n\n");
        reopened.push_str(&"x\n\n".repeat(4000));
        for text in [
            "> ".repeat(50_000) + "<script>x</script>",
            "<div>".repeat(50_000),
            "- ".repeat(50_000) + "x",
            "* ".repeat(2_000) + "x\n" + &"  ".repeat(2_000) + "- y",
            reopened,
        ] {
            let started = std::time::Instant::now();
            let html = to_html(&text, "", None);
            assert!(started.elapsed().as_secs() < 2, "{:?}", started.elapsed());
            assert!(
                html.starts_with("<pre class=\"unrendered\">"),
                "{}",
                &html[..80]
            );
            assert!(!html.contains("<script") && !html.contains("<div") && !html.contains("<b "));
            assert!(html.len() < text.len() * 5);
        }
    }

    #[test]
    fn ordinary_nesting_and_closed_formatting_render() {
        let text = format!(
            "{}deep\n\n<b>bold</b> <i>it</i> <a href=\"https://x.example\">a</a> <br> <img src=\"https://x.example/p.png\"> <!-- <b><b><b> -->\n\n{}",
            "> ".repeat(40),
            "<b>x</b>".repeat(1000)
        );
        let html = to_html(&text, "", None);
        assert!(!html.starts_with("<pre"), "{html}");
        assert_eq!(html.matches("<blockquote>").count(), 40);
        assert_eq!(html.matches("<b>").count(), 1001);
        // A hand-written table that closes none of its 300 cells and rows.
        let table = format!("<table>{}</table>\n", "<tr><td>a<td>b".repeat(150));
        let html = to_html(&table, "", None);
        assert_eq!(html.matches("<td>").count(), 300, "{html}");
    }

    #[test]
    fn raw_tags_are_read_as_html5ever_would_nest_them() {
        let tags =
            raw_tags("<DIV class=x><br/><img src=a><b/></div><!-- <i> --><p>a<1 </ x<td></Td><ul>");
        assert_eq!(
            tags,
            [
                ("div".to_string(), true),
                ("b".to_string(), true),
                ("div".to_string(), false),
                ("ul".to_string(), true),
            ]
        );
    }

    #[test]
    fn body_html_keeps_no_class_or_id_of_the_page() {
        let html = to_html(
            "<div class=\"decision-box decided\" id=\"sak-44-21\">Vedtak</div>\n\n<p class=\"footnote-definition exempt\">x</p>\n\nText[^1]\n\n[^1]: Note\n",
            "sak-43-21-",
            None,
        );
        assert!(
            !html.contains("decision-box") && !html.contains("exempt"),
            "{html}"
        );
        assert!(!html.contains("id=\"sak-44-21\""), "{html}");
        assert!(html.contains("id=\"sak-43-21-sak-44-21\""), "{html}");
        assert!(html.contains("class=\"footnote-definition\""), "{html}");
        assert!(html.contains("href=\"#sak-43-21-1\""), "{html}");
        assert!(html.contains("id=\"sak-43-21-1\""), "{html}");
    }
}
