//! Printing findings: one finding model, three printers.

pub mod github;
pub mod human;
pub mod json;

use crate::check::code::Severity;
use crate::check::finding::Finding;
use std::borrow::Cow;

/// `s` with its control characters written out (`\u{1b}`), so that text from
/// a record (a file name, a YAML key in a message) cannot drive the terminal
/// or the CI log it is printed to. `keep` names the ones left as they are.
pub fn printable<'a>(s: &'a str, keep: &[char]) -> Cow<'a, str> {
    if !s.chars().any(|c| c.is_control() && !keep.contains(&c)) {
        return Cow::Borrowed(s);
    }
    Cow::Owned(
        s.chars()
            .map(|c| {
                if c.is_control() && !keep.contains(&c) {
                    c.escape_debug().to_string()
                } else {
                    c.to_string()
                }
            })
            .collect(),
    )
}

/// `--format` of `pds check`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum Format {
    /// Diagnostics with source snippets, for people.
    Human,
    /// One JSON object (SPEC §4.2), for programs.
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
            match (f.acknowledged, f.severity) {
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
    fn control_characters_are_written_out() {
        assert_eq!(
            printable("a\u{1b}[31mb\nc\u{85}", &['\n']),
            "a\\u{1b}[31mb\nc\\u{85}"
        );
        assert_eq!(printable("x\ny\tz", &[]), "x\\ny\\tz");
        assert!(matches!(printable("2021/ø-æ.md", &[]), Cow::Borrowed(_)));
    }
}
