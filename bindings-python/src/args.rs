//! Argument reading, in one place for every method of `Workspace` (the methods themselves are
//! in the modules named after the core's, each with its own `#[pymethods]` block): enum
//! values by name (refused with the list of the valid names, by the core's `io::names`),
//! periods and languages, and options gathered onto the core's option structs (or onto its
//! argument structs, `HeadlineArgs` and `FinanceArgs`, which fill in the defaults). An option
//! left out (`None`) takes the core's default: no default is written here. The computing is
//! the core's; these functions only convert.

use pilotage::analytics::partnership::{FinanceArgs, FinanceOptions};
use pilotage::analytics::portfolio::{CaseloadOptions, LeadTimeOptions, Milestone};
use pilotage::io::names;
use pilotage::locale::Locale;
use pilotage::{Frequency, Period, Workspace};
use pyo3::exceptions::PyValueError;
use pyo3::prelude::*;
use pyo3::types::PyString;

use crate::convert::{self, ArgResult};
use crate::period::opt_period_arg;

/// A core enum from its snake_case name (`"registered"`, `"external_over_own"`...); an
/// unknown name is a `ValueError` listing the valid ones.
pub fn named<T: serde::de::DeserializeOwned>(name: &str, arg: &str) -> PyResult<T> {
    names::parse_name::<T>(name).map_err(|e| PyValueError::new_err(format!("{arg}: {e}")))
}

/// An optional enum name: `None` stays `None`.
pub fn opt_named<T: serde::de::DeserializeOwned>(name: Option<&str>, arg: &str) -> PyResult<Option<T>> {
    name.map(|n| named(n, arg)).transpose()
}

/// An optional enum name: `None` keeps `default` (the core's).
fn named_or<T: serde::de::DeserializeOwned>(name: Option<&str>, arg: &str, default: T) -> PyResult<T> {
    Ok(opt_named(name, arg)?.unwrap_or(default))
}

/// An argument the core refuses ([`pilotage::Error::Argument`]) as the `ValueError`
/// `name: why` of every argument error here; another error as its exception.
pub fn refused(py: Python<'_>, e: pilotage::Error) -> PyErr {
    match e {
        pilotage::Error::Argument { name, message } => PyValueError::new_err(format!("{name}: {message}")),
        other => crate::errors::to_py_err(py, other),
    }
}

/// Lead-time start and stop events; each one left out is the core's default.
pub fn lead_time_options(start: Option<&str>, stop: Option<&str>) -> PyResult<LeadTimeOptions> {
    let d = LeadTimeOptions::default();
    Ok(LeadTimeOptions {
        start: named_or::<Milestone>(start, "start", d.start)?,
        stop: named_or::<Milestone>(stop, "stop", d.stop)?,
    })
}

/// The active-caseload rule by name (`until_closed`, `without_rejected`, `without_delivered`,
/// `in_progress`), parsed by the core; `None` is the core's default.
pub fn caseload_rule(name: Option<&str>) -> PyResult<CaseloadOptions> {
    match name {
        None => Ok(CaseloadOptions::default()),
        Some(n) => n.parse::<CaseloadOptions>().map_err(|e| PyValueError::new_err(format!("caseload: {e}"))),
    }
}

/// Finance options: the funding status external funds are counted at, the day, the
/// leverage definition; each one left out is the core's default.
pub fn finance_options(
    basis: Option<&str>,
    as_of: Option<&Bound<'_, PyAny>>,
    leverage: Option<&str>,
) -> PyResult<FinanceOptions> {
    let basis = opt_named(basis, "basis")?;
    let as_of = convert::opt_date(as_of).arg("as_of")?;
    Ok(FinanceArgs { basis, leverage: opt_named(leverage, "leverage")? }.options(as_of))
}

/// The period given, or the latest quarter with data (`ValueError` when there is none).
pub fn period_or_latest(ws: &Workspace, period: Option<&Bound<'_, PyAny>>) -> PyResult<Period> {
    match opt_period_arg(period, "period")? {
        Some(p) => Ok(p),
        None => ws.latest_period(Frequency::Quarterly).ok_or_else(|| {
            PyValueError::new_err("the workspace has no dated data: give the period (such as \"2025-Q4\")")
        }),
    }
}

/// The language of a rendering: `"en"` or `"fr"` (the core's reading of a language tag, so
/// `"fr-FR"` and `"en-GB"` are accepted too).
pub fn locale(lang: &str) -> PyResult<Locale> {
    lang.parse().map_err(|e: pilotage::locale::UnknownLocale| PyValueError::new_err(format!("lang: {e}")))
}

/// A scoring method argument: its JSON form (a dict such as `{"method": "band", ...}`), or
/// the name of a method alone (`"ratio_to_target"`: the method with its default parameters).
/// An unknown name is a `ValueError` listing the methods.
pub fn scoring<'py>(value: &Bound<'py, PyAny>) -> PyResult<Bound<'py, PyAny>> {
    match value.cast::<PyString>() {
        Ok(s) => {
            let method = names::scoring_by_name(&s.to_string())
                .map_err(|e| PyValueError::new_err(format!("indicator: scoring: {e}")))?;
            convert::json_form(value.py(), &method)
        }
        Err(_) => Ok(value.clone()),
    }
}
