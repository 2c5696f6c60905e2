//! Tiny SVG chart primitives, with no charting dependency.
//!
//! Everything a report draws is one of: a line chart with a target line and threshold
//! bands, a grouped bar chart, a comparison of two distributions (box plot plus dots), and
//! horizontal bars. Output is deterministic: coordinates are printed with one decimal
//! ([`num`]), iteration follows input order, and no randomness is used (the dots of a
//! distribution are spread by their index). Every chart is accessible: `role="img"`, a
//! `<title>` and a `<desc>`. Every text that comes from a workspace goes through
//! [`super::escape::escape`]. Axes use the "nice numbers" ticks of Heckbert
//! (Graphics Gems, 1990): [`nice_ticks`]. Text widths are estimated from approximate
//! per-character widths of Arial/Liberation Sans ([`text_width`]), which the report asks
//! for first in its font stack, so that labels can be wrapped and laid out without a font
//! engine.

use std::fmt::Write as _;

use super::escape::escape;
use super::model::Band;
use crate::engine::scoring::Status;

/// The font stack of every SVG (Liberation Sans is metric-compatible with Arial).
pub const FONT: &str = "Liberation Sans, Arial, Helvetica, DejaVu Sans, sans-serif";

/// A coordinate or length with one decimal, never `-0.0`; non-finite values print `0`.
pub fn num(x: f64) -> String {
    if !x.is_finite() {
        return "0".to_string();
    }
    let s = format!("{x:.1}");
    let s = if s == "-0.0" { "0.0".to_string() } else { s };
    match s.strip_suffix(".0") {
        Some(int) => int.to_string(),
        None => s,
    }
}

/// Heckbert's nice number: a number of the form 1, 2, 5 (or 10) times a power of ten near
/// `x` (rounded to the nearest when `round`, else the smallest not below `x`).
pub fn nice_number(x: f64, round: bool) -> f64 {
    if !x.is_finite() || x <= 0.0 {
        return 1.0;
    }
    let exponent = x.log10().floor();
    let base = 10f64.powf(exponent);
    let f = x / base;
    let nice = if round {
        if f < 1.5 {
            1.0
        } else if f < 3.0 {
            2.0
        } else if f < 7.0 {
            5.0
        } else {
            10.0
        }
    } else if f <= 1.0 {
        1.0
    } else if f <= 2.0 {
        2.0
    } else if f <= 5.0 {
        5.0
    } else {
        10.0
    };
    nice * base
}

/// Axis ticks: from `min` to `max` (both multiples of `step`), inclusive.
#[derive(Debug, Clone, PartialEq)]
pub struct Ticks {
    /// Lowest tick (at or below the data).
    pub min: f64,
    /// Highest tick (at or above the data).
    pub max: f64,
    /// Distance between ticks.
    pub step: f64,
    /// The tick values, increasing.
    pub values: Vec<f64>,
}

impl Ticks {
    /// Decimals needed to print every tick exactly (0 for a step of 1 or more).
    pub fn decimals(&self) -> usize {
        if self.step >= 1.0 || !self.step.is_finite() || self.step <= 0.0 {
            0
        } else {
            let d = -self.step.log10().floor();
            if d > 12.0 { 12 } else { d as usize }
        }
    }

    /// Position of `v` between `min` (0) and `max` (1).
    pub fn fraction(&self, v: f64) -> f64 {
        let span = self.max - self.min;
        if span > 0.0 { (v - self.min) / span } else { 0.0 }
    }
}

/// Nice ticks covering `[lo, hi]` with about `max_ticks` ticks (at least 2). A degenerate
/// range (`lo == hi`) is widened to show the value; non-finite input gives `0..1`.
///
/// ```
/// use pilotage::report::svg::nice_ticks;
/// assert_eq!(nice_ticks(0.0, 97.0, 5).values, vec![0.0, 20.0, 40.0, 60.0, 80.0, 100.0]);
/// ```
pub fn nice_ticks(lo: f64, hi: f64, max_ticks: usize) -> Ticks {
    let (mut lo, mut hi) =
        if lo.is_finite() && hi.is_finite() { (lo.min(hi), lo.max(hi)) } else { (0.0, 1.0) };
    if hi - lo <= f64::EPSILON * hi.abs().max(1.0) {
        if lo == 0.0 {
            hi = 1.0;
        } else {
            let pad = lo.abs() * 0.1;
            lo -= pad;
            hi += pad;
        }
    }
    let max_ticks = max_ticks.max(2);
    let range = nice_number(hi - lo, false);
    let step = nice_number(range / (max_ticks as f64 - 1.0), true);
    let first = (lo / step).floor();
    let last = (hi / step).ceil();
    let count = ((last - first) as i64).clamp(1, 1000);
    let values: Vec<f64> = (0..=count).map(|k| clean((first + k as f64) * step, step)).collect();
    Ticks { min: clean(first * step, step), max: clean(last * step, step), step, values }
}

/// Removes floating noise (0.30000000000000004 -> 0.3) relative to the step.
fn clean(v: f64, step: f64) -> f64 {
    let digits = if step >= 1.0 { 0 } else { (-step.log10().floor()) as i32 + 1 };
    let p = 10f64.powi(digits.clamp(0, 12));
    let r = (v * p).round() / p;
    if r == 0.0 { 0.0 } else { r }
}

/// Approximate width of `text` in pixels at `font_size`, for Arial-like fonts (slightly
/// generous, so that estimated boxes contain the real text).
pub fn text_width(text: &str, font_size: f64) -> f64 {
    let em: f64 = text
        .chars()
        .map(|c| match c {
            'i' | 'j' | 'l' | '\'' | '|' | '.' | ',' | ':' | ';' | '!' | 'I' => 0.28,
            ' ' | 'f' | 't' | 'r' | '(' | ')' | '[' | ']' | '-' | '/' | '\u{a0}' | '\u{202f}' => 0.36,
            'm' | 'w' => 0.85,
            'M' | 'W' | '@' | '%' => 0.92,
            '0'..='9' => 0.56,
            c if c.is_uppercase() => 0.70,
            c if c.is_ascii_lowercase() => 0.56,
            c if c.is_alphabetic() => 0.58,
            _ => 0.8,
        })
        .sum();
    em * font_size * 1.05
}

/// Greedy word wrapping of `text` into lines of at most `max_width` pixels (estimated with
/// [`text_width`]); a word longer than a line is broken between characters; at most
/// [`MAX_LINES`] lines, the last cut with an ellipsis when the text is longer.
pub fn wrap(text: &str, max_width: f64, font_size: f64) -> Vec<String> {
    let mut lines: Vec<String> = Vec::new();
    let mut current = String::new();
    for word in text.split_whitespace() {
        let candidate = if current.is_empty() { word.to_string() } else { format!("{current} {word}") };
        if text_width(&candidate, font_size) <= max_width {
            current = candidate;
            continue;
        }
        if !current.is_empty() {
            lines.push(std::mem::take(&mut current));
        }
        if text_width(word, font_size) <= max_width {
            current = word.to_string();
        } else {
            for c in word.chars() {
                let mut next = current.clone();
                next.push(c);
                if !current.is_empty() && text_width(&next, font_size) > max_width {
                    lines.push(std::mem::take(&mut current));
                    current.push(c);
                } else {
                    current = next;
                }
            }
        }
    }
    if !current.is_empty() {
        lines.push(current);
    }
    // A name of thousands of characters would make a box thousands of pixels high: at most
    // MAX_LINES lines, the last one ending with an ellipsis.
    if lines.len() > MAX_LINES {
        lines.truncate(MAX_LINES);
        if let Some(last) = lines.last_mut() {
            while !last.is_empty() && text_width(&format!("{last}…"), font_size) > max_width {
                last.pop();
            }
            last.push('…');
        }
    }
    lines
}

/// The most lines [`wrap`] gives.
pub const MAX_LINES: usize = 4;

/// Strong colour of a status (borders, markers, text accents).
pub fn status_stroke(status: Status) -> &'static str {
    match status {
        Status::Green => "#1b7a3a",
        Status::Amber => "#a45a00",
        Status::Red => "#b42318",
        Status::NoData => "#667085",
        Status::Suppressed => "#475467",
    }
}

/// Light tint of a status (box and band fills).
pub fn status_fill(status: Status) -> &'static str {
    match status {
        Status::Green => "#dcf2e3",
        Status::Amber => "#fdebc8",
        Status::Red => "#fadcd9",
        Status::NoData => "#f2f4f7",
        Status::Suppressed => "#e4e7ec",
    }
}

/// Dash pattern of a status border: solid for scored statuses, dashed for "no data" and
/// dotted for "suppressed" (readable without colour).
pub fn status_dash(status: Status) -> &'static str {
    match status {
        Status::NoData => " stroke-dasharray=\"5 3\"",
        Status::Suppressed => " stroke-dasharray=\"2 2\"",
        _ => "",
    }
}

/// The most characters an SVG text shows (see [`Svg::text`]).
pub const MAX_TEXT_CHARS: usize = 120;

/// An SVG document under construction.
#[derive(Debug, Clone)]
pub struct Svg {
    buf: String,
}

impl Svg {
    /// Opens an `<svg>` of `width` x `height` with its accessible `<title>` and `<desc>`.
    pub fn new(width: f64, height: f64, title: &str, desc: &str) -> Svg {
        let mut buf = String::with_capacity(4096);
        let _ = write!(
            buf,
            "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 {w} {h}\" width=\"{w}\" height=\"{h}\" role=\"img\" font-family=\"{FONT}\" font-size=\"12\"><title>{t}</title><desc>{d}</desc>",
            w = num(width),
            h = num(height),
            t = escape(title),
            d = escape(desc),
        );
        Svg { buf }
    }

    /// Appends raw, already safe markup (built by this module from escaped strings).
    pub fn raw(&mut self, markup: &str) {
        self.buf.push_str(markup);
    }

    /// A rectangle; `style` is trusted attribute text written by the renderers.
    pub fn rect(&mut self, x: f64, y: f64, w: f64, h: f64, style: &str) {
        let _ = write!(
            self.buf,
            "<rect x=\"{}\" y=\"{}\" width=\"{}\" height=\"{}\" {style}/>",
            num(x),
            num(y),
            num(w.max(0.0)),
            num(h.max(0.0))
        );
    }

    /// A line segment.
    pub fn line(&mut self, x1: f64, y1: f64, x2: f64, y2: f64, style: &str) {
        let _ = write!(
            self.buf,
            "<line x1=\"{}\" y1=\"{}\" x2=\"{}\" y2=\"{}\" {style}/>",
            num(x1),
            num(y1),
            num(x2),
            num(y2)
        );
    }

    /// A text; `content` is escaped here. `anchor` is `start`, `middle` or `end`. A text of
    /// more than [`MAX_TEXT_CHARS`] characters is cut there with an ellipsis, its full text
    /// in a `<title>` (shown on hover, read by screen readers).
    pub fn text(&mut self, x: f64, y: f64, anchor: &str, style: &str, content: &str) {
        let (shown, title) = match content.char_indices().nth(MAX_TEXT_CHARS) {
            Some((cut, _)) => (format!("{}…", &content[..cut]), Some(content)),
            None => (content.to_string(), None),
        };
        let _ =
            write!(self.buf, "<text x=\"{}\" y=\"{}\" text-anchor=\"{anchor}\" {style}>", num(x), num(y),);
        if let Some(full) = title {
            let _ = write!(self.buf, "<title>{}</title>", escape(full));
        }
        let _ = write!(self.buf, "{}</text>", escape(&shown));
    }

    /// Closes the document.
    pub fn finish(mut self) -> String {
        self.buf.push_str("</svg>");
        self.buf
    }
}

/// The height declared by an SVG written by [`Svg::new`] (0 when absent).
pub fn height_of(svg: &str) -> f64 {
    svg.split_once("height=\"")
        .and_then(|(_, rest)| rest.split_once('"'))
        .and_then(|(h, _)| h.parse::<f64>().ok())
        .unwrap_or(0.0)
}

/// Stacks SVG documents (written by this module) vertically into one, `gap` apart.
pub fn stack(width: f64, title: &str, desc: &str, parts: &[String], gap: f64) -> String {
    let total =
        parts.iter().map(|p| height_of(p)).sum::<f64>() + gap * (parts.len().saturating_sub(1)) as f64;
    let mut svg = Svg::new(width, total, title, desc);
    let mut y = 0.0;
    for p in parts {
        let moved = p.replacen("<svg ", &format!("<svg x=\"0\" y=\"{}\" ", num(y)), 1);
        svg.raw(&moved);
        y += height_of(p) + gap;
    }
    svg.finish()
}

/// Builds a path `d` through the given points, starting a new sub-path after each gap.
fn polyline(points: &[Option<(f64, f64)>]) -> String {
    let mut d = String::new();
    let mut pen_down = false;
    for p in points {
        match p {
            Some((x, y)) => {
                let _ = write!(d, "{}{} {} ", if pen_down { "L" } else { "M" }, num(*x), num(*y));
                pen_down = true;
            }
            None => pen_down = false,
        }
    }
    d.trim_end().to_string()
}

/// A line chart: the actual series, an optional target line, threshold bands.
pub struct LineChart<'a> {
    /// Width in pixels.
    pub width: f64,
    /// Height in pixels.
    pub height: f64,
    /// Accessible title.
    pub title: &'a str,
    /// Accessible description.
    pub desc: &'a str,
    /// One label per x position.
    pub x_labels: &'a [String],
    /// Actual values (one per x position, `None` for gaps).
    pub series: &'a [Option<f64>],
    /// Legend of the actual series.
    pub series_name: &'a str,
    /// Target or trajectory (same positions; empty for none).
    pub target: &'a [Option<f64>],
    /// Legend of the target line.
    pub target_name: &'a str,
    /// Threshold zones.
    pub bands: &'a [Band],
    /// Formats a value (ticks and point tooltips).
    pub format: &'a dyn Fn(f64) -> String,
}

const AXIS: &str = "stroke=\"#98a2b3\" stroke-width=\"1\"";
const GRID: &str = "stroke=\"#e4e7ec\" stroke-width=\"1\"";
const LABEL: &str = "fill=\"#344054\" font-size=\"11\"";
const INK: &str = "#1d2939";
const SERIES_COLOUR: &str = "#1d4ed8";

/// Draws a [`LineChart`].
pub fn line_chart(c: &LineChart<'_>) -> String {
    let values = c.series.iter().chain(c.target.iter()).flatten().copied();
    let edges = c.bands.iter().flat_map(|b| [b.low, b.high]).flatten();
    let (mut lo, mut hi) = (f64::INFINITY, f64::NEG_INFINITY);
    for v in values.chain(edges).filter(|v| v.is_finite()) {
        lo = lo.min(v);
        hi = hi.max(v);
    }
    if !lo.is_finite() {
        (lo, hi) = (0.0, 1.0);
    }
    if lo > 0.0 && lo < hi * 0.5 {
        lo = 0.0;
    }
    let ticks = nice_ticks(lo, hi, 5);
    let tick_labels: Vec<String> = ticks.values.iter().map(|v| (c.format)(*v)).collect();
    let label_w = tick_labels.iter().map(|t| text_width(t, 11.0)).fold(0.0, f64::max);
    let left = label_w + 14.0;
    let (top, right, bottom) = (30.0, 34.0, 26.0);
    let plot_w = (c.width - left - right).max(10.0);
    let plot_h = (c.height - top - bottom).max(10.0);
    let y_of = |v: f64| top + plot_h * (1.0 - ticks.fraction(v));
    let n = c.x_labels.len().max(c.series.len()).max(c.target.len());
    let slot = plot_w / n.max(1) as f64;
    let x_of = |i: usize| left + slot * (i as f64 + 0.5);

    let mut svg = Svg::new(c.width, c.height, c.title, c.desc);
    // Bands first, clipped to the axis range, each marked by its status symbol.
    for band in c.bands {
        let low = band.low.unwrap_or(ticks.min).max(ticks.min);
        let high = band.high.unwrap_or(ticks.max).min(ticks.max);
        if high <= low {
            continue;
        }
        let (y1, y2) = (y_of(high), y_of(low));
        svg.rect(
            left,
            y1,
            plot_w,
            y2 - y1,
            &format!("fill=\"{}\" fill-opacity=\"0.7\"", status_fill(band.status)),
        );
        if y2 - y1 >= 12.0 {
            svg.text(
                left + plot_w + 6.0,
                (y1 + y2) / 2.0 + 4.0,
                "start",
                &format!("fill=\"{}\" font-size=\"12\" font-weight=\"bold\"", status_stroke(band.status)),
                crate::locale::status_symbol(band.status),
            );
        }
    }
    for (v, label) in ticks.values.iter().zip(&tick_labels) {
        let y = y_of(*v);
        svg.line(left, y, left + plot_w, y, GRID);
        svg.text(left - 6.0, y + 4.0, "end", LABEL, label);
    }
    svg.line(left, top + plot_h, left + plot_w, top + plot_h, AXIS);
    // X labels, thinned so that they do not collide.
    let widest = c.x_labels.iter().map(|l| text_width(l, 11.0)).fold(0.0, f64::max) + 8.0;
    let every = if slot > 0.0 { (widest / slot).ceil().max(1.0) as usize } else { 1 };
    for (i, label) in c.x_labels.iter().enumerate() {
        if i % every == 0 {
            svg.text(x_of(i), top + plot_h + 16.0, "middle", LABEL, label);
        }
    }
    if !c.target.is_empty() {
        let pts: Vec<Option<(f64, f64)>> =
            c.target.iter().enumerate().map(|(i, v)| v.map(|v| (x_of(i), y_of(v)))).collect();
        let _ = write!(
            svg.buf,
            "<path d=\"{}\" fill=\"none\" stroke=\"{INK}\" stroke-width=\"1.5\" stroke-dasharray=\"6 4\"/>",
            polyline(&pts)
        );
    }
    let pts: Vec<Option<(f64, f64)>> =
        c.series.iter().enumerate().map(|(i, v)| v.map(|v| (x_of(i), y_of(v)))).collect();
    let _ = write!(
        svg.buf,
        "<path d=\"{}\" fill=\"none\" stroke=\"{SERIES_COLOUR}\" stroke-width=\"2.5\" stroke-linejoin=\"round\"/>",
        polyline(&pts)
    );
    for (i, v) in c.series.iter().enumerate() {
        if let Some(v) = v {
            let label = c.x_labels.get(i).map(String::as_str).unwrap_or("");
            let _ = write!(
                svg.buf,
                "<circle cx=\"{}\" cy=\"{}\" r=\"3.5\" fill=\"#fff\" stroke=\"{SERIES_COLOUR}\" stroke-width=\"2\"><title>{}</title></circle>",
                num(x_of(i)),
                num(y_of(*v)),
                escape(&format!("{label} : {}", (c.format)(*v)))
            );
        }
    }
    // Legend.
    let mut x = left;
    svg.line(x, 12.0, x + 22.0, 12.0, &format!("stroke=\"{SERIES_COLOUR}\" stroke-width=\"2.5\""));
    svg.text(x + 27.0, 16.0, "start", LABEL, c.series_name);
    x += 27.0 + text_width(c.series_name, 11.0) + 18.0;
    if !c.target.is_empty() {
        svg.line(
            x,
            12.0,
            x + 22.0,
            12.0,
            &format!("stroke=\"{INK}\" stroke-width=\"1.5\" stroke-dasharray=\"6 4\""),
        );
        svg.text(x + 27.0, 16.0, "start", LABEL, c.target_name);
    }
    svg.finish()
}

/// One series of a grouped bar chart.
pub struct BarSeries<'a> {
    /// Legend.
    pub name: &'a str,
    /// Fill colour (trusted).
    pub fill: &'a str,
    /// One value per category (not finite: no value, drawn as a dash).
    pub values: Vec<f64>,
    /// One formatted value per category (tooltips).
    pub labels: Vec<String>,
}

/// Draws a grouped bar chart: one group per category, one bar per series. Fills should
/// differ in lightness so that the series stay distinct in black and white.
#[allow(clippy::too_many_arguments)]
pub fn bar_chart(
    width: f64,
    height: f64,
    title: &str,
    desc: &str,
    categories: &[String],
    series: &[BarSeries<'_>],
    format: &dyn Fn(f64) -> String,
) -> String {
    let hi =
        series.iter().flat_map(|s| s.values.iter().copied()).filter(|v| v.is_finite()).fold(0.0, f64::max);
    let lo =
        series.iter().flat_map(|s| s.values.iter().copied()).filter(|v| v.is_finite()).fold(0.0, f64::min);
    let ticks = nice_ticks(lo, hi, 5);
    let tick_labels: Vec<String> = ticks.values.iter().map(|v| format(*v)).collect();
    let left = tick_labels.iter().map(|t| text_width(t, 11.0)).fold(0.0, f64::max) + 14.0;
    let (top, right, bottom) = (30.0, 10.0, 26.0);
    let plot_w = (width - left - right).max(10.0);
    let plot_h = (height - top - bottom).max(10.0);
    let y_of = |v: f64| top + plot_h * (1.0 - ticks.fraction(v));
    let mut svg = Svg::new(width, height, title, desc);
    for (v, label) in ticks.values.iter().zip(&tick_labels) {
        svg.line(left, y_of(*v), left + plot_w, y_of(*v), GRID);
        svg.text(left - 6.0, y_of(*v) + 4.0, "end", LABEL, label);
    }
    let groups = categories.len().max(1) as f64;
    let group_w = plot_w / groups;
    let bars = series.len().max(1) as f64;
    let bar_w = (group_w * 0.8 / bars).min(28.0);
    let zero = y_of(0.0_f64.clamp(ticks.min, ticks.max));
    for (g, cat) in categories.iter().enumerate() {
        let gx = left + group_w * g as f64 + (group_w - bar_w * bars) / 2.0;
        for (k, s) in series.iter().enumerate() {
            let v = s.values.get(g).copied().unwrap_or(0.0);
            if !v.is_finite() {
                // no value (an amount that overflows): a dash where the bar would stand, so
                // that it is not read as a zero
                svg.text(gx + bar_w * (k as f64 + 0.5), zero - 4.0, "middle", LABEL, "–");
                continue;
            }
            let y = y_of(v);
            let (y1, y2) = if y < zero { (y, zero) } else { (zero, y) };
            let tip = s.labels.get(g).map(String::as_str).unwrap_or("");
            let _ = write!(
                svg.buf,
                "<rect x=\"{}\" y=\"{}\" width=\"{}\" height=\"{}\" fill=\"{}\" stroke=\"{INK}\" stroke-width=\"0.6\"><title>{}</title></rect>",
                num(gx + bar_w * k as f64),
                num(y1),
                num(bar_w),
                num(y2 - y1),
                s.fill,
                escape(&format!("{cat} · {} : {tip}", s.name))
            );
        }
        svg.text(left + group_w * (g as f64 + 0.5), top + plot_h + 16.0, "middle", LABEL, cat);
    }
    svg.line(left, zero, left + plot_w, zero, AXIS);
    let mut x = left;
    for s in series {
        svg.rect(x, 5.0, 12.0, 12.0, &format!("fill=\"{}\" stroke=\"{INK}\" stroke-width=\"0.6\"", s.fill));
        svg.text(x + 17.0, 15.0, "start", LABEL, s.name);
        x += 17.0 + text_width(s.name, 11.0) + 18.0;
    }
    svg.finish()
}

/// Five-number summary and mean of a sample.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Summary {
    /// Number of values.
    pub count: usize,
    /// Smallest.
    pub min: f64,
    /// First quartile (linear interpolation between order statistics, R's type 7).
    pub q1: f64,
    /// Median.
    pub median: f64,
    /// Third quartile.
    pub q3: f64,
    /// Largest.
    pub max: f64,
    /// Arithmetic mean.
    pub mean: f64,
}

/// The [`Summary`] of the finite values of `values`, `None` when there are none.
pub fn summary(values: &[f64]) -> Option<Summary> {
    let mut v: Vec<f64> = values.iter().copied().filter(|x| x.is_finite()).collect();
    if v.is_empty() {
        return None;
    }
    crate::sort::sort_by(&mut v, f64::total_cmp);
    let n = v.len();
    // The core's quantile (type 7), so that the report's median is the main job's.
    let q = |p: f64| crate::analytics::portfolio::percentile(&v, p).unwrap_or(0.0);
    Some(Summary {
        count: n,
        min: v.first().copied().unwrap_or(0.0),
        q1: q(0.25),
        median: q(0.5),
        q3: q(0.75),
        max: v.last().copied().unwrap_or(0.0),
        mean: v.iter().sum::<f64>() / n as f64,
    })
}

/// One sample of a distribution comparison.
pub struct Sample<'a> {
    /// Label (e.g. the period).
    pub label: &'a str,
    /// Values.
    pub values: &'a [f64],
}

/// Two distributions on one axis: for each, a box plot (quartiles, median, min-max
/// whiskers), every value as a dot, the mean as a diamond, and the median and mean written
/// beside it; `headline` is written above (e.g. the ratio of the means).
#[allow(clippy::too_many_arguments)]
pub fn distributions(
    width: f64,
    title: &str,
    desc: &str,
    headline: &str,
    samples: [&Sample<'_>; 2],
    format: &dyn Fn(f64) -> String,
    stats_line: &dyn Fn(&Summary) -> String,
) -> String {
    let all = samples.iter().flat_map(|s| s.values.iter().copied()).filter(|v| v.is_finite());
    let hi = all.fold(0.0, f64::max);
    let ticks = nice_ticks(0.0, hi, 7);
    let label_w = samples.iter().map(|s| text_width(s.label, 12.0)).fold(0.0, f64::max);
    let left = (label_w + 20.0).max(70.0);
    let right = 20.0;
    let top = 38.0;
    let row_h = 78.0;
    let height = top + row_h * 2.0 + 30.0;
    let plot_w = (width - left - right).max(10.0);
    let x_of = |v: f64| left + plot_w * ticks.fraction(v);
    let mut svg = Svg::new(width, height, title, desc);
    svg.text(left, 20.0, "start", &format!("fill=\"{INK}\" font-size=\"15\" font-weight=\"bold\""), headline);
    let axis_y = top + row_h * 2.0;
    for v in &ticks.values {
        svg.line(x_of(*v), top, x_of(*v), axis_y, GRID);
        svg.text(x_of(*v), axis_y + 16.0, "middle", LABEL, &format(*v));
    }
    svg.line(left, axis_y, left + plot_w, axis_y, AXIS);
    let fills = ["#cbd5e1", "#60a5fa"];
    for (r, sample) in samples.iter().enumerate() {
        let cy = top + row_h * r as f64 + 40.0;
        svg.text(
            left - 10.0,
            cy + 4.0,
            "end",
            &format!("fill=\"{INK}\" font-size=\"12\" font-weight=\"bold\""),
            sample.label,
        );
        let Some(s) = summary(sample.values) else {
            continue;
        };
        svg.text(x_of(s.min), cy - 24.0, "start", LABEL, &stats_line(&s));
        svg.line(x_of(s.min), cy, x_of(s.q1), cy, &format!("stroke=\"{INK}\" stroke-width=\"1\""));
        svg.line(x_of(s.q3), cy, x_of(s.max), cy, &format!("stroke=\"{INK}\" stroke-width=\"1\""));
        svg.line(
            x_of(s.min),
            cy - 6.0,
            x_of(s.min),
            cy + 6.0,
            &format!("stroke=\"{INK}\" stroke-width=\"1\""),
        );
        svg.line(
            x_of(s.max),
            cy - 6.0,
            x_of(s.max),
            cy + 6.0,
            &format!("stroke=\"{INK}\" stroke-width=\"1\""),
        );
        let fill = fills.get(r).copied().unwrap_or("#cbd5e1");
        svg.rect(
            x_of(s.q1),
            cy - 12.0,
            x_of(s.q3) - x_of(s.q1),
            24.0,
            &format!("fill=\"{fill}\" fill-opacity=\"0.6\" stroke=\"{INK}\" stroke-width=\"1\""),
        );
        svg.line(
            x_of(s.median),
            cy - 12.0,
            x_of(s.median),
            cy + 12.0,
            &format!("stroke=\"{INK}\" stroke-width=\"3\""),
        );
        for (i, v) in sample.values.iter().enumerate().filter(|(_, v)| v.is_finite()) {
            let dy = ((i % 5) as f64 - 2.0) * 3.0;
            let _ = write!(
                svg.buf,
                "<circle cx=\"{}\" cy=\"{}\" r=\"2\" fill=\"{INK}\" fill-opacity=\"0.55\"/>",
                num(x_of(*v)),
                num(cy + 20.0 + dy.abs())
            );
        }
        let mx = x_of(s.mean);
        let _ = write!(
            svg.buf,
            "<path d=\"M{} {} L{} {} L{} {} L{} {} Z\" fill=\"#fff\" stroke=\"{INK}\" stroke-width=\"1.5\"/>",
            num(mx),
            num(cy - 6.0),
            num(mx + 6.0),
            num(cy),
            num(mx),
            num(cy + 6.0),
            num(mx - 6.0),
            num(cy)
        );
    }
    svg.finish()
}

/// A horizontal bar.
pub struct HBar {
    /// Label at the left (wrapped to two lines at most).
    pub label: String,
    /// Length.
    pub value: f64,
    /// Text written after the bar.
    pub value_label: String,
}

/// Horizontal bars, longest scale at the largest value, labels at the left.
pub fn hbars(width: f64, title: &str, desc: &str, bars: &[HBar], fill: &str) -> String {
    let label_max = (width * 0.38).max(80.0);
    let wrapped: Vec<Vec<String>> = bars
        .iter()
        .map(|b| {
            let mut lines = wrap(&b.label, label_max, 12.0);
            if lines.len() > 2 {
                lines.truncate(2);
                if let Some(last) = lines.last_mut() {
                    while !last.is_empty() && text_width(&format!("{last}…"), 12.0) > label_max {
                        last.pop();
                    }
                    last.push('…');
                }
            }
            lines
        })
        .collect();
    let label_w = wrapped.iter().flatten().map(|l| text_width(l, 12.0)).fold(0.0, f64::max);
    let value_w = bars.iter().map(|b| text_width(&b.value_label, 11.0)).fold(0.0, f64::max);
    let left = label_w + 16.0;
    let plot_w = (width - left - value_w - 16.0).max(10.0);
    let row_h = 34.0;
    let top = 8.0;
    let height = top + row_h * bars.len() as f64 + 8.0;
    let max = bars.iter().map(|b| b.value).filter(|v| v.is_finite()).fold(0.0, f64::max);
    let mut svg = Svg::new(width, height, title, desc);
    for (i, (bar, lines)) in bars.iter().zip(&wrapped).enumerate() {
        let cy = top + row_h * i as f64 + row_h / 2.0;
        let first = cy + 4.0 - 7.0 * (lines.len() as f64 - 1.0);
        for (k, line) in lines.iter().enumerate() {
            svg.text(
                left - 8.0,
                first + 14.0 * k as f64,
                "end",
                &format!("fill=\"{INK}\" font-size=\"12\""),
                line,
            );
        }
        let len = if max > 0.0 && bar.value.is_finite() { plot_w * (bar.value.max(0.0) / max) } else { 0.0 };
        svg.rect(
            left,
            cy - 10.0,
            len,
            20.0,
            &format!("fill=\"{fill}\" stroke=\"{INK}\" stroke-width=\"0.6\""),
        );
        svg.text(left + len + 6.0, cy + 4.0, "start", LABEL, &bar.value_label);
    }
    svg.line(left, top, left, height - 8.0, AXIS);
    svg.finish()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn nice_numbers() {
        // 97 = 9.7 x 10: not rounded -> 10 x 10 = 100; rounded -> 10 x 10 = 100.
        assert_eq!(nice_number(97.0, false), 100.0);
        // 25 = 2.5 x 10: rounded (2.5 < 3) -> 2 x 10 = 20; not rounded (2.5 <= 5) -> 50.
        assert_eq!(nice_number(25.0, true), 20.0);
        assert_eq!(nice_number(25.0, false), 50.0);
        // 0.037 = 3.7 x 0.01: rounded -> 5 x 0.01.
        assert!((nice_number(0.037, true) - 0.05).abs() < 1e-12);
        assert_eq!(nice_number(0.0, true), 1.0);
        assert_eq!(nice_number(f64::NAN, true), 1.0);
    }

    #[test]
    fn ticks_by_hand() {
        // range nice(97) = 100; step nice(100 / 4 = 25, round) = 20; 0..100.
        let t = nice_ticks(0.0, 97.0, 5);
        assert_eq!(t.values, vec![0.0, 20.0, 40.0, 60.0, 80.0, 100.0]);
        assert_eq!(t.decimals(), 0);
        // range nice(11.1) = 20; step nice(20 / 5 = 4, round) = 5; floor(-3.2/5) = -1, ceil(7.9/5) = 2.
        let t = nice_ticks(-3.2, 7.9, 6);
        assert_eq!(t.values, vec![-5.0, 0.0, 5.0, 10.0]);
        // Degenerate zero range becomes 0..1: step nice(1/4 = 0.25, round) = 0.2, no float noise.
        let t = nice_ticks(0.0, 0.0, 5);
        assert_eq!(t.values, vec![0.0, 0.2, 0.4, 0.6, 0.8, 1.0]);
        assert_eq!(t.decimals(), 1);
        // range nice(0.24) = 0.5 (2.4 -> 5); step nice(0.5 / 3, round) = 0.2; floor(0.1/0.2) = 0, ceil(0.34/0.2) = 2.
        let t = nice_ticks(0.1, 0.34, 4);
        assert_eq!(t.values, vec![0.0, 0.2, 0.4]);
        // range nice(0.7) = 1; step nice(1 / 7, round) = 0.1 (1.43 -> 1); 0.1 x 3 is cleaned
        // from 0.30000000000000004 to 0.3.
        let t = nice_ticks(0.0, 0.7, 8);
        assert_eq!(t.values, vec![0.0, 0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7]);
        // A constant 50 is widened by 10 % to 45..55: range nice(10) = 10, step nice(2.5) = 2.
        let t = nice_ticks(50.0, 50.0, 5);
        assert_eq!((t.min, t.max, t.step), (44.0, 56.0, 2.0));
        // Non-finite input falls back to 0..1.
        assert_eq!(nice_ticks(f64::NAN, 3.0, 5).max, 1.0);
    }

    proptest::proptest! {
        #[test]
        fn ticks_cover_the_data_with_few_ticks(a in -1e7f64..1e7, b in -1e7f64..1e7, n in 2usize..10) {
            let t = nice_ticks(a, b, n);
            proptest::prop_assert!(t.min <= a.min(b) && t.max >= a.max(b));
            proptest::prop_assert!(t.step > 0.0);
            proptest::prop_assert!(t.values.len() >= 2 && t.values.len() <= 2 * n + 2, "{:?}", t);
            proptest::prop_assert!(t.values.windows(2).all(|w| w[0] < w[1]));
        }

        #[test]
        fn wrapped_lines_fit(s in "[a-zA-Zéè ]{0,80}", w in 40f64..300.0) {
            for line in wrap(&s, w, 12.0) {
                // A single character may exceed a tiny width; every longer line fits.
                proptest::prop_assert!(line.chars().count() == 1 || text_width(&line, 12.0) <= w, "{line:?}");
            }
        }
    }

    #[test]
    fn numbers_are_fixed_and_never_negative_zero() {
        assert_eq!(num(1.25), "1.2"); // 1.25 is exact in binary; Rust rounds half to even
        assert_eq!(num(-0.01), "0");
        assert_eq!(num(3.0), "3");
        assert_eq!(num(f64::INFINITY), "0");
    }

    #[test]
    fn summary_by_hand() {
        // Sorted 10 20 30 40: type 7 q1 at h = 3 x 0.25 = 0.75 -> 10 + 0.75 x 10 = 17.5;
        // median at 1.5 -> 25; q3 at 2.25 -> 32.5; mean 100 / 4 = 25.
        let s = summary(&[40.0, 10.0, 30.0, 20.0]);
        assert_eq!(
            s,
            Some(Summary { count: 4, min: 10.0, q1: 17.5, median: 25.0, q3: 32.5, max: 40.0, mean: 25.0 })
        );
        let one = summary(&[7.0, f64::NAN]);
        assert_eq!(one.map(|s| (s.count, s.q1, s.median, s.q3)), Some((1, 7.0, 7.0, 7.0)));
        assert_eq!(summary(&[]), None);
    }

    #[test]
    fn wrapping_by_words() {
        // "Améliorer" ~ 9 chars x ~0.55 x 12 ≈ 62 px; a 100 px line holds one such word plus a short one.
        let lines = wrap("Améliorer la qualité de vie au travail", 100.0, 12.0);
        assert!(lines.len() >= 3, "{lines:?}");
        assert_eq!(lines.join(" "), "Améliorer la qualité de vie au travail");
        let broken = wrap("Anticonstitutionnellement", 60.0, 12.0);
        assert!(broken.len() >= 2);
        assert_eq!(broken.concat(), "Anticonstitutionnellement");
    }

    #[test]
    fn charts_escape_and_are_accessible() {
        let labels = vec!["<b>".to_string()];
        let svg = line_chart(&LineChart {
            width: 400.0,
            height: 200.0,
            title: "<script>",
            desc: "d",
            x_labels: &labels,
            series: &[Some(1.0)],
            series_name: "\"s\"",
            target: &[],
            target_name: "",
            bands: &[],
            format: &|v| format!("{v}"),
        });
        assert!(svg.starts_with("<svg") && svg.ends_with("</svg>"));
        assert!(svg.contains("role=\"img\"") && svg.contains("<title>&lt;script&gt;</title><desc>d</desc>"));
        assert!(!svg.contains("<b>") && !svg.contains("<script"));
    }
}
