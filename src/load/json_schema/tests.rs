//! The schema printed from the tables says what the readers take.

use super::*;
use crate::load::table::{CASE_NUMBER, MEETING_NUMBER, TIME_SPAN};

/// The schema of an optional key without its `anyOf` with null.
fn unwrap_null(v: &Value) -> &Value {
    match v["anyOf"].as_array() {
        Some(a) if a.len() == 2 && a[1] == json!({ "type": "null" }) => &a[0],
        _ => v,
    }
}

#[test]
fn the_tables_say_enough_for_a_json_schema() {
    let schema = document(kind("meetings").unwrap());
    assert_eq!(schema["$schema"], json!(DIALECT));
    let meeting = &schema["items"];
    assert_eq!(meeting["additionalProperties"], json!(false));
    assert_eq!(meeting["required"], json!(["number", "date"]));
    assert_eq!(
        unwrap_null(&meeting["properties"]["status"])["enum"],
        json!(["planned", "proposed", "held", "approved", "cancelled"])
    );
    assert_eq!(meeting["properties"]["date"]["format"], json!("date"));
    let invited = unwrap_null(&meeting["properties"]["invited"]);
    assert_eq!(
        invited["items"]["anyOf"][1]["properties"]["org"]["anyOf"][0]["type"],
        json!(["string", "number", "boolean"])
    );
    let schema = document(kind("case").unwrap());
    assert_eq!(schema["required"], json!(["title"]));
    assert_eq!(
        unwrap_null(&schema["properties"]["number"])["pattern"],
        json!("^[0-9]+/[0-9]{2}$")
    );
    // Every example a format gives is one the model's parser takes.
    let example = |ty: &Type| match ty {
        Type::Format { example, .. } => example.to_string(),
        _ => String::new(),
    };
    assert!(crate::model::CaseNumber::parse(&example(&CASE_NUMBER)).is_ok());
    assert!(crate::model::MeetingNumber::parse(&example(&MEETING_NUMBER)).is_ok());
    assert!(crate::model::TimeSpan::parse(&example(&TIME_SPAN)).is_some());
}

#[test]
fn every_kind_has_a_document_and_no_ref() {
    let all = all();
    let map = all.as_object().unwrap();
    let mut names: Vec<&str> = map.keys().map(String::as_str).collect();
    names.sort_unstable();
    assert_eq!(
        names,
        ["actions", "case", "config", "forums", "meetings", "risk", "status"]
    );
    assert!(!all.to_string().contains("$ref"));
    assert!(kind("board").is_none());
}
