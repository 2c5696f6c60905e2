// Data types of the pilotage package. This text is emitted verbatim into the generated
// `pilotage_wasm.d.ts` (a `typescript_custom_section` in src/lib.rs).
//
// Conventions: class members are camelCase (JavaScript style); data objects keep the
// snake_case keys of the workspace file and of the Rust library's JSON output, so that an
// object from this package equals `JSON.parse` of the Rust output. Money is a decimal
// string (`"15000000.00"`, exact: never a float); dates are ISO strings (`"2025-03-31"`);
// periods are strings (`"2025-03"`, `"2025-Q1"`, `"2025"`).

/** A day, as an ISO 8601 date: `"2025-03-31"`. */
export type IsoDate = string;

/** An amount of money as a decimal string (`"15000000.00"`), exact to the last digit. */
export type Money = string;

/**
 * A reporting period: `"2025-03"` (calendar month), `"2025-Q1"` (quarter of the fiscal
 * year) or `"2025"` (fiscal year).
 */
export type PeriodText = string;

/** How often an indicator is measured, or the grain of a period. */
export type Frequency = "monthly" | "quarterly" | "yearly";

/**
 * One thing wrong with the input, and where: a path into the workspace
 * (`commitments[3].partner`), with the line and column in the JSON text when known.
 *
 * @example
 * { path: "commitments[0].partner", message: "unknown partner \"p-999\"" }
 */
export interface Problem {
  path: string;
  message: string;
  line?: number;
  column?: number;
}

/**
 * What kind of failure a {@link PilotageError} reports:
 * - `json`: the text is not JSON, or its top level is not shaped like a workspace
 *   (`line` and `column` say where, for text);
 * - `invalid`: the workspace was read but is not valid (`problems` lists every problem);
 * - `period`: a period string is not valid;
 * - `not_found`: an argument names something the workspace does not have;
 * - `argument`: an argument is out of its allowed range or of the wrong type;
 * - `io`: a file could not be read or written;
 * - `other`: a failure kind added to the core after this package was built.
 */
export type ErrorKind = "json" | "invalid" | "period" | "not_found" | "argument" | "io" | "other";

/**
 * Every error this package throws: a real `Error` (with a stack trace) whose `name` is
 * `"PilotageError"`. `problems` is never missing: it lists every problem of an invalid
 * workspace and is empty for the other kinds.
 *
 * @example
 * try {
 *   Workspace.fromJson(text);
 * } catch (e) {
 *   if (isPilotageError(e)) for (const p of e.problems) console.log(p.path, p.message);
 * }
 */
export interface PilotageError extends Error {
  name: "PilotageError";
  kind: ErrorKind;
  problems: Problem[];
  /** Line (1-based) of malformed JSON text. */
  line?: number;
  /** Column (1-based) of malformed JSON text. */
  column?: number;
}

/**
 * A period understood: its normal spelling, its frequency, and its first and last day
 * (quarters and years follow the fiscal calendar).
 *
 * @example
 * parsePeriod("2025-q4") // { text: "2025-Q4", frequency: "quarterly", start: "2025-10-01", end: "2025-12-31" }
 */
export interface PeriodInfo {
  text: PeriodText;
  frequency: Frequency;
  start: IsoDate;
  end: IsoDate;
}

/** How many records of each kind a workspace holds. */
export interface WorkspaceCounts {
  services: number;
  projects: number;
  partners: number;
  commitments: number;
  indicators: number;
  measurements: number;
  perspectives: number;
  objectives: number;
  links: number;
}

// ---- The workspace file (the same shape as docs/workspace-format.md) ----

/** Score cut-offs (0-100) between red and amber, and amber and green. */
export interface StatusThresholds {
  amber: number;
  green: number;
}

/** Organisation-wide settings of the engine. */
export interface Settings {
  thresholds?: StatusThresholds;
  stability_tolerance?: number;
  forecast_window?: number;
  min_correlation_periods?: number;
  /** The last day the records are complete through (else the end of the month of the latest record). */
  records_complete_through?: IsoDate;
}

/** A service (org unit) of the organisation. */
export interface Service {
  id: string;
  name: string;
}

/** A stage of a project's life. */
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

/** One dated step of a project's history. */
export interface StageEvent {
  stage: Stage;
  date: IsoDate;
}

/** A file of the portfolio. */
export interface Project {
  id: string;
  title: string;
  lead_service: string;
  contributing_services?: string[];
  objectives?: string[];
  stages?: StageEvent[];
  planned_cost?: Money;
  actual_cost?: Money;
  planned_end?: IsoDate;
  own_funds?: Money;
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

/** A partner of the organisation. */
export interface Partner {
  id: string;
  name: string;
  kind: PartnerKind;
  joined?: IsoDate;
}

/** The form co-financing takes. */
export type FundingKind = "grant" | "sponsorship" | "investment" | "loan" | "in_kind";

/** How far a commitment has gone. */
export type FundingStatus = "pledged" | "signed" | "received";

/** One dated step of a commitment (a tranche), with its amount. */
export interface CommitmentStep {
  status: FundingStatus;
  date: IsoDate;
  amount: Money;
}

/** Support from one partner, optionally for one project. */
export interface Commitment {
  id: string;
  partner: string;
  project?: string;
  kind: FundingKind;
  steps?: CommitmentStep[];
}

/** Which direction is good. */
export type Polarity = "higher_is_better" | "lower_is_better" | "inside_band";

/** How measurements combine into a coarser period. */
export type TimeAggregation = "sum" | "mean" | "last" | "min" | "max" | "ratio_of_sums";

/** A value at a period. */
export interface PeriodValue {
  period: PeriodText;
  value: number;
}

/** A path from a starting value to a target value, through optional milestones. */
export interface Trajectory {
  from: PeriodValue;
  to: PeriodValue;
  milestones?: PeriodValue[];
}

/** One measurement of an indicator. */
export interface Measurement {
  period: PeriodText;
  value?: number;
  numerator?: number;
  denominator?: number;
  respondents?: number;
  comment?: string;
  source?: string;
}

/** A portfolio or partnership metric a derived indicator takes its values from. */
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

/** Where an indicator's values come from. */
export type IndicatorSource =
  | { kind: "measured" }
  | { kind: "calculated"; expression: string }
  | { kind: "derived"; metric: Metric };

/** The health of a node. */
export type Status = "green" | "amber" | "red" | "no_data" | "suppressed";

/** What a linear or ratio score does with a zero target. */
export type ZeroTargetRule = "right_side_of_zero" | "no_score";

/** How a lower-is-better ratio to target is formed: `100 * t / a` (default) or `100 * (2 - a / t)`. */
export type LowerRatio = "target_over_actual" | "two_minus_actual_over_target";

/** How expected progress counts the days: elapsed `(d - start) / (end - start)` (default) or inclusive `(d - start + 1) / (end - start + 1)`. */
export type DayCount = "elapsed" | "inclusive";

/** A comparison in an ordered status rule. */
export type Comparison = "at_least" | "above" | "at_most" | "below";

/** What a rule threshold is relative to. */
export type RuleBase = "absolute" | "target_fraction";

/** One rule: if `actual <when> threshold` then `status` (first match wins). */
export interface StatusRule {
  when: Comparison;
  threshold: number;
  relative_to?: RuleBase;
  status: Status;
  score?: number;
}

/** A dated point on an expected-progress path. */
export interface Milestone {
  date: IsoDate;
  value: number;
}

/** How an indicator is scored, with its parameters (see DOMAIN.md for each formula). */
export type ScoringMethod =
  | { method: "linear_progress"; cap?: number | null; floor_at_zero?: boolean }
  | { method: "ratio_to_target"; cap?: number | null; zero_target?: ZeroTargetRule; lower_is_better?: LowerRatio }
  | { method: "goal_red_flag"; goal?: number; red_flag: number }
  | { method: "band"; low: number; high: number; tolerance: number }
  | { method: "min_max"; min: number; max: number; log?: boolean }
  | { method: "status_rules"; rules: StatusRule[]; otherwise: Status; otherwise_score?: number }
  | {
      method: "expected_progress";
      start: IsoDate;
      end: IsoDate;
      start_value: number;
      end_value: number;
      milestones?: Milestone[];
      cap?: number | null;
      day_count?: DayCount;
    };

/** An indicator of the scorecard, with its measurements and targets. */
export interface Indicator {
  id: string;
  name: string;
  description?: string;
  unit?: string;
  polarity?: Polarity;
  frequency: Frequency;
  aggregation?: TimeAggregation;
  source?: IndicatorSource;
  baseline?: PeriodValue;
  targets?: PeriodValue[];
  trajectory?: Trajectory;
  /** What holds for a period with no target in force (default "none"). */
  target_policy?: TargetPolicy;
  scoring: ScoringMethod;
  thresholds?: StatusThresholds;
  min_group_size?: number;
  service?: string;
  measurements?: Measurement[];
}

/** A weight change taking effect from a period on. */
export interface WeightChange {
  from: PeriodText;
  weight: number;
}

/** A relative weight: one number, or a schedule of weights each in force from a period on. */
export type Weight = number | WeightChange[];

/** How a node combines its children's scores. */
export type Aggregation = "weighted_mean" | "weighted_geometric_mean" | "worst";

/** What a node does with a child that has no data for the period. */
export type MissingPolicy = "exclude" | "zero" | "no_data" | { carry_forward: { max_periods: number } };

/** Roll-up settings of a node. */
export interface Rollup {
  aggregation?: Aggregation;
  missing?: MissingPolicy;
  min_coverage?: number;
}

/** A perspective of the scorecard. */
export interface Perspective {
  id: string;
  name: string;
  weight?: Weight;
  rollup?: Rollup;
}

/** An indicator's place under an objective, with its weight. */
export interface IndicatorLink {
  indicator: string;
  weight?: Weight;
}

/** A strategic objective, inside one perspective. */
export interface Objective {
  id: string;
  name: string;
  perspective: string;
  weight?: Weight;
  indicators?: IndicatorLink[];
  rollup?: Rollup;
}

/** The sign expected between a cause and its effect. */
export type Sign = "positive" | "negative";

/** A cause-effect link of the strategy map. */
export interface CauseEffect {
  from: string;
  to: string;
  sign?: Sign;
  lag?: number;
}

/** The whole scorecard definition. */
export interface Scorecard {
  perspectives?: Perspective[];
  objectives?: Objective[];
  links?: CauseEffect[];
  rollup?: Rollup;
}

/**
 * A workspace file: everything one organisation steers. Optional fields take their
 * default when read; {@link Workspace.toObject} gives the object as the library writes it.
 *
 * @example
 * const ws = Workspace.fromObject({ schema_version: 1, organisation: "Ville d'exemple" });
 */
export interface WorkspaceJson {
  schema_version: number;
  organisation: string;
  currency?: string;
  fiscal_year_start_month?: number;
  settings?: Settings;
  services?: Service[];
  projects?: Project[];
  partners?: Partner[];
  commitments?: Commitment[];
  indicators?: Indicator[];
  scorecard?: Scorecard;
}

// ---- Results (the same shape as the Rust library's JSON output) ----
//
// A Rust `Option` is always present, as `null` when missing; ratios and shares are decimal
// strings (`"0.0711"`, rounded to 4 places by the core); day counts and scores are numbers.

/** The kind of a scorecard node. */
export type NodeKind = "scorecard" | "perspective" | "objective" | "indicator";

/** Where a node's score is heading, with the stability tolerance. */
export type Direction = "improving" | "stable" | "declining" | "unknown";

/** Score changes of a node against the previous period and a year before. */
export interface Trend {
  previous_score: number | null;
  change: number | null;
  year_ago_score: number | null;
  year_change: number | null;
  direction: Direction;
}

/** A least-squares projection of an indicator to its target period. */
export interface Forecast {
  target_period: PeriodText;
  target: number;
  projected: number | null;
  slope: number | null;
  points: number;
  on_track: boolean | null;
}

/** Where an indicator's value came from, for the period. */
export type SourceUsed =
  | { kind: "measured" }
  | { kind: "calculated"; expression: string; substituted: string | null }
  | { kind: "derived"; metric: Metric; detail: string; records: string[] };

/** A measurement (or, for calculated indicators, another indicator's value) used. */
export interface InputUsed {
  indicator: string | null;
  period: PeriodText;
  value: number | null;
  numerator: number | null;
  denominator: number | null;
  suppressed: boolean;
}

/** How measurements were brought to the reporting period. */
export interface TimeAggregationUsed {
  method: TimeAggregation;
  measured: Frequency;
  reported: Frequency;
  periods: PeriodText[];
  present: PeriodText[];
  rule: string;
}

/** What the missing-data policy did with a child. */
export type Treatment =
  | { kind: "used" }
  | { kind: "excluded" }
  | { kind: "counted_as_zero" }
  | { kind: "carried_forward"; age: number }
  | { kind: "makes_parent_no_data" };

/** A child of a roll-up node and what happened to it. */
export interface ChildUsed {
  id: string;
  name: string;
  raw_weight: number;
  effective_weight: number;
  score: number | null;
  status: Status;
  treatment: Treatment;
  carried_score: number | null;
  carried_from: PeriodText | null;
}

/** What holds for a period with no target in force: no target, or the latest earlier one. */
export type TargetPolicy = "none" | "carry_forward";

/** Where the target in force comes from. */
export type TargetSource =
  | { kind: "explicit"; period: PeriodText }
  | { kind: "explicit_coarser"; period: PeriodText }
  | { kind: "explicit_finer"; first: PeriodText; last: PeriodText; count: number }
  | { kind: "carried_forward"; period: PeriodText }
  | { kind: "trajectory"; from: PeriodValue; to: PeriodValue };

/** The target in force and its origin. */
export interface TargetInForce {
  value: number;
  source: TargetSource;
}

/** Why a node has the score and status it has, as data. */
export interface Explanation {
  method: string;
  scoring: ScoringMethod | null;
  rollup: Rollup | null;
  source: SourceUsed | null;
  inputs: InputUsed[];
  time_aggregation: TimeAggregationUsed | null;
  /** The period the value comes from when it is not the reporting period (a yearly value carried to a quarter). */
  value_period: PeriodText | null;
  target: TargetInForce | null;
  baseline: PeriodValue | null;
  formula: string | null;
  children: ChildUsed[];
  coverage: number;
  thresholds: StatusThresholds;
  status_reason: string;
  reasons: string[];
}

/** One node of the scorecard at one period. */
export interface NodeResult {
  id: string;
  name: string;
  kind: NodeKind;
  parents: string[];
  period: PeriodText;
  score: number | null;
  native_score: number | null;
  status: Status;
  coverage: number;
  value: number | null;
  target: number | null;
  unit: string | null;
  trend: Trend;
  forecast: Forecast | null;
  explanation: Explanation;
}

/** A cause-effect link and whether the data agrees with it. */
export interface LinkResult {
  from: string;
  to: string;
  sign: Sign;
  lag: number;
  correlation: number | null;
  pairs: number;
  enough_data: boolean;
  agrees: boolean | null;
}

/**
 * The scorecard at one period: the root `"scorecard"`, then perspectives, objectives and
 * indicators in definition order, and the strategy-map links.
 *
 * @example
 * const e = ws.evaluate("2025-Q4");
 * e.nodes.filter((n) => n.kind === "perspective").map((n) => [n.name, n.score, n.status]);
 */
export interface Evaluation {
  organisation: string;
  period: PeriodText;
  nodes: NodeResult[];
  links: LinkResult[];
}

/** An event of a file's life that a lead time can start or stop at (Rust `portfolio::Milestone`). */
export type LeadTimeEvent =
  | "registered"
  | "complete"
  | "decision"
  | "approved"
  | "notified"
  | "started"
  | "delivered"
  | "closed";

/** Which events a lead time runs between (default: registered to decision). */
export interface LeadTimeOptions {
  start: LeadTimeEvent;
  stop: LeadTimeEvent;
}

/** The lead time of one file. */
export interface FileLeadTime {
  project: string;
  start: IsoDate;
  stop: IsoDate;
  days: number;
}

/** A file stopped in the period that has no lead time, and why. */
export interface Excluded {
  project: string;
  reason: string;
}

/** Lead-time statistics of the files whose stop event falls in a period. */
export interface LeadTimeStats {
  period: PeriodText;
  /** The last day counted (the period's end, or earlier for a year to date). */
  through: IsoDate;
  options: LeadTimeOptions;
  count: number;
  mean_days: number | null;
  median_days: number | null;
  p90_days: number | null;
  max_days: number | null;
  files: FileLeadTime[];
  excluded: Excluded[];
}

/** Lead times of two periods compared: `mean_ratio` 4 means "divided by 4". */
export interface LeadTimeComparison {
  earlier: LeadTimeStats;
  later: LeadTimeStats;
  mean_ratio: number | null;
  median_ratio: number | null;
  note: string | null;
}

/**
 * Which files count in the active caseload besides those in instruction or in progress
 * (default: rejected and delivered files count until they are closed).
 */
export interface CaseloadOptions {
  rejected_until_closed: boolean;
  delivered_until_closed: boolean;
}

/**
 * The active-caseload rule by name (input): `until_closed` (default), `without_rejected`,
 * `without_delivered`, `in_progress` (neither rejected nor delivered files).
 */
export type CaseloadRule = "until_closed" | "without_rejected" | "without_delivered" | "in_progress";

/** The active caseload at a date and its splits. */
export interface Caseload {
  date: IsoDate;
  options: CaseloadOptions;
  /** The rule in words. */
  rule: string;
  count: number;
  projects: string[];
  by_stage: Partial<Record<Stage, number>>;
  by_lead_service: Record<string, number>;
  by_objective: Record<string, number>;
  without_objective: number;
}

/** The active files on a date grouped by the stage they are in. */
export interface WorkInProgress {
  date: IsoDate;
  by_stage: Partial<Record<Stage, string[]>>;
}

/** How long one open file has waited. */
export interface FileAge {
  project: string;
  registered: IsoDate;
  stage: Stage;
  stage_since: IsoDate;
  days_since_registration: number;
  days_in_stage: number;
}

/** What flowed through the portfolio in a period. */
export interface Throughput {
  period: PeriodText;
  registered: string[];
  approved: string[];
  rejected: string[];
  delivered: string[];
}

/** Delivery of one project: timeliness and budget. */
export interface ProjectDelivery {
  project: string;
  delivered: IsoDate;
  planned_end: IsoDate | null;
  on_time: boolean | null;
  days_late: number | null;
  planned_cost: Money | null;
  actual_cost: Money | null;
  variance: Money | null;
  relative_variance: Money | null;
}

/** On-time and on-budget delivery of delivered projects. */
export interface DeliveryReport {
  period: PeriodText | null;
  projects: ProjectDelivery[];
  with_planned_end: number;
  on_time: number;
  on_time_rate: Money | null;
  planned_total: Money | null;
  actual_total: Money | null;
  variance_total: Money | null;
  relative_variance_total: Money | null;
  /** Why some amounts are null: a sum overflows the largest amount the library can hold. */
  overflow: string | null;
}

/** The value of the active portfolio: planned costs of active files. */
export interface PortfolioValue {
  date: IsoDate;
  total: Money | null;
  projects: string[];
  without_planned_cost: string[];
  by_lead_service: Record<string, Money | null>;
  by_objective: Record<string, Money | null>;
  without_objective: Money | null;
  /** Why some amounts are null: a sum overflows the largest amount the library can hold. */
  overflow: string | null;
}

/** Two services that work together on some projects. */
export interface ServicePair {
  a: string;
  b: string;
  projects: string[];
}

/** Projects run by several services, and who works with whom. */
export interface Transversality {
  date: IsoDate | null;
  projects: number;
  transversal: string[];
  share: Money | null;
  pairs: ServicePair[];
}

/** Partner counts of one kind. */
export interface KindCounts {
  total: number;
  new: number;
  active: number;
}

/** Partners: members, newcomers and active ones in a period. */
export interface PartnerCounts {
  period: PeriodText;
  members: string[];
  undated: string[];
  new: string[];
  active: string[];
  without_commitment: string[];
  by_kind: Partial<Record<PartnerKind, KindCounts>>;
}

/** Amounts at each status; null when the sum overflows the largest amount the library can hold. */
export interface StatusAmounts {
  pledged: Money | null;
  signed: Money | null;
  received: Money | null;
}

/** Which steps a funds figure counts: a stock up to a day, or a flow within a period. */
export type FundsScope = { kind: "as_of"; value: IsoDate } | { kind: "within"; value: PeriodText };

/** Funds by status, by kind of support and by kind of partner. */
export interface Funds {
  scope: FundsScope;
  total: StatusAmounts;
  by_kind: Partial<Record<FundingKind, StatusAmounts>>;
  by_partner_kind: Partial<Record<PartnerKind, StatusAmounts>>;
  commitments: string[];
  /** Why some amounts are null: a sum overflows the largest amount the library can hold. */
  overflow: string | null;
}

/** What one commitment still owes. */
export interface CommitmentGap {
  commitment: string;
  partner: string;
  amounts: StatusAmounts;
  pledged_not_signed: Money | null;
  signed_not_received: Money | null;
}

/** Funds still to come as of a date. */
export interface Outstanding {
  as_of: IsoDate;
  pledged_not_signed: Money | null;
  signed_not_received: Money | null;
  commitments: CommitmentGap[];
  /** Why some amounts are null: a sum overflows the largest amount the library can hold. */
  overflow: string | null;
}

/**
 * How leverage is defined: external / own (default, FEADER), (own + external) / own, or total
 * planned expenditure / own (over the projects with a planned cost).
 */
export type LeverageDefinition = "external_over_own" | "total_over_own" | "planned_cost_over_own";

/** Options of the finance figures as the core used them. */
export interface FinanceOptions {
  basis: FundingStatus;
  as_of: IsoDate | null;
  leverage: LeverageDefinition;
}

/** Options of the finance methods (input): the status counted as external funds, the leverage definition. */
export interface FinanceArgs {
  basis?: FundingStatus;
  leverage?: LeverageDefinition;
}

/** A leverage figure with its definition (`formula` in words) and, when undefined, why. */
export interface Leverage {
  definition: LeverageDefinition;
  formula: string;
  own: Money | null;
  external: Money | null;
  /** Planned cost of the same projects, when known (the numerator of `planned_cost_over_own`). */
  planned_cost: Money | null;
  value: Money | null;
  undefined_reason: string | null;
}

/** Finance of one project: own and external funds, co-financing rate, leverage. */
export interface ProjectFinance {
  project: string;
  planned_cost: Money | null;
  own: Money;
  external: StatusAmounts;
  basis: FundingStatus;
  cofinancing_rate: Money | null;
  leverage: Leverage;
  commitments: string[];
  /** Why some amounts are null: a sum overflows the largest amount the library can hold. */
  overflow: string | null;
}

/** Which projects a portfolio finance figure covers. */
export type ProjectScope =
  | { kind: "all" }
  | { kind: "approved_by"; value: IsoDate }
  | { kind: "approved_in"; value: PeriodText };

/** The projects a portfolio figure is computed over. */
export interface Population {
  count: number;
  /** Only the projects with a planned cost count. */
  with_planned_cost: boolean;
  /** In words: "129 projects approved by 2025-12-31, with a planned cost". */
  description: string;
  /** Projects of the scope left out (no planned cost). */
  left_out: string[];
}

/** Co-financing and leverage of a set of projects: sums first, then one division; each names its population. */
export interface PortfolioFinance {
  scope: ProjectScope;
  options: FinanceOptions;
  planned_cost: Money | null;
  own: Money | null;
  external: Money | null;
  cofinanced_external: Money | null;
  cofinancing_rate: Money | null;
  cofinancing_population: Population;
  leverage: Leverage;
  leverage_population: Population;
  projects: ProjectFinance[];
  /** Why some amounts are null: a sum overflows the largest amount the library can hold. */
  overflow: string | null;
}

/** One partner's share of the signed funds. */
export interface PartnerShare {
  partner: string;
  amount: Money | null;
  share: Money | null;
}

/** How concentrated the signed funds are on few partners. */
export interface Concentration {
  as_of: IsoDate | null;
  total: Money | null;
  partners: PartnerShare[];
  top_n: number;
  top_share: Money | null;
  herfindahl: Money | null;
  /** Why some amounts are null: a sum overflows the largest amount the library can hold. */
  overflow: string | null;
}

/** Investment carried in a period: own plus external funds of the projects dated in it. */
export interface InvestmentCapacity {
  period: PeriodText;
  /** The last day counted, and the day the figure is known on. */
  through: IsoDate;
  basis: FundingStatus;
  own: Money | null;
  external: Money | null;
  total: Money | null;
  projects: string[];
  /** Why some amounts are null: a sum overflows the largest amount the library can hold. */
  overflow: string | null;
}

/** Investment capacity of two periods compared: `ratio` 2 means "multiplied by 2". */
export interface CapacityComparison {
  earlier: InvestmentCapacity;
  later: InvestmentCapacity;
  ratio: Money | null;
  note: string | null;
}

/** Options of `headline` (input); every field defaults as in the core. */
export interface HeadlineOptions {
  /** The period compared against (default: the same period in the earliest year with decided files). */
  compare_with?: PeriodText | null;
  /** How many partners the top list covers (default 5, at least 1). */
  top_partners?: number;
  leverage?: LeverageDefinition;
  lead_time?: LeadTimeOptions;
  /** Which files count in the active caseload (default `until_closed`). */
  caseload?: CaseloadRule;
}

/**
 * The headline figures of one period (stocks on `as_of`, its last day): what the main job's
 * `--json` prints under `headline`.
 *
 * @example
 * const h = ws.headline("2025-Q4");
 * h.active_caseload; h.lead_time_by_year?.mean_ratio; h.finance.leverage.value; // "4.8886"
 */
export interface Headline {
  period: PeriodText;
  as_of: IsoDate;
  /** Whether the records cover the period (its last day is inside their span). */
  within_records: boolean;
  compared_with: PeriodText | null;
  active_caseload: number;
  /** Null when the sum overflows the largest amount the library can hold. */
  portfolio_value: Money | null;
  lead_time: LeadTimeComparison;
  lead_time_by_year: LeadTimeComparison | null;
  funds: Funds;
  outstanding: Outstanding;
  finance: PortfolioFinance;
  partners: PartnerCounts;
  concentration: Concentration;
  investment_capacity: CapacityComparison | null;
  transversality: Transversality;
}

/** True when `value` is an error thrown by this package. */
export function isPilotageError(value: unknown): value is PilotageError;
