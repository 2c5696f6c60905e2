//! The span of a report's history and one pass of the engine over it.

use serde::{Deserialize, Serialize};

use crate::engine::Engine;
use crate::engine::evaluation::{Evaluation, NodeResult};
use crate::error::{Error, Result};
use crate::model::period::{Frequency, Period};
use crate::model::workspace::Workspace;

/// How many reporting periods the cards and the charts over time show.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "kind", content = "value", rename_all = "snake_case")]
pub enum History {
    /// The last `n` periods up to the report's (fewer when the data starts later); at least 1.
    Periods(u32),
    /// Every period from the first one with data (measurement, project stage, commitment
    /// step or partner joining) to the report's.
    Whole,
}

impl Default for History {
    fn default() -> Self {
        History::Periods(8)
    }
}

/// The first period of `frequency` with any data in the workspace, if any.
pub fn first_data_period(ws: &Workspace, frequency: Frequency) -> Option<Period> {
    // The workspace's earliest data, or a partner's joining day if earlier.
    let joined = ws.partners.iter().filter_map(|p| p.joined).min();
    let first = [ws.earliest_date(), joined].into_iter().flatten().min()?;
    Period::containing(first, frequency, ws.calendar()).ok()
}

/// The first period of the report's history ending at `period`.
pub(super) fn history_range(ws: &Workspace, period: Period, history: History) -> Result<Period> {
    let data_start = first_data_period(ws, period.frequency()).filter(|p| p.ordinal() <= period.ordinal());
    let first = match history {
        History::Periods(0) => {
            return Err(Error::Argument { name: "history", message: "must be at least 1 period".into() });
        }
        History::Periods(n) => {
            let wanted = period.offset(-(i64::from(n) - 1)).unwrap_or(period);
            match data_start {
                Some(d) if d.ordinal() > wanted.ordinal() => d,
                _ => wanted,
            }
        }
        History::Whole => data_start.unwrap_or(period),
    };
    Ok(first)
}

/// An indicator's value and target at each period of a history, oldest first.
pub(super) type NodeHistory = Vec<(Period, Option<f64>, Option<f64>)>;

/// The evaluation of `last` whole, the periods from `first` to `last` and, per node (in the
/// engine's order, the same at every period), its value and target at each of them, for the
/// nodes `keep` accepts (the others get an empty history). One rich evaluation is alive at a time: a range of them
/// held together took most of the report's memory on a large workspace.
pub(super) fn histories(
    engine: &Engine,
    first: Period,
    last: Period,
    keep: &dyn Fn(&NodeResult) -> bool,
) -> Result<(Evaluation, Vec<Period>, Vec<NodeHistory>)> {
    let (mut latest, mut periods) = (None, Vec::new());
    let mut histories: Vec<NodeHistory> = Vec::new();
    engine.evaluate_range_each(first, last, &mut |ev| {
        periods.push(ev.period);
        histories.resize_with(ev.nodes.len(), Vec::new);
        for (h, n) in histories.iter_mut().zip(&ev.nodes).filter(|(_, n)| keep(n)) {
            h.push((ev.period, n.value, n.target));
        }
        // only the last period's evaluation is kept, and the one before is dropped before
        // that one is built: two rich evaluations (each with the record ids its derived
        // indicators count) were held at once
        latest = (ev.period == last).then_some(ev);
    })?;
    let latest = latest
        .ok_or_else(|| Error::Argument { name: "period", message: format!("no evaluation for {last}") })?;
    Ok((latest, periods, histories))
}
