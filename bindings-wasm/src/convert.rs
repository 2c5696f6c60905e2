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

use crate::error::Failure;

/// Extern types that only name a TypeScript type: `Name = "TypeScript type";`, each under
/// its doc comment.
macro_rules! typescript_types {
    ($($(#[$doc:meta])* $name:ident = $ts:tt;)*) => {
        #[wasm_bindgen]
        extern "C" {
            $(
                $(#[$doc])*
                #[wasm_bindgen(typescript_type = $ts)]
                pub type $name;
            )*
        }
    };
}

typescript_types! {
    /// A workspace as a plain object (TypeScript `WorkspaceJson`).
    WorkspaceJsonValue = "WorkspaceJson";
    /// A list of problems (TypeScript `Problem[]`).
    ProblemArray = "Problem[]";
    /// A period understood (TypeScript `PeriodInfo`).
    PeriodInfoValue = "PeriodInfo";
    /// The words of a language (TypeScript `LocaleTable`).
    LocaleTableValue = "LocaleTable";
    /// Record counts (TypeScript `WorkspaceCounts`).
    WorkspaceCountsValue = "WorkspaceCounts";
    /// A scorecard evaluation (TypeScript `Evaluation`).
    EvaluationValue = "Evaluation";
    /// Evaluations of consecutive periods (TypeScript `Evaluation[]`).
    EvaluationArray = "Evaluation[]";
    /// A frequency name (input) (TypeScript `Frequency`).
    FrequencyValue = "Frequency";
    /// Options of the headline figures (input) (TypeScript `HeadlineOptions`).
    HeadlineOptionsValue = "HeadlineOptions";
    /// The headline figures of a period (TypeScript `Headline`).
    HeadlineValue = "Headline";
    /// Periods as strings (TypeScript `PeriodText[]`).
    PeriodTextArray = "PeriodText[]";
    /// The active caseload (TypeScript `Caseload`).
    CaseloadValue = "Caseload";
    /// Work in progress by stage (TypeScript `WorkInProgress`).
    WorkInProgressValue = "WorkInProgress";
    /// Ageing of the open files (TypeScript `FileAge[]`).
    FileAgeArray = "FileAge[]";
    /// Lead-time events (input) (TypeScript `LeadTimeOptions`).
    LeadTimeOptionsValue = "LeadTimeOptions";
    /// Lead-time statistics (TypeScript `LeadTimeStats`).
    LeadTimeStatsValue = "LeadTimeStats";
    /// Two periods' lead times compared (TypeScript `LeadTimeComparison`).
    LeadTimeComparisonValue = "LeadTimeComparison";
    /// Throughput of a period (TypeScript `Throughput`).
    ThroughputValue = "Throughput";
    /// Delivery report (TypeScript `DeliveryReport`).
    DeliveryReportValue = "DeliveryReport";
    /// Value of the active portfolio (TypeScript `PortfolioValue`).
    PortfolioValueValue = "PortfolioValue";
    /// Transversality (TypeScript `Transversality`).
    TransversalityValue = "Transversality";
    /// Partner counts (TypeScript `PartnerCounts`).
    PartnerCountsValue = "PartnerCounts";
    /// Funds by status (TypeScript `Funds`).
    FundsValue = "Funds";
    /// Funds still to come (TypeScript `Outstanding`).
    OutstandingValue = "Outstanding";
    /// Options of the finance figures (input) (TypeScript `FinanceOptions`).
    FinanceOptionsValue = "FinanceArgs";
    /// Co-financing and leverage of a set of projects (TypeScript `PortfolioFinance`).
    PortfolioFinanceValue = "PortfolioFinance";
    /// Finance of one project (TypeScript `ProjectFinance`).
    ProjectFinanceValue = "ProjectFinance";
    /// Concentration of signed funds (TypeScript `Concentration`).
    ConcentrationValue = "Concentration";
    /// Investment capacity of a period (TypeScript `InvestmentCapacity`).
    InvestmentCapacityValue = "InvestmentCapacity";
    /// Two periods' investment capacity compared (TypeScript `CapacityComparison`).
    CompareCapacityValue = "CapacityComparison";
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
    let cannot = |why: String| Failure::argument("result", format!("cannot be passed to JavaScript: {why}"));
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
    serde_json::from_str(&text).map_err(|e| Failure::argument(name, pilotage::io::serde_words::message(&e)))
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
        return Err(Failure::argument(name, format!("expected an object, found {found}")));
    }
    let text = js_sys::JSON::stringify(value).map_err(|e| {
        let why = e.dyn_ref::<js_sys::Error>().map(|e| String::from(e.message())).unwrap_or_default();
        Failure::argument(name, format!("cannot be read as JSON: {why}"))
    })?;
    text.as_string().ok_or_else(|| Failure::argument(name, "cannot be read as JSON".to_string()))
}
