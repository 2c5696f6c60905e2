//! Input and output: the JSON file and its safe save ([`save`]), the one input path for
//! tables of records ([`rows`]: the columns, builders and checks every import shares), CSV
//! import over it ([`import`]) and CSV export with the same columns ([`export`]), the file
//! format's JSON Schema and the results' ([`schema`]), enum values by name ([`names`]), the
//! paths that name where a problem is, and serde's messages in the file's words.

pub mod export;
pub mod import;
#[cfg(any(test, not(feature = "exact-error-paths")))]
pub(crate) mod json_path;
pub mod names;
pub mod rows;
pub mod save;
pub mod schema;
pub mod serde_words;
