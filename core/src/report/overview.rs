//! The scorecard overview: perspectives and their objectives with score, status, trend and
//! coverage, as an SVG of tiles ([`overview_svg`]) and as an HTML table ([`overview_html`]).
//!
//! Status is shown by colour, border style, symbol and word; trend by an arrow and a word.
//! Every number links to `#node-<id>`, the explanation of the node it comes from.

use std::fmt::Write as _;

use super::escape::{anchor_id, escape};
use super::model::{OverviewRow, OverviewView, Trend};
use super::svg::{Svg, status_dash, status_fill, status_stroke, text_width, wrap};
use crate::engine::scoring::Status;
use crate::engine::trend::Direction;
use crate::locale::{Label, Locale, status_symbol, trend_arrow, trend_label};

/// The arrow and word of a trend: `↗ en progrès`, `→ stable`, `↘ en recul`, `? tendance inconnue`.
pub fn trend_text(trend: Trend, locale: Locale) -> String {
    let direction = match trend {
        Trend::Improving => Direction::Improving,
        Trend::Stable => Direction::Stable,
        Trend::Worsening => Direction::Declining,
        Trend::Unknown => Direction::Unknown,
    };
    format!("{} {}", trend_arrow(direction), locale.label(trend_label(direction)))
}

/// A score as text (`82`), or an en dash when there is none.
pub fn score_text(score: Option<f64>, locale: Locale) -> String {
    match score {
        Some(s) => locale.number(s, 0),
        None => "–".to_string(),
    }
}

/// The status badge (symbol and word) of a roll-up node (perspective, objective) as an
/// HTML `<span>`: the roll-up words ([`Locale::rollup_status`]).
pub fn status_badge(status: Status, locale: Locale) -> String {
    format!(
        "<span class=\"badge st-{}\">{} {}</span>",
        status.as_str(),
        status_symbol(status),
        escape(locale.rollup_status(status))
    )
}

/// `✓ 81 Favorable` (no score for "no data" and "suppressed").
fn objective_status(o: &OverviewRow, locale: Locale) -> String {
    match o.score {
        Some(_) => {
            format!(
                "{} {} {}",
                status_symbol(o.status),
                score_text(o.score, locale),
                locale.rollup_status(o.status)
            )
        }
        None => format!("{} {}", status_symbol(o.status), locale.rollup_status(o.status)),
    }
}

/// `↗ en progrès · 100 %`.
fn objective_trend(o: &OverviewRow, locale: Locale) -> String {
    format!("{} · {}", trend_text(o.trend, locale), locale.percent(o.coverage, 0))
}

const COL_GAP: f64 = 14.0;
const WIDTH: f64 = 1000.0;

fn linked_text(svg: &mut Svg, id: &str, x: f64, y: f64, anchor: &str, style: &str, content: &str) {
    svg.raw(&format!("<a href=\"#{}\">", anchor_id(id)));
    svg.text(x, y, anchor, style, content);
    svg.raw("</a>");
}

/// The overview as SVG tiles: one column per perspective (four per band), the perspective
/// tile on top and its objectives below.
pub fn overview_svg(view: &OverviewView, locale: Locale) -> String {
    let per_band = view.perspectives.len().clamp(1, 4);
    let col_w = (WIDTH - COL_GAP * (per_band as f64 + 1.0)) / per_band as f64;
    let text_w = col_w - 24.0;
    // Heights first.
    let head_h = |name: &str| 24.0 + 17.0 * wrap(name, text_w, 14.0).len() as f64 + 64.0;
    let split = |o: &OverviewRow| {
        text_width(&objective_status(o, locale), 11.0) + text_width(&objective_trend(o, locale), 11.0) + 28.0
            > col_w
    };
    let obj_h = |o: &OverviewRow| {
        16.0 + 15.0 * wrap(&o.name, text_w, 12.0).len() as f64 + 24.0 + if split(o) { 15.0 } else { 0.0 }
    };
    let mut bands = Vec::new();
    for chunk in view.perspectives.chunks(per_band) {
        let h = chunk
            .iter()
            .map(|p| {
                let heads = chunk.iter().map(|q| head_h(&q.name)).fold(0.0, f64::max);
                heads + p.objectives.iter().map(|o| obj_h(o) + 8.0).sum::<f64>()
            })
            .fold(0.0, f64::max);
        bands.push((chunk, h));
    }
    let height = COL_GAP + bands.iter().map(|b| b.1 + COL_GAP).sum::<f64>();
    let period = view.period.map(|p| locale.period(p)).unwrap_or_default();
    let mut svg = Svg::new(
        WIDTH,
        height.max(40.0),
        &titled(locale.label(Label::Overview), &view.title),
        format!("{} {period}", view.title).trim(),
    );
    let mut y0 = COL_GAP;
    for (chunk, band_h) in &bands {
        let heads = chunk.iter().map(|q| head_h(&q.name)).fold(0.0, f64::max);
        for (c, p) in chunk.iter().enumerate() {
            let x = COL_GAP + (col_w + COL_GAP) * c as f64;
            svg.rect(
                x,
                y0,
                col_w,
                heads - 8.0,
                &format!(
                    "rx=\"8\" fill=\"{}\" stroke=\"{}\" stroke-width=\"2.5\"{}",
                    status_fill(p.status),
                    status_stroke(p.status),
                    status_dash(p.status)
                ),
            );
            let mut y = y0 + 22.0;
            for line in wrap(&p.name, text_w, 14.0) {
                svg.text(
                    x + 12.0,
                    y,
                    "start",
                    "fill=\"#101828\" font-size=\"14\" font-weight=\"bold\"",
                    &line,
                );
                y += 17.0;
            }
            y += 22.0;
            linked_text(
                &mut svg,
                &p.id,
                x + 12.0,
                y,
                "start",
                "fill=\"#101828\" font-size=\"28\" font-weight=\"bold\"",
                &score_text(p.score, locale),
            );
            svg.text(
                x + col_w - 12.0,
                y - 12.0,
                "end",
                &format!("fill=\"{}\" font-size=\"13\" font-weight=\"bold\"", status_stroke(p.status)),
                &format!("{} {}", status_symbol(p.status), locale.rollup_status(p.status)),
            );
            svg.text(
                x + col_w - 12.0,
                y + 2.0,
                "end",
                "fill=\"#344054\" font-size=\"11\"",
                &trend_text(p.trend, locale),
            );
            let cov = format!("{} {}", locale.label_lower(Label::Coverage), locale.percent(p.coverage, 0));
            linked_text(
                &mut svg,
                &p.id,
                x + 12.0,
                y + 20.0,
                "start",
                "fill=\"#475467\" font-size=\"11\"",
                &cov,
            );
            let mut oy = y0 + heads;
            for o in &p.objectives {
                let h = obj_h(o);
                svg.rect(
                    x,
                    oy,
                    col_w,
                    h,
                    &format!(
                        "rx=\"6\" fill=\"#ffffff\" stroke=\"{}\" stroke-width=\"1.5\"{}",
                        status_stroke(o.status),
                        status_dash(o.status)
                    ),
                );
                svg.rect(x, oy, 6.0, h, &format!("fill=\"{}\"", status_stroke(o.status)));
                let mut ty = oy + 18.0;
                for line in wrap(&o.name, text_w, 12.0) {
                    svg.text(x + 14.0, ty, "start", "fill=\"#101828\" font-size=\"12\"", &line);
                    ty += 15.0;
                }
                ty += 3.0;
                let st = objective_status(o, locale);
                linked_text(
                    &mut svg,
                    &o.id,
                    x + 14.0,
                    ty,
                    "start",
                    &format!("fill=\"{}\" font-size=\"11\" font-weight=\"bold\"", status_stroke(o.status)),
                    &st,
                );
                let ty = if split(o) { ty + 15.0 } else { ty };
                svg.text(
                    x + col_w - 10.0,
                    ty,
                    "end",
                    "fill=\"#475467\" font-size=\"11\"",
                    &objective_trend(o, locale),
                );
                oy += h + 8.0;
            }
        }
        y0 += band_h + COL_GAP;
    }
    svg.finish()
}

/// The overview as an HTML table: a header row per perspective, then its objectives.
pub fn overview_html(view: &OverviewView, locale: Locale) -> String {
    let mut s = String::new();
    let _ = write!(
        s,
        "<table class=\"overview\"><thead><tr><th scope=\"col\">{} / {}</th><th scope=\"col\" class=\"num\">{}</th><th scope=\"col\">{}</th><th scope=\"col\">{}</th><th scope=\"col\" class=\"num\">{}</th></tr></thead>",
        locale.label(Label::Perspective),
        locale.label(Label::Objective),
        locale.label(Label::Score),
        locale.label(Label::Status),
        locale.label(Label::Trend),
        locale.label(Label::Coverage)
    );
    for p in &view.perspectives {
        let a = anchor_id(&p.id);
        let _ = write!(
            s,
            "<tbody><tr class=\"persp\"><th scope=\"rowgroup\">{}</th><td class=\"num\"><a href=\"#{a}\">{}</a></td><td>{}</td><td>{}</td><td class=\"num\"><a href=\"#{a}\">{}</a></td></tr>",
            escape(&p.name),
            score_text(p.score, locale),
            status_badge(p.status, locale),
            escape(&trend_text(p.trend, locale)),
            escape(&locale.percent(p.coverage, 0))
        );
        for o in &p.objectives {
            let a = anchor_id(&o.id);
            let _ = write!(
                s,
                "<tr><th scope=\"row\" class=\"obj\">{}</th><td class=\"num\"><a href=\"#{a}\">{}</a></td><td>{}</td><td>{}</td><td class=\"num\"><a href=\"#{a}\">{}</a></td></tr>",
                escape(&o.name),
                score_text(o.score, locale),
                status_badge(o.status, locale),
                escape(&trend_text(o.trend, locale)),
                escape(&locale.percent(o.coverage, 0))
            );
        }
        s.push_str("</tbody>");
    }
    s.push_str("</table>");
    s
}

/// "Overview — Ville de Romans", or "Overview" alone when there is no title (never a dash
/// followed by nothing).
fn titled(label: &str, title: &str) -> String {
    if title.trim().is_empty() { label.to_string() } else { format!("{label} — {title}") }
}

#[cfg(test)]
mod title_tests {
    use super::*;

    #[test]
    fn a_title_follows_the_dash_and_no_title_has_no_dash() {
        assert_eq!(titled("Overview", "Ville de Romans"), "Overview — Ville de Romans");
        assert_eq!(titled("Overview", " "), "Overview");
        let view = crate::report::fixture::report_view().overview;
        let svg = overview_svg(&view, Locale::Fr);
        assert!(svg.contains(&format!("<title>Vue d’ensemble — {}</title>", view.title)));
    }
}
