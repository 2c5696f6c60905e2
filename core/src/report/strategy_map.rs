//! The strategy map: objectives in rows by perspective, cause-effect arrows between them.
//!
//! The layout is deterministic and computed before drawing ([`layout_strategy_map`]), so
//! that it can be tested: one row per perspective, in order (objectives naming an unknown
//! perspective go to a last row); within a row, each objective gets an equal slot and a box
//! centred in it, as wide as its word-wrapped name needs and never wider than its slot minus
//! a gap, so boxes cannot overlap; rows are as tall as their tallest box. Arrows are cubic
//! curves from the cause's edge to the effect's edge (top or bottom edge facing the other
//! box; the top edges, arcing above the row, when both are in the same row), with the
//! attachment points of one edge spread along it. Arrows are drawn under the boxes, so text
//! is never crossed. Each box shows its status by colour, border style, a symbol and the
//! status word, so the map reads in black and white.

use std::fmt::Write as _;

use super::escape::{anchor_id, escape};
use super::model::{MapLink, StrategyMapView};
use super::svg::{Svg, num, status_dash, status_fill, status_stroke, text_width, wrap};
use crate::engine::scoring::Status;
use crate::locale::{Label, Locale, status_symbol};
use crate::model::scorecard::Sign;

/// Width of the drawing.
pub const MAP_WIDTH: f64 = 1000.0;
const LABEL_COL: f64 = 160.0;
const MARGIN: f64 = 12.0;
const GAP: f64 = 28.0;
const MAX_BOX: f64 = 230.0;
const MIN_BOX: f64 = 96.0;
const PAD: f64 = 9.0;
const NAME_SIZE: f64 = 12.0;
const STATUS_SIZE: f64 = 11.0;
const LINE_H: f64 = 15.0;
const ROW_PAD: f64 = 26.0;

/// An axis-aligned rectangle.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Rect {
    /// Left.
    pub x: f64,
    /// Top.
    pub y: f64,
    /// Width.
    pub w: f64,
    /// Height.
    pub h: f64,
}

impl Rect {
    /// True when the interiors of the two rectangles intersect.
    pub fn overlaps(&self, other: &Rect) -> bool {
        self.x < other.x + other.w
            && other.x < self.x + self.w
            && self.y < other.y + other.h
            && other.y < self.y + self.h
    }

    /// True when `other` lies inside this rectangle.
    pub fn contains(&self, other: &Rect) -> bool {
        other.x >= self.x
            && other.y >= self.y
            && other.x + other.w <= self.x + self.w
            && other.y + other.h <= self.y + self.h
    }
}

/// A line of text placed on the map, with its estimated bounding box.
#[derive(Debug, Clone, PartialEq)]
pub struct TextLine {
    /// The text (not escaped yet).
    pub text: String,
    /// Anchor x (centre for objective lines, right end for perspective labels).
    pub x: f64,
    /// Baseline y.
    pub y: f64,
    /// Font size.
    pub size: f64,
    /// Estimated bounding box.
    pub bounds: Rect,
}

impl TextLine {
    fn centred(text: String, cx: f64, baseline: f64, size: f64) -> TextLine {
        let w = text_width(&text, size);
        let bounds = Rect { x: cx - w / 2.0, y: baseline - size * 0.9, w, h: size * 1.15 };
        TextLine { text, x: cx, y: baseline, size, bounds }
    }
}

/// A placed objective box.
#[derive(Debug, Clone, PartialEq)]
pub struct PlacedObjective {
    /// Objective id.
    pub id: String,
    /// Full name (for the tooltip).
    pub name: String,
    /// Status.
    pub status: Status,
    /// The box.
    pub rect: Rect,
    /// Name lines, then the status line(s).
    pub lines: Vec<TextLine>,
    /// How many of `lines` are the name.
    pub name_lines: usize,
}

/// A placed perspective row.
#[derive(Debug, Clone, PartialEq)]
pub struct PlacedRow {
    /// Perspective name.
    pub name: String,
    /// The band of the row.
    pub rect: Rect,
    /// Label lines in the left column.
    pub label: Vec<TextLine>,
}

/// The computed layout of a strategy map.
#[derive(Debug, Clone, PartialEq)]
pub struct MapLayout {
    /// Width.
    pub width: f64,
    /// Height (rows, then the legend).
    pub height: f64,
    /// Rows, top to bottom.
    pub rows: Vec<PlacedRow>,
    /// Boxes, in the view's objective order.
    pub boxes: Vec<PlacedObjective>,
    /// Row index of each box.
    pub box_rows: Vec<usize>,
    /// Top of the legend.
    pub legend_y: f64,
}

fn status_text(status: Status, score: Option<f64>, locale: Locale) -> String {
    let word = locale.rollup_status(status);
    match score {
        Some(s) if s.is_finite() && matches!(status, Status::Green | Status::Amber | Status::Red) => {
            format!("{} {word} · {}", status_symbol(status), locale.number(s, 0))
        }
        _ => format!("{} {word}", status_symbol(status)),
    }
}

/// Computes the layout of the map (see the module docs for the rules).
pub fn layout_strategy_map(view: &StrategyMapView, locale: Locale) -> MapLayout {
    // Row membership, in view order.
    let mut row_names: Vec<String> = view.perspectives.iter().map(|p| p.name.clone()).collect();
    let mut members: Vec<Vec<usize>> = vec![Vec::new(); view.perspectives.len()];
    let mut orphans = Vec::new();
    for (i, o) in view.objectives.iter().enumerate() {
        match view.perspectives.iter().position(|p| p.id == o.perspective) {
            Some(r) => {
                if let Some(m) = members.get_mut(r) {
                    m.push(i);
                }
            }
            None => orphans.push(i),
        }
    }
    if !orphans.is_empty() {
        row_names.push(locale.label(Label::NoPerspective).to_string());
        members.push(orphans);
    }

    let content_x = LABEL_COL + MARGIN;
    let avail = MAP_WIDTH - content_x - MARGIN;
    let mut rows = Vec::new();
    let mut boxes: Vec<(usize, usize, PlacedObjective)> = Vec::new();
    let mut y = MARGIN;
    for (r, (name, idx)) in row_names.iter().zip(&members).enumerate() {
        let n = idx.len().max(1) as f64;
        let slot = avail / n;
        let max_w = (slot - GAP).clamp(20.0, MAX_BOX);
        let text_max = (max_w - 2.0 * PAD).max(8.0);
        // Wrap each box's text first to know the row height.
        let mut drafts = Vec::new();
        for &i in idx {
            let Some(o) = view.objectives.get(i) else { continue };
            let name_lines = wrap(&o.name, text_max, NAME_SIZE);
            let status_lines = wrap(&status_text(o.status, o.score, locale), text_max, STATUS_SIZE);
            let widest = name_lines
                .iter()
                .map(|l| text_width(l, NAME_SIZE))
                .chain(status_lines.iter().map(|l| text_width(l, STATUS_SIZE)))
                .fold(0.0, f64::max);
            let w = (widest + 2.0 * PAD).max(MIN_BOX).min(max_w);
            let h = 2.0 * PAD + LINE_H * (name_lines.len() + status_lines.len()) as f64 + 4.0;
            drafts.push((i, name_lines, status_lines, w, h));
        }
        let label_lines = wrap(name, LABEL_COL - 2.0 * MARGIN, 13.0);
        let label_h = LINE_H * label_lines.len() as f64 + 2.0 * PAD;
        let tallest = drafts.iter().map(|d| d.4).fold(label_h, f64::max);
        let row_h = tallest + 2.0 * ROW_PAD;
        let row_rect = Rect { x: 0.0, y, w: MAP_WIDTH, h: row_h };
        let first_label = y + row_h / 2.0 - LINE_H * (label_lines.len() as f64 - 1.0) / 2.0 + 4.5;
        let label = label_lines
            .into_iter()
            .enumerate()
            .map(|(k, t)| {
                TextLine::centred(
                    t,
                    MARGIN + (LABEL_COL - MARGIN) / 2.0,
                    first_label + LINE_H * k as f64,
                    13.0,
                )
            })
            .collect();
        rows.push(PlacedRow { name: name.clone(), rect: row_rect, label });
        for (k, (i, name_lines, status_lines, w, h)) in drafts.into_iter().enumerate() {
            let Some(o) = view.objectives.get(i) else { continue };
            let cx = content_x + slot * (k as f64 + 0.5);
            let rect = Rect { x: cx - w / 2.0, y: y + (row_h - h) / 2.0, w, h };
            let mut baseline = rect.y + PAD + NAME_SIZE;
            let mut lines = Vec::new();
            let name_count = name_lines.len();
            for l in name_lines {
                lines.push(TextLine::centred(l, cx, baseline, NAME_SIZE));
                baseline += LINE_H;
            }
            baseline += 4.0;
            for l in status_lines {
                lines.push(TextLine::centred(l, cx, baseline, STATUS_SIZE));
                baseline += LINE_H;
            }
            boxes.push((
                i,
                r,
                PlacedObjective {
                    id: o.id.clone(),
                    name: o.name.clone(),
                    status: o.status,
                    rect,
                    lines,
                    name_lines: name_count,
                },
            ));
        }
        y += row_h;
    }
    crate::sort::sort_by_key(&mut boxes, |b| b.0);
    let box_rows = boxes.iter().map(|b| b.1).collect();
    let boxes = boxes.into_iter().map(|b| b.2).collect();
    let legend_y = y + 10.0;
    MapLayout { width: MAP_WIDTH, height: legend_y + 52.0, rows, boxes, box_rows, legend_y }
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum Side {
    Top,
    Bottom,
}

/// Ends of each drawable link: (link index, from box, to box, side at the cause, side at the effect).
fn link_ends(view: &StrategyMapView, layout: &MapLayout) -> Vec<(usize, usize, usize, Side, Side)> {
    let find = |id: &str| layout.boxes.iter().position(|b| b.id == id);
    let mut out = Vec::new();
    for (k, link) in view.links.iter().enumerate() {
        let (Some(a), Some(b)) = (find(&link.from), find(&link.to)) else { continue };
        if a == b {
            continue;
        }
        let (ra, rb) =
            (layout.box_rows.get(a).copied().unwrap_or(0), layout.box_rows.get(b).copied().unwrap_or(0));
        let sides = if ra > rb {
            (Side::Top, Side::Bottom)
        } else if ra < rb {
            (Side::Bottom, Side::Top)
        } else {
            (Side::Top, Side::Top)
        };
        out.push((k, a, b, sides.0, sides.1));
    }
    out
}

fn link_title(link: &MapLink, from: &str, to: &str, locale: Locale) -> String {
    let sign = match link.sign {
        Sign::Positive => locale.label(Label::Positive),
        Sign::Negative => locale.label(Label::Negative),
    };
    let mut t = format!(
        "{from} → {to} : {sign}, {} {} {}",
        locale.label(Label::Lag),
        link.lag,
        locale.label(Label::Periods)
    );
    if let Some(a) = link.agreement {
        let _ = write!(t, ", {} {}", locale.label(Label::Agreement), locale.number(a, 2));
    }
    t
}

/// Draws the strategy map as SVG.
pub fn strategy_map_svg(view: &StrategyMapView, locale: Locale) -> String {
    let layout = layout_strategy_map(view, locale);
    let mut svg = Svg::new(
        layout.width,
        layout.height,
        locale.label(Label::StrategyMap),
        &format!(
            "{} : {} {}, {} {}",
            locale.label(Label::StrategyMap),
            layout.boxes.len(),
            locale.label_lower(Label::Objective),
            view.links.len(),
            locale.label_lower(Label::Links)
        ),
    );
    svg.raw(
        "<defs><marker id=\"pm-arrow\" viewBox=\"0 0 10 10\" refX=\"9\" refY=\"5\" markerWidth=\"7\" markerHeight=\"7\" orient=\"auto-start-reverse\"><path d=\"M0 0 L10 5 L0 10 Z\" fill=\"#344054\"/></marker></defs>",
    );
    for (r, row) in layout.rows.iter().enumerate() {
        let fill = if r % 2 == 0 { "#f8fafc" } else { "#eef2f6" };
        svg.rect(row.rect.x, row.rect.y, row.rect.w, row.rect.h, &format!("fill=\"{fill}\""));
        svg.line(
            LABEL_COL,
            row.rect.y + 6.0,
            LABEL_COL,
            row.rect.y + row.rect.h - 6.0,
            "stroke=\"#98a2b3\" stroke-width=\"1\"",
        );
        for l in &row.label {
            svg.text(l.x, l.y, "middle", "fill=\"#1d2939\" font-size=\"13\" font-weight=\"bold\"", &l.text);
        }
    }

    // Spread the attachment points of each box edge, ordered by the other end's x.
    let ends = link_ends(view, &layout);
    let centre_x = |b: usize| layout.boxes.get(b).map(|p| p.rect.x + p.rect.w / 2.0).unwrap_or(0.0);
    let mut attach: Vec<(usize, Side, f64, usize, bool)> = Vec::new(); // (box, side, other x, link, is cause)
    for &(k, a, b, sa, sb) in &ends {
        attach.push((a, sa, centre_x(b), k, true));
        attach.push((b, sb, centre_x(a), k, false));
    }
    let mut points: Vec<((usize, bool), (f64, f64))> = Vec::new();
    for &(bx, side, _, _, _) in &attach {
        let mut on_edge: Vec<&(usize, Side, f64, usize, bool)> =
            attach.iter().filter(|t| t.0 == bx && t.1 == side).collect();
        crate::sort::sort_by(&mut on_edge, |p, q| {
            p.2.total_cmp(&q.2).then(p.3.cmp(&q.3)).then(p.4.cmp(&q.4))
        });
        let Some(rect) = layout.boxes.get(bx).map(|p| p.rect) else { continue };
        let m = on_edge.len() as f64;
        for (j, t) in on_edge.iter().enumerate() {
            let key = (t.3, t.4);
            if points.iter().any(|p| p.0 == key) {
                continue;
            }
            let x = rect.x + rect.w * (j as f64 + 1.0) / (m + 1.0);
            let y = if side == Side::Top { rect.y } else { rect.y + rect.h };
            points.push((key, (x, y)));
        }
    }
    let point = |key: (usize, bool)| points.iter().find(|p| p.0 == key).map(|p| p.1).unwrap_or((0.0, 0.0));
    for &(k, a, b, sa, sb) in &ends {
        let Some(link) = view.links.get(k) else { continue };
        let (sx, sy) = point((k, true));
        let (ex, ey) = point((k, false));
        let (c1, c2) = match (sa, sb) {
            (Side::Top, Side::Top) => (sy - 34.0, ey - 34.0),
            _ => {
                let dy = (ey - sy) / 2.0;
                (sy + dy, ey - dy)
            }
        };
        let (stroke, dash) = match link.sign {
            Sign::Positive => ("#344054", ""),
            Sign::Negative => ("#b42318", " stroke-dasharray=\"6 4\""),
        };
        let from = layout.boxes.get(a).map(|p| p.name.as_str()).unwrap_or("");
        let to = layout.boxes.get(b).map(|p| p.name.as_str()).unwrap_or("");
        let _ = write!(
            svg_raw_buf(&mut svg),
            "<path d=\"M{} {} C{} {} {} {} {} {}\" fill=\"none\" stroke=\"{stroke}\" stroke-width=\"1.6\"{dash} marker-end=\"url(#pm-arrow)\"><title>{}</title></path>",
            num(sx),
            num(sy),
            num(sx),
            num(c1),
            num(ex),
            num(c2),
            num(ex),
            num(ey),
            escape(&link_title(link, from, to, locale))
        );
    }

    for b in &layout.boxes {
        let mut s = String::new();
        let _ = write!(
            s,
            "<a href=\"#{}\"><title>{}</title><rect x=\"{}\" y=\"{}\" width=\"{}\" height=\"{}\" rx=\"6\" fill=\"{}\" stroke=\"{}\" stroke-width=\"2\"{}/>",
            anchor_id(&b.id),
            escape(&format!("{} — {}", b.name, locale.rollup_status(b.status))),
            num(b.rect.x),
            num(b.rect.y),
            num(b.rect.w),
            num(b.rect.h),
            status_fill(b.status),
            status_stroke(b.status),
            status_dash(b.status)
        );
        for (k, l) in b.lines.iter().enumerate() {
            let style = if k < b.name_lines {
                "fill=\"#101828\" font-size=\"12\" font-weight=\"bold\"".to_string()
            } else {
                format!("fill=\"{}\" font-size=\"11\" font-weight=\"bold\"", status_stroke(b.status))
            };
            let _ = write!(
                s,
                "<text x=\"{}\" y=\"{}\" text-anchor=\"middle\" {style}>{}</text>",
                num(l.x),
                num(l.y),
                escape(&l.text)
            );
        }
        s.push_str("</a>");
        svg.raw(&s);
    }

    // Legend: the five statuses, then the two arrow kinds.
    let mut x = MARGIN;
    let y = layout.legend_y;
    for st in [Status::Green, Status::Amber, Status::Red, Status::NoData, Status::Suppressed] {
        let text = format!("{} {}", status_symbol(st), locale.rollup_status(st));
        let w = text_width(&text, 11.0) + 16.0;
        let _ = write!(
            svg_raw_buf(&mut svg),
            "<rect x=\"{}\" y=\"{}\" width=\"{}\" height=\"18\" rx=\"4\" fill=\"{}\" stroke=\"{}\" stroke-width=\"1.5\"{}/>",
            num(x),
            num(y),
            num(w),
            status_fill(st),
            status_stroke(st),
            status_dash(st)
        );
        svg.text(
            x + 8.0,
            y + 13.0,
            "start",
            &format!("fill=\"{}\" font-size=\"11\" font-weight=\"bold\"", status_stroke(st)),
            &text,
        );
        x += w + 10.0;
    }
    let y2 = y + 34.0;
    let mut x = MARGIN;
    for (sign, stroke, dash) in
        [(Label::Positive, "#344054", ""), (Label::Negative, "#b42318", " stroke-dasharray=\"6 4\"")]
    {
        let _ = write!(
            svg_raw_buf(&mut svg),
            "<path d=\"M{} {} L{} {}\" stroke=\"{stroke}\" stroke-width=\"1.6\"{dash} marker-end=\"url(#pm-arrow)\"/>",
            num(x),
            num(y2 - 4.0),
            num(x + 34.0),
            num(y2 - 4.0)
        );
        let text = format!(
            "{} → {} ({})",
            locale.label(Label::Cause),
            locale.label(Label::Effect),
            locale.label(sign)
        );
        svg.text(x + 42.0, y2, "start", "fill=\"#344054\" font-size=\"11\"", &text);
        x += 42.0 + text_width(&text, 11.0) + 24.0;
    }
    svg.finish()
}

/// A string that `write!` appends to the SVG through [`Svg::raw`].
fn svg_raw_buf(svg: &mut Svg) -> RawWriter<'_> {
    RawWriter(svg)
}

struct RawWriter<'a>(&'a mut Svg);

impl std::fmt::Write for RawWriter<'_> {
    fn write_str(&mut self, s: &str) -> std::fmt::Result {
        self.0.raw(s);
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::report::model::{MapObjective, MapPerspective};

    fn four_by_four() -> StrategyMapView {
        let perspectives = [
            ("citoyens", "Citoyens et territoire"),
            ("finances", "Finances et partenariats"),
            ("processus", "Processus internes"),
            ("personnes", "Personnes et qualité de vie au travail"),
        ];
        let names = [
            "Accroître l’attractivité économique et résidentielle du centre-ville",
            "Réduire de moitié le délai d’instruction des dossiers d’urbanisme",
            "Développer les partenariats public-privé de l’initiative INVESTINROMANS",
            "Améliorer durablement la qualité de vie au travail des agents municipaux",
        ];
        let statuses = [Status::Green, Status::Amber, Status::Red, Status::NoData];
        let mut objectives = Vec::new();
        for (p, _) in &perspectives {
            for (k, n) in names.iter().enumerate() {
                objectives.push(MapObjective {
                    id: format!("{p}-{k}"),
                    name: (*n).to_string(),
                    perspective: (*p).to_string(),
                    status: statuses[k],
                    score: Some(100.0),
                });
            }
        }
        StrategyMapView {
            perspectives: perspectives
                .iter()
                .map(|(id, name)| MapPerspective { id: (*id).into(), name: (*name).into() })
                .collect(),
            objectives,
            links: vec![
                MapLink {
                    from: "personnes-3".into(),
                    to: "processus-1".into(),
                    sign: Sign::Positive,
                    lag: 1,
                    agreement: Some(0.8),
                },
                MapLink {
                    from: "processus-1".into(),
                    to: "citoyens-0".into(),
                    sign: Sign::Positive,
                    lag: 2,
                    agreement: None,
                },
                MapLink {
                    from: "finances-2".into(),
                    to: "finances-0".into(),
                    sign: Sign::Negative,
                    lag: 0,
                    agreement: None,
                },
                MapLink {
                    from: "nowhere".into(),
                    to: "finances-0".into(),
                    sign: Sign::Positive,
                    lag: 0,
                    agreement: None,
                },
            ],
        }
    }

    #[test]
    fn four_by_four_layout_has_no_overlap() {
        for locale in [Locale::Fr, Locale::En] {
            let layout = layout_strategy_map(&four_by_four(), locale);
            assert_eq!(layout.rows.len(), 4);
            assert_eq!(layout.boxes.len(), 16);
            let rects: Vec<Rect> = layout.boxes.iter().map(|b| b.rect).collect();
            for (i, a) in rects.iter().enumerate() {
                for b in rects.iter().skip(i + 1) {
                    assert!(!a.overlaps(b), "{a:?} overlaps {b:?}");
                }
                assert!(a.x >= LABEL_COL && a.x + a.w <= MAP_WIDTH, "{a:?} leaves the drawing");
            }
            let mut labels: Vec<Rect> = Vec::new();
            for b in &layout.boxes {
                // Long names wrap to several lines; every line stays inside its box.
                assert!(b.name_lines >= 2, "{:?}", b.lines);
                for l in &b.lines {
                    assert!(b.rect.contains(&l.bounds), "{:?} not inside {:?}", l, b.rect);
                    labels.push(l.bounds);
                }
            }
            for r in &layout.rows {
                for l in &r.label {
                    assert!(l.bounds.x >= 0.0 && l.bounds.x + l.bounds.w <= LABEL_COL, "{l:?}");
                    labels.push(l.bounds);
                }
            }
            for (i, a) in labels.iter().enumerate() {
                for b in labels.iter().skip(i + 1) {
                    assert!(!a.overlaps(b), "label {a:?} overlaps {b:?}");
                }
            }
            // Rows stack without overlapping, in perspective order.
            for w in layout.rows.windows(2) {
                assert!(w[0].rect.y + w[0].rect.h <= w[1].rect.y);
            }
            assert_eq!(layout.rows[3].name, "Personnes et qualité de vie au travail");
        }
    }

    #[test]
    fn each_row_holds_its_perspective_objectives() {
        let layout = layout_strategy_map(&four_by_four(), Locale::Fr);
        for (b, r) in layout.boxes.iter().zip(&layout.box_rows) {
            let row = &layout.rows[*r].rect;
            assert!(row.contains(&b.rect));
            let expected = ["citoyens", "finances", "processus", "personnes"][*r];
            assert!(b.id.starts_with(expected));
        }
    }

    #[test]
    fn drawing_shows_status_by_word_and_symbol_and_links_as_arrows() {
        let svg = strategy_map_svg(&four_by_four(), Locale::Fr);
        assert!(
            svg.contains("✓ Favorable · 100"),
            "an objective is an average: its green is worded Favorable"
        );
        assert!(svg.contains("✗ Défavorable · 100"));
        assert!(svg.contains("– Sans donnée")); // no score shown for "no data"
        // 3 drawable links (the one from an unknown objective is skipped) + 2 legend arrows.
        assert_eq!(svg.matches("marker-end=\"url(#pm-arrow)\"").count(), 5);
        assert!(svg.contains("href=\"#node-citoyens-0\""));
        assert!(svg.contains("décalage 1 période(s), concordance observée 0,80"));
        assert_eq!(svg, strategy_map_svg(&four_by_four(), Locale::Fr));
    }

    #[test]
    fn orphans_get_a_last_row_and_empty_maps_draw() {
        let mut view = four_by_four();
        view.objectives[0].perspective = "inconnue".into();
        let layout = layout_strategy_map(&view, Locale::En);
        assert_eq!(layout.rows.len(), 5);
        assert_eq!(layout.rows[4].name, "No perspective");
        assert_eq!(layout.box_rows[0], 4);
        let empty = strategy_map_svg(&StrategyMapView::default(), Locale::En);
        assert!(empty.starts_with("<svg") && empty.ends_with("</svg>"));
    }
}
