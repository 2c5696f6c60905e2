//! Read-only views: each record as a plain `dict` (money as `Decimal`, dates as
//! `datetime.date`, periods as `str`, configuration in its JSON form), gathered in a
//! `pilotage.Table` (a list with `to_pandas()` and `to_polars()`).

use pilotage::{Commitment, Indicator, Measurement, Objective, Partner, Perspective, Project, Workspace};
use pyo3::prelude::*;
use pyo3::sync::PyOnceLock;
use pyo3::types::{PyDict, PyList};

use crate::convert::json_form;

static TABLE: PyOnceLock<Py<PyAny>> = PyOnceLock::new();

/// A `pilotage.Table` of `kind` holding `rows`.
pub fn table<'py>(py: Python<'py>, kind: &str, rows: Vec<Bound<'py, PyDict>>) -> PyResult<Bound<'py, PyAny>> {
    let cls =
        TABLE.get_or_try_init(py, || py.import("pilotage._frames")?.getattr("Table").map(Bound::unbind))?;
    cls.bind(py).call1((kind, PyList::new(py, rows)?))
}

pub fn service<'py>(py: Python<'py>, s: &pilotage::Service) -> PyResult<Bound<'py, PyDict>> {
    let d = PyDict::new(py);
    d.set_item("id", &s.id)?;
    d.set_item("name", &s.name)?;
    Ok(d)
}

pub fn project<'py>(py: Python<'py>, p: &Project) -> PyResult<Bound<'py, PyDict>> {
    let d = PyDict::new(py);
    d.set_item("id", &p.id)?;
    d.set_item("title", &p.title)?;
    d.set_item("lead_service", &p.lead_service)?;
    d.set_item("contributing_services", &p.contributing_services)?;
    d.set_item("objectives", &p.objectives)?;
    let stages = PyList::empty(py);
    for e in &p.stages {
        let s = PyDict::new(py);
        s.set_item("stage", e.stage.as_str())?;
        s.set_item("date", e.date)?;
        stages.append(s)?;
    }
    d.set_item("stages", stages)?;
    d.set_item("planned_cost", p.planned_cost)?;
    d.set_item("actual_cost", p.actual_cost)?;
    d.set_item("planned_end", p.planned_end)?;
    d.set_item("own_funds", p.own_funds)?;
    Ok(d)
}

pub fn partner<'py>(py: Python<'py>, p: &Partner) -> PyResult<Bound<'py, PyDict>> {
    let d = PyDict::new(py);
    d.set_item("id", &p.id)?;
    d.set_item("name", &p.name)?;
    d.set_item("kind", p.kind.as_str())?;
    d.set_item("joined", p.joined)?;
    Ok(d)
}

pub fn commitment<'py>(py: Python<'py>, c: &Commitment) -> PyResult<Bound<'py, PyDict>> {
    let d = PyDict::new(py);
    d.set_item("id", &c.id)?;
    d.set_item("partner", &c.partner)?;
    d.set_item("project", &c.project)?;
    d.set_item("kind", c.kind.as_str())?;
    let steps = PyList::empty(py);
    for s in &c.steps {
        let sd = PyDict::new(py);
        sd.set_item("status", s.status.as_str())?;
        sd.set_item("date", s.date)?;
        sd.set_item("amount", s.amount)?;
        steps.append(sd)?;
    }
    d.set_item("steps", steps)?;
    Ok(d)
}

pub fn indicator<'py>(py: Python<'py>, i: &Indicator) -> PyResult<Bound<'py, PyDict>> {
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
    Ok(d)
}

pub fn measurement<'py>(py: Python<'py>, indicator: &str, m: &Measurement) -> PyResult<Bound<'py, PyDict>> {
    let d = PyDict::new(py);
    d.set_item("indicator", indicator)?;
    d.set_item("period", m.period.to_string())?;
    d.set_item("value", m.value)?;
    d.set_item("numerator", m.numerator)?;
    d.set_item("denominator", m.denominator)?;
    d.set_item("respondents", m.respondents)?;
    d.set_item("comment", &m.comment)?;
    d.set_item("source", &m.source)?;
    Ok(d)
}

pub fn perspective<'py>(py: Python<'py>, p: &Perspective) -> PyResult<Bound<'py, PyDict>> {
    let d = PyDict::new(py);
    d.set_item("id", &p.id)?;
    d.set_item("name", &p.name)?;
    d.set_item("weight", json_form(py, &p.weight)?)?;
    d.set_item("rollup", json_form(py, &p.rollup)?)?;
    Ok(d)
}

pub fn objective<'py>(py: Python<'py>, o: &Objective) -> PyResult<Bound<'py, PyDict>> {
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
    Ok(d)
}

pub fn cause_effect<'py>(py: Python<'py>, l: &pilotage::CauseEffect) -> PyResult<Bound<'py, PyDict>> {
    let d = PyDict::new(py);
    d.set_item("cause", &l.from)?;
    d.set_item("effect", &l.to)?;
    d.set_item("sign", json_form(py, &l.sign)?)?;
    d.set_item("lag", l.lag)?;
    Ok(d)
}

/// Every measurement of the workspace (or of one indicator), in file order.
pub fn measurements<'py>(
    py: Python<'py>,
    ws: &Workspace,
    only: Option<&str>,
) -> PyResult<Vec<Bound<'py, PyDict>>> {
    let mut rows = Vec::new();
    for ind in ws.indicators.iter().filter(|i| only.is_none_or(|id| i.id == id)) {
        for m in &ind.measurements {
            rows.push(measurement(py, &ind.id, m)?);
        }
    }
    Ok(rows)
}
