//! Renumbering a case: the case's own `number`, and the values elsewhere
//! that name it (other cases' `previous`, action items' `raised`, the
//! acknowledgements in pds.yaml), each changed at its span in the YAML tree.

use super::super::refusal::Unedited;
use super::super::verify::text;
use super::apply;
use crate::diag::split_bom;
use crate::load::frontmatter;
use crate::model::{CaseNumber, MeetingNumber};
use crate::yaml::{self, Node, NodeKind};

/// A file renumbered: its new text and the values it must load to (a case
/// file's front matter, or a YAML file's whole tree).
#[derive(Debug)]
pub struct Renumbered {
    pub text: String,
    pub values: Node,
}

/// A case file's text with its `number` (when `own`) and the entries of its
/// `previous` (when `references`) that read `old` set to `new`; `None` when
/// nothing in it names `old`. The body is kept byte for byte.
pub fn case_file(
    old_text: &str,
    old: CaseNumber,
    new: CaseNumber,
    own: bool,
    references: bool,
) -> Result<Option<Renumbered>, Unedited> {
    moved_case_file(old_text, old, new, own, references, None)
}

/// [`case_file`], with the case's `meeting` (which it must have) set to
/// `meeting` when given: a case renumbered onto another meeting's agenda.
pub fn moved_case_file(
    old_text: &str,
    old: CaseNumber,
    new: CaseNumber,
    own: bool,
    references: bool,
    meeting: Option<MeetingNumber>,
) -> Result<Option<Renumbered>, Unedited> {
    let (bom, rest) = split_bom(old_text);
    let split = frontmatter::split(rest).map_err(|_| Unedited::NoFrontMatter)?;
    let fm = split.yaml;
    let tree = yaml::parse(fm).map_err(|e| Unedited::FrontMatterDoesNotParse(e.message))?;
    let NodeKind::Map(entries) = &tree.kind else {
        return Err(Unedited::NotAMapping);
    };
    let mut edits = Vec::new();
    let mut values = Vec::with_capacity(entries.len());
    for (k, v) in entries {
        let key = key_name(k);
        let v = match key {
            Some("number") if own => renumbered(v, old, new, &mut edits),
            Some("previous") if references => renumbered(v, old, new, &mut edits),
            Some("meeting") if meeting.is_some() && v.len > 0 => {
                let m = meeting.map(|m| m.to_string()).unwrap_or_default();
                edits.push((v.offset, v.offset + v.len, m.clone()));
                text(m)
            }
            _ => v.clone(),
        };
        values.push((k.clone(), v));
    }
    if meeting.is_some()
        && !entries
            .iter()
            .any(|(k, v)| key_name(k) == Some("meeting") && v.len > 0)
    {
        return Err(Unedited::NoMeeting);
    }
    if edits.is_empty() {
        return Ok(None);
    }
    let new_fm = apply(fm, edits)?;
    let start = bom.len() + split.yaml_offset;
    let text = format!(
        "{}{new_fm}{}",
        old_text.get(..start).ok_or(Unedited::OutOfRange)?,
        old_text
            .get(start + fm.len()..)
            .ok_or(Unedited::OutOfRange)?
    );
    Ok(Some(Renumbered {
        text,
        values: node(NodeKind::Map(values)),
    }))
}

/// An actions.yaml with every item's `raised: old` made `new`; `None` when
/// no item was raised at `old`.
pub fn actions(
    old_text: &str,
    old: CaseNumber,
    new: CaseNumber,
) -> Result<Option<Renumbered>, Unedited> {
    let (bom, yaml_text) = split_bom(old_text);
    let tree = yaml::parse(yaml_text).map_err(|e| Unedited::DoesNotParse(e.message))?;
    let mut edits = Vec::new();
    let values = match &tree.kind {
        NodeKind::Seq(items) => node(NodeKind::Seq(
            items
                .iter()
                .map(|item| {
                    map_values(item, |key, v| match key {
                        Some("raised") => renumbered(v, old, new, &mut edits),
                        _ => v.clone(),
                    })
                })
                .collect(),
        )),
        _ => return Ok(None),
    };
    finish(bom, yaml_text, edits, values)
}

/// pds.yaml with its acknowledgements brought along: an entry whose
/// finding is one of `follow` and whose number is `old` gets `new`; an
/// entry whose (finding, number) is in `remove` (numbers as written after
/// the first change, canonical) is taken out of the list. `None` when no
/// entry changes.
pub fn board(
    old_text: &str,
    old: CaseNumber,
    new: CaseNumber,
    follow: &[&str],
    remove: &[(String, String)],
) -> Result<Option<Renumbered>, Unedited> {
    let (bom, yaml_text) = split_bom(old_text);
    let tree = yaml::parse(yaml_text).map_err(|e| Unedited::DoesNotParse(e.message))?;
    let NodeKind::Map(entries) = &tree.kind else {
        return Ok(None);
    };
    let mut edits = Vec::new();
    let mut values = Vec::with_capacity(entries.len());
    for (k, v) in entries {
        if key_name(k) != Some("acknowledged") {
            values.push((k.clone(), v.clone()));
            continue;
        }
        let NodeKind::Seq(items) = &v.kind else {
            values.push((k.clone(), v.clone()));
            continue;
        };
        let flow = yaml_text.as_bytes().get(v.offset) == Some(&b'[');
        let mut kept = Vec::new();
        let mut dropped = Vec::new();
        for (i, item) in items.iter().enumerate() {
            let finding = field_text(item, "finding");
            let follows = finding.as_deref().is_some_and(|f| follow.contains(&f));
            let item = map_values(item, |key, v| match key {
                Some("number") if follows => renumbered(v, old, new, &mut edits),
                _ => v.clone(),
            });
            let number = field_text(&item, "number").map(|n| canonical(&n));
            let gone = match (finding, number) {
                (Some(f), Some(n)) => remove.iter().any(|(rf, rn)| *rf == f && *rn == n),
                _ => false,
            };
            if gone {
                dropped.push(i);
            } else {
                kept.push(item);
            }
        }
        if !dropped.is_empty() {
            // The numbers of a dropped entry are not edited: drop those edits.
            edits.retain(|(start, _, _)| {
                !dropped
                    .iter()
                    .any(|&i| items.get(i).is_some_and(|item| within(item, *start)))
            });
            for &i in &dropped {
                edits.push(removal(yaml_text, v, items, i, flow)?);
            }
        }
        let value = if kept.is_empty() && !dropped.is_empty() && !flow {
            // `acknowledged:` with no entry left reads as nothing.
            node(NodeKind::Null)
        } else {
            node(NodeKind::Seq(kept))
        };
        values.push((k.clone(), value));
    }
    finish(bom, yaml_text, edits, node(NodeKind::Map(values)))
}

/// A case or meeting number written canonically (`05/21` → `5/21`), other text as it is.
fn canonical(s: &str) -> String {
    CaseNumber::parse(s)
        .map(|n| n.to_string())
        .or_else(|_| MeetingNumber::parse(s).map(|n| n.to_string()))
        .unwrap_or_else(|_| s.to_string())
}

fn finish(
    bom: &str,
    yaml_text: &str,
    edits: Vec<(usize, usize, String)>,
    values: Node,
) -> Result<Option<Renumbered>, Unedited> {
    if edits.is_empty() {
        return Ok(None);
    }
    let text = format!("{bom}{}", apply(yaml_text, edits)?);
    Ok(Some(Renumbered { text, values }))
}

/// `value` (a case number, or a list of them) with `old` made `new`, the
/// edits that do it pushed onto `edits`.
fn renumbered(
    value: &Node,
    old: CaseNumber,
    new: CaseNumber,
    edits: &mut Vec<(usize, usize, String)>,
) -> Node {
    match &value.kind {
        NodeKind::Str(s) if CaseNumber::parse(s) == Ok(old) && value.len > 0 => {
            edits.push((value.offset, value.offset + value.len, new.to_string()));
            text(new.to_string())
        }
        NodeKind::Seq(items) => node(NodeKind::Seq(
            items
                .iter()
                .map(|i| renumbered(i, old, new, edits))
                .collect(),
        )),
        _ => value.clone(),
    }
}

/// A mapping with each value given by `f(key, value)`; anything else as it is.
fn map_values(item: &Node, mut f: impl FnMut(Option<&str>, &Node) -> Node) -> Node {
    match &item.kind {
        NodeKind::Map(entries) => node(NodeKind::Map(
            entries
                .iter()
                .map(|(k, v)| (k.clone(), f(key_name(k), v)))
                .collect(),
        )),
        _ => item.clone(),
    }
}

fn key_name(k: &Node) -> Option<&str> {
    match &k.kind {
        NodeKind::Str(s) => Some(s),
        _ => None,
    }
}

/// The text of a mapping's `key`, when it is text.
fn field_text(item: &Node, key: &str) -> Option<String> {
    item.as_map()?
        .iter()
        .find(|(k, _)| key_name(k) == Some(key))
        .and_then(|(_, v)| match &v.kind {
            NodeKind::Str(s) => Some(s.clone()),
            _ => None,
        })
}

fn node(kind: NodeKind) -> Node {
    Node {
        kind,
        offset: 0,
        len: 0,
    }
}

/// Whether `offset` lies within `n` or any value below it.
fn within(n: &Node, offset: usize) -> bool {
    let (start, end) = extent(n);
    (start..end.max(start + 1)).contains(&offset)
}

/// The bytes a node and everything below it cover.
fn extent(n: &Node) -> (usize, usize) {
    let mut start = n.offset;
    let mut end = n.offset + n.len;
    let mut widen = |c: &Node| {
        let (s, e) = extent(c);
        start = start.min(s);
        end = end.max(e);
    };
    match &n.kind {
        NodeKind::Seq(items) => items.iter().for_each(&mut widen),
        NodeKind::Map(entries) => entries.iter().for_each(|(k, v)| {
            widen(k);
            widen(v);
        }),
        _ => {}
    }
    (start, end)
}

/// The edit that takes item `i` out of the list `list`: in block style its
/// whole lines (from its `-` to the next item, or to the end of its last
/// line); in flow style the item and one comma beside it.
fn removal(
    text: &str,
    list: &Node,
    items: &[Node],
    i: usize,
    flow: bool,
) -> Result<(usize, usize, String), Unedited> {
    let item = items.get(i).ok_or(Unedited::OutOfRange)?;
    let (start, end) = extent(item);
    let next = items.get(i + 1).map(|n| extent(n).0);
    if flow {
        return Ok(match (next, i.checked_sub(1).and_then(|p| items.get(p))) {
            (Some(next), _) => (start, next, String::new()),
            (None, Some(prev)) => (extent(prev).1, end, String::new()),
            // The only item: the list's brackets stay, empty.
            (None, None) => (start, end, String::new()),
        });
    }
    let line_start = |at: usize| {
        text.get(..at)
            .and_then(|t| t.rfind('\n'))
            .map_or(0, |p| p + 1)
    };
    let from = line_start(start);
    // Only the list's own `- ` (and indentation) may stand before the item.
    let lead = text.get(from..start).ok_or(Unedited::OutOfRange)?;
    if lead.trim_start_matches(' ').trim_start_matches('-').trim() != "" {
        return Err(Unedited::OutOfRange);
    }
    let to = match next {
        Some(next) => line_start(next),
        None => {
            let after_list = extent(list).1.max(end);
            let last = after_list.saturating_sub(1).max(start);
            text.get(last..)
                .and_then(|t| t.find('\n'))
                .map_or(text.len(), |p| last + p + 1)
        }
    };
    Ok((from, to.max(from), String::new()))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::write::verify::same;

    fn n(s: &str) -> CaseNumber {
        CaseNumber::parse(s).unwrap()
    }

    fn check(r: &Renumbered, yaml_of: impl Fn(&str) -> &str) {
        let tree = yaml::parse(yaml_of(&r.text)).unwrap();
        assert!(same(&tree, &r.values), "{}", r.text);
    }

    fn front(text: &str) -> &str {
        frontmatter::split(text).unwrap().yaml
    }

    #[test]
    fn a_case_gets_its_new_number_and_keeps_every_other_byte() {
        let old = "---\n# sak\nnumber: \"05/21\"   # nummer\nmeeting: 1/2021\ntitle: T\nprevious: [3/21, 5/21]\n---\nBody 5/21\n";
        let r = case_file(old, n("5/21"), n("7/21"), true, false)
            .unwrap()
            .unwrap();
        assert_eq!(
            r.text,
            "---\n# sak\nnumber: 7/21   # nummer\nmeeting: 1/2021\ntitle: T\nprevious: [3/21, 5/21]\n---\nBody 5/21\n"
        );
        check(&r, front);
        let r = case_file(old, n("5/21"), n("7/21"), true, true)
            .unwrap()
            .unwrap();
        assert!(r.text.contains("previous: [3/21, 7/21]"), "{}", r.text);
        check(&r, front);
    }

    #[test]
    fn references_in_every_style_follow() {
        let old = "---\nnumber: 9/21\nprevious:\n  - 4/21\n  - '05/21'\n---\n";
        let r = case_file(old, n("5/21"), n("6/21"), false, true)
            .unwrap()
            .unwrap();
        assert_eq!(
            r.text,
            "---\nnumber: 9/21\nprevious:\n  - 4/21\n  - 6/21\n---\n"
        );
        check(&r, front);
        let r = case_file(
            "---\nprevious: 5/21\n---\n",
            n("5/21"),
            n("6/21"),
            false,
            true,
        )
        .unwrap()
        .unwrap();
        assert_eq!(r.text, "---\nprevious: 6/21\n---\n");
        assert!(case_file(old, n("4/22"), n("6/22"), false, true)
            .unwrap()
            .is_none());
        let r = actions(
            "- id: a\n  raised: 5/21\n  text: x\n- {id: b, raised: 5/2021, text: y}\n",
            n("5/21"),
            n("6/21"),
        )
        .unwrap()
        .unwrap();
        assert_eq!(
            r.text,
            "- id: a\n  raised: 6/21\n  text: x\n- {id: b, raised: 5/2021, text: y}\n"
        );
        check(&r, |t| t);
    }

    #[test]
    fn acknowledgements_follow_or_go() {
        let old = "board: B\nacknowledged:\n  - finding: file-name\n    number: 5/21\n    note: a\n  - finding: duplicate-case\n    number: 5/21\n    note: |\n      two\n      lines\n  - finding: case-gap\n    number: 8/21\n    note: c\n# end\n";
        let remove = [("duplicate-case".to_string(), "5/21".to_string())];
        let r = board(old, n("5/21"), n("6/21"), &["file-name"], &remove)
            .unwrap()
            .unwrap();
        assert_eq!(
            r.text,
            "board: B\nacknowledged:\n  - finding: file-name\n    number: 6/21\n    note: a\n  - finding: case-gap\n    number: 8/21\n    note: c\n# end\n"
        );
        check(&r, |t| t);
        // The last entry, and the only one.
        let remove = [("case-gap".to_string(), "8/21".to_string())];
        let r = board(old, n("5/21"), n("6/21"), &[], &remove)
            .unwrap()
            .unwrap();
        assert!(r.text.ends_with("      lines\n# end\n"), "{}", r.text);
        check(&r, |t| t);
        let only = "board: B\nacknowledged:\n- {finding: case-gap, number: 8/21, note: c}\n";
        let r = board(only, n("5/21"), n("6/21"), &[], &remove)
            .unwrap()
            .unwrap();
        assert_eq!(r.text, "board: B\nacknowledged:\n");
        check(&r, |t| t);
        let flow = "board: B\nacknowledged: [{finding: case-gap, number: 8/21, note: c}, {finding: file-name, number: 5/21, note: d}]\n";
        let r = board(flow, n("5/21"), n("6/21"), &["file-name"], &remove)
            .unwrap()
            .unwrap();
        assert_eq!(
            r.text,
            "board: B\nacknowledged: [{finding: file-name, number: 6/21, note: d}]\n"
        );
        check(&r, |t| t);
    }
}
