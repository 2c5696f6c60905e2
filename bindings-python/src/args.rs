//! Argument reading for the evaluation and analytics methods of `Workspace` (the methods
//! themselves are in the modules named after the core's, each with its own `#[pymethods]`
//! block): names of core enums checked by serde, options gathered into the core's option
//! structs. The
//! computing is the core's; these functions only convert.

use pilotage::analytics::partnership::{FinanceOptions, LeverageDefinition};
use pilotage::analytics::portfolio::{CaseloadOptions, LeadTimeOptions, Milestone};
use pilotage::{Frequency, FundingStatus, Period, Workspace};
use pyo3::exceptions::PyValueError;
use pyo3::prelude::*;

use crate::convert::{self, ArgResult};

/// A core enum from its snake_case name (`"registered"`, `"external_over_own"`...).
pub fn named<T: serde::de::DeserializeOwned>(name: &str, arg: &str) -> PyResult<T> {
    serde_json::from_value::<T>(serde_json::Value::String(name.to_string()))
        .map_err(|e| PyValueError::new_err(format!("{arg}: {e}")))
}

/// Lead-time start and stop events.
pub fn lead_time_options(start: &str, stop: &str) -> PyResult<LeadTimeOptions> {
    Ok(LeadTimeOptions {
        start: named::<Milestone>(start, "start")?,
        stop: named::<Milestone>(stop, "stop")?,
    })
}

/// The active-caseload rule by name (`until_closed`, `without_rejected`, `without_delivered`,
/// `in_progress`), parsed by the core.
pub fn caseload_rule(name: &str) -> PyResult<CaseloadOptions> {
    name.parse::<CaseloadOptions>().map_err(|e| PyValueError::new_err(format!("caseload: {e}")))
}

/// Finance options: the funding status external funds are counted at, the day, the
/// leverage definition.
pub fn finance_options(
    basis: &str,
    as_of: Option<&Bound<'_, PyAny>>,
    leverage: &str,
) -> PyResult<FinanceOptions> {
    Ok(FinanceOptions {
        basis: named::<FundingStatus>(basis, "basis")?,
        as_of: convert::opt_date(as_of).arg("as_of")?,
        leverage: named::<LeverageDefinition>(leverage, "leverage")?,
    })
}

/// The period given, or the latest quarter with data (`ValueError` when there is none).
pub fn period_or_latest(ws: &Workspace, period: Option<&Bound<'_, PyAny>>) -> PyResult<Period> {
    match period {
        Some(p) if !p.is_none() => crate::period::period_arg(p, "period"),
        _ => ws.latest_period(Frequency::Quarterly).ok_or_else(|| {
            PyValueError::new_err("the workspace has no dated data: give the period (such as \"2025-Q4\")")
        }),
    }
}
