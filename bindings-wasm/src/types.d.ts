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
  | { method: "ratio_to_target"; cap?: number | null; zero_target?: ZeroTargetRule }
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

/** True when `value` is an error thrown by this package. */
export function isPilotageError(value: unknown): value is PilotageError;
