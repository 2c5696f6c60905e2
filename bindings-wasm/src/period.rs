//! `parsePeriod`: a period string understood by the core, with its first and last day.

use pilotage::{Calendar, Error, Period};
use serde::Serialize;
use wasm_bindgen::prelude::*;

use crate::convert::{PeriodInfoValue, to_js_as};
use crate::error::{ErrorReport, Failure};

/// A period understood (TypeScript `PeriodInfo`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct PeriodInfo {
    /// The normal spelling (`2025-Q4`).
    pub text: String,
    /// `monthly`, `quarterly` or `yearly`.
    pub frequency: pilotage::Frequency,
    /// First day, ISO.
    pub start: String,
    /// Last day, ISO.
    pub end: String,
}

impl PeriodInfo {
    /// Parse `text` with the core and date it in `calendar`.
    pub fn parse(text: &str, calendar: Calendar) -> Result<PeriodInfo, Error> {
        let period: Period = text.parse()?;
        Ok(PeriodInfo {
            text: period.to_string(),
            frequency: period.frequency(),
            start: period.start_date(calendar).to_string(),
            end: period.end_date(calendar).to_string(),
        })
    }
}

/// The fiscal calendar of a start month given from JS (absent: January).
pub fn calendar_of(start_month: Option<f64>) -> Result<Calendar, ErrorReport> {
    let Some(m) = start_month else { return Ok(Calendar::default()) };
    let bad =
        || ErrorReport::argument("fiscalYearStartMonth", format!("{m} is not a month number from 1 to 12"));
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
    let calendar = calendar_of(fiscal_year_start_month).map_err(|r| Failure::from_report(&r))?;
    to_js_as(&PeriodInfo::parse(text, calendar)?)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn info(text: &str, start_month: u8) -> PeriodInfo {
        PeriodInfo::parse(text, Calendar::new(start_month).unwrap()).unwrap()
    }

    #[test]
    fn periods_are_dated_in_the_fiscal_calendar() {
        // Q4 of a calendar year: October to December.
        let q4 = info("2025-q4", 1);
        assert_eq!(q4.text, "2025-Q4");
        assert_eq!(q4.frequency, pilotage::Frequency::Quarterly);
        assert_eq!((q4.start.as_str(), q4.end.as_str()), ("2025-10-01", "2025-12-31"));
        // Fiscal year 2025 starting in April: 2025-04-01 to 2026-03-31; its Q4 is Jan-Mar 2026.
        let fy = info("2025", 4);
        assert_eq!((fy.start.as_str(), fy.end.as_str()), ("2025-04-01", "2026-03-31"));
        let q4 = info("2025-Q4", 4);
        assert_eq!((q4.start.as_str(), q4.end.as_str()), ("2026-01-01", "2026-03-31"));
        // Months ignore the fiscal calendar; February of a leap year ends on the 29th.
        let feb = info("2024-02", 7);
        assert_eq!((feb.start.as_str(), feb.end.as_str()), ("2024-02-01", "2024-02-29"));
    }

    #[test]
    fn bad_periods_and_months_are_errors() {
        assert!(matches!(PeriodInfo::parse("2025-13", Calendar::default()), Err(Error::Period(_))));
        assert!(matches!(PeriodInfo::parse("", Calendar::default()), Err(Error::Period(_))));
        assert!(calendar_of(None).is_ok());
        assert_eq!(calendar_of(Some(12.0)).unwrap().start_month(), 12);
        for bad in [0.0, 13.0, 4.5, f64::NAN, f64::INFINITY, -1.0] {
            assert_eq!(calendar_of(Some(bad)).unwrap_err().kind, "argument", "{bad}");
        }
    }
}
