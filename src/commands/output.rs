//! The one way commands print: stdout through `print`, stderr through
//! `eprint`, and the exit code a failed write to stdout turns into.

/// Writes to stdout: the one way every command prints. A closed pipe
/// (`pds list cases | head -1`) is not an error: the rest is dropped quietly.
/// Any other failure (a full disk) is kept, nothing more is printed, and
/// `run` ends with exit 2 naming it.
pub fn print(text: &str) {
    print_bytes(text.as_bytes());
}

/// `print` of what `write` writes, as it writes it (a report of 100,000
/// findings is not held in memory whole first).
pub fn print_with(write: impl FnOnce(&mut dyn std::io::Write) -> std::io::Result<()>) {
    use std::io::Write;
    if STDOUT_FAILED.get().is_some() {
        return;
    }
    let mut out = std::io::BufWriter::with_capacity(64 * 1024, std::io::stdout().lock());
    if let Err(e) = write(&mut out).and_then(|()| out.flush()) {
        let _ = STDOUT_FAILED.set(e.kind());
    }
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
pub fn after_stdout(code: i32) -> i32 {
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
