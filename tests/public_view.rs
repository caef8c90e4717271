//! `--public` renders from one public view of the record: an exempt case
//! keeps its number, meeting, title, type and exemption, and nothing else
//! of it reaches any document, in any format — not its `document:` name, not
//! the action items raised at it, not through a generated block in another
//! case. Each marker below must appear without `--public` (so the test can
//! fail) and never with it.
#![expect(
    clippy::unwrap_used,
    clippy::indexing_slicing,
    reason = "a panic is how a test fails"
)]

mod common;
use base64::Engine;
use common::*;
use std::path::Path;

/// Every marker starts with this; no public output may hold it.
const SECRET: &str = "XSECRET";

/// Where each marker stands in the exempt case 1/21 and what hangs on it.
const MARKERS: &[&str] = &[
    "XSECRET-DESCRIPTION",
    "XSECRET-OWNER",
    "XSECRET-NOTE",
    "XSECRET-DOCNAME",
    "XSECRET-PROPOSAL",
    "XSECRET-DECISION",
    "XSECRET-PART",
    "XSECRET-BODY",
    "XSECRET-FOOTNOTE",
    "XSECRET-ALT",
    "XSECRET-A1",
    "XSECRET-ACTION-TEXT",
    "XSECRET-ACTION-OWNER",
];

const PICTURE: &[u8] = b"\x89PNG\r\n\x1a\nXSECRET-PICTURE-BYTES";

/// A record that checks clean: meeting 1/2021 with the exempt, decided case
/// 1/21 (a marker in every field, its body, a footnote and a picture), case
/// 2/21 whose body embeds every generated block, and action items raised at
/// both.
fn record(language: &str) -> tempfile::TempDir {
    Record::new()
        .file(
            "pds.yaml",
            format!("board: Styret\nlanguage: {language}\nchair: {{ name: Leder, org: Org }}\nmembers:\n  - {{ name: Medlem, org: Org }}\n"),
        )
        .file(
            "2021/meetings.yaml",
            "- number: 1/2021\n  date: 2021-03-01\n  time: \"10:00-12:00\"\n  place: Oslo\n  status: held\n",
        )
        .file(
            "2021/01-21-personalsak.md",
            "---\nnumber: 1/21\nmeeting: 1/2021\ntitle: Personalsak\n\
             parts:\n  - { title: XSECRET-PART, type: Beslutning }\n\
             description: XSECRET-DESCRIPTION\nowner: XSECRET-OWNER\nagenda_note: XSECRET-NOTE\ndocument: XSECRET-DOCNAME\n\
             status: decided\nexempt: Offl. § 13\n\
             proposed_decision: XSECRET-PROPOSAL\ndecision: XSECRET-DECISION\n---\n\
             XSECRET-BODY with a footnote[^1].\n\n![XSECRET-ALT](secret.png)\n\n[^1]: XSECRET-FOOTNOTE\n",
        )
        .file("2021/secret.png", PICTURE)
        .file(
            "2021/02-21-status.md",
            "---\nnumber: 2/21\nmeeting: 1/2021\ntitle: Status\ntype: Orientering\ndescription: Open description.\n---\n\
             Open body.\n\n\
             {{ actions() }}\n\n\
             {{ actions(meeting=\"1/2021\") }}\n\n\
             {{ overview(year=2021) }}\n\n\
             {{ status(date=\"2021-03-01\") }}\n\n\
             {{ risks() }}\n",
        )
        .file(
            "2021/actions.yaml",
            "- id: XSECRET-A1\n  raised: 1/21\n  text: XSECRET-ACTION-TEXT\n  owner: XSECRET-ACTION-OWNER\n  status: open\n\
             - id: A2\n  raised: 2/21\n  text: Open action text\n  owner: Open owner\n  status: open\n",
        )
        .file(
            "risks/1.yaml",
            "id: 1\ntitle: A risk\nprobability: 2\nconsequence: 3\nstatus: open\nmeasures: []\n",
        )
        .file(
            "status/2021-03-01.yaml",
            "date: 2021-03-01\nmeeting: 1/2021\ntitle: Status\noverall: All well.\n",
        )
        .build()
}

const DOCS: &[&[&str]] = &[
    &["notice", "1/2021"],
    &["case", "1/21"],
    &["case", "2/21"],
    &["overview", "2021"],
    &["pack", "1/2021"],
    &["minutes", "1/2021"],
    &["risks"],
    &["status", "2021-03-01"],
    &["invite", "1/2021"],
    &["decisions", "2021"],
];

/// Every document in every text format: (what, stdout + stderr).
fn render_all(root: &Path, public: bool) -> Vec<(String, String)> {
    let mut outputs = Vec::new();
    for doc in DOCS {
        let formats: &[&str] = if doc[0] == "invite" {
            &["md"]
        } else {
            &["md", "html"]
        };
        for format in formats {
            let mut args = vec!["--repo", root.to_str().unwrap(), "render"];
            args.extend_from_slice(doc);
            if doc[0] != "invite" {
                args.extend_from_slice(&["--format", format]);
            }
            if public {
                args.push("--public");
            }
            let out = pds(&args);
            assert_eq!(out.status.code(), Some(0), "{args:?}: {}", stderr(&out));
            outputs.push((
                format!("{} {format}", doc.join(" ")),
                format!("{}{}", stdout(&out), stderr(&out)),
            ));
        }
    }
    outputs
}

fn picture_b64() -> String {
    base64::engine::general_purpose::STANDARD.encode(PICTURE)
}

#[test]
fn the_corpus_checks_clean_so_public_renders_are_not_refused() {
    let dir = record("nb");
    let out = pds(&["--repo", dir.path().to_str().unwrap(), "check"]);
    assert_eq!(out.status.code(), Some(0), "{}", stdout(&out));
}

#[test]
fn without_public_every_marker_is_rendered() {
    // Otherwise the test below would pass for a pds that renders nothing.
    let dir = record("nb");
    let outputs = render_all(dir.path(), false);
    let all: String = outputs.iter().map(|(_, t)| t.as_str()).collect();
    for marker in MARKERS {
        assert!(all.contains(marker), "{marker} is never rendered");
    }
    assert!(all.contains(&picture_b64()), "the picture is never inlined");
    // The paths that leaked: the document name in the notice and the HTML
    // title, action items in the minutes and in another case's generated block.
    let get = |what: &str| &outputs.iter().find(|(w, _)| w == what).unwrap().1;
    assert!(get("notice 1/2021 md").contains("XSECRET-DOCNAME"));
    // The case document is headed by its title; its document name is on the agenda.
    assert!(get("case 1/21 html").contains("<title>1-21 Personalsak</title>"));
    assert!(get("notice 1/2021 md").contains("XSECRET-NOTE"));
    assert!(get("minutes 1/2021 md").contains("XSECRET-ACTION-TEXT"));
    assert!(get("case 2/21 md").contains("XSECRET-ACTION-TEXT"));
    assert!(get("case 2/21 html").contains("XSECRET-DESCRIPTION"));
}

#[test]
fn with_public_no_marker_reaches_any_document_in_any_format() {
    let dir = record("nb");
    let b64 = picture_b64();
    let outputs = render_all(dir.path(), true);
    for (what, text) in &outputs {
        assert!(
            !text.contains(SECRET),
            "{what} leaks exempt content:\n{text}"
        );
        assert!(
            !text.contains(&b64[..24]),
            "{what} inlines the exempt picture"
        );
    }
    let get = |what: &str| &outputs.iter().find(|(w, _)| w == what).unwrap().1;
    // What may be published is still there.
    for what in ["notice 1/2021 md", "case 1/21 md", "overview 2021 md"] {
        let text = get(what);
        assert!(text.contains("1/21"), "{what}:\n{text}");
        assert!(text.contains("Personalsak"), "{what}:\n{text}");
        assert!(text.contains("Beslutning"), "{what}: the type:\n{text}");
        assert!(
            text.contains("Unntatt offentlighet (Offl. § 13)"),
            "{what}:\n{text}"
        );
    }
    assert!(get("case 1/21 html").contains("<title>1/21 Personalsak</title>"));
    // Only the exempt case's items are gone, and its text only.
    for what in ["minutes 1/2021 md", "case 2/21 md", "case 2/21 html"] {
        assert!(get(what).contains("Open action text"), "{what}");
    }
    assert!(get("case 2/21 md").contains("Open body."));
    assert!(get("case 2/21 md").contains("Open description."));
    // (An .ics folds its lines at 75 octets: unfolded first.)
    assert!(get("invite 1/2021 md")
        .replace("\r\n ", "")
        .contains("Personalsak"));
    // The decisions register says the exempt case was decided, and no more.
    assert!(get("decisions 2021 md").contains("Vedtak fattet – unntatt offentlighet (Offl. § 13)"));
}

#[test]
fn public_minutes_say_a_decided_exempt_case_was_decided() {
    for (language, said, not) in [
        (
            "nb",
            "Vedtak fattet – unntatt offentlighet (Offl. § 13)",
            "Vedtak ikke registrert",
        ),
        (
            "en",
            "Decided – exempt from public disclosure (Offl. § 13)",
            "No decision recorded",
        ),
    ] {
        let dir = record(language);
        for format in ["md", "html"] {
            let out = pds(&[
                "--repo",
                dir.path().to_str().unwrap(),
                "render",
                "minutes",
                "1/2021",
                "--public",
                "--format",
                format,
            ]);
            assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
            let text = stdout(&out);
            // The exempt case's section: from its heading to the next case's.
            let start = text.find("1/21 Personalsak").expect("the case's heading");
            let end = text.find("2/21 Status").expect("the next case's heading");
            let section = &text[start..end];
            assert!(section.contains(said), "{language} {format}:\n{section}");
            assert!(!section.contains(not), "{language} {format}:\n{section}");
            // The open case, undecided, still says so.
            assert!(text[end..].contains(not), "{language} {format}");
        }
    }
}

#[test]
fn public_pdf_holds_no_marker_in_its_text_or_title() {
    if !tool_or_skip(
        on_path("pdftotext") && on_path("pdfinfo"),
        "poppler-utils",
        "no PDF was checked",
    ) {
        return;
    }
    let dir = record("nb");
    let out_dir = tempfile::tempdir().unwrap();
    for doc in [
        &["case", "1/21"][..],
        &["pack", "1/2021"],
        &["minutes", "1/2021"],
    ] {
        let pdf = out_dir.path().join(format!("{}.pdf", doc[0]));
        let mut args = vec!["--repo", dir.path().to_str().unwrap(), "render"];
        args.extend_from_slice(doc);
        args.extend_from_slice(&["--public", "--format", "pdf", "-o", pdf.to_str().unwrap()]);
        let out = pds(&args);
        assert_eq!(out.status.code(), Some(0), "{args:?}: {}", stderr(&out));
        for tool in ["pdftotext", "pdfinfo"] {
            let mut cmd = std::process::Command::new(tool);
            cmd.arg(&pdf);
            if tool == "pdftotext" {
                cmd.arg("-");
            }
            let text = String::from_utf8_lossy(&cmd.output().unwrap().stdout).into_owned();
            assert!(!text.contains(SECRET), "{tool} of {doc:?}:\n{text}");
            if tool == "pdftotext" {
                assert!(text.contains("Personalsak"), "{doc:?}:\n{text}");
            }
        }
    }
}
