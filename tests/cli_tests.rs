//! The command line as users see it: every `tests/cmd/*.toml` runs `pds` in
//! its `*.in/` record (or the one named by `fs.base`) and compares stdout,
//! stderr and the exit code with the files beside it.
//!
//! After a deliberate change of output: `TRYCMD=overwrite cargo test --test
//! cli_tests`, then read every changed file as a user would.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)] // a panic is how a test fails

#[test]
fn cli_tests() {
    trycmd::TestCases::new().case("tests/cmd/*.toml");
}
