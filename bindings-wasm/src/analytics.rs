//! The portfolio and partnership metrics on a `Workspace`, one export per core function of
//! `pilotage::analytics::portfolio` and `pilotage::analytics::partnership`. Stocks take an `asOf` argument that is
//! either an ISO date (`"2025-12-31"`) or a period (`"2025-Q4"`, meaning its last day in the
//! fiscal calendar); flows take a period.

use chrono::NaiveDate;
use pilotage::Error;
use pilotage::analytics::partnership::{self, FinanceArgs, FundsScope, ProjectScope};
use pilotage::analytics::portfolio::{self, LeadTimeOptions};
use wasm_bindgen::prelude::*;

use crate::args::period_arg;
use crate::convert::{
    CaseloadValue, CompareCapacityValue, ConcentrationValue, DeliveryReportValue, FileAgeArray,
    FinanceOptionsValue, FundsValue, InvestmentCapacityValue, LeadTimeComparisonValue, LeadTimeOptionsValue,
    LeadTimeStatsValue, OutstandingValue, PartnerCountsValue, PortfolioFinanceValue, PortfolioValueValue,
    ProjectFinanceValue, ThroughputValue, TransversalityValue, WorkInProgressValue, options_from_js,
    to_js_as,
};
use crate::error::Failure;
use crate::workspace::JsWorkspace;

impl JsWorkspace {
    fn date(&self, text: &str) -> Result<NaiveDate, Error> {
        self.inner().day_of(text, "asOf")
    }

    fn optional_date(&self, text: Option<String>) -> Result<Option<NaiveDate>, Error> {
        text.map(|t| self.date(&t)).transpose()
    }
}

#[wasm_bindgen(js_class = Workspace)]
impl JsWorkspace {
    /// The active caseload at `asOf`: files registered and neither closed nor abandoned,
    /// with their splits by stage, lead service and objective.
    pub fn caseload(&self, #[wasm_bindgen(js_name = asOf)] as_of: &str) -> Result<CaseloadValue, Failure> {
        to_js_as(&portfolio::caseload(self.inner(), self.date(as_of)?))
    }

    /// The active files at `asOf` grouped by the stage they are in.
    #[wasm_bindgen(js_name = workInProgress)]
    pub fn work_in_progress(
        &self,
        #[wasm_bindgen(js_name = asOf)] as_of: &str,
    ) -> Result<WorkInProgressValue, Failure> {
        to_js_as(&portfolio::work_in_progress(self.inner(), self.date(as_of)?))
    }

    /// How long each open file at `asOf` has waited, oldest registration first.
    pub fn ageing(&self, #[wasm_bindgen(js_name = asOf)] as_of: &str) -> Result<FileAgeArray, Failure> {
        to_js_as(&portfolio::ageing(self.inner(), self.date(as_of)?))
    }

    /// Instruction lead times of the files decided in `period` (or between the events of
    /// `options`).
    #[wasm_bindgen(js_name = leadTime)]
    pub fn lead_time(
        &self,
        period: &str,
        #[wasm_bindgen(unchecked_optional_param_type = "LeadTimeOptions")] options: Option<
            LeadTimeOptionsValue,
        >,
    ) -> Result<LeadTimeStatsValue, Failure> {
        let options: LeadTimeOptions = options_from_js(options.as_deref(), "options")?;
        to_js_as(&portfolio::lead_time(self.inner(), period_arg(period)?, options))
    }

    /// The lead times of two periods and their ratio, earlier / later ("divided by 4").
    #[wasm_bindgen(js_name = compareLeadTimes)]
    pub fn compare_lead_times(
        &self,
        earlier: &str,
        later: &str,
        #[wasm_bindgen(unchecked_optional_param_type = "LeadTimeOptions")] options: Option<
            LeadTimeOptionsValue,
        >,
    ) -> Result<LeadTimeComparisonValue, Failure> {
        let options: LeadTimeOptions = options_from_js(options.as_deref(), "options")?;
        let (earlier, later) = (period_arg(earlier)?, period_arg(later)?);
        to_js_as(&portfolio::compare_lead_times(self.inner(), earlier, later, options))
    }

    /// Files registered, approved, rejected and delivered in `period`.
    pub fn throughput(&self, period: &str) -> Result<ThroughputValue, Failure> {
        to_js_as(&portfolio::throughput(self.inner(), period_arg(period)?))
    }

    /// On-time and on-budget delivery of the projects delivered in `period` (every delivered
    /// project when `period` is absent).
    pub fn delivery(&self, period: Option<String>) -> Result<DeliveryReportValue, Failure> {
        let period = period.as_deref().map(period_arg).transpose()?;
        to_js_as(&portfolio::delivery(self.inner(), period))
    }

    /// Planned cost of the files active at `asOf`, with its splits.
    #[wasm_bindgen(js_name = portfolioValue)]
    pub fn portfolio_value(
        &self,
        #[wasm_bindgen(js_name = asOf)] as_of: &str,
    ) -> Result<PortfolioValueValue, Failure> {
        to_js_as(&portfolio::portfolio_value(self.inner(), self.date(as_of)?))
    }

    /// Files run by two or more services among those active at `asOf` (every project when
    /// absent), and the pairs of services working together.
    pub fn transversality(
        &self,
        #[wasm_bindgen(js_name = asOf)] as_of: Option<String>,
    ) -> Result<TransversalityValue, Failure> {
        to_js_as(&portfolio::transversality(self.inner(), self.optional_date(as_of)?))
    }

    /// Partners: members, newcomers and active ones in `period`, and by kind.
    #[wasm_bindgen(js_name = partnerCounts)]
    pub fn partner_counts(&self, period: &str) -> Result<PartnerCountsValue, Failure> {
        to_js_as(&partnership::partner_counts(self.inner(), period_arg(period)?))
    }

    /// Funds pledged, signed and received up to `asOf` (a stock), by kind of support and of
    /// partner.
    pub fn funds(&self, #[wasm_bindgen(js_name = asOf)] as_of: &str) -> Result<FundsValue, Failure> {
        to_js_as(&partnership::funds(self.inner(), FundsScope::AsOf(self.date(as_of)?)))
    }

    /// Funds pledged, signed and received within `period` (a flow).
    #[wasm_bindgen(js_name = fundsWithin)]
    pub fn funds_within(&self, period: &str) -> Result<FundsValue, Failure> {
        to_js_as(&partnership::funds(self.inner(), FundsScope::Within(period_arg(period)?)))
    }

    /// What is pledged but not signed, and signed but not received, at `asOf`.
    pub fn outstanding(
        &self,
        #[wasm_bindgen(js_name = asOf)] as_of: &str,
    ) -> Result<OutstandingValue, Failure> {
        to_js_as(&partnership::outstanding(self.inner(), self.date(as_of)?))
    }

    /// Co-financing rate and leverage (with its definition) of the projects approved by
    /// `asOf`, counting commitment steps up to that day (every project and step when absent).
    #[wasm_bindgen(js_name = portfolioFinance)]
    pub fn portfolio_finance(
        &self,
        #[wasm_bindgen(js_name = asOf)] as_of: Option<String>,
        #[wasm_bindgen(unchecked_optional_param_type = "FinanceArgs")] options: Option<FinanceOptionsValue>,
    ) -> Result<PortfolioFinanceValue, Failure> {
        let args: FinanceArgs = options_from_js(options.as_deref(), "options")?;
        let as_of = self.optional_date(as_of)?;
        let scope = as_of.map_or(ProjectScope::All, ProjectScope::ApprovedBy);
        to_js_as(&partnership::portfolio_finance(self.inner(), scope, args.options(as_of)))
    }

    /// Own and external funds, co-financing rate and leverage of project `id` (steps up to
    /// `asOf` when given). Throws `not_found` for an unknown project.
    #[wasm_bindgen(js_name = projectFinance)]
    pub fn project_finance(
        &self,
        id: &str,
        #[wasm_bindgen(js_name = asOf)] as_of: Option<String>,
        #[wasm_bindgen(unchecked_optional_param_type = "FinanceArgs")] options: Option<FinanceOptionsValue>,
    ) -> Result<ProjectFinanceValue, Failure> {
        let args: FinanceArgs = options_from_js(options.as_deref(), "options")?;
        let options = args.options(self.optional_date(as_of)?);
        to_js_as(&partnership::project_finance(self.inner(), id, options)?)
    }

    /// How concentrated the signed funds (up to `asOf`, every step when absent) are: the
    /// share of the `topN` largest partners (default 5) and the Herfindahl index.
    pub fn concentration(
        &self,
        #[wasm_bindgen(js_name = topN)] top_n: Option<u32>,
        #[wasm_bindgen(js_name = asOf)] as_of: Option<String>,
    ) -> Result<ConcentrationValue, Failure> {
        let top_n = top_n.unwrap_or(5);
        if top_n == 0 {
            return Err(Error::Argument { name: "topN", message: "must be at least 1".into() }.into());
        }
        to_js_as(&partnership::concentration(self.inner(), top_n as usize, self.optional_date(as_of)?))
    }

    /// Investment carried in `period` (usually a fiscal year): own plus external funds of
    /// the projects started (else approved) in it.
    #[wasm_bindgen(js_name = investmentCapacity)]
    pub fn investment_capacity(
        &self,
        period: &str,
        #[wasm_bindgen(unchecked_optional_param_type = "FinanceArgs")] options: Option<FinanceOptionsValue>,
    ) -> Result<InvestmentCapacityValue, Failure> {
        let args: FinanceArgs = options_from_js(options.as_deref(), "options")?;
        to_js_as(&partnership::investment_capacity(self.inner(), period_arg(period)?, args.options(None)))
    }

    /// Investment capacity of two periods and their ratio, later / earlier.
    #[wasm_bindgen(js_name = compareCapacity)]
    pub fn compare_capacity(
        &self,
        earlier: &str,
        later: &str,
        #[wasm_bindgen(unchecked_optional_param_type = "FinanceArgs")] options: Option<FinanceOptionsValue>,
    ) -> Result<CompareCapacityValue, Failure> {
        let args: FinanceArgs = options_from_js(options.as_deref(), "options")?;
        let (earlier, later) = (period_arg(earlier)?, period_arg(later)?);
        to_js_as(&partnership::compare_capacity(self.inner(), earlier, later, args.options(None)))
    }
}
