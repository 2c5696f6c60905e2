//! Running a compiled [`Engine`] over reporting periods: one pass that fills dense
//! node-major arrays ([`ScoreTable`]) of values, scores, statuses and coverage, indicator
//! by indicator (in evaluation order), then objectives, perspectives and the root, child
//! by child. No hashing, no strings, no allocation per value.

use super::{Engine, IndPlan, SourcePlan};
use crate::engine::rollup::{Accumulator, ChildInput};
use crate::engine::scoring::Status;
use crate::error::Error;
use crate::model::indicator::TimeAggregation;
use crate::model::period::{Calendar, Frequency, MonthIndex, Period};
use crate::model::scorecard::{MissingPolicy, Weight};

/// Dense results of a run: one row per node (in [`Engine::node_ids`] order), one column per
/// period, no strings. Cell `(node, t)` is at `node * periods + t`.
#[derive(Debug, Clone, PartialEq)]
pub struct ScoreTable {
    /// The first period (column 0).
    pub first: Period,
    /// Number of periods (columns).
    pub periods: usize,
    /// Number of nodes (rows).
    pub nodes: usize,
    /// Scores (0-100, NaN when none).
    pub scores: Vec<f64>,
    /// Statuses.
    pub statuses: Vec<Status>,
    /// Coverage (0-1).
    pub coverage: Vec<f64>,
    /// Indicator values (NaN when none); rows of other nodes are NaN.
    pub values: Vec<f64>,
}

impl ScoreTable {
    /// A table with no cell, starting at `first`.
    pub fn empty(first: Period) -> ScoreTable {
        ScoreTable {
            first,
            periods: 0,
            nodes: 0,
            scores: Vec::new(),
            statuses: Vec::new(),
            coverage: Vec::new(),
            values: Vec::new(),
        }
    }

    /// The score of a node at column `t`.
    pub fn score(&self, node: usize, t: usize) -> Option<f64> {
        self.scores.get(node * self.periods + t).copied().filter(|s| !s.is_nan())
    }

    /// The status of a node at column `t` (no data outside the table).
    pub fn status(&self, node: usize, t: usize) -> Status {
        self.statuses.get(node * self.periods + t).copied().unwrap_or(Status::NoData)
    }

    /// The coverage of a node at column `t`.
    pub fn coverage(&self, node: usize, t: usize) -> f64 {
        self.coverage.get(node * self.periods + t).copied().unwrap_or(0.0)
    }
}

/// Everything a run computed, over reporting periods `periods[0]..`.
#[derive(Debug, Clone)]
pub(crate) struct Grid {
    pub periods: Vec<Period>,
    pub table: ScoreTable,
    /// For each derived indicator (indexed by indicator), the period its metric was read at
    /// for each reporting period: the explanation of the period shown computes the full
    /// [`crate::engine::derived::MetricPoint`] there, the run needs only the values.
    pub derived: Vec<Option<Vec<Period>>>,
}

/// The ordinal at `frequency` of the period containing month `m` (as
/// `Period::containing_month`, without the year check).
#[inline]
pub(crate) fn ordinal_of_month(m: MonthIndex, frequency: Frequency, calendar: Calendar) -> i64 {
    let since = m - (calendar.start_month() as i64 - 1);
    match frequency {
        Frequency::Monthly => m,
        Frequency::Quarterly => since.div_euclid(3),
        Frequency::Yearly => since.div_euclid(12),
    }
}

/// The window of an indicator's slots (ordinals at its frequency, `[lo, hi)`) that feeds a
/// reporting period with months `[first, last]`:
/// - same or finer frequency: the indicator periods inside the reporting period;
/// - coarser frequency: the latest indicator period that ended on or before the end of the
///   reporting period (so it ended less than one of its own periods before): a yearly survey
///   of 2024 feeds every quarter of 2025 up to 2025-Q3, and 2025-Q4 needs the 2025 survey.
#[inline]
pub(crate) fn window(
    frequency: Frequency,
    report: Frequency,
    first: MonthIndex,
    last: MonthIndex,
    calendar: Calendar,
) -> (i64, i64) {
    if frequency.months() <= report.months() {
        (ordinal_of_month(first, frequency, calendar), ordinal_of_month(last, frequency, calendar) + 1)
    } else {
        let c = ordinal_of_month(last, frequency, calendar);
        let ends_here = ordinal_of_month(last + 1, frequency, calendar) != c;
        let c = if ends_here { c } else { c - 1 };
        (c, c + 1)
    }
}

/// The period an indicator measured at `frequency` shows in reporting period `period` when
/// it is coarser than the report: its latest own period ended by the end of `period` (see
/// [`window`]); `None` when it is not coarser (the value is the period's own). Its value,
/// target and scoring date all come from that period, in the engine and in the explanation.
pub(crate) fn value_period(frequency: Frequency, period: Period, calendar: Calendar) -> Option<Period> {
    if frequency.months() <= period.frequency().months() {
        return None;
    }
    let (lo, _) = window(
        frequency,
        period.frequency(),
        period.first_month(calendar),
        period.last_month(calendar),
        calendar,
    );
    Period::from_ordinal(frequency, lo).ok()
}

/// Check a range and find where its run starts (the history anchor of the workspace, so
/// that history is seen and every range gives the same results for the same period):
/// `(start ordinal, number of periods asked)`.
pub(crate) fn span(engine: &Engine, first: Period, last: Period) -> Result<(i64, usize), Error> {
    if first.frequency() != last.frequency() {
        return Err(Error::Argument {
            name: "last",
            message: format!("{first} and {last} are not of the same frequency"),
        });
    }
    if last.ordinal() < first.ordinal() {
        return Err(Error::Argument { name: "last", message: format!("{last} is before {first}") });
    }
    let report = first.frequency();
    let mut start = first.ordinal();
    if let Some(m) = engine.history_month {
        // never before the first whole period of the supported years
        let floor =
            ordinal_of_month(crate::model::period::MIN_YEAR as i64 * 12 + 12, report, engine.calendar);
        start = start.min(ordinal_of_month(m, report, engine.calendar).max(floor));
    }
    Ok((start, (last.ordinal() - first.ordinal() + 1) as usize))
}

/// The dense computation over reporting ordinals `start..=end` of `report` frequency.
/// `reuse` lends its buffers (they are resized and overwritten).
pub(crate) fn run(
    engine: &Engine,
    report: Frequency,
    start: i64,
    end: i64,
    reuse: ScoreTable,
) -> Result<Grid, Error> {
    let t_n = (end - start + 1).max(0) as usize;
    let mut periods = Vec::with_capacity(t_n);
    for o in start..=end {
        periods.push(Period::from_ordinal(report, o)?);
    }
    let cal = engine.calendar;
    let months: Vec<(MonthIndex, MonthIndex)> =
        periods.iter().map(|p| (p.first_month(cal), p.last_month(cal))).collect();
    let dates: Vec<chrono::NaiveDate> = periods.iter().map(|p| p.end_date(cal)).collect();
    let n_nodes = engine.nodes.len();
    let cells = n_nodes * t_n;
    let mut table = reuse;
    table.first = periods.first().copied().unwrap_or(Period::Year(crate::model::period::MIN_YEAR));
    table.periods = t_n;
    table.nodes = n_nodes;
    refill(&mut table.scores, cells, f64::NAN);
    refill(&mut table.statuses, cells, Status::NoData);
    refill(&mut table.coverage, cells, 0.0);
    refill(&mut table.values, cells, f64::NAN);
    let mut targets = vec![f64::NAN; t_n];
    let mut derived: Vec<Option<Vec<Period>>> = vec![None; engine.indicators.len()];
    for &i in &engine.order {
        let Some(ind) = engine.indicators.get(i) else { continue };
        let row = ind.node * t_n;
        // An indicator coarser than the report reads its own latest period ended by the
        // end of each reporting period (see `window`); its target and its scoring date are
        // those of that period too, so that last year's survey is scored against last
        // year's target, never this year's.
        let value_periods: Option<Vec<Period>> = (ind.frequency.months() > report.months())
            .then(|| periods.iter().map(|&p| value_period(ind.frequency, p, cal).unwrap_or(p)).collect());
        match &ind.source {
            SourcePlan::Measured => measured_values(engine, ind, report, &months, &mut table, row),
            SourcePlan::Derived(metric) => {
                if let Some(source) = &engine.derived_source {
                    // A metric is computed at the reporting period when the indicator is
                    // as fine or finer (a quarter's flow, a quarter-end stock); for a coarser
                    // indicator, at its own latest period ended by the end of the reporting
                    // period (the rule measured indicators follow, see `window`).
                    let at = value_periods.clone().unwrap_or_else(|| periods.clone());
                    let values = source.values(*metric, &at);
                    for (t, value) in values.into_iter().enumerate().take(t_n) {
                        if let Some(v) = value.filter(|v| v.is_finite()) {
                            set(&mut table.values, row + t, v);
                            set(&mut table.coverage, row + t, 1.0);
                        }
                    }
                    if let Some(d) = derived.get_mut(i) {
                        *d = Some(at);
                    }
                }
            }
            SourcePlan::Calculated { expr, refs } => {
                let rows: Vec<usize> = refs
                    .iter()
                    .filter_map(|(_, k)| engine.indicators.get(*k))
                    .map(|o| o.node * t_n)
                    .collect();
                for t in 0..t_n {
                    if rows.iter().any(|r| table.statuses.get(r + t) == Some(&Status::Suppressed)) {
                        set(&mut table.statuses, row + t, Status::Suppressed);
                        continue;
                    }
                    let get = |id: &str| {
                        refs.iter()
                            .position(|(r, _)| r == id)
                            .and_then(|k| rows.get(k))
                            .and_then(|r| table.values.get(r + t))
                            .copied()
                            .filter(|v| !v.is_nan())
                    };
                    if let Ok(v) = expr.eval(&get) {
                        set(&mut table.values, row + t, v);
                        set(&mut table.coverage, row + t, 1.0);
                    }
                }
            }
        }
        // target, score and status of each period with a value
        let baseline = ind.baseline.map(|b| b.value);
        let scores = table.scores.get_mut(row..row + t_n).unwrap_or(&mut []);
        let statuses = table.statuses.get_mut(row..row + t_n).unwrap_or(&mut []);
        let values = table.values.get(row..row + t_n).unwrap_or(&[]);
        let own_dates: Vec<chrono::NaiveDate>;
        let score_dates = match &value_periods {
            None => {
                ind.targets.fill(&periods, &months, &mut targets);
                &dates
            }
            Some(at) => {
                let at_months: Vec<(MonthIndex, MonthIndex)> =
                    at.iter().map(|p| (p.first_month(cal), p.last_month(cal))).collect();
                ind.targets.fill(at, &at_months, &mut targets);
                own_dates = at.iter().map(|p| p.end_date(cal)).collect();
                &own_dates
            }
        };
        ind.scoring.score_series(
            values,
            &targets,
            score_dates,
            baseline,
            ind.polarity,
            &ind.thresholds,
            scores,
            statuses,
        );
        // no score, no coverage: a value without a target (or a suppressed one) is not data
        // the roll-up can use, and its coverage says so
        let (scores, coverage) = (&table.scores, &mut table.coverage);
        for (c, s) in coverage
            .get_mut(row..row + t_n)
            .unwrap_or(&mut [])
            .iter_mut()
            .zip(scores.get(row..row + t_n).unwrap_or(&[]))
        {
            if s.is_nan() {
                *c = 0.0;
            }
        }
    }

    // roll-ups: objectives, then perspectives, then the root
    let thresholds = engine.settings.thresholds;
    let mut accs: Vec<Accumulator> = Vec::with_capacity(t_n);
    for node in (0..engine.first_indicator_node).rev() {
        let Some(def) = engine.nodes.get(node) else { continue };
        let rollup = &def.rollup;
        let max_back = match rollup.missing {
            MissingPolicy::CarryForward { max_periods } => max_periods as usize,
            _ => 0,
        };
        accs.clear();
        accs.resize(t_n, Accumulator::default());
        // child by child, each child's row read contiguously
        for (c, w) in &def.children {
            let Some(row) = table.scores.get(c * t_n..(c + 1) * t_n) else { continue };
            let mut last_seen: Option<(f64, usize)> = None;
            for (t, (acc, &s)) in accs.iter_mut().zip(row).enumerate() {
                let weight = match w {
                    Weight::Fixed(x) => *x,
                    Weight::Schedule(_) => periods.get(t).map_or(1.0, |&p| w.at(p, cal)),
                };
                let score = (!s.is_nan()).then_some(s);
                let carried = match (score, last_seen) {
                    (None, Some((v, at))) if max_back > 0 && t - at <= max_back => Some((v, (t - at) as u32)),
                    _ => None,
                };
                if score.is_some() {
                    last_seen = Some((s, t));
                }
                acc.add(rollup, &ChildInput { weight, score, carried });
            }
        }
        let cov = table.coverage.get_mut(node * t_n..(node + 1) * t_n).unwrap_or(&mut []);
        for (acc, x) in accs.iter().zip(cov.iter_mut()) {
            *x = acc.finish(rollup).coverage;
        }
        let scores = table.scores.get_mut(node * t_n..(node + 1) * t_n).unwrap_or(&mut []);
        let statuses = table.statuses.get_mut(node * t_n..(node + 1) * t_n).unwrap_or(&mut []);
        for ((acc, x), st) in accs.iter().zip(scores.iter_mut()).zip(statuses.iter_mut()) {
            if let Ok(s) = acc.finish(rollup).score {
                *x = s;
                *st = thresholds.status(s);
            }
        }
    }
    Ok(Grid { periods, table, derived })
}

/// Fill the values (and coverage, and suppressed statuses) of a measured indicator.
fn measured_values(
    engine: &Engine,
    ind: &IndPlan,
    report: Frequency,
    months: &[(MonthIndex, MonthIndex)],
    table: &mut ScoreTable,
    row: usize,
) {
    let t_n = months.len();
    let cal = engine.calendar;
    let slots = engine.values.get(ind.offset..ind.offset + ind.len).unwrap_or(&[]);
    let values = table.values.get_mut(row..row + t_n).unwrap_or(&mut []);
    let coverage = table.coverage.get_mut(row..row + t_n).unwrap_or(&mut []);
    let statuses = table.statuses.get_mut(row..row + t_n).unwrap_or(&mut []);
    // fast path: measured at the reporting frequency, nothing suppressed: one slot per period
    if ind.frequency == report
        && ind.suppressed.is_empty()
        && (ind.aggregation != TimeAggregation::RatioOfSums || ind.ratio_offset.is_none())
    {
        let Some(&(first, _)) = months.first() else { return };
        let shift = ordinal_of_month(first, report, cal) - ind.base;
        for (t, (v, c)) in values.iter_mut().zip(coverage.iter_mut()).enumerate() {
            let slot = shift + t as i64;
            if slot >= 0 {
                if let Some(&x) = slots.get(slot as usize) {
                    if !x.is_nan() {
                        *v = x;
                        *c = 1.0;
                    }
                }
            }
        }
        return;
    }
    let (nums, dens) = match ind.ratio_offset {
        Some(r) => (
            engine.numerators.get(r..r + ind.len).unwrap_or(&[]),
            engine.denominators.get(r..r + ind.len).unwrap_or(&[]),
        ),
        None => (&[][..], &[][..]),
    };
    for (t, &(fm, lm)) in months.iter().enumerate() {
        let (lo, hi) = window(ind.frequency, report, fm, lm, cal);
        if !ind.suppressed.is_empty() && ind.suppressed.iter().any(|&s| lo <= s && s < hi) {
            if let Some(st) = statuses.get_mut(t) {
                *st = Status::Suppressed;
            }
            continue;
        }
        let a = (lo - ind.base).clamp(0, ind.len as i64) as usize;
        let b = (hi - ind.base).clamp(0, ind.len as i64) as usize;
        let win = slots.get(a..b).unwrap_or(&[]);
        let (wn, wd) = if nums.is_empty() {
            (&[][..], &[][..])
        } else {
            (nums.get(a..b).unwrap_or(&[]), dens.get(a..b).unwrap_or(&[]))
        };
        if let Some(v) = crate::engine::aggregation::aggregate(ind.aggregation, win, wn, wd) {
            let expected = (hi - lo).max(1) as f64;
            let present = win.iter().filter(|x| !x.is_nan()).count() as f64;
            if let (Some(x), Some(c)) = (values.get_mut(t), coverage.get_mut(t)) {
                *x = v;
                *c = present / expected;
            }
        }
    }
}

/// Resize `v` to `n` and set every element to `x`, reusing its allocation.
fn refill<T: Copy>(v: &mut Vec<T>, n: usize, x: T) {
    v.clear();
    v.resize(n, x);
}

/// Write one cell (a no-op outside the array, which a run never addresses).
#[inline]
fn set<T>(v: &mut [T], i: usize, x: T) {
    if let Some(c) = v.get_mut(i) {
        *c = x;
    }
}
