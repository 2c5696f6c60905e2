//! Every scoring method with hand-computed numbers, including the edges.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

mod common;

use common::day;
use pilotage::engine::scoring::{
    Comparison, DayCount, LowerRatio, Milestone, NoScore, RuleBase, StatusRule, ZeroTargetRule,
};
use pilotage::{Polarity, ScoreInput, ScoringMethod, Status, StatusThresholds};

fn input(a: f64, t: Option<f64>, b: Option<f64>, polarity: Polarity) -> ScoreInput {
    ScoreInput { actual: a, target: t, baseline: b, polarity, date: day("2025-03-01") }
}

fn score(m: &ScoringMethod, i: ScoreInput) -> f64 {
    m.score(&i).unwrap().score.unwrap()
}

fn near(a: f64, b: f64) {
    assert!((a - b).abs() < 1e-9, "{a} != {b}");
}

const HI: Polarity = Polarity::HigherIsBetter;
const LO: Polarity = Polarity::LowerIsBetter;

fn linear(cap: Option<f64>, floor: bool) -> ScoringMethod {
    ScoringMethod::LinearProgress { cap, floor_at_zero: floor }
}

#[test]
fn linear_progress() {
    let m = linear(Some(100.0), true);
    // 100 * (42 - 30) / (50 - 30) = 1200 / 20 = 60
    near(score(&m, input(42.0, Some(50.0), Some(30.0), HI)), 60.0);
    assert_eq!(
        m.formula(&input(42.0, Some(50.0), Some(30.0), HI)).to_string(),
        "100 * (42 - 30) / (50 - 30), capped at 100, floored at 0 = 60"
    );
    // beyond the goal: 100 * (60 - 30) / 20 = 150 -> capped at 100; at 120 with a ceiling; 150 without cap
    near(score(&m, input(60.0, Some(50.0), Some(30.0), HI)), 100.0);
    near(score(&linear(Some(120.0), true), input(60.0, Some(50.0), Some(30.0), HI)), 120.0);
    near(score(&linear(None, true), input(60.0, Some(50.0), Some(30.0), HI)), 150.0);
    // below the baseline: 100 * (20 - 30) / 20 = -50 -> floored at 0, or -50 without the floor
    near(score(&m, input(20.0, Some(50.0), Some(30.0), HI)), 0.0);
    near(score(&linear(Some(100.0), false), input(20.0, Some(50.0), Some(30.0), HI)), -50.0);
    // lower is better, signs cancel: lead time from 60 to 30 days, now 45: 100 * (45 - 60) / (30 - 60) = 50
    near(score(&m, input(45.0, Some(30.0), Some(60.0), LO)), 50.0);
    // lower is better beyond the goal: 100 * (20 - 60) / (30 - 60) = 133.3 -> 100
    near(score(&m, input(20.0, Some(30.0), Some(60.0), LO)), 100.0);
    // target equal to baseline: 100 if at or beyond in the good direction, else 0
    near(score(&m, input(12.0, Some(10.0), Some(10.0), HI)), 100.0);
    near(score(&m, input(10.0, Some(10.0), Some(10.0), HI)), 100.0);
    near(score(&m, input(9.0, Some(10.0), Some(10.0), HI)), 0.0);
    near(score(&m, input(9.0, Some(10.0), Some(10.0), LO)), 100.0);
    near(score(&m, input(11.0, Some(10.0), Some(10.0), LO)), 0.0);
    // zero target, non-zero baseline works normally: 100 * (5 - 10) / (0 - 10) = 50
    near(score(&m, input(5.0, Some(0.0), Some(10.0), LO)), 50.0);
    // missing target or baseline
    assert_eq!(m.score(&input(1.0, None, Some(0.0), HI)), Err(NoScore::NoTarget));
    assert_eq!(m.score(&input(1.0, Some(2.0), None, HI)), Err(NoScore::NoBaseline));
}

#[test]
fn ratio_to_target() {
    let m = ScoringMethod::RatioToTarget {
        cap: Some(100.0),
        zero_target: ZeroTargetRule::RightSideOfZero,
        lower_is_better: LowerRatio::TargetOverActual,
    };
    // 100 * 45 / 60 = 75
    near(score(&m, input(45.0, Some(60.0), None, HI)), 75.0);
    // lower is better: 100 * 30 / 40 = 75
    near(score(&m, input(40.0, Some(30.0), None, LO)), 75.0);
    // beyond the goal: 100 * 90 / 60 = 150 -> 100; no cap -> 150
    near(score(&m, input(90.0, Some(60.0), None, HI)), 100.0);
    let uncapped = ScoringMethod::RatioToTarget {
        cap: None,
        zero_target: ZeroTargetRule::RightSideOfZero,
        lower_is_better: LowerRatio::TargetOverActual,
    };
    near(score(&uncapped, input(90.0, Some(60.0), None, HI)), 150.0);
    // zero target (Camms): 100 on the right side of zero, else 0
    near(score(&m, input(3.0, Some(0.0), None, HI)), 100.0);
    near(score(&m, input(0.0, Some(0.0), None, HI)), 100.0);
    near(score(&m, input(-1.0, Some(0.0), None, HI)), 0.0);
    // lower is better with a zero actual (zero denominator): 0 <= 5 -> 100
    near(score(&m, input(0.0, Some(5.0), None, LO)), 100.0);
    // lower is better with a zero target: 100 * 0 / 4 = 0
    near(score(&m, input(4.0, Some(0.0), None, LO)), 0.0);
    let strict = ScoringMethod::RatioToTarget {
        cap: Some(100.0),
        zero_target: ZeroTargetRule::NoScore,
        lower_is_better: LowerRatio::TargetOverActual,
    };
    assert_eq!(strict.score(&input(3.0, Some(0.0), None, HI)), Err(NoScore::ZeroTarget));
}

#[test]
fn goal_red_flag() {
    let m = ScoringMethod::GoalRedFlag { goal: Some(80.0), red_flag: 50.0 };
    // 10/3 * ((65 - 50) / (80 - 50) + 1) = 10/3 * 1.5 = 5 -> score 50
    let s = m.score(&input(65.0, None, None, HI)).unwrap();
    near(s.native.unwrap(), 5.0);
    near(s.score.unwrap(), 50.0);
    // at the goal: 20/3; at the red flag: 10/3
    near(m.score(&input(80.0, None, None, HI)).unwrap().native.unwrap(), 20.0 / 3.0);
    near(m.score(&input(50.0, None, None, HI)).unwrap().native.unwrap(), 10.0 / 3.0);
    // beyond: 10/3 * (60/30 + 1) = 10 (the top); far beyond clamps at 10; far below at 0
    near(score(&m, input(110.0, None, None, HI)), 100.0);
    near(score(&m, input(500.0, None, None, HI)), 100.0);
    near(score(&m, input(0.0, None, None, HI)), 0.0);
    // lower is better: goal 5 below red flag 10; 7.5: 10/3 * ((7.5 - 10) / (5 - 10) + 1) = 10/3 * 1.5 = 5
    let lo = ScoringMethod::GoalRedFlag { goal: Some(5.0), red_flag: 10.0 };
    near(lo.score(&input(7.5, None, None, LO)).unwrap().native.unwrap(), 5.0);
    // goal from the target in force: target 80
    let from_target = ScoringMethod::GoalRedFlag { goal: None, red_flag: 50.0 };
    near(score(&from_target, input(65.0, Some(80.0), None, HI)), 50.0);
    assert_eq!(from_target.score(&input(65.0, None, None, HI)), Err(NoScore::NoTarget));
    assert_eq!(from_target.score(&input(65.0, Some(50.0), None, HI)), Err(NoScore::GoalEqualsRedFlag));
}

#[test]
fn band_with_tolerance() {
    let m = ScoringMethod::Band { low: 95.0, high: 105.0, tolerance: 10.0 };
    near(score(&m, input(100.0, None, None, Polarity::InsideBand)), 100.0);
    near(score(&m, input(95.0, None, None, Polarity::InsideBand)), 100.0);
    // 110 is 5 above: 100 * (1 - 5/10) = 50
    near(score(&m, input(110.0, None, None, Polarity::InsideBand)), 50.0);
    // 87.5 is 7.5 below: 100 * (1 - 7.5/10) = 25
    near(score(&m, input(87.5, None, None, Polarity::InsideBand)), 25.0);
    // 80 is 15 below, beyond the tolerance: 0
    near(score(&m, input(80.0, None, None, Polarity::InsideBand)), 0.0);
}

#[test]
fn min_max_goalposts() {
    let m = ScoringMethod::MinMax { min: 20.0, max: 85.0, log: false };
    // 100 * (72.5 - 20) / 65 = 5250 / 65 = 80.769...
    near(score(&m, input(72.5, None, None, HI)), 5250.0 / 65.0);
    // lower is better: 100 * (85 - 72.5) / 65 = 1250 / 65
    near(score(&m, input(72.5, None, None, LO)), 1250.0 / 65.0);
    // outside the goalposts: clamped
    near(score(&m, input(90.0, None, None, HI)), 100.0);
    near(score(&m, input(10.0, None, None, HI)), 0.0);
    // logarithm (HDI income): 100 * (ln 10000 - ln 100) / (ln 75000 - ln 100) = 100 * ln 100 / ln 750
    let log = ScoringMethod::MinMax { min: 100.0, max: 75000.0, log: true };
    near(score(&log, input(10000.0, None, None, HI)), 100.0 * 100f64.ln() / 750f64.ln());
    assert_eq!(log.score(&input(0.0, None, None, HI)), Err(NoScore::NotPositiveForLog));
}

#[test]
fn ordered_status_rules() {
    let rule = |when, threshold, relative_to, status, score| StatusRule {
        when,
        threshold,
        relative_to,
        status,
        score,
    };
    let m = ScoringMethod::StatusRules {
        rules: vec![
            rule(Comparison::AtLeast, 1.0, RuleBase::TargetFraction, Status::Green, None),
            rule(Comparison::AtLeast, 0.9, RuleBase::TargetFraction, Status::Amber, Some(75.0)),
        ],
        otherwise: Status::Red,
        otherwise_score: None,
    };
    // target 100: 100 >= 100 -> green (default score 100)
    let s = m.score(&input(100.0, Some(100.0), None, HI)).unwrap();
    assert_eq!((s.status, s.score), (Some(Status::Green), Some(100.0)));
    // 95 >= 90 -> amber, with its own score 75 (first match wins: not green)
    let s = m.score(&input(95.0, Some(100.0), None, HI)).unwrap();
    assert_eq!((s.status, s.score), (Some(Status::Amber), Some(75.0)));
    // 80: no rule -> otherwise red, default score 0
    let s = m.score(&input(80.0, Some(100.0), None, HI)).unwrap();
    assert_eq!((s.status, s.score), (Some(Status::Red), Some(0.0)));
    assert_eq!(m.formula(&input(95.0, Some(100.0), None, HI)).to_string(), "rule 2: 95 >= 90 -> amber = 75");
    assert_eq!(m.score(&input(95.0, None, None, HI)), Err(NoScore::NoTarget));
    // absolute thresholds, lower is better written as "at most"
    let abs = ScoringMethod::StatusRules {
        rules: vec![rule(Comparison::AtMost, 30.0, RuleBase::Absolute, Status::Green, None)],
        otherwise: Status::Amber,
        otherwise_score: Some(40.0),
    };
    assert_eq!(abs.score(&input(30.0, None, None, LO)).unwrap().status, Some(Status::Green));
    let s = abs.score(&input(31.0, None, None, LO)).unwrap();
    assert_eq!((s.status, s.score), (Some(Status::Amber), Some(40.0)));
}

#[test]
fn expected_progress_by_dates() {
    // 2025-01-01 -> 2025-04-11 is 100 days, 0 -> 100; on 2025-03-01 (59 days) 59 is expected;
    // 29.5 is half of it: 100 * (29.5 - 0) / (59 - 0) = 50
    let m = ScoringMethod::ExpectedProgress {
        start: day("2025-01-01"),
        end: day("2025-04-11"),
        start_value: 0.0,
        end_value: 100.0,
        milestones: vec![],
        cap: Some(100.0),
        day_count: DayCount::Elapsed,
    };
    near(score(&m, input(29.5, None, None, HI)), 50.0);
    // ahead of the path: capped at 100
    near(score(&m, input(80.0, None, None, HI)), 100.0);
    // with a milestone of 50 on 2025-01-21 (day 20): on day 59 the path is 50 + 50 * 39/80 = 74.375;
    // 59.5 / 74.375 = 0.8 -> 80
    let ms = ScoringMethod::ExpectedProgress {
        start: day("2025-01-01"),
        end: day("2025-04-11"),
        start_value: 0.0,
        end_value: 100.0,
        milestones: vec![Milestone { date: day("2025-01-21"), value: 50.0 }],
        cap: Some(100.0),
        day_count: DayCount::Elapsed,
    };
    near(score(&ms, input(59.5, None, None, HI)), 80.0);
    // before the start the expected value is the start value: target equals baseline -> 100 when at or beyond
    let early = ScoreInput { date: day("2024-12-31"), ..input(0.0, None, None, HI) };
    near(score(&m, early), 100.0);
}

#[test]
fn status_from_score_by_thirds() {
    let th = StatusThresholds::default();
    assert_eq!(th.status(100.0 / 3.0 - 1e-9), Status::Red);
    assert_eq!(th.status(100.0 / 3.0), Status::Amber);
    assert_eq!(th.status(66.0), Status::Amber);
    assert_eq!(th.status(200.0 / 3.0), Status::Green);
    let custom = StatusThresholds { amber: 50.0, green: 90.0 };
    assert_eq!(custom.status(89.9), Status::Amber);
}

#[test]
fn ratio_lower_is_better_conventions() {
    let with = |lower| ScoringMethod::RatioToTarget {
        cap: Some(100.0),
        zero_target: ZeroTargetRule::RightSideOfZero,
        lower_is_better: lower,
    };
    let recip = with(LowerRatio::TargetOverActual);
    let mirror = with(LowerRatio::TwoMinusActualOverTarget);
    // the default is target / actual: 100 * 60 / 87 = 68.9655
    let default: ScoringMethod = serde_json::from_str(r#"{"method": "ratio_to_target"}"#).unwrap();
    assert_eq!(default, recip);
    near(score(&recip, input(87.0, Some(60.0), None, LO)), 6000.0 / 87.0);
    // 2 - actual / target: 100 * (2 - 87 / 60) = 100 * (2 - 1.45) = 55
    near(score(&mirror, input(87.0, Some(60.0), None, LO)), 55.0);
    // twice the target: 50 by target / actual, 0 by 2 - actual / target; beyond it floored at 0
    near(score(&recip, input(120.0, Some(60.0), None, LO)), 50.0);
    near(score(&mirror, input(120.0, Some(60.0), None, LO)), 0.0);
    near(score(&mirror, input(150.0, Some(60.0), None, LO)), 0.0);
    // better than the target: 100 * (2 - 45 / 60) = 125, capped at 100 (uncapped: 125)
    near(score(&mirror, input(45.0, Some(60.0), None, LO)), 100.0);
    let uncapped = ScoringMethod::RatioToTarget {
        cap: None,
        zero_target: ZeroTargetRule::RightSideOfZero,
        lower_is_better: LowerRatio::TwoMinusActualOverTarget,
    };
    near(score(&uncapped, input(45.0, Some(60.0), None, LO)), 125.0);
    // zero target: the zero-target rule (4 is not at or below 0 -> 0; 0 is -> 100)
    near(score(&mirror, input(4.0, Some(0.0), None, LO)), 0.0);
    near(score(&mirror, input(0.0, Some(0.0), None, LO)), 100.0);
    // higher is better is the same ratio under both: 100 * 45 / 60 = 75
    near(score(&mirror, input(45.0, Some(60.0), None, HI)), 75.0);
    // the explanation names the convention
    assert_eq!(
        recip.formula(&input(87.0, Some(60.0), None, LO)).to_string(),
        "100 * 60 / 87 (lower is better: target / actual), capped at 100 = 68.9655"
    );
    assert_eq!(
        mirror.formula(&input(87.0, Some(60.0), None, LO)).to_string(),
        "100 * (2 - 87 / 60) (lower is better: 2 - actual / target), capped at 100 = 55"
    );
    assert_eq!(
        recip.formula(&input(45.0, Some(60.0), None, HI)).to_string(),
        "100 * 45 / 60, capped at 100 = 75"
    );
    // in files: the option is written only when it is not the default
    assert_eq!(
        serde_json::to_value(&mirror).unwrap()["lower_is_better"],
        serde_json::json!("two_minus_actual_over_target")
    );
    assert!(serde_json::to_value(&recip).unwrap().get("lower_is_better").is_none());
}

#[test]
fn expected_progress_day_count_conventions() {
    let path = |day_count, milestones| ScoringMethod::ExpectedProgress {
        start: day("2025-01-01"),
        end: day("2025-12-31"),
        start_value: 0.0,
        end_value: 365.0,
        milestones,
        cap: None,
        day_count,
    };
    let at = |date: &str, a: f64| ScoreInput { date: day(date), ..input(a, None, None, HI) };
    let elapsed = path(DayCount::Elapsed, vec![]);
    let inclusive = path(DayCount::Inclusive, vec![]);
    // the default is elapsed days
    let default: ScoringMethod = serde_json::from_str(
        r#"{"method": "expected_progress", "start": "2025-01-01", "end": "2025-12-31", "start_value": 0, "end_value": 365, "cap": null}"#,
    )
    .unwrap();
    assert_eq!(default, elapsed);
    // 2025-03-31: elapsed (31 + 28 + 31 - 1) / 364 = 89 / 364 of 365 -> 365 * 89 / 364 = 89.2445;
    // inclusive (89 + 1) / (364 + 1) = 90 / 365 of 365 -> 90. An actual of 45:
    // elapsed 100 * 45 * 364 / 32485 = 50.4233; inclusive 100 * 45 / 90 = 50
    near(score(&elapsed, at("2025-03-31", 45.0)), 100.0 * 45.0 / (365.0 * 89.0 / 364.0));
    near(score(&inclusive, at("2025-03-31", 45.0)), 50.0);
    // the start day: elapsed 0 days (expected 0 = start value: at or beyond it -> 100);
    // inclusive 1 / 365 of the way -> expected 1; 0.5 -> 50
    near(score(&elapsed, at("2025-01-01", 0.5)), 100.0);
    near(score(&inclusive, at("2025-01-01", 0.5)), 50.0);
    // the end day: both expect the end value 365
    near(score(&elapsed, at("2025-12-31", 365.0)), 100.0);
    near(score(&inclusive, at("2025-12-31", 182.5)), 50.0);
    // with a milestone of 31 on 2025-01-31 (inclusive): 31 days done that evening -> 31,
    // and on 2025-02-01 31 + (365 - 31) * 1 / 334 = 32: the path has no jump
    let ms = path(DayCount::Inclusive, vec![Milestone { date: day("2025-01-31"), value: 31.0 }]);
    near(score(&ms, at("2025-01-31", 15.5)), 50.0);
    near(score(&ms, at("2025-02-01", 16.0)), 50.0);
    // the explanation names the convention
    assert_eq!(
        elapsed.formula(&at("2025-03-31", 45.0)).to_string(),
        "expected on 2025-03-31 (elapsed days) = 89.2445; 100 * (45 - 0) / (89.2445 - 0) = 50.4233"
    );
    assert_eq!(
        inclusive.formula(&at("2025-03-31", 45.0)).to_string(),
        "expected on 2025-03-31 (inclusive days) = 90; 100 * (45 - 0) / (90 - 0) = 50"
    );
    assert_eq!(serde_json::to_value(&inclusive).unwrap()["day_count"], serde_json::json!("inclusive"));
    assert!(serde_json::to_value(&elapsed).unwrap().get("day_count").is_none());
}
