//! `pds check --base REV`: the working tree against the record at a git
//! revision — numbers taken twice by parallel branches, and the frozen
//! record of meetings that were held.

use crate::diag::{Code, Finding, Findings, Location};
use crate::model::{Case, CaseFileName, MeetingStatus, Record};
use crate::yaml::{Node, NodeKind};
use std::collections::{BTreeMap, BTreeSet};

/// A case's identity across revisions: its file name without folder,
/// number prefix or `.md` (`2021/43-21-styringsdokument.md` and
/// `drafts/styringsdokument.md` → `styringsdokument`), so renumbering and
/// scheduling keep it.
pub fn identity(case: &Case) -> String {
    let name = case.file.name();
    match CaseFileName::parse(name) {
        Some(numbered) => numbered.slug,
        None => {
            let base = name.rsplit('/').next().unwrap_or(name);
            base.strip_suffix(".md").unwrap_or(base).to_string()
        }
    }
}

/// Pairs each base case with the same case here: by path; else (a renamed
/// file) by identical text; else (a renamed or renumbered file) by
/// `identity`. The last two only when the match is unique on both sides.
pub fn pair<'a>(base: &'a Record, now: &'a Record) -> BTreeMap<usize, &'a Case> {
    let mut pairs = BTreeMap::new();
    let by_path: BTreeMap<&str, &Case> = now.cases.iter().map(|c| (c.file.name(), c)).collect();
    let base_paths: BTreeSet<&str> = base.cases.iter().map(|c| c.file.name()).collect();
    // Cases here whose path the base does not have: candidates for a rename.
    let unmatched_now: Vec<&Case> = now
        .cases
        .iter()
        .filter(|c| !base_paths.contains(c.file.name()))
        .collect();
    for (i, c) in base.cases.iter().enumerate() {
        if let Some(here) = by_path.get(c.file.name()) {
            pairs.insert(i, *here);
        }
    }
    // A pure rename (`git mv`, same content) is the same case.
    let unpaired_base = |pairs: &BTreeMap<usize, &Case>| -> Vec<usize> {
        (0..base.cases.len())
            .filter(|i| !pairs.contains_key(i))
            .collect()
    };
    let mut by_text: BTreeMap<&str, (Vec<usize>, Vec<usize>)> = BTreeMap::new();
    for i in unpaired_base(&pairs) {
        if let Some(c) = base.cases.get(i) {
            by_text.entry(c.file.text()).or_default().0.push(i);
        }
    }
    for (j, c) in unmatched_now.iter().enumerate() {
        if let Some(entry) = by_text.get_mut(c.file.text()) {
            entry.1.push(j);
        }
    }
    let mut renamed: BTreeSet<usize> = BTreeSet::new();
    for (olds, news) in by_text.values() {
        if let ([i], [j]) = (olds.as_slice(), news.as_slice()) {
            if let Some(here) = unmatched_now.get(*j) {
                pairs.insert(*i, *here);
                renamed.insert(*j);
            }
        }
    }
    // Renamed or renumbered: the same identity, once on each side.
    let mut now_by_identity: BTreeMap<String, Vec<&Case>> = BTreeMap::new();
    for (_, c) in unmatched_now
        .into_iter()
        .enumerate()
        .filter(|(j, _)| !renamed.contains(j))
    {
        now_by_identity.entry(identity(c)).or_default().push(c);
    }
    let mut base_by_identity: BTreeMap<String, usize> = BTreeMap::new();
    for i in unpaired_base(&pairs) {
        if let Some(c) = base.cases.get(i) {
            *base_by_identity.entry(identity(c)).or_default() += 1;
        }
    }
    for i in unpaired_base(&pairs) {
        let Some(c) = base.cases.get(i) else { continue };
        let id = identity(c);
        if let (Some([here]), Some(1)) = (
            now_by_identity.get(&id).map(Vec::as_slice),
            base_by_identity.get(&id),
        ) {
            pairs.insert(i, *here);
        }
    }
    pairs
}

pub fn compare(now: &Record, base: &Record, rev: &str, findings: &mut Findings) {
    let pairs = pair(base, now);
    number_taken(now, base, &pairs, rev, findings);
    // held-case-changed: the cases of a meeting held on the base are frozen,
    // and once its minutes are approved, every value and the body too.
    let held: BTreeMap<_, _> = base
        .meetings
        .iter()
        .filter(|m| m.status.was_held())
        .map(|m| (m.number.value, m.status))
        .collect();
    for (i, old) in base.cases.iter().enumerate() {
        let Some(status) = old.meeting_value().and_then(|m| held.get(&m)) else {
            continue;
        };
        let new = pairs.get(&i).copied();
        held_case(now, old, new, rev, findings);
        if let Some(new) = new {
            frozen_content(old, new, *status == MeetingStatus::Approved, rev, findings);
        }
    }
    // Nor does a held meeting's agenda take a case it did not have.
    for case in &now.cases {
        let Some(meeting) = &case.meeting else {
            continue;
        };
        if !held.contains_key(&meeting.value) {
            continue;
        }
        // On this agenda on the base already; or moved from a held meeting's,
        // which is reported as moved.
        let was_there = pairs.iter().any(|(i, here)| {
            std::ptr::eq(*here, case)
                && base
                    .cases
                    .get(*i)
                    .and_then(Case::meeting_value)
                    .is_some_and(|m| m == meeting.value || held.contains_key(&m))
        });
        if was_there {
            continue;
        }
        let mut f = Finding::new(
            Code::HeldCaseChanged,
            meeting.at.clone(),
            format!(
                "{} was put on the agenda of meeting {}, held on {rev}",
                case.number_value()
                    .map_or_else(|| format!("\"{}\"", case.title), |n| format!("case {n}")),
                meeting.value
            ),
        )
        .help("the agenda of a held meeting is frozen: put the case on a planned meeting");
        if let Some(n) = case.number_value() {
            f = f.subject(n);
        }
        if let Some(m) = base.meeting(meeting.value) {
            f = f.related(
                m.number.at.clone(),
                format!("meeting {} on {rev}", meeting.value),
            );
        }
        findings.push(f);
    }
}

/// The front-matter keys a held meeting freezes besides its agenda (number
/// and meeting): the proposed decision the board decided on, as it was sent
/// out. The `decision` and `status` are the minutes' to record until they
/// are approved; then every key and the body are frozen.
const FROZEN_WHEN_HELD: [&str; 1] = ["proposed_decision"];

/// held-case-changed for what a case says: `old`, of a meeting held on the
/// base (its minutes `approved` there or not), is here as `new`.
fn frozen_content(old: &Case, new: &Case, approved: bool, rev: &str, findings: &mut Findings) {
    let (Some(old_number), Some(old_meeting)) = (&old.number, &old.meeting) else {
        return;
    };
    let (Some((old_fm, old_base)), Some((new_fm, new_base))) =
        (front_matter(old), front_matter(new))
    else {
        return;
    };
    let when = if approved {
        format!(
            "the minutes of meeting {} are approved on {rev}",
            old_meeting.value
        )
    } else {
        format!("meeting {} is held on {rev}", old_meeting.value)
    };
    let help = if approved {
        "the record of a meeting whose minutes are approved is frozen: put it back as it was"
    } else {
        "the board decided on the proposed decision as it was sent out: put it back, and write what was decided in `decision`"
    };
    let finding = |at: Location, what: &str, how: &str, was: Location| {
        Finding::new(
            Code::HeldCaseChanged,
            at,
            format!("{what} of case {} was {how}, but {when}", old_number.value),
        )
        .related(was, format!("on {rev}"))
        .help(help)
        .subject(old_number.value)
    };
    let whole_new = || {
        new.number
            .as_ref()
            .map_or_else(|| Location::whole(&new.file), |n| n.at.clone())
    };
    let whole_old = || old_number.at.clone();
    let mut keys: Vec<&str> = Vec::new();
    for (k, _) in old_fm.iter().chain(new_fm.iter()) {
        if let NodeKind::Str(k) = &k.kind {
            if !keys.contains(&k.as_str()) {
                keys.push(k);
            }
        }
    }
    for key in keys {
        // The agenda's own keys have their findings (renumbered, moved).
        if key == "number" || key == "meeting" || !(approved || FROZEN_WHEN_HELD.contains(&key)) {
            continue;
        }
        let before = value(&old_fm, key);
        let after = value(&new_fm, key);
        let same = match (before, after) {
            // Numbers as numbers: `pds fmt` writes 05/21 as 5/21.
            _ if key == "previous" => {
                let numbers = |c: &Case| c.previous.iter().map(|p| p.value).collect::<Vec<_>>();
                numbers(old) == numbers(new)
            }
            (Some(a), Some(b)) => crate::yaml::same(a, b),
            (None, None) => true,
            _ => false,
        };
        if same {
            continue;
        }
        let at =
            |n: &Node, base: usize, file: &Case| Location::new(&file.file, base + n.offset, n.len);
        let what = format!("`{key}`");
        // A short value as it was on the base, for the message.
        let changed = match before.map(|b| &b.kind) {
            Some(NodeKind::Str(was)) if was.len() <= 60 && !was.contains('\n') => {
                format!("changed from `{was}`")
            }
            _ => "changed".to_string(),
        };
        findings.push(match (before, after) {
            (Some(a), Some(b)) => {
                finding(at(b, new_base, new), &what, &changed, at(a, old_base, old))
            }
            (None, Some(b)) => finding(at(b, new_base, new), &what, "added", whole_old()),
            (Some(a), None) => finding(whole_new(), &what, "removed", at(a, old_base, old)),
            (None, None) => continue,
        });
    }
    if approved
        && crate::model::markdown::meaning(old.body())
            != crate::model::markdown::meaning(new.body())
    {
        // Point at the first line that differs.
        let (a, b) = (old.body(), new.body());
        let same_start: usize = a
            .split_inclusive('\n')
            .zip(b.split_inclusive('\n'))
            .take_while(|(x, y)| x == y)
            .map(|(x, _)| x.len())
            .sum();
        findings.push(finding(
            Location::new(&new.file, new.body_offset + same_start, 0),
            "the body (the case document)",
            "changed",
            Location::new(&old.file, old.body_offset + same_start, 0),
        ));
    }
}

/// A case file's front matter as (key, value) pairs, and where its YAML
/// starts in the file.
fn front_matter(case: &Case) -> Option<(Vec<(Node, Node)>, usize)> {
    let split = crate::load::frontmatter::split(case.file.content()).ok()?;
    let tree = crate::yaml::parse(split.yaml).ok()?;
    let NodeKind::Map(entries) = tree.kind else {
        return None;
    };
    Some((entries, case.file.content_start() + split.yaml_offset))
}

fn value<'a>(entries: &'a [(Node, Node)], key: &str) -> Option<&'a Node> {
    entries
        .iter()
        .find(|(k, _)| matches!(&k.kind, NodeKind::Str(s) if s == key))
        .map(|(_, v)| v)
}

/// number-taken: a number this tree gives to a case that the base gives to
/// a case this tree lacks (added on the base after this branch began).
fn number_taken(
    now: &Record,
    base: &Record,
    pairs: &BTreeMap<usize, &Case>,
    rev: &str,
    findings: &mut Findings,
) {
    for case in &now.cases {
        let Some(number) = &case.number else { continue };
        for (i, other) in base.cases.iter().enumerate() {
            if other.number_value() != Some(number.value) || pairs.contains_key(&i) {
                continue;
            }
            let mut f = Finding::new(
                Code::NumberTaken,
                number.at.clone(),
                format!(
                    "case number {} is already taken on {rev} by \"{}\" ({})",
                    number.value,
                    other.title,
                    other.file.name()
                ),
            )
            .help(format!(
                "give this case the next free number, {}",
                next_free_both(now, base, number.value.yy)
            ))
            .subject(number.value);
            if let Some(n) = &other.number {
                f = f.related(n.at.clone(), format!("{} on {rev}", number.value));
            }
            findings.push(f);
        }
    }
}

/// held-case-changed: `old`, a case of a meeting held on the base, is here
/// as `new` (or removed) with the same number and meeting.
fn held_case(now: &Record, old: &Case, new: Option<&Case>, rev: &str, findings: &mut Findings) {
    let (Some(old_number), Some(old_meeting)) = (&old.number, &old.meeting) else {
        return;
    };
    // Each finding points here and at the case as it was on the base.
    let frozen =
        |at: Location, message: String, was: &Location, was_message: String, help: &str| {
            Finding::new(Code::HeldCaseChanged, at, message)
                .related(was.clone(), was_message)
                .help(format!("the record of a held meeting is frozen: {help}"))
                .subject(old_number.value)
        };
    let Some(new) = new else {
        // Removed: point at the meeting's entry here, or at pds.yaml.
        let at = now
            .meeting(old_meeting.value)
            .map(|m| m.number.at.clone())
            .or_else(|| now.board_file.as_ref().map(Location::whole));
        if let Some(at) = at {
            findings.push(frozen(
                at,
                format!(
                    "case {} \"{}\" of meeting {}, held on {rev}, was removed",
                    old_number.value, old.title, old_meeting.value
                ),
                &old_number.at,
                format!("{} on {rev}", old_number.value),
                "restore the case file",
            ));
        }
        return;
    };
    let here = |at: Option<&Location>| at.cloned().unwrap_or_else(|| Location::whole(&new.file));
    if new.number_value() != Some(old_number.value) {
        let now_number = new.number_value().map(|n| n.to_string());
        findings.push(frozen(
            here(new.number.as_ref().map(|n| &n.at)),
            format!(
                "case {} of meeting {}, held on {rev}, was renumbered to {}",
                old_number.value,
                old_meeting.value,
                now_number.as_deref().unwrap_or("nothing")
            ),
            &old_number.at,
            format!("{} on {rev}", old_number.value),
            "give the case its number back",
        ));
    }
    if new.meeting_value() != Some(old_meeting.value) {
        let now_meeting = new.meeting_value().map(|m| m.to_string());
        findings.push(frozen(
            here(new.meeting.as_ref().map(|m| &m.at)),
            format!(
                "case {} was moved from meeting {}, held on {rev}, to {}",
                old_number.value,
                old_meeting.value,
                now_meeting.as_deref().unwrap_or("no meeting")
            ),
            &old_meeting.at,
            format!("meeting {} on {rev}", old_meeting.value),
            "move the case back",
        ));
    }
}

/// The next number free both here and on the base.
fn next_free_both(now: &Record, base: &Record, yy: u8) -> crate::model::CaseNumber {
    let a = super::next_free(now, yy);
    let b = super::next_free(base, yy);
    if a.seq >= b.seq {
        a
    } else {
        b
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_case_keeps_its_identity_when_scheduled_or_renumbered() {
        let dir = tempfile::tempdir().unwrap();
        let draft = "---\ntitle: Budsjett\nstatus: draft\n---\n";
        for rel in [
            "drafts/budsjett.md",
            "2021/05-21-budsjett.md",
            "2021/143-21-budsjett.md",
            "2021/notat.md",
        ] {
            let path = dir.path().join(rel);
            std::fs::create_dir_all(path.parent().unwrap()).unwrap();
            std::fs::write(path, draft).unwrap();
        }
        std::fs::write(dir.path().join("pds.yaml"), "board: Styret\n").unwrap();
        let (record, _) = crate::load::load(dir.path());
        let ids: BTreeSet<_> = record
            .cases
            .iter()
            .map(|c| (c.file.name().to_string(), identity(c)))
            .collect();
        let want = [
            ("2021/05-21-budsjett.md", "budsjett"),
            ("2021/143-21-budsjett.md", "budsjett"),
            ("2021/notat.md", "notat"),
            ("drafts/budsjett.md", "budsjett"),
        ]
        .map(|(a, b)| (a.to_string(), b.to_string()));
        assert_eq!(ids, BTreeSet::from(want));
    }
}
