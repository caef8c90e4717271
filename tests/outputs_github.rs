//! `check --format github`: a file name with control characters is written
//! percent-encoded as GitHub's runner reads it (a tab is `%09`), never with
//! Rust escapes like `\t`, and never raw.

mod common;
use common::*;

#[test]
fn control_characters_in_paths_are_percent_encoded() {
    // A case whose file name holds a tab, an escape sequence, a next-line
    // (U+0085) and the characters that end a property; it is in the wrong
    // file, so check names it.
    let name = "14-22-tab\there\u{1b}[31m\u{85}a:b,c%.md";
    let dir = Record::copy_of(EN_BOARD)
        .file(
            &format!("2022/{name}"),
            "---\nnumber: 13/22\nmeeting: 3/2022\ntitle: Odd\ntype: Discussion\n---\n",
        )
        .build();
    let d = dir.path();
    let out = pds_in(d, &["check", "--format", "github"]);
    assert_ne!(out.status.code(), Some(101), "{}", stderr(&out));
    let text = stdout(&out);
    let encoded = "2022/14-22-tab%09here%1B[31m%C2%85a%3Ab%2Cc%25.md";
    let line = text
        .lines()
        .find(|l| l.contains("title=file-name::"))
        .unwrap_or_else(|| panic!("no file-name annotation:\n{text}"));
    assert!(
        line.starts_with(&format!("::warning file={encoded},line=2,col=9,")),
        "{line}"
    );
    // In the message the name is percent-encoded too (without `:` and `,`).
    assert!(
        line.contains("2022/14-22-tab%09here%1B[31m%C2%85a:b,c%25.md"),
        "{line}"
    );
    assert!(!text.contains("\\t") && !text.contains("\\u{"), "{text}");
    assert!(
        !text.contains(['\t', '\u{1b}', '\u{85}']),
        "a raw control character: {text:?}"
    );
    // One workflow command per line: nothing started a new one.
    for l in text.lines() {
        assert!(l.starts_with("::"), "{l:?}");
    }
}
