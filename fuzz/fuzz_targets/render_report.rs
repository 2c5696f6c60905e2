//! Arbitrary report views, as JSON text, through the HTML report and every SVG picture.
//!
//! The input is the JSON of a `report::ReportView` (seeds: the report fixture and small
//! views). Before decoding, a marker holding every markup character (`<zq"zq'zq&zq>`) is put
//! at the start of every free-text string of the view (names, ids, titles, units, the words
//! of a node's result; not the typed strings: statuses, trends, signs, kinds, periods, dates,
//! amounts), so
//! that a string that reaches the output unescaped shows itself.
//!
//! Invariants, for both locales: `html` and each SVG function never panic; the output is
//! well-formed for the renderers' own tag set (every tag known, every opened tag closed in
//! order, attribute values quoted, no `<` or `>` outside tags, every `&` starts an entity,
//! `<style>` holds only the constant style sheet); coordinates and lengths are finite
//! numbers; and no marker appears raw (`<zq`, `zq"`, `zq'`, `zq>` or `&zq`).

#![no_main]

use libfuzzer_sys::fuzz_target;
use pilotage::report::{self, ReportView};

use pilotage::locale::Locale;
use serde_json::Value;

const MARKER: &str = "<zq\"zq'zq&zq>";

/// Keys whose string values are typed (enums, periods, dates, amounts), not free text
/// (`kind`: a partner's or a node's kind; `definition`: the leverage definition; `start`,
/// `stop`: lead-time milestones; `scoring`, `direction`: tagged values of a node's result).
const TYPED: &[&str] = &[
    "status",
    "trend",
    "sign",
    "period",
    "generated_on",
    "pledged",
    "signed",
    "received",
    "numerator",
    "denominator",
    "amount",
    "kind",
    "definition",
    "as_of",
    "start",
    "stop",
    "scoring",
    "direction",
];

fn mark(v: &mut Value) {
    match v {
        Value::String(s) => s.insert_str(0, MARKER),
        Value::Array(items) => items.iter_mut().for_each(mark),
        Value::Object(map) => {
            for (k, v) in map.iter_mut() {
                if !TYPED.contains(&k.as_str()) {
                    mark(v);
                }
            }
        }
        _ => {}
    }
}

/// Elements the renderers write, and which of them have no end tag in HTML.
const TAGS: &[&str] = &[
    "html", "head", "meta", "title", "style", "body", "main", "header", "nav", "section", "h1", "h2", "h3",
    "h4", "p", "a", "b", "span", "div", "table", "thead", "tbody", "tr", "th", "td", "ul", "li", "figure",
    "article", "svg", "desc", "defs", "marker", "path", "rect", "circle", "line", "text",
];
const VOID: &[&str] = &["meta"];
/// Attributes that hold numbers (lists of numbers for `viewBox`, path data for `d`).
const NUMERIC: &[&str] = &["x", "y", "x1", "y1", "x2", "y2", "cx", "cy", "r", "rx", "ry", "viewBox", "d"];

fn check_entity(s: &str, at: usize) -> Result<usize, String> {
    let rest = s.get(at..).unwrap_or("");
    let end = rest.find(';').filter(|&e| e <= 10).ok_or_else(|| format!("bare & at {at}"))?;
    let name = &rest[1..end];
    let ok = matches!(name, "amp" | "lt" | "gt" | "quot" | "nbsp")
        || name.strip_prefix('#').is_some_and(|n| !n.is_empty() && n.bytes().all(|b| b.is_ascii_digit()));
    if ok { Ok(at + end + 1) } else { Err(format!("unknown entity &{name}; at {at}")) }
}

fn check_text(s: &str, from: usize, to: usize) -> Result<(), String> {
    let mut i = from;
    while i < to {
        match s.as_bytes()[i] {
            b'&' => i = check_entity(s, i)?,
            b'>' => return Err(format!("raw > in text at {i}")),
            _ => i += 1,
        }
    }
    Ok(())
}

fn check_number_list(name: &str, value: &str) -> Result<(), String> {
    let tokens =
        value.split(|c: char| c.is_whitespace() || c == ',' || (name == "d" && c.is_ascii_alphabetic()));
    for t in tokens.filter(|t| !t.is_empty()) {
        let t = t.strip_suffix('%').unwrap_or(t);
        if !t.parse::<f64>().is_ok_and(f64::is_finite) || t.contains(['N', 'n', 'i', 'I', 'e', 'E']) {
            return Err(format!("attribute {name}=\"{value}\" holds {t:?}"));
        }
    }
    Ok(())
}

/// Parses the tags of `s` from `i` (just after `<`); returns (name, closing, self-closing, end).
fn parse_tag(s: &str, mut i: usize) -> Result<(String, bool, bool, usize), String> {
    let b = s.as_bytes();
    let closing = b.get(i) == Some(&b'/');
    if closing {
        i += 1;
    }
    let start = i;
    while b.get(i).is_some_and(|c| c.is_ascii_alphanumeric()) {
        i += 1;
    }
    let name = s[start..i].to_string();
    if !TAGS.contains(&name.as_str()) {
        return Err(format!("unknown tag <{}{name}> at {start}", if closing { "/" } else { "" }));
    }
    loop {
        while b.get(i).is_some_and(|c| c.is_ascii_whitespace()) {
            i += 1;
        }
        match b.get(i) {
            Some(b'>') => return Ok((name, closing, false, i + 1)),
            Some(b'/') if !closing && b.get(i + 1) == Some(&b'>') => return Ok((name, closing, true, i + 2)),
            Some(c) if !closing && (c.is_ascii_alphabetic()) => {
                let a = i;
                while b.get(i).is_some_and(|c| c.is_ascii_alphanumeric() || *c == b'-' || *c == b':') {
                    i += 1;
                }
                let attr = &s[a..i];
                if b.get(i) != Some(&b'=') || b.get(i + 1) != Some(&b'"') {
                    return Err(format!("attribute {attr} of <{name}> at {a} is not ={{quoted}}"));
                }
                let v = i + 2;
                let end = s[v..].find('"').map(|e| v + e).ok_or_else(|| format!("unclosed {attr} at {a}"))?;
                let value = &s[v..end];
                if value.contains('<') || value.contains('>') {
                    return Err(format!("markup in {attr}=\"{value}\" at {a}"));
                }
                let mut k = v;
                while let Some(amp) = s[k..end].find('&') {
                    k = check_entity(s, k + amp)?;
                }
                if NUMERIC.contains(&attr) || (["width", "height"].contains(&attr) && name != "img") {
                    check_number_list(attr, value)?;
                }
                i = end + 1;
            }
            _ => return Err(format!("unexpected byte in <{name}> at {i}")),
        }
    }
}

/// Checks that `s` is well-formed for the renderers' tag set.
fn well_formed(s: &str, css: Option<&str>) -> Result<(), String> {
    let mut stack: Vec<String> = Vec::new();
    let mut i = 0;
    if let Some(rest) = s.strip_prefix("<!DOCTYPE html>") {
        i = s.len() - rest.len();
    }
    while i < s.len() {
        let next = s[i..].find('<').map_or(s.len(), |k| i + k);
        check_text(s, i, next)?;
        if next == s.len() {
            break;
        }
        let (name, closing, self_closing, end) = parse_tag(s, next + 1)?;
        i = end;
        if closing {
            match stack.pop() {
                Some(open) if open == name => {}
                other => return Err(format!("</{name}> at {next} closes {other:?}")),
            }
        } else if name == "style" {
            let close = s[i..].find("</style>").map(|k| i + k).ok_or("unclosed <style>")?;
            if css.is_some_and(|c| !s[i..close].contains(c)) || s[i..close].contains('<') {
                return Err("the style sheet is not the constant one".into());
            }
            i = close + "</style>".len();
        } else if !self_closing && !VOID.contains(&name.as_str()) {
            stack.push(name);
        }
    }
    if stack.is_empty() { Ok(()) } else { Err(format!("unclosed tags {stack:?}")) }
}

fn no_raw_marker(what: &str, out: &str) {
    for raw in ["<zq", "zq\"", "zq'", "zq>", "&zq"] {
        assert!(!out.contains(raw), "{what}: the input string {raw:?} reached the output unescaped");
    }
}

fn check(what: &str, out: &str, svg: bool) {
    if svg {
        assert!(out.starts_with("<svg") && out.ends_with("</svg>"), "{what}: not one SVG document");
    }
    let result = well_formed(out, if svg { None } else { Some("box-sizing:border-box") });
    let context = |e: &String| {
        let at = e.split(' ').filter_map(|w| w.parse::<usize>().ok()).next_back().unwrap_or(0);
        let lo = out.floor_char_boundary(at.saturating_sub(120));
        let hi = out.ceil_char_boundary((at + 120).min(out.len()));
        out[lo..hi].to_string()
    };
    assert!(
        result.is_ok(),
        "{what}: {result:?}\n...{}...",
        result.as_ref().err().map(context).unwrap_or_default()
    );
    no_raw_marker(what, out);
}

fuzz_target!(|data: &[u8]| {
    let Ok(mut value) = serde_json::from_slice::<Value>(data) else {
        return;
    };
    mark(&mut value);
    let Ok(view) = serde_json::from_value::<ReportView>(value) else {
        return;
    };
    for locale in [Locale::Fr, Locale::En] {
        check("html", &report::html(&view, locale), false);
        check("overview_svg", &report::overview_svg(&view.overview, locale), true);
        let table = report::overview_html(&view.overview, locale);
        let result = well_formed(&table, None);
        assert!(result.is_ok(), "overview_html: {result:?}");
        no_raw_marker("overview_html", &table);
        check("strategy_map_svg", &report::strategy_map_svg(&view.strategy_map, locale), true);
        for card in &view.cards {
            check("indicator_card_svg", &report::indicator_card_svg(card, locale), true);
        }
        if let Some(p) = &view.portfolio {
            check("portfolio_svg", &report::portfolio_svg(p, locale), true);
        }
        if let Some(p) = &view.partnership {
            check("partnership_svg", &report::partnership_svg(p, locale), true);
        }
    }
});
