//! Support for the examples: where the bundled sample city and template live, and the text
//! the generator gives for them (so that the committed files are checked to be current).

use std::path::PathBuf;

use pilotage::Workspace;

/// Path of the bundled sample workspace (`examples/data/sample-city.json`).
pub fn sample_path() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("data").join("sample-city.json")
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
