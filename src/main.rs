//! The `pds` binary: parse the command line, run, exit with the code the library returns.

use clap::Parser;

fn main() {
    let code = match pds::cli::Cli::try_parse() {
        Ok(cli) => pds::run::run(cli),
        Err(e) => pds::run::parse_failed(&e),
    };
    std::process::exit(code);
}
