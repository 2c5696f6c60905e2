//! Value bands: which values give which status under a scoring method, for the target,
//! baseline and date of one period (the inversion of [`ScoringMethod::score`] that an
//! indicator card draws as coloured zones). The cut values are worked out per method and
//! each zone's status is then asked of [`ScoringMethod::score`] itself, so a band can never
//! disagree with the score.

use serde::{Deserialize, Serialize};

use crate::engine::scoring::{
    LowerRatio, RuleCut, ScoreInput, ScoringMethod, Status, StatusThresholds, expected_at,
};
use crate::model::indicator::Polarity;

/// A horizontal zone of an indicator chart, in value units; an open end reaches the edge of
/// the chart.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
pub struct Band {
    /// Lower edge (`None`: below everything).
    pub low: Option<f64>,
    /// Upper edge (`None`: above everything).
    pub high: Option<f64>,
    /// The status of values in the zone.
    pub status: Status,
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

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::NaiveDate;

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
