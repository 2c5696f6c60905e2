//! The core's HTML/SVG renderings, for notebooks: `_repr_html_` of workspaces, evaluations
//! and indicator cards shows what the core renders (escaped there), never HTML built here.

use crate::args;
use crate::errors::IntoPyResult;
use crate::model::workspace::PyWorkspace;
use pyo3::prelude::*;

/// A piece of HTML rendered by the core (an indicator card, a report): Jupyter displays it,
/// `str()` gives the markup.
#[pyclass(frozen, module = "pilotage", name = "Html")]
pub struct PyHtml {
    pub(crate) html: String,
}

#[pymethods]
impl PyHtml {
    fn _repr_html_(&self) -> &str {
        &self.html
    }
    fn __str__(&self) -> &str {
        &self.html
    }
    fn __repr__(&self) -> String {
        format!("<Html: {} characters>", self.html.len())
    }
}

#[pymethods]
impl PyWorkspace {
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
        let (p, l) = (args::period_or_latest(ws, period)?, args::locale(lang)?);
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
    ) -> PyResult<crate::report::PyHtml> {
        let ws = &self.snapshot();
        let (p, l) = (args::period_or_latest(ws, period)?, args::locale(lang)?);
        let html = py.detach(|| pilotage::report::indicator_card_for(ws, p, indicator_id, l)).py(py)?;
        Ok(crate::report::PyHtml { html })
    }
}
