//! Errors. Every failure the library can meet is a variant of [`Error`]; problems found in
//! input are [`Problem`]s, each naming where it is (a path such as
//! `projects[12].stages[3].date`, or a file line and column) and what is wrong.

use std::fmt;

use serde::{Deserialize, Serialize};

/// One thing wrong with the input, and where.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, schemars::JsonSchema)]
pub struct Problem {
    /// Where: a path into the workspace (`commitments[3].partner`), or a file name for CSV.
    pub path: String,
    /// What is wrong, in plain words.
    pub message: String,
    /// Line in the source file (1-based), when known.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub line: Option<u64>,
    /// Column in the source file (1-based), when known.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub column: Option<u64>,
}

impl Problem {
    /// A problem at a path.
    pub fn new(path: impl Into<String>, message: impl Into<String>) -> Problem {
        Problem { path: path.into(), message: message.into(), line: None, column: None }
    }

    /// The same problem with a source position.
    pub fn at(mut self, line: u64, column: Option<u64>) -> Problem {
        self.line = Some(line);
        self.column = column;
        self
    }
}

impl fmt::Display for Problem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.path)?;
        match (self.line, self.column) {
            (Some(l), Some(c)) => write!(f, " (line {l}, column {c})")?,
            (Some(l), None) => write!(f, " (line {l})")?,
            _ => {}
        }
        write!(f, ": {}", self.message)
    }
}

/// Every problem found at once.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(transparent)]
pub struct Problems(pub Vec<Problem>);

/// The most problems a message lists ([`Problems`]'s `Display`, hence every error message
/// of the bindings): a file with 516,000 problems made a 114 MB message. The list itself
/// ([`Error::problems`], Python's `.problems`, JavaScript's `error.problems`) keeps them all.
pub const MAX_LISTED_PROBLEMS: usize = 100;

/// The count, then the first [`MAX_LISTED_PROBLEMS`] problems one per line, then
/// "... and K more" when there are more.
impl fmt::Display for Problems {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let n = self.0.len();
        write!(f, "{n} problem{}", if n == 1 { "" } else { "s" })?;
        for p in self.0.iter().take(MAX_LISTED_PROBLEMS) {
            write!(f, "\n  - {p}")?;
        }
        if n > MAX_LISTED_PROBLEMS {
            write!(f, "\n  ... and {} more", n - MAX_LISTED_PROBLEMS)?;
        }
        Ok(())
    }
}

/// Everything that can go wrong.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
#[non_exhaustive]
pub enum Error {
    /// The text is not JSON (or its top level has the wrong shape).
    #[error("malformed JSON at line {line}, column {column}: {message}")]
    Json {
        /// Line (1-based).
        line: u64,
        /// Column (1-based).
        column: u64,
        /// What the parser says.
        message: String,
    },
    /// The input was read but is not a valid workspace (or CSV file): every problem, with
    /// its path.
    #[error("{0}")]
    Invalid(Problems),
    /// A file could not be read or written.
    #[error("cannot {action} {path}: {message}")]
    Io {
        /// "read" or "write".
        action: &'static str,
        /// The file.
        path: String,
        /// The kind of failure.
        kind: std::io::ErrorKind,
        /// The system's message.
        message: String,
    },
    /// A period string or value is not valid.
    #[error(transparent)]
    Period(#[from] crate::model::period::PeriodError),
    /// An argument names something the workspace does not have (a node id, a period...).
    #[error("{what} {id:?} not found")]
    NotFound {
        /// What was looked for ("node", "indicator"...).
        what: &'static str,
        /// The id given.
        id: String,
    },
    /// An argument is out of its allowed range.
    #[error("invalid argument {name}: {message}")]
    Argument {
        /// The argument.
        name: &'static str,
        /// Why.
        message: String,
    },
}

impl Error {
    /// The problems carried by an [`Error::Invalid`] (empty for other errors).
    pub fn problems(&self) -> &[Problem] {
        match self {
            Error::Invalid(p) => &p.0,
            _ => &[],
        }
    }

    pub(crate) fn io(action: &'static str, path: &std::path::Path, e: &std::io::Error) -> Error {
        Error::Io { action, path: path.display().to_string(), kind: e.kind(), message: e.to_string() }
    }
}

/// The result type of the library.
pub type Result<T, E = Error> = std::result::Result<T, E>;
