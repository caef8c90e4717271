//! The words of rendered documents as data: one built-in set per language,
//! embedded from `templates/labels/<lang>.yaml` and parsed once. A set holds
//! the board's `nouns` (neutral defaults) and the `labels`; a record
//! overrides both by its `templates/labels.yaml` and by `nouns:` and
//! `labels:` in `pds.yaml`. The keys of the `nb` set are the keys there are.

use super::Language;
use serde::Deserialize;
use std::collections::BTreeMap;
use std::sync::LazyLock;

/// The built-in label files, by language, as `pds templates eject` writes them.
pub const FILES: [(Language, &str); 3] = [
    (Language::Nb, include_str!("../../templates/labels/nb.yaml")),
    (Language::Nn, include_str!("../../templates/labels/nn.yaml")),
    (Language::En, include_str!("../../templates/labels/en.yaml")),
];

/// The board's own nouns, each a `{placeholder}` in the labels.
pub const NOUNS: [&str; 4] = ["board", "meetings", "governance", "principal"];

/// One set of words: a built-in file, or a record's partial override.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct LabelSet {
    #[serde(default)]
    pub nouns: BTreeMap<String, String>,
    #[serde(default)]
    pub labels: BTreeMap<String, String>,
}

impl LabelSet {
    /// Puts `other`'s words over this set's, key by key.
    pub fn overlay(&mut self, other: &LabelSet) {
        for (k, v) in &other.nouns {
            self.nouns.insert(k.clone(), v.clone());
        }
        for (k, v) in &other.labels {
            self.labels.insert(k.clone(), v.clone());
        }
    }
}

static BUILTIN: LazyLock<Vec<(Language, LabelSet)>> = LazyLock::new(|| {
    FILES
        .iter()
        // Each file parses: a unit test holds them to it.
        .map(|(lang, text)| (*lang, serde_saphyr::from_str(text).unwrap_or_default()))
        .collect()
});

/// The built-in words of a language.
pub fn builtin(language: Language) -> LabelSet {
    BUILTIN
        .iter()
        .find(|(l, _)| *l == language)
        .map(|(_, set)| set.clone())
        .unwrap_or_default()
}

/// The built-in file of a language.
pub fn file(language: Language) -> &'static str {
    FILES
        .iter()
        .find(|(l, _)| *l == language)
        .map(|(_, text)| *text)
        .unwrap_or_default()
}

static KEYS: LazyLock<Vec<String>> =
    LazyLock::new(|| builtin(Language::Nb).labels.into_keys().collect());

/// Every label key, in order.
pub fn keys() -> impl Iterator<Item = &'static str> {
    KEYS.iter().map(String::as_str)
}

/// Whether `key` names a label.
pub fn is_key(key: &str) -> bool {
    KEYS.iter().any(|k| k == key)
}

/// `text` with the board's nouns put in for `{board}` (as written) and
/// `{Board}` (first letter capital), and so on for each noun.
pub fn with_nouns(text: &str, nouns: &BTreeMap<String, String>) -> String {
    let mut out = text.to_string();
    if !out.contains('{') {
        return out;
    }
    for (name, value) in nouns {
        out = out.replace(&format!("{{{name}}}"), value);
        out = out.replace(&format!("{{{}}}", capitalised(name)), &capitalised(value));
    }
    out
}

fn capitalised(text: &str) -> String {
    let mut chars = text.chars();
    match chars.next() {
        Some(first) => first.to_uppercase().chain(chars).collect(),
        None => String::new(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Named;

    #[test]
    fn every_built_in_set_parses_and_has_every_key_and_no_other() {
        let nb = builtin(Language::Nb);
        assert!(nb.labels.len() > 50, "{}", nb.labels.len());
        for (lang, text) in FILES {
            let set: LabelSet = serde_saphyr::from_str(text)
                .unwrap_or_else(|e| panic!("templates/labels/{lang}.yaml: {e}"));
            let keys: Vec<_> = set.labels.keys().collect();
            let nb_keys: Vec<_> = nb.labels.keys().collect();
            assert_eq!(keys, nb_keys, "{lang}: the label keys differ from nb's");
            let nouns: Vec<_> = set.nouns.keys().map(String::as_str).collect();
            let mut want = NOUNS.to_vec();
            want.sort_unstable();
            assert_eq!(nouns, want, "{lang}: nouns");
            assert!(set.labels.values().all(|v| !v.trim().is_empty()), "{lang}");
        }
        assert_eq!(FILES.len(), Language::NAMES.len());
    }

    #[test]
    fn nouns_fill_their_placeholders_also_capitalised() {
        let nouns = BTreeMap::from([("meetings".to_string(), "board meeting".to_string())]);
        assert_eq!(
            with_nouns("{Meetings} cases, {meetings}", &nouns),
            "Board meeting cases, board meeting"
        );
        assert_eq!(with_nouns("{q}. kvartal", &nouns), "{q}. kvartal");
    }
}
