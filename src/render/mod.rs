//! Rendering the board's documents from the record: build views, fill the
//! templates, and wrap HTML in the print-ready layout.

pub mod documents;
pub mod invite;
pub mod labels;
pub mod markdown;
pub mod pdf;
pub mod public;
pub mod registers;
pub mod reports;
pub mod svg;
pub mod templates;
pub mod view;

/// `--format` of `pds render`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum OutputFormat {
    /// Markdown
    Md,
    /// One self-contained, print-ready HTML file
    Html,
    /// PDF, printed from the HTML by a headless Chromium (needs -o FILE)
    Pdf,
}
