//! The hand-written TypeScript declarations of the workspace file (`src/types.d.ts`) checked
//! against the JSON Schema that schemars derives from the Rust types: every field, whether it
//! is optional, and every enum value. A field added to the core without its declaration
//! fails here.

// A test file: its helpers may panic, that is how they fail the test.
#![allow(clippy::unwrap_used, clippy::panic)]

use std::collections::BTreeSet;

use serde_json::Value;

/// The text of `export interface NAME { ... }` or `export type NAME = ...;`.
fn block<'a>(ts: &'a str, name: &str) -> &'a str {
    for head in [format!("export interface {name} {{"), format!("export type {name} =")] {
        if let Some(start) = ts.find(&head) {
            let rest = &ts[start..];
            let end = if head.ends_with('{') { rest.find("\n}") } else { rest.find(";\n\n") };
            return &rest[..end.unwrap_or(rest.len())];
        }
    }
    panic!("no TypeScript declaration for {name}");
}

/// Field names of an interface block, with `true` when optional.
fn fields(block: &str) -> BTreeSet<(String, bool)> {
    block
        .lines()
        .skip(1)
        .filter_map(|l| {
            let l = l.trim();
            let (name, _) = l.split_once(':')?;
            let optional = name.ends_with('?');
            let name = name.trim_end_matches('?');
            name.chars()
                .all(|c| c.is_ascii_lowercase() || c == '_' || c.is_ascii_digit())
                .then(|| (name.to_string(), optional))
        })
        .collect()
}

fn quoted(block: &str) -> BTreeSet<String> {
    block.split('"').skip(1).step_by(2).map(str::to_string).collect()
}

/// String values and object property names a (possibly tagged) enum schema allows.
fn enum_parts(schema: &Value, literals: &mut BTreeSet<String>, properties: &mut BTreeSet<String>) {
    if let Some(s) = schema.get("const").and_then(Value::as_str) {
        literals.insert(s.to_string());
    }
    for v in schema.get("enum").and_then(Value::as_array).into_iter().flatten() {
        if let Some(s) = v.as_str() {
            literals.insert(s.to_string());
        }
    }
    for v in schema.get("oneOf").and_then(Value::as_array).into_iter().flatten() {
        enum_parts(v, literals, properties);
    }
    for (name, p) in schema.get("properties").and_then(Value::as_object).into_iter().flatten() {
        properties.insert(name.clone());
        enum_parts(p, literals, &mut BTreeSet::new());
    }
}

fn check_object(ts: &str, ts_name: &str, schema: &Value) {
    let required: BTreeSet<&str> = schema
        .get("required")
        .and_then(Value::as_array)
        .into_iter()
        .flatten()
        .filter_map(Value::as_str)
        .collect();
    let expected: BTreeSet<(String, bool)> = schema["properties"]
        .as_object()
        .unwrap()
        .keys()
        .map(|k| (k.clone(), !required.contains(k.as_str())))
        .collect();
    assert_eq!(fields(block(ts, ts_name)), expected, "fields of {ts_name} (name, optional)");
}

#[test]
fn typescript_declarations_match_the_rust_types() {
    let ts = pilotage_wasm::TYPESCRIPT_TYPES;
    let schema = serde_json::to_value(schemars::schema_for!(pilotage::Workspace)).unwrap();
    check_object(ts, "WorkspaceJson", &schema);
    let defs = schema["$defs"].as_object().unwrap();
    let mut checked = 0;
    for (name, def) in defs {
        if def.get("properties").is_some() {
            check_object(ts, name, def);
        } else if def.get("enum").is_some() || def.get("oneOf").is_some() {
            let (mut literals, mut properties) = (BTreeSet::new(), BTreeSet::new());
            enum_parts(def, &mut literals, &mut properties);
            let text = block(ts, name);
            if properties.is_empty() {
                assert_eq!(quoted(text), literals, "values of {name}");
            } else {
                for l in &literals {
                    assert!(text.contains(&format!("\"{l}\"")), "{name} lacks the value {l:?}");
                }
                for p in &properties {
                    assert!(
                        text.contains(&format!(" {p}:")) || text.contains(&format!(" {p}?:")),
                        "{name} lacks {p}"
                    );
                }
            }
        } else {
            // Period (a string) and Weight (a number or a schedule) are aliases, checked by name.
            block(ts, if name == "Period" { "PeriodText" } else { name });
        }
        checked += 1;
    }
    assert!(checked >= 40, "only {checked} definitions checked");
}
