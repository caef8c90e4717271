//! No YAML value can change the shape of an output: a line break in a name
//! never starts a new iCalendar content line or a Markdown block, and body
//! HTML never takes over the page's own classes and anchors or loads
//! anything from outside the document.
#![expect(clippy::unwrap_used, reason = "a panic is how a test fails")]

mod common;
use common::*;
use std::path::Path;

fn run(root: &Path, args: &[&str]) -> String {
    let mut all = vec!["--repo", root.to_str().unwrap()];
    all.extend_from_slice(args);
    let out = pds(&all);
    assert_eq!(out.status.code(), Some(0), "{args:?}: {}", stderr(&out));
    stdout(&out)
}

/// A record whose names, place and titles carry CR, LF and other control
/// characters followed by what would be a new line of the output.
fn hostile_names() -> Record {
    Record::new()
        .file(
            "pds.yaml",
            "board: \"Styret\\rX-EVIL:board\"\nchair: { name: \"Leder\\nORGANIZER:evil\", org: Org }\nmembers:\n  - { name: \"Ola\\r\\nATTENDEE:mailto:evil@example.com\", org: \"Org \\\"A\\\"\", email: ola@example.com }\n  - { name: \"Kari\\u0085ATTENDEE:nel\\u000bX\", org: \"B;C\", email: kari@example.com }\n",
        )
        .file(
            "2021/meetings.yaml",
            "- number: 1/2021\n  date: 2021-03-01\n  time: \"10:00-12:00\"\n  place: \"Rom 1\\rLOCATION:evil\\nBEGIN:VALARM\"\n",
        )
        .file(
            "2021/01-21-sak.md",
            "---\nnumber: 1/21\nmeeting: 1/2021\ntitle: \"Tittel\\r# injected-heading\\r\\n> injected-quote\\n- injected-item\\rSUMMARY:evil, a; b\"\ntype: Orientering\ndescription: \"Linje\\r# injected-description\"\nowner: \"Eier\\r1. injected-list\"\ndocument: \"Dok\\r<div>injected-html</div>\"\n---\nTekst.\n",
        )
}

/// Content lines of an .ics: split on CRLF, continuation lines joined.
fn unfold(ics: &str) -> Vec<String> {
    let mut lines: Vec<String> = Vec::new();
    for line in ics.trim_end_matches("\r\n").split("\r\n") {
        match line.strip_prefix(' ') {
            Some(rest) => lines.last_mut().unwrap().push_str(rest),
            None => lines.push(line.to_string()),
        }
    }
    lines
}

#[test]
fn line_breaks_in_values_never_start_an_icalendar_content_line() {
    let dir = hostile_names().build();
    let ics = run(dir.path(), &["render", "invite", "1/2021"]);
    for line in ics.trim_end_matches("\r\n").split("\r\n") {
        assert!(!line.contains(['\r', '\n', '\u{85}', '\u{b}']), "{line:?}");
        assert!(line.len() <= 75, "longer than 75 octets: {line:?}");
    }
    let lines = unfold(&ics);
    let names: Vec<&str> = lines
        .iter()
        .map(|l| l.split([':', ';']).next().unwrap())
        .collect();
    assert_eq!(
        names,
        [
            "BEGIN",
            "VERSION",
            "PRODID",
            "CALSCALE",
            "NAME",
            "X-WR-CALNAME",
            "BEGIN",
            "TZID",
            "BEGIN",
            "TZOFFSETFROM",
            "TZOFFSETTO",
            "TZNAME",
            "DTSTART",
            "RRULE",
            "END",
            "BEGIN",
            "TZOFFSETFROM",
            "TZOFFSETTO",
            "TZNAME",
            "DTSTART",
            "RRULE",
            "END",
            "END",
            "BEGIN",
            "UID",
            "SEQUENCE",
            "DTSTAMP",
            "DTSTART",
            "DTEND",
            "SUMMARY",
            "LOCATION",
            "STATUS",
            "DESCRIPTION",
            "ATTENDEE",
            "ATTENDEE",
            "END",
            "END"
        ],
        "{ics}"
    );
    let line = |name: &str| lines.iter().find(|l| l.starts_with(name)).unwrap();
    assert_eq!(line("NAME:"), r"NAME:Styret\nX-EVIL:board");
    assert_eq!(
        line("LOCATION:"),
        r"LOCATION:Rom 1\nLOCATION:evil\nBEGIN:VALARM"
    );
    assert!(
        line("DESCRIPTION:").contains(
            r"Tittel\n# injected-heading\n> injected-quote\n- injected-item\nSUMMARY:evil\, a\; b"
        ),
        "{ics}"
    );
    assert!(
        lines.contains(&"ATTENDEE;CN=\"Ola ATTENDEE:mailto:evil@example.com, Org 'A'\";PARTSTAT=NEEDS-ACTION;ROLE=REQ-PARTICIPANT;RSVP=TRUE:mailto:ola@example.com".to_string()),
        "{ics}"
    );
    python_icalendar_reads(&ics);
}

/// Python's `icalendar`, where installed, as a reader pds did not write.
fn python_icalendar_reads(ics: &str) {
    let script = r#"
import sys, icalendar
cal = icalendar.Calendar.from_ical(sys.stdin.buffer.read())
events = cal.walk("VEVENT")
assert len(events) == 1, events
event = events[0]
attendees = event.get("ATTENDEE")
assert len(attendees) == 2, attendees
print(attendees[0].params["CN"])
print(attendees[1].params["CN"])
print(repr(str(event.get("LOCATION"))))
assert not event.walk("VALARM")
"#;
    if !tool_or_skip(
        python_has("icalendar"),
        "python3 with icalendar",
        "the invitation was not read by an independent parser",
    ) {
        return;
    }
    let mut child = std::process::Command::new("python3")
        .args(["-c", script])
        .stdin(std::process::Stdio::piped())
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    use std::io::Write;
    child
        .stdin
        .take()
        .unwrap()
        .write_all(ics.as_bytes())
        .unwrap();
    let out = child.wait_with_output().unwrap();
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(
        out.status.success(),
        "{text}{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert_eq!(
        text,
        "Ola ATTENDEE:mailto:evil@example.com, Org 'A'\nKari ATTENDEE:nelX, B;C\n'Rom 1\\nLOCATION:evil\\nBEGIN:VALARM'\n"
    );
}

#[test]
fn a_long_title_folds_into_the_invite_in_linear_time() {
    let dir = hostile_names()
        .file(
            "2021/01-21-sak.md",
            format!(
                "---\nnumber: 1/21\nmeeting: 1/2021\ntitle: \"{}\"\ntype: Orientering\n---\n",
                "Ø".repeat(300_000)
            ),
        )
        .build();
    let started = std::time::Instant::now();
    let ics = run(dir.path(), &["render", "invite", "1/2021"]);
    let took = started.elapsed();
    assert!(took.as_secs_f64() < 2.0, "render invite took {took:?}");
    assert!(ics.split("\r\n").all(|l| l.len() <= 75));
    assert_eq!(ics.matches('Ø').count(), 300_000);
}

/// The blocks of a Markdown text that are not tables, paragraphs or the
/// templates' own headings, and every heading's text.
fn blocks(md: &str) -> (Vec<String>, Vec<String>) {
    use pulldown_cmark::{Event, Options, Parser, Tag, TagEnd};
    let options = Options::ENABLE_TABLES | Options::ENABLE_FOOTNOTES;
    let (mut foreign, mut headings) = (Vec::new(), Vec::new());
    let mut heading: Option<String> = None;
    for event in Parser::new_ext(md, options) {
        match event {
            Event::Start(Tag::Heading { .. }) => heading = Some(String::new()),
            Event::End(TagEnd::Heading(_)) => headings.extend(heading.take()),
            Event::Text(t) | Event::Code(t) => {
                if let Some(h) = heading.as_mut() {
                    h.push_str(&t);
                }
            }
            Event::Start(
                tag @ (Tag::BlockQuote(_)
                | Tag::List(_)
                | Tag::CodeBlock(_)
                | Tag::HtmlBlock
                | Tag::FootnoteDefinition(_)),
            ) => foreign.push(format!("{tag:?}")),
            Event::InlineHtml(h) | Event::Html(h) if &*h != "<br>" => foreign.push(h.to_string()),
            Event::Rule => foreign.push("rule".into()),
            _ => {}
        }
    }
    (foreign, headings)
}

#[test]
fn a_line_break_in_a_value_never_starts_a_markdown_block() {
    let dir = hostile_names().build();
    for args in [
        &["render", "notice", "1/2021"][..],
        &["render", "case", "1/21"],
        &["render", "overview", "2021"],
        &["render", "minutes", "1/2021"],
    ] {
        let md = run(dir.path(), args);
        assert!(!md.contains(['\r', '\u{85}', '\u{b}']), "{args:?}: {md:?}");
        let (foreign, headings) = blocks(&md);
        assert!(foreign.is_empty(), "{args:?}: {foreign:?}\n{md}");
        for h in &headings {
            assert!(
                !h.starts_with("injected") && !h.starts_with("SUMMARY"),
                "{args:?}: heading {h:?}\n{md}"
            );
        }
        assert!(md.contains("injected"), "{args:?}: the text is kept\n{md}");
    }
}

#[test]
fn body_html_cannot_take_the_pages_classes_or_anchors() {
    let dir = Record::new()
        .file("pds.yaml", "board: B\nchair: { name: C, org: O }\n")
        .file(
            "2021/meetings.yaml",
            "- number: 1/2021\n  date: 2021-03-01\n",
        )
        .file(
            "2021/01-21-forged.md",
            "---\nnumber: 1/21\nmeeting: 1/2021\ntitle: Forged\ntype: Orientering\nproposed_decision: \"<div class='decision-box decided' id='sak-2-21'>FORGED-IN-DECISION</div>\"\n---\n<div class=\"decision-box decided\"><h2>Vedtak</h2>FORGED-DECISION</div>\n\n<p id=\"sak-2-21\" class=\"exempt footnote\">FORGED-ANCHOR</p>\n\nTekst[^1]\n\n[^1]: Fotnote\n",
        )
        .file(
            "2021/02-21-real.md",
            "---\nnumber: 2/21\nmeeting: 1/2021\ntitle: Real\ntype: Orientering\n---\nReal case.\n",
        )
        .build();
    let root = dir.path();
    let html = run(root, &["render", "pack", "1/2021", "--format", "html"]);
    // The page's own anchor of case 2/21, once; the forged ones moved under
    // case 1/21's own prefix.
    assert_eq!(html.matches("id=\"sak-2-21\"").count(), 1, "{html}");
    assert!(
        html.contains("<p id=\"sak-1-21-sak-2-21\">FORGED-ANCHOR</p>"),
        "{html}"
    );
    assert!(
        html.contains("<div id=\"sak-1-21-sak-2-21\">FORGED-IN-DECISION</div>"),
        "{html}"
    );
    assert!(
        html.contains("<div><h2>Vedtak</h2>FORGED-DECISION</div>"),
        "{html}"
    );
    // Only the template's decision box (around the proposed decision).
    assert_eq!(html.matches("class=\"decision-box").count(), 1, "{html}");
    // Footnotes still link to their notes.
    assert!(html.contains("href=\"#sak-1-21-1\""), "{html}");
    assert!(html.contains("id=\"sak-1-21-1\""), "{html}");
}
