//! A record with 200 gaps in its case numbers: human and github output show
//! 50 of them and count the rest in one line; JSON lists every one.
#![expect(clippy::unwrap_used, reason = "a panic is how a test fails")]

mod common;
use common::*;

/// Cases 1/21, 3/21, 5/21, … 401/21: 200 gaps of one number each (a longer
/// run of missing numbers is one finding).
fn record() -> tempfile::TempDir {
    let mut record = Record::new().file("pds.yaml", "board: B\n").file(
        "2021/meetings.yaml",
        "- { number: 1/2021, date: 2021-02-12 }\n",
    );
    for n in (1..=401).step_by(2) {
        record = record.file(
            &format!("2021/{n:02}-21-sak.md"),
            format!("---\nnumber: {n}/21\nmeeting: 1/2021\ntitle: Sak\ntype: Orientering\n---\n"),
        );
    }
    record.build()
}

fn check(root: &std::path::Path, format: &str) -> (Option<i32>, String) {
    let out = pds(&[
        "--repo",
        root.to_str().unwrap(),
        "check",
        "--format",
        format,
    ]);
    (out.status.code(), stdout(&out))
}

#[test]
fn human_output_shows_50_gaps_and_counts_the_other_150() {
    let dir = record();
    let (code, out) = check(dir.path(), "human");
    assert_eq!(code, Some(1), "{out}");
    assert_eq!(out.matches("is carried by no case").count(), 50, "{out}");
    let mut shown: Vec<&str> = out
        .lines()
        .filter_map(|l| l.trim().strip_prefix("× case number "))
        .collect();
    shown.sort_unstable();
    shown.dedup();
    assert_eq!(shown.len(), 50, "50 different gaps: {shown:?}");
    assert!(
        out.contains("\n… and 150 more case-gap findings (--format json lists them all)\n"),
        "{out}"
    );
    assert_eq!(out.matches("… and").count(), 1, "{out}");
    // The summary still counts every finding.
    assert!(
        out.ends_with("error: 200 errors, 0 warnings, 0 acknowledged in 203 files\n"),
        "{out}"
    );
}

#[test]
fn github_output_annotates_50_gaps_and_notes_the_other_150() {
    let dir = record();
    let (code, out) = check(dir.path(), "github");
    assert_eq!(code, Some(1), "{out}");
    assert_eq!(
        out.lines().filter(|l| l.starts_with("::error ")).count(),
        50,
        "{out}"
    );
    assert_eq!(
        out.lines().last(),
        Some("::notice title=case-gap::… and 150 more case-gap findings (--format json lists them all)")
    );
}

#[test]
fn json_output_lists_all_200() {
    let dir = record();
    let (code, out) = check(dir.path(), "json");
    assert_eq!(code, Some(1), "{out}");
    let json: serde_json::Value = serde_json::from_str(&out).unwrap();
    let findings = json["findings"].as_array().unwrap();
    assert_eq!(findings.len(), 200);
    assert!(findings.iter().all(|f| f["code"] == "case-gap"));
    assert_eq!(json["summary"]["errors"], 200);
    assert!(!out.contains("more case-gap"), "{out}");
}
