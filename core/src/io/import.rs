//! CSV import: measurements, projects, partners and commitments kept in spreadsheets come
//! into a workspace without hand work.
//!
//! Each import reads a whole file, reports **every** problem of it at once
//! ([`Error::Invalid`]; each [`Problem`] has the path `source[column]`, the file line and the
//! 1-based column index), and is all-or-nothing: the records are added to a copy of the
//! workspace, the copy is validated ([`crate::model::validation::problems`]), and the workspace is
//! replaced by the copy only when the file had no problem and the import introduced no new
//! validation problem (those are reported at the line and column they come from).
//!
//! The file format, tolerant of what spreadsheets export:
//! - the first line names the columns, matched case-insensitively after trimming, in any
//!   order; an unknown or repeated column is a problem; a UTF-8 byte-order mark is skipped;
//! - the delimiter is `,` unless the header line holds more `;` than `,` (French
//!   spreadsheets export `;`); with `;`, numbers and amounts may use a decimal comma
//!   (`1234,56`), and a value holding both `.` and `,` is refused as ambiguous;
//! - cells are trimmed; an empty cell is an absent value; rows whose cells are all empty are
//!   skipped; dates are `YYYY-MM-DD`; periods `2025-03`, `2025-Q1` or `2025`;
//! - numbers must be finite (`NaN`, `inf` and `1e400` are refused); amounts are exact decimals
//!   (at most 28 significant digits, scientific notation accepted), never rounded.
//!
//! The columns of each file are in [`MEASUREMENT_COLUMNS`], [`PROJECT_COLUMNS`],
//! [`PARTNER_COLUMNS`] and [`COMMITMENT_COLUMNS`]. A measurement for a period its indicator
//! already has **replaces** the old one (counted in [`ImportSummary::replaced`]); two rows of
//! one file for the same indicator and period are a problem. Commitment rows are steps,
//! grouped by commitment id in file order.

use std::collections::{HashMap, HashSet};
use std::io::Read;
use std::path::Path;

use chrono::NaiveDate;
use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};

use crate::error::{Error, Problem, Problems, Result};
use crate::model::commitment::{Commitment, CommitmentStep, FundingKind, FundingStatus};
use crate::model::indicator::{IndicatorSource, Measurement};
use crate::model::partner::{Partner, PartnerKind};
use crate::model::period::Period;
use crate::model::project::{Project, Stage, StageEvent};
use crate::model::workspace::{MAX_FILE_BYTES, Workspace};

/// Columns of a measurements file (`indicator` and `period` required, plus `value` or
/// `numerator` and `denominator`).
pub const MEASUREMENT_COLUMNS: &[&str] =
    &["indicator", "period", "value", "numerator", "denominator", "respondents", "comment", "source"];

/// Columns of a projects file (`id`, `title`, `lead_service` and `registered` required);
/// `contributing_services` and `objectives` are `;`-separated lists of ids (`,` also
/// separates them when the file's delimiter is `;`); each stage column holds the date the
/// stage was reached.
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

/// Columns of a partners file (`id`, `name` and `kind` required).
pub const PARTNER_COLUMNS: &[&str] = &["id", "name", "kind", "joined"];

/// Columns of a commitments file: one row per step. `commitment`, `status`, `date` and
/// `amount` are required on every row; `partner` and `kind` on the first row of a
/// commitment; later rows may leave `partner`, `project` and `kind` empty, and must repeat
/// the first row's value when they give one.
pub const COMMITMENT_COLUMNS: &[&str] =
    &["commitment", "partner", "project", "kind", "status", "date", "amount"];

/// What an import did.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ImportSummary {
    /// The source name given (a file name such as `measurements.csv`).
    pub source: String,
    /// Data rows read (blank rows not counted).
    pub rows: usize,
    /// Records added (measurements, projects, partners or commitments).
    pub added: usize,
    /// Measurements that replaced an existing one for the same indicator and period
    /// (always 0 for the other imports).
    pub replaced: usize,
}

/// A parsed CSV file: its header and its non-blank rows, with their lines.
struct Table {
    source: String,
    /// Lower-cased column name -> 0-based index in the rows.
    columns: HashMap<&'static str, usize>,
    rows: Vec<Row>,
    semicolon: bool,
    problems: Vec<Problem>,
}

struct Row {
    line: u64,
    cells: Vec<String>,
}

/// Where a record of the workspace came from, to point validation problems at the file.
enum Origin {
    /// `indicators[k].measurements[m]`, from one row.
    Measurement { prefix: String, line: u64 },
    /// `projects[i]`, from one row; the stages in the order they were built.
    Project { prefix: String, line: u64, stages: Vec<Stage> },
    /// `partners[i]`, from one row.
    Partner { prefix: String, line: u64 },
    /// `commitments[i]`, from one row per step.
    Commitment { prefix: String, lines: Vec<u64> },
}

fn read_text(mut reader: impl Read, source: &str) -> Result<String> {
    let mut bytes = Vec::new();
    reader
        .by_ref()
        .take(MAX_FILE_BYTES as u64 + 1)
        .read_to_end(&mut bytes)
        .map_err(|e| Error::io("read", Path::new(source), &e))?;
    if bytes.len() > MAX_FILE_BYTES {
        return Err(Error::Argument {
            name: "reader",
            message: format!("a CSV file is at most {MAX_FILE_BYTES} bytes"),
        });
    }
    let body = bytes.strip_prefix(b"\xEF\xBB\xBF".as_slice()).unwrap_or(&bytes);
    match std::str::from_utf8(body) {
        Ok(t) => Ok(t.to_string()),
        Err(e) => {
            let good = body.get(..e.valid_up_to()).unwrap_or_default();
            let line = good.iter().filter(|&&b| b == b'\n').count() as u64 + 1;
            let column = good.iter().rev().take_while(|&&b| b != b'\n').count() as u64 + 1;
            Err(invalid(vec![
                Problem::new(source, "the file is not UTF-8 text (save it as \"CSV UTF-8\")")
                    .at(line, Some(column)),
            ]))
        }
    }
}

fn invalid(problems: Vec<Problem>) -> Error {
    Error::Invalid(Problems(problems))
}

/// More `;` than `,` on the header line (outside quotes) means a `;`-delimited file.
fn detect_semicolon(text: &str) -> bool {
    let mut in_quotes = false;
    let (mut commas, mut semis) = (0usize, 0usize);
    for c in text.chars() {
        match c {
            '"' => in_quotes = !in_quotes,
            '\n' if !in_quotes => break,
            ',' if !in_quotes => commas += 1,
            ';' if !in_quotes => semis += 1,
            _ => {}
        }
    }
    semis > commas
}

impl Table {
    fn parse(text: &str, source: &str, known: &'static [&'static str], required: &[&str]) -> Table {
        let semicolon = detect_semicolon(text);
        let mut reader = csv::ReaderBuilder::new()
            .has_headers(false)
            .flexible(true)
            .delimiter(if semicolon { b';' } else { b',' })
            .trim(csv::Trim::All)
            .from_reader(text.as_bytes());
        let mut table = Table {
            source: source.to_string(),
            columns: HashMap::new(),
            rows: Vec::new(),
            semicolon,
            problems: vec![],
        };
        let mut header: Option<usize> = None;
        let mut record = csv::StringRecord::new();
        loop {
            match reader.read_record(&mut record) {
                Ok(false) => break,
                Ok(true) => {
                    let line = record.position().map(|p| p.line()).unwrap_or(0);
                    if record.iter().all(str::is_empty) {
                        continue;
                    }
                    match header {
                        None => {
                            header = Some(record.len());
                            table.header(&record, known, required);
                        }
                        Some(width) => {
                            if record.len() > width {
                                table.problems.push(
                                    Problem::new(
                                        source,
                                        format!(
                                            "{} cells where the header names {width} columns",
                                            record.len()
                                        ),
                                    )
                                    .at(line, Some(width as u64 + 1)),
                                );
                            }
                            table.rows.push(Row { line, cells: record.iter().map(str::to_string).collect() });
                        }
                    }
                }
                Err(e) => {
                    let line = e.position().map(|p| p.line()).unwrap_or(0);
                    table.problems.push(Problem::new(source, format!("unreadable CSV: {e}")).at(line, None));
                    break;
                }
            }
        }
        if header.is_none() {
            table.problems.push(Problem::new(
                source,
                format!("the file is empty: its first line must name the columns ({})", known.join(", ")),
            ));
        }
        table
    }

    fn header(&mut self, record: &csv::StringRecord, known: &'static [&'static str], required: &[&str]) {
        let line = record.position().map(|p| p.line()).unwrap_or(1);
        for (i, name) in record.iter().enumerate() {
            let name = name.trim();
            let lower = name.to_lowercase();
            let at = |message: String| {
                Problem::new(format!("{}[{name}]", self.source), message).at(line, Some(i as u64 + 1))
            };
            match known.iter().find(|k| **k == lower) {
                None => {
                    let p = at(format!(
                        "unknown column {name:?}; the columns of this file are: {}",
                        known.join(", ")
                    ));
                    self.problems.push(p);
                }
                Some(k) => {
                    if self.columns.insert(k, i).is_some() {
                        let p = at(format!("the column {k:?} appears twice"));
                        self.problems.push(p);
                    }
                }
            }
        }
        for r in required {
            if !self.columns.contains_key(r) {
                self.problems.push(
                    Problem::new(self.source.clone(), format!("the required column {r:?} is missing"))
                        .at(line, None),
                );
            }
        }
    }

    /// The 1-based column index of a column, when the file has it.
    fn column_number(&self, name: &str) -> Option<u64> {
        self.columns.get(name).map(|i| *i as u64 + 1)
    }

    fn problem(&self, line: u64, column: &str, message: impl Into<String>) -> Problem {
        Problem::new(format!("{}[{column}]", self.source), message).at(line, self.column_number(column))
    }
}

/// Reads the cells of one row, collecting problems.
struct Cells<'a> {
    table: &'a Table,
    row: &'a Row,
    problems: &'a mut Vec<Problem>,
}

impl Cells<'_> {
    fn get(&self, column: &str) -> Option<&str> {
        let i = *self.table.columns.get(column)?;
        self.row.cells.get(i).map(String::as_str).filter(|s| !s.is_empty())
    }

    fn fail(&mut self, column: &str, message: impl Into<String>) {
        let p = self.table.problem(self.row.line, column, message);
        self.problems.push(p);
    }

    fn text(&self, column: &str) -> Option<String> {
        self.get(column).map(str::to_string)
    }

    fn required(&mut self, column: &str) -> Option<String> {
        let v = self.text(column);
        if v.is_none() && self.table.columns.contains_key(column) {
            self.fail(column, format!("{column} is required"));
        }
        v
    }

    fn list(&self, column: &str) -> Vec<String> {
        let seps: &[char] = if self.table.semicolon { &[';', ','] } else { &[';'] };
        self.get(column)
            .map(|s| s.split(seps).map(str::trim).filter(|x| !x.is_empty()).map(str::to_string).collect())
            .unwrap_or_default()
    }

    fn date(&mut self, column: &str) -> Option<NaiveDate> {
        let s = self.get(column)?.to_string();
        match NaiveDate::parse_from_str(&s, "%Y-%m-%d") {
            Ok(d) => Some(d),
            Err(_) => {
                self.fail(column, format!("{s:?} is not a date (YYYY-MM-DD)"));
                None
            }
        }
    }

    /// The cell as number text, with a decimal comma turned into a point in `;` files.
    fn numeric_text(&mut self, column: &str) -> Option<String> {
        let s = self.get(column)?.to_string();
        if s.contains('_') {
            self.fail(
                column,
                format!("{s:?} is not a number: \"_\" is not allowed in a number (write 1000000)"),
            );
            return None;
        }
        if self.table.semicolon && looks_dot_grouped(&s) {
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
        if self.table.semicolon && s.contains(',') {
            if s.contains('.') {
                self.fail(
                    column,
                    format!("{s:?} mixes \".\" and \",\": write the number without a thousands separator"),
                );
                return None;
            }
            return Some(s.replacen(',', ".", 1));
        }
        Some(s)
    }

    fn number(&mut self, column: &str) -> Option<f64> {
        let raw = self.get(column)?.to_string();
        let s = self.numeric_text(column)?;
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
        let raw = self.get(column)?.to_string();
        let s = self.numeric_text(column)?;
        let parsed = Decimal::from_str_exact(&s)
            .or_else(|e| if s.contains(['e', 'E']) { Decimal::from_scientific(&s) } else { Err(e) });
        match parsed {
            Ok(d) if d.is_sign_negative() && !d.is_zero() => {
                self.fail(column, format!("the amount {raw} is negative"));
                None
            }
            Ok(d) => Some(d),
            Err(_) if looks_numeric(&s) => {
                self.fail(column, format!("{raw:?} does not fit an amount (at most 28 significant digits)"));
                None
            }
            Err(_) => {
                self.fail(column, format!("{raw:?} is not an amount"));
                None
            }
        }
    }

    fn count(&mut self, column: &str) -> Option<u32> {
        let s = self.get(column)?.to_string();
        match s.parse::<u32>() {
            Ok(n) => Some(n),
            Err(_) => {
                self.fail(column, format!("{s:?} is not a whole number of people"));
                None
            }
        }
    }

    /// A snake_case enum value, read case-insensitively with spaces or dashes for `_`.
    fn choice<T: Copy>(&mut self, column: &str, all: &[T], name: impl Fn(T) -> &'static str) -> Option<T> {
        let s = self.get(column)?.to_string();
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

fn summary(source: &str, rows: usize, added: usize, replaced: usize) -> ImportSummary {
    ImportSummary { source: source.to_string(), rows, added, replaced }
}

/// The common end of every import: refuse on any problem, else validate the new workspace
/// and accept it only when it has no problem the old one did not have.
fn finish(
    ws: &mut Workspace,
    new: Workspace,
    table: &Table,
    mut problems: Vec<Problem>,
    origins: &[Origin],
    result: ImportSummary,
) -> Result<ImportSummary> {
    let mut all = table.problems.clone();
    all.append(&mut problems);
    if !all.is_empty() {
        return Err(invalid(all));
    }
    let mut before: HashMap<(String, String), usize> = HashMap::new();
    for p in crate::model::validation::problems(ws) {
        *before.entry((p.path, p.message)).or_default() += 1;
    }
    let mut introduced = Vec::new();
    let index = origin_index(origins);
    for p in crate::model::validation::problems(&new) {
        match before.get_mut(&(p.path.clone(), p.message.clone())) {
            Some(n) if *n > 0 => *n -= 1,
            _ => introduced.push(locate(table, origins, &index, p)),
        }
    }
    if !introduced.is_empty() {
        return Err(invalid(introduced));
    }
    *ws = new;
    Ok(result)
}

/// The rest of `path` after `prefix` (`""`, `.field...` or `[i]...`), if `path` is inside it.
fn inside<'p>(path: &'p str, prefix: &str) -> Option<&'p str> {
    let rest = path.strip_prefix(prefix)?;
    (rest.is_empty() || rest.starts_with('.') || rest.starts_with('[')).then_some(rest)
}

/// The first field name of a rest path: `.steps[2].amount` -> `steps`.
fn first_field(rest: &str) -> &str {
    let rest = rest.trim_start_matches('.');
    rest.split(['.', '[']).next().unwrap_or("")
}

/// The index and remainder of `[j]...`.
fn index_of(rest: &str) -> Option<(usize, &str)> {
    let rest = rest.strip_prefix('[')?;
    let (n, after) = rest.split_once(']')?;
    Some((n.parse().ok()?, after))
}

impl Origin {
    fn prefix(&self) -> &str {
        match self {
            Origin::Measurement { prefix, .. }
            | Origin::Project { prefix, .. }
            | Origin::Partner { prefix, .. }
            | Origin::Commitment { prefix, .. } => prefix,
        }
    }
}

/// The origins by their record's path (`projects[3]`, `indicators[2].measurements[5]`), so
/// that each problem finds its record in constant time instead of scanning every origin.
fn origin_index(origins: &[Origin]) -> HashMap<&str, usize> {
    origins.iter().enumerate().map(|(i, o)| (o.prefix(), i)).collect()
}

/// The record paths a problem path may start with: up to its first `]`, and its second.
fn record_paths(path: &str) -> impl Iterator<Item = &str> {
    path.match_indices(']').take(2).filter_map(|(i, _)| path.get(..=i))
}

/// Point a validation problem of the new workspace at the file line and column it comes
/// from; problems outside the imported records keep their workspace path.
fn locate(table: &Table, origins: &[Origin], index: &HashMap<&str, usize>, p: Problem) -> Problem {
    let at = |line: u64, column: &str| {
        if table.columns.contains_key(column) {
            table.problem(line, column, format!("{} ({})", p.message, p.path))
        } else {
            Problem::new(table.source.clone(), format!("{} ({})", p.message, p.path)).at(line, None)
        }
    };
    let candidates: Vec<&Origin> =
        record_paths(&p.path).filter_map(|r| index.get(r)).filter_map(|&i| origins.get(i)).collect();
    for o in candidates {
        match o {
            Origin::Measurement { prefix, line } | Origin::Partner { prefix, line } => {
                if let Some(rest) = inside(&p.path, prefix) {
                    return at(*line, first_field(rest));
                }
            }
            Origin::Project { prefix, line, stages } => {
                if let Some(rest) = inside(&p.path, prefix) {
                    let field = first_field(rest);
                    if field == "stages" {
                        let after = rest.trim_start_matches(".stages");
                        if let Some(stage) = index_of(after).and_then(|(j, _)| stages.get(j)) {
                            return at(*line, stage.as_str());
                        }
                    }
                    return at(*line, field);
                }
            }
            Origin::Commitment { prefix, lines } => {
                if let Some(rest) = inside(&p.path, prefix) {
                    let first = lines.first().copied().unwrap_or(0);
                    let field = first_field(rest);
                    if field == "steps" {
                        let after = rest.trim_start_matches(".steps");
                        if let Some((j, tail)) = index_of(after) {
                            return at(lines.get(j).copied().unwrap_or(first), first_field(tail));
                        }
                        return at(first, "");
                    }
                    return at(first, if field == "id" { "commitment" } else { field });
                }
            }
        }
    }
    p
}

/// Import measurements (see [`MEASUREMENT_COLUMNS`]) into their indicators; a measurement
/// for a period the indicator already has replaces it. All-or-nothing: on any problem the
/// workspace is left untouched and every problem is returned.
pub fn measurements(ws: &mut Workspace, reader: impl Read, source: &str) -> Result<ImportSummary> {
    let text = read_text(reader, source)?;
    let table = Table::parse(&text, source, MEASUREMENT_COLUMNS, &["indicator", "period"]);
    let mut problems = Vec::new();
    let mut new = ws.clone();
    let index: HashMap<&str, usize> =
        ws.indicators.iter().enumerate().map(|(i, x)| (x.id.as_str(), i)).collect();
    let has_value = table.columns.contains_key("value");
    let has_ratio = table.columns.contains_key("numerator") && table.columns.contains_key("denominator");
    if !table.rows.is_empty() && table.problems.is_empty() && !has_value && !has_ratio {
        problems.push(Problem::new(
            source,
            "a measurements file needs a \"value\" column, or \"numerator\" and \"denominator\" columns",
        ));
    }
    let mut seen: HashMap<(usize, Period), u64> = HashMap::new();
    let mut positions: HashMap<usize, HashMap<Period, usize>> = HashMap::new();
    let (mut added, mut replaced) = (0, 0);
    let mut origins = Vec::new();
    for row in &table.rows {
        let mut c = Cells { table: &table, row, problems: &mut problems };
        let indicator = c.required("indicator");
        let period = c.required("period").and_then(|s| match s.parse::<Period>() {
            Ok(p) => Some(p),
            Err(e) => {
                c.fail("period", e.to_string());
                None
            }
        });
        let before = c.problems.len();
        let value = c.number("value");
        let numerator = c.number("numerator");
        let denominator = c.number("denominator");
        let respondents = c.count("respondents");
        let comment = c.text("comment");
        let origin_source = c.text("source");
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
        if let Some(first) = seen.insert((k, period), row.line) {
            c.fail("period", format!("line {first} already gives {id:?} for {period}"));
            continue;
        }
        if !complete {
            continue;
        }
        let m = Measurement {
            period,
            value,
            numerator,
            denominator,
            respondents,
            comment,
            source: origin_source,
        };
        // The indicator's periods, indexed on its first row: no rescan per row.
        let periods = positions.entry(k).or_insert_with(|| {
            let mut map = HashMap::with_capacity(ind.measurements.len());
            for (j, x) in ind.measurements.iter().enumerate() {
                map.entry(x.period).or_insert(j);
            }
            map
        });
        let position = periods.get(&period).copied();
        let j = match position {
            Some(j) => {
                if let Some(slot) = ind.measurements.get_mut(j) {
                    *slot = m;
                }
                replaced += 1;
                j
            }
            None => {
                periods.insert(period, ind.measurements.len());
                ind.measurements.push(m);
                added += 1;
                ind.measurements.len() - 1
            }
        };
        origins.push(Origin::Measurement {
            prefix: format!("indicators[{k}].measurements[{j}]"),
            line: row.line,
        });
    }
    let result = summary(source, table.rows.len(), added, replaced);
    finish(ws, new, &table, problems, &origins, result)
}

/// Import projects (see [`PROJECT_COLUMNS`]), appended to the portfolio. All-or-nothing.
pub fn projects(ws: &mut Workspace, reader: impl Read, source: &str) -> Result<ImportSummary> {
    let text = read_text(reader, source)?;
    let table = Table::parse(&text, source, PROJECT_COLUMNS, &["id", "title", "lead_service", "registered"]);
    let mut problems = Vec::new();
    let mut new = ws.clone();
    let mut origins = Vec::new();
    for row in &table.rows {
        let mut c = Cells { table: &table, row, problems: &mut problems };
        let id = c.required("id");
        let title = c.required("title");
        let lead = c.required("lead_service");
        let mut stages = Vec::new();
        for stage in Stage::ALL {
            if let Some(date) = c.date(stage.as_str()) {
                stages.push(StageEvent { stage, date });
            }
        }
        crate::model::project::place_notified(&mut stages);
        if c.get("registered").is_none() && c.table.columns.contains_key("registered") {
            c.fail("registered", "registered is required (the date the file was received)");
        }
        let planned_cost = c.amount("planned_cost");
        let actual_cost = c.amount("actual_cost");
        let planned_end = c.date("planned_end");
        let own_funds = c.amount("own_funds");
        let (Some(id), Some(title), Some(lead_service)) = (id, title, lead) else { continue };
        let stage_order = stages.iter().map(|e| e.stage).collect();
        origins.push(Origin::Project {
            prefix: format!("projects[{}]", new.projects.len()),
            line: row.line,
            stages: stage_order,
        });
        new.projects.push(Project {
            id,
            title,
            lead_service,
            contributing_services: c.list("contributing_services"),
            objectives: c.list("objectives"),
            stages,
            planned_cost,
            actual_cost,
            planned_end,
            own_funds,
        });
    }
    let added = new.projects.len() - ws.projects.len();
    let result = summary(source, table.rows.len(), added, 0);
    finish(ws, new, &table, problems, &origins, result)
}

/// Import partners (see [`PARTNER_COLUMNS`]), appended to the network. All-or-nothing.
pub fn partners(ws: &mut Workspace, reader: impl Read, source: &str) -> Result<ImportSummary> {
    let text = read_text(reader, source)?;
    let table = Table::parse(&text, source, PARTNER_COLUMNS, &["id", "name", "kind"]);
    let mut problems = Vec::new();
    let mut new = ws.clone();
    let mut origins = Vec::new();
    for row in &table.rows {
        let mut c = Cells { table: &table, row, problems: &mut problems };
        let id = c.required("id");
        let name = c.required("name");
        if c.get("kind").is_none() {
            c.required("kind");
        }
        let kind = c.choice("kind", &PartnerKind::ALL, PartnerKind::as_str);
        let joined = c.date("joined");
        let (Some(id), Some(name), Some(kind)) = (id, name, kind) else { continue };
        origins.push(Origin::Partner { prefix: format!("partners[{}]", new.partners.len()), line: row.line });
        new.partners.push(Partner { id, name, kind, joined });
    }
    let added = new.partners.len() - ws.partners.len();
    let result = summary(source, table.rows.len(), added, 0);
    finish(ws, new, &table, problems, &origins, result)
}

/// Import commitments (see [`COMMITMENT_COLUMNS`]): one row per step, rows with the same
/// commitment id grouped into one commitment, steps in file order. All-or-nothing.
pub fn commitments(ws: &mut Workspace, reader: impl Read, source: &str) -> Result<ImportSummary> {
    let text = read_text(reader, source)?;
    let table = Table::parse(&text, source, COMMITMENT_COLUMNS, &["commitment", "status", "date", "amount"]);
    let mut problems = Vec::new();
    let mut new = ws.clone();
    // Commitment id -> its index in `new.commitments` and in `origins`.
    let mut groups: HashMap<String, (usize, usize)> = HashMap::new();
    let mut origins: Vec<Origin> = Vec::new();
    let mut broken: HashSet<String> = HashSet::new();
    for row in &table.rows {
        let mut c = Cells { table: &table, row, problems: &mut problems };
        let id = c.required("commitment");
        let partner = c.text("partner");
        let project = c.text("project");
        let kind = c.choice("kind", &FundingKind::ALL, FundingKind::as_str);
        let kind_given = c.get("kind").is_some();
        if c.get("status").is_none() {
            c.required("status");
        }
        let status = c.choice("status", &FundingStatus::ALL, FundingStatus::as_str);
        if c.get("date").is_none() {
            c.required("date");
        }
        let date = c.date("date");
        if c.get("amount").is_none() {
            c.required("amount");
        }
        let amount = c.amount("amount");
        let Some(id) = id else { continue };
        if broken.contains(&id) {
            // The first row of this commitment was refused and reported: its other rows
            // are not reported again as "first rows".
            continue;
        }
        let step = match (status, date, amount) {
            (Some(status), Some(date), Some(amount)) => Some(CommitmentStep { status, date, amount }),
            _ => None,
        };
        match groups.get(&id).copied() {
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
                groups.insert(id.clone(), (new.commitments.len(), origins.len()));
                origins.push(Origin::Commitment {
                    prefix: format!("commitments[{}]", new.commitments.len()),
                    lines: vec![row.line],
                });
                new.commitments.push(Commitment { id, partner, project, kind, steps: vec![step] });
            }
            Some((i, o)) => {
                let Some(existing) = new.commitments.get_mut(i) else { continue };
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
                if let Some(step) = step {
                    existing.steps.push(step);
                    // The group's own origin, by index: no rescan of the earlier rows.
                    if let Some(Origin::Commitment { lines, .. }) = origins.get_mut(o) {
                        lines.push(row.line);
                    }
                }
            }
        }
    }
    let added = new.commitments.len() - ws.commitments.len();
    let result = summary(source, table.rows.len(), added, 0);
    finish(ws, new, &table, problems, &origins, result)
}

fn open(path: &Path) -> Result<(std::fs::File, String)> {
    let file = std::fs::File::open(path).map_err(|e| Error::io("read", path, &e))?;
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().to_string())
        .unwrap_or_else(|| path.display().to_string());
    Ok((file, name))
}

/// [`measurements`] from a file; problems are named after the file name.
pub fn measurements_from_path(ws: &mut Workspace, path: impl AsRef<Path>) -> Result<ImportSummary> {
    let (file, name) = open(path.as_ref())?;
    measurements(ws, file, &name)
}

/// [`projects`] from a file; problems are named after the file name.
pub fn projects_from_path(ws: &mut Workspace, path: impl AsRef<Path>) -> Result<ImportSummary> {
    let (file, name) = open(path.as_ref())?;
    projects(ws, file, &name)
}

/// [`partners`] from a file; problems are named after the file name.
pub fn partners_from_path(ws: &mut Workspace, path: impl AsRef<Path>) -> Result<ImportSummary> {
    let (file, name) = open(path.as_ref())?;
    partners(ws, file, &name)
}

/// [`commitments`] from a file; problems are named after the file name.
pub fn commitments_from_path(ws: &mut Workspace, path: impl AsRef<Path>) -> Result<ImportSummary> {
    let (file, name) = open(path.as_ref())?;
    commitments(ws, file, &name)
}
