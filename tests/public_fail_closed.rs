//! `render --public` fails closed: when a file it reads has an error that is
//! not acknowledged, it exits 1 naming the file and the finding, and writes
//! nothing. A case whose exemption is written wrongly loads as a case with
//! none, so rendering it anyway would publish it whole.
#![expect(clippy::unwrap_used, reason = "a panic is how a test fails")]

mod common;
use common::*;
use std::path::Path;

/// A record whose case 1/21 carries `exemption` as its seventh line.
fn record(exemption: &str) -> tempfile::TempDir {
    Record::new()
        .file(
            "pds.yaml",
            "board: Styret\nchair: { name: Leder, org: Org }\n",
        )
        .file(
            "2021/meetings.yaml",
            "- number: 1/2021\n  date: 2021-03-01\n",
        )
        .file(
            "2021/01-21-personalsak.md",
            format!(
                "---\nnumber: 1/21\nmeeting: 1/2021\ntitle: Personalsak\ntype: Orientering\n\
                 description: XSECRET-DESCRIPTION\n{exemption}\n---\nXSECRET-BODY\n"
            ),
        )
        .build()
}

/// Exemptions written wrongly, with the finding each must be refused for.
const WRONG: &[(&str, &str, &str)] = &[
    ("exempt: [Offl. § 13]", "7:9", "invalid-value"),
    ("exempt: {basis: Offl. § 13}", "7:9", "invalid-value"),
    ("Exempt: Offl. § 13", "7:1", "unknown-field"),
    ("exmpt: Offl. § 13", "7:1", "unknown-field"),
    ("exempt:", "7:", "invalid-value"),
    ("exempt: ~", "7:9", "invalid-value"),
    ("exempt: \"  \"", "7:9", "invalid-value"),
];

const DOCS: &[&[&str]] = &[
    &["notice", "1/2021"],
    &["case", "1/21"],
    &["pack", "1/2021"],
    &["minutes", "1/2021"],
    &["overview", "2021"],
    &["invite", "1/2021"],
];

fn render(root: &Path, doc: &[&str], extra: &[&str]) -> std::process::Output {
    let mut args = vec!["--repo", root.to_str().unwrap(), "render"];
    args.extend_from_slice(doc);
    args.extend_from_slice(extra);
    pds(&args)
}

#[test]
fn a_wrongly_written_exemption_refuses_every_public_render_and_writes_nothing() {
    for (exemption, at, code) in WRONG {
        let dir = record(exemption);
        let out_dir = tempfile::tempdir().unwrap();
        for doc in DOCS {
            let target = out_dir.path().join("out");
            let target = target.to_str().unwrap();
            for extra in [&["--public"][..], &["--public", "-o", target]] {
                let out = render(dir.path(), doc, extra);
                let err = stderr(&out);
                assert_eq!(
                    out.status.code(),
                    Some(1),
                    "{exemption} {doc:?} {extra:?}: {err}"
                );
                assert_eq!(stdout(&out), "", "{exemption} {doc:?}: printed a document");
                assert!(
                    err.contains(&format!("2021/01-21-personalsak.md:{at}")),
                    "{exemption} {doc:?}: the file is not named:\n{err}"
                );
                assert!(err.contains(code), "{exemption} {doc:?}: {err}");
                assert!(!err.contains("XSECRET"), "{err}");
                assert!(
                    !Path::new(target).exists(),
                    "{exemption} {doc:?}: wrote {target}"
                );
            }
        }
        let pdf = out_dir.path().join("x.pdf");
        let out = render(
            dir.path(),
            &["case", "1/21"],
            &["--public", "--format", "pdf", "-o", pdf.to_str().unwrap()],
        );
        assert_eq!(out.status.code(), Some(1), "{}", stderr(&out));
        assert!(!pdf.exists());
    }
}

#[test]
fn the_same_record_renders_without_public() {
    // The refusal is --public's: the internal render is the secretariat's to see.
    let dir = record(WRONG[0].0);
    let out = render(dir.path(), &["case", "1/21"], &[]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert!(stdout(&out).contains("XSECRET-BODY"));
}

#[test]
fn a_well_written_exemption_renders() {
    let dir = record("exempt: Offl. § 13");
    for doc in DOCS {
        let out = render(dir.path(), doc, &["--public"]);
        assert_eq!(out.status.code(), Some(0), "{doc:?}: {}", stderr(&out));
        assert!(!stdout(&out).contains("XSECRET"), "{doc:?}");
    }
}

#[test]
fn an_error_in_any_file_the_render_reads_refuses_it() {
    let dir = record("exempt: Offl. § 13");
    write(
        dir.path(),
        "2021/actions.yaml",
        "- id: A1\n  raised: 1/2021\n  txt: typo\n",
    );
    let out = render(dir.path(), &["notice", "1/2021"], &["--public"]);
    let err = stderr(&out);
    assert_eq!(out.status.code(), Some(1), "{err}");
    assert!(
        err.contains("2021/actions.yaml:3:3: unknown-field"),
        "{err}"
    );
    assert!(
        err.contains("2021/actions.yaml:1:3: missing-field"),
        "{err}"
    );
    assert!(err.contains("2 errors"), "{err}");
    assert!(err.contains("pds check"), "{err}");
}

#[test]
fn acknowledged_errors_do_not_refuse_and_their_notes_still_render() {
    // The real record acknowledges its duplicate numbers and a gap.
    for doc in [&["pack", "7/2021"][..], &["overview", "2021"]] {
        let mut args = vec!["--repo", "cases", "render"];
        args.extend_from_slice(doc);
        args.push("--public");
        let out = pds(&args);
        assert_eq!(out.status.code(), Some(0), "{doc:?}: {}", stderr(&out));
        if doc[0] == "overview" {
            let md = stdout(&out);
            assert_eq!(md.matches("| 5/21\\*").count(), 2, "{md}");
            assert!(md.contains("Det har beklageligvis oppstått sekvensfeil"));
        }
    }
}
