//! Doubling benchmark of the input paths (issue #14): each path at n, 2n and 4n records,
//! printing the time and the growth ratio per doubling (about 2 for linear work, 4 for
//! quadratic). Run: `cargo run --release -p pilotage-benches --bin doubling [n]` (n defaults
//! to 10,000). Paths: CSV import of measurements, projects, partners and commitments (two
//! rows per commitment: a pledge and its signature), a failing commitments import (every
//! commitment names an unknown partner: one located problem each), and edit loops (an
//! `Adder` adding partners and putting measurements, and single `Workspace::add_partner`
//! calls, which find ids through the workspace's id index), and evaluation with many records
//! (n projects and n commitments of a generated city over 12 years: compile and evaluate its
//! last month, and compile and score its 144 months).
//!
//! A second argument keeps only the paths whose name contains it (`doubling 25000
//! evaluation`); `PILOTAGE_DOUBLING_REPS` sets the number of runs of which the best is kept
//! (default 5).

use std::time::{Duration, Instant};

use pilotage::io::import;
use pilotage::{IndicatorSource, Measurement, Partner, PartnerKind, Period, Workspace};

/// The sample city, with 100 more monthly measured indicators (copies of one of its own), so
/// that 4n measurement rows fit in the years 1900-2100.
fn base() -> Workspace {
    let mut ws = pilotage::sample::city();
    let monthly = ws
        .indicators
        .iter()
        .find(|i| {
            matches!(i.source, IndicatorSource::Measured) && i.frequency == pilotage::Frequency::Monthly
        })
        .cloned();
    let Some(model) = monthly else {
        pilotage_benches::panic_with("the sample city has no monthly measured indicator")
    };
    for k in 0..100 {
        let mut i = model.clone();
        i.id = format!("bench-i{k}");
        i.measurements.clear();
        ws.indicators.push(i);
    }
    ws
}

fn measured(ws: &Workspace) -> Vec<String> {
    ws.indicators.iter().filter(|i| i.id.starts_with("bench-i")).map(|i| i.id.clone()).collect()
}

/// `n` rows over the measured indicators, each indicator's months from 1900-01 on.
fn measurements_csv(ws: &Workspace, n: usize) -> String {
    let ids = measured(ws);
    let mut s = String::from("indicator,period,value\n");
    for r in 0..n {
        let (id, m) = (&ids[r % ids.len()], r / ids.len());
        s.push_str(&format!("{id},{}-{:02},{}\n", 1900 + m / 12, m % 12 + 1, r % 97));
    }
    s
}

fn projects_csv(ws: &Workspace, n: usize) -> String {
    let lead = &ws.services[0].id;
    let mut s = String::from("id,title,lead_service,registered\n");
    for r in 0..n {
        s.push_str(&format!("bench-p{r},Projet {r},{lead},2024-01-15\n"));
    }
    s
}

fn partners_csv(n: usize) -> String {
    let mut s = String::from("id,name,kind\n");
    for r in 0..n {
        s.push_str(&format!("bench-pa{r},Partenaire {r},state\n"));
    }
    s
}

fn commitments_csv(partner: &str, n: usize) -> String {
    let mut s = String::from("commitment,partner,kind,status,date,amount\n");
    for r in 0..n / 2 {
        s.push_str(&format!("bench-c{r},{partner},grant,pledged,2024-01-10,1000\n"));
        s.push_str(&format!("bench-c{r},,,signed,2024-03-10,1000\n"));
    }
    s
}

/// A generated city with `n` projects, `n` commitments and `n / 5` partners over 2014-2025
/// (144 months of records), the curated indicators only (so that the time is the records').
fn city_with_records(n: usize) -> Workspace {
    let mut spec = pilotage::sample::SampleSpec::city();
    spec.start_year = 2014;
    spec.years = 12;
    spec.projects = n;
    spec.commitments = n;
    spec.partners = (n / 5).max(1);
    pilotage_benches::generate(&spec)
}

fn time(mut f: impl FnMut()) -> Duration {
    // The best of five (or PILOTAGE_DOUBLING_REPS): the machine is shared.
    let reps: usize = std::env::var("PILOTAGE_DOUBLING_REPS").ok().and_then(|r| r.parse().ok()).unwrap_or(5);
    (0..reps.max(1))
        .map(|_| {
            let t = Instant::now();
            f();
            t.elapsed()
        })
        .min()
        .unwrap_or_default()
}

fn row(name: &str, n: usize, mut run: impl FnMut(usize) -> Duration) -> f64 {
    if std::env::args().nth(2).is_some_and(|only| !name.contains(&only)) {
        return 0.0;
    }
    let times: Vec<Duration> = [n, 2 * n, 4 * n].iter().map(|&k| run(k)).collect();
    let ratios: Vec<f64> =
        times.windows(2).map(|w| w[1].as_secs_f64() / w[0].as_secs_f64().max(1e-9)).collect();
    let worst = ratios.iter().copied().fold(0.0, f64::max);
    println!(
        "| {name} | {:.1} ms | {:.1} ms | {:.1} ms | {} | {:.1} |",
        times[0].as_secs_f64() * 1e3,
        times[1].as_secs_f64() * 1e3,
        times[2].as_secs_f64() * 1e3,
        ratios.iter().map(|r| format!("{r:.2}")).collect::<Vec<_>>().join(", "),
        times[2].as_secs_f64() / times[0].as_secs_f64().max(1e-9)
    );
    worst
}

fn main() {
    let n: usize = std::env::args().nth(1).and_then(|a| a.parse().ok()).unwrap_or(10_000);
    let ws = base();
    let partner = ws.partners[0].id.clone();
    println!("| path | n = {n} | 2n | 4n | growth per doubling | n to 4n (linear: 4, quadratic: 16) |");
    println!("|---|---|---|---|---|---|");
    let mut worst = Vec::new();
    let import_time = |text: String,
                       f: fn(&mut Workspace, &[u8], &str) -> pilotage::Result<import::ImportSummary>,
                       ok: bool| {
        time(|| {
            let mut w = ws.clone();
            let r = f(&mut w, text.as_bytes(), "bench.csv");
            assert_eq!(
                r.is_ok(),
                ok,
                "{:?}",
                r.err().map(|e| e.to_string().chars().take(300).collect::<String>())
            );
        })
    };
    worst.push((
        "CSV measurements",
        row("CSV measurements", n, |k| {
            import_time(measurements_csv(&ws, k), |w, t, s| import::measurements(w, t, s), true)
        }),
    ));
    worst.push((
        "CSV projects",
        row("CSV projects", n, |k| {
            import_time(projects_csv(&ws, k), |w, t, s| import::projects(w, t, s), true)
        }),
    ));
    worst.push((
        "CSV partners",
        row("CSV partners", n, |k| import_time(partners_csv(k), |w, t, s| import::partners(w, t, s), true)),
    ));
    worst.push((
        "CSV commitments",
        row("CSV commitments (2 rows each)", n, |k| {
            import_time(commitments_csv(&partner, k), |w, t, s| import::commitments(w, t, s), true)
        }),
    ));
    worst.push((
        "failing CSV commitments",
        row("failing CSV commitments (one problem each)", n, |k| {
            import_time(commitments_csv("nobody", k), |w, t, s| import::commitments(w, t, s), false)
        }),
    ));
    worst.push((
        "Adder::add_partner loop",
        row("Adder::add_partner loop", n, |k| {
            time(|| {
                let mut w = ws.clone();
                let mut a = w.adder();
                for r in 0..k {
                    let p = Partner {
                        id: format!("bench-pa{r}"),
                        name: format!("P {r}"),
                        kind: PartnerKind::State,
                        joined: None,
                    };
                    a.add_partner(p).unwrap_or_else(|e| pilotage_benches::panic_with(&e.to_string()));
                }
            })
        }),
    ));
    let ids = measured(&ws);
    worst.push((
        "Adder::put_measurement loop",
        row("Adder::put_measurement loop", n, |k| {
            time(|| {
                let mut w = ws.clone();
                let mut a = w.adder();
                for r in 0..k {
                    let m = r / ids.len();
                    let period = Period::month(1900 + (m / 12) as i32, (m % 12 + 1) as u8)
                        .unwrap_or_else(|e| pilotage_benches::panic_with(&e.to_string()));
                    a.put_measurement(&ids[r % ids.len()], Measurement::new(period, 1.0), true)
                        .unwrap_or_else(|e| pilotage_benches::panic_with(&e.to_string()));
                }
            })
        }),
    ));
    // Single calls find ids through the workspace's cached IdIndex (they scanned the list
    // before: quadratic, then measured from n/8 on).
    worst.push((
        "Workspace::add_partner single calls",
        row("Workspace::add_partner single calls", n, |k| {
            time(|| {
                let mut w = ws.clone();
                for r in 0..k {
                    let p = Partner {
                        id: format!("bench-pa{r}"),
                        name: format!("P {r}"),
                        kind: PartnerKind::State,
                        joined: None,
                    };
                    w.add_partner(p).unwrap_or_else(|e| pilotage_benches::panic_with(&e.to_string()));
                }
            })
        }),
    ));
    let month = Period::Month { year: 2025, month: 12 };
    let history = Period::Month { year: 2014, month: 1 };
    let engine = |w: &Workspace| {
        pilotage::Engine::new(w).unwrap_or_else(|e| pilotage_benches::panic_with(&e.to_string()))
    };
    worst.push((
        "evaluation of a month",
        row("evaluation of a month (n projects + n commitments, compile included)", n, |k| {
            let w = city_with_records(k);
            time(|| {
                let e = engine(&w);
                std::hint::black_box(
                    e.evaluate(month).unwrap_or_else(|e| pilotage_benches::panic_with(&e.to_string())),
                );
            })
        }),
    ));
    worst.push((
        "evaluation of 144 months",
        row("evaluation of 144 months (score table, compile included)", n, |k| {
            let w = city_with_records(k);
            time(|| {
                let e = engine(&w);
                std::hint::black_box(
                    e.score_table(history, month)
                        .unwrap_or_else(|e| pilotage_benches::panic_with(&e.to_string())),
                );
            })
        }),
    ));
    if let Some((name, ratio)) = worst.iter().copied().max_by(|a, b| a.1.total_cmp(&b.1)) {
        println!("\nworst growth per doubling on an input path: {ratio:.2} ({name})");
    }
}
