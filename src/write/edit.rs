//! Changing a record file's values through its YAML tree: the parser's byte
//! spans say where a value stands, only those bytes change, and every other
//! byte (comments, quoting, order, line endings) is kept. Each edit also
//! returns the values the file must hold afterwards, for `verify`.

use super::verify::{map, text};
use crate::load::frontmatter;
use crate::model::{
    CaseNumber, CaseStatus, Date, MeetingKind, MeetingNumber, MeetingStatus, TimeSpan,
};
use crate::yaml::{self, Node, NodeKind};

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

/// A meeting to add to a meetings.yaml.
#[derive(Debug, Clone)]
pub struct NewMeeting {
    pub number: MeetingNumber,
    pub date: Date,
    pub time: Option<TimeSpan>,
    pub place: Option<String>,
    pub extraordinary: bool,
}

impl NewMeeting {
    /// (key, value in block style, value in flow style, value as loaded),
    /// in the order they are written.
    fn fields(&self) -> Vec<(&'static str, String, String, String)> {
        let fixed = |k, v: String| (k, v.clone(), v.clone(), v);
        let mut f = vec![
            fixed("number", self.number.to_string()),
            fixed("date", self.date.to_string()),
        ];
        if let Some(t) = self.time {
            f.push((
                "time",
                quoted(&t.to_string()),
                quoted(&t.to_string()),
                t.to_string(),
            ));
        }
        if let Some(p) = &self.place {
            f.push(("place", scalar(p), quoted(p), p.clone()));
        }
        if self.extraordinary {
            f.push(fixed("kind", MeetingKind::Extraordinary.to_string()));
        }
        f.push(fixed("status", MeetingStatus::Planned.to_string()));
        f
    }

    fn values(&self) -> Node {
        map(self
            .fields()
            .into_iter()
            .map(|(k, _, _, v)| (k, text(v)))
            .collect())
    }

    /// `- number: …` lines at `indent`.
    fn block(&self, indent: &str, nl: &str) -> String {
        let mut out = String::new();
        for (i, (k, v, _, _)) in self.fields().into_iter().enumerate() {
            let lead = if i == 0 { "- " } else { "  " };
            out.push_str(&format!("{indent}{lead}{k}: {v}{nl}"));
        }
        out
    }

    /// `{number: …, date: …}`, for a list written in flow style.
    fn flow(&self) -> String {
        let fields: Vec<String> = self
            .fields()
            .into_iter()
            .map(|(k, _, v, _)| format!("{k}: {v}"))
            .collect();
        format!("{{{}}}", fields.join(", "))
    }
}

/// A meetings.yaml's text (`None`: there is none yet) with `meeting` added at
/// the end of its list, and the values the new text must hold. The list may
/// be in block style (at any indentation) or flow style (`[…]`, `[]`), the
/// file empty, `~`, or ended with `...`.
pub fn add_meeting(old: Option<&str>, meeting: &NewMeeting) -> Result<(String, Node), String> {
    let Some(old) = old else {
        let text = format!(
            "# Meetings {}\n{}",
            meeting.date.year,
            meeting.block("", "\n")
        );
        let values = seq(vec![meeting.values()]);
        return Ok((text, values));
    };
    let bom = if old.starts_with('\u{feff}') {
        "\u{feff}"
    } else {
        ""
    };
    let doc = old.get(bom.len()..).unwrap_or("");
    let nl = if doc.contains("\r\n") { "\r\n" } else { "\n" };
    let tree = yaml::parse(doc).map_err(|e| {
        format!(
            "it does not parse ({}); run `pds check` and mend it first",
            e.message
        )
    })?;
    let (at, end, insert) = match &tree.kind {
        NodeKind::Seq(items) if doc.as_bytes().get(tree.offset) == Some(&b'[') => {
            let (close, last) = flow_close(doc, tree.offset)
                .ok_or("its list `[` is never closed; run `pds check` and mend it first")?;
            let comma = if items.is_empty() || last == b',' {
                ""
            } else {
                ", "
            };
            (close, close, format!("{comma}{}", meeting.flow()))
        }
        NodeKind::Seq(_) => {
            let indent = column(doc, tree.offset);
            let at = document_end(doc);
            let sep = if at > 0 && !doc.get(..at).unwrap_or("").ends_with('\n') {
                nl
            } else {
                ""
            };
            (
                at,
                at,
                format!("{sep}{}", meeting.block(&" ".repeat(indent), nl)),
            )
        }
        // `~` or `null`: the list takes its place.
        NodeKind::Null if tree.len > 0 => {
            let entry = if column(doc, tree.offset) == 0 {
                meeting.block("", nl).trim_end().to_string()
            } else {
                format!("[{}]", meeting.flow())
            };
            (tree.offset, tree.offset + tree.len, entry)
        }
        // Empty, or only comments.
        NodeKind::Null => {
            let at = document_end(doc);
            let sep = if at > 0 && !doc.get(..at).unwrap_or("").ends_with('\n') {
                nl
            } else {
                ""
            };
            (at, at, format!("{sep}{}", meeting.block("", nl)))
        }
        _ => return Err("it holds no list of meetings; run `pds check` and mend it first".into()),
    };
    let mut items: Vec<Node> = tree.as_seq().map(<[Node]>::to_vec).unwrap_or_default();
    items.push(meeting.values());
    let text = format!(
        "{bom}{}{insert}{}",
        doc.get(..at).ok_or("an edit out of range")?,
        doc.get(end..).ok_or("an edit out of range")?
    );
    Ok((text, seq(items)))
}

fn seq(items: Vec<Node>) -> Node {
    Node {
        kind: NodeKind::Seq(items),
        offset: 0,
        len: 0,
    }
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

/// Where the document's content ends: the start of its `...` end marker, or the end of the text.
fn document_end(text: &str) -> usize {
    let mut offset = 0;
    for line in text.split_inclusive('\n') {
        let rest = line.strip_prefix("...");
        if rest.is_some_and(|r| r.trim().is_empty() || r.starts_with([' ', '\t'])) {
            return offset;
        }
        offset += line.len();
    }
    text.len()
}

/// The offset of the bracket closing the flow collection opened at `open`,
/// and the last byte before it that is not a space or comment (`,` for a
/// trailing comma). Quoted scalars and comments are skipped; plain scalars
/// in flow context cannot hold brackets.
fn flow_close(text: &str, open: usize) -> Option<(usize, u8)> {
    let bytes = text.as_bytes();
    let mut depth = 0usize;
    let mut i = open;
    let mut last = b'[';
    let mut token_start = true;
    while let Some(&b) = bytes.get(i) {
        match b {
            b'"' if token_start => {
                i += 1;
                while let Some(&c) = bytes.get(i) {
                    match c {
                        b'\\' => i += 2,
                        b'"' => break,
                        _ => i += 1,
                    }
                }
                last = b'"';
            }
            b'\'' if token_start => {
                i += 1;
                loop {
                    match bytes.get(i) {
                        Some(b'\'') if bytes.get(i + 1) == Some(&b'\'') => i += 2,
                        Some(b'\'') | None => break,
                        Some(_) => i += 1,
                    }
                }
                last = b'\'';
            }
            b'#' if token_start => {
                while bytes.get(i).is_some_and(|&c| c != b'\n') {
                    i += 1;
                }
                continue;
            }
            b'[' | b'{' => {
                depth += 1;
                last = b;
            }
            b']' | b'}' => {
                depth = depth.checked_sub(1)?;
                if depth == 0 {
                    return Some((i, last));
                }
                last = b;
            }
            b' ' | b'\t' | b'\r' | b'\n' => {}
            _ => last = b,
        }
        token_start = matches!(b, b' ' | b'\t' | b'\r' | b'\n' | b'[' | b'{' | b',' | b':');
        i += 1;
    }
    None
}

/// A case file scheduled: its new text, the front matter values it must
/// hold, and its body (kept byte for byte).
#[derive(Debug)]
pub struct Scheduled<'a> {
    pub text: String,
    pub values: Node,
    pub body: &'a str,
}

/// A draft's text with `number` and `meeting` set and `status: draft` made
/// `ready`, edited through its front matter's tree: block or flow style,
/// quoted keys or values, comments, all kept.
pub fn schedule(
    old: &str,
    number: CaseNumber,
    meeting: MeetingNumber,
) -> Result<Scheduled<'_>, String> {
    let bom = if old.starts_with('\u{feff}') { 3 } else { 0 };
    let rest = old.get(bom..).unwrap_or("");
    let nl = if rest.contains("\r\n") { "\r\n" } else { "\n" };
    let split = frontmatter::split(rest).map_err(|_| "it has no front matter to number")?;
    let fm = split.yaml;
    let tree =
        yaml::parse(fm).map_err(|e| format!("its front matter does not parse ({})", e.message))?;
    let mut values: Vec<(Node, Node)> = match &tree.kind {
        NodeKind::Map(m) => m.clone(),
        NodeKind::Null => Vec::new(),
        _ => return Err("its front matter is not a mapping of fields".into()),
    };
    let flow = tree.as_map().is_some() && fm.as_bytes().get(tree.offset) == Some(&b'{');
    let mut edits: Vec<(usize, usize, String)> = Vec::new();
    let mut missing: Vec<(&str, String)> = Vec::new();
    for (key, want) in [
        ("number", number.to_string()),
        ("meeting", meeting.to_string()),
    ] {
        match values.iter_mut().find(|(k, _)| is_key(k, key)) {
            Some((k, v)) => {
                edits.push(replace_value(fm, k, v, &want));
                *v = text(want);
            }
            None => {
                missing.push((key, want.clone()));
                values.push((text(key), text(want)));
            }
        }
    }
    if let Some((k, v)) = values.iter_mut().find(|(k, _)| is_key(k, "status")) {
        if matches!(&v.kind, NodeKind::Str(s) if s == CaseStatus::Draft.as_str()) {
            let ready = CaseStatus::Ready.as_str();
            edits.push(replace_value(fm, k, v, ready));
            *v = text(ready);
        }
    }
    if !missing.is_empty() {
        let (at, insert) = if flow {
            let fields: Vec<String> = missing.iter().map(|(k, v)| format!("{k}: {v}")).collect();
            let comma = if values.len() > missing.len() {
                ", "
            } else {
                ""
            };
            (tree.offset + 1, format!("{}{comma}", fields.join(", ")))
        } else if tree.as_map().is_some() {
            // First lines of the front matter, as the mapping is indented.
            let indent = " ".repeat(column(fm, tree.offset));
            let lines: String = missing
                .iter()
                .map(|(k, v)| format!("{indent}{k}: {v}{nl}"))
                .collect();
            (0, lines)
        } else {
            let lines: String = missing
                .iter()
                .map(|(k, v)| format!("{k}: {v}{nl}"))
                .collect();
            (0, lines)
        };
        edits.push((at, at, insert));
    }
    edits.sort_by_key(|e| std::cmp::Reverse(e.0));
    let mut new_fm = fm.to_string();
    for (start, end, replacement) in edits {
        if start > end || new_fm.get(start..end).is_none() {
            return Err("an edit out of range".into());
        }
        new_fm.replace_range(start..end, &replacement);
    }
    let yaml_start = bom + split.yaml_offset;
    let text = format!(
        "{}{new_fm}{}",
        old.get(..yaml_start).ok_or("an edit out of range")?,
        old.get(yaml_start + fm.len()..)
            .ok_or("an edit out of range")?
    );
    Ok(Scheduled {
        text,
        values: Node {
            kind: NodeKind::Map(values),
            offset: 0,
            len: 0,
        },
        body: split.body,
    })
}

fn is_key(node: &Node, key: &str) -> bool {
    matches!(&node.kind, NodeKind::Str(s) if s == key)
}

/// The edit that makes the value of `key` read `want`: the value's span
/// replaced, or for an empty value (`number:`, `{number}`) `want` written
/// after the key's colon.
fn replace_value(fm: &str, key: &Node, value: &Node, want: &str) -> (usize, usize, String) {
    if value.len > 0 {
        return (value.offset, value.offset + value.len, want.to_string());
    }
    let key_end = key.offset + key.len;
    let colon = fm.get(key_end..).and_then(|rest| {
        let skipped = rest.len() - rest.trim_start_matches([' ', '\t']).len();
        (rest.as_bytes().get(skipped) == Some(&b':')).then_some(key_end + skipped)
    });
    match colon {
        Some(at) => (at + 1, at + 1, format!(" {want}")),
        None => (key_end, key_end, format!(": {want}")),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

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
