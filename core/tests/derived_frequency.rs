//! A derived indicator coarser than the report reads its own latest period that has ended,
//! like a measured one: a yearly count in a quarterly report.
#![allow(clippy::unwrap_used)]

use pilotage::{Workspace, evaluate};

fn ws() -> Workspace {
    ws_with(r#""settings": {"records_complete_through": "2025-12-31"},"#)
}

fn ws_with(settings: &str) -> Workspace {
    let project = |id: &str, date: &str| {
        format!(
            r#"{{"id": "{id}", "title": "{id}", "lead_service": "s", "stages": [{{"stage": "registered", "date": "{date}"}}]}}"#
        )
    };
    let projects: Vec<String> = [
        ("a", "2024-03-01"),
        ("b", "2024-07-01"),
        ("c", "2025-02-01"),
        ("d", "2025-05-01"),
        ("e", "2025-11-01"),
    ]
    .iter()
    .map(|(i, d)| project(i, d))
    .collect();
    Workspace::from_json(&format!(
        r#"{{
  "schema_version": 1, "organisation": "Test", {settings}
  "services": [{{"id": "s", "name": "S"}}],
  "projects": [{projects}],
  "indicators": [{{
    "id": "registered", "name": "Files registered in the year", "unit": "files",
    "frequency": "yearly", "aggregation": "sum",
    "source": {{"kind": "derived", "metric": "files_registered"}},
    "targets": [{{"period": "2024", "value": 4}}, {{"period": "2025", "value": 4}}],
    "scoring": {{"method": "ratio_to_target"}}
  }}]
}}"#,
        projects = projects.join(",")
    ))
    .unwrap()
}

#[test]
fn a_yearly_derived_count_in_quarterly_reports() {
    let ws = ws();
    // 2025-Q2: 2025 has not ended, so the 2024 count applies: a and b = 2; 100 * 2 / 4 = 50.
    let q2 = evaluate(&ws, "2025-Q2".parse().unwrap()).unwrap();
    let n = q2.node("registered").unwrap();
    assert_eq!(n.value, Some(2.0));
    assert_eq!(n.score, Some(50.0));
    // 2025-Q4 ends the year: c, d, e = 3; 100 * 3 / 4 = 75.
    let q4 = evaluate(&ws, "2025-Q4".parse().unwrap()).unwrap();
    let n = q4.node("registered").unwrap();
    assert_eq!(n.value, Some(3.0));
    assert_eq!(n.score, Some(75.0));
    // The yearly report reads its own year.
    let y = evaluate(&ws, "2024".parse().unwrap()).unwrap();
    assert_eq!(y.node("registered").unwrap().value, Some(2.0));
    // A monthly report of a yearly metric: 2025-06 still reads 2024.
    let m = evaluate(&ws, "2025-06".parse().unwrap()).unwrap();
    assert_eq!(m.node("registered").unwrap().value, Some(2.0));
}

#[test]
fn a_year_the_records_do_not_cover_has_no_value() {
    // Without a declared date the records are complete through the end of the month of the
    // latest one: e is registered on 2025-11-01, so through 2025-11-30. The year 2025 ends
    // after that: its count is unknown (not 3, and not 0), and the explanation says why.
    let ws = ws_with("");
    let q4 = evaluate(&ws, "2025-Q4".parse().unwrap()).unwrap();
    let n = q4.node("registered").unwrap();
    assert_eq!(n.value, None);
    assert_eq!(n.score, None);
    assert_eq!(n.coverage, 0.0);
    let through = chrono::NaiveDate::from_ymd_opt(2025, 11, 30).unwrap();
    assert_eq!(
        n.explanation.reasons,
        vec![pilotage::Reason::Derived {
            metric: pilotage::Metric::FilesRegistered,
            period: "2025".parse().unwrap(),
            basis: pilotage::engine::derived::MetricBasis::AfterRecords { through },
        }]
    );
    assert_eq!(
        n.explanation.reasons[0].to_string(),
        "Files registered: 2025 ends after the records, which are complete through 2025-11-30: no value, not zero"
    );
    // 2025-Q3 still reads the whole 2024, which the records cover.
    let q3 = evaluate(&ws, "2025-Q3".parse().unwrap()).unwrap();
    assert_eq!(q3.node("registered").unwrap().value, Some(2.0));
}
