//! A YAML document as a tree of nodes that remember where they stand in the file.
//!
//! serde-saphyr parses (with strict booleans, duplicate keys as errors and a
//! budget against alias bombs and deep nesting, tighter than its defaults);
//! every node is read through `Spanned`, so schema checks can point at the
//! exact value they complain about.

use serde::de::{Deserialize, Deserializer, MapAccess, SeqAccess, Visitor};
use serde_saphyr::Spanned;
use std::fmt;

mod fast;
mod flow;
mod message;

pub use flow::{flow_runs, FlowRun};

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
///
/// Plain block YAML (most of a record) is read by a reader of its own
/// (`fast.rs`, ten times quicker); anything beyond it by serde-saphyr.
/// Both give the same tree.
pub fn parse(text: &str) -> Result<Node, SyntaxError> {
    // YAML's white space only: a vertical tab or no-break space is no blank.
    if text.trim_matches([' ', '\t', '\r', '\n']).is_empty() {
        return Ok(Node {
            kind: NodeKind::Null,
            offset: 0,
            len: 0,
        });
    }
    match fast::parse(text) {
        Some(node) => Ok(node),
        None => parse_full(text),
    }
}

/// `parse` by serde-saphyr alone, whatever the text.
fn parse_full(text: &str) -> Result<Node, SyntaxError> {
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
            if flow::may_continue_a_flow_node(&node, text) {
                if let Some(err) = flow::unindented_continuation(text) {
                    return Err(err);
                }
            }
            Ok(node)
        }
        Err(err) => Err(message::syntax_error(&err, text)),
    }
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

/// Equal values, positions aside; mappings in any order.
pub fn same(a: &Node, b: &Node) -> bool {
    match (&a.kind, &b.kind) {
        (NodeKind::Seq(x), NodeKind::Seq(y)) => {
            x.len() == y.len() && x.iter().zip(y).all(|(a, b)| same(a, b))
        }
        (NodeKind::Map(x), NodeKind::Map(y)) => {
            if x.len() != y.len() {
                return false;
            }
            // In order first (the common case, and linear); then any order.
            let in_order = x
                .iter()
                .zip(y)
                .all(|((ka, va), (kb, vb))| same(ka, kb) && same(va, vb));
            in_order
                || x.iter().all(|(ka, va)| {
                    y.iter()
                        .find(|(kb, _)| same(ka, kb))
                        .is_some_and(|(_, vb)| same(va, vb))
                })
        }
        (NodeKind::Float(x), NodeKind::Float(y)) => x == y || (x.is_nan() && y.is_nan()),
        (x, y) => x == y,
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
mod tests;
