//! The compiled plan of a workspace ([`Engine`]) and its dense, string-free computation.
//!
//! Design, for speed from the first line (10,000 indicators x 120 months evaluated in one
//! pass):
//! - **Compile once** ([`Engine::new`]). Every node (scorecard root, perspectives,
//!   objectives, indicators, in that order and in definition order) gets a dense index; ids
//!   are interned once (a sorted table used only at compile time and by
//!   [`Engine::node_index`]). Children are index lists with their [`Weight`]s; calculated
//!   formulas are parsed once and their references resolved to indicator indices, in
//!   dependency order; targets are compiled into [`TargetPlan`]s.
//! - **Measurements live in one contiguous arena** (`Vec<f64>`): each indicator owns the slice
//!   `[offset, offset + len)`, indexed by `ordinal - base` at its own frequency; an absent
//!   measurement is NaN. Numerators and denominators have arenas of their own, filled only
//!   for indicators that carry them. Suppressed measurements are **never copied** into the
//!   plan: their slot is NaN and their ordinal sits in a small sorted list per indicator, so
//!   no later stage can leak the value.
//! - **Walk the periods in one pass** (`run`). Over reporting periods `start..=end` (the
//!   frequency of the period asked) it fills dense node-major arrays (`node * T + t`) of
//!   values, scores, statuses and coverage ([`ScoreTable`]), indicator by indicator, each
//!   row contiguous:
//!   values (a reporting period maps to a window of slots by integer arithmetic on month
//!   indices; same frequency is a straight copy), targets (the trajectory walked once per
//!   row), scores ([`ScoringMethod::score_series`]: the method is matched once per row, not
//!   per value); then objectives, perspectives and the root, child by child into one
//!   [`Accumulator`] per period (the same arithmetic as [`crate::engine::rollup::combine`]), with
//!   carry-forward tracked while walking the child's row. No hashing, no strings, no
//!   allocation per value; weights are looked up per period only for schedules.
//! - **Memory is reused on demand**: [`Engine::score_table_into`] overwrites an existing
//!   table, so batch jobs pay no page faults for fresh output arrays.
//! - **History is seen.** A run starts at the workspace's history anchor (earliest
//!   measurement, or earliest record date when some indicator is derived), so carry-forward,
//!   trends, forecasts and correlations see the past, and a period gives the same result
//!   whatever range it is evaluated in.
//! - **Rich results are built afterwards**, only when asked ([`Engine::evaluate_range`]), from
//!   the dense arrays plus the plan: strings and explanations never enter the hot loop.
//!
//! Measured on the development machine (2 cores shared with other jobs), 10,000 indicators
//! x 120 months (1.18 M measurements, trajectories, linear progress, 1,000 objectives):
//! compile 85-120 ms; a 120-month score table 23-30 ms with fresh arrays and 12-17 ms with
//! reused ones; rich results about 45-60 ms per period for 11,000 nodes (`tests/scale.rs`,
//! run on demand; the benches measure properly).
//!
//! A derived indicator's values come from a [`crate::engine::record_index::RecordIndex`] built at
//! compile time (the records flattened into compact arrays); the full
//! [`crate::engine::derived::point`] (its sentence and record ids) is computed only for the period an
//! explanation shows. Both are remembered by the engine (`DerivedSource`): the records do not
//! change once compiled, so a metric value is computed once per period however many
//! indicators show it and however many times the period is evaluated (a widget's period
//! changes, a notebook walking the quarters run the history again and again); the points,
//! which carry record ids, are kept for the latest period asked for only, and only when they
//! name at most a few thousand records. The engine keeps the workspace's records (not its
//! indicators) only when some indicator is derived: a copy ([`Engine::new`]), or the
//! caller's workspace itself ([`Engine::new_shared`], what the main job uses on large files).

pub mod aggregation;
pub mod bands;
pub mod cutoff;
pub mod derived;
pub mod evaluation;
pub mod expression;
pub mod record_index;
pub mod rollup;
pub mod scoring;
pub mod target;
pub mod trend;

use crate::engine::expression::Expr;
use crate::error::{Error, Problem, Problems};
use std::collections::HashMap;
use std::sync::Arc;

use crate::engine::derived::MetricPoint;
use crate::engine::rollup::{Accumulator, ChildInput};
use crate::engine::scoring::{ScoringMethod, Status, StatusThresholds};
use crate::engine::target::TargetPlan;
use crate::model::indicator::{Indicator, IndicatorSource, Metric, PeriodValue, Polarity, TimeAggregation};
use crate::model::period::{Calendar, Frequency, MonthIndex, Period};
use crate::model::scorecard::{MissingPolicy, Rollup, Sign, Weight};
use crate::model::workspace::{Settings, Workspace};

/// The kind of a scorecard node.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum NodeKind {
    /// The whole scorecard (id `"scorecard"`).
    Scorecard,
    /// A perspective.
    Perspective,
    /// An objective.
    Objective,
    /// An indicator.
    Indicator,
}

/// The id of the scorecard's root node.
pub const ROOT_ID: &str = "scorecard";

#[derive(Debug, Clone)]
pub(crate) struct NodeDef {
    pub id: String,
    pub name: String,
    pub kind: NodeKind,
    pub parents: Vec<usize>,
    /// For roll-up nodes: children (node index) with their weights.
    pub children: Vec<(usize, Weight)>,
    pub rollup: Rollup,
}

#[derive(Debug, Clone)]
pub(crate) enum SourcePlan {
    Measured,
    Calculated { expr: Expr, refs: Vec<(String, usize)> },
    Derived(Metric),
}

#[derive(Debug, Clone)]
pub(crate) struct IndPlan {
    pub node: usize,
    pub unit: String,
    pub frequency: Frequency,
    pub aggregation: TimeAggregation,
    pub polarity: Polarity,
    pub scoring: ScoringMethod,
    pub thresholds: StatusThresholds,
    pub targets: TargetPlan,
    pub baseline: Option<PeriodValue>,
    pub source: SourcePlan,
    /// Ordinal (at `frequency`) of the first slot.
    pub base: i64,
    pub offset: usize,
    pub len: usize,
    /// Offset into the numerator/denominator arenas, when the measurements carry them.
    pub ratio_offset: Option<usize>,
    /// Ordinals of suppressed measurements, sorted.
    pub suppressed: Vec<i64>,
}

/// A workspace compiled for evaluation: build once with [`Engine::new`], then evaluate any
/// period or range many times.
#[derive(Debug, Clone)]
pub struct Engine {
    pub(crate) organisation: String,
    pub(crate) calendar: Calendar,
    pub(crate) settings: Settings,
    pub(crate) nodes: Vec<NodeDef>,
    pub(crate) indicators: Vec<IndPlan>,
    /// Indicator indices in evaluation order (calculated ones after their inputs).
    pub(crate) order: Vec<usize>,
    pub(crate) first_indicator_node: usize,
    pub(crate) values: Vec<f64>,
    pub(crate) numerators: Vec<f64>,
    pub(crate) denominators: Vec<f64>,
    pub(crate) links: Vec<(usize, usize, Sign, u32)>,
    /// Sorted (id, node index), for look-ups by id outside the hot loop.
    pub(crate) by_id: Vec<(String, usize)>,
    /// The records, flattened, and what was computed from them (only when some indicator is
    /// derived).
    pub(crate) derived_source: Option<DerivedSource>,
    /// The first month with data: the earliest measurement, and, when some indicator is
    /// derived, the earliest date in the records. Runs start there.
    pub(crate) history_month: Option<MonthIndex>,
}

/// The records behind derived indicators, flattened, and the metric values and points
/// already computed from them. Shared by every evaluation of the engine (behind mutexes, so
/// an engine is still `Sync` and can be evaluated from several threads; a poisoned lock is
/// taken over, since the maps hold only finished results).
#[derive(Debug)]
pub(crate) struct DerivedSource {
    /// The records: the engine's own copy ([`Engine::new`]) or the caller's workspace, shared
    /// ([`Engine::new_shared`]: a large file's records are then held once, not twice).
    records: Arc<Workspace>,
    index: crate::engine::record_index::RecordIndex,
    values: std::sync::Mutex<HashMap<(Metric, Period), Option<f64>>>,
    points: std::sync::Mutex<HashMap<(Metric, Period), MetricPoint>>,
}

impl DerivedSource {
    fn new(records: Arc<Workspace>) -> DerivedSource {
        DerivedSource {
            index: crate::engine::record_index::RecordIndex::new(&records),
            records,
            values: Default::default(),
            points: Default::default(),
        }
    }

    /// The values of `metric` at `periods`, computed once per period.
    fn values(&self, metric: Metric, periods: &[Period]) -> Vec<Option<f64>> {
        let mut known = self.values.lock().unwrap_or_else(std::sync::PoisonError::into_inner);
        periods
            .iter()
            .map(|&p| *known.entry((metric, p)).or_insert_with(|| self.index.value(metric, p)))
            .collect()
    }

    /// The full point of `metric` at `period` (sentence and record ids), computed once per
    /// period asked for in turn: only the points of the latest period are kept, since each
    /// holds the ids of the records it counts (every partner, every active file...), and a
    /// history of them weighed many times the records (a report's 8 quarters, a widget
    /// walking the periods). An evaluation whose coarser indicators read an enclosing period
    /// may compute a point again, never more than once per indicator: the cost of an
    /// evaluation without the cache.
    ///
    /// A point naming more than [`POINT_CACHE_RECORDS`] records is not kept: the copy handed
    /// out costs about what computing it again does (one allocation per id), and kept beside
    /// the evaluation's own copy it held every partner's id twice on a file of millions of
    /// partners.
    pub fn point(&self, metric: Metric, period: Period) -> MetricPoint {
        let mut known = self.points.lock().unwrap_or_else(std::sync::PoisonError::into_inner);
        if known.keys().any(|&(_, p)| p != period) {
            known.retain(|&(_, p), _| p == period);
        }
        if let Some(point) = known.get(&(metric, period)) {
            return point.clone();
        }
        let point = crate::engine::derived::point(&self.records, metric, period);
        if point.records.len() <= POINT_CACHE_RECORDS {
            known.insert((metric, period), point.clone());
        }
        point
    }
}

impl Engine {
    /// Drops the derived points the engine remembers (the latest period's, with the ids of
    /// the records they count): for a caller that holds the evaluation they went into. They
    /// are computed again when asked for.
    pub(crate) fn forget_points(&self) {
        if let Some(source) = &self.derived_source {
            source.points.lock().unwrap_or_else(std::sync::PoisonError::into_inner).clear();
        }
    }
}

/// The most record ids a derived point the engine keeps may name (see [`DerivedSource::point`]).
const POINT_CACHE_RECORDS: usize = 4096;

impl Clone for DerivedSource {
    fn clone(&self) -> DerivedSource {
        let values = self.values.lock().map(|m| m.clone()).unwrap_or_else(|e| e.into_inner().clone());
        let points = self.points.lock().map(|m| m.clone()).unwrap_or_else(|e| e.into_inner().clone());
        DerivedSource {
            records: self.records.clone(),
            index: self.index.clone(),
            values: std::sync::Mutex::new(values),
            points: std::sync::Mutex::new(points),
        }
    }
}

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

fn invalid(path: &str, message: String) -> Error {
    Error::Invalid(Problems(vec![Problem::new(path, message)]))
}

impl Engine {
    /// Compile a workspace.
    ///
    /// A loaded workspace is validated already ([`Workspace::from_json`]); for one built in
    /// code, call [`Workspace::validate`] first. Compiling does not repeat the full validation
    /// (it costs more than an evaluation at scale) but checks what the numbers rest on, and
    /// returns [`Error::Invalid`] with every such problem: weights positive and finite,
    /// minimum coverages between 0 and 1, references that exist, no cycle between calculated
    /// indicators. Non-finite measurement values count as absent.
    pub fn new(ws: &Workspace) -> Result<Engine, Error> {
        Engine::compile(ws, None)
    }

    /// [`Engine::new`] for a workspace the caller shares: the engine keeps `ws` itself (a
    /// reference count) for the explanations of derived indicators, where [`Engine::new`]
    /// copies its records. Same results; on a file of many small records (millions of
    /// partners) the copy was as large as the loaded workspace.
    pub fn new_shared(ws: &Arc<Workspace>) -> Result<Engine, Error> {
        Engine::compile(ws, Some(ws))
    }

    fn compile(ws: &Workspace, shared: Option<&Arc<Workspace>>) -> Result<Engine, Error> {
        let problems = numeric_problems(ws);
        if !problems.is_empty() {
            return Err(Error::Invalid(Problems(problems)));
        }
        let calendar = ws.calendar();
        let sc = &ws.scorecard;
        let np = sc.perspectives.len();
        let no = sc.objectives.len();
        let first_objective = 1 + np;
        let first_indicator_node = first_objective + no;
        let mut nodes = Vec::with_capacity(first_indicator_node + ws.indicators.len());
        nodes.push(NodeDef {
            id: ROOT_ID.to_string(),
            name: ws.organisation.clone(),
            kind: NodeKind::Scorecard,
            parents: vec![],
            children: sc.perspectives.iter().enumerate().map(|(i, p)| (1 + i, p.weight.clone())).collect(),
            rollup: sc.rollup,
        });
        for p in &sc.perspectives {
            nodes.push(NodeDef {
                id: p.id.clone(),
                name: p.name.clone(),
                kind: NodeKind::Perspective,
                parents: vec![0],
                children: vec![],
                rollup: p.rollup,
            });
        }
        let mut by_id: Vec<(String, usize)> = Vec::new();
        for (i, p) in sc.perspectives.iter().enumerate() {
            by_id.push((p.id.clone(), 1 + i));
        }
        for (i, o) in sc.objectives.iter().enumerate() {
            by_id.push((o.id.clone(), first_objective + i));
        }
        for (i, ind) in ws.indicators.iter().enumerate() {
            by_id.push((ind.id.clone(), first_indicator_node + i));
        }
        by_id.push((ROOT_ID.to_string(), 0));
        crate::sort::sort_by(&mut by_id, Ord::cmp);
        let lookup = |id: &str| -> Option<usize> {
            by_id.binary_search_by(|(k, _)| k.as_str().cmp(id)).ok().and_then(|i| by_id.get(i)).map(|e| e.1)
        };
        for (i, o) in sc.objectives.iter().enumerate() {
            let node = first_objective + i;
            let parent =
                lookup(&o.perspective).filter(|&p| (1..first_objective).contains(&p)).ok_or_else(|| {
                    invalid(&format!("scorecard.objectives[{i}].perspective"), "unknown perspective".into())
                })?;
            let mut children = Vec::with_capacity(o.indicators.len());
            for (j, l) in o.indicators.iter().enumerate() {
                let c = lookup(&l.indicator).filter(|&c| c >= first_indicator_node).ok_or_else(|| {
                    invalid(&format!("scorecard.objectives[{i}].indicators[{j}]"), "unknown indicator".into())
                })?;
                children.push((c, l.weight.clone()));
            }
            nodes.push(NodeDef {
                id: o.id.clone(),
                name: o.name.clone(),
                kind: NodeKind::Objective,
                parents: vec![parent],
                children,
                rollup: o.rollup,
            });
            if let Some(pn) = nodes.get_mut(parent) {
                pn.children.push((node, o.weight.clone()));
            }
        }
        let mut indicators = Vec::with_capacity(ws.indicators.len());
        let (mut values, mut numerators, mut denominators) = (Vec::new(), Vec::new(), Vec::new());
        let total: usize = ws.indicators.iter().map(|i| i.measurements.len()).sum();
        values.reserve(total);
        // the objectives listing each indicator, ascending, each once: one pass over the links
        // (a search of every objective per indicator is quadratic: 10,000 indicators x
        // 10,000 links took most of the compile time)
        let mut parents_of: Vec<Vec<usize>> = vec![Vec::new(); ws.indicators.len()];
        for o in first_objective..first_indicator_node {
            for &(c, _) in nodes.get(o).map_or(&[][..], |n| n.children.as_slice()) {
                if let Some(p) = c.checked_sub(first_indicator_node).and_then(|i| parents_of.get_mut(i)) {
                    if p.last() != Some(&o) {
                        p.push(o);
                    }
                }
            }
        }
        for (i, ind) in ws.indicators.iter().enumerate() {
            let node = first_indicator_node + i;
            let parents = parents_of.get_mut(i).map(std::mem::take).unwrap_or_default();
            nodes.push(NodeDef {
                id: ind.id.clone(),
                name: ind.name.clone(),
                kind: NodeKind::Indicator,
                parents,
                children: vec![],
                rollup: Rollup::default(),
            });
            let source = match &ind.source {
                IndicatorSource::Measured => SourcePlan::Measured,
                IndicatorSource::Derived { metric } => SourcePlan::Derived(*metric),
                IndicatorSource::Calculated { expression } => {
                    let expr = Expr::parse(expression)
                        .map_err(|e| invalid(&format!("indicators[{i}].source.expression"), e.to_string()))?;
                    let mut refs = Vec::new();
                    for r in expr.references() {
                        let k = lookup(r).filter(|&k| k >= first_indicator_node).ok_or_else(|| {
                            invalid(
                                &format!("indicators[{i}].source.expression"),
                                format!("unknown indicator {r:?}"),
                            )
                        })?;
                        refs.push((r.to_string(), k - first_indicator_node));
                    }
                    SourcePlan::Calculated { expr, refs }
                }
            };
            indicators.push(compile_measurements(
                ind,
                node,
                source,
                calendar,
                &ws.settings,
                (&mut values, &mut numerators, &mut denominators),
            ));
        }
        let order = evaluation_order(&indicators)?;
        let mut links = Vec::new();
        for (i, l) in sc.links.iter().enumerate() {
            let from = lookup(&l.from)
                .ok_or_else(|| invalid(&format!("scorecard.links[{i}].from"), "unknown objective".into()))?;
            let to = lookup(&l.to)
                .ok_or_else(|| invalid(&format!("scorecard.links[{i}].to"), "unknown objective".into()))?;
            links.push((from, to, l.sign, l.lag));
        }
        let derived = ws.indicators.iter().any(|i| matches!(i.source, IndicatorSource::Derived { .. }));
        let records = derived.then(|| match shared {
            Some(ws) => Arc::clone(ws),
            None => Arc::new(Workspace {
                projects: ws.projects.clone(),
                partners: ws.partners.clone(),
                commitments: ws.commitments.clone(),
                services: ws.services.clone(),
                currency: ws.currency.clone(),
                fiscal_year_start_month: ws.fiscal_year_start_month,
                settings: ws.settings.clone(),
                indicators: Vec::new(),
                scorecard: Default::default(),
                ..Workspace::new(ws.organisation.clone())
            }),
        });
        let measured = indicators
            .iter()
            .filter(|i| i.len > 0)
            .filter_map(|i| Period::from_ordinal(i.frequency, i.base).ok())
            .map(|p| p.first_month(calendar))
            .min();
        let recorded = records.as_ref().and_then(|r| {
            let projects = r.projects.iter().flat_map(|p| p.stages.iter().map(|s| s.date));
            let steps = r.commitments.iter().flat_map(|c| c.steps.iter().map(|s| s.date));
            let joined = r.partners.iter().filter_map(|p| p.joined);
            projects.chain(steps).chain(joined).min().map(crate::model::period::month_index_of_date)
        });
        let history_month = match (measured, recorded) {
            (Some(a), Some(b)) => Some(a.min(b)),
            (a, b) => a.or(b),
        };
        Ok(Engine {
            history_month,
            organisation: ws.organisation.clone(),
            calendar,
            settings: ws.settings.clone(),
            nodes,
            indicators,
            order,
            first_indicator_node,
            values,
            numerators,
            denominators,
            links,
            by_id,
            derived_source: records.map(DerivedSource::new),
        })
    }

    /// The node ids in table order: `"scorecard"`, perspectives, objectives, indicators.
    pub fn node_ids(&self) -> Vec<&str> {
        self.nodes.iter().map(|n| n.id.as_str()).collect()
    }

    /// The row of a node in a [`ScoreTable`].
    pub fn node_index(&self, id: &str) -> Option<usize> {
        self.by_id
            .binary_search_by(|(k, _)| k.as_str().cmp(id))
            .ok()
            .and_then(|i| self.by_id.get(i))
            .map(|e| e.1)
    }

    /// Dense scores, statuses, coverage and values of every node for every period from
    /// `first` to `last` (same frequency), in one pass, without building any string.
    pub fn score_table(&self, first: Period, last: Period) -> Result<ScoreTable, Error> {
        let mut table = ScoreTable::empty(first);
        self.score_table_into(first, last, &mut table)?;
        Ok(table)
    }

    /// [`score_table`](Engine::score_table) into an existing table, reusing its buffers
    /// (for batch jobs that evaluate many times: no fresh memory, no page faults).
    pub fn score_table_into(&self, first: Period, last: Period, out: &mut ScoreTable) -> Result<(), Error> {
        let (start, n) = self.span(first, last)?;
        let lent = std::mem::replace(out, ScoreTable::empty(first));
        let grid = self.run(first.frequency(), start, last.ordinal(), lent)?;
        let skip = (first.ordinal() - start) as usize;
        if skip == 0 {
            *out = grid.table;
            return Ok(());
        }
        let t_all = grid.table.periods.max(1);
        let cut = |v: &[f64]| -> Vec<f64> {
            let mut out = Vec::with_capacity(grid.table.nodes * n);
            for row in v.chunks(t_all) {
                out.extend_from_slice(row.get(skip..).unwrap_or(&[]));
            }
            out
        };
        let mut statuses = Vec::with_capacity(grid.table.nodes * n);
        for row in grid.table.statuses.chunks(t_all) {
            statuses.extend_from_slice(row.get(skip..).unwrap_or(&[]));
        }
        *out = ScoreTable {
            first,
            periods: n,
            nodes: grid.table.nodes,
            scores: cut(&grid.table.scores),
            statuses,
            coverage: cut(&grid.table.coverage),
            values: cut(&grid.table.values),
        };
        Ok(())
    }

    /// Check a range and find where its run starts (the history anchor of the workspace, so
    /// that history is seen and every range gives the same results for the same period):
    /// `(start ordinal, number of periods asked)`.
    pub(crate) fn span(&self, first: Period, last: Period) -> Result<(i64, usize), Error> {
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
        if let Some(m) = self.history_month {
            // never before the first whole period of the supported years
            let floor =
                ordinal_of_month(crate::model::period::MIN_YEAR as i64 * 12 + 12, report, self.calendar);
            start = start.min(ordinal_of_month(m, report, self.calendar).max(floor));
        }
        Ok((start, (last.ordinal() - first.ordinal() + 1) as usize))
    }

    /// The dense computation over reporting ordinals `start..=end` of `report` frequency.
    /// `reuse` lends its buffers (they are resized and overwritten).
    pub(crate) fn run(
        &self,
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
        let cal = self.calendar;
        let months: Vec<(MonthIndex, MonthIndex)> =
            periods.iter().map(|p| (p.first_month(cal), p.last_month(cal))).collect();
        let dates: Vec<chrono::NaiveDate> = periods.iter().map(|p| p.end_date(cal)).collect();
        let n_nodes = self.nodes.len();
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
        let mut derived: Vec<Option<Vec<Period>>> = vec![None; self.indicators.len()];
        for &i in &self.order {
            let Some(ind) = self.indicators.get(i) else { continue };
            let row = ind.node * t_n;
            // An indicator coarser than the report reads its own latest period ended by the
            // end of each reporting period (see `window`); its target and its scoring date are
            // those of that period too, so that last year's survey is scored against last
            // year's target, never this year's.
            let value_periods: Option<Vec<Period>> = (ind.frequency.months() > report.months())
                .then(|| periods.iter().map(|&p| value_period(ind.frequency, p, cal).unwrap_or(p)).collect());
            match &ind.source {
                SourcePlan::Measured => self.measured_values(ind, report, &months, &mut table, row),
                SourcePlan::Derived(metric) => {
                    if let Some(source) = &self.derived_source {
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
                        .filter_map(|(_, k)| self.indicators.get(*k))
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
        let thresholds = self.settings.thresholds;
        let mut accs: Vec<Accumulator> = Vec::with_capacity(t_n);
        for node in (0..self.first_indicator_node).rev() {
            let Some(def) = self.nodes.get(node) else { continue };
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
                        (None, Some((v, at))) if max_back > 0 && t - at <= max_back => {
                            Some((v, (t - at) as u32))
                        }
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
        &self,
        ind: &IndPlan,
        report: Frequency,
        months: &[(MonthIndex, MonthIndex)],
        table: &mut ScoreTable,
        row: usize,
    ) {
        let t_n = months.len();
        let cal = self.calendar;
        let slots = self.values.get(ind.offset..ind.offset + ind.len).unwrap_or(&[]);
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
                self.numerators.get(r..r + ind.len).unwrap_or(&[]),
                self.denominators.get(r..r + ind.len).unwrap_or(&[]),
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
}

fn compile_measurements(
    ind: &Indicator,
    node: usize,
    source: SourcePlan,
    calendar: Calendar,
    settings: &Settings,
    arenas: (&mut Vec<f64>, &mut Vec<f64>, &mut Vec<f64>),
) -> IndPlan {
    let (values, numerators, denominators) = arenas;
    let own: Vec<_> = ind.measurements.iter().filter(|m| m.period.frequency() == ind.frequency).collect();
    let min = own.iter().map(|m| m.period.ordinal()).min();
    let max = own.iter().map(|m| m.period.ordinal()).max();
    let (base, len) = match (min, max) {
        (Some(a), Some(b)) => (a, (b - a + 1) as usize),
        _ => (0, 0),
    };
    let offset = values.len();
    values.resize(offset + len, f64::NAN);
    let has_ratio = own.iter().any(|m| m.numerator.is_some() && m.denominator.is_some());
    let ratio_offset = has_ratio.then(|| {
        let r = numerators.len();
        numerators.resize(r + len, f64::NAN);
        denominators.resize(r + len, f64::NAN);
        r
    });
    let mut suppressed = Vec::new();
    for m in own {
        let slot = (m.period.ordinal() - base) as usize;
        if ind.is_suppressed(m) {
            suppressed.push(m.period.ordinal());
            continue;
        }
        if let Some(v) = values.get_mut(offset + slot) {
            *v = m.effective_value().filter(|x| x.is_finite()).unwrap_or(f64::NAN);
        }
        if let (Some(r), Some(n), Some(d)) =
            (ratio_offset, m.numerator.filter(|x| x.is_finite()), m.denominator.filter(|x| x.is_finite()))
        {
            if let (Some(x), Some(y)) = (numerators.get_mut(r + slot), denominators.get_mut(r + slot)) {
                *x = n;
                *y = d;
            }
        }
    }
    crate::sort::sort_by(&mut suppressed, Ord::cmp);
    IndPlan {
        node,
        unit: ind.unit.clone(),
        frequency: ind.frequency,
        aggregation: ind.aggregation,
        polarity: ind.polarity,
        scoring: ind.scoring.clone(),
        thresholds: indicator_thresholds(ind, settings),
        targets: TargetPlan::new(ind, calendar),
        baseline: crate::engine::target::baseline(ind),
        source,
        base,
        offset,
        len,
        ratio_offset,
        suppressed,
    }
}

/// The status cut-offs of an indicator: its own when it sets them; else the workspace's when
/// they differ from the built-in thirds (a user who wrote them gets them, as before); else
/// the default of its scoring method ([`ScoringMethod::default_thresholds`]: green only when
/// the target is met). The thirds written by earlier versions into every saved file are
/// read as the default, not as a choice.
pub(crate) fn indicator_thresholds(ind: &Indicator, settings: &Settings) -> StatusThresholds {
    match ind.thresholds {
        Some(th) => th,
        None if settings.thresholds != StatusThresholds::default() => settings.thresholds,
        None => ind.scoring.default_thresholds(),
    }
}

/// Indicators in an order where every calculated indicator comes after its inputs
/// (Kahn's algorithm; definition order among ready ones). A cycle is an error.
fn evaluation_order(indicators: &[IndPlan]) -> Result<Vec<usize>, Error> {
    let n = indicators.len();
    let mut pending: Vec<usize> = indicators
        .iter()
        .map(|p| match &p.source {
            SourcePlan::Calculated { refs, .. } => refs.len(),
            _ => 0,
        })
        .collect();
    let mut users: Vec<Vec<usize>> = vec![Vec::new(); n];
    for (i, p) in indicators.iter().enumerate() {
        if let SourcePlan::Calculated { refs, .. } = &p.source {
            for (_, k) in refs {
                if let Some(u) = users.get_mut(*k) {
                    u.push(i);
                }
            }
        }
    }
    let mut order: Vec<usize> = (0..n).filter(|&i| pending.get(i) == Some(&0)).collect();
    let mut head = 0;
    while let Some(&i) = order.get(head) {
        head += 1;
        for &u in users.get(i).map(|v| v.as_slice()).unwrap_or(&[]) {
            if let Some(p) = pending.get_mut(u) {
                *p -= 1;
                if *p == 0 {
                    order.push(u);
                }
            }
        }
    }
    if order.len() < n {
        return Err(invalid("indicators", "calculated indicators depend on each other in a cycle".into()));
    }
    Ok(order)
}

/// The problems an evaluation's numbers would rest on (see [`Engine::new`]).
fn numeric_problems(ws: &Workspace) -> Vec<Problem> {
    let mut out = Vec::new();
    let mut weight = |path: String, w: &Weight| {
        for (k, x) in w.values().into_iter().enumerate() {
            if let Some(message) = crate::model::validation::weight_problem(x) {
                let at = if matches!(w, Weight::Schedule(_)) {
                    format!("{path}[{k}].weight")
                } else {
                    path.clone()
                };
                out.push(Problem::new(at, message));
            }
        }
    };
    let sc = &ws.scorecard;
    for (i, p) in sc.perspectives.iter().enumerate() {
        weight(format!("scorecard.perspectives[{i}].weight"), &p.weight);
    }
    for (i, o) in sc.objectives.iter().enumerate() {
        weight(format!("scorecard.objectives[{i}].weight"), &o.weight);
        for (j, l) in o.indicators.iter().enumerate() {
            weight(format!("scorecard.objectives[{i}].indicators[{j}].weight"), &l.weight);
        }
    }
    let rollups = std::iter::once(("scorecard.rollup".to_string(), &sc.rollup))
        .chain(
            sc.perspectives
                .iter()
                .enumerate()
                .map(|(i, p)| (format!("scorecard.perspectives[{i}].rollup"), &p.rollup)),
        )
        .chain(
            sc.objectives
                .iter()
                .enumerate()
                .map(|(i, o)| (format!("scorecard.objectives[{i}].rollup"), &o.rollup)),
        );
    for (path, r) in rollups {
        if !(r.min_coverage.is_finite() && (0.0..=1.0).contains(&r.min_coverage)) {
            out.push(Problem::new(
                format!("{path}.min_coverage"),
                format!("a coverage is a share between 0 and 1, not {}", r.min_coverage),
            ));
        }
    }
    out
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
