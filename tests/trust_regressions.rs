//! What a red-team run against the first fixes of the "Trust" issue still
//! broke: a document written into `.git`, a `git replace` hiding a held case's
//! change, invisible bidi characters reaching the terminal, and bodies of a
//! million `&` that took minutes.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    reason = "a panic is how a test fails"
)]

mod common;

use common::{git, pds_in, stderr, stdout, Record, EN_BOARD};
use std::process::Command;
use std::time::{Duration, Instant};

/// The English example board, in `rec/` of a fresh folder (so that files
/// can be written beside it).
fn en_board() -> (tempfile::TempDir, std::path::PathBuf) {
    let dir = Record::new().copy(EN_BOARD, "rec").build();
    let rec = dir.path().join("rec");
    (dir, rec)
}

fn has_git() -> bool {
    let found = Command::new("git").arg("--version").output().is_ok();
    if !found {
        assert!(
            std::env::var("CI").as_deref() != Ok("true"),
            "git is needed under CI"
        );
        eprintln!("git not installed: skipped");
    }
    found
}

#[test]
fn a_document_is_never_written_into_a_git_folder() {
    if !has_git() {
        return;
    }
    let (_tmp, rec) = en_board();
    git(&rec, &["init", "-q"]);
    git(&rec, &["add", "-A"]);
    git(&rec, &["commit", "-qm", "record"]);
    let hook = rec.join(".git/hooks/pre-commit");
    std::fs::write(&hook, "#!/bin/sh\nexit 0\n").unwrap();
    for target in [
        ".git/HEAD",
        ".git/config",
        ".git/hooks/pre-commit",
        ".git/new.md",
    ] {
        let path = rec.join(target);
        let before = std::fs::read(&path).ok();
        let out = pds_in(&rec, &["render", "notice", "3/2022", "-o", target]);
        assert_eq!(out.status.code(), Some(2), "{target}: {}", stderr(&out));
        assert!(stderr(&out).contains(".git"), "{}", stderr(&out));
        assert_eq!(std::fs::read(&path).ok(), before, "{target} was touched");
    }
    git(&rec, &["status", "--short"]);
}

#[cfg(unix)]
#[test]
fn a_replaced_document_loses_its_execute_bits() {
    use std::os::unix::fs::PermissionsExt;
    let (tmp, rec) = en_board();
    let out_path = tmp.path().join("notice.md");
    std::fs::write(&out_path, "#!/bin/sh\n").unwrap();
    std::fs::set_permissions(&out_path, std::fs::Permissions::from_mode(0o4755)).unwrap();
    let out = pds_in(
        &rec,
        &[
            "render",
            "notice",
            "3/2022",
            "-o",
            out_path.to_str().unwrap(),
        ],
    );
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let mode = std::fs::metadata(&out_path).unwrap().permissions().mode() & 0o7777;
    assert_eq!(
        mode, 0o644,
        "a document keeps read and write, never execute"
    );
}

#[test]
fn a_local_git_replace_does_not_hide_a_held_case_change() {
    if !has_git() {
        return;
    }
    let (tmp, rec) = en_board();
    git(&rec, &["init", "-q", "-b", "main"]);
    git(&rec, &["add", "-A"]);
    git(&rec, &["commit", "-qm", "record"]);
    git(&rec, &["checkout", "-qb", "work"]);
    // The base says meeting 1/2022 is held; a replacement object says planned.
    let meetings = std::fs::read_to_string(rec.join("2022/meetings.yaml")).unwrap();
    assert!(meetings.contains("status: held"));
    let fake = meetings.replacen("status: held", "status: planned", 1);
    let fake_path = tmp.path().join("fake.yaml");
    std::fs::write(&fake_path, fake).unwrap();
    let real = git(&rec, &["rev-parse", "main:2022/meetings.yaml"]);
    let forged = git(&rec, &["hash-object", "-w", fake_path.to_str().unwrap()]);
    git(&rec, &["replace", real.trim(), forged.trim()]);
    // Move a case of the held meeting 1/2022 to meeting 2/2022.
    let case = rec.join("2022/04-22-any-other-business.md");
    let text = std::fs::read_to_string(&case).unwrap();
    assert!(text.contains("meeting: 1/2022"), "{text}");
    std::fs::write(&case, text.replace("meeting: 1/2022", "meeting: 2/2022")).unwrap();
    git(&rec, &["commit", "-qam", "move a held case"]);
    let out = pds_in(&rec, &["check", "--base", "main", "--format", "json"]);
    assert!(
        stdout(&out).contains("held-case-changed"),
        "{}\n{}",
        stdout(&out),
        stderr(&out)
    );
}

#[test]
fn bidi_and_zero_width_characters_are_written_out_in_listings() {
    let (_tmp, rec) = en_board();
    let case = rec.join("2022/03-22-budget-2022.md");
    let text = std::fs::read_to_string(&case).unwrap();
    let title = text
        .lines()
        .find(|l| l.starts_with("title: "))
        .unwrap()
        .to_string();
    let forged = format!("{title} \u{202e}fdp.exe\u{200b}");
    std::fs::write(&case, text.replacen(&title, &forged, 1)).unwrap();
    let out = pds_in(&rec, &["list", "cases"]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let listed = stdout(&out);
    assert!(!listed.contains('\u{202e}') && !listed.contains('\u{200b}'));
    assert!(listed.contains("\\u{202e}fdp.exe\\u{200b}"), "{listed}");
}

#[test]
fn a_body_of_a_million_ampersands_formats_and_renders_in_linear_time() {
    let (tmp, rec) = en_board();
    let case = rec.join("2022/08-22-any-other-business.md");
    let mut text = std::fs::read_to_string(&case).unwrap();
    text.push('\n');
    text.push_str(&"&".repeat(800_000));
    text.push('\n');
    std::fs::write(&case, text).unwrap();
    let out_path = tmp.path().join("case.html");
    let started = Instant::now();
    let out = pds_in(
        &rec,
        &[
            "render",
            "case",
            "8/22",
            "--format",
            "html",
            "-o",
            out_path.to_str().unwrap(),
        ],
    );
    let render = started.elapsed();
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let html = std::fs::read_to_string(&out_path).unwrap();
    assert_eq!(html.matches("&amp;").count(), 800_000, "every & is kept");
    let started = Instant::now();
    let out = pds_in(&rec, &["fmt", "--check"]);
    let fmt = started.elapsed();
    assert!(out.status.code() == Some(0) || out.status.code() == Some(1));
    // Both took minutes in a debug build before (quadratic); generous limits.
    assert!(render < Duration::from_secs(60), "render took {render:?}");
    assert!(fmt < Duration::from_secs(60), "fmt --check took {fmt:?}");
}
