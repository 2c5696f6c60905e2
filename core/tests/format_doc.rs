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

#[test]
fn the_documented_rate_is_a_fraction_on_one_scale() {
    let ws = Workspace::from_json(&documented_example()).unwrap();
    let abs = ws.indicators.iter().find(|i| i.id == "absenteeism").unwrap();
    // A rate is numerator / denominator, never x 100: the target 5 % is written 0.05, and
    // 12 days out of 240 is 12 / 240 = 0.05, on the target's scale.
    assert_eq!(abs.unit, "ratio");
    assert_eq!(abs.targets[0].value, 0.05);
    assert_eq!(abs.measurements[0].effective_value(), Some(12.0 / 240.0));
    // The December value agrees with its numerator and denominator: 9 / 200 = 0.045.
    let dec = &abs.measurements[1];
    assert_eq!((dec.value, dec.numerator, dec.denominator), (Some(0.045), Some(9.0), Some(200.0)));
    assert_eq!(dec.value, Some(9.0 / 200.0));
}
