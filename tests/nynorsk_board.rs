//! Issue 12, "Done when": a second, complete board year in Nynorsk
//! (`examples/nn-board`, a fictional harbour board) — its own words, four
//! held meetings with attendance, decisions, approved minutes and one
//! cancelled meeting — whose documents match their golden files, and none of
//! whose documents holds a word of the first board (`cases/`) or a Bokmål
//! word of the built-in labels.

mod common;
use common::*;

const REPO: &str = "examples/nn-board";

fn render(args: &[&str], format: &str) -> String {
    let mut all = vec!["--repo", REPO, "render"];
    all.extend_from_slice(args);
    all.extend_from_slice(&["--format", format]);
    let out = pds(&all);
    assert_eq!(out.status.code(), Some(0), "{args:?}: {}", stderr(&out));
    stdout(&out)
}

#[test]
fn the_nynorsk_board_is_clean() {
    let out = pds(&["--repo", REPO, "check", "--deny-warnings"]);
    assert_eq!(out.status.code(), Some(0), "{}", stdout(&out));
    assert!(
        stdout(&out).contains("0 errors, 0 warnings, 0 acknowledged"),
        "{}",
        stdout(&out)
    );
    let out = pds(&["--repo", REPO, "fmt", "--check"]);
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}{}",
        stdout(&out),
        stderr(&out)
    );
}

#[test]
fn documents_of_the_nynorsk_board_match_their_golden_files() {
    let docs: &[(&str, &[&str])] = &[
        ("notice-5-2023", &["notice", "5/2023"]),
        ("notice-4-2023", &["notice", "4/2023"]),
        ("case-03-23", &["case", "3/23"]),
        ("case-11-23", &["case", "11/23"]),
        ("minutes-3-2023", &["minutes", "3/2023"]),
        ("minutes-5-2023", &["minutes", "5/2023"]),
        ("minutes-6-2023", &["minutes", "6/2023"]),
        ("decisions-2023", &["decisions", "2023"]),
        ("overview-2023", &["overview", "2023"]),
        ("pack-3-2023", &["pack", "3/2023"]),
    ];
    for (name, args) in docs {
        for format in ["md", "html"] {
            golden(&format!("nn-board/{name}.{format}"), &render(args, format));
        }
    }
    golden(
        "nn-board/pack-3-2023-public.md",
        &render(&["pack", "3/2023", "--public"], "md"),
    );
    for meeting in ["6/2023", "4/2023"] {
        golden(
            &format!("nn-board/invite-{}.ics", meeting.replace('/', "-")),
            &render(&["invite", meeting], "md"),
        );
    }
}

#[test]
fn the_year_is_recorded_in_nynorsk_with_attendance_decisions_and_a_cancelled_meeting() {
    // An approved meeting: who was there, who had leave and who came instead.
    let md = render(&["minutes", "2/2023"], "md");
    for fact in [
        "# Protokoll",
        "| **Møtestad** | Møterommet på hamnekontoret, Kaivegen 2 |",
        "| **Møteleiar** | Ingrid Haugland, Fjordvik kommune |",
        "| **Til stades** | Ingrid Haugland, Fjordvik kommune<br>Torbjørn Vikane, Fjordvik fiskarlag<br>Magnus Helle, representant for dei tilsette<br>Randi Kvamme, Fjordvik kommune |",
        "| **Forfall** | Solveig Aarvik, Strandøy reiselivslag (vara: Håkon Strand, Strandøy reiselivslag) |",
        "| **Andre til stades** | Liv Nesheim, revisor i Vestland kommunerevisjon (sak 6/23) |",
        "| **Referent** | Hamnekontoret i Fjordvik |",
        "**Vedtak:** Hamnestyret godkjende årsrekneskapen for 2022",
    ] {
        assert!(md.contains(fact), "the minutes of 2/2023 lack {fact:?}:\n{md}");
    }
    assert!(
        !md.contains("Utkast"),
        "approved minutes are no draft:\n{md}"
    );
    // An information case takes the board's own default decision.
    let md = render(&["minutes", "5/2023"], "md");
    assert!(
        md.contains("## 17/23 Tryggleik på kaiområdet\n\n*Orientering*\n\n**Vedtak:** Hamnestyret tok saka til orientering."),
        "{md}"
    );
    // Four meetings held, every one of their cases decided, none missing.
    let md = render(&["decisions", "2023"], "md");
    for meeting in ["1/2023", "2/2023", "3/2023", "5/2023"] {
        assert!(md.contains(&format!("| {meeting} |")), "{meeting}:\n{md}");
    }
    assert_eq!(
        md.lines().filter(|l| l.contains("/23 |")).count(),
        18,
        "{md}"
    );
    assert!(!md.contains("ikkje registrert"), "{md}");
    // The cancelled meeting says so on its notice and in its invitation.
    let md = render(&["notice", "4/2023"], "md");
    assert!(md.starts_with("# Møteinnkalling – AVLYST\n"), "{md}");
    let ics = render(&["invite", "4/2023"], "md");
    assert!(ics.contains("\r\nSTATUS:CANCELLED\r\n"), "{ics}");
    // The meeting ahead: draft minutes, a confirmed invitation.
    let md = render(&["minutes", "6/2023"], "md");
    assert!(md.starts_with("# Protokoll – Utkast\n"), "{md}");
    assert!(md.contains("*Oppmøte ikkje registrert*"), "{md}");
    let ics = render(&["invite", "6/2023"], "md");
    for line in [
        "\r\nSTATUS:CONFIRMED\r\n",
        "\r\nDTSTART;TZID=Europe/Oslo:20231207T090000\r\n",
    ] {
        assert!(ics.contains(line), "{line:?}:\n{ics}");
    }
    let html = render(&["pack", "5/2023"], "html");
    assert!(html.contains(r#"<html lang="nn""#), "{html}");
}

/// Every document pds renders for the Nynorsk board, in every text format.
fn every_document() -> Vec<(String, String)> {
    let meetings = ["1/2023", "2/2023", "3/2023", "4/2023", "5/2023", "6/2023"];
    let mut docs: Vec<Vec<String>> = Vec::new();
    for m in meetings {
        for kind in ["notice", "minutes", "pack"] {
            docs.push(vec![kind.into(), m.into()]);
        }
        docs.push(vec!["pack".into(), m.into(), "--public".into()]);
    }
    for n in 1..=21 {
        docs.push(vec!["case".into(), format!("{n}/23")]);
    }
    for args in [
        &["decisions", "2023"][..],
        &["decisions", "2023", "--public"],
        &["overview", "2023"],
        &["risks"],
        &["status", "2023-06-05"],
    ] {
        docs.push(args.iter().map(|s| s.to_string()).collect());
    }
    let mut out = Vec::new();
    for args in &docs {
        let args: Vec<&str> = args.iter().map(String::as_str).collect();
        for format in ["md", "html"] {
            out.push((format!("{args:?} {format}"), render(&args, format)));
        }
    }
    for m in meetings {
        out.push((format!("invite {m}"), render(&["invite", m], "md")));
    }
    out
}

/// The text a reader sees: an HTML page without its style and its tags.
fn visible_text(doc: &str) -> String {
    let mut text = doc.to_string();
    while let (Some(a), Some(b)) = (text.find("<style"), text.find("</style>")) {
        if b < a {
            break;
        }
        text.replace_range(a..b + "</style>".len(), " ");
    }
    let mut out = String::new();
    let mut in_tag = false;
    for c in text.chars() {
        match c {
            '<' => in_tag = true,
            '>' if in_tag => {
                in_tag = false;
                out.push(' ');
            }
            _ if !in_tag => out.push(c),
            _ => {}
        }
    }
    out
}

/// The words of a text, separated by single spaces, with a space before
/// and after, so that `" til stede "` finds the phrase and not a part of a word.
fn words(text: &str) -> String {
    let joined = text
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .collect::<Vec<_>>()
        .join(" ");
    format!(" {joined} ")
}

#[test]
fn no_document_of_the_nynorsk_board_holds_a_word_of_the_first_board_or_of_bokmal() {
    // The first board's words (`cases/`), ignoring case …
    let first_board = [
        "programstyre",
        "programstyret",
        "programstyremøte",
        "programstyremøter",
        "samhandling",
        "helsedirektoratet",
        "norsk helsenett",
        "nilar",
        "styringsmodell",
        "nasjonal styringsmodell",
        "e helse",
        "saken ble tatt til orientering",
        "program",
    ];
    // … and its abbreviations, as written.
    let first_board_abbreviations = ["HOD", "PDS"];
    // Words of the built-in Bokmål labels (templates/labels/nb.yaml) whose
    // Nynorsk label differs, and common Bokmål forms around them.
    let bokmal = [
        "ikke",
        "til stede",
        "andre til stede",
        "møteleder",
        "sted",
        "agenda",
        "beskrivelse",
        "sakseier",
        "saken er uten underlag",
        "uten",
        "ennå",
        "unntatt offentlighet",
        "fattet",
        "tidligere behandlet",
        "behandlet",
        "ingen møter",
        "avsluttet",
        "følgende",
        "sannsynlighet",
        "fargene",
        "overordnet",
        "hovedleveranser",
        "viktigste",
        "risiki",
        "avhengigheter",
        "hovedfokus",
        "effekter",
        "prosjekter",
        "grønn",
        "rød",
        "aksjonspunkter",
        "ansvarlig",
        "åpen",
        "lukket",
        "fra",
        "foreslått",
        "bekreftet",
        "forslag til vedtak",
        "styremøter",
        "oppdragsgiver",
        "vedtak ikke registrert",
        "oppmøte ikke registrert",
    ];
    let docs = every_document();
    assert!(docs.len() > 100, "{} documents", docs.len());
    for (name, doc) in &docs {
        let text = visible_text(doc);
        let lower = words(&text.to_lowercase());
        for word in first_board.iter().chain(&bokmal) {
            assert!(
                !lower.contains(&format!(" {word} ")),
                "{name} holds {word:?}:\n{doc}"
            );
        }
        let exact = words(&text);
        for word in first_board_abbreviations {
            assert!(
                !exact.contains(&format!(" {word} ")),
                "{name} holds {word:?}:\n{doc}"
            );
        }
    }
}

#[test]
fn the_nynorsk_labels_say_framlegg_til_vedtak() {
    // Nynorsk writes "framlegg til vedtak" where Bokmål writes "forslag";
    // the built-in nn label said "Forslag til vedtak".
    let md = render(&["case", "11/23"], "md");
    assert!(md.contains("## Framlegg til vedtak\n"), "{md}");
    let md = render(&["minutes", "6/2023"], "md");
    assert!(
        md.contains("**Framlegg til vedtak:** Hamnestyret held fem møte i 2024"),
        "{md}"
    );
}

#[test]
fn the_nynorsk_labels_say_avhengigheiter() {
    // "Avhengnader" is no Nynorsk word; the board without its own heading
    // gets the built-in one.
    let config = std::fs::read_to_string(root().join(REPO).join("pds.yaml")).unwrap();
    let (without_labels, _) = config.split_once("\n# Nokre ord").unwrap();
    let rec = Record::copy_of(REPO)
        .file("pds.yaml", format!("{without_labels}\n"))
        .build();
    let out = pds_in(rec.path(), &["render", "status", "2023-06-05"]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let md = stdout(&out);
    assert!(
        md.contains("### Avhengigheiter, behov for tiltak utanfor program eller styringssignal frå kommunestyret\n"),
        "{md}"
    );
}

/// The Nynorsk board with its meetings of 2023 recorded otherwise.
fn with_meetings(meetings: String) -> tempfile::TempDir {
    Record::copy_of(REPO)
        .file("2023/meetings.yaml", meetings)
        .build()
}

fn meetings_2023() -> std::path::PathBuf {
    root().join(REPO).join("2023/meetings.yaml")
}

#[test]
fn minutes_name_no_chair_who_had_leave() {
    // The chair had leave (forfall) from 5/2023, and a substitute met for her:
    // the minutes said "Møteleiar: Ingrid Haugland" all the same.
    let m = std::fs::read_to_string(meetings_2023()).unwrap();
    let rec = with_meetings({
        m.replace(
            "present: [Ingrid Haugland, Solveig Aarvik, Magnus Helle, Randi Kvamme]\n  absent:\n    - { name: Torbjørn Vikane, substitute: \"Oddny Lien, Fjordvik fiskarlag\" }",
            "present: [Torbjørn Vikane, Solveig Aarvik, Magnus Helle, Randi Kvamme]\n  absent:\n    - { name: Ingrid Haugland, substitute: \"Oddny Lien, Fjordvik kommune\" }",
        )
    });
    let out = pds_in(rec.path(), &["check"]);
    assert_eq!(out.status.code(), Some(0), "{}", stdout(&out));
    for format in ["md", "html"] {
        let out = pds_in(
            rec.path(),
            &["render", "minutes", "5/2023", "--format", format],
        );
        assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
        let doc = stdout(&out);
        assert!(
            doc.contains("Ingrid Haugland, Fjordvik kommune (vara: Oddny Lien, Fjordvik kommune)"),
            "{doc}"
        );
        assert!(
            !doc.contains("Møteleiar"),
            "a chair with leave chaired nothing:\n{doc}"
        );
    }
    // Present, the board's chair chairs (the golden minutes say so too).
    let md = render(&["minutes", "5/2023"], "md");
    assert!(
        md.contains("| **Møteleiar** | Ingrid Haugland, Fjordvik kommune |"),
        "{md}"
    );
}

#[test]
fn a_meetings_own_chair_recorded_absent_is_an_invalid_value() {
    let m = std::fs::read_to_string(meetings_2023()).unwrap();
    let rec = with_meetings({
        m.replace(
            "  place: Kommunestyresalen, Fjordvik rådhus\n",
            "  place: Kommunestyresalen, Fjordvik rådhus\n  chair: { name: Randi Kvamme, org: Fjordvik kommune }\n",
        )
        .replace(
            "present: [Ingrid Haugland, Solveig Aarvik, Magnus Helle, Randi Kvamme]\n  absent:\n",
            "present: [Ingrid Haugland, Solveig Aarvik, Magnus Helle]\n  absent:\n    - Randi Kvamme\n",
        )
    });
    let out = pds_in(rec.path(), &["check", "--color", "never"]);
    assert_eq!(out.status.code(), Some(1), "{}", stdout(&out));
    let text = stdout(&out);
    assert!(text.contains("invalid-value"), "{text}");
    assert!(
        text.contains("`Randi Kvamme` chairs meeting 5/2023 (`chair`) but is absent from it"),
        "{text}"
    );
    assert!(
        text.contains("2023/meetings.yaml:"),
        "the file is named:\n{text}"
    );
}

#[test]
fn the_nynorsk_invitations_are_read_by_an_independent_parser() {
    if !tool_or_skip(
        python_has("icalendar"),
        "python3 with icalendar",
        "the invitation was not read by an independent parser",
    ) {
        return;
    }
    let script = r#"
import sys, icalendar
cal = icalendar.Calendar.from_ical(sys.stdin.buffer.read())
e = cal.walk("VEVENT")[0]
print(e.get("STATUS"), e.get("SUMMARY"), e.get("DTSTART").dt.isoformat(), e.get("DTEND").dt.isoformat(), str(e.get("ORGANIZER")), sep="\n")
"#;
    for (meeting, expected) in [
        (
            "6/2023",
            "CONFIRMED\nHamnestyret i Fjordvik hamn KF – Møte 6/2023\n2023-12-07T09:00:00+01:00\n2023-12-07T12:00:00+01:00\nmailto:ingrid.haugland@fjordvik.example\n",
        ),
        (
            "4/2023",
            "CANCELLED\nHamnestyret i Fjordvik hamn KF – Møte 4/2023\n2023-09-14T09:00:00+02:00\n2023-09-14T12:00:00+02:00\nmailto:ingrid.haugland@fjordvik.example\n",
        ),
    ] {
        let ics = render(&["invite", meeting], "md");
        use std::io::Write;
        let mut child = std::process::Command::new("python3")
            .args(["-c", script])
            .stdin(std::process::Stdio::piped())
            .stdout(std::process::Stdio::piped())
            .stderr(std::process::Stdio::piped())
            .spawn()
            .unwrap();
        child.stdin.take().unwrap().write_all(ics.as_bytes()).unwrap();
        let out = child.wait_with_output().unwrap();
        assert!(
            out.status.success(),
            "icalendar refused {meeting}:\n{ics}\n{}",
            String::from_utf8_lossy(&out.stderr)
        );
        assert_eq!(String::from_utf8(out.stdout).unwrap(), expected, "{ics}");
    }
}

#[test]
fn a_meeting_without_cases_has_no_empty_agenda() {
    // 4/2023 was cancelled and its cases moved on: the notice printed the
    // heading "Saksliste" over an empty table, the invitation "Saksliste:"
    // over nothing.
    for format in ["md", "html"] {
        let doc = render(&["notice", "4/2023"], format);
        assert!(doc.contains("AVLYST"), "{doc}");
        assert!(!doc.contains("Saksliste"), "{format}:\n{doc}");
        assert!(!doc.contains("Saksnummer"), "{format}:\n{doc}");
        let doc = render(&["notice", "5/2023"], format);
        assert!(doc.contains("Saksliste"), "{format}:\n{doc}");
    }
    let ics = render(&["invite", "4/2023"], "md");
    assert!(!ics.contains("Saksliste"), "{ics}");
    let ics = render(&["invite", "5/2023"], "md");
    assert!(
        ics.contains("\\n\\nSaksliste:\\n14/23 Godkjenning"),
        "{ics}"
    );
}

#[test]
fn a_case_names_the_earlier_case_it_continues() {
    // 11/23 continues 7/23 (`previous`); the case document said nothing of it,
    // and the label "Tidlegare handsama" was printed nowhere.
    let md = render(&["case", "11/23"], "md");
    assert!(md.contains("| **Tidlegare handsama** | 7/23 |\n"), "{md}");
    let html = render(&["case", "11/23"], "html");
    assert!(
        html.contains(r#"<th scope="row">Tidlegare handsama</th><td>7/23</td>"#),
        "{html}"
    );
    let md = render(&["case", "3/23"], "md");
    assert!(!md.contains("Tidlegare handsama"), "{md}");
}
