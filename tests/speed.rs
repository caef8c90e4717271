//! Speed a user notices: `pds fmt --check` on a record that is already
//! formatted costs little more than `pds check` (issue 16: it cost 27 times
//! as much, formatting every file twice and verifying what did not change).
//! The figures themselves are `cargo bench`'s (benches/scale.rs).
#![expect(clippy::unwrap_used, reason = "a panic is how a test fails")]

mod common;
use common::*;
use std::fmt::Write as _;

const CASES: usize = 300;

/// A record of `CASES` cases with bodies as a secretariat writes them
/// (headings, a list, a table, a footnote), as `benches/gen_corpus.py` does.
fn record() -> tempfile::TempDir {
    let mut meetings = String::new();
    for m in 1..=CASES.div_ceil(100) {
        writeln!(
            meetings,
            "- number: {m}/2021\n  date: 2021-0{m}-10\n  time: \"13:00-15:00\"\n  place: Elektronisk møte"
        )
        .unwrap();
    }
    let mut record = Record::new()
        .file("pds.yaml", "board: Ytelsesstyret\nlanguage: nb\nchair:\n  name: Leder\n  org: Direktoratet\nmembers:\n  - name: Medlem\n    org: Organisasjon\n")
        .file("2021/meetings.yaml", meetings);
    let words = "programstyret tilslutning orientering drøfting leveranse samhandling kjernejournal risiko tiltak gevinstrealisering";
    for i in 1..=CASES {
        let body = format!(
            "## Hensikt med saken\n\n{words} {i}.\n\n## Bakgrunn\n\n{words} {words}.[^1]\n\n\
             - {words}\n- {words}\n\n| Leveranse | Beskrivelse |\n|---|---|\n| tiltak | {words} |\n\n\
             [^1]: Sak i NUIT {i}/21.\n"
        );
        record = record.file(
            &format!("2021/{i:02}-21-sak-{i}.md"),
            format!(
                "---\nnumber: {i}/21\nmeeting: {}/2021\ntitle: Sak {i}\ntype: Drøfting\ndescription: {words}\nstatus: decided\nproposed_decision: |\n  {words}\n---\n{body}",
                1 + (i - 1) / 100
            ),
        );
    }
    record.build()
}

/// The least CPU time of three runs of `pds args` in `dir`.
fn cpu(dir: &std::path::Path, args: &[&str], code: i32) -> Option<f64> {
    let mut least = f64::MAX;
    for _ in 0..3 {
        let (out, seconds) = pds_cpu_seconds(dir, args)?;
        assert_eq!(
            out.status.code(),
            Some(code),
            "pds {args:?}: {}",
            stderr(&out)
        );
        least = least.min(seconds);
    }
    Some(least)
}

#[test]
fn fmt_check_of_a_formatted_record_costs_a_few_checks_not_dozens() {
    let dir = record();
    let formatted = pds_in(dir.path(), &["fmt", "--quiet"]);
    assert_eq!(formatted.status.code(), Some(0), "{}", stderr(&formatted));
    let (Some(check), Some(fmt_check)) = (
        cpu(dir.path(), &["check"], 0),
        cpu(dir.path(), &["fmt", "--check"], 0),
    ) else {
        assert!(
            std::env::var("CI").as_deref() != Ok("true"),
            "/usr/bin/time is needed on CI (apt-get install time)"
        );
        eprintln!(
            "skipped: timing fmt --check against check (no /usr/bin/time; apt-get install time)"
        );
        return;
    };
    // Measured on this record in a debug build: 19× before (every file
    // formatted twice and verified), 5× after (formatted once, not verified).
    let ratio = fmt_check / check.max(0.01);
    eprintln!("check {check:.2} s CPU, fmt --check {fmt_check:.2} s CPU: {ratio:.1}×");
    assert!(
        ratio <= 10.0,
        "fmt --check took {fmt_check:.2} s of CPU, check {check:.2} s: {ratio:.1}×"
    );
}
