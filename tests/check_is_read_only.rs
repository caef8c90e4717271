//! `pds check` only reads: whatever it reports, in any format, every file of
//! the record is byte for byte what it was, and no file is added or removed.

mod common;
use common::*;

#[test]
fn check_changes_no_file_of_the_record() {
    let dir = Record::new()
        .copy("cases", "cases")
        // A broken case too, so that the checker has something to report.
        .file(
            "cases/2021/48-21-ny-sak.md",
            "---\nnumber: 5/21\nmeeting: 9/2021\ntitel: Ny sak\n---\n",
        )
        .build();
    let record = dir.path().join("cases");
    let before = snapshot(&record).unwrap();
    assert!(before.len() > 50, "the copy holds the record");

    for args in [
        &["check"][..],
        &["check", "--format", "json"],
        &["check", "--format", "github"],
        &["check", "--deny-warnings", "-q"],
    ] {
        let out = output_within(
            pds_command(dir.path())
                .arg("--repo")
                .arg(&record)
                .args(args),
            HANG,
        );
        assert_eq!(out.status.code(), Some(1), "{args:?}: {out:?}");
        assert!(!out.stdout.is_empty(), "{args:?} reports the broken case");
        assert_eq!(
            snapshot(&record).unwrap(),
            before,
            "pds {args:?} changed the record"
        );
    }
}
