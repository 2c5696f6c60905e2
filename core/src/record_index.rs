//! The records flattened once for fast metric values: what the engine reads to fill a
//! derived indicator over the whole history.
//!
//! [`crate::metrics::point`] answers one metric at one period with everything a reader needs
//! (the sentence, the ids of the records counted), by calling the `portfolio` and
//! `partnership` analytics; that is right for the period on screen and far too slow for
//! every period of the history (each call walks every record, clones ids, builds maps).
//! [`RecordIndex`] is built once per workspace: each project, partner and commitment step is
//! reduced to the few dates (as month indices where a period test is all that is needed)
//! and amounts the metrics read, in compact arrays, with each project's signed steps next
//! to it. [`RecordIndex::value`] then computes a metric's value with no map and no id list;
//! the only allocations are the lead times (sorted for their quantiles) and the leverage,
//! which goes through [`crate::partnership::Leverage::compute`] so that its definition stays
//! in one place.
//!
//! The values are the same as [`crate::metrics::point`]'s, to the bit: the same records
//! counted, the same `Decimal` sums in the same order, the same rounding, the same
//! conversion to `f64`. `tests/record_index.rs` checks this for every metric over every
//! period of generated workspaces, including records that validation would refuse (a
//! file closed before it was registered, steps of an unknown partner...).
//!
//! Overflow: every sum goes through [`add`], which checks it; a sum that overflows
//! `Decimal` sets a per-thread flag (`OVERFLOWED`) that [`RecordIndex::value`] clears before
//! computing and reads after, and the value is then `None`, as `metrics::point` has none for
//! a figure whose sum overflows (never a value saturated at `Decimal::MAX`).

use std::collections::HashMap;

use chrono::NaiveDate;
use rust_decimal::Decimal;
use rust_decimal::prelude::ToPrimitive;

use crate::commitment::FundingStatus;
use crate::indicator::Metric;
use crate::metrics::{money, percent};
use crate::partnership::LeverageDefinition;
use crate::period::{Calendar, MonthIndex, Period, month_index_of_date};
use crate::portfolio::{percentile, ratio};
use crate::project::Stage;
use crate::workspace::Workspace;

/// One project, reduced to what the metrics read.
#[derive(Debug, Clone)]
struct ProjectFacts {
    /// First `registered` event.
    registered: Option<NaiveDate>,
    /// Month of `registered`.
    registered_month: Option<MonthIndex>,
    /// Month the file left the caseload (earliest closed or abandoned).
    exit_month: Option<MonthIndex>,
    /// Months of the first approved, rejected and delivered events.
    approved_month: Option<MonthIndex>,
    rejected_month: Option<MonthIndex>,
    delivered: Option<NaiveDate>,
    delivered_month: Option<MonthIndex>,
    /// The decision (first approved or rejected event in life order).
    decision: Option<NaiveDate>,
    decision_month: Option<MonthIndex>,
    planned_end: Option<NaiveDate>,
    planned_cost: Option<Decimal>,
    /// Own funds, 0 when not recorded.
    own: Decimal,
    /// Led by two or more services.
    transversal: bool,
    /// Months of the start and of the approval (investment capacity: the start once it has
    /// happened, else the approval).
    started_month: Option<MonthIndex>,
    /// Its commitments' signed steps: `commitments[k]` is the range in `signed_steps`.
    commitments: std::ops::Range<usize>,
}

/// The records of a workspace, flattened for [`RecordIndex::value`].
#[derive(Debug, Clone)]
pub struct RecordIndex {
    calendar: Calendar,
    projects: Vec<ProjectFacts>,
    /// Per project commitment (in `ProjectFacts::commitments`), the range of its signed steps.
    project_commitments: Vec<std::ops::Range<usize>>,
    /// Signed steps (month, amount), commitment by commitment, step order kept.
    signed_steps: Vec<(MonthIndex, Decimal)>,
    /// Every commitment step (status, month, amount), in workspace order.
    steps: Vec<(FundingStatus, MonthIndex, Decimal)>,
    /// Partners: month joined (`None`: undated, a member in every period) and the months of
    /// the steps of the commitments naming them, sorted.
    partners: Vec<(Option<MonthIndex>, std::ops::Range<usize>)>,
    partner_step_months: Vec<MonthIndex>,
    /// The span the records cover: outside it every metric is missing.
    span: Option<crate::cutoff::RecordsSpan>,
}

fn month(d: Option<NaiveDate>) -> Option<MonthIndex> {
    d.map(month_index_of_date)
}

// Sums are kept out of line (`inline(never)`), like `metrics::money` and `metrics::percent`:
// inlined at each of the metrics' sums they made this module a large part of the WebAssembly
// package, for no measurable speed.

thread_local! {
    /// Set by [`add`] when a sum overflows; [`RecordIndex::value`] then has no value.
    static OVERFLOWED: std::cell::Cell<bool> = const { std::cell::Cell::new(false) };
}

/// `a + b`, checked: on overflow it flags the value being computed as having none (and the
/// sum it returns is never read).
#[inline(never)]
fn add(a: Decimal, b: Decimal) -> Decimal {
    a.checked_add(b).unwrap_or_else(|| {
        OVERFLOWED.set(true);
        Decimal::ZERO
    })
}

/// `part / whole` in percent, as the analytics round it (`None` for an empty whole).
#[inline(never)]
fn share(part: usize, whole: usize) -> Option<f64> {
    ratio(Decimal::from(part), Decimal::from(whole)).and_then(percent)
}

impl RecordIndex {
    /// Flatten the records of `ws` (linear in the records).
    pub fn new(ws: &Workspace) -> RecordIndex {
        let calendar = ws.calendar();
        // commitments of each project id, in workspace order (as the partnership analytics
        // find them); a project id given twice gets the same commitments twice
        let mut by_project: HashMap<&str, Vec<usize>> = HashMap::new();
        for (k, c) in ws.commitments.iter().enumerate() {
            if let Some(p) = c.project.as_deref() {
                by_project.entry(p).or_default().push(k);
            }
        }
        let mut project_commitments = Vec::new();
        let mut signed_steps = Vec::new();
        let mut projects = Vec::with_capacity(ws.projects.len());
        for p in &ws.projects {
            let first = project_commitments.len();
            for &k in by_project.get(p.id.as_str()).map_or(&[][..], Vec::as_slice) {
                let Some(c) = ws.commitments.get(k) else { continue };
                let from = signed_steps.len();
                for s in c.steps.iter().filter(|s| s.status == FundingStatus::Signed) {
                    signed_steps.push((month_index_of_date(s.date), s.amount));
                }
                project_commitments.push(from..signed_steps.len());
            }
            let registered = p.date_of(Stage::Registered);
            let delivered = p.actual_end();
            let decision = p.decision().map(|(_, d)| d);
            projects.push(ProjectFacts {
                registered,
                registered_month: month(registered),
                exit_month: month(p.exit_date()),
                approved_month: month(p.date_of(Stage::Approved)),
                rejected_month: month(p.date_of(Stage::Rejected)),
                delivered,
                delivered_month: month(delivered),
                decision,
                decision_month: month(decision),
                planned_end: p.planned_end,
                planned_cost: p.planned_cost,
                own: p.own_funds.unwrap_or(Decimal::ZERO),
                transversal: p.services().len() >= 2,
                started_month: month(p.date_of(Stage::Started)),
                commitments: first..project_commitments.len(),
            });
        }
        let steps = ws
            .commitments
            .iter()
            .flat_map(|c| c.steps.iter().map(|s| (s.status, month_index_of_date(s.date), s.amount)))
            .collect();
        let mut months_of: HashMap<&str, Vec<MonthIndex>> = HashMap::new();
        for c in &ws.commitments {
            months_of
                .entry(c.partner.as_str())
                .or_default()
                .extend(c.steps.iter().map(|s| month_index_of_date(s.date)));
        }
        let mut partner_step_months = Vec::new();
        let mut partners = Vec::with_capacity(ws.partners.len());
        for p in &ws.partners {
            let from = partner_step_months.len();
            if let Some(m) = months_of.get(p.id.as_str()) {
                partner_step_months.extend_from_slice(m);
                if let Some(slice) = partner_step_months.get_mut(from..) {
                    crate::sort::sort_by(slice, Ord::cmp);
                }
            }
            partners.push((month(p.joined), from..partner_step_months.len()));
        }
        RecordIndex {
            calendar,
            projects,
            project_commitments,
            signed_steps,
            steps,
            partners,
            partner_step_months,
            span: crate::cutoff::records_span(ws),
        }
    }

    /// The value of `metric` at `period`: exactly `metrics::point(ws, metric, period).value`
    /// (`None` when one of its sums overflows).
    pub fn value(&self, metric: Metric, period: Period) -> Option<f64> {
        OVERFLOWED.set(false);
        let value = self.value_unchecked(metric, period);
        if OVERFLOWED.replace(false) { None } else { value }
    }

    /// [`RecordIndex::value`] before its sums are checked for overflow.
    fn value_unchecked(&self, metric: Metric, period: Period) -> Option<f64> {
        let first = period.first_month(self.calendar);
        let last = period.last_month(self.calendar);
        let within = |m: Option<MonthIndex>| m.is_some_and(|m| first <= m && m <= last);
        // a stock is read on the last day of the period: a date is on or before it exactly
        // when its month is on or before the last month
        let by_end = |m: Option<MonthIndex>| m.is_some_and(|m| m <= last);
        let active = |p: &&ProjectFacts| by_end(p.registered_month) && p.exit_month.is_none_or(|x| x > last);
        let count = |n: usize| Some(n as f64);
        if !self.span.is_some_and(|s| s.covers(period.end_date(self.calendar))) {
            return None;
        }
        match metric {
            Metric::ActiveCaseload => count(self.projects.iter().filter(active).count()),
            Metric::FilesRegistered => {
                count(self.projects.iter().filter(|p| within(p.registered_month)).count())
            }
            Metric::FilesDecided => count(
                self.projects.iter().filter(|p| within(p.approved_month)).count()
                    + self.projects.iter().filter(|p| within(p.rejected_month)).count(),
            ),
            Metric::MeanInstructionDays | Metric::MedianInstructionDays | Metric::P90InstructionDays => {
                let mut days: Vec<f64> = self
                    .projects
                    .iter()
                    .filter(|p| within(p.decision_month))
                    .filter_map(|p| {
                        let (start, stop) = (p.registered?, p.decision?);
                        (start <= stop).then(|| (stop - start).num_days() as f64)
                    })
                    .collect();
                crate::sort::sort_by(&mut days, f64::total_cmp);
                match metric {
                    Metric::MeanInstructionDays => {
                        (!days.is_empty()).then(|| days.iter().sum::<f64>() / days.len() as f64)
                    }
                    Metric::MedianInstructionDays => percentile(&days, 0.5),
                    _ => percentile(&days, 0.9),
                }
            }
            Metric::Deliveries => count(self.projects.iter().filter(|p| within(p.delivered_month)).count()),
            Metric::OnTimeDeliveryRate => {
                let (mut with_planned_end, mut on_time) = (0usize, 0usize);
                for p in self.projects.iter().filter(|p| within(p.delivered_month)) {
                    if let (Some(d), Some(e)) = (p.delivered, p.planned_end) {
                        with_planned_end += 1;
                        on_time += usize::from(d <= e);
                    }
                }
                share(on_time, with_planned_end)
            }
            Metric::PortfolioValue => money(
                self.projects.iter().filter(active).filter_map(|p| p.planned_cost).fold(Decimal::ZERO, add),
            ),
            Metric::TransversalShare => {
                let (mut n, mut transversal) = (0usize, 0usize);
                for p in self.projects.iter().filter(active) {
                    n += 1;
                    transversal += usize::from(p.transversal);
                }
                share(transversal, n)
            }
            Metric::PartnerCount => {
                count(self.partners.iter().filter(|(j, _)| j.is_none_or(|j| j <= last)).count())
            }
            Metric::NewPartners => count(self.partners.iter().filter(|(j, _)| within(*j)).count()),
            Metric::ActivePartners => count(
                self.partners
                    .iter()
                    .filter(|(_, r)| {
                        let months = self.partner_step_months.get(r.clone()).unwrap_or(&[]);
                        // the first step month at or after the period's first month
                        let k = months.partition_point(|&m| m < first);
                        months.get(k).is_some_and(|&m| m <= last)
                    })
                    .count(),
            ),
            Metric::FundsPledged | Metric::FundsSigned | Metric::FundsReceived => {
                let status = match metric {
                    Metric::FundsPledged => FundingStatus::Pledged,
                    Metric::FundsReceived => FundingStatus::Received,
                    _ => FundingStatus::Signed,
                };
                money(
                    self.steps
                        .iter()
                        .filter(|(s, m, _)| *s == status && within(Some(*m)))
                        .fold(Decimal::ZERO, |acc, (_, _, a)| add(acc, *a)),
                )
            }
            Metric::CumulativeFundsSigned => money(
                self.steps
                    .iter()
                    .filter(|(s, m, _)| *s == FundingStatus::Signed && *m <= last)
                    .fold(Decimal::ZERO, |acc, (_, _, a)| add(acc, *a)),
            ),
            Metric::Leverage | Metric::CofinancingRate => {
                let (mut any, mut cost, mut own, mut external, mut ext_costed) =
                    (false, Decimal::ZERO, Decimal::ZERO, Decimal::ZERO, Decimal::ZERO);
                for p in self.projects.iter().filter(|p| by_end(p.approved_month)) {
                    any = true;
                    let ext = self.signed_by(p, last);
                    own = add(own, p.own);
                    external = add(external, ext);
                    if let Some(c) = p.planned_cost {
                        cost = add(cost, c);
                        ext_costed = add(ext_costed, ext);
                    }
                }
                if !any {
                    None
                } else if metric == Metric::Leverage {
                    crate::partnership::Leverage::compute(LeverageDefinition::default(), own, external)
                        .value
                        .and_then(|v| v.to_f64())
                } else {
                    ratio(ext_costed, cost).and_then(percent)
                }
            }
            Metric::InvestmentCapacity => {
                let (mut own, mut external) = (Decimal::ZERO, Decimal::ZERO);
                // the start once it has happened by the period's end, else the approval
                let dated = |p: &&ProjectFacts| {
                    let start = p.started_month.filter(|&m| m <= last);
                    within(start.or(p.approved_month.filter(|&m| m <= last)))
                };
                for p in self.projects.iter().filter(dated) {
                    own = add(own, p.own);
                    external = add(external, self.signed_by(p, last));
                }
                money(add(own, external))
            }
        }
    }

    /// The values of `metric` at each of `periods` (in the same order).
    pub fn series(&self, metric: Metric, periods: &[Period]) -> Vec<Option<f64>> {
        periods.iter().map(|&p| self.value(metric, p)).collect()
    }

    /// External funds of `p` signed by the end of month `last`: per commitment, then summed
    /// (the order of `Commitment::amount` and the project finance).
    fn signed_by(&self, p: &ProjectFacts, last: MonthIndex) -> Decimal {
        let mut external = Decimal::ZERO;
        for range in self.project_commitments.get(p.commitments.clone()).unwrap_or(&[]) {
            let of_commitment = self
                .signed_steps
                .get(range.clone())
                .unwrap_or(&[])
                .iter()
                .filter(|(m, _)| *m <= last)
                .fold(Decimal::ZERO, |acc, (_, a)| add(acc, *a));
            external = add(external, of_commitment);
        }
        external
    }
}
