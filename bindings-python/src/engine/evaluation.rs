//! Results of the scorecard engine: `Evaluation` (one period), `EvaluationRange` (many),
//! `NodeResult`, `Trend` and `Forecast` — frozen newtypes over the core results. The rows of
//! `to_pandas()` are laid out here as columns (one list per column, so the DataFrame is
//! built in one call) and handed to `pilotage._frames.evaluation_frame`; `to_dict()` and
//! `to_json()` are the core's JSON; pickling goes through that JSON.

use std::sync::Arc;

use pilotage::{Evaluation, Forecast, NodeResult, Period, Trend};
use pyo3::exceptions::{PyIndexError, PyValueError};
use pyo3::prelude::*;
use pyo3::sync::PyOnceLock;
use pyo3::types::{PyDict, PyList};

use crate::args;
use crate::convert::json_form;
use crate::errors::IntoPyResult;
use crate::model::workspace::PyWorkspace;
use crate::period::PyPeriod;
use crate::period::period_arg;

/// An optional number as Python writes it (`None` or the float's repr).
fn opt(x: Option<f64>) -> String {
    x.map(|v| format!("{v:?}")).unwrap_or_else(|| "None".to_string())
}

fn opt_bool(x: Option<bool>) -> &'static str {
    match x {
        Some(true) => "True",
        Some(false) => "False",
        None => "None",
    }
}

fn json_err(e: serde_json::Error) -> PyErr {
    PyValueError::new_err(e.to_string())
}

fn not_found(py: Python<'_>, id: &str) -> PyErr {
    crate::errors::to_py_err(py, pilotage::Error::NotFound { what: "node", id: id.to_string() })
}

/// The trend of a node's score: change since the previous period and since a year ago.
#[pyclass(frozen, eq, module = "pilotage", name = "Trend")]
#[derive(Clone, PartialEq)]
pub struct PyTrend {
    inner: Trend,
}

#[pymethods]
impl PyTrend {
    /// Score at the previous period.
    #[getter]
    fn previous_score(&self) -> Option<f64> {
        self.inner.previous_score
    }
    /// Score change since the previous period.
    #[getter]
    fn change(&self) -> Option<f64> {
        self.inner.change
    }
    /// Score a year earlier.
    #[getter]
    fn year_ago_score(&self) -> Option<f64> {
        self.inner.year_ago_score
    }
    /// Score change over a year.
    #[getter]
    fn year_change(&self) -> Option<f64> {
        self.inner.year_change
    }
    /// `"improving"`, `"stable"`, `"declining"` or `"unknown"`.
    #[getter]
    fn direction(&self) -> &'static str {
        self.inner.direction.as_str()
    }
    /// The core's JSON form.
    fn to_dict<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        json_form(py, &self.inner)
    }
    fn __repr__(&self) -> String {
        format!(
            "Trend(direction='{}', change={}, year_change={})",
            self.inner.direction.as_str(),
            opt(self.inner.change),
            opt(self.inner.year_change)
        )
    }
    fn __reduce__<'py>(&self, py: Python<'py>) -> PyResult<(Bound<'py, PyAny>, (String,))> {
        let json = serde_json::to_string(&self.inner).map_err(json_err)?;
        Ok((restorer(py, "Trend")?, (json,)))
    }
}

/// Where a measured indicator is heading: the straight line through its recent values,
/// extended to the period of its next target.
#[pyclass(frozen, eq, module = "pilotage", name = "Forecast")]
#[derive(Clone, PartialEq)]
pub struct PyForecast {
    inner: Forecast,
}

#[pymethods]
impl PyForecast {
    /// The period of the target forecast.
    #[getter]
    fn target_period(&self) -> PyPeriod {
        PyPeriod { inner: self.inner.target_period }
    }
    /// The target value at that period.
    #[getter]
    fn target(&self) -> f64 {
        self.inner.target
    }
    /// The projected value at that period.
    #[getter]
    fn projected(&self) -> Option<f64> {
        self.inner.projected
    }
    /// Slope of the line per period.
    #[getter]
    fn slope(&self) -> Option<f64> {
        self.inner.slope
    }
    /// Number of points the line rests on.
    #[getter]
    fn points(&self) -> u32 {
        self.inner.points
    }
    /// Whether the projection reaches the target.
    #[getter]
    fn on_track(&self) -> Option<bool> {
        self.inner.on_track
    }
    /// The core's JSON form.
    fn to_dict<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        json_form(py, &self.inner)
    }
    fn __repr__(&self) -> String {
        format!(
            "Forecast(target_period='{}', target={:?}, projected={}, on_track={})",
            self.inner.target_period,
            self.inner.target,
            opt(self.inner.projected),
            opt_bool(self.inner.on_track)
        )
    }
    fn __reduce__<'py>(&self, py: Python<'py>) -> PyResult<(Bound<'py, PyAny>, (String,))> {
        let json = serde_json::to_string(&self.inner).map_err(json_err)?;
        Ok((restorer(py, "Forecast")?, (json,)))
    }
}

/// One node of the scorecard (the root, a perspective, an objective or an indicator) at one
/// period: its score, status, value against target, trend, forecast and explanation.
#[pyclass(frozen, eq, module = "pilotage", name = "NodeResult")]
#[derive(Clone, PartialEq)]
pub struct PyNodeResult {
    pub(crate) inner: NodeResult,
}

#[pymethods]
impl PyNodeResult {
    /// Node id (`"scorecard"` for the root).
    #[getter]
    fn id(&self) -> &str {
        &self.inner.id
    }
    /// Display name.
    #[getter]
    fn name(&self) -> &str {
        &self.inner.name
    }
    /// `"scorecard"`, `"perspective"`, `"objective"` or `"indicator"`.
    #[getter]
    fn kind(&self) -> &'static str {
        self.inner.kind.as_str()
    }
    /// Ids of the nodes this one rolls up into.
    #[getter]
    fn parents(&self) -> Vec<String> {
        self.inner.parents.clone()
    }
    /// The reporting period.
    #[getter]
    fn period(&self) -> PyPeriod {
        PyPeriod { inner: self.inner.period }
    }
    /// Score on the common 0-100 scale (None without data).
    #[getter]
    fn score(&self) -> Option<f64> {
        self.inner.score
    }
    /// Score before any cap, on the method's own scale.
    #[getter]
    fn native_score(&self) -> Option<f64> {
        self.inner.native_score
    }
    /// `"green"`, `"amber"`, `"red"`, `"no_data"` or `"suppressed"`.
    #[getter]
    fn status(&self) -> &'static str {
        self.inner.status.as_str()
    }
    /// Share of the node's weight backed by data (0 to 1).
    #[getter]
    fn coverage(&self) -> f64 {
        self.inner.coverage
    }
    /// The indicator's value for the period (None when missing or suppressed).
    #[getter]
    fn value(&self) -> Option<f64> {
        self.inner.value
    }
    /// The target in force.
    #[getter]
    fn target(&self) -> Option<f64> {
        self.inner.target
    }
    /// Unit of the value.
    #[getter]
    fn unit(&self) -> Option<String> {
        self.inner.unit.clone()
    }
    /// The trend of the score.
    #[getter]
    fn trend(&self) -> PyTrend {
        PyTrend { inner: self.inner.trend }
    }
    /// The forecast towards the next target (indicators with enough history), or None.
    #[getter]
    fn forecast(&self) -> Option<PyForecast> {
        self.inner.forecast.map(|inner| PyForecast { inner })
    }
    /// The explanation as data (the core's JSON form: method, inputs, formula, children...).
    #[getter]
    fn explanation<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        json_form(py, &self.inner.explanation)
    }
    /// The explanation as readable lines (as `Evaluation.explain(id)`), in English
    /// (`lang="en"`) or French (`lang="fr"`).
    #[pyo3(signature = (*, lang="en"))]
    fn explain(&self, lang: &str) -> PyResult<String> {
        Ok(pilotage::explain::render_in(&self.inner, args::locale(lang)?))
    }
    /// The core's JSON form of the row.
    fn to_dict<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        json_form(py, &self.inner)
    }
    fn __repr__(&self) -> String {
        let n = &self.inner;
        format!(
            "NodeResult(id={:?}, period='{}', score={}, status='{}')",
            n.id,
            n.period,
            opt(n.score),
            n.status.as_str()
        )
    }
    fn __reduce__<'py>(&self, py: Python<'py>) -> PyResult<(Bound<'py, PyAny>, (String,))> {
        let json = serde_json::to_string(&self.inner).map_err(json_err)?;
        Ok((restorer(py, "NodeResult")?, (json,)))
    }
}

static RESTORE: PyOnceLock<Py<PyAny>> = PyOnceLock::new();

/// `functools.partial(pilotage._pilotage._restore, kind)`: what pickles call to rebuild.
fn restorer<'py>(py: Python<'py>, kind: &str) -> PyResult<Bound<'py, PyAny>> {
    let partial = RESTORE
        .get_or_try_init(py, || py.import("functools")?.getattr("partial").map(Bound::unbind))?
        .bind(py);
    let f = py.import("pilotage._pilotage")?.getattr("_restore")?;
    partial.call1((f, kind))
}

/// Rebuild a pickled result from its kind and JSON (not for direct use).
#[pyfunction]
pub fn _restore(py: Python<'_>, kind: &str, json: &str) -> PyResult<Py<PyAny>> {
    fn de<T: serde::de::DeserializeOwned>(json: &str) -> PyResult<T> {
        serde_json::from_str(json).map_err(json_err)
    }
    Ok(match kind {
        "Trend" => Py::new(py, PyTrend { inner: de(json)? })?.into_any(),
        "Forecast" => Py::new(py, PyForecast { inner: de(json)? })?.into_any(),
        "NodeResult" => Py::new(py, PyNodeResult { inner: de(json)? })?.into_any(),
        "Evaluation" => Py::new(py, PyEvaluation { inner: Arc::new(de(json)?) })?.into_any(),
        "EvaluationRange" => {
            let list: Vec<Evaluation> = de(json)?;
            Py::new(py, PyEvaluationRange { inner: list.into_iter().map(Arc::new).collect() })?.into_any()
        }
        other => return Err(PyValueError::new_err(format!("unknown result kind {other:?}"))),
    })
}

/// The tidy columns of evaluations: one row per node and period.
struct Columns<'py> {
    names: &'static [&'static str],
    lists: Vec<Bound<'py, PyList>>,
}

const COLUMNS: &[&str] = &[
    "period",
    "id",
    "name",
    "kind",
    "parent",
    "score",
    "native_score",
    "status",
    "coverage",
    "value",
    "target",
    "unit",
    "trend_previous_score",
    "trend_change",
    "trend_year_ago_score",
    "trend_year_change",
    "trend_direction",
    "forecast_target_period",
    "forecast_target",
    "forecast_projected",
    "forecast_on_track",
];

impl<'py> Columns<'py> {
    fn new(py: Python<'py>) -> Self {
        Columns { names: COLUMNS, lists: COLUMNS.iter().map(|_| PyList::empty(py)).collect() }
    }

    fn push(&self, py: Python<'py>, period: &Bound<'py, PyAny>, n: &NodeResult) -> PyResult<()> {
        let f = n.forecast.as_ref();
        let cells: [Bound<'py, PyAny>; 21] = [
            period.clone(),
            n.id.as_str().into_pyobject(py)?.into_any(),
            n.name.as_str().into_pyobject(py)?.into_any(),
            n.kind.as_str().into_pyobject(py)?.into_any(),
            n.parents.first().map(String::as_str).into_pyobject(py)?,
            n.score.into_pyobject(py)?,
            n.native_score.into_pyobject(py)?,
            n.status.as_str().into_pyobject(py)?.into_any(),
            n.coverage.into_pyobject(py)?.into_any(),
            n.value.into_pyobject(py)?,
            n.target.into_pyobject(py)?,
            n.unit.as_deref().into_pyobject(py)?,
            n.trend.previous_score.into_pyobject(py)?,
            n.trend.change.into_pyobject(py)?,
            n.trend.year_ago_score.into_pyobject(py)?,
            n.trend.year_change.into_pyobject(py)?,
            n.trend.direction.as_str().into_pyobject(py)?.into_any(),
            f.map(|f| f.target_period.to_string()).into_pyobject(py)?,
            f.map(|f| f.target).into_pyobject(py)?,
            f.and_then(|f| f.projected).into_pyobject(py)?,
            f.and_then(|f| f.on_track).into_pyobject(py)?.into_any(),
        ];
        for (list, cell) in self.lists.iter().zip(cells) {
            list.append(cell)?;
        }
        Ok(())
    }

    fn add(&self, py: Python<'py>, ev: &Evaluation) -> PyResult<()> {
        let period = ev.period.to_string().into_pyobject(py)?.into_any();
        for n in &ev.nodes {
            self.push(py, &period, n)?;
        }
        Ok(())
    }

    /// The DataFrame, by `pilotage._frames.evaluation_frame(columns, backend)`.
    fn frame(self, py: Python<'py>, backend: &str) -> PyResult<Bound<'py, PyAny>> {
        let d = PyDict::new(py);
        for (name, list) in self.names.iter().zip(self.lists) {
            d.set_item(*name, list)?;
        }
        static FRAME: PyOnceLock<Py<PyAny>> = PyOnceLock::new();
        let f = FRAME.get_or_try_init(py, || {
            py.import("pilotage._frames")?.getattr("evaluation_frame").map(Bound::unbind)
        })?;
        f.bind(py).call1((d, backend))
    }
}

/// The scorecard at one period: every node (root, perspectives, objectives, indicators)
/// with its score, status and explanation, and the strategy-map links.
///
/// >>> import pilotage
/// >>> ev = pilotage.sample_city().evaluate("2025-Q4")
/// >>> ev.period, ev.node("ind_absenteisme").status
/// (Period('2025-Q4'), 'red')
/// >>> ev.to_pandas().set_index("id").loc["ind_absenteisme", "status"]
/// 'red'
#[pyclass(frozen, module = "pilotage", name = "Evaluation")]
pub struct PyEvaluation {
    pub(crate) inner: Arc<Evaluation>,
}

impl PyEvaluation {
    pub fn new(inner: Evaluation) -> Self {
        PyEvaluation { inner: Arc::new(inner) }
    }
}

#[pymethods]
impl PyEvaluation {
    /// The organisation.
    #[getter]
    fn organisation(&self) -> &str {
        &self.inner.organisation
    }
    /// The reporting period.
    #[getter]
    fn period(&self) -> PyPeriod {
        PyPeriod { inner: self.inner.period }
    }
    /// Every node, root first, then perspectives, objectives and indicators.
    #[getter]
    fn nodes(&self) -> Vec<PyNodeResult> {
        self.inner.nodes.iter().map(|n| PyNodeResult { inner: n.clone() }).collect()
    }
    /// The strategy-map links with the correlation the data shows (JSON form).
    #[getter]
    fn links<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        json_form(py, &self.inner.links)
    }
    /// The row of one node (`NotFoundError` for an unknown id).
    fn node(&self, py: Python<'_>, id: &str) -> PyResult<PyNodeResult> {
        self.inner.node(id).map(|n| PyNodeResult { inner: n.clone() }).ok_or_else(|| not_found(py, id))
    }
    /// The scorecard overview as the core renders it (SVG), for Jupyter.
    fn _repr_html_(&self, py: Python<'_>) -> PyResult<String> {
        pilotage::report::evaluation_overview_svg(&self.inner, pilotage::locale::Locale::En).py(py)
    }
    /// Why a node has its score and status, in a few lines (`NotFoundError` for an unknown id),
    /// in English (`lang="en"`) or French (`lang="fr"`).
    #[pyo3(signature = (id, *, lang="en"))]
    fn explain(&self, py: Python<'_>, id: &str, lang: &str) -> PyResult<String> {
        let locale = args::locale(lang)?;
        pilotage::explain::explain_in(&self.inner, id, locale).py(py)
    }
    /// The core's JSON form, as plain Python values.
    fn to_dict<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        json_form(py, &*self.inner)
    }
    /// The core's JSON (compact; `indent=2` for the pretty form the main job prints).
    #[pyo3(signature = (*, indent=None))]
    fn to_json(&self, py: Python<'_>, indent: Option<usize>) -> PyResult<String> {
        let ev = &*self.inner;
        py.detach(|| to_json_text(ev, indent)).map_err(json_err)
    }
    /// One row per node: score, status, value, target, coverage, trend and forecast columns.
    fn to_pandas<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        let c = Columns::new(py);
        c.add(py, &self.inner)?;
        c.frame(py, "pandas")
    }
    /// The same table as a polars DataFrame (needs polars).
    fn to_polars<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        let c = Columns::new(py);
        c.add(py, &self.inner)?;
        c.frame(py, "polars")
    }
    fn __len__(&self) -> usize {
        self.inner.nodes.len()
    }
    fn __eq__(&self, other: &Bound<'_, PyAny>) -> bool {
        other.cast::<PyEvaluation>().is_ok_and(|o| *o.get().inner == *self.inner)
    }
    fn __repr__(&self) -> String {
        let root = self.inner.node("scorecard");
        format!(
            "Evaluation(period='{}', nodes={}, score={}, status='{}')",
            self.inner.period,
            self.inner.nodes.len(),
            opt(root.and_then(|n| n.score)),
            root.map(|n| n.status.as_str()).unwrap_or("no_data")
        )
    }
    fn __reduce__<'py>(&self, py: Python<'py>) -> PyResult<(Bound<'py, PyAny>, (String,))> {
        let ev = &*self.inner;
        let json = py.detach(|| serde_json::to_string(ev)).map_err(json_err)?;
        Ok((restorer(py, "Evaluation")?, (json,)))
    }
}

fn to_json_text<T: serde::Serialize>(value: &T, indent: Option<usize>) -> serde_json::Result<String> {
    match indent {
        None => serde_json::to_string(value),
        Some(n) => {
            let pad = " ".repeat(n);
            let mut out = Vec::new();
            let fmt = serde_json::ser::PrettyFormatter::with_indent(pad.as_bytes());
            let mut ser = serde_json::Serializer::with_formatter(&mut out, fmt);
            value.serialize(&mut ser)?;
            Ok(String::from_utf8_lossy(&out).into_owned())
        }
    }
}

/// The scorecard over consecutive periods (one pass of the engine), one `Evaluation` each.
///
/// >>> import pilotage
/// >>> r = pilotage.sample_city().evaluate_range("2025-Q1", "2025-Q4")
/// >>> [str(p) for p in r.periods], len(r.to_pandas()) == 4 * len(r[0].nodes)
/// (['2025-Q1', '2025-Q2', '2025-Q3', '2025-Q4'], True)
#[pyclass(frozen, module = "pilotage", name = "EvaluationRange")]
pub struct PyEvaluationRange {
    inner: Vec<Arc<Evaluation>>,
}

impl PyEvaluationRange {
    pub fn new(list: Vec<Evaluation>) -> Self {
        PyEvaluationRange { inner: list.into_iter().map(Arc::new).collect() }
    }
}

#[pymethods]
impl PyEvaluationRange {
    /// The periods, in order.
    #[getter]
    fn periods(&self) -> Vec<PyPeriod> {
        self.inner.iter().map(|e| PyPeriod { inner: e.period }).collect()
    }
    /// The evaluation of each period, in order.
    #[getter]
    fn evaluations(&self) -> Vec<PyEvaluation> {
        self.inner.iter().map(|e| PyEvaluation { inner: Arc::clone(e) }).collect()
    }
    /// The evaluation of a period (a `Period` or a string) or at a position (an int).
    fn __getitem__(&self, py: Python<'_>, key: &Bound<'_, PyAny>) -> PyResult<PyEvaluation> {
        if let Ok(i) = key.extract::<isize>() {
            let n = self.inner.len() as isize;
            let k = if i < 0 { i + n } else { i };
            return usize::try_from(k)
                .ok()
                .and_then(|k| self.inner.get(k))
                .map(|e| PyEvaluation { inner: Arc::clone(e) })
                .ok_or_else(|| PyIndexError::new_err(format!("index {i} out of range ({n} periods)")));
        }
        let p: Period = crate::period::period_arg(key, "period")?;
        self.inner.iter().find(|e| e.period == p).map(|e| PyEvaluation { inner: Arc::clone(e) }).ok_or_else(
            || {
                crate::errors::to_py_err(
                    py,
                    pilotage::Error::NotFound { what: "period in the range", id: p.to_string() },
                )
            },
        )
    }
    fn __len__(&self) -> usize {
        self.inner.len()
    }
    /// Why a node has its score at a period of the range, in English (`lang="en"`) or French
    /// (`lang="fr"`).
    #[pyo3(signature = (id, period, *, lang="en"))]
    fn explain(&self, py: Python<'_>, id: &str, period: &Bound<'_, PyAny>, lang: &str) -> PyResult<String> {
        let locale = args::locale(lang)?;
        let ev = self.__getitem__(py, period)?;
        pilotage::explain::explain_in(&ev.inner, id, locale).py(py)
    }
    /// The core's JSON of every evaluation, as a list of plain Python values.
    fn to_dict<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        let list = PyList::empty(py);
        for e in &self.inner {
            list.append(json_form(py, &**e)?)?;
        }
        Ok(list.into_any())
    }
    /// The core's JSON: an array of evaluations.
    #[pyo3(signature = (*, indent=None))]
    fn to_json(&self, py: Python<'_>, indent: Option<usize>) -> PyResult<String> {
        let list: Vec<&Evaluation> = self.inner.iter().map(|e| &**e).collect();
        py.detach(|| to_json_text(&list, indent)).map_err(json_err)
    }
    /// One row per node and period (see `Evaluation.to_pandas`).
    fn to_pandas<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        let c = Columns::new(py);
        for e in &self.inner {
            c.add(py, e)?;
        }
        c.frame(py, "pandas")
    }
    /// The same table as a polars DataFrame (needs polars).
    fn to_polars<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        let c = Columns::new(py);
        for e in &self.inner {
            c.add(py, e)?;
        }
        c.frame(py, "polars")
    }
    fn __eq__(&self, other: &Bound<'_, PyAny>) -> bool {
        other.cast::<PyEvaluationRange>().is_ok_and(|o| {
            let o = o.get();
            o.inner.len() == self.inner.len() && o.inner.iter().zip(&self.inner).all(|(a, b)| **a == **b)
        })
    }
    fn __repr__(&self) -> String {
        match (self.inner.first(), self.inner.last()) {
            (Some(a), Some(b)) => {
                format!("EvaluationRange('{}'..'{}', {} periods)", a.period, b.period, self.inner.len())
            }
            _ => "EvaluationRange(0 periods)".to_string(),
        }
    }
    fn __reduce__<'py>(&self, py: Python<'py>) -> PyResult<(Bound<'py, PyAny>, (String,))> {
        let list: Vec<&Evaluation> = self.inner.iter().map(|e| &**e).collect();
        let json = py.detach(|| serde_json::to_string(&list)).map_err(json_err)?;
        Ok((restorer(py, "EvaluationRange")?, (json,)))
    }
}

#[pymethods]
impl PyWorkspace {
    /// The period of `frequency` holding the latest dated data (a measured period, a project
    /// stage or a commitment step): the natural reporting period. None for an empty workspace.
    #[pyo3(signature = (frequency="quarterly"))]
    fn latest_period(&self, frequency: &str) -> PyResult<Option<PyPeriod>> {
        let f: pilotage::Frequency = args::named(frequency, "frequency")?;
        Ok(self.snapshot().latest_period(f).map(|inner| PyPeriod { inner }))
    }

    /// Evaluate the scorecard at a period (default: the latest quarter with data). The
    /// period's frequency is the reporting frequency. Runs with the GIL released.
    #[pyo3(signature = (period=None))]
    fn evaluate(&self, py: Python<'_>, period: Option<&Bound<'_, PyAny>>) -> PyResult<PyEvaluation> {
        let ws = &self.snapshot();
        let p = args::period_or_latest(ws, period)?;
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
        let locale = args::locale(lang)?;
        let ws = &self.snapshot();
        py.detach(|| {
            pilotage::evaluate(ws, p).and_then(|ev| pilotage::explain::explain_in(&ev, node_id, locale))
        })
        .py(py)
    }
}
