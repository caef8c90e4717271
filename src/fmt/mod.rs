//! `pds fmt`: canonical files, written only when provably nothing is lost.
//!
//! Front matter and YAML files are formatted on their syntax tree by
//! pretty_yaml (comments stay); case numbers are normalised (`05/21` → `5/21`);
//! Markdown bodies go through comrak's CommonMark writer. Because a writer can
//! lose content on rare inputs, every result is verified before it is used:
//! the YAML values parse back equal, the Markdown syntax trees are equal, a
//! second pass changes nothing, and no word is lost. Otherwise the file is
//! left as it was.

use crate::diag::split_bom;
use crate::load::frontmatter;
use crate::model::{CaseNumber, MeetingNumber};
use crate::yaml::{self, Node, NodeKind};
use pulldown_cmark::{Event, Parser, Tag, TagEnd};
use std::collections::BTreeMap;

/// What formatting a file's text gave.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Outcome {
    /// The canonical text (may equal the input).
    Formatted(String),
    /// Left as it was, and why.
    Refused(String),
}

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

fn yaml_options() -> pretty_yaml::config::FormatOptions {
    let mut options = pretty_yaml::config::FormatOptions::default();
    options.layout.print_width = 100;
    options.language.prose_wrap = pretty_yaml::config::ProseWrap::Preserve;
    options.language.quotes = pretty_yaml::config::Quotes::PreferDouble;
    options
}

/// Formats a file of the record; `markdown` says whether it is a case file.
pub fn format(text: &str, markdown: bool) -> Outcome {
    match format_once(text, markdown) {
        Err(why) => Outcome::Refused(why),
        Ok(first) => match format_once(&first, markdown) {
            Ok(second) if second == first => Outcome::Formatted(first),
            Ok(_) => {
                Outcome::Refused("formatting twice gives different text (not idempotent)".into())
            }
            Err(why) => {
                Outcome::Refused(format!("its formatted text does not format again: {why}"))
            }
        },
    }
}

fn format_once(text: &str, markdown: bool) -> Result<String, String> {
    let (_, text) = split_bom(text);
    let text = text.replace("\r\n", "\n");
    if !markdown {
        return format_yaml(&text);
    }
    let split =
        frontmatter::split(&text).map_err(|_| "it has no closed front matter".to_string())?;
    let yaml = format_yaml(split.yaml)?;
    let body = format_markdown(split.body)?;
    Ok(format!("---\n{yaml}---\n{body}"))
}

fn format_yaml(text: &str) -> Result<String, String> {
    let tree = yaml::parse(text).map_err(|e| format!("its YAML does not parse ({})", e.message))?;
    let normalised = normalise_numbers(text, &tree);
    let before = yaml::parse(&normalised)
        .map_err(|e| format!("normalising numbers broke the YAML ({})", e.message))?;
    let mut out = pretty_yaml::format_text(&normalised, &yaml_options()).map_err(|e| {
        let line = normalised
            .get(..e.offset())
            .unwrap_or("")
            .lines()
            .count()
            .max(1);
        format!(
            "the YAML formatter cannot read line {line}: {}",
            e.message()
        )
    })?;
    if !out.ends_with('\n') && !out.is_empty() {
        out.push('\n');
    }
    let out = indent_continuations(&out);
    let after = yaml::parse(&out)
        .map_err(|e| format!("the formatted YAML does not parse ({})", e.message))?;
    if !same_value(&before, &after) {
        return Err("the formatted YAML has other values".into());
    }
    if words(&normalised) != words(&out) {
        return Err("the formatted YAML lost or added words (in a comment?)".into());
    }
    Ok(out)
}

/// pretty_yaml writes the continuation lines of a multi-line quoted value
/// at the left margin (yaml-test-suite NAT4 became the invalid QB6E shape);
/// they are indented under their key again. Leading spaces of such lines
/// are not part of the value, so the value stays the same (verified after).
fn indent_continuations(text: &str) -> String {
    let runs = yaml::flow_runs(text);
    if runs.is_empty() {
        return text.to_string();
    }
    let mut out = String::with_capacity(text.len() + 64);
    for (i, line) in text.split_inclusive('\n').enumerate() {
        let number = i + 1;
        let run = runs
            .iter()
            .find(|r| r.first < number && number <= r.last && r.needs_indent(line));
        if let Some(run) = run {
            let spaces = line.len() - line.trim_start_matches(' ').len();
            let need = usize::try_from(run.above + 2).unwrap_or(0);
            if spaces < need {
                out.push_str(&" ".repeat(need - spaces));
            }
        }
        out.push_str(line);
    }
    out
}

fn format_markdown(body: &str) -> Result<String, String> {
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
        let name = rest.find(';').and_then(|end| rest.get(..end)).unwrap_or("");
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

/// `number: 05/21` → `number: 5/21` (and `previous`, and meeting numbers),
/// by replacing just those values' text.
fn normalise_numbers(text: &str, tree: &Node) -> String {
    let mut edits: Vec<(usize, usize, String)> = Vec::new();
    let mut visit = |key: &str, value: &Node| {
        let Some(raw) = value.scalar_text(text) else {
            return;
        };
        let canonical = match key {
            "number" | "previous" | "meeting" | "raised" => CaseNumber::parse(&raw)
                .map(|n| n.to_string())
                .or_else(|_| MeetingNumber::parse(&raw).map(|n| n.to_string()))
                .ok(),
            _ => None,
        };
        if let Some(c) = canonical {
            let span = text
                .get(value.offset..value.offset + value.len)
                .unwrap_or("");
            if c != raw.trim() && span.trim() == raw.trim() {
                edits.push((value.offset, value.len, c));
            }
        }
    };
    walk(tree, None, &mut visit);
    let mut out = text.to_string();
    edits.sort_by_key(|e| std::cmp::Reverse(e.0));
    for (offset, len, replacement) in edits {
        if out.is_char_boundary(offset) && out.is_char_boundary(offset + len) {
            out.replace_range(offset..offset + len, &replacement);
        }
    }
    out
}

fn walk(node: &Node, key: Option<&str>, visit: &mut impl FnMut(&str, &Node)) {
    match &node.kind {
        NodeKind::Map(entries) => {
            for (k, v) in entries {
                let name = match &k.kind {
                    NodeKind::Str(s) => Some(s.as_str()),
                    _ => None,
                };
                walk(v, name, visit);
            }
        }
        NodeKind::Seq(items) => {
            for item in items {
                walk(item, key, visit);
            }
        }
        _ => {
            if let Some(k) = key {
                visit(k, node);
            }
        }
    }
}

/// Equal values, positions aside.
fn same_value(a: &Node, b: &Node) -> bool {
    match (&a.kind, &b.kind) {
        (NodeKind::Seq(x), NodeKind::Seq(y)) => {
            x.len() == y.len() && x.iter().zip(y).all(|(a, b)| same_value(a, b))
        }
        (NodeKind::Map(x), NodeKind::Map(y)) => {
            x.len() == y.len()
                && x.iter()
                    .zip(y)
                    .all(|((ka, va), (kb, vb))| same_value(ka, kb) && same_value(va, vb))
        }
        (NodeKind::Float(x), NodeKind::Float(y)) => x == y || (x.is_nan() && y.is_nan()),
        (x, y) => x == y,
    }
}

/// Every word (a run of letters and digits), counted.
fn words(text: &str) -> BTreeMap<&str, usize> {
    let mut counts = BTreeMap::new();
    for w in text
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
    {
        *counts.entry(w).or_insert(0) += 1;
    }
    counts
}

/// The Markdown syntax tree as pulldown-cmark sees it, with text runs merged
/// and soft line breaks as spaces, so only meaning is compared.
fn events(md: &str) -> Vec<String> {
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
    for event in Parser::new_ext(md, crate::model::markdown::cmark_options()) {
        match event {
            Event::Text(t) | Event::Code(t) => text.push_str(&t),
            Event::SoftBreak => text.push(' '),
            Event::Start(Tag::CodeBlock(_)) | Event::End(TagEnd::CodeBlock) => {
                flush(&mut text, &mut out);
                out.push("code-block".into());
            }
            other => {
                flush(&mut text, &mut out);
                out.push(meaning(&other));
            }
        }
    }
    flush(&mut text, &mut out);
    out
}

/// What an event means: a link is where it leads and its title, however it
/// is written (inline, reference, autolink); strings by their text, not by
/// how pulldown-cmark happens to store them.
fn meaning(event: &Event<'_>) -> String {
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

#[cfg(test)]
mod tests {
    use super::*;

    fn formatted(text: &str, md: bool) -> String {
        match format(text, md) {
            Outcome::Formatted(t) => t,
            Outcome::Refused(why) => panic!("refused: {why}"),
        }
    }

    #[test]
    fn numbers_are_normalised_and_comments_kept() {
        let text = "---\nnumber:   05/21   # nummeret\nmeeting: 7/2021\ntitle: Budsjett\ntype: Tilslutning\nprevious: [03/21]\n---\nTekst\n";
        let out = formatted(text, true);
        assert!(out.contains("number: 5/21 # nummeret"), "{out}");
        assert!(out.contains("previous: [3/21]"), "{out}");
        assert_eq!(formatted(&out, true), out, "idempotent");
    }

    #[test]
    fn markdown_is_made_canonical_without_losing_words() {
        let text = "---\ntitle: T\n---\nHeading\n=======\n\n* one\n* two\n\nText[^1] with *emphasis*.\n\n[^1]: A note.\n";
        let out = formatted(text, true);
        assert!(out.contains("# Heading"), "{out}");
        assert!(out.contains("- one"), "{out}");
        assert!(out.contains("[^1]:") && out.contains("A note."), "{out}");
    }

    #[test]
    fn bom_and_crlf_become_plain_lf() {
        let out = formatted("\u{feff}---\r\ntitle: T\r\n---\r\nA\r\n", true);
        assert_eq!(out, "---\ntitle: T\n---\nA\n");
    }

    #[test]
    fn where_the_two_markdown_parsers_disagree_the_file_is_left_alone() {
        assert!(matches!(
            format("---\ntitle: T\n---\n2021.\n\n* styret\n", true),
            Outcome::Refused(_)
        ));
    }

    #[test]
    fn what_does_not_parse_is_refused() {
        assert!(matches!(
            format("---\ntitle: [\n---\n", true),
            Outcome::Refused(_)
        ));
        assert!(matches!(
            format("no front matter\n", true),
            Outcome::Refused(_)
        ));
        assert!(matches!(format("a: [1\n", false), Outcome::Refused(_)));
    }

    #[test]
    fn unused_link_definitions_are_not_silently_dropped() {
        // comrak's writer drops link reference definitions nobody uses: a lost word.
        match format(
            "---\ntitle: T\n---\nText.\n\n[unused]: https://example.org/only-here\n",
            true,
        ) {
            Outcome::Refused(why) => assert!(why.contains("lost"), "{why}"),
            Outcome::Formatted(t) => assert!(t.contains("only-here"), "{t}"),
        }
    }

    #[test]
    fn quoted_values_over_several_lines_stay_valid_yaml() {
        // yaml-test-suite NAT4. pretty_yaml alone writes the closing quotes
        // at the left margin (QB6E, invalid), which the verification refuses.
        let nat4 = "---\na: '\n  '\nb: '  \n  '\nc: \"\n  \"\nd: \"  \n  \"\ne: '\n\n  '\nf: \"\n\n  \"\ng: '\n\n\n  '\nh: \"\n\n\n  \"\n";
        let raw = pretty_yaml::format_text(nat4, &yaml_options()).unwrap();
        assert!(yaml::parse(&raw).is_err(), "{raw}");
        let out = formatted(nat4, false);
        assert!(same_value(
            &yaml::parse(nat4).unwrap(),
            &yaml::parse(&out).unwrap()
        ));
        assert!(!out.lines().any(|l| l.starts_with('"')), "{out}");
    }

    use proptest::prelude::*;

    fn word() -> impl Strategy<Value = String> {
        prop::sample::select(vec![
            "styret",
            "sak",
            "Tilslutning",
            "NILAR",
            "økonomi",
            "2021",
            "v1.0",
            "e-helse",
            "å",
            "kr",
        ])
        .prop_map(String::from)
    }

    /// Words, starting with a letter: "2021." alone is an ordered list item,
    /// where comrak and pulldown-cmark disagree (fmt then refuses, as it should).
    fn sentence() -> impl Strategy<Value = String> {
        prop::collection::vec(word(), 0..8)
            .prop_map(|w| format!("Saken {}", w.join(" ")).trim_end().to_string())
    }

    fn block() -> impl Strategy<Value = String> {
        prop_oneof![
            sentence().prop_map(|s| format!("{s}.\n")),
            sentence().prop_map(|s| format!("## {s}\n")),
            prop::collection::vec(sentence(), 1..4)
                .prop_map(|items| items.iter().map(|i| format!("* {i}\n")).collect()),
            (sentence(), sentence()).prop_map(|(a, b)| format!("{a} *{b}* and **{a}**.\n")),
            (sentence(), sentence())
                .prop_map(|(a, b)| format!("| {a} | {b} |\n|---|---|\n| {b} | {a} |\n")),
            sentence().prop_map(|s| format!("> {s}\n")),
            sentence().prop_map(|s| format!("{s} https://example.org/styring_og_ledelse.\n")),
            (sentence(), sentence()).prop_map(|(a, b)| format!("* [ ] {a}\n* [x] {b}\n")),
            sentence().prop_map(|s| format!("{s}&nbsp;kr &copy; [{s}][ref].\n")),
        ]
    }

    proptest! {
        #[test]
        fn formatting_is_idempotent_and_keeps_every_value_and_word(
            title in sentence(),
            seq in 1u32..60,
            padded in any::<bool>(),
            blocks in prop::collection::vec(block(), 0..6),
        ) {
            let number = if padded { format!("{seq:02}/21") } else { format!("{seq}/21") };
            // One reference definition, used or not, at the end.
            let body = format!("{}\n[ref]: https://example.org/r\n", blocks.join("\n"));
            let text = format!("---\nnumber:  {number}\nmeeting: 7/2021\ntitle: \"{title}\"\ntype: Drøfting\n---\n{body}");
            let out = match format(&text, true) {
                Outcome::Formatted(out) => out,
                Outcome::Refused(why) => return Err(TestCaseError::fail(format!("refused {text:?}: {why}"))),
            };
            prop_assert_eq!(format(&out, true), Outcome::Formatted(out.clone()));
            let expected_number = format!("number: {seq}/21\n");
            prop_assert!(out.contains(&expected_number), "{}", out);
            for w in words(&body).keys() {
                prop_assert!(words(&out).contains_key(w), "lost {:?}", w);
            }
            prop_assert_eq!(events(&body), events(frontmatter::split(&out).unwrap().body));
        }
    }

    #[test]
    fn the_real_records_files_all_format_and_verify() {
        let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("cases");
        for entry in walkdir::WalkDir::new(&root).into_iter().flatten() {
            let path = entry.path();
            let ext = path.extension().and_then(|e| e.to_str());
            if !matches!(ext, Some("md" | "yaml")) {
                continue;
            }
            let text = std::fs::read_to_string(path).unwrap();
            if let Outcome::Refused(why) = format(&text, ext == Some("md")) {
                panic!("{}: {why}", path.display());
            }
        }
    }
}
