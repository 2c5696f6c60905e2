//! Does the data agree with the strategy map? For each cause-effect link, the Pearson
//! correlation between the cause's score at period `s` and the effect's score at `s + lag`,
//! over every period where both have a score:
//! `r = sum((x - mx)(y - my)) / sqrt(sum((x - mx)^2) * sum((y - my)^2))`.
//! Under `Settings::min_correlation_periods` pairs the link has "not enough data"; a
//! constant series gives no correlation. The sign agrees when `r > 0` for an expected
//! positive link and `r < 0` for a negative one.

use crate::scorecard::Sign;

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
    let mx = pairs.iter().map(|p| p.0).sum::<f64>() / n as f64;
    let my = pairs.iter().map(|p| p.1).sum::<f64>() / n as f64;
    let (mut sxy, mut sxx, mut syy) = (0.0, 0.0, 0.0);
    for (x, y) in &pairs {
        sxy += (x - mx) * (y - my);
        sxx += (x - mx) * (x - mx);
        syy += (y - my) * (y - my);
    }
    let den = (sxx * syy).sqrt();
    if den == 0.0 { (None, n as u32) } else { (Some((sxy / den).clamp(-1.0, 1.0)), n as u32) }
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
