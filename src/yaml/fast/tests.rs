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

/// A small deterministic generator for the red team's fuzzers.
struct Rng(u64, bool);

impl Rng {
    /// A key or value: when tame, mostly from the plain head of the list.
    fn word(&mut self, xs: &[&'static str], plain: usize) -> &'static str {
        if self.1 && !self.chance(40) {
            xs[self.below(plain)]
        } else {
            self.pick(xs)
        }
    }
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }
    fn below(&mut self, n: usize) -> usize {
        (self.next() % n.max(1) as u64) as usize
    }
    fn pick<T: Copy>(&mut self, xs: &[T]) -> T {
        xs[self.below(xs.len())]
    }
    fn chance(&mut self, in_n: usize) -> bool {
        self.below(in_n) == 0
    }
}

const ODD_KEYS: &[&str] = &[
    "a", "b", "title", "number", "c", "d", "e", "meeting", "x1", "a_b-c", "_a", "Z", "true",
    "True", "TRUE", "false", "False", "null", "Null", "NULL", "y", "n", "yes", "No", "on", "off",
    "inf", "nan", "NaN", "infinity", "_", "_a", "a-", "a_b-c", "x1", "Z", "meeting", "a", "b", "a",
    "~", "1", "-a", "a b", "æ", "a.b",
];

const ODD_SCALARS: &[&str] = &[
    "x",
    "y z",
    "Sak 4",
    "41/21",
    "2021-11-24",
    "0",
    "1",
    "12",
    "007",
    "123456789012345678",
    "1234567890123456789",
    "99999999999999999999",
    "-1",
    "+1",
    "1.5",
    "1e3",
    "1E3",
    "0x1F",
    "0o7",
    "1_000",
    "1,000",
    "1 000",
    "1:30",
    "1st",
    "12abc",
    "12 abc",
    "3a",
    "e3",
    "E",
    ".5",
    "5.",
    "~",
    "null",
    "Null",
    "NULL",
    "nULL",
    "true",
    "True",
    "TRUE",
    "tRUE",
    "false",
    "yes",
    "no",
    "on",
    "off",
    "y",
    "n",
    "Y",
    "N",
    "inf",
    "Inf",
    "INF",
    "nan",
    "NaN",
    "infinity",
    "Infinity",
    "-inf",
    ".inf",
    ".NaN",
    "\"q\"",
    "'q'",
    "\"\"",
    "''",
    "\"a b \"",
    "' a'",
    "\"a\\\"b\"",
    "'it''s'",
    "\"a # b\"",
    "a #b",
    "a#b",
    "a: b",
    "a:b",
    "a:",
    "a :b",
    ":a",
    "-a",
    "- a",
    "?a",
    "? a",
    "[a]",
    "{a: b}",
    "&x a",
    "*x",
    "!t a",
    "!!str a",
    "%x",
    "@x",
    "`x",
    "a, b",
    "x ]",
    "x }",
    "x,",
    "é",
    "ø æ å",
    "\u{a0}x",
    "x\u{a0}",
    "x\u{a0}#c",
    "a:\u{a0}b",
    "\u{3000}",
    "\u{fdd0}",
    "\u{1f389}",
    "\u{e000}",
    "a\"b",
    "a'b",
    "\"a'b\"",
    "'a\"b'",
    "\"a",
    "a\"",
    "'a",
    "\"x\" y",
    "'x' #",
    "--",
    "---",
    "...",
    "a ... b",
    "a --- b",
    "|",
    "|-",
    "|+",
    ">",
    ">-",
    "| #c",
    "|2",
    "|-2",
    "|1-",
    "#",
    "a  b",
    "a   #   b",
    "<<",
    "=",
    "0.",
    "00",
    "0_1",
    "1__",
    "0b101",
    "10%",
    "1h",
    "3 days",
    "12:30:45",
    "+",
    "1e",
    "e",
    "∞",
    "−1",
    "1,5",
    "$5",
    "5$",
    "1/2",
    "½",
    "True False",
    "null x",
    "x null",
    "~x",
    "x~",
    "a|b",
    "x|",
    "a>b",
    "0h",
    "9 9",
    "1.2.3",
    "1-2",
    "0:0",
    "1:",
    "x:y:z",
    "x: ",
    "a\u{a0}: b",
    "a :",
    "@",
    "x@y",
    "#x",
    "x#",
    "x #",
    "x\u{2003}#y",
    "!!",
    "!",
    "&",
    "*",
    "- -",
    "-1-",
    "--x",
    "?",
    "??",
    "x?",
    ":",
    "::",
    "{",
    "}",
    "]",
    "x]",
    "x[y]",
    "0B1",
    "١٢",
    "１２",
];

/// Builds a random YAML-ish block text.
fn gen_block(rng: &mut Rng, out: &mut String, indent: usize, depth: usize, as_item_rest: bool) {
    let pad = " ".repeat(indent);
    let n = 1 + rng.below(4);
    let seq = rng.chance(3);
    for i in 0..n {
        // The first line of a compact item has its indentation already written.
        let lead = if i == 0 && as_item_rest {
            String::new()
        } else {
            pad.clone()
        };
        if rng.chance(12) {
            out.push_str(rng.pick(&["\n", "  \n", "# c\n", "   # c\n", " \n", "    \n"]));
        }
        if seq {
            let dash = rng.pick(&["- ", "- ", "-  ", "-   ", "-"]);
            out.push_str(&lead);
            out.push_str(dash);
            gen_value(rng, out, indent, indent + dash.len().max(2), depth, true);
        } else {
            let key: String = if rng.chance(60) {
                "k".repeat(1020 + rng.below(10))
            } else {
                rng.word(ODD_KEYS, 12).to_string()
            };
            out.push_str(&lead);
            out.push_str(&key);
            out.push(':');
            gen_value(rng, out, indent, indent + key.len() + 2, depth, false);
        }
    }
}

/// A value after `key:` or `-` (nothing written after them yet).
fn gen_value(rng: &mut Rng, out: &mut String, indent: usize, col: usize, depth: usize, item: bool) {
    let deeper = depth < 20;
    match rng.below(10) {
        0 if deeper => {
            // A nested collection on the lines below.
            out.push_str(rng.pick(&["\n", "  \n", "\n\n"]));
            let step = rng.pick(&[1, 2, 2, 2, 3, 4, 0]);
            let inner = indent + step;
            if step == 0 && !item {
                // An indentless list under a key.
                let pad = " ".repeat(indent);
                for _ in 0..1 + rng.below(3) {
                    out.push_str(&pad);
                    out.push_str("- ");
                    gen_value(rng, out, indent, indent + 2, depth + 1, true);
                }
            } else {
                gen_block(rng, out, inner, depth + 1, false);
            }
        }
        1 if deeper && item => {
            // A compact mapping or list in the item: `- a: 1`.
            // Its keys stand where the first one does: after `- ` and its spaces.
            let col = if out.ends_with('-') {
                out.push(' ');
                indent + 2
            } else {
                col
            };
            gen_block(rng, out, col, depth + 1, true);
        }
        2 | 3 => {
            // A literal block.
            let header = rng.pick(&["|", "|", "|-", "|+", "|2", ">", "| ", "|-  ", "| # c"]);
            out.push(' ');
            out.push_str(header);
            out.push('\n');
            let body_indent = indent + rng.pick(&[1, 2, 2, 4, 0, 3]);
            for _ in 0..1 + rng.below(5) {
                match rng.below(9) {
                    0 => out.push('\n'),
                    1 => {
                        out.push_str(&" ".repeat(rng.below(body_indent + 3)));
                        out.push('\n');
                    }
                    2 => {
                        out.push_str(&" ".repeat(body_indent + 2));
                        out.push_str("deeper\n");
                    }
                    3 => {
                        out.push_str(&" ".repeat(body_indent.saturating_sub(1)));
                        out.push_str("less\n");
                    }
                    4 => {
                        out.push_str(&" ".repeat(body_indent));
                        out.push_str(rng.pick(&["# h", "- x", "a: b", "---", "...", "x  ", "\"q"]));
                        out.push('\n');
                    }
                    _ => {
                        out.push_str(&" ".repeat(body_indent));
                        out.push_str(rng.word(ODD_SCALARS, 10));
                        out.push('\n');
                    }
                }
            }
        }
        4 => {
            // Nothing.
            out.push_str(rng.pick(&["\n", "   \n", " # c\n"]));
        }
        _ => {
            out.push_str(rng.pick(&[" ", " ", "  ", "   "]));
            if rng.chance(50) {
                out.push_str(&"v".repeat(1000 + rng.below(100)));
            } else {
                out.push_str(rng.word(ODD_SCALARS, 10));
            }
            out.push_str(rng.pick(&["", "", "", " ", "  ", " # c"]));
            out.push('\n');
            if rng.chance(10) {
                // A continuation line, or a stray one.
                out.push_str(&" ".repeat(indent + rng.below(4)));
                out.push_str(rng.pick(&["more", "# c", "- x", "k: v"]));
                out.push('\n');
            }
        }
    }
}

/// Mutates `text` at random, by lines and by bytes.
fn mutate(rng: &mut Rng, text: &str) -> String {
    let mut lines: Vec<String> = text.split('\n').map(str::to_string).collect();
    for _ in 0..1 + rng.below(3) {
        let i = rng.below(lines.len());
        match rng.below(12) {
            0 => {
                let l = lines[i].clone();
                lines.insert(i, l);
            }
            1 => {
                lines.remove(i);
                if lines.is_empty() {
                    lines.push(String::new());
                }
            }
            2 => lines[i].insert(0, ' '),
            3 => {
                if lines[i].starts_with(' ') {
                    lines[i].remove(0);
                }
            }
            4 => lines[i].push_str(rng.pick(&[" ", "  ", " #", ":", " x"])),
            5 => {
                let j = rng.below(lines.len());
                lines.swap(i, j);
            }
            6 => lines.insert(
                i,
                (rng.pick(&["", " ", "#", "---", "...", "-", "- x", "x"])).to_string(),
            ),
            7 => {
                // Replace a value with an odd one.
                if let Some(p) = lines[i].find(": ") {
                    lines[i].truncate(p + 2);
                    lines[i].push_str(rng.pick(ODD_SCALARS));
                }
            }
            8 => {
                // Replace a key with an odd one.
                if let Some(p) = lines[i].find(':') {
                    let lead = lines[i].len() - lines[i].trim_start().len();
                    let lead = if lines[i].trim_start().starts_with("- ") {
                        lead + 2
                    } else {
                        lead
                    };
                    if lead <= p {
                        lines[i].replace_range(lead..p, rng.pick(ODD_KEYS));
                    }
                }
            }
            9 => {
                // A byte-ish change at a char boundary.
                let l = &mut lines[i];
                let cuts: Vec<usize> = l.char_indices().map(|(b, _)| b).chain([l.len()]).collect();
                let at = rng.pick(&cuts);
                let c = rng.pick(&[
                    ' ', '-', ':', '#', '|', '"', '\'', 'x', '\u{a0}', 'é', '[', '&', '!', '?',
                    '>', '1', '\t', '\r',
                ]);
                l.insert(at, c);
            }
            10 => {
                let l = &mut lines[i];
                let cuts: Vec<usize> = l.char_indices().map(|(b, _)| b).collect();
                if !cuts.is_empty() {
                    let at = rng.pick(&cuts);
                    l.remove(at);
                }
            }
            _ => {
                let j = rng.below(lines.len());
                let l = lines[j].clone();
                lines.insert(i, l);
            }
        }
    }
    let mut t = lines.join("\n");
    if rng.chance(8) {
        while t.ends_with('\n') {
            t.pop();
        }
    }
    t
}

/// Runs `make` for `n` inputs; prints and counts the disagreements.
fn fuzz_with(name: &str, n: usize, tame: bool, mut make: impl FnMut(&mut Rng) -> String) -> usize {
    let mut rng = Rng(0x9e37_79b9_7f4a_7c15 ^ name.len() as u64, tame);
    let (mut read, mut bad) = (0, 0usize);
    let mut seen = std::collections::HashSet::new();
    for _ in 0..n {
        let text = make(&mut rng);
        let Some(fast) = parse(&text) else { continue };
        read += 1;
        let full = parse_full(&text);
        if full.as_ref() != Ok(&fast) {
            bad += 1;
            let kind = match &full {
                Ok(_) => "DIFFERS".to_string(),
                Err(e) => format!("ERROR {}", e.message),
            };
            if seen.insert(kind.clone()) || bad < 4 {
                eprintln!(
                    "{name}: {kind}\n  {:?}\n  fast={fast:?}\n  full={full:?}\n",
                    text.chars().take(400).collect::<String>()
                );
            }
        }
    }
    eprintln!("{name}: {n} texts, {read} read by the hand reader, {bad} disagreements");
    bad
}

fn fuzz_count() -> usize {
    std::env::var("PDS_FUZZ")
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or(2000)
}

#[test]
#[ignore = "red team fuzzer: PDS_FUZZ=n texts"]
fn redteam_fuzz_generated() {
    let n = fuzz_count();
    let mut bad = 0;
    for (name, tame) in [("generated", false), ("generated (tame)", true)] {
        bad += fuzz_with(name, n, tame, |rng| {
            let mut out = String::new();
            gen_block(rng, &mut out, 0, 0, false);
            out
        });
    }
    assert_eq!(bad, 0);
}

#[test]
#[ignore = "red team fuzzer: PDS_FUZZ=n texts"]
fn redteam_fuzz_mutated() {
    let top = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut texts = Vec::new();
    for dir in ["cases", "examples", "tests", "templates"] {
        texts.extend(texts_under(&top.join(dir)).into_iter().map(|(_, t)| t));
    }
    texts.retain(|t| parse(t).is_some());
    eprintln!(
        "{} texts read by the hand reader to start from",
        texts.len()
    );
    let n = fuzz_count();
    // Generated texts the reader reads, mutated too.
    let mut tame = Rng(7, true);
    let mut bad = fuzz_with("mutated generated", n, false, |rng| {
        let mut base = String::new();
        while base.is_empty() || parse(&base).is_none() {
            base.clear();
            gen_block(&mut tame, &mut base, 0, 0, false);
        }
        mutate(rng, &base)
    });
    bad += fuzz_with("mutated", n, false, |rng| {
        let base = texts[rng.below(texts.len())].clone();
        let mut t = mutate(rng, &base);
        if rng.chance(3) {
            t = mutate(rng, &t);
        }
        t
    });
    assert_eq!(bad, 0);
}

#[test]
fn a_key_the_full_parser_types_is_left_to_it() {
    // `True:` is a boolean key and `null:` a null one to serde-saphyr, not text.
    for key in [
        "true", "True", "TRUE", "false", "False", "null", "Null", "NULL", "yes", "on",
    ] {
        let text = format!("number: 1/21\n{key}: x\n");
        assert!(parse(&text).is_none(), "{text:?}");
        let text = format!("- {key}: x\n");
        assert!(parse(&text).is_none(), "{text:?}");
    }
    assert!(agree("truth: x\nnullable: z\n"));
}

#[test]
fn a_key_longer_than_yaml_allows_is_left_to_the_full_parser() {
    // An implicit key has at most 1024 characters: beyond, serde-saphyr
    // refuses the text ("mapping values are not allowed in this context").
    for len in [1023, 1024, 1025, 1030, 5000] {
        let text = format!("{}: x\n", "k".repeat(len));
        agree(&text);
        if len > 1024 {
            assert!(
                parse(&text).is_none() && parse_full(&text).is_err(),
                "{len}"
            );
        }
    }
}

#[test]
fn a_literal_block_first_in_an_indentless_list_is_left_to_the_full_parser() {
    // The list starts at the `|`, its first item's node on the line below.
    let text = "a:\n- |\n  x\n- y\n";
    assert!(parse(text).is_none());
    assert!(parse_full(text).is_ok());
    agree("a:\n- y\n- |\n  x\n");
    agree("a:\n  - |\n    x\n");
}

#[test]
fn the_red_team_fuzzers_find_no_disagreement() {
    // A short run of each; PDS_FUZZ=200000 with --ignored runs the long ones.
    let mut rng_texts = 0;
    for (name, tame) in [("generated", false), ("generated (tame)", true)] {
        rng_texts += fuzz_with(name, 3000, tame, |rng| {
            let mut out = String::new();
            gen_block(rng, &mut out, 0, 0, false);
            out
        });
    }
    assert_eq!(rng_texts, 0);
}

#[test]
#[ignore = "red team: deep, long and large texts (10 s in a debug build)"]
fn redteam_deep_long_and_large_texts() {
    let mut texts: Vec<String> = Vec::new();
    for d in 1..40 {
        // Mappings nested d deep.
        let mut t = String::new();
        for i in 0..d {
            t.push_str(&" ".repeat(2 * i));
            t.push_str("a:\n");
        }
        t.push_str(&" ".repeat(2 * d));
        t.push_str("b: 1\n");
        texts.push(t);
        // Lists nested d deep.
        let mut t = String::new();
        for i in 0..d {
            t.push_str(&" ".repeat(2 * i));
            t.push_str("-\n");
        }
        t.push_str(&" ".repeat(2 * d));
        t.push_str("- x\n");
        texts.push(t);
        // Alternating `- a:` and indentless lists.
        let mut t = String::new();
        for i in 0..d {
            t.push_str(&" ".repeat(2 * i));
            t.push_str("- a:\n");
        }
        t.push_str(&" ".repeat(2 * d));
        t.push_str("- x\n");
        texts.push(t);
        let mut t = String::new();
        for i in 0..d {
            t.push_str(&" ".repeat(i));
            t.push_str("a:\n");
            t.push_str(&" ".repeat(i));
            t.push_str("- b:\n");
        }
        texts.push(t);
    }
    for n in [1000, 49_000, 50_001, 70_000, 100_000, 210_000] {
        texts.push((0..n).map(|i| format!("k{i}: v\n")).collect());
        texts.push((0..n).map(|_| "- x\n").collect());
        texts.push((0..n / 2).map(|_| "- a: 1\n").collect());
    }
    for len in [1000, 1023, 1024, 1025, 2000, 70_000] {
        let v = "v".repeat(len);
        texts.push(format!("a: {v}\n"));
        texts.push(format!("- {v}\n"));
        texts.push(format!("- a: {v}\n"));
        texts.push(format!("a:\n- {v}\n"));
        texts.push(format!("a: \"{v}\"\n"));
        texts.push(format!("a: |\n  {v}\n"));
        texts.push(format!("{}: {v}\n", "k".repeat(len.min(1100))));
    }
    let (mut read, mut bad) = (0, 0);
    for t in &texts {
        if let Some(fast) = parse(t) {
            read += 1;
            let full = parse_full(t);
            if full.as_ref() != Ok(&fast) {
                bad += 1;
                eprintln!(
                    "{:?} ({} bytes): {:?}",
                    t.chars().take(80).collect::<String>(),
                    t.len(),
                    full.as_ref().map(|_| "differs")
                );
            }
        }
    }
    eprintln!("{} texts, {read} read, {bad} bad", texts.len());
    assert_eq!(bad, 0);
}

#[test]
fn lists_of_mappings_nested_deeper_than_the_full_parser_allows_are_left_to_it() {
    // `- a:` with an indentless list under each key: no level went through
    // the depth check, and 40 levels were read that serde-saphyr refuses.
    let mut text = String::new();
    for i in 0..40 {
        text.push_str(&" ".repeat(2 * i));
        text.push_str("- a:\n");
    }
    assert!(parse_full(&text).is_err());
    assert!(parse(&text).is_none());
    agree("- a:\n  - a:\n    - x\n");
}
