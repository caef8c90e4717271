//! What stops a command is one `diag::Error`: each kind prints `error: …`
//! on stderr, nothing on stdout, and exits 2; only `render --public`
//! refused for the record's errors exits 1 (`Error::exit_code`).

mod common;
use common::*;
use std::process::Output;

/// The run stopped with exit `code`, printed nothing, and said `words` after `error: `.
fn stopped(out: &Output, code: i32, words: &str) {
    let err = stderr(out);
    assert_eq!(out.status.code(), Some(code), "{err}");
    assert!(stdout(out).is_empty(), "{}", stdout(out));
    assert!(err.starts_with("error: "), "{err}");
    assert!(err.contains(words), "`{words}` not in: {err}");
}

#[test]
fn no_record_not_found_and_usage_exit_2() {
    let empty = Record::new().file("notes.txt", "not a record\n").build();
    let repo = empty.path().display().to_string();
    stopped(
        &pds(&["--repo", &repo, "check"]),
        2,
        "is not a pds record: it holds no pds.yaml",
    );
    let dir = Record::copy_of(EN_BOARD).build();
    stopped(
        &pds_in(dir.path(), &["list", "cases", "--meeting", "9/2099"]),
        2,
        "no meeting 9/2099 in the record",
    );
    stopped(
        &pds_in(
            dir.path(),
            &["schedule", "no-such-draft", "--meeting", "9/2099"],
        ),
        2,
        "no meeting 9/2099 in the record",
    );
    stopped(
        &pds_in(
            dir.path(),
            &["render", "invite", "1/2021", "--format", "html"],
        ),
        2,
        "an invite is always iCalendar (.ics): leave out --format",
    );
    stopped(
        &pds_in(dir.path(), &["check", "--explain", "duplicate-cas"]),
        2,
        "did you mean `duplicate-case`?",
    );
}

#[test]
fn a_file_that_cannot_be_made_read_or_edited_exits_2_naming_it() {
    let dir = Record::copy_of(EN_BOARD)
        .file("a-file", "in the way\n")
        .file("2099/meetings.yaml", "not: a list\n")
        .build();
    let d = dir.path();
    // I/O with its path.
    stopped(
        &pds_in(d, &["templates", "eject", "a-file/sub"]),
        2,
        "cannot make a-file/sub: ",
    );
    // An edit the file does not allow: the file is named and left as it was.
    stopped(
        &pds_in(d, &["new", "meeting", "--date", "2099-01-02"]),
        2,
        "left 2099/meetings.yaml as it was: it holds no list of meetings",
    );
    assert_eq!(
        std::fs::read_to_string(d.join("2099/meetings.yaml")).ok(),
        Some("not: a list\n".to_string())
    );
    // A file pds will not read (over 1 MiB).
    write(d, "2098/meetings.yaml", "#".repeat(1_100_000));
    stopped(
        &pds_in(d, &["new", "meeting", "--date", "2098-01-02"]),
        2,
        "2098/meetings.yaml is 1100000 bytes, larger than the limit of 1 MiB",
    );
}
