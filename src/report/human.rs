//! Human output: each finding as a miette diagnostic quoting its source.

use super::{printable, Summary};
use crate::diag::{Finding, Severity, SourceFile};
use miette::{
    Diagnostic, GraphicalReportHandler, GraphicalTheme, LabeledSpan, MietteError,
    MietteSpanContents, SourceCode, SourceSpan, SpanContents,
};
use std::borrow::Cow;
use std::fmt;

/// A finding as miette sees it; locations in other files become related diagnostics.
struct Report<'a> {
    finding: &'a Finding,
    file: Shown<'a>,
    others: Vec<Elsewhere<'a>>,
}

/// A related location in another file than the finding's own.
struct Elsewhere<'a> {
    file: Shown<'a>,
    offset: usize,
    len: usize,
    message: String,
}

/// A file as the terminal gets to see it: its name with control characters
/// written out, and its text with each control character but tab and line
/// ends replaced by `?` (`¿` for two-byte ones), the same number of bytes,
/// so spans stay where they were and no file can drive the terminal.
struct Shown<'a> {
    name: Cow<'a, str>,
    text: Cow<'a, str>,
}

impl<'a> Shown<'a> {
    /// `prefix` is the record's folder as seen from where pds runs (`cases/`).
    fn new(file: &'a SourceFile, prefix: &str) -> Self {
        let text = file.text();
        let quiet = |c: char| c.is_control() && !matches!(c, '\t' | '\n' | '\r');
        let text = if text.chars().any(quiet) {
            Cow::Owned(
                text.chars()
                    .map(|c| match c {
                        c if !quiet(c) => c,
                        c if c.len_utf8() == 1 => '?',
                        _ => '¿',
                    })
                    .collect(),
            )
        } else {
            Cow::Borrowed(text)
        };
        Shown {
            name: match prefix {
                "" => printable(file.name(), &[]),
                p => Cow::Owned(printable(&format!("{p}{}", file.name()), &[]).into_owned()),
            },
            text,
        }
    }
}

impl SourceCode for Shown<'_> {
    fn read_span<'b>(
        &'b self,
        span: &SourceSpan,
        context_lines_before: usize,
        context_lines_after: usize,
    ) -> Result<Box<dyn SpanContents<'b> + 'b>, MietteError> {
        let contents =
            self.text
                .as_ref()
                .read_span(span, context_lines_before, context_lines_after)?;
        Ok(Box::new(MietteSpanContents::new_named(
            self.name.to_string(),
            contents.data(),
            *contents.span(),
            contents.line(),
            contents.column(),
            contents.line_count(),
        )))
    }
}

impl fmt::Debug for Report<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.finding.message)
    }
}

impl fmt::Display for Report<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.finding.is_acknowledged() {
            f.write_str("(acknowledged) ")?;
        }
        f.write_str(&self.finding.message)?;
        let name = &self.file.name;
        if self.finding.at.file.text().is_empty() && !self.finding.message.contains(&**name) {
            // No snippet will name the file, so the message does.
            write!(f, " [{name}]")?;
        }
        Ok(())
    }
}

impl std::error::Error for Report<'_> {}

impl Diagnostic for Report<'_> {
    fn code<'a>(&'a self) -> Option<Box<dyn fmt::Display + 'a>> {
        Some(Box::new(self.finding.code.as_str()))
    }

    fn severity(&self) -> Option<miette::Severity> {
        Some(
            match (self.finding.is_acknowledged(), self.finding.severity) {
                (true, _) => miette::Severity::Advice,
                (false, Severity::Error) => miette::Severity::Error,
                (false, Severity::Warning) => miette::Severity::Warning,
            },
        )
    }

    fn help<'a>(&'a self) -> Option<Box<dyn fmt::Display + 'a>> {
        self.finding
            .help
            .as_ref()
            .map(|h| Box::new(h) as Box<dyn fmt::Display>)
    }

    fn source_code(&self) -> Option<&dyn SourceCode> {
        (!self.finding.at.file.text().is_empty()).then_some(&self.file as &dyn SourceCode)
    }

    fn labels(&self) -> Option<Box<dyn Iterator<Item = LabeledSpan> + '_>> {
        if self.finding.at.file.text().is_empty() {
            return None;
        }
        let at = &self.finding.at;
        let primary = LabeledSpan::new_primary_with_span(None, (at.offset(), at.len()));
        let same_file = self
            .finding
            .related
            .iter()
            .filter(|r| r.at.file == at.file)
            .map(|r| {
                LabeledSpan::new_with_span(Some(r.message.clone()), (r.at.offset(), r.at.len()))
            });
        Some(Box::new(std::iter::once(primary).chain(same_file)))
    }

    fn related<'a>(&'a self) -> Option<Box<dyn Iterator<Item = &'a dyn Diagnostic> + 'a>> {
        if self.others.is_empty() {
            return None;
        }
        Some(Box::new(self.others.iter().map(|o| o as &dyn Diagnostic)))
    }
}

impl fmt::Debug for Elsewhere<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message)
    }
}

impl fmt::Display for Elsewhere<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message)
    }
}

impl std::error::Error for Elsewhere<'_> {}

impl Diagnostic for Elsewhere<'_> {
    /// A pointer to another place, not a second error: `☞`, not `×`.
    fn severity(&self) -> Option<miette::Severity> {
        Some(miette::Severity::Advice)
    }

    fn source_code(&self) -> Option<&dyn SourceCode> {
        Some(&self.file)
    }

    fn labels(&self) -> Option<Box<dyn Iterator<Item = LabeledSpan> + '_>> {
        Some(Box::new(std::iter::once(LabeledSpan::new_with_span(
            Some(self.message.clone()),
            (self.offset, self.len),
        ))))
    }
}

/// Renders findings, at most `max_per_code` of each code (a line counts the
/// rest), and the summary line. `color` turns on ANSI colours.
pub fn render(
    findings: &[Finding],
    summary: &Summary,
    color: bool,
    width: usize,
    max_per_code: usize,
    prefix: &str,
) -> String {
    let theme = if color {
        GraphicalTheme::unicode()
    } else {
        GraphicalTheme::unicode_nocolor()
    };
    // Wrap at spaces only: file names and numbers (2021/05-21-x.md, 7/2021)
    // are never split, and a word longer than the line stays whole.
    let handler = GraphicalReportHandler::new_themed(theme)
        .with_width(width)
        .with_word_separator(textwrap::WordSeparator::AsciiSpace)
        .with_word_splitter(textwrap::WordSplitter::NoHyphenation)
        .with_break_words(false)
        .with_links(false)
        .with_show_related_as_nested(true);
    let mut out = String::new();
    let (findings, left_out) = super::per_code(findings, max_per_code);
    for finding in findings {
        let help = match &finding.acknowledged {
            Some(note) => Some(format!("acknowledged in pds.yaml: {note}")),
            None => finding.help.clone(),
        };
        // Messages quote the record (keys, values, names): no control
        // characters but line breaks reach the terminal.
        let text = |s: &str| printable(s, &['\n']).into_owned();
        let shown = Finding {
            message: text(&finding.message),
            help: help.as_deref().map(text),
            related: finding
                .related
                .iter()
                .map(|r| crate::diag::Related {
                    at: r.at.clone(),
                    message: text(&r.message),
                })
                .collect(),
            ..finding.clone()
        };
        let _ = handler.render_report(&mut out, &report_for(&shown, prefix));
        out.push('\n');
    }
    for (code, n) in left_out {
        out.push_str(&super::left_out_line(code, n));
        out.push_str("\n\n");
    }
    let verdict = if summary.errors > 0 {
        "error"
    } else if summary.warnings > 0 {
        "warning"
    } else {
        "ok"
    };
    out.push_str(&format!("{verdict}: {summary}\n"));
    out
}

fn report_for<'a>(finding: &'a Finding, prefix: &str) -> Report<'a> {
    let others = finding
        .related
        .iter()
        .filter(|r| r.at.file != finding.at.file)
        .map(|r| Elsewhere {
            file: Shown::new(&r.at.file, prefix),
            offset: r.at.offset(),
            len: r.at.len(),
            message: r.message.clone(),
        })
        .collect();
    Report {
        finding,
        file: Shown::new(&finding.at.file, prefix),
        others,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::diag::{Code, Location};

    fn file(name: &str, text: &str) -> SourceFile {
        SourceFile::new(name, name, text.to_string())
    }

    fn render_one(finding: Finding) -> String {
        let summary = Summary::of(std::slice::from_ref(&finding), 2);
        render(&[finding], &summary, false, 80, 50, "")
    }

    #[test]
    fn findings_past_the_limit_of_their_code_are_one_line() {
        let f = file("2021/09-21-a.md", "---\nnumber: 9/21\n---\n");
        let findings: Vec<Finding> = (1..=8)
            .map(|n| {
                Finding::new(
                    Code::CaseGap,
                    Location::new(&f, 12, 4),
                    format!("case number {n}/21 is carried by no case"),
                )
            })
            .collect();
        let summary = Summary::of(&findings, 1);
        let out = render(&findings, &summary, false, 80, 3, "");
        assert_eq!(out.matches("is carried by no case").count(), 3, "{out}");
        assert!(out.contains("case number 3/21 is"), "{out}");
        assert!(!out.contains("case number 4/21 is"), "{out}");
        assert!(
            out.ends_with(
                "\n… and 5 more case-gap findings (--format json lists them all)\n\nerror: 8 errors, 0 warnings, 0 acknowledged in 1 file\n"
            ),
            "{out}"
        );
    }

    #[test]
    fn a_related_place_in_another_file_is_a_pointer_not_an_error() {
        let a = file("2021/02-21-a.md", "---\nnumber: 2/21\n---\n");
        let b = file("2021/02-21-b.md", "---\nnumber: 2/21\n---\n");
        let f = Finding::new(
            Code::DuplicateCase,
            Location::new(&b, 12, 4),
            "case number 2/21 is used by 2 cases",
        )
        .related(Location::new(&a, 12, 4), "first used here");
        let out = render_one(f);
        assert!(
            out.contains("  × case number 2/21 is used by 2 cases\n"),
            "{out}"
        );
        assert!(out.contains("☞ first used here\n"), "{out}");
        assert_eq!(out.matches('×').count(), 1, "{out}");
        assert!(out.contains("╭─[2021/02-21-a.md:2:9]"), "{out}");
    }

    #[test]
    fn lines_wrap_at_spaces_never_inside_a_file_name() {
        let f = file("2021/04-21-budsjett.md", "---\nnumber: 3/21\n---\n");
        let finding = Finding::new(
            Code::FileName,
            Location::new(&f, 12, 4),
            "case 3/21 is in 2021/04-21-budsjett.md, but its file belongs in 2021/03-21-<slug>.md",
        );
        let out = render_one(finding);
        assert!(out.contains("2021/03-21-<slug>.md"), "{out}");
    }

    #[test]
    fn nothing_from_the_record_can_drive_the_terminal() {
        let esc = "\u{1b}[2J";
        let f = file(
            &format!("2021/03-21-{esc}.md"),
            &format!("---\nnumber: 3/21\n\"bad{esc}\": 1 # {esc}\u{85}x\n---\n"),
        );
        let finding = Finding::new(
            Code::UnknownField,
            Location::new(&f, 17, 4),
            format!("unknown key `bad{esc}` in a case"),
        )
        .help(format!("did you mean `{esc}`?"));
        let out = render_one(finding);
        assert!(!out.contains('\u{1b}'), "{out:?}");
        assert!(!out.contains('\u{85}'), "{out:?}");
        assert!(
            out.contains("unknown key `bad\\u{1b}[2J` in a case"),
            "{out}"
        );
        assert!(out.contains("[2021/03-21-\\u{1b}[2J.md:3:1]"), "{out}");
        // The snippet keeps its columns: one `?` per control byte.
        assert!(out.contains("\"bad?[2J\": 1 # ?[2J¿x"), "{out}");
    }

    #[test]
    fn a_file_without_text_is_named_once() {
        let f = SourceFile::empty("2021/02-21-a.md", "2021/02-21-a.md");
        let named = render_one(Finding::new(
            Code::Unreadable,
            Location::whole(&f),
            "2021/02-21-a.md holds binary data (a NUL byte), not text",
        ));
        assert_eq!(named.matches("2021/02-21-a.md").count(), 1, "{named}");
        let unnamed = render_one(Finding::new(
            Code::Unreadable,
            Location::whole(&f),
            "cannot be read",
        ));
        assert!(
            unnamed.contains("cannot be read [2021/02-21-a.md]"),
            "{unnamed}"
        );
    }
}
