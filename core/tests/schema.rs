//! The committed JSON Schema (`schema/workspace.schema.json`) is the one generated from the

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)] // test code: a failure is a test failure
//! types, and the documented example workspace conforms to it.
//!
//! Regenerate the committed file with `UPDATE_SCHEMA=1 cargo test -p pilotage --test schema`.

use std::path::PathBuf;

use pilotage::Workspace;
use pilotage::io::schema::{results_schema, workspace_schema};
use serde_json::Value;

fn committed_path(name: &str) -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("..").join("schema").join(name)
}

fn generated_text(schema: &Value) -> String {
    let mut text = serde_json::to_string_pretty(schema).unwrap();
    text.push('\n');
    text
}

#[test]
fn committed_schema_is_current() {
    check_committed("workspace.schema.json", &workspace_schema());
}

#[test]
fn committed_results_schema_is_current() {
    check_committed("results.schema.json", &results_schema());
}

fn check_committed(name: &str, schema: &Value) {
    let path = committed_path(name);
    let generated = generated_text(schema);
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
                // a map (`BTreeMap<K, V>`): every value against the values' schema
                None => {
                    if let Some(values @ Value::Object(_)) = schema.get("additionalProperties") {
                        conforms(values, root, v, &format!("{path}.{k}"), out);
                    }
                }
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

/// The results schema with every object closed (`additionalProperties: false` where the
/// schema lists properties): a key of the output the schema lacks is then a mismatch.
fn closed(schema: &Value) -> Value {
    match schema {
        Value::Object(map) => {
            let mut out: serde_json::Map<String, Value> =
                map.iter().map(|(k, v)| (k.clone(), closed(v))).collect();
            if out.contains_key("properties") && !out.contains_key("additionalProperties") {
                out.insert("additionalProperties".into(), Value::Bool(false));
            }
            Value::Object(out)
        }
        Value::Array(items) => Value::Array(items.iter().map(closed).collect()),
        other => other.clone(),
    }
}

/// The output of each call on the sample city, by the call's name in the results schema.
fn sample_results() -> Vec<(&'static str, Value)> {
    use pilotage::analytics::{headline, partnership as pa, portfolio as po};
    let ws = pilotage::sample::city();
    let q4: pilotage::Period = "2025-Q4".parse().unwrap();
    let q1: pilotage::Period = "2025-Q1".parse().unwrap();
    let year: pilotage::Period = "2025".parse().unwrap();
    let day = chrono::NaiveDate::from_ymd_opt(2025, 12, 31).unwrap();
    let finance = pa::FinanceOptions::default();
    let first_project = ws.projects[0].id.clone();
    let v = |x: &dyn erased::Json| x.json();
    vec![
        ("evaluate", v(&pilotage::evaluate(&ws, q4).unwrap())),
        ("evaluate_range", v(&pilotage::evaluate_range(&ws, q1, q4).unwrap())),
        ("headline", v(&headline::headline(&ws, q4, headline::HeadlineOptions::default()).unwrap())),
        ("caseload", v(&po::caseload_with(&ws, day, po::CaseloadOptions::default()))),
        ("work_in_progress", v(&po::work_in_progress(&ws, day))),
        ("ageing", v(&po::ageing(&ws, day))),
        ("lead_time", v(&po::lead_time(&ws, q4, po::LeadTimeOptions::default()))),
        ("compare_lead_times", v(&po::compare_lead_times(&ws, q1, q4, po::LeadTimeOptions::default()))),
        ("throughput", v(&po::throughput(&ws, q4))),
        ("delivery", v(&po::delivery(&ws, None))),
        ("portfolio_value", v(&po::portfolio_value(&ws, day))),
        ("transversality", v(&po::transversality(&ws, None))),
        ("partner_counts", v(&pa::partner_counts(&ws, q4))),
        ("funds", v(&pa::funds(&ws, pa::FundsScope::Within(year)))),
        ("outstanding", v(&pa::outstanding(&ws, day))),
        ("project_finance", v(&pa::project_finance(&ws, &first_project, finance).unwrap())),
        ("portfolio_finance", v(&pa::portfolio_finance(&ws, pa::ProjectScope::All, finance))),
        ("concentration", v(&pa::concentration(&ws, 3, None))),
        ("investment_capacity", v(&pa::investment_capacity(&ws, year, finance))),
        ("compare_capacity", v(&pa::compare_capacity(&ws, "2024".parse().unwrap(), year, finance))),
        ("problem", v(&pilotage::Problem::new("projects[0].title", "is empty"))),
    ]
}

mod erased {
    /// Any serializable result, as its JSON value.
    pub trait Json {
        fn json(&self) -> serde_json::Value;
    }
    impl<T: serde::Serialize> Json for T {
        fn json(&self) -> serde_json::Value {
            serde_json::to_value(self).unwrap()
        }
    }
}

#[test]
fn every_result_on_the_sample_conforms_to_the_results_schema() {
    let schema = closed(&results_schema());
    let calls = schema["properties"].as_object().unwrap();
    let results = sample_results();
    assert_eq!(results.len(), calls.len(), "one sample result per call of the schema");
    for (call, value) in results {
        let mut out = Vec::new();
        conforms(&calls[call], &schema, &value, call, &mut out);
        assert_eq!(out, Vec::<String>::new(), "{call}");
    }
}

#[test]
fn the_results_checker_catches_a_drift() {
    // not vacuous: a renamed key, a string score and a missing key are three mismatches
    let schema = closed(&results_schema());
    let ws = pilotage::sample::city();
    let mut ev = serde_json::to_value(pilotage::evaluate(&ws, "2025-Q4".parse().unwrap()).unwrap()).unwrap();
    let node = ev["nodes"][0].as_object_mut().unwrap();
    let status = node.remove("status").unwrap();
    node.insert("state".into(), status);
    node.insert("score".into(), "high".into());
    node.remove("coverage");
    let mut out = Vec::new();
    conforms(&schema["properties"]["evaluate"], &schema, &ev, "evaluate", &mut out);
    assert_eq!(out.len(), 4, "{out:#?}"); // missing status, missing coverage, unknown state, score type
}

#[test]
fn the_scoring_method_names_are_the_schemas() {
    // the names `scoring_by_name` accepts are exactly the file's `method` tags
    let schema = workspace_schema();
    let mut tags: Vec<String> = schema["$defs"]["ScoringMethod"]["oneOf"]
        .as_array()
        .unwrap()
        .iter()
        .map(|v| v["properties"]["method"]["const"].as_str().unwrap().to_string())
        .collect();
    let mut names: Vec<String> = pilotage::io::names::SCORING_METHODS.iter().map(|s| s.to_string()).collect();
    tags.sort();
    names.sort();
    assert_eq!(names, tags);
}
