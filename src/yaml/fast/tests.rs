//! The hand reader against serde-saphyr: wherever it answers, the same tree
//! with the same positions.

use super::super::parse_full;
use super::parse;
use proptest::prelude::*;

/// The fast reader's answer, when it gives one, is the full parser's.
fn agree(text: &str) -> bool {
    match parse(text) {
        Some(fast) => {
            let full = parse_full(text);
            assert_eq!(Ok(&fast), full.as_ref(), "{text:?}");
            true
        }
        None => false,
    }
}

#[test]
#[ignore = "prints the full parser's trees, to see its positions"]
fn probe() {
    for text in [
        "a: 1\nb: x\n",
        "a:\n  b: c\n",
        "- a: 1\n  b: 2\n- c\n",
        "a: \"q\"\nb: 'r'\n",
        "a: |\n  x\n  y\n\nb: 1\n",
        "a: |-\n  x\n",
        "a:\nb: 1\n",
        "a:\n- x\n- y\n",
        "- \n- x\n",
        "a: 2021-11-24\n",
        "-\n- x\n",
        "- x\n-\n",
        "- x\n-   \n",
        "a:\n  - x\n",
        "a:\n- b: 1\n",
        "a:\n  - b: 1\n",
        "-\n  a: 1\n",
        "a:\n  -\n  - x\n",
        "a:   \nb: 1\n",
        "a:\n\n  b: 1\n",
        "a:\n  b:\n",
        "x:\n  a: |\n    t\n  b: 1\n",
        "a: |-\n  x",
        "a: |\n  x\n  \n",
        "a: |\n  x\n\n",
        "- |\n  x\n- y\n",
    ] {
        eprintln!("{text:?}\n  {:?}\n", parse_full(text));
    }
}

/// Every YAML file and case front matter under `dir`, with its name.
fn texts_under(dir: &std::path::Path) -> Vec<(String, String)> {
    let mut texts = Vec::new();
    for entry in walkdir::WalkDir::new(dir).into_iter().flatten() {
        let path = entry.path();
        let Ok(text) = std::fs::read_to_string(path) else {
            continue;
        };
        let text = text.strip_prefix('\u{feff}').unwrap_or(&text).to_string();
        let name = path.display().to_string();
        match path.extension().and_then(|e| e.to_str()) {
            Some("yaml" | "yml") => texts.push((name, text)),
            Some("md") => {
                // The front matter: between the first line `---` and the next.
                if let Some(rest) = text.strip_prefix("---\n") {
                    if let Some(end) = rest.find("\n---\n") {
                        texts.push((name, rest[..=end].to_string()));
                    }
                }
            }
            _ => {}
        }
    }
    texts
}

#[test]
fn characters_are_refused_by_bytes_as_by_characters() {
    // What plain_characters must say of each character, said of characters.
    let refused = |c: char| match c {
        '\n' => false,
        c if c.is_ascii() => !(' '..='~').contains(&c),
        '\u{80}'..='\u{9f}' | '\u{2028}' | '\u{2029}' | '\u{feff}' | '\u{fffe}' | '\u{ffff}' => {
            true
        }
        _ => false,
    };
    let chars = (0u32..0x3000)
        .chain(0xfe00..=0xffff)
        .chain([0x1_f600, 0x10_ffff])
        .filter_map(char::from_u32);
    for c in chars {
        let text = format!("a{c}b");
        assert_eq!(super::plain_characters(&text), !refused(c), "{:?}", c);
    }
}

#[test]
fn agrees_on_every_record_file_in_this_repository() {
    let top = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
    let (mut read, mut all) = (0, 0);
    for dir in ["cases", "examples", "tests", "templates"] {
        for (name, text) in texts_under(&top.join(dir)) {
            if text.trim().is_empty() {
                continue;
            }
            all += 1;
            if agree(&text) {
                read += 1;
            } else if name.contains("/cases/2021/") {
                eprintln!("left to the full parser: {name}");
            }
        }
    }
    // Most of them are plain: the reader is worth having only if it reads them.
    eprintln!("read {read} of {all}");
    assert!(all > 100 && read * 2 > all, "read {read} of {all}");
}

/// Values of every kind the reader must take or refuse.
const SCALARS: &[&str] = &[
    "x",
    "Sak 4",
    "41/21",
    "7/2021",
    "2021-11-24",
    "\"13:00-15:00\"",
    "Offl. § 13",
    "ø æ å",
    "13:00-15:00",
    "13:00",
    "1",
    "0",
    "01",
    "-1",
    "+1",
    "1.5",
    "1e3",
    ".5",
    "0x1F",
    "0o7",
    "1_000",
    "12345678901234567890",
    "~",
    "null",
    "Null",
    "NULL",
    "true",
    "false",
    "True",
    "FALSE",
    "yes",
    "No",
    "on",
    "off",
    "y",
    "n",
    ".inf",
    ".nan",
    "nan",
    "\"q\"",
    "'q'",
    "\"\"",
    "''",
    "\"a\\\"b\"",
    "'it''s'",
    "\"a # b\"",
    "a #b",
    "a#b",
    "a: b",
    "a:b",
    "a:",
    ":a",
    "-a",
    "- a",
    "?a",
    "[a, b]",
    "{a: b}",
    "&x a",
    "*x",
    "!t a",
    "|",
    "|-",
    "|+",
    ">",
    "%x",
    "@x",
    "`x",
    "ø æ å",
    "Offl. § 13",
    "C#",
    "a, b",
    "x ",
    "é",
    "\u{a0}x",
    "\"ø\"",
    "'a\"b'",
    "\"a'b\"",
    "1.",
    "1/",
    "2021",
    "1:2",
    "0b1",
    "-",
    "--",
    "---",
    "...",
    "#",
];

/// Keys, some of which the reader leaves to the full parser.
const KEYS: &[&str] = &[
    "number", "title", "a_b", "a-b", "x", "meeting", "type", "status", "Æ", "\"q\"", "1", "a b",
    "<<", "? a", "title",
];

/// Block literal bodies: lines, blank lines, deeper lines, comment-like lines.
const BODIES: &[&[&str]] = &[
    &["one"],
    &["one", "two"],
    &["one", "", "two"],
    &["one", "  deeper", "two"],
    &["## Heading", "text"],
    &["one", ""],
    &["one", "", ""],
    &["- item", "- item"],
    &["a: b"],
];

/// A YAML text built from `choices`: mappings, lists and literals, nested.
/// Keys and values come first from the head of their lists (most of them
/// plain, which the reader reads) and now and then from the whole list.
fn build(choices: &[u8]) -> String {
    let mut text = String::new();
    let mut it = choices.iter().copied();
    let mut next = move |n: usize| {
        let c = it.next().map_or(0, |c| c as usize);
        // Lists of keys and values: three in four picks from the first eight.
        if n > 8 && c % 4 != 0 {
            (c / 4) % 8
        } else {
            c % n
        }
    };
    let entries = 1 + next(6);
    for _ in 0..entries {
        let key = KEYS[next(KEYS.len())];
        match next(8) {
            0 => {
                // A nested mapping.
                text.push_str(&format!("{key}:\n"));
                for _ in 0..1 + next(3) {
                    let k = KEYS[next(KEYS.len())];
                    let v = SCALARS[next(SCALARS.len())];
                    let pad = [" ", "  ", "   "][next(3)];
                    text.push_str(&format!("  {k}:{pad}{v}\n"));
                }
            }
            1 => {
                // A list, at the key's column or indented.
                text.push_str(&format!("{key}:\n"));
                let indent = ["", "  ", " "][next(3)];
                for _ in 0..1 + next(3) {
                    match next(3) {
                        0 => {
                            let v = SCALARS[next(SCALARS.len())];
                            text.push_str(&format!("{indent}- {v}\n"));
                        }
                        1 => {
                            let (k1, k2) = (KEYS[next(KEYS.len())], KEYS[next(KEYS.len())]);
                            let (v1, v2) =
                                (SCALARS[next(SCALARS.len())], SCALARS[next(SCALARS.len())]);
                            text.push_str(&format!("{indent}- {k1}: {v1}\n{indent}  {k2}: {v2}\n"));
                        }
                        _ => text.push_str(&format!("{indent}-\n")),
                    }
                }
            }
            2 | 3 => {
                let header = ["|", "|-", "|+", ">", "| ", "|2"][next(6)];
                let body = BODIES[next(BODIES.len())];
                let indent = ["  ", "    ", " "][next(3)];
                text.push_str(&format!("{key}: {header}\n"));
                for line in body {
                    if line.is_empty() {
                        text.push_str(["\n", "  \n", "      \n"][next(3)]);
                    } else {
                        text.push_str(&format!("{indent}{line}\n"));
                    }
                }
            }
            4 => {
                text.push_str(&format!("{key}:\n"));
            }
            5 => text.push_str(["# a comment\n", "\n", "  \n", "   # indented\n"][next(4)]),
            _ => {
                let v = SCALARS[next(SCALARS.len())];
                let pad = [" ", "  ", ""][next(3)];
                let tail = ["", " ", "  # c", "\n  more"][next(4)];
                text.push_str(&format!("{key}:{pad}{v}{tail}\n"));
            }
        }
    }
    text
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(4000))]

    #[test]
    fn agrees_with_the_full_parser_wherever_it_answers(choices in proptest::collection::vec(any::<u8>(), 0..64)) {
        let text = build(&choices);
        agree(&text);
    }

    #[test]
    fn agrees_on_a_list_at_the_top(choices in proptest::collection::vec(any::<u8>(), 0..64)) {
        // meetings.yaml: a list of mappings.
        let inner = build(&choices);
        let mut text = String::new();
        for (i, line) in inner.lines().enumerate() {
            let lead = if i == 0 { "- " } else { "  " };
            text.push_str(&format!("{lead}{line}\n"));
        }
        agree(&text);
    }
}

#[test]
fn the_generated_texts_are_often_read() {
    // The generator must exercise the reader, not only the fallback.
    let read = (0u32..2000)
        .filter(|i| {
            let mut seed = i.wrapping_mul(2_654_435_761) | 1;
            let choices: Vec<u8> = (0..64)
                .map(|_| {
                    seed ^= seed << 13;
                    seed ^= seed >> 17;
                    seed ^= seed << 5;
                    (seed >> 8) as u8
                })
                .collect();
            parse(&build(&choices)).is_some()
        })
        .count();
    eprintln!("{read} of 2000 generated texts read");
    assert!(read > 150, "only {read} of 2000 read");
}
