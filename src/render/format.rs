//! What `pds render --format` writes: the one output-format enum of the
//! renderer, from the command line down to which templates fill a document.

/// `--format` of `pds render`. PDF is typeset from the Markdown (by the
/// Typst built into pds), so a document in PDF is filled from the Markdown
/// templates: one enum, not one for the command line and another for the
/// templates. (`render invite` is always
/// iCalendar and takes no `--format`.)
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum OutputFormat {
    /// Markdown
    Md,
    /// One self-contained, print-ready HTML file
    Html,
    /// PDF/A-2b, typeset by the Typst built into pds (needs -o FILE)
    Pdf,
}

impl OutputFormat {
    /// Whether the document is HTML: its Markdown is rendered and
    /// sanitised, its pictures inlined.
    pub fn is_html(self) -> bool {
        matches!(self, OutputFormat::Html)
    }

    /// The extension of the templates the document is filled from.
    pub fn template_ext(self) -> &'static str {
        match self.is_html() {
            true => "html",
            false => "md",
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pdf_is_filled_from_the_markdown_templates() {
        assert_eq!(OutputFormat::Md.template_ext(), "md");
        assert_eq!(OutputFormat::Html.template_ext(), "html");
        assert_eq!(OutputFormat::Pdf.template_ext(), "md");
        assert!(!OutputFormat::Md.is_html() && !OutputFormat::Pdf.is_html());
    }
}
