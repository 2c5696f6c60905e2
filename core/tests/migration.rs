//! Every older file opens unchanged: the version 1 files kept in `tests/fixtures/v1/` (the
//! sample city and the template as committed before version 2) load, validate, migrate to
//! the current version by their version number alone, and evaluate.
#![allow(clippy::unwrap_used)]

use pilotage::{OLDEST_SCHEMA_VERSION, SCHEMA_VERSION, Workspace};

fn fixture(name: &str) -> String {
    std::fs::read_to_string(format!("{}/tests/fixtures/v1/{name}", env!("CARGO_MANIFEST_DIR"))).unwrap()
}

#[test]
fn version_1_files_open_unchanged_and_are_migrated_on_load() {
    assert_eq!((OLDEST_SCHEMA_VERSION, SCHEMA_VERSION), (1, 2));
    for name in ["sample-city.json", "template.json"] {
        let v1 = fixture(name);
        assert!(v1.contains("\"schema_version\": 1,"), "{name} is a version 1 file");
        let ws = Workspace::from_json(&v1).unwrap_or_else(|e| panic!("{name}: {e}"));
        // migrated: the loaded workspace is the current version ...
        assert_eq!(ws.schema_version, SCHEMA_VERSION, "{name}");
        // ... and nothing else changed: it equals the same text declared as version 2
        let as_v2 = Workspace::from_json(&v1.replacen("\"schema_version\": 1,", "\"schema_version\": 2,", 1))
            .unwrap();
        assert_eq!(ws, as_v2, "{name}");
        // a save writes version 2 with the same content, and reopens equal
        let saved = ws.to_json().unwrap();
        assert!(saved.contains("\"schema_version\": 2,"));
        assert_eq!(Workspace::from_json(&saved).unwrap(), ws, "{name}");
        // every record is still there
        let value: serde_json::Value = serde_json::from_str(&v1).unwrap();
        for list in ["projects", "partners", "commitments", "indicators"] {
            let n = value.get(list).and_then(|l| l.as_array()).map_or(0, Vec::len);
            let m = match list {
                "projects" => ws.projects.len(),
                "partners" => ws.partners.len(),
                "commitments" => ws.commitments.len(),
                _ => ws.indicators.len(),
            };
            assert_eq!(n, m, "{name}: {list}");
        }
    }
    // the version 1 sample evaluates (its latest quarter has a score)
    let ws = Workspace::from_json(&fixture("sample-city.json")).unwrap();
    let ev = pilotage::evaluate(&ws, "2025-Q4".parse().unwrap()).unwrap();
    assert!(ev.node("scorecard").unwrap().score.is_some());
}

#[test]
fn versions_outside_the_range_are_refused_with_the_range() {
    for v in [0, 3, 99] {
        let text = format!(r#"{{"schema_version": {v}, "organisation": "X"}}"#);
        let err = Workspace::from_json(&text).unwrap_err().to_string();
        assert!(
            err.contains(&format!("schema_version {v} is not supported: this library reads versions 1 to 2")),
            "{err}"
        );
    }
}
