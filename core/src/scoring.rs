//! Scoring methods: how an indicator's actual value becomes a score, and a score a status.
//!
//! Every method of the field is here (see DOMAIN.md). Scores are reported on a common
//! 0-100 scale so that they roll up; the goal/red-flag method also reports its native 0-10
//! score. Statuses come from the score through [`StatusThresholds`] (default: thirds, as in
//! goal/red flag: red below 33.3, amber below 66.7, green from 66.7), except for ordered
//! status rules, which give a status directly. "No data" and "suppressed" are statuses of
//! their own, never a red.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

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

impl Default for StatusThresholds {
    fn default() -> Self {
        StatusThresholds { amber: 100.0 / 3.0, green: 200.0 / 3.0 }
    }
}

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
#[serde(tag = "method", rename_all = "snake_case", deny_unknown_fields)]
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
    /// Ratio to target: `100 * a / t` for higher-is-better, `100 * t / a` for lower-is-better.
    RatioToTarget {
        /// Highest score: `null` for none, 100 by default, or a ceiling.
        #[serde(default = "default_cap", skip_serializing_if = "is_default_cap")]
        cap: Option<f64>,
        /// What a zero target (or a zero actual, lower-is-better) gives.
        #[serde(default)]
        zero_target: ZeroTargetRule,
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
    /// `start_value` at `start` to `end_value` at `end` (through milestones); the score is
    /// linear progress of the actual against the expected value at the period's end:
    /// `100 * (a - start_value) / (expected - start_value)`, capped.
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

    /// True when the method needs a target in force for the period.
    pub fn needs_target(&self) -> bool {
        matches!(
            self,
            ScoringMethod::LinearProgress { .. }
                | ScoringMethod::RatioToTarget { .. }
                | ScoringMethod::GoalRedFlag { goal: None, .. }
        ) || matches!(self, ScoringMethod::StatusRules { rules, .. } if rules.iter().any(|r| r.relative_to == RuleBase::TargetFraction))
    }
}
