//! `pds init [DIR] --board NAME`: start a record — `pds.yaml`, this year's
//! `meetings.yaml` with one planned meeting, an example draft — and, at the
//! top of the git repository it is in, a GitHub workflow and a pre-commit
//! configuration that run pds on it with `--repo`, so a record in a
//! subfolder works.
//!
//! The record's files are written through the one write path (under the
//! record's lock, verified by `check`'s loader, never over an existing
//! file); the two CI files with `write::atomic_create`, which never
//! overwrites either: one already there is left as it was, and said so.

use super::env::shell_word;
use super::{eprint, print, Env};
use crate::cli::InitArgs;
use crate::diag::Error;
use crate::load::{find_root, FileKind, BOARD_FILE};
use crate::model::Language;
use crate::report::printable;
use crate::write::edit::{quoted, scalar};
use crate::write::verify::{map, text};
use crate::write::{Intent, RecordWriter};
use crate::yaml::{Node, NodeKind};
use std::path::{Path, PathBuf};

/// Where GitHub reads workflows, from the repository's top.
const WORKFLOW: &str = ".github/workflows/pds.yml";
/// Where pre-commit reads its configuration, from the repository's top.
const PRE_COMMIT: &str = ".pre-commit-config.yaml";

pub fn run(env: &Env, args: &InitArgs) -> Result<i32, Error> {
    let dir = folder(env, args)?;
    let board = args.board.trim();
    if board.is_empty() {
        return Err(Error::Usage(
            "--board must name the board: --board \"Programstyret\"".into(),
        ));
    }
    let language: Language = args
        .language
        .parse()
        .map_err(|e: crate::model::UnknownName| Error::Usage(e.to_string()))?;
    let year = args.year.unwrap_or_else(|| today().0);
    if !super::new::CASE_YEARS.contains(&year) {
        return Err(Error::Usage(format!(
            "pds numbers cases only in the years 2000–2099 (n/yy means 20yy), not in {year}"
        )));
    }
    refuse_a_record_around(&dir)?;
    std::fs::create_dir_all(&dir).map_err(|e| Error::io("make the folder", &dir, e))?;
    // The lock first, then look again: a parallel init may have written since.
    let writer = RecordWriter::open(&dir)?;
    refuse_a_record_around(writer.root())?;
    let words = Words::of(language);
    let files = record_files(board, language, year, &words);
    for (rel, _, _) in &files {
        if std::fs::symlink_metadata(writer.root().join(rel)).is_ok() {
            return Err(Error::Conflict(format!(
                "{} already holds {}: pds init writes no file over another; nothing was written",
                shown_path(&dir),
                shown(rel)
            )));
        }
    }
    let case_types: Vec<String> = words.case_types.iter().map(|t| t.to_string()).collect();
    // pds.yaml last: until it is there, the folder is no record.
    for (rel, body, intent) in files.iter().rev() {
        let intent = Intent {
            kind: intent.kind,
            case_types: &case_types,
            old: None,
            values: intent.values.clone(),
            body: intent.body.as_deref(),
            numbers_as_values: false,
        };
        writer.create(rel, body, &intent)?;
    }
    let mut lines: Vec<String> = files
        .iter()
        .rev()
        .map(|(rel, _, _)| format!("created {}", shown_path(&dir.join(rel))))
        .collect();

    // The CI files: at the top of the git repository, which is where GitHub
    // and pre-commit look, and with --repo naming the record from there.
    let (top, prefix) = match crate::git::locate(writer.root()) {
        Ok((top, prefix)) => (Some(top), prefix),
        Err(_) => (None, String::new()),
    };
    // Shown from the current folder when it is below it, as `created` lines are.
    let base = match &top {
        Some(top) => std::env::current_dir()
            .ok()
            .and_then(|here| here.canonicalize().ok())
            .and_then(|here| relative(top, &here))
            .unwrap_or_else(|| top.clone()),
        None => dir.clone(),
    };
    let repo_arg = match prefix.trim_end_matches('/') {
        "" => ".".to_string(),
        p => p.to_string(),
    };
    let mut kept = Vec::new();
    for (rel, body) in [
        (WORKFLOW, workflow(&repo_arg)),
        (PRE_COMMIT, pre_commit(&repo_arg, &prefix)),
    ] {
        let path = base.join(rel);
        if std::fs::symlink_metadata(&path).is_ok() {
            kept.push(rel);
            continue;
        }
        // The record is written by now: a CI file that cannot be is a
        // warning, not a failure that a second `pds init` would refuse to redo.
        let written = match path.parent() {
            Some(parent) => std::fs::create_dir_all(parent),
            None => Ok(()),
        }
        .and_then(|()| crate::write::atomic_create(&path, body.as_bytes()));
        match written {
            Ok(()) => lines.push(format!("created {}", shown_path(&path))),
            Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists => kept.push(rel),
            Err(e) => eprint(&format!(
                "warning: could not write {}: {}; the record is written, this file is not\n",
                shown_path(&path),
                shown(&e.to_string())
            )),
        }
    }
    for rel in &kept {
        let how = if *rel == PRE_COMMIT {
            format!(
                "; to run pds in it, add these hooks under `repos:`\n{}",
                pre_commit_hooks(&repo_arg, &prefix)
            )
        } else {
            format!(
                "; to check the record in it, run `pds --repo {} check --base origin/<base branch> --format github` on pull requests",
                shell_word(&repo_arg)
            )
        };
        eprint(&format!(
            "note: left {} as it was: it exists{how}\n",
            shown_path(&base.join(rel))
        ));
    }
    // Clean when the folder held nothing pds reads; files it did hold are
    // part of the record now, and their findings are said.
    let (record, findings) = crate::load::load(writer.root());
    let open = crate::check::check(&record, findings)
        .iter()
        .filter(|f| !f.is_acknowledged())
        .count();
    if open > 0 {
        eprint(&format!(
            "warning: `pds check` has {open} finding(s) in files {} held before; see `pds check`\n",
            shown_path(&dir)
        ));
    }
    if top.is_none() {
        eprint(&format!(
            "note: {} is in no git repository; {WORKFLOW} and {PRE_COMMIT} are in it, for when it is the top of one (git init)\n",
            shown_path(&dir)
        ));
    }
    if !env.quiet {
        let slug = words.slug;
        let mut next = vec![
            String::new(),
            "Next:".to_string(),
            "  pds check".to_string(),
            format!("  pds render case {slug} --format html -o draft.html   # the example draft"),
            format!("  pds schedule {slug} --meeting 1/{year}              # numbered 1/{:02}, on the agenda", year % 100),
        ];
        if !kept.contains(&WORKFLOW) {
            next.push(format!(
                "  edit the step \"Install pds\" in {}: where your pds comes from",
                shown_path(&base.join(WORKFLOW))
            ));
        }
        if shown_path(&dir) != "." {
            next.insert(2, format!("  cd {}", shell_word(&shown_path(&dir))));
        }
        lines.extend(next);
        print(&format!("{}\n", lines.join("\n")));
    }
    Ok(0)
}

/// DIR, `--repo` (the same folder) or the current folder.
fn folder(env: &Env, args: &InitArgs) -> Result<PathBuf, Error> {
    match (&args.dir, &env.repo) {
        (Some(d), Some(r)) if d != r => Err(Error::Usage(format!(
            "two folders given: DIR {} and --repo {}; give one",
            shown_path(d),
            shown_path(r)
        ))),
        (Some(d), _) | (None, Some(d)) => Ok(d.clone()),
        (None, None) => Ok(PathBuf::from(".")),
    }
}

/// A record in `dir` or in a folder above it: init refuses (exit 1) rather
/// than write a record into a record, where each would read the other's files.
fn refuse_a_record_around(dir: &Path) -> Result<(), Error> {
    // `dir` may not exist yet: the nearest folder above it that does ("" is here).
    let existing = dir
        .ancestors()
        .map(|d| {
            if d.as_os_str().is_empty() {
                Path::new(".")
            } else {
                d
            }
        })
        .find(|d| d.is_dir())
        .unwrap_or(Path::new("."));
    let Some(root) = find_root(existing) else {
        return Ok(());
    };
    let same = dir.canonicalize().is_ok_and(|d| d == root);
    Err(Error::Conflict(if same {
        format!(
            "{} is a pds record already: it holds {BOARD_FILE}; nothing was written (pds check checks it)",
            shown_path(dir)
        )
    } else {
        format!(
            "{} is inside the pds record {}: a record in a record is read as neither; nothing was written (start it outside {})",
            shown_path(dir),
            shown_path(&root),
            shown_path(&root)
        )
    }))
}

/// What a file must load to, for the write path.
struct Want {
    kind: FileKind,
    values: Node,
    body: Option<String>,
}

/// The record's three files: path, text and the values it must load to.
fn record_files(
    board: &str,
    language: Language,
    year: u16,
    words: &Words,
) -> Vec<(String, String, Want)> {
    let types: Vec<String> = words.case_types.iter().map(|t| scalar(t)).collect();
    let board_yaml = format!(
        "# The board. Every key: pds's docs/formats.md, section 3 (`pds.yaml`).\n\
         board: {}\n\
         language: {}\n\
         # secretariat: {}\n\
         # members:\n\
         #   - {{ name: {}, org: {} }}\n\
         # chair: {{ name: {}, org: {} }}\n\
         case_types: [{}]\n\
         # The first and last case of every meeting, checked when set:\n\
         # standing_items: {{ first: {}, last: {} }}\n",
        scalar(board),
        language.as_str(),
        words.secretariat,
        words.member.0,
        words.member.1,
        words.member.0,
        words.member.1,
        types.join(", "),
        words.standing.0,
        words.standing.1,
    );
    let board_values = map(vec![
        ("board", text(board)),
        ("language", text(language.as_str())),
        (
            "case_types",
            Node {
                kind: NodeKind::Seq(words.case_types.iter().map(|t| text(*t)).collect()),
                offset: 0,
                len: 0,
            },
        ),
    ]);
    let date = meeting_date(year);
    let meeting = format!("1/{year}");
    let meetings_yaml = format!(
        "# The meetings of {year}, one entry each (pds's docs/formats.md, section 4).\n\
         # `pds new meeting --date {year}-MM-DD` adds the next one.\n\
         - number: {meeting}\n  date: {date}\n  time: \"10:00-12:00\"\n  status: planned\n"
    );
    let meetings_values = Node {
        kind: NodeKind::Seq(vec![map(vec![
            ("number", text(&meeting)),
            ("date", text(&date)),
            ("time", text("10:00-12:00")),
            ("status", text("planned")),
        ])]),
        offset: 0,
        len: 0,
    };
    let body = (words.body)(words.slug, &meeting);
    let draft = format!(
        "---\ntitle: {}\ntype: {}\ndescription: {}\nstatus: draft\n---\n{body}",
        scalar(words.title),
        scalar(words.draft_type),
        scalar(words.description),
    );
    let draft_values = map(vec![
        ("title", text(words.title)),
        ("type", text(words.draft_type)),
        ("description", text(words.description)),
        ("status", text("draft")),
    ]);
    vec![
        (
            BOARD_FILE.to_string(),
            board_yaml,
            Want {
                kind: FileKind::Board,
                values: board_values,
                body: None,
            },
        ),
        (
            format!("{year}/meetings.yaml"),
            meetings_yaml,
            Want {
                kind: FileKind::Meetings,
                values: meetings_values,
                body: None,
            },
        ),
        (
            format!("drafts/{}.md", words.slug),
            draft,
            Want {
                kind: FileKind::Draft,
                values: draft_values,
                body: Some(body),
            },
        ),
    ]
}

/// The words of the example record, in the board's language.
struct Words {
    case_types: &'static [&'static str],
    secretariat: &'static str,
    member: (&'static str, &'static str),
    standing: (&'static str, &'static str),
    title: &'static str,
    slug: &'static str,
    draft_type: &'static str,
    description: &'static str,
    body: fn(&str, &str) -> String,
}

impl Words {
    fn of(language: Language) -> Self {
        match language.as_str() {
            "en" => Words {
                case_types: &["Approval", "Information", "Discussion", "Decision"],
                secretariat: "The Secretariat",
                member: ("Jane Doe", "Example Trust"),
                standing: ("Approval of notice", "Any other business"),
                title: "Example case",
                slug: "example-case",
                draft_type: "Decision",
                description: "A draft to try the loop on: render it, schedule it, or delete it.",
                body: |slug, meeting| {
                    format!(
                        "## Purpose\n\n\
                         A draft written by `pds init` to show how a case is made. See it as\n\
                         the board will:\n\n\
                         ```sh\npds render case {slug} --format html -o draft.html\n```\n\n\
                         Put it on the agenda of meeting {meeting}, with the next free case\n\
                         number:\n\n\
                         ```sh\npds schedule {slug} --meeting {meeting}\n```\n\n\
                         Or delete this file when you no longer need it.\n"
                    )
                },
            },
            "nn" => Words {
                case_types: &["Tilslutning", "Orientering", "Drøfting", "Avgjerd"],
                secretariat: "Sekretariatet",
                member: ("Kari Nordmann", "Etaten"),
                standing: ("Godkjenning av innkalling", "Eventuelt"),
                title: "Eksempelsak",
                slug: "eksempelsak",
                draft_type: "Orientering",
                description: "Eit utkast å øve på: vis det, gi det nummer, eller slett det.",
                body: |slug, meeting| {
                    format!(
                        "## Føremål med saka\n\n\
                         Eit utkast laga av `pds init` for å vise korleis ei sak blir til. Sjå\n\
                         det slik styret vil sjå det:\n\n\
                         ```sh\npds render case {slug} --format html -o utkast.html\n```\n\n\
                         Set det på sakslista for møte {meeting}, med neste ledige saksnummer:\n\n\
                         ```sh\npds schedule {slug} --meeting {meeting}\n```\n\n\
                         Eller slett fila når de ikkje treng henne.\n"
                    )
                },
            },
            _ => Words {
                case_types: &crate::model::board::DEFAULT_CASE_TYPES,
                secretariat: "Sekretariatet",
                member: ("Kari Nordmann", "Etaten"),
                standing: ("Godkjenning av innkalling", "Eventuelt"),
                title: "Eksempelsak",
                slug: "eksempelsak",
                draft_type: "Orientering",
                description: "Et utkast å øve på: vis det, gi det nummer, eller slett det.",
                body: |slug, meeting| {
                    format!(
                        "## Hensikt med saken\n\n\
                         Et utkast laget av `pds init` for å vise hvordan en sak blir til. Se\n\
                         det slik styret vil se det:\n\n\
                         ```sh\npds render case {slug} --format html -o utkast.html\n```\n\n\
                         Sett det på sakslisten for møte {meeting}, med neste ledige\n\
                         saksnummer:\n\n\
                         ```sh\npds schedule {slug} --meeting {meeting}\n```\n\n\
                         Eller slett filen når dere ikke trenger den.\n"
                    )
                },
            },
        }
    }
}

/// The first meeting's date: two weeks from today when that is still in
/// `year`, the last day of `year` when it is not; 1 February of any other year.
fn meeting_date(year: u16) -> String {
    let (this_year, days) = today();
    if year != this_year {
        return format!("{year}-02-01");
    }
    let in_two_weeks = chrono::NaiveDate::from_ymd_opt(1970, 1, 1)
        .and_then(|epoch| epoch.checked_add_days(chrono::Days::new(days + 14)));
    match in_two_weeks {
        Some(d) if d.format("%Y").to_string() == year.to_string() => {
            d.format("%Y-%m-%d").to_string()
        }
        _ => format!("{year}-12-31"),
    }
}

/// This year and the days since 1970-01-01, by the clock (UTC).
fn today() -> (u16, u64) {
    let days = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map(|d| d.as_secs() / 86_400)
        .unwrap_or(0);
    let year = chrono::NaiveDate::from_ymd_opt(1970, 1, 1)
        .and_then(|epoch| epoch.checked_add_days(chrono::Days::new(days)))
        .and_then(|d| d.format("%Y").to_string().parse().ok())
        .unwrap_or(1970);
    (year, days)
}

/// The GitHub workflow: check (against the pull request's base) and fmt
/// --check, on the record at `repo` from the repository's top.
fn workflow(repo: &str) -> String {
    let repo_word = shell_word(repo);
    let run = |cmd: &str| scalar(&format!("pds --repo {repo_word} {cmd}"));
    format!(
        "# Written by `pds init`: checks the board's record ({} from the\n\
         # repository's top) on every pull request and on pushes to main.\n\
         name: pds\n\
         on:\n  pull_request:\n  push:\n    branches: [main]\n\
         jobs:\n  check:\n    runs-on: ubuntu-latest\n    steps:\n\
         \x20     - uses: actions/checkout@v4\n\
         \x20       with:\n\
         \x20         fetch-depth: 0 # check --base compares with the base branch\n\
         \x20     - uses: dtolnay/rust-toolchain@stable\n\
         \x20     - name: Install pds\n\
         \x20       # Where your pds comes from: its git repository, or --path to a copy.\n\
         \x20       run: cargo install --locked --git https://example.org/your-org/pds pds\n\
         \x20     - name: Check the record against the pull request's base\n\
         \x20       if: github.event_name == 'pull_request'\n\
         \x20       run: {}\n\
         \x20       env:\n\
         \x20         BASE_REF: ${{{{ github.base_ref }}}}\n\
         \x20     - name: Check the record\n\
         \x20       if: github.event_name != 'pull_request'\n\
         \x20       run: {}\n\
         \x20     - name: Formatting\n\
         \x20       run: {}\n",
        shown(repo),
        run("check --base \"origin/$BASE_REF\" --format github"),
        run("check --format github"),
        run("fmt --check"),
    )
}

/// The pre-commit configuration: pds check and pds fmt --check on the
/// record's files, run with the pds on PATH.
fn pre_commit(repo: &str, prefix: &str) -> String {
    format!(
        "# Written by `pds init`: pds check and pds fmt --check before every commit\n\
         # that touches the board's record. `pre-commit install` turns it on;\n\
         # `pre-commit run --all-files` runs it now. The hooks run the pds on your\n\
         # PATH; pds's own .pre-commit-hooks.yaml has the same two, built by pre-commit.\n\
         repos:\n\
         \x20 - repo: local\n\
         \x20   hooks:\n{}",
        pre_commit_hooks(repo, prefix)
    )
}

/// The two hooks, indented for a `hooks:` list under `repos:`.
fn pre_commit_hooks(repo: &str, prefix: &str) -> String {
    let files = scalar(&format!("^{}.*\\.(md|ya?ml)$", regex_escape(prefix)));
    let args = format!("[--repo, {}]", flow_item(repo));
    format!(
        "\x20     - id: pds-check\n\
         \x20       name: pds check\n\
         \x20       entry: pds check\n\
         \x20       language: system\n\
         \x20       args: {args}\n\
         \x20       pass_filenames: false\n\
         \x20       files: {files}\n\
         \x20     - id: pds-fmt\n\
         \x20       name: pds fmt --check\n\
         \x20       entry: pds fmt --check\n\
         \x20       language: system\n\
         \x20       args: {args}\n\
         \x20       files: {files}\n"
    )
}

/// A text as an item of a YAML flow list: quoted unless it is plain and
/// holds none of the flow indicators.
fn flow_item(s: &str) -> String {
    let plain = scalar(s);
    if plain.contains(|c| ",[]{}".contains(c)) {
        quoted(s)
    } else {
        plain
    }
}

/// `s` as a literal in a Python regular expression (pre-commit's `files:`).
fn regex_escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        if (c.is_ascii_punctuation() && !"/_-".contains(c)) || c == ' ' {
            out.push('\\');
        }
        out.push(c);
    }
    out
}

/// `to` as a path from `from` (both resolved), when `from` is `to` or inside
/// it: `..`, `../..`; `.` for the same folder.
fn relative(to: &Path, from: &Path) -> Option<PathBuf> {
    let below = from.strip_prefix(to).ok()?;
    let ups = below.components().count();
    if ups == 0 {
        return Some(PathBuf::from("."));
    }
    Some((0..ups).map(|_| "..").collect())
}

fn shown(s: &str) -> String {
    printable(s, &[]).into_owned()
}

fn shown_path(p: &Path) -> String {
    let s = p.display().to_string();
    let s = s.strip_prefix("./").unwrap_or(&s);
    shown(s)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn shell_words_and_patterns_keep_odd_folder_names_literal() {
        assert_eq!(shell_word("cases"), "cases");
        assert_eq!(shell_word("my board's"), "'my board'\\''s'");
        assert_eq!(regex_escape("a.b (c)"), "a\\.b\\ \\(c\\)");
    }

    #[test]
    fn the_ci_files_are_yaml_for_any_folder_name() {
        for repo in ["cases", ".", "a b", "x: y", "q\"'[]{},#&*", "line\nbreak"] {
            let prefix = format!("{repo}/");
            for text in [workflow(repo), pre_commit(repo, &prefix)] {
                let tree =
                    crate::yaml::parse(&text).unwrap_or_else(|e| panic!("{repo:?}: {e:?}\n{text}"));
                assert!(tree.as_map().is_some(), "{text}");
            }
        }
    }
}
