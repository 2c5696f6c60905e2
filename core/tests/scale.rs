//! A rough timing at benchmark scale (10,000 indicators x 120 months), run on demand:
//! `cargo test --release -p pilotage --test scale -- --ignored --nocapture`. It prints
//! figures and asserts only that every cell was computed; speed is measured by the benches.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use std::time::Instant;

use pilotage::{
    Engine, Frequency, Indicator, IndicatorLink, Measurement, Objective, Period, PeriodValue, Perspective,
    ScoringMethod, TimeAggregation, Weight, Workspace,
};

fn large(n_indicators: usize, n_months: i64) -> Workspace {
    let mut ws = Workspace::new("Scale");
    let first = Period::month(2015, 1).unwrap();
    for k in 0..4 {
        ws.scorecard.perspectives.push(Perspective {
            id: format!("p{k}"),
            name: format!("P{k}"),
            weight: Weight::Fixed(1.0 + k as f64),
            rollup: Default::default(),
        });
    }
    let per_objective = 10;
    for o in 0..n_indicators / per_objective {
        ws.scorecard.objectives.push(Objective {
            id: format!("o{o}"),
            name: format!("O{o}"),
            perspective: format!("p{}", o % 4),
            weight: Weight::Fixed(1.0),
            indicators: (0..per_objective)
                .map(|j| IndicatorLink {
                    indicator: format!("i{}", o * per_objective + j),
                    weight: Weight::Fixed(1.0 + j as f64),
                })
                .collect(),
            rollup: Default::default(),
        });
    }
    let mut seed = 42u64;
    for i in 0..n_indicators {
        let measurements = (0..n_months)
            .filter_map(|m| {
                seed = seed.wrapping_mul(6364136223846793005).wrapping_add(1442695040888963407);
                let r = (seed >> 33) as f64 / (1u64 << 31) as f64;
                (r > 0.02).then(|| Measurement::new(first.offset(m).unwrap(), 100.0 * r))
            })
            .collect();
        ws.indicators.push(Indicator {
            id: format!("i{i}"),
            name: format!("I{i}"),
            description: None,
            unit: String::new(),
            polarity: Default::default(),
            frequency: Frequency::Monthly,
            aggregation: TimeAggregation::Sum,
            source: Default::default(),
            baseline: Some(PeriodValue { period: first, value: 10.0 }),
            targets: vec![],
            trajectory: Some(pilotage::Trajectory {
                from: PeriodValue { period: first, value: 10.0 },
                to: PeriodValue { period: first.offset(n_months - 1).unwrap(), value: 90.0 },
                milestones: vec![],
            }),
            target_policy: Default::default(),
            scoring: ScoringMethod::LinearProgress { cap: Some(100.0), floor_at_zero: true },
            thresholds: None,
            min_group_size: None,
            service: None,
            measurements,
        });
    }
    ws
}

#[test]
#[ignore = "timing at scale, run on demand in release"]
fn timing_at_benchmark_scale() {
    let ws = large(10_000, 120);
    let measurements: usize = ws.indicators.iter().map(|i| i.measurements.len()).sum();
    let t = Instant::now();
    let engine = Engine::new(&ws).unwrap();
    println!("compile: {:?} for {measurements} measurements", t.elapsed());
    let (first, last) = (Period::month(2015, 1).unwrap(), Period::month(2024, 12).unwrap());
    for _ in 0..std::env::var("SCALE_REPEAT").ok().and_then(|v| v.parse().ok()).unwrap_or(3) {
        let t = Instant::now();
        let table = engine.score_table(first, last).unwrap();
        let el = t.elapsed();
        println!(
            "score_table 120 months: {el:?} ({:.1} M measurements/s)",
            measurements as f64 / el.as_secs_f64() / 1e6
        );
        assert_eq!(table.scores.len(), table.nodes * 120);
    }
    let mut table = engine.score_table(first, last).unwrap();
    for _ in 0..3 {
        let t = Instant::now();
        engine.score_table_into(first, last, &mut table).unwrap();
        let el = t.elapsed();
        println!(
            "score_table_into 120 months (buffers reused): {el:?} ({:.1} M measurements/s)",
            measurements as f64 / el.as_secs_f64() / 1e6
        );
    }
    let t = Instant::now();
    let q = engine.score_table(Period::quarter(2015, 1).unwrap(), Period::quarter(2024, 4).unwrap()).unwrap();
    println!("score_table 40 quarters: {:?}", t.elapsed());
    assert_eq!(q.periods, 40);
    let t = Instant::now();
    let one = engine.evaluate(last).unwrap();
    println!("evaluate one period (rich): {:?}", t.elapsed());
    assert_eq!(one.nodes.len(), engine.node_ids().len());
    let t = Instant::now();
    let year = engine.evaluate_range(Period::month(2024, 1).unwrap(), last).unwrap();
    println!("evaluate_range 12 months (rich): {:?}", t.elapsed());
    assert_eq!(year.len(), 12);
}
