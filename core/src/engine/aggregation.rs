//! Time aggregation: how the measurements of an indicator inside a reporting period become
//! one value.
//!
//! Values are read from a window of a contiguous array where an absent measurement is NaN.
//! The aggregate is taken over the measurements **present** (a missing month inside a
//! quarter is left out, and the explanation lists the months that were present); with none
//! present there is no value. Formulas, over the present values `x_1..x_n`:
//! - sum: `x_1 + ... + x_n`
//! - mean: `(x_1 + ... + x_n) / n`
//! - last: `x_n` (the latest present)
//! - min / max: the smallest / largest
//! - ratio of sums: `(n_1 + ... + n_n) / (d_1 + ... + d_n)` over the numerators and
//!   denominators present (never a mean of ratios); no value when the denominators sum to 0.
//!
//! Which measurements a reporting period reads (the reporting frequency is the frequency of
//! the period asked):
//! - an indicator measured at the same or a finer frequency reads its periods inside the
//!   reporting period (the months of a quarter, the quarters of a fiscal year);
//! - an indicator measured at a **coarser** frequency (a yearly survey in a quarterly
//!   report) reads the most recent of its periods that ended on or before the end of the
//!   reporting period; by construction that period ended less than one of its own periods
//!   before, so a value never goes stale by more than its own frequency. With a yearly
//!   survey, 2024 feeds 2024-Q4 to 2025-Q3, and 2025-Q4 reads 2025 (no data if it is
//!   missing). The explanation names the period used.

use crate::model::indicator::TimeAggregation;

/// Why a window has no value.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum NoValue {
    /// No measurement is present in the window.
    NothingPresent,
    /// Ratio of sums: the denominators present sum to zero.
    ZeroDenominator,
    /// The exact result is beyond `f64` (a sum of values near 1.8e308): no value rather
    /// than an infinity scored as if it were a number.
    TooLarge,
}

impl std::fmt::Display for NoValue {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(match self {
            NoValue::NothingPresent => "no measurement is present",
            NoValue::ZeroDenominator => "the denominators sum to zero",
            NoValue::TooLarge => {
                "the aggregate of the measurements is too large for the arithmetic (beyond about 1.8e308)"
            }
        })
    }
}

/// Aggregate a window. `values` holds the values (NaN when absent); `numerators` and
/// `denominators` are read only for [`TimeAggregation::RatioOfSums`] and must then be as
/// long as `values` (a shorter slice gives no value). Returns `None` when no measurement is
/// present, the denominators sum to zero, or the result is beyond `f64`
/// ([`aggregate_checked`] says which).
pub fn aggregate(
    method: TimeAggregation,
    values: &[f64],
    numerators: &[f64],
    denominators: &[f64],
) -> Option<f64> {
    aggregate_checked(method, values, numerators, denominators).ok()
}

/// [`aggregate`], with the reason when there is no value. The result is always finite: a
/// mean or a ratio of sums whose running sums overflow is taken again on the values divided
/// by their count (the same quotient, which cannot overflow); a sum whose exact value is
/// beyond `f64` has no value ([`NoValue::TooLarge`]). Ordinary numbers are added exactly
/// as before, in the same order.
pub fn aggregate_checked(
    method: TimeAggregation,
    values: &[f64],
    numerators: &[f64],
    denominators: &[f64],
) -> Result<f64, NoValue> {
    let finite = |x: f64| if x.is_finite() { Ok(x) } else { Err(NoValue::TooLarge) };
    match method {
        TimeAggregation::RatioOfSums => {
            if numerators.len() < values.len() || denominators.len() < values.len() {
                return Err(NoValue::NothingPresent);
            }
            let pairs = || {
                numerators
                    .iter()
                    .zip(denominators)
                    .take(values.len())
                    .filter(|(x, y)| !x.is_nan() && !y.is_nan())
            };
            let (mut n, mut d, mut count) = (0.0, 0.0, 0u32);
            for (&x, &y) in pairs() {
                n += x;
                d += y;
                count += 1;
            }
            if count == 0 {
                return Err(NoValue::NothingPresent);
            }
            if !(n.is_finite() && d.is_finite()) {
                let k = f64::from(count);
                (n, d) = pairs().fold((0.0, 0.0), |(n, d), (&x, &y)| (n + x / k, d + y / k));
            }
            if d == 0.0 {
                return Err(NoValue::ZeroDenominator);
            }
            finite(n / d)
        }
        TimeAggregation::Last => {
            values.iter().rev().copied().find(|x| !x.is_nan()).ok_or(NoValue::NothingPresent)
        }
        TimeAggregation::Sum | TimeAggregation::Mean | TimeAggregation::Min | TimeAggregation::Max => {
            let (mut acc, mut count) = (0.0, 0u32);
            for &x in values {
                if x.is_nan() {
                    continue;
                }
                acc = match (method, count) {
                    (_, 0) => x,
                    (TimeAggregation::Min, _) => acc.min(x),
                    (TimeAggregation::Max, _) => acc.max(x),
                    _ => acc + x,
                };
                count += 1;
            }
            match (count, method) {
                (0, _) => Err(NoValue::NothingPresent),
                (n, TimeAggregation::Mean) => {
                    let k = f64::from(n);
                    if acc.is_finite() {
                        Ok(acc / k)
                    } else {
                        finite(values.iter().filter(|x| !x.is_nan()).map(|x| x / k).sum())
                    }
                }
                (_, TimeAggregation::Sum) if !acc.is_finite() => {
                    // an overflow on the way may still end finite (max + max - max): the sum
                    // of the halves, doubled, is the exact sum when it fits
                    finite(2.0 * values.iter().filter(|x| !x.is_nan()).map(|x| x * 0.5).sum::<f64>())
                }
                _ => finite(acc),
            }
        }
    }
}

/// The snake_case name of a time aggregation.
pub fn name(method: TimeAggregation) -> &'static str {
    match method {
        TimeAggregation::Sum => "sum",
        TimeAggregation::Mean => "mean",
        TimeAggregation::Last => "last",
        TimeAggregation::Min => "min",
        TimeAggregation::Max => "max",
        TimeAggregation::RatioOfSums => "ratio_of_sums",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const NAN: f64 = f64::NAN;

    #[test]
    fn each_method_over_a_quarter_with_a_missing_month() {
        let v = [4.0, NAN, 10.0];
        // sum 4 + 10 = 14; mean 14 / 2 = 7; last 10; min 4; max 10
        assert_eq!(aggregate(TimeAggregation::Sum, &v, &[], &[]), Some(14.0));
        assert_eq!(aggregate(TimeAggregation::Mean, &v, &[], &[]), Some(7.0));
        assert_eq!(aggregate(TimeAggregation::Last, &v, &[], &[]), Some(10.0));
        assert_eq!(aggregate(TimeAggregation::Min, &v, &[], &[]), Some(4.0));
        assert_eq!(aggregate(TimeAggregation::Max, &v, &[], &[]), Some(10.0));
        // last skips a missing final month: [3, 5, missing] -> 5
        assert_eq!(aggregate(TimeAggregation::Last, &[3.0, 5.0, NAN], &[], &[]), Some(5.0));
    }

    #[test]
    fn ratio_of_sums_is_not_a_mean_of_ratios() {
        // 1/10 and 9/30: mean of ratios would be (0.1 + 0.3) / 2 = 0.2;
        // ratio of sums is (1 + 9) / (10 + 30) = 10 / 40 = 0.25
        let v = [0.1, 0.3];
        assert_eq!(aggregate(TimeAggregation::RatioOfSums, &v, &[1.0, 9.0], &[10.0, 30.0]), Some(0.25));
        // zero denominators: no value
        assert_eq!(aggregate(TimeAggregation::RatioOfSums, &[0.0], &[0.0], &[0.0]), None);
        // missing numerators: no value
        assert_eq!(aggregate(TimeAggregation::RatioOfSums, &v, &[], &[]), None);
    }

    #[test]
    fn beyond_f64_is_no_value_and_a_mean_stays_exact() {
        let max = f64::MAX;
        // three months of 1.7e308: the sum is beyond f64 (no value, never an infinity); the
        // mean is 1.7e308 itself, taken as 3 * (1.7e308 / 3)
        let v = [1.7e308, 1.7e308, 1.7e308];
        assert_eq!(aggregate_checked(TimeAggregation::Sum, &v, &[], &[]), Err(NoValue::TooLarge));
        let mean = aggregate_checked(TimeAggregation::Mean, &v, &[], &[]).unwrap();
        assert!((mean - 1.7e308).abs() <= 1.7e308 * 1e-15, "{mean}");
        // max + max - max: an overflow on the way, a sum that fits
        assert_eq!(aggregate(TimeAggregation::Sum, &[max, max, -max], &[], &[]), Some(max));
        // max and -max: sum 0, mean 0
        assert_eq!(aggregate(TimeAggregation::Sum, &[max, -max], &[], &[]), Some(0.0));
        assert_eq!(aggregate(TimeAggregation::Mean, &[max, -max], &[], &[]), Some(0.0));
        // ratio of sums over numerators of max and max, denominators of max and max: 1
        let r = aggregate_checked(TimeAggregation::RatioOfSums, &[1.0, 1.0], &[max, max], &[max, max]);
        assert_eq!(r, Ok(1.0));
        // a quotient beyond f64 (max / 0.5): no value
        let r = aggregate_checked(TimeAggregation::RatioOfSums, &[1.0], &[max], &[0.5]);
        assert_eq!(r, Err(NoValue::TooLarge));
        // min, max and last never overflow
        assert_eq!(aggregate(TimeAggregation::Max, &[max, -max], &[], &[]), Some(max));
        assert_eq!(aggregate(TimeAggregation::Last, &[max, -max], &[], &[]), Some(-max));
    }

    #[test]
    fn nothing_present_is_no_value() {
        for m in [
            TimeAggregation::Sum,
            TimeAggregation::Mean,
            TimeAggregation::Last,
            TimeAggregation::Min,
            TimeAggregation::Max,
            TimeAggregation::RatioOfSums,
        ] {
            assert_eq!(aggregate(m, &[NAN, NAN], &[NAN, NAN], &[NAN, NAN]), None, "{m:?}");
        }
    }
}
