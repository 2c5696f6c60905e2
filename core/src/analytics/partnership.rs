//! Partnership analytics: partners, the funds they commit, and what those funds do for the
//! projects (co-financing rate, leverage, investment capacity).
//!
//! Definitions (each result repeats the one it uses where several exist):
//! - **Funds by status** add the dated steps of that status (tranches add up); "as of a date"
//!   counts steps on or before it, "within a period" the steps dated inside it.
//! - **Pledged not yet signed** of a commitment is `pledged - signed` when signed is below
//!   pledged, else 0; **signed not yet received** is `signed - received` likewise. Portfolio
//!   figures add these per-commitment gaps (an over-signed commitment never hides another's gap).
//! - **External funds** of a project are the amounts of its commitments at the chosen
//!   [`FinanceOptions::basis`] status (signed by default); **own funds** are the project's
//!   `own_funds` (missing counts as 0). **Co-financing rate** = external / planned cost.
//! - **Leverage** follows a [`LeverageDefinition`] named in every result (its `formula`):
//!   external / own (the default, FEADER's "1 EUR public = 4 EUR"), (own + external) / own,
//!   or total planned expenditure / own (the projects' planned cost on own funds: what one
//!   euro of the city "carries"). Zero own funds make it undefined, with the reason.
//! - **Populations**: a portfolio figure says which projects it is computed over
//!   ([`Population`]): the co-financing rate over the projects of the scope that have a
//!   planned cost, the leverage over every project of the scope (over those with a planned
//!   cost for the planned-expenditure definition), so that "7 %" and "1 : 4.9" side by side
//!   each name their projects.
//! - **Concentration** rests on each partner's share of the signed funds: the top-N share and
//!   the Herfindahl index `sum(share^2)` with shares as fractions (from 1/n to 1).
//! - **A project's date for investment capacity** is its start, else its approval; its year is
//!   the fiscal year containing that date.
//! - Ratios are `Decimal` rounded to 4 places half away from zero
//!   ([`round_ratio`]); money is never rounded.
//! - **Overflow**: sums are checked, never saturated. A money figure whose sum overflows
//!   `Decimal` (about 7.9e28) is `None` (so are the ratios and gaps resting on it), and the
//!   result's `overflow` field gives the reason ("the sum overflows the largest amount the
//!   library can hold (...)"); a total is never shown as `Decimal::MAX`, a partner never as
//!   100 % of an overflowed total.

use std::collections::{BTreeMap, BTreeSet, HashMap};

use chrono::NaiveDate;
use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};

use crate::analytics::portfolio::{ratio, round_ratio};
use crate::error::{Error, Result};
use crate::model::commitment::{Commitment, FundingKind, FundingStatus};
use crate::model::money::{overflow_note, sum};
use crate::model::partner::PartnerKind;
use crate::model::period::Period;
use crate::model::project::{Project, Stage};
use crate::model::workspace::Workspace;

/// Partner counts of one kind.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize, schemars::JsonSchema)]
pub struct KindCounts {
    /// Members at the end of the period.
    pub total: usize,
    /// Joined during the period.
    pub new: usize,
    /// With a commitment step dated in the period.
    pub active: usize,
}

/// Partners: members, newcomers and active ones in a period.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, schemars::JsonSchema)]
pub struct PartnerCounts {
    /// The period.
    pub period: Period,
    /// Members at the end of the period: joined on or before its last day, or without a
    /// joining date (listed in `undated`).
    pub members: Vec<String>,
    /// Members without a joining date (counted as members in every period).
    pub undated: Vec<String>,
    /// Joined during the period.
    pub new: Vec<String>,
    /// With at least one commitment step dated in the period.
    pub active: Vec<String>,
    /// Members with no commitment step on or before the period's end.
    pub without_commitment: Vec<String>,
    /// The same counts by kind (kinds with no partner are absent).
    pub by_kind: BTreeMap<PartnerKind, KindCounts>,
}

impl PartnerCounts {
    /// No partner counted for `period`: every list and count empty.
    pub fn empty(period: Period) -> PartnerCounts {
        PartnerCounts {
            period,
            members: Vec::new(),
            undated: Vec::new(),
            new: Vec::new(),
            active: Vec::new(),
            without_commitment: Vec::new(),
            by_kind: BTreeMap::new(),
        }
    }
}

/// Partner counts for `period`, in workspace order.
pub fn partner_counts(ws: &Workspace, period: Period) -> PartnerCounts {
    let mut out = PartnerCounts::empty(period);
    for_each_partner(ws, period, |p, r| {
        let k = out.by_kind.entry(p.kind).or_default();
        if r.member {
            k.total += 1;
            out.members.push(p.id.clone());
            if p.joined.is_none() {
                out.undated.push(p.id.clone());
            }
            if r.without_commitment {
                out.without_commitment.push(p.id.clone());
            }
        }
        if r.new {
            k.new += 1;
            out.new.push(p.id.clone());
        }
        if r.active {
            k.active += 1;
            out.active.push(p.id.clone());
        }
    });
    out.by_kind.retain(|_, k| k.total + k.new + k.active > 0);
    out
}

/// One list of [`partner_counts`] alone (the others are not built): what a derived
/// indicator's explanation names. On a workspace of millions of partners each list weighs
/// about as much as the partners' ids.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum PartnerList {
    /// [`PartnerCounts::members`].
    Members,
    /// [`PartnerCounts::new`].
    New,
    /// [`PartnerCounts::active`].
    Active,
}

/// The ids of [`partner_counts`]'s list `which`, in workspace order.
pub(crate) fn partner_list(ws: &Workspace, period: Period, which: PartnerList) -> Vec<String> {
    let mut out = Vec::new();
    for_each_partner(ws, period, |p, r| {
        let listed = match which {
            PartnerList::Members => r.member,
            PartnerList::New => r.new,
            PartnerList::Active => r.active,
        };
        if listed {
            out.push(p.id.clone());
        }
    });
    out
}

/// How many partners [`partner_counts`]'s lists would hold, without building them (what the
/// report shows).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub(crate) struct PartnerTally {
    /// `members.len()`.
    pub members: usize,
}

/// [`partner_counts`]'s numbers alone (see [`PartnerTally`]).
pub(crate) fn partner_tally(ws: &Workspace, period: Period) -> PartnerTally {
    let mut out = PartnerTally::default();
    for_each_partner(ws, period, |_, r| out.members += usize::from(r.member));
    out
}

/// Where one partner stands in a period (see [`PartnerCounts`]).
#[derive(Debug, Clone, Copy)]
struct PartnerRole {
    member: bool,
    new: bool,
    active: bool,
    /// A member with no commitment step on or before the period's end.
    without_commitment: bool,
}

/// Calls `f` with every partner, in workspace order, and its role in `period`: the one
/// reading of the rules behind [`partner_counts`], [`partner_list`] and [`partner_tally`].
fn for_each_partner(
    ws: &Workspace,
    period: Period,
    mut f: impl FnMut(&crate::model::partner::Partner, PartnerRole),
) {
    let cal = ws.calendar();
    let end = period.end_date(cal);
    // committed by the period's end: a commitment whose first step comes later does not count
    let committed: BTreeSet<&str> = ws
        .commitments
        .iter()
        .filter(|c| c.steps.iter().any(|s| s.date <= end))
        .map(|c| c.partner.as_str())
        .collect();
    let active_ids: BTreeSet<&str> = ws
        .commitments
        .iter()
        .filter(|c| c.steps.iter().any(|s| period.contains_date(s.date, cal)))
        .map(|c| c.partner.as_str())
        .collect();
    for p in &ws.partners {
        let member = p.joined.is_none_or(|j| j <= end);
        f(
            p,
            PartnerRole {
                member,
                new: p.joined.is_some_and(|j| period.contains_date(j, cal)),
                active: active_ids.contains(p.id.as_str()),
                without_commitment: member && !committed.contains(p.id.as_str()),
            },
        );
    }
}

/// Amounts at each status; `None` when the sum overflows (see the module doc).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, schemars::JsonSchema)]
pub struct StatusAmounts {
    /// Pledged.
    pub pledged: Option<Decimal>,
    /// Signed.
    pub signed: Option<Decimal>,
    /// Received.
    pub received: Option<Decimal>,
}

impl Default for StatusAmounts {
    /// Zero at every status.
    fn default() -> Self {
        StatusAmounts {
            pledged: Some(Decimal::ZERO),
            signed: Some(Decimal::ZERO),
            received: Some(Decimal::ZERO),
        }
    }
}

impl StatusAmounts {
    /// True when some status's sum overflowed.
    pub fn overflowed(&self) -> bool {
        self.pledged.is_none() || self.signed.is_none() || self.received.is_none()
    }

    /// The amount at `status` (`None`: its sum overflows).
    pub fn get(&self, status: FundingStatus) -> Option<Decimal> {
        match status {
            FundingStatus::Pledged => self.pledged,
            FundingStatus::Signed => self.signed,
            FundingStatus::Received => self.received,
        }
    }

    fn add(&mut self, status: FundingStatus, amount: Option<Decimal>) {
        let slot = match status {
            FundingStatus::Pledged => &mut self.pledged,
            FundingStatus::Signed => &mut self.signed,
            FundingStatus::Received => &mut self.received,
        };
        *slot = sum(*slot, amount);
    }
}

/// Which steps a funds figure counts.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(tag = "kind", content = "value", rename_all = "snake_case")]
pub enum FundsScope {
    /// Every step dated on or before the day (a stock).
    AsOf(NaiveDate),
    /// The steps dated inside the period (a flow).
    Within(Period),
}

/// Funds by status, by kind of support and by kind of partner.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, schemars::JsonSchema)]
pub struct Funds {
    /// Which steps are counted.
    pub scope: FundsScope,
    /// Totals by status.
    pub total: StatusAmounts,
    /// By kind of support (kinds with no step are absent).
    pub by_kind: BTreeMap<FundingKind, StatusAmounts>,
    /// By kind of partner (a commitment whose partner is unknown is under `other`).
    pub by_partner_kind: BTreeMap<PartnerKind, StatusAmounts>,
    /// Commitments with at least one counted step, in workspace order.
    pub commitments: Vec<String>,
    /// Why some amounts are `None` (a sum overflows), when one is.
    pub overflow: Option<String>,
}

/// Funds by status within `scope`.
pub fn funds(ws: &Workspace, scope: FundsScope) -> Funds {
    let cal = ws.calendar();
    let counted = |d: NaiveDate| match scope {
        FundsScope::AsOf(day) => d <= day,
        FundsScope::Within(p) => p.contains_date(d, cal),
    };
    let mut out = Funds {
        scope,
        total: StatusAmounts::default(),
        by_kind: BTreeMap::new(),
        by_partner_kind: BTreeMap::new(),
        commitments: Vec::new(),
        overflow: None,
    };
    let kinds = partner_kinds(ws);
    for c in &ws.commitments {
        let pkind = kinds.get(c.partner.as_str()).copied().unwrap_or(PartnerKind::Other);
        let mut any = false;
        for s in c.steps.iter().filter(|s| counted(s.date)) {
            any = true;
            let a = Some(s.amount);
            out.total.add(s.status, a);
            out.by_kind.entry(c.kind).or_default().add(s.status, a);
            out.by_partner_kind.entry(pkind).or_default().add(s.status, a);
        }
        if any {
            out.commitments.push(c.id.clone());
        }
    }
    let split = out.by_kind.values().chain(out.by_partner_kind.values());
    out.overflow = overflow_note(out.total.overflowed() || split.into_iter().any(StatusAmounts::overflowed));
    out
}

/// The kind of each partner by id (the first partner of an id, as a search in workspace
/// order would find), built once per call: a search per commitment is quadratic (seconds for
/// 300,000 commitments and 20,000 partners).
fn partner_kinds(ws: &Workspace) -> HashMap<&str, PartnerKind> {
    let mut kinds = HashMap::with_capacity(ws.partners.len());
    for p in &ws.partners {
        kinds.entry(p.id.as_str()).or_insert(p.kind);
    }
    kinds
}

/// What one commitment still owes.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, schemars::JsonSchema)]
pub struct CommitmentGap {
    /// Commitment id.
    pub commitment: String,
    /// Partner id.
    pub partner: String,
    /// Amounts by status as of the date.
    pub amounts: StatusAmounts,
    /// `pledged - signed` when signed is below pledged, else 0 (`None`: an amount overflows).
    pub pledged_not_signed: Option<Decimal>,
    /// `signed - received` when received is below signed, else 0 (`None`: an amount overflows).
    pub signed_not_received: Option<Decimal>,
}

/// Funds still to come as of a date.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, schemars::JsonSchema)]
pub struct Outstanding {
    /// The date.
    pub as_of: NaiveDate,
    /// Sum of the per-commitment `pledged_not_signed` (`None`: a gap or the sum overflows).
    pub pledged_not_signed: Option<Decimal>,
    /// Sum of the per-commitment `signed_not_received` (`None`: a gap or the sum overflows).
    pub signed_not_received: Option<Decimal>,
    /// The commitments with a gap (or an overflowing amount), in workspace order.
    pub commitments: Vec<CommitmentGap>,
    /// Why some amounts are `None` (a sum overflows), when one is.
    pub overflow: Option<String>,
}

/// `hi - lo` when `lo` is below `hi`, else 0; `None` when either is unknown (overflowed) or
/// the difference overflows.
fn gap(hi: Option<Decimal>, lo: Option<Decimal>) -> Option<Decimal> {
    let (hi, lo) = (hi?, lo?);
    if lo < hi { hi.checked_sub(lo) } else { Some(Decimal::ZERO) }
}

/// Pledged-but-not-signed and signed-but-not-received as of `as_of`, per commitment and in total.
pub fn outstanding(ws: &Workspace, as_of: NaiveDate) -> Outstanding {
    let mut out = Outstanding {
        as_of,
        pledged_not_signed: Some(Decimal::ZERO),
        signed_not_received: Some(Decimal::ZERO),
        commitments: Vec::new(),
        overflow: None,
    };
    let mut overflowed = false;
    for c in &ws.commitments {
        let amounts = amounts_of(c, Some(as_of));
        let pns = gap(amounts.pledged, amounts.signed);
        let snr = gap(amounts.signed, amounts.received);
        if pns == Some(Decimal::ZERO) && snr == Some(Decimal::ZERO) {
            continue;
        }
        overflowed |= amounts.overflowed() || pns.is_none() || snr.is_none();
        out.pledged_not_signed = sum(out.pledged_not_signed, pns);
        out.signed_not_received = sum(out.signed_not_received, snr);
        out.commitments.push(CommitmentGap {
            commitment: c.id.clone(),
            partner: c.partner.clone(),
            amounts,
            pledged_not_signed: pns,
            signed_not_received: snr,
        });
    }
    out.overflow =
        overflow_note(overflowed || out.pledged_not_signed.is_none() || out.signed_not_received.is_none());
    out
}

fn amounts_of(c: &Commitment, as_of: Option<NaiveDate>) -> StatusAmounts {
    StatusAmounts {
        pledged: c.amount(FundingStatus::Pledged, as_of),
        signed: c.amount(FundingStatus::Signed, as_of),
        received: c.amount(FundingStatus::Received, as_of),
    }
}

/// How leverage is defined; every leverage result names the one it used.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum LeverageDefinition {
    /// External funds / own funds (FEADER's "1 EUR public = 4 EUR"): the default.
    #[default]
    ExternalOverOwn,
    /// (Own + external funds) / own funds: the funds raised in total per euro of own funds.
    TotalOverOwn,
    /// Total planned expenditure (the projects' planned cost) / own funds: the investment one
    /// euro of own funds carries, whatever the co-financing signed so far. Only projects with
    /// a planned cost count (own funds of the same projects).
    PlannedCostOverOwn,
}

impl LeverageDefinition {
    /// The formula, in English words ([`LeverageDefinition::formula_in`] in a language).
    pub fn formula(self) -> &'static str {
        match self {
            LeverageDefinition::ExternalOverOwn => "external funds / own funds",
            LeverageDefinition::TotalOverOwn => "(own + external funds) / own funds",
            LeverageDefinition::PlannedCostOverOwn => "total planned expenditure / own funds",
        }
    }

    /// The formula in a language's words.
    pub fn formula_in(self, locale: crate::locale::Locale) -> &'static str {
        let k = match self {
            LeverageDefinition::ExternalOverOwn => 0,
            LeverageDefinition::TotalOverOwn => 1,
            LeverageDefinition::PlannedCostOverOwn => 2,
        };
        locale.words().leverage_formulas[k]
    }

    /// Every definition, the default first.
    pub const ALL: [LeverageDefinition; 3] = [
        LeverageDefinition::ExternalOverOwn,
        LeverageDefinition::TotalOverOwn,
        LeverageDefinition::PlannedCostOverOwn,
    ];

    /// The snake_case name used in options (`external_over_own`...).
    pub fn as_str(self) -> &'static str {
        match self {
            LeverageDefinition::ExternalOverOwn => "external_over_own",
            LeverageDefinition::TotalOverOwn => "total_over_own",
            LeverageDefinition::PlannedCostOverOwn => "planned_cost_over_own",
        }
    }
}

impl std::str::FromStr for LeverageDefinition {
    type Err = String;

    /// Parse the snake_case name; the error lists the accepted names.
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        LeverageDefinition::ALL.into_iter().find(|d| d.as_str() == s).ok_or_else(|| {
            let names: Vec<&str> = LeverageDefinition::ALL.iter().map(|d| d.as_str()).collect();
            format!("unknown leverage definition {s:?}: expected one of {}", names.join(", "))
        })
    }
}

/// Options of the project-finance figures; a field missing when read takes its
/// [`Default`] value.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(default, deny_unknown_fields)]
pub struct FinanceOptions {
    /// The commitment status that counts as external funds (signed by default).
    pub basis: FundingStatus,
    /// Count commitment steps dated on or before this day only (`None`: every step).
    pub as_of: Option<NaiveDate>,
    /// The leverage definition.
    pub leverage: LeverageDefinition,
}

impl Default for FinanceOptions {
    fn default() -> Self {
        FinanceOptions { basis: FundingStatus::Signed, as_of: None, leverage: LeverageDefinition::default() }
    }
}

/// [`FinanceOptions`] as a caller gives them, but for the day (given apart): every field
/// optional (left out: the value of [`FinanceOptions::default`]).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct FinanceArgs {
    /// The commitment status counted as external funds.
    pub basis: Option<FundingStatus>,
    /// The leverage definition.
    pub leverage: Option<LeverageDefinition>,
}

impl FinanceArgs {
    /// The options, defaults filled in, counting the steps up to `as_of`.
    pub fn options(self, as_of: Option<NaiveDate>) -> FinanceOptions {
        let d = FinanceOptions::default();
        FinanceOptions {
            basis: self.basis.unwrap_or(d.basis),
            as_of,
            leverage: self.leverage.unwrap_or(d.leverage),
        }
    }
}

/// A leverage figure, with its definition and, when undefined, why.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, schemars::JsonSchema)]
pub struct Leverage {
    /// The definition used.
    pub definition: LeverageDefinition,
    /// The formula in words (repeats the definition for readers of the JSON).
    pub formula: String,
    /// Own funds (`None`: their sum overflows).
    pub own: Option<Decimal>,
    /// External funds (`None`: their sum overflows).
    pub external: Option<Decimal>,
    /// Total planned expenditure (planned cost) of the same projects, when known: the
    /// numerator of [`LeverageDefinition::PlannedCostOverOwn`].
    pub planned_cost: Option<Decimal>,
    /// The ratio rounded to 4 places; `None` when undefined.
    pub value: Option<Decimal>,
    /// Why the value is missing (zero own funds, an overflowing sum), when it is, as a code
    /// (worded by [`LeverageUndefined::text`]).
    pub undefined_reason: Option<LeverageUndefined>,
}

/// Why a leverage has no value. Serialised as its snake_case name.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum LeverageUndefined {
    /// The planned-expenditure definition without a planned cost for every project.
    NoPlannedCost,
    /// A sum overflows the largest amount the library can hold.
    Overflow,
    /// Own funds are 0: nothing to divide by.
    ZeroOwnFunds,
    /// The amounts are too large to divide.
    TooLargeToDivide,
}

impl LeverageUndefined {
    /// The reason in a language.
    pub fn text(self, locale: crate::locale::Locale) -> &'static str {
        let k = match self {
            LeverageUndefined::NoPlannedCost => 0,
            LeverageUndefined::Overflow => 1,
            LeverageUndefined::ZeroOwnFunds => 2,
            LeverageUndefined::TooLargeToDivide => 3,
        };
        locale.words().report.leverage_undefined[k]
    }
}

impl Leverage {
    /// Leverage of `external` on `own` under `definition`, without a planned cost (the
    /// planned-expenditure definition is then undefined, with the reason).
    pub fn compute(definition: LeverageDefinition, own: Decimal, external: Decimal) -> Leverage {
        Leverage::compute_with_cost(definition, own, external, None)
    }

    /// Leverage under `definition` of funds whose projects have the total planned cost
    /// `planned_cost` (`None` when unknown).
    pub fn compute_with_cost(
        definition: LeverageDefinition,
        own: Decimal,
        external: Decimal,
        planned_cost: Option<Decimal>,
    ) -> Leverage {
        Leverage::of_sums(
            definition,
            Some(own),
            Some(external),
            planned_cost.ok_or(LeverageUndefined::NoPlannedCost),
        )
    }

    /// Leverage of summed funds: `own` or `external` is `None` when its sum overflowed,
    /// `planned_cost` is the reason it cannot be given when it cannot.
    fn of_sums(
        definition: LeverageDefinition,
        own: Option<Decimal>,
        external: Option<Decimal>,
        planned_cost: Result<Decimal, LeverageUndefined>,
    ) -> Leverage {
        let numerator = match definition {
            LeverageDefinition::ExternalOverOwn => external.ok_or(LeverageUndefined::Overflow),
            LeverageDefinition::TotalOverOwn => sum(own, external).ok_or(LeverageUndefined::Overflow),
            LeverageDefinition::PlannedCostOverOwn => planned_cost,
        };
        let (value, undefined_reason) = match (numerator, own) {
            (Err(why), _) => (None, Some(why)),
            (Ok(_), None) => (None, Some(LeverageUndefined::Overflow)),
            (Ok(_), Some(own)) if own.is_zero() => (None, Some(LeverageUndefined::ZeroOwnFunds)),
            (Ok(n), Some(own)) => match n.checked_div(own) {
                Some(v) => (Some(round_ratio(v)), None),
                None => (None, Some(LeverageUndefined::TooLargeToDivide)),
            },
        };
        Leverage {
            definition,
            formula: definition.formula().to_string(),
            own,
            external,
            planned_cost: planned_cost.ok(),
            value,
            undefined_reason,
        }
    }

    /// The numerator of the ratio under its definition (`None` when it cannot be formed).
    pub fn numerator(&self) -> Option<Decimal> {
        match self.definition {
            LeverageDefinition::ExternalOverOwn => self.external,
            LeverageDefinition::TotalOverOwn => sum(self.own, self.external),
            LeverageDefinition::PlannedCostOverOwn => self.planned_cost,
        }
    }
}

/// Finance of one project: own and external funds, co-financing rate, leverage.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, schemars::JsonSchema)]
pub struct ProjectFinance {
    /// Project id.
    pub project: String,
    /// Planned total cost.
    pub planned_cost: Option<Decimal>,
    /// Own funds (0 when not recorded).
    pub own: Decimal,
    /// External funds at the basis status, by status for reference.
    pub external: StatusAmounts,
    /// The status counted as external.
    pub basis: FundingStatus,
    /// External (at basis) / planned cost, rounded; `None` without a positive planned cost.
    pub cofinancing_rate: Option<Decimal>,
    /// Leverage.
    pub leverage: Leverage,
    /// The project's commitments, in workspace order.
    pub commitments: Vec<String>,
    /// Why some amounts are `None` (a sum overflows), when one is.
    pub overflow: Option<String>,
}

/// The commitments of each project, in workspace order: built once per call that finances
/// many projects, so that financing them is linear in projects + commitments (scanning every
/// commitment for each project is quadratic: minutes for 100,000 projects and 300,000
/// commitments).
fn commitments_by_project(ws: &Workspace) -> HashMap<&str, Vec<&Commitment>> {
    let mut index: HashMap<&str, Vec<&Commitment>> = HashMap::new();
    for c in &ws.commitments {
        if let Some(p) = c.project.as_deref() {
            index.entry(p).or_default().push(c);
        }
    }
    index
}

fn project_finance_of(ws: &Workspace, p: &Project, options: FinanceOptions) -> ProjectFinance {
    let own: Vec<&Commitment> =
        ws.commitments.iter().filter(|c| c.project.as_deref() == Some(p.id.as_str())).collect();
    project_finance_with(p, &own, options)
}

/// Finance of `p` from its commitments (in workspace order).
fn project_finance_with(p: &Project, of_project: &[&Commitment], options: FinanceOptions) -> ProjectFinance {
    let mut external = StatusAmounts::default();
    let mut commitments = Vec::new();
    for c in of_project.iter().copied() {
        let a = amounts_of(c, options.as_of);
        external.add(FundingStatus::Pledged, a.pledged);
        external.add(FundingStatus::Signed, a.signed);
        external.add(FundingStatus::Received, a.received);
        commitments.push(c.id.clone());
    }
    let own = p.own_funds.unwrap_or(Decimal::ZERO);
    let ext = external.get(options.basis);
    ProjectFinance {
        project: p.id.clone(),
        planned_cost: p.planned_cost,
        own,
        external,
        basis: options.basis,
        cofinancing_rate: p.planned_cost.zip(ext).and_then(|(cost, ext)| ratio(ext, cost)),
        leverage: Leverage::of_sums(
            options.leverage,
            Some(own),
            ext,
            p.planned_cost.ok_or(LeverageUndefined::NoPlannedCost),
        ),
        commitments,
        overflow: overflow_note(external.overflowed()),
    }
}

/// Finance of the project `id` ([`Error::NotFound`] when there is no such project).
pub fn project_finance(ws: &Workspace, id: &str, options: FinanceOptions) -> Result<ProjectFinance> {
    let project = ws.projects.iter().find(|p| p.id == id);
    let project = project.ok_or_else(|| Error::NotFound { what: "project", id: id.to_string() })?;
    Ok(project_finance_of(ws, project, options))
}

/// Which projects a portfolio finance figure covers.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(tag = "kind", content = "value", rename_all = "snake_case")]
pub enum ProjectScope {
    /// Every project.
    All,
    /// Projects approved on or before the day (cumulative: "overall to date").
    ApprovedBy(NaiveDate),
    /// Projects approved inside the period ("per period").
    ApprovedIn(Period),
}

/// The projects a portfolio figure is computed over.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, schemars::JsonSchema)]
pub struct Population {
    /// How many projects the figure covers.
    pub count: usize,
    /// True when only the projects of the scope with a planned cost count.
    pub with_planned_cost: bool,
    /// Which ones, in words ("45 projects approved by 2025-12-31, with a planned cost").
    pub description: String,
    /// Projects of the scope left out of this figure (no planned cost), in workspace order.
    pub left_out: Vec<String>,
}

/// Co-financing and leverage of a set of projects: sums first, then one division. The two
/// figures may rest on different projects (the rate needs a planned cost): each names its
/// population.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, schemars::JsonSchema)]
pub struct PortfolioFinance {
    /// The projects covered.
    pub scope: ProjectScope,
    /// Options used.
    pub options: FinanceOptions,
    /// Sum of planned costs of the covered projects that have one (`None`: it overflows).
    pub planned_cost: Option<Decimal>,
    /// Sum of own funds (`None`: it overflows).
    pub own: Option<Decimal>,
    /// Sum of external funds at the basis status (`None`: it overflows).
    pub external: Option<Decimal>,
    /// External funds of the projects with a planned cost: the numerator of the rate
    /// (`None`: it overflows).
    pub cofinanced_external: Option<Decimal>,
    /// `cofinanced_external / planned_cost`, over the projects with a planned cost, rounded;
    /// `None` when their planned cost is 0 or either sum overflows.
    pub cofinancing_rate: Option<Decimal>,
    /// The projects the co-financing rate covers: those of the scope with a planned cost.
    pub cofinancing_population: Population,
    /// Leverage of the summed funds (its `own` and `external` are those of its population).
    pub leverage: Leverage,
    /// The projects the leverage covers: every project of the scope, or those with a planned
    /// cost for [`LeverageDefinition::PlannedCostOverOwn`].
    pub leverage_population: Population,
    /// Each project covered, in workspace order.
    pub projects: Vec<ProjectFinance>,
    /// Why some amounts are `None` (a sum overflows), when one is.
    pub overflow: Option<String>,
}

fn in_scope(ws: &Workspace, p: &Project, scope: ProjectScope) -> bool {
    let cal = ws.calendar();
    match scope {
        ProjectScope::All => true,
        ProjectScope::ApprovedBy(d) => p.date_of(Stage::Approved).is_some_and(|a| a <= d),
        ProjectScope::ApprovedIn(per) => {
            p.date_of(Stage::Approved).is_some_and(|a| per.contains_date(a, cal))
        }
    }
}

/// "45 projects approved by 2025-12-31" (with " with a planned cost" when `costed`).
fn population(scope: ProjectScope, count: usize, costed: bool, left_out: Vec<String>) -> Population {
    let noun = if count == 1 { "project" } else { "projects" };
    let which = match scope {
        ProjectScope::All => format!("{count} {noun} (all)"),
        ProjectScope::ApprovedBy(d) => format!("{count} {noun} approved by {d}"),
        ProjectScope::ApprovedIn(p) => format!("{count} {noun} approved in {p}"),
    };
    let description = if costed { format!("{which}, with a planned cost") } else { which };
    Population { count, with_planned_cost: costed, description, left_out }
}

/// Co-financing rate and leverage of the projects in `scope`.
pub fn portfolio_finance(ws: &Workspace, scope: ProjectScope, options: FinanceOptions) -> PortfolioFinance {
    let index = commitments_by_project(ws);
    let projects: Vec<ProjectFinance> = ws
        .projects
        .iter()
        .filter(|p| in_scope(ws, p, scope))
        .map(|p| project_finance_with(p, index.get(p.id.as_str()).map_or(&[], Vec::as_slice), options))
        .collect();
    let zero = Some(Decimal::ZERO);
    let (mut cost, mut own, mut external) = (zero, zero, zero);
    let (mut own_costed, mut ext_costed) = (zero, zero);
    let mut without_cost = Vec::new();
    let mut overflowed = false;
    for pf in &projects {
        let ext = pf.external.get(options.basis);
        overflowed |= pf.overflow.is_some();
        own = sum(own, Some(pf.own));
        external = sum(external, ext);
        if let Some(c) = pf.planned_cost {
            cost = sum(cost, Some(c));
            own_costed = sum(own_costed, Some(pf.own));
            ext_costed = sum(ext_costed, ext);
        } else {
            without_cost.push(pf.project.clone());
        }
    }
    let costed = projects.len() - without_cost.len();
    let (leverage, leverage_population) = match options.leverage {
        LeverageDefinition::PlannedCostOverOwn => (
            Leverage::of_sums(
                options.leverage,
                own_costed,
                ext_costed,
                cost.ok_or(LeverageUndefined::Overflow),
            ),
            population(scope, costed, true, without_cost.clone()),
        ),
        _ => (
            // The planned cost is that of the same projects only when every one has one.
            Leverage::of_sums(
                options.leverage,
                own,
                external,
                if without_cost.is_empty() {
                    cost.ok_or(LeverageUndefined::Overflow)
                } else {
                    Err(LeverageUndefined::NoPlannedCost)
                },
            ),
            population(scope, projects.len(), false, Vec::new()),
        ),
    };
    let sums = [cost, own, external, own_costed, ext_costed];
    PortfolioFinance {
        scope,
        options,
        planned_cost: cost,
        own,
        external,
        cofinanced_external: ext_costed,
        cofinancing_rate: ext_costed.zip(cost).and_then(|(e, c)| ratio(e, c)),
        cofinancing_population: population(scope, costed, true, without_cost),
        leverage,
        leverage_population,
        projects,
        overflow: overflow_note(overflowed || sums.iter().any(Option::is_none)),
    }
}

/// One partner's share of the signed funds.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, schemars::JsonSchema)]
pub struct PartnerShare {
    /// Partner id.
    pub partner: String,
    /// Signed funds (`None`: their sum overflows).
    pub amount: Option<Decimal>,
    /// amount / total, rounded (`None`: the amount or the total overflows).
    pub share: Option<Decimal>,
}

/// How concentrated the signed funds are on few partners.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, schemars::JsonSchema)]
pub struct Concentration {
    /// Steps on or before this day (`None`: every step).
    pub as_of: Option<NaiveDate>,
    /// Total signed funds (`None`: the sum overflows).
    pub total: Option<Decimal>,
    /// Partners with signed funds, largest first (ties by id; an overflowing amount, larger
    /// than any amount, first).
    pub partners: Vec<PartnerShare>,
    /// N of the top-N share.
    pub top_n: usize,
    /// Share of the N largest partners (fraction, rounded); `None` when nothing is signed or
    /// a sum overflows.
    pub top_share: Option<Decimal>,
    /// Herfindahl index: sum of squared shares (fractions), from unrounded shares, rounded.
    pub herfindahl: Option<Decimal>,
    /// Why the figures are `None` (a sum overflows), when they are.
    pub overflow: Option<String>,
}

/// Concentration of signed funds: top-`top_n` share and Herfindahl index.
pub fn concentration(ws: &Workspace, top_n: usize, as_of: Option<NaiveDate>) -> Concentration {
    let mut by_partner: BTreeMap<&str, Option<Decimal>> = BTreeMap::new();
    for c in &ws.commitments {
        let a = c.amount(FundingStatus::Signed, as_of);
        // an overflowing amount (`None`) is unknown, not nothing: it counts
        if a.is_none_or(|a| a > Decimal::ZERO) {
            let e = by_partner.entry(c.partner.as_str()).or_insert(Some(Decimal::ZERO));
            *e = sum(*e, a);
        }
    }
    let total = by_partner.values().try_fold(Decimal::ZERO, |t, a| t.checked_add((*a)?));
    let mut list: Vec<(&str, Option<Decimal>)> = by_partner.into_iter().collect();
    // largest first, an overflowing amount (`None`) before every amount
    let key = |a: Option<Decimal>| a.map_or((1, Decimal::ZERO), |a| (0, a));
    crate::sort::sort_by(&mut list, |x, y| key(y.1).cmp(&key(x.1)).then_with(|| x.0.cmp(y.0)));
    let (top_share, herfindahl) = match total {
        Some(total) if !total.is_zero() => {
            let top = list.iter().take(top_n).try_fold(Decimal::ZERO, |t, (_, a)| t.checked_add((*a)?));
            let hhi = list.iter().try_fold(Decimal::ZERO, |h, (_, a)| {
                let s = a.as_ref()?.checked_div(total)?;
                h.checked_add(s.checked_mul(s)?)
            });
            (top.and_then(|top| ratio(top, total)), hhi.map(round_ratio))
        }
        _ => (None, None),
    };
    Concentration {
        as_of,
        partners: list
            .into_iter()
            .map(|(p, a)| PartnerShare {
                partner: p.to_string(),
                amount: a,
                share: a.zip(total).and_then(|(a, t)| ratio(a, t)),
            })
            .collect(),
        overflow: overflow_note(total.is_none()),
        total,
        top_n,
        top_share,
        herfindahl,
    }
}

/// The date that places a project in a period for investment capacity, as known on
/// `known_on`: its start when it has started by then, else its approval when approved by
/// then (`None` otherwise). Read on a later day, a project approved in one year and started
/// in the next moves to the year of its start: what was known then is what is counted.
pub fn project_date(p: &Project, known_on: NaiveDate) -> Option<NaiveDate> {
    let by = |d: Option<NaiveDate>| d.filter(|d| *d <= known_on);
    by(p.date_of(Stage::Started)).or_else(|| by(p.date_of(Stage::Approved)))
}

/// Investment carried in a period: own plus external funds of the projects dated in it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, schemars::JsonSchema)]
pub struct InvestmentCapacity {
    /// The period (usually a fiscal year).
    pub period: Period,
    /// The last day counted, and the day the figure is known on: the period's end, or an
    /// earlier day for a year-to-date figure.
    pub through: NaiveDate,
    /// The status counted as external funds.
    pub basis: FundingStatus,
    /// Sum of own funds (`None`: it overflows).
    pub own: Option<Decimal>,
    /// Sum of external funds (`None`: it overflows).
    pub external: Option<Decimal>,
    /// own + external (`None`: it overflows).
    pub total: Option<Decimal>,
    /// Projects whose [`project_date`] falls in the period, in workspace order.
    pub projects: Vec<String>,
    /// Why the figures are `None` (a sum overflows), when they are.
    pub overflow: Option<String>,
}

/// Investment capacity of `period`, as it stood at the end of the period, or at
/// `options.as_of` when that is earlier (the period to date): own plus external funds (at
/// `options.basis`, steps dated by then) of the projects whose [`project_date`] known then
/// falls in the period up to that day.
pub fn investment_capacity(ws: &Workspace, period: Period, options: FinanceOptions) -> InvestmentCapacity {
    let cal = ws.calendar();
    let end = period.end_date(cal);
    let through = options.as_of.map_or(end, |d| d.min(end));
    let options = FinanceOptions { as_of: Some(through), ..options };
    let mut out = InvestmentCapacity {
        period,
        through,
        basis: options.basis,
        own: Some(Decimal::ZERO),
        external: Some(Decimal::ZERO),
        total: Some(Decimal::ZERO),
        projects: Vec::new(),
        overflow: None,
    };
    let index = commitments_by_project(ws);
    for p in &ws.projects {
        if !project_date(p, through).is_some_and(|d| period.contains_date(d, cal)) {
            continue;
        }
        let pf = project_finance_with(p, index.get(p.id.as_str()).map_or(&[], Vec::as_slice), options);
        out.own = sum(out.own, Some(pf.own));
        out.external = sum(out.external, pf.external.get(options.basis));
        out.projects.push(p.id.clone());
    }
    out.total = sum(out.own, out.external);
    out.overflow = overflow_note(out.total.is_none());
    out
}

/// Investment capacity of two periods compared: later / earlier (2 means "multiplied by 2").
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, schemars::JsonSchema)]
pub struct CapacityComparison {
    /// The earlier period.
    pub earlier: InvestmentCapacity,
    /// The later period.
    pub later: InvestmentCapacity,
    /// later total / earlier total, rounded; `None` when the earlier total is 0 or either
    /// total overflows.
    pub ratio: Option<Decimal>,
    /// Why there is no ratio, when there is none, as a code (worded by
    /// [`crate::locale::ReportWords::no_ratio`]).
    pub note: Option<NoRatio>,
}

/// Why a capacity comparison has no ratio. Serialised with a `code` tag in snake_case:
/// `{"code": "no_investment", "period": "2023"}`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(tag = "code", rename_all = "snake_case")]
pub enum NoRatio {
    /// A total overflows the largest amount the library can hold.
    Overflow,
    /// Nothing was invested in the earlier period.
    NoInvestment {
        /// The earlier period.
        period: Period,
    },
    /// Nothing was invested in the earlier period up to the same day as the later one.
    NoInvestmentUpTo {
        /// The earlier period.
        period: Period,
        /// The day it is counted up to.
        through: NaiveDate,
    },
}

impl NoRatio {
    /// The reason in a language.
    pub fn text(self, locale: crate::locale::Locale) -> String {
        // the explanations' spellings of periods and dates (the files' in English)
        let (w, f) = (&locale.words().report, &locale.words().explain.format);
        match self {
            NoRatio::Overflow => w.no_ratio[0].to_string(),
            NoRatio::NoInvestment { period } => crate::locale::fill(w.no_ratio[1], &[&f.period(period)]),
            NoRatio::NoInvestmentUpTo { period, through } => {
                crate::locale::fill(w.no_ratio[2], &[&f.period(period), &f.date(through)])
            }
        }
    }
}

/// Compare the investment capacity of `earlier` and `later`, each as it stood at its end;
/// when `options.as_of` falls inside `later`, `later` up to that day against the same span
/// of `earlier` ([`Period::same_day_as`]), never a year in progress against a whole year.
pub fn compare_capacity(
    ws: &Workspace,
    earlier: Period,
    later: Period,
    options: FinanceOptions,
) -> CapacityComparison {
    let cal = ws.calendar();
    let l = investment_capacity(ws, later, options);
    let e_through = earlier.same_day_as(l.through, later, cal);
    let e = investment_capacity(ws, earlier, FinanceOptions { as_of: Some(e_through), ..options });
    let r = l.total.zip(e.total).and_then(|(l, e)| ratio(l, e));
    let note = r.is_none().then(|| {
        if l.total.is_none() || e.total.is_none() {
            NoRatio::Overflow
        } else if e_through < earlier.end_date(cal) {
            NoRatio::NoInvestmentUpTo { period: earlier, through: e_through }
        } else {
            NoRatio::NoInvestment { period: earlier }
        }
    });
    CapacityComparison { earlier: e, later: l, ratio: r, note }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The lists built alone and the count say what `partner_counts` says, every quarter of
    /// the sample city (partners joining, committing and not).
    #[test]
    fn the_single_lists_and_the_tally_agree_with_partner_counts() {
        let ws = crate::sample::city();
        for year in 2018..=2026 {
            for q in 1..=4 {
                let period = Period::Quarter { year, quarter: q };
                let c = partner_counts(&ws, period);
                assert_eq!(partner_list(&ws, period, PartnerList::Members), c.members);
                assert_eq!(partner_list(&ws, period, PartnerList::New), c.new);
                assert_eq!(partner_list(&ws, period, PartnerList::Active), c.active);
                assert_eq!(partner_tally(&ws, period).members, c.members.len());
            }
        }
    }
}
