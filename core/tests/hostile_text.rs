//! Text from files is hostile (issue #14): bidirectional controls in names and units are
//! isolated in HTML and SVG, a 5,000-character unbroken name does not widen the report, and
//! numbers near 1e300 are printed readably.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use pilotage::report::{ReportOptions, html_report};

use pilotage::locale::Locale;
use pilotage::{Frequency, Workspace};

const FSI: char = '\u{2068}';
const PDI: char = '\u{2069}';

fn city_with(edit: impl FnOnce(&mut Workspace)) -> (Workspace, String) {
    let mut ws = pilotage::sample::city();
    edit(&mut ws);
    let period = ws.latest_period(Frequency::Quarterly).unwrap();
    let html = html_report(&ws, period, Locale::En, &ReportOptions::default()).unwrap();
    (ws, html)
}

/// Every `width="N"` of the report's SVGs.
fn svg_widths(html: &str) -> Vec<f64> {
    html.match_indices("<svg ")
        .filter_map(|(i, _)| {
            let tag = &html[i..i + html[i..].find('>').unwrap()];
            let w = tag.split(" width=\"").nth(1)?.split('"').next()?;
            w.parse().ok()
        })
        .collect()
}

/// Before: "\u{202E}" in a name reversed the rest of the line (31 showed as 13).
#[test]
fn bidi_controls_in_names_and_units_are_isolated() {
    let spoof = "Budget \u{202E}13 \u{2069}\u{2067}x";
    let (_, html) = city_with(|ws| {
        ws.scorecard.objectives[0].name = spoof.into();
        ws.indicators[0].unit = "\u{202E}€".into();
    });
    // Every occurrence of the override sits inside an isolate that closes right after the
    // string: FSI ... PDI, with the string's own stray PDI dropped and its open RLI closed.
    let mut found = 0;
    for (i, _) in html.match_indices('\u{202E}') {
        let before = &html[..i];
        let open = before.rfind(FSI).expect("an override outside any isolate");
        assert!(!before[open..].contains('<'), "the isolate does not hold the string");
        found += 1;
    }
    assert!(found >= 2, "{found}");
    let isolated = format!("{FSI}Budget \u{202E}13 \u{2067}x{PDI}{PDI}");
    assert!(html.contains(&isolated), "the isolated name is not in the report");
}

#[test]
fn a_very_long_unbroken_name_does_not_widen_the_report() {
    let long: String = "W".repeat(5000);
    let (_, html) = city_with(|ws| {
        ws.scorecard.objectives[0].name = long.clone();
        ws.scorecard.perspectives[0].name = long.clone();
        ws.indicators[0].name = long.clone();
    });
    let widest = svg_widths(&html).into_iter().fold(0.0, f64::max);
    assert!(widest <= 1200.0, "an SVG {widest} px wide");
    // The HTML lets long words break.
    assert!(html.contains("overflow-wrap:anywhere"));
}

#[test]
fn numbers_near_1e300_are_printed_readably() {
    assert_eq!(Locale::En.number(1.5e300, 1), "1.5 × 10^300");
    assert_eq!(Locale::Fr.number(-1.5e300, 2), "-1,5 × 10^300");
    assert_eq!(Locale::En.short_number(1.7976931348623157e308), "1.8 × 10^308");
    assert_eq!(Locale::En.number(123456.0, 0), "123,456");
    let (_, html) = city_with(|ws| {
        for m in &mut ws.indicators[0].measurements {
            m.value = Some(1e300);
        }
    });
    // The explanation's own figures are readable; the scoring method's formula text (built
    // by scoring.rs) still prints its operands in full, wrapped by the page's CSS.
    assert!(html.contains("value 1 × 10^300"), "the value is not printed readably");
}

/// Before: a 5,000-character name made its overview box thousands of pixels high.
#[test]
fn a_very_long_name_is_cut_with_an_ellipsis_in_svg() {
    let long: String = "W".repeat(5000);
    let (_, html) = city_with(|ws| ws.scorecard.objectives[0].name = long.clone());
    let lines = html.matches(">WWWW").count();
    assert!(lines < 40, "{lines} lines of the long name");
    assert!(html.contains("W…<"), "no ellipsis");
    let tallest = html
        .match_indices("<svg ")
        .filter_map(|(i, _)| {
            let tag = &html[i..i + html[i..].find('>').unwrap()];
            tag.split(" height=\"").nth(1)?.split('"').next()?.parse::<f64>().ok()
        })
        .fold(0.0, f64::max);
    assert!(tallest < 3000.0, "an SVG {tallest} px high");
}

/// Before: the message of an error listed every problem (114 MB for 516,000 problems).
#[test]
fn an_error_message_lists_the_first_100_problems_and_the_count() {
    let problems: Vec<pilotage::Problem> = (0..250)
        .map(|i| pilotage::Problem::new(pilotage::Path::root("indicators").index(i), "bad"))
        .collect();
    let err = pilotage::Error::Invalid(pilotage::Problems(problems));
    let text = err.to_string();
    assert!(text.starts_with("250 problems"), "{text}");
    assert_eq!(text.matches("\n  - ").count(), 100);
    assert!(text.contains("indicators[99]") && !text.contains("indicators[100]"));
    assert!(text.ends_with("\n  ... and 150 more"), "{}", &text[text.len() - 40..]);
    assert_eq!(err.problems().len(), 250);
}
