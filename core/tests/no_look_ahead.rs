//! No look-ahead: a result for period P depends only on what is dated on or before P's end.
//!
//! For every period of the sample city (months, quarters, years) and of generated cities
//! (other seeds, a fiscal year starting in July, random sizes), the whole `Evaluation` and
//! the whole `Headline` computed on the full file equal, as JSON, those computed on the file
//! cut at the period's end (`Workspace::cut_at`: every record dated after it removed).
#![allow(clippy::unwrap_used)]

use pilotage::analytics::headline::{HeadlineOptions, headline};
use pilotage::sample::SampleSpec;
use pilotage::{Frequency, Period, Workspace, evaluate};
use proptest::prelude::*;
use serde_json::Value;

/// The first place two JSON values differ, as a path, with both sides.
fn first_difference(path: &str, a: &Value, b: &Value) -> Option<String> {
    match (a, b) {
        (Value::Object(x), Value::Object(y)) => {
            for (k, v) in x {
                let here = format!("{path}.{k}");
                match y.get(k) {
                    Some(w) => {
                        if let Some(d) = first_difference(&here, v, w) {
                            return Some(d);
                        }
                    }
                    None => return Some(format!("{here}: only in the full file")),
                }
            }
            y.keys().find(|k| !x.contains_key(*k)).map(|k| format!("{path}.{k}: only in the cut file"))
        }
        (Value::Array(x), Value::Array(y)) => {
            for (i, (v, w)) in x.iter().zip(y).enumerate() {
                // name the node rather than its index when there is one
                let name = v.get("id").and_then(Value::as_str).map_or(i.to_string(), str::to_string);
                if let Some(d) = first_difference(&format!("{path}[{name}]"), v, w) {
                    return Some(d);
                }
            }
            (x.len() != y.len()).then(|| format!("{path}: {} items in full, {} in cut", x.len(), y.len()))
        }
        _ => (a != b).then(|| format!("{path}: full {a} / cut {b}")),
    }
}

/// Compare period `p` on `ws` and on `ws` cut at p's end; `Err` names the first difference.
fn same_on_cut(ws: &Workspace, p: Period) -> Result<(), String> {
    let cut = ws.cut_at(p.end_date(ws.calendar()));
    let full_eval = serde_json::to_value(evaluate(ws, p).map_err(|e| e.to_string())?).unwrap();
    let cut_eval = serde_json::to_value(evaluate(&cut, p).map_err(|e| e.to_string())?).unwrap();
    if let Some(d) = first_difference("evaluation", &full_eval, &cut_eval) {
        return Err(format!("{p}: {d}"));
    }
    let full_h = serde_json::to_value(headline(ws, p, HeadlineOptions::default()).unwrap()).unwrap();
    let cut_h = serde_json::to_value(headline(&cut, p, HeadlineOptions::default()).unwrap()).unwrap();
    if let Some(d) = first_difference("headline", &full_h, &cut_h) {
        return Err(format!("{p}: {d}"));
    }
    Ok(())
}

fn periods(first_year: i32, last_year: i32, frequency: Frequency, step: usize) -> Vec<Period> {
    let (first, last) = match frequency {
        Frequency::Yearly => (Period::Year(first_year), Period::Year(last_year)),
        Frequency::Quarterly => (
            Period::Quarter { year: first_year, quarter: 1 },
            Period::Quarter { year: last_year, quarter: 4 },
        ),
        Frequency::Monthly => {
            (Period::Month { year: first_year, month: 1 }, Period::Month { year: last_year, month: 12 })
        }
    };
    first.through(last).step_by(step).collect()
}

#[test]
fn the_sample_city_never_reads_the_future() {
    let ws = pilotage::sample::city();
    let mut checked = 0;
    let mut failures = Vec::new();
    for (f, step) in [(Frequency::Quarterly, 1), (Frequency::Yearly, 1), (Frequency::Monthly, 5)] {
        for p in periods(2018, 2025, f, step) {
            checked += 1;
            if let Err(e) = same_on_cut(&ws, p) {
                failures.push(e);
            }
        }
    }
    assert!(
        failures.is_empty(),
        "{} of {checked} periods read the future:\n{}",
        failures.len(),
        failures.join("\n")
    );
    assert!(checked > 40);
}

#[test]
fn generated_cities_with_a_july_fiscal_year_never_read_the_future() {
    for seed in [3_u64, 2026] {
        let mut spec = SampleSpec::city();
        spec.seed = seed;
        spec.years = 3;
        spec.start_year = 2023;
        let mut ws = spec.generate().unwrap();
        ws.fiscal_year_start_month = 7;
        for p in periods(2023, 2025, Frequency::Quarterly, 1) {
            if let Err(e) = same_on_cut(&ws, p) {
                panic!("seed {seed}, fiscal July: {e}");
            }
        }
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 24, ..ProptestConfig::default() })]

    /// Random small cities, random sizes and a random period (month, quarter or year),
    /// including periods before the first record and after the last.
    #[test]
    fn random_cities_never_read_the_future(
        seed in any::<u64>(),
        projects in 0_usize..40,
        partners in 1_usize..20,
        commitments in 0_usize..40,
        fiscal in 1_u8..=12,
        which in 0_usize..3,
        offset in 0_i64..40,
    ) {
        let mut spec = SampleSpec::city();
        spec.seed = seed;
        spec.start_year = 2023;
        spec.years = 2;
        spec.projects = projects;
        spec.partners = partners;
        spec.commitments = commitments;
        let mut ws = spec.generate().unwrap();
        ws.fiscal_year_start_month = fiscal;
        let p = match which {
            0 => Period::Month { year: 2022, month: 1 }.offset(offset).unwrap(),
            1 => Period::Quarter { year: 2022, quarter: 1 }.offset(offset / 3).unwrap(),
            _ => Period::Year(2022).offset(offset / 12).unwrap(),
        };
        prop_assert!(same_on_cut(&ws, p).is_ok(), "{}", same_on_cut(&ws, p).unwrap_err());
    }
}
