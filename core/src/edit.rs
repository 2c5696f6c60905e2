//! Editing a workspace record by record: add with a check that the id is free, find by id,
//! remove by id. This is what the Python and WebAssembly bindings call, so that every
//! binding edits the same way.
//!
//! Adding refuses an id that is already taken (in its list, or, for perspectives,
//! objectives and indicators, among the three: they share one set of ids) with
//! [`Error::Argument`]; finding or removing an unknown id is [`Error::NotFound`]. References
//! between records (a project's lead service, a commitment's partner...) are *not* checked
//! here, so that records can be added in any order; [`Workspace::validate`] reports them.
//!
//! Each single call scans its list (the lists are public fields: an index kept beside them
//! could go stale). To add many records, use an [`Adder`] ([`Workspace::adder`]): it borrows
//! the workspace, indexes each list by id once, and then checks each addition in constant
//! time, so a loop of n additions is linear instead of quadratic.

use std::collections::{HashMap, HashSet};

use crate::commitment::{Commitment, CommitmentStep};
use crate::error::{Error, Result};
use crate::indicator::{Indicator, Measurement, PeriodValue};
use crate::partner::Partner;
use crate::period::Period;
use crate::project::Project;
use crate::scorecard::{CauseEffect, IndicatorLink, Objective, Perspective};
use crate::workspace::{Service, Workspace};

fn taken(what: &'static str, id: &str) -> Error {
    Error::Argument { name: "id", message: format!("{id:?} is taken already (by the {what} of that id)") }
}

fn position<T>(items: &[T], id: &str, key: impl Fn(&T) -> &str, what: &'static str) -> Result<usize> {
    items.iter().position(|x| key(x) == id).ok_or_else(|| Error::NotFound { what, id: id.to_string() })
}

impl Workspace {
    fn node_taken(&self, id: &str) -> Option<&'static str> {
        if self.scorecard.perspectives.iter().any(|p| p.id == id) {
            Some("perspective")
        } else if self.scorecard.objectives.iter().any(|o| o.id == id) {
            Some("objective")
        } else if self.indicators.iter().any(|i| i.id == id) {
            Some("indicator")
        } else {
            None
        }
    }

    /// Add a service; errors when its id is taken.
    pub fn add_service(&mut self, service: Service) -> Result<()> {
        if self.services.iter().any(|s| s.id == service.id) {
            return Err(taken("service", &service.id));
        }
        self.services.push(service);
        Ok(())
    }

    /// Add a project; errors when its id is taken.
    pub fn add_project(&mut self, project: Project) -> Result<()> {
        if self.projects.iter().any(|p| p.id == project.id) {
            return Err(taken("project", &project.id));
        }
        self.projects.push(project);
        Ok(())
    }

    /// Add a partner; errors when its id is taken.
    pub fn add_partner(&mut self, partner: Partner) -> Result<()> {
        if self.partners.iter().any(|p| p.id == partner.id) {
            return Err(taken("partner", &partner.id));
        }
        self.partners.push(partner);
        Ok(())
    }

    /// Add a commitment; errors when its id is taken.
    pub fn add_commitment(&mut self, commitment: Commitment) -> Result<()> {
        if self.commitments.iter().any(|c| c.id == commitment.id) {
            return Err(taken("commitment", &commitment.id));
        }
        self.commitments.push(commitment);
        Ok(())
    }

    /// Add a perspective; errors when its id is taken by any scorecard node.
    pub fn add_perspective(&mut self, perspective: Perspective) -> Result<()> {
        if let Some(what) = self.node_taken(&perspective.id) {
            return Err(taken(what, &perspective.id));
        }
        self.scorecard.perspectives.push(perspective);
        Ok(())
    }

    /// Add an objective; errors when its id is taken by any scorecard node.
    pub fn add_objective(&mut self, objective: Objective) -> Result<()> {
        if let Some(what) = self.node_taken(&objective.id) {
            return Err(taken(what, &objective.id));
        }
        self.scorecard.objectives.push(objective);
        Ok(())
    }

    /// Add an indicator; errors when its id is taken by any scorecard node.
    pub fn add_indicator(&mut self, indicator: Indicator) -> Result<()> {
        if let Some(what) = self.node_taken(&indicator.id) {
            return Err(taken(what, &indicator.id));
        }
        self.indicators.push(indicator);
        Ok(())
    }

    /// The indicator with this id, to edit.
    pub fn indicator_mut(&mut self, id: &str) -> Result<&mut Indicator> {
        let i = position(&self.indicators, id, |x| &x.id, "indicator")?;
        self.indicators.get_mut(i).ok_or_else(|| Error::NotFound { what: "indicator", id: id.into() })
    }

    /// The objective with this id, to edit.
    pub fn objective_mut(&mut self, id: &str) -> Result<&mut Objective> {
        let i = position(&self.scorecard.objectives, id, |x| &x.id, "objective")?;
        self.scorecard
            .objectives
            .get_mut(i)
            .ok_or_else(|| Error::NotFound { what: "objective", id: id.into() })
    }

    /// The commitment with this id, to edit.
    pub fn commitment_mut(&mut self, id: &str) -> Result<&mut Commitment> {
        let i = position(&self.commitments, id, |x| &x.id, "commitment")?;
        self.commitments.get_mut(i).ok_or_else(|| Error::NotFound { what: "commitment", id: id.into() })
    }

    /// Rename the organisation; a blank name is refused (the rule of the file validation).
    pub fn set_organisation(&mut self, name: &str) -> Result<()> {
        identity("organisation", name, &self.currency, self.fiscal_year_start_month)?;
        self.organisation = name.to_string();
        Ok(())
    }

    /// Set the ISO 4217 currency (`"EUR"`; `"eur"` or `"euro"` are refused).
    pub fn set_currency(&mut self, code: &str) -> Result<()> {
        identity("currency", &self.organisation, code, self.fiscal_year_start_month)?;
        self.currency = code.to_string();
        Ok(())
    }

    /// Set the month (1-12) the fiscal year starts in.
    pub fn set_fiscal_year_start_month(&mut self, month: u8) -> Result<()> {
        identity("fiscal_year_start_month", &self.organisation, &self.currency, month)?;
        self.fiscal_year_start_month = month;
        Ok(())
    }

    /// Add a measurement to an indicator. When the indicator already has one for the same
    /// period, it is replaced if `replace` is true, else this is an [`Error::Argument`].
    /// The measurement must pass the file validation's rules for a measurement
    /// ([`crate::validation::measurement_problems`]), else [`Error::Invalid`] and nothing is
    /// stored.
    pub fn put_measurement(
        &mut self,
        indicator: &str,
        measurement: Measurement,
        replace: bool,
    ) -> Result<()> {
        let k = self.indicators.iter().position(|x| x.id == indicator);
        let ind = self.indicator_mut(indicator)?;
        check_measurement(ind, &measurement, k.unwrap_or(0))?;
        match ind.measurements.iter_mut().find(|m| m.period == measurement.period) {
            Some(existing) if replace => *existing = measurement,
            Some(existing) => {
                return Err(Error::Argument {
                    name: "period",
                    message: format!(
                        "indicator {indicator:?} already has a measurement for {} (pass replace=True to overwrite it)",
                        existing.period
                    ),
                });
            }
            None => ind.measurements.push(measurement),
        }
        Ok(())
    }

    /// Remove an indicator's measurement for `period`, returning it.
    pub fn remove_measurement(&mut self, indicator: &str, period: Period) -> Result<Measurement> {
        let ind = self.indicator_mut(indicator)?;
        let i = ind
            .measurements
            .iter()
            .position(|m| m.period == period)
            .ok_or_else(|| Error::NotFound { what: "measurement", id: format!("{indicator}@{period}") })?;
        Ok(ind.measurements.remove(i))
    }

    /// Set the explicit target of an indicator for `period` (replacing the one there was).
    pub fn set_target(&mut self, indicator: &str, period: Period, value: f64) -> Result<()> {
        let ind = self.indicator_mut(indicator)?;
        match ind.targets.iter_mut().find(|t| t.period == period) {
            Some(t) => t.value = value,
            None => ind.targets.push(PeriodValue { period, value }),
        }
        Ok(())
    }

    /// Remove the explicit target of an indicator for `period`, returning its value.
    pub fn remove_target(&mut self, indicator: &str, period: Period) -> Result<f64> {
        let ind = self.indicator_mut(indicator)?;
        let i = ind
            .targets
            .iter()
            .position(|t| t.period == period)
            .ok_or_else(|| Error::NotFound { what: "target", id: format!("{indicator}@{period}") })?;
        Ok(ind.targets.remove(i).value)
    }

    /// Add a dated step (a tranche) to a commitment.
    pub fn add_commitment_step(&mut self, commitment: &str, step: CommitmentStep) -> Result<()> {
        self.commitment_mut(commitment)?.steps.push(step);
        Ok(())
    }

    /// Put an indicator under an objective (or change its weight when it is there already).
    pub fn link_indicator(&mut self, objective: &str, link: IndicatorLink) -> Result<()> {
        let obj = self.objective_mut(objective)?;
        match obj.indicators.iter_mut().find(|l| l.indicator == link.indicator) {
            Some(existing) => *existing = link,
            None => obj.indicators.push(link),
        }
        Ok(())
    }

    /// Take an indicator out of an objective.
    pub fn unlink_indicator(&mut self, objective: &str, indicator: &str) -> Result<IndicatorLink> {
        let obj = self.objective_mut(objective)?;
        let i = obj.indicators.iter().position(|l| l.indicator == indicator).ok_or_else(|| {
            Error::NotFound { what: "indicator link", id: format!("{objective}/{indicator}") }
        })?;
        Ok(obj.indicators.remove(i))
    }

    /// Add a cause-effect link; errors when the same pair is linked already.
    pub fn add_cause_effect(&mut self, link: CauseEffect) -> Result<()> {
        if self.scorecard.links.iter().any(|l| l.from == link.from && l.to == link.to) {
            return Err(Error::Argument {
                name: "link",
                message: format!("{:?} -> {:?} is linked already", link.from, link.to),
            });
        }
        self.scorecard.links.push(link);
        Ok(())
    }

    /// Remove the cause-effect link from `from` to `to`.
    pub fn remove_cause_effect(&mut self, from: &str, to: &str) -> Result<CauseEffect> {
        let i =
            self.scorecard.links.iter().position(|l| l.from == from && l.to == to).ok_or_else(|| {
                Error::NotFound { what: "cause-effect link", id: format!("{from} -> {to}") }
            })?;
        Ok(self.scorecard.links.remove(i))
    }

    /// Remove the service with this id.
    pub fn remove_service(&mut self, id: &str) -> Result<Service> {
        let i = position(&self.services, id, |x| &x.id, "service")?;
        Ok(self.services.remove(i))
    }

    /// Remove the project with this id.
    pub fn remove_project(&mut self, id: &str) -> Result<Project> {
        let i = position(&self.projects, id, |x| &x.id, "project")?;
        Ok(self.projects.remove(i))
    }

    /// Remove the partner with this id.
    pub fn remove_partner(&mut self, id: &str) -> Result<Partner> {
        let i = position(&self.partners, id, |x| &x.id, "partner")?;
        Ok(self.partners.remove(i))
    }

    /// Remove the commitment with this id.
    pub fn remove_commitment(&mut self, id: &str) -> Result<Commitment> {
        let i = position(&self.commitments, id, |x| &x.id, "commitment")?;
        Ok(self.commitments.remove(i))
    }

    /// Remove the perspective with this id.
    pub fn remove_perspective(&mut self, id: &str) -> Result<Perspective> {
        let i = position(&self.scorecard.perspectives, id, |x| &x.id, "perspective")?;
        Ok(self.scorecard.perspectives.remove(i))
    }

    /// Remove the objective with this id.
    pub fn remove_objective(&mut self, id: &str) -> Result<Objective> {
        let i = position(&self.scorecard.objectives, id, |x| &x.id, "objective")?;
        Ok(self.scorecard.objectives.remove(i))
    }

    /// Remove the indicator with this id (with its measurements and targets).
    pub fn remove_indicator(&mut self, id: &str) -> Result<Indicator> {
        let i = position(&self.indicators, id, |x| &x.id, "indicator")?;
        Ok(self.indicators.remove(i))
    }
}

/// Adds many records to a workspace in linear time: each list is indexed by id on first use
/// (measurements by period, per indicator), then every addition is checked in constant time,
/// with the same rules and errors as the single calls ([`Workspace::add_partner`]...). It
/// borrows the workspace mutably, so nothing else can change it while the index lives.
pub struct Adder<'w> {
    ws: &'w mut Workspace,
    services: Option<HashSet<String>>,
    projects: Option<HashSet<String>>,
    partners: Option<HashSet<String>>,
    commitments: Option<HashSet<String>>,
    indicators: Option<HashMap<String, usize>>,
    periods: HashMap<usize, HashMap<Period, usize>>,
}

fn ids<T>(items: &[T], key: impl Fn(&T) -> &str) -> HashSet<String> {
    items.iter().map(|x| key(x).to_string()).collect()
}

/// Insert `id` in the lazily built set, or `Err` when it is taken.
fn claim<T>(
    set: &mut Option<HashSet<String>>,
    items: &[T],
    key: impl Fn(&T) -> &str,
    id: &str,
    what: &'static str,
) -> Result<()> {
    let set = set.get_or_insert_with(|| ids(items, key));
    if set.contains(id) {
        return Err(taken(what, id));
    }
    set.insert(id.to_string());
    Ok(())
}

impl Adder<'_> {
    /// The workspace, as it is now.
    pub fn workspace(&self) -> &Workspace {
        self.ws
    }

    /// Add a service; errors when its id is taken.
    pub fn add_service(&mut self, service: Service) -> Result<()> {
        claim(&mut self.services, &self.ws.services, |x| &x.id, &service.id, "service")?;
        self.ws.services.push(service);
        Ok(())
    }

    /// Add a project; errors when its id is taken.
    pub fn add_project(&mut self, project: Project) -> Result<()> {
        claim(&mut self.projects, &self.ws.projects, |x| &x.id, &project.id, "project")?;
        self.ws.projects.push(project);
        Ok(())
    }

    /// Add a partner; errors when its id is taken.
    pub fn add_partner(&mut self, partner: Partner) -> Result<()> {
        claim(&mut self.partners, &self.ws.partners, |x| &x.id, &partner.id, "partner")?;
        self.ws.partners.push(partner);
        Ok(())
    }

    /// Add a commitment; errors when its id is taken.
    pub fn add_commitment(&mut self, commitment: Commitment) -> Result<()> {
        claim(&mut self.commitments, &self.ws.commitments, |x| &x.id, &commitment.id, "commitment")?;
        self.ws.commitments.push(commitment);
        Ok(())
    }

    /// [`Workspace::put_measurement`] in constant time.
    pub fn put_measurement(
        &mut self,
        indicator: &str,
        measurement: Measurement,
        replace: bool,
    ) -> Result<()> {
        let indicators = self.indicators.get_or_insert_with(|| {
            let mut map = HashMap::with_capacity(self.ws.indicators.len());
            for (k, x) in self.ws.indicators.iter().enumerate() {
                // The first of duplicate ids, as `indicator_mut` finds it.
                map.entry(x.id.clone()).or_insert(k);
            }
            map
        });
        let not_found = || Error::NotFound { what: "indicator", id: indicator.to_string() };
        let k = *indicators.get(indicator).ok_or_else(not_found)?;
        let ind = self.ws.indicators.get_mut(k).ok_or_else(not_found)?;
        check_measurement(ind, &measurement, k)?;
        let periods = self.periods.entry(k).or_insert_with(|| {
            let mut map = HashMap::with_capacity(ind.measurements.len());
            for (j, m) in ind.measurements.iter().enumerate() {
                map.entry(m.period).or_insert(j);
            }
            map
        });
        match periods.get(&measurement.period).and_then(|&j| ind.measurements.get_mut(j)) {
            Some(existing) if replace => *existing = measurement,
            Some(existing) => {
                return Err(Error::Argument {
                    name: "period",
                    message: format!(
                        "indicator {indicator:?} already has a measurement for {} (pass replace=True to overwrite it)",
                        existing.period
                    ),
                });
            }
            None => {
                periods.insert(measurement.period, ind.measurements.len());
                ind.measurements.push(measurement);
            }
        }
        Ok(())
    }
}

impl Workspace {
    /// An [`Adder`]: add many records in linear time.
    pub fn adder(&mut self) -> Adder<'_> {
        Adder {
            ws: self,
            services: None,
            projects: None,
            partners: None,
            commitments: None,
            indicators: None,
            periods: HashMap::new(),
        }
    }
}

/// The organisation's identity checked as the file validation checks it, keeping only the
/// problems of the field being set (an already-blank name does not block a currency change).
fn identity(field: &str, organisation: &str, currency: &str, month: u8) -> Result<()> {
    let mut problems = crate::validation::identity_problems(organisation, currency, month);
    problems.retain(|p| p.path == field);
    if problems.is_empty() { Ok(()) } else { Err(Error::Invalid(crate::error::Problems(problems))) }
}

/// The rules of the whole-file validation for one measurement
/// ([`crate::validation::measurement_problems`]), applied before it is stored: an edit
/// accepts nothing that loading the saved file would refuse (NaN, a value that disagrees
/// with its ratio, a period at another frequency...). The path names the indicator's place
/// and the slot the measurement would take.
fn check_measurement(ind: &Indicator, m: &Measurement, k: usize) -> Result<()> {
    let slot = ind.measurements.iter().position(|x| x.period == m.period).unwrap_or(ind.measurements.len());
    let problems =
        crate::validation::measurement_problems(ind, m, &format!("indicators[{k}].measurements[{slot}]"));
    if problems.is_empty() { Ok(()) } else { Err(Error::Invalid(crate::error::Problems(problems))) }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::period::Frequency;
    use crate::scoring::ScoringMethod;

    fn indicator(id: &str) -> Indicator {
        serde_json::from_value(serde_json::json!({
            "id": id, "name": id, "frequency": "quarterly",
            "scoring": {"method": "ratio_to_target"}
        }))
        .unwrap()
    }

    fn p(s: &str) -> Period {
        s.parse().unwrap()
    }

    #[test]
    fn ids_are_refused_when_taken_and_scorecard_nodes_share_one_set() {
        let mut ws = Workspace::new("Romans");
        ws.add_service(Service { id: "s".into(), name: "S".into() }).unwrap();
        assert!(matches!(
            ws.add_service(Service { id: "s".into(), name: "T".into() }),
            Err(Error::Argument { .. })
        ));
        ws.add_indicator(indicator("x")).unwrap();
        let persp = Perspective {
            id: "x".into(),
            name: "X".into(),
            weight: Default::default(),
            rollup: Default::default(),
        };
        let err = ws.add_perspective(persp).unwrap_err();
        assert_eq!(
            err.to_string(),
            "invalid argument id: \"x\" is taken already (by the indicator of that id)"
        );
        assert_eq!(ws.scorecard.perspectives.len(), 0);
        assert_eq!(ws.indicators[0].frequency, Frequency::Quarterly);
        assert!(matches!(ws.indicators[0].scoring, ScoringMethod::RatioToTarget { .. }));
    }

    #[test]
    fn measurements_are_added_refused_replaced_and_removed() {
        let mut ws = Workspace::new("Romans");
        ws.add_indicator(indicator("i")).unwrap();
        ws.put_measurement("i", Measurement::new(p("2025-Q1"), 3.0), false).unwrap();
        let again = ws.put_measurement("i", Measurement::new(p("2025-Q1"), 4.0), false);
        assert!(again.unwrap_err().to_string().contains("already has a measurement for 2025-Q1"));
        ws.put_measurement("i", Measurement::new(p("2025-Q1"), 4.0), true).unwrap();
        assert_eq!(ws.indicators[0].measurements.len(), 1);
        assert_eq!(ws.indicators[0].measurements[0].value, Some(4.0));
        assert!(matches!(
            ws.put_measurement("nope", Measurement::new(p("2025-Q1"), 1.0), false),
            Err(Error::NotFound { what: "indicator", .. })
        ));
        assert_eq!(ws.remove_measurement("i", p("2025-Q1")).unwrap().value, Some(4.0));
        assert!(matches!(ws.remove_measurement("i", p("2025-Q1")), Err(Error::NotFound { .. })));
    }

    #[test]
    fn targets_links_and_removals() {
        let mut ws = Workspace::new("Romans");
        ws.add_indicator(indicator("i")).unwrap();
        ws.set_target("i", p("2025"), 10.0).unwrap();
        ws.set_target("i", p("2025"), 12.0).unwrap();
        assert_eq!(ws.indicators[0].targets, vec![PeriodValue { period: p("2025"), value: 12.0 }]);
        assert_eq!(ws.remove_target("i", p("2025")).unwrap(), 12.0);
        let obj = Objective {
            id: "o".into(),
            name: "O".into(),
            perspective: "p".into(),
            weight: Default::default(),
            indicators: vec![],
            rollup: Default::default(),
        };
        ws.add_objective(obj).unwrap();
        ws.link_indicator("o", IndicatorLink { indicator: "i".into(), weight: Default::default() }).unwrap();
        ws.link_indicator("o", IndicatorLink { indicator: "i".into(), weight: crate::Weight::Fixed(2.0) })
            .unwrap();
        assert_eq!(ws.scorecard.objectives[0].indicators.len(), 1);
        assert_eq!(ws.unlink_indicator("o", "i").unwrap().weight, crate::Weight::Fixed(2.0));
        assert!(ws.unlink_indicator("o", "i").is_err());
        let link = CauseEffect { from: "a".into(), to: "b".into(), sign: Default::default(), lag: 1 };
        ws.add_cause_effect(link.clone()).unwrap();
        assert!(ws.add_cause_effect(link.clone()).is_err());
        assert_eq!(ws.remove_cause_effect("a", "b").unwrap(), link);
        assert_eq!(ws.remove_indicator("i").unwrap().id, "i");
        assert_eq!(ws.remove_objective("o").unwrap().id, "o");
        assert!(matches!(ws.remove_project("zz"), Err(Error::NotFound { what: "project", .. })));
    }
}
