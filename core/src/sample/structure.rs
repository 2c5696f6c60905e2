//! The sample's scorecard: four perspectives, twelve objectives, the cause-effect links of
//! the strategy map, and the curated indicators with their targets, scoring and (for the
//! measured ones) their measurements.
//!
//! Every scoring method, polarity, time aggregation and frequency of the library appears at
//! least once, so that the sample exercises the whole engine. Targets that count files,
//! euros or partners scale with the size of the generated records.

use chrono::NaiveDate;

use super::records::{Frame, date, ymd};
use super::rng::Rng;
use crate::engine::scoring::{
    Comparison, Milestone, RuleBase, ScoringMethod, Status, StatusRule, ZeroTargetRule,
};
use crate::model::indicator::{
    Indicator, IndicatorSource, Measurement, Metric, PeriodValue, Polarity, TimeAggregation, Trajectory,
};
use crate::model::period::{Frequency, Period};
use crate::model::scorecard::{
    CauseEffect, IndicatorLink, MissingPolicy, Objective, Perspective, Rollup, Scorecard, Sign, Weight,
    WeightChange,
};

/// Ids of the objectives a project may serve (drawn uniformly, one or two per project).
pub(crate) const PROJECT_OBJECTIVES: [&str; 5] =
    ["c_attractivite", "c_projets", "c_services", "f_investissement", "p_transversalite"];

/// What the curated indicators need from the generated records.
pub(crate) struct Inputs {
    /// Number of projects divided by the sample city's 150 (targets on files and euros scale with it).
    pub project_scale: f64,
    /// Number of partners divided by the sample city's 215.
    pub partner_scale: f64,
    /// Investment capacity (own + external signed funds of the projects started) in the first year, in euros.
    pub first_year_capacity: f64,
    /// Budget variance (%) of the projects delivered in each quarter: (quarter, mean, count).
    pub budget_variance: Vec<(Period, f64)>,
}

fn lp() -> ScoringMethod {
    ScoringMethod::LinearProgress { cap: Some(100.0), floor_at_zero: true }
}

fn ratio() -> ScoringMethod {
    ScoringMethod::RatioToTarget {
        cap: Some(100.0),
        zero_target: ZeroTargetRule::RightSideOfZero,
        lower_is_better: Default::default(),
    }
}

fn pv(period: Period, value: f64) -> PeriodValue {
    PeriodValue { period, value }
}

fn round_to(x: f64, decimals: i32) -> f64 {
    let f = match decimals {
        0 => 1.0,
        1 => 10.0,
        2 => 100.0,
        3 => 1000.0,
        _ => 10_000.0,
    };
    (x * f).round() / f
}

/// Monthly seasonality of attendance-like series (summer dip), January first.
const SEASON: [f64; 12] = [1.04, 1.02, 1.05, 1.0, 0.98, 0.95, 0.82, 0.78, 1.04, 1.08, 1.12, 1.1];

/// Working days per month (a typical year), January first.
const WORKING_DAYS: [f64; 12] = [21.0, 20.0, 22.0, 20.0, 19.0, 21.0, 22.0, 21.0, 22.0, 21.0, 20.0, 21.0];

/// Calendar helpers over the frame.
pub(crate) struct Periods {
    pub start_year: i32,
    pub end_year: i32,
}

impl Periods {
    pub(crate) fn new(frame: &Frame) -> Periods {
        Periods { start_year: frame.start_year, end_year: frame.end_year }
    }

    /// The first and last periods of a frequency.
    fn bounds(&self, f: Frequency) -> (Period, Period) {
        match f {
            Frequency::Monthly => (
                Period::Month { year: self.start_year, month: 1 },
                Period::Month { year: self.end_year, month: 12 },
            ),
            Frequency::Quarterly => (
                Period::Quarter { year: self.start_year, quarter: 1 },
                Period::Quarter { year: self.end_year, quarter: 4 },
            ),
            Frequency::Yearly => (Period::Year(self.start_year), Period::Year(self.end_year)),
        }
    }

    /// Every period of a frequency, with its position `t` in time (0 first, 1 last).
    pub(crate) fn each(&self, f: Frequency) -> Vec<(Period, f64)> {
        let (first, last) = self.bounds(f);
        let all: Vec<Period> = first.through(last).collect();
        let n = all.len().saturating_sub(1).max(1) as f64;
        all.into_iter().enumerate().map(|(i, p)| (p, i as f64 / n)).collect()
    }

    /// A path from `a` at the first period to `b` at the last one, or an explicit target at
    /// the last period when the frame has a single period of that frequency.
    fn path(&self, ind: &mut Indicator, f: Frequency, a: f64, b: f64) {
        let (first, last) = self.bounds(f);
        if first < last {
            ind.trajectory = Some(Trajectory { from: pv(first, a), to: pv(last, b), milestones: Vec::new() });
        } else {
            ind.targets = vec![pv(last, b)];
        }
    }

    fn baseline(&self, ind: &mut Indicator, f: Frequency, value: f64) {
        ind.baseline = Some(pv(self.bounds(f).0, value));
    }

    fn first_day(&self) -> NaiveDate {
        date(ymd(self.start_year, 1, 1))
    }

    fn last_day(&self) -> NaiveDate {
        date(ymd(self.end_year, 12, 31))
    }
}

fn indicator(
    id: &str,
    name: &str,
    unit: &str,
    polarity: Polarity,
    frequency: Frequency,
    aggregation: TimeAggregation,
    scoring: ScoringMethod,
) -> Indicator {
    Indicator {
        id: id.to_string(),
        name: name.to_string(),
        description: None,
        unit: unit.to_string(),
        polarity,
        frequency,
        aggregation,
        source: IndicatorSource::Measured,
        baseline: None,
        targets: Vec::new(),
        trajectory: None,
        target_policy: Default::default(),
        scoring,
        thresholds: None,
        min_group_size: None,
        service: None,
        measurements: Vec::new(),
    }
}

fn derived(mut ind: Indicator, metric: Metric, description: &str) -> Indicator {
    ind.source = IndicatorSource::Derived { metric };
    ind.description = Some(description.to_string());
    ind.service = Some("dadi".to_string());
    ind
}

fn described(mut ind: Indicator, service: &str, description: &str) -> Indicator {
    ind.description = Some(description.to_string());
    ind.service = Some(service.to_string());
    ind
}

fn value(period: Period, v: f64, source: &str) -> Measurement {
    let mut m = Measurement::new(period, v);
    m.source = Some(source.to_string());
    m
}

/// The curated indicators, in scorecard order, with the measurements of the measured ones
/// (`rng` draws the noise; nothing is drawn for derived and calculated indicators).
pub(crate) fn indicators(p: &Periods, inputs: &Inputs, rng: &mut Rng) -> Vec<Indicator> {
    use Frequency::{Monthly, Quarterly, Yearly};
    use Polarity::{HigherIsBetter as Up, InsideBand as Band, LowerIsBetter as Down};
    use TimeAggregation::{Last, Max, Mean, Min, RatioOfSums, Sum};
    let sp = inputs.project_scale;
    let sq = inputs.partner_scale;
    let mut out = Vec::new();

    // --- Citizens and territory -------------------------------------------------------
    let mut i = described(
        indicator(
            "ind_entreprises_implantees",
            "Entreprises nouvellement implantées",
            "entreprises",
            Up,
            Quarterly,
            Sum,
            lp(),
        ),
        "commerce",
        "Établissements créés ou installés sur la commune dans le trimestre (registre du commerce, accompagnement INVESTINROMANS).",
    );
    p.baseline(&mut i, Quarterly, 5.0);
    p.path(&mut i, Quarterly, 5.0, 10.0);
    i.measurements = p
        .each(Quarterly)
        .into_iter()
        .map(|(q, t)| value(q, (5.0 + 5.5 * t + rng.noise(1.0)).round().max(0.0), "CCI de la Drôme"))
        .collect();
    out.push(i);

    let mut i = described(
        indicator(
            "ind_visites_portail",
            "Visites mensuelles du portail INVESTINROMANS",
            "visites",
            Up,
            Monthly,
            Mean,
            ScoringMethod::MinMax { min: 500.0, max: 20_000.0, log: true },
        ),
        "dadi",
        "Visites du portail des investisseurs; goalposts sur une échelle logarithmique (500 à 20 000 visites).",
    );
    i.measurements = p
        .each(Monthly)
        .into_iter()
        .map(|(m, t)| {
            let season = SEASON.get(month_index(m)).copied().unwrap_or(1.0);
            let v = 900.0 * (1.0 + 12.0 * t * t) * season * (1.0 + rng.noise(0.06));
            value(m, v.round().max(1.0), "Statistiques du site")
        })
        .collect();
    out.push(i);

    let mut i = described(
        indicator(
            "ind_vacance_commerciale",
            "Taux de vacance commerciale du centre-ville",
            "%",
            Down,
            Yearly,
            Last,
            lp(),
        ),
        "commerce",
        "Part des cellules commerciales vides du centre ancien au 31 décembre.",
    );
    p.baseline(&mut i, Yearly, 18.0);
    let years = p.each(Yearly);
    let n_years = years.len();
    i.targets = years
        .iter()
        .enumerate()
        .map(|(k, (y, _))| pv(*y, round_to(18.0 - 7.0 * k as f64 / (n_years.max(2) - 1) as f64, 1)))
        .collect();
    i.measurements = years
        .iter()
        .map(|(y, t)| {
            let covid = if *y == Period::Year(2020) { 1.0 } else { 0.0 };
            value(*y, round_to(18.2 - 6.6 * t + covid + rng.noise(0.3), 1), "Observatoire du commerce")
        })
        .collect();
    out.push(i);

    let mut i = derived(
        indicator("ind_livraisons", "Projets livrés", "projets", Up, Quarterly, Sum, ratio()),
        Metric::Deliveries,
        "Projets du portefeuille livrés dans la période (calculé depuis les historiques des dossiers).",
    );
    p.path(&mut i, Quarterly, round_to(1.0 * sp, 1), round_to(4.0 * sp, 1));
    out.push(i);

    let mut i = derived(
        indicator(
            "ind_portefeuille",
            "Valeur du portefeuille de projets actifs",
            "EUR",
            Up,
            Quarterly,
            Last,
            ratio(),
        ),
        Metric::PortfolioValue,
        "Somme des coûts prévisionnels des dossiers de la file active en fin de période.",
    );
    p.path(&mut i, Quarterly, (60_000_000.0 * sp).round(), (200_000_000.0 * sp).round());
    out.push(i);

    let mut i = described(
        indicator(
            "ind_satisfaction_usagers",
            "Usagers satisfaits du service public municipal",
            "%",
            Up,
            Yearly,
            Last,
            ScoringMethod::GoalRedFlag { goal: Some(80.0), red_flag: 60.0 },
        ),
        "dadi",
        "Baromètre annuel auprès de 1 000 habitants : part de « satisfaits » et « très satisfaits ».",
    );
    i.measurements = p
        .each(Yearly)
        .into_iter()
        .map(|(y, t)| value(y, round_to(66.0 + 13.0 * t + rng.noise(1.2), 1), "Baromètre habitants"))
        .collect();
    out.push(i);

    let mut i = described(
        indicator(
            "ind_delai_courriers",
            "Délai moyen de réponse aux courriers des usagers",
            "jours",
            Down,
            Monthly,
            Mean,
            ScoringMethod::GoalRedFlag { goal: Some(10.0), red_flag: 25.0 },
        ),
        "numerique",
        "Jours entre la réception d'un courrier ou courriel et la réponse (gestion de la relation usagers).",
    );
    i.measurements = p
        .each(Monthly)
        .into_iter()
        .map(|(m, t)| value(m, round_to((24.0 - 13.0 * t + rng.noise(1.5)).max(3.0), 1), "GRU"))
        .collect();
    out.push(i);

    // --- Finance and partnerships ------------------------------------------------------
    let mut i = derived(
        indicator("ind_fonds_signes", "Cofinancements signés", "EUR", Up, Quarterly, Sum, ratio()),
        Metric::FundsSigned,
        "Montants des conventions de cofinancement signées dans la période (toutes formes).",
    );
    p.path(&mut i, Quarterly, (250_000.0 * sp).round(), (750_000.0 * sp).round());
    out.push(i);

    let mut i = derived(
        indicator("ind_fonds_recus", "Cofinancements encaissés", "EUR", Up, Quarterly, Sum, ratio()),
        Metric::FundsReceived,
        "Montants effectivement encaissés (ou apports en nature réalisés) dans la période.",
    );
    p.path(&mut i, Quarterly, (150_000.0 * sp).round(), (700_000.0 * sp).round());
    out.push(i);

    let i = derived(
        indicator(
            "ind_levier",
            "Effet de levier (fonds externes / fonds propres)",
            "ratio",
            Up,
            Quarterly,
            Last,
            ScoringMethod::GoalRedFlag { goal: Some(5.0), red_flag: 3.0 },
        ),
        Metric::Leverage,
        "Euros de cofinancement signés par euro de fonds propres, projets décidés à la fin de la période (définition : externe / fonds propres).",
    );
    out.push(i);

    let mut i = derived(
        indicator(
            "ind_partenaires",
            "Partenaires du réseau INVESTINROMANS",
            "partenaires",
            Up,
            Quarterly,
            Last,
            ScoringMethod::ExpectedProgress {
                start: p.first_day(),
                end: p.last_day(),
                start_value: (30.0 * sq).round(),
                end_value: (200.0 * sq).round(),
                milestones: Vec::new(),
                cap: Some(100.0),
                day_count: Default::default(),
            },
        ),
        Metric::PartnerCount,
        "Partenaires publics et privés ayant rejoint le réseau à la fin de la période ; progression attendue linéaire jusqu'à 200.",
    );
    i.unit = "partenaires".to_string();
    out.push(i);

    let mut i = derived(
        indicator(
            "ind_nouveaux_partenaires",
            "Nouveaux partenaires",
            "partenaires",
            Up,
            Quarterly,
            Sum,
            ratio(),
        ),
        Metric::NewPartners,
        "Partenaires ayant rejoint le réseau dans la période.",
    );
    p.path(&mut i, Quarterly, round_to(5.0 * sq, 1), round_to(8.0 * sq, 1));
    out.push(i);

    let active_green = (12.0 * sq).round().max(1.0);
    let active_amber = (6.0 * sq).round().max(1.0);
    let i = derived(
        indicator(
            "ind_partenaires_actifs",
            "Partenaires actifs dans le trimestre",
            "partenaires",
            Up,
            Quarterly,
            Max,
            ScoringMethod::StatusRules {
                rules: vec![
                    StatusRule {
                        when: Comparison::AtLeast,
                        threshold: active_green,
                        relative_to: RuleBase::Absolute,
                        status: Status::Green,
                        score: None,
                    },
                    StatusRule {
                        when: Comparison::AtLeast,
                        threshold: active_amber,
                        relative_to: RuleBase::Absolute,
                        status: Status::Amber,
                        score: None,
                    },
                ],
                otherwise: Status::Red,
                otherwise_score: None,
            },
        ),
        Metric::ActivePartners,
        "Partenaires ayant au moins une étape d'engagement (promesse, signature, versement) dans le trimestre ; sur l'année, le meilleur trimestre.",
    );
    out.push(i);

    let mut i = described(
        indicator(
            "ind_rencontres_partenaires",
            "Rencontres avec les partenaires",
            "rencontres",
            Up,
            Monthly,
            Sum,
            ratio(),
        ),
        "dadi",
        "Comités INVESTINROMANS, visites d'entreprises et réunions de montage de cofinancements.",
    );
    p.path(&mut i, Quarterly, 9.0, 15.0);
    i.measurements = p
        .each(Monthly)
        .into_iter()
        .map(|(m, t)| value(m, (3.0 + 2.5 * t + rng.noise(1.0)).round().max(0.0), "Agenda DADI"))
        .collect();
    out.push(i);

    let mut i = derived(
        indicator("ind_capacite_investissement", "Capacité d'investissement", "EUR", Up, Yearly, Sum, lp()),
        Metric::InvestmentCapacity,
        "Fonds propres et cofinancements signés des projets lancés dans l'année ; objectif : la doubler.",
    );
    if inputs.first_year_capacity > 0.0 {
        let base = inputs.first_year_capacity.round();
        p.baseline(&mut i, Yearly, base);
        p.path(&mut i, Yearly, base, 2.0 * base);
    }
    out.push(i);

    let i = derived(
        indicator(
            "ind_taux_cofinancement",
            "Taux de cofinancement des projets",
            "%",
            Band,
            Quarterly,
            Last,
            ScoringMethod::Band { low: 6.0, high: 12.0, tolerance: 4.0 },
        ),
        Metric::CofinancingRate,
        "Cofinancements signés / coût prévisionnel des projets décidés ; à garder entre 6 % et 12 % du portefeuille (en deçà, l'effet de levier s'essouffle ; au-delà, la dépendance aux partenaires devient un risque).",
    );
    out.push(i);

    // --- Internal processes and project management ----------------------------------
    let mut i = derived(
        indicator(
            "ind_delai_instruction_median",
            "Délai d'instruction médian",
            "jours",
            Down,
            Quarterly,
            Mean,
            ScoringMethod::LinearProgress { cap: Some(120.0), floor_at_zero: true },
        ),
        Metric::MedianInstructionDays,
        "Médiane des jours entre l'enregistrement et la décision, dossiers décidés dans la période ; score plafonné à 120 %.",
    );
    p.baseline(&mut i, Quarterly, 160.0);
    p.path(&mut i, Quarterly, 160.0, 40.0);
    out.push(i);

    let i = derived(
        indicator(
            "ind_delai_instruction_moyen",
            "Délai d'instruction moyen",
            "jours",
            Down,
            Yearly,
            Last,
            ScoringMethod::GoalRedFlag { goal: Some(45.0), red_flag: 120.0 },
        ),
        Metric::MeanInstructionDays,
        "Somme des délais / nombre de dossiers décidés dans l'année (pratique française publiée).",
    );
    out.push(i);

    let mut i = derived(
        indicator("ind_file_active", "File active (dossiers en cours)", "dossiers", Up, Monthly, Last, lp()),
        Metric::ActiveCaseload,
        "Dossiers enregistrés et ni clos ni abandonnés en fin de période.",
    );
    p.baseline(&mut i, Quarterly, (45.0 * sp).round());
    p.path(&mut i, Quarterly, (45.0 * sp).round(), (100.0 * sp).round());
    out.push(i);

    let mut i = derived(
        indicator(
            "ind_livraison_a_temps",
            "Projets livrés dans les délais",
            "%",
            Up,
            Yearly,
            Last,
            ScoringMethod::StatusRules {
                rules: vec![
                    StatusRule {
                        when: Comparison::AtLeast,
                        threshold: 1.0,
                        relative_to: RuleBase::TargetFraction,
                        status: Status::Green,
                        score: None,
                    },
                    StatusRule {
                        when: Comparison::AtLeast,
                        threshold: 0.85,
                        relative_to: RuleBase::TargetFraction,
                        status: Status::Amber,
                        score: None,
                    },
                ],
                otherwise: Status::Red,
                otherwise_score: None,
            },
        ),
        Metric::OnTimeDeliveryRate,
        "Part des projets livrés dans l'année à la date prévue ou avant ; vert à la cible, orange à 85 % de la cible.",
    );
    i.targets = p.each(Yearly).into_iter().map(|(y, _)| pv(y, 80.0)).collect();
    out.push(i);

    let mut i = described(
        indicator(
            "ind_ecart_budgetaire",
            "Écart budgétaire des projets livrés",
            "%",
            Band,
            Quarterly,
            Mean,
            ScoringMethod::Band { low: -5.0, high: 5.0, tolerance: 15.0 },
        ),
        "finances",
        "Écart moyen entre coût réel et coût prévisionnel des projets livrés dans le trimestre (comptes de clôture) ; pas de valeur sans livraison.",
    );
    i.measurements = inputs
        .budget_variance
        .iter()
        .map(|&(q, v)| value(q, round_to(v, 1), "Finances — comptes de clôture"))
        .collect();
    out.push(i);

    let mut i = derived(
        indicator("ind_transversalite", "Part des projets transversaux", "%", Up, Quarterly, Last, lp()),
        Metric::TransversalShare,
        "Part des dossiers actifs portés par deux services ou plus (décloisonnement).",
    );
    p.baseline(&mut i, Quarterly, 20.0);
    p.path(&mut i, Quarterly, 20.0, 55.0);
    out.push(i);

    let mut i = described(
        indicator(
            "ind_ateliers_transversaux",
            "Ateliers de co-working inter-services",
            "ateliers",
            Up,
            Monthly,
            Sum,
            ratio(),
        ),
        "dadi",
        "Ateliers animés par la DADI réunissant au moins deux services.",
    );
    p.path(&mut i, Quarterly, 3.0, 9.0);
    i.measurements = p
        .each(Monthly)
        .into_iter()
        .map(|(m, t)| value(m, (1.0 + 2.4 * t + rng.noise(0.6)).round().max(0.0), "Agenda DADI"))
        .collect();
    out.push(i);

    // --- People, learning and quality of work life -------------------------------------
    let mut i = described(
        indicator("ind_absenteisme", "Taux d'absentéisme", "ratio", Down, Monthly, RatioOfSums, lp()),
        "rh",
        "Jours d'absence / jours théoriques de travail de l'ensemble des agents (0,085 = 8,5 %) ; agrégé en sommant numérateurs et dénominateurs.",
    );
    p.baseline(&mut i, Quarterly, 0.085);
    p.path(&mut i, Quarterly, 0.085, 0.06);
    i.measurements = p
        .each(Monthly)
        .into_iter()
        .map(|(m, t)| {
            // Improves until mid-period, then slides back (reorganisation fatigue): red.
            let rate = if t < 0.5 { 0.085 - 0.028 * t } else { 0.071 + 0.038 * (t - 0.5) };
            let k = month_index(m);
            let winter = match k {
                0 | 1 | 11 => 0.006,
                6 | 7 => -0.004,
                _ => 0.0,
            };
            let agents = (615.0 + 10.0 * t).round();
            let theoretical = agents * WORKING_DAYS.get(k).copied().unwrap_or(21.0);
            let absent = ((rate + winter + rng.noise(0.002)) * theoretical).round().max(0.0);
            let mut x = Measurement::new(m, 0.0);
            x.value = None;
            x.numerator = Some(absent);
            x.denominator = Some(theoretical);
            x.source = Some("SIRH".to_string());
            x
        })
        .collect();
    out.push(i);

    let mut i = described(
        indicator("ind_turnover", "Taux de rotation du personnel", "%", Down, Yearly, Last, ratio()),
        "rh",
        "Départs de l'année / effectif moyen (bilan social).",
    );
    p.path(&mut i, Yearly, 11.0, 8.0);
    i.measurements = p
        .each(Yearly)
        .into_iter()
        .map(|(y, t)| {
            let v = if t < 0.34 { 10.8 - 4.2 * t } else { 9.4 + 5.0 * (t - 0.34) };
            value(y, round_to(v + rng.noise(0.2), 1), "Bilan social")
        })
        .collect();
    out.push(i);

    let mut i = described(
        indicator(
            "ind_barometre_qvt",
            "Baromètre QVT : satisfaction au travail des agents",
            "note /10",
            Up,
            Yearly,
            Last,
            ScoringMethod::GoalRedFlag { goal: Some(7.5), red_flag: 6.0 },
        ),
        "rh",
        "Note moyenne de satisfaction au travail, enquête annuelle anonyme auprès de tous les agents.",
    );
    i.min_group_size = Some(10);
    i.measurements = p
        .each(Yearly)
        .into_iter()
        .map(|(y, t)| {
            let v = if t < 0.5 { 6.1 + 1.2 * t } else { 6.7 - 0.8 * (t - 0.5) };
            let mut x = value(y, round_to(v + rng.noise(0.08), 1), "Enquête QVT");
            x.respondents = Some(380 + rng.below(90) as u32);
            x
        })
        .collect();
    out.push(i);

    let mut i = described(
        indicator(
            "ind_climat_dadi",
            "Climat d'équipe de la DADI",
            "note /10",
            Up,
            Quarterly,
            Mean,
            ScoringMethod::MinMax { min: 4.0, max: 9.0, log: false },
        ),
        "rh",
        "Questionnaire trimestriel anonyme de l'équipe projet (7 cadres A) ; non diffusé sous 5 répondants.",
    );
    i.min_group_size = Some(5);
    i.measurements = p
        .each(Quarterly)
        .into_iter()
        .enumerate()
        .map(|(k, (q, t))| {
            // A few quarters (the first lockdown, summers) have too few answers: suppressed.
            let respondents = if matches!(k % 13, 5 | 10) { 4 } else { 6 + rng.below(2) as u32 };
            let mut x = value(q, round_to(7.0 + 0.6 * t + rng.noise(0.25), 1), "Questionnaire d'équipe");
            x.respondents = Some(respondents);
            x
        })
        .collect();
    out.push(i);

    let launch_year = p.start_year + ((p.end_year - p.start_year + 1) * 3) / 7;
    let launch = ymd(launch_year, 1, 1);
    let mut milestones = Vec::new();
    let milestone_day = ymd(launch_year + 1, 12, 31);
    if milestone_day < ymd(p.end_year, 12, 31) {
        milestones.push(Milestone { date: date(milestone_day), value: 150.0 });
    }
    let mut i = described(
        indicator(
            "ind_mooc_agents",
            "Agents ayant terminé le MOOC « attractivité et innovation »",
            "agents",
            Up,
            Quarterly,
            Last,
            ScoringMethod::ExpectedProgress {
                start: date(launch),
                end: p.last_day(),
                start_value: 0.0,
                end_value: 400.0,
                milestones,
                cap: Some(100.0),
                day_count: Default::default(),
            },
        ),
        "rh",
        "Cumul des agents ayant achevé le MOOC lancé pour acculturer l'organisation ; progression attendue jusqu'à 400 agents.",
    );
    let mut completion = described(
        indicator(
            "ind_mooc_completion",
            "Taux d'achèvement du MOOC",
            "ratio",
            Up,
            Quarterly,
            RatioOfSums,
            ratio(),
        ),
        "rh",
        "Agents ayant achevé le MOOC / agents inscrits dans le trimestre (0,6 = 60 %).",
    );
    p.path(&mut completion, Quarterly, 0.6, 0.6);
    let mut cumulative = 0.0;
    for (q, _) in p.each(Quarterly) {
        if q.start_date(crate::model::period::Calendar::default()) < date(launch) {
            continue;
        }
        let enrolled = (30.0 + rng.range(0.0, 16.0)).round();
        let done = (enrolled * rng.range(0.38, 0.52)).round();
        cumulative += done;
        let mut x = Measurement::new(q, 0.0);
        x.value = None;
        x.numerator = Some(done);
        x.denominator = Some(enrolled);
        x.source = Some("Plateforme MOOC".to_string());
        completion.measurements.push(x);
        i.measurements.push(value(q, cumulative, "Plateforme MOOC"));
    }
    out.push(i);
    out.push(completion);

    let mut i = described(
        indicator(
            "ind_formation_par_agent",
            "Heures de formation par agent",
            "heures / agent",
            Up,
            Quarterly,
            Last,
            lp(),
        ),
        "rh",
        "Calculé : heures de formation du trimestre / effectif.",
    );
    i.source = IndicatorSource::Calculated { expression: "ind_heures_formation / ind_effectif".to_string() };
    p.baseline(&mut i, Quarterly, 2.0);
    p.path(&mut i, Quarterly, 2.0, 4.0);
    out.push(i);

    let mut heures = described(
        indicator(
            "ind_heures_formation",
            "Heures de formation suivies",
            "heures",
            Up,
            Quarterly,
            Sum,
            ratio(),
        ),
        "rh",
        "Heures de formation suivies par l'ensemble des agents dans le trimestre (donnée d'entrée).",
    );
    let mut effectif = described(
        indicator(
            "ind_effectif",
            "Effectif (agents en poste)",
            "agents",
            Band,
            Quarterly,
            Last,
            ScoringMethod::Band { low: 600.0, high: 640.0, tolerance: 40.0 },
        ),
        "rh",
        "Agents en poste en fin de trimestre (donnée d'entrée) ; effectif stable : « à moyens RH constants ».",
    );
    for (q, t) in p.each(Quarterly) {
        let agents = (615.0 + 10.0 * t).round();
        let per_agent = 2.0 + 1.2 * t + rng.noise(0.15);
        heures.measurements.push(value(q, (agents * per_agent).round(), "Plan de formation"));
        effectif.measurements.push(value(q, agents, "SIRH"));
    }
    out.push(heures);
    out.push(effectif);

    let mut i = derived(
        indicator(
            "ind_dossiers_enregistres",
            "Dossiers reçus par la DADI",
            "dossiers",
            Up,
            Monthly,
            Sum,
            ratio(),
        ),
        Metric::FilesRegistered,
        "Dossiers enregistrés dans la période : l'activité d'accueil de l'équipe projet.",
    );
    p.path(&mut i, Quarterly, round_to(4.0 * sp, 1), round_to(6.0 * sp, 1));
    out.push(i);

    let mut i = described(
        indicator(
            "ind_effectif_dadi",
            "Cadres A présents dans l'équipe DADI",
            "cadres A",
            Band,
            Monthly,
            Min,
            ScoringMethod::Band { low: 7.0, high: 7.0, tolerance: 2.0 },
        ),
        "dadi",
        "Sept cadres A expérimentés ; sur un trimestre ou une année, le mois le plus bas (un poste vacant se voit).",
    );
    i.measurements = p
        .each(Monthly)
        .into_iter()
        .enumerate()
        .map(|(k, (m, _))| {
            value(m, if k % 37 == 26 || k % 37 == 27 { 6.0 } else { 7.0 }, "Tableau des effectifs")
        })
        .collect();
    out.push(i);

    let mut i = described(
        indicator(
            "ind_budget_dadi",
            "Budget de fonctionnement de la DADI consommé",
            "EUR",
            Band,
            Yearly,
            Sum,
            ScoringMethod::Band { low: 200_000.0, high: 215_000.0, tolerance: 30_000.0 },
        ),
        "finances",
        "Dépenses de fonctionnement de la DADI (budget voté : 213 000 EUR, à moyens constants).",
    );
    i.measurements = p
        .each(Yearly)
        .into_iter()
        .map(|(y, _)| value(y, (209_000.0 + rng.noise(3_500.0)).round(), "Compte administratif"))
        .collect();
    out.push(i);

    let mut i = described(
        indicator(
            "ind_appuis_moa",
            "Appuis en maîtrise d'ouvrage aux services",
            "appuis",
            Up,
            Monthly,
            Sum,
            ScoringMethod::GoalRedFlag { goal: None, red_flag: 4.0 },
        ),
        "dadi",
        "Analyses préalables et appuis de maîtrise d'ouvrage rendus aux directions ; objectif = la cible en vigueur.",
    );
    p.path(&mut i, Quarterly, 6.0, 12.0);
    i.measurements = p
        .each(Monthly)
        .into_iter()
        .map(|(m, t)| value(m, (2.0 + 2.6 * t + rng.noise(0.8)).round().max(0.0), "Agenda DADI"))
        .collect();
    out.push(i);

    out
}

fn month_index(p: Period) -> usize {
    match p {
        Period::Month { month, .. } => usize::from(month.saturating_sub(1)),
        _ => 0,
    }
}

fn link(indicator: &str, weight: f64) -> IndicatorLink {
    IndicatorLink { indicator: indicator.to_string(), weight: Weight::Fixed(weight) }
}

fn objective(
    id: &str,
    name: &str,
    perspective: &str,
    weight: Weight,
    links: Vec<IndicatorLink>,
) -> Objective {
    Objective {
        id: id.to_string(),
        name: name.to_string(),
        perspective: perspective.to_string(),
        weight,
        indicators: links,
        rollup: Rollup::default(),
    }
}

fn cause(from: &str, to: &str, lag: u32) -> CauseEffect {
    CauseEffect { from: from.to_string(), to: to.to_string(), sign: Sign::Positive, lag }
}

/// The scorecard: perspectives, objectives with their indicator links, and the strategy map.
pub(crate) fn scorecard(p: &Periods) -> Scorecard {
    let perspective = |id: &str, name: &str, weight: f64| Perspective {
        id: id.to_string(),
        name: name.to_string(),
        weight: Weight::Fixed(weight),
        rollup: Rollup::default(),
    };
    let w = Weight::Fixed;
    // The external audit asked for better quality of work life: from the fourth year on,
    // its objective weighs twice as much in its perspective.
    let qvt_from = Period::Quarter { year: (p.start_year + 3).min(p.end_year), quarter: 1 };
    let qvt_weight = if qvt_from > (Period::Quarter { year: p.start_year, quarter: 1 }) {
        Weight::Schedule(vec![
            WeightChange { from: Period::Quarter { year: p.start_year, quarter: 1 }, weight: 1.0 },
            WeightChange { from: qvt_from, weight: 2.0 },
        ])
    } else {
        Weight::Fixed(2.0)
    };
    let mut qvt = objective(
        "a_qvt",
        "Améliorer la qualité de vie au travail",
        "personnes",
        qvt_weight,
        vec![
            link("ind_absenteisme", 3.0),
            link("ind_turnover", 1.0),
            link("ind_barometre_qvt", 2.0),
            link("ind_climat_dadi", 1.0),
        ],
    );
    // Yearly surveys and suppressed quarters leave gaps: carry a score forward a year.
    qvt.rollup = Rollup { missing: MissingPolicy::CarryForward { max_periods: 4 }, ..Rollup::default() };
    let mut competences = objective(
        "a_competences",
        "Développer les compétences et la culture de l'innovation",
        "personnes",
        w(1.0),
        vec![
            link("ind_mooc_agents", 2.0),
            link("ind_mooc_completion", 1.0),
            link("ind_formation_par_agent", 1.0),
        ],
    );
    competences.rollup =
        Rollup { missing: MissingPolicy::CarryForward { max_periods: 4 }, ..Rollup::default() };
    Scorecard {
        perspectives: vec![
            perspective("citoyens", "Citoyens et territoire", 3.0),
            perspective("finances", "Finances et partenariats", 2.0),
            perspective("processus", "Processus internes et gestion de projet", 2.0),
            perspective("personnes", "Agents, apprentissage et qualité de vie au travail", 2.0),
        ],
        objectives: vec![
            objective(
                "c_attractivite",
                "Renforcer l'attractivité du territoire",
                "citoyens",
                w(2.0),
                vec![
                    link("ind_entreprises_implantees", 2.0),
                    link("ind_visites_portail", 1.0),
                    link("ind_vacance_commerciale", 2.0),
                ],
            ),
            objective(
                "c_projets",
                "Livrer les projets structurants attendus par les habitants",
                "citoyens",
                w(2.0),
                vec![link("ind_livraisons", 2.0), link("ind_portefeuille", 1.0)],
            ),
            objective(
                "c_services",
                "Améliorer le service rendu aux usagers",
                "citoyens",
                w(1.0),
                vec![link("ind_satisfaction_usagers", 2.0), link("ind_delai_courriers", 1.0)],
            ),
            objective(
                "f_cofinancement",
                "Lever des cofinancements publics et privés",
                "finances",
                w(2.0),
                vec![link("ind_fonds_signes", 2.0), link("ind_fonds_recus", 1.0), link("ind_levier", 2.0)],
            ),
            objective(
                "f_partenaires",
                "Développer l'écosystème de partenaires INVESTINROMANS",
                "finances",
                w(1.0),
                vec![
                    link("ind_partenaires", 2.0),
                    link("ind_nouveaux_partenaires", 1.0),
                    link("ind_partenaires_actifs", 1.0),
                    link("ind_rencontres_partenaires", 1.0),
                ],
            ),
            objective(
                "f_investissement",
                "Accroître la capacité d'investissement",
                "finances",
                w(2.0),
                vec![link("ind_capacite_investissement", 2.0), link("ind_taux_cofinancement", 1.0)],
            ),
            objective(
                "p_instruction",
                "Instruire les dossiers plus vite",
                "processus",
                w(2.0),
                vec![link("ind_delai_instruction_median", 2.0), link("ind_delai_instruction_moyen", 1.0)],
            ),
            objective(
                "p_pilotage",
                "Piloter les projets en mode projet (délais, budgets)",
                "processus",
                w(2.0),
                vec![
                    link("ind_file_active", 1.0),
                    link("ind_livraison_a_temps", 2.0),
                    link("ind_ecart_budgetaire", 1.0),
                ],
            ),
            objective(
                "p_transversalite",
                "Décloisonner les services",
                "processus",
                w(1.0),
                vec![link("ind_transversalite", 2.0), link("ind_ateliers_transversaux", 1.0)],
            ),
            qvt,
            competences,
            objective(
                "a_equipe",
                "Une équipe projet disponible, à moyens constants",
                "personnes",
                w(1.0),
                vec![
                    link("ind_dossiers_enregistres", 1.0),
                    link("ind_effectif_dadi", 1.0),
                    link("ind_budget_dadi", 1.0),
                    link("ind_appuis_moa", 2.0),
                ],
            ),
        ],
        links: vec![
            cause("a_competences", "p_pilotage", 2),
            cause("a_competences", "p_transversalite", 1),
            cause("a_qvt", "a_equipe", 1),
            cause("a_qvt", "p_instruction", 2),
            cause("a_equipe", "p_instruction", 1),
            cause("p_transversalite", "p_pilotage", 0),
            cause("p_instruction", "f_cofinancement", 1),
            cause("p_instruction", "c_services", 1),
            cause("f_partenaires", "f_cofinancement", 1),
            cause("f_cofinancement", "f_investissement", 1),
            cause("p_pilotage", "c_projets", 2),
            cause("f_investissement", "c_projets", 4),
            cause("c_projets", "c_attractivite", 4),
            cause("f_partenaires", "c_attractivite", 2),
        ],
        rollup: Rollup::default(),
    }
}
