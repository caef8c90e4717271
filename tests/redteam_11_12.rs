//! Red-team regressions for issues 11 and 12: what a hostile user or a
//! newcomer found broken in renumbering, freezing, attendance and calendar
//! invitations, each pinned by what the user notices.

#![expect(clippy::unwrap_used, reason = "a panic is how a test fails")]

mod common;
use common::*;
use std::path::Path;

/// `check --format json`'s findings: (code, message, file:line) each.
fn findings(dir: &Path) -> Vec<(String, String, String)> {
    let out = pds_in(dir, &["check", "--format", "json"]);
    let json: serde_json::Value = serde_json::from_str(&stdout(&out)).unwrap();
    json["findings"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| {
            (
                f["code"].as_str().unwrap_or_default().to_string(),
                f["message"].as_str().unwrap_or_default().to_string(),
                format!("{}:{}", f["file"].as_str().unwrap_or_default(), f["line"]),
            )
        })
        .collect()
}

/// An unknown `timezone:` is reported by `check`; an invitation must not
/// quietly put the meeting in Europe/Oslo (an hour off for a London board).
#[test]
fn an_unknown_timezone_is_refused_by_invite_not_replaced_by_oslo() {
    let dir = Record::copy_of(EN_BOARD).build();
    let board = std::fs::read_to_string(dir.path().join("pds.yaml")).unwrap();
    write(
        dir.path(),
        "pds.yaml",
        board.replace("timezone: Europe/London", "timezone: Europe/Londn"),
    );
    let found = findings(dir.path());
    assert!(
        found
            .iter()
            .any(|(code, message, _)| code == "invalid-value" && message.contains("Europe/Londn")),
        "{found:?}"
    );
    let out = pds_in(dir.path(), &["render", "invite", "3/2022"]);
    assert_eq!(out.status.code(), Some(2), "{}", stdout(&out));
    assert!(!stdout(&out).contains("Europe/Oslo"), "{}", stdout(&out));
    assert!(
        stderr(&out).contains("timezone `Europe/Londn`"),
        "{}",
        stderr(&out)
    );
}

/// A name listed twice in `present` (or `absent`) is a finding, not a
/// person printed twice in the minutes.
#[test]
fn a_name_listed_twice_in_attendance_is_a_finding() {
    let dir = Record::copy_of(EN_BOARD).build();
    let meetings = std::fs::read_to_string(dir.path().join("2022/meetings.yaml")).unwrap();
    write(
        dir.path(),
        "2022/meetings.yaml",
        meetings.replace(
            "present: [Alice Morgan, Chloe Dubois,",
            "present: [Alice Morgan, Chloe Dubois, Alice Morgan,",
        ),
    );
    assert_eq!(pds_in(dir.path(), &["check"]).status.code(), Some(1));
    let found = findings(dir.path());
    assert!(
        found.contains(&(
            "invalid-value".into(),
            "`Alice Morgan` is listed twice in `present` of meeting 2/2022".into(),
            "2022/meetings.yaml:14".into()
        )),
        "{found:?}"
    );
}
