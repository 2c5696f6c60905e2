//! Argument reading, in one place for every export: periods, `asOf` dates, frequencies,
//! languages and the options objects, read onto the core's option structs (an option left
//! out takes the core's default: no default is written here). Conversions only.

use chrono::NaiveDate;
use pilotage::analytics::headline::HeadlineOptions;
use pilotage::analytics::partnership::{FinanceOptions, LeverageDefinition};
use pilotage::analytics::portfolio::{CaseloadOptions, LeadTimeOptions};
use pilotage::locale::Locale;
use pilotage::{Calendar, Error, Frequency, FundingStatus, Period};
use serde::Deserialize;
use wasm_bindgen::prelude::*;

use crate::error::ErrorReport;

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
pub fn frequency_arg(value: Option<&JsValue>) -> Result<Frequency, ErrorReport> {
    let Some(value) = value.filter(|v| !v.is_undefined() && !v.is_null()) else {
        return Ok(Frequency::Quarterly);
    };
    match value.as_string().as_deref() {
        Some("monthly") => Ok(Frequency::Monthly),
        Some("quarterly") => Ok(Frequency::Quarterly),
        Some("yearly") => Ok(Frequency::Yearly),
        _ => Err(ErrorReport::argument(
            "frequency",
            format!("expected \"monthly\", \"quarterly\" or \"yearly\", found {value:?}"),
        )),
    }
}

/// Options of `headline`, every field optional (the core's defaults otherwise).
#[derive(Debug, Clone, Default, PartialEq, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct HeadlineArgs {
    /// The period compared against.
    pub compare_with: Option<Period>,
    /// How many partners the top list covers (at least 1).
    pub top_partners: Option<usize>,
    /// The leverage definition.
    pub leverage: Option<LeverageDefinition>,
    /// Lead-time start and stop events.
    pub lead_time: Option<LeadTimeOptions>,
    /// Which files count in the active caseload, by the core's name of the rule
    /// (`until_closed`, `without_rejected`, `without_delivered`, `in_progress`).
    pub caseload: Option<String>,
}

impl HeadlineArgs {
    /// The core's options, defaults filled in (an unknown caseload rule is an argument error).
    pub fn options(&self) -> Result<HeadlineOptions, Error> {
        let d = HeadlineOptions::default();
        let caseload = match &self.caseload {
            Some(name) => name
                .parse::<CaseloadOptions>()
                .map_err(|message| Error::Argument { name: "caseload", message })?,
            None => d.caseload,
        };
        Ok(HeadlineOptions {
            compare_with: self.compare_with.or(d.compare_with),
            top_partners: self.top_partners.unwrap_or(d.top_partners),
            leverage: self.leverage.unwrap_or(d.leverage),
            lead_time: self.lead_time.unwrap_or(d.lead_time),
            caseload,
        })
    }
}

/// An `asOf` argument: an ISO date as it is, or a period's last day in `calendar`.
pub fn as_of_arg(text: &str, calendar: Calendar) -> Result<NaiveDate, Error> {
    if let Ok(date) = text.parse::<NaiveDate>() {
        return Ok(date);
    }
    match text.parse::<Period>() {
        Ok(period) => Ok(period.end_date(calendar)),
        Err(_) => Err(Error::Argument {
            name: "asOf",
            message: format!("{text:?} is neither an ISO date (2025-12-31) nor a period (2025-Q4)"),
        }),
    }
}

/// Options of the finance figures, every field optional (signed funds, external over own).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct FinanceArgs {
    /// The commitment status counted as external funds.
    pub basis: Option<FundingStatus>,
    /// The leverage definition.
    pub leverage: Option<LeverageDefinition>,
}

impl FinanceArgs {
    /// The core's options, counting steps up to `as_of`.
    pub fn options(self, as_of: Option<NaiveDate>) -> FinanceOptions {
        let d = FinanceOptions::default();
        FinanceOptions {
            basis: self.basis.unwrap_or(d.basis),
            as_of,
            leverage: self.leverage.unwrap_or(d.leverage),
        }
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

#[cfg(test)]
mod tests {
    use super::*;

    fn headline_options(text: Option<&str>) -> Result<HeadlineOptions, Error> {
        let args: HeadlineArgs = match text {
            Some(t) => serde_json::from_str(t)
                .map_err(|e| Error::Argument { name: "options", message: e.to_string() })?,
            None => HeadlineArgs::default(),
        };
        args.options()
    }

    #[test]
    fn headline_options_are_read_onto_the_core_defaults() {
        assert_eq!(headline_options(None).unwrap(), HeadlineOptions::default());
        assert_eq!(headline_options(Some("{}")).unwrap(), HeadlineOptions::default());
        let o = headline_options(Some(
            r#"{"top_partners": 3, "compare_with": "2024-Q4", "leverage": "total_over_own"}"#,
        ))
        .unwrap();
        assert_eq!(o.top_partners, 3);
        assert_eq!(o.compare_with, Some("2024-Q4".parse().unwrap()));
        assert_eq!(o.leverage, LeverageDefinition::TotalOverOwn);
        // what was not given is the core's default
        assert_eq!(o.lead_time, HeadlineOptions::default().lead_time);
        assert!(matches!(
            headline_options(Some(r#"{"top": 3}"#)),
            Err(Error::Argument { name: "options", .. })
        ));
        // the caseload rule by name: in_progress leaves out rejected and delivered files
        let o = headline_options(Some(r#"{"caseload": "in_progress", "leverage": "planned_cost_over_own"}"#))
            .unwrap();
        assert_eq!((o.caseload.rejected_until_closed, o.caseload.delivered_until_closed), (false, false));
        assert_eq!(o.leverage, LeverageDefinition::PlannedCostOverOwn);
        let bad = headline_options(Some(r#"{"caseload": "closed"}"#)).unwrap_err().to_string();
        assert!(bad.contains("until_closed") && bad.contains("in_progress"), "{bad}");
    }

    #[test]
    fn an_unknown_name_in_the_options_lists_the_valid_names() {
        let bad = headline_options(Some(r#"{"leverage": "x"}"#)).unwrap_err().to_string();
        for name in ["external_over_own", "total_over_own", "planned_cost_over_own"] {
            assert!(bad.contains(name), "{bad}");
        }
        assert!(!bad.contains("internally tagged") && !bad.contains("LeverageDefinition"), "{bad}");
    }
}
