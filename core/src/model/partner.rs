//! Partners: the public and private bodies that co-finance or support projects.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

/// What kind of body a partner is.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize, schemars::JsonSchema,
)]
#[serde(rename_all = "snake_case")]
pub enum PartnerKind {
    /// The State and its deconcentrated services.
    State,
    /// A region.
    Region,
    /// A department.
    Department,
    /// An intercommunality (EPCI).
    Intercommunality,
    /// The European Union (structural funds...).
    Eu,
    /// A public agency (ANRU, Banque des territoires, ADEME...).
    PublicAgency,
    /// A company.
    Company,
    /// An association.
    Association,
    /// A foundation.
    Foundation,
    /// A bank.
    Bank,
    /// Anything else.
    Other,
}

impl PartnerKind {
    /// Every kind, in display order.
    pub const ALL: [PartnerKind; 11] = [
        PartnerKind::State,
        PartnerKind::Region,
        PartnerKind::Department,
        PartnerKind::Intercommunality,
        PartnerKind::Eu,
        PartnerKind::PublicAgency,
        PartnerKind::Company,
        PartnerKind::Association,
        PartnerKind::Foundation,
        PartnerKind::Bank,
        PartnerKind::Other,
    ];

    /// True for public bodies (State, local authorities, EU, public agencies).
    pub fn is_public(self) -> bool {
        matches!(
            self,
            PartnerKind::State
                | PartnerKind::Region
                | PartnerKind::Department
                | PartnerKind::Intercommunality
                | PartnerKind::Eu
                | PartnerKind::PublicAgency
        )
    }

    /// The snake_case name used in files.
    pub fn as_str(self) -> &'static str {
        match self {
            PartnerKind::State => "state",
            PartnerKind::Region => "region",
            PartnerKind::Department => "department",
            PartnerKind::Intercommunality => "intercommunality",
            PartnerKind::Eu => "eu",
            PartnerKind::PublicAgency => "public_agency",
            PartnerKind::Company => "company",
            PartnerKind::Association => "association",
            PartnerKind::Foundation => "foundation",
            PartnerKind::Bank => "bank",
            PartnerKind::Other => "other",
        }
    }
}

/// A partner of the organisation.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Partner {
    /// Unique id.
    pub id: String,
    /// Name.
    pub name: String,
    /// Kind of body.
    pub kind: PartnerKind,
    /// The day it joined the partnership network (e.g. signed the INVESTINROMANS charter).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub joined: Option<NaiveDate>,
}
