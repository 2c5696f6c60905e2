//! A region: workspaces of the sample city's size (`sample::region`), each evaluated for its
//! last quarter (compile + one period, rich results), sequentially and in parallel with
//! `std::thread::scope` across `available_parallelism()` threads (contiguous chunks).
//!
//! `PILOTAGE_REGION_CITIES` sets the number of cities (default 1,000: one city costs about
//! 1 ms, so one pass over the region about a second). Throughput (measurements per second)
//! does not depend on the number of cities.

use std::hint::black_box;
use std::time::Duration;

use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use pilotage::{Evaluation, Workspace, evaluate, sample};
use pilotage_benches::{last_quarter, measurements, ok};

/// Cities in the region: `PILOTAGE_REGION_CITIES`, default 1,000.
fn cities() -> usize {
    std::env::var("PILOTAGE_REGION_CITIES")
        .ok()
        .and_then(|v| v.parse().ok())
        .filter(|&n| n > 0)
        .unwrap_or(1000)
}

fn one(ws: &Workspace) -> Evaluation {
    ok(evaluate(ws, last_quarter(ws)), "evaluate")
}

fn region(c: &mut Criterion) {
    let n = cities();
    let cities = sample::region(n, 7);
    let threads = std::thread::available_parallelism().map_or(1, |n| n.get());
    let mut g = c.benchmark_group("region");
    g.throughput(Throughput::Elements(cities.iter().map(measurements).sum()));
    g.bench_function(format!("{n}_cities_sequential"), |b| {
        b.iter(|| black_box(&cities).iter().map(one).collect::<Vec<_>>())
    });
    g.bench_function(format!("{n}_cities_parallel_{threads}_threads"), |b| {
        b.iter(|| {
            let chunk = cities.len().div_ceil(threads).max(1);
            std::thread::scope(|s| {
                let handles: Vec<_> = black_box(&cities)
                    .chunks(chunk)
                    .map(|part| s.spawn(move || part.iter().map(one).collect::<Vec<_>>()))
                    .collect();
                handles
                    .into_iter()
                    .flat_map(|h| ok(h.join().map_err(|_| "a thread panicked"), "join"))
                    .collect::<Vec<_>>()
            })
        })
    });
    g.finish();
}

criterion_group! {
    name = benches;
    config = Criterion::default().sample_size(10).warm_up_time(Duration::from_millis(300)).measurement_time(Duration::from_secs(5));
    targets = region
}
criterion_main!(benches);
