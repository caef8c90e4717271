//! `pds new case|meeting` and `pds schedule` write what `pds check` accepts,
//! never overwrite, and keep every other byte.

mod common;
use common::*;

#[test]
fn a_case_on_an_agenda_gets_the_next_free_number_and_passes_the_check() {
    let dir = Record::copy_of(EN_BOARD).build();
    let d = dir.path();
    let out = pds_in(
        d,
        &[
            "new",
            "case",
            "--title",
            "Estates review: phase 2",
            "--meeting",
            "3-2022",
            "--type",
            "Discussion",
        ],
    );
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert_eq!(stdout(&out), "2022/13-22-estates-review-phase-2.md\n");
    let text = std::fs::read_to_string(d.join("2022/13-22-estates-review-phase-2.md")).unwrap();
    assert_eq!(text, "---\nnumber: 13/22\nmeeting: 3/2022\ntitle: \"Estates review: phase 2\"\ntype: Discussion\nstatus: ready\n---\n");
    let out = pds_in(d, &["check", "--format", "json"]);
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(json["summary"]["errors"], 0, "{json:#}");
    assert_eq!(pds_in(d, &["next", "--year", "2022"]).stdout, b"14/22\n");
}

#[test]
fn bad_arguments_exit_2_and_write_nothing() {
    let dir = Record::copy_of(EN_BOARD).build();
    let d = dir.path();
    let before = snapshot(d).unwrap();
    for args in [
        &[
            "new",
            "case",
            "--title",
            "X",
            "--meeting",
            "9/2022",
            "--type",
            "Discussion",
        ][..],
        &[
            "new",
            "case",
            "--title",
            "X",
            "--meeting",
            "3/2022",
            "--type",
            "Discusion",
        ],
        &["new", "case", "--title", "X", "--meeting", "3/2022"],
        &["new", "meeting", "--date", "2022-01-01"],
        &["new", "meeting", "--date", "2022-13-01"],
        &["new", "meeting", "--date", "2022-12-01", "--time", "25:00"],
        &["schedule", "drafts/none.md", "--meeting", "3/2022"],
    ] {
        let out = pds_in(d, args);
        assert_eq!(out.status.code(), Some(2), "{args:?}: {}", stderr(&out));
        assert!(stderr(&out).starts_with("error: "), "{args:?}");
    }
    assert_eq!(snapshot(d).unwrap(), before, "nothing written");
    let out = pds_in(
        d,
        &[
            "new",
            "case",
            "--title",
            "X",
            "--meeting",
            "3/2022",
            "--type",
            "Discusion",
        ],
    );
    assert!(stderr(&out).contains("did you mean Discussion?"));
}

#[test]
fn drafts_go_to_drafts_and_scheduling_numbers_and_moves_them() {
    let dir = Record::copy_of(EN_BOARD).build();
    let d = dir.path();
    let out = pds_in(
        d,
        &[
            "new",
            "case",
            "--title",
            "Workforce plan",
            "--type",
            "Discussion",
        ],
    );
    assert_eq!(stdout(&out), "drafts/workforce-plan.md\n");
    let out = pds_in(d, &["new", "case", "--title", "Workforce plan"]);
    assert_eq!(
        stdout(&out),
        "drafts/workforce-plan-2.md\n",
        "never overwritten"
    );
    std::fs::write(
        d.join("drafts/workforce-plan.md"),
        "---\n# the draft's own comment\ntitle: Workforce plan\ntype: Discussion\nstatus: draft\n---\nBody *kept*.\n",
    )
    .unwrap();
    let out = pds_in(d, &["schedule", "workforce-plan", "--meeting", "3/2022"]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert_eq!(stdout(&out), "13/22 2022/13-22-workforce-plan.md\n");
    assert!(!d.join("drafts/workforce-plan.md").exists());
    assert_eq!(
        std::fs::read_to_string(d.join("2022/13-22-workforce-plan.md")).unwrap(),
        "---\nnumber: 13/22\nmeeting: 3/2022\n# the draft's own comment\ntitle: Workforce plan\ntype: Discussion\nstatus: ready\n---\nBody *kept*.\n"
    );
    // A draft without a type is refused, untouched.
    let out = pds_in(
        d,
        &[
            "schedule",
            "drafts/workforce-plan-2.md",
            "--meeting",
            "3/2022",
        ],
    );
    assert_eq!(out.status.code(), Some(2));
    assert!(d.join("drafts/workforce-plan-2.md").exists());
}

#[test]
fn a_new_meeting_is_appended_keeping_comments() {
    let dir = Record::copy_of(EN_BOARD).build();
    let d = dir.path();
    let before = std::fs::read_to_string(d.join("2022/meetings.yaml")).unwrap();
    let out = pds_in(
        d,
        &[
            "new",
            "meeting",
            "--date",
            "2022-11-24",
            "--time",
            "13:00-15:00",
            "--place",
            "Room 2, Northfield House",
        ],
    );
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert_eq!(stdout(&out), "4/2022\n");
    let after = std::fs::read_to_string(d.join("2022/meetings.yaml")).unwrap();
    assert!(
        after.starts_with(&before),
        "the file's old text is kept as it was"
    );
    assert_eq!(
        &after[before.len()..],
        "- number: 4/2022\n  date: 2022-11-24\n  time: \"13:00-15:00\"\n  place: Room 2, Northfield House\n  status: planned\n"
    );
    let out = pds_in(
        d,
        &["new", "meeting", "--date", "2023-02-01", "--extraordinary"],
    );
    assert_eq!(stdout(&out), "1/2023\n");
    assert!(std::fs::read_to_string(d.join("2023/meetings.yaml"))
        .unwrap()
        .contains("kind: extraordinary"));
    let out = pds_in(d, &["check"]);
    assert_eq!(out.status.code(), Some(0), "{}", stdout(&out));
}

#[test]
fn completions_and_the_man_page_are_generated() {
    for shell in ["bash", "zsh", "fish"] {
        let out = pds(&["completions", shell]);
        assert_eq!(out.status.code(), Some(0));
        let text = stdout(&out);
        for word in ["check", "render", "schedule", "deny-warnings"] {
            assert!(text.contains(word), "{shell} completion lacks {word}");
        }
    }
    let man = stdout(&pds(&["man"]));
    assert!(man.starts_with(".ie") || man.contains(".TH pds 1"), "{man}");
    assert!(man.contains("render"));
}

#[test]
fn fmt_check_shows_a_diff_and_fmt_writes_what_it_verified() {
    let dir = Record::copy_of(EN_BOARD).build();
    let d = dir.path();
    let case = d.join("2022/06-22-data-sharing-agreement.md");
    let text = std::fs::read_to_string(&case).unwrap();
    let messy = text
        .replacen("number: 6/22", "number:   06/22   # first reading", 1)
        .replacen("\n---\n", "\n---\nMore text\n===\n\n", 1);
    std::fs::write(&case, &messy).unwrap();
    std::fs::write(
        d.join("2022/07-22-broken.md"),
        "---\ntitle: [unclosed\n---\nBody\n",
    )
    .unwrap();
    let before = snapshot(d).unwrap();

    let out = pds_in(d, &["fmt", "--check"]);
    assert_eq!(out.status.code(), Some(1));
    let diff = stdout(&out);
    assert!(
        diff.contains("--- a/2022/06-22-data-sharing-agreement.md"),
        "{diff}"
    );
    assert!(diff.contains("+number: 6/22 # first reading"), "{diff}");
    assert!(diff.contains("+# More text"), "{diff}");
    assert!(
        stderr(&out).contains("left 2022/07-22-broken.md as it was"),
        "{}",
        stderr(&out)
    );
    assert_eq!(snapshot(d).unwrap(), before, "--check changes nothing");

    let out = pds_in(d, &["fmt"]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let after = std::fs::read_to_string(&case).unwrap();
    assert!(after.contains("number: 6/22 # first reading\n"), "{after}");
    assert_eq!(
        std::fs::read(d.join("2022/07-22-broken.md")).unwrap(),
        b"---\ntitle: [unclosed\n---\nBody\n",
        "a file that does not parse is never touched"
    );
    let out = pds_in(
        d,
        &["fmt", "--check", "2022/06-22-data-sharing-agreement.md"],
    );
    assert_eq!(out.status.code(), Some(0), "idempotent: {}", stdout(&out));
}

#[test]
fn the_real_record_is_formatted() {
    let out = pds(&["--repo", "cases", "fmt", "--check"]);
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}{}",
        stdout(&out),
        stderr(&out)
    );
}

#[test]
fn ejected_templates_render_the_same_and_then_override_by_name() {
    let dir = Record::copy_of(EN_BOARD).build();
    let d = dir.path();
    let before = stdout(&pds_in(
        d,
        &["render", "pack", "2/2022", "--format", "html"],
    ));
    let out = pds_in(d, &["templates", "eject"]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    for name in [
        "layout.html",
        "style.css",
        "notice.md",
        "notice.html",
        "case.html",
        "overview.md",
        "risks.html",
        "minutes.md",
    ] {
        assert!(d.join("templates").join(name).is_file(), "{name} ejected");
    }
    assert_eq!(
        stdout(&pds_in(
            d,
            &["render", "pack", "2/2022", "--format", "html"]
        )),
        before,
        "ejected = built-in"
    );
    std::fs::write(
        d.join("templates/notice.md"),
        "Custom notice for {{ meeting.number }}\n",
    )
    .unwrap();
    assert_eq!(
        stdout(&pds_in(d, &["render", "notice", "2/2022"])),
        "Custom notice for 2/2022\n"
    );
    // Ejecting again keeps the edited template.
    let out = pds_in(d, &["templates", "eject"]);
    assert!(stderr(&out).contains("kept"), "{}", stderr(&out));
    assert_eq!(
        std::fs::read_to_string(d.join("templates/notice.md")).unwrap(),
        "Custom notice for {{ meeting.number }}\n"
    );
}

#[test]
fn colour_follows_the_flag_and_no_color() {
    let dir = Record::copy_of("examples/errors").build();
    let esc = |o: &std::process::Output| o.stdout.contains(&0x1b);
    // pds_in sets NO_COLOR=1 and pipes stdout: auto and never are plain; always colours.
    assert!(!esc(&pds_in(dir.path(), &["check"])));
    assert!(!esc(&pds_in(dir.path(), &["check", "--color", "never"])));
    assert!(esc(&pds_in(dir.path(), &["check", "--color", "always"])));
}
