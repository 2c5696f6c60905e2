//! The explanation's text in each language, from its codes: every reason, formula operation,
//! status rule, target origin and metric code renders in both languages (the lists below are
//! exhaustive by construction: a new variant does not compile until it has an example);
//! no English word is left in French output, nor French in English, over the sample city
//! and generated workspaces, in the explanations, the HTML reports and the main job's text
//! (where every word must also be its table's or the workspace's); every template takes the
//! same values in every language; hand-worked texts for the defects of issue #15.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

mod common;

use std::collections::BTreeSet;

use chrono::NaiveDate;
use common::{p, workspace};
use pilotage::engine::derived::MetricBasis;
use pilotage::engine::evaluation::{Op, StatusReason};
use pilotage::engine::rollup::NoDataReason;
use pilotage::engine::scoring::{Comparison, DayCount, LowerRatio, NoScore};
use pilotage::engine::target::TargetPolicy;
use pilotage::explain::{formula_in, reason_in, render_in};
use pilotage::locale::en::EN;
use pilotage::locale::fr::FR;
use pilotage::locale::{ExplainWords, Format, Locale, ReportWords, TextWords, Words};
use pilotage::{Evaluation, Formula, Metric, Operand, Reason, Status, evaluate, evaluate_range, sample};
use serde_json::json;

const LOCALES: [Locale; 2] = [Locale::En, Locale::Fr];

fn d(s: &str) -> NaiveDate {
    s.parse().unwrap()
}

/// One example of every reason code, every `NoScore`, `NoDataReason` and `MetricBasis`
/// included.
fn every_reason() -> Vec<Reason> {
    let mut all = vec![
        Reason::NoMeasurement { periods: vec![p("2025-01"), p("2025-02")] },
        Reason::DenominatorsZero,
        Reason::AggregateTooLarge,
        Reason::RecordsUnavailable,
        Reason::InputSuppressed,
        Reason::InputMissing { indicator: "ind_x".into() },
        Reason::DivisionByZero { expression: "a / b".into() },
        Reason::ResultOverflows,
        Reason::NoTarget { period: p("2025-Q1"), latest: None, policy: TargetPolicy::None },
        Reason::NoTarget {
            period: p("2025-Q1"),
            latest: Some(p("2024")),
            policy: TargetPolicy::CarryForward,
        },
        Reason::BelowMinCoverage { coverage: 0.5, min: 0.75 },
    ];
    for cause in [
        NoScore::NoTarget,
        NoScore::NoBaseline,
        NoScore::ZeroTarget,
        NoScore::GoalEqualsRedFlag,
        NoScore::NotPositiveForLog,
        NoScore::RuleGivesNoScore,
        NoScore::NegativeForRatio,
        NoScore::NotFinite,
    ] {
        // a new cause does not compile here until it is listed above
        match cause {
            NoScore::NoTarget
            | NoScore::NoBaseline
            | NoScore::ZeroTarget
            | NoScore::GoalEqualsRedFlag
            | NoScore::NotPositiveForLog
            | NoScore::RuleGivesNoScore
            | NoScore::NegativeForRatio
            | NoScore::NotFinite => all.push(Reason::NoScore { cause }),
        }
    }
    for cause in no_data_reasons() {
        all.push(Reason::Rollup { cause });
    }
    for metric in Metric::ALL {
        for basis in every_basis() {
            all.push(Reason::Derived { metric, period: p("2025-Q2"), basis });
        }
    }
    // every variant has an example: a new one fails to compile until it has an arm here, and
    // the count below until it has an example above
    let index = |r: &Reason| match r {
        Reason::NoMeasurement { .. } => 0,
        Reason::DenominatorsZero => 1,
        Reason::AggregateTooLarge => 2,
        Reason::RecordsUnavailable => 3,
        Reason::InputSuppressed => 4,
        Reason::InputMissing { .. } => 5,
        Reason::DivisionByZero { .. } => 6,
        Reason::ResultOverflows => 7,
        Reason::NoTarget { .. } => 8,
        Reason::NoScore { .. } => 9,
        Reason::Rollup { .. } => 10,
        Reason::BelowMinCoverage { .. } => 11,
        Reason::Derived { .. } => 12,
    };
    let seen: BTreeSet<usize> = all.iter().map(index).collect();
    assert_eq!(seen, (0..=12).collect());
    all
}

fn no_data_reasons() -> Vec<NoDataReason> {
    let all = vec![
        NoDataReason::NoChildren,
        NoDataReason::AllChildrenMissing,
        NoDataReason::ChildMissing,
        NoDataReason::BelowMinCoverage,
        NoDataReason::TooLarge,
    ];
    for r in &all {
        match r {
            NoDataReason::NoChildren
            | NoDataReason::AllChildrenMissing
            | NoDataReason::ChildMissing
            | NoDataReason::BelowMinCoverage
            | NoDataReason::TooLarge => {}
        }
    }
    all
}

fn every_basis() -> Vec<MetricBasis> {
    let all = vec![
        MetricBasis::Counted { count: 1 },
        MetricBasis::NoRecords,
        MetricBasis::Overflow { count: 3 },
        MetricBasis::Undefined { count: 2 },
        MetricBasis::BeforeRecords { end: d("2018-12-31") },
        MetricBasis::AfterRecords { through: d("2025-11-30") },
    ];
    let index = |b: &MetricBasis| match b {
        MetricBasis::Counted { .. } => 0,
        MetricBasis::NoRecords => 1,
        MetricBasis::Overflow { .. } => 2,
        MetricBasis::Undefined { .. } => 3,
        MetricBasis::BeforeRecords { .. } => 4,
        MetricBasis::AfterRecords { .. } => 5,
    };
    assert_eq!(all.iter().map(index).collect::<BTreeSet<_>>(), (0..6).collect());
    all
}

fn v(x: f64) -> Formula {
    Formula::value(x, Operand::Constant)
}

/// One formula for every operation (with two operands where it takes some).
fn every_formula() -> Vec<Formula> {
    let two = || vec![v(1.5), v(2.0)];
    let mut ops = vec![
        Op::Add,
        Op::Sub,
        Op::Mul,
        Op::Div,
        Op::Neg,
        Op::Ln,
        Op::Exp,
        Op::Min,
        Op::Max,
        Op::Abs,
        Op::Clamp,
        Op::Equals,
        Op::Capped,
        Op::FlooredAtZero,
        Op::RightSideOfZero,
        Op::Band,
        Op::Then,
        Op::ZeroInGeometricMean,
        Op::ExpectedOn { date: d("2025-03-31"), day_count: DayCount::Elapsed },
        Op::ExpectedOn { date: d("2025-03-31"), day_count: DayCount::Inclusive },
        Op::LowerIsBetter { ratio: LowerRatio::TargetOverActual },
        Op::LowerIsBetter { ratio: LowerRatio::TwoMinusActualOverTarget },
        Op::TargetEqualsBaseline { reached: true },
        Op::TargetEqualsBaseline { reached: false },
    ];
    for status in [Status::Green, Status::Amber, Status::Red, Status::NoData, Status::Suppressed] {
        ops.push(Op::Rule { number: 1, status });
        ops.push(Op::Otherwise { status });
    }
    for when in [Comparison::AtLeast, Comparison::Above, Comparison::AtMost, Comparison::Below] {
        ops.push(Op::Compare { when });
    }
    for reason in every_reason() {
        if let Reason::NoScore { cause } = reason {
            ops.push(Op::NoScore { reason: cause });
        }
    }
    for reason in no_data_reasons() {
        ops.push(Op::NoData { reason });
    }
    let index = |o: &Op| match o {
        Op::Add => 0,
        Op::Sub => 1,
        Op::Mul => 2,
        Op::Div => 3,
        Op::Neg => 4,
        Op::Ln => 5,
        Op::Exp => 6,
        Op::Min => 7,
        Op::Max => 8,
        Op::Abs => 9,
        Op::Clamp => 10,
        Op::Equals => 11,
        Op::Capped => 12,
        Op::FlooredAtZero => 13,
        Op::LowerIsBetter { .. } => 14,
        Op::TargetEqualsBaseline { .. } => 15,
        Op::RightSideOfZero => 16,
        Op::Band => 17,
        Op::Rule { .. } => 18,
        Op::Compare { .. } => 19,
        Op::Otherwise { .. } => 20,
        Op::ExpectedOn { .. } => 21,
        Op::Then => 22,
        Op::ZeroInGeometricMean => 23,
        Op::NoScore { .. } => 24,
        Op::NoData { .. } => 25,
    };
    assert_eq!(ops.iter().map(index).collect::<BTreeSet<_>>(), (0..=25).collect());
    let mut all: Vec<Formula> = ops.into_iter().map(|op| Formula::op(op, two())).collect();
    all.push(Formula::Input { indicator: "ind_a".into(), value: Some(0.25) });
    all.push(Formula::Input { indicator: "ind_b".into(), value: None });
    all.push(Formula::Named { of: Operand::DistanceOutside });
    all
}

/// Every text of a table, with where it is (`explain.header`, `labels.Report`...): the
/// destructuring is exhaustive, so a new field of a table does not compile here until it is
/// listed.
fn texts(w: &Words) -> Vec<(String, &'static str)> {
    let Words {
        tag,
        plural: _,
        format,
        labels,
        statuses,
        rollup_statuses,
        metrics,
        records,
        leverage_formulas,
        report,
        explain,
        text,
        messages,
    } = *w;
    // the tag is a code (`lang="en"`), no word of the text
    let _ = tag;
    let mut out: Vec<(String, &'static str)> = Vec::new();
    let mut list = |name: &str, items: &[&'static str]| {
        for (i, t) in items.iter().enumerate() {
            out.push((format!("{name}[{i}]"), t));
        }
    };
    list("statuses", &statuses);
    list("rollup_statuses", &rollup_statuses);
    list("metrics", &metrics);
    list("records", records.as_flattened());
    list("leverage_formulas", &leverage_formulas);
    let mut out = [out, format_texts("format", &format), report_texts(&report), text_texts(&text)].concat();
    out.extend(explain_texts(&explain));
    out.extend(labels.iter().map(|(l, t)| (format!("labels.{l:?}"), *t)));
    out.extend(messages.iter().map(|(k, m)| (format!("messages.{k}"), w.message(*m))));
    out
}

fn format_texts(name: &str, f: &Format) -> Vec<(String, &'static str)> {
    let Format { group: _, decimal: _, not_finite, percent, money, date, months, month, quarter, days } = *f;
    let mut out: Vec<(String, &'static str)> = [
        ("not_finite", not_finite),
        ("percent", percent),
        ("money", money),
        ("date", date),
        ("month", month),
        ("quarter", quarter),
        ("days", days),
    ]
    .into_iter()
    .map(|(k, t)| (format!("{name}.{k}"), t))
    .collect();
    out.extend(months.iter().enumerate().map(|(i, m)| (format!("{name}.months[{i}]"), *m)));
    out
}

/// Named texts and lists of texts, as `(name, texts)`.
fn named(prefix: &str, items: &[(&str, &[&'static str])]) -> Vec<(String, &'static str)> {
    let mut out = Vec::new();
    for (name, texts) in items {
        for (i, t) in texts.iter().enumerate() {
            let index = if texts.len() > 1 { format!("[{i}]") } else { String::new() };
            out.push((format!("{prefix}.{name}{index}"), *t));
        }
    }
    out
}

fn report_texts(r: &ReportWords) -> Vec<(String, &'static str)> {
    let ReportWords {
        label_value,
        leverage_ratio,
        leverage_definitions,
        leverage_population,
        leverage_undefined,
        no_ratio,
        lead_time_notes,
        money_overflow,
        partner_kinds,
        milestones,
        caseload_rules,
        caseload_line,
        lead_time_line,
        lead_time_sample,
        ratios_line,
        ageing_line,
        funds_line,
        total_line,
        top_partners_line,
        partners_line,
    } = *r;
    let kinds: Vec<&'static str> = partner_kinds.iter().map(|(_, t)| *t).collect();
    let milestones: Vec<&'static str> = milestones.iter().map(|(_, t)| *t).collect();
    named(
        "report",
        &[
            ("label_value", &[label_value]),
            ("leverage_ratio", &[leverage_ratio]),
            ("leverage_definitions", &leverage_definitions),
            ("leverage_population", &leverage_population),
            ("leverage_undefined", &leverage_undefined),
            ("no_ratio", &no_ratio),
            ("lead_time_notes", &lead_time_notes),
            ("money_overflow", &[money_overflow]),
            ("partner_kinds", &kinds),
            ("milestones", &milestones),
            ("caseload_rules", &caseload_rules),
            ("caseload_line", &[caseload_line]),
            ("lead_time_line", &[lead_time_line]),
            ("lead_time_sample", &[lead_time_sample]),
            ("ratios_line", &[ratios_line]),
            ("ageing_line", &[ageing_line]),
            ("funds_line", &[funds_line]),
            ("total_line", &[total_line]),
            ("top_partners_line", &[top_partners_line]),
            ("partners_line", &[partners_line]),
        ],
    )
}

fn text_texts(t: &TextWords) -> Vec<(String, &'static str)> {
    let TextWords {
        title,
        columns,
        overall,
        off_target,
        caution,
        all_no_data,
        no_data,
        figures,
        outside_records,
        rows,
        caseload,
        caseload_rules,
        span,
        stats,
        no_decided,
        divided,
        funds,
        outstanding,
        population,
        with_planned_cost,
        left_out,
        cofinancing_formula,
        partners,
        capacity,
        transversality,
        summary,
    } = *t;
    named(
        "text",
        &[
            ("title", &[title]),
            ("columns", &columns),
            ("overall", &[overall]),
            ("off_target", &[off_target]),
            ("caution", &[caution]),
            ("all_no_data", &[all_no_data]),
            ("no_data", &[no_data]),
            ("figures", &[figures]),
            ("outside_records", &[outside_records]),
            ("rows", &rows),
            ("caseload", &[caseload]),
            ("caseload_rules", &caseload_rules),
            ("span", &[span]),
            ("stats", &[stats]),
            ("no_decided", &[no_decided]),
            ("divided", &[divided]),
            ("funds", &[funds]),
            ("outstanding", &[outstanding]),
            ("population", &[population]),
            ("with_planned_cost", &[with_planned_cost]),
            ("left_out", &[left_out]),
            ("cofinancing_formula", &[cofinancing_formula]),
            ("partners", &[partners]),
            ("capacity", &[capacity]),
            ("transversality", &[transversality]),
            ("summary", &summary),
        ],
    )
}

fn explain_texts(w: &ExplainWords) -> Vec<(String, &'static str)> {
    let ExplainWords {
        format,
        arg_sep,
        functions,
        kinds,
        indicator_status,
        rollup_status,
        header,
        why,
        status_reasons,
        value,
        unit_sep,
        target,
        baseline,
        target_sources,
        carried_value,
        formula_line,
        methods,
        calculated,
        arrow,
        derived,
        counted,
        inputs,
        no_inputs,
        input_suppressed,
        item_sep,
        aggregations,
        frequencies,
        rule_aggregated,
        rule_same,
        rule_latest,
        children,
        child,
        child_sep,
        child_used,
        treatments,
        carried,
        reason_line,
        forecast,
        tracks,
        capped,
        floored,
        lower_is_better,
        target_equals_baseline,
        right_side_of_zero,
        band,
        distance_outside,
        rule,
        otherwise,
        expected_on,
        day_counts,
        then,
        zero_in_geometric_mean,
        no_score,
        no_data,
        no_scores,
        no_data_reasons,
        reasons,
        no_target,
        policies,
        below_min_coverage,
        derived_reasons,
    } = *w;
    let mut out = format_texts("explain.format", &format);
    out.extend(named(
        "explain",
        &[
            ("arg_sep", &[arg_sep]),
            ("functions", &functions),
            ("kinds", &kinds),
            ("indicator_status", &indicator_status),
            ("rollup_status", &rollup_status),
            ("header", &[header]),
            ("why", &[why]),
            ("status_reasons", &status_reasons),
            ("value", &[value]),
            ("unit_sep", &[unit_sep]),
            ("target", &[target]),
            ("baseline", &[baseline]),
            ("target_sources", &target_sources),
            ("carried_value", &[carried_value]),
            ("formula_line", &[formula_line]),
            ("methods", &methods),
            ("calculated", &[calculated]),
            ("arrow", &[arrow]),
            ("derived", &[derived]),
            ("counted", &counted),
            ("inputs", &[inputs]),
            ("no_inputs", &[no_inputs]),
            ("input_suppressed", &[input_suppressed]),
            ("item_sep", &[item_sep]),
            ("aggregations", &aggregations),
            ("frequencies", frequencies.as_flattened()),
            ("rule_aggregated", &rule_aggregated),
            ("rule_same", &[rule_same]),
            ("rule_latest", &[rule_latest]),
            ("children", &[children]),
            ("child", &[child]),
            ("child_sep", &[child_sep]),
            ("child_used", &[child_used]),
            ("treatments", &treatments),
            ("carried", &carried),
            ("reason_line", &[reason_line]),
            ("forecast", &forecast),
            ("tracks", &tracks),
            ("capped", &[capped]),
            ("floored", &[floored]),
            ("lower_is_better", &lower_is_better),
            ("target_equals_baseline", &target_equals_baseline),
            ("right_side_of_zero", &[right_side_of_zero]),
            ("band", &[band]),
            ("distance_outside", &[distance_outside]),
            ("rule", &[rule]),
            ("otherwise", &[otherwise]),
            ("expected_on", &[expected_on]),
            ("day_counts", &day_counts),
            ("then", &[then]),
            ("zero_in_geometric_mean", &[zero_in_geometric_mean]),
            ("no_score", &[no_score]),
            ("no_data", &[no_data]),
            ("no_scores", &no_scores),
            ("no_data_reasons", &no_data_reasons),
            ("reasons", &reasons),
            ("no_target", &no_target),
            ("policies", &policies),
            ("below_min_coverage", &[below_min_coverage]),
            ("derived_reasons", &derived_reasons),
        ],
    ));
    out
}

/// Every word (run of letters, lower-cased) a table can write.
fn vocabulary(w: &Words) -> BTreeSet<String> {
    texts(w).iter().flat_map(|(_, t)| words(t)).collect()
}

fn words(text: &str) -> Vec<String> {
    text.split(|c: char| !c.is_alphabetic()).filter(|w| !w.is_empty()).map(|w| w.to_lowercase()).collect()
}

/// Words of `a`'s table that `b`'s never writes.
fn only_in(a: &Words, b: &Words) -> BTreeSet<String> {
    vocabulary(a).difference(&vocabulary(b)).cloned().collect()
}

#[test]
fn the_vocabularies_differ() {
    // the check below means something: each language has its own words
    let en = only_in(&EN, &FR);
    let fr = only_in(&FR, &EN);
    for w in ["target", "because", "children", "forecast", "periods", "records"] {
        assert!(en.contains(w), "{w}");
    }
    for w in ["cible", "car", "composantes", "prévision", "périodes", "engagements"] {
        assert!(fr.contains(w), "{w}");
    }
}

#[test]
fn every_code_renders_in_both_languages() {
    let reasons = every_reason();
    let formulas = every_formula();
    for locale in LOCALES {
        let other = if locale == Locale::En { Locale::Fr } else { Locale::En };
        let foreign = only_in(other.words(), locale.words());
        let mut texts = BTreeSet::new();
        for r in &reasons {
            let text = reason_in(r, locale);
            check(&text, &foreign, &format!("{r:?} in {locale:?}"));
            texts.insert(text);
        }
        // every reason says something of its own
        assert_eq!(texts.len(), reasons.len(), "{locale:?}");
        for f in &formulas {
            check(&formula_in(f, locale), &foreign, &format!("{f:?} in {locale:?}"));
        }
    }
    // the JSON of every code reads back the same (the operations' serialiser is written by hand)
    for f in &formulas {
        let json = serde_json::to_string(f).unwrap();
        assert_eq!(&serde_json::from_str::<Formula>(&json).unwrap(), f, "{json}");
    }
    for r in &reasons {
        let json = serde_json::to_string(r).unwrap();
        assert_eq!(&serde_json::from_str::<Reason>(&json).unwrap(), r, "{json}");
    }
    for b in every_basis() {
        let json = serde_json::to_string(&b).unwrap();
        assert_eq!(serde_json::from_str::<MetricBasis>(&json).unwrap(), b, "{json}");
    }
    // the status reasons, every one (serialised by hand too)
    let statuses = [
        StatusReason::Suppressed,
        StatusReason::NoData,
        StatusReason::StatusRule { status: Status::Red },
        StatusReason::Green { score: 100.0, green: 100.0 },
        StatusReason::Amber { score: 44.4, amber: 33.3, green: 100.0 },
        StatusReason::Red { score: 10.0, amber: 33.3 },
        StatusReason::Given { status: Status::Suppressed },
    ];
    for s in &statuses {
        match s {
            StatusReason::Suppressed
            | StatusReason::NoData
            | StatusReason::StatusRule { .. }
            | StatusReason::Green { .. }
            | StatusReason::Amber { .. }
            | StatusReason::Red { .. }
            | StatusReason::Given { .. } => {}
        }
        let json = serde_json::to_string(s).unwrap();
        assert_eq!(&serde_json::from_str::<StatusReason>(&json).unwrap(), s, "{json}");
    }
    // the shapes, written out: the tag first, then the fields in declaration order
    assert_eq!(
        serde_json::to_string(&statuses[4]).unwrap(),
        r#"{"rule":"amber","score":44.4,"amber":33.3,"green":100.0}"#
    );
    assert_eq!(
        serde_json::to_string(&Reason::BelowMinCoverage { coverage: 0.5, min: 0.75 }).unwrap(),
        r#"{"code":"below_min_coverage","coverage":0.5,"min":0.75}"#
    );
    assert_eq!(serde_json::to_string(&Reason::ResultOverflows).unwrap(), r#"{"code":"result_overflows"}"#);
    assert_eq!(
        serde_json::to_string(&MetricBasis::Counted { count: 12 }).unwrap(),
        r#"{"code":"counted","count":12}"#
    );
    assert_eq!(
        serde_json::to_string(&Formula::Input { indicator: "ind_a".into(), value: None }).unwrap(),
        r#"{"kind":"input","indicator":"ind_a","value":null}"#
    );
    let rule = Formula::op(Op::Rule { number: 2, status: Status::Amber }, vec![]);
    assert_eq!(
        serde_json::to_string(&rule).unwrap(),
        r#"{"kind":"op","op":{"name":"rule","number":2,"status":"amber"},"operands":[]}"#
    );
    // English and French differ for every reason and every worded operation
    for r in &reasons {
        assert_ne!(reason_in(r, Locale::En), reason_in(r, Locale::Fr), "{r:?}");
    }
}

/// Not empty, every template argument filled, no word of the other language.
fn check(text: &str, foreign: &BTreeSet<String>, what: &str) {
    assert!(!text.trim().is_empty(), "{what}");
    assert!(!text.contains("{0") && !text.contains("{1") && !text.contains("{2"), "{what}: {text}");
    for w in words(text) {
        assert!(!foreign.contains(&w), "{w:?} in {what}: {text}");
    }
}

/// The workspace's own words in one node's text: its id and name, its unit, its children's
/// ids and names, its inputs' ids and its formula as written (they are the user's, in any
/// language).
fn own_words(n: &pilotage::NodeResult) -> BTreeSet<String> {
    let ex = &n.explanation;
    let mut own: Vec<&str> = vec![&n.id, &n.name];
    own.extend(n.unit.as_deref());
    for c in &ex.children {
        own.push(&c.id);
        own.push(&c.name);
    }
    for i in &ex.inputs {
        own.extend(i.indicator.as_deref());
    }
    if let Some(pilotage::SourceUsed::Calculated { expression, .. }) = &ex.source {
        own.push(expression);
    }
    for r in &ex.reasons {
        match r {
            Reason::InputMissing { indicator } => own.push(indicator),
            Reason::DivisionByZero { expression } => own.push(expression),
            _ => {}
        }
    }
    own.iter().flat_map(|o| words(o)).collect()
}

/// The words of a node's text that are not the workspace's own.
fn template_words(n: &pilotage::NodeResult, text: &str) -> Vec<String> {
    let own = own_words(n);
    words(text).into_iter().filter(|w| !own.contains(w)).collect()
}

fn evaluations() -> Vec<Evaluation> {
    let mut out = Vec::new();
    let city = sample::city();
    // every quarter, month and year of the sample (7 years): no data, calculated indicators
    // whose input is missing, suppressed staff data, carried forward children, trajectories
    // at their end, derived values before and after the records...
    for (first, last) in [("2019-Q1", "2026-Q2"), ("2018-07", "2026-03"), ("2018", "2026")] {
        out.extend(evaluate_range(&city, p(first), p(last)).unwrap());
    }
    // generated workspaces: another seed with generated indicators, and a region of cities
    let spec = sample::SampleSpec {
        seed: 7,
        organisation: "Commune générée".into(),
        start_year: 2021,
        years: 3,
        indicators: 6,
        projects: 40,
        partners: 12,
        commitments: 30,
    };
    let generated = spec.generate().unwrap();
    out.extend(evaluate_range(&generated, p("2020-Q4"), p("2024-Q1")).unwrap());
    for ws in sample::region(2, 11) {
        out.extend(evaluate_range(&ws, p("2019"), p("2025")).unwrap());
    }
    // the workspace that has one derived indicator per metric
    let exercise = pilotage::Workspace::from_json(&sample::exercise_json()).unwrap();
    out.extend(evaluate_range(&exercise, p("2023-Q4"), p("2026-Q1")).unwrap());
    out
}

#[test]
fn no_word_of_the_other_language_over_the_sample_and_generated_workspaces() {
    let evaluations = evaluations();
    assert!(evaluations.len() > 100, "{}", evaluations.len());
    let mut nodes = 0;
    for locale in LOCALES {
        let other = if locale == Locale::En { Locale::Fr } else { Locale::En };
        let foreign = only_in(other.words(), locale.words());
        for n in evaluations.iter().flat_map(|e| &e.nodes) {
            let text = render_in(n, locale);
            for w in template_words(n, &text) {
                assert!(
                    !foreign.contains(&w),
                    "{w:?} in the {locale:?} explanation of {} at {}:\n{text}",
                    n.id,
                    n.period
                );
            }
            nodes += 1;
        }
    }
    assert!(nodes > 10_000, "{nodes}");
}

/// The workspaces and periods the reports and the main job's text are checked over: the
/// sample city at quarters with and without data, a month and a year; a generated
/// workspace; a city of a generated region; the workspace with one derived indicator per
/// metric (a partner of every kind, every reason of a derived value).
fn report_cases() -> Vec<(pilotage::Workspace, pilotage::Period)> {
    let city = sample::city();
    let mut cases: Vec<(pilotage::Workspace, pilotage::Period)> =
        ["2025-Q4", "2019-Q1", "2024-Q2", "2025-11", "2025"].iter().map(|q| (city.clone(), p(q))).collect();
    let spec = sample::SampleSpec { seed: 7, start_year: 2021, years: 3, ..sample::SampleSpec::city() };
    cases.push((spec.generate().unwrap(), p("2023-Q3")));
    cases.extend(sample::region(2, 11).into_iter().take(1).map(|ws| (ws, p("2024"))));
    let exercise = pilotage::Workspace::from_json(&sample::exercise_json()).unwrap();
    cases.push((exercise, p("2025-Q4")));
    cases
}

/// The words of a workspace's own strings (ids, names, titles, units, descriptions,
/// sources, comments, formulas): they are the user's, in any language.
fn workspace_words(ws: &pilotage::Workspace) -> BTreeSet<String> {
    fn walk(v: &serde_json::Value, key: &str, out: &mut BTreeSet<String>) {
        const OWN: [&str; 10] = [
            "id",
            "name",
            "title",
            "unit",
            "description",
            "source",
            "comment",
            "expression",
            "organisation",
            "currency",
        ];
        match v {
            serde_json::Value::Object(m) => m.iter().for_each(|(k, v)| walk(v, k, out)),
            serde_json::Value::Array(a) => a.iter().for_each(|v| walk(v, key, out)),
            serde_json::Value::String(s) if OWN.contains(&key) => out.extend(words(s)),
            _ => {}
        }
    }
    let mut out = BTreeSet::new();
    walk(&serde_json::from_str(&ws.to_json().unwrap()).unwrap(), "", &mut out);
    out
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
    // the entities the report writes (report::escape), `&amp;` last
    [("&lt;", "<"), ("&gt;", ">"), ("&quot;", "\""), ("&#39;", "'"), ("&amp;", "&")]
        .iter()
        .fold(text, |t, (entity, c)| t.replace(entity, c))
}

/// Words the output writes that are no table's and no workspace's: notation (`n` in
/// `n = 12`, `p90`, `max`, the main job's `--explain ID`) and money scales (`k€`, `€1.5M`).
const NOTATION: [&str; 7] = ["n", "p", "max", "explain", "id", "k", "m"];

/// Checks one output: no word of the other language's table, and every word its own
/// table's, the workspace's or notation (so that a word written in the code, outside the
/// tables, is seen too).
fn check_output(locale: Locale, text: &str, own: &BTreeSet<String>, what: &str) {
    let other = if locale == Locale::En { Locale::Fr } else { Locale::En };
    let (mine, theirs) = (vocabulary(locale.words()), vocabulary(other.words()));
    let others: BTreeSet<String> = words(text)
        .into_iter()
        .filter(|w| !own.contains(w) && !NOTATION.contains(&w.as_str()) && !mine.contains(w))
        .collect();
    // (a word of both tables is fine: "score", "stable")
    let foreign: Vec<&String> = others.iter().filter(|w| theirs.contains(*w)).collect();
    assert!(foreign.is_empty(), "words of the {other:?} table in the {locale:?} {what}: {foreign:?}");
    assert!(others.is_empty(), "words of no table in the {locale:?} {what}: {others:?}");
}

#[test]
fn no_word_of_the_other_language_in_the_reports_and_the_main_job() {
    use pilotage::analytics::headline::{HeadlineOptions, headline};
    use pilotage::analytics::partnership::LeverageDefinition;
    use pilotage::analytics::portfolio::CaseloadOptions;
    use pilotage::report::{ReportOptions, html_report};
    // every leverage definition and caseload rule is worded somewhere
    let options = |i: usize| {
        let leverage = LeverageDefinition::ALL[i % 3];
        let caseload = [(true, true), (false, true), (true, false), (false, false)][i % 4];
        let caseload =
            CaseloadOptions { rejected_until_closed: caseload.0, delivered_until_closed: caseload.1 };
        (leverage, caseload)
    };
    let mut pages = 0;
    for (i, (ws, period)) in report_cases().iter().enumerate() {
        let own = workspace_words(ws);
        // the main job cuts long names (`Piloter les projets ... (délais, budge…`)
        let cut: BTreeSet<String> = own
            .iter()
            .flat_map(|w| w.char_indices().map(|(i, _)| w[..i].to_string()))
            .chain(own.clone())
            .collect();
        let (leverage, caseload) = options(i);
        let ev = evaluate(ws, *period).unwrap();
        let h = headline(ws, *period, HeadlineOptions { leverage, caseload, ..HeadlineOptions::default() })
            .unwrap();
        for locale in LOCALES {
            let report = ReportOptions { leverage, caseload, ..ReportOptions::default() };
            let page = html_report(ws, *period, locale, &report).unwrap();
            check_output(
                locale,
                &text_of(&page),
                &own,
                &format!("report of {} at {period}", ws.organisation),
            );
            // the main job's whole text: the summary of the file, then the report
            let text = format!(
                "{}{}",
                pilotage_examples::summary(ws, "", locale),
                pilotage_examples::text_report(ws, &ev, &h, caseload, locale)
            );
            check_output(
                locale,
                &text,
                &cut,
                &format!("main job text of {} at {period}:\n{text}", ws.organisation),
            );
            pages += 1;
        }
    }
    assert!(pages >= 16, "{pages}");
}

/// Templates whose values legitimately differ between languages: the value is said in
/// words in one (no measurement present: "aucune"; one present: "la seule"), or the same
/// values are given twice, as numbers and as percentages, and each language picks its own.
const SAME_VALUES_IN_OTHER_WORDS: [&str; 3] =
    ["explain.rule_aggregated[0]", "explain.rule_aggregated[1]", "explain.below_min_coverage"];

#[test]
fn the_templates_take_the_same_values_in_every_language() {
    let marks = |t: &str| -> BTreeSet<String> {
        (0..10).map(|i| format!("{{{i}}}")).filter(|m| t.contains(m.as_str())).collect()
    };
    let reference = texts(Locale::En.words());
    for locale in Locale::ALL {
        let mine = texts(locale.words());
        // the same texts, at the same places
        let names = |t: &[(String, &str)]| t.iter().map(|(n, _)| n.clone()).collect::<Vec<_>>();
        assert_eq!(names(&mine), names(&reference), "{locale:?}");
        let mut checked = 0;
        for ((name, text), (_, en)) in mine.iter().zip(&reference) {
            // a format picks, among the parts it is given, the ones its language writes
            if name.contains("format.") || SAME_VALUES_IN_OTHER_WORDS.contains(&name.as_str()) {
                continue;
            }
            assert_eq!(marks(text), marks(en), "{locale:?} {name}: {text:?} against {en:?}");
            checked += usize::from(!marks(text).is_empty());
        }
        assert!(checked > 80, "{checked}");
    }
    // the exceptions are real: each still differs (remove it from the list when it no longer does)
    let (en, fr) = (texts(Locale::En.words()), texts(Locale::Fr.words()));
    for name in SAME_VALUES_IN_OTHER_WORDS {
        let find = |t: &[(String, &'static str)]| t.iter().find(|(n, _)| n == name).map(|(_, t)| *t).unwrap();
        assert_ne!(marks(find(&en)), marks(find(&fr)), "{name}");
    }
}

#[test]
fn french_numbers_everywhere_in_french() {
    // no number with a decimal point in French, in formulas included (the ids and names
    // are the workspace's: `o1.2` could be an id)
    for n in evaluations().iter().flat_map(|e| &e.nodes) {
        let text = render_in(n, Locale::Fr);
        let own = own_words(n);
        for token in text.split(|c: char| c.is_whitespace() || "(),;[]/*+=".contains(c)) {
            let b = token.as_bytes();
            let decimal_point = (1..b.len().saturating_sub(1))
                .any(|i| b[i] == b'.' && b[i - 1].is_ascii_digit() && b[i + 1].is_ascii_digit());
            assert!(
                !decimal_point || words(token).iter().any(|w| own.contains(w)) || n.id.contains(token),
                "a decimal point in French ({token:?}), {} at {}:\n{text}",
                n.id,
                n.period
            );
        }
    }
}

/// A monthly indicator on a trajectory from 0.03 (2019-12) to 0.06 (2025-12), and a
/// calculated indicator with a division and a decimal.
fn trajectory_ws() -> pilotage::Workspace {
    let t = json!({
        "id": "t", "name": "Taux", "frequency": "monthly", "aggregation": "last",
        "trajectory": { "from": { "period": "2019-12", "value": 0.03 }, "to": { "period": "2025-12", "value": 0.06 } },
        "scoring": { "method": "ratio_to_target" },
        "measurements": [{ "period": "2025-12", "value": 0.0453 }, { "period": "2026-03", "value": 0.06 }]
    });
    workspace(
        json!([{ "id": "o", "name": "O", "perspective": "persp", "indicators": [{ "indicator": "t" }] }]),
        json!([t]),
    )
}

// By hand: at 2025-12 the trajectory ends at 0.06, the target; 100 * 0.0453 / 0.06 = 75.5.
// At 2026-03 the target is still 0.06 (after its end): the origin says where the trajectory
// really starts and ends, not "from 0.06 (2025-12) to 0.06 (2025-12)".
#[test]
fn a_trajectory_at_its_end_says_where_it_starts() {
    let ws = trajectory_ws();
    let dec = evaluate(&ws, p("2025-12")).unwrap();
    let t = dec.node("t").unwrap();
    assert_eq!(t.score, Some(75.5));
    let en = render_in(t, Locale::En);
    assert!(
        en.contains(
            "; target 0.06 (end of the trajectory from 0.03 (2019-12) to 0.06 (2025-12)); baseline 0.03"
        ),
        "{en}"
    );
    assert!(en.contains("  ratio_to_target: 100 * 0.0453 / 0.06, capped at 100 = 75.5\n"), "{en}");
    let fr = render_in(t, Locale::Fr);
    assert!(
        fr.contains(" ; cible 0,06 (fin de la trajectoire de 0,03 (déc.\u{a0}2019) à 0,06 (déc.\u{a0}2025)) ; référence 0,03"),
        "{fr}"
    );
    // French numbers in the formula too (was `100 * 0.0453 / 0.06` next to `0,0453`)
    assert!(
        fr.contains("  calcul (rapport à la cible)\u{a0}: 100 * 0,0453 / 0,06, plafonné à 100 = 75,5\n"),
        "{fr}"
    );
    let march = evaluate(&ws, p("2026-03")).unwrap();
    assert!(
        render_in(march.node("t").unwrap(), Locale::En)
            .contains("(end of the trajectory from 0.03 (2019-12) to 0.06 (2025-12))")
    );
}

// The exercise workspace's derived indicators, 2025-Q4: the metric's human name (never
// `FundsSigned`) and the plural rules (1 file, 0 files; in French 0 and 1 singular).
#[test]
fn derived_sources_name_the_metric_with_plural_rules() {
    let ws = pilotage::Workspace::from_json(&sample::exercise_json()).unwrap();
    let ev = evaluate(&ws, p("2025-Q4")).unwrap();
    let texts: Vec<(String, String)> =
        ev.nodes.iter().map(|n| (render_in(n, Locale::En), render_in(n, Locale::Fr))).collect();
    for (en, fr) in &texts {
        for m in Metric::ALL {
            assert!(
                !en.contains(&format!("{m:?}"))
                    || Locale::En.words().metrics.contains(&format!("{m:?}").as_str()),
                "{en}"
            );
        }
        assert!(
            !en.contains(" 1 files") && !en.contains(" 1 projects") && !en.contains(" 1 partners"),
            "{en}"
        );
        assert!(
            !fr.contains(" 1 dossiers") && !fr.contains(" 0 dossiers") && !fr.contains(" 1 projets"),
            "{fr}"
        );
    }
    // by hand from the table: "3 partners counted", "1 partner counted", "0 partenaire compté"
    let w = Locale::En.words();
    let one = pilotage::locale::fill(
        w.explain.counted[usize::from((w.plural)(1))],
        &["1", w.records[0][usize::from((w.plural)(1))]],
    );
    assert_eq!(one, "1 partner counted");
    let f = Locale::Fr.words();
    let zero = pilotage::locale::fill(
        f.explain.counted[usize::from((f.plural)(0))],
        &["0", f.records[3][usize::from((f.plural)(0))]],
    );
    assert_eq!(zero, "0 dossier compté");
    // and a derived line of the sample, by hand: 28 partners with a commitment step in 2025-Q4
    let city = evaluate(&sample::city(), p("2025-Q4")).unwrap();
    let en = render_in(city.node("ind_partenaires_actifs").unwrap(), Locale::En);
    assert!(en.contains("  derived from the records: Active partners = 28 (28 partners counted)\n"), "{en}");
    let fr = render_in(city.node("ind_partenaires_actifs").unwrap(), Locale::Fr);
    assert!(
        fr.contains("  calculé sur les dossiers et partenariats\u{a0}: « Partenaires actifs » = 28 (28 partenaires comptés)\n"),
        "{fr}"
    );
}

// Two months of a monthly indicator with a 3-month forecast window: "over 2 periods", not
// "2 points"; one period: "over 1 period" / "sur 1 période".
#[test]
fn forecasts_count_periods() {
    let a = json!({
        "id": "a", "name": "a", "frequency": "monthly",
        "baseline": { "period": "2024-12", "value": 0.0 },
        "targets": [{ "period": "2025-12", "value": 100.0 }],
        "scoring": { "method": "linear_progress" },
        "measurements": [{ "period": "2025-01", "value": 10.0 }, { "period": "2025-02", "value": 20.0 }]
    });
    let ws = workspace(json!([common::objective("o", &[("a", 1.0)], json!({}))]), json!([a]));
    let feb = evaluate(&ws, p("2025-02")).unwrap();
    let n = feb.node("a").unwrap();
    // slope 10 a month from 20 in February: 120 in December, on track
    assert_eq!(n.forecast.unwrap().points, 2);
    assert!(
        render_in(n, Locale::En)
            .contains("  forecast for 2025-12: 120 against target 100 (on track, over 2 periods)\n")
    );
    assert!(render_in(n, Locale::Fr).contains(
        "  prévision pour déc.\u{a0}2025\u{a0}: 120 contre une cible de 100 (en bonne voie, sur 2 périodes)\n"
    ));
}

#[test]
fn the_leverage_and_capacity_words_come_from_the_tables() {
    use pilotage::analytics::partnership::LeverageDefinition;
    for (k, def) in LeverageDefinition::ALL.into_iter().enumerate() {
        assert_eq!(Locale::En.words().leverage_formulas[k], def.formula());
        assert_ne!(Locale::Fr.words().leverage_formulas[k], def.formula());
    }
}

#[test]
fn the_tables_share_only_words_of_both_languages() {
    // Words both tables write: the notation, the names of the package's API the widget's
    // messages cite, and the words French and English spell alike. An English word put in the
    // French table (or the converse) grows this set and fails.
    let shared: BTreeSet<String> = vocabulary(&EN).intersection(&vocabulary(&FR)).cloned().collect();
    let expected: BTreeSet<String> = [
        // notation: functions, `p90`, `--explain ID`, `1,8e308`
        "abs",
        "clamp",
        "e",
        "exp",
        "explain",
        "id",
        "ln",
        "max",
        "min",
        "p",
        // the API named by the widget's messages (`src`, `workspace`, `error.problems`, JSON)
        "error",
        "json",
        "problems",
        "src",
        "workspace",
        // the main job's option `--period`
        "period",
        // spelled alike (French `d’` and `s’` elisions, English's `d` of days and `'s`)
        "a",
        "active",
        "association",
        "cause",
        "d",
        "division",
        "file",
        "instruction",
        "minimum",
        "notification",
        "nov",
        "oct",
        "parent",
        "perspectives",
        "ratio",
        "report",
        "s",
        "score",
        "scores",
        "services",
        "stable",
        "union",
        "version",
    ]
    .iter()
    .map(|w| w.to_string())
    .collect();
    assert_eq!(shared, expected);
}
