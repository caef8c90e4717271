//! PDF output: the HTML printed by a headless Chromium found on the machine.

use crate::diag::Error;
use std::path::PathBuf;
use std::process::Command;

/// Chromium: `PDS_CHROMIUM`, or `chromium`, `chromium-browser`, `google-chrome` on PATH.
pub fn find_chromium() -> Option<PathBuf> {
    if let Some(p) = std::env::var_os("PDS_CHROMIUM").filter(|p| !p.is_empty()) {
        return Some(PathBuf::from(p));
    }
    let path = std::env::var_os("PATH")?;
    for dir in std::env::split_paths(&path) {
        for name in [
            "chromium",
            "chromium-browser",
            "google-chrome",
            "google-chrome-stable",
        ] {
            let candidate = dir.join(name);
            if candidate.is_file() {
                return Some(candidate);
            }
        }
    }
    None
}

pub const INSTALL_HINT: &str = "PDF output needs a headless Chromium: install Debian's `chromium` package (apt-get install chromium), or put chromium, chromium-browser or google-chrome on PATH, or set PDS_CHROMIUM to its path";

/// Prints `html` to PDF; the PDF's bytes.
pub fn print(html: &str) -> Result<Vec<u8>, Error> {
    let chromium = find_chromium().ok_or_else(|| Error::Render(INSTALL_HINT.to_string()))?;
    let work = tempfile::tempdir().map_err(|e| unplaced("make a temporary folder", e))?;
    let page = work.path().join("page.html");
    std::fs::write(&page, html).map_err(|e| unplaced("write a temporary file", e))?;
    let target = work.path().join("out.pdf");
    let profile = work.path().join("profile");
    let output = Command::new(&chromium)
        .args([
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--disable-quic",
            "--no-first-run",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            "--no-pdf-header-footer",
        ])
        .arg(format!("--user-data-dir={}", profile.display()))
        .arg(format!("--print-to-pdf={}", &target.display()))
        .arg(format!("file://{}", page.display()))
        .output()
        .map_err(|e| Error::io("run", &chromium, e))?;
    let size = std::fs::metadata(&target).map(|m| m.len()).unwrap_or(0);
    if !output.status.success() || size == 0 {
        let stderr = String::from_utf8_lossy(&output.stderr);
        let last: Vec<&str> = stderr.lines().rev().take(3).collect();
        return Err(Error::Render(format!(
            "{} did not print the PDF ({}): {}",
            chromium.display(),
            output.status,
            last.into_iter().rev().collect::<Vec<_>>().join(" | ")
        )));
    }
    std::fs::read(&target).map_err(|e| unplaced("read the printed PDF", e))
}

/// `cannot {doing}: {source}`, for a temporary file the user never names.
fn unplaced(doing: &'static str, source: std::io::Error) -> Error {
    Error::Io {
        doing,
        path: None,
        source,
    }
}
