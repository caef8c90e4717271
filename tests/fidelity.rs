//! The real record says what the source document says, no more (issue 12,
//! item 8). Each fact below is a line of the source
//! (the 7/2021 pack as text; see docs/fidelity.md) that `cases/` renders, or an
//! invention it no longer renders; the means behind them (`agenda_note`,
//! `tie_order`, an untyped Eventuelt, a timeline without bars, the risk
//! register's own heading) are tested on small records too. The table of
//! facts, source lines and tests is `docs/fidelity.md`.
#![expect(
    clippy::panic,
    clippy::unwrap_used,
    reason = "a panic is how a test fails"
)]

mod common;
use common::*;

fn render(args: &[&str], format: &str) -> String {
    let mut all = vec!["--repo", "cases", "render"];
    all.extend_from_slice(args);
    all.extend_from_slice(&["--format", format]);
    let out = pds(&all);
    assert_eq!(out.status.code(), Some(0), "{args:?}: {}", stderr(&out));
    stdout(&out)
}

/// The pack as Markdown, with the renderer's Markdown escapes undone.
fn pack_md() -> String {
    render(&["pack", "7/2021"], "md")
        .replace("\\#", "#")
        .replace("\\*", "*")
        .replace("\\|", "|")
}

fn pack_html() -> String {
    render(&["pack", "7/2021"], "html")
        .replace("&amp;", "&")
        .replace("&quot;", "\"")
        .replace("&#39;", "'")
}

/// Where `what` is in `text`, or a failure naming it.
fn at(text: &str, what: &str) -> usize {
    text.find(what)
        .unwrap_or_else(|| panic!("{what:?} is missing from:\n{text}"))
}

fn in_order(text: &str, phrases: &[&str]) {
    let mut from = 0;
    for phrase in phrases {
        let Some(i) = text[from..].find(phrase) else {
            panic!(
                "{phrase:?} is {}",
                if text.contains(phrase) {
                    "out of the source's order"
                } else {
                    "missing"
                }
            );
        };
        from += i + phrase.len();
    }
}

// ---- Facts the source has, which the pack now renders ----

#[test]
fn the_45_21_agenda_row_names_norsk_helsenett_sf_under_the_title_as_the_source_does() {
    // Source lines 137-139: "45/21 NILAR innbyggerperspektiv" / "Norsk Helsenett SF",
    // in the title cell before the description.
    let md = render(&["notice", "7/2021"], "md");
    assert!(
        md.contains("| 45/21 | NILAR innbyggerperspektiv<br>Norsk Helsenett SF | Tilslutning til leveranseplan for innbyggerperspektivet i NILAR |"),
        "{md}"
    );
    let html = render(&["notice", "7/2021"], "html");
    assert!(
        html.contains(
            "<td>NILAR innbyggerperspektiv<br><span class=\"agenda-note\">Norsk Helsenett SF</span></td>"
        ),
        "{html}"
    );
}

#[test]
fn the_pack_holds_the_added_facts_in_the_sources_order() {
    let phrases = [
        // 139
        "NILAR innbyggerperspektiv<br>Norsk Helsenett SF",
        // 197
        "Status | PDS Steg 1 - totalen",
        // 255
        "Prognose for 2021 tilsier et underforbruk på 93 mill. kroner",
        // 259, then 348 (the risk page's first sentence), then its table (379 ff.)
        "Programrisiko pr 2.6",
        "Oversikten i tabellen til høyre omfatter de mest kritiske risikoene i programmet med nærhet i tid.",
        "Uklare rolle- og ansvarsforhold kan gi ineffektiv samarbeid",
        // 573-584: the two 5/21 in the source's order
        "| 5/21* | Drøfting | Plan for prosjektene Tillitstjenester, API og Grunndata",
        "| 5/21* | Drøfting | Kommunikasjonsstrategi |",
        // 1718-1720: 46/21's own heading
        "# 46-21 Drifts- og forvaltningskostnader som følge av leveranser fra program digital samhandling\n",
    ];
    in_order(&pack_md(), &phrases);
    let html = pack_html();
    in_order(
        &html,
        &[
            "<h2>Status | PDS Steg 1 - totalen",
            "<h2>Programrisiko pr 2.6</h2>",
            "<p class=\"intro\">Oversikten i tabellen til høyre omfatter de mest kritiske risikoene i programmet med nærhet i tid.</p>",
            "Plan for prosjektene Tillitstjenester",
            "Kommunikasjonsstrategi",
            "<h1>Drifts- og forvaltningskostnader som følge av leveranser fra program digital samhandling</h1>",
        ],
    );
}

#[test]
fn the_46_21_document_keeps_its_short_name_on_the_agenda_and_its_full_title_as_heading() {
    // Source 153-157 (title) and 173-179 (Saksdokument), 1718-1720 (heading).
    let notice = render(&["notice", "7/2021"], "md");
    assert!(notice.contains("| 46/21 | Drifts- og forvaltningskostnader som følge av leveranser fra program digital samhandling |"));
    assert!(notice
        .contains("| 46-21 Drifts- og forvaltningskostnader som følge av leveranser fra PDS |"));
    let case = render(&["case", "46/21"], "md");
    assert!(
        case.starts_with("# 46-21 Drifts- og forvaltningskostnader som følge av leveranser fra program digital samhandling\n"),
        "{case}"
    );
    let html = render(&["case", "46/21"], "html");
    assert!(html.contains("<title>46-21 Drifts- og forvaltningskostnader som følge av leveranser fra program digital samhandling</title>"));
}

#[test]
fn every_quarter_with_starred_rows_shows_the_numbering_note_under_them() {
    // Source 590: the note; the starred rows are 5/21 and 9/21 (Q1) and 22/21 (Q2).
    let md = render(&["overview", "2021"], "md").replace("\\*", "*");
    let note = "* Det har beklageligvis oppstått sekvensfeil i saksnummerrekken";
    let q = |n: u8| {
        at(
            &md,
            &format!("## Oversikt saker programstyremøter {n}. kvartal"),
        )
    };
    let notes: Vec<usize> = md.match_indices(note).map(|(i, _)| i).collect();
    assert_eq!(notes.len(), 2, "once in Q1 and once in Q2:\n{md}");
    assert!(q(1) < at(&md, "| 9/21*") && at(&md, "| 9/21*") < notes[0] && notes[0] < q(2));
    let last_22 = md.rfind("| 22/21*").unwrap();
    assert!(
        q(2) < last_22 && last_22 < notes[1] && notes[1] < q(3),
        "{md}"
    );
    let html = render(&["overview", "2021"], "html");
    assert_eq!(
        html.matches("Det har beklageligvis oppstått sekvensfeil")
            .count(),
        2
    );
}

// ---- Inventions the record no longer holds ----

#[test]
fn eventuelt_has_no_case_type_anywhere_as_in_the_source() {
    // Source 185, 588, 623, 648, 673, 758, 798: "nn/21 Eventuelt" with no type.
    let notice = render(&["notice", "7/2021"], "md");
    assert!(
        notice.contains("| 47/21 | Eventuelt |  |  |  |"),
        "{notice}"
    );
    let overview = render(&["overview", "2021"], "md");
    for n in [7, 16, 22, 27, 33, 40, 47] {
        let row = overview
            .lines()
            .find(|l| l.starts_with(&format!("| {n}/21")) && l.contains("Eventuelt"))
            .unwrap_or_else(|| panic!("{n}/21 Eventuelt missing"));
        assert!(row.contains(" |  | Eventuelt |"), "{row}");
    }
    let minutes = render(&["minutes", "7/2021"], "md");
    let eventuelt = &minutes[at(&minutes, "## 47/21 Eventuelt")..];
    assert!(!eventuelt.contains("Orientering") && !eventuelt.contains("**\n"));
    let invite = render(&["invite", "7/2021"], "md").replace("\r\n ", "");
    assert!(invite.contains("47/21 Eventuelt\r\n"), "{invite}");
    let check = pds(&["--repo", "cases", "check"]);
    assert_eq!(check.status.code(), Some(0), "{}", stdout(&check));
}

#[test]
fn the_owners_the_source_does_not_give_are_not_rendered() {
    // Source 948-964 (43/21) and 1765-1779 (46/21) have no Sakseier; 1513-1531
    // (45/21) has the field, empty.
    for case in ["43/21", "45/21", "46/21"] {
        let md = render(&["case", case], "md");
        assert!(md.contains("| **Sakseier** |  |"), "{case}:\n{md}");
    }
    let pack = pack_md();
    for invented in [
        "| **Sakseier** | Forprosjekt steg 2 |",
        "| **Sakseier** | Norsk Helsenett SF |",
        "| **Sakseier** | Program digital samhandling |",
    ] {
        assert!(!pack.contains(invented), "{invented}");
    }
}

#[test]
fn the_deliverables_have_no_bars_the_source_does_not_give() {
    // Source 227-235: the grid "2021 I 2022 I 2023 I 2024" and three names, no bars.
    let md = render(&["status", "2021-11-24"], "md");
    for name in ["Forprosjekt steg 2", "NILAR", "TAG"] {
        assert!(md.contains(&format!("| {name} |  |  |  |  |")), "{md}");
    }
    assert!(!md.contains('■'));
    let html = render(&["status", "2021-11-24"], "html");
    let timeline = &html[at(&html, "<svg class=\"timeline\"")..];
    let timeline = &timeline[..at(timeline, "</svg>")];
    assert!(timeline.contains(">TAG</text>"));
    assert!(!timeline.contains("<rect"), "{timeline}");
}

#[test]
fn meeting_8_2021_is_proposed_not_planned() {
    // Source 1457: "foreslås det et ekstraordinært programstyremøte 16. desember".
    let out = pds(&["--repo", "cases", "list", "meetings"]);
    let row = stdout(&out)
        .lines()
        .find(|l| l.starts_with("8/2021"))
        .map(String::from)
        .unwrap_or_default();
    assert!(row.contains("proposed"), "{row}");
    let invite = render(&["invite", "8/2021"], "md");
    assert!(invite.contains("STATUS:TENTATIVE"), "{invite}");
}

#[test]
fn the_box_labels_of_figur_2_stand_with_figur_2() {
    // Source 1232-1239 (Figur 2, the program's breakdown) and 1271-1281 (its
    // boxes, which the text layer printed before Figur 3's caption).
    let md = render(&["case", "43/21"], "md");
    let boxes = at(&md, "- Program digital samhandling\n- Programledelse og adm.\n- Dokumentdeling\n- Kritisk informasjon\n- Digital hjemmeoppfølging\n- Forprosjekt steg 3\n");
    assert!(at(&md, "som vist i Figur 2 nedenfor.") < boxes);
    assert!(boxes < at(&md, "*Figur 2 Overordnet prosjektnedbrytingsstruktur"));
    assert_eq!(md.matches("- Programledelse og adm.").count(), 1);
}

// ---- The means, on small records ----

const TIED: &str = "acknowledged:\n  - finding: duplicate-case\n    number: 3/22\n    note: Two cases got number 3/22.\n";

/// The English example with a second 3/22 on meeting 1/2022; `budget` and
/// `audit` are the front matter lines each case adds.
fn tied(budget: &str, audit: &str) -> tempfile::TempDir {
    let board = std::fs::read_to_string(root().join(EN_BOARD).join("pds.yaml")).unwrap();
    Record::copy_of(EN_BOARD)
        .file("pds.yaml", format!("{board}{TIED}"))
        .file(
            "2022/03-22-budget-2022.md",
            format!("---\nnumber: 3/22\nmeeting: 1/2022\ntitle: Budget 2022\ntype: Decision\n{budget}status: decided\n---\n"),
        )
        .file(
            "2022/03-22-audit-plan.md",
            format!("---\nnumber: 3/22\nmeeting: 1/2022\ntitle: Audit plan\ntype: Information\n{audit}status: decided\n---\n"),
        )
        .build()
}

/// Budget's and audit plan's places in every listing of the record.
fn places(dir: &std::path::Path) -> Vec<(String, bool)> {
    let run = |args: &[&str]| {
        let out = pds_in(dir, args);
        assert_eq!(
            out.status.code(),
            Some(0),
            "{args:?}: {}{}",
            stdout(&out),
            stderr(&out)
        );
        stdout(&out)
    };
    let texts = [
        ("check", run(&["check", "--color", "never"])),
        (
            "notice",
            run(&["render", "notice", "1/2022", "--format", "md"]),
        ),
        (
            "overview",
            run(&["render", "overview", "2022", "--format", "md"]),
        ),
        (
            "minutes",
            run(&["render", "minutes", "1/2022", "--format", "md"]),
        ),
        ("list", run(&["list", "cases"])),
    ];
    texts
        .into_iter()
        .map(|(what, text)| {
            let (budget, audit) = if what == "check" {
                // The first of the tied cases is where "first used here" points.
                let first = &text[at(&text, "first used here")..];
                let place = |name: &str| first.find(name).unwrap_or(usize::MAX);
                (place("03-22-budget-2022.md"), place("03-22-audit-plan.md"))
            } else {
                (at(&text, "Budget 2022"), at(&text, "Audit plan"))
            };
            (what.to_string(), budget < audit)
        })
        .collect()
}

#[test]
fn tie_order_puts_tied_cases_in_the_stated_order_everywhere_in_both_orders() {
    // Without tie_order the file names decide: audit-plan before budget-2022.
    for (budget, audit, budget_first) in [
        ("tie_order: 1\n", "tie_order: 2\n", true),
        ("tie_order: 2\n", "tie_order: 1\n", false),
        ("tie_order: 1\n", "", true),
        ("", "", false),
    ] {
        let dir = tied(budget, audit);
        for (what, first) in places(dir.path()) {
            assert_eq!(
                first, budget_first,
                "{what}: budget first with {budget:?} / {audit:?}"
            );
        }
    }
}

#[test]
fn tie_order_must_be_a_positive_whole_number() {
    let dir = tied("tie_order: first\n", "");
    let out = pds_in(dir.path(), &["check", "--color", "never"]);
    assert_eq!(out.status.code(), Some(1));
    let text = stdout(&out);
    assert!(
        text.contains("tie_order must be a whole number from 1 to 1000000")
            && text.contains("03-22-budget-2022.md:6:12"),
        "{text}"
    );
}

#[test]
fn only_the_closing_standing_item_may_go_without_a_type() {
    let record = Record::copy_of(EN_BOARD)
        .file(
            "2022/04-22-any-other-business.md",
            "---\nnumber: 4/22\nmeeting: 1/2022\ntitle: Any other business\nstatus: decided\n---\n",
        )
        .build();
    let out = pds_in(record.path(), &["check", "--color", "never"]);
    assert_eq!(out.status.code(), Some(0), "{}", stdout(&out));
    let notice = pds_in(
        record.path(),
        &["render", "notice", "1/2022", "--format", "md"],
    );
    assert!(
        stdout(&notice).contains("| 4/22 | Any other business |  |  |  |"),
        "{}",
        stdout(&notice)
    );
    // Any other case still needs one, with the types to choose from.
    let record = Record::copy_of(EN_BOARD)
        .file(
            "2022/03-22-budget-2022.md",
            "---\nnumber: 3/22\nmeeting: 1/2022\ntitle: Budget 2022\nstatus: decided\n---\n",
        )
        .build();
    let out = pds_in(record.path(), &["check", "--color", "never"]);
    assert_eq!(out.status.code(), Some(1));
    let text = stdout(&out);
    assert!(
        text.contains("this case has no `type` (or `parts`)"),
        "{text}"
    );
    assert!(text.contains("03-22-budget-2022.md:2:1"), "{text}");
    assert!(
        text.contains("one of: Approval, Information, Discussion, Decision"),
        "{text}"
    );
}

#[test]
fn a_timeline_bar_needs_both_days_or_neither() {
    let status = |rows: &str| {
        format!("date: 2022-05-01\ntitle: Status\ntimeline:\n  from: 2022\n  to: 2023\n  projects:\n{rows}")
    };
    let record = Record::copy_of(EN_BOARD)
        .file(
            "status/2022-05-01.yaml",
            status("    - name: Portal\n    - name: Records\n      from: 2022-03-01\n      to: 2023-06-30\n"),
        )
        .build();
    let out = pds_in(
        record.path(),
        &["render", "status", "2022-05-01", "--format", "md"],
    );
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let md = stdout(&out);
    assert!(
        md.contains("| Portal |  |  |") && md.contains("| Records | ■ | ■ |"),
        "{md}"
    );
    let record = Record::copy_of(EN_BOARD)
        .file(
            "status/2022-05-01.yaml",
            status("    - name: Portal\n      from: 2022-03-01\n"),
        )
        .build();
    let out = pds_in(record.path(), &["check", "--color", "never"]);
    assert_eq!(out.status.code(), Some(1));
    let text = stdout(&out);
    assert!(
        text.contains("a timeline bar needs both `from` and `to`"),
        "{text}"
    );
    assert!(text.contains("status/2022-05-01.yaml"), "{text}");
}

#[test]
fn the_risk_register_takes_its_heading_and_first_sentence_from_the_case_document() {
    let record = Record::copy_of(EN_BOARD)
        .file(
            "risks/1.yaml",
            "id: 1\ntitle: Supplier fails\nmeasures:\n  - text: Second supplier\n",
        )
        .file(
            "2022/02-22-programme-status.md",
            "---\nnumber: 2/22\nmeeting: 1/2022\ntitle: Programme status\ntype: Information\nstatus: decided\n---\n{{ risks(title=\"Programme risk, as of 2 June\", intro=\"The table lists the risks nearest in time, most critical first.\") }}\n",
        )
        .build();
    let out = pds_in(record.path(), &["render", "case", "2/22", "--format", "md"]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let md = stdout(&out);
    in_order(
        &md,
        &[
            "## Programme risk, as of 2 June\n",
            "The table lists the risks nearest in time, most critical first.",
            "Supplier fails",
        ],
    );
    // Without arguments the register keeps the board's word for it.
    let out = pds_in(record.path(), &["render", "risks", "--format", "md"]);
    assert!(stdout(&out).starts_with("# Risks\n"), "{}", stdout(&out));
}

#[test]
fn a_closing_standing_item_is_scheduled_without_a_type_and_checks_clean() {
    let record = Record::copy_of(EN_BOARD)
        .file(
            "drafts/aob.md",
            "---\ntitle: Any other business\nstatus: draft\n---\n",
        )
        .file(
            "drafts/budget.md",
            "---\ntitle: Budget 2023\nstatus: draft\n---\n",
        )
        .build();
    let d = record.path();
    let out = pds_in(d, &["schedule", "aob", "--meeting", "3/2022"]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert_eq!(stdout(&out), "13/22 2022/13-22-aob.md\n");
    // Any other draft still needs its type.
    let out = pds_in(d, &["schedule", "budget", "--meeting", "3/2022"]);
    assert_eq!(out.status.code(), Some(2), "{}", stdout(&out));
    assert!(stderr(&out).contains("has no `type`"), "{}", stderr(&out));
    let check = pds_in(d, &["check", "--color", "never"]);
    let text = stdout(&check);
    assert!(!text.contains("13-22-aob.md"), "{text}");
}

#[test]
fn a_blank_title_or_intro_of_the_risk_register_falls_back_to_the_default() {
    let record = Record::copy_of(EN_BOARD)
        .file("risks/1.yaml", "id: 1\ntitle: Supplier fails\n")
        .file(
            "2022/02-22-programme-status.md",
            "---\nnumber: 2/22\nmeeting: 1/2022\ntitle: Programme status\ntype: Information\nstatus: decided\n---\n{{ risks(title=\" \", intro=\"\") }}\n",
        )
        .build();
    let out = pds_in(record.path(), &["render", "case", "2/22", "--format", "md"]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let md = stdout(&out);
    assert!(md.contains("## Risks\n\n| "), "{md}");
}
