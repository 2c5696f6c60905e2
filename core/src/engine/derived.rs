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
//! value, and the detail says that the period lies before or after the records.
//!
//! A statistic or ratio over an empty set (a mean of no lead times, a share of no files, a
//! leverage on zero own funds) has no value (`None`) and the detail says why. A count or a
//! sum over an empty set is a real 0 (no delivery this quarter is a fact, not missing data),
//! and the detail says that nothing was counted. Shares and rates are given in percent
//! (0-100), from the `Decimal` fractions of the analytics (rounded to 4 places, so to 2
//! decimals of a percent); money is converted from `Decimal` to `f64` only here, at the
//! boundary with the scorecard.
//!
//! A money sum that overflows `Decimal` is absent in the analytics (`None`, see
//! `crate::model::money`): the metric resting on it has no value, and the detail ends with the
//! reason ("...: the sum overflows the largest amount the library can hold (...): no
//! value"), never a saturated `Decimal::MAX`. Leverage and co-financing rate have no value
//! when any of the four sums they rest on (own, external, planned cost, external of the
//! costed projects) overflows, as [`crate::engine::record_index::RecordIndex`] computes them.

use chrono::NaiveDate;
use rust_decimal::Decimal;
use rust_decimal::prelude::ToPrimitive;
use serde::{Deserialize, Serialize};

use crate::analytics::partnership::{self, FinanceOptions, FundsScope, ProjectScope};
use crate::analytics::portfolio::{self, LeadTimeOptions};
use crate::model::indicator::Metric;
use crate::model::money::OVERFLOW;
use crate::model::period::Period;
use crate::model::workspace::Workspace;

/// The value of a metric at one period, and what it rests on.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct MetricPoint {
    /// The period.
    pub period: Period,
    /// The value, or `None` when the metric is undefined for the period (empty set, zero
    /// own funds...), with the reason in `detail`.
    pub value: Option<f64>,
    /// One sentence: what was computed, over which records, and why there is no value.
    pub detail: String,
    /// The same as a code with its numbers (what explanations render in each language).
    pub basis: MetricBasis,
    /// Ids of the records counted (projects, partners or commitments).
    pub records: Vec<String>,
}

/// What a derived value rests on, or why there is none, as a code with its numbers.
/// Serialised with a `code` tag in snake_case: `{"code": "counted", "count": 12}`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
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

fn plural(n: usize, one: &str, many: &str) -> String {
    format!("{n} {}", if n == 1 { one } else { many })
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

/// Why `period` (ending on `end`) is outside the span the records cover, when it is: a
/// derived value there would claim a zero that nobody counted (see [`crate::engine::cutoff`]).
pub(crate) fn outside_records(ws: &Workspace, period: Period, end: chrono::NaiveDate) -> Option<String> {
    match outside_span(ws, end)? {
        MetricBasis::AfterRecords { through } => Some(format!(
            "{period} ends after the records, which are complete through {through}: no value, not zero"
        )),
        _ => Some(format!("no record is dated on or before {end}: no value, not zero")),
    }
}

/// [`outside_records`] as a code.
fn outside_span(ws: &Workspace, end: NaiveDate) -> Option<MetricBasis> {
    match crate::engine::cutoff::records_span(ws) {
        Some(s) if end > s.through => Some(MetricBasis::AfterRecords { through: s.through }),
        Some(s) if end >= s.from => None,
        // no record dated by the period's end (saying when they start would read the future)
        _ => Some(MetricBasis::BeforeRecords { end }),
    }
}

fn count_point(period: Period, name: &str, ids: Vec<String>, (one, many): (&str, &str)) -> MetricPoint {
    let detail = if ids.is_empty() {
        format!("{name}: no {many} in {period} (counted as 0)")
    } else {
        format!("{name}: {} in {period}", plural(ids.len(), one, many))
    };
    MetricPoint { period, value: Some(ids.len() as f64), detail, basis: MetricBasis::NoRecords, records: ids }
}

/// The value of `metric` at `period`, with the sentence and the ids of the records it rests
/// on (for the value alone over many periods, [`crate::engine::record_index::RecordIndex`] is far
/// faster and gives the same numbers).
pub fn point(ws: &Workspace, metric: Metric, period: Period) -> MetricPoint {
    let mut p = sentence_point(ws, metric, period);
    let end = period.end_date(ws.calendar());
    p.basis = outside_span(ws, end).unwrap_or_else(|| {
        MetricBasis::of(p.value, p.records.len(), p.value.is_none() && p.detail.contains(OVERFLOW))
    });
    p
}

/// [`point`] with its sentence (the code is set by [`point`]).
fn sentence_point(ws: &Workspace, metric: Metric, period: Period) -> MetricPoint {
    let cal = ws.calendar();
    let end = period.end_date(cal);
    let name = metric_name(metric);
    if let Some(outside) = outside_records(ws, period, end) {
        return MetricPoint {
            period,
            value: None,
            detail: format!("{name}: {outside}"),
            basis: MetricBasis::NoRecords,
            records: Vec::new(),
        };
    }
    match metric {
        Metric::ActiveCaseload => {
            let c = portfolio::caseload(ws, end);
            let detail = if c.count == 0 {
                format!("{name}: no active files on {end} (counted as 0)")
            } else {
                format!(
                    "{name}: {} registered and not closed or abandoned on {end}",
                    plural(c.count, "file", "files")
                )
            };
            MetricPoint {
                period,
                value: Some(c.count as f64),
                detail,
                basis: MetricBasis::NoRecords,
                records: c.projects,
            }
        }
        Metric::FilesRegistered => count_point(
            period,
            name,
            portfolio::throughput(ws, period).registered,
            ("file registered", "files registered"),
        ),
        Metric::FilesDecided => {
            let t = portfolio::throughput(ws, period);
            let (a, r) = (t.approved.len(), t.rejected.len());
            let mut ids = t.approved;
            ids.extend(t.rejected);
            let mut p = count_point(period, name, ids, ("file decided", "files decided"));
            if a + r > 0 {
                p.detail = format!("{} ({a} approved, {r} rejected)", p.detail);
            }
            p
        }
        Metric::MeanInstructionDays | Metric::MedianInstructionDays | Metric::P90InstructionDays => {
            let s = portfolio::lead_time(ws, period, LeadTimeOptions::default());
            let records: Vec<String> = s.files.iter().map(|f| f.project.clone()).collect();
            let (value, stat) = match metric {
                Metric::MeanInstructionDays => (s.mean_days, "mean"),
                Metric::MedianInstructionDays => (s.median_days, "median"),
                _ => (s.p90_days, "90th percentile"),
            };
            let detail = match value {
                None => format!("{name}: no decided files in {period}"),
                Some(_) => format!(
                    "{name}: {stat} of {} decided in {period}, days from registration to decision",
                    plural(s.count, "file", "files")
                ),
            };
            MetricPoint { period, value, detail, basis: MetricBasis::NoRecords, records }
        }
        Metric::Deliveries => count_point(
            period,
            name,
            portfolio::throughput(ws, period).delivered,
            ("project delivered", "projects delivered"),
        ),
        Metric::OnTimeDeliveryRate => {
            let d = portfolio::delivery(ws, Some(period));
            let records: Vec<String> =
                d.projects.iter().filter(|p| p.on_time.is_some()).map(|p| p.project.clone()).collect();
            let value = d.on_time_rate.and_then(percent);
            let detail = match value {
                None => format!("{name}: no projects with a planned end delivered in {period}"),
                Some(_) => format!(
                    "{name}: {} of {} delivered in {period} on or before the planned end (%)",
                    d.on_time,
                    plural(d.with_planned_end, "project", "projects")
                ),
            };
            MetricPoint { period, value, detail, basis: MetricBasis::NoRecords, records }
        }
        Metric::PortfolioValue => {
            let v = portfolio::portfolio_value(ws, end);
            let files = plural(v.projects.len(), "file", "files");
            let mut detail = match v.total {
                _ if v.projects.is_empty() => {
                    format!("{name}: no active files with a planned cost on {end} (counted as 0)")
                }
                Some(total) => {
                    format!("{name}: planned costs of {files} active on {end}: {total} {}", ws.currency)
                }
                None => format!("{name}: planned costs of {files} active on {end}: {OVERFLOW}: no value"),
            };
            if !v.without_planned_cost.is_empty() {
                detail.push_str(&format!("; {} without a planned cost", v.without_planned_cost.len()));
            }
            MetricPoint {
                period,
                value: v.total.and_then(money),
                detail,
                basis: MetricBasis::NoRecords,
                records: v.projects,
            }
        }
        Metric::TransversalShare => {
            let t = portfolio::transversality(ws, Some(end));
            let value = t.share.and_then(percent);
            let detail = match value {
                None => format!("{name}: no active files on {end}"),
                Some(_) => format!(
                    "{name}: {} of {} active on {end} run by two or more services (%)",
                    t.transversal.len(),
                    plural(t.projects, "file", "files")
                ),
            };
            MetricPoint { period, value, detail, basis: MetricBasis::NoRecords, records: t.transversal }
        }
        Metric::PartnerCount => {
            let members = partnership::partner_list(ws, period, partnership::PartnerList::Members);
            let n = members.len();
            let detail = if n == 0 {
                format!("{name}: no partners had joined by {end} (counted as 0)")
            } else {
                format!("{name}: {} joined by {end}", plural(n, "partner", "partners"))
            };
            MetricPoint {
                period,
                value: Some(n as f64),
                detail,
                basis: MetricBasis::NoRecords,
                records: members,
            }
        }
        Metric::NewPartners => count_point(
            period,
            name,
            partnership::partner_list(ws, period, partnership::PartnerList::New),
            ("partner joined", "partners joined"),
        ),
        Metric::ActivePartners => count_point(
            period,
            name,
            partnership::partner_list(ws, period, partnership::PartnerList::Active),
            ("partner with a commitment step", "partners with a commitment step"),
        ),
        Metric::FundsPledged
        | Metric::FundsSigned
        | Metric::FundsReceived
        | Metric::CumulativeFundsSigned => {
            let (scope, status, when) = match metric {
                Metric::FundsPledged => (FundsScope::Within(period), "pledged", format!("in {period}")),
                Metric::FundsSigned => (FundsScope::Within(period), "signed", format!("in {period}")),
                Metric::FundsReceived => (FundsScope::Within(period), "received", format!("in {period}")),
                _ => (FundsScope::AsOf(end), "signed", format!("by {end}")),
            };
            let f = partnership::funds(ws, scope);
            let amount = match status {
                "pledged" => f.total.pledged,
                "received" => f.total.received,
                _ => f.total.signed,
            };
            let over = plural(f.commitments.len(), "commitment", "commitments");
            let detail = match amount {
                _ if f.commitments.is_empty() => format!("{name}: no commitment steps {when} (counted as 0)"),
                Some(amount) => format!("{name}: {amount} {} {status} {when}, over {over}", ws.currency),
                None => format!("{name}: funds {status} {when}, over {over}: {OVERFLOW}: no value"),
            };
            MetricPoint {
                period,
                value: amount.and_then(money),
                detail,
                basis: MetricBasis::NoRecords,
                records: f.commitments,
            }
        }
        Metric::Leverage | Metric::CofinancingRate => {
            let options = FinanceOptions { as_of: Some(end), ..FinanceOptions::default() };
            let f = partnership::portfolio_finance(ws, ProjectScope::ApprovedBy(end), options);
            let records: Vec<String> = f.projects.iter().map(|p| p.project.clone()).collect();
            let n = plural(records.len(), "project", "projects");
            let sums = [f.own, f.external, f.planned_cost, f.cofinanced_external];
            let (value, detail) = if records.is_empty() {
                (None, format!("{name}: no projects approved by {end}"))
            } else if sums.iter().any(Option::is_none) {
                (None, format!("{name}: {n} approved by {end}: {OVERFLOW}: no value"))
            } else if metric == Metric::Leverage {
                match (f.leverage.value, &f.leverage.undefined_reason) {
                    (Some(v), _) => (
                        v.to_f64(),
                        format!(
                            "{name} ({}): {} external signed / {} own, {n} approved by {end}",
                            f.leverage.formula,
                            f.external.unwrap_or_default(),
                            f.own.unwrap_or_default()
                        ),
                    ),
                    (None, reason) => (
                        None,
                        format!(
                            "{name} ({}): {n} approved by {end}: {}",
                            f.leverage.formula,
                            reason.map_or("undefined", |r| r.text(crate::locale::Locale::En))
                        ),
                    ),
                }
            } else {
                match f.cofinancing_rate.and_then(percent) {
                    Some(v) => (
                        Some(v),
                        format!(
                            "{name}: {} external signed / {} planned cost (%), {n} approved by {end}",
                            f.external.unwrap_or_default(),
                            f.planned_cost.unwrap_or_default()
                        ),
                    ),
                    None => (None, format!("{name}: the {n} approved by {end} have no planned cost")),
                }
            };
            MetricPoint { period, value, detail, basis: MetricBasis::NoRecords, records }
        }
        Metric::InvestmentCapacity => {
            let c = partnership::investment_capacity(ws, period, FinanceOptions::default());
            let over = plural(c.projects.len(), "project", "projects");
            let detail = match (c.own, c.external, c.total) {
                _ if c.projects.is_empty() => format!(
                    "{name}: no projects started (or approved, when not started) in {period} (counted as 0)"
                ),
                (Some(own), Some(external), Some(_)) => format!(
                    "{name}: {own} own + {external} external signed over {over} started (else approved) in {period}"
                ),
                _ => format!(
                    "{name}: own + external signed over {over} started (else approved) in {period}: {OVERFLOW}: no value"
                ),
            };
            MetricPoint {
                period,
                value: c.total.and_then(money),
                detail,
                basis: MetricBasis::NoRecords,
                records: c.projects,
            }
        }
    }
}
