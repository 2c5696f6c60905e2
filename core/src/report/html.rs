//! The self-contained HTML report: inline CSS and inline SVG, no script, no network; prints
//! to A4 (`@page { size: A4; margin: 15mm }`, one section per page, figures never split).
//!
//! Sections: overview, strategy map, indicator cards, portfolio, partnerships, and the
//! explanation of every perspective and objective. Each node has one anchor
//! `id="node-<sanitised id>"` ([`anchor_id`]): the explanation block of a perspective or an
//! objective, or the card of an indicator; every number of the overview links to it.

use std::fmt::Write as _;

use super::card::{card_chart_svg, latest_text};
use super::escape::{anchor_id, escape};
use super::model::{PartnershipView, PortfolioView, ReportView, StrategyMapView};
use super::overview::{overview_html, overview_svg, score_text, status_badge, trend_text};
use super::partnership::{funds_svg, leverage_svg, top_partners_svg};
use super::portfolio::{ageing_svg, caseload_svg, lead_time_svg};
use super::strategy_map::strategy_map_svg;
use crate::engine::evaluation::NodeResult;
use crate::explain::render_in;
use crate::locale::{Label, Locale};
use crate::model::scorecard::Sign;

const CSS: &str = r#"
:root{--ink:#101828;--muted:#475467;--line:#d0d5dd;--accent:#1d4ed8}
*{box-sizing:border-box}
body{margin:0;background:#f2f4f7;color:var(--ink);font-family:"Liberation Sans",Arial,Helvetica,"DejaVu Sans",sans-serif;font-size:14px;line-height:1.45;overflow-wrap:break-word}
main{max-width:1060px;margin:0 auto;padding:0 16px 40px}
header.cover{background:#0b2545;color:#fff;padding:28px 32px 22px;margin:0 0 18px}
header.cover .org{margin:0;font-size:14px;letter-spacing:.06em;text-transform:uppercase;opacity:.85}
header.cover h1{margin:6px 0 6px;font-size:28px;line-height:1.2}
header.cover .meta{margin:0;font-size:14px;opacity:.9}
nav.toc{margin-top:14px;font-size:13px}
nav.toc a{color:#fff;margin-right:16px}
section{background:#fff;border:1px solid var(--line);border-radius:8px;padding:18px 22px;margin:0 0 18px}
h2{margin:0 0 12px;font-size:21px;border-bottom:3px solid var(--accent);padding-bottom:6px}
h3{margin:14px 0 6px;font-size:16px}
figure{margin:8px 0 16px;break-inside:avoid;page-break-inside:avoid}
svg{max-width:100%;height:auto;display:block}
a{color:inherit}
table{border-collapse:collapse;width:100%;margin:8px 0;font-size:13px}
th,td{border-bottom:1px solid #eaecf0;padding:5px 8px;text-align:left;vertical-align:top}
tbody th,td{overflow-wrap:anywhere;min-width:6em}
thead th{background:#f2f4f7;font-size:12px;text-transform:uppercase;letter-spacing:.03em;color:var(--muted)}
tr{break-inside:avoid;page-break-inside:avoid}
tr.persp th,tr.persp td{background:#f8fafc;font-weight:bold;border-top:2px solid var(--line)}
th.obj{font-weight:normal;padding-left:22px}
.num{text-align:right;white-space:nowrap;font-variant-numeric:tabular-nums}
.badge{display:inline-block;padding:1px 8px;border-radius:10px;border:1.5px solid;font-size:12px;font-weight:bold;white-space:nowrap}
.st-green{color:#1b7a3a;background:#dcf2e3;border-color:#1b7a3a}
.st-amber{color:#a45a00;background:#fdebc8;border-color:#a45a00}
.st-red{color:#b42318;background:#fadcd9;border-color:#b42318}
.st-no_data{color:#475467;background:#f2f4f7;border-color:#667085;border-style:dashed}
.st-suppressed{color:#344054;background:#e4e7ec;border-color:#475467;border-style:dotted}
.cards{display:grid;grid-template-columns:repeat(2,minmax(0,1fr));gap:14px}
article.card{border:1px solid var(--line);border-radius:8px;padding:8px 10px;break-inside:avoid;page-break-inside:avoid}
article.card h3{margin:4px 0 4px;font-size:15px}
article.card ul,.explain ul{margin:6px 0 0;padding-left:18px;font-size:12.5px;color:#344054}
.explain{border-left:4px solid var(--line);padding:4px 0 6px 12px;margin:10px 0;break-inside:avoid;page-break-inside:avoid}
.explain.objective{margin-left:18px}
.explain h3,.explain h4{margin:0 0 2px;font-size:14px}
.explain .facts{font-size:12.5px;color:var(--muted)}
:target{outline:3px solid #f79009;outline-offset:2px}
p.note{color:var(--muted);font-size:12.5px}
p.headline{font-size:16px;font-weight:bold;margin:6px 0}
p.latest{margin:0 0 4px;font-size:13px;font-weight:bold}
.st-text-green{color:#1b7a3a}.st-text-amber{color:#a45a00}.st-text-red{color:#b42318}.st-text-no_data,.st-text-suppressed{color:#475467}
@page{size:A4;margin:15mm}
@media print{
 body{background:#fff;font-size:11pt}
 main{max-width:none;padding:0}
 header.cover{-webkit-print-color-adjust:exact;print-color-adjust:exact}
 section{border:none;border-radius:0;padding:0;margin:0;break-before:page;page-break-before:always}
 *{-webkit-print-color-adjust:exact;print-color-adjust:exact}
 nav.toc{display:none}
 .cards{grid-template-columns:1fr 1fr;gap:8px}
}
"#;

/// The engine's explanation of a node in `locale` ([`render_in`]), one sentence a line;
/// none without a node.
pub fn explanation_lines(node: Option<&NodeResult>, locale: Locale) -> Vec<String> {
    let Some(n) = node else { return Vec::new() };
    render_in(n, locale).lines().map(str::trim).filter(|l| !l.is_empty()).map(str::to_string).collect()
}

fn ul(lines: &[String]) -> String {
    if lines.is_empty() {
        return String::new();
    }
    let mut s = String::from("<ul>");
    for l in lines {
        let _ = write!(s, "<li>{}</li>", escape(l));
    }
    s.push_str("</ul>");
    s
}

fn figure(svg: &str) -> String {
    format!("<figure>{svg}</figure>")
}

fn links_table(map: &StrategyMapView, locale: Locale) -> String {
    let name = |id: &str| map.objectives.iter().find(|o| o.id == id).map(|o| o.name.clone());
    let mut rows = String::new();
    for l in &map.links {
        let (Some(from), Some(to)) = (name(&l.from), name(&l.to)) else { continue };
        let sign = match l.sign {
            Sign::Positive => locale.label(Label::Positive),
            Sign::Negative => locale.label(Label::Negative),
        };
        let agreement = l.agreement.map(|a| locale.number(a, 2)).unwrap_or_else(|| "–".to_string());
        let _ = write!(
            rows,
            "<tr><td><a href=\"#{}\">{}</a></td><td><a href=\"#{}\">{}</a></td><td>{}</td><td class=\"num\">{} {}</td><td class=\"num\">{}</td></tr>",
            anchor_id(&l.from),
            escape(&from),
            anchor_id(&l.to),
            escape(&to),
            sign,
            l.lag,
            locale.label(Label::Periods),
            agreement
        );
    }
    if rows.is_empty() {
        return format!("<p class=\"note\">{}</p>", locale.label(Label::NoLinks));
    }
    format!(
        "<h3>{}</h3><table><thead><tr><th>{}</th><th>{}</th><th>{}</th><th class=\"num\">{}</th><th class=\"num\">{}</th></tr></thead><tbody>{rows}</tbody></table>",
        locale.label(Label::Links),
        locale.label(Label::Cause),
        locale.label(Label::Effect),
        locale.label(Label::Sign),
        locale.label(Label::Lag),
        locale.label(Label::Agreement)
    )
}

fn portfolio_section(p: &PortfolioView, locale: Locale) -> String {
    let mut s = String::new();
    let _ = write!(s, "<section id=\"portfolio\"><h2>{}</h2>", locale.label(Label::Portfolio));
    let _ = write!(s, "<h3>{}</h3>{}", locale.label(Label::ActiveCaseload), figure(&caseload_svg(p, locale)));
    let _ = write!(s, "<h3>{}</h3>{}", locale.label(Label::LeadTime), figure(&lead_time_svg(p, locale)));
    let _ = write!(s, "<h3>{}</h3>{}", locale.label(Label::Ageing), figure(&ageing_svg(p, locale)));
    s.push_str(&format!(
        "<div class=\"explain\">{}</div>",
        ul(&super::portfolio::explanation_lines(p, locale))
    ));
    s.push_str("</section>");
    s
}

fn partnership_section(p: &PartnershipView, locale: Locale) -> String {
    let mut s = String::new();
    let _ = write!(s, "<section id=\"partnerships\"><h2>{}</h2>", locale.label(Label::Partnerships));
    if let Some(n) = p.partner_count {
        let _ = write!(s, "<p class=\"headline\">{} {}</p>", n, locale.label(Label::PartnerCount));
    }
    let _ = write!(s, "<h3>{}</h3>{}", locale.label(Label::FundsOverTime), figure(&funds_svg(p, locale)));
    if p.leverage.is_some() {
        let _ = write!(s, "<h3>{}</h3>{}", locale.label(Label::Leverage), figure(&leverage_svg(p, locale)));
    }
    let _ =
        write!(s, "<h3>{}</h3>{}", locale.label(Label::TopPartners), figure(&top_partners_svg(p, locale)));
    s.push_str(&format!(
        "<div class=\"explain\">{}</div>",
        ul(&super::partnership::explanation_lines(p, locale))
    ));
    s.push_str("</section>");
    s
}

/// The whole report as one self-contained HTML document.
pub fn html(view: &ReportView, locale: Locale) -> String {
    let ov = &view.overview;
    let period = ov.period.map(|p| locale.period(p)).unwrap_or_default();
    let title = if ov.title.is_empty() { locale.label(Label::Report).to_string() } else { ov.title.clone() };
    let mut s = String::with_capacity(256 * 1024);
    let _ = write!(
        s,
        "<!DOCTYPE html>\n<html lang=\"{}\"><head><meta charset=\"utf-8\"><meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"><title>{} — {}</title><style>{CSS}</style></head><body>",
        locale.tag(),
        escape(&title),
        escape(&period)
    );
    let generated = view
        .generated_on
        .map(|d| format!(" · {} {}", locale.label(Label::GeneratedOn), locale.date(d)))
        .unwrap_or_default();
    let mut toc = vec![("overview", Label::Overview), ("strategy-map", Label::StrategyMap)];
    if !view.cards.is_empty() {
        toc.push(("cards", Label::IndicatorCards));
    }
    if view.portfolio.is_some() {
        toc.push(("portfolio", Label::Portfolio));
    }
    if view.partnership.is_some() {
        toc.push(("partnerships", Label::Partnerships));
    }
    toc.push(("explanations", Label::Explanations));
    let _ = write!(
        s,
        "<header class=\"cover\"><p class=\"org\">{}</p><h1>{}</h1><p class=\"meta\">{}{}</p><nav class=\"toc\" aria-label=\"{}\">",
        escape(&view.organisation),
        escape(&title),
        escape(&period),
        escape(&generated),
        locale.label(Label::Contents)
    );
    for (id, label) in &toc {
        let _ = write!(s, "<a href=\"#{id}\">{}</a>", locale.label(*label));
    }
    s.push_str("</nav></header><main>");

    let _ = write!(
        s,
        "<section id=\"overview\" class=\"first\"><h2>{}</h2>{}{}</section>",
        locale.label(Label::Overview),
        figure(&overview_svg(ov, locale)),
        overview_html(ov, locale)
    );
    let _ = write!(
        s,
        "<section id=\"strategy-map\"><h2>{}</h2>{}{}</section>",
        locale.label(Label::StrategyMap),
        figure(&strategy_map_svg(&view.strategy_map, locale)),
        links_table(&view.strategy_map, locale)
    );
    if !view.cards.is_empty() {
        let _ = write!(
            s,
            "<section id=\"cards\"><h2>{}</h2><div class=\"cards\">",
            locale.label(Label::IndicatorCards)
        );
        for c in &view.cards {
            let _ = write!(
                s,
                "<article class=\"card\" id=\"{}\"><h3>{}</h3><p class=\"latest st-text-{}\">{}</p>{}{}</article>",
                anchor_id(&c.id),
                escape(&c.name),
                c.latest.map(|l| l.status).unwrap_or(crate::engine::scoring::Status::NoData).as_str(),
                escape(&latest_text(c, locale)),
                card_chart_svg(c, locale),
                ul(&explanation_lines(c.explanation.as_ref(), locale))
            );
        }
        s.push_str("</div></section>");
    }
    if let Some(p) = &view.portfolio {
        s.push_str(&portfolio_section(p, locale));
    }
    if let Some(p) = &view.partnership {
        s.push_str(&partnership_section(p, locale));
    }

    let _ = write!(s, "<section id=\"explanations\"><h2>{}</h2>", locale.label(Label::Explanations));
    let facts = |score: Option<f64>, status, trend, coverage: f64| {
        format!(
            "{} {} · {} · {} · {} {}",
            locale.label(Label::Score),
            score_text(score, locale),
            status_badge(status, locale),
            escape(&trend_text(trend, locale)),
            locale.label_lower(Label::Coverage),
            escape(&locale.percent(coverage, 0))
        )
    };
    for p in &ov.perspectives {
        let _ = write!(
            s,
            "<div class=\"explain perspective\" id=\"{}\"><h3>{} — {}</h3><div class=\"facts\">{}</div>{}</div>",
            anchor_id(&p.id),
            locale.label(Label::Perspective),
            escape(&p.name),
            facts(p.score, p.status, p.trend, p.coverage),
            ul(&explanation_lines(p.explanation.as_ref(), locale))
        );
        for o in &p.objectives {
            let _ = write!(
                s,
                "<div class=\"explain objective\" id=\"{}\"><h4>{} — {}</h4><div class=\"facts\">{}</div>{}</div>",
                anchor_id(&o.id),
                locale.label(Label::Objective),
                escape(&o.name),
                facts(o.score, o.status, o.trend, o.coverage),
                ul(&explanation_lines(o.explanation.as_ref(), locale))
            );
        }
    }
    s.push_str("</section></main></body></html>\n");
    s
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;
    use crate::report::fixture::report_view;
    use crate::report::model::*;

    pub(crate) const PAYLOAD: &str = "<script>alert(1)</script>\"><img src=x onerror=alert(1)>]]>'&";

    /// Every tag name this renderer writes; anything else after a raw `<` is injected markup.
    pub(crate) const OUR_TAGS: &[&str] = &[
        "!DOCTYPE", "html", "head", "meta", "title", "style", "body", "header", "p", "h1", "h2", "h3", "h4",
        "nav", "a", "main", "section", "figure", "svg", "desc", "defs", "marker", "path", "rect", "line",
        "text", "circle", "table", "thead", "tbody", "tr", "th", "td", "span", "div", "article", "ul", "li",
    ];

    /// Parse-free tag check: every raw '<' opens or closes one of our own tags, and
    /// `onerror=` only ever appears as text content (after the last '>' and before the
    /// next '<'), never inside a tag where it would be an attribute.
    pub(crate) fn assert_only_our_tags(page: &str) {
        for (i, _) in page.match_indices("onerror=") {
            let before = &page[..i];
            assert!(before.rfind('>') > before.rfind('<'), "onerror= inside a tag at {i}");
        }
        for (i, _) in page.match_indices('<') {
            let rest = &page[i + 1..];
            let rest = rest.strip_prefix('/').unwrap_or(rest);
            let name: String = rest.chars().take_while(|c| c.is_ascii_alphanumeric() || *c == '!').collect();
            let name = if name.starts_with("!DOCTYPE") { "!DOCTYPE".to_string() } else { name };
            assert!(OUR_TAGS.contains(&name.as_str()), "unexpected tag {name:?} at {i}");
        }
    }

    fn write_target(name: &str, html: &str) {
        let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../target");
        let _ = std::fs::create_dir_all(&dir);
        let written = std::fs::write(dir.join(name), html);
        assert!(written.is_ok(), "{written:?}");
    }

    #[test]
    fn fixture_report_has_every_section_and_expected_figures() {
        let page = html(&report_view(), Locale::Fr);
        write_target("report-fixture.html", &page);
        for id in ["overview", "strategy-map", "cards", "portfolio", "partnerships", "explanations"] {
            assert!(page.contains(&format!("<section id=\"{id}\"")), "{id}");
        }
        assert!(page.contains("@page{size:A4;margin:15mm}"));
        assert!(
            !page.contains("<script") && !page.contains("http://")
                || page.matches("http://").count()
                    == page.matches("xmlns=\"http://www.w3.org/2000/svg\"").count()
        );
        // Leverage 15 000 000 € / 3 000 000 € = 5.
        assert!(page.contains("Effet de levier\u{a0}: 1 pour 5,0 (15\u{202f}000\u{202f}000\u{a0}€ / 3\u{202f}000\u{202f}000\u{a0}€)"));
        // Means 180 / 45 = 4.0.
        assert!(page.contains("divisé par 4,0\u{a0}: 180\u{a0}j (2014) → 45\u{a0}j (2025)"), "headline");
        // Medians: 13 values 120..240 -> 7th = 180; 7 values 30..60 -> 4th = 45.
        assert!(page.contains("n = 13 · médiane 180\u{a0}j · moyenne 180\u{a0}j"));
        assert!(page.contains("n = 7 · médiane 45\u{a0}j · moyenne 45\u{a0}j"));
        // 1 250 000,50 € (Decimal 125 000 050 at scale 2) printed exactly.
        assert!(page.contains("1\u{202f}250\u{202f}000,50\u{a0}€"));
        assert!(page.contains("Édité le 25/11/2026") && page.contains("T4\u{a0}2025"));
        assert!(page.contains("✓ Atteint") && page.contains("✗ Hors cible") && page.contains("⊘ Masqué"));
        // 42 + 31 + 19 + 8 = 100 open files.
        assert!(page.contains("Ancienneté des dossiers ouverts : 100 dossiers ouverts"));
        // The explanations are written from the views' figures, in the page's language.
        assert!(page.contains(
            "<li>File active au 31/12/2025\u{a0}: 100 dossiers (enregistrés, ni clos ni abandonnés) ;"
        ));
        assert!(page.contains("2014 (13 dossiers) moyenne 180\u{a0}j, médiane 180\u{a0}j"));
        assert!(
            page.contains("<li>Rapport des moyennes 2014 / 2025 = 4,0 ; rapport des médianes = 4,0.</li>")
        );
        assert!(page.contains(
            "<li>Cumul au 31/12/2025 : promis 20\u{202f}600\u{202f}000\u{a0}€, signé 16\u{202f}800\u{202f}000\u{a0}€, encaissé 13\u{202f}500\u{202f}000\u{a0}€.</li>"
        ));
        // 13 000 000,50 / 16 800 000 = 0.7738...
        assert!(page.contains("part des 5 premiers : 77,4\u{202f}%.</li>"));
        // The leverage definition and the kinds of partner are the locale's words.
        assert!(page.contains("Définition\u{a0}: fonds extérieurs signés / fonds propres de la ville<"));
        assert!(page.contains("Union européenne (FEDER) (Union européenne)"));
    }

    #[test]
    fn every_overview_link_reaches_one_anchor() {
        let view = report_view();
        let page = html(&view, Locale::Fr);
        let mut targets: Vec<&str> =
            page.split("href=\"#").skip(1).filter_map(|s| s.split('"').next()).collect();
        targets.sort_unstable();
        targets.dedup();
        for t in &targets {
            assert_eq!(page.matches(&format!("id=\"{t}\"")).count(), 1, "anchor {t}");
        }
        // Every perspective and objective number links to its node: 4 + 12 nodes.
        for p in &view.overview.perspectives {
            assert!(targets.contains(&format!("node-{}", p.id).as_str()));
            for o in &p.objectives {
                assert!(targets.contains(&format!("node-{}", o.id).as_str()));
            }
        }
        // Each card carries its indicator's anchor.
        assert!(page.contains("<article class=\"card\" id=\"node-delai-instruction\">"));
    }

    #[test]
    fn same_input_same_bytes_in_both_languages() {
        let view = report_view();
        for locale in [Locale::Fr, Locale::En] {
            assert_eq!(html(&view, locale), html(&view.clone(), locale));
        }
        let en = html(&view, Locale::En);
        write_target("report-fixture-en.html", &en);
        assert!(en.starts_with("<!DOCTYPE html>\n<html lang=\"en\">"));
        assert!(en.contains("Leverage: 1 to 5.0 (€15,000,000 / €3,000,000)"));
        assert!(
            en.contains("Instruction lead time (mean) divided by 4.0: 180\u{a0}d (2014) → 45\u{a0}d (2025)")
        );
        assert!(en.contains("Produced on 25 Nov 2026"));
        assert!(!en.contains("Atteint"));
        assert!(en.contains(
            "<li>Total by 31 Dec 2025: pledged €20,600,000, signed €16,800,000, received €13,500,000.</li>"
        ));
        assert!(en.contains("Definition: signed external funds / the city&#39;s own funds<"));
    }

    fn inject(view: &mut ReportView) {
        let p = |s: &mut String| s.push_str(PAYLOAD);
        p(&mut view.organisation);
        p(&mut view.overview.title);
        for r in &mut view.overview.perspectives {
            p(&mut r.id);
            p(&mut r.name);
            if let Some(n) = &mut r.explanation {
                p(&mut n.name);
            }
            for o in &mut r.objectives {
                p(&mut o.id);
                p(&mut o.name);
                if let Some(n) = &mut o.explanation {
                    p(&mut n.name);
                }
            }
        }
        let m = &mut view.strategy_map;
        for x in &mut m.perspectives {
            p(&mut x.id);
            p(&mut x.name);
        }
        for o in &mut m.objectives {
            p(&mut o.id);
            p(&mut o.name);
            p(&mut o.perspective);
        }
        for l in &mut m.links {
            p(&mut l.from);
            p(&mut l.to);
        }
        for c in &mut view.cards {
            p(&mut c.id);
            p(&mut c.name);
            p(&mut c.unit);
        }
        if let Some(f) = &mut view.partnership {
            for t in &mut f.top_partners {
                p(&mut t.id);
                p(&mut t.name);
            }
        }
    }

    #[test]
    fn injected_markup_never_survives() {
        let mut view = report_view();
        inject(&mut view);
        for locale in [Locale::Fr, Locale::En] {
            let page = html(&view, locale);
            assert!(!page.contains("<script") && !page.contains("<img"));
            assert!(!page.contains(PAYLOAD) && !page.contains("]]>"));
            // The text of the payload is there, escaped (in the overview table it is unwrapped).
            assert!(page.contains("&lt;script&gt;alert(1)&lt;/script&gt;&quot;&gt;&lt;img src=x onerror=alert(1)&gt;]]&gt;&#39;&amp;"));
            // "onerror=" only ever appears as text content (after the last '>' and before
            // the next '<'), never inside a tag where it would be an attribute.
            assert!(page.matches("onerror=").count() > 20);
            for (i, _) in page.match_indices("onerror=") {
                let before = &page[..i];
                assert!(before.rfind('>') > before.rfind('<'), "onerror= inside a tag at {i}");
            }
            assert_only_our_tags(&page);
            // Ids become safe anchors.
            assert!(page.contains("id=\"node-citoyens.3Cscript.3Ealert.281.29.3C.2Fscript.3E.22.3E.3Cimg.20src.3Dx.20onerror.3Dalert.281.29.3E.5D.5D.3E.27.26\""));
        }
        for svg in [
            crate::report::indicator_card_svg(&view.cards[2], Locale::En),
            overview_svg(&view.overview, Locale::Fr),
            strategy_map_svg(&view.strategy_map, Locale::Fr),
            crate::report::portfolio_svg(
                view.portfolio.as_ref().unwrap_or(&PortfolioView::default()),
                Locale::Fr,
            ),
            crate::report::partnership_svg(
                view.partnership.as_ref().unwrap_or(&PartnershipView::default()),
                Locale::Fr,
            ),
            crate::report::indicator_card_svg(&view.cards[0], Locale::Fr),
        ] {
            assert!(!svg.contains("<script") && !svg.contains("<img") && !svg.contains("]]>"));
        }
    }

    #[test]
    fn an_empty_view_renders_a_valid_page() {
        let page = html(&ReportView::default(), Locale::En);
        assert!(page.contains("<h1>Balanced scorecard</h1>"));
        assert!(page.ends_with("</html>\n"));
        assert!(!page.contains("id=\"portfolio\""));
    }
}
