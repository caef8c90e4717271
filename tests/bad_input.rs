//! Hostile records (SPEC §6): a small valid record plus ONE bad file. `pds
//! check --format json` must name that file with the right code and exit 1
//! (or find nothing, where the file is in fact valid), never panic, hang or
//! crash, never read outside the record, and leave every file as it was;
//! `render notice` and `render overview --format html` exit 0 or 2 over it.
#![expect(
    clippy::unwrap_used,
    clippy::panic,
    clippy::indexing_slicing,
    reason = "a panic is how a test fails"
)]

mod common;
use common::{pds_in, Record};
use serde_json::Value;
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};
use std::time::{Duration, Instant};

/// In the file outside the record that links point at: must appear in no output.
const SECRET: &str = "TOPSECRET-5f2c1a-OUTSIDE";

const BOARD: &str = "board: Test Board\nmembers:\n  - { name: Ada Lovelace, org: Analytical Society }\nchair: { name: Ada Lovelace, org: Analytical Society }\n";
const MEETINGS: &str = "- number: 1/2021\n  date: 2021-02-12\n  time: \"13:00-15:00\"\n- number: 2/2021\n  date: 2021-03-12\n";
const CASE_1: &str = "---\nnumber: 1/21\nmeeting: 1/2021\ntitle: Godkjenning av innkalling\ntype: Tilslutning\n---\nSaken har et saksfremlegg.\n";
const CASE_2: &str = "---\nnumber: 2/21\nmeeting: 2/2021\ntitle: Budsjett\ntype: Beslutning\n---\n";

/// A valid third case (3/21), to be made hostile.
const CASE_3: &str =
    "---\nnumber: 3/21\nmeeting: 2/2021\ntitle: Tredje sak\ntype: Orientering\n---\nTekst.\n";

/// A temporary folder holding the record (`record/`) and a file outside it.
struct Fixture {
    dir: tempfile::TempDir,
}

impl Fixture {
    fn new() -> Self {
        let secret_case = CASE_3
            .replace("Tekst.", SECRET)
            .replace("Tredje sak", SECRET);
        let dir = Record::new()
            .file("record/pds.yaml", BOARD)
            .file("record/2021/meetings.yaml", MEETINGS)
            .file("record/2021/01-21-godkjenning.md", CASE_1)
            .file("record/2021/02-21-budsjett.md", CASE_2)
            .file("outside/secret.md", secret_case)
            .file("outside/secret.yaml", format!("{SECRET}: 1\n"))
            .build();
        Fixture { dir }
    }

    fn root(&self) -> PathBuf {
        self.dir.path().join("record")
    }

    fn outside(&self) -> PathBuf {
        self.dir.path().join("outside")
    }

    fn write(&self, rel: &str, bytes: &[u8]) {
        common::write(&self.root(), rel, bytes);
    }

    #[cfg(unix)]
    fn link(&self, rel: &str, target: &Path) {
        common::link(&self.root(), rel, target);
    }
}

/// What a path holds, without following links or opening pipes.
#[derive(Debug, PartialEq, Eq)]
enum Entry {
    File { mode: u32, bytes: Option<Vec<u8>> },
    Link(PathBuf),
    Other(String),
}

/// Every entry under `dir`, by path.
fn snapshot(dir: &Path) -> BTreeMap<PathBuf, Entry> {
    let mut out = BTreeMap::new();
    let mut stack = vec![dir.to_path_buf()];
    while let Some(d) = stack.pop() {
        for entry in std::fs::read_dir(&d).unwrap() {
            let path = entry.unwrap().path();
            let meta = std::fs::symlink_metadata(&path).unwrap();
            let kind = meta.file_type();
            let e = if kind.is_symlink() {
                Entry::Link(std::fs::read_link(&path).unwrap())
            } else if kind.is_dir() {
                stack.push(path.clone());
                continue;
            } else if kind.is_file() {
                Entry::File {
                    mode: mode(&meta),
                    bytes: std::fs::read(&path).ok(),
                }
            } else {
                Entry::Other(format!("{kind:?}"))
            };
            out.insert(path, e);
        }
    }
    out
}

#[cfg(unix)]
fn mode(meta: &std::fs::Metadata) -> u32 {
    use std::os::unix::fs::PermissionsExt;
    meta.permissions().mode()
}

#[cfg(not(unix))]
fn mode(meta: &std::fs::Metadata) -> u32 {
    u32::from(meta.permissions().readonly())
}

/// No panic and no crash: exit 0, 1 or 2, and no panic message.
fn assert_sane(what: &str, out: &Output) {
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        matches!(out.status.code(), Some(0..=2)),
        "{what}: exit {:?} (101 is a panic, none a crash):\n{stderr}",
        out.status
    );
    assert!(!stderr.contains("panicked"), "{what}: {stderr}");
    assert!(!stderr.contains("overflow"), "{what}: {stderr}");
}

/// What a case expects of `pds check`.
#[derive(Debug, Clone, Copy)]
enum Expect<'a> {
    /// Exit 1 and a finding of this code that names this file (as its own
    /// file or a related one).
    Finding(&'a str, &'a str),
    /// The file is valid: no finding at all, exit 0.
    Valid,
    /// Only that nothing breaks (see the case for why).
    Sane,
}

/// Runs every command over the fixture and checks what each case expects.
fn run(name: &str, f: &Fixture, expect: Expect<'_>) -> Vec<Value> {
    let before = (snapshot(&f.root()), snapshot(&f.outside()));
    let root = f.root();
    let json = pds_in(&root, &["check", "--format", "json"]);
    assert_sane(&format!("{name}: check --format json"), &json);
    let mut everything = String::from_utf8_lossy(&json.stdout).into_owned();
    everything.push_str(&String::from_utf8_lossy(&json.stderr));
    let report: Value = serde_json::from_slice(&json.stdout).unwrap_or_else(|e| {
        panic!(
            "{name}: check --format json printed no JSON ({e}):\n{}",
            String::from_utf8_lossy(&json.stdout)
        )
    });
    let findings = report["findings"].as_array().unwrap().clone();
    let names = |v: &Value| {
        let mut files = vec![v["file"].as_str().unwrap().to_string()];
        for r in v["related"].as_array().unwrap() {
            files.push(r["file"].as_str().unwrap().to_string());
        }
        files
    };
    match expect {
        Expect::Finding(code, file) => {
            assert_eq!(json.status.code(), Some(1), "{name}: {findings:#?}");
            assert!(
                findings
                    .iter()
                    .any(|v| v["code"] == code && names(v).iter().any(|n| n == file)),
                "{name}: no {code} finding names {file:?}: {findings:#?}"
            );
        }
        Expect::Valid => {
            assert_eq!(json.status.code(), Some(0), "{name}: {findings:#?}");
            assert!(findings.is_empty(), "{name}: {findings:#?}");
        }
        Expect::Sane => {}
    }
    // The other printers and the renders must cope with the same record.
    let others: &[&[&str]] = &[
        &["check"],
        &["check", "--format", "github"],
        &["render", "notice", "1/2021"],
        &["render", "overview", "2021", "--format", "html"],
    ];
    for args in others {
        let out = pds_in(&root, args);
        assert_sane(&format!("{name}: {args:?}"), &out);
        if args[0] == "check" {
            assert_eq!(out.status.code(), json.status.code(), "{name}: {args:?}");
        }
        everything.push_str(&String::from_utf8_lossy(&out.stdout));
        everything.push_str(&String::from_utf8_lossy(&out.stderr));
    }
    assert!(
        !everything.contains(SECRET),
        "{name}: the file outside the record was read:\n{everything}"
    );
    assert!(
        !everything.contains('\u{1b}'),
        "{name}: an escape sequence reached the output"
    );
    assert_eq!(
        (snapshot(&f.root()), snapshot(&f.outside())),
        before,
        "{name}: a file changed"
    );
    findings
}

/// The fixture with `rel` holding `bytes`.
fn with(rel: &str, bytes: &[u8]) -> Fixture {
    let f = Fixture::new();
    f.write(rel, bytes);
    f
}

const CASE: &str = "2021/03-21-tredje-sak.md";
const YEAR: &str = "2021/meetings.yaml";

#[test]
fn the_fixture_itself_is_valid() {
    run("fixture", &Fixture::new(), Expect::Valid);
    run(
        "fixture and case 3",
        &with(CASE, CASE_3.as_bytes()),
        Expect::Valid,
    );
}

#[test]
fn text_that_is_not_utf8_or_not_text() {
    // "Træ" in Latin-1: 0xE6 is no UTF-8 on its own.
    let latin1: Vec<u8> = CASE_3
        .replace("Tredje", "Tr@dje")
        .bytes()
        .map(|b| if b == b'@' { 0xE6 } else { b })
        .collect();
    let findings = run(
        "not UTF-8",
        &with(CASE, &latin1),
        Expect::Finding("unreadable", CASE),
    );
    assert!(
        findings[0]["message"]
            .as_str()
            .unwrap()
            .contains("byte 0xE6 on line 4, column 10"),
        "{findings:#?}"
    );
    let mut binary = CASE_3.as_bytes().to_vec();
    binary.extend_from_slice(b"\x00\x01\x02\xff\xfe\x00");
    run(
        "binary",
        &with(CASE, &binary),
        Expect::Finding("unreadable", CASE),
    );
    run(
        "binary meetings.yaml",
        &with(YEAR, b"\x7fELF\x02\x01\x01\x00\x00"),
        Expect::Finding("unreadable", YEAR),
    );
}

#[test]
fn empty_files() {
    let findings = run(
        "empty case",
        &with(CASE, b""),
        Expect::Finding("front-matter", CASE),
    );
    assert!(
        findings[0]["message"].as_str().unwrap().contains("empty"),
        "{findings:#?}"
    );
    // The cases of its meetings then miss them: the finding points at the file.
    run(
        "empty meetings.yaml",
        &with(YEAR, b""),
        Expect::Finding("unknown-meeting", YEAR),
    );
    run(
        "empty pds.yaml",
        &with("pds.yaml", b""),
        Expect::Finding("invalid-value", "pds.yaml"),
    );
}

#[test]
fn a_byte_order_mark_and_crlf_line_ends_are_valid() {
    let bom = |s: &str| [b"\xef\xbb\xbf".as_slice(), s.as_bytes()].concat();
    let f = with(CASE, &bom(CASE_3));
    f.write(YEAR, &bom(MEETINGS));
    f.write("pds.yaml", &bom(BOARD));
    run("BOM", &f, Expect::Valid);

    let crlf = |s: &str| s.replace('\n', "\r\n");
    let f = with(CASE, crlf(CASE_3).as_bytes());
    f.write(YEAR, crlf(MEETINGS).as_bytes());
    f.write("pds.yaml", crlf(BOARD).as_bytes());
    run("CRLF", &f, Expect::Valid);

    let f = with(CASE, bom(&crlf(CASE_3)).as_slice());
    run("BOM and CRLF", &f, Expect::Valid);
}

#[test]
fn front_matter_unclosed_or_missing() {
    let unclosed = CASE_3.replacen("---\nTekst", "Tekst", 1);
    run(
        "front matter unclosed",
        &with(CASE, unclosed.as_bytes()),
        Expect::Finding("front-matter", CASE),
    );
    let missing = CASE_3.replace("---\n", "");
    run(
        "front matter missing",
        &with(CASE, missing.as_bytes()),
        Expect::Finding("front-matter", CASE),
    );
    run(
        "only an opening line",
        &with(CASE, b"---"),
        Expect::Finding("front-matter", CASE),
    );
}

#[test]
fn yaml_that_does_not_parse() {
    let tabs = "---\nnumber: 3/21\nmeeting: 2/2021\ntitle: T\nparts:\n\t- { title: A, type: Orientering }\n---\n";
    run(
        "tabs in a case",
        &with(CASE, tabs.as_bytes()),
        Expect::Finding("yaml-syntax", CASE),
    );
    run(
        "tabs in meetings.yaml",
        &with(YEAR, b"- number: 1/2021\n\tdate: 2021-02-12\n"),
        Expect::Finding("yaml-syntax", YEAR),
    );
    let quote = CASE_3.replace("title: Tredje sak", "title: \"Tredje sak");
    run(
        "unclosed double quote",
        &with(CASE, quote.as_bytes()),
        Expect::Finding("yaml-syntax", CASE),
    );
    run(
        "unclosed single quote",
        &with(YEAR, b"- number: '1/2021\n  date: 2021-02-12\n"),
        Expect::Finding("yaml-syntax", YEAR),
    );
}

/// Nine levels of nine aliases: 387,420,489 values if expanded.
fn alias_bomb() -> String {
    let mut text = String::from(
        "a: &a [\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\"]\n",
    );
    let mut prev = 'a';
    for c in 'b'..='i' {
        let refs = vec![format!("*{prev}"); 9].join(",");
        text.push_str(&format!("{c}: &{c} [{refs}]\n"));
        prev = c;
    }
    text
}

#[test]
fn an_alias_bomb_is_refused_quickly() {
    for (name, rel, text) in [
        (
            "alias bomb in a case",
            CASE,
            format!("---\n{}---\n", alias_bomb()),
        ),
        ("alias bomb in meetings.yaml", YEAR, alias_bomb()),
        (
            "alias bomb in pds.yaml",
            "pds.yaml",
            format!("{BOARD}{}", alias_bomb()),
        ),
    ] {
        let start = Instant::now();
        let findings = run(
            name,
            &with(rel, text.as_bytes()),
            Expect::Finding("yaml-syntax", rel),
        );
        let message = findings
            .iter()
            .find(|f| f["code"] == "yaml-syntax")
            .unwrap()["message"]
            .as_str()
            .unwrap()
            .to_string();
        assert!(
            message.contains("aliases (`*name`) expand to more than"),
            "{name}: {message}"
        );
        // Five runs of pds; each took seconds before the alias limit.
        assert!(
            start.elapsed() < Duration::from_secs(10),
            "{name}: {:?}",
            start.elapsed()
        );
    }
}

#[test]
fn nesting_5000_deep_is_refused() {
    let flow = format!("{}{}", "[".repeat(5000), "]".repeat(5000));
    // Block nesting 5,000 deep by indentation is 12 MB: compact block lists
    // (`- - - x`) nest 5,000 deep in 10 kB; indented mappings 1,000 deep.
    let block = format!("{}x\n", "- ".repeat(5000));
    let mut indented = String::new();
    for i in 0..1000 {
        indented.push_str(&format!("{}k{i}:\n", " ".repeat(i)));
    }
    for (kind, yaml) in [("flow", &flow), ("block", &block), ("indented", &indented)] {
        // In a case, the same YAML one level down: `x:` and indented by one.
        let indented_once: String = yaml.lines().map(|l| format!(" {l}\n")).collect();
        let case = format!("---\nnumber: 3/21\nx:\n{indented_once}---\n");
        for (rel, text) in [(CASE, case), (YEAR, yaml.clone())] {
            let findings = run(
                &format!("{kind} nesting in {rel}"),
                &with(rel, text.as_bytes()),
                Expect::Finding("yaml-syntax", rel),
            );
            let message = findings
                .iter()
                .find(|f| f["code"] == "yaml-syntax")
                .unwrap()["message"]
                .as_str()
                .unwrap()
                .to_string();
            assert!(
                message.contains("nest more than"),
                "{kind} {rel}: {message}"
            );
        }
    }
}

#[test]
fn a_file_over_1_mib_is_not_read() {
    let mut big = CASE_3.to_string();
    while big.len() < 2 * 1024 * 1024 {
        big.push_str("Lorem ipsum dolor sit amet, consectetur adipiscing elit.\n");
    }
    let findings = run(
        "2 MiB case",
        &with(CASE, big.as_bytes()),
        Expect::Finding("unreadable", CASE),
    );
    assert!(
        findings[0]["message"].as_str().unwrap().contains("1 MiB"),
        "{findings:#?}"
    );
    let mut meetings = MEETINGS.to_string();
    while meetings.len() < 2 * 1024 * 1024 {
        meetings.push_str("# a comment to make the file large\n");
    }
    run(
        "2 MiB meetings.yaml",
        &with(YEAR, meetings.as_bytes()),
        Expect::Finding("unreadable", YEAR),
    );
}

#[cfg(unix)]
#[test]
fn links_that_loop_or_leave_the_record() {
    let f = Fixture::new();
    f.link(CASE, Path::new("03-21-tredje-sak.md"));
    run("a link to itself", &f, Expect::Finding("unreadable", CASE));

    let f = Fixture::new();
    f.link(CASE, Path::new("04-21-b.md"));
    f.link("2021/04-21-b.md", Path::new("03-21-tredje-sak.md"));
    run(
        "two links in a loop",
        &f,
        Expect::Finding("unreadable", CASE),
    );

    let f = Fixture::new();
    f.link(CASE, &f.outside().join("secret.md"));
    let findings = run(
        "a link out of the record",
        &f,
        Expect::Finding("unreadable", CASE),
    );
    assert!(
        findings[0]["message"]
            .as_str()
            .unwrap()
            .contains("outside the record"),
        "{findings:#?}"
    );

    let f = Fixture::new();
    f.link(CASE, Path::new("../../outside/secret.md"));
    run(
        "a relative link out of the record",
        &f,
        Expect::Finding("unreadable", CASE),
    );

    let f = Fixture::new();
    f.link("risks/1.yaml", &f.outside().join("secret.yaml"));
    run(
        "a risk linked from outside",
        &f,
        Expect::Finding("unreadable", "risks/1.yaml"),
    );

    let f = Fixture::new();
    f.link(CASE, Path::new("/dev/zero"));
    run(
        "a link to /dev/zero",
        &f,
        Expect::Finding("unreadable", CASE),
    );

    let f = Fixture::new();
    f.link(CASE, Path::new("no-such-file.md"));
    run("a dangling link", &f, Expect::Finding("unreadable", CASE));

    // A link inside the record is read like the file it names.
    let f = Fixture::new();
    f.write("shared/tredje.md", CASE_3.as_bytes());
    f.link(CASE, Path::new("../shared/tredje.md"));
    run("a link inside the record", &f, Expect::Valid);
}

#[cfg(unix)]
#[test]
fn a_templates_folder_linked_from_outside_is_not_read() {
    let f = Fixture::new();
    std::fs::write(f.outside().join("notice.md"), format!("{SECRET}\n")).unwrap();
    f.link("templates", &f.outside());
    // Only rendering reads templates: exit 2, and the secret in no output.
    run("templates/ linked from outside", &f, Expect::Valid);
    let out = pds_in(&f.root(), &["render", "notice", "1/2021"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("outside the record"));
}

#[cfg(unix)]
#[test]
fn a_file_without_read_permission() {
    use std::os::unix::fs::PermissionsExt;
    let f = with(CASE, CASE_3.as_bytes());
    let path = f.root().join(CASE);
    std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o000)).unwrap();
    // Root reads a file of mode 000 all the same (tests often run as root in
    // containers): then the file is valid and only the absence of a panic
    // can be asserted.
    let readable = std::fs::read(&path).is_ok();
    let expect = if readable {
        Expect::Sane
    } else {
        Expect::Finding("unreadable", CASE)
    };
    run("mode 000", &f, expect);
    // Let the temporary folder be removed.
    std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o644)).unwrap();
}

#[cfg(unix)]
#[test]
fn a_named_pipe_is_not_waited_on() {
    let f = Fixture::new();
    let fifo = f.root().join(CASE);
    let made = Command::new("mkfifo").arg(&fifo).status();
    if !made.is_ok_and(|s| s.success()) {
        eprintln!("no mkfifo on this machine: skipped");
        return;
    }
    run("a FIFO", &f, Expect::Finding("unreadable", CASE));
}

#[test]
fn odd_file_names_are_reported_exactly() {
    // Each holds a case with one flaw (`titel`), so a finding must name it.
    let flawed = CASE_3.replace("title:", "titel:");
    let mut names = vec![
        "2021/03-21-med mellomrom.md".to_string(),
        "2021/03-21-ærfugl-på-øya-😀.md".to_string(),
        "2021/-03-21-strek.md".to_string(),
        "2021/-.md".to_string(),
        "2021/03-21-\u{202e}dm.exe.md".to_string(),
    ];
    if cfg!(unix) {
        names.push("2021/03-21-linje\nskift.md".to_string());
        names.push("2021/03-21-\u{1b}[31mrød.md".to_string());
        names.push("2021/03-21-tab\tulator.md".to_string());
    }
    for name in &names {
        let findings = run(
            &format!("{name:?}"),
            &with(name, flawed.as_bytes()),
            Expect::Finding("unknown-field", name),
        );
        assert!(
            findings.iter().all(|f| f["file"] == name.as_str()),
            "{findings:#?}"
        );
    }
}

#[cfg(unix)]
#[test]
fn a_file_name_that_is_not_utf8_is_still_reported() {
    use std::os::unix::ffi::OsStrExt;
    let f = Fixture::new();
    let name = std::ffi::OsStr::from_bytes(b"03-21-bad\xff.md");
    std::fs::write(
        f.root().join("2021").join(name),
        CASE_3.replace("title:", "titel:"),
    )
    .unwrap();
    run(
        "a name that is not UTF-8",
        &f,
        Expect::Finding("unknown-field", "2021/03-21-bad\u{fffd}.md"),
    );
}

#[test]
fn escape_sequences_in_a_yaml_key_do_not_reach_the_terminal() {
    let key = CASE_3.replace("title:", "\"ti\\e[2Jtle\\e]0;owned\\a\": x\ntitle:");
    run(
        "escape sequences in a key",
        &with(CASE, key.as_bytes()),
        Expect::Finding("unknown-field", CASE),
    );
}

#[test]
fn numbers_a_billion_ahead_are_one_finding_each() {
    let case = CASE_3.replace("number: 3/21", "number: 999999999/21");
    let start = Instant::now();
    let findings = run(
        "a case number a billion ahead",
        &with(CASE, case.as_bytes()),
        Expect::Finding("case-gap", CASE),
    );
    assert_eq!(
        findings.iter().filter(|f| f["code"] == "case-gap").count(),
        1
    );
    let meetings = format!("{MEETINGS}- number: 999999999/2021\n  date: 2021-12-12\n");
    let findings = run(
        "a meeting number a billion ahead",
        &with(YEAR, meetings.as_bytes()),
        Expect::Finding("meeting-gap", YEAR),
    );
    assert_eq!(
        findings
            .iter()
            .filter(|f| f["code"] == "meeting-gap")
            .count(),
        1
    );
    // A finding per missing number took 36 s and 2.4 GB for 3,000,000.
    assert!(
        start.elapsed() < Duration::from_secs(20),
        "{:?}",
        start.elapsed()
    );
}

#[test]
fn a_body_nesting_50000_deep_renders_as_written_and_quickly() {
    for (name, body) in [
        ("blockquotes", "> ".repeat(50_000) + "x\n"),
        ("raw divs", "<div>".repeat(50_000) + "\n"),
        ("open formatting", {
            let open: String = (0..200).map(|i| format!("<b x={i}>")).collect();
            format!("<div>{open}</div>\n\n{}", "x\n\n".repeat(20_000))
        }),
    ] {
        let f = with(CASE, format!("{CASE_3}{body}").as_bytes());
        let start = Instant::now();
        run(name, &f, Expect::Valid);
        // Each took minutes in `render notice` (every agenda case's body is
        // rendered): html5ever's time grows by the square of the nesting.
        assert!(
            start.elapsed() < Duration::from_secs(30),
            "{name}: {:?}",
            start.elapsed()
        );
        let out = pds_in(&f.root(), &["render", "case", "3/21", "--format", "html"]);
        assert_eq!(out.status.code(), Some(0), "{name}");
        assert!(
            String::from_utf8_lossy(&out.stdout).contains("<pre class=\"unrendered\">"),
            "{name}"
        );
    }
}
