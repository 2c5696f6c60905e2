//! `Workspace.headline`: the core's headline figures of a period.

use pilotage::analytics::headline::HeadlineArgs;
use pyo3::prelude::*;

use crate::args;
use crate::errors::IntoPyResult;
use crate::model::workspace::PyWorkspace;
use crate::period::opt_period_arg;
use crate::topy;

#[pymethods]
impl PyWorkspace {
    /// The headline figures of a period (default: the latest quarter with data): caseload,
    /// lead times against an earlier period and year, funds, leverage, partners, capacity.
    /// Every option left out (None) takes the core's default (`HeadlineOptions::default()`:
    /// 5 top partners, leverage `external_over_own`, lead times from `registered` to
    /// `decision`, caseload `until_closed`).
    #[pyo3(signature = (period=None, *, compare_with=None, top_partners=None, leverage=None, start=None, stop=None, caseload=None))]
    #[allow(clippy::too_many_arguments)]
    fn headline<'py>(
        &self,
        py: Python<'py>,
        period: Option<&Bound<'py, PyAny>>,
        compare_with: Option<&Bound<'py, PyAny>>,
        top_partners: Option<usize>,
        leverage: Option<&str>,
        start: Option<&str>,
        stop: Option<&str>,
        caseload: Option<&str>,
    ) -> PyResult<Bound<'py, PyAny>> {
        let ws = &self.snapshot();
        let p = args::period_or_latest(ws, period)?;
        let options = HeadlineArgs {
            compare_with: opt_period_arg(compare_with, "compare_with")?,
            top_partners,
            leverage: args::opt_named(leverage, "leverage")?,
            lead_time: Some(args::lead_time_options(start, stop)?),
            caseload: caseload.map(str::to_string),
        }
        .options()
        .map_err(|e| args::refused(py, e))?;
        let h = py.detach(|| pilotage::analytics::headline::headline(ws, p, options)).py(py)?;
        topy::result(py, "headline", &h)
    }
}
