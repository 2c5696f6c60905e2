//! Does the data agree with the strategy map? For each cause-effect link, the Pearson
//! correlation between the cause's score at period `s` and the effect's score at `s + lag`,
//! over every period where both have a score:
//! `r = sum((x - mx)(y - my)) / sqrt(sum((x - mx)^2) * sum((y - my)^2))`.
//! Under `Settings::min_correlation_periods` pairs the link has "not enough data"; a
//! constant series gives no correlation. The sign agrees when `r > 0` for an expected
//! positive link and `r < 0` for a negative one.

use crate::model::scorecard::Sign;

/// The correlation of paired series and the number of pairs. `cause[s]` pairs with
/// `effect[s + lag]`; NaN marks a missing score.
pub fn lagged_correlation(cause: &[f64], effect: &[f64], lag: usize) -> (Option<f64>, u32) {
    let pairs: Vec<(f64, f64)> = cause
        .iter()
        .zip(effect.iter().skip(lag))
        .filter(|(x, y)| !x.is_nan() && !y.is_nan())
        .map(|(x, y)| (*x, *y))
        .collect();
    let n = pairs.len();
    if n < 2 {
        return (None, n as u32);
    }
    let r = pearson(&pairs, 1.0, 1.0).or_else(|| {
        // sums beyond f64 (scores near 1e160 and above, possible without a cap): r does not
        // change when each series is divided by its largest magnitude, which keeps every
        // sum small
        let largest = |f: fn(&(f64, f64)) -> f64| pairs.iter().map(|p| f(p).abs()).fold(0.0, f64::max);
        let (sx, sy) = (largest(|p| p.0), largest(|p| p.1));
        if sx > 0.0 && sy > 0.0 && sx.is_finite() && sy.is_finite() { pearson(&pairs, sx, sy) } else { None }
    });
    match r {
        Some(Ok(r)) => (Some(r), n as u32),
        _ => (None, n as u32),
    }
}

/// Pearson's r of `(x / sx, y / sy)`: `None` when a sum is not finite, `Some(Err)` for a
/// constant series (no correlation), else `Some(Ok(r))`, clamped to [-1, 1].
fn pearson(pairs: &[(f64, f64)], sx: f64, sy: f64) -> Option<Result<f64, ()>> {
    let n = pairs.len() as f64;
    let mx = pairs.iter().map(|p| p.0 / sx).sum::<f64>() / n;
    let my = pairs.iter().map(|p| p.1 / sy).sum::<f64>() / n;
    let (mut sxy, mut sxx, mut syy) = (0.0, 0.0, 0.0);
    for (x, y) in pairs {
        let (dx, dy) = (x / sx - mx, y / sy - my);
        sxy += dx * dy;
        sxx += dx * dx;
        syy += dy * dy;
    }
    let den = (sxx * syy).sqrt();
    if !(sxy.is_finite() && den.is_finite()) {
        None
    } else if den == 0.0 {
        Some(Err(()))
    } else {
        Some(Ok((sxy / den).clamp(-1.0, 1.0)))
    }
}

/// Whether a correlation agrees with the expected sign.
pub fn agrees(r: f64, sign: Sign) -> bool {
    match sign {
        Sign::Positive => r > 0.0,
        Sign::Negative => r < 0.0,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lag_shifts_the_effect() {
        // effect is the cause one period later: with lag 1 the pairs are (1,1),(2,2),(3,3),(5,5) -> r = 1
        let cause = [1.0, 2.0, 3.0, 5.0, f64::NAN];
        let effect = [0.0, 1.0, 2.0, 3.0, 5.0];
        let (r, n) = lagged_correlation(&cause, &effect, 1);
        assert_eq!(n, 4);
        assert!((r.unwrap_or(0.0) - 1.0).abs() < 1e-12);
        // opposite series: r = -1
        let (r, _) = lagged_correlation(&[1.0, 2.0, 3.0], &[3.0, 2.0, 1.0], 0);
        assert!((r.unwrap_or(0.0) + 1.0).abs() < 1e-12);
        assert!(agrees(-1.0, Sign::Negative) && !agrees(-1.0, Sign::Positive));
        // constant: no correlation
        assert_eq!(lagged_correlation(&[1.0, 1.0, 1.0], &[1.0, 2.0, 3.0], 0), (None, 3));
    }
}
