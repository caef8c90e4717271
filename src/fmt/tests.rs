//! Formatting whole files: what changes, what is kept, what is refused.

use super::canonical_yaml::{same_value, yaml_options};
use super::commonmark::events;
use super::*;
use crate::yaml;

fn formatted(text: &str, md: bool) -> String {
    match format(text, md) {
        Outcome::Formatted(t) => t,
        Outcome::Refused(why) => panic!("refused: {why}"),
    }
}

#[test]
fn numbers_are_normalised_and_comments_kept() {
    let text = "---\nnumber:   05/21   # nummeret\nmeeting: 7/2021\ntitle: Budsjett\ntype: Tilslutning\nprevious: [03/21]\n---\nTekst\n";
    let out = formatted(text, true);
    assert!(out.contains("number: 5/21 # nummeret"), "{out}");
    assert!(out.contains("previous: [3/21]"), "{out}");
    assert_eq!(formatted(&out, true), out, "idempotent");
}

#[test]
fn markdown_is_made_canonical_without_losing_words() {
    let text = "---\ntitle: T\n---\nHeading\n=======\n\n* one\n* two\n\nText[^1] with *emphasis*.\n\n[^1]: A note.\n";
    let out = formatted(text, true);
    assert!(out.contains("# Heading"), "{out}");
    assert!(out.contains("- one"), "{out}");
    assert!(out.contains("[^1]:") && out.contains("A note."), "{out}");
}

#[test]
fn bom_and_crlf_become_plain_lf() {
    let out = formatted("\u{feff}---\r\ntitle: T\r\n---\r\nA\r\n", true);
    assert_eq!(out, "---\ntitle: T\n---\nA\n");
}

#[test]
fn where_the_two_markdown_parsers_disagree_the_file_is_left_alone() {
    assert!(matches!(
        format("---\ntitle: T\n---\n2021.\n\n* styret\n", true),
        Outcome::Refused(_)
    ));
}

#[test]
fn what_does_not_parse_is_refused() {
    assert!(matches!(
        format("---\ntitle: [\n---\n", true),
        Outcome::Refused(_)
    ));
    assert!(matches!(
        format("no front matter\n", true),
        Outcome::Refused(_)
    ));
    assert!(matches!(format("a: [1\n", false), Outcome::Refused(_)));
}

#[test]
fn unused_link_definitions_are_not_silently_dropped() {
    // comrak's writer drops link reference definitions nobody uses: a lost word.
    match format(
        "---\ntitle: T\n---\nText.\n\n[unused]: https://example.org/only-here\n",
        true,
    ) {
        Outcome::Refused(why) => assert!(why.contains("lost"), "{why}"),
        Outcome::Formatted(t) => assert!(t.contains("only-here"), "{t}"),
    }
}

#[test]
fn quoted_values_over_several_lines_stay_valid_yaml() {
    // yaml-test-suite NAT4. pretty_yaml alone writes the closing quotes
    // at the left margin (QB6E, invalid), which the verification refuses.
    let nat4 = "---\na: '\n  '\nb: '  \n  '\nc: \"\n  \"\nd: \"  \n  \"\ne: '\n\n  '\nf: \"\n\n  \"\ng: '\n\n\n  '\nh: \"\n\n\n  \"\n";
    let raw = pretty_yaml::format_text(nat4, &yaml_options()).unwrap();
    assert!(yaml::parse(&raw).is_err(), "{raw}");
    let out = formatted(nat4, false);
    assert!(same_value(
        &yaml::parse(nat4).unwrap(),
        &yaml::parse(&out).unwrap()
    ));
    assert!(!out.lines().any(|l| l.starts_with('"')), "{out}");
}

use proptest::prelude::*;

fn word() -> impl Strategy<Value = String> {
    prop::sample::select(vec![
        "styret",
        "sak",
        "Tilslutning",
        "NILAR",
        "økonomi",
        "2021",
        "v1.0",
        "e-helse",
        "å",
        "kr",
    ])
    .prop_map(String::from)
}

/// Words, starting with a letter: "2021." alone is an ordered list item,
/// where comrak and pulldown-cmark disagree (fmt then refuses, as it should).
fn sentence() -> impl Strategy<Value = String> {
    prop::collection::vec(word(), 0..8)
        .prop_map(|w| format!("Saken {}", w.join(" ")).trim_end().to_string())
}

fn block() -> impl Strategy<Value = String> {
    prop_oneof![
        sentence().prop_map(|s| format!("{s}.\n")),
        sentence().prop_map(|s| format!("## {s}\n")),
        prop::collection::vec(sentence(), 1..4)
            .prop_map(|items| items.iter().map(|i| format!("* {i}\n")).collect()),
        (sentence(), sentence()).prop_map(|(a, b)| format!("{a} *{b}* and **{a}**.\n")),
        (sentence(), sentence())
            .prop_map(|(a, b)| format!("| {a} | {b} |\n|---|---|\n| {b} | {a} |\n")),
        sentence().prop_map(|s| format!("> {s}\n")),
        sentence().prop_map(|s| format!("{s} https://example.org/styring_og_ledelse.\n")),
        (sentence(), sentence()).prop_map(|(a, b)| format!("* [ ] {a}\n* [x] {b}\n")),
        sentence().prop_map(|s| format!("{s}&nbsp;kr &copy; [{s}][ref].\n")),
    ]
}

proptest! {
    #[test]
    fn formatting_is_idempotent_and_keeps_every_value_and_word(
        title in sentence(),
        seq in 1u32..60,
        padded in any::<bool>(),
        blocks in prop::collection::vec(block(), 0..6),
    ) {
        let number = if padded { format!("{seq:02}/21") } else { format!("{seq}/21") };
        // One reference definition, used or not, at the end.
        let body = format!("{}\n[ref]: https://example.org/r\n", blocks.join("\n"));
        let text = format!("---\nnumber:  {number}\nmeeting: 7/2021\ntitle: \"{title}\"\ntype: Drøfting\n---\n{body}");
        let out = match format(&text, true) {
            Outcome::Formatted(out) => out,
            Outcome::Refused(why) => return Err(TestCaseError::fail(format!("refused {text:?}: {why}"))),
        };
        prop_assert_eq!(format(&out, true), Outcome::Formatted(out.clone()));
        let expected_number = format!("number: {seq}/21\n");
        prop_assert!(out.contains(&expected_number), "{}", out);
        for w in words(&body).keys() {
            prop_assert!(words(&out).contains_key(w), "lost {:?}", w);
        }
        prop_assert_eq!(events(&body), events(frontmatter::split(&out).unwrap().body));
    }
}

#[test]
fn the_real_records_files_all_format_and_verify() {
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("cases");
    for entry in walkdir::WalkDir::new(&root).into_iter().flatten() {
        let path = entry.path();
        let ext = path.extension().and_then(|e| e.to_str());
        if !matches!(ext, Some("md" | "yaml")) {
            continue;
        }
        let text = std::fs::read_to_string(path).unwrap();
        if let Outcome::Refused(why) = format(&text, ext == Some("md")) {
            panic!("{}: {why}", path.display());
        }
    }
}
