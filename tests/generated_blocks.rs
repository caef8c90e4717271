//! A `{{ … }}` line is a generated block only as a paragraph of its own at
//! the top level of a body, and Markdown definitions reach across blocks.
#![expect(clippy::unwrap_used, reason = "a panic is how a test fails")]

mod common;
use common::*;

/// The English example with case 3/22's body replaced.
fn record_with_body(body: &str) -> tempfile::TempDir {
    const CASE: &str = "2022/03-22-budget-2022.md";
    let text = std::fs::read_to_string(root().join(EN_BOARD).join(CASE)).unwrap();
    let end = text[4..].find("---\n").unwrap() + 8;
    Record::copy_of(EN_BOARD)
        .file(CASE, format!("{}{body}", &text[..end]))
        .build()
}

#[test]
fn a_block_line_in_code_html_lists_quotes_or_a_paragraph_is_text() {
    let body = "```\n{{ bogus() }}\n```\n\n    {{ bogus() }}\n\n<div>\n{{ bogus() }}\n</div>\n\n- {{ bogus() }}\n\n> {{ bogus() }}\n\nText before\n{{ bogus() }}\n\n{{ actions() }}\n";
    let dir = record_with_body(body);
    let d = dir.path();
    let check = pds_in(d, &["check"]);
    assert_eq!(check.status.code(), Some(0), "{}", stdout(&check));
    assert!(!stdout(&check).contains("invalid-shortcode"));
    let out = pds_in(d, &["render", "case", "3/22"]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let md = stdout(&out);
    assert_eq!(md.matches("{{ bogus() }}").count(), 6, "{md}");
    assert!(
        !md.contains("{{ actions() }}"),
        "the real block is expanded: {md}"
    );
}

#[test]
fn a_block_line_of_its_own_is_still_checked() {
    let dir = record_with_body("Text.\n\n  {{ bogus() }}\n");
    let check = pds_in(dir.path(), &["check"]);
    assert_eq!(check.status.code(), Some(1));
    assert!(
        stdout(&check).contains("invalid-shortcode"),
        "{}",
        stdout(&check)
    );
}

#[test]
fn link_and_footnote_definitions_work_across_a_generated_block() {
    let body = "See [the plan][plan] and the note[^n].\n\n{{ actions() }}\n\nMore about [the plan][plan].\n\n[plan]: https://example.org/plan\n[^n]: The note.\n";
    let dir = record_with_body(body);
    let d = dir.path();
    let out = pds_in(d, &["render", "case", "3/22", "--format", "html"]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let html = stdout(&out);
    assert_eq!(
        html.matches("<a href=\"https://example.org/plan\"").count(),
        2,
        "{html}"
    );
    assert!(!html.contains("[the plan]"), "{html}");
    assert_eq!(html.matches("The note.").count(), 1, "{html}");
    assert!(
        html.contains("footnote-definition\" id=\"sak-3-22-n\""),
        "{html}"
    );
    assert!(html.contains("href=\"#sak-3-22-n\""), "{html}");
}
