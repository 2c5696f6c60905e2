//! serde's decode messages in the file's words. serde names the Rust type it expected
//! (`expected struct CommitmentStep`, `expected enum Polarity`); a user editing a file
//! knows records and names, not the library's types. [`message`] drops serde_json's
//! trailing position (the problem carries its own line and column) and rewrites
//! `struct CommitmentStep` as `an object (a commitment step)`, `enum Polarity` as
//! `a polarity name`, Rust's number types as numbers (`f64` is `a number`), serde's data
//! model as JSON's (`map` is an object, `sequence` a list) and a struct given as a list
//! (`invalid length 0, expected ... with 5 elements`) as the wrong type it is. The input
//! enums whose forms need saying (`Weight`, `IndicatorSource`, `ScoringMethod`) state them
//! with `#[serde(expecting = ...)]` instead. The file's decoder uses it, and so do the
//! bindings for the records and options they decode from a dict or an object.

/// The message of a serde_json error, without its position and without Rust type names.
pub fn message(err: &serde_json::Error) -> String {
    let msg = err.to_string();
    let msg = msg.rsplit_once(" at line ").map_or(msg.as_str(), |(m, _)| m);
    plain(msg)
}

/// serde's words and the file's, replaced whole (each left side is followed by the end of
/// the message, a comma or a space in serde's messages).
const PHRASES: [(&str, &str); 15] = [
    ("expected u8", "expected a whole number from 0 to 255"),
    ("expected u16", "expected a whole number from 0 to 65535"),
    ("expected f64", "expected a number"),
    ("expected f32", "expected a number"),
    ("expected u32", "expected a whole number from 0 to 4294967295"),
    ("expected u64", "expected a whole number from 0"),
    ("expected usize", "expected a whole number from 0"),
    ("expected i64", "expected a whole number"),
    ("expected i32", "expected a whole number"),
    ("expected variant identifier", "expected a name"),
    ("expected string or map", "expected a name or an object"),
    ("expected a sequence", "expected a list"),
    ("expected a map", "expected an object"),
    ("invalid type: map", "invalid type: object"),
    ("invalid type: sequence", "invalid type: list"),
];

/// The keywords before a type's name in serde's messages, longest first.
const TYPES: [&str; 4] = ["struct variant ", "tuple variant ", "struct ", "enum "];

fn word_byte(b: u8) -> bool {
    b.is_ascii_alphanumeric() || b == b'_'
}

/// `text` with every `struct Name` and `enum Name` said in words, and serde's phrases in
/// the file's; one pass, comparing at each word's start.
fn plain(text: &str) -> String {
    // a struct decoded from a list: serde complains of its length; say it is not an object
    let listed = text.strip_prefix("invalid length ").and_then(|t| t.strip_suffix(" elements"));
    let listed = listed.and_then(|t| Some(t.split_once(", expected ")?.1.rsplit_once(" with ")?.0));
    let text = &match listed {
        Some(expected) => format!("invalid type: sequence, expected {expected}"),
        None => text.to_string(),
    };
    let bytes = text.as_bytes();
    let mut out = String::with_capacity(text.len() + 16);
    let mut i = 0;
    while let Some(rest) = text.get(i..).filter(|r| !r.is_empty()) {
        if i == 0 || !word_byte(bytes[i - 1]) {
            let phrase = PHRASES.iter().find(|(serde, _)| {
                rest.starts_with(serde) && !rest.as_bytes().get(serde.len()).is_some_and(|b| word_byte(*b))
            });
            if let Some((serde, file)) = phrase {
                out.push_str(file);
                i += serde.len();
                continue;
            }
            if let Some(kind) = TYPES.iter().find(|k| rest.starts_with(**k)) {
                let name = &rest[kind.len()..];
                let len = name.bytes().take_while(|b| b.is_ascii_alphanumeric() || *b == b':').count();
                // a variant is named `Enum::Variant`: the variant says what is expected
                let name = name[..len].rsplit("::").next().unwrap_or_default();
                if name.starts_with(|c: char| c.is_ascii_uppercase()) {
                    let words = words(name);
                    let article = if words.starts_with(['a', 'e', 'i', 'o', 'u']) { "an " } else { "a " };
                    if *kind == "enum " {
                        out.extend([article, &words, " name"]);
                    } else {
                        out.extend(["an object (", article, &words, ")"]);
                    }
                    i += kind.len() + len;
                    continue;
                }
            }
        }
        let c = rest.chars().next().unwrap_or_default();
        out.push(c);
        i += c.len_utf8();
    }
    out
}

/// `CommitmentStep` as `commitment step`.
fn words(name: &str) -> String {
    let mut out = String::with_capacity(name.len() + 4);
    for c in name.chars() {
        if c.is_ascii_uppercase() && !out.is_empty() {
            out.push(' ');
        }
        out.push(c.to_ascii_lowercase());
    }
    out
}

#[cfg(test)]
mod tests {
    use super::plain;

    #[test]
    fn type_names_become_words() {
        assert_eq!(
            plain("invalid type: string \"zzz\", expected struct CommitmentStep"),
            "invalid type: string \"zzz\", expected an object (a commitment step)"
        );
        assert_eq!(
            plain("invalid type: integer `-7`, expected enum Polarity"),
            "invalid type: integer `-7`, expected a polarity name"
        );
        assert_eq!(plain("expected struct Indicator"), "expected an object (an indicator)");
        assert_eq!(
            plain("expected struct variant MissingPolicy::CarryForward"),
            "expected an object (a carry forward)"
        );
        // a value quoted from the file is left alone: only a capitalised type name is rewritten
        assert_eq!(plain("invalid type: string \"struct foo\""), "invalid type: string \"struct foo\"");
        assert_eq!(
            plain("unknown field `enumerate`, expected `id`"),
            "unknown field `enumerate`, expected `id`"
        );
        assert_eq!(plain(""), "");
    }

    #[test]
    fn serde_phrases_become_json_words() {
        assert_eq!(
            plain("invalid type: string \"zzz\", expected f64"),
            "invalid type: string \"zzz\", expected a number"
        );
        assert_eq!(
            plain("invalid value: integer `-7`, expected u32"),
            "invalid value: integer `-7`, expected a whole number from 0 to 4294967295"
        );
        assert_eq!(plain("invalid type: map, expected a sequence"), "invalid type: object, expected a list");
        assert_eq!(
            plain("invalid type: sequence, expected variant identifier"),
            "invalid type: list, expected a name"
        );
        assert_eq!(
            plain("invalid length 0, expected struct CommitmentStep with 3 elements"),
            "invalid type: list, expected an object (a commitment step)"
        );
        // only whole phrases: `expected u32x` is not `expected u32`
        assert_eq!(plain("expected u32x"), "expected u32x");
    }
}
