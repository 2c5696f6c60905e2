//! Evaluating a scorecard: the result types and [`evaluate`] / [`evaluate_range`].
//!
//! An [`Evaluation`] is plain data: the organisation, the period, a flat list of
//! [`NodeResult`] rows in a fixed order (the scorecard root `"scorecard"`, then perspectives,
//! objectives and indicators in definition order) and the strategy-map [`LinkResult`]s. Each
//! row carries its [`Explanation`] as data. Results hold no map, so their JSON is the same
//! on every platform. They are built from the dense run of the [`Engine`] (see the `plan`
//! module): a range is computed in one pass, then each period's rows are read off it.
//!
//! Staff data: a suppressed measurement's value is never copied into the engine, so it
//! appears in no value, score, input, formula, trend, forecast or correlation; the
//! indicator's status is `suppressed` and its parents count it as missing. A reporting
//! period that contains a suppressed measurement (a quarter with one suppressed month) is
//! suppressed as a whole: an aggregate without that month would let a reader work it out.
//! A calculated indicator that reads a suppressed one is suppressed too.
//!
//! ```
//! use pilotage::{Status, Workspace, evaluate, explain};
//!
//! let ws = Workspace::from_json(r#"{
//!   "schema_version": 1, "organisation": "Ville exemple",
//!   "indicators": [{
//!     "id": "lead-time", "name": "Instruction lead time", "unit": "days",
//!     "frequency": "monthly", "aggregation": "mean", "polarity": "lower_is_better",
//!     "baseline": { "period": "2024-12", "value": 120 },
//!     "targets": [{ "period": "2025", "value": 30 }],
//!     "scoring": { "method": "linear_progress" },
//!     "measurements": [
//!       { "period": "2025-01", "value": 90 }, { "period": "2025-02", "value": 80 },
//!       { "period": "2025-03", "value": 70 }
//!     ]
//!   }],
//!   "scorecard": {
//!     "perspectives": [{ "id": "process", "name": "Internal processes" }],
//!     "objectives": [{ "id": "faster", "name": "Decide faster", "perspective": "process",
//!                      "indicators": [{ "indicator": "lead-time" }] }]
//!   }
//! }"#)?;
//! let q1 = evaluate(&ws, "2025-Q1".parse()?)?;
//! let lead = q1.node("lead-time").unwrap();
//! // mean of 90, 80, 70 = 80 days; 100 * (80 - 120) / (30 - 120) = 44.44: amber
//! assert_eq!(lead.value, Some(80.0));
//! assert_eq!(lead.status, Status::Amber);
//! assert_eq!(q1.node("scorecard").unwrap().score, lead.score);
//! assert!(explain(&q1, "lead-time")?.contains("100 * (80 - 120) / (30 - 120)"));
//! # Ok::<(), pilotage::Error>(())
//! ```

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use crate::engine::derived::MetricBasis;
use crate::engine::expression::EvalIssue;
use crate::engine::rollup::{ChildInput, NoDataReason, Treatment};
use crate::engine::scoring::{
    Comparison, DayCount, LowerRatio, NoScore, ScoreInput, ScoringMethod, Status, StatusThresholds,
};
use crate::engine::target::{TargetInForce, TargetPolicy};
use crate::engine::trend::Direction;
use crate::engine::{Engine, Grid, IndPlan, NodeKind, SourcePlan, ordinal_of_month, window};
use crate::error::Error;
use crate::model::indicator::{Metric, PeriodValue, TimeAggregation};
use crate::model::period::{Frequency, Period};
use crate::model::scorecard::{MissingPolicy, Rollup, Sign, Weight};

/// The scorecard at one reporting period.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, schemars::JsonSchema)]
pub struct Evaluation {
    /// The organisation.
    pub organisation: String,
    /// The reporting period.
    pub period: Period,
    /// Every node: root, perspectives, objectives, indicators (definition order).
    pub nodes: Vec<NodeResult>,
    /// The strategy-map links and what the data says of them.
    pub links: Vec<LinkResult>,
}

impl Evaluation {
    /// The row of a node by id.
    pub fn node(&self, id: &str) -> Option<&NodeResult> {
        self.nodes.iter().find(|n| n.id == id)
    }
}

/// One node at one period: a flat row.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, schemars::JsonSchema)]
pub struct NodeResult {
    /// Id (`"scorecard"` for the root).
    pub id: String,
    /// Name.
    pub name: String,
    /// Kind of node.
    pub kind: NodeKind,
    /// Ids of its parents (an indicator may sit under several objectives).
    pub parents: Vec<String>,
    /// The reporting period.
    pub period: Period,
    /// Score on 0-100 (above 100 only when a cap allows it).
    pub score: Option<f64>,
    /// The goal/red-flag score on its native 0-10 scale.
    pub native_score: Option<f64>,
    /// Status.
    pub status: Status,
    /// Share of weight with data (indicators: share of the measurement periods present).
    pub coverage: f64,
    /// The actual value (indicators).
    pub value: Option<f64>,
    /// The target in force (indicators).
    pub target: Option<f64>,
    /// The unit (indicators).
    pub unit: Option<String>,
    /// Change against the previous period and a year before.
    pub trend: Trend,
    /// Projection to the target date (indicators with one, while it is ahead).
    pub forecast: Option<Forecast>,
    /// Why the score is what it is.
    pub explanation: Explanation,
}

/// Score changes of a node.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize, schemars::JsonSchema)]
pub struct Trend {
    /// Score at the previous period.
    pub previous_score: Option<f64>,
    /// `score - previous_score`.
    pub change: Option<f64>,
    /// Score at the same period a year before.
    pub year_ago_score: Option<f64>,
    /// `score - year_ago_score`.
    pub year_change: Option<f64>,
    /// Direction of `change` with the stability tolerance.
    pub direction: Direction,
}

/// A least-squares projection of an indicator to its target date.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize, schemars::JsonSchema)]
pub struct Forecast {
    /// The target's period (last explicit target or trajectory end).
    pub target_period: Period,
    /// The target value there.
    pub target: f64,
    /// The projected value at the target period (none with fewer than two points).
    pub projected: Option<f64>,
    /// Slope of the fitted line, per reporting period.
    pub slope: Option<f64>,
    /// Number of periods the fit rests on.
    pub points: u32,
    /// Whether the projection meets the target in the good direction.
    pub on_track: Option<bool>,
}

/// Where an indicator's value comes from, for this period.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum SourceUsed {
    /// From measurements (see `inputs` and `time_aggregation`).
    Measured,
    /// From a formula over other indicators.
    Calculated {
        /// The formula.
        expression: String,
        /// The formula with the values substituted and its result.
        substituted: Option<Formula>,
    },
    /// From the portfolio and partnership records.
    Derived {
        /// The metric.
        metric: Metric,
        /// What the value rests on (how many records, or why there is none), as a code.
        basis: MetricBasis,
        /// Ids of the records counted.
        records: Vec<String>,
    },
}

/// A measurement (or, for calculated indicators, another indicator's value) used.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, schemars::JsonSchema)]
pub struct InputUsed {
    /// The other indicator's id (calculated indicators).
    pub indicator: Option<String>,
    /// The period of the measurement.
    pub period: Period,
    /// The value (none when suppressed).
    pub value: Option<f64>,
    /// Numerator (rates).
    pub numerator: Option<f64>,
    /// Denominator (rates).
    pub denominator: Option<f64>,
    /// Whether it is suppressed (too few respondents): its value is not shown.
    pub suppressed: bool,
}

/// How measurements were brought to the reporting period.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, schemars::JsonSchema)]
pub struct TimeAggregationUsed {
    /// The aggregation.
    pub method: TimeAggregation,
    /// The indicator's frequency.
    pub measured: Frequency,
    /// The reporting frequency.
    pub reported: Frequency,
    /// The measurement periods consulted.
    pub periods: Vec<Period>,
    /// Those that had a (non-suppressed) measurement.
    pub present: Vec<Period>,
    /// How the measurement periods relate to the reporting period.
    pub rule: TimeRule,
}

/// How an indicator's measurement periods were brought to the reporting period.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum TimeRule {
    /// Finer measurements (months in a quarter) aggregated by the method.
    Aggregated,
    /// The measurement of the reporting period itself (same frequency).
    SamePeriod,
    /// A coarser measurement: the latest period ended by the end of the reporting period.
    LatestEnded,
}

/// A child of a roll-up node and what happened to it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, schemars::JsonSchema)]
pub struct ChildUsed {
    /// Id.
    pub id: String,
    /// Name.
    pub name: String,
    /// Weight in force for the period (relative).
    pub raw_weight: f64,
    /// Its share of the result after rescaling.
    pub effective_weight: f64,
    /// Its own score for the period.
    pub score: Option<f64>,
    /// Its own status.
    pub status: Status,
    /// What the missing-data policy did.
    pub treatment: Treatment,
    /// Under carry-forward: the score used and the period it comes from.
    pub carried_score: Option<f64>,
    /// The period a carried score comes from.
    pub carried_from: Option<Period>,
}

/// Why a node has the score and status it has, as data.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, schemars::JsonSchema)]
pub struct Explanation {
    /// The scoring method (indicators) or roll-up aggregation (others).
    pub method: String,
    /// The scoring method with its parameters (indicators).
    pub scoring: Option<ScoringMethod>,
    /// The roll-up settings (other nodes).
    pub rollup: Option<Rollup>,
    /// Where the value comes from (indicators).
    pub source: Option<SourceUsed>,
    /// Measurements or input values used.
    pub inputs: Vec<InputUsed>,
    /// Time aggregation applied (measured indicators).
    pub time_aggregation: Option<TimeAggregationUsed>,
    /// The period the value is carried from, when it ended before the reporting period: an
    /// indicator measured less often than the report (a yearly survey in a quarterly report)
    /// shows its latest period ended by the end of the reporting period, and is scored
    /// against that period's target (also when, as in the last quarter of the year, that
    /// period ends with the reporting period and nothing is carried).
    pub value_period: Option<Period>,
    /// The target in force and its origin (at `value_period` when there is one).
    pub target: Option<TargetInForce>,
    /// The baseline.
    pub baseline: Option<PeriodValue>,
    /// The formula with the numbers substituted, as a tree of operations (scoring method for
    /// an indicator, roll-up for the other nodes).
    pub formula: Option<Formula>,
    /// Children with their weights and treatment (roll-up nodes).
    pub children: Vec<ChildUsed>,
    /// Share of weight with data.
    pub coverage: f64,
    /// The status cut-offs used.
    pub thresholds: StatusThresholds,
    /// Which cut-off or rule gave the status.
    pub status_reason: StatusReason,
    /// Why there is no data (or no score), if there is none: codes with their numbers.
    pub reasons: Vec<Reason>,
}

/// Which cut-off or rule gave a node its status. Serialised with a `rule` tag in
/// snake_case: `{"rule": "amber", "score": 44.4, "amber": 33.3, "green": 100}`.
#[derive(Debug, Clone, Copy, PartialEq, Deserialize, schemars::JsonSchema)]
#[serde(tag = "rule", rename_all = "snake_case")]
pub enum StatusReason {
    /// A measurement rests on fewer people than the minimum group size.
    Suppressed,
    /// No data for the period (see the reasons).
    NoData,
    /// The first matching rule of the status-rules method gave the status.
    StatusRule {
        /// The status the rule gives.
        status: Status,
    },
    /// The score is at or above the green cut-off.
    Green {
        /// The score.
        score: f64,
        /// The green cut-off.
        green: f64,
    },
    /// The score is at or above the amber cut-off and below the green one.
    Amber {
        /// The score.
        score: f64,
        /// The amber cut-off.
        amber: f64,
        /// The green cut-off.
        green: f64,
    },
    /// The score is below the amber cut-off.
    Red {
        /// The score.
        score: f64,
        /// The amber cut-off.
        amber: f64,
    },
    /// A status without a score to compare (kept as it is).
    Given {
        /// The status.
        status: Status,
    },
}

/// Why a node has no value or no score, as a code with its numbers. Serialised with a
/// `code` tag in snake_case: `{"code": "no_measurement", "periods": ["2025"]}`.
#[derive(Debug, Clone, PartialEq, Deserialize, schemars::JsonSchema)]
#[serde(tag = "code", rename_all = "snake_case")]
pub enum Reason {
    /// No measurement in any of these periods.
    NoMeasurement {
        /// The measurement periods consulted.
        periods: Vec<Period>,
    },
    /// A ratio of sums whose denominators sum to zero.
    DenominatorsZero,
    /// The aggregate of the measurements is beyond `f64`.
    AggregateTooLarge,
    /// The engine has no portfolio and partnership records to derive the value from.
    RecordsUnavailable,
    /// An indicator the formula reads is suppressed for the period.
    InputSuppressed,
    /// An indicator the formula reads has no value for the period.
    InputMissing {
        /// Its id.
        indicator: String,
    },
    /// The formula divides by zero.
    DivisionByZero {
        /// The part of the formula that does.
        expression: String,
    },
    /// The formula's result is beyond `f64`.
    ResultOverflows,
    /// No target in force for the period the value is scored at.
    NoTarget {
        /// That period.
        period: Period,
        /// The period of the latest earlier target, if any.
        latest: Option<Period>,
        /// The indicator's target policy.
        policy: TargetPolicy,
    },
    /// The scoring method gives no score for the value.
    NoScore {
        /// Why.
        cause: NoScore,
    },
    /// A roll-up node has no score.
    Rollup {
        /// Why.
        cause: NoDataReason,
    },
    /// The share of weight with data is below the node's minimum coverage.
    BelowMinCoverage {
        /// The share of weight with data (0-1).
        coverage: f64,
        /// The node's minimum coverage (0-1).
        min: f64,
    },
    /// A derived indicator's metric has no value for the period.
    Derived {
        /// The metric.
        metric: Metric,
        /// The metric's period (the indicator's, which may be coarser than the report's).
        period: Period,
        /// What it rests on and why there is no value.
        basis: MetricBasis,
    },
}

// `StatusReason` and `Reason` serialise by hand, to the JSON serde's derive gives them (the
// tag first, then the fields in declaration order; `tests/explain_text.rs` reads it back):
// the derived internally tagged serialisers cost the WebAssembly package about a kilobyte
// gzipped, over its size budget.
impl Serialize for StatusReason {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeMap;
        let mut m = s.serialize_map(None)?;
        match self {
            StatusReason::Suppressed => m.serialize_entry("rule", "suppressed")?,
            StatusReason::NoData => m.serialize_entry("rule", "no_data")?,
            StatusReason::StatusRule { status } => {
                m.serialize_entry("rule", "status_rule")?;
                m.serialize_entry("status", status)?;
            }
            StatusReason::Green { score, green } => {
                m.serialize_entry("rule", "green")?;
                m.serialize_entry("score", score)?;
                m.serialize_entry("green", green)?;
            }
            StatusReason::Amber { score, amber, green } => {
                m.serialize_entry("rule", "amber")?;
                m.serialize_entry("score", score)?;
                m.serialize_entry("amber", amber)?;
                m.serialize_entry("green", green)?;
            }
            StatusReason::Red { score, amber } => {
                m.serialize_entry("rule", "red")?;
                m.serialize_entry("score", score)?;
                m.serialize_entry("amber", amber)?;
            }
            StatusReason::Given { status } => {
                m.serialize_entry("rule", "given")?;
                m.serialize_entry("status", status)?;
            }
        }
        m.end()
    }
}

impl Serialize for Reason {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeMap;
        let mut m = s.serialize_map(None)?;
        match self {
            Reason::NoMeasurement { periods } => {
                m.serialize_entry("code", "no_measurement")?;
                m.serialize_entry("periods", periods)?;
            }
            Reason::DenominatorsZero => m.serialize_entry("code", "denominators_zero")?,
            Reason::AggregateTooLarge => m.serialize_entry("code", "aggregate_too_large")?,
            Reason::RecordsUnavailable => m.serialize_entry("code", "records_unavailable")?,
            Reason::InputSuppressed => m.serialize_entry("code", "input_suppressed")?,
            Reason::InputMissing { indicator } => {
                m.serialize_entry("code", "input_missing")?;
                m.serialize_entry("indicator", indicator)?;
            }
            Reason::DivisionByZero { expression } => {
                m.serialize_entry("code", "division_by_zero")?;
                m.serialize_entry("expression", expression)?;
            }
            Reason::ResultOverflows => m.serialize_entry("code", "result_overflows")?,
            Reason::NoTarget { period, latest, policy } => {
                m.serialize_entry("code", "no_target")?;
                m.serialize_entry("period", period)?;
                m.serialize_entry("latest", latest)?;
                m.serialize_entry("policy", policy)?;
            }
            Reason::NoScore { cause } => {
                m.serialize_entry("code", "no_score")?;
                m.serialize_entry("cause", cause)?;
            }
            Reason::Rollup { cause } => {
                m.serialize_entry("code", "rollup")?;
                m.serialize_entry("cause", cause)?;
            }
            Reason::BelowMinCoverage { coverage, min } => {
                m.serialize_entry("code", "below_min_coverage")?;
                m.serialize_entry("coverage", coverage)?;
                m.serialize_entry("min", min)?;
            }
            Reason::Derived { metric, period, basis } => {
                m.serialize_entry("code", "derived")?;
                m.serialize_entry("metric", metric)?;
                m.serialize_entry("period", period)?;
                m.serialize_entry("basis", basis)?;
            }
        }
        m.end()
    }
}

/// A formula with its numbers, as a tree: leaves are numbers labelled with what they are
/// (or a calculated indicator's inputs), nodes are operations over operands. Serialised
/// with a `kind` tag: `{"kind": "op", "op": {"name": "div"}, "operands": [...]}`,
/// `{"kind": "value", "value": 42, "of": "actual"}`. The renderer
/// ([`crate::explain::render_in`]) writes it in infix notation with as few parentheses as
/// the tree needs, `100 * (42 - 30) / (50 - 30) = 60`, and the words of the special
/// operations in the reader's language.
#[derive(Debug, Clone, PartialEq, Deserialize, schemars::JsonSchema)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum Formula {
    /// A number.
    Value {
        /// The number.
        value: f64,
        /// What it is.
        of: Operand,
    },
    /// An input of a calculated indicator: another indicator's value (none: missing).
    Input {
        /// The indicator's id.
        indicator: String,
        /// Its value for the period.
        value: Option<f64>,
    },
    /// A quantity named without its number (the band method's distance outside the band).
    Named {
        /// What it is.
        of: Operand,
    },
    /// An operation over operands.
    Op {
        /// The operation.
        op: Op,
        /// Its operands, in order (see each operation).
        operands: Vec<Formula>,
    },
}

// By hand, to the derived JSON (see `Reason`'s serialiser).
impl Serialize for Formula {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeMap;
        let mut m = s.serialize_map(None)?;
        match self {
            Formula::Value { value, of } => {
                m.serialize_entry("kind", "value")?;
                m.serialize_entry("value", value)?;
                m.serialize_entry("of", of)?;
            }
            Formula::Input { indicator, value } => {
                m.serialize_entry("kind", "input")?;
                m.serialize_entry("indicator", indicator)?;
                m.serialize_entry("value", value)?;
            }
            Formula::Named { of } => {
                m.serialize_entry("kind", "named")?;
                m.serialize_entry("of", of)?;
            }
            Formula::Op { op, operands } => {
                m.serialize_entry("kind", "op")?;
                m.serialize_entry("op", op)?;
                m.serialize_entry("operands", operands)?;
            }
        }
        m.end()
    }
}

/// What a number of a [`Formula`] is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(rename_all = "snake_case")]
#[allow(missing_docs)]
pub enum Operand {
    Actual,
    Target,
    Baseline,
    Goal,
    RedFlag,
    Low,
    High,
    Tolerance,
    DistanceOutside,
    Min,
    Max,
    StartValue,
    Expected,
    Cap,
    Threshold,
    Weight,
    WeightSum,
    Score,
    Constant,
    Result,
}

/// An operation of a [`Formula`]. Serialised with a `name` tag in snake_case:
/// `{"name": "rule", "number": 1, "status": "green"}`, `{"name": "add"}` (the `Serialize`
/// is written by hand with the derived shape: one map for all the operations instead of
/// one serialiser each, which weighed in the WebAssembly package).
#[derive(Debug, Clone, Copy, PartialEq, Deserialize, schemars::JsonSchema)]
#[serde(tag = "name", rename_all = "snake_case")]
pub enum Op {
    /// The sum of the operands (one or more).
    Add,
    /// The first operand minus the second.
    Sub,
    /// The product of the operands.
    Mul,
    /// The first operand divided by the second.
    Div,
    /// Minus the operand.
    Neg,
    /// The natural logarithm of the operand.
    Ln,
    /// The exponential of the operand.
    Exp,
    /// The smallest operand.
    Min,
    /// The largest operand.
    Max,
    /// The absolute value of the operand.
    Abs,
    /// The first operand brought within the second and the third.
    Clamp,
    /// The calculation (first operand) and its result (second).
    Equals,
    /// The operand (first) at most the cap (second).
    Capped,
    /// The operand at least 0.
    FlooredAtZero,
    /// A ratio-to-target calculation (operand) for a lower-is-better indicator.
    LowerIsBetter {
        /// Which ratio.
        ratio: LowerRatio,
    },
    /// Linear progress with the target equal to the baseline: operands target, actual.
    TargetEqualsBaseline {
        /// Whether the actual is at or beyond the target in the good direction.
        reached: bool,
    },
    /// Ratio to target with a zero denominator, the right-side-of-zero rule: operands
    /// actual, target.
    RightSideOfZero,
    /// The band method: operands actual, low, high, tolerance, then the calculation.
    Band,
    /// A status rule matched: the operand is its comparison.
    Rule {
        /// Its number (from 1).
        number: u32,
        /// The status it gives.
        status: Status,
    },
    /// A comparison of the first operand with the second.
    Compare {
        /// Which.
        when: Comparison,
    },
    /// No status rule matched the operand (the actual).
    Otherwise {
        /// The status given then.
        status: Status,
    },
    /// The expected value of the expected-progress path on a date (no operand).
    ExpectedOn {
        /// The date.
        date: NaiveDate,
        /// How days are counted.
        day_count: DayCount,
    },
    /// Two steps, one after the other.
    Then,
    /// A child of a geometric mean scores 0 or less, so the mean is 0 (no operand).
    ZeroInGeometricMean,
    /// The method gives no score (no operand).
    NoScore {
        /// Why.
        reason: NoScore,
    },
    /// The roll-up gives no score (no operand).
    NoData {
        /// Why.
        reason: NoDataReason,
    },
}

impl Op {
    /// The operation's snake_case name (its `name` tag).
    pub fn name(&self) -> &'static str {
        match self {
            Op::Add => "add",
            Op::Sub => "sub",
            Op::Mul => "mul",
            Op::Div => "div",
            Op::Neg => "neg",
            Op::Ln => "ln",
            Op::Exp => "exp",
            Op::Min => "min",
            Op::Max => "max",
            Op::Abs => "abs",
            Op::Clamp => "clamp",
            Op::Equals => "equals",
            Op::Capped => "capped",
            Op::FlooredAtZero => "floored_at_zero",
            Op::LowerIsBetter { .. } => "lower_is_better",
            Op::TargetEqualsBaseline { .. } => "target_equals_baseline",
            Op::RightSideOfZero => "right_side_of_zero",
            Op::Band => "band",
            Op::Rule { .. } => "rule",
            Op::Compare { .. } => "compare",
            Op::Otherwise { .. } => "otherwise",
            Op::ExpectedOn { .. } => "expected_on",
            Op::Then => "then",
            Op::ZeroInGeometricMean => "zero_in_geometric_mean",
            Op::NoScore { .. } => "no_score",
            Op::NoData { .. } => "no_data",
        }
    }
}

impl Serialize for Op {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeMap;
        let mut m = serializer.serialize_map(None)?;
        m.serialize_entry("name", self.name())?;
        match self {
            Op::LowerIsBetter { ratio } => m.serialize_entry("ratio", ratio)?,
            Op::TargetEqualsBaseline { reached } => m.serialize_entry("reached", reached)?,
            Op::Rule { number, status } => {
                m.serialize_entry("number", number)?;
                m.serialize_entry("status", status)?;
            }
            Op::Compare { when } => m.serialize_entry("when", when)?,
            Op::Otherwise { status } => m.serialize_entry("status", status)?,
            Op::ExpectedOn { date, day_count } => {
                m.serialize_entry("date", date)?;
                m.serialize_entry("day_count", day_count)?;
            }
            Op::NoScore { reason } => m.serialize_entry("reason", reason)?,
            Op::NoData { reason } => m.serialize_entry("reason", reason)?,
            _ => {}
        }
        m.end()
    }
}

impl Formula {
    /// A number labelled with what it is.
    pub fn value(value: f64, of: Operand) -> Formula {
        Formula::Value { value, of }
    }

    /// An operation over operands.
    pub fn op(op: Op, operands: Vec<Formula>) -> Formula {
        Formula::Op { op, operands }
    }

    /// `self = result`.
    pub fn equals(self, result: f64) -> Formula {
        Formula::op(Op::Equals, vec![self, Formula::value(result, Operand::Result)])
    }

    /// The result of the formula, when its top is `... = result`.
    pub fn result(&self) -> Option<f64> {
        match self {
            Formula::Op { op: Op::Equals, operands } => match operands.last() {
                Some(Formula::Value { value, .. }) => Some(*value),
                _ => None,
            },
            Formula::Op { op: Op::Then, operands } => operands.last().and_then(Formula::result),
            _ => None,
        }
    }
}

/// The formula in English (as [`crate::explain::render`] writes it).
impl std::fmt::Display for Formula {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&crate::explain::formula_in(self, crate::locale::Locale::En))
    }
}

/// The reason in English (as [`crate::explain::render`] writes it).
impl std::fmt::Display for Reason {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&crate::explain::reason_in(self, crate::locale::Locale::En))
    }
}

/// A cause-effect link and whether the data agrees with it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, schemars::JsonSchema)]
pub struct LinkResult {
    /// Cause objective id.
    pub from: String,
    /// Effect objective id.
    pub to: String,
    /// Expected sign.
    pub sign: Sign,
    /// Lag in periods.
    pub lag: u32,
    /// Pearson correlation of the cause's scores and the lagged effect's scores.
    pub correlation: Option<f64>,
    /// Number of paired periods it rests on.
    pub pairs: u32,
    /// False when pairs are fewer than `Settings::min_correlation_periods`.
    pub enough_data: bool,
    /// Whether the correlation has the expected sign (with enough data).
    pub agrees: Option<bool>,
}

/// Evaluate the scorecard at one period (its frequency is the reporting frequency).
pub fn evaluate(ws: &crate::model::workspace::Workspace, period: Period) -> Result<Evaluation, Error> {
    Engine::new(ws)?.evaluate(period)
}

/// Evaluate every period from `first` to `last` (same frequency) in one pass.
pub fn evaluate_range(
    ws: &crate::model::workspace::Workspace,
    first: Period,
    last: Period,
) -> Result<Vec<Evaluation>, Error> {
    Engine::new(ws)?.evaluate_range(first, last)
}

fn opt(x: f64) -> Option<f64> {
    (!x.is_nan()).then_some(x)
}

fn status_reason(status: Status, score: Option<f64>, th: &StatusThresholds, by_rule: bool) -> StatusReason {
    match (status, score) {
        (Status::Suppressed, _) => StatusReason::Suppressed,
        (Status::NoData, _) => StatusReason::NoData,
        (s, Some(_)) if by_rule => StatusReason::StatusRule { status: s },
        (Status::Green, Some(x)) => StatusReason::Green { score: x, green: th.green },
        (Status::Amber, Some(x)) => StatusReason::Amber { score: x, amber: th.amber, green: th.green },
        (Status::Red, Some(x)) => StatusReason::Red { score: x, amber: th.amber },
        (s, None) => StatusReason::Given { status: s },
    }
}

pub(crate) fn build(engine: &Engine, grid: &Grid, t: usize) -> Evaluation {
    let period = grid.periods.get(t).copied().unwrap_or(grid.table.first);
    let mut nodes = Vec::with_capacity(engine.nodes.len());
    for (n, def) in engine.nodes.iter().enumerate() {
        let tab = &grid.table;
        let score = tab.score(n, t);
        let prev = t.checked_sub(1).and_then(|p| tab.score(n, p));
        let per_year = period.frequency().per_year() as usize;
        let year_ago = t.checked_sub(per_year).and_then(|p| tab.score(n, p));
        // a difference beyond f64 (unbounded scores of opposite signs) is no change, not
        // an infinity
        let diff = |a: Option<f64>, b: Option<f64>| a.zip(b).map(|(a, b)| a - b).filter(|d| d.is_finite());
        let change = diff(score, prev);
        let trend = Trend {
            previous_score: prev,
            change,
            year_ago_score: year_ago,
            year_change: diff(score, year_ago),
            direction: crate::engine::trend::direction(change, engine.settings.stability_tolerance),
        };
        let status = tab.status(n, t);
        let coverage = tab.coverage(n, t);
        let parents = def.parents.iter().filter_map(|&p| engine.nodes.get(p)).map(|p| p.id.clone()).collect();
        let mut row = NodeResult {
            id: def.id.clone(),
            name: def.name.clone(),
            kind: def.kind,
            parents,
            period,
            score,
            native_score: None,
            status,
            coverage,
            value: None,
            target: None,
            unit: None,
            trend,
            forecast: None,
            explanation: Explanation {
                method: crate::engine::rollup::aggregation_name(def.rollup.aggregation).to_string(),
                scoring: None,
                rollup: None,
                source: None,
                inputs: Vec::new(),
                time_aggregation: None,
                value_period: None,
                target: None,
                baseline: None,
                formula: None,
                children: Vec::new(),
                coverage,
                thresholds: engine.settings.thresholds,
                status_reason: StatusReason::NoData,
                reasons: Vec::new(),
            },
        };
        if def.kind == NodeKind::Indicator {
            let i = n - engine.first_indicator_node;
            if let Some(ind) = engine.indicators.get(i) {
                explain_indicator(engine, grid, t, i, ind, &mut row);
            }
        } else {
            explain_rollup(engine, grid, t, n, &mut row);
        }
        nodes.push(row);
    }
    let links = engine
        .links
        .iter()
        .filter_map(|&(from, to, sign, lag)| {
            let tn = grid.table.periods;
            let cause = grid.table.scores.get(from * tn..from * tn + t + 1)?;
            let effect = grid.table.scores.get(to * tn..to * tn + t + 1)?;
            let (r, pairs) = crate::analytics::cause_effect::lagged_correlation(cause, effect, lag as usize);
            let enough = pairs >= engine.settings.min_correlation_periods;
            Some(LinkResult {
                from: engine.nodes.get(from)?.id.clone(),
                to: engine.nodes.get(to)?.id.clone(),
                sign,
                lag,
                correlation: if enough { r } else { None },
                pairs,
                enough_data: enough,
                agrees: if enough {
                    r.map(|r| crate::analytics::cause_effect::agrees(r, sign))
                } else {
                    None
                },
            })
        })
        .collect();
    Evaluation { organisation: engine.organisation.clone(), period, nodes, links }
}

fn explain_rollup(engine: &Engine, grid: &Grid, t: usize, n: usize, row: &mut NodeResult) {
    let Some(def) = engine.nodes.get(n) else { return };
    let tab = &grid.table;
    let period = row.period;
    let max_back = match def.rollup.missing {
        MissingPolicy::CarryForward { max_periods } => max_periods as usize,
        _ => 0,
    };
    let inputs: Vec<ChildInput> = def
        .children
        .iter()
        .map(|(c, w)| {
            let score = tab.score(*c, t);
            let carried = if score.is_none() && max_back > 0 {
                (1..=max_back.min(t)).find_map(|age| tab.score(*c, t - age).map(|s| (s, age as u32)))
            } else {
                None
            };
            let weight = match w {
                Weight::Fixed(x) => *x,
                Weight::Schedule(_) => w.at(period, engine.calendar),
            };
            ChildInput { weight, score, carried }
        })
        .collect();
    let combined = crate::engine::rollup::combine(&def.rollup, &inputs);
    let eff = crate::engine::rollup::effective_weights(&def.rollup, &inputs);
    for (k, ((c, _), input)) in def.children.iter().zip(&inputs).enumerate() {
        let (treatment, _) = crate::engine::rollup::treatment(def.rollup.missing, input);
        let carried = match treatment {
            Treatment::CarriedForward { age } => {
                input.carried.map(|(s, _)| (s, period.offset(-(age as i64)).ok()))
            }
            _ => None,
        };
        row.explanation.children.push(ChildUsed {
            id: engine.nodes.get(*c).map(|x| x.id.clone()).unwrap_or_default(),
            name: engine.nodes.get(*c).map(|x| x.name.clone()).unwrap_or_default(),
            raw_weight: input.weight,
            effective_weight: eff.get(k).copied().unwrap_or(0.0),
            score: input.score,
            status: tab.status(*c, t),
            treatment,
            carried_score: carried.map(|c| c.0),
            carried_from: carried.and_then(|c| c.1),
        });
    }
    row.explanation.rollup = Some(def.rollup);
    row.explanation.formula = Some(crate::engine::rollup::formula(&def.rollup, &inputs, &combined));
    if let Err(reason) = combined.score {
        row.explanation.reasons.push(match reason {
            NoDataReason::BelowMinCoverage => {
                Reason::BelowMinCoverage { coverage: combined.coverage, min: def.rollup.min_coverage }
            }
            cause => Reason::Rollup { cause },
        });
    }
    row.explanation.status_reason = status_reason(row.status, row.score, &engine.settings.thresholds, false);
}

fn explain_indicator(engine: &Engine, grid: &Grid, t: usize, i: usize, ind: &IndPlan, row: &mut NodeResult) {
    let tab = &grid.table;
    let tn = tab.periods;
    let n = ind.node;
    let period = row.period;
    let suppressed = row.status == Status::Suppressed;
    let value = tab.values.get(n * tn + t).copied().and_then(opt);
    // an indicator coarser than the report: its value, target and scoring date are those
    // of its latest period ended by the end of the reporting period
    let cal = engine.calendar;
    let value_period = crate::engine::value_period(ind.frequency, period, cal);
    let scored_at = value_period.unwrap_or(period);
    let target = ind.targets.at(scored_at);
    row.value = value;
    row.target = target.map(|x| x.value);
    row.unit = (!ind.unit.is_empty()).then(|| ind.unit.clone());
    let ex = &mut row.explanation;
    // flagged as carried only when it ends before the reporting period does (the 2025
    // survey in 2025-Q4 covers the quarter's end: it is not carried)
    ex.value_period = value_period.filter(|vp| vp.end_date(cal) < period.end_date(cal));
    ex.method = ind.scoring.name().to_string();
    ex.scoring = Some(ind.scoring.clone());
    ex.target = target;
    ex.baseline = ind.baseline;
    ex.thresholds = ind.thresholds;
    match &ind.source {
        SourcePlan::Measured => {
            ex.source = Some(SourceUsed::Measured);
            let cal = engine.calendar;
            let report = period.frequency();
            let (lo, hi) =
                window(ind.frequency, report, period.first_month(cal), period.last_month(cal), cal);
            let mut periods = Vec::new();
            let mut present = Vec::new();
            for o in lo..hi {
                let Ok(p) = Period::from_ordinal(ind.frequency, o) else { continue };
                periods.push(p);
                if ind.suppressed.binary_search(&o).is_ok() {
                    ex.inputs.push(InputUsed {
                        indicator: None,
                        period: p,
                        value: None,
                        numerator: None,
                        denominator: None,
                        suppressed: true,
                    });
                    continue;
                }
                let slot = o - ind.base;
                if slot < 0 || slot >= ind.len as i64 {
                    continue;
                }
                let slot = slot as usize;
                let v = engine.values.get(ind.offset + slot).copied().and_then(opt);
                let (num, den) = match ind.ratio_offset {
                    Some(r) => (
                        engine.numerators.get(r + slot).copied().and_then(opt),
                        engine.denominators.get(r + slot).copied().and_then(opt),
                    ),
                    None => (None, None),
                };
                if v.is_some() || num.is_some() {
                    present.push(p);
                    ex.inputs.push(InputUsed {
                        indicator: None,
                        period: p,
                        value: v,
                        numerator: num,
                        denominator: den,
                        suppressed: false,
                    });
                }
            }
            let rule = if ind.frequency.months() < report.months() {
                TimeRule::Aggregated
            } else if ind.frequency.months() == report.months() {
                TimeRule::SamePeriod
            } else {
                TimeRule::LatestEnded
            };
            if !suppressed && value.is_none() {
                ex.reasons.push(if present.is_empty() {
                    Reason::NoMeasurement { periods: periods.clone() }
                } else {
                    let of = |f: fn(&InputUsed) -> Option<f64>| -> Vec<f64> {
                        ex.inputs.iter().map(|i| f(i).unwrap_or(f64::NAN)).collect()
                    };
                    let (vs, ns, ds) = (of(|i| i.value), of(|i| i.numerator), of(|i| i.denominator));
                    match crate::engine::aggregation::aggregate_checked(ind.aggregation, &vs, &ns, &ds) {
                        Err(crate::engine::aggregation::NoValue::TooLarge) => Reason::AggregateTooLarge,
                        _ => Reason::DenominatorsZero,
                    }
                });
            }
            ex.time_aggregation = Some(TimeAggregationUsed {
                method: ind.aggregation,
                measured: ind.frequency,
                reported: report,
                periods,
                present,
                rule,
            });
        }
        SourcePlan::Derived(metric) => {
            let at = grid.derived.get(i).and_then(|d| d.as_ref()).and_then(|d| d.get(t));
            // the point is the engine's copy: its detail and records move into the row
            let point = at.zip(engine.derived_source.as_ref()).map(|(&at, source)| source.point(*metric, at));
            if value.is_none() {
                ex.reasons.push(match &point {
                    Some(p) => Reason::Derived { metric: *metric, period: p.period, basis: p.basis },
                    None => Reason::RecordsUnavailable,
                });
            }
            let (basis, records) = match point {
                Some(p) => (p.basis, p.records),
                None => (MetricBasis::NoRecords, Vec::new()),
            };
            ex.source = Some(SourceUsed::Derived { metric: *metric, basis, records });
        }
        SourcePlan::Calculated { expr, refs } => {
            let get = |id: &str| {
                refs.iter()
                    .find(|(r, _)| r == id)
                    .and_then(|(_, k)| engine.indicators.get(*k))
                    .and_then(|o| tab.values.get(o.node * tn + t))
                    .copied()
                    .and_then(opt)
            };
            let mut substituted = None;
            if suppressed {
                ex.reasons.push(Reason::InputSuppressed);
            } else {
                for (r, k) in refs {
                    let st =
                        engine.indicators.get(*k).map(|o| tab.status(o.node, t)).unwrap_or(Status::NoData);
                    ex.inputs.push(InputUsed {
                        indicator: Some(r.clone()),
                        period,
                        value: get(r),
                        numerator: None,
                        denominator: None,
                        suppressed: st == Status::Suppressed,
                    });
                }
                match expr.eval(&get) {
                    Ok(v) => substituted = Some(expr.substituted(&get).equals(v)),
                    Err(e) => ex.reasons.push(match e {
                        EvalIssue::Missing(indicator) => Reason::InputMissing { indicator },
                        EvalIssue::DivisionByZero(expression) => Reason::DivisionByZero { expression },
                        EvalIssue::Overflow => Reason::ResultOverflows,
                    }),
                }
            }
            ex.source = Some(SourceUsed::Calculated { expression: expr.to_string(), substituted });
        }
    }
    if let (Some(a), false) = (value, suppressed) {
        let input = ScoreInput {
            actual: a,
            target: target.map(|x| x.value),
            baseline: ind.baseline.map(|b| b.value),
            polarity: ind.polarity,
            date: scored_at.end_date(engine.calendar),
        };
        ex.formula = Some(ind.scoring.formula(&input));
        match ind.scoring.score(&input) {
            Ok(s) => row.native_score = s.native,
            Err(NoScore::NoTarget) => ex.reasons.push(Reason::NoTarget {
                period: scored_at,
                latest: ind.targets.latest_earlier(scored_at).map(|t| t.period),
                policy: ind.targets.policy(),
            }),
            Err(cause) => ex.reasons.push(Reason::NoScore { cause }),
        }
    }
    let by_rule = matches!(ind.scoring, ScoringMethod::StatusRules { .. });
    ex.status_reason = status_reason(row.status, row.score, &ind.thresholds, by_rule);
    row.forecast = forecast(engine, grid, t, ind, period);
}

fn forecast(engine: &Engine, grid: &Grid, t: usize, ind: &IndPlan, period: Period) -> Option<Forecast> {
    let goal = ind.targets.target_date()?;
    let report = period.frequency();
    let x_target = ordinal_of_month(goal.period.last_month(engine.calendar), report, engine.calendar);
    let tn = grid.table.periods;
    // A forecast speaks only of a period without an actual: never of a past period, nor
    // of the period shown when it has a value (the actual, not a line, says where it is).
    let has_actual = grid.table.values.get(ind.node * tn + t).is_some_and(|v| !v.is_nan());
    if x_target < period.ordinal() || (x_target == period.ordinal() && has_actual) {
        return None;
    }
    let w = (engine.settings.forecast_window as usize).max(1);
    let from = (t + 1).saturating_sub(w);
    let points: Vec<(f64, f64)> = (from..=t)
        .filter_map(|s| {
            let v = grid.table.values.get(ind.node * tn + s).copied().and_then(opt)?;
            Some((grid.periods.get(s)?.ordinal() as f64, v))
        })
        .collect();
    let fit = crate::engine::trend::projection(&points, x_target as f64);
    let projected = fit.map(|f| f.0);
    let on_track = match ind.polarity {
        crate::model::indicator::Polarity::InsideBand => None,
        p => projected.map(|v| crate::engine::scoring::at_or_beyond(v, goal.value, p)),
    };
    Some(Forecast {
        target_period: goal.period,
        target: goal.value,
        projected,
        slope: fit.map(|f| f.1),
        points: points.len() as u32,
        on_track,
    })
}
