//! A small workspace that goes through every part of the engine: one derived indicator per
//! [`Metric`], measured indicators (quarterly, and monthly aggregated to quarters), a
//! calculated one, targets, a cause-and-effect link, and one or two records of each kind.
//!
//! The WebAssembly package evaluates it while the module loads: browsers compile WebAssembly
//! functions on their first call, and without this the first real evaluation pays for
//! compiling the engine (about two thirds of its time in Chromium). It is also a compact
//! fixture for tests that need every metric.

use std::fmt::Write;

use crate::engine::derived::metric_name;
use crate::model::indicator::Metric;

/// The workspace, as JSON text (valid: no problems), with data from 2024 to 2025: evaluate it
/// at `2025-Q4`.
pub fn exercise_json() -> String {
    let mut indicators = String::new();
    let mut links = String::new();
    for (k, metric) in Metric::ALL.iter().enumerate() {
        let name = metric_name(*metric);
        let _ = write!(
            indicators,
            r#"{{"id":"m{k}","name":"{name}","unit":"u","polarity":"higher_is_better","frequency":"quarterly","aggregation":"last","source":{{"kind":"derived","metric":"{name}"}},"trajectory":{{"from":{{"period":"2024-Q1","value":1}},"to":{{"period":"2025-Q4","value":10}}}},"scoring":{{"method":"ratio_to_target","zero_target":"right_side_of_zero"}}}},"#
        );
        let _ = write!(links, r#"{{"indicator":"m{k}"}},"#);
    }
    links.pop();
    let mut quarters = String::new();
    let mut months = String::new();
    for year in [2024, 2025] {
        for q in 1..=4 {
            let _ = write!(quarters, r#"{{"period":"{year}-Q{q}","value":{}}},"#, 3 * q + year - 2020);
        }
        for m in 1..=12 {
            let _ = write!(months, r#"{{"period":"{year}-{m:02}","value":{}.5}},"#, 40 + m);
        }
    }
    quarters.pop();
    months.pop();
    format!(
        r#"{{"schema_version":1,"organisation":"exercise","currency":"EUR","fiscal_year_start_month":1,
"settings":{{"records_complete_through":"2025-12-31"}},
"services":[{{"id":"s1","name":"one"}},{{"id":"s2","name":"two"}}],
"projects":[
 {{"id":"p1","title":"first","lead_service":"s1","contributing_services":["s2"],"objectives":["o2"],"stages":[{{"stage":"registered","date":"2024-01-10"}},{{"stage":"complete","date":"2024-02-01"}},{{"stage":"approved","date":"2024-03-15"}},{{"stage":"started","date":"2024-05-02"}},{{"stage":"delivered","date":"2025-06-30"}}],"planned_cost":"100000.00","actual_cost":"98000.00","planned_end":"2025-07-31","own_funds":"20000.00"}},
 {{"id":"p2","title":"second","lead_service":"s2","stages":[{{"stage":"registered","date":"2025-02-10"}},{{"stage":"rejected","date":"2025-04-01"}},{{"stage":"closed","date":"2025-05-01"}}],"planned_cost":"5000"}}],
"partners":[{{"id":"a1","name":"state","kind":"state","joined":"2024-01-01"}},{{"id":"a2","name":"firm","kind":"company"}}],
"commitments":[
 {{"id":"c1","partner":"a1","project":"p1","kind":"grant","steps":[{{"status":"pledged","date":"2024-02-01","amount":"50000"}},{{"status":"signed","date":"2024-04-01","amount":"45000"}},{{"status":"received","date":"2025-01-15","amount":"20000.50"}}]}},
 {{"id":"c2","partner":"a2","kind":"sponsorship","steps":[{{"status":"signed","date":"2025-03-01","amount":"1500"}}]}}],
"indicators":[{indicators}
 {{"id":"q","name":"quarterly","unit":"u","polarity":"higher_is_better","frequency":"quarterly","aggregation":"sum","baseline":{{"period":"2024-Q1","value":5}},"trajectory":{{"from":{{"period":"2024-Q1","value":5}},"to":{{"period":"2025-Q4","value":12}}}},"scoring":{{"method":"linear_progress"}},"measurements":[{quarters}]}},
 {{"id":"mo","name":"monthly","unit":"d","polarity":"lower_is_better","frequency":"monthly","aggregation":"mean","scoring":{{"method":"goal_red_flag","goal":30,"red_flag":60}},"measurements":[{months}]}},
 {{"id":"c","name":"calculated","unit":"u","polarity":"higher_is_better","frequency":"quarterly","aggregation":"last","source":{{"kind":"calculated","expression":"q / max(m0, 1)"}},"trajectory":{{"from":{{"period":"2024-Q1","value":1}},"to":{{"period":"2025-Q4","value":5}}}},"scoring":{{"method":"linear_progress"}}}}],
"scorecard":{{"perspectives":[{{"id":"p_a","name":"A","weight":2}},{{"id":"p_b","name":"B"}}],
 "objectives":[{{"id":"o1","name":"measured","perspective":"p_a","indicators":[{{"indicator":"q","weight":2}},{{"indicator":"mo"}},{{"indicator":"c"}}]}},
  {{"id":"o2","name":"derived","perspective":"p_b","indicators":[{links}]}}],
 "links":[{{"from":"o2","to":"o1","sign":"positive","lag":1}}]}}}}"#
    )
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]
    use super::*;
    use crate::model::indicator::IndicatorSource;
    use crate::model::period::Period;
    use crate::model::workspace::Workspace;

    #[test]
    fn it_is_valid_and_every_metric_is_there() {
        let ws = Workspace::from_json(&exercise_json()).unwrap();
        assert!(ws.problems().is_empty(), "{:?}", ws.problems());
        let derived: Vec<Metric> = ws
            .indicators
            .iter()
            .filter_map(|i| match i.source {
                IndicatorSource::Derived { metric } => Some(metric),
                _ => None,
            })
            .collect();
        assert_eq!(derived, Metric::ALL.to_vec());
        let ev = crate::evaluate(&ws, Period::Quarter { year: 2025, quarter: 4 }).unwrap();
        // the measured, monthly and calculated indicators and the root all have a score
        for id in ["q", "mo", "c", "o1", "scorecard"] {
            assert!(ev.node(id).unwrap().score.is_some(), "{id} has no score");
        }
        // 2025-Q4 caseload: p1 is registered 2024-01-10 and never closed, p2 closed 2025-05-01
        assert_eq!(ev.node("m0").unwrap().value, Some(1.0));
        assert_eq!(ev.links.len(), 1);
    }
}
