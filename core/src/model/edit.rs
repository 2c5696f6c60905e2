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
//! Every added id must be acceptable on its own ([`crate::model::validation::id_problem`]: no
//! invisible character, no combining mark...) and must not differ from a taken one only by
//! case (`"P-1"` when `"p-1"` exists is refused as a confusable duplicate), the rules of the
//! whole-file validation.
//!
//! Each single `add_*` call finds the ids through the workspace's [`IdIndex`] (a cache built
//! on first use, checked against the lists before each use), so a loop of n single calls is
//! linear, not quadratic. An [`Adder`] ([`Workspace::adder`]) also indexes measurements by
//! period, for `put_measurement` loops.

use std::collections::HashMap;

use crate::error::{Error, Problem, Problems, Result};
use crate::model::commitment::{Commitment, CommitmentStep};
use crate::model::indicator::{Indicator, Measurement, PeriodValue};
use crate::model::partner::Partner;
use crate::model::period::Period;
use crate::model::project::Project;
use crate::model::scorecard::{CauseEffect, IndicatorLink, Objective, Perspective};
use crate::model::validation::fold_id;
use crate::model::workspace::{Service, Workspace};

fn taken(what: &'static str, id: &str) -> Error {
    Error::Argument { name: "id", message: format!("{id:?} is taken already (by the {what} of that id)") }
}

fn position<T>(items: &[T], id: &str, key: impl Fn(&T) -> &str, what: &'static str) -> Result<usize> {
    items.iter().position(|x| key(x) == id).ok_or_else(|| Error::NotFound { what, id: id.to_string() })
}

/// Where each id of the workspace's lists is, by its case-folded spelling
/// ([`crate::model::validation::fold_id`]): what makes a single `add_*` call constant time instead
/// of a scan of its list. It is a cache, not data: [`Workspace`] keeps one in
/// [`Workspace::id_index`], never serialised, equal to any other, emptied by `clone`.
///
/// The lists are public fields, so the index checks that it still describes them before
/// each use: it is rebuilt when a list's length, storage or last id changed since it was
/// read, and a position found is checked against the list (an id edited in place is found
/// stale and the list indexed again). What it cannot see is an id rewritten in place in the
/// middle of a list (`ws.partners[3].id = ...`) and then added again: that duplicate is not
/// refused at the call, and [`Workspace::validate`] reports it, as it does any duplicate.
/// After such edits, [`IdIndex::clear`] makes the next call read the lists afresh.
#[derive(Default)]
pub struct IdIndex {
    services: ListIndex,
    projects: ListIndex,
    partners: ListIndex,
    commitments: ListIndex,
    perspectives: ListIndex,
    objectives: ListIndex,
    indicators: ListIndex,
}

impl IdIndex {
    /// Forget everything: the next call reads the lists afresh.
    pub fn clear(&mut self) {
        *self = IdIndex::default();
    }
}

impl Clone for IdIndex {
    /// An empty index: a copy's lists live elsewhere, so it indexes them on first use.
    fn clone(&self) -> Self {
        IdIndex::default()
    }
}

impl PartialEq for IdIndex {
    /// Always equal: a cache says nothing about the workspace it serves.
    fn eq(&self, _: &Self) -> bool {
        true
    }
}

impl std::fmt::Debug for IdIndex {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("IdIndex")
    }
}

/// One list's index: folded id -> position of its first record.
#[derive(Default)]
struct ListIndex {
    /// The list's length, storage address and last id when it was last read.
    stamp: Option<(usize, usize, String)>,
    at: HashMap<String, usize>,
}

trait HasId {
    fn id(&self) -> &str;
}

macro_rules! has_id {
    ($($t:ty),*) => { $(impl HasId for $t { fn id(&self) -> &str { &self.id } })* };
}
has_id!(Service, Project, Partner, Commitment, Perspective, Objective, Indicator);

impl ListIndex {
    fn stamp_of<T: HasId>(items: &[T]) -> (usize, usize, String) {
        (items.len(), items.as_ptr() as usize, items.last().map(|x| x.id().to_string()).unwrap_or_default())
    }

    fn rebuild<T: HasId>(&mut self, items: &[T]) {
        self.at.clear();
        for (i, x) in items.iter().enumerate() {
            self.at.entry(fold_id(x.id())).or_insert(i);
        }
        self.stamp = Some(ListIndex::stamp_of(items));
    }

    /// The position of a record whose id equals `folded` once folded, if any.
    fn find<T: HasId>(&mut self, items: &[T], folded: &str) -> Option<usize> {
        let fresh = self.stamp.as_ref().is_some_and(|(len, ptr, last)| {
            *len == items.len()
                && *ptr == items.as_ptr() as usize
                && items.last().map_or(last.is_empty(), |x| x.id() == last)
        });
        if !fresh {
            self.rebuild(items);
        }
        let hit = |at: &HashMap<String, usize>| {
            at.get(folded).copied().filter(|&i| items.get(i).is_some_and(|x| fold_id(x.id()) == folded))
        };
        if let Some(i) = hit(&self.at) {
            return Some(i);
        }
        if !self.at.contains_key(folded) {
            return None;
        }
        // A position that no longer holds that id (an id edited in place): read the list again.
        self.rebuild(items);
        hit(&self.at)
    }

    /// Record that `items` just had a record of id `folded` pushed.
    fn pushed<T: HasId>(&mut self, items: &[T], folded: String) {
        self.at.entry(folded).or_insert(items.len().saturating_sub(1));
        self.stamp = Some(ListIndex::stamp_of(items));
    }
}

/// The id's own problem ([`crate::model::validation::id_problem`]) as an error naming the slot the
/// record would take (`partners[12].id`: by its position, as its id is what is wrong).
fn check_id(list: &str, slot: usize, id: &str) -> Result<()> {
    match crate::model::validation::id_problem(id) {
        None => Ok(()),
        Some(message) => Err(Error::Invalid(Problems(vec![Problem::new(
            crate::error::Path::root(list).index(slot).field("id"),
            message,
        )]))),
    }
}

/// `id` is taken by `existing` (the same spelling, or one that differs only by case).
fn taken_by(what: &'static str, id: &str, existing: &str) -> Error {
    if existing == id {
        taken(what, id)
    } else {
        Error::Argument {
            name: "id",
            message: format!(
                "{id:?} differs from the {what} {existing:?} only by case: ids that differ only by case are \
                 confusable, use one spelling"
            ),
        }
    }
}

/// Add `item` to `items` (the list at `list`) when its id is acceptable and free.
fn add_to<T: HasId>(
    items: &mut Vec<T>,
    index: &mut ListIndex,
    list: &str,
    what: &'static str,
    item: T,
) -> Result<()> {
    check_id(list, items.len(), item.id())?;
    let folded = fold_id(item.id());
    if let Some(i) = index.find(items, &folded) {
        let existing = items.get(i).map(|x| x.id()).unwrap_or_default();
        return Err(taken_by(what, item.id(), existing));
    }
    items.push(item);
    index.pushed(items, folded);
    Ok(())
}

impl Workspace {
    /// The scorecard node (perspective, objective or indicator) whose id equals `id` up to
    /// case, as (kind, its id).
    fn node_taken(&mut self, id: &str) -> Option<(&'static str, String)> {
        let folded = fold_id(id);
        let ix = &mut self.id_index;
        let sc = &self.scorecard;
        if let Some(i) = ix.perspectives.find(&sc.perspectives, &folded) {
            return sc.perspectives.get(i).map(|x| ("perspective", x.id.clone()));
        }
        if let Some(i) = ix.objectives.find(&sc.objectives, &folded) {
            return sc.objectives.get(i).map(|x| ("objective", x.id.clone()));
        }
        ix.indicators
            .find(&self.indicators, &folded)
            .and_then(|i| self.indicators.get(i))
            .map(|x| ("indicator", x.id.clone()))
    }

    fn add_node_check(&mut self, list: &str, slot: usize, id: &str) -> Result<()> {
        check_id(list, slot, id)?;
        match self.node_taken(id) {
            Some((what, existing)) => Err(taken_by(what, id, &existing)),
            None => Ok(()),
        }
    }

    /// Add a service; errors when its id is taken (also by one that differs only by case,
    /// [`Error::Argument`]) or is not an acceptable id ([`crate::model::validation::id_problem`],
    /// [`Error::Invalid`] naming the slot, e.g. `services[3].id`). Constant time: the
    /// workspace's [`IdIndex`] finds the ids.
    pub fn add_service(&mut self, service: Service) -> Result<()> {
        add_to(&mut self.services, &mut self.id_index.services, "services", "service", service)
    }

    /// Add a project; errors as [`Workspace::add_service`] does.
    pub fn add_project(&mut self, project: Project) -> Result<()> {
        add_to(&mut self.projects, &mut self.id_index.projects, "projects", "project", project)
    }

    /// Add a partner; errors as [`Workspace::add_service`] does.
    pub fn add_partner(&mut self, partner: Partner) -> Result<()> {
        add_to(&mut self.partners, &mut self.id_index.partners, "partners", "partner", partner)
    }

    /// Add a commitment; errors as [`Workspace::add_service`] does.
    pub fn add_commitment(&mut self, commitment: Commitment) -> Result<()> {
        add_to(&mut self.commitments, &mut self.id_index.commitments, "commitments", "commitment", commitment)
    }

    /// Add a perspective; errors when its id is taken by any scorecard node (or differs from
    /// one only by case), or is not an acceptable id.
    pub fn add_perspective(&mut self, perspective: Perspective) -> Result<()> {
        let slot = self.scorecard.perspectives.len();
        self.add_node_check("scorecard.perspectives", slot, &perspective.id)?;
        let folded = fold_id(&perspective.id);
        self.scorecard.perspectives.push(perspective);
        self.id_index.perspectives.pushed(&self.scorecard.perspectives, folded);
        Ok(())
    }

    /// Add an objective; errors as [`Workspace::add_perspective`] does.
    pub fn add_objective(&mut self, objective: Objective) -> Result<()> {
        let slot = self.scorecard.objectives.len();
        self.add_node_check("scorecard.objectives", slot, &objective.id)?;
        let folded = fold_id(&objective.id);
        self.scorecard.objectives.push(objective);
        self.id_index.objectives.pushed(&self.scorecard.objectives, folded);
        Ok(())
    }

    /// Add an indicator; errors as [`Workspace::add_perspective`] does.
    pub fn add_indicator(&mut self, indicator: Indicator) -> Result<()> {
        let slot = self.indicators.len();
        self.add_node_check("indicators", slot, &indicator.id)?;
        let folded = fold_id(&indicator.id);
        self.indicators.push(indicator);
        self.id_index.indicators.pushed(&self.indicators, folded);
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
    /// ([`crate::model::validation::measurement_problems`]), else [`Error::Invalid`] and nothing is
    /// stored.
    pub fn put_measurement(
        &mut self,
        indicator: &str,
        measurement: Measurement,
        replace: bool,
    ) -> Result<()> {
        let ind = self.indicator_mut(indicator)?;
        check_measurement(ind, &measurement)?;
        match ind.measurements.iter_mut().find(|m| m.period == measurement.period) {
            Some(existing) if replace => *existing = measurement,
            Some(existing) => return Err(already_measured(indicator, existing.period)),
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
    indicators: Option<HashMap<String, usize>>,
    periods: HashMap<usize, HashMap<Period, usize>>,
}

impl Adder<'_> {
    /// The workspace, as it is now.
    pub fn workspace(&self) -> &Workspace {
        self.ws
    }

    /// Add a service ([`Workspace::add_service`]).
    pub fn add_service(&mut self, service: Service) -> Result<()> {
        self.ws.add_service(service)
    }

    /// Add a project ([`Workspace::add_project`]).
    pub fn add_project(&mut self, project: Project) -> Result<()> {
        self.ws.add_project(project)
    }

    /// Add a partner ([`Workspace::add_partner`]).
    pub fn add_partner(&mut self, partner: Partner) -> Result<()> {
        self.ws.add_partner(partner)
    }

    /// Add a commitment ([`Workspace::add_commitment`]).
    pub fn add_commitment(&mut self, commitment: Commitment) -> Result<()> {
        self.ws.add_commitment(commitment)
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
        let periods = self.periods.entry(k).or_insert_with(|| {
            let mut map = HashMap::with_capacity(ind.measurements.len());
            for (j, m) in ind.measurements.iter().enumerate() {
                map.entry(m.period).or_insert(j);
            }
            map
        });
        // The slot from the index, not from a scan of the measurements (a scan per call made
        // the loop quadratic in the measurements of an indicator).
        let slot = periods.get(&measurement.period).copied().unwrap_or(ind.measurements.len());
        check_measurement_at(ind, &measurement, slot)?;
        match periods.get(&measurement.period).and_then(|&j| ind.measurements.get_mut(j)) {
            Some(existing) if replace => *existing = measurement,
            Some(existing) => return Err(already_measured(indicator, existing.period)),
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
        Adder { ws: self, indicators: None, periods: HashMap::new() }
    }
}

/// The organisation's identity checked as the file validation checks it, keeping only the
/// problems of the field being set (an already-blank name does not block a currency change).
/// The error of a measurement put where one exists, without `replace`.
fn already_measured(indicator: &str, period: Period) -> Error {
    Error::Argument {
        name: "period",
        message: format!(
            "indicator {indicator:?} already has a measurement for {period} (pass replace=True to overwrite it)"
        ),
    }
}

fn identity(field: &str, organisation: &str, currency: &str, month: u8) -> Result<()> {
    let mut problems = crate::model::validation::identity_problems(organisation, currency, month);
    problems.retain(|p| p.path == crate::error::Path::root(field));
    if problems.is_empty() { Ok(()) } else { Err(Error::Invalid(crate::error::Problems(problems))) }
}

/// The rules of the whole-file validation for one measurement
/// ([`crate::model::validation::measurement_problems`]), applied before it is stored: an edit
/// accepts nothing that loading the saved file would refuse (NaN, a value that disagrees
/// with its ratio, a period at another frequency...). The path names the indicator's place
/// and the slot the measurement would take.
fn check_measurement(ind: &Indicator, m: &Measurement) -> Result<()> {
    let slot = ind.measurements.iter().position(|x| x.period == m.period).unwrap_or(ind.measurements.len());
    check_measurement_at(ind, m, slot)
}

/// [`check_measurement`] with the slot known (`indicators[id].measurements[slot]`).
fn check_measurement_at(ind: &Indicator, m: &Measurement, slot: usize) -> Result<()> {
    let problems = crate::model::validation::measurement_problems(
        ind,
        m,
        &crate::error::Path::root("indicators").id(&ind.id).field("measurements").index(slot),
    );
    if problems.is_empty() { Ok(()) } else { Err(Error::Invalid(crate::error::Problems(problems))) }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::engine::scoring::ScoringMethod;
    use crate::model::period::Frequency;

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
