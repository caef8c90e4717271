//! Run at the top of a repository whose record is in a subfolder — as a
//! pre-commit hook is, handed the changed files — `pds check FILE…` and
//! `pds fmt --check FILE…` find each file's record; files in no record are
//! skipped with a note. `--repo`, or a record around the current folder,
//! still decides when given.
mod common;
use common::*;

#[test]
fn check_and_fmt_find_the_record_from_the_files_they_are_given() {
    let top = Record::new()
        .copy(EN_BOARD, "board")
        .file("README.md", "# The repository\n")
        .build();
    let d = top.path();
    // No record here and no file named: the usual error, naming the record below.
    let out = pds_in(d, &["check"]);
    assert_eq!(out.status.code(), Some(2), "{}", stderr(&out));
    assert!(stderr(&out).contains("--repo board"), "{}", stderr(&out));

    // The files name the record; README.md is skipped with a note.
    let out = pds_in(d, &["check", "board/pds.yaml", "README.md"]);
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}{}",
        stdout(&out),
        stderr(&out)
    );
    assert!(stdout(&out).contains("0 errors"), "{}", stdout(&out));
    assert!(
        stderr(&out).contains("README.md is in no pds record"),
        "{}",
        stderr(&out)
    );
    let out = pds_in(d, &["fmt", "--check", "board/2022", "README.md"]);
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}{}",
        stdout(&out),
        stderr(&out)
    );

    // A case number used twice is found, and named from here.
    let case = std::fs::read_to_string(d.join("board/2022/01-22-approval-of-notice.md")).unwrap();
    std::fs::write(d.join("board/2022/01-22-approval-again.md"), case).unwrap();
    let out = pds_in(d, &["check", "board/2022/01-22-approval-again.md"]);
    assert_eq!(out.status.code(), Some(1), "{}", stdout(&out));
    assert!(stdout(&out).contains("duplicate-case"), "{}", stdout(&out));
    assert!(
        stdout(&out).contains("board/2022/01-22-approval-again.md"),
        "{}",
        stdout(&out)
    );

    // Only files in no record: nothing to check, exit 0.
    let out = pds_in(d, &["check", "README.md"]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));

    // Two records and a report for programs: which one is unclear, exit 2.
    let two = Record::new()
        .copy(EN_BOARD, "a")
        .copy(EN_BOARD, "b")
        .build();
    let out = pds_in(
        two.path(),
        &["check", "--format", "json", "a/pds.yaml", "b/pds.yaml"],
    );
    assert_eq!(out.status.code(), Some(2), "{}", stderr(&out));
    assert!(stderr(&out).contains("2 records"), "{}", stderr(&out));
    // Human output reports each.
    let out = pds_in(two.path(), &["check", "a/pds.yaml", "b/pds.yaml"]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert_eq!(
        stdout(&out).matches("0 errors").count(),
        2,
        "{}",
        stdout(&out)
    );
}
