//! Evaluation: one period with rich results (on a fresh engine, and on one that has seen the
//! period before) and 28 quarters with rich results for the sample city; for the large workspace (10,000 indicators x 120 months), generation + validation +
//! compilation in memory, then all 120 months on the lean path (`score_table_into` with a
//! reused table), over the indicators alone and with the records (the derived indicators
//! then read 100,000 projects and their partnerships for every month).

use std::hint::black_box;
use std::time::Duration;

use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use pilotage::sample::{self, SampleSpec};
use pilotage::{Engine, Period, Workspace};
use pilotage_benches::{generate, last_quarter, measurements, ok};

fn sample_city(c: &mut Criterion) {
    let ws = sample::city();
    let engine = ok(Engine::new(&ws), "compile");
    let q = last_quarter(&ws);
    let mut g = c.benchmark_group("evaluate/sample");
    g.throughput(Throughput::Elements(measurements(&ws)));
    g.bench_function("compile", |b| b.iter(|| ok(Engine::new(black_box(&ws)), "compile")));
    // A fresh engine each time: what a first evaluation costs (the derived indicators' values
    // and points computed from the records).
    g.bench_function("compile_and_one_quarter_rich", |b| {
        b.iter(|| ok(ok(Engine::new(black_box(&ws)), "compile").evaluate(black_box(q)), "evaluate"))
    });
    // The same engine again and again: what a period change costs once the engine has
    // remembered the derived values and points (a widget, a notebook).
    g.bench_function("one_quarter_rich", |b| b.iter(|| ok(engine.evaluate(black_box(q)), "evaluate")));
    let first = Period::Quarter { year: 2019, quarter: 1 };
    g.bench_function("28_quarters_rich", |b| {
        b.iter(|| ok(engine.evaluate_range(black_box(first), black_box(q)), "evaluate_range"))
    });
    g.finish();
}

fn large(c: &mut Criterion) {
    let spec = SampleSpec::large();
    let mut g = c.benchmark_group("evaluate/large");
    g.sample_size(10).measurement_time(Duration::from_secs(5));
    let ws = generate(&spec);
    g.throughput(Throughput::Elements(measurements(&ws)));
    g.bench_function("generate_validate_compile", |b| {
        b.iter(|| {
            let ws = generate(black_box(&spec));
            ok(ws.validate(), "validate");
            ok(Engine::new(&ws), "compile")
        })
    });
    g.bench_function("validate", |b| b.iter(|| ok(black_box(&ws).validate(), "validate")));
    g.bench_function("compile", |b| b.iter(|| ok(Engine::new(black_box(&ws)), "compile")));
    let first = Period::Month { year: 2016, month: 1 };
    let last = Period::Month { year: 2025, month: 12 };
    // The lean path with the records: the curated derived indicators read the 100,000
    // projects, 20,000 partners and their commitments (`RecordIndex`) for every month.
    let engine = ok(Engine::new(&ws), "compile");
    let mut table = ok(engine.score_table(first, last), "score_table");
    g.bench_function("120_months_score_table_into", |b| {
        b.iter(|| {
            ok(engine.score_table_into(black_box(first), black_box(last), &mut table), "score_table_into")
        })
    });
    drop(engine);
    // The same over the indicators alone (records left out, so the derived indicators have
    // no data): the cost of the measured indicators by themselves.
    let indicators_only =
        Workspace { projects: Vec::new(), partners: Vec::new(), commitments: Vec::new(), ..ws.clone() };
    drop(ws);
    let engine = ok(Engine::new(&indicators_only), "compile");
    g.bench_function("120_months_score_table_into_indicators_only", |b| {
        b.iter(|| {
            ok(engine.score_table_into(black_box(first), black_box(last), &mut table), "score_table_into")
        })
    });
    g.finish();
}

criterion_group! {
    name = benches;
    config = Criterion::default().sample_size(20).warm_up_time(Duration::from_millis(500)).measurement_time(Duration::from_secs(2));
    targets = sample_city, large
}
criterion_main!(benches);
