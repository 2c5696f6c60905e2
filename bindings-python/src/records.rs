//! Building core records from the keyword arguments of the single-record methods
//! (`Workspace.add_project(...)`): one builder per record kind, returning every bad field of
//! the record with its field name. Tables (`Workspace.add_projects(df)`) do not come here:
//! [`table`] turns their values into core cells and the core's one input path
//! ([`pilotage::io::rows`]) reads them, with the rules of the CSV import.

use pilotage::io::rows::{RecordKind, RowAt, Rows};
use pilotage::{
    Commitment, CommitmentStep, FundingKind, FundingStatus, Measurement, Partner, PartnerKind, Project,
    Stage, StageEvent,
};
use pyo3::prelude::*;
use pyo3::types::{PyDict, PyMapping, PySequence, PyString};

use crate::convert::{self, ArgError, pyerr, type_err, value_err};

/// The bad fields of one record: (field, what is wrong).
pub type FieldErrors = Vec<(String, ArgError)>;

/// A mapping of field name to value, where a missing key and `None` both mean "not given".
pub struct Fields<'a, 'py> {
    row: &'a Bound<'py, PyDict>,
    errors: FieldErrors,
}

impl<'a, 'py> Fields<'a, 'py> {
    pub fn new(row: &'a Bound<'py, PyDict>) -> Self {
        Fields { row, errors: Vec::new() }
    }

    pub fn get(&self, key: &str) -> Option<Bound<'py, PyAny>> {
        self.row.get_item(key).ok().flatten().filter(|v| !v.is_none())
    }

    fn record<T>(&mut self, key: &str, r: convert::Conv<T>) -> Option<T> {
        match r {
            Ok(v) => Some(v),
            Err(e) => {
                self.errors.push((key.to_string(), e));
                None
            }
        }
    }

    /// A field that must be given, converted by `f`.
    pub fn required<T>(
        &mut self,
        key: &str,
        f: impl FnOnce(&Bound<'py, PyAny>) -> convert::Conv<T>,
    ) -> Option<T> {
        match self.get(key) {
            Some(v) => {
                let r = f(&v);
                self.record(key, r)
            }
            None => self.record(key, Err(value_err("is required"))),
        }
    }

    /// An optional field, converted by `f` (`None` when not given or on error).
    pub fn optional<T>(
        &mut self,
        key: &str,
        f: impl FnOnce(&Bound<'py, PyAny>) -> convert::Conv<T>,
    ) -> Option<T> {
        let r = f(&self.get(key)?);
        self.record(key, r)
    }

    /// The errors, or `value` when there are none.
    pub fn finish<T>(self, value: Option<T>) -> Result<T, FieldErrors> {
        match value {
            Some(v) if self.errors.is_empty() => Ok(v),
            _ => Err(self.errors),
        }
    }
}

fn stage_events(obj: &Bound<'_, PyAny>) -> convert::Conv<Vec<StageEvent>> {
    let event = |s: &Bound<'_, PyAny>, dt: &Bound<'_, PyAny>| -> convert::Conv<StageEvent> {
        Ok(StageEvent { stage: convert::name(s)?, date: convert::stored_date(dt)? })
    };
    let bad = || type_err("stages are a dict {stage: date} or a list of (stage, date) pairs");
    let mut out = Vec::new();
    if let Ok(m) = obj.cast::<PyMapping>() {
        for item in m.items().map_err(pyerr)?.iter() {
            let (k, v): (Bound<'_, PyAny>, Bound<'_, PyAny>) = item.extract().map_err(pyerr)?;
            out.push(event(&k, &v)?);
        }
        return Ok(out);
    }
    if obj.is_instance_of::<PyString>() || obj.cast::<PySequence>().is_err() {
        return Err(bad());
    }
    for item in obj.try_iter().map_err(pyerr)? {
        let item = item.map_err(pyerr)?;
        if let Ok(d) = item.cast::<PyDict>() {
            let f = Fields::new(d);
            match (f.get("stage"), f.get("date")) {
                (Some(s), Some(dt)) => out.push(event(&s, &dt)?),
                _ => return Err(value_err("a stage entry needs \"stage\" and \"date\"")),
            }
        } else {
            let (s, dt): (Bound<'_, PyAny>, Bound<'_, PyAny>) = item.extract().map_err(|_| bad())?;
            out.push(event(&s, &dt)?);
        }
    }
    Ok(out)
}

/// A project from its fields; stage dates come from `stages` and from fields named after
/// stages (`registered=date(...)`), and are put in life order.
pub fn project(row: &Bound<'_, PyDict>) -> Result<Project, FieldErrors> {
    let mut f = Fields::new(row);
    let id = f.required("id", convert::text);
    let title = f.required("title", convert::text);
    let lead_service = f.required("lead_service", convert::text);
    let contributing_services = f.optional("contributing_services", convert::ids);
    let objectives = f.optional("objectives", convert::ids);
    let mut stages = f.optional("stages", stage_events).unwrap_or_default();
    for stage in Stage::ALL {
        let name = stage.as_str();
        if let Some(date) = f.optional(name, convert::stored_date) {
            if stages.iter().any(|e| e.stage == stage) {
                f.record::<()>(name, Err(value_err(format!("the stage {name:?} is given twice"))));
            }
            stages.push(StageEvent { stage, date });
        }
    }
    pilotage::model::project::life_order(&mut stages);
    let planned_cost = f.optional("planned_cost", convert::money);
    let actual_cost = f.optional("actual_cost", convert::money);
    let planned_end = f.optional("planned_end", convert::stored_date);
    let own_funds = f.optional("own_funds", convert::money);
    let value = match (id, title, lead_service) {
        (Some(id), Some(title), Some(lead_service)) => Some(Project {
            id,
            title,
            lead_service,
            contributing_services: contributing_services.unwrap_or_default(),
            objectives: objectives.unwrap_or_default(),
            stages,
            planned_cost,
            actual_cost,
            planned_end,
            own_funds,
        }),
        _ => None,
    };
    f.finish(value)
}

/// A partner from its fields.
pub fn partner(row: &Bound<'_, PyDict>) -> Result<Partner, FieldErrors> {
    let mut f = Fields::new(row);
    let id = f.required("id", convert::text);
    let name = f.required("name", convert::text);
    let kind: Option<PartnerKind> = f.required("kind", convert::name);
    let joined = f.optional("joined", convert::stored_date);
    let value = match (id, name, kind) {
        (Some(id), Some(name), Some(kind)) => Some(Partner { id, name, kind, joined }),
        _ => None,
    };
    f.finish(value)
}

/// One commitment step from its fields (`status`, `date`, `amount`).
pub fn step(row: &Bound<'_, PyDict>) -> Result<CommitmentStep, FieldErrors> {
    let mut f = Fields::new(row);
    let status: Option<FundingStatus> = f.required("status", convert::name);
    let date = f.required("date", convert::stored_date);
    let amount = f.required("amount", convert::money);
    let value = match (status, date, amount) {
        (Some(status), Some(date), Some(amount)) => Some(CommitmentStep { status, date, amount }),
        _ => None,
    };
    f.finish(value)
}

fn steps(obj: &Bound<'_, PyAny>) -> convert::Conv<Vec<CommitmentStep>> {
    let bad =
        || type_err("steps are a list of dicts {status, date, amount} or of (status, date, amount) tuples");
    if obj.is_instance_of::<PyString>() || obj.cast::<PySequence>().is_err() {
        return Err(bad());
    }
    let py = obj.py();
    let mut out = Vec::new();
    for (i, item) in obj.try_iter().map_err(|_| bad())?.enumerate() {
        let item = item.map_err(|_| bad())?;
        let d = match item.cast::<PyDict>() {
            Ok(d) => d.clone(),
            Err(_) => {
                let (s, dt, a): (Bound<'_, PyAny>, Bound<'_, PyAny>, Bound<'_, PyAny>) =
                    item.extract().map_err(|_| bad())?;
                let d = PyDict::new(py);
                let set = d.set_item("status", s).and(d.set_item("date", dt)).and(d.set_item("amount", a));
                set.map_err(pyerr)?;
                d
            }
        };
        match step(&d) {
            Ok(s) => out.push(s),
            Err(errors) => {
                let (field, e) = errors
                    .into_iter()
                    .next()
                    .unwrap_or_else(|| ("step".to_string(), value_err("is not valid")));
                return Err(ArgError {
                    type_error: e.type_error,
                    message: format!("[{i}].{field}: {}", e.message),
                });
            }
        }
    }
    Ok(out)
}

/// A commitment from its fields (`steps` optional).
pub fn commitment(row: &Bound<'_, PyDict>) -> Result<Commitment, FieldErrors> {
    let mut f = Fields::new(row);
    let id = f.required("id", convert::text);
    let partner = f.required("partner", convert::text);
    let kind: Option<FundingKind> = f.required("kind", convert::name);
    let project = f.optional("project", convert::text);
    let steps = f.optional("steps", steps).unwrap_or_default();
    let value = match (id, partner, kind) {
        (Some(id), Some(partner), Some(kind)) => Some(Commitment { id, partner, project, kind, steps }),
        _ => None,
    };
    f.finish(value)
}

/// A measurement from its fields (`period` required; the value or numerator and
/// denominator are checked by validation, as in a file).
pub fn measurement(row: &Bound<'_, PyDict>) -> Result<Measurement, FieldErrors> {
    let mut f = Fields::new(row);
    let period = f.required("period", convert::period);
    let value = f.optional("value", convert::number);
    let numerator = f.optional("numerator", convert::number);
    let denominator = f.optional("denominator", convert::number);
    let respondents = f.optional("respondents", convert::count);
    let comment = f.optional("comment", convert::text);
    let source = f.optional("source", convert::text);
    let value = period.map(|period| Measurement {
        period,
        value,
        numerator,
        denominator,
        respondents,
        comment,
        source,
    });
    f.finish(value)
}

static FRAME_ROWS: pyo3::sync::PyOnceLock<Py<PyAny>> = pyo3::sync::PyOnceLock::new();

/// A table as `pilotage._frames.frame_rows` lays it out: its columns, then each row's label
/// and values in column order.
type FrameRows<'py> = (Vec<String>, Vec<(String, Vec<Bound<'py, PyAny>>)>);

/// The rows of a DataFrame (pandas or polars), a `Table` or a list of dicts as a core
/// table of `kind`: the pure-Python helper `pilotage._frames.frame_rows` lists the columns
/// and the cleaned values (NaN and NaT as None), [`convert::cell`] types each value, and
/// the core ([`pilotage::io::rows`]) checks the columns and reads the rows with the rules of
/// every import. A value that is not a table is a `TypeError`.
pub fn table(frame: &Bound<'_, PyAny>, kind: RecordKind) -> PyResult<Rows> {
    let py = frame.py();
    let f = FRAME_ROWS
        .get_or_try_init(py, || py.import("pilotage._frames")?.getattr("frame_rows").map(Bound::unbind))?;
    let (columns, rows): FrameRows<'_> = f.bind(py).call1((frame,))?.extract()?;
    let mut table = Rows::new(kind.as_str(), kind, &columns, None);
    for (label, values) in rows {
        table.push(RowAt::Label(label), values.iter().map(convert::cell).collect());
    }
    Ok(table)
}
