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
use crate::class::{getters, json_methods};
use crate::convert::{json_err, json_form};
use crate::errors::{IntoPyResult, not_found};
use crate::model::workspace::PyWorkspace;
use crate::period::PyPeriod;
use crate::period::period_arg;

/// An optional number as Python writes it (`None` or the float's repr).
fn opt(x: Option<f64>) -> String {
    x.map(|v| format!("{v:?}")).unwrap_or_else(|| "None".to_string())
}

/// An optional bool as Python writes it.
fn opt_bool(x: Option<bool>) -> &'static str {
    x.map_or("None", |b| if b { "True" } else { "False" })
}

/// The trend of a node's score: change since the previous period and since a year ago.
#[pyclass(frozen, eq, module = "pilotage", name = "Trend")]
#[derive(Clone, PartialEq)]
pub struct PyTrend {
    inner: Trend,
}

getters!(PyTrend, |t| {
    /// Score at the previous period.
    previous_score: Option<f64> = t.previous_score;
    /// Score change since the previous period.
    change: Option<f64> = t.change;
    /// Score a year earlier.
    year_ago_score: Option<f64> = t.year_ago_score;
    /// Score change over a year.
    year_change: Option<f64> = t.year_change;
    /// `"improving"`, `"stable"`, `"declining"` or `"unknown"`.
    direction: &'static str = t.direction.as_str();
});

json_methods! {
    /// The core's JSON form.
    PyTrend as "Trend"
}

#[pymethods]
impl PyTrend {
    fn __repr__(&self) -> String {
        let t = &self.inner;
        format!(
            "Trend(direction='{}', change={}, year_change={})",
            t.direction.as_str(),
            opt(t.change),
            opt(t.year_change)
        )
    }
}

/// Where a measured indicator is heading: the straight line through its recent values,
/// extended to the period of its next target.
#[pyclass(frozen, eq, module = "pilotage", name = "Forecast")]
#[derive(Clone, PartialEq)]
pub struct PyForecast {
    inner: Forecast,
}

getters!(PyForecast, |f| {
    /// The period of the target forecast.
    target_period: PyPeriod = PyPeriod { inner: f.target_period };
    /// The target value at that period.
    target: f64 = f.target;
    /// The projected value at that period.
    projected: Option<f64> = f.projected;
    /// Slope of the line per period.
    slope: Option<f64> = f.slope;
    /// Number of points the line rests on.
    points: u32 = f.points;
    /// Whether the projection reaches the target.
    on_track: Option<bool> = f.on_track;
});

json_methods! {
    /// The core's JSON form.
    PyForecast as "Forecast"
}

#[pymethods]
impl PyForecast {
    fn __repr__(&self) -> String {
        let f = &self.inner;
        format!(
            "Forecast(target_period='{}', target={:?}, projected={}, on_track={})",
            f.target_period,
            f.target,
            opt(f.projected),
            opt_bool(f.on_track)
        )
    }
}

/// One node of the scorecard (the root, a perspective, an objective or an indicator) at one
/// period: its score, status, value against target, trend, forecast and explanation.
#[pyclass(frozen, eq, module = "pilotage", name = "NodeResult")]
#[derive(Clone, PartialEq)]
pub struct PyNodeResult {
    pub(crate) inner: NodeResult,
}

getters!(PyNodeResult, |n| {
    /// Node id (`"scorecard"` for the root).
    id: &str = &n.id;
    /// Display name.
    name: &str = &n.name;
    /// `"scorecard"`, `"perspective"`, `"objective"` or `"indicator"`.
    kind: &'static str = n.kind.as_str();
    /// Ids of the nodes this one rolls up into.
    parents: Vec<String> = n.parents.clone();
    /// The reporting period.
    period: PyPeriod = PyPeriod { inner: n.period };
    /// Score on the common 0-100 scale (None without data).
    score: Option<f64> = n.score;
    /// Score before any cap, on the method's own scale.
    native_score: Option<f64> = n.native_score;
    /// `"green"`, `"amber"`, `"red"`, `"no_data"` or `"suppressed"`.
    status: &'static str = n.status.as_str();
    /// Share of the node's weight backed by data (0 to 1).
    coverage: f64 = n.coverage;
    /// The indicator's value for the period (None when missing or suppressed).
    value: Option<f64> = n.value;
    /// The target in force.
    target: Option<f64> = n.target;
    /// Unit of the value.
    unit: Option<String> = n.unit.clone();
    /// The trend of the score.
    trend: PyTrend = PyTrend { inner: n.trend };
    /// The forecast towards the next target (indicators with enough history), or None.
    forecast: Option<PyForecast> = n.forecast.map(|inner| PyForecast { inner });
});

json_methods! {
    /// The core's JSON form of the row.
    PyNodeResult as "NodeResult"
}

#[pymethods]
impl PyNodeResult {
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
        "Evaluation" => Py::new(py, PyEvaluation::new(de(json)?))?.into_any(),
        "EvaluationRange" => Py::new(py, PyEvaluationRange::new(de(json)?))?.into_any(),
        other => return Err(PyValueError::new_err(format!("unknown result kind {other:?}"))),
    })
}

/// The columns of `to_pandas()` (one row per node and period), each named with its cell, as
/// `COLUMNS` and `push_row` (a node's cells appended to the lists of the columns).
macro_rules! columns {
    (|$py:ident, $period:ident, $n:ident, $f:ident| { $($name:ident: $cell:expr,)* }) => {
        const COLUMNS: &[&str] = &[$(stringify!($name)),*];

        fn push_row<'py>(
            lists: &[Bound<'py, PyList>],
            $period: &Bound<'py, PyAny>,
            $n: &NodeResult,
        ) -> PyResult<()> {
            let $py = $period.py();
            let $f = $n.forecast.as_ref();
            for (list, cell) in lists.iter().zip([$($cell),*]) {
                list.append(cell)?;
            }
            Ok(())
        }
    };
}

columns!(|py, period, n, f| {
    period: period.clone(),
    id: n.id.as_str().into_pyobject(py)?.into_any(),
    name: n.name.as_str().into_pyobject(py)?.into_any(),
    kind: n.kind.as_str().into_pyobject(py)?.into_any(),
    parent: n.parents.first().map(String::as_str).into_pyobject(py)?,
    score: n.score.into_pyobject(py)?,
    native_score: n.native_score.into_pyobject(py)?,
    status: n.status.as_str().into_pyobject(py)?.into_any(),
    coverage: n.coverage.into_pyobject(py)?.into_any(),
    value: n.value.into_pyobject(py)?,
    target: n.target.into_pyobject(py)?,
    unit: n.unit.as_deref().into_pyobject(py)?,
    trend_previous_score: n.trend.previous_score.into_pyobject(py)?,
    trend_change: n.trend.change.into_pyobject(py)?,
    trend_year_ago_score: n.trend.year_ago_score.into_pyobject(py)?,
    trend_year_change: n.trend.year_change.into_pyobject(py)?,
    trend_direction: n.trend.direction.as_str().into_pyobject(py)?.into_any(),
    forecast_target_period: f.map(|f| f.target_period.to_string()).into_pyobject(py)?,
    forecast_target: f.map(|f| f.target).into_pyobject(py)?,
    forecast_projected: f.and_then(|f| f.projected).into_pyobject(py)?,
    forecast_on_track: f.and_then(|f| f.on_track).into_pyobject(py)?.into_any(),
});

static FRAME: PyOnceLock<Py<PyAny>> = PyOnceLock::new();

/// The DataFrame of evaluations (`backend`: "pandas" or "polars"): the columns laid out here,
/// built by `pilotage._frames.evaluation_frame(columns, backend)`.
fn frame<'py, 'a>(
    py: Python<'py>,
    evaluations: impl IntoIterator<Item = &'a Evaluation>,
    backend: &str,
) -> PyResult<Bound<'py, PyAny>> {
    let lists: Vec<Bound<'py, PyList>> = COLUMNS.iter().map(|_| PyList::empty(py)).collect();
    for ev in evaluations {
        let period = ev.period.to_string().into_pyobject(py)?.into_any();
        for n in &ev.nodes {
            push_row(&lists, &period, n)?;
        }
    }
    let d = PyDict::new(py);
    for (name, list) in COLUMNS.iter().zip(lists) {
        d.set_item(*name, list)?;
    }
    let f = FRAME.get_or_try_init(py, || {
        py.import("pilotage._frames")?.getattr("evaluation_frame").map(Bound::unbind)
    })?;
    f.bind(py).call1((d, backend))
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
#[pyclass(frozen, eq, module = "pilotage", name = "Evaluation")]
#[derive(PartialEq)]
pub struct PyEvaluation {
    pub(crate) inner: Arc<Evaluation>,
}

impl PyEvaluation {
    pub fn new(inner: Evaluation) -> Self {
        PyEvaluation { inner: Arc::new(inner) }
    }
}

getters!(PyEvaluation, |e| {
    /// The organisation.
    organisation: &str = &e.organisation;
    /// The reporting period.
    period: PyPeriod = PyPeriod { inner: e.period };
    /// Every node, root first, then perspectives, objectives and indicators.
    nodes: Vec<PyNodeResult> = e.nodes.iter().map(|n| PyNodeResult { inner: n.clone() }).collect();
});

json_methods! {
    /// The core's JSON form, as plain Python values.
    PyEvaluation as "Evaluation"
}

#[pymethods]
impl PyEvaluation {
    /// The strategy-map links with the correlation the data shows (JSON form).
    #[getter]
    fn links<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        json_form(py, &self.inner.links)
    }
    /// The row of one node (`NotFoundError` for an unknown id).
    fn node(&self, py: Python<'_>, id: &str) -> PyResult<PyNodeResult> {
        let n = self.inner.node(id).ok_or_else(|| not_found(py, "node", id))?;
        Ok(PyNodeResult { inner: n.clone() })
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
    /// The core's JSON (compact; `indent=2` for the pretty form the main job prints).
    #[pyo3(signature = (*, indent=None))]
    fn to_json(&self, py: Python<'_>, indent: Option<usize>) -> PyResult<String> {
        to_json_text(py, &self.inner, indent)
    }
    /// One row per node: score, status, value, target, coverage, trend and forecast columns.
    fn to_pandas<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        frame(py, [&*self.inner], "pandas")
    }
    /// The same table as a polars DataFrame (needs polars).
    fn to_polars<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        frame(py, [&*self.inner], "polars")
    }
    fn __len__(&self) -> usize {
        self.inner.nodes.len()
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
}

/// The core's JSON text of `value` (compact, or pretty with `indent` spaces), written with
/// the GIL released.
fn to_json_text<T: serde::Serialize + Sync>(
    py: Python<'_>,
    value: &T,
    indent: Option<usize>,
) -> PyResult<String> {
    py.detach(|| match indent {
        None => serde_json::to_string(value),
        Some(n) => {
            let pad = " ".repeat(n);
            let mut out = Vec::new();
            let fmt = serde_json::ser::PrettyFormatter::with_indent(pad.as_bytes());
            let mut ser = serde_json::Serializer::with_formatter(&mut out, fmt);
            value.serialize(&mut ser)?;
            Ok(String::from_utf8_lossy(&out).into_owned())
        }
    })
    .map_err(json_err)
}

/// The scorecard over consecutive periods (one pass of the engine), one `Evaluation` each.
///
/// >>> import pilotage
/// >>> r = pilotage.sample_city().evaluate_range("2025-Q1", "2025-Q4")
/// >>> [str(p) for p in r.periods], len(r.to_pandas()) == 4 * len(r[0].nodes)
/// (['2025-Q1', '2025-Q2', '2025-Q3', '2025-Q4'], True)
#[pyclass(frozen, eq, module = "pilotage", name = "EvaluationRange")]
#[derive(PartialEq)]
pub struct PyEvaluationRange {
    inner: Vec<Arc<Evaluation>>,
}

impl PyEvaluationRange {
    pub fn new(list: Vec<Evaluation>) -> Self {
        PyEvaluationRange { inner: list.into_iter().map(Arc::new).collect() }
    }
}

getters!(PyEvaluationRange, |r| {
    /// The periods, in order.
    periods: Vec<PyPeriod> = r.iter().map(|e| PyPeriod { inner: e.period }).collect();
    /// The evaluation of each period, in order.
    evaluations: Vec<PyEvaluation> = r.iter().map(|e| PyEvaluation { inner: Arc::clone(e) }).collect();
});

json_methods! {
    /// The core's JSON of every evaluation, as a list of plain Python values.
    PyEvaluationRange as "EvaluationRange"
}

#[pymethods]
impl PyEvaluationRange {
    /// The evaluation of a period (a `Period` or a string) or at a position (an int).
    fn __getitem__(&self, py: Python<'_>, key: &Bound<'_, PyAny>) -> PyResult<PyEvaluation> {
        let found = if let Ok(i) = key.extract::<isize>() {
            let n = self.inner.len() as isize;
            let k = if i < 0 { i + n } else { i };
            let out_of_range = || PyIndexError::new_err(format!("index {i} out of range ({n} periods)"));
            usize::try_from(k).ok().and_then(|k| self.inner.get(k)).ok_or_else(out_of_range)?
        } else {
            let p: Period = period_arg(key, "period")?;
            let missing = || not_found(py, "period in the range", &p.to_string());
            self.inner.iter().find(|e| e.period == p).ok_or_else(missing)?
        };
        Ok(PyEvaluation { inner: Arc::clone(found) })
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
    /// The core's JSON: an array of evaluations.
    #[pyo3(signature = (*, indent=None))]
    fn to_json(&self, py: Python<'_>, indent: Option<usize>) -> PyResult<String> {
        to_json_text(py, &self.inner, indent)
    }
    /// One row per node and period (see `Evaluation.to_pandas`).
    fn to_pandas<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        frame(py, self.inner.iter().map(|e| &**e), "pandas")
    }
    /// The same table as a polars DataFrame (needs polars).
    fn to_polars<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        frame(py, self.inner.iter().map(|e| &**e), "polars")
    }
    fn __repr__(&self) -> String {
        match (self.inner.first(), self.inner.last()) {
            (Some(a), Some(b)) => {
                format!("EvaluationRange('{}'..'{}', {} periods)", a.period, b.period, self.inner.len())
            }
            _ => "EvaluationRange(0 periods)".to_string(),
        }
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
