//! A realistic French report view for the tests: the sample city with 4 perspectives,
//! 12 objectives, indicator cards, portfolio and partnership data.

use chrono::NaiveDate;
use rust_decimal::Decimal;

use super::model::*;
use crate::engine::scoring::Status;
use crate::model::period::Period;
use crate::model::scorecard::Sign;

fn q(year: i32, quarter: u8) -> Period {
    Period::Quarter { year, quarter }
}

fn eur(units: i64) -> Decimal {
    Decimal::new(units, 0)
}

/// Quarters from 2024-T1 to 2025-T4.
fn quarters() -> Vec<Period> {
    (2024..=2025).flat_map(|y| (1..=4).map(move |k| q(y, k))).collect()
}

fn series(values: &[Option<f64>]) -> Vec<SeriesPoint> {
    quarters().into_iter().zip(values).map(|(period, value)| SeriesPoint { period, value: *value }).collect()
}

struct Obj(&'static str, &'static str, Option<f64>, Status, Trend, f64);

type Persp = (&'static str, &'static str, Option<f64>, Status, Trend, f64, Vec<Obj>);

pub(crate) fn report_view() -> ReportView {
    let perspectives: [Persp; 4] = [
        (
            "citoyens",
            "Citoyens et territoire",
            Some(74.0),
            Status::Green,
            Trend::Improving,
            1.0,
            vec![
                Obj(
                    "attractivite",
                    "Renforcer l’attractivité du centre-ville",
                    Some(81.0),
                    Status::Green,
                    Trend::Improving,
                    1.0,
                ),
                Obj(
                    "investissement",
                    "Doubler la capacité d’investissement du territoire",
                    Some(88.0),
                    Status::Green,
                    Trend::Stable,
                    1.0,
                ),
                Obj(
                    "satisfaction",
                    "Améliorer la satisfaction des porteurs de projet",
                    Some(52.0),
                    Status::Amber,
                    Trend::Improving,
                    0.5,
                ),
            ],
        ),
        (
            "finances",
            "Finances et partenariats",
            Some(69.0),
            Status::Green,
            Trend::Improving,
            1.0,
            vec![
                Obj(
                    "cofinancements",
                    "Lever des cofinancements publics et privés",
                    Some(92.0),
                    Status::Green,
                    Trend::Improving,
                    1.0,
                ),
                Obj(
                    "reseau",
                    "Élargir le réseau INVESTINROMANS à de nouveaux partenaires",
                    Some(71.0),
                    Status::Green,
                    Trend::Stable,
                    1.0,
                ),
                Obj(
                    "budget",
                    "Maîtriser le budget de fonctionnement de l’équipe",
                    Some(44.0),
                    Status::Amber,
                    Trend::Worsening,
                    1.0,
                ),
            ],
        ),
        (
            "processus",
            "Processus internes",
            Some(58.0),
            Status::Amber,
            Trend::Improving,
            0.8,
            vec![
                Obj(
                    "delais",
                    "Diviser par quatre le délai d’instruction des dossiers",
                    Some(100.0),
                    Status::Green,
                    Trend::Improving,
                    1.0,
                ),
                Obj(
                    "mode-projet",
                    "Piloter tous les projets structurants en mode projet",
                    Some(47.0),
                    Status::Amber,
                    Trend::Stable,
                    1.0,
                ),
                Obj(
                    "transversalite",
                    "Décloisonner les services municipaux",
                    Some(21.0),
                    Status::Red,
                    Trend::Worsening,
                    0.6,
                ),
            ],
        ),
        (
            "personnes",
            "Personnes et qualité de vie au travail",
            Some(40.0),
            Status::Amber,
            Trend::Stable,
            0.67,
            vec![
                Obj(
                    "qvt",
                    "Améliorer la qualité de vie au travail des agents",
                    Some(28.0),
                    Status::Red,
                    Trend::Worsening,
                    1.0,
                ),
                Obj(
                    "formation",
                    "Former les agents à la culture projet (MOOC)",
                    Some(63.0),
                    Status::Amber,
                    Trend::Improving,
                    1.0,
                ),
                Obj(
                    "climat",
                    "Mesurer le climat social de l’équipe projet",
                    None,
                    Status::Suppressed,
                    Trend::Unknown,
                    0.0,
                ),
            ],
        ),
    ];
    let overview = OverviewView {
        title: "Tableau de bord prospectif de la DADI".into(),
        period: Some(q(2025, 4)),
        perspectives: perspectives
            .iter()
            .map(|(id, name, score, status, trend, coverage, objs)| PerspectiveRow {
                id: (*id).into(),
                name: (*name).into(),
                score: *score,
                status: *status,
                trend: *trend,
                coverage: *coverage,
                explanation: vec![
                    format!(
                        "Moyenne arithmétique pondérée de {} objectifs (poids relatifs égaux).",
                        objs.len()
                    ),
                    "Politique de données manquantes : exclure et répartir le poids sur les autres.".into(),
                ],
                objectives: objs
                    .iter()
                    .map(|o| ObjectiveRow {
                        id: o.0.into(),
                        name: o.1.into(),
                        score: o.2,
                        status: o.3,
                        trend: o.4,
                        coverage: o.5,
                        explanation: match o.2 {
                            Some(s) => vec![format!(
                                "Score {s:.0} sur 100 : moyenne des scores de ses indicateurs pour T4 2025."
                            )],
                            None => vec![
                                "Valeur masquée : moins de 5 répondants (seuil de confidentialité).".into(),
                            ],
                        },
                    })
                    .collect(),
            })
            .collect(),
    };
    let strategy_map = StrategyMapView {
        perspectives: perspectives
            .iter()
            .map(|p| MapPerspective { id: p.0.into(), name: p.1.into() })
            .collect(),
        objectives: perspectives
            .iter()
            .flat_map(|p| {
                p.6.iter().map(|o| MapObjective {
                    id: o.0.into(),
                    name: o.1.into(),
                    perspective: p.0.into(),
                    status: o.3,
                    score: o.2,
                })
            })
            .collect(),
        links: [
            ("formation", "mode-projet", Sign::Positive, 2, Some(0.71)),
            ("qvt", "transversalite", Sign::Positive, 1, Some(0.42)),
            ("mode-projet", "delais", Sign::Positive, 1, Some(0.83)),
            ("transversalite", "delais", Sign::Positive, 1, None),
            ("delais", "satisfaction", Sign::Positive, 1, Some(0.66)),
            ("delais", "cofinancements", Sign::Positive, 2, Some(0.58)),
            ("reseau", "cofinancements", Sign::Positive, 0, Some(0.9)),
            ("cofinancements", "investissement", Sign::Positive, 1, Some(0.88)),
            ("budget", "qvt", Sign::Negative, 2, None),
            ("investissement", "attractivite", Sign::Positive, 4, None),
        ]
        .into_iter()
        .map(|(from, to, sign, lag, agreement)| MapLink {
            from: from.into(),
            to: to.into(),
            sign,
            lag,
            agreement,
        })
        .collect(),
    };
    let cards = vec![
        IndicatorCardView {
            id: "delai-instruction".into(),
            name: "Délai moyen d’instruction des dossiers".into(),
            unit: "jours".into(),
            decimals: 0,
            series: series(&[
                Some(118.0),
                Some(104.0),
                Some(96.0),
                Some(81.0),
                Some(70.0),
                Some(61.0),
                Some(52.0),
                Some(45.0),
            ]),
            targets: series(&[
                Some(120.0),
                Some(108.0),
                Some(96.0),
                Some(84.0),
                Some(72.0),
                Some(60.0),
                Some(50.0),
                Some(45.0),
            ]),
            bands: vec![
                Band { low: None, high: Some(60.0), status: Status::Green },
                Band { low: Some(60.0), high: Some(90.0), status: Status::Amber },
                Band { low: Some(90.0), high: None, status: Status::Red },
            ],
            latest: Some(LatestView {
                period: q(2025, 4),
                value: Some(45.0),
                score: Some(100.0),
                status: Status::Green,
            }),
            explanation: vec![
                "Moyenne des délais des 36 dossiers décidés en T4 2025, de l’enregistrement à la décision."
                    .into(),
                "Méthode : progression linéaire de la référence 180 jours (2014) vers la cible 45 jours."
                    .into(),
                "(180 − 45) / (180 − 45) × 100 = 100 ; plafonné à 100.".into(),
            ],
        },
        IndicatorCardView {
            id: "file-active".into(),
            name: "File active (dossiers en cours)".into(),
            unit: "dossiers".into(),
            decimals: 0,
            series: series(&[
                Some(64.0),
                Some(70.0),
                Some(75.0),
                Some(79.0),
                Some(85.0),
                Some(90.0),
                Some(96.0),
                Some(100.0),
            ]),
            targets: series(&[
                Some(60.0),
                Some(65.0),
                Some(70.0),
                Some(75.0),
                Some(80.0),
                Some(85.0),
                Some(90.0),
                Some(95.0),
            ]),
            bands: vec![],
            latest: Some(LatestView {
                period: q(2025, 4),
                value: Some(100.0),
                score: Some(100.0),
                status: Status::Green,
            }),
            explanation: vec![
                "Dossiers enregistrés au plus tard le 31/12/2025 et ni clos ni abandonnés à cette date."
                    .into(),
            ],
        },
        IndicatorCardView {
            id: "absenteisme".into(),
            name: "Taux d’absentéisme de l’équipe".into(),
            unit: "%".into(),
            decimals: 1,
            series: series(&[
                Some(4.1),
                Some(4.4),
                None,
                Some(5.0),
                Some(5.6),
                Some(6.2),
                Some(6.0),
                Some(6.8),
            ]),
            targets: series(&[Some(4.0); 8]),
            bands: vec![
                Band { low: None, high: Some(4.5), status: Status::Green },
                Band { low: Some(4.5), high: Some(6.0), status: Status::Amber },
                Band { low: Some(6.0), high: None, status: Status::Red },
            ],
            latest: Some(LatestView {
                period: q(2025, 4),
                value: Some(6.8),
                score: Some(12.0),
                status: Status::Red,
            }),
            explanation: vec![
                "Jours d’absence / jours travaillés théoriques, sommés sur le trimestre puis divisés.".into(),
                "Objectif/seuil d’alerte : objectif 4 %, seuil 6 % ; 6,8 % est au-delà du seuil.".into(),
            ],
        },
        IndicatorCardView {
            id: "partenaires".into(),
            name: "Partenaires engagés dans INVESTINROMANS".into(),
            unit: "partenaires".into(),
            decimals: 0,
            series: series(&[
                Some(122.0),
                Some(138.0),
                Some(151.0),
                Some(163.0),
                Some(176.0),
                Some(188.0),
                Some(197.0),
                Some(204.0),
            ]),
            targets: series(&[
                Some(120.0),
                Some(130.0),
                Some(140.0),
                Some(150.0),
                Some(160.0),
                Some(175.0),
                Some(190.0),
                Some(200.0),
            ]),
            bands: vec![],
            latest: Some(LatestView {
                period: q(2025, 4),
                value: Some(204.0),
                score: Some(100.0),
                status: Status::Green,
            }),
            explanation: vec!["Partenaires ayant au moins un engagement signé au 31/12/2025.".into()],
        },
        IndicatorCardView {
            id: "climat-social".into(),
            name: "Score du baromètre social (équipe projet)".into(),
            unit: "/ 10".into(),
            decimals: 1,
            series: series(&[Some(6.1), Some(6.3), Some(6.0), Some(6.4), None, None, None, None]),
            targets: series(&[Some(7.0); 8]),
            bands: vec![],
            latest: Some(LatestView {
                period: q(2025, 4),
                value: None,
                score: None,
                status: Status::Suppressed,
            }),
            explanation: vec!["3 répondants en 2025, sous le seuil de 5 : la valeur est masquée.".into()],
        },
        IndicatorCardView {
            id: "formation-mooc".into(),
            name: "Agents formés au MOOC « culture projet »".into(),
            unit: "%".into(),
            decimals: 0,
            series: series(&[None, None, None, None, None, None, None, None]),
            targets: vec![],
            bands: vec![],
            latest: Some(LatestView { period: q(2025, 4), value: None, score: None, status: Status::NoData }),
            explanation: vec!["Aucune mesure transmise pour 2024 et 2025.".into()],
        },
    ];
    // Lead times: 2014, 120..240 step 10 (13 files, mean 180); 2025, 30..60 step 5
    // (7 files, mean 45): divided by 180 / 45 = 4.0.
    let before: Vec<f64> = (0..13).map(|k| 120.0 + 10.0 * f64::from(k)).collect();
    let after: Vec<f64> = (0..7).map(|k| 30.0 + 5.0 * f64::from(k)).collect();
    let portfolio = PortfolioView {
        caseload: series(&[Some(64.0), Some(70.0), Some(75.0), Some(79.0), Some(85.0), Some(90.0), Some(96.0), Some(100.0)]),
        lead_time_before: LeadTimeSample { label: "2014".into(), days: before },
        lead_time_after: LeadTimeSample { label: "2025".into(), days: after },
        ageing: vec![
            AgeingBucket { min_days: 0, max_days: Some(90), count: 42 },
            AgeingBucket { min_days: 90, max_days: Some(180), count: 31 },
            AgeingBucket { min_days: 180, max_days: Some(365), count: 19 },
            AgeingBucket { min_days: 365, max_days: None, count: 8 },
        ],
        explanation: vec![
            "File active : dossiers enregistrés et ni clos ni abandonnés à la fin de chaque trimestre.".into(),
            "Délai d’instruction : de l’enregistrement à la décision, pour les dossiers décidés dans l’année.".into(),
        ],
    };
    let partnership = PartnershipView {
        funds: (2021..=2025)
            .zip([
                (2_100_000, 1_400_000, 600_000),
                (3_000_000, 2_450_000, 1_700_000),
                (4_200_000, 3_300_000, 2_500_000),
                (5_100_000, 4_350_000, 3_900_000),
                (6_200_000, 5_300_000, 4_800_000),
            ])
            .map(|(y, (p, s, r))| FundsPoint {
                period: Period::Year(y),
                pledged: Some(eur(p)),
                signed: Some(eur(s)),
                received: Some(eur(r)),
            })
            .collect(),
        leverage: Some(LeverageView {
            value: Some(5.0),
            numerator: Some(eur(15_000_000)),
            denominator: Some(eur(3_000_000)),
            definition: "fonds extérieurs reçus / fonds propres de la ville engagés sur les mêmes opérations"
                .into(),
        }),
        top_partners: vec![
            PartnerAmount {
                id: "region".into(),
                name: "Région Auvergne-Rhône-Alpes".into(),
                kind: "Région".into(),
                amount: Some(eur(4_200_000)),
            },
            PartnerAmount {
                id: "etat".into(),
                name: "État (DSIL)".into(),
                kind: "État".into(),
                amount: Some(eur(3_100_000)),
            },
            PartnerAmount {
                id: "feder".into(),
                name: "Union européenne (FEDER)".into(),
                kind: "UE".into(),
                amount: Some(eur(2_650_000)),
            },
            PartnerAmount {
                id: "drome".into(),
                name: "Département de la Drôme".into(),
                kind: "Département".into(),
                amount: Some(eur(1_800_000)),
            },
            PartnerAmount {
                id: "bdt".into(),
                name: "Banque des Territoires".into(),
                kind: "Banque".into(),
                amount: Some(Decimal::new(125_000_050, 2)),
            },
        ],
        partner_count: Some(204),
        explanation: vec![
            "Montants des étapes datées dans chaque année (promis, signé, encaissé).".into(),
            "Principaux partenaires : montants signés cumulés.".into(),
        ],
    };
    ReportView {
        organisation: "Ville de Romans-sur-Isère".into(),
        generated_on: NaiveDate::from_ymd_opt(2026, 11, 25),
        overview,
        strategy_map,
        cards,
        portfolio: Some(portfolio),
        partnership: Some(partnership),
    }
}
