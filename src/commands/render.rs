//! `pds render <document>`: the documents the board receives.

use super::{print_bytes, Env};
use crate::cli::{CaseArg, RenderArgs, RenderWhat};
use crate::diag::Error;
use crate::model::shortcode::StatusRef;
use crate::model::MeetingNumber;
use crate::render::view::RenderOptions;
use crate::render::{pdf, templates, Fragment, OutputFormat, Renderer};
use crate::report::printable;
use std::io::IsTerminal;
use std::path::Path;

pub fn run(env: &Env, args: &RenderArgs) -> Result<i32, Error> {
    let root = env.root()?;
    let format = check_options(&root, args)?;
    // A document of one year loads that year (and the small registers); when
    // what it names is not there, the whole record, for a good suggestion.
    // --public loads the whole record: its check is then `pds check`'s, and
    // an action item raised at a case of another year is known.
    let scoped = scope(&args.what)
        .filter(|_| !args.public)
        .map(|scope| crate::load::load_scoped(&root, scope));
    let (record, findings) = match scoped {
        Some(loaded) if names_something(&loaded.0, &args.what) => loaded,
        _ => crate::load::load(&root),
    };
    let templates = templates::load(&root)?;
    // --public: refused unless the record checks clean; then rendered from its public view.
    let (record, checked) = match args.public {
        true => {
            let checked = crate::check::check(&record, findings);
            match crate::render::public::prepare(record, checked) {
                Ok((view, checked)) => (view, Ok(checked)),
                Err(refusal) => return Err(Error::Refused(refusal.0)),
            }
        }
        false => (record, Err(findings)),
    };
    let renderer = Renderer::new(
        &record,
        &templates,
        RenderOptions {
            public: args.public,
        },
    );
    // Without --public, the check runs only if a document needs its
    // findings (the overview's footnotes).
    let renderer = match checked {
        Ok(checked) => renderer.with_findings(checked),
        Err(findings) => renderer.with_findings_from(|| crate::check::check(&record, findings)),
    };
    let fragment = document(&renderer, &args.what, format)?;
    // Pictures left out of an HTML document (remote, not a regular file, …).
    for warning in renderer.pictures.warnings() {
        eprintln!("warning: {warning}");
    }
    match format {
        OutputFormat::Md => write(&root, fragment.text.as_bytes(), args.output.as_deref()),
        OutputFormat::Html => write(
            &root,
            renderer.page(&fragment)?.as_bytes(),
            args.output.as_deref(),
        ),
        OutputFormat::Pdf => {
            let html = renderer.page(&fragment)?;
            let out = args
                .output
                .as_deref()
                .ok_or_else(|| Error::Usage("--format pdf needs -o FILE".into()))?;
            let pdf = pdf::print(&html)?;
            write(&root, &pdf, Some(out))
        }
    }
}

/// The document `what` names; an invite is its iCalendar text (written as
/// it is: `--format` is refused for it).
fn document(
    renderer: &Renderer,
    what: &RenderWhat,
    format: OutputFormat,
) -> Result<Fragment, Error> {
    match what {
        RenderWhat::Notice { meeting } => renderer.notice(*meeting, format),
        RenderWhat::Case {
            case: CaseArg::Number(case),
        } => renderer
            .find_case(*case)
            .and_then(|c| renderer.case(c, format)),
        RenderWhat::Case {
            case: CaseArg::Path(path),
        } => super::schedule::find_case_file(
            renderer.record,
            &renderer.record.root,
            path,
            "draft or case file",
        )
        .and_then(|c| renderer.case(c, format)),
        RenderWhat::Overview { year, quarter } => renderer.overview(*year, *quarter, format, false),
        RenderWhat::Risks => renderer.risks(format, false),
        RenderWhat::Status { which } => renderer.status(parse_status_ref(which)?, format, false),
        RenderWhat::Minutes { meeting } => renderer.minutes(*meeting, format),
        RenderWhat::Pack { meeting } => renderer.pack(*meeting, format),
        RenderWhat::Invite { meeting } => renderer.invite(*meeting).map(|text| Fragment {
            draft: false,
            title: String::new(),
            text,
        }),
    }
}

/// The extension of `-o FILE` (not `-o -`), in lower case.
fn extension(output: Option<&Path>) -> Option<String> {
    output
        .filter(|out| !is_stdout(out))
        .and_then(Path::extension)
        .map(|ext| ext.to_string_lossy().to_lowercase())
}

/// The format: `--format`, else the extension of `-o FILE` (`.md`, `.html`,
/// `.pdf`), else Markdown. An invite is always iCalendar: `--format` (but md) and an
/// extension other than `.ics` are refused for it, and `.ics` for anything else.
/// An explicit `--format` that contradicts a known extension is refused.
fn resolve_format(args: &RenderArgs) -> Result<OutputFormat, Error> {
    let ext = extension(args.output.as_deref());
    let from_ext = match ext.as_deref() {
        Some("md") => Some(OutputFormat::Md),
        Some("html") => Some(OutputFormat::Html),
        Some("pdf") => Some(OutputFormat::Pdf),
        _ => None,
    };
    let name = |f: OutputFormat| match f {
        OutputFormat::Md => "md",
        OutputFormat::Html => "html",
        OutputFormat::Pdf => "pdf",
    };
    if matches!(args.what, RenderWhat::Invite { .. }) {
        if args.format.is_some_and(|f| f != OutputFormat::Md) {
            return Err(Error::Usage(
                "an invite is always iCalendar (.ics): leave out --format".into(),
            ));
        }
        return match ext.as_deref() {
            Some(e) if e != "ics" && from_ext.is_some() => Err(Error::Usage(format!(
                "an invite is always iCalendar: write it to a .ics file, not a .{e} one"
            ))),
            _ => Ok(OutputFormat::Md),
        };
    }
    if ext.as_deref() == Some("ics") {
        return Err(Error::Usage(
            "only `render invite` writes iCalendar (.ics): give -o a .md, .html or .pdf file"
                .into(),
        ));
    }
    match (args.format, from_ext) {
        (Some(given), Some(by_ext)) if given != by_ext => Err(Error::Usage(format!(
            "--format {} contradicts -o's extension .{}: leave out --format, or name the file .{}",
            name(given),
            name(by_ext),
            name(given)
        ))),
        (Some(given), _) => Ok(given),
        (None, Some(by_ext)) => Ok(by_ext),
        (None, None) => Ok(OutputFormat::Md),
    }
}

/// What `--format` and `-o` ask for, refused before any work when it cannot
/// be done; the format to write.
fn check_options(root: &Path, args: &RenderArgs) -> Result<OutputFormat, Error> {
    let format = resolve_format(args)?;
    match args.output.as_deref() {
        None if format == OutputFormat::Pdf => {
            return Err(Error::Usage(
                "--format pdf writes a file: give it with -o FILE (or -o - to send the bytes to a pipe)"
                    .into(),
            ));
        }
        Some(out)
            if format == OutputFormat::Pdf && is_stdout(out) && std::io::stdout().is_terminal() =>
        {
            return Err(Error::Usage("-o - would print the PDF's bytes to the terminal: redirect them (-o - > file.pdf) or give -o FILE".into()));
        }
        Some(out) => check_output_path(root, out)?,
        None => {}
    }
    Ok(format)
}

fn scope(what: &RenderWhat) -> Option<crate::load::Scope> {
    let year = match what {
        RenderWhat::Notice { meeting }
        | RenderWhat::Pack { meeting }
        | RenderWhat::Minutes { meeting }
        | RenderWhat::Invite { meeting } => meeting.year,
        RenderWhat::Case {
            case: CaseArg::Number(case),
        } => case.year(),
        // A case file may be a draft (no year) or any year's case.
        RenderWhat::Case {
            case: CaseArg::Path(_),
        } => return None,
        RenderWhat::Overview { year, .. } => *year,
        RenderWhat::Risks | RenderWhat::Status { .. } => return None,
    };
    Some(crate::load::Scope { year })
}

fn names_something(record: &crate::model::Record, what: &RenderWhat) -> bool {
    match what {
        RenderWhat::Notice { meeting }
        | RenderWhat::Pack { meeting }
        | RenderWhat::Minutes { meeting }
        | RenderWhat::Invite { meeting } => record.meeting(*meeting).is_some(),
        RenderWhat::Case {
            case: CaseArg::Number(case),
        } => record.cases_numbered(*case).next().is_some(),
        _ => true,
    }
}

/// `-o -`: the document goes to stdout.
pub(super) fn is_stdout(out: &Path) -> bool {
    out.as_os_str() == "-"
}

/// Where `-o` may write, checked before any work and again just before the
/// write: a new file or a regular one, in a folder that exists, that is not a
/// file of the record. A device, FIFO, socket, symbolic link or folder is
/// refused (the rename that writes atomically would replace it), and so is
/// anything pds reads as the record (a case, `meetings.yaml`, `pds.yaml`, a
/// register, a template, a picture beside a case).
pub(super) fn check_output_path(root: &Path, out: &Path) -> Result<(), Error> {
    if is_stdout(out) {
        return Ok(());
    }
    let shown = printable(&out.display().to_string(), &[]).into_owned();
    let refuse = |why: &str| Error::Usage(format!("cannot write {shown}: {why}"));
    let Some(name) = out.file_name() else {
        return Err(refuse("it does not name a file"));
    };
    let dir = out
        .parent()
        .filter(|p| !p.as_os_str().is_empty())
        .unwrap_or(Path::new("."));
    if !dir.is_dir() {
        return Err(refuse(&format!(
            "folder {} does not exist",
            printable(&dir.display().to_string(), &[])
        )));
    }
    let exists = match std::fs::symlink_metadata(out) {
        Ok(meta) => {
            if let Some(kind) = not_a_file(&meta.file_type()) {
                return Err(refuse(&format!(
                    "it is {kind}, not a regular file; pds writes only new or regular files (-o - writes to stdout)"
                )));
            }
            true
        }
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => false,
        Err(e) => return Err(refuse(&e.to_string())),
    };
    // Inside the record? Resolve the folder, so `./x/../2021/` and linked
    // folders are seen for what they are.
    let (Ok(dir_abs), Ok(root_abs)) = (dir.canonicalize(), root.canonicalize()) else {
        return Ok(());
    };
    // A git repository's own files (its HEAD, config, hooks) are no place
    // for a document: one there can break the repository or run as a hook.
    if dir_abs.components().any(|c| c.as_os_str() == ".git") {
        return Err(refuse(
            "it is inside a .git folder; write the document outside it",
        ));
    }
    if let Ok(rel) = dir_abs.join(name).strip_prefix(&root_abs) {
        let rel = rel.to_string_lossy().replace('\\', "/");
        if is_record_file(&rel, exists) {
            return Err(refuse(&format!(
                "it is {}, a file of the record; write the document outside the record's folders",
                printable(&rel, &[])
            )));
        }
    }
    Ok(())
}

/// What a file that is not a regular one is, for the message; `None` for a regular file.
fn not_a_file(t: &std::fs::FileType) -> Option<&'static str> {
    if t.is_file() {
        return None;
    }
    if t.is_symlink() {
        return Some("a symbolic link");
    }
    if t.is_dir() {
        return Some("a folder");
    }
    #[cfg(unix)]
    {
        use std::os::unix::fs::FileTypeExt;
        if t.is_char_device() || t.is_block_device() {
            return Some("a device");
        }
        if t.is_fifo() {
            return Some("a FIFO (named pipe)");
        }
        if t.is_socket() {
            return Some("a socket");
        }
    }
    Some("a special file")
}

/// A path relative to the record's root that the record owns: one pds reads
/// (new or existing), anything in `templates/`, and any existing file in the
/// folders pds reads (a picture beside a case).
fn is_record_file(rel: &str, exists: bool) -> bool {
    if crate::load::classify(rel).is_some() {
        return true;
    }
    let first = rel.split('/').next().unwrap_or_default();
    rel.contains('/')
        && (first == "templates"
            || (exists
                && (crate::load::is_year(first) || ["drafts", "risks", "status"].contains(&first))))
}

/// Writes to stdout (no `-o`, or `-o -`), or atomically to a file (a
/// temporary file in the same folder, then renamed into place).
pub(super) fn write(root: &Path, bytes: &[u8], output: Option<&Path>) -> Result<i32, Error> {
    match output {
        None => print_bytes(bytes),
        Some(path) if is_stdout(path) => print_bytes(bytes),
        Some(path) => {
            check_output_path(root, path)?;
            crate::write::write_document(path, bytes)?
        }
    }
    Ok(0)
}

/// `2021-11-24` or `7/2021`.
fn parse_status_ref(which: &str) -> Result<StatusRef, Error> {
    if let Some(d) = crate::model::Date::parse(which) {
        return Ok(StatusRef::Date(d));
    }
    MeetingNumber::parse_arg(which)
        .map(StatusRef::Meeting)
        .map_err(|_| {
            Error::Usage(format!(
                "`{which}` is neither a date (2021-11-24) nor a meeting (7/2021)"
            ))
        })
}
