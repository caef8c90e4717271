//! `pds renumber <CASE> <NEW>` (issue 11, items 3 and 6): the file renamed,
//! the number rewritten, every reference brought along, acknowledgements
//! kept true, under the lock and the verified write path, all or nothing.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing,
    reason = "a panic is how a test fails"
)]

mod common;
use common::*;
use std::path::Path;

const BOARD: &str = "board: B\nlanguage: en\ncase_types: [Decision]\n";

const MEETINGS: &str = "# 2021\n- number: 1/2021\n  date: 2021-02-01\n  status: held\n- number: 2/2021\n  date: 2021-06-01\n  status: planned\n";

fn case(number: &str, meeting: &str, title: &str, extra: &str) -> String {
    format!(
        "---\nnumber: {number}\nmeeting: {meeting}\ntitle: {title}\ntype: Decision\n{extra}---\nThe body of {title}, which names 3/21 in passing.\n"
    )
}

/// Meeting 1/2021 (held) with 1/21 and 2/21; meeting 2/2021 (planned) with
/// 3/21 "Budget" and 4/21, which follows 3/21 up; an action raised at 3/21.
fn record() -> tempfile::TempDir {
    Record::new()
        .file("pds.yaml", BOARD)
        .file("2021/meetings.yaml", MEETINGS)
        .file("2021/01-21-opening.md", case("1/21", "1/2021", "Opening", ""))
        .file("2021/02-21-plan.md", case("2/21", "1/2021", "Plan", ""))
        .file("2021/03-21-budget.md", case("3/21", "2/2021", "Budget", ""))
        .file(
            "2021/04-21-budget-follow-up.md",
            case("4/21", "2/2021", "Budget follow-up", "previous: [2/21, 3/21]\n"),
        )
        .file(
            "2021/actions.yaml",
            "- id: a1\n  raised: 3/21\n  text: Cost the budget\n- id: a2\n  raised: 1/2021\n  text: Other\n",
        )
        .build()
}

fn read(d: &Path, rel: &str) -> String {
    std::fs::read_to_string(d.join(rel)).unwrap()
}

fn check_json(d: &Path) -> serde_json::Value {
    let out = pds_in(d, &["check", "--format", "json"]);
    serde_json::from_slice(&out.stdout).unwrap()
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
fn renumbering_by_number_renames_the_file_and_brings_every_reference_along() {
    let dir = record();
    let d = dir.path();
    let old = read(d, "2021/03-21-budget.md");
    let out = pds_in(d, &["renumber", "3/21", "5/21"]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert!(!d.join("2021/03-21-budget.md").exists());
    // The number rewritten where it stands; every other byte kept, the body's 3/21 too.
    assert_eq!(
        read(d, "2021/05-21-budget.md"),
        old.replacen("number: 3/21", "number: 5/21", 1)
    );
    assert!(read(d, "2021/04-21-budget-follow-up.md").contains("previous: [2/21, 5/21]\n"));
    assert_eq!(
        read(d, "2021/actions.yaml"),
        "- id: a1\n  raised: 5/21\n  text: Cost the budget\n- id: a2\n  raised: 1/2021\n  text: Other\n"
    );
    let said = stdout(&out);
    assert!(
        said.contains("3/21 → 5/21: 2021/03-21-budget.md → 2021/05-21-budget.md"),
        "{said}"
    );
    assert!(
        said.contains("2021/actions.yaml: raised 3/21 → 5/21"),
        "{said}"
    );
    assert!(
        said.contains("2021/04-21-budget-follow-up.md: previous 3/21 → 5/21"),
        "{said}"
    );
    // 5/21 after 4/21 leaves 3/21 free: pds says so, and check agrees.
    assert!(stderr(&out).contains("case-gap"), "{}", stderr(&out));
    assert_eq!(codes(&check_json(d)), ["case-gap"]);
    // No reference to a case that is gone.
    assert!(!codes(&check_json(d)).contains(&"unknown-reference".to_string()));
}

#[test]
fn a_case_is_named_by_its_slug_or_its_path_too() {
    let dir = record();
    let d = dir.path();
    let out = pds_in(d, &["renumber", "budget-follow-up", "5/21"]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert!(d.join("2021/05-21-budget-follow-up.md").exists());
    // From a subfolder, by a path from there.
    let out = pds_in(
        &d.join("2021"),
        &["renumber", "05-21-budget-follow-up.md", "4-21"],
    );
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert!(read(d, "2021/04-21-budget-follow-up.md").contains("number: 4/21\n"));
    // By a path from the record's folder, with --next (5/21 is the next free).
    let out = pds_in(d, &["renumber", "2021/03-21-budget.md", "--next"]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert!(read(d, "2021/05-21-budget.md").contains("number: 5/21\n"));
    assert!(read(d, "2021/04-21-budget-follow-up.md").contains("previous: [2/21, 5/21]"));
    let out = pds_in(d, &["renumber", "no-such-case", "6/21"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(
        stderr(&out).contains("no case `no-such-case`"),
        "{}",
        stderr(&out)
    );
}

#[test]
fn a_number_two_cases_carry_is_ambiguous_and_names_both_files() {
    let dir = record();
    let d = dir.path();
    write(
        d,
        "2021/03-21-strategy.md",
        case("3/21", "2/2021", "Strategy", ""),
    );
    let before = snapshot(d).unwrap();
    let out = pds_in(d, &["renumber", "3/21", "5/21"]);
    assert_eq!(out.status.code(), Some(1), "{}", stderr(&out));
    let err = stderr(&out);
    assert!(
        err.contains("2021/03-21-budget.md") && err.contains("2021/03-21-strategy.md"),
        "{err}"
    );
    assert!(
        err.contains("pds renumber 2021/03-21-budget.md <NEW>"),
        "{err}"
    );
    assert_eq!(snapshot(d).unwrap(), before, "nothing written");
}

#[test]
fn the_new_number_must_be_free_and_of_the_meetings_year() {
    let dir = record();
    let d = dir.path();
    let before = snapshot(d).unwrap();
    let out = pds_in(d, &["renumber", "3/21", "4/21"]);
    assert_eq!(out.status.code(), Some(1));
    let err = stderr(&out);
    assert!(
        err.contains("4/21 is taken by \"Budget follow-up\" (2021/04-21-budget-follow-up.md)")
            && err.contains("the next free number is 5/21"),
        "{err}"
    );
    let out = pds_in(d, &["renumber", "3/21", "5/22"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(stderr(&out).contains("give n/21"), "{}", stderr(&out));
    let out = pds_in(d, &["renumber", "3/21", "3/21"]);
    assert_eq!(out.status.code(), Some(2));
    let out = pds_in(d, &["renumber", "3/21"]);
    assert_eq!(out.status.code(), Some(2), "NEW or --next is needed");
    assert_eq!(snapshot(d).unwrap(), before, "nothing written");
}

#[test]
fn a_case_of_a_held_meeting_is_not_renumbered() {
    let dir = record();
    let d = dir.path();
    let before = snapshot(d).unwrap();
    let out = pds_in(d, &["renumber", "2/21", "5/21"]);
    assert_eq!(out.status.code(), Some(1));
    let err = stderr(&out);
    assert!(
        err.contains("meeting 1/2021, which is held (status in 2021/meetings.yaml)"),
        "{err}"
    );
    // Nor when its minutes are approved.
    write(
        d,
        "2021/meetings.yaml",
        MEETINGS.replacen("status: held", "status: approved", 1),
    );
    let out = pds_in(d, &["renumber", "2/21", "5/21"]);
    assert_eq!(out.status.code(), Some(1));
    assert!(
        stderr(&out).contains("which is approved"),
        "{}",
        stderr(&out)
    );
    write(d, "2021/meetings.yaml", MEETINGS);
    assert_eq!(snapshot(d).unwrap(), before, "nothing written");
    // A draft has no number to change.
    write(
        d,
        "drafts/idea.md",
        "---\ntitle: Idea\nstatus: draft\n---\n",
    );
    let out = pds_in(d, &["renumber", "idea", "5/21"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(stderr(&out).contains("pds schedule"), "{}", stderr(&out));
}

#[test]
fn acknowledgements_that_no_longer_apply_are_removed_and_references_to_a_shared_number_stay() {
    let dir = record();
    let d = dir.path();
    // Two branches both took 3/21; the duplicate was acknowledged meanwhile.
    write(
        d,
        "2021/03-21-strategy.md",
        case("3/21", "2/2021", "Strategy", ""),
    );
    let board = format!(
        "{BOARD}# accepted findings\nacknowledged:\n  - finding: duplicate-case  # two branches\n    number: 3/21\n    note: Both went out.\n  - finding: standing-item\n    number: 9/2021\n    note: Kept.\n"
    );
    write(d, "pds.yaml", &board);
    let out = pds_in(d, &["check"]);
    assert_eq!(out.status.code(), Some(0), "{}", stdout(&out));
    let out = pds_in(d, &["renumber", "2021/03-21-strategy.md", "--next"]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let said = stdout(&out);
    assert!(
        said.contains("pds.yaml: acknowledged duplicate-case 3/21 removed"),
        "{said}"
    );
    // Which 3/21 the references meant cannot be told: they stay.
    assert!(
        said.contains("references to 3/21 are left as they are"),
        "{said}"
    );
    assert!(read(d, "2021/04-21-budget-follow-up.md").contains("previous: [2/21, 3/21]"));
    assert!(read(d, "2021/actions.yaml").contains("raised: 3/21"));
    // The entry is gone, every other byte of pds.yaml kept.
    assert_eq!(
        read(d, "pds.yaml"),
        format!("{BOARD}# accepted findings\nacknowledged:\n  - finding: standing-item\n    number: 9/2021\n    note: Kept.\n")
    );
    assert!(read(d, "2021/05-21-strategy.md").contains("number: 5/21\n"));
    // Clean but for the entry that was stale before (not pds renumber's to remove).
    assert_eq!(codes(&check_json(d)), ["stale-acknowledgement"]);
}

#[test]
fn an_acknowledgement_of_the_cases_own_number_follows_it() {
    let dir = record();
    let d = dir.path();
    // 3/21 misfiled (file-name) and acknowledged; renumbered into its right place the finding is gone.
    std::fs::rename(
        d.join("2021/03-21-budget.md"),
        d.join("2021/3-21-budget.md"),
    )
    .unwrap();
    write(
        d,
        "pds.yaml",
        format!("{BOARD}acknowledged:\n- {{finding: file-name, number: 3/21, note: Old name.}}\n"),
    );
    assert_eq!(codes(&check_json(d)), ["file-name"]);
    let out = pds_in(d, &["renumber", "3/21", "5/21", "--dry-run"]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert!(stdout(&out)
        .contains("would renumber 3/21 → 5/21: 2021/3-21-budget.md → 2021/05-21-budget.md"));
    assert!(
        stdout(&out).contains("acknowledged file-name 5/21 removed"),
        "{}",
        stdout(&out)
    );
    assert!(
        d.join("2021/3-21-budget.md").exists(),
        "--dry-run writes nothing"
    );
    let out = pds_in(d, &["renumber", "3/21", "5/21"]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert_eq!(read(d, "pds.yaml"), format!("{BOARD}acknowledged:\n"));
    assert_eq!(codes(&check_json(d)), ["case-gap"]);
}

#[test]
fn a_result_that_would_not_load_as_intended_is_refused_and_nothing_changes() {
    let dir = record();
    let d = dir.path();
    // The title is an alias of the number: changing the number would change the title.
    write(
        d,
        "2021/03-21-budget.md",
        "---\nnumber: &n 3/21\nmeeting: 2/2021\ntitle: *n\ntype: Decision\n---\n",
    );
    let before = snapshot(d).unwrap();
    let out = pds_in(d, &["renumber", "3/21", "5/21"]);
    assert_eq!(out.status.code(), Some(2), "{}", stdout(&out));
    let err = stderr(&out);
    assert!(
        err.contains("left every file as it was: 2021/05-21-budget.md"),
        "{err}"
    );
    assert_eq!(snapshot(d).unwrap(), before, "every file byte-identical");
}

/// Makes `dir` refuse new files, even to root (`chattr +i`), or for
/// another user by its mode; `false` when neither can be done here.
#[cfg(unix)]
fn freeze(dir: &Path, frozen: bool) -> bool {
    use std::os::unix::fs::{MetadataExt, PermissionsExt};
    if std::fs::metadata(dir).unwrap().uid() != 0 {
        let mode = if frozen { 0o555 } else { 0o755 };
        std::fs::set_permissions(dir, std::fs::Permissions::from_mode(mode)).unwrap();
        return true;
    }
    std::process::Command::new("chattr")
        .arg(if frozen { "+i" } else { "-i" })
        .arg(dir)
        .output()
        .is_ok_and(|o| o.status.success())
}

#[cfg(unix)]
#[test]
fn a_write_failing_half_way_puts_back_every_file_written_before_it() {
    let dir = record();
    let d = dir.path();
    // A case of 2022 follows 3/21 up: its folder is written after 2021's files.
    write(
        d,
        "2022/meetings.yaml",
        "- {number: 1/2022, date: 2022-02-01, status: planned}\n",
    );
    write(
        d,
        "2022/01-22-budget-again.md",
        case("1/22", "1/2022", "Budget again", "previous: 3/21\n"),
    );
    write(
        d,
        "pds.yaml",
        format!("{BOARD}acknowledged:\n- {{finding: case-order, number: 3/21, note: n}}\n"),
    );
    let before = snapshot(d).unwrap();
    if !freeze(&d.join("2022"), true) {
        // (a_name_too_long_for_the_file_system_fails_late_and_is_undone holds the same promise everywhere)
        eprintln!("skipped: a folder cannot be made read-only here (chattr +i as root)");
        return;
    }
    let out = pds_in(d, &["renumber", "3/21", "5/21"]);
    freeze(&d.join("2022"), false);
    assert_eq!(out.status.code(), Some(2), "{}", stdout(&out));
    let err = stderr(&out);
    assert!(
        err.contains("renumbering stopped, and every file it had written is put back as it was")
            && err.contains("2022/01-22-budget-again.md"),
        "{err}"
    );
    // 2021's case and actions were written first, and put back; no temporary file left.
    assert_eq!(snapshot(d).unwrap(), before, "every file as it was");
    // Unfrozen, the same command does it all.
    let out = pds_in(d, &["renumber", "3/21", "5/21"]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert!(read(d, "2022/01-22-budget-again.md").contains("previous: 5/21\n"));
}

#[test]
fn parallel_renumbers_to_the_next_number_take_different_numbers() {
    let dir = record();
    let d = dir.path();
    let children: Vec<_> = ["budget", "budget-follow-up"]
        .iter()
        .map(|slug| {
            pds_command(d)
                .args(["renumber", slug, "--next"])
                .stdout(std::process::Stdio::piped())
                .stderr(std::process::Stdio::piped())
                .spawn()
                .unwrap()
        })
        .collect();
    for c in children {
        let out = c.wait_with_output().unwrap();
        assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    }
    let mut names: Vec<String> = std::fs::read_dir(d.join("2021"))
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|n| n.ends_with(".md"))
        .collect();
    names.sort();
    let numbers: Vec<&str> = names.iter().map(|n| &n[..5]).collect();
    assert_eq!(numbers, ["01-21", "02-21", "05-21", "06-21"], "{names:?}");
    // Whichever went second saw the first one's number taken, and the reference moved twice.
    let follow_up = names
        .iter()
        .find(|n| n.ends_with("-budget-follow-up.md"))
        .unwrap();
    let budget = names.iter().find(|n| n.ends_with("-budget.md")).unwrap();
    let budget_number = format!("{}/21", budget[..2].trim_start_matches('0'));
    assert!(
        read(d, &format!("2021/{follow_up}"))
            .contains(&format!("previous: [2/21, {budget_number}]")),
        "{names:?}"
    );
}

#[test]
fn number_taken_on_the_base_is_fixed_by_renumber() {
    let dir = Record::new().copy(EN_BOARD, "board").build();
    let d = dir.path();
    let board = d.join("board");
    git(d, &["init", "-q", "-b", "main"]);
    git(d, &["add", "-A"]);
    git(d, &["commit", "-q", "-m", "record"]);
    git(d, &["checkout", "-q", "-b", "strategy"]);
    let out = pds_in(
        &board,
        &["schedule", "digital-strategy", "--meeting", "3/2022"],
    );
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    git(d, &["add", "-A"]);
    git(d, &["commit", "-q", "-m", "strategy as 13/22"]);
    git(d, &["checkout", "-q", "main"]);
    let out = pds_in(
        &board,
        &[
            "new",
            "case",
            "--title",
            "Estates review",
            "--meeting",
            "3/2022",
            "--type",
            "Discussion",
        ],
    );
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    git(d, &["add", "-A"]);
    git(d, &["commit", "-q", "-m", "estates review as 13/22"]);
    git(d, &["checkout", "-q", "strategy"]);
    let out = pds_in(&board, &["check", "--base", "main"]);
    assert_eq!(out.status.code(), Some(1));
    assert!(stdout(&out).contains("number-taken"), "{}", stdout(&out));
    assert!(
        stdout(&out).contains("the next free number, 14/22"),
        "{}",
        stdout(&out)
    );
    let out = pds_in(&board, &["renumber", "digital-strategy", "14/22"]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let out = pds_in(&board, &["check", "--base", "main"]);
    assert!(!stdout(&out).contains("number-taken"), "{}", stdout(&out));
    // Merged, the record is whole: 13/22 and 14/22, no duplicate.
    git(d, &["add", "-A"]);
    git(d, &["commit", "-q", "-m", "strategy renumbered to 14/22"]);
    git(d, &["merge", "-q", "--no-edit", "main"]);
    let json = check_json(&board);
    assert!(
        !codes(&json)
            .iter()
            .any(|c| c == "duplicate-case" || c == "case-gap"),
        "{json:#}"
    );
    assert!(board.join("2022/14-22-digital-strategy.md").exists());
}

#[test]
fn number_taken_and_schedule_point_to_renumber() {
    let out = pds(&["check", "--explain", "number-taken"]);
    assert_eq!(out.status.code(), Some(0));
    assert!(
        stdout(&out).contains("pds renumber <CASE> --next"),
        "{}",
        stdout(&out)
    );
    assert!(!stdout(&out).contains("by hand"), "{}", stdout(&out));
    let out = pds(&["schedule", "--help"]);
    assert!(
        stdout(&out).contains("pds renumber <CASE> --next"),
        "{}",
        stdout(&out)
    );
    let out = pds(&["renumber", "--help"]);
    assert_eq!(out.status.code(), Some(0));
    assert!(
        stdout(&out).contains("pds renumber 13/22 14/22"),
        "{}",
        stdout(&out)
    );
}

#[test]
fn with_meeting_a_case_moves_onto_an_open_agenda_only() {
    let dir = record();
    let d = dir.path();
    write(
        d,
        "2021/meetings.yaml",
        format!("{MEETINGS}- number: 3/2021\n  date: 2021-09-01\n  status: cancelled\n- number: 4/2021\n  date: 2021-10-01\n  status: planned\n"),
    );
    let before = snapshot(d).unwrap();
    for (to, code, says) in [
        ("1/2021", 1, "meeting 1/2021 is held"),
        ("3/2021", 1, "meeting 3/2021 is cancelled"),
        ("9/2021", 2, "no meeting 9/2021"),
    ] {
        let out = pds_in(d, &["renumber", "3/21", "--next", "--meeting", to]);
        assert_eq!(out.status.code(), Some(code), "{to}: {}", stderr(&out));
        assert!(stderr(&out).contains(says), "{to}: {}", stderr(&out));
    }
    assert_eq!(snapshot(d).unwrap(), before, "nothing written");
    // Postponed to 4/2021: numbered after every case before it.
    let out = pds_in(d, &["renumber", "3/21", "--next", "--meeting", "4/2021"]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert!(
        stdout(&out).contains("meeting 2/2021 → 4/2021"),
        "{}",
        stdout(&out)
    );
    let moved = read(d, "2021/05-21-budget.md");
    assert!(moved.contains("number: 5/21\nmeeting: 4/2021\n"), "{moved}");
    assert!(read(d, "2021/04-21-budget-follow-up.md").contains("previous: [2/21, 5/21]"));
}

#[test]
fn a_name_too_long_for_the_file_system_fails_late_and_is_undone() {
    let dir = record();
    let d = dir.path();
    // 254 bytes: a file system's longest name is 255, so 1000/21's is too long.
    let slug = "b".repeat(254 - "03-21-.md".len());
    let long = format!("2021/03-21-{slug}.md");
    std::fs::rename(d.join("2021/03-21-budget.md"), d.join(&long)).unwrap();
    write(
        d,
        "pds.yaml",
        format!("{BOARD}acknowledged:\n- {{finding: case-gap, number: 1000/21, note: n}}\n"),
    );
    let before = snapshot(d).unwrap();
    let out = pds_in(d, &["renumber", "3/21", "1000/21"]);
    assert_eq!(out.status.code(), Some(2), "{}", stdout(&out));
    let err = stderr(&out);
    assert!(
        err.contains("renumbering stopped, and every file it had written is put back as it was"),
        "{err}"
    );
    // The references (2021/04-21-…, actions.yaml, pds.yaml) were written before the case's new name failed.
    assert_eq!(snapshot(d).unwrap(), before, "every file as it was");
}

#[test]
fn a_slug_two_cases_share_is_ambiguous_too() {
    let dir = record();
    let d = dir.path();
    write(
        d,
        "2021/05-21-budget.md",
        case("5/21", "2/2021", "Budget again", ""),
    );
    let out = pds_in(d, &["renumber", "budget", "6/21"]);
    assert_eq!(out.status.code(), Some(1), "{}", stderr(&out));
    let err = stderr(&out);
    assert!(
        err.contains(
            "2 cases carry the slug budget: 2021/03-21-budget.md and 2021/05-21-budget.md"
        ),
        "{err}"
    );
}
