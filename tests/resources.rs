//! What a render may cost: a picture is inlined once per document, the
//! pictures of a document have a cap, only regular files are read as
//! pictures, and descriptions are rendered to HTML only where a document
//! shows them, so megabytes of pathological Markdown render in seconds.

mod common;
use common::*;
use std::path::Path;
use std::process::Command;
use std::time::{Duration, Instant};

fn record() -> tempfile::TempDir {
    Record::new()
        .file("pds.yaml", "board: B\nchair: { name: C, org: O }\n")
        .file(
            "2021/meetings.yaml",
            "- number: 1/2021\n  date: 2021-03-01\n",
        )
        .build()
}

fn case(root: &Path, n: u32, front: &str, body: &str) {
    write(
        root,
        &format!("2021/{n:02}-21-sak.md"),
        format!("---\nnumber: {n}/21\nmeeting: 1/2021\ntitle: Sak {n}\ntype: Orientering\n{front}---\n{body}"),
    );
}

/// 1x1 PNG.
const PNG: &[u8] = &[
    0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d, 0x49, 0x48, 0x44, 0x52, 0, 0, 0,
    1, 0, 0, 0, 1, 8, 6, 0, 0, 0, 0x1f, 0x15, 0xc4, 0x89, 0, 0, 0, 0x0a, 0x49, 0x44, 0x41, 0x54,
    0x78, 0x9c, 0x63, 0, 1, 0, 0, 5, 0, 1, 0x0d, 0x0a, 0x2d, 0xb4, 0, 0, 0, 0, 0x49, 0x45, 0x4e,
    0x44, 0xae, 0x42, 0x60, 0x82,
];

#[test]
fn a_picture_shown_many_times_is_inlined_once_per_document() {
    use base64::Engine;
    let dir = record();
    let root = dir.path();
    write(root, "2021/fig.png", PNG);
    write(root, "2021/other.png", b"\x89PNG-other-picture");
    case(
        root,
        1,
        "proposed_decision: \"Som vist: ![fig](fig.png)\"\n",
        "![fig](fig.png)\n\nTekst ![igjen](./fig.png) og ![annen](other.png)\n",
    );
    case(root, 2, "", "![fig](fig.png) i sak 2\n");
    let fig = base64::engine::general_purpose::STANDARD.encode(PNG);
    let repo = root.to_str().unwrap();
    for (doc, shown) in [
        (&["render", "case", "1/21"][..], 3),
        (&["render", "pack", "1/2021"], 4),
    ] {
        let mut args = vec!["--repo", repo];
        args.extend_from_slice(doc);
        args.extend_from_slice(&["--format", "html"]);
        let out = pds(&args);
        assert_eq!(out.status.code(), Some(0), "{args:?}: {}", stderr(&out));
        let html = stdout(&out);
        assert_eq!(html.matches(&fig).count(), 1, "{args:?}:\n{html}");
        assert_eq!(
            html.matches("<img class=\"pds-picture-1\" alt=\"fig\">")
                .count()
                + html
                    .matches("<img class=\"pds-picture-1\" alt=\"igjen\">")
                    .count(),
            shown,
            "{args:?}:\n{html}"
        );
        assert_eq!(html.matches("class=\"pds-picture-2\"").count(), 1);
        assert!(html.contains(&format!(
            "img.pds-picture-1 {{ content: url(data:image/png;base64,{fig}); }}"
        )));
    }
}

#[cfg(unix)]
#[test]
fn a_fifo_named_like_a_picture_is_not_read() {
    let dir = record();
    let root = dir.path();
    let made = Command::new("mkfifo")
        .arg(root.join("2021/pic.png"))
        .status()
        .is_ok_and(|s| s.success());
    if !made {
        assert!(
            std::env::var("CI").as_deref() != Ok("true"),
            "mkfifo failed"
        );
        eprintln!("skipped: no mkfifo here");
        return;
    }
    case(root, 1, "", "Før ![pipe](pic.png) etter\n");
    let out = output_within(
        pds_command(&common::root()).args([
            "--repo",
            root.to_str().unwrap(),
            "render",
            "case",
            "1/21",
            "--format",
            "html",
        ]),
        Duration::from_secs(20),
    );
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert!(
        stdout(&out).contains("<img alt=\"pipe\">"),
        "{}",
        stdout(&out)
    );
    assert!(
        stderr(&out).contains("warning: 2021/01-21-sak.md: picture pic.png is not a regular file"),
        "{}",
        stderr(&out)
    );
}

#[test]
fn the_pictures_of_one_document_have_a_cap_with_an_error_naming_the_case() {
    let dir = record();
    let root = dir.path();
    let big = vec![0u8; 8 * 1024 * 1024];
    for name in ["a", "b", "c"] {
        write(root, &format!("2021/{name}.png"), &big);
    }
    case(root, 1, "", "![a](a.png)\n");
    case(root, 2, "", "![b](b.png) ![a](a.png)\n");
    case(root, 3, "", "![c](c.png)\n");
    let repo = root.to_str().unwrap();
    // Two of them fit (each counted once); the third does not.
    let out = pds(&["--repo", repo, "render", "case", "2/21", "--format", "html"]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let target = root.join("pack.html");
    let out = pds(&[
        "--repo",
        repo,
        "render",
        "pack",
        "1/2021",
        "--format",
        "html",
        "-o",
        target.to_str().unwrap(),
    ]);
    assert_eq!(out.status.code(), Some(2), "{}", stderr(&out));
    assert!(
        stderr(&out).contains(
            "2021/03-21-sak.md: picture c.png would take this document's pictures past 20 MiB"
        ),
        "{}",
        stderr(&out)
    );
    assert!(!target.exists(), "a pack was written");
}

#[test]
fn remote_pictures_are_left_out_with_a_warning_and_pages_forbid_remote_loads() {
    let dir = record();
    let root = dir.path();
    case(
        root,
        1,
        "",
        "![kart](https://evil.example/map.png)\n\n<img src=\"HTTP://evil.example/b.png\" alt=\"logo\"> <img src=\"//evil.example/c.png\" alt=\"c\">\n",
    );
    let out = pds(&[
        "--repo",
        root.to_str().unwrap(),
        "render",
        "case",
        "1/21",
        "--format",
        "html",
    ]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let html = stdout(&out);
    assert!(!html.contains("evil.example"), "{html}");
    for alt in ["kart", "logo", "c"] {
        assert!(html.contains(&format!("<img alt=\"{alt}\">")), "{html}");
    }
    let err = stderr(&out);
    assert!(
        err.contains("warning: 2021/01-21-sak.md: picture https://evil.example/map.png is on the web: not fetched"),
        "{err}"
    );
    assert_eq!(err.matches("warning:").count(), 3, "{err}");
    let head = &html[..html.find("<title>").unwrap()];
    assert!(
        head.contains("<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; img-src data:; style-src 'unsafe-inline'\">"),
        "{head}"
    );
}

/// About 1 MB of Markdown that is slow for parsers and sanitisers, in eight
/// shapes: open brackets, emphasis runs, deep quotes, backtick runs, raw
/// HTML, unclosed links.
fn pathological(n: usize) -> String {
    let limit = 990_000;
    let mut text = match n % 8 {
        0 => "[".repeat(limit),
        1 => "*".repeat(limit),
        2 => "> ".repeat(limit / 2),
        3 => (1..1400).map(|k| "`".repeat(k) + "a").collect(),
        4 => "_a".repeat(limit / 2),
        5 => "<a ".repeat(limit / 3),
        6 => "[a](".repeat(limit / 4),
        _ => "*a **b ".repeat(limit / 7),
    };
    text.truncate(limit);
    text
}

#[test]
fn a_notice_of_eight_megabyte_descriptions_renders_in_under_two_seconds() {
    let dir = record();
    let root = dir.path();
    for n in 1..=8 {
        case(
            root,
            n,
            &format!("description: |\n  {}\n", pathological(n as usize)),
            "",
        );
    }
    let repo = root.to_str().unwrap();
    for format in ["md", "html"] {
        let started = Instant::now();
        let out = output_within(
            pds_command(&common::root()).args([
                "--repo", repo, "render", "notice", "1/2021", "--format", format,
            ]),
            Duration::from_secs(60),
        );
        let took = started.elapsed();
        assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
        assert!(out.stdout.len() > 7_000_000, "the descriptions are shown");
        eprintln!("render notice --format {format}: {took:?}");
        // The goal is 2 s for a release build (measured: 0.2 s). This is
        // a debug build on a shared machine: before the fix it took 9.9 s, after
        // it 0.5–1.3 s; 5 s still tells the two apart without flaking under load.
        assert!(took < Duration::from_secs(5), "{format}: {took:?}");
    }
    // A record's own template that shows `description_html` still gets it.
    write(
        root,
        "templates/notice.html",
        b"{% for c in agenda %}{{ c.description_html | safe }}{% endfor %}",
    );
    for n in 1..=8 {
        case(root, n, "description: \"*vist* som HTML\"\n", "");
    }
    let out = pds(&[
        "--repo", repo, "render", "notice", "1/2021", "--format", "html",
    ]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert_eq!(
        stdout(&out)
            .matches("<p><em>vist</em> som HTML</p>")
            .count(),
        8,
        "{}",
        stdout(&out)
    );
}
