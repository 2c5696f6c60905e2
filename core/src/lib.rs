#![doc = include_str!("../README.md")]
#![warn(missing_docs)]

pub mod commitment;
pub mod error;
pub mod expression;
pub mod indicator;
pub mod metrics;
mod money;
pub mod partner;
pub mod period;
pub mod project;
pub mod scorecard;
pub mod scoring;
pub mod validation;
pub mod workspace;

pub use commitment::{Commitment, CommitmentStep, FundingKind, FundingStatus};
pub use error::{Error, Problem, Problems, Result};
pub use indicator::{
    Indicator, IndicatorSource, Measurement, Metric, PeriodValue, Polarity, TimeAggregation, Trajectory,
};
pub use partner::{Partner, PartnerKind};
pub use period::{Calendar, Frequency, Period, PeriodError};
pub use project::{Project, Stage, StageEvent};
pub use scorecard::{
    Aggregation, CauseEffect, IndicatorLink, MissingPolicy, Objective, Perspective, Rollup, Scorecard, Sign,
    Weight, WeightChange,
};
pub use scoring::{ScoringMethod, Status, StatusThresholds};
pub use workspace::{SCHEMA_VERSION, Service, Settings, Workspace};
