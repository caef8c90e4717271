//! `pds check`.

use super::{print, Env};
use crate::cli::CheckArgs;
use crate::diag::{Code, Error};
use crate::report::{self, Format, Summary};

pub fn run(env: &Env, args: &CheckArgs) -> Result<i32, Error> {
    if let Some(name) = &args.explain {
        return explain(name);
    }
    let records = env.records_of(&args.paths)?;
    for path in &records.outside {
        if !env.quiet {
            super::output::eprint(&format!(
                "note: {} is in no pds record: not checked\n",
                crate::report::printable(&path.display().to_string(), &[])
            ));
        }
    }
    if records.groups.len() > 1 && args.format != Format::Human {
        return Err(Error::Usage(format!(
            "the files given are in {} records, and a report for programs covers one: give --repo DIR",
            records.groups.len(),
        )));
    }
    let mut code = 0;
    for (root, _) in &records.groups {
        code = code.max(check_one(env, args, root)?);
    }
    Ok(code)
}

/// `pds check` of the record at `root`.
fn check_one(env: &Env, args: &CheckArgs, root: &std::path::Path) -> Result<i32, Error> {
    let root = root.to_path_buf();
    // Against a base, the bodies too: an approved meeting's case documents are frozen.
    let (record, mut findings) = match args.base {
        Some(_) => crate::load::load(&root),
        None => crate::load::load_headers(&root),
    };
    if let Some(rev) = &args.base {
        let texts = crate::git::record_at(&root, rev)?;
        let (base, _) = crate::load::load_texts(&root, &texts);
        crate::check::base::compare(&record, &base, rev, &mut findings);
    }
    let mut findings = crate::check::check(&record, findings);
    let summary = Summary::of(&findings, record.files);
    // The report is made from the findings alone, and written as it is
    // made. The record is not taken apart (100,000 cases took 25 ms to
    // free): the process ends when the report is written.
    std::mem::forget(record);
    // -q trims what people read; output for programs stays whole.
    if env.quiet && args.format == Format::Human {
        findings.retain(|f| !f.is_acknowledged());
    }
    let text = match args.format {
        Format::Human => {
            let mut text = report::human::render(
                &findings,
                &summary,
                env.color,
                80,
                report::MAX_PER_CODE,
                &display_prefix(&root),
            );
            if env.quiet && findings.is_empty() {
                text.clear();
            }
            text
        }
        Format::Json => {
            super::print_with(|out| report::json::write(&findings, &summary, out));
            String::new()
        }
        Format::Github => {
            report::github::render(&findings, &display_prefix(&root), report::MAX_PER_CODE)
        }
    };
    print(&text);
    Ok(if summary.fails(args.deny_warnings) {
        1
    } else {
        0
    })
}

/// The record's folder relative to the current folder, as `cases/`: human
/// output names files so they open from here, and GitHub resolves annotation
/// paths from the checkout's top, where CI runs pds.
fn display_prefix(root: &std::path::Path) -> String {
    let cwd = std::env::current_dir()
        .ok()
        .and_then(|c| c.canonicalize().ok());
    let root = root.canonicalize().unwrap_or_else(|_| root.to_path_buf());
    match cwd.and_then(|c| root.strip_prefix(c).ok().map(|p| p.to_path_buf())) {
        Some(rel) if rel.as_os_str().is_empty() => String::new(),
        Some(rel) => format!("{}/", rel.to_string_lossy().replace('\\', "/")),
        None => String::new(),
    }
}

fn explain(name: &str) -> Result<i32, Error> {
    match Code::from_name(name) {
        Some(code) => {
            print(&format!(
                "{} ({})\n\n{}\n",
                code.as_str(),
                code.severity().as_str(),
                code.description()
            ));
            Ok(0)
        }
        None => {
            let names: Vec<&str> = Code::ALL.iter().map(|c| c.as_str()).collect();
            let hint = crate::diag::nearest(name, names.iter().copied())
                .map(|n| format!("; did you mean `{n}`?"))
                .unwrap_or_else(|| format!("; the codes are: {}", names.join(", ")));
            Err(Error::NotFound(format!(
                "`{name}` is not a finding code{hint}"
            )))
        }
    }
}
