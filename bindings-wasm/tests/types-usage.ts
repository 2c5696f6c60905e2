// A typed use of the package, checked by `tsc -p bindings-wasm/tests/tsconfig.json` (strict,
// never run): it fails to compile when a declaration is missing, too loose (`any`) or wrong.
import init, {
  Workspace,
  isPilotageError,
  parsePeriod,
  localeTable,
  formatNumber,
  version,
  warmedUp,
  type CapacityComparison,
  type Caseload,
  type Concentration,
  type DeliveryReport,
  type ErrorKind,
  type Evaluation,
  type FileAge,
  type Frequency,
  type Funds,
  type Headline,
  type HeadlineOptions,
  type LeadTimeComparison,
  type LeadTimeStats,
  type LocaleTable,
  type NumberStyle,
  type NodeResult,
  type Outstanding,
  type PartnerCounts,
  type PortfolioFinance,
  type PortfolioValue,
  type ProjectFinance,
  type Status,
  type Throughput,
  type Transversality,
  type WorkInProgress,
  type InvestmentCapacity,
  type IndicatorSource,
  type MetricBasis,
  type Money,
  type NoRatio,
  type PeriodInfo,
  type PilotageError,
  type Problem,
  type ScoringMethod,
  type StatusReason,
  type Weight,
  type WorkspaceCounts,
  type WorkspaceJson,
} from "../pkg/web/pilotage_wasm.js";
import { PilotageScorecard, type PilotageReadyDetail } from "../pkg/web/pilotage-scorecard.js";

/** Compiles only when `T` is exactly `U` (and neither is `any`). */
type Equal<T, U> = (<G>() => G extends T ? 1 : 2) extends <G>() => G extends U ? 1 : 2 ? true : false;
function assertType<T extends true>(_proof?: T): void {}

export async function usage(text: string): Promise<void> {
  await init();
  const v: string = version();
  const warm: boolean = warmedUp();

  const minimal: WorkspaceJson = { schema_version: 1, organisation: "Ville d'exemple" };
  const full: WorkspaceJson = {
    schema_version: 1,
    organisation: "Ville de Valmont",
    currency: "EUR",
    fiscal_year_start_month: 1,
    services: [{ id: "s", name: "Service" }],
    projects: [
      {
        id: "p",
        title: "Projet",
        lead_service: "s",
        stages: [{ stage: "registered", date: "2025-01-15" }],
        planned_cost: "1250000.10",
      },
    ],
    partners: [{ id: "r", name: "Région", kind: "region" }],
    commitments: [
      { id: "c", partner: "r", kind: "grant", steps: [{ status: "signed", date: "2025-04-01", amount: "0.10" }] },
    ],
    indicators: [
      {
        id: "i",
        name: "Indicateur",
        frequency: "quarterly",
        source: { kind: "derived", metric: "active_partners" },
        scoring: { method: "goal_red_flag", goal: 30, red_flag: 60 },
        measurements: [{ period: "2025-Q1", value: 11 }],
      },
    ],
    scorecard: {
      perspectives: [{ id: "a", name: "Axe", weight: [{ from: "2025-Q1", weight: 2 }] }],
      objectives: [{ id: "o", name: "Objectif", perspective: "a", indicators: [{ indicator: "i" }] }],
      links: [],
      rollup: { missing: { carry_forward: { max_periods: 2 } } },
    },
  };

  const ws: Workspace = Workspace.fromJson(text);
  const fromObject: Workspace = Workspace.fromObject(full);
  const parsed: Workspace = Workspace.parseObject(minimal);
  const parsedText: Workspace = Workspace.parseJson(text);
  const organisation: string = ws.organisation;
  const currency: string = ws.currency;
  const schema: number = ws.schemaVersion;
  const month: number = ws.fiscalYearStartMonth;
  const counts: WorkspaceCounts = ws.counts;
  const measurements: number = counts.measurements;
  const json: string = ws.toJson();
  const object: WorkspaceJson = ws.toObject();
  const cost: Money | undefined = object.projects?.[0]?.planned_cost;
  const problems: Problem[] = parsed.problems();
  const line: number | undefined = problems[0]?.line;
  const nothing: void = ws.validate();
  const q4: PeriodInfo = ws.parsePeriod("2025-Q4");
  const fiscal: PeriodInfo = parsePeriod("2025", 4);
  const calendar: PeriodInfo = parsePeriod("2025-03");
  const frequency: Frequency = q4.frequency;
  const start: string = fiscal.start;

  // The core's words and number formats (what the widget shows).
  const table: LocaleTable = localeTable("en");
  const arrow: string = table.arrows.unknown;
  const word: string = table.rollup_statuses.no_data;
  const definition: string = table.leverage_definitions.external_over_own;
  const hint: string | undefined = localeTable().messages["detailHint"];
  assertType<Equal<typeof table.lang, "fr" | "en">>(true);
  const style: NumberStyle = "percent";
  const percent: string = formatNumber(0.455, 1, "fr", style);
  const plain: string = formatNumber(1234.5);
  // @ts-expect-error: not a style of formatNumber
  formatNumber(1, 0, "fr", "money");

  // Results are precise, not `any`.
  assertType<Equal<typeof counts, WorkspaceCounts>>(true);
  assertType<Equal<ReturnType<Workspace["problems"]>, Problem[]>>(true);
  assertType<Equal<ReturnType<typeof parsePeriod>, PeriodInfo>>(true);
  assertType<Equal<ReturnType<Workspace["toObject"]>, WorkspaceJson>>(true);
  assertType<Equal<Frequency, "monthly" | "quarterly" | "yearly">>(true);

  // Tagged unions narrow on their tag.
  const scoring: ScoringMethod | undefined = object.indicators?.[0]?.scoring;
  if (scoring?.method === "band") {
    const width: number = scoring.high - scoring.low;
    void width;
  }
  const source: IndicatorSource | undefined = object.indicators?.[0]?.source;
  if (source?.kind === "calculated") {
    const expression: string = source.expression;
    void expression;
  }
  const weight: Weight | undefined = object.scorecard?.perspectives?.[0]?.weight;
  if (typeof weight === "number") {
    const w: number = weight;
    void w;
  }

  try {
    Workspace.fromJson("{");
  } catch (e: unknown) {
    if (isPilotageError(e)) {
      const err: PilotageError = e;
      const kind: ErrorKind = err.kind;
      const list: Problem[] = err.problems;
      const where: number | undefined = err.line;
      const message: string = err.message;
      void [kind, list, where, message];
    }
  }

  // The scorecard.
  const evaluation: Evaluation = ws.evaluate("2025-Q4");
  const range: Evaluation[] = ws.evaluateRange("2025-Q1", "2025-Q4");
  const root: NodeResult | undefined = evaluation.nodes[0];
  const rootScore: number | null | undefined = root?.score;
  const rootStatus: Status | undefined = root?.status;
  const explanation: string = ws.explain("scorecard", "2025-Q4");
  const explanationFr: string = ws.explain("scorecard", "2025-Q4", "fr");
  assertType<Equal<Parameters<Workspace["explain"]>, [node_id: string, period: string, lang?: string | null]>>(true);
  // @ts-expect-error the language is a string
  ws.explain("scorecard", "2025-Q4", 1);
  const latest: string | undefined = ws.latestPeriod();
  const latestYear: string | undefined = ws.latestPeriod("yearly");
  const quarters: string[] = ws.periods();
  const options: HeadlineOptions = { compare_with: "2024-Q4", top_partners: 3, leverage: "total_over_own", caseload: "in_progress" };
  const headline: Headline = ws.headline("2025-Q4", options);
  const defaults: Headline = ws.headline("2025-Q4");
  const leverage: Money | null = headline.finance.leverage.value;
  const dividedBy: number | null | undefined = headline.lead_time_by_year?.mean_ratio;
  const source2 = root?.explanation.source;
  if (source2?.kind === "derived") {
    const records: string[] = source2.records;
    void records;
  }
  // explanations are data: reason codes with their numbers, the formula as a tree
  for (const reason of root?.explanation.reasons ?? []) {
    if (reason.code === "below_min_coverage") {
      const share: number = reason.coverage - reason.min;
      void share;
    } else if (reason.code === "derived") {
      const basis: MetricBasis = reason.basis;
      void basis;
    }
  }
  const formula = root?.explanation.formula;
  if (formula?.kind === "op" && formula.op.name === "rule") {
    const ruleStatus: Status = formula.op.status;
    void ruleStatus;
  }
  const why: StatusReason | undefined = root?.explanation.status_reason;
  if (why?.rule === "amber") {
    const cutOff: number = why.green;
    void cutOff;
  }
  // @ts-expect-error reasons are codes, not sentences
  const sentence: string | undefined = root?.explanation.reasons[0];
  void sentence;
  const treatment = root?.explanation.children[0]?.treatment;
  if (treatment?.kind === "carried_forward") {
    const age: number = treatment.age;
    void age;
  }
  assertType<Equal<ReturnType<Workspace["evaluate"]>, Evaluation>>(true);
  assertType<Equal<ReturnType<Workspace["headline"]>, Headline>>(true);
  assertType<Equal<Status, "green" | "amber" | "red" | "no_data" | "suppressed">>(true);
  // @ts-expect-error an unknown headline option
  ws.headline("2025-Q4", { top: 3 });
  // @ts-expect-error periods are strings
  ws.evaluate(2025);

  // Portfolio and partnerships (asOf: an ISO date or a period, meaning its last day).
  const caseload: Caseload = ws.caseload("2025-12-31");
  const wip: WorkInProgress = ws.workInProgress("2025-Q4");
  const ageing: FileAge[] = ws.ageing("2025-Q4");
  const lead: LeadTimeStats = ws.leadTime("2025-Q4", { start: "complete", stop: "decision" });
  const compared: LeadTimeComparison = ws.compareLeadTimes("2019-Q4", "2025-Q4");
  const throughput: Throughput = ws.throughput("2025-Q4");
  const delivery: DeliveryReport = ws.delivery();
  const value: PortfolioValue = ws.portfolioValue("2025-Q4");
  const transversality: Transversality = ws.transversality();
  const partners: PartnerCounts = ws.partnerCounts("2025-Q4");
  const funds: Funds = ws.funds("2025-Q4");
  const flow: Funds = ws.fundsWithin("2025-Q4");
  const outstanding: Outstanding = ws.outstanding("2025-Q4");
  const finance: PortfolioFinance = ws.portfolioFinance("2025-Q4", { basis: "received" });
  const project: ProjectFinance = ws.projectFinance("p", null, { leverage: "total_over_own" });
  const concentration: Concentration = ws.concentration(5, "2025-Q4");
  const capacity: InvestmentCapacity = ws.investmentCapacity("2025");
  const capacities: CapacityComparison = ws.compareCapacity("2019", "2025");
  const noRatio: NoRatio | null = capacities.note;
  if (noRatio?.code === "no_investment_up_to") {
    const through: string = noRatio.through;
    void through;
  }
  const signed: Money | null = funds.total.signed;
  const byStage: number | undefined = caseload.by_stage.approved;
  // @ts-expect-error an unknown lead-time event
  ws.leadTime("2025-Q4", { start: "birth", stop: "decision" });
  void [range, rootScore, rootStatus, explanation, explanationFr, latest, latestYear, quarters, defaults, leverage, dividedBy];
  void [wip, ageing, lead, compared, throughput, delivery, value, transversality, partners, flow, outstanding];
  void [finance, project, concentration, capacity, capacities, signed, byStage];

  // The core's renderings: strings of SVG or HTML (the language is optional, French by default).
  const overview: string = ws.overviewSvg("2025-Q4");
  const map: string = ws.strategyMapSvg("2025-Q4", "en");
  const card: string = ws.indicatorCard("i-delai", "2025-Q4", null);
  const report: string = ws.reportHtml("2025-Q4");
  const reportEn: string = ws.reportHtml("2025-Q4", "en");
  assertType<Equal<Parameters<Workspace["reportHtml"]>, [period: string, lang?: string | null]>>(true);
  assertType<Equal<Parameters<Workspace["strategyMapSvg"]>, [period: string, lang?: string | null]>>(true);
  assertType<Equal<ReturnType<Workspace["reportHtml"]>, string>>(true);
  assertType<Equal<ReturnType<Workspace["strategyMapSvg"]>, string>>(true);
  // @ts-expect-error the period is a string
  ws.reportHtml(2025);
  // @ts-expect-error the language is a string
  ws.strategyMapSvg("2025-Q4", 1);
  void [overview, map, card, report, reportEn];

  // The widget.
  const element = document.createElement("pilotage-scorecard");
  const typed: PilotageScorecard = element;
  typed.workspace = full;
  typed.workspace = json;
  typed.workspace = null;
  const state: "loading" | "ready" | "error" = typed.state;
  const shownPeriod: string | null = typed.period;
  typed.addEventListener("pilotage-ready", (event) => {
    const detail: PilotageReadyDetail = event.detail;
    const shown: number = detail.counts.projects;
    const period: string | undefined = detail.period?.text;
    void [shown, period];
  });

  // @ts-expect-error money is a string, never a number
  const wrongMoney: WorkspaceJson = { schema_version: 1, organisation: "X", projects: [{ id: "p", title: "t", lead_service: "s", planned_cost: 12 }] };
  // @ts-expect-error unknown partner kind
  const wrongKind: WorkspaceJson = { schema_version: 1, organisation: "X", partners: [{ id: "p", name: "n", kind: "nowhere" }] };
  // @ts-expect-error the organisation is required
  const missing: WorkspaceJson = { schema_version: 1 };
  // @ts-expect-error parsePeriod takes a string
  parsePeriod(2025);

  void [v, warm, fromObject, parsedText, organisation, currency, schema, month, measurements, cost, line, nothing];
  void [calendar, frequency, start, state, shownPeriod, wrongMoney, wrongKind, missing];
  ws.free();
}
