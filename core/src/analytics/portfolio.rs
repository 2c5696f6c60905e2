//! Portfolio analytics: the flow of files through their stages, computed from the dated
//! stage histories of the projects only.
//!
//! Every function takes the [`Workspace`] and a date or a [`Period`] (read on the workspace's
//! fiscal calendar) and returns plain serialisable data that lists the ids it counted.
//!
//! Definitions used throughout:
//! - **Active** at a date: registered on or before the date, and neither closed nor abandoned
//!   on or before it (a file abandoned on day `d` is no longer active on `d`). By default a
//!   rejected file and a delivered one stay active until they are closed: the team still
//!   carries them (notifying the refusal and answering it; paying the last tranches, reporting
//!   to the co-financers and closing the accounts). [`CaseloadOptions`] can leave either out
//!   from the day of the rejection or the delivery.
//! - **Lead time**: calendar days from a start event to a stop event ([`LeadTimeOptions`]);
//!   a file counts in the period its stop event falls in. Day statistics are `f64`.
//! - **Percentiles**: linear interpolation between closest ranks (Hyndman & Fan type 7, the
//!   default of NumPy and of Excel's `PERCENTILE.INC`), see [`percentile`]; the median is
//!   the 50th percentile, so it is the usual median (mean of the middle two for an even count).
//! - **Ratios and shares** are `Decimal` fractions (0.25, not 25 %) rounded to
//!   [`RATIO_DECIMALS`] places, half away from zero ([`round_ratio`]); money is never rounded.
//! - **Money sums are checked**: a total that overflows `Decimal` is `None`, never
//!   `Decimal::MAX`, and the result's `overflow` field says why.

use std::collections::BTreeMap;

use chrono::NaiveDate;
use rust_decimal::{Decimal, RoundingStrategy};
use serde::{Deserialize, Serialize};

use crate::model::money::{overflow_note, sum};
use crate::model::period::Period;
use crate::model::project::{Project, Stage};
use crate::model::workspace::Workspace;

/// Decimal places kept in every ratio or share (co-financing rate, leverage, shares...).
pub const RATIO_DECIMALS: u32 = 4;

/// Round a ratio to [`RATIO_DECIMALS`] places, half away from zero (0.12345 -> 0.1235).
pub fn round_ratio(value: Decimal) -> Decimal {
    value.round_dp_with_strategy(RATIO_DECIMALS, RoundingStrategy::MidpointAwayFromZero)
}

/// `numerator / denominator` rounded by [`round_ratio`]; `None` when the denominator is zero
/// (or the quotient overflows).
pub fn ratio(numerator: Decimal, denominator: Decimal) -> Option<Decimal> {
    if denominator.is_zero() {
        return None;
    }
    numerator.checked_div(denominator).map(round_ratio)
}

/// The `p`-th quantile (`p` in 0..=1) of `sorted` (ascending), by linear interpolation
/// between closest ranks (Hyndman & Fan type 7): with `h = (n - 1) p`, the value is
/// `x[floor h] + (h - floor h) (x[floor h + 1] - x[floor h])` (0-based ranks).
/// `None` for an empty slice or a `p` outside 0..=1 (or not a number).
///
/// ```
/// use pilotage::analytics::portfolio::percentile;
/// assert_eq!(percentile(&[10.0, 20.0], 0.5), Some(15.0));
/// assert_eq!(percentile(&[10.0, 20.0], 0.9), Some(19.0));
/// assert_eq!(percentile(&[7.0], 0.9), Some(7.0));
/// assert_eq!(percentile(&[], 0.5), None);
/// ```
pub fn percentile(sorted: &[f64], p: f64) -> Option<f64> {
    if sorted.is_empty() || !(0.0..=1.0).contains(&p) {
        return None;
    }
    let h = (sorted.len() - 1) as f64 * p;
    let lo = h.floor();
    let i = lo as usize;
    let below = *sorted.get(i)?;
    let above = sorted.get(i + 1).copied().unwrap_or(below);
    Some(below + (h - lo) * (above - below))
}

/// The day a file was registered (its first `registered` event).
fn registered(p: &Project) -> Option<NaiveDate> {
    p.date_of(Stage::Registered)
}

/// Which files count in the active caseload besides those in instruction or in progress.
///
/// The default follows the definition of the "file active" (files received and not yet
/// closed): a rejected file and a delivered file both stay active until their `closed` (or
/// `abandoned`) date, because the team still works on them. A city that counts only the files
/// still to be decided or built sets both to `false`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(default, deny_unknown_fields)]
pub struct CaseloadOptions {
    /// A rejected file (decided, rejected, not yet closed) stays active until closed
    /// (default `true`); `false` leaves it out from the day of the rejection.
    pub rejected_until_closed: bool,
    /// A delivered file not yet closed stays active until closed (default `true`); `false`
    /// leaves it out from the day of the delivery.
    pub delivered_until_closed: bool,
}

impl Default for CaseloadOptions {
    fn default() -> Self {
        CaseloadOptions { rejected_until_closed: true, delivered_until_closed: true }
    }
}

impl CaseloadOptions {
    /// The names of the four rules, the default first (the main job's `--caseload`, the
    /// bindings' `caseload=`).
    pub const NAMES: [&'static str; 4] =
        ["until_closed", "without_rejected", "without_delivered", "in_progress"];

    /// The rule's name: `until_closed` (the default: rejected and delivered files count until
    /// closed), `without_rejected`, `without_delivered`, or `in_progress` (neither).
    pub fn name(self) -> &'static str {
        match (self.rejected_until_closed, self.delivered_until_closed) {
            (true, true) => "until_closed",
            (false, true) => "without_rejected",
            (true, false) => "without_delivered",
            (false, false) => "in_progress",
        }
    }

    /// The rule in words ("registered, not closed or abandoned; rejected and delivered files
    /// count until closed").
    pub fn describe(self) -> String {
        let base = "registered and not closed or abandoned";
        match (self.rejected_until_closed, self.delivered_until_closed) {
            (true, true) => format!("{base}; rejected and delivered files count until closed"),
            (false, true) => format!("{base}, and not rejected; delivered files count until closed"),
            (true, false) => format!("{base}, and not delivered; rejected files count until closed"),
            (false, false) => format!("{base}, and neither rejected nor delivered"),
        }
    }
}

impl std::str::FromStr for CaseloadOptions {
    type Err = String;

    /// Parse a rule's name ([`CaseloadOptions::name`]); the error lists the names.
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        [(true, true), (false, true), (true, false), (false, false)]
            .into_iter()
            .map(|(r, d)| CaseloadOptions { rejected_until_closed: r, delivered_until_closed: d })
            .find(|o| o.name() == s)
            .ok_or_else(|| {
                format!("unknown caseload rule {s:?}: expected one of {}", CaseloadOptions::NAMES.join(", "))
            })
    }
}

/// True when the file is active on `date`: registered on or before it, and not closed or
/// abandoned on or before it (the default [`CaseloadOptions`]).
pub fn is_active(p: &Project, date: NaiveDate) -> bool {
    is_active_with(p, date, CaseloadOptions::default())
}

/// True when the file is active on `date` under `options`: registered on or before it, not
/// closed or abandoned on or before it, and, when the options say so, not rejected or not
/// delivered on or before it.
pub fn is_active_with(p: &Project, date: NaiveDate, options: CaseloadOptions) -> bool {
    let reached = |stage: Stage| p.date_of(stage).is_some_and(|d| d <= date);
    registered(p).is_some_and(|r| r <= date)
        && p.exit_date().is_none_or(|x| x > date)
        && (options.rejected_until_closed || !reached(Stage::Rejected))
        && (options.delivered_until_closed || !reached(Stage::Delivered))
}

/// The files active on `date`, in workspace order.
pub fn active_projects(ws: &Workspace, date: NaiveDate) -> Vec<&Project> {
    active_projects_with(ws, date, CaseloadOptions::default())
}

/// The files active on `date` under `options`, in workspace order.
pub fn active_projects_with(ws: &Workspace, date: NaiveDate, options: CaseloadOptions) -> Vec<&Project> {
    ws.projects.iter().filter(|p| is_active_with(p, date, options)).collect()
}

/// The active caseload at a date and its splits.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, schemars::JsonSchema)]
pub struct Caseload {
    /// The date.
    pub date: NaiveDate,
    /// Which files count as active.
    pub options: CaseloadOptions,
    /// The rule in words ([`CaseloadOptions::describe`]).
    pub rule: String,
    /// Number of active files.
    pub count: usize,
    /// Their ids, in workspace order.
    pub projects: Vec<String>,
    /// Count by the stage each file is in on the date.
    pub by_stage: BTreeMap<Stage, usize>,
    /// Count by lead service id.
    pub by_lead_service: BTreeMap<String, usize>,
    /// Count by objective id; a file serving two objectives counts under each, so this
    /// split may add up to more than `count`.
    pub by_objective: BTreeMap<String, usize>,
    /// Active files that serve no objective.
    pub without_objective: usize,
}

/// The active caseload ("file active") on `date` (the default [`CaseloadOptions`]).
pub fn caseload(ws: &Workspace, date: NaiveDate) -> Caseload {
    caseload_with(ws, date, CaseloadOptions::default())
}

/// The active caseload on `date` under `options`.
pub fn caseload_with(ws: &Workspace, date: NaiveDate, options: CaseloadOptions) -> Caseload {
    let active = active_projects_with(ws, date, options);
    let mut by_stage = BTreeMap::new();
    let mut by_lead_service = BTreeMap::new();
    let mut by_objective = BTreeMap::new();
    let mut without_objective = 0;
    for p in &active {
        if let Some(stage) = p.stage_at(date) {
            *by_stage.entry(stage).or_insert(0) += 1;
        }
        *by_lead_service.entry(p.lead_service.clone()).or_insert(0) += 1;
        if p.objectives.is_empty() {
            without_objective += 1;
        }
        let mut seen: Vec<&str> = Vec::new();
        for o in &p.objectives {
            if !seen.contains(&o.as_str()) {
                seen.push(o);
                *by_objective.entry(o.clone()).or_insert(0) += 1;
            }
        }
    }
    Caseload {
        date,
        options,
        rule: options.describe(),
        count: active.len(),
        projects: active.iter().map(|p| p.id.clone()).collect(),
        by_stage,
        by_lead_service,
        by_objective,
        without_objective,
    }
}

/// An event of a file's life that a lead time can start or stop at.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize, schemars::JsonSchema,
)]
#[serde(rename_all = "snake_case")]
// named as the TypeScript declarations name it (the scorecard has its own `Milestone`)
#[schemars(rename = "LeadTimeEvent")]
pub enum Milestone {
    /// Registration.
    Registered,
    /// The file became complete.
    Complete,
    /// The decision, approved or rejected.
    Decision,
    /// Approval only.
    Approved,
    /// The applicant notified of the decision: registration to notification is "instruction
    /// + notification".
    Notified,
    /// Work started.
    Started,
    /// Delivery.
    Delivered,
    /// Administrative closing.
    Closed,
}

impl Milestone {
    /// Every milestone, in the order of a file's life.
    pub const ALL: [Milestone; 8] = [
        Milestone::Registered,
        Milestone::Complete,
        Milestone::Decision,
        Milestone::Approved,
        Milestone::Notified,
        Milestone::Started,
        Milestone::Delivered,
        Milestone::Closed,
    ];

    /// The day the file reached this milestone, if it did.
    pub fn date(self, p: &Project) -> Option<NaiveDate> {
        match self {
            Milestone::Registered => p.date_of(Stage::Registered),
            Milestone::Complete => p.date_of(Stage::Complete),
            Milestone::Decision => p.decision().map(|(_, d)| d),
            Milestone::Approved => p.date_of(Stage::Approved),
            Milestone::Notified => p.date_of(Stage::Notified),
            Milestone::Started => p.date_of(Stage::Started),
            Milestone::Delivered => p.date_of(Stage::Delivered),
            Milestone::Closed => p.date_of(Stage::Closed),
        }
    }

    /// The snake_case name.
    pub fn as_str(self) -> &'static str {
        match self {
            Milestone::Registered => "registered",
            Milestone::Complete => "complete",
            Milestone::Decision => "decision",
            Milestone::Approved => "approved",
            Milestone::Notified => "notified",
            Milestone::Started => "started",
            Milestone::Delivered => "delivered",
            Milestone::Closed => "closed",
        }
    }
}

/// Which events a lead time runs between; a field missing when read takes its [`Default`]
/// value.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(default, deny_unknown_fields)]
pub struct LeadTimeOptions {
    /// Where the clock starts (registration by default; `complete` for the French practice
    /// of counting from the complete file).
    pub start: Milestone,
    /// Where it stops (the decision by default); a file counts in the period of this event.
    pub stop: Milestone,
}

impl Default for LeadTimeOptions {
    fn default() -> Self {
        LeadTimeOptions { start: Milestone::Registered, stop: Milestone::Decision }
    }
}

/// The lead time of one file.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, schemars::JsonSchema)]
pub struct FileLeadTime {
    /// Project id.
    pub project: String,
    /// Day of the start event.
    pub start: NaiveDate,
    /// Day of the stop event.
    pub stop: NaiveDate,
    /// Calendar days between them (0 when both fall on the same day).
    pub days: i64,
}

/// A file whose stop event fell in the period but that has no lead time, and why.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, schemars::JsonSchema)]
pub struct Excluded {
    /// Project id.
    pub project: String,
    /// Why it is left out.
    pub reason: String,
}

/// Lead-time statistics of the files whose stop event falls in a period.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, schemars::JsonSchema)]
pub struct LeadTimeStats {
    /// The period.
    pub period: Period,
    /// The last day counted: the period's end, or an earlier day for a year-to-date figure.
    pub through: NaiveDate,
    /// The events measured between.
    pub options: LeadTimeOptions,
    /// Number of files measured.
    pub count: usize,
    /// Mean days (sum of days / count), `None` when no file.
    pub mean_days: Option<f64>,
    /// Median days ([`percentile`] 0.5).
    pub median_days: Option<f64>,
    /// 90th percentile of days ([`percentile`] 0.9).
    pub p90_days: Option<f64>,
    /// Longest lead time.
    pub max_days: Option<i64>,
    /// Each file measured, shortest first (ties by id).
    pub files: Vec<FileLeadTime>,
    /// Files stopped in the period that could not be measured (no start event, or a start
    /// after the stop).
    pub excluded: Vec<Excluded>,
}

/// Instruction lead time of the files whose stop event (the decision, by default) falls in
/// `period`. Files never decided are not in the statistics.
pub fn lead_time(ws: &Workspace, period: Period, options: LeadTimeOptions) -> LeadTimeStats {
    lead_time_through(ws, period, period.end_date(ws.calendar()), options)
}

/// [`lead_time`] of the files whose stop event falls in `period` on or before `through` (the
/// period to date; `through` after the period's end counts the whole period).
pub fn lead_time_through(
    ws: &Workspace,
    period: Period,
    through: NaiveDate,
    options: LeadTimeOptions,
) -> LeadTimeStats {
    let cal = ws.calendar();
    let through = through.min(period.end_date(cal));
    let mut files = Vec::new();
    let mut excluded = Vec::new();
    for p in &ws.projects {
        let Some(stop) = options.stop.date(p) else { continue };
        if !period.contains_date(stop, cal) || stop > through {
            continue;
        }
        match options.start.date(p) {
            None => excluded.push(Excluded {
                project: p.id.clone(),
                reason: format!("no {} date", options.start.as_str()),
            }),
            Some(start) if start > stop => excluded.push(Excluded {
                project: p.id.clone(),
                reason: format!(
                    "{} on {start} is after {} on {stop}",
                    options.start.as_str(),
                    options.stop.as_str()
                ),
            }),
            Some(start) => files.push(FileLeadTime {
                project: p.id.clone(),
                start,
                stop,
                days: (stop - start).num_days(),
            }),
        }
    }
    crate::sort::sort_by(&mut files, |a, b| a.days.cmp(&b.days).then_with(|| a.project.cmp(&b.project)));
    let days: Vec<f64> = files.iter().map(|f| f.days as f64).collect();
    let mean_days = (!days.is_empty()).then(|| days.iter().sum::<f64>() / days.len() as f64);
    LeadTimeStats {
        period,
        through,
        options,
        count: files.len(),
        mean_days,
        median_days: percentile(&days, 0.5),
        p90_days: percentile(&days, 0.9),
        max_days: files.iter().map(|f| f.days).max(),
        files,
        excluded,
    }
}

/// Lead times of two periods compared: earlier / later (4 means "divided by 4").
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, schemars::JsonSchema)]
pub struct LeadTimeComparison {
    /// The earlier period's statistics.
    pub earlier: LeadTimeStats,
    /// The later period's statistics.
    pub later: LeadTimeStats,
    /// Earlier mean / later mean; `None` when either is missing or the later mean is 0.
    pub mean_ratio: Option<f64>,
    /// Earlier median / later median; `None` likewise.
    pub median_ratio: Option<f64>,
    /// Why a ratio is missing, when one is (empty otherwise); worded for a language by
    /// [`LeadTimeNote::text`].
    pub notes: Vec<LeadTimeNote>,
}

/// Why a lead-time ratio is missing. Serialised with a `code` tag in snake_case:
/// `{"code": "no_files", "period": "2019-11", "stop": "decision", "through": null}`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, schemars::JsonSchema)]
#[serde(tag = "code", rename_all = "snake_case")]
pub enum LeadTimeNote {
    /// No file reached `stop` in `period` (counted up to `through` when the period is
    /// compared only that far).
    NoFiles {
        /// The period without files.
        period: Period,
        /// The event the files had to reach.
        stop: Milestone,
        /// The day the period is counted up to, when before its end.
        through: Option<NaiveDate>,
    },
    /// The later period's mean is 0 days: nothing to divide by.
    ZeroMean,
    /// The later period's median is 0 days.
    ZeroMedian,
}

// Serialised by hand, to the JSON serde's derive gives it (the tag first, then the fields in
// declaration order; `tests/portfolio.rs` checks it): the derived internally tagged
// serialiser costs the WebAssembly package about a kilobyte gzipped, over its size budget.
impl Serialize for LeadTimeNote {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeMap;
        let mut m = s.serialize_map(None)?;
        match self {
            LeadTimeNote::NoFiles { period, stop, through } => {
                m.serialize_entry("code", "no_files")?;
                m.serialize_entry("period", period)?;
                m.serialize_entry("stop", stop)?;
                m.serialize_entry("through", through)?;
            }
            LeadTimeNote::ZeroMean => m.serialize_entry("code", "zero_mean")?,
            LeadTimeNote::ZeroMedian => m.serialize_entry("code", "zero_median")?,
        }
        m.end()
    }
}

impl LeadTimeNote {
    /// The note in a language.
    pub fn text(self, locale: crate::locale::Locale) -> String {
        // the explanations' spellings of periods and dates (the files' in English)
        let (w, f) = (&locale.words().report, &locale.words().explain.format);
        match self {
            LeadTimeNote::NoFiles { period, stop, through: None } => crate::locale::fill(
                w.lead_time_notes[0],
                &[crate::locale::milestone_label(stop, locale), &f.period(period)],
            ),
            LeadTimeNote::NoFiles { period, stop, through: Some(day) } => crate::locale::fill(
                w.lead_time_notes[1],
                &[crate::locale::milestone_label(stop, locale), &f.period(period), &f.date(day)],
            ),
            LeadTimeNote::ZeroMean => w.lead_time_notes[2].to_string(),
            LeadTimeNote::ZeroMedian => w.lead_time_notes[3].to_string(),
        }
    }
}

fn day_ratio(
    earlier: Option<f64>,
    later: Option<f64>,
    zero: LeadTimeNote,
    notes: &mut Vec<LeadTimeNote>,
) -> Option<f64> {
    match (earlier, later) {
        (Some(e), Some(l)) if l > 0.0 => Some(e / l),
        (Some(_), Some(_)) => {
            notes.push(zero);
            None
        }
        _ => None,
    }
}

/// Compare the lead times of `earlier` and `later` (the city's "instruction time divided by 4").
pub fn compare_lead_times(
    ws: &Workspace,
    earlier: Period,
    later: Period,
    options: LeadTimeOptions,
) -> LeadTimeComparison {
    compare_lead_times_to_date(ws, earlier, later, later.end_date(ws.calendar()), options)
}

/// Compare `later` up to `through` with the same span of `earlier` ([`Period::same_day_as`]):
/// on 30 June, the first half of this year against the first half of the earlier one, so
/// that a year in progress is never compared with a whole year.
pub fn compare_lead_times_to_date(
    ws: &Workspace,
    earlier: Period,
    later: Period,
    through: NaiveDate,
    options: LeadTimeOptions,
) -> LeadTimeComparison {
    let cal = ws.calendar();
    let l = lead_time_through(ws, later, through, options);
    let e = lead_time_through(ws, earlier, earlier.same_day_as(l.through, later, cal), options);
    let mut notes = Vec::new();
    for (stats, period) in [(&e, earlier), (&l, later)] {
        if stats.count == 0 {
            let through = (stats.through < period.end_date(cal)).then_some(stats.through);
            notes.push(LeadTimeNote::NoFiles { period, stop: options.stop, through });
        }
    }
    let mean_ratio = day_ratio(e.mean_days, l.mean_days, LeadTimeNote::ZeroMean, &mut notes);
    let median_ratio = day_ratio(e.median_days, l.median_days, LeadTimeNote::ZeroMedian, &mut notes);
    LeadTimeComparison { earlier: e, later: l, mean_ratio, median_ratio, notes }
}

/// What flowed through the portfolio in a period.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, schemars::JsonSchema)]
pub struct Throughput {
    /// The period.
    pub period: Period,
    /// Files registered in the period.
    pub registered: Vec<String>,
    /// Files approved in the period.
    pub approved: Vec<String>,
    /// Files rejected in the period.
    pub rejected: Vec<String>,
    /// Projects delivered in the period.
    pub delivered: Vec<String>,
}

impl Throughput {
    /// Decisions of the period (approved plus rejected).
    pub fn decisions(&self) -> usize {
        self.approved.len() + self.rejected.len()
    }
}

/// Registrations, decisions (approved / rejected) and deliveries in `period`.
pub fn throughput(ws: &Workspace, period: Period) -> Throughput {
    let cal = ws.calendar();
    let ids = |stage: Stage| -> Vec<String> {
        ws.projects
            .iter()
            .filter(|p| p.date_of(stage).is_some_and(|d| period.contains_date(d, cal)))
            .map(|p| p.id.clone())
            .collect()
    };
    Throughput {
        period,
        registered: ids(Stage::Registered),
        approved: ids(Stage::Approved),
        rejected: ids(Stage::Rejected),
        delivered: ids(Stage::Delivered),
    }
}

/// The active files on a date grouped by the stage they are in.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, schemars::JsonSchema)]
pub struct WorkInProgress {
    /// The date.
    pub date: NaiveDate,
    /// Active file ids by current stage (stages with no file are absent).
    pub by_stage: BTreeMap<Stage, Vec<String>>,
}

/// Work in progress by stage on `date` (active files only).
pub fn work_in_progress(ws: &Workspace, date: NaiveDate) -> WorkInProgress {
    let mut by_stage: BTreeMap<Stage, Vec<String>> = BTreeMap::new();
    for p in active_projects(ws, date) {
        if let Some(stage) = p.stage_at(date) {
            by_stage.entry(stage).or_default().push(p.id.clone());
        }
    }
    WorkInProgress { date, by_stage }
}

/// How long one open file has waited.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, schemars::JsonSchema)]
pub struct FileAge {
    /// Project id.
    pub project: String,
    /// Day it was registered.
    pub registered: NaiveDate,
    /// Stage it is in on the date.
    pub stage: Stage,
    /// Day it reached that stage.
    pub stage_since: NaiveDate,
    /// Days since registration.
    pub days_since_registration: i64,
    /// Days since it reached its current stage.
    pub days_in_stage: i64,
}

/// Ageing of the open (active) files on `date`, oldest registration first (ties by id).
pub fn ageing(ws: &Workspace, date: NaiveDate) -> Vec<FileAge> {
    let mut out: Vec<FileAge> = active_projects(ws, date)
        .into_iter()
        .filter_map(|p| {
            let reg = registered(p)?;
            let last = p.stages.iter().filter(|e| e.date <= date).max_by_key(|e| (e.date, e.stage.rank()))?;
            Some(FileAge {
                project: p.id.clone(),
                registered: reg,
                stage: last.stage,
                stage_since: last.date,
                days_since_registration: (date - reg).num_days(),
                days_in_stage: (date - last.date).num_days(),
            })
        })
        .collect();
    crate::sort::sort_by(&mut out, |a, b| {
        b.days_since_registration.cmp(&a.days_since_registration).then_with(|| a.project.cmp(&b.project))
    });
    out
}

/// Delivery of one project: timeliness and budget.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, schemars::JsonSchema)]
pub struct ProjectDelivery {
    /// Project id.
    pub project: String,
    /// Day delivered.
    pub delivered: NaiveDate,
    /// Planned end, if set.
    pub planned_end: Option<NaiveDate>,
    /// Delivered on or before the planned end; `None` without a planned end.
    pub on_time: Option<bool>,
    /// Days after the planned end (negative when early).
    pub days_late: Option<i64>,
    /// Planned cost.
    pub planned_cost: Option<Decimal>,
    /// Actual cost.
    pub actual_cost: Option<Decimal>,
    /// Actual - planned, when both are known.
    pub variance: Option<Decimal>,
    /// (actual - planned) / planned, rounded by [`round_ratio`]; `None` for a zero plan.
    pub relative_variance: Option<Decimal>,
}

/// On-time and on-budget delivery of delivered projects.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, schemars::JsonSchema)]
pub struct DeliveryReport {
    /// The period of delivery considered (`None`: every delivered project).
    pub period: Option<Period>,
    /// Each delivered project, by delivery date then id.
    pub projects: Vec<ProjectDelivery>,
    /// Projects with a planned end (the denominator of the on-time rate).
    pub with_planned_end: usize,
    /// Of those, delivered on or before the planned end.
    pub on_time: usize,
    /// `on_time / with_planned_end` rounded by [`round_ratio`]; `None` when no project has
    /// a planned end.
    pub on_time_rate: Option<Decimal>,
    /// Sum of planned costs of the projects with both costs known (`None`: it overflows).
    pub planned_total: Option<Decimal>,
    /// Sum of their actual costs (`None`: it overflows).
    pub actual_total: Option<Decimal>,
    /// `actual_total - planned_total` (`None`: a total or the difference overflows).
    pub variance_total: Option<Decimal>,
    /// `variance_total / planned_total` rounded; `None` when the planned total is 0 or a
    /// sum overflows.
    pub relative_variance_total: Option<Decimal>,
    /// Why the totals are `None` (a sum overflows), when they are.
    pub overflow: Option<String>,
}

/// Delivery report of the projects delivered in `period` (every delivered project for `None`).
pub fn delivery(ws: &Workspace, period: Option<Period>) -> DeliveryReport {
    let cal = ws.calendar();
    let mut projects: Vec<ProjectDelivery> = ws
        .projects
        .iter()
        .filter_map(|p| {
            let delivered = p.actual_end()?;
            if period.is_some_and(|per| !per.contains_date(delivered, cal)) {
                return None;
            }
            let variance = match (p.planned_cost, p.actual_cost) {
                (Some(plan), Some(act)) => act.checked_sub(plan),
                _ => None,
            };
            Some(ProjectDelivery {
                project: p.id.clone(),
                delivered,
                planned_end: p.planned_end,
                on_time: p.planned_end.map(|e| delivered <= e),
                days_late: p.planned_end.map(|e| (delivered - e).num_days()),
                planned_cost: p.planned_cost,
                actual_cost: p.actual_cost,
                variance,
                relative_variance: variance.zip(p.planned_cost).and_then(|(v, plan)| ratio(v, plan)),
            })
        })
        .collect();
    crate::sort::sort_by(&mut projects, |a, b| {
        a.delivered.cmp(&b.delivered).then_with(|| a.project.cmp(&b.project))
    });
    let with_planned_end = projects.iter().filter(|d| d.on_time.is_some()).count();
    let on_time = projects.iter().filter(|d| d.on_time == Some(true)).count();
    let (mut planned_total, mut actual_total) = (Some(Decimal::ZERO), Some(Decimal::ZERO));
    for d in &projects {
        if let (Some(plan), Some(act)) = (d.planned_cost, d.actual_cost) {
            planned_total = sum(planned_total, Some(plan));
            actual_total = sum(actual_total, Some(act));
        }
    }
    let variance_total = actual_total.zip(planned_total).and_then(|(a, p)| a.checked_sub(p));
    DeliveryReport {
        period,
        with_planned_end,
        on_time,
        on_time_rate: ratio(Decimal::from(on_time), Decimal::from(with_planned_end)),
        planned_total,
        actual_total,
        variance_total,
        relative_variance_total: variance_total.zip(planned_total).and_then(|(v, p)| ratio(v, p)),
        overflow: overflow_note(variance_total.is_none()),
        projects,
    }
}

/// The value of the active portfolio: planned costs of active files.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, schemars::JsonSchema)]
pub struct PortfolioValue {
    /// The date.
    pub date: NaiveDate,
    /// Sum of planned costs of the active files (`None`: it overflows).
    pub total: Option<Decimal>,
    /// Active files whose planned cost is counted.
    pub projects: Vec<String>,
    /// Active files without a planned cost (not in the total).
    pub without_planned_cost: Vec<String>,
    /// Total by lead service (`None`: it overflows).
    pub by_lead_service: BTreeMap<String, Option<Decimal>>,
    /// Total by objective; a file serving two objectives counts fully under each, so this
    /// split may add up to more than `total` (`None`: it overflows).
    pub by_objective: BTreeMap<String, Option<Decimal>>,
    /// Planned cost of active files serving no objective (`None`: it overflows).
    pub without_objective: Option<Decimal>,
    /// Why some sums are `None` (they overflow), when one is.
    pub overflow: Option<String>,
}

/// Value of the portfolio on `date` (planned costs of the active files), and its splits.
pub fn portfolio_value(ws: &Workspace, date: NaiveDate) -> PortfolioValue {
    portfolio_value_with(ws, date, CaseloadOptions::default())
}

/// Value of the portfolio on `date`, the active files chosen by `options`.
pub fn portfolio_value_with(ws: &Workspace, date: NaiveDate, options: CaseloadOptions) -> PortfolioValue {
    let mut v = PortfolioValue {
        date,
        total: Some(Decimal::ZERO),
        projects: Vec::new(),
        without_planned_cost: Vec::new(),
        by_lead_service: BTreeMap::new(),
        by_objective: BTreeMap::new(),
        without_objective: Some(Decimal::ZERO),
        overflow: None,
    };
    for p in active_projects_with(ws, date, options) {
        let Some(cost) = p.planned_cost else {
            v.without_planned_cost.push(p.id.clone());
            continue;
        };
        v.projects.push(p.id.clone());
        let cost = Some(cost);
        v.total = sum(v.total, cost);
        let s = v.by_lead_service.entry(p.lead_service.clone()).or_insert(Some(Decimal::ZERO));
        *s = sum(*s, cost);
        if p.objectives.is_empty() {
            v.without_objective = sum(v.without_objective, cost);
        }
        let mut seen: Vec<&str> = Vec::new();
        for o in &p.objectives {
            if !seen.contains(&o.as_str()) {
                seen.push(o);
                let e = v.by_objective.entry(o.clone()).or_insert(Some(Decimal::ZERO));
                *e = sum(*e, cost);
            }
        }
    }
    let splits = v.by_lead_service.values().chain(v.by_objective.values());
    v.overflow = overflow_note(
        v.total.is_none() || v.without_objective.is_none() || splits.into_iter().any(Option::is_none),
    );
    v
}

/// Two services that work together on some projects.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, schemars::JsonSchema)]
pub struct ServicePair {
    /// The first service id (the smaller in byte order).
    pub a: String,
    /// The second service id.
    pub b: String,
    /// The projects both work on.
    pub projects: Vec<String>,
}

/// Transversality: projects run by several services, and who works with whom.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, schemars::JsonSchema)]
pub struct Transversality {
    /// The date of the active files considered (`None`: every project).
    pub date: Option<NaiveDate>,
    /// Projects considered.
    pub projects: usize,
    /// Those led by two or more services (the lead plus at least one other contributor).
    pub transversal: Vec<String>,
    /// `transversal / projects` rounded by [`round_ratio`]; `None` without projects.
    pub share: Option<Decimal>,
    /// Every pair of services that share a project, most shared projects first, then by
    /// `(a, b)`.
    pub pairs: Vec<ServicePair>,
}

/// Transversality of the files active on `date` (of every project for `None`).
pub fn transversality(ws: &Workspace, date: Option<NaiveDate>) -> Transversality {
    let considered: Vec<&Project> = match date {
        Some(d) => active_projects(ws, d),
        None => ws.projects.iter().collect(),
    };
    let mut transversal = Vec::new();
    let mut pairs: BTreeMap<(String, String), Vec<String>> = BTreeMap::new();
    for p in &considered {
        let services = p.services();
        if services.len() >= 2 {
            transversal.push(p.id.clone());
        }
        for (i, a) in services.iter().enumerate() {
            for b in services.iter().skip(i + 1) {
                let key =
                    if a <= b { (a.to_string(), b.to_string()) } else { (b.to_string(), a.to_string()) };
                pairs.entry(key).or_default().push(p.id.clone());
            }
        }
    }
    let mut pairs: Vec<ServicePair> =
        pairs.into_iter().map(|((a, b), projects)| ServicePair { a, b, projects }).collect();
    crate::sort::sort_by(&mut pairs, |x, y| {
        y.projects.len().cmp(&x.projects.len()).then_with(|| (&x.a, &x.b).cmp(&(&y.a, &y.b)))
    });
    Transversality {
        date,
        projects: considered.len(),
        share: ratio(Decimal::from(transversal.len()), Decimal::from(considered.len())),
        transversal,
        pairs,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn percentile_interpolates_between_ranks() {
        // 10 values 10..100: h = 9 * 0.9 = 8.1 -> x[8] + 0.1 (x[9] - x[8]) = 90 + 1 = 91.
        let ten: Vec<f64> = (1..=10).map(|i| i as f64 * 10.0).collect();
        assert_eq!(percentile(&ten, 0.9), Some(91.0));
        // Median of an even count: h = 4.5 -> 50 + 0.5 * 10 = 55.
        assert_eq!(percentile(&ten, 0.5), Some(55.0));
        assert_eq!(percentile(&ten, 0.0), Some(10.0));
        assert_eq!(percentile(&ten, 1.0), Some(100.0));
        assert_eq!(percentile(&ten, 1.5), None);
        assert_eq!(percentile(&ten, f64::NAN), None);
    }

    #[test]
    fn ratios_round_half_away_from_zero() {
        assert_eq!(round_ratio(Decimal::new(12345, 5)), Decimal::new(1235, 4));
        assert_eq!(round_ratio(Decimal::new(-12345, 5)), Decimal::new(-1235, 4));
        // 1 / 3 = 0.3333...
        assert_eq!(ratio(Decimal::ONE, Decimal::from(3)), Some(Decimal::new(3333, 4)));
        assert_eq!(ratio(Decimal::ONE, Decimal::ZERO), None);
    }
}
