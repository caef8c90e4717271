//! Rendering the real record: golden files, the seed's facts, determinism,
//! the public and sanitising guarantees, and PDF through a real Chromium.

mod common;
use common::*;

const DOCS: &[(&str, &[&str])] = &[
    ("notice-7-2021", &["render", "notice", "7/2021"]),
    ("notice-8-2021", &["render", "notice", "8-2021"]),
    ("case-42-21", &["render", "case", "42/21"]),
    ("case-43-21", &["render", "case", "43/21"]),
    ("case-45-21", &["render", "case", "45-21"]),
    ("case-46-21", &["render", "case", "46/21"]),
    ("overview-2021", &["render", "overview", "2021"]),
    ("pack-7-2021", &["render", "pack", "7/2021"]),
    ("risks", &["render", "risks"]),
    ("status-2021-11-24", &["render", "status", "2021-11-24"]),
    ("minutes-7-2021", &["render", "minutes", "7/2021"]),
];

fn render(args: &[&str], format: &str) -> String {
    let mut all = vec!["--repo", "cases"];
    all.extend_from_slice(args);
    all.extend_from_slice(&["--format", format]);
    let out = pds(&all);
    assert_eq!(out.status.code(), Some(0), "{args:?}: {}", stderr(&out));
    stdout(&out)
}

#[test]
fn documents_of_the_real_record_match_their_golden_files() {
    for (name, args) in DOCS {
        for format in ["md", "html"] {
            golden(&format!("cases/{name}.{format}"), &render(args, format));
        }
    }
    golden(
        "cases/invite-7-2021.ics",
        &render(&["render", "invite", "7/2021"], "md"),
    );
}

#[test]
fn documents_of_the_english_example_match_their_golden_files() {
    let docs: &[(&str, &[&str])] = &[
        ("notice-2-2022", &["render", "notice", "2/2022"]),
        ("notice-3-2022", &["render", "notice", "3/2022"]),
        ("case-06-22", &["render", "case", "6/22"]),
        ("overview-2022", &["render", "overview", "2022"]),
        ("pack-2-2022", &["render", "pack", "2/2022"]),
        ("minutes-2-2022", &["render", "minutes", "2/2022"]),
        ("decisions-2022", &["render", "decisions", "2022"]),
    ];
    for (name, args) in docs {
        for format in ["md", "html"] {
            let mut all = vec!["--repo", "examples/en-board"];
            all.extend_from_slice(args);
            all.extend_from_slice(&["--format", format]);
            let out = pds(&all);
            assert_eq!(out.status.code(), Some(0), "{args:?}: {}", stderr(&out));
            golden(&format!("en-board/{name}.{format}"), &stdout(&out));
        }
    }
    let out = pds(&[
        "--repo",
        "examples/en-board",
        "render",
        "pack",
        "2/2022",
        "--public",
    ]);
    golden("en-board/pack-2-2022-public.md", &stdout(&out));
    let out = pds(&["--repo", "examples/en-board", "render", "invite", "3/2022"]);
    golden("en-board/invite-3-2022.ics", &stdout(&out));
}

#[test]
fn the_notice_holds_every_fact_of_the_seeds_notice() {
    let md = render(&["render", "notice", "7/2021"], "md");
    for fact in [
        "Møteinnkalling",
        "Programstyret program digital samhandling",
        "Ole Johan Kvan, Helse Sør-Øst RHF",
        "Per Olav Skjesol, Helse Midt-Norge RHF",
        "Odd Martin Solem, Norsk Helsenett",
        "Bjørn Nilsen, Helse Nord",
        "Erik Hansen, Helse Vest",
        "Thore Thomassen, Helsedirektoratet",
        "Terje Wistner, KS",
        "Kirsti Pedersen, Oslo kommune",
        "Kristine Skjøthaug, Stavanger kommune",
        "Kjetil Løyning, Kristiansand kommune",
        "Roger Schäffer, Folkehelseinstituttet",
        "Jan Emil Kristoffersen, Legeforeningen",
        "Merete Lyngstad, Norsk Sykepleierforbund",
        "| **Sted** | Elektronisk møte, jfr. møteinnkalling i Outlook-kalender |",
        "| **Dato** | 01.12.2021, kl. 13.00 – 15.00 |",
        "| **Møte** | 7/2021 |",
        "| **Møteleder** | Lucie Aunan, Direktoratet for e-helse |",
        "| Saksnummer | Sakstittel | Beskrivelse | Saksdokument | Type sak |",
        "| 41/21 | Godkjenning av innkalling | 1: Godkjenning av innkalling<br>2: Status aksjonspunkt |  | 1: Tilslutning<br>2: Orientering |",
        "| 42/21 | Status program |",
        "| 42-21 Status program | Orientering |",
        "| 43/21 | Sentralt styringsdokument for steg 2 | Oppsummering av leveranse og av versjon 0.9 og videre arbeid. | 43-21 Sentralt styringsdokument for steg 2 | Tilslutning |",
        "| 44/21 | Tillitsmodell/dokumentdeling ved Norsk Helsenett SF | Saken er uten underlag |  | Drøfting |",
        "| 45-21 NILAR innbyggerperspektiv | Tilslutning |",
        "| 46-21 Drifts- og forvaltningskostnader som følge av leveranser fra PDS | Drøfting |",
        "| 47/21 | Eventuelt |",
    ] {
        assert!(md.contains(fact), "the notice lacks {fact:?}:\n{md}");
    }
    let rows = md.lines().filter(|l| l.starts_with("| 4")).count();
    assert_eq!(rows, 7, "seven agenda rows");
}

#[test]
fn the_overview_has_every_quarter_meeting_and_case_and_the_footnote_per_quarter() {
    let md = render(&["render", "overview", "2021"], "md");
    for q in 1..=4 {
        assert!(
            md.contains(&format!("## Oversikt saker programstyremøter {q}. kvartal")),
            "Q{q}"
        );
    }
    let labels = [
        "12.02.2021 – Møte #1",
        "12.03.2021 – Møte #2",
        "23.04.2021 – Møte #3",
        "14.06.2021 – Møte #4",
        "14.09.2021 – Møte #5",
        "20.10.2021 – Møte #6",
        "01.12.2021 – Møte #7",
    ];
    let mut last = 0;
    for label in labels {
        let at = md.find(label).unwrap_or_else(|| panic!("{label} missing"));
        assert!(at > last, "{label} out of date order");
        last = at;
    }
    for n in (1..=47).filter(|n| *n != 8) {
        assert!(md.contains(&format!("| {n}/21")), "case {n}/21 missing");
    }
    assert_eq!(md.matches("| 5/21\\*").count(), 2);
    assert_eq!(md.matches("| 22/21\\*").count(), 2);
    assert_eq!(
        md.matches("Det har beklageligvis oppstått sekvensfeil")
            .count(),
        2,
        "the footnote once in each quarter with starred rows (Q1, Q2)"
    );
    // Q2 is printed once (the seed printed it twice).
    assert_eq!(md.matches("2. kvartal").count(), 1);
}

#[test]
fn rendering_twice_gives_the_same_bytes() {
    for (_, args) in DOCS {
        for format in ["md", "html"] {
            assert_eq!(
                render(args, format),
                render(args, format),
                "{args:?} {format}"
            );
        }
    }
    let a = render(&["render", "invite", "7/2021"], "md");
    assert_eq!(a, render(&["render", "invite", "7/2021"], "md"));
}

#[test]
fn the_html_pack_is_one_self_contained_page() {
    let html = render(&["render", "pack", "7/2021"], "html");
    assert!(html.starts_with("<!DOCTYPE html>"));
    assert_eq!(html.matches("<html").count(), 1);
    assert!(html.contains("@media print"));
    assert!(html.contains("size: A4"));
    assert_eq!(
        html.matches("class=\"document page-break\"").count(),
        4,
        "a page break before each of the 4 case documents"
    );
    assert!(!html.contains("<link"), "no external stylesheet");
    assert!(!html.contains("src=\"http"), "nothing loaded from outside");
    // The three case documents with their footnotes, in agenda order.
    let order = [
        "id=\"sak-42-21\"",
        "id=\"sak-43-21\"",
        "id=\"sak-45-21\"",
        "id=\"sak-46-21\"",
    ];
    let pos: Vec<usize> = order.iter().map(|id| html.find(id).expect(id)).collect();
    assert!(pos.windows(2).all(|w| w[0] < w[1]), "agenda order");
    assert!(
        html.contains("href=\"#sak-46-21-1\""),
        "footnote links are per document"
    );
    assert!(html.contains("Prop. 1 S (2020-2021)"));
}

#[test]
fn unknown_meeting_and_case_exit_2_with_a_suggestion() {
    let out = pds(&["--repo", "cases", "render", "notice", "9/2021"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(
        stderr(&out).contains("did you mean 8/2021?"),
        "{}",
        stderr(&out)
    );
    let out = pds(&["--repo", "cases", "render", "case", "48/21"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(
        stderr(&out).contains("did you mean 47/21?"),
        "{}",
        stderr(&out)
    );
    let out = pds(&["--repo", "cases", "render", "case", "48/2021"]);
    assert_eq!(
        out.status.code(),
        Some(2),
        "a malformed number is bad usage"
    );
}

#[test]
fn output_files_are_written_whole_and_bad_paths_exit_2() {
    let dir = tempfile::tempdir().unwrap();
    let out_path = dir.path().join("notice.html");
    let out = pds(&[
        "--repo",
        "cases",
        "render",
        "notice",
        "7/2021",
        "--format",
        "html",
        "-o",
        out_path.to_str().unwrap(),
    ]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let written = std::fs::read_to_string(&out_path).unwrap();
    assert!(written.ends_with("</html>\n"));
    assert_eq!(
        std::fs::read_dir(dir.path()).unwrap().count(),
        1,
        "no temporary file left"
    );
    let missing = dir.path().join("no/such/folder/x.html");
    let out = pds(&[
        "--repo",
        "cases",
        "render",
        "notice",
        "7/2021",
        "-o",
        missing.to_str().unwrap(),
    ]);
    assert_eq!(out.status.code(), Some(2));
    assert!(stderr(&out).contains("does not exist"));
}

#[test]
fn pdf_prints_the_pack_in_a_real_browser_or_says_what_to_install() {
    let dir = tempfile::tempdir().unwrap();
    let pdf = dir.path().join("pack.pdf");
    let pdf_arg = pdf.to_str().unwrap();
    let has_chromium = ["chromium", "chromium-browser", "google-chrome"]
        .iter()
        .any(|b| {
            std::process::Command::new("which")
                .arg(b)
                .output()
                .map(|o| o.status.success())
                .unwrap_or(false)
        });
    let out = pds(&[
        "--repo", "cases", "render", "pack", "7/2021", "--format", "pdf", "-o", pdf_arg,
    ]);
    if !has_chromium {
        assert!(
            std::env::var_os("CI").is_none(),
            "CI must have chromium (.ci/run installs it)"
        );
        assert_eq!(out.status.code(), Some(2));
        assert!(
            stderr(&out).contains("apt-get install chromium"),
            "{}",
            stderr(&out)
        );
        return;
    }
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let text = std::process::Command::new("pdftotext")
        .args([pdf_arg, "-"])
        .output()
        .expect("pdftotext (poppler-utils) is installed");
    let text = String::from_utf8_lossy(&text.stdout);
    for fact in [
        "Møteinnkalling",
        "Lucie Aunan",
        "43/21",
        "Sentralt styringsdokument for steg 2",
        "NILAR innbyggerperspektiv",
        "Forslag til vedtak",
        "Sak i NUIT 24/21",
    ] {
        assert!(text.contains(fact), "the PDF lacks {fact:?}");
    }
    let out = pds(&[
        "--repo", "cases", "render", "pack", "7/2021", "--format", "pdf",
    ]);
    assert_eq!(out.status.code(), Some(2), "pdf needs -o");
}

#[test]
fn without_chromium_pdf_exits_2_naming_what_to_install() {
    let dir = tempfile::tempdir().unwrap();
    let pdf = dir.path().join("x.pdf");
    let out = pds_command(&root())
        .env("PATH", dir.path())
        .args([
            "--repo",
            "cases",
            "render",
            "notice",
            "7/2021",
            "--format",
            "pdf",
            "-o",
            pdf.to_str().unwrap(),
        ])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(
        stderr(&out).contains("install Debian's `chromium`"),
        "{}",
        stderr(&out)
    );
    assert!(!pdf.exists());
}
