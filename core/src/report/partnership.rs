//! Partnership pictures: funds pledged, signed and received by period (grouped bars), the
//! leverage with its definition, and the top partners (horizontal bars). Amounts are
//! written from [`rust_decimal::Decimal`] exactly; floats only place the bars.

use rust_decimal::Decimal;
use rust_decimal::prelude::ToPrimitive;

use super::model::PartnershipView;
use super::svg::{BarSeries, HBar, Svg, bar_chart, hbars, stack, wrap};
use crate::locale::{Label, Locale, fill, leverage_definition, partner_kind_label};

/// Width of the partnership pictures.
pub const PARTNERSHIP_WIDTH: f64 = 900.0;

/// Where a bar goes; an absent amount (a sum that overflows) has no bar but a dash, and its
/// label says `–`.
fn f(d: Option<Decimal>) -> f64 {
    d.and_then(|d| d.to_f64()).unwrap_or(f64::NAN)
}

/// Funds by status over time, as grouped bars (three lightnesses: readable in grey).
pub fn funds_svg(view: &PartnershipView, locale: Locale) -> String {
    let categories: Vec<String> = view.funds.iter().map(|p| locale.period(p.period)).collect();
    let make = |name: &'static str,
                fill: &'static str,
                get: fn(&super::model::FundsPoint) -> Option<Decimal>| BarSeries {
        name,
        fill,
        values: view.funds.iter().map(|p| f(get(p))).collect(),
        labels: view.funds.iter().map(|p| locale.money_or_dash(get(p))).collect(),
    };
    let series = [
        make(locale.label(Label::Pledged), "#dbeafe", |p| p.pledged),
        make(locale.label(Label::Signed), "#60a5fa", |p| p.signed),
        make(locale.label(Label::Received), "#1e3a8a", |p| p.received),
    ];
    let format =
        move |v: f64| locale.money_compact(Decimal::from_f64_retain(v).unwrap_or_default().round_dp(0));
    let title = locale.label(Label::FundsOverTime);
    bar_chart(PARTNERSHIP_WIDTH, 260.0, title, title, &categories, &series, &format)
}

/// The leverage sentence: `Effet de levier : 1 pour 5,0 (15 000 000 € / 3 000 000 €)`;
/// `None` when the view has no leverage.
pub fn leverage_text(view: &PartnershipView, locale: Locale) -> Option<String> {
    let l = view.leverage.as_ref()?;
    let r = &locale.words().report;
    let ratio = match l.value {
        Some(v) => fill(r.leverage_ratio, &[&locale.number(v, 1)]),
        None => "–".to_string(),
    };
    let value =
        format!("{ratio} ({} / {})", locale.money_or_dash(l.numerator), locale.money_or_dash(l.denominator));
    Some(fill(r.label_value, &[locale.label(Label::Leverage), &value]))
}

/// The leverage and its definition, as a small SVG text block.
pub fn leverage_svg(view: &PartnershipView, locale: Locale) -> String {
    let headline = leverage_text(view, locale).unwrap_or_else(|| locale.label(Label::Leverage).to_string());
    let definition = view
        .leverage
        .as_ref()
        .map(|l| {
            let words = leverage_definition(l.definition, l.as_of, locale);
            fill(locale.words().report.label_value, &[locale.label(Label::Definition), &words])
        })
        .unwrap_or_default();
    let lines = wrap(&definition, PARTNERSHIP_WIDTH - 20.0, 12.0);
    let height = 34.0 + 16.0 * lines.len() as f64 + 8.0;
    let mut svg = Svg::new(PARTNERSHIP_WIDTH, height, &headline, &definition);
    svg.text(10.0, 24.0, "start", "fill=\"#1d2939\" font-size=\"16\" font-weight=\"bold\"", &headline);
    let mut y = 44.0;
    for l in &lines {
        svg.text(10.0, y, "start", "fill=\"#475467\" font-size=\"12\"", l);
        y += 16.0;
    }
    svg.finish()
}

/// The top partners, largest first, as horizontal bars.
pub fn top_partners_svg(view: &PartnershipView, locale: Locale) -> String {
    let bars: Vec<HBar> = view
        .top_partners
        .iter()
        .map(|p| HBar {
            label: match p.kind {
                Some(kind) => format!("{} ({})", p.name, partner_kind_label(kind, locale)),
                None => p.name.clone(),
            },
            value: f(p.amount),
            value_label: locale.money_or_dash(p.amount),
        })
        .collect();
    hbars(
        PARTNERSHIP_WIDTH,
        locale.label(Label::TopPartners),
        locale.label(Label::TopPartners),
        &bars,
        "#60a5fa",
    )
}

/// The explanation of the partnership figures, one sentence a line, in `locale`.
pub fn explanation_lines(view: &PartnershipView, locale: Locale) -> Vec<String> {
    let Some(x) = &view.explanation else { return Vec::new() };
    let date = locale.date(x.as_of);
    let share = x.top_share.map(|s| locale.percent(s, 1)).unwrap_or_else(|| "–".to_string());
    let (pledged, signed, received) =
        (locale.money_or_dash(x.pledged), locale.money_or_dash(x.signed), locale.money_or_dash(x.received));
    let period = locale.period(x.period);
    let r = &locale.words().report;
    let mut lines = vec![
        r.funds_line.to_string(),
        fill(r.total_line, &[&date, &pledged, &signed, &received]),
        fill(r.top_partners_line, &[&date, &x.top_n.to_string(), &share]),
        fill(r.partners_line, &[&period]),
    ];
    lines.extend(x.leverage_undefined.map(|r| r.text(locale).to_string()));
    if x.overflow {
        lines.push(locale.money_overflow().to_string());
    }
    lines
}

/// The partnership pictures stacked in one SVG.
pub fn partnership_svg(view: &PartnershipView, locale: Locale) -> String {
    let parts = [funds_svg(view, locale), leverage_svg(view, locale), top_partners_svg(view, locale)];
    stack(
        PARTNERSHIP_WIDTH,
        locale.label(Label::Partnerships),
        locale.label(Label::Partnerships),
        &parts,
        20.0,
    )
}
