//! `pds new case|meeting` and `pds schedule`: create and number records
//! without ever overwriting a file (temporary file, then rename).

use crate::cli::NewCommand;
use crate::model::{CaseNumber, Date, MeetingNumber, Record, TimeSpan};
use crate::run::{print, Env, UsageError};
use crate::write::atomic_create;
use std::path::{Path, PathBuf};

pub fn run(env: &Env, cmd: &NewCommand) -> Result<i32, UsageError> {
    let root = env.root()?;
    let (record, _, _) = crate::load::load(&root);
    match cmd {
        NewCommand::Case {
            title,
            meeting,
            kind,
            description,
        } => new_case(
            env,
            &root,
            &record,
            title,
            *meeting,
            kind.as_deref(),
            description.as_deref(),
        ),
        NewCommand::Meeting {
            date,
            time,
            place,
            extraordinary,
        } => new_meeting(
            env,
            &root,
            &record,
            date,
            time.as_deref(),
            place.as_deref(),
            *extraordinary,
        ),
    }
}

/// Text for a YAML value: plain when that reads back as the same text, quoted otherwise.
pub fn yaml_text(s: &str) -> String {
    let plain = !s.is_empty()
        && s.trim() == s
        && !s.contains(": ")
        && !s.contains(" #")
        && !s.contains('\n')
        && !s.starts_with(|c: char| "-?:,[]{}#&*!|>'\"%@`".contains(c))
        && !s.ends_with(':')
        && crate::yaml::parse(&format!("k: {s}\n")).ok().and_then(|n| {
            n.as_map()
                .and_then(|m| m.first().map(|(_, v)| v.kind.clone()))
        }) == Some(crate::yaml::NodeKind::Str(s.to_string()));
    if plain {
        s.to_string()
    } else {
        let escaped = s
            .replace('\\', "\\\\")
            .replace('"', "\\\"")
            .replace('\n', "\\n");
        format!("\"{escaped}\"")
    }
}

fn check_type(record: &Record, kind: &str) -> Result<(), UsageError> {
    if record.board.case_types.iter().any(|t| t == kind) {
        return Ok(());
    }
    let types: Vec<&str> = record.board.case_types.iter().map(String::as_str).collect();
    let hint = crate::check::finding::nearest(kind, types.iter().copied())
        .map(|n| format!("did you mean {n}?"))
        .unwrap_or_else(|| format!("the types are {}", types.join(", ")));
    Err(format!("`{kind}` is not a case type of this board; {hint}").into())
}

/// `drafts/<slug>.md`, or with `-2`, `-3`… when taken.
fn free_path(dir: &Path, stem: &str) -> PathBuf {
    let mut path = dir.join(format!("{stem}.md"));
    let mut n = 2;
    while path.exists() {
        path = dir.join(format!("{stem}-{n}.md"));
        n += 1;
    }
    path
}

fn rel(root: &Path, path: &Path) -> String {
    path.strip_prefix(root)
        .unwrap_or(path)
        .to_string_lossy()
        .replace('\\', "/")
}

fn new_case(
    env: &Env,
    root: &Path,
    record: &Record,
    title: &str,
    meeting: Option<MeetingNumber>,
    kind: Option<&str>,
    description: Option<&str>,
) -> Result<i32, UsageError> {
    let title = title.trim();
    if title.is_empty() {
        return Err("--title must not be empty".into());
    }
    if let Some(k) = kind {
        check_type(record, k)?;
    }
    let slug = match crate::model::slug::slug(title, 60) {
        s if s.is_empty() => "sak".to_string(),
        s => s,
    };
    let mut text = String::from("---\n");
    let path = match meeting {
        Some(m) => {
            if record.meeting(m).is_none() {
                return Err(crate::commands::unknown_meeting(record, m).into());
            }
            let Some(k) = kind else {
                let types = record.board.case_types.join(", ");
                return Err(format!("a case on an agenda needs --type (one of {types})").into());
            };
            let number = crate::check::next_free(record, (m.year % 100) as u8);
            text.push_str(&format!("number: {number}\nmeeting: {m}\n"));
            text.push_str(&format!(
                "title: {}\ntype: {}\n",
                yaml_text(title),
                yaml_text(k)
            ));
            let dir = root.join(m.year.to_string());
            dir.join(format!("{}-{slug}.md", number.file_prefix()))
        }
        None => {
            text.push_str(&format!("title: {}\n", yaml_text(title)));
            if let Some(k) = kind {
                text.push_str(&format!("type: {}\n", yaml_text(k)));
            }
            free_path(&root.join("drafts"), &slug)
        }
    };
    if let Some(d) = description {
        text.push_str(&format!("description: {}\n", yaml_text(d)));
    }
    text.push_str(if meeting.is_some() {
        "status: ready\n---\n"
    } else {
        "status: draft\n---\n"
    });
    if let Some(dir) = path.parent() {
        std::fs::create_dir_all(dir).map_err(|e| format!("cannot make {}: {e}", dir.display()))?;
    }
    atomic_create(&path, text.as_bytes())
        .map_err(|e| format!("cannot write {}: {e}", path.display()))?;
    if !env.quiet {
        print(&format!("{}\n", rel(root, &path)));
    }
    Ok(0)
}

fn new_meeting(
    env: &Env,
    root: &Path,
    record: &Record,
    date: &str,
    time: Option<&str>,
    place: Option<&str>,
    extraordinary: bool,
) -> Result<i32, UsageError> {
    let date = Date::parse(date)
        .ok_or_else(|| UsageError(format!("`{date}` is not a date: write YYYY-MM-DD")))?;
    if let Some(t) = time {
        TimeSpan::parse(t)
            .ok_or_else(|| UsageError(format!("`{t}` is not a time span: write 13:00-15:00")))?;
    }
    let year_meetings: Vec<_> = record
        .meetings
        .iter()
        .filter(|m| m.number.year == date.year)
        .collect();
    if let Some(last) = year_meetings.iter().max_by_key(|m| m.date.value) {
        if last.date.value >= date {
            return Err(format!(
                "meeting {} is on {}: a new meeting of {} must come after it",
                last.number.value, last.date.value, date.year
            )
            .into());
        }
    }
    let seq = year_meetings
        .iter()
        .map(|m| m.number.seq)
        .max()
        .unwrap_or(0)
        + 1;
    let number = MeetingNumber::new(seq, date.year);
    let path = root.join(date.year.to_string()).join("meetings.yaml");
    let old = match std::fs::read_to_string(&path) {
        Ok(text) => {
            // Never append to a file pds cannot read: it might be damaged further.
            if crate::yaml::parse(text.trim_start_matches('\u{feff}')).is_err() {
                return Err(format!(
                    "{} does not parse; run `pds check` and mend it first",
                    rel(root, &path)
                )
                .into());
            }
            text
        }
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => format!("# Meetings {}\n", date.year),
        Err(e) => return Err(format!("cannot read {}: {e}", path.display()).into()),
    };
    let crlf = old.contains("\r\n");
    let mut entry = format!("- number: {number}\n  date: {date}\n");
    if let Some(t) = time {
        entry.push_str(&format!("  time: \"{}\"\n", t.trim()));
    }
    if let Some(p) = place {
        entry.push_str(&format!("  place: {}\n", yaml_text(p)));
    }
    if extraordinary {
        entry.push_str("  kind: extraordinary\n");
    }
    entry.push_str("  status: planned\n");
    if crlf {
        entry = entry.replace('\n', "\r\n");
    }
    let mut text = old;
    if !text.is_empty() && !text.ends_with('\n') {
        text.push_str(if crlf { "\r\n" } else { "\n" });
    }
    text.push_str(&entry);
    if let Some(dir) = path.parent() {
        std::fs::create_dir_all(dir).map_err(|e| format!("cannot make {}: {e}", dir.display()))?;
    }
    crate::write::atomic_write(&path, text.as_bytes())
        .map_err(|e| format!("cannot write {}: {e}", path.display()))?;
    if !env.quiet {
        print(&format!("{number}\n"));
    }
    Ok(0)
}

/// `pds schedule <DRAFT> --meeting M`: number a draft and move it into its year.
pub fn schedule(env: &Env, draft: &Path, meeting: MeetingNumber) -> Result<i32, UsageError> {
    let root = env.root()?;
    let (record, _, _) = crate::load::load(&root);
    if record.meeting(meeting).is_none() {
        return Err(crate::commands::unknown_meeting(&record, meeting).into());
    }
    // The draft: a path (from here or from the record), or a name in drafts/.
    let candidates = [
        draft.to_path_buf(),
        root.join(draft),
        root.join("drafts").join(draft),
        root.join("drafts").join(format!("{}.md", draft.display())),
    ];
    let found = candidates
        .iter()
        .filter_map(|p| p.canonicalize().ok())
        .find_map(|p| {
            record
                .cases
                .iter()
                .find(|c| c.file.path().canonicalize().ok().as_ref() == Some(&p))
        });
    let Some(case) = found else {
        let drafts: Vec<&str> = record
            .cases
            .iter()
            .filter(|c| c.number.is_none())
            .map(|c| c.file.name())
            .collect();
        return Err(format!(
            "no draft {} in the record{}",
            draft.display(),
            if drafts.is_empty() {
                String::new()
            } else {
                format!("; the drafts are {}", drafts.join(", "))
            }
        )
        .into());
    };
    if let Some(n) = &case.number {
        return Err(format!("{} already has number {}", case.file.name(), n.value).into());
    }
    if matches!(case.kind, crate::model::CaseKind::Unknown) {
        return Err(format!(
            "{} has no `type`: add one (or `parts`) before scheduling",
            case.file.name()
        )
        .into());
    }
    let number = crate::check::next_free(&record, (meeting.year % 100) as u8);
    let text = set_front_matter(case.file.text(), number, meeting).ok_or_else(|| {
        UsageError(format!(
            "{} has no front matter to number",
            case.file.name()
        ))
    })?;
    let stem = case
        .file
        .path()
        .file_stem()
        .map(|s| s.to_string_lossy().into_owned())
        .unwrap_or_else(|| "sak".into());
    let dir = root.join(meeting.year.to_string());
    std::fs::create_dir_all(&dir).map_err(|e| format!("cannot make {}: {e}", dir.display()))?;
    let target = dir.join(format!("{}-{stem}.md", number.file_prefix()));
    atomic_create(&target, text.as_bytes())
        .map_err(|e| format!("cannot write {}: {e}", target.display()))?;
    std::fs::remove_file(case.file.path()).map_err(|e| {
        format!(
            "wrote {} but cannot remove the draft {}: {e}",
            rel(&root, &target),
            case.file.name()
        )
    })?;
    if !env.quiet {
        print(&format!("{number} {}\n", rel(&root, &target)));
    }
    Ok(0)
}

/// The case text with `number` and `meeting` set and `status: draft` made
/// `ready`; every other line is kept as written.
pub fn set_front_matter(text: &str, number: CaseNumber, meeting: MeetingNumber) -> Option<String> {
    let nl = if text.contains("\r\n") { "\r\n" } else { "\n" };
    let bom = if text.starts_with('\u{feff}') {
        "\u{feff}"
    } else {
        ""
    };
    let split = crate::load::frontmatter::split(text.get(bom.len()..)?).ok()?;
    let mut lines: Vec<String> = Vec::new();
    let mut seen_number = false;
    let mut seen_meeting = false;
    for line in split.yaml.lines() {
        let key = line.split(':').next().unwrap_or("");
        match key {
            "number" => {
                seen_number = true;
                lines.push(format!("number: {number}"));
            }
            "meeting" => {
                seen_meeting = true;
                lines.push(format!("meeting: {meeting}"));
            }
            "status" if line.trim_end().ends_with("draft") => lines.push("status: ready".into()),
            _ => lines.push(line.to_string()),
        }
    }
    if !seen_meeting {
        lines.insert(0, format!("meeting: {meeting}"));
    }
    if !seen_number {
        lines.insert(0, format!("number: {number}"));
    }
    let mut out = format!("{bom}---{nl}");
    for l in lines {
        out.push_str(&l);
        out.push_str(nl);
    }
    out.push_str(&format!("---{nl}"));
    out.push_str(split.body);
    Some(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn yaml_text_quotes_only_what_needs_it() {
        assert_eq!(yaml_text("Budsjett 2022"), "Budsjett 2022");
        assert_eq!(
            yaml_text("NILAR: revidert plan"),
            "\"NILAR: revidert plan\""
        );
        assert_eq!(yaml_text("2021"), "\"2021\"");
        assert_eq!(yaml_text("no"), "no");
        assert_eq!(yaml_text("- liste"), "\"- liste\"");
        assert_eq!(yaml_text("si \"hei\""), "si \"hei\"");
        assert_eq!(yaml_text("#1 sak"), "\"#1 sak\"");
    }

    #[test]
    fn scheduling_sets_number_and_meeting_and_keeps_the_rest() {
        let draft = "---\ntitle: Strategi # kommentar\nstatus: draft\ntype: Drøfting\n---\nTekst\n";
        let out =
            set_front_matter(draft, CaseNumber::new(48, 21), MeetingNumber::new(8, 2021)).unwrap();
        assert_eq!(
            out,
            "---\nnumber: 48/21\nmeeting: 8/2021\ntitle: Strategi # kommentar\nstatus: ready\ntype: Drøfting\n---\nTekst\n"
        );
        let crlf = "---\r\ntitle: T\r\nmeeting: 1/2021\r\n---\r\n";
        let out =
            set_front_matter(crlf, CaseNumber::new(2, 21), MeetingNumber::new(2, 2021)).unwrap();
        assert_eq!(
            out,
            "---\r\nnumber: 2/21\r\ntitle: T\r\nmeeting: 2/2021\r\n---\r\n"
        );
    }
}
