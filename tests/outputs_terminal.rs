//! What `list`, `fmt` and `fmt --check` print to a terminal: a record value
//! or a file name with control characters is written out (`\u{1b}`, `\r`),
//! as `check` does, so it cannot drive the terminal or forge a line.

mod common;
use common::*;

/// No raw control character but the line break.
fn assert_printable(what: &str, text: &str) {
    let raw: Vec<char> = text
        .chars()
        .filter(|c| c.is_control() && *c != '\n')
        .collect();
    assert!(raw.is_empty(), "{what}: raw {raw:?} in {text:?}");
}

const ODD: &str = "2022/13-22-odd\u{1b}[2J.md";
const ODD_SHOWN: &str = "2022/13-22-odd\\u{1b}[2J.md";

/// A case in a file named with an escape sequence (`ODD`), that `fmt` would change.
const ODD_CASE: &str =
    "---\nnumber:   13/22\nmeeting: 3/2022\ntitle: Odd\ntype: Discussion\n---\n\n* one\n* two\n";

#[test]
fn list_writes_control_characters_out() {
    let dir = Record::copy_of(EN_BOARD)
        .file(
            "2022/13-22-red.md",
            "---\nnumber: 13/22\nmeeting: 3/2022\ntitle: \"Budget \\e[31mred\\r\\nforged row\"\ntype: Discussion\n---\n",
        )
        .build();
    let d = dir.path();
    let meetings = std::fs::read_to_string(d.join("2022/meetings.yaml")).unwrap();
    std::fs::write(
        d.join("2022/meetings.yaml"),
        meetings.replacen(
            "place: Board room, Northfield House",
            "place: \"Board room \\e]0;pwned\\a\"",
            1,
        ),
    )
    .unwrap();
    let cases = pds_in(d, &["list", "cases"]);
    assert_eq!(cases.status.code(), Some(0), "{}", stderr(&cases));
    let text = stdout(&cases);
    assert_printable("list cases", &text);
    assert!(
        text.contains("Budget \\u{1b}[31mred\\r\\nforged row\n"),
        "{text}"
    );
    // One line per case and the header: the newline in the title forged no row.
    let json = pds_in(d, &["list", "cases", "--format", "json"]);
    let rows: serde_json::Value = serde_json::from_slice(&json.stdout).unwrap();
    assert_eq!(text.lines().count(), rows.as_array().unwrap().len() + 1);

    let meetings = pds_in(d, &["list", "meetings"]);
    assert_eq!(meetings.status.code(), Some(0), "{}", stderr(&meetings));
    let text = stdout(&meetings);
    assert_printable("list meetings", &text);
    assert!(text.contains("Board room \\u{1b}]0;pwned\\u{7}"), "{text}");
}

#[test]
fn fmt_check_writes_control_characters_out_in_names_and_lines() {
    let dir = Record::copy_of(EN_BOARD)
        .file(ODD, ODD_CASE)
        .file(
            "2022/14-22-crlf.md",
            "---\r\nnumber: 14/22\r\nmeeting:    3/2022\r\ntitle: Crlf\r\ntype: Discussion\r\n---\r\n\r\nText\r\n",
        )
        .build();
    let d = dir.path();
    let out = pds_in(d, &["fmt", "--check"]);
    assert_eq!(out.status.code(), Some(1), "{}", stderr(&out));
    let text = stdout(&out);
    assert_printable("fmt --check", &text);
    assert!(text.contains(&format!("--- a/{ODD_SHOWN}\n")), "{text}");
    assert!(text.contains(&format!("+++ b/{ODD_SHOWN}\n")), "{text}");
    assert!(text.contains("-number: 14/22\\r\n"), "{text}");
    assert_printable("fmt --check (stderr)", &stderr(&out));
}

#[test]
fn fmt_writes_control_characters_out_in_what_it_reports() {
    // A file fmt leaves as it was, with a warning that names it.
    let refused = "2022/15-22-bad\u{1b}[2J.md";
    let dir = Record::copy_of(EN_BOARD)
        .file(ODD, ODD_CASE)
        .file(refused, "---\nnumber: [15/22\n---\n")
        .build();
    let d = dir.path();
    let out = pds_in(d, &["fmt"]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let text = stdout(&out);
    assert_printable("fmt", &text);
    assert!(text.contains(&format!("formatted {ODD_SHOWN}\n")), "{text}");
    let err = stderr(&out);
    assert_printable("fmt (stderr)", &err);
    assert!(
        err.contains("warning: left 2022/15-22-bad\\u{1b}[2J.md as it was"),
        "{err}"
    );
}

#[test]
fn error_messages_write_control_characters_out() {
    let out = pds_in(
        &root(),
        &["--repo", "no-such\u{1b}[2J-record\rx", "list", "cases"],
    );
    assert_eq!(out.status.code(), Some(2));
    let err = stderr(&out);
    assert_printable("error", &err);
    assert!(err.contains("no-such\\u{1b}[2J-record\\rx"), "{err}");
}
