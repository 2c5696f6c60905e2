//! Statuses say what they mean: issue #13.
//!
//! - Status rules relative to the target are compared in decimal.
//! - With the default cut-offs, no scoring method calls a value on the wrong side of its
//!   target "green" (on target): for each method and polarity, a value exactly at the
//!   target, just on the wrong side and just on the right side.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

mod common;

use common::day;

use pilotage::engine::scoring::{Comparison, RuleBase, StatusRule};
use pilotage::{Polarity, ScoreInput, ScoringMethod, Status};

fn input(a: f64, t: Option<f64>, polarity: Polarity) -> ScoreInput {
    ScoreInput { actual: a, target: t, baseline: None, polarity, date: day("2025-03-31") }
}

const HI: Polarity = Polarity::HigherIsBetter;
const LO: Polarity = Polarity::LowerIsBetter;

fn one_rule(when: Comparison, fraction: f64) -> ScoringMethod {
    ScoringMethod::StatusRules {
        rules: vec![StatusRule {
            when,
            threshold: fraction,
            relative_to: RuleBase::TargetFraction,
            status: Status::Green,
            score: None,
        }],
        otherwise: Status::Red,
        otherwise_score: None,
    }
}

fn rule_status(m: &ScoringMethod, a: f64, t: f64, polarity: Polarity) -> Option<Status> {
    m.score(&input(a, Some(t), polarity)).unwrap().status
}

#[test]
fn fractions_of_the_target_are_compared_in_decimal() {
    // In f64, 1.1 * 100 = 110.00000000000001, so 110 >= 1.1 x 100 was false. In decimal
    // 1.1 x 100 = 110 exactly: 110 is at least 110.
    assert!(std::hint::black_box(1.1_f64) * 100.0 > 110.0, "the binary rounding this test is about");
    let at_least = one_rule(Comparison::AtLeast, 1.1);
    assert_eq!(rule_status(&at_least, 110.0, 100.0, HI), Some(Status::Green));
    // and just below stays below: 109.99 < 110
    assert_eq!(rule_status(&at_least, 109.99, 100.0, HI), Some(Status::Red));
    // "below 1.1 x target": 110 is not below 110 (f64 said it was)
    let below = one_rule(Comparison::Below, 1.1);
    assert_eq!(rule_status(&below, 110.0, 100.0, HI), Some(Status::Red));
    // In f64, 0.57 * 100 = 56.99999999999999, so 57 <= 0.57 x 100 was false; in decimal 57 = 57.
    assert!(std::hint::black_box(0.57_f64) * 100.0 < 57.0);
    let at_most = one_rule(Comparison::AtMost, 0.57);
    assert_eq!(rule_status(&at_most, 57.0, 100.0, LO), Some(Status::Green));
    assert_eq!(rule_status(&at_most, 57.01, 100.0, LO), Some(Status::Red));
    // "above 0.29 x target": 0.29 * 100 = 28.999999999999996 in f64, so 29 > it was true;
    // in decimal 29 is not above 29
    assert!(std::hint::black_box(0.29_f64) * 100.0 < 29.0);
    let above = one_rule(Comparison::Above, 0.29);
    assert_eq!(rule_status(&above, 29.0, 100.0, HI), Some(Status::Red));
    assert_eq!(rule_status(&above, 29.001, 100.0, HI), Some(Status::Green));
    // 1.2 x 3 = 3.5999999999999996 in f64; 3.6 >= 3.6 in decimal
    let small = one_rule(Comparison::AtLeast, 1.2);
    assert_eq!(rule_status(&small, 3.6, 3.0, HI), Some(Status::Green));
    // the explanation shows the decimal threshold
    assert_eq!(
        at_least.formula(&input(110.0, Some(100.0), HI)).to_string(),
        "rule 1: 110 >= 110 -> green = 100"
    );
}

#[test]
fn absolute_rules_and_numbers_beyond_decimal_still_compare() {
    // An absolute threshold: 30 <= 30
    let m = ScoringMethod::StatusRules {
        rules: vec![StatusRule {
            when: Comparison::AtMost,
            threshold: 30.0,
            relative_to: RuleBase::Absolute,
            status: Status::Green,
            score: None,
        }],
        otherwise: Status::Amber,
        otherwise_score: None,
    };
    assert_eq!(m.score(&input(30.0, None, LO)).unwrap().status, Some(Status::Green));
    assert_eq!(m.score(&input(30.000001, None, LO)).unwrap().status, Some(Status::Amber));
    // 1e30 is beyond a Decimal (about 7.9e28): compared in f64, 1e30 > 30 -> otherwise amber
    assert_eq!(m.score(&input(1e30, None, LO)).unwrap().status, Some(Status::Amber));
    // a fraction of a target beyond Decimal: 1.1 x 1e30 in f64; 2e30 >= it
    let big = one_rule(Comparison::AtLeast, 1.1);
    assert_eq!(rule_status(&big, 2e30, 1e30, HI), Some(Status::Green));
    assert_eq!(rule_status(&big, 1e30, 1e30, HI), Some(Status::Red));
    // not a number matches no rule and gets no "otherwise" status either: no score
    let nan = big.score(&input(f64::NAN, Some(100.0), HI));
    assert_eq!(nan, Err(pilotage::engine::scoring::NoScore::NotFinite));
}

// ---------------------------------------------------------------------------------------
// Default cut-offs: green only when the target is met, for every method and polarity.

/// The status the engine gives `a` with the method's default cut-offs.
fn default_status(m: &ScoringMethod, i: ScoreInput) -> Status {
    let s = m.score(&i).unwrap();
    s.status.unwrap_or_else(|| m.default_thresholds().status(s.score.unwrap()))
}

/// At the target: green; just on the wrong side: amber (not green); just on the right side:
/// green. `wrong` and `right` are the actual values on each side.
fn check(m: &ScoringMethod, base: ScoreInput, at: f64, wrong: f64, right: f64) {
    let with = |a: f64| ScoreInput { actual: a, ..base };
    assert_eq!(default_status(m, with(at)), Status::Green, "{m:?} at the target {at}");
    assert_eq!(default_status(m, with(wrong)), Status::Amber, "{m:?} just wrong {wrong}");
    assert_eq!(default_status(m, with(right)), Status::Green, "{m:?} just right {right}");
}

fn ratio(lower: pilotage::engine::scoring::LowerRatio) -> ScoringMethod {
    ScoringMethod::RatioToTarget { cap: Some(100.0), zero_target: Default::default(), lower_is_better: lower }
}

#[test]
fn linear_progress_is_green_only_from_the_target() {
    let m = ScoringMethod::LinearProgress { cap: Some(100.0), floor_at_zero: true };
    let at = |t: f64, b: f64, polarity| ScoreInput { baseline: Some(b), ..input(t, Some(t), polarity) };
    // baseline 0, target 60: 59.99 -> 100 * 59.99 / 60 = 99.983 (amber); 60.01 -> 100.017, capped 100
    check(&m, at(60.0, 0.0, HI), 60.0, 59.99, 60.01);
    // lower is better, baseline 120, target 60: 60.01 -> 100 * (60.01 - 120) / (60 - 120) = 99.983
    check(&m, at(60.0, 120.0, LO), 60.0, 60.01, 59.99);
    // target 0.68 from baseline 0: in f64 100 * 0.68 / 0.68 = 99.99999999999999; at the
    // target the score is exactly 100 (green), 0.6799 is 99.985 (amber)
    assert!(100.0 * std::hint::black_box(0.68_f64) / 0.68 < 100.0);
    check(&m, at(0.68, 0.0, HI), 0.68, 0.6799, 0.6801);
}

#[test]
fn ratio_to_target_is_green_only_from_the_target() {
    use pilotage::engine::scoring::LowerRatio::{TargetOverActual, TwoMinusActualOverTarget};
    // higher is better, target 60: 59.99 -> 100 * 59.99 / 60 = 99.983
    check(&ratio(TargetOverActual), input(60.0, Some(60.0), HI), 60.0, 59.99, 60.01);
    // lower is better, target 60: 60.01 -> 100 * 60 / 60.01 = 99.983
    check(&ratio(TargetOverActual), input(60.0, Some(60.0), LO), 60.0, 60.01, 59.99);
    // lower is better, 2 - a / t: 60.01 -> 100 * (2 - 60.01 / 60) = 99.983
    check(&ratio(TwoMinusActualOverTarget), input(60.0, Some(60.0), LO), 60.0, 60.01, 59.99);
    // the case of the issue: a lead time of 87 days against 60 scores 100 * 60 / 87 = 68.97,
    // above the old green cut-off 66.7 ("On target"); now amber
    let m = ratio(TargetOverActual);
    let s = m.score(&input(87.0, Some(60.0), LO)).unwrap().score.unwrap();
    assert!((s - 6000.0 / 87.0).abs() < 1e-9);
    assert_eq!(default_status(&m, input(87.0, Some(60.0), LO)), Status::Amber);
    // 2 - 87 / 60 = 0.55 -> 55: amber too
    assert_eq!(default_status(&ratio(TwoMinusActualOverTarget), input(87.0, Some(60.0), LO)), Status::Amber);
    // target 0.17: in f64 100 * 0.17 / 0.17 = 99.99999999999999; at the target exactly 100
    assert!(100.0 * std::hint::black_box(0.17_f64) / 0.17 < 100.0);
    check(&m, input(0.17, Some(0.17), HI), 0.17, 0.1699, 0.1701);
    check(&m, input(0.17, Some(0.17), LO), 0.17, 0.1701, 0.1699);
}

#[test]
fn goal_red_flag_is_green_from_the_goal() {
    // goal 60, red flag 30: 59.99 -> 10 * 10/3 * (29.99 / 30 + 1) = 66.656 (amber, cut 66.667)
    let up = ScoringMethod::GoalRedFlag { goal: Some(60.0), red_flag: 30.0 };
    check(&up, input(60.0, None, HI), 60.0, 59.99, 60.01);
    // lower is better is a goal below the red flag: goal 60, red flag 90:
    // 60.01 -> 10 * 10/3 * ((60.01 - 90) / (60 - 90) + 1) = 66.656
    let down = ScoringMethod::GoalRedFlag { goal: Some(60.0), red_flag: 90.0 };
    check(&down, input(60.0, None, LO), 60.0, 60.01, 59.99);
    // the goal taken from the target in force
    let from_target = ScoringMethod::GoalRedFlag { goal: None, red_flag: 30.0 };
    check(&from_target, input(60.0, Some(60.0), HI), 60.0, 59.99, 60.01);
    // the red flag itself scores 33.3: amber (the default amber cut-off is the red flag)
    assert_eq!(default_status(&up, input(30.0, None, HI)), Status::Amber);
    assert_eq!(default_status(&up, input(29.99, None, HI)), Status::Red);
}

#[test]
fn band_is_green_only_inside_the_band() {
    let m = ScoringMethod::Band { low: 50.0, high: 70.0, tolerance: 10.0 };
    let band = Polarity::InsideBand;
    // each edge is in the band; 0.01 outside -> 100 * (1 - 0.01 / 10) = 99.9
    check(&m, input(50.0, None, band), 50.0, 49.99, 50.01);
    check(&m, input(70.0, None, band), 70.0, 70.01, 69.99);
}

#[test]
fn min_max_is_green_only_at_the_goalpost() {
    // higher is better, goalposts 0 and 60: 59.99 -> 100 * 59.99 / 60 = 99.983
    let m = ScoringMethod::MinMax { min: 0.0, max: 60.0, log: false };
    check(&m, input(60.0, None, HI), 60.0, 59.99, 60.01);
    // lower is better, goalposts 60 and 120: 60.01 -> 100 * (120 - 60.01) / 60 = 99.983
    let low = ScoringMethod::MinMax { min: 60.0, max: 120.0, log: false };
    check(&low, input(60.0, None, LO), 60.0, 60.01, 59.99);
    // logarithmic, goalposts 1 and 100: ln 99.99 / ln 100 = 0.99998 -> 99.998
    let log = ScoringMethod::MinMax { min: 1.0, max: 100.0, log: true };
    check(&log, input(100.0, None, HI), 100.0, 99.99, 100.01);
}

#[test]
fn expected_progress_is_green_only_on_the_path() {
    use pilotage::engine::scoring::DayCount;
    let path = |start_value: f64, end_value: f64, day_count| ScoringMethod::ExpectedProgress {
        start: day("2025-01-01"),
        end: day("2025-12-31"),
        start_value,
        end_value,
        milestones: vec![],
        cap: Some(100.0),
        day_count,
    };
    // on 2025-03-31, 89 of 364 elapsed days: 0 -> 364 expects 89;
    // 88.99 -> 100 * 88.99 / 89 = 99.989
    check(&path(0.0, 364.0, DayCount::Elapsed), input(89.0, None, HI), 89.0, 88.99, 89.01);
    // falling from 364 to 0 expects 364 - 89 = 275; 275.01 -> 100 * (275.01 - 364) / (275 - 364) = 99.989
    check(&path(364.0, 0.0, DayCount::Elapsed), input(275.0, None, LO), 275.0, 275.01, 274.99);
    // inclusive days: 90 of 365 days done on 2025-03-31, 0 -> 365 expects 90
    check(&path(0.0, 365.0, DayCount::Inclusive), input(90.0, None, HI), 90.0, 89.99, 90.01);
}

#[test]
fn status_rules_give_their_own_status() {
    let lo = ScoringMethod::StatusRules {
        rules: vec![StatusRule {
            when: Comparison::AtMost,
            threshold: 1.0,
            relative_to: RuleBase::TargetFraction,
            status: Status::Green,
            score: None,
        }],
        otherwise: Status::Amber,
        otherwise_score: None,
    };
    // at most 1 x 60: 60 green, 60.01 amber (otherwise), 59.99 green
    check(&lo, input(60.0, Some(60.0), LO), 60.0, 60.01, 59.99);
    let hi = ScoringMethod::StatusRules {
        rules: vec![StatusRule {
            when: Comparison::AtLeast,
            threshold: 1.0,
            relative_to: RuleBase::TargetFraction,
            status: Status::Green,
            score: None,
        }],
        otherwise: Status::Amber,
        otherwise_score: None,
    };
    check(&hi, input(60.0, Some(60.0), HI), 60.0, 59.99, 60.01);
}

#[test]
fn default_cut_offs_by_method() {
    use pilotage::StatusThresholds;
    let thirds = StatusThresholds::default();
    // amber from 100/3 everywhere; green from 100, or from the goal's 200/3 for goal/red flag
    assert_eq!(
        ratio(Default::default()).default_thresholds(),
        StatusThresholds { amber: thirds.amber, green: 100.0 }
    );
    let grf = ScoringMethod::GoalRedFlag { goal: None, red_flag: 1.0 }.default_thresholds();
    assert!((grf.green - 200.0 / 3.0).abs() < 1e-12 && (grf.amber - 100.0 / 3.0).abs() < 1e-12);
    let rules = ScoringMethod::StatusRules { rules: vec![], otherwise: Status::Red, otherwise_score: None };
    assert_eq!(rules.default_thresholds(), thirds);
}

// ---------------------------------------------------------------------------------------
// Through the engine: which cut-offs an indicator gets, and the words of a roll-up.

/// A quarterly lead time (lower is better, ratio to target 60 days) of 87 days in 2025-Q1,
/// under one objective; `settings` and the indicator's `thresholds` as given.
fn lead_time(settings: serde_json::Value, thresholds: Option<serde_json::Value>) -> pilotage::Workspace {
    use serde_json::json;
    let mut ind = json!({
        "id": "lead", "name": "Délai", "frequency": "quarterly", "polarity": "lower_is_better",
        "unit": "jours",
        "targets": [{ "period": "2025", "value": 60.0 }],
        "scoring": { "method": "ratio_to_target" },
        "measurements": [{ "period": "2025-Q1", "value": 87.0 }]
    });
    if let Some(th) = thresholds {
        ind["thresholds"] = th;
    }
    let ws = json!({
        "schema_version": 1,
        "organisation": "Ville test",
        "settings": settings,
        "indicators": [ind],
        "scorecard": {
            "perspectives": [{ "id": "persp", "name": "Perspective" }],
            "objectives": [common::objective("o", &[("lead", 1.0)], json!({}))]
        }
    });
    pilotage::Workspace::from_json(&ws.to_string()).unwrap()
}

fn node(ws: &pilotage::Workspace, id: &str) -> pilotage::engine::evaluation::NodeResult {
    let ev = pilotage::evaluate(ws, common::p("2025-Q1")).unwrap();
    ev.nodes.into_iter().find(|n| n.id == id).unwrap()
}

#[test]
fn the_lead_time_of_the_issue_is_not_on_target() {
    use serde_json::json;
    // 100 * 60 / 87 = 68.97: below the ratio's default green cut-off 100 -> amber
    let n = node(&lead_time(json!({}), None), "lead");
    assert_eq!(n.status, Status::Amber);
    assert_eq!(n.explanation.thresholds.green, 100.0);
    // the objective averages one child: 68.97 >= 66.7 (thirds) -> green, worded "Good"
    let o = node(&lead_time(json!({}), None), "o");
    assert_eq!(o.status, Status::Green);
    assert_eq!(pilotage::locale::Locale::En.node_status(o.kind, o.status), "Good");
    assert_eq!(pilotage::locale::Locale::Fr.node_status(o.kind, o.status), "Favorable");
    assert_eq!(pilotage::locale::Locale::En.node_status(n.kind, n.status), "Caution");
    // the thirds every earlier version wrote into saved files are read as the default
    let saved = json!({ "thresholds": { "amber": 33.333333333333336, "green": 66.66666666666667 } });
    assert_eq!(node(&lead_time(saved, None), "lead").status, Status::Amber);
}

#[test]
fn thresholds_written_by_the_user_are_kept() {
    use serde_json::json;
    // the indicator's own cut-offs: 68.97 >= 60 -> green, as written
    let own = lead_time(json!({}), Some(json!({ "amber": 30.0, "green": 60.0 })));
    assert_eq!(node(&own, "lead").status, Status::Green);
    // the workspace's cut-offs, other than the thirds, apply to indicators as before:
    // 68.97 >= 65 -> green; and to the objective: 68.97 >= 65 -> green
    let ws = lead_time(json!({ "thresholds": { "amber": 40.0, "green": 65.0 } }), None);
    assert_eq!(node(&ws, "lead").status, Status::Green);
    assert_eq!(node(&ws, "lead").explanation.thresholds.green, 65.0);
    // with green 70: 68.97 < 70 -> amber for both
    let ws = lead_time(json!({ "thresholds": { "amber": 40.0, "green": 70.0 } }), None);
    assert_eq!(node(&ws, "lead").status, Status::Amber);
    assert_eq!(node(&ws, "o").status, Status::Amber);
}

#[test]
fn the_conventions_are_named_in_both_languages() {
    use pilotage::explain::explain_in;
    use pilotage::locale::Locale;
    use serde_json::json;
    let ev = pilotage::evaluate(&lead_time(json!({}), None), common::p("2025-Q1")).unwrap();
    // 100 * 60 / 87 = 68.9655
    let en = explain_in(&ev, "lead", Locale::En).unwrap();
    assert!(en.contains("100 * 60 / 87 (lower is better: target / actual), capped at 100 = 68.9655"), "{en}");
    let fr = explain_in(&ev, "lead", Locale::Fr).unwrap();
    assert!(
        fr.contains("100 * 60 / 87 (plus bas est mieux\u{a0}: cible / réalisé), plafonné à 100 = 68,9655"),
        "{fr}"
    );
    // expected progress counted in inclusive days: 2025-01-01 -> 2025-12-31, 0 -> 365;
    // on 2025-03-31 90 of 365 days are done: 90 expected; 45 -> 50
    let ind = json!({
        "id": "mooc", "name": "MOOC", "frequency": "quarterly",
        "scoring": { "method": "expected_progress", "start": "2025-01-01", "end": "2025-12-31",
                     "start_value": 0, "end_value": 365, "day_count": "inclusive" },
        "measurements": [{ "period": "2025-Q1", "value": 45.0 }]
    });
    let ws = common::workspace(json!([common::objective("o", &[("mooc", 1.0)], json!({}))]), json!([ind]));
    let ev = pilotage::evaluate(&ws, common::p("2025-Q1")).unwrap();
    let en = explain_in(&ev, "mooc", Locale::En).unwrap();
    assert!(en.contains("expected on 2025-03-31 (inclusive days) = 90;"), "{en}");
    let fr = explain_in(&ev, "mooc", Locale::Fr).unwrap();
    assert!(fr.contains("attendu au 31/03/2025 (jours inclus) = 90"), "{fr}");
    assert!(!fr.contains("inclusive"), "{fr}");
}
