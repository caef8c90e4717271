//! `pds schema`: JSON Schemas an editor and an independent validator
//! (Python's `jsonschema`, run by `tests/schema/validate.py`) read; the whole
//! real record and the example validate, and a wrong file does not.

mod common;
use common::*;
use serde_json::Value;
use std::path::Path;
use std::process::Command;

const DIALECT: &str = "https://json-schema.org/draft/2020-12/schema";
const KINDS: [&str; 7] = [
    "config", "meetings", "case", "risk", "status", "actions", "forums",
];

fn schemas() -> Value {
    let out = pds(&["schema"]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let json = serde_json::from_str(&stdout(&out));
    assert!(json.is_ok(), "pds schema prints JSON: {json:?}");
    json.unwrap_or_default()
}

/// Every object schema inside `v`, by its JSON pointer.
fn objects<'v>(v: &'v Value, at: String, out: &mut Vec<(String, &'v Value)>) {
    match v {
        Value::Object(map) => {
            let ty = map.get("type");
            let is_object = ty == Some(&Value::from("object"))
                || ty
                    .and_then(Value::as_array)
                    .is_some_and(|a| a.contains(&Value::from("object")));
            if is_object || map.contains_key("properties") {
                out.push((at.clone(), v));
            }
            for (k, child) in map {
                objects(child, format!("{at}/{k}"), out);
            }
        }
        Value::Array(items) => {
            for (i, child) in items.iter().enumerate() {
                objects(child, format!("{at}/{i}"), out);
            }
        }
        _ => {}
    }
}

#[test]
fn every_kind_is_a_draft_2020_12_schema_refusing_unknown_keys() {
    let all = schemas();
    let map = all.as_object().unwrap();
    let mut names: Vec<&str> = map.keys().map(String::as_str).collect();
    let mut kinds = KINDS.to_vec();
    names.sort_unstable();
    kinds.sort_unstable();
    assert_eq!(names, kinds);
    for kind in KINDS {
        let schema = &all[kind];
        assert_eq!(schema["$schema"], DIALECT, "{kind}");
        assert!(
            !schema.to_string().contains("$ref"),
            "{kind}: self-contained"
        );
        let mut found = Vec::new();
        objects(schema, String::new(), &mut found);
        assert!(!found.is_empty(), "{kind}");
        for (at, object) in found {
            let extra = &object["additionalProperties"];
            // A mapping of the record's own keys (`labels`) says what each
            // value is; every other mapping takes its table's keys only.
            let closed = if object.get("properties").is_some() {
                *extra == Value::Bool(false)
            } else {
                extra.is_object()
            };
            assert!(closed, "{kind}{at}: additionalProperties is {extra}");
        }
        // One kind alone is the same document.
        let one = pds(&["schema", kind]);
        assert_eq!(one.status.code(), Some(0), "{}", stderr(&one));
        let one: Value = serde_json::from_str(&stdout(&one)).unwrap();
        assert_eq!(&one, schema, "{kind}");
    }
}

#[test]
fn an_unknown_kind_is_bad_usage_listing_the_kinds() {
    let out = pds(&["schema", "board"]);
    assert_eq!(out.status.code(), Some(2));
    let err = stderr(&out);
    for kind in KINDS {
        assert!(err.contains(kind), "{kind} not listed: {err}");
    }
    assert!(stdout(&out).is_empty());
}

/// Runs the validator on the records; `None` when Python, `jsonschema` or
/// PyYAML is missing (a failure on CI).
fn validate(records: &[&Path]) -> Option<(bool, String)> {
    let dir = Record::new()
        .file("schemas.json", stdout(&pds(&["schema"])))
        .build();
    let out = Command::new("python3")
        .arg(root().join("tests/schema/validate.py"))
        .arg(dir.path().join("schemas.json"))
        .args(records)
        .output();
    let text = |o: &std::process::Output| {
        format!(
            "{}{}",
            String::from_utf8_lossy(&o.stdout),
            String::from_utf8_lossy(&o.stderr)
        )
    };
    match out {
        Ok(o) if o.status.code() == Some(3) || o.status.code() == Some(127) => {
            skipped(&text(&o));
            None
        }
        Ok(o) => Some((o.status.success(), text(&o))),
        Err(e) => {
            skipped(&e.to_string());
            None
        }
    }
}

fn skipped(why: &str) {
    assert!(
        std::env::var("CI").as_deref() != Ok("true"),
        "python3 with jsonschema and PyYAML is needed on CI \
         (python3 -m pip install jsonschema pyyaml): {why}"
    );
    eprintln!(
        "skipped: validating the records against `pds schema` with Python's jsonschema \
         (python3 -m pip install jsonschema pyyaml): {why}"
    );
}

#[test]
fn every_file_of_the_real_record_and_the_example_validates() {
    let cases = root().join("cases");
    let example = root().join(EN_BOARD);
    let nynorsk = root().join("examples/nn-board");
    let Some((ok, report)) = validate(&[&cases, &example, &nynorsk]) else {
        return;
    };
    assert!(ok, "{report}");
    // Every file pds reads was validated, not skipped as of no kind.
    let checked = report.lines().filter(|l| l.starts_with("ok ")).count();
    for (kind, at_least) in [
        ("(config)", 3),
        ("(meetings)", 3),
        ("(case)", 40),
        ("(risk)", 10),
        ("(status)", 1),
        ("(actions)", 1),
        ("(forums)", 2),
    ] {
        let n = report.lines().filter(|l| l.ends_with(kind)).count();
        assert!(n >= at_least, "{n} files {kind}:\n{report}");
    }
    assert!(checked >= 80, "{checked} files:\n{report}");
}

#[test]
fn an_unknown_key_or_a_wrong_word_fails_validation_as_it_fails_the_check() {
    let record = Record::copy_of(EN_BOARD)
        // `status` takes planned, proposed, held, approved or cancelled.
        .file(
            "2022/meetings.yaml",
            "- number: 1/2022\n  date: 2022-02-10\n  time: \"10:00-12:00\"\n  status: done\n",
        )
        // `titel` is no key of a case.
        .file(
            "drafts/digital-strategy.md",
            "---\ntitel: Digital strategy\ntype: Discussion\nstatus: draft\n---\nText.\n",
        )
        .build();
    let check = pds_in(record.path(), &["check"]);
    let found = stdout(&check) + &stderr(&check);
    assert_eq!(check.status.code(), Some(1), "{found}");
    assert!(found.contains("done") && found.contains("titel"), "{found}");
    let Some((ok, report)) = validate(&[record.path()]) else {
        return;
    };
    assert!(!ok, "{report}");
    let invalid: Vec<&str> = report
        .lines()
        .filter(|l| l.starts_with("INVALID"))
        .collect();
    assert!(
        invalid.iter().any(|l| l.contains("meetings.yaml")
            && l.contains("/0/status")
            && l.contains("'done'")),
        "{report}"
    );
    assert!(
        invalid
            .iter()
            .any(|l| l.contains("digital-strategy.md") && l.contains("'titel'")),
        "{report}"
    );
    assert!(
        invalid
            .iter()
            .any(|l| l.contains("digital-strategy.md") && l.contains("'title' is a required")),
        "{report}"
    );
}
