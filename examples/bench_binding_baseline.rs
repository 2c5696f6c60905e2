//! The pure-Rust side of the Python binding's benchmark (`bindings-python/bench/bench_python.py`):
//! the same work as `Workspace.open(path)`, `.evaluate(period)` and `.to_pandas()` without
//! Python — open and validate the file, evaluate the period, and lay out the tidy table (one
//! row per node: the 21 columns of `Evaluation.to_pandas()`, owned values). Prints the
//! median of each step over the repetitions, in milliseconds, as one JSON line.
//!
//! `cargo run --release --example bench_binding_baseline -- PATH PERIOD [REPETITIONS]`

use std::time::Instant;

use pilotage::{Evaluation, Workspace};

/// One row of the tidy table, owned (what the binding turns into Python objects).
#[allow(dead_code)]
struct Row {
    period: String,
    id: String,
    name: String,
    kind: pilotage::NodeKind,
    parent: Option<String>,
    unit: Option<String>,
    numbers: [Option<f64>; 13],
    status: &'static str,
    direction: pilotage::engine::trend::Direction,
    forecast_period: Option<String>,
    on_track: Option<bool>,
}

fn rows(ev: &Evaluation) -> Vec<Row> {
    let period = ev.period.to_string();
    ev.nodes
        .iter()
        .map(|n| {
            let f = n.forecast.as_ref();
            Row {
                period: period.clone(),
                id: n.id.clone(),
                name: n.name.clone(),
                kind: n.kind,
                parent: n.parents.first().cloned(),
                unit: n.unit.clone(),
                numbers: [
                    n.score,
                    n.native_score,
                    Some(n.coverage),
                    n.value,
                    n.target,
                    n.trend.previous_score,
                    n.trend.change,
                    n.trend.year_ago_score,
                    n.trend.year_change,
                    f.map(|f| f.target),
                    f.and_then(|f| f.projected),
                    f.and_then(|f| f.slope),
                    f.map(|f| f64::from(f.points)),
                ],
                status: n.status.as_str(),
                direction: n.trend.direction,
                forecast_period: f.map(|f| f.target_period.to_string()),
                on_track: f.and_then(|f| f.on_track),
            }
        })
        .collect()
}

fn median(mut xs: Vec<f64>) -> f64 {
    xs.sort_by(f64::total_cmp);
    xs.get(xs.len() / 2).copied().unwrap_or(f64::NAN)
}

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let (Some(path), Some(period)) = (args.first(), args.get(1)) else {
        return Err("usage: bench_binding_baseline PATH PERIOD [REPETITIONS]".into());
    };
    let reps: usize = args.get(2).map(|s| s.parse()).transpose()?.unwrap_or(5).max(1);
    let period = period.parse()?;
    let (mut open, mut eval, mut table, mut total) = (Vec::new(), Vec::new(), Vec::new(), Vec::new());
    let mut n_rows = 0;
    for _ in 0..reps {
        let t0 = Instant::now();
        let ws = Workspace::open(path)?;
        let t1 = Instant::now();
        let ev = pilotage::evaluate(&ws, period)?;
        let t2 = Instant::now();
        let r = rows(&ev);
        let t3 = Instant::now();
        n_rows = r.len();
        drop(r);
        let ms = |a: Instant, b: Instant| (b - a).as_secs_f64() * 1e3;
        open.push(ms(t0, t1));
        eval.push(ms(t1, t2));
        table.push(ms(t2, t3));
        total.push(ms(t0, t3));
    }
    println!(
        "{{\"rows\": {n_rows}, \"open_ms\": {:.3}, \"evaluate_ms\": {:.3}, \"table_ms\": {:.3}, \"total_ms\": {:.3}}}",
        median(open),
        median(eval),
        median(table),
        median(total)
    );
    Ok(())
}
