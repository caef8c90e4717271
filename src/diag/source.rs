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
    path: PathBuf,
    text: String,
    line_starts: Vec<usize>,
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

impl SourceFile {
    /// `name` is the path relative to the record root; `text` the file's whole text.
    pub fn new(name: impl Into<String>, path: impl Into<PathBuf>, text: String) -> Self {
        let mut line_starts = vec![0];
        line_starts.extend(text.match_indices('\n').map(|(i, _)| i + 1));
        SourceFile {
            inner: Arc::new(Inner {
                name: name.into(),
                path: path.into(),
                text,
                line_starts,
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

    pub fn path(&self) -> &Path {
        &self.inner.path
    }

    pub fn text(&self) -> &str {
        &self.inner.text
    }

    /// 1-based line and column (in characters) of a byte offset.
    pub fn line_col(&self, offset: usize) -> (usize, usize) {
        let text = self.text();
        let offset = offset.min(text.len());
        let line = self.inner.line_starts.partition_point(|&s| s <= offset);
        let start = self
            .inner
            .line_starts
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

impl SourceCode for SourceFile {
    fn read_span<'a>(
        &'a self,
        span: &SourceSpan,
        context_lines_before: usize,
        context_lines_after: usize,
    ) -> Result<Box<dyn SpanContents<'a> + 'a>, MietteError> {
        let contents =
            self.inner
                .text
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
    fn line_and_column_are_one_based_and_count_characters() {
        let f = SourceFile::new("a.yaml", "a.yaml", "ab\nø: x\r\nz".to_string());
        assert_eq!(f.line_col(0), (1, 1));
        assert_eq!(f.line_col(3), (2, 1));
        // 'ø' is two bytes; ':' is the second character of line 2.
        assert_eq!(f.line_col(5), (2, 2));
        assert_eq!(f.line_col(10), (3, 1));
        assert_eq!(f.line_col(999), (3, 2));
    }
}
