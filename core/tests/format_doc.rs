//! The example workspace of `docs/workspace-format.md` is a valid workspace.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)] // test code: a failure is a test failure

use std::path::PathBuf;

use pilotage::Workspace;

/// The first ```json block of the format document.
fn documented_example() -> String {
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../docs/workspace-format.md");
    let doc = std::fs::read_to_string(&path).unwrap();
    let start = doc.find("```json\n").expect("the document has a ```json block") + "```json\n".len();
    let len = doc[start..].find("```").expect("the ```json block is closed");
    doc[start..start + len].to_string()
}

#[test]
fn the_documented_example_loads_and_validates() {
    let ws = match Workspace::from_json(&documented_example()) {
        Ok(ws) => ws,
        Err(e) => panic!("the example of docs/workspace-format.md does not load: {e}"),
    };
    assert_eq!(ws.organisation, "Ville exemple");
    // Two services, one project, two partners, one commitment of three steps, four
    // indicators (measured, rate, derived, calculated), two perspectives, two objectives.
    assert_eq!((ws.services.len(), ws.projects.len(), ws.partners.len(), ws.commitments.len()), (2, 1, 2, 1));
    assert_eq!(ws.commitments[0].steps.len(), 3);
    assert_eq!(ws.indicators.len(), 4);
    assert_eq!((ws.scorecard.perspectives.len(), ws.scorecard.objectives.len()), (2, 2));
    assert_eq!(ws.projects[0].planned_cost.unwrap().to_string(), "1250000.00");
}

#[test]
fn the_documented_example_survives_a_save_and_a_load() {
    let ws = Workspace::from_json(&documented_example()).unwrap();
    let saved = ws.to_json().unwrap();
    assert_eq!(Workspace::from_json(&saved).unwrap(), ws);
    // A saved file is canonical: saving it again gives the same text.
    assert_eq!(Workspace::from_json(&saved).unwrap().to_json().unwrap(), saved);
}
