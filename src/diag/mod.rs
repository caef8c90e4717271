//! Diagnostics, the bottom layer: the files a record is read from
//! (`SourceFile`), places in them (`Location`) and what is wrong there
//! (`Finding`, with its `Code` and `Severity`), and the one `Error` that
//! stops a command. Every layer above uses these;
//! nothing here knows about the model, the checks or the commands.

pub mod code;
pub mod error;
pub mod finding;
pub mod source;

pub use code::{Code, Severity};
pub use error::{Error, Unreadable};
pub use finding::{nearest, Finding, Findings, Location, Related};
pub use source::{split_bom, ReadAgain, SourceFile, SHORT_TEXT};
