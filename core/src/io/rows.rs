//! One input path for tables of records: whatever their source (a CSV file, a pandas or
//! polars DataFrame, a list of dicts, a spreadsheet), rows come in as a [`Rows`] of typed
//! [`Cell`]s, and one set of builders and rules ([`import`]) turns them into measurements,
//! projects, partners or commitments. The adapters ([`crate::io::import`] for CSV, the
//! Python binding for DataFrames) only turn their values into cells; every column name,
//! required field, step grouping, check and error message lives here.
//!
//! The rules, the same for every source:
//! - **Columns.** The columns of each kind are in [`RecordKind::columns`] (the columns the
//!   library exports: `ws.measurements().to_pandas()`, [`crate::io::export`]), matched
//!   case-insensitively after trimming, in any order. An unknown or repeated column is a
//!   problem naming the known ones; a missing required column
//!   ([`RecordKind::required_columns`]) is a problem.
//! - **Cells.** A missing cell (an empty CSV cell, `None`, `NaN`, `NaT`) is an absent value,
//!   and so is empty text; rows whose cells are all absent are skipped. Text is taken as
//!   given (the CSV adapter trims its cells; an id with a space from a DataFrame is refused
//!   by validation, as from a file).
//!   Numbers are finite; amounts are exact decimals (a binary float is refused: `0.1` is not
//!   the amount typed); counts are whole; dates are dates or `YYYY-MM-DD` text; periods are
//!   `2025-03`, `2025-Q1` or `2025`; lists of ids are lists, or text separated by `;` (and by
//!   `,` in a file whose decimal mark is a comma).
//! - **Commitments** come one row per step, grouped by the `commitment` column (the column
//!   the export writes; an `id` column is unknown), steps in row order. `partner` and `kind`
//!   are required on the first row of a commitment; a later row may leave them (and
//!   `project`) empty, and must repeat the first row's value when it gives one. A row whose
//!   `status`, `date` and `amount` are all empty is a commitment without steps (what the
//!   export writes for one).
//! - **Existing records.** A record whose id (for measurements: indicator and period) the
//!   workspace already has is refused, unless the import says [`ImportOptions::replace`]:
//!   then it replaces the existing record in place (counted in [`ImportSummary::replaced`]).
//!   Two rows of one table for the same record are a problem (except the steps of a
//!   commitment). Before this module, a CSV measurement silently replaced an existing one
//!   and a DataFrame row refused it; both now refuse unless told to replace.
//! - **All or nothing, every problem at once.** The records are added to a copy of the
//!   workspace; the copy is validated ([`crate::model::validation::problems`]: a period of the
//!   wrong frequency, a measurement of a derived or calculated indicator, a dangling
//!   reference, a case-twin id...), and the workspace is replaced by the copy only when no
//!   row had a problem and the import introduced no new validation problem. Validation
//!   problems are reported at the row (and column) they come from, together with the
//!   problems of the rows themselves (only a table whose columns are wrong stops first).
//! - **Locations.** A row of a file is named by its line ([`RowAt::Line`]: the problem's
//!   path is `source[column]`, with the line and the 1-based column index); a row of a
//!   DataFrame by its index label ([`RowAt::Label`]: the path is `source[label].column`).

use std::collections::{HashMap, HashSet};

use chrono::NaiveDate;
use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};

use crate::error::{Error, Path, Problem, Problems, Result, Segment};
use crate::model::commitment::{Commitment, CommitmentStep, FundingKind, FundingStatus};
use crate::model::indicator::{IndicatorSource, Measurement};
use crate::model::partner::{Partner, PartnerKind};
use crate::model::period::Period;
use crate::model::project::{Project, Stage, StageEvent};
use crate::model::workspace::Workspace;

/// One cell of a row, typed by its source: a CSV file gives text, a DataFrame gives the
/// Python values' own types. The readers of [`import`] accept each cell type where it
/// makes sense (a number from text or from a number) and refuse the others with a message
/// naming the cell.
#[derive(Debug, Clone, PartialEq)]
pub enum Cell {
    /// No value (an empty cell, `None`, `NaN`, `NaT`).
    Missing,
    /// Text (every cell of a CSV file; `str` values).
    Text(String),
    /// A binary floating-point number.
    Number(f64),
    /// A whole number.
    Integer(i64),
    /// A true/false value (no column takes one: it is refused with its column named).
    Bool(bool),
    /// A calendar date.
    Date(NaiveDate),
    /// An exact decimal number.
    Decimal(Decimal),
    /// A list of texts (ids).
    List(Vec<String>),
    /// A value of a type no column takes, described by its type name (e.g. `dict`).
    Other(String),
}

impl Cell {
    fn is_missing(&self) -> bool {
        match self {
            Cell::Missing => true,
            Cell::Text(s) => s.is_empty(),
            _ => false,
        }
    }

    /// What the cell holds, for messages: `"abc"`, `12.5`, `a bool (true)`.
    fn shown(&self) -> String {
        match self {
            Cell::Missing => "an empty cell".to_string(),
            Cell::Text(s) => format!("{s:?}"),
            Cell::Number(x) => format!("the number {x}"),
            Cell::Integer(n) => format!("the number {n}"),
            Cell::Bool(b) => format!("a bool ({b})"),
            Cell::Date(d) => format!("the date {d}"),
            Cell::Decimal(d) => format!("the number {d}"),
            Cell::List(v) => format!("a list ({})", v.join(", ")),
            Cell::Other(t) => format!("a value of type {t}"),
        }
    }
}

/// Where a row comes from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum RowAt {
    /// A line of a file (1-based).
    Line(u64),
    /// The label of a DataFrame row (its index label as Python shows it: `0`, `'a'`).
    Label(String),
}

/// The kinds of record a table can hold.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum RecordKind {
    /// Measurements of indicators, one per row.
    Measurements,
    /// Projects, one per row, with one date column per stage.
    Projects,
    /// Partners, one per row.
    Partners,
    /// Commitments, one row per step.
    Commitments,
}

/// Columns of a measurements table (`indicator` and `period` required, plus `value` or
/// `numerator` and `denominator`).
pub const MEASUREMENT_COLUMNS: &[&str] =
    &["indicator", "period", "value", "numerator", "denominator", "respondents", "comment", "source"];

/// Columns of a projects table (`id`, `title`, `lead_service` and `registered` required);
/// `contributing_services` and `objectives` are lists of ids; each stage column holds the
/// date the stage was reached.
pub const PROJECT_COLUMNS: &[&str] = &[
    "id",
    "title",
    "lead_service",
    "contributing_services",
    "objectives",
    "registered",
    "complete",
    "approved",
    "rejected",
    "notified",
    "started",
    "delivered",
    "closed",
    "abandoned",
    "planned_cost",
    "actual_cost",
    "planned_end",
    "own_funds",
];

/// Columns of a partners table (`id`, `name` and `kind` required).
pub const PARTNER_COLUMNS: &[&str] = &["id", "name", "kind", "joined"];

/// Columns of a commitments table: one row per step. `commitment`, `status`, `date` and
/// `amount` are required columns; `partner` and `kind` are needed on the first row of a
/// commitment (see the [module](self) for the grouping rules).
pub const COMMITMENT_COLUMNS: &[&str] =
    &["commitment", "partner", "project", "kind", "status", "date", "amount"];

impl RecordKind {
    /// Every kind.
    pub const ALL: [RecordKind; 4] =
        [RecordKind::Measurements, RecordKind::Projects, RecordKind::Partners, RecordKind::Commitments];

    /// The name: `"measurements"`, `"projects"`, `"partners"` or `"commitments"`.
    pub fn as_str(self) -> &'static str {
        match self {
            RecordKind::Measurements => "measurements",
            RecordKind::Projects => "projects",
            RecordKind::Partners => "partners",
            RecordKind::Commitments => "commitments",
        }
    }

    /// The columns a table of this kind may have, in the order the exports write them.
    pub fn columns(self) -> &'static [&'static str] {
        match self {
            RecordKind::Measurements => MEASUREMENT_COLUMNS,
            RecordKind::Projects => PROJECT_COLUMNS,
            RecordKind::Partners => PARTNER_COLUMNS,
            RecordKind::Commitments => COMMITMENT_COLUMNS,
        }
    }

    /// The columns a table of this kind must have.
    pub fn required_columns(self) -> &'static [&'static str] {
        match self {
            RecordKind::Measurements => &["indicator", "period"],
            RecordKind::Projects => &["id", "title", "lead_service", "registered"],
            RecordKind::Partners => &["id", "name", "kind"],
            RecordKind::Commitments => &["commitment", "status", "date", "amount"],
        }
    }
}

impl std::str::FromStr for RecordKind {
    type Err = Error;

    fn from_str(s: &str) -> Result<RecordKind> {
        RecordKind::ALL.into_iter().find(|k| k.as_str() == s).ok_or_else(|| Error::Argument {
            name: "kind",
            message: format!("{s:?} is not an import kind (measurements, projects, partners, commitments)"),
        })
    }
}

/// How an import treats records the workspace has already.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct ImportOptions {
    /// Replace a record of the same id (a measurement of the same indicator and period)
    /// instead of refusing it.
    pub replace: bool,
}

/// What an import did.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ImportSummary {
    /// The source name given (a file name such as `measurements.csv`).
    pub source: String,
    /// Data rows read (blank rows not counted).
    pub rows: usize,
    /// Records added (measurements, projects, partners or commitments).
    pub added: usize,
    /// Records that replaced an existing one of the same id (for measurements: of the same
    /// indicator and period); always 0 without [`ImportOptions::replace`].
    pub replaced: usize,
}

/// A table of rows: the one shape every source is read into.
#[derive(Debug, Clone)]
pub struct Rows {
    source: String,
    kind: RecordKind,
    /// Known column -> its position in the rows' cells.
    columns: HashMap<&'static str, usize>,
    rows: Vec<(RowAt, Vec<Cell>)>,
    decimal_comma: bool,
    header_line: Option<u64>,
    problems: Vec<Problem>,
}

impl Rows {
    /// A table of `kind` named `source` (a file name, or the table's name), with its
    /// column names as the source gives them; unknown, repeated and missing required columns
    /// are recorded as problems (reported by [`import`] with every other one).
    /// `header_line` is the header's line in a file (`None` for a DataFrame).
    pub fn new(source: &str, kind: RecordKind, header: &[String], header_line: Option<u64>) -> Rows {
        let mut rows = Rows {
            source: source.to_string(),
            kind,
            columns: HashMap::new(),
            rows: Vec::new(),
            decimal_comma: false,
            header_line,
            problems: Vec::new(),
        };
        let known = kind.columns();
        for (i, name) in header.iter().enumerate() {
            let name = name.trim();
            let lower = name.to_lowercase();
            let problem = |message: String| {
                let p = Problem::new(Path::root(source).id(name), message);
                match header_line {
                    Some(line) => p.at(line, Some(i as u64 + 1)),
                    None => p,
                }
            };
            match known.iter().find(|k| **k == lower) {
                None => rows.problems.push(problem(format!(
                    "unknown column {name:?}; the columns of this table are: {}",
                    known.join(", ")
                ))),
                Some(k) => {
                    if rows.columns.insert(k, i).is_some() {
                        rows.problems.push(problem(format!("the column {k:?} appears twice")));
                    }
                }
            }
        }
        for r in kind.required_columns() {
            if !rows.columns.contains_key(r) {
                let p = Problem::new(Path::root(source), format!("the required column {r:?} is missing"));
                rows.problems.push(match header_line {
                    Some(line) => p.at(line, None),
                    None => p,
                });
            }
        }
        rows
    }

    /// The same table, reading text numbers with a decimal comma (`1234,56`) and splitting
    /// text lists at `,` as well as `;` (a `;`-separated French CSV file).
    pub fn with_decimal_comma(mut self, yes: bool) -> Rows {
        self.decimal_comma = yes;
        self
    }

    /// Add a row; a row whose cells are all missing is skipped.
    pub fn push(&mut self, at: RowAt, cells: Vec<Cell>) {
        if cells.iter().all(Cell::is_missing) {
            return;
        }
        self.rows.push((at, cells));
    }

    /// A problem of the source itself (unreadable text, a row longer than the header...),
    /// reported with the others.
    pub fn push_problem(&mut self, problem: Problem) {
        self.problems.push(problem);
    }

    /// The rows kept (blank rows are not).
    pub fn len(&self) -> usize {
        self.rows.len()
    }

    /// Whether no row was kept.
    pub fn is_empty(&self) -> bool {
        self.rows.is_empty()
    }

    fn has(&self, column: &str) -> bool {
        self.columns.contains_key(column)
    }

    /// A problem at a row and column (an empty column names the row).
    fn problem(&self, at: &RowAt, column: &str, message: impl Into<String>) -> Problem {
        match at {
            RowAt::Line(line) => {
                if column.is_empty() || !self.has(column) {
                    Problem::new(Path::root(self.source.as_str()), message).at(*line, None)
                } else {
                    let index = self.columns.get(column).map(|i| *i as u64 + 1);
                    Problem::new(Path::root(self.source.as_str()).id(column), message).at(*line, index)
                }
            }
            RowAt::Label(label) => {
                if column.is_empty() {
                    Problem::new(Path::root(self.source.as_str()).id(label.as_str()), message)
                } else {
                    Problem::new(Path::root(self.source.as_str()).id(label.as_str()).field(column), message)
                }
            }
        }
    }
}

/// Reads the cells of one row, collecting problems.
struct Cells<'a> {
    rows: &'a Rows,
    at: &'a RowAt,
    cells: &'a [Cell],
    problems: &'a mut Vec<Problem>,
}

impl Cells<'_> {
    fn get(&self, column: &str) -> Option<&Cell> {
        let i = *self.rows.columns.get(column)?;
        self.cells.get(i).filter(|c| !c.is_missing())
    }

    fn given(&self, column: &str) -> bool {
        self.get(column).is_some()
    }

    fn fail(&mut self, column: &str, message: impl Into<String>) {
        let p = self.rows.problem(self.at, column, message);
        self.problems.push(p);
    }

    fn text(&mut self, column: &str) -> Option<String> {
        match self.get(column)? {
            Cell::Text(s) => Some(s.clone()),
            other => {
                let shown = other.shown();
                self.fail(column, format!("{shown} is not text"));
                None
            }
        }
    }

    fn required(&mut self, column: &str) -> Option<String> {
        if !self.given(column) && self.rows.has(column) {
            self.fail(column, format!("{column} is required"));
            return None;
        }
        self.text(column)
    }

    /// A required cell of any type: the "is required" problem when it is missing.
    fn need(&mut self, column: &str) -> bool {
        if !self.given(column) && self.rows.has(column) {
            self.fail(column, format!("{column} is required"));
            return false;
        }
        true
    }

    fn list(&mut self, column: &str) -> Vec<String> {
        let seps: &[char] = if self.rows.decimal_comma { &[';', ','] } else { &[';'] };
        match self.get(column) {
            None => Vec::new(),
            Some(Cell::Text(s)) => {
                s.split(seps).map(str::trim).filter(|x| !x.is_empty()).map(str::to_string).collect()
            }
            Some(Cell::List(v)) => v.clone(),
            Some(other) => {
                let shown = other.shown();
                self.fail(column, format!("{shown} is not a list of ids"));
                Vec::new()
            }
        }
    }

    fn date(&mut self, column: &str) -> Option<NaiveDate> {
        match self.get(column)? {
            Cell::Date(d) => Some(*d),
            Cell::Text(s) => {
                let s = s.clone();
                match NaiveDate::parse_from_str(&s, "%Y-%m-%d") {
                    Ok(d) => Some(d),
                    Err(_) => {
                        self.fail(column, format!("{s:?} is not a date (YYYY-MM-DD)"));
                        None
                    }
                }
            }
            other => {
                let shown = other.shown();
                self.fail(column, format!("{shown} is not a date (YYYY-MM-DD)"));
                None
            }
        }
    }

    fn period(&mut self, column: &str) -> Option<Period> {
        let s = self.required(column)?;
        match s.parse::<Period>() {
            Ok(p) => Some(p),
            Err(e) => {
                self.fail(column, e.to_string());
                None
            }
        }
    }

    /// Number text, with a decimal comma turned into a point when the table has one.
    fn numeric_text(&mut self, column: &str, s: &str) -> Option<String> {
        if s.contains('_') {
            self.fail(
                column,
                format!("{s:?} is not a number: \"_\" is not allowed in a number (write 1000000)"),
            );
            return None;
        }
        if self.rows.decimal_comma && looks_dot_grouped(s) {
            self.fail(
                column,
                format!(
                    "{s:?} is ambiguous in a \";\"-separated file, whose decimal mark is \",\": the \".\" may \
                     separate thousands ({}) or be a decimal point; write it without a thousands \
                     separator, with \",\" for decimals",
                    s.replace('.', "")
                ),
            );
            return None;
        }
        if self.rows.decimal_comma && s.contains(',') {
            if s.contains('.') {
                self.fail(
                    column,
                    format!("{s:?} mixes \".\" and \",\": write the number without a thousands separator"),
                );
                return None;
            }
            return Some(s.replacen(',', ".", 1));
        }
        Some(s.to_string())
    }

    fn number(&mut self, column: &str) -> Option<f64> {
        let raw = match self.get(column)? {
            Cell::Number(x) if x.is_finite() => return Some(*x),
            Cell::Number(x) => {
                let x = *x;
                self.fail(column, format!("{x} is not a finite number"));
                return None;
            }
            Cell::Integer(n) => return Some(*n as f64),
            Cell::Decimal(d) => return rust_decimal::prelude::ToPrimitive::to_f64(d),
            Cell::Text(s) => s.clone(),
            other => {
                let shown = other.shown();
                self.fail(column, format!("{shown} is not a number"));
                return None;
            }
        };
        let s = self.numeric_text(column, &raw)?;
        match s.parse::<f64>() {
            Ok(x) if x.is_finite() => Some(x),
            Ok(_) if looks_numeric(&s) => {
                self.fail(column, format!("{raw:?} is beyond the range of numbers"));
                None
            }
            _ => {
                self.fail(column, format!("{raw:?} is not a finite number"));
                None
            }
        }
    }

    fn amount(&mut self, column: &str) -> Option<Decimal> {
        let (raw, parsed) = match self.get(column)? {
            Cell::Decimal(d) => (d.to_string(), Ok(*d)),
            Cell::Integer(n) => (n.to_string(), Ok(Decimal::from(*n))),
            Cell::Text(s) => {
                let raw = s.clone();
                let s = self.numeric_text(column, &raw)?;
                let parsed = Decimal::from_str_exact(&s)
                    .or_else(|e| if s.contains(['e', 'E']) { Decimal::from_scientific(&s) } else { Err(e) });
                (raw, parsed.map_err(|_| looks_numeric(&s)))
            }
            Cell::Number(x) => {
                let x = *x;
                self.fail(
                    column,
                    format!(
                        "an amount is an exact decimal, not a binary float ({x}): a float is not exact; \
                         give a Decimal, an int or text"
                    ),
                );
                return None;
            }
            other => {
                let shown = other.shown();
                self.fail(column, format!("{shown} is not an amount"));
                return None;
            }
        };
        match parsed {
            Ok(d) if d.is_sign_negative() && !d.is_zero() => {
                self.fail(column, format!("the amount {raw} is negative"));
                None
            }
            Ok(d) => Some(d),
            Err(true) => {
                self.fail(column, format!("{raw:?} does not fit an amount (at most 28 significant digits)"));
                None
            }
            Err(false) => {
                self.fail(column, format!("{raw:?} is not an amount"));
                None
            }
        }
    }

    fn count(&mut self, column: &str) -> Option<u32> {
        let whole = match self.get(column)? {
            Cell::Integer(n) => u32::try_from(*n).ok(),
            // pandas makes a float column of an int column with gaps
            Cell::Number(x) if x.fract() == 0.0 && *x >= 0.0 && *x <= f64::from(u32::MAX) => Some(*x as u32),
            Cell::Text(s) => s.parse::<u32>().ok(),
            _ => None,
        };
        if whole.is_none() {
            let shown = self.get(column).map(Cell::shown).unwrap_or_default();
            self.fail(column, format!("{shown} is not a whole number of people"));
        }
        whole
    }

    /// A snake_case enum value, read case-insensitively with spaces or dashes for `_`.
    fn choice<T: Copy>(&mut self, column: &str, all: &[T], name: impl Fn(T) -> &'static str) -> Option<T> {
        let s = self.text(column)?;
        let wanted = s.to_lowercase().replace([' ', '-'], "_");
        match all.iter().find(|x| name(**x) == wanted) {
            Some(x) => Some(*x),
            None => {
                let names: Vec<&str> = all.iter().map(|x| name(*x)).collect();
                self.fail(column, format!("{s:?} is not one of: {}", names.join(", ")));
                None
            }
        }
    }
}

/// Digits grouped by threes with dots (`1.234`, `-12.345.678`): a thousands separator in a
/// file whose decimal mark is a comma, or a decimal point; which one cannot be told.
fn looks_dot_grouped(s: &str) -> bool {
    let body = s.strip_prefix(['-', '+']).unwrap_or(s);
    let mut groups = body.split('.');
    let first = groups.next().unwrap_or("");
    let mut rest = groups.peekable();
    !first.is_empty()
        && first.len() <= 3
        && first.bytes().all(|b| b.is_ascii_digit())
        && rest.peek().is_some()
        && rest.all(|g| g.len() == 3 && g.bytes().all(|b| b.is_ascii_digit()))
}

/// Digits with an optional sign, point and exponent: a number, even if out of range.
fn looks_numeric(s: &str) -> bool {
    s.bytes().any(|b| b.is_ascii_digit())
        && s.bytes().all(|b| b.is_ascii_digit() || matches!(b, b'.' | b'-' | b'+' | b'e' | b'E'))
        && s.parse::<f64>().is_ok()
}

/// Where a record of the new workspace came from, to point validation problems at a row.
/// `prefixes` are the paths validation may name the record by: by its id
/// (`projects[p1]`), and by its position for the problems of the id itself (`projects[3]`).
enum Origin {
    /// `indicators[ind_x].measurements[m]`, from one row.
    Measurement { prefixes: Vec<Path>, at: RowAt },
    /// `projects[p1]`, from one row; the stages in the order they were built.
    Project { prefixes: Vec<Path>, at: RowAt, stages: Vec<Stage> },
    /// `partners[a1]`, from one row.
    Partner { prefixes: Vec<Path>, at: RowAt },
    /// `commitments[c_12]`, from one row per step (the first row when it has no step).
    Commitment { prefixes: Vec<Path>, first: RowAt, steps: Vec<RowAt> },
}

impl Origin {
    fn prefixes(&self) -> &[Path] {
        match self {
            Origin::Measurement { prefixes, .. }
            | Origin::Project { prefixes, .. }
            | Origin::Partner { prefixes, .. }
            | Origin::Commitment { prefixes, .. } => prefixes,
        }
    }
}

/// The paths of the record `id` at position `i` of the list `name`: by id, then by position.
fn record_prefixes(name: &str, id: &str, i: usize) -> Vec<Path> {
    let list = Path::root(name);
    vec![list.id(id), list.index(i)]
}

/// Records of one list built from rows, with the id index of the list for constant-time
/// "exists already" checks.
struct Placed {
    added: usize,
    replaced: usize,
}

/// Put `record` into `list` by id: appended when new, replacing when `replace`, else a
/// problem. Returns its index.
fn place<T>(
    list: &mut Vec<T>,
    ids: &mut HashMap<String, usize>,
    id: &str,
    record: T,
    replace: bool,
    counts: &mut Placed,
) -> std::result::Result<usize, usize> {
    match ids.get(id).copied() {
        Some(i) if replace => {
            if let Some(slot) = list.get_mut(i) {
                *slot = record;
            }
            counts.replaced += 1;
            Ok(i)
        }
        Some(i) => Err(i),
        None => {
            ids.insert(id.to_string(), list.len());
            list.push(record);
            counts.added += 1;
            Ok(list.len() - 1)
        }
    }
}

fn id_index<T>(list: &[T], id: impl Fn(&T) -> &str) -> HashMap<String, usize> {
    let mut map = HashMap::with_capacity(list.len());
    for (i, x) in list.iter().enumerate() {
        map.entry(id(x).to_string()).or_insert(i);
    }
    map
}

/// Import a table of rows into the workspace (see the [module](self) for the rules): all
/// or nothing; on any problem the workspace is left untouched and every problem is
/// returned in one [`Error::Invalid`].
pub fn import(ws: &mut Workspace, rows: &Rows, options: ImportOptions) -> Result<ImportSummary> {
    let mut problems = Vec::new();
    let mut new = ws.clone();
    let mut origins = Vec::new();
    let mut counts = Placed { added: 0, replaced: 0 };
    match rows.kind {
        RecordKind::Measurements => {
            measurements(&mut new, rows, options, &mut problems, &mut origins, &mut counts)
        }
        RecordKind::Projects => projects(&mut new, rows, options, &mut problems, &mut origins, &mut counts),
        RecordKind::Partners => partners(&mut new, rows, options, &mut problems, &mut origins, &mut counts),
        RecordKind::Commitments => {
            commitments(&mut new, rows, options, &mut problems, &mut origins, &mut counts)
        }
    }
    let summary = ImportSummary {
        source: rows.source.clone(),
        rows: rows.len(),
        added: counts.added,
        replaced: counts.replaced,
    };
    finish(ws, new, rows, problems, &origins, summary)
}

fn measurements(
    new: &mut Workspace,
    rows: &Rows,
    options: ImportOptions,
    problems: &mut Vec<Problem>,
    origins: &mut Vec<Origin>,
    counts: &mut Placed,
) {
    let index: HashMap<String, usize> = id_index(&new.indicators, |x| &x.id);
    let has_value = rows.has("value");
    let has_ratio = rows.has("numerator") && rows.has("denominator");
    if !rows.is_empty() && rows.problems.is_empty() && !has_value && !has_ratio {
        let p = Problem::new(
            Path::root(rows.source.as_str()),
            "a measurements table needs a \"value\" column, or \"numerator\" and \"denominator\" columns",
        );
        problems.push(match rows.header_line {
            Some(line) => p.at(line, None),
            None => p,
        });
    }
    let mut seen: HashMap<(usize, Period), RowAt> = HashMap::new();
    let mut positions: HashMap<usize, HashMap<Period, usize>> = HashMap::new();
    for (at, cells) in &rows.rows {
        let start = problems.len();
        let mut c = Cells { rows, at, cells, problems: &mut *problems };
        let indicator = c.required("indicator");
        let period = c.period("period");
        let before = c.problems.len();
        let value = c.number("value");
        let numerator = c.number("numerator");
        let denominator = c.number("denominator");
        let respondents = c.count("respondents");
        let comment = c.text("comment");
        let source = c.text("source");
        let complete = value.is_some() || (numerator.is_some() && denominator.is_some());
        if !complete && c.problems.len() == before && (has_value || has_ratio) {
            let column = if has_value { "value" } else { "numerator" };
            c.fail(column, "a measurement needs a value, or a numerator and a denominator");
        }
        let Some(id) = indicator else { continue };
        let Some(&k) = index.get(id.as_str()) else {
            c.fail("indicator", format!("unknown indicator {id:?}"));
            continue;
        };
        let Some(ind) = new.indicators.get_mut(k) else { continue };
        if !matches!(ind.source, IndicatorSource::Measured) {
            c.fail("indicator", format!("the indicator {id:?} is computed: it takes no measurements"));
            continue;
        }
        let Some(period) = period else { continue };
        if let Some(first) = seen.get(&(k, period)) {
            let first = describe(first);
            c.fail("period", format!("{first} already gives {id:?} for {period}"));
            continue;
        }
        seen.insert((k, period), at.clone());
        if !complete || c.problems.len() > start {
            continue;
        }
        let m = Measurement { period, value, numerator, denominator, respondents, comment, source };
        // The indicator's periods, indexed on its first row: no rescan per row.
        let periods = positions.entry(k).or_insert_with(|| {
            let mut map = HashMap::with_capacity(ind.measurements.len());
            for (j, x) in ind.measurements.iter().enumerate() {
                map.entry(x.period).or_insert(j);
            }
            map
        });
        let j = match periods.get(&period).copied() {
            Some(j) if options.replace => {
                if let Some(slot) = ind.measurements.get_mut(j) {
                    *slot = m;
                }
                counts.replaced += 1;
                j
            }
            Some(_) => {
                c.fail(
                    "period",
                    format!(
                        "indicator {id:?} already has a measurement for {period} (import with replace \
                         to overwrite it)"
                    ),
                );
                continue;
            }
            None => {
                periods.insert(period, ind.measurements.len());
                ind.measurements.push(m);
                counts.added += 1;
                ind.measurements.len() - 1
            }
        };
        origins.push(Origin::Measurement {
            prefixes: vec![Path::root("indicators").id(id.as_str()).field("measurements").index(j)],
            at: at.clone(),
        });
    }
}

/// "line 3" or "row 'a'": an earlier row, in a message.
fn describe(at: &RowAt) -> String {
    match at {
        RowAt::Line(l) => format!("line {l}"),
        RowAt::Label(l) => format!("row {l}"),
    }
}

fn exists(what: &str, id: &str) -> String {
    format!("the workspace has a {what} {id:?} already (import with replace to overwrite it)")
}

fn projects(
    new: &mut Workspace,
    rows: &Rows,
    options: ImportOptions,
    problems: &mut Vec<Problem>,
    origins: &mut Vec<Origin>,
    counts: &mut Placed,
) {
    let mut ids = id_index(&new.projects, |x| &x.id);
    let mut seen: HashMap<String, RowAt> = HashMap::new();
    for (at, cells) in &rows.rows {
        let start = problems.len();
        let mut c = Cells { rows, at, cells, problems: &mut *problems };
        let id = c.required("id");
        let title = c.required("title");
        let lead = c.required("lead_service");
        let mut stages = Vec::new();
        for stage in Stage::ALL {
            if let Some(date) = c.date(stage.as_str()) {
                stages.push(StageEvent { stage, date });
            }
        }
        crate::model::project::life_order(&mut stages);
        if !c.given("registered") && c.rows.has("registered") {
            c.fail("registered", "registered is required (the date the file was received)");
        }
        let planned_cost = c.amount("planned_cost");
        let actual_cost = c.amount("actual_cost");
        let planned_end = c.date("planned_end");
        let own_funds = c.amount("own_funds");
        let contributing_services = c.list("contributing_services");
        let objectives = c.list("objectives");
        let (Some(id), Some(title), Some(lead_service)) = (id, title, lead) else { continue };
        let clean = c.problems.len() == start;
        if let Some(first) = seen.get(&id) {
            let first = describe(first);
            c.fail("id", format!("{first} already gives the project {id:?}"));
            continue;
        }
        seen.insert(id.clone(), at.clone());
        if !clean {
            continue;
        }
        let stage_order = stages.iter().map(|e| e.stage).collect();
        let project = Project {
            id: id.clone(),
            title,
            lead_service,
            contributing_services,
            objectives,
            stages,
            planned_cost,
            actual_cost,
            planned_end,
            own_funds,
        };
        match place(&mut new.projects, &mut ids, &id, project, options.replace, counts) {
            Ok(i) => origins.push(Origin::Project {
                prefixes: record_prefixes("projects", &id, i),
                at: at.clone(),
                stages: stage_order,
            }),
            Err(_) => c.fail("id", exists("project", &id)),
        }
    }
}

fn partners(
    new: &mut Workspace,
    rows: &Rows,
    options: ImportOptions,
    problems: &mut Vec<Problem>,
    origins: &mut Vec<Origin>,
    counts: &mut Placed,
) {
    let mut ids = id_index(&new.partners, |x| &x.id);
    let mut seen: HashMap<String, RowAt> = HashMap::new();
    for (at, cells) in &rows.rows {
        let start = problems.len();
        let mut c = Cells { rows, at, cells, problems: &mut *problems };
        let id = c.required("id");
        let name = c.required("name");
        let kind =
            if c.need("kind") { c.choice("kind", &PartnerKind::ALL, PartnerKind::as_str) } else { None };
        let joined = c.date("joined");
        let (Some(id), Some(name), Some(kind)) = (id, name, kind) else { continue };
        let clean = c.problems.len() == start;
        if let Some(first) = seen.get(&id) {
            let first = describe(first);
            c.fail("id", format!("{first} already gives the partner {id:?}"));
            continue;
        }
        seen.insert(id.clone(), at.clone());
        if !clean {
            continue;
        }
        let partner = Partner { id: id.clone(), name, kind, joined };
        match place(&mut new.partners, &mut ids, &id, partner, options.replace, counts) {
            Ok(i) => origins
                .push(Origin::Partner { prefixes: record_prefixes("partners", &id, i), at: at.clone() }),
            Err(_) => c.fail("id", exists("partner", &id)),
        }
    }
}

fn commitments(
    new: &mut Workspace,
    rows: &Rows,
    options: ImportOptions,
    problems: &mut Vec<Problem>,
    origins: &mut Vec<Origin>,
    counts: &mut Placed,
) {
    // The commitments of the table, grouped by id in order of first appearance, each with
    // its origin; placed into the workspace once every row is read.
    let mut groups: Vec<(Commitment, Origin)> = Vec::new();
    let mut by_id: HashMap<String, usize> = HashMap::new();
    let mut broken: HashSet<String> = HashSet::new();
    let mut broken_later: HashSet<String> = HashSet::new();
    for (at, cells) in &rows.rows {
        let start = problems.len();
        let mut c = Cells { rows, at, cells, problems: &mut *problems };
        let id = c.required("commitment");
        let partner = c.text("partner");
        let project = c.text("project");
        let kind = c.choice("kind", &FundingKind::ALL, FundingKind::as_str);
        let kind_given = c.given("kind");
        let no_step = !c.given("status") && !c.given("date") && !c.given("amount");
        // `None`: a bad step (reported); `Some(None)`: a row without a step.
        let step = if no_step {
            Some(None)
        } else {
            let status = if c.need("status") {
                c.choice("status", &FundingStatus::ALL, FundingStatus::as_str)
            } else {
                None
            };
            let date = if c.need("date") { c.date("date") } else { None };
            let amount = if c.need("amount") { c.amount("amount") } else { None };
            match (status, date, amount) {
                (Some(status), Some(date), Some(amount)) => {
                    Some(Some(CommitmentStep { status, date, amount }))
                }
                _ => None,
            }
        };
        let Some(id) = id else { continue };
        if c.problems.len() > start {
            // Its rows are reported; the commitment is left out of the validation.
            broken_later.insert(id.clone());
        }
        if broken.contains(&id) {
            // The first row of this commitment was refused and reported: its other rows
            // are not reported again as "first rows".
            continue;
        }
        match by_id.get(&id).copied() {
            None => {
                if partner.is_none() {
                    c.fail("partner", format!("the first row of commitment {id:?} needs its partner"));
                }
                if !kind_given {
                    c.fail("kind", format!("the first row of commitment {id:?} needs its kind"));
                }
                let (Some(partner), Some(kind), Some(step)) = (partner, kind, step) else {
                    broken.insert(id);
                    continue;
                };
                by_id.insert(id.clone(), groups.len());
                let steps_at = if step.is_some() { vec![at.clone()] } else { Vec::new() };
                groups.push((
                    Commitment { id, partner, project, kind, steps: step.into_iter().collect() },
                    Origin::Commitment { prefixes: Vec::new(), first: at.clone(), steps: steps_at },
                ));
            }
            Some(g) => {
                let Some((existing, origin)) = groups.get_mut(g) else { continue };
                if partner.as_ref().is_some_and(|p| *p != existing.partner) {
                    let first = existing.partner.clone();
                    c.fail(
                        "partner",
                        format!("commitment {id:?} was given the partner {first:?} on an earlier row"),
                    );
                }
                if project.is_some() && project != existing.project {
                    let first = existing.project.clone().unwrap_or_default();
                    c.fail(
                        "project",
                        format!("commitment {id:?} was given the project {first:?} on an earlier row"),
                    );
                }
                if kind.is_some_and(|k| k != existing.kind) {
                    let first = existing.kind.as_str();
                    c.fail(
                        "kind",
                        format!("commitment {id:?} was given the kind {first:?} on an earlier row"),
                    );
                }
                match step {
                    Some(Some(step)) => {
                        existing.steps.push(step);
                        if let Origin::Commitment { steps, .. } = origin {
                            steps.push(at.clone());
                        }
                    }
                    Some(None) => c.fail(
                        "status",
                        format!(
                            "a row without a step gives a commitment without steps, but {id:?} has steps"
                        ),
                    ),
                    None => {}
                }
            }
        }
    }
    let mut ids = id_index(&new.commitments, |x| &x.id);
    for (commitment, mut origin) in groups {
        let id = commitment.id.clone();
        if broken_later.contains(&id) {
            continue;
        }
        match place(&mut new.commitments, &mut ids, &id, commitment, options.replace, counts) {
            Ok(i) => {
                if let Origin::Commitment { prefixes, .. } = &mut origin {
                    *prefixes = record_prefixes("commitments", &id, i);
                }
                origins.push(origin);
            }
            Err(_) => {
                if let Origin::Commitment { first, .. } = &origin {
                    problems.push(rows.problem(first, "commitment", exists("commitment", &id)));
                }
            }
        }
    }
}

/// The common end of every import: refuse on any problem, else validate the new workspace
/// and accept it only when it has no problem the old one did not have.
fn finish(
    ws: &mut Workspace,
    new: Workspace,
    rows: &Rows,
    mut problems: Vec<Problem>,
    origins: &[Origin],
    result: ImportSummary,
) -> Result<ImportSummary> {
    let mut all = rows.problems.clone();
    all.append(&mut problems);
    if !rows.problems.is_empty() {
        // The table itself is unreadable (unknown columns...): its rows mean nothing yet.
        return Err(Error::Invalid(Problems(all)));
    }
    // The rows refused are not in `new`, and no record of a table refers to another of the
    // same table: the validation of `new` adds only the problems of the rows accepted.
    let mut before: HashMap<(Path, String), usize> = HashMap::new();
    for p in crate::model::validation::problems(ws) {
        *before.entry((p.path, p.message)).or_default() += 1;
    }
    let mut introduced = Vec::new();
    let index: HashMap<&Path, usize> =
        origins.iter().enumerate().flat_map(|(i, o)| o.prefixes().iter().map(move |p| (p, i))).collect();
    for p in crate::model::validation::problems(&new) {
        match before.get_mut(&(p.path.clone(), p.message.clone())) {
            Some(n) if *n > 0 => *n -= 1,
            _ => introduced.push(locate(rows, origins, &index, p)),
        }
    }
    all.append(&mut introduced);
    if !all.is_empty() {
        return Err(Error::Invalid(Problems(all)));
    }
    *ws = new;
    Ok(result)
}

/// The field a rest of a path starts with (`steps` in `.steps[2].amount`), or "".
fn first_field(rest: &[Segment]) -> &str {
    match rest.first() {
        Some(Segment::Field(f)) => f,
        _ => "",
    }
}

/// Point a validation problem of the new workspace at the row and column it comes from;
/// problems outside the imported records keep their workspace path. The record is found by
/// the problem path's first segments (`projects[p1]`, or `indicators[ind_x].measurements[3]`),
/// the column by the segments after it.
fn locate(rows: &Rows, origins: &[Origin], index: &HashMap<&Path, usize>, p: Problem) -> Problem {
    let at = |row: &RowAt, column: &str| {
        let column = if rows.has(column) { column } else { "" };
        rows.problem(row, column, format!("{} ({})", p.message, p.path))
    };
    let segments = p.path.segments();
    let candidates = [2, 4]
        .into_iter()
        .filter_map(|n| segments.get(..n))
        .filter_map(|record| index.get(&Path::from(record.to_vec())))
        .filter_map(|&i| origins.get(i).map(|o| (o, inside(o, &p.path))));
    for (o, rest) in candidates {
        let Some(rest) = rest else { continue };
        match o {
            Origin::Measurement { at: row, .. } | Origin::Partner { at: row, .. } => {
                return at(row, first_field(rest));
            }
            Origin::Project { at: row, stages, .. } => {
                let field = first_field(rest);
                if field == "stages" {
                    if let Some(Segment::Index(j)) = rest.get(1) {
                        if let Some(stage) = stages.get(*j) {
                            return at(row, stage.as_str());
                        }
                    }
                }
                return at(row, field);
            }
            Origin::Commitment { first, steps, .. } => {
                let field = first_field(rest);
                if field == "steps" {
                    if let Some(Segment::Index(j)) = rest.get(1) {
                        let tail = rest.get(2..).unwrap_or(&[]);
                        return at(steps.get(*j).unwrap_or(first), first_field(tail));
                    }
                    return at(first, "");
                }
                return at(first, if field == "id" { "commitment" } else { field });
            }
        }
    }
    p
}

/// The segments of `path` after the origin's record path, if `path` is inside the record.
fn inside<'p>(o: &Origin, path: &'p Path) -> Option<&'p [Segment]> {
    o.prefixes().iter().find_map(|prefix| path.strip_prefix(prefix))
}
