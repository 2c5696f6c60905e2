//! Reading amounts of money from JSON without losing a digit.
//!
//! Amounts are written as strings (`"15000000.00"`) and read back exactly. JSON numbers are
//! accepted too, but serde_json hands over every number that is not a 64-bit integer as an
//! `f64`, which keeps about 15 significant digits: `12345678901234567890123` would arrive as
//! `1.2345678901234568e22` and silently become another amount. So a number whose `f64` needs
//! more than 15 significant digits is refused with a message asking for a string, and a
//! value beyond `Decimal`'s range (about 7.9e28) is refused too. Strings may use an exponent
//! (`"1.5e6"`), as `rust_decimal` accepts.
//!
//! Adding amounts up is checked here too: [`sum`] gives `None` when a sum overflows
//! `Decimal` (about 7.9e28) instead of saturating at `Decimal::MAX`, which would print
//! `MAX - MAX` as `MAX` and a partner as 100 % of an overflowed total. The analytics keep such
//! a figure absent (`Option<Decimal>` = `None`), say why with [`OVERFLOW`] (in a result's
//! `overflow` field, in a metric's sentence), and `explain` gives the reason in French.

use std::fmt;

use rust_decimal::Decimal;
use serde::Deserializer;
use serde::de::{Error, Visitor};

/// Significant digits an `f64` carries exactly (DBL_DIG).
const F64_DIGITS: usize = 15;

/// Why a money figure is absent: a sum (or difference) of amounts overflows `Decimal`.
pub(crate) const OVERFLOW: &str =
    "the sum overflows the largest amount the library can hold (79228162514264337593543950335)";

/// `a + b` of two amounts, `None` when either is unknown or the sum overflows (never
/// saturated). Out of line: it is called from every sum of the analytics.
#[inline(never)]
pub(crate) fn sum(a: Option<Decimal>, b: Option<Decimal>) -> Option<Decimal> {
    a?.checked_add(b?)
}

/// [`OVERFLOW`] as a result's `overflow` field, when `overflowed`.
#[inline(never)]
pub(crate) fn overflow_note(overflowed: bool) -> Option<String> {
    overflowed.then(|| OVERFLOW.to_string())
}

struct AmountVisitor;

/// An amount written as text, by the file's rule (the one rule of every input path): an exact
/// decimal or scientific notation, at most 28 significant digits (never rounded), no `_`.
/// The error says why, in the file's words.
///
/// ```
/// use pilotage::model::parse_amount;
/// assert_eq!(parse_amount(" 12.50 ").unwrap().to_string(), "12.50");
/// assert_eq!(parse_amount("1e3").unwrap().to_string(), "1000");
/// assert!(parse_amount("1_000").unwrap_err().contains("\"_\" is not allowed"));
/// assert!(parse_amount("12,5").is_err());
/// ```
pub fn parse_amount(text: &str) -> Result<Decimal, String> {
    parse_text::<serde::de::value::Error>(text.trim()).map_err(|e| e.to_string())
}

fn parse_text<E: Error>(text: &str) -> Result<Decimal, E> {
    // rust_decimal skips `_` ("1_000_000" would load as a million): a digit separator is
    // not part of a number in a file, refuse it.
    if text.contains('_') {
        return Err(E::custom(format!(
            "{text:?} is not an amount: \"_\" is not allowed in a number (write 1000000, not 1_000_000)"
        )));
    }
    match Decimal::from_str_exact(text) {
        Ok(d) => Ok(d),
        // rust_decimal would round a string with more digits than it holds: refuse instead,
        // so that an amount keeps every digit through a load and a save.
        Err(rust_decimal::Error::Underflow) => Err(E::custom(format!(
            "the amount {text:?} has more digits than an amount can hold (28 significant digits): \
             it would be rounded"
        ))),
        Err(_) => Decimal::from_scientific(text).map_err(|_| {
            E::custom(format!(
                "{text:?} is not an amount: a decimal number with at most 28 significant digits \
                 and below 79228162514264337593543950336"
            ))
        }),
    }
}

/// Significant digits of an `f64` in its shortest round-trip form (`1.25e-7` has 3).
fn significant_digits(v: f64) -> usize {
    let text = format!("{:?}", v.abs());
    let mantissa = text.split(['e', 'E']).next().unwrap_or("");
    let digits: String = mantissa.chars().filter(char::is_ascii_digit).collect();
    digits.trim_start_matches('0').trim_end_matches('0').len()
}

impl Visitor<'_> for AmountVisitor {
    type Value = Decimal;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("an amount, as a string such as \"1250000.00\" or a number")
    }

    fn visit_str<E: Error>(self, v: &str) -> Result<Decimal, E> {
        parse_text(v.trim())
    }

    fn visit_u64<E: Error>(self, v: u64) -> Result<Decimal, E> {
        Ok(Decimal::from(v))
    }

    fn visit_i64<E: Error>(self, v: i64) -> Result<Decimal, E> {
        Ok(Decimal::from(v))
    }

    fn visit_f64<E: Error>(self, v: f64) -> Result<Decimal, E> {
        if !v.is_finite() {
            return Err(E::custom(format!("{v} is not an amount")));
        }
        if significant_digits(v) > F64_DIGITS {
            return Err(E::custom(format!(
                "the amount {v:?} has more significant digits than a JSON number keeps exactly: \
                 write it as a string (\"...\")"
            )));
        }
        parse_text(&format!("{v:?}"))
    }
}

/// Deserialize an amount (see the module docs).
pub(crate) fn amount<'de, D: Deserializer<'de>>(d: D) -> Result<Decimal, D::Error> {
    d.deserialize_any(AmountVisitor)
}

/// Deserialize an optional amount (`null` or absent is `None`).
pub(crate) fn optional_amount<'de, D: Deserializer<'de>>(d: D) -> Result<Option<Decimal>, D::Error> {
    struct OptionVisitor;
    impl<'de> Visitor<'de> for OptionVisitor {
        type Value = Option<Decimal>;
        fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
            f.write_str("an amount or null")
        }
        fn visit_none<E: Error>(self) -> Result<Self::Value, E> {
            Ok(None)
        }
        fn visit_unit<E: Error>(self) -> Result<Self::Value, E> {
            Ok(None)
        }
        fn visit_some<D: Deserializer<'de>>(self, d: D) -> Result<Self::Value, D::Error> {
            amount(d).map(Some)
        }
    }
    d.deserialize_option(OptionVisitor)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn read(json: &str) -> Result<Decimal, String> {
        let mut de = serde_json::Deserializer::from_str(json);
        amount(&mut de).map_err(|e| e.to_string())
    }

    #[test]
    fn strings_and_exact_numbers_are_read_exactly() {
        assert_eq!(read("\"1250000.00\"").unwrap().to_string(), "1250000.00");
        assert_eq!(read("\"1.5e6\"").unwrap(), Decimal::from(1_500_000));
        assert_eq!(read("1250000").unwrap(), Decimal::from(1_250_000));
        assert_eq!(read("-3").unwrap(), Decimal::from(-3));
        // 0.1 as a JSON number is the f64 nearest 0.1, whose shortest form is "0.1".
        assert_eq!(read("0.1").unwrap().to_string(), "0.1");
        // 15 significant digits survive an f64: 1234567890.12345.
        assert_eq!(read("1234567890.12345").unwrap().to_string(), "1234567890.12345");
        assert_eq!(read("1e23").unwrap().to_string(), "100000000000000000000000");
        // u64::MAX is an integer for serde_json: exact.
        assert_eq!(read("18446744073709551615").unwrap().to_string(), "18446744073709551615");
        assert_eq!(read("\"79228162514264337593543950335\"").unwrap(), Decimal::MAX);
    }

    #[test]
    fn numbers_that_lost_digits_or_overflow_are_refused() {
        // 23 digits arrive as 1.2345678901234568e22 (17 significant digits): refused.
        assert!(read("12345678901234567890123").unwrap_err().contains("write it as a string"));
        assert!(read("1234567890.123456789").unwrap_err().contains("write it as a string"));
        // Decimal::MAX as a number arrives as 7.922816251426434e28 (16 digits): refused.
        assert!(read("79228162514264337593543950335").is_err());
        // 1e29 has one digit but is beyond Decimal's range.
        assert!(read("1e29").unwrap_err().contains("is not an amount"));
        assert!(read("\"1e400\"").unwrap_err().contains("is not an amount"));
        assert!(read("\"79228162514264337593543950336\"").is_err());
        assert!(read("\"twelve\"").is_err());
        assert!(read("true").is_err());
    }

    #[test]
    fn significant_digits_of_shortest_forms() {
        assert_eq!(significant_digits(0.1), 1);
        assert_eq!(significant_digits(1.25e-7), 3);
        assert_eq!(significant_digits(1200.0), 2);
        assert_eq!(significant_digits(1.2345678901234568e22), 17);
    }
}
