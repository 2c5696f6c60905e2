//! `parsePeriod`: a period string understood by the core ([`pilotage::PeriodInfo`]: its
//! spelling, frequency, first and last day).

use pilotage::{Calendar, Error, Period};
use wasm_bindgen::prelude::*;

use crate::convert::{PeriodInfoValue, to_js_as};
use crate::error::Failure;

/// The fiscal calendar of a start month given from JS (absent: January).
pub fn calendar_of(start_month: Option<f64>) -> Result<Calendar, Error> {
    let Some(m) = start_month else { return Ok(Calendar::default()) };
    let bad = || Error::Argument {
        name: "fiscalYearStartMonth",
        message: format!("{m} is not a month number from 1 to 12"),
    };
    if m.fract() != 0.0 || !(1.0..=12.0).contains(&m) {
        return Err(bad());
    }
    Calendar::new(m as u8).map_err(|_| bad())
}

/// Understand a period string: `"2025-03"`, `"2025-Q1"` or `"2025"`. Quarters and years are
/// dated in the fiscal calendar whose year starts in `fiscalYearStartMonth` (1-12, default 1).
/// Throws a `PilotageError` of kind `period` (or `argument` for a bad month).
#[wasm_bindgen(js_name = parsePeriod)]
pub fn parse_period(
    text: &str,
    #[wasm_bindgen(js_name = fiscalYearStartMonth)] fiscal_year_start_month: Option<f64>,
) -> Result<PeriodInfoValue, Failure> {
    let calendar = calendar_of(fiscal_year_start_month)?;
    to_js_as(&text.parse::<Period>()?.info(calendar))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_start_month_is_a_month_number() {
        assert!(calendar_of(None).is_ok());
        assert_eq!(calendar_of(Some(12.0)).unwrap().start_month(), 12);
        for bad in [0.0, 13.0, 4.5, f64::NAN, f64::INFINITY, -1.0] {
            let e = calendar_of(Some(bad)).unwrap_err();
            assert!(matches!(e, Error::Argument { name: "fiscalYearStartMonth", .. }), "{bad}");
        }
    }
}
