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
//!   explain, headline); [`metrics`]: its portfolio and partnership methods;
//! - [`period`]: the free function `parsePeriod`;
//! - [`warm_up`]: the start function, which evaluates a small workspace while the module
//!   loads so that the browser compiles the engine's code before the page's first evaluation.
//!
//! The TypeScript data types are in `src/types.d.ts`, emitted verbatim into the generated
//! declarations.

use wasm_bindgen::prelude::*;

pub mod analysis;
pub mod convert;
pub mod error;
pub mod metrics;
pub mod period;
pub mod report;
pub mod warm_up;
pub mod workspace;

pub use error::{ErrorReport, Failure, Origin};
pub use period::PeriodInfo;
pub use workspace::{JsWorkspace, WorkspaceCounts};

/// The TypeScript declarations of the data types (see `src/types.d.ts`).
#[wasm_bindgen(typescript_custom_section)]
const TYPES: &'static str = include_str!("types.d.ts");

/// The TypeScript data types, as emitted into the declarations (for tests).
pub const TYPESCRIPT_TYPES: &str = include_str!("types.d.ts");

/// The version of this package (the workspace version of the crates).
#[wasm_bindgen]
pub fn version() -> String {
    env!("CARGO_PKG_VERSION").to_string()
}
