//! Portfolio analytics on a small hand-built portfolio; every expected figure is worked out
//! by hand in the comments.

#![allow(clippy::unwrap_used)] // test helpers parse literal dates and periods

mod common;

use common::{day, eur, p as per};
use pilotage::analytics::portfolio::{
    self, LeadTimeNote, LeadTimeOptions, Milestone, ageing, caseload, compare_lead_times, delivery,
    lead_time, percentile, portfolio_value, throughput, transversality, work_in_progress,
};
use pilotage::engine::derived::series;
use pilotage::locale::Locale;
use pilotage::{Metric, Project, Stage, StageEvent, Workspace};
use proptest::prelude::*;
use rust_decimal::Decimal;

fn project(id: &str, lead: &str, stages: &[(Stage, &str)]) -> Project {
    Project {
        id: id.into(),
        title: format!("Project {id}"),
        lead_service: lead.into(),
        contributing_services: Vec::new(),
        objectives: Vec::new(),
        stages: stages.iter().map(|&(stage, d)| StageEvent { stage, date: day(d) }).collect(),
        planned_cost: None,
        actual_cost: None,
        planned_end: None,
        own_funds: None,
    }
}

fn strings(v: &[&str]) -> Vec<String> {
    v.iter().map(|s| s.to_string()).collect()
}

/// The portfolio (calendar fiscal year):
///
/// | id | lead (+contrib) | registered | complete | decision | started | delivered (planned end) | exit | planned / actual |
/// |----|-----------------|------------|----------|----------|---------|--------------------------|------|------------------|
/// | A | urb (+eco) | 2025-01-10 | 01-20 | approved 02-09 | 03-01 | 06-30 (06-30) | - | 100 000 / 110 000 |
/// | B | eco | 2025-02-01 | - | approved 02-01 (same day) | 04-01 | 09-15 (08-31) | - | 50 000 / 45 000 |
/// | C | urb (+fin, eco) | 2025-01-05 | 02-04 | rejected 03-06 | - | - | closed 03-31 | 80 000 |
/// | D | fin | 2025-03-01 | - | never | - | - | abandoned 05-15 | 30 000 |
/// | E | urb (+eco) | 2025-04-10 | 04-20 | never | - | - | - | 200 000 |
/// | F | eco | 2024-11-01 | - | approved 2025-01-30 | - | - | - | none |
/// | G | eco | 2025-07-01 | - | approved 07-11 | - | - | - | none |
/// | H | eco | 2025-07-01 | - | approved 07-21 | - | - | - | none |
///
/// Objectives: A o1; B o1 and o2; E o2.
fn sample() -> Workspace {
    use Stage::*;
    let mut ws = Workspace::new("Test city");
    let mut a = project(
        "A",
        "urb",
        &[
            (Registered, "2025-01-10"),
            (Complete, "2025-01-20"),
            (Approved, "2025-02-09"),
            (Started, "2025-03-01"),
            (Delivered, "2025-06-30"),
        ],
    );
    a.contributing_services = strings(&["eco"]);
    a.objectives = strings(&["o1"]);
    a.planned_cost = Some(eur(100_000));
    a.actual_cost = Some(eur(110_000));
    a.planned_end = Some(day("2025-06-30"));
    let mut b = project(
        "B",
        "eco",
        &[
            (Registered, "2025-02-01"),
            (Approved, "2025-02-01"),
            (Started, "2025-04-01"),
            (Delivered, "2025-09-15"),
        ],
    );
    b.objectives = strings(&["o1", "o2"]);
    b.planned_cost = Some(eur(50_000));
    b.actual_cost = Some(eur(45_000));
    b.planned_end = Some(day("2025-08-31"));
    let mut c = project(
        "C",
        "urb",
        &[
            (Registered, "2025-01-05"),
            (Complete, "2025-02-04"),
            (Rejected, "2025-03-06"),
            (Closed, "2025-03-31"),
        ],
    );
    c.contributing_services = strings(&["fin", "eco"]);
    c.planned_cost = Some(eur(80_000));
    let mut d = project("D", "fin", &[(Registered, "2025-03-01"), (Abandoned, "2025-05-15")]);
    d.planned_cost = Some(eur(30_000));
    let mut e = project("E", "urb", &[(Registered, "2025-04-10"), (Complete, "2025-04-20")]);
    e.contributing_services = strings(&["eco"]);
    e.objectives = strings(&["o2"]);
    e.planned_cost = Some(eur(200_000));
    let f = project("F", "eco", &[(Registered, "2024-11-01"), (Approved, "2025-01-30")]);
    let g = project("G", "eco", &[(Registered, "2025-07-01"), (Approved, "2025-07-11")]);
    let h = project("H", "eco", &[(Registered, "2025-07-01"), (Approved, "2025-07-21")]);
    ws.projects = vec![a, b, c, d, e, f, g, h];
    ws
}

fn ids(v: &[String]) -> Vec<&str> {
    v.iter().map(String::as_str).collect()
}

#[test]
fn caseload_counts_registered_files_not_yet_closed_or_abandoned() {
    let ws = sample();
    // On 2025-03-31: registered by then are A, B, C, D, F (E comes 04-10); C is closed that
    // very day, so it has left. Active: A, B, D, F.
    let c = caseload(&ws, day("2025-03-31"));
    assert_eq!(c.count, 4);
    assert_eq!(ids(&c.projects), ["A", "B", "D", "F"]);
    // Stages that day: A started (03-01), B approved, D registered, F approved.
    assert_eq!(c.by_stage.get(&Stage::Approved), Some(&2));
    assert_eq!(c.by_stage.get(&Stage::Started), Some(&1));
    assert_eq!(c.by_stage.get(&Stage::Registered), Some(&1));
    assert_eq!(c.by_stage.len(), 3);
    // Lead services: urb A; eco B, F; fin D.
    assert_eq!(c.by_lead_service.get("urb"), Some(&1));
    assert_eq!(c.by_lead_service.get("eco"), Some(&2));
    assert_eq!(c.by_lead_service.get("fin"), Some(&1));
    // Objectives: o1 A, B; o2 B; D and F serve none.
    assert_eq!(c.by_objective.get("o1"), Some(&2));
    assert_eq!(c.by_objective.get("o2"), Some(&1));
    assert_eq!(c.without_objective, 2);

    // The day before C's closing it is still active: A, B, C, D, F.
    assert_eq!(caseload(&ws, day("2025-03-30")).count, 5);
    // D is abandoned on 05-15: still active on 05-14 (A B D E F), gone on 05-15 (A B E F).
    assert_eq!(ids(&caseload(&ws, day("2025-05-14")).projects), ["A", "B", "D", "E", "F"]);
    assert_eq!(ids(&caseload(&ws, day("2025-05-15")).projects), ["A", "B", "E", "F"]);
    // Before any registration: nothing.
    assert_eq!(caseload(&ws, day("2024-10-31")).count, 0);
}

#[test]
fn lead_time_from_registration_to_decision() {
    let ws = sample();
    // Decided in 2025-Q1: A 01-10 -> 02-09 = 30 days; B 02-01 -> 02-01 = 0 days (decided the
    // day it was registered); C 01-05 -> 03-06 (rejected) = 26 + 28 + 6 = 60 days;
    // F 2024-11-01 -> 2025-01-30 = 29 + 31 + 30 = 90 days. D and E are never decided.
    // Sorted: [0, 30, 60, 90]; mean 180 / 4 = 45; median h = 3 * 0.5 = 1.5 -> 30 + 0.5 * 30
    // = 45; p90 h = 3 * 0.9 = 2.7 -> 60 + 0.7 * 30 = 81; max 90.
    let s = lead_time(&ws, per("2025-Q1"), LeadTimeOptions::default());
    assert_eq!(s.count, 4);
    let order: Vec<(&str, i64)> = s.files.iter().map(|f| (f.project.as_str(), f.days)).collect();
    assert_eq!(order, [("B", 0), ("A", 30), ("C", 60), ("F", 90)]);
    assert_eq!(s.mean_days, Some(45.0));
    assert_eq!(s.median_days, Some(45.0));
    assert!((s.p90_days.unwrap() - 81.0).abs() < 1e-9);
    assert_eq!(s.max_days, Some(90));
    assert!(s.excluded.is_empty());

    // An empty period: no statistic at all (not 0).
    let empty = lead_time(&ws, per("2025-Q2"), LeadTimeOptions::default());
    assert_eq!(empty.count, 0);
    assert_eq!(
        (empty.mean_days, empty.median_days, empty.p90_days, empty.max_days),
        (None, None, None, None)
    );

    // A single file (F is the only one decided in 2025-01): every statistic is its 90 days.
    let one = lead_time(&ws, per("2025-01"), LeadTimeOptions::default());
    assert_eq!(
        (one.count, one.mean_days, one.median_days, one.p90_days),
        (1, Some(90.0), Some(90.0), Some(90.0))
    );
}

#[test]
fn lead_time_from_the_complete_file() {
    let ws = sample();
    // Start at "complete": A 01-20 -> 02-09 = 20; C 02-04 -> 03-06 = 24 + 6 = 30. B and F have
    // no complete date: excluded, with the reason. Two files [20, 30]: mean 25, median
    // h = 0.5 -> 25, p90 h = 0.9 -> 20 + 0.9 * 10 = 29.
    let opts = LeadTimeOptions { start: Milestone::Complete, stop: Milestone::Decision };
    let s = lead_time(&ws, per("2025-Q1"), opts);
    assert_eq!(s.count, 2);
    assert_eq!(s.mean_days, Some(25.0));
    assert_eq!(s.median_days, Some(25.0));
    assert!((s.p90_days.unwrap() - 29.0).abs() < 1e-9);
    assert_eq!(s.max_days, Some(30));
    let excluded: Vec<(&str, &str)> =
        s.excluded.iter().map(|e| (e.project.as_str(), e.reason.as_str())).collect();
    assert_eq!(excluded, [("B", "no complete date"), ("F", "no complete date")]);
}

#[test]
fn lead_time_to_another_stop_event() {
    let ws = sample();
    // Registration to start: A 01-10 -> 03-01 = 50 (Q1); B 02-01 -> 04-01 = 59 (Q2).
    let opts = LeadTimeOptions { start: Milestone::Registered, stop: Milestone::Started };
    let q1 = lead_time(&ws, per("2025-Q1"), opts);
    assert_eq!((q1.count, q1.max_days), (1, Some(50)));
    let q2 = lead_time(&ws, per("2025-Q2"), opts);
    assert_eq!((q2.count, q2.mean_days), (1, Some(59.0)));
}

#[test]
fn ten_files_give_the_interpolated_percentiles() {
    // Ten files registered 2025-01-01 and decided 10, 20, ..., 100 days later (all in 2025).
    let mut ws = Workspace::new("Ten");
    for k in 1..=10i64 {
        let reg = day("2025-01-01");
        let dec = reg + chrono::Duration::days(10 * k);
        let mut p = project(&format!("P{k:02}"), "s", &[]);
        p.stages = vec![
            StageEvent { stage: Stage::Registered, date: reg },
            StageEvent { stage: Stage::Approved, date: dec },
        ];
        ws.projects.push(p);
    }
    // [10..100]: mean 550 / 10 = 55; median h = 4.5 -> 50 + 5 = 55; p90 h = 8.1 -> 90 + 1 = 91.
    let s = lead_time(&ws, per("2025"), LeadTimeOptions::default());
    assert_eq!(s.count, 10);
    assert_eq!(s.mean_days, Some(55.0));
    assert_eq!(s.median_days, Some(55.0));
    assert!((s.p90_days.unwrap() - 91.0).abs() < 1e-9);
    assert_eq!(s.max_days, Some(100));
}

#[test]
fn lead_time_ratio_between_two_periods() {
    let ws = sample();
    // 2025-Q1: mean 45, median 45 (above). 2025-Q3: G 10 days, H 20 days: mean 15, median 15.
    // Earlier / later = 45 / 15 = 3 for both ("divided by 3").
    let c = compare_lead_times(&ws, per("2025-Q1"), per("2025-Q3"), LeadTimeOptions::default());
    assert_eq!(c.later.count, 2);
    assert_eq!(c.mean_ratio, Some(3.0));
    assert_eq!(c.median_ratio, Some(3.0));
    assert!(c.notes.is_empty());
    // Against an empty period there is no ratio, and the note says why.
    let none = compare_lead_times(&ws, per("2025-Q1"), per("2025-Q2"), LeadTimeOptions::default());
    assert_eq!((none.mean_ratio, none.median_ratio), (None, None));
    let why = LeadTimeNote::NoFiles { period: per("2025-Q2"), stop: Milestone::Decision, through: None };
    assert_eq!(none.notes, vec![why]);
    assert_eq!(why.text(Locale::En), "no files reached decision in 2025-Q2");
    assert_eq!(
        why.text(Locale::Fr),
        "aucun dossier n’a atteint l’étape «\u{a0}décision\u{a0}» en T2\u{a0}2025"
    );
    assert_eq!(
        serde_json::to_value(why).unwrap(),
        serde_json::json!({"code": "no_files", "period": "2025-Q2", "stop": "decision", "through": null})
    );
    let cut = LeadTimeNote::NoFiles {
        period: per("2025-Q2"),
        stop: Milestone::Decision,
        through: Some(day("2025-05-15")),
    };
    assert_eq!(
        serde_json::to_string(&cut).unwrap(),
        r#"{"code":"no_files","period":"2025-Q2","stop":"decision","through":"2025-05-15"}"#
    );
    assert_eq!(serde_json::from_str::<LeadTimeNote>(&serde_json::to_string(&cut).unwrap()).unwrap(), cut);
    // A later median of 0 days (B alone, decided on its registration day, in 2025-02).
    let zero = compare_lead_times(&ws, per("2025-01"), per("2025-02"), LeadTimeOptions::default());
    // 2025-02 holds A (30) and B (0): mean 15, median 15; 2025-01 holds F (90): ratio 6.
    assert_eq!(zero.mean_ratio, Some(6.0));
    let only_b = {
        let mut w = ws.clone();
        w.projects.retain(|p| p.id != "A");
        compare_lead_times(&w, per("2025-01"), per("2025-02"), LeadTimeOptions::default())
    };
    assert_eq!(only_b.mean_ratio, None);
    // the median of B alone is 0 days too: both ratios missing, each said
    assert_eq!(only_b.notes, vec![LeadTimeNote::ZeroMean, LeadTimeNote::ZeroMedian]);
    assert_eq!(LeadTimeNote::ZeroMean.text(Locale::En), "the later mean is 0 days: no ratio");
    // the JSON (serialised by hand) reads back as the same codes
    let json = serde_json::to_string(&only_b.notes).unwrap();
    assert_eq!(json, r#"[{"code":"zero_mean"},{"code":"zero_median"}]"#);
    assert_eq!(serde_json::from_str::<Vec<LeadTimeNote>>(&json).unwrap(), only_b.notes);
}

#[test]
fn throughput_counts_decisions_and_deliveries() {
    let ws = sample();
    // 2025-Q1: registered A, B, C, D (F was registered in 2024); approved A, B, F; rejected C;
    // nothing delivered.
    let t = throughput(&ws, per("2025-Q1"));
    assert_eq!(ids(&t.registered), ["A", "B", "C", "D"]);
    assert_eq!(ids(&t.approved), ["A", "B", "F"]);
    assert_eq!(ids(&t.rejected), ["C"]);
    assert_eq!(t.decisions(), 4);
    assert!(t.delivered.is_empty());
    // 2025-Q2: E registered, A delivered (06-30), no decision. 2025-Q3: B delivered; G, H approved.
    let q2 = throughput(&ws, per("2025-Q2"));
    assert_eq!((ids(&q2.registered), ids(&q2.delivered), q2.decisions()), (vec!["E"], vec!["A"], 0));
    let q3 = throughput(&ws, per("2025-Q3"));
    assert_eq!((ids(&q3.delivered), q3.decisions()), (vec!["B"], 2));
}

#[test]
fn work_in_progress_and_ageing_of_open_files() {
    let ws = sample();
    // On 2025-05-14 the open files are A B D E F (see the caseload test).
    let w = work_in_progress(&ws, day("2025-05-14"));
    assert_eq!(w.by_stage.get(&Stage::Started).map(|v| ids(v)), Some(vec!["A", "B"]));
    assert_eq!(w.by_stage.get(&Stage::Registered).map(|v| ids(v)), Some(vec!["D"]));
    assert_eq!(w.by_stage.get(&Stage::Complete).map(|v| ids(v)), Some(vec!["E"]));
    assert_eq!(w.by_stage.get(&Stage::Approved).map(|v| ids(v)), Some(vec!["F"]));
    // Days to 2025-05-14, since registration / since the current stage:
    // F: 2024-11-01 -> 29 + 31 + 31 + 28 + 31 + 30 + 14 = 194; approved 01-30 -> 1 + 28 + 31 + 30 + 14 = 104.
    // A: 01-10 -> 21 + 28 + 31 + 30 + 14 = 124; started 03-01 -> 30 + 30 + 14 = 74.
    // B: 02-01 -> 27 + 31 + 30 + 14 = 102; started 04-01 -> 29 + 14 = 43.
    // D: 03-01 -> 74; still registered -> 74.
    // E: 04-10 -> 20 + 14 = 34; complete 04-20 -> 10 + 14 = 24.
    let a = ageing(&ws, day("2025-05-14"));
    let got: Vec<(&str, i64, i64, Stage)> =
        a.iter().map(|f| (f.project.as_str(), f.days_since_registration, f.days_in_stage, f.stage)).collect();
    assert_eq!(
        got,
        [
            ("F", 194, 104, Stage::Approved),
            ("A", 124, 74, Stage::Started),
            ("B", 102, 43, Stage::Started),
            ("D", 74, 74, Stage::Registered),
            ("E", 34, 24, Stage::Complete),
        ]
    );
}

#[test]
fn delivery_on_time_and_on_budget() {
    let ws = sample();
    // A delivered 06-30 for 06-30: on time (0 days late), 110 000 for 100 000: +10 000, +0.1.
    // B delivered 09-15 for 08-31: 15 days late, 45 000 for 50 000: -5 000, -0.1.
    // Rate 1 / 2 = 0.5. Totals: planned 150 000, actual 155 000, variance 5 000,
    // relative 5 000 / 150 000 = 0.03333 -> 0.0333.
    let d = delivery(&ws, None);
    assert_eq!(d.projects.len(), 2);
    let a = &d.projects[0];
    assert_eq!((a.project.as_str(), a.on_time, a.days_late), ("A", Some(true), Some(0)));
    assert_eq!((a.variance, a.relative_variance), (Some(eur(10_000)), Some(Decimal::new(1, 1))));
    let b = &d.projects[1];
    assert_eq!((b.project.as_str(), b.on_time, b.days_late), ("B", Some(false), Some(15)));
    assert_eq!((b.variance, b.relative_variance), (Some(eur(-5_000)), Some(Decimal::new(-1, 1))));
    assert_eq!((d.with_planned_end, d.on_time, d.on_time_rate), (2, 1, Some(Decimal::new(5, 1))));
    assert_eq!(
        (d.planned_total, d.actual_total, d.variance_total),
        (Some(eur(150_000)), Some(eur(155_000)), Some(eur(5_000)))
    );
    assert_eq!(d.relative_variance_total, Some(Decimal::new(333, 4)));
    // Per period: Q3 holds only B (late): rate 0. Q1 delivers nothing: no rate.
    assert_eq!(delivery(&ws, Some(per("2025-Q3"))).on_time_rate, Some(Decimal::ZERO));
    assert_eq!(delivery(&ws, Some(per("2025-Q1"))).on_time_rate, None);
}

#[test]
fn value_of_the_active_portfolio() {
    let ws = sample();
    // Active on 2025-03-31: A 100 000, B 50 000, D 30 000, F (no planned cost).
    let v = portfolio_value(&ws, day("2025-03-31"));
    assert_eq!(v.total, Some(eur(180_000)));
    assert_eq!(ids(&v.projects), ["A", "B", "D"]);
    assert_eq!(ids(&v.without_planned_cost), ["F"]);
    assert_eq!(v.by_lead_service.get("urb"), Some(&Some(eur(100_000))));
    assert_eq!(v.by_lead_service.get("eco"), Some(&Some(eur(50_000))));
    assert_eq!(v.by_lead_service.get("fin"), Some(&Some(eur(30_000))));
    // o1: A + B = 150 000; o2: B = 50 000; D serves no objective: 30 000.
    assert_eq!(v.by_objective.get("o1"), Some(&Some(eur(150_000))));
    assert_eq!(v.by_objective.get("o2"), Some(&Some(eur(50_000))));
    assert_eq!(v.without_objective, Some(eur(30_000)));
}

#[test]
fn transversality_share_and_service_pairs() {
    let ws = sample();
    // Active on 2025-03-31: A (urb+eco), B, D, F: 1 of 4 -> 0.25; one pair (eco, urb) on A.
    let t = transversality(&ws, Some(day("2025-03-31")));
    assert_eq!((t.projects, ids(&t.transversal), t.share), (4, vec!["A"], Some(Decimal::new(25, 2))));
    assert_eq!(t.pairs.len(), 1);
    // Every project: A, C, E of 8 are transversal -> 3 / 8 = 0.375. Pairs: A, C and E share
    // (eco, urb) = 3; C alone gives (eco, fin) and (fin, urb) = 1 each, in (a, b) order.
    let all = transversality(&ws, None);
    assert_eq!((all.projects, all.share), (8, Some(Decimal::new(375, 3))));
    let pairs: Vec<(&str, &str, usize)> =
        all.pairs.iter().map(|p| (p.a.as_str(), p.b.as_str(), p.projects.len())).collect();
    assert_eq!(pairs, [("eco", "urb", 3), ("eco", "fin", 1), ("fin", "urb", 1)]);
    // No active file: no share.
    assert_eq!(transversality(&ws, Some(day("2020-01-01"))).share, None);
}

#[test]
fn results_round_trip_through_json() {
    let ws = sample();
    let c = caseload(&ws, day("2025-03-31"));
    let json = serde_json::to_string(&c).unwrap();
    assert!(json.contains("\"by_stage\":{\"registered\":1,\"approved\":2,\"started\":1}"), "{json}");
    assert_eq!(serde_json::from_str::<portfolio::Caseload>(&json).unwrap(), c);
    let s = lead_time(&ws, per("2025-Q1"), LeadTimeOptions::default());
    assert_eq!(
        serde_json::from_str::<portfolio::LeadTimeStats>(&serde_json::to_string(&s).unwrap()).unwrap(),
        s
    );
}

#[test]
fn metric_series_for_the_portfolio_metrics() {
    let ws = sample();
    let periods = [per("2025-Q1"), per("2025-Q2")];
    let values =
        |m: Metric| -> Vec<Option<f64>> { series(&ws, m, &periods).into_iter().map(|p| p.value).collect() };

    // Caseload at 03-31: A B D F; at 06-30: A B E F (C closed, D abandoned).
    let caseload = series(&ws, Metric::ActiveCaseload, &periods);
    assert_eq!(caseload[0].value, Some(4.0));
    assert_eq!(caseload[1].records, ["A", "B", "E", "F"]);
    assert_eq!(caseload[0].basis, pilotage::engine::derived::MetricBasis::Counted { count: 4 });

    assert_eq!(values(Metric::FilesRegistered), [Some(4.0), Some(1.0)]);
    let decided = series(&ws, Metric::FilesDecided, &periods);
    assert_eq!(decided[0].value, Some(4.0));
    assert_eq!(decided[0].records, ["A", "B", "F", "C"]);
    assert_eq!(decided[0].basis, pilotage::engine::derived::MetricBasis::Counted { count: 4 });
    // A count over nothing is a real 0, and says so.
    assert_eq!(decided[1].value, Some(0.0));
    assert_eq!(decided[1].basis, pilotage::engine::derived::MetricBasis::Counted { count: 0 });

    // Lead times of Q1: mean 45, median 45, p90 81; Q2 has no decided file: no value.
    let mean = series(&ws, Metric::MeanInstructionDays, &periods);
    assert_eq!(mean[0].value, Some(45.0));
    assert_eq!(mean[0].records, ["B", "A", "C", "F"]);
    assert_eq!(mean[0].basis, pilotage::engine::derived::MetricBasis::Counted { count: 4 });
    assert_eq!(mean[1].value, None);
    assert_eq!(mean[1].basis, pilotage::engine::derived::MetricBasis::NoRecords);
    let median = series(&ws, Metric::MedianInstructionDays, &periods);
    assert_eq!(median[0].value, Some(45.0));
    assert_eq!(median[0].basis, pilotage::engine::derived::MetricBasis::Counted { count: 4 });
    let p90 = series(&ws, Metric::P90InstructionDays, &periods);
    assert!((p90[0].value.unwrap() - 81.0).abs() < 1e-9);
    assert_eq!(p90[1].value, None);

    // Deliveries: none in Q1, A in Q2.
    assert_eq!(values(Metric::Deliveries), [Some(0.0), Some(1.0)]);
    // On time: Q1 nothing delivered -> no value; Q2 A on time -> 100; Q3 B late -> 0.
    let on_time = series(&ws, Metric::OnTimeDeliveryRate, &[per("2025-Q1"), per("2025-Q2"), per("2025-Q3")]);
    assert_eq!(on_time.iter().map(|p| p.value).collect::<Vec<_>>(), [None, Some(100.0), Some(0.0)]);
    assert_eq!(on_time[0].basis, pilotage::engine::derived::MetricBasis::NoRecords);
    assert_eq!(on_time[2].records, ["B"]);

    // Value at 03-31: 180 000 (A B D); at 06-30: A 100 000 + B 50 000 + E 200 000 = 350 000.
    assert_eq!(values(Metric::PortfolioValue), [Some(180_000.0), Some(350_000.0)]);
    // Transversal share at 03-31: 1 of 4 = 25 %; at 06-30: A and E of A B E F = 50 %.
    let tr = series(&ws, Metric::TransversalShare, &periods);
    assert_eq!((tr[0].value, tr[1].value), (Some(25.0), Some(50.0)));
    assert_eq!(tr[1].records, ["A", "E"]);
    // Before any record: no share (not 0), and the basis says nothing is known yet.
    let early = series(&ws, Metric::TransversalShare, &[per("2024-Q1")]);
    assert_eq!(early[0].value, None);
    assert_eq!(
        early[0].basis,
        pilotage::engine::derived::MetricBasis::BeforeRecords {
            end: chrono::NaiveDate::from_ymd_opt(2024, 3, 31).unwrap()
        }
    );
}

proptest! {
    #[test]
    fn percentiles_are_monotone_and_bounded(mut xs in prop::collection::vec(0i64..1000, 1..40), p in 0.0f64..=1.0, q in 0.0f64..=1.0) {
        xs.sort();
        let v: Vec<f64> = xs.iter().map(|&x| x as f64).collect();
        let (lo, hi) = if p <= q { (p, q) } else { (q, p) };
        let a = percentile(&v, lo).unwrap();
        let b = percentile(&v, hi).unwrap();
        prop_assert!(a <= b + 1e-9);
        prop_assert!(v[0] - 1e-9 <= a && b <= v[v.len() - 1] + 1e-9);
    }

    #[test]
    fn caseload_splits_add_up(offset in 0i64..400) {
        let ws = sample();
        let date = day("2024-10-01") + chrono::Duration::days(offset);
        let c = caseload(&ws, date);
        prop_assert_eq!(c.by_stage.values().sum::<usize>(), c.count);
        prop_assert_eq!(c.by_lead_service.values().sum::<usize>(), c.count);
        let w = work_in_progress(&ws, date);
        prop_assert_eq!(w.by_stage.values().map(Vec::len).sum::<usize>(), c.count);
        prop_assert_eq!(ageing(&ws, date).len(), c.count);
    }
}
