//! The compiled half of the `pilotage` Python package (`pilotage._pilotage`).
//!
//! A thin layer: newtypes over the core types (`Workspace`, `Period`, `Problem`), one
//! error mapper (`errors`), value conversions that refuse lossy input (`convert`: no float
//! money, no datetime for a date), record builders shared by keyword methods and DataFrame
//! imports (`records`), plain-dict views (`views`), the engine's results (`evaluation`, their
//! getters and JSON methods from `class`), typed analytics results (`topy`) and the sample
//! generator (`sample`). Everything computed is computed by the core crate `pilotage`; heavy
//! core calls run with the GIL released. The pure-Python half (`python/pilotage/`) holds the
//! pandas/polars helpers.

mod analytics;
mod args;
mod class;
mod convert;
mod engine;
mod errors;
mod io;
mod model;
mod period;
mod records;
mod report;
mod sample;
mod topy;
mod views;

use pyo3::prelude::*;

/// The compiled module; import `pilotage`, which re-exports everything here.
#[pymodule]
fn _pilotage(m: &Bound<'_, PyModule>) -> PyResult<()> {
    let py = m.py();
    m.add("__version__", env!("CARGO_PKG_VERSION"))?;
    m.add("SCHEMA_VERSION", pilotage::SCHEMA_VERSION)?;
    m.add_class::<model::workspace::PyWorkspace>()?;
    m.add_class::<period::PyPeriod>()?;
    m.add_class::<errors::PyProblem>()?;
    m.add_class::<engine::evaluation::PyEvaluation>()?;
    m.add_class::<report::PyHtml>()?;
    m.add_class::<engine::evaluation::PyEvaluationRange>()?;
    m.add_class::<engine::evaluation::PyNodeResult>()?;
    m.add_class::<engine::evaluation::PyTrend>()?;
    m.add_class::<engine::evaluation::PyForecast>()?;
    m.add_function(wrap_pyfunction!(engine::evaluation::_restore, m)?)?;
    m.add_function(wrap_pyfunction!(sample::sample_city, m)?)?;
    m.add_function(wrap_pyfunction!(sample::template, m)?)?;
    m.add_function(wrap_pyfunction!(sample::sample_region, m)?)?;
    m.add_function(wrap_pyfunction!(sample::sample_workspace, m)?)?;
    m.add("ValidationError", py.get_type::<errors::ValidationError>())?;
    m.add("ParseError", py.get_type::<errors::ParseError>())?;
    m.add("PeriodError", py.get_type::<errors::PeriodError>())?;
    m.add("NotFoundError", py.get_type::<errors::NotFoundError>())?;
    Ok(())
}
