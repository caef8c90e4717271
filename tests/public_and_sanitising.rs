//! --public never leaks an exempt case's text, and HTML output never carries
//! script, whatever the record holds.
#![expect(
    clippy::unwrap_used,
    clippy::indexing_slicing,
    reason = "a panic is how a test fails"
)]

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

/// A record with an exempt case full of secrets, and a case of hostile Markdown.
fn record() -> tempfile::TempDir {
    let mut body = String::new();
    for h in HOSTILE {
        body.push_str(h);
        body.push_str("\n\n");
    }
    Record::new()
        .file("pds.yaml", "board: \"Board <script>alert('xss-board')</script>\"\nchair: { name: Chair, org: Org }\nmembers:\n  - { name: \"A <b onmouseover=alert(1)>\", org: Org }\n")
        .file("2021/meetings.yaml", "- number: 1/2021\n  date: 2021-03-01\n  time: \"10:00-12:00\"\n  place: \"<script>alert('xss-place')</script>\"\n")
        .file(
            "2021/01-21-exempt.md",
            "---\nnumber: 1/21\nmeeting: 1/2021\ntitle: Personalsak\ntype: Orientering\ndescription: SECRET-DESCRIPTION\nowner: SECRET-OWNER\nexempt: Offl. § 13\nproposed_decision: SECRET-PROPOSAL\ndecision: SECRET-DECISION\n---\nSECRET-BODY with a footnote[^1].\n\n[^1]: SECRET-FOOTNOTE\n",
        )
        .file(
            "2021/02-21-hostile.md",
            format!("---\nnumber: 2/21\nmeeting: 1/2021\ntitle: \"<script>alert('xss-title')</script> | *bold*\"\ntype: Drøfting\ndescription: \"<img src=x onerror=alert('xss-desc')>\"\nproposed_decision: \"[x](javascript:alert('xss-prop'))\"\n---\n{body}"),
        )
        .build()
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

/// The bytes of a picture outside the record: no output may carry them,
/// as text or base64.
const OUTSIDE_PICTURE: &[u8] = b"\x89PNG\r\n\x1a\nSECRET-PICTURE-OUTSIDE-THE-RECORD";

/// A record in `<tmp>/record` whose case body names pictures by every path
/// that leads out of it, and one picture inside it that must be inlined.
fn picture_record() -> (tempfile::TempDir, std::path::PathBuf) {
    let record = Record::new();
    let abs = record.path().join("outside/secret.png");
    let abs = abs.to_str().unwrap();
    let body = format!(
        "![inside](inside.png)\n\n\
         ![up two](../../secret.png) ![up three](../../outside/secret.png)\n\n\
         ![absolute]({abs}) ![file url](file://{abs})\n\n\
         ![encoded](%2e%2e/%2e%2e/secret.png) ![encoded slash](..%2f..%2fsecret.png)\n\n\
         ![backslashes](..\\..\\secret.png) ![linked](linked.png) ![svg](../../secret.svg)\n\n\
         <img src=\"../../secret.png\"> <img src=\"{abs}\"> <img src=\"file://{abs}\">\n\n\
         [link](../../secret.png) [abs link]({abs})\n"
    );
    let record = record
        .file("outside/secret.png", OUTSIDE_PICTURE)
        .file("outside/secret.svg", OUTSIDE_PICTURE)
        .file("secret.png", OUTSIDE_PICTURE)
        .file("secret.svg", OUTSIDE_PICTURE)
        .file(
            "record/pds.yaml",
            "board: Board\nchair: { name: Chair, org: Org }\n",
        )
        .file(
            "record/2021/meetings.yaml",
            "- number: 1/2021\n  date: 2021-03-01\n",
        )
        .file("record/2021/inside.png", b"\x89PNG-INSIDE")
        .file(
            "record/2021/01-21-bilder.md",
            format!(
                "---\nnumber: 1/21\nmeeting: 1/2021\ntitle: Bilder\ntype: Orientering\n---\n{body}"
            ),
        );
    #[cfg(unix)]
    let record = record.link("record/2021/linked.png", abs);
    let dir = record.build();
    let root = dir.path().join("record");
    (dir, root)
}

#[test]
fn pictures_outside_the_record_are_never_read() {
    use base64::Engine;
    let (_dir, root) = picture_record();
    let secret_b64 = base64::engine::general_purpose::STANDARD.encode(OUTSIDE_PICTURE);
    let marker = "SECRET-PICTURE";
    let inside_b64 = base64::engine::general_purpose::STANDARD.encode(b"\x89PNG-INSIDE");
    let mut inlined_inside = false;
    for doc in [
        &["render", "case", "1/21"][..],
        &["render", "pack", "1/2021"],
        &["render", "notice", "1/2021"],
    ] {
        for format in ["md", "html"] {
            for public in [false, true] {
                let mut args = vec!["--repo", root.to_str().unwrap()];
                args.extend_from_slice(doc);
                args.extend_from_slice(&["--format", format]);
                if public {
                    args.push("--public");
                }
                let out = pds(&args);
                assert_eq!(out.status.code(), Some(0), "{args:?}: {}", stderr(&out));
                let text = format!("{}{}", stdout(&out), stderr(&out));
                assert!(
                    !text.contains(marker),
                    "{args:?} read a picture outside:\n{text}"
                );
                assert!(
                    !text.contains(&secret_b64),
                    "{args:?} inlined a picture outside"
                );
                // Any run of its base64, whatever the alignment.
                for skip in 0..3 {
                    let part = base64::engine::general_purpose::STANDARD
                        .encode(&OUTSIDE_PICTURE[8 + skip..]);
                    assert!(
                        !text.contains(&part[..16]),
                        "{args:?} holds the outside picture's bytes"
                    );
                }
                inlined_inside |= text.contains(&inside_b64);
                if format == "html" {
                    for tag in tags(&text) {
                        let lower = tag.to_lowercase();
                        assert!(!lower.contains("file:"), "{args:?}: <{tag}>");
                        assert!(!lower.contains("secret.svg"), "{args:?}: <{tag}>");
                    }
                }
            }
        }
    }
    // Otherwise the test above would pass for a pds that inlines nothing.
    assert!(
        inlined_inside,
        "the picture inside the record was never inlined"
    );
}

/// SVG and CSS that would run script or fetch things, in a case body.
const SVG_AND_CSS: &[&str] = &[
    "<svg><script>alert('svg1')</script></svg>",
    "<svg onload=\"alert('svg2')\"><circle r=\"5\"/></svg>",
    "<svg><a xlink:href=\"javascript:alert('svg3')\"><text>t</text></a></svg>",
    "<svg><foreignObject><iframe src=\"javascript:alert('svg4')\"></iframe></foreignObject></svg>",
    "<svg><use href=\"data:image/svg+xml;base64,PHN2ZyBvbmxvYWQ9YWxlcnQoMSk+\"/></svg>",
    "<svg><animate attributeName=\"href\" to=\"javascript:alert('svg5')\"/></svg>",
    "<svg><set attributeName=\"onmouseover\" to=\"alert('svg6')\"/></svg>",
    "<img src=\"data:image/svg+xml;base64,PHN2ZyBvbmxvYWQ9YWxlcnQoMSk+\">",
    "<img src=\"inside.svg\">",
    "![vector](inside.svg)",
    "<object data=\"inside.svg\" type=\"image/svg+xml\"></object>",
    "<embed src=\"inside.svg\">",
    "<div style=\"width: expression(alert('css1'))\">css1</div>",
    "<p style=\"background: url(javascript:alert('css2'))\">css2</p>",
    "<p style=\"background-image: url('https://evil.example/css3.png')\">css3</p>",
    "<style>body { background: url(https://evil.example/css4.png) } EVIL-CSS-MARKER</style>",
    "<style>@import 'https://evil.example/css5.css';</style>",
    "<link rel=\"stylesheet\" href=\"https://evil.example/css6.css\">",
    "<span style=\"behavior: url(x.htc); -moz-binding: url(x.xml#xss)\">css7</span>",
    "| a |\n|---|\n| <td style=\"text-align: left; background: url(https://evil.example/css8.png)\">x</td> |",
];

#[test]
fn svg_and_css_in_bodies_carry_no_script_and_fetch_nothing() {
    let body = SVG_AND_CSS.join("\n\n");
    let dir = Record::new()
        .file(
            "pds.yaml",
            "board: Board\nchair: { name: Chair, org: Org }\n",
        )
        .file(
            "2021/meetings.yaml",
            "- number: 1/2021\n  date: 2021-03-01\n",
        )
        .file(
            "2021/inside.svg",
            "<svg xmlns=\"http://www.w3.org/2000/svg\" onload=\"alert('inside-svg')\"><script>alert('inside-svg')</script></svg>",
        )
        .file(
            "2021/01-21-svg.md",
            format!("---\nnumber: 1/21\nmeeting: 1/2021\ntitle: SVG\ntype: Orientering\n---\nVisible text.\n\n{body}\n"),
        )
        .build();
    let root = dir.path();
    for doc in [
        &["render", "case", "1/21"][..],
        &["render", "pack", "1/2021"],
    ] {
        let mut args = vec!["--repo", root.to_str().unwrap()];
        args.extend_from_slice(doc);
        args.extend_from_slice(&["--format", "html"]);
        let out = pds(&args);
        assert_eq!(out.status.code(), Some(0), "{args:?}: {}", stderr(&out));
        let html = stdout(&out);
        assert!(
            html.contains("Visible text."),
            "{args:?}: the body was not rendered"
        );
        for tag in tags(&html) {
            let lower = tag.to_lowercase();
            // The page's own policy names `data:` as the one source of pictures.
            if lower.starts_with("meta http-equiv=\"content-security-policy\"") {
                continue;
            }
            for bad in [
                "script",
                "javascript:",
                "svg",
                "foreignobject",
                "expression(",
                "url(",
                "behavior",
                "binding",
                "data:",
                "evil.example",
                "iframe",
                "object",
                "embed",
                "link ",
                "animate",
                "set ",
                "use ",
            ] {
                assert!(!lower.contains(bad), "{args:?} carries <{tag}>");
            }
            let handler = lower
                .split(|c: char| c.is_whitespace() || c == '/')
                .any(|attr| attr.starts_with("on") && attr.contains('='));
            assert!(!handler, "{args:?} carries an event handler in <{tag}>");
        }
        // A <style> element of the body is dropped with its text; the page's own stays.
        assert!(!html.contains("EVIL-CSS-MARKER"), "{args:?}");
        assert!(!html.contains("@import"), "{args:?}");
        assert!(!html.contains("inside-svg"), "{args:?} inlined an SVG");
        assert_eq!(html.matches("<style").count(), 1, "{args:?}");
    }
}
