//! `pds site` and `pds serve`: the board's site of every meeting, case and
//! register, its links, what the public one holds (and leaves out), its
//! search in a real Chromium, and the live preview.
#![expect(
    clippy::unwrap_used,
    clippy::panic,
    reason = "a panic is how a test fails"
)]

mod common;
use common::*;
use std::collections::BTreeSet;
use std::io::{BufRead, BufReader, Read, Write};
use std::net::TcpStream;
use std::path::{Component, Path, PathBuf};
use std::process::Stdio;
use std::time::{Duration, Instant};

/// Every file of the site at `dir`, by `/`-separated path.
fn files(dir: &Path) -> Vec<String> {
    snapshot(dir).unwrap().into_keys().collect()
}

fn read(dir: &Path, rel: &str) -> String {
    std::fs::read_to_string(dir.join(rel)).unwrap_or_else(|e| panic!("{rel}: {e}"))
}

/// Builds the site of the record `repo` into a new folder; the folder (a
/// TempDir holding `site/`) and the site's path.
fn build_site(repo: &Path, extra: &[&str]) -> (tempfile::TempDir, PathBuf) {
    let out = tempfile::tempdir().unwrap();
    let site = out.path().join("site");
    let mut args = vec![
        "--repo",
        repo.to_str().unwrap(),
        "site",
        "-o",
        site.to_str().unwrap(),
    ];
    args.extend(extra);
    let o = pds(&args);
    assert_eq!(o.status.code(), Some(0), "{}{}", stdout(&o), stderr(&o));
    (out, site)
}

/// Every `href="…"` and `src="…"` of an HTML page, with its attribute.
fn links(html: &str) -> Vec<(&'static str, String)> {
    let mut found = Vec::new();
    for attr in ["href=\"", "src=\""] {
        let mut rest = html;
        while let Some(at) = rest.find(attr) {
            let tail = &rest[at + attr.len()..];
            let end = tail.find('"').unwrap();
            found.push((attr, tail[..end].to_string()));
            rest = &tail[end..];
        }
    }
    found
}

/// `link` from the page `page`, as a path in the site; `None` when it leaves the site.
fn resolve(page: &str, link: &str) -> Option<String> {
    let link = link.split(['#', '?']).next().unwrap();
    let mut parts: Vec<String> = page.split('/').map(str::to_string).collect();
    parts.pop();
    for c in Path::new(link).components() {
        match c {
            Component::ParentDir => {
                parts.pop()?;
            }
            Component::Normal(p) => parts.push(p.to_string_lossy().into_owned()),
            Component::CurDir => {}
            _ => return None,
        }
    }
    Some(parts.join("/"))
}

#[test]
fn the_real_records_site_has_a_page_for_every_meeting_and_case_and_every_link_resolves() {
    let (_out, site) = build_site(&root().join("cases"), &[]);
    let all: BTreeSet<String> = files(&site).into_iter().collect();
    let pages: Vec<&String> = all.iter().filter(|f| f.ends_with(".html")).collect();
    assert!(pages.len() > 60, "{pages:?}");
    let mut checked = 0;
    for page in &pages {
        let html = read(&site, page);
        assert!(html.contains("<html lang=\"nb\">"), "{page} sets lang");
        assert!(
            !html.contains("INTERNT"),
            "{page}: the public site has no internal banner"
        );
        for (attr, link) in links(&html) {
            // Fragments stay on the page. A case document's own links to the
            // web (a report it cites) are followed only when clicked; nothing
            // the page loads (src, the stylesheet) is outside the site.
            let web = link.starts_with("https://") || link.starts_with("http://");
            if link.starts_with('#')
                || (attr == "href=\""
                    && web
                    && !html.contains(&format!("<link rel=\"stylesheet\" href=\"{link}")))
            {
                continue;
            }
            assert!(
                !link.contains("://") && !link.starts_with('/') && !link.starts_with("//"),
                "{page}: {link} is not relative"
            );
            let target =
                resolve(page, &link).unwrap_or_else(|| panic!("{page}: {link} leaves the site"));
            assert!(
                all.contains(&target),
                "{page}: {link} → {target} does not exist"
            );
            checked += 1;
        }
    }
    assert!(checked > 500, "{checked} links checked");

    // Every meeting and every case of the record has its page.
    let meetings = stdout(&pds(&[
        "--repo", "cases", "list", "meetings", "--format", "json",
    ]));
    let meetings: serde_json::Value = serde_json::from_str(&meetings).unwrap();
    let meetings = meetings.as_array().unwrap();
    assert!(meetings.len() >= 8);
    for m in meetings {
        let number = m["number"].as_str().unwrap();
        let (seq, year) = number.split_once('/').unwrap();
        let page = format!("{year}/{seq}/index.html");
        assert!(all.contains(&page), "meeting {number} has no {page}");
        assert!(read(&site, "index.html").contains(&format!("href=\"{page}\"")));
        // The invite is `render invite`'s, SEQUENCE and all.
        let invite = pds(&["--repo", "cases", "render", "invite", number]);
        assert_eq!(
            read(&site, &format!("{year}/{seq}/invite.ics")),
            stdout(&invite),
            "{number}'s invite"
        );
    }
    let cases = stdout(&pds(&[
        "--repo", "cases", "list", "cases", "--format", "json",
    ]));
    let cases: serde_json::Value = serde_json::from_str(&cases).unwrap();
    let cases = cases.as_array().unwrap();
    assert!(cases.len() >= 45);
    let mut seen = BTreeSet::new();
    for c in cases {
        let number = c["number"].as_str().unwrap();
        let (seq, yy) = number.split_once('/').unwrap();
        let base = format!("sak/{seq}-{yy}");
        // A number two cases carry: the second in the record's order gets -2.
        let page = if seen.insert(base.clone()) {
            format!("{base}/index.html")
        } else {
            format!("{base}-2/index.html")
        };
        assert!(all.contains(&page), "case {number} has no {page}");
        let title = c["title"].as_str().unwrap();
        let html = read(&site, &page);
        assert!(
            html.contains(
                &title
                    .replace('&', "&amp;")
                    .replace('\'', "&#39;")
                    .replace('"', "&quot;")
            ),
            "{page} shows {title}"
        );
    }
    // 5/21 is two cases, in the record's order (`tie_order`), as listed.
    assert!(read(&site, "sak/5-21/index.html").contains("Plan for prosjektene"));
    assert!(read(&site, "sak/5-21-2/index.html").contains("Kommunikasjonsstrategi"));

    // A held meeting's page has its minutes; a planned one's only the notice.
    let held = read(&site, "2021/6/index.html");
    assert!(held.contains("id=\"minutes\"") && held.contains("href=\"invite.ics\""));
    assert!(
        held.contains("href=\"../../sak/38-21/index.html\""),
        "the agenda links its cases"
    );
    let planned = read(&site, "2021/7/index.html");
    assert!(planned.contains("id=\"notice\"") && !planned.contains("id=\"minutes\""));
    // Upcoming meetings first on the index.
    let index = read(&site, "index.html");
    assert!(index.find("2021/7/index.html").unwrap() < index.find("2021/1/index.html").unwrap());
    // The registers and the quarterly overviews.
    for page in [
        "vedtak/index.html",
        "risiko/index.html",
        "sak/index.html",
        "2021/k4/index.html",
    ] {
        assert!(all.contains(page), "{page}");
    }
    // The search index is a script, and holds 45/21.
    let index = read(&site, "search-index.js");
    assert!(index.starts_with("window.PDS_SEARCH = "));
    assert!(index.contains("sak/45-21/index.html"));
}

/// The real record with 45/21 made exempt, holding a sentence that must
/// never be published.
const SECRET: &str = "Forhandlingsposisjonen er hemmelig";

fn exempt_record() -> tempfile::TempDir {
    let case =
        std::fs::read_to_string(root().join("cases/2021/45-21-nilar-innbyggerperspektiv.md"))
            .unwrap()
            .replacen(
                "status: ready\n",
                "status: ready\nexempt: \"Offl. § 13\"\n",
                1,
            )
            + &format!("\n{SECRET} og Zebrafisk-avtalen.\n");
    Record::copy_of("cases")
        .file("2021/45-21-nilar-innbyggerperspektiv.md", case)
        .build()
}

#[test]
fn the_public_site_holds_no_exempt_text_and_the_internal_one_says_so_on_every_page() {
    let dir = exempt_record();
    let (_out, public) = build_site(dir.path(), &[]);
    for f in files(&public) {
        let text = String::from_utf8_lossy(&std::fs::read(public.join(&f)).unwrap()).into_owned();
        assert!(!text.contains(SECRET), "{f} holds exempt text");
        assert!(
            !text.to_lowercase().contains("zebrafisk"),
            "{f} holds an exempt word"
        );
        // The description and proposed decision of 45/21 are withheld too.
        assert!(!text.contains("innbyggerperspektivet i NILAR"), "{f}");
    }
    let page = read(&public, "sak/45-21/index.html");
    assert!(
        page.contains("Offl. § 13"),
        "the page says why it is withheld"
    );
    assert!(
        page.contains("NILAR innbyggerperspektiv"),
        "the title is public"
    );

    let (_out2, internal) = build_site(dir.path(), &["--internal"]);
    assert!(read(&internal, "sak/45-21/index.html").contains(SECRET));
    assert!(read(&internal, "search-index.js").contains("zebrafisk"));
    for f in files(&internal).iter().filter(|f| f.ends_with(".html")) {
        assert!(
            read(&internal, f).contains("<p class=\"internal-banner\" role=\"note\">INTERNT"),
            "{f} has no internal banner"
        );
    }
}

#[test]
fn the_public_site_is_refused_while_the_record_has_errors() {
    let dir = Record::copy_of("cases")
        .file(
            "2021/48-21-feil.md",
            "---\nnumber: 48/21\nmeeting: 9/2021\n---\nx\n",
        )
        .build();
    let out = tempfile::tempdir().unwrap();
    let site = out.path().join("site");
    let o = pds(&[
        "--repo",
        dir.path().to_str().unwrap(),
        "site",
        "-o",
        site.to_str().unwrap(),
    ]);
    assert_eq!(o.status.code(), Some(1), "{}", stderr(&o));
    assert!(stderr(&o).contains("48-21-feil.md"), "{}", stderr(&o));
    assert!(!site.exists(), "nothing written");
    // The internal site is built, its errors on every page.
    let o = pds(&[
        "--repo",
        dir.path().to_str().unwrap(),
        "site",
        "-o",
        site.to_str().unwrap(),
        "--internal",
    ]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    assert!(read(&site, "index.html").contains("48-21-feil.md"));
}

#[test]
fn a_folder_pds_did_not_build_is_left_alone_and_its_own_site_is_replaced_whole() {
    let out = Record::new().file("mine/keep.txt", "mine").build();
    let mine = out.path().join("mine");
    let o = pds(&["--repo", "cases", "site", "-o", mine.to_str().unwrap()]);
    assert_eq!(o.status.code(), Some(2), "{}", stderr(&o));
    assert!(
        stderr(&o).contains("not a site pds built"),
        "{}",
        stderr(&o)
    );
    assert_eq!(files(&mine), ["keep.txt"]);

    // A site pds built is replaced: a file the new one lacks is gone.
    let (_out, site) = build_site(&root().join("cases"), &[]);
    write(&site, "stale.html", "old");
    let o = pds(&["--repo", "cases", "site", "-o", site.to_str().unwrap()]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    assert!(!site.join("stale.html").exists());
    assert!(site.join("index.html").is_file());
    // Nothing left beside it.
    let beside: Vec<_> = std::fs::read_dir(site.parent().unwrap()).unwrap().collect();
    assert_eq!(beside.len(), 1, "{beside:?}");

    // Not into the record's data folders, nor over the record.
    let dir = Record::copy_of("cases").build();
    for (target, says) in [
        ("2021/site", "inside the record's folder 2021/"),
        ("", "the record's folder"),
    ] {
        let o = pds_in(
            dir.path(),
            &["site", "-o", &format!("{}/{target}", dir.path().display())],
        );
        assert_eq!(o.status.code(), Some(2), "{target}: {}", stderr(&o));
        assert!(stderr(&o).contains(says), "{}", stderr(&o));
    }
}

#[test]
fn a_cases_page_tells_its_history_from_git_and_none_outside_git() {
    let dir = Record::copy_of("cases").build();
    let p = dir.path();
    // Outside git: no history, no error.
    let (_o, plain) = build_site(p, &[]);
    assert!(!read(&plain, "sak/45-21/index.html").contains("Historikk"));

    git(p, &["init", "-q"]);
    git(p, &["add", "."]);
    git(p, &["commit", "-qm", "the record"]);
    write(
        p,
        "drafts/ny-sak.md",
        "---\ntitle: Ny sak om NILAR\ntype: Orientering\nstatus: draft\n---\nTekst.\n",
    );
    git(p, &["add", "."]);
    git(p, &["commit", "-qm", "draft: ny sak"]);
    let o = pds_in(p, &["schedule", "ny-sak", "--meeting", "8/2021"]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    git(p, &["add", "-A"]);
    git(p, &["commit", "-qm", "schedule ny sak"]);
    let case = files(p)
        .into_iter()
        .find(|f| f.starts_with("2021/") && f.contains("ny-sak"))
        .unwrap();
    let text = read(p, &case).replacen("---\n", "---\ndecision: Tatt til orientering.\n", 1);
    write(
        p,
        &case,
        text.replacen("status: ready", "status: decided", 1),
    );
    git(p, &["commit", "-qam", "decide ny sak"]);
    write(p, &case, read(p, &case) + "\nMer tekst.\n");
    git(p, &["commit", "-qam", "more text"]);

    let (_o, site) = build_site(p, &["--internal"]);
    let name = Path::new(&case)
        .file_name()
        .unwrap()
        .to_string_lossy()
        .into_owned();
    let (seq, yy) = (&name[..2].trim_start_matches('0'), &name[3..5]);
    let page = read(&site, &format!("sak/{seq}-{yy}/index.html"));
    let history = &page[page.find("Historikk").expect("a history")..];
    let order: Vec<usize> = [
        "utkast skrevet",
        "satt på sakslisten",
        "vedtak ført",
        "endret",
    ]
    .iter()
    .map(|w| {
        history
            .find(w)
            .unwrap_or_else(|| panic!("{w} in {history}"))
    })
    .collect();
    assert!(
        order.windows(2).all(|w| w[0] < w[1]),
        "oldest first: {history}"
    );
    assert!(
        history.contains("decide ny sak"),
        "the internal site shows the commit's subject"
    );
    // The public site tells when, not the commit messages.
    let (_o, public) = build_site(p, &[]);
    let page = read(&public, &format!("sak/{seq}-{yy}/index.html"));
    assert!(page.contains("vedtak ført") && !page.contains("decide ny sak"));

    // An exempt case's history is not published: when it changed tells of it.
    let nilar = "2021/45-21-nilar-innbyggerperspektiv.md";
    write(
        p,
        nilar,
        read(p, nilar).replacen(
            "status: ready\n",
            "status: ready\nexempt: \"Offl. § 13\"\n",
            1,
        ),
    );
    git(p, &["commit", "-qam", "45/21 exempt"]);
    let (_o, public) = build_site(p, &[]);
    assert!(!read(&public, "sak/45-21/index.html").contains("Historikk"));
    let (_o, internal) = build_site(p, &["--internal"]);
    assert!(read(&internal, "sak/45-21/index.html").contains("Historikk"));
}

/// Chromium, or why not (a failure on CI).
fn chromium() -> Option<String> {
    let found = ["chromium", "chromium-browser", "google-chrome"]
        .into_iter()
        .find(|b| on_path(b));
    tool_or_skip(
        found.is_some(),
        "chromium",
        "the site was not opened in a browser",
    );
    found.map(str::to_string)
}

/// The DOM of `url` after its scripts ran, in headless Chromium.
fn dump_dom(browser: &str, url: &str, budget_ms: u32, extra: &[&str]) -> String {
    let profile = tempfile::tempdir().unwrap();
    let out = std::process::Command::new(browser)
        .args([
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--no-first-run",
        ])
        .arg(format!("--user-data-dir={}", profile.path().display()))
        .arg(format!("--virtual-time-budget={budget_ms}"))
        .args(extra)
        .args(["--dump-dom", url])
        .stderr(Stdio::null())
        .output()
        .unwrap();
    String::from_utf8_lossy(&out.stdout).into_owned()
}

#[test]
fn in_chromium_the_search_finds_45_21_for_nilar_from_file_and_no_page_overflows_420px() {
    let Some(browser) = chromium() else { return };
    let (_out, site) = build_site(&root().join("cases"), &[]);
    let url = format!("file://{}/search.html?q=NILAR", site.display());
    let dom = dump_dom(&browser, &url, 3000, &[]);
    let results = &dom[dom.find("id=\"search-results\"").expect("the results list")..];
    assert!(
        results.contains("href=\"sak/45-21/index.html\"") && results.contains("45/21 NILAR"),
        "{results}"
    );

    // Each page in a 420 px frame: its width as laid out. A page made to be
    // too wide shows the measure works.
    let pages: Vec<String> = files(&site)
        .into_iter()
        .filter(|f| f.ends_with(".html"))
        .collect();
    write(
        &site,
        "zz-too-wide.html",
        "<!DOCTYPE html><div style=\"width:900px\">x</div>",
    );
    let list = pages
        .iter()
        .chain(["zz-too-wide.html".to_string()].iter())
        .map(|p| format!("\"{p}\""))
        .collect::<Vec<_>>()
        .join(",");
    write(
        &site,
        "zz-measure.html",
        format!(
            "<!DOCTYPE html><html><body><iframe id=\"f\" style=\"width:420px;height:700px;border:0\"></iframe><ul id=\"out\"></ul><script>
var pages=[{list}];var i=0;var f=document.getElementById('f');var out=document.getElementById('out');
f.onload=function(){{var d=f.contentDocument;var li=document.createElement('li');
li.textContent=pages[i]+' '+(d?d.documentElement.scrollWidth:'unreadable');out.appendChild(li);i++;
if(i<pages.length){{f.src=pages[i];}}else{{var p=document.createElement('p');p.id='done';out.appendChild(p);}}}};
f.src=pages[0];</script></body></html>"
        ),
    );
    let url = format!("file://{}/zz-measure.html", site.display());
    let dom = dump_dom(&browser, &url, 30000, &["--allow-file-access-from-files"]);
    assert!(
        dom.contains("id=\"done\""),
        "every page was measured: {dom}"
    );
    let mut measured = 0;
    for line in dom.split("<li>").skip(1) {
        let line = &line[..line.find("</li>").unwrap()];
        let (page, width) = line.rsplit_once(' ').unwrap();
        let width: u32 = width.parse().unwrap_or_else(|_| panic!("{line}"));
        if page == "zz-too-wide.html" {
            assert!(width > 420, "the measure sees a wide page: {width}");
        } else {
            assert!(width <= 420, "{page} is {width} px wide in a 420 px window");
            measured += 1;
        }
    }
    assert_eq!(measured, pages.len());
}

/// `GET path` over HTTP/1.0 from 127.0.0.1:port: the status line and body.
fn get(port: u16, path: &str) -> (String, String) {
    let mut s = TcpStream::connect(("127.0.0.1", port)).unwrap();
    s.set_read_timeout(Some(Duration::from_secs(10))).unwrap();
    write!(s, "GET {path} HTTP/1.0\r\nHost: localhost\r\n\r\n").unwrap();
    let mut answer = Vec::new();
    s.read_to_end(&mut answer).unwrap();
    let answer = String::from_utf8_lossy(&answer).into_owned();
    let status = answer.lines().next().unwrap_or_default().to_string();
    let body = answer
        .split_once("\r\n\r\n")
        .map(|(_, b)| b.to_string())
        .unwrap_or_default();
    (status, body)
}

/// Kills the server when the test ends, however it ends.
struct Server(std::process::Child);

impl Drop for Server {
    fn drop(&mut self) {
        let _ = self.0.kill();
        let _ = self.0.wait();
    }
}

#[test]
fn serve_shows_a_change_to_a_case_and_nothing_outside_the_site() {
    let dir = Record::copy_of("cases").build();
    let mut cmd = pds_command(dir.path());
    cmd.args(["serve", "--port", "0"])
        .stdout(Stdio::piped())
        .stderr(Stdio::null());
    let mut server = Server(cmd.spawn().unwrap());
    let mut line = String::new();
    BufReader::new(server.0.stdout.take().unwrap())
        .read_line(&mut line)
        .unwrap();
    let port: u16 = line
        .split("http://127.0.0.1:")
        .nth(1)
        .and_then(|rest| rest.split('/').next())
        .and_then(|p| p.parse().ok())
        .unwrap_or_else(|| panic!("the URL is printed: {line}"));

    let (status, page) = get(port, "/sak/45-21/");
    assert!(status.contains("200"), "{status}");
    assert!(page.contains("NILAR innbyggerperspektiv"));
    assert!(page.contains("INTERNT"), "serve shows the internal site");
    assert!(page.contains("__pds/reload.js"), "pages reload themselves");

    // Another site's name pointed at 127.0.0.1 (DNS rebinding) is not answered.
    let mut s = TcpStream::connect(("127.0.0.1", port)).unwrap();
    write!(
        s,
        "GET /sak/45-21/ HTTP/1.0\r\nHost: evil.example:{port}\r\n\r\n"
    )
    .unwrap();
    let mut answer = String::new();
    s.read_to_string(&mut answer).unwrap();
    assert!(
        answer.starts_with("HTTP/1.0 421") || answer.starts_with("HTTP/1.1 421"),
        "{answer}"
    );
    assert!(!answer.contains("NILAR"));

    for evil in [
        "/../../etc/passwd",
        "/%2e%2e/%2e%2e/etc/passwd",
        "/..%2f..%2fetc%2fpasswd",
        "/.pds-site",
    ] {
        let (status, body) = get(port, evil);
        assert!(status.contains("404"), "{evil}: {status}");
        assert!(!body.contains("root:"), "{evil}");
    }

    let file = dir.path().join("2021/45-21-nilar-innbyggerperspektiv.md");
    let text = std::fs::read_to_string(&file).unwrap();
    std::fs::write(
        &file,
        text.replace(
            "## Hensikten med saken",
            "## Hensikten med saken\n\nEndret under forhåndsvisning.",
        ),
    )
    .unwrap();
    let start = Instant::now();
    loop {
        let (_, page) = get(port, "/sak/45-21/index.html");
        if page.contains("Endret under forhåndsvisning.") {
            break;
        }
        assert!(
            start.elapsed() < Duration::from_secs(20),
            "the change was not served"
        );
        std::thread::sleep(Duration::from_millis(200));
    }

    // A broken file: its finding is on the page, and the server goes on.
    std::fs::write(&file, "---\nnumber: [45/21\n---\n").unwrap();
    let start = Instant::now();
    loop {
        let (status, page) = get(port, "/index.html");
        if page.contains("45-21-nilar-innbyggerperspektiv.md") {
            assert!(status.contains("200"), "{status}");
            break;
        }
        assert!(
            start.elapsed() < Duration::from_secs(20),
            "the finding was not shown"
        );
        std::thread::sleep(Duration::from_millis(200));
    }
}

#[test]
fn with_pdf_each_meeting_has_its_pack_beside_its_page() {
    if chromium().is_none() {
        return;
    }
    let (_out, site) = build_site(&root().join(EN_BOARD), &["--pdf"]);
    let meetings: Vec<String> = files(&site)
        .into_iter()
        .filter(|f| f.starts_with("2022/") && f.ends_with("/invite.ics"))
        .map(|f| f.trim_end_matches("invite.ics").to_string())
        .collect();
    assert_eq!(meetings.len(), 3, "{meetings:?}");
    for m in meetings {
        let pdf = std::fs::read(site.join(format!("{m}pack.pdf"))).unwrap();
        assert!(pdf.starts_with(b"%PDF-"), "{m}pack.pdf is a PDF");
        assert!(read(&site, &format!("{m}index.html")).contains("href=\"pack.pdf\""));
    }
    // Without --pdf, no pack.
    let (_out, plain) = build_site(&root().join(EN_BOARD), &[]);
    assert!(!files(&plain).iter().any(|f| f.ends_with(".pdf")));
}

/// The words a reader sees on every page of the site at `dir`: its HTML
/// without tags, split at anything not a letter or digit.
fn visible_words(dir: &Path) -> BTreeSet<String> {
    let mut words = BTreeSet::new();
    for f in files(dir).iter().filter(|f| f.ends_with(".html")) {
        let mut in_tag = false;
        let text: String = read(dir, f)
            .chars()
            .map(|c| match c {
                '<' => {
                    in_tag = true;
                    ' '
                }
                '>' => {
                    in_tag = false;
                    ' '
                }
                _ if in_tag => ' ',
                _ => c,
            })
            .collect();
        words.extend(
            text.split(|c: char| !c.is_alphanumeric())
                .filter(|w| !w.is_empty())
                .map(str::to_string),
        );
    }
    words
}

#[test]
fn a_nynorsk_boards_site_speaks_nynorsk_and_takes_its_labels_from_pds_yaml() {
    let dir = Record::copy_of("examples/nn-board").build();
    let (_out, public) = build_site(dir.path(), &[]);
    let (_out2, internal) = build_site(dir.path(), &["--internal"]);
    let index = read(&public, "index.html");
    for nynorsk in [
        "<nav><a href=\"index.html\">Møte</a><a href=\"sak/index.html\">Saker</a>\
         <a href=\"vedtak/index.html\">Vedtak</a><a href=\"search.html\">Søk</a></nav>",
        "<h2>Komande møte</h2>",
        "<h2>Register</h2>",
        "<span class=\"status\">protokoll godkjend</span>",
        "<span class=\"status\">halde</span>",
    ] {
        assert!(index.contains(nynorsk), "{nynorsk:?}:\n{index}");
    }
    assert!(read(&public, "search.html")
        .contains("<noscript><p>Søket treng JavaScript.</p></noscript>"));
    assert!(read(&public, "sak/3-23/index.html").contains("<li>På sakslista til <a"));
    assert!(read(&internal, "index.html").contains(
        "<p class=\"internal-banner\" role=\"note\">INTERNT – inneheld opplysningar unnatekne offentlegheit. Skal ikkje publiserast.</p>"
    ));
    // Words of the built-in Bokmål site that Nynorsk does not have.
    for site in [&public, &internal] {
        let words = visible_words(site);
        for bokmal in [
            "Kommende",
            "ikke",
            "inneholder",
            "opplysninger",
            "unntatt",
            "publiseres",
            "trenger",
            "Registre",
            "sakslisten",
            "avholdt",
            "godkjent",
        ] {
            assert!(!words.contains(bokmal), "{}: {bokmal:?}", site.display());
        }
    }

    // A site word of pds.yaml's `labels:` (its last key) over the built-in one.
    let pds_yaml = std::fs::read_to_string(dir.path().join("pds.yaml")).unwrap();
    assert!(
        pds_yaml.trim_end().ends_with("frå {principal}\""),
        "{pds_yaml}"
    );
    write(
        dir.path(),
        "pds.yaml",
        format!("{pds_yaml}  site_upcoming: Neste møte i hamnestyret\n"),
    );
    let (_out3, changed) = build_site(dir.path(), &[]);
    let index = read(&changed, "index.html");
    assert!(
        index.contains("<h2>Neste møte i hamnestyret</h2>"),
        "{index}"
    );
    assert!(!index.contains("Komande møte"), "{index}");
}
