//! The records swept once into per-month arrays: what the engine reads to fill a derived
//! indicator over the whole history.
//!
//! [`crate::engine::derived::point`] answers one metric at one period with everything a reader needs
//! (the sentence, the ids of the records counted), by calling the `portfolio` and
//! `partnership` analytics; that is right for the period on screen and far too slow for
//! every period of the history (each call walks every record, clones ids, builds maps).
//! [`RecordIndex::new`] sweeps the records once instead, and a value then costs a binary
//! search and a few array reads, so a history costs records + periods, not their product.
//!
//! ## Data flow
//! - **Slots.** The months on which some record falls (stage event, commitment step, partner
//!   joining), ascending, are the slots of every per-month array (`months`): every month of
//!   the records' range when it is not much longer than the records are many, else only the
//!   months that occur, so that a stray date in year 9999 costs one slot, not 95,000. A
//!   period becomes slot ranges by binary search: `upto(last)` = the slots on or before its
//!   last month (a stock is read there), `window(first, last)` = the slots inside it (a flow).
//! - **Counts** (`counts`, one `[usize; COUNTS]` per slot, accumulated: row `c` counts the
//!   records of slots `0..c`): registered files, files that left the caseload (at the later of
//!   their registration and exit), the same two for transversal files, approvals, rejections,
//!   deliveries (with a planned end, on time), dated partners. A flow is the difference of
//!   two rows, a stock one row: the active caseload at month L is #(registered by L) -
//!   #(registered and left by L).
//! - **Amounts** (`Decimal`, never subtracted, so that a partial sum is always the sum of a
//!   subset of the amounts of the answer): `flows` holds the steps of each status per slot (a
//!   period adds its at most 12 slots); `stocks` holds accumulated rows (funds signed; own
//!   funds, planned costs and signed external funds of the projects approved by the month,
//!   a signed step counted from the later of its project's approval and its own month);
//!   `portfolio` is a segment tree over the slots in which each costed project is added to
//!   the nodes covering its active months, so the portfolio value at a month is the sum of
//!   the nodes above its leaf.
//! - **Groups** (records listed by slot, one contiguous slice per period): lead times in
//!   whole days by decision month (sorted per period for their quantiles), each partner's distinct step
//!   months with the one before (a partner is active in a window once, at its first step
//!   month there), projects by start and by approval month (investment capacity, whose
//!   projects are then summed in workspace order with their steps signed by the period's end).
//!
//! The values are the same as [`crate::engine::derived::point`]'s, to the bit: the same records
//! counted, the same rounding, the same conversion to `f64`; `Decimal` sums add the same
//! amounts, grouped by month, which is exact while the sums fit (amounts in money are far
//! from `Decimal`'s 28 digits). `tests/record_index.rs` checks this for every metric over
//! every period of generated workspaces, including records that validation would refuse (a
//! file closed before it was registered, steps of an unknown partner...).
//!
//! Overflow: every sum goes through `add`, which checks it; a stored sum that overflows is
//! `None` (and so is every sum built on it), and the value is then `None`, as
//! `metrics::point` has none for a figure whose sum overflows (never a value saturated at
//! `Decimal::MAX`). Amounts are never subtracted, so a stored partial sum that overflows is
//! part of the answer's sum, which overflows too.

use std::collections::HashMap;
use std::ops::Range;

use rust_decimal::Decimal;
use rust_decimal::prelude::ToPrimitive;

use crate::analytics::partnership::LeverageDefinition;
use crate::analytics::portfolio::{percentile, ratio};
use crate::engine::derived::{money, percent};
use crate::model::commitment::FundingStatus;
use crate::model::indicator::Metric;
use crate::model::period::{Calendar, MonthIndex, Period, month_index_of_date};
use crate::model::project::Stage;
use crate::model::workspace::Workspace;

// The columns of `RecordIndex::counts`.
const REGISTERED: usize = 0;
const LEFT: usize = 1;
const TRANSVERSAL_REGISTERED: usize = 2;
const TRANSVERSAL_LEFT: usize = 3;
const APPROVED: usize = 4;
const REJECTED: usize = 5;
const DELIVERED: usize = 6;
const DELIVERED_PLANNED: usize = 7;
const DELIVERED_ON_TIME: usize = 8;
const JOINED: usize = 9;
const COUNTS: usize = 10;

// The columns of `RecordIndex::stocks`.
const SIGNED: usize = 0;
const APPROVED_OWN: usize = 1;
const APPROVED_COST: usize = 2;
const APPROVED_EXTERNAL: usize = 3;
const APPROVED_EXTERNAL_COSTED: usize = 4;
const STOCKS: usize = 5;

/// Records (a number each: a position, a lead time in days...) listed by slot: those of
/// slots `a..b` are `items[start[a]..start[b]]`, in the order they were given. Not generic,
/// to keep the WebAssembly package small.
#[derive(Debug, Clone, Default)]
struct Groups {
    start: Vec<usize>,
    items: Vec<usize>,
}

impl Groups {
    /// Group `(slot, item)` pairs (slots below `slots`) by a counting sort.
    fn new(slots: usize, pairs: &[(usize, usize)]) -> Groups {
        let mut start = vec![0; slots + 1];
        for &(s, _) in pairs {
            if let Some(n) = start.get_mut(s + 1) {
                *n += 1;
            }
        }
        accumulate_counts(&mut start);
        let mut next = start.clone();
        let mut items = vec![0; pairs.len()];
        for &(s, item) in pairs {
            if let Some(at) = next.get_mut(s) {
                if let Some(place) = items.get_mut(*at) {
                    *place = item;
                }
                *at += 1;
            }
        }
        Groups { start, items }
    }

    /// The items of the slots `window`.
    fn of(&self, window: Range<usize>) -> &[usize] {
        let at = |s: usize| self.start.get(s).copied().unwrap_or(0);
        self.items.get(at(window.start)..at(window.end)).unwrap_or(&[])
    }
}

/// One project, as investment capacity reads it.
#[derive(Debug, Clone)]
struct ProjectFacts {
    /// Own funds, 0 when not recorded.
    own: Decimal,
    /// Slot of the start, if any.
    started: Option<usize>,
    /// Its commitments' signed steps: `commitments[k]` is the range in `signed_steps`.
    commitments: Range<usize>,
}

/// The records of a workspace, swept into per-month arrays for [`RecordIndex::value`].
#[derive(Debug, Clone)]
pub struct RecordIndex {
    calendar: Calendar,
    /// The span the records cover: outside it every metric is missing.
    span: Option<crate::engine::cutoff::RecordsSpan>,
    /// The month of each slot, ascending.
    months: Vec<MonthIndex>,
    /// Accumulated counts: `counts[c]` counts the records of slots `0..c` (columns above).
    counts: Vec<[usize; COUNTS]>,
    /// Partners with no joining date (members in every period).
    undated_partners: usize,
    /// Step amounts per slot, by status (`FundingStatus::ALL` order); `None` where the sum
    /// overflows.
    flows: Vec<[Option<Decimal>; 3]>,
    /// Accumulated amounts: `stocks[c]` sums the slots `0..c` (columns above); `None` from
    /// where the sum overflows.
    stocks: Vec<[Option<Decimal>; STOCKS]>,
    /// Segment tree of planned costs over the slots (leaves at `slots..2 slots`).
    portfolio: Vec<Option<Decimal>>,
    /// Lead times (whole days from registration to decision) by decision slot.
    lead_days: Groups,
    /// Per partner and distinct step slot: 1 + the partner's previous step slot (0: none).
    partner_steps: Groups,
    /// Project positions by start slot and by approval slot.
    by_start: Groups,
    by_approval: Groups,
    projects: Vec<ProjectFacts>,
    /// Per project commitment (in `ProjectFacts::commitments`), the range of its signed steps.
    project_commitments: Vec<Range<usize>>,
    /// Signed steps (month, amount), commitment by commitment, step order kept.
    signed_steps: Vec<(MonthIndex, Decimal)>,
}

// Sums are kept out of line (`inline(never)`), like `metrics::money` and `metrics::percent`:
// inlined at each of the metrics' sums they made this module a large part of the WebAssembly
// package, for no measurable speed.

/// `a + b`, checked: `None` when either is `None` (a sum that overflowed before) or the sum
/// overflows `Decimal`, as `metrics::point` has no value for a figure whose sum overflows
/// (never a value saturated at `Decimal::MAX`).
#[inline(never)]
fn add(a: Option<Decimal>, b: Option<Decimal>) -> Option<Decimal> {
    a?.checked_add(b?)
}

/// `part / whole` in percent, as the analytics round it (`None` for an empty whole).
#[inline(never)]
fn share(part: usize, whole: usize) -> Option<f64> {
    ratio(Decimal::from(part), Decimal::from(whole)).and_then(percent)
}

/// Running totals in place: `v[i]` becomes `v[0] + ... + v[i]`.
fn accumulate_counts(v: &mut [usize]) {
    let mut total = 0usize;
    for x in v {
        total += *x;
        *x = total;
    }
}

/// Add `amount` to `cell` (out of line with `add`: one call site per kind of sum); a cell
/// whose sum overflowed stays `None`.
#[inline(never)]
fn put(cell: Option<&mut Option<Decimal>>, amount: Decimal) {
    if let Some(c) = cell {
        *c = add(*c, Some(amount));
    }
}

/// The months of the slots: the range of `dated` month by month when it is at most twice as
/// long as the dates are many (plus 200 years), else the distinct months.
fn slot_months(dated: &[MonthIndex]) -> Vec<MonthIndex> {
    let (Some(&lo), Some(&hi)) = (dated.iter().min(), dated.iter().max()) else {
        return Vec::new();
    };
    if (hi - lo) as u128 <= 2 * dated.len() as u128 + 2400 {
        return (lo..=hi).collect();
    }
    let mut months = dated.to_vec();
    crate::sort::sort_by(&mut months, Ord::cmp);
    months.dedup();
    months
}

impl RecordIndex {
    /// Sweep the records of `ws` (linear in the records, plus a sort of each partner's step
    /// months).
    pub fn new(ws: &Workspace) -> RecordIndex {
        let calendar = ws.calendar();
        let span = crate::engine::cutoff::records_span(ws);
        let stage_months = ws.projects.iter().flat_map(|p| p.stages.iter().map(|e| e.date));
        let step_months = ws.commitments.iter().flat_map(|c| c.steps.iter().map(|s| s.date));
        let dated: Vec<MonthIndex> = stage_months
            .chain(step_months)
            .chain(ws.partners.iter().filter_map(|p| p.joined))
            .map(month_index_of_date)
            .collect();
        let months = slot_months(&dated);
        drop(dated);
        let k = months.len();
        let slot = |d: chrono::NaiveDate| months.partition_point(|&m| m < month_index_of_date(d));

        let mut counts = vec![[0usize; COUNTS]; k + 1];
        let zero = Some(Decimal::ZERO);
        let mut stocks = vec![[zero; STOCKS]; k + 1];
        let mut flows = vec![[zero; 3]; k];
        let mut portfolio = vec![zero; 2 * k];
        // counts and stocks are filled at row `slot + 1`, then accumulated
        let mut count = |s: usize, column: usize| {
            if let Some(c) = counts.get_mut(s + 1).and_then(|row| row.get_mut(column)) {
                *c += 1;
            }
        };

        // commitments of each project id, in workspace order (as the partnership analytics
        // find them); a project id given twice gets the same commitments twice
        let mut by_project: HashMap<&str, Vec<usize>> = HashMap::new();
        for (i, c) in ws.commitments.iter().enumerate() {
            if let Some(p) = c.project.as_deref() {
                by_project.entry(p).or_default().push(i);
            }
        }
        let mut project_commitments = Vec::new();
        let mut signed_steps = Vec::new();
        let mut projects = Vec::with_capacity(ws.projects.len());
        let (mut lead_days, mut starts, mut approvals) = (Vec::new(), Vec::new(), Vec::new());
        for (i, p) in ws.projects.iter().enumerate() {
            let first = project_commitments.len();
            let first_step = signed_steps.len();
            for &c in by_project.get(p.id.as_str()).map_or(&[][..], Vec::as_slice) {
                let Some(c) = ws.commitments.get(c) else { continue };
                let from = signed_steps.len();
                for s in c.steps.iter().filter(|s| s.status == FundingStatus::Signed) {
                    signed_steps.push((month_index_of_date(s.date), s.amount));
                }
                project_commitments.push(from..signed_steps.len());
            }
            let registered = p.date_of(Stage::Registered);
            let transversal = p.services().len() >= 2;
            if let Some(r) = registered.map(slot) {
                count(r, REGISTERED);
                if transversal {
                    count(r, TRANSVERSAL_REGISTERED);
                }
                // a file closed before it was registered leaves at its registration
                if let Some(x) = p.exit_date().map(slot) {
                    count(r.max(x), LEFT);
                    if transversal {
                        count(r.max(x), TRANSVERSAL_LEFT);
                    }
                }
                // active in the slots r..exit: the nodes covering them hold its cost
                if let Some(cost) = p.planned_cost {
                    let (mut lo, mut hi) = (r + k, p.exit_date().map_or(k, slot) + k);
                    while lo < hi {
                        if lo & 1 == 1 {
                            put(portfolio.get_mut(lo), cost);
                            lo += 1;
                        }
                        if hi & 1 == 1 {
                            hi -= 1;
                            put(portfolio.get_mut(hi), cost);
                        }
                        lo /= 2;
                        hi /= 2;
                    }
                }
            }
            let approved = p.date_of(Stage::Approved).map(slot);
            if let Some(a) = approved {
                count(a, APPROVED);
                approvals.push((a, i));
                let row = stocks.get_mut(a + 1);
                if let Some(row) = row {
                    put(row.get_mut(APPROVED_OWN), p.own_funds.unwrap_or(Decimal::ZERO));
                    if let Some(cost) = p.planned_cost {
                        put(row.get_mut(APPROVED_COST), cost);
                    }
                }
                // a step signed before the approval counts from the approval
                for &(m, amount) in signed_steps.get(first_step..).unwrap_or(&[]) {
                    let s = a.max(months.partition_point(|&x| x < m));
                    if let Some(row) = stocks.get_mut(s + 1) {
                        put(row.get_mut(APPROVED_EXTERNAL), amount);
                        if p.planned_cost.is_some() {
                            put(row.get_mut(APPROVED_EXTERNAL_COSTED), amount);
                        }
                    }
                }
            }
            if let Some(r) = p.date_of(Stage::Rejected).map(slot) {
                count(r, REJECTED);
            }
            if let Some(delivered) = p.actual_end() {
                let d = slot(delivered);
                count(d, DELIVERED);
                if let Some(end) = p.planned_end {
                    count(d, DELIVERED_PLANNED);
                    if delivered <= end {
                        count(d, DELIVERED_ON_TIME);
                    }
                }
            }
            if let Some((_, decided)) = p.decision() {
                if let Some(start) = registered.filter(|&r| r <= decided) {
                    let days = usize::try_from((decided - start).num_days()).unwrap_or(usize::MAX);
                    lead_days.push((slot(decided), days));
                }
            }
            let started = p.date_of(Stage::Started).map(slot);
            if let Some(s) = started {
                starts.push((s, i));
            }
            projects.push(ProjectFacts {
                own: p.own_funds.unwrap_or(Decimal::ZERO),
                started,
                commitments: first..project_commitments.len(),
            });
        }

        for c in &ws.commitments {
            for s in &c.steps {
                let at = slot(s.date);
                if let Some(row) = flows.get_mut(at) {
                    let column = FundingStatus::ALL.iter().position(|&x| x == s.status).unwrap_or(0);
                    put(row.get_mut(column), s.amount);
                }
                if s.status == FundingStatus::Signed {
                    put(stocks.get_mut(at + 1).and_then(|row| row.get_mut(SIGNED)), s.amount);
                }
            }
        }

        // each partner's distinct step slots, with the one before
        let mut slots_of: HashMap<&str, Vec<MonthIndex>> = HashMap::new();
        for c in &ws.commitments {
            slots_of
                .entry(c.partner.as_str())
                .or_default()
                .extend(c.steps.iter().map(|s| slot(s.date) as MonthIndex));
        }
        for v in slots_of.values_mut() {
            crate::sort::sort_by(v, Ord::cmp);
            v.dedup();
        }
        let mut partner_steps = Vec::new();
        let mut undated_partners = 0;
        for p in &ws.partners {
            match p.joined {
                Some(j) => count(slot(j), JOINED),
                None => undated_partners += 1,
            }
            let mut before = 0;
            for &s in slots_of.get(p.id.as_str()).map_or(&[][..], Vec::as_slice) {
                partner_steps.push((s as usize, before));
                before = s as usize + 1;
            }
        }

        for c in 1..counts.len() {
            let previous = counts.get(c - 1).copied().unwrap_or_default();
            if let Some(row) = counts.get_mut(c) {
                for (x, p) in row.iter_mut().zip(previous) {
                    *x += p;
                }
            }
        }
        for c in 1..stocks.len() {
            let previous = stocks.get(c - 1).copied().unwrap_or([zero; STOCKS]);
            if let Some(row) = stocks.get_mut(c) {
                for (x, p) in row.iter_mut().zip(previous) {
                    *x = add(p, *x);
                }
            }
        }
        RecordIndex {
            calendar,
            span,
            counts,
            undated_partners,
            flows,
            stocks,
            portfolio,
            lead_days: Groups::new(k, &lead_days),
            partner_steps: Groups::new(k, &partner_steps),
            by_start: Groups::new(k, &starts),
            by_approval: Groups::new(k, &approvals),
            months,
            projects,
            project_commitments,
            signed_steps,
        }
    }

    /// The slots on or before month `last`: `0..upto(last)`.
    fn upto(&self, last: MonthIndex) -> usize {
        self.months.partition_point(|&m| m <= last)
    }

    /// Column `column` of the counts over the slots `window`.
    fn counted(&self, column: usize, window: Range<usize>) -> usize {
        let at = |c: usize| self.counts.get(c).and_then(|row| row.get(column)).copied().unwrap_or(0);
        at(window.end).saturating_sub(at(window.start))
    }

    /// Column `column` of the accumulated amounts over the slots `0..c` (`None`: the sum
    /// overflows).
    fn stock(&self, column: usize, c: usize) -> Option<Decimal> {
        self.stocks.get(c).and_then(|row| row.get(column)).copied().unwrap_or(Some(Decimal::ZERO))
    }

    /// The value of `metric` at `period`: exactly `metrics::point(ws, metric, period).value`.
    pub fn value(&self, metric: Metric, period: Period) -> Option<f64> {
        if !self.span.is_some_and(|s| s.covers(period.end_date(self.calendar))) {
            return None;
        }
        let last = period.last_month(self.calendar);
        // a stock is read on the last day of the period: a date is on or before it exactly
        // when its month is on or before the last month
        let c = self.upto(last);
        let window = self.months.partition_point(|&m| m < period.first_month(self.calendar))..c;
        let count = |n: usize| Some(n as f64);
        let active =
            |registered, left| self.counted(registered, 0..c).saturating_sub(self.counted(left, 0..c));
        match metric {
            Metric::ActiveCaseload => count(active(REGISTERED, LEFT)),
            Metric::FilesRegistered => count(self.counted(REGISTERED, window)),
            Metric::FilesDecided => {
                count(self.counted(APPROVED, window.clone()) + self.counted(REJECTED, window))
            }
            Metric::MeanInstructionDays | Metric::MedianInstructionDays | Metric::P90InstructionDays => {
                let mut days: Vec<f64> = self.lead_days.of(window).iter().map(|&d| d as f64).collect();
                crate::sort::sort_by(&mut days, f64::total_cmp);
                match metric {
                    Metric::MeanInstructionDays => {
                        (!days.is_empty()).then(|| days.iter().sum::<f64>() / days.len() as f64)
                    }
                    Metric::MedianInstructionDays => percentile(&days, 0.5),
                    _ => percentile(&days, 0.9),
                }
            }
            Metric::Deliveries => count(self.counted(DELIVERED, window)),
            Metric::OnTimeDeliveryRate => share(
                self.counted(DELIVERED_ON_TIME, window.clone()),
                self.counted(DELIVERED_PLANNED, window),
            ),
            Metric::PortfolioValue => {
                // the nodes above the leaf of the last slot on or before `last`
                let mut value = Some(Decimal::ZERO);
                if c > 0 {
                    let mut node = c - 1 + self.months.len();
                    while node > 0 {
                        value = add(value, self.portfolio.get(node).copied().unwrap_or(Some(Decimal::ZERO)));
                        node /= 2;
                    }
                }
                value.and_then(money)
            }
            Metric::TransversalShare => {
                share(active(TRANSVERSAL_REGISTERED, TRANSVERSAL_LEFT), active(REGISTERED, LEFT))
            }
            Metric::PartnerCount => count(self.undated_partners + self.counted(JOINED, 0..c)),
            Metric::NewPartners => count(self.counted(JOINED, window)),
            Metric::ActivePartners => {
                // once per partner: at its first step slot in the window
                let from = window.start;
                count(self.partner_steps.of(window).iter().filter(|&&before| before <= from).count())
            }
            Metric::FundsPledged | Metric::FundsSigned | Metric::FundsReceived => {
                let column = match metric {
                    Metric::FundsPledged => 0,
                    Metric::FundsSigned => 1,
                    _ => 2,
                };
                let flows = self.flows.get(window).unwrap_or(&[]);
                flows
                    .iter()
                    .try_fold(Decimal::ZERO, |acc, row| {
                        add(Some(acc), row.get(column).copied().unwrap_or(None))
                    })
                    .and_then(money)
            }
            Metric::CumulativeFundsSigned => self.stock(SIGNED, c).and_then(money),
            Metric::Leverage | Metric::CofinancingRate => {
                if self.counted(APPROVED, 0..c) == 0 {
                    None
                } else {
                    // no value when any of the four sums overflows, as `metrics::point`
                    let [own, cost, external, costed] =
                        [APPROVED_OWN, APPROVED_COST, APPROVED_EXTERNAL, APPROVED_EXTERNAL_COSTED]
                            .map(|column| self.stock(column, c));
                    let (own, cost, external, costed) = (own?, cost?, external?, costed?);
                    if metric == Metric::Leverage {
                        crate::analytics::partnership::Leverage::compute(
                            LeverageDefinition::default(),
                            own,
                            external,
                        )
                        .value
                        .and_then(|v| v.to_f64())
                    } else {
                        ratio(costed, cost).and_then(percent)
                    }
                }
            }
            Metric::InvestmentCapacity => {
                // the start once it has happened by the period's end, else the approval; the
                // projects are summed in workspace order
                let mut dated = self.by_start.of(window.clone()).to_vec();
                dated.extend(
                    self.by_approval
                        .of(window)
                        .iter()
                        .filter(|&&i| self.projects.get(i).is_some_and(|p| p.started.is_none_or(|s| s >= c))),
                );
                crate::sort::sort_by(&mut dated, Ord::cmp);
                let (mut own, mut external) = (Some(Decimal::ZERO), Some(Decimal::ZERO));
                for p in dated.iter().filter_map(|&i| self.projects.get(i)) {
                    own = add(own, Some(p.own));
                    external = add(external, self.signed_by(p, last));
                }
                add(own, external).and_then(money)
            }
        }
    }

    /// The values of `metric` at each of `periods` (in the same order).
    pub fn series(&self, metric: Metric, periods: &[Period]) -> Vec<Option<f64>> {
        periods.iter().map(|&p| self.value(metric, p)).collect()
    }

    /// External funds of `p` signed by the end of month `last`: per commitment, then summed
    /// (the order of `Commitment::amount` and the project finance).
    fn signed_by(&self, p: &ProjectFacts, last: MonthIndex) -> Option<Decimal> {
        let mut external = Some(Decimal::ZERO);
        for range in self.project_commitments.get(p.commitments.clone()).unwrap_or(&[]) {
            let of_commitment = self
                .signed_steps
                .get(range.clone())
                .unwrap_or(&[])
                .iter()
                .filter(|(m, _)| *m <= last)
                .try_fold(Decimal::ZERO, |acc, (_, a)| add(Some(acc), Some(*a)));
            external = add(external, of_commitment);
        }
        external
    }
}
