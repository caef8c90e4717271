//! `--format github`: one workflow command per finding, so GitHub Actions
//! annotates the pull request's files.

use crate::check::code::Severity;
use crate::check::finding::Finding;

/// `prefix` is the record's folder as seen from the repository's top (`cases/`),
/// so annotations land on the right file.
pub fn render(findings: &[Finding], prefix: &str) -> String {
    let mut out = String::new();
    for f in findings {
        let level = match (f.acknowledged, f.severity) {
            (true, _) => "notice",
            (false, Severity::Error) => "error",
            (false, Severity::Warning) => "warning",
        };
        let mut message = f.message.clone();
        if f.acknowledged {
            message.push_str(" (acknowledged)");
        }
        for r in &f.related {
            message.push_str(&format!(
                "\n{prefix}{}:{}:{}: {}",
                r.at.file.name(),
                r.at.line,
                r.at.column,
                r.message
            ));
        }
        if let Some(help) = &f.help {
            message.push_str(&format!("\nhelp: {help}"));
        }
        out.push_str(&format!(
            "::{level} file={},line={},col={},title={}::{}\n",
            property(&format!("{prefix}{}", f.at.file.name())),
            f.at.line,
            f.at.column,
            property(f.code.as_str()),
            data(&message),
        ));
    }
    out
}

/// A workflow command's message: line breaks encoded as GitHub wants them,
/// any other control character written out (GitHub's log honours colours).
fn data(s: &str) -> String {
    super::printable(s, &['\r', '\n'])
        .replace('%', "%25")
        .replace('\r', "%0D")
        .replace('\n', "%0A")
}

fn property(s: &str) -> String {
    data(s).replace(':', "%3A").replace(',', "%2C")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escapes_what_github_would_misread() {
        assert_eq!(data("50%\na"), "50%25%0Aa");
        assert_eq!(property("a,b:c"), "a%2Cb%3Ac");
        assert_eq!(data("a\u{1b}[31mb"), "a\\u{1b}[31mb");
        assert_eq!(property("2021/\u{1b}\n.md"), "2021/\\u{1b}%0A.md");
    }
}
