//! Argument reading, in one place for every method of `Workspace` (the methods themselves are
//! in the modules named after the core's, each with its own `#[pymethods]` block): enum
//! values by name (refused with the list of the valid names, by the core's `io::names`),
//! periods and languages, and options gathered onto the core's option structs. An option
//! left out (`None`) takes the core's default (`HeadlineOptions::default()` and its parts):
//! no default is written here. The computing is the core's; these functions only convert.

use pilotage::analytics::headline::HeadlineOptions;
use pilotage::analytics::partnership::{FinanceOptions, LeverageDefinition};
use pilotage::analytics::portfolio::{CaseloadOptions, LeadTimeOptions, Milestone};
use pilotage::io::names;
use pilotage::locale::Locale;
use pilotage::{Frequency, FundingStatus, Period, Workspace};
use pyo3::exceptions::PyValueError;
use pyo3::prelude::*;
use pyo3::types::PyString;

use crate::convert::{self, ArgResult};
use crate::period::period_arg;

/// A core enum from its snake_case name (`"registered"`, `"external_over_own"`...); an
/// unknown name is a `ValueError` listing the valid ones.
pub fn named<T: serde::de::DeserializeOwned>(name: &str, arg: &str) -> PyResult<T> {
    names::parse_name::<T>(name).map_err(|e| PyValueError::new_err(format!("{arg}: {e}")))
}

/// An optional enum name: `None` keeps `default` (the core's).
fn named_or<T: serde::de::DeserializeOwned>(name: Option<&str>, arg: &str, default: T) -> PyResult<T> {
    name.map_or(Ok(default), |n| named(n, arg))
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
    let d = FinanceOptions::default();
    Ok(FinanceOptions {
        basis: named_or::<FundingStatus>(basis, "basis", d.basis)?,
        as_of: convert::opt_date(as_of).arg("as_of")?.or(d.as_of),
        leverage: named_or::<LeverageDefinition>(leverage, "leverage", d.leverage)?,
    })
}

/// The arguments of `headline`, onto the core's `HeadlineOptions::default()`.
pub struct HeadlineArgs<'a, 'py> {
    /// The period compared against.
    pub compare_with: Option<&'a Bound<'py, PyAny>>,
    /// The size of the top-partners list.
    pub top_partners: Option<usize>,
    /// The leverage definition's name.
    pub leverage: Option<&'a str>,
    /// The lead time's start event.
    pub start: Option<&'a str>,
    /// The lead time's stop event.
    pub stop: Option<&'a str>,
    /// The caseload rule's name.
    pub caseload: Option<&'a str>,
}

/// The core's headline options: the core's defaults, with what was given.
pub fn headline_options(a: HeadlineArgs<'_, '_>) -> PyResult<HeadlineOptions> {
    let d = HeadlineOptions::default();
    Ok(HeadlineOptions {
        compare_with: match a.compare_with {
            Some(c) if !c.is_none() => Some(period_arg(c, "compare_with")?),
            _ => d.compare_with,
        },
        top_partners: a.top_partners.unwrap_or(d.top_partners),
        leverage: named_or(a.leverage, "leverage", d.leverage)?,
        lead_time: LeadTimeOptions {
            start: named_or(a.start, "start", d.lead_time.start)?,
            stop: named_or(a.stop, "stop", d.lead_time.stop)?,
        },
        caseload: match a.caseload {
            None => d.caseload,
            Some(name) => caseload_rule(Some(name))?,
        },
    })
}

/// The period given, or the latest quarter with data (`ValueError` when there is none).
pub fn period_or_latest(ws: &Workspace, period: Option<&Bound<'_, PyAny>>) -> PyResult<Period> {
    match period {
        Some(p) if !p.is_none() => period_arg(p, "period"),
        _ => ws.latest_period(Frequency::Quarterly).ok_or_else(|| {
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
