//! Generated blocks in case bodies: a line holding only `{{ name(args) }}`
//! is replaced by a part pds generates from the record, as zola's shortcodes.
//!
//! | block | arguments |
//! |---|---|
//! | `{{ status(date="2021-11-24") }}` | `date`, or `meeting="7/2021"` |
//! | `{{ risks() }}` | none |
//! | `{{ overview(year=2021) }}` | `year`, optional `quarter` (1–4) |
//! | `{{ forums(year=2021, quarters="1-2") }}` | `year`, optional `quarters` (`1-4` default) |
//! | `{{ actions(meeting="7/2021") }}` | optional `meeting`: open items, or those raised at the meeting |

use crate::model::{Date, MeetingNumber};
use std::collections::BTreeMap;

#[derive(Debug, Clone, PartialEq)]
pub enum Shortcode {
    Status(StatusRef),
    Risks,
    Overview { year: u16, quarter: Option<u8> },
    Forums { year: u16, quarters: Vec<u8> },
    Actions { meeting: Option<MeetingNumber> },
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

/// Splits a body at its shortcode lines. Lines inside fenced code blocks are text.
pub fn split(body: &str) -> Vec<Segment<'_>> {
    let mut segments = Vec::new();
    let mut start = 0;
    let mut offset = 0;
    let mut fence: Option<&str> = None;
    for line in body.split_inclusive('\n') {
        let trimmed = line.trim();
        let this = offset;
        offset += line.len();
        if let Some(f) = fence {
            if trimmed.starts_with(f) {
                fence = None;
            }
            continue;
        }
        if trimmed.starts_with("```") || trimmed.starts_with("~~~") {
            fence = Some(if trimmed.starts_with("```") {
                "```"
            } else {
                "~~~"
            });
            continue;
        }
        if let Some(inner) = trimmed
            .strip_prefix("{{")
            .and_then(|t| t.strip_suffix("}}"))
        {
            if let Some(md) = body.get(start..this) {
                if !md.is_empty() {
                    segments.push(Segment::Markdown(md));
                }
            }
            segments.push(Segment::Block {
                code: parse(inner.trim()),
                offset: this,
                len: line.trim_end().len(),
            });
            start = offset;
        }
    }
    if let Some(md) = body.get(start..) {
        if !md.is_empty() {
            segments.push(Segment::Markdown(md));
        }
    }
    segments
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
    for part in args_text
        .split(',')
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
        "risks" => Shortcode::Risks,
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
            let hint = crate::check::finding::nearest(other, NAMES)
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
                code: Ok(Shortcode::Risks),
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
            parse("status(date=\"2021-11-24\")").unwrap(),
            Shortcode::Status(StatusRef::Date(Date {
                year: 2021,
                month: 11,
                day: 24
            }))
        );
    }
}
