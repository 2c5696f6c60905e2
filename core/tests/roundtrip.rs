//! Load/save round trips are lossless: exact amounts (the largest Decimal, many digits,
//! trailing zeros), leap days, unicode, awkward floats; a canonical file comes back
//! byte-identical; random valid workspaces survive a save and a load. Out-of-range numbers
//! are problems with a path and position, never a panic.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)] // test code: a failure is a test failure

mod common;

use chrono::{Datelike, NaiveDate};
use common::load_problems;
use pilotage::{
    Commitment, CommitmentStep, Frequency, FundingKind, FundingStatus, Indicator, IndicatorSource,
    Measurement, Partner, PartnerKind, Period, Polarity, Project, ScoringMethod, Service, Stage, StageEvent,
    TimeAggregation, Workspace,
};
use proptest::prelude::*;
use rust_decimal::Decimal;

/// A canonical file: exactly what `to_json` writes (fields in declaration order, defaults
/// omitted where the types omit them, two-space indent).
const CANONICAL: &str = r#"{
  "schema_version": 2,
  "organisation": "Ville exemple",
  "currency": "EUR",
  "fiscal_year_start_month": 1,
  "settings": {
    "thresholds": {
      "amber": 40.0,
      "green": 70.0
    },
    "stability_tolerance": 2.0,
    "forecast_window": 8,
    "min_correlation_periods": 6
  },
  "services": [
    {
      "id": "dadi",
      "name": "Direction de l'attractivité"
    },
    {
      "id": "urba",
      "name": "Urbanisme"
    }
  ],
  "projects": [
    {
      "id": "p-halle",
      "title": "Halle gourmande",
      "lead_service": "dadi",
      "contributing_services": [
        "urba"
      ],
      "objectives": [
        "cofinancing"
      ],
      "stages": [
        {
          "stage": "registered",
          "date": "2024-02-29"
        },
        {
          "stage": "complete",
          "date": "2024-03-15"
        },
        {
          "stage": "approved",
          "date": "2024-05-02"
        },
        {
          "stage": "started",
          "date": "2024-09-01"
        }
      ],
      "planned_cost": "1250000.00",
      "planned_end": "2026-06-30",
      "own_funds": "400000.00"
    }
  ],
  "partners": [
    {
      "id": "region",
      "name": "Région Auvergne-Rhône-Alpes",
      "kind": "region",
      "joined": "2019-01-15"
    },
    {
      "id": "banque",
      "name": "Banque des territoires",
      "kind": "public_agency"
    }
  ],
  "commitments": [
    {
      "id": "c-halle-region",
      "partner": "region",
      "project": "p-halle",
      "kind": "grant",
      "steps": [
        {
          "status": "pledged",
          "date": "2024-04-10",
          "amount": "300000.00"
        },
        {
          "status": "signed",
          "date": "2024-06-20",
          "amount": "250000.00"
        },
        {
          "status": "received",
          "date": "2024-10-01",
          "amount": "100000.00"
        }
      ]
    }
  ],
  "indicators": [
    {
      "id": "funds_received",
      "name": "Funds received from partners",
      "unit": "EUR",
      "polarity": "higher_is_better",
      "frequency": "quarterly",
      "aggregation": "sum",
      "baseline": {
        "period": "2024-Q1",
        "value": 0.0
      },
      "trajectory": {
        "from": {
          "period": "2024-Q1",
          "value": 0.0
        },
        "to": {
          "period": "2025-Q4",
          "value": 400000.0
        }
      },
      "scoring": {
        "method": "linear_progress",
        "cap": 120.0
      },
      "measurements": [
        {
          "period": "2024-Q3",
          "value": 0.0
        },
        {
          "period": "2024-Q4",
          "value": 100000.0,
          "source": "ledger"
        }
      ]
    },
    {
      "id": "absenteeism",
      "name": "Absenteeism rate",
      "unit": "ratio",
      "polarity": "lower_is_better",
      "frequency": "monthly",
      "aggregation": "ratio_of_sums",
      "targets": [
        {
          "period": "2024",
          "value": 0.05
        }
      ],
      "scoring": {
        "method": "goal_red_flag",
        "red_flag": 0.08
      },
      "min_group_size": 5,
      "service": "dadi",
      "measurements": [
        {
          "period": "2024-11",
          "numerator": 12.0,
          "denominator": 240.0,
          "respondents": 12
        },
        {
          "period": "2024-12",
          "value": 0.045,
          "numerator": 9.0,
          "denominator": 200.0,
          "respondents": 11,
          "comment": "holidays"
        }
      ]
    },
    {
      "id": "leverage",
      "name": "Leverage of own funds",
      "unit": "EUR per EUR",
      "polarity": "higher_is_better",
      "frequency": "yearly",
      "aggregation": "last",
      "source": {
        "kind": "derived",
        "metric": "leverage"
      },
      "scoring": {
        "method": "min_max",
        "min": 0.0,
        "max": 3.0
      }
    },
    {
      "id": "received_share",
      "name": "Share of signed funds received",
      "unit": "%",
      "polarity": "higher_is_better",
      "frequency": "quarterly",
      "aggregation": "last",
      "source": {
        "kind": "calculated",
        "expression": "funds_received / 250000 * 100"
      },
      "scoring": {
        "method": "band",
        "low": 40.0,
        "high": 60.0,
        "tolerance": 20.0
      }
    }
  ],
  "scorecard": {
    "perspectives": [
      {
        "id": "finance",
        "name": "Finance and partnerships",
        "weight": 2.0
      },
      {
        "id": "people",
        "name": "People",
        "weight": [
          {
            "from": "2024",
            "weight": 1.0
          },
          {
            "from": "2025",
            "weight": 1.5
          }
        ],
        "rollup": {
          "aggregation": "worst",
          "missing": "exclude",
          "min_coverage": 0.5
        }
      }
    ],
    "objectives": [
      {
        "id": "cofinancing",
        "name": "Raise co-financing",
        "perspective": "finance",
        "indicators": [
          {
            "indicator": "funds_received",
            "weight": 2.0
          },
          {
            "indicator": "leverage"
          },
          {
            "indicator": "received_share"
          }
        ]
      },
      {
        "id": "work_life",
        "name": "Quality of work life",
        "perspective": "people",
        "indicators": [
          {
            "indicator": "absenteeism"
          }
        ],
        "rollup": {
          "aggregation": "weighted_mean",
          "missing": {
            "carry_forward": {
              "max_periods": 2
            }
          },
          "min_coverage": 0.0
        }
      }
    ],
    "links": [
      {
        "from": "work_life",
        "to": "cofinancing",
        "sign": "positive",
        "lag": 1
      }
    ],
    "rollup": {
      "aggregation": "weighted_geometric_mean",
      "missing": "exclude",
      "min_coverage": 0.0
    }
  }
}"#;

fn edge_workspace_text(amounts: [&str; 4]) -> String {
    format!(
        r#"{{
  "schema_version": 1,
  "organisation": "Romans-sur-Isère — Ville d'art et d'histoire 🏛",
  "services": [{{ "id": "dadi", "name": "Développement économique & attractivité" }}],
  "projects": [{{
    "id": "p1", "title": "Halle « gourmande » – 北京", "lead_service": "dadi",
    "stages": [{{ "stage": "registered", "date": "2024-02-29" }}],
    "planned_cost": "{}", "actual_cost": "{}", "own_funds": "{}", "planned_end": "2028-02-29"
  }}],
  "partners": [{{ "id": "eu", "name": "Union européenne", "kind": "eu", "joined": "2000-02-29" }}],
  "commitments": [{{ "id": "c1", "partner": "eu", "project": "p1", "kind": "grant",
    "steps": [{{ "status": "pledged", "date": "2024-02-29", "amount": "{}" }}] }}],
  "indicators": [{{ "id": "i", "name": "Ratio", "frequency": "monthly",
    "scoring": {{ "method": "min_max", "min": 0.1, "max": 1e300 }},
    "measurements": [{{ "period": "2024-02", "value": 0.1 }}, {{ "period": "2024-03", "value": 1e-300 }},
                     {{ "period": "2024-04", "value": 0.30000000000000004 }}] }}]
}}"#,
        amounts[0], amounts[1], amounts[2], amounts[3]
    )
}

#[test]
fn amounts_keep_every_digit() {
    let amounts = ["79228162514264337593543950335", "12345678901234567890.12", "0.0000000001", "1.10"];
    let ws = Workspace::from_json(&edge_workspace_text(amounts)).unwrap();
    let p = &ws.projects[0];
    assert_eq!(p.planned_cost.unwrap(), Decimal::MAX);
    assert_eq!(p.planned_cost.unwrap().to_string(), "79228162514264337593543950335");
    assert_eq!(p.actual_cost.unwrap().to_string(), "12345678901234567890.12");
    assert_eq!(p.own_funds.unwrap().to_string(), "0.0000000001");
    // 1.10 keeps its trailing zero (scale 2), in memory and in the saved file.
    assert_eq!(ws.commitments[0].steps[0].amount.scale(), 2);
    let saved = ws.to_json().unwrap();
    for a in amounts {
        assert!(saved.contains(&format!("\"{a}\"")), "{a} is not written as is");
    }
    assert_eq!(Workspace::from_json(&saved).unwrap(), ws);
}

#[test]
fn leap_days_unicode_and_floats_survive() {
    let ws = Workspace::from_json(&edge_workspace_text(["1", "2", "3", "4"])).unwrap();
    let back = Workspace::from_json(&ws.to_json().unwrap()).unwrap();
    assert_eq!(back, ws);
    let leap = NaiveDate::from_ymd_opt(2024, 2, 29).unwrap();
    assert_eq!(back.projects[0].stages[0].date, leap);
    assert_eq!(back.partners[0].joined, NaiveDate::from_ymd_opt(2000, 2, 29));
    assert_eq!(back.organisation, "Romans-sur-Isère — Ville d'art et d'histoire 🏛");
    assert_eq!(back.projects[0].title, "Halle « gourmande » – 北京");
    let values: Vec<f64> = back.indicators[0].measurements.iter().map(|m| m.value.unwrap()).collect();
    // Bit-exact: 0.1, 1e-300 and 0.1 + 0.2 (= 0.30000000000000004) all come back.
    assert_eq!(
        values.iter().map(|v| v.to_bits()).collect::<Vec<_>>(),
        [0.1f64, 1e-300, 0.1 + 0.2].map(f64::to_bits)
    );
}

#[test]
fn a_leap_day_in_a_common_year_is_refused_with_its_path() {
    let text = edge_workspace_text(["1", "2", "3", "4"]).replacen("2028-02-29", "2027-02-29", 1);
    let p = Workspace::from_json(&text).unwrap_err().problems().to_vec();
    assert_eq!(p.len(), 1, "{p:#?}");
    assert_eq!(p[0].path, "projects[p1].planned_end");
    assert!(
        p[0].message.contains("2027-02-29") || p[0].message.contains("input is out of range"),
        "{}",
        p[0].message
    );
    assert_eq!(p[0].line, Some(8));
}

#[test]
fn a_canonical_file_is_byte_identical_after_a_load_and_a_save() {
    let ws = Workspace::from_json(CANONICAL).unwrap();
    assert_eq!(ws.to_json().unwrap(), CANONICAL);
}

#[test]
fn saving_to_a_file_and_opening_it_again() {
    let ws = Workspace::from_json(CANONICAL).unwrap();
    let path = std::env::temp_dir().join(format!("pilotage-roundtrip-{}.json", std::process::id()));
    ws.save(&path).unwrap();
    assert_eq!(Workspace::open(&path).unwrap(), ws);
    // The file is the canonical text plus a final newline.
    assert_eq!(std::fs::read_to_string(&path).unwrap(), format!("{CANONICAL}\n"));
    std::fs::remove_file(&path).unwrap();
}

#[test]
fn amounts_beyond_the_decimal_range_are_problems_with_a_path() {
    let forty_digits = "1234567890123456789012345678901234567890";
    // Decimal::MAX + 1 = 79228162514264337593543950336 does not fit either.
    for bad in ["1e400", forty_digits, "79228162514264337593543950336", "-1e400", "12.5 EUR", ""] {
        let text = edge_workspace_text(["1", bad, "3", "4"]);
        let p = load_problems(&text);
        assert_eq!(p.len(), 1, "{bad}: {p:#?}");
        assert_eq!(p[0].path, "projects[p1].actual_cost", "{bad}");
        assert_eq!(p[0].line, Some(8), "{bad}");
    }
    // The same as JSON numbers (not strings): a problem too, with the step's path.
    for bad in ["1e400", forty_digits] {
        let text = edge_workspace_text(["1", "2", "3", "4"]).replacen(
            "\"amount\": \"4\"",
            &format!("\"amount\": {bad}"),
            1,
        );
        let p = load_problems(&text);
        assert_eq!(p.len(), 1, "{bad}: {p:#?}");
        assert_eq!(p[0].path, "commitments[c1].steps[0].amount", "{bad}");
    }
}

#[test]
fn a_measured_value_of_1e400_is_a_problem_with_its_position() {
    let text = edge_workspace_text(["1", "2", "3", "4"]).replacen("\"value\": 0.1", "\"value\": 1e400", 1);
    let p = load_problems(&text);
    assert_eq!(p.len(), 1, "{p:#?}");
    assert_eq!(p[0].path, "indicators[i].measurements[0].value");
    assert!(p[0].message.contains("out of range"), "{}", p[0].message);
    // Line 15 holds the first measurement; the parser stops at the end of `1e400`.
    let line15 = text.lines().nth(14).unwrap();
    let column = line15.find("1e400").unwrap() as u64 + "1e400".len() as u64;
    assert_eq!((p[0].line, p[0].column), (Some(15), Some(column)));
}

// ---- random valid workspaces ------------------------------------------------------------

fn date() -> impl Strategy<Value = NaiveDate> {
    // Every day from 1900-01-01 to 2100-12-31 (73 413 days).
    (0i64..73_413).prop_map(|d| NaiveDate::from_ymd_opt(1900, 1, 1).unwrap() + chrono::Duration::days(d))
}

fn amount() -> impl Strategy<Value = Decimal> {
    prop_oneof![
        (0i64..i64::MAX, 0u32..=18).prop_map(|(m, s)| Decimal::new(m, s)),
        Just(Decimal::MAX),
        Just(Decimal::ZERO),
    ]
}

fn name() -> impl Strategy<Value = String> {
    "\\PC{0,16}".prop_map(|s| format!("n {s}"))
}

fn finite() -> impl Strategy<Value = f64> {
    any::<f64>().prop_filter("finite", |x| x.is_finite())
}

prop_compose! {
    fn project(i: usize)(title in name(), registered in date(), later in proptest::option::of(0i64..400),
                         planned in proptest::option::of(amount()), own in proptest::option::of(amount()),
                         end in proptest::option::of(date())) -> Project {
        let mut stages = vec![StageEvent { stage: Stage::Registered, date: registered }];
        if let Some(days) = later {
            let d = registered + chrono::Duration::days(days);
            if d.year() <= 2100 {
                stages.push(StageEvent { stage: Stage::Approved, date: d });
            }
        }
        Project {
            id: format!("p{i}"), title, lead_service: "s0".into(), contributing_services: vec![],
            objectives: vec![], stages, planned_cost: planned, actual_cost: None, planned_end: end, own_funds: own,
        }
    }
}

prop_compose! {
    fn workspace()(org in name(), services in proptest::collection::vec(name(), 1..4),
                   projects in proptest::collection::vec(project(0), 0..4),
                   partners in proptest::collection::vec((name(), 0usize..11, proptest::option::of(date())), 0..4),
                   pledged in amount(), when in date(),
                   values in proptest::collection::vec(finite(), 0..6), start in 0i64..2000) -> Workspace {
        let mut ws = Workspace::new(org);
        ws.services = services.into_iter().enumerate().map(|(i, n)| Service { id: format!("s{i}"), name: n }).collect();
        ws.projects = projects.into_iter().enumerate().map(|(i, p)| Project { id: format!("p{i}"), ..p }).collect();
        ws.partners = partners.into_iter().enumerate()
            .map(|(i, (n, k, joined))| Partner { id: format!("pa{i}"), name: n, kind: PartnerKind::ALL[k], joined })
            .collect();
        if !ws.partners.is_empty() {
            ws.commitments.push(Commitment {
                id: "c0".into(), partner: "pa0".into(), project: ws.projects.first().map(|p| p.id.clone()),
                kind: FundingKind::InKind,
                steps: vec![CommitmentStep { status: FundingStatus::Pledged, date: when, amount: pledged }],
            });
        }
        let first = Period::from_ordinal(Frequency::Monthly, Period::month(1900, 1).unwrap().ordinal() + start).unwrap();
        ws.indicators.push(Indicator {
            id: "i0".into(), name: "I".into(), description: None, unit: "%".into(),
            polarity: Polarity::LowerIsBetter, frequency: Frequency::Monthly, aggregation: TimeAggregation::Mean,
            source: IndicatorSource::Measured, baseline: None, targets: vec![], trajectory: None, target_policy: Default::default(),
            scoring: ScoringMethod::MinMax { min: 0.0, max: 1.0, log: false }, thresholds: None,
            min_group_size: None, service: None,
            measurements: values.into_iter().enumerate()
                .map(|(j, v)| Measurement::new(first.offset(j as i64).unwrap(), v)).collect(),
        });
        ws
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(128))]

    #[test]
    fn random_valid_workspaces_survive_a_save_and_a_load(ws in workspace()) {
        prop_assert_eq!(ws.problems(), vec![]);
        let text = ws.to_json().unwrap();
        let back = Workspace::from_json(&text).unwrap();
        prop_assert_eq!(&back, &ws);
        // Amounts keep their scale (trailing zeros), floats their bits.
        for (a, b) in back.projects.iter().zip(&ws.projects) {
            prop_assert_eq!(a.planned_cost.map(|d| d.to_string()), b.planned_cost.map(|d| d.to_string()));
        }
        for (a, b) in back.indicators[0].measurements.iter().zip(&ws.indicators[0].measurements) {
            prop_assert_eq!(a.value.map(f64::to_bits), b.value.map(f64::to_bits));
        }
        // And saving again writes the same text.
        prop_assert_eq!(back.to_json().unwrap(), text);
    }
}

#[test]
fn amounts_that_would_be_rounded_are_refused_not_rounded() {
    // 33 significant digits (more than Decimal's 28): rust_decimal alone would round this to
    // 0.1234567890123456789012345679; the file is refused instead, naming the field.
    let text = edge_workspace_text(["1", "0.123456789012345678901234567890123", "3", "4"]);
    let p = load_problems(&text);
    assert_eq!(p.len(), 1, "{p:#?}");
    assert_eq!(p[0].path, "projects[p1].actual_cost");
    assert!(p[0].message.contains("would be rounded"), "{}", p[0].message);
    // 28 significant digits fit exactly: 1.000…0001 (27 zeros) comes back as written.
    let exact = "1.000000000000000000000000001";
    let ws = Workspace::from_json(&edge_workspace_text(["1", exact, "3", "4"])).unwrap();
    assert_eq!(ws.projects[0].actual_cost.unwrap().to_string(), exact);
    // A JSON number is still accepted (12.5 is exact in binary).
    let text = edge_workspace_text(["1", "2", "3", "4"]).replacen("\"amount\": \"4\"", "\"amount\": 12.5", 1);
    assert_eq!(Workspace::from_json(&text).unwrap().commitments[0].steps[0].amount.to_string(), "12.5");
}
