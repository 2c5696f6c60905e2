//! Values across the boundary. Results leave as plain JS objects through one serializer,
//! [`to_js`], configured so that an object equals `JSON.parse` of the core's JSON output
//! (maps become objects, missing values `null`); money (`Decimal`) leaves as a string and
//! dates as ISO strings because that is how the core serialises them. Objects come in as
//! JSON text ([`from_js_object`]) so that the core's own decoder reports every problem
//! with its path.
//!
//! The extern types below only name the TypeScript type of a value (declared in
//! `src/types.d.ts`); at run time they are plain `JsValue`s.

use serde::Serialize;
use wasm_bindgen::prelude::*;

use crate::error::{ErrorReport, Failure};

#[wasm_bindgen]
extern "C" {
    /// A workspace as a plain object (TypeScript `WorkspaceJson`).
    #[wasm_bindgen(typescript_type = "WorkspaceJson")]
    pub type WorkspaceJsonValue;

    /// A list of problems (TypeScript `Problem[]`).
    #[wasm_bindgen(typescript_type = "Problem[]")]
    pub type ProblemArray;

    /// A period understood (TypeScript `PeriodInfo`).
    #[wasm_bindgen(typescript_type = "PeriodInfo")]
    pub type PeriodInfoValue;

    /// Record counts (TypeScript `WorkspaceCounts`).
    #[wasm_bindgen(typescript_type = "WorkspaceCounts")]
    pub type WorkspaceCountsValue;
}

/// The serializer of every result: JSON-compatible plain objects.
const SERIALIZER: serde_wasm_bindgen::Serializer = serde_wasm_bindgen::Serializer::json_compatible();

/// A Rust value as a plain JS value (objects, arrays, strings, numbers, booleans, null).
pub fn to_js<T: Serialize + ?Sized>(value: &T) -> Result<JsValue, Failure> {
    value.serialize(&SERIALIZER).map_err(|e| {
        Failure::from_report(&ErrorReport::argument("result", format!("cannot be passed to JavaScript: {e}")))
    })
}

/// A Rust value as a JS value of the extern type `T` (a TypeScript name only).
pub fn to_js_as<T: JsCast, V: Serialize + ?Sized>(value: &V) -> Result<T, Failure> {
    to_js(value).map(JsCast::unchecked_into)
}

/// The JSON text of a JS object given where a workspace is expected. Refuses, with an
/// `argument` error, what is not a plain object (arrays, strings, `null`...) and what
/// `JSON.stringify` refuses (cycles, BigInt).
pub fn from_js_object(value: &JsValue, name: &'static str) -> Result<String, Failure> {
    if !value.is_object() || js_sys::Array::is_array(value) {
        let found = if value.is_null() {
            "null".to_string()
        } else if js_sys::Array::is_array(value) {
            "an array".to_string()
        } else {
            format!("a value of type {}", value.js_typeof().as_string().unwrap_or_default())
        };
        return Err(Failure::from_report(&ErrorReport::argument(
            name,
            format!("expected an object, found {found}"),
        )));
    }
    let text = js_sys::JSON::stringify(value).map_err(|e| {
        let why = e.dyn_ref::<js_sys::Error>().map(|e| String::from(e.message())).unwrap_or_default();
        Failure::from_report(&ErrorReport::argument(name, format!("cannot be read as JSON: {why}")))
    })?;
    text.as_string().ok_or_else(|| {
        Failure::from_report(&ErrorReport::argument(name, "cannot be read as JSON".to_string()))
    })
}
