//! Arbitrary text through `expression::Expr::parse`.
//!
//! Input layout: the formula, then optionally a NUL byte followed by 8-byte little-endian
//! values that the lookup hands out (the id's hash picks one; a NaN value stands for a
//! missing input, an infinite one for the largest finite number). Without values every id
//! is worth its length, so plain-text seeds work as they are.
//!
//! Invariants when the formula parses: evaluation never gives a non-finite `Ok`; the printed
//! formula, when within the length limit, re-parses to the same tree (so it evaluates to the
//! same result) and names the same references.

#![no_main]

use libfuzzer_sys::fuzz_target;
use pilotage::engine::expression::{Expr, MAX_LEN};

fn lookup_from(values: &[f64]) -> impl Fn(&str) -> Option<f64> + '_ {
    move |id: &str| {
        if values.is_empty() {
            return Some(id.len() as f64);
        }
        let hash = id.bytes().fold(0usize, |h, b| h.wrapping_mul(31).wrapping_add(b as usize));
        let v = values[hash % values.len()];
        if v.is_nan() {
            None
        } else if v.is_infinite() {
            Some(f64::MAX.copysign(v))
        } else {
            Some(v)
        }
    }
}

fuzz_target!(|data: &[u8]| {
    let (text, tail) = match data.iter().position(|&b| b == 0) {
        Some(i) => (&data[..i], &data[i + 1..]),
        None => (data, &[][..]),
    };
    let Ok(text) = std::str::from_utf8(text) else {
        return;
    };
    let values: Vec<f64> = tail
        .chunks_exact(8)
        .map(|c| f64::from_le_bytes([c[0], c[1], c[2], c[3], c[4], c[5], c[6], c[7]]))
        .collect();
    let lookup = lookup_from(&values);

    let expr = match Expr::parse(text) {
        Ok(e) => e,
        Err(e) => {
            assert!(e.position >= 1, "positions are 1-based: {e}");
            return;
        }
    };
    let value = expr.eval(&lookup);
    if let Ok(v) = value {
        assert!(v.is_finite(), "{text:?} evaluated to {v}");
    }
    let _ = expr.substituted(&lookup);

    let printed = expr.to_string();
    if printed.chars().count() <= MAX_LEN {
        let again = Expr::parse(&printed);
        assert_eq!(again.as_ref(), Ok(&expr), "{text:?} printed as {printed:?}");
        if let Ok(again) = again {
            assert_eq!(again.eval(&lookup), value);
            assert_eq!(again.references(), expr.references());
        }
    }
});
