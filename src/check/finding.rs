//! A finding: what is wrong, where, and what else it relates to.

use super::code::{Code, Severity};
use crate::source::SourceFile;

/// A place in a file: byte range plus 1-based line and column.
#[derive(Debug, Clone)]
pub struct Location {
    pub file: SourceFile,
    pub offset: usize,
    pub len: usize,
    pub line: usize,
    pub column: usize,
}

impl Location {
    pub fn new(file: &SourceFile, offset: usize, len: usize) -> Self {
        let (line, column) = file.line_col(offset);
        Location {
            file: file.clone(),
            offset,
            len,
            line,
            column,
        }
    }

    /// The whole file: line 1, column 1.
    pub fn whole(file: &SourceFile) -> Self {
        Location::new(file, 0, 0)
    }
}

#[derive(Debug, Clone)]
pub struct Related {
    pub at: Location,
    pub message: String,
}

#[derive(Debug, Clone)]
pub struct Finding {
    pub code: Code,
    pub severity: Severity,
    pub message: String,
    pub at: Location,
    pub related: Vec<Related>,
    /// A hint: "did you mean …".
    pub help: Option<String>,
    /// The case or meeting number the finding is about, as acknowledgements name it.
    pub subject: Option<String>,
    pub acknowledged: bool,
}

impl Finding {
    pub fn new(code: Code, at: Location, message: impl Into<String>) -> Self {
        Finding {
            code,
            severity: code.severity(),
            message: message.into(),
            at,
            related: Vec::new(),
            help: None,
            subject: None,
            acknowledged: false,
        }
    }

    pub fn related(mut self, at: Location, message: impl Into<String>) -> Self {
        self.related.push(Related {
            at,
            message: message.into(),
        });
        self
    }

    pub fn help(mut self, help: impl Into<String>) -> Self {
        self.help = Some(help.into());
        self
    }

    pub fn help_opt(mut self, help: Option<String>) -> Self {
        self.help = help;
        self
    }

    pub fn subject(mut self, subject: impl ToString) -> Self {
        self.subject = Some(subject.to_string());
        self
    }

    /// Sort key: file, then position, then code — so output is deterministic.
    pub fn sort_key(&self) -> (&str, usize, usize, Code, &str) {
        (
            self.at.file.name(),
            self.at.line,
            self.at.column,
            self.code,
            &self.message,
        )
    }
}

/// Where checks put what they find; a check never stops at its first finding.
#[derive(Debug, Default)]
pub struct Findings {
    items: Vec<Finding>,
}

impl Findings {
    pub fn push(&mut self, finding: Finding) {
        self.items.push(finding);
    }

    pub fn extend(&mut self, other: impl IntoIterator<Item = Finding>) {
        self.items.extend(other);
    }

    pub fn iter(&self) -> impl Iterator<Item = &Finding> {
        self.items.iter()
    }

    pub fn iter_mut(&mut self) -> impl Iterator<Item = &mut Finding> {
        self.items.iter_mut()
    }

    pub fn len(&self) -> usize {
        self.items.len()
    }

    pub fn is_empty(&self) -> bool {
        self.items.is_empty()
    }

    pub fn into_sorted(mut self) -> Vec<Finding> {
        self.items.sort_by(|a, b| a.sort_key().cmp(&b.sort_key()));
        self.items
    }
}

/// The nearest of `candidates` to `given`, when it is near enough to be a typo
/// and no other candidate is as near: a suggestion that is a coin toss
/// (`9/2021` is one edit from `1/2021` and from `8/2021`) misleads.
pub fn nearest<'a>(given: &str, candidates: impl IntoIterator<Item = &'a str>) -> Option<&'a str> {
    let given_l = given.to_lowercase();
    let mut best: Option<(usize, &str)> = None;
    let mut tied = false;
    for c in candidates {
        let d = strsim::damerau_levenshtein(&given_l, &c.to_lowercase());
        if d > (c.chars().count() / 3).max(2) {
            continue;
        }
        match best {
            Some((bd, bc)) if d == bd => tied |= bc != c,
            Some((bd, _)) if d > bd => {}
            _ => {
                best = Some((d, c));
                tied = false;
            }
        }
    }
    best.filter(|_| !tied).map(|(_, c)| c)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn nearest_suggests_close_spellings_only() {
        let types = ["Tilslutning", "Orientering", "Drøfting", "Beslutning"];
        assert_eq!(nearest("Tilsluting", types), Some("Tilslutning"));
        assert_eq!(nearest("drofting", types), Some("Drøfting"));
        assert_eq!(nearest("Something else", types), None);
        assert_eq!(nearest("titel", ["title", "type"]), Some("title"));
    }

    #[test]
    fn nearest_suggests_nothing_when_two_are_as_near() {
        let meetings = ["1/2021", "2/2021", "8/2021"];
        assert_eq!(nearest("9/2021", meetings), None);
        assert_eq!(nearest("8/2012", meetings), Some("8/2021"));
        // The same name twice is still one suggestion.
        assert_eq!(nearest("titel", ["title", "title"]), Some("title"));
    }
}
