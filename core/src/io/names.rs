//! Enum values given by name (the bindings' `leverage="total_over_own"`, `caseload=...`,
//! `frequency=...`): read by serde as the file reads them, refused with the list of the valid
//! names, never with serde's wording about Rust types.

use serde::de::{self, DeserializeOwned, Visitor};

/// The names a unit-variant enum is read from (its serde names), found by asking the type's
/// own `Deserialize`: empty for a type that is not such an enum.
///
/// ```
/// use pilotage::io::names::variant_names;
/// assert_eq!(variant_names::<pilotage::Frequency>(), ["monthly", "quarterly", "yearly"]);
/// assert!(variant_names::<String>().is_empty());
/// ```
pub fn variant_names<T: DeserializeOwned>() -> &'static [&'static str] {
    match T::deserialize(VariantCatcher) {
        Err(Caught(variants)) => variants,
        Ok(_) => &[],
    }
}

/// A value of `T` from its name, or a message naming every valid name.
///
/// ```
/// use pilotage::io::names::parse_name;
/// use pilotage::analytics::partnership::LeverageDefinition;
/// assert_eq!(parse_name::<LeverageDefinition>("total_over_own"), Ok(LeverageDefinition::TotalOverOwn));
/// assert_eq!(
///     parse_name::<pilotage::Frequency>("weekly").unwrap_err(),
///     "\"weekly\" is not one of monthly, quarterly, yearly"
/// );
/// ```
pub fn parse_name<T: DeserializeOwned>(name: &str) -> Result<T, String> {
    serde_json::from_value::<T>(serde_json::Value::String(name.to_string())).map_err(|e| {
        let names = variant_names::<T>();
        if names.is_empty() { e.to_string() } else { format!("{name:?} is not one of {}", names.join(", ")) }
    })
}

/// The "error" that carries the variant names out of `deserialize_enum`.
#[derive(Debug)]
struct Caught(&'static [&'static str]);

impl std::fmt::Display for Caught {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("not an enum")
    }
}

impl std::error::Error for Caught {}

impl de::Error for Caught {
    fn custom<M: std::fmt::Display>(_: M) -> Self {
        Caught(&[])
    }
}

/// A deserializer that reads nothing: `deserialize_enum` reports the variant names, every
/// other request fails.
struct VariantCatcher;

impl<'de> de::Deserializer<'de> for VariantCatcher {
    type Error = Caught;

    fn deserialize_any<V: Visitor<'de>>(self, _: V) -> Result<V::Value, Caught> {
        Err(Caught(&[]))
    }

    fn deserialize_enum<V: Visitor<'de>>(
        self,
        _name: &'static str,
        variants: &'static [&'static str],
        _: V,
    ) -> Result<V::Value, Caught> {
        Err(Caught(variants))
    }

    serde::forward_to_deserialize_any! {
        bool i8 i16 i32 i64 i128 u8 u16 u32 u64 u128 f32 f64 char str string bytes byte_buf
        option unit unit_struct newtype_struct seq tuple tuple_struct map struct identifier
        ignored_any
    }
}

/// The scoring methods by name (`"ratio_to_target"`), as the file's `"method"` tag spells them.
pub const SCORING_METHODS: [&str; 7] = [
    "linear_progress",
    "ratio_to_target",
    "goal_red_flag",
    "band",
    "min_max",
    "status_rules",
    "expected_progress",
];

/// A scoring method given by its name alone: the method with its default parameters, or a
/// message listing the methods (or naming the parameters the method needs).
///
/// ```
/// use pilotage::io::names::scoring_by_name;
/// assert!(scoring_by_name("ratio_to_target").is_ok());
/// assert!(scoring_by_name("ratio").unwrap_err().starts_with("\"ratio\" is not one of linear_progress, "));
/// assert!(scoring_by_name("goal_red_flag").unwrap_err().contains("red_flag"));
/// ```
pub fn scoring_by_name(name: &str) -> Result<crate::ScoringMethod, String> {
    if !SCORING_METHODS.contains(&name) {
        return Err(format!("{name:?} is not one of {}", SCORING_METHODS.join(", ")));
    }
    serde_json::from_value(serde_json::json!({ "method": name })).map_err(|e| {
        format!("the method {name:?} needs parameters: give it as a dict/object ({{\"method\": \"{name}\", ...}}): {e}")
    })
}
