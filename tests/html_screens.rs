//! The HTML documents on screens: no horizontal overflow at 1200 px (a
//! laptop) or 420 px (a phone), measured in a real headless Chromium as
//! `document.documentElement.scrollWidth` against the window's width. The
//! page is shown in a frame of that width (headless Chromium's own window
//! is at least 500 px wide), with the page's script ban lifted so that a
//! script can report the measurement. Where Chromium is missing the test
//! says what it skipped (on CI, with `CI=true`, it fails instead).
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing,
    reason = "a panic is how a test fails"
)]

mod common;
use common::*;
use std::path::{Path, PathBuf};
use std::process::Command;

fn chromium() -> Option<PathBuf> {
    let path = std::env::var_os("PATH")?;
    std::env::split_paths(&path)
        .flat_map(|dir| {
            ["chromium", "chromium-browser", "google-chrome"].map(|name| dir.join(name))
        })
        .find(|p| p.is_file())
}

/// `scrollWidth` and `innerWidth` of `html` shown `width` px wide, and
/// the elements that reach past the right edge.
fn measure(browser: &Path, html: &str, width: u32) -> (u32, u32, String) {
    let dir = tempfile::tempdir().unwrap();
    let start = html
        .find("<meta http-equiv=\"Content-Security-Policy\"")
        .unwrap();
    let end = start + html[start..].find('>').unwrap() + 1;
    let page = format!("{}{}", &html[..start], &html[end..]).replace(
        "</body>",
        r#"<script>
addEventListener("load", () => {
  const out = [];
  document.querySelectorAll("body *").forEach(e => {
    const r = e.getBoundingClientRect();
    if (r.right > innerWidth + 1) out.push(e.tagName + "." + e.className + " " + (e.textContent || "").slice(0, 40));
  });
  parent.postMessage(document.documentElement.scrollWidth + " " + innerWidth + " " + out.slice(0, 5).join(" | "), "*");
});
</script></body>"#,
    );
    std::fs::write(dir.path().join("page.html"), page).unwrap();
    std::fs::write(
        dir.path().join("frame.html"),
        format!(
            "<html><body style=\"margin:0\"><script>\
             addEventListener('message', e => document.body.setAttribute('data-m', e.data));\
             const f = document.createElement('iframe');\
             f.src = 'page.html'; f.width = {width}; f.height = 900; f.style.border = '0';\
             document.body.appendChild(f);</script></body></html>"
        ),
    )
    .unwrap();
    let out = Command::new(browser)
        .args([
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--no-first-run",
            "--allow-file-access-from-files",
            "--virtual-time-budget=5000",
            "--dump-dom",
        ])
        .arg(format!("--window-size={},1000", width + 100))
        .arg(format!(
            "--user-data-dir={}",
            dir.path().join("profile").display()
        ))
        .arg(format!(
            "file://{}",
            dir.path().join("frame.html").display()
        ))
        .output()
        .unwrap();
    let dom = String::from_utf8_lossy(&out.stdout);
    let Some(at) = dom.find("data-m=\"") else {
        panic!("no measurement at {width} px:\n{dom}");
    };
    let m = &dom[at + 8..];
    let m = &m[..m.find('"').unwrap()];
    let mut parts = m.splitn(3, ' ');
    let scroll = parts.next().unwrap().parse().unwrap();
    let inner = parts.next().unwrap().parse().unwrap();
    (scroll, inner, parts.next().unwrap_or_default().to_string())
}

#[test]
fn html_documents_fit_a_laptop_and_a_phone_without_sideways_scrolling() {
    let browser = chromium();
    if !tool_or_skip(
        browser.is_some(),
        "chromium",
        "the HTML was not measured on screens",
    ) {
        return;
    }
    let browser = browser.unwrap();
    for doc in [
        &["pack", "7/2021"][..],
        &["overview", "2021"],
        &["minutes", "7/2021"],
    ] {
        let mut args = vec!["--repo", "cases", "render"];
        args.extend_from_slice(doc);
        args.extend_from_slice(&["--format", "html"]);
        let out = pds(&args);
        assert_eq!(out.status.code(), Some(0), "{doc:?}: {}", stderr(&out));
        let html = stdout(&out);
        assert!(
            html.contains("<html lang=\"nb\">"),
            "hyphenation needs the language"
        );
        for width in [1200, 420] {
            let (scroll, inner, past) = measure(&browser, &html, width);
            assert_eq!(inner, width, "the frame is {width} px wide");
            assert!(
                scroll <= inner,
                "{doc:?} at {width} px is {scroll} px wide: {past}"
            );
        }
    }
}
