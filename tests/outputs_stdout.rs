//! Writing to stdout: a full disk is exit 2 with a message (never a silent
//! success), a closed pipe (`pds list cases | head -1`) ends quietly.

mod common;
use common::*;
use std::process::{Command, Stdio};

fn pds_cmd(args: &[&str]) -> Command {
    let mut cmd = pds_command(&root());
    cmd.args(["--repo", "cases"]).args(args);
    cmd
}

const PRINTING: &[&[&str]] = &[
    &["list", "cases"],
    &["list", "meetings", "--format", "json"],
    &["check"],
    &["next", "--year", "2021"],
    &["render", "pack", "7/2021"],
    &["render", "notice", "7/2021", "--format", "html", "-o", "-"],
    &["check", "--explain", "case-gap"],
    &["completions", "bash"],
    &["render", "--help"],
    &["--version"],
];

#[test]
fn a_full_disk_on_stdout_is_exit_2_with_a_message() {
    let full = std::path::Path::new("/dev/full");
    if !full.exists() {
        assert_ne!(
            std::env::var("CI").as_deref(),
            Ok("true"),
            "/dev/full is missing"
        );
        eprintln!("skipped: no /dev/full on this machine");
        return;
    }
    for args in PRINTING {
        let out = pds_cmd(args)
            .stdout(std::fs::OpenOptions::new().write(true).open(full).unwrap())
            .output()
            .unwrap();
        assert_eq!(out.status.code(), Some(2), "{args:?}: {}", stderr(&out));
        assert!(
            stderr(&out).contains("cannot write to standard output")
                && stderr(&out).contains("space"),
            "{args:?}: {}",
            stderr(&out)
        );
    }
}

#[test]
fn a_closed_pipe_ends_quietly() {
    for args in PRINTING {
        let mut child = pds_cmd(args)
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .unwrap();
        // The reader goes away before pds has loaded the record, as `head` does.
        drop(child.stdout.take());
        let out = child.wait_with_output().unwrap();
        assert!(stderr(&out).is_empty(), "{args:?}: {}", stderr(&out));
        let expected = if args[0] == "check" && args.len() == 1 {
            // `check` keeps its own exit code: the record's findings decide it.
            pds_cmd(args).output().unwrap().status.code()
        } else {
            Some(0)
        };
        assert_eq!(out.status.code(), expected, "{args:?}");
    }
}

#[test]
fn a_full_disk_on_stderr_is_not_a_crash() {
    let full = std::path::Path::new("/dev/full");
    if !full.exists() {
        assert_ne!(
            std::env::var("CI").as_deref(),
            Ok("true"),
            "/dev/full is missing"
        );
        eprintln!("skipped: no /dev/full on this machine");
        return;
    }
    let open = || std::fs::OpenOptions::new().write(true).open(full).unwrap();
    // An error message that cannot be written: the exit code still says 2.
    let out = pds_cmd(&["render", "notice", "9/2029"])
        .stderr(open())
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    // Both streams full.
    let out = pds_cmd(&["list", "cases"])
        .stdout(open())
        .stderr(open())
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
}
