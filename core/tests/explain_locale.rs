//! The explanation in French and in English: exact texts for a small workspace worked out by
//! hand and English through `render_in` identical to `render` (the check that no English
//! word is left in French output is `explain_text.rs`'s).
#![allow(clippy::unwrap_used)]

mod common;

use common::{p, workspace};
use pilotage::explain::{explain_in, render, render_in};
use pilotage::locale::Locale;
use pilotage::{Error, evaluate, explain, sample};
use serde_json::json;

/// One objective "o" (perspective "persp") over a lead time measured monthly and averaged
/// over the quarter (February missing), weight 2, and a count of visits summed over the
/// quarter with no measurement at all, weight 1.
fn small() -> pilotage::Workspace {
    let lead = json!({
        "id": "lead", "name": "Instruction lead time", "unit": "days", "frequency": "monthly",
        "aggregation": "mean", "polarity": "lower_is_better",
        "baseline": { "period": "2024-12", "value": 120.0 },
        "targets": [{ "period": "2025", "value": 30.0 }],
        "scoring": { "method": "linear_progress" },
        "measurements": [{ "period": "2025-01", "value": 90.0 }, { "period": "2025-03", "value": 70.5 }]
    });
    let visits = json!({
        "id": "visits", "name": "Visits", "frequency": "monthly", "aggregation": "sum",
        "baseline": { "period": "2024-12", "value": 0.0 },
        "targets": [{ "period": "2025", "value": 12000.0 }],
        "scoring": { "method": "ratio_to_target" },
        "measurements": [{ "period": "2024-12", "value": 1500.0 }]
    });
    workspace(
        json!([{ "id": "o", "name": "Décider plus vite", "perspective": "persp",
                 "indicators": [{ "indicator": "lead", "weight": 2 }, { "indicator": "visits", "weight": 1 }] }]),
        json!([lead, visits]),
    )
}

/// `~` stands for U+00A0 NO-BREAK SPACE (before `:`, a unit, in a period) and `^` for
/// U+202F NARROW NO-BREAK SPACE (digit groups, before `%`), to keep the texts readable.
fn nb(text: &str) -> String {
    text.replace('~', "\u{a0}").replace('^', "\u{202f}")
}

// Worked out by hand, 2025-Q1 (January to March):
// lead: mean of 90 (January) and 70.5 (March) = 160.5 / 2 = 80.25 days, 2 of 3 months so
//   coverage 66.6667%; the 2025 target (30) contains the quarter; linear progress from the
//   baseline 120: 100 * (80.25 - 120) / (30 - 120) = 100 * 39.75 / 90 = 44.1667, amber
//   (33.3333 <= 44.1667 < 100, linear progress green only at the target); the objective
//   averages it with the thirds (33.3333 <= 44.1667 < 66.6667: amber); the forecast to 2025 rests on one quarter, so no line.
// visits: no measurement in Q1: no data; excluded from "o", whose score is lead's
//   (2 * 44.1667) / 2 and coverage 2 / (2 + 1) = 66.6667%.

#[test]
fn an_amber_indicator_in_both_languages() {
    let ev = evaluate(&small(), p("2025-Q1")).unwrap();
    let en = "indicator lead \"Instruction lead time\" at 2025-Q1: score 44.1667, amber, coverage 66.6667%\n  \
        why: amber: score 44.1667 is at or above the amber cut-off 33.3333 and below the green cut-off 100\n  \
        value 80.25 days; target 30 (explicit for 2025, which contains it); baseline 120 (2024-12)\n  \
        linear_progress: 100 * (80.25 - 120) / (30 - 120), capped at 100, floored at 0 = 44.1667\n  \
        inputs: 2025-01 = 90, 2025-03 = 70.5 (mean of the 2 monthly measurements present out of 3 in 2025-Q1)\n  \
        forecast for 2025: - against target 30 (undetermined, over 1 period)\n";
    assert_eq!(explain_in(&ev, "lead", Locale::En).unwrap(), en);
    assert_eq!(explain(&ev, "lead").unwrap(), en);
    let fr = nb(
        "indicateur lead « Instruction lead time » en T1~2025~: Score 44,1667, Vigilance, couverture 66,6667^%\n  \
        pourquoi~: Vigilance~: 44,1667 est supérieur ou égal au seuil « Vigilance » 33,3333 et inférieur au seuil « Atteint » 100\n  \
        valeur 80,25~days ; cible 30 (explicite pour 2025, qui la contient) ; référence 120 (déc.~2024)\n  \
        calcul (progression linéaire)~: 100 * (80,25 - 120) / (30 - 120), plafonné à 100, plancher à 0 = 44,1667\n  \
        mesures~: janv.~2025 = 90, mars~2025 = 70,5 (moyenne des 2 mesures mensuelles présentes sur 3 en T1~2025)\n  \
        prévision pour 2025~: - contre une cible de 30 (indéterminée, sur 1 période)\n",
    );
    assert_eq!(explain_in(&ev, "lead", Locale::Fr).unwrap(), fr);
}

#[test]
fn an_indicator_without_data_in_both_languages() {
    let ev = evaluate(&small(), p("2025-Q1")).unwrap();
    // The December 2024 measurement (1 500) makes 2024-Q4 the one point of the forecast.
    let en = "indicator visits \"Visits\" at 2025-Q1: score -, no_data, coverage 0%\n  \
        why: no data for the period (see the reasons)\n  \
        value -; target 12000 (explicit for 2025, which contains it); baseline 0 (2024-12)\n  \
        inputs: none (sum of the 0 monthly measurements present out of 3 in 2025-Q1)\n  \
        no data because no measurement in 2025-01, 2025-02, 2025-03\n  \
        forecast for 2025: - against target 12000 (undetermined, over 1 period)\n";
    assert_eq!(explain_in(&ev, "visits", Locale::En).unwrap(), en);
    let fr = nb("indicateur visits « Visits » en T1~2025~: Score -, Sans donnée, couverture 0^%\n  \
        pourquoi~: aucune donnée pour la période (voir les motifs)\n  \
        valeur - ; cible 12^000 (explicite pour 2025, qui la contient) ; référence 0 (déc.~2024)\n  \
        mesures~: aucune (somme~: aucune des 3 mesures mensuelles présente en T1~2025)\n  \
        sans donnée car aucune mesure en janv.~2025, févr.~2025, mars~2025\n  \
        prévision pour 2025~: - contre une cible de 12^000 (indéterminée, sur 1 période)\n");
    assert_eq!(explain_in(&ev, "visits", Locale::Fr).unwrap(), fr);
}

#[test]
fn an_objective_with_an_excluded_child_in_both_languages() {
    let ev = evaluate(&small(), p("2025-Q1")).unwrap();
    let en = "objective o \"Décider plus vite\" at 2025-Q1: score 44.1667, amber, coverage 66.6667%\n  \
        why: amber: score 44.1667 is at or above the amber cut-off 33.3333 and below the green cut-off 66.6667\n  \
        weighted_mean: (2 * 44.1667) / 2 = 44.1667\n  \
        children: lead w 2 -> 100%: 44.1667 (amber); visits w 1 -> 0%: no data, excluded\n";
    assert_eq!(explain_in(&ev, "o", Locale::En).unwrap(), en);
    let fr = nb(
        "objectif o « Décider plus vite » en T1~2025~: Score 44,1667, Vigilance, couverture 66,6667^%\n  \
        pourquoi~: Vigilance~: 44,1667 est supérieur ou égal au seuil « Vigilance » 33,3333 et inférieur au seuil « Favorable » 66,6667\n  \
        calcul (moyenne pondérée)~: (2 * 44,1667) / 2 = 44,1667\n  \
        composantes~: lead poids 2 -> 100^%~: 44,1667 (Vigilance) ; visits poids 1 -> 0^%~: sans donnée, exclue\n",
    );
    assert_eq!(explain_in(&ev, "o", Locale::Fr).unwrap(), fr);
    for locale in [Locale::Fr, Locale::En] {
        assert!(matches!(explain_in(&ev, "nope", locale), Err(Error::NotFound { what: "node", .. })));
    }
}

#[test]
fn english_through_render_in_is_render_for_every_node_of_the_sample() {
    let ev = evaluate(&sample::city(), p("2025-Q4")).unwrap();
    assert!(ev.nodes.len() > 40, "{}", ev.nodes.len());
    for n in &ev.nodes {
        assert_eq!(render_in(n, Locale::En), render(n), "{}", n.id);
    }
}

/// Two monthly indicators (score = value: linear progress from 0 to 100) under four
/// objectives that differ by their missing-data policy; in February only "a" has data.
fn policies() -> pilotage::Workspace {
    let a = common::simple("a", &[("2025-01", 40.0), ("2025-02", 50.0)]);
    let b = common::simple("b", &[("2025-01", 80.0)]);
    let both = [("a", 1.0), ("b", 1.0)];
    workspace(
        json!([
            common::objective(
                "carry",
                &both,
                json!({ "missing": { "carry_forward": { "max_periods": 2 } } })
            ),
            common::objective("zero", &both, json!({ "missing": "zero" })),
            common::objective("strict", &both, json!({ "missing": "no_data" })),
            common::objective("covered", &both, json!({ "min_coverage": 0.75 }))
        ]),
        json!([a, b]),
    )
}

// February, by hand: a = 50 (amber, score = value), b has no data.
// carry: b's January 80 carried 1 month: (50 + 80) / 2 = 65, amber.
// zero: b counts 0: (50 + 0) / 2 = 25, red; coverage 1 / 2 = 50%.
// strict: b makes the parent "no data".
// covered: b excluded leaves coverage 1 / 2 = 50%, below the minimum 75%: no data.
#[test]
fn missing_data_policies_in_french() {
    let ev = evaluate(&policies(), p("2025-02")).unwrap();
    let fr = |id: &str| explain_in(&ev, id, Locale::Fr).unwrap();
    let line = |id: &str, k: usize| fr(id).lines().nth(k).unwrap_or_default().to_string();
    assert_eq!(
        line("carry", 3),
        nb(
            "  composantes~: a poids 1 -> 50^%~: 50 (Vigilance) ; b poids 1 -> 50^%~: sans donnée, reprise de 80 de janv.~2025 (1 période avant)"
        )
    );
    assert_eq!(
        line("zero", 0),
        nb("objectif zero « zero » en févr.~2025~: Score 25, Défavorable, couverture 50^%")
    );
    assert_eq!(
        line("zero", 3),
        nb("  composantes~: a poids 1 -> 50^%~: 50 (Vigilance) ; b poids 1 -> 50^%~: sans donnée, comptée 0")
    );
    assert_eq!(
        fr("strict"),
        nb("objectif strict « strict » en févr.~2025~: Score -, Sans donnée, couverture 50^%\n  \
            pourquoi~: aucune donnée pour la période (voir les motifs)\n  \
            calcul (moyenne pondérée)~: sans donnée~: une composante n’a pas de donnée et la règle des données manquantes est « sans donnée »\n  \
            composantes~: a poids 1 -> 100^%~: 50 (Vigilance) ; b poids 1 -> 0^%~: sans donnée, donc le parent n’en a pas\n  \
            sans donnée car une composante n’a pas de donnée et la règle des données manquantes est « sans donnée »\n")
    );
    assert_eq!(
        line("covered", 2),
        nb(
            "  calcul (moyenne pondérée)~: sans donnée~: la part du poids avec données est inférieure à la couverture minimale"
        )
    );
    assert_eq!(
        line("covered", 4),
        nb("  sans donnée car la couverture de 50^% est inférieure à la couverture minimale de 75^%")
    );
    // the English reason it translates, for reference
    assert!(
        explain(&ev, "covered")
            .unwrap()
            .ends_with("no data because coverage 0.5 is below the minimum coverage 0.75\n")
    );
}

#[test]
fn formulas_and_derived_sources_of_the_sample_in_french() {
    let ev = evaluate(&sample::city(), p("2025-Q4")).unwrap();
    let fr = |id: &str| explain_in(&ev, id, Locale::Fr).unwrap();
    let en = |id: &str| explain(&ev, id).unwrap();
    // A status rule: 28 active partners >= 12 -> green, worth 100.
    assert!(en("ind_partenaires_actifs").contains("  status_rules: rule 1: 28 >= 12 -> green = 100\n"));
    assert!(
        fr("ind_partenaires_actifs")
            .contains(&nb("  calcul (règles de statut)~: règle 1~: 28 >= 12 -> Atteint = 100\n"))
    );
    assert!(
        fr("ind_partenaires_actifs")
            .contains(&nb("  pourquoi~: Atteint selon la première règle de statut vérifiée\n"))
    );
    // A band: 7.11 inside [6, 12], so 100; the metric's French name and its 129 projects.
    assert!(fr("ind_taux_cofinancement").contains(&nb(
        "  calcul (bande)~: 7,11 face à la bande [6~; 12] avec une tolérance de 4~: 100 * (1 - écart hors bande / 4) = 100\n"
    )));
    assert!(fr("ind_taux_cofinancement").contains(&nb(
        "  calculé sur les dossiers et partenariats~: « Taux de cofinancement » = 7,11 (129 projets comptés)\n"
    )));
    // The money of a derived indicator keeps its cents with a decimal comma and grouped digits.
    assert!(fr("ind_fonds_recus").contains(&nb("« Fonds encaissés » = 382^502,76 (31 engagements comptés)")));
    // A calculated indicator whose input has no score (no target): its formula line and its
    // reason in French.
    assert!(fr("ind_heures_formation").contains(&nb(
        "  calcul (rapport à la cible)~: pas de score~: aucune cible n’est en vigueur pour la période\n"
    )));
    // the reason names the period and the target policy (the indicator never had a target)
    assert!(
        fr("ind_heures_formation").contains(&nb(
            "sans donnée car aucune cible en vigueur pour T4~2025 (règle des cibles~: aucune)\n"
        ))
    );
}
