//! The workspace: everything one organisation steers, in one JSON file.
//!
//! Loading is lenient about *reporting* and strict about *accepting*: the whole file is read,
//! every record that cannot be decoded is reported with its path and line/column, the records
//! that could be decoded are validated too, and the workspace is returned only when there is
//! no problem at all ([`Workspace::from_json`]). [`Workspace::parse_json`] decodes without
//! validating, for tools that repair files.
//!
//! Money is [`Decimal`](rust_decimal::Decimal), written as JSON strings (`"15000000.00"`) so
//! that every digit survives a load and a save; numbers are accepted on input. Measured values,
//! targets and weights are `f64` (they are not money). Saving writes a temporary file next to
//! the target and renames it, so an existing file is never truncated by a failed save.

use std::collections::HashSet;
use std::io::Read;

use serde::de::DeserializeOwned;
use serde::{Deserialize, Serialize};
use serde_json::value::RawValue;

use crate::engine::scoring::StatusThresholds;
use crate::error::{Error, Path, Problem, Problems, Result};
use crate::model::commitment::Commitment;
use crate::model::indicator::{Indicator, Measurement};
use crate::model::partner::Partner;
use crate::model::period::Calendar;
use crate::model::project::Project;
use crate::model::scorecard::{CauseEffect, Objective, Perspective, Rollup, Scorecard};

/// The version of the file format this library writes (and the newest it reads).
///
/// Every older version is read and **migrated on load**: the loaded workspace carries the
/// current version, so that a save writes a file that declares what it may contain.
/// - **1**: the first format.
/// - **2** (2026-12): optional additions only, so a version 1 file opens unchanged:
///   `settings.records_complete_through` (the span the records cover), an indicator's
///   `target_policy` (`none` or `carry_forward`), and the project stage `notified`. A
///   version 1 file read by this library is migrated by changing its version number alone
///   (`tests/migration.rs` opens the version 1 files kept in `tests/fixtures/v1/`).
pub const SCHEMA_VERSION: u32 = 2;

/// The oldest file format version this library reads.
pub const OLDEST_SCHEMA_VERSION: u32 = 1;

/// Largest workspace file accepted, in bytes (a documented limit: 256 MiB).
pub const MAX_FILE_BYTES: usize = 256 * 1024 * 1024;

/// A service (org unit) of the organisation.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Service {
    /// Unique id.
    pub id: String,
    /// Name.
    pub name: String,
}

/// How many records of each kind a workspace holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct WorkspaceCounts {
    /// Services.
    pub services: usize,
    /// Projects.
    pub projects: usize,
    /// Partners.
    pub partners: usize,
    /// Commitments.
    pub commitments: usize,
    /// Indicators.
    pub indicators: usize,
    /// Measurements, over every indicator.
    pub measurements: usize,
    /// Scorecard perspectives.
    pub perspectives: usize,
    /// Scorecard objectives.
    pub objectives: usize,
    /// Cause-effect links of the strategy map.
    pub links: usize,
}

/// Organisation-wide settings of the engine.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Settings {
    /// Default status cut-offs.
    #[serde(default)]
    pub thresholds: StatusThresholds,
    /// A score change (in points, 0-100 scale) below which a trend is "stable".
    #[serde(default = "default_stability")]
    pub stability_tolerance: f64,
    /// How many recent periods the least-squares forecast rests on.
    #[serde(default = "default_forecast_window")]
    pub forecast_window: u32,
    /// Fewest paired periods a cause-effect correlation needs.
    #[serde(default = "default_min_pairs")]
    pub min_correlation_periods: u32,
    /// The last day the records (projects' stages, commitments' steps, partners' joining)
    /// are complete through: derived values of later periods are missing, not zero. When
    /// absent, the last day of the month of the latest record (see [`crate::engine::cutoff`]).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub records_complete_through: Option<chrono::NaiveDate>,
}

fn default_stability() -> f64 {
    2.0
}
fn default_forecast_window() -> u32 {
    8
}
fn default_min_pairs() -> u32 {
    6
}

impl Default for Settings {
    fn default() -> Self {
        Settings {
            thresholds: StatusThresholds::default(),
            stability_tolerance: default_stability(),
            forecast_window: default_forecast_window(),
            min_correlation_periods: default_min_pairs(),
            records_complete_through: None,
        }
    }
}

fn default_currency() -> String {
    "EUR".to_string()
}
fn default_start_month() -> u8 {
    1
}

/// Everything one organisation steers.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Workspace {
    /// Version of the file format (currently 1).
    pub schema_version: u32,
    /// Name of the organisation.
    pub organisation: String,
    /// ISO 4217 currency of every amount (EUR by default).
    #[serde(default = "default_currency")]
    pub currency: String,
    /// Month (1-12) the fiscal year starts in; fiscal year `Y` starts in calendar year `Y`.
    #[serde(default = "default_start_month")]
    pub fiscal_year_start_month: u8,
    /// Engine settings.
    #[serde(default)]
    pub settings: Settings,
    /// Services (org units).
    #[serde(default)]
    pub services: Vec<Service>,
    /// Portfolio of projects.
    #[serde(default)]
    pub projects: Vec<Project>,
    /// Partners.
    #[serde(default)]
    pub partners: Vec<Partner>,
    /// Co-financing commitments.
    #[serde(default)]
    pub commitments: Vec<Commitment>,
    /// Indicators, with their measurements and targets.
    #[serde(default)]
    pub indicators: Vec<Indicator>,
    /// The scorecard definition.
    #[serde(default)]
    pub scorecard: Scorecard,
    /// Where each id is, so that a single `add_*` call does not scan its list: a cache, not
    /// data. Never serialised (nor in the JSON schema), equal to any other (two workspaces
    /// with the same records are equal), emptied by `clone`, rebuilt on first use and
    /// checked against the lists before each use (see [`crate::model::edit::IdIndex`]). Build a
    /// workspace with `..Workspace::new(...)` or `Default::default()` for this field.
    #[serde(skip)]
    #[schemars(skip)]
    pub id_index: crate::model::edit::IdIndex,
}

impl Default for Workspace {
    fn default() -> Self {
        Workspace::new("")
    }
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields, expecting = "a scorecard (an object)")]
struct RawScorecard<'a> {
    #[serde(borrow, default)]
    perspectives: Vec<&'a RawValue>,
    #[serde(borrow, default)]
    objectives: Vec<&'a RawValue>,
    #[serde(borrow, default)]
    links: Vec<&'a RawValue>,
    #[serde(borrow, default)]
    rollup: Option<&'a RawValue>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields, expecting = "a workspace (a JSON object)")]
struct RawWorkspace<'a> {
    schema_version: u32,
    organisation: String,
    #[serde(default = "default_currency")]
    currency: String,
    #[serde(default = "default_start_month")]
    fiscal_year_start_month: u8,
    #[serde(borrow, default)]
    settings: Option<&'a RawValue>,
    #[serde(borrow, default)]
    services: Vec<&'a RawValue>,
    #[serde(borrow, default)]
    projects: Vec<&'a RawValue>,
    #[serde(borrow, default)]
    partners: Vec<&'a RawValue>,
    #[serde(borrow, default)]
    commitments: Vec<&'a RawValue>,
    #[serde(borrow, default)]
    indicators: Vec<&'a RawValue>,
    #[serde(borrow, default)]
    scorecard: Option<&'a RawValue>,
}

/// Decodes the items of a file one by one, so that one bad record does not hide the others.
struct Decoder<'a> {
    input: &'a str,
    problems: Vec<Problem>,
    /// Ids of records that failed to decode: references to them are not reported again.
    undecoded_ids: HashSet<String>,
    /// Where the last problem was, so that locating the next one only scans the text in
    /// between (records are decoded in file order within each list): locating every problem
    /// of a file costs a few passes over it, not one pass per problem.
    cursor: LineCursor,
}

/// A byte offset of the input with its 1-based line and the offset where that line starts.
#[derive(Debug, Clone, Copy)]
struct LineCursor {
    offset: usize,
    line: usize,
    line_start: usize,
}

impl LineCursor {
    const START: LineCursor = LineCursor { offset: 0, line: 1, line_start: 0 };

    /// Moves to `offset` (clamped to the input), counting the newlines passed over.
    fn seek(&mut self, input: &[u8], offset: usize) {
        let offset = offset.min(input.len());
        let newline = |b: &u8| *b == b'\n';
        if offset >= self.offset {
            let passed = input.get(self.offset..offset).unwrap_or(&[]);
            self.line += passed.iter().filter(|b| newline(b)).count();
            if let Some(i) = passed.iter().rposition(newline) {
                self.line_start = self.offset + i + 1;
            }
        } else {
            let passed = input.get(offset..self.offset).unwrap_or(&[]);
            let lines = passed.iter().filter(|b| newline(b)).count();
            if lines > 0 {
                self.line = self.line.saturating_sub(lines).max(1);
                let before = input.get(..offset).unwrap_or(&[]);
                self.line_start = before.iter().rposition(newline).map_or(0, |i| i + 1);
            }
        }
        self.offset = offset;
    }
}

/// The `id` of a record that could not be decoded, when it is a string.
#[derive(Deserialize)]
struct RecordId {
    id: Option<String>,
}

impl<'a> Decoder<'a> {
    fn position(&mut self, raw: &str, line: usize, column: usize) -> (u64, u64) {
        let offset = (raw.as_ptr() as usize).wrapping_sub(self.input.as_ptr() as usize);
        self.cursor.seek(self.input.as_bytes(), offset);
        let base_line = self.cursor.line;
        let base_col = self.cursor.offset - self.cursor.line_start + 1;
        if line <= 1 {
            (base_line as u64, (base_col + column.saturating_sub(1)) as u64)
        } else {
            ((base_line + line - 1) as u64, column as u64)
        }
    }

    /// The record `raw`, the `i`-th of the list `name`, or its problem: the path names the
    /// record by its id when its kind has ids (`ids`) and the JSON object has a string `id`,
    /// else by its position (the id is looked up in the record's JSON only when it fails).
    fn record<T: DeserializeOwned>(
        &mut self,
        raw: &'a RawValue,
        name: &Path,
        i: usize,
        ids: bool,
    ) -> Option<T> {
        self.decode_at(raw, name, Some((i, ids)))
    }

    /// The value `raw` at `path` (`settings`, `scorecard.rollup`), or its problem.
    fn one<T: DeserializeOwned>(&mut self, raw: &'a RawValue, path: &Path) -> Option<T> {
        self.decode_at(raw, path, None)
    }

    fn decode_at<T: DeserializeOwned>(
        &mut self,
        raw: &'a RawValue,
        name: &Path,
        slot: Option<(usize, bool)>,
    ) -> Option<T> {
        let text = raw.get();
        match decode_tracked::<T>(text) {
            Ok(v) => Some(v),
            Err((inner_path, inner)) => {
                let (line, column) = self.position(text, inner.line(), inner.column());
                // only the id is read (the other members skipped unchecked: a number beyond
                // f64, the failure itself, does not stop it)
                let id = serde_json::from_str::<RecordId>(text).ok().and_then(|r| r.id);
                let record = match (slot, &id) {
                    (None, _) => name.clone(),
                    (Some((_, true)), Some(id)) => name.id(id.as_str()),
                    (Some((i, _)), _) => name.index(i),
                };
                let msg = crate::io::serde_words::message(&inner);
                self.problems.push(Problem::new(record.join(&inner_path), msg).at(line, Some(column)));
                if let Some(id) = id {
                    self.undecoded_ids.insert(id);
                }
                None
            }
        }
    }

    fn list<T: DeserializeOwned>(&mut self, raws: &[&'a RawValue], name: &Path, ids: bool) -> Vec<T> {
        // sized once: grown by doubling, a list of millions of records peaked at twice its size
        let mut out = Vec::with_capacity(raws.len());
        out.extend(raws.iter().enumerate().filter_map(|(i, raw)| self.record(raw, name, i, ids)));
        out
    }
}

/// Decodes `text`, or says where inside it decoding failed (serde_path_to_error's path, as
/// segments: a key or a variant is a field, an element its index; empty for the value
/// itself) with serde_json's error.
#[cfg(feature = "exact-error-paths")]
fn decode_tracked<'a, T: Deserialize<'a>>(
    text: &'a str,
) -> std::result::Result<T, (Path, serde_json::Error)> {
    use crate::error::Segment;
    use serde_path_to_error::Segment as S;
    let mut de = serde_json::Deserializer::from_str(text);
    serde_path_to_error::deserialize::<_, T>(&mut de).map_err(|e| {
        let mut path = Path::default();
        for s in e.path().iter() {
            path.push(match s {
                S::Seq { index } => Segment::Index(*index),
                S::Map { key } => Segment::Field(key.clone()),
                S::Enum { variant } => Segment::Field(variant.clone()),
                S::Unknown => Segment::Field("?".to_string()),
            });
        }
        (path, e.into_inner())
    })
}

/// Decodes `text`, or says where inside it decoding failed, located from serde_json's
/// position by [`crate::io::json_path`] (the feature `exact-error-paths` is off).
#[cfg(not(feature = "exact-error-paths"))]
fn decode_tracked<'a, T: Deserialize<'a>>(
    text: &'a str,
) -> std::result::Result<T, (Path, serde_json::Error)> {
    let mut de = serde_json::Deserializer::from_str(text);
    T::deserialize(&mut de).map_err(|e| (crate::io::json_path::locate(text, &e), e))
}

fn json_error(e: &serde_json::Error) -> Error {
    let message = crate::io::serde_words::message(e);
    Error::Json { line: e.line() as u64, column: e.column() as u64, message }
}

impl Workspace {
    /// An empty workspace for an organisation (EUR, calendar fiscal year).
    pub fn new(organisation: impl Into<String>) -> Workspace {
        Workspace {
            schema_version: SCHEMA_VERSION,
            organisation: organisation.into(),
            currency: default_currency(),
            fiscal_year_start_month: 1,
            settings: Settings::default(),
            services: Vec::new(),
            projects: Vec::new(),
            partners: Vec::new(),
            commitments: Vec::new(),
            indicators: Vec::new(),
            scorecard: Scorecard::default(),
            id_index: Default::default(),
        }
    }

    /// The fiscal calendar (a start month outside 1-12 falls back to January; validation
    /// reports it).
    pub fn calendar(&self) -> Calendar {
        Calendar::new(self.fiscal_year_start_month).unwrap_or_default()
    }

    /// Load and validate a workspace from JSON text: every problem at once, or the workspace.
    /// A text longer than [`MAX_FILE_BYTES`] is refused with [`Error::Argument`].
    pub fn from_json(text: &str) -> Result<Workspace> {
        Workspace::from_json_with_limit(text, MAX_FILE_BYTES)
    }

    /// Like [`from_json`](Workspace::from_json), with a lower size limit: a text longer than
    /// `max_bytes` (or than [`MAX_FILE_BYTES`], whichever is smaller) is refused with
    /// [`Error::Argument`] before it is parsed. For hosts that take files from strangers
    /// (an intranet page, a notebook service) and want a tighter bound.
    pub fn from_json_with_limit(text: &str, max_bytes: usize) -> Result<Workspace> {
        Workspace::validated(Workspace::decode(text, max_bytes)?)
    }

    /// A decoded workspace ([`Workspace::decode`]) validated: every problem at once, or the
    /// workspace. It needs the text no longer (a caller that owns it drops it first).
    fn validated(
        (ws, mut problems, undecoded): (Workspace, Vec<Problem>, HashSet<String>),
    ) -> Result<Workspace> {
        problems.extend(crate::model::validation::problems_ignoring(&ws, &undecoded));
        if problems.is_empty() { Ok(ws) } else { Err(Error::Invalid(Problems(problems))) }
    }

    /// Load a workspace from JSON text even when it is invalid, with every problem listed
    /// beside it (empty for a valid text): the lenient mode that lets a broken file be
    /// repaired with the library instead of by hand. Records that cannot be decoded at all
    /// are left out (each is a problem with its path, line and column); the rest is loaded
    /// as it is. Text that is not JSON, or is too large, is still an error.
    pub fn from_json_lenient(text: &str) -> Result<(Workspace, Vec<Problem>)> {
        Ok(Workspace::lenient(Workspace::decode(text, MAX_FILE_BYTES)?))
    }

    /// [`from_json_lenient`](Workspace::from_json_lenient) from a file (at most
    /// [`MAX_FILE_BYTES`]).
    pub fn open_lenient(path: impl AsRef<std::path::Path>) -> Result<(Workspace, Vec<Problem>)> {
        let path = path.as_ref();
        let file = std::fs::File::open(path).map_err(|e| Error::io("read", path, &e))?;
        let text = read_limited(file, MAX_FILE_BYTES, path)?;
        let decoded = Workspace::decode(&text, MAX_FILE_BYTES)?;
        drop(text);
        Ok(Workspace::lenient(decoded))
    }

    fn lenient(
        (ws, mut problems, undecoded): (Workspace, Vec<Problem>, HashSet<String>),
    ) -> (Workspace, Vec<Problem>) {
        problems.extend(crate::model::validation::problems_ignoring(&ws, &undecoded));
        (ws, problems)
    }

    /// Decode JSON text into a workspace without validating it. Records that cannot be
    /// decoded are errors (with path, line and column), all reported together.
    pub fn parse_json(text: &str) -> Result<Workspace> {
        let (ws, problems, _) = Workspace::decode(text, MAX_FILE_BYTES)?;
        if problems.is_empty() { Ok(ws) } else { Err(Error::Invalid(Problems(problems))) }
    }

    fn decode(text: &str, max_bytes: usize) -> Result<(Workspace, Vec<Problem>, HashSet<String>)> {
        let limit = max_bytes.min(MAX_FILE_BYTES);
        if text.len() > limit {
            return Err(too_large(limit, &format!("this one has {} bytes", text.len())));
        }
        let raw: RawWorkspace<'_> = serde_json::from_str(text).map_err(|e| json_error(&e))?;
        let mut problems = Vec::new();
        if !readable_version(raw.schema_version) {
            problems.push(Problem::new(
                "schema_version",
                format!(
                    "schema_version {} is not supported: this library reads versions \
                     {OLDEST_SCHEMA_VERSION} to {SCHEMA_VERSION}",
                    raw.schema_version
                ),
            ));
        }
        let mut d =
            Decoder { input: text, problems, undecoded_ids: HashSet::new(), cursor: LineCursor::START };
        let settings = match raw.settings {
            Some(s) => d.one(s, &Path::root("settings")).unwrap_or_default(),
            None => Settings::default(),
        };
        let scorecard = match raw.scorecard {
            None => Scorecard::default(),
            Some(sc) => match decode_tracked::<RawScorecard<'_>>(sc.get()) {
                Ok(rs) => {
                    let perspectives: Vec<Perspective> =
                        d.list(&rs.perspectives, &Path::root("scorecard").field("perspectives"), true);
                    let objectives: Vec<Objective> =
                        d.list(&rs.objectives, &Path::root("scorecard").field("objectives"), true);
                    let links: Vec<CauseEffect> =
                        d.list(&rs.links, &Path::root("scorecard").field("links"), false);
                    let rollup: Rollup = match rs.rollup {
                        Some(r) => d.one(r, &Path::root("scorecard").field("rollup")).unwrap_or_default(),
                        None => Rollup::default(),
                    };
                    Scorecard { perspectives, objectives, links, rollup }
                }
                Err(_) => d.one::<Scorecard>(sc, &Path::root("scorecard")).unwrap_or_default(),
            },
        };
        let ws = Workspace {
            // migrated on load (see SCHEMA_VERSION: from 1 to 2 nothing else changes)
            schema_version: if readable_version(raw.schema_version) {
                SCHEMA_VERSION
            } else {
                raw.schema_version
            },
            organisation: raw.organisation,
            currency: raw.currency,
            fiscal_year_start_month: raw.fiscal_year_start_month,
            settings,
            services: d.list(&raw.services, &Path::root("services"), true),
            projects: d.list(&raw.projects, &Path::root("projects"), true),
            partners: d.list(&raw.partners, &Path::root("partners"), true),
            commitments: d.list(&raw.commitments, &Path::root("commitments"), true),
            indicators: d.list(&raw.indicators, &Path::root("indicators"), true),
            scorecard,
            id_index: Default::default(),
        };
        Ok((ws, d.problems, d.undecoded_ids))
    }

    /// Load and validate a workspace from a reader. At most [`MAX_FILE_BYTES`] + 1 bytes are
    /// read: a longer input is refused with [`Error::Argument`] without reading the rest.
    pub fn from_reader(reader: impl Read) -> Result<Workspace> {
        Workspace::from_reader_with_limit(reader, MAX_FILE_BYTES)
    }

    /// Like [`from_reader`](Workspace::from_reader), with a lower size limit (see
    /// [`from_json_with_limit`](Workspace::from_json_with_limit)): at most `max_bytes` + 1
    /// bytes are read.
    pub fn from_reader_with_limit(reader: impl Read, max_bytes: usize) -> Result<Workspace> {
        let limit = max_bytes.min(MAX_FILE_BYTES);
        let text = read_limited(reader, limit, std::path::Path::new("<reader>"))?;
        let decoded = Workspace::decode(&text, limit)?;
        drop(text);
        Workspace::validated(decoded)
    }

    /// Load and validate a workspace file. A file larger than [`MAX_FILE_BYTES`] is refused
    /// with [`Error::Argument`] before it is read.
    pub fn open(path: impl AsRef<std::path::Path>) -> Result<Workspace> {
        let path = path.as_ref();
        let file = std::fs::File::open(path).map_err(|e| Error::io("read", path, &e))?;
        if let Ok(meta) = file.metadata() {
            if meta.len() > MAX_FILE_BYTES as u64 {
                return Err(too_large(
                    MAX_FILE_BYTES,
                    &format!("{} has {} bytes", path.display(), meta.len()),
                ));
            }
        }
        let text = read_limited(file, MAX_FILE_BYTES, path)?;
        // the text is dropped before validation, which builds sets of ids beside the records
        let decoded = Workspace::decode(&text, MAX_FILE_BYTES)?;
        drop(text);
        Workspace::validated(decoded)
    }

    /// The latest date the workspace has data for: the last day of its latest measured
    /// period, or its latest project stage or commitment step, whichever is later.
    pub fn latest_date(&self) -> Option<chrono::NaiveDate> {
        let cal = self.calendar();
        let measured =
            self.indicators.iter().flat_map(|i| i.measurements.iter()).map(|m| m.period.end_date(cal));
        let stages = self.projects.iter().flat_map(|p| p.stages.iter()).map(|e| e.date);
        let steps = self.commitments.iter().flat_map(|c| c.steps.iter()).map(|s| s.date);
        measured.chain(stages).chain(steps).max()
    }

    /// The earliest date the workspace has data for: the first day of its earliest measured
    /// period, or its earliest project stage or commitment step, whichever is earlier (the
    /// mirror of [`latest_date`](Workspace::latest_date)).
    pub fn earliest_date(&self) -> Option<chrono::NaiveDate> {
        let cal = self.calendar();
        let measured =
            self.indicators.iter().flat_map(|i| i.measurements.iter()).map(|m| m.period.start_date(cal));
        let stages = self.projects.iter().flat_map(|p| p.stages.iter()).map(|e| e.date);
        let steps = self.commitments.iter().flat_map(|c| c.steps.iter()).map(|s| s.date);
        measured.chain(stages).chain(steps).min()
    }

    /// Every period of `frequency` from the one holding
    /// [`earliest_date`](Workspace::earliest_date) to [`latest_period`](Workspace::latest_period),
    /// oldest first: the choices of a period selector (empty without dated data).
    pub fn data_periods(
        &self,
        frequency: crate::model::period::Frequency,
    ) -> Vec<crate::model::period::Period> {
        let (Some(first), Some(last)) = (self.earliest_date(), self.latest_period(frequency)) else {
            return Vec::new();
        };
        match crate::model::period::Period::containing(first, frequency, self.calendar()) {
            Ok(first) => first.through(last).collect(),
            Err(_) => Vec::new(),
        }
    }

    /// The period of `frequency` that holds [`latest_date`](Workspace::latest_date): the
    /// natural default reporting period (`2025-Q4` for the sample city, quarterly).
    pub fn latest_period(
        &self,
        frequency: crate::model::period::Frequency,
    ) -> Option<crate::model::period::Period> {
        crate::model::period::Period::containing(self.latest_date()?, frequency, self.calendar()).ok()
    }

    /// How many records of each kind the workspace holds.
    pub fn counts(&self) -> WorkspaceCounts {
        WorkspaceCounts {
            services: self.services.len(),
            projects: self.projects.len(),
            partners: self.partners.len(),
            commitments: self.commitments.len(),
            indicators: self.indicators.len(),
            measurements: self.indicators.iter().map(|i| i.measurements.len()).sum(),
            perspectives: self.scorecard.perspectives.len(),
            objectives: self.scorecard.objectives.len(),
            links: self.scorecard.links.len(),
        }
    }

    /// Every measurement with its indicator's id, in file order: of every indicator, or of
    /// the one named ([`Error::NotFound`] for an id the workspace does not have).
    pub fn measurements(&self, indicator: Option<&str>) -> Result<Vec<(&str, &Measurement)>> {
        if let Some(id) = indicator.filter(|id| !self.indicators.iter().any(|i| i.id == *id)) {
            return Err(Error::NotFound { what: "indicator", id: id.to_string() });
        }
        let of = self.indicators.iter().filter(|i| indicator.is_none_or(|id| i.id == id));
        Ok(of.flat_map(|i| i.measurements.iter().map(move |m| (i.id.as_str(), m))).collect())
    }

    /// The day a stock figure is taken on, given as text: an ISO date as it is
    /// (`2025-11-05`), or a period meaning its last day in the workspace's fiscal calendar
    /// (`2025-Q4`: 2025-12-31). Anything else is an [`Error::Argument`] named `name`.
    pub fn day_of(&self, text: &str, name: &'static str) -> Result<chrono::NaiveDate> {
        if let Ok(date) = text.parse::<chrono::NaiveDate>() {
            return Ok(date);
        }
        match text.parse::<crate::model::period::Period>() {
            Ok(period) => Ok(period.end_date(self.calendar())),
            Err(_) => Err(Error::Argument {
                name,
                message: format!("{text:?} is neither an ISO date (2025-12-31) nor a period (2025-Q4)"),
            }),
        }
    }

    /// Every problem of the workspace (empty when valid). See the `validation` module.
    pub fn problems(&self) -> Vec<Problem> {
        crate::model::validation::problems(self)
    }

    /// `Ok` when valid, else [`Error::Invalid`] with every problem.
    pub fn validate(&self) -> Result<()> {
        let p = self.problems();
        if p.is_empty() { Ok(()) } else { Err(Error::Invalid(Problems(p))) }
    }

    /// The workspace as pretty-printed JSON (two-space indent, fields in a fixed order).
    pub fn to_json(&self) -> Result<String> {
        serde_json::to_string_pretty(self).map_err(|e| Error::Argument {
            name: "workspace",
            message: format!("cannot be written as JSON: {e}"),
        })
    }

    /// Save as pretty-printed JSON, atomically: an exclusive temporary file in the same
    /// folder is written, flushed, given the existing file's permissions, then renamed over
    /// `path`. Concurrent saves (threads or processes) each leave a complete file; a crash
    /// leaves the old file. `path` must be a regular file or not exist: a symbolic link, a
    /// device, a FIFO or a folder is refused with [`Error::Io`] (resolve a link with
    /// `std::fs::canonicalize` to save through it). The rules are in [`write_atomically`].
    ///
    /// A saved file always reopens: the text is checked as [`Workspace::open`] checks a file
    /// before anything is written, and a workspace that would not open is refused with
    /// [`Error::Invalid`] listing every problem (the file on disk and the workspace in
    /// memory stay as they were; repair it, or open a broken file with
    /// [`Workspace::open_lenient`]).
    pub fn save(&self, path: impl AsRef<std::path::Path>) -> Result<()> {
        let path = path.as_ref();
        let text = self.to_json()?;
        self.check_reopens(&text)?;
        write_atomically(path, text.as_bytes())
    }

    /// `Ok` when `text` (this workspace's JSON) opens as a valid workspace.
    fn check_reopens(&self, text: &str) -> Result<()> {
        match Workspace::decode(text, MAX_FILE_BYTES) {
            Ok(decoded) => Workspace::validated(decoded).map(drop),
            Err(Error::Argument { message, .. }) => Err(Error::Invalid(Problems(vec![Problem::new(
                "workspace",
                format!("the saved file would not reopen: {message}"),
            )]))),
            Err(e) => Err(e),
        }
    }
}

fn too_large(limit: usize, detail: &str) -> Error {
    Error::Argument { name: "text", message: format!("a workspace file is at most {limit} bytes; {detail}") }
}

/// Reads at most `limit` + 1 bytes of UTF-8 text; more than `limit` is an [`Error::Argument`].
fn read_limited(reader: impl Read, limit: usize, path: &std::path::Path) -> Result<String> {
    let mut text = String::new();
    reader.take(limit as u64 + 1).read_to_string(&mut text).map_err(|e| Error::io("read", path, &e))?;
    if text.len() > limit {
        return Err(too_large(limit, "the input is longer"));
    }
    Ok(text)
}

pub use crate::io::save::write_atomically;

/// True for a version this library reads (and migrates to [`SCHEMA_VERSION`] on load).
fn readable_version(v: u32) -> bool {
    (OLDEST_SCHEMA_VERSION..=SCHEMA_VERSION).contains(&v)
}
