//! (e) fmt's verify-then-write: whatever the file, `pds::fmt::format` either
//! leaves it alone or returns text that formats to itself, loads with the
//! same strict loader `check` uses, and loses no word of the original.
#![no_main]

use libfuzzer_sys::fuzz_target;
use pds::fmt::{format, Outcome};
use std::collections::BTreeMap;

fn words(text: &str) -> BTreeMap<&str, usize> {
    let mut counts = BTreeMap::new();
    for w in text.split(|c: char| !c.is_alphanumeric()).filter(|w| !w.is_empty()) {
        *counts.entry(w).or_insert(0) += 1;
    }
    counts
}

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else { return };
    for markdown in [true, false] {
        if let Outcome::Formatted(out) = format(text, markdown) {
            assert_eq!(format(&out, markdown), Outcome::Formatted(out.clone()), "not idempotent");
            let yaml = if markdown {
                pds::load::frontmatter::split(&out).expect("front matter").yaml
            } else {
                out.as_str()
            };
            assert!(pds::yaml::parse(yaml).is_ok(), "the formatted YAML does not load");
            // Numbers may be normalised (05 → 5); no other word is lost. A
            // reference link written inline repeats its URL, so words may repeat.
            let after = words(&out);
            for (w, n) in words(text) {
                if !w.bytes().all(|b| b.is_ascii_digit()) {
                    assert!(after.get(w).is_some_and(|m| *m >= n), "lost `{w}`");
                }
            }
        }
    }
});
