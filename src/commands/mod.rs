//! One module per subcommand: each takes its arguments and returns an exit code.

pub mod archive;
pub mod check;
pub mod diff;
pub mod env;
pub mod fmt;
pub mod init;
pub mod list;
pub mod new;
pub mod next;
pub mod output;
pub mod render;
pub mod renumber;
pub mod schedule;
pub mod schema;
pub mod serve;
pub mod site;
pub mod templates;

pub use env::Env;
pub use output::{after_stdout, eprint, print, print_bytes, print_with};
