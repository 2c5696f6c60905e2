// GENERATED from the Rust types' JSON Schemas (schema/workspace.schema.json and
// schema/results.schema.json) by bindings-wasm/tests/typescript_types.rs: do not edit.
// Regenerate with: UPDATE_TYPES=1 cargo test -p pilotage-wasm --test typescript_types

// ---- The workspace file (the same shape as docs/workspace-format.md) ----

/** Everything one organisation steers. */
export interface WorkspaceJson {
  schema_version: number;
  organisation: string;
  commitments?: Commitment[];
  currency?: string;
  fiscal_year_start_month?: number;
  indicators?: Indicator[];
  partners?: Partner[];
  projects?: Project[];
  scorecard?: Scorecard;
  services?: Service[];
  settings?: Settings;
}

/** How a node combines its children's scores. */
export type Aggregation = "weighted_mean" | "weighted_geometric_mean" | "worst";

/** A cause-effect link of the strategy map. */
export interface CauseEffect {
  from: string;
  to: string;
  lag?: number;
  sign?: Sign;
}

/** Support from one partner, optionally for one project. */
export interface Commitment {
  id: string;
  partner: string;
  kind: FundingKind;
  project?: string;
  steps?: CommitmentStep[];
}

/** One dated step of a commitment, with its amount. */
export interface CommitmentStep {
  status: FundingStatus;
  date: IsoDate;
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
  id: string;
  name: string;
  frequency: Frequency;
  scoring: ScoringMethod;
  aggregation?: TimeAggregation;
  baseline?: PeriodValue;
  description?: string;
  measurements?: Measurement[];
  min_group_size?: number;
  polarity?: Polarity;
  service?: string;
  source?: IndicatorSource;
  target_policy?: TargetPolicy;
  targets?: PeriodValue[];
  thresholds?: StatusThresholds;
  trajectory?: Trajectory;
  unit?: string;
}

/** An indicator's place under an objective, with its weight. */
export interface IndicatorLink {
  indicator: string;
  weight?: Weight;
}

/** Where an indicator's values come from. */
export type IndicatorSource =
  | { kind: "measured" }
  | { kind: "calculated"; expression: string }
  | { kind: "derived"; metric: Metric };

/** How a lower-is-better ratio to target is formed (both are published; the first is the default). */
export type LowerRatio = "target_over_actual" | "two_minus_actual_over_target";

/** One measurement of an indicator. */
export interface Measurement {
  period: PeriodText;
  comment?: string;
  denominator?: number;
  numerator?: number;
  respondents?: number;
  source?: string;
  value?: number;
}

/** A portfolio or partnership metric an indicator can take its values from, so that the scorecard feeds itself from the raw records (see the `portfolio` and `partnership` modules for the definitions). */
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
  date: IsoDate;
  value: number;
}

/** What a node does with a child that has no data for the period. */
export type MissingPolicy = "exclude" | "zero" | { carry_forward: { max_periods: number } } | "no_data";

/** A strategic objective, inside one perspective. */
export interface Objective {
  id: string;
  name: string;
  perspective: string;
  indicators?: IndicatorLink[];
  rollup?: Rollup;
  weight?: Weight;
}

/** A partner of the organisation. */
export interface Partner {
  id: string;
  name: string;
  kind: PartnerKind;
  joined?: IsoDate;
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
  period: PeriodText;
  value: number;
}

/** A perspective ("axe"): citizens & territory, finance & partnerships... */
export interface Perspective {
  id: string;
  name: string;
  rollup?: Rollup;
  weight?: Weight;
}

/** Which direction is good. */
export type Polarity = "higher_is_better" | "lower_is_better" | "inside_band";

/** A file of the portfolio. */
export interface Project {
  id: string;
  title: string;
  lead_service: string;
  actual_cost?: Money;
  contributing_services?: string[];
  objectives?: string[];
  own_funds?: Money;
  planned_cost?: Money;
  planned_end?: IsoDate;
  stages?: StageEvent[];
}

/** Roll-up settings of a node. */
export interface Rollup {
  aggregation?: Aggregation;
  min_coverage?: number;
  missing?: MissingPolicy;
}

/** What a rule threshold is relative to. */
export type RuleBase = "absolute" | "target_fraction";

/** The whole scorecard definition. */
export interface Scorecard {
  links?: CauseEffect[];
  objectives?: Objective[];
  perspectives?: Perspective[];
  rollup?: Rollup;
}

/** How an indicator is scored, with its parameters. */
export type ScoringMethod =
  | { method: "linear_progress"; cap?: number; floor_at_zero?: boolean }
  | { method: "ratio_to_target"; cap?: number; lower_is_better?: LowerRatio; zero_target?: ZeroTargetRule }
  | { method: "goal_red_flag"; red_flag: number; goal?: number }
  | { method: "band"; low: number; high: number; tolerance: number }
  | { method: "min_max"; min: number; max: number; log?: boolean }
  | { method: "status_rules"; rules: StatusRule[]; otherwise: Status; otherwise_score?: number }
  | { method: "expected_progress"; start: IsoDate; end: IsoDate; start_value: number; end_value: number; cap?: number; day_count?: DayCount; milestones?: Milestone[] };

/** A service (org unit) of the organisation. */
export interface Service {
  id: string;
  name: string;
}

/** Organisation-wide settings of the engine. */
export interface Settings {
  forecast_window?: number;
  min_correlation_periods?: number;
  records_complete_through?: IsoDate;
  stability_tolerance?: number;
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
  stage: Stage;
  date: IsoDate;
}

/** The health of a node. */
export type Status = "green" | "amber" | "red" | "no_data" | "suppressed";

/** One rule: if `actual <comparison> threshold` then `status` (first match wins). */
export interface StatusRule {
  when: Comparison;
  threshold: number;
  status: Status;
  relative_to?: RuleBase;
  score?: number;
}

/** Score cut-offs (0-100) between red and amber, and amber and green. */
export interface StatusThresholds {
  amber: number;
  green: number;
}

/** What holds for a period with no target in force (see the module rules). */
export type TargetPolicy = "none" | "carry_forward";

/** How measurements combine into a coarser period. */
export type TimeAggregation = "sum" | "mean" | "last" | "min" | "max" | "ratio_of_sums";

/** A path from a starting value to a target value, interpolated linearly per period, with optional intermediate milestones (the path goes through each in turn). */
export interface Trajectory {
  from: PeriodValue;
  to: PeriodValue;
  milestones?: PeriodValue[];
}

/** A relative weight: one number, or a schedule of weights each in force from a period on. */
export type Weight = number | WeightChange[];

/** A weight change taking effect from a period on. */
export interface WeightChange {
  from: PeriodText;
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
  earlier: InvestmentCapacity;
  later: InvestmentCapacity;
  ratio: Money | null;
  note: NoRatio | null;
}

/** The active caseload at a date and its splits. */
export interface Caseload {
  date: IsoDate;
  options: CaseloadOptions;
  rule: string;
  count: number;
  projects: string[];
  by_stage: { [key: string]: number };
  by_lead_service: { [key: string]: number };
  by_objective: { [key: string]: number };
  without_objective: number;
}

/** Which files count in the active caseload besides those in instruction or in progress. */
export interface CaseloadOptions {
  rejected_until_closed: boolean;
  delivered_until_closed: boolean;
}

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

/** What one commitment still owes. */
export interface CommitmentGap {
  commitment: string;
  partner: string;
  amounts: StatusAmounts;
  pledged_not_signed: Money | null;
  signed_not_received: Money | null;
}

/** How concentrated the signed funds are on few partners. */
export interface Concentration {
  as_of: IsoDate | null;
  total: Money | null;
  partners: PartnerShare[];
  top_n: number;
  top_share: Money | null;
  herfindahl: Money | null;
  overflow: string | null;
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
  overflow: string | null;
}

/** Where a node is heading. */
export type Direction = "improving" | "stable" | "declining" | "unknown";

/** The scorecard at one reporting period. */
export interface Evaluation {
  organisation: string;
  period: PeriodText;
  nodes: NodeResult[];
  links: LinkResult[];
}

/** A file whose stop event fell in the period but that has no lead time, and why. */
export interface Excluded {
  project: string;
  reason: string;
}

/** Why a node has the score and status it has, as data. */
export interface Explanation {
  method: string;
  scoring: ScoringMethod | null;
  rollup: Rollup | null;
  source: SourceUsed | null;
  inputs: InputUsed[];
  time_aggregation: TimeAggregationUsed | null;
  value_period: PeriodText | null;
  target: TargetInForce | null;
  baseline: PeriodValue | null;
  formula: Formula | null;
  children: ChildUsed[];
  coverage: number;
  thresholds: StatusThresholds;
  status_reason: StatusReason;
  reasons: Reason[];
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

/** The lead time of one file. */
export interface FileLeadTime {
  project: string;
  start: IsoDate;
  stop: IsoDate;
  days: number;
}

/** Options of the project-finance figures; a field missing when read takes its [`Default`] value. */
export interface FinanceOptions {
  basis: FundingStatus;
  as_of: IsoDate | null;
  leverage: LeverageDefinition;
}

/** A least-squares projection of an indicator to its target date. */
export interface Forecast {
  target_period: PeriodText;
  target: number;
  projected: number | null;
  slope: number | null;
  points: number;
  on_track: boolean | null;
}

/** A formula with its numbers, as a tree: leaves are numbers labelled with what they are (or a calculated indicator's inputs), nodes are operations over operands. */
export type Formula =
  | { kind: "value"; value: number; of: Operand }
  | { kind: "input"; indicator: string; value: number | null }
  | { kind: "named"; of: Operand }
  | { kind: "op"; op: Op; operands: Formula[] };

/** Funds by status, by kind of support and by kind of partner. */
export interface Funds {
  scope: FundsScope;
  total: StatusAmounts;
  by_kind: { [key: string]: StatusAmounts };
  by_partner_kind: { [key: string]: StatusAmounts };
  commitments: string[];
  overflow: string | null;
}

/** Which steps a funds figure counts. */
export type FundsScope = { kind: "as_of"; value: IsoDate } | { kind: "within"; value: PeriodText };

/** The headline figures of one period. */
export interface Headline {
  period: PeriodText;
  as_of: IsoDate;
  within_records: boolean;
  compared_with: PeriodText | null;
  active_caseload: number;
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

/** A measurement (or, for calculated indicators, another indicator's value) used. */
export interface InputUsed {
  indicator: string | null;
  period: PeriodText;
  value: number | null;
  numerator: number | null;
  denominator: number | null;
  suppressed: boolean;
}

/** Investment carried in a period: own plus external funds of the projects dated in it. */
export interface InvestmentCapacity {
  period: PeriodText;
  through: IsoDate;
  basis: FundingStatus;
  own: Money | null;
  external: Money | null;
  total: Money | null;
  projects: string[];
  overflow: string | null;
}

/** Partner counts of one kind. */
export interface KindCounts {
  total: number;
  new: number;
  active: number;
}

/** Lead times of two periods compared: earlier / later (4 means "divided by 4"). */
export interface LeadTimeComparison {
  earlier: LeadTimeStats;
  later: LeadTimeStats;
  mean_ratio: number | null;
  median_ratio: number | null;
  notes: LeadTimeNote[];
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

/** Why a lead-time ratio is missing. */
export type LeadTimeNote =
  | { code: "no_files"; period: PeriodText; stop: LeadTimeEvent; through: IsoDate | null }
  | { code: "zero_mean" }
  | { code: "zero_median" };

/** Which events a lead time runs between; a field missing when read takes its [`Default`] value. */
export interface LeadTimeOptions {
  start: LeadTimeEvent;
  stop: LeadTimeEvent;
}

/** Lead-time statistics of the files whose stop event falls in a period. */
export interface LeadTimeStats {
  period: PeriodText;
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

/** A leverage figure, with its definition and, when undefined, why. */
export interface Leverage {
  definition: LeverageDefinition;
  formula: string;
  own: Money | null;
  external: Money | null;
  planned_cost: Money | null;
  value: Money | null;
  undefined_reason: LeverageUndefined | null;
}

/** How leverage is defined; every leverage result names the one it used. */
export type LeverageDefinition = "external_over_own" | "total_over_own" | "planned_cost_over_own";

/** Why a leverage has no value. */
export type LeverageUndefined = "no_planned_cost" | "overflow" | "zero_own_funds" | "too_large_to_divide";

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

/** What a derived value rests on, or why there is none, as a code with its numbers. */
export type MetricBasis =
  | { code: "counted"; count: number }
  | { code: "no_records" }
  | { code: "overflow"; count: number }
  | { code: "undefined"; count: number }
  | { code: "before_records"; end: IsoDate }
  | { code: "after_records"; through: IsoDate };

/** Why a node has no score. */
export type NoDataReason =
  | "no_children"
  | "all_children_missing"
  | "child_missing"
  | "below_min_coverage"
  | "too_large";

/** Why a capacity comparison has no ratio. */
export type NoRatio =
  | { code: "overflow" }
  | { code: "no_investment"; period: PeriodText }
  | { code: "no_investment_up_to"; period: PeriodText; through: IsoDate };

/** Why a method gives no score for a value. */
export type NoScore =
  | "no_target"
  | "no_baseline"
  | "zero_target"
  | "goal_equals_red_flag"
  | "not_positive_for_log"
  | "rule_gives_no_score"
  | "negative_for_ratio"
  | "not_finite";

/** The kind of a scorecard node. */
export type NodeKind = "scorecard" | "perspective" | "objective" | "indicator";

/** One node at one period: a flat row. */
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

/** An operation of a [`Formula`]. */
export type Op =
  | { name: "add" }
  | { name: "sub" }
  | { name: "mul" }
  | { name: "div" }
  | { name: "neg" }
  | { name: "ln" }
  | { name: "exp" }
  | { name: "min" }
  | { name: "max" }
  | { name: "abs" }
  | { name: "clamp" }
  | { name: "equals" }
  | { name: "capped" }
  | { name: "floored_at_zero" }
  | { name: "lower_is_better"; ratio: LowerRatio }
  | { name: "target_equals_baseline"; reached: boolean }
  | { name: "right_side_of_zero" }
  | { name: "band" }
  | { name: "rule"; number: number; status: Status }
  | { name: "compare"; when: Comparison }
  | { name: "otherwise"; status: Status }
  | { name: "expected_on"; date: IsoDate; day_count: DayCount }
  | { name: "then" }
  | { name: "zero_in_geometric_mean" }
  | { name: "no_score"; reason: NoScore }
  | { name: "no_data"; reason: NoDataReason };

/** What a number of a [`Formula`] is. */
export type Operand =
  | "actual"
  | "target"
  | "baseline"
  | "goal"
  | "red_flag"
  | "low"
  | "high"
  | "tolerance"
  | "distance_outside"
  | "min"
  | "max"
  | "start_value"
  | "expected"
  | "cap"
  | "threshold"
  | "weight"
  | "weight_sum"
  | "score"
  | "constant"
  | "result";

/** Funds still to come as of a date. */
export interface Outstanding {
  as_of: IsoDate;
  pledged_not_signed: Money | null;
  signed_not_received: Money | null;
  commitments: CommitmentGap[];
  overflow: string | null;
}

/** Partners: members, newcomers and active ones in a period. */
export interface PartnerCounts {
  period: PeriodText;
  members: string[];
  undated: string[];
  new: string[];
  active: string[];
  without_commitment: string[];
  by_kind: { [key: string]: KindCounts };
}

/** One partner's share of the signed funds. */
export interface PartnerShare {
  partner: string;
  amount: Money | null;
  share: Money | null;
}

/** The projects a portfolio figure is computed over. */
export interface Population {
  count: number;
  with_planned_cost: boolean;
  description: string;
  left_out: string[];
}

/** Co-financing and leverage of a set of projects: sums first, then one division. */
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
  overflow: string | null;
}

/** The value of the active portfolio: planned costs of active files. */
export interface PortfolioValue {
  date: IsoDate;
  total: Money | null;
  projects: string[];
  without_planned_cost: string[];
  by_lead_service: { [key: string]: Money | null };
  by_objective: { [key: string]: Money | null };
  without_objective: Money | null;
  overflow: string | null;
}

/** One thing wrong with the input, and where. */
export interface Problem {
  path: ProblemPath;
  message: string;
  column?: number;
  line?: number;
}

/** Where a problem is: a path into the workspace naming records by id where they have one (`scorecard.objectives[o_pilotage].perspective`, `commitments[c_12].steps[1].amount`), or a file name for CSV. */
export type ProblemPath = string;

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
  overflow: string | null;
}

/** Which projects a portfolio finance figure covers. */
export type ProjectScope =
  | { kind: "all" }
  | { kind: "approved_by"; value: IsoDate }
  | { kind: "approved_in"; value: PeriodText };

/** Why a node has no value or no score, as a code with its numbers. */
export type Reason =
  | { code: "no_measurement"; periods: PeriodText[] }
  | { code: "denominators_zero" }
  | { code: "aggregate_too_large" }
  | { code: "records_unavailable" }
  | { code: "input_suppressed" }
  | { code: "input_missing"; indicator: string }
  | { code: "division_by_zero"; expression: string }
  | { code: "result_overflows" }
  | { code: "no_target"; period: PeriodText; latest: PeriodText | null; policy: TargetPolicy }
  | { code: "no_score"; cause: NoScore }
  | { code: "rollup"; cause: NoDataReason }
  | { code: "below_min_coverage"; coverage: number; min: number }
  | { code: "derived"; metric: Metric; period: PeriodText; basis: MetricBasis };

/** Two services that work together on some projects. */
export interface ServicePair {
  a: string;
  b: string;
  projects: string[];
}

/** Where an indicator's value comes from, for this period. */
export type SourceUsed =
  | { kind: "measured" }
  | { kind: "calculated"; expression: string; substituted: Formula | null }
  | { kind: "derived"; metric: Metric; basis: MetricBasis; records: string[] };

/** Amounts at each status; `None` when the sum overflows (see the module doc). */
export interface StatusAmounts {
  pledged: Money | null;
  signed: Money | null;
  received: Money | null;
}

/** Which cut-off or rule gave a node its status. */
export type StatusReason =
  | { rule: "suppressed" }
  | { rule: "no_data" }
  | { rule: "status_rule"; status: Status }
  | { rule: "green"; score: number; green: number }
  | { rule: "amber"; score: number; amber: number; green: number }
  | { rule: "red"; score: number; amber: number }
  | { rule: "given"; status: Status };

/** The target in force and its origin. */
export interface TargetInForce {
  value: number;
  source: TargetSource;
}

/** Where the target in force comes from. */
export type TargetSource =
  | { kind: "explicit"; period: PeriodText }
  | { kind: "explicit_coarser"; period: PeriodText }
  | { kind: "explicit_finer"; first: PeriodText; last: PeriodText; count: number }
  | { kind: "carried_forward"; period: PeriodText }
  | { kind: "trajectory"; from: PeriodValue; to: PeriodValue }
  | { kind: "trajectory_end"; start: PeriodValue; end: PeriodValue };

/** What flowed through the portfolio in a period. */
export interface Throughput {
  period: PeriodText;
  registered: string[];
  approved: string[];
  rejected: string[];
  delivered: string[];
}

/** How measurements were brought to the reporting period. */
export interface TimeAggregationUsed {
  method: TimeAggregation;
  measured: Frequency;
  reported: Frequency;
  periods: PeriodText[];
  present: PeriodText[];
  rule: TimeRule;
}

/** How an indicator's measurement periods were brought to the reporting period. */
export type TimeRule = "aggregated" | "same_period" | "latest_ended";

/** Transversality: projects run by several services, and who works with whom. */
export interface Transversality {
  date: IsoDate | null;
  projects: number;
  transversal: string[];
  share: Money | null;
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
  previous_score: number | null;
  change: number | null;
  year_ago_score: number | null;
  year_change: number | null;
  direction: Direction;
}

/** The active files on a date grouped by the stage they are in. */
export interface WorkInProgress {
  date: IsoDate;
  by_stage: { [key: string]: string[] };
}
