//! Red-team regressions for issues 11 and 12: what a hostile user or a
//! newcomer found broken in renumbering, freezing, attendance and calendar
//! invitations, each pinned by what the user notices.

#![expect(
    clippy::unwrap_used,
    clippy::indexing_slicing,
    reason = "a panic is how a test fails"
)]

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

/// The English example record committed on main in a fresh git repository.
fn repo() -> tempfile::TempDir {
    let dir = Record::copy_of(EN_BOARD).build();
    git(dir.path(), &["init", "-q", "-b", "main"]);
    git(dir.path(), &["add", "-A"]);
    git(dir.path(), &["commit", "-q", "-m", "record"]);
    dir
}

fn edit(dir: &Path, rel: &str, from: &str, to: &str) {
    let path = dir.join(rel);
    let text = std::fs::read_to_string(&path).unwrap();
    assert!(text.contains(from), "{rel} holds {from:?}");
    std::fs::write(path, text.replacen(from, to, 1)).unwrap();
}

const SHARING: &str = "2022/06-22-data-sharing-agreement.md";

/// A case made exempt since the base: `diff --public` must not publish its
/// former content as deleted text, and still says that it became exempt.
#[test]
fn diff_public_withholds_a_case_made_exempt_on_both_sides() {
    let dir = repo();
    let d = dir.path();
    edit(
        d,
        SHARING,
        "owner: Information governance\n",
        "owner: Information governance\nexempt: \"FOI s. 43\"\n",
    );
    for format in ["md", "html"] {
        let out = pds_in(
            d,
            &["diff", "--base", "main", "--public", "--format", format],
        );
        assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
        let text = stdout(&out);
        for secret in [
            "Information governance",
            "First reading",
            "retention periods",
            "Discharge letters",
            "asked for a version for decision",
        ] {
            assert!(!text.contains(secret), "{format}: {secret} in\n{text}");
        }
        assert!(text.contains("FOI s. 43"), "{format}:\n{text}");
    }
    let md = stdout(&pds_in(d, &["diff", "--base", "main", "--public"]));
    assert!(md.contains("| exempt |  | FOI s. 43 |"), "{md}");
}

/// An exempt case whose public title changed is a change in the public diff
/// (the withheld file's text is empty on both sides, and was taken for "as
/// it was").
#[test]
fn diff_public_shows_a_changed_title_of_an_exempt_case() {
    let dir = repo();
    let d = dir.path();
    edit(
        d,
        "2022/07-22-supplier-contract-renewal.md",
        "title: Supplier contract renewal\n",
        "title: Supplier contract renewal 2022\n",
    );
    let out = pds_in(d, &["diff", "--base", "main", "--public"]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let md = stdout(&out);
    assert!(
        md.contains("| title | Supplier contract renewal | Supplier contract renewal 2022 |"),
        "{md}"
    );
    assert!(!md.contains("the file is as it was"), "{md}");
    assert!(!md.contains("two years"), "{md}");
}

/// A mistyped end of an acknowledged run (`through: 60/2021` for 6/2021)
/// is reported, instead of quietly acknowledging every later meeting.
#[test]
fn an_acknowledged_run_ending_at_no_meeting_is_a_finding() {
    let dir = Record::new().copy("cases", "cases").build();
    let record = dir.path().join("cases");
    let board = std::fs::read_to_string(record.join("pds.yaml")).unwrap();
    assert!(board.contains("through: 6/2021"));
    write(
        &record,
        "pds.yaml",
        board.replace("through: 6/2021", "through: 60/2021"),
    );
    let out = pds_in(&record, &["check"]);
    assert_eq!(out.status.code(), Some(1), "{}", stderr(&out));
    let found = findings(&record);
    assert!(
        found
            .iter()
            .any(|(code, message, _)| code == "unknown-reference"
                && message.contains("through 60/2021 names meeting 60/2021")),
        "{found:?}"
    );
}

/// `check --base`: a meeting held (or approved) on the base cannot quietly
/// go back to planned (thawing its cases for the next pull request), and
/// the date and attendance of approved minutes are frozen like its cases.
#[test]
fn check_base_freezes_the_life_and_record_of_a_held_meeting() {
    let dir = repo();
    let d = dir.path();
    edit(d, "2022/meetings.yaml", "status: held", "status: approved");
    git(d, &["commit", "-q", "-am", "minutes of 1/2022 approved"]);
    let held_case_changed = |d: &Path| -> Vec<String> {
        let out = pds_in(d, &["check", "--base", "main", "--format", "json"]);
        assert_eq!(out.status.code(), Some(1), "{}", stdout(&out));
        let json: serde_json::Value = serde_json::from_str(&stdout(&out)).unwrap();
        json["findings"]
            .as_array()
            .unwrap()
            .iter()
            .filter(|f| f["code"] == "held-case-changed")
            .map(|f| f["message"].as_str().unwrap().to_string())
            .collect()
    };
    // Approved → planned, and held → cancelled.
    edit(
        d,
        "2022/meetings.yaml",
        "status: approved",
        "status: planned",
    );
    edit(d, "2022/meetings.yaml", "status: held", "status: cancelled");
    let found = held_case_changed(d);
    assert!(
        found.contains(
            &"meeting 1/2022 is `planned` here, but it is `approved` on main".to_string()
        ),
        "{found:?}"
    );
    assert!(
        found.contains(&"meeting 2/2022 is `cancelled` here, but it is `held` on main".to_string()),
        "{found:?}"
    );
    git(d, &["checkout", "-q", "--", "."]);
    // The approved meeting's date and attendance.
    edit(
        d,
        "2022/meetings.yaml",
        "date: 2022-02-10",
        "date: 2022-02-11",
    );
    edit(
        d,
        "2022/meetings.yaml",
        "Ben Okafor, Chloe Dubois",
        "Chloe Dubois",
    );
    let found = held_case_changed(d);
    assert_eq!(
        found,
        ["the date and attendance of meeting 1/2022 changed, but its minutes are approved on main"],
    );
}

/// Cancelling a meeting is a new version of its invitation: with the same
/// SEQUENCE (and DTSTAMP) a calendar that has the event keeps it confirmed.
#[test]
fn a_cancelled_meeting_gets_a_new_sequence() {
    let dir = repo();
    let d = dir.path();
    let invite = |d: &Path| {
        let out = pds_in(d, &["render", "invite", "3/2022"]);
        assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
        stdout(&out)
    };
    let before = invite(d);
    assert!(before.contains("\r\nSEQUENCE:0\r\n"), "{before}");
    assert!(before.contains("\r\nSTATUS:CONFIRMED\r\n"), "{before}");
    edit(
        d,
        "2022/meetings.yaml",
        "status: planned",
        "status: cancelled",
    );
    let uncommitted = invite(d);
    assert!(
        uncommitted.contains("\r\nSTATUS:CANCELLED\r\n"),
        "{uncommitted}"
    );
    assert!(uncommitted.contains("\r\nSEQUENCE:1\r\n"), "{uncommitted}");
    git(d, &["commit", "-q", "-am", "3/2022 cancelled"]);
    assert!(invite(d).contains("\r\nSEQUENCE:1\r\n"));
    // Proposed again (TENTATIVE): another version.
    edit(
        d,
        "2022/meetings.yaml",
        "status: cancelled",
        "status: proposed",
    );
    let tentative = invite(d);
    assert!(
        tentative.contains("\r\nSTATUS:TENTATIVE\r\n"),
        "{tentative}"
    );
    assert!(tentative.contains("\r\nSEQUENCE:2\r\n"), "{tentative}");
}

/// A `time` that is no time span (`23:00-01:00`, a typo) is reported by
/// `check`; the invitation must not turn the meeting into an all-day event.
#[test]
fn an_unreadable_time_is_refused_by_invite_not_made_all_day() {
    let dir = Record::copy_of(EN_BOARD).build();
    let meetings = std::fs::read_to_string(dir.path().join("2022/meetings.yaml")).unwrap();
    write(
        dir.path(),
        "2022/meetings.yaml",
        meetings.replace("time: \"13:00-15:00\"", "time: \"13:00-1500\""),
    );
    assert!(findings(dir.path())
        .iter()
        .any(|(code, message, _)| code == "invalid-value" && message.contains("13:00-1500")));
    let out = pds_in(dir.path(), &["render", "invite", "3/2022"]);
    assert_eq!(out.status.code(), Some(2), "{}", stdout(&out));
    assert!(!stdout(&out).contains("VALUE=DATE"), "{}", stdout(&out));
    assert!(
        stderr(&out).contains("meeting 3/2022's `time` in 2022/meetings.yaml is not a time span"),
        "{}",
        stderr(&out)
    );
}

/// A decision written on a case of a meeting that was cancelled is a
/// finding, and the decisions register does not list it as decided on that
/// date.
#[test]
fn a_decision_of_a_cancelled_meeting_is_a_finding_and_not_in_the_register() {
    let dir = Record::copy_of(EN_BOARD).build();
    let d = dir.path();
    edit(
        d,
        "2022/meetings.yaml",
        "status: planned",
        "status: cancelled",
    );
    edit(
        d,
        "2022/10-22-data-sharing-agreement-for-decision.md",
        "type: Decision\n",
        "type: Decision\ndecision: The agreement was approved.\n",
    );
    let found = findings(d);
    assert!(
        found
            .iter()
            .any(|(code, message, _)| code == "invalid-value"
                && message == "case 10/22 records a decision, but meeting 3/2022 is cancelled"),
        "{found:?}"
    );
    let out = pds_in(d, &["render", "decisions", "2022"]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert!(
        !stdout(&out).contains("The agreement was approved."),
        "{}",
        stdout(&out)
    );
    assert!(stdout(&out).contains("| 8/22 |"), "{}", stdout(&out));
}

/// A case kept private (rw-------) stays private when `renumber` or
/// `schedule` moves it to its new file name (it became rw-r--r--).
#[cfg(unix)]
#[test]
fn renumber_and_schedule_keep_a_private_file_private() {
    use std::os::unix::fs::PermissionsExt;
    let dir = Record::copy_of(EN_BOARD).build();
    let d = dir.path();
    let private = std::fs::Permissions::from_mode(0o600);
    for rel in [
        "2022/10-22-data-sharing-agreement-for-decision.md",
        "drafts/digital-strategy.md",
    ] {
        std::fs::set_permissions(d.join(rel), private.clone()).unwrap();
    }
    let out = pds_in(d, &["renumber", "10/22", "13/22"]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let out = pds_in(
        d,
        &[
            "schedule",
            "digital-strategy",
            "--meeting",
            "3/2022",
            "--type",
            "Decision",
        ],
    );
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    for rel in [
        "2022/13-22-data-sharing-agreement-for-decision.md",
        "2022/14-22-digital-strategy.md",
    ] {
        let mode = std::fs::metadata(d.join(rel)).unwrap().permissions().mode();
        assert_eq!(mode & 0o777, 0o600, "{rel}: {mode:o}");
    }
}
