//! Indicators: measured, calculated or derived series, with their targets and scoring.
//!
//! An indicator is measured at its own [`Frequency`]; a report at a coarser period aggregates
//! the measurements with its [`TimeAggregation`]. Its target in force for a period is the
//! explicit target for that period if there is one, else the [`Trajectory`] interpolated at
//! that period. How the actual value becomes a score is its [`ScoringMethod`].

use serde::{Deserialize, Serialize};

use crate::engine::scoring::{ScoringMethod, StatusThresholds};
use crate::model::period::{Frequency, Period};

/// Which direction is good.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum Polarity {
    /// More is better (partners, funds raised).
    #[default]
    HigherIsBetter,
    /// Less is better (lead time, absenteeism).
    LowerIsBetter,
    /// Best inside a band (a ratio to keep stable).
    InsideBand,
}

/// How measurements combine into a coarser period.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum TimeAggregation {
    /// Total of the period (flows: files received, euros raised).
    Sum,
    /// Mean of the values.
    Mean,
    /// Latest value (stocks: caseload, head count).
    #[default]
    Last,
    /// Smallest value.
    Min,
    /// Largest value.
    Max,
    /// Sum the numerators, sum the denominators, divide (rates: absenteeism, on-time share).
    RatioOfSums,
}

/// A value at a period (a baseline, or an end of a trajectory).
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct PeriodValue {
    /// The period.
    pub period: Period,
    /// The value.
    pub value: f64,
}

/// A path from a starting value to a target value, interpolated linearly per period, with
/// optional intermediate milestones (the path goes through each in turn).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Trajectory {
    /// Where the path starts.
    pub from: PeriodValue,
    /// Where it ends.
    pub to: PeriodValue,
    /// Intermediate points, in time order.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub milestones: Vec<PeriodValue>,
}

/// One measurement of an indicator.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Measurement {
    /// The period measured, at the indicator's frequency.
    pub period: Period,
    /// The value; may be omitted when numerator and denominator are given (it is then
    /// their ratio).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub value: Option<f64>,
    /// Numerator of a rate (needed by `ratio_of_sums`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub numerator: Option<f64>,
    /// Denominator of a rate (needed by `ratio_of_sums`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub denominator: Option<f64>,
    /// Number of people the value rests on (staff surveys): below the indicator's minimum
    /// group size the value is suppressed everywhere.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub respondents: Option<u32>,
    /// Free comment.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub comment: Option<String>,
    /// Where the value comes from.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub source: Option<String>,
}

impl Measurement {
    /// A plain value at a period.
    pub fn new(period: Period, value: f64) -> Measurement {
        Measurement {
            period,
            value: Some(value),
            numerator: None,
            denominator: None,
            respondents: None,
            comment: None,
            source: None,
        }
    }

    /// The value, or numerator / denominator when the value is omitted (None when neither
    /// gives a finite number).
    pub fn effective_value(&self) -> Option<f64> {
        match (self.value, self.numerator, self.denominator) {
            (Some(v), _, _) => Some(v),
            (None, Some(n), Some(d)) if d != 0.0 => Some(n / d),
            _ => None,
        }
    }
}

/// A portfolio or partnership metric an indicator can take its values from, so that the
/// scorecard feeds itself from the raw records (see the `portfolio` and `partnership`
/// modules for the definitions).
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize, schemars::JsonSchema,
)]
#[serde(rename_all = "snake_case")]
pub enum Metric {
    /// Files registered and not closed or abandoned at the end of the period.
    ActiveCaseload,
    /// Files newly registered during the period.
    FilesRegistered,
    /// Files decided (approved or rejected) during the period.
    FilesDecided,
    /// Mean instruction lead time, in days, of the files decided in the period.
    MeanInstructionDays,
    /// Median instruction lead time, in days, of the files decided in the period.
    MedianInstructionDays,
    /// 90th percentile of the instruction lead time of the files decided in the period.
    P90InstructionDays,
    /// Projects delivered during the period.
    Deliveries,
    /// Share (0-100) of the projects delivered in the period that were delivered on time.
    OnTimeDeliveryRate,
    /// Sum of planned costs of the active files at the end of the period.
    PortfolioValue,
    /// Share (0-100) of active files run by two or more services.
    TransversalShare,
    /// Partners that had joined by the end of the period.
    PartnerCount,
    /// Partners that joined during the period.
    NewPartners,
    /// Partners with a commitment step during the period.
    ActivePartners,
    /// Amount pledged during the period.
    FundsPledged,
    /// Amount signed during the period.
    FundsSigned,
    /// Amount received during the period.
    FundsReceived,
    /// Amount signed since the beginning, at the end of the period.
    CumulativeFundsSigned,
    /// External funds signed per euro of own funds, for the projects approved up to the end of the period.
    Leverage,
    /// External funds signed / total planned cost (0-100), for the projects approved up to the end of the period.
    CofinancingRate,
    /// Own plus external funds signed of the projects started (else approved) in the period.
    InvestmentCapacity,
}

impl Metric {
    /// Every metric, in declaration order.
    pub const ALL: [Metric; 20] = [
        Metric::ActiveCaseload,
        Metric::FilesRegistered,
        Metric::FilesDecided,
        Metric::MeanInstructionDays,
        Metric::MedianInstructionDays,
        Metric::P90InstructionDays,
        Metric::Deliveries,
        Metric::OnTimeDeliveryRate,
        Metric::PortfolioValue,
        Metric::TransversalShare,
        Metric::PartnerCount,
        Metric::NewPartners,
        Metric::ActivePartners,
        Metric::FundsPledged,
        Metric::FundsSigned,
        Metric::FundsReceived,
        Metric::CumulativeFundsSigned,
        Metric::Leverage,
        Metric::CofinancingRate,
        Metric::InvestmentCapacity,
    ];
}

/// Where an indicator's values come from.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(
    tag = "kind",
    rename_all = "snake_case",
    deny_unknown_fields,
    expecting = "a source: an object with a \"kind\" (measured, calculated or derived)"
)]
pub enum IndicatorSource {
    /// From its measurements.
    #[default]
    Measured,
    /// Computed each period from other indicators of the same period, e.g.
    /// `"received / max(signed, 1) * 100"` (see the `expression` module).
    Calculated {
        /// The formula over other indicators' ids.
        expression: String,
    },
    /// Computed each period from the portfolio and partnership records.
    Derived {
        /// The metric.
        metric: Metric,
    },
}

/// An indicator of the scorecard.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Indicator {
    /// Unique id (shared namespace with objectives and perspectives).
    pub id: String,
    /// Name.
    pub name: String,
    /// What it measures and how, for readers.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
    /// Unit shown beside values (`days`, `%`, `EUR`, `files`...).
    #[serde(default)]
    pub unit: String,
    /// Which direction is good.
    #[serde(default)]
    pub polarity: Polarity,
    /// How often it is measured.
    pub frequency: Frequency,
    /// How measurements combine into a coarser reporting period.
    #[serde(default)]
    pub aggregation: TimeAggregation,
    /// Where its values come from.
    #[serde(default, skip_serializing_if = "is_measured")]
    pub source: IndicatorSource,
    /// Starting point for linear progress.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub baseline: Option<PeriodValue>,
    /// Explicit targets per period (at the indicator's frequency or a coarser one).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub targets: Vec<PeriodValue>,
    /// A path to a target, used for periods without an explicit target.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub trajectory: Option<Trajectory>,
    /// What holds when no target is in force for a period (no explicit target for it, none
    /// coarser or finer, no trajectory yet): `none` (the default: no target, so no score and
    /// the status "no data") or `carry_forward` (the latest earlier explicit target).
    #[serde(default, skip_serializing_if = "crate::engine::target::TargetPolicy::is_default")]
    pub target_policy: crate::engine::target::TargetPolicy,
    /// How the actual value becomes a score.
    pub scoring: ScoringMethod,
    /// Status cut-offs for this indicator (the workspace default otherwise).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub thresholds: Option<StatusThresholds>,
    /// Staff data: measurements from fewer respondents are suppressed.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub min_group_size: Option<u32>,
    /// Id of the service that owns it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub service: Option<String>,
    /// The measurements.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub measurements: Vec<Measurement>,
}

fn is_measured(source: &IndicatorSource) -> bool {
    matches!(source, IndicatorSource::Measured)
}

impl Indicator {
    /// True when a measurement is suppressed by the minimum group size (staff data).
    /// A measurement without a respondent count is never suppressed.
    pub fn is_suppressed(&self, m: &Measurement) -> bool {
        matches!((self.min_group_size, m.respondents), (Some(min), Some(n)) if n < min)
    }
}
