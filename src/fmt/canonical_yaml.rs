//! YAML files and front matter made canonical by pretty_yaml, case and
//! meeting numbers normalised, and the result verified: the same values,
//! the same words.

use super::words;
use crate::model::{CaseNumber, MeetingNumber};
use crate::yaml::{self, Node, NodeKind};

pub(super) fn yaml_options() -> pretty_yaml::config::FormatOptions {
    let mut options = pretty_yaml::config::FormatOptions::default();
    options.layout.print_width = 100;
    options.language.prose_wrap = pretty_yaml::config::ProseWrap::Preserve;
    options.language.quotes = pretty_yaml::config::Quotes::PreferDouble;
    options
}

pub(super) fn format_yaml(text: &str) -> Result<String, String> {
    let tree = yaml::parse(text).map_err(|e| format!("its YAML does not parse ({})", e.message))?;
    let normalised = normalise_numbers(text, &tree);
    let before = if normalised == text {
        tree
    } else {
        yaml::parse(&normalised)
            .map_err(|e| format!("normalising numbers broke the YAML ({})", e.message))?
    };
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
    // Already canonical: the same text has the same values and words.
    if out == normalised {
        return Ok(out);
    }
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
pub(super) fn same_value(a: &Node, b: &Node) -> bool {
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
