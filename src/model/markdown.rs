//! The Markdown dialect of case bodies: the one place that decides which
//! pulldown-cmark extensions pds uses, for rendering, for finding generated
//! blocks (`shortcode`) and for `pds fmt`'s checks alike.

use pulldown_cmark::Options;

/// The one place that decides which Markdown extensions pds uses.
pub fn cmark_options() -> Options {
    Options::ENABLE_TABLES | Options::ENABLE_FOOTNOTES | Options::ENABLE_STRIKETHROUGH
}
