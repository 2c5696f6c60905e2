//! The headline figures on a hand-built city: every number worked out by hand.
#![allow(clippy::unwrap_used)]

mod common;

use common::dec;
use pilotage::analytics::headline::{HeadlineArgs, HeadlineOptions, default_comparison, headline};
use pilotage::analytics::partnership::LeverageDefinition;
use pilotage::{Period, Workspace};

fn city() -> Workspace {
    Workspace::from_json(
        r#"{
  "schema_version": 1,
  "organisation": "Ville test",
  "services": [{"id": "s1", "name": "DADI"}, {"id": "s2", "name": "Urbanisme"}],
  "projects": [
    {"id": "a", "title": "A", "lead_service": "s1", "planned_cost": "1000", "own_funds": "100",
     "stages": [{"stage": "registered", "date": "2019-01-10"}, {"stage": "approved", "date": "2019-05-20"},
                {"stage": "started", "date": "2019-06-01"}]},
    {"id": "b", "title": "B", "lead_service": "s1",
     "stages": [{"stage": "registered", "date": "2019-03-01"}, {"stage": "rejected", "date": "2019-06-29"}]},
    {"id": "c", "title": "C", "lead_service": "s1", "contributing_services": ["s2"], "planned_cost": "2000", "own_funds": "200",
     "stages": [{"stage": "registered", "date": "2025-01-10"}, {"stage": "approved", "date": "2025-02-09"},
                {"stage": "started", "date": "2025-03-01"}]},
    {"id": "d", "title": "D", "lead_service": "s2",
     "stages": [{"stage": "registered", "date": "2025-06-01"}, {"stage": "approved", "date": "2025-07-01"}]},
    {"id": "e", "title": "E", "lead_service": "s2",
     "stages": [{"stage": "registered", "date": "2025-09-01"}, {"stage": "abandoned", "date": "2025-10-01"}]}
  ],
  "partners": [
    {"id": "p1", "name": "Région", "kind": "region", "joined": "2019-01-01"},
    {"id": "p2", "name": "Mécène", "kind": "company", "joined": "2025-03-01"}
  ],
  "commitments": [
    {"id": "k1", "partner": "p1", "project": "a", "kind": "grant", "steps": [
      {"status": "signed", "date": "2019-04-01", "amount": "500"},
      {"status": "received", "date": "2019-09-01", "amount": "200"},
      {"status": "received", "date": "2020-01-01", "amount": "300"}]},
    {"id": "k2", "partner": "p2", "project": "c", "kind": "sponsorship", "steps": [
      {"status": "pledged", "date": "2025-03-05", "amount": "1200"},
      {"status": "signed", "date": "2025-04-01", "amount": "1000"}]}
  ]
}"#,
    )
    .unwrap()
}

#[test]
fn the_city_headline_figures_from_raw_records() {
    let ws = city();
    let year: Period = "2025".parse().unwrap();
    let h = headline(&ws, year, HeadlineOptions::default()).unwrap();
    // The first decision is in 2019, so 2025 compares with 2019.
    assert_eq!(h.compared_with, Some("2019".parse().unwrap()));
    // Active on 2025-12-31: a, b (rejected but not closed), c, d; e was abandoned.
    assert_eq!(h.active_caseload, 4);
    // Planned cost of the active files: a 1000 + c 2000.
    assert_eq!(h.portfolio_value, Some(dec("3000")));
    // 2019: a 130 days (21 + 28 + 31 + 30 + 20), b 120 days (30 + 30 + 31 + 29): mean 125.
    // 2025: c 30 days (21 + 9), d 30 days: mean 30. Divided by 125 / 30 = 4.1667.
    assert_eq!(h.lead_time.earlier.mean_days, Some(125.0));
    assert_eq!(h.lead_time.later.mean_days, Some(30.0));
    assert!((h.lead_time.mean_ratio.unwrap() - 125.0 / 30.0).abs() < 1e-3);
    // Reporting a year, the yearly comparison is the same one.
    assert_eq!(h.lead_time_by_year.as_ref(), Some(&h.lead_time));
    // Funds up to 2025-12-31: pledged 1200, signed 500 + 1000, received 200 + 300.
    assert_eq!(h.funds.total.pledged, Some(dec("1200")));
    assert_eq!(h.funds.total.signed, Some(dec("1500")));
    assert_eq!(h.funds.total.received, Some(dec("500")));
    // Approved projects a, c, d: own 100 + 200 + 0, external 500 + 1000: leverage 1500 / 300 = 5.
    assert_eq!(h.finance.own, Some(dec("300")));
    assert_eq!(h.finance.external, Some(dec("1500")));
    assert_eq!(h.finance.leverage.value, Some(dec("5")));
    // Two members; p2 joined in 2025.
    assert_eq!(h.partners.members.len(), 2);
    assert_eq!(h.partners.new, vec!["p2".to_string()]);
    // Signed shares: p2 1000/1500, p1 500/1500; HHI = 4/9 + 1/9 = 0.5556.
    assert_eq!(h.concentration.partners[0].partner, "p2");
    assert_eq!(h.concentration.herfindahl, Some(dec("0.5556")));
    // Capacity 2019: a (started 2019) 100 + 500 = 600; 2025: c 200 + 1000 + d 0 = 1200; x2.
    let cap = h.investment_capacity.unwrap();
    assert_eq!(cap.earlier.total, Some(dec("600")));
    assert_eq!(cap.later.total, Some(dec("1200")));
    assert_eq!(cap.ratio, Some(dec("2")));
    // One active file of four is run by two services.
    assert_eq!(h.transversality.share, Some(dec("0.25")));
}

#[test]
fn comparison_defaults_to_the_same_period_of_the_first_year_with_decisions() {
    let ws = city();
    let q: Period = "2025-Q3".parse().unwrap();
    assert_eq!(default_comparison(&ws, q), Some("2019-Q3".parse().unwrap()));
    // In the first year itself there is nothing earlier to compare with.
    assert_eq!(default_comparison(&ws, "2019".parse().unwrap()), None);
    let h = headline(&ws, "2019".parse().unwrap(), HeadlineOptions::default()).unwrap();
    assert_eq!(h.compared_with, None);
    assert!(h.investment_capacity.is_none());
}

#[test]
fn an_explicit_comparison_period_and_bad_options() {
    let ws = city();
    let opts =
        HeadlineOptions { compare_with: Some("2019-Q2".parse().unwrap()), ..HeadlineOptions::default() };
    let h = headline(&ws, "2025-Q1".parse().unwrap(), opts).unwrap();
    // 2019-Q2 decided a (130 days, 20 May) and b (120 days, 29 June); 2025-Q1 decided c (30).
    assert_eq!(h.lead_time.earlier.count, 2);
    assert_eq!(h.lead_time.later.count, 1);
    // By year, to date: 2025 up to 31 March (c: 30 days) against 2019 up to 31 March, when
    // nothing was decided yet (a on 20 May, b on 29 June): no ratio, and the note says why.
    let by_year = h.lead_time_by_year.unwrap();
    assert_eq!(by_year.later.through, "2025-03-31".parse().unwrap());
    assert_eq!(by_year.earlier.through, "2019-03-31".parse().unwrap());
    assert_eq!(by_year.earlier.count, 0);
    assert_eq!(by_year.later.mean_days, Some(30.0));
    assert_eq!(by_year.mean_ratio, None);
    let why = by_year.notes.first().copied().unwrap();
    assert_eq!(by_year.notes.len(), 1);
    assert_eq!(why.text(pilotage::locale::Locale::En), "no files reached decision in 2019 up to 2019-03-31");
    assert_eq!(
        why.text(pilotage::locale::Locale::Fr),
        "aucun dossier n’a atteint l’étape «\u{a0}décision\u{a0}» en 2019 jusqu’au 31/03/2019"
    );
    let bad = HeadlineOptions { top_partners: 0, ..HeadlineOptions::default() };
    assert!(headline(&ws, "2025".parse().unwrap(), bad).is_err());
}

#[test]
fn the_second_quarter_never_reads_the_second_half() {
    use pilotage::{Commitment, CommitmentStep, FundingKind, FundingStatus, Partner, PartnerKind};
    let mut ws = city();
    // A second signature on k2 in September, and a partner with no joining date whose first
    // commitment step comes in August.
    ws.commitments[1].steps.push(CommitmentStep {
        status: FundingStatus::Signed,
        date: "2025-09-01".parse().unwrap(),
        amount: dec("500"),
    });
    ws.partners.push(Partner {
        id: "p3".into(),
        name: "Banque".into(),
        kind: PartnerKind::Bank,
        joined: None,
    });
    ws.commitments.push(Commitment {
        id: "k3".into(),
        partner: "p3".into(),
        project: Some("d".into()),
        kind: FundingKind::Loan,
        steps: vec![CommitmentStep {
            status: FundingStatus::Signed,
            date: "2025-08-01".parse().unwrap(),
            amount: dec("4000"),
        }],
    });
    let h = headline(&ws, "2025-Q2".parse().unwrap(), HeadlineOptions::default()).unwrap();
    assert_eq!(h.compared_with, Some("2019-Q2".parse().unwrap()));
    assert!(h.within_records);
    // Lead times by year, to 30 June: 2025 has c (30 days; d is decided on 1 July), 2019 has
    // a (130) and b (120), mean 125: divided by 125 / 30.
    let by_year = h.lead_time_by_year.unwrap();
    assert_eq!((by_year.earlier.count, by_year.later.count), (2, 1));
    assert_eq!(by_year.later.mean_days, Some(30.0));
    assert!((by_year.mean_ratio.unwrap() - 125.0 / 30.0).abs() < 1e-12);
    // Investment capacity to 30 June: 2025 has c (started 1 March): own 200 + signed by
    // 30 June 1000 = 1200 (the September 500 and d, approved 1 July, are not known yet);
    // 2019 to 30 June has a (started 1 June): 100 + 500 = 600. Ratio 2.
    let cap = h.investment_capacity.unwrap();
    assert_eq!(cap.later.through, "2025-06-30".parse().unwrap());
    assert_eq!(cap.later.total, Some(dec("1200")));
    assert_eq!(cap.later.projects, vec!["c".to_string()]);
    assert_eq!(cap.earlier.total, Some(dec("600")));
    assert_eq!(cap.ratio, Some(dec("2")));
    // Funds signed by 30 June: 500 + 1000 (not the September 500 nor k3's 4000).
    assert_eq!(h.funds.total.signed, Some(dec("1500")));
    // p3 has no joining date, so it is a member; its first step is in August: on 30 June
    // it has no commitment yet.
    assert!(h.partners.members.contains(&"p3".to_string()));
    assert_eq!(h.partners.without_commitment, vec!["p3".to_string()]);
    // The same day seen from the end of the year: the whole of 2025 against the whole of
    // 2019. c 200 + 1000 + 500, and d (approved 1 July) 0 + 4000: 5700 against 600.
    let h = headline(&ws, "2025".parse().unwrap(), HeadlineOptions::default()).unwrap();
    let cap = h.investment_capacity.unwrap();
    assert_eq!(cap.later.total, Some(dec("5700")));
    assert_eq!(cap.ratio, Some(dec("9.5")));
    assert!(h.partners.without_commitment.is_empty());
}

/// #14: with a fiscal year starting in July, January 1900 lies in fiscal 1899, outside the
/// library's years: the headline of 1900-01 has no yearly comparison instead of failing with
/// 'invalid period "1899"', a year the user never wrote.
#[test]
fn a_fiscal_year_outside_the_range_drops_the_yearly_comparison_only() {
    let mut ws = city();
    ws.fiscal_year_start_month = 7;
    let h = headline(&ws, "1900-01".parse().unwrap(), HeadlineOptions::default()).unwrap();
    assert_eq!((h.lead_time_by_year, h.investment_capacity), (None, None));
    assert_eq!(h.active_caseload, 0);
    // the other end: 2100-12 is in fiscal 2100, inside the range, and keeps its comparison
    let h = headline(&ws, "2100-12".parse().unwrap(), HeadlineOptions::default()).unwrap();
    assert!(h.lead_time_by_year.is_some());
}

/// The options as a binding reads them (JSON text here, a JS object there).
fn read_options(text: Option<&str>) -> pilotage::Result<HeadlineOptions> {
    let args: HeadlineArgs = match text {
        Some(t) => serde_json::from_str(t)
            .map_err(|e| pilotage::Error::Argument { name: "options", message: e.to_string() })?,
        None => HeadlineArgs::default(),
    };
    args.options()
}

#[test]
fn headline_arguments_are_read_onto_the_defaults() {
    assert_eq!(read_options(None).unwrap(), HeadlineOptions::default());
    assert_eq!(read_options(Some("{}")).unwrap(), HeadlineOptions::default());
    let o =
        read_options(Some(r#"{"top_partners": 3, "compare_with": "2024-Q4", "leverage": "total_over_own"}"#))
            .unwrap();
    assert_eq!(o.top_partners, 3);
    assert_eq!(o.compare_with, Some("2024-Q4".parse().unwrap()));
    assert_eq!(o.leverage, LeverageDefinition::TotalOverOwn);
    // what was not given is the default
    assert_eq!(o.lead_time, HeadlineOptions::default().lead_time);
    assert!(matches!(
        read_options(Some(r#"{"top": 3}"#)),
        Err(pilotage::Error::Argument { name: "options", .. })
    ));
    // the caseload rule by name: in_progress leaves out rejected and delivered files
    let o =
        read_options(Some(r#"{"caseload": "in_progress", "leverage": "planned_cost_over_own"}"#)).unwrap();
    assert_eq!((o.caseload.rejected_until_closed, o.caseload.delivered_until_closed), (false, false));
    assert_eq!(o.leverage, LeverageDefinition::PlannedCostOverOwn);
    let bad = read_options(Some(r#"{"caseload": "closed"}"#)).unwrap_err().to_string();
    assert!(bad.contains("until_closed") && bad.contains("in_progress"), "{bad}");
}

#[test]
fn an_unknown_name_in_the_arguments_lists_the_valid_names() {
    let bad = read_options(Some(r#"{"leverage": "x"}"#)).unwrap_err().to_string();
    for name in ["external_over_own", "total_over_own", "planned_cost_over_own"] {
        assert!(bad.contains(name), "{bad}");
    }
    assert!(!bad.contains("internally tagged") && !bad.contains("LeverageDefinition"), "{bad}");
}
