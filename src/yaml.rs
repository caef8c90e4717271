//! A YAML document as a tree of nodes that remember where they stand in the file.
//!
//! serde-saphyr parses (with strict booleans, duplicate keys as errors and a
//! budget against alias bombs and deep nesting, tighter than its defaults);
//! every node is read through `Spanned`, so schema checks can point at the
//! exact value they complain about.

use serde::de::{Deserialize, Deserializer, MapAccess, SeqAccess, Visitor};
use serde_saphyr::Spanned;
use std::fmt;

/// One YAML value with its byte range in the text it was parsed from.
#[derive(Debug, Clone, PartialEq)]
pub struct Node {
    pub kind: NodeKind,
    /// Byte offset of the value in the parsed text.
    pub offset: usize,
    /// Length in bytes of the value's own text (0 when unknown).
    pub len: usize,
}

#[derive(Debug, Clone, PartialEq)]
pub enum NodeKind {
    Null,
    Bool(bool),
    Int(i128),
    Float(f64),
    Str(String),
    Seq(Vec<Node>),
    Map(Vec<(Node, Node)>),
}

impl NodeKind {
    /// The YAML type's name, for messages.
    pub fn type_name(&self) -> &'static str {
        match self {
            NodeKind::Null => "nothing",
            NodeKind::Bool(_) => "a boolean",
            NodeKind::Int(_) => "a number",
            NodeKind::Float(_) => "a number",
            NodeKind::Str(_) => "text",
            NodeKind::Seq(_) => "a list",
            NodeKind::Map(_) => "a mapping",
        }
    }
}

/// A parse failure with the place it was found, when known.
#[derive(Debug, Clone, PartialEq)]
pub struct SyntaxError {
    pub message: String,
    /// Byte offset in the parsed text.
    pub offset: Option<usize>,
    /// 1-based line and column as the parser saw them.
    pub line_col: Option<(usize, usize)>,
}

/// How deep collections may nest in one file. A record needs about six
/// levels; each level costs the parser stack, so deeper is refused early.
pub const MAX_DEPTH: usize = 32;

/// The stack of each thread that parses YAML (the loader's), as much as the
/// main thread's. Parsing recurses per nesting level (up to `MAX_DEPTH`), and
/// a debug build spends 16-32 KiB a level: 60 levels overflowed the 2 MiB default.
pub const STACK_SIZE: usize = 8 * 1024 * 1024;

/// How many values (scalars, lists, mappings) one file may hold, aliases
/// expanded. A 1 MiB file of short values holds fewer.
pub const MAX_NODES: usize = 200_000;

/// How many parser events aliases (`*name`) may replay in one file. A record
/// has little use for aliases; an alias bomb needs millions.
pub const MAX_ALIAS_EVENTS: usize = 10_000;

/// Parses one YAML document. An empty document is `Null` at offset 0.
pub fn parse(text: &str) -> Result<Node, SyntaxError> {
    // YAML's white space only: a vertical tab or no-break space is no blank.
    if text.trim_matches([' ', '\t', '\r', '\n']).is_empty() {
        return Ok(Node {
            kind: NodeKind::Null,
            offset: 0,
            len: 0,
        });
    }
    let mut options = serde_saphyr::Options::default();
    options.strict_booleans = true;
    options.with_snippet = false;
    options.leading_zero_numbers_as_strings = true;
    let mut budget = serde_saphyr::Budget::default();
    budget.max_depth = MAX_DEPTH;
    budget.flow_nesting_limit = MAX_DEPTH;
    budget.max_nodes = MAX_NODES;
    budget.max_aliases = MAX_ALIAS_EVENTS;
    options.budget = Some(budget);
    options.alias_limits.max_total_replayed_events = MAX_ALIAS_EVENTS;
    match serde_saphyr::from_str_with_options::<Spanned<Raw>>(text, options) {
        Ok(spanned) => {
            let node = into_node(spanned, text);
            if may_continue_a_flow_node(&node, text) {
                if let Some(err) = unindented_continuation(text) {
                    return Err(err);
                }
            }
            Ok(node)
        }
        Err(err) => {
            let location = err.location();
            let mut line_col = location
                .filter(|l| l.line() > 0)
                .map(|l| (l.line() as usize, l.column().max(1) as usize));
            let mut message = limit_message(&err)
                .or_else(|| plain_message(&err))
                .unwrap_or_else(|| clean_message(&err.to_string()));
            if matches!(err, serde_saphyr::Error::MultipleDocuments { .. }) {
                line_col = second_document(text).or(line_col);
            }
            if message.contains("tab") {
                if let Some(at) = first_indenting_tab(text) {
                    line_col = Some(at);
                    message = "a tab where indentation is meant: indent with spaces".into();
                }
            }
            let offset = line_col.map(|(line, col)| offset_of(text, line, col));
            Err(SyntaxError {
                message,
                offset,
                line_col,
            })
        }
    }
}

/// The parser's words for errors that name its own API (`from_str_multiple`,
/// `DuplicateKeyPolicy`), said in the words of someone editing the file.
fn plain_message(err: &serde_saphyr::Error) -> Option<String> {
    use serde_saphyr::Error;
    let mut err = err;
    while let Error::AliasError { error, .. } | Error::WithSnippet { error, .. } = err {
        err = error;
    }
    Some(match err {
        Error::MultipleDocuments { .. } => {
            "two YAML documents in one file: a second `---` starts another; a file holds one".into()
        }
        Error::DuplicateMappingKey { key: Some(k), .. } => format!("key `{k}` given twice"),
        Error::DuplicateMappingKey { key: None, .. } => "a key given twice".into(),
        Error::IndentationError {
            required, actual, ..
        } => format!("indented {actual} spaces where {required} are expected"),
        _ => return None,
    })
}

/// Line and column of the `---` that starts a second document.
fn second_document(text: &str) -> Option<(usize, usize)> {
    let mut content = false;
    text.lines().enumerate().find_map(|(i, line)| {
        let marker = line == "---" || line.starts_with("--- ") || line.starts_with("---\t");
        if marker && content {
            return Some((i + 1, 1));
        }
        let trimmed = line.trim();
        content |= !marker
            && !trimmed.is_empty()
            && !trimmed.starts_with('#')
            && !trimmed.starts_with('%');
        None
    })
}

/// Line and column of the first tab in a line's indentation.
fn first_indenting_tab(text: &str) -> Option<(usize, usize)> {
    text.lines().enumerate().find_map(|(i, line)| {
        let indent = line.len() - line.trim_start_matches([' ', '\t']).len();
        let col = line.get(..indent)?.find('\t')?;
        let rest = line.get(indent..).unwrap_or("");
        (!rest.is_empty() && !rest.starts_with('#')).then_some((i + 1, col + 1))
    })
}

/// Whether the tree may hold a quoted or plain value, or a `[…]`/`{…}`
/// collection, that runs over more than one line: only then is the text read
/// a second time for `unindented_continuation`.
fn may_continue_a_flow_node(node: &Node, text: &str) -> bool {
    match &node.kind {
        NodeKind::Seq(_) | NodeKind::Map(_) => {
            let rest = text.get(node.offset..).unwrap_or("");
            if rest.starts_with(['[', '{']) {
                let line = rest.split('\n').next().unwrap_or("");
                let opens = line.matches(['[', '{']).count();
                let closes = line.matches([']', '}']).count();
                if opens > closes || line.contains(['"', '\'', '#']) {
                    return true;
                }
            }
            let children: Vec<&Node> = match &node.kind {
                NodeKind::Seq(items) => items.iter().collect(),
                NodeKind::Map(entries) => entries.iter().flat_map(|(k, v)| [k, v]).collect(),
                _ => Vec::new(),
            };
            children
                .into_iter()
                .any(|c| may_continue_a_flow_node(c, text))
        }
        _ => text
            .get(node.offset..node.offset + node.len)
            .is_some_and(|s| s.contains('\n')),
    }
}

/// A quoted or plain value, or a `[…]`/`{…}` collection, that runs over
/// more than one line inside a block mapping or list.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct FlowRun {
    /// Its first and last line (1-based).
    pub first: usize,
    pub last: usize,
    /// Its continuation lines must be indented more than this many spaces
    /// (the column of the mapping's keys or the list's dashes; -1 at the top).
    pub above: i64,
    /// A collection (whose comment lines may stand anywhere), not a value.
    pub collection: bool,
}

/// Every multi-line value or flow collection of a text that parses, outermost only.
pub fn flow_runs(text: &str) -> Vec<FlowRun> {
    use serde_saphyr::granit_parser::{Event, Parser, ScalarStyle, StructureStyle};
    let mut runs = Vec::new();
    // Columns of the block collections we are in.
    let mut blocks: Vec<i64> = Vec::new();
    // The first line of the flow collection we are in, and the indentation above it.
    let mut flow: Option<(usize, i64)> = None;
    let mut depth = 0usize;
    for next in Parser::new_from_str(text) {
        let Ok((event, span)) = next else {
            break;
        };
        let above = blocks.last().copied().unwrap_or(-1);
        match event {
            Event::SequenceStart(StructureStyle::Block, ..)
            | Event::MappingStart(StructureStyle::Block, ..)
                if depth == 0 =>
            {
                blocks.push(span.start.col() as i64);
            }
            Event::SequenceStart(..) | Event::MappingStart(..) => {
                if depth == 0 {
                    flow = Some((span.start.line(), above));
                }
                depth += 1;
            }
            Event::SequenceEnd | Event::MappingEnd if depth == 0 => {
                blocks.pop();
            }
            Event::SequenceEnd | Event::MappingEnd => {
                depth -= 1;
                if let (0, Some((first, above))) = (depth, flow) {
                    if span.end.line() > first {
                        runs.push(FlowRun {
                            first,
                            last: span.end.line(),
                            above,
                            collection: true,
                        });
                    }
                }
            }
            Event::Scalar(_, style, ..)
                if depth == 0
                    && span.end.line() > span.start.line()
                    && !matches!(style, ScalarStyle::Literal | ScalarStyle::Folded) =>
            {
                runs.push(FlowRun {
                    first: span.start.line(),
                    last: span.end.line(),
                    above,
                    collection: false,
                });
            }
            _ => {}
        }
    }
    runs
}

impl FlowRun {
    /// Whether a continuation line must be indented (it holds text; a
    /// collection's comment lines may stand anywhere).
    pub fn needs_indent(&self, line: &str) -> bool {
        let rest = line
            .trim_start_matches([' ', '\t'])
            .trim_end_matches(['\n', '\r']);
        !(rest.is_empty() || (self.collection && rest.starts_with('#')))
    }

    /// The first continuation line (1-based) not indented enough.
    fn outdented_line(&self, text: &str) -> Option<usize> {
        text.lines()
            .enumerate()
            .skip(self.first)
            .take(self.last.saturating_sub(self.first))
            .find(|(_, line)| {
                let spaces = line.len() - line.trim_start_matches(' ').len();
                self.needs_indent(line) && (spaces as i64) <= self.above
            })
            .map(|(i, _)| i + 1)
    }
}

/// YAML 1.2 wants the continuation lines of a multi-line value or flow
/// collection inside a block mapping or list indented more than that
/// mapping's keys (or that list's dashes). The parser accepts them at the
/// left margin (yaml-test-suite QB6E); other YAML readers do not, so pds
/// refuses them too.
fn unindented_continuation(text: &str) -> Option<SyntaxError> {
    flow_runs(text).into_iter().find_map(|run| {
        let line = run.outdented_line(text)?;
        let what = if run.collection {
            "a list or mapping in brackets"
        } else {
            "a value that runs over several lines"
        };
        Some(SyntaxError {
            message: format!(
                "{what} continues here at the left margin: indent its lines under their key"
            ),
            offset: Some(offset_of(text, line, 1)),
            line_col: Some((line, 1)),
        })
    })
}

/// What to tell the user when the text broke one of the limits above; the
/// parser's own words name its internals (`Nodes { nodes: 200001 }`).
fn limit_message(err: &serde_saphyr::Error) -> Option<String> {
    use serde_saphyr::budget::BudgetBreach;
    use serde_saphyr::Error;
    let mut err = err;
    while let Error::AliasError { error, .. } | Error::WithSnippet { error, .. } = err {
        err = error;
    }
    let aliases = format!(
        "aliases (`*name`) expand to more than {MAX_ALIAS_EVENTS} values; write the values out"
    );
    let deep = format!("lists and mappings nest more than {MAX_DEPTH} levels deep");
    Some(match err {
        Error::Budget { breach, .. } => match breach {
            BudgetBreach::Depth { .. } => deep,
            BudgetBreach::Nodes { .. } => {
                format!("the file holds more than {MAX_NODES} values (aliases expanded)")
            }
            BudgetBreach::Aliases { .. } | BudgetBreach::AliasAnchorRatio { .. } => aliases,
            _ => "the file is too large to read safely".into(),
        },
        Error::AliasReplayLimitExceeded { .. }
        | Error::AliasExpansionLimitExceeded { .. }
        | Error::AliasReplayStackDepthExceeded { .. }
        | Error::AliasReplayCounterOverflow { .. } => aliases,
        _ if err.to_string().contains("recursion limit exceeded") => deep,
        _ => return None,
    })
}

/// The parser's message without its own position suffix (we print positions ourselves).
fn clean_message(message: &str) -> String {
    let first = message.lines().next().unwrap_or(message).trim();
    let cut = first
        .find(" at line ")
        .map(|i| &first[..i])
        .unwrap_or(first);
    cut.trim_end_matches(':').trim().to_string()
}

/// Byte offset of a 1-based line and character column.
pub fn offset_of(text: &str, line: usize, col: usize) -> usize {
    let mut offset = 0;
    for (i, l) in text.split_inclusive('\n').enumerate() {
        if i + 1 == line {
            let within: usize = l
                .char_indices()
                .nth(col.saturating_sub(1))
                .map(|(b, _)| b)
                .unwrap_or(l.trim_end_matches(['\n', '\r']).len());
            return offset + within;
        }
        offset += l.len();
    }
    text.len()
}

fn into_node(spanned: Spanned<Raw>, text: &str) -> Node {
    let loc = spanned.referenced;
    let span = loc.span();
    let (offset, len) = match (span.byte_offset(), span.byte_len()) {
        (Some(o), Some(l)) => (o as usize, l as usize),
        _ if loc.line() > 0 => (
            offset_of(text, loc.line() as usize, loc.column() as usize),
            0,
        ),
        _ => (0, 0),
    };
    let kind = match spanned.value {
        Raw::Null => NodeKind::Null,
        Raw::Bool(b) => NodeKind::Bool(b),
        Raw::Int(i) => NodeKind::Int(i),
        Raw::Float(f) => NodeKind::Float(f),
        Raw::Str(s) => NodeKind::Str(s),
        Raw::Seq(items) => NodeKind::Seq(items.into_iter().map(|n| into_node(n, text)).collect()),
        Raw::Map(entries) => NodeKind::Map(
            entries
                .into_iter()
                .map(|(k, v)| (into_node(k, text), into_node(v, text)))
                .collect(),
        ),
    };
    Node { kind, offset, len }
}

impl Node {
    /// The text of a scalar as written (numbers and booleans too), for fields
    /// whose schema says text: `number: 41/21`, `title: 2021`.
    pub fn scalar_text<'a>(&'a self, source: &'a str) -> Option<std::borrow::Cow<'a, str>> {
        use std::borrow::Cow;
        match &self.kind {
            NodeKind::Str(s) => Some(Cow::Borrowed(s.as_str())),
            NodeKind::Int(_) | NodeKind::Float(_) | NodeKind::Bool(_) => {
                let raw = source
                    .get(self.offset..self.offset + self.len)
                    .map(str::trim)
                    .filter(|s| !s.is_empty());
                Some(match (raw, &self.kind) {
                    (Some(raw), _) => Cow::Borrowed(raw),
                    (None, NodeKind::Int(i)) => Cow::Owned(i.to_string()),
                    (None, NodeKind::Float(f)) => Cow::Owned(f.to_string()),
                    (None, NodeKind::Bool(b)) => Cow::Owned(b.to_string()),
                    (None, _) => return None,
                })
            }
            _ => None,
        }
    }

    pub fn as_map(&self) -> Option<&[(Node, Node)]> {
        match &self.kind {
            NodeKind::Map(m) => Some(m),
            _ => None,
        }
    }

    pub fn as_seq(&self) -> Option<&[Node]> {
        match &self.kind {
            NodeKind::Seq(s) => Some(s),
            _ => None,
        }
    }

    pub fn is_null(&self) -> bool {
        matches!(self.kind, NodeKind::Null)
    }
}

/// The untyped value serde-saphyr hands us; positions come from `Spanned`.
enum Raw {
    Null,
    Bool(bool),
    Int(i128),
    Float(f64),
    Str(String),
    Seq(Vec<Spanned<Raw>>),
    Map(Vec<(Spanned<Raw>, Spanned<Raw>)>),
}

impl<'de> Deserialize<'de> for Raw {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        d.deserialize_any(RawVisitor)
    }
}

struct RawVisitor;

impl<'de> Visitor<'de> for RawVisitor {
    type Value = Raw;
    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("any YAML value")
    }
    fn visit_unit<E>(self) -> Result<Raw, E> {
        Ok(Raw::Null)
    }
    fn visit_none<E>(self) -> Result<Raw, E> {
        Ok(Raw::Null)
    }
    fn visit_some<D: Deserializer<'de>>(self, d: D) -> Result<Raw, D::Error> {
        Raw::deserialize(d)
    }
    fn visit_bool<E>(self, v: bool) -> Result<Raw, E> {
        Ok(Raw::Bool(v))
    }
    fn visit_i64<E>(self, v: i64) -> Result<Raw, E> {
        Ok(Raw::Int(v.into()))
    }
    fn visit_u64<E>(self, v: u64) -> Result<Raw, E> {
        Ok(Raw::Int(v.into()))
    }
    fn visit_i128<E>(self, v: i128) -> Result<Raw, E> {
        Ok(Raw::Int(v))
    }
    fn visit_u128<E>(self, v: u128) -> Result<Raw, E> {
        Ok(Raw::Int(i128::try_from(v).unwrap_or(i128::MAX)))
    }
    fn visit_f64<E>(self, v: f64) -> Result<Raw, E> {
        Ok(Raw::Float(v))
    }
    fn visit_str<E>(self, v: &str) -> Result<Raw, E> {
        Ok(Raw::Str(v.to_string()))
    }
    fn visit_string<E>(self, v: String) -> Result<Raw, E> {
        Ok(Raw::Str(v))
    }
    fn visit_bytes<E>(self, v: &[u8]) -> Result<Raw, E> {
        Ok(Raw::Str(String::from_utf8_lossy(v).into_owned()))
    }
    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Raw, A::Error> {
        let mut items = Vec::new();
        while let Some(item) = seq.next_element::<Spanned<Raw>>()? {
            items.push(item);
        }
        Ok(Raw::Seq(items))
    }
    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Raw, A::Error> {
        let mut entries = Vec::new();
        while let Some(key) = map.next_key::<Spanned<Raw>>()? {
            let value = map.next_value::<Spanned<Raw>>()?;
            entries.push((key, value));
        }
        Ok(Raw::Map(entries))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn get<'a>(node: &'a Node, key: &str) -> &'a Node {
        let map = node.as_map().unwrap();
        &map.iter()
            .find(|(k, _)| matches!(&k.kind, NodeKind::Str(s) if s == key))
            .unwrap()
            .1
    }

    #[test]
    fn values_keep_their_byte_offsets() {
        let text = "number: 41/21\ntitle: Status\n";
        let node = parse(text).unwrap();
        let number = get(&node, "number");
        assert_eq!(number.kind, NodeKind::Str("41/21".into()));
        assert_eq!(&text[number.offset..number.offset + number.len], "41/21");
        let title = get(&node, "title");
        assert_eq!(title.offset, 21);
    }

    #[test]
    fn no_and_on_stay_text_and_times_are_text() {
        let text = "a: no\nb: on\ntime: 13:00-15:00\nc: 05\n";
        let node = parse(text).unwrap();
        assert_eq!(get(&node, "a").kind, NodeKind::Str("no".into()));
        assert_eq!(get(&node, "b").kind, NodeKind::Str("on".into()));
        assert_eq!(get(&node, "time").kind, NodeKind::Str("13:00-15:00".into()));
        assert_eq!(get(&node, "c").scalar_text(text).unwrap(), "05");
    }

    #[test]
    fn numbers_keep_their_written_text() {
        let text = "title: 1.50\n";
        let node = parse(text).unwrap();
        assert_eq!(get(&node, "title").scalar_text(text).unwrap(), "1.50");
    }

    #[test]
    fn duplicate_keys_are_syntax_errors_with_a_position() {
        let err = parse("a: 1\na: 2\n").unwrap_err();
        assert_eq!(err.line_col.map(|l| l.0), Some(2), "{err:?}");
    }

    #[test]
    fn unclosed_quote_is_a_syntax_error() {
        let err = parse("a: \"open\nb: 2\n").unwrap_err();
        assert!(err.line_col.is_some(), "{err:?}");
    }

    /// A billion laughs: ten levels of ten aliases each.
    fn alias_bomb() -> String {
        let mut text = String::from("a: &a [x, x, x, x, x, x, x, x, x, x]\n");
        let mut prev = 'a';
        for c in 'b'..='k' {
            let refs = vec![format!("*{prev}"); 10].join(", ");
            text.push_str(&format!("{c}: &{c} [{refs}]\n"));
            prev = c;
        }
        text
    }

    #[test]
    fn an_alias_bomb_is_refused_quickly_with_a_clear_message() {
        let start = std::time::Instant::now();
        let err = parse(&alias_bomb()).unwrap_err();
        let took = start.elapsed();
        assert!(
            err.message
                .starts_with("aliases (`*name`) expand to more than"),
            "{err:?}"
        );
        assert!(err.line_col.is_some(), "{err:?}");
        // Generous for a debug build on a busy machine; release takes a few ms.
        assert!(took.as_millis() < 1000, "took {took:?}");
    }

    #[test]
    fn a_few_aliases_are_fine() {
        let node = parse("a: &x {name: A, org: B}\nb: *x\n").unwrap();
        let b = get(&node, "b");
        assert_eq!(get(b, "name").kind, NodeKind::Str("A".into()));
        assert_eq!(get(b, "org").kind, NodeKind::Str("B".into()));
    }

    #[test]
    fn deep_nesting_of_every_kind_is_refused_with_a_clear_message() {
        let flow = format!("{}{}", "[".repeat(5000), "]".repeat(5000));
        let block = format!("{}x\n", "- ".repeat(5000));
        let mut map = String::new();
        for i in 0..40 {
            map.push_str(&format!("{}k{i}:\n", " ".repeat(i)));
        }
        for text in [flow, block, map] {
            let start = std::time::Instant::now();
            let err = parse(&text).unwrap_err();
            assert_eq!(
                err.message, "lists and mappings nest more than 32 levels deep",
                "{err:?}"
            );
            assert!(start.elapsed().as_millis() < 1000, "{:?}", start.elapsed());
        }
    }

    #[test]
    fn nesting_up_to_the_limit_parses_on_a_loader_thread() {
        // The loader parses on threads of `STACK_SIZE`; a debug build
        // needs far more stack per level than a release build.
        for text in [
            format!("{}{}", "[".repeat(MAX_DEPTH), "]".repeat(MAX_DEPTH)),
            format!("{}x\n", "- ".repeat(MAX_DEPTH)),
        ] {
            let parsed = std::thread::Builder::new()
                .stack_size(STACK_SIZE)
                .spawn(move || parse(&text).is_ok())
                .unwrap()
                .join()
                .unwrap();
            assert!(parsed);
        }
    }

    #[test]
    fn alias_bomb_is_refused_not_expanded() {
        let mut text = String::from("a: &a [x, x, x, x, x, x, x, x, x, x]\n");
        let mut prev = 'a';
        for c in 'b'..='k' {
            text.push_str(&format!(
                "{c}: &{c} [*{prev}, *{prev}, *{prev}, *{prev}, *{prev}, *{prev}, *{prev}, *{prev}, *{prev}, *{prev}]\n"
            ));
            prev = c;
        }
        assert!(parse(&text).is_err());
    }

    #[test]
    fn deep_nesting_is_refused() {
        let text = format!("{}{}", "[".repeat(5000), "]".repeat(5000));
        assert!(parse(&text).is_err());
    }

    #[test]
    fn a_value_continued_at_the_left_margin_is_a_syntax_error() {
        // yaml-test-suite QB6E, and flow collections of the same shape.
        for (text, line) in [
            ("quoted: \"a\nb\nc\"\n", 2),
            ("a: 'x\n  y\nz'\n", 3),
            ("a: [1,\n2]\n", 2),
            ("a:\n  b: {c: 1,\n  d: 2}\n", 3),
            ("a: [\n  1,\n]\n", 3),
            ("- k: \"x\n  y\"\n", 2),
        ] {
            let err = parse(text).unwrap_err();
            assert_eq!(err.line_col, Some((line, 1)), "{text:?}: {err:?}");
            assert!(err.message.contains("left margin"), "{err:?}");
        }
    }

    #[test]
    fn values_continued_with_indentation_parse() {
        // yaml-test-suite NAT4: multi-line quoted scalars.
        let nat4 = "---\na: '\n  '\nb: '  \n  '\nc: \"\n  \"\nd: \"  \n  \"\ne: '\n\n  '\nf: \"\n\n  \"\ng: '\n\n\n  '\nh: \"\n\n\n  \"\n";
        let node = parse(nat4).unwrap();
        for (key, value) in [("a", " "), ("d", " "), ("e", "\n"), ("h", "\n\n")] {
            assert_eq!(get(&node, key).kind, NodeKind::Str(value.into()), "{key}");
        }
        for text in [
            "a: [1,\n  2]\n",
            "a:\n  b: [1,\n   2]\n",
            "a: [1,\n# note\n  2]\n",
            "top \"quoted\nat margin\"\n",
            "a: |\n  x\n\n  y\n",
        ] {
            assert!(parse(text).is_ok(), "{text:?}: {:?}", parse(text));
        }
    }

    #[test]
    fn messages_speak_of_the_file_not_of_the_library() {
        let two = parse("a: 1\n---\nb: 2\n").unwrap_err();
        assert!(
            two.message.starts_with("two YAML documents in one file"),
            "{two:?}"
        );
        assert_eq!(two.line_col, Some((2, 1)));
        let twice = parse("number: 1/21\nnumber: 2/21\n").unwrap_err();
        assert_eq!(twice.message, "key `number` given twice");
        for text in ["a:\n\tb: 1\n", "a:\n  b: 1\n\tc: 2\n", "- a\n\t- b\n"] {
            let tab = parse(text).unwrap_err();
            assert_eq!(
                tab.message,
                "a tab where indentation is meant: indent with spaces"
            );
            assert_eq!(
                tab.line_col.map(|l| l.0),
                Some(text.lines().position(|l| l.starts_with('\t')).unwrap() + 1)
            );
        }
        for err in [two, twice] {
            for word in ["from_str", "Policy", "Options"] {
                assert!(!err.message.contains(word), "{err:?}");
            }
        }
    }

    #[test]
    fn only_yamls_own_white_space_makes_an_empty_document() {
        // Found by the `write` fuzz target: "\u{b}" read as empty, but a
        // meeting appended to it did not parse.
        assert!(parse("\u{b}").is_err());
        assert!(parse(" \t\r\n").unwrap().is_null());
    }

    #[test]
    fn empty_document_is_null() {
        assert!(parse("  \n").unwrap().is_null());
    }
}
