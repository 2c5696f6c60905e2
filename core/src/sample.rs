//! A deterministic generator of sample workspaces: the illustrative city of the case, the
//! template another city starts from, and workspaces of any size for benchmarks.
//!
//! [`city`] is modelled on Romans-sur-Isère and its DADI (the "startup territoriale"): four
//! perspectives, twelve objectives linked by cause and effect, 36 curated indicators (team
//! activity, partner relations, project management, co-financing, quality of work life,
//! training) measured from 2019 to 2025, and raw records that reproduce the case's headline
//! figures: about 100 files in the active caseload at the end of 2025 out of 150, an
//! instruction time divided by about 4, 200+ partners, about EUR 15 M of partnerships signed
//! against about EUR 3 M of own funds (leverage 1 to 5), an investment capacity that doubles.
//! **The data are illustrative**: no record describes a real body or a real decision.
//!
//! Everything comes from a [`SampleSpec`] through a tiny SplitMix64 generator seeded
//! explicitly, with independent streams for partners, projects, commitments and
//! measurements, and only exactly rounded float operations: the same spec gives the same
//! workspace, byte for byte, on every platform. Generation is linear in the size of the
//! spec ([`SampleSpec::large`] takes a few seconds).
//!
//! ```
//! use pilotage::sample::{self, SampleSpec};
//! let ws = sample::city();
//! assert!(ws.problems().is_empty());
//! assert_eq!(ws.projects.len(), 150);
//! let small = SampleSpec { projects: 20, partners: 30, commitments: 25, ..SampleSpec::city() };
//! assert_eq!(small.generate()?.commitments.len(), 25);
//! # Ok::<(), pilotage::Error>(())
//! ```

mod exercise;
mod names;
mod records;
mod rng;
mod structure;

use std::collections::{BTreeMap, HashMap};

use rust_decimal::Decimal;
use rust_decimal::prelude::ToPrimitive;
use serde::{Deserialize, Serialize};

use crate::engine::scoring::ScoringMethod;
use crate::error::{Error, Result};
use crate::model::commitment::FundingStatus;
use crate::model::indicator::{
    Indicator, IndicatorSource, Measurement, PeriodValue, Polarity, TimeAggregation, Trajectory,
};
use crate::model::period::{Frequency, MAX_YEAR, MIN_YEAR, Period};
use crate::model::scorecard::{IndicatorLink, Weight};
use crate::model::workspace::{Service, Workspace};

pub use exercise::exercise_json;
use records::Frame;
use rng::Rng;

/// What to generate. Every field is explicit so that a spec is reproducible on its own.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SampleSpec {
    /// Seed of the generator: the same spec always gives the same workspace.
    pub seed: u64,
    /// Name of the organisation.
    pub organisation: String,
    /// First calendar year of measurements (records may start in July of the year before:
    /// the files on hand when the scorecard started).
    pub start_year: i32,
    /// Number of years of measurements; the latest date is 31 December of the last one.
    pub years: u32,
    /// Generated indicators beyond the 36 curated ones: monthly, one measurement a month,
    /// scored by linear progress along a trajectory, linked to the curated objectives in
    /// turn (for benchmarks).
    pub indicators: usize,
    /// Projects (files of the portfolio), each with its dated stage history.
    pub projects: usize,
    /// Partners (the first 24 are the institutions of the territory).
    pub partners: usize,
    /// Commitments (co-financing); needs at least one partner when not zero.
    pub commitments: usize,
}

/// The seed of the sample city (the year the DADI was created).
pub const CITY_SEED: u64 = 2014;

impl SampleSpec {
    /// The sample city: 2019-2025, 150 projects, 215 partners, 240 commitments, the curated
    /// indicators only.
    pub fn city() -> SampleSpec {
        SampleSpec {
            seed: CITY_SEED,
            organisation: "Ville de Romans-sur-Isère (données illustratives)".to_string(),
            start_year: 2019,
            years: 7,
            indicators: 0,
            projects: 150,
            partners: 215,
            commitments: 240,
        }
    }

    /// The large benchmark workspace: 2016-2025 (120 months), 10,000 generated monthly
    /// indicators with 120 measurements each (1.2 M measurements) beside the curated ones,
    /// 100,000 projects, 20,000 partners, 300,000 commitments.
    pub fn large() -> SampleSpec {
        SampleSpec {
            seed: CITY_SEED,
            organisation: "Collectivité de démonstration (données synthétiques)".to_string(),
            start_year: 2016,
            years: 10,
            indicators: 10_000,
            projects: 100_000,
            partners: 20_000,
            commitments: 300_000,
        }
    }

    /// `Ok` when the spec can be generated: a name, at least one year, years inside the
    /// library's range (records start in July of the year before `start_year`), and partners
    /// for the commitments.
    pub fn check(&self) -> Result<()> {
        let arg = |name, message: String| Err(Error::Argument { name, message });
        if self.organisation.trim().is_empty() {
            return arg("organisation", "the organisation needs a name".to_string());
        }
        if self.years == 0 {
            return arg("years", "at least one year is generated".to_string());
        }
        if self.start_year <= MIN_YEAR || self.start_year > MAX_YEAR {
            return arg("start_year", format!("must be between {} and {MAX_YEAR}", MIN_YEAR + 1));
        }
        if i64::from(self.start_year) + i64::from(self.years) - 1 > i64::from(MAX_YEAR) {
            return arg("years", format!("the last year must be at most {MAX_YEAR}"));
        }
        if self.commitments > 0 && self.partners == 0 {
            return arg("partners", "commitments need at least one partner".to_string());
        }
        Ok(())
    }

    /// Generate the workspace, or say why the spec cannot be generated.
    pub fn generate(&self) -> Result<Workspace> {
        self.check()?;
        Ok(build(self))
    }
}

/// The sample city (see the module documentation).
pub fn city() -> Workspace {
    build(&SampleSpec::city())
}

/// The sample's scorecard as a template: services, perspectives, objectives with their
/// weights and cause-effect links, indicators with their units, polarities, time
/// aggregation, scoring, targets and sources, and no data (no measurement, project,
/// partner or commitment). Targets are the sample's, to be adapted.
pub fn template() -> Workspace {
    let mut ws = city();
    ws.organisation = "Modèle de tableau de bord prospectif d'une ville (cibles à adapter)".to_string();
    ws.projects.clear();
    ws.partners.clear();
    ws.commitments.clear();
    for ind in &mut ws.indicators {
        ind.measurements.clear();
    }
    ws
}

/// The specs of `cities` city-sized workspaces with different seeds and names.
pub fn region_specs(cities: usize, seed: u64) -> Vec<SampleSpec> {
    (0..cities)
        .map(|k| {
            let town = names::TOWNS.get(k % names::TOWNS.len()).copied().unwrap_or("Commune");
            let round = k / names::TOWNS.len();
            let organisation = if round == 0 {
                format!("Ville de {town} (données illustratives)")
            } else {
                format!("Ville de {town} n°{} (données illustratives)", round + 1)
            };
            SampleSpec { seed: rng::mix(seed ^ rng::mix(k as u64 + 1)), organisation, ..SampleSpec::city() }
        })
        .collect()
}

/// `cities` workspaces of the sample city's size, each with its own seed and name (a region
/// evaluating the scorecards of its municipalities).
pub fn region(cities: usize, seed: u64) -> Vec<Workspace> {
    region_specs(cities, seed).iter().map(build).collect()
}

/// Independent streams of the generator.
const PARTNERS: u64 = 1;
const PROJECTS: u64 = 2;
const COMMITMENTS: u64 = 3;
const MEASUREMENTS: u64 = 4;
const GENERATED: u64 = 5;

/// Generation itself: total (every period it builds is inside the checked years; a spec
/// that fails [`SampleSpec::check`] gives a workspace that fails validation instead).
fn build(spec: &SampleSpec) -> Workspace {
    let frame = Frame::new(spec.start_year, spec.years.max(1));
    let periods = structure::Periods::new(&frame);
    let mut ws = Workspace::new(spec.organisation.clone());
    ws.services = names::SERVICES
        .iter()
        .map(|(id, name)| Service { id: (*id).to_string(), name: (*name).to_string() })
        .collect();

    let (partners, join_days) =
        records::partners(spec.partners, &frame, &mut Rng::stream(spec.seed, PARTNERS));
    let (projects, plans) = records::projects(
        spec.projects,
        &frame,
        &structure::PROJECT_OBJECTIVES,
        &mut Rng::stream(spec.seed, PROJECTS),
    );
    let commitments = records::commitments(
        spec.commitments,
        &frame,
        &projects,
        &plans,
        &partners,
        &join_days,
        &mut Rng::stream(spec.seed, COMMITMENTS),
    );

    // Inputs of the curated indicators that come from the records.
    let index: HashMap<&str, usize> = projects.iter().enumerate().map(|(i, p)| (p.id.as_str(), i)).collect();
    let mut signed = vec![Decimal::ZERO; projects.len()];
    for c in &commitments {
        if let Some(i) = c.project.as_deref().and_then(|id| index.get(id)) {
            if let Some(s) = signed.get_mut(*i) {
                // generated amounts are millions at most: their sums never overflow
                *s += c.amount(FundingStatus::Signed, None).unwrap_or_default();
            }
        }
    }
    let first_year_capacity: Decimal = plans
        .iter()
        .zip(&signed)
        .filter(|(plan, _)| plan.started.is_some_and(|d| records::year_of(d) == frame.start_year))
        .map(|(plan, s)| records::money(plan.own_cents) + *s)
        .sum();
    let mut variance: BTreeMap<Period, (f64, u32)> = BTreeMap::new();
    for plan in &plans {
        if let (Some(d), Some(actual)) = (plan.delivered, plan.actual_cents) {
            let day = records::date(d);
            let q = Period::containing(day, Frequency::Quarterly, ws.calendar());
            if let (Ok(q), true) = (q, plan.planned_cents > 0) {
                let first = Period::Quarter { year: frame.start_year, quarter: 1 };
                if q >= first {
                    let e = variance.entry(q).or_insert((0.0, 0));
                    e.0 += (actual - plan.planned_cents) as f64 / plan.planned_cents as f64 * 100.0;
                    e.1 += 1;
                }
            }
        }
    }
    let inputs = structure::Inputs {
        project_scale: spec.projects as f64 / 150.0,
        partner_scale: spec.partners as f64 / 215.0,
        first_year_capacity: first_year_capacity.to_f64().unwrap_or(0.0),
        budget_variance: variance.into_iter().map(|(q, (sum, n))| (q, sum / f64::from(n))).collect(),
    };

    ws.indicators = structure::indicators(&periods, &inputs, &mut Rng::stream(spec.seed, MEASUREMENTS));
    ws.scorecard = structure::scorecard(&periods);
    generated_indicators(spec, &periods, &mut ws, &mut Rng::stream(spec.seed, GENERATED));
    ws.projects = projects;
    ws.partners = partners;
    ws.commitments = commitments;
    ws
}

/// The benchmark indicators: monthly, a measurement every month, a trajectory from the
/// first to the last quarter (in quarterly terms: three months' worth for sums), scored by
/// linear progress (one in ten capped at 120 %), each linked to a curated objective in turn.
fn generated_indicators(spec: &SampleSpec, periods: &structure::Periods, ws: &mut Workspace, rng: &mut Rng) {
    if spec.indicators == 0 {
        return;
    }
    let months = periods.each(Frequency::Monthly);
    let first = Period::Quarter { year: periods.start_year, quarter: 1 };
    let last = Period::Quarter { year: periods.end_year, quarter: 4 };
    let aggregations = [TimeAggregation::Sum, TimeAggregation::Mean, TimeAggregation::Last];
    let objectives = ws.scorecard.objectives.len();
    ws.indicators.reserve(spec.indicators);
    for k in 0..spec.indicators {
        let aggregation = aggregations.get(k % 3).copied().unwrap_or_default();
        let up = !rng.chance(0.3);
        let level = (rng.range(10.0, 1000.0) * 10.0).round() / 10.0;
        let goal = if up { level * 1.5 } else { level * 0.6 };
        let achievement = rng.range(0.3, 1.15);
        let grain = if aggregation == TimeAggregation::Sum { 3.0 } else { 1.0 };
        let theme = names::THEMES.get(k % names::THEMES.len()).copied().unwrap_or("activité");
        let service = names::SERVICES.get(k % names::SERVICES.len()).map(|s| s.0).unwrap_or("dadi");
        let measurements = months
            .iter()
            .map(|&(m, t)| {
                let v = level + (goal - level) * achievement * t + rng.noise(level * 0.05);
                Measurement::new(m, ((v.max(0.0)) * 100.0).round() / 100.0)
            })
            .collect();
        let id = format!("gen_{:05}", k + 1);
        ws.indicators.push(Indicator {
            id: id.clone(),
            name: format!("Indicateur complémentaire n°{} ({theme})", k + 1),
            description: None,
            unit: "unités".to_string(),
            polarity: if up { Polarity::HigherIsBetter } else { Polarity::LowerIsBetter },
            frequency: Frequency::Monthly,
            aggregation,
            source: IndicatorSource::Measured,
            baseline: Some(PeriodValue { period: first, value: level * grain }),
            targets: Vec::new(),
            trajectory: (first < last).then(|| Trajectory {
                from: PeriodValue { period: first, value: level * grain },
                to: PeriodValue { period: last, value: goal * grain },
                milestones: Vec::new(),
            }),
            target_policy: Default::default(),
            scoring: ScoringMethod::LinearProgress {
                cap: Some(if k % 10 == 0 { 120.0 } else { 100.0 }),
                floor_at_zero: true,
            },
            thresholds: None,
            min_group_size: None,
            service: Some(service.to_string()),
            measurements,
        });
        if let Some(o) = ws.scorecard.objectives.get_mut(k % objectives.max(1)) {
            o.indicators.push(IndicatorLink { indicator: id, weight: Weight::Fixed(1.0 + (k % 3) as f64) });
        }
    }
}
