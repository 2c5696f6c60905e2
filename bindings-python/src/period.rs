//! `pilotage.Period`: a reporting period (`2025-03`, `2025-Q1`, `2025`), a newtype over the
//! core [`Period`]. Quarters and years are fiscal; the methods that need dates take the
//! fiscal year's start month (January by default, `Workspace.fiscal_year_start_month`).

use std::fmt;

use chrono::NaiveDate;
use pilotage::{Calendar, Frequency, Period};
use pyo3::prelude::*;
use pyo3::types::PyDate;

use crate::convert::{self, ArgResult};
use crate::errors::period_error;

/// A reporting period: a month (`"2025-03"`), a fiscal quarter (`"2025-Q1"`) or a fiscal
/// year (`"2025"`).
///
/// >>> from pilotage import Period
/// >>> q = Period("2025-Q1")
/// >>> q.frequency, q.year, str(q.next())
/// ('quarterly', 2025, '2025-Q2')
/// >>> q.start_date(), q.end_date()
/// (datetime.date(2025, 1, 1), datetime.date(2025, 3, 31))
/// >>> q.contains("2025-02")
/// True
/// >>> sorted([Period("2025-Q2"), Period("2024-Q4")])
/// [Period('2024-Q4'), Period('2025-Q2')]
///
/// Periods of different frequencies order by where they start (reading their label on the
/// calendar year), then by length, shortest first: a month before the quarter and the year
/// that start with it, and all three before the next month.
///
/// >>> sorted([Period("2025-02"), Period("2025"), Period("2025-Q1"), Period("2025-01")])
/// [Period('2025-01'), Period('2025-Q1'), Period('2025'), Period('2025-02')]
///
/// With a fiscal year starting in April, May 2025 is in the first quarter of 2025:
///
/// >>> import datetime
/// >>> Period.containing(datetime.date(2025, 5, 2), "quarterly", fiscal_year_start_month=4)
/// Period('2025-Q1')
/// >>> Period("2025-Q1").end_date(fiscal_year_start_month=4)
/// datetime.date(2025, 6, 30)
#[pyclass(frozen, eq, ord, hash, str, module = "pilotage", name = "Period")]
#[derive(Clone, Copy, PartialEq, Eq, Hash)]
pub struct PyPeriod {
    pub(crate) inner: Period,
}

impl PartialOrd for PyPeriod {
    fn partial_cmp(&self, other: &Self) -> Option<std::cmp::Ordering> {
        Some(self.inner.cmp(&other.inner))
    }
}

impl fmt::Display for PyPeriod {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        self.inner.fmt(f)
    }
}

fn calendar(py: Python<'_>, start_month: u8) -> PyResult<Calendar> {
    Calendar::new(start_month).map_err(|e| period_error(py, e))
}

fn wrap(py: Python<'_>, r: Result<Period, pilotage::PeriodError>) -> PyResult<PyPeriod> {
    r.map(|inner| PyPeriod { inner }).map_err(|e| period_error(py, e))
}

/// Parse a period argument (`Period` or str), raising `PeriodError` for a bad string.
pub fn period_arg(obj: &Bound<'_, PyAny>, name: &str) -> PyResult<Period> {
    let py = obj.py();
    if let Ok(s) = obj.cast::<pyo3::types::PyString>() {
        return s.to_string().parse::<Period>().map_err(|e| period_error(py, e));
    }
    convert::period(obj).arg(name)
}

crate::class::getters!(PyPeriod, |p| {
    /// `"monthly"`, `"quarterly"` or `"yearly"`.
    frequency: String = p.frequency().to_string();
    /// The (fiscal, for quarters and years) year of the label: 2025 for `2025-Q1`.
    year: i32 = p.year_label();
});

/// An optional period argument: `None` (or left out) stays `None`.
pub fn opt_period_arg(obj: Option<&Bound<'_, PyAny>>, name: &str) -> PyResult<Option<Period>> {
    obj.filter(|o| !o.is_none()).map(|o| period_arg(o, name)).transpose()
}

#[pymethods]
impl PyPeriod {
    /// Parse `"2025-03"`, `"2025-Q1"` or `"2025"` (or copy a Period).
    #[new]
    fn new(period: &Bound<'_, PyAny>) -> PyResult<Self> {
        Ok(PyPeriod { inner: period_arg(period, "period")? })
    }

    /// The calendar month `month` (1-12) of `year`.
    #[staticmethod]
    fn of_month(py: Python<'_>, year: i32, month: u8) -> PyResult<Self> {
        wrap(py, Period::month(year, month))
    }

    /// The fiscal quarter `quarter` (1-4) of fiscal year `year`.
    #[staticmethod]
    fn of_quarter(py: Python<'_>, year: i32, quarter: u8) -> PyResult<Self> {
        wrap(py, Period::quarter(year, quarter))
    }

    /// The fiscal year `year`.
    #[staticmethod]
    fn of_year(py: Python<'_>, year: i32) -> PyResult<Self> {
        wrap(py, Period::year(year))
    }

    /// The period of `frequency` (`"monthly"`, `"quarterly"`, `"yearly"`) containing `date`.
    #[staticmethod]
    #[pyo3(signature = (date, frequency, *, fiscal_year_start_month=1))]
    fn containing(
        py: Python<'_>,
        date: &Bound<'_, PyAny>,
        frequency: &Bound<'_, PyAny>,
        fiscal_year_start_month: u8,
    ) -> PyResult<Self> {
        let d = convert::date(date).arg("date")?;
        let f: Frequency = convert::name(frequency).arg("frequency")?;
        wrap(py, Period::containing(d, f, calendar(py, fiscal_year_start_month)?))
    }

    /// The next period of the same frequency.
    fn next(&self, py: Python<'_>) -> PyResult<Self> {
        wrap(py, self.inner.next())
    }

    /// The previous period of the same frequency.
    fn previous(&self, py: Python<'_>) -> PyResult<Self> {
        wrap(py, self.inner.previous())
    }

    /// The period `n` steps later (earlier when `n` is negative).
    fn offset(&self, py: Python<'_>, n: i64) -> PyResult<Self> {
        wrap(py, self.inner.offset(n))
    }

    /// Steps from this period to `other` (same frequency), or None across frequencies.
    fn steps_to(&self, other: &Bound<'_, PyAny>) -> PyResult<Option<i64>> {
        Ok(self.inner.steps_to(period_arg(other, "other")?))
    }

    /// Every period from this one to `last` inclusive, at this frequency.
    ///
    /// >>> [str(p) for p in Period("2024-Q4").through("2025-Q2")]
    /// ['2024-Q4', '2025-Q1', '2025-Q2']
    fn through(&self, last: &Bound<'_, PyAny>) -> PyResult<Vec<PyPeriod>> {
        let last = period_arg(last, "last")?;
        Ok(self.inner.through(last).map(|inner| PyPeriod { inner }).collect())
    }

    /// The first day of the period.
    #[pyo3(signature = (*, fiscal_year_start_month=1))]
    fn start_date(&self, py: Python<'_>, fiscal_year_start_month: u8) -> PyResult<NaiveDate> {
        Ok(self.inner.start_date(calendar(py, fiscal_year_start_month)?))
    }

    /// The last day of the period.
    #[pyo3(signature = (*, fiscal_year_start_month=1))]
    fn end_date(&self, py: Python<'_>, fiscal_year_start_month: u8) -> PyResult<NaiveDate> {
        Ok(self.inner.end_date(calendar(py, fiscal_year_start_month)?))
    }

    /// True when `other` (a period, period string or date) lies inside this period.
    #[pyo3(signature = (other, *, fiscal_year_start_month=1))]
    fn contains(
        &self,
        py: Python<'_>,
        other: &Bound<'_, PyAny>,
        fiscal_year_start_month: u8,
    ) -> PyResult<bool> {
        let cal = calendar(py, fiscal_year_start_month)?;
        if other.is_instance_of::<PyDate>() {
            let d = convert::date(other).arg("other")?;
            return Ok(self.inner.contains_date(d, cal));
        }
        Ok(self.inner.contains(period_arg(other, "other")?, cal))
    }

    fn __repr__(&self) -> String {
        format!("Period('{}')", self.inner)
    }

    fn __getnewargs__(&self) -> (String,) {
        (self.inner.to_string(),)
    }
}
