//! The PDF a board member holds, read back with independent tools
//! (poppler's `pdffonts`, `pdfinfo`, `pdftotext`; `qpdf --json`): PDF/A-2b
//! with every font embedded, the secretariat as author, an outline of the
//! notice and every agenda case in order, "Side x av y", each case document
//! on a new page, the same bytes every time — made by the Typst built into
//! pds, with no browser on the machine. Where a tool is missing the test
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

/// Whether `tool` runs here; when not, says so (and fails on CI).
fn have(tool: &str) -> bool {
    tool_or_skip(on_path(tool), tool, "the PDF was not read with it")
}

/// `pds --repo <record> render <what…> --format pdf -o <dir>/<name>`, with
/// `env` added; the PDF's path.
fn render(record: &Path, what: &[&str], out: &Path, env: &[(&str, &str)]) -> PathBuf {
    let pdf = out.join(format!("{}.pdf", what.join("-").replace('/', "-")));
    let mut cmd = pds_command(&root());
    cmd.env_remove("SOURCE_DATE_EPOCH")
        .args(["--repo", record.to_str().unwrap(), "render"])
        .args(what)
        .args(["--format", "pdf", "-o", pdf.to_str().unwrap()]);
    for (k, v) in env {
        cmd.env(k, v);
    }
    let o = output_within(&mut cmd, HANG);
    assert_eq!(o.status.code(), Some(0), "{what:?}: {}", stderr(&o));
    pdf
}

fn pack(out: &Path) -> PathBuf {
    render(&root().join("cases"), &["pack", "7/2021"], out, &[])
}

fn tool(name: &str, args: &[&str], pdf: &Path) -> String {
    let o = Command::new(name).args(args).arg(pdf).output().unwrap();
    assert!(o.status.success(), "{name}: {}", stderr(&o));
    stdout(&o)
}

fn page_text(pdf: &Path, page: usize) -> String {
    let n = page.to_string();
    let o = Command::new("pdftotext")
        .args(["-f", &n, "-l", &n])
        .arg(pdf)
        .arg("-")
        .output()
        .unwrap();
    stdout(&o)
}

/// The notice and the seven agenda cases of 7/2021, as the outline names them.
const OUTLINE: [&str; 8] = [
    "Møteinnkalling",
    "41/21 Godkjenning av innkalling",
    "42/21 Status program",
    "43/21 Sentralt styringsdokument for steg 2",
    "44/21 Tillitsmodell/dokumentdeling ved Norsk Helsenett SF",
    "45/21 NILAR innbyggerperspektiv",
    "46/21 Drifts- og forvaltningskostnader som følge av leveranser fra PDS",
    "47/21 Eventuelt",
];

/// The outline's first level: (title, page) in order, from `qpdf --json`.
fn outline(pdf: &Path) -> Vec<(String, u64)> {
    let json = tool("qpdf", &["--json", "--json-key=outlines"], pdf);
    let json: serde_json::Value = serde_json::from_str(&json).unwrap();
    json["outlines"]
        .as_array()
        .unwrap()
        .iter()
        .map(|o| {
            (
                o["title"].as_str().unwrap().to_string(),
                o["destpageposfrom1"].as_u64().unwrap(),
            )
        })
        .collect()
}

#[test]
fn a_pdf_is_made_with_no_browser_on_the_machine() {
    let out = tempfile::tempdir().unwrap();
    let empty = tempfile::tempdir().unwrap();
    let pdf = render(
        &root().join("cases"),
        &["pack", "7/2021"],
        out.path(),
        &[
            ("PATH", empty.path().to_str().unwrap()),
            ("PDS_CHROMIUM", "/nonexistent/chromium"),
        ],
    );
    let bytes = std::fs::read(&pdf).unwrap();
    assert!(bytes.starts_with(b"%PDF-"), "not a PDF");
    assert!(
        bytes.len() > 50_000,
        "{} bytes: too small for the pack",
        bytes.len()
    );
}

#[test]
fn the_same_record_gives_the_same_bytes_dated_from_the_record_or_source_date_epoch() {
    let out = tempfile::tempdir().unwrap();
    let first = std::fs::read(pack(out.path())).unwrap();
    let second = std::fs::read(pack(out.path())).unwrap();
    assert!(first == second, "two renderings of the pack differ");
    if !have("pdfinfo") {
        return;
    }
    let info = tool("pdfinfo", &["-isodates"], &pack(out.path()));
    assert!(
        info.contains("CreationDate:    2021-12-01T00:00:00"),
        "the meeting's date, not the clock:\n{info}"
    );
    let dated = render(
        &root().join("cases"),
        &["notice", "7/2021"],
        out.path(),
        &[("SOURCE_DATE_EPOCH", "1700000000")],
    );
    let info = tool("pdfinfo", &["-isodates"], &dated);
    assert!(
        info.contains("CreationDate:    2023-11-14T22:13:20"),
        "SOURCE_DATE_EPOCH:\n{info}"
    );
}

#[test]
fn the_pack_is_pdfa_2b_and_pdfua_1_with_every_font_embedded_and_the_secretariat_as_author() {
    if !have("pdffonts") || !have("pdfinfo") {
        return;
    }
    let out = tempfile::tempdir().unwrap();
    let pdf = pack(out.path());
    let fonts = tool("pdffonts", &[], &pdf);
    let rows: Vec<&str> = fonts.lines().skip(2).collect();
    assert!(!rows.is_empty(), "{fonts}");
    for row in &rows {
        // name type encoding emb sub uni object ID
        let cols: Vec<&str> = row.split_whitespace().collect();
        assert_eq!(cols[cols.len() - 5], "yes", "not embedded: {row}");
    }
    let meta = tool("pdfinfo", &["-meta"], &pdf);
    assert!(meta.contains("<pdfaid:part>2</pdfaid:part>"), "{meta}");
    assert!(
        meta.contains("<pdfaid:conformance>B</pdfaid:conformance>"),
        "{meta}"
    );
    assert!(meta.contains("<rdf:li>nb</rdf:li>"), "language: {meta}");
    // Accessible too: PDF/UA-1, where the document meets it (the pack does).
    assert!(meta.contains("<pdfuaid:part>1</pdfuaid:part>"), "{meta}");
    let info = tool("pdfinfo", &[], &pdf);
    for line in [
        "Title:           Møteinnkalling 7/2021 – Programstyret program digital samhandling",
        "Author:          Direktoratet for e-helse",
        "Tagged:          yes",
        "Page size:       595.276 x 841.89 pts (A4)",
    ] {
        assert!(info.contains(line), "{line}:\n{info}");
    }
}

#[test]
fn the_outline_holds_the_notice_and_every_agenda_case_in_agenda_order() {
    if !have("qpdf") || !have("pdftotext") {
        return;
    }
    let out = tempfile::tempdir().unwrap();
    let pdf = pack(out.path());
    let entries = outline(&pdf);
    let titles: Vec<&str> = entries.iter().map(|(t, _)| t.as_str()).collect();
    assert_eq!(titles, OUTLINE);
    // Each case document begins its page, under the running header.
    let mut last = 0;
    for (title, page) in &entries[1..] {
        assert!(
            *page > last,
            "{title} on page {page}, not after page {last}"
        );
        last = *page;
        // 41/21, 44/21 and 47/21 have no document: their short sheets
        // follow on where there is room.
        if ["41/21", "44/21", "47/21"]
            .iter()
            .any(|n| title.starts_with(n))
        {
            continue;
        }
        let text = page_text(&pdf, *page as usize);
        let first = text
            .lines()
            .map(str::trim)
            .find(|l| {
                !l.is_empty()
                    && *l != "Programstyret program digital samhandling"
                    && !l.starts_with("Møte 7/2021, 01.12.2021")
            })
            .unwrap_or_default();
        assert!(
            title.starts_with(first),
            "page {page} begins with {first:?}, not {title:?}"
        );
    }
}

#[test]
fn page_one_is_the_whole_notice_numbered_side_1_av_and_the_seed_reads_in_order() {
    if !have("pdftotext") || !have("pdfinfo") {
        return;
    }
    let out = tempfile::tempdir().unwrap();
    let pdf = pack(out.path());
    let pages = tool("pdfinfo", &[], &pdf)
        .lines()
        .find_map(|l| {
            l.strip_prefix("Pages:")
                .map(|n| n.trim().parse::<usize>().unwrap())
        })
        .unwrap();
    let one = page_text(&pdf, 1);
    assert!(one.contains(&format!("Side 1 av {pages}")), "{one}");
    assert!(
        one.contains("Programstyret program digital samhandling"),
        "{one}"
    );
    assert!(
        one.contains("Møte 7/2021, 01.12.2021"),
        "running header: {one}"
    );
    // The notice's last agenda row is on its page.
    assert!(one.contains("47/21") && one.contains("Eventuelt"), "{one}");
    let last = page_text(&pdf, pages);
    assert!(last.contains(&format!("Side {pages} av {pages}")), "{last}");
    // The notice alone is one A4 page.
    let notice = render(
        &root().join("cases"),
        &["notice", "7/2021"],
        out.path(),
        &[],
    );
    let info = tool("pdfinfo", &[], &notice);
    assert!(info.contains("Pages:           1\n"), "{info}");
    // The source's facts, in the source's order.
    let o = Command::new("pdftotext")
        .arg(&pdf)
        .arg("-")
        .output()
        .unwrap();
    let text = stdout(&o);
    let mut at = 0;
    for fact in [
        "Møteinnkalling",
        "Lucie Aunan",
        "41/21 Godkjenning av innkalling",
        "42/21 Status program",
        "43/21 Sentralt styringsdokument for steg 2",
        "Forslag til vedtak",
        "45/21 NILAR innbyggerperspektiv",
        "46/21 Drifts- og forvaltningskostnader",
        "Sak i NUIT 24/21",
        "47/21 Eventuelt",
    ] {
        let Some(found) = text[at..].find(fact) else {
            panic!("{fact:?} is not in the PDF after byte {at}");
        };
        at += found + fact.len();
    }
}

#[test]
fn markup_in_the_record_prints_as_written_and_never_runs() {
    let hostile = "Tekst med #read(\"/etc/passwd\") og $x^2$ og \\*stjerne\\* og \\_strek\\_ og @ref og &lt;label&gt; og `kode` og \\ og // kommentar\n\n= Ikke en overskrift\n\n#import \"/etc/passwd\": *\n\n#let x = 1 #x\n\n- punkt med #eval(\"1+1\")\n";
    let dir = Record::new()
        .file("pds.yaml", "board: Styret\nsecretariat: Sekretariatet\n")
        .file("2021/meetings.yaml", "- number: 1/2021\n  date: 2021-03-01\n")
        .file(
            "2021/01-21-sak.md",
            format!(
                "---\nnumber: 1/21\nmeeting: 1/2021\ntitle: \"Tittel #set page(width: 1cm) $\"\ntype: Orientering\n---\n{hostile}"
            ),
        )
        .build();
    let out = tempfile::tempdir().unwrap();
    let pdf = render(dir.path(), &["case", "1/21"], out.path(), &[]);
    if !have("pdftotext") {
        return;
    }
    let o = Command::new("pdftotext")
        .arg(&pdf)
        .arg("-")
        .output()
        .unwrap();
    // Words hyphenated at a line's end are joined again.
    let text = stdout(&o).replace("\u{ad}\n", "").replace('\n', " ");
    for literal in [
        "#read(\"/etc/passwd\")",
        "$x^2$",
        "*stjerne*",
        "_strek_",
        "@ref",
        "<label>",
        "// kommentar",
        "= Ikke en overskrift",
        "#import \"/etc/passwd\": *",
        "#let x = 1 #x",
        "#eval(\"1+1\")",
        "1/21 Tittel #set page(width: 1cm) $",
    ] {
        assert!(
            text.contains(literal),
            "{literal:?} is not printed as written:\n{text}"
        );
    }
    assert!(
        !text.contains("root:"),
        "a file outside the record was read"
    );
}

#[test]
fn a_picture_inside_the_record_is_printed_and_one_outside_is_not_read() {
    // A 1×1 PNG.
    let png: &[u8] = &[
        0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00, 0x00, 0x0d, 0x49, 0x48, 0x44,
        0x52, 0x00, 0x00, 0x00, 0x01, 0x00, 0x00, 0x00, 0x01, 0x08, 0x06, 0x00, 0x00, 0x00, 0x1f,
        0x15, 0xc4, 0x89, 0x00, 0x00, 0x00, 0x0d, 0x49, 0x44, 0x41, 0x54, 0x78, 0x9c, 0x63, 0xf8,
        0xcf, 0xc0, 0xf0, 0x1f, 0x00, 0x05, 0x00, 0x01, 0xff, 0x89, 0x99, 0x3d, 0x1d, 0x00, 0x00,
        0x00, 0x00, 0x49, 0x45, 0x4e, 0x44, 0xae, 0x42, 0x60, 0x82,
    ];
    let dir = Record::new()
        .file("pds.yaml", "board: Styret\n")
        .file("2021/meetings.yaml", "- number: 1/2021\n  date: 2021-03-01\n")
        .file("2021/fig.png", png)
        .file(
            "2021/01-21-sak.md",
            "---\nnumber: 1/21\nmeeting: 1/2021\ntitle: Sak\ntype: Orientering\n---\nFigur: ![Figur en](fig.png) og ![Utenfor](../../outside.png)\n",
        )
        .build();
    std::fs::write(dir.path().parent().unwrap().join("outside.png"), png).ok();
    // Past 1,000 distinct pictures, the rest are left out with a warning.
    let many = Record::new()
        .file("pds.yaml", "board: Styret\n")
        .file(
            "2021/meetings.yaml",
            "- number: 1/2021\n  date: 2021-03-01\n",
        )
        .file(
            "2021/01-21-sak.md",
            format!(
                "---\nnumber: 1/21\nmeeting: 1/2021\ntitle: Sak\ntype: Orientering\n---\n{}",
                (0..1001)
                    .map(|i| format!("![{i}](p/{i}.png)\n"))
                    .collect::<String>()
            ),
        )
        .build();
    for i in 0..1001 {
        write(many.path(), &format!("2021/p/{i}.png"), png);
    }
    let mut cmd = pds_command(&root());
    cmd.args([
        "--repo",
        many.path().to_str().unwrap(),
        "render",
        "case",
        "1/21",
    ])
    .args(["-o", many.path().join("../many.pdf").to_str().unwrap()]);
    let o = output_within(&mut cmd, HANG);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    assert!(
        stderr(&o).contains("picture p/1000.png is past the 1000 pictures one PDF shows"),
        "{}",
        stderr(&o)
    );
    let out = tempfile::tempdir().unwrap();
    let mut cmd = pds_command(&root());
    cmd.args([
        "--repo",
        dir.path().to_str().unwrap(),
        "render",
        "case",
        "1/21",
    ])
    .args(["-o", out.path().join("c.pdf").to_str().unwrap()]);
    let o = output_within(&mut cmd, HANG);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    assert!(
        stderr(&o).contains("../../outside.png is not a file inside the record"),
        "{}",
        stderr(&o)
    );
    if !have("pdfimages") {
        return;
    }
    let list = tool("pdfimages", &["-list"], &out.path().join("c.pdf"));
    let images = list
        .lines()
        .filter(|l| l.split_whitespace().nth(2) == Some("image"))
        .count();
    assert_eq!(images, 1, "one picture:\n{list}");
}

#[test]
fn a_record_overrides_the_pdf_page_by_name_and_a_broken_one_is_named() {
    let custom = "#set document(title: \"{{ title }}\", author: \"{{ author }}\")\n#set text(font: \"Libertinus Serif\", lang: \"{{ l.lang }}\")\nEgen side for {{ board.name }}\n\n{{ content | safe }}\n";
    let dir = Record::new()
        .file("pds.yaml", "board: \"Styret \\\" #x\"\n")
        .file(
            "2021/meetings.yaml",
            "- number: 1/2021\n  date: 2021-03-01\n",
        )
        .file(
            "2021/01-21-sak.md",
            "---\nnumber: 1/21\nmeeting: 1/2021\ntitle: Sak\ntype: Orientering\n---\nTekst.\n",
        )
        .file("templates/layout.typ", custom)
        .build();
    let out = tempfile::tempdir().unwrap();
    let pdf = render(dir.path(), &["case", "1/21"], out.path(), &[]);
    if have("pdftotext") {
        let o = Command::new("pdftotext")
            .arg(&pdf)
            .arg("-")
            .output()
            .unwrap();
        assert!(
            stdout(&o).contains("Egen side for Styret \" #x"),
            "{}",
            stdout(&o)
        );
    }
    // `pds templates eject` hands out the built-in page with the others.
    let ejected = tempfile::tempdir().unwrap();
    let o = pds(&["templates", "eject", ejected.path().to_str().unwrap()]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let page = std::fs::read_to_string(ejected.path().join("layout.typ")).unwrap();
    assert!(page.contains("{{ content | safe }}"), "{page}");
    // A broken page names itself.
    std::fs::write(
        dir.path().join("templates/layout.typ"),
        "#let x = (\n{{ content | safe }}",
    )
    .unwrap();
    let mut cmd = pds_command(&root());
    cmd.args([
        "--repo",
        dir.path().to_str().unwrap(),
        "render",
        "case",
        "1/21",
    ])
    .args(["-o", out.path().join("broken.pdf").to_str().unwrap()]);
    let o = output_within(&mut cmd, HANG);
    assert_ne!(o.status.code(), Some(0));
    assert_ne!(o.status.code(), Some(101), "{}", stderr(&o));
    assert!(stderr(&o).contains("layout.typ"), "{}", stderr(&o));
    assert!(!out.path().join("broken.pdf").exists());
}

#[test]
fn odd_markdown_still_typesets_and_a_character_no_font_has_is_named() {
    let body = format!(
        "{}dyp\n\n{}dypere\n\n[^a] og [^b]\n\n[^a]: note [^a]\n[^b]: {}\n\n| a | b |\n|---|---|\n| 1 |\n| 1 | 2 | 3 |\n\n<div>html <b>blokk</b></div>\n\nSmil 🙂 og 漢字 og 🟢 grønn.\n",
        "> ".repeat(25),
        "> ".repeat(5000),
        "x".repeat(3000)
    );
    let dir = Record::new()
        .file("pds.yaml", "board: Styret\n")
        .file(
            "2021/meetings.yaml",
            "- number: 1/2021\n  date: 2021-03-01\n",
        )
        .file(
            "2021/01-21-sak.md",
            format!(
                "---\nnumber: 1/21\nmeeting: 1/2021\ntitle: Sak 🙂\ntype: Orientering\n---\n{body}"
            ),
        )
        .build();
    let out = tempfile::tempdir().unwrap();
    let pdf = render(dir.path(), &["case", "1/21"], out.path(), &[]);
    if !have("pdftotext") {
        return;
    }
    let o = Command::new("pdftotext")
        .arg(&pdf)
        .arg("-")
        .output()
        .unwrap();
    let text = stdout(&o);
    assert!(text.contains("1/21 Sak [U+1F642]"), "{text}");
    assert!(
        text.contains("Smil [U+1F642] og [U+6F22][U+5B57] og"),
        "{text}"
    );
    assert!(text.contains("dyp"), "{text}");
}

/// Each page's text, by `pdftotext`, without the footer's "Side x av y".
fn pages(pdf: &Path) -> Vec<Vec<String>> {
    let o = Command::new("pdftotext")
        .arg(pdf)
        .arg("-")
        .output()
        .unwrap();
    stdout(&o)
        .split('\u{c}')
        .map(|page| {
            page.lines()
                .map(str::trim)
                .filter(|l| !l.is_empty() && !l.starts_with("Side "))
                .map(str::to_string)
                .collect()
        })
        .filter(|p: &Vec<String>| !p.is_empty())
        .collect()
}

#[test]
fn no_agenda_row_splits_and_no_heading_ends_a_page() {
    let mut record = Record::new().file("pds.yaml", "board: Styret\n").file(
        "2021/meetings.yaml",
        "- number: 1/2021\n  date: 2021-03-01\n",
    );
    for n in 1..=30 {
        let lines: String = (1..=6).map(|l| format!("\\n- Sak {n} linje {l}")).collect();
        let sections: String = (1..=12)
            .map(|s| {
                format!(
                    "## Overskrift {n}.{s}\n\n{}\n\n",
                    "Avsnitt med litt tekst som fyller linjen. ".repeat(3 + (s * n) % 11)
                )
            })
            .collect();
        record = record.file(
            &format!("2021/{n:02}-21-sak.md"),
            format!(
                "---\nnumber: {n}/21\nmeeting: 1/2021\ntitle: Sak {n}\ntype: Orientering\ndescription: \"Innledning{lines}\"\n---\n{sections}"
            ),
        );
    }
    let dir = record.build();
    let out = tempfile::tempdir().unwrap();
    let notice = render(dir.path(), &["notice", "1/2021"], out.path(), &[]);
    let pack = render(dir.path(), &["pack", "1/2021"], out.path(), &[]);
    if !have("pdftotext") {
        return;
    }
    let notice = pages(&notice);
    assert!(notice.len() > 1, "the agenda should need more than a page");
    for n in 1..=30 {
        let first = format!("Sak {n} linje 1");
        let last = format!("Sak {n} linje 6");
        let on = |text: &str| {
            notice
                .iter()
                .position(|p| p.iter().any(|l| l.contains(text)))
        };
        assert_eq!(on(&first), on(&last), "the row of {n}/21 is split");
        assert!(on(&first).is_some(), "{first} is missing");
    }
    let pack = pages(&pack);
    let mut headings = 0;
    for (i, page) in pack.iter().enumerate() {
        headings += page.iter().filter(|l| l.starts_with("Overskrift")).count();
        let last = page.last().unwrap();
        assert!(
            !last.starts_with("Overskrift"),
            "page {} ends with the heading {last:?}",
            i + 1
        );
    }
    assert_eq!(headings, 30 * 12, "every heading is in the pack");
}
