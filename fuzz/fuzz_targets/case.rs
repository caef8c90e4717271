//! (a) A case file: front matter split, YAML parse and the case schema.
//! Any input, valid UTF-8 or not, must give a case or findings, never a
//! panic; every finding's place must lie inside the file.
#![no_main]

use libfuzzer_sys::fuzz_target;
use pds::diag::{Findings, SourceFile};
use pds::load::{case, frontmatter};

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data).into_owned();
    if let Ok(split) = frontmatter::split(&text) {
        assert_eq!(&text[split.yaml_offset..][..split.yaml.len()], split.yaml);
        assert_eq!(&text[split.body_offset..], split.body);
    }
    let len = text.len();
    let file = SourceFile::new("2021/01-21-fuzz.md", "2021/01-21-fuzz.md", text);
    let types: Vec<String> = ["Tilslutning", "Orientering", "Drøfting", "Beslutning"]
        .iter()
        .map(|s| s.to_string())
        .collect();
    let mut findings = Findings::default();
    let parsed = case::parse(&file, &types, &mut findings);
    if let Some(c) = &parsed {
        let _ = c.body();
        let _ = c.document_name();
    }
    let findings = findings.into_sorted();
    assert!(
        parsed.is_some() || !findings.is_empty(),
        "no case and no finding"
    );
    for f in &findings {
        assert!(f.at.offset <= len, "{f:?} points past the end ({len})");
        assert!(f.at.line >= 1 && f.at.column >= 1, "{f:?}");
    }
});
