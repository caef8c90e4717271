//! Rendering the board's documents from the record: build views, fill the
//! templates, and wrap HTML in the print-ready layout.

pub mod doc;
pub mod labels;
pub mod markdown;
pub mod page;
pub mod pdf;
pub mod pictures;
pub mod public;
pub mod renderer;
pub mod svg;
pub mod templates;
pub mod view;

pub use renderer::{Flavor, Fragment, Renderer};

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
