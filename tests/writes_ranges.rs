//! Numbers and years pds writes are ones `pds check` reads (issue 9, item 7).
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing,
    reason = "a panic is how a test fails"
)] // a panic is how a test fails

mod common;
use common::*;

fn record() -> tempfile::TempDir {
    Record::copy_of(EN_BOARD).build()
}

#[test]
fn a_meeting_outside_the_years_1000_to_9999_is_refused() {
    let dir = record();
    let d = dir.path();
    let before = snapshot(d).unwrap();
    for date in ["0999-01-01", "0001-06-01", "10000-01-01"] {
        let out = pds_in(d, &["new", "meeting", "--date", date]);
        assert_eq!(out.status.code(), Some(2), "{date}: {}", stderr(&out));
        assert!(stderr(&out).contains("1000"), "{date}: {}", stderr(&out));
    }
    assert_eq!(snapshot(d).unwrap(), before, "nothing written");
    let out = pds_in(d, &["new", "meeting", "--date", "1000-01-01"]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert!(d.join("1000/meetings.yaml").is_file());
}

#[test]
fn no_case_number_check_would_reject_is_handed_out() {
    let dir = record();
    let d = dir.path();
    // A meeting in 1999: its cases would be n/99, which check reads as 2099.
    std::fs::create_dir_all(d.join("1999")).unwrap();
    std::fs::write(
        d.join("1999/meetings.yaml"),
        "- number: 1/1999\n  date: 1999-03-01\n",
    )
    .unwrap();
    let before = snapshot(d).unwrap();
    let out = pds_in(
        d,
        &[
            "new",
            "case",
            "--title",
            "Y2K",
            "--meeting",
            "1/1999",
            "--type",
            "Discussion",
        ],
    );
    assert_eq!(out.status.code(), Some(2), "{}", stderr(&out));
    assert!(stderr(&out).contains("2000–2099"), "{}", stderr(&out));
    assert_eq!(snapshot(d).unwrap(), before);

    // The highest number check reads has nine digits.
    let last = d.join("2022/12-22-any-other-business.md");
    let text = std::fs::read_to_string(&last).unwrap();
    std::fs::write(
        &last,
        text.replacen("number: 12/22", "number: 999999999/22", 1),
    )
    .unwrap();
    let renamed = d.join("2022/999999999-22-any-other-business.md");
    std::fs::rename(&last, &renamed).unwrap();
    let before = snapshot(d).unwrap();
    for args in [
        &["next", "--year", "2022"][..],
        &[
            "new",
            "case",
            "--title",
            "Over",
            "--meeting",
            "3/2022",
            "--type",
            "Discussion",
        ],
    ] {
        let out = pds_in(d, args);
        assert_eq!(out.status.code(), Some(2), "{args:?}: {}", stdout(&out));
        assert!(
            stderr(&out).contains("no number is left"),
            "{}",
            stderr(&out)
        );
        assert_eq!(stdout(&out), "");
    }
    assert_eq!(snapshot(d).unwrap(), before);
}
