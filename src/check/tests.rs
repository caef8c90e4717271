//! Rules seen through whole records loaded from files.

use super::*;
use crate::diag::Code;

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
        .map(|f| (f.code, f.at.file.name(), f.at.line(), f.at.column()))
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
            .map(|r| (r.at.file.name(), r.at.line(), r.message.as_str()))
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
