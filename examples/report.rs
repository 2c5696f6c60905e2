//! Writes the HTML report of a workspace (the bundled sample city by default) for one
//! period and language, and next to it a JSON file of the figures the report must show,
//! taken straight from the core (`evaluate`, `headline`) and formatted by the locale: the
//! browser test (`scripts/test.d/report.sh`) compares the rendered page against it.
//!
//! ```text
//! cargo run --release --example report -- --lang fr --period 2025-Q4 --out target/report-fr.html \
//!     [--expected target/report-fr.expected.json] [--date 2026-01-15] [PATH]
//! ```
//!
//! Exits with status 1 when the workspace cannot be read or evaluated, 2 on a usage error.

use std::path::PathBuf;
use std::process::ExitCode;

use pilotage::analytics::headline::{HeadlineOptions, headline};
use pilotage::report::{ReportOptions, html_report};

use pilotage::locale::{Label, Locale, fill};
use pilotage::{Period, Workspace, evaluate};
use serde_json::json;

struct Args {
    locale: Locale,
    period: Period,
    out: PathBuf,
    expected: Option<PathBuf>,
    date: Option<chrono::NaiveDate>,
    path: Option<PathBuf>,
}

fn usage() -> &'static str {
    "usage: report --lang fr|en --period PERIOD --out FILE.html [--expected FILE.json] [--date YYYY-MM-DD] [PATH]\n\
     \n\
     --lang       language of the report (default fr)\n\
     --period     reporting period, e.g. 2025-Q4 (default 2025-Q4)\n\
     --out        where to write the HTML report\n\
     --expected   where to write the expected figures (default: FILE.expected.json)\n\
     --date       the date printed as the report's date (default: none)\n\
     PATH         a workspace JSON file (default: the bundled sample city)"
}

fn parse_args() -> Result<Args, String> {
    let mut args = Args {
        locale: Locale::Fr,
        period: Period::Quarter { year: 2025, quarter: 4 },
        out: PathBuf::new(),
        expected: None,
        date: None,
        path: None,
    };
    let mut it = std::env::args().skip(1);
    while let Some(a) = it.next() {
        let mut value = |name: &str| it.next().ok_or_else(|| format!("{name} needs a value\n\n{}", usage()));
        match a.as_str() {
            "-h" | "--help" => return Err(usage().to_string()),
            "--lang" => args.locale = value("--lang")?.parse().map_err(|e| format!("--lang: {e}"))?,
            "--period" => args.period = value("--period")?.parse().map_err(|e| format!("--period: {e}"))?,
            "--out" => args.out = PathBuf::from(value("--out")?),
            "--expected" => args.expected = Some(PathBuf::from(value("--expected")?)),
            "--date" => {
                args.date = Some(value("--date")?.parse().map_err(|e| format!("--date: {e}"))?);
            }
            s if s.starts_with('-') => return Err(format!("unknown option {s}\n\n{}", usage())),
            _ if args.path.is_none() => args.path = Some(PathBuf::from(a)),
            _ => return Err(format!("only one workspace file at a time\n\n{}", usage())),
        }
    }
    if args.out.as_os_str().is_empty() {
        return Err(format!("--out is required\n\n{}", usage()));
    }
    Ok(args)
}

/// The figures the report must show, from the core's own results.
fn expected(ws: &Workspace, period: Period, locale: Locale) -> Result<serde_json::Value, pilotage::Error> {
    let ev = evaluate(ws, period)?;
    let h = headline(ws, period, HeadlineOptions::default())?;
    let mut perspectives = Vec::new();
    for p in &ws.scorecard.perspectives {
        let score = ev.node(&p.id).and_then(|n| n.score);
        perspectives.push(json!({
            "id": p.id,
            "name": p.name,
            "score": score.map(|s| locale.number(s, 0)),
            "objectives": ws.scorecard.objectives.iter().filter(|o| o.perspective == p.id)
                .map(|o| o.name.clone()).collect::<Vec<_>>(),
        }));
    }
    let files = locale.label(Label::Files);
    let ratio = h
        .lead_time_by_year
        .as_ref()
        .unwrap_or(&h.lead_time)
        .mean_ratio
        .map(|r| format!("{} {}", locale.label(Label::DividedBy), locale.number(r, 1)));
    let lev = &h.finance.leverage;
    let leverage = lev.value.map(|v| {
        let v = rust_decimal::prelude::ToPrimitive::to_f64(&v).unwrap_or(f64::NAN);
        fill(locale.words().report.leverage_ratio, &[&locale.number(v, 1)])
    });
    Ok(json!({
        "lang": locale.tag(),
        "organisation": ws.organisation,
        "period": locale.period(period),
        "perspectives": perspectives,
        "active_caseload": format!("{} {files}", h.active_caseload),
        "lead_time_ratio": ratio,
        "leverage": leverage,
        "leverage_numerator": locale.money_or_dash(lev.external),
        "leverage_denominator": locale.money_or_dash(lev.own),
        "sections": ["overview", "strategy-map", "cards", "portfolio", "partnerships", "explanations"],
        "cards": ev.nodes.iter().filter(|n| n.kind == pilotage::NodeKind::Indicator).count(),
    }))
}

fn run(args: &Args) -> Result<(), String> {
    let path = args.path.clone().unwrap_or_else(pilotage_examples::sample_path);
    let ws = Workspace::open(&path).map_err(|e| format!("{}: {e}", path.display()))?;
    let options = ReportOptions { generated_on: args.date, ..ReportOptions::default() };
    let html = html_report(&ws, args.period, args.locale, &options).map_err(|e| e.to_string())?;
    let figures = expected(&ws, args.period, args.locale).map_err(|e| e.to_string())?;
    let expected_path = args.expected.clone().unwrap_or_else(|| args.out.with_extension("expected.json"));
    for p in [&args.out, &expected_path] {
        if let Some(dir) = p.parent().filter(|d| !d.as_os_str().is_empty()) {
            std::fs::create_dir_all(dir).map_err(|e| format!("{}: {e}", dir.display()))?;
        }
    }
    std::fs::write(&args.out, html).map_err(|e| format!("{}: {e}", args.out.display()))?;
    let text = serde_json::to_string_pretty(&figures).map_err(|e| e.to_string())?;
    std::fs::write(&expected_path, text + "\n").map_err(|e| format!("{}: {e}", expected_path.display()))?;
    println!("wrote {} and {}", args.out.display(), expected_path.display());
    Ok(())
}

fn main() -> ExitCode {
    let args = match parse_args() {
        Ok(a) => a,
        Err(msg) => {
            eprintln!("{msg}");
            return ExitCode::from(2);
        }
    };
    match run(&args) {
        Ok(()) => ExitCode::SUCCESS,
        Err(msg) => {
            eprintln!("{msg}");
            ExitCode::from(1)
        }
    }
}
