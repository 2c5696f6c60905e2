//! Open and validate a workspace from its JSON text (parse, decode, validate), for the sample
//! city and a mid-size workspace (1,000 indicators x 120 months). The large workspace's JSON
//! (354 MB) is above `workspace::MAX_FILE_BYTES` and is refused by design: its generation,
//! validation and compilation in memory are measured in `evaluate`.

use std::hint::black_box;
use std::time::Duration;

use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use pilotage::Workspace;
use pilotage::sample::{self};
use pilotage_benches::{generate, measurements, mid_spec, ok};

fn open_validate(c: &mut Criterion) {
    let mut g = c.benchmark_group("open_validate");
    for (name, ws) in [("sample", sample::city()), ("mid_1000_indicators", generate(&mid_spec()))] {
        let text = ok(ws.to_json(), "to_json");
        g.throughput(Throughput::Elements(measurements(&ws)));
        g.bench_function(format!("{name} ({} MB JSON)", text.len() / 1_000_000), |b| {
            b.iter(|| ok(Workspace::from_json(black_box(&text)), "from_json"))
        });
    }
    g.finish();
}

criterion_group! {
    name = benches;
    config = Criterion::default().sample_size(10).warm_up_time(Duration::from_millis(500)).measurement_time(Duration::from_secs(3));
    targets = open_validate
}
criterion_main!(benches);
