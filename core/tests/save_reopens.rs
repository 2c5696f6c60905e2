//! A saved file always reopens (#15): after any sequence of edits and imports through the
//! Rust API, either `save` refuses with the problems (and writes nothing), or the file
//! opens and equals what was in memory. A broken file opens in the lenient mode with its
//! problems listed, and can be repaired with the library.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)] // test code: a failure is a test failure

use pilotage::io::import;
use pilotage::io::rows::{ImportOptions, RecordKind};
use pilotage::{
    Commitment, CommitmentStep, Error, FundingKind, FundingStatus, IndicatorLink, Measurement, Partner,
    PartnerKind, Period, Weight, Workspace,
};
use proptest::prelude::*;
use rust_decimal::Decimal;

/// One edit or import.
#[derive(Debug, Clone)]
enum Op {
    AddPartner(String),
    RemovePartner(String),
    Measure { indicator: usize, period: String, value: f64 },
    Target { indicator: usize, period: String, value: f64 },
    Commit { id: String, partner: String, amount: i64 },
    RemoveProject(usize),
    RemoveService(usize),
    Weight { objective: usize, weight: f64 },
    Link { objective: usize, indicator: usize, weight: f64 },
    ImportPartners(String),
    ImportMeasurements { indicator: usize, period: String, value: String, replace: bool },
}

fn id() -> impl Strategy<Value = String> {
    prop_oneof![
        Just("region".to_string()),
        Just("Region".to_string()),
        Just("ademe".to_string()),
        Just("new_partner".to_string()),
        Just("bad id".to_string()),
        "[a-z]{1,6}",
    ]
}

fn period() -> impl Strategy<Value = String> {
    prop_oneof![
        (2020i32..2032, 1u32..13).prop_map(|(y, m)| format!("{y}-{m:02}")),
        (2020i32..2032, 1u32..5).prop_map(|(y, q)| format!("{y}-Q{q}")),
        (2020i32..2032).prop_map(|y| y.to_string()),
    ]
}

fn number() -> impl Strategy<Value = f64> {
    prop_oneof![-10.0f64..200.0, Just(0.0), Just(f64::NAN), Just(1e300)]
}

fn op() -> impl Strategy<Value = Op> {
    prop_oneof![
        id().prop_map(Op::AddPartner),
        id().prop_map(Op::RemovePartner),
        (0usize..40, period(), number()).prop_map(|(indicator, period, value)| Op::Measure {
            indicator,
            period,
            value
        }),
        (0usize..40, period(), number()).prop_map(|(indicator, period, value)| Op::Target {
            indicator,
            period,
            value
        }),
        (id(), id(), -5i64..1000).prop_map(|(id, partner, amount)| Op::Commit { id, partner, amount }),
        (0usize..40).prop_map(Op::RemoveProject),
        (0usize..10).prop_map(Op::RemoveService),
        (0usize..12, number()).prop_map(|(objective, weight)| Op::Weight { objective, weight }),
        (0usize..12, 0usize..40, number()).prop_map(|(objective, indicator, weight)| Op::Link {
            objective,
            indicator,
            weight
        }),
        id().prop_map(Op::ImportPartners),
        (
            0usize..40,
            period(),
            prop_oneof![Just("12,5".to_string()), Just("3".to_string()), Just("x".to_string())],
            any::<bool>()
        )
            .prop_map(|(indicator, period, value, replace)| Op::ImportMeasurements {
                indicator,
                period,
                value,
                replace
            }),
    ]
}

fn nth_indicator(ws: &Workspace, i: usize) -> String {
    ws.indicators.get(i % ws.indicators.len().max(1)).map(|x| x.id.clone()).unwrap_or_default()
}

/// Apply an op; errors of the API are fine (the op is refused and changes nothing).
fn apply(ws: &mut Workspace, op: &Op) {
    match op {
        Op::AddPartner(id) => {
            let _ = ws.add_partner(Partner {
                id: id.clone(),
                name: "P".into(),
                kind: PartnerKind::Company,
                joined: None,
            });
        }
        Op::RemovePartner(id) => {
            let _ = ws.remove_partner(id);
        }
        Op::Measure { indicator, period, value } => {
            let ind = nth_indicator(ws, *indicator);
            if let Ok(p) = period.parse::<Period>() {
                let m = Measurement {
                    period: p,
                    value: Some(*value),
                    numerator: None,
                    denominator: None,
                    respondents: None,
                    comment: None,
                    source: None,
                };
                let _ = ws.put_measurement(&ind, m, true);
            }
        }
        Op::Target { indicator, period, value } => {
            let ind = nth_indicator(ws, *indicator);
            if let Ok(p) = period.parse::<Period>() {
                let _ = ws.set_target(&ind, p, *value);
            }
        }
        Op::Commit { id, partner, amount } => {
            let step = CommitmentStep {
                status: FundingStatus::Pledged,
                date: chrono::NaiveDate::from_ymd_opt(2025, 3, 1).unwrap(),
                amount: Decimal::from(*amount),
            };
            let c = Commitment {
                id: id.clone(),
                partner: partner.clone(),
                project: None,
                kind: FundingKind::Grant,
                steps: vec![step],
            };
            let _ = ws.add_commitment(c);
        }
        Op::RemoveProject(i) => {
            if let Some(id) = ws.projects.get(*i).map(|p| p.id.clone()) {
                let _ = ws.remove_project(&id);
            }
        }
        Op::RemoveService(i) => {
            if let Some(id) = ws.services.get(*i).map(|p| p.id.clone()) {
                let _ = ws.remove_service(&id);
            }
        }
        Op::Weight { objective, weight } => {
            let n = ws.scorecard.objectives.len().max(1);
            if let Some(o) = ws.scorecard.objectives.get_mut(objective % n) {
                o.weight = Weight::Fixed(*weight);
            }
        }
        Op::Link { objective, indicator, weight } => {
            let ind = nth_indicator(ws, *indicator);
            let n = ws.scorecard.objectives.len().max(1);
            if let Some(o) = ws.scorecard.objectives.get(objective % n).map(|o| o.id.clone()) {
                let _ =
                    ws.link_indicator(&o, IndicatorLink { indicator: ind, weight: Weight::Fixed(*weight) });
            }
        }
        Op::ImportPartners(id) => {
            let csv = format!("id,name,kind\n{id},Imported,bank\n");
            let _ = import::partners(ws, csv.as_bytes(), "partners.csv");
        }
        Op::ImportMeasurements { indicator, period, value, replace } => {
            let ind = nth_indicator(ws, *indicator);
            let csv = format!("indicator;period;value\n{ind};{period};{value}\n");
            let options = ImportOptions { replace: *replace };
            let _ = import::csv(ws, RecordKind::Measurements, csv.as_bytes(), "m.csv", options);
        }
    }
}

/// A fresh folder of its own for a test (removed first if a crashed run left it).
fn scratch(name: &str) -> std::path::PathBuf {
    use std::sync::atomic::{AtomicU64, Ordering};
    static N: AtomicU64 = AtomicU64::new(0);
    let n = N.fetch_add(1, Ordering::Relaxed);
    let dir = std::env::temp_dir().join(format!("pilotage-reopens-{name}-{}-{n}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 48, ..ProptestConfig::default() })]

    #[test]
    fn a_saved_file_reopens_equal_or_the_save_is_refused(ops in prop::collection::vec(op(), 1..12)) {
        let mut ws = pilotage::sample::city();
        for op in &ops {
            apply(&mut ws, op);
        }
        let dir = scratch("prop");
        let path = dir.join("ville.json");
        std::fs::write(&path, "old").unwrap();
        match ws.save(&path) {
            Ok(()) => {
                let back = Workspace::open(&path);
                prop_assert!(back.is_ok(), "saved but does not reopen: {back:?}");
                prop_assert!(back.unwrap() == ws, "the file reopens as something else");
            }
            Err(Error::Invalid(ps)) => {
                prop_assert!(!ps.0.is_empty());
                prop_assert_eq!(std::fs::read_to_string(&path).unwrap(), "old", "nothing written");
                // The same problems as validation lists, so the user can repair them.
                let listed = ws.problems();
                prop_assert!(!listed.is_empty(), "refused, yet validation finds nothing: {ps:?}");
            }
            Err(e) => prop_assert!(false, "unexpected error {e:?}"),
        }
        let _ = std::fs::remove_dir_all(&dir);
    }
}

/// A workspace with a dangling reference: save refuses it with the problem, nothing is
/// written; the lenient mode opens such a file with its problems, the library repairs it,
/// and the repaired workspace saves and reopens.
#[test]
fn save_refuses_and_lenient_open_repairs() {
    let mut ws = pilotage::sample::city();
    let service = ws.projects[0].lead_service.clone();
    ws.projects[0].lead_service = "nowhere".into();
    let dir = scratch("repair");
    let path = dir.join("ville.json");
    let ps = match ws.save(&path) {
        Err(Error::Invalid(ps)) => ps.0,
        other => panic!("expected a refusal, got {other:?}"),
    };
    assert_eq!(ps.len(), 1, "{ps:#?}");
    assert_eq!(ps[0].path, "projects[DOS-2018-0001].lead_service");
    assert!(ps[0].message.contains("unknown service \"nowhere\""), "{}", ps[0].message);
    assert!(!path.exists(), "nothing written");

    // A broken file (written by hand, or by an older version): strict open refuses it,
    // lenient open loads it with the same problem.
    std::fs::write(&path, ws.to_json().unwrap()).unwrap();
    assert!(matches!(Workspace::open(&path), Err(Error::Invalid(_))));
    let (mut loaded, problems) = Workspace::open_lenient(&path).unwrap();
    assert_eq!(problems, ps);
    assert_eq!(loaded, ws);
    let (from_text, again) = Workspace::from_json_lenient(&std::fs::read_to_string(&path).unwrap()).unwrap();
    assert_eq!((from_text, again), (ws.clone(), ps.clone()));
    loaded.projects[0].lead_service = service;
    loaded.save(&path).unwrap();
    assert_eq!(Workspace::open(&path).unwrap(), loaded);

    // A valid file opens leniently with no problem; text that is not JSON is still an error.
    assert!(Workspace::open_lenient(&path).unwrap().1.is_empty());
    assert!(matches!(Workspace::from_json_lenient("{"), Err(Error::Json { .. })));
    let _ = std::fs::remove_dir_all(&dir);
}

/// A record that cannot be decoded is left out in the lenient mode, with its problem.
#[test]
fn lenient_open_leaves_out_undecodable_records() {
    let text = r#"{"schema_version": 2, "organisation": "Ville",
        "partners": [{"id": "a", "name": "A", "kind": "bank"}, {"id": "b", "name": "B", "kind": "martian"}]}"#;
    let (ws, ps) = Workspace::from_json_lenient(text).unwrap();
    assert_eq!(ws.partners.len(), 1);
    assert_eq!(ws.partners[0].id, "a");
    assert_eq!(ps.len(), 1, "{ps:#?}");
    assert_eq!(ps[0].path, "partners[b].kind", "{:?}", ps[0]);
}
