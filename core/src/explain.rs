//! A few readable lines from an [`Explanation`](crate::engine::evaluation::Explanation), so that a
//! user who doubts a red sees why it is red: the headline (score and status), why that
//! status, the value against its target and where the target comes from, the formula with
//! its numbers, the inputs (and how they were aggregated), the children with their weights
//! and what the missing-data policy did, and the reasons for "no data".
//!
//! The explanation is data (reason codes with their numbers, the formula as a tree of
//! operations, the status rule, the target's origin, the derived metric's code); one
//! renderer, [`render_in`], turns it into text for a [`Locale`], taking every word, plural
//! rule and number, percent, period and date format from the locale's table
//! ([`Locale::words`]: its [`crate::locale::ExplainWords`], record nouns, metric names and
//! plural rule). [`render`] is the English text.

use crate::engine::NodeKind;
use crate::engine::derived::MetricBasis;
use crate::engine::evaluation::{
    Evaluation, Formula, NodeResult, Op, Operand, Reason, SourceUsed, StatusReason, TimeRule,
};
use crate::engine::rollup::{NoDataReason, Treatment};
use crate::engine::scoring::{Comparison, DayCount, LowerRatio, NoScore, ScoringMethod, Status};
use crate::engine::target::{TargetPolicy, TargetSource};
use crate::error::Error;
use crate::locale::{Locale, Words, fill, status_index};
use crate::model::indicator::{Metric, TimeAggregation};
use crate::model::period::{Frequency, Period};
use crate::model::scorecard::Aggregation;

/// Render the explanation of one node of an evaluation ([`Error::NotFound`] for an unknown id).
pub fn explain(evaluation: &Evaluation, node_id: &str) -> Result<String, Error> {
    explain_in(evaluation, node_id, Locale::En)
}

/// [`explain`] in a language: [`Locale::En`] gives exactly [`explain`]'s text.
pub fn explain_in(evaluation: &Evaluation, node_id: &str, locale: Locale) -> Result<String, Error> {
    let node =
        evaluation.node(node_id).ok_or_else(|| Error::NotFound { what: "node", id: node_id.to_string() })?;
    Ok(render_in(node, locale))
}

/// Render one node's explanation in English.
pub fn render(node: &NodeResult) -> String {
    render_in(node, Locale::En)
}

fn kind_index(kind: NodeKind) -> usize {
    match kind {
        NodeKind::Scorecard => 0,
        NodeKind::Perspective => 1,
        NodeKind::Objective => 2,
        NodeKind::Indicator => 3,
    }
}

fn status_word(w: &Words, kind: NodeKind, status: Status) -> &'static str {
    let words =
        if kind == NodeKind::Indicator { &w.explain.indicator_status } else { &w.explain.rollup_status };
    words[status_index(status)]
}

fn metric_index(metric: Metric) -> usize {
    Metric::ALL.iter().position(|m| *m == metric).unwrap_or(0)
}

/// The records a metric counts: partner, commitment, project or file (in [`Words::records`]).
fn record_index(metric: Metric) -> usize {
    match metric {
        Metric::PartnerCount | Metric::NewPartners | Metric::ActivePartners => 0,
        Metric::FundsPledged
        | Metric::FundsSigned
        | Metric::FundsReceived
        | Metric::CumulativeFundsSigned => 1,
        Metric::Deliveries
        | Metric::OnTimeDeliveryRate
        | Metric::Leverage
        | Metric::CofinancingRate
        | Metric::InvestmentCapacity => 2,
        _ => 3,
    }
}

/// `n` records of a metric: `3 projects` / `3 projets`.
fn records(w: &Words, metric: Metric, n: usize) -> String {
    let noun = w.records[record_index(metric)][usize::from((w.plural)(n as u64))];
    [n.to_string().as_str(), " ", noun].concat()
}

fn method_index(ex: &crate::engine::evaluation::Explanation) -> usize {
    if let Some(s) = &ex.scoring {
        return match s {
            ScoringMethod::LinearProgress { .. } => 0,
            ScoringMethod::RatioToTarget { .. } => 1,
            ScoringMethod::GoalRedFlag { .. } => 2,
            ScoringMethod::Band { .. } => 3,
            ScoringMethod::MinMax { .. } => 4,
            ScoringMethod::StatusRules { .. } => 5,
            ScoringMethod::ExpectedProgress { .. } => 6,
        };
    }
    match ex.rollup.map(|r| r.aggregation) {
        Some(Aggregation::WeightedGeometricMean) => 8,
        Some(Aggregation::Worst) => 9,
        _ => 7,
    }
}

fn no_score_index(reason: NoScore) -> usize {
    match reason {
        NoScore::NoTarget => 0,
        NoScore::NoBaseline => 1,
        NoScore::ZeroTarget => 2,
        NoScore::GoalEqualsRedFlag => 3,
        NoScore::NotPositiveForLog => 4,
        NoScore::RuleGivesNoScore => 5,
        NoScore::NegativeForRatio => 6,
        NoScore::NotFinite => 7,
    }
}

fn no_data_index(reason: NoDataReason) -> usize {
    match reason {
        NoDataReason::NoChildren => 0,
        NoDataReason::AllChildrenMissing => 1,
        NoDataReason::ChildMissing => 2,
        NoDataReason::BelowMinCoverage => 3,
        NoDataReason::TooLarge => 4,
    }
}

fn frequency_index(f: Frequency) -> usize {
    match f {
        Frequency::Monthly => 0,
        Frequency::Quarterly => 1,
        Frequency::Yearly => 2,
    }
}

fn aggregation_index(a: TimeAggregation) -> usize {
    match a {
        TimeAggregation::Sum => 0,
        TimeAggregation::Mean => 1,
        TimeAggregation::Last => 2,
        TimeAggregation::Min => 3,
        TimeAggregation::Max => 4,
        TimeAggregation::RatioOfSums => 5,
    }
}

/// How tightly a formula binds: sums 1, products 2, a negation 3, a number or a function 4,
/// the worded operations (`... = r`, `..., capped at c`) 0.
fn precedence(f: &Formula) -> u8 {
    match f {
        Formula::Value { value, .. } if *value < 0.0 => 3,
        Formula::Value { .. } | Formula::Input { .. } | Formula::Named { .. } => 4,
        Formula::Op { op, .. } => match op {
            Op::Add | Op::Sub => 1,
            Op::Mul | Op::Div => 2,
            Op::Neg => 3,
            Op::Ln | Op::Exp | Op::Min | Op::Max | Op::Abs | Op::Clamp => 4,
            _ => 0,
        },
    }
}

/// `f` in parentheses when it binds less tightly than `min`.
fn operand(w: &Words, f: Option<&Formula>, min: u8, out: &mut String) {
    let Some(f) = f else { return };
    if precedence(f) < min {
        out.push('(');
        write_formula(w, f, out);
        out.push(')');
    } else {
        write_formula(w, f, out);
    }
}

fn text(w: &Words, f: Option<&Formula>) -> String {
    let mut out = String::new();
    if let Some(f) = f {
        write_formula(w, f, &mut out);
    }
    out
}

fn write_formula(w: &Words, f: &Formula, out: &mut String) {
    let (op, xs) = match f {
        Formula::Value { value, .. } => return out.push_str(&w.explain.format.short_number(*value)),
        Formula::Input { indicator, value } => {
            return match value {
                Some(v) => out.push_str(&w.explain.format.short_number(*v)),
                None => {
                    out.push_str(indicator);
                    out.push_str("=?");
                }
            };
        }
        Formula::Named { of: Operand::DistanceOutside } => return out.push_str(w.explain.distance_outside),
        Formula::Named { .. } => return out.push('?'),
        Formula::Op { op, operands } => (op, operands),
    };
    let x = |i: usize| text(w, xs.get(i));
    let infix = |sign: &str, out: &mut String, p: u8, strict_right: bool| {
        for (i, o) in xs.iter().enumerate() {
            if i > 0 {
                out.push_str(sign);
            }
            operand(w, Some(o), if i > 0 && strict_right { p + 1 } else { p }, out);
        }
    };
    let call = |name: &str, out: &mut String| {
        out.push_str(name);
        out.push('(');
        for (i, o) in xs.iter().enumerate() {
            if i > 0 {
                out.push_str(w.explain.arg_sep);
            }
            write_formula(w, o, out);
        }
        out.push(')');
    };
    match op {
        Op::Add => infix(" + ", out, 1, false),
        Op::Sub => infix(" - ", out, 1, true),
        Op::Mul => infix(" * ", out, 2, false),
        // a constant fraction reads as one number: `10/3`
        Op::Div
            if xs.iter().all(|x| matches!(x, Formula::Value { of: Operand::Constant, .. }))
                && xs.len() == 2 =>
        {
            infix("/", out, 2, true)
        }
        Op::Div => infix(" / ", out, 2, true),
        Op::Neg => {
            out.push('-');
            operand(w, xs.first(), 3, out);
        }
        Op::Ln => {
            out.push_str(w.explain.functions[5]);
            out.push(' ');
            operand(w, xs.first(), 4, out);
        }
        Op::Exp => call(w.explain.functions[0], out),
        Op::Min => call(w.explain.functions[1], out),
        Op::Max => call(w.explain.functions[2], out),
        Op::Abs => call(w.explain.functions[3], out),
        Op::Clamp => call(w.explain.functions[4], out),
        Op::Equals => {
            out.push_str(&x(0));
            out.push_str(" = ");
            out.push_str(&x(1));
        }
        Op::Capped => {
            out.push_str(&x(0));
            out.push_str(&fill(w.explain.capped, &[&x(1)]));
        }
        Op::FlooredAtZero => {
            out.push_str(&x(0));
            out.push_str(w.explain.floored);
        }
        Op::LowerIsBetter { ratio } => {
            out.push_str(&x(0));
            out.push_str(
                w.explain.lower_is_better[usize::from(*ratio == LowerRatio::TwoMinusActualOverTarget)],
            );
        }
        Op::TargetEqualsBaseline { reached } => {
            out.push_str(&fill(w.explain.target_equals_baseline[usize::from(!reached)], &[&x(0), &x(1)]))
        }
        Op::RightSideOfZero => out.push_str(&fill(w.explain.right_side_of_zero, &[&x(0), &x(1)])),
        Op::Band => out.push_str(&fill(w.explain.band, &[&x(0), &x(1), &x(2), &x(3), &x(4)])),
        Op::Rule { number, status } => out.push_str(&fill(
            w.explain.rule,
            &[&number.to_string(), &x(0), w.explain.indicator_status[status_index(*status)]],
        )),
        Op::Compare { when } => {
            out.push_str(&x(0));
            out.push_str(match when {
                Comparison::AtLeast => " >= ",
                Comparison::Above => " > ",
                Comparison::AtMost => " <= ",
                Comparison::Below => " < ",
            });
            out.push_str(&x(1));
        }
        Op::Otherwise { status } => out.push_str(&fill(
            w.explain.otherwise,
            &[&x(0), w.explain.indicator_status[status_index(*status)]],
        )),
        Op::ExpectedOn { date, day_count } => out.push_str(&fill(
            w.explain.expected_on,
            &[
                &w.explain.format.date(*date),
                w.explain.day_counts[usize::from(*day_count == DayCount::Inclusive)],
            ],
        )),
        Op::Then => out.push_str(&fill(w.explain.then, &[&x(0), &x(1)])),
        Op::ZeroInGeometricMean => out.push_str(w.explain.zero_in_geometric_mean),
        Op::NoScore { reason } => {
            out.push_str(&fill(w.explain.no_score, &[w.explain.no_scores[no_score_index(*reason)]]))
        }
        Op::NoData { reason } => {
            out.push_str(&fill(w.explain.no_data, &[w.explain.no_data_reasons[no_data_index(*reason)]]))
        }
    }
}

/// A formula in a language: its numbers in the locale's format, its worded operations in
/// its words (`100 * (42 - 30) / (50 - 30), capped at 100 = 60`).
pub fn formula_in(formula: &Formula, locale: Locale) -> String {
    text(locale.words(), Some(formula))
}

/// A reason in a language.
pub fn reason_in(reason: &Reason, locale: Locale) -> String {
    let w = locale.words();
    let r = &w.explain.reasons;
    match reason {
        Reason::NoMeasurement { periods } => {
            let list: Vec<String> = periods.iter().map(|p| w.explain.format.period(*p)).collect();
            fill(r[0], &[&list.join(w.explain.item_sep)])
        }
        Reason::DenominatorsZero => r[1].to_string(),
        Reason::AggregateTooLarge => r[2].to_string(),
        Reason::RecordsUnavailable => r[3].to_string(),
        Reason::InputSuppressed => r[4].to_string(),
        Reason::InputMissing { indicator } => fill(r[5], &[indicator]),
        Reason::DivisionByZero { expression } => fill(r[6], &[expression]),
        Reason::ResultOverflows => r[7].to_string(),
        Reason::NoTarget { period, latest, policy } => fill(
            w.explain.no_target[usize::from(latest.is_some())],
            &[
                &w.explain.format.period(*period),
                w.explain.policies[usize::from(*policy == TargetPolicy::CarryForward)],
                &latest.map(|p| w.explain.format.period(p)).unwrap_or_default(),
            ],
        ),
        Reason::NoScore { cause } => w.explain.no_scores[no_score_index(*cause)].to_string(),
        Reason::Rollup { cause } => w.explain.no_data_reasons[no_data_index(*cause)].to_string(),
        Reason::BelowMinCoverage { coverage, min } => fill(
            w.explain.below_min_coverage,
            &[
                &w.explain.format.short_number(*coverage),
                &w.explain.format.short_number(*min),
                &w.explain.format.short_percent(*coverage),
                &w.explain.format.short_percent(*min),
            ],
        ),
        Reason::Derived { metric, period, basis } => {
            let (i, count, date) = match basis {
                MetricBasis::NoRecords => (0, 0, None),
                MetricBasis::Overflow { count } => (1, *count, None),
                MetricBasis::Counted { count } | MetricBasis::Undefined { count } => (2, *count, None),
                MetricBasis::BeforeRecords { end } => (3, 0, Some(*end)),
                MetricBasis::AfterRecords { through } => (4, 0, Some(*through)),
            };
            fill(
                w.explain.derived_reasons[i],
                &[
                    w.metrics[metric_index(*metric)],
                    &w.explain.format.period(*period),
                    &records(w, *metric, count),
                    &date.map(|d| w.explain.format.date(d)).unwrap_or_default(),
                ],
            )
        }
    }
}

fn target_source(w: &Words, source: &TargetSource) -> String {
    let t = &w.explain.target_sources;
    let p = |p: Period| w.explain.format.period(p);
    match source {
        TargetSource::Explicit { period } => fill(t[0], &[&p(*period)]),
        TargetSource::ExplicitCoarser { period } => fill(t[1], &[&p(*period)]),
        TargetSource::ExplicitFiner { first, last, count } => {
            fill(t[2], &[&count.to_string(), &p(*first), &p(*last)])
        }
        TargetSource::CarriedForward { period } => fill(t[3], &[&p(*period)]),
        // between two points of the trajectory, or at its end (from its start): one sentence
        // each, over the same two points
        TargetSource::Trajectory { from: a, to: b } | TargetSource::TrajectoryEnd { start: a, end: b } => {
            let template = if matches!(source, TargetSource::Trajectory { .. }) { t[4] } else { t[5] };
            let n = |x| w.explain.format.short_number(x);
            fill(template, &[&n(a.value), &p(a.period), &n(b.value), &p(b.period)])
        }
    }
}

fn status_reason(w: &Words, kind: NodeKind, reason: &StatusReason) -> String {
    let word = |s: Status| status_word(w, kind, s);
    let n = |x: f64| w.explain.format.short_number(x);
    let sr = &w.explain.status_reasons;
    match *reason {
        StatusReason::Suppressed => fill(sr[0], &[word(Status::Suppressed)]),
        StatusReason::NoData => sr[1].to_string(),
        StatusReason::StatusRule { status } => fill(sr[2], &[word(status)]),
        StatusReason::Green { score, green } => {
            fill(sr[3], &[word(Status::Green), &n(score), word(Status::Green), &n(green)])
        }
        StatusReason::Amber { score, amber, green } => fill(
            sr[4],
            &[word(Status::Amber), &n(score), word(Status::Amber), &n(amber), word(Status::Green), &n(green)],
        ),
        StatusReason::Red { score, amber } => {
            fill(sr[5], &[word(Status::Red), &n(score), word(Status::Amber), &n(amber)])
        }
        StatusReason::Given { status } => word(status).to_string(),
    }
}

fn time_rule(w: &Words, agg: &crate::engine::evaluation::TimeAggregationUsed, period: Period) -> String {
    let freq = &w.explain.frequencies[frequency_index(agg.measured)];
    match agg.rule {
        TimeRule::Aggregated => {
            let n = agg.present.len();
            let i = if n == 0 {
                0
            } else if (w.plural)(n as u64) {
                2
            } else {
                1
            };
            fill(
                w.explain.rule_aggregated[i],
                &[
                    w.explain.aggregations[aggregation_index(agg.method)],
                    freq[usize::from(i != 1)],
                    &n.to_string(),
                    &agg.periods.len().to_string(),
                    &w.explain.format.period(period),
                ],
            )
        }
        TimeRule::SamePeriod => fill(w.explain.rule_same, &[&w.explain.format.period(period)]),
        TimeRule::LatestEnded => fill(
            w.explain.rule_latest,
            &[
                freq[0],
                &w.explain.format.period(period),
                &agg.periods.first().map(|p| w.explain.format.period(*p)).unwrap_or_default(),
            ],
        ),
    }
}

/// Render one node's explanation in a language: [`Locale::En`] gives [`render`]'s text,
/// [`Locale::Fr`] the same lines in French; every word comes from [`Locale::words`].
pub fn render_in(node: &NodeResult, locale: Locale) -> String {
    let w = locale.words();
    let ex = &node.explanation;
    let num = |x: f64| w.explain.format.short_number(x);
    let opt = |x: Option<f64>| x.map(|x| w.explain.format.short_number(x)).unwrap_or_else(|| "-".to_string());
    let per = |p: Period| w.explain.format.period(p);
    let mut out = String::new();
    let mut line = |text: String| {
        out.push_str(&text);
        out.push('\n');
    };
    line(fill(
        w.explain.header,
        &[
            w.explain.kinds[kind_index(node.kind)],
            &node.id,
            &node.name,
            &per(node.period),
            &opt(node.score),
            status_word(w, node.kind, node.status),
            &w.explain.format.short_percent(node.coverage),
        ],
    ));
    line(fill(w.explain.why, &[&status_reason(w, node.kind, &ex.status_reason)]));
    if node.value.is_some() || node.target.is_some() {
        let unit = node.unit.as_deref().map(|u| [w.explain.unit_sep, u].concat()).unwrap_or_default();
        let mut text = fill(w.explain.value, &[&opt(node.value), &unit]);
        if let Some(t) = &ex.target {
            text.push_str(&fill(w.explain.target, &[&num(t.value), &target_source(w, &t.source)]));
        }
        if let Some(b) = &ex.baseline {
            text.push_str(&fill(w.explain.baseline, &[&num(b.value), &per(b.period)]));
        }
        line(text);
    }
    if let Some(vp) = ex.value_period {
        line(fill(w.explain.carried_value, &[&per(vp), &per(node.period)]));
    }
    if let Some(f) = &ex.formula {
        line(fill(w.explain.formula_line, &[w.explain.methods[method_index(ex)], &formula_in(f, locale)]));
    }
    match &ex.source {
        Some(SourceUsed::Calculated { expression, substituted }) => {
            let mut text = expression.clone();
            if let Some(s) = substituted {
                text.push_str(w.explain.arrow);
                text.push_str(&formula_in(s, locale));
            }
            line(fill(w.explain.calculated, &[&text]));
        }
        Some(SourceUsed::Derived { metric, records: ids, .. }) => {
            let n = ids.len();
            let counted = fill(
                w.explain.counted[usize::from((w.plural)(n as u64))],
                &[&n.to_string(), w.records[record_index(*metric)][usize::from((w.plural)(n as u64))]],
            );
            line(fill(w.explain.derived, &[w.metrics[metric_index(*metric)], &opt(node.value), &counted]));
        }
        _ => {}
    }
    if let Some(agg) = &ex.time_aggregation {
        let items: Vec<String> = ex
            .inputs
            .iter()
            .map(|i| match (i.suppressed, i.numerator, i.denominator) {
                (true, _, _) => fill(w.explain.input_suppressed, &[&per(i.period)]),
                (false, Some(n), Some(d)) => {
                    [per(i.period), " = ".into(), num(n), "/".into(), num(d)].concat()
                }
                _ => [per(i.period), " = ".into(), opt(i.value)].concat(),
            })
            .collect();
        let list =
            if items.is_empty() { w.explain.no_inputs.to_string() } else { items.join(w.explain.item_sep) };
        line(fill(w.explain.inputs, &[&list, &time_rule(w, agg, node.period)]));
    }
    if !ex.children.is_empty() {
        // an objective's children are indicators; the other nodes' children roll up
        let child_kind =
            if node.kind == NodeKind::Objective { NodeKind::Indicator } else { NodeKind::Objective };
        let kids: Vec<String> = ex
            .children
            .iter()
            .map(|c| {
                let what = match c.treatment {
                    Treatment::Used => {
                        fill(w.explain.child_used, &[&opt(c.score), status_word(w, child_kind, c.status)])
                    }
                    Treatment::Excluded => w.explain.treatments[0].to_string(),
                    Treatment::CountedAsZero => w.explain.treatments[1].to_string(),
                    Treatment::MakesParentNoData => w.explain.treatments[2].to_string(),
                    Treatment::CarriedForward { age } => fill(
                        w.explain.carried[usize::from((w.plural)(u64::from(age)))],
                        &[
                            &opt(c.carried_score),
                            &c.carried_from.map(per).unwrap_or_default(),
                            &age.to_string(),
                        ],
                    ),
                };
                fill(
                    w.explain.child,
                    &[&c.id, &num(c.raw_weight), &w.explain.format.short_percent(c.effective_weight), &what],
                )
            })
            .collect();
        line([w.explain.children, &kids.join(w.explain.child_sep)].concat());
    }
    for r in &ex.reasons {
        line(fill(w.explain.reason_line, &[&reason_in(r, locale)]));
    }
    if let Some(f) = &node.forecast {
        let track = match f.on_track {
            Some(true) => w.explain.tracks[0],
            Some(false) => w.explain.tracks[1],
            None => w.explain.tracks[2],
        };
        line(fill(
            w.explain.forecast[usize::from((w.plural)(u64::from(f.points)))],
            &[&per(f.target_period), &opt(f.projected), &num(f.target), track, &f.points.to_string()],
        ));
    }
    out
}
