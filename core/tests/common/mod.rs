//! Helpers shared by the engine tests: small workspaces written as JSON.
#![allow(dead_code, clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use pilotage::{Period, Workspace};
use serde_json::{Value, json};

pub fn p(s: &str) -> Period {
    s.parse().unwrap()
}

/// A workspace with one perspective "persp" holding the given objectives, and the given
/// indicators.
pub fn workspace(objectives: Value, indicators: Value) -> Workspace {
    workspace_with(json!([{ "id": "persp", "name": "Perspective" }]), objectives, indicators, json!([]))
}

pub fn workspace_with(perspectives: Value, objectives: Value, indicators: Value, links: Value) -> Workspace {
    let ws = json!({
        "schema_version": 1,
        "organisation": "Ville test",
        "indicators": indicators,
        "scorecard": { "perspectives": perspectives, "objectives": objectives, "links": links }
    });
    match Workspace::from_json(&ws.to_string()) {
        Ok(ws) => ws,
        Err(e) => panic!("test workspace invalid: {e}"),
    }
}

/// A monthly measured indicator with values per month ("2025-01" -> value), linear progress
/// from baseline 0 to a fixed target of 100 by default (so score = value, capped at 100).
pub fn simple(id: &str, values: &[(&str, f64)]) -> Value {
    json!({
        "id": id, "name": id, "frequency": "monthly",
        "baseline": { "period": "2024-12", "value": 0.0 },
        "targets": [
            { "period": "2024", "value": 100.0 },
            { "period": "2025", "value": 100.0 },
            { "period": "2026", "value": 100.0 }
        ],
        "scoring": { "method": "linear_progress" },
        "measurements": values.iter().map(|(p, v)| json!({ "period": p, "value": v })).collect::<Vec<_>>()
    })
}

pub fn objective(id: &str, links: &[(&str, f64)], rollup: Value) -> Value {
    json!({
        "id": id, "name": id, "perspective": "persp",
        "indicators": links.iter().map(|(i, w)| json!({ "indicator": i, "weight": w })).collect::<Vec<_>>(),
        "rollup": rollup
    })
}

pub fn close(a: Option<f64>, b: f64) -> bool {
    a.is_some_and(|a| (a - b).abs() < 1e-9)
}

/// A date written `YYYY-MM-DD`.
pub fn day(s: &str) -> chrono::NaiveDate {
    s.parse().unwrap()
}

/// An amount of whole euros.
pub fn eur(n: i64) -> rust_decimal::Decimal {
    rust_decimal::Decimal::from(n)
}

/// An exact decimal written as text (`"1234.56"`).
pub fn dec(s: &str) -> rust_decimal::Decimal {
    s.parse().unwrap()
}

/// The problems of a workspace text that must not load (panics when it loads, or fails
/// otherwise than with problems).
pub fn load_problems(text: &str) -> Vec<pilotage::Problem> {
    match Workspace::from_json(text) {
        Err(pilotage::Error::Invalid(p)) => p.0,
        other => panic!("expected problems, got {other:?}"),
    }
}
