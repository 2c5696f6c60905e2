//! Statuses say what they mean: issue #13.
//!
//! - Status rules relative to the target are compared in decimal.
//! - With the default cut-offs, no scoring method calls a value on the wrong side of its
//!   target "green" (on target): for each method and polarity, a value exactly at the
//!   target, just on the wrong side and just on the right side.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use chrono::NaiveDate;
use pilotage::scoring::{Comparison, RuleBase, StatusRule};
use pilotage::{Polarity, ScoreInput, ScoringMethod, Status};

fn d(s: &str) -> NaiveDate {
    s.parse().unwrap()
}

fn input(a: f64, t: Option<f64>, polarity: Polarity) -> ScoreInput {
    ScoreInput { actual: a, target: t, baseline: None, polarity, date: d("2025-03-31") }
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
    assert!(1.1_f64 * 100.0 > 110.0, "the binary rounding this test is about");
    let at_least = one_rule(Comparison::AtLeast, 1.1);
    assert_eq!(rule_status(&at_least, 110.0, 100.0, HI), Some(Status::Green));
    // and just below stays below: 109.99 < 110
    assert_eq!(rule_status(&at_least, 109.99, 100.0, HI), Some(Status::Red));
    // "below 1.1 x target": 110 is not below 110 (f64 said it was)
    let below = one_rule(Comparison::Below, 1.1);
    assert_eq!(rule_status(&below, 110.0, 100.0, HI), Some(Status::Red));
    // In f64, 0.57 * 100 = 56.99999999999999, so 57 <= 0.57 x 100 was false; in decimal 57 = 57.
    assert!(0.57_f64 * 100.0 < 57.0);
    let at_most = one_rule(Comparison::AtMost, 0.57);
    assert_eq!(rule_status(&at_most, 57.0, 100.0, LO), Some(Status::Green));
    assert_eq!(rule_status(&at_most, 57.01, 100.0, LO), Some(Status::Red));
    // "above 0.29 x target": 0.29 * 100 = 28.999999999999996 in f64, so 29 > it was true;
    // in decimal 29 is not above 29
    assert!(0.29_f64 * 100.0 < 29.0);
    let above = one_rule(Comparison::Above, 0.29);
    assert_eq!(rule_status(&above, 29.0, 100.0, HI), Some(Status::Red));
    assert_eq!(rule_status(&above, 29.001, 100.0, HI), Some(Status::Green));
    // 1.2 x 3 = 3.5999999999999996 in f64; 3.6 >= 3.6 in decimal
    let small = one_rule(Comparison::AtLeast, 1.2);
    assert_eq!(rule_status(&small, 3.6, 3.0, HI), Some(Status::Green));
    // the explanation shows the decimal threshold
    assert_eq!(at_least.formula(&input(110.0, Some(100.0), HI)), "rule 1: 110 >= 110 -> green = 100");
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
    // not a number never matches a rule
    assert_eq!(rule_status(&big, f64::NAN, 100.0, HI), Some(Status::Red));
}
