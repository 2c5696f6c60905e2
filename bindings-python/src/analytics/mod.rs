//! `Workspace`'s analytics methods, one module per module of the core's `analytics`.

pub mod headline;
pub mod partnership;
pub mod portfolio;
