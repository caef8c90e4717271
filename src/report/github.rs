//! `--format github`: one workflow command per finding, so GitHub Actions
//! annotates the pull request's files.

use crate::diag::{Finding, Severity};

/// `prefix` is the record's folder as seen from the repository's top (`cases/`),
/// so annotations land on the right file. At most `max_per_code` findings of
/// each code are annotated; a notice counts the rest.
pub fn render(findings: &[Finding], prefix: &str, max_per_code: usize) -> String {
    let mut out = String::new();
    let (findings, left_out) = super::per_code(findings, max_per_code);
    for f in findings {
        let level = match (f.is_acknowledged(), f.severity) {
            (true, _) => "notice",
            (false, Severity::Error) => "error",
            (false, Severity::Warning) => "warning",
        };
        let mut message = f.message.clone();
        if f.is_acknowledged() {
            message.push_str(" (acknowledged)");
        }
        for r in &f.related {
            message.push_str(&format!(
                "\n{prefix}{}:{}:{}: {}",
                r.at.file.name(),
                r.at.line(),
                r.at.column(),
                r.message
            ));
        }
        if let Some(help) = &f.help {
            message.push_str(&format!("\nhelp: {help}"));
        }
        out.push_str(&format!(
            "::{level} file={},line={},col={},title={}::{}\n",
            property(&format!("{prefix}{}", f.at.file.name())),
            f.at.line(),
            f.at.column(),
            property(f.code.as_str()),
            data(&message),
        ));
    }
    for (code, n) in left_out {
        out.push_str(&format!(
            "::notice title={}::{}\n",
            property(code.as_str()),
            data(&super::left_out_line(code, n))
        ));
    }
    out
}

/// A workflow command's message, percent-encoded as GitHub's runner reads
/// it: `%` as `%25`, line breaks as `%0D` and `%0A`, and every other control
/// character as `%XX` of its UTF-8 bytes (a tab in a file name is `%09`), so
/// nothing from the record can end the command or drive the log's terminal.
fn data(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        if c == '%' || c.is_control() {
            let mut buf = [0; 4];
            for b in c.encode_utf8(&mut buf).bytes() {
                out.push_str(&format!("%{b:02X}"));
            }
        } else {
            out.push(c);
        }
    }
    out
}

/// A property (`file=`, `title=`): also `:` and `,`, which end a property.
fn property(s: &str) -> String {
    data(s).replace(':', "%3A").replace(',', "%2C")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn findings_past_the_limit_of_their_code_are_one_notice() {
        use crate::diag::{Code, Location, SourceFile};
        let f = SourceFile::new("2021/09-21-a.md", "x", "---\nnumber: 9/21\n".to_string());
        let findings: Vec<Finding> = (0..4)
            .map(|_| Finding::new(Code::CaseGap, Location::new(&f, 12, 4), "gap"))
            .collect();
        let out = render(&findings, "cases/", 1);
        assert_eq!(
            out,
            "::error file=cases/2021/09-21-a.md,line=2,col=9,title=case-gap::gap\n\
             ::notice title=case-gap::… and 3 more case-gap findings (--format json lists them all)\n"
        );
    }

    #[test]
    fn escapes_what_github_would_misread() {
        assert_eq!(data("50%\na"), "50%25%0Aa");
        assert_eq!(property("a,b:c"), "a%2Cb%3Ac");
        assert_eq!(data("a\u{1b}[31mb\r"), "a%1B[31mb%0D");
        assert_eq!(
            property("2021/\u{1b}\n\t\u{85}.md"),
            "2021/%1B%0A%09%C2%85.md"
        );
        assert_eq!(property("æ ø"), "æ ø");
    }
}
