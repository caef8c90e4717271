//! `pds check`: every rule of SPEC §4 over a loaded record.
//!
//! Rules push findings and carry on; nothing here stops at the first problem.

pub mod base;
pub mod blocks;
pub mod registers;
pub mod sequence;

use crate::diag::{nearest, Code, Finding, Findings, Location};
use crate::model::lookup::nearest_meeting;
use crate::model::{CaseKind, CaseNumber, CaseStatus, Date, Meeting, MeetingNumber, Record};
use std::collections::{BTreeMap, BTreeSet};

/// Runs every rule over the record and applies the board's acknowledgements.
pub fn check(record: &Record, mut findings: Findings) -> Vec<Finding> {
    case_sequence(record, &mut findings);
    meetings(record, &mut findings);
    case_meetings(record, &mut findings);
    file_names(record, &mut findings);
    standing_items(record, &mut findings);
    references(record, &mut findings);
    registers::check(record, &mut findings);
    blocks::check(record, &mut findings);
    let mut all = findings.into_sorted();
    acknowledge(record, &mut all);
    all
}

/// The number a case file's name suggests (`2021/05-21-x.md` → 5/21).
pub fn number_from_file_name(name: &str) -> Option<CaseNumber> {
    let base = name.rsplit('/').next()?;
    let mut parts = base.splitn(3, '-');
    let (seq, yy) = (parts.next()?, parts.next()?);
    CaseNumber::parse(&format!("{seq}/{yy}")).ok()
}

fn case_sequence(record: &Record, findings: &mut Findings) {
    // In meeting order, so the first of duplicates is the one on the earliest agenda.
    let mut numbered: Vec<_> = record.cases.iter().filter(|c| c.number.is_some()).collect();
    numbered.sort_by_cached_key(|c| {
        let meeting = c
            .meeting_value()
            .and_then(|m| record.meeting(m))
            .map(|m| (m.date.value, m.number.value));
        (meeting.is_none(), meeting, c.file.name().to_string())
    });
    let entries: Vec<sequence::Entry<(Date, MeetingNumber)>> = numbered
        .iter()
        .filter_map(|c| {
            let number = c.number_value()?;
            let meeting = c
                .meeting_value()
                .and_then(|m| record.meeting(m))
                .map(|m| (m.date.value, m.number.value));
            Some(sequence::Entry { number, meeting })
        })
        .collect();
    // Files that did not load, and cases whose number is missing or malformed,
    // hold the number their name gives: that number is no gap.
    let unnumbered = record
        .cases
        .iter()
        .filter(|c| c.number.is_none() && c.status != CaseStatus::Draft)
        .map(|c| c.file.name());
    let reserved: BTreeSet<CaseNumber> = record
        .unloaded
        .broken_cases
        .iter()
        .map(String::as_str)
        .chain(unnumbered)
        .filter_map(number_from_file_name)
        .collect();
    let present: BTreeSet<CaseNumber> = entries
        .iter()
        .map(|e| e.number)
        .chain(reserved.iter().copied())
        .collect();
    let at = |i: usize| numbered.get(i).and_then(|c| c.number.as_ref());
    let misdated: BTreeSet<MeetingNumber> = misdated(record)
        .into_iter()
        .flat_map(|(a, b)| [a.number.value, b.number.value])
        .collect();
    for problem in sequence::check(&entries, &reserved) {
        match problem {
            sequence::Problem::Duplicate(number, idx) => {
                let mut locations = idx.iter().filter_map(|&i| at(i));
                let Some(first) = locations.next() else {
                    continue;
                };
                let rest: Vec<_> = locations.collect();
                let Some(primary) = rest.first() else {
                    continue;
                };
                let mut f = Finding::new(
                    Code::DuplicateCase,
                    primary.at.clone(),
                    format!("case number {number} is used by {} cases", idx.len()),
                )
                .related(first.at.clone(), "first used here")
                .help(format!(
                    "give one of them a free number; the next free number is {}",
                    next_free(record, number.yy)
                ))
                .subject(number);
                for other in rest.iter().skip(1) {
                    f = f.related(other.at.clone(), "also used here");
                }
                findings.push(f);
            }
            sequence::Problem::Gap(missing, next) => {
                let Some(next_case) = at(next) else { continue };
                // The last number below the gap that is there (several may be missing).
                let before = present
                    .range(..missing)
                    .next_back()
                    .filter(|n| n.yy == missing.yy);
                let message = match before {
                    Some(before) => format!("case number {missing} is carried by no case: the sequence skips from {before} to {}", next_case.value),
                    None => format!("case number {missing} is carried by no case: the year's sequence starts at {}", next_case.value),
                };
                findings.push(
                    Finding::new(Code::CaseGap, next_case.at.clone(), message)
                        .help("withdrawn cases keep their numbers; give a case the missing number, or acknowledge the gap in pds.yaml")
                        .subject(missing),
                );
            }
            sequence::Problem::Gaps(first, last, next) => {
                let Some(next_case) = at(next) else { continue };
                let before = present
                    .range(..first)
                    .next_back()
                    .filter(|n| n.yy == first.yy);
                let how = match before {
                    Some(before) => {
                        format!("the sequence skips from {before} to {}", next_case.value)
                    }
                    None => format!("the year's sequence starts at {}", next_case.value),
                };
                findings.push(
                    Finding::new(
                        Code::CaseGap,
                        next_case.at.clone(),
                        format!(
                            "case numbers {first} to {last} ({} numbers) are carried by no case: {how}",
                            last.seq - first.seq + 1
                        ),
                    )
                    .help("a number this far ahead of the sequence is often a typo; withdrawn cases keep their numbers"),
                );
            }
            sequence::Problem::Order(late, early) => {
                let (Some(late_case), Some(early_case)) = (numbered.get(late), numbered.get(early))
                else {
                    continue;
                };
                // Which meeting is earlier is itself in doubt (meeting-order
                // reports it): comparing their cases would only echo that.
                let in_doubt = |c: &crate::model::Case| {
                    c.meeting_value().is_some_and(|m| misdated.contains(&m))
                };
                if in_doubt(late_case) || in_doubt(early_case) {
                    continue;
                }
                let (Some(ln), Some(en)) = (&late_case.number, &early_case.number) else {
                    continue;
                };
                let lm = late_case
                    .meeting_value()
                    .map(|m| m.to_string())
                    .unwrap_or_default();
                let em = early_case
                    .meeting_value()
                    .map(|m| m.to_string())
                    .unwrap_or_default();
                findings.push(
                    Finding::new(
                        Code::CaseOrder,
                        ln.at.clone(),
                        format!("case {} of meeting {lm} comes after case {} of the earlier meeting {em}", ln.value, en.value),
                    )
                    .related(en.at.clone(), format!("{} is on the agenda of {em}", en.value))
                    .help("case numbers must increase with the meetings; renumber the later meeting's cases")
                    .subject(ln.value),
                );
            }
        }
    }
}

/// The next number of a two-digit year that no case carries.
pub fn next_free(record: &Record, yy: u8) -> CaseNumber {
    let max = record
        .cases
        .iter()
        .filter_map(|c| c.number_value())
        .filter(|n| n.yy == yy)
        .map(|n| n.seq)
        .max()
        .unwrap_or(0);
    CaseNumber::new(max + 1, yy)
}

/// Pairs of meetings of a year, next to each other by number, whose dates do
/// not increase with their numbers: (earlier number, later number).
fn misdated(record: &Record) -> Vec<(&Meeting, &Meeting)> {
    let mut by_number: BTreeMap<MeetingNumber, &Meeting> = BTreeMap::new();
    for m in &record.meetings {
        by_number.entry(m.number.value).or_insert(m);
    }
    let list: Vec<&Meeting> = by_number.into_values().collect();
    list.windows(2)
        .filter_map(|pair| match pair {
            [a, b] if a.number.year == b.number.year && b.date.value <= a.date.value => {
                Some((*a, *b))
            }
            _ => None,
        })
        .collect()
}

fn meetings(record: &Record, findings: &mut Findings) {
    let mut by_number: BTreeMap<MeetingNumber, Vec<&crate::model::Meeting>> = BTreeMap::new();
    for m in &record.meetings {
        by_number.entry(m.number.value).or_default().push(m);
    }
    for (number, list) in &by_number {
        if let [first, rest @ ..] = list.as_slice() {
            for other in rest {
                findings.push(
                    Finding::new(
                        Code::DuplicateMeeting,
                        other.number.at.clone(),
                        format!("meeting number {number} is used by {} meetings", list.len()),
                    )
                    .related(first.number.at.clone(), "first used here")
                    .subject(number),
                );
            }
        }
    }
    // Gaps and order, per year.
    let mut years: BTreeMap<u16, Vec<&crate::model::Meeting>> = BTreeMap::new();
    for list in by_number.values() {
        if let Some(m) = list.first() {
            years.entry(m.number.year).or_default().push(m);
        }
    }
    for (year, list) in &years {
        // A meeting that did not load (a bad date, say) still holds its number.
        let broken = record
            .unloaded
            .broken_meetings
            .iter()
            .filter(|m| m.year == *year);
        let present: BTreeSet<u32> = list
            .iter()
            .map(|m| m.number.seq)
            .chain(broken.map(|m| m.seq))
            .collect();
        for (first, last) in sequence::missing_runs(&present) {
            let Some(next) = list
                .iter()
                .filter(|m| m.number.seq > last)
                .min_by_key(|m| m.number.seq)
            else {
                continue;
            };
            if last - first >= sequence::LONGEST_GAP_LISTED {
                let (a, b) = (
                    MeetingNumber::new(first, *year),
                    MeetingNumber::new(last, *year),
                );
                findings.push(Finding::new(
                    Code::MeetingGap,
                    next.number.at.clone(),
                    format!(
                        "meeting numbers {a} to {b} ({} numbers) are missing: {year}'s meetings skip to {}",
                        last - first + 1,
                        next.number.value
                    ),
                ));
                continue;
            }
            for seq in first..=last {
                let missing = MeetingNumber::new(seq, *year);
                findings.push(
                    Finding::new(
                        Code::MeetingGap,
                        next.number.at.clone(),
                        format!(
                            "meeting number {missing} is missing: {year}'s meetings skip to {}",
                            next.number.value
                        ),
                    )
                    .subject(missing),
                );
            }
        }
    }
    for (a, b) in misdated(record) {
        findings.push(
            Finding::new(
                Code::MeetingOrder,
                b.date.at.clone(),
                format!(
                    "meeting {} is dated {}, not after meeting {} ({})",
                    b.number.value, b.date.value, a.number.value, a.date.value
                ),
            )
            .related(
                a.date.at.clone(),
                format!("meeting {} is dated here", a.number.value),
            )
            .subject(b.number.value),
        );
    }
    for m in &record.meetings {
        let folder = m.file.name().split('/').next().unwrap_or("");
        let number_year = m.number.year;
        if m.date.year != number_year {
            findings.push(
                Finding::new(
                    Code::MeetingOrder,
                    m.date.at.clone(),
                    format!(
                        "meeting {} is dated {}, in another year than its number",
                        m.number.value, m.date.value
                    ),
                )
                .subject(m.number.value),
            );
        }
        if folder != number_year.to_string() {
            findings.push(
                Finding::new(
                    Code::MeetingOrder,
                    m.number.at.clone(),
                    format!(
                        "meeting {} stands in {}, not in {number_year}/meetings.yaml",
                        m.number.value,
                        m.file.name()
                    ),
                )
                .subject(m.number.value),
            );
        }
    }
}

fn case_meetings(record: &Record, findings: &mut Findings) {
    for case in &record.cases {
        let Some(meeting) = &case.meeting else {
            continue;
        };
        if record.meeting(meeting.value).is_none()
            && !record.unloaded.meeting_may_exist(meeting.value)
        {
            let text = meeting.value.to_string();
            let add = format!("add meeting {text} to {}/meetings.yaml", meeting.value.year);
            let help = match nearest_meeting(
                meeting.value,
                record.meetings.iter().map(|m| m.number.value),
            ) {
                Some(n) => format!("did you mean {n}? If not, {add}"),
                None => add,
            };
            let mut finding = Finding::new(
                Code::UnknownMeeting,
                meeting.at.clone(),
                format!("meeting {text} is in no meetings.yaml"),
            )
            .help(help);
            // An empty meetings.yaml of the year is where the fix goes.
            let year_file = format!("{}/meetings.yaml", meeting.value.year);
            for file in record
                .unloaded
                .empty_meeting_files
                .iter()
                .filter(|f| f.name() == year_file)
            {
                finding = finding.related(Location::whole(file), "no meeting is listed here");
            }
            findings.push(finding);
            continue;
        }
        if let Some(number) = &case.number {
            if u16::from(number.yy) != meeting.value.year % 100 {
                findings.push(
                    Finding::new(
                        Code::CaseYearMismatch,
                        number.at.clone(),
                        format!(
                            "case {} belongs to meeting {}, held in {}",
                            number.value, meeting.value, meeting.value.year
                        ),
                    )
                    .related(meeting.at.clone(), "the meeting")
                    .help(format!(
                        "cases of a {} meeting are numbered n/{:02}",
                        meeting.value.year,
                        meeting.value.year % 100
                    ))
                    .subject(number.value),
                );
            }
        }
    }
}

fn file_names(record: &Record, findings: &mut Findings) {
    for case in &record.cases {
        let name = case.file.name();
        let (folder, base) = name.split_once('/').unwrap_or(("", name));
        match &case.number {
            Some(number) => {
                let prefix = format!("{}-", number.value.file_prefix());
                let year = number.value.year().to_string();
                if folder != year || !base.starts_with(&prefix) {
                    findings.push(
                        Finding::new(
                            Code::FileName,
                            number.at.clone(),
                            format!("case {} is in {name}, but its file belongs in {year}/{prefix}<slug>.md", number.value),
                        )
                        .subject(number.value),
                    );
                }
            }
            // A case that is no draft and has no number has a finding for
            // its number already; only a draft belongs in drafts/.
            None if folder != "drafts" && case.status == CaseStatus::Draft => {
                findings.push(
                    Finding::new(
                        Code::FileName,
                        Location::whole(&case.file),
                        format!("{name} has no case number, so it belongs in drafts/"),
                    )
                    .help("give it a number with `pds schedule`, or move it to drafts/"),
                );
            }
            None => {}
        }
    }
}

fn first_title(case: &crate::model::Case) -> &str {
    match &case.kind {
        CaseKind::Parts(parts) => parts
            .first()
            .map(|p| p.title.as_str())
            .unwrap_or(&case.title),
        _ => &case.title,
    }
}

fn starts_with_ci(text: &str, prefix: &str) -> bool {
    text.to_lowercase().starts_with(&prefix.to_lowercase())
}

fn standing_items(record: &Record, findings: &mut Findings) {
    let items = &record.board.standing_items;
    if items.first.is_none() && items.last.is_none() {
        return;
    }
    for meeting in &record.meetings {
        let agenda = record.agenda(meeting.number.value);
        let (Some(first), Some(last)) = (agenda.first(), agenda.last()) else {
            continue;
        };
        if let Some(expected) = &items.first {
            if !starts_with_ci(&first.title, expected)
                && !starts_with_ci(first_title(first), expected)
            {
                if let Some(n) = &first.number {
                    findings.push(
                        Finding::new(
                            Code::StandingItem,
                            n.at.clone(),
                            format!("meeting {} opens with \"{}\", not the standing item \"{expected}\"", meeting.number.value, first.title),
                        )
                        .subject(meeting.number.value),
                    );
                }
            }
        }
        if let Some(expected) = &items.last {
            if !starts_with_ci(&last.title, expected) {
                if let Some(n) = &last.number {
                    findings.push(
                        Finding::new(
                            Code::StandingItem,
                            n.at.clone(),
                            format!("meeting {} closes with \"{}\", not the standing item \"{expected}\"", meeting.number.value, last.title),
                        )
                        .subject(meeting.number.value),
                    );
                }
            }
        }
    }
}

fn references(record: &Record, findings: &mut Findings) {
    let numbers: BTreeSet<CaseNumber> = record
        .cases
        .iter()
        .filter_map(|c| c.number_value())
        .collect();
    for case in &record.cases {
        for p in &case.previous {
            if !numbers.contains(&p.value) {
                findings.push(Finding::new(
                    Code::UnknownReference,
                    p.at.clone(),
                    format!("`previous` names case {}, which no case carries", p.value),
                ));
            }
        }
    }
    let members: Vec<&str> = record
        .board
        .members
        .iter()
        .map(|m| m.name.as_str())
        .collect();
    for meeting in &record.meetings {
        let invited: Vec<&str> = members
            .iter()
            .copied()
            .chain(meeting.invited.iter().map(|p| p.name.as_str()))
            .collect();
        for name in &meeting.absent {
            if !invited.contains(&name.value.as_str()) {
                let help = nearest(&name.value, invited.iter().copied())
                    .map(|n| format!("did you mean `{n}`?"));
                findings.push(
                    Finding::new(
                        Code::UnknownReference,
                        name.at.clone(),
                        format!(
                            "`{}` is absent from meeting {}, but is neither a member nor invited",
                            name.value, meeting.number.value
                        ),
                    )
                    .help_opt(help),
                );
            }
        }
    }
}

/// Marks acknowledged findings and reports acknowledgements that match nothing.
fn acknowledge(record: &Record, findings: &mut Vec<Finding>) {
    let mut stale = Vec::new();
    for ack in &record.board.acknowledged {
        let mut matched = false;
        for f in findings.iter_mut() {
            if f.code.as_str() == ack.finding.value
                && f.subject.as_deref() == Some(ack.number.value.as_str())
            {
                // The first entry that matches gives the note.
                f.acknowledged.get_or_insert_with(|| ack.note.clone());
                matched = true;
            }
        }
        if !matched {
            stale.push(
                Finding::new(
                    Code::StaleAcknowledgement,
                    ack.number.at.clone(),
                    format!(
                        "acknowledged {} {} matches no finding",
                        ack.finding.value, ack.number.value
                    ),
                )
                .related(ack.finding.at.clone(), "acknowledged here")
                .help("the problem is gone: remove this entry from `acknowledged`"),
            );
        }
    }
    findings.extend(stale);
    findings.sort_by(Finding::output_order);
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Loads and checks a record made of `files` (path, text) in a new folder.
    fn check_files(files: &[(&str, &str)]) -> Vec<Finding> {
        let dir = tempfile::tempdir().unwrap();
        for (path, text) in files {
            let path = dir.path().join(path);
            std::fs::create_dir_all(path.parent().unwrap()).unwrap();
            std::fs::write(path, text).unwrap();
        }
        let (record, findings) = crate::load::load(dir.path());
        check(&record, findings)
    }

    const BOARD: (&str, &str) = ("pds.yaml", "board: Styret\n");
    const MEETINGS: (&str, &str) = (
        "2021/meetings.yaml",
        "- { number: 1/2021, date: 2021-02-12 }\n- { number: 2/2021, date: 2021-03-12 }\n",
    );

    fn case(number: &str, meeting: &str) -> String {
        format!("---\nnumber: {number}\nmeeting: {meeting}\ntitle: Sak\ntype: Orientering\n---\n")
    }

    /// (code, file, line, column) of each finding.
    fn places(findings: &[Finding]) -> Vec<(Code, &str, usize, usize)> {
        findings
            .iter()
            .map(|f| (f.code, f.at.file.name(), f.at.line, f.at.column))
            .collect()
    }

    #[test]
    fn a_number_far_ahead_is_one_gap_finding_not_millions() {
        let findings = check_files(&[
            BOARD,
            (
                "2021/meetings.yaml",
                "- { number: 1/2021, date: 2021-02-12 }\n- { number: 900000000/2021, date: 2021-03-12 }\n",
            ),
            ("2021/01-21-a.md", &case("1/21", "1/2021")),
            ("2021/4000000-21-b.md", &case("4000000/21", "1/2021")),
        ]);
        let messages: Vec<_> = findings
            .iter()
            .map(|f| (f.code, f.message.as_str()))
            .collect();
        assert_eq!(
            messages,
            [
                (Code::CaseGap, "case numbers 2/21 to 3999999/21 (3999998 numbers) are carried by no case: the sequence skips from 1/21 to 4000000/21"),
                (Code::MeetingGap, "meeting numbers 2/2021 to 899999999/2021 (899999998 numbers) are missing: 2021's meetings skip to 900000000/2021"),
            ]
        );
    }

    #[test]
    fn an_empty_meetings_yaml_is_named_by_the_cases_that_miss_their_meeting() {
        for empty in ["", "# none yet\n", "[]\n"] {
            let findings = check_files(&[
                BOARD,
                ("2021/meetings.yaml", empty),
                ("2021/01-21-a.md", &case("1/21", "1/2021")),
            ]);
            assert_eq!(
                places(&findings),
                [(Code::UnknownMeeting, "2021/01-21-a.md", 3, 10)],
                "{empty:?}"
            );
            let related: Vec<_> = findings[0]
                .related
                .iter()
                .map(|r| (r.at.file.name(), r.at.line, r.message.as_str()))
                .collect();
            assert_eq!(
                related,
                [("2021/meetings.yaml", 1, "no meeting is listed here")],
                "{empty:?}"
            );
        }
    }

    #[test]
    fn a_malformed_number_is_one_finding_not_a_gap_or_a_draft() {
        let findings = check_files(&[
            BOARD,
            MEETINGS,
            ("2021/01-21-a.md", &case("1/21", "1/2021")),
            ("2021/02-21-b.md", &case("2/2021", "1/2021")),
            ("2021/03-21-c.md", &case("3/21", "2/2021")),
        ]);
        assert_eq!(
            places(&findings),
            [(Code::CaseNumberFormat, "2021/02-21-b.md", 2, 9)]
        );
    }

    #[test]
    fn each_missing_number_names_the_numbers_around_the_gap() {
        let messages = |files: &[(&str, &str)]| -> Vec<String> {
            check_files(files).into_iter().map(|f| f.message).collect()
        };
        let one = case("1/21", "1/2021");
        let two = case("2/21", "1/2021");
        let five = case("5/21", "2/2021");
        assert_eq!(
            messages(&[
                BOARD,
                MEETINGS,
                ("2021/01-21-a.md", &one),
                ("2021/05-21-b.md", &five)
            ]),
            [
                "case number 2/21 is carried by no case: the sequence skips from 1/21 to 5/21",
                "case number 3/21 is carried by no case: the sequence skips from 1/21 to 5/21",
                "case number 4/21 is carried by no case: the sequence skips from 1/21 to 5/21",
            ]
        );
        assert_eq!(
            messages(&[
                BOARD,
                MEETINGS,
                ("2021/02-21-a.md", &two),
                ("2021/05-21-b.md", &five)
            ]),
            [
                "case number 1/21 is carried by no case: the year's sequence starts at 2/21",
                "case number 3/21 is carried by no case: the sequence skips from 2/21 to 5/21",
                "case number 4/21 is carried by no case: the sequence skips from 2/21 to 5/21",
            ]
        );
    }

    #[test]
    fn an_unknown_meeting_suggests_the_closest() {
        let findings = check_files(&[
            BOARD,
            MEETINGS,
            ("2021/01-21-a.md", &case("1/21", "1/2021")),
            ("2021/02-21-b.md", &case("2/21", "3/2021")),
        ]);
        assert_eq!(
            places(&findings),
            [(Code::UnknownMeeting, "2021/02-21-b.md", 3, 10)]
        );
        assert_eq!(
            findings[0].help.as_deref(),
            Some("did you mean 2/2021? If not, add meeting 3/2021 to 2021/meetings.yaml")
        );
    }

    #[test]
    fn a_meeting_that_does_not_load_is_not_unknown_nor_a_gap() {
        let meetings = "- { number: 1/2021, date: 2021-02-12 }\n- { number: 2/2021, date: 2021-02-30 }\n- { number: 3/2021, date: 2021-04-23 }\n";
        let findings = check_files(&[
            BOARD,
            ("2021/meetings.yaml", meetings),
            ("2021/01-21-a.md", &case("1/21", "2/2021")),
        ]);
        assert_eq!(
            places(&findings),
            [(Code::InvalidValue, "2021/meetings.yaml", 2, 27)]
        );
        let findings = check_files(&[
            BOARD,
            (
                "2021/meetings.yaml",
                "- { number: 1/2021, date: 2021-02-12 \n",
            ),
            ("2021/01-21-a.md", &case("1/21", "1/2021")),
        ]);
        assert_eq!(
            places(&findings).first().map(|p| (p.0, p.1)),
            Some((Code::YamlSyntax, "2021/meetings.yaml"))
        );
        assert_eq!(findings.len(), 1, "{findings:?}");
    }

    #[test]
    fn cases_of_misdated_meetings_are_not_also_out_of_order() {
        // 2/2021 is dated before 1/2021: one meeting-order finding, and the
        // cases of the two meetings are not compared by those dates.
        let meetings =
            "- { number: 1/2021, date: 2021-02-12 }\n- { number: 2/2021, date: 2021-01-12 }\n";
        let findings = check_files(&[
            BOARD,
            ("2021/meetings.yaml", meetings),
            ("2021/01-21-a.md", &case("1/21", "1/2021")),
            ("2021/02-21-b.md", &case("2/21", "2/2021")),
        ]);
        assert_eq!(
            places(&findings),
            [(Code::MeetingOrder, "2021/meetings.yaml", 2, 27)]
        );
        // With the dates right, a lower number in the later meeting is reported.
        let meetings =
            "- { number: 1/2021, date: 2021-02-12 }\n- { number: 2/2021, date: 2021-03-12 }\n";
        let findings = check_files(&[
            BOARD,
            ("2021/meetings.yaml", meetings),
            ("2021/01-21-a.md", &case("1/21", "1/2021")),
            ("2021/02-21-b.md", &case("2/21", "2/2021")),
            ("2021/03-21-c.md", &case("3/21", "1/2021")),
        ]);
        assert_eq!(
            places(&findings),
            [(Code::CaseOrder, "2021/02-21-b.md", 2, 9)]
        );
    }

    #[test]
    fn only_a_draft_outside_drafts_is_told_to_move() {
        let draft = "---\ntitle: Utkast\nstatus: draft\n---\n";
        let findings = check_files(&[BOARD, MEETINGS, ("2021/utkast.md", draft)]);
        assert_eq!(
            places(&findings),
            [(Code::FileName, "2021/utkast.md", 1, 1)]
        );
    }

    #[test]
    fn file_names_suggest_numbers() {
        assert_eq!(
            number_from_file_name("2021/05-21-x.md"),
            Some(CaseNumber::new(5, 21))
        );
        assert_eq!(number_from_file_name("drafts/utkast.md"), None);
    }
}
