//! (c) The whole check over a one-file record: the input is written as a
//! case file into a record with a fixed pds.yaml and meetings.yaml, loaded,
//! checked, and printed in every format.
#![no_main]

use libfuzzer_sys::fuzz_target;
use std::path::PathBuf;
use std::sync::OnceLock;

const BOARD: &str = "board: Fuzz\nmembers:\n  - { name: Ada, org: Org }\nchair: { name: Ada, org: Org }\nstanding_items: { first: Godkjenning, last: Eventuelt }\nacknowledged:\n  - { finding: case-gap, number: 2/21, note: Kjent. }\n";
const MEETINGS: &str = "- number: 1/2021\n  date: 2021-02-12\n  time: \"13:00-15:00\"\n- number: 2/2021\n  date: 2021-03-12\n  status: held\n";

/// One record for the whole run; each input overwrites its case file.
fn record() -> &'static PathBuf {
    static RECORD: OnceLock<(tempfile::TempDir, PathBuf)> = OnceLock::new();
    &RECORD
        .get_or_init(|| {
            let dir = tempfile::tempdir().unwrap();
            let root = dir.path().join("record");
            std::fs::create_dir_all(root.join("2021")).unwrap();
            std::fs::write(root.join("pds.yaml"), BOARD).unwrap();
            std::fs::write(root.join("2021/meetings.yaml"), MEETINGS).unwrap();
            (dir, root)
        })
        .1
}

fuzz_target!(|data: &[u8]| {
    let root = record();
    std::fs::write(root.join("2021/01-21-fuzz.md"), data).unwrap();
    let (record, findings) = pds::load::load(root);
    let findings = pds::check::check(&record, findings);
    assert!(
        findings
            .iter()
            .all(|f| f.at.offset <= f.at.file.text().len()),
        "a finding points past the end of its file"
    );
    let summary = pds::report::Summary::of(&findings, record.files);
    let _ = pds::report::json::render(&findings, &summary);
    let _ = pds::report::github::render(&findings, "", pds::report::MAX_PER_CODE);
    let _ = pds::report::human::render(
        &findings,
        &summary,
        false,
        80,
        pds::report::MAX_PER_CODE,
        "",
    );
});
