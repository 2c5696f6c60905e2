//! A region: 1,000 workspaces of the sample city's size (`sample::region`), each evaluated
//! for its last quarter (compile + one period, rich results), sequentially and in parallel
//! with `std::thread::scope` across `available_parallelism()` threads (contiguous chunks).

use std::hint::black_box;
use std::time::Duration;

use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use pilotage::{Evaluation, Workspace, evaluate, sample};
use pilotage_benches::{last_quarter, measurements, ok};

const CITIES: usize = 1_000;

fn one(ws: &Workspace) -> Evaluation {
    ok(evaluate(ws, last_quarter(ws)), "evaluate")
}

fn region(c: &mut Criterion) {
    let cities = sample::region(CITIES, 7);
    let threads = std::thread::available_parallelism().map_or(1, |n| n.get());
    let mut g = c.benchmark_group("region");
    g.throughput(Throughput::Elements(cities.iter().map(measurements).sum()));
    g.bench_function("1000_cities_sequential", |b| {
        b.iter(|| black_box(&cities).iter().map(one).collect::<Vec<_>>())
    });
    g.bench_function(format!("1000_cities_parallel_{threads}_threads"), |b| {
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
