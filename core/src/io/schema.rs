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

/// The JSON Schema (draft 2020-12) of the results the library computes, as their JSON output
/// has them (the "serialize" contract: an `Option` is always present, `null` when missing;
/// amounts and ratios are decimal strings): the engine's [`Evaluation`](crate::Evaluation),
/// and the analytics' results. Every result type is a definition under `$defs`; the root lists
/// the top-level results (what one call returns) under `properties`, by the name of the call.
/// The committed copy lives at `schema/results.schema.json` (regenerated as the workspace's);
/// the WebAssembly package's TypeScript types are generated from it.
///
/// ```
/// let schema = pilotage::io::schema::results_schema();
/// assert!(schema["$defs"]["NodeResult"]["properties"]["score"].is_object());
/// assert_eq!(schema["properties"]["evaluate"]["$ref"], "#/$defs/Evaluation");
/// ```
pub fn results_schema() -> serde_json::Value {
    use crate::analytics::{headline, partnership as pa, portfolio as po};
    let mut generator = SchemaSettings::draft2020_12().for_serialize().into_generator();
    let mut roots = serde_json::Map::new();
    let mut add = |name: &str, schema: schemars::Schema| {
        roots.insert(name.to_string(), schema.to_value());
    };
    add("evaluate", generator.subschema_for::<crate::Evaluation>());
    add("evaluate_range", generator.subschema_for::<Vec<crate::Evaluation>>());
    add("headline", generator.subschema_for::<headline::Headline>());
    add("caseload", generator.subschema_for::<po::Caseload>());
    add("work_in_progress", generator.subschema_for::<po::WorkInProgress>());
    add("ageing", generator.subschema_for::<Vec<po::FileAge>>());
    add("lead_time", generator.subschema_for::<po::LeadTimeStats>());
    add("compare_lead_times", generator.subschema_for::<po::LeadTimeComparison>());
    add("throughput", generator.subschema_for::<po::Throughput>());
    add("delivery", generator.subschema_for::<po::DeliveryReport>());
    add("portfolio_value", generator.subschema_for::<po::PortfolioValue>());
    add("transversality", generator.subschema_for::<po::Transversality>());
    add("partner_counts", generator.subschema_for::<pa::PartnerCounts>());
    add("funds", generator.subschema_for::<pa::Funds>());
    add("outstanding", generator.subschema_for::<pa::Outstanding>());
    add("project_finance", generator.subschema_for::<pa::ProjectFinance>());
    add("portfolio_finance", generator.subschema_for::<pa::PortfolioFinance>());
    add("concentration", generator.subschema_for::<pa::Concentration>());
    add("investment_capacity", generator.subschema_for::<pa::InvestmentCapacity>());
    add("compare_capacity", generator.subschema_for::<pa::CapacityComparison>());
    add("problem", generator.subschema_for::<crate::Problem>());
    let defs: serde_json::Map<String, serde_json::Value> = generator.take_definitions(true);
    serde_json::json!({
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "title": "Results",
        "description": "The results pilotage computes, as their JSON output has them: one property per call, its result's schema.",
        "type": "object",
        "properties": roots,
        "$defs": defs,
    })
}
