//! Case bodies written as CommonMark by comrak, kept as GitHub reads them,
//! and verified: the same syntax tree, links, words and generated blocks.

use super::words;
use pulldown_cmark::Parser;

/// The one place that sets comrak's options: GitHub's Markdown, so bare
/// URLs are links (and written bare) and task lists stay `- [ ]`.
fn comrak_options() -> comrak::Options<'static> {
    let mut options = comrak::Options::default();
    options.extension.table = true;
    options.extension.footnotes = true;
    options.extension.strikethrough = true;
    options.extension.autolink = true;
    options.extension.tasklist = true;
    options
}

pub(super) fn format_markdown(body: &str) -> Result<String, String> {
    if body.trim().is_empty() {
        return Ok(String::new());
    }
    let out = write_commonmark(body);
    if events(body) != events(&out) {
        return Err("the formatted Markdown has another syntax tree".into());
    }
    if links(body) != links(&out) {
        return Err("the formatted Markdown links elsewhere as GitHub reads it".into());
    }
    // A reference link comrak writes inline repeats its URL: more words are
    // no loss (the syntax trees are equal), fewer are.
    let after = words(&out);
    if let Some((word, _)) = words(body)
        .into_iter()
        .find(|(w, n)| after.get(w).is_none_or(|m| m < n))
    {
        return Err(format!("the formatted Markdown lost a word (`{word}`)"));
    }
    if blocks(body) != blocks(&out) {
        return Err("the formatted Markdown changed a generated-block line ({{ … }})".into());
    }
    Ok(out)
}

/// comrak's CommonMark, except where that would change what the author
/// wrote without changing its meaning as CommonMark but its meaning on
/// GitHub or its look: bare URLs stay bare (escaping `_` breaks them on
/// GitHub), reference-style links and entities (`&nbsp;`) stay as written,
/// and the link reference definitions comrak drops are kept, at the end.
fn write_commonmark(body: &str) -> String {
    use comrak::nodes::NodeValue;
    let options = comrak_options();
    let arena = comrak::Arena::new();
    let root = comrak::parse_document(&arena, body, &options);
    let starts: Vec<usize> = std::iter::once(0)
        .chain(body.match_indices('\n').map(|(i, _)| i + 1))
        .collect();
    let source = |pos: comrak::nodes::Sourcepos| -> Option<&str> {
        let first = *starts.get(pos.start.line.checked_sub(1)?)?;
        let last = *starts.get(pos.end.line.checked_sub(1)?)?;
        body.get(first + pos.start.column.checked_sub(1)?..last + pos.end.column)
    };
    let nodes: Vec<_> = root.descendants().collect();
    for node in nodes {
        let keep = {
            let ast = node.data.borrow();
            match &ast.value {
                NodeValue::Link(_) | NodeValue::Image(_) => source(ast.sourcepos)
                    // a bare URL, or a reference-style link (an inline
                    // one ends in `)`, an autolink is in `<…>`)
                    .filter(|s| {
                        !s.starts_with('<') && (!s.starts_with(['[', '!']) || !s.ends_with(')'))
                    })
                    .map(str::to_string),
                NodeValue::Text(_) => source(ast.sourcepos)
                    .filter(|s| has_entity(s))
                    .map(str::to_string),
                _ => None,
            }
        };
        if let Some(text) = keep {
            let children: Vec<_> = node.children().collect();
            for child in children {
                child.detach();
            }
            node.data.borrow_mut().value = NodeValue::HtmlInline(text);
        }
    }
    let mut out = String::new();
    if comrak::format_commonmark(root, &options, &mut out).is_err() {
        return body.to_string();
    }
    let parser = Parser::new_ext(body, crate::model::markdown::cmark_options());
    let mut definitions: Vec<(usize, &str)> = parser
        .reference_definitions()
        .iter()
        .filter_map(|(_, def)| Some((def.span.start, body.get(def.span.clone())?.trim())))
        .collect();
    if !definitions.is_empty() {
        definitions.sort_unstable();
        if !out.is_empty() {
            out.push('\n');
        }
        for (_, definition) in definitions {
            out.push_str(definition);
            out.push('\n');
        }
    }
    out
}

/// Whether a text holds an HTML entity or numeric character reference.
fn has_entity(text: &str) -> bool {
    text.match_indices('&').any(|(i, _)| {
        let rest = text.get(i + 1..).unwrap_or("");
        // An entity name is at most 32 characters: look no further for its
        // `;` (a body of a million `&` would otherwise be scanned a million times).
        let name = rest
            .bytes()
            .take(34)
            .position(|b| b == b';')
            .and_then(|end| rest.get(..end))
            .unwrap_or("");
        !name.is_empty()
            && name.len() <= 32
            && name
                .chars()
                .enumerate()
                .all(|(j, c)| c.is_ascii_alphanumeric() || (j == 0 && c == '#'))
    })
}

/// Where the links and pictures of a text lead, as GitHub's Markdown reads it.
fn links(md: &str) -> Vec<String> {
    use comrak::nodes::NodeValue;
    let arena = comrak::Arena::new();
    let root = comrak::parse_document(&arena, md, &comrak_options());
    root.descendants()
        .filter_map(|n| match &n.data.borrow().value {
            NodeValue::Link(l) | NodeValue::Image(l) => Some(format!("{} {}", l.url, l.title)),
            _ => None,
        })
        .collect()
}

/// The generated-block lines of a body, as written.
fn blocks(md: &str) -> Vec<&str> {
    md.lines()
        .map(str::trim)
        .filter(|l| l.starts_with("{{") && l.ends_with("}}"))
        .collect()
}

/// The Markdown syntax tree as pulldown-cmark sees it, with text runs merged
/// and soft line breaks as spaces, so only meaning is compared.
pub(super) fn events(md: &str) -> Vec<String> {
    crate::model::markdown::meaning(md)
}
