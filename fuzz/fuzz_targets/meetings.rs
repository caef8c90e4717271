//! (b) A `<yyyy>/meetings.yaml`: YAML parse and the meeting schema, as the
//! loader does it (byte-order mark and all).
#![no_main]

use libfuzzer_sys::fuzz_target;
use pds::diag::{Findings, SourceFile};
use pds::load::schema::Ctx;
use pds::load::{meeting, syntax_finding};

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data).into_owned();
    let len = text.len();
    let file = SourceFile::new("2021/meetings.yaml", "2021/meetings.yaml", text);
    let text = file.text();
    let base = if text.starts_with('\u{feff}') { 3 } else { 0 };
    let yaml = &text[base..];
    let mut findings = Findings::default();
    match pds::yaml::parse(yaml) {
        Ok(node) => {
            let mut ctx = Ctx {
                file: &file,
                base,
                yaml,
                findings: &mut findings,
            };
            let (loaded, _broken) = meeting::meetings(&mut ctx, &node);
            for m in &loaded {
                let _ = m.number.value.to_string();
            }
        }
        Err(e) => findings.push(syntax_finding(&file, base, yaml, &e)),
    }
    for f in findings.into_sorted() {
        assert!(f.at.offset <= len, "{f:?} points past the end ({len})");
        assert!(f.at.line >= 1 && f.at.column >= 1, "{f:?}");
    }
});
