//! Support for the examples: where the bundled sample city and template live, the text the
//! generator gives for them (so that the committed files are checked to be current), and the
//! text the main job prints.

use std::fmt::Write;
use std::path::PathBuf;

use pilotage::analytics::headline::Headline;
use pilotage::analytics::partnership::Population;
use pilotage::analytics::portfolio::CaseloadOptions;
use pilotage::locale::{Locale, fill, status_symbol, trend_arrow};
use pilotage::{Evaluation, NodeKind, Status, Workspace};

/// Path of the bundled sample workspace (`examples/data/sample-city.json`).
pub fn sample_path() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("data").join("sample-city.json")
}

/// A readable summary of a valid workspace: what it holds, in a language.
pub fn summary(ws: &Workspace, source: &str, l: Locale) -> String {
    let mut out = String::new();
    let t = &l.words().text.summary;
    let measurements: usize = ws.indicators.iter().map(|i| i.measurements.len()).sum();
    let periods = ws.indicators.iter().flat_map(|i| i.measurements.iter().map(|m| m.period));
    let first = periods.clone().min_by_key(|p| p.first_month(ws.calendar()));
    let last = periods.max_by_key(|p| p.last_month(ws.calendar()));
    let n = |x: usize| x.to_string();
    let sc = &ws.scorecard;
    let _ = writeln!(out, "{} — {}", ws.organisation, source);
    let _ = writeln!(out, "{}", fill(t[0], &[&ws.schema_version.to_string(), &ws.currency]));
    let records = [ws.services.len(), ws.projects.len(), ws.partners.len(), ws.commitments.len()].map(n);
    let _ = writeln!(out, "{}", fill(t[1], &records.each_ref().map(String::as_str)));
    let scorecard = [sc.perspectives.len(), sc.objectives.len(), sc.links.len(), ws.indicators.len()].map(n);
    let _ = writeln!(out, "{}", fill(t[2], &scorecard.each_ref().map(String::as_str)));
    let _ = match (first, last) {
        (Some(first), Some(last)) => {
            // the explanations' spelling of periods (the file's in English)
            let format = &l.words().explain.format;
            writeln!(out, "{}", fill(t[3], &[&n(measurements), &format.period(first), &format.period(last)]))
        }
        _ => writeln!(out, "{}", t[4]),
    };
    out
}

/// Path of the bundled scorecard template (`examples/data/template.json`).
pub fn template_path() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("data").join("template.json")
}

/// The text of a workspace file as [`Workspace::save`] writes it: pretty JSON and a final
/// newline.
pub fn file_text(ws: &Workspace) -> pilotage::Result<String> {
    Ok(ws.to_json()? + "\n")
}

/// Each bundled file with the workspace the generator gives for it: the sample city
/// ([`pilotage::sample::city`]) and the template ([`pilotage::sample::template`]).
pub fn generated() -> Vec<(PathBuf, Workspace)> {
    vec![(sample_path(), pilotage::sample::city()), (template_path(), pilotage::sample::template())]
}

/// What the main job prints with `--json`: the evaluation of the period and its headline
/// figures, exactly as the core serialises them (the bindings' results equal these).
#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct MainJobJson {
    /// Every node of the scorecard at the period, with its explanation.
    pub evaluation: pilotage::Evaluation,
    /// The portfolio and partnership figures of the period.
    pub headline: pilotage::analytics::headline::Headline,
}

fn cut(name: &str, width: usize) -> String {
    let n = name.chars().count();
    if n <= width {
        format!("{name}{}", " ".repeat(width - n))
    } else {
        let mut s: String = name.chars().take(width - 1).collect();
        s.push('…');
        s
    }
}

/// "over 129 projects approved by 31 Dec 2025, with a planned cost" (projects left out named
/// by count).
fn population(p: &Population, as_of: chrono::NaiveDate, l: Locale) -> String {
    let t = &l.words().text;
    let mut s = fill(t.population, &[&p.count.to_string(), &l.date(as_of)]);
    if p.with_planned_cost {
        s.push_str(t.with_planned_cost);
    }
    if !p.left_out.is_empty() {
        s.push_str(&fill(t.left_out, &[&p.left_out.len().to_string()]));
    }
    s
}

/// The text report of the main job: the scorecard of the period, then the headline figures
/// (`caseload` is the rule the active caseload was counted with, named when not the default),
/// in the words of `l`'s table ([`pilotage::locale::TextWords`]).
pub fn text_report(
    ws: &Workspace,
    ev: &Evaluation,
    h: &Headline,
    caseload: CaseloadOptions,
    l: Locale,
) -> String {
    let w = l.words();
    let t = &w.text;
    let mut out = String::new();
    let _ = writeln!(out, "{}", fill(t.title, &[&l.period(ev.period), &ws.organisation]));
    let [score, status, trend, coverage] = t.columns;
    let _ = writeln!(out, "{}  {score:>5}  {status:<22} {trend:<12} {coverage:>9}", cut("", 54));
    for n in &ev.nodes {
        let indent = match n.kind {
            NodeKind::Scorecard => 0,
            NodeKind::Perspective => 2,
            NodeKind::Objective => 4,
            NodeKind::Indicator => continue,
        };
        let name = if n.kind == NodeKind::Scorecard { t.overall } else { &n.name };
        let score = n.score.map(|s| l.number(s, 0)).unwrap_or_else(|| "–".into());
        let status = format!("{} {}", status_symbol(n.status), l.node_status(n.kind, n.status));
        let arrow = trend_arrow(n.trend.direction);
        let trend = match n.trend.change {
            Some(c) => format!("{arrow} {}{}", if c > 0.0 { "+" } else { "" }, l.number(c, 1)),
            None => arrow.to_string(),
        };
        let _ = writeln!(
            out,
            "{}{}  {:>5}  {:<22} {:<12} {:>9}",
            " ".repeat(indent),
            cut(name, 54 - indent),
            score,
            cut(&status, 22),
            trend,
            l.percent(n.coverage, 0)
        );
    }
    let ids = |status: Status, indicators_only: bool| -> Vec<&str> {
        ev.nodes
            .iter()
            .filter(|n| n.status == status && (!indicators_only || n.kind == NodeKind::Indicator))
            .map(|n| n.id.as_str())
            .collect()
    };
    let reds = ids(Status::Red, true);
    if !reds.is_empty() {
        let _ = writeln!(out, "{}", fill(t.off_target, &[&reds.join(", ")]));
    }
    // amber indicators have not met their target either (an indicator is green only when it
    // has): listed too, so that "not off target" is never read as "on target"
    let ambers = ids(Status::Amber, true);
    if !ambers.is_empty() {
        let _ = writeln!(out, "{}", fill(t.caution, &[&ambers.join(", ")]));
    }
    // no data is not green and not red: listed on its own, so that it is never overlooked
    let missing = ids(Status::NoData, false);
    if !missing.is_empty() && missing.len() == ev.nodes.len() {
        let _ = writeln!(out, "{}", t.all_no_data);
    } else if !missing.is_empty() {
        let _ = writeln!(out, "{}", fill(t.no_data, &[&missing.join(", ")]));
    }
    let _ = writeln!(out);
    let _ = writeln!(out, "{}", fill(t.figures, &[&l.period(h.period), &l.date(h.as_of)]));
    if !h.within_records {
        let _ = writeln!(out, "  {}", t.outside_records);
    }
    let [
        caseload_row,
        lead_time_row,
        funds_row,
        leverage_row,
        cofinancing_row,
        partners_row,
        top_row,
        capacity_row,
        transversality_row,
    ] = t.rows;
    let _ = writeln!(
        out,
        "  {:<24}{}",
        caseload_row,
        fill(t.caseload, &[&h.active_caseload.to_string(), &l.money_or_dash(h.portfolio_value)])
    );
    if caseload != CaseloadOptions::default() {
        let rule = match (caseload.rejected_until_closed, caseload.delivered_until_closed) {
            (false, true) => t.caseload_rules[0],
            (true, false) => t.caseload_rules[1],
            _ => t.caseload_rules[2],
        };
        let _ = writeln!(out, "  {:<24}{}", "", rule);
    }
    // A period counted only to a day before its end (a year to date) says so: "2025 to 30 Jun 2025".
    let cal = ws.calendar();
    let span = |period: pilotage::Period, through: chrono::NaiveDate| {
        if through < period.end_date(cal) {
            fill(t.span, &[&l.period(period), &l.date(through)])
        } else {
            l.period(period)
        }
    };
    let stats =
        |s: &pilotage::analytics::portfolio::LeadTimeStats| match (s.mean_days, s.median_days, s.max_days) {
            (Some(mean), Some(median), Some(max)) => fill(
                t.stats,
                &[
                    &span(s.period, s.through),
                    &s.count.to_string(),
                    &l.days(mean, 1),
                    &l.days(median, 1),
                    &s.p90_days.map(|p| l.days(p, 0)).unwrap_or_else(|| "–".into()),
                    &l.days(max as f64, 0),
                ],
            ),
            _ => fill(t.no_decided, &[&span(s.period, s.through)]),
        };
    // The period against the comparison period, then whole years: later, earlier, ratio.
    let mut first = true;
    let comparisons = [h.compared_with.map(|_| &h.lead_time), h.lead_time_by_year.as_ref()];
    for cmp in comparisons.into_iter().flatten() {
        let head = if first { lead_time_row } else { "" };
        first = false;
        let _ = writeln!(out, "  {:<24}{}", head, stats(&cmp.later));
        let _ = writeln!(out, "  {:<24}{}", "", stats(&cmp.earlier));
        let ratio = match (cmp.mean_ratio, cmp.median_ratio) {
            (Some(mean), Some(median)) => fill(t.divided, &[&l.number(mean, 1), &l.number(median, 1)]),
            _ if cmp.notes.is_empty() => "–".into(),
            _ => cmp.notes.iter().map(|n| n.text(l)).collect::<Vec<_>>().join("; "),
        };
        let _ = writeln!(out, "  {:<24}{}", "", ratio);
    }
    if first {
        let _ = writeln!(out, "  {:<24}{}", lead_time_row, stats(&h.lead_time.later));
    }
    let f = &h.funds.total;
    let funds = [l.money_or_dash(f.pledged), l.money_or_dash(f.signed), l.money_or_dash(f.received)];
    let _ = writeln!(out, "  {:<24}{}", funds_row, fill(t.funds, &[&funds[0], &funds[1], &funds[2]]));
    let outstanding = [
        l.money_or_dash(h.outstanding.pledged_not_signed),
        l.money_or_dash(h.outstanding.signed_not_received),
    ];
    let _ = writeln!(out, "  {:<24}{}", "", fill(t.outstanding, &[&outstanding[0], &outstanding[1]]));
    let f = &h.finance;
    let lev = &f.leverage;
    let lev_value = match (&lev.value, lev.undefined_reason) {
        (Some(v), _) => format!("1 : {}", l.number(v.to_string().parse::<f64>().unwrap_or(f64::NAN), 2)),
        (None, Some(r)) => r.text(l).to_string(),
        (None, None) => "–".into(),
    };
    let _ = writeln!(
        out,
        "  {:<24}{} ({} = {} / {})",
        leverage_row,
        lev_value,
        lev.definition.formula_in(l),
        lev.numerator().map(|n| l.money(n)).unwrap_or_else(|| "–".into()),
        l.money_or_dash(lev.own)
    );
    // Each ratio says the projects it rests on: the rate needs a planned cost, so the two
    // populations may differ.
    let _ = writeln!(out, "  {:<24}{}", "", population(&f.leverage_population, h.as_of, l));
    if let Some(rate) = f.cofinancing_rate {
        let _ = writeln!(
            out,
            "  {:<24}{} ({} = {} / {})",
            cofinancing_row,
            l.percent(rate.to_string().parse::<f64>().unwrap_or(f64::NAN), 1),
            t.cofinancing_formula,
            l.money_or_dash(f.cofinanced_external),
            l.money_or_dash(f.planned_cost)
        );
        let _ = writeln!(out, "  {:<24}{}", "", population(&f.cofinancing_population, h.as_of, l));
    }
    let partners =
        [h.partners.members.len(), h.partners.new.len(), h.partners.active.len()].map(|n| n.to_string());
    let _ = writeln!(
        out,
        "  {:<24}{}",
        partners_row,
        fill(t.partners, &[&partners[0], &partners[1], &partners[2]])
    );
    let names =
        |id: &str| ws.partners.iter().find(|p| p.id == id).map(|p| p.name.clone()).unwrap_or(id.into());
    for (i, p) in h.concentration.partners.iter().take(h.concentration.top_n).enumerate() {
        let _ = writeln!(
            out,
            "  {:<24}{}. {} — {} ({})",
            if i == 0 { top_row } else { "" },
            i + 1,
            names(&p.partner),
            l.money_or_dash(p.amount),
            l.percent(p.share.map_or(f64::NAN, |s| s.to_string().parse::<f64>().unwrap_or(f64::NAN)), 1)
        );
    }
    // an amount whose sum overflows prints as `–`: say why, once
    let overflow = h.portfolio_value.is_none()
        || [&h.funds.overflow, &h.outstanding.overflow, &h.finance.overflow, &h.concentration.overflow]
            .iter()
            .any(|o| o.is_some())
        || h.investment_capacity
            .as_ref()
            .is_some_and(|c| c.later.total.is_none() || c.earlier.total.is_none());
    if overflow {
        let _ = writeln!(out, "  {:<24}{}", "", l.money_overflow());
    }
    if let Some(cap) = &h.investment_capacity {
        let ratio =
            cap.ratio.map(|r| format!("× {}", l.number(r.to_string().parse().unwrap_or(f64::NAN), 1)));
        let capacity = fill(
            t.capacity,
            &[
                &span(cap.later.period, cap.later.through),
                &l.money_or_dash(cap.later.total),
                &span(cap.earlier.period, cap.earlier.through),
                &l.money_or_dash(cap.earlier.total),
                &ratio.or(cap.note.map(|n| n.text(l))).unwrap_or_else(|| "–".into()),
            ],
        );
        let _ = writeln!(out, "  {:<24}{}", capacity_row, capacity);
    }
    if let Some(share) = h.transversality.share {
        let share = l.percent(share.to_string().parse().unwrap_or(f64::NAN), 0);
        let _ = writeln!(out, "  {:<24}{}", transversality_row, fill(t.transversality, &[&share]));
    }
    out
}
