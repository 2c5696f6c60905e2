//! Escaping of every workspace string before it enters HTML or SVG.
//!
//! One rule serves HTML text, HTML attributes and SVG/XML text and attributes: the five
//! characters `& < > " '` become entities, and characters that XML 1.0 forbids (C0 controls
//! other than tab, line feed and carriage return, and U+FFFE/U+FFFF) become U+FFFD, so that
//! an SVG fragment stays well-formed XML whatever a name contains. Ids that go into `id`
//! attributes and URL fragments are additionally *sanitised* by [`anchor_id`], an injective
//! encoding into `[A-Za-z0-9_.-]`.
//!
//! Bidirectional text is *isolated*: a string that holds a bidi control (U+202E RIGHT-TO-LEFT
//! OVERRIDE...) or a right-to-left letter is wrapped in FIRST STRONG ISOLATE (U+2068) ...
//! POP DIRECTIONAL ISOLATE (U+2069), its own unmatched isolates closed and its stray PDIs
//! dropped, so that it can reorder only itself: an override in a name can no longer
//! reverse the text after it (`31` shown as `13`). The isolate characters work the same in
//! HTML text and attributes, SVG text and `<title>`s, with no markup; strings without
//! bidirectional content are unchanged.

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
    let isolate = s.chars().any(is_bidi);
    if isolate {
        out.push(FSI);
    }
    // Isolate initiators of `s` still open; a PDI with none open would close ours: dropped.
    let mut open = 0usize;
    for c in s.chars() {
        match c {
            LRI | RLI | FSI => {
                open += 1;
                out.push(c);
            }
            PDI if open == 0 => {}
            PDI => {
                open -= 1;
                out.push(c);
            }
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
    if isolate {
        out.extend(std::iter::repeat_n(PDI, open + 1));
    }
    out
}

const LRI: char = '\u{2066}';
const RLI: char = '\u{2067}';
const FSI: char = '\u{2068}';
const PDI: char = '\u{2069}';

/// A bidi control (ALM, LRM, RLM, LRE...RLO, LRI...PDI) or a letter of a right-to-left
/// script (Hebrew, Arabic, Syriac, Thaana, NKo, Samaritan..., their presentation forms,
/// and the right-to-left blocks of the supplementary planes).
pub fn is_bidi(c: char) -> bool {
    matches!(c,
        '\u{061c}' | '\u{200e}' | '\u{200f}' | '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}'
        | '\u{0590}'..='\u{08ff}' | '\u{fb1d}'..='\u{fdff}' | '\u{fe70}'..='\u{feff}'
        | '\u{10800}'..='\u{10fff}' | '\u{1e800}'..='\u{1efff}')
}

/// `s` for a terminal: control characters (C0 but tab and line feed, DEL, C1) and bidi
/// controls are written as Rust escapes (`\u{1b}`, `\u{202e}`), as error messages print
/// them, so that a name cannot move the cursor, clear the screen, set the window title or
/// reverse the line.
///
/// ```
/// use pilotage::report::escape::terminal;
/// assert_eq!(terminal("a\u{1b}]0;pwned\u{7}b \u{202e}c\n"), "a\\u{1b}]0;pwned\\u{7}b \\u{202e}c\n");
/// ```
pub fn terminal(s: &str) -> String {
    escape_with(s, |c, out| out.extend(c.escape_unicode()))
}

/// [`terminal`] for JSON text: the same characters as JSON escapes (`\u202e`), so that the
/// output stays valid JSON (they can only occur inside strings).
pub fn terminal_json(s: &str) -> String {
    escape_with(s, |c, out| {
        let mut units = [0u16; 2];
        for u in c.encode_utf16(&mut units) {
            let _ = write!(out, "\\u{u:04x}");
        }
    })
}

fn escape_with(s: &str, write: impl Fn(char, &mut String)) -> String {
    let unsafe_char = |c: char| {
        (c.is_control() && c != '\n' && c != '\t')
            || matches!(c,
            '\u{061c}' | '\u{200e}' | '\u{200f}' | '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}')
    };
    if !s.chars().any(unsafe_char) {
        return s.to_string();
    }
    let mut out = String::with_capacity(s.len() + 16);
    for c in s.chars() {
        if unsafe_char(c) { write(c, &mut out) } else { out.push(c) }
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
