//! Arbitrary text through `Period::from_str`. Invariants when the text is a period: it prints
//! and re-parses to itself (also through serde), its ordinal maps back to it, its neighbours
//! step back to it, its year is within the supported range, and under every fiscal calendar
//! it starts no later than it ends and contains both of its end days.

#![no_main]

use libfuzzer_sys::fuzz_target;
use pilotage::model::period::{MAX_YEAR, MIN_YEAR};
use pilotage::{Calendar, Period};

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    let period = match text.parse::<Period>() {
        Ok(p) => p,
        Err(e) => {
            // The error names the input (cut to 40 characters) and says why.
            assert!(!e.reason.is_empty());
            assert!(e.input.chars().count() <= 41);
            return;
        }
    };
    assert!((MIN_YEAR..=MAX_YEAR).contains(&period.year_label()));

    let printed = period.to_string();
    assert_eq!(printed.parse::<Period>(), Ok(period), "printed as {printed:?}");
    let json = serde_json::to_string(&period).unwrap_or_default();
    assert_eq!(serde_json::from_str::<Period>(&json).ok(), Some(period), "serialised as {json}");

    assert_eq!(Period::from_ordinal(period.frequency(), period.ordinal()), Ok(period));
    if let Ok(next) = period.next() {
        assert_eq!(next.previous(), Ok(period));
        assert_eq!(period.steps_to(next), Some(1));
        assert!(period < next);
    }
    if let Ok(before) = period.previous() {
        assert_eq!(before.next(), Ok(period));
    }

    for start_month in 1..=12 {
        let Ok(calendar) = Calendar::new(start_month) else {
            continue;
        };
        let (start, end) = (period.start_date(calendar), period.end_date(calendar));
        assert!(start <= end, "{period} under a year starting in month {start_month}");
        assert!(period.contains_date(start, calendar) && period.contains_date(end, calendar));
        assert!(period.contains(period, calendar));
    }
});
