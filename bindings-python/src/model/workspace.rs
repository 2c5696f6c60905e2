//! `pilotage.Workspace`: a newtype over the core [`Workspace`]. Loading, validating and saving
//! run in the core with the GIL released; editing calls the core's `edit` methods; views are
//! plain dicts (see `views`).
use std::path::PathBuf;
use std::sync::{Arc, PoisonError, RwLock, TryLockError};

use pilotage::Workspace;
use pyo3::prelude::*;

use crate::convert::{self};
use crate::errors::{IntoPyResult, PyProblem};
use crate::topy::ToPy;
use crate::views;

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
    pub(crate) fn edit<R: Send>(&self, py: Python<'_>, f: impl FnOnce(&mut Workspace) -> R + Send) -> R {
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
        views::table_of(py, "services", &self.snapshot().services, ToPy::to_py)
    }

    /// Projects, as a Table of dicts (stages as a list of {stage, date}).
    fn projects<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        views::table_of(py, "projects", &self.snapshot().projects, ToPy::to_py)
    }

    /// Partners, as a Table of dicts.
    fn partners<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        views::table_of(py, "partners", &self.snapshot().partners, ToPy::to_py)
    }

    /// Commitments, as a Table of dicts (steps as a list of {status, date, amount}).
    fn commitments<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        views::table_of(py, "commitments", &self.snapshot().commitments, ToPy::to_py)
    }

    /// Indicators, as a Table of dicts (configuration in its JSON form; `measurements` is
    /// their number: see `measurements()`).
    fn indicators<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        views::table_of(py, "indicators", &self.snapshot().indicators, views::indicator)
    }

    /// Measurements of every indicator (or of one), as a Table of dicts.
    #[pyo3(signature = (indicator=None))]
    fn measurements<'py>(&self, py: Python<'py>, indicator: Option<&str>) -> PyResult<Bound<'py, PyAny>> {
        let ws = self.snapshot();
        let rows =
            ws.measurements(indicator).py(py)?.into_iter().map(|(id, m)| views::measurement(py, id, m));
        views::table(py, "measurements", rows.collect::<PyResult<Vec<_>>>()?)
    }

    /// Perspectives, as a Table of dicts.
    fn perspectives<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        views::table_of(py, "perspectives", &self.snapshot().scorecard.perspectives, views::perspective)
    }

    /// Objectives, as a Table of dicts (with their indicator links).
    fn objectives<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        views::table_of(py, "objectives", &self.snapshot().scorecard.objectives, views::objective)
    }

    /// Cause-effect links of the strategy map, as a Table of dicts (cause, effect, sign, lag).
    fn links<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        views::table_of(py, "links", &self.snapshot().scorecard.links, views::cause_effect)
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

    fn __repr__(&self) -> String {
        let ws = &self.snapshot();
        let n = ws.counts();
        format!(
            "<Workspace {:?}: {} services, {} projects, {} partners, {} commitments, {} perspectives, \
             {} objectives, {} indicators, {} measurements>",
            ws.organisation,
            n.services,
            n.projects,
            n.partners,
            n.commitments,
            n.perspectives,
            n.objectives,
            n.indicators,
            n.measurements
        )
    }
}
