//! Writes stay inside the record (issue 9, item 5), by the rule reads use: a
//! year folder, drafts/ or templates/ that is a link out of the record is
//! refused, exit 2, and nothing is written where it points.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing,
    reason = "a panic is how a test fails"
)] // a panic is how a test fails
#![cfg(unix)]

mod common;
use common::*;

fn record() -> tempfile::TempDir {
    let dir = Record::new().copy(EN_BOARD, "rec").build();
    std::fs::create_dir_all(dir.path().join("outside")).unwrap();
    dir
}

#[test]
fn a_folder_linked_out_of_the_record_is_never_written_through() {
    for (folder, args) in [
        ("2031", &["new", "meeting", "--date", "2031-01-15"][..]),
        (
            "drafts",
            &["new", "case", "--title", "Out", "--type", "Discussion"][..],
        ),
        ("templates", &["templates", "eject"][..]),
    ] {
        let dir = record();
        let (rec, outside) = (dir.path().join("rec"), dir.path().join("outside"));
        let _ = std::fs::remove_dir_all(rec.join(folder));
        std::os::unix::fs::symlink(&outside, rec.join(folder)).unwrap();
        let before = snapshot(&rec).unwrap();
        let out = pds_in(&rec, args);
        assert_eq!(out.status.code(), Some(2), "{folder}: {}", stderr(&out));
        assert!(
            stderr(&out).contains(&format!(
                "{folder}/ is a link to a folder outside the record"
            )),
            "{folder}: {}",
            stderr(&out)
        );
        assert_eq!(
            std::fs::read_dir(&outside).unwrap().count(),
            0,
            "{folder}: nothing written outside the record"
        );
        assert_eq!(snapshot(&rec).unwrap(), before, "{folder}");
    }
}

#[test]
fn a_linked_year_folder_inside_the_record_is_refused_as_check_would_not_read_it() {
    let dir = record();
    let rec = dir.path().join("rec");
    std::fs::create_dir_all(rec.join("elsewhere")).unwrap();
    std::os::unix::fs::symlink(rec.join("elsewhere"), rec.join("2031")).unwrap();
    let out = pds_in(&rec, &["new", "meeting", "--date", "2031-01-15"]);
    assert_eq!(out.status.code(), Some(2), "{}", stderr(&out));
    assert!(stderr(&out).contains("`pds check` does not read through linked folders"));
    assert_eq!(std::fs::read_dir(rec.join("elsewhere")).unwrap().count(), 0);
}
