//! What every frozen class over a core value repeats, written once: `#[getter]`s that read
//! the wrapped value ([`getters!`]), `to_dict()` and pickling through the core's JSON
//! ([`json_methods!`], [`reduce`]). Each macro emits its own `#[pymethods]` block (pyo3's
//! `multiple-pymethods`), so a class keeps its other methods in its own block.

use pyo3::prelude::*;
use pyo3::sync::PyOnceLock;

/// A `#[pymethods]` block of getters over `self.inner`: after the class and the name the
/// core value is bound to, one getter a line, `name: Type = expression`, each under its
/// docstring (what `help()` shows).
macro_rules! getters {
    ($class:ty, |$v:ident| { $($(#[$doc:meta])* $name:ident: $ret:ty = $e:expr;)* }) => {
        #[pyo3::pymethods]
        impl $class {
            $(
                $(#[$doc])*
                #[getter]
                fn $name(&self) -> $ret {
                    let $v = &self.inner;
                    $e
                }
            )*
        }
    };
}
pub(crate) use getters;

/// A `#[pymethods]` block with `to_dict()` (the core's JSON form of `self.inner` as plain
/// Python values, under the docstring given) and `__reduce__` (pickled as the core's JSON,
/// rebuilt by `_restore` under `kind`).
macro_rules! json_methods {
    ($(#[$doc:meta])* $class:ty as $kind:literal) => {
        #[pyo3::pymethods]
        impl $class {
            $(#[$doc])*
            fn to_dict<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
                $crate::convert::json_form(py, &self.inner)
            }
            fn __reduce__<'py>(&self, py: Python<'py>) -> PyResult<(Bound<'py, PyAny>, (String,))> {
                $crate::class::reduce(py, $kind, &self.inner)
            }
        }
    };
}
pub(crate) use json_methods;

static RESTORE: PyOnceLock<Py<PyAny>> = PyOnceLock::new();

/// What `__reduce__` returns: `functools.partial(pilotage._pilotage._restore, kind)` and the
/// core's JSON of `value` (written with the GIL released), from which a pickle rebuilds it.
pub fn reduce<'py, T: serde::Serialize + Sync + ?Sized>(
    py: Python<'py>,
    kind: &str,
    value: &T,
) -> PyResult<(Bound<'py, PyAny>, (String,))> {
    let json = py.detach(|| serde_json::to_string(value)).map_err(crate::convert::json_err)?;
    let partial = RESTORE
        .get_or_try_init(py, || py.import("functools")?.getattr("partial").map(Bound::unbind))?
        .bind(py);
    let f = py.import("pilotage._pilotage")?.getattr("_restore")?;
    Ok((partial.call1((f, kind))?, (json,)))
}
