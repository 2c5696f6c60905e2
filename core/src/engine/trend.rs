//! Trends and forecasts.
//!
//! A trend compares a node's score with its score one period before and one year before
//! (same period of the previous year): `change = score - previous`. Scores already point the
//! good way (a falling lead time raises its score), so the direction follows the score:
//! improving when `change > tolerance`, declining when `change < -tolerance`, stable in
//! between, unknown when either score is missing. The tolerance is
//! `Settings::stability_tolerance`, in score points.
//!
//! A forecast fits a least-squares line `v = alpha + beta * x` through the indicator's values
//! over the last `Settings::forecast_window` reporting periods (`x` = period ordinal, only the
//! periods with a value), with `beta = sum((x - mx)(v - mv)) / sum((x - mx)^2)` and
//! `alpha = mv - beta * mx`, and projects it to the target's period. It needs two points.
//! On track means the projection is at or beyond the target in the good direction.
//!
//! A forecast is given only for a period without an actual: the target's period must come
//! after the period shown, or be that period while it has no value yet. A period that has its
//! actual gets none (its status already says whether the target is met), so a forecast never
//! contradicts the actual of the same period.

use serde::{Deserialize, Serialize};

/// Where a node is heading.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum Direction {
    /// The score rose by more than the tolerance.
    Improving,
    /// The score moved by at most the tolerance.
    Stable,
    /// The score fell by more than the tolerance.
    Declining,
    /// A score is missing.
    Unknown,
}

impl Direction {
    /// The direction's name as the JSON output spells it: `"improving"`, `"stable"`,
    /// `"declining"` or `"unknown"`.
    ///
    /// ```
    /// assert_eq!(pilotage::engine::trend::Direction::Declining.as_str(), "declining");
    /// ```
    pub fn as_str(self) -> &'static str {
        match self {
            Direction::Improving => "improving",
            Direction::Stable => "stable",
            Direction::Declining => "declining",
            Direction::Unknown => "unknown",
        }
    }
}

/// The direction of a score change with a stability tolerance (score points).
pub fn direction(change: Option<f64>, tolerance: f64) -> Direction {
    match change {
        None => Direction::Unknown,
        Some(c) if c > tolerance => Direction::Improving,
        Some(c) if c < -tolerance => Direction::Declining,
        Some(_) => Direction::Stable,
    }
}

/// A least-squares line through `(x, v)` points: `(alpha, beta)`, or `None` with fewer than
/// two distinct `x`.
pub fn least_squares(points: &[(f64, f64)]) -> Option<(f64, f64)> {
    let finite = |(a, b): (f64, f64)| a.is_finite() && b.is_finite();
    let direct = centred_fit(points, 1.0)?;
    let (a, b) = (direct.mv - direct.beta * direct.mx, direct.beta);
    if finite((a, b)) {
        return Some((a, b));
    }
    // values near 1.8e308: the line of the values divided by their largest magnitude, scaled
    // back; none when even that is beyond f64 (never an infinite slope)
    let scaled = centred_fit(points, largest_value(points)?)?;
    let line = (scaled.scale * (scaled.mv - scaled.beta * scaled.mx), scaled.scale * scaled.beta);
    finite(line).then_some(line)
}

/// The least-squares line's value at `x` and its slope: `alpha + beta * x` (as
/// [`least_squares`] gives them) when that is finite, else read around the points' centre,
/// `mv + beta * (x - mx)`, on values divided by their largest magnitude and scaled back, so
/// that values near 1.8e308 far from x = 0 (period ordinals are about 24,000) still project.
/// `None` when the projection or the slope itself is beyond `f64`.
pub fn projection(points: &[(f64, f64)], x: f64) -> Option<(f64, f64)> {
    if let Some((a, b)) = least_squares(points) {
        let v = a + b * x;
        if v.is_finite() {
            return Some((v, b));
        }
    }
    let f = centred_fit(points, largest_value(points)?)?;
    let (v, b) = (f.scale * (f.mv + f.beta * (x - f.mx)), f.scale * f.beta);
    (v.is_finite() && b.is_finite()).then_some((v, b))
}

/// A least-squares fit of `(x, v / scale)` around its centre.
struct CentredFit {
    scale: f64,
    mx: f64,
    mv: f64,
    beta: f64,
}

fn centred_fit(points: &[(f64, f64)], scale: f64) -> Option<CentredFit> {
    if points.len() < 2 {
        return None;
    }
    let n = points.len() as f64;
    let mx = points.iter().map(|p| p.0).sum::<f64>() / n;
    let sxx: f64 = points.iter().map(|p| (p.0 - mx) * (p.0 - mx)).sum();
    if sxx == 0.0 {
        return None;
    }
    let mv = points.iter().map(|p| p.1 / scale).sum::<f64>() / n;
    let sxv: f64 = points.iter().map(|p| (p.0 - mx) * (p.1 / scale - mv)).sum();
    Some(CentredFit { scale, mx, mv, beta: sxv / sxx })
}

fn largest_value(points: &[(f64, f64)]) -> Option<f64> {
    let m = points.iter().map(|p| p.1.abs()).fold(0.0, f64::max);
    (m > 0.0 && m.is_finite()).then_some(m)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn directions_with_tolerance() {
        assert_eq!(direction(Some(2.5), 2.0), Direction::Improving);
        assert_eq!(direction(Some(2.0), 2.0), Direction::Stable);
        assert_eq!(direction(Some(-2.5), 2.0), Direction::Declining);
        assert_eq!(direction(None, 2.0), Direction::Unknown);
    }

    #[test]
    fn line_through_points() {
        // (0,1), (1,3), (2,5): v = 1 + 2x exactly
        assert_eq!(least_squares(&[(0.0, 1.0), (1.0, 3.0), (2.0, 5.0)]), Some((1.0, 2.0)));
        // (0,0), (1,2), (2,1): mx = 1, mv = 1, sxx = 2, sxv = (-1)(-1) + 0 + (1)(0) = 1 -> beta 0.5, alpha 0.5
        assert_eq!(least_squares(&[(0.0, 0.0), (1.0, 2.0), (2.0, 1.0)]), Some((0.5, 0.5)));
        assert_eq!(least_squares(&[(1.0, 1.0)]), None);
    }
}
