//! The real `pre-commit` tool runs pds's hooks on a record in a subfolder of a
//! git repository: this repository's `.pre-commit-hooks.yaml` with `--repo`
//! and `files:` set as its comment says and without them (pds finds the
//! record from the files pre-commit hands it), and the configuration `pds init`
//! writes. Both pass on a clean record and fail, naming the finding, on a case
//! number used twice. Without pre-commit (`pip install pre-commit`) the tests
//! say what they skipped and pass, except on CI (`CI=true`), where they fail.

#![expect(
    clippy::unwrap_used,
    clippy::indexing_slicing,
    reason = "a panic is how a test fails"
)]
mod common;
use common::*;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};
use std::time::Duration;

/// pre-commit's first run sets up its cache; a slow, shared machine needs time.
const PRE_COMMIT_LIMIT: Duration = Duration::from_secs(180);

/// How to run pre-commit here: `pre-commit`, or `python3 -m pre_commit` when
/// pip put it where PATH does not look; `None` (a failure on CI) when neither runs.
fn pre_commit_program() -> Option<Vec<&'static str>> {
    let mut tried = Vec::new();
    for program in [&["pre-commit"][..], &["python3", "-m", "pre_commit"][..]] {
        let ran = Command::new(program[0])
            .args(&program[1..])
            .arg("--version")
            .output();
        if ran.as_ref().is_ok_and(|o| o.status.success()) {
            return Some(program.to_vec());
        }
        tried.push(format!("{program:?}: {ran:?}"));
    }
    assert!(
        std::env::var("CI").as_deref() != Ok("true"),
        "pre-commit is needed on CI (python3 -m pip install pre-commit): {tried:?}"
    );
    eprintln!("skipped: running the pre-commit hooks (python3 -m pip install pre-commit)");
    None
}

/// The folder of the `pds` the tests run, for PATH.
fn pds_folder() -> PathBuf {
    let cmd = pds_command(Path::new("."));
    PathBuf::from(cmd.get_program())
        .parent()
        .unwrap()
        .to_path_buf()
}

/// `pre-commit run --all-files` in `repo`, with the tests' pds first on PATH
/// and pre-commit's cache in `cache`.
fn pre_commit(program: &[&str], repo: &Path, cache: &Path) -> Output {
    let path = std::env::join_paths(std::iter::once(pds_folder()).chain(std::env::split_paths(
        &std::env::var_os("PATH").unwrap_or_default(),
    )))
    .unwrap();
    output_within(
        Command::new(program[0])
            .args(&program[1..])
            .args(["run", "--all-files", "--color", "never"])
            .current_dir(repo)
            .env("PATH", path)
            .env("PRE_COMMIT_HOME", cache)
            .env("NO_COLOR", "1")
            .env("GIT_AUTHOR_NAME", "Test")
            .env("GIT_AUTHOR_EMAIL", "test@example.org")
            .env("GIT_COMMITTER_NAME", "Test")
            .env("GIT_COMMITTER_EMAIL", "test@example.org"),
        PRE_COMMIT_LIMIT,
    )
}

fn both(out: &Output) -> String {
    format!("{}{}", stdout(out), stderr(out))
}

/// A git repository holding this repository's `.pre-commit-hooks.yaml`, as a
/// hook source; its commit. The hooks are `language: rust`, which makes
/// pre-commit build pds with cargo (minutes); here they run the pds on PATH
/// (`language: system`), everything else as written.
fn hook_source(dir: &Path) -> String {
    let hooks = std::fs::read_to_string(root().join(".pre-commit-hooks.yaml")).unwrap();
    assert_eq!(hooks.matches("language: rust").count(), 2, "{hooks}");
    write(
        dir,
        ".pre-commit-hooks.yaml",
        hooks.replace("language: rust", "language: system"),
    );
    git(dir, &["init", "-q"]);
    git(dir, &["add", "-A"]);
    git(dir, &["commit", "-qm", "hooks"]);
    git(dir, &["rev-parse", "HEAD"]).trim().to_string()
}

/// A case with number 1/22 beside the one the en-board has: `duplicate-case`.
fn duplicate(record: &Path) {
    let case = std::fs::read_to_string(record.join("2022/01-22-approval-of-notice.md")).unwrap();
    write(record, "2022/01-22-approval-again.md", case);
}

#[test]
fn the_repositorys_hooks_check_a_record_in_a_subfolder() {
    let Some(program) = pre_commit_program() else {
        return;
    };
    let hooks = Record::new().build();
    let rev = hook_source(hooks.path());
    let cache = Record::new().build();
    let config = |extra: &str| {
        format!(
            "repos:\n  - repo: {}\n    rev: {rev}\n    hooks:\n      - {{ id: pds-check{extra} }}\n      - {{ id: pds-fmt{extra} }}\n",
            hooks.path().display()
        )
    };
    let repo = Record::new()
        .copy(EN_BOARD, "cases")
        .file("README.md", "# The board's repository\n")
        .file(
            ".pre-commit-config.yaml",
            config(", args: [--repo, cases], files: ^cases/"),
        )
        .build();
    git(repo.path(), &["init", "-q"]);
    git(repo.path(), &["add", "-A"]);
    let out = pre_commit(&program, repo.path(), cache.path());
    assert_eq!(out.status.code(), Some(0), "{}", both(&out));
    assert!(both(&out).contains("pds check"), "{}", both(&out));

    duplicate(&repo.path().join("cases"));
    git(repo.path(), &["add", "-A"]);
    let out = pre_commit(&program, repo.path(), cache.path());
    assert_eq!(out.status.code(), Some(1), "{}", both(&out));
    assert!(both(&out).contains("duplicate-case"), "{}", both(&out));
    assert!(
        both(&out).contains("cases/2022/01-22-approval-again.md"),
        "{}",
        both(&out)
    );

    // Without --repo or files: the hooks run at the top, handed every file
    // (README.md too); pds finds the record from the files in cases/.
    write(repo.path(), ".pre-commit-config.yaml", config(""));
    git(repo.path(), &["add", "-A"]);
    let out = pre_commit(&program, repo.path(), cache.path());
    assert_eq!(out.status.code(), Some(1), "{}", both(&out));
    assert!(both(&out).contains("duplicate-case"), "{}", both(&out));
    assert!(
        both(&out).contains("cases/2022/01-22-approval-again.md"),
        "{}",
        both(&out)
    );
    std::fs::remove_file(repo.path().join("cases/2022/01-22-approval-again.md")).unwrap();
    git(repo.path(), &["add", "-A"]);
    let out = pre_commit(&program, repo.path(), cache.path());
    assert_eq!(out.status.code(), Some(0), "{}", both(&out));
    assert!(both(&out).contains("pds check"), "{}", both(&out));
}

#[test]
fn the_configuration_pds_init_writes_runs_from_the_top() {
    let Some(program) = pre_commit_program() else {
        return;
    };
    let cache = Record::new().build();
    let repo = Record::new().file("README.md", "# Board\n").build();
    git(repo.path(), &["init", "-q"]);
    let out = pds_in(
        repo.path(),
        &[
            "init",
            "board record",
            "--board",
            "B",
            "--language",
            "en",
            "--year",
            "2030",
        ],
    );
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let record = repo.path().join("board record");
    let out = pds_in(
        &record,
        &[
            "new",
            "case",
            "--title",
            "Budget",
            "--meeting",
            "1/2030",
            "--type",
            "Decision",
        ],
    );
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    git(repo.path(), &["add", "-A"]);
    let out = pre_commit(&program, repo.path(), cache.path());
    assert_eq!(out.status.code(), Some(0), "{}", both(&out));

    let case = std::fs::read_to_string(record.join("2030/01-30-budget.md")).unwrap();
    write(&record, "2030/01-30-budget-again.md", case);
    git(repo.path(), &["add", "-A"]);
    let out = pre_commit(&program, repo.path(), cache.path());
    assert_eq!(out.status.code(), Some(1), "{}", both(&out));
    assert!(both(&out).contains("duplicate-case"), "{}", both(&out));
}
