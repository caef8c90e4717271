//! Adding a meeting at the end of a meetings.yaml's list, in whatever
//! style the list is written.

use super::super::refusal::Unedited;
use super::super::verify::{map, text};
use super::{column, quoted, scalar};
use crate::diag::split_bom;
use crate::model::{Date, MeetingKind, MeetingNumber, MeetingStatus, TimeSpan};
use crate::yaml::{self, Node, NodeKind};

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
pub fn add_meeting(old: Option<&str>, meeting: &NewMeeting) -> Result<(String, Node), Unedited> {
    let Some(old) = old else {
        let text = format!(
            "# Meetings {}\n{}",
            meeting.date.year,
            meeting.block("", "\n")
        );
        let values = seq(vec![meeting.values()]);
        return Ok((text, values));
    };
    let (bom, doc) = split_bom(old);
    let nl = if doc.contains("\r\n") { "\r\n" } else { "\n" };
    let tree = yaml::parse(doc).map_err(|e| Unedited::DoesNotParse(e.message))?;
    let (at, end, insert) = match &tree.kind {
        NodeKind::Seq(items) if doc.as_bytes().get(tree.offset) == Some(&b'[') => {
            let (close, last) = flow_close(doc, tree.offset).ok_or(Unedited::Unclosed)?;
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
        _ => return Err(Unedited::NoList),
    };
    let mut items: Vec<Node> = tree.as_seq().map(<[Node]>::to_vec).unwrap_or_default();
    items.push(meeting.values());
    let text = format!(
        "{bom}{}{insert}{}",
        doc.get(..at).ok_or(Unedited::OutOfRange)?,
        doc.get(end..).ok_or(Unedited::OutOfRange)?
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
