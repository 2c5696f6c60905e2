//! The core's renderings on a `Workspace`: the SVG overview and the indicator card. The whole
//! HTML report (`html_report`) and the strategy map are left out: with them the package goes
//! over its 400 KB gzip budget (421.5 KB and 401.2 KB measured). The core escapes every workspace
//! string in them, so a page may insert them as markup.

use pilotage::Error;
use pilotage::report::Locale;
use pilotage::report::adapter::{indicator_card_for, overview_svg_for};
use wasm_bindgen::prelude::*;

use crate::analysis::period_arg;
use crate::error::Failure;
use crate::workspace::JsWorkspace;

/// A language argument: `"fr"` (the default) or `"en"` (`"fr-FR"`, `"en-GB"` accepted).
pub fn locale_arg(lang: Option<String>) -> Result<Locale, Error> {
    match lang.as_deref().map(|l| l.to_ascii_lowercase()) {
        None => Ok(Locale::Fr),
        Some(l) if l == "fr" || l.starts_with("fr-") => Ok(Locale::Fr),
        Some(l) if l == "en" || l.starts_with("en-") => Ok(Locale::En),
        Some(l) => {
            Err(Error::Argument { name: "lang", message: format!("expected \"fr\" or \"en\", found {l:?}") })
        }
    }
}

#[wasm_bindgen(js_class = Workspace)]
impl JsWorkspace {
    /// The scorecard overview of `period` as an SVG fragment.
    #[wasm_bindgen(js_name = overviewSvg)]
    pub fn overview_svg(&self, period: &str, lang: Option<String>) -> Result<String, Failure> {
        Ok(overview_svg_for(self.inner(), period_arg(period)?, locale_arg(lang)?)?)
    }

    /// The card of indicator `id` at `period` as an HTML fragment (`<article>`: heading,
    /// latest value, history chart in SVG, explanation).
    #[wasm_bindgen(js_name = indicatorCard)]
    pub fn indicator_card(&self, id: &str, period: &str, lang: Option<String>) -> Result<String, Failure> {
        Ok(indicator_card_for(self.inner(), period_arg(period)?, id, locale_arg(lang)?)?)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn languages() {
        assert_eq!(locale_arg(None).unwrap(), Locale::Fr);
        assert_eq!(locale_arg(Some("en-GB".into())).unwrap(), Locale::En);
        assert_eq!(locale_arg(Some("FR".into())).unwrap(), Locale::Fr);
        assert!(matches!(locale_arg(Some("de".into())), Err(Error::Argument { name: "lang", .. })));
    }
}
