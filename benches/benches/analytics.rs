//! The portfolio and partnership analytics over the records: the headline figures, the
//! instruction lead time, funds by status and the partners' concentration, for the sample
//! city (150 projects, 240 commitments) and the large workspace (100,000 projects, 20,000
//! partners, 300,000 commitments). Throughput counts records (projects + commitments).

use std::hint::black_box;
use std::time::Duration;

use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use pilotage::analytics::headline::{HeadlineOptions, headline};
use pilotage::analytics::partnership::{FundsScope, concentration, funds};
use pilotage::analytics::portfolio::{LeadTimeOptions, lead_time};
use pilotage::sample::{self, SampleSpec};
use pilotage::{Period, Workspace};
use pilotage_benches::{generate, last_quarter, ok};

fn group(c: &mut Criterion, name: &str, ws: &Workspace) {
    let q = last_quarter(ws);
    let as_of = q.end_date(ws.calendar());
    let year = Period::Year(2025);
    let mut g = c.benchmark_group(format!("analytics/{name}"));
    g.throughput(Throughput::Elements((ws.projects.len() + ws.commitments.len()) as u64));
    g.bench_function("headline", |b| {
        b.iter(|| ok(headline(black_box(ws), black_box(q), HeadlineOptions::default()), "headline"))
    });
    g.bench_function("lead_time", |b| {
        b.iter(|| lead_time(black_box(ws), black_box(year), LeadTimeOptions::default()))
    });
    g.bench_function("funds", |b| b.iter(|| funds(black_box(ws), FundsScope::AsOf(black_box(as_of)))));
    g.bench_function("concentration", |b| {
        b.iter(|| concentration(black_box(ws), 10, Some(black_box(as_of))))
    });
    g.finish();
}

fn analytics(c: &mut Criterion) {
    group(c, "sample", &sample::city());
    group(c, "large", &generate(&SampleSpec::large()));
}

criterion_group! {
    name = benches;
    config = Criterion::default().sample_size(10).warm_up_time(Duration::from_millis(300)).measurement_time(Duration::from_secs(2));
    targets = analytics
}
criterion_main!(benches);
