#![doc = include_str!("../README.md")]
#![warn(missing_docs)]

pub mod analytics;
pub mod engine;
pub mod error;
pub mod explain;
pub mod io;
pub mod locale;
pub mod model;
pub mod report;
pub mod sample;
mod sort;

pub use engine::evaluation::{
    ChildUsed, Evaluation, Explanation, Forecast, Formula, InputUsed, LinkResult, NodeResult, Operand,
    Reason, SourceUsed, StatusReason, TimeAggregationUsed, TimeRule, Trend, evaluate, evaluate_range,
};
pub use engine::rollup::Treatment;
pub use engine::scoring::{ScoreInput, Scored, ScoringMethod, Status, StatusThresholds};
pub use engine::target::{TargetInForce, TargetSource};
pub use engine::trend::Direction;
pub use engine::{Engine, NodeKind, ScoreTable};
pub use error::{Error, Path, Problem, Problems, Result, Segment};
pub use explain::explain;
pub use model::commitment::{Commitment, CommitmentStep, FundingKind, FundingStatus};
pub use model::indicator::{
    Indicator, IndicatorSource, Measurement, Metric, PeriodValue, Polarity, TimeAggregation, Trajectory,
};
pub use model::partner::{Partner, PartnerKind};
pub use model::period::{Calendar, Frequency, Period, PeriodError, PeriodInfo};
pub use model::project::{Project, Stage, StageEvent};
pub use model::scorecard::{
    Aggregation, CauseEffect, IndicatorLink, MissingPolicy, Objective, Perspective, Rollup, Scorecard, Sign,
    Weight, WeightChange,
};
pub use model::workspace::{
    OLDEST_SCHEMA_VERSION, SCHEMA_VERSION, Service, Settings, Workspace, WorkspaceCounts,
};
