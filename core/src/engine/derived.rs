//! Derived indicators: the bridge from the portfolio and partnership records to the
//! scorecard. An indicator whose source is `derived` takes, for each period, the value of a
//! [`Metric`] computed from the raw records by the `portfolio` and `partnership`
//! modules ([`crate::analytics::portfolio`], [`crate::analytics::partnership`]), with an explanation that names the metric
//! and the records it counted.
//!
//! Periods are read on the workspace's fiscal calendar. Stocks (caseload, portfolio value,
//! partner count, cumulative funds, leverage, co-financing) are taken on the last day of the
//! period; flows (registrations, decisions, deliveries, funds pledged/signed/received, new
//! and active partners) count the events dated inside it.
//!
//! Outside the span the records cover ([`crate::engine::cutoff::records_span`]) every metric has no
//! value, and its [`MetricBasis`] says that the period lies before or after the records.
//!
//! A statistic or ratio over an empty set (a mean of no lead times, a share of no files, a
//! leverage on zero own funds) has no value (`None`) and the basis says why. A count or a
//! sum over an empty set is a real 0 (no delivery this quarter is a fact, not missing data),
//! and the basis says that nothing was counted. Shares and rates are given in percent
//! (0-100), from the `Decimal` fractions of the analytics (rounded to 4 places, so to 2
//! decimals of a percent); money is converted from `Decimal` to `f64` only here, at the
//! boundary with the scorecard.
//!
//! A money sum that overflows `Decimal` is absent in the analytics (`None`, see
//! `crate::model::money`): the metric resting on it has no value, and its basis is
//! [`MetricBasis::Overflow`], never a saturated `Decimal::MAX`. Leverage and co-financing rate have no value
//! when any of the four sums they rest on (own, external, planned cost, external of the
//! costed projects) overflows, as [`crate::engine::record_index::RecordIndex`] computes them.

use chrono::NaiveDate;
use rust_decimal::Decimal;
use rust_decimal::prelude::ToPrimitive;
use serde::{Deserialize, Serialize};

use crate::analytics::partnership::{self, FinanceOptions, FundsScope, ProjectScope};
use crate::analytics::portfolio::{self, LeadTimeOptions};
use crate::model::indicator::Metric;
use crate::model::period::Period;
use crate::model::workspace::Workspace;

/// The value of a metric at one period, and what it rests on.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, schemars::JsonSchema)]
pub struct MetricPoint {
    /// The period.
    pub period: Period,
    /// The value, or `None` when the metric is undefined for the period (empty set, zero
    /// own funds...), with the reason in `basis`.
    pub value: Option<f64>,
    /// What the value rests on, or why there is none, as a code with its numbers
    /// (explanations word it in each language).
    pub basis: MetricBasis,
    /// Ids of the records counted (projects, partners or commitments).
    pub records: Vec<String>,
}

/// What a derived value rests on, or why there is none, as a code with its numbers.
/// Serialised with a `code` tag in snake_case: `{"code": "counted", "count": 12}`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, schemars::JsonSchema)]
#[serde(tag = "code", rename_all = "snake_case")]
pub enum MetricBasis {
    /// The value rests on `count` records (a count metric's value is that number; none
    /// counted is a true 0).
    Counted {
        /// How many records.
        count: usize,
    },
    /// No record to compute the value over (no decided file for a lead time...): no value.
    NoRecords,
    /// A money sum over `count` records overflows: no value.
    Overflow {
        /// How many records.
        count: usize,
    },
    /// The ratio is undefined over its `count` records (zero own funds, no planned cost).
    Undefined {
        /// How many records.
        count: usize,
    },
    /// No record is dated on or before the period's end: no value, not zero.
    BeforeRecords {
        /// The period's last day.
        end: NaiveDate,
    },
    /// The period ends after the records, which are complete through `through`: no value,
    /// not zero.
    AfterRecords {
        /// The day the records are complete through.
        through: NaiveDate,
    },
}

// By hand, to the JSON serde's derive gives (the tag first, then the field; read back in
// `tests/explain_text.rs`): the derived internally tagged serialiser costs the WebAssembly
// package's size budget.
impl Serialize for MetricBasis {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeMap;
        let mut m = s.serialize_map(None)?;
        match self {
            MetricBasis::Counted { count } => {
                m.serialize_entry("code", "counted")?;
                m.serialize_entry("count", count)?;
            }
            MetricBasis::NoRecords => m.serialize_entry("code", "no_records")?,
            MetricBasis::Overflow { count } => {
                m.serialize_entry("code", "overflow")?;
                m.serialize_entry("count", count)?;
            }
            MetricBasis::Undefined { count } => {
                m.serialize_entry("code", "undefined")?;
                m.serialize_entry("count", count)?;
            }
            MetricBasis::BeforeRecords { end } => {
                m.serialize_entry("code", "before_records")?;
                m.serialize_entry("end", end)?;
            }
            MetricBasis::AfterRecords { through } => {
                m.serialize_entry("code", "after_records")?;
                m.serialize_entry("through", through)?;
            }
        }
        m.end()
    }
}

impl MetricBasis {
    /// The code of a point computed inside the records' span, from its value, its records
    /// and whether a money sum overflowed.
    fn of(value: Option<f64>, records: usize, overflow: bool) -> MetricBasis {
        match value {
            Some(_) => MetricBasis::Counted { count: records },
            None if overflow => MetricBasis::Overflow { count: records },
            None if records == 0 => MetricBasis::NoRecords,
            None => MetricBasis::Undefined { count: records },
        }
    }
}

/// The values of `metric` at each of `periods` (in the same order).
pub fn series(ws: &Workspace, metric: Metric, periods: &[Period]) -> Vec<MetricPoint> {
    periods.iter().map(|&period| point(ws, metric, period)).collect()
}

/// The snake_case name of a metric, as written in workspace files.
pub fn metric_name(metric: Metric) -> &'static str {
    match metric {
        Metric::ActiveCaseload => "active_caseload",
        Metric::FilesRegistered => "files_registered",
        Metric::FilesDecided => "files_decided",
        Metric::MeanInstructionDays => "mean_instruction_days",
        Metric::MedianInstructionDays => "median_instruction_days",
        Metric::P90InstructionDays => "p90_instruction_days",
        Metric::Deliveries => "deliveries",
        Metric::OnTimeDeliveryRate => "on_time_delivery_rate",
        Metric::PortfolioValue => "portfolio_value",
        Metric::TransversalShare => "transversal_share",
        Metric::PartnerCount => "partner_count",
        Metric::NewPartners => "new_partners",
        Metric::ActivePartners => "active_partners",
        Metric::FundsPledged => "funds_pledged",
        Metric::FundsSigned => "funds_signed",
        Metric::FundsReceived => "funds_received",
        Metric::CumulativeFundsSigned => "cumulative_funds_signed",
        Metric::Leverage => "leverage",
        Metric::CofinancingRate => "cofinancing_rate",
        Metric::InvestmentCapacity => "investment_capacity",
    }
}

/// Money as the scorecard reads it (the one place a `Decimal` amount becomes an `f64`).
/// Out of line (`inline(never)`), like [`percent`]: they are called from many sites here and
/// in [`crate::engine::record_index`], and inlined copies weighed in the WebAssembly package.
#[inline(never)]
pub(crate) fn money(d: Decimal) -> Option<f64> {
    d.to_f64()
}

/// A `Decimal` fraction as a percentage (0-100) for the scorecard.
#[inline(never)]
pub(crate) fn percent(fraction: Decimal) -> Option<f64> {
    fraction.checked_mul(Decimal::ONE_HUNDRED).and_then(|d| d.to_f64())
}

/// Why a period ending on `end` is outside the span the records cover, when it is: a
/// derived value there would claim a zero that nobody counted (see [`crate::engine::cutoff`]).
fn outside_span(ws: &Workspace, end: NaiveDate) -> Option<MetricBasis> {
    match crate::engine::cutoff::records_span(ws) {
        Some(s) if end > s.through => Some(MetricBasis::AfterRecords { through: s.through }),
        Some(s) if end >= s.from => None,
        // no record dated by the period's end (saying when they start would read the future)
        _ => Some(MetricBasis::BeforeRecords { end }),
    }
}

fn count_point(period: Period, ids: Vec<String>) -> MetricPoint {
    MetricPoint {
        period,
        value: Some(ids.len() as f64),
        basis: MetricBasis::Counted { count: ids.len() },
        records: ids,
    }
}

/// A point computed over `records`: [`MetricBasis::of`] its value and whether a money sum
/// overflowed.
fn over(period: Period, value: Option<f64>, records: Vec<String>, overflow: bool) -> MetricPoint {
    MetricPoint { period, value, basis: MetricBasis::of(value, records.len(), overflow), records }
}

/// The value of `metric` at `period`, with its basis and the ids of the records it rests
/// on (for the value alone over many periods, [`crate::engine::record_index::RecordIndex`] is far
/// faster and gives the same numbers).
pub fn point(ws: &Workspace, metric: Metric, period: Period) -> MetricPoint {
    let cal = ws.calendar();
    let end = period.end_date(cal);
    if let Some(basis) = outside_span(ws, end) {
        return MetricPoint { period, value: None, basis, records: Vec::new() };
    }
    match metric {
        Metric::ActiveCaseload => count_point(period, portfolio::caseload(ws, end).projects),
        Metric::FilesRegistered => count_point(period, portfolio::throughput(ws, period).registered),
        Metric::FilesDecided => {
            let t = portfolio::throughput(ws, period);
            let mut ids = t.approved;
            ids.extend(t.rejected);
            count_point(period, ids)
        }
        Metric::MeanInstructionDays | Metric::MedianInstructionDays | Metric::P90InstructionDays => {
            let s = portfolio::lead_time(ws, period, LeadTimeOptions::default());
            let records: Vec<String> = s.files.iter().map(|f| f.project.clone()).collect();
            let value = match metric {
                Metric::MeanInstructionDays => s.mean_days,
                Metric::MedianInstructionDays => s.median_days,
                _ => s.p90_days,
            };
            over(period, value, records, false)
        }
        Metric::Deliveries => count_point(period, portfolio::throughput(ws, period).delivered),
        Metric::OnTimeDeliveryRate => {
            let d = portfolio::delivery(ws, Some(period));
            let records: Vec<String> =
                d.projects.iter().filter(|p| p.on_time.is_some()).map(|p| p.project.clone()).collect();
            over(period, d.on_time_rate.and_then(percent), records, false)
        }
        Metric::PortfolioValue => {
            let v = portfolio::portfolio_value(ws, end);
            over(period, v.total.and_then(money), v.projects, v.total.is_none())
        }
        Metric::TransversalShare => {
            let t = portfolio::transversality(ws, Some(end));
            over(period, t.share.and_then(percent), t.transversal, false)
        }
        Metric::PartnerCount => {
            count_point(period, partnership::partner_list(ws, period, partnership::PartnerList::Members))
        }
        Metric::NewPartners => {
            count_point(period, partnership::partner_list(ws, period, partnership::PartnerList::New))
        }
        Metric::ActivePartners => {
            count_point(period, partnership::partner_list(ws, period, partnership::PartnerList::Active))
        }
        Metric::FundsPledged
        | Metric::FundsSigned
        | Metric::FundsReceived
        | Metric::CumulativeFundsSigned => {
            let scope = match metric {
                Metric::CumulativeFundsSigned => FundsScope::AsOf(end),
                _ => FundsScope::Within(period),
            };
            let f = partnership::funds(ws, scope);
            let amount = match metric {
                Metric::FundsPledged => f.total.pledged,
                Metric::FundsReceived => f.total.received,
                _ => f.total.signed,
            };
            over(period, amount.and_then(money), f.commitments, amount.is_none())
        }
        Metric::Leverage | Metric::CofinancingRate => {
            let options = FinanceOptions { as_of: Some(end), ..FinanceOptions::default() };
            let f = partnership::portfolio_finance(ws, ProjectScope::ApprovedBy(end), options);
            let records: Vec<String> = f.projects.iter().map(|p| p.project.clone()).collect();
            let sums = [f.own, f.external, f.planned_cost, f.cofinanced_external];
            if sums.iter().any(Option::is_none) {
                return over(period, None, records, true);
            }
            let value = if metric == Metric::Leverage {
                f.leverage.value.and_then(|v| v.to_f64())
            } else {
                f.cofinancing_rate.and_then(percent)
            };
            let overflow = f.leverage.undefined_reason == Some(partnership::LeverageUndefined::Overflow);
            over(period, value, records, value.is_none() && overflow)
        }
        Metric::InvestmentCapacity => {
            let c = partnership::investment_capacity(ws, period, FinanceOptions::default());
            over(period, c.total.and_then(money), c.projects, c.total.is_none())
        }
    }
}
