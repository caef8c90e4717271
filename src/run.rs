//! Runs a parsed command line and returns the exit code (SPEC §2):
//! 0 success, 1 the check found errors, else `Error::exit_code` (2 for bad
//! usage or an unknown name).

use crate::cli::{Cli, ColorChoice, Command};
use crate::commands::{self, after_stdout, eprint, print, Env};
use crate::diag::Error;
use std::io::IsTerminal;

pub fn run(cli: Cli) -> i32 {
    let color = match cli.color {
        ColorChoice::Always => true,
        ColorChoice::Never => false,
        ColorChoice::Auto => {
            std::env::var_os("NO_COLOR").is_none_or(|v| v.is_empty())
                && std::io::stdout().is_terminal()
        }
    };
    let env = Env {
        repo: cli.repo,
        color,
        quiet: cli.quiet,
    };
    let result = match cli.command {
        Command::Check(args) => commands::check::run(&env, &args),
        Command::List(args) => commands::list::run(&env, &args),
        Command::Next { year } => commands::next::run(&env, year),
        Command::Init(args) => commands::init::run(&env, &args),
        Command::Render(args) => commands::render::run(&env, &args),
        Command::Diff(args) => commands::diff::run(&env, &args),
        Command::Site {
            output,
            internal,
            pdf,
        } => commands::site::run(&env, &output, internal, pdf),
        Command::Serve { port, public } => commands::serve::run(&env, port, public),
        Command::Templates(cmd) => commands::templates::run(&env, &cmd),
        Command::New(cmd) => commands::new::run(&env, &cmd),
        Command::Fmt { check, paths } => commands::fmt::run(&env, check, &paths),
        Command::Completions { shell } => {
            let mut cmd = <Cli as clap::CommandFactory>::command();
            let mut out = Vec::new();
            clap_complete::generate(shell, &mut cmd, "pds", &mut out);
            print(&String::from_utf8_lossy(&out));
            Ok(0)
        }
        Command::Man => {
            let mut out = Vec::new();
            match clap_mangen::Man::new(<Cli as clap::CommandFactory>::command()).render(&mut out) {
                Ok(()) => {
                    print(&String::from_utf8_lossy(&out));
                    Ok(0)
                }
                Err(source) => Err(Error::Io {
                    doing: "write the man page",
                    path: None,
                    source,
                }),
            }
        }
        Command::Schema { kind } => commands::schema::run(kind.as_deref()),
        Command::Renumber {
            case,
            new,
            next,
            meeting,
            dry_run,
        } => commands::renumber::run(&env, &case, new, next, meeting, dry_run),
        Command::Archive(args) => commands::archive::run(&env, &args),
        Command::Schedule {
            draft,
            meeting,
            kind,
            title,
        } => commands::schedule::run(&env, &draft, meeting, kind.as_deref(), title.as_deref()),
    };
    match result {
        Ok(code) => after_stdout(code),
        // The report of the errors that refused it, printed as it is.
        Err(e @ Error::Refused(_)) => {
            eprint(&e.to_string());
            after_stdout(e.exit_code())
        }
        Err(e) => {
            // Messages quote file names and values: their control characters written out.
            let message = e.to_string();
            let message = crate::report::printable(&message, &['\n']);
            eprint(&format!("error: {message}\n"));
            e.exit_code()
        }
    }
}

/// A command line clap did not run: an error goes to stderr as clap prints
/// it; `--help` and `--version` to stdout, through `print` when stdout is
/// not a terminal, so a full disk or a closed pipe is handled like any output.
pub fn parse_failed(e: &clap::Error) -> i32 {
    if e.use_stderr() || std::io::stdout().is_terminal() {
        let _ = e.print();
        return e.exit_code();
    }
    print(&e.render().to_string());
    after_stdout(e.exit_code())
}
