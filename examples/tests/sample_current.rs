//! The committed sample city and template are exactly what the generator produces, they
//! validate, and a load/save round trip gives back the same text.

use pilotage::Workspace;
use pilotage_examples::{file_text, generated, sample_path, template_path};

#[test]
fn committed_files_equal_the_generator_output_byte_for_byte() {
    for (path, ws) in generated() {
        let expected = file_text(&ws).unwrap();
        let committed = std::fs::read_to_string(&path).unwrap();
        assert!(
            committed == expected,
            "{} is stale: run `cargo run --example generate_sample`",
            path.display()
        );
    }
}

#[test]
fn committed_files_validate_and_round_trip() {
    for path in [sample_path(), template_path()] {
        let text = std::fs::read_to_string(&path).unwrap();
        let ws = Workspace::from_json(&text).unwrap();
        assert_eq!(file_text(&ws).unwrap(), text, "{}", path.display());
        assert_eq!(Workspace::open(&path).unwrap(), ws);
    }
}

#[test]
fn the_committed_sample_says_it_is_illustrative() {
    let ws = Workspace::open(sample_path()).unwrap();
    assert!(ws.organisation.contains("données illustratives"));
    assert_eq!(ws.projects.len(), 150);
}
