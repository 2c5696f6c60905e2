//! A file's decode problems speak the file's words, never the library's Rust types: every
//! value of the sample city (cut to one record of each shape) is replaced in turn by a name,
//! a negative number and the wrong kind of container, and no resulting message may name a Rust type (a CamelCase word,
//! or serde's "internally tagged enum" / "untagged enum" phrasing), while each still names
//! where it is.

#![allow(clippy::unwrap_used, clippy::panic)] // test code: a failure is a test failure

use pilotage::Workspace;
use serde_json::{Value, json};

/// Every path to a value, following in each array the first element of each shape (its
/// keys, and the values of its `kind`, `method` and `stage` tags), so that every variant of
/// the sample's records is visited once.
fn paths(v: &Value, here: &mut Vec<Value>, out: &mut Vec<Vec<Value>>) {
    match v {
        Value::Object(m) => {
            for (k, child) in m {
                here.push(json!(k));
                out.push(here.clone());
                paths(child, here, out);
                here.pop();
            }
        }
        Value::Array(a) => {
            let mut shapes = std::collections::BTreeSet::new();
            for (i, item) in a.iter().enumerate() {
                if !shapes.insert(shape(item)) {
                    continue;
                }
                here.push(json!(i));
                out.push(here.clone());
                paths(item, here, out);
                here.pop();
            }
        }
        _ => {}
    }
}

/// A record's keys and the values of its tags (not its contents: nested lists are cut on
/// their own).
fn shape(v: &Value) -> String {
    match v {
        Value::Object(m) => {
            let tags = ["kind", "method", "stage", "status"]
                .map(|t| m.get(t).map(Value::to_string).unwrap_or_default());
            let keys: Vec<&str> = m.keys().map(String::as_str).collect();
            format!("{keys:?}{tags:?}")
        }
        other => other.to_string().chars().take(1).collect(),
    }
}

/// The sample city cut to one record of each shape (with the partners and projects its
/// commitments name) and one measurement of each shape per indicator: every kind of value
/// of the file, in a file small enough to decode thousands of times.
fn small_sample() -> Value {
    let mut v: Value = serde_json::from_str(&pilotage::sample::city().to_json().unwrap()).unwrap();
    let representatives = |list: &Value| -> Vec<Value> {
        let mut shapes = std::collections::BTreeSet::new();
        list.as_array().unwrap().iter().filter(|r| shapes.insert(shape(r))).cloned().collect()
    };
    let commitments = representatives(&v["commitments"]);
    let named = |key: &str| -> Vec<&Value> { commitments.iter().map(|c| &c[key]).collect() };
    for (list, key) in [("projects", "project"), ("partners", "partner")] {
        let keep = representatives(&v[list]);
        let wanted = named(key);
        let all = v[list].as_array().unwrap().clone();
        let kept: Vec<Value> =
            all.into_iter().filter(|r| keep.contains(r) || wanted.contains(&&r["id"])).collect();
        v[list] = Value::Array(kept);
    }
    v["commitments"] = Value::Array(commitments);
    for indicator in v["indicators"].as_array_mut().unwrap() {
        if indicator.get("measurements").is_some() {
            indicator["measurements"] = Value::Array(representatives(&indicator["measurements"]));
        }
    }
    if let Err(e) = Workspace::from_json(&v.to_string()) {
        panic!("the cut sample does not open: {e}");
    }
    v
}

fn at<'a>(v: &'a mut Value, path: &[Value]) -> &'a mut Value {
    path.iter().fold(v, |v, step| match step {
        Value::String(k) => &mut v[k.as_str()],
        Value::Number(i) => &mut v[i.as_u64().unwrap() as usize],
        _ => unreachable!(),
    })
}

/// A word like `ScoringMethod` or `IndicatorSource`: a capital, lower-case letters, then
/// another capital.
fn rust_type_name(message: &str) -> Option<&str> {
    message.split(|c: char| !c.is_ascii_alphanumeric()).find(|w| {
        let mut chars = w.chars();
        chars.next().is_some_and(|c| c.is_ascii_uppercase())
            && w.chars().skip(1).take_while(|c| c.is_ascii_lowercase()).count() > 0
            && w.chars().skip(1).any(|c| c.is_ascii_uppercase())
    })
}

/// A word of serde's data model or of Rust's types that a JSON file does not have.
fn serde_word(message: &str) -> Option<&str> {
    const WORDS: [&str; 18] = [
        "f32",
        "f64",
        "u8",
        "u16",
        "u32",
        "u64",
        "usize",
        "i8",
        "i16",
        "i32",
        "i64",
        "isize",
        "map",
        "sequence",
        "elements",
        "identifier",
        "tagged",
        "untagged",
    ];
    // outside quotes and backticks: a value quoted from the file may be anything
    let unquoted: String = message
        .split(['"', '`'])
        .enumerate()
        .filter(|(i, _)| i % 2 == 0)
        .map(|(_, part)| part)
        .collect::<Vec<_>>()
        .join(" ");
    let found = unquoted.split(|c: char| !c.is_ascii_alphanumeric()).find(|w| WORDS.contains(w))?;
    WORDS.iter().copied().find(|w| *w == found)
}

/// Checks the `part`-th of `parts` slices of the paths (split so the test threads share
/// the work) and returns how many corruptions were refused.
fn check(part: usize, parts: usize) -> usize {
    let sample = small_sample();
    let mut all = Vec::new();
    paths(&sample, &mut Vec::new(), &mut all);
    assert!(all.len() > 300, "only {} paths", all.len());
    let mut checked = 0;
    for path in all.iter().skip(part).step_by(parts) {
        // a name, a negative number, and the other container (a list for an object, an
        // object for anything else)
        let container = if at(&mut sample.clone(), path).is_object() { json!([]) } else { json!({"zzz": 1}) };
        for wrong in [json!("zzz"), json!(-7), container] {
            let mut broken = sample.clone();
            *at(&mut broken, path) = wrong.clone();
            let Err(e) = Workspace::from_json(&broken.to_string()) else { continue };
            let message = e.to_string();
            if std::env::var_os("PRINT").is_some() {
                println!("{message}");
            }
            checked += 1;
            assert!(
                rust_type_name(&message).is_none() && serde_word(&message).is_none(),
                "{path:?} = {wrong}: {message}"
            );
        }
    }
    checked
}

#[test]
fn decode_problems_name_no_rust_type_1() {
    assert!(check(0, 2) > 700);
}

#[test]
fn decode_problems_name_no_rust_type_2() {
    assert!(check(1, 2) > 700);
}

#[test]
fn the_checker_sees_a_rust_type_name() {
    assert_eq!(rust_type_name("expected internally tagged enum ScoringMethod"), Some("ScoringMethod"));
    assert_eq!(rust_type_name("data did not match any variant of untagged enum Weight"), None);
    assert_eq!(rust_type_name("expected a weight: a positive number"), None);
    assert_eq!(rust_type_name("unknown variant `zzz`, expected one of `linear_progress`"), None);
    assert_eq!(serde_word("invalid type: map, expected f64"), Some("map"));
    assert_eq!(serde_word("invalid type: string \"map\", expected a number"), None);
    assert_eq!(serde_word("unknown field `elements`, expected `id`"), None);
}
