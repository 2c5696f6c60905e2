//! What was known on a date: the workspace cut at the end of a day, and the span the records
//! cover.
//!
//! A result for a period must depend only on what is dated on or before the period's end
//! (the **no look-ahead** rule). [`cut_at`] gives the workspace as it stood at the end of a
//! day, so that the rule can be checked (a property test evaluates every period on the whole
//! file and on the file cut at the period's end, and compares the two as JSON) and so that a
//! user can ask "what did we know then".
//!
//! What the cut removes (the **records**, dated facts):
//! - measurements whose period ends after the day;
//! - stage events dated after the day, and the projects left with none (a project's
//!   `actual_cost` is kept only once it is delivered, closed or abandoned by the day);
//! - commitment steps dated after the day, and the commitments left with none;
//! - partners who joined after the day, unless a commitment kept by the cut names them
//!   (they are kept as they are, and are not yet members on the day).
//!
//! What it keeps (the **plans**, which are not facts about the past): services, indicator
//! definitions, targets and trajectories, baselines, weights and their schedules, settings.
//!
//! It also records the day in [`Settings::records_complete_through`](crate::Settings): the
//! records of a file cut at a day are complete through that day, and no later than the
//! whole file's own [`records_span`].
//!
//! ## The span the records cover
//! Flows and stocks derived from the records (files decided in a quarter, funds signed,
//! the active caseload) are facts only inside the span the records cover. Before the first
//! record or after the last, a zero would claim "nothing happened" when nothing is known:
//! there the derived values are missing, and the explanation says why. The span runs from
//! the first day of the month of the earliest record (stage event, commitment step, partner
//! joining) to `settings.records_complete_through` when the file declares it, else to the
//! last day of the month of the latest record. A period is covered when its last day falls
//! inside the span.

use chrono::{Datelike, NaiveDate};

use crate::model::workspace::Workspace;

/// The dates the records cover: a period is covered when its last day is in `from..=through`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize, serde::Deserialize, schemars::JsonSchema)]
pub struct RecordsSpan {
    /// First day of the month of the earliest record.
    pub from: NaiveDate,
    /// The declared `records_complete_through`, else the last day of the month of the latest
    /// record.
    pub through: NaiveDate,
    /// Whether `through` was declared in the file (else inferred from the latest record).
    pub declared: bool,
}

impl RecordsSpan {
    /// True when `day` (a period's last day) falls inside the span.
    pub fn covers(&self, day: NaiveDate) -> bool {
        self.from <= day && day <= self.through
    }
}

fn month_start(d: NaiveDate) -> NaiveDate {
    d.with_day(1).unwrap_or(d)
}

fn month_end(d: NaiveDate) -> NaiveDate {
    let next = if d.month() == 12 {
        NaiveDate::from_ymd_opt(d.year() + 1, 1, 1)
    } else {
        NaiveDate::from_ymd_opt(d.year(), d.month() + 1, 1)
    };
    next.and_then(|n| n.pred_opt()).unwrap_or(d)
}

/// Every record date of the workspace: stage events, commitment steps, partners' joining.
fn record_dates(ws: &Workspace) -> impl Iterator<Item = NaiveDate> + '_ {
    let stages = ws.projects.iter().flat_map(|p| p.stages.iter()).map(|e| e.date);
    let steps = ws.commitments.iter().flat_map(|c| c.steps.iter()).map(|s| s.date);
    let joined = ws.partners.iter().filter_map(|p| p.joined);
    stages.chain(steps).chain(joined)
}

/// The span the records cover (see the module doc), `None` when the workspace has no dated
/// record.
pub fn records_span(ws: &Workspace) -> Option<RecordsSpan> {
    let (mut lo, mut hi): (Option<NaiveDate>, Option<NaiveDate>) = (None, None);
    for d in record_dates(ws) {
        lo = Some(lo.map_or(d, |x| x.min(d)));
        hi = Some(hi.map_or(d, |x| x.max(d)));
    }
    let from = month_start(lo?);
    match ws.settings.records_complete_through {
        Some(through) => Some(RecordsSpan { from: from.min(through), through, declared: true }),
        None => Some(RecordsSpan { from, through: month_end(hi?), declared: false }),
    }
}

/// The workspace as known at the end of `day` (see the module doc for what is removed and
/// what is kept).
pub fn cut_at(ws: &Workspace, day: NaiveDate) -> Workspace {
    let cal = ws.calendar();
    let span = records_span(ws);
    let mut out = ws.clone();
    for ind in &mut out.indicators {
        ind.measurements.retain(|m| m.period.end_date(cal) <= day);
    }
    for p in &mut out.projects {
        p.stages.retain(|e| e.date <= day);
        if !p
            .stages
            .iter()
            .any(|e| e.stage.is_terminal() || e.stage == crate::model::project::Stage::Delivered)
        {
            p.actual_cost = None;
        }
    }
    out.projects.retain(|p| !p.stages.is_empty());
    for c in &mut out.commitments {
        c.steps.retain(|s| s.date <= day);
    }
    out.commitments.retain(|c| !c.steps.is_empty());
    let named: std::collections::HashSet<&str> = out.commitments.iter().map(|c| c.partner.as_str()).collect();
    let keep: Vec<bool> = out
        .partners
        .iter()
        .map(|p| p.joined.is_none_or(|j| j <= day) || named.contains(p.id.as_str()))
        .collect();
    let mut k = keep.iter();
    out.partners.retain(|_| k.next().copied().unwrap_or(true));
    if let Some(span) = span {
        out.settings.records_complete_through = Some(span.through.min(day));
    }
    out
}

impl Workspace {
    /// The span the records cover ([`records_span`]).
    pub fn records_span(&self) -> Option<RecordsSpan> {
        records_span(self)
    }

    /// The workspace as known at the end of `day` ([`cut_at`]).
    pub fn cut_at(&self, day: NaiveDate) -> Workspace {
        cut_at(self, day)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> NaiveDate {
        s.parse().unwrap()
    }

    #[test]
    fn month_edges() {
        assert_eq!(month_start(d("2025-03-17")), d("2025-03-01"));
        assert_eq!(month_end(d("2025-02-03")), d("2025-02-28"));
        assert_eq!(month_end(d("2024-02-03")), d("2024-02-29"));
        assert_eq!(month_end(d("2025-12-31")), d("2025-12-31"));
    }
}
