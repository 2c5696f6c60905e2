//! The core's words and number formats for a page: `localeTable` and `formatNumber`. The
//! `<pilotage-scorecard>` widget takes every word, status symbol, trend arrow and number it
//! shows from them, so that it and the core's reports agree by construction.

use pilotage::Error;
use pilotage::locale::Locale;
use wasm_bindgen::prelude::*;

use crate::args::locale_arg;
use crate::convert::{LocaleTableValue, to_js_as};
use crate::error::Failure;

/// The core's words of `lang` (`"fr"`, the default, or `"en"`) for a page: see `LocaleTable`.
#[wasm_bindgen(js_name = localeTable)]
pub fn locale_table(lang: Option<String>) -> Result<LocaleTableValue, Failure> {
    to_js_as(&locale_arg(lang)?.table())
}

/// `value` written as the core's reports write it in `locale`, with `decimals` decimals:
/// `style` `"number"` (the default: `1 234,5`), `"percent"` (of a fraction: `45,5 %`),
/// `"days"` (`45 j`) or `"files"` (a count of files with the language's plural: `1 dossier`).
pub fn number_text(
    value: f64,
    decimals: usize,
    locale: Locale,
    style: Option<&str>,
) -> Result<String, Error> {
    match style.unwrap_or("number") {
        "number" => Ok(locale.number(value, decimals)),
        "percent" => Ok(locale.percent(value, decimals)),
        "days" => Ok(locale.days(value, decimals)),
        "files" => {
            let w = locale.words();
            let n = if value.is_finite() && value >= 0.0 { value as u64 } else { 0 };
            Ok(format!("{} {}", locale.number(value, 0), w.records[3][usize::from((w.plural)(n))]))
        }
        other => Err(Error::Argument {
            name: "style",
            message: format!("expected \"number\", \"percent\", \"days\" or \"files\", found {other:?}"),
        }),
    }
}

/// `value` as the core's reports write it in `lang` (`"fr"`, the default, or `"en"`), with
/// `decimals` decimals (0 by default, at most 12), in a `NumberStyle` (`"number"` by default).
#[wasm_bindgen(js_name = formatNumber)]
pub fn format_number(
    value: f64,
    // (each optional argument typed as such: else TypeScript asks for the ones before `style`)
    #[wasm_bindgen(unchecked_optional_param_type = "number")] decimals: Option<u32>,
    #[wasm_bindgen(unchecked_optional_param_type = "string")] lang: Option<String>,
    #[wasm_bindgen(unchecked_optional_param_type = "NumberStyle")] style: Option<String>,
) -> Result<String, Failure> {
    let decimals = decimals.unwrap_or(0).min(12) as usize;
    Ok(number_text(value, decimals, locale_arg(lang)?, style.as_deref())?)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_are_the_reports() {
        let text = |v, d, l, s| number_text(v, d, l, s).unwrap_or_default();
        assert_eq!(text(1234.5, 1, Locale::Fr, None), "1\u{202f}234,5");
        assert_eq!(text(1234.5, 1, Locale::En, Some("number")), "1,234.5");
        assert_eq!(text(0.455, 1, Locale::Fr, Some("percent")), "45,5\u{202f}%");
        assert_eq!(text(45.4, 0, Locale::En, Some("days")), "45\u{a0}d");
        assert_eq!(text(0.0, 0, Locale::Fr, Some("files")), "0 dossier");
        assert_eq!(text(2.0, 0, Locale::Fr, Some("files")), "2 dossiers");
        assert_eq!(text(0.0, 0, Locale::En, Some("files")), "0 files");
        assert_eq!(text(f64::NAN, 1, Locale::En, None), "–");
        assert!(matches!(
            number_text(1.0, 0, Locale::Fr, Some("money")),
            Err(Error::Argument { name: "style", .. })
        ));
    }
}
