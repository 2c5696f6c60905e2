//! Argument reading, in one place for every export: periods, frequencies and languages. The
//! options objects are read straight onto the core's argument structs (`HeadlineArgs`,
//! `FinanceArgs`, `LeadTimeOptions`), whose fields left out take the core's defaults, and an
//! `asOf` is read by the core ([`pilotage::Workspace::day_of`]): no default or rule is
//! written here. Conversions only.

use pilotage::locale::Locale;
use pilotage::{Error, Frequency, Period};
use wasm_bindgen::prelude::*;

/// A period argument, parsed by the core (`period` errors name the text).
pub fn period_arg(text: &str) -> Result<Period, Error> {
    Ok(text.parse::<Period>()?)
}

/// The language of `explain`: English when absent (the text `explain` always gave), else as
/// the reports read it ([`locale_arg`]).
pub fn explain_locale_arg(lang: Option<String>) -> Result<Locale, Error> {
    match lang {
        None => Ok(Locale::En),
        Some(l) => locale_arg(Some(l)),
    }
}

/// A frequency argument: `"monthly"`, `"quarterly"` or `"yearly"`; absent means quarterly
/// (the city's reporting rhythm).
pub fn frequency_arg(value: Option<&JsValue>) -> Result<Frequency, Error> {
    let Some(value) = value.filter(|v| !v.is_undefined() && !v.is_null()) else {
        return Ok(Frequency::Quarterly);
    };
    match value.as_string().as_deref() {
        Some("monthly") => Ok(Frequency::Monthly),
        Some("quarterly") => Ok(Frequency::Quarterly),
        Some("yearly") => Ok(Frequency::Yearly),
        _ => Err(Error::Argument {
            name: "frequency",
            message: format!("expected \"monthly\", \"quarterly\" or \"yearly\", found {value:?}"),
        }),
    }
}

/// A language argument: `"fr"` (the default) or `"en"` (`"fr-FR"`, `"en-GB"` accepted: the
/// core's reading of a language tag).
pub fn locale_arg(lang: Option<String>) -> Result<Locale, Error> {
    lang.map_or(Ok(Locale::Fr), |l| {
        l.parse().map_err(|e: pilotage::locale::UnknownLocale| Error::Argument {
            name: "lang",
            message: e.to_string(),
        })
    })
}
