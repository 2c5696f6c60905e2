//! Numbers written in ambiguous ways are refused with a message that says why (issue #14):
//! `1.234` in a `;`-separated file (decimal comma: the dot may separate thousands), and
//! `1_000_000` anywhere (rust_decimal skipped the `_`).
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use pilotage::io::import;
use pilotage::{Error, Workspace};

fn base() -> Workspace {
    Workspace::from_json(
        r#"{ "schema_version": 1, "organisation": "Ville",
        "services": [{ "id": "dadi", "name": "DADI" }],
        "partners": [{ "id": "region", "name": "Région", "kind": "region" }],
        "indicators": [{ "id": "files", "name": "Files", "frequency": "monthly",
              "scoring": { "method": "min_max", "min": 0, "max": 100 } }] }"#,
    )
    .unwrap()
}

fn messages(r: pilotage::Result<import::ImportSummary>) -> Vec<String> {
    match r {
        Err(Error::Invalid(p)) => p.0.iter().map(|p| format!("{}: {}", p.path, p.message)).collect(),
        other => panic!("expected a refusal, got {other:?}"),
    }
}

/// Before: `1.234` in a French file loaded as 1.234, silently 1,000 times off.
#[test]
fn a_dot_grouped_number_in_a_semicolon_file_is_refused_as_ambiguous() {
    for (value, amount) in [("1.234", "1.234"), ("-12.345.678", "12.345.678"), ("+1.000", "1.000")] {
        let mut ws = base();
        let csv = format!("indicator;period;value\nfiles;2025-01;{value}\n");
        let m = messages(import::measurements(&mut ws, csv.as_bytes(), "m.csv"));
        assert_eq!(m.len(), 1, "{m:?}");
        assert!(m[0].contains("ambiguous") && m[0].contains("thousands"), "{m:?}");
        let csv = format!("id;title;lead_service;registered;planned_cost\np;T;dadi;2024-01-01;{amount}\n");
        let m = messages(import::projects(&mut ws, csv.as_bytes(), "p.csv"));
        assert!(m.iter().any(|m| m.contains("p.csv[planned_cost]") && m.contains("ambiguous")), "{m:?}");
    }
    // Unambiguous forms still load: a decimal comma, a dot that cannot be a thousands
    // separator, and a dot in a comma-separated file.
    let mut ws = base();
    import::measurements(
        &mut ws,
        "indicator;period;value\nfiles;2025-01;1234,5\nfiles;2025-02;1.5\nfiles;2025-03;1.2345\n".as_bytes(),
        "m.csv",
    )
    .unwrap();
    let values: Vec<_> = ws.indicators[0].measurements.iter().map(|m| m.value).collect();
    assert_eq!(values, vec![Some(1234.5), Some(1.5), Some(1.2345)]);
    import::measurements(&mut ws, "indicator,period,value\nfiles,2025-04,1.234\n".as_bytes(), "m.csv")
        .unwrap();
    assert_eq!(ws.indicators[0].measurements[3].value, Some(1.234));
}

/// Before: `1_000_000` was accepted as an amount in CSV and in JSON strings.
#[test]
fn underscores_in_numbers_are_refused_in_csv_and_json() {
    let mut ws = base();
    let csv = "id;title;lead_service;registered;planned_cost\np;T;dadi;2024-01-01;1_000_000\n";
    let m = messages(import::projects(&mut ws, csv.as_bytes(), "p.csv"));
    assert!(m.iter().any(|m| m.contains("planned_cost") && m.contains("\"_\"")), "{m:?}");
    let csv = "commitment,partner,kind,status,date,amount\nc,region,grant,pledged,2024-01-01,1_000\n";
    let m = messages(import::commitments(&mut ws, csv.as_bytes(), "c.csv"));
    assert!(m.iter().any(|m| m.contains("amount") && m.contains("\"_\"")), "{m:?}");
    let csv = "indicator,period,value\nfiles,2025-01,1_000\n";
    let m = messages(import::measurements(&mut ws, csv.as_bytes(), "m.csv"));
    assert!(m.iter().any(|m| m.contains("\"_\"")), "{m:?}");
    // JSON: as a string amount, and as a bare number (not JSON at all).
    let json = r#"{ "schema_version": 1, "organisation": "V", "services": [{ "id": "s", "name": "S" }],
        "projects": [{ "id": "p", "title": "T", "lead_service": "s", "planned_cost": "1_000_000",
                       "stages": [{ "stage": "registered", "date": "2024-01-10" }] }] }"#;
    let err = Workspace::from_json(json).unwrap_err();
    assert!(err.to_string().contains("\"_\" is not allowed"), "{err}");
    let json = json.replace("\"1_000_000\"", "1_000_000");
    assert!(Workspace::from_json(&json).is_err());
}

/// The index that replaced the rescans still points each problem at its own line: the
/// continuation rows of many commitments, and one problem per commitment of a failing file.
#[test]
fn located_problems_of_many_commitments_keep_their_lines() {
    let mut ws = base();
    let mut csv = String::from("commitment,partner,kind,status,date,amount\n");
    for r in 0..300 {
        csv.push_str(&format!("c{r},region,grant,pledged,2024-01-10,100\n"));
        let date = if r == 250 { "2023-01-01" } else { "2024-03-10" };
        csv.push_str(&format!("c{r},,,signed,{date},100\n"));
    }
    import::commitments(&mut ws.clone(), csv.as_bytes(), "c.csv").map(drop).unwrap_or_else(|e| {
        // A signature before its pledge is a problem of the commitment's steps, located at
        // the commitment's first row (line 2 + 2 * 250), not at another commitment's.
        assert!(e.problems().iter().all(|p| p.line == Some(502)), "{e}");
    });
    let bad = csv.replace(",region,", ",nobody,");
    let err = import::commitments(&mut ws, bad.as_bytes(), "c.csv").unwrap_err();
    let lines: Vec<_> =
        err.problems().iter().filter(|p| p.message.contains("unknown partner")).map(|p| p.line).collect();
    assert_eq!(lines.len(), 300, "{err}");
    for (r, line) in lines.iter().enumerate() {
        assert_eq!(*line, Some(2 + 2 * r as u64), "commitment {r}");
    }
}
