//! Changing a record file's values through its YAML tree: the parser's byte
//! spans say where a value stands, only those bytes change, and every other
//! byte (comments, quoting, order, line endings) is kept. Each edit also
//! returns the values the file must hold afterwards, for `verify`.
//!
//! Here the YAML scalar every edit writes; `meeting.rs` adds a meeting
//! to a meetings.yaml, `schedule.rs` numbers a draft.

mod meeting;
mod schedule;

pub use meeting::{add_meeting, NewMeeting};
pub use schedule::{schedule, Scheduled};

use crate::yaml::{self, NodeKind};

/// A YAML scalar for `s` in block context: plain when that reads back as the
/// same text, double-quoted (every control character escaped) otherwise.
pub fn scalar(s: &str) -> String {
    let plain = !s.is_empty()
        && s.trim() == s
        && !s.contains(": ")
        && !s.contains(" #")
        && !s.chars().any(needs_escape)
        && !s.starts_with(|c: char| "-?:,[]{}#&*!|>'\"%@`".contains(c))
        && !s.ends_with(':')
        && yaml::parse(&format!("k: {s}\n")).ok().and_then(|n| {
            n.as_map()
                .and_then(|m| m.first().map(|(_, v)| v.kind.clone()))
        }) == Some(NodeKind::Str(s.to_string()));
    if plain {
        s.to_string()
    } else {
        quoted(s)
    }
}

/// Characters written as escapes in a double-quoted scalar: controls (a
/// line break or escape sequence must never reach the file raw) and what
/// YAML 1.2 does not allow in a stream.
fn needs_escape(c: char) -> bool {
    c.is_control()
        || matches!(
            c,
            '\u{2028}' | '\u{2029}' | '\u{feff}' | '\u{fffe}' | '\u{ffff}'
        )
}

/// `s` as a YAML double-quoted scalar (YAML 1.2 §7.3.1), which can hold any text.
pub fn quoted(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 2);
    out.push('"');
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\t' => out.push_str("\\t"),
            '\r' => out.push_str("\\r"),
            c if needs_escape(c) && u32::from(c) <= 0xff => {
                out.push_str(&format!("\\x{:02x}", u32::from(c)));
            }
            c if needs_escape(c) => out.push_str(&format!("\\u{:04x}", u32::from(c))),
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

/// The column (in bytes) of `offset` on its line, when only spaces stand
/// before it; else 0.
fn column(text: &str, offset: usize) -> usize {
    let before = text.get(..offset).unwrap_or("");
    let line = before.rsplit('\n').next().unwrap_or("");
    if line.bytes().all(|b| b == b' ') {
        line.len()
    } else {
        0
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::load::frontmatter;
    use crate::model::{CaseNumber, Date, MeetingNumber, TimeSpan};
    use crate::write::refusal::Unedited;

    fn meeting() -> NewMeeting {
        NewMeeting {
            number: MeetingNumber::new(3, 2022),
            date: Date::parse("2022-05-01").unwrap(),
            time: TimeSpan::parse("13:00-15:00"),
            place: Some("Rom 1".into()),
            extraordinary: false,
        }
    }

    #[test]
    fn a_file_that_cannot_be_edited_says_why_and_what_to_do() {
        let why = |old: &str| add_meeting(Some(old), &meeting()).unwrap_err();
        assert_eq!(why("a: b\n"), Unedited::NoList);
        assert_eq!(
            why("[{number: 1/2022}\n").to_string(),
            "it does not parse (unclosed bracket '['); run `pds check` and mend it first"
        );
        let draft = |old: &str| {
            schedule(old, CaseNumber::new(1, 22), MeetingNumber::new(3, 2022)).unwrap_err()
        };
        assert_eq!(draft("no front matter\n"), Unedited::NoFrontMatter);
        assert_eq!(draft("---\n- a\n---\n"), Unedited::NotAMapping);
    }

    fn added(old: &str) -> String {
        let (text, values) = add_meeting(Some(old), &meeting()).unwrap();
        let tree = yaml::parse(text.trim_start_matches('\u{feff}')).unwrap();
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
        let fm = frontmatter::split(s.text.trim_start_matches('\u{feff}')).unwrap();
        let tree = yaml::parse(fm.yaml).unwrap();
        assert!(super::super::verify::same(&tree, &s.values), "{}", s.text);
        s.text
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
}
