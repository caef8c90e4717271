//! One module per subcommand: each takes its arguments and returns an exit code.

pub mod check;
pub mod fmt;
pub mod list;
pub mod new;
pub mod next;
pub mod render;
pub mod templates;
