//! The headline figures of a reporting period — the numbers the city reports (active
//! caseload, instruction time and its ratio to an earlier period, funds raised, leverage,
//! partners, investment capacity), gathered in one result from the `portfolio` and
//! `partnership` modules so that the main job, the notebook, the widget and the report show
//! the same numbers.
//!
//! Stocks are taken on the last day of the period; flows (decisions, new partners) within it.
//! The comparison period defaults to the period of the same kind in the earliest year that
//! has decided files by the period's end (for `2025-Q4`, `2019-Q4` if the first decision is
//! in 2019) — the city's "divided by 4" compares its first year with its last.
//!
//! **No look-ahead.** Every figure for a period depends only on what is dated on or before
//! its last day: the file cut at that day ([`crate::engine::cutoff::cut_at`]) gives the same
//! headline, and a property test checks it.
//!
//! **Year-to-date comparisons.** The "by year" comparisons (lead times and investment
//! capacity) compare the fiscal year of the period *up to the period's last day* with the
//! same span of the comparison year: for `2025-Q2`, 1 January to 30 June 2025 against
//! 1 January to 30 June 2019. At the end of a year (`2025-Q4`, `2025`) that is the whole
//! year against the whole year. Each year's investment capacity is taken as it stood on the
//! last day of its span (funds signed by then, projects dated by their start when started by
//! then, else their approval).

use chrono::NaiveDate;
use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};

use crate::analytics::partnership::{
    self, CapacityComparison, Concentration, FinanceOptions, Funds, FundsScope, LeverageDefinition,
    Outstanding, PartnerCounts, PortfolioFinance, ProjectScope,
};
use crate::analytics::portfolio::{
    self, CaseloadOptions, LeadTimeComparison, LeadTimeOptions, Transversality,
};
use crate::error::{Error, Result};
use crate::model::period::{Frequency, Period};
use crate::model::workspace::Workspace;

/// What to compute the headline figures for. Every field is optional when read (serde
/// default): a missing one takes its value from [`HeadlineOptions::default`], the one place
/// the defaults live (the bindings fill in nothing themselves).
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(default, deny_unknown_fields)]
pub struct HeadlineOptions {
    /// The period lead times, capacity and partner flows are compared against (default: see
    /// the module doc).
    pub compare_with: Option<Period>,
    /// How many partners the top list and its share cover.
    pub top_partners: usize,
    /// The leverage definition.
    pub leverage: LeverageDefinition,
    /// Lead-time start and stop events.
    pub lead_time: LeadTimeOptions,
    /// Which files count in the active caseload and the portfolio value (default: rejected
    /// and delivered files count until closed).
    #[serde(default)]
    pub caseload: CaseloadOptions,
}

impl Default for HeadlineOptions {
    fn default() -> Self {
        HeadlineOptions {
            compare_with: None,
            top_partners: 5,
            leverage: LeverageDefinition::default(),
            lead_time: LeadTimeOptions::default(),
            caseload: CaseloadOptions::default(),
        }
    }
}

/// [`HeadlineOptions`] as a caller gives them: every field optional (left out: the value of
/// [`HeadlineOptions::default`]), the caseload rule by its name ([`CaseloadOptions::NAMES`]).
/// What the bindings read their `headline` arguments into.
#[derive(Debug, Clone, Default, PartialEq, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct HeadlineArgs {
    /// The period compared against.
    pub compare_with: Option<Period>,
    /// How many partners the top list covers (at least 1).
    pub top_partners: Option<usize>,
    /// The leverage definition.
    pub leverage: Option<LeverageDefinition>,
    /// Lead-time start and stop events.
    pub lead_time: Option<LeadTimeOptions>,
    /// Which files count in the active caseload, by the name of the rule (`until_closed`,
    /// `without_rejected`, `without_delivered`, `in_progress`).
    pub caseload: Option<String>,
}

impl HeadlineArgs {
    /// The options, defaults filled in (an unknown caseload rule is an [`Error::Argument`]
    /// listing the rules).
    pub fn options(&self) -> Result<HeadlineOptions> {
        let d = HeadlineOptions::default();
        let caseload = match &self.caseload {
            Some(name) => name
                .parse::<CaseloadOptions>()
                .map_err(|message| Error::Argument { name: "caseload", message })?,
            None => d.caseload,
        };
        Ok(HeadlineOptions {
            compare_with: self.compare_with.or(d.compare_with),
            top_partners: self.top_partners.unwrap_or(d.top_partners),
            leverage: self.leverage.unwrap_or(d.leverage),
            lead_time: self.lead_time.unwrap_or(d.lead_time),
            caseload,
        })
    }
}

/// The headline figures of one period.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, schemars::JsonSchema)]
pub struct Headline {
    /// The period reported.
    pub period: Period,
    /// Its last day: stocks are taken on it.
    pub as_of: NaiveDate,
    /// Whether the records cover the period (its last day is inside
    /// [`crate::engine::cutoff::records_span`]); when false, every figure below rests on records
    /// that stop earlier (or start later) and says nothing of the period itself.
    pub within_records: bool,
    /// The period compared against, if any could be chosen.
    pub compared_with: Option<Period>,
    /// Files registered and not closed or abandoned at `as_of`.
    pub active_caseload: usize,
    /// Planned cost of the active files at `as_of` (`None`: the sum overflows the largest
    /// amount the library can hold).
    pub portfolio_value: Option<Decimal>,
    /// Instruction lead times of the files decided in the comparison period and in `period`,
    /// and their ratio (earlier / later: "divided by N").
    pub lead_time: LeadTimeComparison,
    /// The same comparison over fiscal years to date: the year of `as_of` up to `as_of`
    /// against the same span of the comparison period's year (more files, so a steadier
    /// ratio than two quarters; see the module doc).
    pub lead_time_by_year: Option<LeadTimeComparison>,
    /// Funds pledged, signed and received up to `as_of`.
    pub funds: Funds,
    /// What is pledged but not signed, and signed but not received, at `as_of`.
    pub outstanding: Outstanding,
    /// Co-financing and leverage of the approved projects at `as_of` (signed funds).
    pub finance: PortfolioFinance,
    /// Partners: members, new and active in `period`.
    pub partners: PartnerCounts,
    /// Share of the top partners in signed funds, and the Herfindahl index.
    pub concentration: Concentration,
    /// Investment capacity of the fiscal year containing `as_of`, up to `as_of`, against the
    /// same span of the comparison year.
    pub investment_capacity: Option<CapacityComparison>,
    /// Share of active files run by two or more services.
    pub transversality: Transversality,
}

/// Partner counts left empty (no list, no kind): for a caller of [`headline_with`] that
/// counts the partners itself ([`partnership::partner_tally`]) and reads nothing else there.
pub(crate) fn without_partner_lists(_: &Workspace, period: Period) -> PartnerCounts {
    PartnerCounts::empty(period)
}

/// The period of `period`'s kind in the earliest fiscal year that has a file decided by the
/// end of `period`.
pub fn default_comparison(ws: &Workspace, period: Period) -> Option<Period> {
    let cal = ws.calendar();
    let end = period.end_date(cal);
    let first =
        ws.projects.iter().filter_map(|p| p.decision().map(|(_, d)| d)).filter(|d| *d <= end).min()?;
    let first_year = Period::containing(first, Frequency::Yearly, cal).ok()?.year_label();
    let years_back = period.year_label() - first_year;
    if years_back <= 0 {
        return None;
    }
    period.offset(-(years_back as i64) * period.frequency().per_year() as i64).ok()
}

/// The headline figures of `period`.
pub fn headline(ws: &Workspace, period: Period, options: HeadlineOptions) -> Result<Headline> {
    headline_with(ws, period, options, partnership::partner_counts)
}

/// [`headline`] with its partner counts from `partners` (the report passes
/// [`without_partner_lists`]: it shows the number of members alone, and the lists weighed as
/// much as the partners' ids on a file of millions of partners).
pub(crate) fn headline_with(
    ws: &Workspace,
    period: Period,
    options: HeadlineOptions,
    partners: impl FnOnce(&Workspace, Period) -> PartnerCounts,
) -> Result<Headline> {
    if options.top_partners == 0 {
        return Err(Error::Argument { name: "top_partners", message: "must be at least 1".into() });
    }
    let cal = ws.calendar();
    let as_of = period.end_date(cal);
    let compared_with = options.compare_with.or_else(|| default_comparison(ws, period));
    let earlier = compared_with.unwrap_or(period);
    let finance_options =
        FinanceOptions { as_of: Some(as_of), leverage: options.leverage, ..FinanceOptions::default() };
    // The fiscal years holding the period and the comparison period. At the edges of the
    // library's range a fiscal year may fall outside it (January 1900 is in fiscal 1899 when
    // the year starts in July): there is then no yearly comparison, rather than an error
    // about a year the user never wrote.
    let year = Period::containing(as_of, Frequency::Yearly, cal).ok();
    let years = match (year, compared_with) {
        (Some(y), Some(c)) => Period::containing(c.end_date(cal), Frequency::Yearly, cal)
            .ok()
            .filter(|e| *e != y)
            .map(|e| (e, y)),
        _ => None,
    };
    let to_date = FinanceOptions { as_of: Some(as_of), ..FinanceOptions::default() };
    let investment_capacity =
        years.map(|(earlier, year)| partnership::compare_capacity(ws, earlier, year, to_date));
    let lead_time_by_year = years.map(|(earlier, year)| {
        portfolio::compare_lead_times_to_date(ws, earlier, year, as_of, options.lead_time)
    });
    Ok(Headline {
        period,
        as_of,
        within_records: crate::engine::cutoff::records_span(ws).is_some_and(|s| s.covers(as_of)),
        compared_with,
        active_caseload: portfolio::caseload_with(ws, as_of, options.caseload).count,
        portfolio_value: portfolio::portfolio_value_with(ws, as_of, options.caseload).total,
        lead_time: portfolio::compare_lead_times(ws, earlier, period, options.lead_time),
        lead_time_by_year,
        funds: partnership::funds(ws, FundsScope::AsOf(as_of)),
        outstanding: partnership::outstanding(ws, as_of),
        finance: partnership::portfolio_finance(ws, ProjectScope::ApprovedBy(as_of), finance_options),
        partners: partners(ws, period),
        concentration: partnership::concentration(ws, options.top_partners, Some(as_of)),
        investment_capacity,
        transversality: portfolio::transversality(ws, Some(as_of)),
    })
}
