//! CSV import: happy paths (both delimiters, BOM, decimal commas, replacements), every
//! problem of a file at once with its line and column, and all-or-nothing behaviour.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)] // test code: a failure is a test failure

use pilotage::io::import::{self, ImportSummary};
use pilotage::{Error, Problem, Workspace};

/// A valid workspace: two services, one partner, one project, a monthly measured indicator
/// (with a measurement for 2025-01), a calculated one, and one objective.
fn base() -> Workspace {
    Workspace::from_json(
        r#"{
        "schema_version": 1, "organisation": "Ville",
        "services": [{ "id": "dadi", "name": "DADI" }, { "id": "urba", "name": "Urbanisme" }],
        "partners": [{ "id": "region", "name": "Région", "kind": "region" }],
        "projects": [{ "id": "p1", "title": "Halle", "lead_service": "dadi",
                       "stages": [{ "stage": "registered", "date": "2024-01-10" }] }],
        "indicators": [
            { "id": "files", "name": "Files", "frequency": "monthly",
              "scoring": { "method": "min_max", "min": 0, "max": 100 },
              "measurements": [{ "period": "2025-01", "value": 10 }] },
            { "id": "double", "name": "Double", "frequency": "monthly",
              "source": { "kind": "calculated", "expression": "files * 2" },
              "scoring": { "method": "min_max", "min": 0, "max": 100 } }
        ],
        "scorecard": {
            "perspectives": [{ "id": "persp", "name": "P" }],
            "objectives": [{ "id": "obj", "name": "O", "perspective": "persp",
                             "indicators": [{ "indicator": "files" }] }]
        }
    }"#,
    )
    .unwrap()
}

fn problems(r: Result<ImportSummary, Error>) -> Vec<Problem> {
    match r {
        Err(Error::Invalid(p)) => p.0,
        other => panic!("expected Error::Invalid, got {other:?}"),
    }
}

fn find<'a>(ps: &'a [Problem], path: &str, line: u64) -> &'a Problem {
    ps.iter()
        .find(|p| p.path == path && p.line == Some(line))
        .unwrap_or_else(|| panic!("no problem at {path} line {line} in {ps:#?}"))
}

#[test]
fn measurements_with_semicolons_bom_decimal_commas_and_a_replacement() {
    let mut ws = base();
    // BOM, `;` delimiter, headers in odd case with spaces, a decimal comma, a rate given
    // as numerator and denominator only, and 2025-01 which replaces the existing 10.
    let csv = "\u{feff} Indicator ;PERIOD; Value ;numerator;denominator;respondents;comment\n\
               files;2025-01;12,5;;;;corrected\n\
               files;2025-02;;3;4;7;\n\
               ;;;;;;\n\
               files;2025-03;1234,56;;;;\n";
    // Without `replace`, the measurement of 2025-01 the workspace has is refused at its line.
    let before = ws.clone();
    let ps = problems(import::measurements(&mut ws, csv.as_bytes(), "measurements.csv"));
    assert_eq!(ws, before);
    assert_eq!(ps.len(), 1, "{ps:#?}");
    assert!(
        find(&ps, "measurements.csv[period]", 2).message.contains("already has a measurement for 2025-01")
    );
    let replace = import::ImportOptions { replace: true };
    let kind = pilotage::io::rows::RecordKind::Measurements;
    let s = import::csv(&mut ws, kind, csv.as_bytes(), "measurements.csv", replace).unwrap();
    // Three data rows (the blank one is skipped): one replacement, two additions.
    assert_eq!(s, ImportSummary { source: "measurements.csv".into(), rows: 3, added: 2, replaced: 1 });
    let m = &ws.indicators[0].measurements;
    assert_eq!(m.len(), 3);
    assert_eq!(
        (m[0].period.to_string(), m[0].value, m[0].comment.as_deref()),
        ("2025-01".into(), Some(12.5), Some("corrected"))
    );
    // 3 / 4 = 0.75 as the effective value; 7 respondents kept.
    assert_eq!((m[1].value, m[1].effective_value(), m[1].respondents), (None, Some(0.75), Some(7)));
    assert_eq!(m[2].value, Some(1234.56));
}

#[test]
fn measurements_with_commas_take_a_point_and_refuse_a_comma() {
    let mut ws = base();
    let csv = "indicator,period,value\nfiles,2025-02,\"1,5\"\n";
    let ps = problems(import::measurements(&mut ws, csv.as_bytes(), "m.csv"));
    assert_eq!(ps.len(), 1, "{ps:#?}");
    let p = find(&ps, "m.csv[value]", 2);
    assert_eq!(p.column, Some(3));
    assert!(p.message.contains("not a finite number"), "{}", p.message);
    import::measurements(&mut ws, "indicator,period,value\nfiles,2025-02,1.5\n".as_bytes(), "m.csv").unwrap();
    assert_eq!(ws.indicators[0].measurements[1].value, Some(1.5));
}

#[test]
fn every_problem_of_a_measurements_file_at_once_and_the_workspace_untouched() {
    let mut ws = base();
    let before = ws.clone();
    let csv = "indicator,period,value,colour\n\
               files,2025-13,1,x\n\
               files,2025-04,NaN,x\n\
               files,2025-05,1e400,x\n\
               nope,2025-06,1,x\n\
               files,2025-Q2,1,x\n\
               double,2025-07,1,x\n\
               files,2025-08,,x\n\
               files,2025-09,1,x\n\
               files,2025-09,2,x\n";
    let ps = problems(import::measurements(&mut ws, csv.as_bytes(), "measurements.csv"));
    assert_eq!(ws, before);
    let unknown = find(&ps, "measurements.csv[colour]", 1);
    assert_eq!(unknown.column, Some(4));
    assert!(unknown.message.contains("unknown column \"colour\""));
    let period = find(&ps, "measurements.csv[period]", 2);
    assert_eq!(period.column, Some(2));
    assert!(period.message.contains("2025-13"), "{}", period.message);
    assert!(find(&ps, "measurements.csv[value]", 3).message.contains("not a finite number"));
    assert!(find(&ps, "measurements.csv[value]", 4).message.contains("beyond the range"));
    assert!(find(&ps, "measurements.csv[indicator]", 5).message.contains("unknown indicator \"nope\""));
    assert!(find(&ps, "measurements.csv[indicator]", 7).message.contains("computed"));
    assert!(find(&ps, "measurements.csv[value]", 8).message.contains("needs a value"));
    assert!(find(&ps, "measurements.csv[period]", 10).message.contains("line 9 already gives"));
    // Line 6 (a quarter for a monthly indicator) is a validation problem: found only once
    // the file itself is clean, so it is not in this list (8 problems above).
    assert_eq!(ps.len(), 8, "{ps:#?}");
}

#[test]
fn a_measurement_that_breaks_validation_is_refused_at_its_line() {
    let mut ws = base();
    let before = ws.clone();
    let csv = "indicator;period;value\nfiles;2025-02;1\nfiles;2025-Q2;1\n";
    let ps = problems(import::measurements(&mut ws, csv.as_bytes(), "m.csv"));
    assert_eq!(ws, before);
    assert_eq!(ps.len(), 1, "{ps:#?}");
    let p = find(&ps, "m.csv[period]", 3);
    assert_eq!(p.column, Some(2));
    assert!(p.message.contains("the indicator is measured monthly"), "{}", p.message);
    assert!(p.message.contains("indicators[files].measurements[2].period"), "{}", p.message);
}

#[test]
fn projects_with_lists_stages_and_amounts() {
    let mut ws = base();
    let csv = "id;title;lead_service;contributing_services;objectives;registered;approved;started;planned_cost;own_funds;planned_end\n\
               p2;Médiathèque « Jean Jaurès »;urba;dadi;obj;2024-02-29;2024-05-02;2024-09-01;12345678901234567890,12;1,10;2026-06-30\n\
               p3;Parc;dadi;urba, ;;2024-03-01;;;;;\n";
    let s = import::projects(&mut ws, csv.as_bytes(), "projects.csv").unwrap();
    assert_eq!((s.rows, s.added, s.replaced), (2, 2, 0));
    let p2 = &ws.projects[1];
    assert_eq!(p2.title, "Médiathèque « Jean Jaurès »");
    assert_eq!(
        (p2.contributing_services.clone(), p2.objectives.clone()),
        (vec!["dadi".to_string()], vec!["obj".to_string()])
    );
    assert_eq!(p2.stages.len(), 3);
    assert_eq!(p2.planned_cost.unwrap().to_string(), "12345678901234567890.12");
    // The trailing zero of 1,10 is kept.
    assert_eq!(p2.own_funds.unwrap().to_string(), "1.10");
    assert_eq!(ws.projects[2].contributing_services, vec!["urba".to_string()]);
}

#[test]
fn project_problems_name_their_line_and_column() {
    let mut ws = base();
    let before = ws.clone();
    let csv = "id,title,lead_service,registered,approved,planned_cost\n\
               p2,Halle,dadi,2024-02-30,,-5\n\
               p3,,dadi,2024-01-01,,1e400\n\
               p4,Parc,dadi,,,\n";
    let ps = problems(import::projects(&mut ws, csv.as_bytes(), "projects.csv"));
    assert_eq!(ws, before);
    assert!(find(&ps, "projects.csv[registered]", 2).message.contains("not a date"));
    assert!(find(&ps, "projects.csv[planned_cost]", 2).message.contains("negative"));
    assert!(find(&ps, "projects.csv[title]", 3).message.contains("required"));
    assert!(find(&ps, "projects.csv[planned_cost]", 3).message.contains("does not fit an amount"));
    assert!(find(&ps, "projects.csv[registered]", 4).message.contains("required"));
    assert_eq!(ps.len(), 5, "{ps:#?}");
}

#[test]
fn projects_that_break_validation_are_refused_with_their_lines() {
    let mut ws = base();
    let before = ws.clone();
    // Line 2: unknown lead service; line 3: delivered before started; line 4: p1 exists.
    let csv = "id,title,lead_service,registered,started,delivered\n\
               p2,Halle,nowhere,2024-01-01,,\n\
               p3,Parc,dadi,2024-01-01,2024-06-01,2024-05-01\n\
               p1,Again,dadi,2024-01-01,,\n";
    let ps = problems(import::projects(&mut ws, csv.as_bytes(), "projects.csv"));
    assert_eq!(ws, before);
    let lead = find(&ps, "projects.csv[lead_service]", 2);
    assert_eq!(lead.column, Some(3));
    assert!(lead.message.contains("unknown service \"nowhere\""), "{}", lead.message);
    let order = find(&ps, "projects.csv[delivered]", 3);
    assert_eq!(order.column, Some(6));
    assert!(order.message.contains("out of order"), "{}", order.message);
    assert!(find(&ps, "projects.csv[id]", 4).message.contains("has a project \"p1\" already"));
    assert_eq!(ps.len(), 3, "{ps:#?}");
}

#[test]
fn partners_import_and_refusals() {
    let mut ws = base();
    let csv = "ID,Name,Kind,Joined\nademe,ADEME,Public Agency,2020-03-01\nfond,Fondation,foundation,\n";
    let s = import::partners(&mut ws, csv.as_bytes(), "partners.csv").unwrap();
    assert_eq!((s.rows, s.added), (2, 2));
    assert_eq!(ws.partners[1].kind, pilotage::PartnerKind::PublicAgency);
    let before = ws.clone();
    let csv = "id,name,kind\nregion,Again,region\nclub,Club,club\n";
    let ps = problems(import::partners(&mut ws, csv.as_bytes(), "partners.csv"));
    assert_eq!(ws, before);
    assert!(find(&ps, "partners.csv[kind]", 3).message.contains("\"club\" is not one of: state, region"));
    // The partner the workspace has already is reported with the other problems.
    assert!(find(&ps, "partners.csv[id]", 2).message.contains("has a partner \"region\" already"));
    assert_eq!(ps.len(), 2, "{ps:#?}");
    // A case twin of an existing id is a validation problem, at its line.
    let ps =
        problems(import::partners(&mut ws, "id,name,kind\nREGION,Again,region\n".as_bytes(), "partners.csv"));
    assert_eq!(ps.len(), 1, "{ps:#?}");
    assert_eq!(ps[0].line, Some(2));
}

#[test]
fn commitments_group_steps_by_id_in_file_order() {
    let mut ws = base();
    let csv = "commitment;partner;project;kind;status;date;amount\n\
               c1;region;p1;grant;pledged;2024-02-01;300000\n\
               c2;region;;sponsorship;signed;2024-03-01;5000,50\n\
               c1;;;;signed;2024-04-01;250000\n\
               c1;region;p1;grant;received;2024-05-01;100000\n\
               c1;;;;received;2024-06-01;150000\n";
    let s = import::commitments(&mut ws, csv.as_bytes(), "commitments.csv").unwrap();
    assert_eq!((s.rows, s.added), (5, 2));
    let c1 = &ws.commitments[0];
    assert_eq!((c1.id.as_str(), c1.project.as_deref(), c1.steps.len()), ("c1", Some("p1"), 4));
    // Received 100 000 + 150 000 = 250 000 = signed: allowed.
    let received = c1.amount(pilotage::FundingStatus::Received, None);
    assert_eq!(received.unwrap().to_string(), "250000");
    assert_eq!(ws.commitments[1].steps[0].amount.to_string(), "5000.50");
}

#[test]
fn commitment_problems_point_at_the_step_row() {
    let mut ws = base();
    let before = ws.clone();
    // Received 300 > signed 250, reported at the commitment's first line; the unknown
    // partner at its first line, column partner.
    let csv = "commitment,partner,project,kind,status,date,amount\n\
               c1,region,p1,grant,signed,2024-04-01,250\n\
               c1,,,,received,2024-05-01,300\n\
               c2,nobody,,loan,signed,2024-04-01,10\n";
    let ps = problems(import::commitments(&mut ws, csv.as_bytes(), "commitments.csv"));
    assert_eq!(ws, before);
    assert!(find(&ps, "commitments.csv", 2).message.contains("received 300 is more than signed 250"));
    let partner = find(&ps, "commitments.csv[partner]", 4);
    assert_eq!(partner.column, Some(2));
    assert!(partner.message.contains("unknown partner \"nobody\""));
    assert_eq!(ps.len(), 2, "{ps:#?}");

    let csv = "commitment,partner,kind,status,date,amount\n\
               c1,,grant,signed,2024-04-01,250\n\
               c2,region,grant,signed,2024-04-01,1\n\
               c2,other,loan,sent,2024-04-01,\n";
    let ps = problems(import::commitments(&mut ws, csv.as_bytes(), "commitments.csv"));
    assert!(find(&ps, "commitments.csv[partner]", 2).message.contains("needs its partner"));
    assert!(find(&ps, "commitments.csv[partner]", 4).message.contains("was given the partner \"region\""));
    assert!(find(&ps, "commitments.csv[kind]", 4).message.contains("was given the kind \"grant\""));
    assert!(find(&ps, "commitments.csv[status]", 4).message.contains("\"sent\" is not one of"));
    assert!(find(&ps, "commitments.csv[amount]", 4).message.contains("required"));
    assert_eq!(ps.len(), 5, "{ps:#?}");
}

#[test]
fn files_that_are_not_tables() {
    let mut ws = base();
    let ps = problems(import::partners(&mut ws, "".as_bytes(), "partners.csv"));
    assert!(ps[0].message.contains("empty"));
    let ps = problems(import::partners(&mut ws, "id,name\n".as_bytes(), "partners.csv"));
    assert!(ps[0].message.contains("required column \"kind\" is missing"));
    let ps =
        problems(import::partners(&mut ws, b"id,name,kind\nx,\xff\xfe,region\n".as_slice(), "partners.csv"));
    assert_eq!((ps[0].line, ps[0].column), (Some(2), Some(3)));
    assert!(ps[0].message.contains("not UTF-8"));
    let ps =
        problems(import::partners(&mut ws, "id,name,kind\nx,X,region,extra\n".as_bytes(), "partners.csv"));
    assert_eq!((ps[0].line, ps[0].column), (Some(2), Some(4)));
    let ps = problems(import::partners(&mut ws, "id,id,name,kind\n".as_bytes(), "partners.csv"));
    assert!(ps[0].message.contains("appears twice"));
}

#[test]
fn import_from_a_path_names_problems_after_the_file() {
    let dir = std::env::temp_dir().join(format!("pilotage-import-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let path = dir.join("partenaires.csv");
    std::fs::write(&path, "id;nom;kind\n").unwrap();
    let mut ws = base();
    let ps = problems(import::partners_from_path(&mut ws, &path));
    assert_eq!(ps[0].path, "partenaires.csv[nom]");
    std::fs::write(&path, "id;name;kind\nx;X;bank\n").unwrap();
    assert_eq!(import::partners_from_path(&mut ws, &path).unwrap().added, 1);
    assert!(matches!(import::partners_from_path(&mut ws, dir.join("missing.csv")), Err(Error::Io { .. })));
    std::fs::remove_dir_all(&dir).unwrap();
}

#[test]
fn a_validation_problem_on_a_commitment_step_names_the_commitment_id_and_the_step_index() {
    let mut ws = base();
    let before = ws.clone();
    // The second step of c1 (line 3) is dated after 2100: validation names it
    // `commitments[c1].steps[1].date`, and the import points at line 3, column 6 (date).
    let csv = "commitment,partner,project,kind,status,date,amount\n\
               c1,region,p1,grant,signed,2024-04-01,250\n\
               c1,,,,received,2150-05-01,200\n";
    let ps = problems(import::commitments(&mut ws, csv.as_bytes(), "commitments.csv"));
    assert_eq!(ws, before);
    assert_eq!(ps.len(), 1, "{ps:#?}");
    let p = find(&ps, "commitments.csv[date]", 3);
    assert_eq!(p.column, Some(6));
    assert!(p.message.contains("(commitments[c1].steps[1].date)"), "{}", p.message);
    assert!(p.message.contains("outside the supported years"), "{}", p.message);
}
