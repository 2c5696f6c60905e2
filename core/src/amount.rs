//! Exact reading of amounts: `rust_decimal` rounds a decimal string with more digits than it
//! can hold (`"0.123456789012345678901234567890123"` becomes `0.1234567890123456789012345679`);
//! an amount must keep every digit through a load and a save, so such a string is refused
//! (a problem with its path) instead of rounded. Strings and JSON numbers are accepted, as
//! before; numbers pass through `f64` and are best written as strings.

use std::fmt;

use rust_decimal::Decimal;
use serde::Deserializer;
use serde::de::{self, Visitor};

struct Exact;

impl Visitor<'_> for Exact {
    type Value = Decimal;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("an amount: a decimal string such as \"1250000.00\" (or a number)")
    }

    fn visit_str<E: de::Error>(self, s: &str) -> Result<Decimal, E> {
        match Decimal::from_str_exact(s) {
            Ok(d) => Ok(d),
            Err(rust_decimal::Error::Underflow) => Err(E::custom(format!(
                "the amount {s:?} has more digits than an amount can hold (28 significant digits): \
                 it would be rounded"
            ))),
            Err(_) if s.contains(['e', 'E']) => Decimal::from_scientific(s)
                .map_err(|_| E::custom(format!("the amount {s:?} is beyond the range of amounts"))),
            Err(_) => Err(E::custom(format!(
                "{s:?} is not an amount (or is beyond the range of amounts, \
                 at most 79228162514264337593543950335)"
            ))),
        }
    }

    fn visit_i64<E: de::Error>(self, v: i64) -> Result<Decimal, E> {
        Ok(Decimal::from(v))
    }

    fn visit_u64<E: de::Error>(self, v: u64) -> Result<Decimal, E> {
        Ok(Decimal::from(v))
    }

    fn visit_f64<E: de::Error>(self, v: f64) -> Result<Decimal, E> {
        // The shortest text that reads back as `v`, read exactly (as rust_decimal does).
        let text = v.to_string();
        Decimal::from_str_exact(&text)
            .map_err(|_| E::custom(format!("the amount {v} is beyond the range of amounts")))
    }
}

struct ExactOpt;

impl<'de> Visitor<'de> for ExactOpt {
    type Value = Option<Decimal>;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("an amount or null")
    }

    fn visit_none<E: de::Error>(self) -> Result<Option<Decimal>, E> {
        Ok(None)
    }

    fn visit_unit<E: de::Error>(self) -> Result<Option<Decimal>, E> {
        Ok(None)
    }

    fn visit_some<D: Deserializer<'de>>(self, d: D) -> Result<Option<Decimal>, D::Error> {
        exact(d).map(Some)
    }
}

/// Deserialize an amount exactly (for `#[serde(deserialize_with)]`).
pub(crate) fn exact<'de, D: Deserializer<'de>>(d: D) -> Result<Decimal, D::Error> {
    d.deserialize_any(Exact)
}

/// Deserialize an optional amount exactly (for `#[serde(deserialize_with)]`).
pub(crate) fn exact_opt<'de, D: Deserializer<'de>>(d: D) -> Result<Option<Decimal>, D::Error> {
    d.deserialize_option(ExactOpt)
}
