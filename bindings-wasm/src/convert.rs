//! Values across the boundary. Results leave as plain JS objects through one serializer,
//! [`to_js`]: the core's own JSON serialisation (`serde_json`, the one the main job's
//! `--json` uses) parsed by the engine's `JSON.parse`, so an object is by construction
//! `JSON.parse` of the core's JSON output (maps become objects, missing values `null`, the
//! same shortest round-trip spelling of every float); money (`Decimal`) leaves as a string
//! and dates as ISO strings because that is how the core serialises them. One text crossing
//! is also faster than building the object field by field from WebAssembly. Objects come in
//! as JSON text ([`from_js_object`]) so that the core's own decoder reports every problem
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

    /// The words of a language (TypeScript `LocaleTable`).
    #[wasm_bindgen(typescript_type = "LocaleTable")]
    pub type LocaleTableValue;

    /// Record counts (TypeScript `WorkspaceCounts`).
    #[wasm_bindgen(typescript_type = "WorkspaceCounts")]
    pub type WorkspaceCountsValue;

    /// A scorecard evaluation (TypeScript `Evaluation`).
    #[wasm_bindgen(typescript_type = "Evaluation")]
    pub type EvaluationValue;

    /// Evaluations of consecutive periods (TypeScript `Evaluation[]`).
    #[wasm_bindgen(typescript_type = "Evaluation[]")]
    pub type EvaluationArray;

    /// A frequency name (input) (TypeScript `Frequency`).
    #[wasm_bindgen(typescript_type = "Frequency")]
    pub type FrequencyValue;

    /// Options of the headline figures (input) (TypeScript `HeadlineOptions`).
    #[wasm_bindgen(typescript_type = "HeadlineOptions")]
    pub type HeadlineOptionsValue;

    /// The headline figures of a period (TypeScript `Headline`).
    #[wasm_bindgen(typescript_type = "Headline")]
    pub type HeadlineValue;

    /// Periods as strings (TypeScript `PeriodText[]`).
    #[wasm_bindgen(typescript_type = "PeriodText[]")]
    pub type PeriodTextArray;

    /// The active caseload (TypeScript `Caseload`).
    #[wasm_bindgen(typescript_type = "Caseload")]
    pub type CaseloadValue;

    /// Work in progress by stage (TypeScript `WorkInProgress`).
    #[wasm_bindgen(typescript_type = "WorkInProgress")]
    pub type WorkInProgressValue;

    /// Ageing of the open files (TypeScript `FileAge[]`).
    #[wasm_bindgen(typescript_type = "FileAge[]")]
    pub type FileAgeArray;

    /// Lead-time events (input) (TypeScript `LeadTimeOptions`).
    #[wasm_bindgen(typescript_type = "LeadTimeOptions")]
    pub type LeadTimeOptionsValue;

    /// Lead-time statistics (TypeScript `LeadTimeStats`).
    #[wasm_bindgen(typescript_type = "LeadTimeStats")]
    pub type LeadTimeStatsValue;

    /// Two periods' lead times compared (TypeScript `LeadTimeComparison`).
    #[wasm_bindgen(typescript_type = "LeadTimeComparison")]
    pub type LeadTimeComparisonValue;

    /// Throughput of a period (TypeScript `Throughput`).
    #[wasm_bindgen(typescript_type = "Throughput")]
    pub type ThroughputValue;

    /// Delivery report (TypeScript `DeliveryReport`).
    #[wasm_bindgen(typescript_type = "DeliveryReport")]
    pub type DeliveryReportValue;

    /// Value of the active portfolio (TypeScript `PortfolioValue`).
    #[wasm_bindgen(typescript_type = "PortfolioValue")]
    pub type PortfolioValueValue;

    /// Transversality (TypeScript `Transversality`).
    #[wasm_bindgen(typescript_type = "Transversality")]
    pub type TransversalityValue;

    /// Partner counts (TypeScript `PartnerCounts`).
    #[wasm_bindgen(typescript_type = "PartnerCounts")]
    pub type PartnerCountsValue;

    /// Funds by status (TypeScript `Funds`).
    #[wasm_bindgen(typescript_type = "Funds")]
    pub type FundsValue;

    /// Funds still to come (TypeScript `Outstanding`).
    #[wasm_bindgen(typescript_type = "Outstanding")]
    pub type OutstandingValue;

    /// Options of the finance figures (input) (TypeScript `FinanceOptions`).
    #[wasm_bindgen(typescript_type = "FinanceArgs")]
    pub type FinanceOptionsValue;

    /// Co-financing and leverage of a set of projects (TypeScript `PortfolioFinance`).
    #[wasm_bindgen(typescript_type = "PortfolioFinance")]
    pub type PortfolioFinanceValue;

    /// Finance of one project (TypeScript `ProjectFinance`).
    #[wasm_bindgen(typescript_type = "ProjectFinance")]
    pub type ProjectFinanceValue;

    /// Concentration of signed funds (TypeScript `Concentration`).
    #[wasm_bindgen(typescript_type = "Concentration")]
    pub type ConcentrationValue;

    /// Investment capacity of a period (TypeScript `InvestmentCapacity`).
    #[wasm_bindgen(typescript_type = "InvestmentCapacity")]
    pub type InvestmentCapacityValue;

    /// Two periods' investment capacity compared (TypeScript `CapacityComparison`).
    #[wasm_bindgen(typescript_type = "CapacityComparison")]
    pub type CompareCapacityValue;
}

/// A Rust value as a plain JS value (objects, arrays, strings, numbers, booleans, null):
/// `JSON.parse` of its JSON text.
pub fn to_js<T: Serialize + ?Sized>(value: &T) -> Result<JsValue, Failure> {
    // Only the serialisation is generic; the rest is one copy in the package.
    json_to_js(serde_json::to_string(value).map_err(|e| e.to_string()))
}

/// JSON text (or why it could not be written) as a plain JS value: `JSON.parse` of it.
#[inline(never)]
pub fn json_to_js(text: Result<String, String>) -> Result<JsValue, Failure> {
    let cannot = |why: String| {
        Failure::from_report(&ErrorReport::argument(
            "result",
            format!("cannot be passed to JavaScript: {why}"),
        ))
    };
    let text = text.map_err(cannot)?;
    js_sys::JSON::parse(&text).map_err(|e| {
        cannot(e.dyn_ref::<js_sys::Error>().map(|e| String::from(e.message())).unwrap_or_default())
    })
}

/// Decode a JS options object (or `undefined`/`null`: the defaults) into `T` with the core's
/// JSON decoder; unknown keys and wrong types are `argument` errors naming `name`.
pub fn options_from_js<T: serde::de::DeserializeOwned + Default>(
    value: Option<&JsValue>,
    name: &'static str,
) -> Result<T, Failure> {
    let Some(value) = value.filter(|v| !v.is_undefined() && !v.is_null()) else {
        return Ok(T::default());
    };
    let text = from_js_object(value, name)?;
    serde_json::from_str(&text).map_err(|e| Failure::from_report(&ErrorReport::argument(name, e.to_string())))
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
