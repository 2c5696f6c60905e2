// Data types of the pilotage package, written by hand: the errors, the options objects of
// the methods and the aliases. The workspace file's types and the results' types are
// generated from the Rust types into `types.generated.d.ts`. Both texts are emitted verbatim
// into the generated `pilotage_wasm.d.ts` (a `typescript_custom_section` in src/lib.rs).
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

/**
 * Every word of a language a page needs, from the core's `locale` table (`localeTable`):
 * what the `<pilotage-scorecard>` widget shows. In a message, `{0}` and `{1}` mark the values
 * a page puts in (a period, a number already written, a file name).
 *
 * @example
 * localeTable("en").arrows.unknown // "?"
 */
export interface LocaleTable {
  lang: "fr" | "en";
  messages: Record<string, string>;
  statuses: Record<Status, string>;
  rollup_statuses: Record<Status, string>;
  symbols: Record<Status, string>;
  trends: Record<Direction, string>;
  arrows: Record<Direction, string>;
  leverage_definitions: Record<LeverageDefinition, string>;
}

/**
 * How `formatNumber` writes a value: a number (`"1 234,5"`), a fraction as a percentage
 * (`"45,5 %"`), days (`"45 j"`) or a count of files (`"0 dossier"`, `"2 dossiers"`); `"–"`
 * when not finite.
 */
export type NumberStyle = "number" | "percent" | "days" | "files";

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

// ---- Options of the methods (input) ----

/**
 * The active-caseload rule by name (input): `until_closed` (default), `without_rejected`,
 * `without_delivered`, `in_progress` (neither rejected nor delivered files).
 */
export type CaseloadRule = "until_closed" | "without_rejected" | "without_delivered" | "in_progress";

/** Options of the finance methods (input): the status counted as external funds, the leverage definition. */
export interface FinanceArgs {
  basis?: FundingStatus;
  leverage?: LeverageDefinition;
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

/** True when `value` is an error thrown by this package. */
export function isPilotageError(value: unknown): value is PilotageError;
