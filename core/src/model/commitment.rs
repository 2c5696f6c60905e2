//! Commitments (co-financing): money or in-kind support a partner gives, dated step by step
//! from pledged to signed to received. Several steps of one status add up (tranches).

use chrono::NaiveDate;
use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};

/// The form the support takes.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize, schemars::JsonSchema,
)]
#[serde(rename_all = "snake_case")]
pub enum FundingKind {
    /// A subsidy.
    Grant,
    /// Sponsorship (mécénat).
    Sponsorship,
    /// Private investment in the project.
    Investment,
    /// A loan.
    Loan,
    /// Goods or services given in kind, valued in money.
    InKind,
}

impl FundingKind {
    /// Every kind, in display order.
    pub const ALL: [FundingKind; 5] = [
        FundingKind::Grant,
        FundingKind::Sponsorship,
        FundingKind::Investment,
        FundingKind::Loan,
        FundingKind::InKind,
    ];

    /// The snake_case name used in files.
    pub fn as_str(self) -> &'static str {
        match self {
            FundingKind::Grant => "grant",
            FundingKind::Sponsorship => "sponsorship",
            FundingKind::Investment => "investment",
            FundingKind::Loan => "loan",
            FundingKind::InKind => "in_kind",
        }
    }
}

/// How far a commitment has gone.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize, schemars::JsonSchema,
)]
#[serde(rename_all = "snake_case")]
pub enum FundingStatus {
    /// Announced or promised.
    Pledged,
    /// Contracted (agreement signed).
    Signed,
    /// Paid in (cash received, or the in-kind support delivered).
    Received,
}

impl FundingStatus {
    /// Every status, in order.
    pub const ALL: [FundingStatus; 3] =
        [FundingStatus::Pledged, FundingStatus::Signed, FundingStatus::Received];

    /// The snake_case name used in files.
    pub fn as_str(self) -> &'static str {
        match self {
            FundingStatus::Pledged => "pledged",
            FundingStatus::Signed => "signed",
            FundingStatus::Received => "received",
        }
    }
}

/// One dated step of a commitment, with its amount.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct CommitmentStep {
    /// The status reached.
    pub status: FundingStatus,
    /// The day.
    pub date: NaiveDate,
    /// The amount of this step (a tranche, for several steps of one status).
    #[serde(deserialize_with = "crate::model::money::amount")]
    pub amount: Decimal,
}

/// Support from one partner, optionally for one project.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Commitment {
    /// Unique id.
    pub id: String,
    /// Id of the partner.
    pub partner: String,
    /// Id of the project it finances, if any.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub project: Option<String>,
    /// Form of the support.
    pub kind: FundingKind,
    /// Dated steps.
    #[serde(default)]
    pub steps: Vec<CommitmentStep>,
}

impl Commitment {
    /// Sum of the steps of `status` dated on or before `as_of` (every step when `None`);
    /// `None` when the sum overflows `Decimal` (it is never saturated at `Decimal::MAX`).
    pub fn amount(&self, status: FundingStatus, as_of: Option<NaiveDate>) -> Option<Decimal> {
        self.steps
            .iter()
            .filter(|s| s.status == status && as_of.is_none_or(|d| s.date <= d))
            .try_fold(Decimal::ZERO, |acc, s| acc.checked_add(s.amount))
    }

    /// The first date the commitment reached `status`, if it did.
    pub fn first_date(&self, status: FundingStatus) -> Option<NaiveDate> {
        self.steps.iter().filter(|s| s.status == status).map(|s| s.date).min()
    }
}
