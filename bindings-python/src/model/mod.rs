//! The workspace and its records, as the core's `model` holds them: the `Workspace` class
//! with opening and saving (`workspace`), and its editing methods (`edit`).

pub mod edit;
pub mod workspace;
