//! Projects ("dossiers", "opérations"): the files of the portfolio, each with a dated stage
//! history, a budget and the services that run it.
//!
//! The stage history is a list of dated events. A file is *registered*, may become
//! *complete*, is *decided* (approved or rejected), the applicant is *notified* of the
//! decision (optional), then the file is *started*, *delivered* and *closed*;
//! it may be *abandoned* at any point. The portfolio metrics (active caseload, instruction lead
//! time...) are computed from these dates only.

use chrono::NaiveDate;
use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};

/// A stage of a file's life.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize, schemars::JsonSchema,
)]
#[serde(rename_all = "snake_case")]
pub enum Stage {
    /// The file is received and registered.
    Registered,
    /// The file is complete (every piece received): instruction may start from here.
    Complete,
    /// Decided: approved.
    Approved,
    /// Decided: rejected.
    Rejected,
    /// The applicant is notified of the decision (approved or rejected): "instruction +
    /// notification" runs from registration to this date. Optional; on or after the decision.
    Notified,
    /// Work started.
    Started,
    /// Delivered (the operation is done).
    Delivered,
    /// Closed (administratively finished): the file leaves the active caseload.
    Closed,
    /// Abandoned, at any point: the file leaves the active caseload.
    Abandoned,
}

impl Stage {
    /// Every stage, in life order.
    pub const ALL: [Stage; 9] = [
        Stage::Registered,
        Stage::Complete,
        Stage::Approved,
        Stage::Rejected,
        Stage::Notified,
        Stage::Started,
        Stage::Delivered,
        Stage::Closed,
        Stage::Abandoned,
    ];

    /// Position in a file's life: later stages never carry earlier dates. Approved and
    /// rejected share a rank (both are "decided"); abandoned may follow any stage. The
    /// notification ranks after the decision (and before the start, for ties on one day),
    /// but validation only requires it to follow the decision: the work may start before
    /// the applicant is notified (an anticipated start).
    pub fn rank(self) -> u8 {
        match self {
            Stage::Registered => 0,
            Stage::Complete => 1,
            Stage::Approved | Stage::Rejected => 2,
            Stage::Notified => 3,
            Stage::Started => 4,
            Stage::Delivered => 5,
            Stage::Closed => 6,
            Stage::Abandoned => 7,
        }
    }

    /// True for approved and rejected.
    pub fn is_decision(self) -> bool {
        matches!(self, Stage::Approved | Stage::Rejected)
    }

    /// True for closed and abandoned: the file has left the active caseload.
    pub fn is_terminal(self) -> bool {
        matches!(self, Stage::Closed | Stage::Abandoned)
    }

    /// The snake_case name used in files.
    pub fn as_str(self) -> &'static str {
        match self {
            Stage::Registered => "registered",
            Stage::Complete => "complete",
            Stage::Approved => "approved",
            Stage::Rejected => "rejected",
            Stage::Notified => "notified",
            Stage::Started => "started",
            Stage::Delivered => "delivered",
            Stage::Closed => "closed",
            Stage::Abandoned => "abandoned",
        }
    }
}

/// One dated step of a file's history.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct StageEvent {
    /// The stage reached.
    pub stage: Stage,
    /// The day it was reached.
    pub date: NaiveDate,
}

/// Put a `notified` event of `stages` (a history in life order) where its date says: after
/// the decision, before the first later stage (started, delivered...) dated after it, and
/// never after a closing or an abandonment. The work may start before the applicant is
/// notified (an anticipated start), so life order alone cannot place it. Used by
/// [`life_order`], for the histories the CSV import and the bindings build from dates.
pub fn place_notified(stages: &mut Vec<StageEvent>) {
    let Some(i) = stages.iter().position(|e| e.stage == Stage::Notified) else { return };
    let notified = stages.remove(i);
    let rank = Stage::Notified.rank();
    let at = stages
        .iter()
        .position(|e| e.stage.rank() > rank && (e.date > notified.date || e.stage.is_terminal()))
        .unwrap_or(stages.len());
    stages.insert(at, notified);
}

/// Put a history whose dates were given in any order (one per stage from a file's columns,
/// or a list and keywords from Python) in life order: by stage, then by date, with
/// `notified` placed by its date ([`place_notified`]).
///
/// ```
/// use pilotage::model::project::life_order;
/// use pilotage::{Stage, StageEvent};
/// let event = |stage, date: &str| StageEvent { stage, date: date.parse().unwrap() };
/// let mut history = vec![
///     event(Stage::Started, "2025-04-01"),
///     event(Stage::Notified, "2025-05-02"),
///     event(Stage::Registered, "2025-01-06"),
///     event(Stage::Approved, "2025-03-03"),
/// ];
/// life_order(&mut history);
/// // the work started before the notification (an anticipated start)
/// let stages: Vec<Stage> = history.iter().map(|e| e.stage).collect();
/// assert_eq!(stages, [Stage::Registered, Stage::Approved, Stage::Started, Stage::Notified]);
/// ```
pub fn life_order(stages: &mut Vec<StageEvent>) {
    stages.sort_by_key(|e| (e.stage.rank(), e.date));
    place_notified(stages);
}

/// A file of the portfolio.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Project {
    /// Unique id.
    pub id: String,
    /// Title.
    pub title: String,
    /// Id of the service that leads it.
    pub lead_service: String,
    /// Ids of the other services that work on it (transversality).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub contributing_services: Vec<String>,
    /// Ids of the scorecard objectives it serves.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub objectives: Vec<String>,
    /// Dated stage history, in life order.
    #[serde(default)]
    pub stages: Vec<StageEvent>,
    /// Planned total cost.
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        deserialize_with = "crate::model::money::optional_amount"
    )]
    pub planned_cost: Option<Decimal>,
    /// Actual total cost, once known.
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        deserialize_with = "crate::model::money::optional_amount"
    )]
    pub actual_cost: Option<Decimal>,
    /// Planned end (delivery) date.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub planned_end: Option<NaiveDate>,
    /// Funds the organisation itself puts in.
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        deserialize_with = "crate::model::money::optional_amount"
    )]
    pub own_funds: Option<Decimal>,
}

impl Project {
    /// The date of the first event of `stage`, if the file reached it.
    pub fn date_of(&self, stage: Stage) -> Option<NaiveDate> {
        self.stages.iter().find(|e| e.stage == stage).map(|e| e.date)
    }

    /// The decision (approved or rejected) and its date, if decided.
    pub fn decision(&self) -> Option<(Stage, NaiveDate)> {
        self.stages.iter().find(|e| e.stage.is_decision()).map(|e| (e.stage, e.date))
    }

    /// The date the file left the active caseload (closed or abandoned), if it did.
    pub fn exit_date(&self) -> Option<NaiveDate> {
        self.stages.iter().filter(|e| e.stage.is_terminal()).map(|e| e.date).min()
    }

    /// The actual end date: the delivery date, when delivered.
    pub fn actual_end(&self) -> Option<NaiveDate> {
        self.date_of(Stage::Delivered)
    }

    /// The latest stage reached on or before `date`, if any.
    pub fn stage_at(&self, date: NaiveDate) -> Option<Stage> {
        self.stages
            .iter()
            .filter(|e| e.date <= date)
            .max_by_key(|e| (e.date, e.stage.rank()))
            .map(|e| e.stage)
    }

    /// Every service involved: the lead first, then the contributors (without repeats).
    pub fn services(&self) -> Vec<&str> {
        let mut out = vec![self.lead_service.as_str()];
        for s in &self.contributing_services {
            if !out.contains(&s.as_str()) {
                out.push(s);
            }
        }
        out
    }
}
