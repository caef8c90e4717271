//! Markdown bodies to safe HTML: pulldown-cmark renders, ammonia sanitises,
//! pictures from the record are inlined as `data:` URIs.

use base64::Engine;
use pulldown_cmark::{CowStr, Event, Options, Parser, Tag};
use std::collections::HashSet;
use std::path::{Path, PathBuf};

/// The one place that decides which Markdown extensions pds uses.
pub fn cmark_options() -> Options {
    Options::ENABLE_TABLES | Options::ENABLE_FOOTNOTES | Options::ENABLE_STRIKETHROUGH
}

/// Where pictures may be read from: the record's root, and the folder of the
/// file whose Markdown this is.
#[derive(Debug, Clone)]
pub struct ImageBase {
    pub root: PathBuf,
    pub dir: PathBuf,
}

/// Renders Markdown to sanitised HTML. `id_prefix` keeps footnote ids of
/// several documents in one pack apart.
pub fn to_html(markdown: &str, id_prefix: &str, images: Option<&ImageBase>) -> String {
    let prefix =
        |label: CowStr<'_>| -> CowStr<'static> { CowStr::from(format!("{id_prefix}{label}")) };
    let events = Parser::new_ext(markdown, cmark_options()).map(|event| match event {
        Event::FootnoteReference(label) => Event::FootnoteReference(prefix(label)),
        Event::Start(Tag::FootnoteDefinition(label)) => {
            Event::Start(Tag::FootnoteDefinition(prefix(label)))
        }
        other => other,
    });
    let mut raw = String::new();
    pulldown_cmark::html::push_html(&mut raw, events);
    sanitize(&raw, images)
}

/// Removes scripts, event handlers, `javascript:` and `data:` links, styles
/// and anything else not needed by a board document.
pub fn sanitize(html: &str, images: Option<&ImageBase>) -> String {
    let mut builder = ammonia::Builder::default();
    builder
        .add_generic_attributes(["id", "class"])
        .add_tag_attributes("td", ["style"])
        .add_tag_attributes("th", ["style"])
        .add_tag_attributes("img", ["src", "alt", "title", "width", "height"])
        .add_tag_attributes("ol", ["start"])
        .add_tag_attributes("input", ["type", "checked", "disabled"])
        .url_schemes(HashSet::from(["http", "https", "mailto"]))
        .link_rel(Some("noopener noreferrer"));
    let images = images.cloned();
    builder.attribute_filter(move |element, attribute, value| {
        // Table alignment is the one style a document needs; nothing else passes.
        if attribute == "style" {
            let allowed = [
                "text-align: left",
                "text-align: center",
                "text-align: right",
            ];
            return allowed.contains(&value).then(|| value.into());
        }
        if element == "img" && attribute == "src" {
            return match &images {
                Some(base) if !value.contains(':') => inline_image(base, value).map(Into::into),
                Some(_) | None if value.starts_with("http://") || value.starts_with("https://") => {
                    Some(value.into())
                }
                _ => None,
            };
        }
        Some(value.into())
    });
    builder.clean(html).to_string()
}

/// A picture's bytes as a `data:` URI, when it is inside the record.
fn inline_image(base: &ImageBase, src: &str) -> Option<String> {
    let decoded = percent_decode(src);
    let rel = Path::new(&decoded);
    if rel.is_absolute() {
        return None;
    }
    let path = base.dir.join(rel).canonicalize().ok()?;
    let root = base.root.canonicalize().ok()?;
    if !path.starts_with(&root) {
        return None;
    }
    let mime = match path.extension()?.to_str()?.to_ascii_lowercase().as_str() {
        "png" => "image/png",
        "jpg" | "jpeg" => "image/jpeg",
        "gif" => "image/gif",
        "webp" => "image/webp",
        // SVG can carry script; only raster formats are inlined.
        _ => return None,
    };
    let meta = std::fs::metadata(&path).ok()?;
    if meta.len() > 10 * 1024 * 1024 {
        return None;
    }
    let bytes = std::fs::read(&path).ok()?;
    Some(format!(
        "data:{mime};base64,{}",
        base64::engine::general_purpose::STANDARD.encode(bytes)
    ))
}

fn percent_decode(s: &str) -> String {
    let bytes = s.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while let Some(&b) = bytes.get(i) {
        if b == b'%' {
            if let Some(hex) = s
                .get(i + 1..i + 3)
                .and_then(|h| u8::from_str_radix(h, 16).ok())
            {
                out.push(hex);
                i += 3;
                continue;
            }
        }
        out.push(b);
        i += 1;
    }
    String::from_utf8_lossy(&out).into_owned()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tables_footnotes_and_strikethrough_render() {
        let html = to_html(
            "| a | b |\n|---|--:|\n| 1 | 2 |\n\nText[^1] ~~old~~\n\n[^1]: Note\n",
            "c1-",
            None,
        );
        assert!(html.contains("<table>"), "{html}");
        assert!(html.contains("<del>old</del>"), "{html}");
        assert!(html.contains("href=\"#c1-1\""), "{html}");
        assert!(html.contains("id=\"c1-1\""), "{html}");
        assert!(html.contains("style=\"text-align: right\""), "{html}");
    }

    #[test]
    fn scripts_handlers_and_javascript_links_are_removed() {
        let evil = "<script>alert(1)</script>\n\n<img src=x onerror=alert(2)>\n\n[x](javascript:alert(3))\n\n<a href=\"data:text/html,hi\">d</a>\n\n<p style=\"background:url(javascript:alert(4))\">s</p>\n\n<svg><script>alert(5)</script></svg>\n";
        let html = to_html(evil, "", None);
        for bad in [
            "<script",
            "onerror",
            "javascript:",
            "data:",
            "style=",
            "alert(1)",
            "<svg",
        ] {
            assert!(!html.contains(bad), "{bad} survived: {html}");
        }
    }

    #[test]
    fn pictures_outside_the_record_are_not_read() {
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path().join("record");
        std::fs::create_dir_all(root.join("2021")).unwrap();
        std::fs::write(root.join("2021/fig.png"), [0x89, b'P', b'N', b'G']).unwrap();
        std::fs::write(dir.path().join("secret.png"), b"secret").unwrap();
        let base = ImageBase {
            root: root.clone(),
            dir: root.join("2021"),
        };
        let html = to_html(
            "![f](fig.png) ![s](../../secret.png) ![a](/etc/passwd.png)",
            "",
            Some(&base),
        );
        assert!(
            html.contains("src=\"data:image/png;base64,iVBORw==\""),
            "{html}"
        );
        assert_eq!(html.matches("data:").count(), 1, "{html}");
        assert!(!html.contains("c2VjcmV0"), "{html}");
    }
}
