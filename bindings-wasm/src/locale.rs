//! `localeTable`: the core's words for a page. The `<pilotage-scorecard>` widget takes every
//! word, status symbol and trend arrow it shows from it, so that it and the core's reports
//! agree by construction.

use wasm_bindgen::prelude::*;

use crate::convert::{LocaleTableValue, to_js_as};
use crate::error::Failure;
use crate::report::locale_arg;

/// Every word of a language a page needs (TypeScript `LocaleTable`): the widget's messages
/// by key (`{0}`, `{1}` mark the values it puts in), the status words of an indicator and of
/// a roll-up node, the status symbols, the trend words and arrows, the leverage definitions.
/// `lang`: `"fr"` (the default) or `"en"`.
#[wasm_bindgen(js_name = localeTable)]
pub fn locale_table(lang: Option<String>) -> Result<LocaleTableValue, Failure> {
    to_js_as(&locale_arg(lang)?.table())
}
