//! A few readable lines from an [`Explanation`](crate::evaluation::Explanation), so that a
//! user who doubts a red sees why it is red: the headline (score and status), why that
//! status, the value against its target and where the target comes from, the formula with
//! its numbers, the inputs (and how they were aggregated), the children with their weights
//! and what the missing-data policy did, and the reasons for "no data".

use std::fmt::Write;

use crate::error::Error;
use crate::evaluation::{Evaluation, NodeResult, SourceUsed};
use crate::rollup::Treatment;
use crate::scoring::fmt_num;
use crate::target::TargetSource;

/// Render the explanation of one node of an evaluation ([`Error::NotFound`] for an unknown id).
pub fn explain(evaluation: &Evaluation, node_id: &str) -> Result<String, Error> {
    let node =
        evaluation.node(node_id).ok_or_else(|| Error::NotFound { what: "node", id: node_id.to_string() })?;
    Ok(render(node))
}

fn opt(x: Option<f64>) -> String {
    x.map(fmt_num).unwrap_or_else(|| "-".to_string())
}

/// Render one node's explanation.
pub fn render(node: &NodeResult) -> String {
    let ex = &node.explanation;
    let mut out = String::new();
    // The kind's name is ASCII (ASCII lower-casing keeps Unicode's case tables out of the
    // WebAssembly package).
    let kind = format!("{:?}", node.kind).to_ascii_lowercase();
    let _ = writeln!(
        out,
        "{} {} \"{}\" at {}: score {}, {}, coverage {}%",
        kind,
        node.id,
        node.name,
        node.period,
        opt(node.score),
        node.status.as_str(),
        fmt_num(node.coverage * 100.0)
    );
    let _ = writeln!(out, "  why: {}", ex.status_reason);
    if node.value.is_some() || node.target.is_some() {
        let unit = node.unit.as_deref().map(|u| format!(" {u}")).unwrap_or_default();
        let mut line = format!("  value {}{unit}", opt(node.value));
        if let Some(t) = &ex.target {
            let from = match t.source {
                TargetSource::Explicit { period } => format!("explicit for {period}"),
                TargetSource::ExplicitCoarser { period } => {
                    format!("explicit for {period}, which contains it")
                }
                TargetSource::ExplicitFiner { first, last, count } => {
                    format!("{count} explicit targets {first}..{last} combined")
                }
                TargetSource::Trajectory { from, to } => {
                    format!(
                        "trajectory from {} ({}) to {} ({})",
                        fmt_num(from.value),
                        from.period,
                        fmt_num(to.value),
                        to.period
                    )
                }
            };
            let _ = write!(line, "; target {} ({from})", fmt_num(t.value));
        }
        if let Some(b) = &ex.baseline {
            let _ = write!(line, "; baseline {} ({})", fmt_num(b.value), b.period);
        }
        let _ = writeln!(out, "{line}");
    }
    if let Some(f) = &ex.formula {
        let _ = writeln!(out, "  {}: {f}", ex.method);
    }
    match &ex.source {
        Some(SourceUsed::Calculated { expression, substituted }) => {
            let _ = writeln!(
                out,
                "  calculated: {expression}{}",
                substituted.as_ref().map(|s| format!(" -> {s}")).unwrap_or_default()
            );
        }
        Some(SourceUsed::Derived { metric, detail, records }) => {
            let _ = writeln!(out, "  derived from {metric:?}: {detail} ({} records)", records.len());
        }
        _ => {}
    }
    if let Some(agg) = &ex.time_aggregation {
        let inputs: Vec<String> = ex
            .inputs
            .iter()
            .map(|i| {
                if i.suppressed {
                    format!("{} suppressed", i.period)
                } else {
                    match (i.numerator, i.denominator) {
                        (Some(n), Some(d)) => format!("{} = {}/{}", i.period, fmt_num(n), fmt_num(d)),
                        _ => format!("{} = {}", i.period, opt(i.value)),
                    }
                }
            })
            .collect();
        let _ = writeln!(
            out,
            "  inputs: {} ({})",
            if inputs.is_empty() { "none".to_string() } else { inputs.join(", ") },
            agg.rule
        );
    }
    if !ex.children.is_empty() {
        let kids: Vec<String> = ex
            .children
            .iter()
            .map(|c| {
                let what = match c.treatment {
                    Treatment::Used => format!("{} ({})", opt(c.score), c.status.as_str()),
                    Treatment::Excluded => "no data, excluded".to_string(),
                    Treatment::CountedAsZero => "no data, counted as 0".to_string(),
                    Treatment::CarriedForward { age } => format!(
                        "no data, carried {} from {} ({age} back)",
                        opt(c.carried_score),
                        c.carried_from.map(|p| p.to_string()).unwrap_or_default()
                    ),
                    Treatment::MakesParentNoData => "no data, so the parent has none".to_string(),
                };
                format!(
                    "{} w {} -> {}%: {what}",
                    c.id,
                    fmt_num(c.raw_weight),
                    fmt_num(c.effective_weight * 100.0)
                )
            })
            .collect();
        let _ = writeln!(out, "  children: {}", kids.join("; "));
    }
    for r in &ex.reasons {
        let _ = writeln!(out, "  no data because {r}");
    }
    if let Some(f) = &node.forecast {
        let _ = writeln!(
            out,
            "  forecast for {}: {} against target {} ({}, {} points)",
            f.target_period,
            opt(f.projected),
            fmt_num(f.target),
            match f.on_track {
                Some(true) => "on track",
                Some(false) => "off track",
                None => "undetermined",
            },
            f.points
        );
    }
    out
}
