//! Escaping of every workspace string before it enters HTML or SVG.
//!
//! One rule serves HTML text, HTML attributes and SVG/XML text and attributes: the five
//! characters `& < > " '` become entities, and characters that XML 1.0 forbids (C0 controls
//! other than tab, line feed and carriage return, and U+FFFE/U+FFFF) become U+FFFD, so that
//! an SVG fragment stays well-formed XML whatever a name contains. Ids that go into `id`
//! attributes and URL fragments are additionally *sanitised* by [`anchor_id`], an injective
//! encoding into `[A-Za-z0-9_.-]`.

use std::fmt::Write as _;

/// Escapes `s` for HTML text, HTML attribute values (quoted with `"` or `'`) and SVG/XML
/// text or attributes.
///
/// ```
/// use pilotage::report::escape::escape;
/// assert_eq!(escape("<b>\"R&D\"</b> l'été"), "&lt;b&gt;&quot;R&amp;D&quot;&lt;/b&gt; l&#39;été");
/// ```
pub fn escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + s.len() / 8);
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            '\t' | '\n' | '\r' => out.push(c),
            c if (c as u32) < 0x20 || c == '\u{7f}' || c == '\u{fffe}' || c == '\u{ffff}' => {
                out.push('\u{fffd}')
            }
            c => out.push(c),
        }
    }
    out
}

/// Escapes `s` for HTML text content (same rule as [`escape`]).
pub fn text(s: &str) -> String {
    escape(s)
}

/// Escapes `s` for a quoted HTML or SVG attribute value (same rule as [`escape`]).
pub fn attr(s: &str) -> String {
    escape(s)
}

/// The `id` attribute (and `#fragment`) of the explanation anchor of node `id`:
/// `node-` followed by `id` with every byte outside `[A-Za-z0-9_-]` written as `.XX`
/// (upper-case hex of the UTF-8 byte). The encoding is injective (`.` itself is encoded),
/// deterministic, and needs no further escaping in an attribute or a URL.
///
/// ```
/// use pilotage::report::escape::anchor_id;
/// assert_eq!(anchor_id("obj-1"), "node-obj-1");
/// assert_eq!(anchor_id("a b.é"), "node-a.20b.2E.C3.A9");
/// ```
pub fn anchor_id(id: &str) -> String {
    let mut out = String::with_capacity(5 + id.len());
    out.push_str("node-");
    for b in id.bytes() {
        if b.is_ascii_alphanumeric() || b == b'_' || b == b'-' {
            out.push(char::from(b));
        } else {
            let _ = write!(out, ".{b:02X}");
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn script_and_attribute_breakouts_are_neutralised() {
        let cases = [
            ("<script>alert(1)</script>", "&lt;script&gt;alert(1)&lt;/script&gt;"),
            ("\"><img src=x onerror=alert(1)>", "&quot;&gt;&lt;img src=x onerror=alert(1)&gt;"),
            ("]]>", "]]&gt;"),
            ("'single' & \"double\"", "&#39;single&#39; &amp; &quot;double&quot;"),
            ("&amp;", "&amp;amp;"),
            ("Cœur de ville — 15 000 €", "Cœur de ville — 15 000 €"),
        ];
        for (input, expected) in cases {
            let got = escape(input);
            assert_eq!(got, expected, "{input}");
            assert!(!got.contains('<') && !got.contains('>') && !got.contains('"') && !got.contains('\''));
        }
    }

    #[test]
    fn xml_forbidden_controls_become_replacement_characters() {
        assert_eq!(escape("a\u{0}b\u{1b}c\td\ne"), "a\u{fffd}b\u{fffd}c\td\ne");
    }

    #[test]
    fn anchor_ids_are_safe_and_injective() {
        assert_eq!(anchor_id("\"><script>"), "node-.22.3E.3Cscript.3E");
        assert_eq!(anchor_id(""), "node-");
        // "a.2E" and "a." must differ: '.' is itself encoded.
        assert_eq!(anchor_id("a."), "node-a.2E");
        assert_eq!(anchor_id("a.2E"), "node-a.2E2E");
        assert_ne!(anchor_id("a."), anchor_id("a.2E"));
    }

    proptest::proptest! {
        #[test]
        fn escaped_text_has_no_markup_characters(s in ".*") {
            let e = escape(&s);
            proptest::prop_assert!(!e.contains('<') && !e.contains('>') && !e.contains('"') && !e.contains('\''));
            // Every '&' starts one of the five entities we write.
            for (i, _) in e.match_indices('&') {
                let rest = &e[i..];
                proptest::prop_assert!(["&amp;", "&lt;", "&gt;", "&quot;", "&#39;"].iter().any(|p| rest.starts_with(p)));
            }
        }

        #[test]
        fn anchor_ids_use_a_safe_alphabet(s in ".*") {
            let a = anchor_id(&s);
            proptest::prop_assert!(a.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'_' || b == b'-' || b == b'.'));
        }
    }
}
