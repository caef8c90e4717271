//! --public never leaks an exempt case's text, and HTML output never carries
//! script, whatever the record holds.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)] // a panic is how a test fails

mod common;
use common::*;
use std::path::Path;

const HOSTILE: &[&str] = &[
    "<script>alert('xss1')</script>",
    "<img src=x onerror=\"alert('xss2')\">",
    "[click](javascript:alert('xss3'))",
    "<a href=\"data:text/html;base64,PHNjcmlwdD4=\">xss4</a>",
    "<svg onload=alert('xss5')><script>alert('xss5b')</script></svg>",
    "<p style=\"width: expression(alert('xss6'))\">css</p>",
    "<iframe src=\"https://evil.example\"></iframe>",
    "<object data=\"x.swf\"></object>",
    "<a href=\"JaVaScRiPt:alert('xss7')\">x</a>",
    "<form action=\"https://evil.example\"><input name=x></form>",
    "![pic](javascript:alert('xss8'))",
    "<math><mi xlink:href=\"javascript:alert('xss9')\">m</mi></math>",
];

fn write(root: &Path, rel: &str, text: &str) {
    let path = root.join(rel);
    std::fs::create_dir_all(path.parent().unwrap()).unwrap();
    std::fs::write(path, text).unwrap();
}

/// A record with an exempt case full of secrets, and a case of hostile Markdown.
fn record() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path();
    write(root, "pds.yaml", "board: \"Board <script>alert('xss-board')</script>\"\nchair: { name: Chair, org: Org }\nmembers:\n  - { name: \"A <b onmouseover=alert(1)>\", org: Org }\n");
    write(root, "2021/meetings.yaml", "- number: 1/2021\n  date: 2021-03-01\n  time: \"10:00-12:00\"\n  place: \"<script>alert('xss-place')</script>\"\n");
    write(
        root,
        "2021/01-21-exempt.md",
        "---\nnumber: 1/21\nmeeting: 1/2021\ntitle: Personalsak\ntype: Orientering\ndescription: SECRET-DESCRIPTION\nowner: SECRET-OWNER\nexempt: Offl. § 13\nproposed_decision: SECRET-PROPOSAL\ndecision: SECRET-DECISION\n---\nSECRET-BODY with a footnote[^1].\n\n[^1]: SECRET-FOOTNOTE\n",
    );
    let mut body = String::new();
    for h in HOSTILE {
        body.push_str(h);
        body.push_str("\n\n");
    }
    write(
        root,
        "2021/02-21-hostile.md",
        &format!("---\nnumber: 2/21\nmeeting: 1/2021\ntitle: \"<script>alert('xss-title')</script> | *bold*\"\ntype: Drøfting\ndescription: \"<img src=x onerror=alert('xss-desc')>\"\nproposed_decision: \"[x](javascript:alert('xss-prop'))\"\n---\n{body}"),
    );
    dir
}

fn render_all(root: &Path, public: bool) -> Vec<(String, String)> {
    let mut outputs = Vec::new();
    let docs: &[&[&str]] = &[
        &["render", "notice", "1/2021"],
        &["render", "case", "1/21"],
        &["render", "case", "2/21"],
        &["render", "overview", "2021"],
        &["render", "pack", "1/2021"],
        &["render", "invite", "1/2021"],
    ];
    for doc in docs {
        let formats: &[&str] = if doc[1] == "invite" {
            &["md"]
        } else {
            &["md", "html"]
        };
        for &format in formats {
            let mut args = vec!["--repo", root.to_str().unwrap()];
            args.extend_from_slice(doc);
            args.extend_from_slice(&["--format", format]);
            if public {
                args.push("--public");
            }
            let out = pds(&args);
            assert_eq!(out.status.code(), Some(0), "{args:?}: {}", stderr(&out));
            outputs.push((format!("{doc:?} {format}"), stdout(&out)));
        }
    }
    outputs
}

#[test]
fn public_renders_keep_number_title_and_exemption_but_no_exempt_text() {
    let dir = record();
    for (what, text) in render_all(dir.path(), true) {
        assert!(
            !text.contains("SECRET"),
            "{what} leaks exempt text:\n{text}"
        );
        if !what.contains("invite") && !what.contains("2/21") {
            assert!(
                text.contains("1/21"),
                "{what} lost the exempt case's number"
            );
            assert!(
                text.contains("Personalsak"),
                "{what} lost the exempt case's title"
            );
        }
        if what.contains("notice") || what.contains("\"1/21\"") || what.contains("pack") {
            assert!(
                text.contains("Unntatt offentlighet (Offl. § 13)"),
                "{what}:\n{text}"
            );
        }
    }
}

#[test]
fn internal_renders_do_show_the_exempt_text() {
    // The public test above would pass vacuously if pds never rendered the text at all.
    let dir = record();
    let all: String = render_all(dir.path(), false)
        .into_iter()
        .map(|(_, t)| t)
        .collect();
    for secret in [
        "SECRET-DESCRIPTION",
        "SECRET-BODY",
        "SECRET-PROPOSAL",
        "SECRET-FOOTNOTE",
        "SECRET-OWNER",
    ] {
        assert!(all.contains(secret), "{secret} never rendered");
    }
}

#[test]
fn html_outputs_carry_no_script_handlers_or_javascript_links() {
    let dir = record();
    for (what, text) in render_all(dir.path(), false) {
        if !what.ends_with("html") {
            continue;
        }
        // Escaped text may mention anything; markup (what is inside < >) may not.
        for tag in tags(&text) {
            let lower = tag.to_lowercase();
            for bad in [
                "script",
                "javascript:",
                "iframe",
                "object",
                "expression(",
                "form",
                "data:text",
                "svg",
                "math",
            ] {
                assert!(!lower.contains(bad), "{what} carries <{tag}>");
            }
            let handler = lower
                .split_whitespace()
                .any(|attr| attr.starts_with("on") && attr.contains('='));
            assert!(!handler, "{what} carries an event handler in <{tag}>");
        }
        assert!(
            text.contains("&lt;script&gt;"),
            "{what}: YAML values are shown, escaped"
        );
    }
}

/// The contents of every `<…>` in an HTML text.
fn tags(html: &str) -> Vec<&str> {
    let mut out = Vec::new();
    let mut rest = html;
    while let Some(start) = rest.find('<') {
        let after = &rest[start + 1..];
        let end = after.find('>').unwrap_or(after.len());
        out.push(&after[..end]);
        rest = &after[end..];
    }
    out
}

#[test]
fn markdown_outputs_escape_yaml_values() {
    let dir = record();
    let out = pds(&[
        "--repo",
        dir.path().to_str().unwrap(),
        "render",
        "notice",
        "1/2021",
    ]);
    let md = stdout(&out);
    assert!(
        md.contains(r"\<script\>alert('xss-title')\</script\> \| \*bold\*"),
        "{md}"
    );
    assert!(!md.contains("<script>"), "{md}");
}
