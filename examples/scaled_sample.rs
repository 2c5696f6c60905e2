//! Write the sample city scaled up, for benchmarks: `--scale N` multiplies its projects,
//! partners and commitments by N and adds generated monthly indicators so that it has N
//! times the curated indicators (the same seed and years as the sample city).
//!
//! ```text
//! cargo run --release --example scaled_sample -- --scale 100 target/bench/sample-x100.json
//! ```

use std::path::PathBuf;
use std::process::ExitCode;

use pilotage::sample::SampleSpec;

/// The curated indicators of the sample city (the generator adds `indicators` beyond them).
const CURATED_INDICATORS: usize = 36;

fn spec(scale: usize) -> SampleSpec {
    let city = SampleSpec::city();
    SampleSpec {
        organisation: format!("{} ×{scale}", city.organisation),
        indicators: CURATED_INDICATORS * (scale - 1),
        projects: city.projects * scale,
        partners: city.partners * scale,
        commitments: city.commitments * scale,
        ..city
    }
}

fn run(args: &[String]) -> Result<(), String> {
    let usage = "usage: scaled_sample [--scale N] OUTPUT.json";
    let mut scale = 100usize;
    let mut out: Option<PathBuf> = None;
    let mut it = args.iter();
    while let Some(a) = it.next() {
        match a.as_str() {
            "--scale" => {
                let n = it.next().ok_or(usage)?;
                scale = n.parse().map_err(|_| format!("--scale takes a whole number, not {n:?}"))?;
                if scale == 0 {
                    return Err("--scale must be at least 1".to_string());
                }
            }
            s if s.starts_with('-') => return Err(format!("unknown option {s}\n{usage}")),
            _ => out = Some(PathBuf::from(a)),
        }
    }
    let out = out.ok_or(usage)?;
    let ws = spec(scale).generate().map_err(|e| e.to_string())?;
    ws.save(&out).map_err(|e| e.to_string())?;
    println!(
        "{}: {} indicators, {} projects, {} partners, {} commitments",
        out.display(),
        ws.indicators.len(),
        ws.projects.len(),
        ws.partners.len(),
        ws.commitments.len()
    );
    Ok(())
}

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    match run(&args) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("{e}");
            ExitCode::from(2)
        }
    }
}
