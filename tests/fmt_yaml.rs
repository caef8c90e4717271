//! `pds fmt` writes only YAML 1.2 that `pds check` (and other YAML readers)
//! accept, with the same values.
#![expect(clippy::unwrap_used, reason = "a panic is how a test fails")]

mod common;
use common::*;

/// The front matter's lines that continue a value (neither a key nor indented).
fn lines_at_the_margin(text: &str) -> Vec<String> {
    let front = text.split("---\n").nth(1).unwrap();
    front
        .lines()
        .filter(|l| !l.is_empty() && !l.starts_with([' ', '#']))
        .filter(|l| !l.contains(": ") && !l.ends_with(':'))
        .map(String::from)
        .collect()
}

#[test]
fn multi_line_quoted_values_stay_indented_and_load_the_same() {
    // yaml-test-suite NAT4's shapes: quoted values over several lines,
    // closing quote on a line of its own.
    let dir = Record::copy_of(EN_BOARD).build();
    let d = dir.path();
    let case = d.join("2022/03-22-budget-2022.md");
    let text = std::fs::read_to_string(&case).unwrap();
    let quoted = text.replacen(
        "description: The programme's budget for 2022.\n",
        "description: 'The budget\n\n  for 2022.\n  '\nowner: \"Finance\n  and\n  \"\n",
        1,
    );
    let quoted = quoted.replacen("owner: Finance\n", "", 1);
    assert_ne!(quoted, text);
    std::fs::write(&case, &quoted).unwrap();
    let before = stdout(&pds_in(d, &["list", "cases", "--format", "json"]));
    assert_eq!(pds_in(d, &["check"]).status.code(), Some(0));

    let out = pds_in(d, &["fmt"]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let after = std::fs::read_to_string(&case).unwrap();
    assert_ne!(after, quoted, "fmt rewrote the file");
    assert_eq!(lines_at_the_margin(&after), Vec::<String>::new(), "{after}");
    let check = pds_in(d, &["check"]);
    assert_eq!(check.status.code(), Some(0), "{}{after}", stdout(&check));
    assert_eq!(
        stdout(&pds_in(d, &["list", "cases", "--format", "json"])),
        before
    );
    let again = pds_in(d, &["fmt", "--check"]);
    assert_eq!(again.status.code(), Some(0), "{}", stdout(&again));
}
