//! A JSON Schema (draft 2020-12) of each file kind, made from the tables the
//! readers use (`table::FILES`): what `pds schema` prints for editors.
//!
//! Self-contained (every mapping inlined, no `$ref`), every mapping refusing
//! keys its table does not hold. Text is any YAML scalar, as the readers
//! take it (`Ctx::text`); a fixed format, a date and a word of a fixed set are
//! strings with a pattern or an `enum`. Time spans such as `13:00-15:00` and
//! numbers such as `7/2021` are strings in YAML 1.2, which pds reads.

use super::table::{FileKind, Need, Table, Type, FILES};
use serde_json::{json, Map, Value};

pub const DIALECT: &str = "https://json-schema.org/draft/2020-12/schema";

/// The file kind `pds schema KIND` names, if there is one.
pub fn kind(name: &str) -> Option<&'static FileKind> {
    FILES.iter().find(|f| f.name == name)
}

/// The whole schema document of one file kind.
pub fn document(kind: &FileKind) -> Value {
    let mut doc = Map::new();
    doc.insert("$schema".into(), json!(DIALECT));
    doc.insert(
        "title".into(),
        json!(format!("pds {}: {}", kind.name, kind.path)),
    );
    doc.insert("description".into(), json!(kind.doc));
    if let Value::Object(body) = schema(&kind.ty) {
        doc.extend(body);
    }
    Value::Object(doc)
}

/// Every file kind's schema document, keyed by kind.
pub fn all() -> Value {
    let mut out = Map::new();
    for kind in FILES {
        out.insert(kind.name.into(), document(kind));
    }
    Value::Object(out)
}

/// The schema of one value of the type.
pub fn schema(ty: &Type) -> Value {
    match ty {
        Type::Text => json!({ "type": ["string", "number", "boolean"] }),
        Type::CaseType => json!({ "type": "string" }),
        Type::Format {
            name,
            pattern,
            example,
        } => json!({
            "type": "string",
            "pattern": pattern,
            "examples": [example],
            "$comment": format!("a {name}"),
        }),
        Type::Date => json!({
            "type": "string",
            "format": "date",
            "pattern": "^[0-9]{4}-[0-9]{2}-[0-9]{2}$",
        }),
        Type::Number { min, max } => json!({ "type": "integer", "minimum": min, "maximum": max }),
        Type::Bool => json!({ "type": "boolean" }),
        Type::OneOf(words) => json!({ "type": "string", "enum": words }),
        Type::List(t) => json!({ "type": "array", "items": schema(t) }),
        Type::MapOf(t) => json!({ "type": "object", "additionalProperties": schema(t) }),
        Type::Labels => json!({
            "type": "object",
            "propertyNames": { "enum": crate::model::labels::keys().collect::<Vec<_>>() },
            "additionalProperties": schema(&Type::Text),
        }),
        Type::Either(ts) => json!({ "anyOf": ts.iter().map(schema).collect::<Vec<_>>() }),
        Type::Map(table) => object(table),
    }
}

/// A mapping with the table's keys and no others. A key the table does not
/// require may be left empty (`key:`): the readers take that as absent.
fn object(table: &Table) -> Value {
    let properties: Map<String, Value> = table
        .fields
        .iter()
        .map(|f| {
            let mut value = schema(&f.ty);
            if f.need != Need::Required {
                value = json!({ "anyOf": [value, { "type": "null" }] });
            }
            if let Value::Object(map) = &mut value {
                let mut doc = f.doc.to_string();
                if let Need::RequiredUnless(condition) = f.need {
                    doc = format!("{doc} Required unless {condition}.");
                }
                map.insert("description".into(), json!(doc));
            }
            (f.name.to_string(), value)
        })
        .collect();
    let required: Vec<&str> = table
        .fields
        .iter()
        .filter(|f| f.need == Need::Required)
        .map(|f| f.name)
        .collect();
    json!({
        "type": "object",
        "title": table.what,
        "properties": properties,
        "required": required,
        "additionalProperties": false,
    })
}

#[cfg(test)]
mod tests;
