//! The whole review loop in a real git repository, as a secretariat runs it:
//! `pds init`, two branches each drafting a case and scheduling it for the
//! same meeting, the first merged; the second, brought up to date, is caught
//! by `check --base main` (`number-taken`), `renumber` gives its case the next
//! number, `diff --base main` shows the change for the pull request, and after
//! the merge the record is clean.

mod common;
use common::*;
use std::path::Path;
use std::process::Output;

fn ok(what: &str, out: &Output) -> String {
    assert_eq!(
        out.status.code(),
        Some(0),
        "{what}\nstdout:\n{}\nstderr:\n{}",
        stdout(out),
        stderr(out)
    );
    stdout(out)
}

/// On a new branch from main: a draft, then scheduled for meeting 1/2030.
fn draft_and_schedule(repo: &Path, branch: &str, title: &str, slug: &str) {
    let record = repo.join("cases");
    git(repo, &["checkout", "-q", "-b", branch, "main"]);
    let out = pds_in(&record, &["new", "case", "--title", title]);
    assert!(ok("new case", &out).contains(&format!("drafts/{slug}.md")));
    let out = pds_in(
        &record,
        &[
            "schedule",
            slug,
            "--meeting",
            "1/2030",
            "--type",
            "Decision",
        ],
    );
    assert!(ok("schedule", &out).contains("1/30"), "{}", stdout(&out));
    git(repo, &["add", "-A"]);
    git(repo, &["commit", "-qm", title]);
}

#[test]
fn two_branches_take_the_same_number_and_the_loop_sorts_it_out() {
    let dir = Record::new().file("README.md", "# The board\n").build();
    let repo = dir.path();
    let record = repo.join("cases");
    git(repo, &["init", "-q"]);
    git(repo, &["checkout", "-q", "-b", "main"]);
    ok(
        "init",
        &pds_in(
            repo,
            &[
                "init",
                "cases",
                "--board",
                "B",
                "--language",
                "en",
                "--year",
                "2030",
            ],
        ),
    );
    git(repo, &["add", "-A"]);
    git(repo, &["commit", "-qm", "pds init"]);

    draft_and_schedule(repo, "budget", "Budget 2031", "budget-2031");
    draft_and_schedule(repo, "risks", "Risk appetite", "risk-appetite");

    // The first pull request is merged.
    git(repo, &["checkout", "-q", "main"]);
    git(repo, &["merge", "-q", "--no-edit", "budget"]);
    ok("check on main", &pds_in(&record, &["check"]));

    // The second pull request, as it stands: its number is taken on main.
    git(repo, &["checkout", "-q", "risks"]);
    let out = pds_in(&record, &["check", "--base", "main"]);
    assert_eq!(out.status.code(), Some(1), "{}", stdout(&out));
    assert!(stdout(&out).contains("number-taken"), "{}", stdout(&out));
    assert!(
        stdout(&out).contains("2030/01-30-risk-appetite.md"),
        "{}",
        stdout(&out)
    );
    // Brought up to date with main: both files, one number, still refused.
    git(repo, &["merge", "-q", "--no-edit", "main"]);
    let out = pds_in(&record, &["check", "--base", "main"]);
    assert_eq!(out.status.code(), Some(1), "{}", stdout(&out));
    for said in ["01-30-risk-appetite.md", "01-30-budget-2031.md"] {
        assert!(stdout(&out).contains(said), "{said}: {}", stdout(&out));
    }

    // 1/30 is carried by two cases: renumber wants the one meant, by its path.
    let out = pds_in(&record, &["renumber", "1/30", "2/30"]);
    assert_eq!(out.status.code(), Some(1), "{}", stderr(&out));
    assert!(
        stderr(&out).contains("01-30-budget-2031.md"),
        "{}",
        stderr(&out)
    );
    assert!(
        stderr(&out).contains("01-30-risk-appetite.md"),
        "{}",
        stderr(&out)
    );
    ok(
        "renumber",
        &pds_in(
            &record,
            &["renumber", "2030/01-30-risk-appetite.md", "--next"],
        ),
    );
    assert!(record.join("2030/02-30-risk-appetite.md").is_file());
    assert!(!record.join("2030/01-30-risk-appetite.md").exists());
    ok(
        "check --base main",
        &pds_in(&record, &["check", "--base", "main"]),
    );

    // What the reviewer sees on the pull request.
    let diff = ok(
        "diff",
        &pds_in(&record, &["diff", "--base", "main", "--format", "md"]),
    );
    assert!(diff.contains("Risk appetite"), "{diff}");
    assert!(diff.contains("2/30"), "{diff}");
    assert!(
        !diff.contains("Budget 2031"),
        "main's case is no change: {diff}"
    );

    git(repo, &["add", "-A"]);
    git(repo, &["commit", "-qm", "renumber to 2/30"]);
    git(repo, &["checkout", "-q", "main"]);
    git(repo, &["merge", "-q", "--no-edit", "risks"]);
    let out = ok("check after the merge", &pds_in(&record, &["check"]));
    assert!(out.contains("0 errors, 0 warnings"), "{out}");
    let cases = ok(
        "list",
        &pds_in(&record, &["list", "cases", "--meeting", "1/2030"]),
    );
    assert!(
        cases.contains("1/30") && cases.contains("Budget 2031"),
        "{cases}"
    );
    assert!(
        cases.contains("2/30") && cases.contains("Risk appetite"),
        "{cases}"
    );
}
