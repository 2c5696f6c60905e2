//! Arbitrary bytes, as UTF-8, through the workspace loader, then the engine over every period
//! of its data, quarterly and yearly, and the headline figures of the last quarter.
//!
//! Bounds (so that one input cannot take seconds): at most [`MAX_PERIODS`] evaluated periods
//! per frequency (the latest ones), and workspaces whose records times months of history
//! exceed [`WORK_BUDGET`] are skipped (the engine's dense pass is linear in both; the bound
//! is documented in `fuzz/README.md`).
//!
//! Invariants: `Engine::new` accepts every valid workspace; `evaluate_range` gives one
//! evaluation per period, each equal to the single-period evaluation of its last period;
//! every score is finite and within the range its scoring method allows (roll-ups within the
//! range of all indicators); a node has a score exactly when its status is neither `no_data`
//! nor `suppressed`; a roll-up's status is the one the organisation's cut-offs give its
//! score; coverage is within 0-1; every evaluation serialises to JSON and loads back equal;
//! `explain` works for every node id; `headline` never panics and its result serialises.

#![no_main]

use chrono::NaiveDate;
use libfuzzer_sys::fuzz_target;
use pilotage::analytics::headline::{HeadlineOptions, headline};
use pilotage::{Engine, Evaluation, Frequency, NodeKind, Period, ScoringMethod, Status, Workspace, explain};

/// Most periods evaluated per frequency.
const MAX_PERIODS: i64 = 200;
/// Most (records + nodes) x (months from the earliest to the latest data date).
const WORK_BUDGET: i64 = 400_000;

fn month_index(d: NaiveDate) -> i64 {
    use chrono::Datelike;
    d.year() as i64 * 12 + d.month0() as i64
}

/// The earliest and latest day the workspace has data for (measurements, stages, steps,
/// partners joining), as the engine's history reads them.
fn data_span(ws: &Workspace) -> Option<(NaiveDate, NaiveDate)> {
    let cal = ws.calendar();
    let mut days: Vec<NaiveDate> = Vec::new();
    for i in &ws.indicators {
        for m in &i.measurements {
            days.push(m.period.start_date(cal));
            days.push(m.period.end_date(cal));
        }
    }
    days.extend(ws.projects.iter().flat_map(|p| p.stages.iter().map(|s| s.date)));
    days.extend(ws.commitments.iter().flat_map(|c| c.steps.iter().map(|s| s.date)));
    days.extend(ws.partners.iter().filter_map(|p| p.joined));
    Some((*days.iter().min()?, *days.iter().max()?))
}

fn records(ws: &Workspace) -> i64 {
    let measurements: usize = ws.indicators.iter().map(|i| i.measurements.len()).sum();
    let stages: usize = ws.projects.iter().map(|p| p.stages.len()).sum();
    let steps: usize = ws.commitments.iter().map(|c| c.steps.len()).sum();
    (1 + ws.scorecard.perspectives.len()
        + ws.scorecard.objectives.len()
        + ws.indicators.len()
        + measurements
        + ws.projects.len()
        + stages
        + ws.partners.len()
        + ws.commitments.len()
        + steps) as i64
}

/// The lowest and highest score an indicator's method can give.
fn bounds(method: &ScoringMethod) -> (f64, f64) {
    let cap = |c: &Option<f64>| c.unwrap_or(f64::INFINITY);
    match method {
        ScoringMethod::LinearProgress { cap: c, floor_at_zero } => {
            (if *floor_at_zero { 0.0 } else { f64::NEG_INFINITY }, cap(c))
        }
        ScoringMethod::RatioToTarget { cap: c, .. } | ScoringMethod::ExpectedProgress { cap: c, .. } => {
            (0.0, cap(c))
        }
        _ => (0.0, 100.0),
    }
}

fn check(ws: &Workspace, ev: &Evaluation, period: Period) {
    assert_eq!(ev.period, period);
    let method_of = |id: &str| ws.indicators.iter().find(|i| i.id == id).map(|i| &i.scoring);
    let (lo, hi) = ws
        .indicators
        .iter()
        .map(|i| bounds(&i.scoring))
        .fold((0.0f64, 100.0f64), |(a, b), (c, d)| (a.min(c), b.max(d)));
    for n in &ev.nodes {
        assert_eq!(n.period, period, "{}", n.id);
        assert!((0.0..=1.0).contains(&n.coverage), "{}: coverage {}", n.id, n.coverage);
        let no_score = matches!(n.status, Status::NoData | Status::Suppressed);
        assert_eq!(n.score.is_none(), no_score, "{} at {period}: {:?} with {:?}", n.id, n.score, n.status);
        let Some(s) = n.score else { continue };
        assert!(s.is_finite(), "{} at {period}: score {s}", n.id);
        let (l, h) = match (n.kind, method_of(&n.id)) {
            (NodeKind::Indicator, Some(m)) => bounds(m),
            _ => (lo, hi),
        };
        assert!(l <= s && s <= h, "{} at {period}: score {s} outside {l}..={h}", n.id);
        if n.kind != NodeKind::Indicator {
            assert_eq!(n.status, ws.settings.thresholds.status(s), "{} at {period}: score {s}", n.id);
        }
        if let Some(x) = n.native_score {
            assert!(x.is_finite() && (0.0..=10.0).contains(&x), "{}: native score {x}", n.id);
        }
    }
    let json = serde_json::to_string(ev);
    assert!(json.is_ok(), "an evaluation must serialise: {json:?}");
    if let Ok(json) = json {
        let back: Result<Evaluation, _> = serde_json::from_str(&json);
        assert!(back.is_ok(), "an evaluation must load back: {back:?}\n{json}");
    }
    for n in &ev.nodes {
        let text = explain(ev, &n.id);
        assert!(text.as_ref().is_ok_and(|t| !t.is_empty()), "explain {}: {text:?}", n.id);
    }
}

fn run(
    ws: &Workspace,
    engine: &Engine,
    frequency: Frequency,
    from: NaiveDate,
    to: NaiveDate,
) -> Option<Period> {
    let cal = ws.calendar();
    let last = Period::containing(to, frequency, cal).ok()?;
    let mut first = Period::containing(from, frequency, cal).ok()?;
    let n = first.steps_to(last)? + 1;
    if n > MAX_PERIODS {
        first = last.offset(1 - MAX_PERIODS).ok()?;
    }
    let all = engine.evaluate_range(first, last);
    assert!(all.is_ok(), "evaluating {first} to {last} of a valid workspace: {all:?}");
    let all = all.ok()?;
    assert_eq!(all.len() as i64, first.steps_to(last).unwrap_or(-1) + 1);
    for (p, ev) in first.through(last).zip(&all) {
        check(ws, ev, p);
    }
    let single = engine.evaluate(last);
    assert_eq!(single.as_ref().ok(), all.last(), "the range and the single evaluation of {last} differ");
    Some(last)
}

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    let Ok(ws) = Workspace::from_json(text) else {
        return;
    };
    let engine = Engine::new(&ws);
    assert!(engine.is_ok(), "a valid workspace must compile: {:?}", engine.err());
    let Ok(engine) = engine else {
        return;
    };
    let Some((from, to)) = data_span(&ws) else {
        return;
    };
    if records(&ws).saturating_mul(month_index(to) - month_index(from) + 1) > WORK_BUDGET {
        return;
    }
    run(&ws, &engine, Frequency::Yearly, from, to);
    let Some(last) = run(&ws, &engine, Frequency::Quarterly, from, to) else {
        return;
    };
    if let Ok(h) = headline(&ws, last, HeadlineOptions::default()) {
        assert_eq!(h.period, last);
        let json = serde_json::to_string(&h);
        assert!(json.is_ok(), "a headline must serialise: {json:?}");
    }
});
