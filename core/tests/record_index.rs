//! The fast values of derived indicators ([`RecordIndex::value`]) against the full metric
//! points ([`derived::point`]): the same value, to the bit, for every metric at every month,
//! quarter and year of the history, on the sample city, on generated cities, and on random
//! records including ones validation would refuse.
#![allow(clippy::unwrap_used)]

use chrono::NaiveDate;
use pilotage::engine::derived;
use pilotage::engine::record_index::RecordIndex;
use pilotage::model::commitment::{Commitment, CommitmentStep, FundingKind, FundingStatus};
use pilotage::model::indicator::Metric;
use pilotage::model::partner::{Partner, PartnerKind};
use pilotage::model::period::{Frequency, Period};
use pilotage::model::project::{Project, Stage, StageEvent};
use pilotage::model::workspace::Workspace;
use pilotage::sample::SampleSpec;
use proptest::prelude::*;
use rust_decimal::Decimal;

fn same(a: Option<f64>, b: Option<f64>) -> bool {
    match (a, b) {
        (Some(x), Some(y)) => x.to_bits() == y.to_bits(),
        (None, None) => true,
        _ => false,
    }
}

/// Every metric at every period of `frequency` from `first_year` to `last_year`; returns the
/// number of comparisons made.
fn check(ws: &Workspace, first_year: i32, last_year: i32, frequency: Frequency) -> usize {
    let index = RecordIndex::new(ws);
    let per_year = i64::from(frequency.per_year());
    let mut n = 0;
    for o in i64::from(first_year) * per_year..(i64::from(last_year) + 1) * per_year {
        let period = Period::from_ordinal(frequency, o).unwrap();
        for metric in Metric::ALL {
            let full = derived::point(ws, metric, period).value;
            let fast = index.value(metric, period);
            assert!(same(full, fast), "{metric:?} at {period}: point {full:?}, index {fast:?}");
            n += 1;
        }
    }
    n
}

#[test]
fn the_sample_city_at_every_period() {
    let ws = pilotage::sample::city();
    let n: usize = [Frequency::Monthly, Frequency::Quarterly, Frequency::Yearly]
        .into_iter()
        .map(|f| check(&ws, 2016, 2027, f))
        .sum();
    // 12 years x (12 + 4 + 1) periods x 20 metrics
    assert_eq!(n, 12 * 17 * 20);
    // and the values are not all empty: the 2025-Q4 caseload of the sample is 98 files
    let index = RecordIndex::new(&ws);
    let q4 = Period::Quarter { year: 2025, quarter: 4 };
    assert_eq!(index.value(Metric::ActiveCaseload, q4), Some(98.0));
}

#[test]
fn generated_cities_with_other_seeds_and_a_fiscal_year() {
    for seed in [3_u64, 17, 2026] {
        let mut spec = SampleSpec::city();
        spec.seed = seed;
        let mut ws = spec.generate().unwrap();
        check(&ws, 2016, 2027, Frequency::Quarterly);
        // a fiscal year starting in July moves every quarter and year boundary
        ws.fiscal_year_start_month = 7;
        check(&ws, 2016, 2027, Frequency::Quarterly);
        check(&ws, 2016, 2027, Frequency::Yearly);
    }
}

#[test]
fn stray_dates_far_from_the_others() {
    // A date in year 9000 makes the records' range 84,000 months for a few thousand dates:
    // the index then keeps only the months that occur. The values around the real records
    // (and in the long empty stretch after them, up to the last period there is) must not
    // change.
    let mut ws = pilotage::sample::city();
    let far = NaiveDate::from_ymd_opt(9000, 6, 15).unwrap();
    ws.partners[0].joined = Some(far);
    ws.projects[0].stages.push(StageEvent { stage: Stage::Closed, date: far });
    ws.commitments[0].steps.push(CommitmentStep {
        status: FundingStatus::Signed,
        date: far,
        amount: Decimal::new(12_345, 2),
    });
    check(&ws, 2016, 2027, Frequency::Monthly);
    check(&ws, 2016, 2027, Frequency::Quarterly);
    check(&ws, 2095, 2100, Frequency::Monthly);
}

fn day(offset: u16) -> NaiveDate {
    NaiveDate::from_ymd_opt(2020, 1, 1).unwrap() + chrono::Days::new(u64::from(offset))
}

fn amount() -> impl Strategy<Value = Decimal> {
    // whole euros and cents, some zero, some with 4 decimals
    (0_i64..5_000_000, 0_u32..5).prop_map(|(m, scale)| Decimal::new(m, scale))
}

fn project(i: usize) -> impl Strategy<Value = Project> {
    (
        prop::collection::vec((0_usize..8, 0_u16..1100), 0..7),
        prop::option::of(amount()),
        prop::option::of(amount()),
        prop::option::of(0_u16..1100),
        prop::collection::vec(0_u8..4, 0..3),
        0_u8..3,
    )
        .prop_map(move |(stages, cost, own, end, contributors, lead)| Project {
            // ids repeat (p0 twice) so that commitments by project id meet a duplicate
            id: format!("p{}", i % 7),
            title: format!("project {i}"),
            lead_service: format!("s{lead}"),
            contributing_services: contributors.into_iter().map(|c| format!("s{c}")).collect(),
            objectives: Vec::new(),
            // stages in any order, repeated, closed before registered...
            stages: stages
                .into_iter()
                .map(|(k, d)| StageEvent { stage: Stage::ALL[k], date: day(d) })
                .collect(),
            planned_cost: cost,
            actual_cost: None,
            planned_end: end.map(day),
            own_funds: own,
        })
}

fn workspace() -> impl Strategy<Value = Workspace> {
    let projects = (0_usize..12).prop_flat_map(|n| (0..n).map(project).collect::<Vec<_>>());
    let partners = prop::collection::vec(prop::option::of(0_u16..1100), 0..8);
    let commitments = prop::collection::vec(
        (
            0_u8..10,
            prop::option::of(0_u8..10),
            prop::collection::vec((0_usize..3, 0_u16..1100, amount()), 0..5),
        ),
        0..15,
    );
    (projects, partners, commitments).prop_map(|(projects, partners, commitments)| {
        let mut ws = Workspace::new("Random".to_string());
        ws.projects = projects;
        // partner ids repeat too (a3 may be given twice), some never commit, some
        // commitments name a partner that does not exist (a8, a9)
        ws.partners = partners
            .into_iter()
            .enumerate()
            .map(|(i, joined)| Partner {
                id: format!("a{}", i % 6),
                name: format!("partner {i}"),
                kind: PartnerKind::ALL[i % PartnerKind::ALL.len()],
                joined: joined.map(day),
            })
            .collect();
        ws.commitments = commitments
            .into_iter()
            .enumerate()
            .map(|(i, (partner, project, steps))| Commitment {
                id: format!("c{i}"),
                partner: format!("a{partner}"),
                project: project.map(|p| format!("p{p}")),
                kind: FundingKind::ALL[i % FundingKind::ALL.len()],
                steps: steps
                    .into_iter()
                    .map(|(s, d, amount)| CommitmentStep {
                        status: FundingStatus::ALL[s],
                        date: day(d),
                        amount,
                    })
                    .collect(),
            })
            .collect();
        ws
    })
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(200))]

    #[test]
    fn random_records_give_the_same_values(ws in workspace(), fiscal in 1_u8..=12) {
        let mut ws = ws;
        ws.fiscal_year_start_month = fiscal;
        check(&ws, 2019, 2023, Frequency::Monthly);
        check(&ws, 2019, 2023, Frequency::Quarterly);
        check(&ws, 2019, 2023, Frequency::Yearly);
    }
}
