//! Analytics over the records and the results: the portfolio of projects ([`portfolio`]),
//! the partners and their co-financing ([`partnership`]), the case's headline figures
//! ([`headline`]) and the correlations behind the strategy map's cause-effect links
//! ([`cause_effect`]).

pub mod cause_effect;
pub mod headline;
pub mod partnership;
pub mod portfolio;
