//! Errors across the boundary. Every core [`pilotage::Error`] becomes a JS `Error` whose
//! `name` is `"PilotageError"`, with `kind`, `problems` (always an array) and, for
//! malformed JSON text, `line` and `column`: the core's [`ErrorReport`] of the error (plain
//! data, tested on the host in the core) set on a JS `Error` ([`Failure`]).

use pilotage::Error;
pub use pilotage::error::{ErrorReport, Origin};
use wasm_bindgen::prelude::*;

/// A thrown JS `Error` (what every fallible export returns as its error).
#[derive(Debug)]
pub struct Failure(JsValue);

impl Failure {
    /// Build the JS `Error` of a report.
    pub fn from_report(report: &ErrorReport) -> Failure {
        let error = js_sys::Error::new(&report.message);
        error.set_name("PilotageError");
        let problems =
            crate::convert::to_js(&report.problems).unwrap_or_else(|_| js_sys::Array::new().into());
        // Setting a property on a fresh, ordinary Error object cannot fail.
        let _ = js_sys::Reflect::set(&error, &"kind".into(), &report.kind.into());
        let _ = js_sys::Reflect::set(&error, &"problems".into(), &problems);
        if let Some(line) = report.line {
            let _ = js_sys::Reflect::set(&error, &"line".into(), &(line as f64).into());
        }
        if let Some(column) = report.column {
            let _ = js_sys::Reflect::set(&error, &"column".into(), &(column as f64).into());
        }
        Failure(error.into())
    }

    /// The JS `Error` of a core error, for input of the given origin.
    pub fn new(error: &Error, origin: Origin) -> Failure {
        Failure::from_report(&ErrorReport::new(error, origin))
    }

    /// The JS `Error` of a bad argument of this package's own functions.
    pub fn argument(name: &'static str, message: String) -> Failure {
        Failure::from(Error::Argument { name, message })
    }
}

impl From<Error> for Failure {
    fn from(error: Error) -> Failure {
        Failure::new(&error, Origin::Text)
    }
}

impl From<pilotage::PeriodError> for Failure {
    fn from(error: pilotage::PeriodError) -> Failure {
        Failure::new(&Error::Period(error), Origin::Text)
    }
}

impl From<Failure> for JsValue {
    fn from(failure: Failure) -> JsValue {
        failure.0
    }
}

/// True when `value` is an error thrown by this package (an `Error` named `PilotageError`).
#[wasm_bindgen(js_name = isPilotageError, skip_typescript)]
pub fn is_pilotage_error(value: &JsValue) -> bool {
    value.dyn_ref::<js_sys::Error>().is_some_and(|e| e.name() == "PilotageError")
}
