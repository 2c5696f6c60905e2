//! Rolling children's scores up into their parent's score, with relative weights and a
//! missing-data policy.
//!
//! Each child brings its weight in force for the period (`Weight::at`), its score (none when
//! it has no data or is suppressed: a suppressed child counts as missing) and, under
//! carry-forward, its last score from at most `N` periods back. The node's policy decides:
//! - exclude and rescale (default): missing children are left out; the others' weights are
//!   rescaled to sum to 1;
//! - zero: a missing child counts as a score of 0 with its full weight;
//! - carry forward `N`: a missing child uses its last score if it is at most `N` periods old,
//!   else it is excluded (and rescaled) like above;
//! - no data: one missing child makes the parent "no data".
//!
//! Then, over the contributing children `i` with weights `w_i` and scores `s_i`:
//! - weighted mean: `S = sum(w_i * s_i) / sum(w_i)`;
//! - weighted geometric mean: `S = exp(sum(w_i * ln s_i) / sum(w_i))`, and `S = 0` as soon as
//!   one `s_i <= 0` (no compensation for a zero, as in the HDI);
//! - worst: `S = min(s_i)` (weights only count for coverage).
//!
//! Coverage is `sum(w_i over children with data, carried ones included) / sum(w_i over all)`;
//! zero-filled children are not data. The node has no data when it has no children, when no
//! child has data (whatever the policy), when the policy is "no data" and a child misses,
//! or when coverage is below the node's `min_coverage`; and when a sum is beyond `f64`
//! (weights or unbounded scores near 1.8e308: validation bounds weights by [`MAX_WEIGHT`],
//! a workspace built in code may not), with the reason, never an infinity with a status.

use serde::{Deserialize, Serialize};

use crate::engine::evaluation::Formula;
use crate::model::scorecard::{Aggregation, MissingPolicy, Rollup};

/// The largest weight validation accepts (10^12). Weights are relative (only their ratios
/// count), so a bound loses nothing (a budget in euros fits), and below it a weighted sum of
/// scores overflows only for scores beyond 10^290.
pub const MAX_WEIGHT: f64 = 1e12;

/// One child as the roll-up sees it for one period.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct ChildInput {
    /// The weight in force (relative, > 0).
    pub weight: f64,
    /// The child's score, `None` when it has no data or is suppressed.
    pub score: Option<f64>,
    /// Under carry-forward: the child's last score and how many periods back it is (only
    /// when within the policy's limit).
    pub carried: Option<(f64, u32)>,
}

/// What the missing-data policy did with a child.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum Treatment {
    /// The child's own score was used.
    Used,
    /// The child had no data and was left out (weights rescaled).
    Excluded,
    /// The child had no data and counted as 0.
    CountedAsZero,
    /// The child had no data; its score from `age` periods back was used.
    CarriedForward {
        /// How many periods back.
        age: u32,
    },
    /// The child had no data, which makes the parent "no data".
    MakesParentNoData,
}

/// Why a node has no score.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum NoDataReason {
    /// The node has no children.
    NoChildren,
    /// None of its children has data for the period.
    AllChildrenMissing,
    /// A child has no data and the policy is "no data".
    ChildMissing,
    /// The share of weight with data is below the node's minimum coverage.
    BelowMinCoverage,
    /// The weighted sum of the children is beyond `f64` (weights or scores near 1.8e308):
    /// no score rather than an infinity or an undefined number with a status.
    TooLarge,
}

impl std::fmt::Display for NoDataReason {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(match self {
            NoDataReason::NoChildren => "it has no children",
            NoDataReason::AllChildrenMissing => "none of its children has data for the period",
            NoDataReason::ChildMissing => "a child has no data and the missing-data policy is \"no data\"",
            NoDataReason::BelowMinCoverage => "the share of weight with data is below the minimum coverage",
            NoDataReason::TooLarge => {
                "the weights and scores of its children are too large for the arithmetic (beyond about 1.8e308)"
            }
        })
    }
}

/// The roll-up of one node for one period.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Combined {
    /// The score, or why there is none.
    pub score: Result<f64, NoDataReason>,
    /// Share of weight with data (0-1).
    pub coverage: f64,
}

/// The treatment of a child under `policy`, and the score it contributes (if any).
#[inline]
pub fn treatment(policy: MissingPolicy, child: &ChildInput) -> (Treatment, Option<f64>) {
    match (child.score, policy) {
        (Some(s), _) => (Treatment::Used, Some(s)),
        (None, MissingPolicy::Exclude) => (Treatment::Excluded, None),
        (None, MissingPolicy::Zero) => (Treatment::CountedAsZero, Some(0.0)),
        (None, MissingPolicy::NoData) => (Treatment::MakesParentNoData, None),
        (None, MissingPolicy::CarryForward { max_periods }) => match child.carried {
            Some((s, age)) if age >= 1 && age <= max_periods => (Treatment::CarriedForward { age }, Some(s)),
            _ => (Treatment::Excluded, None),
        },
    }
}

/// A roll-up in progress: children are added one at a time (in any order), then
/// [`finish`](Accumulator::finish) gives the result. [`combine`] is a fold with it; the
/// engine keeps one per period and adds children child by child, so both paths share the
/// same arithmetic.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Accumulator {
    children: u32,
    total: f64,
    covered: f64,
    weight_sum: f64,
    mean_acc: f64,
    log_acc: f64,
    worst: f64,
    any_nonpositive: bool,
    any_data: bool,
    any_missing_nodata: bool,
}

impl Default for Accumulator {
    fn default() -> Self {
        Accumulator {
            children: 0,
            total: 0.0,
            covered: 0.0,
            weight_sum: 0.0,
            mean_acc: 0.0,
            log_acc: 0.0,
            worst: f64::INFINITY,
            any_nonpositive: false,
            any_data: false,
            any_missing_nodata: false,
        }
    }
}

impl Accumulator {
    /// Add one child.
    #[inline]
    pub fn add(&mut self, rollup: &Rollup, c: &ChildInput) {
        self.children += 1;
        self.total += c.weight;
        let (t, s) = treatment(rollup.missing, c);
        match t {
            Treatment::Used | Treatment::CarriedForward { .. } => {
                self.covered += c.weight;
                self.any_data = true;
            }
            Treatment::MakesParentNoData => self.any_missing_nodata = true,
            Treatment::Excluded | Treatment::CountedAsZero => {}
        }
        if let Some(s) = s {
            self.weight_sum += c.weight;
            match rollup.aggregation {
                Aggregation::WeightedMean => self.mean_acc += c.weight * s,
                Aggregation::WeightedGeometricMean => {
                    if s <= 0.0 {
                        self.any_nonpositive = true;
                    } else {
                        self.log_acc += c.weight * s.ln();
                    }
                }
                Aggregation::Worst => self.worst = self.worst.min(s),
            }
        }
    }

    /// The result (see the module formulas).
    #[inline]
    pub fn finish(&self, rollup: &Rollup) -> Combined {
        let coverage = if self.total > 0.0 { self.covered / self.total } else { 0.0 };
        // weights are validated finite, positive and at most `MAX_WEIGHT`; sums beyond f64
        // are still possible for a workspace built in code or with unbounded scores (no cap)
        let sums_finite = self.total.is_finite() && self.covered.is_finite() && self.weight_sum.is_finite();
        let score = if !sums_finite || !coverage.is_finite() {
            Err(NoDataReason::TooLarge)
        } else if self.children == 0 || self.total <= 0.0 {
            Err(NoDataReason::NoChildren)
        } else if !self.any_data {
            Err(NoDataReason::AllChildrenMissing)
        } else if self.any_missing_nodata {
            Err(NoDataReason::ChildMissing)
        } else if coverage < rollup.min_coverage {
            Err(NoDataReason::BelowMinCoverage)
        } else {
            Ok(match rollup.aggregation {
                Aggregation::WeightedMean => self.mean_acc / self.weight_sum,
                Aggregation::WeightedGeometricMean => {
                    if self.any_nonpositive {
                        0.0
                    } else {
                        (self.log_acc / self.weight_sum).exp()
                    }
                }
                Aggregation::Worst => self.worst,
            })
            .and_then(|s| if s.is_finite() { Ok(s) } else { Err(NoDataReason::TooLarge) })
        };
        let coverage = if coverage.is_finite() { coverage } else { 0.0 };
        Combined { score, coverage }
    }
}

/// Roll the children up (see the module formulas).
pub fn combine(rollup: &Rollup, children: &[ChildInput]) -> Combined {
    let mut acc = Accumulator::default();
    for c in children {
        acc.add(rollup, c);
    }
    acc.finish(rollup)
}

/// The effective weight of each child (its share of the result): `w_i / sum(w_j)` over the
/// contributing children for the means; for "worst", 1 for the first lowest child and 0 for
/// the others; 0 for children left out.
pub fn effective_weights(rollup: &Rollup, children: &[ChildInput]) -> Vec<f64> {
    let contrib: Vec<Option<f64>> = children.iter().map(|c| treatment(rollup.missing, c).1).collect();
    match rollup.aggregation {
        Aggregation::Worst => {
            let mut best: Option<(usize, f64)> = None;
            for (i, s) in contrib.iter().enumerate() {
                if let Some(s) = s {
                    if best.is_none_or(|b| *s < b.1) {
                        best = Some((i, *s));
                    }
                }
            }
            (0..children.len()).map(|i| if best.map(|b| b.0) == Some(i) { 1.0 } else { 0.0 }).collect()
        }
        _ => {
            let sum: f64 =
                children.iter().zip(&contrib).filter(|(_, s)| s.is_some()).map(|(c, _)| c.weight).sum();
            children
                .iter()
                .zip(&contrib)
                .map(|(c, s)| if s.is_some() && sum > 0.0 { c.weight / sum } else { 0.0 })
                .collect()
        }
    }
}

/// The roll-up formula with the numbers substituted, as a tree (its English text,
/// `(2 * 60 + 1 * 90) / 3 = 70`, is its `Display`).
pub fn formula(rollup: &Rollup, children: &[ChildInput], combined: &Combined) -> Formula {
    use crate::engine::evaluation::{Op, Operand};
    let used: Vec<(f64, f64)> =
        children.iter().filter_map(|c| treatment(rollup.missing, c).1.map(|s| (c.weight, s))).collect();
    let result = match combined.score {
        Ok(s) => s,
        Err(reason) => return Formula::op(Op::NoData { reason }, Vec::new()),
    };
    let wsum: f64 = used.iter().map(|u| u.0).sum();
    let w = |x: f64| Formula::value(x, Operand::Weight);
    let s = |x: f64| Formula::value(x, Operand::Score);
    let calc = match rollup.aggregation {
        Aggregation::WeightedMean => {
            let terms = used.iter().map(|(x, y)| Formula::op(Op::Mul, vec![w(*x), s(*y)])).collect();
            Formula::op(Op::Div, vec![Formula::op(Op::Add, terms), Formula::value(wsum, Operand::WeightSum)])
        }
        Aggregation::WeightedGeometricMean => {
            if used.iter().any(|u| u.1 <= 0.0) {
                return Formula::op(Op::ZeroInGeometricMean, Vec::new()).equals(result);
            }
            let terms = used
                .iter()
                .map(|(x, y)| Formula::op(Op::Mul, vec![w(*x), Formula::op(Op::Ln, vec![s(*y)])]))
                .collect();
            let mean = Formula::op(
                Op::Div,
                vec![Formula::op(Op::Add, terms), Formula::value(wsum, Operand::WeightSum)],
            );
            Formula::op(Op::Exp, vec![mean])
        }
        Aggregation::Worst => Formula::op(Op::Min, used.iter().map(|u| s(u.1)).collect()),
    };
    calc.equals(result)
}

/// The snake_case name of an aggregation.
pub fn aggregation_name(a: Aggregation) -> &'static str {
    match a {
        Aggregation::WeightedMean => "weighted_mean",
        Aggregation::WeightedGeometricMean => "weighted_geometric_mean",
        Aggregation::Worst => "worst",
    }
}
