//! The raw records of a generated workspace: partners, projects with their stage histories,
//! and commitments with their pledged, signed and received steps.
//!
//! Days are handled as integers (days from the common era) and converted to dates at the
//! end; amounts as integer cents, converted to `Decimal` with two decimal places, so that
//! tranches add up exactly and nothing received exceeds what was signed.

use std::collections::HashMap;

use chrono::{Datelike, NaiveDate};
use rust_decimal::Decimal;

use super::names;
use super::rng::Rng;
use crate::model::commitment::{Commitment, CommitmentStep, FundingKind, FundingStatus};
use crate::model::partner::{Partner, PartnerKind};
use crate::model::project::{Project, Stage, StageEvent};

/// The time frame of a generated workspace, in days from the common era.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Frame {
    /// First calendar year of measurements.
    pub start_year: i32,
    /// Last calendar year of measurements (the latest date is its 31 December).
    pub end_year: i32,
    /// First day records may carry: 1 July of the year before `start_year` (the files on
    /// hand when the scorecard started).
    pub window_start: i32,
    /// The latest date of the data: 31 December of `end_year`. Nothing happens after it.
    pub end: i32,
    /// Last day a date may carry at all (31 December 2100, the library's limit).
    pub max_day: i32,
}

impl Frame {
    pub(crate) fn new(start_year: i32, years: u32) -> Frame {
        let end_year = start_year + years as i32 - 1;
        Frame {
            start_year,
            end_year,
            window_start: ymd(start_year - 1, 7, 1),
            end: ymd(end_year, 12, 31),
            max_day: ymd(crate::model::period::MAX_YEAR, 12, 31),
        }
    }

    /// The position of `day` in the window, 0 at its start and 1 at the latest date.
    pub(crate) fn position(&self, day: i32) -> f64 {
        let span = (self.end - self.window_start).max(1);
        f64::from(day - self.window_start) / f64::from(span)
    }
}

/// Days from the common era of a date (days in range by construction).
pub(crate) fn ymd(year: i32, month: u32, day: u32) -> i32 {
    NaiveDate::from_ymd_opt(year, month, day).map(|d| d.num_days_from_ce()).unwrap_or(0)
}

/// The date of a day number.
pub(crate) fn date(day: i32) -> NaiveDate {
    NaiveDate::from_num_days_from_ce_opt(day).unwrap_or(NaiveDate::MIN)
}

/// Year of a day number.
pub(crate) fn year_of(day: i32) -> i32 {
    date(day).year()
}

/// Money from integer cents, with exactly two decimal places.
pub(crate) fn money(cents: i64) -> Decimal {
    Decimal::new(cents, 2)
}

/// Cents of an amount in euros, rounded to the euro.
fn euros(x: f64) -> i64 {
    x.max(0.0).round() as i64 * 100
}

/// The inverse of the cumulative distribution of the density `1 + g t` on `[0, 1]`: the
/// position of quantile `q` when the rate of arrivals grows by a factor `1 + g` over the
/// window. `F(t) = (t + g t^2 / 2) / (1 + g / 2)`, solved for `t`.
pub(crate) fn growing_quantile(q: f64, g: f64) -> f64 {
    if g <= 0.0 {
        return q.clamp(0.0, 1.0);
    }
    let t = (-1.0 + (1.0 + 2.0 * g * q * (1.0 + g / 2.0)).sqrt()) / g;
    t.clamp(0.0, 1.0)
}

/// Partners sorted by the day they joined, with those days (the first partner joins on the
/// first day of the window, so that every later commitment finds at least one partner).
pub(crate) fn partners(n: usize, frame: &Frame, rng: &mut Rng) -> (Vec<Partner>, Vec<i32>) {
    let mut used: HashMap<String, u32> = HashMap::new();
    let mut unique = |base: String| -> String {
        let count = used.entry(base.clone()).or_insert(0);
        *count += 1;
        if *count == 1 { base } else { format!("{base} ({count})") }
    };
    let institutions = names::INSTITUTIONS.len().min(n);
    let later = n - institutions;
    let span = f64::from((frame.end - frame.window_start - 90).max(1));
    let mut raw: Vec<(i32, PartnerKind, String)> = Vec::with_capacity(n);
    for (i, (kind, name)) in names::INSTITUTIONS.iter().take(institutions).enumerate() {
        let day = if i == 0 { frame.window_start } else { frame.window_start + rng.below(120) as i32 };
        raw.push((day, *kind, unique((*name).to_string())));
    }
    for i in 0..later {
        let kind = PartnerKind::ALL
            .get(rng.weighted(&names::LATER_KIND_WEIGHTS))
            .copied()
            .unwrap_or(PartnerKind::Company);
        let name = unique(partner_name(kind, rng));
        // Arrivals accelerate as INVESTINROMANS becomes known (rate x1.6 over the window).
        let q = (i as f64 + rng.unit()) / later as f64;
        let day = frame.window_start + 90 + (growing_quantile(q, 0.6) * span) as i32;
        raw.push((day.min(frame.end), kind, name));
    }
    crate::sort::sort_by_key(&mut raw, |(day, _, _)| *day);
    let days = raw.iter().map(|(d, _, _)| *d).collect();
    let partners = raw
        .into_iter()
        .enumerate()
        .map(|(i, (day, kind, name))| Partner {
            id: format!("PART-{:05}", i + 1),
            name,
            kind,
            joined: Some(date(day)),
        })
        .collect();
    (partners, days)
}

fn pick<'a>(rng: &mut Rng, list: &[&'a str]) -> &'a str {
    list.get(rng.index(list.len())).copied().unwrap_or("")
}

fn partner_name(kind: PartnerKind, rng: &mut Rng) -> String {
    match kind {
        PartnerKind::Company => format!(
            "{} {} {}",
            pick(rng, &names::COMPANY_TRADES),
            pick(rng, &names::SURNAMES),
            pick(rng, &names::COMPANY_FORMS)
        ),
        PartnerKind::Association => format!("Association {}", pick(rng, &names::ASSOCIATION_NAMES)),
        PartnerKind::Foundation => {
            format!("{} {}", pick(rng, &names::FOUNDATION_PREFIXES), pick(rng, &names::SURNAMES))
        }
        PartnerKind::Bank => format!("Agence bancaire {}", pick(rng, &names::SURNAMES)),
        PartnerKind::Other => format!("{} {}", pick(rng, &names::OTHER_NAMES), pick(rng, &names::PLACES)),
        public => {
            let label = match public {
                PartnerKind::State => "Service de l'État",
                PartnerKind::Region => "Région partenaire (coopération)",
                PartnerKind::Department => "Département partenaire",
                PartnerKind::Intercommunality => "Communauté de communes",
                PartnerKind::Eu => "Programme européen de coopération",
                _ => pick(rng, &names::PUBLIC_BODIES),
            };
            format!("{label} — {}", pick(rng, &names::TOWNS))
        }
    }
}

/// What the generator decided about a project, in day numbers and cents, kept beside the
/// `Project` to generate its commitments and the measurements that come from the records.
#[derive(Debug, Clone)]
pub(crate) struct Plan {
    pub registered: i32,
    pub lead: i32,
    /// Approved (else rejected), whether or not the decision is recorded yet.
    pub approved: bool,
    /// Recorded days (on or before the latest date).
    pub decided: Option<i32>,
    pub started: Option<i32>,
    pub delivered: Option<i32>,
    pub abandoned: Option<i32>,
    pub planned_cents: i64,
    pub own_cents: i64,
    pub external_cents: i64,
    pub actual_cents: Option<i64>,
}

/// Projects in registration order, with their plans.
pub(crate) fn projects(
    n: usize,
    frame: &Frame,
    objectives: &[&str],
    rng: &mut Rng,
) -> (Vec<Project>, Vec<Plan>) {
    let mut seq_by_year: HashMap<i32, u32> = HashMap::new();
    let mut titles: HashMap<String, u32> = HashMap::new();
    let last_registration = (frame.end - 10).max(frame.window_start);
    let span = f64::from(last_registration - frame.window_start);
    let mut projects = Vec::with_capacity(n);
    let mut plans = Vec::with_capacity(n);
    for k in 0..n {
        // Intake grows by a factor 1.7 over the window.
        let q = (k as f64 + rng.unit()) / n as f64;
        let registered = frame.window_start + (growing_quantile(q, 0.7) * span) as i32;
        let t = frame.position(registered);
        let year = year_of(registered);
        let seq = seq_by_year.entry(year).or_insert(0);
        *seq += 1;
        let id = format!("DOS-{year}-{:04}", *seq);

        // Two families: operations of the territory steered by the DADI but financed by
        // others (large, no own funds of the city), and municipal projects with a financing
        // plan (smaller, own funds plus partners), whose share grows as the DADI matures.
        let cofinanced = rng.chance(0.53 + 0.1 * t);
        let planned_euros = if cofinanced {
            let u = rng.unit();
            64_000.0 + 500_000.0 * u * u.sqrt()
        } else {
            let u = rng.unit();
            500_000.0 + 11_500_000.0 * u * u * u
        };
        let planned_cents = euros(planned_euros / 100.0) * 100;

        // Instruction lead time: about 165 days at the start of the window, 45 at the end
        // (the "divided by 4"), uniform noise of +/-50 %.
        let mean_lead = 45.0 + 120.0 * (1.0 - t) * (1.0 - t);
        let lead = ((mean_lead * (0.5 + rng.unit())).round() as i32).max(1);
        let decision = registered + lead;
        let complete = rng.chance(0.7).then(|| registered + (f64::from(lead) * rng.range(0.15, 0.45)) as i32);
        let approved = rng.chance(0.9);

        let mut events: Vec<(Stage, i32)> = vec![(Stage::Registered, registered)];
        if let Some(c) = complete {
            events.push((Stage::Complete, c));
        }
        let mut planned_end = None;
        let mut delivery_day = None;
        if approved {
            events.push((Stage::Approved, decision));
            let planned_duration =
                if cofinanced { 120 + rng.below(600) as i32 } else { 900 + rng.below(1500) as i32 };
            let start_delay = 30 + rng.below(90) as i32;
            let plan_end = (decision + 60 + planned_duration).min(frame.max_day);
            planned_end = Some(plan_end);
            let start = decision + start_delay;
            // On-time delivery becomes more frequent as project management takes hold.
            let delivered = if rng.chance(0.45 + 0.35 * t) {
                plan_end - rng.below(30) as i32
            } else {
                start + (f64::from(planned_duration) * rng.range(1.05, 1.4)) as i32
            }
            .max(start + 1);
            // Closing waits for the last payments and the final accounts: one to three years.
            let closed = delivered + 365 + rng.below(730) as i32;
            events.push((Stage::Started, start));
            events.push((Stage::Delivered, delivered));
            events.push((Stage::Closed, closed));
            delivery_day = Some(delivered);
            if rng.chance(0.05) {
                let abandon = decision + (f64::from(delivered - decision) * rng.unit()) as i32;
                events.retain(|(s, d)| *d <= abandon && !s.is_terminal());
                events.push((Stage::Abandoned, abandon));
                delivery_day = None;
            }
        } else {
            events.push((Stage::Rejected, decision));
            events.push((Stage::Closed, decision + 15 + rng.below(60) as i32));
        }
        // Nothing after the latest date: the file is where it stands on 31 December.
        events.retain(|(_, d)| *d <= frame.end);
        let recorded = |stage: Stage| events.iter().find(|(s, _)| *s == stage).map(|(_, d)| *d);
        let decided = recorded(if approved { Stage::Approved } else { Stage::Rejected });
        let started = recorded(Stage::Started);
        let delivered = recorded(Stage::Delivered).filter(|_| delivery_day.is_some());
        let abandoned = recorded(Stage::Abandoned);

        let own_cents = if cofinanced && approved && decided.is_some() {
            // The city puts in 11 % to 21 % of the cost; partners are sought for the rest.
            euros(planned_cents as f64 / 100.0 * rng.range(0.11, 0.21))
        } else {
            0
        };
        // A rejected file seeks no money; an undecided one has pledges only.
        let external_cents = if cofinanced && (approved || decided.is_none()) {
            let own_share = if own_cents > 0 { own_cents } else { planned_cents * 16 / 100 };
            planned_cents - own_share
        } else {
            0
        };
        let actual_cents = delivered.map(|_| euros(planned_cents as f64 / 100.0 * rng.range(0.93, 1.15)));

        let lead_service = rng.weighted(&names::LEAD_WEIGHTS);
        let mut contributing = Vec::new();
        // Transversality rises: from 15 % to 70 % of new files involve other services.
        if rng.chance(0.15 + 0.55 * t) {
            let wanted = 1 + rng.below(3) as usize;
            while contributing.len() < wanted {
                let s = rng.index(names::SERVICES.len());
                if s != lead_service && !contributing.contains(&s) {
                    contributing.push(s);
                }
            }
            crate::sort::sort_by(&mut contributing, Ord::cmp);
        }
        let service_id = |i: usize| names::SERVICES.get(i).map(|s| s.0).unwrap_or("dadi").to_string();
        let mut served = Vec::new();
        if let Some(o) = objectives.get(rng.index(objectives.len())) {
            served.push((*o).to_string());
        }
        if rng.chance(0.4) {
            if let Some(o) = objectives.get(rng.index(objectives.len())) {
                if !served.iter().any(|s| s == o) {
                    served.push((*o).to_string());
                }
            }
        }

        let base_title = format!(
            "{} {} {}",
            pick(rng, &names::ACTIONS),
            pick(rng, &names::OBJECTS),
            pick(rng, &names::PLACES)
        );
        let count = titles.entry(base_title.clone()).or_insert(0);
        *count += 1;
        let mut title = if *count == 1 { base_title } else { format!("{base_title} (phase {count})") };
        if !cofinanced {
            title.push_str(" — opération du territoire");
        }

        projects.push(Project {
            id,
            title,
            lead_service: service_id(lead_service),
            contributing_services: contributing.into_iter().map(service_id).collect(),
            objectives: served,
            stages: events.iter().map(|&(stage, d)| StageEvent { stage, date: date(d) }).collect(),
            planned_cost: Some(money(planned_cents)),
            actual_cost: actual_cents.map(money),
            planned_end: planned_end.filter(|_| decided.is_some()).map(date),
            own_funds: (own_cents > 0).then(|| money(own_cents)),
        });
        plans.push(Plan {
            registered,
            lead,
            approved,
            decided,
            started,
            delivered,
            abandoned,
            planned_cents,
            own_cents,
            external_cents,
            actual_cents,
        });
    }
    (projects, plans)
}

/// The form of support a partner of this kind gives, and how large its share of a
/// financing plan tends to be (public funders carry most of it).
fn support(kind: PartnerKind, rng: &mut Rng) -> (FundingKind, f64) {
    let u = rng.unit();
    match kind {
        PartnerKind::Company => {
            let k = if u < 0.5 {
                FundingKind::Sponsorship
            } else if u < 0.8 {
                FundingKind::Investment
            } else {
                FundingKind::InKind
            };
            (k, 0.6 + u)
        }
        PartnerKind::Association => {
            (if u < 0.6 { FundingKind::InKind } else { FundingKind::Sponsorship }, 0.3)
        }
        PartnerKind::Foundation => (if u < 0.7 { FundingKind::Sponsorship } else { FundingKind::Grant }, 1.5),
        PartnerKind::Bank => (if u < 0.8 { FundingKind::Loan } else { FundingKind::Sponsorship }, 3.0),
        PartnerKind::Other => (if u < 0.5 { FundingKind::Grant } else { FundingKind::InKind }, 0.8),
        PartnerKind::PublicAgency if u < 0.2 => (FundingKind::Loan, 4.0),
        _ => (FundingKind::Grant, 4.0 + 4.0 * u),
    }
}

fn step(status: FundingStatus, day: i32, cents: i64) -> CommitmentStep {
    CommitmentStep { status, date: date(day), amount: money(cents) }
}

/// Exactly `n` commitments (none without partners): most finance the municipal projects'
/// external share, pledged during instruction, signed after approval and received in
/// tranches (an advance at the start, a mid-way payment on long works, the balance after
/// delivery); about 3 % support the INVESTINROMANS network itself, with no project.
pub(crate) fn commitments(
    n: usize,
    frame: &Frame,
    projects: &[Project],
    plans: &[Plan],
    partners: &[Partner],
    join_days: &[i32],
    rng: &mut Rng,
) -> Vec<Commitment> {
    if partners.is_empty() || n == 0 {
        return Vec::new();
    }
    let eligible: Vec<usize> =
        (0..plans.len()).filter(|&i| plans.get(i).is_some_and(|p| p.external_cents > 0)).collect();
    let unattached = if eligible.is_empty() { n } else { (n * 3).div_ceil(100).min(n) };
    let attached = n - unattached;
    // How many commitments each eligible project gets: one each (evenly spread when there
    // are fewer commitments than projects), the rest drawn in proportion to external need.
    let mut counts = vec![0usize; eligible.len()];
    if attached < eligible.len() {
        for j in 0..attached {
            if let Some(c) = counts.get_mut(j * eligible.len() / attached.max(1)) {
                *c += 1;
            }
        }
    } else {
        counts.iter_mut().for_each(|c| *c = 1);
        let mut cumulative = Vec::with_capacity(eligible.len());
        let mut total = 0f64;
        for &i in &eligible {
            total += plans.get(i).map(|p| p.external_cents as f64).unwrap_or(0.0);
            cumulative.push(total);
        }
        for _ in eligible.len()..attached {
            let x = rng.unit() * total;
            let j = cumulative.partition_point(|&c| c <= x).min(eligible.len() - 1);
            if let Some(c) = counts.get_mut(j) {
                *c += 1;
            }
        }
    }

    let joined_by = |day: i32| join_days.partition_point(|&d| d <= day).max(1);
    let mut out = Vec::with_capacity(n);
    for (slot, &i) in eligible.iter().enumerate() {
        let (Some(plan), Some(project)) = (plans.get(i), projects.get(i)) else { continue };
        let k = counts.get(slot).copied().unwrap_or(0);
        if k == 0 {
            continue;
        }
        // Choose the partners first: their kind decides the form and the weight of each share.
        let mut parts = Vec::with_capacity(k);
        for _ in 0..k {
            let pledge =
                (plan.registered + (f64::from(plan.lead) * rng.range(0.1, 0.8)) as i32).min(frame.end);
            let p = rng.index(joined_by(pledge));
            let Some(partner) = partners.get(p) else { continue };
            let (kind, weight) = support(partner.kind, rng);
            parts.push((pledge, p, kind, weight));
        }
        let total_weight: f64 = parts.iter().map(|x| x.3).sum();
        let mut left = plan.external_cents;
        let last = parts.len().saturating_sub(1);
        for (j, (pledge, p, kind, weight)) in parts.into_iter().enumerate() {
            let pledged = if j == last {
                left
            } else {
                (euros(plan.external_cents as f64 / 100.0 * weight / total_weight)).min(left)
            };
            left -= pledged;
            let mut steps = vec![step(FundingStatus::Pledged, pledge, pledged)];
            if let (Some(decided), true) = (plan.decided, plan.approved) {
                let signed_day = decided.max(pledge) + 15 + rng.below(105) as i32;
                let signed = if rng.chance(0.65) {
                    pledged
                } else {
                    euros(pledged as f64 / 100.0 * rng.range(0.75, 0.98))
                };
                if signed_day <= frame.end && signed > 0 {
                    steps.push(step(FundingStatus::Signed, signed_day, signed));
                    let stop = plan.abandoned.unwrap_or(frame.end).min(frame.end);
                    let mut tranches: Vec<(i32, i64)> = Vec::new();
                    if matches!(kind, FundingKind::InKind | FundingKind::Loan) {
                        if let Some(s) = plan.started {
                            tranches.push((s + 10 + rng.below(40) as i32, signed));
                        }
                    } else {
                        if let Some(s) = plan.started {
                            tranches.push((s + 15 + rng.below(60) as i32, signed * 30 / 100));
                            if let Some(d) = plan.delivered.filter(|d| d - s > 365) {
                                tranches.push((s + (d - s) / 2, signed * 40 / 100));
                            }
                        }
                        if let Some(d) = plan.delivered {
                            let so_far: i64 = tranches.iter().map(|t| t.1).sum();
                            let balance = signed - so_far;
                            // One balance in five is paid short (works cheaper than planned).
                            let paid = if rng.chance(0.2) { balance * 9 / 10 } else { balance };
                            tranches.push((d + 30 + rng.below(150) as i32, paid));
                        }
                    }
                    crate::sort::sort_by_key(&mut tranches, |t| t.0);
                    let mut received = 0i64;
                    for (day, cents) in tranches {
                        let day = day.max(signed_day);
                        if day <= stop && cents > 0 && received + cents <= signed {
                            received += cents;
                            steps.push(step(FundingStatus::Received, day, cents));
                        }
                    }
                }
            }
            out.push(Commitment {
                id: String::new(),
                partner: partners.get(p).map(|x| x.id.clone()).unwrap_or_default(),
                project: Some(project.id.clone()),
                kind,
                steps,
            });
        }
    }
    for _ in 0..unattached {
        let day = frame.window_start + rng.below((frame.end - frame.window_start).max(1) as u64) as i32;
        let p = rng.index(joined_by(day));
        let Some(partner) = partners.get(p) else { continue };
        let kind = if partner.kind.is_public() { FundingKind::Grant } else { FundingKind::Sponsorship };
        let cents = euros(rng.range(1_000.0, 25_000.0));
        let mut steps = vec![step(FundingStatus::Pledged, day, cents)];
        let signed_day = day + 20 + rng.below(40) as i32;
        if signed_day <= frame.end {
            steps.push(step(FundingStatus::Signed, signed_day, cents));
            let received_day = signed_day + 20 + rng.below(60) as i32;
            if received_day <= frame.end {
                steps.push(step(FundingStatus::Received, received_day, cents));
            }
        }
        out.push(Commitment { id: String::new(), partner: partner.id.clone(), project: None, kind, steps });
    }
    for (i, c) in out.iter_mut().enumerate() {
        c.id = format!("ENG-{:06}", i + 1);
    }
    out
}
