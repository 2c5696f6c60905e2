import type { PeriodInfo, WorkspaceCounts, WorkspaceJson } from "./pilotage_wasm.js";

/** The `<pilotage-scorecard>` custom element (defined when this module is imported). */
export declare class PilotageScorecard extends HTMLElement {
  static readonly observedAttributes: string[];
  /** The workspace given as a property: a parsed object or JSON text (overrides `src`). */
  workspace: WorkspaceJson | string | null;
  /** Where the element is: loading, showing a workspace, or showing an error. */
  readonly state: "loading" | "ready" | "error";
  /** The period shown (`"2025-Q4"`), or null before a workspace is shown. */
  readonly period: string | null;
}

/** Detail of the `pilotage-ready` event, fired each time a period is shown. */
export interface PilotageReadyDetail {
  organisation: string;
  counts: WorkspaceCounts;
  period: PeriodInfo | null;
}

/** Detail of the `pilotage-error` event: what was shown to the user. */
export interface PilotageErrorDetail {
  error: unknown;
}

declare global {
  interface HTMLElementTagNameMap {
    "pilotage-scorecard": PilotageScorecard;
  }
  interface HTMLElementEventMap {
    "pilotage-ready": CustomEvent<PilotageReadyDetail>;
    "pilotage-error": CustomEvent<PilotageErrorDetail>;
  }
}
