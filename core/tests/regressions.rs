//! Inputs that once broke an invariant (found by the fuzz targets of `fuzz/`, or by the
//! hostile-input review), kept in `fuzz/regressions/<target>/`. Each is run through the same
//! checks as its fuzz target, and its documented outcome is asserted. The fuzz targets also
//! read these folders as seeds.

// The checks fail the test that runs them, on purpose.
#![allow(clippy::panic, clippy::expect_used, clippy::unwrap_used)]

use std::path::PathBuf;

use pilotage::engine::expression::{Expr, MAX_LEN};
use pilotage::{Period, Workspace};

#[derive(Debug, Clone, Copy, PartialEq)]
enum Outcome {
    Ok,
    Err,
}

/// Every kept input, with its outcome and why it is kept.
const CASES: &[(&str, &str, Outcome)] = &[
    // Printed with a pair of parentheses per operation, the formula came back 65 levels deep
    // and was refused; printing now keeps only the parentheses the tree needs.
    ("expression_parse", "printed-too-deep-65-products", Outcome::Ok),
    // 2047 chained products: a tree 2047 levels deep whose evaluation overflowed a debug
    // test thread's stack; a formula now has at most 256 operators.
    ("expression_parse", "flat-2047-products-stack-overflow", Outcome::Err),
    // A 23-digit amount written as a JSON number reached rust_decimal as an f64 and loaded
    // as another amount; it is now refused with a request to write it as a string.
    ("workspace_load", "amount-23-digit-number-lost-digits.json", Outcome::Err),
    // A misspelt scorecard member (`link`) was silently dropped; it is now reported.
    ("workspace_load", "scorecard-unknown-member-dropped.json", Outcome::Err),
];

fn folder(target: &str) -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../fuzz/regressions").join(target)
}

/// The invariants of `fuzz/fuzz_targets/period_parse.rs`.
fn check_period(text: &str) -> Outcome {
    match text.parse::<Period>() {
        Err(_) => Outcome::Err,
        Ok(p) => {
            assert_eq!(p.to_string().parse::<Period>(), Ok(p));
            assert_eq!(Period::from_ordinal(p.frequency(), p.ordinal()), Ok(p));
            Outcome::Ok
        }
    }
}

/// The invariants of `fuzz/fuzz_targets/expression_parse.rs` (with every id worth its length).
fn check_expression(text: &str) -> Outcome {
    match Expr::parse(text) {
        Err(e) => {
            assert!(e.position >= 1);
            Outcome::Err
        }
        Ok(expr) => {
            let lookup = |id: &str| Some(id.len() as f64);
            let value = expr.eval(&lookup);
            if let Ok(v) = value {
                assert!(v.is_finite());
            }
            let printed = expr.to_string();
            if printed.chars().count() <= MAX_LEN {
                let again = Expr::parse(&printed).unwrap_or_else(|e| panic!("{printed:?}: {e}"));
                assert_eq!(again, expr);
                assert_eq!(again.eval(&lookup), value);
            }
            Outcome::Ok
        }
    }
}

/// The invariants of `fuzz/fuzz_targets/workspace_load.rs`.
fn check_workspace(text: &str) -> Outcome {
    let decoded_and_valid = Workspace::parse_json(text).map(|w| w.problems().is_empty());
    match Workspace::from_json(text) {
        Err(e) => {
            assert_ne!(decoded_and_valid, Ok(true));
            for p in e.problems() {
                assert!(!p.path.is_empty() && !p.message.is_empty());
            }
            Outcome::Err
        }
        Ok(ws) => {
            assert_eq!(decoded_and_valid, Ok(true));
            assert_eq!(Workspace::from_json(&ws.to_json().unwrap()), Ok(ws));
            Outcome::Ok
        }
    }
}

#[test]
fn every_kept_input_gives_its_documented_outcome() {
    for &(target, name, expected) in CASES {
        let bytes =
            std::fs::read(folder(target).join(name)).unwrap_or_else(|e| panic!("{target}/{name}: {e}"));
        // The expression target reads values after a NUL byte; the kept inputs have none.
        let text = String::from_utf8(bytes).unwrap_or_else(|e| panic!("{target}/{name}: {e}"));
        let outcome = match target {
            "period_parse" => check_period(&text),
            "expression_parse" => check_expression(&text),
            "workspace_load" => check_workspace(&text),
            other => panic!("unknown target {other}"),
        };
        assert_eq!(outcome, expected, "{target}/{name}");
    }
}

#[test]
fn every_file_in_the_regression_folders_is_listed() {
    // The phase-2 targets (evaluate_periods, csv_import, render_report) have found no crash
    // yet; a file kept for them must be listed (and given a checker above) all the same.
    let targets = [
        "period_parse",
        "expression_parse",
        "workspace_load",
        "evaluate_periods",
        "csv_import",
        "render_report",
    ];
    for target in targets {
        let Ok(entries) = std::fs::read_dir(folder(target)) else { continue };
        for entry in entries {
            let name = entry.unwrap().file_name().to_string_lossy().to_string();
            if name.starts_with('.') {
                continue;
            }
            assert!(
                CASES.iter().any(|&(t, n, _)| t == target && n == name),
                "fuzz/regressions/{target}/{name} is not listed in core/tests/regressions.rs"
            );
        }
    }
}

#[test]
fn the_amount_regression_names_the_path_and_asks_for_a_string() {
    let text =
        std::fs::read_to_string(folder("workspace_load").join("amount-23-digit-number-lost-digits.json"))
            .unwrap();
    let err = Workspace::from_json(&text).unwrap_err();
    let p = err.problems();
    assert_eq!(p.len(), 1, "{p:#?}");
    assert_eq!(p[0].path, "projects[p].planned_cost");
    assert!(p[0].message.contains("write it as a string"), "{}", p[0]);
}

#[test]
fn the_scorecard_regression_names_the_unknown_member() {
    let text =
        std::fs::read_to_string(folder("workspace_load").join("scorecard-unknown-member-dropped.json"))
            .unwrap();
    let err = Workspace::from_json(&text).unwrap_err();
    let p = err.problems();
    assert_eq!(p.len(), 1, "{p:#?}");
    assert_eq!(p[0].path, "scorecard.link");
}

/// #14: the overview's title named nothing ("Overview — " followed by nothing, as the report
/// adapter leaves the overview's title empty so that the report keeps its own heading); an
/// empty title now gives "Overview" alone, and a title is kept after the dash.
#[test]
fn the_overview_title_never_ends_with_a_dash() {
    use pilotage::report::adapter::overview_svg_for;

    use pilotage::locale::Locale;
    let ws = pilotage::sample::city();
    let q4: pilotage::Period = "2025-Q4".parse().unwrap();
    let svg = overview_svg_for(&ws, q4, Locale::En).unwrap();
    assert!(svg.contains("<title>Overview</title>"), "{}", &svg[..400]);
    let svg = overview_svg_for(&ws, q4, Locale::Fr).unwrap();
    assert!(svg.contains("<title>Vue d’ensemble</title>"), "{}", &svg[..400]);
    assert!(!svg.contains("— <"));
}

/// #14: an edit accepted what the file would refuse: `put_measurement` with NaN, infinity,
/// a period at another frequency, or a value that disagrees with its ratio (the Python
/// `add_measurement(nan)` and `add_measurements(df)` paths go through it). The same rules as
/// the whole-file validation now apply, with the path of the slot; nothing is stored.
#[test]
fn an_edit_refuses_what_the_file_would_refuse() {
    use pilotage::Measurement;
    let mut ws = pilotage::sample::city();
    let k = ws.indicators.iter().position(|i| i.id == "ind_absenteisme").unwrap();
    let before = ws.indicators[k].measurements.len();
    let monthly: Period = "2026-01".parse().unwrap();
    for (m, fragment) in [
        (Measurement::new(monthly, f64::NAN), "value: must be a finite number"),
        (Measurement::new(monthly, f64::INFINITY), "value: must be a finite number"),
        (
            Measurement::new("2026-Q1".parse().unwrap(), 0.05),
            "is quarterly but the indicator is measured monthly",
        ),
    ] {
        let err = ws.put_measurement("ind_absenteisme", m, false).unwrap_err();
        let text = err.to_string();
        assert!(text.contains(&format!("indicators[ind_absenteisme].measurements[{before}]")), "{text}");
        assert!(text.contains(fragment), "{text}");
        // and through the adder used by DataFrames
        let mut adder = ws.adder();
        let m = Measurement::new(monthly, f64::NAN);
        assert!(adder.put_measurement("ind_absenteisme", m, false).is_err());
    }
    assert_eq!(ws.indicators[k].measurements.len(), before, "nothing was stored");
    // a good one still goes in (a monthly absenteeism rate)
    let mut ok = Measurement::new(monthly, 0.05);
    ok.numerator = Some(50.0);
    ok.denominator = Some(1000.0);
    ws.put_measurement("ind_absenteisme", ok, false).unwrap();
    assert_eq!(ws.indicators[k].measurements.len(), before + 1);
}

/// #14: the setters of the organisation's identity apply the file's rules (a month 13, a
/// currency "eur" or a blank name made a workspace that failed to reopen); a refused value
/// leaves the field as it was, and only the field being set is checked.
#[test]
fn the_identity_setters_apply_the_file_rules() {
    let mut ws = Workspace::new("Romans");
    assert!(ws.set_fiscal_year_start_month(13).is_err());
    assert!(ws.set_currency("eur").is_err());
    assert!(ws.set_organisation(" ").is_err());
    assert_eq!(
        (ws.fiscal_year_start_month, ws.currency.as_str(), ws.organisation.as_str()),
        (1, "EUR", "Romans")
    );
    ws.set_fiscal_year_start_month(7).unwrap();
    ws.set_currency("CHF").unwrap();
    // an unnamed workspace can still change its currency: only the field set is checked
    let mut unnamed = Workspace::new("");
    unnamed.set_currency("CHF").unwrap();
    let err = unnamed.set_currency("chf").unwrap_err().to_string();
    assert!(err.contains("currency: \"chf\" is not an ISO 4217 code"), "{err}");
}
