//! Input and output: the JSON file and its safe save ([`save`]), CSV import ([`import`]), the
//! file format's JSON Schema ([`schema`]), enum values by name ([`names`]) and the paths that
//! name where a problem is.

pub mod import;
#[cfg(any(test, not(feature = "exact-error-paths")))]
pub(crate) mod json_path;
pub mod names;
pub mod save;
pub mod schema;
