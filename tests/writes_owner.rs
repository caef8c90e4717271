//! A rewritten file keeps its owner, group and mode (issue 9, item 6).
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
use std::os::unix::fs::{MetadataExt, PermissionsExt};

#[test]
fn fmt_and_new_meeting_keep_owner_group_and_mode() {
    let dir = Record::copy_of(EN_BOARD).build();
    let d = dir.path();
    // One file for `fmt` to rewrite (a number it normalises), one for `new meeting`.
    let case = d.join("2022/04-22-any-other-business.md");
    let text = std::fs::read_to_string(&case).unwrap();
    std::fs::write(&case, text.replacen("number: 4/22", "number: 04/22", 1)).unwrap();
    let meetings = d.join("2022/meetings.yaml");
    let is_root = std::fs::metadata(d).unwrap().uid() == 0;
    let (uid, gid) = if is_root {
        (4321, 8765)
    } else {
        eprintln!("not root: owner and group cannot be changed, only the mode is tested");
        let m = std::fs::metadata(d).unwrap();
        (m.uid(), m.gid())
    };
    for f in [&case, &meetings] {
        if is_root {
            std::os::unix::fs::chown(f, Some(uid), Some(gid)).unwrap();
        }
        std::fs::set_permissions(f, std::fs::Permissions::from_mode(0o640)).unwrap();
    }
    let out = pds_in(d, &["fmt", "2022/04-22-any-other-business.md"]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert!(
        std::fs::read_to_string(&case)
            .unwrap()
            .contains("number: 4/22"),
        "rewritten"
    );
    let out = pds_in(d, &["new", "meeting", "--date", "2022-12-01"]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert!(
        std::fs::read_to_string(&meetings)
            .unwrap()
            .contains("4/2022"),
        "rewritten"
    );
    for f in [&case, &meetings] {
        let m = std::fs::metadata(f).unwrap();
        assert_eq!(
            (m.uid(), m.gid(), m.mode() & 0o7777),
            (uid, gid, 0o640),
            "{}",
            f.display()
        );
    }
}
