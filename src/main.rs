//! The `pds` binary: parse the command line, run, exit with the code the library returns.

use clap::Parser;

fn main() {
    let cli = pds::cli::Cli::parse();
    std::process::exit(pds::run::run(cli));
}
