//! The compiled plan of a workspace ([`Engine`]) and its dense, string-free computation.
//!
//! Design, for speed from the first line (10,000 indicators x 120 months evaluated in one
//! pass):
//! - **Compile once** ([`Engine::new`]). Every node (scorecard root, perspectives,
//!   objectives, indicators, in that order and in definition order) gets a dense index; ids
//!   are interned once (a sorted table used only at compile time and by
//!   [`Engine::node_index`]). Children are index lists with their [`Weight`](crate::Weight)s; calculated
//!   formulas are parsed once and their references resolved to indicator indices, in
//!   dependency order; targets are compiled into `TargetPlan`s.
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
//!   row), scores ([`crate::ScoringMethod::score_series`]: the method is matched once per row, not
//!   per value); then objectives, perspectives and the root, child by child into one
//!   `Accumulator` per period (the same arithmetic as [`crate::engine::rollup::combine`]), with
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
//! A derived indicator's values come from a [`crate::engine::record_index::RecordIndex`] built at
//! compile time (the records flattened into compact arrays); the full
//! [`crate::engine::derived::point`] (its basis and record ids) is computed only for the period an
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
pub mod compile;
pub mod cutoff;
pub mod derived;
pub mod evaluation;
pub mod expression;
pub mod record_index;
pub mod rollup;
pub mod run;
pub mod scoring;
pub mod target;
pub mod trend;

use std::sync::Arc;

use crate::error::Error;
use crate::model::period::{Calendar, MonthIndex, Period};
use crate::model::scorecard::Sign;
use crate::model::workspace::{Settings, Workspace};
use evaluation::Evaluation;

pub(crate) use compile::{DerivedSource, IndPlan, NodeDef, SourcePlan};
pub use run::ScoreTable;
pub(crate) use run::{Grid, ordinal_of_month, value_period, window};

/// The kind of a scorecard node.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize, serde::Deserialize, schemars::JsonSchema)]
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

impl NodeKind {
    /// The kind's name as the JSON output spells it: `"scorecard"`, `"perspective"`,
    /// `"objective"` or `"indicator"`.
    ///
    /// ```
    /// assert_eq!(pilotage::NodeKind::Objective.as_str(), "objective");
    /// ```
    pub fn as_str(self) -> &'static str {
        match self {
            NodeKind::Scorecard => "scorecard",
            NodeKind::Perspective => "perspective",
            NodeKind::Objective => "objective",
            NodeKind::Indicator => "indicator",
        }
    }
}

/// The id of the scorecard's root node.
pub const ROOT_ID: &str = "scorecard";

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
        compile::compile(ws, None)
    }

    /// [`Engine::new`] for a workspace the caller shares: the engine keeps `ws` itself (a
    /// reference count) for the explanations of derived indicators, where [`Engine::new`]
    /// copies its records. Same results; on a file of many small records (millions of
    /// partners) the copy was as large as the loaded workspace.
    pub fn new_shared(ws: &Arc<Workspace>) -> Result<Engine, Error> {
        compile::compile(ws, Some(ws))
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
        let (start, n) = run::span(self, first, last)?;
        let lent = std::mem::replace(out, ScoreTable::empty(first));
        let grid = run::run(self, first.frequency(), start, last.ordinal(), lent)?;
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

    /// Drops the derived points the engine remembers (the latest period's, with the ids of
    /// the records they count): for a caller that holds the evaluation they went into. They
    /// are computed again when asked for.
    pub(crate) fn forget_points(&self) {
        if let Some(source) = &self.derived_source {
            source.forget_points();
        }
    }

    /// Evaluate one period.
    pub fn evaluate(&self, period: Period) -> Result<Evaluation, Error> {
        let (start, _) = run::span(self, period, period)?;
        let grid = run::run(self, period.frequency(), start, period.ordinal(), ScoreTable::empty(period))?;
        let t = grid.periods.len().saturating_sub(1);
        Ok(evaluation::build(self, &grid, t))
    }

    /// Evaluate every period from `first` to `last` (same frequency): one dense pass, then
    /// the rich rows of each period.
    pub fn evaluate_range(&self, first: Period, last: Period) -> Result<Vec<Evaluation>, Error> {
        let mut out = Vec::new();
        self.evaluate_range_each(first, last, &mut |e| out.push(e))?;
        Ok(out)
    }

    /// [`evaluate_range`](Engine::evaluate_range), handing each period's evaluation to
    /// `each` in order as soon as it is built: a caller that keeps only what it needs of
    /// each (the report keeps the values and targets of the history, and the last period
    /// whole) holds one rich evaluation at a time instead of the whole range.
    pub fn evaluate_range_each(
        &self,
        first: Period,
        last: Period,
        each: &mut dyn FnMut(Evaluation),
    ) -> Result<(), Error> {
        let (start, n) = run::span(self, first, last)?;
        let grid = run::run(self, first.frequency(), start, last.ordinal(), ScoreTable::empty(first))?;
        let skip = (first.ordinal() - start) as usize;
        for t in skip..skip + n {
            each(evaluation::build(self, &grid, t));
        }
        Ok(())
    }
}
