//! Edits on texts of every shape: what changes, and that nothing else does.

use super::*;
use crate::diag::split_bom;
use crate::load::frontmatter;
use crate::model::{CaseNumber, Date, MeetingNumber, TimeSpan};
use crate::write::refusal::Unedited;
use crate::yaml::{self, NodeKind};

fn meeting() -> NewMeeting {
    NewMeeting {
        number: MeetingNumber::new(3, 2022),
        date: Date::parse("2022-05-01").unwrap(),
        time: TimeSpan::parse("13:00-15:00"),
        place: Some("Rom 1".into()),
        extraordinary: false,
    }
}

fn added(old: &str) -> String {
    let (text, values) = add_meeting(Some(old), &meeting()).unwrap();
    let tree = yaml::parse(split_bom(&text).1).unwrap();
    assert!(super::super::verify::same(&tree, &values), "{text}");
    text
}

#[test]
fn a_meeting_is_added_to_lists_of_every_style() {
    let entry = "- number: 3/2022\n  date: 2022-05-01\n  time: \"13:00-15:00\"\n  place: Rom 1\n  status: planned\n";
    assert_eq!(
        added("# M\n- number: 1/2022\n  date: 2022-01-01\n"),
        format!("# M\n- number: 1/2022\n  date: 2022-01-01\n{entry}")
    );
    let indented = added("  - number: 1/2022\n    date: 2022-01-01\n# end\n");
    assert!(indented.ends_with("# end\n  - number: 3/2022\n    date: 2022-05-01\n    time: \"13:00-15:00\"\n    place: Rom 1\n    status: planned\n"), "{indented}");
    assert_eq!(
        added("- number: 1/2022\n  date: 2022-01-01\n...\n"),
        format!("- number: 1/2022\n  date: 2022-01-01\n{entry}...\n")
    );
    assert_eq!(
            added("[]\n"),
            "[{number: 3/2022, date: 2022-05-01, time: \"13:00-15:00\", place: \"Rom 1\", status: planned}]\n"
        );
    assert_eq!(
            added("[{number: 1/2022, date: 2022-01-01}, ] # c ]\n"),
            "[{number: 1/2022, date: 2022-01-01}, {number: 3/2022, date: 2022-05-01, time: \"13:00-15:00\", place: \"Rom 1\", status: planned}] # c ]\n"
        );
    assert_eq!(added("~\n"), format!("{}\n", entry.trim_end()));
    assert_eq!(added("# nothing yet\n"), format!("# nothing yet\n{entry}"));
    assert_eq!(added(""), entry);
    added("- number: 1/2022\r\n  date: 2022-01-01");
    added("\u{feff}--- []");
}

#[test]
fn control_characters_are_escaped_never_written_raw() {
    for s in [
        "a\nb",
        "a\rb",
        "\u{1b}[31mred",
        "tab\there",
        "nel\u{85}",
        "ls\u{2028}",
        "del\u{7f}",
    ] {
        let q = scalar(s);
        assert!(!q.chars().any(needs_escape), "{q:?}");
        let node = yaml::parse(&format!("k: {q}\n")).unwrap();
        assert_eq!(
            node.as_map().unwrap()[0].1.kind,
            NodeKind::Str(s.into()),
            "{q}"
        );
    }
    assert_eq!(scalar("Budsjett 2022"), "Budsjett 2022");
    assert_eq!(scalar("NILAR: revidert plan"), "\"NILAR: revidert plan\"");
    assert_eq!(scalar("2021"), "\"2021\"");
    assert_eq!(scalar("no"), "no");
    assert_eq!(scalar("- liste"), "\"- liste\"");
    assert_eq!(scalar("si \"hei\""), "si \"hei\"");
    assert_eq!(scalar("#1 sak"), "\"#1 sak\"");
}

fn scheduled(draft: &str) -> String {
    let s = schedule(draft, CaseNumber::new(48, 21), MeetingNumber::new(8, 2021)).unwrap();
    let fm = frontmatter::split(split_bom(&s.text).1).unwrap();
    let tree = yaml::parse(fm.yaml).unwrap();
    assert!(super::super::verify::same(&tree, &s.values), "{}", s.text);
    s.text
}

fn scheduled_with(draft: &str, set: &[(&str, &str)]) -> String {
    let s = schedule_with(
        draft,
        CaseNumber::new(48, 21),
        MeetingNumber::new(8, 2021),
        set,
    )
    .unwrap();
    let fm = frontmatter::split(split_bom(&s.text).1).unwrap();
    let tree = yaml::parse(fm.yaml).unwrap();
    assert!(super::super::verify::same(&tree, &s.values), "{}", s.text);
    s.text
}

#[test]
fn scheduling_sets_type_and_title_quoted_as_their_style_needs() {
    let set = [("type", "Beslutning"), ("title", "A, B: [c]")];
    assert_eq!(
        scheduled_with("---\ntitle: T # k\nstatus: draft\n---\nTekst\n", &set),
        "---\nnumber: 48/21\nmeeting: 8/2021\ntype: Beslutning\ntitle: \"A, B: [c]\" # k\nstatus: ready\n---\nTekst\n"
    );
    assert_eq!(
        scheduled_with(
            "---\n{title: T, status: draft}\n---\n",
            &[("title", "A, B")]
        ),
        "---\n{number: 48/21, meeting: 8/2021, title: \"A, B\", status: ready}\n---\n"
    );
    assert_eq!(
        scheduled_with(
            "---\ntitle: T\ntype: Drøfting\n---\n",
            &[("type", "Orientering")]
        ),
        "---\nnumber: 48/21\nmeeting: 8/2021\ntitle: T\ntype: Orientering\n---\n"
    );
}

#[test]
fn scheduling_edits_values_and_keeps_every_other_byte() {
    assert_eq!(
            scheduled("---\ntitle: Strategi # kommentar\nstatus: draft\ntype: Drøfting\n---\nTekst\n"),
            "---\nnumber: 48/21\nmeeting: 8/2021\ntitle: Strategi # kommentar\nstatus: ready\ntype: Drøfting\n---\nTekst\n"
        );
    assert_eq!(
        scheduled("---\r\ntitle: T\r\nmeeting: 1/2021\r\n---\r\n"),
        "---\r\nnumber: 48/21\r\ntitle: T\r\nmeeting: 8/2021\r\n---\r\n"
    );
    assert_eq!(
        scheduled("---\ntitle: T\nstatus: \"draft\"\n---\n"),
        "---\nnumber: 48/21\nmeeting: 8/2021\ntitle: T\nstatus: ready\n---\n"
    );
    assert_eq!(
        scheduled("---\n\"title\": T\nstatus: draft # note\nnumber:\n---\n"),
        "---\nmeeting: 8/2021\n\"title\": T\nstatus: ready # note\nnumber: 48/21\n---\n"
    );
    assert_eq!(
        scheduled("---\n{title: X, status: draft, type: Y}\n---\nBody\n"),
        "---\n{number: 48/21, meeting: 8/2021, title: X, status: ready, type: Y}\n---\nBody\n"
    );
    assert_eq!(
        scheduled("---\n{title: X, number, type: Y, status: draft}\n---\n"),
        "---\n{meeting: 8/2021, title: X, number: 48/21, type: Y, status: ready}\n---\n"
    );
    assert_eq!(
        scheduled("---\ntitle: T\nnumber: ~\nmeeting:   # later\n---\n"),
        "---\ntitle: T\nnumber: 48/21\nmeeting: 8/2021   # later\n---\n"
    );
    assert_eq!(
        scheduled("---\n  title: T\n  status: draft\n---\n"),
        "---\n  number: 48/21\n  meeting: 8/2021\n  title: T\n  status: ready\n---\n"
    );
}

#[test]
fn a_file_that_cannot_be_edited_says_why_and_what_to_do() {
    let why = |old: &str| add_meeting(Some(old), &meeting()).unwrap_err();
    assert_eq!(why("a: b\n"), Unedited::NoList);
    assert_eq!(
        why("[{number: 1/2022}\n").to_string(),
        "it does not parse (unclosed bracket '['); run `pds check` and mend it first"
    );
    let draft =
        |old: &str| schedule(old, CaseNumber::new(1, 22), MeetingNumber::new(3, 2022)).unwrap_err();
    assert_eq!(draft("no front matter\n"), Unedited::NoFrontMatter);
    assert_eq!(draft("---\n- a\n---\n"), Unedited::NotAMapping);
}
