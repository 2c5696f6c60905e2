//! `Workspace`'s portfolio analytics: caseload, lead times, throughput, ageing, delivery,
//! portfolio value, transversality (the core's `analytics::portfolio`).

use pyo3::prelude::*;

use crate::args;
use crate::convert::{self, ArgResult};
use crate::model::workspace::PyWorkspace;
use crate::period::{opt_period_arg, period_arg};
use crate::topy;
use crate::views;
use pilotage::analytics::portfolio;

#[pymethods]
impl PyWorkspace {
    /// The active caseload on a date ("file active"), split by stage, lead service, objective;
    /// `rule` says whether rejected and delivered files count until closed (`until_closed`,
    /// the core's default), or not (`without_rejected`, `without_delivered`, `in_progress`).
    #[pyo3(signature = (date, *, rule=None))]
    fn caseload<'py>(
        &self,
        py: Python<'py>,
        date: &Bound<'py, PyAny>,
        rule: Option<&str>,
    ) -> PyResult<Bound<'py, PyAny>> {
        let d = convert::date(date).arg("date")?;
        let options = args::caseload_rule(rule)?;
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
    #[pyo3(signature = (period, *, start=None, stop=None))]
    fn lead_time<'py>(
        &self,
        py: Python<'py>,
        period: &Bound<'py, PyAny>,
        start: Option<&str>,
        stop: Option<&str>,
    ) -> PyResult<Bound<'py, PyAny>> {
        let p = period_arg(period, "period")?;
        let o = args::lead_time_options(start, stop)?;
        topy::result(py, "lead_time", &portfolio::lead_time(&self.snapshot(), p, o))
    }

    /// Lead times of two periods and their ratio earlier / later ("divided by N").
    #[pyo3(signature = (earlier, later, *, start=None, stop=None))]
    fn compare_lead_times<'py>(
        &self,
        py: Python<'py>,
        earlier: &Bound<'py, PyAny>,
        later: &Bound<'py, PyAny>,
        start: Option<&str>,
        stop: Option<&str>,
    ) -> PyResult<Bound<'py, PyAny>> {
        let (a, b) = (period_arg(earlier, "earlier")?, period_arg(later, "later")?);
        let o = args::lead_time_options(start, stop)?;
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
        views::table_of(py, "ageing", &portfolio::ageing(&self.snapshot(), d), topy::ToPy::to_py)
    }

    /// On-time delivery and cost variance of the files delivered (in `period`, or ever).
    #[pyo3(signature = (period=None))]
    fn delivery<'py>(
        &self,
        py: Python<'py>,
        period: Option<&Bound<'py, PyAny>>,
    ) -> PyResult<Bound<'py, PyAny>> {
        let p = opt_period_arg(period, "period")?;
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
}
