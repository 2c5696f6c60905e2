//! Compiling a workspace into an [`Engine`]: dense node indices, interned ids, parsed
//! formulas in dependency order, targets as [`TargetPlan`]s, and the measurements in one
//! contiguous arena per kind (values, numerators, denominators; suppressed ones never
//! copied). Compiling checks what the numbers rest on (`numeric_problems`) and nothing more:
//! the full validation belongs to the model ([`crate::model::validation`]).

use std::collections::HashMap;
use std::sync::Arc;

use super::{Engine, NodeKind, ROOT_ID};
use crate::engine::derived::MetricPoint;
use crate::engine::expression::Expr;
use crate::engine::scoring::{ScoringMethod, StatusThresholds};
use crate::engine::target::TargetPlan;
use crate::error::{Error, Path, Problem, Problems};
use crate::model::indicator::{Indicator, IndicatorSource, Metric, PeriodValue, Polarity, TimeAggregation};
use crate::model::period::{Calendar, Frequency, Period};
use crate::model::scorecard::{Rollup, Weight};
use crate::model::workspace::{Settings, Workspace};

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
    pub(crate) fn values(&self, metric: Metric, periods: &[Period]) -> Vec<Option<f64>> {
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

/// The most record ids a derived point the engine keeps may name (see [`DerivedSource::point`]).
const POINT_CACHE_RECORDS: usize = 4096;

impl DerivedSource {
    /// Drops the remembered points (see [`Engine::forget_points`]).
    pub(crate) fn forget_points(&self) {
        self.points.lock().unwrap_or_else(std::sync::PoisonError::into_inner).clear();
    }
}

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

fn invalid(path: Path, message: String) -> Error {
    Error::Invalid(Problems(vec![Problem::new(path, message)]))
}

/// Compile a workspace into an [`Engine`] (see [`Engine::new`] and [`Engine::new_shared`]).
pub(crate) fn compile(ws: &Workspace, shared: Option<&Arc<Workspace>>) -> Result<Engine, Error> {
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
        let parent = lookup(&o.perspective)
            .filter(|&p| (1..first_objective).contains(&p))
            .ok_or_else(|| invalid(objective(&o.id).field("perspective"), "unknown perspective".into()))?;
        let mut children = Vec::with_capacity(o.indicators.len());
        for (j, l) in o.indicators.iter().enumerate() {
            let c = lookup(&l.indicator).filter(|&c| c >= first_indicator_node).ok_or_else(|| {
                invalid(objective(&o.id).field("indicators").index(j), "unknown indicator".into())
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
                let expr =
                    Expr::parse(expression).map_err(|e| invalid(expression_path(&ind.id), e.to_string()))?;
                let mut refs = Vec::new();
                for r in expr.references() {
                    let k = lookup(r).filter(|&k| k >= first_indicator_node).ok_or_else(|| {
                        invalid(expression_path(&ind.id), format!("unknown indicator {r:?}"))
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
        let from =
            lookup(&l.from).ok_or_else(|| invalid(link(i).field("from"), "unknown objective".into()))?;
        let to = lookup(&l.to).ok_or_else(|| invalid(link(i).field("to"), "unknown objective".into()))?;
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
        return Err(invalid(
            Path::root("indicators"),
            "calculated indicators depend on each other in a cycle".into(),
        ));
    }
    Ok(order)
}

fn objective(id: &str) -> Path {
    Path::root("scorecard").field("objectives").id(id)
}

fn expression_path(id: &str) -> Path {
    Path::root("indicators").id(id).field("source").field("expression")
}

fn link(i: usize) -> Path {
    Path::root("scorecard").field("links").index(i)
}

/// The problems an evaluation's numbers would rest on (see [`Engine::new`]): the values of
/// the weights ([`Weight::value_problems`], the one check of them) and the coverages.
fn numeric_problems(ws: &Workspace) -> Vec<Problem> {
    let mut out = Vec::new();
    let sc = &ws.scorecard;
    let perspectives = Path::root("scorecard").field("perspectives");
    for p in &sc.perspectives {
        out.extend(p.weight.value_problems(&perspectives.id(&p.id).field("weight")));
    }
    for o in &sc.objectives {
        let at = objective(&o.id);
        out.extend(o.weight.value_problems(&at.field("weight")));
        for (j, l) in o.indicators.iter().enumerate() {
            out.extend(l.weight.value_problems(&at.field("indicators").index(j).field("weight")));
        }
    }
    let rollups = std::iter::once((Path::root("scorecard"), &sc.rollup))
        .chain(sc.perspectives.iter().map(|p| (perspectives.id(&p.id), &p.rollup)))
        .chain(sc.objectives.iter().map(|o| (objective(&o.id), &o.rollup)));
    for (at, r) in rollups {
        if !(r.min_coverage.is_finite() && (0.0..=1.0).contains(&r.min_coverage)) {
            out.push(Problem::new(
                at.field("rollup").field("min_coverage"),
                format!("a coverage is a share between 0 and 1, not {}", r.min_coverage),
            ));
        }
    }
    out
}
