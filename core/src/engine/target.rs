//! The target in force for a reporting period.
//!
//! Rules, first that applies wins:
//! 1. an explicit target for exactly the reporting period;
//! 2. an explicit target for a **coarser** period containing it applies as it is to each
//!    finer reporting period inside it (a yearly "absenteeism at most 5 %" holds every
//!    quarter); give flows (sums) their targets at the reporting grain;
//! 3. explicit targets for **every** finer period inside the reporting period (monthly
//!    targets, quarterly report) combine with the indicator's time aggregation (sum, mean,
//!    last, min, max; ratio of sums takes their mean);
//! 4. the trajectory, interpolated linearly per period through its milestones: each point
//!    sits at the last month of its period, the target of period `P` is read at the last
//!    month `m` of `P`: `v_i + (v_{i+1} - v_i) * (m - m_i) / (m_{i+1} - m_i)`. Before the
//!    trajectory's start there is none; after its end the end value holds.
//!
//! 5. otherwise the indicator's [`TargetPolicy`] decides: `none` (the default) leaves the
//!    period without a target (no score, status "no data", and the explanation names the
//!    latest target there is); `carry_forward` keeps the latest explicit target whose period
//!    ended before the reporting period starts, of the reporting period's frequency or a
//!    coarser one (a yearly target carried into the next year's quarters; a monthly target
//!    is never stretched over a quarter, where a flow's target would be wrong by 3x).
//!
//! The default is `none` because a target is a decision: a 2024 target silently applied to
//! 2025 can make a scorecard green against a goal nobody set (ClearPoint and Envisio, for
//! example, leave a period without a target unscored unless the user copies it forward).
//!
//! The baseline for linear progress is the indicator's baseline, else the trajectory's start.

use serde::{Deserialize, Serialize};

use crate::model::indicator::{Indicator, PeriodValue, TimeAggregation};
use crate::model::period::{Calendar, MonthIndex, Period};

/// What holds for a period with no target in force (see the module rules).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum TargetPolicy {
    /// No target: no score, status "no data" (the default).
    #[default]
    None,
    /// The latest earlier explicit target, of the reporting frequency or a coarser one.
    CarryForward,
}

impl TargetPolicy {
    /// True for the default (`none`), which files omit.
    pub fn is_default(&self) -> bool {
        *self == TargetPolicy::None
    }

    /// The name written in files.
    pub fn as_str(self) -> &'static str {
        match self {
            TargetPolicy::None => "none",
            TargetPolicy::CarryForward => "carry_forward",
        }
    }
}

/// Where the target in force comes from.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum TargetSource {
    /// An explicit target for the reporting period itself.
    Explicit {
        /// The period of the target.
        period: Period,
    },
    /// An explicit target for a coarser period containing the reporting period.
    ExplicitCoarser {
        /// The period of the target.
        period: Period,
    },
    /// Explicit targets for every finer period inside the reporting period, aggregated.
    ExplicitFiner {
        /// The first of them.
        first: Period,
        /// The last of them.
        last: Period,
        /// How many.
        count: u32,
    },
    /// The latest earlier explicit target, under the `carry_forward` policy.
    CarriedForward {
        /// The period of the target carried.
        period: Period,
    },
    /// The trajectory, between two of its points.
    Trajectory {
        /// The point before (or at) the period.
        from: PeriodValue,
        /// The point after (or at) the period.
        to: PeriodValue,
    },
    /// The end of the trajectory, at or after its last point (its value holds from there).
    TrajectoryEnd {
        /// Where the trajectory starts.
        start: PeriodValue,
        /// Where it ends.
        end: PeriodValue,
    },
}

/// The target in force and its origin.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize, schemars::JsonSchema)]
pub struct TargetInForce {
    /// The value.
    pub value: f64,
    /// Where it comes from.
    pub source: TargetSource,
}

/// An indicator's targets compiled for repeated look-ups (months precomputed).
#[derive(Debug, Clone, PartialEq)]
pub struct TargetPlan {
    explicit: Vec<(PeriodValue, MonthIndex, MonthIndex)>,
    trajectory: Vec<(PeriodValue, MonthIndex)>,
    aggregation: TimeAggregation,
    policy: TargetPolicy,
    calendar: Calendar,
}

impl TargetPlan {
    /// Compile the targets of an indicator.
    pub fn new(ind: &Indicator, calendar: Calendar) -> TargetPlan {
        let mut explicit: Vec<_> = ind
            .targets
            .iter()
            .map(|t| (*t, t.period.first_month(calendar), t.period.last_month(calendar)))
            .collect();
        crate::sort::sort_by_key(&mut explicit, |e| (e.1, e.2));
        let trajectory = ind
            .trajectory
            .as_ref()
            .map(|t| {
                std::iter::once(&t.from)
                    .chain(t.milestones.iter())
                    .chain(std::iter::once(&t.to))
                    .map(|p| (*p, p.period.last_month(calendar)))
                    .collect()
            })
            .unwrap_or_default();
        TargetPlan { explicit, trajectory, aggregation: ind.aggregation, policy: ind.target_policy, calendar }
    }

    /// The policy for periods with no target in force.
    pub fn policy(&self) -> TargetPolicy {
        self.policy
    }

    /// The latest explicit target whose period ends before `first` (a month index), of
    /// `frequency` or a coarser one.
    fn latest_before(
        &self,
        first: MonthIndex,
        frequency: crate::model::period::Frequency,
    ) -> Option<PeriodValue> {
        self.explicit
            .iter()
            .filter(|e| e.2 < first && e.0.period.frequency().months() >= frequency.months())
            .max_by_key(|e| (e.2, e.2 - e.1))
            .map(|e| e.0)
    }

    /// The latest explicit target of any frequency that ends before `period` starts: what
    /// an explanation names when no target is in force.
    pub fn latest_earlier(&self, period: Period) -> Option<PeriodValue> {
        let first = period.first_month(self.calendar);
        self.explicit.iter().filter(|e| e.2 < first).max_by_key(|e| (e.2, e.2 - e.1)).map(|e| e.0)
    }

    /// True when the indicator has no target at all.
    pub fn is_empty(&self) -> bool {
        self.explicit.is_empty() && self.trajectory.is_empty()
    }

    /// The target in force at `period` (see the module rules), or `None`.
    pub fn at(&self, period: Period) -> Option<TargetInForce> {
        self.at_months(period, period.first_month(self.calendar), period.last_month(self.calendar))
    }

    /// [`at`](TargetPlan::at) with the period's first and last months already known (the
    /// engine computes them once per run).
    #[inline]
    pub fn at_months(&self, period: Period, first: MonthIndex, last: MonthIndex) -> Option<TargetInForce> {
        if self.explicit.is_empty() {
            return self.trajectory_at(last);
        }
        let found = self.explicit_or_trajectory(period, first, last);
        if found.is_some() || self.policy == TargetPolicy::None {
            return found;
        }
        self.latest_before(first, period.frequency()).map(|t| TargetInForce {
            value: t.value,
            source: TargetSource::CarriedForward { period: t.period },
        })
    }

    #[inline]
    fn explicit_or_trajectory(
        &self,
        period: Period,
        first: MonthIndex,
        last: MonthIndex,
    ) -> Option<TargetInForce> {
        let mut coarser: Option<&(PeriodValue, MonthIndex, MonthIndex)> = None;
        let mut finer_count = 0u32;
        let mut finer_first: Option<Period> = None;
        let mut finer_last: Option<Period> = None;
        let mut finer_frequency = None;
        for e in &self.explicit {
            if e.0.period == period {
                return Some(TargetInForce { value: e.0.value, source: TargetSource::Explicit { period } });
            }
            if e.1 <= first && last <= e.2 {
                // the finest coarser period wins (a quarter before its year)
                if coarser.is_none_or(|c| c.2 - c.1 > e.2 - e.1) {
                    coarser = Some(e);
                }
            } else if first <= e.1 && e.2 <= last {
                finer_frequency.get_or_insert(e.0.period.frequency());
                if finer_frequency == Some(e.0.period.frequency()) {
                    finer_count += 1;
                    finer_first.get_or_insert(e.0.period);
                    finer_last = Some(e.0.period);
                }
            }
        }
        if let Some(c) = coarser {
            return Some(TargetInForce {
                value: c.0.value,
                source: TargetSource::ExplicitCoarser { period: c.0.period },
            });
        }
        if let (Some(freq), Some(f), Some(l)) = (finer_frequency, finer_first, finer_last) {
            let needed = (period.frequency().months() / freq.months()).max(1);
            if finer_count == needed {
                let values: Vec<f64> = self
                    .explicit
                    .iter()
                    .filter(|e| e.0.period.frequency() == freq && first <= e.1 && e.2 <= last)
                    .map(|e| e.0.value)
                    .collect();
                let method = match self.aggregation {
                    TimeAggregation::RatioOfSums => TimeAggregation::Mean,
                    m => m,
                };
                if let Some(v) = crate::engine::aggregation::aggregate(method, &values, &[], &[]) {
                    return Some(TargetInForce {
                        value: v,
                        source: TargetSource::ExplicitFiner { first: f, last: l, count: finer_count },
                    });
                }
            }
        }
        self.trajectory_at(last)
    }

    #[inline]
    fn trajectory_at(&self, month: MonthIndex) -> Option<TargetInForce> {
        let (first, end) = (self.trajectory.first()?, self.trajectory.last()?);
        if month < first.1 {
            return None;
        }
        if month >= end.1 {
            return Some(TargetInForce {
                value: end.0.value,
                source: TargetSource::TrajectoryEnd { start: first.0, end: end.0 },
            });
        }
        for w in self.trajectory.windows(2) {
            let (a, b) = (&w[0], &w[1]);
            if a.1 <= month && month <= b.1 {
                let span = (b.1 - a.1) as f64;
                let value = if span > 0.0 {
                    between(a.0.value, b.0.value, (month - a.1) as f64, span)
                } else {
                    b.0.value
                };
                return Some(TargetInForce {
                    value,
                    source: TargetSource::Trajectory { from: a.0, to: b.0 },
                });
            }
        }
        None
    }

    /// The value of the target in force at each period of a run (NaN when none), the same
    /// as [`at_months`](TargetPlan::at_months) per period but walking the trajectory once:
    /// `periods` and `months` (first and last month of each period) are consecutive.
    pub fn fill(&self, periods: &[Period], months: &[(MonthIndex, MonthIndex)], out: &mut [f64]) {
        if !self.explicit.is_empty() {
            for ((o, &p), &(f, l)) in out.iter_mut().zip(periods).zip(months) {
                *o = self.at_months(p, f, l).map_or(f64::NAN, |t| t.value);
            }
            return;
        }
        let points = &self.trajectory;
        let (Some(first), Some(end)) = (points.first(), points.last()) else {
            out.iter_mut().for_each(|o| *o = f64::NAN);
            return;
        };
        let mut seg = 0usize;
        for (o, &(_, m)) in out.iter_mut().zip(months) {
            *o = if m < first.1 {
                f64::NAN
            } else if m >= end.1 {
                end.0.value
            } else {
                while points.get(seg + 1).is_some_and(|b| b.1 < m) {
                    seg += 1;
                }
                match (points.get(seg), points.get(seg + 1)) {
                    (Some(a), Some(b)) if b.1 > a.1 => {
                        between(a.0.value, b.0.value, (m - a.1) as f64, (b.1 - a.1) as f64)
                    }
                    (_, Some(b)) => b.0.value,
                    _ => end.0.value,
                }
            };
        }
    }

    /// The target date of the indicator: the later of the last explicit target and the
    /// trajectory's end (by last month), with its value.
    pub fn target_date(&self) -> Option<PeriodValue> {
        let explicit = self.explicit.iter().max_by_key(|e| e.2).map(|e| (e.0, e.2));
        let traj = self.trajectory.last().map(|p| (p.0, p.1));
        match (explicit, traj) {
            (Some(e), Some(t)) => Some(if t.1 > e.1 { t.0 } else { e.0 }),
            (Some(e), None) => Some(e.0),
            (None, Some(t)) => Some(t.0),
            (None, None) => None,
        }
    }
}

/// The baseline of an indicator: its own, else its trajectory's start.
pub fn baseline(ind: &Indicator) -> Option<PeriodValue> {
    ind.baseline.or_else(|| ind.trajectory.as_ref().map(|t| t.from))
}

/// The trajectory's value `k` months into a leg of `span` months from `from` to `to`:
/// `from + (to - from) * k / span`, or [`crate::engine::scoring::lerp`] when that overflows (a
/// path between finite values is finite).
fn between(from: f64, to: f64, k: f64, span: f64) -> f64 {
    let direct = from + (to - from) * k / span;
    if direct.is_finite() { direct } else { crate::engine::scoring::lerp(from, to, k / span) }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::engine::scoring::ScoringMethod;
    use crate::model::indicator::Trajectory;
    use crate::model::period::Frequency;

    fn p(s: &str) -> Period {
        s.parse().unwrap_or(Period::Year(2000))
    }

    fn ind(targets: Vec<PeriodValue>, trajectory: Option<Trajectory>, agg: TimeAggregation) -> Indicator {
        Indicator {
            id: "i".into(),
            name: "i".into(),
            description: None,
            unit: String::new(),
            polarity: Default::default(),
            frequency: Frequency::Monthly,
            aggregation: agg,
            source: Default::default(),
            baseline: None,
            targets,
            trajectory,
            target_policy: Default::default(),
            scoring: ScoringMethod::LinearProgress { cap: Some(100.0), floor_at_zero: true },
            thresholds: None,
            min_group_size: None,
            service: None,
            measurements: vec![],
        }
    }

    fn pv(period: &str, value: f64) -> PeriodValue {
        PeriodValue { period: p(period), value }
    }

    #[test]
    fn explicit_then_coarser_then_finer_then_trajectory() {
        let traj = Trajectory { from: pv("2024-12", 10.0), to: pv("2025-12", 22.0), milestones: vec![] };
        let i = ind(
            vec![
                pv("2025-03", 5.0),
                pv("2025", 7.0),
                pv("2026-01", 1.0),
                pv("2026-02", 2.0),
                pv("2026-03", 3.0),
            ],
            Some(traj),
            TimeAggregation::Sum,
        );
        let plan = TargetPlan::new(&i, Calendar::default());
        assert_eq!(plan.at(p("2025-03")).map(|t| t.value), Some(5.0));
        // 2025-04 is inside the yearly target 2025
        let t = plan.at(p("2025-04"));
        assert_eq!(t.map(|t| t.value), Some(7.0));
        assert_eq!(t.map(|t| t.source), Some(TargetSource::ExplicitCoarser { period: p("2025") }));
        // 2026-Q1: three monthly targets, summed: 1 + 2 + 3 = 6
        assert_eq!(plan.at(p("2026-Q1")).map(|t| t.value), Some(6.0));
        // 2026-Q2: no explicit target, after the trajectory's end: 22
        assert_eq!(plan.at(p("2026-Q2")).map(|t| t.value), Some(22.0));
        // 2024-11: before the trajectory
        assert_eq!(plan.at(p("2024-11")), None);
        assert_eq!(plan.target_date(), Some(pv("2026-03", 3.0)));
    }

    #[test]
    fn trajectory_through_a_milestone() {
        // 2024-12 at 0, milestone 2025-06 at 30, end 2025-12 at 36
        let traj = Trajectory {
            from: pv("2024-12", 0.0),
            to: pv("2025-12", 36.0),
            milestones: vec![pv("2025-06", 30.0)],
        };
        let plan = TargetPlan::new(&ind(vec![], Some(traj), TimeAggregation::Last), Calendar::default());
        // 2025-02: 2 months of 6 on the first leg: 0 + 30 * 2/6 = 10
        assert_eq!(plan.at(p("2025-02")).map(|t| t.value), Some(10.0));
        // 2025-09: 3 months of 6 on the second leg: 30 + 6 * 3/6 = 33
        assert_eq!(plan.at(p("2025-09")).map(|t| t.value), Some(33.0));
        // 2025-Q1 is read at its last month, March: 30 * 3/6 = 15
        assert_eq!(plan.at(p("2025-Q1")).map(|t| t.value), Some(15.0));
        // trajectory end is the target date
        assert_eq!(plan.target_date(), Some(pv("2025-12", 36.0)));
    }
}
