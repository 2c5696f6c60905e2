//! CSV import: measurements, projects, partners and commitments kept in spreadsheets come
//! into a workspace without hand work. This module only reads the file into
//! [`crate::io::rows::Rows`] of text cells; the columns, the rules and the checks are
//! those of every import, in [`crate::io::rows`].
//!
//! Each import reads a whole file, reports **every** problem of it at once
//! ([`Error::Invalid`]; each [`Problem`] has the path `source[column]`, the file line and the
//! 1-based column index), and is all-or-nothing (see [`crate::io::rows`]).
//!
//! The file format, tolerant of what spreadsheets export:
//! - the first line names the columns ([`crate::io::rows::RecordKind::columns`]); a UTF-8
//!   byte-order mark is skipped;
//! - the delimiter is `,` unless the header line holds more `;` than `,` (French
//!   spreadsheets export `;`); with `;`, numbers and amounts may use a decimal comma
//!   (`1234,56`), and a value holding both `.` and `,` is refused as ambiguous;
//! - cells are trimmed; an empty cell is an absent value; rows whose cells are all empty are
//!   skipped; dates are `YYYY-MM-DD`; periods `2025-03`, `2025-Q1` or `2025`; lists of ids
//!   are separated by `;` (`,` also separates them when the file's delimiter is `;`);
//! - numbers must be finite (`NaN`, `inf` and `1e400` are refused); amounts are exact decimals
//!   (at most 28 significant digits, scientific notation accepted), never rounded.
//!
//! A measurement (project, partner, commitment) the workspace already has is refused unless
//! the import is told to replace it ([`ImportOptions::replace`], [`csv()`]); before issue #15 a
//! CSV measurement silently replaced it. Commitment rows are steps, grouped by the
//! `commitment` column in file order.

use std::io::Read;
use std::path::Path;

use crate::error::{Error, Problem, Result};
pub use crate::io::rows::{
    COMMITMENT_COLUMNS, ImportOptions, ImportSummary, MEASUREMENT_COLUMNS, PARTNER_COLUMNS, PROJECT_COLUMNS,
};
use crate::io::rows::{Cell, RecordKind, RowAt, Rows};
use crate::model::workspace::{MAX_FILE_BYTES, Workspace};

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
            Err(Error::Invalid(crate::error::Problems(vec![
                Problem::new(source, "the file is not UTF-8 text (save it as \"CSV UTF-8\")")
                    .at(line, Some(column)),
            ])))
        }
    }
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

/// The rows of a CSV text, every cell as text (empty cells missing).
fn parse(text: &str, source: &str, kind: RecordKind) -> Rows {
    let semicolon = detect_semicolon(text);
    let mut reader = csv::ReaderBuilder::new()
        .has_headers(false)
        .flexible(true)
        .delimiter(if semicolon { b';' } else { b',' })
        .trim(csv::Trim::All)
        .from_reader(text.as_bytes());
    let mut table: Option<(Rows, usize)> = None;
    let mut late: Vec<Problem> = Vec::new();
    let mut record = csv::StringRecord::new();
    loop {
        match reader.read_record(&mut record) {
            Ok(false) => break,
            Ok(true) => {
                let line = record.position().map(|p| p.line()).unwrap_or(0);
                if record.iter().all(str::is_empty) {
                    continue;
                }
                match &mut table {
                    None => {
                        let header: Vec<String> = record.iter().map(str::to_string).collect();
                        let rows = Rows::new(source, kind, &header, Some(line)).with_decimal_comma(semicolon);
                        table = Some((rows, record.len()));
                    }
                    Some((rows, width)) => {
                        let width = *width;
                        if record.len() > width {
                            rows.push_problem(
                                Problem::new(
                                    source,
                                    format!("{} cells where the header names {width} columns", record.len()),
                                )
                                .at(line, Some(width as u64 + 1)),
                            );
                        }
                        let cells = record
                            .iter()
                            .map(|s| if s.is_empty() { Cell::Missing } else { Cell::Text(s.to_string()) })
                            .collect();
                        rows.push(RowAt::Line(line), cells);
                    }
                }
            }
            Err(e) => {
                let line = e.position().map(|p| p.line()).unwrap_or(0);
                late.push(Problem::new(source, format!("unreadable CSV: {e}")).at(line, None));
                break;
            }
        }
    }
    let mut rows = match table {
        Some((rows, _)) => rows,
        None => {
            // Only the "empty file" problem: not one "missing column" per required column.
            let all: Vec<String> = kind.columns().iter().map(|c| c.to_string()).collect();
            let mut empty = Rows::new(source, kind, &all, None);
            empty.push_problem(Problem::new(
                source,
                format!(
                    "the file is empty: its first line must name the columns ({})",
                    kind.columns().join(", ")
                ),
            ));
            empty
        }
    };
    for p in late {
        rows.push_problem(p);
    }
    rows
}

/// Import a CSV file of `kind` (see [`crate::io::rows`] for the rules and the columns):
/// all-or-nothing; on any problem the workspace is left untouched and every problem is
/// returned.
pub fn csv(
    ws: &mut Workspace,
    kind: RecordKind,
    reader: impl Read,
    source: &str,
    options: ImportOptions,
) -> Result<ImportSummary> {
    let text = read_text(reader, source)?;
    let rows = parse(&text, source, kind);
    drop(text);
    crate::io::rows::import(ws, &rows, options)
}

/// Import measurements (see [`MEASUREMENT_COLUMNS`]) into their indicators. A measurement
/// for a period the indicator already has is a problem (use [`csv()`] with
/// [`ImportOptions::replace`] to replace it). All-or-nothing.
pub fn measurements(ws: &mut Workspace, reader: impl Read, source: &str) -> Result<ImportSummary> {
    csv(ws, RecordKind::Measurements, reader, source, ImportOptions::default())
}

/// Import projects (see [`PROJECT_COLUMNS`]), appended to the portfolio. All-or-nothing.
pub fn projects(ws: &mut Workspace, reader: impl Read, source: &str) -> Result<ImportSummary> {
    csv(ws, RecordKind::Projects, reader, source, ImportOptions::default())
}

/// Import partners (see [`PARTNER_COLUMNS`]), appended to the network. All-or-nothing.
pub fn partners(ws: &mut Workspace, reader: impl Read, source: &str) -> Result<ImportSummary> {
    csv(ws, RecordKind::Partners, reader, source, ImportOptions::default())
}

/// Import commitments (see [`COMMITMENT_COLUMNS`]): one row per step, rows with the same
/// commitment id grouped into one commitment, steps in file order. All-or-nothing.
pub fn commitments(ws: &mut Workspace, reader: impl Read, source: &str) -> Result<ImportSummary> {
    csv(ws, RecordKind::Commitments, reader, source, ImportOptions::default())
}

/// [`csv()`] from a file; problems are named after the file name.
pub fn csv_from_path(
    ws: &mut Workspace,
    kind: RecordKind,
    path: impl AsRef<Path>,
    options: ImportOptions,
) -> Result<ImportSummary> {
    let (file, name) = open(path.as_ref())?;
    csv(ws, kind, file, &name, options)
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
