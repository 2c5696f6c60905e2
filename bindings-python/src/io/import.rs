//! `Workspace`'s imports: DataFrames, `Table`s or lists of dicts typed as the core's cells
//! (`records::table`), and CSV files, both through the core's one input path
//! (`pilotage::io::rows`).
use std::path::PathBuf;

use pilotage::Workspace;
use pilotage::io::import;
use pilotage::io::rows::RecordKind;
use pyo3::exceptions::PyTypeError;
use pyo3::prelude::*;

use crate::errors::IntoPyResult;
use crate::model::workspace::PyWorkspace;
use crate::records;
use crate::topy;

/// Import a core table into the workspace under the write lock, all or nothing (the
/// core's one input path, [`pilotage::io::rows::import`]).
fn import_rows(
    this: &PyWorkspace,
    py: Python<'_>,
    rows: pilotage::io::rows::Rows,
    replace: bool,
) -> PyResult<pilotage::io::rows::ImportSummary> {
    let options = pilotage::io::rows::ImportOptions { replace };
    this.edit(py, |ws| pilotage::io::rows::import(ws, &rows, options)).py(py)
}

#[pymethods]
impl PyWorkspace {
    /// Add measurements from a DataFrame (pandas or polars), a `Table` or a list of dicts
    /// with columns `indicator`, `period`, `value` and optionally `numerator`,
    /// `denominator`, `respondents`, `comment`, `source`: the rules of the CSV import. All
    /// rows or none: a `ValidationError` names each bad row (`measurements[label].column`).
    /// A measurement the indicator has for the period is refused unless `replace=True`.
    /// Returns the number of rows added or replaced.
    #[pyo3(signature = (frame, *, replace=false))]
    fn add_measurements(&self, py: Python<'_>, frame: &Bound<'_, PyAny>, replace: bool) -> PyResult<usize> {
        let rows = records::table(frame, RecordKind::Measurements)?;
        let s = import_rows(self, py, rows, replace)?;
        Ok(s.added + s.replaced)
    }

    /// Add projects from a DataFrame, a `Table` or a list of dicts: the columns of
    /// `ws.projects().to_pandas()` (`id`, `title`, `lead_service`, `registered` required;
    /// optional `contributing_services`, `objectives`, one date column per other stage
    /// reached, `planned_cost`, `actual_cost`, `planned_end`, `own_funds`). All rows or none;
    /// a project the workspace has is refused unless `replace=True`.
    #[pyo3(signature = (frame, *, replace=false))]
    fn add_projects(&self, py: Python<'_>, frame: &Bound<'_, PyAny>, replace: bool) -> PyResult<usize> {
        let rows = records::table(frame, RecordKind::Projects)?;
        Ok(import_rows(self, py, rows, replace)?.added)
    }

    /// Add partners from a DataFrame, a `Table` or a list of dicts: columns `id`, `name`,
    /// `kind`, optional `joined`. All rows or none; a partner the workspace has is refused
    /// unless `replace=True`.
    #[pyo3(signature = (frame, *, replace=false))]
    fn add_partners(&self, py: Python<'_>, frame: &Bound<'_, PyAny>, replace: bool) -> PyResult<usize> {
        let rows = records::table(frame, RecordKind::Partners)?;
        Ok(import_rows(self, py, rows, replace)?.added)
    }

    /// Add commitments from a DataFrame, a `Table` or a list of dicts with one row per step,
    /// the columns of `ws.commitments().to_pandas()`: `commitment`, `status`, `date`,
    /// `amount`, and `partner`, `kind` (needed on a commitment's first row), optional
    /// `project`. Rows of one commitment make one commitment (its steps in row order). All
    /// rows or none; returns the number of commitments added.
    #[pyo3(signature = (frame, *, replace=false))]
    fn add_commitments(&self, py: Python<'_>, frame: &Bound<'_, PyAny>, replace: bool) -> PyResult<usize> {
        let rows = records::table(frame, RecordKind::Commitments)?;
        Ok(import_rows(self, py, rows, replace)?.added)
    }

    /// Import a CSV file (a path, or an open file in text or binary mode) of `kind`
    /// `"measurements"`, `"projects"`, `"partners"` or `"commitments"`. All-or-nothing: a
    /// `ValidationError` lists every problem with its file line and column. A record the
    /// workspace has already is refused unless `replace=True`.
    #[pyo3(signature = (source, kind, *, replace=false))]
    fn import_csv<'py>(
        &self,
        py: Python<'py>,
        source: &Bound<'py, PyAny>,
        kind: &str,
        replace: bool,
    ) -> PyResult<Bound<'py, PyAny>> {
        let kind: RecordKind = kind.parse().map_err(|e| crate::args::refused(py, e))?;
        let options = pilotage::io::rows::ImportOptions { replace };
        let from_reader = |w: &mut Workspace, r: &[u8], s: &str| import::csv(w, kind, r, s, options);
        let from_path = |w: &mut Workspace, p: PathBuf| import::csv_from_path(w, kind, p, options);
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
                .unwrap_or_else(|| format!("{}.csv", kind.as_str()));
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
