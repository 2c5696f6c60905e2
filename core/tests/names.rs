//! `NodeKind::as_str` and `Direction::as_str` (what the bindings show) spell every variant
//! as the JSON output does.

#![allow(clippy::unwrap_used)] // test code: a failure is a test failure

use pilotage::NodeKind;
use pilotage::engine::trend::Direction;

#[test]
fn node_kind_names_are_the_json_names() {
    for k in [NodeKind::Scorecard, NodeKind::Perspective, NodeKind::Objective, NodeKind::Indicator] {
        assert_eq!(serde_json::to_value(k).unwrap(), k.as_str());
    }
    assert_eq!(NodeKind::Perspective.as_str(), "perspective");
}

#[test]
fn direction_names_are_the_json_names() {
    for d in [Direction::Improving, Direction::Stable, Direction::Declining, Direction::Unknown] {
        assert_eq!(serde_json::to_value(d).unwrap(), d.as_str());
    }
    assert_eq!(Direction::Stable.as_str(), "stable");
}
