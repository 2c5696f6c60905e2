//! The model: what a city's workspace holds, as plain serialisable data.
//!
//! A [`workspace::Workspace`] is the file: its settings and services, the scorecard
//! ([`scorecard`]: perspectives, objectives, links), the indicators and their measurements
//! ([`indicator`]), and the records derived indicators are computed from (the portfolio's
//! [`project`]s, the [`partner`]s and their co-financing [`commitment`]s). Periods
//! ([`period`]) and exact money (`rust_decimal::Decimal` amounts, read and summed exactly) are
//! the value types everything else uses.
//! [`validation`] states the rules a workspace obeys (every problem at once, with its path),
//! and [`edit`] changes a workspace without ever leaving it invalid.

pub mod commitment;
pub mod edit;
pub mod indicator;
pub(crate) mod money;
pub mod partner;
pub mod period;
pub mod project;
pub mod scorecard;
pub mod validation;

pub use money::parse_amount;
pub mod workspace;
