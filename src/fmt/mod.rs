//! `pds fmt`: canonical files, written only when provably nothing is lost.
//!
//! Front matter and YAML files are formatted on their syntax tree by
//! pretty_yaml (comments stay); case numbers are normalised (`05/21` → `5/21`);
//! Markdown bodies go through comrak's CommonMark writer. Because a writer can
//! lose content on rare inputs, every result is verified before it is used:
//! the YAML values parse back equal, the Markdown syntax trees are equal, a
//! second pass changes nothing, and no word is lost. Otherwise the file is
//! left as it was.

mod canonical_yaml;
mod commonmark;

use crate::diag::split_bom;
use crate::load::frontmatter;
use std::collections::BTreeMap;

/// What formatting a file's text gave.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Outcome {
    /// The canonical text (may equal the input).
    Formatted(String),
    /// Left as it was, and why.
    Refused(String),
}

/// Formats a file of the record; `markdown` says whether it is a case file.
pub fn format(text: &str, markdown: bool) -> Outcome {
    match format_once(text, markdown) {
        Err(why) => Outcome::Refused(why),
        // Already canonical: a second pass would read the same text again.
        Ok(first) if first == text => Outcome::Formatted(first),
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
        return canonical_yaml::format_yaml(&text);
    }
    let split =
        frontmatter::split(&text).map_err(|_| "it has no closed front matter".to_string())?;
    let yaml = canonical_yaml::format_yaml(split.yaml)?;
    let body = commonmark::format_markdown(split.body)?;
    Ok(format!("---\n{yaml}---\n{body}"))
}

/// Every word (a run of letters and digits), counted.
pub(super) fn words(text: &str) -> BTreeMap<&str, usize> {
    let mut counts = BTreeMap::new();
    for w in text
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
    {
        *counts.entry(w).or_insert(0) += 1;
    }
    counts
}

#[cfg(test)]
mod tests;
