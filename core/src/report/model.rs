//! The report's input view-models: plain serialisable data, one per section.
//!
//! The renderers read only these types, never the engine's results, so that the scorecard
//! engine, the portfolio and the partnership analytics each need only a thin adapter to be
//! drawn. The views hold data only, no words of any language: every string here comes from
//! a workspace (names, ids, units) and is escaped by the renderers, which write every label,
//! sentence, number and period in the locale they are given. Money is
//! [`Decimal`]; scores (0-100), values and coverages are `f64`; periods are [`Period`] and
//! are formatted by the [`Locale`](crate::locale::Locale).

use chrono::NaiveDate;
use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};

use crate::analytics::partnership::LeverageDefinition;
use crate::analytics::portfolio::{CaseloadOptions, LeadTimeOptions};
pub use crate::engine::bands::Band;
use crate::engine::evaluation::NodeResult;
use crate::engine::scoring::Status;
use crate::model::partner::PartnerKind;
use crate::model::period::Period;
use crate::model::scorecard::Sign;

/// Direction of a node's performance since the previous period (already corrected for
/// polarity: `Improving` for a lower-is-better indicator means the value went down).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Trend {
    /// Better than the previous period.
    Improving,
    /// About the same.
    Stable,
    /// Worse than the previous period.
    Worsening,
    /// No previous value to compare with.
    #[default]
    Unknown,
}

/// Everything the HTML report shows.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
pub struct ReportView {
    /// The organisation (e.g. `Ville de Romans-sur-Isère`).
    pub organisation: String,
    /// The day the report was produced (shown in the header), if known.
    #[serde(default)]
    pub generated_on: Option<NaiveDate>,
    /// Scorecard overview (its title and period are the report's).
    pub overview: OverviewView,
    /// Strategy map.
    pub strategy_map: StrategyMapView,
    /// One card per indicator, in display order.
    #[serde(default)]
    pub cards: Vec<IndicatorCardView>,
    /// Portfolio flow, when the workspace has projects.
    #[serde(default)]
    pub portfolio: Option<PortfolioView>,
    /// Partnership finance, when the workspace has commitments.
    #[serde(default)]
    pub partnership: Option<PartnershipView>,
}

/// The scorecard at one period: perspectives and their objectives.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
pub struct OverviewView {
    /// Title of the scorecard.
    pub title: String,
    /// The period shown.
    pub period: Option<Period>,
    /// Perspectives, in display order.
    pub perspectives: Vec<OverviewRow>,
}

/// One row of the overview: a perspective with its objectives, or an objective (whose
/// `objectives` is empty).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct OverviewRow {
    /// Node id (shared id space with objectives and indicators).
    pub id: String,
    /// Display name.
    pub name: String,
    /// Score 0-100, `None` when there is no data.
    pub score: Option<f64>,
    /// Status.
    pub status: Status,
    /// Trend since the previous period.
    pub trend: Trend,
    /// Share of weight that had data, 0-1.
    pub coverage: f64,
    /// The engine's result for the node, whose explanation the renderers write in the
    /// report's language ([`render_in`](crate::explain::render_in)); `None` shows none.
    #[serde(default)]
    pub explanation: Option<NodeResult>,
    /// The objectives of a perspective, in display order (empty for an objective).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub objectives: Vec<OverviewRow>,
}

/// The strategy map: objectives by perspective and cause-effect links.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
pub struct StrategyMapView {
    /// Perspectives, one row each, top to bottom in this order.
    pub perspectives: Vec<MapPerspective>,
    /// Objectives, left to right in this order within their row.
    pub objectives: Vec<MapObjective>,
    /// Cause-effect links (links naming an unknown objective are not drawn).
    pub links: Vec<MapLink>,
}

/// A row of the strategy map.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
pub struct MapPerspective {
    /// Perspective id.
    pub id: String,
    /// Display name.
    pub name: String,
}

/// A box of the strategy map.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct MapObjective {
    /// Objective id.
    pub id: String,
    /// Display name.
    pub name: String,
    /// Id of its perspective (objectives naming an unknown one go to a last row).
    pub perspective: String,
    /// Status.
    pub status: Status,
    /// Score 0-100.
    pub score: Option<f64>,
}

/// An arrow of the strategy map.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
pub struct MapLink {
    /// Cause objective id.
    pub from: String,
    /// Effect objective id.
    pub to: String,
    /// Expected sign.
    pub sign: Sign,
    /// Periods between cause and effect.
    pub lag: u32,
    /// Observed agreement between the cause's and the effect's movements (-1 to 1), when
    /// computed.
    #[serde(default)]
    pub agreement: Option<f64>,
}

/// One point of a series.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
pub struct SeriesPoint {
    /// The period.
    pub period: Period,
    /// The value, `None` for a gap.
    pub value: Option<f64>,
}

/// The latest scored value of an indicator.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
pub struct LatestView {
    /// The period.
    pub period: Period,
    /// The value, `None` when missing or suppressed.
    pub value: Option<f64>,
    /// Score 0-100.
    pub score: Option<f64>,
    /// Status.
    pub status: Status,
}

/// An indicator card: series against target, thresholds as bands, status, explanation.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
pub struct IndicatorCardView {
    /// Node id.
    pub id: String,
    /// Display name.
    pub name: String,
    /// Unit (e.g. `jours`, `%`, `€`).
    pub unit: String,
    /// Decimals to show for values.
    #[serde(default)]
    pub decimals: u8,
    /// Actual values, in period order.
    pub series: Vec<SeriesPoint>,
    /// Target or trajectory, in period order (may be empty).
    #[serde(default)]
    pub targets: Vec<SeriesPoint>,
    /// Threshold zones.
    #[serde(default)]
    pub bands: Vec<Band>,
    /// Latest status.
    pub latest: Option<LatestView>,
    /// The engine's result for the indicator at the latest period, whose explanation the
    /// renderers write in the report's language; `None` shows none.
    #[serde(default)]
    pub explanation: Option<NodeResult>,
}

/// The lead times (in days) of the files decided in one period.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
pub struct LeadTimeSample {
    /// The period the sample covers (e.g. the year 2014 or the quarter 2025-Q4), written by
    /// the renderers in the report's language; `None` shows no label.
    #[serde(default)]
    pub period: Option<Period>,
    /// One lead time per decided file, in days.
    pub days: Vec<f64>,
}

/// A bucket of the ageing of open files.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct AgeingBucket {
    /// Lowest age in days (inclusive).
    pub min_days: u32,
    /// Highest age in days (exclusive), `None` for the open-ended last bucket.
    pub max_days: Option<u32>,
    /// Number of open files in the bucket.
    pub count: u32,
}

/// Portfolio flow: caseload, lead times of two periods, ageing.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
pub struct PortfolioView {
    /// Active caseload at the end of each period.
    pub caseload: Vec<SeriesPoint>,
    /// Lead times of the earlier period of the comparison.
    pub lead_time_before: LeadTimeSample,
    /// Lead times of the later period of the comparison.
    pub lead_time_after: LeadTimeSample,
    /// Ageing of the files open at the report date.
    pub ageing: Vec<AgeingBucket>,
    /// The figures the explanation of the portfolio gives in words; `None` shows none.
    #[serde(default)]
    pub explanation: Option<PortfolioExplanation>,
}

/// The lead-time figures of one period, as the explanation of the portfolio states them.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
pub struct LeadTimeFigures {
    /// The period.
    pub period: Period,
    /// Number of files decided in it.
    pub count: usize,
    /// Mean lead time in days.
    pub mean_days: Option<f64>,
    /// Median lead time in days.
    pub median_days: Option<f64>,
}

/// How the portfolio's figures were obtained, as data (the renderers write it in words).
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
pub struct PortfolioExplanation {
    /// The day the caseload and the ageing are counted at.
    pub as_of: NaiveDate,
    /// The report's period.
    pub period: Period,
    /// Active caseload at `as_of`.
    pub active_caseload: usize,
    /// Which files count in the caseload.
    pub caseload: CaseloadOptions,
    /// Lead-time start and stop events.
    pub lead_time: LeadTimeOptions,
    /// Lead times of the earlier period of the comparison.
    pub earlier: LeadTimeFigures,
    /// Lead times of the later period of the comparison.
    pub later: LeadTimeFigures,
    /// Ratio of the means (earlier / later).
    pub mean_ratio: Option<f64>,
    /// Ratio of the medians (earlier / later).
    pub median_ratio: Option<f64>,
}

/// Partner funds by status at one period (amounts of the steps dated in the period); an
/// amount is `None` (shown as `–`) when its sum overflows.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
pub struct FundsPoint {
    /// The period.
    pub period: Period,
    /// Pledged.
    pub pledged: Option<Decimal>,
    /// Signed.
    pub signed: Option<Decimal>,
    /// Received.
    pub received: Option<Decimal>,
}

/// Leverage with the definition it uses.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
pub struct LeverageView {
    /// The ratio (e.g. 5.0 for "1 to 5"), `None` when undefined (no own funds).
    pub value: Option<f64>,
    /// The numerator (e.g. external funds); `None` when it cannot be formed (no planned
    /// cost, a sum that overflows), shown as `–`.
    pub numerator: Option<Decimal>,
    /// The denominator (e.g. own funds); `None` when its sum overflows, shown as `–`.
    pub denominator: Option<Decimal>,
    /// The definition, written in words by the renderers.
    pub definition: LeverageDefinition,
    /// The day of the projects the ratio is taken over (`None`: the definition alone).
    #[serde(default)]
    pub as_of: Option<NaiveDate>,
}

/// A partner and its contribution.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
pub struct PartnerAmount {
    /// Partner id.
    pub id: String,
    /// Display name.
    pub name: String,
    /// Kind (written by the renderers, e.g. `Région`), `None` when unknown.
    #[serde(default)]
    pub kind: Option<PartnerKind>,
    /// Amount (signed or received, as the adapter chooses and the explanation says); `None`
    /// when its sum overflows, shown as `–`.
    pub amount: Option<Decimal>,
}

/// Partnership finance.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
pub struct PartnershipView {
    /// Funds by status over time.
    pub funds: Vec<FundsPoint>,
    /// Leverage.
    pub leverage: Option<LeverageView>,
    /// Top partners, largest first.
    pub top_partners: Vec<PartnerAmount>,
    /// Number of partners.
    #[serde(default)]
    pub partner_count: Option<u32>,
    /// The figures the explanation of the partnerships gives in words; `None` shows none.
    #[serde(default)]
    pub explanation: Option<PartnershipExplanation>,
}

/// How the partnership figures were obtained, as data (the renderers write it in words).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct PartnershipExplanation {
    /// The day the totals are taken at.
    pub as_of: NaiveDate,
    /// The report's period.
    pub period: Period,
    /// Total pledged by `as_of` (`None` when its sum overflows).
    pub pledged: Option<Decimal>,
    /// Total signed by `as_of`.
    pub signed: Option<Decimal>,
    /// Total received by `as_of`.
    pub received: Option<Decimal>,
    /// How many top partners the concentration share counts.
    pub top_n: usize,
    /// Share of the signed funds of the `top_n` first partners, 0-1.
    pub top_share: Option<f64>,
    /// Why the leverage is undefined (a code the locale words), when it is for another
    /// reason than an overflow.
    #[serde(default)]
    pub leverage_undefined: Option<crate::analytics::partnership::LeverageUndefined>,
    /// Whether some sum overflowed (said once, in the report's language).
    #[serde(default)]
    pub overflow: bool,
}
