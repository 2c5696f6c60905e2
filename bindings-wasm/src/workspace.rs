//! The `Workspace` class: a workspace loaded by the core, kept on the Rust side, with
//! accessors that convert and delegate. The scorecard evaluation is in [`crate::analysis`],
//! the portfolio and partnership metrics in [`crate::analytics`] (further `impl` blocks of the
//! same class).
//!
//! The class keeps the core's compiled [`Engine`] (built on the first evaluation) and the
//! last evaluation, so that a period change costs one engine run and an explanation right
//! after an evaluation of the same period costs none.

use std::cell::{OnceCell, RefCell};

use pilotage::{Engine, Evaluation, Workspace};
use wasm_bindgen::prelude::*;

use crate::convert::{
    PeriodInfoValue, ProblemArray, WorkspaceCountsValue, WorkspaceJsonValue, from_js_object, json_to_js,
    to_js_as,
};
use crate::error::{Failure, Origin};

/// A workspace: everything one organisation steers. Open one with `fromJson` or
/// `fromObject` (validated: throws a `PilotageError` listing every problem), or with
/// `parseJson` / `parseObject` (decoded only, for tools that show or repair problems).
#[wasm_bindgen(js_name = Workspace)]
pub struct JsWorkspace {
    inner: Workspace,
    engine: OnceCell<Engine>,
    last: RefCell<Option<Evaluation>>,
}

impl JsWorkspace {
    /// The core workspace.
    pub fn inner(&self) -> &Workspace {
        &self.inner
    }

    /// The compiled engine, built on first use (an invalid workspace is refused here).
    pub fn engine(&self) -> Result<&Engine, pilotage::Error> {
        if let Some(engine) = self.engine.get() {
            return Ok(engine);
        }
        let engine = Engine::new(&self.inner)?;
        Ok(self.engine.get_or_init(|| engine))
    }

    /// The evaluation of `period`, from the cache when it is the last one evaluated, given to
    /// `f`; the result is kept for the next call.
    pub fn with_evaluation<R>(
        &self,
        period: pilotage::Period,
        f: impl FnOnce(&Evaluation) -> R,
    ) -> Result<R, pilotage::Error> {
        if let Some(e) = self.last.borrow().as_ref().filter(|e| e.period == period) {
            return Ok(f(e));
        }
        let evaluation = self.engine()?.evaluate(period)?;
        let out = f(&evaluation);
        *self.last.borrow_mut() = Some(evaluation);
        Ok(out)
    }
}

impl From<Workspace> for JsWorkspace {
    fn from(inner: Workspace) -> JsWorkspace {
        JsWorkspace { inner, engine: OnceCell::new(), last: RefCell::new(None) }
    }
}

#[wasm_bindgen(js_class = Workspace)]
impl JsWorkspace {
    /// Load and validate a workspace from JSON text. Throws a `PilotageError`: kind `json`
    /// (with `line` and `column`) for malformed text, kind `invalid` with every problem.
    #[wasm_bindgen(js_name = fromJson)]
    pub fn from_json(text: &str) -> Result<JsWorkspace, Failure> {
        Ok(Workspace::from_json(text)?.into())
    }

    /// Decode a workspace from JSON text without validating it (`problems()` tells what is
    /// wrong). Throws only when records cannot be decoded at all.
    #[wasm_bindgen(js_name = parseJson)]
    pub fn parse_json(text: &str) -> Result<JsWorkspace, Failure> {
        Ok(Workspace::parse_json(text)?.into())
    }

    /// Load and validate a workspace from a parsed object (as `fromJson`; problems carry
    /// no line or column).
    #[wasm_bindgen(js_name = fromObject)]
    pub fn from_object(object: &WorkspaceJsonValue) -> Result<JsWorkspace, Failure> {
        let text = from_js_object(object, "object")?;
        Workspace::from_json(&text).map(Into::into).map_err(|e| Failure::new(&e, Origin::Object))
    }

    /// Decode a workspace from a parsed object without validating it.
    #[wasm_bindgen(js_name = parseObject)]
    pub fn parse_object(object: &WorkspaceJsonValue) -> Result<JsWorkspace, Failure> {
        let text = from_js_object(object, "object")?;
        Workspace::parse_json(&text).map(Into::into).map_err(|e| Failure::new(&e, Origin::Object))
    }

    /// Throws a `PilotageError` of kind `invalid` listing every problem, unless valid.
    pub fn validate(&self) -> Result<(), Failure> {
        Ok(self.inner.validate()?)
    }

    /// Every problem of the workspace (empty when valid).
    pub fn problems(&self) -> Result<ProblemArray, Failure> {
        to_js_as(&self.inner.problems())
    }

    /// The workspace as pretty-printed JSON (two-space indent, fields in a fixed order;
    /// money as strings).
    #[wasm_bindgen(js_name = toJson)]
    pub fn to_json(&self) -> Result<String, Failure> {
        Ok(self.inner.to_json()?)
    }

    /// The workspace as a plain object: `JSON.parse(ws.toJson())`, without the text.
    #[wasm_bindgen(js_name = toObject)]
    pub fn to_object(&self) -> Result<WorkspaceJsonValue, Failure> {
        // It parses `toJson`'s pretty text (the same object as the compact text: only
        // whitespace differs), so that the package holds one serialiser of the workspace,
        // not a pretty and a compact one (see BENCHMARKS.md). A plain comment, not a doc
        // comment: doc comments ship in the package's declarations.
        let text = self.inner.to_json().map_err(|e| match e {
            pilotage::Error::Argument { message, .. } => message,
            other => other.to_string(),
        });
        json_to_js(text).map(JsCast::unchecked_into)
    }

    /// Name of the organisation.
    #[wasm_bindgen(getter)]
    pub fn organisation(&self) -> String {
        self.inner.organisation.clone()
    }

    /// ISO 4217 currency of every amount.
    #[wasm_bindgen(getter)]
    pub fn currency(&self) -> String {
        self.inner.currency.clone()
    }

    /// Version of the file format.
    #[wasm_bindgen(getter, js_name = schemaVersion)]
    pub fn schema_version(&self) -> u32 {
        self.inner.schema_version
    }

    /// Month (1-12) the fiscal year starts in.
    #[wasm_bindgen(getter, js_name = fiscalYearStartMonth)]
    pub fn fiscal_year_start_month(&self) -> u8 {
        self.inner.fiscal_year_start_month
    }

    /// How many records of each kind the workspace holds.
    #[wasm_bindgen(getter)]
    pub fn counts(&self) -> Result<WorkspaceCountsValue, Failure> {
        to_js_as(&self.inner.counts())
    }

    /// Understand a period string, dated in this workspace's fiscal calendar.
    #[wasm_bindgen(js_name = parsePeriod)]
    pub fn parse_period(&self, text: &str) -> Result<PeriodInfoValue, Failure> {
        to_js_as(&text.parse::<pilotage::Period>()?.info(self.inner.calendar()))
    }
}
