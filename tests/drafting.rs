//! Drafting a case in git (issue 11, items 4–6): the README's example runs
//! as written; `schedule --type/--title`; no case onto the agenda of a held
//! or cancelled meeting; `render case` of a number two cases carry.
#![expect(
    clippy::unwrap_used,
    clippy::expect_used,
    reason = "a panic is how a test fails"
)]

mod common;
use common::*;

/// The `pds …` lines of README.md's "Drafting cases in git" code block.
fn readme_drafting_lines() -> Vec<String> {
    let readme = std::fs::read_to_string(root().join("README.md")).unwrap();
    let section = readme
        .split("## Drafting cases in git")
        .nth(1)
        .expect("README.md has a section \"Drafting cases in git\"");
    let block = section
        .split("```sh\n")
        .nth(1)
        .and_then(|b| b.split("```").next())
        .expect("the section has a ```sh block");
    let lines: Vec<String> = block
        .lines()
        .filter(|l| l.starts_with("pds "))
        .map(str::to_string)
        .collect();
    assert!(lines.len() >= 5, "{block}");
    lines
}

/// A shell line's words, as `sh` splits them: blanks separate, double or
/// single quotes group, an unquoted ` #` starts a comment.
fn words(line: &str) -> Vec<String> {
    let mut words = Vec::new();
    let mut word: Option<String> = None;
    let mut quote: Option<char> = None;
    for c in line.chars() {
        match (quote, c) {
            (Some(q), c) if c == q => quote = None,
            (Some(_), c) => word.get_or_insert_with(String::new).push(c),
            (None, '"' | '\'') => {
                quote = Some(c);
                word.get_or_insert_with(String::new);
            }
            (None, '#') if word.is_none() => break,
            (None, c) if c.is_whitespace() => words.extend(word.take()),
            (None, c) => word.get_or_insert_with(String::new).push(c),
        }
    }
    assert!(quote.is_none(), "unclosed quote in {line}");
    words.extend(word);
    words
}

#[test]
fn the_readmes_drafting_example_runs_as_written() {
    let dir = Record::new().copy("cases", "cases").build();
    let d = dir.path().join("cases");
    // `check --base origin/main` needs a repository with that branch.
    git(&d, &["init", "-q", "-b", "main"]);
    git(&d, &["add", "-A"]);
    git(&d, &["commit", "-q", "-m", "the record"]);
    git(&d, &["update-ref", "refs/remotes/origin/main", "HEAD"]);
    for line in readme_drafting_lines() {
        let args = words(&line);
        assert_eq!(args.first().map(String::as_str), Some("pds"), "{line}");
        let args: Vec<&str> = args.iter().skip(1).map(String::as_str).collect();
        let out = pds_in(&d, &args);
        assert_eq!(out.status.code(), Some(0), "{line}\n{}", stderr(&out));
    }
    let scheduled = std::fs::read_to_string(d.join("2021/48-21-budsjett-2022.md")).unwrap();
    assert!(scheduled.contains("number: 48/21"), "{scheduled}");
    assert!(scheduled.contains("meeting: 8/2021"), "{scheduled}");
    assert!(!d.join("drafts/budsjett-2022.md").exists());
}

#[test]
fn the_word_splitter_reads_quotes_and_comments() {
    assert_eq!(
        words(r#"pds new case --title "Budsjett 2022"   # a draft"#),
        ["pds", "new", "case", "--title", "Budsjett 2022"]
    );
    assert_eq!(words("pds fmt #x"), ["pds", "fmt"]);
}

/// The English example with an untyped draft and a cancelled meeting 4/2022.
fn board() -> tempfile::TempDir {
    let meetings =
        std::fs::read_to_string(root().join(EN_BOARD).join("2022/meetings.yaml")).unwrap();
    Record::copy_of(EN_BOARD)
        .file(
            "drafts/untyped.md",
            "---\ntitle: Untyped plan\nstatus: draft\n---\n\nThe plan.\n",
        )
        .file(
            "2022/meetings.yaml",
            format!("{meetings}- number: 4/2022\n  date: 2022-11-10\n  status: cancelled\n"),
        )
        .build()
}

#[test]
fn schedule_sets_the_type_and_title_it_is_given() {
    let dir = board();
    let d = dir.path();
    let out = pds_in(
        d,
        &[
            "schedule",
            "untyped",
            "--meeting",
            "3/2022",
            "--type",
            "Decision",
            "--title",
            "Plan: the untyped one",
        ],
    );
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert_eq!(stdout(&out), "13/22 2022/13-22-untyped.md\n");
    let text = std::fs::read_to_string(d.join("2022/13-22-untyped.md")).unwrap();
    assert!(text.contains("type: Decision\n"), "{text}");
    assert!(
        text.contains("title: \"Plan: the untyped one\"\n"),
        "{text}"
    );
    assert!(text.contains("status: ready\n"), "{text}");
    assert!(text.ends_with("---\n\nThe plan.\n"), "{text}");
    assert!(!d.join("drafts/untyped.md").exists());
    let out = pds_in(d, &["check", "--format", "json"]);
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(json["summary"]["errors"], 0, "{json:#}");

    // A draft with a type: --type replaces it.
    let out = pds_in(
        d,
        &[
            "schedule",
            "digital-strategy",
            "--meeting",
            "3/2022",
            "--type",
            "Information",
        ],
    );
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let text = std::fs::read_to_string(d.join("2022/14-22-digital-strategy.md")).unwrap();
    assert!(text.contains("type: Information\n"), "{text}");
}

#[test]
fn schedule_refuses_an_unknown_or_missing_type_writing_nothing() {
    let dir = board();
    let d = dir.path();
    let before = snapshot(d).unwrap();
    let out = pds_in(
        d,
        &[
            "schedule",
            "untyped",
            "--meeting",
            "3/2022",
            "--type",
            "Decisoin",
        ],
    );
    assert_eq!(out.status.code(), Some(2), "{out:?}");
    assert!(
        stderr(&out).contains("did you mean Decision?"),
        "{}",
        stderr(&out)
    );
    let out = pds_in(d, &["schedule", "untyped", "--meeting", "3/2022"]);
    assert_eq!(out.status.code(), Some(2), "{out:?}");
    assert!(stderr(&out).contains("--type"), "{}", stderr(&out));
    assert_eq!(snapshot(d).unwrap(), before);
}

#[test]
fn no_case_goes_onto_a_held_or_cancelled_meeting() {
    let dir = board();
    let d = dir.path();
    let before = snapshot(d).unwrap();
    for (meeting, status) in [("2/2022", "held"), ("4/2022", "cancelled")] {
        for args in [
            &[
                "new",
                "case",
                "--title",
                "Late",
                "--meeting",
                meeting,
                "--type",
                "Decision",
            ][..],
            &["schedule", "digital-strategy", "--meeting", meeting],
            &[
                "schedule",
                "untyped",
                "--meeting",
                meeting,
                "--type",
                "Decision",
            ],
        ] {
            let out = pds_in(d, args);
            assert_eq!(out.status.code(), Some(1), "{args:?}: {out:?}");
            let err = stderr(&out);
            assert!(
                err.contains(&format!("meeting {meeting} is {status}")),
                "{args:?}: {err}"
            );
            assert!(out.stdout.is_empty(), "{args:?}");
            assert_eq!(snapshot(d).unwrap(), before, "{args:?} wrote");
        }
    }
}

#[test]
fn render_case_of_a_number_two_cases_carry_names_both_and_writes_nothing() {
    let dir = Record::new().copy("cases", "cases").build();
    let d = dir.path().join("cases");
    let before = snapshot(dir.path()).unwrap();
    for args in [
        &["render", "case", "5/21"][..],
        &["render", "case", "5/21", "--format", "html"],
        &["render", "case", "5/21", "-o", "../out.md"],
    ] {
        let out = pds_in(&d, args);
        assert_eq!(out.status.code(), Some(1), "{args:?}: {out:?}");
        let err = stderr(&out);
        for file in [
            "2021/05-21-kommunikasjonsstrategi.md",
            "2021/05-21-plan-for-prosjektene-tillitstjenester-api-og-grunndata-og.md",
        ] {
            assert!(err.contains(file), "{args:?}: {err}");
        }
        assert!(err.contains("pds render pack 1/2021"), "{err}");
        assert!(out.stdout.is_empty(), "{args:?}");
        assert_eq!(snapshot(dir.path()).unwrap(), before, "{args:?} wrote");
    }
    // Other documents of the same record still render.
    for args in [
        &["render", "pack", "7/2021"][..],
        &["render", "case", "4/21"],
    ] {
        let out = pds_in(&d, args);
        assert_eq!(out.status.code(), Some(0), "{args:?}: {}", stderr(&out));
    }
}
