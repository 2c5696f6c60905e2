//! Read-only views: each record as a plain `dict` (money as `Decimal`, dates as
//! `datetime.date`, periods as `str`, configuration in its JSON form), gathered in a
//! `pilotage.Table` (a list with `to_pandas()` and `to_polars()`). Services, projects,
//! partners, commitments and measurements are their fields as `topy` types them (see
//! `topy`); the scorecard's records are written out below.

use pilotage::{CauseEffect, Indicator, Measurement, Objective, Perspective};
use pyo3::prelude::*;
use pyo3::sync::PyOnceLock;
use pyo3::types::{PyDict, PyList};

use crate::convert::json_form;
use crate::topy::ToPy;

static TABLE: PyOnceLock<Py<PyAny>> = PyOnceLock::new();

/// A `pilotage.Table` of `kind` holding `rows`.
pub fn table<'py, R: IntoPyObject<'py>>(
    py: Python<'py>,
    kind: &str,
    rows: Vec<R>,
) -> PyResult<Bound<'py, PyAny>> {
    let cls =
        TABLE.get_or_try_init(py, || py.import("pilotage._frames")?.getattr("Table").map(Bound::unbind))?;
    cls.bind(py).call1((kind, PyList::new(py, rows)?))
}

/// A `pilotage.Table` of `kind` with a row per record, made by `row` (`ToPy::to_py` for the
/// records that are their fields).
pub fn table_of<'py, T>(
    py: Python<'py>,
    kind: &str,
    records: &[T],
    row: impl Fn(&T, Python<'py>) -> PyResult<Bound<'py, PyAny>>,
) -> PyResult<Bound<'py, PyAny>> {
    table(py, kind, records.iter().map(|r| row(r, py)).collect::<PyResult<Vec<_>>>()?)
}

pub fn indicator<'py>(i: &Indicator, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
    let d = PyDict::new(py);
    d.set_item("id", &i.id)?;
    d.set_item("name", &i.name)?;
    d.set_item("description", &i.description)?;
    d.set_item("unit", &i.unit)?;
    d.set_item("polarity", json_form(py, &i.polarity)?)?;
    d.set_item("frequency", i.frequency.to_string())?;
    d.set_item("aggregation", json_form(py, &i.aggregation)?)?;
    d.set_item("source", json_form(py, &i.source)?)?;
    d.set_item("baseline", json_form(py, &i.baseline)?)?;
    d.set_item("targets", json_form(py, &i.targets)?)?;
    d.set_item("trajectory", json_form(py, &i.trajectory)?)?;
    d.set_item("scoring", json_form(py, &i.scoring)?)?;
    d.set_item("thresholds", json_form(py, &i.thresholds)?)?;
    d.set_item("min_group_size", i.min_group_size)?;
    d.set_item("service", &i.service)?;
    d.set_item("measurements", i.measurements.len())?;
    Ok(d.into_any())
}

pub fn perspective<'py>(p: &Perspective, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
    let d = PyDict::new(py);
    d.set_item("id", &p.id)?;
    d.set_item("name", &p.name)?;
    d.set_item("weight", json_form(py, &p.weight)?)?;
    d.set_item("rollup", json_form(py, &p.rollup)?)?;
    Ok(d.into_any())
}

pub fn objective<'py>(o: &Objective, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
    let d = PyDict::new(py);
    d.set_item("id", &o.id)?;
    d.set_item("name", &o.name)?;
    d.set_item("perspective", &o.perspective)?;
    d.set_item("weight", json_form(py, &o.weight)?)?;
    let links = PyList::empty(py);
    for l in &o.indicators {
        let ld = PyDict::new(py);
        ld.set_item("indicator", &l.indicator)?;
        ld.set_item("weight", json_form(py, &l.weight)?)?;
        links.append(ld)?;
    }
    d.set_item("indicators", links)?;
    d.set_item("rollup", json_form(py, &o.rollup)?)?;
    Ok(d.into_any())
}

pub fn cause_effect<'py>(l: &CauseEffect, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
    let d = PyDict::new(py);
    d.set_item("cause", &l.from)?;
    d.set_item("effect", &l.to)?;
    d.set_item("sign", json_form(py, &l.sign)?)?;
    d.set_item("lag", l.lag)?;
    Ok(d.into_any())
}

/// A measurement with its indicator's id first.
pub fn measurement<'py>(py: Python<'py>, indicator: &str, m: &Measurement) -> PyResult<Bound<'py, PyDict>> {
    let d = PyDict::new(py);
    d.set_item("indicator", indicator)?;
    d.update(m.to_py(py)?.cast::<pyo3::types::PyMapping>()?)?;
    Ok(d)
}
