//! `render -o`: what it may write. A device, FIFO, socket, symbolic link or
//! any file of the record is refused with exit 2 and left exactly as it was;
//! `-o -` is stdout.
#![expect(clippy::unwrap_used, reason = "a panic is how a test fails")]

mod common;
use common::*;
use std::os::unix::fs::{FileTypeExt, MetadataExt};
use std::path::Path;

/// A copy of the English example record, with a template of its own.
fn record() -> tempfile::TempDir {
    Record::copy_of(EN_BOARD)
        .file("templates/notice.md", "# {{ meeting.number }}\n")
        .file("2022/diagram.png", b"\x89PNG not really")
        .build()
}

/// What the target is, as `ls -li` would tell: type, inode, bytes (of a file) or link target.
fn identity(path: &Path) -> (String, u64, Vec<u8>) {
    let meta = std::fs::symlink_metadata(path).unwrap();
    let t = meta.file_type();
    let (kind, content) = if t.is_symlink() {
        (
            "link",
            std::fs::read_link(path)
                .unwrap()
                .into_os_string()
                .into_encoded_bytes(),
        )
    } else if t.is_fifo() {
        ("fifo", Vec::new())
    } else if t.is_socket() {
        ("socket", Vec::new())
    } else if t.is_char_device() {
        ("char device", Vec::new())
    } else if t.is_file() {
        ("file", std::fs::read(path).unwrap())
    } else {
        ("other", Vec::new())
    };
    (kind.to_string(), meta.ino(), content)
}

/// `pds render notice 1/2022 -o TARGET` (plus `extra`) is refused and leaves TARGET as it was.
fn refused(dir: &Path, target: &Path, extra: &[&str], why: &str) {
    let before = identity(target);
    let snapshot_before = snapshot(dir).unwrap();
    let t = target.to_str().unwrap();
    let mut args = vec!["render", "notice", "1/2022"];
    args.extend_from_slice(extra);
    args.extend(["-o", t]);
    let out = pds_in(dir, &args);
    assert_eq!(out.status.code(), Some(2), "{args:?}: {}", stderr(&out));
    assert!(
        stderr(&out).contains(&format!("cannot write {t}: ")) && stderr(&out).contains(why),
        "{args:?}: {}",
        stderr(&out)
    );
    assert!(stdout(&out).is_empty(), "{}", stdout(&out));
    assert_eq!(identity(target), before, "{t} untouched");
    assert_eq!(
        snapshot(dir).unwrap(),
        snapshot_before,
        "nothing else written"
    );
}

#[test]
fn special_files_and_links_are_refused_and_left_as_they_were() {
    let rec = record();
    let out = tempfile::tempdir().unwrap();
    let o = out.path();

    let fifo = o.join("notice.md");
    let status = std::process::Command::new("mkfifo")
        .arg(&fifo)
        .status()
        .unwrap();
    assert!(status.success());
    // (Opening a FIFO with no reader would hang: pds must not even try.)
    refused(rec.path(), &fifo, &[], "a FIFO");

    let socket = o.join("notice.sock");
    let _listener = std::os::unix::net::UnixListener::bind(&socket).unwrap();
    refused(rec.path(), &socket, &["--format", "html"], "a socket");

    let elsewhere = o.join("precious.txt");
    std::fs::write(&elsewhere, "keep me\n").unwrap();
    let link = o.join("link.md");
    std::os::unix::fs::symlink(&elsewhere, &link).unwrap();
    refused(rec.path(), &link, &[], "a symbolic link");
    assert_eq!(std::fs::read_to_string(&elsewhere).unwrap(), "keep me\n");

    // A dangling link too: writing would create a file wherever it points.
    let dangling = o.join("dangling.md");
    std::os::unix::fs::symlink(o.join("nowhere/at/all.md"), &dangling).unwrap();
    refused(rec.path(), &dangling, &[], "a symbolic link");

    // /dev/null (as root, a rename would replace the device with a file).
    let null = Path::new("/dev/null");
    if null.exists() {
        refused(rec.path(), null, &[], "a device");
        let meta = std::fs::metadata(null).unwrap();
        assert!(
            meta.file_type().is_char_device(),
            "/dev/null is still a device"
        );
    }
}

#[test]
fn files_of_the_record_are_refused_and_left_as_they_were() {
    let rec = record();
    let d = rec.path();
    for rel in [
        "pds.yaml",
        "2022/meetings.yaml",
        "2022/actions.yaml",
        "2022/01-22-approval-of-notice.md",
        "drafts/digital-strategy.md",
        "templates/notice.md",
        "2022/diagram.png",
    ] {
        refused(d, &d.join(rel), &[], "a file of the record");
    }
    // Also by a relative path from inside the record, and a path that would
    // become a new case file.
    let out = pds_in(
        &d.join("2022"),
        &[
            "render",
            "notice",
            "1/2022",
            "-o",
            "../2022/./new-notice.md",
        ],
    );
    assert_eq!(out.status.code(), Some(2), "{}", stderr(&out));
    assert!(!d.join("2022/new-notice.md").exists());
    // A case rendered onto its own source.
    let source = d.join("2022/02-22-programme-status.md");
    let before = std::fs::read(&source).unwrap();
    let out = pds_in(
        d,
        &[
            "render",
            "case",
            "2/22",
            "-o",
            "2022/02-22-programme-status.md",
        ],
    );
    assert_eq!(out.status.code(), Some(2), "{}", stderr(&out));
    assert_eq!(std::fs::read(&source).unwrap(), before);
}

#[test]
fn a_dash_is_stdout_and_regular_files_are_written() {
    let rec = record();
    let d = rec.path();
    let plain = pds_in(d, &["render", "notice", "1/2022"]);
    assert_eq!(plain.status.code(), Some(0), "{}", stderr(&plain));
    let dash = pds_in(d, &["render", "notice", "1/2022", "-o", "-"]);
    assert_eq!(dash.status.code(), Some(0), "{}", stderr(&dash));
    assert!(!stdout(&dash).is_empty());
    assert_eq!(stdout(&dash), stdout(&plain));
    assert!(!d.join("-").exists(), "no file named -");

    // A regular file outside the record's folders: written, then replaced.
    let out_dir = tempfile::tempdir().unwrap();
    let target = out_dir.path().join("notice.md");
    std::fs::write(&target, "old\n").unwrap();
    let out = pds_in(
        d,
        &["render", "notice", "1/2022", "-o", target.to_str().unwrap()],
    );
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert_eq!(std::fs::read_to_string(&target).unwrap(), stdout(&plain));
    // And a new file at the record's top (not a file pds reads).
    let out = pds_in(d, &["render", "notice", "1/2022", "-o", "notice-1-2022.md"]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert!(d.join("notice-1-2022.md").is_file());
}

#[test]
fn pdf_goes_through_the_same_checks_and_a_dash_sends_its_bytes_to_stdout() {
    let rec = record();
    let d = rec.path();
    let run = |args: &[&str]| {
        pds_command(d)
            .args(["render", "notice", "1/2022", "--format", "pdf"])
            .args(args)
            .output()
            .unwrap()
    };
    let out = run(&["-o", "-"]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert!(out.stdout.starts_with(b"%PDF-"), "a PDF on stdout");
    // The record's files are refused for a PDF too.
    let meetings = d.join("2022/meetings.yaml");
    let before = std::fs::read(&meetings).unwrap();
    let out = run(&["-o", meetings.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(2), "{}", stderr(&out));
    assert_eq!(std::fs::read(&meetings).unwrap(), before);
    let out = run(&[]);
    assert_eq!(out.status.code(), Some(2), "{}", stderr(&out));
    assert!(stderr(&out).contains("-o FILE"), "{}", stderr(&out));
}
