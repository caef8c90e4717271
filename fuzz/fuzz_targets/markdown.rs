//! (d) Markdown to sanitised HTML: whatever the body, the HTML carries no
//! script element, no event handler and no `javascript:` in any tag, no
//! `src` (pictures are inlined through the page's CSS), no class but
//! pulldown-cmark's and pds's picture classes, no id outside the document's
//! prefix, and no picture is read from outside the record.
#![no_main]

use base64::Engine;
use libfuzzer_sys::fuzz_target;
use pds::render::markdown::{to_html, ImageBase, Pictures};
use std::sync::OnceLock;

const SECRET: &[u8] = b"\x89PNG-SECRET-OUTSIDE-THE-RECORD";

/// A record with a picture inside, and a picture outside it that must never be read.
fn base() -> &'static ImageBase {
    static BASE: OnceLock<(tempfile::TempDir, ImageBase)> = OnceLock::new();
    &BASE
        .get_or_init(|| {
            let dir = tempfile::tempdir().unwrap();
            let root = dir.path().join("record");
            std::fs::create_dir_all(root.join("2021")).unwrap();
            std::fs::write(root.join("2021/fig.png"), b"\x89PNG-inside").unwrap();
            std::fs::write(dir.path().join("secret.png"), SECRET).unwrap();
            std::fs::write(dir.path().join("record/secret.png"), b"\x89PNG-root").unwrap();
            let base = ImageBase {
                dir: root.join("2021"),
                root,
                file: "2021/01-21-fuzz.md".into(),
                pictures: Pictures::default(),
            };
            (dir, base)
        })
        .1
}

/// The text inside each `<…>` of the HTML.
fn tags(html: &str) -> impl Iterator<Item = &str> {
    html.split('<')
        .skip(1)
        .map(|s| s.split('>').next().unwrap_or(s))
}

/// The `name="value"` attributes of a tag as html5ever writes them (values
/// always in double quotes, `"` and `&` as entities), values decoded.
fn attributes(tag: &str) -> Vec<(String, String)> {
    let mut out = Vec::new();
    let mut rest = tag.split_once(char::is_whitespace).map_or("", |(_, r)| r);
    while let Some(eq) = rest.find("=\"") {
        let name = rest[..eq].trim().to_ascii_lowercase();
        let after = &rest[eq + 2..];
        let end = after.find('"').unwrap_or(after.len());
        let value = after[..end]
            .replace("&quot;", "\"")
            .replace("&lt;", "<")
            .replace("&gt;", ">")
            .replace("&nbsp;", "\u{a0}")
            .replace("&amp;", "&");
        out.push((name, value));
        rest = after.get(end + 1..).unwrap_or("");
    }
    out
}

/// The scheme a browser reads in a URL (WHATWG): leading and trailing C0
/// controls and spaces stripped, tabs and newlines removed, then letters,
/// digits, `+`, `-`, `.` up to the first `:`. None for a relative URL.
fn scheme(url: &str) -> Option<String> {
    let url: String = url
        .trim_matches(|c: char| c <= ' ')
        .chars()
        .filter(|c| !matches!(c, '\t' | '\n' | '\r'))
        .collect();
    let (scheme, _) = url.split_once(':')?;
    let mut chars = scheme.chars();
    let first = chars.next()?;
    let valid = first.is_ascii_alphabetic()
        && chars.all(|c| c.is_ascii_alphanumeric() || matches!(c, '+' | '-' | '.'));
    valid.then(|| scheme.to_ascii_lowercase())
}

const URL_ATTRIBUTES: &[&str] = &[
    "href",
    "src",
    "xlink:href",
    "action",
    "formaction",
    "srcset",
    "poster",
    "background",
    "cite",
    "data",
    "codebase",
    "longdesc",
    "usemap",
    "lowsrc",
    "dynsrc",
];

fuzz_target!(|data: &[u8]| {
    let markdown = String::from_utf8_lossy(data);
    let secret = base64::engine::general_purpose::STANDARD.encode(SECRET);
    // Fresh pictures per input: each input is its own document.
    let fresh = ImageBase {
        pictures: Pictures::default(),
        ..base().clone()
    };
    for images in [None, Some(&fresh)] {
        let html = to_html(&markdown, "c1-", images);
        for tag in tags(&html) {
            let lower = tag.to_ascii_lowercase();
            assert!(!lower.starts_with("script"), "<{tag}> in {html}");
            for (name, value) in attributes(tag) {
                assert!(
                    !name.starts_with("on"),
                    "event handler in <{tag}> in {html}"
                );
                assert!(name != "style" || !value.contains('('), "<{tag}> in {html}");
                assert!(name != "src", "a picture not inlined: <{tag}> in {html}");
                assert!(name != "id" || value.starts_with("c1-"), "<{tag}> in {html}");
                if name == "class" {
                    // pds's own `unrendered` (deep nesting shown as written) too.
                    let ours = |c: &str| {
                        c == "unrendered"
                            || c.starts_with("footnote-")
                            || c.strip_prefix("pds-picture-")
                                .is_some_and(|n| n.parse::<usize>().is_ok())
                    };
                    assert!(value.split(' ').all(ours), "<{tag}> in {html}");
                }
                if !URL_ATTRIBUTES.contains(&name.as_str()) {
                    continue;
                }
                // `javascript:` may stand in a relative URL's path (`x)javascript:`),
                // where it runs nothing: what matters is the scheme a browser sees.
                match scheme(&value).as_deref() {
                    None | Some("http" | "https" | "mailto") => {}
                    Some("data") if name == "src" && value.starts_with("data:image/") => {}
                    Some(other) => panic!("scheme {other}: in <{tag}> in {html}"),
                }
            }
        }
        assert!(
            !html.contains(&secret) && !fresh.pictures.css().contains(&secret),
            "read a picture outside the record: {html}"
        );
    }
});
