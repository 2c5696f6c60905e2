//! The conventions of the field, named and selectable, and the data that explain the numbers
//! (issue 13): the three leverage definitions, the population each finance figure covers, the
//! "notified" milestone, the active-caseload options, and a measurement whose value disagrees
//! with its numerator / denominator. Every expected figure is worked out by hand in the
//! comments.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)] // test code: a failure is a test failure

mod common;

use common::{day, eur, p as per};
use pilotage::analytics::headline::{HeadlineOptions, headline};
use pilotage::analytics::partnership::{
    FinanceOptions, Leverage, LeverageDefinition, ProjectScope, portfolio_finance, project_finance,
};
use pilotage::analytics::portfolio::{
    self, CaseloadOptions, LeadTimeOptions, Milestone, caseload, caseload_with, lead_time,
    portfolio_value_with,
};
use pilotage::{
    Commitment, CommitmentStep, Error, FundingKind, FundingStatus, Partner, PartnerKind, Project, Stage,
    StageEvent, Workspace,
};
use rust_decimal::Decimal;
use serde_json::json;

fn strings(v: &[&str]) -> Vec<String> {
    v.iter().map(|s| s.to_string()).collect()
}

fn project(id: &str, stages: &[(Stage, &str)], planned: Option<i64>, own: i64) -> Project {
    Project {
        id: id.into(),
        title: id.into(),
        lead_service: "dadi".into(),
        contributing_services: Vec::new(),
        objectives: Vec::new(),
        stages: stages.iter().map(|&(stage, d)| StageEvent { stage, date: day(d) }).collect(),
        planned_cost: planned.map(eur),
        actual_cost: None,
        planned_end: None,
        own_funds: Some(eur(own)),
    }
}

fn signed(id: &str, project: &str, date: &str, amount: i64) -> Commitment {
    Commitment {
        id: id.into(),
        partner: "reg".into(),
        project: Some(project.into()),
        kind: FundingKind::Grant,
        steps: vec![CommitmentStep { status: FundingStatus::Signed, date: day(date), amount: eur(amount) }],
    }
}

/// Three approved projects (planned cost / own funds / signed external funds):
/// P1 1 000 / 200 / 600; P2 no planned cost / 100 / 300; P3 500 / 0 / 0.
fn finance_city() -> Workspace {
    use Stage::*;
    let mut ws = Workspace::new("Finance city");
    ws.services = vec![pilotage::Service { id: "dadi".into(), name: "DADI".into() }];
    ws.partners =
        vec![Partner { id: "reg".into(), name: "Region".into(), kind: PartnerKind::Region, joined: None }];
    ws.projects = vec![
        project("P1", &[(Registered, "2025-01-02"), (Approved, "2025-01-15")], Some(1000), 200),
        project("P2", &[(Registered, "2025-01-02"), (Approved, "2025-02-01")], None, 100),
        project("P3", &[(Registered, "2025-01-02"), (Approved, "2025-03-01")], Some(500), 0),
    ];
    ws.commitments = vec![signed("c1", "P1", "2025-02-01", 600), signed("c2", "P2", "2025-03-01", 300)];
    ws.validate().unwrap();
    ws
}

fn with(definition: LeverageDefinition) -> FinanceOptions {
    FinanceOptions { leverage: definition, ..FinanceOptions::default() }
}

#[test]
fn three_leverage_definitions_each_named_in_the_result() {
    let ws = finance_city();
    let scope = ProjectScope::ApprovedBy(day("2025-12-31"));
    // Own 200 + 100 + 0 = 300; external 600 + 300 + 0 = 900.
    // external / own = 900 / 300 = 3 (the default, FEADER).
    let ext = portfolio_finance(&ws, scope, FinanceOptions::default());
    assert_eq!(ext.leverage.definition, LeverageDefinition::ExternalOverOwn);
    assert_eq!(ext.leverage.formula, "external funds / own funds");
    assert_eq!(
        (ext.leverage.own, ext.leverage.external, ext.leverage.value),
        (Some(eur(300)), Some(eur(900)), Some(eur(3)))
    );
    // P2 has no planned cost: the planned cost is not that of the same three projects.
    assert_eq!(ext.leverage.planned_cost, None);
    // (own + external) / own = (300 + 900) / 300 = 4.
    let total = portfolio_finance(&ws, scope, with(LeverageDefinition::TotalOverOwn));
    assert_eq!(total.leverage.formula, "(own + external funds) / own funds");
    assert_eq!(total.leverage.value, Some(eur(4)));
    // Total planned expenditure / own, over the projects with a planned cost (P1, P3):
    // (1 000 + 500) / (200 + 0) = 7.5; P2 is left out and named.
    let planned = portfolio_finance(&ws, scope, with(LeverageDefinition::PlannedCostOverOwn));
    let lev = &planned.leverage;
    assert_eq!(lev.formula, "total planned expenditure / own funds");
    assert_eq!((lev.own, lev.external, lev.planned_cost), (Some(eur(200)), Some(eur(600)), Some(eur(1500))));
    assert_eq!(lev.value, Some(Decimal::new(75, 1)));
    assert_eq!(lev.numerator(), Some(eur(1500)));
    assert_eq!(planned.leverage_population.count, 2);
    assert_eq!(planned.leverage_population.left_out, strings(&["P2"]));
    assert_eq!(
        planned.leverage_population.description,
        "2 projects approved by 2025-12-31, with a planned cost"
    );

    // Per project: P1 1 000 / 200 = 5; P2 has no planned cost, P3 no own funds: undefined, with why.
    let opts = with(LeverageDefinition::PlannedCostOverOwn);
    assert_eq!(project_finance(&ws, "P1", opts).unwrap().leverage.value, Some(eur(5)));
    let p2 = project_finance(&ws, "P2", opts).unwrap().leverage;
    assert_eq!(p2.value, None);
    assert_eq!(p2.undefined_reason, Some(pilotage::analytics::partnership::LeverageUndefined::NoPlannedCost));
    assert!(p2.undefined_reason.unwrap().text(pilotage::locale::Locale::En).contains("no planned cost"));
    let p3 = project_finance(&ws, "P3", opts).unwrap().leverage;
    assert_eq!(p3.undefined_reason, Some(pilotage::analytics::partnership::LeverageUndefined::ZeroOwnFunds));
    assert!(p3.undefined_reason.unwrap().text(pilotage::locale::Locale::Fr).contains("fonds propres nuls"));
    // Without a planned cost the constructor of the two older definitions still works:
    // 50 / 25 = 2, and the third is undefined.
    assert_eq!(Leverage::compute(LeverageDefinition::ExternalOverOwn, eur(25), eur(50)).value, Some(eur(2)));
    assert_eq!(Leverage::compute(LeverageDefinition::PlannedCostOverOwn, eur(25), eur(50)).value, None);
}

#[test]
fn leverage_definitions_by_name_and_in_json() {
    for (name, d) in [
        ("external_over_own", LeverageDefinition::ExternalOverOwn),
        ("total_over_own", LeverageDefinition::TotalOverOwn),
        ("planned_cost_over_own", LeverageDefinition::PlannedCostOverOwn),
    ] {
        assert_eq!(name.parse::<LeverageDefinition>(), Ok(d));
        assert_eq!(d.as_str(), name);
        assert_eq!(serde_json::to_value(d).unwrap(), json!(name));
    }
    assert_eq!(LeverageDefinition::default(), LeverageDefinition::ExternalOverOwn);
    let err = "nope".parse::<LeverageDefinition>().unwrap_err();
    assert!(err.contains("planned_cost_over_own"), "{err}");
}

#[test]
fn headline_takes_the_leverage_definition() {
    let ws = finance_city();
    let options =
        HeadlineOptions { leverage: LeverageDefinition::PlannedCostOverOwn, ..HeadlineOptions::default() };
    let h = headline(&ws, per("2025"), options).unwrap();
    // As in the portfolio figure above: 1 500 / 200 = 7.5.
    assert_eq!(h.finance.leverage.value, Some(Decimal::new(75, 1)));
    assert_eq!(h.finance.leverage.formula, "total planned expenditure / own funds");
    // Options written as JSON without the newer fields still read (defaults).
    let old: HeadlineOptions =
        serde_json::from_value(json!({"compare_with": null, "top_partners": 3, "leverage": "total_over_own",
            "lead_time": {"start": "registered", "stop": "decision"}}))
        .unwrap();
    assert_eq!((old.leverage, old.caseload), (LeverageDefinition::TotalOverOwn, CaseloadOptions::default()));
}

#[test]
fn cofinancing_rate_and_leverage_each_say_their_population() {
    let ws = finance_city();
    let f = portfolio_finance(&ws, ProjectScope::ApprovedBy(day("2025-12-31")), FinanceOptions::default());
    // The rate needs a planned cost: P1 and P3 only. External 600 + 0 over planned 1 000 + 500:
    // 600 / 1 500 = 0.4.
    assert_eq!(
        (f.cofinanced_external, f.planned_cost, f.cofinancing_rate),
        (Some(eur(600)), Some(eur(1500)), Some(Decimal::new(4, 1)))
    );
    assert_eq!(f.cofinancing_population.count, 2);
    assert_eq!(f.cofinancing_population.left_out, strings(&["P2"]));
    assert_eq!(
        f.cofinancing_population.description,
        "2 projects approved by 2025-12-31, with a planned cost"
    );
    // The leverage (external / own) covers all three: 900 / 300 = 3.
    assert_eq!(f.leverage_population.count, 3);
    assert!(f.leverage_population.left_out.is_empty());
    assert_eq!(f.leverage_population.description, "3 projects approved by 2025-12-31");
    // The whole portfolio and one period name their scope too: only P1 is approved in January.
    let all = portfolio_finance(&ws, ProjectScope::All, FinanceOptions::default());
    assert_eq!(all.leverage_population.description, "3 projects (all)");
    let jan = portfolio_finance(&ws, ProjectScope::ApprovedIn(per("2025-01")), FinanceOptions::default());
    assert_eq!(jan.cofinancing_population.description, "1 project approved in 2025-01, with a planned cost");
    // The headline carries the same populations.
    let h = headline(&ws, per("2025"), HeadlineOptions::default()).unwrap();
    assert_eq!((h.finance.cofinancing_population.count, h.finance.leverage_population.count), (2, 3));
}

/// Files (calendar year 2025), planned cost in brackets:
/// A registered 01-10, approved 02-01, started 03-01, delivered 06-30, never closed (100);
/// B registered 01-05, rejected 03-06, never closed (50);
/// C registered 01-05, rejected 03-06, closed 03-31 (80);
/// D registered 04-01, in instruction (30);
/// E registered 02-01, approved 02-15, started 03-01, delivered 05-01, closed 09-30 (70).
fn caseload_city() -> Workspace {
    use Stage::*;
    let mut ws = Workspace::new("Caseload city");
    ws.services = vec![pilotage::Service { id: "dadi".into(), name: "DADI".into() }];
    ws.projects = vec![
        project(
            "A",
            &[
                (Registered, "2025-01-10"),
                (Approved, "2025-02-01"),
                (Started, "2025-03-01"),
                (Delivered, "2025-06-30"),
            ],
            Some(100),
            0,
        ),
        project("B", &[(Registered, "2025-01-05"), (Rejected, "2025-03-06")], Some(50), 0),
        project(
            "C",
            &[(Registered, "2025-01-05"), (Rejected, "2025-03-06"), (Closed, "2025-03-31")],
            Some(80),
            0,
        ),
        project("D", &[(Registered, "2025-04-01")], Some(30), 0),
        project(
            "E",
            &[
                (Registered, "2025-02-01"),
                (Approved, "2025-02-15"),
                (Started, "2025-03-01"),
                (Delivered, "2025-05-01"),
                (Closed, "2025-09-30"),
            ],
            Some(70),
            0,
        ),
    ];
    ws.validate().unwrap();
    ws
}

#[test]
fn caseload_options_for_rejected_and_delivered_files() {
    let ws = caseload_city();
    let d = day("2025-06-30");
    let opts = |rejected, delivered| CaseloadOptions {
        rejected_until_closed: rejected,
        delivered_until_closed: delivered,
    };
    // Default (both count until closed): A, B, D, E (C is closed on 03-31) = 4 files,
    // planned 100 + 50 + 30 + 70 = 250.
    let default = caseload(&ws, d);
    assert_eq!(default.options, CaseloadOptions::default());
    assert_eq!((default.count, default.projects.clone()), (4, strings(&["A", "B", "D", "E"])));
    assert_eq!(caseload_with(&ws, d, opts(true, true)), default);
    assert_eq!(
        default.rule,
        "registered and not closed or abandoned; rejected and delivered files count until closed"
    );
    assert_eq!(portfolio_value_with(&ws, d, CaseloadOptions::default()).total, Some(eur(250)));
    // Rejected files out from their rejection: B leaves -> A, D, E = 3.
    assert_eq!(caseload_with(&ws, d, opts(false, true)).projects, strings(&["A", "D", "E"]));
    // Delivered files out from their delivery: A (delivered 06-30, that very day) and E leave -> B, D.
    assert_eq!(caseload_with(&ws, d, opts(true, false)).projects, strings(&["B", "D"]));
    // The day before, A is not delivered yet: A, B, D.
    assert_eq!(caseload_with(&ws, day("2025-06-29"), opts(true, false)).projects, strings(&["A", "B", "D"]));
    // Both out: only D (in instruction), planned 30.
    let narrow = caseload_with(&ws, d, opts(false, false));
    assert_eq!(
        (narrow.count, narrow.rule.as_str()),
        (1, "registered and not closed or abandoned, and neither rejected nor delivered")
    );
    assert_eq!(portfolio_value_with(&ws, d, opts(false, false)).total, Some(eur(30)));
    assert!(!portfolio::is_active_with(&ws.projects[1], d, opts(false, true)));
    assert!(portfolio::is_active(&ws.projects[1], d));

    // The headline takes the options: Q2 2025 ends on 06-30.
    let h = headline(&ws, per("2025-Q2"), HeadlineOptions::default()).unwrap();
    assert_eq!((h.active_caseload, h.portfolio_value), (4, Some(eur(250))));
    let only_open = HeadlineOptions { caseload: opts(false, false), ..HeadlineOptions::default() };
    let h = headline(&ws, per("2025-Q2"), only_open).unwrap();
    assert_eq!((h.active_caseload, h.portfolio_value), (1, Some(eur(30))));
    // In JSON, a missing option keeps its default.
    let partial: CaseloadOptions = serde_json::from_value(json!({"delivered_until_closed": false})).unwrap();
    assert_eq!(partial, opts(true, false));
}

/// N1: registered 01-10, approved 02-09 (30 days), notified 02-19 (40 days), started 03-01.
/// N2: registered 01-01, rejected 01-21 (20 days), notified 02-05 (35 days).
/// N3: registered 01-05, approved 02-04 (30 days), never notified.
/// N4: registered 01-01, approved 01-15 (14 days), started 01-20, notified 01-25 (24 days):
/// an anticipated start, before the notification.
fn notified_city() -> Workspace {
    use Stage::*;
    let mut ws = Workspace::new("Notified city");
    ws.services = vec![pilotage::Service { id: "dadi".into(), name: "DADI".into() }];
    ws.projects = vec![
        project(
            "N1",
            &[
                (Registered, "2025-01-10"),
                (Approved, "2025-02-09"),
                (Notified, "2025-02-19"),
                (Started, "2025-03-01"),
            ],
            None,
            0,
        ),
        project(
            "N2",
            &[(Registered, "2025-01-01"), (Rejected, "2025-01-21"), (Notified, "2025-02-05")],
            None,
            0,
        ),
        project("N3", &[(Registered, "2025-01-05"), (Approved, "2025-02-04")], None, 0),
        project(
            "N4",
            &[
                (Registered, "2025-01-01"),
                (Approved, "2025-01-15"),
                (Started, "2025-01-20"),
                (Notified, "2025-01-25"),
            ],
            None,
            0,
        ),
    ];
    ws
}

#[test]
fn instruction_plus_notification_lead_time() {
    let ws = notified_city();
    assert_eq!(ws.problems(), Vec::new());
    let q1 = per("2025-Q1");
    let notified = LeadTimeOptions { start: Milestone::Registered, stop: Milestone::Notified };
    let s = lead_time(&ws, q1, notified);
    // N4 24, N2 35, N1 40 (N3 never notified): mean (24 + 35 + 40) / 3 = 33, median 35.
    assert_eq!(s.count, 3);
    assert_eq!(
        s.files.iter().map(|f| (f.project.as_str(), f.days)).collect::<Vec<_>>(),
        [("N4", 24), ("N2", 35), ("N1", 40)]
    );
    assert_eq!((s.mean_days, s.median_days, s.max_days), (Some(33.0), Some(35.0), Some(40)));
    // Instruction alone (to the decision): N4 14, N2 20, N1 30, N3 30: mean 94 / 4 = 23.5.
    assert_eq!(lead_time(&ws, q1, LeadTimeOptions::default()).mean_days, Some(23.5));
    // Notification alone: decision to notification, N4 10, N2 15, N1 10: mean 35 / 3.
    let between = LeadTimeOptions { start: Milestone::Decision, stop: Milestone::Notified };
    assert_eq!(lead_time(&ws, q1, between).mean_days, Some(35.0 / 3.0));
    // The milestone and the stage by name.
    assert_eq!(serde_json::to_value(Milestone::Notified).unwrap(), json!("notified"));
    assert_eq!(Stage::Notified.as_str(), "notified");
    // On 02-19 N1 is "notified" (the stage it is in).
    assert_eq!(ws.projects[0].stage_at(day("2025-02-19")), Some(Stage::Notified));
}

#[test]
fn notified_is_read_from_json_and_checked_against_the_decision() {
    let file = |stages: serde_json::Value| {
        json!({
            "schema_version": 1, "organisation": "Ville",
            "services": [{ "id": "s", "name": "S" }],
            "projects": [{ "id": "p", "title": "P", "lead_service": "s", "stages": stages }]
        })
        .to_string()
    };
    let ok = file(json!([{ "stage": "registered", "date": "2025-01-01" },
                         { "stage": "rejected", "date": "2025-01-10" },
                         { "stage": "notified", "date": "2025-01-12" },
                         { "stage": "closed", "date": "2025-02-01" }]));
    let ws = Workspace::from_json(&ok).unwrap();
    assert_eq!(ws.projects[0].date_of(Stage::Notified), Some(day("2025-01-12")));
    // Notified before any decision: a problem at that stage; after closing: nothing follows closed.
    let early = file(json!([{ "stage": "registered", "date": "2025-01-01" },
                            { "stage": "notified", "date": "2025-01-05" },
                            { "stage": "approved", "date": "2025-01-10" }]));
    let late = file(json!([{ "stage": "registered", "date": "2025-01-01" },
                           { "stage": "approved", "date": "2025-01-10" },
                           { "stage": "closed", "date": "2025-01-20" },
                           { "stage": "notified", "date": "2025-01-25" }]));
    for (text, path, fragment) in [
        (early, "projects[p].stages[1]", "notified needs a decision"),
        (late, "projects[p].stages[3]", "nothing can follow closed"),
    ] {
        match Workspace::from_json(&text) {
            Err(Error::Invalid(p)) => assert!(
                p.0.iter().any(|x| x.path == path && x.message.contains(fragment)),
                "expected {fragment:?} at {path}: {:#?}",
                p.0
            ),
            other => panic!("expected a problem at {path}, got {other:?}"),
        }
    }
    // Started, then delivered before a later "started" is still refused: the notification
    // in between does not hide the order of the others.
    let mixed = file(json!([{ "stage": "registered", "date": "2025-01-01" },
                            { "stage": "approved", "date": "2025-01-10" },
                            { "stage": "delivered", "date": "2025-01-20" },
                            { "stage": "notified", "date": "2025-01-25" },
                            { "stage": "started", "date": "2025-01-26" }]));
    match Workspace::from_json(&mixed) {
        Err(Error::Invalid(p)) => assert!(
            p.0.iter().any(|x| x.path == "projects[p].stages[4]"
                && x.message.contains("started cannot come after delivered")),
            "{:#?}",
            p.0
        ),
        other => panic!("expected started-after-delivered, got {other:?}"),
    }
}

#[test]
fn notified_column_in_the_csv_import() {
    let mut ws = Workspace::new("Ville");
    ws.services = vec![pilotage::Service { id: "s".into(), name: "S".into() }];
    // p1 is notified after its start (anticipated start); p2 before it.
    let csv = "id,title,lead_service,registered,approved,notified,started\n\
               p1,One,s,2025-01-01,2025-01-15,2025-01-25,2025-01-20\n\
               p2,Two,s,2025-01-01,2025-01-15,2025-01-18,2025-02-01\n";
    let summary = pilotage::io::import::projects(&mut ws, csv.as_bytes(), "projects.csv").unwrap();
    assert_eq!(summary.added, 2);
    let order = |i: usize| ws.projects[i].stages.iter().map(|e| e.stage).collect::<Vec<_>>();
    use Stage::*;
    assert_eq!(order(0), [Registered, Approved, Started, Notified]);
    assert_eq!(order(1), [Registered, Approved, Notified, Started]);
    // Registration to notification: p1 24 days, p2 17 days.
    let s = lead_time(
        &ws,
        per("2025-Q1"),
        LeadTimeOptions { start: Milestone::Registered, stop: Milestone::Notified },
    );
    assert_eq!(s.files.iter().map(|f| f.days).collect::<Vec<_>>(), [17, 24]);
}

/// An indicator of shares given by numerator and denominator, with measurements edited in.
fn rate_file(measurements: serde_json::Value) -> String {
    json!({
        "schema_version": 1, "organisation": "Ville",
        "indicators": [
            { "id": "other", "name": "Other", "frequency": "monthly", "scoring": { "method": "linear_progress" } },
            { "id": "abs", "name": "Absenteeism", "unit": "ratio", "frequency": "monthly",
              "aggregation": "ratio_of_sums", "scoring": { "method": "linear_progress" },
              "targets": [{ "period": "2024", "value": 0.05 }],
              "measurements": measurements }
        ]
    })
    .to_string()
}

#[test]
fn a_value_that_disagrees_with_its_numerator_and_denominator_is_reported() {
    // 9 / 200 = 0.045. 0.0451 is 0.0001 away: 0.22 % of 0.045, inside the 0.5 % tolerance.
    // 1 / 30 = 0.03333..., written 0.0333: 0.1 % away, accepted. 0 / 5 = 0 written 0: equal.
    let fine = rate_file(json!([
        { "period": "2024-01", "value": 0.045, "numerator": 9, "denominator": 200 },
        { "period": "2024-02", "value": 0.0451, "numerator": 9, "denominator": 200 },
        { "period": "2024-03", "value": 0.0333, "numerator": 1, "denominator": 30 },
        { "period": "2024-04", "value": 0, "numerator": 0, "denominator": 5 },
        { "period": "2024-05", "numerator": 12, "denominator": 240 }
    ]));
    Workspace::from_json(&fine).unwrap();
    // 4.5 is 100 x 0.045 (a percentage beside a fraction): reported with the hint.
    // 0.046 is 0.001 away from 0.045: 2.2 %, reported without it. Both at once, each with its path.
    let bad = rate_file(json!([
        { "period": "2024-01", "value": 0.045, "numerator": 9, "denominator": 200 },
        { "period": "2024-02", "value": 4.5, "numerator": 9, "denominator": 200 },
        { "period": "2024-03", "value": 0.046, "numerator": 9, "denominator": 200 }
    ]));
    let Err(Error::Invalid(problems)) = Workspace::from_json(&bad) else { panic!("expected problems") };
    let at = |path: &str| {
        problems.0.iter().filter(|p| p.path == path).map(|p| p.message.clone()).collect::<Vec<_>>()
    };
    let percent = at("indicators[abs].measurements[1]");
    assert_eq!(percent.len(), 1, "{problems:#?}");
    assert!(
        percent[0].contains("disagrees with numerator / denominator = 9 / 200 = 0.045"),
        "{}",
        percent[0]
    );
    assert!(percent[0].contains("100 times the ratio"), "{}", percent[0]);
    let off = at("indicators[abs].measurements[2]");
    assert_eq!(off.len(), 1, "{problems:#?}");
    assert!(off[0].contains("the value 0.046 disagrees") && !off[0].contains("100 times"), "{}", off[0]);
    assert!(at("indicators[1].measurements[0]").is_empty());
}

#[test]
fn caseload_rules_by_name() {
    // The four rules and their names, the default first.
    let rules = [
        ("until_closed", true, true),
        ("without_rejected", false, true),
        ("without_delivered", true, false),
        ("in_progress", false, false),
    ];
    for (name, rejected, delivered) in rules {
        let o: CaseloadOptions = name.parse().unwrap();
        assert_eq!(
            (o.rejected_until_closed, o.delivered_until_closed, o.name()),
            (rejected, delivered, name)
        );
    }
    assert_eq!(CaseloadOptions::default().name(), "until_closed");
    assert!("closed".parse::<CaseloadOptions>().unwrap_err().contains("in_progress"));
}
