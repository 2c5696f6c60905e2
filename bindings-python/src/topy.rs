//! Typed results and records of the core as Python values, by Rust type rather than by
//! looking at the JSON: `Decimal` becomes `decimal.Decimal`, `NaiveDate` becomes
//! `datetime.date`, a `Period` its string (`"2025-Q4"`), unit enums their snake_case name,
//! `Option` `None`, `Vec` a list and `BTreeMap` a dict. Each result struct becomes a
//! `pilotage.Record` (a dict whose keys are also attributes) whose keys are the struct's JSON
//! field names, in the same order, so that `to_dict()` is the core's JSON with money and dates
//! typed; the workspace's records (the rows of `Workspace.projects()`...) become plain dicts
//! the same way.
//!
//! Why not a serde `Serializer` (or the `pythonize` crate): `rust_decimal` serialises money
//! with `serialize_str`, so a serializer cannot tell an amount from a name; only the Rust
//! type can. The field lists below are checked against the JSON of the same values by the
//! Python tests (`test_analytics.py::test_to_dict_is_the_core_json`), so a field added to a
//! core struct and forgotten here fails the tests.

use std::collections::BTreeMap;

use chrono::NaiveDate;
use pilotage::analytics::headline::Headline;
use pilotage::analytics::partnership::{
    CapacityComparison, CommitmentGap, Concentration, FinanceOptions, Funds, FundsScope, InvestmentCapacity,
    KindCounts, Leverage, LeverageDefinition, LeverageUndefined, NoRatio, Outstanding, PartnerCounts,
    PartnerShare, Population, PortfolioFinance, ProjectFinance, ProjectScope, StatusAmounts,
};
use pilotage::analytics::portfolio::{
    Caseload, CaseloadOptions, DeliveryReport, Excluded, FileAge, FileLeadTime, LeadTimeComparison,
    LeadTimeNote, LeadTimeOptions, LeadTimeStats, Milestone, PortfolioValue, ProjectDelivery, ServicePair,
    Throughput, Transversality, WorkInProgress,
};
use pilotage::io::import::ImportSummary;
use pilotage::{
    Commitment, CommitmentStep, FundingKind, FundingStatus, Measurement, Partner, PartnerKind, Period,
    Project, Service, Stage, StageEvent,
};
use pyo3::exceptions::PyValueError;
use pyo3::prelude::*;
use pyo3::sync::PyOnceLock;
use pyo3::types::{PyDict, PyList, PyString};
use rust_decimal::Decimal;

/// A typed core value as a Python value.
pub trait ToPy {
    /// The Python value (see the module documentation).
    fn to_py<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>>;
}

macro_rules! native {
    ($($t:ty),*) => {$(
        impl ToPy for $t {
            fn to_py<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
                Ok(self.into_pyobject(py)?.to_owned().into_any())
            }
        }
    )*};
}

native!(bool, i64, u32, usize, f64, String, Decimal, NaiveDate);

impl ToPy for Period {
    fn to_py<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        Ok(PyString::new(py, &self.to_string()).into_any())
    }
}

impl<T: ToPy> ToPy for Option<T> {
    fn to_py<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        match self {
            Some(v) => v.to_py(py),
            None => Ok(py.None().into_bound(py)),
        }
    }
}

impl<T: ToPy> ToPy for Vec<T> {
    fn to_py<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        let list = PyList::empty(py);
        for item in self {
            list.append(item.to_py(py)?)?;
        }
        Ok(list.into_any())
    }
}

impl<K: ToPy, V: ToPy> ToPy for BTreeMap<K, V> {
    fn to_py<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        let d = PyDict::new(py);
        for (k, v) in self {
            d.set_item(k.to_py(py)?, v.to_py(py)?)?;
        }
        Ok(d.into_any())
    }
}

/// Unit enums: their serde name (the snake_case string of the JSON).
macro_rules! by_name {
    ($($t:ty),*) => {$(
        impl ToPy for $t {
            fn to_py<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
                match serde_json::to_value(self) {
                    Ok(serde_json::Value::String(s)) => Ok(PyString::new(py, &s).into_any()),
                    _ => Err(PyValueError::new_err(concat!(stringify!($t), " is not a unit enum"))),
                }
            }
        }
    )*};
}

by_name!(Stage, PartnerKind, FundingKind, FundingStatus, LeverageDefinition, LeverageUndefined, Milestone);

static RECORD: PyOnceLock<Py<PyAny>> = PyOnceLock::new();

/// An empty `pilotage.Record` (a dict with attribute access).
pub fn record(py: Python<'_>) -> PyResult<Bound<'_, PyAny>> {
    let cls = RECORD
        .get_or_try_init(py, || py.import("pilotage._results")?.getattr("Record").map(Bound::unbind))?;
    cls.bind(py).call0()
}

/// An empty plain `dict` (the rows of the record views, `Workspace.projects()`...).
fn plain(py: Python<'_>) -> PyResult<Bound<'_, PyAny>> {
    Ok(PyDict::new(py).into_any())
}

/// Structs: a dict of their fields, in declaration order (the JSON order), made by `$new`:
/// a `Record` for results, a plain `dict` for the records of the workspace.
macro_rules! fields {
    ($new:ident: $($t:ident { $($f:ident),* $(,)? })*) => {$(
        impl ToPy for $t {
            fn to_py<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
                // every field listed, or this does not compile: a field added in the core
                // cannot go missing from the Python record unnoticed
                let $t { $($f: _),* } = self;
                let d = $new(py)?;
                $( d.set_item(stringify!($f), self.$f.to_py(py)?)?; )*
                Ok(d)
            }
        }
    )*};
}

fields! { plain:
    Service { id, name }
    StageEvent { stage, date }
    Project {
        id, title, lead_service, contributing_services, objectives, stages, planned_cost, actual_cost,
        planned_end, own_funds
    }
    Partner { id, name, kind, joined }
    CommitmentStep { status, date, amount }
    Commitment { id, partner, project, kind, steps }
    Measurement { period, value, numerator, denominator, respondents, comment, source }
}

fields! { record:
    CaseloadOptions { rejected_until_closed, delivered_until_closed }
    Caseload { date, options, rule, count, projects, by_stage, by_lead_service, by_objective, without_objective }
    LeadTimeOptions { start, stop }
    FileLeadTime { project, start, stop, days }
    Excluded { project, reason }
    LeadTimeStats { period, through, options, count, mean_days, median_days, p90_days, max_days, files, excluded }
    LeadTimeComparison { earlier, later, mean_ratio, median_ratio, notes }
    Throughput { period, registered, approved, rejected, delivered }
    WorkInProgress { date, by_stage }
    FileAge { project, registered, stage, stage_since, days_since_registration, days_in_stage }
    ProjectDelivery {
        project, delivered, planned_end, on_time, days_late, planned_cost, actual_cost, variance,
        relative_variance
    }
    DeliveryReport {
        period, projects, with_planned_end, on_time, on_time_rate, planned_total, actual_total,
        variance_total, relative_variance_total, overflow
    }
    PortfolioValue {
        date, total, projects, without_planned_cost, by_lead_service, by_objective, without_objective,
        overflow
    }
    ServicePair { a, b, projects }
    Transversality { date, projects, transversal, share, pairs }
    KindCounts { total, new, active }
    PartnerCounts { period, members, undated, new, active, without_commitment, by_kind }
    StatusAmounts { pledged, signed, received }
    Funds { scope, total, by_kind, by_partner_kind, commitments, overflow }
    CommitmentGap { commitment, partner, amounts, pledged_not_signed, signed_not_received }
    Outstanding { as_of, pledged_not_signed, signed_not_received, commitments, overflow }
    FinanceOptions { basis, as_of, leverage }
    Leverage { definition, formula, own, external, planned_cost, value, undefined_reason }
    Population { count, with_planned_cost, description, left_out }
    ProjectFinance {
        project, planned_cost, own, external, basis, cofinancing_rate, leverage, commitments, overflow
    }
    PortfolioFinance {
        scope, options, planned_cost, own, external, cofinanced_external, cofinancing_rate,
        cofinancing_population, leverage, leverage_population, projects, overflow
    }
    PartnerShare { partner, amount, share }
    Concentration { as_of, total, partners, top_n, top_share, herfindahl, overflow }
    InvestmentCapacity { period, through, basis, own, external, total, projects, overflow }
    CapacityComparison { earlier, later, ratio, note }
    Headline {
        period, as_of, within_records, compared_with, active_caseload, portfolio_value, lead_time, lead_time_by_year,
        funds, outstanding, finance, partners, concentration, investment_capacity, transversality
    }
    ImportSummary { source, rows, added, replaced }
}

/// Serde's tagged enums: the variant's name under the tag (`kind` or `code`), then its
/// value: a newtype variant's under `value` (adjacently tagged), a struct variant's fields
/// under their names (internally tagged).
macro_rules! tagged {
    ($($t:ident by $tag:literal {
        $($v:ident $(($x:ident))? $({ $($f:ident),* })? => $name:literal,)*
    })*) => {$(
        impl ToPy for $t {
            fn to_py<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
                let d = record(py)?;
                match self {
                    $($t::$v $(($x))? $({ $($f),* })? => {
                        d.set_item($tag, $name)?;
                        $(d.set_item("value", $x.to_py(py)?)?;)?
                        $($(d.set_item(stringify!($f), $f.to_py(py)?)?;)*)?
                    })*
                }
                Ok(d)
            }
        }
    )*};
}

tagged! {
    FundsScope by "kind" {
        AsOf(date) => "as_of",
        Within(period) => "within",
    }
    ProjectScope by "kind" {
        All => "all",
        ApprovedBy(date) => "approved_by",
        ApprovedIn(period) => "approved_in",
    }
    LeadTimeNote by "code" {
        NoFiles { period, stop, through } => "no_files",
        ZeroMean => "zero_mean",
        ZeroMedian => "zero_median",
    }
    NoRatio by "code" {
        Overflow => "overflow",
        NoInvestment { period } => "no_investment",
        NoInvestmentUpTo { period, through } => "no_investment_up_to",
    }
}

static RESULT: PyOnceLock<Py<PyAny>> = PyOnceLock::new();

/// A core result as a `pilotage.Result` of `kind` (a `Record` that also knows its JSON and,
/// when tabular, its DataFrame): `value.to_py()` plus the core's JSON text of it.
pub fn result<'py, T: ToPy + serde::Serialize>(
    py: Python<'py>,
    kind: &str,
    value: &T,
) -> PyResult<Bound<'py, PyAny>> {
    let cls = RESULT
        .get_or_try_init(py, || py.import("pilotage._results")?.getattr("Result").map(Bound::unbind))?;
    let json = serde_json::to_string(value).map_err(|e| PyValueError::new_err(e.to_string()))?;
    cls.bind(py).call1((kind, value.to_py(py)?, json))
}
