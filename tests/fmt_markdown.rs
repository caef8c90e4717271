//! `pds fmt` keeps Markdown as GitHub renders it, formats (rather than
//! refuses) reference links and entities, and `fmt --check` fails on a file
//! it cannot format.
#![expect(clippy::unwrap_used, reason = "a panic is how a test fails")]

mod common;
use common::*;
use std::path::Path;

/// Writes `body` (with a heading fmt will rewrite) as a draft; its path.
fn draft(dir: &Path, body: &str) -> std::path::PathBuf {
    let path = dir.join("drafts/notes.md");
    std::fs::write(
        &path,
        format!("---\ntitle: Notes\n---\nNotes\n=====\n\n{body}"),
    )
    .unwrap();
    path
}

/// Runs `pds fmt` and returns the file it rewrote, asserting it was rewritten.
fn formatted(dir: &Path, path: &Path) -> String {
    let out = pds_in(dir, &["fmt"]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert!(
        !stderr(&out).contains("as it was"),
        "refused: {}",
        stderr(&out)
    );
    let text = std::fs::read_to_string(path).unwrap();
    assert!(text.contains("# Notes\n"), "formatted: {text}");
    let again = pds_in(dir, &["fmt", "--check"]);
    assert_eq!(again.status.code(), Some(0), "{}", stdout(&again));
    text
}

#[test]
fn bare_urls_stay_bare_and_task_lists_stay_task_lists() {
    let dir = Record::copy_of(EN_BOARD).build();
    let d = dir.path();
    let body = "See https://example.org/styring_og_ledelse and www.example.org/plan_2022.\n\n- [ ] send the plan\n- [x] book the room\n";
    let path = draft(d, body);
    let text = formatted(d, &path);
    assert!(
        text.contains("See https://example.org/styring_og_ledelse and www.example.org/plan_2022."),
        "{text}"
    );
    assert!(
        text.contains("- [ ] send the plan\n- [x] book the room\n"),
        "{text}"
    );
}

#[test]
fn reference_links_and_entities_are_formatted_as_written() {
    let dir = Record::copy_of(EN_BOARD).build();
    let d = dir.path();
    let body = "Read [the plan][plan] and [the budget].\n\nPrice&nbsp;100&nbsp;kr &copy; Styret.\n\n* one\n* two\n\n[plan]: https://example.org/plan \"Plan\"\n[the budget]: https://example.org/budget\n";
    let path = draft(d, body);
    let text = formatted(d, &path);
    for kept in [
        "Read [the plan][plan] and [the budget].",
        "Price&nbsp;100&nbsp;kr &copy; Styret.",
        "[plan]: https://example.org/plan \"Plan\"",
        "[the budget]: https://example.org/budget",
        "- one\n- two\n",
    ] {
        assert!(text.contains(kept), "{kept:?} in {text}");
    }
}

#[test]
fn a_file_fmt_cannot_format_fails_fmt_check_with_the_reason() {
    let dir = Record::copy_of(EN_BOARD).build();
    let d = dir.path();
    let path = d.join("drafts/broken.md");
    std::fs::write(&path, "---\ntitle: [unclosed\n---\nBody\n").unwrap();
    let out = pds_in(d, &["fmt", "--check"]);
    assert_eq!(out.status.code(), Some(1), "{}", stderr(&out));
    assert!(
        stderr(&out).contains("left drafts/broken.md as it was: its YAML does not parse"),
        "{}",
        stderr(&out)
    );
    assert_eq!(
        std::fs::read_to_string(&path).unwrap(),
        "---\ntitle: [unclosed\n---\nBody\n"
    );
}

#[test]
fn fmt_check_on_an_800_kb_body_ends_within_seconds() {
    // Every line changes (`*` → `-`): the smallest diff took minutes to find.
    let dir = Record::copy_of(EN_BOARD).build();
    let d = dir.path();
    let mut body = String::new();
    let mut n = 0;
    while body.len() < 800_000 {
        n += 1;
        body.push_str(&format!("* item {n} of the plan\n"));
    }
    std::fs::write(
        d.join("drafts/big.md"),
        format!("---\ntitle: Big\n---\n{body}"),
    )
    .unwrap();
    let start = std::time::Instant::now();
    let out = pds_in(d, &["fmt", "--check", "drafts/big.md"]);
    let took = start.elapsed();
    assert_eq!(out.status.code(), Some(1), "{}", stderr(&out));
    let diff = stdout(&out);
    assert!(
        diff.contains("-* item 1 of the plan\n"),
        "{}",
        &diff[..300.min(diff.len())]
    );
    assert!(diff.contains(&format!("+- item {n} of the plan\n")));
    // Generous for a debug build on a busy machine; see the commit for release figures.
    assert!(took.as_secs() < 20, "took {took:?}");
}
