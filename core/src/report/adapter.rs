//! The thin adapter from the engine's and the analytics' results to the report's views.
//!
//! [`report_view`] evaluates the history range once ([`evaluate_range`]) for the series,
//! trends and link correlations, takes the portfolio and partnership figures from
//! [`headline`](crate::analytics::headline::headline) (the same call the main job makes), and copies them into the views. It
//! computes nothing the core already computes: scores, statuses, trends, coverages, targets,
//! correlations, lead times, caseloads and leverage are the core's numbers; the only
//! arithmetic here is bookkeeping (counting open files into age buckets, and turning the
//! score cut-offs into value bands, checked against [`ScoringMethod::score`] itself).
//! Suppressed values never reach a view: the engine already leaves them out.
//!
//! The convenience functions [`html_report`], [`overview_svg_for`],
//! [`strategy_map_svg_for`] and [`indicator_card_for`] are the entry points of the Python
//! and WebAssembly bindings; their names are stable. A host that keeps the compiled
//! [`Engine`] or the evaluation of a period (the WebAssembly binding does) calls
//! [`html_report_with`], [`indicator_card_with`], [`evaluation_overview_svg`] and
//! [`evaluation_strategy_map_svg`] instead: same output, no second compilation.
//!
//! ```
//! use pilotage::locale::Locale;
//! use pilotage::report::adapter::{ReportOptions, html_report};
//! let ws = pilotage::sample::city();
//! let html = html_report(&ws, "2025-Q4".parse()?, Locale::Fr, &ReportOptions::default())?;
//! assert!(html.contains(&ws.organisation.replace('\'', "&#39;")));
//! # Ok::<(), pilotage::Error>(())
//! ```

use chrono::NaiveDate;
use rust_decimal::prelude::ToPrimitive;
use serde::{Deserialize, Serialize};

use super::card::card_chart_svg;
use super::escape::{anchor_id, escape};
use super::model::*;
use crate::analytics::headline::{Headline, HeadlineOptions};
use crate::analytics::partnership::{self, FundsScope, LeverageDefinition};
use crate::analytics::portfolio::{self, LeadTimeOptions};
use crate::engine::evaluation::{Evaluation, NodeResult, evaluate_range};
use crate::engine::scoring::{
    LowerRatio, RuleCut, ScoreInput, ScoringMethod, Status, StatusThresholds, expected_at,
};
use crate::engine::trend::Direction;
use crate::engine::{Engine, NodeKind};
use crate::error::{Error, Result};
use crate::explain::render_in;
use crate::locale::{Locale, status_symbol};
use crate::model::indicator::Polarity;
use crate::model::partner::PartnerKind;
use crate::model::period::{Frequency, Period};
use crate::model::workspace::Workspace;

/// How many reporting periods the cards and the charts over time show.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "kind", content = "value", rename_all = "snake_case")]
pub enum History {
    /// The last `n` periods up to the report's (fewer when the data starts later); at least 1.
    Periods(u32),
    /// Every period from the first one with data (measurement, project stage, commitment
    /// step or partner joining) to the report's.
    Whole,
}

impl Default for History {
    fn default() -> Self {
        History::Periods(8)
    }
}

/// The locale-independent choices of a report.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
pub struct ReportOptions {
    /// The period lead times are compared against (`None`: [`default_comparison`](crate::analytics::headline::default_comparison)).
    pub compare_with: Option<Period>,
    /// How many periods of history the cards and charts show (default: 8).
    pub history: History,
    /// How many partners the top-partners chart shows (default 5).
    pub top_partners: usize,
    /// The leverage definition (default: external funds / own funds).
    pub leverage: LeverageDefinition,
    /// Lead-time start and stop events (default: registration to decision).
    pub lead_time: LeadTimeOptions,
    /// Which files count in the active caseload (default: rejected and delivered files count
    /// until closed).
    #[serde(default)]
    pub caseload: portfolio::CaseloadOptions,
    /// The day shown as the report's date; `None` shows none (the library reads no clock,
    /// so that the same input gives the same bytes).
    pub generated_on: Option<NaiveDate>,
}

impl Default for ReportOptions {
    fn default() -> Self {
        let h = HeadlineOptions::default();
        ReportOptions {
            compare_with: None,
            history: History::default(),
            top_partners: h.top_partners,
            leverage: h.leverage,
            lead_time: h.lead_time,
            caseload: h.caseload,
            generated_on: None,
        }
    }
}

impl ReportOptions {
    /// The [`HeadlineOptions`] these options stand for (the report and the main job then
    /// show the same figures).
    pub fn headline_options(&self) -> HeadlineOptions {
        HeadlineOptions {
            compare_with: self.compare_with,
            top_partners: self.top_partners,
            leverage: self.leverage,
            lead_time: self.lead_time,
            caseload: self.caseload,
        }
    }
}

/// The upper bounds (exclusive, in days since registration) of the ageing buckets; the last
/// bucket is open-ended: `0–90`, `90–180`, `180–365`, `365 and more`.
pub const AGEING_LIMITS: [u32; 3] = [90, 180, 365];

/// The first period of `frequency` with any data in the workspace, if any.
pub fn first_data_period(ws: &Workspace, frequency: Frequency) -> Option<Period> {
    // The workspace's earliest data, or a partner's joining day if earlier.
    let joined = ws.partners.iter().filter_map(|p| p.joined).min();
    let first = [ws.earliest_date(), joined].into_iter().flatten().min()?;
    Period::containing(first, frequency, ws.calendar()).ok()
}

/// The periods the report's history covers, ending at `period`.
fn history_range(ws: &Workspace, period: Period, history: History) -> Result<Period> {
    let data_start = first_data_period(ws, period.frequency()).filter(|p| p.ordinal() <= period.ordinal());
    let first = match history {
        History::Periods(0) => {
            return Err(Error::Argument { name: "history", message: "must be at least 1 period".into() });
        }
        History::Periods(n) => {
            let wanted = period.offset(-(i64::from(n) - 1)).unwrap_or(period);
            match data_start {
                Some(d) if d.ordinal() > wanted.ordinal() => d,
                _ => wanted,
            }
        }
        History::Whole => data_start.unwrap_or(period),
    };
    Ok(first)
}

fn trend(direction: Direction) -> Trend {
    match direction {
        Direction::Improving => Trend::Improving,
        Direction::Stable => Trend::Stable,
        Direction::Declining => Trend::Worsening,
        Direction::Unknown => Trend::Unknown,
    }
}

/// The engine's explanation of a node in the report's language ([`explain_in`]), one
/// sentence a line.
fn explanation_lines(n: &NodeResult, locale: Locale) -> Vec<String> {
    render_in(n, locale).lines().map(str::trim).filter(|l| !l.is_empty()).map(str::to_string).collect()
}

fn node<'a>(ev: &'a Evaluation, id: &str) -> Result<&'a NodeResult> {
    ev.node(id).ok_or_else(|| Error::NotFound { what: "node", id: id.to_string() })
}

/// The overview of an evaluation: perspectives in order, each with the objectives whose
/// parent it is (the evaluation's rows already follow the definition order).
fn overview(ev: &Evaluation, locale: Locale) -> Result<OverviewView> {
    let row = |n: &NodeResult| -> Result<ObjectiveRow> {
        Ok(ObjectiveRow {
            id: n.id.clone(),
            name: n.name.clone(),
            score: n.score,
            status: n.status,
            trend: trend(n.trend.direction),
            coverage: n.coverage,
            explanation: explanation_lines(n, locale),
        })
    };
    let mut perspectives = Vec::new();
    for p in ev.nodes.iter().filter(|n| n.kind == NodeKind::Perspective) {
        let objectives = ev
            .nodes
            .iter()
            .filter(|o| o.kind == NodeKind::Objective && o.parents.contains(&p.id))
            .map(row)
            .collect::<Result<Vec<_>>>()?;
        let r = row(p)?;
        perspectives.push(PerspectiveRow {
            id: r.id,
            name: r.name,
            score: r.score,
            status: r.status,
            trend: r.trend,
            coverage: r.coverage,
            explanation: r.explanation,
            objectives,
        });
    }
    Ok(OverviewView { title: String::new(), period: Some(ev.period), perspectives })
}

/// The scorecard overview of an evaluation as an SVG fragment (what a notebook shows for an
/// evaluation result; it needs no workspace).
pub fn evaluation_overview_svg(ev: &Evaluation, locale: Locale) -> Result<String> {
    Ok(super::overview_svg(&overview(ev, locale)?, locale))
}

fn strategy_map(ws: &Workspace, ev: &Evaluation) -> Result<StrategyMapView> {
    let perspectives = ws
        .scorecard
        .perspectives
        .iter()
        .map(|p| MapPerspective { id: p.id.clone(), name: p.name.clone() })
        .collect();
    let mut objectives = Vec::with_capacity(ws.scorecard.objectives.len());
    for o in &ws.scorecard.objectives {
        let n = node(ev, &o.id)?;
        objectives.push(MapObjective {
            id: o.id.clone(),
            name: n.name.clone(),
            perspective: o.perspective.clone(),
            status: n.status,
            score: n.score,
        });
    }
    // The observed agreement is the engine's correlation, shown only when it rests on
    // enough paired periods (`Settings::min_correlation_periods`).
    let links = ev
        .links
        .iter()
        .map(|l| MapLink {
            from: l.from.clone(),
            to: l.to.clone(),
            sign: l.sign,
            lag: l.lag,
            agreement: if l.enough_data { l.correlation } else { None },
        })
        .collect();
    Ok(StrategyMapView { perspectives, objectives, links })
}

/// The status the engine gives `value` (the rules' status, else the cut-offs').
fn status_of(method: &ScoringMethod, input: &ScoreInput, thresholds: &StatusThresholds) -> Option<Status> {
    let scored = method.score(input).ok()?;
    scored.status.or_else(|| scored.score.map(|s| thresholds.status(s)))
}

/// The values where a method's status can change for the given target, baseline and date:
/// each score cut-off carried back to the value scale, plus the method's own corners.
fn cut_values(method: &ScoringMethod, input: &ScoreInput, th: &StatusThresholds) -> Vec<f64> {
    let cuts = [th.amber, th.green];
    let mut out = Vec::new();
    match method {
        ScoringMethod::LinearProgress { .. } => {
            if let (Some(t), Some(b)) = (input.target, input.baseline) {
                out.push(t);
                out.extend(cuts.iter().map(|s| b + s / 100.0 * (t - b)));
            }
        }
        ScoringMethod::RatioToTarget { lower_is_better, .. } => {
            if let Some(t) = input.target {
                out.extend([0.0, t]);
                for s in cuts {
                    match (input.polarity, lower_is_better) {
                        (Polarity::LowerIsBetter, LowerRatio::TargetOverActual) if s > 0.0 => {
                            out.push(100.0 * t / s)
                        }
                        (Polarity::LowerIsBetter, LowerRatio::TargetOverActual) => {}
                        // score = 100 (2 - a / t)  =>  a = t (2 - score / 100)
                        (Polarity::LowerIsBetter, LowerRatio::TwoMinusActualOverTarget) => {
                            out.push(t * (2.0 - s / 100.0))
                        }
                        _ => out.push(s * t / 100.0),
                    }
                }
            }
        }
        ScoringMethod::GoalRedFlag { goal, red_flag } => {
            if let Some(g) = goal.or(input.target) {
                // native = score / 10 = 10/3 ((a - r) / (g - r) + 1)  =>  a = r + (g - r)(3 score / 100 - 1)
                out.extend(cuts.iter().map(|s| red_flag + (g - red_flag) * (3.0 * s / 100.0 - 1.0)));
            }
        }
        ScoringMethod::Band { low, high, tolerance } => {
            out.extend([*low, *high]);
            for s in cuts {
                // score = 100 (1 - d / tolerance)  =>  d = tolerance (1 - score / 100)
                let d = tolerance * (1.0 - s / 100.0);
                out.extend([low - d, high + d]);
            }
        }
        ScoringMethod::MinMax { min, max, log } => {
            let (lo, hi) = if *log { (min.ln(), max.ln()) } else { (*min, *max) };
            for s in cuts {
                let x = match input.polarity {
                    Polarity::LowerIsBetter => hi - s / 100.0 * (hi - lo),
                    _ => lo + s / 100.0 * (hi - lo),
                };
                out.push(if *log { x.exp() } else { x });
            }
        }
        ScoringMethod::StatusRules { rules, .. } => {
            out.extend(rules.iter().filter_map(|r| RuleCut::of(r, input.target)).map(|c| c.value));
        }
        ScoringMethod::ExpectedProgress {
            start, end, start_value, end_value, milestones, day_count, ..
        } => {
            let e = expected_at(*start, *end, *start_value, *end_value, milestones, input.date, *day_count);
            out.push(e);
            out.extend(cuts.iter().map(|s| start_value + s / 100.0 * (e - start_value)));
        }
    }
    out.retain(|v| v.is_finite());
    crate::sort::sort_by(&mut out, f64::total_cmp);
    out.dedup();
    out
}

/// The status zones of an indicator in value units, for the target, baseline and date of
/// one period: the status of each zone is the one [`ScoringMethod::score`] gives a value
/// inside it (zones between the cut values; adjacent zones of one status merged). Empty
/// when the method cannot score (no target in force, for example).
pub fn value_bands(method: &ScoringMethod, input: &ScoreInput, thresholds: &StatusThresholds) -> Vec<Band> {
    let cuts = cut_values(method, input, thresholds);
    let (Some(&first), Some(&last)) = (cuts.first(), cuts.last()) else { return Vec::new() };
    let reach = (last - first).abs().max(first.abs()).max(last.abs()).max(1.0);
    let at = |v: f64| status_of(method, &ScoreInput { actual: v, ..*input }, thresholds);
    // Probe points: one below the first cut, the middle of each gap, one above the last.
    // (A positive first cut is probed at its half, so that methods defined on positive
    // values only, such as logarithmic goalposts, can score the probe.)
    let below = if first > 0.0 { first / 2.0 } else { first - reach };
    let mut zones: Vec<(Option<f64>, Option<f64>, f64)> = vec![(None, Some(first), below)];
    for w in cuts.windows(2) {
        if let [a, b] = *w {
            zones.push((Some(a), Some(b), (a + b) / 2.0));
        }
    }
    zones.push((Some(last), None, last + reach));
    let mut bands: Vec<Band> = Vec::new();
    let mut open = false;
    for (low, high, probe) in zones {
        // A zone the method cannot score (below zero for a logarithm) gets no band.
        let Some(status) = at(probe) else {
            open = false;
            continue;
        };
        match bands.last_mut() {
            Some(prev) if open && prev.status == status => prev.high = high,
            _ => bands.push(Band { low, high, status }),
        }
        open = true;
    }
    bands
}

/// The decimals a card shows its values with: the smallest number (0 to 2) that shows every
/// actual value exactly, else 2; none when a value reaches 1 000 (counts of visits, euros).
fn decimals_for(values: impl Iterator<Item = f64>) -> u8 {
    let mut need = 0u8;
    for v in values.filter(|v| v.is_finite()) {
        if v.abs() >= 1000.0 {
            return 0;
        }
        let d = (0u8..=2).find(|d| {
            let k = 10f64.powi(i32::from(*d));
            ((v * k).round() / k - v).abs() <= 1e-9 * v.abs().max(1.0)
        });
        need = need.max(d.unwrap_or(2));
    }
    need
}

/// An indicator's value and target at each period of a history, oldest first.
type NodeHistory = Vec<(Period, Option<f64>, Option<f64>)>;

/// The evaluation of `last` whole, the periods from `first` to `last` and, per node (in the
/// engine's order, the same at every period), its value and target at each of them, for the
/// nodes `keep` accepts (the others get an empty history). One rich evaluation is alive at a time: a range of them
/// held together took most of the report's memory on a large workspace.
fn histories(
    engine: &Engine,
    first: Period,
    last: Period,
    keep: &dyn Fn(&NodeResult) -> bool,
) -> Result<(Evaluation, Vec<Period>, Vec<NodeHistory>)> {
    let (mut latest, mut periods) = (None, Vec::new());
    let mut histories: Vec<NodeHistory> = Vec::new();
    engine.evaluate_range_each(first, last, &mut |ev| {
        periods.push(ev.period);
        histories.resize_with(ev.nodes.len(), Vec::new);
        for (h, n) in histories.iter_mut().zip(&ev.nodes).filter(|(_, n)| keep(n)) {
            h.push((ev.period, n.value, n.target));
        }
        // only the last period's evaluation is kept, and the one before is dropped before
        // that one is built: two rich evaluations (each with the record ids its derived
        // indicators count) were held at once
        latest = (ev.period == last).then_some(ev);
    })?;
    let latest = latest
        .ok_or_else(|| Error::Argument { name: "period", message: format!("no evaluation for {last}") })?;
    Ok((latest, periods, histories))
}

/// The card of indicator node `n` of the latest evaluation, with its history and its
/// definition in `ws` (when there).
fn card(
    ws: &Workspace,
    indicator: Option<&crate::model::indicator::Indicator>,
    history: &[(Period, Option<f64>, Option<f64>)],
    n: &NodeResult,
    locale: Locale,
) -> IndicatorCardView {
    let series: Vec<SeriesPoint> =
        history.iter().map(|&(period, value, _)| SeriesPoint { period, value }).collect();
    let targets: Vec<SeriesPoint> = history
        .iter()
        .filter_map(|&(period, _, target)| target.map(|t| SeriesPoint { period, value: Some(t) }))
        .collect();
    let bands = match (indicator, &n.explanation.scoring) {
        (Some(ind), Some(method)) => {
            let input = ScoreInput {
                actual: 0.0,
                target: n.target,
                baseline: n.explanation.baseline.map(|b| b.value),
                polarity: ind.polarity,
                date: n.period.end_date(ws.calendar()),
            };
            value_bands(method, &input, &n.explanation.thresholds)
        }
        _ => Vec::new(),
    };
    let decimals = decimals_for(series.iter().filter_map(|p| p.value));
    IndicatorCardView {
        id: n.id.clone(),
        name: n.name.clone(),
        unit: n.unit.clone().unwrap_or_default(),
        decimals,
        series,
        targets,
        bands,
        latest: Some(LatestView { period: n.period, value: n.value, score: n.score, status: n.status }),
        explanation: explanation_lines(n, locale),
    }
}

/// The label of a kind of partner: `Région` / `Region`.
pub fn partner_kind_label(kind: PartnerKind, locale: Locale) -> &'static str {
    let (fr, en) = match kind {
        PartnerKind::State => ("État", "State"),
        PartnerKind::Region => ("Région", "Region"),
        PartnerKind::Department => ("Département", "Department"),
        PartnerKind::Intercommunality => ("Intercommunalité", "Intercommunality"),
        PartnerKind::Eu => ("Union européenne", "European Union"),
        PartnerKind::PublicAgency => ("Agence publique", "Public agency"),
        PartnerKind::Company => ("Entreprise", "Company"),
        PartnerKind::Association => ("Association", "Association"),
        PartnerKind::Foundation => ("Fondation", "Foundation"),
        PartnerKind::Bank => ("Banque", "Bank"),
        PartnerKind::Other => ("Autre", "Other"),
    };
    match locale {
        Locale::Fr => fr,
        Locale::En => en,
    }
}

/// The word of a lead-time milestone: `enregistrement` / `registration`.
pub fn milestone_label(m: portfolio::Milestone, locale: Locale) -> &'static str {
    use portfolio::Milestone as M;
    let (fr, en) = match m {
        M::Registered => ("enregistrement", "registration"),
        M::Complete => ("dossier complet", "complete file"),
        M::Decision => ("décision", "decision"),
        M::Notified => ("notification", "notification"),
        M::Approved => ("approbation", "approval"),
        M::Started => ("démarrage", "start"),
        M::Delivered => ("livraison", "delivery"),
        M::Closed => ("clôture", "closing"),
    };
    match locale {
        Locale::Fr => fr,
        Locale::En => en,
    }
}

/// What the caseload leaves out beyond closed and abandoned files ("" by default).
fn caseload_rule(options: portfolio::CaseloadOptions, locale: Locale) -> &'static str {
    match (options.rejected_until_closed, options.delivered_until_closed, locale) {
        (true, true, _) => "",
        (false, true, Locale::Fr) => ", ni rejetés",
        (true, false, Locale::Fr) => ", ni livrés",
        (false, false, Locale::Fr) => ", ni rejetés ni livrés",
        (false, true, Locale::En) => ", nor rejected",
        (true, false, Locale::En) => ", nor delivered",
        (false, false, Locale::En) => ", nor rejected nor delivered",
    }
}

fn leverage_definition(definition: LeverageDefinition, as_of: NaiveDate, locale: Locale) -> String {
    let date = locale.date(as_of);
    match (definition, locale) {
        (LeverageDefinition::ExternalOverOwn, Locale::Fr) => format!(
            "fonds extérieurs signés / fonds propres de la ville, sur les projets approuvés au {date}"
        ),
        (LeverageDefinition::TotalOverOwn, Locale::Fr) => format!(
            "(fonds propres + fonds extérieurs signés) / fonds propres, sur les projets approuvés au {date}"
        ),
        (LeverageDefinition::ExternalOverOwn, Locale::En) => {
            format!("signed external funds / the city's own funds, over the projects approved by {date}")
        }
        (LeverageDefinition::TotalOverOwn, Locale::En) => {
            format!("(own + signed external funds) / own funds, over the projects approved by {date}")
        }
        (LeverageDefinition::PlannedCostOverOwn, Locale::Fr) => format!(
            "dépense totale prévue / fonds propres, sur les projets approuvés au {date} dont le coût prévu est connu"
        ),
        (LeverageDefinition::PlannedCostOverOwn, Locale::En) => format!(
            "total planned expenditure / own funds, over the projects approved by {date} with a planned cost"
        ),
    }
}

fn portfolio_view(
    ws: &Workspace,
    periods: &[Period],
    h: &Headline,
    options: &ReportOptions,
    locale: Locale,
) -> PortfolioView {
    let cal = ws.calendar();
    let caseload = periods
        .iter()
        .map(|p| SeriesPoint {
            period: *p,
            value: Some(portfolio::caseload_with(ws, p.end_date(cal), options.caseload).count as f64),
        })
        .collect();
    let sample = |s: &portfolio::LeadTimeStats| LeadTimeSample {
        label: locale.period(s.period),
        days: s.files.iter().map(|f| f.days as f64).collect(),
    };
    let mut ageing: Vec<AgeingBucket> = Vec::with_capacity(AGEING_LIMITS.len() + 1);
    let mut min = 0;
    for max in AGEING_LIMITS.iter().map(|m| Some(*m)).chain(std::iter::once(None)) {
        ageing.push(AgeingBucket { min_days: min, max_days: max, count: 0 });
        min = max.unwrap_or(min);
    }
    for f in portfolio::ageing(ws, h.as_of) {
        let days = u32::try_from(f.days_since_registration.max(0)).unwrap_or(u32::MAX);
        if let Some(b) = ageing.iter_mut().find(|b| days >= b.min_days && b.max_days.is_none_or(|m| days < m))
        {
            b.count += 1;
        }
    }
    // Whole fiscal years when there is an earlier one (more files, a steadier ratio: the
    // city's "divided by 4" compares years), else the period against its comparison period.
    let lt = h.lead_time_by_year.as_ref().unwrap_or(&h.lead_time);
    let date = locale.date(h.as_of);
    let period = locale.period(h.period);
    let start = milestone_label(options.lead_time.start, locale);
    let stop = milestone_label(options.lead_time.stop, locale);
    let days = |d: Option<f64>| d.map(|d| locale.days(d, 0)).unwrap_or_else(|| "–".to_string());
    let ratio = |r: Option<f64>| r.map(|r| locale.number(r, 1)).unwrap_or_else(|| "–".to_string());
    let (e, l) = (&lt.earlier, &lt.later);
    let explanation = match locale {
        Locale::Fr => vec![
            format!(
                "File active au {date}{}: {} dossiers (enregistrés, ni clos ni abandonnés{}) ; courbe : file active à la fin de chaque période.",
                "\u{a0}",
                h.active_caseload,
                caseload_rule(options.caseload, locale)
            ),
            format!(
                "Délai d’instruction : jours de « {start} » à « {stop} », dossiers décidés dans la période ; {} ({} dossiers) moyenne {}, médiane {} ; {} ({} dossiers) moyenne {}, médiane {}.",
                locale.period(e.period),
                e.count,
                days(e.mean_days),
                days(e.median_days),
                locale.period(l.period),
                l.count,
                days(l.mean_days),
                days(l.median_days)
            ),
            format!(
                "Rapport des moyennes {} / {} = {} ; rapport des médianes = {}.",
                locale.period(e.period),
                locale.period(l.period),
                ratio(lt.mean_ratio),
                ratio(lt.median_ratio)
            ),
            format!("Ancienneté : jours depuis l’enregistrement des dossiers ouverts au {date} ({period})."),
        ],
        Locale::En => vec![
            format!(
                "Active caseload on {date}: {} files (registered, neither closed nor abandoned{}); chart: caseload at the end of each period.",
                h.active_caseload,
                caseload_rule(options.caseload, locale)
            ),
            format!(
                "Instruction lead time: days from “{start}” to “{stop}”, files decided in the period; {} ({} files) mean {}, median {}; {} ({} files) mean {}, median {}.",
                locale.period(e.period),
                e.count,
                days(e.mean_days),
                days(e.median_days),
                locale.period(l.period),
                l.count,
                days(l.mean_days),
                days(l.median_days)
            ),
            format!(
                "Ratio of the means {} / {} = {}; ratio of the medians = {}.",
                locale.period(e.period),
                locale.period(l.period),
                ratio(lt.mean_ratio),
                ratio(lt.median_ratio)
            ),
            format!("Ageing: days since registration of the files open on {date} ({period})."),
        ],
    };
    PortfolioView { caseload, lead_time_before: sample(e), lead_time_after: sample(l), ageing, explanation }
}

fn partnership_view(
    ws: &Workspace,
    periods: &[Period],
    h: &Headline,
    members: usize,
    options: &ReportOptions,
    locale: Locale,
) -> PartnershipView {
    let funds: Vec<FundsPoint> = periods
        .iter()
        .map(|p| {
            let t = partnership::funds(ws, FundsScope::Within(*p)).total;
            FundsPoint { period: *p, pledged: t.pledged, signed: t.signed, received: t.received }
        })
        .collect();
    let lev = &h.finance.leverage;
    let leverage = LeverageView {
        value: lev.value.and_then(|v| v.to_f64()),
        numerator: lev.numerator(),
        denominator: lev.own,
        definition: leverage_definition(lev.definition, h.as_of, locale),
    };
    let top_partners = h
        .concentration
        .partners
        .iter()
        .take(options.top_partners)
        .map(|s| {
            let partner = ws.partners.iter().find(|p| p.id == s.partner);
            PartnerAmount {
                id: s.partner.clone(),
                name: partner.map(|p| p.name.clone()).unwrap_or_else(|| s.partner.clone()),
                kind: partner.map(|p| partner_kind_label(p.kind, locale).to_string()).unwrap_or_default(),
                amount: s.amount,
            }
        })
        .collect();
    let date = locale.date(h.as_of);
    let f = &h.funds.total;
    let share = h.concentration.top_share.and_then(|s| s.to_f64()).map(|s| locale.percent(s, 1));
    let share = share.unwrap_or_else(|| "–".to_string());
    let undefined = lev.undefined_reason;
    let mut explanation = match locale {
        Locale::Fr => vec![
            "Fonds par période : montants des étapes (promis, signé, encaissé) datées dans la période."
                .to_string(),
            format!(
                "Cumul au {date} : promis {}, signé {}, encaissé {}.",
                locale.money_or_dash(f.pledged),
                locale.money_or_dash(f.signed),
                locale.money_or_dash(f.received)
            ),
            format!(
                "Principaux partenaires : montants signés cumulés au {date} ; part des {} premiers : {share}.",
                h.concentration.top_n
            ),
            format!("Partenaires : membres du réseau à la fin de {}.", locale.period(h.period)),
        ],
        Locale::En => vec![
            "Funds by period: amounts of the steps (pledged, signed, received) dated in the period."
                .to_string(),
            format!(
                "Total by {date}: pledged {}, signed {}, received {}.",
                locale.money_or_dash(f.pledged),
                locale.money_or_dash(f.signed),
                locale.money_or_dash(f.received)
            ),
            format!(
                "Top partners: signed amounts up to {date}; share of the top {}: {share}.",
                h.concentration.top_n
            ),
            format!("Partners: members of the network at the end of {}.", locale.period(h.period)),
        ],
    };
    let overflowed = funds.iter().any(|p| p.pledged.is_none() || p.signed.is_none() || p.received.is_none())
        || h.funds.overflow.is_some()
        || h.concentration.overflow.is_some()
        || h.finance.overflow.is_some();
    match undefined {
        // an overflow is said once, in the report's language
        Some(crate::analytics::partnership::LeverageUndefined::Overflow) | None => {}
        Some(reason) => explanation.push(reason.text(locale).to_string()),
    }
    if overflowed || undefined == Some(crate::analytics::partnership::LeverageUndefined::Overflow) {
        explanation.push(locale.money_overflow().to_string());
    }
    PartnershipView {
        funds,
        leverage: Some(leverage),
        top_partners,
        partner_count: u32::try_from(members).ok(),
        explanation,
    }
}

/// The report of `period` (its frequency is the reporting frequency): every view filled
/// from the engine ([`Engine::evaluate_range_each`] over the history, one evaluation at a
/// time, [`crate::explain::explain_in`]'s text in the report's language) and from
/// [`headline`](crate::analytics::headline::headline). Labels inside the views (periods, kinds of partner, the sentences of the
/// portfolio and partnership explanations) are written in `locale`.
///
/// Errors: the engine's (an invalid scorecard, a period out of range) and
/// [`Error::Argument`] for `history: Periods(0)` or `top_partners: 0`.
pub fn report_view(
    ws: &Workspace,
    period: Period,
    locale: Locale,
    options: &ReportOptions,
) -> Result<ReportView> {
    report_view_with(&Engine::new(ws)?, ws, period, locale, options)
}

/// [`report_view`] with an engine already compiled from `ws` (a host that keeps one, such
/// as the WebAssembly binding, saves compiling it again). `engine` must be
/// [`Engine::new`] of this very `ws`.
pub fn report_view_with(
    engine: &Engine,
    ws: &Workspace,
    period: Period,
    locale: Locale,
    options: &ReportOptions,
) -> Result<ReportView> {
    let first = history_range(ws, period, options.history)?;
    let is_indicator = |n: &NodeResult| n.kind == NodeKind::Indicator;
    let (latest, periods, histories) = histories(engine, first, period, &is_indicator)?;
    // the latest evaluation holds the explanations the engine's cache holds again
    engine.forget_points();
    let latest = &latest;
    // the report shows the number of partners alone: counted, not listed (the lists of
    // `partner_counts` held every partner's id three times over on a file of tiny partners)
    let h = crate::analytics::headline::headline_with(
        ws,
        period,
        options.headline_options(),
        crate::analytics::headline::without_partner_lists,
    )?;
    let members = crate::analytics::partnership::partner_tally(ws, period).members;
    // the indicator nodes follow the workspace's indicators, in order: the definition is
    // found by position (a search by id per card was quadratic in the indicators)
    let mut definitions = ws.indicators.iter();
    let mut cards = Vec::new();
    for (n, history) in latest.nodes.iter().zip(&histories).filter(|(n, _)| is_indicator(n)) {
        let next = definitions.next().filter(|i| i.id == n.id);
        let indicator = next.or_else(|| ws.indicators.iter().find(|i| i.id == n.id));
        cards.push(card(ws, indicator, history, n, locale));
    }
    Ok(ReportView {
        organisation: ws.organisation.clone(),
        generated_on: options.generated_on,
        overview: overview(latest, locale)?,
        strategy_map: strategy_map(ws, latest)?,
        cards,
        portfolio: (!ws.projects.is_empty()).then(|| portfolio_view(ws, &periods, &h, options, locale)),
        partnership: (!ws.commitments.is_empty())
            .then(|| partnership_view(ws, &periods, &h, members, options, locale)),
    })
}

/// The whole HTML report of `period` (see [`report_view`] and [`super::html()`]).
pub fn html_report(
    ws: &Workspace,
    period: Period,
    locale: Locale,
    options: &ReportOptions,
) -> Result<String> {
    Ok(super::html(&report_view(ws, period, locale, options)?, locale))
}

/// [`html_report`] with an engine already compiled from `ws` (see [`report_view_with`]).
pub fn html_report_with(
    engine: &Engine,
    ws: &Workspace,
    period: Period,
    locale: Locale,
    options: &ReportOptions,
) -> Result<String> {
    Ok(super::html(&report_view_with(engine, ws, period, locale, options)?, locale))
}

/// The scorecard overview of `period` as an SVG fragment (default options).
pub fn overview_svg_for(ws: &Workspace, period: Period, locale: Locale) -> Result<String> {
    let range = evaluate_range(ws, period, period)?;
    let ev = range
        .last()
        .ok_or_else(|| Error::Argument { name: "period", message: format!("no evaluation for {period}") })?;
    Ok(super::overview_svg(&overview(ev, locale)?, locale))
}

/// The strategy map of `period` as an SVG fragment.
pub fn strategy_map_svg_for(ws: &Workspace, period: Period, locale: Locale) -> Result<String> {
    let range = evaluate_range(ws, period, period)?;
    let ev = range
        .last()
        .ok_or_else(|| Error::Argument { name: "period", message: format!("no evaluation for {period}") })?;
    evaluation_strategy_map_svg(ws, ev, locale)
}

/// The strategy map of an evaluation of `ws` as an SVG fragment (what
/// [`strategy_map_svg_for`] draws, for a host that already holds the evaluation).
pub fn evaluation_strategy_map_svg(ws: &Workspace, ev: &Evaluation, locale: Locale) -> Result<String> {
    Ok(super::strategy_map_svg(&strategy_map(ws, ev)?, locale))
}

/// One indicator card of `period` as an HTML fragment (an `<article>`): name, latest value
/// and status, the SVG chart over the default history, and the explanation in words.
/// [`Error::NotFound`] when `indicator_id` is not an indicator of the scorecard.
pub fn indicator_card_for(
    ws: &Workspace,
    period: Period,
    indicator_id: &str,
    locale: Locale,
) -> Result<String> {
    indicator_card_with(&Engine::new(ws)?, ws, period, indicator_id, locale)
}

/// [`indicator_card_for`] with an engine already compiled from `ws` (see
/// [`report_view_with`]).
pub fn indicator_card_with(
    engine: &Engine,
    ws: &Workspace,
    period: Period,
    indicator_id: &str,
    locale: Locale,
) -> Result<String> {
    let first = history_range(ws, period, History::default())?;
    let (latest, _, histories) = histories(engine, first, period, &|n| n.id == indicator_id)?;
    let Some((n, history)) = latest.nodes.iter().zip(&histories).find(|(n, _)| n.id == indicator_id) else {
        return Err(Error::NotFound { what: "indicator", id: indicator_id.to_string() });
    };
    if n.kind != NodeKind::Indicator {
        return Err(Error::NotFound { what: "indicator", id: indicator_id.to_string() });
    }
    let c = card(ws, ws.indicators.iter().find(|i| i.id == indicator_id), history, n, locale);
    let status = c.latest.map(|l| l.status).unwrap_or(Status::NoData);
    let mut lines = String::new();
    for l in &c.explanation {
        lines.push_str(&format!("<li>{}</li>", escape(l)));
    }
    Ok(format!(
        "<article class=\"card\" id=\"{}\"><h3>{}</h3><p class=\"latest st-text-{}\" data-status=\"{}\">{}</p>{}<ul>{lines}</ul></article>",
        anchor_id(&c.id),
        escape(&c.name),
        status.as_str(),
        escape(status_symbol(status)),
        escape(&super::card::latest_text(&c, locale)),
        card_chart_svg(&c, locale),
    ))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::engine::evaluation::evaluate;
    use crate::report::escape::escape;
    use crate::report::svg::summary;

    fn q4() -> Period {
        Period::Quarter { year: 2025, quarter: 4 }
    }

    fn options() -> ReportOptions {
        ReportOptions { generated_on: NaiveDate::from_ymd_opt(2026, 1, 15), ..ReportOptions::default() }
    }

    #[test]
    fn sample_report_shows_the_core_figures_in_both_languages() {
        let ws = crate::sample::city();
        let ev = evaluate(&ws, q4()).unwrap_or_else(|e| panic!("{e}"));
        let h = crate::analytics::headline::headline(&ws, q4(), HeadlineOptions::default())
            .unwrap_or_else(|e| panic!("{e}"));
        for (locale, files, one_to) in [(Locale::Fr, "dossiers", "1 pour"), (Locale::En, "files", "1 to")] {
            let page = html_report(&ws, q4(), locale, &options()).unwrap_or_else(|e| panic!("{e}"));
            assert!(page.contains(&escape(&ws.organisation)));
            for p in &ws.scorecard.perspectives {
                assert!(page.contains(&escape(&p.name)), "{}", p.name);
                // The overview row links the score, as `evaluate` gives it, to the node.
                let score = ev.node(&p.id).and_then(|n| n.score).unwrap_or(f64::NAN);
                let cell = format!("<a href=\"#{}\">{}</a>", anchor_id(&p.id), locale.number(score, 0));
                assert!(page.contains(&cell), "{cell}");
            }
            for o in &ws.scorecard.objectives {
                assert!(page.contains(&escape(&o.name)), "{}", o.name);
            }
            assert!(page.contains(&format!("{} {files}", h.active_caseload)));
            let lev = h.finance.leverage.value.and_then(|v| v.to_f64()).unwrap_or(f64::NAN);
            assert!(page.contains(&format!("{one_to} {}", locale.number(lev, 1))));
            assert!(page.contains(&escape(&locale.money_or_dash(h.finance.leverage.external))));
            let ratio = h.lead_time_by_year.as_ref().unwrap_or(&h.lead_time).mean_ratio.unwrap_or(f64::NAN);
            assert!(page.contains(&format!(
                "{} {}",
                locale.label(crate::locale::Label::DividedBy),
                locale.number(ratio, 1)
            )));
            // The explanations are in the report's language: each node's lines, as
            // `explain_in` gives them, are in the page, and no English one in French.
            for n in &ev.nodes[1..] {
                let first = crate::explain::render_in(n, locale);
                let first = first.lines().next().unwrap_or_default();
                assert!(page.contains(&format!("<li>{}</li>", escape(first))), "{first}");
            }
            assert_eq!(page.contains("<li>why: "), locale == Locale::En);
            assert_eq!(page.contains("<li>pourquoi\u{a0}: "), locale == Locale::Fr);
            // Every in-page link reaches exactly one anchor.
            let mut targets: Vec<&str> =
                page.split("href=\"#").skip(1).filter_map(|s| s.split('"').next()).collect();
            targets.sort_unstable();
            targets.dedup();
            assert!(targets.len() > 16);
            for t in &targets {
                assert_eq!(page.matches(&format!("id=\"{t}\"")).count(), 1, "anchor {t}");
            }
        }
    }

    #[test]
    fn same_workspace_same_bytes() {
        let ws = crate::sample::city();
        for locale in [Locale::Fr, Locale::En] {
            let a = html_report(&ws, q4(), locale, &options()).unwrap_or_default();
            let b = html_report(&ws.clone(), q4(), locale, &options()).unwrap_or_default();
            assert!(a.len() > 100_000);
            assert_eq!(a, b);
        }
    }

    #[test]
    fn views_carry_the_cores_numbers() {
        let ws = crate::sample::city();
        let view = report_view(&ws, q4(), Locale::Fr, &options()).unwrap_or_else(|e| panic!("{e}"));
        let range = evaluate_range(&ws, Period::Quarter { year: 2024, quarter: 1 }, q4()).unwrap_or_default();
        let h = crate::analytics::headline::headline(&ws, q4(), HeadlineOptions::default())
            .unwrap_or_else(|e| panic!("{e}"));
        // 8 quarters: 2024-Q1 .. 2025-Q4.
        assert_eq!(range.len(), 8);
        let indicators = range[7].nodes.iter().filter(|n| n.kind == NodeKind::Indicator).count();
        assert_eq!(view.cards.len(), indicators);
        let mut suppressed = 0;
        for c in &view.cards {
            assert_eq!(c.series.len(), 8, "{}", c.id);
            for (p, ev) in c.series.iter().zip(&range) {
                let n = ev.node(&c.id).unwrap_or_else(|| panic!("{}", c.id));
                assert_eq!((p.period, p.value), (ev.period, n.value));
                if n.status == Status::Suppressed {
                    suppressed += 1;
                    assert_eq!(p.value, None, "a suppressed value reached the card of {}", c.id);
                }
            }
        }
        let _ = suppressed; // the sample may or may not suppress in these quarters
        let p = view.portfolio.unwrap_or_default();
        assert_eq!(p.caseload.last().and_then(|s| s.value), Some(h.active_caseload as f64));
        // 4 buckets holding every open file.
        assert_eq!(p.ageing.len(), 4);
        let open: u32 = p.ageing.iter().map(|b| b.count).sum();
        assert_eq!(open as usize, portfolio::ageing(&ws, h.as_of).len());
        // The renderer's summaries are the core's statistics (same mean, same type-7 median).
        let lt = h.lead_time_by_year.as_ref().unwrap_or(&h.lead_time);
        for (sample, stats) in [(&p.lead_time_before, &lt.earlier), (&p.lead_time_after, &lt.later)] {
            let s = summary(&sample.days);
            assert_eq!(s.map(|s| s.count), Some(stats.count));
            assert_eq!(s.map(|s| s.mean), stats.mean_days);
            assert_eq!(s.map(|s| s.median), stats.median_days);
        }
        let ratio = summary(&p.lead_time_before.days)
            .zip(summary(&p.lead_time_after.days))
            .map(|(a, b)| a.mean / b.mean);
        assert_eq!(ratio, lt.mean_ratio);
        let lev = view.partnership.and_then(|p| p.leverage).unwrap_or_default();
        assert_eq!(lev.value, h.finance.leverage.value.and_then(|v| v.to_f64()));
        assert_eq!((lev.numerator, lev.denominator), (h.finance.leverage.external, h.finance.leverage.own));
        // Links: the engine's correlation when it rests on enough pairs.
        for (m, l) in view.strategy_map.links.iter().zip(&range[7].links) {
            assert_eq!(m.agreement, l.correlation.filter(|_| l.enough_data));
        }
    }

    #[test]
    fn history_options() {
        let ws = crate::sample::city();
        let whole = ReportOptions { history: History::Whole, ..options() };
        let view = report_view(&ws, q4(), Locale::En, &whole).unwrap_or_else(|e| panic!("{e}"));
        let first = first_data_period(&ws, Frequency::Quarterly);
        assert_eq!(view.cards.first().and_then(|c| c.series.first()).map(|p| p.period), first);
        let zero = ReportOptions { history: History::Periods(0), ..options() };
        assert!(matches!(
            report_view(&ws, q4(), Locale::En, &zero),
            Err(Error::Argument { name: "history", .. })
        ));
        let two = ReportOptions { history: History::Periods(2), ..options() };
        let view = report_view(&ws, q4(), Locale::En, &two).unwrap_or_else(|e| panic!("{e}"));
        assert!(view.cards.iter().all(|c| c.series.len() == 2));
        assert!(matches!(
            indicator_card_for(&ws, q4(), "citoyens", Locale::Fr),
            Err(Error::NotFound { what: "indicator", .. })
        ));
    }

    #[test]
    fn convenience_fragments() {
        let ws = crate::sample::city();
        let card =
            indicator_card_for(&ws, q4(), "ind_delai_instruction_median", Locale::Fr).unwrap_or_default();
        assert!(card.starts_with("<article class=\"card\" id=\"node-ind_delai_instruction_median\">"));
        assert!(card.contains("<svg") && card.contains("<li>") && card.ends_with("</ul></article>"));
        let map = strategy_map_svg_for(&ws, q4(), Locale::En).unwrap_or_default();
        let ov = overview_svg_for(&ws, q4(), Locale::En).unwrap_or_default();
        for svg in [&map, &ov] {
            assert!(svg.starts_with("<svg") && svg.ends_with("</svg>"));
        }
        assert!(ov.contains(&escape(&ws.scorecard.perspectives[0].name)));
    }

    /// The engine- and evaluation-taking variants (what a host that keeps the engine and the
    /// last evaluation calls) give the very bytes of the convenience functions, in both
    /// languages, for the report period and an earlier one evaluated with the same engine.
    #[test]
    fn engine_variants_give_the_same_bytes() {
        let ws = crate::sample::city();
        let engine = Engine::new(&ws).unwrap();
        let options = ReportOptions::default();
        for period in [Period::Quarter { year: 2024, quarter: 2 }, q4()] {
            let ev = engine.evaluate(period).unwrap();
            for locale in [Locale::Fr, Locale::En] {
                assert_eq!(
                    html_report_with(&engine, &ws, period, locale, &options).unwrap(),
                    html_report(&ws, period, locale, &options).unwrap()
                );
                assert_eq!(
                    evaluation_strategy_map_svg(&ws, &ev, locale).unwrap(),
                    strategy_map_svg_for(&ws, period, locale).unwrap()
                );
                assert_eq!(
                    evaluation_overview_svg(&ev, locale).unwrap(),
                    overview_svg_for(&ws, period, locale).unwrap()
                );
                assert_eq!(
                    indicator_card_with(&engine, &ws, period, "ind_delai_instruction_median", locale)
                        .unwrap(),
                    indicator_card_for(&ws, period, "ind_delai_instruction_median", locale).unwrap()
                );
            }
        }
        // The checks of the convenience functions hold for the variants: a bad indicator id
        // is NotFound, an objective is not an indicator either.
        for id in ["nope", "c_attractivite"] {
            assert!(matches!(
                indicator_card_with(&engine, &ws, q4(), id, Locale::Fr),
                Err(Error::NotFound { what: "indicator", .. })
            ));
        }
    }

    /// Every workspace string the report can show carries the payload; ids get it appended
    /// (still unique, references updated; indicators named in a formula keep their id).
    fn injected_workspace() -> Workspace {
        use crate::model::indicator::IndicatorSource;
        use crate::report::html::tests::PAYLOAD;
        let mut ws = crate::sample::city();
        let tag = |s: &mut String| s.push_str(PAYLOAD);
        tag(&mut ws.organisation);
        let formulas: Vec<String> = ws
            .indicators
            .iter()
            .filter_map(|i| match &i.source {
                IndicatorSource::Calculated { expression } => Some(expression.clone()),
                _ => None,
            })
            .collect();
        for p in &mut ws.scorecard.perspectives {
            tag(&mut p.id);
            tag(&mut p.name);
        }
        for o in &mut ws.scorecard.objectives {
            tag(&mut o.id);
            tag(&mut o.name);
            tag(&mut o.perspective);
        }
        for l in &mut ws.scorecard.links {
            tag(&mut l.from);
            tag(&mut l.to);
        }
        let mut renamed = Vec::new();
        for i in &mut ws.indicators {
            if !formulas.iter().any(|f| f.contains(i.id.as_str())) {
                renamed.push(i.id.clone());
                tag(&mut i.id);
            }
            tag(&mut i.name);
            tag(&mut i.unit);
            i.description = Some(format!("description {PAYLOAD}"));
            for m in &mut i.measurements {
                m.comment = Some(format!("comment {PAYLOAD}"));
                m.source = Some(format!("source {PAYLOAD}"));
            }
        }
        for o in &mut ws.scorecard.objectives {
            for l in &mut o.indicators {
                if renamed.contains(&l.indicator) {
                    tag(&mut l.indicator);
                }
            }
        }
        for s in &mut ws.services {
            tag(&mut s.name);
        }
        for p in &mut ws.projects {
            tag(&mut p.id);
            tag(&mut p.title);
            p.objectives.iter_mut().for_each(tag);
        }
        for p in &mut ws.partners {
            tag(&mut p.id);
            tag(&mut p.name);
        }
        for c in &mut ws.commitments {
            tag(&mut c.id);
            tag(&mut c.partner);
            if let Some(p) = &mut c.project {
                tag(p);
            }
        }
        ws
    }

    #[test]
    fn markup_in_a_workspace_never_survives() {
        use crate::report::html::tests::{PAYLOAD, assert_only_our_tags};
        let ws = injected_workspace();
        let problems = crate::model::validation::problems(&ws);
        assert!(problems.is_empty(), "{problems:?}");
        let escaped = escape(PAYLOAD);
        for locale in [Locale::Fr, Locale::En] {
            let page = html_report(&ws, q4(), locale, &options()).unwrap_or_else(|e| panic!("{e}"));
            assert!(!page.contains("<script") && !page.contains("<img") && !page.contains("]]>"));
            assert!(!page.contains(PAYLOAD));
            // The names are there, as text: organisation, perspectives, objectives, indicators,
            // units, partners (top partners) — each followed by the escaped payload.
            assert!(page.contains(&escape(&ws.organisation)));
            for name in
                ws.scorecard.perspectives.iter().map(|p| &p.name).chain(ws.indicators.iter().map(|i| &i.name))
            {
                assert!(page.contains(&escape(name)), "{name}");
            }
            assert!(page.matches(escaped.as_str()).count() > 50);
            assert!(page.matches("onerror=").count() > 50);
            assert_only_our_tags(&page);
            // Ids become safe anchors.
            let id = &ws.scorecard.perspectives[0].id;
            assert!(page.contains(&format!("id=\"{}\"", anchor_id(id))));
        }
        for svg in [
            overview_svg_for(&ws, q4(), Locale::Fr),
            strategy_map_svg_for(&ws, q4(), Locale::En),
            indicator_card_for(&ws, q4(), &ws.indicators[0].id, Locale::Fr),
        ] {
            let svg = svg.unwrap_or_else(|e| panic!("{e}"));
            // (Long names are wrapped over several lines: the payload shows in pieces.)
            assert!(svg.contains("&lt;script&gt;alert(1)&lt;/script&gt;"));
            assert!(!svg.contains("<script") && !svg.contains("<img") && !svg.contains(PAYLOAD));
            assert_only_our_tags(&svg);
        }
    }

    fn th() -> StatusThresholds {
        StatusThresholds::default()
    }

    fn input(target: Option<f64>, baseline: Option<f64>, polarity: Polarity) -> ScoreInput {
        ScoreInput {
            actual: 0.0,
            target,
            baseline,
            polarity,
            date: NaiveDate::from_ymd_opt(2025, 12, 31).unwrap_or_default(),
        }
    }

    #[test]
    fn bands_by_hand() {
        // Linear progress from baseline 120 to target 30 days (lower is better), cut-offs 100/3
        // and 200/3: amber from 120 - 90/3 = 90, green from 120 - 2 x 90/3 = 60.
        let m = ScoringMethod::LinearProgress { cap: Some(100.0), floor_at_zero: true };
        let b = value_bands(&m, &input(Some(30.0), Some(120.0), Polarity::LowerIsBetter), &th());
        let edges: Vec<(Option<f64>, Option<f64>, Status)> =
            b.iter().map(|b| (b.low, b.high, b.status)).collect();
        let close = |x: Option<f64>, y: f64| x.is_some_and(|x| (x - y).abs() < 1e-9);
        assert_eq!(edges.len(), 3, "{edges:?}");
        assert_eq!(edges[0].2, Status::Green);
        assert!(edges[0].0.is_none() && close(edges[0].1, 60.0));
        assert!(edges[1].2 == Status::Amber && close(edges[1].0, 60.0) && close(edges[1].1, 90.0));
        assert!(edges[2].2 == Status::Red && close(edges[2].0, 90.0) && edges[2].1.is_none());
        // Band 60-85, tolerance 20: green within 20 x (1 - 2/3) = 6.67 of the band, amber
        // within 13.33: red < 46.67 <= amber < 53.33 <= green <= 91.67 < amber <= 98.33 < red.
        let m = ScoringMethod::Band { low: 60.0, high: 85.0, tolerance: 20.0 };
        let b = value_bands(&m, &input(None, None, Polarity::InsideBand), &th());
        let statuses: Vec<Status> = b.iter().map(|b| b.status).collect();
        assert_eq!(statuses, [Status::Red, Status::Amber, Status::Green, Status::Amber, Status::Red]);
        assert!(close(b[2].low, 60.0 - 20.0 / 3.0) && close(b[2].high, 85.0 + 20.0 / 3.0));
        // Status rules (at least 12 green, at least 6 amber, else red).
        let m: ScoringMethod = serde_json::from_str(
            r#"{"method":"status_rules","rules":[{"when":"at_least","threshold":12,"status":"green"},
                {"when":"at_least","threshold":6,"status":"amber"}],"otherwise":"red"}"#,
        )
        .unwrap_or_else(|e| panic!("{e}"));
        let b = value_bands(&m, &input(None, None, Polarity::HigherIsBetter), &th());
        assert_eq!(
            b,
            [
                Band { low: None, high: Some(6.0), status: Status::Red },
                Band { low: Some(6.0), high: Some(12.0), status: Status::Amber },
                Band { low: Some(12.0), high: None, status: Status::Green },
            ]
        );
        // A method that needs a target, without one: no band.
        let m = ScoringMethod::RatioToTarget {
            cap: Some(100.0),
            zero_target: Default::default(),
            lower_is_better: Default::default(),
        };
        assert!(value_bands(&m, &input(None, None, Polarity::HigherIsBetter), &th()).is_empty());
        // Logarithmic goalposts 500..20000: amber from e^(ln 500 + ln 40 / 3) = 500 x 40^(1/3).
        let m = ScoringMethod::MinMax { min: 500.0, max: 20000.0, log: true };
        let b = value_bands(&m, &input(None, None, Polarity::HigherIsBetter), &th());
        assert_eq!(b.len(), 3);
        assert!(close(b[1].low, 500.0 * 40f64.powf(1.0 / 3.0)));
    }

    fn methods() -> Vec<(ScoringMethod, ScoreInput)> {
        let date = NaiveDate::from_ymd_opt(2025, 12, 31).unwrap_or_default();
        vec![
            (
                ScoringMethod::LinearProgress { cap: Some(120.0), floor_at_zero: true },
                input(Some(45.0), Some(120.0), Polarity::LowerIsBetter),
            ),
            (
                ScoringMethod::LinearProgress { cap: Some(100.0), floor_at_zero: false },
                input(Some(10.0), Some(5.0), Polarity::HigherIsBetter),
            ),
            (
                ScoringMethod::RatioToTarget {
                    cap: Some(100.0),
                    zero_target: Default::default(),
                    lower_is_better: Default::default(),
                },
                input(Some(4.0), None, Polarity::HigherIsBetter),
            ),
            (
                ScoringMethod::RatioToTarget {
                    cap: None,
                    zero_target: Default::default(),
                    lower_is_better: Default::default(),
                },
                input(Some(8.0), None, Polarity::LowerIsBetter),
            ),
            (
                ScoringMethod::RatioToTarget {
                    cap: Some(100.0),
                    zero_target: Default::default(),
                    lower_is_better: LowerRatio::TwoMinusActualOverTarget,
                },
                input(Some(8.0), None, Polarity::LowerIsBetter),
            ),
            (
                ScoringMethod::GoalRedFlag { goal: Some(45.0), red_flag: 120.0 },
                input(None, None, Polarity::LowerIsBetter),
            ),
            (
                ScoringMethod::GoalRedFlag { goal: None, red_flag: 4.0 },
                input(Some(10.0), None, Polarity::HigherIsBetter),
            ),
            (
                ScoringMethod::Band { low: 7.0, high: 7.0, tolerance: 2.0 },
                input(None, None, Polarity::InsideBand),
            ),
            (
                ScoringMethod::MinMax { min: 4.0, max: 9.0, log: false },
                input(None, None, Polarity::HigherIsBetter),
            ),
            (
                ScoringMethod::MinMax { min: 4.0, max: 9.0, log: false },
                input(None, None, Polarity::LowerIsBetter),
            ),
            (
                ScoringMethod::MinMax { min: 500.0, max: 20000.0, log: true },
                input(None, None, Polarity::HigherIsBetter),
            ),
            (
                ScoringMethod::ExpectedProgress {
                    start: NaiveDate::from_ymd_opt(2022, 1, 1).unwrap_or_default(),
                    end: NaiveDate::from_ymd_opt(2026, 12, 31).unwrap_or_default(),
                    start_value: 0.0,
                    end_value: 400.0,
                    milestones: Vec::new(),
                    cap: Some(100.0),
                    day_count: Default::default(),
                },
                ScoreInput { date, ..input(None, None, Polarity::HigherIsBetter) },
            ),
            (
                ScoringMethod::ExpectedProgress {
                    start: NaiveDate::from_ymd_opt(2022, 1, 1).unwrap_or_default(),
                    end: NaiveDate::from_ymd_opt(2026, 12, 31).unwrap_or_default(),
                    start_value: 0.0,
                    end_value: 400.0,
                    milestones: Vec::new(),
                    cap: Some(100.0),
                    day_count: crate::engine::scoring::DayCount::Inclusive,
                },
                ScoreInput { date, ..input(None, None, Polarity::HigherIsBetter) },
            ),
        ]
    }

    proptest::proptest! {
        /// Any value strictly inside a band gets the band's status from the scoring method.
        #[test]
        fn a_value_inside_a_band_has_its_status(which in 0usize..13, t in 0.0f64..1.0, amber in 10.0f64..50.0, gap in 5.0f64..45.0) {
            let thresholds = StatusThresholds { amber, green: amber + gap };
            let cases = methods();
            let (m, inp) = &cases[which];
            let bands = value_bands(m, inp, &thresholds);
            proptest::prop_assert!(!bands.is_empty());
            for b in &bands {
                let (lo, hi) = match (b.low, b.high) {
                    (Some(l), Some(h)) => (l, h),
                    (None, Some(h)) => (if h > 0.0 { h / 4.0 } else { h - 100.0 }, h),
                    (Some(l), None) => (l, l.abs() * 3.0 + 100.0),
                    (None, None) => (-100.0, 100.0),
                };
                let v = lo + (hi - lo) * (0.001 + 0.998 * t);
                let got = status_of(m, &ScoreInput { actual: v, ..*inp }, &thresholds);
                proptest::prop_assert_eq!(got, Some(b.status), "value {} in {:?}", v, b);
            }
        }
    }
}
