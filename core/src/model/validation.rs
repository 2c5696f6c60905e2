//! Validation: every problem of a workspace at once, each with its path.
//!
//! Rules (each has a failing and a passing test in `tests/validation.rs`):
//! - organisation: a name; a 3-letter currency; a fiscal start month in 1-12; settings in range
//!   (status cut-offs are scores between 0 and 100, amber at most green);
//! - ids: not empty; unique among services, projects, partners, commitments; unique across
//!   perspectives, objectives and indicators together (they are all scorecard nodes);
//! - references: every service, objective, partner, project, perspective and indicator id
//!   used must exist;
//! - money: no negative amount; the tranches of one status of a commitment add up to an
//!   amount the library can hold (at most `Decimal::MAX`, about 7.9e28);
//! - dates: between 1900 and 2100; a file's stages in life order with non-decreasing dates,
//!   each stage at most once, starting with `registered`, at most one decision, nothing after
//!   a rejection but closing or abandoning;
//! - commitments: received never more than signed (when anything is signed);
//! - weights: positive, finite and at most 1e12 (they are relative); schedules in time order;
//! - the strategy map: no cycle (the cycle is named), no link from an objective to itself;
//! - indicators: measurements at the indicator's frequency, one per period, finite values,
//!   numerator and denominator where the aggregation needs them; targets at the indicator's
//!   frequency or a coarser one (zero or more under a ratio to target, trajectory included);
//!   scoring parameters consistent (caps above 0 and at most 1000, cut-offs between 0 and
//!   100); calculated formulas that parse, name existing indicators and form no cycle;
//!   derived indicators carry no measurements.
//!
//! The ranges of issue #14 (cut-offs, caps, weights, ratio targets) are tested in
//! `tests/overflow.rs`, with the arithmetic they protect.

use std::collections::{HashMap, HashSet};

use chrono::{Datelike, NaiveDate};
use rust_decimal::Decimal;

use crate::engine::expression::Expr;
use crate::engine::scoring::ScoringMethod;
use crate::error::{Path, Problem};
use crate::model::commitment::FundingStatus;
use crate::model::indicator::{Indicator, IndicatorSource, Measurement, TimeAggregation};
use crate::model::period::{Calendar, MAX_YEAR, MIN_YEAR};
use crate::model::project::{Stage, StageEvent};
use crate::model::scorecard::Weight;
use crate::model::workspace::Workspace;

/// Every problem of the workspace (empty when it is valid).
pub fn problems(ws: &Workspace) -> Vec<Problem> {
    problems_ignoring(ws, &HashSet::new())
}

/// Like [`problems`], but references to the ids in `undecoded` (records that failed to
/// decode and are reported already) are not reported again.
pub fn problems_ignoring(ws: &Workspace, undecoded: &HashSet<String>) -> Vec<Problem> {
    let mut v = Validator { out: Vec::new(), undecoded };
    v.organisation(ws);
    v.ids(ws);
    v.projects(ws);
    v.commitments(ws);
    v.scorecard(ws);
    v.indicators(ws);
    v.out
}

struct Validator<'a> {
    out: Vec<Problem>,
    undecoded: &'a HashSet<String>,
}

fn check_date(v: &mut Validator<'_>, path: Path, date: NaiveDate) {
    if let Some(message) = date_problem(date) {
        v.push(path, message);
    }
}

/// Why a stored date (a project stage, a commitment step, a partner's joining, a planned
/// end) is refused, if it is: its year is outside [`MIN_YEAR`]-[`MAX_YEAR`]. The whole-file
/// validation and the bindings' record builders share this rule and its message, so that a
/// date refused on load is refused at the call that would store it.
pub fn date_problem(date: NaiveDate) -> Option<String> {
    if (MIN_YEAR..=MAX_YEAR).contains(&date.year()) {
        None
    } else {
        Some(format!("the date {date} is outside the supported years {MIN_YEAR}-{MAX_YEAR}"))
    }
}

impl Validator<'_> {
    fn push(&mut self, path: impl Into<Path>, message: impl Into<String>) {
        self.out.push(Problem::new(path, message));
    }

    fn reference(&mut self, path: Path, what: &str, id: &str, known: &HashSet<&str>) {
        if !known.contains(id) && !self.undecoded.contains(id) {
            self.push(path, format!("unknown {what} {id:?}"));
        }
    }

    fn amount(&mut self, path: Path, amount: Decimal) {
        if amount.is_sign_negative() && !amount.is_zero() {
            self.push(path, format!("the amount {amount} is negative"));
        }
    }

    fn weight(&mut self, path: Path, w: &Weight, calendar: Calendar) {
        self.out.extend(w.value_problems(&path));
        if let Weight::Schedule(changes) = w {
            if changes.is_empty() {
                self.push(path.clone(), "a weight schedule needs at least one weight");
            }
            for i in 1..changes.len() {
                // Compared by start month under the workspace's fiscal calendar (as
                // `Weight::at` reads them): two changes starting the same month are
                // ambiguous, and `2025-Q1` starts after `2025-03` when the fiscal year
                // starts in April.
                let starts = |k: usize| changes.get(k).map(|c| c.from.first_month(calendar));
                if starts(i - 1) >= starts(i) {
                    self.push(
                        path.index(i).field("from"),
                        "weight changes must be in time order, each starting in a later month",
                    );
                }
            }
        }
    }

    /// Reports invalid, duplicate and case-twin ids among `ids` (a twin is named with the
    /// first id of its fold). Only the ids that differ from their fold are kept with it: an
    /// owned fold of every id weighed more than the records themselves on a file of millions
    /// of tiny partners.
    fn unique<'b>(&mut self, name: &str, ids: impl Iterator<Item = &'b str>) {
        // every valid id, with the position where it first appears
        let mut seen: HashMap<&'b str, usize> = HashMap::new();
        // the first id (and its position) of each fold among the ids that are not their own fold
        let mut unfolded: HashMap<String, (&'b str, usize)> = HashMap::new();
        // the id checks name a record by its position: its id is what is wrong
        let name = Path::root(name);
        for (i, id) in ids.enumerate() {
            if let Some(message) = id_problem(id) {
                self.push(name.index(i).field("id"), message);
                continue;
            }
            if let Some(first) = seen.insert(id, i) {
                seen.insert(id, first);
                self.push(name.index(i).field("id"), format!("duplicate id {id:?}"));
                continue;
            }
            let fold = fold_id(id);
            // the first id with this fold: the fold itself (when it is an id) or the first
            // id that is not its own fold, whichever comes first
            let canonical = seen.get_key_value(fold.as_str()).map(|(&k, &j)| (k, j)).filter(|&(_, j)| j != i);
            let first = match (canonical, unfolded.get(&fold).copied()) {
                (Some(a), Some(b)) => Some(if a.1 < b.1 { a } else { b }),
                (a, b) => a.or(b),
            };
            match first {
                Some((first, k)) => {
                    self.push(
                        name.index(i).field("id"),
                        case_twin(id, first, &name.index(k).field("id").to_string()),
                    );
                }
                None if fold != id => {
                    unfolded.insert(fold, (id, i));
                }
                None => {}
            }
        }
    }

    fn organisation(&mut self, ws: &Workspace) {
        for p in identity_problems(&ws.organisation, &ws.currency, ws.fiscal_year_start_month) {
            self.out.push(p);
        }
        let s = &ws.settings;
        if let Some(m) = thresholds_problem(&s.thresholds) {
            self.push("settings.thresholds", m);
        }
        if !(s.stability_tolerance.is_finite() && s.stability_tolerance >= 0.0) {
            self.push("settings.stability_tolerance", "must be a number >= 0");
        }
        if s.forecast_window < 2 {
            self.push("settings.forecast_window", "a forecast needs a window of at least 2 periods");
        }
        if s.min_correlation_periods < 3 {
            self.push("settings.min_correlation_periods", "a correlation needs at least 3 periods");
        }
    }

    fn ids(&mut self, ws: &Workspace) {
        self.unique("services", ws.services.iter().map(|s| s.id.as_str()));
        self.unique("projects", ws.projects.iter().map(|s| s.id.as_str()));
        self.unique("partners", ws.partners.iter().map(|s| s.id.as_str()));
        self.unique("commitments", ws.commitments.iter().map(|s| s.id.as_str()));
        // Scorecard nodes share one namespace.
        let mut seen: HashMap<&str, Path> = HashMap::new();
        let nodes = ws
            .scorecard
            .perspectives
            .iter()
            .enumerate()
            .map(|(i, p)| (Path::root("scorecard").field("perspectives").index(i).field("id"), p.id.as_str()))
            .chain(ws.scorecard.objectives.iter().enumerate().map(|(i, o)| {
                (Path::root("scorecard").field("objectives").index(i).field("id"), o.id.as_str())
            }))
            .chain(
                ws.indicators
                    .iter()
                    .enumerate()
                    .map(|(i, o)| (Path::root("indicators").index(i).field("id"), o.id.as_str())),
            );
        let mut folded: HashMap<String, (&str, String)> = HashMap::new();
        for (path, id) in nodes {
            if let Some(message) = id_problem(id) {
                self.push(path, message);
            } else if let Some(first) = seen.get(id) {
                self.push(path, format!("duplicate id {id:?} (also at {first}); perspectives, objectives and indicators share one set of ids"));
            } else if let Some((twin, at)) = folded.get(&fold_id(id)) {
                let message = case_twin(id, twin, at);
                self.push(path, message);
            } else {
                folded.insert(fold_id(id), (id, path.to_string()));
                seen.insert(id, path);
            }
        }
        for p in &ws.partners {
            if let Some(d) = p.joined {
                check_date(self, Path::root("partners").id(&p.id).field("joined"), d);
            }
        }
    }

    fn projects(&mut self, ws: &Workspace) {
        let services: HashSet<&str> = ws.services.iter().map(|s| s.id.as_str()).collect();
        let objectives: HashSet<&str> = ws.scorecard.objectives.iter().map(|s| s.id.as_str()).collect();
        for p in &ws.projects {
            let at = Path::root("projects").id(&p.id);
            self.reference(at.field("lead_service"), "service", &p.lead_service, &services);
            for (j, s) in p.contributing_services.iter().enumerate() {
                self.reference(at.field("contributing_services").index(j), "service", s, &services);
                if *s == p.lead_service {
                    self.push(
                        at.field("contributing_services").index(j),
                        format!("{s:?} is already the lead service"),
                    );
                }
            }
            for (j, o) in p.objectives.iter().enumerate() {
                self.reference(at.field("objectives").index(j), "objective", o, &objectives);
            }
            // lists that are sets: a second mention would count a service (or an objective)
            // twice in transversality and in the splits
            for (list, items) in
                [("contributing_services", &p.contributing_services), ("objectives", &p.objectives)]
            {
                for (j, s) in items.iter().enumerate() {
                    if items.iter().take(j).any(|x| x == s) {
                        self.push(at.field(list).index(j), format!("{s:?} is listed twice"));
                    }
                }
            }
            for (name, amount) in
                [("planned_cost", p.planned_cost), ("actual_cost", p.actual_cost), ("own_funds", p.own_funds)]
            {
                if let Some(a) = amount {
                    self.amount(at.field(name), a);
                }
            }
            if let Some(d) = p.planned_end {
                check_date(self, at.field("planned_end"), d);
            }
            self.stages(&at, p);
        }
    }

    fn stages(&mut self, at: &Path, p: &crate::model::project::Project) {
        if p.stages.is_empty() {
            self.push(at.field("stages"), "a file needs at least its registration date");
            return;
        }
        if p.stages[0].stage != Stage::Registered {
            self.push(at.field("stages").index(0), "a file's history starts with \"registered\"");
        }
        let mut seen = HashSet::new();
        let mut decisions = 0;
        let mut rejected = false;
        let mut last_ranked: Option<&StageEvent> = None;
        for (j, e) in p.stages.iter().enumerate() {
            let path = at.field("stages").index(j);
            check_date(self, path.field("date"), e.date);
            if !seen.insert(e.stage) {
                self.push(path.clone(), format!("the stage {:?} appears twice", e.stage.as_str()));
            }
            if e.stage.is_decision() {
                decisions += 1;
                if decisions == 2 {
                    self.push(path.clone(), "a file is decided once: approved or rejected, not both");
                }
            }
            if rejected && matches!(e.stage, Stage::Started | Stage::Delivered) {
                self.push(path.clone(), format!("a rejected file cannot be {}", e.stage.as_str()));
            }
            if e.stage == Stage::Rejected {
                rejected = true;
            }
            // The notification follows the decision; it may come before or after the work
            // starts (an anticipated start), so it is kept out of the order of the others.
            if e.stage == Stage::Notified {
                if decisions == 0 {
                    self.push(
                        path.clone(),
                        "notified needs a decision (approved or rejected) listed before it",
                    );
                }
            } else {
                if let Some(prev) =
                    last_ranked.filter(|prev: &&StageEvent| e.stage.rank() < prev.stage.rank())
                {
                    self.push(
                        path.clone(),
                        format!("{} cannot come after {}", e.stage.as_str(), prev.stage.as_str()),
                    );
                }
                last_ranked = Some(e);
            }
            if j > 0 {
                let prev = &p.stages[j - 1];
                if e.date < prev.date {
                    self.push(
                        path.field("date"),
                        format!(
                            "{} on {} is before {} on {}: stage dates are out of order",
                            e.stage.as_str(),
                            e.date,
                            prev.stage.as_str(),
                            prev.date
                        ),
                    );
                }
                if prev.stage.is_terminal() && e.stage != prev.stage {
                    self.push(path, format!("nothing can follow {}", prev.stage.as_str()));
                }
            }
        }
    }

    fn commitments(&mut self, ws: &Workspace) {
        let partners: HashSet<&str> = ws.partners.iter().map(|s| s.id.as_str()).collect();
        let projects: HashSet<&str> = ws.projects.iter().map(|s| s.id.as_str()).collect();
        for c in &ws.commitments {
            let at = Path::root("commitments").id(&c.id);
            self.reference(at.field("partner"), "partner", &c.partner, &partners);
            if let Some(p) = &c.project {
                self.reference(at.field("project"), "project", p, &projects);
            }
            if c.steps.is_empty() {
                self.push(at.field("steps"), "a commitment needs at least one dated step");
            }
            for (j, s) in c.steps.iter().enumerate() {
                self.amount(at.field("steps").index(j).field("amount"), s.amount);
                check_date(self, at.field("steps").index(j).field("date"), s.date);
            }
            for status in FundingStatus::ALL {
                if c.amount(status, None).is_none() {
                    self.push(
                        at.field("steps"),
                        format!(
                            "the {} steps add up to more than the largest amount the library can hold ({})",
                            status.as_str(),
                            Decimal::MAX
                        ),
                    );
                }
            }
            let signed = c.amount(FundingStatus::Signed, None);
            let received = c.amount(FundingStatus::Received, None);
            let has_signed = c.steps.iter().any(|s| s.status == FundingStatus::Signed);
            if let (true, Some(signed), Some(received)) = (has_signed, signed, received)
                && received > signed
            {
                self.push(at.field("steps"), format!("received {received} is more than signed {signed}"));
            }
            // A status reached before the previous one was.
            let first = |st| c.first_date(st);
            if let (Some(p), Some(s)) = (first(FundingStatus::Pledged), first(FundingStatus::Signed)) {
                if s < p {
                    self.push(at.field("steps"), format!("signed on {s}, before it was pledged on {p}"));
                }
            }
            if let (Some(s), Some(r)) = (first(FundingStatus::Signed), first(FundingStatus::Received)) {
                if r < s {
                    self.push(at.field("steps"), format!("received on {r}, before it was signed on {s}"));
                }
            }
        }
    }

    fn scorecard(&mut self, ws: &Workspace) {
        let sc = &ws.scorecard;
        let calendar = ws.calendar();
        let perspectives: HashSet<&str> = sc.perspectives.iter().map(|p| p.id.as_str()).collect();
        let objectives: HashSet<&str> = sc.objectives.iter().map(|p| p.id.as_str()).collect();
        let indicators: HashSet<&str> = ws.indicators.iter().map(|p| p.id.as_str()).collect();
        self.rollup(&Path::root("scorecard").field("rollup"), &sc.rollup);
        for p in &sc.perspectives {
            let at = Path::root("scorecard").field("perspectives").id(&p.id);
            self.weight(at.field("weight"), &p.weight, calendar);
            self.rollup(&at.field("rollup"), &p.rollup);
        }
        for o in &sc.objectives {
            let at = Path::root("scorecard").field("objectives").id(&o.id);
            self.reference(at.field("perspective"), "perspective", &o.perspective, &perspectives);
            self.weight(at.field("weight"), &o.weight, calendar);
            self.rollup(&at.field("rollup"), &o.rollup);
            let mut linked = HashSet::new();
            for (j, l) in o.indicators.iter().enumerate() {
                self.reference(
                    at.field("indicators").index(j).field("indicator"),
                    "indicator",
                    &l.indicator,
                    &indicators,
                );
                self.weight(at.field("indicators").index(j).field("weight"), &l.weight, calendar);
                if !linked.insert(l.indicator.as_str()) {
                    self.push(
                        at.field("indicators").index(j).field("indicator"),
                        format!("{:?} is linked twice", l.indicator),
                    );
                }
            }
        }
        for (i, l) in sc.links.iter().enumerate() {
            let at = Path::root("scorecard").field("links").index(i);
            self.reference(at.field("from"), "objective", &l.from, &objectives);
            self.reference(at.field("to"), "objective", &l.to, &objectives);
            if l.from == l.to {
                self.push(at, format!("{:?} cannot be its own cause", l.from));
            }
        }
        let edges: Vec<(&str, &str)> =
            sc.links.iter().filter(|l| l.from != l.to).map(|l| (l.from.as_str(), l.to.as_str())).collect();
        if let Some(cycle) = find_cycle(&edges) {
            self.push("scorecard.links", format!("the strategy map has a cycle: {}", cycle.join(" -> ")));
        }
    }

    fn rollup(&mut self, path: &Path, r: &crate::model::scorecard::Rollup) {
        if !(r.min_coverage.is_finite() && (0.0..=1.0).contains(&r.min_coverage)) {
            self.push(
                path.field("min_coverage"),
                format!("a coverage is a share between 0 and 1, not {}", r.min_coverage),
            );
        }
    }

    fn indicators(&mut self, ws: &Workspace) {
        let services: HashSet<&str> = ws.services.iter().map(|s| s.id.as_str()).collect();
        let indicator_ids: HashSet<&str> = ws.indicators.iter().map(|s| s.id.as_str()).collect();
        let mut formula_edges: Vec<(&str, &str)> = Vec::new();
        for ind in &ws.indicators {
            let at = Path::root("indicators").id(&ind.id);
            if let Some(s) = &ind.service {
                self.reference(at.field("service"), "service", s, &services);
            }
            let freq = ind.frequency;
            let ratio = matches!(ind.scoring, ScoringMethod::RatioToTarget { .. });
            let mut periods = HashSet::new();
            for (j, m) in ind.measurements.iter().enumerate() {
                let mp = at.field("measurements").index(j);
                if !periods.insert(m.period) {
                    self.push(mp.field("period"), format!("a second measurement for {}", m.period));
                }
                for problem in measurement_problems(ind, m, &mp) {
                    self.out.push(problem);
                }
            }
            for (j, t) in ind.targets.iter().enumerate() {
                if !t.period.frequency().is_coarser_or_equal(freq) {
                    self.push(
                        at.field("targets").index(j).field("period"),
                        format!(
                            "the target period {} is finer than the indicator's frequency ({freq})",
                            t.period
                        ),
                    );
                }
                if !t.value.is_finite() {
                    self.push(at.field("targets").index(j).field("value"), "must be a finite number");
                } else if ratio && t.value < 0.0 {
                    self.push(at.field("targets").index(j).field("value"), negative_ratio_target(t.value));
                }
            }
            if let Some(b) = &ind.baseline {
                if !b.value.is_finite() {
                    self.push(at.field("baseline").field("value"), "must be a finite number");
                }
            }
            if let (Some(t), true) = (&ind.trajectory, ratio) {
                let points = [("from", &t.from)].into_iter().chain(std::iter::once(("to", &t.to)));
                let named = points.map(|(n, p)| (Path::root(n), p)).chain(
                    t.milestones.iter().enumerate().map(|(k, p)| (Path::root("milestones").index(k), p)),
                );
                for (name, p) in named {
                    if p.value < 0.0 {
                        self.push(
                            at.field("trajectory").join(&name).field("value"),
                            negative_ratio_target(p.value),
                        );
                    }
                }
            }
            if let Some(t) = &ind.trajectory {
                let points: Vec<_> = std::iter::once(&t.from)
                    .chain(t.milestones.iter())
                    .chain(std::iter::once(&t.to))
                    .collect();
                for w in points.windows(2) {
                    if w[0].period.first_month(ws.calendar()) >= w[1].period.first_month(ws.calendar()) {
                        self.push(
                            at.field("trajectory"),
                            format!(
                                "the trajectory goes back in time ({} then {})",
                                w[0].period, w[1].period
                            ),
                        );
                    }
                }
                for (name, p) in [("from", &t.from), ("to", &t.to)] {
                    if !p.period.frequency().is_coarser_or_equal(freq) {
                        self.push(
                            at.field("trajectory").field(name).field("period"),
                            format!("{} is finer than the indicator's frequency ({freq})", p.period),
                        );
                    }
                }
            }
            if let Some(th) = &ind.thresholds {
                if let Some(m) = thresholds_problem(th) {
                    self.push(at.field("thresholds"), m);
                }
            }
            if ind.min_group_size == Some(0) {
                self.push(at.field("min_group_size"), "a minimum group size is at least 1");
            }
            self.scoring(&at.field("scoring"), &ind.scoring);
            match &ind.source {
                IndicatorSource::Measured => {}
                IndicatorSource::Calculated { expression } => {
                    if !ind.measurements.is_empty() {
                        self.push(at.field("measurements"), "a calculated indicator takes no measurements");
                    }
                    match Expr::parse(expression) {
                        Err(e) => self.push(
                            at.field("source").field("expression"),
                            format!("cannot read the formula: {e}"),
                        ),
                        Ok(expr) => {
                            for r in expr.references() {
                                if !indicator_ids.contains(r) && !self.undecoded.contains(r) {
                                    self.push(
                                        at.field("source").field("expression"),
                                        format!("unknown indicator {r:?} in the formula"),
                                    );
                                } else if let Some(&other) = indicator_ids.get(r) {
                                    formula_edges.push((other, ind.id.as_str()));
                                }
                            }
                        }
                    }
                }
                IndicatorSource::Derived { .. } => {
                    if !ind.measurements.is_empty() {
                        self.push(
                            at.field("measurements"),
                            "a derived indicator takes its values from the records, not from measurements",
                        );
                    }
                }
            }
        }
        if let Some(cycle) = find_cycle(&formula_edges) {
            self.push(
                "indicators",
                format!("calculated indicators depend on each other in a cycle: {}", cycle.join(" -> ")),
            );
        }
    }

    fn scoring(&mut self, at: &Path, s: &ScoringMethod) {
        let finite = |x: f64| x.is_finite();
        match s {
            ScoringMethod::LinearProgress { cap, .. } | ScoringMethod::RatioToTarget { cap, .. } => {
                if let Some(m) = cap.and_then(cap_problem) {
                    self.push(at.field("cap"), m);
                }
            }
            ScoringMethod::GoalRedFlag { goal, red_flag } => {
                if !finite(*red_flag) || goal.is_some_and(|g| !finite(g)) {
                    self.push(at.clone(), "goal and red flag must be finite numbers");
                } else if *goal == Some(*red_flag) {
                    self.push(at.clone(), "the goal and the red flag cannot be equal");
                }
            }
            ScoringMethod::Band { low, high, tolerance } => {
                if !(finite(*low) && finite(*high) && low <= high) {
                    self.push(at.clone(), "a band needs low <= high");
                }
                if !(finite(*tolerance) && *tolerance > 0.0) {
                    self.push(at.field("tolerance"), "the tolerance must be a positive number");
                }
            }
            ScoringMethod::MinMax { min, max, log } => {
                if !(finite(*min) && finite(*max) && min < max) {
                    self.push(at.clone(), "goalposts need min < max");
                }
                if *log && *min <= 0.0 {
                    self.push(at.field("min"), "on a logarithmic scale the goalposts must be > 0");
                }
            }
            ScoringMethod::StatusRules { rules, otherwise_score, .. } => {
                for (i, r) in rules.iter().enumerate() {
                    if !finite(r.threshold) {
                        self.push(at.field("rules").index(i).field("threshold"), "must be a finite number");
                    }
                    if r.score.is_some_and(|x| !(finite(x) && (0.0..=100.0).contains(&x))) {
                        self.push(at.field("rules").index(i).field("score"), "a score is between 0 and 100");
                    }
                }
                if otherwise_score.is_some_and(|x| !(finite(x) && (0.0..=100.0).contains(&x))) {
                    self.push(at.field("otherwise_score"), "a score is between 0 and 100");
                }
            }
            ScoringMethod::ExpectedProgress {
                start, end, start_value, end_value, milestones, cap, ..
            } => {
                if start >= end {
                    self.push(at.clone(), "the start date must be before the end date");
                }
                if !(finite(*start_value) && finite(*end_value)) {
                    self.push(at.clone(), "start and end values must be finite numbers");
                }
                let mut prev = *start;
                for (i, m) in milestones.iter().enumerate() {
                    if m.date <= prev || m.date >= *end {
                        self.push(
                            at.field("milestones").index(i).field("date"),
                            "milestones must be in date order between start and end",
                        );
                    }
                    prev = m.date;
                }
                if let Some(m) = cap.and_then(cap_problem) {
                    self.push(at.field("cap"), m);
                }
            }
        }
    }
}

/// Largest relative gap allowed between a measurement's `value` and its
/// `numerator / denominator` (0.5 %: room for a value rounded to a few digits).
pub const VALUE_RATIO_TOLERANCE: f64 = 0.005;

/// Smallest gap tolerated when the ratio is 0 (where a relative gap means nothing).
const VALUE_RATIO_FLOOR: f64 = 1e-9;

/// Why a measurement's value disagrees with its numerator / denominator, if it does: the
/// value must equal the ratio (a fraction, never scaled by the unit) within
/// [`VALUE_RATIO_TOLERANCE`] of it. Nothing to compare without all three finite numbers or
/// with a zero denominator.
fn value_disagrees(value: Option<f64>, numerator: Option<f64>, denominator: Option<f64>) -> Option<String> {
    let (v, n, d) = (value?, numerator?, denominator?);
    if !(v.is_finite() && n.is_finite() && d.is_finite()) || d == 0.0 {
        return None;
    }
    let r = n / d;
    let allowed = (r.abs() * VALUE_RATIO_TOLERANCE).max(VALUE_RATIO_FLOOR);
    if !r.is_finite() || (v - r).abs() <= allowed {
        return None;
    }
    let percent = 100.0 * r;
    let hint = if r != 0.0 && (v - percent).abs() <= percent.abs() * VALUE_RATIO_TOLERANCE {
        " (the value is 100 times the ratio: a rate is a fraction, 0.05 for 5 %)"
    } else {
        ""
    };
    Some(format!(
        "the value {v} disagrees with numerator / denominator = {n} / {d} = {r}{hint}; give the value or the ratio, or make them agree"
    ))
}

/// A cycle in a directed graph, as the list of its nodes with the first repeated at the end.
pub fn find_cycle<'a>(edges: &[(&'a str, &'a str)]) -> Option<Vec<&'a str>> {
    let mut adj: HashMap<&str, Vec<&str>> = HashMap::new();
    // Nodes in order of first appearance (so the cycle reported does not depend on hashing).
    let mut nodes: Vec<&str> = Vec::new();
    let mut known: HashSet<&str> = HashSet::new();
    for &(a, b) in edges {
        adj.entry(a).or_default().push(b);
        for n in [a, b] {
            if known.insert(n) {
                nodes.push(n);
            }
        }
    }
    // Iterative DFS with colours: 0 = new, 1 = on the stack, 2 = done.
    let mut colour: HashMap<&str, u8> = HashMap::new();
    for &start in &nodes {
        if colour.get(start).copied().unwrap_or(0) != 0 {
            continue;
        }
        let mut stack: Vec<(&str, usize)> = vec![(start, 0)];
        colour.insert(start, 1);
        while let Some(&mut (node, ref mut next)) = stack.last_mut() {
            let children = adj.get(node).map(|v| v.as_slice()).unwrap_or(&[]);
            if *next < children.len() {
                let child = children[*next];
                *next += 1;
                match colour.get(child).copied().unwrap_or(0) {
                    0 => {
                        colour.insert(child, 1);
                        stack.push((child, 0));
                    }
                    1 => {
                        let pos = stack.iter().position(|(n, _)| *n == child).unwrap_or(0);
                        let mut cycle: Vec<&str> = stack[pos..].iter().map(|(n, _)| *n).collect();
                        cycle.push(child);
                        return Some(cycle);
                    }
                    _ => {}
                }
            } else {
                colour.insert(node, 2);
                stack.pop();
            }
        }
    }
    None
}

/// The problems of one measurement of `ind`, with paths under `mp` (its own path, e.g.
/// `indicators[ind_x].measurements[7]`): its frequency, finite values, a value or a ratio, a
/// non-negative denominator, a value that agrees with its ratio. The whole-file validation
/// and every edit (`Workspace::put_measurement`, the `Adder` that DataFrames and Python
/// keyword calls go through) apply these same rules, so no input path accepts what another
/// refuses.
pub fn measurement_problems(ind: &Indicator, m: &Measurement, mp: &Path) -> Vec<Problem> {
    let mut out = Vec::new();
    let freq = ind.frequency;
    let mut push = |path: Path, message: &str| out.push(Problem::new(path, message.to_string()));
    if m.period.frequency() != freq {
        push(
            mp.field("period"),
            &format!("{} is {} but the indicator is measured {}", m.period, m.period.frequency(), freq),
        );
    }
    for (name, x) in [("value", m.value), ("numerator", m.numerator), ("denominator", m.denominator)] {
        if let Some(x) = x {
            if !x.is_finite() {
                push(mp.field(name), "must be a finite number");
            }
        }
    }
    if ind.aggregation == TimeAggregation::RatioOfSums && (m.numerator.is_none() || m.denominator.is_none()) {
        push(mp.clone(), "ratio_of_sums needs a numerator and a denominator in every measurement");
    }
    if m.value.is_none() && (m.numerator.is_none() || m.denominator.is_none()) {
        push(mp.clone(), "a measurement needs a value, or a numerator and a denominator");
    }
    if let Some(d) = m.denominator {
        if d < 0.0 {
            push(mp.field("denominator"), "a denominator cannot be negative");
        }
    }
    if let Some(problem) = value_disagrees(m.value, m.numerator, m.denominator) {
        push(mp.clone(), &problem);
    }
    out
}

/// The problems of the organisation's name, currency and fiscal start month: a name that is
/// not blank, an ISO 4217 code in capitals, a month 1-12. The file validation and the
/// setters ([`Workspace::set_organisation`] and its siblings) share them.
pub fn identity_problems(organisation: &str, currency: &str, fiscal_year_start_month: u8) -> Vec<Problem> {
    let mut out = Vec::new();
    if organisation.trim().is_empty() {
        out.push(Problem::new("organisation", "the organisation needs a name"));
    }
    if !(currency.len() == 3 && currency.bytes().all(|b| b.is_ascii_uppercase())) {
        out.push(Problem::new("currency", format!("{currency:?} is not an ISO 4217 code such as \"EUR\"")));
    }
    if !(1..=12).contains(&fiscal_year_start_month) {
        out.push(Problem::new(
            "fiscal_year_start_month",
            format!("{fiscal_year_start_month} is not a month (1-12)"),
        ));
    }
    out
}

/// The largest cap validation accepts: a score of 1000 is ten times the target, beyond any
/// scale a scorecard reads (caps of 110, 120 or 150 are the field's usual ceilings).
pub const MAX_CAP: f64 = 1000.0;

/// What is wrong with a weight, if anything: it must be finite, above 0 and at most
/// [`crate::engine::rollup::MAX_WEIGHT`]. The file validation and the engine (for a workspace built in
/// code) both use it.
pub fn weight_problem(x: f64) -> Option<String> {
    if !(x.is_finite() && x > 0.0) {
        Some(format!("a weight must be a positive number, not {x}"))
    } else if x > crate::engine::rollup::MAX_WEIGHT {
        Some(format!(
            "a weight is at most 1e12 (weights are relative: only their ratios count), not {}",
            crate::engine::scoring::fmt_num(x)
        ))
    } else {
        None
    }
}

/// What is wrong with status cut-offs, if anything: scores between 0 and 100, amber at most
/// green.
fn thresholds_problem(t: &crate::engine::scoring::StatusThresholds) -> Option<String> {
    let score = |x: f64| x.is_finite() && (0.0..=100.0).contains(&x);
    if !(score(t.amber) && score(t.green)) {
        Some(format!(
            "the cut-offs are scores between 0 and 100, not amber {} and green {}",
            crate::engine::scoring::fmt_num(t.amber),
            crate::engine::scoring::fmt_num(t.green)
        ))
    } else if t.amber > t.green {
        Some("the amber cut-off must be a number at most the green one".to_string())
    } else {
        None
    }
}

/// What is wrong with a score cap, if anything: above 0 and at most [`MAX_CAP`].
fn cap_problem(c: f64) -> Option<String> {
    if !(c.is_finite() && c > 0.0) {
        Some("a cap is a positive number (or null for none)".to_string())
    } else if c > MAX_CAP {
        Some(format!(
            "a cap is at most 1000 (ten times the target; null for none), not {}",
            crate::engine::scoring::fmt_num(c)
        ))
    } else {
        None
    }
}

fn negative_ratio_target(x: f64) -> String {
    format!(
        "a ratio to target needs a target of zero or more, not {}: the ratio of a negative target has no meaning (score it by linear progress instead)",
        crate::engine::scoring::fmt_num(x)
    )
}

/// Why an id is refused on its own, if it is. An id must read as it looks, so that two ids
/// that look alike are the same id:
/// - not blank, and no space at its start or end;
/// - no control character, and no invisible or format character: zero-width spaces and
///   joiners (U+200B-U+200D, U+2060), the byte-order mark (U+FEFF), bidirectional marks
///   and controls (U+200E, U+200F, U+061C, U+202A-U+202E, U+2066-U+2069), the soft hyphen,
///   variation selectors, tags; no space other than U+0020 (a no-break space looks like a
///   space);
/// - no combining mark of the Latin, Greek and Cyrillic blocks (U+0300-U+036F...): a
///   decomposed "é" (`e` + U+0301) is refused rather than kept distinct from the precomposed
///   "é", so every accepted id of these scripts is already in Unicode normal form C (NFC),
///   without carrying normalisation tables; likewise the few characters that NFC replaces by
///   another (U+212A KELVIN SIGN for `K`, U+212B ANGSTROM SIGN for `Å`, CJK compatibility
///   ideographs...) and conjoining Hangul jamo (write the syllable).
///
/// The whole-file validation (hence JSON load and CSV import) and every edit call
/// ([`Workspace::add_partner`] and its siblings, the [`crate::model::edit::Adder`], the bindings'
/// builders) apply it. Ids that differ only by case are refused as duplicates elsewhere
/// ([`fold_id`]).
pub fn id_problem(id: &str) -> Option<String> {
    if id.trim().is_empty() {
        return Some("the id is empty".to_string());
    }
    if id.trim() != id {
        return Some(format!("the id {id:?} starts or ends with a space: remove it"));
    }
    let mut previous = None;
    for c in id.chars() {
        let code = format!("U+{:04X}", u32::from(c));
        if c.is_control() {
            return Some(format!("the id {id:?} contains the control character {code}"));
        }
        if is_invisible(c) {
            return Some(format!(
                "the id {id:?} contains the invisible character {code}: remove it (an id must read as it looks)"
            ));
        }
        if c.is_whitespace() && c != ' ' {
            return Some(format!("the id {id:?} contains the space character {code}: use a plain space"));
        }
        if is_combining(c) {
            let after = previous.map(|p: char| format!(" after {:?}", p.to_string())).unwrap_or_default();
            return Some(format!(
                "the id {id:?} contains the combining mark {code}{after}: write the letter precomposed \
                 (\"é\" as one character, as keyboards type it), so that ids that look alike are alike"
            ));
        }
        if is_not_nfc(c) {
            return Some(format!(
                "the id {id:?} contains {code}, which Unicode normalisation (NFC) replaces by another \
                 character: write that character instead"
            ));
        }
        previous = Some(c);
    }
    None
}

/// The spelling under which two ids are the same id: lower case. Ids of one kind (and the
/// scorecard nodes together) must differ after folding: `"p-1"` and `"P-1"` are
/// confusable duplicates, as are `"Élan"` and `"élan"`.
///
/// Folds the capitals of ASCII, Latin-1, Latin Extended-A (the letters of French and the
/// other languages of Western and Central Europe), basic Greek and basic Cyrillic, and
/// leaves every other character as it is: `str::to_lowercase` would bring Unicode's case
/// tables into the browser package (11 KB gzipped, more than its budget leaves).
pub fn fold_id(id: &str) -> String {
    id.chars().map(fold_char).collect()
}

fn fold_char(c: char) -> char {
    let u = u32::from(c);
    let lower = match u {
        0x41..=0x5A | 0xC0..=0xD6 | 0xD8..=0xDE | 0x391..=0x3A1 | 0x3A3..=0x3AB | 0x410..=0x42F => u + 0x20,
        0x100..=0x137 | 0x14A..=0x177 if u % 2 == 0 => u + 1,
        0x139..=0x148 | 0x179..=0x17E if u % 2 == 1 => u + 1,
        0x178 => 0xFF,
        0x386 => 0x3AC,
        0x388..=0x38A => u + 0x25,
        0x38C => 0x3CC,
        0x38E | 0x38F => u + 0x3F,
        0x400..=0x40F => u + 0x50,
        _ => u,
    };
    char::from_u32(lower).unwrap_or(c)
}

/// The message for an id that differs from an earlier one (at `at`) only by case.
pub(crate) fn case_twin(id: &str, first: &str, at: &str) -> String {
    format!(
        "the id {id:?} differs from {first:?} (at {at}) only by case: ids that differ only by case are \
         confusable, use one spelling"
    )
}

fn is_invisible(c: char) -> bool {
    matches!(
        u32::from(c),
        0x00AD
            | 0x034F
            | 0x061C
            | 0x115F
            | 0x1160
            | 0x17B4
            | 0x17B5
            | 0x180B..=0x180F
            | 0x200B..=0x200F
            | 0x2028..=0x202E
            | 0x2060..=0x2064
            | 0x2066..=0x206F
            | 0x3164
            | 0xFE00..=0xFE0F
            | 0xFEFF
            | 0xFFA0
            | 0xFFF9..=0xFFFB
            | 0x1D173..=0x1D17A
            | 0xE0000..=0xE007F
            | 0xE0100..=0xE01EF
    )
}

/// Combining marks of the blocks that the Latin, Greek and Cyrillic scripts compose with.
fn is_combining(c: char) -> bool {
    matches!(
        u32::from(c),
        0x0300..=0x036F | 0x0483..=0x0489 | 0x1AB0..=0x1AFF | 0x1DC0..=0x1DFF | 0x20D0..=0x20FF | 0xFE20..=0xFE2F
    )
}

/// Characters that NFC replaces by another (singletons), and conjoining Hangul jamo.
fn is_not_nfc(c: char) -> bool {
    matches!(
        u32::from(c),
        0x0374
            | 0x037E
            | 0x0387
            | 0x1100..=0x11FF
            | 0x1F71
            | 0x1F73
            | 0x1F75
            | 0x1F77
            | 0x1F79
            | 0x1F7B
            | 0x1F7D
            | 0x1FBB
            | 0x1FBE
            | 0x1FC9
            | 0x1FCB
            | 0x1FD3
            | 0x1FDB
            | 0x1FE3
            | 0x1FEB
            | 0x1FEE
            | 0x1FEF
            | 0x1FF9
            | 0x1FFB
            | 0x1FFD
            | 0x2000
            | 0x2001
            | 0x2126
            | 0x212A
            | 0x212B
            | 0x2329
            | 0x232A
            | 0x2F800..=0x2FA1D
    ) || (matches!(u32::from(c), 0xF900..=0xFAFF)
        && !matches!(
            u32::from(c),
            0xFA0E | 0xFA0F | 0xFA11 | 0xFA13 | 0xFA14 | 0xFA1F | 0xFA21 | 0xFA23 | 0xFA24 | 0xFA27..=0xFA29
        ))
}

#[cfg(test)]
mod tests {
    use super::*;

    /// What `Validator::unique` said when it kept an owned fold of every id (the rule the
    /// leaner version must keep, message for message).
    fn reference(name: &str, ids: &[&str]) -> Vec<(String, String)> {
        let mut out = Vec::new();
        let mut seen = HashSet::new();
        let mut folded: HashMap<String, (&str, usize)> = HashMap::new();
        let name = Path::root(name);
        for (i, &id) in ids.iter().enumerate() {
            let path = name.index(i).field("id").to_string();
            if let Some(message) = id_problem(id) {
                out.push((path, message));
            } else if !seen.insert(id) {
                out.push((path, format!("duplicate id {id:?}")));
            } else if let Some((first, k)) = folded.get(&fold_id(id)) {
                out.push((path, case_twin(id, first, &name.index(*k).field("id").to_string())));
            } else {
                folded.insert(fold_id(id), (id, i));
            }
        }
        out
    }

    #[test]
    fn unique_reports_what_the_owned_fold_reported() {
        let pool = ["a", "A", "b", "B", "Ab", "aB", "AB", "ab", "É", "é", "", "x y"];
        // every sequence of 4 ids from the pool, repetitions allowed
        let n = pool.len();
        for code in 0..n.pow(4) {
            let ids: Vec<&str> = (0..4).filter_map(|d| pool.get(code / n.pow(d) % n).copied()).collect();
            let undecoded = HashSet::new();
            let mut v = Validator { out: Vec::new(), undecoded: &undecoded };
            v.unique("partners", ids.iter().copied());
            let got: Vec<(String, String)> =
                v.out.into_iter().map(|p| (p.path.to_string(), p.message)).collect();
            assert_eq!(got, reference("partners", &ids), "{ids:?}");
        }
    }
}
