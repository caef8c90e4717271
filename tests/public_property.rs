//! Fail closed, as a property: whatever mix of right and wrong lines a case
//! meant to be exempt has (a misspelt key, a list for a basis, a key given
//! twice, a missing type), `render --public` either refuses (exit 1, nothing
//! on stdout) or prints nothing of the case but what may be published.

mod common;
use common::*;
use proptest::prelude::*;

/// Lines of front matter: exemptions right and wrong, and fields holding markers.
const LINES: &[&str] = &[
    "exempt: Offl. § 13",
    "exempt: [Offl. § 13]",
    "exempt: {basis: Offl. § 13}",
    "Exempt: Offl. § 13",
    "exmpt: Offl. § 13",
    "exempt:",
    "exempt: ~",
    "exempt: \"\"",
    "type: Orientering",
    "type: Beslutning",
    "type: Orienterng",
    "parts:\n  - { title: ZZSECRET-PART, type: Orientering }",
    "status: decided",
    "status: ready",
    "description: ZZSECRET-DESCRIPTION",
    "owner: ZZSECRET-OWNER",
    "document: ZZSECRET-DOCUMENT",
    "proposed_decision: |\n  ZZSECRET-PROPOSAL",
    "decision: ZZSECRET-DECISION",
    "previous: [2/21]",
    "previous: [9/21]",
    "meeting: 1/2021",
];

fn record(lines: &[&str]) -> tempfile::TempDir {
    Record::new()
        .file(
            "pds.yaml",
            "board: Styret\nchair: { name: Leder, org: Org }\n",
        )
        .file(
            "2021/meetings.yaml",
            "- number: 1/2021\n  date: 2021-03-01\n",
        )
        .file(
            "2021/01-21-personalsak.md",
            format!(
                "---\nnumber: 1/21\nmeeting: 1/2021\ntitle: Personalsak\n{}\n---\nZZSECRET-BODY\n",
                lines.join("\n")
            ),
        )
        .file(
            "2021/02-21-annet.md",
            "---\nnumber: 2/21\nmeeting: 1/2021\ntitle: Annet\ntype: Orientering\n---\nOpen.\n\n{{ actions() }}\n",
        )
        .file(
            "2021/actions.yaml",
            "- id: A1\n  raised: 1/21\n  text: ZZSECRET-ACTION\n  status: open\n",
        )
        .build()
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 32, failure_persistence: None, ..ProptestConfig::default() })]

    #[test]
    fn a_case_meant_to_be_exempt_is_refused_or_withheld(
        mut picked in proptest::sample::subsequence(LINES.to_vec(), 1..8),
        first in proptest::sample::select(&LINES[..8]),
    ) {
        // At least one line that means the case to be exempt, however written.
        picked.insert(0, first);
        let dir = record(&picked);
        let repo = dir.path().to_str().unwrap();
        for doc in [&["pack", "1/2021"][..], &["minutes", "1/2021"], &["overview", "2021"], &["case", "1/21"], &["case", "2/21"]] {
            for format in ["md", "html"] {
                let mut args = vec!["--repo", repo, "render"];
                args.extend_from_slice(doc);
                args.extend_from_slice(&["--format", format, "--public"]);
                let out = pds(&args);
                let text = stdout(&out);
                match out.status.code() {
                    Some(1) => prop_assert_eq!(text, "", "{:?}: refused, yet printed", picked),
                    Some(0) => {
                        prop_assert!(!text.contains("ZZSECRET"), "{:?} {:?} {}:\n{}", picked, doc, format, text);
                        prop_assert!(text.contains("Personalsak") || doc == ["case", "2/21"], "{:?}", picked);
                    }
                    other => prop_assert!(false, "{:?} {:?}: exit {:?}: {}", picked, doc, other, stderr(&out)),
                }
            }
        }
    }
}
