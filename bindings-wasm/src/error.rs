//! Errors across the boundary. Every core [`pilotage::Error`] becomes a JS `Error` whose
//! `name` is `"PilotageError"`, with `kind`, `problems` (always an array) and, for
//! malformed JSON text, `line` and `column`. The report is built as plain Rust data first
//! ([`ErrorReport`], testable on the host), then turned into the JS object ([`Failure`]).

use pilotage::{Error, Problem};
use serde::Serialize;
use wasm_bindgen::prelude::*;

/// Where the input of a failing call came from: positions in JSON text mean something to
/// the caller only when the caller wrote the text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Origin {
    /// The caller gave JSON text: lines and columns point into it.
    Text,
    /// The caller gave an object (serialised internally): positions are left out.
    Object,
}

/// The content of a thrown error, as plain data.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ErrorReport {
    /// One of `json`, `invalid`, `period`, `not_found`, `argument`, `io`, `other`.
    pub kind: &'static str,
    /// The core's message (for `invalid`: the count, then one problem per line).
    pub message: String,
    /// Every problem of an invalid workspace; empty for the other kinds.
    pub problems: Vec<Problem>,
    /// Line of malformed JSON text (1-based).
    pub line: Option<u64>,
    /// Column of malformed JSON text (1-based).
    pub column: Option<u64>,
}

impl ErrorReport {
    /// The report of a core error. For [`Origin::Object`] the line and column of problems
    /// are dropped: they would point into text the caller never saw.
    pub fn new(error: &Error, origin: Origin) -> ErrorReport {
        let kind = match error {
            Error::Json { .. } => "json",
            Error::Invalid(_) => "invalid",
            Error::Period(_) => "period",
            Error::NotFound { .. } => "not_found",
            Error::Argument { .. } => "argument",
            Error::Io { .. } => "io",
            _ => "other",
        };
        let mut problems = error.problems().to_vec();
        let (mut line, mut column, mut message) = match error {
            Error::Json { line, column, .. } => (Some(*line), Some(*column), error.to_string()),
            _ => (None, None, error.to_string()),
        };
        if origin == Origin::Object {
            for p in &mut problems {
                p.line = None;
                p.column = None;
            }
            if let Error::Json { message: m, .. } = error {
                message = format!("the object is not shaped like a workspace: {m}");
                line = None;
                column = None;
            } else if let Error::Invalid(_) = error {
                message = pilotage::Problems(problems.clone()).to_string();
            }
        }
        ErrorReport { kind, message, problems, line, column }
    }

    /// A report for a bad argument of this package's own functions.
    pub fn argument(name: &'static str, message: impl Into<String>) -> ErrorReport {
        ErrorReport::new(&Error::Argument { name, message: message.into() }, Origin::Text)
    }
}

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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn json_errors_keep_their_position_for_text_only() {
        let e = pilotage::Workspace::from_json("{\n  \"schema_version\": 1,\n  oops\n}").unwrap_err();
        let text = ErrorReport::new(&e, Origin::Text);
        assert_eq!(text.kind, "json");
        assert_eq!((text.line, text.column), (Some(3), Some(3)));
        assert!(text.message.starts_with("malformed JSON at line 3, column 3"), "{}", text.message);
        assert!(text.problems.is_empty());
        let object = ErrorReport::new(&e, Origin::Object);
        assert_eq!((object.line, object.column), (None, None));
        assert!(
            object.message.starts_with("the object is not shaped like a workspace"),
            "{}",
            object.message
        );
    }

    #[test]
    fn invalid_workspaces_list_every_problem() {
        let text = r#"{"schema_version": 1, "organisation": "X",
            "partners": [{"id": "p", "name": "P", "kind": "nowhere"}],
            "commitments": [{"id": "c", "partner": "p-999", "kind": "grant",
                "steps": [{"status": "signed", "date": "2025-01-02", "amount": "1"}]}]}"#;
        let e = pilotage::Workspace::from_json(text).unwrap_err();
        let report = ErrorReport::new(&e, Origin::Text);
        assert_eq!(report.kind, "invalid");
        let paths: Vec<String> = report.problems.iter().map(|p| p.path.to_string()).collect();
        assert_eq!(paths, ["partners[p].kind", "commitments[c].partner"]);
        // The decoding problem has a position (line 2), the validation problem has none.
        assert_eq!(report.problems[0].line, Some(2));
        assert_eq!(report.problems[1].line, None);
        assert!(report.message.starts_with("2 problems"));
        let object = ErrorReport::new(&e, Origin::Object);
        assert!(object.problems.iter().all(|p| p.line.is_none() && p.column.is_none()));
        assert!(!object.message.contains("line"), "{}", object.message);
    }

    #[test]
    fn every_other_kind_has_a_name_and_no_problems() {
        let period = Error::Period("2025-13".parse::<pilotage::Period>().unwrap_err());
        let r = ErrorReport::new(&period, Origin::Text);
        assert_eq!((r.kind, r.problems.len()), ("period", 0));
        assert_eq!(r.message, "invalid period \"2025-13\": the month must be between 01 and 12");
        let r = ErrorReport::argument("text", "too long");
        assert_eq!((r.kind, r.message.as_str()), ("argument", "invalid argument text: too long"));
        let r = ErrorReport::new(&Error::NotFound { what: "node", id: "x".into() }, Origin::Text);
        assert_eq!((r.kind, r.message.as_str()), ("not_found", "node \"x\" not found"));
    }
}
