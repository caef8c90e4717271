//! A finding: what is wrong, where, and what else it relates to.

use super::code::{Code, Severity};
use super::source::SourceFile;

/// A place in a file: byte range plus 1-based line and column. Files are at
/// most 1 MiB (`load::MAX_FILE_SIZE`), so each fits in 32 bits: a record of
/// 100,000 cases holds 300,000 places.
#[derive(Debug, Clone)]
pub struct Location {
    pub file: SourceFile,
    offset: u32,
    len: u32,
    line: u32,
    column: u32,
}

/// `n` in 32 bits (the largest such number if it is larger).
fn narrow(n: usize) -> u32 {
    u32::try_from(n).unwrap_or(u32::MAX)
}

impl Location {
    pub fn new(file: &SourceFile, offset: usize, len: usize) -> Self {
        Self::at(file, offset, len, file.line_col(offset))
    }

    /// A place in `file` whose text is `text` (held by the caller, perhaps
    /// not by `file`: `SourceFile::left_on_disk`), counted in `text` when it
    /// is short.
    pub fn in_text(file: &SourceFile, text: &str, offset: usize, len: usize) -> Self {
        if text.len() > super::source::SHORT_TEXT {
            return Location::new(file, offset, len);
        }
        Self::at(file, offset, len, super::source::line_col_in(text, offset))
    }

    fn at(file: &SourceFile, offset: usize, len: usize, (line, column): (usize, usize)) -> Self {
        Location {
            file: file.clone(),
            offset: narrow(offset),
            len: narrow(len),
            line: narrow(line),
            column: narrow(column),
        }
    }

    /// Byte offset in the file's text.
    pub fn offset(&self) -> usize {
        self.offset as usize
    }

    /// Length in bytes (0: a point).
    pub fn len(&self) -> usize {
        self.len as usize
    }

    pub fn is_empty(&self) -> bool {
        self.len == 0
    }

    /// 1-based line.
    pub fn line(&self) -> usize {
        self.line as usize
    }

    /// 1-based column, in characters.
    pub fn column(&self) -> usize {
        self.column as usize
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
    /// The note of the `acknowledged` entry in pds.yaml that accepts this
    /// finding (code and subject match); `Some` marks the finding acknowledged.
    pub acknowledged: Option<String>,
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
            acknowledged: None,
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

    /// Whether pds.yaml accepts this finding.
    pub fn is_acknowledged(&self) -> bool {
        self.acknowledged.is_some()
    }

    pub fn subject(mut self, subject: impl ToString) -> Self {
        self.subject = Some(subject.to_string());
        self
    }

    /// Sort key: file, then position, then code — so output is deterministic.
    pub fn sort_key(&self) -> (&str, usize, usize, Code, &str) {
        (
            self.at.file.name(),
            self.at.line(),
            self.at.column(),
            self.code,
            &self.message,
        )
    }

    /// The order of output: by `sort_key`, with numbers in messages compared
    /// as numbers, so the gaps reported at one case read 2/21, 3/21 … 10/21
    /// (and the first 50 shown of many are the lowest), not 10/21, 100/21, 2/21.
    pub fn output_order(&self, other: &Finding) -> std::cmp::Ordering {
        let (a, b) = (self.sort_key(), other.sort_key());
        (a.0, a.1, a.2, a.3)
            .cmp(&(b.0, b.1, b.2, b.3))
            .then_with(|| natural_cmp(a.4, b.4))
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
        self.items.sort_by(Finding::output_order);
        self.items
    }
}

/// Compares text with each run of ASCII digits as the number it writes.
fn natural_cmp(a: &str, b: &str) -> std::cmp::Ordering {
    use std::cmp::Ordering;
    let (mut a, mut b) = (a, b);
    loop {
        let (Some(ca), Some(cb)) = (a.chars().next(), b.chars().next()) else {
            return a.len().cmp(&b.len());
        };
        if ca.is_ascii_digit() && cb.is_ascii_digit() {
            let da = a.find(|c: char| !c.is_ascii_digit()).unwrap_or(a.len());
            let db = b.find(|c: char| !c.is_ascii_digit()).unwrap_or(b.len());
            let (na, ra) = a.split_at(da);
            let (nb, rb) = b.split_at(db);
            let (ta, tb) = (na.trim_start_matches('0'), nb.trim_start_matches('0'));
            let by_value = ta.len().cmp(&tb.len()).then_with(|| ta.cmp(tb));
            match by_value.then_with(|| na.len().cmp(&nb.len())) {
                Ordering::Equal => (a, b) = (ra, rb),
                other => return other,
            }
        } else {
            match ca.cmp(&cb) {
                Ordering::Equal => {
                    a = a.get(ca.len_utf8()..).unwrap_or_default();
                    b = b.get(cb.len_utf8()..).unwrap_or_default();
                }
                other => return other,
            }
        }
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
    fn numbers_in_messages_sort_as_numbers() {
        use std::cmp::Ordering::*;
        let mut v = vec![
            "case number 10/21 x",
            "case number 100/21 x",
            "case number 2/21 x",
            "b",
            "a 9",
            "a 09",
            "a 10",
        ];
        v.sort_by(|a, b| natural_cmp(a, b));
        assert_eq!(
            v,
            [
                "a 9",
                "a 09",
                "a 10",
                "b",
                "case number 2/21 x",
                "case number 10/21 x",
                "case number 100/21 x"
            ]
        );
        assert_eq!(natural_cmp("ø 2", "ø 2"), Equal);
        assert_eq!(natural_cmp("x", "x1"), Less);
        assert_eq!(
            natural_cmp("99999999999999999999999", "100000000000000000000000"),
            Less
        );
    }

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
