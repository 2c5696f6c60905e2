//! The core's renderings on a `Workspace`: the SVG overview, the strategy map, the indicator
//! card and the whole self-contained HTML report. Each method converts its arguments and
//! delegates to `pilotage::report::adapter`: the overview and the map are drawn from the
//! evaluation the workspace keeps ([`JsWorkspace::with_evaluation`]), the card and the report
//! evaluate their history with the workspace's compiled engine (the `_with` functions), so no
//! rendering compiles the scorecard again; the output is byte for byte that of the
//! convenience functions the Rust examples call. The core escapes every workspace string in
//! them, so a page may insert them as markup.
//!
//! The report costs about 28 KB gzipped; the package stays within its 400 KB budget because
//! the core is built for it without serde_path_to_error and with ASCII lower-casing of labels
//! (see `BENCHMARKS.md`).

use pilotage::report::ReportOptions;
use pilotage::report::adapter::{
    evaluation_overview_svg, evaluation_strategy_map_svg, html_report_with, indicator_card_with,
};

use wasm_bindgen::prelude::*;

use crate::args::*;
use crate::error::Failure;
use crate::workspace::JsWorkspace;

#[wasm_bindgen(js_class = Workspace)]
impl JsWorkspace {
    /// The scorecard overview of `period` as an SVG fragment (from the evaluation of
    /// `period` the workspace keeps, if it is the last one evaluated).
    #[wasm_bindgen(js_name = overviewSvg)]
    pub fn overview_svg(&self, period: &str, lang: Option<String>) -> Result<String, Failure> {
        let (period, locale) = (period_arg(period)?, locale_arg(lang)?);
        Ok(self.with_evaluation(period, |e| evaluation_overview_svg(e, locale))??)
    }

    /// The strategy map of `period` as an SVG fragment: perspectives as bands, objectives as
    /// boxes coloured by status, cause-effect links as arrows.
    #[wasm_bindgen(js_name = strategyMapSvg)]
    pub fn strategy_map_svg(&self, period: &str, lang: Option<String>) -> Result<String, Failure> {
        let (period, locale) = (period_arg(period)?, locale_arg(lang)?);
        Ok(self.with_evaluation(period, |e| evaluation_strategy_map_svg(self.inner(), e, locale))??)
    }

    /// The card of indicator `id` at `period` as an HTML fragment (`<article>`: heading,
    /// latest value, history chart in SVG, explanation).
    #[wasm_bindgen(js_name = indicatorCard)]
    pub fn indicator_card(&self, id: &str, period: &str, lang: Option<String>) -> Result<String, Failure> {
        let (period, locale) = (period_arg(period)?, locale_arg(lang)?);
        Ok(indicator_card_with(self.engine()?, self.inner(), period, id, locale)?)
    }

    /// The whole report of `period` as one self-contained HTML document (inline CSS and
    /// SVG, no script, prints to A4), with the core's default options: overview, strategy
    /// map, indicator cards over 8 periods, portfolio and partnerships, explanations.
    #[wasm_bindgen(js_name = reportHtml)]
    pub fn report_html(&self, period: &str, lang: Option<String>) -> Result<String, Failure> {
        let (period, locale) = (period_arg(period)?, locale_arg(lang)?);
        Ok(html_report_with(self.engine()?, self.inner(), period, locale, &ReportOptions::default())?)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use pilotage::Error;
    use pilotage::locale::Locale;

    #[test]
    fn languages() {
        assert_eq!(locale_arg(None).unwrap(), Locale::Fr);
        assert_eq!(locale_arg(Some("en-GB".into())).unwrap(), Locale::En);
        assert_eq!(locale_arg(Some("FR".into())).unwrap(), Locale::Fr);
        assert!(matches!(locale_arg(Some("de".into())), Err(Error::Argument { name: "lang", .. })));
    }
}
