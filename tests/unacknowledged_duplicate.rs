//! The "done when": take the real record, remove its acknowledgement
//! of the duplicate 5/21, and `pds check` fails naming both 5/21 files, in
//! every output format.
#![expect(
    clippy::unwrap_used,
    clippy::panic,
    clippy::indexing_slicing,
    reason = "a panic is how a test fails"
)]

mod common;
use common::*;
use std::path::Path;
use std::process::Output;

// "Plan for prosjektene …" is the first 5/21 (`tie_order: 1`), as in the source.
const FIRST: &str = "2021/05-21-plan-for-prosjektene-tillitstjenester-api-og-grunndata-og.md";
const SECOND: &str = "2021/05-21-kommunikasjonsstrategi.md";

/// `pds.yaml` without the list item that acknowledges `duplicate-case 5/21`.
fn without_acknowledgement_of_5_21(yaml: &str) -> Option<String> {
    let lines: Vec<&str> = yaml.lines().collect();
    let start = lines.windows(2).position(|w| {
        w[0].trim() == "- finding: duplicate-case" && w[1].trim() == "number: 5/21"
    })?;
    let end = (start + 1..lines.len())
        .find(|&i| !lines[i].starts_with("    "))
        .unwrap_or(lines.len());
    let mut kept: Vec<&str> = lines[..start].to_vec();
    kept.extend(&lines[end..]);
    Some(kept.join("\n") + "\n")
}

/// A temporary folder holding a copy of `cases/` without the acknowledgement of 5/21.
fn record() -> tempfile::TempDir {
    let yaml = std::fs::read_to_string(root().join("cases/pds.yaml")).unwrap();
    let edited = without_acknowledgement_of_5_21(&yaml);
    let edited = edited.unwrap_or_else(|| panic!("no acknowledgement of 5/21 in\n{yaml}"));
    assert!(!edited.contains("number: 5/21"), "{edited}");
    assert!(edited.contains("number: 22/21"), "only 5/21 is removed");
    assert_eq!(edited.lines().count(), yaml.lines().count() - 3);
    Record::new()
        .copy("cases", "cases")
        .file("cases/pds.yaml", edited)
        .build()
}

/// Runs `pds --repo cases check <args>` from the record's parent, as CI does.
fn check(dir: &Path, args: &[&str]) -> std::io::Result<Output> {
    pds_command(dir)
        .args(["--repo", "cases", "check"])
        .args(args)
        .output()
}

#[test]
fn human_output_names_both_files_and_fails() {
    let dir = record();
    let out = check(dir.path(), &["--color", "never"]).unwrap();
    let stdout = String::from_utf8(out.stdout).unwrap();
    assert_eq!(out.status.code(), Some(1), "{stdout}");
    assert!(
        stdout.contains("  × case number 5/21 is used by 2 cases\n"),
        "an error, not acknowledged:\n{stdout}"
    );
    assert!(
        stdout.contains(&format!("╭─[cases/{SECOND}:2:9]")),
        "paths open from where pds ran: {stdout}"
    );
    assert!(
        stdout.contains(&format!("╭─[cases/{FIRST}:2:9]")),
        "{stdout}"
    );
    assert!(
        stdout.contains("\nerror: 1 error, 0 warnings, 9 acknowledged in "),
        "{stdout}"
    );
}

#[test]
fn json_output_names_both_files_and_fails() {
    let dir = record();
    let out = check(dir.path(), &["--format", "json"]).unwrap();
    assert_eq!(out.status.code(), Some(1));
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let errors: Vec<&serde_json::Value> = json["findings"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|f| f["acknowledged"] == false)
        .collect();
    assert_eq!(errors.len(), 1, "{json:#}");
    let f = errors[0];
    assert_eq!(f["code"], "duplicate-case");
    assert_eq!(f["severity"], "error");
    assert_eq!(f["message"], "case number 5/21 is used by 2 cases");
    assert_eq!(
        (&f["file"], &f["line"], &f["column"]),
        (&SECOND.into(), &2.into(), &9.into())
    );
    assert_eq!(f["related"][0]["file"], FIRST);
    assert_eq!(f["related"][0]["line"], 2);
    assert_eq!(f["related"][0]["column"], 9);
    let summary = &json["summary"];
    assert_eq!(
        (
            &summary["errors"],
            &summary["warnings"],
            &summary["acknowledged"]
        ),
        (&1.into(), &0.into(), &9.into())
    );
    assert!(
        summary["files"].as_u64().unwrap() > 50,
        "every file of cases/ is counted"
    );
}

#[test]
fn github_output_names_both_files_and_fails() {
    let dir = record();
    let out = check(dir.path(), &["--format", "github"]).unwrap();
    assert_eq!(out.status.code(), Some(1));
    let stdout = String::from_utf8(out.stdout).unwrap();
    let errors: Vec<&str> = stdout
        .lines()
        .filter(|l| l.starts_with("::error "))
        .collect();
    assert_eq!(errors.len(), 1, "{stdout}");
    // Paths from where CI runs: the checkout's top, above cases/.
    assert!(
        errors[0].starts_with(&format!(
            "::error file=cases/{SECOND},line=2,col=9,title=duplicate-case::case number 5/21 is used by 2 cases%0A"
        )),
        "{stdout}"
    );
    assert!(
        errors[0].contains(&format!("%0Acases/{FIRST}:2:9: first used here")),
        "{stdout}"
    );
}
