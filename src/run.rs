//! Runs a parsed command line and returns the exit code (SPEC §2):
//! 0 success, 1 the check found errors, 2 bad usage or an unknown name.

use crate::cli::{Cli, ColorChoice, Command};
use crate::commands;
use std::io::IsTerminal;
use std::path::PathBuf;

/// A failure that is the user's to fix: printed as `error: …`, exit 2.
#[derive(Debug)]
pub struct UsageError(pub String);

impl<T: Into<String>> From<T> for UsageError {
    fn from(s: T) -> Self {
        UsageError(s.into())
    }
}

/// What every command gets besides its own arguments.
pub struct Env {
    pub repo: Option<PathBuf>,
    pub color: bool,
    pub quiet: bool,
}

impl Env {
    /// The record's root: `--repo`, or upward from the current folder.
    pub fn root(&self) -> Result<PathBuf, UsageError> {
        match &self.repo {
            Some(dir) => {
                if !dir.is_dir() {
                    return Err(
                        format!("{} does not exist or is not a folder", dir.display()).into(),
                    );
                }
                if !dir.join(crate::load::BOARD_FILE).is_file() {
                    return Err(format!(
                        "{} is not a pds record: it holds no pds.yaml",
                        dir.display()
                    )
                    .into());
                }
                Ok(dir.clone())
            }
            None => {
                let cwd = std::env::current_dir()
                    .map_err(|e| format!("cannot read the current folder: {e}"))?;
                crate::load::find_root(&cwd).ok_or_else(|| {
                    UsageError(
                        "no pds record here: no pds.yaml in this folder or any folder above it (use --repo DIR)".into(),
                    )
                })
            }
        }
    }
}

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
        Command::Render(args) => commands::render::run(&env, &args),
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
                Err(e) => Err(UsageError(format!("cannot write the man page: {e}"))),
            }
        }
        Command::Schedule { draft, meeting } => commands::new::schedule(&env, &draft, meeting),
    };
    match result {
        Ok(code) => after_stdout(code),
        Err(UsageError(message)) => {
            // Messages quote file names and values: their control characters written out.
            let message = crate::report::printable(&message, &['\n']);
            eprint(&format!("error: {message}\n"));
            2
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

/// Writes to stdout: the one way every command prints. A closed pipe
/// (`pds list cases | head -1`) is not an error: the rest is dropped quietly.
/// Any other failure (a full disk) is kept, nothing more is printed, and
/// `run` ends with exit 2 naming it.
pub fn print(text: &str) {
    print_bytes(text.as_bytes());
}

/// `print` for bytes that are not text (a PDF written to `-o -`).
pub fn print_bytes(bytes: &[u8]) {
    use std::io::Write;
    if STDOUT_FAILED.get().is_some() {
        return;
    }
    let mut out = std::io::stdout().lock();
    if let Err(e) = out.write_all(bytes).and_then(|()| out.flush()) {
        let _ = STDOUT_FAILED.set(e.kind());
    }
}

/// Writes to stderr. If that fails too there is nowhere left to say so: the
/// exit code tells (`eprintln!` would panic, exit 101).
pub fn eprint(text: &str) {
    use std::io::Write;
    let mut err = std::io::stderr().lock();
    let _ = err.write_all(text.as_bytes()).and_then(|()| err.flush());
}

/// The first failure to write to stdout, if any.
static STDOUT_FAILED: std::sync::OnceLock<std::io::ErrorKind> = std::sync::OnceLock::new();

/// The exit code once the command is done: a failed write to stdout turns
/// success into exit 2 with a message; a closed pipe changes nothing.
fn after_stdout(code: i32) -> i32 {
    match STDOUT_FAILED.get() {
        None | Some(std::io::ErrorKind::BrokenPipe) => code,
        Some(kind) => {
            eprint(&format!(
                "error: cannot write to standard output: {}\n",
                std::io::Error::from(*kind)
            ));
            2
        }
    }
}
