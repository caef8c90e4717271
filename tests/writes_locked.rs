//! Parallel writers (issue 9, item 3): commands that read, change and write
//! the record take its lock before they load it, so parallel runs neither
//! lose each other's writes nor take the same number, and the lock leaves
//! no file behind.
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
use std::process::{Command, Output};

const N: usize = 8;

fn record() -> tempfile::TempDir {
    Record::copy_of(EN_BOARD).build()
}

/// Runs every argument list at once, each in its own process.
fn parallel(d: &Path, runs: Vec<Vec<String>>) -> Vec<Output> {
    let children: Vec<_> = runs
        .iter()
        .map(|args| {
            pds_command(d)
                .args(args)
                .stdout(std::process::Stdio::piped())
                .stderr(std::process::Stdio::piped())
                .spawn()
                .unwrap()
        })
        .collect();
    children
        .into_iter()
        .map(|c| c.wait_with_output().unwrap())
        .collect()
}

fn errors(d: &Path) -> serde_json::Value {
    let out = pds_in(d, &["check", "--format", "json"]);
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    json["summary"]["errors"].clone()
}

#[test]
fn parallel_schedules_take_different_numbers() {
    let dir = record();
    let d = dir.path();
    for i in 0..N {
        std::fs::write(
            d.join(format!("drafts/p{i}.md")),
            format!("---\ntitle: Parallel {i}\ntype: Discussion\nstatus: draft\n---\n"),
        )
        .unwrap();
    }
    let runs = (0..N)
        .map(|i| {
            ["schedule", &format!("p{i}"), "--meeting", "3/2022"]
                .map(String::from)
                .to_vec()
        })
        .collect();
    let outs = parallel(d, runs);
    let mut numbers: Vec<String> = Vec::new();
    for o in &outs {
        assert_eq!(o.status.code(), Some(0), "{}", stderr(o));
        numbers.push(stdout(o).split(' ').next().unwrap().to_string());
    }
    numbers.sort_by_key(|n| n.split('/').next().unwrap().parse::<u32>().unwrap());
    let want: Vec<String> = (13..13 + N).map(|n| format!("{n}/22")).collect();
    assert_eq!(numbers, want, "{N} runs, {N} different numbers, no gap");
    assert_eq!(errors(d), 0);
}

#[test]
fn parallel_new_meetings_lose_no_write_and_share_no_number() {
    let dir = record();
    let d = dir.path();
    // Each run is a meeting after 3/2022; the lock decides their order, and a
    // run that comes after a later date is refused, as it would be alone.
    let runs = (0..N)
        .map(|i| {
            [
                "new",
                "meeting",
                "--date",
                &format!("2022-10-{:02}", 10 + i),
            ]
            .map(String::from)
            .to_vec()
        })
        .collect();
    let outs = parallel(d, runs);
    let mut added: Vec<String> = Vec::new();
    for o in &outs {
        match o.status.code() {
            Some(0) => added.push(stdout(o).trim().to_string()),
            Some(2) => assert!(stderr(o).contains("must come after"), "{}", stderr(o)),
            other => panic!("exit {other:?}: {}", stderr(o)),
        }
    }
    let out = pds_in(d, &["list", "meetings", "--format", "json"]);
    let listed: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let listed: Vec<String> = listed
        .as_array()
        .unwrap()
        .iter()
        .map(|m| m["number"].as_str().unwrap().to_string())
        .collect();
    let mut want: Vec<String> = ["1/2022", "2/2022", "3/2022"].map(String::from).to_vec();
    added.sort();
    let mut expected_new: Vec<String> = (4..4 + added.len()).map(|n| format!("{n}/2022")).collect();
    expected_new.sort();
    assert_eq!(
        added, expected_new,
        "each run that succeeded took its own number"
    );
    want.extend((4..4 + added.len()).map(|n| format!("{n}/2022")));
    assert_eq!(listed, want, "every meeting a run reported is in the file");
    assert!(!added.is_empty());
    assert_eq!(errors(d), 0);
}

#[test]
fn the_lock_and_the_temporary_files_leave_nothing_for_git_to_see() {
    let dir = record();
    let d = dir.path();
    let git = |args: &[&str]| {
        Command::new("git")
            .current_dir(d)
            .args(["-c", "user.name=t", "-c", "user.email=t@t"])
            .args(args)
            .output()
    };
    match git(&["init", "-q"]) {
        Ok(o) if o.status.success() => {}
        _ if std::env::var("CI").as_deref() == Ok("true") => panic!("git is needed in CI"),
        _ => {
            eprintln!("skipped: git is not installed");
            return;
        }
    }
    git(&["add", "-A"]).unwrap();
    git(&["commit", "-qm", "record"]).unwrap();
    let runs = vec![
        [
            "new",
            "case",
            "--title",
            "Locked",
            "--meeting",
            "3/2022",
            "--type",
            "Discussion",
        ]
        .map(String::from)
        .to_vec(),
        ["schedule", "digital-strategy", "--meeting", "3/2022"]
            .map(String::from)
            .to_vec(),
        ["new", "meeting", "--date", "2022-12-01"]
            .map(String::from)
            .to_vec(),
    ];
    for o in parallel(d, runs) {
        assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    }
    let status = git(&["status", "--porcelain", "--untracked-files=all"]).unwrap();
    let mut lines: Vec<String> = stdout(&status).lines().map(String::from).collect();
    lines.sort();
    let mut files: Vec<&str> = lines.iter().map(|l| &l[3..]).collect();
    files.sort();
    let prefixes: Vec<&str> = files
        .iter()
        .filter(|f| f.starts_with("2022/1"))
        .map(|f| &f[..10])
        .collect();
    assert_eq!(
        prefixes,
        ["2022/13-22", "2022/14-22"],
        "two new cases, two numbers: {lines:?}"
    );
    files.retain(|f| !f.starts_with("2022/1"));
    assert_eq!(
        files,
        ["2022/meetings.yaml", "drafts/digital-strategy.md"],
        "only the record's own changes, no lock or temporary file: {lines:?}"
    );
}
