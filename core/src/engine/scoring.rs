//! Scoring methods: how an indicator's actual value becomes a score, and a score a status.
//!
//! Every method of the field is here (see DOMAIN.md). Scores are reported on a common
//! 0-100 scale so that they roll up; the goal/red-flag method also reports its native 0-10
//! score. Statuses come from the score through [`StatusThresholds`], except for ordered
//! status rules, which give a status directly. "No data" and "suppressed" are statuses of
//! their own, never a red.
//!
//! Green means "on target", so the default cut-offs of an indicator depend on its method
//! ([`ScoringMethod::default_thresholds`]): green from the score a value exactly at its
//! target gets, never below. That is 100 for linear progress, ratio to target, expected
//! progress, band and min-max (100 = the target, the expected value, the band or the upper
//! goalpost reached), and the goal (66.7) for goal/red flag, as in Spider Impact; amber from
//! 33.3 (the red flag's score) for all. Roll-up nodes average their children's scores and
//! use [`StatusThresholds::default`] (thirds: amber from 33.3, green from 66.7): their
//! green says "good on average", not "target met" (see `report::locale`).

use chrono::{Datelike, NaiveDate};
use rust_decimal::Decimal;
use rust_decimal::prelude::ToPrimitive;
use serde::{Deserialize, Serialize};

use crate::engine::evaluation::Formula;

/// The health of a node.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize, schemars::JsonSchema,
)]
#[serde(rename_all = "snake_case")]
pub enum Status {
    /// On target.
    Green,
    /// Caution.
    Amber,
    /// Off target.
    Red,
    /// No value for the period (or too little coverage).
    NoData,
    /// A value exists but rests on too few people to be shown (staff data).
    Suppressed,
}

impl Status {
    /// The snake_case name used in files.
    pub fn as_str(self) -> &'static str {
        match self {
            Status::Green => "green",
            Status::Amber => "amber",
            Status::Red => "red",
            Status::NoData => "no_data",
            Status::Suppressed => "suppressed",
        }
    }
}

/// Score cut-offs (0-100) between red and amber, and amber and green.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct StatusThresholds {
    /// Scores from here are at least amber.
    pub amber: f64,
    /// Scores from here are green.
    pub green: f64,
}

/// The thirds of goal/red flag: amber from 100/3, green from 200/3. The cut-offs of roll-up
/// nodes (objectives, perspectives, the scorecard), and of ordered status rules' scores.
impl Default for StatusThresholds {
    fn default() -> Self {
        StatusThresholds { amber: 100.0 / 3.0, green: 200.0 / 3.0 }
    }
}

/// The 0-100 score of a value at the red flag (goal/red flag): `10 * 10/3`, computed as the
/// method computes it.
const RED_FLAG_SCORE: f64 = 10.0 / 3.0 * 10.0;
/// The 0-100 score of a value at the goal (goal/red flag): `10 * 10/3 * 2`, computed as the
/// method computes it (`10/3 * (1 + 1)`, times 10), so that a value at the goal is green.
const GOAL_SCORE: f64 = 10.0 / 3.0 * (1.0 + 1.0) * 10.0;

fn default_cap() -> Option<f64> {
    Some(100.0)
}

fn yes() -> bool {
    true
}

fn is_true(b: &bool) -> bool {
    *b
}

fn is_default_cap(c: &Option<f64>) -> bool {
    *c == Some(100.0)
}

/// What a linear or ratio score does with a zero target (division by zero).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum ZeroTargetRule {
    /// Camms' rule: 100 when the actual is on the right side of zero (or at zero), else 0.
    #[default]
    RightSideOfZero,
    /// No score ("no data" with the reason).
    NoScore,
}

/// How a lower-is-better ratio to target is formed (both are published; the first is the
/// default).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum LowerRatio {
    /// `100 * t / a`: the reciprocal of the higher-is-better ratio (default; the "ratio to
    /// target" of DOMAIN.md's survey, e.g. Camms). Twice the target scores 50, never below 0.
    #[default]
    TargetOverActual,
    /// `100 * (2 - a / t)`: the higher-is-better ratio mirrored at the target, so that each
    /// percent over the target costs one point (the linear "inverse" KPI formula). Twice the
    /// target scores 0.
    TwoMinusActualOverTarget,
}

impl LowerRatio {
    /// The snake_case name used in files and explanations.
    pub fn as_str(self) -> &'static str {
        match self {
            LowerRatio::TargetOverActual => "target_over_actual",
            LowerRatio::TwoMinusActualOverTarget => "two_minus_actual_over_target",
        }
    }
}

fn is_default<T: Default + PartialEq>(x: &T) -> bool {
    *x == T::default()
}

/// How expected progress counts the days between two dates (a day-count convention).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum DayCount {
    /// Actual elapsed days, dates read as instants at the start of their day: the share of
    /// the way on day `d` is `(d - start) / (end - start)`; 0 on the start day, 1 on the end
    /// day (default, as in every earlier version: time elapsed over the whole duration, in
    /// actual days, as DOMAIN.md's progress-over-time tools describe it).
    #[default]
    Elapsed,
    /// Whole days, both the start and the end day counted, a date standing for the end of its
    /// day: `(d - start + 1) / (end - start + 1)`; after the start day 1 day is done, 1 on
    /// the end day (the share of days done at the end of a reporting period).
    Inclusive,
}

impl DayCount {
    /// The snake_case name used in files.
    pub fn as_str(self) -> &'static str {
        match self {
            DayCount::Elapsed => "elapsed",
            DayCount::Inclusive => "inclusive",
        }
    }
}

/// A comparison in an ordered status rule.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum Comparison {
    /// `actual >= threshold`
    AtLeast,
    /// `actual > threshold`
    Above,
    /// `actual <= threshold`
    AtMost,
    /// `actual < threshold`
    Below,
}

/// What a rule threshold is relative to.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum RuleBase {
    /// The threshold is an absolute value.
    #[default]
    Absolute,
    /// The threshold is a multiple of the target in force (`0.9` = 90 % of target).
    TargetFraction,
}

/// One rule: if `actual <comparison> threshold` then `status` (first match wins).
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct StatusRule {
    /// How the actual value is compared.
    pub when: Comparison,
    /// The threshold.
    pub threshold: f64,
    /// What the threshold is relative to.
    #[serde(default)]
    pub relative_to: RuleBase,
    /// The status this rule gives.
    pub status: Status,
    /// The score this rule gives (default: green 100, amber 50, red 0).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub score: Option<f64>,
}

/// A dated point on an expected-progress path.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Milestone {
    /// The day.
    pub date: NaiveDate,
    /// The value expected that day.
    pub value: f64,
}

/// How an indicator is scored, with its parameters. Each method is documented with its
/// formula; `a` is the actual value for the period, `t` the target in force, `b` the baseline.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(
    tag = "method",
    rename_all = "snake_case",
    deny_unknown_fields,
    expecting = "a scoring method: an object with a \"method\" and its parameters, e.g. {\"method\": \"linear_progress\"}"
)]
pub enum ScoringMethod {
    /// Linear progress from the baseline: `100 * (a - b) / (t - b)`; lower-is-better works
    /// unchanged (signs cancel). Needs a baseline and a target.
    LinearProgress {
        /// Highest score: `null` for none, 100 by default, or a ceiling such as 120.
        #[serde(default = "default_cap", skip_serializing_if = "is_default_cap")]
        cap: Option<f64>,
        /// Scores below 0 become 0 (default true).
        #[serde(default = "yes", skip_serializing_if = "is_true")]
        floor_at_zero: bool,
    },
    /// Ratio to target: `100 * a / t` for higher-is-better; for lower-is-better `100 * t / a`
    /// (default) or `100 * (2 - a / t)`, see [`LowerRatio`].
    RatioToTarget {
        /// Highest score: `null` for none, 100 by default, or a ceiling.
        #[serde(default = "default_cap", skip_serializing_if = "is_default_cap")]
        cap: Option<f64>,
        /// What a zero target (or a zero actual, lower-is-better) gives.
        #[serde(default)]
        zero_target: ZeroTargetRule,
        /// The lower-is-better formula (default `target_over_actual`).
        #[serde(default, skip_serializing_if = "is_default")]
        lower_is_better: LowerRatio,
    },
    /// Goal / red flag (Spider Impact): three equal bands on 0-10, the red flag scoring 10/3
    /// and the goal 20/3: `clamp(10/3 * ((a - red_flag) / (goal - red_flag) + 1), 0, 10)`.
    /// Lower-is-better is a goal below the red flag.
    GoalRedFlag {
        /// The goal; the target in force when omitted.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        goal: Option<f64>,
        /// The red flag.
        red_flag: f64,
    },
    /// Band ("stabilise"): 100 inside `[low, high]`, falling linearly to 0 at `tolerance`
    /// outside it.
    Band {
        /// Lower edge of the band.
        low: f64,
        /// Upper edge of the band.
        high: f64,
        /// Distance outside the band at which the score reaches 0.
        tolerance: f64,
    },
    /// Min-max goalposts (composite indicators, HDI): `100 * (a - min) / (max - min)`, or
    /// `(max - a)` for lower-is-better; optionally on `ln` of the values; clamped to 0-100.
    MinMax {
        /// Lower goalpost.
        min: f64,
        /// Upper goalpost.
        max: f64,
        /// Apply the natural logarithm first (values and goalposts must be > 0).
        #[serde(default, skip_serializing_if = "std::ops::Not::not")]
        log: bool,
    },
    /// Ordered status rules (ClearPoint, Power BI): read top to bottom, first match wins,
    /// else `otherwise`.
    StatusRules {
        /// The rules, in order.
        rules: Vec<StatusRule>,
        /// The status when no rule matches.
        otherwise: Status,
        /// The score when no rule matches (default from the status).
        #[serde(default, skip_serializing_if = "Option::is_none")]
        otherwise_score: Option<f64>,
    },
    /// Expected progress over time (Cascade): the expected value moves linearly from
    /// `start_value` at `start` to `end_value` at `end` (through milestones), by the share of
    /// days done on the period's last day ([`DayCount`]); the score is linear progress of the
    /// actual against the expected value: `100 * (a - start_value) / (expected - start_value)`,
    /// capped.
    ExpectedProgress {
        /// Start date.
        start: NaiveDate,
        /// End date.
        end: NaiveDate,
        /// Value at the start.
        start_value: f64,
        /// Value wanted at the end.
        end_value: f64,
        /// Intermediate points, in date order.
        #[serde(default, skip_serializing_if = "Vec::is_empty")]
        milestones: Vec<Milestone>,
        /// Highest score: `null` for none, 100 by default, or a ceiling.
        #[serde(default = "default_cap", skip_serializing_if = "is_default_cap")]
        cap: Option<f64>,
        /// How the days between the dates are counted (default `elapsed`).
        #[serde(default, skip_serializing_if = "is_default")]
        day_count: DayCount,
    },
}

impl ScoringMethod {
    /// The snake_case name of the method.
    pub fn name(&self) -> &'static str {
        match self {
            ScoringMethod::LinearProgress { .. } => "linear_progress",
            ScoringMethod::RatioToTarget { .. } => "ratio_to_target",
            ScoringMethod::GoalRedFlag { .. } => "goal_red_flag",
            ScoringMethod::Band { .. } => "band",
            ScoringMethod::MinMax { .. } => "min_max",
            ScoringMethod::StatusRules { .. } => "status_rules",
            ScoringMethod::ExpectedProgress { .. } => "expected_progress",
        }
    }

    /// The status cut-offs of an indicator scored by this method when neither the indicator
    /// nor the workspace sets its own: green from the score a value exactly at the target
    /// gets, so that green ("on target") never labels a value on the wrong side of it.
    ///
    /// - linear progress, ratio to target, expected progress: green from 100 (100 = the
    ///   target, or the expected value, reached: the methods' own definition);
    /// - band: green from 100 (inside the band), min-max: green from 100 (the aspirational
    ///   goalpost reached: min-max has no other target);
    /// - goal/red flag: green from the goal's score 66.7 (Spider Impact: green at the goal);
    /// - status rules give their status directly: the thirds, for the charts only.
    ///
    /// Amber is from 33.3 for every method (the red flag's score, as before); a cap below
    /// 100 therefore means the indicator is never green with these defaults.
    pub fn default_thresholds(&self) -> StatusThresholds {
        let thirds = StatusThresholds::default();
        match self {
            ScoringMethod::GoalRedFlag { .. } => {
                StatusThresholds { amber: RED_FLAG_SCORE, green: GOAL_SCORE }
            }
            ScoringMethod::StatusRules { .. } => thirds,
            ScoringMethod::LinearProgress { .. }
            | ScoringMethod::RatioToTarget { .. }
            | ScoringMethod::ExpectedProgress { .. }
            | ScoringMethod::Band { .. }
            | ScoringMethod::MinMax { .. } => StatusThresholds { amber: thirds.amber, green: 100.0 },
        }
    }
}

/// What a scoring method needs besides its parameters: the actual value, the target in
/// force, the baseline, the polarity and the last day of the reporting period.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct ScoreInput {
    /// The actual value `a` of the period.
    pub actual: f64,
    /// The target in force `t`, if any.
    pub target: Option<f64>,
    /// The baseline `b`, if any.
    pub baseline: Option<f64>,
    /// Which direction is good.
    pub polarity: crate::model::indicator::Polarity,
    /// The last day of the reporting period (expected progress reads its path there).
    pub date: NaiveDate,
}

/// The score a method gives: 0-100 (up to the cap), plus the native 0-10 score of the
/// goal/red-flag method and the status given directly by status rules.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Scored {
    /// The score on the common scale (0-100, above 100 only when a cap allows it).
    pub score: Option<f64>,
    /// The goal/red-flag score on its own 0-10 scale.
    pub native: Option<f64>,
    /// The status given directly (status rules), else `None` (derived from the score).
    pub status: Option<Status>,
}

/// Why a method gives no score for a value.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum NoScore {
    /// The method needs a target and none is in force for the period.
    NoTarget,
    /// Linear progress needs a baseline (or a trajectory start) and there is none.
    NoBaseline,
    /// The target is zero and the zero-target rule says "no score".
    ZeroTarget,
    /// The goal equals the red flag: the bands have no width.
    GoalEqualsRedFlag,
    /// A logarithmic min-max score needs a value above zero.
    NotPositiveForLog,
    /// A status rule matched whose status is "no data" or "suppressed".
    RuleGivesNoScore,
    /// A ratio to target with a negative target, or (lower-is-better, target over actual) a
    /// negative actual: the ratio of a quantity below zero has no meaning (`5` against `-10`
    /// would score 0 while `5` is above the target).
    NegativeForRatio,
    /// An input is not a finite number, or the score's exact value is beyond `f64` (about
    /// 1.8e308) with no cap to bring it back: no score rather than a wrong one.
    NotFinite,
}

impl std::fmt::Display for NoScore {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(match self {
            NoScore::NoTarget => "no target is in force for the period",
            NoScore::NoBaseline => "linear progress needs a baseline and there is none",
            NoScore::ZeroTarget => "the target is zero and the zero-target rule gives no score",
            NoScore::GoalEqualsRedFlag => "the goal equals the red flag",
            NoScore::NotPositiveForLog => "a logarithmic score needs a value above zero",
            NoScore::RuleGivesNoScore => "the matching status rule gives no score",
            NoScore::NegativeForRatio => "a ratio to target needs a target and an actual of zero or more",
            NoScore::NotFinite => {
                "a number is not finite or the score is beyond the largest number (about 1.8e308)"
            }
        })
    }
}

impl StatusThresholds {
    /// The status of a score: green from `green`, amber from `amber`, red below.
    pub fn status(&self, score: f64) -> Status {
        if score >= self.green {
            Status::Green
        } else if score >= self.amber {
            Status::Amber
        } else {
            Status::Red
        }
    }
}

/// `score` at most `cap`. NaN stays NaN (`f64::min` would turn it into the cap), so that an
/// undefined score is refused by [`ScoringMethod::score`] and never shown as the cap; an
/// infinity (the exact score is beyond `f64`, with its sign) is capped like any number.
fn capped(score: f64, cap: Option<f64>) -> f64 {
    match cap {
        Some(c) if !score.is_nan() => score.min(c),
        _ => score,
    }
}

/// `score` at least 0, NaN kept (see [`capped`]).
fn floored(score: f64) -> f64 {
    if score.is_nan() { score } else { score.max(0.0) }
}

/// `(a - b) / (t - b)` without a spurious overflow: when a difference of two finite numbers
/// is beyond `f64` (`1.7e308 - -1.7e308`), the same ratio is taken on the halves, which
/// cannot overflow; halving is exact for normal numbers, so the result is the exact
/// quotient rounded once, as with the plain formula. Used by every method that places a
/// value between two points.
fn progress(a: f64, b: f64, t: f64) -> f64 {
    let (n, d) = (a - b, t - b);
    if n.is_finite() && d.is_finite() { n / d } else { (a * 0.5 - b * 0.5) / (t * 0.5 - b * 0.5) }
}

/// `100 * (a - b) / (t - b)`, through [`progress`] when the plain formula overflows (the
/// plain formula first, so that ordinary numbers round exactly as they always have).
fn percent_progress(a: f64, b: f64, t: f64) -> f64 {
    let (n, d) = (a - b, t - b);
    if n.is_finite() && d.is_finite() {
        let direct = 100.0 * n / d;
        if direct.is_finite() {
            return direct;
        }
    }
    100.0 * progress(a, b, t)
}

/// `100 * num / den`, taken as `100 * (num / den)` when `100 * num` alone overflows.
fn percent_of(num: f64, den: f64) -> f64 {
    let direct = 100.0 * num / den;
    if direct.is_finite() { direct } else { 100.0 * (num / den) }
}

/// True when `a` is at or beyond `t` in the good direction of `polarity` (inside a band:
/// equal).
pub fn at_or_beyond(a: f64, t: f64, polarity: crate::model::indicator::Polarity) -> bool {
    use crate::model::indicator::Polarity;
    match polarity {
        Polarity::HigherIsBetter => a >= t,
        Polarity::LowerIsBetter => a <= t,
        Polarity::InsideBand => a == t,
    }
}

/// The point a share `x` (0-1) of the way from `from` to `to`: `from + x * (to - from)`, or
/// `from * (1 - x) + to * x` when the difference alone is beyond `f64` (from -1.7e308 to
/// 1.7e308), so that a path between finite values stays finite. Expected progress and target
/// trajectories interpolate with it.
pub fn lerp(from: f64, to: f64, x: f64) -> f64 {
    let d = to - from;
    if d.is_finite() { from + x * d } else { from * (1.0 - x) + to * x }
}

/// The value an expected-progress path has on `date`: linear between the dated points
/// `(start, start_value)`, the milestones and `(end, end_value)`, by the share of days done
/// under `day_count`; before the start it is `start_value`, after the end `end_value`.
///
/// Days are counted as day numbers: with [`DayCount::Elapsed`] a date is the start of its
/// day; with [`DayCount::Inclusive`] `date`, the milestones and `end` stand for the end of
/// their day (one day later) and `start` for the start of its day, so that without
/// milestones the share is `(d - start + 1) / (end - start + 1)`.
pub fn expected_at(
    start: NaiveDate,
    end: NaiveDate,
    start_value: f64,
    end_value: f64,
    milestones: &[Milestone],
    date: NaiveDate,
    day_count: DayCount,
) -> f64 {
    let day = |x: NaiveDate| i64::from(x.num_days_from_ce());
    let shift = i64::from(day_count == DayCount::Inclusive);
    let now = day(date) + shift;
    let mut prev = (day(start), start_value);
    if now <= prev.0 {
        return start_value;
    }
    let points = milestones.iter().map(|m| (m.date, m.value)).chain(std::iter::once((end, end_value)));
    for (d, v) in points {
        let at = day(d) + shift;
        if now <= at {
            let span = (at - prev.0) as f64;
            if span <= 0.0 {
                return v;
            }
            return lerp(prev.1, v, (now - prev.0) as f64 / span);
        }
        prev = (at, v);
    }
    end_value
}

/// `x` as the decimal it is written as: the shortest form that reads back as the same
/// `f64` (the `1.1` of a file is 1.1, not 1.100000000000000088...). `None` for a number
/// a [`Decimal`] cannot hold exactly (not finite, beyond about 7.9e28, or more than 28
/// decimal places).
pub fn decimal_of(x: f64) -> Option<Decimal> {
    if !x.is_finite() {
        return None;
    }
    Decimal::from_str_exact(&x.to_string()).ok()
}

/// The threshold of one status rule for a target: exact in decimal when it can be (a fraction
/// of the target is `fraction * target` computed in decimal, so that 1.1 x 100 is 110 and
/// not the 110.00000000000001 of binary floating point), else in `f64`.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct RuleCut {
    /// The threshold in decimal, when both factors (or the absolute value) are decimals.
    pub exact: Option<Decimal>,
    /// The threshold in `f64` (from the decimal when there is one), for display and charts.
    pub value: f64,
}

impl RuleCut {
    /// The threshold of `rule` with `target` in force; `None` when the rule is relative to
    /// the target and there is none.
    pub fn of(rule: &StatusRule, target: Option<f64>) -> Option<RuleCut> {
        match rule.relative_to {
            RuleBase::Absolute => Some(RuleCut { exact: decimal_of(rule.threshold), value: rule.threshold }),
            RuleBase::TargetFraction => {
                let t = target?;
                let exact = decimal_of(rule.threshold).zip(decimal_of(t)).and_then(|(f, t)| f.checked_mul(t));
                let value = exact.and_then(|d| d.to_f64()).unwrap_or(rule.threshold * t);
                Some(RuleCut { exact, value })
            }
        }
    }

    /// True when `a` satisfies `a <when> threshold`: compared in decimal when both sides are
    /// decimals, else in `f64`.
    pub fn hit(&self, when: Comparison, a: f64) -> bool {
        let order = match (decimal_of(a), self.exact) {
            (Some(a), Some(t)) => Some(a.cmp(&t)),
            _ => a.partial_cmp(&self.value),
        };
        let Some(order) = order else { return false };
        match when {
            Comparison::AtLeast => order.is_ge(),
            Comparison::Above => order.is_gt(),
            Comparison::AtMost => order.is_le(),
            Comparison::Below => order.is_lt(),
        }
    }
}

fn default_rule_score(status: Status) -> Option<f64> {
    match status {
        Status::Green => Some(100.0),
        Status::Amber => Some(50.0),
        Status::Red => Some(0.0),
        Status::NoData | Status::Suppressed => None,
    }
}

/// Linear progress with the target-equals-baseline rule: `100 * (a - b) / (t - b)`; when
/// `t == b` the score is 100 if `a` is at or beyond `t` in the good direction, else 0. A value
/// equal to the target scores exactly 100 (the division alone can round it to 99.99999999999999).
fn linear(a: f64, b: f64, t: f64, polarity: crate::model::indicator::Polarity) -> f64 {
    if t == b {
        if at_or_beyond(a, t, polarity) { 100.0 } else { 0.0 }
    } else if a == t {
        100.0
    } else {
        percent_progress(a, b, t)
    }
}

/// The ratio-to-target score before the cap, `None` on a zero denominator: `100 * a / t`
/// (higher-is-better and inside a band), else by [`LowerRatio`]. A value equal to the target
/// scores exactly 100.
fn ratio(a: f64, t: f64, polarity: crate::model::indicator::Polarity, lower: LowerRatio) -> Option<f64> {
    use crate::model::indicator::Polarity;
    let den = match (polarity, lower) {
        (Polarity::LowerIsBetter, LowerRatio::TargetOverActual) => a,
        _ => t,
    };
    if den == 0.0 {
        return None;
    }
    if a == t {
        return Some(100.0);
    }
    Some(match (polarity, lower) {
        (Polarity::LowerIsBetter, LowerRatio::TargetOverActual) => percent_of(t, a),
        (Polarity::LowerIsBetter, LowerRatio::TwoMinusActualOverTarget) => 100.0 * (2.0 - a / t),
        _ => percent_of(a, t),
    })
}

/// Linear progress, capped and (optionally) floored: the arithmetic of
/// [`ScoringMethod::LinearProgress`], shared by the single and the series paths.
#[inline]
fn linear_progress(
    a: f64,
    b: f64,
    t: f64,
    polarity: crate::model::indicator::Polarity,
    cap: Option<f64>,
    floor: bool,
) -> f64 {
    let s = capped(linear(a, b, t, polarity), cap);
    if floor { floored(s) } else { s }
}

impl ScoringMethod {
    /// Score a series of periods at once (the engine's dense path): `actual[i]` (NaN when
    /// absent) against `targets[i]` (NaN when none) on `dates[i]`; writes `scores[i]` and
    /// `statuses[i]` (from the rules, else from `thresholds`) where a score exists and leaves
    /// the other cells untouched. Same results as [`score`](ScoringMethod::score) per period;
    /// the method is matched once, not per value.
    #[allow(clippy::too_many_arguments)]
    pub fn score_series(
        &self,
        actual: &[f64],
        targets: &[f64],
        dates: &[NaiveDate],
        baseline: Option<f64>,
        polarity: crate::model::indicator::Polarity,
        thresholds: &StatusThresholds,
        scores: &mut [f64],
        statuses: &mut [Status],
    ) {
        let cells = actual.iter().zip(targets).zip(scores.iter_mut()).zip(statuses.iter_mut());
        if let (ScoringMethod::LinearProgress { cap, floor_at_zero }, Some(b)) = (self, baseline) {
            if !b.is_finite() {
                return;
            }
            for (((&a, &t), score), status) in cells {
                if !(a.is_finite() && t.is_finite()) {
                    continue;
                }
                let s = linear_progress(a, b, t, polarity, *cap, *floor_at_zero);
                if !s.is_finite() {
                    continue;
                }
                *score = s;
                *status = thresholds.status(s);
            }
            return;
        }
        for ((((&a, &t), score), status), &date) in cells.zip(dates) {
            if a.is_nan() {
                continue;
            }
            let input =
                ScoreInput { actual: a, target: (!t.is_nan()).then_some(t), baseline, polarity, date };
            if let Ok(Scored { score: Some(s), status: given, .. }) = self.score(&input) {
                *score = s;
                *status = given.unwrap_or_else(|| thresholds.status(s));
            }
        }
    }

    /// The score of an actual value, with the formula of each method as documented on its
    /// variant. Caps apply after the formula; linear progress floors at 0 unless
    /// `floor_at_zero` is false; every other method floors at 0.
    ///
    /// Edge rules: linear progress with `t == b` gives 100 when `a` is at or beyond the
    /// target in the good direction, else 0; ratio to target with a zero denominator (`t`
    /// for higher-is-better, `a` for lower-is-better) follows [`ZeroTargetRule`]
    /// (right side of zero: 100 when `a` is at or beyond `t`, else 0); ratio to target reads
    /// "inside a band" as higher-is-better; goal/red flag uses the target in force when no
    /// goal is given.
    ///
    /// No score is ever a number outside `f64`: an actual, target or baseline that is not
    /// finite, or a score whose exact value is beyond `f64` with no cap to bring it back, gives
    /// [`NoScore::NotFinite`]. Differences of two huge finite numbers are taken without a
    /// spurious overflow, so `min_max` over goalposts of ±1.7e308 scores 50 at 0.
    #[inline]
    pub fn score(&self, input: &ScoreInput) -> Result<Scored, NoScore> {
        let finite = |x: Option<f64>| x.is_none_or(f64::is_finite);
        if !(input.actual.is_finite() && finite(input.target) && finite(input.baseline)) {
            return Err(NoScore::NotFinite);
        }
        let scored = self.score_finite(input)?;
        if scored.score.is_some_and(|s| !s.is_finite()) || scored.native.is_some_and(|s| !s.is_finite()) {
            return Err(NoScore::NotFinite);
        }
        Ok(scored)
    }

    /// [`score`](ScoringMethod::score) on finite inputs, before the check of the result.
    #[inline]
    fn score_finite(&self, input: &ScoreInput) -> Result<Scored, NoScore> {
        use crate::model::indicator::Polarity;
        let a = input.actual;
        let plain = |s: f64| Ok(Scored { score: Some(s), native: None, status: None });
        match self {
            ScoringMethod::LinearProgress { cap, floor_at_zero } => {
                let t = input.target.ok_or(NoScore::NoTarget)?;
                let b = input.baseline.ok_or(NoScore::NoBaseline)?;
                plain(linear_progress(a, b, t, input.polarity, *cap, *floor_at_zero))
            }
            ScoringMethod::RatioToTarget { cap, zero_target, lower_is_better } => {
                let t = input.target.ok_or(NoScore::NoTarget)?;
                let divides_by_actual = input.polarity == Polarity::LowerIsBetter
                    && *lower_is_better == LowerRatio::TargetOverActual;
                if t < 0.0 || (divides_by_actual && a < 0.0) {
                    return Err(NoScore::NegativeForRatio);
                }
                let raw = match ratio(a, t, input.polarity, *lower_is_better) {
                    Some(r) => r,
                    None => match zero_target {
                        ZeroTargetRule::NoScore => return Err(NoScore::ZeroTarget),
                        ZeroTargetRule::RightSideOfZero => {
                            if at_or_beyond(a, t, input.polarity) {
                                100.0
                            } else {
                                0.0
                            }
                        }
                    },
                };
                plain(floored(capped(raw, *cap)))
            }
            ScoringMethod::GoalRedFlag { goal, red_flag } => {
                let g = match goal {
                    Some(g) => *g,
                    None => input.target.ok_or(NoScore::NoTarget)?,
                };
                if g == *red_flag {
                    return Err(NoScore::GoalEqualsRedFlag);
                }
                // NaN (not finite parameters) stays NaN through the clamp and is refused
                let native = (10.0 / 3.0 * (progress(a, *red_flag, g) + 1.0)).clamp(0.0, 10.0);
                Ok(Scored { score: Some(native * 10.0), native: Some(native), status: None })
            }
            ScoringMethod::Band { low, high, tolerance } => {
                let outside = if a < *low {
                    low - a
                } else if a > *high {
                    a - high
                } else {
                    0.0
                };
                plain((100.0 * (1.0 - outside / tolerance)).clamp(0.0, 100.0))
            }
            ScoringMethod::MinMax { min, max, log } => {
                let (x, lo, hi) = if *log {
                    if a <= 0.0 || *min <= 0.0 {
                        return Err(NoScore::NotPositiveForLog);
                    }
                    (a.ln(), min.ln(), max.ln())
                } else {
                    (a, *min, *max)
                };
                // the goalpost itself scores exactly 100 (the division alone can give 99.99999999999999)
                let s = match input.polarity {
                    Polarity::LowerIsBetter if x == lo => 100.0,
                    Polarity::LowerIsBetter => percent_progress(x, hi, lo),
                    _ if x == hi => 100.0,
                    _ => percent_progress(x, lo, hi),
                };
                plain(s.clamp(0.0, 100.0))
            }
            ScoringMethod::StatusRules { rules, otherwise, otherwise_score } => {
                for r in rules {
                    let cut = RuleCut::of(r, input.target).ok_or(NoScore::NoTarget)?;
                    if cut.hit(r.when, a) {
                        let score =
                            r.score.or(default_rule_score(r.status)).ok_or(NoScore::RuleGivesNoScore)?;
                        return Ok(Scored { score: Some(score), native: None, status: Some(r.status) });
                    }
                }
                let score =
                    otherwise_score.or(default_rule_score(*otherwise)).ok_or(NoScore::RuleGivesNoScore)?;
                Ok(Scored { score: Some(score), native: None, status: Some(*otherwise) })
            }
            ScoringMethod::ExpectedProgress {
                start,
                end,
                start_value,
                end_value,
                milestones,
                cap,
                day_count,
            } => {
                let expected =
                    expected_at(*start, *end, *start_value, *end_value, milestones, input.date, *day_count);
                let s = floored(capped(linear(a, *start_value, expected, input.polarity), *cap));
                plain(s)
            }
        }
    }

    /// The formula of [`score`](ScoringMethod::score) with the numbers substituted, as a
    /// tree (its English text, `100 * (42 - 30) / (50 - 30) = 60`, is its `Display`).
    pub fn formula(&self, input: &ScoreInput) -> Formula {
        use crate::engine::evaluation::{Op as O, Operand as R};
        use crate::model::indicator::Polarity;
        let v = Formula::value;
        let op = Formula::op;
        let a = input.actual;
        let result = match self.score(input) {
            Ok(Scored { score: Some(s), .. }) => s,
            Ok(_) => return op(O::NoScore { reason: NoScore::RuleGivesNoScore }, Vec::new()),
            Err(reason) => return op(O::NoScore { reason }, Vec::new()),
        };
        let capped = |f: Formula, cap: &Option<f64>| match cap {
            Some(c) => op(O::Capped, vec![f, v(*c, R::Cap)]),
            None => f,
        };
        // `100 * x / y`
        let percent =
            |x: Formula, y: Formula| op(O::Div, vec![op(O::Mul, vec![v(100.0, R::Constant), x]), y]);
        let diff = |x: Formula, y: Formula| op(O::Sub, vec![x, y]);
        let calc = match self {
            ScoringMethod::LinearProgress { cap, floor_at_zero } => {
                let (t, b) = (input.target.unwrap_or(f64::NAN), input.baseline.unwrap_or(f64::NAN));
                if t == b {
                    op(
                        O::TargetEqualsBaseline { reached: at_or_beyond(a, t, input.polarity) },
                        vec![v(t, R::Target), v(a, R::Actual)],
                    )
                } else {
                    let f = percent(
                        diff(v(a, R::Actual), v(b, R::Baseline)),
                        diff(v(t, R::Target), v(b, R::Baseline)),
                    );
                    let f = capped(f, cap);
                    if *floor_at_zero { op(O::FlooredAtZero, vec![f]) } else { f }
                }
            }
            ScoringMethod::RatioToTarget { cap, lower_is_better, .. } => {
                let t = input.target.unwrap_or(f64::NAN);
                let lower = input.polarity == Polarity::LowerIsBetter;
                let (num, den) = match (lower, lower_is_better) {
                    (true, LowerRatio::TargetOverActual) => (v(t, R::Target), v(a, R::Actual)),
                    _ => (v(a, R::Actual), v(t, R::Target)),
                };
                let den_zero = matches!(den, Formula::Value { value, .. } if value == 0.0);
                if den_zero {
                    op(O::RightSideOfZero, vec![v(a, R::Actual), v(t, R::Target)])
                } else if !lower {
                    capped(percent(num, den), cap)
                } else if *lower_is_better == LowerRatio::TargetOverActual {
                    capped(op(O::LowerIsBetter { ratio: *lower_is_better }, vec![percent(num, den)]), cap)
                } else {
                    let f = op(
                        O::Mul,
                        vec![v(100.0, R::Constant), diff(v(2.0, R::Constant), op(O::Div, vec![num, den]))],
                    );
                    capped(op(O::LowerIsBetter { ratio: *lower_is_better }, vec![f]), cap)
                }
            }
            ScoringMethod::GoalRedFlag { goal, red_flag } => {
                let g = goal.or(input.target).unwrap_or(f64::NAN);
                let share = op(
                    O::Div,
                    vec![
                        diff(v(a, R::Actual), v(*red_flag, R::RedFlag)),
                        diff(v(g, R::Goal), v(*red_flag, R::RedFlag)),
                    ],
                );
                let native = op(
                    O::Mul,
                    vec![
                        op(O::Div, vec![v(10.0, R::Constant), v(3.0, R::Constant)]),
                        op(O::Add, vec![share, v(1.0, R::Constant)]),
                    ],
                );
                op(
                    O::Mul,
                    vec![
                        v(10.0, R::Constant),
                        op(O::Clamp, vec![native, v(0.0, R::Constant), v(10.0, R::Constant)]),
                    ],
                )
            }
            ScoringMethod::Band { low, high, tolerance } => {
                let f = op(
                    O::Mul,
                    vec![
                        v(100.0, R::Constant),
                        diff(
                            v(1.0, R::Constant),
                            op(
                                O::Div,
                                vec![Formula::Named { of: R::DistanceOutside }, v(*tolerance, R::Tolerance)],
                            ),
                        ),
                    ],
                );
                op(
                    O::Band,
                    vec![v(a, R::Actual), v(*low, R::Low), v(*high, R::High), v(*tolerance, R::Tolerance), f],
                )
            }
            ScoringMethod::MinMax { min, max, log } => {
                let f = |x: f64, of: R| if *log { op(O::Ln, vec![v(x, of)]) } else { v(x, of) };
                match input.polarity {
                    Polarity::LowerIsBetter => percent(
                        diff(f(*max, R::Max), f(a, R::Actual)),
                        diff(f(*max, R::Max), f(*min, R::Min)),
                    ),
                    _ => percent(
                        diff(f(a, R::Actual), f(*min, R::Min)),
                        diff(f(*max, R::Max), f(*min, R::Min)),
                    ),
                }
            }
            ScoringMethod::StatusRules { rules, otherwise, .. } => {
                let mut matched = None;
                for (i, r) in rules.iter().enumerate() {
                    let Some(cut) = RuleCut::of(r, input.target) else { break };
                    if cut.hit(r.when, a) {
                        let compare = op(
                            O::Compare { when: r.when },
                            vec![v(a, R::Actual), v(cut.value, R::Threshold)],
                        );
                        matched = Some(op(O::Rule { number: i as u32 + 1, status: r.status }, vec![compare]));
                        break;
                    }
                }
                matched.unwrap_or_else(|| op(O::Otherwise { status: *otherwise }, vec![v(a, R::Actual)]))
            }
            ScoringMethod::ExpectedProgress {
                start,
                end,
                start_value,
                end_value,
                milestones,
                cap,
                day_count,
            } => {
                let e =
                    expected_at(*start, *end, *start_value, *end_value, milestones, input.date, *day_count);
                let expected =
                    op(O::ExpectedOn { date: input.date, day_count: *day_count }, Vec::new()).equals(e);
                let f = percent(
                    diff(v(a, R::Actual), v(*start_value, R::StartValue)),
                    diff(v(e, R::Expected), v(*start_value, R::StartValue)),
                );
                return op(O::Then, vec![expected, capped(f, cap).equals(result)]);
            }
        };
        calc.equals(result)
    }
}

/// A number for explanations: integers without decimals, others rounded to at most 4
/// decimals (`56.6667`); `?` for a non-finite number.
pub fn fmt_num(x: f64) -> String {
    if !x.is_finite() {
        return "?".to_string();
    }
    // round to 4 decimals, then print the shortest form (fast, and never more than 4 decimals)
    let r = if x.abs() < 1e11 { (x * 1e4).round() / 1e4 } else { x };
    if r == 0.0 {
        return "0".to_string();
    }
    if r.abs() >= 1e15 {
        // 1.7e308 as "1.7e308", not its 309 digits
        return format!("{r:e}");
    }
    if r.fract() == 0.0 {
        return format!("{}", r as i64);
    }
    format!("{r}")
}

#[cfg(test)]
mod tests {
    use super::fmt_num;

    #[test]
    fn numbers_for_explanations() {
        assert_eq!(fmt_num(60.0), "60");
        assert_eq!(fmt_num(170.0 / 3.0), "56.6667");
        assert_eq!(fmt_num(0.1), "0.1");
        assert_eq!(fmt_num(-2.5), "-2.5");
        assert_eq!(fmt_num(0.00001), "0");
        assert_eq!(fmt_num(-0.00001), "0");
        assert_eq!(fmt_num(123.456), "123.456");
        assert_eq!(fmt_num(1e12 + 0.5), "1000000000000.5");
        assert_eq!(fmt_num(f64::NAN), "?");
        assert_eq!(fmt_num(1.7e308), "1.7e308");
        assert_eq!(fmt_num(-2.5e15), "-2.5e15");
    }
}
