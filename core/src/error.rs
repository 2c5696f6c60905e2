//! Errors. Every failure the library can meet is a variant of [`Error`]; problems found in
//! input are [`Problem`]s, each naming where it is (a structured [`Path`] such as
//! `projects[p1].stages[3].date`, or a file line and column) and what is wrong.

use std::fmt;

use serde::{Deserialize, Serialize};

/// One step of a [`Path`].
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum Segment {
    /// A field of a record or of the workspace (`.perspective`), or the first name of a path
    /// (`scorecard`, a CSV file name).
    Field(String),
    /// The position of an element in a list that has no id (`[2]`, 0-based): measurements,
    /// targets, steps, stage events, the changes of a weight schedule.
    Index(usize),
    /// An element named by its id (`[o_pilotage]`): indicators, objectives, perspectives,
    /// projects, partners, commitments, services. For tables, the same brackets name a
    /// column (`file.csv[amount]`) or a DataFrame row label.
    Id(String),
    /// Text kept as given, shown as it is: a path read back from its display text
    /// ([`Path::text`]), which is not parsed (an id may contain `.`, `[` or digits only).
    Text(String),
}

/// Where a [`Problem`] is: a list of [`Segment`]s, built by its producer (never parsed back
/// from text). Its `Display` is the dotted text of the problem
/// (`indicators[ind_absenteisme].targets[2].value`): a field after the first is preceded by
/// `.`, an index or an id is in brackets.
///
/// ```
/// use pilotage::Path;
/// let p = Path::root("commitments").id("c_12").field("steps").index(1).field("amount");
/// assert_eq!(p.to_string(), "commitments[c_12].steps[1].amount");
/// ```
///
/// In JSON (the bindings' problems) a path is its display text, a string.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Default)]
pub struct Path(Vec<Segment>);

impl schemars::JsonSchema for Path {
    fn schema_name() -> std::borrow::Cow<'static, str> {
        "ProblemPath".into()
    }

    fn json_schema(_: &mut schemars::SchemaGenerator) -> schemars::Schema {
        schemars::json_schema!({
            "type": "string",
            "description": "Where a problem is: a path into the workspace naming records by id where they have one (`scorecard.objectives[o_pilotage].perspective`, `commitments[c_12].steps[1].amount`), or a file name for CSV."
        })
    }
}

impl Path {
    /// A path that starts with the field `name` (`indicators`, `scorecard`, a file name).
    pub fn root(name: impl Into<String>) -> Path {
        Path(vec![Segment::Field(name.into())])
    }

    /// A path kept as the text given, not parsed: the reader of a path's display text
    /// (deserialisation, the Python `Problem(path, ...)` constructor). It displays as given
    /// but has no structure.
    pub fn text(text: impl Into<String>) -> Path {
        Path(vec![Segment::Text(text.into())])
    }

    fn with(&self, s: Segment) -> Path {
        let mut v = self.0.clone();
        v.push(s);
        Path(v)
    }

    /// This path, then the field `name`.
    #[must_use]
    pub fn field(&self, name: impl Into<String>) -> Path {
        self.with(Segment::Field(name.into()))
    }

    /// This path, then the element at `i` (0-based) of a list without ids.
    #[must_use]
    pub fn index(&self, i: usize) -> Path {
        self.with(Segment::Index(i))
    }

    /// This path, then the element of id `id`.
    #[must_use]
    pub fn id(&self, id: impl Into<String>) -> Path {
        self.with(Segment::Id(id.into()))
    }

    /// This path, then every segment of `rest`.
    #[must_use]
    pub fn join(&self, rest: &Path) -> Path {
        let mut v = self.0.clone();
        v.extend(rest.0.iter().cloned());
        Path(v)
    }

    /// Adds `s` at the end.
    pub fn push(&mut self, s: Segment) {
        self.0.push(s);
    }

    /// Removes the last segment.
    pub fn pop(&mut self) -> Option<Segment> {
        self.0.pop()
    }

    /// Whether the path has no segment.
    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    /// The segments, in order.
    pub fn segments(&self) -> &[Segment] {
        &self.0
    }

    /// The segments after `prefix`, if this path starts with it.
    pub fn strip_prefix(&self, prefix: &Path) -> Option<&[Segment]> {
        self.0.strip_prefix(prefix.0.as_slice())
    }
}

impl From<Vec<Segment>> for Path {
    fn from(segments: Vec<Segment>) -> Path {
        Path(segments)
    }
}

impl From<&str> for Path {
    /// A path of one field (`"organisation"`, a file name).
    fn from(name: &str) -> Path {
        Path::root(name)
    }
}

impl fmt::Display for Path {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for (i, s) in self.0.iter().enumerate() {
            match s {
                Segment::Field(n) if i == 0 => f.write_str(n)?,
                Segment::Field(n) => write!(f, ".{n}")?,
                Segment::Index(k) => write!(f, "[{k}]")?,
                Segment::Id(id) => write!(f, "[{id}]")?,
                Segment::Text(t) => f.write_str(t)?,
            }
        }
        Ok(())
    }
}

/// Whether `path` displays as `text`, compared piece by piece without building the text.
fn text_is(path: &Path, text: &str) -> bool {
    struct Compare<'a> {
        rest: &'a str,
        same: bool,
    }
    impl fmt::Write for Compare<'_> {
        fn write_str(&mut self, s: &str) -> fmt::Result {
            match self.rest.strip_prefix(s) {
                Some(rest) if self.same => self.rest = rest,
                _ => self.same = false,
            }
            Ok(())
        }
    }
    let mut c = Compare { rest: text, same: true };
    let _ = fmt::Write::write_fmt(&mut c, format_args!("{path}"));
    c.same && c.rest.is_empty()
}

/// A path equals the text it displays as (handy in tests and checks: `p.path == "scorecard"`).
impl PartialEq<str> for Path {
    fn eq(&self, other: &str) -> bool {
        text_is(self, other)
    }
}

impl PartialEq<&str> for Path {
    fn eq(&self, other: &&str) -> bool {
        text_is(self, other)
    }
}

impl PartialEq<String> for Path {
    fn eq(&self, other: &String) -> bool {
        text_is(self, other)
    }
}

impl Serialize for Path {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> std::result::Result<S::Ok, S::Error> {
        serializer.collect_str(self)
    }
}

impl<'de> Deserialize<'de> for Path {
    /// A path read back from its text is [`Path::text`]: it displays (and serialises) the same.
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> std::result::Result<Path, D::Error> {
        String::deserialize(deserializer).map(Path::text)
    }
}

/// One thing wrong with the input, and where.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, schemars::JsonSchema)]
pub struct Problem {
    /// Where: a path into the workspace (`commitments[c_12].partner`), or a file name for
    /// CSV. Serialised as its display text.
    pub path: Path,
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
    pub fn new(path: impl Into<Path>, message: impl Into<String>) -> Problem {
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
        write!(f, "{}", self.path)?;
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

/// Where the input of a failing call came from, for an [`ErrorReport`]: positions in JSON
/// text mean something to the caller only when the caller wrote the text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Origin {
    /// The caller gave JSON text: lines and columns point into it.
    Text,
    /// The caller gave an object, which a binding wrote as JSON text: positions are left out.
    Object,
}

/// An error as plain data, for the bindings that hand errors over as data (the WebAssembly
/// package's `PilotageError`): a kind, the message, every problem and, for malformed JSON
/// text, where.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ErrorReport {
    /// One of `json`, `invalid`, `period`, `not_found`, `argument`, `io`.
    pub kind: &'static str,
    /// The message (for `invalid`: the count, then one problem per line).
    pub message: String,
    /// Every problem of an invalid input; empty for the other kinds.
    pub problems: Vec<Problem>,
    /// Line of malformed JSON text (1-based).
    pub line: Option<u64>,
    /// Column of malformed JSON text (1-based).
    pub column: Option<u64>,
}

impl ErrorReport {
    /// The report of an error. For [`Origin::Object`] the line and column of problems are
    /// dropped: they would point into text the caller never saw.
    pub fn new(error: &Error, origin: Origin) -> ErrorReport {
        let kind = match error {
            Error::Json { .. } => "json",
            Error::Invalid(_) => "invalid",
            Error::Period(_) => "period",
            Error::NotFound { .. } => "not_found",
            Error::Argument { .. } => "argument",
            Error::Io { .. } => "io",
        };
        let mut problems = error.problems().to_vec();
        let (mut line, mut column, mut message) = match error {
            Error::Json { line, column, .. } => (Some(*line), Some(*column), error.to_string()),
            _ => (None, None, error.to_string()),
        };
        if origin == Origin::Object {
            for p in &mut problems {
                p.line = None;
                p.column = None;
            }
            if let Error::Json { message: m, .. } = error {
                message = format!("the object is not shaped like a workspace: {m}");
                line = None;
                column = None;
            } else if let Error::Invalid(_) = error {
                message = Problems(problems.clone()).to_string();
            }
        }
        ErrorReport { kind, message, problems, line, column }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn json_errors_keep_their_position_for_text_only() {
        let e = crate::Workspace::from_json("{\n  \"schema_version\": 1,\n  oops\n}").unwrap_err();
        let text = ErrorReport::new(&e, Origin::Text);
        assert_eq!(text.kind, "json");
        assert_eq!((text.line, text.column), (Some(3), Some(3)));
        assert!(text.message.starts_with("malformed JSON at line 3, column 3"), "{}", text.message);
        assert!(text.problems.is_empty());
        let object = ErrorReport::new(&e, Origin::Object);
        assert_eq!((object.line, object.column), (None, None));
        assert!(
            object.message.starts_with("the object is not shaped like a workspace"),
            "{}",
            object.message
        );
    }

    #[test]
    fn invalid_workspaces_list_every_problem() {
        let text = r#"{"schema_version": 1, "organisation": "X",
            "partners": [{"id": "p", "name": "P", "kind": "nowhere"}],
            "commitments": [{"id": "c", "partner": "p-999", "kind": "grant",
                "steps": [{"status": "signed", "date": "2025-01-02", "amount": "1"}]}]}"#;
        let e = crate::Workspace::from_json(text).unwrap_err();
        let report = ErrorReport::new(&e, Origin::Text);
        assert_eq!(report.kind, "invalid");
        let paths: Vec<String> = report.problems.iter().map(|p| p.path.to_string()).collect();
        assert_eq!(paths, ["partners[p].kind", "commitments[c].partner"]);
        // The decoding problem has a position (line 2), the validation problem has none.
        assert_eq!(report.problems[0].line, Some(2));
        assert_eq!(report.problems[1].line, None);
        assert!(report.message.starts_with("2 problems"));
        let object = ErrorReport::new(&e, Origin::Object);
        assert!(object.problems.iter().all(|p| p.line.is_none() && p.column.is_none()));
        assert!(!object.message.contains("line"), "{}", object.message);
    }

    #[test]
    fn every_other_kind_has_a_name_and_no_problems() {
        let period = Error::Period("2025-13".parse::<crate::Period>().unwrap_err());
        let r = ErrorReport::new(&period, Origin::Text);
        assert_eq!((r.kind, r.problems.len()), ("period", 0));
        assert_eq!(r.message, "invalid period \"2025-13\": the month must be between 01 and 12");
        let argument = Error::Argument { name: "text", message: "too long".into() };
        let r = ErrorReport::new(&argument, Origin::Text);
        assert_eq!((r.kind, r.message.as_str()), ("argument", "invalid argument text: too long"));
        let r = ErrorReport::new(&Error::NotFound { what: "node", id: "x".into() }, Origin::Text);
        assert_eq!((r.kind, r.message.as_str()), ("not_found", "node \"x\" not found"));
    }

    #[test]
    fn a_path_displays_each_segment_kind() {
        // a field after the first has a dot; an index and an id are in brackets
        assert_eq!(Path::root("organisation").to_string(), "organisation");
        assert_eq!(
            Path::root("scorecard").field("objectives").id("o_pilotage").field("perspective").to_string(),
            "scorecard.objectives[o_pilotage].perspective"
        );
        assert_eq!(
            Path::root("indicators")
                .id("ind_absenteisme")
                .field("targets")
                .index(2)
                .field("value")
                .to_string(),
            "indicators[ind_absenteisme].targets[2].value"
        );
        assert_eq!(
            Path::root("commitments").id("c_12").field("steps").index(1).field("amount").to_string(),
            "commitments[c_12].steps[1].amount"
        );
        assert_eq!(
            Path::root("projects").id("p1").field("stages").field("approved").to_string(),
            "projects[p1].stages.approved"
        );
        // a path inside a record (the JSON locator's) may start with an index
        assert_eq!(Path::from(vec![Segment::Index(3), Segment::Field("a".into())]).to_string(), "[3].a");
        assert_eq!(Path::default().to_string(), "");
        // text is shown as given
        assert_eq!(Path::text("m.csv[x]").to_string(), "m.csv[x]");
        // a path equals its text, not a prefix or an extension of it
        let p = Path::root("projects").id("p1").field("stages");
        assert!(p == "projects[p1].stages");
        assert!(p != "projects[p1].stage");
        assert!(p != "projects[p1].stages.x");
        assert!(p != "projects[p1]");
    }

    #[test]
    fn a_path_is_built_of_the_segments_named() {
        let p = Path::root("projects").id("p1").field("stages").index(0);
        let expected = [
            Segment::Field("projects".into()),
            Segment::Id("p1".into()),
            Segment::Field("stages".into()),
            Segment::Index(0),
        ];
        assert_eq!(p.segments(), expected);
        // an id that looks like a number stays an id
        assert_ne!(Path::root("x").id("0"), Path::root("x").index(0));
        assert_eq!(p.strip_prefix(&Path::root("projects").id("p1")), Some(&expected[2..]));
        assert_eq!(p.strip_prefix(&Path::root("projects").id("p2")), None);
    }

    #[test]
    fn a_problem_serialises_its_path_as_text_and_reads_it_back() {
        let p = Problem::new(Path::root("commitments").id("c_12").field("partner"), "unknown partner")
            .at(3, None);
        let json = serde_json::to_string(&p).unwrap();
        assert_eq!(json, r#"{"path":"commitments[c_12].partner","message":"unknown partner","line":3}"#);
        let back: Problem = serde_json::from_str(&json).unwrap();
        assert_eq!(back.path.to_string(), "commitments[c_12].partner");
        assert_eq!(back.path, Path::text("commitments[c_12].partner"));
        assert_eq!(back.to_string(), p.to_string());
    }
}
