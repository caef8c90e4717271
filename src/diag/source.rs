//! One loaded file: its path in the record, its text and a line index.
//!
//! Made once per file and shared (`Arc`) by every finding that points into it;
//! it is also the `miette::SourceCode` that human reports quote from.

use miette::{MietteError, MietteSpanContents, SourceCode, SourceSpan, SpanContents};
use std::path::{Path, PathBuf};
use std::sync::Arc;

#[derive(Clone)]
pub struct SourceFile {
    inner: Arc<Inner>,
}

struct Inner {
    /// Path relative to the record's root, with `/` separators.
    name: String,
    place: Place,
    text: Text,
    /// Where the content starts: after a byte-order mark, if there is one (0 or 3).
    content_start: u32,
    /// Where each line starts, counted when a position is first asked for
    /// (most files of a record have no finding, and are never asked).
    line_starts: std::sync::OnceLock<Box<[usize]>>,
}

/// Where a file is.
enum Place {
    /// In this folder (a record's, shared by its files), by its name.
    In(Arc<Path>),
    /// At a path of its own.
    At(Box<Path>),
}

impl std::fmt::Debug for SourceFile {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_tuple("SourceFile").field(&self.inner.name).finish()
    }
}

impl PartialEq for SourceFile {
    fn eq(&self, other: &Self) -> bool {
        Arc::ptr_eq(&self.inner, &other.inner) || self.inner.name == other.inner.name
    }
}

/// A file's text: held, or left on disk until a finding quotes it.
enum Text {
    Held(String),
    /// The first `len` bytes of the file at the path, which hashed to
    /// `hash` when they were read: read again the first time they are asked
    /// for, and used only if they are still the same (else the text is
    /// empty, and a report shows no snippet).
    OnDisk {
        len: u32,
        hash: u64,
        /// How to read the file again: the loader's function (this layer
        /// does no I/O of its own).
        read_again: ReadAgain,
        read: std::sync::OnceLock<Box<str>>,
    },
}

/// Reads the file at a path again, when a text left on disk is asked for.
pub type ReadAgain = fn(&Path) -> Option<Vec<u8>>;

/// The hash a text left on disk is known again by: FNV-1a over eight
/// bytes at a time (a change, not an attacker, is what it must notice; the
/// standard library's SipHash cost a tenth of reading the file).
fn hash_of(text: &str) -> u64 {
    const PRIME: u64 = 0x0000_0100_0000_01b3;
    let mut hash: u64 = 0xcbf2_9ce4_8422_2325 ^ text.len() as u64;
    let chunks = text.as_bytes().chunks(8);
    for chunk in chunks {
        let mut word = [0u8; 8];
        word.iter_mut().zip(chunk).for_each(|(w, b)| *w = *b);
        hash = (hash ^ u64::from_le_bytes(word)).wrapping_mul(PRIME);
        hash ^= hash >> 29;
    }
    hash
}

impl SourceFile {
    /// `name` is the path relative to the record root; `text` the file's whole text.
    pub fn new(name: impl Into<String>, path: impl Into<PathBuf>, text: String) -> Self {
        Self::made(name.into(), Place::At(path.into().into_boxed_path()), text)
    }

    /// A file of the record in `folder` (its root), by its name in it: the
    /// folder's path is shared by every file of the record, not repeated.
    pub fn in_folder(folder: &Arc<Path>, name: impl Into<String>, text: String) -> Self {
        Self::made(name.into(), Place::In(Arc::clone(folder)), text)
    }

    fn made(name: String, place: Place, text: String) -> Self {
        let content_start = split_bom(&text).0.len() as u32;
        SourceFile {
            inner: Arc::new(Inner {
                name,
                place,
                text: Text::Held(text),
                content_start,
                line_starts: std::sync::OnceLock::new(),
            }),
        }
    }

    /// A file known by name only (unreadable, or not text).
    pub fn empty(name: impl Into<String>, path: impl Into<PathBuf>) -> Self {
        Self::new(name, path, String::new())
    }

    pub fn name(&self) -> &str {
        &self.inner.name
    }

    /// Where the file is.
    pub fn path(&self) -> PathBuf {
        match &self.inner.place {
            Place::In(folder) => folder.join(&self.inner.name),
            Place::At(path) => path.to_path_buf(),
        }
    }

    /// The whole text, a byte-order mark included (offsets count from here).
    pub fn text(&self) -> &str {
        match &self.inner.text {
            Text::Held(text) => text,
            Text::OnDisk {
                len,
                hash,
                read_again,
                read,
            } => read.get_or_init(|| {
                let again = read_again(&self.path()).unwrap_or_default();
                again
                    .get(..*len as usize)
                    .and_then(|head| std::str::from_utf8(head).ok())
                    .filter(|head| hash_of(head) == *hash)
                    .map(Box::from)
                    .unwrap_or_default()
            }),
        }
    }

    /// The text's length in bytes, known without reading a text left on disk.
    pub fn len(&self) -> usize {
        match &self.inner.text {
            Text::Held(text) => text.len(),
            Text::OnDisk { len, .. } => *len as usize,
        }
    }

    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// The text after a byte-order mark, which is what the parsers read.
    pub fn content(&self) -> &str {
        self.text().get(self.content_start()..).unwrap_or_default()
    }

    /// The offset in `text()` where `content()` starts: 3 after a byte-order mark, else 0.
    pub fn content_start(&self) -> usize {
        self.inner.content_start as usize
    }

    /// A file of the record in `folder` whose text, `text`, is not kept in
    /// memory: `text()` reads it from the file again with `read_again` when
    /// asked (a report quoting it), and is empty if the file no longer
    /// starts with it. `pds check` keeps 100,000 case files this way, most
    /// of which no finding ever quotes; the caller reads positions in the
    /// text it still holds with `Location::in_text`.
    pub fn left_on_disk(
        folder: &Arc<Path>,
        name: impl Into<String>,
        text: &str,
        read_again: ReadAgain,
    ) -> Self {
        SourceFile {
            inner: Arc::new(Inner {
                name: name.into(),
                place: Place::In(Arc::clone(folder)),
                text: Text::OnDisk {
                    len: u32::try_from(text.len()).unwrap_or(u32::MAX),
                    hash: hash_of(text),
                    read_again,
                    read: std::sync::OnceLock::new(),
                },
                content_start: split_bom(text).0.len() as u32,
                line_starts: std::sync::OnceLock::new(),
            }),
        }
    }

    /// 1-based line and column (in characters) of a byte offset.
    pub fn line_col(&self, offset: usize) -> (usize, usize) {
        let text = self.text();
        if text.len() <= SHORT_TEXT {
            return line_col_in(text, offset);
        }
        let offset = offset.min(text.len());
        let line_starts = self.inner.line_starts.get_or_init(|| {
            std::iter::once(0)
                .chain(memchr::memchr_iter(b'\n', text.as_bytes()).map(|i| i + 1))
                .collect::<Box<[usize]>>()
        });
        let line = line_starts.partition_point(|&s| s <= offset);
        let start = line_starts
            .get(line.saturating_sub(1))
            .copied()
            .unwrap_or(0);
        let col = text
            .get(start..offset)
            .map(|s| s.chars().count())
            .unwrap_or(0);
        (line.max(1), col + 1)
    }
}

/// Up to this many bytes, a position's line is counted in the text itself;
/// in a longer text, in a table of where its lines start, made once.
pub const SHORT_TEXT: usize = 4096;

/// 1-based line and column (in characters) of a byte offset in a short
/// text (a case's front matter), counted each time: no table is kept.
pub fn line_col_in(text: &str, offset: usize) -> (usize, usize) {
    let offset = offset.min(text.len());
    let before = text.as_bytes().get(..offset).unwrap_or_default();
    let line = memchr::memchr_iter(b'\n', before).count() + 1;
    let start = memchr::memrchr(b'\n', before).map_or(0, |i| i + 1);
    let col = text
        .get(start..offset)
        .map(|s| s.chars().count())
        .unwrap_or(0);
    (line, col + 1)
}

/// A text split into its byte-order mark (`""` or `"\u{feff}"`) and what
/// follows. Editors may write the mark at the start of a file; pds reads past
/// it and, when it rewrites a file, keeps it. The one place that knows the mark.
pub fn split_bom(text: &str) -> (&str, &str) {
    match text.strip_prefix('\u{feff}') {
        Some(rest) => ("\u{feff}", rest),
        None => ("", text),
    }
}

impl SourceCode for SourceFile {
    fn read_span<'a>(
        &'a self,
        span: &SourceSpan,
        context_lines_before: usize,
        context_lines_after: usize,
    ) -> Result<Box<dyn SpanContents<'a> + 'a>, MietteError> {
        let contents = self
            .text()
            .read_span(span, context_lines_before, context_lines_after)?;
        Ok(Box::new(MietteSpanContents::new_named(
            self.inner.name.clone(),
            contents.data(),
            *contents.span(),
            contents.line(),
            contents.column(),
            contents.line_count(),
        )))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_byte_order_mark_is_kept_in_the_text_and_skipped_in_the_content() {
        assert_eq!(split_bom("\u{feff}a: 1\n"), ("\u{feff}", "a: 1\n"));
        assert_eq!(split_bom("a: 1\n"), ("", "a: 1\n"));
        let f = SourceFile::new("a.yaml", "a.yaml", "\u{feff}a: 1\n".to_string());
        assert_eq!((f.content_start(), f.content()), (3, "a: 1\n"));
        assert_eq!(f.text(), "\u{feff}a: 1\n");
        let f = SourceFile::new("a.yaml", "a.yaml", "a: \u{feff}\n".to_string());
        assert_eq!((f.content_start(), f.content()), (0, "a: \u{feff}\n"));
    }

    #[test]
    fn line_and_column_are_one_based_and_count_characters() {
        let f = SourceFile::new("a.yaml", "a.yaml", "ab\nø: x\r\nz".to_string());
        assert_eq!(f.line_col(0), (1, 1));
        assert_eq!(f.line_col(3), (2, 1));
        // 'ø' is two bytes; ':' is the second character of line 2.
        assert_eq!(f.line_col(5), (2, 2));
        assert_eq!(f.line_col(10), (3, 1));
        assert_eq!(f.line_col(999), (3, 2));
    }

    #[test]
    fn a_text_left_on_disk_is_read_again_only_while_the_file_still_holds_it() {
        let dir = tempfile::tempdir().unwrap();
        let folder: Arc<Path> = Arc::from(dir.path());
        let path = dir.path().join("1.md");
        std::fs::write(&path, "---\nnumber: 1/21\n---\nBody\n").unwrap();
        let head = "---\nnumber: 1/21\n---\n";
        let read_again: ReadAgain = |path| std::fs::read(path).ok();
        let left = SourceFile::left_on_disk(&folder, "1.md", head, read_again);
        assert!(matches!(left.inner.text, Text::OnDisk { .. }));
        assert_eq!(
            (left.name(), left.path(), left.len()),
            ("1.md", path.clone(), head.len())
        );
        assert_eq!(left.text(), head);
        assert_eq!(left.line_col(8), (2, 5));
        // Changed since it was read: no text rather than a wrong one.
        std::fs::write(&path, "---\nnumber: 2/21\n---\nBody\n").unwrap();
        let changed = SourceFile::left_on_disk(&folder, "1.md", head, read_again);
        assert_eq!(changed.text(), "");
        std::fs::remove_file(&path).unwrap();
        let gone = SourceFile::left_on_disk(&folder, "1.md", head, read_again);
        assert_eq!(gone.text(), "");
        // A byte-order mark is still known to be there.
        let bom = SourceFile::left_on_disk(&folder, "b.md", "\u{feff}a: 1\n", read_again);
        assert_eq!(bom.content_start(), 3);
    }

    #[test]
    fn a_file_in_a_folder_is_found_by_its_name_in_it() {
        let folder: Arc<Path> = Arc::from(Path::new("/r"));
        let f = SourceFile::in_folder(&folder, "2021/1.md", String::new());
        assert_eq!(
            (f.name(), f.path()),
            ("2021/1.md", PathBuf::from("/r/2021/1.md"))
        );
        let g = SourceFile::new("2021/1.md", "/elsewhere/2.md", String::new());
        assert_eq!(g.path(), PathBuf::from("/elsewhere/2.md"));
    }

    #[test]
    fn a_long_text_is_counted_as_a_short_one() {
        let line = "ab ø\n";
        let short: String = line.repeat(10);
        let long: String = line.repeat(2 * SHORT_TEXT / line.len());
        let (s, l) = (
            SourceFile::new("s", "s", short.clone()),
            SourceFile::new("l", "l", long),
        );
        for offset in 0..short.len() {
            assert_eq!(s.line_col(offset), l.line_col(offset), "at {offset}");
        }
        assert_eq!(l.line_col(5 * 6 + 3), (6, 4));
    }
}
