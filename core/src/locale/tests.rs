//! The formats and the tables of each language.

use super::*;

fn d(s: &str) -> Decimal {
    s.parse().unwrap_or_default()
}

#[test]
fn numbers() {
    assert_eq!(Locale::Fr.number(1234.5, 1), "1\u{202f}234,5");
    assert_eq!(Locale::En.number(1234.5, 1), "1,234.5");
    assert_eq!(Locale::Fr.number(1_234_567.0, 0), "1\u{202f}234\u{202f}567");
    assert_eq!(Locale::En.number(999.0, 0), "999");
    assert_eq!(Locale::En.number(1000.0, 0), "1,000");
    assert_eq!(Locale::En.number(-1234.56, 1), "-1,234.6");
    // -0.04 rounds to 0.0: no "-0.0".
    assert_eq!(Locale::En.number(-0.04, 1), "0.0");
    assert_eq!(Locale::Fr.number(f64::NAN, 1), "–");
    assert_eq!(Locale::Fr.number(0.5, 0), "0"); // Rust rounds half to even in formatting
    assert_eq!(Locale::Fr.number(82.46, 0), "82");
}

#[test]
fn percentages() {
    assert_eq!(Locale::Fr.percent(0.455, 1), "45,5\u{202f}%");
    assert_eq!(Locale::En.percent(0.455, 1), "45.5%");
    assert_eq!(Locale::Fr.percent(1.0, 0), "100\u{202f}%");
    assert_eq!(Locale::En.percent(2.0 / 3.0, 0), "67%");
}

#[test]
fn money_is_exact() {
    assert_eq!(Locale::Fr.money(d("15000000")), "15\u{202f}000\u{202f}000\u{a0}€");
    assert_eq!(Locale::En.money(d("15000000")), "€15,000,000");
    assert_eq!(Locale::Fr.money(d("213000.00")), "213\u{202f}000\u{a0}€");
    assert_eq!(Locale::Fr.money(d("1234.5")), "1\u{202f}234,50\u{a0}€");
    assert_eq!(Locale::En.money(d("-1234.5")), "-€1,234.50");
    // 0.005 rounds half away from zero to 0.01; a float would not hold these exactly.
    assert_eq!(Locale::En.money(d("0.005")), "€0.01");
    assert_eq!(Locale::En.money(d("12345678901234567.89")), "€12,345,678,901,234,567.89");
    assert_eq!(Locale::Fr.money(d("-0.001")), "0\u{a0}€");
    assert_eq!(Locale::En.money(Decimal::ZERO), "€0");
}

#[test]
fn compact_money() {
    assert_eq!(Locale::Fr.money_compact(d("1500000")), "1,5\u{a0}M€");
    assert_eq!(Locale::En.money_compact(d("1500000")), "€1.5M");
    assert_eq!(Locale::Fr.money_compact(d("15000000")), "15\u{a0}M€");
    assert_eq!(Locale::En.money_compact(d("250000")), "€250k");
    // 1 249 999 / 1e6 = 1.249999 -> 1.2
    assert_eq!(Locale::En.money_compact(d("1249999")), "€1.2M");
    assert_eq!(Locale::Fr.money_compact(d("999")), "999\u{a0}€");
    assert_eq!(Locale::En.money_compact(d("-2000")), "-€2k");
}

#[test]
fn dates_and_periods() {
    let date = NaiveDate::from_ymd_opt(2026, 11, 25).unwrap_or_default();
    assert_eq!(Locale::Fr.date(date), "25/11/2026");
    assert_eq!(Locale::En.date(date), "25 Nov 2026");
    let first = NaiveDate::from_ymd_opt(2026, 1, 5).unwrap_or_default();
    assert_eq!(Locale::Fr.date(first), "05/01/2026");
    assert_eq!(Locale::En.date(first), "5 Jan 2026");
    assert_eq!(Locale::Fr.period(Period::Quarter { year: 2025, quarter: 4 }), "T4\u{a0}2025");
    assert_eq!(Locale::En.period(Period::Quarter { year: 2025, quarter: 4 }), "Q4\u{a0}2025");
    assert_eq!(Locale::Fr.period(Period::Month { year: 2025, month: 2 }), "févr.\u{a0}2025");
    assert_eq!(Locale::En.period(Period::Month { year: 2025, month: 12 }), "Dec\u{a0}2025");
    assert_eq!(Locale::Fr.period(Period::Year(2026)), "2026");
    assert_eq!(Locale::Fr.days(45.0, 0), "45\u{a0}j");
    assert_eq!(Locale::En.days(11.25, 1), "11.2\u{a0}d");
}

#[test]
fn labels_in_lower_case() {
    for locale in [Locale::Fr, Locale::En] {
        for label in [Label::Objective, Label::Links, Label::Score, Label::Coverage] {
            assert_eq!(locale.label_lower(label), locale.label(label).to_lowercase());
        }
    }
    assert_eq!(Locale::Fr.label_lower(Label::Links), "liens de cause à effet");
    assert_eq!(Locale::En.label_lower(Label::Coverage), "coverage");
}

#[test]
fn labels_and_statuses_differ_by_language() {
    assert_eq!(Locale::Fr.label(Label::ActiveCaseload), "File active");
    assert_eq!(Locale::En.label(Label::ActiveCaseload), "Active caseload");
    assert_eq!(Locale::Fr.status(Status::Red), "Hors cible");
    assert_eq!(Locale::En.status(Status::NoData), "No data");
    assert_eq!(status_symbol(Status::Green), "✓");
    // roll-up nodes average scores: their words never claim a target is met
    assert_eq!(Locale::Fr.rollup_status(Status::Green), "Favorable");
    assert_eq!(Locale::En.rollup_status(Status::Green), "Good");
    assert_eq!(Locale::En.rollup_status(Status::Red), "Poor");
    assert_eq!(Locale::Fr.rollup_status(Status::Amber), "Vigilance");
    assert_eq!(Locale::En.rollup_status(Status::NoData), "No data");
}

#[test]
fn every_label_once() {
    let mut all = Label::ALL.to_vec();
    all.sort_unstable();
    all.dedup();
    assert_eq!(all.len(), Label::ALL.len());
}

#[test]
fn the_widget_table_has_one_text_per_key_with_the_same_values_in_both_languages() {
    let (fr, en) = (Locale::Fr.table(), Locale::En.table());
    let keys = |w: &WordMap| w.0.iter().map(|(k, _)| *k).collect::<Vec<_>>();
    // keys are unique, and the same in both languages
    let mut unique = keys(&fr.messages);
    unique.sort_unstable();
    unique.dedup();
    assert_eq!(unique.len(), MESSAGES);
    assert_eq!(keys(&fr.messages), keys(&en.messages));
    let marks = |t: &str| ["{0}", "{1}", "{2}"].map(|m| t.contains(m));
    for (k, text) in &fr.messages.0 {
        assert_eq!(marks(text), marks(en.messages.get(k).unwrap_or_default()), "{k}");
    }
    // a message that is a report label is that label
    assert_eq!(fr.messages.get("scorecard"), Some(Locale::Fr.label(Label::Report)));
    assert_eq!(en.messages.get("caseload"), Some("Active caseload"));
    assert_eq!(fr.messages.get("colon"), Some("\u{a0}: "));
    assert_eq!(fr.messages.get("nothing"), None);
    assert_eq!(fr.lang, "fr");
    // the statuses, symbols, trends and arrows are the report's
    assert_eq!(en.statuses.get("no_data"), Some("No data"));
    assert_eq!(fr.rollup_statuses.get("green"), Some("Favorable"));
    assert_eq!(fr.rollup_statuses.get("suppressed"), Some("Masqué (petit effectif)"));
    assert_eq!(en.symbols.get("red"), Some("✗"));
    assert_eq!(fr.trends.get("declining"), Some("en recul"));
    assert_eq!(en.arrows.get("unknown"), Some("?"));
    assert_eq!(en.leverage_definitions.get("total_over_own"), Some("(own + external funds) / own funds"));
    // serialised as maps, in the table's order
    let json = serde_json::to_string(&en.arrows).unwrap_or_default();
    assert_eq!(json, r#"{"improving":"↗","stable":"→","declining":"↘","unknown":"?"}"#);
}

#[test]
fn each_table_is_complete_and_in_order() {
    use crate::analytics::portfolio::Milestone;
    for locale in Locale::ALL {
        let w = locale.words();
        // a label's text is at its index
        for (i, (label, text)) in w.labels.iter().enumerate() {
            assert_eq!(*label, Label::ALL[i], "{locale:?}");
            assert_eq!(*label as usize, i);
            assert!(!text.is_empty(), "{locale:?} {label:?}");
        }
        // every kind of partner and milestone has its word, once
        for kind in PartnerKind::ALL {
            assert_eq!(w.report.partner_kinds.iter().filter(|(k, _)| *k == kind).count(), 1, "{kind:?}");
            assert!(!partner_kind_label(kind, locale).is_empty());
        }
        for m in Milestone::ALL {
            assert_eq!(w.report.milestones.iter().filter(|(k, _)| *k == m).count(), 1, "{m:?}");
            assert!(!milestone_label(m, locale).is_empty());
        }
        // the language is named by its tag, and read back from it
        assert_eq!(locale.tag().parse::<Locale>(), Ok(locale));
        assert_eq!(locale.words().tag, locale.tag());
    }
    // the widget's messages: the same keys, in the same order, and a label where the other
    // language has one
    let keys = |l: Locale| l.words().messages.map(|(k, m)| (k, matches!(m, Message::Label(_))));
    for locale in Locale::ALL {
        assert_eq!(keys(locale), keys(Locale::Fr), "{locale:?}");
    }
    assert_eq!(
        "de".parse::<Locale>().map_err(|e| e.to_string()),
        Err("expected \"fr\" or \"en\", found \"de\"".into())
    );
}

#[test]
fn the_explanations_keep_the_spellings_of_the_files_in_english() {
    let en = &Locale::En.words().explain.format;
    assert_eq!(en.period(Period::Quarter { year: 2025, quarter: 4 }), "2025-Q4");
    assert_eq!(en.period(Period::Month { year: 2025, month: 3 }), "2025-03");
    assert_eq!(en.period(Period::Year(2025)), "2025");
    let date = NaiveDate::from_ymd_opt(2026, 1, 5).unwrap_or_default();
    assert_eq!(en.date(date), "2026-01-05");
    assert_eq!(en.short_number(f64::NAN), "?");
    assert_eq!(Locale::Fr.short_number(f64::NAN), "–");
    assert_eq!(en.short_percent(0.455), "45.5%");
    // French explanations write as the French reports do
    assert_eq!(Locale::Fr.words().explain.format, Locale::Fr.words().format);
}
