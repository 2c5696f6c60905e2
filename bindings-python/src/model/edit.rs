//! `Workspace`'s editing methods (`add_*`, `set_*`, `remove_*`, `link_*`): records built from
//! keyword arguments (see `records`), then the core's `edit` methods.

use pilotage::{CauseEffect, Indicator, IndicatorLink, Objective, Perspective, Service, Stage};
use pyo3::exceptions::{PyTypeError, PyValueError};
use pyo3::prelude::*;
use pyo3::types::{PyDict, PyList, PyTuple};

use crate::convert::{self, ArgResult};
use crate::errors::IntoPyResult;
use crate::model::workspace::PyWorkspace;
use crate::period::period_arg;
use crate::records::{self, FieldErrors};

/// Turn a kind's record builder errors into one exception for a keyword call: the first
/// error raised as `TypeError`/`ValueError` naming the argument.
fn raise_fields<T>(r: Result<T, FieldErrors>) -> PyResult<T> {
    r.map_err(|errors| {
        let type_error = errors.iter().any(|(_, e)| e.type_error);
        let message =
            errors.iter().map(|(k, e)| format!("{k}: {}", e.message)).collect::<Vec<_>>().join("; ");
        if type_error { PyTypeError::new_err(message) } else { PyValueError::new_err(message) }
    })
}

/// The arguments of a keyword method as the fields of a record (a `dict`), each under its
/// own name: `row!(py; id, name; joined)` has `id` and `name` (required), and `joined` when
/// given.
macro_rules! row {
    ($py:expr; $($required:ident),*; $($optional:ident),*) => {{
        let d = PyDict::new($py);
        $( d.set_item(stringify!($required), $required)?; )*
        $( if let Some(v) = $optional { d.set_item(stringify!($optional), v)?; } )*
        d
    }};
}

#[pymethods]
impl PyWorkspace {
    /// Add a service.
    fn add_service(&self, py: Python<'_>, id: String, name: String) -> PyResult<()> {
        self.edit(py, |ws| ws.add_service(Service { id, name })).py(py)
    }

    /// Add a project. Stage dates come as `stages={"registered": date, ...}` (or a list of
    /// (stage, date) pairs) and/or as keywords named after the stages (`registered=`,
    /// `complete=`, `approved=`, `rejected=`, `notified=`, `started=`, `delivered=`, `closed=`,
    /// `abandoned=`). Money is `Decimal` or `int`.
    #[pyo3(signature = (id, title, lead_service, *, contributing_services=None, objectives=None, stages=None,
                        planned_cost=None, actual_cost=None, planned_end=None, own_funds=None, **stage_dates))]
    #[allow(clippy::too_many_arguments)]
    fn add_project<'py>(
        &self,
        py: Python<'py>,
        id: &Bound<'py, PyAny>,
        title: &Bound<'py, PyAny>,
        lead_service: &Bound<'py, PyAny>,
        contributing_services: Option<&Bound<'py, PyAny>>,
        objectives: Option<&Bound<'py, PyAny>>,
        stages: Option<&Bound<'py, PyAny>>,
        planned_cost: Option<&Bound<'py, PyAny>>,
        actual_cost: Option<&Bound<'py, PyAny>>,
        planned_end: Option<&Bound<'py, PyAny>>,
        own_funds: Option<&Bound<'py, PyAny>>,
        stage_dates: Option<&Bound<'py, PyDict>>,
    ) -> PyResult<()> {
        let row = row!(py; id, title, lead_service;
            contributing_services, objectives, stages, planned_cost, actual_cost, planned_end, own_funds);
        if let Some(extra) = stage_dates {
            for (k, v) in extra.iter() {
                let key: String = k.extract()?;
                if !Stage::ALL.iter().any(|s| s.as_str() == key) {
                    let stages = Stage::ALL.map(Stage::as_str).join(", ");
                    return Err(PyTypeError::new_err(format!(
                        "add_project() got an unexpected keyword argument '{key}' \
                         (stage keywords are: {stages})"
                    )));
                }
                row.set_item(key, v)?;
            }
        }
        let project = raise_fields(records::project(&row))?;
        self.edit(py, |ws| ws.add_project(project)).py(py)
    }

    /// Add a partner (`kind`: "state", "region", "department", "intercommunality", "eu",
    /// "public_agency", "company", "association", "foundation", "bank" or "other").
    #[pyo3(signature = (id, name, kind, *, joined=None))]
    fn add_partner<'py>(
        &self,
        py: Python<'py>,
        id: &Bound<'py, PyAny>,
        name: &Bound<'py, PyAny>,
        kind: &Bound<'py, PyAny>,
        joined: Option<&Bound<'py, PyAny>>,
    ) -> PyResult<()> {
        let row = row!(py; id, name, kind; joined);
        let partner = raise_fields(records::partner(&row))?;
        self.edit(py, |ws| ws.add_partner(partner)).py(py)
    }

    /// Add a commitment (`kind`: "grant", "sponsorship", "investment", "loan", "in_kind"),
    /// with its steps as dicts {status, date, amount} or (status, date, amount) tuples;
    /// `status` is "pledged", "signed" or "received", `amount` a Decimal or int.
    #[pyo3(signature = (id, partner, kind, *, project=None, steps=None))]
    fn add_commitment<'py>(
        &self,
        py: Python<'py>,
        id: &Bound<'py, PyAny>,
        partner: &Bound<'py, PyAny>,
        kind: &Bound<'py, PyAny>,
        project: Option<&Bound<'py, PyAny>>,
        steps: Option<&Bound<'py, PyAny>>,
    ) -> PyResult<()> {
        let row = row!(py; id, partner, kind; project, steps);
        let c = raise_fields(records::commitment(&row))?;
        self.edit(py, |ws| ws.add_commitment(c)).py(py)
    }

    /// Add a dated step (a tranche) to a commitment.
    fn add_commitment_step<'py>(
        &self,
        py: Python<'py>,
        commitment: &str,
        status: &Bound<'py, PyAny>,
        date: &Bound<'py, PyAny>,
        amount: &Bound<'py, PyAny>,
    ) -> PyResult<()> {
        let row = row!(py; status, date, amount;);
        let step = raise_fields(records::step(&row))?;
        self.edit(py, |ws| ws.add_commitment_step(commitment, step)).py(py)
    }

    /// Add an indicator. `scoring`, `source`, `baseline`, `targets`, `trajectory` and
    /// `thresholds` are given in their JSON form, e.g. `scoring={"method": "ratio_to_target"}`,
    /// `baseline={"period": "2024", "value": 40}`; `scoring` may also be a method's name alone
    /// (`scoring="ratio_to_target"`: its default parameters).
    #[pyo3(signature = (id, name, frequency, scoring, *, unit="", polarity="higher_is_better", aggregation="last",
                        description=None, source=None, baseline=None, targets=None, trajectory=None,
                        thresholds=None, min_group_size=None, service=None))]
    #[allow(clippy::too_many_arguments)]
    fn add_indicator<'py>(
        &self,
        py: Python<'py>,
        id: &Bound<'py, PyAny>,
        name: &Bound<'py, PyAny>,
        frequency: &Bound<'py, PyAny>,
        scoring: &Bound<'py, PyAny>,
        unit: &str,
        polarity: &str,
        aggregation: &str,
        description: Option<&Bound<'py, PyAny>>,
        source: Option<&Bound<'py, PyAny>>,
        baseline: Option<&Bound<'py, PyAny>>,
        targets: Option<&Bound<'py, PyAny>>,
        trajectory: Option<&Bound<'py, PyAny>>,
        thresholds: Option<&Bound<'py, PyAny>>,
        min_group_size: Option<&Bound<'py, PyAny>>,
        service: Option<&Bound<'py, PyAny>>,
    ) -> PyResult<()> {
        let scoring = &crate::args::scoring(scoring)?;
        let d = row!(py; id, name, frequency, scoring;
            description, source, baseline, targets, trajectory, thresholds, min_group_size, service);
        d.set_item("unit", unit)?;
        d.set_item("polarity", polarity)?;
        d.set_item("aggregation", aggregation)?;
        let indicator: Indicator = convert::from_json_form(d.as_any()).arg("indicator")?;
        self.edit(py, |ws| ws.add_indicator(indicator)).py(py)
    }

    /// Add a measurement of an indicator at a period (a `Period` or "2025-Q1"). With
    /// `replace=True` an existing measurement for the period is overwritten; otherwise that
    /// is a ValueError.
    #[pyo3(signature = (indicator, period, value=None, *, numerator=None, denominator=None, respondents=None,
                        comment=None, source=None, replace=false))]
    #[allow(clippy::too_many_arguments)]
    fn add_measurement<'py>(
        &self,
        py: Python<'py>,
        indicator: &str,
        period: &Bound<'py, PyAny>,
        value: Option<&Bound<'py, PyAny>>,
        numerator: Option<&Bound<'py, PyAny>>,
        denominator: Option<&Bound<'py, PyAny>>,
        respondents: Option<&Bound<'py, PyAny>>,
        comment: Option<&Bound<'py, PyAny>>,
        source: Option<&Bound<'py, PyAny>>,
        replace: bool,
    ) -> PyResult<()> {
        let p = period_arg(period, "period")?;
        let row = row!(py; ; value, numerator, denominator, respondents, comment, source);
        row.set_item("period", p.to_string())?;
        let m = raise_fields(records::measurement(&row))?;
        self.edit(py, |ws| ws.put_measurement(indicator, m, replace)).py(py)
    }

    /// Remove an indicator's measurement for a period.
    fn remove_measurement(&self, py: Python<'_>, indicator: &str, period: &Bound<'_, PyAny>) -> PyResult<()> {
        let p = period_arg(period, "period")?;
        self.edit(py, |ws| ws.remove_measurement(indicator, p)).py(py).map(drop)
    }

    /// Set the explicit target of an indicator for a period (replacing any there was).
    fn set_target(
        &self,
        py: Python<'_>,
        indicator: &str,
        period: &Bound<'_, PyAny>,
        value: &Bound<'_, PyAny>,
    ) -> PyResult<()> {
        let p = period_arg(period, "period")?;
        let v = convert::number(value).arg("value")?;
        self.edit(py, |ws| ws.set_target(indicator, p, v)).py(py)
    }

    /// Remove the explicit target of an indicator for a period.
    fn remove_target(&self, py: Python<'_>, indicator: &str, period: &Bound<'_, PyAny>) -> PyResult<()> {
        let p = period_arg(period, "period")?;
        self.edit(py, |ws| ws.remove_target(indicator, p)).py(py).map(drop)
    }

    /// Add a perspective. `weight` is a number, or a schedule of (period, weight) pairs;
    /// `rollup` is its JSON form (`{"aggregation": "worst"}`).
    #[pyo3(signature = (id, name, *, weight=None, rollup=None))]
    fn add_perspective<'py>(
        &self,
        py: Python<'py>,
        id: &Bound<'py, PyAny>,
        name: &Bound<'py, PyAny>,
        weight: Option<&Bound<'py, PyAny>>,
        rollup: Option<&Bound<'py, PyAny>>,
    ) -> PyResult<()> {
        let d = row!(py; id, name; weight, rollup);
        let p: Perspective = convert::from_json_form(d.as_any()).arg("perspective")?;
        self.edit(py, |ws| ws.add_perspective(p)).py(py)
    }

    /// Add an objective in a perspective. `indicators` lists indicator ids (or
    /// {indicator, weight} dicts, or (indicator, weight) pairs).
    #[pyo3(signature = (id, name, perspective, *, weight=None, indicators=None, rollup=None))]
    #[allow(clippy::too_many_arguments)]
    fn add_objective<'py>(
        &self,
        py: Python<'py>,
        id: &Bound<'py, PyAny>,
        name: &Bound<'py, PyAny>,
        perspective: &Bound<'py, PyAny>,
        weight: Option<&Bound<'py, PyAny>>,
        indicators: Option<&Bound<'py, PyAny>>,
        rollup: Option<&Bound<'py, PyAny>>,
    ) -> PyResult<()> {
        let links = PyList::empty(py);
        if let Some(list) = indicators {
            for item in list.try_iter()? {
                let item = item?;
                if item.is_instance_of::<pyo3::types::PyString>() {
                    let indicator = item;
                    links.append(row!(py; indicator;))?;
                } else if let Ok(t) = item.cast::<PyTuple>() {
                    let (indicator, weight) = (t.get_item(0)?, t.get_item(1)?);
                    links.append(row!(py; indicator, weight;))?;
                } else {
                    links.append(item)?;
                }
            }
        }
        let d = row!(py; id, name, perspective; weight, rollup);
        d.set_item("indicators", links)?;
        let o: Objective = convert::from_json_form(d.as_any()).arg("objective")?;
        self.edit(py, |ws| ws.add_objective(o)).py(py)
    }

    /// Put an indicator under an objective with a weight (or change its weight).
    #[pyo3(signature = (objective, indicator, *, weight=None))]
    fn link_indicator(
        &self,
        py: Python<'_>,
        objective: &str,
        indicator: &Bound<'_, PyAny>,
        weight: Option<&Bound<'_, PyAny>>,
    ) -> PyResult<()> {
        let d = row!(py; indicator; weight);
        let link: IndicatorLink = convert::from_json_form(d.as_any()).arg("link")?;
        self.edit(py, |ws| ws.link_indicator(objective, link)).py(py)
    }

    /// Take an indicator out of an objective.
    fn unlink_indicator(&self, py: Python<'_>, objective: &str, indicator: &str) -> PyResult<()> {
        self.edit(py, |ws| ws.unlink_indicator(objective, indicator)).py(py).map(drop)
    }

    /// Add a cause-effect link of the strategy map, from the cause objective to the effect
    /// objective (`sign`: "positive" or "negative"; `lag` in periods).
    #[pyo3(signature = (cause, effect, *, sign=None, lag=None))]
    fn add_link<'py>(
        &self,
        py: Python<'py>,
        cause: &Bound<'py, PyAny>,
        effect: &Bound<'py, PyAny>,
        sign: Option<&Bound<'py, PyAny>>,
        lag: Option<&Bound<'py, PyAny>>,
    ) -> PyResult<()> {
        let d = row!(py; ; sign, lag);
        d.set_item("from", cause)?;
        d.set_item("to", effect)?;
        let link: CauseEffect = convert::from_json_form(d.as_any()).arg("link")?;
        self.edit(py, |ws| ws.add_cause_effect(link)).py(py)
    }

    /// Remove the cause-effect link from `cause` to `effect`.
    fn remove_link(&self, py: Python<'_>, cause: &str, effect: &str) -> PyResult<()> {
        self.edit(py, |ws| ws.remove_cause_effect(cause, effect)).py(py).map(drop)
    }
}

/// Methods that remove the record with the id given, by the core's `edit` method of the same
/// name.
macro_rules! removers {
    ($($(#[$doc:meta])* $name:ident;)*) => {
        #[pymethods]
        impl PyWorkspace {
            $(
                $(#[$doc])*
                fn $name(&self, py: Python<'_>, id: &str) -> PyResult<()> {
                    self.edit(py, |ws| ws.$name(id)).py(py).map(drop)
                }
            )*
        }
    };
}

removers! {
    /// Remove the service with this id.
    remove_service;
    /// Remove the project with this id.
    remove_project;
    /// Remove the partner with this id.
    remove_partner;
    /// Remove the commitment with this id.
    remove_commitment;
    /// Remove the indicator with this id (with its measurements and targets).
    remove_indicator;
    /// Remove the objective with this id.
    remove_objective;
    /// Remove the perspective with this id.
    remove_perspective;
}
