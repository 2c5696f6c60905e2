//! The JSON Schema of the workspace file, generated from the types (never hand-maintained).
//!
//! The schema describes what [`Workspace::from_json`](crate::Workspace::from_json) accepts
//! (the "deserialize" contract): amounts are `string` or `number` (files written by this
//! library always hold strings, so that every digit survives), periods and dates are strings
//! with their patterns. Validation rules that span records (unknown ids, cycles, stage order)
//! are beyond a JSON Schema: they are in the `validation` module. The committed copy lives at
//! `schema/workspace.schema.json`; `UPDATE_SCHEMA=1 cargo test -p pilotage --test schema`
//! regenerates it.

use schemars::generate::SchemaSettings;

use crate::model::workspace::Workspace;

/// The JSON Schema (draft 2020-12) of a workspace file.
///
/// ```
/// let schema = pilotage::io::schema::workspace_schema();
/// assert_eq!(schema["title"], "Workspace");
/// assert!(schema["required"].as_array().is_some_and(|r| r.contains(&"organisation".into())));
/// ```
pub fn workspace_schema() -> serde_json::Value {
    let generator = SchemaSettings::draft2020_12().for_deserialize().into_generator();
    generator.into_root_schema_for::<Workspace>().to_value()
}
