//! The one write path (issue 9, items 1, 2 and the `new`/`schedule` part of
//! 14): `new meeting` and `schedule` edit values through the YAML tree, so
//! every valid file stays valid and means what was asked; what pds writes
//! loads back as written; names are printed with control characters escaped.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing,
    reason = "a panic is how a test fails"
)] // a panic is how a test fails

mod common;
use common::*;
use std::path::Path;

/// A record of a board with the default case types and one meetings.yaml.
fn record(meetings: &str) -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("pds.yaml"), "board: Styret\n").unwrap();
    std::fs::create_dir_all(dir.path().join("2030")).unwrap();
    std::fs::write(dir.path().join("2030/meetings.yaml"), meetings).unwrap();
    dir
}

fn json(d: &Path, args: &[&str]) -> serde_json::Value {
    let out = pds_in(d, args);
    assert_eq!(out.status.code(), Some(0), "{args:?}: {}", stderr(&out));
    serde_json::from_slice(&out.stdout).unwrap()
}

/// `pds check` finds no error.
fn check_clean(d: &Path) {
    let out = pds_in(d, &["check", "--format", "json"]);
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(json["summary"]["errors"], 0, "{json:#}");
}

fn meetings(d: &Path) -> Vec<(String, String, String)> {
    json(d, &["list", "meetings", "--format", "json"])
        .as_array()
        .unwrap()
        .iter()
        .map(|m| {
            (
                m["number"].as_str().unwrap().to_string(),
                m["date"].as_str().unwrap().to_string(),
                m["place"].as_str().unwrap_or("").to_string(),
            )
        })
        .collect()
}

#[test]
fn new_meeting_adds_a_meeting_to_every_valid_style_of_meetings_yaml() {
    let one = "number: 1/2030\n  date: 2030-01-10";
    for (style, text, before) in [
        (
            "flow",
            "[{number: 1/2030, date: 2030-01-10}]\n".to_string(),
            1,
        ),
        (
            "flow, over lines",
            "[\n  {number: 1/2030, date: 2030-01-10},\n] # end\n".into(),
            1,
        ),
        ("empty flow", "[]\n".into(), 0),
        (
            "indented",
            format!("  - {}\n", one.replace("\n  ", "\n    ")),
            1,
        ),
        ("ended with ...", format!("- {one}\n...\n"), 1),
        ("null", "~\n".into(), 0),
        ("comments only", "# none yet\n".into(), 0),
        ("CRLF", format!("- {one}\r\n").replace("\n  ", "\r\n  "), 1),
        ("no final newline", format!("- {one}"), 1),
    ] {
        let dir = record(&text);
        let d = dir.path();
        assert_eq!(
            meetings(d).len(),
            before,
            "{style}: the file is valid before"
        );
        let out = pds_in(
            d,
            &["new", "meeting", "--date", "2030-06-01", "--place", "Rom 2"],
        );
        assert_eq!(out.status.code(), Some(0), "{style}: {}", stderr(&out));
        let number = format!("{}/2030", before + 1);
        assert_eq!(stdout(&out), format!("{number}\n"), "{style}");
        let now = meetings(d);
        assert_eq!(now.len(), before + 1, "{style}: {now:?}");
        assert_eq!(
            now.last().unwrap(),
            &(number, "2030-06-01".to_string(), "Rom 2".to_string()),
            "{style}"
        );
        check_clean(d);
    }
}

#[test]
fn control_characters_in_title_and_place_are_written_as_escapes_and_read_back() {
    let dir = record("# Meetings\n");
    let d = dir.path();
    let place = "Rom 2\n- number: 9/2030\n  date: 2030-12-01\r\u{1b}[31m";
    let out = pds_in(
        d,
        &["new", "meeting", "--date", "2030-06-01", "--place", place],
    );
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let text = std::fs::read_to_string(d.join("2030/meetings.yaml")).unwrap();
    assert!(!text.contains('\u{1b}') && !text.contains('\r'), "{text:?}");
    assert_eq!(
        meetings(d),
        [(
            "1/2030".to_string(),
            "2030-06-01".to_string(),
            place.to_string()
        )],
        "one meeting, its place exactly as given"
    );

    let title = "Budsjett\n---\nstatus: decided\t\u{7f}";
    let out = pds_in(
        d,
        &[
            "new",
            "case",
            "--title",
            title,
            "--meeting",
            "1/2030",
            "--type",
            "Drøfting",
        ],
    );
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let cases = json(d, &["list", "cases", "--format", "json"]);
    assert_eq!(cases.as_array().unwrap().len(), 1, "{cases:#}");
    assert_eq!(cases[0]["title"], title.trim());
    assert_eq!(cases[0]["status"], "ready");
    assert_eq!(cases[0]["number"], "1/30");
}

#[test]
fn schedule_sees_every_spelling_of_a_draft_and_writes_a_case_that_loads() {
    let drafts = [
        (
            "quoted",
            "---\ntitle: A\ntype: Drøfting\nstatus: \"draft\"\n---\nBody A\n",
        ),
        (
            "comment",
            "---\ntitle: B\ntype: Drøfting\nstatus: draft # not yet\n---\nBody B\n",
        ),
        (
            "quoted key",
            "---\n\"status\": draft\ntitle: C\n\"type\": Drøfting\n---\nBody C\n",
        ),
        (
            "flow",
            "---\n{title: D, status: draft, type: Drøfting}\n---\nBody D\n",
        ),
        (
            "indented",
            "---\n  title: E\n  type: Drøfting\n  status: 'draft'\n---\nBody E\n",
        ),
    ];
    let dir = record("- number: 1/2030\n  date: 2030-01-10\n");
    let d = dir.path();
    std::fs::create_dir_all(d.join("drafts")).unwrap();
    for (i, (_, text)) in drafts.iter().enumerate() {
        std::fs::write(d.join(format!("drafts/d{i}.md")), text).unwrap();
    }
    for (i, (style, text)) in drafts.iter().enumerate() {
        let out = pds_in(d, &["schedule", &format!("d{i}"), "--meeting", "1/2030"]);
        assert_eq!(out.status.code(), Some(0), "{style}: {}", stderr(&out));
        let number = format!("{}/30", i + 1);
        let rel = format!("2030/{:02}-30-d{i}.md", i + 1);
        assert_eq!(stdout(&out), format!("{number} {rel}\n"), "{style}");
        assert!(
            !d.join(format!("drafts/d{i}.md")).exists(),
            "{style}: draft moved"
        );
        let written = std::fs::read_to_string(d.join(&rel)).unwrap();
        let body = text.rsplit("---\n").next().unwrap();
        assert!(
            written.ends_with(&format!("---\n{body}")),
            "{style}: {written}"
        );
    }
    let cases = json(d, &["list", "cases", "--format", "json"]);
    let got: Vec<(String, String, String)> = cases
        .as_array()
        .unwrap()
        .iter()
        .map(|c| {
            (
                c["number"].as_str().unwrap().into(),
                c["meeting"].as_str().unwrap_or("").into(),
                c["status"].as_str().unwrap().into(),
            )
        })
        .collect();
    let want: Vec<(String, String, String)> = (1..=drafts.len())
        .map(|n| (format!("{n}/30"), "1/2030".into(), "ready".into()))
        .collect();
    assert_eq!(got, want, "every draft numbered, on the agenda and ready");
    check_clean(d);
}

#[test]
fn names_with_control_characters_are_printed_escaped() {
    let dir = record("- number: 1/2030\n  date: 2030-01-10\n");
    let d = dir.path();
    std::fs::create_dir_all(d.join("drafts")).unwrap();
    let name = "red\u{1b}[31m";
    std::fs::write(
        d.join(format!("drafts/{name}.md")),
        "---\ntitle: R\ntype: Drøfting\nstatus: draft\n---\n",
    )
    .unwrap();
    let out = pds_in(d, &["schedule", "drafts/none", "--meeting", "1/2030"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(!stderr(&out).contains('\u{1b}'), "{:?}", stderr(&out));
    assert!(
        stderr(&out).contains("red\\u{1b}[31m"),
        "{:?}",
        stderr(&out)
    );
    let out = pds_in(
        d,
        &[
            "schedule",
            &format!("drafts/{name}.md"),
            "--meeting",
            "1/2030",
        ],
    );
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert_eq!(stdout(&out), "1/30 2030/01-30-red\\u{1b}[31m.md\n");
}
