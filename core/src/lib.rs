#![doc = include_str!("../README.md")]
#![warn(missing_docs)]

pub mod aggregation;
pub mod commitment;
pub mod cutoff;
pub mod edit;
pub mod error;
pub mod evaluation;
pub mod explain;
pub mod expression;
pub mod headline;
pub mod import;
pub mod indicator;
#[cfg(any(test, not(feature = "exact-error-paths")))]
mod json_path;
pub mod metrics;
mod money;
pub mod partner;
pub mod partnership;
pub mod period;
pub mod plan;
pub mod portfolio;
pub mod project;
pub mod record_index;
pub mod report;
pub mod rollup;
pub mod sample;
pub mod save;
pub mod schema;
pub mod scorecard;
pub mod scoring;
mod sort;
pub mod strategy_map;
pub mod target;
pub mod trend;
pub mod validation;
pub mod workspace;

pub use commitment::{Commitment, CommitmentStep, FundingKind, FundingStatus};
pub use error::{Error, Problem, Problems, Result};
pub use evaluation::{
    ChildUsed, Evaluation, Explanation, Forecast, InputUsed, LinkResult, NodeResult, SourceUsed,
    TimeAggregationUsed, Trend, evaluate, evaluate_range,
};
pub use explain::explain;
pub use indicator::{
    Indicator, IndicatorSource, Measurement, Metric, PeriodValue, Polarity, TimeAggregation, Trajectory,
};
pub use partner::{Partner, PartnerKind};
pub use period::{Calendar, Frequency, Period, PeriodError};
pub use plan::{Engine, NodeKind, ScoreTable};
pub use project::{Project, Stage, StageEvent};
pub use rollup::Treatment;
pub use scorecard::{
    Aggregation, CauseEffect, IndicatorLink, MissingPolicy, Objective, Perspective, Rollup, Scorecard, Sign,
    Weight, WeightChange,
};
pub use scoring::{ScoreInput, Scored, ScoringMethod, Status, StatusThresholds};
pub use target::{TargetInForce, TargetSource};
pub use trend::Direction;
pub use workspace::{OLDEST_SCHEMA_VERSION, SCHEMA_VERSION, Service, Settings, Workspace};
