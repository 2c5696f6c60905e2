//! The main job: load a workspace (the bundled sample city by default), validate it, and
//! print its scorecard and its portfolio and partnership figures for a period.
//!
//! ```text
//! cargo run --release --example scorecard -- [PATH] [--period P] [--compare P]
//!                                            [--leverage DEF] [--caseload RULE]
//!                                            [--lang en|fr] [--json] [--explain ID] [--html FILE]
//! ```
//!
//! Exits with status 1 and lists every problem (with its path) when the file is invalid,
//! and with status 2 on a usage error; `--help` prints the usage to standard output and
//! exits with status 0.

use std::path::PathBuf;
use std::process::ExitCode;

use pilotage::analytics::headline::{HeadlineOptions, headline};
use pilotage::analytics::partnership::LeverageDefinition;
use pilotage::analytics::portfolio::CaseloadOptions;
use pilotage::explain::explain_in;
use pilotage::report::ReportOptions;
use pilotage::report::adapter::html_report_with;

use pilotage::locale::Locale;
use pilotage::{Engine, Frequency, Period, Workspace, evaluate};
use pilotage_examples::{MainJobJson, summary, text_report};

struct Args {
    path: Option<PathBuf>,
    period: Option<Period>,
    compare: Option<Period>,
    leverage: LeverageDefinition,
    caseload: CaseloadOptions,
    lang: Locale,
    json: bool,
    explain: Option<String>,
    html: Option<PathBuf>,
}

const USAGE: &str = "usage: scorecard [PATH] [--period P] [--compare P] [--leverage DEF] [--caseload RULE]
                 [--lang en|fr] [--json] [--explain ID] [--html FILE]

  PATH          a workspace JSON file (default: the bundled sample city)
  --period P    the reporting period: 2025-Q4, 2025-11 or 2025 (default: the latest quarter with data)
  --compare P   the earlier period lead times and capacity are compared with
                (default: the same period in the first year with decided files)
  --leverage DEF  external_over_own (default: external funds / own funds, FEADER's usage),
                total_over_own ((own + external) / own) or planned_cost_over_own
                (total planned expenditure / own funds)
  --caseload RULE which files count as active: until_closed (default: rejected and delivered
                files count until closed), without_rejected, without_delivered, or
                in_progress (neither rejected nor delivered files)
  --lang L      en (default) or fr: labels, numbers, money and dates
  --json        print the evaluation and the headline figures as JSON (see README)
  --explain ID  print the explanation of one node (perspective, objective or indicator id, in --lang)
  --html FILE   write the self-contained HTML report of the period to FILE (in --lang), and say where";

fn parse_period(flag: &str, value: Option<String>) -> Result<Period, String> {
    let v = value.ok_or_else(|| format!("{flag} needs a value\n\n{USAGE}"))?;
    v.parse().map_err(|e| format!("{flag}: {e}"))
}

/// The arguments, or `None` when the usage was asked for (`-h`, `--help`).
fn parse_args() -> Result<Option<Args>, String> {
    let mut args = Args {
        path: None,
        period: None,
        compare: None,
        leverage: LeverageDefinition::default(),
        caseload: CaseloadOptions::default(),
        lang: Locale::En,
        json: false,
        explain: None,
        html: None,
    };
    let mut it = std::env::args().skip(1);
    while let Some(a) = it.next() {
        match a.as_str() {
            "-h" | "--help" => return Ok(None),
            "--period" => args.period = Some(parse_period("--period", it.next())?),
            "--compare" => args.compare = Some(parse_period("--compare", it.next())?),
            "--json" => args.json = true,
            "--leverage" => {
                args.leverage = it
                    .next()
                    .ok_or_else(|| format!("--leverage needs a definition\n\n{USAGE}"))?
                    .parse()
                    .map_err(|e| format!("--leverage: {e}"))?
            }
            "--caseload" => {
                args.caseload = it
                    .next()
                    .ok_or_else(|| format!("--caseload needs a rule\n\n{USAGE}"))?
                    .parse()
                    .map_err(|e| format!("--caseload: {e}"))?
            }
            "--lang" => {
                args.lang = it
                    .next()
                    .ok_or_else(|| format!("--lang needs en or fr\n\n{USAGE}"))?
                    .parse()
                    .map_err(|e| format!("--lang: {e}"))?
            }
            "--explain" => {
                args.explain = Some(it.next().ok_or_else(|| format!("--explain needs a node id\n\n{USAGE}"))?)
            }
            "--html" => {
                args.html =
                    Some(PathBuf::from(it.next().ok_or_else(|| format!("--html needs a file\n\n{USAGE}"))?))
            }
            s if s.starts_with('-') => return Err(format!("unknown option {s}\n\n{USAGE}")),
            _ if args.path.is_none() => args.path = Some(PathBuf::from(a)),
            _ => return Err(format!("only one workspace file at a time\n\n{USAGE}")),
        }
    }
    Ok(Some(args))
}

fn run(args: Args) -> Result<(), String> {
    let path = args.path.unwrap_or_else(pilotage_examples::sample_path);
    // shared with the report's engine, which then keeps no copy of the records
    let ws = std::sync::Arc::new(Workspace::open(&path).map_err(|e| format!("{}: {e}", path.display()))?);
    let period = match args.period.or_else(|| ws.latest_period(Frequency::Quarterly)) {
        Some(p) => p,
        None => {
            // Nothing dated to report on: say what the file holds and stop.
            return emit(&format!(
                "{}{}",
                summary(&ws, &path.display().to_string(), args.lang),
                args.lang.words().text.summary[5]
            ));
        }
    };
    // The report first, then the evaluation and figures of the other outputs, only when one
    // is asked for: held during the report, their record ids (every partner, every active
    // file) doubled its peak memory on a large workspace.
    if let Some(file) = &args.html {
        let options = ReportOptions {
            compare_with: args.compare,
            leverage: args.leverage,
            caseload: args.caseload,
            generated_on: today(),
            ..ReportOptions::default()
        };
        let engine = Engine::new_shared(&ws).map_err(|e| e.to_string())?;
        let html = html_report_with(&engine, &ws, period, args.lang, &options).map_err(|e| e.to_string())?;
        drop(engine);
        pilotage::model::workspace::write_atomically(file, html.as_bytes())
            .map_err(|e| format!("{}: {e}", file.display()))?;
        eprintln!(
            "wrote the {} report of {} for {period} to {}",
            args.lang.tag(),
            pilotage::report::escape::terminal(&ws.organisation),
            pilotage::report::escape::terminal(
                &std::path::absolute(file).unwrap_or_else(|_| file.clone()).display().to_string()
            )
        );
        if !args.json && args.explain.is_none() {
            return Ok(());
        }
    }
    let evaluation = evaluate(&ws, period).map_err(|e| e.to_string())?;
    if let Some(id) = &args.explain {
        return emit(&explain_in(&evaluation, id, args.lang).map_err(|e| e.to_string())?);
    }
    let options = HeadlineOptions {
        compare_with: args.compare,
        leverage: args.leverage,
        caseload: args.caseload,
        ..HeadlineOptions::default()
    };
    let figures = headline(&ws, period, options).map_err(|e| e.to_string())?;
    if args.json {
        let out = MainJobJson { evaluation, headline: figures };
        return emit_json(&serde_json::to_string_pretty(&out).map_err(|e| e.to_string())?);
    }
    emit(&format!(
        "{}\n{}",
        summary(&ws, &path.display().to_string(), args.lang),
        text_report(&ws, &evaluation, &figures, args.caseload, args.lang)
    ))
}

/// Print to standard output; a closed pipe (`| head`) ends the job quietly.
///
/// Every text printed is escaped for the terminal first (control characters and bidi
/// controls written as `\u{1b}`, as error messages print them; as `\u001b` in JSON, which
/// stays valid JSON): a name in a workspace file cannot clear the screen, set the window
/// title or reverse the line.
fn emit(text: &str) -> Result<(), String> {
    emit_raw(&pilotage::report::escape::terminal(text))
}

/// [`emit`] for JSON output.
fn emit_json(text: &str) -> Result<(), String> {
    emit_raw(&pilotage::report::escape::terminal_json(text))
}

fn emit_raw(text: &str) -> Result<(), String> {
    use std::io::Write;
    let mut out = std::io::stdout().lock();
    match writeln!(out, "{}", text.trim_end()).and_then(|()| out.flush()) {
        Err(e) if e.kind() != std::io::ErrorKind::BrokenPipe => Err(format!("cannot write the output: {e}")),
        _ => Ok(()),
    }
}

fn main() -> ExitCode {
    let args = match parse_args() {
        Ok(Some(a)) => a,
        // asked for: the usage on standard output, and success
        Ok(None) => {
            return match emit_raw(USAGE) {
                Ok(()) => ExitCode::SUCCESS,
                Err(msg) => {
                    eprintln!("{msg}");
                    ExitCode::from(1)
                }
            };
        }
        Err(msg) => {
            eprintln!("{msg}");
            return ExitCode::from(2);
        }
    };
    match run(args) {
        Ok(()) => ExitCode::SUCCESS,
        Err(msg) => {
            eprintln!("{}", pilotage::report::escape::terminal(&msg));
            ExitCode::from(1)
        }
    }
}

/// Today's date from the system clock (the library itself reads no clock).
fn today() -> Option<chrono::NaiveDate> {
    let secs = std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).ok()?.as_secs();
    chrono::NaiveDate::from_ymd_opt(1970, 1, 1)?.checked_add_days(chrono::Days::new(secs / 86_400))
}
