//! `pds diff --base REV` in real git repositories: the cases added, changed,
//! renamed or removed since a revision, as Markdown for a pull request's
//! comment and as an HTML page, with every text from the record escaped.
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

/// `pds diff` run in the record's folder: exit code and stdout (stderr shown on failure).
fn diff(dir: &Path, args: &[&str]) -> (Option<i32>, String) {
    let mut all = vec!["diff"];
    all.extend_from_slice(args);
    let out = pds_in(&dir.join("board"), &all);
    assert_ne!(out.status.code(), Some(101), "{}", stderr(&out));
    (out.status.code(), stdout(&out))
}

fn edit(dir: &Path, rel: &str, from: &str, to: &str) {
    let path = dir.join("board").join(rel);
    let text = std::fs::read_to_string(&path).unwrap();
    assert!(text.contains(from), "{rel} holds {from:?}");
    std::fs::write(path, text.replacen(from, to, 1)).unwrap();
}

const BUDGET: &str = "2022/03-22-budget-2022.md";

#[test]
fn a_changed_case_shows_its_changed_values_and_its_words() {
    let dir = repo();
    let d = dir.path();
    edit(d, BUDGET, "owner: Finance", "owner: Finance office");
    edit(d, BUDGET, "three-year plan", "four-year plan");
    let (code, md) = diff(d, &["--base", "main"]);
    assert_eq!(code, Some(0), "{md}");
    // The summary first, then the case's heading and file.
    assert!(
        md.starts_with("## pds diff\n\n1 case changed since main: 1 changed.\n"),
        "{md}"
    );
    assert!(md.contains("### 3/22 Budget 2022\n"), "{md}");
    assert!(
        md.contains("*changed*: 2022/03-22-budget-2022.md\n"),
        "{md}"
    );
    // Only the value that changed, as a table row.
    assert!(
        md.contains(
            "| field | before | after |\n|---|---|---|\n| owner | Finance | Finance office |\n\n"
        ),
        "{md}"
    );
    // The rendered document, word by word: only the changed word marked.
    assert!(
        md.contains("frame agreed in the <del>three-year</del><ins>four-year</ins> plan."),
        "{md}"
    );
    // The owner is in the document too (its table): rendered, not raw front matter.
    let owner = md.lines().find(|l| l.starts_with("| **Owner** |")).unwrap();
    assert!(
        owner.contains("Finance") && owner.contains("<ins>office") && !owner.contains("<del>"),
        "{md}"
    );
    // No other case is named.
    assert_eq!(md.matches("\n### ").count(), 1, "{md}");
}

#[test]
fn added_removed_and_drafted_cases_each_show_once() {
    let dir = repo();
    let d = dir.path();
    git(d, &["rm", "-q", "board/2022/12-22-any-other-business.md"]);
    let new = pds_in(
        &d.join("board"),
        &["new", "case", "--title", "Estates review"],
    );
    assert_eq!(new.status.code(), Some(0), "{}", stderr(&new));
    edit(
        d,
        "drafts/digital-strategy.md",
        "An outline will follow.",
        "An outline is attached.",
    );
    let (code, md) = diff(d, &["--base", "main"]);
    assert_eq!(code, Some(0), "{md}");
    assert!(
        md.contains("\n3 cases changed since main: 1 added, 1 changed, 1 removed.\n"),
        "{md}"
    );
    // Numbered cases first, then drafts (marked "Draft", the board's word).
    let headings: Vec<&str> = md.lines().filter(|l| l.starts_with("### ")).collect();
    assert_eq!(
        headings,
        [
            "### 12/22 Any other business",
            "### Draft: Digital strategy 2023–2026",
            "### Draft: Estates review",
        ],
        "{md}"
    );
    assert!(md.contains("*removed*: 2022/12"), "{md}");
    assert!(md.contains("*added*: drafts/estates"), "{md}");
    // A removed case's values are all "before", an added one's "after".
    assert!(md.contains("| title | Any other business |  |\n"), "{md}");
    assert!(md.contains("| title |  | Estates review |\n"), "{md}");
    assert!(md.contains("<del># 12/22 Any other business</del>"), "{md}");
    assert!(md.contains("<ins># Draft: Estates review</ins>"), "{md}");
    assert!(
        md.contains("An outline <del>will follow.</del><ins>is attached.</ins>"),
        "{md}"
    );
}

#[test]
fn a_scheduled_draft_is_one_change_not_a_removal_and_an_addition() {
    let dir = repo();
    let d = dir.path();
    let out = pds_in(
        &d.join("board"),
        &["schedule", "digital-strategy", "--meeting", "3/2022"],
    );
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let (code, md) = diff(d, &["--base", "main"]);
    assert_eq!(code, Some(0), "{md}");
    assert!(
        md.contains("\n1 case changed since main: 1 changed.\n"),
        "{md}"
    );
    assert!(
        md.contains("### 13/22 Digital strategy 2023–2026\n"),
        "{md}"
    );
    assert!(
        md.contains("*changed*: 2022/13-22-digital-strategy.md (was drafts/digital-strategy.md)\n"),
        "{md}"
    );
    assert!(md.contains("| number |  | 13/22 |\n"), "{md}");
    assert!(md.contains("| status | draft | ready |\n"), "{md}");
    // The document loses its draft mark and gains its number.
    assert!(
        md.contains("<del>*no number yet*</del><ins>13/22</ins>"),
        "{md}"
    );
}

#[test]
fn a_renumbered_case_and_a_moved_file_are_one_change_each() {
    let dir = repo();
    let d = dir.path();
    // Renumbered by hand: file renamed, number rewritten.
    git(
        d,
        &[
            "mv",
            "board/2022/12-22-any-other-business.md",
            "board/2022/13-22-any-other-business.md",
        ],
    );
    edit(
        d,
        "2022/13-22-any-other-business.md",
        "number: 12/22",
        "number: 13/22",
    );
    // Only the file's name changed.
    git(
        d,
        &[
            "mv",
            "board/2022/11-22-risk-appetite-statement.md",
            "board/2022/11-22-risk-appetite.md",
        ],
    );
    let (code, md) = diff(d, &["--base", "main"]);
    assert_eq!(code, Some(0), "{md}");
    assert!(
        md.contains("\n2 cases changed since main: 1 changed, 1 renamed.\n"),
        "{md}"
    );
    assert!(md.contains("| number | 12/22 | 13/22 |\n"), "{md}");
    assert!(
        md.contains("### 11/22 Risk appetite statement\n\n*renamed*:"),
        "{md}"
    );
    assert!(!md.contains("*added*") && !md.contains("*removed*"), "{md}");
}

#[test]
fn no_change_says_so_and_exits_0() {
    let dir = repo();
    let (code, md) = diff(dir.path(), &["--base", "main"]);
    assert_eq!(code, Some(0));
    assert_eq!(md, "## pds diff\n\nNo case changed since main.\n");
    // A file that is not a case (meetings) is no case's change.
    edit(dir.path(), "2022/meetings.yaml", "Online", "Video call");
    let (code, md) = diff(dir.path(), &["--base", "main"]);
    assert_eq!(code, Some(0));
    assert!(md.contains("No case changed since main."), "{md}");
}

#[test]
fn a_bad_revision_or_no_repository_is_exit_2_naming_it() {
    let dir = repo();
    let out = pds_in(
        &dir.path().join("board"),
        &["diff", "--base", "no-such-branch"],
    );
    assert_eq!(out.status.code(), Some(2));
    assert!(
        stderr(&out).contains("`no-such-branch` is not a revision"),
        "{}",
        stderr(&out)
    );
    assert!(out.stdout.is_empty());

    let plain = Record::copy_of(EN_BOARD).build();
    let out = pds_in(plain.path(), &["diff", "--base", "main"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(
        stderr(&out).contains("not inside a git repository"),
        "{}",
        stderr(&out)
    );
}

/// The Markdown as GitHub would read it (CommonMark with tables): its HTML.
fn as_github_would(md: &str) -> String {
    let mut options = pulldown_cmark::Options::empty();
    options.insert(pulldown_cmark::Options::ENABLE_TABLES);
    options.insert(pulldown_cmark::Options::ENABLE_STRIKETHROUGH);
    let mut html = String::new();
    pulldown_cmark::html::push_html(&mut html, pulldown_cmark::Parser::new_ext(md, options));
    html
}

#[test]
fn hostile_text_stays_text_in_markdown_and_html() {
    let dir = repo();
    let d = dir.path();
    edit(
        d,
        BUDGET,
        "title: Budget 2022",
        "title: \"Budget | `2022` <script>alert(1)</script>\"",
    );
    edit(
        d,
        BUDGET,
        "three-year plan.",
        "plan. <script>alert(2)</script> </pre><img src=x onerror=alert(3)> `code` | pipe \u{1b}[2J",
    );
    let (code, md) = diff(d, &["--base", "main"]);
    assert_eq!(code, Some(0), "{md}");
    // In the table row the value's `|` and backticks are escaped: three cells.
    let row = md.lines().find(|l| l.starts_with("| title |")).unwrap();
    assert_eq!(
        row, "| title | Budget 2022 | Budget \\| \\`2022\\` \\<script\\>alert(1)\\</script\\> |",
        "{md}"
    );
    // No control character reaches a terminal that shows the Markdown.
    assert!(!md.contains('\u{1b}'), "{md}");
    let html = as_github_would(&md);
    assert!(!html.contains("<script"), "{html}");
    assert!(!html.contains("<img"), "{html}");
    // The table has its three columns, the value whole in one cell.
    assert!(
        html.contains("<td>Budget | `2022` &lt;script&gt;alert(1)&lt;/script&gt;</td>"),
        "{html}"
    );
    // The document's diff stays one block that the text cannot end.
    assert_eq!(md.matches("<pre").count(), 1, "{md}");
    assert_eq!(md.matches("</pre>").count(), 1, "{md}");
    assert!(
        md.contains("&lt;/pre&gt;&lt;img src=x onerror=alert(3)&gt;"),
        "{md}"
    );
    assert!(html.contains("<ins>"), "{html}");

    let (code, page) = diff(d, &["--base", "main", "--format", "html"]);
    assert_eq!(code, Some(0));
    assert!(!page.contains("<script"), "{page}");
    assert!(!page.contains("<img"), "{page}");
    assert!(!page.contains('\u{1b}'), "{page}");
    assert!(
        page.contains("&lt;script&gt;alert(2)&lt;/script&gt;"),
        "{page}"
    );
    assert!(
        page.contains("<tr><td>title</td><td><del>Budget 2022</del></td><td><ins>Budget | `2022` &lt;script&gt;alert(1)&lt;/script&gt;</ins></td></tr>"),
        "{page}"
    );
}

#[test]
fn dash_o_diff_html_writes_one_page_with_ins_and_del() {
    let dir = repo();
    let d = dir.path();
    edit(d, BUDGET, "three-year plan", "four-year plan");
    let out = pds_in(
        &d.join("board"),
        &["diff", "--base", "main", "-o", "../diff.html"],
    );
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert!(out.stdout.is_empty(), "{}", stdout(&out));
    let page = std::fs::read_to_string(d.join("diff.html")).unwrap();
    assert!(page.starts_with("<!DOCTYPE html>"), "{page}");
    assert!(page.contains("Content-Security-Policy"), "{page}");
    assert!(
        page.contains("<title>pds diff: 1 case changed since main: 1 changed.</title>"),
        "{page}"
    );
    assert!(
        page.contains("<del>three-year</del><ins>four-year</ins>"),
        "{page}"
    );
    // A format the extension contradicts, and a file of the record, are refused.
    let out = pds_in(
        &d.join("board"),
        &[
            "diff",
            "--base",
            "main",
            "--format",
            "md",
            "-o",
            "../diff.html",
        ],
    );
    assert_eq!(out.status.code(), Some(2), "{}", stderr(&out));
    let out = pds_in(&d.join("board"), &["diff", "--base", "main", "-o", BUDGET]);
    assert_eq!(out.status.code(), Some(2), "{}", stderr(&out));
    assert!(std::fs::read_to_string(d.join("board").join(BUDGET))
        .unwrap()
        .contains("four-year plan"));
}

#[test]
fn a_record_in_a_subfolder_is_compared_from_the_repository_top() {
    let dir = repo();
    let d = dir.path();
    edit(d, BUDGET, "three-year plan", "four-year plan");
    git(d, &["checkout", "-q", "-b", "budget"]);
    git(d, &["commit", "-q", "-am", "budget"]);
    // As CI runs it: from the checkout's top, --repo naming the record.
    let out = pds_in(
        d,
        &[
            "--repo", "board", "diff", "--base", "main", "--format", "md",
        ],
    );
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert!(
        stdout(&out).contains("<del>three-year</del><ins>four-year</ins>"),
        "{}",
        stdout(&out)
    );
}

#[test]
fn public_leaves_out_what_is_exempt() {
    let dir = repo();
    let d = dir.path();
    let exempt = "2022/07-22-supplier-contract-renewal.md";
    edit(
        d,
        exempt,
        "The commercial terms",
        "The SECRET-TERMS commercial terms",
    );
    let (code, md) = diff(d, &["--base", "main"]);
    assert_eq!(code, Some(0));
    assert!(md.contains("SECRET-TERMS"), "for internal review: {md}");
    let (code, md) = diff(d, &["--base", "main", "--public"]);
    assert_eq!(code, Some(0), "{md}");
    assert!(!md.contains("SECRET"), "{md}");
    assert!(md.contains("No case changed since main."), "{md}");
}

#[test]
fn a_diff_too_long_for_one_comment_leaves_out_the_rest() {
    let dir = repo();
    let d = dir.path();
    let long: String = (0..3000).map(|i| format!("word{i} ")).collect();
    for i in 1..=12 {
        let rel = format!("drafts/long-{i:02}.md");
        write(
            &d.join("board"),
            &rel,
            format!("---\ntitle: Long {i}\nstatus: draft\n---\n{long}\n"),
        );
    }
    let (code, md) = diff(d, &["--base", "main"]);
    assert_eq!(code, Some(0));
    assert!(
        md.chars().count() < 65_536,
        "{} characters",
        md.chars().count()
    );
    assert!(md.contains("\n12 cases changed since main: 12 added.\n"));
    // Every case is named; the documents that did not fit are left out, said so.
    assert_eq!(md.matches("\n### Draft: Long ").count(), 12, "{md}");
    assert!(
        md.contains("cases is left out: a comment holds at most 65,536 characters"),
        "{md}"
    );
    assert!(md.ends_with("shows them all.*\n"), "{md}");
}

#[test]
fn the_github_workflow_example_runs_pds_diff_on_a_record_in_a_subfolder() {
    let workflow = std::fs::read_to_string(root().join("examples/ci/github-actions.yml")).unwrap();
    // The step as written, with what GitHub fills in.
    let line = workflow
        .lines()
        .map(str::trim)
        .find(|l| l.starts_with("run: pds ") && l.contains(" diff "))
        .expect("a step runs pds diff");
    let tmp = tempfile::tempdir().unwrap();
    let command = line
        .trim_start_matches("run: ")
        .replace("${{ github.base_ref }}", "main")
        .replace("$RUNNER_TEMP", &tmp.path().display().to_string())
        .replace('"', "");
    let args: Vec<&str> = command.split_whitespace().collect();
    assert_eq!(args.first(), Some(&"pds"), "{line}");
    // The posting step reads the file the diff step wrote.
    assert!(
        workflow.contains("--body-file \"$RUNNER_TEMP/pds-diff.md\""),
        "{workflow}"
    );

    // A checkout of a pull request: the record in cases/, the base as origin/main.
    let dir = Record::new().copy(EN_BOARD, "cases").build();
    let d = dir.path();
    git(d, &["init", "-q", "-b", "main"]);
    git(d, &["add", "-A"]);
    git(d, &["commit", "-q", "-m", "record"]);
    git(d, &["update-ref", "refs/remotes/origin/main", "main"]);
    git(d, &["checkout", "-q", "-b", "budget"]);
    let budget = d.join("cases").join(BUDGET);
    let text = std::fs::read_to_string(&budget).unwrap();
    std::fs::write(&budget, text.replace("three-year plan", "four-year plan")).unwrap();
    git(d, &["commit", "-q", "-am", "budget"]);

    let out = pds_in(d, args.get(1..).unwrap());
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let md = std::fs::read_to_string(tmp.path().join("pds-diff.md")).unwrap();
    assert!(
        md.contains("1 case changed since origin/main: 1 changed."),
        "{md}"
    );
    assert!(
        md.contains("<del>three-year</del><ins>four-year</ins>"),
        "{md}"
    );
}

#[test]
fn a_case_file_that_does_not_load_is_not_taken_for_removed() {
    let dir = repo();
    let d = dir.path();
    edit(d, BUDGET, "owner: Finance", "owner: [Finance");
    let (code, md) = diff(d, &["--base", "main"]);
    assert_eq!(code, Some(0), "{md}");
    assert!(md.contains("No case changed since main."), "{md}");
    assert!(!md.contains("*removed*"), "{md}");
    assert!(
        md.contains("\nNot compared: 2022/03-22-budget-2022.md does not load on one side (pds check says why).\n"),
        "{md}"
    );
}

#[test]
fn a_case_whose_generated_part_changed_shows_it_with_its_file_unchanged() {
    let dir = Record::new()
        .copy(EN_BOARD, "board")
        .file(
            "board/2022/13-22-overview.md",
            "---\nnumber: 13/22\nmeeting: 3/2022\ntitle: Overview\ntype: Discussion\n---\n{{ overview(year=2022) }}\n",
        )
        .build();
    let d = dir.path();
    git(d, &["init", "-q", "-b", "main"]);
    git(d, &["add", "-A"]);
    git(d, &["commit", "-q", "-m", "record"]);
    edit(
        d,
        BUDGET,
        "title: Budget 2022",
        "title: Budget 2022 and 2023",
    );
    let (code, md) = diff(d, &["--base", "main"]);
    assert_eq!(code, Some(0), "{md}");
    assert!(
        md.contains("\n2 cases changed since main: 2 changed.\n"),
        "{md}"
    );
    assert!(
        md.contains("*changed*: 2022/13-22-overview.md (the file is as it was: the data of its generated parts changed)\n"),
        "{md}"
    );
    // The overview's row, as the board will read it.
    let overview = md.split("### 13/22 Overview").nth(1).unwrap();
    let row = overview
        .lines()
        .find(|l| l.starts_with("| 3/22 |"))
        .unwrap();
    assert!(
        row.contains("| Budget 2022 <ins>and 2023 </ins>|")
            || row.contains("| Budget 2022<ins> and 2023</ins> |"),
        "{md}"
    );
}

#[test]
fn public_is_refused_while_the_record_has_errors() {
    let dir = repo();
    let d = dir.path();
    // A misspelt key: the exemption would be lost, so nothing is shown.
    edit(
        d,
        "2022/07-22-supplier-contract-renewal.md",
        "exempt:",
        "Exempt:",
    );
    let out = pds_in(&d.join("board"), &["diff", "--base", "main", "--public"]);
    assert_eq!(out.status.code(), Some(1), "{}", stderr(&out));
    assert!(out.stdout.is_empty(), "{}", stdout(&out));
    assert!(
        stderr(&out).contains("2022/07-22-supplier-contract-renewal.md"),
        "{}",
        stderr(&out)
    );
}
