//! pds: a governance board's paper trail as plain text in git.
//!
//! `load` reads a record into the `model`; `check` finds what is wrong with it;
//! `report` prints findings; `render` makes the board's documents. `diag`,
//! at the bottom, holds the files and findings every layer reports with.
//! ARCHITECTURE.md is the map: the layers, which may use which, the invariants.

pub mod archive;
pub mod check;
pub mod cli;
pub mod commands;
pub mod diag;
pub mod fmt;
pub mod git;
pub mod load;
pub mod model;
pub mod render;
pub mod report;
pub mod run;
pub mod write;
pub mod yaml;
