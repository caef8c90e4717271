//! `pds site -o DIR`: the board's site, public unless `--internal`.

use super::{print, Env};
use crate::diag::{Error, Severity};
use crate::render::site::{self, Change, Histories, HistoryEntry, Site, SiteOptions};
use crate::report::printable;
use std::collections::BTreeMap;
use std::path::Path;

pub fn run(env: &Env, out: &Path, internal: bool, pdf: bool) -> Result<i32, Error> {
    let root = env.root()?;
    check_output_folder(&root, out)?;
    let opts = SiteOptions {
        internal,
        pdf,
        live_reload: false,
    };
    let (built, errors) = build(&root, opts)?;
    for e in &errors {
        crate::commands::eprint(&format!("warning: {e}\n"));
    }
    let pages = built.files.keys().filter(|k| k.ends_with(".html")).count();
    crate::write::site::write_site(&built.files, out, site::MARKER)?;
    if !env.quiet {
        let shown = printable(&out.display().to_string(), &[]).into_owned();
        print(&format!(
            "wrote {} site of {pages} pages to {shown}; open {shown}/index.html\n",
            if internal {
                "the INTERNAL (not publishable)"
            } else {
                "the public"
            }
        ));
    }
    Ok(0)
}

/// Builds the site of the record at `root` in memory, with the record's
/// errors (not acknowledged) as text: the public site is refused while
/// there are any (as `render --public` is), the internal one shows them
/// on every page.
pub fn build(root: &Path, opts: SiteOptions) -> Result<(Site, Vec<String>), Error> {
    let (record, findings) = crate::load::load(root);
    let templates = crate::render::templates::load(root)?;
    let checked = crate::check::check(&record, findings);
    let (record, checked) = match opts.internal {
        true => (record, checked),
        false => crate::render::public::prepare(record, checked)
            .map_err(|refusal| Error::Refused(refusal.0))?,
    };
    let errors: Vec<String> = checked
        .iter()
        .filter(|f| f.severity == Severity::Error && !f.is_acknowledged())
        .map(|f| {
            format!(
                "{}:{}:{}: {}: {}",
                printable(f.at.file.name(), &[]),
                f.at.line(),
                f.at.column(),
                f.code.as_str(),
                printable(&f.message, &[])
            )
        })
        .collect();
    let log = crate::git::changes_by_file(root).unwrap_or_default();
    let histories = histories(&log);
    // An invite's SEQUENCE, as `render invite` counts it: only a meetings
    // file git knows can have moved (outside git it is 0 there too), so no
    // git run for the others.
    let sequences = record
        .meetings
        .iter()
        .map(|m| {
            let n = m.number.value;
            match log.contains_key(m.file.name()) {
                true => (n, super::render::sequence(&record, n)),
                false => (n, 0),
            }
        })
        .collect();
    let built = site::build(
        &record, &templates, &checked, &histories, &sequences, &errors, opts,
    )?;
    Ok((built, errors))
}

/// Each case file's history from git, oldest first, each commit told as
/// what it did; empty outside git.
fn histories(log: &BTreeMap<String, Vec<crate::git::FileChange>>) -> Histories {
    let mut out = Histories::new();
    for (path, changes) in log {
        if !path.ends_with(".md") {
            continue;
        }
        let mut entries: Vec<HistoryEntry> = changes
            .iter()
            .rev()
            .map(|c| {
                let change = match (c.status, c.from.as_deref()) {
                    _ if c.decision && c.status != 'A' => Change::Decided,
                    ('A', _) if path.starts_with("drafts/") => Change::Drafted,
                    ('A', _) => Change::Scheduled,
                    ('R', Some(from)) if from.starts_with("drafts/") => Change::Scheduled,
                    _ => Change::Changed,
                };
                HistoryEntry {
                    date: c.date.clone(),
                    change,
                    subject: c.subject.clone(),
                }
            })
            .collect();
        // A draft's first commit was in drafts/: its entry is under the
        // name it has now, so tell it by the rename that followed.
        if let (Some(first), true) = (
            entries.first_mut(),
            changes
                .iter()
                .any(|c| c.from.as_deref().is_some_and(|f| f.starts_with("drafts/"))),
        ) {
            if first.change == Change::Scheduled {
                first.change = Change::Drafted;
            }
        }
        out.insert(path.clone(), entries);
    }
    out
}

/// The site's folder may not be the record, hold it, or be inside its
/// data folders (a year, drafts/, risks/, status/, templates/, .git).
pub(super) fn check_output_folder(root: &Path, out: &Path) -> Result<(), Error> {
    let shown = printable(&out.display().to_string(), &[]).into_owned();
    let refuse = |why: &str| Error::Usage(format!("cannot write the site to {shown}: {why}"));
    let parent = out
        .parent()
        .filter(|p| !p.as_os_str().is_empty())
        .unwrap_or(Path::new("."));
    let (Some(name), Ok(parent_abs), Ok(root_abs)) =
        (out.file_name(), parent.canonicalize(), root.canonicalize())
    else {
        // A missing folder is refused by the write, with its name.
        return Ok(());
    };
    let out_abs = parent_abs.join(name);
    let out_abs = out_abs.canonicalize().unwrap_or(out_abs);
    if root_abs.starts_with(&out_abs) {
        return Err(refuse(
            "it is the record's folder, or holds it; give a folder of its own",
        ));
    }
    if out_abs.components().any(|c| c.as_os_str() == ".git") {
        return Err(refuse("it is inside a .git folder"));
    }
    if let Ok(rel) = out_abs.strip_prefix(&root_abs) {
        let first = rel
            .components()
            .next()
            .map(|c| c.as_os_str().to_string_lossy().into_owned())
            .unwrap_or_default();
        if crate::load::is_year(&first)
            || ["drafts", "risks", "status", "templates"].contains(&first.as_str())
        {
            return Err(refuse(&format!(
                "it is inside the record's folder {first}/; write the site outside the record's data folders"
            )));
        }
    }
    Ok(())
}
