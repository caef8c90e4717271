//! Changing a record file's values through its YAML tree: the parser's byte
//! spans say where a value stands, only those bytes change, and every other
//! byte (comments, quoting, order, line endings) is kept. Each edit also
//! returns the values the file must hold afterwards, for `verify`.

mod add_meeting;
pub mod renumber;
mod schedule;

pub use add_meeting::{add_meeting, NewMeeting};
pub use schedule::{schedule, schedule_with, Scheduled};

use super::refusal::Unedited;
use crate::yaml::{self, NodeKind};

/// A YAML scalar for `s` in block context: plain when that reads back as the
/// same text, double-quoted (every control character escaped) otherwise.
pub fn scalar(s: &str) -> String {
    let plain = !s.is_empty()
        && s.trim() == s
        && !s.contains(": ")
        && !s.contains(" #")
        && !s.chars().any(needs_escape)
        && !s.starts_with(|c: char| "-?:,[]{}#&*!|>'\"%@`".contains(c))
        && !s.ends_with(':')
        && yaml::parse(&format!("k: {s}\n")).ok().and_then(|n| {
            n.as_map()
                .and_then(|m| m.first().map(|(_, v)| v.kind.clone()))
        }) == Some(NodeKind::Str(s.to_string()));
    if plain {
        s.to_string()
    } else {
        quoted(s)
    }
}

/// Characters written as escapes in a double-quoted scalar: controls (a
/// line break or escape sequence must never reach the file raw) and what
/// YAML 1.2 does not allow in a stream.
fn needs_escape(c: char) -> bool {
    c.is_control()
        || matches!(
            c,
            '\u{2028}' | '\u{2029}' | '\u{feff}' | '\u{fffe}' | '\u{ffff}'
        )
}

/// `s` as a YAML double-quoted scalar (YAML 1.2 §7.3.1), which can hold any text.
pub fn quoted(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 2);
    out.push('"');
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\t' => out.push_str("\\t"),
            '\r' => out.push_str("\\r"),
            c if needs_escape(c) && u32::from(c) <= 0xff => {
                out.push_str(&format!("\\x{:02x}", u32::from(c)));
            }
            c if needs_escape(c) => out.push_str(&format!("\\u{:04x}", u32::from(c))),
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

/// `text` with the edits (start, end, replacement) made, last first so the
/// offsets of the others stay right.
pub(super) fn apply(
    text: &str,
    mut edits: Vec<(usize, usize, String)>,
) -> Result<String, Unedited> {
    edits.sort_by_key(|e| std::cmp::Reverse(e.0));
    let mut out = text.to_string();
    for (start, end, replacement) in edits {
        if start > end || out.get(start..end).is_none() {
            return Err(Unedited::OutOfRange);
        }
        out.replace_range(start..end, &replacement);
    }
    Ok(out)
}

/// The column (in bytes) of `offset` on its line, when only spaces stand
/// before it; else 0.
pub(super) fn column(text: &str, offset: usize) -> usize {
    let before = text.get(..offset).unwrap_or("");
    let line = before.rsplit('\n').next().unwrap_or("");
    if line.bytes().all(|b| b == b' ') {
        line.len()
    } else {
        0
    }
}

#[cfg(test)]
mod tests;
