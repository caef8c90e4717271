//! The command line as users see it: every `tests/cmd/*.toml` runs `pds` in
//! its `*.in/` record (or the one named by `fs.base`) and compares stdout,
//! stderr and the exit code with the files beside it.
//!
//! After a deliberate change of output: `TRYCMD=overwrite cargo test --test
//! cli_tests`, then read every changed file as a user would.

#[test]
fn cli_tests() {
    trycmd::TestCases::new().case("tests/cmd/*.toml");
}
