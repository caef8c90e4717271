//! The plain YAML that records are written in, read by hand: block mappings
//! and lists, one-line plain and quoted scalars, and `|` literal blocks —
//! what `pds fmt` writes and most people type. Anything else (flow
//! collections, comments after values, anchors, tags, tabs, multi-line plain
//! scalars, values that might be numbers or booleans in another reading…)
//! is not guessed at: `parse` says `None`, and the full parser reads the text.
//!
//! Where it answers, the answer is the full parser's, positions included
//! (tests/yaml_fast.rs compares the two on every record in this repository
//! and on generated texts): it exists because it reads a case's front matter
//! ten times faster, and a record is mostly case files.

use super::{Node, NodeKind, MAX_DEPTH, MAX_NODES};

/// The tree of `text`, when all of it is in the subset this reader knows.
pub(super) fn parse(text: &str) -> Option<Node> {
    if !plain_characters(text) {
        return None;
    }
    let mut reader = Reader {
        text,
        lines: lines(text),
        at: 0,
        nodes: 0,
    };
    reader.skip_blank();
    let first = reader.lines.get(reader.at)?;
    if first.indent != 0 {
        return None;
    }
    let node = reader.block(0, 0)?;
    reader.skip_blank();
    // Everything must have been read; what is left is beyond the subset.
    (reader.at == reader.lines.len()).then_some(node)
}

/// No tab, carriage return, control character or other line break: YAML
/// gives those meanings this reader does not follow.
fn plain_characters(text: &str) -> bool {
    // By bytes (the text is UTF-8): an ASCII byte must be printable or a
    // line feed; of the other characters, C1 controls (NEL among them:
    // C2 80–9F), line and paragraph separators (E2 80 A8/A9), byte-order
    // marks (EF BB BF) and the non-characters U+FFFE/FFFF (EF BF BE/BF)
    // are refused, found by their lead byte and what follows it.
    let bytes = text.as_bytes();
    bytes.iter().enumerate().all(|(i, &b)| match b {
        b'\n' | b' '..=b'~' => true,
        0x00..=0x7f => false,
        0xc2 => !matches!(bytes.get(i + 1), Some(0x80..=0x9f)),
        0xe2 => !matches!(
            (bytes.get(i + 1), bytes.get(i + 2)),
            (Some(0x80), Some(0xa8 | 0xa9))
        ),
        0xef => !matches!(
            (bytes.get(i + 1), bytes.get(i + 2)),
            (Some(0xbb), Some(0xbf)) | (Some(0xbf), Some(0xbe | 0xbf))
        ),
        _ => true,
    })
}

/// One line of the text: where it starts, its indentation and its length
/// without the line break.
#[derive(Clone, Copy)]
struct Line {
    start: usize,
    indent: usize,
    len: usize,
    /// Only spaces, or nothing.
    blank: bool,
    /// A comment line: `#` after the indentation.
    comment: bool,
}

fn lines(text: &str) -> Vec<Line> {
    let mut lines = Vec::with_capacity(32);
    let mut start = 0;
    let bytes = text.as_bytes();
    while start < bytes.len() {
        let end = memchr::memchr(b'\n', bytes.get(start..).unwrap_or_default())
            .map_or(bytes.len(), |i| start + i);
        let line = bytes.get(start..end).unwrap_or_default();
        let indent = line.iter().take_while(|&&b| b == b' ').count();
        lines.push(Line {
            start,
            indent,
            len: end - start,
            blank: indent == line.len(),
            comment: line.get(indent) == Some(&b'#'),
        });
        start = end + 1;
    }
    lines
}

struct Reader<'t> {
    text: &'t str,
    lines: Vec<Line>,
    /// The next line to read.
    at: usize,
    /// Values made so far (the full parser's budget counts them too).
    nodes: usize,
}

impl<'t> Reader<'t> {
    /// The text of line `i` from byte `from` of it on.
    fn rest(&self, i: usize, from: usize) -> &'t str {
        let line = self.lines.get(i).copied();
        line.and_then(|l| self.text.get(l.start + from..l.start + l.len))
            .unwrap_or("")
    }

    /// Passes blank and comment lines.
    fn skip_blank(&mut self) {
        while self
            .lines
            .get(self.at)
            .is_some_and(|l| l.blank || l.comment)
        {
            self.at += 1;
        }
    }

    /// The next line that holds something, if any.
    fn peek(&mut self) -> Option<Line> {
        self.skip_blank();
        self.lines.get(self.at).copied()
    }

    fn node(&mut self, kind: NodeKind, offset: usize, len: usize) -> Option<Node> {
        self.nodes += 1;
        (self.nodes <= MAX_NODES / 4).then_some(Node { kind, offset, len })
    }

    /// The block collection whose first line is the current one, at column
    /// `indent` (the line's own indentation, or the column after `- `).
    /// `column` is where on the line the collection starts.
    fn block(&mut self, column: usize, depth: usize) -> Option<Node> {
        let start = self.lines.get(self.at)?.start + column;
        let first = self.rest(self.at, column);
        if first == "-" || first.starts_with("- ") {
            self.seq(column, start, depth, false)
        } else {
            self.map(column, start, depth)
        }
    }

    /// A block list whose dashes stand at `column`; the first is on the
    /// current line. The list starts at its first dash, or, when it stands
    /// at the column of the keys of the mapping it is a value of
    /// (`indentless`), at its first item.
    fn seq(&mut self, column: usize, start: usize, depth: usize, indentless: bool) -> Option<Node> {
        // Every collection is a level deeper than the one it is in (whether
        // reached through `block` or not): deep nesting is the full parser's
        // to refuse.
        if depth >= MAX_DEPTH / 2 {
            return None;
        }
        let mut items = Vec::new();
        let mut first = true;
        loop {
            let item_col = if first {
                column
            } else {
                match self.peek() {
                    Some(l) if l.indent == column => column,
                    Some(l) if l.indent > column => return None,
                    _ => break,
                }
            };
            first = false;
            let rest = self.rest(self.at, item_col);
            if rest != "-" && !rest.starts_with("- ") {
                // A line at the list's column that is no item ends it (the
                // next key of a mapping the list is the value of).
                break;
            }
            let after = rest.get(1..).unwrap_or("");
            let spaces = after.bytes().take_while(|&b| b == b' ').count();
            let value_col = item_col + 1 + spaces;
            if after.len() == spaces {
                // `-` alone: the item is on the lines below, or nothing.
                if indentless && items.is_empty() {
                    return None;
                }
                let line = self.lines.get(self.at)?;
                let end = line.start + line.len;
                self.at += 1;
                items.push(self.below(item_col, end, depth)?);
            } else if starts_a_key(after.get(spaces..).unwrap_or("")) {
                // `- key: value`: a mapping whose keys stand at `value_col`.
                let at = self.lines.get(self.at)?.start + value_col;
                items.push(self.map(value_col, at, depth + 1)?);
            } else {
                // An indentless list starts where its first item's text
                // does; a `|` block's node starts on the line below it.
                if indentless && items.is_empty() && after.get(spaces..)?.starts_with('|') {
                    return None;
                }
                items.push(self.inline_value(item_col, value_col, depth)?);
            }
        }
        let start = match items.first() {
            Some(first) if indentless => first.offset,
            _ => start,
        };
        self.node(NodeKind::Seq(items), start, 0)
    }

    /// A block mapping whose keys stand at `column`; the first is on the current line.
    fn map(&mut self, column: usize, start: usize, depth: usize) -> Option<Node> {
        if depth >= MAX_DEPTH / 2 {
            return None;
        }
        let mut entries: Vec<(Node, Node)> = Vec::new();
        let mut first = true;
        loop {
            if !first {
                match self.peek() {
                    Some(l) if l.indent == column => {}
                    Some(l) if l.indent > column => return None,
                    _ => break,
                }
            }
            let rest = self.rest(self.at, column);
            let key_len = key_length(rest)?;
            first = false;
            let key = rest.get(..key_len)?;
            if entries
                .iter()
                .any(|(k, _)| matches!(&k.kind, NodeKind::Str(s) if s == key))
            {
                // The full parser's error, with its position.
                return None;
            }
            let line_start = self.lines.get(self.at)?.start;
            let key_node =
                self.node(NodeKind::Str(key.to_string()), line_start + column, key_len)?;
            let after = rest.get(key_len + 1..).unwrap_or("");
            let spaces = after.bytes().take_while(|&b| b == b' ').count();
            let value = if after.len() == spaces {
                // `key:` alone: the value is on the lines below, or nothing.
                self.at += 1;
                self.below_key(column, line_start + column + key_len, depth)?
            } else {
                let value_col = column + key_len + 1 + spaces;
                self.inline_value(column, value_col, depth)?
            };
            entries.push((key_node, value));
        }
        self.node(NodeKind::Map(entries), start, 0)
    }

    /// What stands below a `key:` of a mapping at `column`: a collection
    /// indented more, a list at the same column, or nothing.
    fn below_key(&mut self, column: usize, end: usize, depth: usize) -> Option<Node> {
        match self.peek() {
            Some(l) if l.indent == column => {
                let rest = self.rest(self.at, column);
                if rest == "-" || rest.starts_with("- ") {
                    let start = l.start + column;
                    self.seq(column, start, depth + 1, true)
                } else {
                    self.null(end)
                }
            }
            _ => self.below(column, end, depth),
        }
    }

    /// What stands on the lines below a value's place, indented more than
    /// `column`; nothing (null) when the next line is not.
    fn below(&mut self, column: usize, end: usize, depth: usize) -> Option<Node> {
        match self.peek() {
            Some(l) if l.indent > column => self.block(l.indent, depth + 1),
            _ => self.null(end),
        }
    }

    /// The empty value after `key:` (placed at the colon) or `-` (at the
    /// line's end), where the full parser places it.
    fn null(&mut self, at: usize) -> Option<Node> {
        self.node(NodeKind::Null, at, 0)
    }

    /// A value on the current line at `value_col`, in a collection at
    /// `column`; the line is read, and the lines a `|` block holds.
    fn inline_value(&mut self, column: usize, value_col: usize, _depth: usize) -> Option<Node> {
        let line = *self.lines.get(self.at)?;
        let value = self.rest(self.at, value_col);
        let offset = line.start + value_col;
        self.at += 1;
        let node = match value.as_bytes().first()? {
            b'|' => return self.literal(column, value, offset),
            b'"' => {
                let inner = value.strip_prefix('"')?.strip_suffix('"')?;
                if inner.contains(['"', '\\']) {
                    return None;
                }
                self.node(NodeKind::Str(inner.to_string()), offset, value.len())?
            }
            b'\'' => {
                let inner = value.strip_prefix('\'')?.strip_suffix('\'')?;
                if inner.contains('\'') {
                    return None;
                }
                self.node(NodeKind::Str(inner.to_string()), offset, value.len())?
            }
            _ => {
                let plain = value.trim_end_matches(' ');
                let kind = plain_scalar(plain)?;
                self.node(kind, offset, plain.len())?
            }
        };
        // A line indented more than the collection continues the value:
        // a multi-line scalar, which the full parser folds.
        if self.peek().is_some_and(|l| l.indent > column) {
            return None;
        }
        Some(node)
    }

    /// A `|` or `|-` block whose header is `header` at `offset`; its lines
    /// are those after the current one indented more than `column`.
    fn literal(&mut self, column: usize, header: &str, offset: usize) -> Option<Node> {
        let strip = match header.trim_end_matches(' ') {
            "|" => false,
            "|-" => true,
            _ => return None,
        };
        // The block's indentation is its first line's; a blank line before
        // it, or a first line not indented past the collection, is left to
        // the full parser.
        let first = self.lines.get(self.at).copied()?;
        if first.blank || first.indent <= column {
            return None;
        }
        let indent = first.indent;
        let mut content = String::new();
        let mut pending_breaks = 0usize;
        // The block runs to the next value's first character, or the text's end.
        let mut end = self.text.len();
        while let Some(l) = self.lines.get(self.at).copied() {
            if l.blank {
                if l.len > indent {
                    return None;
                }
                pending_breaks += 1;
                self.at += 1;
                continue;
            }
            if l.indent < indent {
                if l.indent > column || l.comment {
                    return None;
                }
                end = l.start + l.indent;
                break;
            }
            for _ in 0..pending_breaks {
                content.push('\n');
            }
            pending_breaks = 0;
            if !content.is_empty() {
                content.push('\n');
            }
            content.push_str(self.rest(self.at, indent));
            self.at += 1;
        }
        if !strip {
            content.push('\n');
        }
        let start = first.start + indent;
        let _ = offset;
        self.node(NodeKind::Str(content), start, end.saturating_sub(start))
    }
}

/// The length of a mapping key at the start of `rest` (`key:` followed by a
/// space or the line's end), when the key is a plain word.
fn key_length(rest: &str) -> Option<usize> {
    let bytes = rest.as_bytes();
    let first = *bytes.first()?;
    if !(first.is_ascii_alphabetic() || first == b'_') {
        return None;
    }
    let len = bytes
        .iter()
        .take_while(|&&b| b.is_ascii_alphanumeric() || b == b'_' || b == b'-')
        .count();
    // A key the full parser reads as null or a boolean (`null:`, `True:`)
    // is no text; one longer than YAML's 1024 characters is no key to it.
    let key = rest.get(..len)?;
    if len >= MAX_KEY_LEN || typed_word(key) {
        return None;
    }
    match bytes.get(len..=len) {
        Some(b":") if matches!(bytes.get(len + 1), None | Some(b' ')) => Some(len),
        _ => None,
    }
}

/// Keys this long are left to the full parser: YAML allows an implicit key
/// 1024 characters at most.
const MAX_KEY_LEN: usize = 1024;

/// A word some reading of YAML takes for null or a boolean (or a number).
fn typed_word(word: &str) -> bool {
    const WORDS: [&str; 11] = [
        "null", "true", "false", "yes", "no", "on", "off", "y", "n", "nan", "inf",
    ];
    word.len() <= 5 && WORDS.iter().any(|w| word.eq_ignore_ascii_case(w))
}

fn starts_a_key(rest: &str) -> bool {
    key_length(rest).is_some()
}

/// `dddd-dd-dd`.
fn is_date(bytes: &[u8]) -> bool {
    bytes.len() == 10
        && bytes.iter().enumerate().all(|(i, b)| match i {
            4 | 7 => *b == b'-',
            _ => b.is_ascii_digit(),
        })
}

/// A one-line plain scalar's value, when it is surely text or a plain
/// whole number; `None` for anything another reading might take otherwise.
fn plain_scalar(plain: &str) -> Option<NodeKind> {
    let bytes = plain.as_bytes();
    let first = *bytes.first()?;
    // Indicators that start something other than a plain scalar, or a
    // plain scalar this reader does not judge.
    if b"-?:,[]{}#&*!|>'\"%@`.+~".contains(&first) {
        return None;
    }
    // A comment, or a mapping inside the value.
    if plain.contains(" #") || plain.contains(": ") || plain.ends_with(':') {
        return None;
    }
    if first.is_ascii_digit() {
        if bytes.iter().all(u8::is_ascii_digit) {
            // `05` stays text (leading zeros are kept as written).
            if first == b'0' && bytes.len() > 1 {
                return None;
            }
            return (bytes.len() <= 18)
                .then(|| plain.parse().ok().map(NodeKind::Int))
                .flatten();
        }
        // A date (`2021-11-24`) is text: the parser has no timestamps.
        if is_date(bytes) {
            return Some(NodeKind::Str(plain.to_string()));
        }
        // Digits with signs, points, exponents, `0x`, `_` or `:` may be
        // numbers (or sexagesimal ones); text with any other letter is text.
        if bytes
            .iter()
            .all(|b| b.is_ascii_hexdigit() || b"._+-:xXoObB".contains(b))
        {
            return None;
        }
    }
    // Words some reading of YAML takes for null or a boolean.
    if typed_word(plain) {
        return None;
    }
    Some(NodeKind::Str(plain.to_string()))
}

#[cfg(test)]
mod tests;
