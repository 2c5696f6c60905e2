//! A realistic French report view for the tests: the sample city with 4 perspectives,
//! 12 objectives, indicator cards, portfolio and partnership data.

use chrono::NaiveDate;
use rust_decimal::Decimal;

use super::model::*;
use crate::analytics::partnership::LeverageDefinition;
use crate::analytics::portfolio::{CaseloadOptions, LeadTimeOptions};
use crate::engine::scoring::Status;
use crate::model::partner::PartnerKind;
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
            .map(|(id, name, score, status, trend, coverage, objs)| OverviewRow {
                id: (*id).into(),
                name: (*name).into(),
                score: *score,
                status: *status,
                trend: *trend,
                coverage: *coverage,
                explanation: None,
                objectives: objs
                    .iter()
                    .map(|o| OverviewRow {
                        id: o.0.into(),
                        name: o.1.into(),
                        score: o.2,
                        status: o.3,
                        trend: o.4,
                        coverage: o.5,
                        explanation: None,
                        objectives: Vec::new(),
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
            explanation: None,
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
            explanation: None,
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
            explanation: None,
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
            explanation: None,
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
            explanation: None,
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
            explanation: None,
        },
    ];
    // Lead times: 2014, 120..240 step 10 (13 files, mean 180); 2025, 30..60 step 5
    // (7 files, mean 45): divided by 180 / 45 = 4.0.
    let before: Vec<f64> = (0..13).map(|k| 120.0 + 10.0 * f64::from(k)).collect();
    let after: Vec<f64> = (0..7).map(|k| 30.0 + 5.0 * f64::from(k)).collect();
    let portfolio = PortfolioView {
        caseload: series(&[
            Some(64.0),
            Some(70.0),
            Some(75.0),
            Some(79.0),
            Some(85.0),
            Some(90.0),
            Some(96.0),
            Some(100.0),
        ]),
        lead_time_before: LeadTimeSample { period: Some(Period::Year(2014)), days: before },
        lead_time_after: LeadTimeSample { period: Some(Period::Year(2025)), days: after },
        ageing: vec![
            AgeingBucket { min_days: 0, max_days: Some(90), count: 42 },
            AgeingBucket { min_days: 90, max_days: Some(180), count: 31 },
            AgeingBucket { min_days: 180, max_days: Some(365), count: 19 },
            AgeingBucket { min_days: 365, max_days: None, count: 8 },
        ],
        // 42 + 31 + 19 + 8 = 100 open files; means and medians as the samples above give them
        explanation: Some(PortfolioExplanation {
            as_of: NaiveDate::from_ymd_opt(2025, 12, 31).unwrap_or_default(),
            period: q(2025, 4),
            active_caseload: 100,
            caseload: CaseloadOptions::default(),
            lead_time: LeadTimeOptions::default(),
            earlier: LeadTimeFigures {
                period: Period::Year(2014),
                count: 13,
                mean_days: Some(180.0),
                median_days: Some(180.0),
            },
            later: LeadTimeFigures {
                period: Period::Year(2025),
                count: 7,
                mean_days: Some(45.0),
                median_days: Some(45.0),
            },
            mean_ratio: Some(4.0),
            median_ratio: Some(4.0),
        }),
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
            definition: LeverageDefinition::ExternalOverOwn,
            as_of: None,
        }),
        top_partners: vec![
            PartnerAmount {
                id: "region".into(),
                name: "Région Auvergne-Rhône-Alpes".into(),
                kind: Some(PartnerKind::Region),
                amount: Some(eur(4_200_000)),
            },
            PartnerAmount {
                id: "etat".into(),
                name: "État (DSIL)".into(),
                kind: Some(PartnerKind::State),
                amount: Some(eur(3_100_000)),
            },
            PartnerAmount {
                id: "feder".into(),
                name: "Union européenne (FEDER)".into(),
                kind: Some(PartnerKind::Eu),
                amount: Some(eur(2_650_000)),
            },
            PartnerAmount {
                id: "drome".into(),
                name: "Département de la Drôme".into(),
                kind: Some(PartnerKind::Department),
                amount: Some(eur(1_800_000)),
            },
            PartnerAmount {
                id: "bdt".into(),
                name: "Banque des Territoires".into(),
                kind: Some(PartnerKind::Bank),
                amount: Some(Decimal::new(125_000_050, 2)),
            },
        ],
        partner_count: Some(204),
        // totals of the five years: pledged 2.1 + 3 + 4.2 + 5.1 + 6.2 = 20.6 M€, signed
        // 1.4 + 2.45 + 3.3 + 4.35 + 5.3 = 16.8 M€, received 0.6 + 1.7 + 2.5 + 3.9 + 4.8 = 13.5 M€
        explanation: Some(PartnershipExplanation {
            as_of: NaiveDate::from_ymd_opt(2025, 12, 31).unwrap_or_default(),
            period: q(2025, 4),
            pledged: Some(eur(20_600_000)),
            signed: Some(eur(16_800_000)),
            received: Some(eur(13_500_000)),
            top_n: 5,
            // (4.2 + 3.1 + 2.65 + 1.8 + 1.2500005) / 16.8 = 13.0000005 / 16.8
            top_share: Some(13.000_000_5 / 16.8),
            leverage_undefined: None,
            overflow: false,
        }),
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
