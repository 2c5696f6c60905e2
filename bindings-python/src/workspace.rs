//! `pilotage.Workspace`: a newtype over the core [`Workspace`]. Loading, validating and saving
//! run in the core with the GIL released; editing calls the core's `edit` methods; views are
//! plain dicts (see `views`).

use std::path::PathBuf;
use std::sync::{Arc, PoisonError, RwLock, TryLockError};

use pilotage::{CauseEffect, Indicator, IndicatorLink, Objective, Perspective, Service, Workspace};
use pyo3::exceptions::{PyTypeError, PyValueError};
use pyo3::prelude::*;
use pyo3::types::{PyDict, PyList, PyTuple};

use crate::analytics;
use crate::convert::{self, ArgResult};
use crate::errors::{IntoPyResult, PyProblem};
use crate::evaluation::{PyEvaluation, PyEvaluationRange};
use crate::period::PyPeriod;
use crate::period::period_arg;
use crate::records::{self, FieldErrors};
use crate::topy;
use crate::views;
use pilotage::analytics::headline::HeadlineOptions;
use pilotage::analytics::partnership::{self, FundsScope, ProjectScope};
use pilotage::analytics::portfolio;
use pilotage::io::import;
use pilotage::io::rows::RecordKind;

/// Everything one organisation steers: services, projects, partners, commitments,
/// indicators and the scorecard. Build it from Python, or open a workspace file.
///
/// >>> import datetime
/// >>> from decimal import Decimal
/// >>> from pilotage import Workspace
/// >>> ws = Workspace("Romans-sur-Isère")
/// >>> ws.add_service("urb", "Urbanisme")
/// >>> ws.add_project("p1", "Halles", "urb", planned_cost=Decimal("1200000.00"),
/// ...                registered=datetime.date(2025, 1, 6), approved=datetime.date(2025, 3, 3))
/// >>> ws.projects()[0]["planned_cost"]
/// Decimal('1200000.00')
/// >>> ws.validate()
/// >>> Workspace.from_json(ws.to_json()) == ws
/// True
///
/// Threads: a workspace may be shared between threads. Every call sees the workspace whole,
/// as it was before or after any other call, never half-changed: reading calls (evaluate,
/// views, analytics, saving) work on an immutable snapshot taken when they start and run
/// with the GIL released, while edits change the workspace under a lock (copy-on-write: an
/// edit made while an evaluation runs copies the workspace once, and the evaluation goes on
/// with the snapshot it took). An edit never raises because another thread is reading.
#[pyclass(eq, frozen, module = "pilotage", name = "Workspace")]
pub struct PyWorkspace {
    /// The current workspace; readers clone the `Arc` (a snapshot), editors change it with
    /// `Arc::make_mut` under the write lock. The lock is held only for pure Rust work: no
    /// Python code runs and the GIL is never waited for while it is held.
    state: RwLock<Arc<Workspace>>,
}

impl PartialEq for PyWorkspace {
    fn eq(&self, other: &Self) -> bool {
        let (a, b) = (self.snapshot(), other.snapshot());
        Arc::ptr_eq(&a, &b) || a == b
    }
}

impl Clone for PyWorkspace {
    /// A copy that shares the records until one of the two is edited (copy-on-write).
    fn clone(&self) -> Self {
        PyWorkspace { state: RwLock::new(self.snapshot()) }
    }
}

impl From<Workspace> for PyWorkspace {
    fn from(ws: Workspace) -> Self {
        PyWorkspace { state: RwLock::new(Arc::new(ws)) }
    }
}

impl PyWorkspace {
    /// The workspace as it is now: an immutable snapshot that later edits do not change.
    /// Waits (with the GIL released) only while an edit is being applied.
    pub(crate) fn snapshot(&self) -> Arc<Workspace> {
        match self.state.try_read() {
            Ok(guard) => Arc::clone(&guard),
            Err(TryLockError::Poisoned(e)) => Arc::clone(&e.into_inner()),
            Err(TryLockError::WouldBlock) => Python::attach(|py| {
                py.detach(|| Arc::clone(&self.state.read().unwrap_or_else(PoisonError::into_inner)))
            }),
        }
    }

    /// Apply an edit (pure Rust: no Python runs inside) to the workspace under the write
    /// lock. When a snapshot is being read (an evaluation in another thread), the workspace
    /// is copied first and the reader keeps its snapshot. When another edit holds the lock,
    /// waits for it with the GIL released.
    fn edit<R: Send>(&self, py: Python<'_>, f: impl FnOnce(&mut Workspace) -> R + Send) -> R {
        match self.state.try_write() {
            Ok(mut guard) => f(Arc::make_mut(&mut guard)),
            Err(TryLockError::Poisoned(e)) => f(Arc::make_mut(&mut e.into_inner())),
            Err(TryLockError::WouldBlock) => py.detach(|| {
                let mut guard = self.state.write().unwrap_or_else(PoisonError::into_inner);
                f(Arc::make_mut(&mut guard))
            }),
        }
    }
}

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

fn kwargs_row<'py>(
    py: Python<'py>,
    pairs: &[(&str, Option<&Bound<'py, PyAny>>)],
) -> PyResult<Bound<'py, PyDict>> {
    let d = PyDict::new(py);
    for (k, v) in pairs {
        if let Some(v) = v {
            d.set_item(*k, v)?;
        }
    }
    Ok(d)
}

/// Import a core table into the workspace under the write lock, all or nothing (the
/// core's one input path, [`pilotage::io::rows::import`]).
fn import_rows(
    this: &PyWorkspace,
    py: Python<'_>,
    rows: pilotage::io::rows::Rows,
    replace: bool,
) -> PyResult<pilotage::io::rows::ImportSummary> {
    let options = pilotage::io::rows::ImportOptions { replace };
    this.edit(py, |ws| pilotage::io::rows::import(ws, &rows, options)).py(py)
}

#[pymethods]
impl PyWorkspace {
    /// An empty workspace for an organisation.
    #[new]
    #[pyo3(signature = (organisation="", *, currency="EUR", fiscal_year_start_month=1))]
    fn new(
        py: Python<'_>,
        organisation: &str,
        currency: &str,
        fiscal_year_start_month: u8,
    ) -> PyResult<Self> {
        // the currency and the fiscal month go through the core's setters: `currency="eur"` or
        // `fiscal_year_start_month=13` are refused here, as the setters and the file refuse
        // them (a blank name stays allowed until the workspace is validated or saved)
        let mut inner = Workspace::new(organisation);
        inner.set_currency(currency).py(py)?;
        inner.set_fiscal_year_start_month(fiscal_year_start_month).py(py)?;
        Ok(PyWorkspace::from(inner))
    }

    /// Load and validate a workspace file (every problem at once in a `ValidationError`).
    /// With `lenient=True`, an invalid file is loaded as it is and `(workspace, problems)`
    /// is returned, so that it can be repaired with the library (records that cannot be
    /// decoded at all are left out, each with its problem).
    #[staticmethod]
    #[pyo3(signature = (path, *, lenient=false))]
    fn open<'py>(py: Python<'py>, path: PathBuf, lenient: bool) -> PyResult<Bound<'py, PyAny>> {
        if lenient {
            let (ws, problems) = py.detach(|| Workspace::open_lenient(&path)).py(py)?;
            let problems: Vec<PyProblem> = problems.into_iter().map(|inner| PyProblem { inner }).collect();
            return (PyWorkspace::from(ws), problems).into_pyobject(py).map(Bound::into_any);
        }
        let r = py.detach(|| Workspace::open(&path));
        PyWorkspace::from(r.py(py)?).into_pyobject(py).map(Bound::into_any)
    }

    /// Load a workspace from JSON text; `validate=False` only decodes it (for repairs).
    #[staticmethod]
    #[pyo3(signature = (text, *, validate=true))]
    fn from_json(py: Python<'_>, text: String, validate: bool) -> PyResult<Self> {
        let r =
            py.detach(|| if validate { Workspace::from_json(&text) } else { Workspace::parse_json(&text) });
        Ok(PyWorkspace::from(r.py(py)?))
    }

    /// The workspace as pretty-printed JSON (the file format).
    fn to_json(&self, py: Python<'_>) -> PyResult<String> {
        let ws = &self.snapshot();
        py.detach(|| ws.to_json()).py(py)
    }

    /// Save as a workspace file, atomically (a failed save never truncates the old file).
    /// A workspace that would not reopen is refused with a `ValidationError` listing its
    /// problems; nothing is written and the workspace is unchanged.
    fn save(&self, py: Python<'_>, path: PathBuf) -> PyResult<()> {
        let ws = &self.snapshot();
        py.detach(|| ws.save(&path)).py(py)
    }

    /// Raise `ValidationError` with every problem, or return None when valid.
    fn validate(&self, py: Python<'_>) -> PyResult<()> {
        let ws = &self.snapshot();
        py.detach(|| ws.validate()).py(py)
    }

    /// Every problem of the workspace (an empty list when it is valid).
    fn problems(&self, py: Python<'_>) -> Vec<PyProblem> {
        let ws = &self.snapshot();
        py.detach(|| ws.problems()).into_iter().map(|inner| PyProblem { inner }).collect()
    }

    /// Version of the file format.
    #[getter]
    fn schema_version(&self) -> u32 {
        self.snapshot().schema_version
    }

    /// Name of the organisation.
    #[getter]
    fn get_organisation(&self) -> String {
        self.snapshot().organisation.clone()
    }

    #[setter]
    fn set_organisation(&self, py: Python<'_>, value: String) -> PyResult<()> {
        self.edit(py, |ws| ws.set_organisation(&value)).py(py)
    }

    /// ISO 4217 currency of every amount.
    #[getter]
    fn get_currency(&self) -> String {
        self.snapshot().currency.clone()
    }

    #[setter]
    fn set_currency(&self, py: Python<'_>, value: String) -> PyResult<()> {
        self.edit(py, |ws| ws.set_currency(&value)).py(py)
    }

    /// Month (1-12) the fiscal year starts in.
    #[getter]
    fn get_fiscal_year_start_month(&self) -> u8 {
        self.snapshot().fiscal_year_start_month
    }

    #[setter]
    fn set_fiscal_year_start_month(&self, py: Python<'_>, value: u8) -> PyResult<()> {
        self.edit(py, |ws| ws.set_fiscal_year_start_month(value)).py(py)
    }

    /// Engine settings, in their JSON form.
    #[getter]
    fn settings<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        convert::json_form(py, &self.snapshot().settings)
    }

    /// Services, as a Table of dicts (id, name).
    fn services<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        let rows = self.snapshot().services.iter().map(|s| views::service(py, s)).collect::<PyResult<_>>()?;
        views::table(py, "services", rows)
    }

    /// Projects, as a Table of dicts (stages as a list of {stage, date}).
    fn projects<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        let rows = self.snapshot().projects.iter().map(|p| views::project(py, p)).collect::<PyResult<_>>()?;
        views::table(py, "projects", rows)
    }

    /// Partners, as a Table of dicts.
    fn partners<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        let rows = self.snapshot().partners.iter().map(|p| views::partner(py, p)).collect::<PyResult<_>>()?;
        views::table(py, "partners", rows)
    }

    /// Commitments, as a Table of dicts (steps as a list of {status, date, amount}).
    fn commitments<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        let rows =
            self.snapshot().commitments.iter().map(|c| views::commitment(py, c)).collect::<PyResult<_>>()?;
        views::table(py, "commitments", rows)
    }

    /// Indicators, as a Table of dicts (configuration in its JSON form; `measurements` is
    /// their number: see `measurements()`).
    fn indicators<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        let rows =
            self.snapshot().indicators.iter().map(|i| views::indicator(py, i)).collect::<PyResult<_>>()?;
        views::table(py, "indicators", rows)
    }

    /// Measurements of every indicator (or of one), as a Table of dicts.
    #[pyo3(signature = (indicator=None))]
    fn measurements<'py>(&self, py: Python<'py>, indicator: Option<&str>) -> PyResult<Bound<'py, PyAny>> {
        if let Some(id) = indicator {
            if !self.snapshot().indicators.iter().any(|i| i.id == id) {
                return Err(crate::errors::to_py_err(
                    py,
                    pilotage::Error::NotFound { what: "indicator", id: id.to_string() },
                ));
            }
        }
        views::table(py, "measurements", views::measurements(py, &self.snapshot(), indicator)?)
    }

    /// Perspectives, as a Table of dicts.
    fn perspectives<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        let rows = self
            .snapshot()
            .scorecard
            .perspectives
            .iter()
            .map(|p| views::perspective(py, p))
            .collect::<PyResult<_>>()?;
        views::table(py, "perspectives", rows)
    }

    /// Objectives, as a Table of dicts (with their indicator links).
    fn objectives<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        let rows = self
            .snapshot()
            .scorecard
            .objectives
            .iter()
            .map(|o| views::objective(py, o))
            .collect::<PyResult<_>>()?;
        views::table(py, "objectives", rows)
    }

    /// Cause-effect links of the strategy map, as a Table of dicts (cause, effect, sign, lag).
    fn links<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        let rows = self
            .snapshot()
            .scorecard
            .links
            .iter()
            .map(|l| views::cause_effect(py, l))
            .collect::<PyResult<_>>()?;
        views::table(py, "links", rows)
    }

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
        let row = kwargs_row(
            py,
            &[
                ("id", Some(id)),
                ("title", Some(title)),
                ("lead_service", Some(lead_service)),
                ("contributing_services", contributing_services),
                ("objectives", objectives),
                ("stages", stages),
                ("planned_cost", planned_cost),
                ("actual_cost", actual_cost),
                ("planned_end", planned_end),
                ("own_funds", own_funds),
            ],
        )?;
        if let Some(extra) = stage_dates {
            for (k, v) in extra.iter() {
                let key: String = k.extract()?;
                if !pilotage::Stage::ALL.iter().any(|s| s.as_str() == key) {
                    return Err(PyTypeError::new_err(format!(
                        "add_project() got an unexpected keyword argument '{key}' (stage keywords are: \
                         registered, complete, approved, rejected, notified, started, delivered, closed, abandoned)"
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
        let row = kwargs_row(
            py,
            &[("id", Some(id)), ("name", Some(name)), ("kind", Some(kind)), ("joined", joined)],
        )?;
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
        let row = kwargs_row(
            py,
            &[
                ("id", Some(id)),
                ("partner", Some(partner)),
                ("kind", Some(kind)),
                ("project", project),
                ("steps", steps),
            ],
        )?;
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
        let row =
            kwargs_row(py, &[("status", Some(status)), ("date", Some(date)), ("amount", Some(amount))])?;
        let step = raise_fields(records::step(&row))?;
        self.edit(py, |ws| ws.add_commitment_step(commitment, step)).py(py)
    }

    /// Add an indicator. `scoring`, `source`, `baseline`, `targets`, `trajectory` and
    /// `thresholds` are given in their JSON form, e.g. `scoring={"method": "ratio_to_target"}`,
    /// `baseline={"period": "2024", "value": 40}`.
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
        let d = kwargs_row(
            py,
            &[
                ("id", Some(id)),
                ("name", Some(name)),
                ("frequency", Some(frequency)),
                ("scoring", Some(scoring)),
                ("description", description),
                ("source", source),
                ("baseline", baseline),
                ("targets", targets),
                ("trajectory", trajectory),
                ("thresholds", thresholds),
                ("min_group_size", min_group_size),
                ("service", service),
            ],
        )?;
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
        let row = kwargs_row(
            py,
            &[
                ("value", value),
                ("numerator", numerator),
                ("denominator", denominator),
                ("respondents", respondents),
                ("comment", comment),
                ("source", source),
            ],
        )?;
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
        let d = kwargs_row(
            py,
            &[("id", Some(id)), ("name", Some(name)), ("weight", weight), ("rollup", rollup)],
        )?;
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
                    let d = PyDict::new(py);
                    d.set_item("indicator", item)?;
                    links.append(d)?;
                } else if let Ok(t) = item.cast::<PyTuple>() {
                    let d = PyDict::new(py);
                    d.set_item("indicator", t.get_item(0)?)?;
                    d.set_item("weight", t.get_item(1)?)?;
                    links.append(d)?;
                } else {
                    links.append(item)?;
                }
            }
        }
        let d = kwargs_row(
            py,
            &[
                ("id", Some(id)),
                ("name", Some(name)),
                ("perspective", Some(perspective)),
                ("weight", weight),
                ("rollup", rollup),
            ],
        )?;
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
        let d = kwargs_row(py, &[("indicator", Some(indicator)), ("weight", weight)])?;
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
        let d = kwargs_row(py, &[("from", Some(cause)), ("to", Some(effect)), ("sign", sign), ("lag", lag)])?;
        let link: CauseEffect = convert::from_json_form(d.as_any()).arg("link")?;
        self.edit(py, |ws| ws.add_cause_effect(link)).py(py)
    }

    /// Remove the cause-effect link from `cause` to `effect`.
    fn remove_link(&self, py: Python<'_>, cause: &str, effect: &str) -> PyResult<()> {
        self.edit(py, |ws| ws.remove_cause_effect(cause, effect)).py(py).map(drop)
    }

    /// Remove the service with this id.
    fn remove_service(&self, py: Python<'_>, id: &str) -> PyResult<()> {
        self.edit(py, |ws| ws.remove_service(id)).py(py).map(drop)
    }

    /// Remove the project with this id.
    fn remove_project(&self, py: Python<'_>, id: &str) -> PyResult<()> {
        self.edit(py, |ws| ws.remove_project(id)).py(py).map(drop)
    }

    /// Remove the partner with this id.
    fn remove_partner(&self, py: Python<'_>, id: &str) -> PyResult<()> {
        self.edit(py, |ws| ws.remove_partner(id)).py(py).map(drop)
    }

    /// Remove the commitment with this id.
    fn remove_commitment(&self, py: Python<'_>, id: &str) -> PyResult<()> {
        self.edit(py, |ws| ws.remove_commitment(id)).py(py).map(drop)
    }

    /// Remove the indicator with this id (with its measurements and targets).
    fn remove_indicator(&self, py: Python<'_>, id: &str) -> PyResult<()> {
        self.edit(py, |ws| ws.remove_indicator(id)).py(py).map(drop)
    }

    /// Remove the objective with this id.
    fn remove_objective(&self, py: Python<'_>, id: &str) -> PyResult<()> {
        self.edit(py, |ws| ws.remove_objective(id)).py(py).map(drop)
    }

    /// Remove the perspective with this id.
    fn remove_perspective(&self, py: Python<'_>, id: &str) -> PyResult<()> {
        self.edit(py, |ws| ws.remove_perspective(id)).py(py).map(drop)
    }

    /// Add measurements from a DataFrame (pandas or polars), a `Table` or a list of dicts
    /// with columns `indicator`, `period`, `value` and optionally `numerator`,
    /// `denominator`, `respondents`, `comment`, `source`: the rules of the CSV import. All
    /// rows or none: a `ValidationError` names each bad row (`measurements[label].column`).
    /// A measurement the indicator has for the period is refused unless `replace=True`.
    /// Returns the number of rows added or replaced.
    #[pyo3(signature = (frame, *, replace=false))]
    fn add_measurements(&self, py: Python<'_>, frame: &Bound<'_, PyAny>, replace: bool) -> PyResult<usize> {
        let rows = records::table(frame, RecordKind::Measurements)?;
        let s = import_rows(self, py, rows, replace)?;
        Ok(s.added + s.replaced)
    }

    /// Add projects from a DataFrame, a `Table` or a list of dicts: the columns of
    /// `ws.projects().to_pandas()` (`id`, `title`, `lead_service`, `registered` required;
    /// optional `contributing_services`, `objectives`, one date column per other stage
    /// reached, `planned_cost`, `actual_cost`, `planned_end`, `own_funds`). All rows or none;
    /// a project the workspace has is refused unless `replace=True`.
    #[pyo3(signature = (frame, *, replace=false))]
    fn add_projects(&self, py: Python<'_>, frame: &Bound<'_, PyAny>, replace: bool) -> PyResult<usize> {
        let rows = records::table(frame, RecordKind::Projects)?;
        Ok(import_rows(self, py, rows, replace)?.added)
    }

    /// Add partners from a DataFrame, a `Table` or a list of dicts: columns `id`, `name`,
    /// `kind`, optional `joined`. All rows or none; a partner the workspace has is refused
    /// unless `replace=True`.
    #[pyo3(signature = (frame, *, replace=false))]
    fn add_partners(&self, py: Python<'_>, frame: &Bound<'_, PyAny>, replace: bool) -> PyResult<usize> {
        let rows = records::table(frame, RecordKind::Partners)?;
        Ok(import_rows(self, py, rows, replace)?.added)
    }

    /// Add commitments from a DataFrame, a `Table` or a list of dicts with one row per step,
    /// the columns of `ws.commitments().to_pandas()`: `commitment`, `status`, `date`,
    /// `amount`, and `partner`, `kind` (needed on a commitment's first row), optional
    /// `project`. Rows of one commitment make one commitment (its steps in row order). All
    /// rows or none; returns the number of commitments added.
    #[pyo3(signature = (frame, *, replace=false))]
    fn add_commitments(&self, py: Python<'_>, frame: &Bound<'_, PyAny>, replace: bool) -> PyResult<usize> {
        let rows = records::table(frame, RecordKind::Commitments)?;
        Ok(import_rows(self, py, rows, replace)?.added)
    }

    /// The period of `frequency` holding the latest dated data (a measured period, a project
    /// stage or a commitment step): the natural reporting period. None for an empty workspace.
    #[pyo3(signature = (frequency="quarterly"))]
    fn latest_period(&self, frequency: &str) -> PyResult<Option<PyPeriod>> {
        let f: pilotage::Frequency = analytics::named(frequency, "frequency")?;
        Ok(self.snapshot().latest_period(f).map(|inner| PyPeriod { inner }))
    }

    /// Evaluate the scorecard at a period (default: the latest quarter with data). The
    /// period's frequency is the reporting frequency. Runs with the GIL released.
    #[pyo3(signature = (period=None))]
    fn evaluate(&self, py: Python<'_>, period: Option<&Bound<'_, PyAny>>) -> PyResult<PyEvaluation> {
        let ws = &self.snapshot();
        let p = analytics::period_or_latest(ws, period)?;
        Ok(PyEvaluation::new(py.detach(|| pilotage::evaluate(ws, p)).py(py)?))
    }

    /// Evaluate every period from `first` to `last` (same frequency) in one pass of the engine.
    fn evaluate_range(
        &self,
        py: Python<'_>,
        first: &Bound<'_, PyAny>,
        last: &Bound<'_, PyAny>,
    ) -> PyResult<PyEvaluationRange> {
        let (a, b) = (period_arg(first, "first")?, period_arg(last, "last")?);
        let ws = &self.snapshot();
        Ok(PyEvaluationRange::new(py.detach(|| pilotage::evaluate_range(ws, a, b)).py(py)?))
    }

    /// Why a node has its score and status at a period, in a few readable lines, in English
    /// (`lang="en"`) or French (`lang="fr"`).
    #[pyo3(signature = (node_id, period, *, lang="en"))]
    fn explain(
        &self,
        py: Python<'_>,
        node_id: &str,
        period: &Bound<'_, PyAny>,
        lang: &str,
    ) -> PyResult<String> {
        let p = period_arg(period, "period")?;
        let locale = crate::render::locale(lang)?;
        let ws = &self.snapshot();
        py.detach(|| {
            pilotage::evaluate(ws, p).and_then(|ev| pilotage::explain::explain_in(&ev, node_id, locale))
        })
        .py(py)
    }

    /// The headline figures of a period (default: the latest quarter with data): caseload,
    /// lead times against an earlier period and year, funds, leverage, partners, capacity.
    #[pyo3(signature = (period=None, *, compare_with=None, top_partners=5, leverage="external_over_own", start="registered", stop="decision", caseload="until_closed"))]
    #[allow(clippy::too_many_arguments)]
    fn headline<'py>(
        &self,
        py: Python<'py>,
        period: Option<&Bound<'py, PyAny>>,
        compare_with: Option<&Bound<'py, PyAny>>,
        top_partners: usize,
        leverage: &str,
        start: &str,
        stop: &str,
        caseload: &str,
    ) -> PyResult<Bound<'py, PyAny>> {
        let ws = &self.snapshot();
        let p = analytics::period_or_latest(ws, period)?;
        let options = HeadlineOptions {
            compare_with: match compare_with {
                Some(c) if !c.is_none() => Some(period_arg(c, "compare_with")?),
                _ => None,
            },
            top_partners,
            leverage: analytics::named(leverage, "leverage")?,
            lead_time: analytics::lead_time_options(start, stop)?,
            caseload: analytics::caseload_rule(caseload)?,
        };
        let h = py.detach(|| pilotage::analytics::headline::headline(ws, p, options)).py(py)?;
        topy::result(py, "headline", &h)
    }

    /// The active caseload on a date ("file active"), split by stage, lead service, objective;
    /// `rule` says whether rejected and delivered files count until closed (`until_closed`,
    /// the default), or not (`without_rejected`, `without_delivered`, `in_progress`).
    #[pyo3(signature = (date, *, rule="until_closed"))]
    fn caseload<'py>(
        &self,
        py: Python<'py>,
        date: &Bound<'py, PyAny>,
        rule: &str,
    ) -> PyResult<Bound<'py, PyAny>> {
        let d = convert::date(date).arg("date")?;
        let options = analytics::caseload_rule(rule)?;
        topy::result(py, "caseload", &portfolio::caseload_with(&self.snapshot(), d, options))
    }

    /// The active files on a date, grouped by the stage they are in.
    fn work_in_progress<'py>(
        &self,
        py: Python<'py>,
        date: &Bound<'py, PyAny>,
    ) -> PyResult<Bound<'py, PyAny>> {
        let d = convert::date(date).arg("date")?;
        topy::result(py, "work_in_progress", &portfolio::work_in_progress(&self.snapshot(), d))
    }

    /// Lead times of the files whose stop event falls in `period` (mean, median, p90, files).
    #[pyo3(signature = (period, *, start="registered", stop="decision"))]
    fn lead_time<'py>(
        &self,
        py: Python<'py>,
        period: &Bound<'py, PyAny>,
        start: &str,
        stop: &str,
    ) -> PyResult<Bound<'py, PyAny>> {
        let p = period_arg(period, "period")?;
        let o = analytics::lead_time_options(start, stop)?;
        topy::result(py, "lead_time", &portfolio::lead_time(&self.snapshot(), p, o))
    }

    /// Lead times of two periods and their ratio earlier / later ("divided by N").
    #[pyo3(signature = (earlier, later, *, start="registered", stop="decision"))]
    fn compare_lead_times<'py>(
        &self,
        py: Python<'py>,
        earlier: &Bound<'py, PyAny>,
        later: &Bound<'py, PyAny>,
        start: &str,
        stop: &str,
    ) -> PyResult<Bound<'py, PyAny>> {
        let (a, b) = (period_arg(earlier, "earlier")?, period_arg(later, "later")?);
        let o = analytics::lead_time_options(start, stop)?;
        topy::result(py, "lead_time_comparison", &portfolio::compare_lead_times(&self.snapshot(), a, b, o))
    }

    /// Files registered, approved, rejected and delivered in a period.
    fn throughput<'py>(&self, py: Python<'py>, period: &Bound<'py, PyAny>) -> PyResult<Bound<'py, PyAny>> {
        let p = period_arg(period, "period")?;
        topy::result(py, "throughput", &portfolio::throughput(&self.snapshot(), p))
    }

    /// The age of every active file on a date, as a Table (oldest first as the core orders).
    fn ageing<'py>(&self, py: Python<'py>, date: &Bound<'py, PyAny>) -> PyResult<Bound<'py, PyAny>> {
        let d = convert::date(date).arg("date")?;
        let rows = portfolio::ageing(&self.snapshot(), d)
            .iter()
            .map(|a| topy::ToPy::to_py(a, py).and_then(|r| Ok(r.cast_into::<PyDict>()?)))
            .collect::<PyResult<Vec<_>>>()?;
        views::table(py, "ageing", rows)
    }

    /// On-time delivery and cost variance of the files delivered (in `period`, or ever).
    #[pyo3(signature = (period=None))]
    fn delivery<'py>(
        &self,
        py: Python<'py>,
        period: Option<&Bound<'py, PyAny>>,
    ) -> PyResult<Bound<'py, PyAny>> {
        let p = match period {
            Some(p) if !p.is_none() => Some(period_arg(p, "period")?),
            _ => None,
        };
        topy::result(py, "delivery", &portfolio::delivery(&self.snapshot(), p))
    }

    /// Planned cost of the active files on a date, by lead service and objective.
    fn portfolio_value<'py>(&self, py: Python<'py>, date: &Bound<'py, PyAny>) -> PyResult<Bound<'py, PyAny>> {
        let d = convert::date(date).arg("date")?;
        topy::result(py, "portfolio_value", &portfolio::portfolio_value(&self.snapshot(), d))
    }

    /// Share of files run by two or more services (active on `date`, or all files).
    #[pyo3(signature = (date=None))]
    fn transversality<'py>(
        &self,
        py: Python<'py>,
        date: Option<&Bound<'py, PyAny>>,
    ) -> PyResult<Bound<'py, PyAny>> {
        let d = convert::opt_date(date).arg("date")?;
        topy::result(py, "transversality", &portfolio::transversality(&self.snapshot(), d))
    }

    /// Partners in a period: members, newcomers, active ones, by kind.
    fn partner_counts<'py>(
        &self,
        py: Python<'py>,
        period: &Bound<'py, PyAny>,
    ) -> PyResult<Bound<'py, PyAny>> {
        let p = period_arg(period, "period")?;
        topy::result(py, "partner_counts", &partnership::partner_counts(&self.snapshot(), p))
    }

    /// Funds pledged, signed and received: up to a day (`as_of=`, a stock) or inside a period
    /// (`within=`, a flow); give exactly one.
    #[pyo3(signature = (*, as_of=None, within=None))]
    fn funds<'py>(
        &self,
        py: Python<'py>,
        as_of: Option<&Bound<'py, PyAny>>,
        within: Option<&Bound<'py, PyAny>>,
    ) -> PyResult<Bound<'py, PyAny>> {
        let as_of = convert::opt_date(as_of).arg("as_of")?;
        let within = match within {
            Some(w) if !w.is_none() => Some(period_arg(w, "within")?),
            _ => None,
        };
        let scope = match (as_of, within) {
            (Some(d), None) => FundsScope::AsOf(d),
            (None, Some(p)) => FundsScope::Within(p),
            _ => {
                return Err(PyTypeError::new_err(
                    "funds() takes exactly one of as_of= (a date: funds up to it) or within= (a period: funds dated in it)",
                ));
            }
        };
        topy::result(py, "funds", &partnership::funds(&self.snapshot(), scope))
    }

    /// What is pledged but not signed, and signed but not received, on a date.
    fn outstanding<'py>(&self, py: Python<'py>, as_of: &Bound<'py, PyAny>) -> PyResult<Bound<'py, PyAny>> {
        let d = convert::date(as_of).arg("as_of")?;
        topy::result(py, "outstanding", &partnership::outstanding(&self.snapshot(), d))
    }

    /// Co-financing rate and leverage of one project (`NotFoundError` for an unknown id).
    #[pyo3(signature = (id, *, basis="signed", as_of=None, leverage="external_over_own"))]
    fn project_finance<'py>(
        &self,
        py: Python<'py>,
        id: &str,
        basis: &str,
        as_of: Option<&Bound<'py, PyAny>>,
        leverage: &str,
    ) -> PyResult<Bound<'py, PyAny>> {
        let o = analytics::finance_options(basis, as_of, leverage)?;
        match partnership::project_finance(&self.snapshot(), id, o) {
            Some(f) => topy::result(py, "project_finance", &f),
            None => Err(crate::errors::to_py_err(
                py,
                pilotage::Error::NotFound { what: "project", id: id.to_string() },
            )),
        }
    }

    /// Co-financing and leverage of the projects approved by a day (`approved_by=`), in a
    /// period (`approved_in=`), or of every project (neither).
    #[pyo3(signature = (*, approved_by=None, approved_in=None, basis="signed", as_of=None, leverage="external_over_own"))]
    #[allow(clippy::too_many_arguments)]
    fn portfolio_finance<'py>(
        &self,
        py: Python<'py>,
        approved_by: Option<&Bound<'py, PyAny>>,
        approved_in: Option<&Bound<'py, PyAny>>,
        basis: &str,
        as_of: Option<&Bound<'py, PyAny>>,
        leverage: &str,
    ) -> PyResult<Bound<'py, PyAny>> {
        let by = convert::opt_date(approved_by).arg("approved_by")?;
        let within = match approved_in {
            Some(w) if !w.is_none() => Some(period_arg(w, "approved_in")?),
            _ => None,
        };
        let scope = match (by, within) {
            (None, None) => ProjectScope::All,
            (Some(d), None) => ProjectScope::ApprovedBy(d),
            (None, Some(p)) => ProjectScope::ApprovedIn(p),
            _ => return Err(PyTypeError::new_err("give at most one of approved_by= and approved_in=")),
        };
        let o = analytics::finance_options(basis, as_of, leverage)?;
        topy::result(py, "portfolio_finance", &partnership::portfolio_finance(&self.snapshot(), scope, o))
    }

    /// Share of the top partners in the signed funds, and the Herfindahl index.
    #[pyo3(signature = (top_n=5, *, as_of=None))]
    fn concentration<'py>(
        &self,
        py: Python<'py>,
        top_n: usize,
        as_of: Option<&Bound<'py, PyAny>>,
    ) -> PyResult<Bound<'py, PyAny>> {
        let d = convert::opt_date(as_of).arg("as_of")?;
        topy::result(py, "concentration", &partnership::concentration(&self.snapshot(), top_n, d))
    }

    /// Own and external funds of the projects started (else approved) in a period.
    #[pyo3(signature = (period, *, basis="signed", leverage="external_over_own"))]
    fn investment_capacity<'py>(
        &self,
        py: Python<'py>,
        period: &Bound<'py, PyAny>,
        basis: &str,
        leverage: &str,
    ) -> PyResult<Bound<'py, PyAny>> {
        let p = period_arg(period, "period")?;
        let o = analytics::finance_options(basis, None, leverage)?;
        topy::result(py, "investment_capacity", &partnership::investment_capacity(&self.snapshot(), p, o))
    }

    /// Investment capacity of two periods and their ratio later / earlier.
    #[pyo3(signature = (earlier, later, *, basis="signed", leverage="external_over_own"))]
    fn compare_capacity<'py>(
        &self,
        py: Python<'py>,
        earlier: &Bound<'py, PyAny>,
        later: &Bound<'py, PyAny>,
        basis: &str,
        leverage: &str,
    ) -> PyResult<Bound<'py, PyAny>> {
        let (a, b) = (period_arg(earlier, "earlier")?, period_arg(later, "later")?);
        let o = analytics::finance_options(basis, None, leverage)?;
        topy::result(py, "capacity_comparison", &partnership::compare_capacity(&self.snapshot(), a, b, o))
    }

    /// Import a CSV file (a path, or an open file in text or binary mode) of `kind`
    /// `"measurements"`, `"projects"`, `"partners"` or `"commitments"`. All-or-nothing: a
    /// `ValidationError` lists every problem with its file line and column. A record the
    /// workspace has already is refused unless `replace=True`.
    #[pyo3(signature = (source, kind, *, replace=false))]
    fn import_csv<'py>(
        &self,
        py: Python<'py>,
        source: &Bound<'py, PyAny>,
        kind: &str,
        replace: bool,
    ) -> PyResult<Bound<'py, PyAny>> {
        let kind: RecordKind = kind.parse().map_err(|e: pilotage::Error| match e {
            pilotage::Error::Argument { name, message } => {
                PyValueError::new_err(format!("{name}: {message}"))
            }
            other => PyValueError::new_err(other.to_string()),
        })?;
        let options = pilotage::io::rows::ImportOptions { replace };
        let from_reader = |w: &mut Workspace, r: &[u8], s: &str| import::csv(w, kind, r, s, options);
        let from_path = |w: &mut Workspace, p: PathBuf| import::csv_from_path(w, kind, p, options);
        // The import runs under the write lock with the GIL released (it may take seconds),
        // all or nothing as the core does it.
        let summary = if let Ok(path) = source.extract::<PathBuf>() {
            self.edit(py, |ws| from_path(ws, path)).py(py)?
        } else if source.hasattr("read")? {
            let data = source.call_method0("read")?;
            let bytes: Vec<u8> = if let Ok(s) = data.cast::<pyo3::types::PyString>() {
                s.to_string().into_bytes()
            } else if let Ok(b) = data.cast::<pyo3::types::PyBytes>() {
                b.as_bytes().to_vec()
            } else {
                return Err(PyTypeError::new_err("source.read() returned neither str nor bytes"));
            };
            let name = source
                .getattr("name")
                .ok()
                .and_then(|n| n.extract::<PathBuf>().ok())
                .and_then(|p| p.file_name().map(|f| f.to_string_lossy().into_owned()))
                .unwrap_or_else(|| format!("{}.csv", kind.as_str()));
            self.edit(py, |ws| from_reader(ws, &bytes, &name)).py(py)?
        } else {
            return Err(PyTypeError::new_err(format!(
                "source: expected a path (str or os.PathLike) or an open file, not {}",
                source.get_type().name()?
            )));
        };
        topy::result(py, "import", &summary)
    }

    fn __getstate__(&self, py: Python<'_>) -> PyResult<String> {
        self.to_json(py)
    }

    fn __setstate__(&self, py: Python<'_>, state: String) -> PyResult<()> {
        let ws = py.detach(|| Workspace::parse_json(&state)).py(py)?;
        self.edit(py, |current| *current = ws);
        Ok(())
    }

    fn __getnewargs__(&self) -> (String,) {
        (self.snapshot().organisation.clone(),)
    }

    fn __copy__(&self) -> Self {
        self.clone()
    }

    fn __deepcopy__(&self, _memo: &Bound<'_, PyAny>) -> Self {
        self.clone()
    }

    /// The scorecard overview of the latest quarter as the core renders it (SVG), for
    /// Jupyter; `None` (plain text display) when the workspace has no dated data.
    fn _repr_html_(&self, py: Python<'_>) -> PyResult<Option<String>> {
        let ws = &self.snapshot();
        let Some(p) = ws.latest_period(pilotage::Frequency::Quarterly) else { return Ok(None) };
        py.detach(|| pilotage::report::overview_svg_for(ws, p, pilotage::locale::Locale::En)).py(py).map(Some)
    }

    /// The self-contained HTML report of a period (default: the latest quarter with data),
    /// in English (`lang="en"`) or French (`lang="fr"`).
    #[pyo3(signature = (period=None, *, lang="en"))]
    fn report_html(&self, py: Python<'_>, period: Option<&Bound<'_, PyAny>>, lang: &str) -> PyResult<String> {
        let ws = &self.snapshot();
        let (p, l) = (analytics::period_or_latest(ws, period)?, crate::render::locale(lang)?);
        let options = pilotage::report::ReportOptions::default();
        py.detach(|| pilotage::report::html_report(ws, p, l, &options)).py(py)
    }

    /// One indicator's card at a period (default: the latest quarter): its series against
    /// its target, the thresholds and the explanation of its score, as rendered by the core.
    #[pyo3(signature = (indicator_id, period=None, *, lang="en"))]
    fn indicator_card(
        &self,
        py: Python<'_>,
        indicator_id: &str,
        period: Option<&Bound<'_, PyAny>>,
        lang: &str,
    ) -> PyResult<crate::render::PyHtml> {
        let ws = &self.snapshot();
        let (p, l) = (analytics::period_or_latest(ws, period)?, crate::render::locale(lang)?);
        let html = py.detach(|| pilotage::report::indicator_card_for(ws, p, indicator_id, l)).py(py)?;
        Ok(crate::render::PyHtml { html })
    }

    fn __repr__(&self) -> String {
        let ws = &self.snapshot();
        let measurements: usize = ws.indicators.iter().map(|i| i.measurements.len()).sum();
        format!(
            "<Workspace {:?}: {} services, {} projects, {} partners, {} commitments, {} perspectives, \
             {} objectives, {} indicators, {} measurements>",
            ws.organisation,
            ws.services.len(),
            ws.projects.len(),
            ws.partners.len(),
            ws.commitments.len(),
            ws.scorecard.perspectives.len(),
            ws.scorecard.objectives.len(),
            ws.indicators.len(),
            measurements
        )
    }
}
