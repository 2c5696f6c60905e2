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
    let msg = match msg.rfind(" at line ") {
        Some(i) => &msg[..i],
        None => &msg,
    };
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

/// `text` with every `struct Name` and `enum Name` said in words, and serde's phrases in
/// the file's.
fn plain(text: &str) -> String {
    let mut text = text.to_string();
    // a struct decoded from a list: serde complains of its length; say it is not an object
    if text.starts_with("invalid length ") && text.ends_with(" elements") {
        if let (Some(i), Some(j)) = (text.find(", expected "), text.rfind(" with ")) {
            if i < j {
                text = format!("invalid type: sequence{}", &text[i..j]);
            }
        }
    }
    for (serde, file) in PHRASES {
        let mut from = 0;
        while let Some(i) = text[from..].find(serde).map(|i| from + i) {
            let end = i + serde.len();
            if text[end..].starts_with(|c: char| c.is_ascii_alphanumeric() || c == '_') {
                from = end;
                continue;
            }
            text.replace_range(i..end, file);
            from = i + file.len();
        }
    }
    let text = text.as_str();
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some((before, kind, name, after)) = next_type(rest) {
        out.push_str(before);
        let words = words(name);
        if kind != "enum" {
            out.push_str(&format!("an object ({} {words})", article(&words)));
        } else {
            out.push_str(&format!("{} {words} name", article(&words)));
        }
        rest = after;
    }
    out.push_str(rest);
    out
}

/// The first `struct Name`, `enum Name` or `struct variant Enum::Name` (Name starting with a
/// capital) in `text`: what is
/// before it, the keyword, the name and what follows.
fn next_type(text: &str) -> Option<(&str, &'static str, &str, &str)> {
    let mut from = 0;
    loop {
        let (i, kind) = ["struct variant ", "tuple variant ", "struct ", "enum "]
            .iter()
            .filter_map(|k| text[from..].find(k).map(|i| (from + i, *k)))
            .min_by_key(|(i, _)| *i)?;
        let start = i + kind.len();
        let end = text[start..]
            .find(|c: char| !c.is_ascii_alphanumeric() && c != ':')
            .map_or(text.len(), |j| start + j);
        // a variant is named `Enum::Variant`: the variant says what is expected
        let name = text[start..end].rsplit("::").next().unwrap_or_default();
        let word_start = i == 0 || !text[..i].ends_with(|c: char| c.is_ascii_alphanumeric());
        if word_start && name.starts_with(|c: char| c.is_ascii_uppercase()) {
            return Some((&text[..i], kind.trim_end(), name, &text[end..]));
        }
        from = start;
    }
}

/// `CommitmentStep` as `commitment step`.
fn words(name: &str) -> String {
    let mut out = String::with_capacity(name.len() + 4);
    for (i, c) in name.chars().enumerate() {
        if c.is_ascii_uppercase() {
            if i > 0 {
                out.push(' ');
            }
            out.push(c.to_ascii_lowercase());
        } else {
            out.push(c);
        }
    }
    out
}

fn article(words: &str) -> &'static str {
    if words.starts_with(['a', 'e', 'i', 'o', 'u']) { "an" } else { "a" }
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
