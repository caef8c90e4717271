//! The tree, its positions and the parser's errors in plain words.

use super::*;

fn get<'a>(node: &'a Node, key: &str) -> &'a Node {
    let map = node.as_map().unwrap();
    &map.iter()
        .find(|(k, _)| matches!(&k.kind, NodeKind::Str(s) if s == key))
        .unwrap()
        .1
}

#[test]
fn values_keep_their_byte_offsets() {
    let text = "number: 41/21\ntitle: Status\n";
    let node = parse(text).unwrap();
    let number = get(&node, "number");
    assert_eq!(number.kind, NodeKind::Str("41/21".into()));
    assert_eq!(&text[number.offset..number.offset + number.len], "41/21");
    let title = get(&node, "title");
    assert_eq!(title.offset, 21);
}

#[test]
fn no_and_on_stay_text_and_times_are_text() {
    let text = "a: no\nb: on\ntime: 13:00-15:00\nc: 05\n";
    let node = parse(text).unwrap();
    assert_eq!(get(&node, "a").kind, NodeKind::Str("no".into()));
    assert_eq!(get(&node, "b").kind, NodeKind::Str("on".into()));
    assert_eq!(get(&node, "time").kind, NodeKind::Str("13:00-15:00".into()));
    assert_eq!(get(&node, "c").scalar_text(text).unwrap(), "05");
}

#[test]
fn numbers_keep_their_written_text() {
    let text = "title: 1.50\n";
    let node = parse(text).unwrap();
    assert_eq!(get(&node, "title").scalar_text(text).unwrap(), "1.50");
}

#[test]
fn duplicate_keys_are_syntax_errors_with_a_position() {
    let err = parse("a: 1\na: 2\n").unwrap_err();
    assert_eq!(err.line_col.map(|l| l.0), Some(2), "{err:?}");
}

#[test]
fn unclosed_quote_is_a_syntax_error() {
    let err = parse("a: \"open\nb: 2\n").unwrap_err();
    assert!(err.line_col.is_some(), "{err:?}");
}

/// A billion laughs: ten levels of ten aliases each.
fn alias_bomb() -> String {
    let mut text = String::from("a: &a [x, x, x, x, x, x, x, x, x, x]\n");
    let mut prev = 'a';
    for c in 'b'..='k' {
        let refs = vec![format!("*{prev}"); 10].join(", ");
        text.push_str(&format!("{c}: &{c} [{refs}]\n"));
        prev = c;
    }
    text
}

#[test]
fn an_alias_bomb_is_refused_quickly_with_a_clear_message() {
    let start = std::time::Instant::now();
    let err = parse(&alias_bomb()).unwrap_err();
    let took = start.elapsed();
    assert!(
        err.message
            .starts_with("aliases (`*name`) expand to more than"),
        "{err:?}"
    );
    assert!(err.line_col.is_some(), "{err:?}");
    // Generous for a debug build on a busy machine; release takes a few ms.
    assert!(took.as_millis() < 1000, "took {took:?}");
}

#[test]
fn a_few_aliases_are_fine() {
    let node = parse("a: &x {name: A, org: B}\nb: *x\n").unwrap();
    let b = get(&node, "b");
    assert_eq!(get(b, "name").kind, NodeKind::Str("A".into()));
    assert_eq!(get(b, "org").kind, NodeKind::Str("B".into()));
}

#[test]
fn deep_nesting_of_every_kind_is_refused_with_a_clear_message() {
    let flow = format!("{}{}", "[".repeat(5000), "]".repeat(5000));
    let block = format!("{}x\n", "- ".repeat(5000));
    let mut map = String::new();
    for i in 0..40 {
        map.push_str(&format!("{}k{i}:\n", " ".repeat(i)));
    }
    for text in [flow, block, map] {
        let start = std::time::Instant::now();
        let err = parse(&text).unwrap_err();
        assert_eq!(
            err.message, "lists and mappings nest more than 32 levels deep",
            "{err:?}"
        );
        assert!(start.elapsed().as_millis() < 1000, "{:?}", start.elapsed());
    }
}

#[test]
fn nesting_up_to_the_limit_parses_on_a_loader_thread() {
    // The loader parses on threads of `STACK_SIZE`; a debug build
    // needs far more stack per level than a release build.
    for text in [
        format!("{}{}", "[".repeat(MAX_DEPTH), "]".repeat(MAX_DEPTH)),
        format!("{}x\n", "- ".repeat(MAX_DEPTH)),
    ] {
        let parsed = std::thread::Builder::new()
            .stack_size(STACK_SIZE)
            .spawn(move || parse(&text).is_ok())
            .unwrap()
            .join()
            .unwrap();
        assert!(parsed);
    }
}

#[test]
fn alias_bomb_is_refused_not_expanded() {
    let mut text = String::from("a: &a [x, x, x, x, x, x, x, x, x, x]\n");
    let mut prev = 'a';
    for c in 'b'..='k' {
        text.push_str(&format!(
                "{c}: &{c} [*{prev}, *{prev}, *{prev}, *{prev}, *{prev}, *{prev}, *{prev}, *{prev}, *{prev}, *{prev}]\n"
            ));
        prev = c;
    }
    assert!(parse(&text).is_err());
}

#[test]
fn deep_nesting_is_refused() {
    let text = format!("{}{}", "[".repeat(5000), "]".repeat(5000));
    assert!(parse(&text).is_err());
}

#[test]
fn a_value_continued_at_the_left_margin_is_a_syntax_error() {
    // yaml-test-suite QB6E, and flow collections of the same shape.
    for (text, line) in [
        ("quoted: \"a\nb\nc\"\n", 2),
        ("a: 'x\n  y\nz'\n", 3),
        ("a: [1,\n2]\n", 2),
        ("a:\n  b: {c: 1,\n  d: 2}\n", 3),
        ("a: [\n  1,\n]\n", 3),
        ("- k: \"x\n  y\"\n", 2),
    ] {
        let err = parse(text).unwrap_err();
        assert_eq!(err.line_col, Some((line, 1)), "{text:?}: {err:?}");
        assert!(err.message.contains("left margin"), "{err:?}");
    }
}

#[test]
fn values_continued_with_indentation_parse() {
    // yaml-test-suite NAT4: multi-line quoted scalars.
    let nat4 = "---\na: '\n  '\nb: '  \n  '\nc: \"\n  \"\nd: \"  \n  \"\ne: '\n\n  '\nf: \"\n\n  \"\ng: '\n\n\n  '\nh: \"\n\n\n  \"\n";
    let node = parse(nat4).unwrap();
    for (key, value) in [("a", " "), ("d", " "), ("e", "\n"), ("h", "\n\n")] {
        assert_eq!(get(&node, key).kind, NodeKind::Str(value.into()), "{key}");
    }
    for text in [
        "a: [1,\n  2]\n",
        "a:\n  b: [1,\n   2]\n",
        "a: [1,\n# note\n  2]\n",
        "top \"quoted\nat margin\"\n",
        "a: |\n  x\n\n  y\n",
    ] {
        assert!(parse(text).is_ok(), "{text:?}: {:?}", parse(text));
    }
}

#[test]
fn messages_speak_of_the_file_not_of_the_library() {
    let two = parse("a: 1\n---\nb: 2\n").unwrap_err();
    assert!(
        two.message.starts_with("two YAML documents in one file"),
        "{two:?}"
    );
    assert_eq!(two.line_col, Some((2, 1)));
    let twice = parse("number: 1/21\nnumber: 2/21\n").unwrap_err();
    assert_eq!(twice.message, "key `number` given twice");
    for text in ["a:\n\tb: 1\n", "a:\n  b: 1\n\tc: 2\n", "- a\n\t- b\n"] {
        let tab = parse(text).unwrap_err();
        assert_eq!(
            tab.message,
            "a tab where indentation is meant: indent with spaces"
        );
        assert_eq!(
            tab.line_col.map(|l| l.0),
            Some(text.lines().position(|l| l.starts_with('\t')).unwrap() + 1)
        );
    }
    for err in [two, twice] {
        for word in ["from_str", "Policy", "Options"] {
            assert!(!err.message.contains(word), "{err:?}");
        }
    }
}

#[test]
fn only_yamls_own_white_space_makes_an_empty_document() {
    // Found by the `write` fuzz target: "\u{b}" read as empty, but a
    // meeting appended to it did not parse.
    assert!(parse("\u{b}").is_err());
    assert!(parse(" \t\r\n").unwrap().is_null());
}

#[test]
fn empty_document_is_null() {
    assert!(parse("  \n").unwrap().is_null());
}
