//! The portfolio's view: caseload over the history, lead times of the comparison, ageing of
//! the open files, from [`headline`](crate::analytics::headline::headline)'s figures.

use super::ReportOptions;
use crate::analytics::headline::Headline;
use crate::analytics::portfolio::{self, LeadTimeStats};
use crate::model::period::Period;
use crate::model::workspace::Workspace;
use crate::report::model::{
    AgeingBucket, LeadTimeFigures, LeadTimeSample, PortfolioExplanation, PortfolioView, SeriesPoint,
};

/// The upper bounds (exclusive, in days since registration) of the ageing buckets; the last
/// bucket is open-ended: `0–90`, `90–180`, `180–365`, `365 and more`.
pub const AGEING_LIMITS: [u32; 3] = [90, 180, 365];

fn figures(s: &LeadTimeStats) -> LeadTimeFigures {
    LeadTimeFigures { period: s.period, count: s.count, mean_days: s.mean_days, median_days: s.median_days }
}

pub(super) fn portfolio_view(
    ws: &Workspace,
    periods: &[Period],
    h: &Headline,
    options: &ReportOptions,
) -> PortfolioView {
    let cal = ws.calendar();
    let caseload = periods
        .iter()
        .map(|p| SeriesPoint {
            period: *p,
            value: Some(portfolio::caseload_with(ws, p.end_date(cal), options.caseload).count as f64),
        })
        .collect();
    let sample = |s: &LeadTimeStats| LeadTimeSample {
        period: Some(s.period),
        days: s.files.iter().map(|f| f.days as f64).collect(),
    };
    // the bucket counting is the only arithmetic of the adapter: bookkeeping
    let mut ageing: Vec<AgeingBucket> = Vec::with_capacity(AGEING_LIMITS.len() + 1);
    let mut min = 0;
    for max in AGEING_LIMITS.iter().map(|m| Some(*m)).chain(std::iter::once(None)) {
        ageing.push(AgeingBucket { min_days: min, max_days: max, count: 0 });
        min = max.unwrap_or(min);
    }
    for f in portfolio::ageing(ws, h.as_of) {
        let days = u32::try_from(f.days_since_registration.max(0)).unwrap_or(u32::MAX);
        if let Some(b) = ageing.iter_mut().find(|b| days >= b.min_days && b.max_days.is_none_or(|m| days < m))
        {
            b.count += 1;
        }
    }
    // Whole fiscal years when there is an earlier one (more files, a steadier ratio: the
    // city's "divided by 4" compares years), else the period against its comparison period.
    let lt = h.lead_time_by_year.as_ref().unwrap_or(&h.lead_time);
    let explanation = PortfolioExplanation {
        as_of: h.as_of,
        period: h.period,
        active_caseload: h.active_caseload,
        caseload: options.caseload,
        lead_time: options.lead_time,
        earlier: figures(&lt.earlier),
        later: figures(&lt.later),
        mean_ratio: lt.mean_ratio,
        median_ratio: lt.median_ratio,
    };
    PortfolioView {
        caseload,
        lead_time_before: sample(&lt.earlier),
        lead_time_after: sample(&lt.later),
        ageing,
        explanation: Some(explanation),
    }
}
