//! Printing findings: one finding model, three printers.

pub mod github;
pub mod human;
pub mod json;

use crate::diag::{Code, Finding, Severity};
use std::borrow::Cow;
use std::collections::BTreeMap;

/// How many findings of one code human and github output show. A record with
/// a broken sequence can have thousands of one code, which bury every other
/// finding; the rest are counted in one line. JSON shows every finding:
/// programs need them all.
pub const MAX_PER_CODE: usize = 50;

/// The findings to print, in their order, at most `max` of each code; and
/// how many of each code were left out, in code order.
pub fn per_code(findings: &[Finding], max: usize) -> (Vec<&Finding>, Vec<(Code, usize)>) {
    let mut seen: BTreeMap<Code, usize> = BTreeMap::new();
    let mut shown = Vec::new();
    for f in findings {
        let n = seen.entry(f.code).or_default();
        *n += 1;
        if *n <= max {
            shown.push(f);
        }
    }
    let left_out = seen
        .into_iter()
        .filter(|&(_, n)| n > max)
        .map(|(code, n)| (code, n - max))
        .collect();
    (shown, left_out)
}

/// The line that stands for the findings of `code` left out.
pub fn left_out_line(code: Code, n: usize) -> String {
    let findings = if n == 1 { "finding" } else { "findings" };
    format!(
        "… and {n} more {} {findings} (--format json lists them all)",
        code.as_str()
    )
}

/// `s` with its control characters written out (`\u{1b}`), so that text from
/// a record (a file name, a YAML key in a message) cannot drive the terminal
/// or the CI log it is printed to. `keep` names the ones left as they are.
pub fn printable<'a>(s: &'a str, keep: &[char]) -> Cow<'a, str> {
    let hidden = |c: char| (c.is_control() || is_invisible_format(c)) && !keep.contains(&c);
    if !s.chars().any(hidden) {
        return Cow::Borrowed(s);
    }
    Cow::Owned(
        s.chars()
            .map(|c| {
                if hidden(c) {
                    c.escape_debug().to_string()
                } else {
                    c.to_string()
                }
            })
            .collect(),
    )
}

/// Characters a terminal shows as nothing, or that reorder what follows them
/// (Unicode's bidirectional overrides and isolates, zero-width characters,
/// the byte-order mark): a name holding one would not read as what it is.
fn is_invisible_format(c: char) -> bool {
    matches!(c,
        '\u{061C}' | '\u{180E}' | '\u{200B}' | '\u{200E}' | '\u{200F}' | '\u{202A}'..='\u{202E}'
        | '\u{2060}'..='\u{2064}' | '\u{2066}'..='\u{206F}' | '\u{FEFF}' | '\u{FFF9}'..='\u{FFFB}')
}

/// `--format` of `pds check`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum Format {
    /// Diagnostics with source snippets, for people.
    Human,
    /// One JSON object (see docs/findings.md), for programs.
    Json,
    /// GitHub Actions workflow commands, for annotations on pull requests.
    Github,
}

/// Counts that decide the exit code.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Summary {
    pub files: usize,
    pub errors: usize,
    pub warnings: usize,
    pub acknowledged: usize,
}

impl Summary {
    pub fn of(findings: &[Finding], files: usize) -> Self {
        let mut s = Summary {
            files,
            ..Summary::default()
        };
        for f in findings {
            match (f.is_acknowledged(), f.severity) {
                (true, _) => s.acknowledged += 1,
                (false, Severity::Error) => s.errors += 1,
                (false, Severity::Warning) => s.warnings += 1,
            }
        }
        s
    }

    /// Whether the check fails: errors, or warnings under `--deny-warnings`.
    pub fn fails(&self, deny_warnings: bool) -> bool {
        self.errors > 0 || (deny_warnings && self.warnings > 0)
    }
}

fn plural(n: usize, one: &str, many: &str) -> String {
    format!("{n} {}", if n == 1 { one } else { many })
}

impl std::fmt::Display for Summary {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(
            f,
            "{}, {}, {} in {}",
            plural(self.errors, "error", "errors"),
            plural(self.warnings, "warning", "warnings"),
            plural(self.acknowledged, "acknowledged", "acknowledged"),
            plural(self.files, "file", "files"),
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn at_most_max_findings_of_each_code_are_shown_in_their_order() {
        use crate::diag::{Location, SourceFile};
        let file = SourceFile::new("a.md", "a.md", "x\n".to_string());
        let finding =
            |code: Code, i: usize| Finding::new(code, Location::whole(&file), format!("{i}"));
        let mut findings = Vec::new();
        for i in 0..5 {
            findings.push(finding(Code::CaseGap, i));
            if i < 2 {
                findings.push(finding(Code::FileName, i));
            }
        }
        findings.push(finding(Code::DuplicateCase, 0));
        let (shown, left_out) = per_code(&findings, 3);
        let shown: Vec<_> = shown.iter().map(|f| (f.code, f.message.as_str())).collect();
        assert_eq!(
            shown,
            [
                (Code::CaseGap, "0"),
                (Code::FileName, "0"),
                (Code::CaseGap, "1"),
                (Code::FileName, "1"),
                (Code::CaseGap, "2"),
                (Code::DuplicateCase, "0"),
            ]
        );
        assert_eq!(left_out, [(Code::CaseGap, 2)]);
        assert_eq!(
            left_out_line(Code::CaseGap, 2),
            "… and 2 more case-gap findings (--format json lists them all)"
        );
        assert_eq!(
            left_out_line(Code::FileName, 1),
            "… and 1 more file-name finding (--format json lists them all)"
        );
        assert_eq!(per_code(&findings, usize::MAX).0.len(), findings.len());
    }

    #[test]
    fn control_characters_are_written_out() {
        assert_eq!(
            printable("a\u{1b}[31mb\nc\u{85}", &['\n']),
            "a\\u{1b}[31mb\nc\\u{85}"
        );
        assert_eq!(printable("x\ny\tz", &[]), "x\\ny\\tz");
        assert!(matches!(printable("2021/ø-æ.md", &[]), Cow::Borrowed(_)));
    }
}
