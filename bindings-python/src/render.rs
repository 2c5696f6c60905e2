//! The core's HTML/SVG renderings, for notebooks: `_repr_html_` of workspaces, evaluations
//! and indicator cards shows what the core renders (escaped there), never HTML built here.

use pilotage::locale::Locale;
use pyo3::exceptions::PyValueError;
use pyo3::prelude::*;

/// The language of a rendering: `"en"` or `"fr"` (the core's reading of a language tag, so
/// `"fr-FR"` and `"en-GB"` are accepted too).
pub fn locale(lang: &str) -> PyResult<Locale> {
    lang.parse().map_err(|e: pilotage::locale::UnknownLocale| PyValueError::new_err(format!("lang: {e}")))
}

/// A piece of HTML rendered by the core (an indicator card, a report): Jupyter displays it,
/// `str()` gives the markup.
#[pyclass(frozen, module = "pilotage", name = "Html")]
pub struct PyHtml {
    pub(crate) html: String,
}

#[pymethods]
impl PyHtml {
    fn _repr_html_(&self) -> &str {
        &self.html
    }
    fn __str__(&self) -> &str {
        &self.html
    }
    fn __repr__(&self) -> String {
        format!("<Html: {} characters>", self.html.len())
    }
}
