//! The indicator cards: an indicator's series, targets and status zones, copied from the
//! evaluations of the report's history.

use super::history::{History, histories, history_range};
use crate::engine::bands::value_bands;
use crate::engine::evaluation::NodeResult;
use crate::engine::scoring::ScoreInput;
use crate::engine::scoring::Status;
use crate::engine::{Engine, NodeKind};
use crate::error::{Error, Result};
use crate::locale::Locale;
use crate::locale::status_symbol;
use crate::model::indicator::Indicator;
use crate::model::period::Period;
use crate::model::workspace::Workspace;
use crate::report::card::{card_chart_svg, latest_text};
use crate::report::escape::{anchor_id, escape};
use crate::report::html::explanation_lines;
use crate::report::model::{IndicatorCardView, LatestView, SeriesPoint};

/// The decimals a card shows its values with: the smallest number (0 to 2) that shows every
/// actual value exactly, else 2; none when a value reaches 1 000 (counts of visits, euros).
fn decimals_for(values: impl Iterator<Item = f64>) -> u8 {
    let mut need = 0u8;
    for v in values.filter(|v| v.is_finite()) {
        if v.abs() >= 1000.0 {
            return 0;
        }
        let d = (0u8..=2).find(|d| {
            let k = 10f64.powi(i32::from(*d));
            ((v * k).round() / k - v).abs() <= 1e-9 * v.abs().max(1.0)
        });
        need = need.max(d.unwrap_or(2));
    }
    need
}

/// The card of indicator node `n` of the latest evaluation (moved into the card, for its
/// explanation), with its history and its definition in `ws` (when there).
pub(super) fn card(
    ws: &Workspace,
    indicator: Option<&Indicator>,
    history: &[(Period, Option<f64>, Option<f64>)],
    n: NodeResult,
) -> IndicatorCardView {
    let series: Vec<SeriesPoint> =
        history.iter().map(|&(period, value, _)| SeriesPoint { period, value }).collect();
    let targets: Vec<SeriesPoint> = history
        .iter()
        .filter_map(|&(period, _, target)| target.map(|t| SeriesPoint { period, value: Some(t) }))
        .collect();
    let bands = match (indicator, &n.explanation.scoring) {
        (Some(ind), Some(method)) => {
            let input = ScoreInput {
                actual: 0.0,
                target: n.target,
                baseline: n.explanation.baseline.map(|b| b.value),
                polarity: ind.polarity,
                date: n.period.end_date(ws.calendar()),
            };
            value_bands(method, &input, &n.explanation.thresholds)
        }
        _ => Vec::new(),
    };
    let decimals = decimals_for(series.iter().filter_map(|p| p.value));
    IndicatorCardView {
        id: n.id.clone(),
        name: n.name.clone(),
        unit: n.unit.clone().unwrap_or_default(),
        decimals,
        series,
        targets,
        bands,
        latest: Some(LatestView { period: n.period, value: n.value, score: n.score, status: n.status }),
        explanation: Some(n),
    }
}

/// One indicator card of `period` as an HTML fragment (an `<article>`): name, latest value
/// and status, the SVG chart over the default history, and the explanation in words.
/// [`Error::NotFound`] when `indicator_id` is not an indicator of the scorecard.
pub fn indicator_card_for(
    ws: &Workspace,
    period: Period,
    indicator_id: &str,
    locale: Locale,
) -> Result<String> {
    indicator_card_with(&Engine::new(ws)?, ws, period, indicator_id, locale)
}

/// [`indicator_card_for`] with an engine already compiled from `ws` (see
/// [`report_view_with`](super::report_view_with)).
pub fn indicator_card_with(
    engine: &Engine,
    ws: &Workspace,
    period: Period,
    indicator_id: &str,
    locale: Locale,
) -> Result<String> {
    let first = history_range(ws, period, History::default())?;
    let (latest, _, histories) = histories(engine, first, period, &|n| n.id == indicator_id)?;
    let at = latest.nodes.iter().position(|n| n.id == indicator_id && n.kind == NodeKind::Indicator);
    let (Some(at), mut nodes) = (at, latest.nodes) else {
        return Err(Error::NotFound { what: "indicator", id: indicator_id.to_string() });
    };
    // the node's result moves into the card (not copied)
    let n = nodes.swap_remove(at);
    let history = histories.get(at).map(Vec::as_slice).unwrap_or_default();
    let c = card(ws, ws.indicators.iter().find(|i| i.id == indicator_id), history, n);
    let status = c.latest.map(|l| l.status).unwrap_or(Status::NoData);
    let mut lines = String::new();
    for l in explanation_lines(c.explanation.as_ref(), locale) {
        lines.push_str(&format!("<li>{}</li>", escape(&l)));
    }
    Ok(format!(
        "<article class=\"card\" id=\"{}\"><h3>{}</h3><p class=\"latest st-text-{}\" data-status=\"{}\">{}</p>{}<ul>{lines}</ul></article>",
        anchor_id(&c.id),
        escape(&c.name),
        status.as_str(),
        escape(status_symbol(status)),
        escape(&latest_text(&c, locale)),
        card_chart_svg(&c, locale),
    ))
}
