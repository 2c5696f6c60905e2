//! `Workspace`'s imports: DataFrames (or lists of dicts) through `records`, CSV files
//! through the core's `io::import`.
use std::path::PathBuf;

use pilotage::{Problem, Workspace};
use pyo3::exceptions::{PyTypeError, PyValueError};
use pyo3::prelude::*;
use pyo3::sync::PyOnceLock;
use pyo3::types::PyDict;

use crate::convert::{self, ArgError};
use crate::errors::{IntoPyResult, validation_error};
use crate::model::workspace::PyWorkspace;
use crate::records::{self, FieldErrors};
use crate::topy;
use pilotage::io::import;

static FRAME_ROWS: PyOnceLock<Py<PyAny>> = PyOnceLock::new();

/// The rows of a DataFrame (pandas or polars) or of a list of dicts, as (label, dict), by
/// the pure-Python helper `pilotage._frames.frame_rows` (which checks the required columns).
fn frame_rows<'py>(frame: &Bound<'py, PyAny>, kind: &str) -> PyResult<Vec<(String, Bound<'py, PyDict>)>> {
    let py = frame.py();
    let f = FRAME_ROWS
        .get_or_try_init(py, || py.import("pilotage._frames")?.getattr("frame_rows").map(Bound::unbind))?;
    let rows = f.bind(py).call1((frame, kind))?;
    let mut out = Vec::new();
    for item in rows.try_iter()? {
        let (label, row): (String, Bound<'py, PyDict>) = item?.extract()?;
        out.push((label, row));
    }
    Ok(out)
}

fn cell_problems(label: &str, errors: FieldErrors, out: &mut Vec<Problem>) {
    for (col, e) in errors {
        out.push(Problem::new(format!("row {label}, column '{col}'"), e.message));
    }
}

fn row_problem(label: &str, e: pilotage::Error) -> Problem {
    Problem::new(format!("row {label}"), e.to_string())
}

impl PyWorkspace {
    /// Build records from frame rows, then add them all to a copy of the workspace: the
    /// workspace changes only when every row is good, else a `ValidationError` names each
    /// bad row and column.
    fn import<'py, T: Send>(
        &self,
        py: Python<'py>,
        rows: Vec<(String, Bound<'py, PyDict>)>,
        build: impl Fn(&Bound<'py, PyDict>) -> Result<T, FieldErrors>,
        add: impl Fn(&mut pilotage::model::edit::Adder<'_>, T) -> pilotage::Result<()> + Send + Sync,
    ) -> PyResult<usize> {
        let mut problems = Vec::new();
        let mut built = Vec::new();
        for (label, row) in rows {
            match build(&row) {
                Ok(r) => built.push((label, r)),
                Err(errors) => cell_problems(&label, errors, &mut problems),
            }
        }
        if !problems.is_empty() {
            return Err(validation_error(py, problems));
        }
        let n = built.len();
        // All or nothing, on a copy, under the lock (no edit of another thread is lost); one
        // index of the ids for all the rows: linear, not a scan of the lists per row.
        let problems = self.edit(py, |current| {
            let mut ws = current.clone();
            let mut adder = ws.adder();
            let mut problems = Vec::new();
            for (label, record) in built {
                if let Err(e) = add(&mut adder, record) {
                    problems.push(row_problem(&label, e));
                }
            }
            if problems.is_empty() {
                *current = ws;
            }
            problems
        });
        if !problems.is_empty() {
            return Err(validation_error(py, problems));
        }
        Ok(n)
    }
}

#[pymethods]
impl PyWorkspace {
    /// Add measurements from a DataFrame (pandas or polars) or a list of dicts with columns
    /// `indicator`, `period`, `value` and optionally `numerator`, `denominator`,
    /// `respondents`, `comment`, `source`. All rows or none: a `ValidationError` names each
    /// bad row (by index label) and column. Returns the number of rows added.
    #[pyo3(signature = (frame, *, replace=false))]
    fn add_measurements(&self, py: Python<'_>, frame: &Bound<'_, PyAny>, replace: bool) -> PyResult<usize> {
        let rows = frame_rows(frame, "measurements")?;
        self.import(
            py,
            rows,
            |row| {
                let mut f = records::Fields::new(row);
                let indicator = f.required("indicator", convert::text);
                let m = records::measurement(row);
                match (indicator, m, f.finish(Some(()))) {
                    (Some(i), Ok(m), Ok(())) => Ok((i, m)),
                    (_, m, f) => {
                        let mut errors = f.err().unwrap_or_default();
                        errors.extend(m.err().unwrap_or_default());
                        Err(errors)
                    }
                }
            },
            |adder, (indicator, m)| adder.put_measurement(&indicator, m, replace),
        )
    }

    /// Add projects from a DataFrame or a list of dicts: columns `id`, `title`,
    /// `lead_service`, optional `contributing_services`, `objectives`, `planned_cost`,
    /// `actual_cost`, `planned_end`, `own_funds`, and one date column per stage reached
    /// (`registered`, `complete`, `approved`, ...). All rows or none.
    fn add_projects(&self, py: Python<'_>, frame: &Bound<'_, PyAny>) -> PyResult<usize> {
        let rows = frame_rows(frame, "projects")?;
        self.import(py, rows, records::project, |adder, p| adder.add_project(p))
    }

    /// Add partners from a DataFrame or a list of dicts: columns `id`, `name`, `kind`,
    /// optional `joined`. All rows or none.
    fn add_partners(&self, py: Python<'_>, frame: &Bound<'_, PyAny>) -> PyResult<usize> {
        let rows = frame_rows(frame, "partners")?;
        self.import(py, rows, records::partner, |adder, p| adder.add_partner(p))
    }

    /// Add commitments from a DataFrame or a list of dicts with one row per step: columns
    /// `id`, `partner`, `kind`, `status`, `date`, `amount`, optional `project`. Rows of one
    /// id make one commitment (its steps in row order). Returns the number of commitments.
    fn add_commitments(&self, py: Python<'_>, frame: &Bound<'_, PyAny>) -> PyResult<usize> {
        let rows = frame_rows(frame, "commitments")?;
        let built = self.import_commitment_rows(py, rows)?;
        let n = built.len();
        let problems = self.edit(py, |current| {
            let mut ws = current.clone();
            let mut adder = ws.adder();
            let mut problems = Vec::new();
            for (label, c) in built {
                if let Err(e) = adder.add_commitment(c) {
                    problems.push(row_problem(&label, e));
                }
            }
            if problems.is_empty() {
                *current = ws;
            }
            problems
        });
        if !problems.is_empty() {
            return Err(validation_error(py, problems));
        }
        Ok(n)
    }

    /// Import a CSV file (a path, or an open file in text or binary mode) of `kind`
    /// `"measurements"`, `"projects"`, `"partners"` or `"commitments"`. All-or-nothing: a
    /// `ValidationError` lists every problem with its file line and column.
    fn import_csv<'py>(
        &self,
        py: Python<'py>,
        source: &Bound<'py, PyAny>,
        kind: &str,
    ) -> PyResult<Bound<'py, PyAny>> {
        type FromReader =
            fn(&mut Workspace, &[u8], &str) -> pilotage::Result<pilotage::io::import::ImportSummary>;
        type FromPath = fn(&mut Workspace, PathBuf) -> pilotage::Result<pilotage::io::import::ImportSummary>;
        let (from_reader, from_path): (FromReader, FromPath) = match kind {
            "measurements" => {
                (|w, r, s| import::measurements(w, r, s), |w, p| import::measurements_from_path(w, p))
            }
            "projects" => (|w, r, s| import::projects(w, r, s), |w, p| import::projects_from_path(w, p)),
            "partners" => (|w, r, s| import::partners(w, r, s), |w, p| import::partners_from_path(w, p)),
            "commitments" => {
                (|w, r, s| import::commitments(w, r, s), |w, p| import::commitments_from_path(w, p))
            }
            other => {
                return Err(PyValueError::new_err(format!(
                    "kind: {other:?} is not an import kind (measurements, projects, partners, commitments)"
                )));
            }
        };
        // The import runs under the write lock with the GIL released (it may take seconds),
        // all or nothing as the core does it.
        let summary = if let Ok(path) = source.extract::<PathBuf>() {
            self.edit(py, |ws| from_path(ws, path)).py(py)?
        } else if source.hasattr("read")? {
            let data = source.call_method0("read")?;
            let bytes: Vec<u8> = if let Ok(s) = data.cast::<pyo3::types::PyString>() {
                s.to_string().into_bytes()
            } else if let Ok(b) = data.cast::<pyo3::types::PyBytes>() {
                b.as_bytes().to_vec()
            } else {
                return Err(PyTypeError::new_err("source.read() returned neither str nor bytes"));
            };
            let name = source
                .getattr("name")
                .ok()
                .and_then(|n| n.extract::<PathBuf>().ok())
                .and_then(|p| p.file_name().map(|f| f.to_string_lossy().into_owned()))
                .unwrap_or_else(|| format!("{kind}.csv"));
            self.edit(py, |ws| from_reader(ws, &bytes, &name)).py(py)?
        } else {
            return Err(PyTypeError::new_err(format!(
                "source: expected a path (str or os.PathLike) or an open file, not {}",
                source.get_type().name()?
            )));
        };
        topy::result(py, "import", &summary)
    }
}

impl PyWorkspace {
    /// Group commitment rows by id (first appearance order); every bad cell is reported.
    fn import_commitment_rows(
        &self,
        py: Python<'_>,
        rows: Vec<(String, Bound<'_, PyDict>)>,
    ) -> PyResult<Vec<(String, pilotage::Commitment)>> {
        let mut problems = Vec::new();
        let mut out: Vec<(String, pilotage::Commitment)> = Vec::new();
        for (label, row) in rows {
            let head = records::commitment(&row);
            let step = records::step(&row);
            match (head, step) {
                (Ok(mut c), Ok(s)) => match out.iter_mut().find(|(_, x)| x.id == c.id) {
                    Some((_, existing)) => {
                        if existing.partner != c.partner
                            || existing.kind != c.kind
                            || existing.project != c.project
                        {
                            problems.push(Problem::new(
                                format!("row {label}"),
                                format!(
                                    "commitment {:?} appears on an earlier row with another partner, kind or project",
                                    c.id
                                ),
                            ));
                        } else {
                            existing.steps.push(s);
                        }
                    }
                    None => {
                        c.steps.push(s);
                        out.push((label, c));
                    }
                },
                (h, s) => {
                    let mut errors: Vec<(String, ArgError)> = h.err().unwrap_or_default();
                    errors.extend(s.err().unwrap_or_default());
                    cell_problems(&label, errors, &mut problems);
                }
            }
        }
        if problems.is_empty() { Ok(out) } else { Err(validation_error(py, problems)) }
    }
}
