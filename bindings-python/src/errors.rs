//! The one mapping from the core's [`Error`] to Python exceptions, and the `Problem` class.
//!
//! | core error            | Python exception                                            |
//! |-----------------------|-------------------------------------------------------------|
//! | `Invalid(problems)`   | `ValidationError(ValueError)`, `.problems`: list of Problem |
//! | `Json { line, .. }`   | `ParseError(ValueError)`, `.line`, `.column`                |
//! | `Period(e)`           | `PeriodError(ValueError)`, `.input`, `.reason`              |
//! | `Io { kind, .. }`     | `FileNotFoundError` / `PermissionError` / ... / `OSError`   |
//! | `NotFound { .. }`     | `NotFoundError(LookupError)`, `.what`, `.id`                |
//! | `Argument { .. }`     | `ValueError`                                                |

use std::hash::{Hash, Hasher};

use pilotage::{Error, Problem};
use pyo3::exceptions::{
    PyFileExistsError, PyFileNotFoundError, PyIsADirectoryError, PyLookupError, PyOSError, PyPermissionError,
    PyRuntimeError, PyValueError,
};
use pyo3::prelude::*;
use pyo3::types::PyList;

pyo3::create_exception!(
    pilotage,
    ValidationError,
    PyValueError,
    "The input is not valid: `.problems` lists every problem found, each with its path."
);
pyo3::create_exception!(
    pilotage,
    ParseError,
    PyValueError,
    "The text is not JSON, or not shaped as a workspace: `.line` and `.column` say where."
);
pyo3::create_exception!(
    pilotage,
    PeriodError,
    PyValueError,
    "A period string or value is not valid: `.input` is what was given, `.reason` why."
);
pyo3::create_exception!(
    pilotage,
    NotFoundError,
    PyLookupError,
    "An id names nothing in the workspace: `.what` is the kind of record, `.id` the id."
);

/// One thing wrong with the input, and where.
/// Two problems are equal when they read the same: the path compared as its text, so that a
/// problem rebuilt from its text (`Problem(path, ...)`, unpickling) equals the original.
#[pyclass(frozen, eq, hash, str, module = "pilotage", name = "Problem")]
#[derive(Clone)]
pub struct PyProblem {
    pub(crate) inner: Problem,
}

impl PyProblem {
    fn key(&self) -> (String, &str, Option<u64>, Option<u64>) {
        let p = &self.inner;
        (p.path.to_string(), &p.message, p.line, p.column)
    }
}

impl PartialEq for PyProblem {
    fn eq(&self, other: &Self) -> bool {
        self.key() == other.key()
    }
}

impl Eq for PyProblem {}

impl Hash for PyProblem {
    fn hash<H: Hasher>(&self, state: &mut H) {
        self.key().hash(state);
    }
}

impl std::fmt::Display for PyProblem {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        self.inner.fmt(f)
    }
}

#[pymethods]
impl PyProblem {
    #[new]
    #[pyo3(signature = (path, message, line=None, column=None))]
    fn new(path: String, message: String, line: Option<u64>, column: Option<u64>) -> Self {
        PyProblem { inner: Problem { path: pilotage::Path::text(path), message, line, column } }
    }

    fn __repr__(&self) -> String {
        let p = &self.inner;
        let mut s = format!("Problem(path={:?}, message={:?}", p.path.to_string(), p.message);
        if let Some(l) = p.line {
            s.push_str(&format!(", line={l}"));
        }
        if let Some(c) = p.column {
            s.push_str(&format!(", column={c}"));
        }
        s.push(')');
        s
    }

    fn __getnewargs__(&self) -> (String, String, Option<u64>, Option<u64>) {
        let p = &self.inner;
        (p.path.to_string(), p.message.clone(), p.line, p.column)
    }
}

crate::class::getters!(PyProblem, |p| {
    /// Where: a path into the workspace (`commitments[c_12].partner`, a record named by its
    /// id where it has one) or a DataFrame cell.
    path: String = p.path.to_string();
    /// What is wrong, in plain words.
    message: &str = &p.message;
    /// Line in the source text (1-based), when known.
    line: Option<u64> = p.line;
    /// Column in the source text (1-based), when known.
    column: Option<u64> = p.column;
});

/// A `ValidationError` carrying `problems` (the message lists them all).
pub fn validation_error(py: Python<'_>, problems: Vec<Problem>) -> PyErr {
    let message = pilotage::Problems(problems.clone()).to_string();
    let err = ValidationError::new_err(message);
    let list: Vec<PyProblem> = problems.into_iter().map(|inner| PyProblem { inner }).collect();
    let attached = PyList::new(py, list).and_then(|l| err.value(py).setattr("problems", l));
    match attached {
        Ok(()) => err,
        Err(e) => e,
    }
}

fn with_attrs<'py>(
    py: Python<'py>,
    err: PyErr,
    set: impl FnOnce(&Bound<'py, pyo3::exceptions::PyBaseException>) -> PyResult<()>,
) -> PyErr {
    match set(err.value(py)) {
        Ok(()) => err,
        Err(e) => e,
    }
}

/// The period error as a `PeriodError`.
pub fn period_error(py: Python<'_>, e: pilotage::PeriodError) -> PyErr {
    let err = PeriodError::new_err(e.to_string());
    with_attrs(py, err, |v| {
        v.setattr("input", e.input)?;
        v.setattr("reason", e.reason)
    })
}

/// Map a core error to its Python exception (see the module table).
pub fn to_py_err(py: Python<'_>, e: Error) -> PyErr {
    let message = e.to_string();
    match e {
        Error::Invalid(problems) => validation_error(py, problems.0),
        Error::Json { line, column, .. } => with_attrs(py, ParseError::new_err(message), |v| {
            v.setattr("line", line)?;
            v.setattr("column", column)
        }),
        Error::Period(p) => period_error(py, p),
        Error::Io { kind, path, .. } => {
            use std::io::ErrorKind as K;
            // POSIX errno values, which CPython also uses on Windows for these cases.
            match kind {
                K::NotFound => PyFileNotFoundError::new_err((2, message, path)),
                K::PermissionDenied => PyPermissionError::new_err((13, message, path)),
                K::AlreadyExists => PyFileExistsError::new_err((17, message, path)),
                K::IsADirectory => PyIsADirectoryError::new_err((21, message, path)),
                _ => PyOSError::new_err((message, path)),
            }
        }
        Error::NotFound { what, id } => with_attrs(py, NotFoundError::new_err(message), |v| {
            v.setattr("what", what)?;
            v.setattr("id", id)
        }),
        Error::Argument { .. } => PyValueError::new_err(message),
        _ => PyRuntimeError::new_err(message),
    }
}

/// A `NotFoundError` for the `what` (a node, a project...) with this id.
pub fn not_found(py: Python<'_>, what: &'static str, id: &str) -> PyErr {
    to_py_err(py, Error::NotFound { what, id: id.to_string() })
}

/// Extension to map core results with `?`.
pub trait IntoPyResult<T> {
    /// The result with the core error mapped to its Python exception.
    fn py(self, py: Python<'_>) -> PyResult<T>;
}

impl<T> IntoPyResult<T> for pilotage::Result<T> {
    fn py(self, py: Python<'_>) -> PyResult<T> {
        self.map_err(|e| to_py_err(py, e))
    }
}
