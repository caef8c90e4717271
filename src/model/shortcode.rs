//! Generated blocks in case bodies: a line holding only `{{ name(args) }}`
//! is replaced by a part pds generates from the record, as zola's shortcodes.
//! The grammar lives here, below both `check` (which reports bad blocks) and
//! `render` (which fills good ones).
//!
//! | block | arguments |
//! |---|---|
//! | `{{ status(date="2021-11-24") }}` | `date`, or `meeting="7/2021"` |
//! | `{{ risks() }}` | optional `title` (the heading, "Risiko" by default) and `intro` (a sentence under it) |
//! | `{{ overview(year=2021) }}` | `year`, optional `quarter` (1–4) |
//! | `{{ forums(year=2021, quarters="1-2") }}` | `year`, optional `quarters` (`1-4` default) |
//! | `{{ actions(meeting="7/2021") }}` | optional `meeting`: open items, or those raised at the meeting |

use super::{Date, MeetingNumber};
use std::collections::BTreeMap;

#[derive(Debug, Clone, PartialEq)]
pub enum Shortcode {
    Status(StatusRef),
    /// The risk register, under `title` (the labels' "Risiko" when none),
    /// with `intro` as a paragraph under the heading.
    Risks {
        title: Option<String>,
        intro: Option<String>,
    },
    Overview {
        year: u16,
        quarter: Option<u8>,
    },
    Forums {
        year: u16,
        quarters: Vec<u8>,
    },
    Actions {
        meeting: Option<MeetingNumber>,
    },
}

#[derive(Debug, Clone, Copy, PartialEq)]
pub enum StatusRef {
    Date(Date),
    Meeting(MeetingNumber),
}

/// A piece of a body: Markdown, or a generated block (or why it is not one).
#[derive(Debug, Clone, PartialEq)]
pub enum Segment<'a> {
    Markdown(&'a str),
    Block {
        code: Result<Shortcode, String>,
        /// Byte offset of the line in the body.
        offset: usize,
        len: usize,
    },
}

pub const NAMES: [&str; 5] = ["status", "risks", "overview", "forums", "actions"];

/// Splits a body at its generated blocks: a `{{ … }}` line that is a
/// paragraph of its own, at the top level, as the Markdown parser reads the
/// body. In a code block or fence, an HTML block, a list or a quote, or as
/// one line of a longer paragraph, it is text.
pub fn split(body: &str) -> Vec<Segment<'_>> {
    let mut segments = Vec::new();
    let mut start = 0;
    if body.contains("{{") {
        for (offset, len) in block_lines(body) {
            if let Some(md) = body.get(start..offset).filter(|md| !md.is_empty()) {
                segments.push(Segment::Markdown(md));
            }
            let line = body.get(offset..offset + len).unwrap_or("");
            let inner = line
                .trim()
                .strip_prefix("{{")
                .and_then(|t| t.strip_suffix("}}"))
                .unwrap_or("");
            segments.push(Segment::Block {
                code: parse(inner.trim()),
                offset,
                len: line.trim_end().len(),
            });
            start = body
                .get(offset + len..)
                .and_then(|rest| rest.find('\n'))
                .map_or(body.len(), |i| offset + len + i + 1);
        }
    }
    if let Some(md) = body.get(start..).filter(|md| !md.is_empty()) {
        segments.push(Segment::Markdown(md));
    }
    segments
}

/// Byte offset (at the start of its line) and length of every top-level
/// one-line paragraph that reads `{{ … }}`.
fn block_lines(body: &str) -> Vec<(usize, usize)> {
    use pulldown_cmark::{Event, Parser, Tag};
    let mut found = Vec::new();
    let mut depth = 0usize;
    let parser = Parser::new_ext(body, super::markdown::cmark_options());
    for (event, range) in parser.into_offset_iter() {
        match event {
            Event::Start(tag) => {
                if depth == 0 && matches!(tag, Tag::Paragraph) {
                    let text = body.get(range.clone()).unwrap_or("").trim();
                    if text.starts_with("{{") && text.ends_with("}}") && !text.contains('\n') {
                        let line = body
                            .get(..range.start)
                            .and_then(|b| b.rfind('\n'))
                            .map_or(0, |i| i + 1);
                        let end = range.start
                            + body
                                .get(range.start..)
                                .unwrap_or("")
                                .find('\n')
                                .unwrap_or(body.len() - range.start);
                        found.push((line, end - line));
                    }
                }
                depth += 1;
            }
            Event::End(_) => depth = depth.saturating_sub(1),
            _ => {}
        }
    }
    found
}

/// The definitions a piece of a body needs to render on its own as it
/// would in the whole body: the link reference definitions and footnotes
/// written in other pieces (a `[x][ref]` before a generated block, `[ref]: …`
/// after it). Each footnote is rendered once, in the first piece that refers
/// to it. One text per `Segment::Markdown`, in order.
pub fn self_contained<'a>(
    body: &'a str,
    segments: &[Segment<'a>],
) -> Vec<std::borrow::Cow<'a, str>> {
    use std::borrow::Cow;
    let pieces: Vec<(usize, &str)> = segments
        .iter()
        .filter_map(|s| match s {
            Segment::Markdown(md) => Some((
                (md.as_ptr() as usize).checked_sub(body.as_ptr() as usize)?,
                *md,
            )),
            Segment::Block { .. } => None,
        })
        .collect();
    let whole = |pieces: Vec<(usize, &'a str)>| {
        pieces
            .into_iter()
            .map(|(_, md)| Cow::Borrowed(md))
            .collect()
    };
    if pieces.len() < 2 {
        return whole(pieces);
    }
    let defs = Definitions::read(body, &pieces);
    if defs.links.is_empty() && defs.footnotes.is_empty() {
        return whole(pieces);
    }
    (0..pieces.len())
        .filter_map(|i| defs.piece(body, &pieces, i))
        .collect()
}

/// Where a body's link reference definitions and footnotes are, and which
/// piece first refers to each footnote.
struct Definitions {
    links: Vec<std::ops::Range<usize>>,
    footnotes: Vec<(String, std::ops::Range<usize>)>,
    first_use: BTreeMap<String, usize>,
}

/// The piece of `pieces` (offset, text) that holds byte `at` of the body.
fn piece_of(pieces: &[(usize, &str)], at: usize) -> Option<usize> {
    pieces
        .iter()
        .position(|(o, md)| *o <= at && at < o + md.len())
}

impl Definitions {
    fn read(body: &str, pieces: &[(usize, &str)]) -> Self {
        use pulldown_cmark::{Event, Parser, Tag};
        let parser = Parser::new_ext(body, super::markdown::cmark_options());
        let links = parser
            .reference_definitions()
            .iter()
            .map(|(_, d)| d.span.clone())
            .collect();
        let mut footnotes = Vec::new();
        let mut first_use = BTreeMap::new();
        for (event, range) in parser.into_offset_iter() {
            match event {
                Event::Start(Tag::FootnoteDefinition(label)) => {
                    footnotes.push((label.to_string(), range))
                }
                Event::FootnoteReference(label) => {
                    if let Some(i) = piece_of(pieces, range.start) {
                        first_use.entry(label.to_string()).or_insert(i);
                    }
                }
                _ => {}
            }
        }
        Definitions {
            links,
            footnotes,
            first_use,
        }
    }

    /// Piece `i` of `pieces` as it renders on its own: its text without the
    /// footnotes rendered elsewhere, then the definitions it borrows.
    fn piece<'a>(
        &self,
        body: &'a str,
        pieces: &[(usize, &'a str)],
        i: usize,
    ) -> Option<std::borrow::Cow<'a, str>> {
        use std::borrow::Cow;
        let (offset, md) = *pieces.get(i)?;
        let inside = |r: &std::ops::Range<usize>| piece_of(pieces, r.start) == Some(i);
        let home = |label: &str, r: &std::ops::Range<usize>| {
            self.first_use
                .get(label)
                .copied()
                .or_else(|| piece_of(pieces, r.start))
        };
        let mut text = String::with_capacity(md.len());
        let mut at = offset;
        for (_, r) in self
            .footnotes
            .iter()
            .filter(|(l, r)| inside(r) && home(l, r) != Some(i))
        {
            text.push_str(body.get(at..r.start).unwrap_or(""));
            at = at.max(r.end);
        }
        text.push_str(body.get(at..offset + md.len()).unwrap_or(""));
        let borrowed: Vec<&str> = self
            .links
            .iter()
            .filter(|r| !inside(r))
            .chain(
                self.footnotes
                    .iter()
                    .filter(|(l, r)| !inside(r) && home(l, r) == Some(i))
                    .map(|(_, r)| r),
            )
            .filter_map(|r| body.get(r.clone()))
            .collect();
        if borrowed.is_empty() && text.len() == md.len() {
            return Some(Cow::Borrowed(md));
        }
        for definition in borrowed {
            text.push_str("\n\n");
            text.push_str(definition.trim_end());
        }
        text.push('\n');
        Some(Cow::Owned(text))
    }
}

/// Parses `name(key="value", key=1)`.
pub fn parse(text: &str) -> Result<Shortcode, String> {
    let (name, rest) = text.split_once('(').ok_or_else(|| {
        format!("`{text}` is not a generated block: write name(arguments), like risks()")
    })?;
    let name = name.trim();
    let args_text = rest
        .trim_end()
        .strip_suffix(')')
        .ok_or_else(|| format!("`{text}` lacks its closing parenthesis"))?;
    let mut args: BTreeMap<String, String> = BTreeMap::new();
    for part in split_args(args_text)
        .into_iter()
        .map(str::trim)
        .filter(|p| !p.is_empty())
    {
        let (k, v) = part
            .split_once('=')
            .ok_or_else(|| format!("argument `{part}` of {name}() is not key=value"))?;
        let v = v.trim();
        let v = v
            .strip_prefix('"')
            .and_then(|v| v.strip_suffix('"'))
            .unwrap_or(v);
        args.insert(k.trim().to_string(), v.to_string());
    }
    let mut take = |key: &str| args.remove(key);
    let year = |v: Option<String>| -> Result<u16, String> {
        v.ok_or_else(|| format!("{name}() needs year=<yyyy>"))?
            .parse()
            .map_err(|_| format!("{name}(): year must be a year like 2021"))
    };
    let code = match name {
        "status" => match (take("date"), take("meeting")) {
            (Some(d), None) => Shortcode::Status(StatusRef::Date(
                Date::parse(&d)
                    .ok_or_else(|| format!("status(): `{d}` is not a date (YYYY-MM-DD)"))?,
            )),
            (None, Some(m)) => Shortcode::Status(StatusRef::Meeting(
                MeetingNumber::parse_arg(&m).map_err(|e| e.0)?,
            )),
            _ => return Err("status() needs date=\"YYYY-MM-DD\" or meeting=\"7/2021\"".into()),
        },
        "risks" => Shortcode::Risks {
            title: take("title"),
            intro: take("intro"),
        },
        "overview" => {
            let y = year(take("year"))?;
            let quarter = match take("quarter") {
                Some(q) => Some(parse_quarter(&q)?),
                None => None,
            };
            Shortcode::Overview { year: y, quarter }
        }
        "forums" => {
            let y = year(take("year"))?;
            let quarters = match take("quarters") {
                Some(q) => parse_quarters(&q)?,
                None => vec![1, 2, 3, 4],
            };
            Shortcode::Forums { year: y, quarters }
        }
        "actions" => Shortcode::Actions {
            meeting: take("meeting")
                .map(|m| MeetingNumber::parse_arg(&m).map_err(|e| e.0))
                .transpose()?,
        },
        other => {
            let hint = crate::diag::nearest(other, NAMES)
                .map(|n| format!("; did you mean {n}()?"))
                .unwrap_or_else(|| format!("; the blocks are {}", NAMES.join(", ")));
            return Err(format!("`{other}` is not a generated block{hint}"));
        }
    };
    if let Some(k) = args.keys().next() {
        return Err(format!("{name}() takes no argument `{k}`"));
    }
    Ok(code)
}

/// The arguments at their commas, but not at a comma inside quotes
/// (`title="Risiko, pr 2.6"` is one argument).
fn split_args(text: &str) -> Vec<&str> {
    let mut parts = Vec::new();
    let mut start = 0;
    let mut quoted = false;
    for (i, ch) in text.char_indices() {
        match ch {
            '"' => quoted = !quoted,
            ',' if !quoted => {
                parts.push(text.get(start..i).unwrap_or(""));
                start = i + 1;
            }
            _ => {}
        }
    }
    parts.push(text.get(start..).unwrap_or(""));
    parts
}

fn parse_quarter(q: &str) -> Result<u8, String> {
    match q.trim().parse::<u8>() {
        Ok(n @ 1..=4) => Ok(n),
        _ => Err(format!("`{q}` is not a quarter (1–4)")),
    }
}

/// `2`, `1-2`, `1,3`.
fn parse_quarters(q: &str) -> Result<Vec<u8>, String> {
    if let Some((a, b)) = q.split_once('-') {
        let (a, b) = (parse_quarter(a)?, parse_quarter(b)?);
        if a > b {
            return Err(format!("`{q}`: the quarters run backwards"));
        }
        return Ok((a..=b).collect());
    }
    q.split(',').map(parse_quarter).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn splits_a_body_at_its_blocks() {
        let body = "# A\n\n{{ risks() }}\n\ntext\n```\n{{ risks() }}\n```\n  {{ forums(year=2022, quarters=\"1-2\") }}\n";
        let s = split(body);
        assert_eq!(s.len(), 4, "{s:?}");
        assert_eq!(s[0], Segment::Markdown("# A\n\n"));
        assert!(matches!(
            &s[1],
            Segment::Block {
                code: Ok(Shortcode::Risks {
                    title: None,
                    intro: None
                }),
                offset: 5,
                ..
            }
        ));
        assert_eq!(s[2], Segment::Markdown("\ntext\n```\n{{ risks() }}\n```\n"));
        assert!(
            matches!(&s[3], Segment::Block { code: Ok(Shortcode::Forums { year: 2022, quarters }), .. } if quarters == &vec![1, 2])
        );
    }

    #[test]
    fn bad_blocks_say_what_is_wrong() {
        assert_eq!(
            parse("risk()").unwrap_err(),
            "`risk` is not a generated block; did you mean risks()?"
        );
        assert!(parse("status()").unwrap_err().contains("needs date"));
        assert!(parse("overview(year=21x)")
            .unwrap_err()
            .contains("year must be"));
        assert!(parse("forums(year=2021, quarters=\"3-1\")")
            .unwrap_err()
            .contains("backwards"));
        assert!(parse("risks(x=1)").unwrap_err().contains("no argument `x`"));
        assert_eq!(
            parse("risks(title=\"Programrisiko, pr 2.6\", intro=\"Oversikten.\")").unwrap(),
            Shortcode::Risks {
                title: Some("Programrisiko, pr 2.6".into()),
                intro: Some("Oversikten.".into())
            }
        );
        assert_eq!(
            parse("status(date=\"2021-11-24\")").unwrap(),
            Shortcode::Status(StatusRef::Date(Date {
                year: 2021,
                month: 11,
                day: 24
            }))
        );
    }
}
