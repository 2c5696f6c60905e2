//! The scorecard on a `Workspace`: `evaluate`, `evaluateRange`, `explain`, `latestPeriod`,
//! `periods` and `headline`. Each export parses its arguments with the core (periods in the
//! workspace's fiscal calendar), calls the core, and converts the result with
//! [`crate::convert::to_js`]; the plain Rust functions below it are what the host tests call.

use pilotage::Period;
use pilotage::analytics::headline::{HeadlineArgs, headline};
use wasm_bindgen::prelude::*;

use crate::args::{explain_locale_arg, frequency_arg, period_arg};
use crate::convert::{
    EvaluationArray, EvaluationValue, FrequencyValue, HeadlineOptionsValue, HeadlineValue, PeriodTextArray,
    options_from_js, to_js_as,
};
use crate::error::Failure;
use crate::workspace::JsWorkspace;

#[wasm_bindgen(js_class = Workspace)]
impl JsWorkspace {
    /// The scorecard at `period` (`"2025-Q4"`; its frequency is the reporting frequency):
    /// every node with its score, status, trend and explanation, and the strategy-map links.
    /// Throws `period` for a bad period, `invalid` for a workspace the engine refuses.
    pub fn evaluate(&self, period: &str) -> Result<EvaluationValue, Failure> {
        let period = period_arg(period)?;
        self.with_evaluation(period, to_js_as)?
    }

    /// The scorecard at every period from `first` to `last` (same frequency), in one pass.
    #[wasm_bindgen(js_name = evaluateRange)]
    pub fn evaluate_range(&self, first: &str, last: &str) -> Result<EvaluationArray, Failure> {
        let (first, last) = (period_arg(first)?, period_arg(last)?);
        to_js_as(&self.engine()?.evaluate_range(first, last)?)
    }

    /// Why node `nodeId` (the root `"scorecard"`, a perspective, objective or indicator) has
    /// its score and status at `period`, in a few lines of text, in `lang`: `"en"` (the
    /// default, as before the argument existed) or `"fr"` (`"fr-FR"`, `"en-GB"` accepted).
    /// Throws `not_found` for an unknown node, `argument` for another language.
    pub fn explain(&self, node_id: &str, period: &str, lang: Option<String>) -> Result<String, Failure> {
        let period = period_arg(period)?;
        let locale = explain_locale_arg(lang)?;
        Ok(self.with_evaluation(period, |e| pilotage::explain::explain_in(e, node_id, locale))??)
    }

    /// The period of `frequency` (default quarterly) holding the latest dated data: the
    /// natural default reporting period. `undefined` when nothing is dated.
    #[wasm_bindgen(js_name = latestPeriod)]
    pub fn latest_period(
        &self,
        #[wasm_bindgen(unchecked_optional_param_type = "Frequency")] frequency: Option<FrequencyValue>,
    ) -> Result<Option<String>, Failure> {
        Ok(self.inner().latest_period(frequency_arg(frequency.as_deref())?).map(|p| p.to_string()))
    }

    /// Every period of `frequency` (default quarterly) from the earliest dated data to
    /// `latestPeriod`, oldest first: the choices of a period selector.
    pub fn periods(
        &self,
        #[wasm_bindgen(unchecked_optional_param_type = "Frequency")] frequency: Option<FrequencyValue>,
    ) -> Result<PeriodTextArray, Failure> {
        let frequency = frequency_arg(frequency.as_deref())?;
        let texts: Vec<String> = self.inner().data_periods(frequency).iter().map(Period::to_string).collect();
        to_js_as(&texts)
    }

    /// The headline figures of `period`: active caseload, lead time and its "divided by",
    /// funds, leverage with its definition, partners, top partners, investment capacity,
    /// transversality. `options` overrides the core's defaults (comparison period, number of
    /// top partners, leverage definition, lead-time events).
    pub fn headline(
        &self,
        period: &str,
        #[wasm_bindgen(unchecked_optional_param_type = "HeadlineOptions")] options: Option<
            HeadlineOptionsValue,
        >,
    ) -> Result<HeadlineValue, Failure> {
        let period = period_arg(period)?;
        let args: HeadlineArgs = options_from_js(options.as_deref(), "options")?;
        to_js_as(&headline(self.inner(), period, args.options()?)?)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use pilotage::Error;
    use pilotage::locale::Locale;

    #[test]
    fn explain_is_english_unless_told() {
        assert_eq!(explain_locale_arg(None).unwrap(), Locale::En);
        assert_eq!(explain_locale_arg(Some("fr".into())).unwrap(), Locale::Fr);
        assert_eq!(explain_locale_arg(Some("en-GB".into())).unwrap(), Locale::En);
        assert!(matches!(explain_locale_arg(Some("de".into())), Err(Error::Argument { name: "lang", .. })));
    }
}
