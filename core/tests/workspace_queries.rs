//! What a workspace says about itself, on a small city counted by hand
//! (`fixtures/small-city.json`): its record counts, the periods it has data for, and the day an
//! "as of" text names in its fiscal calendar.
#![allow(clippy::unwrap_used)]

use chrono::NaiveDate;
use pilotage::{Error, Frequency, Period, Workspace, WorkspaceCounts};

fn small() -> Workspace {
    Workspace::from_json(include_str!("fixtures/small-city.json")).unwrap()
}

fn day(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).unwrap()
}

#[test]
fn counts_count_every_kind_of_record() {
    // The fixture, by hand: 2 services, 3 projects, 2 partners, 2 commitments,
    // 2 indicators with 4 + 2 = 6 measurements, 2 perspectives, 2 objectives, 1 link.
    let expected = WorkspaceCounts {
        services: 2,
        projects: 3,
        partners: 2,
        commitments: 2,
        indicators: 2,
        measurements: 6,
        perspectives: 2,
        objectives: 2,
        links: 1,
    };
    assert_eq!(small().counts(), expected);
}

#[test]
fn measurements_are_listed_with_their_indicator() {
    let ws = small();
    let all = ws.measurements(None).unwrap();
    assert_eq!(all.len(), ws.counts().measurements);
    // file order: the first indicator's measurements, then the second's
    let first = &ws.indicators[0];
    assert_eq!(all[0], (first.id.as_str(), &first.measurements[0]));
    let second = &ws.indicators[1];
    let only = ws.measurements(Some(&second.id)).unwrap();
    assert_eq!(only.len(), second.measurements.len());
    assert!(only.iter().all(|(id, _)| *id == second.id));
    assert!(matches!(ws.measurements(Some("nope")), Err(Error::NotFound { what: "indicator", .. })));
}

#[test]
fn periods_run_from_the_earliest_to_the_latest_data() {
    let ws = small();
    // The earliest data is the measurement of 2025-Q1 (first day 2025-01-01, before the first
    // stage on 2025-01-15); the latest is the measurement of 2025-Q4 (last day 2025-12-31).
    assert_eq!(ws.earliest_date(), Some(day(2025, 1, 1)));
    let texts = |f| ws.data_periods(f).iter().map(Period::to_string).collect::<Vec<_>>();
    assert_eq!(texts(Frequency::Quarterly), ["2025-Q1", "2025-Q2", "2025-Q3", "2025-Q4"]);
    assert_eq!(texts(Frequency::Yearly), ["2025"]);
    // 12 months, 2025-01 to 2025-12.
    let months = texts(Frequency::Monthly);
    assert_eq!((months.len(), months[0].as_str(), months[11].as_str()), (12, "2025-01", "2025-12"));
    // Nothing dated: no period.
    assert!(Workspace::new("empty").data_periods(Frequency::Monthly).is_empty());
}

#[test]
fn as_of_is_a_date_or_the_last_day_of_a_period() {
    let mut ws = small();
    assert_eq!(ws.day_of("2025-11-05", "asOf").unwrap(), day(2025, 11, 5));
    assert_eq!(ws.day_of("2025-Q4", "asOf").unwrap(), day(2025, 12, 31));
    assert_eq!(ws.day_of("2024-02", "asOf").unwrap(), day(2024, 2, 29));
    // Fiscal year 2025 starting in April ends on 2026-03-31.
    ws.fiscal_year_start_month = 4;
    assert_eq!(ws.day_of("2025", "asOf").unwrap(), day(2026, 3, 31));
    for bad in ["2025-02-30", "yesterday", "", "2025-Q5"] {
        assert!(matches!(ws.day_of(bad, "asOf"), Err(Error::Argument { name: "asOf", .. })), "{bad}");
    }
}
