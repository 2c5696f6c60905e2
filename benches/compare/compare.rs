//! The Rust side of the pandas / polars comparison (see `benches/README.md`).
//!
//! `compare --indicators N --months M --out DIR [--repeat R]`:
//! 1. generates the comparison dataset (deterministic SplitMix64, seed fixed) and writes it
//!    as flat CSV files in `DIR`: `measurements.csv` (indicator, month, value; month is the
//!    month index `year * 12 + month - 1`), `indicators.csv` (id, objective, weight,
//!    polarity, baseline, start_quarter, start_value, end_quarter, end_value, cap; quarters
//!    are ordinals `year * 4 + quarter - 1`), `objectives.csv` (id, perspective, weight),
//!    `perspectives.csv` (id, weight);
//! 2. reads them back into a [`Workspace`] (end-to-end timing starts here), compiles an
//!    [`Engine`] and computes the score table of every quarter;
//! 3. times the compute alone: compile once, then `score_table_into` for all quarters with a
//!    reused table, best of R;
//! 4. times a copy of a 256 MiB buffer (best of 5) for the memory-bandwidth floor;
//! 5. writes every node's score for every quarter to `DIR/scores_rust.csv` (node, quarter,
//!    score) and prints the timings as one JSON line.
//!
//! The configuration is one the three implementations express identically: monthly
//! indicators, mean of the months present in a quarter (about 2 % of months missing, and a
//! few whole quarters), a two-point trajectory per indicator (no target before its start, the
//! end value after its end), linear progress `100 (a - b) / (t - b)` capped at 100 and
//! floored at 0 (100 or 0 by polarity when `t == b`), weighted means with
//! exclude-and-rescale at every level.

use std::collections::HashMap;
use std::error::Error;
use std::fs::File;
use std::io::{BufWriter, Write};
use std::path::{Path, PathBuf};
use std::time::Instant;

use pilotage::{
    Engine, Frequency, Indicator, IndicatorLink, IndicatorSource, Measurement, Objective, Period,
    PeriodValue, Perspective, Polarity, Rollup, ScoreTable, Scorecard, ScoringMethod, TimeAggregation,
    Trajectory, Weight, Workspace,
};

type Res<T> = Result<T, Box<dyn Error>>;

/// SplitMix64: tiny, deterministic, good enough for synthetic data.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }
    /// Uniform in [0, 1).
    fn unit(&mut self) -> f64 {
        (self.next() >> 11) as f64 / (1u64 << 53) as f64
    }
    fn below(&mut self, n: u64) -> u64 {
        self.next() % n.max(1)
    }
}

fn round2(x: f64) -> f64 {
    (x * 100.0).round() / 100.0
}

struct Options {
    indicators: usize,
    months: i64,
    out: PathBuf,
    repeat: usize,
}

fn options() -> Res<Options> {
    let mut o = Options { indicators: 10_000, months: 120, out: PathBuf::from("target/compare"), repeat: 10 };
    let mut args = std::env::args().skip(1);
    while let Some(a) = args.next() {
        let mut value = || args.next().ok_or_else(|| format!("{a} needs a value"));
        match a.as_str() {
            "--indicators" => o.indicators = value()?.parse()?,
            "--months" => o.months = value()?.parse()?,
            "--out" => o.out = PathBuf::from(value()?),
            "--repeat" => o.repeat = value()?.parse()?,
            other => return Err(format!("unknown argument {other:?}").into()),
        }
    }
    if o.months < 12 || o.months % 12 != 0 {
        return Err("--months must be a positive multiple of 12".into());
    }
    if o.indicators == 0 {
        return Err("--indicators must be at least 1".into());
    }
    Ok(o)
}

/// Write the dataset: the measurements end in December 2025 and span `months` months.
fn write_dataset(o: &Options) -> Res<usize> {
    std::fs::create_dir_all(&o.out)?;
    let last_month = 2025 * 12 + 11;
    let first_month = last_month - o.months + 1;
    let (first_q, last_q) = (first_month / 3, last_month / 3);
    let n_obj = (o.indicators / 10).max(1);
    let mut rng = Rng(0x5EED_2026);
    let mut w = BufWriter::new(File::create(o.out.join("perspectives.csv"))?);
    writeln!(w, "id,weight")?;
    for (p, weight) in [1.0, 2.0, 1.5, 0.5].iter().enumerate() {
        writeln!(w, "p{},{weight}", p + 1)?;
    }
    w.flush()?;
    let mut w = BufWriter::new(File::create(o.out.join("objectives.csv"))?);
    writeln!(w, "id,perspective,weight")?;
    for j in 0..n_obj {
        writeln!(w, "o{:05},p{},{}", j + 1, j % 4 + 1, 1.0 + (j % 2) as f64 * 0.5)?;
    }
    w.flush()?;
    let mut wi = BufWriter::new(File::create(o.out.join("indicators.csv"))?);
    writeln!(
        wi,
        "id,objective,weight,polarity,baseline,start_quarter,start_value,end_quarter,end_value,cap"
    )?;
    let mut wm = BufWriter::new(File::create(o.out.join("measurements.csv"))?);
    writeln!(wm, "indicator,month,value")?;
    let mut rows = 0;
    for k in 0..o.indicators {
        let up = rng.unit() >= 0.3;
        let level = (10.0 + rng.unit() * 990.0) * 10.0;
        let level = level.round() / 10.0;
        let goal = round2(if up { level * 1.5 } else { level * 0.6 });
        let achievement = 0.3 + rng.unit() * 0.85;
        // one in fifty has its baseline at the trajectory's start (so t == b in the start
        // quarter, where polarity decides); the others sit just behind it
        let baseline = if k % 50 == 0 { level } else { round2(if up { level * 0.95 } else { level * 1.05 }) };
        let start_q = first_q + rng.below(4) as i64;
        let end_q = last_q - rng.below(4) as i64;
        let polarity = if up { "higher_is_better" } else { "lower_is_better" };
        let id = format!("i{:06}", k + 1);
        writeln!(
            wi,
            "{id},o{:05},{},{polarity},{baseline},{start_q},{level},{end_q},{goal},100",
            k % n_obj + 1,
            1 + k % 3
        )?;
        for m in first_month..=last_month {
            // a whole quarter missing now and then, and about 2 % of single months
            let whole_quarter_gone = m % 3 == 0 && rng.unit() < 0.005;
            if whole_quarter_gone {
                continue;
            }
            if rng.unit() < 0.02 {
                continue;
            }
            let t = (m - first_month) as f64 / o.months as f64;
            let noise = (rng.unit() * 2.0 - 1.0) * level * 0.05;
            let v = round2((level + (goal - level) * achievement * t + noise).max(0.0));
            writeln!(wm, "{id},{m},{v}")?;
            rows += 1;
        }
    }
    wi.flush()?;
    wm.flush()?;
    Ok(rows)
}

fn reader(dir: &Path, name: &str) -> Res<csv::Reader<File>> {
    Ok(csv::ReaderBuilder::new().has_headers(true).from_path(dir.join(name))?)
}

fn field(r: &csv::StringRecord, i: usize) -> Res<&str> {
    r.get(i).ok_or_else(|| format!("missing column {i} in {r:?}").into())
}

fn quarter(ordinal: i64) -> Res<Period> {
    Ok(Period::from_ordinal(Frequency::Quarterly, ordinal)?)
}

/// Read the CSV files into a workspace.
fn load(dir: &Path) -> Res<Workspace> {
    let mut ws = Workspace::new("comparison");
    let mut sc = Scorecard::default();
    for r in reader(dir, "perspectives.csv")?.records() {
        let r = r?;
        let id = field(&r, 0)?.to_string();
        sc.perspectives.push(Perspective {
            name: id.clone(),
            id,
            weight: Weight::Fixed(field(&r, 1)?.parse()?),
            rollup: Rollup::default(),
        });
    }
    let mut objective_at = HashMap::new();
    for r in reader(dir, "objectives.csv")?.records() {
        let r = r?;
        let id = field(&r, 0)?.to_string();
        objective_at.insert(id.clone(), sc.objectives.len());
        sc.objectives.push(Objective {
            name: id.clone(),
            id,
            perspective: field(&r, 1)?.to_string(),
            weight: Weight::Fixed(field(&r, 2)?.parse()?),
            indicators: Vec::new(),
            rollup: Rollup::default(),
        });
    }
    let mut indicator_at = HashMap::new();
    for r in reader(dir, "indicators.csv")?.records() {
        let r = r?;
        let id = field(&r, 0)?.to_string();
        let objective = *objective_at.get(field(&r, 1)?).ok_or("unknown objective")?;
        let link = IndicatorLink { indicator: id.clone(), weight: Weight::Fixed(field(&r, 2)?.parse()?) };
        sc.objectives.get_mut(objective).ok_or("unknown objective")?.indicators.push(link);
        let polarity = match field(&r, 3)? {
            "higher_is_better" => Polarity::HigherIsBetter,
            "lower_is_better" => Polarity::LowerIsBetter,
            other => return Err(format!("unknown polarity {other:?}").into()),
        };
        let start = quarter(field(&r, 5)?.parse()?)?;
        let from = PeriodValue { period: start, value: field(&r, 6)?.parse()? };
        let to = PeriodValue { period: quarter(field(&r, 7)?.parse()?)?, value: field(&r, 8)?.parse()? };
        indicator_at.insert(id.clone(), ws.indicators.len());
        ws.indicators.push(Indicator {
            name: id.clone(),
            id,
            description: None,
            unit: "units".to_string(),
            polarity,
            frequency: Frequency::Monthly,
            aggregation: TimeAggregation::Mean,
            source: IndicatorSource::Measured,
            baseline: Some(PeriodValue { period: start, value: field(&r, 4)?.parse()? }),
            targets: Vec::new(),
            trajectory: Some(Trajectory { from, to, milestones: Vec::new() }),
            target_policy: Default::default(),
            scoring: ScoringMethod::LinearProgress { cap: Some(field(&r, 9)?.parse()?), floor_at_zero: true },
            thresholds: None,
            min_group_size: None,
            service: None,
            measurements: Vec::new(),
        });
    }
    let mut rec = csv::StringRecord::new();
    let mut rdr = reader(dir, "measurements.csv")?;
    let mut current: Option<(String, usize)> = None;
    while rdr.read_record(&mut rec)? {
        let id = field(&rec, 0)?;
        let at = match &current {
            Some((c, at)) if c == id => *at,
            _ => {
                let at = *indicator_at.get(id).ok_or("unknown indicator")?;
                current = Some((id.to_string(), at));
                at
            }
        };
        let m: i64 = field(&rec, 1)?.parse()?;
        let period = Period::from_ordinal(Frequency::Monthly, m)?;
        let value: f64 = field(&rec, 2)?.parse()?;
        ws.indicators
            .get_mut(at)
            .ok_or("unknown indicator")?
            .measurements
            .push(Measurement::new(period, value));
    }
    ws.scorecard = sc;
    Ok(ws)
}

/// The quarters of the measurements (first and last).
fn span(ws: &Workspace) -> Res<(Period, Period)> {
    let months = ws.indicators.iter().flat_map(|i| i.measurements.iter().map(|m| m.period.ordinal()));
    let (lo, hi) = months.fold((i64::MAX, i64::MIN), |(a, b), m| (a.min(m), b.max(m)));
    if lo > hi {
        return Err("no measurement".into());
    }
    Ok((quarter(lo.div_euclid(3))?, quarter(hi.div_euclid(3))?))
}

fn best<F: FnMut() -> Res<()>>(repeat: usize, mut f: F) -> Res<f64> {
    let mut best = f64::INFINITY;
    for _ in 0..repeat.max(1) {
        let t = Instant::now();
        f()?;
        best = best.min(t.elapsed().as_secs_f64());
    }
    Ok(best)
}

/// Copy bandwidth in bytes per second: a 256 MiB buffer copied into another, best of 5
/// (both touched first, so no page fault is timed).
fn copy_bandwidth() -> f64 {
    const BYTES: usize = 256 << 20;
    let src: Vec<u64> = (0..BYTES as u64 / 8).collect();
    let mut dst = vec![1u64; BYTES / 8];
    let mut best = f64::INFINITY;
    for _ in 0..5 {
        let t = Instant::now();
        dst.copy_from_slice(std::hint::black_box(&src));
        std::hint::black_box(&mut dst);
        best = best.min(t.elapsed().as_secs_f64());
    }
    BYTES as f64 / best
}

fn main() -> Res<()> {
    let o = options()?;
    let rows = write_dataset(&o)?;
    // end to end: CSV files -> workspace -> engine -> scores of every quarter
    let mut table = ScoreTable::empty(Period::Year(2025));
    let e2e = best(o.repeat.min(3), || {
        let ws = load(&o.out)?;
        let (first, last) = span(&ws)?;
        let engine = Engine::new(&ws)?;
        engine.score_table_into(first, last, &mut table)?;
        Ok(())
    })?;
    let load_s = best(o.repeat.min(3), || load(&o.out).map(drop))?;
    let ws = load(&o.out)?;
    let (first, last) = span(&ws)?;
    let t = Instant::now();
    let engine = Engine::new(&ws)?;
    let compile_s = t.elapsed().as_secs_f64();
    engine.score_table_into(first, last, &mut table)?;
    let compute = best(o.repeat, || Ok(engine.score_table_into(first, last, &mut table)?))?;
    let bandwidth = copy_bandwidth();

    let mut w = BufWriter::new(File::create(o.out.join("scores_rust.csv"))?);
    writeln!(w, "node,quarter,score")?;
    for (node, id) in engine.node_ids().iter().enumerate() {
        for t in 0..table.periods {
            if let Some(s) = table.score(node, t) {
                writeln!(w, "{id},{},{s:?}", first.ordinal() + t as i64)?;
            }
        }
    }
    w.flush()?;
    println!(
        "{{\"measurements\": {rows}, \"indicators\": {}, \"quarters\": {}, \"compute_s\": {compute}, \
         \"compile_s\": {compile_s}, \"load_s\": {load_s}, \"e2e_s\": {e2e}, \"copy_bytes_per_s\": {bandwidth}}}",
        ws.indicators.len(),
        table.periods
    );
    Ok(())
}
