//! Splitting a case file into its YAML front matter and Markdown body.

/// Where the front matter and the body stand in a file's text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Split<'a> {
    pub yaml: &'a str,
    /// Byte offset of `yaml` in the text.
    pub yaml_offset: usize,
    pub body: &'a str,
    pub body_offset: usize,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum SplitError {
    /// The file does not start with a `---` line.
    Missing,
    /// The `---` opened at the start is never closed.
    Unclosed,
}

/// Splits `---\n<yaml>\n---\n<body>`. A byte-order mark was removed before;
/// CRLF line endings are fine, and `...` also closes the block.
pub fn split(text: &str) -> Result<Split<'_>, SplitError> {
    let first_end = text.find('\n').map(|i| i + 1).unwrap_or(text.len());
    let first = text.get(..first_end).unwrap_or("");
    if first.trim_end() != "---" {
        return Err(SplitError::Missing);
    }
    // Line by line from the second (found with memchr: a case's front
    // matter is read for every file `check` loads); only a line starting
    // with `-` or `.` can close it.
    let bytes = text.as_bytes();
    let mut offset = first_end;
    while offset < bytes.len() {
        let end = memchr::memchr(b'\n', bytes.get(offset..).unwrap_or_default())
            .map_or(bytes.len(), |i| offset + i + 1);
        if matches!(bytes.get(offset), Some(b'-' | b'.')) {
            let trimmed = text.get(offset..end).unwrap_or("").trim_end();
            if trimmed == "---" || trimmed == "..." {
                return Ok(Split {
                    yaml: text.get(first_end..offset).unwrap_or(""),
                    yaml_offset: first_end,
                    body: text.get(end..).unwrap_or(""),
                    body_offset: end,
                });
            }
        }
        offset = end;
    }
    Err(SplitError::Unclosed)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn splits_front_matter_from_body() {
        let s = split("---\nnumber: 1/21\n---\nBody\n").unwrap();
        assert_eq!(s.yaml, "number: 1/21\n");
        assert_eq!(s.yaml_offset, 4);
        assert_eq!(s.body, "Body\n");
        assert_eq!(s.body_offset, 21);
    }

    #[test]
    fn accepts_crlf_and_an_empty_body() {
        let s = split("---\r\na: 1\r\n---\r\n").unwrap();
        assert_eq!(s.yaml, "a: 1\r\n");
        assert_eq!(s.body, "");
    }

    #[test]
    fn a_dashed_line_in_the_body_is_body() {
        let s = split("---\na: 1\n---\ntext\n---\nmore\n").unwrap();
        assert_eq!(s.body, "text\n---\nmore\n");
    }

    #[test]
    fn missing_and_unclosed_front_matter_are_told_apart() {
        assert_eq!(split("# Title\n"), Err(SplitError::Missing));
        assert_eq!(split(""), Err(SplitError::Missing));
        assert_eq!(split("---\na: 1\n"), Err(SplitError::Unclosed));
        assert_eq!(split("---"), Err(SplitError::Unclosed));
    }
}
