//! `Workspace.headline`: the core's headline figures of a period.

use pyo3::prelude::*;

use crate::args;
use crate::errors::IntoPyResult;
use crate::model::workspace::PyWorkspace;
use crate::period::period_arg;
use crate::topy;
use pilotage::analytics::headline::HeadlineOptions;

#[pymethods]
impl PyWorkspace {
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
        let p = args::period_or_latest(ws, period)?;
        let options = HeadlineOptions {
            compare_with: match compare_with {
                Some(c) if !c.is_none() => Some(period_arg(c, "compare_with")?),
                _ => None,
            },
            top_partners,
            leverage: args::named(leverage, "leverage")?,
            lead_time: args::lead_time_options(start, stop)?,
            caseload: args::caseload_rule(caseload)?,
        };
        let h = py.detach(|| pilotage::analytics::headline::headline(ws, p, options)).py(py)?;
        topy::result(py, "headline", &h)
    }
}
