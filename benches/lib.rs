//! Shared data for the benchmarks of pilotage (see README.md): the workspaces they measure,
//! generated once per bench group by the deterministic generator of [`pilotage::sample`].

use pilotage::sample::SampleSpec;
use pilotage::{Period, Workspace};

/// The mid-size workspace of the open-and-validate bench: 1,000 generated indicators x 120
/// months beside the curated ones, 10,000 projects, 2,000 partners, 30,000 commitments (its
/// JSON is well under `workspace::MAX_FILE_BYTES`, unlike the large one).
pub fn mid_spec() -> SampleSpec {
    SampleSpec {
        indicators: 1_000,
        projects: 10_000,
        partners: 2_000,
        commitments: 30_000,
        ..SampleSpec::large()
    }
}

/// Generate a workspace from a spec (the specs used here are valid by construction, so an
/// error means the generator broke: the bench stops with its message).
pub fn generate(spec: &SampleSpec) -> Workspace {
    match spec.generate() {
        Ok(ws) => ws,
        Err(e) => panic_with(&format!("cannot generate the bench workspace: {e}")),
    }
}

/// Number of measurements of a workspace (the throughput unit of the benches).
pub fn measurements(ws: &Workspace) -> u64 {
    ws.indicators.iter().map(|i| i.measurements.len() as u64).sum()
}

/// The last quarter of a workspace's data (the period a city looks at).
pub fn last_quarter(ws: &Workspace) -> Period {
    ws.latest_period(pilotage::Frequency::Quarterly).unwrap_or(Period::Quarter { year: 2025, quarter: 4 })
}

/// Stop a bench with a message (benches are not library code: a broken fixture must stop
/// the run loudly rather than measure nothing).
#[allow(clippy::panic)]
pub fn panic_with(message: &str) -> ! {
    panic!("{message}")
}

/// Unwrap a result of the library in a bench, stopping with the error's message.
pub fn ok<T, E: std::fmt::Display>(r: Result<T, E>, what: &str) -> T {
    match r {
        Ok(x) => x,
        Err(e) => panic_with(&format!("{what}: {e}")),
    }
}
