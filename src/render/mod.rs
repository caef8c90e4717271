//! Rendering the board's documents from the record: build views, fill the
//! templates, and wrap HTML in the print-ready layout.

pub mod diff;
pub mod doc;
pub mod format;
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

pub use format::OutputFormat;
pub use renderer::{Fragment, Renderer};
