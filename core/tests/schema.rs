//! The committed JSON Schema (`schema/workspace.schema.json`) is the one generated from the

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)] // test code: a failure is a test failure
//! types, and the documented example workspace conforms to it.
//!
//! Regenerate the committed file with `UPDATE_SCHEMA=1 cargo test -p pilotage --test schema`.

use std::path::PathBuf;

use pilotage::Workspace;
use pilotage::io::schema::workspace_schema;
use serde_json::Value;

fn committed_path() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("..").join("schema").join("workspace.schema.json")
}

fn generated_text() -> String {
    let mut text = serde_json::to_string_pretty(&workspace_schema()).unwrap();
    text.push('\n');
    text
}

#[test]
fn committed_schema_is_current() {
    let path = committed_path();
    let generated = generated_text();
    if std::env::var_os("UPDATE_SCHEMA").is_some() {
        std::fs::write(&path, &generated).unwrap();
        return;
    }
    let committed = std::fs::read_to_string(&path).unwrap_or_default();
    assert!(
        committed == generated,
        "{} is not the schema generated from the types.\n\
         Regenerate it with: UPDATE_SCHEMA=1 cargo test -p pilotage --test schema\n\
         and commit the result.",
        path.display()
    );
}

/// The first ```json block of `docs/workspace-format.md`: a small complete workspace that
/// uses every kind of record, several scoring methods, a weight schedule and rollups.
fn documented_example() -> String {
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../docs/workspace-format.md");
    let doc = std::fs::read_to_string(path).unwrap();
    let start = doc.find("```json\n").unwrap() + "```json\n".len();
    let len = doc[start..].find("```").unwrap();
    doc[start..start + len].to_string()
}

/// Checks `value` against the subset of JSON Schema that the generated schema uses
/// (`$ref`, `type`, `properties`, `required`, `additionalProperties: false`, `items`,
/// `oneOf`, `anyOf`, `const`, `enum`, `minimum`), and returns every mismatch with its path.
/// Not a general validator: it exists to show that the schema describes the files the
/// library reads.
fn conforms(schema: &Value, root: &Value, value: &Value, path: &str, out: &mut Vec<String>) {
    if let Some(Value::String(r)) = schema.get("$ref") {
        let name = r.trim_start_matches("#/$defs/");
        match root["$defs"].get(name) {
            Some(def) => conforms(def, root, value, path, out),
            None => out.push(format!("{path}: dangling $ref {r}")),
        }
    }
    if let Some(Value::Array(types)) = schema.get("type") {
        if !types.iter().any(|t| type_matches(t, value)) {
            out.push(format!("{path}: {value} is not of type {types:?}"));
        }
    } else if let Some(t) = schema.get("type") {
        if !type_matches(t, value) {
            out.push(format!("{path}: {value} is not of type {t}"));
        }
    }
    if let Some(c) = schema.get("const") {
        if c != value {
            out.push(format!("{path}: {value} is not {c}"));
        }
    }
    if let Some(Value::Array(options)) = schema.get("enum") {
        if !options.contains(value) {
            out.push(format!("{path}: {value} is not one of {options:?}"));
        }
    }
    if let (Some(min), Some(x)) = (schema.get("minimum").and_then(Value::as_f64), value.as_f64()) {
        if x < min {
            out.push(format!("{path}: {x} is below the minimum {min}"));
        }
    }
    for (key, exactly_one) in [("oneOf", true), ("anyOf", false)] {
        if let Some(Value::Array(options)) = schema.get(key) {
            let matching = options
                .iter()
                .filter(|o| {
                    let mut errs = Vec::new();
                    conforms(o, root, value, path, &mut errs);
                    errs.is_empty()
                })
                .count();
            if matching == 0 || (exactly_one && matching > 1) {
                out.push(format!("{path}: {matching} of the {key} alternatives match {value}"));
            }
        }
    }
    if let Value::Object(map) = value {
        let props = schema.get("properties").and_then(Value::as_object);
        if let Some(Value::Array(required)) = schema.get("required") {
            for r in required {
                if !map.contains_key(r.as_str().unwrap_or_default()) {
                    out.push(format!("{path}: missing required {r}"));
                }
            }
        }
        for (k, v) in map {
            match props.and_then(|p| p.get(k)) {
                Some(s) => conforms(s, root, v, &format!("{path}.{k}"), out),
                None if schema.get("additionalProperties") == Some(&Value::Bool(false)) => {
                    out.push(format!("{path}: property {k:?} is not in the schema"));
                }
                None => {}
            }
        }
    }
    if let (Value::Array(items), Some(item_schema)) = (value, schema.get("items")) {
        for (i, v) in items.iter().enumerate() {
            conforms(item_schema, root, v, &format!("{path}[{i}]"), out);
        }
    }
}

fn type_matches(t: &Value, value: &Value) -> bool {
    match t.as_str().unwrap_or_default() {
        "object" => value.is_object(),
        "array" => value.is_array(),
        "string" => value.is_string(),
        "number" => value.is_number(),
        "integer" => value.is_i64() || value.is_u64(),
        "boolean" => value.is_boolean(),
        "null" => value.is_null(),
        other => panic!("the checker does not know the type {other}"),
    }
}

fn mismatches(value: &Value) -> Vec<String> {
    let schema = workspace_schema();
    let mut out = Vec::new();
    conforms(&schema, &schema, value, "$", &mut out);
    out
}

#[test]
fn the_documented_example_conforms_to_the_schema_and_round_trips() {
    let text = documented_example();
    let value: Value = serde_json::from_str(&text).unwrap();
    assert_eq!(mismatches(&value), Vec::<String>::new());
    // The same example through the types: loaded, saved, loaded again, equal; and the saved
    // form (amounts as strings, defaults omitted) conforms too.
    let ws = Workspace::from_json(&text).unwrap();
    let saved = ws.to_json().unwrap();
    assert_eq!(Workspace::from_json(&saved).unwrap(), ws);
    assert_eq!(mismatches(&serde_json::from_str(&saved).unwrap()), Vec::<String>::new());
}

#[test]
fn the_checker_catches_what_the_schema_forbids() {
    // The checker is not vacuous: three deliberate faults give three mismatches.
    let mut value: Value = serde_json::from_str(&documented_example()).unwrap();
    value["colour"] = "blue".into(); // unknown top-level field
    value["partners"][0]["kind"] = "club".into(); // not a partner kind
    value["projects"][0].as_object_mut().unwrap().remove("title"); // required field
    let found = mismatches(&value);
    assert_eq!(found.len(), 3, "{found:#?}");
    assert!(found.iter().any(|m| m.contains("\"colour\"")));
    assert!(found.iter().any(|m| m.starts_with("$.partners[0].kind")));
    assert!(found.iter().any(|m| m.starts_with("$.projects[0]") && m.contains("title")));
}

#[test]
fn amounts_are_string_or_number_in_the_schema() {
    let schema = workspace_schema();
    let amount = &schema["$defs"]["CommitmentStep"]["properties"]["amount"];
    assert_eq!(amount["type"], serde_json::json!(["string", "number"]));
    let date = &schema["$defs"]["CommitmentStep"]["properties"]["date"];
    assert_eq!(date["format"], "date");
}
