//! `pds diff --base REV`: the cases changed since a git revision, as a
//! document for review (a pull request's comment, or an HTML page).

use super::render::{check_output_path, is_stdout, write};
use super::Env;
use crate::cli::{DiffArgs, DiffFormat};
use crate::diag::{Error, Findings};
use crate::model::{Case, Record};
use crate::render::view::RenderOptions;
use crate::render::{templates, Fragment, Renderer};
use std::collections::BTreeSet;
use std::path::Path;

pub fn run(env: &Env, args: &DiffArgs) -> Result<i32, Error> {
    let root = env.root()?;
    let format = resolve_format(args.format, args.output.as_deref())?;
    if let Some(out) = args.output.as_deref() {
        check_output_path(&root, out)?;
    }
    let rev = args.base.as_str();
    let texts = crate::git::record_at(&root, rev)?;
    let now = crate::load::load(&root);
    let base = crate::load::load_texts(&root, &texts);
    let templates = templates::load(&root)?;
    // --public: both sides only as their public views, each checked first.
    let (now, base) = if args.public {
        let mut base = base;
        let made_exempt = exempt_as_now(&mut base.0, &now.0);
        let mut base = public(base, Some(rev))?;
        // Withheld, but not exempt at REV: the table shows `exempt` added.
        for i in made_exempt {
            if let Some(case) = base.cases.get_mut(i) {
                case.exempt = None;
            }
        }
        (public(now, None)?, base)
    } else {
        (now.0, base.0)
    };
    let opts = RenderOptions {
        public: args.public,
    };
    let base_renderer = Renderer::new(&base, &templates, opts);
    let now_renderer = Renderer::new(&now, &templates, opts);
    let changes =
        crate::render::diff::compare(&base_renderer, &now_renderer, pairs(&base, &now), rev);
    let text = match format {
        DiffFormat::Md => changes.markdown(),
        DiffFormat::Html => now_renderer.page(&Fragment {
            title: format!("pds diff: {}", changes.summary()),
            text: changes.html(),
            draft: false,
        })?,
    };
    write(&root, text.as_bytes(), args.output.as_deref())
}

/// Each case at the revision with the same case now (or none: removed), then
/// each case now that the revision lacks (added). A case renamed, renumbered
/// or scheduled is one pair, as `check --base` pairs them.
fn pairs<'a>(base: &'a Record, now: &'a Record) -> Vec<(Option<&'a Case>, Option<&'a Case>)> {
    let paired = crate::check::base::pair(base, now);
    let taken: BTreeSet<&str> = paired.values().map(|c| c.file.name()).collect();
    let mut out: Vec<(Option<&Case>, Option<&Case>)> = base
        .cases
        .iter()
        .enumerate()
        .map(|(i, c)| (Some(c), paired.get(&i).copied()))
        .collect();
    out.extend(
        now.cases
            .iter()
            .filter(|c| !taken.contains(c.file.name()))
            .map(|c| (None, Some(c))),
    );
    out
}

/// --public: a case exempt now is withheld at the revision too, so a case
/// made exempt since REV does not show its former content as deleted text.
/// Returns the base's cases that were not exempt there.
fn exempt_as_now(base: &mut Record, now: &Record) -> Vec<usize> {
    let exempt_now: Vec<(usize, Box<str>)> = crate::check::base::pair(base, now)
        .into_iter()
        .filter_map(|(i, here)| Some((i, here.exempt.clone()?)))
        .collect();
    let mut made_exempt = Vec::new();
    for (i, basis) in exempt_now {
        if let Some(case) = base.cases.get_mut(i) {
            if case.exempt.is_none() {
                case.exempt = Some(basis);
                made_exempt.push(i);
            }
        }
    }
    made_exempt
}

/// The record's public view, or the refusal `render --public` gives while
/// it has errors that are not acknowledged (`rev`: the record at a revision).
fn public((record, findings): (Record, Findings), rev: Option<&str>) -> Result<Record, Error> {
    let checked = crate::check::check(&record, findings);
    match crate::render::public::prepare(record, checked) {
        Ok((view, _)) => Ok(view),
        Err(refusal) => Err(Error::Refused(match rev {
            Some(rev) => format!("(the record as it is at {rev})\n{}", refusal.0),
            None => refusal.0,
        })),
    }
}

/// `--format`, else `-o FILE`'s extension (`.md`, `.html`), else Markdown;
/// a `--format` that contradicts the extension is refused.
fn resolve_format(given: Option<DiffFormat>, output: Option<&Path>) -> Result<DiffFormat, Error> {
    let ext = output
        .filter(|out| !is_stdout(out))
        .and_then(Path::extension)
        .map(|e| e.to_string_lossy().to_lowercase());
    let by_ext = match ext.as_deref() {
        Some("md") => Some(DiffFormat::Md),
        Some("html" | "htm") => Some(DiffFormat::Html),
        Some(other) if given.is_none() => {
            return Err(Error::Usage(format!(
                "pds diff writes Markdown (.md) or HTML (.html), not .{other}: give --format, or name the file .md or .html"
            )))
        }
        _ => None,
    };
    let name = |f: DiffFormat| match f {
        DiffFormat::Md => "md",
        DiffFormat::Html => "html",
    };
    match (given, by_ext) {
        (Some(g), Some(e)) if g != e => Err(Error::Usage(format!(
            "--format {} contradicts -o's extension: leave out --format, or name the file .{}",
            name(g),
            name(g)
        ))),
        (Some(g), _) => Ok(g),
        (None, Some(e)) => Ok(e),
        (None, None) => Ok(DiffFormat::Md),
    }
}
