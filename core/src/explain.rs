//! A few readable lines from an [`Explanation`](crate::engine::evaluation::Explanation), so that a
//! user who doubts a red sees why it is red: the headline (score and status), why that
//! status, the value against its target and where the target comes from, the formula with
//! its numbers, the inputs (and how they were aggregated), the children with their weights
//! and what the missing-data policy did, and the reasons for "no data".
//!
//! [`render`] writes English; [`render_in`] writes the same lines in a [`Locale`]. The French
//! text is built from the structured data (statuses, thresholds, target origins, the
//! time-aggregation method and frequencies, the metric and its records), with the report's
//! French labels and number formatting ([`Locale::short_number`]: `22,2222`, `1 234`,
//! `80 %`) and a no-break space before `:`. Three parts are English text inside the data:
//! formulas (their fixed words are translated, their numbers stay in the formula notation
//! with a decimal point, like the calculated indicators' expressions), the English
//! sentence of a derived metric (replaced by the metric's French name, the value and the
//! number of records counted), and error messages in the reasons (kept as they are,
//! introduced in French).

use std::fmt::Write;

use crate::engine::NodeKind;
use crate::engine::evaluation::{Evaluation, NodeResult, SourceUsed, TimeAggregationUsed};
use crate::error::Error;
use crate::model::indicator::{Metric, TimeAggregation};
use crate::model::period::{Frequency, Period};

use crate::engine::rollup::{NoDataReason, Treatment};
use crate::engine::scoring::{NoScore, ScoringMethod, Status, StatusThresholds};
use crate::locale::{Label, Locale};

/// A number as the English explanation prints it: [`crate::engine::scoring::fmt_num`]'s text, but in
/// scientific notation from 1e15 on ([`Locale::huge`]): 1e300 printed in full is 301 digits.
fn fmt_num(x: f64) -> String {
    Locale::En.short_number(x)
}
use crate::engine::target::TargetSource;

/// Render the explanation of one node of an evaluation ([`Error::NotFound`] for an unknown id).
pub fn explain(evaluation: &Evaluation, node_id: &str) -> Result<String, Error> {
    let node =
        evaluation.node(node_id).ok_or_else(|| Error::NotFound { what: "node", id: node_id.to_string() })?;
    Ok(render(node))
}

/// [`explain`] in a language: [`Locale::En`] gives exactly [`explain`]'s text.
pub fn explain_in(evaluation: &Evaluation, node_id: &str, locale: Locale) -> Result<String, Error> {
    let node =
        evaluation.node(node_id).ok_or_else(|| Error::NotFound { what: "node", id: node_id.to_string() })?;
    Ok(render_in(node, locale))
}

/// [`render`] in a language: [`Locale::En`] gives exactly [`render`]'s text, [`Locale::Fr`]
/// the same lines in French.
pub fn render_in(node: &NodeResult, locale: Locale) -> String {
    match locale {
        Locale::En => render(node),
        Locale::Fr => render_fr(node),
    }
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
                TargetSource::CarriedForward { period } => {
                    format!(
                        "explicit for {period}, carried forward from {period} (target policy carry_forward)"
                    )
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
    if let Some(vp) = ex.value_period {
        let _ = writeln!(
            out,
            "  the value of {vp}, carried to {} and scored against the target of {vp}",
            node.period
        );
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

/// The French texts below put U+00A0 NO-BREAK SPACE before a colon, as the report's cards do.
const COLON: &str = "\u{a0}:";

fn num(x: f64) -> String {
    Locale::Fr.short_number(x)
}

fn opt_fr(x: Option<f64>) -> String {
    x.map(num).unwrap_or_else(|| "-".to_string())
}

fn period_fr(p: Period) -> String {
    Locale::Fr.period(p)
}

fn kind_fr(kind: NodeKind) -> String {
    let label = match kind {
        NodeKind::Scorecard => Label::Report,
        NodeKind::Perspective => Label::Perspective,
        NodeKind::Objective => Label::Objective,
        NodeKind::Indicator => Label::Indicator,
    };
    Locale::Fr.label_lower(label)
}

/// [`crate::engine::evaluation`]'s status reason, in French, from the same data (with the roll-up
/// words for objectives, perspectives and the scorecard).
fn status_reason_fr(
    kind: NodeKind,
    status: Status,
    score: Option<f64>,
    th: &StatusThresholds,
    by_rule: bool,
) -> String {
    let fr = Locale::Fr;
    let word = |s: Status| fr.node_status(kind, s);
    match (status, score) {
        (Status::Suppressed, _) => {
            format!("{}{COLON} une mesure repose sur moins de personnes que l’effectif minimal", word(status))
        }
        (Status::NoData, _) => "aucune donnée pour la période (voir les motifs)".to_string(),
        (s, Some(_)) if by_rule => format!("{} selon la première règle de statut vérifiée", word(s)),
        (Status::Green, Some(x)) => format!(
            "{}{COLON} {} est supérieur ou égal au seuil « {} » {}",
            word(Status::Green),
            num(x),
            word(Status::Green),
            num(th.green)
        ),
        (Status::Amber, Some(x)) => format!(
            "{}{COLON} {} est supérieur ou égal au seuil « {} » {} et inférieur au seuil « {} » {}",
            word(Status::Amber),
            num(x),
            word(Status::Amber),
            num(th.amber),
            word(Status::Green),
            num(th.green)
        ),
        (Status::Red, Some(x)) => format!(
            "{}{COLON} {} est inférieur au seuil « {} » {}",
            word(Status::Red),
            num(x),
            word(Status::Amber),
            num(th.amber)
        ),
        (s, None) => word(s).to_string(),
    }
}

/// The French name of a scoring method or roll-up aggregation (`Explanation::method`).
fn method_fr(method: &str) -> &str {
    match method {
        "linear_progress" => "progression linéaire",
        "ratio_to_target" => "rapport à la cible",
        "goal_red_flag" => "objectif et seuil d’alerte",
        "band" => "bande",
        "min_max" => "min-max",
        "status_rules" => "règles de statut",
        "expected_progress" => "avancement attendu",
        "weighted_mean" => "moyenne pondérée",
        "weighted_geometric_mean" => "moyenne géométrique pondérée",
        "worst" => "la plus faible",
        other => other,
    }
}

/// The fixed English words of the scoring and roll-up formulas, in French (longest first
/// where one contains another); the formulas' numbers and operators stay as they are.
const FORMULA_WORDS: [(&str, &str); 25] = [
    (" (lower is better: target / actual)", " (plus bas est mieux\u{a0}: cible / réalisé)"),
    (" (lower is better: 2 - actual / target)", " (plus bas est mieux\u{a0}: 2 - réalisé / cible)"),
    (" (elapsed days)", " (jours écoulés)"),
    (" (inclusive days)", " (jours inclus)"),
    ("no data: ", "sans donnée\u{a0}: "),
    ("no score: ", "pas de score\u{a0}: "),
    ("no score", "pas de score"),
    ("a child scores 0, so the geometric mean", "une composante vaut 0, donc la moyenne géométrique"),
    ("target equals baseline (", "cible égale à la référence ("),
    (" is not at or beyond it", " ne l’atteint pas"),
    (" is at or beyond it", " l’atteint ou la dépasse"),
    ("):", ")\u{a0}:"),
    (", capped at ", ", plafonné à "),
    (", floored at 0", ", plancher à 0"),
    ("zero denominator: right-side-of-zero rule on ", "dénominateur nul\u{a0}: règle du côté de zéro pour "),
    (" vs ", " contre "),
    (" against band [", " face à la bande ["),
    ("] with tolerance ", "] avec une tolérance de "),
    ("distance outside", "écart hors bande"),
    ("no rule matches ", "aucune règle ne s’applique à "),
    (" -> otherwise ", " -> sinon "),
    ("rule ", "règle "),
    ("expected on ", "attendu au "),
    ("; 100", "\u{a0}; 100"),
    (": ", "\u{a0}: "),
];

/// A formula of [`crate::engine::scoring`] or [`crate::engine::rollup`] with its words in French.
fn formula_fr(formula: &str) -> String {
    let mut out = formula.to_string();
    for reason in [
        NoDataReason::NoChildren,
        NoDataReason::AllChildrenMissing,
        NoDataReason::ChildMissing,
        NoDataReason::BelowMinCoverage,
        NoDataReason::TooLarge,
    ] {
        out = out.replace(&reason.to_string(), no_data_reason_fr(reason));
    }
    for reason in NO_SCORES {
        out = out.replace(&reason.to_string(), no_score_fr(reason));
    }
    for status in [Status::Green, Status::Amber, Status::Red, Status::NoData, Status::Suppressed] {
        // status rules: "rule 1: 5 >= 3 -> green = 100", "... -> otherwise red = 0"
        out = out.replace(
            &[" ", status.as_str(), " = "].concat(),
            &[" ", Locale::Fr.status(status), " = "].concat(),
        );
    }
    for (en, fr) in FORMULA_WORDS {
        // "): " and ": " are translated once: the colon already preceded by a no-break space
        // is not touched again.
        if en == ": " {
            out = out.replace("\u{a0}: ", "\u{0}").replace(en, fr).replace('\u{0}', "\u{a0}: ");
        } else {
            out = out.replace(en, fr);
        }
    }
    out
}

const NO_SCORES: [NoScore; 8] = [
    NoScore::NoTarget,
    NoScore::NoBaseline,
    NoScore::ZeroTarget,
    NoScore::GoalEqualsRedFlag,
    NoScore::NotPositiveForLog,
    NoScore::RuleGivesNoScore,
    NoScore::NegativeForRatio,
    NoScore::NotFinite,
];

fn no_score_fr(reason: NoScore) -> &'static str {
    match reason {
        NoScore::NoTarget => "aucune cible n’est en vigueur pour la période",
        NoScore::NoBaseline => "la progression linéaire demande une référence et il n’y en a pas",
        NoScore::ZeroTarget => "la cible est nulle et la règle de la cible nulle ne donne pas de score",
        NoScore::GoalEqualsRedFlag => "l’objectif est égal au seuil d’alerte",
        NoScore::NotPositiveForLog => "un score logarithmique demande une valeur supérieure à zéro",
        NoScore::RuleGivesNoScore => "la règle de statut vérifiée ne donne pas de score",
        NoScore::NegativeForRatio => {
            "un ratio à la cible demande une cible et une valeur supérieures ou égales à zéro"
        }
        NoScore::NotFinite => {
            "un nombre n’est pas fini ou le score dépasse le plus grand nombre (environ 1,8e308)"
        }
    }
}

fn no_data_reason_fr(reason: NoDataReason) -> &'static str {
    match reason {
        NoDataReason::NoChildren => "il n’a aucune composante",
        NoDataReason::AllChildrenMissing => "aucune de ses composantes n’a de donnée pour la période",
        NoDataReason::ChildMissing => {
            "une composante n’a pas de donnée et la règle des données manquantes est « sans donnée »"
        }
        NoDataReason::BelowMinCoverage => {
            "la part du poids avec données est inférieure à la couverture minimale"
        }
        NoDataReason::TooLarge => {
            "les poids et les scores de ses composantes sont trop grands pour le calcul (au-delà d’environ 1,8e308)"
        }
    }
}

fn target_source_fr(source: &TargetSource) -> String {
    match source {
        TargetSource::Explicit { period } => format!("explicite pour {}", period_fr(*period)),
        TargetSource::ExplicitCoarser { period } => {
            format!("explicite pour {}, qui la contient", period_fr(*period))
        }
        TargetSource::ExplicitFiner { first, last, count } => {
            format!("{count} cibles explicites de {} à {} combinées", period_fr(*first), period_fr(*last))
        }
        TargetSource::CarriedForward { period } => format!(
            "explicite pour {p}, reportée depuis {p} (règle des cibles : report)",
            p = period_fr(*period)
        ),
        TargetSource::Trajectory { from, to } => format!(
            "trajectoire de {} ({}) à {} ({})",
            num(from.value),
            period_fr(from.period),
            num(to.value),
            period_fr(to.period)
        ),
    }
}

/// The measurement frequency as an adjective for "mesures" (feminine plural) or, singular,
/// for "période".
fn frequency_fr(frequency: Frequency, plural: bool) -> &'static str {
    match (frequency, plural) {
        (Frequency::Monthly, true) => "mensuelles",
        (Frequency::Monthly, false) => "mensuelle",
        (Frequency::Quarterly, true) => "trimestrielles",
        (Frequency::Quarterly, false) => "trimestrielle",
        (Frequency::Yearly, true) => "annuelles",
        (Frequency::Yearly, false) => "annuelle",
    }
}

fn time_aggregation_fr(method: TimeAggregation) -> &'static str {
    match method {
        TimeAggregation::Sum => "somme",
        TimeAggregation::Mean => Locale::Fr.label(Label::Mean),
        TimeAggregation::Last => "dernière valeur",
        TimeAggregation::Min => "minimum",
        TimeAggregation::Max => "maximum",
        TimeAggregation::RatioOfSums => "rapport des sommes",
    }
}

/// The time-aggregation rule in French, from the method and the two frequencies (as the
/// engine words it in English).
fn rule_fr(agg: &TimeAggregationUsed, period: Period) -> String {
    if agg.measured.months() < agg.reported.months() && agg.present.is_empty() {
        format!(
            "{}{COLON} aucune des {} mesures {} présente en {}",
            time_aggregation_fr(agg.method),
            agg.periods.len(),
            frequency_fr(agg.measured, true),
            period_fr(period)
        )
    } else if agg.measured.months() < agg.reported.months() {
        let n = agg.present.len();
        format!(
            "{} {} {} {} {} sur {} en {}",
            time_aggregation_fr(agg.method),
            if n == 1 { "de la" } else { "des" },
            if n == 1 { "seule mesure".to_string() } else { format!("{n} mesures") },
            frequency_fr(agg.measured, n != 1),
            if n == 1 { "présente" } else { "présentes" },
            agg.periods.len(),
            period_fr(period)
        )
    } else if agg.measured.months() == agg.reported.months() {
        format!("la mesure de {} elle-même", period_fr(period))
    } else {
        format!(
            "la dernière période {} achevée à la fin de {}{COLON} {}",
            frequency_fr(agg.measured, false),
            period_fr(period),
            agg.periods.first().map(|p| period_fr(*p)).unwrap_or_default()
        )
    }
}

/// What a derived metric's records are, in French, for `n` of them.
fn records_fr(metric: Metric, n: usize) -> String {
    let (one, many) = match metric {
        Metric::PartnerCount | Metric::NewPartners | Metric::ActivePartners => ("partenaire", "partenaires"),
        Metric::FundsPledged
        | Metric::FundsSigned
        | Metric::FundsReceived
        | Metric::CumulativeFundsSigned => ("engagement", "engagements"),
        Metric::Deliveries
        | Metric::OnTimeDeliveryRate
        | Metric::Leverage
        | Metric::CofinancingRate
        | Metric::InvestmentCapacity => ("projet", "projets"),
        _ => ("dossier", "dossiers"),
    };
    let counted = if n > 1 { "comptés" } else { "compté" };
    format!("{n} {} {counted}", if n > 1 { many } else { one })
}

/// One reason for "no data" in French: the engine's fixed phrases are translated (from the
/// node's data where they carry numbers or periods), other texts (error messages) are kept
/// and introduced in French.
/// `crate::model::money::OVERFLOW` in French.
const MONEY_OVERFLOW_FR: &str = "la somme dépasse le plus grand montant que la bibliothèque peut représenter (79228162514264337593543950335)";

fn reason_fr(reason: &str, node: &NodeResult) -> String {
    let ex = &node.explanation;
    for r in [
        NoDataReason::NoChildren,
        NoDataReason::AllChildrenMissing,
        NoDataReason::ChildMissing,
        NoDataReason::BelowMinCoverage,
        NoDataReason::TooLarge,
    ] {
        if reason == r.to_string() {
            return no_data_reason_fr(r).to_string();
        }
    }
    if let Some(r) = NO_SCORES.into_iter().find(|r| reason == r.to_string()) {
        return no_score_fr(r).to_string();
    }
    // "coverage 0.5 is below the minimum coverage 0.75": the numbers are the node's coverage
    // and its roll-up's minimum (read from the data, not parsed from the text)
    if let Some(rollup) = ex.rollup.as_ref().filter(|r| {
        reason.starts_with("coverage ")
            && reason.ends_with(&format!(" is below the minimum coverage {}", fmt_num(r.min_coverage)))
    }) {
        return format!(
            "la couverture de {} est inférieure à la couverture minimale de {}",
            Locale::Fr.short_percent(ex.coverage),
            Locale::Fr.short_percent(rollup.min_coverage)
        );
    }
    if let Some(agg) = ex.time_aggregation.as_ref().filter(|_| reason.starts_with("no measurement in ")) {
        let periods: Vec<String> = agg.periods.iter().map(|p| period_fr(*p)).collect();
        return format!("aucune mesure en {}", periods.join(", "));
    }
    // the formula's evaluation issues (`expression::EvalIssue`)
    if let Some(id) = reason
        .strip_suffix(" has no value for the period")
        .filter(|id| ex.inputs.iter().any(|i| i.indicator.as_deref() == Some(*id)))
    {
        return format!("{id} n’a pas de valeur pour la période");
    }
    if let (Some(part), Some(SourceUsed::Calculated { .. })) =
        (reason.strip_prefix("division by zero in "), &ex.source)
    {
        return format!("division par zéro dans {part}");
    }
    // "no target in force for 2025-Q1 (the latest target is for 2024; target policy "none")"
    if let Some(rest) = reason.strip_prefix("no target in force for ") {
        let (period, rest) = rest.split_once(" (").unwrap_or((rest, ""));
        let latest = rest.strip_prefix("the latest target is for ").and_then(|r| r.split_once(';'));
        let policy = if rest.contains("\"carry_forward\"") { "report" } else { "aucune" };
        if let Ok(period) = period.parse::<crate::model::period::Period>() {
            return match latest.and_then(|(l, _)| l.parse::<crate::model::period::Period>().ok()) {
                Some(l) => format!(
                    "aucune cible en vigueur pour {} (la dernière cible porte sur {} ; règle des cibles{COLON} {policy})",
                    period_fr(period),
                    period_fr(l)
                ),
                None => format!(
                    "aucune cible en vigueur pour {} (règle des cibles{COLON} {policy})",
                    period_fr(period)
                ),
            };
        }
    }
    match reason {
        "the result overflows" => return "le résultat dépasse les nombres représentables".to_string(),
        "the denominators sum to zero" => return "la somme des dénominateurs est nulle".to_string(),
        "the aggregate of the measurements is too large for the arithmetic (beyond about 1.8e308)" => {
            return "l’agrégat des mesures est trop grand pour le calcul (au-delà d’environ 1,8e308)"
                .to_string();
        }
        "the records are not available" => {
            return "les dossiers et partenariats ne sont pas disponibles".to_string();
        }
        "an input indicator is suppressed for the period" => {
            return "un indicateur utilisé dans la formule est masqué pour la période".to_string();
        }
        _ => {}
    }
    if let Some(SourceUsed::Derived { metric, detail, records }) = &ex.source
        && detail == reason
    {
        // a money sum that overflows (`crate::model::money::OVERFLOW`) says so in French too
        let overflow = if reason.contains(crate::model::money::OVERFLOW) {
            format!("{COLON} {}", MONEY_OVERFLOW_FR)
        } else {
            String::new()
        };
        return format!(
            "« {} » n’a pas de valeur pour {} ({}){overflow}",
            Locale::Fr.metric(*metric),
            period_fr(node.period),
            records_fr(*metric, records.len())
        );
    }
    format!("erreur de calcul{COLON} {reason}")
}

fn render_fr(node: &NodeResult) -> String {
    let fr = Locale::Fr;
    let ex = &node.explanation;
    let mut out = String::new();
    let _ = writeln!(
        out,
        "{} {} « {} » en {}{COLON} {} {}, {}, {} {}",
        kind_fr(node.kind),
        node.id,
        node.name,
        period_fr(node.period),
        fr.label(Label::Score),
        opt_fr(node.score),
        fr.node_status(node.kind, node.status),
        fr.label_lower(Label::Coverage),
        fr.short_percent(node.coverage)
    );
    let by_rule = matches!(ex.scoring, Some(ScoringMethod::StatusRules { .. }));
    let _ = writeln!(
        out,
        "  pourquoi{COLON} {}",
        status_reason_fr(node.kind, node.status, node.score, &ex.thresholds, by_rule)
    );
    if node.value.is_some() || node.target.is_some() {
        let unit = node.unit.as_deref().map(|u| format!("\u{a0}{u}")).unwrap_or_default();
        let mut line = format!("  {} {}{unit}", fr.label_lower(Label::Value), opt_fr(node.value));
        if let Some(t) = &ex.target {
            let _ = write!(
                line,
                " ; {} {} ({})",
                fr.label_lower(Label::Target),
                num(t.value),
                target_source_fr(&t.source)
            );
        }
        if let Some(b) = &ex.baseline {
            let _ = write!(line, " ; référence {} ({})", num(b.value), period_fr(b.period));
        }
        let _ = writeln!(out, "{line}");
    }
    if let Some(vp) = ex.value_period {
        let _ = writeln!(
            out,
            "  la valeur de {vp}, reportée sur {} et comparée à la cible de {vp}",
            period_fr(node.period),
            vp = period_fr(vp)
        );
    }
    if let Some(f) = &ex.formula {
        let _ = writeln!(out, "  calcul ({}){COLON} {}", method_fr(&ex.method), formula_fr(f));
    }
    match &ex.source {
        Some(SourceUsed::Calculated { expression, substituted }) => {
            let _ = writeln!(
                out,
                "  formule{COLON} {expression}{}",
                substituted.as_ref().map(|s| format!(" -> {s}")).unwrap_or_default()
            );
        }
        Some(SourceUsed::Derived { metric, records, .. }) => {
            let _ = writeln!(
                out,
                "  calculé sur les dossiers et partenariats{COLON} « {} » = {} ({})",
                fr.metric(*metric),
                opt_fr(node.value),
                records_fr(*metric, records.len())
            );
        }
        _ => {}
    }
    // The inputs and the children are written straight into the text (no list of strings
    // joined afterwards: less code in the WebAssembly package).
    if let Some(agg) = &ex.time_aggregation {
        out.push_str("  mesures");
        out.push_str(COLON);
        if ex.inputs.is_empty() {
            out.push_str(" aucune");
        }
        for (k, i) in ex.inputs.iter().enumerate() {
            out.push_str(if k == 0 { " " } else { ", " });
            out.push_str(&period_fr(i.period));
            match (i.suppressed, i.numerator, i.denominator) {
                (true, _, _) => out.push_str(" masquée"),
                (false, Some(n), Some(d)) => {
                    let _ = write!(out, " = {}/{}", num(n), num(d));
                }
                _ => {
                    let _ = write!(out, " = {}", opt_fr(i.value));
                }
            }
        }
        let _ = writeln!(out, " ({})", rule_fr(agg, node.period));
    }
    for (k, c) in ex.children.iter().enumerate() {
        out.push_str(if k == 0 { "  composantes\u{a0}: " } else { " ; " });
        let _ = write!(
            out,
            "{} poids {} -> {}{COLON} ",
            c.id,
            num(c.raw_weight),
            fr.short_percent(c.effective_weight)
        );
        match c.treatment {
            Treatment::Used => {
                // an objective's children are indicators; the other nodes' children roll up
                let kind =
                    if node.kind == NodeKind::Objective { NodeKind::Indicator } else { NodeKind::Objective };
                let _ = write!(out, "{} ({})", opt_fr(c.score), fr.node_status(kind, c.status));
            }
            Treatment::Excluded => out.push_str("sans donnée, exclue"),
            Treatment::CountedAsZero => out.push_str("sans donnée, comptée 0"),
            Treatment::CarriedForward { age } => {
                let _ = write!(
                    out,
                    "sans donnée, reprise de {} de {} ({age} période{} avant)",
                    opt_fr(c.carried_score),
                    c.carried_from.map(period_fr).unwrap_or_default(),
                    if age > 1 { "s" } else { "" }
                );
            }
            Treatment::MakesParentNoData => out.push_str("sans donnée, donc le parent n’en a pas"),
        }
        if k + 1 == ex.children.len() {
            out.push('\n');
        }
    }
    for r in &ex.reasons {
        let _ = writeln!(out, "  sans donnée car {}", reason_fr(r, node));
    }
    if let Some(f) = &node.forecast {
        let _ = writeln!(
            out,
            "  prévision pour {}{COLON} {} contre une cible de {} ({}, {} point{})",
            period_fr(f.target_period),
            opt_fr(f.projected),
            num(f.target),
            match f.on_track {
                Some(true) => "en bonne voie",
                Some(false) => "hors trajectoire",
                None => "indéterminée",
            },
            f.points,
            if f.points > 1 { "s" } else { "" }
        );
    }
    out
}
