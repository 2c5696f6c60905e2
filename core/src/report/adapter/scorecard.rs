//! The scorecard's views: the overview (perspectives and their objectives) and the strategy
//! map, copied from an evaluation.

use crate::engine::NodeKind;
use crate::engine::evaluation::{Evaluation, NodeResult, evaluate_range};
use crate::engine::trend::Direction;
use crate::error::{Error, Result};
use crate::locale::Locale;
use crate::model::period::Period;
use crate::model::workspace::Workspace;
use crate::report::model::{
    MapLink, MapObjective, MapPerspective, OverviewRow, OverviewView, StrategyMapView, Trend,
};

fn trend(direction: Direction) -> Trend {
    match direction {
        Direction::Improving => Trend::Improving,
        Direction::Stable => Trend::Stable,
        Direction::Declining => Trend::Worsening,
        Direction::Unknown => Trend::Unknown,
    }
}

fn node<'a>(ev: &'a Evaluation, id: &str) -> Result<&'a NodeResult> {
    ev.node(id).ok_or_else(|| Error::NotFound { what: "node", id: id.to_string() })
}

/// One row of the overview, without objectives and without the node's result.
fn row(n: &NodeResult) -> OverviewRow {
    OverviewRow {
        id: n.id.clone(),
        name: n.name.clone(),
        score: n.score,
        status: n.status,
        trend: trend(n.trend.direction),
        coverage: n.coverage,
        explanation: None,
        objectives: Vec::new(),
    }
}

/// A node of an evaluation, borrowed (its row gets no result) or given up (its row takes it).
// each value is moved once, from the evaluation into its row: boxing it would allocate per node
#[allow(clippy::large_enum_variant)]
enum Node<'a> {
    Borrowed(&'a NodeResult),
    Owned(NodeResult),
}

/// The overview of an evaluation's nodes: perspectives in order, each with the objectives
/// whose parent it is (the engine lists the perspectives before the objectives, each in
/// definition order). A node given up moves into its row (not copied: a report of a large
/// workspace holds each result once), for its explanation.
fn overview_of(period: Period, nodes: &mut dyn Iterator<Item = Node<'_>>) -> OverviewView {
    let mut perspectives: Vec<OverviewRow> = Vec::new();
    for node in nodes {
        let n = match &node {
            Node::Borrowed(n) => *n,
            Node::Owned(n) => n,
        };
        let at = match n.kind {
            NodeKind::Perspective => None,
            NodeKind::Objective => match perspectives.iter().position(|p| n.parents.contains(&p.id)) {
                Some(at) => Some(at),
                None => continue,
            },
            _ => continue,
        };
        let r = row(n);
        let explanation = match node {
            Node::Borrowed(_) => None,
            Node::Owned(n) => Some(n),
        };
        let r = OverviewRow { explanation, ..r };
        match at {
            None => perspectives.push(r),
            Some(at) => perspectives[at].objectives.push(r),
        }
    }
    OverviewView { title: String::new(), period: Some(period), perspectives }
}

/// The overview of an evaluation, without the nodes' results (what the SVG overview draws).
pub(super) fn overview(ev: &Evaluation) -> OverviewView {
    overview_of(ev.period, &mut ev.nodes.iter().map(Node::Borrowed))
}

/// The overview of an evaluation given up, each row with its node's result.
pub(super) fn explained_overview(period: Period, nodes: Vec<NodeResult>) -> OverviewView {
    overview_of(period, &mut nodes.into_iter().map(Node::Owned))
}

/// The scorecard overview of an evaluation as an SVG fragment (what a notebook shows for an
/// evaluation result; it needs no workspace).
pub fn evaluation_overview_svg(ev: &Evaluation, locale: Locale) -> Result<String> {
    Ok(crate::report::overview_svg(&overview(ev), locale))
}

pub(super) fn strategy_map(ws: &Workspace, ev: &Evaluation) -> Result<StrategyMapView> {
    let perspectives = ws
        .scorecard
        .perspectives
        .iter()
        .map(|p| MapPerspective { id: p.id.clone(), name: p.name.clone() })
        .collect();
    let mut objectives = Vec::with_capacity(ws.scorecard.objectives.len());
    for o in &ws.scorecard.objectives {
        let n = node(ev, &o.id)?;
        objectives.push(MapObjective {
            id: o.id.clone(),
            name: n.name.clone(),
            perspective: o.perspective.clone(),
            status: n.status,
            score: n.score,
        });
    }
    // The observed agreement is the engine's correlation, shown only when it rests on
    // enough paired periods (`Settings::min_correlation_periods`).
    let links = ev
        .links
        .iter()
        .map(|l| MapLink {
            from: l.from.clone(),
            to: l.to.clone(),
            sign: l.sign,
            lag: l.lag,
            agreement: if l.enough_data { l.correlation } else { None },
        })
        .collect();
    Ok(StrategyMapView { perspectives, objectives, links })
}

/// The scorecard overview of `period` as an SVG fragment (default options).
pub fn overview_svg_for(ws: &Workspace, period: Period, locale: Locale) -> Result<String> {
    let range = evaluate_range(ws, period, period)?;
    let ev = range
        .last()
        .ok_or_else(|| Error::Argument { name: "period", message: format!("no evaluation for {period}") })?;
    evaluation_overview_svg(ev, locale)
}

/// The strategy map of `period` as an SVG fragment.
pub fn strategy_map_svg_for(ws: &Workspace, period: Period, locale: Locale) -> Result<String> {
    let range = evaluate_range(ws, period, period)?;
    let ev = range
        .last()
        .ok_or_else(|| Error::Argument { name: "period", message: format!("no evaluation for {period}") })?;
    evaluation_strategy_map_svg(ws, ev, locale)
}

/// The strategy map of an evaluation of `ws` as an SVG fragment (what
/// [`strategy_map_svg_for`] draws, for a host that already holds the evaluation).
pub fn evaluation_strategy_map_svg(ws: &Workspace, ev: &Evaluation, locale: Locale) -> Result<String> {
    Ok(crate::report::strategy_map_svg(&strategy_map(ws, ev)?, locale))
}
