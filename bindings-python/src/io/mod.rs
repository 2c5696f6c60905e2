//! `Workspace`'s imports (the core's `io`).

pub mod import;
