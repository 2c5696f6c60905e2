//! Conversions of single values between Python and the core types.
//!
//! Every converter returns an [`ArgError`] (a message and whether it is a type or a value
//! problem) so that the same conversion serves a keyword argument (`planned_cost: ...`,
//! raised at once) and a DataFrame cell (`row 3, column 'planned_cost': ...`, collected).
//!
//! Money is `decimal.Decimal`, `int` or a decimal `str`, read exactly; a `float` is refused
//! because a binary float such as `0.1` is not the amount the analyst typed. Dates are
//! `datetime.date` or `"YYYY-MM-DD"`; a `datetime` is refused rather than truncated.
//! Small configuration values (a scoring method, a weight schedule) go through serde from a
//! JSON-shaped Python value, so they are written exactly like in the workspace file.

use std::str::FromStr;

use chrono::NaiveDate;
use pilotage::Period;
use pilotage::io::serde_words;
use pyo3::exceptions::{PyTypeError, PyValueError};
use pyo3::prelude::*;
use pyo3::sync::PyOnceLock;
use pyo3::types::{
    PyBool, PyDate, PyDateTime, PyDict, PyFloat, PyInt, PyList, PyMapping, PySequence, PyString, PyTuple,
    PyType,
};
use rust_decimal::Decimal;
use serde::Serialize;
use serde::de::DeserializeOwned;
use serde_json::Value;

use crate::period::PyPeriod;

/// Why a Python value could not be converted.
#[derive(Debug)]
pub struct ArgError {
    /// True for a wrong type (`TypeError`), false for a wrong value (`ValueError`).
    pub type_error: bool,
    /// What is wrong.
    pub message: String,
}

/// Conversion result.
pub type Conv<T> = Result<T, ArgError>;

pub fn type_err(message: impl Into<String>) -> ArgError {
    ArgError { type_error: true, message: message.into() }
}

pub fn value_err(message: impl Into<String>) -> ArgError {
    ArgError { type_error: false, message: message.into() }
}

/// Name the argument in a conversion error and raise it.
pub trait ArgResult<T> {
    /// The value, or a `TypeError`/`ValueError` starting with `name: `.
    fn arg(self, name: &str) -> PyResult<T>;
}

impl<T> ArgResult<T> for Conv<T> {
    fn arg(self, name: &str) -> PyResult<T> {
        self.map_err(|e| {
            let message = format!("{name}: {}", e.message);
            if e.type_error { PyTypeError::new_err(message) } else { PyValueError::new_err(message) }
        })
    }
}

fn type_name(obj: &Bound<'_, PyAny>) -> String {
    obj.get_type().name().map(|n| n.to_string()).unwrap_or_else(|_| "object".to_string())
}

static DECIMAL: PyOnceLock<Py<PyType>> = PyOnceLock::new();

fn decimal_type(py: Python<'_>) -> PyResult<&Bound<'_, PyType>> {
    DECIMAL.import(py, "decimal", "Decimal")
}

pub fn pyerr(e: PyErr) -> ArgError {
    value_err(e.to_string())
}

/// An amount of money: `decimal.Decimal`, `int` or decimal `str`; never a `float`.
pub fn money(obj: &Bound<'_, PyAny>) -> Conv<Decimal> {
    let py = obj.py();
    if obj.is_instance_of::<PyBool>() {
        return Err(type_err("an amount of money is a decimal.Decimal or an int, not a bool"));
    }
    if obj.is_instance_of::<PyFloat>() {
        let shown = obj.repr().map(|r| r.to_string()).unwrap_or_default();
        return Err(type_err(format!(
            "an amount of money is a decimal.Decimal or an int, not a float ({shown}): a float is not \
             exact; write Decimal(\"{shown}\") or read the column with dtype=str"
        )));
    }
    let text = if obj.is_instance_of::<PyInt>() {
        let v: i128 = obj.extract().map_err(|_| value_err("the amount is too large"))?;
        return Decimal::try_from_i128_with_scale(v, 0)
            .map_err(|_| value_err(format!("the amount {v} is too large")));
    } else if obj.is_instance(decimal_type(py).map_err(pyerr)?.as_any()).map_err(pyerr)? {
        obj.str().map_err(pyerr)?.to_string()
    } else if let Ok(s) = obj.cast::<PyString>() {
        s.to_string()
    } else {
        return Err(type_err(format!(
            "an amount of money is a decimal.Decimal or an int, not {}",
            type_name(obj)
        )));
    };
    // the file's rule, from the core: the same text is accepted or refused on every path
    pilotage::model::parse_amount(&text).map_err(value_err)
}

/// A date: `datetime.date` or ISO `"YYYY-MM-DD"`; a `datetime` is refused.
pub fn date(obj: &Bound<'_, PyAny>) -> Conv<NaiveDate> {
    if obj.is_instance_of::<PyDateTime>() {
        return Err(type_err("a date is a datetime.date (or \"YYYY-MM-DD\"), not a datetime: use .date()"));
    }
    if obj.is_instance_of::<PyDate>() {
        return obj.extract::<NaiveDate>().map_err(pyerr);
    }
    if let Ok(s) = obj.cast::<PyString>() {
        let s = s.to_string();
        return NaiveDate::parse_from_str(s.trim(), "%Y-%m-%d")
            .map_err(|_| value_err(format!("{s:?} is not a date: expected YYYY-MM-DD")));
    }
    Err(type_err(format!("a date is a datetime.date or a \"YYYY-MM-DD\" string, not {}", type_name(obj))))
}

/// A date that a record stores (a project stage, a planned end, a partner's joining, a
/// commitment step): [`date`], then the core's rule for stored dates
/// ([`pilotage::model::validation::date_problem`]: years 1900-2100), so that a date the file
/// validation would refuse on load is refused at the call, with the same message.
pub fn stored_date(obj: &Bound<'_, PyAny>) -> Conv<NaiveDate> {
    let d = date(obj)?;
    match pilotage::model::validation::date_problem(d) {
        Some(message) => Err(value_err(message)),
        None => Ok(d),
    }
}

/// An optional date: `None` stays `None`.
pub fn opt_date(obj: Option<&Bound<'_, PyAny>>) -> Conv<Option<NaiveDate>> {
    match obj {
        Some(o) if !o.is_none() => date(o).map(Some),
        _ => Ok(None),
    }
}

/// A period: a `Period` or a string such as `"2025-Q1"`.
pub fn period(obj: &Bound<'_, PyAny>) -> Conv<Period> {
    if let Ok(p) = obj.cast::<PyPeriod>() {
        return Ok(p.get().inner);
    }
    if let Ok(s) = obj.cast::<PyString>() {
        return Period::from_str(&s.to_string()).map_err(|e| value_err(e.to_string()));
    }
    Err(type_err(format!("a period is a Period or a string such as \"2025-Q1\", not {}", type_name(obj))))
}

/// A text value (str only: numbers are not silently turned into ids).
pub fn text(obj: &Bound<'_, PyAny>) -> Conv<String> {
    match obj.cast::<PyString>() {
        Ok(s) => Ok(s.to_string()),
        Err(_) => Err(type_err(format!("expected a str, not {}", type_name(obj)))),
    }
}

/// A number that is not money (a measured value, a weight): int or float, not bool.
pub fn number(obj: &Bound<'_, PyAny>) -> Conv<f64> {
    if obj.is_instance_of::<PyBool>() {
        return Err(type_err("expected a number, not a bool"));
    }
    if obj.is_instance_of::<PyString>() {
        return Err(type_err("expected a number, not a str"));
    }
    obj.extract::<f64>().map_err(|_| type_err(format!("expected a number, not {}", type_name(obj))))
}

/// A count (a non-negative int).
pub fn count(obj: &Bound<'_, PyAny>) -> Conv<u32> {
    if obj.is_instance_of::<PyBool>() || !obj.is_instance_of::<PyInt>() {
        return Err(type_err(format!("expected an int, not {}", type_name(obj))));
    }
    obj.extract::<u32>().map_err(|_| value_err("expected a whole number from 0 to 4294967295"))
}

/// A list of ids: a list or tuple of str, or one str for a single id.
pub fn ids(obj: &Bound<'_, PyAny>) -> Conv<Vec<String>> {
    if let Ok(s) = obj.cast::<PyString>() {
        return Ok(vec![s.to_string()]);
    }
    let seq = obj
        .cast::<PySequence>()
        .map_err(|_| type_err(format!("expected a list of ids (str), not {}", type_name(obj))))?;
    let mut out = Vec::new();
    for item in seq.try_iter().map_err(pyerr)? {
        out.push(text(&item.map_err(pyerr)?)?);
    }
    Ok(out)
}

/// A name of an enum of the file format (`"grant"`, `"quarterly"`...), checked by serde.
pub fn name<T: DeserializeOwned>(obj: &Bound<'_, PyAny>) -> Conv<T> {
    let s = text(obj)?;
    serde_json::from_value::<T>(Value::String(s)).map_err(|e| value_err(serde_words::message(&e)))
}

/// Any JSON-shaped Python value (dict, list, tuple, str, int, float, bool, None, plus
/// Decimal, date and Period written as in the file) as a `serde_json::Value`.
pub fn json_value(obj: &Bound<'_, PyAny>) -> Conv<Value> {
    json_value_at(obj, 0)
}

fn json_value_at(obj: &Bound<'_, PyAny>, depth: usize) -> Conv<Value> {
    if depth > 64 {
        return Err(value_err("the value is nested too deeply"));
    }
    let py = obj.py();
    if obj.is_none() {
        return Ok(Value::Null);
    }
    if let Ok(b) = obj.cast::<PyBool>() {
        return Ok(Value::Bool(b.is_true()));
    }
    if obj.is_instance_of::<PyInt>() {
        if let Ok(v) = obj.extract::<i64>() {
            return Ok(Value::from(v));
        }
        if let Ok(v) = obj.extract::<u64>() {
            return Ok(Value::from(v));
        }
        return Err(value_err("an int is too large"));
    }
    if let Ok(f) = obj.cast::<PyFloat>() {
        return serde_json::Number::from_f64(f.value())
            .map(Value::Number)
            .ok_or_else(|| value_err(format!("{} is not a finite number", f.value())));
    }
    if let Ok(s) = obj.cast::<PyString>() {
        return Ok(Value::String(s.to_string()));
    }
    if let Ok(p) = obj.cast::<PyPeriod>() {
        return Ok(Value::String(p.get().inner.to_string()));
    }
    if obj.is_instance_of::<PyDate>() {
        return date(obj).map(|d| Value::String(d.to_string()));
    }
    if obj.is_instance(decimal_type(py).map_err(pyerr)?.as_any()).map_err(pyerr)? {
        let f: f64 = obj.extract().map_err(pyerr)?;
        return serde_json::Number::from_f64(f)
            .map(Value::Number)
            .ok_or_else(|| value_err("a Decimal here must be a finite number"));
    }
    if let Ok(d) = obj.cast::<PyDict>() {
        let mut map = serde_json::Map::new();
        for (k, v) in d.iter() {
            let key = text(&k).map_err(|_| type_err(format!("dict keys are str, not {}", type_name(&k))))?;
            map.insert(key, json_value_at(&v, depth + 1)?);
        }
        return Ok(Value::Object(map));
    }
    if obj.is_instance_of::<PyList>() || obj.is_instance_of::<PyTuple>() {
        let mut out = Vec::new();
        for item in obj.try_iter().map_err(pyerr)? {
            out.push(json_value_at(&item.map_err(pyerr)?, depth + 1)?);
        }
        return Ok(Value::Array(out));
    }
    if let Ok(m) = obj.cast::<PyMapping>() {
        let d = PyDict::new(py);
        for item in m.items().map_err(pyerr)?.iter() {
            let (k, v): (Bound<'_, PyAny>, Bound<'_, PyAny>) = item.extract().map_err(pyerr)?;
            d.set_item(k, v).map_err(pyerr)?;
        }
        return json_value_at(d.as_any(), depth);
    }
    Err(type_err(format!(
        "cannot use a {} here (expected dict, list, str, number, bool or None)",
        type_name(obj)
    )))
}

/// A core value read from its JSON form given as a Python value; errors name the inner path
/// and speak the file's words (the core's `serde_words`), as the file's decoder does.
pub fn from_json_form<T: DeserializeOwned>(obj: &Bound<'_, PyAny>) -> Conv<T> {
    let value = json_value(obj)?;
    serde_path_to_error::deserialize::<_, T>(value).map_err(|e| {
        let path = e.path().to_string();
        let message = serde_words::message(e.inner());
        if path == "." || path.is_empty() {
            value_err(message)
        } else {
            value_err(format!("{path}: {message}"))
        }
    })
}

static JSON_LOADS: PyOnceLock<Py<PyAny>> = PyOnceLock::new();

/// A core value as its JSON form in plain Python values (dict, list, str, int, float, bool,
/// None): `json.loads` of the JSON text of its `serde_json::Value` (objects with their keys
/// in sorted order).
pub fn json_form<'py, T: Serialize>(py: Python<'py>, value: &T) -> PyResult<Bound<'py, PyAny>> {
    let text = serde_json::to_value(value).and_then(|v| serde_json::to_string(&v)).map_err(json_err)?;
    let loads = JSON_LOADS.get_or_try_init(py, || py.import("json")?.getattr("loads").map(Bound::unbind))?;
    loads.bind(py).call1((text,))
}

/// A JSON error (writing or reading the core's JSON) as a `ValueError`.
pub fn json_err(e: serde_json::Error) -> PyErr {
    PyValueError::new_err(e.to_string())
}

/// A Python value as a core table cell ([`pilotage::io::rows::Cell`]), keeping its type:
/// the core decides what each column accepts (the rules of every import). `None` is a
/// missing cell; a `datetime` becomes its ISO text (refused as "not a date" by the core);
/// a `Period` its text; a list or tuple of `str` a list; any other type is named.
pub fn cell(obj: &Bound<'_, PyAny>) -> pilotage::io::rows::Cell {
    use pilotage::io::rows::Cell;
    if obj.is_none() {
        return Cell::Missing;
    }
    if let Ok(b) = obj.cast::<PyBool>() {
        return Cell::Bool(b.is_true());
    }
    if obj.is_instance_of::<PyInt>() {
        if let Ok(n) = obj.extract::<i64>() {
            return Cell::Integer(n);
        }
        return match obj.extract::<i128>().ok().and_then(|v| Decimal::try_from_i128_with_scale(v, 0).ok()) {
            Some(d) => Cell::Decimal(d),
            None => Cell::Text(obj.str().map(|s| s.to_string()).unwrap_or_default()),
        };
    }
    if obj.is_instance_of::<PyFloat>()
        && let Ok(x) = obj.extract::<f64>()
    {
        return Cell::Number(x);
    }
    if let Ok(s) = obj.cast::<PyString>() {
        return Cell::Text(s.to_string());
    }
    if obj.is_instance_of::<PyDateTime>() {
        let iso = obj.call_method0("isoformat").and_then(|s| s.extract::<String>()).unwrap_or_default();
        return Cell::Text(iso);
    }
    if obj.is_instance_of::<PyDate>() {
        if let Ok(d) = obj.extract::<NaiveDate>() {
            return Cell::Date(d);
        }
    }
    if let Ok(p) = obj.cast::<PyPeriod>() {
        return Cell::Text(p.borrow().to_string());
    }
    let is_decimal = decimal_type(obj.py()).and_then(|t| obj.is_instance(t.as_any())).unwrap_or(false);
    if is_decimal {
        let text = obj.str().map(|s| s.to_string()).unwrap_or_default();
        return match Decimal::from_str_exact(&text).or_else(|_| Decimal::from_scientific(&text)) {
            Ok(d) => Cell::Decimal(d),
            Err(_) => Cell::Text(text),
        };
    }
    if (obj.is_instance_of::<PyList>() || obj.is_instance_of::<PyTuple>())
        && let Ok(items) = obj.extract::<Vec<String>>()
    {
        return Cell::List(items);
    }
    Cell::Other(type_name(obj))
}
