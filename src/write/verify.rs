//! The check every record file passes before it is renamed into place: its
//! new text, read back from disk, is loaded with the loader `pds check` uses
//! and must hold exactly the intended values, with no finding the old text
//! did not have.

use super::refusal::Unverified;
use crate::diag::split_bom;
use crate::load::{frontmatter, FileKind};
use crate::model::{CaseNumber, MeetingNumber};
use crate::yaml::{self, Node, NodeKind};
use std::collections::BTreeMap;

/// What a write of a record file must give.
#[derive(Debug, Clone)]
pub struct Intent<'a> {
    /// How the loader reads the file.
    pub kind: FileKind,
    /// The board's case types, for case files.
    pub case_types: &'a [String],
    /// The text this one comes from (the file it replaces, or the draft it
    /// is made from): the new text may have no finding this one lacks. When
    /// the file is replaced, it must still hold this text just before.
    pub old: Option<&'a str>,
    /// The values the new text must hold (a case file's front matter),
    /// mappings compared without regard to key order.
    pub values: Node,
    /// The Markdown body a case file must keep byte for byte; `None`: `fmt`
    /// rewrites it (and verifies that itself).
    pub body: Option<&'a str>,
    /// Case and meeting numbers compared as numbers (`05/21` is `5/21`), as
    /// `pds fmt` writes them.
    pub numbers_as_values: bool,
}

impl<'a> Intent<'a> {
    /// `pds fmt`: the same values as `old`, numbers compared as numbers.
    pub fn reformat(
        kind: FileKind,
        case_types: &'a [String],
        old: &'a str,
    ) -> Result<Self, Unverified> {
        let (yaml_text, _) = parts(old, kind)?;
        let values = yaml::parse(yaml_text).map_err(|e| Unverified::OldDoesNotParse(e.message))?;
        Ok(Intent {
            kind,
            case_types,
            old: Some(old),
            values,
            body: None,
            numbers_as_values: true,
        })
    }
}

/// Why `text`, to be written at `rel`, is not what `intent` says; `Ok` when it is.
pub fn verify(rel: &str, text: &str, intent: &Intent) -> Result<(), Unverified> {
    let (yaml_text, body) = parts(text, intent.kind)?;
    let tree = yaml::parse(yaml_text).map_err(|e| Unverified::DoesNotParse(e.message))?;
    if let Some(want) = intent.body {
        if body != want {
            return Err(Unverified::BodyChanged);
        }
    }
    let same = if intent.numbers_as_values {
        same(
            &numbers_normalised(&tree, None),
            &numbers_normalised(&intent.values, None),
        )
    } else {
        same(&tree, &intent.values)
    };
    if !same {
        return Err(Unverified::OtherValues);
    }
    let (loaded, new) = findings(rel, text, intent);
    if !loaded {
        return Err(Unverified::DoesNotLoad(new.into_iter().next()));
    }
    let mut old: BTreeMap<(String, String), usize> = BTreeMap::new();
    if let Some(old_text) = intent.old {
        for key in findings(rel, old_text, intent).1 {
            *old.entry(key).or_insert(0) += 1;
        }
    }
    for key in &new {
        match old.get_mut(key) {
            Some(n) if *n > 0 => *n -= 1,
            _ => return Err(Unverified::NewFinding(key.0.clone(), key.1.clone())),
        }
    }
    Ok(())
}

/// What the loader makes of `text`: whether it loaded, and its findings as
/// (code, message), positions aside (an edit moves them).
fn findings(rel: &str, text: &str, intent: &Intent) -> (bool, Vec<(String, String)>) {
    let (loaded, found) =
        crate::load::load_file(rel, text.to_string(), intent.kind, intent.case_types);
    let found = found
        .into_iter()
        .map(|f| (f.code.to_string(), f.message))
        .collect();
    (loaded, found)
}

/// The YAML of a file (a case file's front matter) and a case file's body.
fn parts(text: &str, kind: FileKind) -> Result<(&str, &str), Unverified> {
    let (_, text) = split_bom(text);
    match kind {
        FileKind::Case | FileKind::Draft => {
            let split = frontmatter::split(text).map_err(|_| Unverified::NoFrontMatter)?;
            Ok((split.yaml, split.body))
        }
        _ => Ok((text, "")),
    }
}

pub use crate::yaml::same;

/// The keys whose values are case or meeting numbers.
const NUMBER_KEYS: [&str; 4] = ["number", "meeting", "previous", "raised"];

/// `node` with the case and meeting numbers under `NUMBER_KEYS` written
/// canonically (`05/21` → `5/21`).
fn numbers_normalised(node: &Node, key: Option<&str>) -> Node {
    let kind = match &node.kind {
        NodeKind::Map(entries) => NodeKind::Map(
            entries
                .iter()
                .map(|(k, v)| {
                    let name = match &k.kind {
                        NodeKind::Str(s) => Some(s.as_str()),
                        _ => None,
                    };
                    (k.clone(), numbers_normalised(v, name))
                })
                .collect(),
        ),
        NodeKind::Seq(items) => {
            NodeKind::Seq(items.iter().map(|i| numbers_normalised(i, key)).collect())
        }
        NodeKind::Str(s) if key.is_some_and(|k| NUMBER_KEYS.contains(&k)) => {
            let canonical = CaseNumber::parse(s)
                .map(|n| n.to_string())
                .or_else(|_| MeetingNumber::parse(s).map(|n| n.to_string()));
            NodeKind::Str(canonical.unwrap_or_else(|_| s.clone()))
        }
        other => other.clone(),
    };
    Node {
        kind,
        offset: 0,
        len: 0,
    }
}

/// A text value, as intended values are built.
pub fn text(s: impl Into<String>) -> Node {
    Node {
        kind: NodeKind::Str(s.into()),
        offset: 0,
        len: 0,
    }
}

/// A mapping of text keys, as intended values are built.
pub fn map(entries: Vec<(&str, Node)>) -> Node {
    Node {
        kind: NodeKind::Map(entries.into_iter().map(|(k, v)| (text(k), v)).collect()),
        offset: 0,
        len: 0,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn values_compare_without_positions_or_key_order() {
        let a = yaml::parse("a: 1\nb: [x, y]\n").unwrap();
        let b = yaml::parse("{b: [x, y], a: 1}").unwrap();
        assert!(same(&a, &b));
        let c = yaml::parse("{b: [y, x], a: 1}").unwrap();
        assert!(!same(&a, &c));
    }

    #[test]
    fn numbers_compare_as_numbers_only_where_asked() {
        let a = yaml::parse("number: 05/21\ntitle: 05/21\n").unwrap();
        let b = yaml::parse("number: 5/21\ntitle: 05/21\n").unwrap();
        assert!(same(
            &numbers_normalised(&a, None),
            &numbers_normalised(&b, None)
        ));
        assert!(!same(&a, &b));
        let c = yaml::parse("number: 5/21\ntitle: 5/21\n").unwrap();
        assert!(!same(
            &numbers_normalised(&a, None),
            &numbers_normalised(&c, None)
        ));
    }

    fn intent<'a>(old: Option<&'a str>, values: &str) -> Intent<'a> {
        Intent {
            kind: FileKind::Meetings,
            case_types: &[],
            old,
            values: yaml::parse(values).unwrap(),
            body: None,
            numbers_as_values: false,
        }
    }

    #[test]
    fn a_text_is_refused_unless_it_loads_to_exactly_the_intended_values() {
        let old = "- number: 1/2021\n  date: 2021-01-01\n";
        let want = "[{number: 1/2021, date: 2021-01-01}, {number: 2/2021, date: 2021-02-01}]";
        let good = format!("{old}- number: 2/2021\n  date: 2021-02-01\n");
        assert_eq!(
            verify("2021/meetings.yaml", &good, &intent(Some(old), want)),
            Ok(())
        );
        // Would not parse (the flow list appended to in block style).
        let broken = "[{number: 1/2021, date: 2021-01-01}]\n- number: 2/2021\n  date: 2021-02-01\n";
        let why = verify("2021/meetings.yaml", broken, &intent(Some(old), want)).unwrap_err();
        assert!(matches!(why, Unverified::DoesNotParse(_)), "{why}");
        // Parses, to other values.
        let other = format!("{old}- number: 2/2021\n  date: 2021-03-01\n");
        let why = verify("2021/meetings.yaml", &other, &intent(Some(old), want)).unwrap_err();
        assert_eq!(why, Unverified::OtherValues, "{why}");
        // The intended values, but a finding the old text did not have.
        let bad = "[{number: 1/2021, date: 2021-01-01}, {number: 2/2021, date: 2021-02-30}]";
        let why = verify("2021/meetings.yaml", bad, &intent(Some(old), bad)).unwrap_err();
        assert!(
            matches!(&why, Unverified::NewFinding(code, _) if code == "invalid-value"),
            "{why}"
        );
        // A finding the old text had already is no reason to refuse.
        assert_eq!(
            verify("2021/meetings.yaml", bad, &intent(Some(bad), bad)),
            Ok(())
        );
    }
}
