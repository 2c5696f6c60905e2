//! The thin adapter from the engine's and the analytics' results to the report's views.
//!
//! [`report_view`] evaluates the history range once ([`Engine::evaluate_range_each`]) for the series,
//! trends and link correlations, takes the portfolio and partnership figures from
//! [`headline`](crate::analytics::headline::headline) (the same call the main job makes), and copies them into the views. It
//! computes nothing the core already computes: scores, statuses, trends, coverages, targets,
//! correlations, lead times, caseloads and leverage are the core's numbers; the only
//! arithmetic here is bookkeeping (counting open files into age buckets); the status zones
//! of a card are the engine's [`crate::engine::bands::value_bands`]. The views
//! hold data, no words: the explanations are the engine's results and the portfolio's and
//! partnerships' figures, written in a language only when a view is rendered. Suppressed
//! values never reach a view: the engine already leaves them out.
//!
//! One module per view: [`scorecard`] (overview, strategy map), [`card`] (indicator cards),
//! [`portfolio`], [`partnership`]; [`history`] holds the span of the history and the one
//! pass over it.
//!
//! The convenience functions [`html_report`], [`overview_svg_for`],
//! [`strategy_map_svg_for`] and [`indicator_card_for`] are the entry points of the Python
//! and WebAssembly bindings; their names are stable. A host that keeps the compiled
//! [`Engine`] or the evaluation of a period (the WebAssembly binding does) calls
//! [`html_report_with`], [`indicator_card_with`], [`evaluation_overview_svg`] and
//! [`evaluation_strategy_map_svg`] instead: same output, no second compilation.
//!
//! ```
//! use pilotage::locale::Locale;
//! use pilotage::report::adapter::{ReportOptions, html_report};
//! let ws = pilotage::sample::city();
//! let html = html_report(&ws, "2025-Q4".parse()?, Locale::Fr, &ReportOptions::default())?;
//! assert!(html.contains(&ws.organisation.replace('\'', "&#39;")));
//! # Ok::<(), pilotage::Error>(())
//! ```

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use crate::analytics::headline::HeadlineOptions;
use crate::analytics::partnership::LeverageDefinition;
use crate::analytics::portfolio::{CaseloadOptions, LeadTimeOptions};
use crate::engine::evaluation::NodeResult;
use crate::engine::{Engine, NodeKind};
use crate::error::Result;
use crate::locale::Locale;
use crate::model::period::Period;
use crate::model::workspace::Workspace;
use crate::report::model::ReportView;

pub mod card;
pub mod history;
pub mod partnership;
pub mod portfolio;
pub mod scorecard;

pub use crate::engine::bands::value_bands;
pub use crate::locale::{milestone_label, partner_kind_label};
pub use card::{indicator_card_for, indicator_card_with};
pub use history::{History, first_data_period};
pub use portfolio::AGEING_LIMITS;
pub use scorecard::{
    evaluation_overview_svg, evaluation_strategy_map_svg, overview_svg_for, strategy_map_svg_for,
};

/// The choices of a report.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
pub struct ReportOptions {
    /// The period lead times are compared against (`None`: [`default_comparison`](crate::analytics::headline::default_comparison)).
    pub compare_with: Option<Period>,
    /// How many periods of history the cards and charts show (default: 8).
    pub history: History,
    /// How many partners the top-partners chart shows (default 5).
    pub top_partners: usize,
    /// The leverage definition (default: external funds / own funds).
    pub leverage: LeverageDefinition,
    /// Lead-time start and stop events (default: registration to decision).
    pub lead_time: LeadTimeOptions,
    /// Which files count in the active caseload (default: rejected and delivered files count
    /// until closed).
    #[serde(default)]
    pub caseload: CaseloadOptions,
    /// The day shown as the report's date; `None` shows none (the library reads no clock,
    /// so that the same input gives the same bytes).
    pub generated_on: Option<NaiveDate>,
}

impl Default for ReportOptions {
    fn default() -> Self {
        let h = HeadlineOptions::default();
        ReportOptions {
            compare_with: None,
            history: History::default(),
            top_partners: h.top_partners,
            leverage: h.leverage,
            lead_time: h.lead_time,
            caseload: h.caseload,
            generated_on: None,
        }
    }
}

impl ReportOptions {
    /// The [`HeadlineOptions`] these options stand for (the report and the main job then
    /// show the same figures).
    pub fn headline_options(&self) -> HeadlineOptions {
        HeadlineOptions {
            compare_with: self.compare_with,
            top_partners: self.top_partners,
            leverage: self.leverage,
            lead_time: self.lead_time,
            caseload: self.caseload,
        }
    }
}

/// The report of `period` (its frequency is the reporting frequency): every view filled
/// from the engine ([`Engine::evaluate_range_each`] over the history, one evaluation at a
/// time) and from [`headline`](crate::analytics::headline::headline). The view holds no
/// words: render it in a language with [`html`](super::html()) or the SVG functions.
///
/// Errors: the engine's (an invalid scorecard, a period out of range) and
/// [`Error::Argument`](crate::Error::Argument) for `history: Periods(0)` or `top_partners: 0`.
pub fn report_view(ws: &Workspace, period: Period, options: &ReportOptions) -> Result<ReportView> {
    report_view_with(&Engine::new(ws)?, ws, period, options)
}

/// [`report_view`] with an engine already compiled from `ws` (a host that keeps one, such
/// as the WebAssembly binding, saves compiling it again). `engine` must be
/// [`Engine::new`] of this very `ws`.
pub fn report_view_with(
    engine: &Engine,
    ws: &Workspace,
    period: Period,
    options: &ReportOptions,
) -> Result<ReportView> {
    let first = history::history_range(ws, period, options.history)?;
    let is_indicator = |n: &NodeResult| n.kind == NodeKind::Indicator;
    let (latest, periods, histories) = history::histories(engine, first, period, &is_indicator)?;
    // the latest evaluation holds the explanations the engine's cache holds again
    engine.forget_points();
    // the report shows the number of partners alone: counted, not listed (the lists of
    // `partner_counts` held every partner's id three times over on a file of tiny partners)
    let h = crate::analytics::headline::headline_with(
        ws,
        period,
        options.headline_options(),
        crate::analytics::headline::without_partner_lists,
    )?;
    let members = crate::analytics::partnership::partner_tally(ws, period).members;
    let strategy_map = scorecard::strategy_map(ws, &latest)?;
    // The latest evaluation is given up: each node's result moves into its row or card. The
    // indicator nodes follow the workspace's indicators, in order: the definition is found by
    // position (a search by id per card was quadratic in the indicators).
    let period_shown = latest.period;
    let mut definitions = ws.indicators.iter();
    let (mut others, mut cards) = (Vec::new(), Vec::new());
    for (n, history) in latest.nodes.into_iter().zip(histories) {
        if !is_indicator(&n) {
            others.push(n);
            continue;
        }
        let next = definitions.next().filter(|i| i.id == n.id);
        let indicator = next.or_else(|| ws.indicators.iter().find(|i| i.id == n.id));
        cards.push(card::card(ws, indicator, &history, n));
    }
    let overview = scorecard::explained_overview(period_shown, others);
    Ok(ReportView {
        organisation: ws.organisation.clone(),
        generated_on: options.generated_on,
        overview,
        strategy_map,
        cards,
        portfolio: (!ws.projects.is_empty()).then(|| portfolio::portfolio_view(ws, &periods, &h, options)),
        partnership: (!ws.commitments.is_empty())
            .then(|| partnership::partnership_view(ws, &periods, &h, members, options)),
    })
}

/// The whole HTML report of `period` in `locale` (see [`report_view`] and [`super::html()`]).
pub fn html_report(
    ws: &Workspace,
    period: Period,
    locale: Locale,
    options: &ReportOptions,
) -> Result<String> {
    Ok(super::html(&report_view(ws, period, options)?, locale))
}

/// [`html_report`] with an engine already compiled from `ws` (see [`report_view_with`]).
pub fn html_report_with(
    engine: &Engine,
    ws: &Workspace,
    period: Period,
    locale: Locale,
    options: &ReportOptions,
) -> Result<String> {
    Ok(super::html(&report_view_with(engine, ws, period, options)?, locale))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::engine::evaluation::{evaluate, evaluate_range};
    use crate::engine::scoring::Status;
    use crate::error::Error;
    use crate::model::period::Frequency;
    use crate::report::escape::{anchor_id, escape};
    use crate::report::svg::summary;
    use rust_decimal::prelude::ToPrimitive;

    fn q4() -> Period {
        Period::Quarter { year: 2025, quarter: 4 }
    }

    fn options() -> ReportOptions {
        ReportOptions { generated_on: NaiveDate::from_ymd_opt(2026, 1, 15), ..ReportOptions::default() }
    }

    #[test]
    fn sample_report_shows_the_core_figures_in_both_languages() {
        let ws = crate::sample::city();
        let ev = evaluate(&ws, q4()).unwrap_or_else(|e| panic!("{e}"));
        let h = crate::analytics::headline::headline(&ws, q4(), HeadlineOptions::default())
            .unwrap_or_else(|e| panic!("{e}"));
        for (locale, files, one_to) in [(Locale::Fr, "dossiers", "1 pour"), (Locale::En, "files", "1 to")] {
            let page = html_report(&ws, q4(), locale, &options()).unwrap_or_else(|e| panic!("{e}"));
            assert!(page.contains(&escape(&ws.organisation)));
            for p in &ws.scorecard.perspectives {
                assert!(page.contains(&escape(&p.name)), "{}", p.name);
                // The overview row links the score, as `evaluate` gives it, to the node.
                let score = ev.node(&p.id).and_then(|n| n.score).unwrap_or(f64::NAN);
                let cell = format!("<a href=\"#{}\">{}</a>", anchor_id(&p.id), locale.number(score, 0));
                assert!(page.contains(&cell), "{cell}");
            }
            for o in &ws.scorecard.objectives {
                assert!(page.contains(&escape(&o.name)), "{}", o.name);
            }
            assert!(page.contains(&format!("{} {files}", h.active_caseload)));
            let lev = h.finance.leverage.value.and_then(|v| v.to_f64()).unwrap_or(f64::NAN);
            assert!(page.contains(&format!("{one_to} {}", locale.number(lev, 1))));
            assert!(page.contains(&escape(&locale.money_or_dash(h.finance.leverage.external))));
            let ratio = h.lead_time_by_year.as_ref().unwrap_or(&h.lead_time).mean_ratio.unwrap_or(f64::NAN);
            assert!(page.contains(&format!(
                "{} {}",
                locale.label(crate::locale::Label::DividedBy),
                locale.number(ratio, 1)
            )));
            // The explanations are in the report's language: each node's lines, as
            // `explain_in` gives them, are in the page, and no English one in French.
            for n in &ev.nodes[1..] {
                let first = crate::explain::render_in(n, locale);
                let first = first.lines().next().unwrap_or_default();
                assert!(page.contains(&format!("<li>{}</li>", escape(first))), "{first}");
            }
            assert_eq!(page.contains("<li>why: "), locale == Locale::En);
            assert_eq!(page.contains("<li>pourquoi\u{a0}: "), locale == Locale::Fr);
            // Every in-page link reaches exactly one anchor.
            let mut targets: Vec<&str> =
                page.split("href=\"#").skip(1).filter_map(|s| s.split('"').next()).collect();
            targets.sort_unstable();
            targets.dedup();
            assert!(targets.len() > 16);
            for t in &targets {
                assert_eq!(page.matches(&format!("id=\"{t}\"")).count(), 1, "anchor {t}");
            }
        }
    }

    #[test]
    fn same_workspace_same_bytes() {
        let ws = crate::sample::city();
        for locale in [Locale::Fr, Locale::En] {
            let a = html_report(&ws, q4(), locale, &options()).unwrap_or_default();
            let b = html_report(&ws.clone(), q4(), locale, &options()).unwrap_or_default();
            assert!(a.len() > 100_000);
            assert_eq!(a, b);
        }
    }

    #[test]
    fn views_carry_the_cores_numbers() {
        let ws = crate::sample::city();
        let view = report_view(&ws, q4(), &options()).unwrap_or_else(|e| panic!("{e}"));
        let range = evaluate_range(&ws, Period::Quarter { year: 2024, quarter: 1 }, q4()).unwrap_or_default();
        let h = crate::analytics::headline::headline(&ws, q4(), HeadlineOptions::default())
            .unwrap_or_else(|e| panic!("{e}"));
        // 8 quarters: 2024-Q1 .. 2025-Q4.
        assert_eq!(range.len(), 8);
        let indicators = range[7].nodes.iter().filter(|n| n.kind == NodeKind::Indicator).count();
        assert_eq!(view.cards.len(), indicators);
        let mut suppressed = 0;
        for c in &view.cards {
            assert_eq!(c.series.len(), 8, "{}", c.id);
            for (p, ev) in c.series.iter().zip(&range) {
                let n = ev.node(&c.id).unwrap_or_else(|| panic!("{}", c.id));
                assert_eq!((p.period, p.value), (ev.period, n.value));
                if n.status == Status::Suppressed {
                    suppressed += 1;
                    assert_eq!(p.value, None, "a suppressed value reached the card of {}", c.id);
                }
            }
        }
        let _ = suppressed; // the sample may or may not suppress in these quarters
        let p = view.portfolio.unwrap_or_default();
        assert_eq!(p.caseload.last().and_then(|s| s.value), Some(h.active_caseload as f64));
        // 4 buckets holding every open file.
        assert_eq!(p.ageing.len(), 4);
        let open: u32 = p.ageing.iter().map(|b| b.count).sum();
        assert_eq!(open as usize, crate::analytics::portfolio::ageing(&ws, h.as_of).len());
        // The renderer's summaries are the core's statistics (same mean, same type-7 median).
        let lt = h.lead_time_by_year.as_ref().unwrap_or(&h.lead_time);
        for (sample, stats) in [(&p.lead_time_before, &lt.earlier), (&p.lead_time_after, &lt.later)] {
            let s = summary(&sample.days);
            assert_eq!(s.map(|s| s.count), Some(stats.count));
            assert_eq!(s.map(|s| s.mean), stats.mean_days);
            assert_eq!(s.map(|s| s.median), stats.median_days);
        }
        let ratio = summary(&p.lead_time_before.days)
            .zip(summary(&p.lead_time_after.days))
            .map(|(a, b)| a.mean / b.mean);
        assert_eq!(ratio, lt.mean_ratio);
        let lev = view.partnership.and_then(|p| p.leverage).unwrap_or_default();
        assert_eq!(lev.value, h.finance.leverage.value.and_then(|v| v.to_f64()));
        assert_eq!((lev.numerator, lev.denominator), (h.finance.leverage.external, h.finance.leverage.own));
        // Links: the engine's correlation when it rests on enough pairs.
        for (m, l) in view.strategy_map.links.iter().zip(&range[7].links) {
            assert_eq!(m.agreement, l.correlation.filter(|_| l.enough_data));
        }
    }

    #[test]
    fn history_options() {
        let ws = crate::sample::city();
        let whole = ReportOptions { history: History::Whole, ..options() };
        let view = report_view(&ws, q4(), &whole).unwrap_or_else(|e| panic!("{e}"));
        let first = first_data_period(&ws, Frequency::Quarterly);
        assert_eq!(view.cards.first().and_then(|c| c.series.first()).map(|p| p.period), first);
        let zero = ReportOptions { history: History::Periods(0), ..options() };
        assert!(matches!(report_view(&ws, q4(), &zero), Err(Error::Argument { name: "history", .. })));
        let two = ReportOptions { history: History::Periods(2), ..options() };
        let view = report_view(&ws, q4(), &two).unwrap_or_else(|e| panic!("{e}"));
        assert!(view.cards.iter().all(|c| c.series.len() == 2));
        assert!(matches!(
            indicator_card_for(&ws, q4(), "citoyens", Locale::Fr),
            Err(Error::NotFound { what: "indicator", .. })
        ));
    }

    #[test]
    fn convenience_fragments() {
        let ws = crate::sample::city();
        let card =
            indicator_card_for(&ws, q4(), "ind_delai_instruction_median", Locale::Fr).unwrap_or_default();
        assert!(card.starts_with("<article class=\"card\" id=\"node-ind_delai_instruction_median\">"));
        assert!(card.contains("<svg") && card.contains("<li>") && card.ends_with("</ul></article>"));
        let map = strategy_map_svg_for(&ws, q4(), Locale::En).unwrap_or_default();
        let ov = overview_svg_for(&ws, q4(), Locale::En).unwrap_or_default();
        for svg in [&map, &ov] {
            assert!(svg.starts_with("<svg") && svg.ends_with("</svg>"));
        }
        assert!(ov.contains(&escape(&ws.scorecard.perspectives[0].name)));
    }

    /// The engine- and evaluation-taking variants (what a host that keeps the engine and the
    /// last evaluation calls) give the very bytes of the convenience functions, in both
    /// languages, for the report period and an earlier one evaluated with the same engine.
    #[test]
    fn engine_variants_give_the_same_bytes() {
        let ws = crate::sample::city();
        let engine = Engine::new(&ws).unwrap();
        let options = ReportOptions::default();
        for period in [Period::Quarter { year: 2024, quarter: 2 }, q4()] {
            let ev = engine.evaluate(period).unwrap();
            for locale in [Locale::Fr, Locale::En] {
                assert_eq!(
                    html_report_with(&engine, &ws, period, locale, &options).unwrap(),
                    html_report(&ws, period, locale, &options).unwrap()
                );
                assert_eq!(
                    evaluation_strategy_map_svg(&ws, &ev, locale).unwrap(),
                    strategy_map_svg_for(&ws, period, locale).unwrap()
                );
                assert_eq!(
                    evaluation_overview_svg(&ev, locale).unwrap(),
                    overview_svg_for(&ws, period, locale).unwrap()
                );
                assert_eq!(
                    indicator_card_with(&engine, &ws, period, "ind_delai_instruction_median", locale)
                        .unwrap(),
                    indicator_card_for(&ws, period, "ind_delai_instruction_median", locale).unwrap()
                );
            }
        }
        // The checks of the convenience functions hold for the variants: a bad indicator id
        // is NotFound, an objective is not an indicator either.
        for id in ["nope", "c_attractivite"] {
            assert!(matches!(
                indicator_card_with(&engine, &ws, q4(), id, Locale::Fr),
                Err(Error::NotFound { what: "indicator", .. })
            ));
        }
    }

    /// The sample city with every name, title and unit a neutral token (no word of either
    /// language), so that any word of a language in a page is the renderers'.
    fn neutral_workspace() -> Workspace {
        let mut ws = crate::sample::city();
        ws.organisation = "Org".into();
        for (k, p) in ws.scorecard.perspectives.iter_mut().enumerate() {
            p.name = format!("P{k}");
        }
        for (k, o) in ws.scorecard.objectives.iter_mut().enumerate() {
            o.name = format!("O{k}");
        }
        for (k, i) in ws.indicators.iter_mut().enumerate() {
            i.name = format!("I{k}");
            i.unit = "u".into();
        }
        for (k, p) in ws.partners.iter_mut().enumerate() {
            p.name = format!("Ptn{k}");
        }
        for (k, p) in ws.projects.iter_mut().enumerate() {
            p.title = format!("Prj{k}");
        }
        for (k, s) in ws.services.iter_mut().enumerate() {
            s.name = format!("Svc{k}");
        }
        ws
    }

    /// The words of `locale` that `other` does not share: every label, status word (an
    /// indicator's and a roll-up's), kind of partner and lead-time milestone.
    fn words_only_in(locale: Locale, other: Locale) -> Vec<&'static str> {
        use crate::analytics::portfolio::Milestone;
        use crate::model::partner::PartnerKind;
        let statuses = [Status::Green, Status::Amber, Status::Red, Status::NoData, Status::Suppressed];
        let kinds = PartnerKind::ALL;
        let milestones = [
            Milestone::Registered,
            Milestone::Complete,
            Milestone::Decision,
            Milestone::Notified,
            Milestone::Approved,
            Milestone::Started,
            Milestone::Delivered,
            Milestone::Closed,
        ];
        let pairs = crate::locale::Label::ALL
            .iter()
            .map(|l| (locale.label(*l), other.label(*l)))
            .chain(statuses.iter().map(|s| (locale.status(*s), other.status(*s))))
            .chain(statuses.iter().map(|s| (locale.rollup_status(*s), other.rollup_status(*s))))
            .chain(kinds.iter().map(|k| (partner_kind_label(*k, locale), partner_kind_label(*k, other))))
            .chain(milestones.iter().map(|m| (milestone_label(*m, locale), milestone_label(*m, other))));
        let theirs: Vec<&str> = pairs.clone().map(|(_, b)| b).collect();
        // a word both languages use ("Score", "stable", "Vigilance") proves nothing
        let mut words: Vec<&str> = pairs.map(|(a, _)| a).filter(|a| !theirs.contains(a)).collect();
        words.sort_unstable();
        words.dedup();
        words
    }

    /// The text of an HTML page: its text nodes (the style sheet and the tags left out).
    fn text_of(page: &str) -> String {
        let body = page.split("</style>").last().unwrap_or(page);
        let mut text = String::with_capacity(body.len());
        let mut in_tag = false;
        for c in body.chars() {
            match c {
                '<' => in_tag = true,
                '>' => {
                    in_tag = false;
                    text.push(' ');
                }
                c if !in_tag => text.push(c),
                _ => {}
            }
        }
        text
    }

    /// Whether `word` stands in `text` as a word (not inside another word or an id).
    fn has_word(text: &str, word: &str) -> bool {
        let inner = |c: Option<char>| c.is_some_and(|c| c.is_alphanumeric() || c == '_');
        text.match_indices(word).any(|(i, _)| {
            !inner(text[..i].chars().next_back()) && !inner(text[i + word.len()..].chars().next())
        })
    }

    /// A view is built once, without a language, and renders in either: the French page has
    /// no word of the English tables and the English page none of the French ones, and each
    /// page is the very page `html_report` writes in that language.
    #[test]
    fn one_view_renders_in_either_language_alone() {
        let ws = neutral_workspace();
        let view = report_view(&ws, q4(), &options()).unwrap_or_else(|e| panic!("{e}"));
        for (locale, other) in [(Locale::Fr, Locale::En), (Locale::En, Locale::Fr)] {
            let page = crate::report::html(&view, locale);
            assert_eq!(page, html_report(&ws, q4(), locale, &options()).unwrap_or_default());
            let text = text_of(&page);
            let foreign = words_only_in(other, locale);
            assert!(foreign.len() > 60, "{foreign:?}");
            let found: Vec<&&str> = foreign.iter().filter(|w| has_word(&text, w)).collect();
            assert!(found.is_empty(), "{locale:?} page has {other:?} words: {found:?}");
            // and its own language's words are there
            let own = words_only_in(locale, other);
            assert!(own.iter().filter(|w| has_word(&text, w)).count() > 30);
        }
        // the helpers see a word, and only a word
        assert!(has_word("a mean b", "mean") && !has_word("meaning", "mean") && !has_word("x_mean", "mean"));
    }

    /// Every workspace string the report can show carries the payload; ids get it appended
    /// (still unique, references updated; indicators named in a formula keep their id).
    fn injected_workspace() -> Workspace {
        use crate::model::indicator::IndicatorSource;
        use crate::report::html::tests::PAYLOAD;
        let mut ws = crate::sample::city();
        let tag = |s: &mut String| s.push_str(PAYLOAD);
        tag(&mut ws.organisation);
        let formulas: Vec<String> = ws
            .indicators
            .iter()
            .filter_map(|i| match &i.source {
                IndicatorSource::Calculated { expression } => Some(expression.clone()),
                _ => None,
            })
            .collect();
        for p in &mut ws.scorecard.perspectives {
            tag(&mut p.id);
            tag(&mut p.name);
        }
        for o in &mut ws.scorecard.objectives {
            tag(&mut o.id);
            tag(&mut o.name);
            tag(&mut o.perspective);
        }
        for l in &mut ws.scorecard.links {
            tag(&mut l.from);
            tag(&mut l.to);
        }
        let mut renamed = Vec::new();
        for i in &mut ws.indicators {
            if !formulas.iter().any(|f| f.contains(i.id.as_str())) {
                renamed.push(i.id.clone());
                tag(&mut i.id);
            }
            tag(&mut i.name);
            tag(&mut i.unit);
            i.description = Some(format!("description {PAYLOAD}"));
            for m in &mut i.measurements {
                m.comment = Some(format!("comment {PAYLOAD}"));
                m.source = Some(format!("source {PAYLOAD}"));
            }
        }
        for o in &mut ws.scorecard.objectives {
            for l in &mut o.indicators {
                if renamed.contains(&l.indicator) {
                    tag(&mut l.indicator);
                }
            }
        }
        for s in &mut ws.services {
            tag(&mut s.name);
        }
        for p in &mut ws.projects {
            tag(&mut p.id);
            tag(&mut p.title);
            p.objectives.iter_mut().for_each(tag);
        }
        for p in &mut ws.partners {
            tag(&mut p.id);
            tag(&mut p.name);
        }
        for c in &mut ws.commitments {
            tag(&mut c.id);
            tag(&mut c.partner);
            if let Some(p) = &mut c.project {
                tag(p);
            }
        }
        ws
    }

    #[test]
    fn markup_in_a_workspace_never_survives() {
        use crate::report::html::tests::{PAYLOAD, assert_only_our_tags};
        let ws = injected_workspace();
        let problems = crate::model::validation::problems(&ws);
        assert!(problems.is_empty(), "{problems:?}");
        let escaped = escape(PAYLOAD);
        for locale in [Locale::Fr, Locale::En] {
            let page = html_report(&ws, q4(), locale, &options()).unwrap_or_else(|e| panic!("{e}"));
            assert!(!page.contains("<script") && !page.contains("<img") && !page.contains("]]>"));
            assert!(!page.contains(PAYLOAD));
            // The names are there, as text: organisation, perspectives, objectives, indicators,
            // units, partners (top partners) — each followed by the escaped payload.
            assert!(page.contains(&escape(&ws.organisation)));
            for name in
                ws.scorecard.perspectives.iter().map(|p| &p.name).chain(ws.indicators.iter().map(|i| &i.name))
            {
                assert!(page.contains(&escape(name)), "{name}");
            }
            assert!(page.matches(escaped.as_str()).count() > 50);
            assert!(page.matches("onerror=").count() > 50);
            assert_only_our_tags(&page);
            // Ids become safe anchors.
            let id = &ws.scorecard.perspectives[0].id;
            assert!(page.contains(&format!("id=\"{}\"", anchor_id(id))));
        }
        for svg in [
            overview_svg_for(&ws, q4(), Locale::Fr),
            strategy_map_svg_for(&ws, q4(), Locale::En),
            indicator_card_for(&ws, q4(), &ws.indicators[0].id, Locale::Fr),
        ] {
            let svg = svg.unwrap_or_else(|e| panic!("{e}"));
            // (Long names are wrapped over several lines: the payload shows in pieces.)
            assert!(svg.contains("&lt;script&gt;alert(1)&lt;/script&gt;"));
            assert!(!svg.contains("<script") && !svg.contains("<img") && !svg.contains(PAYLOAD));
            assert_only_our_tags(&svg);
        }
    }
}
