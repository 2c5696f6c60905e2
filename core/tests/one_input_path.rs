//! The one input path (#15): every table the library exports imports back unchanged;
//! existing records are refused unless the import says replace; the same checks apply
//! whatever the source (a CSV file or rows of typed cells, as a DataFrame gives them).

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)] // test code: a failure is a test failure

use pilotage::io::export;
use pilotage::io::import;
use pilotage::io::rows::{self, Cell, ImportOptions, RecordKind, RowAt, Rows};
use pilotage::{Error, Problem, Workspace};

/// The workspace without the records of `kind` (measurements: every indicator keeps its
/// definition, without its measurements).
fn without(ws: &Workspace, kind: RecordKind) -> Workspace {
    let mut out = ws.clone();
    match kind {
        RecordKind::Measurements => out.indicators.iter_mut().for_each(|i| i.measurements.clear()),
        RecordKind::Projects => out.projects.clear(),
        RecordKind::Partners => out.partners.clear(),
        RecordKind::Commitments => out.commitments.clear(),
    }
    out
}

fn problems(r: pilotage::Result<rows::ImportSummary>) -> Vec<Problem> {
    match r {
        Err(Error::Invalid(p)) => p.0,
        other => panic!("expected Error::Invalid, got {other:?}"),
    }
}

/// The sample city's records with the ones a table cannot carry left as they are (a
/// project reaching a stage twice keeps its first date in the table).
#[test]
fn every_exported_csv_table_imports_back_unchanged() {
    let ws = pilotage::sample::city();
    for kind in RecordKind::ALL {
        let text = export::csv_string(&ws, kind).unwrap();
        let mut back = without(&ws, kind);
        let s = import::csv(&mut back, kind, text.as_bytes(), "t.csv", ImportOptions::default()).unwrap();
        assert!(s.rows > 0, "{kind:?}");
        assert_eq!(s.replaced, 0);
        assert_eq!(back, ws, "{kind:?}: export then import is the identity");
        // And once more over the workspace that has them: refused, then replaced in place.
        let mut again = ws.clone();
        let ps = problems(import::csv(&mut again, kind, text.as_bytes(), "t.csv", ImportOptions::default()));
        assert!(ps.iter().all(|p| p.message.contains("already")), "{kind:?}: {ps:#?}");
        let replace = ImportOptions { replace: true };
        let s = import::csv(&mut again, kind, text.as_bytes(), "t.csv", replace).unwrap();
        assert_eq!((s.added, s.replaced > 0), (0, true), "{kind:?}");
        assert_eq!(again, ws, "{kind:?}: replacing with the same records changes nothing");
    }
}

/// Rows of typed cells (what the Python binding builds from a DataFrame) follow the CSV
/// rules and checks, with problems named by table, row label and column.
#[test]
fn typed_rows_take_the_same_checks_as_a_file() {
    let ws = pilotage::sample::city();
    let measured = ws
        .indicators
        .iter()
        .find(|i| {
            matches!(i.source, pilotage::IndicatorSource::Measured)
                && i.frequency == pilotage::Frequency::Monthly
        })
        .expect("a monthly measured indicator");
    let derived = ws
        .indicators
        .iter()
        .find(|i| !matches!(i.source, pilotage::IndicatorSource::Measured))
        .expect("a computed indicator");
    let header: Vec<String> = ["indicator", "period", "value"].iter().map(|s| s.to_string()).collect();
    let mut rows = Rows::new("measurements", RecordKind::Measurements, &header, None);
    // A quarterly value on a monthly indicator; a measurement of a computed indicator; a
    // good row; a bool value.
    rows.push(
        RowAt::Label("0".into()),
        vec![Cell::Text(measured.id.clone()), Cell::Text("2031-Q1".into()), Cell::Number(1.0)],
    );
    rows.push(
        RowAt::Label("1".into()),
        vec![Cell::Text(derived.id.clone()), Cell::Text("2031-01".into()), Cell::Integer(2)],
    );
    rows.push(
        RowAt::Label("2".into()),
        vec![Cell::Text(measured.id.clone()), Cell::Text("2031-02".into()), Cell::Integer(3)],
    );
    rows.push(
        RowAt::Label("'x'".into()),
        vec![Cell::Text(measured.id.clone()), Cell::Text("2031-03".into()), Cell::Bool(true)],
    );
    rows.push(RowAt::Label("4".into()), vec![Cell::Missing, Cell::Text(String::new()), Cell::Missing]);
    assert_eq!(rows.len(), 4, "the blank row is skipped");
    let mut target = ws.clone();
    let ps = problems(rows::import(&mut target, &rows, ImportOptions::default()));
    assert_eq!(target, ws, "all or nothing");
    let paths: Vec<String> = ps.iter().map(|p| p.path.to_string()).collect();
    assert_eq!(
        paths,
        ["measurements[1].indicator", "measurements['x'].value", "measurements[0].period"],
        "{ps:#?}"
    );
    assert!(ps[0].message.contains("is computed"), "{}", ps[0].message);
    assert_eq!(ps[1].message, "a bool (true) is not a number");
    assert!(
        ps[2].message.contains("2031-Q1 is quarterly but the indicator is measured monthly"),
        "{}",
        ps[2].message
    );
}

/// An unknown column is refused with the known ones; `id` is not the commitment column.
#[test]
fn unknown_columns_are_refused_with_the_known_ones() {
    let mut ws = pilotage::sample::city();
    let before = ws.clone();
    let csv = "id,partner,kind,status,date,amount\nc9,region,grant,pledged,2025-01-01,10\n";
    let ps = problems(import::commitments(&mut ws, csv.as_bytes(), "c.csv"));
    assert_eq!(ws, before);
    assert_eq!(ps[0].path, "c.csv[id]");
    assert_eq!(
        ps[0].message,
        "unknown column \"id\"; the columns of this table are: commitment, partner, project, kind, status, date, amount"
    );
    assert_eq!(ps[1].message, "the required column \"commitment\" is missing");
    assert_eq!(ps.len(), 2, "{ps:#?}");
}

/// A row with empty step cells is a commitment without steps (what the export writes for
/// one): read as such, then refused by validation at its line (a commitment needs a step).
/// A later row may leave partner and kind empty.
#[test]
fn commitment_rows_without_steps_and_with_blank_repeats() {
    let mut ws = pilotage::sample::city();
    let partner = ws.partners[0].id.clone();
    let before = ws.clone();
    let csv = format!(
        "commitment,partner,project,kind,status,date,amount\n\
         c_empty,{partner},,grant,,,\n"
    );
    let ps = problems(import::commitments(&mut ws, csv.as_bytes(), "c.csv"));
    assert_eq!(ws, before);
    assert_eq!((ps.len(), ps[0].line), (1, Some(2)), "{ps:#?}");
    assert!(ps[0].message.starts_with("a commitment needs at least one dated step"), "{}", ps[0].message);
    let csv = format!(
        "commitment,partner,project,kind,status,date,amount\n\
         c_two,{partner},,loan,pledged,2025-01-01,100\n\
         c_two,,,,signed,2025-02-01,100.50\n"
    );
    let s = import::commitments(&mut ws, csv.as_bytes(), "c.csv").unwrap();
    assert_eq!((s.rows, s.added), (2, 1));
    let two = ws.commitments.iter().find(|c| c.id == "c_two").unwrap();
    assert_eq!(two.steps.len(), 2);
    assert_eq!(two.steps[1].amount, rust_decimal::Decimal::new(10050, 2));
    let back = export::csv_string(&ws, RecordKind::Commitments).unwrap();
    assert!(back.contains(&format!("c_two,{partner},,loan,pledged,2025-01-01,100\n")), "{back}");
    assert!(back.contains(&format!("c_two,{partner},,loan,signed,2025-02-01,100.50\n")), "{back}");
}
