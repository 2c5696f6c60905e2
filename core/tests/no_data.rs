//! No data is never a score, and never 100 % coverage: values without a target, parents
//! below their minimum coverage, periods after the data, targets no longer in force, and
//! yearly values read in a quarterly report. Every expected value is worked out by hand.
#![allow(clippy::unwrap_used)]

mod common;

use common::{objective, p, workspace};
use pilotage::{Status, TargetSource};
use serde_json::json;

/// A quarterly indicator "x" (higher is better, ratio to target) measured in 2024 and 2025,
/// with the given targets and target policy.
fn ratio_indicator(targets: serde_json::Value, policy: Option<&str>) -> serde_json::Value {
    let mut ind = json!({
        "id": "x", "name": "x", "frequency": "quarterly",
        "targets": targets,
        "scoring": { "method": "ratio_to_target" },
        "measurements": [
            { "period": "2024-Q4", "value": 40.0 },
            { "period": "2025-Q1", "value": 45.0 }
        ]
    });
    if let Some(policy) = policy {
        ind["target_policy"] = json!(policy);
    }
    ind
}

#[test]
fn a_value_without_a_target_in_force_is_no_data_with_coverage_zero() {
    // Targets only for 2024; the 2025-Q1 value 45 has no target under the default policy.
    let ws = workspace(
        json!([objective("o", &[("x", 1.0)], json!({}))]),
        json!([ratio_indicator(json!([{ "period": "2024", "value": 50.0 }]), None)]),
    );
    let ev = pilotage::evaluate(&ws, p("2025-Q1")).unwrap();
    let x = ev.node("x").unwrap();
    assert_eq!(x.value, Some(45.0));
    assert_eq!((x.score, x.status, x.target), (None, Status::NoData, None));
    assert_eq!(x.coverage, 0.0);
    assert!(
        x.explanation.reasons.iter().any(|r| r.to_string()
            == "no target in force for 2025-Q1 (the latest target is for 2024; target policy \"none\")"),
        "{:?}",
        x.explanation.reasons
    );
    // Its parent has no child with a score: no data and coverage 0, up to the root.
    for id in ["o", "persp", "scorecard"] {
        let n = ev.node(id).unwrap();
        assert_eq!((n.score, n.status, n.coverage), (None, Status::NoData, 0.0), "{id}");
    }
    // In 2024-Q4 the 2024 target holds: 100 * 40 / 50 = 80, coverage 1.
    let ev = pilotage::evaluate(&ws, p("2024-Q4")).unwrap();
    let x = ev.node("x").unwrap();
    assert_eq!((x.score, x.coverage), (Some(80.0), 1.0));
}

#[test]
fn the_carry_forward_target_policy_says_which_target_and_from_when() {
    let ws = workspace(
        json!([objective("o", &[("x", 1.0)], json!({}))]),
        json!([ratio_indicator(json!([{ "period": "2024", "value": 50.0 }]), Some("carry_forward"))]),
    );
    let ev = pilotage::evaluate(&ws, p("2025-Q1")).unwrap();
    let x = ev.node("x").unwrap();
    // the 2024 target carried forward: 100 * 45 / 50 = 90
    assert_eq!((x.target, x.score, x.coverage), (Some(50.0), Some(90.0), 1.0));
    let t = x.explanation.target.unwrap();
    assert_eq!(t.source, TargetSource::CarriedForward { period: p("2024") });
    let text = pilotage::explain(&ev, "x").unwrap();
    assert!(text.contains("carried forward from 2024"), "{text}");
}

#[test]
fn a_parent_below_its_minimum_coverage_is_no_data_not_a_status() {
    // Two indicators of weight 1; in 2025-03 only "a" has a value (score 90): coverage 0.5,
    // below the objective's minimum of 0.6, so the objective has no score and no status,
    // whatever a's score; its coverage is 0.5 and its explanation says so.
    let a = common::simple("a", &[("2025-03", 90.0)]);
    let b = common::simple("b", &[("2025-02", 50.0)]);
    let ws = workspace(
        json!([objective("o", &[("a", 1.0), ("b", 1.0)], json!({ "min_coverage": 0.6 }))]),
        json!([a, b]),
    );
    let ev = pilotage::evaluate(&ws, p("2025-03")).unwrap();
    let o = ev.node("o").unwrap();
    assert_eq!((o.score, o.status), (None, Status::NoData));
    assert_eq!(o.coverage, 0.5);
    assert_eq!(o.explanation.coverage, 0.5);
    assert_eq!(o.explanation.reasons, vec![pilotage::Reason::BelowMinCoverage { coverage: 0.5, min: 0.6 }]);
    assert_eq!(o.explanation.reasons[0].to_string(), "coverage 0.5 is below the minimum coverage 0.6");
    // the perspective and the root have no child with data: no data, coverage 0
    for id in ["persp", "scorecard"] {
        let n = ev.node(id).unwrap();
        assert_eq!((n.score, n.status, n.coverage), (None, Status::NoData, 0.0), "{id}");
    }
}

#[test]
fn a_period_after_the_data_is_no_data_everywhere() {
    let ws = pilotage::sample::city();
    let ev = pilotage::evaluate(&ws, p("2030-Q1")).unwrap();
    for n in &ev.nodes {
        assert_eq!((n.score, n.status, n.coverage), (None, Status::NoData, 0.0), "{}", n.id);
        assert_eq!(n.value, None, "{}", n.id);
    }
    // a derived flow (funds signed in the quarter) says why it is missing instead of a zero
    let reasons = &ev.node("ind_fonds_signes").unwrap().explanation.reasons;
    let texts: Vec<String> = reasons.iter().map(|r| r.to_string()).collect();
    assert_eq!(
        texts,
        vec![
            "Funds signed: 2030-Q1 ends after the records, which are complete through 2025-12-31: no value, not zero"
        ]
    );
}

/// Over every quarter of the sample (and the quarters after it): a score and a status go
/// together, a node's coverage is the one its explanation gives, a roll-up below its
/// minimum coverage has no score, and an indicator with no score has coverage 0.
#[test]
fn statuses_scores_and_coverage_agree_over_the_sample() {
    let ws = pilotage::sample::city();
    let range = pilotage::evaluate_range(&ws, p("2019-Q1"), p("2026-Q4")).unwrap();
    let mut checked = 0;
    for ev in &range {
        for n in &ev.nodes {
            checked += 1;
            let at = format!("{} {}", n.id, ev.period);
            match n.status {
                Status::NoData | Status::Suppressed => assert_eq!(n.score, None, "{at}"),
                _ => assert!(n.score.is_some(), "{at}: a status without a score"),
            }
            assert_eq!(n.coverage, n.explanation.coverage, "{at}");
            if n.kind == pilotage::NodeKind::Indicator && n.score.is_none() {
                assert_eq!(n.coverage, 0.0, "{at}");
            }
            if let Some(r) = n.explanation.rollup {
                if n.coverage < r.min_coverage {
                    assert_eq!(n.status, Status::NoData, "{at}");
                }
            }
        }
    }
    assert!(checked > 1000);
}

#[test]
fn a_yearly_value_in_a_quarterly_report_is_scored_against_its_own_year() {
    // A yearly survey: 2024 value 70, target 2024 = 70 (met), target 2025 = 80.
    // In 2025-Q2 the latest ended year is 2024: value 70 against the 2024 target 70 -> 100,
    // not against 2025's 80 (87.5); the explanation names 2024 and says the value is carried.
    let ind = json!({
        "id": "survey", "name": "survey", "frequency": "yearly",
        "targets": [{ "period": "2024", "value": 70.0 }, { "period": "2025", "value": 80.0 }],
        "scoring": { "method": "ratio_to_target" },
        "measurements": [{ "period": "2024", "value": 70.0 }]
    });
    let ws = workspace(json!([objective("o", &[("survey", 1.0)], json!({}))]), json!([ind]));
    let ev = pilotage::evaluate(&ws, p("2025-Q2")).unwrap();
    let n = ev.node("survey").unwrap();
    assert_eq!((n.value, n.target, n.score), (Some(70.0), Some(70.0), Some(100.0)));
    assert_eq!(n.explanation.value_period, Some(p("2024")));
    let t = n.explanation.target.unwrap();
    assert_eq!(t.source, TargetSource::Explicit { period: p("2024") });
    let text = pilotage::explain(&ev, "survey").unwrap();
    assert!(text.contains("the value of 2024, carried to 2025-Q2"), "{text}");
    // The yearly report of 2024 itself is the same score, and says nothing is carried.
    let ev = pilotage::evaluate(&ws, p("2024")).unwrap();
    let n = ev.node("survey").unwrap();
    assert_eq!(
        (n.value, n.target, n.score, n.explanation.value_period),
        (Some(70.0), Some(70.0), Some(100.0), None)
    );
}
