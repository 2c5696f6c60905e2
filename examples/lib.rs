//! Support for the examples: where the bundled sample city and template live, the text the
//! generator gives for them (so that the committed files are checked to be current), and the
//! text the main job prints.

use std::fmt::Write;
use std::path::PathBuf;

use pilotage::Workspace;

/// Path of the bundled sample workspace (`examples/data/sample-city.json`).
pub fn sample_path() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("data").join("sample-city.json")
}

/// A readable summary of a valid workspace: what it holds.
pub fn summary(ws: &Workspace, source: &str) -> String {
    let mut out = String::new();
    let measurements: usize = ws.indicators.iter().map(|i| i.measurements.len()).sum();
    let periods = ws.indicators.iter().flat_map(|i| i.measurements.iter().map(|m| m.period));
    let first = periods.clone().min_by_key(|p| p.first_month(ws.calendar()));
    let last = periods.max_by_key(|p| p.last_month(ws.calendar()));
    let _ = writeln!(out, "{} — {}", ws.organisation, source);
    let _ = writeln!(out, "valid workspace (schema version {}, currency {})", ws.schema_version, ws.currency);
    let _ = writeln!(
        out,
        "  {} services, {} projects, {} partners, {} commitments",
        ws.services.len(),
        ws.projects.len(),
        ws.partners.len(),
        ws.commitments.len()
    );
    let _ = writeln!(
        out,
        "  scorecard: {} perspectives, {} objectives, {} cause-effect links, {} indicators",
        ws.scorecard.perspectives.len(),
        ws.scorecard.objectives.len(),
        ws.scorecard.links.len(),
        ws.indicators.len()
    );
    match (first, last) {
        (Some(f), Some(l)) => {
            let _ = writeln!(out, "  {measurements} measurements from {f} to {l}");
        }
        _ => {
            let _ = writeln!(out, "  no measurements");
        }
    }
    out
}

/// Path of the bundled scorecard template (`examples/data/template.json`).
pub fn template_path() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("data").join("template.json")
}

/// The text of a workspace file as [`Workspace::save`] writes it: pretty JSON and a final
/// newline.
pub fn file_text(ws: &Workspace) -> pilotage::Result<String> {
    Ok(ws.to_json()? + "\n")
}

/// Each bundled file with the workspace the generator gives for it: the sample city
/// ([`pilotage::sample::city`]) and the template ([`pilotage::sample::template`]).
pub fn generated() -> Vec<(PathBuf, Workspace)> {
    vec![(sample_path(), pilotage::sample::city()), (template_path(), pilotage::sample::template())]
}
