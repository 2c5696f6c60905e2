//! `Workspace`'s partnership analytics: partners, funds, co-financing, leverage,
//! concentration, investment capacity (the core's `analytics::partnership`).

use pyo3::exceptions::PyTypeError;
use pyo3::prelude::*;

use crate::args;
use crate::convert::{self, ArgResult};
use crate::errors::IntoPyResult;
use crate::model::workspace::PyWorkspace;
use crate::period::{opt_period_arg, period_arg};
use crate::topy;
use pilotage::analytics::partnership::{self, FundsScope, ProjectScope};

#[pymethods]
impl PyWorkspace {
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
        let within = opt_period_arg(within, "within")?;
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
    #[pyo3(signature = (id, *, basis=None, as_of=None, leverage=None))]
    fn project_finance<'py>(
        &self,
        py: Python<'py>,
        id: &str,
        basis: Option<&str>,
        as_of: Option<&Bound<'py, PyAny>>,
        leverage: Option<&str>,
    ) -> PyResult<Bound<'py, PyAny>> {
        let o = args::finance_options(basis, as_of, leverage)?;
        let f = partnership::project_finance(&self.snapshot(), id, o).py(py)?;
        topy::result(py, "project_finance", &f)
    }

    /// Co-financing and leverage of the projects approved by a day (`approved_by=`), in a
    /// period (`approved_in=`), or of every project (neither).
    #[pyo3(signature = (*, approved_by=None, approved_in=None, basis=None, as_of=None, leverage=None))]
    #[allow(clippy::too_many_arguments)]
    fn portfolio_finance<'py>(
        &self,
        py: Python<'py>,
        approved_by: Option<&Bound<'py, PyAny>>,
        approved_in: Option<&Bound<'py, PyAny>>,
        basis: Option<&str>,
        as_of: Option<&Bound<'py, PyAny>>,
        leverage: Option<&str>,
    ) -> PyResult<Bound<'py, PyAny>> {
        let by = convert::opt_date(approved_by).arg("approved_by")?;
        let within = opt_period_arg(approved_in, "approved_in")?;
        let scope = match (by, within) {
            (None, None) => ProjectScope::All,
            (Some(d), None) => ProjectScope::ApprovedBy(d),
            (None, Some(p)) => ProjectScope::ApprovedIn(p),
            _ => return Err(PyTypeError::new_err("give at most one of approved_by= and approved_in=")),
        };
        let o = args::finance_options(basis, as_of, leverage)?;
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
    #[pyo3(signature = (period, *, basis=None, leverage=None))]
    fn investment_capacity<'py>(
        &self,
        py: Python<'py>,
        period: &Bound<'py, PyAny>,
        basis: Option<&str>,
        leverage: Option<&str>,
    ) -> PyResult<Bound<'py, PyAny>> {
        let p = period_arg(period, "period")?;
        let o = args::finance_options(basis, None, leverage)?;
        topy::result(py, "investment_capacity", &partnership::investment_capacity(&self.snapshot(), p, o))
    }

    /// Investment capacity of two periods and their ratio later / earlier.
    #[pyo3(signature = (earlier, later, *, basis=None, leverage=None))]
    fn compare_capacity<'py>(
        &self,
        py: Python<'py>,
        earlier: &Bound<'py, PyAny>,
        later: &Bound<'py, PyAny>,
        basis: Option<&str>,
        leverage: Option<&str>,
    ) -> PyResult<Bound<'py, PyAny>> {
        let (a, b) = (period_arg(earlier, "earlier")?, period_arg(later, "later")?);
        let o = args::finance_options(basis, None, leverage)?;
        topy::result(py, "capacity_comparison", &partnership::compare_capacity(&self.snapshot(), a, b, o))
    }
}
