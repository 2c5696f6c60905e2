//! The pilotage side of the comparison with pandas, polars and numpy (see `benches/README.md`).
//!
//! - `compare generate --indicators N --months M --out DIR` generates the comparison dataset
//!   (deterministic SplitMix64, seed fixed) as flat CSV files in `DIR`: `measurements.csv`
//!   (indicator, period, value: pilotage's own measurement import format, periods `2025-03`),
//!   `indicators.csv` (id, objective, weight, polarity, baseline, start_quarter, start_value,
//!   end_quarter, end_value, cap; quarters are ordinals `year * 4 + quarter - 1`),
//!   `objectives.csv` (id, perspective, weight), `perspectives.csv` (id, weight). Prints one
//!   JSON line (measurements, indicators, bytes of `measurements.csv`).
//! - `compare time DIR [--repeat R]` times, each as best of R with every run kept:
//!   * **compile + evaluate** (the headline, what the peers' timing holds: from the loaded
//!     workspace to the scores of all quarters): `Engine::new`, then `score_table` over every
//!     quarter into a fresh table;
//!   * **evaluate alone**: `score_table_into` with an engine compiled once and a reused table;
//!   * **end to end** (best of min(R, 3)): the three small CSV files read into the
//!     scorecard (plain `csv` reading: pilotage has no CSV import of indicator definitions),
//!     `measurements.csv` imported by pilotage's own import (`io::import::measurements`,
//!     which checks every row and validates the workspace), compile, evaluate;
//!   * end to end with the lean loader below instead of the import (best of min(R, 3)): a
//!     reference for what reading the rows costs without the import's checks;
//!   * a copy of a 256 MiB buffer (best of 5) for the memory-bandwidth floor;
//!
//!   then writes every node's score for every quarter to `DIR/scores_rust.csv` (node,
//!   quarter, score) and prints the timings as one JSON line.
//! - `compare memory DIR [--import]` reports resident memory (Linux `/proc/self/status`):
//!   the process alone, with the workspace loaded (the input data), the peak while loading,
//!   then (peak reset through `/proc/self/clear_refs`) the peak of compile + evaluate, and
//!   the bytes the workspace's measurements hold. The workspace is read by a lean loader
//!   (measurements pushed straight into their indicators) unless `--import` asks for the
//!   end-to-end path, whose import leaves freed memory the allocator keeps. One JSON line.
//!
//! The configuration is one the four implementations express identically: monthly
//! indicators, mean of the months present in a quarter (about 2 % of months missing, and a
//! few whole quarters), a two-point trajectory per indicator (no target before its start, the
//! end value after its end), linear progress `100 (a - b) / (t - b)` capped at 100 and
//! floored at 0 (100 or 0 by polarity when `t == b`), weighted means with
//! exclude-and-rescale at every level.

use std::collections::HashMap;
use std::error::Error;
use std::fs::File;
use std::hint::black_box;
use std::io::{BufWriter, Write};
use std::path::{Path, PathBuf};
use std::time::Instant;

use pilotage::io::import;
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

enum Command {
    Generate { indicators: usize, months: i64 },
    Time { repeat: usize },
    Memory { via_import: bool },
}

struct Options {
    command: Command,
    dir: PathBuf,
}

const USAGE: &str = "usage: compare generate --indicators N --months M --out DIR | compare time DIR [--repeat R] \
                     | compare memory DIR [--import]";

fn options() -> Res<Options> {
    let mut args = std::env::args().skip(1);
    let command = args.next().ok_or(USAGE)?;
    let (mut indicators, mut months, mut repeat, mut via_import) = (10_000usize, 120i64, 10usize, false);
    let mut dir: Option<PathBuf> = None;
    while let Some(a) = args.next() {
        let mut value = || args.next().ok_or_else(|| format!("{a} needs a value"));
        match a.as_str() {
            "--indicators" => indicators = value()?.parse()?,
            "--months" => months = value()?.parse()?,
            "--out" => dir = Some(PathBuf::from(value()?)),
            "--repeat" => repeat = value()?.parse()?,
            "--import" => via_import = true,
            other if !other.starts_with("--") && dir.is_none() => dir = Some(PathBuf::from(other)),
            other => return Err(format!("unknown argument {other:?}; {USAGE}").into()),
        }
    }
    let command = match command.as_str() {
        "generate" => {
            if months < 12 || months % 12 != 0 {
                return Err("--months must be a positive multiple of 12".into());
            }
            if indicators == 0 {
                return Err("--indicators must be at least 1".into());
            }
            Command::Generate { indicators, months }
        }
        "time" => Command::Time { repeat: repeat.max(1) },
        "memory" => Command::Memory { via_import },
        other => return Err(format!("unknown command {other:?}; {USAGE}").into()),
    };
    Ok(Options { command, dir: dir.ok_or(USAGE)? })
}

/// Write the dataset: the measurements end in December 2025 and span `months` months.
/// Returns the number of measurements.
fn write_dataset(out: &Path, indicators: usize, months: i64) -> Res<usize> {
    std::fs::create_dir_all(out)?;
    let last_month = 2025 * 12 + 11;
    let first_month = last_month - months + 1;
    let (first_q, last_q) = (first_month / 3, last_month / 3);
    let n_obj = (indicators / 10).max(1);
    let mut rng = Rng(0x5EED_2026);
    let mut w = BufWriter::new(File::create(out.join("perspectives.csv"))?);
    writeln!(w, "id,weight")?;
    for (p, weight) in [1.0, 2.0, 1.5, 0.5].iter().enumerate() {
        writeln!(w, "p{},{weight}", p + 1)?;
    }
    w.flush()?;
    let mut w = BufWriter::new(File::create(out.join("objectives.csv"))?);
    writeln!(w, "id,perspective,weight")?;
    for j in 0..n_obj {
        writeln!(w, "o{:05},p{},{}", j + 1, j % 4 + 1, 1.0 + (j % 2) as f64 * 0.5)?;
    }
    w.flush()?;
    let mut wi = BufWriter::new(File::create(out.join("indicators.csv"))?);
    writeln!(
        wi,
        "id,objective,weight,polarity,baseline,start_quarter,start_value,end_quarter,end_value,cap"
    )?;
    let mut wm = BufWriter::new(File::create(out.join("measurements.csv"))?);
    writeln!(wm, "indicator,period,value")?;
    let mut rows = 0;
    for k in 0..indicators {
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
            let t = (m - first_month) as f64 / months as f64;
            let noise = (rng.unit() * 2.0 - 1.0) * level * 0.05;
            let v = round2((level + (goal - level) * achievement * t + noise).max(0.0));
            writeln!(wm, "{id},{}-{:02},{v}", m.div_euclid(12), m.rem_euclid(12) + 1)?;
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

/// Read the three small CSV files (perspectives, objectives, indicators) into a workspace
/// without measurements.
fn load_scorecard(dir: &Path) -> Res<Workspace> {
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
    ws.scorecard = sc;
    Ok(ws)
}

/// The measurements through pilotage's CSV import (every row checked, the workspace
/// validated, all or nothing).
fn import_measurements(ws: &mut Workspace, dir: &Path) -> Res<()> {
    import::measurements_from_path(ws, dir.join("measurements.csv"))?;
    Ok(())
}

/// The workspace of the CSV files with the measurements pushed straight into their
/// indicators (no checks, no validation, little garbage): the memory mode's input, so that
/// the resident size with the data loaded is the workspace's, not the import's leftovers.
fn load_lean(dir: &Path) -> Res<Workspace> {
    let mut ws = load_scorecard(dir)?;
    let at: HashMap<String, usize> =
        ws.indicators.iter().enumerate().map(|(k, i)| (i.id.clone(), k)).collect();
    let mut rec = csv::StringRecord::new();
    let mut rdr = reader(dir, "measurements.csv")?;
    while rdr.read_record(&mut rec)? {
        let k = *at.get(field(&rec, 0)?).ok_or("unknown indicator")?;
        let (year, month) = field(&rec, 1)?.split_once('-').ok_or("a period is YYYY-MM")?;
        let period = Period::Month { year: year.parse()?, month: month.parse()? };
        let value: f64 = field(&rec, 2)?.parse()?;
        ws.indicators
            .get_mut(k)
            .ok_or("unknown indicator")?
            .measurements
            .push(Measurement::new(period, value));
    }
    Ok(ws)
}

/// The workspace of the CSV files: the scorecard, then the measurements imported.
fn load(dir: &Path) -> Res<Workspace> {
    let mut ws = load_scorecard(dir)?;
    import_measurements(&mut ws, dir)?;
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

/// Compile and evaluate every quarter of the data into a fresh table: what the peers'
/// compute does from their loaded frames.
fn compile_and_evaluate(ws: &Workspace) -> Res<(Engine, ScoreTable, Period)> {
    let (first, last) = span(ws)?;
    let engine = Engine::new(ws)?;
    let table = engine.score_table(first, last)?;
    Ok((engine, table, first))
}

/// The seconds of each of `repeat` runs of `f`.
fn times<F: FnMut() -> Res<()>>(repeat: usize, mut f: F) -> Res<Vec<f64>> {
    let mut all = Vec::with_capacity(repeat);
    for _ in 0..repeat.max(1) {
        let t = Instant::now();
        f()?;
        all.push(t.elapsed().as_secs_f64());
    }
    Ok(all)
}

fn min(v: &[f64]) -> f64 {
    v.iter().copied().fold(f64::INFINITY, f64::min)
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
        dst.copy_from_slice(black_box(&src));
        black_box(&mut dst);
        best = best.min(t.elapsed().as_secs_f64());
    }
    BYTES as f64 / best
}

fn json_list(v: &[f64]) -> String {
    let items: Vec<String> = v.iter().map(|x| format!("{x}")).collect();
    format!("[{}]", items.join(", "))
}

fn time(dir: &Path, repeat: usize) -> Res<()> {
    // end to end: CSV files -> workspace -> engine -> scores of every quarter, with the part
    // of each step in the best run
    let (mut e2e, mut parts) = (Vec::new(), [f64::INFINITY; 4]);
    for _ in 0..repeat.min(3) {
        let t0 = Instant::now();
        let mut ws = load_scorecard(dir)?;
        let t1 = Instant::now();
        import_measurements(&mut ws, dir)?;
        let t2 = Instant::now();
        let (first, last) = span(&ws)?;
        let engine = Engine::new(&ws)?;
        let t3 = Instant::now();
        black_box(engine.score_table(first, last)?);
        let t4 = Instant::now();
        let total = (t4 - t0).as_secs_f64();
        if total < min(&e2e) {
            parts = [t1 - t0, t2 - t1, t3 - t2, t4 - t3].map(|d| d.as_secs_f64());
        }
        e2e.push(total);
    }
    // the same with the lean loader of the memory mode instead of the import: what reading
    // the rows costs without the import's checks (not an API of pilotage: a reference)
    let lean = times(repeat.min(3), || {
        let ws = load_lean(dir)?;
        black_box(compile_and_evaluate(&ws)?);
        Ok(())
    })?;
    let ws = load(dir)?;
    // the headline: compile + evaluate, a fresh engine and a fresh table each run
    let headline = times(repeat, || {
        black_box(compile_and_evaluate(&ws)?);
        Ok(())
    })?;
    let compile = times(repeat, || {
        black_box(Engine::new(&ws)?);
        Ok(())
    })?;
    // evaluation alone: one engine, the table reused
    let (engine, mut table, first) = compile_and_evaluate(&ws)?;
    let (_, last) = span(&ws)?;
    let evaluate = times(repeat, || Ok(engine.score_table_into(first, last, &mut table)?))?;
    let bandwidth = copy_bandwidth();

    let mut w = BufWriter::new(File::create(dir.join("scores_rust.csv"))?);
    writeln!(w, "node,quarter,score")?;
    for (node, id) in engine.node_ids().iter().enumerate() {
        for t in 0..table.periods {
            if let Some(s) = table.score(node, t) {
                writeln!(w, "{id},{},{s:?}", first.ordinal() + t as i64)?;
            }
        }
    }
    w.flush()?;
    let measurements: usize = ws.indicators.iter().map(|i| i.measurements.len()).sum();
    println!(
        "{{\"measurements\": {measurements}, \"indicators\": {}, \"quarters\": {}, \"compute_s\": {}, \
         \"evaluate_s\": {}, \"compile_s\": {}, \"e2e_s\": {}, \"e2e_parts_s\": {}, \"e2e_lean_s\": {}, \"copy_bytes_per_s\": {bandwidth}, \
         \"version\": \"{}\"}}",
        ws.indicators.len(),
        table.periods,
        json_list(&headline),
        json_list(&evaluate),
        json_list(&compile),
        json_list(&e2e),
        json_list(&parts),
        json_list(&lean),
        env!("CARGO_PKG_VERSION"),
    );
    Ok(())
}

/// A `/proc/self/status` figure in bytes (Linux), `None` elsewhere.
fn status_bytes(key: &str) -> Option<u64> {
    let text = std::fs::read_to_string("/proc/self/status").ok()?;
    let rest = text.lines().find_map(|l| l.strip_prefix(key)?.strip_prefix(':'))?;
    let kib: u64 = rest.trim().trim_end_matches("kB").trim().parse().ok()?;
    Some(kib * 1024)
}

/// Reset the peak resident size (`VmHWM`) to the current one (Linux >= 4.0).
fn reset_peak() -> bool {
    std::fs::write("/proc/self/clear_refs", "5").is_ok()
}

fn json_opt(v: Option<u64>) -> String {
    v.map_or_else(|| "null".to_string(), |b| b.to_string())
}

/// Bytes the workspace's measurements hold (their vectors' capacity; no string is set).
fn measurement_bytes(ws: &Workspace) -> usize {
    ws.indicators.iter().map(|i| i.measurements.capacity() * std::mem::size_of::<Measurement>()).sum()
}

fn memory(dir: &Path, via_import: bool) -> Res<()> {
    let runtime = status_bytes("VmRSS");
    let ws = if via_import { load(dir)? } else { load_lean(dir)? };
    let data = status_bytes("VmRSS");
    let load_peak = status_bytes("VmHWM");
    let reset = reset_peak();
    let scored = compile_and_evaluate(&ws)?;
    let compute_peak = status_bytes("VmHWM");
    black_box(&scored);
    println!(
        "{{\"runtime_rss\": {}, \"data_rss\": {}, \"load_peak\": {}, \"compute_peak\": {}, \"peak_reset\": {reset}, \
         \"data_bytes\": {}}}",
        json_opt(runtime),
        json_opt(data),
        json_opt(load_peak),
        json_opt(if reset { compute_peak } else { None }),
        measurement_bytes(&ws),
    );
    Ok(())
}

fn main() -> Res<()> {
    let o = options()?;
    match o.command {
        Command::Generate { indicators, months } => {
            let rows = write_dataset(&o.dir, indicators, months)?;
            let bytes = std::fs::metadata(o.dir.join("measurements.csv"))?.len();
            println!("{{\"measurements\": {rows}, \"indicators\": {indicators}, \"csv_bytes\": {bytes}}}");
            Ok(())
        }
        Command::Time { repeat } => time(&o.dir, repeat),
        Command::Memory { via_import } => memory(&o.dir, via_import),
    }
}
