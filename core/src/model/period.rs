//! Reporting periods: months, quarters and (fiscal) years.
//!
//! A [`Period`] prints and parses as `2025-03` (a calendar month), `2025-Q1` (a quarter of
//! the fiscal year) or `2025` (a fiscal year). Months are always calendar months; quarters
//! and years follow the workspace's [`Calendar`], whose fiscal year starts on the first day
//! of a chosen month. **Fiscal year `Y` is the one that starts in calendar year `Y`**: with a
//! start month of April, `2025` runs from 2025-04-01 to 2026-03-31 and `2025-Q1` is April to
//! June 2025. With the default start month (January) fiscal and calendar years coincide.
//!
//! Internally a period is also a dense integer ([`Period::ordinal`]) per [`Frequency`], so
//! the engine can index arrays by period without hashing.

use std::fmt;
use std::str::FromStr;

use chrono::{Datelike, NaiveDate};
use serde::{Deserialize, Deserializer, Serialize, Serializer};

/// First year a period or date may fall in (inclusive): a documented input limit.
pub const MIN_YEAR: i32 = 1900;
/// Last year a period or date may fall in (inclusive): a documented input limit.
pub const MAX_YEAR: i32 = 2100;

/// How often an indicator is measured, or at which grain a report is made.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize, schemars::JsonSchema,
)]
#[serde(rename_all = "snake_case")]
pub enum Frequency {
    /// Calendar months (`2025-03`).
    Monthly,
    /// Quarters of the fiscal year (`2025-Q1`).
    Quarterly,
    /// Fiscal years (`2025`).
    Yearly,
}

impl Frequency {
    /// Number of months in one period of this frequency.
    pub fn months(self) -> u32 {
        match self {
            Frequency::Monthly => 1,
            Frequency::Quarterly => 3,
            Frequency::Yearly => 12,
        }
    }

    /// Periods of this frequency in one year (12, 4 or 1).
    pub fn per_year(self) -> i32 {
        12 / self.months() as i32
    }

    /// True when a period of `self` can be split into whole periods of `finer`
    /// (a quarter into months; a month into months).
    pub fn is_coarser_or_equal(self, finer: Frequency) -> bool {
        self.months() >= finer.months()
    }
}

impl fmt::Display for Frequency {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            Frequency::Monthly => "monthly",
            Frequency::Quarterly => "quarterly",
            Frequency::Yearly => "yearly",
        })
    }
}

/// The fiscal calendar of a workspace: the month its fiscal year starts in (1 = January).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Calendar {
    start_month: u8,
}

impl Default for Calendar {
    fn default() -> Self {
        Calendar { start_month: 1 }
    }
}

impl Calendar {
    /// A calendar whose fiscal year starts in `start_month` (1-12).
    pub fn new(start_month: u8) -> Result<Calendar, PeriodError> {
        if (1..=12).contains(&start_month) {
            Ok(Calendar { start_month })
        } else {
            Err(PeriodError::new(start_month.to_string(), "a fiscal year start month is between 1 and 12"))
        }
    }

    /// The month (1-12) the fiscal year starts in.
    pub fn start_month(self) -> u8 {
        self.start_month
    }

    /// Months elapsed since January of year 0 for the first month of fiscal year `y`.
    fn fiscal_year_first_month(self, year: i32) -> i64 {
        year as i64 * 12 + (self.start_month as i64 - 1)
    }
}

/// A month counted from January of year 0 (`year * 12 + month - 1`): the common time axis
/// on which periods of every frequency are compared.
pub type MonthIndex = i64;

/// Convert a month index back to (year, month 1-12).
pub fn month_of_index(index: MonthIndex) -> (i32, u8) {
    (index.div_euclid(12) as i32, (index.rem_euclid(12) + 1) as u8)
}

/// The month index of a date.
pub fn month_index_of_date(date: NaiveDate) -> MonthIndex {
    date.year() as i64 * 12 + date.month0() as i64
}

/// A reporting period.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Period {
    /// A calendar month.
    Month {
        /// Calendar year.
        year: i32,
        /// Month, 1-12.
        month: u8,
    },
    /// A quarter of a fiscal year.
    Quarter {
        /// Fiscal year.
        year: i32,
        /// Quarter, 1-4.
        quarter: u8,
    },
    /// A fiscal year.
    Year(i32),
}

/// A period string or value that cannot be understood.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("invalid period {input:?}: {reason}")]
pub struct PeriodError {
    /// What was given (cut to 40 characters).
    pub input: String,
    /// Why it is refused.
    pub reason: String,
}

impl PeriodError {
    fn new(input: impl Into<String>, reason: impl Into<String>) -> PeriodError {
        let input: String = input.into();
        let input = if input.chars().count() > 40 {
            let mut cut: String = input.chars().take(40).collect();
            cut.push('…');
            cut
        } else {
            input
        };
        PeriodError { input, reason: reason.into() }
    }
}

fn check_year(input: &str, year: i32) -> Result<i32, PeriodError> {
    if (MIN_YEAR..=MAX_YEAR).contains(&year) {
        Ok(year)
    } else {
        Err(PeriodError::new(input, format!("the year must be between {MIN_YEAR} and {MAX_YEAR}")))
    }
}

impl Period {
    /// A calendar month; errors outside 1-12 or the supported years.
    pub fn month(year: i32, month: u8) -> Result<Period, PeriodError> {
        let text = format!("{year}-{month:02}");
        check_year(&text, year)?;
        if !(1..=12).contains(&month) {
            return Err(PeriodError::new(text, "the month must be between 01 and 12"));
        }
        Ok(Period::Month { year, month })
    }

    /// A fiscal quarter; errors outside 1-4 or the supported years.
    pub fn quarter(year: i32, quarter: u8) -> Result<Period, PeriodError> {
        let text = format!("{year}-Q{quarter}");
        check_year(&text, year)?;
        if !(1..=4).contains(&quarter) {
            return Err(PeriodError::new(text, "the quarter must be between Q1 and Q4"));
        }
        Ok(Period::Quarter { year, quarter })
    }

    /// A fiscal year; errors outside the supported years.
    pub fn year(year: i32) -> Result<Period, PeriodError> {
        check_year(&year.to_string(), year)?;
        Ok(Period::Year(year))
    }

    /// The frequency this period belongs to.
    pub fn frequency(self) -> Frequency {
        match self {
            Period::Month { .. } => Frequency::Monthly,
            Period::Quarter { .. } => Frequency::Quarterly,
            Period::Year(_) => Frequency::Yearly,
        }
    }

    /// The (fiscal, for quarters and years) year label of the period.
    pub fn year_label(self) -> i32 {
        match self {
            Period::Month { year, .. } | Period::Quarter { year, .. } | Period::Year(year) => year,
        }
    }

    /// A dense integer for the period within its frequency: consecutive periods differ by 1.
    pub fn ordinal(self) -> i64 {
        match self {
            Period::Month { year, month } => year as i64 * 12 + month as i64 - 1,
            Period::Quarter { year, quarter } => year as i64 * 4 + quarter as i64 - 1,
            Period::Year(year) => year as i64,
        }
    }

    /// The period of `frequency` with the given [`ordinal`](Period::ordinal), if its year is supported.
    pub fn from_ordinal(frequency: Frequency, ordinal: i64) -> Result<Period, PeriodError> {
        let per_year = frequency.per_year() as i64;
        let year = ordinal.div_euclid(per_year);
        let sub = ordinal.rem_euclid(per_year) as u8 + 1;
        let year = i32::try_from(year)
            .map_err(|_| PeriodError::new(ordinal.to_string(), "out of the supported years"))?;
        match frequency {
            Frequency::Monthly => Period::month(year, sub),
            Frequency::Quarterly => Period::quarter(year, sub),
            Frequency::Yearly => Period::year(year),
        }
    }

    /// The next period of the same frequency (errors past [`MAX_YEAR`]).
    pub fn next(self) -> Result<Period, PeriodError> {
        self.offset(1)
    }

    /// The previous period of the same frequency (errors before [`MIN_YEAR`]).
    pub fn previous(self) -> Result<Period, PeriodError> {
        self.offset(-1)
    }

    /// The period `n` steps later (or earlier for negative `n`) at the same frequency.
    pub fn offset(self, n: i64) -> Result<Period, PeriodError> {
        Period::from_ordinal(self.frequency(), self.ordinal().saturating_add(n))
    }

    /// The same period one year earlier.
    pub fn year_before(self) -> Result<Period, PeriodError> {
        self.offset(-(self.frequency().per_year() as i64))
    }

    /// Number of steps from `self` to `other` (same frequency), `None` across frequencies.
    pub fn steps_to(self, other: Period) -> Option<i64> {
        (self.frequency() == other.frequency()).then(|| other.ordinal() - self.ordinal())
    }

    /// The first month of the period on the common month axis.
    pub fn first_month(self, calendar: Calendar) -> MonthIndex {
        match self {
            Period::Month { .. } => self.ordinal(),
            Period::Quarter { year, quarter } => {
                calendar.fiscal_year_first_month(year) + 3 * (quarter as i64 - 1)
            }
            Period::Year(year) => calendar.fiscal_year_first_month(year),
        }
    }

    /// The last month of the period on the common month axis.
    pub fn last_month(self, calendar: Calendar) -> MonthIndex {
        self.first_month(calendar) + self.frequency().months() as i64 - 1
    }

    /// The first day of the period.
    pub fn start_date(self, calendar: Calendar) -> NaiveDate {
        first_day(self.first_month(calendar))
    }

    /// The last day of the period.
    pub fn end_date(self, calendar: Calendar) -> NaiveDate {
        let next = first_day(self.last_month(calendar) + 1);
        next.pred_opt().unwrap_or(next)
    }

    /// True when every month of `other` lies inside `self` (a month is in its quarter and
    /// its year; every period contains itself).
    pub fn contains(self, other: Period, calendar: Calendar) -> bool {
        self.first_month(calendar) <= other.first_month(calendar)
            && other.last_month(calendar) <= self.last_month(calendar)
    }

    /// The day of `self` at the same place as `day` in `other`: as many months and days
    /// from `self`'s start as `day` is from `other`'s start (the day of the month clamped to
    /// the month's end, 29 February to 28), never past `self`'s end. It gives a year-to-date
    /// comparison its span in the earlier year: 30 June 2025 in 2025 is 30 June 2019 in 2019.
    /// A `day` before `other` starts gives the day before `self` starts (an empty span);
    /// `other`'s last day (or later) gives `self`'s last day (a whole period for a whole one).
    pub fn same_day_as(self, day: NaiveDate, other: Period, calendar: Calendar) -> NaiveDate {
        let start = self.start_date(calendar);
        let end = self.end_date(calendar);
        if day >= other.end_date(calendar) {
            return end;
        }
        let months = month_index_of_date(day) - other.first_month(calendar);
        if months < 0 {
            return start.pred_opt().unwrap_or(start);
        }
        let month_start = first_day(self.first_month(calendar) + months);
        let next = first_day(self.first_month(calendar) + months + 1);
        let last_of_month = next.pred_opt().unwrap_or(next);
        let wanted = month_start.with_day(day.day()).unwrap_or(last_of_month);
        wanted.min(end)
    }

    /// True when `date` falls inside the period.
    pub fn contains_date(self, date: NaiveDate, calendar: Calendar) -> bool {
        let m = month_index_of_date(date);
        self.first_month(calendar) <= m && m <= self.last_month(calendar)
    }

    /// The period of `frequency` that contains the month `month`.
    pub fn containing_month(
        month: MonthIndex,
        frequency: Frequency,
        calendar: Calendar,
    ) -> Result<Period, PeriodError> {
        let since_fy = month - (calendar.start_month as i64 - 1);
        let ordinal = match frequency {
            Frequency::Monthly => month,
            Frequency::Quarterly => since_fy.div_euclid(3),
            Frequency::Yearly => since_fy.div_euclid(12),
        };
        Period::from_ordinal(frequency, ordinal)
    }

    /// The period of `frequency` that contains `date`.
    pub fn containing(
        date: NaiveDate,
        frequency: Frequency,
        calendar: Calendar,
    ) -> Result<Period, PeriodError> {
        Period::containing_month(month_index_of_date(date), frequency, calendar)
    }

    /// Every period of `self`'s frequency from `self` to `last` inclusive (empty when
    /// `last` is earlier or of another frequency).
    pub fn through(self, last: Period) -> impl Iterator<Item = Period> {
        let frequency = self.frequency();
        let end = if last.frequency() == frequency { last.ordinal() } else { i64::MIN };
        (self.ordinal()..=end).filter_map(move |o| Period::from_ordinal(frequency, o).ok())
    }

    /// The periods of frequency `finer` that make up `self` (the months of a quarter...).
    pub fn subperiods(self, finer: Frequency, calendar: Calendar) -> Vec<Period> {
        let (first, last) = (self.first_month(calendar), self.last_month(calendar));
        let mut out = Vec::new();
        let mut m = first;
        while m <= last {
            if let Ok(p) = Period::containing_month(m, finer, calendar) {
                if p.first_month(calendar) >= first && p.last_month(calendar) <= last {
                    out.push(p);
                }
                m = p.last_month(calendar) + 1;
            } else {
                m += 1;
            }
        }
        out
    }
}

fn first_day(month: MonthIndex) -> NaiveDate {
    let (year, month) = month_of_index(month);
    NaiveDate::from_ymd_opt(year, month as u32, 1).unwrap_or(NaiveDate::MIN)
}

impl fmt::Display for Period {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match *self {
            Period::Month { year, month } => write!(f, "{year:04}-{month:02}"),
            Period::Quarter { year, quarter } => write!(f, "{year:04}-Q{quarter}"),
            Period::Year(year) => write!(f, "{year:04}"),
        }
    }
}

impl FromStr for Period {
    type Err = PeriodError;

    fn from_str(input: &str) -> Result<Period, PeriodError> {
        let s = input.trim();
        let expected = "expected YYYY-MM (month), YYYY-Qn (quarter) or YYYY (year)";
        let year_of = |y: &str| -> Result<i32, PeriodError> {
            if y.len() != 4 || !y.bytes().all(|b| b.is_ascii_digit()) {
                return Err(PeriodError::new(input, expected));
            }
            let year = y.parse::<i32>().map_err(|_| PeriodError::new(input, expected))?;
            check_year(input, year)
        };
        match s.split_once('-') {
            None => Period::year(year_of(s)?),
            Some((y, rest)) => {
                let year = year_of(y)?;
                if let Some(q) = rest.strip_prefix('Q').or_else(|| rest.strip_prefix('q')) {
                    match q {
                        "1" | "2" | "3" | "4" => Period::quarter(year, q.as_bytes()[0] - b'0'),
                        _ => Err(PeriodError::new(input, "the quarter must be Q1, Q2, Q3 or Q4")),
                    }
                } else if rest.len() == 2 && rest.bytes().all(|b| b.is_ascii_digit()) {
                    let month = rest.parse::<u8>().map_err(|_| PeriodError::new(input, expected))?;
                    Period::month(year, month).map_err(|e| PeriodError::new(input, e.reason))
                } else {
                    Err(PeriodError::new(input, expected))
                }
            }
        }
    }
}

/// Periods order by where they start (under the calendar-year reading of their label), then
/// by length: `2025-01 < 2025-Q1 < 2025 < 2025-02`. Within one frequency this is time order.
impl Ord for Period {
    fn cmp(&self, other: &Period) -> std::cmp::Ordering {
        let key = |p: &Period| (p.first_month(Calendar::default()), p.frequency());
        key(self).cmp(&key(other))
    }
}

impl PartialOrd for Period {
    fn partial_cmp(&self, other: &Period) -> Option<std::cmp::Ordering> {
        Some(self.cmp(other))
    }
}

/// A period understood: its normal spelling, its frequency, and its first and last day in a
/// fiscal calendar (what the widget's `parsePeriod` shows).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct PeriodInfo {
    /// The normal spelling (`2025-Q4`).
    pub text: Period,
    /// `monthly`, `quarterly` or `yearly`.
    pub frequency: Frequency,
    /// The first day.
    pub start: NaiveDate,
    /// The last day.
    pub end: NaiveDate,
}

impl Period {
    /// The period's spelling, frequency, first and last day in `calendar`.
    pub fn info(self, calendar: Calendar) -> PeriodInfo {
        PeriodInfo {
            text: self,
            frequency: self.frequency(),
            start: self.start_date(calendar),
            end: self.end_date(calendar),
        }
    }
}

impl Serialize for Period {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_str(self)
    }
}

impl<'de> Deserialize<'de> for Period {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Period, D::Error> {
        struct Visitor;
        impl serde::de::Visitor<'_> for Visitor {
            type Value = Period;
            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("a period string such as \"2025-03\", \"2025-Q1\" or \"2025\"")
            }
            fn visit_str<E: serde::de::Error>(self, v: &str) -> Result<Period, E> {
                v.parse().map_err(E::custom)
            }
        }
        deserializer.deserialize_str(Visitor)
    }
}

impl schemars::JsonSchema for Period {
    fn schema_name() -> std::borrow::Cow<'static, str> {
        "Period".into()
    }

    fn json_schema(_: &mut schemars::SchemaGenerator) -> schemars::Schema {
        schemars::json_schema!({
            "type": "string",
            "description": "A calendar month (YYYY-MM), a fiscal quarter (YYYY-Qn) or a fiscal year (YYYY).",
            "pattern": "^[0-9]{4}(-(0[1-9]|1[0-2]|Q[1-4]))?$"
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn p(s: &str) -> Period {
        s.parse().unwrap()
    }

    #[test]
    fn the_info_of_a_period_is_dated_in_the_fiscal_calendar() {
        let info = |text: &str, start_month| p(text).info(Calendar::new(start_month).unwrap());
        let d = |y, m, d| NaiveDate::from_ymd_opt(y, m, d).unwrap();
        // Q4 of a calendar year: October to December; the spelling is the normal one.
        let q4 = info("2025-q4", 1);
        assert_eq!(q4.text.to_string(), "2025-Q4");
        assert_eq!(q4.frequency, Frequency::Quarterly);
        assert_eq!((q4.start, q4.end), (d(2025, 10, 1), d(2025, 12, 31)));
        // Fiscal year 2025 starting in April: 2025-04-01 to 2026-03-31; its Q4 is Jan-Mar 2026.
        assert_eq!((info("2025", 4).start, info("2025", 4).end), (d(2025, 4, 1), d(2026, 3, 31)));
        assert_eq!((info("2025-Q4", 4).start, info("2025-Q4", 4).end), (d(2026, 1, 1), d(2026, 3, 31)));
        // Months ignore the fiscal calendar; February of a leap year ends on the 29th.
        assert_eq!((info("2024-02", 7).start, info("2024-02", 7).end), (d(2024, 2, 1), d(2024, 2, 29)));
        // As JSON: the texts the widget shows.
        assert_eq!(
            serde_json::to_string(&q4).unwrap(),
            r#"{"text":"2025-Q4","frequency":"quarterly","start":"2025-10-01","end":"2025-12-31"}"#
        );
    }

    #[test]
    fn parses_and_prints_each_form() {
        assert_eq!(p("2025-03"), Period::Month { year: 2025, month: 3 });
        assert_eq!(p("2025-Q1"), Period::Quarter { year: 2025, quarter: 1 });
        assert_eq!(p("2025"), Period::Year(2025));
        for s in ["2025-03", "2025-Q1", "2025", "1900-01", "2100-12"] {
            assert_eq!(p(s).to_string(), s);
        }
    }

    #[test]
    fn refuses_malformed_periods_with_a_reason() {
        for bad in [
            "2025-13", "2025-00", "2025-Q5", "2025-Q0", "99999-Q9", "25", "2025-3", "", "abcd", "1899",
            "2101-01", "2025-Q", "2025-M1",
        ] {
            let err = bad.parse::<Period>().unwrap_err();
            assert!(!err.reason.is_empty(), "{bad}");
        }
        let err = "99999-Q9".parse::<Period>().unwrap_err();
        assert!(err.to_string().contains("99999-Q9"));
    }

    #[test]
    fn next_and_previous_cross_year_boundaries() {
        assert_eq!(p("2025-12").next().unwrap(), p("2026-01"));
        assert_eq!(p("2025-01").previous().unwrap(), p("2024-12"));
        assert_eq!(p("2025-Q4").next().unwrap(), p("2026-Q1"));
        assert_eq!(p("2025").previous().unwrap(), p("2024"));
        assert_eq!(p("2025-Q3").year_before().unwrap(), p("2024-Q3"));
        assert!(p("2100-12").next().is_err());
        assert!(p("1900-Q1").previous().is_err());
    }

    #[test]
    fn containment_follows_the_calendar_year_by_default() {
        let cal = Calendar::default();
        assert!(p("2025-Q1").contains(p("2025-03"), cal));
        assert!(!p("2025-Q1").contains(p("2025-04"), cal));
        assert!(p("2025").contains(p("2025-Q4"), cal));
        assert!(p("2025").contains(p("2025-12"), cal));
        assert!(!p("2025-03").contains(p("2025-Q1"), cal));
        assert!(p("2025-03").contains(p("2025-03"), cal));
    }

    #[test]
    fn fiscal_year_starting_in_april() {
        let cal = Calendar::new(4).unwrap();
        // Fiscal 2025 runs April 2025 - March 2026; Q1 is April-June 2025.
        assert_eq!(p("2025").start_date(cal), NaiveDate::from_ymd_opt(2025, 4, 1).unwrap());
        assert_eq!(p("2025").end_date(cal), NaiveDate::from_ymd_opt(2026, 3, 31).unwrap());
        assert!(p("2025-Q1").contains(p("2025-04"), cal));
        assert!(p("2025-Q4").contains(p("2026-03"), cal));
        assert!(!p("2025").contains(p("2025-03"), cal));
        assert_eq!(
            Period::containing(NaiveDate::from_ymd_opt(2026, 2, 10).unwrap(), Frequency::Quarterly, cal)
                .unwrap(),
            p("2025-Q4")
        );
        assert_eq!(
            Period::containing(NaiveDate::from_ymd_opt(2026, 2, 10).unwrap(), Frequency::Yearly, cal)
                .unwrap(),
            p("2025")
        );
        assert_eq!(
            p("2025-Q2").subperiods(Frequency::Monthly, cal),
            vec![p("2025-07"), p("2025-08"), p("2025-09")]
        );
        assert!(Calendar::new(13).is_err());
        assert!(Calendar::new(0).is_err());
    }

    #[test]
    fn the_same_day_in_an_earlier_period() {
        let d = |s: &str| s.parse::<NaiveDate>().unwrap();
        let cal = Calendar::default();
        let (y19, y24, y25) = (Period::Year(2019), Period::Year(2024), Period::Year(2025));
        // 30 June 2025 in 2025 is 30 June in 2019: the first half against the first half
        assert_eq!(y19.same_day_as(d("2025-06-30"), y25, cal), d("2019-06-30"));
        // 29 February 2024 has no twin in 2019: the end of February
        assert_eq!(y19.same_day_as(d("2024-02-29"), y24, cal), d("2019-02-28"));
        // the last day of a period maps to the last day of the other, a whole period for a
        // whole one: 28 February 2025 ends February, so January runs to the 31st
        let (jan, feb) = (Period::Month { year: 2025, month: 1 }, Period::Month { year: 2025, month: 2 });
        assert_eq!(jan.same_day_as(d("2025-02-28"), feb, cal), d("2025-01-31"));
        // a day before the period starts: the empty span ends the day before the other starts
        assert_eq!(y19.same_day_as(d("2024-12-31"), y25, cal), d("2018-12-31"));
        // a fiscal year starting in July: 15 September 2025 is in fiscal 2025, 2 months and 15
        // days in; in fiscal 2019 that is 15 September 2019
        let july = Calendar::new(7).unwrap();
        assert_eq!(y19.same_day_as(d("2025-09-15"), y25, july), d("2019-09-15"));
    }

    #[test]
    fn dates_of_periods_including_leap_february() {
        let cal = Calendar::default();
        assert_eq!(p("2024-02").end_date(cal), NaiveDate::from_ymd_opt(2024, 2, 29).unwrap());
        assert_eq!(p("2023-02").end_date(cal), NaiveDate::from_ymd_opt(2023, 2, 28).unwrap());
        assert_eq!(p("2025-Q4").end_date(cal), NaiveDate::from_ymd_opt(2025, 12, 31).unwrap());
        assert!(p("2024-02").contains_date(NaiveDate::from_ymd_opt(2024, 2, 29).unwrap(), cal));
    }

    #[test]
    fn iteration_and_subperiods() {
        let cal = Calendar::default();
        let qs: Vec<String> = p("2024-Q3").through(p("2025-Q2")).map(|q| q.to_string()).collect();
        assert_eq!(qs, ["2024-Q3", "2024-Q4", "2025-Q1", "2025-Q2"]);
        assert_eq!(p("2025-Q2").through(p("2025-Q1")).count(), 0);
        assert_eq!(p("2025-Q2").through(p("2025")).count(), 0);
        assert_eq!(p("2025").subperiods(Frequency::Quarterly, cal).len(), 4);
        assert_eq!(p("2025").subperiods(Frequency::Monthly, cal).len(), 12);
        assert_eq!(p("2025-03").subperiods(Frequency::Quarterly, cal), vec![]);
    }

    #[test]
    fn ordering_is_time_order_within_a_frequency() {
        let mut v = vec![p("2025-02"), p("2024-12"), p("2025-01")];
        v.sort();
        assert_eq!(v, vec![p("2024-12"), p("2025-01"), p("2025-02")]);
        assert!(p("2024-Q4") < p("2025-Q1"));
        assert_eq!(p("2024-Q1").steps_to(p("2025-Q1")), Some(4));
        assert_eq!(p("2024-Q1").steps_to(p("2025")), None);
    }

    #[test]
    fn serde_uses_the_string_form() {
        let json = serde_json::to_string(&p("2025-Q2")).unwrap();
        assert_eq!(json, "\"2025-Q2\"");
        assert_eq!(serde_json::from_str::<Period>(&json).unwrap(), p("2025-Q2"));
        assert!(serde_json::from_str::<Period>("\"2025-13\"").is_err());
        assert!(serde_json::from_str::<Period>("2025").is_err());
    }
}
