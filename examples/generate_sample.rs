//! Regenerate the bundled sample city and template from the deterministic generator.
//!
//! ```text
//! cargo run --release --example generate_sample            # writes examples/data/*.json
//! cargo run --release --example generate_sample -- --check # exits 1 if they are stale
//! ```

use std::process::ExitCode;

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let check = match args.as_slice() {
        [] => false,
        [flag] if flag == "--check" => true,
        _ => {
            eprintln!("usage: generate_sample [--check]");
            return ExitCode::from(2);
        }
    };
    let mut stale = 0;
    for (path, ws) in pilotage_examples::generated() {
        if check {
            let current = std::fs::read_to_string(&path).unwrap_or_default();
            match pilotage_examples::file_text(&ws) {
                Ok(text) if text == current => println!("up to date: {}", path.display()),
                Ok(_) => {
                    eprintln!("stale: {} (run `cargo run --example generate_sample`)", path.display());
                    stale += 1;
                }
                Err(e) => {
                    eprintln!("cannot write {} as JSON: {e}", path.display());
                    return ExitCode::FAILURE;
                }
            }
        } else {
            if let Some(dir) = path.parent() {
                if let Err(e) = std::fs::create_dir_all(dir) {
                    eprintln!("cannot create {}: {e}", dir.display());
                    return ExitCode::FAILURE;
                }
            }
            if let Err(e) = ws.save(&path) {
                eprintln!("{e}");
                return ExitCode::FAILURE;
            }
            println!("wrote {}", path.display());
        }
    }
    if stale > 0 { ExitCode::FAILURE } else { ExitCode::SUCCESS }
}
