//! The engine end to end: time aggregation, targets, roll-ups and missing-data policies,
//! weights that change, carry-forward, coverage, calculated and derived indicators,
//! suppression, trends, forecasts, the strategy map and explanations. Numbers by hand.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

mod common;

use common::*;
use pilotage::{
    Direction, Engine, Error, NodeKind, Status, TargetSource, Treatment, evaluate, evaluate_range, explain,
};
use serde_json::json;

fn months(values: &[f64]) -> Vec<(String, f64)> {
    values.iter().enumerate().map(|(i, v)| (format!("2025-{:02}", i + 1), *v)).collect()
}

fn simple_of(id: &str, values: &[(String, f64)]) -> serde_json::Value {
    let v: Vec<(&str, f64)> = values.iter().map(|(p, v)| (p.as_str(), *v)).collect();
    simple(id, &v)
}

#[test]
fn time_aggregation_of_months_into_a_quarter_with_a_missing_month() {
    // January 40, February missing, March 10
    for (agg, expected) in [("sum", 50.0), ("mean", 25.0), ("last", 10.0), ("min", 10.0), ("max", 40.0)] {
        let mut ind = simple("a", &[("2025-01", 40.0), ("2025-03", 10.0)]);
        ind["aggregation"] = json!(agg);
        let ws = workspace(json!([objective("o", &[("a", 1.0)], json!({}))]), json!([ind]));
        let e = evaluate(&ws, p("2025-Q1")).unwrap();
        let a = e.node("a").unwrap();
        assert!(close(a.value, expected), "{agg}: {:?}", a.value);
        // linear progress from 0 to 100: the score is the value
        assert!(close(a.score, expected), "{agg}");
        let agg_used = a.explanation.time_aggregation.as_ref().unwrap();
        assert_eq!(agg_used.periods, vec![p("2025-01"), p("2025-02"), p("2025-03")]);
        assert_eq!(agg_used.present, vec![p("2025-01"), p("2025-03")]);
        // coverage of an indicator: 2 of its 3 months
        assert!((a.coverage - 2.0 / 3.0).abs() < 1e-12);
    }
}

#[test]
fn ratio_of_sums_sums_numerators_and_denominators() {
    // absenteeism: Jan 1 day lost / 10 worked, Feb 9 / 30; the quarter is (1 + 9) / (10 + 30) = 0.25,
    // not the mean of ratios (0.1 + 0.3) / 2 = 0.2
    let ind = json!({
        "id": "abs", "name": "Absenteeism", "frequency": "monthly", "aggregation": "ratio_of_sums",
        "polarity": "lower_is_better",
        "targets": [{ "period": "2025-Q1", "value": 0.2 }],
        "scoring": { "method": "ratio_to_target" },
        "measurements": [
            { "period": "2025-01", "numerator": 1.0, "denominator": 10.0 },
            { "period": "2025-02", "numerator": 9.0, "denominator": 30.0 }
        ]
    });
    let ws = workspace(json!([objective("o", &[("abs", 1.0)], json!({}))]), json!([ind]));
    let e = evaluate(&ws, p("2025-Q1")).unwrap();
    let a = e.node("abs").unwrap();
    assert!(close(a.value, 0.25));
    // lower is better: 100 * 0.2 / 0.25 = 80
    assert!(close(a.score, 80.0));
    // 0.25 is above the 0.2 target (lower is better): not met, so not green; 80 is from the
    // amber cut-off 33.3 of the ratio's default cut-offs (green from 100)
    assert_eq!(a.status, Status::Amber);
    assert_eq!(a.explanation.inputs[1].numerator, Some(9.0));
    assert_eq!(a.explanation.inputs[1].denominator, Some(30.0));
    assert_eq!(a.explanation.target.unwrap().source, TargetSource::Explicit { period: p("2025-Q1") });
}

#[test]
fn a_yearly_survey_in_a_quarterly_report_uses_the_latest_year_ended() {
    let ind = json!({
        "id": "survey", "name": "Staff survey", "frequency": "yearly",
        "targets": [{ "period": "2024", "value": 80.0 }, { "period": "2025", "value": 80.0 }],
        "scoring": { "method": "ratio_to_target" },
        "measurements": [{ "period": "2024", "value": 60.0 }]
    });
    let ws = workspace(json!([objective("o", &[("survey", 1.0)], json!({}))]), json!([ind]));
    let all = evaluate_range(&ws, p("2024-Q3"), p("2025-Q4")).unwrap();
    let values: Vec<Option<f64>> = all.iter().map(|e| e.node("survey").unwrap().value).collect();
    // 2024-Q3 ends before the 2024 survey ended (it would need 2023): no data;
    // 2024-Q4 .. 2025-Q3 use 2024; 2025-Q4 needs the 2025 survey, which is missing
    assert_eq!(values, vec![None, Some(60.0), Some(60.0), Some(60.0), Some(60.0), None]);
    let q2 = all[3].node("survey").unwrap();
    assert_eq!(q2.explanation.time_aggregation.as_ref().unwrap().present, vec![p("2024")]);
    // 100 * 60 / 80 = 75 against the target of 2024, the year the value comes from (never
    // against the target of 2025, the year that contains the quarter)
    assert!(close(q2.score, 75.0));
    assert_eq!(q2.explanation.target.unwrap().source, TargetSource::Explicit { period: p("2024") });
    assert_eq!(q2.explanation.value_period, Some(p("2024")));
    let q4 = all[5].node("survey").unwrap();
    assert_eq!(q4.status, Status::NoData);
    assert_eq!(q4.explanation.reasons, vec![pilotage::Reason::NoMeasurement { periods: vec![p("2025")] }]);
    assert_eq!(q4.explanation.reasons[0].to_string(), "no measurement in 2025");
}

#[test]
fn targets_from_a_trajectory_are_reported_with_their_origin() {
    let ind = json!({
        "id": "a", "name": "a", "frequency": "monthly",
        "trajectory": { "from": { "period": "2024-12", "value": 0.0 }, "to": { "period": "2025-12", "value": 120.0 } },
        "scoring": { "method": "linear_progress" },
        "measurements": [{ "period": "2025-03", "value": 15.0 }]
    });
    let ws = workspace(json!([objective("o", &[("a", 1.0)], json!({}))]), json!([ind]));
    let a = evaluate(&ws, p("2025-03")).unwrap().node("a").unwrap().clone();
    // 3 months of 12 on the way from 0 to 120: target 30; baseline = trajectory start 0;
    // 100 * (15 - 0) / (30 - 0) = 50
    assert!(close(a.target, 30.0));
    assert!(close(a.score, 50.0));
    assert!(matches!(a.explanation.target.unwrap().source, TargetSource::Trajectory { .. }));
    assert_eq!(a.explanation.baseline.unwrap().value, 0.0);
    assert_eq!(
        a.explanation.formula.as_ref().map(|f| f.to_string()).as_deref(),
        Some("100 * (15 - 0) / (30 - 0), capped at 100, floored at 0 = 50")
    );
}

fn two_children(rollup: serde_json::Value) -> pilotage::Workspace {
    // a = 40 with weight 2, b = 90 with weight 1
    workspace(
        json!([objective("o", &[("a", 2.0), ("b", 1.0)], rollup)]),
        json!([simple("a", &[("2025-01", 40.0)]), simple("b", &[("2025-01", 90.0)])]),
    )
}

#[test]
fn roll_up_methods() {
    // weighted mean: (2 * 40 + 1 * 90) / 3 = 170 / 3
    let e = evaluate(&two_children(json!({})), p("2025-01")).unwrap();
    let o = e.node("o").unwrap();
    assert!(close(o.score, 170.0 / 3.0));
    let formula = o.explanation.formula.as_ref().unwrap();
    assert_eq!(formula.to_string(), "(2 * 40 + 1 * 90) / 3 = 56.6667");
    assert_eq!(formula.result(), o.score);
    assert!((o.explanation.children[0].effective_weight - 2.0 / 3.0).abs() < 1e-12);
    // the perspective and the root have one child each: same score
    assert!(close(e.node("persp").unwrap().score, 170.0 / 3.0));
    assert!(close(e.node("scorecard").unwrap().score, 170.0 / 3.0));
    // geometric: (40^2 * 90)^(1/3) = 144000^(1/3)
    let e =
        evaluate(&two_children(json!({ "aggregation": "weighted_geometric_mean" })), p("2025-01")).unwrap();
    assert!(close(e.node("o").unwrap().score, 144000f64.powf(1.0 / 3.0)));
    // worst: 40
    let e = evaluate(&two_children(json!({ "aggregation": "worst" })), p("2025-01")).unwrap();
    let o = e.node("o").unwrap();
    assert!(close(o.score, 40.0));
    assert_eq!(o.explanation.children[0].effective_weight, 1.0);
    assert_eq!(o.explanation.children[1].effective_weight, 0.0);
    // geometric with a zero child: 0 (no compensation)
    let ws = workspace(
        json!([objective(
            "o",
            &[("a", 1.0), ("b", 1.0)],
            json!({ "aggregation": "weighted_geometric_mean" })
        )]),
        json!([simple("a", &[("2025-01", 0.0)]), simple("b", &[("2025-01", 90.0)])]),
    );
    assert!(close(evaluate(&ws, p("2025-01")).unwrap().node("o").unwrap().score, 0.0));
}

fn three_children(rollup: serde_json::Value) -> pilotage::Workspace {
    // a = 40 (weight 2), b missing (weight 1), c = 90 (weight 1)
    workspace(
        json!([objective("o", &[("a", 2.0), ("b", 1.0), ("c", 1.0)], rollup)]),
        json!([simple("a", &[("2025-01", 40.0)]), simple("b", &[]), simple("c", &[("2025-01", 90.0)])]),
    )
}

#[test]
fn missing_data_policies_and_coverage() {
    // exclude and rescale: (2 * 40 + 1 * 90) / 3 = 56.667; coverage (2 + 1) / 4 = 0.75
    let e = evaluate(&three_children(json!({})), p("2025-01")).unwrap();
    let o = e.node("o").unwrap();
    assert!(close(o.score, 170.0 / 3.0));
    assert!((o.coverage - 0.75).abs() < 1e-12);
    assert_eq!(o.explanation.children[1].treatment, Treatment::Excluded);
    assert_eq!(o.explanation.children[1].effective_weight, 0.0);
    assert!((o.explanation.children[2].effective_weight - 1.0 / 3.0).abs() < 1e-12);
    // zero: (2 * 40 + 1 * 0 + 1 * 90) / 4 = 42.5; coverage still 0.75 (a zero is not data)
    let e = evaluate(&three_children(json!({ "missing": "zero" })), p("2025-01")).unwrap();
    let o = e.node("o").unwrap();
    assert!(close(o.score, 42.5));
    assert!((o.coverage - 0.75).abs() < 1e-12);
    assert_eq!(o.explanation.children[1].treatment, Treatment::CountedAsZero);
    // no data: one child missing makes the parent no data, never a red
    let e = evaluate(&three_children(json!({ "missing": "no_data" })), p("2025-01")).unwrap();
    let o = e.node("o").unwrap();
    assert_eq!((o.score, o.status), (None, Status::NoData));
    assert_eq!(o.explanation.children[1].treatment, Treatment::MakesParentNoData);
    // and so are its parents (their only child has no data)
    assert_eq!(e.node("scorecard").unwrap().status, Status::NoData);
    // minimum coverage 0.8 > 0.75: no data with the reason
    let e = evaluate(&three_children(json!({ "min_coverage": 0.8 })), p("2025-01")).unwrap();
    let o = e.node("o").unwrap();
    assert_eq!(o.status, Status::NoData);
    assert_eq!(o.explanation.reasons, vec![pilotage::Reason::BelowMinCoverage { coverage: 0.75, min: 0.8 }]);
    assert_eq!(o.explanation.reasons[0].to_string(), "coverage 0.75 is below the minimum coverage 0.8");
    // 0.75 exactly is enough
    let e = evaluate(&three_children(json!({ "min_coverage": 0.75 })), p("2025-01")).unwrap();
    assert!(close(e.node("o").unwrap().score, 170.0 / 3.0));
}

#[test]
fn all_children_missing_is_no_data_under_every_policy() {
    for policy in
        [json!("exclude"), json!("zero"), json!("no_data"), json!({ "carry_forward": { "max_periods": 3 } })]
    {
        let ws = workspace(
            json!([objective("o", &[("a", 1.0), ("b", 1.0)], json!({ "missing": policy }))]),
            json!([simple("a", &[]), simple("b", &[("2024-01", 50.0)])]),
        );
        let e = evaluate(&ws, p("2025-01")).unwrap();
        let o = e.node("o").unwrap();
        assert_eq!((o.score, o.status, o.coverage), (None, Status::NoData, 0.0), "{policy}");
        assert_eq!(e.node("scorecard").unwrap().status, Status::NoData);
    }
}

#[test]
fn carry_forward_expires_after_n_periods() {
    // a = 40 every month; b = 80 in January only; carry forward at most 2 periods
    let ws = workspace(
        json!([objective(
            "o",
            &[("a", 1.0), ("b", 1.0)],
            json!({ "missing": { "carry_forward": { "max_periods": 2 } } })
        )]),
        json!([simple_of("a", &months(&[40.0, 40.0, 40.0, 40.0])), simple("b", &[("2025-01", 80.0)])]),
    );
    let all = evaluate_range(&ws, p("2025-01"), p("2025-04")).unwrap();
    let scores: Vec<Option<f64>> = all.iter().map(|e| e.node("o").unwrap().score).collect();
    // Jan (40 + 80) / 2 = 60; Feb and Mar carry 80 (1 and 2 back): 60; Apr: 3 back, expired -> 40
    assert_eq!(scores, vec![Some(60.0), Some(60.0), Some(60.0), Some(40.0)]);
    let mar = &all[2].node("o").unwrap().explanation.children[1];
    assert_eq!(mar.treatment, Treatment::CarriedForward { age: 2 });
    assert_eq!((mar.carried_score, mar.carried_from), (Some(80.0), Some(p("2025-01"))));
    assert_eq!(all[3].node("o").unwrap().explanation.children[1].treatment, Treatment::Excluded);
    // carried children count as covered, expired ones not
    assert_eq!(all[2].node("o").unwrap().coverage, 1.0);
    assert_eq!(all[3].node("o").unwrap().coverage, 0.5);
    // the same for a single evaluation (history is seen)
    assert_eq!(evaluate(&ws, p("2025-03")).unwrap().node("o").unwrap().score, Some(60.0));
}

#[test]
fn a_weight_change_in_the_middle_of_a_range() {
    // a = 40 weighs 1 until February, 3 from March; b = 90 weighs 1
    let mut o = objective("o", &[("a", 1.0), ("b", 1.0)], json!({}));
    o["indicators"][0]["weight"] =
        json!([{ "from": "2025-01", "weight": 1.0 }, { "from": "2025-03", "weight": 3.0 }]);
    let ws = workspace(
        json!([o]),
        json!([simple_of("a", &months(&[40.0; 4])), simple_of("b", &months(&[90.0; 4]))]),
    );
    let all = evaluate_range(&ws, p("2025-01"), p("2025-04")).unwrap();
    let scores: Vec<Option<f64>> = all.iter().map(|e| e.node("o").unwrap().score).collect();
    // Jan, Feb: (40 + 90) / 2 = 65; Mar, Apr: (3 * 40 + 90) / 4 = 52.5
    assert_eq!(scores, vec![Some(65.0), Some(65.0), Some(52.5), Some(52.5)]);
    let weights: Vec<f64> =
        all.iter().map(|e| e.node("o").unwrap().explanation.children[0].raw_weight).collect();
    assert_eq!(weights, vec![1.0, 1.0, 3.0, 3.0]);
    assert_eq!(all[2].node("o").unwrap().explanation.children[0].effective_weight, 0.75);
    // the quarterly report uses the weight in force at the quarter's start (1): 2025-Q2 starts after the change
    let q2 = evaluate(&ws, p("2025-Q2")).unwrap();
    assert_eq!(q2.node("o").unwrap().explanation.children[0].raw_weight, 3.0);
}

#[test]
fn a_suppressed_value_appears_nowhere() {
    // the February survey of a team of 3 (minimum 5) reads 123.456: it must not leak
    let mut staff = simple("staff", &[("2025-01", 70.0), ("2025-03", 75.0)]);
    staff["min_group_size"] = json!(5);
    staff["measurements"] = json!([
        { "period": "2025-01", "value": 70.0, "respondents": 12 },
        { "period": "2025-02", "value": 123.456, "respondents": 3 },
        { "period": "2025-03", "value": 75.0, "respondents": 11 }
    ]);
    let calc = json!({
        "id": "double", "name": "double", "frequency": "monthly",
        "source": { "kind": "calculated", "expression": "2 * staff" },
        "targets": [{ "period": "2025", "value": 200.0 }], "scoring": { "method": "ratio_to_target" }
    });
    let ws = workspace(
        json!([objective("o", &[("staff", 1.0), ("other", 1.0), ("double", 1.0)], json!({}))]),
        json!([staff, simple_of("other", &months(&[50.0, 50.0, 50.0, 50.0])), calc]),
    );
    let feb = evaluate(&ws, p("2025-02")).unwrap();
    let s = feb.node("staff").unwrap();
    assert_eq!((s.status, s.value, s.score), (Status::Suppressed, None, None));
    assert!(s.explanation.inputs.iter().all(|i| i.value.is_none() && i.suppressed));
    assert_eq!(feb.node("double").unwrap().status, Status::Suppressed);
    // the parent counts both as missing: only "other" remains, 50
    let o = feb.node("o").unwrap();
    assert!(close(o.score, 50.0));
    assert!((o.coverage - 1.0 / 3.0).abs() < 1e-12);
    let mut outputs = vec![serde_json::to_string(&feb).unwrap()];
    for n in &feb.nodes {
        outputs.push(explain(&feb, &n.id).unwrap());
    }
    for e in evaluate_range(&ws, p("2025-01"), p("2025-04")).unwrap() {
        outputs.push(serde_json::to_string(&e).unwrap());
    }
    let q1 = evaluate(&ws, p("2025-Q1")).unwrap();
    assert_eq!(q1.node("staff").unwrap().status, Status::Suppressed);
    outputs.push(serde_json::to_string(&q1).unwrap());
    outputs.push(serde_json::to_string(&evaluate(&ws, p("2025")).unwrap()).unwrap());
    for out in &outputs {
        assert!(!out.contains("123.456") && !out.contains("246.912"), "leak in {out}");
    }
    // March is readable again, and its trend does not use February
    let mar = evaluate(&ws, p("2025-03")).unwrap();
    let s = mar.node("staff").unwrap();
    assert!(close(s.value, 75.0));
    assert_eq!(s.trend.previous_score, None);
}

#[test]
fn calculated_indicators_and_division_by_zero() {
    let calc = json!({
        "id": "rate", "name": "rate", "frequency": "monthly",
        "source": { "kind": "calculated", "expression": "100 * received / signed" },
        "targets": [{ "period": "2025", "value": 50.0 }], "scoring": { "method": "ratio_to_target" }
    });
    let ws = workspace(
        json!([objective("o", &[("rate", 1.0)], json!({}))]),
        json!([
            calc,
            simple_of("received", &months(&[30.0, 10.0])),
            simple("signed", &[("2025-01", 120.0), ("2025-02", 0.0)])
        ]),
    );
    let all = evaluate_range(&ws, p("2025-01"), p("2025-03")).unwrap();
    // January: 100 * 30 / 120 = 25; ratio to target 50: 100 * 25 / 50 = 50
    let jan = all[0].node("rate").unwrap();
    assert!(close(jan.value, 25.0));
    assert!(close(jan.score, 50.0));
    match &jan.explanation.source {
        Some(pilotage::SourceUsed::Calculated { substituted, .. }) => {
            assert_eq!(substituted.as_ref().map(|f| f.to_string()).as_deref(), Some("100 * 30 / 120 = 25"))
        }
        other => panic!("{other:?}"),
    }
    // February: division by zero -> no data with the reason, never infinity
    let feb = all[1].node("rate").unwrap();
    assert_eq!((feb.value, feb.status), (None, Status::NoData));
    assert!(
        matches!(&feb.explanation.reasons[0], pilotage::Reason::DivisionByZero { .. }),
        "{:?}",
        feb.explanation.reasons
    );
    // March: inputs missing
    let mar = all[2].node("rate").unwrap();
    assert_eq!(mar.status, Status::NoData);
    assert!(matches!(&mar.explanation.reasons[0], pilotage::Reason::InputMissing { .. }));
    assert!(mar.explanation.reasons[0].to_string().contains("has no value"));
}

#[test]
fn derived_indicators_take_the_metric_series_and_its_detail() {
    let ind = json!({
        "id": "caseload", "name": "Active caseload", "frequency": "monthly",
        "source": { "kind": "derived", "metric": "active_caseload" },
        "targets": [{ "period": "2025", "value": 100.0 }], "scoring": { "method": "ratio_to_target" }
    });
    let ws = workspace(json!([objective("o", &[("caseload", 1.0)], json!({}))]), json!([ind]));
    let e = evaluate(&ws, p("2025-03")).unwrap();
    let n = e.node("caseload").unwrap();
    let point = &pilotage::engine::derived::series(&ws, pilotage::Metric::ActiveCaseload, &[p("2025-03")])[0];
    assert_eq!(n.value, point.value);
    match &n.explanation.source {
        Some(pilotage::SourceUsed::Derived { basis, records, .. }) => {
            assert_eq!(basis, &point.basis);
            assert_eq!(records, &point.records);
        }
        other => panic!("{other:?}"),
    }
    if point.value.is_none() {
        assert_eq!(n.status, Status::NoData);
        assert_eq!(
            n.explanation.reasons,
            vec![pilotage::Reason::Derived {
                metric: pilotage::Metric::ActiveCaseload,
                period: point.period,
                basis: point.basis
            }]
        );
    }
}

#[test]
fn trends_against_last_period_and_last_year() {
    let ws = workspace(
        json!([objective("o", &[("a", 1.0)], json!({}))]),
        json!([simple("a", &[("2024-03", 20.0), ("2025-01", 40.0), ("2025-02", 50.0), ("2025-03", 49.0)])]),
    );
    let all = evaluate_range(&ws, p("2025-02"), p("2025-03")).unwrap();
    let feb = all[0].node("a").unwrap().trend;
    // 50 - 40 = +10 > 2 points: improving
    assert_eq!(
        (feb.previous_score, feb.change, feb.direction),
        (Some(40.0), Some(10.0), Direction::Improving)
    );
    let mar = all[1].node("a").unwrap().trend;
    // 49 - 50 = -1, within the 2-point tolerance: stable; against March 2024: 49 - 20 = 29
    assert_eq!((mar.change, mar.direction), (Some(-1.0), Direction::Stable));
    assert_eq!((mar.year_ago_score, mar.year_change), (Some(20.0), Some(29.0)));
    // lower is better: a lead time falling from 60 to 45 days raises the score: improving
    let lead = json!({
        "id": "lead", "name": "lead", "frequency": "monthly", "polarity": "lower_is_better",
        "baseline": { "period": "2024-12", "value": 90.0 },
        "targets": [{ "period": "2025", "value": 30.0 }],
        "scoring": { "method": "linear_progress" },
        "measurements": [{ "period": "2025-01", "value": 60.0 }, { "period": "2025-02", "value": 45.0 }]
    });
    let ws = workspace(json!([objective("o", &[("lead", 1.0)], json!({}))]), json!([lead]));
    let feb = evaluate(&ws, p("2025-02")).unwrap();
    let t = feb.node("lead").unwrap().trend;
    // scores 100 * (60 - 90) / (30 - 90) = 50, then 100 * (45 - 90) / (30 - 90) = 75
    assert_eq!((t.previous_score, t.change, t.direction), (Some(50.0), Some(25.0), Direction::Improving));
}

#[test]
fn forecast_to_the_target_date() {
    let ind = |target: f64| {
        json!({
            "id": "a", "name": "a", "frequency": "monthly",
            "trajectory": { "from": { "period": "2024-12", "value": 0.0 }, "to": { "period": "2025-06", "value": target } },
            "scoring": { "method": "linear_progress" },
            "measurements": [
                { "period": "2025-01", "value": 10.0 }, { "period": "2025-02", "value": 20.0 }, { "period": "2025-03", "value": 30.0 }
            ]
        })
    };
    // the line through (Jan 10, Feb 20, Mar 30) is 10 per month: June -> 60
    let ws = workspace(json!([objective("o", &[("a", 1.0)], json!({}))]), json!([ind(60.0)]));
    let f = evaluate(&ws, p("2025-03")).unwrap().node("a").unwrap().forecast.unwrap();
    assert_eq!((f.target_period, f.target, f.points), (p("2025-06"), 60.0, 3));
    assert!(close(f.projected, 60.0));
    assert!(close(f.slope, 10.0));
    assert_eq!(f.on_track, Some(true));
    let ws = workspace(json!([objective("o", &[("a", 1.0)], json!({}))]), json!([ind(70.0)]));
    let f = evaluate(&ws, p("2025-03")).unwrap().node("a").unwrap().forecast.unwrap();
    assert_eq!(f.on_track, Some(false));
    // after the target date there is nothing to forecast
    assert_eq!(evaluate(&ws, p("2025-07")).unwrap().node("a").unwrap().forecast, None);
}

/// A forecast never speaks of a period that has its actual: the target period 2025-03 with
/// its value 30 (target 60: the line would say "off track", the actual already says it).
#[test]
fn no_forecast_for_a_period_with_its_actual() {
    let ind = |to: &str, values: serde_json::Value| {
        json!({
            "id": "a", "name": "a", "frequency": "monthly",
            "trajectory": { "from": { "period": "2024-12", "value": 0.0 }, "to": { "period": to, "value": 30.0 } },
            "scoring": { "method": "linear_progress" },
            "measurements": values
        })
    };
    let three = json!([
        { "period": "2025-01", "value": 10.0 }, { "period": "2025-02", "value": 20.0 }, { "period": "2025-03", "value": 30.0 }
    ]);
    let ws = workspace(json!([objective("o", &[("a", 1.0)], json!({}))]), json!([ind("2025-03", three)]));
    let march = evaluate(&ws, p("2025-03")).unwrap();
    let a = march.node("a").unwrap();
    // the actual 30 meets the target 30 (trajectory end): green, and no forecast beside it
    assert_eq!((a.value, a.status, &a.forecast), (Some(30.0), Status::Green, &None));
    // in February the target period (March) has no actual yet: the line through (Jan 10,
    // Feb 20) is 10 per month, so March -> 30, on track
    let feb = evaluate(&ws, p("2025-02")).unwrap();
    let f = feb.node("a").unwrap().forecast.unwrap();
    assert_eq!((f.target_period, f.points, f.on_track), (p("2025-03"), 2, Some(true)));
    assert!(close(f.projected, 30.0));
    // the target period without its actual (March missing): the forecast is given, from
    // January and February (10 per month: 30)
    let two = json!([{ "period": "2025-01", "value": 10.0 }, { "period": "2025-02", "value": 20.0 }]);
    let ws = workspace(json!([objective("o", &[("a", 1.0)], json!({}))]), json!([ind("2025-03", two)]));
    let march = evaluate(&ws, p("2025-03")).unwrap();
    let f = march.node("a").unwrap().forecast.unwrap();
    assert_eq!((f.target_period, f.points), (p("2025-03"), 2));
    assert!(close(f.projected, 30.0));
}

#[test]
fn strategy_map_correlation_with_lag() {
    // cause scores 10, 20, 30, 50, 40, 60, 70 (Jan..Jul); effect follows one month later
    let cause = [10.0, 20.0, 30.0, 50.0, 40.0, 60.0, 70.0, 70.0];
    let effect = [5.0, 10.0, 20.0, 30.0, 50.0, 40.0, 60.0, 70.0];
    let ws = workspace_with(
        json!([{ "id": "persp", "name": "P" }]),
        json!([
            objective("cause", &[("c", 1.0)], json!({})),
            objective("effect", &[("e", 1.0)], json!({})),
            objective("other", &[("e", 1.0)], json!({}))
        ]),
        json!([simple_of("c", &months(&cause)), simple_of("e", &months(&effect))]),
        json!([{ "from": "cause", "to": "effect", "lag": 1 }, { "from": "cause", "to": "other", "sign": "negative" }]),
    );
    let aug = evaluate(&ws, p("2025-08")).unwrap();
    // pairs cause[s], effect[s+1] for s = Jan..Jul: 7 pairs, identical series: r = 1
    let l = &aug.links[0];
    assert_eq!((l.pairs, l.enough_data, l.agrees), (7, true, Some(true)));
    assert!((l.correlation.unwrap() - 1.0).abs() < 1e-12);
    // a link without lag that expects a negative sign: the series rise together, so it disagrees
    assert_eq!(aug.links[1].agrees, Some(false));
    // in April only 3 lagged pairs: not enough data (minimum 6)
    let apr = evaluate(&ws, p("2025-04")).unwrap();
    assert_eq!((apr.links[0].pairs, apr.links[0].enough_data, apr.links[0].correlation), (3, false, None));
}

#[test]
fn explain_says_why_a_node_is_red() {
    let lead = json!({
        "id": "lead", "name": "Instruction lead time", "unit": "days", "frequency": "monthly",
        "polarity": "lower_is_better",
        "baseline": { "period": "2024-12", "value": 120.0 },
        "targets": [{ "period": "2025-03", "value": 30.0 }],
        "scoring": { "method": "linear_progress" },
        "measurements": [{ "period": "2025-03", "value": 100.0 }]
    });
    let ws = workspace(json!([objective("o", &[("lead", 1.0)], json!({}))]), json!([lead]));
    let e = evaluate(&ws, p("2025-03")).unwrap();
    let n = e.node("lead").unwrap();
    // 100 * (100 - 120) / (30 - 120) = 22.2222: red below 33.3333
    assert_eq!(n.status, Status::Red);
    let text = explain(&e, "lead").unwrap();
    assert!(text.contains("score 22.2222, red"), "{text}");
    assert!(text.contains("red: score 22.2222 is below the amber cut-off 33.3333"), "{text}");
    assert!(
        text.contains("value 100 days; target 30 (explicit for 2025-03); baseline 120 (2024-12)"),
        "{text}"
    );
    assert!(text.contains("100 * (100 - 120) / (30 - 120)"), "{text}");
    assert!(explain(&e, "o").unwrap().contains("lead w 1 -> 100%: 22.2222 (red)"));
    assert!(matches!(explain(&e, "nope"), Err(Error::NotFound { .. })));
}

#[test]
fn node_order_kinds_and_parents() {
    let ws = workspace_with(
        json!([{ "id": "p1", "name": "P1" }, { "id": "p2", "name": "P2" }]),
        json!([
            { "id": "o1", "name": "O1", "perspective": "p2", "indicators": [{ "indicator": "x" }] },
            { "id": "o2", "name": "O2", "perspective": "p1", "indicators": [{ "indicator": "x" }, { "indicator": "y" }] }
        ]),
        json!([simple("y", &[]), simple("x", &[("2025-01", 50.0)])]),
        json!([]),
    );
    let e = evaluate(&ws, p("2025-01")).unwrap();
    let ids: Vec<&str> = e.nodes.iter().map(|n| n.id.as_str()).collect();
    assert_eq!(ids, vec!["scorecard", "p1", "p2", "o1", "o2", "y", "x"]);
    let kinds: Vec<NodeKind> = e.nodes.iter().map(|n| n.kind).collect();
    assert_eq!(kinds[0], NodeKind::Scorecard);
    assert_eq!(kinds[6], NodeKind::Indicator);
    assert_eq!(e.node("x").unwrap().parents, vec!["o1".to_string(), "o2".to_string()]);
    assert_eq!(e.node("o1").unwrap().parents, vec!["p2".to_string()]);
    let engine = Engine::new(&ws).unwrap();
    assert_eq!(engine.node_ids(), ids);
    let table = engine.score_table(p("2025-01"), p("2025-02")).unwrap();
    let x = engine.node_index("x").unwrap();
    assert_eq!((table.score(x, 0), table.status(x, 1)), (Some(50.0), Status::NoData));
}

#[test]
fn bad_ranges_are_typed_errors() {
    let ws = two_children(json!({}));
    assert!(matches!(evaluate_range(&ws, p("2025-02"), p("2025-01")), Err(Error::Argument { .. })));
    assert!(matches!(evaluate_range(&ws, p("2025-01"), p("2025-Q1")), Err(Error::Argument { .. })));
}

#[test]
fn an_evaluation_reads_back_from_its_json() {
    let ws = three_children(json!({ "missing": { "carry_forward": { "max_periods": 1 } } }));
    let e = evaluate(&ws, p("2025-Q1")).unwrap();
    let text = serde_json::to_string(&e).unwrap();
    let back: pilotage::Evaluation = serde_json::from_str(&text).unwrap();
    assert_eq!(back, e);
    assert_eq!(serde_json::to_string(&back).unwrap(), text);
}

#[test]
fn invalid_weights_are_refused_when_compiling() {
    let mut ws = two_children(json!({}));
    ws.scorecard.objectives[0].indicators[0].weight = pilotage::Weight::Fixed(-1.0);
    match Engine::new(&ws) {
        Err(Error::Invalid(problems)) => {
            assert_eq!(problems.0[0].path, "scorecard.objectives[o].indicators[0].weight");
        }
        other => panic!("{other:?}"),
    }
}

#[test]
fn goal_red_flag_reports_its_native_score() {
    let ind = json!({
        "id": "a", "name": "a", "frequency": "monthly",
        "scoring": { "method": "goal_red_flag", "goal": 80.0, "red_flag": 50.0 },
        "measurements": [{ "period": "2025-01", "value": 65.0 }]
    });
    let ws = workspace(json!([objective("o", &[("a", 1.0)], json!({}))]), json!([ind]));
    let a = evaluate(&ws, p("2025-01")).unwrap().node("a").unwrap().clone();
    // 10/3 * ((65 - 50) / (80 - 50) + 1) = 5 on 0-10, 50 on 0-100: amber
    assert!(close(a.native_score, 5.0));
    assert!(close(a.score, 50.0));
    assert_eq!(a.status, Status::Amber);
}

#[test]
fn a_fiscal_year_starting_in_april_sums_april_to_march() {
    let mut ws = workspace(
        json!([objective("o", &[("a", 1.0)], json!({}))]),
        json!([{
            "id": "a", "name": "a", "frequency": "monthly", "aggregation": "sum",
            "targets": [{ "period": "2025", "value": 40.0 }],
            "scoring": { "method": "ratio_to_target" },
            "measurements": [
                { "period": "2025-03", "value": 1000.0 },
                { "period": "2025-04", "value": 10.0 },
                { "period": "2026-03", "value": 20.0 },
                { "period": "2026-04", "value": 1000.0 }
            ]
        }]),
    );
    ws.fiscal_year_start_month = 4;
    let fy = evaluate(&ws, p("2025")).unwrap();
    let a = fy.node("a").unwrap();
    // fiscal 2025 = April 2025 .. March 2026: 10 + 20 = 30; 100 * 30 / 40 = 75
    assert!(close(a.value, 30.0));
    assert!(close(a.score, 75.0));
    assert_eq!(a.explanation.time_aggregation.as_ref().unwrap().periods.len(), 12);
    // fiscal 2025-Q1 is April to June 2025: 10
    assert!(close(evaluate(&ws, p("2025-Q1")).unwrap().node("a").unwrap().value, 10.0));
}

#[test]
fn a_quarterly_indicator_in_a_monthly_report_waits_for_the_quarter_to_end() {
    let ind = json!({
        "id": "q", "name": "q", "frequency": "quarterly",
        "targets": [{ "period": "2025", "value": 100.0 }],
        "scoring": { "method": "ratio_to_target" },
        "measurements": [{ "period": "2024-Q4", "value": 40.0 }, { "period": "2025-Q1", "value": 60.0 }]
    });
    let ws = workspace(json!([objective("o", &[("q", 1.0)], json!({}))]), json!([ind]));
    let all = evaluate_range(&ws, p("2025-01"), p("2025-06")).unwrap();
    let values: Vec<Option<f64>> = all.iter().map(|e| e.node("q").unwrap().value).collect();
    // Jan, Feb: Q1 has not ended, Q4 2024 holds; Mar, Apr, May: Q1; June: Q2 ended, missing
    assert_eq!(values, vec![Some(40.0), Some(40.0), Some(60.0), Some(60.0), Some(60.0), None]);
}

#[test]
fn expected_progress_reads_its_path_at_the_end_of_the_period() {
    // path 0 on 2025-01-01 -> 365 on 2026-01-01 (one per day); March 2025 ends on day 89
    // (31 + 28 + 31 - 1 days after the start), so 89 is expected and 44.5 scores 50
    let ind = json!({
        "id": "a", "name": "a", "frequency": "monthly",
        "scoring": { "method": "expected_progress", "start": "2025-01-01", "end": "2026-01-01",
                     "start_value": 0.0, "end_value": 365.0 },
        "measurements": [{ "period": "2025-03", "value": 44.5 }]
    });
    let ws = workspace(json!([objective("o", &[("a", 1.0)], json!({}))]), json!([ind]));
    let e = evaluate(&ws, p("2025-03")).unwrap();
    let a = e.node("a").unwrap();
    assert!(close(a.score, 50.0));
    assert!(
        a.explanation
            .formula
            .as_ref()
            .unwrap()
            .to_string()
            .starts_with("expected on 2025-03-31 (elapsed days) = 89;")
    );
    // the quarter ends on the same day: same score
    assert!(close(evaluate(&ws, p("2025-Q1")).unwrap().node("a").unwrap().score, 50.0));
}

#[test]
fn status_rules_give_the_status_and_their_score_rolls_up() {
    let ind = json!({
        "id": "r", "name": "r", "frequency": "monthly",
        "targets": [{ "period": "2025", "value": 100.0 }],
        "scoring": { "method": "status_rules", "otherwise": "red",
                     "rules": [{ "when": "at_least", "threshold": 1.0, "relative_to": "target_fraction", "status": "green" },
                               { "when": "at_least", "threshold": 0.9, "relative_to": "target_fraction", "status": "amber" }] },
        "measurements": [{ "period": "2025-01", "value": 95.0 }]
    });
    let ws = workspace(
        json!([objective("o", &[("r", 1.0), ("a", 1.0)], json!({}))]),
        json!([ind, simple("a", &[("2025-01", 90.0)])]),
    );
    let e = evaluate(&ws, p("2025-01")).unwrap();
    let r = e.node("r").unwrap();
    // 95 >= 0.9 * 100: amber, default score 50; parent (50 + 90) / 2 = 70
    assert_eq!((r.status, r.score), (Status::Amber, Some(50.0)));
    assert_eq!(r.explanation.status_reason, pilotage::StatusReason::StatusRule { status: Status::Amber });
    assert!(close(e.node("o").unwrap().score, 70.0));
}

#[test]
fn worst_with_missing_counted_as_zero_is_zero() {
    // a = 40, b missing, c = 90; worst under "zero": min(40, 0, 90) = 0; under exclude: 40
    let e = evaluate(&three_children(json!({ "aggregation": "worst", "missing": "zero" })), p("2025-01"))
        .unwrap();
    assert!(close(e.node("o").unwrap().score, 0.0));
    assert_eq!(e.node("o").unwrap().status, Status::Red);
    let e = evaluate(&three_children(json!({ "aggregation": "worst" })), p("2025-01")).unwrap();
    assert!(close(e.node("o").unwrap().score, 40.0));
}

/// An engine sharing the workspace ([`Engine::new_shared`], what the main job uses: no copy
/// of the records) evaluates and reports as [`Engine::new`]'s copy does.
#[test]
fn a_shared_engine_gives_what_a_copying_engine_gives() {
    let ws = std::sync::Arc::new(pilotage::sample::city());
    let shared = Engine::new_shared(&ws).unwrap();
    let copied = Engine::new(&ws).unwrap();
    for p in ["2024-Q1", "2025-Q3", "2025-Q4", "2025"] {
        let period: pilotage::Period = p.parse().unwrap();
        assert_eq!(shared.evaluate(period).unwrap(), copied.evaluate(period).unwrap(), "{p}");
    }
    let period: pilotage::Period = "2025-Q4".parse().unwrap();
    let options = pilotage::report::ReportOptions::default();
    let en = pilotage::locale::Locale::En;
    assert_eq!(
        pilotage::report::adapter::html_report_with(&shared, &ws, period, en, &options).unwrap(),
        pilotage::report::html_report(&ws, period, en, &options).unwrap()
    );
}
