//! Markdown to Typst markup, for PDF output: the documents are filled from
//! their Markdown templates, and each Markdown event becomes Typst markup
//! here. Every text is escaped (each ASCII punctuation character behind a
//! backslash), so nothing a record holds can become Typst code: `#read(…)`,
//! `$x$`, `@label`, `<label>` and `// comment` print as written. Pictures
//! come from the record only, by `pictures.rs`'s rules, into the typesetter's
//! in-memory files.

use super::pictures::{self, ImageBase, MAX_INLINED_BYTES};
use crate::diag::Error;
use crate::model::markdown::cmark_options;
use pulldown_cmark::{CodeBlockKind, Event, HeadingLevel, Parser, Tag, TagEnd};
use std::collections::BTreeMap;
use std::path::PathBuf;
use typst::foundations::Bytes;
use typst::visualize::{ExchangeFormat, RasterImage};

/// How deep one text's Markdown may nest before it is printed as written
/// (Typst stops at its layout depth: 39 nested quotes failed, 31 passed).
const MAX_DEPTH: usize = 30;

/// The most distinct pictures one PDF shows.
const MAX_PICTURES: usize = 1000;

/// The pictures a PDF shows: each distinct picture once, as an in-memory
/// file of the typesetter (`/pictures/N.png`).
#[derive(Debug, Default)]
pub struct Images {
    pub files: Vec<(String, Vec<u8>)>,
    by_path: BTreeMap<PathBuf, String>,
    bytes: u64,
    /// The first picture past `MAX_INLINED_BYTES`: the file and the picture.
    error: Option<(String, String)>,
}

impl Images {
    /// Set when the pictures would pass `MAX_INLINED_BYTES`.
    pub fn error(&self) -> Option<Error> {
        self.error.clone().map(|(file, picture)| Error::Pictures {
            file,
            picture,
            limit_mib: MAX_INLINED_BYTES >> 20,
        })
    }

    /// The in-memory path of the picture `src` names, read once.
    fn add(&mut self, base: &ImageBase, src: &str) -> Option<String> {
        let (path, mime, bytes) = pictures::load(base, src)?;
        if let Some(known) = self.by_path.get(&path) {
            return Some(known.clone());
        }
        // Typst names each file once per process, 65,535 names at most.
        if self.files.len() >= MAX_PICTURES {
            let why = format!("is past the {MAX_PICTURES} pictures one PDF shows: left out");
            base.pictures.warn(base, src, &why);
            return None;
        }
        if self.bytes + bytes.len() as u64 > MAX_INLINED_BYTES {
            self.error.get_or_insert_with(|| {
                (
                    base.file.clone(),
                    src.chars().flat_map(char::escape_debug).collect(),
                )
            });
            return None;
        }
        // A picture Typst cannot decode (a broken file, a GIF named .jpg)
        // would stop the whole PDF; it is left out, named, as the HTML shows
        // it broken.
        let format = match mime {
            "image/jpeg" => ExchangeFormat::Jpg,
            "image/gif" => ExchangeFormat::Gif,
            "image/webp" => ExchangeFormat::Webp,
            _ => ExchangeFormat::Png,
        };
        if let Some(n) = pixels(mime, &bytes).filter(|&n| n > MAX_PIXELS) {
            let why = format!(
                "has {} million pixels, past the {} million a PDF's picture may have (decoding it takes gigabytes): left out",
                n / 1_000_000,
                MAX_PIXELS / 1_000_000
            );
            base.pictures.warn(base, src, &why);
            return None;
        }
        if let Err(why) = RasterImage::plain(Bytes::new(bytes.clone()), format) {
            let why = format!("cannot be read as {mime} ({why}): left out");
            base.pictures.warn(base, src, &why);
            return None;
        }
        let ext = mime.strip_prefix("image/").unwrap_or("png");
        let name = format!("/pictures/{}.{ext}", self.files.len() + 1);
        self.bytes += bytes.len() as u64;
        self.files.push((name.clone(), bytes));
        self.by_path.insert(path, name.clone());
        Some(name)
    }
}

/// The longest run of characters without a space that is typeset as
/// written, about a line: Typst cannot break a longer one (a pasted URL, a
/// hash list), so it would run off the page, and from about 16,000
/// characters PDF/A refuses the single PDF string it makes (32,767 bytes).
const LONGEST_RUN: usize = 80;

/// The most pixels a picture may have: a 2.6 MB PNG of 30,000 × 30,000
/// took 2.7 GB and 45 s to decode; a 50-megapixel camera's photo passes.
const MAX_PIXELS: u64 = 100_000_000;

/// A picture's width times height from the header of its format (`mime`:
/// PNG, GIF, JPEG, WebP), without decoding it; `None` when it does not say.
fn pixels(mime: &str, bytes: &[u8]) -> Option<u64> {
    let be16 = |at: usize| {
        Some(u64::from(u16::from_be_bytes([
            *bytes.get(at)?,
            *bytes.get(at + 1)?,
        ])))
    };
    let le16 = |at: usize| {
        Some(u64::from(u16::from_le_bytes([
            *bytes.get(at)?,
            *bytes.get(at + 1)?,
        ])))
    };
    let le24 = |at: usize| Some(le16(at)? | u64::from(*bytes.get(at + 2)?) << 16);
    let be32 = |at: usize| {
        let b = bytes.get(at..at + 4)?;
        Some(u64::from(u32::from_be_bytes(b.try_into().ok()?)))
    };
    if mime == "image/png" && bytes.starts_with(b"\x89PNG") {
        return Some(be32(16)? * be32(20)?);
    }
    if mime == "image/gif" && bytes.starts_with(b"GIF8") {
        return Some(le16(6)? * le16(8)?);
    }
    if mime == "image/webp" && bytes.starts_with(b"RIFF") && bytes.get(8..12) == Some(b"WEBP") {
        return match bytes.get(12..16)? {
            b"VP8X" => Some((le24(24)? + 1) * (le24(27)? + 1)),
            b"VP8L" => {
                let bits = le24(21)? | u64::from(*bytes.get(24)?) << 24;
                Some(((bits & 0x3FFF) + 1) * (((bits >> 14) & 0x3FFF) + 1))
            }
            b"VP8 " => Some((le16(26)? & 0x3FFF) * (le16(28)? & 0x3FFF)),
            _ => None,
        };
    }
    if mime == "image/jpeg" && bytes.starts_with(&[0xFF, 0xD8]) {
        // JPEG: the first start-of-frame marker gives height and width.
        let mut at = 2;
        while let (Some(&0xFF), Some(&marker)) = (bytes.get(at), bytes.get(at + 1)) {
            let sof = matches!(marker, 0xC0..=0xCF) && !matches!(marker, 0xC4 | 0xC8 | 0xCC);
            if sof {
                return Some(be16(at + 5)? * be16(at + 7)?);
            }
            at += 2 + usize::try_from(be16(at + 2)?).ok()?;
        }
    }
    None
}

/// Text as Typst markup that shows it literally: every ASCII punctuation
/// character escaped, line breaks made spaces, other control characters
/// dropped; a run longer than [`LONGEST_RUN`] gets a zero-width space, so
/// that it can break across lines.
pub fn escape_markup(text: &str, out: &mut String) {
    let mut run = 0;
    for c in text.chars() {
        run = if c.is_whitespace() { 0 } else { run + 1 };
        if run > LONGEST_RUN {
            out.push('\u{200B}');
            run = 1;
        }
        match c {
            '\n' | '\r' | '\t' | '\u{85}' | '\u{2028}' | '\u{2029}' => out.push(' '),
            c if c.is_control() => {}
            c if c.is_ascii_punctuation() => {
                out.push('\\');
                out.push(c);
            }
            c if c.is_ascii() || super::pdf::has_glyph(c) => out.push(c),
            c => unprintable(c, out),
        }
    }
}

/// A character no built-in font has (PDF/A allows no missing glyph): the
/// coloured circles and squares of status reports drawn, anything else
/// named by its code point, `[U+1F600]`.
fn unprintable(c: char, out: &mut String) {
    let colour = match c {
        '\u{1F534}' | '\u{1F7E5}' => "red",
        '\u{1F7E0}' | '\u{1F7E7}' => "orange",
        '\u{1F7E1}' | '\u{1F7E8}' => "yellow.darken(10%)",
        '\u{1F7E2}' | '\u{1F7E9}' => "green",
        '\u{1F535}' | '\u{1F7E6}' => "blue",
        '\u{1F7E3}' | '\u{1F7EA}' => "purple",
        '\u{1F7E4}' | '\u{1F7EB}' => "maroon",
        '\u{26AB}' | '\u{2B1B}' => "black",
        '\u{26AA}' | '\u{2B1C}' => "white",
        _ => {
            out.push_str(&format!("\\[U\\+{:04X}\\]", u32::from(c)));
            return;
        }
    };
    let shape = match c {
        '\u{1F7E5}'..='\u{1F7EB}' | '\u{2B1B}' | '\u{2B1C}' => "square(size: 0.8em",
        _ => "circle(radius: 0.4em",
    };
    out.push_str(&format!(
        "#box(baseline: 0.1em, {shape}, fill: {colour}, stroke: 0.4pt + luma(90)))"
    ));
}

/// Text as the inside of a Typst string literal (`"…"`); a character no
/// built-in font has is named, `[U+1F600]`.
pub fn escape_str(text: &str, out: &mut String) {
    for c in text.chars() {
        match c {
            '\\' => out.push_str("\\\\"),
            '"' => out.push_str("\\\""),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            c if c.is_control() => {}
            c if c.is_ascii() || super::pdf::has_glyph(c) => out.push(c),
            // No built-in font has it (PDF/A allows no missing glyph).
            c => out.push_str(&format!("[U+{:04X}]", u32::from(c))),
        }
    }
}

/// A template's value, printed as written both in Typst markup and inside
/// a string literal: every ASCII punctuation character becomes a Unicode
/// escape (`#` → `\u{23}`), which both read as the character itself; line
/// breaks and tabs become spaces, other control characters are dropped; a
/// character no built-in font has is named, `[U+1F389]`.
pub fn escape_value(text: &str, out: &mut String) {
    for c in text.chars() {
        match c {
            '\n' | '\r' | '\t' | '\u{85}' | '\u{2028}' | '\u{2029}' => out.push(' '),
            c if c.is_control() => {}
            c if c.is_ascii_punctuation() => out.push_str(&format!("\\u{{{:x}}}", u32::from(c))),
            c if c.is_ascii() || super::pdf::has_glyph(c) => out.push(c),
            // No built-in font has it (PDF/A allows no missing glyph): named, `[U+1F389]`.
            c => out.push_str(&format!("\\u{{5b}}U\\u{{2b}}{:04X}\\u{{5d}}", u32::from(c))),
        }
    }
}

/// `text` as a Typst string literal, quotes included.
pub fn string(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 2);
    out.push('"');
    escape_str(text, &mut out);
    out.push('"');
    out
}

/// How one Markdown document becomes Typst.
pub struct Conversion<'a> {
    /// Where its pictures may come from (none: pictures are left out)
    pub images: Option<&'a ImageBase>,
    /// Shown instead of the document's first level-1 heading (the PDF's
    /// bookmark for the part, "43/21 Sentralt styringsdokument …")
    pub title: Option<String>,
    /// The level every other heading is at least: 2 in a pack, so that the
    /// outline's first level is the notice and the cases
    pub min_level: u8,
}

/// Converts `markdown` to Typst markup, its pictures added to `images`.
pub fn to_typst(markdown: &str, how: &Conversion<'_>, images: &mut Images) -> String {
    let events = tame(markdown);
    // Footnote definitions, by label, are shown where they are referenced.
    let mut main = Vec::with_capacity(events.len());
    let mut notes: BTreeMap<String, Vec<Event<'_>>> = BTreeMap::new();
    let mut current: Option<(String, usize)> = None;
    for e in events {
        match (&mut current, e) {
            (None, Event::Start(Tag::FootnoteDefinition(label))) => {
                current = Some((label.to_string(), 0));
            }
            (Some((label, nested)), e) => {
                match &e {
                    Event::Start(_) => *nested += 1,
                    Event::End(TagEnd::FootnoteDefinition) if *nested == 0 => {
                        current = None;
                        continue;
                    }
                    Event::End(_) => *nested = nested.saturating_sub(1),
                    _ => {}
                }
                notes.entry(label.clone()).or_default().push(e);
            }
            (None, e) => main.push(e),
        }
    }
    let mut w = Writer {
        how,
        images,
        notes: &notes,
        out: String::with_capacity(markdown.len() * 2),
        closers: Vec::new(),
        titled: false,
        skipping: 0,
        table_head: None,
        in_footnote: 0,
        row: (Vec::new(), false),
    };
    w.events(&main);
    w.out
}

/// The Markdown's events, each top-level block that nests deeper than
/// `MAX_DEPTH` replaced by a code block of its text as written.
fn tame(markdown: &str) -> Vec<Event<'_>> {
    let mut events = Vec::new();
    let mut block: Vec<Event<'_>> = Vec::new();
    let (mut depth, mut deepest, mut start) = (0usize, 0usize, 0usize);
    for (event, range) in Parser::new_ext(markdown, cmark_options()).into_offset_iter() {
        match &event {
            Event::Start(_) => {
                if depth == 0 {
                    start = range.start;
                }
                depth += 1;
                deepest = deepest.max(depth);
            }
            Event::End(_) => depth = depth.saturating_sub(1),
            _ => {}
        }
        block.push(event);
        if depth > 0 {
            continue;
        }
        if deepest > MAX_DEPTH {
            let text = markdown.get(start..range.end).unwrap_or_default();
            events.push(Event::Start(Tag::CodeBlock(CodeBlockKind::Indented)));
            events.push(Event::Text(text.into()));
            events.push(Event::End(TagEnd::CodeBlock));
            block.clear();
        } else {
            events.append(&mut block);
        }
        deepest = 0;
    }
    events.append(&mut block);
    events
}

struct Writer<'a, 'b> {
    how: &'a Conversion<'a>,
    images: &'b mut Images,
    notes: &'a BTreeMap<String, Vec<Event<'a>>>,
    out: String,
    /// What closes each open element
    closers: Vec<&'static str>,
    /// Whether the part's title has been shown
    titled: bool,
    /// Inside a heading replaced by the title: its events are skipped
    skipping: usize,
    /// Where the table head began, and whether it has any text
    table_head: Option<(usize, bool)>,
    /// Footnotes being shown inside footnotes (a footnote naming itself)
    in_footnote: usize,
    /// Where each body cell of the open row begins, and whether one of them
    /// is too long to be kept on one page
    row: (Vec<usize>, bool),
}

/// A body cell with more markup than this may split across pages: rows are
/// kept whole (an agenda row never splits), but a cell taller than a page
/// would be cut off, and nothing may be lost.
const CELL_KEPT_WHOLE: usize = 1200;

impl Writer<'_, '_> {
    fn events(&mut self, events: &[Event<'_>]) {
        let mut i = 0;
        while let Some(e) = events.get(i) {
            i += 1;
            if self.skipping > 0 {
                match e {
                    Event::Start(_) => self.skipping += 1,
                    Event::End(_) => self.skipping -= 1,
                    _ => {}
                }
                continue;
            }
            match e {
                Event::Start(Tag::Image { dest_url, .. }) => {
                    // The picture's alt text is its inner text.
                    let mut alt = String::new();
                    let mut nested = 0usize;
                    while let Some(inner) = events.get(i) {
                        i += 1;
                        match inner {
                            Event::Start(_) => nested += 1,
                            Event::End(_) if nested == 0 => break,
                            Event::End(_) => nested -= 1,
                            Event::Text(t) | Event::Code(t) => alt.push_str(t),
                            _ => {}
                        }
                    }
                    self.image(dest_url, &alt);
                }
                Event::Start(Tag::CodeBlock(_)) => {
                    // Shown plain: no highlighting of the record's text.
                    let mut code = String::new();
                    while let Some(inner) = events.get(i) {
                        i += 1;
                        match inner {
                            Event::End(TagEnd::CodeBlock) => break,
                            Event::Text(t) => code.push_str(t),
                            _ => {}
                        }
                    }
                    self.out.push_str("#raw(block: true, ");
                    self.out.push_str(&string(code.trim_end_matches('\n')));
                    self.out.push_str(")\n\n");
                }
                Event::Start(Tag::Paragraph) => {
                    // A paragraph that leads into a list ("Tiltak:") stays with it.
                    let leads = matches!(
                        events.get(matching_end(events, i)),
                        Some(Event::Start(Tag::List(_)))
                    );
                    if leads {
                        self.out.push_str("#block(sticky: true)[");
                        self.closers.push("]\n\n");
                    } else {
                        self.closers.push("\n\n");
                    }
                }
                Event::Start(tag) => self.start(tag),
                Event::End(_) => {
                    if let Some(closer) = self.closers.pop() {
                        if closer == "TABLE_HEAD" {
                            self.end_table_head();
                        } else if closer == "TABLE_CELL" {
                            self.end_cell();
                        } else if closer == "TABLE_ROW" {
                            self.end_row();
                        } else {
                            self.out.push_str(closer);
                        }
                    }
                }
                Event::Text(t) => {
                    if let Some((_, text)) = &mut self.table_head {
                        *text |= !t.trim().is_empty();
                    }
                    escape_markup(t, &mut self.out);
                }
                Event::Code(t) => {
                    self.out.push_str("#raw(");
                    self.out.push_str(&string(t));
                    self.out.push(')');
                }
                Event::InlineMath(t) | Event::DisplayMath(t) => escape_markup(t, &mut self.out),
                Event::Html(html) => {
                    let text = strip_tags(html);
                    escape_markup(&text, &mut self.out);
                    self.out.push_str("\n\n");
                }
                Event::InlineHtml(html) => {
                    if is_break(html) {
                        self.out.push_str("#linebreak()");
                    }
                }
                Event::FootnoteReference(label) => self.footnote(label),
                Event::SoftBreak => self.out.push(' '),
                Event::HardBreak => self.out.push_str("#linebreak()"),
                Event::Rule => self.out.push_str("#line(length: 100%)\n\n"),
                Event::TaskListMarker(done) => {
                    self.out.push_str(if *done { "☒ " } else { "☐ " });
                }
            }
        }
    }

    fn start(&mut self, tag: &Tag<'_>) {
        let (open, close): (String, &'static str) = match tag {
            Tag::Heading { level, .. } => {
                // The document's first level-1 heading is its title: the
                // part's title instead, when it has one.
                let first = *level == HeadingLevel::H1 && !self.titled;
                self.titled |= *level == HeadingLevel::H1;
                if let (true, Some(title)) = (first, &self.how.title) {
                    self.out.push_str("#heading(level: 1)[");
                    escape_markup(title, &mut self.out);
                    self.out.push_str("]\n\n");
                    self.skipping = 1;
                    return;
                }
                let level = match first {
                    true => 1,
                    false => (*level as u8).max(self.how.min_level),
                };
                (format!("#heading(level: {level})["), "]\n\n")
            }
            // Not `quote`: its show rules stop Typst at 13 nested quotes.
            Tag::BlockQuote(_) => (
                "#block(inset: (left: 0.8em), stroke: (left: 1.5pt + luma(170)))[".into(),
                "]\n\n",
            ),
            Tag::List(Some(start)) => (format!("#enum(start: {start}, "), ")\n\n"),
            Tag::List(None) => ("#list(".into(), ")\n\n"),
            Tag::Item => ("[".into(), "], "),
            Tag::Table(aligns) => (
                format!("#table(columns: {}, ", aligns.len().max(1)),
                ")\n\n",
            ),
            Tag::TableHead => {
                self.table_head = Some((self.out.len(), false));
                self.out.push_str("table.header(");
                self.closers.push("TABLE_HEAD");
                return;
            }
            Tag::TableRow => {
                self.row = (Vec::new(), false);
                self.closers.push("TABLE_ROW");
                return;
            }
            Tag::TableCell if self.table_head.is_some() => {
                ("table.cell(fill: luma(236))[#strong[".into(), "]], ")
            }
            Tag::TableCell => {
                self.row.0.push(self.out.len());
                self.out.push('[');
                self.closers.push("TABLE_CELL");
                return;
            }
            Tag::Emphasis => ("#emph[".into(), "]"),
            Tag::Strong => ("#strong[".into(), "]"),
            Tag::Strikethrough => ("#strike[".into(), "]"),
            Tag::Link { dest_url, .. } if is_web(dest_url) => {
                (format!("#link({})[", string(dest_url)), "]")
            }
            _ => (String::new(), ""),
        };
        self.out.push_str(&open);
        self.closers.push(close);
    }

    /// The end of a body cell: is it too long to be kept on one page?
    fn end_cell(&mut self) {
        self.out.push_str("], ");
        if let Some(&at) = self.row.0.last() {
            self.row.1 |= self.out.len() - at > CELL_KEPT_WHOLE;
        }
    }

    /// The end of a body row: a row with a cell too long for one page may
    /// split (Typst keeps a row whole when any of its cells is unbreakable).
    fn end_row(&mut self) {
        let (starts, long) = std::mem::take(&mut self.row);
        if long {
            for at in starts.into_iter().rev() {
                if self.out.is_char_boundary(at) {
                    self.out.insert_str(at, "table.cell(breakable: true)");
                }
            }
        }
    }

    /// The end of a table's head: left out when all its cells are empty
    /// (the notice's key–value tables).
    fn end_table_head(&mut self) {
        match self.table_head.take() {
            Some((at, false)) => self.out.truncate(at),
            _ => self.out.push_str("), "),
        }
    }

    fn image(&mut self, src: &str, alt: &str) {
        let path = self.how.images.and_then(|base| self.images.add(base, src));
        // A picture without words is named by its file (PDF/UA wants words).
        let alt = match alt.trim() {
            "" => src,
            _ => alt,
        };
        match path {
            Some(path) => {
                self.out.push_str("#image(");
                self.out.push_str(&string(&path));
                self.out.push_str(", alt: ");
                self.out.push_str(&string(alt));
                self.out.push(')');
            }
            None => escape_markup(alt, &mut self.out),
        }
    }

    fn footnote(&mut self, label: &str) {
        match self.notes.get(label) {
            Some(note) if self.in_footnote < 4 => {
                self.in_footnote += 1;
                self.out.push_str("#footnote[");
                let closers = std::mem::take(&mut self.closers);
                self.events(note);
                self.closers = closers;
                self.out.push(']');
                self.in_footnote -= 1;
            }
            _ => escape_markup(&format!("[^{label}]"), &mut self.out),
        }
    }
}

/// The index just after the `End` matching the `Start` before `from`.
fn matching_end(events: &[Event<'_>], from: usize) -> usize {
    let mut depth = 0usize;
    let mut i = from;
    while let Some(e) = events.get(i) {
        i += 1;
        match e {
            Event::Start(_) => depth += 1,
            Event::End(_) if depth == 0 => return i,
            Event::End(_) => depth -= 1,
            _ => {}
        }
    }
    i
}

/// The longest link target Typst takes (its `Url`); a longer one is printed
/// as its text, not linked.
const LONGEST_URL: usize = 8000;

/// A link pds follows out of the PDF: the web and mail only.
fn is_web(url: &str) -> bool {
    let lower = url.to_ascii_lowercase();
    url.len() <= LONGEST_URL
        && ["https://", "http://", "mailto:"]
            .iter()
            .any(|p| lower.starts_with(p))
}

/// `<br>`, `<br/>`, `<br />`: the line breaks of the Markdown templates' table cells.
fn is_break(html: &str) -> bool {
    let tag: String = html
        .chars()
        .filter(|c| !c.is_whitespace() && *c != '/')
        .collect();
    tag.eq_ignore_ascii_case("<br>")
}

/// Raw HTML's text: comments and tags left out.
fn strip_tags(html: &str) -> String {
    let mut out = String::with_capacity(html.len());
    let mut rest = html;
    while let Some(at) = rest.find('<') {
        out.push_str(rest.get(..at).unwrap_or_default());
        let tail = rest.get(at..).unwrap_or_default();
        let end = if tail.starts_with("<!--") {
            tail.find("-->").map(|e| e + 3)
        } else {
            tail.find('>').map(|e| e + 1)
        };
        match end {
            Some(end) => rest = tail.get(end..).unwrap_or_default(),
            None => {
                rest = tail;
                break;
            }
        }
    }
    out.push_str(rest);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn typ(md: &str) -> String {
        let how = Conversion {
            images: None,
            title: None,
            min_level: 1,
        };
        to_typst(md, &how, &mut Images::default())
    }

    #[test]
    fn text_is_escaped_and_markup_converted() {
        assert_eq!(typ("a #b $c$"), "a \\#b \\$c\\$\n\n");
        assert_eq!(typ("*x* **y**"), "#emph[x] #strong[y]\n\n");
        assert_eq!(
            typ("- a\n- b\n"),
            "#list([a], [b], )\n\n",
            "a tight list's items"
        );
        assert_eq!(typ("`#x`"), "#raw(\"#x\")\n\n");
        assert_eq!(typ("a<br>b"), "a#linebreak()b\n\n");
    }

    #[test]
    fn a_value_reads_as_written_in_markup_and_in_strings() {
        let mut out = String::new();
        escape_value("a \"#x\\\n b", &mut out);
        assert_eq!(out, "a \\u{22}\\u{23}x\\u{5c}  b");
    }

    #[test]
    fn a_table_without_head_text_has_no_header() {
        let t = typ("| | |\n|---|---|\n| a | b |\n");
        assert_eq!(t, "#table(columns: 2, [a], [b], )\n\n");
        let t = typ("| x | y |\n|---|---|\n| a | b |\n");
        assert!(
            t.contains("table.header(table.cell(fill: luma(236))[#strong[x]], "),
            "{t}"
        );
    }

    #[test]
    fn footnotes_are_shown_where_referenced() {
        let t = typ("a[^1]\n\n[^1]: note\n");
        assert_eq!(t, "a#footnote[note\n\n]\n\n");
    }

    #[test]
    fn a_paragraph_leading_into_a_list_sticks_to_it() {
        let t = typ("Tiltak:\n\n- a\n");
        assert!(t.starts_with("#block(sticky: true)[Tiltak\\:]"), "{t}");
    }

    #[test]
    fn the_title_replaces_the_first_heading_and_others_go_down() {
        let how = Conversion {
            images: None,
            title: Some("43/21 X".into()),
            min_level: 2,
        };
        let t = to_typst("# 43-21 X\n\n# B\n", &how, &mut Images::default());
        assert_eq!(
            t,
            "#heading(level: 1)[43\\/21 X]\n\n#heading(level: 2)[B]\n\n"
        );
    }
}
