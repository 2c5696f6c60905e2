//! Issue #14, the money half: sums of amounts near `Decimal::MAX` are never saturated. A
//! figure whose sum overflows is absent with the reason ("the sum overflows the largest
//! amount the library can hold"), in the analytics, in `derived::point`, in the fast
//! `RecordIndex` path, in a derived indicator's evaluation (no data, no status) and in the
//! rendered report (English and French); every other figure stays exact.
#![allow(clippy::unwrap_used, clippy::panic)]

mod common;

use chrono::NaiveDate;
use common::{day, p as per};
use pilotage::analytics::partnership::{
    FinanceOptions, FundsScope, ProjectScope, compare_capacity, concentration, funds, investment_capacity,
    outstanding, portfolio_finance,
};
use pilotage::engine::derived;
use pilotage::engine::derived::MetricBasis;
use pilotage::engine::record_index::RecordIndex;
use pilotage::model::commitment::{Commitment, CommitmentStep, FundingKind, FundingStatus};
use pilotage::model::indicator::Metric;
use pilotage::model::partner::{Partner, PartnerKind};
use pilotage::report::{ReportOptions, html_report};

use pilotage::locale::Locale;
use pilotage::{Status, Workspace};
use proptest::prelude::*;
use rust_decimal::Decimal;
use serde_json::json;

const WHY: &str = "the sum overflows the largest amount the library can hold";

/// MAX / 2 + 1: two of them overflow.
fn half() -> Decimal {
    (Decimal::MAX / Decimal::TWO).trunc() + Decimal::ONE
}

/// A valid workspace (each commitment alone is fine): partner `a` signs MAX/2+1 for P1 on
/// 2025-04-01 and partner `b` as much on 2025-05-01, so every sum of the signed funds
/// overflows; a derived quarterly indicator reads the cumulative signed funds.
fn halves() -> Workspace {
    let h = half().to_string();
    let ws = json!({
        "schema_version": 1,
        "organisation": "Ville",
        "services": [{ "id": "s", "name": "S" }],
        "partners": [
            { "id": "a", "name": "Région A", "kind": "region", "joined": "2025-01-01" },
            { "id": "b", "name": "Banque B", "kind": "bank", "joined": "2025-12-31" }
        ],
        "projects": [{
            "id": "P1", "title": "Tram", "lead_service": "s", "planned_cost": "1000", "own_funds": "100",
            "stages": [
                { "stage": "registered", "date": "2025-01-10" },
                { "stage": "approved", "date": "2025-02-01" },
                { "stage": "started", "date": "2025-03-01" }
            ]
        }],
        "commitments": [
            { "id": "c1", "partner": "a", "project": "P1", "kind": "grant",
              "steps": [{ "status": "signed", "date": "2025-04-01", "amount": h }] },
            { "id": "c2", "partner": "b", "project": "P1", "kind": "loan",
              "steps": [{ "status": "signed", "date": "2025-05-01", "amount": h }] }
        ],
        "indicators": [{
            "id": "signed", "name": "Signed funds", "frequency": "quarterly",
            "source": { "kind": "derived", "metric": "cumulative_funds_signed" },
            "targets": [{ "period": "2025", "value": 1000.0 }],
            "scoring": { "method": "ratio_to_target" }
        }],
        "scorecard": {
            "perspectives": [{ "id": "persp", "name": "Partenariats" }],
            "objectives": [{ "id": "o", "name": "Financer", "perspective": "persp",
                             "indicators": [{ "indicator": "signed", "weight": 1.0 }] }]
        }
    });
    match Workspace::from_json(&ws.to_string()) {
        Ok(ws) => ws,
        Err(e) => panic!("the test workspace is valid: {e}"),
    }
}

#[test]
fn two_valid_commitments_of_half_max_overflow_in_every_sum_and_say_why() {
    let ws = halves();
    // funds: the signed total is absent, with the reason; nothing saturates to MAX
    let f = funds(&ws, FundsScope::AsOf(day("2025-12-31")));
    assert_eq!(f.total.signed, None);
    assert_eq!(f.total.pledged, Some(Decimal::ZERO));
    assert!(f.overflow.as_deref().unwrap().contains(WHY), "{:?}", f.overflow);
    // each kind alone holds one half: exact
    assert_eq!(f.by_kind[&FundingKind::Grant].signed, Some(half()));

    // concentration: no total, no share, no 100 % top partner
    let c = concentration(&ws, 1, None);
    assert_eq!((c.total, c.top_share, c.herfindahl), (None, None, None));
    assert!(c.partners.iter().all(|p| p.share.is_none() && p.amount == Some(half())), "{c:?}");
    assert!(c.overflow.as_deref().unwrap().contains(WHY));

    // finance: external absent, rate and leverage absent with the reason
    let pf = portfolio_finance(&ws, ProjectScope::All, FinanceOptions::default());
    assert_eq!((pf.external, pf.cofinancing_rate, pf.leverage.value), (None, None, None));
    assert_eq!(pf.own, Some(Decimal::from(100)));
    assert_eq!(
        pf.leverage.undefined_reason,
        Some(pilotage::analytics::partnership::LeverageUndefined::Overflow)
    );
    assert!(pf.leverage.undefined_reason.unwrap().text(pilotage::locale::Locale::En).contains(WHY));
    assert!(pf.overflow.is_some() && pf.projects[0].overflow.is_some());

    // investment capacity and its comparison
    let cap = investment_capacity(&ws, per("2025"), FinanceOptions::default());
    assert_eq!((cap.external, cap.total), (None, None));
    assert!(cap.overflow.as_deref().unwrap().contains(WHY));
    let cmp = compare_capacity(&ws, per("2025"), per("2026"), FinanceOptions::default());
    assert_eq!(cmp.ratio, None);
    assert_eq!(cmp.note, Some(pilotage::analytics::partnership::NoRatio::Overflow));
    assert!(cmp.note.unwrap().text(pilotage::locale::Locale::En).contains(WHY), "{:?}", cmp.note);
}

#[test]
fn max_minus_max_is_not_max_and_an_overflowing_pledge_leaves_no_gap_claimed() {
    // The case, built directly (validation refuses tranches that overflow): pledged
    // MAX twice (saturated, it was MAX) with signed MAX gave "pledged not signed" 0 silently.
    let mut ws = halves();
    ws.commitments = vec![
        Commitment {
            id: "c".into(),
            partner: "a".into(),
            project: None,
            kind: FundingKind::Grant,
            steps: [(FundingStatus::Pledged, "2025-03-01"), (FundingStatus::Pledged, "2025-03-02")]
                .into_iter()
                .chain([(FundingStatus::Signed, "2025-04-01")])
                .map(|(status, d)| CommitmentStep { status, date: day(d), amount: Decimal::MAX })
                .collect(),
        },
        // pledged MAX and signed MAX exactly: no gap, exactly 0
        Commitment {
            id: "d".into(),
            partner: "b".into(),
            project: None,
            kind: FundingKind::Loan,
            steps: [FundingStatus::Pledged, FundingStatus::Signed]
                .into_iter()
                .map(|status| CommitmentStep { status, date: day("2025-05-01"), amount: Decimal::MAX })
                .collect(),
        },
    ];
    assert!(!ws.problems().is_empty(), "tranches adding up past MAX are a validation problem");
    let o = outstanding(&ws, day("2025-12-31"));
    assert_eq!(o.commitments.len(), 2, "{o:?}");
    assert_eq!((o.commitments[0].amounts.pledged, o.commitments[0].pledged_not_signed), (None, None));
    // d: pledged = signed = MAX, exactly no gap
    assert_eq!(o.commitments[1].pledged_not_signed, Some(Decimal::ZERO));
    assert_eq!(o.pledged_not_signed, None);
    assert_eq!(o.signed_not_received, None, "signed MAX + MAX overflows across the two");
    assert!(o.overflow.as_deref().unwrap().contains(WHY));
    // the one with pledged = signed = MAX alone: exactly no gap
    ws.commitments.remove(0);
    let o = outstanding(&ws, day("2025-12-31"));
    assert_eq!((o.pledged_not_signed, o.overflow.as_deref()), (Some(Decimal::ZERO), None));
    assert_eq!(o.signed_not_received, Some(Decimal::MAX));
}

#[test]
fn metric_points_and_the_fast_index_have_no_value_and_the_point_says_why() {
    let ws = halves();
    let index = RecordIndex::new(&ws);
    for (metric, period) in [
        (Metric::FundsSigned, "2025-Q2"),
        (Metric::FundsSigned, "2025"),
        (Metric::CumulativeFundsSigned, "2025-Q2"),
        (Metric::CumulativeFundsSigned, "2025-Q4"),
        (Metric::Leverage, "2025-Q2"),
        (Metric::CofinancingRate, "2025-Q3"),
        (Metric::InvestmentCapacity, "2025"),
    ] {
        let period = per(period);
        let p = derived::point(&ws, metric, period);
        assert_eq!(p.value, None, "{metric:?} {period}: {p:?}");
        assert!(matches!(p.basis, MetricBasis::Overflow { .. }), "{p:?}");
        // and the explanation says why in each language
        let why = pilotage::Reason::Derived { metric, period, basis: p.basis };
        assert!(why.to_string().contains(WHY), "{why}");
        assert!(pilotage::explain::reason_in(&why, Locale::Fr).contains("la somme dépasse"));
        assert_eq!(index.value(metric, period), None, "{metric:?} {period}");
    }
    // before the second half is signed, the sums are exact and both paths agree
    for metric in [Metric::CumulativeFundsSigned, Metric::Leverage, Metric::InvestmentCapacity] {
        let p = derived::point(&ws, metric, per("2025-04"));
        assert!(p.value.is_some(), "{metric:?}: {p:?}");
        assert_eq!(index.value(metric, per("2025-04")).map(f64::to_bits), p.value.map(f64::to_bits));
    }
    // the index's overflow flag does not leak into the next value
    assert_eq!(index.value(Metric::FundsSigned, per("2025-Q2")), None);
    assert_eq!(index.value(Metric::ActiveCaseload, per("2025-Q2")), Some(1.0));
}

#[test]
fn a_derived_indicator_over_an_overflowing_sum_is_no_data_with_the_reason_in_both_languages() {
    let ws = halves();
    let e = pilotage::evaluate(&ws, per("2025-Q2")).unwrap();
    let n = e.node("signed").unwrap();
    assert_eq!((n.value, n.score, n.status), (None, None, Status::NoData));
    assert!(n.explanation.reasons.iter().any(|r| r.to_string().contains(WHY)), "{:?}", n.explanation.reasons);
    let en = pilotage::explain::explain_in(&e, "signed", Locale::En).unwrap();
    assert!(en.contains(WHY), "{en}");
    let fr = pilotage::explain::explain_in(&e, "signed", Locale::Fr).unwrap();
    assert!(fr.contains("la somme dépasse le plus grand montant"), "{fr}");
    // the objective above it has no score either (its only indicator has none)
    let o = e.node("o").unwrap();
    assert_eq!((o.score, o.status), (None, Status::NoData));
    // in Q1 nothing is signed yet: a real 0, scored
    let q1 = pilotage::evaluate(&ws, per("2025-Q1")).unwrap();
    assert_eq!(q1.node("signed").unwrap().value, Some(0.0));
}

#[test]
fn the_report_shows_a_dash_and_the_reason_never_max_or_a_full_share() {
    let ws = halves();
    for (locale, reason, max) in [
        (Locale::En, WHY, "79,228,162,514,264,337,593,543,950,335"),
        (Locale::Fr, "une somme dépasse le plus grand montant", "79\u{202f}228\u{202f}162"),
    ] {
        let html = html_report(&ws, per("2025-Q4"), locale, &ReportOptions::default()).unwrap();
        assert!(html.contains(reason), "{locale:?}: no reason in the report");
        assert!(!html.contains(max), "{locale:?}: a saturated MAX is printed");
        assert!(
            !html.contains("100 %") && !html.contains("100.0%") && !html.contains("100,0 %"),
            "{locale:?}"
        );
        // the funds chart has no bar of height 0 for the overflowing quarter (it would read as
        // a zero) but a dash where the bar would stand, and no NaN coordinate
        let view = pilotage::report::report_view(&ws, per("2025-Q4"), &ReportOptions::default());
        let funds = pilotage::report::partnership::funds_svg(&view.unwrap().partnership.unwrap(), locale);
        assert!(funds.contains(">–</text>"), "{locale:?}: no dash in the funds chart");
        assert!(!funds.contains("NaN"), "{locale:?}");
    }
}

// ---- random amounts, huge ones included ----------------------------------------------------

fn amount() -> impl Strategy<Value = Decimal> {
    prop_oneof![
        (0_i64..1_000_000).prop_map(Decimal::from),
        // within a factor 4 of MAX: a few of them overflow
        (0_u128..(1_u128 << 96)).prop_map(|m| Decimal::from_i128_with_scale(m as i128, 0)),
        Just(Decimal::MAX),
        Just(half()),
    ]
}

/// The exact sum (i128 holds any sum of a few 96-bit amounts), `None` beyond MAX.
fn exact(amounts: impl Iterator<Item = Decimal>) -> Option<Decimal> {
    let total: i128 = amounts.map(|a| a.mantissa()).sum();
    (total <= Decimal::MAX.mantissa()).then(|| Decimal::from_i128_with_scale(total, 0))
}

prop_compose! {
    fn random()(steps in prop::collection::vec((0_usize..3, 0_u8..3, 0_u16..500, amount()), 0..8)) -> Workspace {
        let mut ws = halves();
        ws.commitments = steps
            .into_iter()
            .enumerate()
            .map(|(i, (status, partner, d, amount))| Commitment {
                id: format!("c{i}"),
                partner: ["a", "b", "x"][usize::from(partner)].into(),
                project: Some("P1".into()),
                kind: FundingKind::ALL[i % 5],
                steps: vec![CommitmentStep {
                    status: FundingStatus::ALL[status],
                    date: day("2024-06-01") + chrono::Days::new(u64::from(d)),
                    amount,
                }],
            })
            .collect();
        ws.partners.push(Partner { id: "x".into(), name: "X".into(), kind: PartnerKind::Company, joined: None });
        ws
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    #[test]
    fn no_figure_is_ever_saturated_it_is_exact_or_absent_with_the_reason(ws in random()) {
        let as_of = day("2025-12-31");
        let f = funds(&ws, FundsScope::AsOf(as_of));
        let mut any_overflow = false;
        for status in FundingStatus::ALL {
            let want = exact(ws.commitments.iter().flat_map(|c| &c.steps).filter(|s| s.status == status).map(|s| s.amount));
            prop_assert_eq!(f.total.get(status), want);
            any_overflow |= want.is_none();
        }
        prop_assert_eq!(f.overflow.is_some(), any_overflow || f.by_kind.values().chain(f.by_partner_kind.values()).any(|a| a.overflowed()));
        if let Some(why) = &f.overflow { prop_assert!(why.contains(WHY)); }

        // concentration: exact total and shares, or none at all; never a share from a saturated total
        let c = concentration(&ws, 1, None);
        let signed = exact(ws.commitments.iter().flat_map(|c| &c.steps).filter(|s| s.status == FundingStatus::Signed).map(|s| s.amount));
        prop_assert_eq!(c.total, signed);
        prop_assert_eq!(c.overflow.is_some(), signed.is_none());
        if signed.is_none() {
            prop_assert_eq!(c.top_share, None);
            prop_assert!(c.partners.iter().all(|p| p.share.is_none()));
        }
        for p in &c.partners {
            let mine = exact(ws.commitments.iter().filter(|c| c.partner == p.partner).flat_map(|c| &c.steps)
                .filter(|s| s.status == FundingStatus::Signed).map(|s| s.amount));
            prop_assert_eq!(p.amount, mine);
        }

        // outstanding: each commitment has one step, so no gap unless pledged alone (exact)
        let o = outstanding(&ws, as_of);
        let pledged = exact(ws.commitments.iter().flat_map(|c| &c.steps).filter(|s| s.status == FundingStatus::Pledged).map(|s| s.amount));
        prop_assert_eq!(o.pledged_not_signed, pledged);

        // the derived metrics: the point and the index agree, and an absent value says why
        let index = RecordIndex::new(&ws);
        for metric in [Metric::FundsPledged, Metric::FundsSigned, Metric::CumulativeFundsSigned, Metric::Leverage,
                       Metric::CofinancingRate, Metric::InvestmentCapacity] {
            for period in [per("2024"), per("2025"), per("2025-Q2")] {
                let p = derived::point(&ws, metric, period);
                prop_assert_eq!(index.value(metric, period).map(f64::to_bits), p.value.map(f64::to_bits), "{:?} {}", metric, period);
                if matches!(p.basis, MetricBasis::Overflow { .. }) {
                    prop_assert!(p.value.is_none(), "{:?}", p);
                }
                // a funds value is that of the exact sum, or absent: never a saturated sum
                let cal = ws.calendar();
                let end = period.end_date(cal);
                let counted = |st: FundingStatus, d: NaiveDate| match metric {
                    Metric::FundsPledged => st == FundingStatus::Pledged && period.contains_date(d, cal),
                    Metric::FundsSigned => st == FundingStatus::Signed && period.contains_date(d, cal),
                    _ => st == FundingStatus::Signed && d <= end,
                };
                // outside the records' span
                let outside = matches!(p.basis, MetricBasis::BeforeRecords { .. } | MetricBasis::AfterRecords { .. });
                if !outside && matches!(metric, Metric::FundsPledged | Metric::FundsSigned | Metric::CumulativeFundsSigned) {
                    let want = exact(ws.commitments.iter().flat_map(|c| &c.steps)
                        .filter(|s| counted(s.status, s.date)).map(|s| s.amount));
                    prop_assert_eq!(p.value, want.and_then(|w| rust_decimal::prelude::ToPrimitive::to_f64(&w)), "{:?} {}", metric, period);
                    if want.is_none() { prop_assert!(matches!(p.basis, MetricBasis::Overflow { .. }), "{:?}", p); }
                }
            }
        }
    }
}
