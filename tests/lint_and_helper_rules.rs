//! Rules of the house that a reader of one file cannot see broken: every
//! test runs `pds` and builds its record through `tests/common` (one way to
//! do each, so a fix to it reaches every test); every lint switched off says
//! why; release builds are link-time optimised and stripped.

mod common;
use common::*;
use std::path::{Path, PathBuf};

/// The `.rs` files under `dir`, recursively, sorted.
fn rust_files(dir: &Path) -> Vec<PathBuf> {
    let mut files = Vec::new();
    let mut stack = vec![dir.to_path_buf()];
    while let Some(d) = stack.pop() {
        let Ok(entries) = std::fs::read_dir(&d) else {
            continue;
        };
        for entry in entries.flatten() {
            let path = entry.path();
            if path.is_dir() {
                stack.push(path);
            } else if path.extension().is_some_and(|e| e == "rs") {
                files.push(path);
            }
        }
    }
    files.sort();
    files
}

/// `path` relative to the project, with `/`.
fn shown(path: &Path) -> String {
    let rel = path.strip_prefix(root()).unwrap_or(path);
    rel.to_string_lossy().replace('\\', "/")
}

#[test]
fn tests_run_pds_and_build_records_only_through_common() {
    let this = root().join(file!());
    let mut broken = Vec::new();
    for path in rust_files(&root().join("tests")) {
        if path.starts_with(root().join("tests/common")) || path == this {
            continue;
        }
        let text = std::fs::read_to_string(&path).unwrap_or_default();
        for (needle, instead) in [
            (
                "CARGO_BIN_EXE_pds",
                "runs the binary itself: use common::pds / pds_in, or pds_command",
            ),
            (
                "copy_dir(",
                "copies a record itself: use common::Record::copy_of / copy",
            ),
            (
                "\nfn write(",
                "has its own file writer: use common::Record::file or common::write",
            ),
        ] {
            if text.contains(needle) {
                broken.push(format!("{}: {instead}", shown(&path)));
            }
        }
    }
    assert!(broken.is_empty(), "{}", broken.join("\n"));
}

/// Each `#[allow(…)]` / `#[expect(…)]` attribute in `text` that gives no
/// `reason = "…"`, by line number.
fn allows_without_reason(text: &str) -> Vec<usize> {
    let mut missing = Vec::new();
    let mut lines = text.lines().enumerate();
    while let Some((i, line)) = lines.next() {
        let start = line.trim_start();
        if !(start.starts_with("#[") || start.starts_with("#![")) {
            continue;
        }
        // The whole attribute: up to the line that balances its brackets.
        let mut attribute = line.to_string();
        let open = |a: &str| a.matches('[').count() > a.matches(']').count();
        while open(&attribute) {
            let Some((_, more)) = lines.next() else { break };
            attribute.push_str(more);
        }
        let lint_level = attribute.contains("allow(") || attribute.contains("expect(");
        if lint_level && !attribute.contains("reason") {
            missing.push(i + 1);
        }
    }
    missing
}

#[test]
fn every_lint_switched_off_says_why() {
    let mut files = Vec::new();
    for dir in ["src", "tests", "benches", "fuzz/fuzz_targets"] {
        files.extend(rust_files(&root().join(dir)));
    }
    assert!(files.len() > 50, "the sources were found: {}", files.len());
    let mut broken = Vec::new();
    for path in files {
        let text = std::fs::read_to_string(&path).unwrap_or_default();
        for line in allows_without_reason(&text) {
            broken.push(format!(
                "{}:{line}: say why, as #[expect(lint, reason = \"…\")] (or allow where \
                 expect cannot hold everywhere)",
                shown(&path)
            ));
        }
    }
    assert!(broken.is_empty(), "{}", broken.join("\n"));
}

#[test]
fn release_builds_are_link_time_optimised_and_stripped() {
    let manifest = std::fs::read_to_string(root().join("Cargo.toml")).unwrap_or_default();
    let release: Vec<&str> = manifest
        .lines()
        .skip_while(|l| l.trim() != "[profile.release]")
        .skip(1)
        .take_while(|l| !l.trim_start().starts_with('['))
        .map(|l| l.split('#').next().unwrap_or("").trim())
        .filter(|l| !l.is_empty())
        .collect();
    let value = |key: &str| {
        release
            .iter()
            .filter_map(|l| l.split_once('='))
            .find(|(k, _)| k.trim() == key)
            .map(|(_, v)| v.trim().to_string())
    };
    let lto = value("lto");
    assert!(
        matches!(lto.as_deref(), Some("true" | "\"fat\"" | "\"thin\"")),
        "[profile.release] lto = {lto:?} in Cargo.toml"
    );
    let strip = value("strip");
    assert!(
        matches!(strip.as_deref(), Some("true" | "\"symbols\"")),
        "[profile.release] strip = {strip:?} in Cargo.toml"
    );
}
