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

use crate::indicator::TimeAggregation;

/// Aggregate a window. `values` holds the values (NaN when absent); `numerators` and
/// `denominators` are read only for [`TimeAggregation::RatioOfSums`] and must then be as
/// long as `values` (a shorter slice gives no value). Returns `None` when no measurement is
/// present or the denominators sum to zero.
pub fn aggregate(
    method: TimeAggregation,
    values: &[f64],
    numerators: &[f64],
    denominators: &[f64],
) -> Option<f64> {
    match method {
        TimeAggregation::RatioOfSums => {
            if numerators.len() < values.len() || denominators.len() < values.len() {
                return None;
            }
            let (mut n, mut d, mut any) = (0.0, 0.0, false);
            for (&x, &y) in numerators.iter().zip(denominators).take(values.len()) {
                if !x.is_nan() && !y.is_nan() {
                    n += x;
                    d += y;
                    any = true;
                }
            }
            (any && d != 0.0).then(|| n / d)
        }
        TimeAggregation::Last => values.iter().rev().copied().find(|x| !x.is_nan()),
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
                (0, _) => None,
                (n, TimeAggregation::Mean) => Some(acc / n as f64),
                _ => Some(acc),
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
