//! `pds check --base REV` in real git repositories: two branches taking the
//! same number, and a held meeting's case renumbered, moved or removed.
#![expect(clippy::unwrap_used, reason = "a panic is how a test fails")]

mod common;
use common::*;
use std::path::Path;

/// A git repository whose `board/` folder is the English example record, committed on main.
fn repo() -> tempfile::TempDir {
    let dir = Record::new().copy(EN_BOARD, "board").build();
    git(dir.path(), &["init", "-q", "-b", "main"]);
    git(dir.path(), &["add", "-A"]);
    git(dir.path(), &["commit", "-q", "-m", "record"]);
    dir
}

fn case(number: &str, meeting: &str, title: &str) -> String {
    format!("---\nnumber: {number}\nmeeting: {meeting}\ntitle: {title}\ntype: Discussion\n---\n")
}

fn check_base(dir: &Path, rev: &str) -> (Option<i32>, serde_json::Value) {
    let out = pds_in(
        &dir.join("board"),
        &["check", "--base", rev, "--format", "json"],
    );
    assert_ne!(out.status.code(), Some(101), "{}", stderr(&out));
    let json = serde_json::from_slice(&out.stdout).unwrap_or(serde_json::Value::Null);
    (out.status.code(), json)
}

fn codes(json: &serde_json::Value) -> Vec<String> {
    json["findings"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| f["code"].as_str().unwrap().to_string())
        .collect()
}

#[test]
fn two_branches_taking_the_same_number_is_number_taken() {
    let dir = repo();
    let d = dir.path();
    git(d, &["checkout", "-q", "-b", "strategy"]);
    std::fs::write(
        d.join("board/2022/13-22-digital-strategy.md"),
        case("13/22", "3/2022", "Digital strategy"),
    )
    .unwrap();
    git(d, &["add", "-A"]);
    git(d, &["commit", "-q", "-m", "strategy as 13/22"]);
    git(d, &["checkout", "-q", "main"]);
    std::fs::write(
        d.join("board/2022/13-22-estates-review.md"),
        case("13/22", "3/2022", "Estates review"),
    )
    .unwrap();
    git(d, &["add", "-A"]);
    git(d, &["commit", "-q", "-m", "estates review as 13/22"]);
    git(d, &["checkout", "-q", "strategy"]);

    // On its own, the branch is fine.
    let out = pds_in(&d.join("board"), &["check"]);
    assert_eq!(out.status.code(), Some(0), "{}", stdout(&out));
    // Against main, 13/22 is taken.
    let (code, json) = check_base(d, "main");
    assert_eq!(code, Some(1), "{json:#}");
    // (The new case also comes after the standing last item: a warning.)
    assert_eq!(
        codes(&json),
        vec!["standing-item", "number-taken"],
        "{json:#}"
    );
    let f = &json["findings"][1];
    assert_eq!(f["file"], "2022/13-22-digital-strategy.md");
    assert_eq!(
        (f["line"].as_u64(), f["column"].as_u64()),
        (Some(2), Some(9))
    );
    assert!(
        f["message"].as_str().unwrap().contains("Estates review"),
        "{f:#}"
    );
    assert_eq!(f["related"][0]["file"], "2022/13-22-estates-review.md");
    // And the GitHub format names the file from the repository's top.
    let out = pds_in(
        d,
        &[
            "--repo", "board", "check", "--base", "main", "--format", "github",
        ],
    );
    assert!(
        stdout(&out).contains(
            "\n::error file=board/2022/13-22-digital-strategy.md,line=2,col=9,title=number-taken::"
        ),
        "{}",
        stdout(&out)
    );
    // Brought up to date with main and renumbered to the next free number, the branch passes.
    git(d, &["merge", "-q", "--no-edit", "main"]);
    std::fs::remove_file(d.join("board/2022/13-22-digital-strategy.md")).unwrap();
    std::fs::write(
        d.join("board/2022/14-22-digital-strategy.md"),
        case("14/22", "3/2022", "Digital strategy"),
    )
    .unwrap();
    let (code, json) = check_base(d, "main");
    assert_eq!(code, Some(0), "{json:#}");
}

#[test]
fn a_held_meetings_cases_are_frozen() {
    let dir = repo();
    let d = dir.path();
    // 1/2022 is held on main; renumber one of its cases, move another, remove a third.
    let b = d.join("board/2022");
    let text = std::fs::read_to_string(b.join("02-22-programme-status.md")).unwrap();
    std::fs::write(
        b.join("02-22-programme-status.md"),
        text.replacen("number: 2/22", "number: 3/22", 1),
    )
    .unwrap();
    let text = std::fs::read_to_string(b.join("03-22-budget-2022.md")).unwrap();
    std::fs::write(
        b.join("03-22-budget-2022.md"),
        text.replacen("meeting: 1/2022", "meeting: 2/2022", 1),
    )
    .unwrap();
    std::fs::remove_file(b.join("04-22-any-other-business.md")).unwrap();
    let (code, json) = check_base(d, "main");
    assert_eq!(code, Some(1));
    let held: Vec<&serde_json::Value> = json["findings"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|f| f["code"] == "held-case-changed")
        .collect();
    assert_eq!(held.len(), 3, "{json:#}");
    let messages: Vec<&str> = held
        .iter()
        .map(|f| f["message"].as_str().unwrap())
        .collect();
    assert!(
        messages.iter().any(|m| m.contains("renumbered to 3/22")),
        "{messages:?}"
    );
    assert!(
        messages
            .iter()
            .any(|m| m.contains("moved from meeting 1/2022")),
        "{messages:?}"
    );
    assert!(
        messages.iter().any(|m| m.contains("was removed")),
        "{messages:?}"
    );
    for f in held {
        assert!(
            !f["related"].as_array().unwrap().is_empty(),
            "both locations: {f:#}"
        );
    }
}

#[test]
fn planned_meetings_may_change_and_unknown_revisions_exit_2() {
    let dir = repo();
    let d = dir.path();
    // 3/2022 is planned: its cases may be renumbered freely.
    let b = d.join("board/2022");
    let text = std::fs::read_to_string(b.join("11-22-risk-appetite-statement.md")).unwrap();
    std::fs::write(
        b.join("11-22-risk-appetite-statement.md"),
        text.replacen("title: ", "title: Revised ", 1),
    )
    .unwrap();
    let (code, json) = check_base(d, "main");
    assert_eq!(code, Some(0), "{json:#}");
    let out = pds_in(&d.join("board"), &["check", "--base", "no-such-branch"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(stderr(&out).contains("not a revision"), "{}", stderr(&out));
}

#[test]
fn outside_git_base_exits_2() {
    let dir = Record::copy_of(EN_BOARD).build();
    let out = pds_command(dir.path())
        .env("GIT_CEILING_DIRECTORIES", dir.path().parent().unwrap())
        .args(["check", "--base", "main"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(
        stderr(&out).contains("not inside a git repository"),
        "{}",
        stderr(&out)
    );
}

#[test]
fn a_file_name_with_a_newline_does_not_hide_a_held_case_change() {
    let dir = Record::new().copy(EN_BOARD, "board").build();
    let d = dir.path();
    // Committed names that a line-based conversation with git would misread.
    for (i, name) in ["odd\nname", "tab\there", "quote\"d", "back\\slash"]
        .iter()
        .enumerate()
    {
        std::fs::write(
            d.join(format!("board/2022/{}-22-{name}.md", 20 + i)),
            case(&format!("{}/22", 20 + i), "3/2022", "Oddly named"),
        )
        .unwrap();
    }
    git(d, &["init", "-q", "-b", "main"]);
    git(d, &["add", "-A"]);
    git(d, &["commit", "-q", "-m", "record"]);
    // Unchanged: no held-case-changed.
    let (_, json) = check_base(d, "main");
    assert!(
        !codes(&json).contains(&"held-case-changed".to_string()),
        "{json:#}"
    );
    // 1/2022 is held on main: renumbering one of its cases is caught.
    let b = d.join("board/2022");
    let text = std::fs::read_to_string(b.join("02-22-programme-status.md")).unwrap();
    std::fs::write(
        b.join("02-22-programme-status.md"),
        text.replacen("number: 2/22", "number: 3/22", 1),
    )
    .unwrap();
    let (code, json) = check_base(d, "main");
    assert_eq!(code, Some(1), "{json:#}");
    let held: Vec<&serde_json::Value> = json["findings"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|f| f["code"] == "held-case-changed")
        .collect();
    assert_eq!(held.len(), 1, "{json:#}");
    assert!(
        held[0]["message"]
            .as_str()
            .unwrap()
            .contains("renumbered to 3/22"),
        "{json:#}"
    );
}

#[test]
fn a_pure_rename_of_a_held_case_is_no_change() {
    let dir = repo();
    let d = dir.path();
    git(
        d,
        &[
            "mv",
            "board/2022/02-22-programme-status.md",
            "board/2022/02-22-status-report.md",
        ],
    );
    let (code, json) = check_base(d, "main");
    assert_eq!(code, Some(0), "{json:#}");
    assert!(codes(&json).is_empty(), "{json:#}");
    // Committed, the same.
    git(d, &["commit", "-q", "-m", "rename"]);
    let (code, json) = check_base(d, "HEAD~1");
    assert_eq!(code, Some(0), "{json:#}");
    // A rename that also changes the meeting is still caught.
    let path = d.join("board/2022/02-22-status-report.md");
    let text = std::fs::read_to_string(&path).unwrap();
    std::fs::write(
        &path,
        text.replacen("meeting: 1/2022", "meeting: 2/2022", 1),
    )
    .unwrap();
    let (code, json) = check_base(d, "main");
    assert_eq!(code, Some(1), "{json:#}");
    assert!(
        codes(&json).contains(&"held-case-changed".to_string()),
        "{json:#}"
    );
}

#[test]
fn without_git_the_message_says_git_is_not_installed() {
    let dir = repo();
    let empty = tempfile::tempdir().unwrap();
    let out = pds_command(&dir.path().join("board"))
        .env("PATH", empty.path())
        .args(["check", "--base", "main"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2), "{}", stderr(&out));
    assert!(
        stderr(&out).contains("git is not installed"),
        "{}",
        stderr(&out)
    );
    assert!(
        !stderr(&out).contains("not inside a git repository"),
        "{}",
        stderr(&out)
    );
}

#[test]
fn a_revision_that_looks_like_an_option_is_not_passed_to_git() {
    let dir = repo();
    let out = pds_in(
        &dir.path().join("board"),
        &["check", "--base=--output=/tmp/pds-base-option"],
    );
    assert_eq!(out.status.code(), Some(2), "{}", stderr(&out));
    assert!(stderr(&out).contains("not a revision"), "{}", stderr(&out));
}

/// The repository with meeting 1/2022's minutes approved on main.
fn approved_repo() -> tempfile::TempDir {
    let dir = repo();
    let d = dir.path();
    let meetings = d.join("board/2022/meetings.yaml");
    let text = std::fs::read_to_string(&meetings).unwrap();
    std::fs::write(
        &meetings,
        text.replacen("status: held", "status: approved", 1),
    )
    .unwrap();
    git(d, &["commit", "-q", "-am", "minutes of 1/2022 approved"]);
    dir
}

fn held_changes(json: &serde_json::Value) -> Vec<String> {
    json["findings"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|f| f["code"] == "held-case-changed")
        .map(|f| {
            format!(
                "{}:{} {}",
                f["file"].as_str().unwrap(),
                f["line"],
                f["message"].as_str().unwrap()
            )
        })
        .collect()
}

/// Replaces `from` with `to` in the record's file `rel`, which must hold it.
fn edit(dir: &Path, rel: &str, from: &str, to: &str) {
    let path = dir.join("board").join(rel);
    let text = std::fs::read_to_string(&path).unwrap();
    assert!(text.contains(from), "{rel} lacks {from:?}");
    std::fs::write(&path, text.replacen(from, to, 1)).unwrap();
}

#[test]
fn an_approved_meetings_cases_are_frozen_whole_body_and_every_value() {
    let dir = approved_repo();
    let d = dir.path();
    edit(
        d,
        "2022/02-22-programme-status.md",
        "Programme office",
        "Programme board",
    );
    edit(d, "2022/02-22-programme-status.md", "status: decided\n", "");
    let body = std::fs::read_to_string(d.join("board/2022/03-22-budget-2022.md")).unwrap();
    let (_, old_body) = body.split_once("\n---\n").unwrap();
    let first_word = old_body.split_whitespace().next().unwrap().to_string();
    edit(
        d,
        "2022/03-22-budget-2022.md",
        &format!("\n---\n{first_word}"),
        "\n---\nAmended",
    );
    let (code, json) = check_base(d, "main");
    assert_eq!(code, Some(1), "{json:#}");
    let found = held_changes(&json);
    assert_eq!(found.len(), 3, "{found:#?}");
    assert!(found.iter().any(|f| f.starts_with("2022/02-22-programme-status.md:") && f.contains("`owner` of case 2/22 was changed from `Programme office`, but the minutes of meeting 1/2022 are approved on main")), "{found:#?}");
    assert!(
        found
            .iter()
            .any(|f| f.contains("`status` of case 2/22 was removed")),
        "{found:#?}"
    );
    assert!(
        found
            .iter()
            .any(|f| f.starts_with("2022/03-22-budget-2022.md:")
                && f.contains("the body (the case document) of case 3/22 was changed")),
        "{found:#?}"
    );
}

#[test]
fn reformatting_an_approved_case_is_no_change() {
    let dir = approved_repo();
    let d = dir.path();
    // Another quoting, key order and line wrapping: the same values and document.
    edit(
        d,
        "2022/02-22-programme-status.md",
        "title: Programme status\n",
        "",
    );
    edit(
        d,
        "2022/02-22-programme-status.md",
        "owner: Programme office\n",
        "owner: \"Programme office\"\ntitle: 'Programme status'\n",
    );
    let path = d.join("board/2022/03-22-budget-2022.md");
    let text = std::fs::read_to_string(&path).unwrap();
    let (head, body) = text.split_once("\n---\n").unwrap();
    std::fs::write(
        &path,
        format!("{head}\n---\n\n{}", body.replacen(' ', "\n", 1)),
    )
    .unwrap();
    let (_, json) = check_base(d, "main");
    assert!(held_changes(&json).is_empty(), "{json:#}");
}

#[test]
fn a_held_meetings_proposed_decision_is_frozen_but_its_decision_may_be_written() {
    let dir = repo();
    let d = dir.path();
    // Meeting 2/2022 is held on main, its minutes not yet approved.
    edit(
        d,
        "2022/07-22-supplier-contract-renewal.md",
        "decision: |\n  The board approved renewal for two years, with a break clause after one.\n",
        "",
    );
    git(
        d,
        &[
            "commit",
            "-q",
            "-am",
            "7/22 before its decision was written",
        ],
    );
    let clean = || {
        let (code, json) = check_base(d, "main");
        (code, held_changes(&json))
    };
    // Writing the decision, and the case's status: the minutes' work.
    edit(
        d,
        "2022/07-22-supplier-contract-renewal.md",
        "---\nThe current",
        "decision: The board approved renewal for two years.\n---\nThe current",
    );
    edit(
        d,
        "2022/07-22-supplier-contract-renewal.md",
        "status: decided",
        "status: ready",
    );
    assert_eq!(clean(), (Some(0), Vec::new()));
    // Rewriting what the board was asked to decide is not.
    edit(
        d,
        "2022/07-22-supplier-contract-renewal.md",
        "for two years.\n",
        "for three years.\n",
    );
    let (code, found) = clean();
    assert_eq!(code, Some(1));
    assert_eq!(
        found,
        ["2022/07-22-supplier-contract-renewal.md:11 `proposed_decision` of case 7/22 was changed, but meeting 2/2022 is held on main"]
    );
}

#[test]
fn a_held_meetings_agenda_takes_no_new_case() {
    let dir = repo();
    let d = dir.path();
    // Written by hand (`pds new case` refuses it): a new case on held 1/2022's agenda.
    std::fs::write(
        d.join("board/2022/13-22-late-item.md"),
        case("13/22", "1/2022", "Late item"),
    )
    .unwrap();
    // And a planned meeting's case moved onto held 2/2022's.
    edit(
        d,
        "2022/11-22-risk-appetite-statement.md",
        "meeting: 3/2022",
        "meeting: 2/2022",
    );
    let (code, json) = check_base(d, "main");
    assert_eq!(code, Some(1), "{json:#}");
    let found = held_changes(&json);
    assert_eq!(
        found,
        [
            "2022/11-22-risk-appetite-statement.md:3 case 11/22 was put on the agenda of meeting 2/2022, held on main",
            "2022/13-22-late-item.md:3 case 13/22 was put on the agenda of meeting 1/2022, held on main",
        ],
        "{json:#}"
    );
}
