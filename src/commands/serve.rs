//! `pds serve`: the site, built in memory and served on 127.0.0.1, built
//! again when a file of the record changes; pages reload themselves.
//!
//! Watching is polling: every half second the record's files are listed
//! with their size and modification time. No crate and no OS-specific
//! backend (inotify, FSEvents), the same on every system and on mounted
//! folders where change events do not arrive, and an editor's save by
//! rename is seen like any other; a record is a few hundred files, a stat
//! each is nothing. Serving is `tiny_http`: small, synchronous, maintained,
//! no async runtime for a preview one person opens.
//!
//! Only what the build made is served: a request's path is looked up in
//! the built site's table of files, never joined to a folder on disk.

use super::{print, Env};
use crate::diag::Error;
use crate::render::site::{esc, Site, SiteOptions};
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex, PoisonError};
use std::time::{Duration, SystemTime};

/// What is served: the last build's files (or why it failed), and its number.
struct State {
    files: BTreeMap<String, Vec<u8>>,
    failed: Option<String>,
    version: u64,
}

pub fn run(env: &Env, port: u16, public: bool) -> Result<i32, Error> {
    let root = env.root()?;
    let opts = SiteOptions {
        internal: !public,
        pdf: false,
        live_reload: true,
    };
    let state = Arc::new(Mutex::new(State {
        files: BTreeMap::new(),
        failed: None,
        version: 0,
    }));
    // The files as they were before the first build: a change made while
    // it runs is seen by the watcher, not taken for the state it built.
    let before = fingerprint(&root);
    rebuild(&root, opts, &state);
    let server = tiny_http::Server::http(("127.0.0.1", port))
        .map_err(|e| Error::Usage(format!("cannot serve on 127.0.0.1:{port}: {e}")))?;
    let addr = server
        .server_addr()
        .to_ip()
        .map(|a| a.to_string())
        .unwrap_or_else(|| format!("127.0.0.1:{port}"));
    print(&format!(
        "serving {} site of {} at http://{addr}/ (rebuilt when a file changes; Ctrl-C stops)\n",
        if public { "the public" } else { "the internal" },
        printable_root(&root)
    ));
    let watched = Arc::clone(&state);
    let watch_root = root.clone();
    std::thread::spawn(move || watch(&watch_root, opts, &watched, before));
    for request in server.incoming_requests() {
        let host = request
            .headers()
            .iter()
            .find(|h| h.field.equiv("Host"))
            .map(|h| h.value.as_str().to_string());
        let (status, kind, body) = match host.as_deref().is_none_or(is_loopback_host) {
            true => answer(&state, request.url()),
            // A page of another site whose name was made to point at
            // 127.0.0.1 (DNS rebinding) must not read the internal site.
            false => (
                421,
                "text/plain; charset=utf-8",
                b"pds serve answers only to 127.0.0.1 and localhost\n".to_vec(),
            ),
        };
        let mut response = tiny_http::Response::from_data(body).with_status_code(status);
        for (name, value) in [
            ("Content-Type", kind),
            ("Cache-Control", "no-store"),
            ("X-Content-Type-Options", "nosniff"),
        ] {
            if let Ok(h) = tiny_http::Header::from_bytes(name, value) {
                response = response.with_header(h);
            }
        }
        let _ = request.respond(response);
    }
    Ok(0)
}

fn printable_root(root: &Path) -> String {
    crate::report::printable(&root.display().to_string(), &[]).into_owned()
}

fn lock(state: &Mutex<State>) -> std::sync::MutexGuard<'_, State> {
    state.lock().unwrap_or_else(PoisonError::into_inner)
}

/// Builds the site again into `state`; a failure is kept to be shown.
fn rebuild(root: &Path, opts: SiteOptions, state: &Mutex<State>) {
    let built: Result<Site, Error> = super::site::build(root, opts).map(|(site, _)| site);
    let mut s = lock(state);
    match built {
        Ok(site) => {
            s.files = site.files;
            s.failed = None;
        }
        Err(e) => s.failed = Some(e.to_string()),
    }
    s.version += 1;
}

/// Every file of the record (not `.git`) with its size and time.
fn fingerprint(root: &Path) -> Vec<(PathBuf, u64, Option<SystemTime>)> {
    walkdir::WalkDir::new(root)
        .sort_by_file_name()
        .into_iter()
        .filter_entry(|e| e.file_name() != ".git")
        .flatten()
        .filter_map(|e| {
            let meta = e.metadata().ok()?;
            Some((e.into_path(), meta.len(), meta.modified().ok()))
        })
        .collect()
}

/// Rebuilds the site whenever the record's files differ from `seen`.
fn watch(
    root: &Path,
    opts: SiteOptions,
    state: &Mutex<State>,
    mut seen: Vec<(PathBuf, u64, Option<SystemTime>)>,
) {
    loop {
        std::thread::sleep(Duration::from_millis(500));
        let now = fingerprint(root);
        if now != seen {
            seen = now;
            rebuild(root, opts, state);
        }
    }
}

/// The status, content type and body for a request's URL.
fn answer(state: &Mutex<State>, url: &str) -> (u16, &'static str, Vec<u8>) {
    let path = url.split(['?', '#']).next().unwrap_or_default();
    let Some(path) = site_path(path) else {
        return (404, "text/plain; charset=utf-8", b"not found\n".to_vec());
    };
    let s = lock(state);
    if path == "__pds/version" {
        return (
            200,
            "text/plain; charset=utf-8",
            s.version.to_string().into_bytes(),
        );
    }
    if let Some(why) = &s.failed {
        if path == "__pds/reload.js" {
            return (
                200,
                content_type(&path),
                include_bytes!("../render/site/reload.js").to_vec(),
            );
        }
        let page = format!(
            "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>pds serve: the site did not build</title></head>\n\
             <body><h1>The site did not build</h1><pre>{}</pre><p>Fix the file; this page reloads when it changes.</p>\
             <script src=\"/__pds/reload.js\"></script></body></html>\n",
            esc(why)
        );
        return (500, "text/html; charset=utf-8", page.into_bytes());
    }
    let found = s.files.get(&path).map(|b| (path.clone(), b)).or_else(|| {
        let dir = format!("{}/index.html", path.trim_end_matches('/'));
        s.files.get(&dir).map(|b| (dir, b))
    });
    match found {
        Some((name, bytes)) if !name.starts_with('.') => (200, content_type(&name), bytes.clone()),
        _ => (404, "text/plain; charset=utf-8", b"not found\n".to_vec()),
    }
}

/// `127.0.0.1`, `localhost` or `[::1]`, with or without a port.
fn is_loopback_host(host: &str) -> bool {
    let name = match host.rsplit_once(':') {
        Some((name, port)) if port.chars().all(|c| c.is_ascii_digit()) => name,
        _ => host,
    };
    matches!(
        name.to_ascii_lowercase().as_str(),
        "127.0.0.1" | "localhost" | "[::1]"
    )
}

/// The site's file a URL path names (`/sak/45-21/` → `sak/45-21/index.html`),
/// percent-decoded; `None` for a path with `..`, `.`, a backslash or a NUL
/// in it, or one that is not UTF-8.
fn site_path(url_path: &str) -> Option<String> {
    let decoded = percent_decode(url_path)?;
    let mut parts = Vec::new();
    for part in decoded.split('/') {
        if part == ".." || part == "." || part.contains(['\\', '\0']) {
            return None;
        }
        if !part.is_empty() {
            parts.push(part);
        }
    }
    let mut path = parts.join("/");
    if path.is_empty() || decoded.ends_with('/') {
        if !path.is_empty() {
            path.push('/');
        }
        path.push_str("index.html");
    }
    Some(path)
}

fn percent_decode(s: &str) -> Option<String> {
    let bytes = s.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while let Some(&b) = bytes.get(i) {
        if b == b'%' {
            let hex = s.get(i + 1..i + 3)?;
            out.push(u8::from_str_radix(hex, 16).ok()?);
            i += 3;
        } else {
            out.push(b);
            i += 1;
        }
    }
    String::from_utf8(out).ok()
}

fn content_type(path: &str) -> &'static str {
    match path.rsplit('.').next().unwrap_or_default() {
        "html" => "text/html; charset=utf-8",
        "css" => "text/css; charset=utf-8",
        "js" => "text/javascript; charset=utf-8",
        "ics" => "text/calendar; charset=utf-8",
        "pdf" => "application/pdf",
        _ => "application/octet-stream",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn paths_outside_the_site_are_refused() {
        assert_eq!(site_path("/").as_deref(), Some("index.html"));
        assert_eq!(
            site_path("/sak/45-21/").as_deref(),
            Some("sak/45-21/index.html")
        );
        assert_eq!(site_path("/sak/45-21").as_deref(), Some("sak/45-21"));
        assert_eq!(site_path("/../../etc/passwd"), None);
        assert_eq!(site_path("/%2e%2e/%2E%2E/etc/passwd"), None);
        assert_eq!(site_path("/a%2f..%2fb"), None);
        assert_eq!(site_path("/a%5c..%5cb"), None);
        assert_eq!(site_path("/%zz"), None);
    }

    #[test]
    fn only_loopback_names_are_answered() {
        for ok in ["127.0.0.1:8000", "localhost", "LOCALHOST:1", "[::1]:80"] {
            assert!(is_loopback_host(ok), "{ok}");
        }
        for no in [
            "evil.example:8000",
            "127.0.0.1.evil.example",
            "localhost.evil:80",
            "",
        ] {
            assert!(!is_loopback_host(no), "{no}");
        }
    }
}
