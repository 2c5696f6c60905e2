//! Partnership analytics on a small hand-built network; every expected figure is worked out
//! by hand in the comments.

#![allow(clippy::unwrap_used)] // test helpers parse literal dates and periods

mod common;

use common::{day, eur, p as per};
use pilotage::analytics::partnership::{
    FinanceArgs, FinanceOptions, FundsScope, LeverageDefinition, ProjectScope, compare_capacity,
    concentration, funds, investment_capacity, outstanding, partner_counts, portfolio_finance,
    project_finance,
};
use pilotage::engine::derived::series;
use pilotage::{
    Commitment, CommitmentStep, FundingKind, FundingStatus, Metric, Partner, PartnerKind, Project, Stage,
    StageEvent, Workspace,
};
use rust_decimal::Decimal;

fn partner(id: &str, kind: PartnerKind, joined: Option<&str>) -> Partner {
    Partner { id: id.into(), name: id.to_uppercase(), kind, joined: joined.map(day) }
}

fn project(id: &str, stages: &[(Stage, &str)], planned: i64, own: i64) -> Project {
    Project {
        id: id.into(),
        title: id.into(),
        lead_service: "dadi".into(),
        contributing_services: Vec::new(),
        objectives: Vec::new(),
        stages: stages.iter().map(|&(stage, d)| StageEvent { stage, date: day(d) }).collect(),
        planned_cost: Some(eur(planned)),
        actual_cost: None,
        planned_end: None,
        own_funds: Some(eur(own)),
    }
}

fn commitment(
    id: &str,
    partner: &str,
    project: &str,
    kind: FundingKind,
    steps: &[(FundingStatus, &str, i64)],
) -> Commitment {
    Commitment {
        id: id.into(),
        partner: partner.into(),
        project: Some(project.into()),
        kind,
        steps: steps
            .iter()
            .map(|&(status, d, a)| CommitmentStep { status, date: day(d), amount: eur(a) })
            .collect(),
    }
}

/// Partners: reg (region, joined 2024-06-01), eu (EU, 2025-02-15), bank (bank, 2025-03-10, no
/// commitment at all), co (company, no joining date), late (association, 2026-01-10).
///
/// Projects (planned cost / own funds): P1 1 000 000 / 200 000, approved 2025-02-01, started
/// 2025-04-01; P2 500 000 / 0, approved 2025-05-01, not started; P3 300 000 / 100 000,
/// approved 2024-03-01, started 2024-06-01.
///
/// Commitments:
/// - c1 reg -> P1 grant: pledged 2025-01-10 400 000; signed 2025-03-01 300 000; received in two
///   tranches, 2025-05-01 100 000 and 2025-08-01 150 000.
/// - c2 eu -> P1 grant: pledged 2025-02-20 500 000; signed 2025-04-15 500 000.
/// - c3 co -> P2 sponsorship: signed 2025-06-01 100 000 (never pledged); received 2025-06-20 100 000.
/// - c4 reg -> P3 loan: pledged 2024-01-15, signed 2024-02-01, received 2024-07-01, 50 000 each.
fn sample() -> Workspace {
    use FundingStatus::*;
    use Stage::*;
    let mut ws = Workspace::new("Test city");
    ws.partners = vec![
        partner("reg", PartnerKind::Region, Some("2024-06-01")),
        partner("eu", PartnerKind::Eu, Some("2025-02-15")),
        partner("bank", PartnerKind::Bank, Some("2025-03-10")),
        partner("co", PartnerKind::Company, None),
        partner("late", PartnerKind::Association, Some("2026-01-10")),
    ];
    ws.projects = vec![
        project(
            "P1",
            &[(Registered, "2024-12-01"), (Approved, "2025-02-01"), (Started, "2025-04-01")],
            1_000_000,
            200_000,
        ),
        project("P2", &[(Registered, "2025-03-01"), (Approved, "2025-05-01")], 500_000, 0),
        project(
            "P3",
            &[(Registered, "2024-01-01"), (Approved, "2024-03-01"), (Started, "2024-06-01")],
            300_000,
            100_000,
        ),
    ];
    ws.commitments = vec![
        commitment(
            "c1",
            "reg",
            "P1",
            FundingKind::Grant,
            &[
                (Pledged, "2025-01-10", 400_000),
                (Signed, "2025-03-01", 300_000),
                (Received, "2025-05-01", 100_000),
                (Received, "2025-08-01", 150_000),
            ],
        ),
        commitment(
            "c2",
            "eu",
            "P1",
            FundingKind::Grant,
            &[(Pledged, "2025-02-20", 500_000), (Signed, "2025-04-15", 500_000)],
        ),
        commitment(
            "c3",
            "co",
            "P2",
            FundingKind::Sponsorship,
            &[(Signed, "2025-06-01", 100_000), (Received, "2025-06-20", 100_000)],
        ),
        commitment(
            "c4",
            "reg",
            "P3",
            FundingKind::Loan,
            &[
                (Pledged, "2024-01-15", 50_000),
                (Signed, "2024-02-01", 50_000),
                (Received, "2024-07-01", 50_000),
            ],
        ),
    ];
    ws
}

fn ids(v: &[String]) -> Vec<&str> {
    v.iter().map(String::as_str).collect()
}

#[test]
fn partners_total_new_active_and_by_kind() {
    let ws = sample();
    // 2025: members reg, eu, bank, co (undated counts; late joins in 2026); new eu, bank;
    // active (a step dated in 2025) reg (c1), eu (c2), co (c3). bank has no commitment.
    let c = partner_counts(&ws, per("2025"));
    assert_eq!(ids(&c.members), ["reg", "eu", "bank", "co"]);
    assert_eq!(ids(&c.undated), ["co"]);
    assert_eq!(ids(&c.new), ["eu", "bank"]);
    assert_eq!(ids(&c.active), ["reg", "eu", "co"]);
    assert_eq!(ids(&c.without_commitment), ["bank"]);
    let k = |kind| c.by_kind.get(&kind).map(|k| (k.total, k.new, k.active));
    assert_eq!(k(PartnerKind::Region), Some((1, 0, 1)));
    assert_eq!(k(PartnerKind::Eu), Some((1, 1, 1)));
    assert_eq!(k(PartnerKind::Bank), Some((1, 1, 0)));
    assert_eq!(k(PartnerKind::Company), Some((1, 0, 1)));
    assert_eq!(k(PartnerKind::Association), None);
    // 2025-Q1: co has no step in Q1 (c3 is in June): active reg, eu only.
    assert_eq!(ids(&partner_counts(&ws, per("2025-Q1")).active), ["reg", "eu"]);
    // 2026: late joins.
    let y26 = partner_counts(&ws, per("2026"));
    assert_eq!((y26.members.len(), ids(&y26.new)), (5, vec!["late"]));
}

#[test]
fn funds_by_status_within_a_period_and_as_of_a_date() {
    let ws = sample();
    // Within 2025: pledged 400 000 + 500 000 = 900 000; signed 300 000 + 500 000 + 100 000 =
    // 900 000; received 100 000 + 150 000 (two tranches of c1) + 100 000 = 350 000.
    let f = funds(&ws, FundsScope::Within(per("2025")));
    assert_eq!(
        (f.total.pledged, f.total.signed, f.total.received),
        (Some(eur(900_000)), Some(eur(900_000)), Some(eur(350_000)))
    );
    // By kind: grants pledged 900 000, signed 800 000, received 250 000; sponsorship signed
    // and received 100 000; the loan has no 2025 step.
    let grant = f.by_kind[&FundingKind::Grant];
    assert_eq!(
        (grant.pledged, grant.signed, grant.received),
        (Some(eur(900_000)), Some(eur(800_000)), Some(eur(250_000)))
    );
    let sp = f.by_kind[&FundingKind::Sponsorship];
    assert_eq!((sp.pledged, sp.signed, sp.received), (Some(eur(0)), Some(eur(100_000)), Some(eur(100_000))));
    assert!(!f.by_kind.contains_key(&FundingKind::Loan));
    // By kind of partner: region 400 000 / 300 000 / 250 000.
    assert_eq!(f.by_partner_kind[&PartnerKind::Region].received, Some(eur(250_000)));
    assert_eq!(ids(&f.commitments), ["c1", "c2", "c3"]);

    // As of 2025-06-30: pledged 400 + 500 + 50 = 950 000; signed 300 + 500 + 100 + 50 =
    // 950 000; received 100 (c1 first tranche) + 100 (c3) + 50 (c4) = 250 000.
    let s = funds(&ws, FundsScope::AsOf(day("2025-06-30")));
    assert_eq!(
        (s.total.pledged, s.total.signed, s.total.received),
        (Some(eur(950_000)), Some(eur(950_000)), Some(eur(250_000)))
    );
    // Partial tranches: Q3 holds only c1's second tranche, 150 000 received.
    let q3 = funds(&ws, FundsScope::Within(per("2025-Q3")));
    assert_eq!((q3.total.signed, q3.total.received), (Some(eur(0)), Some(eur(150_000))));
}

#[test]
fn pledged_not_signed_and_signed_not_received() {
    let ws = sample();
    // As of 2025-06-30: c1 pledged 400 signed 300 -> 100 000 not signed; received 100 -> 200 000
    // not received. c2 pledged = signed 500 -> 0; nothing received -> 500 000. c3 signed 100
    // received 100 (never pledged: no gap); c4 complete. Totals 100 000 and 700 000.
    let o = outstanding(&ws, day("2025-06-30"));
    assert_eq!((o.pledged_not_signed, o.signed_not_received), (Some(eur(100_000)), Some(eur(700_000))));
    let per_c: Vec<(&str, Option<Decimal>, Option<Decimal>)> = o
        .commitments
        .iter()
        .map(|g| (g.commitment.as_str(), g.pledged_not_signed, g.signed_not_received))
        .collect();
    assert_eq!(
        per_c,
        [("c1", Some(eur(100_000)), Some(eur(200_000))), ("c2", Some(eur(0)), Some(eur(500_000)))]
    );
    // By year end the second tranche of c1 is in: 300 - 250 = 50 000 still to receive from c1.
    let end = outstanding(&ws, day("2025-12-31"));
    assert_eq!((end.pledged_not_signed, end.signed_not_received), (Some(eur(100_000)), Some(eur(550_000))));
}

#[test]
fn cofinancing_and_leverage_per_project() {
    let ws = sample();
    // P1: external signed 300 000 + 500 000 = 800 000, own 200 000, cost 1 000 000.
    // Co-financing 800 / 1000 = 0.8; leverage external / own = 4; total / own = 1000 / 200 = 5.
    let p1 = project_finance(&ws, "P1", FinanceOptions::default()).unwrap();
    assert_eq!(p1.external.signed, Some(eur(800_000)));
    assert_eq!(p1.cofinancing_rate, Some(Decimal::new(8, 1)));
    assert_eq!(p1.leverage.definition, LeverageDefinition::ExternalOverOwn);
    assert_eq!(p1.leverage.formula, "external funds / own funds");
    assert_eq!(p1.leverage.value, Some(eur(4)));
    let total = FinanceOptions { leverage: LeverageDefinition::TotalOverOwn, ..FinanceOptions::default() };
    let p1t = project_finance(&ws, "P1", total).unwrap();
    assert_eq!(
        (p1t.leverage.definition, p1t.leverage.value),
        (LeverageDefinition::TotalOverOwn, Some(eur(5)))
    );
    // On received funds instead: 100 000 + 150 000 = 250 000 -> 250 / 200 = 1.25.
    let received = FinanceOptions { basis: FundingStatus::Received, ..FinanceOptions::default() };
    assert_eq!(project_finance(&ws, "P1", received).unwrap().leverage.value, Some(Decimal::new(125, 2)));

    // P2 has zero own funds: leverage undefined, and the result says why. Co-financing
    // 100 / 500 = 0.2 is still defined.
    let p2 = project_finance(&ws, "P2", FinanceOptions::default()).unwrap();
    assert_eq!(p2.leverage.value, None);
    assert_eq!(
        p2.leverage.undefined_reason,
        Some(pilotage::analytics::partnership::LeverageUndefined::ZeroOwnFunds)
    );
    assert_eq!(p2.cofinancing_rate, Some(Decimal::new(2, 1)));
    // P3: 50 / 300 = 0.16666 -> 0.1667 (4 places, half away from zero); leverage 50 / 100 = 0.5.
    let p3 = project_finance(&ws, "P3", FinanceOptions::default()).unwrap();
    assert_eq!(
        (p3.cofinancing_rate, p3.leverage.value),
        (Some(Decimal::new(1667, 4)), Some(Decimal::new(5, 1)))
    );
    assert!(matches!(
        project_finance(&ws, "nope", FinanceOptions::default()),
        Err(pilotage::Error::NotFound { what: "project", .. })
    ));
}

#[test]
fn cofinancing_and_leverage_per_period_and_overall() {
    let ws = sample();
    // Overall: cost 1 800 000, own 300 000, external 950 000. Co-financing 950 / 1800 =
    // 0.52777 -> 0.5278; leverage 950 / 300 = 3.16666 -> 3.1667; total/own 1250 / 300 = 4.1667.
    let all = portfolio_finance(&ws, ProjectScope::All, FinanceOptions::default());
    assert_eq!(
        (all.planned_cost, all.own, all.external),
        (Some(eur(1_800_000)), Some(eur(300_000)), Some(eur(950_000)))
    );
    assert_eq!(all.cofinancing_rate, Some(Decimal::new(5278, 4)));
    assert_eq!(all.leverage.value, Some(Decimal::new(31667, 4)));
    let total = FinanceOptions { leverage: LeverageDefinition::TotalOverOwn, ..FinanceOptions::default() };
    assert_eq!(portfolio_finance(&ws, ProjectScope::All, total).leverage.value, Some(Decimal::new(41667, 4)));
    // Approved in 2025: P1 and P2: own 200 000, external 900 000 -> 4.5; cost 1 500 000 -> 0.6.
    let y25 = portfolio_finance(&ws, ProjectScope::ApprovedIn(per("2025")), FinanceOptions::default());
    assert_eq!(
        (y25.leverage.value, y25.cofinancing_rate),
        (Some(Decimal::new(45, 1)), Some(Decimal::new(6, 1)))
    );
    // Approved in 2025-Q2: P2 alone, zero own funds: undefined, with its reason.
    let q2 = portfolio_finance(&ws, ProjectScope::ApprovedIn(per("2025-Q2")), FinanceOptions::default());
    assert_eq!(q2.leverage.value, None);
    assert!(q2.leverage.undefined_reason.is_some());
    // Approved by 2025-03-31 with steps to that day: P1 (signed 300 000 by then) and P3
    // (50 000): 350 / 300 = 1.16666 -> 1.1667.
    let opts = FinanceOptions { as_of: Some(day("2025-03-31")), ..FinanceOptions::default() };
    let q1 = portfolio_finance(&ws, ProjectScope::ApprovedBy(day("2025-03-31")), opts);
    assert_eq!(q1.leverage.value, Some(Decimal::new(11667, 4)));
    let json = serde_json::to_string(&q1.leverage).unwrap();
    assert!(json.contains("\"definition\":\"external_over_own\""), "{json}");
}

#[test]
fn concentration_of_signed_funds() {
    let ws = sample();
    // Signed: eu 500 000; reg 300 000 + 50 000 = 350 000; co 100 000; total 950 000 (bank none).
    // Top 2: 850 / 950 = 0.89473 -> 0.8947. Herfindahl: (500^2 + 350^2 + 100^2) / 950^2 =
    // 382 500 / 902 500 = 0.42382 -> 0.4238.
    let c = concentration(&ws, 2, None);
    let order: Vec<(&str, Option<Decimal>, Option<Decimal>)> =
        c.partners.iter().map(|p| (p.partner.as_str(), p.amount, p.share)).collect();
    assert_eq!(
        order,
        [
            ("eu", Some(eur(500_000)), Some(Decimal::new(5263, 4))),
            ("reg", Some(eur(350_000)), Some(Decimal::new(3684, 4))),
            ("co", Some(eur(100_000)), Some(Decimal::new(1053, 4))),
        ]
    );
    assert_eq!(c.total, Some(eur(950_000)));
    assert_eq!(c.top_share, Some(Decimal::new(8947, 4)));
    assert_eq!(c.herfindahl, Some(Decimal::new(4238, 4)));
    // As of 2024-12-31 only reg has signed (c4): one partner holds everything, HHI 1.
    let early = concentration(&ws, 2, Some(day("2024-12-31")));
    assert_eq!((early.top_share, early.herfindahl), (Some(Decimal::ONE), Some(Decimal::ONE)));
    // Before anything is signed: no shares at all.
    let none = concentration(&ws, 2, Some(day("2023-12-31")));
    assert_eq!((none.total, none.top_share, none.herfindahl), (Some(eur(0)), None, None));
}

#[test]
fn investment_capacity_per_year_and_its_ratio() {
    let ws = sample();
    // A project's year is that of its start, else its approval. 2025: P1 (started 2025-04-01)
    // and P2 (approved 2025-05-01, not started): own 200 000 + 0, external 800 000 + 100 000:
    // total 1 100 000. 2024: P3 (started 2024-06-01): 100 000 + 50 000 = 150 000.
    let y25 = investment_capacity(&ws, per("2025"), FinanceOptions::default());
    assert_eq!(
        (y25.own, y25.external, y25.total),
        (Some(eur(200_000)), Some(eur(900_000)), Some(eur(1_100_000)))
    );
    assert_eq!(ids(&y25.projects), ["P1", "P2"]);
    // Ratio later / earlier: 1 100 000 / 150 000 = 7.3333.
    let cmp = compare_capacity(&ws, per("2024"), per("2025"), FinanceOptions::default());
    assert_eq!(cmp.ratio, Some(Decimal::new(73333, 4)));
    // Against a year with no project: no ratio, and a note.
    let none = compare_capacity(&ws, per("2023"), per("2025"), FinanceOptions::default());
    assert_eq!(none.ratio, None);
    let why = none.note.unwrap();
    assert_eq!(
        why,
        pilotage::analytics::partnership::NoRatio::NoInvestment { period: "2023".parse().unwrap() }
    );
    assert_eq!(why.text(pilotage::locale::Locale::En), "no investment in 2023: no ratio");
    assert_eq!(why.text(pilotage::locale::Locale::Fr), "aucun investissement en 2023\u{a0}: pas de rapport");

    // A fiscal year starting in July: fiscal 2024 runs 2024-07-01 to 2025-06-30 and holds P1
    // (2025-04-01) and P2 (2025-05-01); P3 (2024-06-01) falls in fiscal 2023.
    let mut july = ws.clone();
    july.fiscal_year_start_month = 7;
    assert_eq!(
        investment_capacity(&july, per("2024"), FinanceOptions::default()).total,
        Some(eur(1_100_000))
    );
    assert_eq!(investment_capacity(&july, per("2023"), FinanceOptions::default()).total, Some(eur(150_000)));
}

#[test]
fn metric_series_for_the_partnership_metrics() {
    let ws = sample();
    let q = [per("2025-Q1"), per("2025-Q2")];
    let values =
        |m: Metric| -> Vec<Option<f64>> { series(&ws, m, &q).into_iter().map(|p| p.value).collect() };

    // Members by 03-31 and 06-30: reg, eu, bank (03-10), co (undated).
    let count = series(&ws, Metric::PartnerCount, &q);
    assert_eq!((count[0].value, count[1].value), (Some(4.0), Some(4.0)));
    assert_eq!(count[0].records, ["reg", "eu", "bank", "co"]);
    // New: eu and bank in Q1; nobody in Q2 (a real 0, said so).
    let new = series(&ws, Metric::NewPartners, &q);
    assert_eq!((new[0].value, new[1].value), (Some(2.0), Some(0.0)));
    assert_eq!(new[1].basis, pilotage::engine::derived::MetricBasis::Counted { count: 0 });
    // Active: Q1 reg, eu; Q2 reg (tranche 05-01), eu (signed 04-15), co (06-01).
    let active = series(&ws, Metric::ActivePartners, &q);
    assert_eq!(active[1].records, ["reg", "eu", "co"]);
    assert_eq!(values(Metric::ActivePartners), [Some(2.0), Some(3.0)]);

    // Q1: pledged 400 000 + 500 000, signed 300 000, received 0. Q2: pledged 0, signed
    // 500 000 + 100 000, received 100 000 + 100 000.
    assert_eq!(values(Metric::FundsPledged), [Some(900_000.0), Some(0.0)]);
    assert_eq!(values(Metric::FundsSigned), [Some(300_000.0), Some(600_000.0)]);
    assert_eq!(values(Metric::FundsReceived), [Some(0.0), Some(200_000.0)]);
    let signed = series(&ws, Metric::FundsSigned, &q);
    assert_eq!(signed[1].records, ["c1", "c2", "c3"]);
    assert_eq!(signed[1].basis, pilotage::engine::derived::MetricBasis::Counted { count: 3 });
    // Cumulative signed: by 03-31 300 000 + 50 000 (c4); by 06-30 950 000.
    assert_eq!(values(Metric::CumulativeFundsSigned), [Some(350_000.0), Some(950_000.0)]);

    // Leverage by 03-31: P1 and P3, 350 000 / 300 000 = 1.1667. By 06-30: P1 P2 P3 with
    // 950 000 / 300 000 = 3.1667, over the projects approved by then.
    let lev = series(&ws, Metric::Leverage, &q);
    assert_eq!((lev[0].value, lev[1].value), (Some(1.1667), Some(3.1667)));
    assert_eq!(lev[1].records, ["P1", "P2", "P3"]);
    assert_eq!(lev[1].basis, pilotage::engine::derived::MetricBasis::Counted { count: 3 });
    // Nothing approved by 2024-01-31 (P3 is registered on 2024-01-01, approved in March): no value.
    let none = series(&ws, Metric::Leverage, &[per("2024-01")]);
    assert_eq!(none[0].value, None);
    assert_eq!(none[0].basis, pilotage::engine::derived::MetricBasis::NoRecords);
    // 2023 ends before the first record (2024-01-01): nothing is known, so no value either,
    // and the basis says it is not a zero.
    let before = series(&ws, Metric::Leverage, &[per("2023")]);
    assert_eq!(before[0].value, None);
    assert_eq!(
        before[0].basis,
        pilotage::engine::derived::MetricBasis::BeforeRecords {
            end: chrono::NaiveDate::from_ymd_opt(2023, 12, 31).unwrap()
        }
    );
    // Zero own funds: undefined, and the basis says so.
    let mut no_own = ws.clone();
    for p in &mut no_own.projects {
        p.own_funds = Some(Decimal::ZERO);
    }
    let zero = series(&no_own, Metric::Leverage, &q);
    assert_eq!(zero[1].value, None);
    assert_eq!(zero[1].basis, pilotage::engine::derived::MetricBasis::Undefined { count: 3 });

    // Co-financing by 03-31: P1 300 000 + P3 50 000 over 1 300 000 = 0.26923 -> 0.2692 = 26.92 %.
    // By 06-30: 950 000 / 1 800 000 = 0.5278 -> 52.78 %.
    assert_eq!(values(Metric::CofinancingRate), [Some(26.92), Some(52.78)]);

    // Investment capacity: 2023 ends before the records (no value), 2024 150 000, 2025
    // 1 100 000; 2024-Q3 has no project dated in it (P3 started in June): a real 0, said so.
    let cap =
        series(&ws, Metric::InvestmentCapacity, &[per("2023"), per("2024"), per("2025"), per("2024-Q3")]);
    assert_eq!(
        cap.iter().map(|p| p.value).collect::<Vec<_>>(),
        [None, Some(150_000.0), Some(1_100_000.0), Some(0.0)]
    );
    assert_eq!(cap[2].records, ["P1", "P2"]);
    assert_eq!(cap[3].basis, pilotage::engine::derived::MetricBasis::Counted { count: 0 });
}

/// The portfolio and capacity figures index commitments by project and partners by id once
/// per call; on the sample city (150 projects, 240 commitments, 215 partners) they must give
/// exactly what the one-project path (a scan of every commitment) and hand sums give.
#[test]
fn indexed_portfolio_figures_equal_the_per_project_scan() {
    let ws = pilotage::sample::city();
    let options = FinanceOptions { as_of: Some(day("2025-12-31")), ..FinanceOptions::default() };
    let all = portfolio_finance(&ws, ProjectScope::All, options);
    assert_eq!(all.projects.len(), ws.projects.len());
    for pf in &all.projects {
        assert_eq!(Some(pf), project_finance(&ws, &pf.project, options).ok().as_ref());
    }
    // capacity of 2025: the projects dated in 2025, their own + external funds, one by one
    let cap = investment_capacity(&ws, per("2025"), options);
    let mut own = Decimal::ZERO;
    let mut external = Decimal::ZERO;
    for id in &cap.projects {
        let pf = project_finance(&ws, id, options).unwrap();
        own += pf.own;
        external += pf.external.get(options.basis).unwrap();
    }
    assert!(!cap.projects.is_empty());
    assert_eq!((cap.own, cap.external), (Some(own), Some(external)));
    // funds by partner kind: each commitment's counted steps under its partner's kind
    let as_of = day("2025-12-31");
    let f = funds(&ws, FundsScope::AsOf(as_of));
    let mut signed_by_kind = std::collections::BTreeMap::new();
    for c in &ws.commitments {
        let kind = ws.partners.iter().find(|p| p.id == c.partner).map_or(PartnerKind::Other, |p| p.kind);
        let signed: Decimal = c
            .steps
            .iter()
            .filter(|s| s.date <= as_of && s.status == FundingStatus::Signed)
            .map(|s| s.amount)
            .sum();
        *signed_by_kind.entry(kind).or_insert(Decimal::ZERO) += signed;
    }
    for (kind, amounts) in &f.by_partner_kind {
        assert_eq!(amounts.signed, Some(signed_by_kind.get(kind).copied().unwrap_or_default()), "{kind:?}");
    }
}

#[test]
fn finance_arguments_default_to_signed_funds_external_over_own() {
    let d = Some(day("2025-12-31"));
    assert_eq!(FinanceArgs::default().options(d), FinanceOptions { as_of: d, ..FinanceOptions::default() });
    let args: FinanceArgs = serde_json::from_str(r#"{"basis": "received"}"#).unwrap();
    assert_eq!(args.options(None).basis, FundingStatus::Received);
    assert!(serde_json::from_str::<FinanceArgs>(r#"{"basis": "paid"}"#).is_err());
}
