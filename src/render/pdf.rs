//! PDF output without a browser: the document's Markdown (filled from the
//! Markdown templates) becomes Typst markup (`typ.rs`), is filled into the
//! `layout.typ` template and typeset by the Typst compiler built into pds,
//! with fonts built into pds, and written as PDF/A-2b, tagged, with an
//! outline. Typst sees only files in memory: the page and the pictures read
//! from inside the record; it has no clock (dates come from
//! `SOURCE_DATE_EPOCH` or the record), so the same record gives the same bytes.

use super::pictures::ImageBase;
use super::renderer::{Fragment, Renderer};
use super::templates::template_error;
use super::typ::{self, Conversion, Images};
use super::view;
use super::OutputFormat;
use crate::diag::Error;
use crate::model::{Case, MeetingNumber};
use std::sync::LazyLock;
use typst::diag::{FileError, FileResult, SourceDiagnostic};
use typst::foundations::{Bytes, Datetime, Duration, Smart};
use typst::syntax::{FileId, RootedPath, Source, VirtualPath, VirtualRoot};
use typst::text::{Font, FontBook};
use typst::utils::LazyHash;
use typst::{Library, LibraryExt, World, WorldExt};
use typst_layout::PagedDocument;
use typst_pdf::{PdfOptions, PdfStandard, PdfStandards, Timestamp};

/// One document of a PDF, in the order printed; each after the first
/// starts on a new page.
pub struct Part {
    /// The document as Markdown, from the Markdown templates
    pub markdown: String,
    /// Shown instead of its first heading, and its bookmark: "43/21 Sentralt
    /// styringsdokument for steg 2" (none: the heading as written)
    pub title: Option<String>,
    /// Where its pictures may come from (none: their alt text is shown)
    pub images: Option<ImageBase>,
    /// Whether it starts on a new page: a case document does; the short
    /// sheet of a case without one follows on the page before
    pub new_page: bool,
}

/// What a PDF prints: its title, its meeting (for the running header and
/// the date) and its parts.
pub struct Document {
    pub title: String,
    pub meeting: Option<MeetingNumber>,
    pub parts: Vec<Part>,
}

/// The fonts built into pds (licences in fonts/NOTICE).
const FONTS: &[&[u8]] = &[
    include_bytes!("../../fonts/LibertinusSerif-Regular.otf"),
    include_bytes!("../../fonts/LibertinusSerif-Bold.otf"),
    include_bytes!("../../fonts/LibertinusSerif-Italic.otf"),
    include_bytes!("../../fonts/LibertinusSerif-BoldItalic.otf"),
    include_bytes!("../../fonts/DejaVuSansMono.ttf"),
];

static FONT_SET: LazyLock<(LazyHash<FontBook>, Vec<Font>)> = LazyLock::new(|| {
    let fonts: Vec<Font> = FONTS
        .iter()
        .flat_map(|data| Font::iter(Bytes::new(*data)))
        .collect();
    (LazyHash::new(FontBook::from_fonts(&fonts)), fonts)
});

/// Whether a built-in font shows `c`.
pub(crate) fn has_glyph(c: char) -> bool {
    FONT_SET
        .1
        .iter()
        .any(|font| font.info().coverage.contains(u32::from(c)))
}

static LIBRARY: LazyLock<LazyHash<Library>> = LazyLock::new(|| LazyHash::new(Library::default()));

impl Renderer<'_> {
    /// The pack as a PDF document: the notice, then each agenda case in
    /// order, bookmarked by its number and title: its document on a new
    /// page, or (a case without one) its short sheet where there is room.
    pub fn print_pack(&self, number: MeetingNumber) -> Result<Document, Error> {
        let notice = self.notice(number, OutputFormat::Pdf)?;
        let mut parts = vec![Part {
            markdown: notice.text,
            title: None,
            images: None,
            new_page: true,
        }];
        for (i, c) in self.record.agenda(number).into_iter().enumerate() {
            let mut part = self.case_part(c)?;
            // The notice has its page to itself.
            part.new_page |= i == 0;
            parts.push(part);
        }
        Ok(Document {
            title: notice.title,
            meeting: Some(number),
            parts,
        })
    }

    /// One case document as a PDF document.
    pub fn print_case(&self, c: &Case) -> Result<Document, Error> {
        let fragment = self.case(c, OutputFormat::Pdf)?;
        let mut part = self.case_part(c)?;
        part.markdown = fragment.text;
        Ok(Document {
            title: fragment.title,
            meeting: c.meeting_value(),
            parts: vec![part],
        })
    }

    /// Any other document (notice, minutes, overview, …), rendered with
    /// `OutputFormat::Pdf`, as a PDF document.
    pub fn print_fragment(&self, fragment: Fragment, meeting: Option<MeetingNumber>) -> Document {
        Document {
            title: fragment.title,
            meeting,
            parts: vec![Part {
                markdown: fragment.text,
                title: None,
                images: None,
                new_page: true,
            }],
        }
    }

    fn case_part(&self, c: &Case) -> Result<Part, Error> {
        let fragment = self.case(c, OutputFormat::Pdf)?;
        Ok(Part {
            markdown: fragment.text,
            title: c
                .number_value()
                .map(|n| format!("{n} {}", c.document_title())),
            images: Some(super::doc::case::image_base(self.record, c, &self.pictures)),
            new_page: c.has_document(),
        })
    }

    /// Typesets `doc`: the PDF's bytes.
    pub fn typeset(&self, doc: &Document) -> Result<Vec<u8>, Error> {
        let mut images = Images::default();
        let mut content = String::new();
        for (i, part) in doc.parts.iter().enumerate() {
            if i > 0 {
                content.push_str(match part.new_page {
                    true => "#pagebreak(weak: true)\n\n",
                    false => "#v(1.5em, weak: true)\n\n",
                });
            }
            let how = Conversion {
                images: part.images.as_ref(),
                title: part.title.clone(),
                min_level: 2,
            };
            content.push_str(&typ::to_typst(&part.markdown, &how, &mut images));
        }
        if let Some(error) = images.error() {
            return Err(error);
        }
        let meeting = doc
            .meeting
            .and_then(|n| self.record.meeting(n))
            .map(|m| view::meeting(self.record, &self.labels, m));
        let mut ctx = self.base_context();
        ctx.insert("title", &doc.title);
        ctx.insert(
            "author",
            self.record
                .board
                .secretariat
                .as_deref()
                .unwrap_or(&self.record.board.name),
        );
        ctx.insert("meeting", &meeting);
        ctx.insert("content", &content);
        let source = self
            .templates
            .typ
            .render("layout.typ", &ctx)
            .map_err(|e| template_error(&e, Some("layout.typ")))?;
        let world = PdfWorld::new(source, images.files);
        let document = typst::compile::<PagedDocument>(&world)
            .output
            .map_err(|errors| world.error(errors.as_slice()))?;
        // PDF/A-2b always; PDF/UA-1 (accessible) too where the document
        // meets it, else PDF/A-2b alone.
        let export = |standards: &[PdfStandard]| {
            let options = PdfOptions {
                ident: Smart::Custom(doc.title.clone()),
                creator: Smart::Custom(Some("pds".into())),
                timestamp: self.timestamp(doc.meeting),
                standards: PdfStandards::new(standards)
                    .map_err(|e| Error::Render(format!("PDF standards: {}", e.message())))?,
                tagged: true,
                ..PdfOptions::default()
            };
            typst_pdf::pdf(&document, &options).map_err(|errors| world.error(errors.as_slice()))
        };
        export(&[PdfStandard::A_2b, PdfStandard::Ua_1]).or_else(|_| export(&[PdfStandard::A_2b]))
    }

    /// The PDF's creation date: `SOURCE_DATE_EPOCH` when set (and a date
    /// PDF can hold, years 0–9999), else the meeting's date, else the last
    /// meeting's, else (a record of drafts only) 1980-01-01, the
    /// reproducible-builds' date for "none"; never the clock. PDF/A must
    /// have one.
    fn timestamp(&self, meeting: Option<MeetingNumber>) -> Option<Timestamp> {
        let from_epoch = || {
            use chrono::{Datelike, Timelike};
            let epoch = std::env::var("SOURCE_DATE_EPOCH")
                .ok()?
                .trim()
                .parse::<i64>()
                .ok()?;
            let t = chrono::DateTime::from_timestamp(epoch, 0)?;
            let datetime = Datetime::from_ymd_hms(
                t.year(),
                u8::try_from(t.month()).ok()?,
                u8::try_from(t.day()).ok()?,
                u8::try_from(t.hour()).ok()?,
                u8::try_from(t.minute()).ok()?,
                u8::try_from(t.second()).ok()?,
            )
            .filter(|_| (0..=9999).contains(&t.year()))?;
            Some(Timestamp::new_utc(datetime))
        };
        let from_record = || {
            let date = meeting
                .and_then(|n| self.record.meeting(n))
                .or_else(|| self.record.meetings.iter().max_by_key(|m| m.date.value))
                .map(|m| m.date.value)?;
            let datetime = Datetime::from_ymd(i32::from(date.year), date.month, date.day)?;
            Some(Timestamp::new_utc(datetime))
        };
        from_epoch()
            .or_else(from_record)
            .or_else(|| Datetime::from_ymd(1980, 1, 1).map(Timestamp::new_utc))
    }
}

/// What Typst sees: the page and the pictures, in memory; the fonts built in.
struct PdfWorld {
    main: FileId,
    source: Source,
    files: Vec<(FileId, Bytes)>,
}

fn file_id(path: &str) -> Option<FileId> {
    VirtualPath::new(path)
        .ok()
        .map(|vpath| RootedPath::new(VirtualRoot::Project, vpath).intern())
}

impl PdfWorld {
    fn new(source: String, pictures: Vec<(String, Vec<u8>)>) -> Self {
        // "/main.typ" is a valid path: the fallback is never taken.
        let main = file_id("/main.typ").unwrap_or_else(|| Source::detached("").id());
        PdfWorld {
            main,
            source: Source::new(main, source),
            files: pictures
                .into_iter()
                .filter_map(|(path, bytes)| Some((file_id(&path)?, Bytes::new(bytes))))
                .collect(),
        }
    }

    /// Typst's errors as pds's: the message, and where in the filled
    /// `layout.typ` (a broken override of it is the likely cause).
    fn error(&self, errors: &[SourceDiagnostic]) -> Error {
        let text: Vec<String> = errors
            .iter()
            .take(3)
            .map(|e| {
                let line = self
                    .range(e.span)
                    .and_then(|r| self.source.lines().byte_to_line(r.start))
                    .map(|l| format!(" (line {} of the filled page)", l + 1))
                    .unwrap_or_default();
                let hints: String = e.hints.iter().map(|h| format!("; hint: {}", h.v)).collect();
                format!("{}{line}{hints}", e.message)
            })
            .collect();
        Error::Template {
            template: Some("layout.typ".into()),
            message: format!(
                "layout.typ: Typst could not typeset the PDF: {}{}",
                text.join(" | "),
                match errors.len() {
                    0..=3 => String::new(),
                    n => format!(" (and {} more)", n - 3),
                }
            ),
        }
    }
}

impl World for PdfWorld {
    fn library(&self) -> &LazyHash<Library> {
        &LIBRARY
    }

    fn book(&self) -> &LazyHash<FontBook> {
        &FONT_SET.0
    }

    fn main(&self) -> FileId {
        self.main
    }

    fn source(&self, id: FileId) -> FileResult<Source> {
        if id == self.main {
            return Ok(self.source.clone());
        }
        Err(FileError::AccessDenied)
    }

    fn file(&self, id: FileId) -> FileResult<Bytes> {
        self.files
            .iter()
            .find(|(file, _)| *file == id)
            .map(|(_, bytes)| bytes.clone())
            .ok_or(FileError::AccessDenied)
    }

    fn font(&self, index: usize) -> Option<Font> {
        FONT_SET.1.get(index).cloned()
    }

    fn today(&self, _offset: Option<Duration>) -> Option<Datetime> {
        None
    }
}
