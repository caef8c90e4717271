//! The case reader against small case files.

use super::*;

fn load(text: &str) -> (Option<Case>, Vec<Finding>) {
    let file = SourceFile::new("2021/43-21-x.md", "2021/43-21-x.md", text.to_string());
    let mut findings = Findings::default();
    let types: Vec<String> = ["Tilslutning", "Orientering"]
        .iter()
        .map(|s| s.to_string())
        .collect();
    let case = parse(&file, &types, &mut findings);
    (case, findings.into_sorted())
}

#[test]
fn reads_a_case_with_its_body() {
    let (case, findings) = load("---\nnumber: 43/21\nmeeting: 7/2021\ntitle: Styringsdokument\ntype: Tilslutning\n---\n# Body\n");
    assert!(findings.is_empty(), "{findings:?}");
    let case = case.unwrap();
    assert_eq!(case.number.as_ref().unwrap().to_string(), "43/21");
    assert_eq!(case.body(), "# Body\n");
    assert_eq!(case.kind, CaseKind::Single("Tilslutning".into()));
    assert_eq!(case.document_name().unwrap(), "43-21 Styringsdokument");
}

#[test]
fn a_misspelt_type_points_at_the_value_and_suggests() {
    let (_, findings) =
        load("---\nnumber: 43/21\nmeeting: 7/2021\ntitle: T\ntype: Tilsluting\n---\n");
    assert_eq!(findings.len(), 1);
    let f = &findings[0];
    assert_eq!(f.code, Code::InvalidValue);
    assert_eq!((f.at.line(), f.at.column()), (5, 7));
    assert_eq!(f.help.as_deref(), Some("did you mean `Tilslutning`?"));
}

#[test]
fn unknown_and_missing_keys_are_all_reported() {
    let (_, findings) = load("---\nnumber: 43/21\ntitel: T\ntype: Orientering\n---\n");
    let codes: Vec<_> = findings
        .iter()
        .map(|f| (f.code, f.at.line(), f.at.column()))
        .collect();
    assert!(codes.contains(&(Code::UnknownField, 3, 1)), "{codes:?}");
    assert!(codes.contains(&(Code::MissingField, 2, 1)), "{codes:?}");
    let unknown = findings
        .iter()
        .find(|f| f.code == Code::UnknownField)
        .unwrap();
    assert_eq!(unknown.help.as_deref(), Some("did you mean `title`?"));
    assert_eq!(
        findings
            .iter()
            .filter(|f| f.code == Code::MissingField)
            .count(),
        2
    );
}

#[test]
fn bad_number_is_a_format_finding_at_the_value() {
    let (_, findings) =
        load("---\nnumber: 43/2021\nmeeting: 7/21\ntitle: T\ntype: Orientering\n---\n");
    let codes: Vec<_> = findings
        .iter()
        .map(|f| (f.code, f.at.line(), f.at.column()))
        .collect();
    assert_eq!(
        codes,
        vec![
            (Code::CaseNumberFormat, 2, 9),
            (Code::MeetingNumberFormat, 3, 10)
        ]
    );
}

#[test]
fn front_matter_problems() {
    let (_, f) = load("# no front matter\n");
    assert_eq!(f[0].code, Code::FrontMatter);
    let (_, f) = load("---\nnumber: 1/21\n");
    assert_eq!(f[0].code, Code::FrontMatter);
    for empty in ["", "\n\n", "\u{feff}"] {
        let (_, f) = load(empty);
        assert_eq!(
            (f[0].code, f[0].at.line(), f[0].at.column()),
            (Code::FrontMatter, 1, 1)
        );
        assert!(f[0].message.starts_with("the case file is empty"), "{f:?}");
    }
    let (_, f) = load("---\nnumber: [1/21\n---\n");
    assert_eq!(f[0].code, Code::YamlSyntax);
    assert!(f[0].at.line() >= 2);
}

#[test]
fn drafts_need_no_number_and_a_bom_is_fine() {
    let (case, findings) = load("\u{feff}---\ntitle: Utkast\nstatus: draft\n---\n");
    assert!(findings.is_empty(), "{findings:?}");
    assert!(case.unwrap().number.is_none());
}

#[test]
fn parts_are_read_in_order() {
    let (case, findings) = load("---\nnumber: 41/21\nmeeting: 7/2021\ntitle: Godkjenning\nparts:\n  - { title: A, type: Tilslutning }\n  - { title: B, type: Orientering }\n---\n");
    assert!(findings.is_empty(), "{findings:?}");
    let CaseKind::Parts(parts) = case.unwrap().kind else {
        panic!()
    };
    assert_eq!(
        parts[1],
        Part {
            title: "B".into(),
            kind: "Orientering".into()
        }
    );
}
