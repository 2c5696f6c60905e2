//! The sample city reproduces the case's headline figures, computed here directly from the
//! raw records with plain loops (independently of the analytics modules), and every
//! generated workspace validates and is deterministic.

// The helpers below are test code too: a failed unwrap is a failed test.
#![allow(clippy::unwrap_used)]

use std::collections::{BTreeMap, BTreeSet, HashMap};

use chrono::{Datelike, NaiveDate};
use pilotage::sample::{self, SampleSpec};
use pilotage::{
    FundingStatus, IndicatorSource, PartnerKind, Polarity, ScoringMethod, Stage, TimeAggregation, Workspace,
};
use rust_decimal::Decimal;
use rust_decimal::prelude::ToPrimitive;

fn day(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).unwrap()
}

fn latest() -> NaiveDate {
    day(2025, 12, 31)
}

/// Files registered on or before `date` and not closed or abandoned by then.
fn active_at(ws: &Workspace, date: NaiveDate) -> Vec<&pilotage::Project> {
    ws.projects
        .iter()
        .filter(|p| p.date_of(Stage::Registered).is_some_and(|r| r <= date))
        .filter(|p| p.exit_date().is_none_or(|e| e > date))
        .collect()
}

/// Mean instruction lead time (registered -> decision, calendar days) of the files decided
/// in each year, with their count.
fn lead_by_decision_year(ws: &Workspace) -> BTreeMap<i32, (f64, usize)> {
    let mut by_year: BTreeMap<i32, (i64, usize)> = BTreeMap::new();
    for p in &ws.projects {
        if let (Some(r), Some((_, d))) = (p.date_of(Stage::Registered), p.decision()) {
            let e = by_year.entry(d.year()).or_insert((0, 0));
            e.0 += (d - r).num_days();
            e.1 += 1;
        }
    }
    by_year.into_iter().map(|(y, (sum, n))| (y, (sum as f64 / n as f64, n))).collect()
}

fn signed_by_project(ws: &Workspace) -> HashMap<&str, Decimal> {
    let mut out: HashMap<&str, Decimal> = HashMap::new();
    for c in &ws.commitments {
        if let Some(p) = &c.project {
            *out.entry(p.as_str()).or_default() += c.amount(FundingStatus::Signed, None).unwrap();
        }
    }
    out
}

/// Own funds plus external signed funds of the projects started in each year.
fn capacity_by_year(ws: &Workspace) -> BTreeMap<i32, Decimal> {
    let signed = signed_by_project(ws);
    let mut out: BTreeMap<i32, Decimal> = BTreeMap::new();
    for p in &ws.projects {
        if let Some(s) = p.date_of(Stage::Started) {
            let ext = signed.get(p.id.as_str()).copied().unwrap_or_default();
            *out.entry(s.year()).or_default() += p.own_funds.unwrap_or_default() + ext;
        }
    }
    out
}

fn eur(d: Decimal) -> f64 {
    d.to_f64().unwrap()
}

fn signed_total(ws: &Workspace) -> Decimal {
    ws.commitments.iter().map(|c| c.amount(FundingStatus::Signed, None).unwrap()).sum()
}

#[test]
fn about_100_of_150_files_are_active_at_the_latest_date() {
    let ws = sample::city();
    assert_eq!(ws.projects.len(), 150);
    let active = active_at(&ws, latest()).len();
    // The case: "cent dossiers en file active".
    assert!((90..=110).contains(&active), "active caseload {active}");
    // Some files left the caseload (closed or abandoned), some are still undecided.
    assert!(ws.projects.iter().any(|p| p.date_of(Stage::Closed).is_some()));
    assert!(ws.projects.iter().any(|p| p.date_of(Stage::Abandoned).is_some()));
    assert!(ws.projects.iter().any(|p| p.date_of(Stage::Rejected).is_some()));
    assert!(ws.projects.iter().any(|p| p.decision().is_none()));
}

#[test]
fn instruction_time_is_divided_by_about_four() {
    let ws = sample::city();
    let leads = lead_by_decision_year(&ws);
    let (first, n_first) = leads[&2019];
    let (last, n_last) = leads[&2025];
    assert!(n_first >= 10 && n_last >= 10, "{n_first} and {n_last} files decided");
    assert!((140.0..=180.0).contains(&first), "mean lead time in 2019: {first}");
    assert!((30.0..=50.0).contains(&last), "mean lead time in 2025: {last}");
    let ratio = first / last;
    assert!((3.5..=4.5).contains(&ratio), "divided by {ratio}");
    // It falls every year.
    let means: Vec<f64> = leads.values().map(|v| v.0).collect();
    assert!(means.windows(2).all(|w| w[1] < w[0]), "{means:?}");
}

#[test]
fn over_200_partners_of_every_kind_joined_over_the_years() {
    let ws = sample::city();
    assert!(ws.partners.len() > 200);
    let kinds: BTreeSet<PartnerKind> = ws.partners.iter().map(|p| p.kind).collect();
    assert_eq!(kinds.len(), PartnerKind::ALL.len(), "{kinds:?}");
    let mut joins: BTreeMap<i32, usize> = BTreeMap::new();
    for p in &ws.partners {
        *joins.entry(p.joined.unwrap().year()).or_default() += 1;
    }
    for year in 2019..=2025 {
        assert!(joins.get(&year).copied().unwrap_or(0) >= 15, "{year}: {joins:?}");
    }
    // A partner of the network need not have financed anything yet.
    let financing: BTreeSet<&str> = ws.commitments.iter().map(|c| c.partner.as_str()).collect();
    assert!(ws.partners.iter().any(|p| !financing.contains(p.id.as_str())));
}

#[test]
fn about_15_million_signed_against_3_million_of_own_funds() {
    let ws = sample::city();
    let signed = eur(signed_total(&ws));
    assert!((14.0e6..=16.0e6).contains(&signed), "signed {signed}");
    let own: Decimal = ws.projects.iter().filter_map(|p| p.own_funds).sum();
    let own = eur(own);
    assert!((2.7e6..=3.3e6).contains(&own), "own funds {own}");
    // Own funds are recorded on the co-financed projects only: every project with own funds
    // has at least one commitment.
    let financed: BTreeSet<&str> = ws.commitments.iter().filter_map(|c| c.project.as_deref()).collect();
    assert!(ws.projects.iter().filter(|p| p.own_funds.is_some()).all(|p| financed.contains(p.id.as_str())));
    // Leverage, external / own: "l'effet de levier est de 1 à 5".
    let external: Decimal = signed_by_project(&ws).values().copied().sum();
    let leverage = eur(external) / own;
    assert!((4.5..=5.5).contains(&leverage), "leverage {leverage}");
    // Pledged >= signed >= received overall, with partial tranches and pledges not yet signed.
    let pledged: Decimal =
        ws.commitments.iter().map(|c| c.amount(FundingStatus::Pledged, None).unwrap()).sum();
    let received: Decimal =
        ws.commitments.iter().map(|c| c.amount(FundingStatus::Received, None).unwrap()).sum();
    assert!(eur(pledged) > signed && signed > eur(received));
    assert!(
        ws.commitments
            .iter()
            .any(|c| c.steps.iter().filter(|s| s.status == FundingStatus::Received).count() >= 2)
    );
    assert!(ws.commitments.iter().any(|c| c.steps.iter().all(|s| s.status == FundingStatus::Pledged)));
    assert!(ws.commitments.iter().any(|c| c.project.is_none()));
}

#[test]
fn the_active_portfolio_is_worth_about_200_million() {
    let ws = sample::city();
    let value: Decimal = active_at(&ws, latest()).iter().filter_map(|p| p.planned_cost).sum();
    let value = eur(value);
    assert!((180.0e6..=220.0e6).contains(&value), "portfolio {value}");
}

#[test]
fn investment_capacity_roughly_doubles() {
    let ws = sample::city();
    let capacity = capacity_by_year(&ws);
    let first = eur(capacity[&2019]);
    let last = eur(capacity[&2025]);
    let ratio = last / first;
    assert!((1.7..=2.7).contains(&ratio), "2019 {first}, 2025 {last}, x{ratio}");
}

#[test]
fn transversality_rises() {
    let ws = sample::city();
    let share = |years: std::ops::RangeInclusive<i32>| {
        let files: Vec<_> = ws
            .projects
            .iter()
            .filter(|p| years.contains(&p.date_of(Stage::Registered).unwrap().year()))
            .collect();
        files.iter().filter(|p| !p.contributing_services.is_empty()).count() as f64 / files.len() as f64
    };
    let early = share(2018..=2019);
    let late = share(2024..=2025);
    assert!(late > 2.0 * early, "{early} -> {late}");
}

#[test]
fn money_has_two_decimals_and_nothing_happens_after_the_latest_date() {
    let ws = sample::city();
    let amounts = ws
        .projects
        .iter()
        .flat_map(|p| [p.planned_cost, p.actual_cost, p.own_funds])
        .flatten()
        .chain(ws.commitments.iter().flat_map(|c| c.steps.iter().map(|s| s.amount)));
    for a in amounts {
        assert_eq!(a.scale(), 2, "{a}");
        assert!(!a.is_sign_negative());
    }
    for p in &ws.projects {
        assert!(p.stages.iter().all(|e| e.date <= latest()), "{}", p.id);
    }
    for c in &ws.commitments {
        assert!(c.steps.iter().all(|s| s.date <= latest()), "{}", c.id);
        assert!(c.amount(FundingStatus::Received, None) <= c.amount(FundingStatus::Signed, None));
    }
    for p in &ws.partners {
        assert!(p.joined.unwrap() <= latest());
    }
}

#[test]
fn the_sample_validates_and_generation_is_deterministic() {
    let a = sample::city();
    assert_eq!(a.problems(), vec![]);
    let b = SampleSpec::city().generate().unwrap();
    assert_eq!(a, b);
    assert_eq!(a.to_json().unwrap(), b.to_json().unwrap());
    // Another seed gives other records.
    let c = SampleSpec { seed: 7, ..SampleSpec::city() }.generate().unwrap();
    assert_ne!(a.projects, c.projects);
    assert_eq!(c.problems(), vec![]);
}

#[test]
fn the_scorecard_uses_every_method_polarity_aggregation_and_frequency() {
    let ws = sample::city();
    assert_eq!(ws.scorecard.perspectives.len(), 4);
    assert!((10..=14).contains(&ws.scorecard.objectives.len()));
    assert!((28..=40).contains(&ws.indicators.len()), "{}", ws.indicators.len());
    let methods: BTreeSet<&str> = ws.indicators.iter().map(|i| i.scoring.name()).collect();
    assert_eq!(
        methods,
        BTreeSet::from([
            "band",
            "expected_progress",
            "goal_red_flag",
            "linear_progress",
            "min_max",
            "ratio_to_target",
            "status_rules"
        ])
    );
    let polarities: BTreeSet<String> = ws.indicators.iter().map(|i| format!("{:?}", i.polarity)).collect();
    assert_eq!(polarities.len(), 3);
    for agg in [
        TimeAggregation::Sum,
        TimeAggregation::Mean,
        TimeAggregation::Last,
        TimeAggregation::Min,
        TimeAggregation::Max,
        TimeAggregation::RatioOfSums,
    ] {
        assert!(ws.indicators.iter().any(|i| i.aggregation == agg), "{agg:?}");
    }
    let frequencies: BTreeSet<String> = ws.indicators.iter().map(|i| i.frequency.to_string()).collect();
    assert_eq!(frequencies.len(), 3);
    assert!(ws.indicators.iter().any(|i| matches!(i.source, IndicatorSource::Calculated { .. })));
    let derived =
        ws.indicators.iter().filter(|i| matches!(i.source, IndicatorSource::Derived { .. })).count();
    assert!(derived >= 8, "{derived}");
    assert!(ws.indicators.iter().any(|i| i.trajectory.is_some()));
    assert!(ws.indicators.iter().any(|i| !i.targets.is_empty()));
    assert!(ws.indicators.iter().any(|i| i.polarity == Polarity::InsideBand));
    assert!(ws.indicators.iter().any(|i| matches!(i.scoring, ScoringMethod::MinMax { log: true, .. })));
    // One weight schedule, and lagged cause-effect links.
    assert!(ws.scorecard.objectives.iter().any(|o| matches!(o.weight, pilotage::Weight::Schedule(_))));
    assert!(ws.scorecard.links.iter().any(|l| l.lag > 0));
    // Every indicator linked to an objective, except the two inputs of the calculated one.
    let linked: BTreeSet<&str> = ws
        .scorecard
        .objectives
        .iter()
        .flat_map(|o| o.indicators.iter().map(|l| l.indicator.as_str()))
        .collect();
    let unlinked: Vec<&str> =
        ws.indicators.iter().map(|i| i.id.as_str()).filter(|id| !linked.contains(id)).collect();
    assert_eq!(unlinked, vec!["ind_heures_formation", "ind_effectif"]);
}

#[test]
fn measurements_span_seven_years_and_staff_data_is_suppressed_in_places() {
    let ws = sample::city();
    let absence = ws.indicators.iter().find(|i| i.id == "ind_absenteisme").unwrap();
    // 2019-01 to 2025-12: 7 * 12 = 84 months.
    assert_eq!(absence.measurements.len(), 84);
    assert_eq!(absence.measurements[0].period.to_string(), "2019-01");
    assert_eq!(absence.measurements[83].period.to_string(), "2025-12");
    assert!(absence.measurements.iter().all(|m| m.numerator.is_some() && m.denominator.is_some()));
    let climate = ws.indicators.iter().find(|i| i.id == "ind_climat_dadi").unwrap();
    let suppressed = climate.measurements.iter().filter(|m| climate.is_suppressed(m)).count();
    // Quarters 5, 10, 18 and 23 of 28 (index mod 13 in {5, 10}) have 4 respondents, below 5.
    assert_eq!(suppressed, 4);
    assert_eq!(climate.measurements.len(), 28);
    let survey = ws.indicators.iter().find(|i| i.id == "ind_barometre_qvt").unwrap();
    assert!(survey.measurements.iter().all(|m| !survey.is_suppressed(m) && m.respondents.is_some()));
}

#[test]
fn quality_of_work_life_lags_behind_its_targets() {
    let ws = sample::city();
    // Absenteeism in 2025-Q4, ratio of sums: sum of absent days / sum of theoretical days.
    let absence = ws.indicators.iter().find(|i| i.id == "ind_absenteisme").unwrap();
    let q4: Vec<_> =
        absence.measurements.iter().filter(|m| m.period.to_string().starts_with("2025-1")).collect();
    assert_eq!(q4.len(), 3);
    let rate = q4.iter().map(|m| m.numerator.unwrap()).sum::<f64>()
        / q4.iter().map(|m| m.denominator.unwrap()).sum::<f64>();
    // Baseline 0.085, target 0.06: linear progress (0.085 - a) / 0.025 is 0 (red) for a >= 0.085.
    assert!(rate > 0.085, "absenteeism {rate}");
    // MOOC: 400 agents expected by the end of 2025; fewer than 2/3 of them (amber, the
    // expected-progress score is under 66.7) but more than 1/3.
    let mooc = ws.indicators.iter().find(|i| i.id == "ind_mooc_agents").unwrap();
    let done = mooc.measurements.last().unwrap().value.unwrap();
    assert!(done > 400.0 / 3.0 && done < 800.0 / 3.0, "{done}");
}

#[test]
fn the_template_has_the_structure_and_no_data() {
    let t = sample::template();
    let ws = sample::city();
    assert_eq!(t.problems(), vec![]);
    assert!(t.projects.is_empty() && t.partners.is_empty() && t.commitments.is_empty());
    assert!(t.indicators.iter().all(|i| i.measurements.is_empty()));
    assert_eq!(t.scorecard, ws.scorecard);
    assert_eq!(t.services, ws.services);
    let ids = |w: &Workspace| {
        w.indicators.iter().map(|i| (i.id.clone(), i.unit.clone(), i.polarity)).collect::<Vec<_>>()
    };
    assert_eq!(ids(&t), ids(&ws));
    assert_eq!(Workspace::from_json(&t.to_json().unwrap()).unwrap(), t);
}

#[test]
fn a_region_is_many_distinct_valid_cities() {
    let cities = sample::region(3, 99);
    assert_eq!(cities.len(), 3);
    let names: BTreeSet<&str> = cities.iter().map(|c| c.organisation.as_str()).collect();
    assert_eq!(names.len(), 3);
    assert_ne!(cities[0].projects, cities[1].projects);
    for c in &cities {
        assert_eq!(c.problems(), vec![]);
        assert_eq!(c.projects.len(), 150);
    }
    assert_eq!(sample::region(3, 99), cities);
    // Names stay distinct past the list of towns (24).
    let specs = sample::region_specs(60, 1);
    let names: BTreeSet<&str> = specs.iter().map(|s| s.organisation.as_str()).collect();
    assert_eq!(names.len(), 60);
}

#[test]
fn a_mid_size_spec_has_exactly_what_it_asks_for_and_validates() {
    let spec = SampleSpec {
        seed: 3,
        organisation: "Essai".to_string(),
        start_year: 2016,
        years: 10,
        indicators: 40,
        projects: 1_500,
        partners: 400,
        commitments: 4_000,
    };
    let ws = spec.generate().unwrap();
    assert_eq!(ws.projects.len(), 1_500);
    assert_eq!(ws.partners.len(), 400);
    assert_eq!(ws.commitments.len(), 4_000);
    let generated: Vec<_> = ws.indicators.iter().filter(|i| i.id.starts_with("gen_")).collect();
    assert_eq!(generated.len(), 40);
    // 10 years of months: 120 measurements each.
    assert!(generated.iter().all(|i| i.measurements.len() == 120));
    let linked = ws.scorecard.objectives.iter().map(|o| o.indicators.len()).sum::<usize>();
    // 34 curated links plus the 40 generated ones.
    assert_eq!(linked, 34 + 40);
    assert_eq!(ws.problems(), vec![]);
}

#[test]
fn specs_that_cannot_be_generated_say_why() {
    let city = SampleSpec::city();
    let no_years = SampleSpec { years: 0, ..city.clone() };
    let no_partner = SampleSpec { partners: 0, ..city.clone() };
    let too_late = SampleSpec { start_year: 2095, years: 10, ..city.clone() };
    let too_early = SampleSpec { start_year: 1900, ..city.clone() };
    let unnamed = SampleSpec { organisation: " ".to_string(), ..city.clone() };
    for (spec, name) in [
        (no_years, "years"),
        (no_partner, "partners"),
        (too_late, "years"),
        (too_early, "start_year"),
        (unnamed, "organisation"),
    ] {
        match spec.generate() {
            Err(pilotage::Error::Argument { name: n, .. }) => assert_eq!(n, name),
            other => panic!("{name}: {other:?}"),
        }
    }
    // The edges that are allowed: one year ending in 2100, no commitments and no partners,
    // commitments but no projects (all support the network itself).
    let one =
        SampleSpec { start_year: 2100, years: 1, projects: 10, partners: 5, commitments: 4, ..city.clone() };
    assert_eq!(one.generate().unwrap().problems(), vec![]);
    let empty = SampleSpec { projects: 0, partners: 0, commitments: 0, ..city.clone() };
    assert_eq!(empty.generate().unwrap().problems(), vec![]);
    let no_project = SampleSpec { projects: 0, partners: 3, commitments: 5, ..city };
    let ws = no_project.generate().unwrap();
    assert_eq!(ws.commitments.len(), 5);
    assert!(ws.commitments.iter().all(|c| c.project.is_none()));
    assert_eq!(ws.problems(), vec![]);
}

mod properties {
    use super::*;
    use proptest::prelude::*;

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(24))]
        #[test]
        fn any_small_spec_generates_exactly_and_validates(
            seed in any::<u64>(),
            start_year in 1901i32..2100,
            years in 1u32..5,
            indicators in 0usize..4,
            projects in 0usize..80,
            partners in 1usize..60,
            commitments in 0usize..120,
        ) {
            let years = years.min((2101 - start_year) as u32);
            let spec = SampleSpec { seed, organisation: "P".into(), start_year, years, indicators, projects, partners, commitments };
            let ws = spec.generate().unwrap();
            prop_assert_eq!(ws.projects.len(), projects);
            prop_assert_eq!(ws.partners.len(), partners);
            prop_assert_eq!(ws.commitments.len(), commitments);
            prop_assert_eq!(ws.indicators.len(), 36 + indicators);
            prop_assert_eq!(ws.problems(), vec![]);
        }
    }
}

/// The benchmark workspace; run with `cargo test --release -p pilotage --test sample -- --ignored --nocapture`.
#[test]
#[ignore = "large: run in release mode"]
fn large_workspace() {
    let t = std::time::Instant::now();
    let ws = SampleSpec::large().generate().unwrap();
    let generated = t.elapsed();
    assert_eq!(ws.projects.len(), 100_000);
    assert_eq!(ws.partners.len(), 20_000);
    assert_eq!(ws.commitments.len(), 300_000);
    let extra: Vec<_> = ws.indicators.iter().filter(|i| i.id.starts_with("gen_")).collect();
    assert_eq!(extra.len(), 10_000);
    assert!(extra.iter().all(|i| i.measurements.len() == 120));
    let t = std::time::Instant::now();
    let problems = ws.problems();
    let validated = t.elapsed();
    assert_eq!(problems.len(), 0, "{:?}", problems.iter().take(5).collect::<Vec<_>>());
    let t = std::time::Instant::now();
    let json = ws.to_json().unwrap();
    let written = t.elapsed();
    println!(
        "large: generated in {generated:?}, validated in {validated:?}, JSON {} MB written in {written:?}",
        json.len() / 1_000_000
    );
}
