//! Walks every table: documented, unique, and in step with its reader.

use super::*;
use crate::diag::{Code, Finding, Findings, SourceFile};
use crate::load::schema::Ctx;
use serde_json::{json, Map, Value};

fn all_tables() -> Vec<&'static Table> {
    let mut out = Vec::new();
    for file in FILES {
        file.ty.tables(&mut out);
    }
    out
}

#[test]
fn every_field_has_a_doc_line_and_a_unique_name() {
    let tables = all_tables();
    assert!(tables.len() >= 16, "{} tables", tables.len());
    for table in tables {
        let mut names: Vec<&str> = table.names().collect();
        assert!(!names.is_empty(), "{} has no fields", table.what);
        for f in table.fields {
            let doc = f.doc.trim();
            assert!(
                !doc.is_empty() && !doc.contains('\n') && doc.ends_with('.'),
                "{}.{}: one doc line ending in a full stop, not {:?}",
                table.what,
                f.name,
                f.doc
            );
        }
        names.sort_unstable();
        let count = names.len();
        names.dedup();
        assert_eq!(names.len(), count, "{} names a key twice", table.what);
    }
    let mut kinds: Vec<&str> = FILES.iter().map(|f| f.name).collect();
    kinds.dedup();
    assert_eq!(kinds.len(), FILES.len());
}

/// A valid value of the type, with every key of every table in it.
fn sample(ty: &Type) -> Value {
    match ty {
        Type::Text => json!("text"),
        Type::Format { example, .. } => json!(example),
        Type::Date => json!("2021-03-04"),
        Type::Number { min, .. } => json!(min),
        Type::Bool => json!(true),
        Type::OneOf(words) => json!(words.first().copied().unwrap_or("")),
        Type::CaseType => json!("Tilslutning"),
        Type::List(t) => json!([sample(t)]),
        Type::Map(table) => {
            let mut map = Map::new();
            for f in table.fields {
                map.insert(f.name.to_string(), sample(&f.ty));
            }
            Value::Object(map)
        }
        Type::MapOf(t) => json!({ "key": sample(t) }),
        Type::Labels => json!({ "agenda": "text" }),
        // The mapping, when there is one: it holds the most keys.
        Type::Either(ts) => ts
            .iter()
            .find(|t| matches!(t, Type::Map(_)))
            .or(ts.first())
            .map(sample)
            .unwrap_or(Value::Null),
    }
}

/// What the file kind's reader finds in `yaml` (JSON is YAML).
fn read(kind: &FileKind, yaml: &str) -> Vec<Finding> {
    let types = ["Tilslutning".to_string(), "Orientering".to_string()];
    let mut findings = Findings::default();
    if kind.name == "case" {
        let text = format!("---\n{yaml}\n---\n");
        let file = SourceFile::new("2021/43-21-x.md", "2021/43-21-x.md", text);
        crate::load::case::parse(&file, &types, &mut findings);
        return findings.into_sorted();
    }
    let file = SourceFile::new("x.yaml", "x.yaml", yaml.to_string());
    let node = crate::yaml::parse(yaml).unwrap();
    let mut ctx = Ctx {
        file: &file,
        text: yaml,
        base: 0,
        yaml,
        findings: &mut findings,
    };
    let ctx = &mut ctx;
    match kind.name {
        "config" => drop(crate::load::board::board(ctx, &node)),
        "meetings" => drop(crate::load::meeting::meetings(ctx, &node)),
        "risk" => drop(crate::load::risk::risk(ctx, &node)),
        "status" => drop(crate::load::status::status(ctx, &node)),
        "actions" => drop(crate::load::action::actions(ctx, &node)),
        "forums" => drop(crate::load::forum::forums(
            ctx,
            &node,
            2021,
            &["Tilslutning"],
        )),
        other => panic!("no reader for {other}"),
    }
    findings.into_sorted()
}

#[test]
fn every_reader_accepts_every_key_of_its_tables() {
    for kind in FILES {
        let yaml = sample(&kind.ty).to_string();
        let findings: Vec<Finding> = read(kind, &yaml)
            .into_iter()
            // The one rule of a case no sample can keep with every key in it.
            .filter(|f| !f.message.contains("`type` or `parts`, never both"))
            // `default_decisions` is keyed by the board's case types, which a sample's key is not.
            .filter(|f| !f.message.contains("is not one of the board's case types"))
            .collect();
        assert!(
            findings.is_empty(),
            "{}: {yaml}\n{:#?}",
            kind.name,
            findings
                .iter()
                .map(|f| (f.code, &f.message))
                .collect::<Vec<_>>()
        );
    }
}

#[test]
fn an_unknown_key_is_refused_and_the_nearest_suggested() {
    for kind in FILES {
        let Some(table) = ({
            let mut t = Vec::new();
            kind.ty.tables(&mut t);
            t.first().copied()
        }) else {
            continue;
        };
        for field in table.fields {
            let mut value = sample(&kind.ty);
            let map = match &mut value {
                Value::Array(items) => items.first_mut().and_then(Value::as_object_mut),
                other => other.as_object_mut(),
            }
            .unwrap();
            let v = map.remove(field.name).unwrap();
            // A letter doubled is a typo `nearest` always catches.
            let typo = format!("{}{}", field.name, field.name.chars().last().unwrap());
            map.insert(typo.clone(), v);
            let findings = read(kind, &value.to_string());
            let unknown: Vec<&Finding> = findings
                .iter()
                .filter(|f| f.code == Code::UnknownField)
                .collect();
            assert_eq!(unknown.len(), 1, "{}: {typo}: {findings:?}", kind.name);
            assert_eq!(
                unknown[0].help.as_deref(),
                Some(format!("did you mean `{}`?", field.name).as_str()),
                "{}: {typo}",
                kind.name
            );
            if let Need::RequiredUnless(_) = field.need {
                continue; // the reader's own rule, tested with it
            }
            let missing = findings.iter().any(|f| {
                f.code == Code::MissingField && f.message.contains(&format!("`{}`", field.name))
            });
            assert_eq!(
                missing,
                field.need == Need::Required,
                "{}: without `{}` (it is {:?})",
                kind.name,
                field.name,
                field.need
            );
        }
    }
}

/// The key tables of docs/formats.md: each table's keys with what its
/// `required` column says.
fn documented() -> Vec<Vec<(String, Need)>> {
    let text = include_str!("../../../docs/formats.md");
    let mut tables = Vec::new();
    let mut current: Option<Vec<(String, Need)>> = None;
    for line in text.lines() {
        if line.starts_with("| key |") {
            current = Some(Vec::new());
            continue;
        }
        let Some(rows) = current.as_mut() else {
            continue;
        };
        if line.starts_with("|---") {
            continue;
        }
        let cells: Vec<&str> = line.split(" | ").collect();
        match (line.starts_with("| `"), cells.get(2)) {
            (true, Some(required)) => {
                let key = cells[0].trim_start_matches("| ").trim_matches('`');
                let need = if required.starts_with("**yes**, unless") {
                    Need::RequiredUnless("")
                } else if required.starts_with("**yes**") {
                    Need::Required
                } else {
                    Need::Optional
                };
                rows.push((key.to_string(), need));
            }
            _ => tables.extend(current.take()),
        }
    }
    tables.extend(current);
    tables
}

#[test]
fn docs_formats_md_documents_every_key_of_every_table() {
    let docs = documented();
    // Described in prose there: a person (`Name, Org` or a mapping) and a
    // timeline row.
    let in_prose = ["person", "timeline row"];
    let needs =
        |n: Need| matches!(n, Need::RequiredUnless(_)) as u8 + (n == Need::Required) as u8 * 2;
    for table in all_tables() {
        let mut keys: Vec<(&str, u8)> = table
            .fields
            .iter()
            .map(|f| (f.name, needs(f.need)))
            .collect();
        keys.sort_unstable();
        let found = docs.iter().any(|doc| {
            let mut d: Vec<(&str, u8)> = doc.iter().map(|(k, n)| (k.as_str(), needs(*n))).collect();
            d.sort_unstable();
            d == keys
        });
        assert!(
            found || in_prose.contains(&table.what),
            "docs/formats.md has no key table with exactly the keys of {} and their `required`: {keys:?}",
            table.what
        );
    }
    for doc in &docs {
        let keys: Vec<&str> = doc.iter().map(|(k, _)| k.as_str()).collect();
        assert!(
            all_tables().iter().any(|t| {
                let mut a: Vec<&str> = t.names().collect();
                let mut b = keys.clone();
                a.sort_unstable();
                b.sort_unstable();
                a == b
            }),
            "docs/formats.md documents keys no table has: {keys:?}"
        );
    }
}
