#![doc = include_str!("../README.md")]
#![warn(missing_docs)]

//! # Design
//!
//! The binding converts and delegates: every computation is the core's. Each module pairs
//! plain Rust functions (testable on the host) with the `#[wasm_bindgen]` exports that only
//! move values across the boundary:
//!
//! - [`error`]: every core error becomes a real JS `Error` named `PilotageError`, with a
//!   `kind` and a `problems` array (never a string, never a panic);
//! - [`convert`]: results cross as plain objects through one serializer (money stays a
//!   string, dates ISO strings), typed in TypeScript by extern types;
//! - [`workspace`]: the `Workspace` class; [`analysis`]: its scorecard methods (evaluate,
//!   explain, headline); [`analytics`]: its portfolio and partnership methods (the core's `analytics`);
//! - [`args`]: every argument read in one place (periods, frequencies, languages; options
//!   objects are read onto the core's argument structs, which hold the defaults);
//! - [`period`]: the free function `parsePeriod`;
//! - [`locale`]: the core's words and number formats for a page (`localeTable`,
//!   `formatNumber`), which the `<pilotage-scorecard>` widget shows;
//! - [`warm_up`]: the start function, which evaluates a small workspace while the module
//!   loads so that the browser compiles the engine's code before the page's first evaluation.
//!
//! The TypeScript data types are emitted verbatim into the generated declarations: the
//! workspace file's and the results' types are generated from the core's JSON Schemas into
//! `src/types.generated.d.ts` (by `tests/typescript_types.rs`); `src/types.d.ts` holds the
//! hand-written rest (errors, option objects, aliases).

use wasm_bindgen::prelude::*;

pub mod analysis;
pub mod analytics;
pub mod args;
pub mod convert;
pub mod error;
pub mod locale;
pub mod period;
pub mod report;
pub mod warm_up;
pub mod workspace;

pub use error::{ErrorReport, Failure, Origin};
pub use workspace::JsWorkspace;

/// The TypeScript declarations of the data types: the hand-written ones (`src/types.d.ts`),
/// then those generated from the Rust types (`src/types.generated.d.ts`).
#[wasm_bindgen(typescript_custom_section)]
const TYPES: &'static str = concat!(include_str!("types.d.ts"), "\n", include_str!("types.generated.d.ts"));

/// The TypeScript data types, as emitted into the declarations (for tests).
pub const TYPESCRIPT_TYPES: &str =
    concat!(include_str!("types.d.ts"), "\n", include_str!("types.generated.d.ts"));

/// The version of this package (the workspace version of the crates).
#[wasm_bindgen]
pub fn version() -> String {
    env!("CARGO_PKG_VERSION").to_string()
}
