//! Indicator cards: the series against its target or trajectory, the thresholds as bands,
//! the latest status, and (in the HTML report) the explanation in words.

use super::model::IndicatorCardView;
use super::svg::{LineChart, Svg, line_chart, stack, status_stroke, wrap};
use crate::locale::{Label, Locale, fill, status_symbol};

/// Width of a card.
pub const CARD_WIDTH: f64 = 480.0;

/// A value with the card's decimals and unit: `62 jours`, `4,5 %`.
pub fn value_text(card: &IndicatorCardView, value: Option<f64>, locale: Locale) -> String {
    match value {
        Some(v) => {
            let n = locale.number(v, usize::from(card.decimals));
            if card.unit.is_empty() { n } else { format!("{n}\u{a0}{}", card.unit) }
        }
        None => "–".to_string(),
    }
}

/// The sentence under a card's name: `Dernière valeur (T4 2025) : 62 jours — ✓ Atteint · score 85`.
pub fn latest_text(card: &IndicatorCardView, locale: Locale) -> String {
    match &card.latest {
        Some(l) => {
            let score = match l.score {
                Some(s) => {
                    format!(" · {} {}", locale.label_lower(Label::Score), locale.number(s, 0))
                }
                None => String::new(),
            };
            let value = match l.value {
                Some(_) => format!("{} — ", value_text(card, l.value, locale)),
                None => String::new(),
            };
            let label = format!("{} ({})", locale.label(Label::LatestValue), locale.period(l.period));
            let text = format!("{value}{} {}{score}", status_symbol(l.status), locale.status(l.status));
            fill(locale.words().report.label_value, &[&label, &text])
        }
        None => locale.status(crate::engine::scoring::Status::NoData).to_string(),
    }
}

/// One indicator card as SVG: name, latest value and status, then the chart.
pub fn indicator_card_svg(card: &IndicatorCardView, locale: Locale) -> String {
    let name_lines = wrap(&card.name, CARD_WIDTH - 20.0, 14.0);
    let latest = latest_text(card, locale);
    let latest_lines = wrap(&latest, CARD_WIDTH - 20.0, 12.0);
    let head_h = 10.0 + 18.0 * name_lines.len() as f64 + 16.0 * latest_lines.len() as f64 + 4.0;
    let mut head = Svg::new(CARD_WIDTH, head_h, &card.name, &latest);
    let mut y = 22.0;
    for l in &name_lines {
        head.text(10.0, y, "start", "fill=\"#101828\" font-size=\"14\" font-weight=\"bold\"", l);
        y += 18.0;
    }
    let colour = card.latest.map(|l| status_stroke(l.status)).unwrap_or("#667085");
    for l in &latest_lines {
        head.text(10.0, y, "start", &format!("fill=\"{colour}\" font-size=\"12\" font-weight=\"bold\""), l);
        y += 16.0;
    }
    let head = head.finish();
    let desc = format!("{} — {}", card.name, latest);
    stack(CARD_WIDTH, &card.name, &desc, &[head, card_chart_svg(card, locale)], 0.0)
}

/// The chart of a card alone (series, target, bands), for pages that write the name and
/// the latest status as text.
pub fn card_chart_svg(card: &IndicatorCardView, locale: Locale) -> String {
    let latest = latest_text(card, locale);
    let labels: Vec<String> = card.series.iter().map(|p| locale.period(p.period)).collect();
    let series: Vec<Option<f64>> = card.series.iter().map(|p| p.value).collect();
    // Targets are aligned on the series' periods; a target at a period without an actual
    // point is not drawn.
    let target: Vec<Option<f64>> = if card.targets.is_empty() {
        Vec::new()
    } else {
        card.series
            .iter()
            .map(|p| card.targets.iter().find(|t| t.period == p.period).and_then(|t| t.value))
            .collect()
    };
    let decimals = usize::from(card.decimals);
    let format = move |v: f64| locale.number(v, if v.fract() == 0.0 { 0 } else { decimals.max(1) });
    let desc = format!("{} — {}", card.name, latest);
    line_chart(&LineChart {
        width: CARD_WIDTH,
        height: 210.0,
        title: &card.name,
        desc: &desc,
        x_labels: &labels,
        series: &series,
        series_name: locale.label(Label::Actual),
        target: &target,
        target_name: locale.label(Label::Target),
        bands: &card.bands,
        format: &format,
    })
}
