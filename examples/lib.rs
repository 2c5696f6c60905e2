//! Support for the examples: where the bundled sample city lives.

use std::path::PathBuf;

/// Path of the bundled sample workspace (`examples/data/sample-city.json`).
pub fn sample_path() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("data").join("sample-city.json")
}
