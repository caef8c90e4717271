//! `pds render <document>`: the documents the board receives.

use crate::cli::{RenderArgs, RenderWhat};
use crate::model::{CaseNumber, MeetingNumber};
use crate::render::documents::{Flavor, Fragment, Renderer};
use crate::render::shortcode::StatusRef;
use crate::render::view::RenderOptions;
use crate::render::{invite, pdf, templates, OutputFormat};
use crate::run::{print, Env, UsageError};
use std::path::Path;

pub fn run(env: &Env, args: &RenderArgs) -> Result<i32, UsageError> {
    let root = env.root()?;
    if matches!(args.what, RenderWhat::Invite { .. }) && args.format != OutputFormat::Md {
        return Err("an invite is always iCalendar (.ics): leave out --format".into());
    }
    if args.format == OutputFormat::Pdf && args.output.is_none() {
        return Err("--format pdf writes a file: give it with -o FILE".into());
    }
    if let Some(out) = &args.output {
        check_output_path(out)?;
    }
    // A document of one year loads that year (and the small registers); when
    // what it names is not there, the whole record, for a good suggestion.
    let scoped = scope(&args.what).map(|scope| crate::load::load_scoped(&root, scope));
    let (record, findings, extras) = match scoped {
        Some(loaded) if names_something(&loaded.0, &args.what) => loaded,
        _ => crate::load::load(&root),
    };
    let templates = templates::load(&root)?;
    let renderer = Renderer::new(
        &record,
        &templates,
        RenderOptions {
            public: args.public,
        },
    )
    .with_load_findings(findings, extras);
    let flavor = match args.format {
        OutputFormat::Md => Flavor::Md,
        OutputFormat::Html | OutputFormat::Pdf => Flavor::Html,
    };
    let fragment: Fragment = match &args.what {
        RenderWhat::Notice { meeting } => renderer.notice(*meeting, flavor)?,
        RenderWhat::Case { case } => {
            let c = renderer.find_case(*case)?;
            renderer.case(c, flavor)?
        }
        RenderWhat::Overview { year, quarter } => {
            renderer.overview(*year, *quarter, flavor, false)?
        }
        RenderWhat::Risks => renderer.risks(flavor, false)?,
        RenderWhat::Status { which } => renderer.status(parse_status_ref(which)?, flavor, false)?,
        RenderWhat::Minutes { meeting } => renderer.minutes(*meeting, flavor)?,
        RenderWhat::Pack { meeting } => renderer.pack(*meeting, flavor)?,
        RenderWhat::Invite { meeting } => {
            let text = invite::invite(&renderer, *meeting)?;
            return write(&text, args.output.as_deref());
        }
    };
    // Pictures left out of an HTML document (remote, not a regular file, …).
    for warning in renderer.pictures.warnings() {
        eprintln!("warning: {warning}");
    }
    match args.format {
        OutputFormat::Md => write(&fragment.text, args.output.as_deref()),
        OutputFormat::Html => write(&renderer.page(&fragment)?, args.output.as_deref()),
        OutputFormat::Pdf => {
            let html = renderer.page(&fragment)?;
            let out = args.output.as_deref().ok_or("--format pdf needs -o FILE")?;
            pdf::print(&html, out)?;
            Ok(0)
        }
    }
}

fn scope(what: &RenderWhat) -> Option<crate::load::Scope> {
    let year = match what {
        RenderWhat::Notice { meeting }
        | RenderWhat::Pack { meeting }
        | RenderWhat::Minutes { meeting }
        | RenderWhat::Invite { meeting } => meeting.year,
        RenderWhat::Case { case } => case.year(),
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
        RenderWhat::Case { case } => record.cases_numbered(*case).next().is_some(),
        _ => true,
    }
}

/// Refuses an output path whose folder does not exist, before any work.
fn check_output_path(out: &Path) -> Result<(), UsageError> {
    let dir = out
        .parent()
        .filter(|p| !p.as_os_str().is_empty())
        .unwrap_or(Path::new("."));
    if !dir.is_dir() {
        return Err(format!(
            "cannot write {}: folder {} does not exist",
            out.display(),
            dir.display()
        )
        .into());
    }
    if out.is_dir() {
        return Err(format!("cannot write {}: it is a folder", out.display()).into());
    }
    Ok(())
}

/// Writes to stdout, or atomically to a file (temporary file in the same folder, then rename).
fn write(text: &str, output: Option<&Path>) -> Result<i32, UsageError> {
    match output {
        None => print(text),
        Some(path) => crate::write::atomic_write(path, text.as_bytes())
            .map_err(|e| format!("cannot write {}: {e}", path.display()))?,
    }
    Ok(0)
}

/// `2021-11-24` or `7/2021`.
fn parse_status_ref(which: &str) -> Result<StatusRef, UsageError> {
    if let Some(d) = crate::model::Date::parse(which) {
        return Ok(StatusRef::Date(d));
    }
    MeetingNumber::parse_arg(which)
        .map(StatusRef::Meeting)
        .map_err(|_| {
            UsageError(format!(
                "`{which}` is neither a date (2021-11-24) nor a meeting (7/2021)"
            ))
        })
}

/// Parses a meeting argument for clap.
pub fn meeting_arg(s: &str) -> Result<MeetingNumber, String> {
    MeetingNumber::parse_arg(s).map_err(|e| e.0)
}

/// Parses a case argument for clap.
pub fn case_arg(s: &str) -> Result<CaseNumber, String> {
    CaseNumber::parse_arg(s).map_err(|e| e.0)
}
