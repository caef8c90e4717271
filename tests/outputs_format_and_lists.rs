//! Issue 11, item 11: `-o FILE` takes its format from the extension when
//! `--format` is not given (a contradicting `--format` is exit 2); `list
//! risks`, `list actions` and `list decisions`, escaped for the terminal.

mod common;
use common::*;

#[test]
fn the_extension_of_o_picks_the_format() {
    let rec = Record::copy_of(EN_BOARD).build();
    let d = rec.path();
    let out_dir = tempfile::tempdir().unwrap();
    let html = out_dir.path().join("notice.html");
    let out = pds_in(
        d,
        &["render", "notice", "1/2022", "-o", html.to_str().unwrap()],
    );
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let written = std::fs::read_to_string(&html).unwrap();
    assert!(written.starts_with("<!DOCTYPE html>"), "{written}");

    let md = out_dir.path().join("notice.md");
    let out = pds_in(
        d,
        &["render", "notice", "1/2022", "-o", md.to_str().unwrap()],
    );
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert!(!std::fs::read_to_string(&md).unwrap().contains("<html"));

    // An explicit --format that contradicts the extension: exit 2, nothing written.
    let clash = out_dir.path().join("clash.pdf");
    let out = pds_in(
        d,
        &[
            "render",
            "notice",
            "1/2022",
            "--format",
            "html",
            "-o",
            clash.to_str().unwrap(),
        ],
    );
    assert_eq!(out.status.code(), Some(2), "{}", stderr(&out));
    assert!(
        stderr(&out).contains("leave out --format"),
        "{}",
        stderr(&out)
    );
    assert!(!clash.exists());

    // An invite is iCalendar: .ics is fine, .html is exit 2.
    let ics = out_dir.path().join("invite.ics");
    let out = pds_in(
        d,
        &["render", "invite", "1/2022", "-o", ics.to_str().unwrap()],
    );
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert!(std::fs::read_to_string(&ics)
        .unwrap()
        .contains("BEGIN:VCALENDAR"));
    let bad = out_dir.path().join("invite.html");
    let out = pds_in(
        d,
        &["render", "invite", "1/2022", "-o", bad.to_str().unwrap()],
    );
    assert_eq!(out.status.code(), Some(2), "{}", stderr(&out));
    assert!(!bad.exists());
    // .ics is for an invite only.
    let out = pds_in(
        d,
        &["render", "notice", "1/2022", "-o", ics.to_str().unwrap()],
    );
    assert_eq!(out.status.code(), Some(2), "{}", stderr(&out));
}

#[test]
fn list_decisions_is_every_decided_case_in_number_order() {
    let rec = Record::copy_of(EN_BOARD).build();
    let d = rec.path();
    let out = pds_in(d, &["list", "decisions"]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let text = stdout(&out);
    let lines: Vec<&str> = text.lines().collect();
    assert!(lines[0].starts_with("NUMBER  MEETING  DATE"), "{text}");
    assert!(lines[1].starts_with("1/22"), "{text}");
    assert!(
        text.contains("The board approved the budget for 2022."),
        "{text}"
    );

    let out = pds_in(d, &["list", "decisions", "--format", "json"]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let json: serde_json::Value = serde_json::from_str(&stdout(&out)).unwrap();
    let rows = json.as_array().unwrap();
    assert!(!rows.is_empty());
    assert_eq!(rows[0]["number"], "1/22");
    assert_eq!(rows[0]["date"], "2022-02-10");
    assert!(rows
        .iter()
        .all(|r| !r["decision"].as_str().unwrap().contains('\n')));
}

#[test]
fn list_risks_and_actions_as_table_and_json() {
    let en = Record::copy_of(EN_BOARD).build();
    let real = Record::copy_of("cases").build();
    for (d, what) in [(real.path(), "risks"), (en.path(), "actions")] {
        let out = pds_in(d, &["list", what]);
        assert_eq!(out.status.code(), Some(0), "{what}: {}", stderr(&out));
        assert!(stdout(&out).lines().count() > 1, "{what}: {}", stdout(&out));
        let out = pds_in(d, &["list", what, "--format", "json"]);
        assert_eq!(out.status.code(), Some(0), "{what}: {}", stderr(&out));
        let json: serde_json::Value = serde_json::from_str(&stdout(&out)).unwrap();
        assert!(!json.as_array().unwrap().is_empty(), "{what}");
    }
    let out = pds_in(en.path(), &["list", "actions"]);
    assert!(stdout(&out).contains("2022-2"), "{}", stdout(&out));
    let out = pds_in(real.path(), &["list", "risks", "--format", "json"]);
    let json: serde_json::Value = serde_json::from_str(&stdout(&out)).unwrap();
    assert_eq!(json[0]["id"], 4);
}

#[test]
fn list_decisions_escapes_control_characters() {
    let rec = Record::copy_of(EN_BOARD).build();
    let d = rec.path();
    let file = d.join("2022/03-22-budget-2022.md");
    let text = std::fs::read_to_string(&file).unwrap();
    let text = text.replacen(
        "The board approved the budget for 2022.",
        "The board approved \u{1b}[31mthe budget for 2022.",
        1,
    );
    write(d, "2022/03-22-budget-2022.md", text);
    let out = pds_in(d, &["list", "decisions"]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert!(!stdout(&out).contains('\u{1b}'), "{}", stdout(&out));
}
