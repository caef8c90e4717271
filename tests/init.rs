//! `pds init`: a new record that `pds check` and `pds fmt --check` pass, inside
//! or outside git, with the CI files at the repository's top; never over a
//! record or any existing file; and "no pds record here" says how to start one.

#![expect(
    clippy::panic,
    clippy::unwrap_used,
    reason = "a panic is how a test fails"
)]

mod common;
use common::*;
use std::path::Path;

fn ok(out: &std::process::Output) {
    assert_eq!(
        out.status.code(),
        Some(0),
        "stdout:\n{}\nstderr:\n{}",
        stdout(out),
        stderr(out)
    );
}

/// `pds check` and `pds fmt --check` in `record`: no finding, nothing to reformat.
fn clean(record: &Path) {
    let out = pds_in(record, &["check"]);
    ok(&out);
    assert!(
        stdout(&out).contains("0 errors, 0 warnings"),
        "{}",
        stdout(&out)
    );
    ok(&pds_in(record, &["fmt", "--check"]));
}

fn read(path: &Path) -> String {
    std::fs::read_to_string(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

#[test]
fn a_new_record_outside_git_is_clean_in_each_language_and_its_folders_are_made() {
    // Every language pds.yaml takes (nn too, once the loader knows it).
    for &language in <pds::model::Language as pds::model::Named>::NAMES {
        let (case_type, draft) = match language {
            "nb" => ("Beslutning", "eksempelsak"),
            "nn" => ("Avgjerd", "eksempelsak"),
            "en" => ("Decision", "example-case"),
            other => panic!("pds init has no words for {other}: add them in src/commands/init.rs"),
        };
        let dir = Record::new().build();
        let out = pds_in(
            dir.path(),
            &[
                "init",
                "a/b/styret",
                "--board",
                "Programstyret",
                "--language",
                language,
                "--year",
                "2030",
            ],
        );
        ok(&out);
        let record = dir.path().join("a/b/styret");
        assert!(read(&record.join("pds.yaml")).contains(&format!("language: {language}")));
        assert!(read(&record.join("pds.yaml")).contains(case_type));
        let meetings = read(&record.join("2030/meetings.yaml"));
        assert!(meetings.contains("number: 1/2030"), "{meetings}");
        assert!(meetings.contains("status: planned"), "{meetings}");
        assert!(record.join(format!("drafts/{draft}.md")).is_file());
        clean(&record);
        // Not in git: the CI files are in the record's folder, naming it as `.`.
        let workflow = read(&record.join(".github/workflows/pds.yml"));
        assert!(workflow.contains("pds --repo . check"), "{workflow}");
        assert!(record.join(".pre-commit-config.yaml").is_file());
        assert!(
            stderr(&out).contains("in no git repository"),
            "{}",
            stderr(&out)
        );
        // The loop it teaches works: the draft renders and takes number 1/30.
        ok(&pds_in(
            &record,
            &["render", "case", draft, "--format", "html"],
        ));
        let out = pds_in(&record, &["schedule", draft, "--meeting", "1/2030"]);
        ok(&out);
        assert!(stdout(&out).contains("1/30"), "{}", stdout(&out));
        clean(&record);
    }
}

#[test]
fn in_the_current_folder_with_this_years_meetings() {
    let dir = Record::new().build();
    let out = pds_in(dir.path(), &["init", "--board", "Styret"]);
    ok(&out);
    let years: Vec<String> = std::fs::read_dir(dir.path())
        .unwrap()
        .flatten()
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .filter(|n| n.len() == 4 && n.bytes().all(|b| b.is_ascii_digit()))
        .collect();
    assert_eq!(years.len(), 1, "one year folder: {years:?}");
    let year = &years[0];
    assert!(
        read(&dir.path().join(year).join("meetings.yaml")).contains(&format!("date: {year}-")),
        "the meeting is in its year"
    );
    clean(dir.path());
}

#[test]
fn inside_git_the_ci_files_go_to_the_top_and_name_the_subfolder() {
    let dir = Record::new().file("README.md", "a repository\n").build();
    git(dir.path(), &["init", "-q"]);
    ok(&pds_in(
        dir.path(),
        &["init", "cases", "--board", "B", "--year", "2030"],
    ));
    let record = dir.path().join("cases");
    clean(&record);
    assert!(!record.join(".github").exists() && !record.join(".pre-commit-config.yaml").exists());
    let workflow = read(&dir.path().join(".github/workflows/pds.yml"));
    for run in [
        "pds --repo cases check --base \"origin/$BASE_REF\" --format github",
        "pds --repo cases fmt --check",
        "fetch-depth: 0",
    ] {
        assert!(workflow.contains(run), "{run} not in:\n{workflow}");
    }
    let hooks = read(&dir.path().join(".pre-commit-config.yaml"));
    assert!(hooks.contains("args: [--repo, cases]"), "{hooks}");
    assert!(hooks.contains(r"files: ^cases/.*\.(md|ya?ml)$"), "{hooks}");
    // From the top, as CI and pre-commit run it.
    ok(&pds_in(dir.path(), &["--repo", "cases", "check"]));
    // Run from inside the subfolder, it finds the same top.
    let other = Record::new().build();
    git(other.path(), &["init", "-q"]);
    std::fs::create_dir_all(other.path().join("board/record")).unwrap();
    ok(&pds_in(
        &other.path().join("board"),
        &["init", "record", "--board", "B", "--year", "2030"],
    ));
    let hooks = read(&other.path().join(".pre-commit-config.yaml"));
    assert!(hooks.contains("args: [--repo, board/record]"), "{hooks}");
    // A record at the top: `--repo .`.
    let top = Record::new().build();
    git(top.path(), &["init", "-q"]);
    ok(&pds_in(
        top.path(),
        &["init", "--board", "B", "--year", "2030"],
    ));
    assert!(read(&top.path().join(".github/workflows/pds.yml")).contains("pds --repo . check"));
    clean(top.path());
}

#[test]
fn an_existing_record_is_refused_and_nothing_is_written() {
    let dir = Record::new().build();
    ok(&pds_in(
        dir.path(),
        &["init", "r", "--board", "B", "--year", "2030"],
    ));
    let before = snapshot(dir.path()).unwrap();
    // Again, in the record, and in a folder inside it.
    for args in [
        &["init", "r", "--board", "Other", "--year", "2031"][..],
        &["init", "r/sub", "--board", "Other", "--year", "2031"][..],
        &["--repo", "r", "init", "--board", "Other"][..],
    ] {
        let out = pds_in(dir.path(), args);
        assert_eq!(out.status.code(), Some(1), "{args:?}: {}", stderr(&out));
        assert!(
            stderr(&out).contains("nothing was written"),
            "{}",
            stderr(&out)
        );
        assert_eq!(snapshot(dir.path()).unwrap(), before, "{args:?}");
    }
    assert!(stderr(&pds_in(dir.path(), &["init", "r", "--board", "B"]))
        .contains("r is a pds record already"));
    // A file init would write, already there without a pds.yaml: refused too.
    let dir = Record::new().file("2030/meetings.yaml", "# mine\n").build();
    let out = pds_in(dir.path(), &["init", "--board", "B", "--year", "2030"]);
    assert_eq!(out.status.code(), Some(1), "{}", stderr(&out));
    assert!(
        stderr(&out).contains("2030/meetings.yaml"),
        "{}",
        stderr(&out)
    );
    assert_eq!(read(&dir.path().join("2030/meetings.yaml")), "# mine\n");
    assert!(!dir.path().join("pds.yaml").exists());
    assert!(!dir.path().join("drafts").exists());
}

#[test]
fn an_existing_workflow_or_pre_commit_config_is_left_as_it_was_and_said_so() {
    let dir = Record::new()
        .file(".github/workflows/pds.yml", "name: mine\n")
        .build();
    git(dir.path(), &["init", "-q"]);
    let out = pds_in(
        dir.path(),
        &["init", "cases", "--board", "B", "--year", "2030"],
    );
    ok(&out);
    assert_eq!(
        read(&dir.path().join(".github/workflows/pds.yml")),
        "name: mine\n"
    );
    assert!(
        stderr(&out).contains("left .github/workflows/pds.yml as it was: it exists"),
        "{}",
        stderr(&out)
    );
    assert!(dir.path().join(".pre-commit-config.yaml").is_file());
    clean(&dir.path().join("cases"));

    let dir = Record::new()
        .file(".pre-commit-config.yaml", "repos: []\n")
        .build();
    git(dir.path(), &["init", "-q"]);
    let out = pds_in(
        dir.path(),
        &["init", "cases", "--board", "B", "--year", "2030"],
    );
    ok(&out);
    assert_eq!(
        read(&dir.path().join(".pre-commit-config.yaml")),
        "repos: []\n"
    );
    // It says what to add.
    assert!(
        stderr(&out).contains("args: [--repo, cases]"),
        "{}",
        stderr(&out)
    );
}

#[test]
fn hostile_board_names_are_written_as_yaml_that_reads_back_as_given() {
    for name in [
        "Styret: \"A\" #1",
        "'quoted' name",
        "line one\nline two",
        "- a list? no",
        "&anchor *alias {flow} [seq] |pipe >fold %tag @at `tick`",
        "Tab\there, CR\rthere, and a \u{7f} DEL",
        "yes",
        "null",
        "1.50",
        "Æøå – «styret»",
    ] {
        let dir = Record::new().build();
        let out = pds_in(
            dir.path(),
            &["init", "r", &format!("--board={name}"), "--year", "2030"],
        );
        ok(&out);
        let record = dir.path().join("r");
        clean(&record);
        let text = read(&record.join("pds.yaml"));
        let tree = pds::yaml::parse(&text).unwrap();
        let board = tree
            .as_map()
            .unwrap()
            .iter()
            .find(|(k, _)| k.kind == pds::yaml::NodeKind::Str("board".into()))
            .map(|(_, v)| v.kind.clone());
        assert_eq!(
            board,
            Some(pds::yaml::NodeKind::Str(name.to_string())),
            "{text}"
        );
    }
}

#[test]
fn bad_arguments_are_usage_errors() {
    let dir = Record::new().build();
    for (args, says) in [
        (
            &["init", "--board", "  "][..],
            "--board must name the board",
        ),
        (&["init", "--board", "B", "--year", "1999"][..], "2000–2099"),
        (
            &["init", "--board", "B", "--language", "de"][..],
            "possible values",
        ),
        (
            &["init", "x", "--repo", "y", "--board", "B"][..],
            "two folders given",
        ),
    ] {
        let out = pds_in(dir.path(), args);
        assert_eq!(out.status.code(), Some(2), "{args:?}");
        assert!(stderr(&out).contains(says), "{args:?}: {}", stderr(&out));
    }
    assert!(snapshot(dir.path()).unwrap().is_empty(), "nothing written");
}

#[test]
fn no_record_here_suggests_init_and_names_the_records_below() {
    let dir = Record::new()
        .copy(EN_BOARD, "cases")
        .file("notes/readme.md", "not a record\n")
        .build();
    let out = pds_in(dir.path(), &["check"]);
    assert_eq!(out.status.code(), Some(2));
    let err = stderr(&out);
    assert!(err.contains("no pds record here"), "{err}");
    assert!(err.contains("pds init --board NAME"), "{err}");
    assert!(err.contains("--repo cases"), "{err}");
    assert!(!err.contains("notes"), "{err}");
    // With --repo naming a folder without a record.
    let out = pds_in(dir.path(), &["--repo", "notes", "check"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(
        stderr(&out).contains("pds init notes --board NAME"),
        "{}",
        stderr(&out)
    );
}

#[test]
fn files_that_were_there_are_checked_and_a_ci_file_that_cannot_be_written_is_a_warning() {
    let dir = Record::new()
        .file("r/2030/03-30-old.md", "---\nnumber: 3/30\n---\n")
        .file(".github", "a file where the folder would go\n")
        .build();
    git(dir.path(), &["init", "-q"]);
    let out = pds_in(dir.path(), &["init", "r", "--board", "B", "--year", "2030"]);
    ok(&out);
    let err = stderr(&out);
    assert!(err.contains("finding(s) in files r held before"), "{err}");
    assert!(
        err.contains("could not write .github/workflows/pds.yml"),
        "{err}"
    );
    assert!(dir.path().join(".pre-commit-config.yaml").is_file());
    assert_eq!(
        pds_in(&dir.path().join("r"), &["check"]).status.code(),
        Some(1)
    );
}

/// The `run:` values of the workflow's steps that start with `pds`.
fn workflow_pds_lines(workflow: &str) -> Vec<String> {
    use pds::yaml::NodeKind;
    let tree = pds::yaml::parse(workflow).unwrap();
    let get = |node: &pds::yaml::Node, key: &str| {
        node.as_map().and_then(|m| {
            m.iter()
                .find(|(k, _)| k.kind == NodeKind::Str(key.into()))
                .map(|(_, v)| v.clone())
        })
    };
    let mut lines = Vec::new();
    let jobs = get(&tree, "jobs").unwrap();
    for (_, job) in jobs.as_map().unwrap() {
        for step in get(job, "steps").unwrap().as_seq().unwrap() {
            if let Some(NodeKind::Str(run)) = get(step, "run").map(|r| r.kind) {
                if run.starts_with("pds ") {
                    lines.push(run);
                }
            }
        }
    }
    lines
}

#[test]
fn the_workflows_pds_lines_run_as_written_on_a_record_in_an_oddly_named_subfolder() {
    let dir = Record::new().file("README.md", "# Board\n").build();
    let top = dir.path();
    git(top, &["init", "-q"]);
    git(top, &["checkout", "-q", "-b", "main"]);
    let folder = "board's \"record\" $HOME";
    ok(&pds_in(
        top,
        &[
            "init",
            folder,
            "--board",
            "B",
            "--language",
            "en",
            "--year",
            "2030",
        ],
    ));
    git(top, &["add", "-A"]);
    git(top, &["commit", "-qm", "pds init"]);
    git(top, &["update-ref", "refs/remotes/origin/main", "HEAD"]);
    git(top, &["checkout", "-q", "-b", "budget"]);
    ok(&pds_in(
        &top.join(folder),
        &["schedule", "example-case", "--meeting", "1/2030"],
    ));
    let lines = workflow_pds_lines(&read(&top.join(".github/workflows/pds.yml")));
    assert_eq!(
        lines.len(),
        4,
        "check --base, check, fmt --check, diff: {lines:?}"
    );
    let runner_temp = Record::new().build();
    let program = std::path::PathBuf::from(pds_command(top).get_program());
    let path = std::env::join_paths(
        std::iter::once(program.parent().unwrap().to_path_buf()).chain(std::env::split_paths(
            &std::env::var_os("PATH").unwrap_or_default(),
        )),
    )
    .unwrap();
    for line in &lines {
        let out = output_within(
            std::process::Command::new("sh")
                .args(["-c", line])
                .current_dir(top)
                .env("PATH", &path)
                .env("NO_COLOR", "1")
                .env("BASE_REF", "main")
                .env("RUNNER_TEMP", runner_temp.path()),
            HANG,
        );
        ok(&out);
    }
    let diff = read(&runner_temp.path().join("pds-diff.md"));
    assert!(diff.contains("Example case"), "{diff}");
}
