//! Property: a staff value suppressed by the minimum group size never appears in any output
//! (evaluations at every frequency, their JSON, every explanation, the headline figures, the
//! HTML report of `report::html_report` in both languages), nor does anything computed from it (a coarser period's sum or mean, a calculated
//! indicator).
//!
//! The readable values are small (1 to 10) and the suppressed ones huge (500000 to 999999),
//! so that any figure computed from a suppressed value has an integer part of at least
//! 10000 (a year's mean: 500000 / 12 > 41666), while every legitimate figure stays below
//! 10000 (values and sums at most 10 * 12 = 120, doubled 240; scores 0-100; years 2024-2025).
//! The check is then exact: no integer part (a run of digits not after a `.`) of 10000 or
//! more in any output. In the report, the text between tags is read with the digit-group
//! separators of both locales removed (`654 321,5`, `654,321.5`), and tags are skipped (SVG
//! coordinates are not figures).
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

mod common;

use common::*;
use pilotage::analytics::headline::{HeadlineOptions, headline};
use pilotage::explain::explain_in;
use pilotage::report::{ReportOptions, html_report};

use pilotage::locale::Locale;
use pilotage::{Status, Workspace, evaluate_range, explain};
use proptest::prelude::*;
use serde_json::json;

/// The integer parts of the numbers written in `text` that are 10000 or more.
fn big_integers(text: &str) -> Vec<String> {
    let mut out = Vec::new();
    let bytes = text.as_bytes();
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i].is_ascii_digit() {
            let start = i;
            while i < bytes.len() && bytes[i].is_ascii_digit() {
                i += 1;
            }
            let fractional = start > 0 && bytes[start - 1] == b'.';
            let digits = text[start..i].trim_start_matches('0');
            if !fractional && digits.len() >= 5 {
                out.push(text[start..i].to_string());
            }
        } else {
            i += 1;
        }
    }
    out
}

/// The text of an HTML document without its tags, digit groups joined: `6 543,5` (French,
/// with a space, a no-break space or a narrow no-break space) and `6,543.5` become `6543,5`
/// and `6543.5`.
fn report_text(html: &str, locale: Locale) -> String {
    // the style sheet is not text (its colours are hex digits)
    let html = match (html.find("<style>"), html.find("</style>")) {
        (Some(a), Some(b)) if a < b => format!("{}{}", &html[..a], &html[b..]),
        _ => html.to_string(),
    };
    let mut text = String::with_capacity(html.len());
    let mut in_tag = false;
    for c in html.chars() {
        match c {
            '<' => in_tag = true,
            '>' if in_tag => {
                in_tag = false;
                text.push(' ');
            }
            c if !in_tag => text.push(c),
            _ => {}
        }
    }
    let chars: Vec<char> = text.chars().collect();
    let mut out = String::with_capacity(text.len());
    for (i, &c) in chars.iter().enumerate() {
        // a separator between a digit and a group of exactly three digits (`T4 2025` is a
        // quarter, not 42025)
        let between_digits = i > 0
            && chars[i - 1].is_ascii_digit()
            && chars.get(i + 1..i + 4).is_some_and(|g| g.iter().all(char::is_ascii_digit))
            && !chars.get(i + 4).is_some_and(char::is_ascii_digit);
        // (in French the comma is the decimal separator: `71,575` is 71.575, not 71575)
        let group_comma = c == ',' && locale == Locale::En;
        if between_digits && (matches!(c, ' ' | '\u{a0}' | '\u{202f}') || group_comma) {
            continue;
        }
        out.push(c);
    }
    out
}

#[test]
fn report_text_joins_digit_groups_and_skips_tags() {
    assert_eq!(report_text("<td x=\"12345\">654\u{202f}321,5</td>", Locale::Fr), " 654321,5 ");
    assert_eq!(big_integers(&report_text("<p>654,321.5 and 7,5</p>", Locale::En)), vec!["654321"]);
    assert!(big_integers(&report_text("<p>71,575 et 7,5</p>", Locale::Fr)).is_empty());
    assert!(
        big_integers(&report_text("<style>a{color:#101828}</style><p>T4 2025</p>", Locale::Fr)).is_empty()
    );
}

#[test]
fn the_scanner_finds_integer_parts_only() {
    assert_eq!(big_integers("541666.5 and 3.14159265 and 9999 and 2025-Q4"), vec!["541666"]);
    assert_eq!(big_integers("\"value\":12345,\"x\":0.333333333"), vec!["12345"]);
    assert!(big_integers("00012 1e-5").is_empty());
}

/// One month: a readable value with its respondents, a suppressed one, or nothing.
#[derive(Debug, Clone, Copy)]
enum Month {
    Readable(f64, Option<u32>),
    Suppressed(f64),
    Missing,
}

fn month() -> impl Strategy<Value = Month> {
    prop_oneof![
        4 => (100u32..1000, prop::option::of(5u32..40)).prop_map(|(v, n)| Month::Readable(v as f64 / 100.0, n)),
        2 => (500_000_000u64..999_999_000).prop_map(|v| Month::Suppressed(v as f64 / 1000.0)),
        1 => Just(Month::Missing),
    ]
}

fn staff_workspace(months: &[Month], aggregation: &str) -> Workspace {
    let measurements: Vec<serde_json::Value> = months
        .iter()
        .enumerate()
        .filter_map(|(i, m)| {
            let period = format!("{}-{:02}", 2024 + i / 12, i % 12 + 1);
            match *m {
                Month::Readable(v, Some(n)) => {
                    Some(json!({ "period": period, "value": v, "respondents": n }))
                }
                Month::Readable(v, None) => Some(json!({ "period": period, "value": v })),
                // a team of 3 against a minimum of 5
                Month::Suppressed(v) => Some(json!({ "period": period, "value": v, "respondents": 3 })),
                Month::Missing => None,
            }
        })
        .collect();
    let staff = json!({
        "id": "staff", "name": "Staff survey", "frequency": "monthly", "aggregation": aggregation,
        "min_group_size": 5,
        "scoring": { "method": "min_max", "min": 0, "max": 10 },
        "measurements": measurements
    });
    let double = json!({
        "id": "double", "name": "Double", "frequency": "monthly", "aggregation": aggregation,
        "source": { "kind": "calculated", "expression": "2 * staff" },
        "scoring": { "method": "min_max", "min": 0, "max": 20 }
    });
    let other = simple("other", &[("2024-06", 5.0), ("2025-06", 7.0)]);
    workspace(
        json!([objective("o", &[("staff", 2.0), ("double", 1.0), ("other", 1.0)], json!({}))]),
        json!([staff, double, other]),
    )
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(48))]

    #[test]
    fn suppressed_staff_values_appear_in_no_output(
        months in prop::collection::vec(month(), 24),
        aggregation in prop_oneof![Just("mean"), Just("sum"), Just("last"), Just("min"), Just("max")],
    ) {
        let ws = staff_workspace(&months, aggregation);
        let mut outputs: Vec<(String, String)> = Vec::new();
        for (first, last) in [("2024-01", "2025-12"), ("2024-Q1", "2025-Q4"), ("2024", "2025")] {
            let all = evaluate_range(&ws, p(first), p(last)).unwrap();
            for e in &all {
                // a suppressed month suppresses every period that contains it
                let staff = e.node("staff").unwrap();
                let months_of = |k: usize| {
                    let m = p(&format!("{}-{:02}", 2024 + k / 12, k % 12 + 1));
                    e.period.contains(m, ws.calendar())
                };
                let hidden = months.iter().enumerate().any(|(k, m)| matches!(m, Month::Suppressed(_)) && months_of(k));
                if hidden {
                    prop_assert_eq!(staff.status, Status::Suppressed, "{}", e.period);
                    prop_assert_eq!((staff.value, staff.score), (None, None));
                }
                outputs.push((format!("evaluation {}", e.period), serde_json::to_string(e).unwrap()));
                for n in &e.nodes {
                    outputs.push((format!("explain {} {}", n.id, e.period), explain(e, &n.id).unwrap()));
                    // in French, with the digit groups joined as in the report
                    let fr = explain_in(e, &n.id, Locale::Fr).unwrap();
                    outputs.push((format!("explain fr {} {}", n.id, e.period), report_text(&fr, Locale::Fr)));
                }
            }
        }
        for period in ["2025-Q4", "2025"] {
            let h = headline(&ws, p(period), HeadlineOptions::default()).unwrap();
            outputs.push((format!("headline {period}"), serde_json::to_string(&h).unwrap()));
        }
        for locale in [Locale::Fr, Locale::En] {
            for period in ["2025-Q4", "2025-12", "2025"] {
                let html = html_report(&ws, p(period), locale, &ReportOptions::default()).unwrap();
                outputs.push((format!("report {period} {locale:?}"), report_text(&html, locale)));
            }
        }
        for (what, text) in &outputs {
            let big = big_integers(text);
            prop_assert!(big.is_empty(), "{}: {:?} in {}", what, big, text);
        }
    }
}

#[test]
fn the_check_sees_a_value_that_is_not_suppressed() {
    // the same huge value with 12 respondents is readable: the scanner finds it, so the
    // property above would see a leak
    let mut months = vec![Month::Missing; 24];
    months[5] = Month::Readable(654321.5, Some(12));
    let ws = staff_workspace(&months, "mean");
    let e = evaluate_range(&ws, p("2024-Q2"), p("2024-Q2")).unwrap();
    assert_eq!(
        big_integers(&serde_json::to_string(&e[0]).unwrap()).first().map(String::as_str),
        Some("654321")
    );
    for locale in [Locale::Fr, Locale::En] {
        let html = html_report(&ws, p("2024-Q2"), locale, &ReportOptions::default()).unwrap();
        assert!(big_integers(&report_text(&html, locale)).iter().any(|b| b == "654321"), "{locale:?}");
        let text = explain_in(&e[0], "staff", locale).unwrap();
        assert!(big_integers(&report_text(&text, locale)).iter().any(|b| b == "654321"), "{text}");
    }
}
