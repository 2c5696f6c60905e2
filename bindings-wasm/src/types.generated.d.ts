// GENERATED from the Rust types' JSON Schemas (schema/workspace.schema.json and
// schema/results.schema.json) by bindings-wasm/tests/typescript_types.rs: do not edit.
// Regenerate with: UPDATE_TYPES=1 cargo test -p pilotage-wasm --test typescript_types

// ---- The workspace file (the same shape as docs/workspace-format.md) ----

/** Everything one organisation steers. */
export interface WorkspaceJson {
  /** Version of the file format (currently 1). */
  schema_version: number;
  /** Name of the organisation. */
  organisation: string;
  /** Co-financing commitments. */
  commitments?: Commitment[];
  /** ISO 4217 currency of every amount (EUR by default). */
  currency?: string;
  /** Month (1-12) the fiscal year starts in; fiscal year `Y` starts in calendar year `Y`. */
  fiscal_year_start_month?: number;
  /** Indicators, with their measurements and targets. */
  indicators?: Indicator[];
  /** Partners. */
  partners?: Partner[];
  /** Portfolio of projects. */
  projects?: Project[];
  /** The scorecard definition. */
  scorecard?: Scorecard;
  /** Services (org units). */
  services?: Service[];
  /** Engine settings. */
  settings?: Settings;
}

/** How a node combines its children's scores. */
export type Aggregation = "weighted_mean" | "weighted_geometric_mean" | "worst";

/** A cause-effect link of the strategy map. */
export interface CauseEffect {
  /** Id of the cause objective. */
  from: string;
  /** Id of the effect objective. */
  to: string;
  /** Periods between the cause and its effect. */
  lag?: number;
  /** Expected sign of the relation. */
  sign?: Sign;
}

/** Support from one partner, optionally for one project. */
export interface Commitment {
  /** Unique id. */
  id: string;
  /** Id of the partner. */
  partner: string;
  /** Form of the support. */
  kind: FundingKind;
  /** Id of the project it finances, if any. */
  project?: string | null;
  /** Dated steps. */
  steps?: CommitmentStep[];
}

/** One dated step of a commitment, with its amount. */
export interface CommitmentStep {
  /** The status reached. */
  status: FundingStatus;
  /** The day. */
  date: IsoDate;
  /** The amount of this step (a tranche, for several steps of one status). */
  amount: Money;
}

/** A comparison in an ordered status rule. */
export type Comparison = "at_least" | "above" | "at_most" | "below";

/** How expected progress counts the days between two dates (a day-count convention). */
export type DayCount = "elapsed" | "inclusive";

/** How often an indicator is measured, or at which grain a report is made. */
export type Frequency = "monthly" | "quarterly" | "yearly";

/** The form the support takes. */
export type FundingKind = "grant" | "sponsorship" | "investment" | "loan" | "in_kind";

/** How far a commitment has gone. */
export type FundingStatus = "pledged" | "signed" | "received";

/** An indicator of the scorecard. */
export interface Indicator {
  /** Unique id (shared namespace with objectives and perspectives). */
  id: string;
  /** Name. */
  name: string;
  /** How often it is measured. */
  frequency: Frequency;
  /** How the actual value becomes a score. */
  scoring: ScoringMethod;
  /** How measurements combine into a coarser reporting period. */
  aggregation?: TimeAggregation;
  /** Starting point for linear progress. */
  baseline?: PeriodValue | null;
  /** What it measures and how, for readers. */
  description?: string | null;
  /** The measurements. */
  measurements?: Measurement[];
  /** Staff data: measurements from fewer respondents are suppressed. */
  min_group_size?: number | null;
  /** Which direction is good. */
  polarity?: Polarity;
  /** Id of the service that owns it. */
  service?: string | null;
  /** Where its values come from. */
  source?: IndicatorSource;
  /**
   * What holds when no target is in force for a period (no explicit target for it, none
   * coarser or finer, no trajectory yet): `none` (the default: no target, so no score and
   * the status "no data") or `carry_forward` (the latest earlier explicit target).
   */
  target_policy?: TargetPolicy;
  /** Explicit targets per period (at the indicator's frequency or a coarser one). */
  targets?: PeriodValue[];
  /** Status cut-offs for this indicator (the workspace default otherwise). */
  thresholds?: StatusThresholds | null;
  /** A path to a target, used for periods without an explicit target. */
  trajectory?: Trajectory | null;
  /** Unit shown beside values (`days`, `%`, `EUR`, `files`...). */
  unit?: string;
}

/** An indicator's place under an objective, with its weight. */
export interface IndicatorLink {
  /** Id of the indicator. */
  indicator: string;
  /** Relative weight among the objective's indicators. */
  weight?: Weight;
}

/** Where an indicator's values come from. */
export type IndicatorSource =
  | { kind: "measured" }
  | { kind: "calculated"; expression: string }
  | { kind: "derived"; metric: Metric };

/**
 * How a lower-is-better ratio to target is formed (both are published; the first is the
 * default).
 */
export type LowerRatio = "target_over_actual" | "two_minus_actual_over_target";

/** One measurement of an indicator. */
export interface Measurement {
  /** The period measured, at the indicator's frequency. */
  period: PeriodText;
  /** Free comment. */
  comment?: string | null;
  /** Denominator of a rate (needed by `ratio_of_sums`). */
  denominator?: number | null;
  /** Numerator of a rate (needed by `ratio_of_sums`). */
  numerator?: number | null;
  /**
   * Number of people the value rests on (staff surveys): below the indicator's minimum
   * group size the value is suppressed everywhere.
   */
  respondents?: number | null;
  /** Where the value comes from. */
  source?: string | null;
  /**
   * The value; may be omitted when numerator and denominator are given (it is then
   * their ratio).
   */
  value?: number | null;
}

/**
 * A portfolio or partnership metric an indicator can take its values from, so that the
 * scorecard feeds itself from the raw records (see the `portfolio` and `partnership`
 * modules for the definitions).
 */
export type Metric =
  | "active_caseload"
  | "files_registered"
  | "files_decided"
  | "mean_instruction_days"
  | "median_instruction_days"
  | "p90_instruction_days"
  | "deliveries"
  | "on_time_delivery_rate"
  | "portfolio_value"
  | "transversal_share"
  | "partner_count"
  | "new_partners"
  | "active_partners"
  | "funds_pledged"
  | "funds_signed"
  | "funds_received"
  | "cumulative_funds_signed"
  | "leverage"
  | "cofinancing_rate"
  | "investment_capacity";

/** A dated point on an expected-progress path. */
export interface Milestone {
  /** The day. */
  date: IsoDate;
  /** The value expected that day. */
  value: number;
}

/** What a node does with a child that has no data for the period. */
export type MissingPolicy = "exclude" | "zero" | { carry_forward: { max_periods: number } } | "no_data";

/** A strategic objective, inside one perspective. */
export interface Objective {
  /** Unique id (shared namespace with perspectives and indicators). */
  id: string;
  /** Name. */
  name: string;
  /** Id of its perspective. */
  perspective: string;
  /** Its indicators. */
  indicators?: IndicatorLink[];
  /** How its indicators roll up. */
  rollup?: Rollup;
  /** Relative weight in its perspective. */
  weight?: Weight;
}

/** A partner of the organisation. */
export interface Partner {
  /** Unique id. */
  id: string;
  /** Name. */
  name: string;
  /** Kind of body. */
  kind: PartnerKind;
  /** The day it joined the partnership network (e.g. signed the INVESTINROMANS charter). */
  joined?: IsoDate | null;
}

/** What kind of body a partner is. */
export type PartnerKind =
  | "state"
  | "region"
  | "department"
  | "intercommunality"
  | "eu"
  | "public_agency"
  | "company"
  | "association"
  | "foundation"
  | "bank"
  | "other";

/** A value at a period (a baseline, or an end of a trajectory). */
export interface PeriodValue {
  /** The period. */
  period: PeriodText;
  /** The value. */
  value: number;
}

/** A perspective ("axe"): citizens & territory, finance & partnerships... */
export interface Perspective {
  /** Unique id (shared namespace with objectives and indicators). */
  id: string;
  /** Name. */
  name: string;
  /** How its objectives roll up. */
  rollup?: Rollup;
  /** Relative weight in the scorecard. */
  weight?: Weight;
}

/** Which direction is good. */
export type Polarity = "higher_is_better" | "lower_is_better" | "inside_band";

/** A file of the portfolio. */
export interface Project {
  /** Unique id. */
  id: string;
  /** Title. */
  title: string;
  /** Id of the service that leads it. */
  lead_service: string;
  /** Actual total cost, once known. */
  actual_cost?: Money | null;
  /** Ids of the other services that work on it (transversality). */
  contributing_services?: string[];
  /** Ids of the scorecard objectives it serves. */
  objectives?: string[];
  /** Funds the organisation itself puts in. */
  own_funds?: Money | null;
  /** Planned total cost. */
  planned_cost?: Money | null;
  /** Planned end (delivery) date. */
  planned_end?: IsoDate | null;
  /** Dated stage history, in life order. */
  stages?: StageEvent[];
}

/** Roll-up settings of a node. */
export interface Rollup {
  /** How children combine. */
  aggregation?: Aggregation;
  /** Below this share of weight with data (0-1), the node is "no data" (default 0). */
  min_coverage?: number;
  /** What missing children do. */
  missing?: MissingPolicy;
}

/** What a rule threshold is relative to. */
export type RuleBase = "absolute" | "target_fraction";

/** The whole scorecard definition. */
export interface Scorecard {
  /** Cause-effect links between objectives. */
  links?: CauseEffect[];
  /** Objectives, in display order. */
  objectives?: Objective[];
  /** Perspectives, in display order. */
  perspectives?: Perspective[];
  /** How perspectives roll up into the scorecard. */
  rollup?: Rollup;
}

/**
 * How an indicator is scored, with its parameters. Each method is documented with its
 * formula; `a` is the actual value for the period, `t` the target in force, `b` the baseline.
 */
export type ScoringMethod =
  | { method: "linear_progress"; cap?: number | null; floor_at_zero?: boolean }
  | { method: "ratio_to_target"; cap?: number | null; lower_is_better?: LowerRatio; zero_target?: ZeroTargetRule }
  | { method: "goal_red_flag"; red_flag: number; goal?: number | null }
  | { method: "band"; low: number; high: number; tolerance: number }
  | { method: "min_max"; min: number; max: number; log?: boolean }
  | { method: "status_rules"; rules: StatusRule[]; otherwise: Status; otherwise_score?: number | null }
  | { method: "expected_progress"; start: IsoDate; end: IsoDate; start_value: number; end_value: number; cap?: number | null; day_count?: DayCount; milestones?: Milestone[] };

/** A service (org unit) of the organisation. */
export interface Service {
  /** Unique id. */
  id: string;
  /** Name. */
  name: string;
}

/** Organisation-wide settings of the engine. */
export interface Settings {
  /** How many recent periods the least-squares forecast rests on. */
  forecast_window?: number;
  /** Fewest paired periods a cause-effect correlation needs. */
  min_correlation_periods?: number;
  /**
   * The last day the records (projects' stages, commitments' steps, partners' joining)
   * are complete through: derived values of later periods are missing, not zero. When
   * absent, the last day of the month of the latest record (see [`crate::engine::cutoff`]).
   */
  records_complete_through?: IsoDate | null;
  /** A score change (in points, 0-100 scale) below which a trend is "stable". */
  stability_tolerance?: number;
  /** Default status cut-offs. */
  thresholds?: StatusThresholds;
}

/** The sign expected between a cause and its effect. */
export type Sign = "positive" | "negative";

/** A stage of a file's life. */
export type Stage =
  | "registered"
  | "complete"
  | "approved"
  | "rejected"
  | "notified"
  | "started"
  | "delivered"
  | "closed"
  | "abandoned";

/** One dated step of a file's history. */
export interface StageEvent {
  /** The stage reached. */
  stage: Stage;
  /** The day it was reached. */
  date: IsoDate;
}

/** The health of a node. */
export type Status = "green" | "amber" | "red" | "no_data" | "suppressed";

/** One rule: if `actual <comparison> threshold` then `status` (first match wins). */
export interface StatusRule {
  /** How the actual value is compared. */
  when: Comparison;
  /** The threshold. */
  threshold: number;
  /** The status this rule gives. */
  status: Status;
  /** What the threshold is relative to. */
  relative_to?: RuleBase;
  /** The score this rule gives (default: green 100, amber 50, red 0). */
  score?: number | null;
}

/** Score cut-offs (0-100) between red and amber, and amber and green. */
export interface StatusThresholds {
  /** Scores from here are at least amber. */
  amber: number;
  /** Scores from here are green. */
  green: number;
}

/** What holds for a period with no target in force (see the module rules). */
export type TargetPolicy = "none" | "carry_forward";

/** How measurements combine into a coarser period. */
export type TimeAggregation = "sum" | "mean" | "last" | "min" | "max" | "ratio_of_sums";

/**
 * A path from a starting value to a target value, interpolated linearly per period, with
 * optional intermediate milestones (the path goes through each in turn).
 */
export interface Trajectory {
  /** Where the path starts. */
  from: PeriodValue;
  /** Where it ends. */
  to: PeriodValue;
  /** Intermediate points, in time order. */
  milestones?: PeriodValue[];
}

/** A relative weight: one number, or a schedule of weights each in force from a period on. */
export type Weight = number | WeightChange[];

/** A weight change taking effect from a period on. */
export interface WeightChange {
  /** First period the weight applies to (compared by start month). */
  from: PeriodText;
  /** The relative weight (> 0). */
  weight: number;
}

/** What a linear or ratio score does with a zero target (division by zero). */
export type ZeroTargetRule = "right_side_of_zero" | "no_score";

// ---- Results (the same shape as the Rust library's JSON output) ----
//
// A Rust `Option` is always present, as `null` when missing; ratios and shares are decimal
// strings (`"0.0711"`, rounded to 4 places by the core); day counts and scores are numbers.

/** Investment capacity of two periods compared: later / earlier (2 means "multiplied by 2"). */
export interface CapacityComparison {
  /** The earlier period. */
  earlier: InvestmentCapacity;
  /** The later period. */
  later: InvestmentCapacity;
  /**
   * later total / earlier total, rounded; `None` when the earlier total is 0 or either
   * total overflows.
   */
  ratio: Money | null;
  /** Why there is no ratio, when there is none. */
  note: string | null;
}

/** The active caseload at a date and its splits. */
export interface Caseload {
  /** The date. */
  date: IsoDate;
  /** Which files count as active. */
  options: CaseloadOptions;
  /** The rule in words ([`CaseloadOptions::describe`]). */
  rule: string;
  /** Number of active files. */
  count: number;
  /** Their ids, in workspace order. */
  projects: string[];
  /** Count by the stage each file is in on the date. */
  by_stage: { [key: string]: number };
  /** Count by lead service id. */
  by_lead_service: { [key: string]: number };
  /**
   * Count by objective id; a file serving two objectives counts under each, so this
   * split may add up to more than `count`.
   */
  by_objective: { [key: string]: number };
  /** Active files that serve no objective. */
  without_objective: number;
}

/**
 * Which files count in the active caseload besides those in instruction or in progress.
 *
 * The default follows the definition of the "file active" (files received and not yet
 * closed): a rejected file and a delivered file both stay active until their `closed` (or
 * `abandoned`) date, because the team still works on them. A city that counts only the files
 * still to be decided or built sets both to `false`.
 */
export interface CaseloadOptions {
  /**
   * A rejected file (decided, rejected, not yet closed) stays active until closed
   * (default `true`); `false` leaves it out from the day of the rejection.
   */
  rejected_until_closed: boolean;
  /**
   * A delivered file not yet closed stays active until closed (default `true`); `false`
   * leaves it out from the day of the delivery.
   */
  delivered_until_closed: boolean;
}

/** A child of a roll-up node and what happened to it. */
export interface ChildUsed {
  /** Id. */
  id: string;
  /** Name. */
  name: string;
  /** Weight in force for the period (relative). */
  raw_weight: number;
  /** Its share of the result after rescaling. */
  effective_weight: number;
  /** Its own score for the period. */
  score: number | null;
  /** Its own status. */
  status: Status;
  /** What the missing-data policy did. */
  treatment: Treatment;
  /** Under carry-forward: the score used and the period it comes from. */
  carried_score: number | null;
  /** The period a carried score comes from. */
  carried_from: PeriodText | null;
}

/** What one commitment still owes. */
export interface CommitmentGap {
  /** Commitment id. */
  commitment: string;
  /** Partner id. */
  partner: string;
  /** Amounts by status as of the date. */
  amounts: StatusAmounts;
  /** `pledged - signed` when signed is below pledged, else 0 (`None`: an amount overflows). */
  pledged_not_signed: Money | null;
  /** `signed - received` when received is below signed, else 0 (`None`: an amount overflows). */
  signed_not_received: Money | null;
}

/** How concentrated the signed funds are on few partners. */
export interface Concentration {
  /** Steps on or before this day (`None`: every step). */
  as_of: IsoDate | null;
  /** Total signed funds (`None`: the sum overflows). */
  total: Money | null;
  /**
   * Partners with signed funds, largest first (ties by id; an overflowing amount, larger
   * than any amount, first).
   */
  partners: PartnerShare[];
  /** N of the top-N share. */
  top_n: number;
  /**
   * Share of the N largest partners (fraction, rounded); `None` when nothing is signed or
   * a sum overflows.
   */
  top_share: Money | null;
  /** Herfindahl index: sum of squared shares (fractions), from unrounded shares, rounded. */
  herfindahl: Money | null;
  /** Why the figures are `None` (a sum overflows), when they are. */
  overflow: string | null;
}

/** On-time and on-budget delivery of delivered projects. */
export interface DeliveryReport {
  /** The period of delivery considered (`None`: every delivered project). */
  period: PeriodText | null;
  /** Each delivered project, by delivery date then id. */
  projects: ProjectDelivery[];
  /** Projects with a planned end (the denominator of the on-time rate). */
  with_planned_end: number;
  /** Of those, delivered on or before the planned end. */
  on_time: number;
  /**
   * `on_time / with_planned_end` rounded by [`round_ratio`]; `None` when no project has
   * a planned end.
   */
  on_time_rate: Money | null;
  /** Sum of planned costs of the projects with both costs known (`None`: it overflows). */
  planned_total: Money | null;
  /** Sum of their actual costs (`None`: it overflows). */
  actual_total: Money | null;
  /** `actual_total - planned_total` (`None`: a total or the difference overflows). */
  variance_total: Money | null;
  /**
   * `variance_total / planned_total` rounded; `None` when the planned total is 0 or a
   * sum overflows.
   */
  relative_variance_total: Money | null;
  /** Why the totals are `None` (a sum overflows), when they are. */
  overflow: string | null;
}

/** Where a node is heading. */
export type Direction = "improving" | "stable" | "declining" | "unknown";

/** The scorecard at one reporting period. */
export interface Evaluation {
  /** The organisation. */
  organisation: string;
  /** The reporting period. */
  period: PeriodText;
  /** Every node: root, perspectives, objectives, indicators (definition order). */
  nodes: NodeResult[];
  /** The strategy-map links and what the data says of them. */
  links: LinkResult[];
}

/** A file whose stop event fell in the period but that has no lead time, and why. */
export interface Excluded {
  /** Project id. */
  project: string;
  /** Why it is left out. */
  reason: string;
}

/** Why a node has the score and status it has, as data. */
export interface Explanation {
  /** The scoring method (indicators) or roll-up aggregation (others). */
  method: string;
  /** The scoring method with its parameters (indicators). */
  scoring: ScoringMethod | null;
  /** The roll-up settings (other nodes). */
  rollup: Rollup | null;
  /** Where the value comes from (indicators). */
  source: SourceUsed | null;
  /** Measurements or input values used. */
  inputs: InputUsed[];
  /** Time aggregation applied (measured indicators). */
  time_aggregation: TimeAggregationUsed | null;
  /**
   * The period the value is carried from, when it ended before the reporting period: an
   * indicator measured less often than the report (a yearly survey in a quarterly report)
   * shows its latest period ended by the end of the reporting period, and is scored
   * against that period's target (also when, as in the last quarter of the year, that
   * period ends with the reporting period and nothing is carried).
   */
  value_period: PeriodText | null;
  /** The target in force and its origin (at `value_period` when there is one). */
  target: TargetInForce | null;
  /** The baseline. */
  baseline: PeriodValue | null;
  /** The formula with the numbers substituted. */
  formula: string | null;
  /** Children with their weights and treatment (roll-up nodes). */
  children: ChildUsed[];
  /** Share of weight with data. */
  coverage: number;
  /** The status cut-offs used. */
  thresholds: StatusThresholds;
  /** Why this status, in words. */
  status_reason: string;
  /** Why there is no data, if there is none. */
  reasons: string[];
}

/** How long one open file has waited. */
export interface FileAge {
  /** Project id. */
  project: string;
  /** Day it was registered. */
  registered: IsoDate;
  /** Stage it is in on the date. */
  stage: Stage;
  /** Day it reached that stage. */
  stage_since: IsoDate;
  /** Days since registration. */
  days_since_registration: number;
  /** Days since it reached its current stage. */
  days_in_stage: number;
}

/** The lead time of one file. */
export interface FileLeadTime {
  /** Project id. */
  project: string;
  /** Day of the start event. */
  start: IsoDate;
  /** Day of the stop event. */
  stop: IsoDate;
  /** Calendar days between them (0 when both fall on the same day). */
  days: number;
}

/**
 * Options of the project-finance figures; a field missing when read takes its
 * [`Default`] value.
 */
export interface FinanceOptions {
  /** The commitment status that counts as external funds (signed by default). */
  basis: FundingStatus;
  /** Count commitment steps dated on or before this day only (`None`: every step). */
  as_of: IsoDate | null;
  /** The leverage definition. */
  leverage: LeverageDefinition;
}

/** A least-squares projection of an indicator to its target date. */
export interface Forecast {
  /** The target's period (last explicit target or trajectory end). */
  target_period: PeriodText;
  /** The target value there. */
  target: number;
  /** The projected value at the target period (none with fewer than two points). */
  projected: number | null;
  /** Slope of the fitted line, per reporting period. */
  slope: number | null;
  /** Number of periods the fit rests on. */
  points: number;
  /** Whether the projection meets the target in the good direction. */
  on_track: boolean | null;
}

/** Funds by status, by kind of support and by kind of partner. */
export interface Funds {
  /** Which steps are counted. */
  scope: FundsScope;
  /** Totals by status. */
  total: StatusAmounts;
  /** By kind of support (kinds with no step are absent). */
  by_kind: { [key: string]: StatusAmounts };
  /** By kind of partner (a commitment whose partner is unknown is under `other`). */
  by_partner_kind: { [key: string]: StatusAmounts };
  /** Commitments with at least one counted step, in workspace order. */
  commitments: string[];
  /** Why some amounts are `None` (a sum overflows), when one is. */
  overflow: string | null;
}

/** Which steps a funds figure counts. */
export type FundsScope = { kind: "as_of"; value: IsoDate } | { kind: "within"; value: PeriodText };

/** The headline figures of one period. */
export interface Headline {
  /** The period reported. */
  period: PeriodText;
  /** Its last day: stocks are taken on it. */
  as_of: IsoDate;
  /**
   * Whether the records cover the period (its last day is inside
   * [`crate::engine::cutoff::records_span`]); when false, every figure below rests on records
   * that stop earlier (or start later) and says nothing of the period itself.
   */
  within_records: boolean;
  /** The period compared against, if any could be chosen. */
  compared_with: PeriodText | null;
  /** Files registered and not closed or abandoned at `as_of`. */
  active_caseload: number;
  /**
   * Planned cost of the active files at `as_of` (`None`: the sum overflows the largest
   * amount the library can hold).
   */
  portfolio_value: Money | null;
  /**
   * Instruction lead times of the files decided in the comparison period and in `period`,
   * and their ratio (earlier / later: "divided by N").
   */
  lead_time: LeadTimeComparison;
  /**
   * The same comparison over fiscal years to date: the year of `as_of` up to `as_of`
   * against the same span of the comparison period's year (more files, so a steadier
   * ratio than two quarters; see the module doc).
   */
  lead_time_by_year: LeadTimeComparison | null;
  /** Funds pledged, signed and received up to `as_of`. */
  funds: Funds;
  /** What is pledged but not signed, and signed but not received, at `as_of`. */
  outstanding: Outstanding;
  /** Co-financing and leverage of the approved projects at `as_of` (signed funds). */
  finance: PortfolioFinance;
  /** Partners: members, new and active in `period`. */
  partners: PartnerCounts;
  /** Share of the top partners in signed funds, and the Herfindahl index. */
  concentration: Concentration;
  /**
   * Investment capacity of the fiscal year containing `as_of`, up to `as_of`, against the
   * same span of the comparison year.
   */
  investment_capacity: CapacityComparison | null;
  /** Share of active files run by two or more services. */
  transversality: Transversality;
}

/** A measurement (or, for calculated indicators, another indicator's value) used. */
export interface InputUsed {
  /** The other indicator's id (calculated indicators). */
  indicator: string | null;
  /** The period of the measurement. */
  period: PeriodText;
  /** The value (none when suppressed). */
  value: number | null;
  /** Numerator (rates). */
  numerator: number | null;
  /** Denominator (rates). */
  denominator: number | null;
  /** Whether it is suppressed (too few respondents): its value is not shown. */
  suppressed: boolean;
}

/** Investment carried in a period: own plus external funds of the projects dated in it. */
export interface InvestmentCapacity {
  /** The period (usually a fiscal year). */
  period: PeriodText;
  /**
   * The last day counted, and the day the figure is known on: the period's end, or an
   * earlier day for a year-to-date figure.
   */
  through: IsoDate;
  /** The status counted as external funds. */
  basis: FundingStatus;
  /** Sum of own funds (`None`: it overflows). */
  own: Money | null;
  /** Sum of external funds (`None`: it overflows). */
  external: Money | null;
  /** own + external (`None`: it overflows). */
  total: Money | null;
  /** Projects whose [`project_date`] falls in the period, in workspace order. */
  projects: string[];
  /** Why the figures are `None` (a sum overflows), when they are. */
  overflow: string | null;
}

/** Partner counts of one kind. */
export interface KindCounts {
  /** Members at the end of the period. */
  total: number;
  /** Joined during the period. */
  new: number;
  /** With a commitment step dated in the period. */
  active: number;
}

/** Lead times of two periods compared: earlier / later (4 means "divided by 4"). */
export interface LeadTimeComparison {
  /** The earlier period's statistics. */
  earlier: LeadTimeStats;
  /** The later period's statistics. */
  later: LeadTimeStats;
  /** Earlier mean / later mean; `None` when either is missing or the later mean is 0. */
  mean_ratio: number | null;
  /** Earlier median / later median; `None` likewise. */
  median_ratio: number | null;
  /** Why a ratio is missing, when one is. */
  note: string | null;
}

/** An event of a file's life that a lead time can start or stop at. */
export type LeadTimeEvent =
  | "registered"
  | "complete"
  | "decision"
  | "approved"
  | "notified"
  | "started"
  | "delivered"
  | "closed";

/**
 * Which events a lead time runs between; a field missing when read takes its [`Default`]
 * value.
 */
export interface LeadTimeOptions {
  /**
   * Where the clock starts (registration by default; `complete` for the French practice
   * of counting from the complete file).
   */
  start: LeadTimeEvent;
  /** Where it stops (the decision by default); a file counts in the period of this event. */
  stop: LeadTimeEvent;
}

/** Lead-time statistics of the files whose stop event falls in a period. */
export interface LeadTimeStats {
  /** The period. */
  period: PeriodText;
  /** The last day counted: the period's end, or an earlier day for a year-to-date figure. */
  through: IsoDate;
  /** The events measured between. */
  options: LeadTimeOptions;
  /** Number of files measured. */
  count: number;
  /** Mean days (sum of days / count), `None` when no file. */
  mean_days: number | null;
  /** Median days ([`percentile`] 0.5). */
  median_days: number | null;
  /** 90th percentile of days ([`percentile`] 0.9). */
  p90_days: number | null;
  /** Longest lead time. */
  max_days: number | null;
  /** Each file measured, shortest first (ties by id). */
  files: FileLeadTime[];
  /**
   * Files stopped in the period that could not be measured (no start event, or a start
   * after the stop).
   */
  excluded: Excluded[];
}

/** A leverage figure, with its definition and, when undefined, why. */
export interface Leverage {
  /** The definition used. */
  definition: LeverageDefinition;
  /** The formula in words (repeats the definition for readers of the JSON). */
  formula: string;
  /** Own funds (`None`: their sum overflows). */
  own: Money | null;
  /** External funds (`None`: their sum overflows). */
  external: Money | null;
  /**
   * Total planned expenditure (planned cost) of the same projects, when known: the
   * numerator of [`LeverageDefinition::PlannedCostOverOwn`].
   */
  planned_cost: Money | null;
  /** The ratio rounded to 4 places; `None` when undefined. */
  value: Money | null;
  /** Why the value is missing (zero own funds, an overflowing sum), when it is. */
  undefined_reason: string | null;
}

/** How leverage is defined; every leverage result names the one it used. */
export type LeverageDefinition = "external_over_own" | "total_over_own" | "planned_cost_over_own";

/** A cause-effect link and whether the data agrees with it. */
export interface LinkResult {
  /** Cause objective id. */
  from: string;
  /** Effect objective id. */
  to: string;
  /** Expected sign. */
  sign: Sign;
  /** Lag in periods. */
  lag: number;
  /** Pearson correlation of the cause's scores and the lagged effect's scores. */
  correlation: number | null;
  /** Number of paired periods it rests on. */
  pairs: number;
  /** False when pairs are fewer than `Settings::min_correlation_periods`. */
  enough_data: boolean;
  /** Whether the correlation has the expected sign (with enough data). */
  agrees: boolean | null;
}

/** The kind of a scorecard node. */
export type NodeKind = "scorecard" | "perspective" | "objective" | "indicator";

/** One node at one period: a flat row. */
export interface NodeResult {
  /** Id (`"scorecard"` for the root). */
  id: string;
  /** Name. */
  name: string;
  /** Kind of node. */
  kind: NodeKind;
  /** Ids of its parents (an indicator may sit under several objectives). */
  parents: string[];
  /** The reporting period. */
  period: PeriodText;
  /** Score on 0-100 (above 100 only when a cap allows it). */
  score: number | null;
  /** The goal/red-flag score on its native 0-10 scale. */
  native_score: number | null;
  /** Status. */
  status: Status;
  /** Share of weight with data (indicators: share of the measurement periods present). */
  coverage: number;
  /** The actual value (indicators). */
  value: number | null;
  /** The target in force (indicators). */
  target: number | null;
  /** The unit (indicators). */
  unit: string | null;
  /** Change against the previous period and a year before. */
  trend: Trend;
  /** Projection to the target date (indicators with one, while it is ahead). */
  forecast: Forecast | null;
  /** Why the score is what it is. */
  explanation: Explanation;
}

/** Funds still to come as of a date. */
export interface Outstanding {
  /** The date. */
  as_of: IsoDate;
  /** Sum of the per-commitment `pledged_not_signed` (`None`: a gap or the sum overflows). */
  pledged_not_signed: Money | null;
  /** Sum of the per-commitment `signed_not_received` (`None`: a gap or the sum overflows). */
  signed_not_received: Money | null;
  /** The commitments with a gap (or an overflowing amount), in workspace order. */
  commitments: CommitmentGap[];
  /** Why some amounts are `None` (a sum overflows), when one is. */
  overflow: string | null;
}

/** Partners: members, newcomers and active ones in a period. */
export interface PartnerCounts {
  /** The period. */
  period: PeriodText;
  /**
   * Members at the end of the period: joined on or before its last day, or without a
   * joining date (listed in `undated`).
   */
  members: string[];
  /** Members without a joining date (counted as members in every period). */
  undated: string[];
  /** Joined during the period. */
  new: string[];
  /** With at least one commitment step dated in the period. */
  active: string[];
  /** Members with no commitment step on or before the period's end. */
  without_commitment: string[];
  /** The same counts by kind (kinds with no partner are absent). */
  by_kind: { [key: string]: KindCounts };
}

/** One partner's share of the signed funds. */
export interface PartnerShare {
  /** Partner id. */
  partner: string;
  /** Signed funds (`None`: their sum overflows). */
  amount: Money | null;
  /** amount / total, rounded (`None`: the amount or the total overflows). */
  share: Money | null;
}

/** The projects a portfolio figure is computed over. */
export interface Population {
  /** How many projects the figure covers. */
  count: number;
  /** True when only the projects of the scope with a planned cost count. */
  with_planned_cost: boolean;
  /** Which ones, in words ("45 projects approved by 2025-12-31, with a planned cost"). */
  description: string;
  /** Projects of the scope left out of this figure (no planned cost), in workspace order. */
  left_out: string[];
}

/**
 * Co-financing and leverage of a set of projects: sums first, then one division. The two
 * figures may rest on different projects (the rate needs a planned cost): each names its
 * population.
 */
export interface PortfolioFinance {
  /** The projects covered. */
  scope: ProjectScope;
  /** Options used. */
  options: FinanceOptions;
  /** Sum of planned costs of the covered projects that have one (`None`: it overflows). */
  planned_cost: Money | null;
  /** Sum of own funds (`None`: it overflows). */
  own: Money | null;
  /** Sum of external funds at the basis status (`None`: it overflows). */
  external: Money | null;
  /**
   * External funds of the projects with a planned cost: the numerator of the rate
   * (`None`: it overflows).
   */
  cofinanced_external: Money | null;
  /**
   * `cofinanced_external / planned_cost`, over the projects with a planned cost, rounded;
   * `None` when their planned cost is 0 or either sum overflows.
   */
  cofinancing_rate: Money | null;
  /** The projects the co-financing rate covers: those of the scope with a planned cost. */
  cofinancing_population: Population;
  /** Leverage of the summed funds (its `own` and `external` are those of its population). */
  leverage: Leverage;
  /**
   * The projects the leverage covers: every project of the scope, or those with a planned
   * cost for [`LeverageDefinition::PlannedCostOverOwn`].
   */
  leverage_population: Population;
  /** Each project covered, in workspace order. */
  projects: ProjectFinance[];
  /** Why some amounts are `None` (a sum overflows), when one is. */
  overflow: string | null;
}

/** The value of the active portfolio: planned costs of active files. */
export interface PortfolioValue {
  /** The date. */
  date: IsoDate;
  /** Sum of planned costs of the active files (`None`: it overflows). */
  total: Money | null;
  /** Active files whose planned cost is counted. */
  projects: string[];
  /** Active files without a planned cost (not in the total). */
  without_planned_cost: string[];
  /** Total by lead service (`None`: it overflows). */
  by_lead_service: { [key: string]: Money | null };
  /**
   * Total by objective; a file serving two objectives counts fully under each, so this
   * split may add up to more than `total` (`None`: it overflows).
   */
  by_objective: { [key: string]: Money | null };
  /** Planned cost of active files serving no objective (`None`: it overflows). */
  without_objective: Money | null;
  /** Why some sums are `None` (they overflow), when one is. */
  overflow: string | null;
}

/** One thing wrong with the input, and where. */
export interface Problem {
  /** Where: a path into the workspace (`commitments[3].partner`), or a file name for CSV. */
  path: string;
  /** What is wrong, in plain words. */
  message: string;
  /** Column in the source file (1-based), when known. */
  column?: number | null;
  /** Line in the source file (1-based), when known. */
  line?: number | null;
}

/** Delivery of one project: timeliness and budget. */
export interface ProjectDelivery {
  /** Project id. */
  project: string;
  /** Day delivered. */
  delivered: IsoDate;
  /** Planned end, if set. */
  planned_end: IsoDate | null;
  /** Delivered on or before the planned end; `None` without a planned end. */
  on_time: boolean | null;
  /** Days after the planned end (negative when early). */
  days_late: number | null;
  /** Planned cost. */
  planned_cost: Money | null;
  /** Actual cost. */
  actual_cost: Money | null;
  /** Actual - planned, when both are known. */
  variance: Money | null;
  /** (actual - planned) / planned, rounded by [`round_ratio`]; `None` for a zero plan. */
  relative_variance: Money | null;
}

/** Finance of one project: own and external funds, co-financing rate, leverage. */
export interface ProjectFinance {
  /** Project id. */
  project: string;
  /** Planned total cost. */
  planned_cost: Money | null;
  /** Own funds (0 when not recorded). */
  own: Money;
  /** External funds at the basis status, by status for reference. */
  external: StatusAmounts;
  /** The status counted as external. */
  basis: FundingStatus;
  /** External (at basis) / planned cost, rounded; `None` without a positive planned cost. */
  cofinancing_rate: Money | null;
  /** Leverage. */
  leverage: Leverage;
  /** The project's commitments, in workspace order. */
  commitments: string[];
  /** Why some amounts are `None` (a sum overflows), when one is. */
  overflow: string | null;
}

/** Which projects a portfolio finance figure covers. */
export type ProjectScope =
  | { kind: "all" }
  | { kind: "approved_by"; value: IsoDate }
  | { kind: "approved_in"; value: PeriodText };

/** Two services that work together on some projects. */
export interface ServicePair {
  /** The first service id (the smaller in byte order). */
  a: string;
  /** The second service id. */
  b: string;
  /** The projects both work on. */
  projects: string[];
}

/** Where an indicator's value comes from, for this period. */
export type SourceUsed =
  | { kind: "measured" }
  | { kind: "calculated"; expression: string; substituted: string | null }
  | { kind: "derived"; metric: Metric; detail: string; records: string[] };

/** Amounts at each status; `None` when the sum overflows (see the module doc). */
export interface StatusAmounts {
  /** Pledged. */
  pledged: Money | null;
  /** Signed. */
  signed: Money | null;
  /** Received. */
  received: Money | null;
}

/** The target in force and its origin. */
export interface TargetInForce {
  /** The value. */
  value: number;
  /** Where it comes from. */
  source: TargetSource;
}

/** Where the target in force comes from. */
export type TargetSource =
  | { kind: "explicit"; period: PeriodText }
  | { kind: "explicit_coarser"; period: PeriodText }
  | { kind: "explicit_finer"; first: PeriodText; last: PeriodText; count: number }
  | { kind: "carried_forward"; period: PeriodText }
  | { kind: "trajectory"; from: PeriodValue; to: PeriodValue };

/** What flowed through the portfolio in a period. */
export interface Throughput {
  /** The period. */
  period: PeriodText;
  /** Files registered in the period. */
  registered: string[];
  /** Files approved in the period. */
  approved: string[];
  /** Files rejected in the period. */
  rejected: string[];
  /** Projects delivered in the period. */
  delivered: string[];
}

/** How measurements were brought to the reporting period. */
export interface TimeAggregationUsed {
  /** The aggregation. */
  method: TimeAggregation;
  /** The indicator's frequency. */
  measured: Frequency;
  /** The reporting frequency. */
  reported: Frequency;
  /** The measurement periods consulted. */
  periods: PeriodText[];
  /** Those that had a (non-suppressed) measurement. */
  present: PeriodText[];
  /** The rule, in words. */
  rule: string;
}

/** Transversality: projects run by several services, and who works with whom. */
export interface Transversality {
  /** The date of the active files considered (`None`: every project). */
  date: IsoDate | null;
  /** Projects considered. */
  projects: number;
  /** Those led by two or more services (the lead plus at least one other contributor). */
  transversal: string[];
  /** `transversal / projects` rounded by [`round_ratio`]; `None` without projects. */
  share: Money | null;
  /**
   * Every pair of services that share a project, most shared projects first, then by
   * `(a, b)`.
   */
  pairs: ServicePair[];
}

/** What the missing-data policy did with a child. */
export type Treatment =
  | { kind: "used" }
  | { kind: "excluded" }
  | { kind: "counted_as_zero" }
  | { kind: "carried_forward"; age: number }
  | { kind: "makes_parent_no_data" };

/** Score changes of a node. */
export interface Trend {
  /** Score at the previous period. */
  previous_score: number | null;
  /** `score - previous_score`. */
  change: number | null;
  /** Score at the same period a year before. */
  year_ago_score: number | null;
  /** `score - year_ago_score`. */
  year_change: number | null;
  /** Direction of `change` with the stability tolerance. */
  direction: Direction;
}

/** The active files on a date grouped by the stage they are in. */
export interface WorkInProgress {
  /** The date. */
  date: IsoDate;
  /** Active file ids by current stage (stages with no file are absent). */
  by_stage: { [key: string]: string[] };
}
