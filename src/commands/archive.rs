//! `pds archive`: writes the record's Noark 5 extraction (`-o DIR`), or
//! checks one (`--check DIR`).

use super::{eprint, print, Env};
use crate::cli::ArchiveArgs;
use crate::diag::Error;
use crate::report::printable;
use std::path::Path;

pub fn run(env: &Env, args: &ArchiveArgs) -> Result<i32, Error> {
    if let Some(dir) = &args.check {
        return check(dir);
    }
    let Some(out) = args.output.as_deref() else {
        return Err(Error::Usage(
            "pds archive writes a folder: give it with -o DIR (or --check DIR to check one)".into(),
        ));
    };
    let root = env.root()?;
    // Refused before any work: DIR must be new, empty, or --force'd, and outside the record.
    crate::write::folder::check_target(out, args.force)?;
    refuse_inside_record(&root, out)?;
    refuse_forcing_other_folders(out, args.force)?;
    let (record, findings) = crate::load::load(&root);
    let findings = crate::check::check(&record, findings);
    let period = crate::archive::period(&record, args.from, args.to)?;
    crate::archive::refuse_errors(&findings, period)?;
    let templates = crate::render::templates::load(&root)?;
    let extraction = crate::archive::build(&record, &templates, findings, period)?;
    for warning in &extraction.warnings {
        eprint(&format!("warning: {}\n", printable(warning, &[])));
    }
    if !extraction.left_out.is_empty() {
        eprint(&format!(
            "warning: not deposited, not held or approved: {}\n",
            printable(&extraction.left_out.join(", "), &[])
        ));
    }
    crate::write::folder::write_folder(out, &extraction.files, args.force)?;
    let c = extraction.counts;
    print(&format!(
        "wrote {}: Noark 5 extraction of {}: {} meetings, {} registrations, {} documents, {}\n",
        printable(&out.display().to_string(), &[]),
        period.label(),
        c.meetings,
        c.registrations,
        c.documents,
        match c.changes {
            0 => "no changes (no endringslogg.xml)".to_string(),
            1 => "1 change in endringslogg.xml".to_string(),
            n => format!("{n} changes in endringslogg.xml"),
        }
    ));
    Ok(0)
}

/// `--force` replaces a folder whole: only one that holds an earlier
/// extraction (its `arkivuttrekk.xml`), never any other folder (a home, a
/// repository) given by mistake.
fn refuse_forcing_other_folders(out: &Path, force: bool) -> Result<(), Error> {
    let full = std::fs::read_dir(out).is_ok_and(|mut d| d.next().is_some());
    if force && full && !out.join("arkivuttrekk.xml").is_file() {
        return Err(Error::Usage(format!(
            "cannot write {}: --force replaces only a folder holding an earlier extraction (arkivuttrekk.xml), and this one holds none; give a new or empty folder",
            printable(&out.display().to_string(), &[])
        )));
    }
    Ok(())
}

/// An extraction written into the record's own folder would be read as part
/// of it, and deposited again in the next one; one written over the record
/// (or a folder holding it) would replace the record.
fn refuse_inside_record(root: &Path, out: &Path) -> Result<(), Error> {
    let parent = out
        .parent()
        .filter(|p| !p.as_os_str().is_empty())
        .unwrap_or(Path::new("."));
    let (Ok(parent), Ok(root)) = (parent.canonicalize(), root.canonicalize()) else {
        return Ok(());
    };
    let target = out
        .file_name()
        .map_or_else(|| parent.clone(), |name| parent.join(name));
    if parent.starts_with(&root) || root.starts_with(&target) {
        return Err(Error::Usage(format!(
            "cannot write {}: it is inside the record's folder {} (or holds it); write the extraction outside it",
            printable(&out.display().to_string(), &[]),
            printable(&root.display().to_string(), &[])
        )));
    }
    Ok(())
}

/// `--check DIR`: one line per problem, exit 1 when there is any.
fn check(dir: &Path) -> Result<i32, Error> {
    let shown = printable(&dir.display().to_string(), &[]).into_owned();
    if !dir.is_dir() {
        return Err(Error::Usage(format!(
            "cannot check {shown}: it is not a folder"
        )));
    }
    let problems = crate::archive::read::check(dir);
    if problems.is_empty() {
        print(&format!(
            "ok: {shown} holds a Noark 5 extraction whose every file, checksum and count holds\n"
        ));
        return Ok(0);
    }
    let mut text = String::new();
    for p in &problems {
        text.push_str(&format!(
            "error: {}/{}: {}\n",
            shown,
            printable(&p.file, &[]),
            printable(&p.message, &[])
        ));
    }
    text.push_str(&format!(
        "{} problem{} in {shown}\n",
        problems.len(),
        if problems.len() == 1 { "" } else { "s" }
    ));
    print(&text);
    Ok(1)
}
