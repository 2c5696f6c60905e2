//! Portfolio pictures: active caseload over time, the lead times of two periods side by side
//! (with the ratio of their means written as the headline: the "divided by 4"), and the
//! ageing of open files.

use super::model::{LeadTimeSample, PortfolioView};
use super::svg::{HBar, LineChart, Sample, Summary, distributions, hbars, line_chart, stack, summary};
use crate::locale::{Label, Locale, caseload_rule, fill, milestone_label};

/// Width of the portfolio pictures.
pub const PORTFOLIO_WIDTH: f64 = 900.0;

/// The active caseload over time, as a line chart.
pub fn caseload_svg(view: &PortfolioView, locale: Locale) -> String {
    let labels: Vec<String> = view.caseload.iter().map(|p| locale.period(p.period)).collect();
    let series: Vec<Option<f64>> = view.caseload.iter().map(|p| p.value).collect();
    let title = locale.label(Label::ActiveCaseload);
    let last = series.iter().rev().flatten().next().copied();
    let desc = match (labels.last(), last) {
        (Some(l), Some(v)) => {
            format!("{title} : {} {} ({l})", locale.number(v, 0), locale.label(Label::Files))
        }
        _ => title.to_string(),
    };
    let format = move |v: f64| locale.number(v, 0);
    line_chart(&LineChart {
        width: PORTFOLIO_WIDTH,
        height: 240.0,
        title,
        desc: &desc,
        x_labels: &labels,
        series: &series,
        series_name: &format!("{title} ({})", locale.label(Label::Files)),
        target: &[],
        target_name: "",
        bands: &[],
        format: &format,
    })
}

/// The period of a lead-time sample in words (`2014`, `T4 2025`; empty when not given).
fn sample_label(sample: &LeadTimeSample, locale: Locale) -> String {
    sample.period.map(|p| locale.period(p)).unwrap_or_default()
}

/// The explanation of the portfolio's figures, one sentence a line, in `locale`.
pub fn explanation_lines(view: &PortfolioView, locale: Locale) -> Vec<String> {
    let Some(x) = &view.explanation else { return Vec::new() };
    let date = locale.date(x.as_of);
    let period = locale.period(x.period);
    let start = milestone_label(x.lead_time.start, locale);
    let stop = milestone_label(x.lead_time.stop, locale);
    let days = |d: Option<f64>| d.map(|d| locale.days(d, 0)).unwrap_or_else(|| "–".to_string());
    let ratio = |r: Option<f64>| r.map(|r| locale.number(r, 1)).unwrap_or_else(|| "–".to_string());
    let (e, l) = (&x.earlier, &x.later);
    let rule = caseload_rule(x.caseload, locale);
    // "1 file", "2 files"; "0 dossier", "2 dossiers": the locale's plural rule and nouns
    let w = locale.words();
    let files = |n: usize| w.records[3][usize::from((w.plural)(n as u64))];
    let r = &w.report;
    let sample = |s: &super::model::LeadTimeFigures| {
        let count = s.count.to_string();
        fill(
            r.lead_time_sample,
            &[&locale.period(s.period), &count, files(s.count), &days(s.mean_days), &days(s.median_days)],
        )
    };
    let count = x.active_caseload.to_string();
    vec![
        fill(r.caseload_line, &[&date, &count, files(x.active_caseload), rule]),
        fill(r.lead_time_line, &[start, stop, &sample(e), &sample(l)]),
        fill(
            r.ratios_line,
            &[
                &locale.period(e.period),
                &locale.period(l.period),
                &ratio(x.mean_ratio),
                &ratio(x.median_ratio),
            ],
        ),
        fill(r.ageing_line, &[&date, &period]),
    ]
}

/// The headline of the lead-time comparison: `Délai moyen divisé par 4,0 : 180 j (2014) →
/// 45 j (2025)`; `None` when either period has no decided file or the later mean is zero.
pub fn lead_time_headline(view: &PortfolioView, locale: Locale) -> Option<String> {
    let a = summary(&view.lead_time_before.days)?;
    let b = summary(&view.lead_time_after.days)?;
    if b.mean <= 0.0 || a.mean <= 0.0 {
        return None;
    }
    let (label, ratio) = if a.mean >= b.mean {
        (Label::DividedBy, a.mean / b.mean)
    } else {
        (Label::MultipliedBy, b.mean / a.mean)
    };
    let change = format!(
        "{} ({}) {} {}",
        locale.label(Label::LeadTime),
        locale.label(Label::Mean),
        locale.label(label),
        locale.number(ratio, 1)
    );
    let means = format!(
        "{} ({}) → {} ({})",
        locale.days(a.mean, 0),
        sample_label(&view.lead_time_before, locale),
        locale.days(b.mean, 0),
        sample_label(&view.lead_time_after, locale)
    );
    Some(fill(locale.words().report.label_value, &[&change, &means]))
}

/// The two lead-time distributions on one axis (box plot, dots, median and mean).
pub fn lead_time_svg(view: &PortfolioView, locale: Locale) -> String {
    let headline =
        lead_time_headline(view, locale).unwrap_or_else(|| locale.label(Label::LeadTime).to_string());
    let (before, after) =
        (sample_label(&view.lead_time_before, locale), sample_label(&view.lead_time_after, locale));
    let before = Sample { label: &before, values: &view.lead_time_before.days };
    let after = Sample { label: &after, values: &view.lead_time_after.days };
    let stats = move |s: &Summary| {
        format!(
            "n = {} · {} {} · {} {}",
            s.count,
            locale.label(Label::Median),
            locale.days(s.median, 0),
            locale.label(Label::Mean),
            locale.days(s.mean, 0)
        )
    };
    let format = move |v: f64| locale.days(v, 0);
    distributions(
        PORTFOLIO_WIDTH,
        locale.label(Label::LeadTime),
        &headline,
        &headline,
        [&before, &after],
        &format,
        &stats,
    )
}

/// The label of an ageing bucket: `0–90 j`, `365 j et plus`.
pub fn bucket_label(min: u32, max: Option<u32>, locale: Locale) -> String {
    match max {
        Some(max) => format!("{}–{}", min, locale.days(f64::from(max), 0)),
        None => format!("{} {}", locale.days(f64::from(min), 0), locale.label(Label::DaysOrMore)),
    }
}

/// The ageing of open files, as horizontal bars.
pub fn ageing_svg(view: &PortfolioView, locale: Locale) -> String {
    let bars: Vec<HBar> = view
        .ageing
        .iter()
        .map(|b| HBar {
            label: bucket_label(b.min_days, b.max_days, locale),
            value: f64::from(b.count),
            value_label: format!("{} {}", b.count, locale.label(Label::OpenFiles)),
        })
        .collect();
    let total: u32 = view.ageing.iter().map(|b| b.count).sum();
    let desc = format!("{} : {} {}", locale.label(Label::Ageing), total, locale.label(Label::OpenFiles));
    hbars(PORTFOLIO_WIDTH, locale.label(Label::Ageing), &desc, &bars, "#93c5fd")
}

/// The three portfolio pictures stacked in one SVG.
pub fn portfolio_svg(view: &PortfolioView, locale: Locale) -> String {
    let parts = [caseload_svg(view, locale), lead_time_svg(view, locale), ageing_svg(view, locale)];
    stack(PORTFOLIO_WIDTH, locale.label(Label::Portfolio), locale.label(Label::Portfolio), &parts, 24.0)
}
