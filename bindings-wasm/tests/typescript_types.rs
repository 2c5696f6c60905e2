//! The generator of `src/types.generated.d.ts`: the TypeScript declarations of the workspace
//! file and of every result, written from the JSON Schemas that schemars derives from the
//! Rust types (`pilotage::io::schema::workspace_schema` and `results_schema`), so that they
//! are never a hand-written copy. The test fails when the committed file is not the one the
//! types give; regenerate it with
//! `UPDATE_TYPES=1 cargo test -p pilotage-wasm --test typescript_types` and commit it.
//!
//! The hand-written declarations (the error, options objects, `PeriodInfo`, the aliases
//! `IsoDate`, `Money`, `PeriodText`) stay in `src/types.d.ts`.

// A test file: its helpers may panic, that is how they fail the test.
#![allow(clippy::unwrap_used, clippy::panic)]

use std::collections::BTreeMap;
use std::fmt::Write as _;
use std::path::PathBuf;

use pilotage::io::schema::{results_schema, workspace_schema};
use serde_json::Value;

/// The start of the patterns schemars gives a `Decimal` (money, ratios): declared as `Money`
/// (a decimal string; the file reader also takes a JSON number, which the declarations have
/// never announced: the library writes strings).
const DECIMAL_PATTERN: &str = r"^-?\d+(\.\d+)?";

/// A definition's TypeScript name: the Rust name, except where the declarations keep
/// another one (the workspace type is `WorkspaceJson`, a period is `PeriodText`).
fn ts_name(rust: &str) -> &str {
    match rust {
        "Workspace" => "WorkspaceJson",
        "Period" => "PeriodText",
        other => other,
    }
}

/// The names declared by hand in `src/types.d.ts`: never generated.
const HAND_WRITTEN: [&str; 1] = ["Period"];

fn is_identifier(s: &str) -> bool {
    s.chars().next().is_some_and(|c| c.is_ascii_alphabetic() || c == '_')
        && s.chars().all(|c| c.is_ascii_alphanumeric() || c == '_')
}

fn key(name: &str) -> String {
    if is_identifier(name) { name.to_string() } else { serde_json::to_string(name).unwrap() }
}

/// The TypeScript type of a schema.
fn ts(schema: &Value) -> String {
    let Value::Object(s) = schema else {
        return "unknown".to_string(); // `true`: anything
    };
    if let Some(Value::String(r)) = s.get("$ref") {
        return ts_name(r.trim_start_matches("#/$defs/")).to_string();
    }
    if let Some(c) = s.get("const") {
        return c.to_string();
    }
    if let Some(Value::Array(values)) = s.get("enum") {
        return union(values.iter().map(Value::to_string).collect());
    }
    for k in ["oneOf", "anyOf"] {
        if let Some(Value::Array(options)) = s.get(k) {
            return union(options.iter().map(ts).collect());
        }
    }
    let types: Vec<&str> = match s.get("type") {
        Some(Value::String(t)) => vec![t.as_str()],
        Some(Value::Array(ts)) => ts.iter().filter_map(Value::as_str).collect(),
        _ => return "unknown".to_string(),
    };
    let nullable = types.contains(&"null");
    let decimal = s.get("pattern").and_then(Value::as_str).is_some_and(|p| p.starts_with(DECIMAL_PATTERN));
    let mut parts: Vec<String> = Vec::new();
    for t in types.iter().filter(|t| **t != "null") {
        let part = match *t {
            "string" | "number" if decimal => "Money".to_string(),
            "string" if s.get("format").and_then(Value::as_str) == Some("date") => "IsoDate".to_string(),
            "string" => "string".to_string(),
            "number" | "integer" => "number".to_string(),
            "boolean" => "boolean".to_string(),
            "array" => {
                let item = ts(s.get("items").unwrap_or(&Value::Bool(true)));
                if item.contains(' ') { format!("({item})[]") } else { format!("{item}[]") }
            }
            "object" => inline_object(schema),
            other => panic!("the generator does not know the type {other}"),
        };
        if !parts.contains(&part) {
            parts.push(part);
        }
    }
    if nullable {
        parts.push("null".to_string());
    }
    union(parts)
}

fn union(parts: Vec<String>) -> String {
    let mut unique: Vec<String> = Vec::new();
    for p in parts {
        if !unique.contains(&p) {
            unique.push(p);
        }
    }
    if unique.is_empty() { "never".to_string() } else { unique.join(" | ") }
}

/// The properties of an object schema in declaration order as far as the schema keeps it:
/// the required ones in their order, then the optional ones by name; with `?` when optional.
fn properties(schema: &Value) -> Vec<(String, bool, &Value)> {
    let props = schema.get("properties").and_then(Value::as_object);
    let required: Vec<&str> = schema
        .get("required")
        .and_then(Value::as_array)
        .into_iter()
        .flatten()
        .filter_map(Value::as_str)
        .collect();
    let mut out = Vec::new();
    for r in &required {
        if let Some(p) = props.and_then(|p| p.get(*r)) {
            out.push((r.to_string(), false, p));
        }
    }
    for (name, p) in props.into_iter().flatten() {
        if !required.contains(&name.as_str()) {
            out.push((name.clone(), true, p));
        }
    }
    out
}

/// A field's type: an optional field (`name?:`) is absent rather than `null` in what the
/// library writes (`skip_serializing_if`), so its `null` is not declared (the reader also
/// takes `null` for it, as it always did).
fn field_ts(schema: &Value, optional: bool) -> String {
    let t = ts(schema);
    if optional { t.strip_suffix(" | null").map(str::to_string).unwrap_or(t) } else { t }
}

fn inline_object(schema: &Value) -> String {
    if schema.get("properties").is_some() {
        let fields: Vec<String> = properties(schema)
            .into_iter()
            .map(|(n, optional, p)| {
                format!("{}{}: {}", key(&n), if optional { "?" } else { "" }, field_ts(p, optional))
            })
            .collect();
        if fields.is_empty() {
            "Record<string, never>".to_string()
        } else {
            format!("{{ {} }}", fields.join("; "))
        }
    } else if let Some(values @ Value::Object(_)) = schema.get("additionalProperties") {
        format!("{{ [key: string]: {} }}", ts(values))
    } else {
        "Record<string, unknown>".to_string()
    }
}

fn doc(out: &mut String, schema: &Value) {
    let Some(text) = schema.get("description").and_then(Value::as_str) else { return };
    writeln!(out, "/** {} */", summary(text).replace("*/", "*\\/")).unwrap();
}

/// The first sentence of a description (up to the first `. ` outside parentheses), on one
/// line: the whole text is in the Rust documentation and the schemas, and the package's
/// size budget counts every byte of the .d.ts (the full texts cost 1 KB gzipped more).
fn summary(text: &str) -> String {
    let flat = text.split_whitespace().collect::<Vec<_>>().join(" ");
    let mut depth = 0i32;
    for (i, c) in flat.char_indices() {
        match c {
            '(' | '[' => depth += 1,
            ')' | ']' => depth -= 1,
            '.' if depth <= 0 && flat[i + 1..].starts_with(' ') => return flat[..=i].to_string(),
            _ => {}
        }
    }
    flat
}

fn declaration(out: &mut String, name: &str, schema: &Value) {
    doc(out, schema);
    let is_interface = schema.get("type") == Some(&Value::String("object".into()))
        && schema.get("properties").is_some()
        && schema.get("oneOf").is_none()
        && schema.get("anyOf").is_none();
    if is_interface {
        writeln!(out, "export interface {} {{", ts_name(name)).unwrap();
        // the fields' own docs stay in the schema (and the Rust docs): the declarations ship
        // inside the package, within its size budget (the type's doc is kept)
        for (n, optional, p) in properties(schema) {
            writeln!(out, "  {}{}: {};", key(&n), if optional { "?" } else { "" }, field_ts(p, optional))
                .unwrap();
        }
        writeln!(out, "}}").unwrap();
    } else {
        let t = ts(schema);
        if t.len() > 80 && split_union(&t).len() > 2 {
            // one variant a line, as prettier writes a long union
            writeln!(out, "export type {} =", ts_name(name)).unwrap();
            for v in split_union(&t) {
                writeln!(out, "  | {v}").unwrap();
            }
            out.pop();
            writeln!(out, ";").unwrap();
        } else {
            writeln!(out, "export type {} = {t};", ts_name(name)).unwrap();
        }
    }
    out.push('\n');
}

/// The top-level alternatives of a union (not splitting inside `{ ... }`).
fn split_union(t: &str) -> Vec<String> {
    let (mut parts, mut depth, mut current) = (Vec::new(), 0i32, String::new());
    let mut rest = t;
    while !rest.is_empty() {
        if depth == 0 && rest.starts_with(" | ") {
            parts.push(std::mem::take(&mut current));
            rest = &rest[3..];
            continue;
        }
        let c = rest.chars().next().unwrap();
        depth += match c {
            '{' | '(' | '[' => 1,
            '}' | ')' | ']' => -1,
            _ => 0,
        };
        current.push(c);
        rest = &rest[c.len_utf8()..];
    }
    parts.push(current);
    parts
}

/// The generated declarations: the workspace file's types (as read: fields with a default
/// are optional), then the results' types not already declared (as written: every field
/// present, `null` when missing).
fn generated() -> String {
    let workspace = workspace_schema();
    let results = results_schema();
    let mut out = String::from(
        "// GENERATED from the Rust types' JSON Schemas (schema/workspace.schema.json and\n\
         // schema/results.schema.json) by bindings-wasm/tests/typescript_types.rs: do not edit.\n\
         // Regenerate with: UPDATE_TYPES=1 cargo test -p pilotage-wasm --test typescript_types\n\n\
         // ---- The workspace file (the same shape as docs/workspace-format.md) ----\n\n",
    );
    let mut root = workspace.clone();
    root.as_object_mut().unwrap().retain(|k, _| !k.starts_with('$'));
    declaration(&mut out, "Workspace", &root);
    let wdefs: BTreeMap<&String, &Value> = workspace["$defs"].as_object().unwrap().iter().collect();
    for (name, def) in &wdefs {
        if !HAND_WRITTEN.contains(&name.as_str()) {
            declaration(&mut out, name, def);
        }
    }
    out.push_str(
        "// ---- Results (the same shape as the Rust library's JSON output) ----\n//\n\
         // A Rust `Option` is always present, as `null` when missing; ratios and shares are decimal\n\
         // strings (`\"0.0711\"`, rounded to 4 places by the core); day counts and scores are numbers.\n\n",
    );
    for (name, def) in results["$defs"].as_object().unwrap() {
        if !HAND_WRITTEN.contains(&name.as_str()) && !wdefs.contains_key(name) {
            declaration(&mut out, name, def);
        }
    }
    while out.ends_with("\n\n") {
        out.pop();
    }
    out
}

fn committed_path() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("src").join("types.generated.d.ts")
}

#[test]
fn committed_typescript_types_are_generated_from_the_rust_types() {
    let path = committed_path();
    let text = generated();
    if std::env::var_os("UPDATE_TYPES").is_some() {
        std::fs::write(&path, &text).unwrap();
        return;
    }
    let committed = std::fs::read_to_string(&path).unwrap_or_default();
    assert!(
        committed == text,
        "{} is not the declarations generated from the Rust types.\n\
         Regenerate it with: UPDATE_TYPES=1 cargo test -p pilotage-wasm --test typescript_types\n\
         and commit the result.",
        path.display()
    );
}

#[test]
fn the_package_declares_the_generated_types_once() {
    // what wasm-bindgen emits: the hand-written part, then the generated part
    let ts = pilotage_wasm::TYPESCRIPT_TYPES;
    assert!(ts.contains(&generated()));
    for line in ts.lines().filter(|l| l.starts_with("export interface ") || l.starts_with("export type ")) {
        let name = line.split_whitespace().nth(2).unwrap().trim_end_matches(['<', '{']);
        let declared = ts.matches(&format!("export interface {name} ")).count()
            + ts.matches(&format!("export type {name} ")).count();
        assert_eq!(declared, 1, "{name} is declared {declared} times");
    }
}

#[test]
fn the_generator_writes_each_kind_of_schema() {
    // hand-checked translations of the schema shapes the Rust types produce
    let cases = [
        (r##"{"type":["string","null"],"pattern":"^-?\\d+(\\.\\d+)?$"}"##, "Money | null"),
        (r##"{"type":["string","number"],"pattern":"^-?\\d+(\\.\\d+)?$"}"##, "Money"),
        (r##"{"type":"string","format":"date"}"##, "IsoDate"),
        (r##"{"$ref":"#/$defs/Period","description":"x"}"##, "PeriodText"),
        (r##"{"type":"array","items":{"$ref":"#/$defs/Stage"}}"##, "Stage[]"),
        (r##"{"anyOf":[{"$ref":"#/$defs/Forecast"},{"type":"null"}]}"##, "Forecast | null"),
        (r##"{"type":"string","enum":["a","b"]}"##, r##""a" | "b""##),
        (
            r##"{"oneOf":[{"type":"object","properties":{"kind":{"type":"string","const":"all"}},"required":["kind"]},{"type":"object","properties":{"kind":{"type":"string","const":"within"},"value":{"$ref":"#/$defs/Period"}},"required":["kind","value"]}]}"##,
            r##"{ kind: "all" } | { kind: "within"; value: PeriodText }"##,
        ),
        (
            r##"{"type":"object","additionalProperties":{"type":"integer","format":"uint"}}"##,
            "{ [key: string]: number }",
        ),
        (
            r##"{"type":"object","properties":{"b":{"type":"boolean"},"a":{"type":"number"}},"required":["b"]}"##,
            "{ b: boolean; a?: number }",
        ),
    ];
    for (schema, expected) in cases {
        assert_eq!(ts(&serde_json::from_str(schema).unwrap()), expected, "{schema}");
    }
}
