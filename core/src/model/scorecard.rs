//! The scorecard definition ("tableau de bord prospectif"): perspectives, objectives with
//! weights, the indicators linked to each objective, and the cause-effect links between
//! objectives (the strategy map).
//!
//! Weights are relative (2 and 1 mean 2/3 and 1/3) and may change from a given period on
//! ([`Weight::Schedule`]); each node says how its children roll up ([`Rollup`]).

use serde::{Deserialize, Serialize};

use crate::model::period::{Calendar, Period};

/// A weight change taking effect from a period on.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct WeightChange {
    /// First period the weight applies to (compared by start month).
    pub from: Period,
    /// The relative weight (> 0).
    pub weight: f64,
}

/// A relative weight: one number, or a schedule of weights each in force from a period on.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(
    untagged,
    expecting = "expected a weight: a positive number, or a list of {\"from\": period, \"weight\": number}"
)]
pub enum Weight {
    /// The same weight at every period.
    Fixed(f64),
    /// Weights in force from given periods on, in time order; before the first change the
    /// first weight applies.
    Schedule(Vec<WeightChange>),
}

impl Default for Weight {
    fn default() -> Self {
        Weight::Fixed(1.0)
    }
}

impl Weight {
    /// The weight in force at `period`.
    pub fn at(&self, period: Period, calendar: Calendar) -> f64 {
        match self {
            Weight::Fixed(w) => *w,
            Weight::Schedule(changes) => {
                let start = period.first_month(calendar);
                changes
                    .iter()
                    .filter(|c| c.from.first_month(calendar) <= start)
                    .max_by_key(|c| c.from.first_month(calendar))
                    .or_else(|| changes.iter().min_by_key(|c| c.from.first_month(calendar)))
                    .map(|c| c.weight)
                    .unwrap_or(1.0)
            }
        }
    }

    /// The problems of the weight values ([`crate::model::validation::weight_problem`]: each
    /// positive, finite and at most 1e12), each at its path: `path` itself for a fixed
    /// weight, `path[i].weight` for the i-th change of a schedule. The one check of weight
    /// values: the file validation uses it (and so does the engine for a workspace built in
    /// code).
    pub fn value_problems(&self, path: &crate::error::Path) -> Vec<crate::error::Problem> {
        let at = |message: String, i: usize| match self {
            Weight::Fixed(_) => crate::error::Problem::new(path.clone(), message),
            Weight::Schedule(_) => crate::error::Problem::new(path.index(i).field("weight"), message),
        };
        self.values()
            .into_iter()
            .enumerate()
            .filter_map(|(i, x)| crate::model::validation::weight_problem(x).map(|m| at(m, i)))
            .collect()
    }

    /// Every weight value the schedule holds.
    pub fn values(&self) -> Vec<f64> {
        match self {
            Weight::Fixed(w) => vec![*w],
            Weight::Schedule(changes) => changes.iter().map(|c| c.weight).collect(),
        }
    }

    fn is_one(&self) -> bool {
        *self == Weight::Fixed(1.0)
    }
}

/// How a node combines its children's scores.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum Aggregation {
    /// Weighted arithmetic mean.
    #[default]
    WeightedMean,
    /// Weighted geometric mean (less compensation between children, as in the HDI).
    WeightedGeometricMean,
    /// The lowest child score.
    Worst,
}

/// What a node does with a child that has no data for the period.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum MissingPolicy {
    /// Leave the child out and rescale the other weights.
    #[default]
    Exclude,
    /// Count the child as a score of 0.
    Zero,
    /// Use the child's last score, for at most `max_periods` periods back.
    CarryForward {
        /// How many periods back a score may come from.
        max_periods: u32,
    },
    /// The parent has no data as soon as one child has none.
    NoData,
}

/// Roll-up settings of a node.
#[derive(Debug, Clone, Copy, PartialEq, Default, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Rollup {
    /// How children combine.
    #[serde(default)]
    pub aggregation: Aggregation,
    /// What missing children do.
    #[serde(default)]
    pub missing: MissingPolicy,
    /// Below this share of weight with data (0-1), the node is "no data" (default 0).
    #[serde(default)]
    pub min_coverage: f64,
}

impl Rollup {
    fn is_default(&self) -> bool {
        *self == Rollup::default()
    }
}

/// A perspective ("axe"): citizens & territory, finance & partnerships...
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Perspective {
    /// Unique id (shared namespace with objectives and indicators).
    pub id: String,
    /// Name.
    pub name: String,
    /// Relative weight in the scorecard.
    #[serde(default, skip_serializing_if = "Weight::is_one")]
    pub weight: Weight,
    /// How its objectives roll up.
    #[serde(default, skip_serializing_if = "Rollup::is_default")]
    pub rollup: Rollup,
}

/// An indicator's place under an objective, with its weight.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct IndicatorLink {
    /// Id of the indicator.
    pub indicator: String,
    /// Relative weight among the objective's indicators.
    #[serde(default, skip_serializing_if = "Weight::is_one")]
    pub weight: Weight,
}

/// A strategic objective, inside one perspective.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Objective {
    /// Unique id (shared namespace with perspectives and indicators).
    pub id: String,
    /// Name.
    pub name: String,
    /// Id of its perspective.
    pub perspective: String,
    /// Relative weight in its perspective.
    #[serde(default, skip_serializing_if = "Weight::is_one")]
    pub weight: Weight,
    /// Its indicators.
    #[serde(default)]
    pub indicators: Vec<IndicatorLink>,
    /// How its indicators roll up.
    #[serde(default, skip_serializing_if = "Rollup::is_default")]
    pub rollup: Rollup,
}

/// The sign expected between a cause and its effect.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum Sign {
    /// The effect improves when the cause improves.
    #[default]
    Positive,
    /// The effect worsens when the cause improves.
    Negative,
}

/// A cause-effect link of the strategy map.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct CauseEffect {
    /// Id of the cause objective.
    pub from: String,
    /// Id of the effect objective.
    pub to: String,
    /// Expected sign of the relation.
    #[serde(default)]
    pub sign: Sign,
    /// Periods between the cause and its effect.
    #[serde(default)]
    pub lag: u32,
}

/// The whole scorecard definition.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Scorecard {
    /// Perspectives, in display order.
    #[serde(default)]
    pub perspectives: Vec<Perspective>,
    /// Objectives, in display order.
    #[serde(default)]
    pub objectives: Vec<Objective>,
    /// Cause-effect links between objectives.
    #[serde(default)]
    pub links: Vec<CauseEffect>,
    /// How perspectives roll up into the scorecard.
    #[serde(default, skip_serializing_if = "Rollup::is_default")]
    pub rollup: Rollup,
}
