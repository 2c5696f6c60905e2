//! The main job: load a workspace (the bundled sample city by default), validate it and
//! print a readable summary.
//!
//! ```text
//! cargo run --release --example scorecard [-- [PATH]]
//! ```
//!
//! Exits with status 1 and lists every problem (with its path) when the file is invalid,
//! and with status 2 on a usage error.

use std::process::ExitCode;

use pilotage::Workspace;

struct Args {
    path: Option<String>,
}

fn usage() -> &'static str {
    "usage: scorecard [PATH]\n\
     \n\
     PATH   a workspace JSON file (default: the bundled sample city)"
}

fn parse_args() -> Result<Args, String> {
    let mut args = Args { path: None };
    for a in std::env::args().skip(1) {
        match a.as_str() {
            "-h" | "--help" => return Err(usage().to_string()),
            s if s.starts_with('-') => return Err(format!("unknown option {s}\n\n{}", usage())),
            _ if args.path.is_none() => args.path = Some(a),
            _ => return Err(format!("only one workspace file at a time\n\n{}", usage())),
        }
    }
    Ok(args)
}

fn main() -> ExitCode {
    let args = match parse_args() {
        Ok(a) => a,
        Err(msg) => {
            eprintln!("{msg}");
            return ExitCode::from(2);
        }
    };
    let path = args.path.map(std::path::PathBuf::from).unwrap_or_else(pilotage_examples::sample_path);
    let ws = match Workspace::open(&path) {
        Ok(ws) => ws,
        Err(e) => {
            eprintln!("{}: {e}", path.display());
            return ExitCode::from(1);
        }
    };
    print!("{}", pilotage_examples::summary(&ws, &path.display().to_string()));
    ExitCode::SUCCESS
}
