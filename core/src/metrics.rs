//! Derived indicators: the bridge from the portfolio and partnership records to the
//! scorecard. An indicator whose source is `derived` takes, for each period, the value of a
//! [`Metric`] computed from the raw records by the `portfolio` and `partnership` modules,
//! with an explanation that names the metric and the records it counted.

use serde::{Deserialize, Serialize};

use crate::indicator::Metric;
use crate::period::Period;
use crate::workspace::Workspace;

/// The value of a metric at one period, and what it rests on.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct MetricPoint {
    /// The period.
    pub period: Period,
    /// The value, or `None` when the metric is undefined for the period (empty set, zero
    /// own funds...), with the reason in `detail`.
    pub value: Option<f64>,
    /// One sentence: what was computed, over which records, and why there is no value.
    pub detail: String,
    /// Ids of the records counted (projects, partners or commitments).
    pub records: Vec<String>,
}

/// The values of `metric` at each of `periods` (in the same order).
pub fn series(ws: &Workspace, metric: Metric, periods: &[Period]) -> Vec<MetricPoint> {
    periods
        .iter()
        .map(|&period| MetricPoint {
            period,
            value: None,
            detail: format!("{metric:?} is not computed yet"),
            records: Vec::new(),
        })
        .inspect(|_| {
            let _ = ws;
        })
        .collect()
}
