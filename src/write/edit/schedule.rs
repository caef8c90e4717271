//! Scheduling a draft: its front matter gets a number and a meeting, and
//! `status: draft` becomes `ready`.

use super::super::refusal::Unedited;
use super::super::verify::text;
use super::{apply, column};
use crate::diag::split_bom;
use crate::load::frontmatter;
use crate::model::{CaseNumber, CaseStatus, MeetingNumber};
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
    schedule_with(old, number, meeting, &[])
}

/// [`schedule`], with the fields `set` (key, value: `type`, `title`) given
/// these values too, each written as a YAML scalar (quoted when it must be).
pub fn schedule_with<'a>(
    old: &'a str,
    number: CaseNumber,
    meeting: MeetingNumber,
    set: &[(&str, &str)],
) -> Result<Scheduled<'a>, Unedited> {
    let (bom, rest) = split_bom(old);
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
    let mut fields = vec![
        ("number", number.to_string(), number.to_string()),
        ("meeting", meeting.to_string(), meeting.to_string()),
    ];
    // In a flow mapping a plain scalar ends at `,`, `]` or `}`.
    let flow = fm.as_bytes().get(tree.offset) == Some(&b'{');
    fields.extend(set.iter().map(|(key, value)| {
        let written = if flow && value.contains([',', '[', ']', '{', '}']) {
            super::quoted(value)
        } else {
            super::scalar(value)
        };
        (*key, written, value.to_string())
    }));
    for (key, written, want) in fields {
        match values.iter_mut().find(|(k, _)| is_key(k, key)) {
            Some((k, v)) => {
                edits.push(replace_value(fm, k, v, &written));
                *v = text(want);
            }
            None => {
                missing.push((key, written));
                values.push((text(key), text(want)));
            }
        }
    }
    if let Some((k, v)) = values.iter_mut().find(|(k, _)| is_key(k, "status")) {
        if matches!(&v.kind, NodeKind::Str(s) if s == CaseStatus::Draft.as_str()) {
            let ready = CaseStatus::Ready.as_str();
            edits.push(replace_value(fm, k, v, ready));
            *v = text(ready);
        }
    }
    if !missing.is_empty() {
        edits.push(insertion(fm, &tree, &missing, values.len(), nl));
    }
    let new_fm = apply(fm, edits)?;
    let yaml_start = bom.len() + split.yaml_offset;
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

/// The edit that adds the `missing` fields at the top of the front matter
/// `fm`, whose tree (of `fields` fields, the missing ones counted) is `tree`.
fn insertion(
    fm: &str,
    tree: &Node,
    missing: &[(&str, String)],
    fields: usize,
    nl: &str,
) -> (usize, usize, String) {
    let flow = tree.as_map().is_some() && fm.as_bytes().get(tree.offset) == Some(&b'{');
    let (at, insert) = if flow {
        let written: Vec<String> = missing.iter().map(|(k, v)| format!("{k}: {v}")).collect();
        let comma = if fields > missing.len() { ", " } else { "" };
        (tree.offset + 1, format!("{}{comma}", written.join(", ")))
    } else if tree.as_map().is_some() {
        // First lines of the front matter, as the mapping is indented.
        let indent = " ".repeat(column(fm, tree.offset));
        let lines: String = missing
            .iter()
            .map(|(k, v)| format!("{indent}{k}: {v}{nl}"))
            .collect();
        (0, lines)
    } else {
        let lines: String = missing
            .iter()
            .map(|(k, v)| format!("{k}: {v}{nl}"))
            .collect();
        (0, lines)
    };
    (at, at, insert)
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
