//! Issue 12, items 1 and 7: the board's words are data. `language: nn`
//! renders every document in Nynorsk; `labels:` in pds.yaml and a record's
//! templates/labels.yaml change single words; `nouns:` name the board, with
//! neutral defaults, so a new board gets none of the first board's words;
//! a risk matrix without a rated risk is one sentence, and every traffic
//! light carries its word beside its colour.

#![expect(clippy::unwrap_used, reason = "a panic is how a test fails")]

mod common;
use common::*;
use std::path::Path;

/// The first board's own words: none may reach another board's documents,
/// nor stand in pds's code or built-in templates.
const FIRST_BOARD: &[&str] = &[
    "programstyre",
    "samhandling",
    "styringsmodell",
    "helsedirektorat",
    "helsenett",
    "e-helse",
    "aunan",
    "styringssignaler fra hod",
];

/// Whole words that are the first board's in capitals only.
const FIRST_BOARD_ACRONYMS: &[&str] = &["HOD", "NHN", "RHF"];

fn first_board_words_in(text: &str) -> Vec<String> {
    let lower = text.to_lowercase();
    let mut found: Vec<String> = FIRST_BOARD
        .iter()
        .filter(|w| lower.contains(*w))
        .map(|w| w.to_string())
        .collect();
    for word in text.split(|c: char| !c.is_alphanumeric()) {
        if FIRST_BOARD_ACRONYMS.contains(&word) {
            found.push(word.to_string());
        }
    }
    found
}

/// The English example, its pds.yaml with `language` and `extra` lines.
fn board(language: &str, extra: &str) -> tempfile::TempDir {
    let rec = Record::copy_of(EN_BOARD).build();
    let path = rec.path().join("pds.yaml");
    let text = std::fs::read_to_string(&path).unwrap();
    let text = text.replace("language: en", &format!("language: {language}"));
    write(rec.path(), "pds.yaml", format!("{text}{extra}"));
    rec
}

fn render(d: &Path, args: &[&str]) -> String {
    let mut all = vec!["render"];
    all.extend_from_slice(args);
    let out = pds_in(d, &all);
    assert_eq!(out.status.code(), Some(0), "{args:?}: {}", stderr(&out));
    stdout(&out)
}

#[test]
fn a_nynorsk_record_renders_notice_case_minutes_and_pack_in_nynorsk() {
    let rec = board("nn", "");
    let d = rec.path();
    let out = pds_in(d, &["check"]);
    assert_eq!(
        out.status.code(),
        Some(0),
        "nn is a language: {}",
        stderr(&out)
    );

    let notice = render(d, &["notice", "2/2022"]);
    for word in [
        "# Møteinnkalling",
        "**Stad**",
        "**Møteleiar**",
        "## Saksliste",
    ] {
        assert!(notice.contains(word), "{word}: {notice}");
    }
    assert!(
        notice.contains("| Saksnummer | Sakstittel | Skildring |"),
        "{notice}"
    );

    let case = render(d, &["case", "6/22"]);
    assert!(case.contains("| **Sakseigar** |"), "{case}");

    let minutes = render(d, &["minutes", "2/2022"]);
    for word in [
        "# Protokoll",
        "**Til stades**",
        "**Forfall**",
        "**Vedtak:**",
    ] {
        assert!(minutes.contains(word), "{word}: {minutes}");
    }

    let pack = render(d, &["pack", "2/2022"]);
    let pack_html = render(d, &["pack", "2/2022", "--format", "html"]);
    assert!(pack_html.contains(r#"<html lang="nn""#), "{pack_html}");
    // Bokmål words that Nynorsk spells otherwise.
    for (doc, text) in [
        ("notice", &notice),
        ("case", &case),
        ("minutes", &minutes),
        ("pack", &pack),
        ("pack html", &pack_html),
    ] {
        for nb in [
            "ikke",
            "Ikke",
            "Til stede",
            "Møteleder",
            "**Sted**",
            "Beskrivelse",
            "Sakseier",
            "Tidligere",
            "Saken er uten",
        ] {
            assert!(!text.contains(nb), "{doc} says the Bokmål {nb:?}:\n{text}");
        }
    }
}

#[test]
fn a_labels_map_in_pds_yaml_changes_one_heading() {
    let rec = board("en", "labels:\n  agenda: Order of business\n");
    let d = rec.path();
    let notice = render(d, &["notice", "2/2022"]);
    assert!(notice.contains("## Order of business"), "{notice}");
    assert!(!notice.contains("## Agenda"), "{notice}");
    // The other words are the built-in ones.
    assert!(notice.contains("# Notice of meeting"), "{notice}");
    assert!(notice.contains("**Chair**"), "{notice}");
}

#[test]
fn a_record_labels_file_overrides_and_pds_yaml_wins_over_it() {
    let rec = board("nb", "labels:\n  chair: Leder\n");
    let d = rec.path();
    write(
        d,
        "templates/labels.yaml",
        "nouns:\n  board: rådet\nlabels:\n  agenda: Saksliste\n  chair: Møteleiar\n",
    );
    let notice = render(d, &["notice", "2/2022"]);
    assert!(notice.contains("## Saksliste"), "{notice}");
    assert!(notice.contains("**Leder**"), "pds.yaml wins: {notice}");
    let overview = render(d, &["overview", "2022"]);
    assert!(
        overview.starts_with("# Oversikt over saker i rådet 2022"),
        "{overview}"
    );
}

#[test]
fn eject_writes_the_labels_of_the_records_language_which_then_override() {
    let rec = board("nn", "");
    let d = rec.path();
    let out = pds_in(d, &["templates", "eject"]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let path = d.join("templates/labels.yaml");
    let text = std::fs::read_to_string(&path).unwrap();
    assert!(text.contains("present: Til stades"), "{text}");
    write(
        d,
        "templates/labels.yaml",
        text.replace("present: Til stades", "present: Møtt"),
    );
    let minutes = render(d, &["minutes", "2/2022"]);
    assert!(minutes.contains("**Møtt**"), "{minutes}");
}

#[test]
fn an_unknown_label_key_is_a_finding_naming_file_and_line_with_did_you_mean() {
    let rec = board(
        "en",
        "labels:\n  agenda: Business\n  agneda: Business\nnouns:\n  bord: the council\n",
    );
    let d = rec.path();
    let lines = std::fs::read_to_string(d.join("pds.yaml"))
        .unwrap()
        .lines()
        .count();
    let out = pds_in(d, &["check"]);
    assert_eq!(out.status.code(), Some(1), "{}", stderr(&out));
    let err = stdout(&out);
    assert!(err.contains("unknown-field"), "{err}");
    assert!(err.contains(&format!("pds.yaml:{}:3", lines - 2)), "{err}");
    assert!(err.contains("did you mean `agenda`?"), "{err}");
    assert!(err.contains(&format!("pds.yaml:{lines}:3")), "{err}");
    assert!(err.contains("did you mean `board`?"), "{err}");

    // In the record's own label file, rendering stops and says where.
    let rec = board("en", "");
    let d = rec.path();
    write(
        d,
        "templates/labels.yaml",
        "labels:\n  agenda: Business\n  notise: Call\n",
    );
    let out = pds_in(d, &["render", "notice", "2/2022"]);
    assert_eq!(out.status.code(), Some(2));
    let err = stderr(&out);
    assert!(err.contains("templates/labels.yaml:3"), "{err}");
    assert!(err.contains("did you mean `notice`?"), "{err}");
}

#[test]
fn a_new_board_gets_neutral_nouns_and_none_of_the_first_boards_words() {
    let rec = board("nb", "");
    let d = rec.path();
    write(d, "status/2022-05-01.yaml", STATUS);
    let overview = render(d, &["overview", "2022"]);
    assert!(
        overview.starts_with("# Oversikt over saker i styret 2022"),
        "{overview}"
    );
    assert!(
        overview.contains("## Oversikt saker styremøter 1. kvartal"),
        "{overview}"
    );
    let status = render(d, &["status", "2022-05-01"]);
    assert!(
        status.contains("styringssignaler fra oppdragsgiver"),
        "{status}"
    );
    let mut all = vec![overview, status];
    for args in [
        &["overview", "2022", "--format", "html"][..],
        &["pack", "2/2022"],
        &["pack", "2/2022", "--format", "html"],
        &["minutes", "2/2022"],
        &["notice", "3/2022"],
        &["case", "6/22"],
        &["status", "2022-05-01", "--format", "html"],
    ] {
        all.push(render(d, args));
    }
    for text in &all {
        let found = first_board_words_in(text);
        assert!(found.is_empty(), "{found:?} in:\n{text}");
    }
    // Its own nouns are used where the first board's stood.
    let rec = board(
        "nb",
        "nouns:\n  board: styringsrådet\n  meetings: rådsmøter\n  principal: departementet\n",
    );
    let d = rec.path();
    write(d, "status/2022-05-01.yaml", STATUS);
    let overview = render(d, &["overview", "2022"]);
    assert!(
        overview.starts_with("# Oversikt over saker i styringsrådet 2022"),
        "{overview}"
    );
    assert!(
        overview.contains("## Oversikt saker rådsmøter 1. kvartal"),
        "{overview}"
    );
    let status = render(d, &["status", "2022-05-01"]);
    assert!(
        status.contains("styringssignaler fra departementet"),
        "{status}"
    );
}

/// What pds carries (its code, not its tests, and its built-in templates)
/// names no particular board.
#[test]
fn no_word_of_the_first_board_in_src_or_the_built_in_templates() {
    fn walk(dir: &Path, out: &mut Vec<std::path::PathBuf>) {
        for e in std::fs::read_dir(dir).unwrap().flatten() {
            let p = e.path();
            if p.is_dir() {
                walk(&p, out);
            } else {
                out.push(p);
            }
        }
    }
    let mut files = Vec::new();
    walk(&root().join("src"), &mut files);
    walk(&root().join("templates"), &mut files);
    assert!(files.len() > 50, "{}", files.len());
    let mut bad = Vec::new();
    for path in files {
        let text = std::fs::read_to_string(&path).unwrap();
        let is_rust = path.extension().is_some_and(|e| e == "rs");
        // Unit tests hold the real record's data as fixtures.
        if is_rust && path.file_name().is_some_and(|n| n == "tests.rs") {
            continue;
        }
        let code = match is_rust {
            true => text.split("#[cfg(test)]").next().unwrap(),
            false => &text,
        };
        for (n, line) in code.lines().enumerate() {
            let found = first_board_words_in(line);
            if !found.is_empty() {
                bad.push(format!("{}:{}: {found:?}", path.display(), n + 1));
            }
        }
    }
    assert!(bad.is_empty(), "{}", bad.join("\n"));
}

const STATUS: &str = "date: 2022-05-01
meeting: 2/2022
title: Step 1
phases:
  - phase: Delivery
    progress: green
    economy: yellow
    quality: red
    risk: green
dependencies: Funding for next year.
";

const RISK_UNRATED: &str = "id: 1
title: Supplier may fail
status: open
new: false
listed: true
measures: []
";

const RISK_RATED: &str = "id: 2
title: Key staff may leave
status: open
new: true
listed: true
probability: 4
consequence: 5
measures: []
";

#[test]
fn a_risk_matrix_without_a_rated_risk_is_one_sentence_in_each_language() {
    for (language, sentence) in [
        ("nb", "Ingen risiko har fått både sannsynlighet og konsekvens, så det er ingen risikomatrise."),
        ("nn", "Ingen risiko har fått både sannsyn og konsekvens, så det er inga risikomatrise."),
        ("en", "No risk has both a probability and a consequence yet, so there is no risk matrix."),
    ] {
        let rec = board(language, "");
        let d = rec.path();
        write(d, "risks/1.yaml", RISK_UNRATED);
        let html = render(d, &["risks", "--format", "html"]);
        assert!(html.contains(sentence), "{language}: {html}");
        assert!(!html.contains("<svg class=\"risk-matrix\""), "{language}: {html}");

        write(d, "risks/2.yaml", RISK_RATED);
        let html = render(d, &["risks", "--format", "html"]);
        assert!(!html.contains(sentence), "{language}: {html}");
        assert!(html.contains("<svg class=\"risk-matrix\""), "{language}: {html}");
    }
}

#[test]
fn the_risk_matrix_says_its_colours_in_words() {
    for (language, words) in [
        ("nb", ["grønn 1–4", "gul 5–12", "rød 15–25"]),
        ("nn", ["grøn 1–4", "gul 5–12", "raud 15–25"]),
        ("en", ["green 1–4", "yellow 5–12", "red 15–25"]),
    ] {
        let rec = board(language, "");
        let d = rec.path();
        write(d, "risks/2.yaml", RISK_RATED);
        let html = render(d, &["risks", "--format", "html"]);
        let caption = html
            .split("<figcaption>")
            .nth(1)
            .and_then(|c| c.split("</figcaption>").next())
            .unwrap_or_else(|| panic!("{language}: no caption: {html}"));
        for word in words {
            assert!(caption.contains(word), "{language}: {word}: {caption}");
        }
    }
}

#[test]
fn every_traffic_light_has_its_word_beside_its_colour_in_markdown_and_html() {
    for (language, [green, yellow, red]) in [
        ("nb", ["grønn", "gul", "rød"]),
        ("nn", ["grøn", "gul", "raud"]),
        ("en", ["green", "yellow", "red"]),
    ] {
        let rec = board(language, "");
        let d = rec.path();
        write(d, "status/2022-05-01.yaml", STATUS);
        let md = render(d, &["status", "2022-05-01"]);
        let row = md.lines().find(|l| l.starts_with("| Delivery |")).unwrap();
        assert_eq!(
            row,
            format!("| Delivery | 🟢 {green} | 🟡 {yellow} | 🔴 {red} | 🟢 {green} |  |"),
            "{language}"
        );
        let html = render(d, &["status", "2022-05-01", "--format", "html"]);
        let row = html
            .lines()
            .find(|l| l.contains("<td>Delivery</td>"))
            .unwrap();
        let cells: Vec<&str> = row.split("<td class=\"light\">").skip(1).collect();
        assert_eq!(cells.len(), 4, "{row}");
        for (cell, word) in cells.iter().zip([green, yellow, red, green]) {
            // The word is text beside the picture, not only its title.
            let after = cell.split("</svg>").nth(1).unwrap();
            assert!(
                after.starts_with(&format!(" {word}</td>")),
                "{language}: {cell}"
            );
            assert!(cell.contains("aria-hidden=\"true\""), "read once: {cell}");
        }
    }
}

fn on_path(tool: &str) -> bool {
    std::process::Command::new("which")
        .arg(tool)
        .output()
        .is_ok_and(|o| o.status.success())
}

/// Without `tool` a test says what it skipped and passes, except in CI
/// (CI=true), where it fails.
fn skip(tool: &str) {
    tool_or_skip(false, tool, "the light words in the PDF");
}

#[test]
fn the_light_words_are_printed_in_the_pdf() {
    let browsers = ["chromium", "chromium-browser", "google-chrome"];
    if !browsers.iter().any(|b| on_path(b)) {
        return skip("chromium");
    }
    if !on_path("pdftotext") {
        return skip("pdftotext (poppler-utils)");
    }
    let rec = board("nn", "");
    let d = rec.path();
    write(d, "status/2022-05-01.yaml", STATUS);
    let pdf = d.join("status.pdf");
    let out = pds_in(
        d,
        &[
            "render",
            "status",
            "2022-05-01",
            "--format",
            "pdf",
            "-o",
            pdf.to_str().unwrap(),
        ],
    );
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let text = std::process::Command::new("pdftotext")
        .args([pdf.to_str().unwrap(), "-"])
        .output()
        .unwrap();
    let text = String::from_utf8_lossy(&text.stdout);
    for word in ["grøn", "gul", "raud", "Framdrift"] {
        assert!(text.contains(word), "{word}: {text}");
    }
}
