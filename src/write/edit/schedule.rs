//! A draft numbered for a meeting: `number` and `meeting` set and `status:
//! draft` made `ready` through its front matter's tree.

use super::column;
use crate::load::frontmatter;
use crate::model::{CaseNumber, MeetingNumber};
use crate::write::refusal::Unedited;
use crate::write::verify::text;
use crate::yaml::{self, Node, NodeKind};

/// A case file scheduled: its new text, the front matter values it must
/// hold, and its body (kept byte for byte).
#[derive(Debug)]
pub struct Scheduled<'a> {
    pub text: String,
    pub values: Node,
    pub body: &'a str,
}

/// A draft's text with `number` and `meeting` set and `status: draft` made
/// `ready`, edited through its front matter's tree: block or flow style,
/// quoted keys or values, comments, all kept.
pub fn schedule(
    old: &str,
    number: CaseNumber,
    meeting: MeetingNumber,
) -> Result<Scheduled<'_>, Unedited> {
    let bom = if old.starts_with('\u{feff}') { 3 } else { 0 };
    let rest = old.get(bom..).unwrap_or("");
    let nl = if rest.contains("\r\n") { "\r\n" } else { "\n" };
    let split = frontmatter::split(rest).map_err(|_| Unedited::NoFrontMatter)?;
    let fm = split.yaml;
    let tree = yaml::parse(fm).map_err(|e| Unedited::FrontMatterDoesNotParse(e.message))?;
    let mut values: Vec<(Node, Node)> = match &tree.kind {
        NodeKind::Map(m) => m.clone(),
        NodeKind::Null => Vec::new(),
        _ => return Err(Unedited::NotAMapping),
    };
    let mut edits: Vec<(usize, usize, String)> = Vec::new();
    let mut missing: Vec<(&str, String)> = Vec::new();
    for (key, want) in [
        ("number", number.to_string()),
        ("meeting", meeting.to_string()),
    ] {
        match values.iter_mut().find(|(k, _)| is_key(k, key)) {
            Some((k, v)) => {
                edits.push(replace_value(fm, k, v, &want));
                *v = text(want);
            }
            None => {
                missing.push((key, want.clone()));
                values.push((text(key), text(want)));
            }
        }
    }
    if let Some((k, v)) = values.iter_mut().find(|(k, _)| is_key(k, "status")) {
        if matches!(&v.kind, NodeKind::Str(s) if s == "draft") {
            edits.push(replace_value(fm, k, v, "ready"));
            *v = text("ready");
        }
    }
    if !missing.is_empty() {
        let others = values.len() > missing.len();
        let (at, insert) = insertion(fm, &tree, &missing, others, nl);
        edits.push((at, at, insert));
    }
    let new_fm = apply(fm, edits)?;
    let yaml_start = bom + split.yaml_offset;
    let text = format!(
        "{}{new_fm}{}",
        old.get(..yaml_start).ok_or(Unedited::OutOfRange)?,
        old.get(yaml_start + fm.len()..)
            .ok_or(Unedited::OutOfRange)?
    );
    Ok(Scheduled {
        text,
        values: Node {
            kind: NodeKind::Map(values),
            offset: 0,
            len: 0,
        },
        body: split.body,
    })
}

/// Where the `missing` fields go into the front matter `fm` (parsed as
/// `tree`) and their text: first in a flow mapping (`others`: before fields
/// already there), else as its first lines, indented as the mapping is.
fn insertion(
    fm: &str,
    tree: &Node,
    missing: &[(&str, String)],
    others: bool,
    nl: &str,
) -> (usize, String) {
    let flow = tree.as_map().is_some() && fm.as_bytes().get(tree.offset) == Some(&b'{');
    if flow {
        let fields: Vec<String> = missing.iter().map(|(k, v)| format!("{k}: {v}")).collect();
        let comma = if others { ", " } else { "" };
        return (tree.offset + 1, format!("{}{comma}", fields.join(", ")));
    }
    let indent = match tree.as_map() {
        Some(_) => " ".repeat(column(fm, tree.offset)),
        None => String::new(),
    };
    let lines: String = missing
        .iter()
        .map(|(k, v)| format!("{indent}{k}: {v}{nl}"))
        .collect();
    (0, lines)
}

/// `text` with the `edits` (start, end, replacement) made, last first so
/// that earlier offsets stay true.
fn apply(text: &str, mut edits: Vec<(usize, usize, String)>) -> Result<String, Unedited> {
    edits.sort_by_key(|e| std::cmp::Reverse(e.0));
    let mut new = text.to_string();
    for (start, end, replacement) in edits {
        if start > end || new.get(start..end).is_none() {
            return Err(Unedited::OutOfRange);
        }
        new.replace_range(start..end, &replacement);
    }
    Ok(new)
}

fn is_key(node: &Node, key: &str) -> bool {
    matches!(&node.kind, NodeKind::Str(s) if s == key)
}

/// The edit that makes the value of `key` read `want`: the value's span
/// replaced, or for an empty value (`number:`, `{number}`) `want` written
/// after the key's colon.
fn replace_value(fm: &str, key: &Node, value: &Node, want: &str) -> (usize, usize, String) {
    if value.len > 0 {
        return (value.offset, value.offset + value.len, want.to_string());
    }
    let key_end = key.offset + key.len;
    let colon = fm.get(key_end..).and_then(|rest| {
        let skipped = rest.len() - rest.trim_start_matches([' ', '\t']).len();
        (rest.as_bytes().get(skipped) == Some(&b':')).then_some(key_end + skipped)
    });
    match colon {
        Some(at) => (at + 1, at + 1, format!(" {want}")),
        None => (key_end, key_end, format!(": {want}")),
    }
}
