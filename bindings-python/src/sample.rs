//! The core's sample generator: the sample city, the empty template, a region of cities and
//! any workspace of a given size (for benchmarks), all deterministic.

use pilotage::sample::{self, SampleSpec};
use pyo3::prelude::*;

use crate::errors::IntoPyResult;
use crate::model::workspace::PyWorkspace;

/// The sample city (Romans-sur-Isère, illustrative data 2019-2025): the same workspace as
/// `examples/data/sample-city.json`.
///
/// >>> import pilotage
/// >>> ws = pilotage.sample_city()
/// >>> len(ws.projects()), str(ws.latest_period())
/// (150, '2025-Q4')
#[pyfunction]
pub fn sample_city(py: Python<'_>) -> PyWorkspace {
    PyWorkspace::from(py.detach(sample::city))
}

/// The sample's scorecard without data (services, perspectives, objectives, indicators and
/// targets to adapt).
#[pyfunction]
pub fn template(py: Python<'_>) -> PyWorkspace {
    PyWorkspace::from(py.detach(sample::template))
}

/// `n` city-sized workspaces with their own seeds and names (a region's municipalities);
/// the default seed is the sample city's (`pilotage::sample::CITY_SEED`).
///
/// >>> import pilotage
/// >>> [ws.organisation[:20] for ws in pilotage.sample_region(2, seed=7)]
/// ['Ville de Valence (do', 'Ville de Montélimar ']
#[pyfunction]
#[pyo3(signature = (n, seed=2014))]
pub fn sample_region(py: Python<'_>, n: usize, seed: u64) -> Vec<PyWorkspace> {
    py.detach(|| sample::region(n, seed)).into_iter().map(PyWorkspace::from).collect()
}

/// A generated workspace: the sample city's spec with the fields given changed (`indicators`
/// generated monthly indicators beyond the curated ones, `projects`, `partners`,
/// `commitments`, `years`, `start_year`, `seed`, `organisation`). A `ValueError` says why a
/// spec cannot be generated.
///
/// >>> import pilotage
/// >>> ws = pilotage.sample_workspace(indicators=10, projects=20)
/// >>> len(ws.indicators()) - len(pilotage.sample_city().indicators()), len(ws.projects())
/// (10, 20)
#[pyfunction]
#[pyo3(signature = (*, seed=None, organisation=None, start_year=None, years=None, indicators=None,
                    projects=None, partners=None, commitments=None))]
#[allow(clippy::too_many_arguments)]
pub fn sample_workspace(
    py: Python<'_>,
    seed: Option<u64>,
    organisation: Option<String>,
    start_year: Option<i32>,
    years: Option<u32>,
    indicators: Option<usize>,
    projects: Option<usize>,
    partners: Option<usize>,
    commitments: Option<usize>,
) -> PyResult<PyWorkspace> {
    let base = SampleSpec::city();
    let spec = SampleSpec {
        seed: seed.unwrap_or(base.seed),
        organisation: organisation.unwrap_or(base.organisation),
        start_year: start_year.unwrap_or(base.start_year),
        years: years.unwrap_or(base.years),
        indicators: indicators.unwrap_or(base.indicators),
        projects: projects.unwrap_or(base.projects),
        partners: partners.unwrap_or(base.partners),
        commitments: commitments.unwrap_or(base.commitments),
    };
    Ok(PyWorkspace::from(py.detach(|| spec.generate()).py(py)?))
}
