// <pilotage-scorecard>: the pilotage scorecard as a custom element, in plain JavaScript
// (no framework, nothing loaded from the network but the workspace file).
//
//   <script type="module" src="pilotage/pilotage-scorecard.js"></script>
//   <pilotage-scorecard src="data/workspace.json" period="2025-Q4" lang="fr"></pilotage-scorecard>
//
// The workspace comes from the `src` attribute (fetched) or the `workspace` property (a
// parsed object or JSON text). Every computation is the WebAssembly core's; this file only
// builds the DOM. Every string from the workspace is inserted as text (textContent), never
// as HTML. A failure (file missing, invalid workspace, bad period) is shown as a readable
// message inside the element, announced to screen readers, never as a blank box.
//
// The element reflects its state in `data-state` ("loading", "ready" or "error") and fires
// `pilotage-ready` (detail: { organisation, counts, period }) or `pilotage-error` (detail:
// { error }) when a load ends.

import init, { Workspace } from "./pilotage_wasm.js";

let modulePromise = null;

/**
 * True for an error thrown by the package (the check `isPilotageError` makes), written here
 * so that an error can be shown even when the WebAssembly module failed to load.
 */
function isPilotageError(value) {
  return value instanceof Error && value.name === "PilotageError";
}

/** Instantiates the WebAssembly module once per page. */
function loadModule() {
  if (!modulePromise) {
    modulePromise = init().catch((e) => {
      modulePromise = null;
      throw e;
    });
  }
  return modulePromise;
}

const MESSAGES = {
  fr: {
    loading: "Chargement du tableau de bord…",
    scorecard: "Tableau de bord",
    period: "Période",
    from: "du",
    to: "au",
    counts: "Contenu de l'espace de travail",
    services: "services",
    projects: "projets",
    partners: "partenaires",
    commitments: "engagements",
    indicators: "indicateurs",
    measurements: "mesures",
    perspectives: "axes",
    objectives: "objectifs",
    links: "liens de cause à effet",
    errorTitle: "Le tableau de bord ne peut pas être affiché",
    noSource: "Aucun espace de travail : donnez l'attribut src ou la propriété workspace.",
    fetchFailed: (src, why) => `Le fichier « ${src} » n'a pas pu être chargé (${why}).`,
    notJson: (src) => `Le fichier « ${src} » n'est pas du JSON valide.`,
    invalid: (n) => (n === 1 ? "L'espace de travail a 1 problème :" : `L'espace de travail a ${n} problèmes :`),
    badPeriod: "La période demandée n'est pas valide.",
    moduleFailed: (why) => `Le module WebAssembly n'a pas pu être chargé (${why}).`,
    line: (l, c) => (c == null ? `ligne ${l}` : `ligne ${l}, colonne ${c}`),
  },
  en: {
    loading: "Loading the scorecard…",
    scorecard: "Scorecard",
    period: "Period",
    from: "from",
    to: "to",
    counts: "Contents of the workspace",
    services: "services",
    projects: "projects",
    partners: "partners",
    commitments: "commitments",
    indicators: "indicators",
    measurements: "measurements",
    perspectives: "perspectives",
    objectives: "objectives",
    links: "cause-effect links",
    errorTitle: "The scorecard cannot be shown",
    noSource: "No workspace: set the src attribute or the workspace property.",
    fetchFailed: (src, why) => `The file "${src}" could not be loaded (${why}).`,
    notJson: (src) => `The file "${src}" is not valid JSON.`,
    invalid: (n) => (n === 1 ? "The workspace has 1 problem:" : `The workspace has ${n} problems:`),
    badPeriod: "The requested period is not valid.",
    moduleFailed: (why) => `The WebAssembly module could not be loaded (${why}).`,
    line: (l, c) => (c == null ? `line ${l}` : `line ${l}, column ${c}`),
  },
};

const COUNT_KEYS = [
  "perspectives",
  "objectives",
  "indicators",
  "measurements",
  "links",
  "projects",
  "partners",
  "commitments",
  "services",
];

const STYLE = `
:host { display: block; font: 14px/1.4 system-ui, sans-serif; color: #1d2733; }
:host([hidden]) { display: none; }
.box { border: 1px solid #c8d1dc; border-radius: 6px; padding: 12px 16px; background: #fff; }
h2 { font-size: 1.15em; margin: 0 0 4px; }
.period { margin: 0 0 10px; color: #46566a; }
dl { display: grid; grid-template-columns: repeat(auto-fill, minmax(9em, 1fr)); gap: 6px 12px; margin: 0; }
dl div { display: flex; flex-direction: column-reverse; }
dt { color: #46566a; }
dd { margin: 0; font-size: 1.3em; font-weight: 600; }
.error { border-color: #b42318; background: #fff5f4; }
.error h2 { color: #b42318; }
.error ul { margin: 6px 0 0; padding-left: 1.2em; }
.error code { font-family: ui-monospace, monospace; }
`;

function el(tag, attributes = {}, text) {
  const node = document.createElement(tag);
  for (const [k, v] of Object.entries(attributes)) node.setAttribute(k, v);
  if (text !== undefined) node.textContent = text;
  return node;
}

let nextId = 0;

export class PilotageScorecard extends HTMLElement {
  static get observedAttributes() {
    return ["src", "period", "lang"];
  }

  constructor() {
    super();
    this._root = this.attachShadow({ mode: "open" });
    this._id = `pilotage-${++nextId}`;
    this._workspaceInput = null;
    this._workspace = null;
    this._error = null;
    this._loadToken = 0;
    this._connected = false;
  }

  /** The workspace given as a property: a parsed object or JSON text (overrides `src`). */
  get workspace() {
    return this._workspaceInput;
  }

  set workspace(value) {
    this._workspaceInput = value ?? null;
    if (this._connected) this._load();
  }

  /** "loading", "ready" or "error". */
  get state() {
    return this.dataset.state ?? "loading";
  }

  connectedCallback() {
    this._connected = true;
    this._load();
  }

  disconnectedCallback() {
    this._connected = false;
    this._loadToken++;
    if (this._workspace) this._workspace.free();
    this._workspace = null;
  }

  attributeChangedCallback(name, oldValue, newValue) {
    if (!this._connected || oldValue === newValue) return;
    if (name === "src") this._load();
    else this._render();
  }

  _messages() {
    const lang = (this.getAttribute("lang") || this.closest("[lang]")?.getAttribute("lang") || "fr").toLowerCase();
    return lang.startsWith("en") ? MESSAGES.en : MESSAGES.fr;
  }

  _locale() {
    return this._messages() === MESSAGES.en ? "en-GB" : "fr-FR";
  }

  async _load() {
    const token = ++this._loadToken;
    this._setState("loading");
    this._showLoading();
    let workspace = null;
    let error = null;
    try {
      await loadModule().catch((e) => {
        throw new Error(this._messages().moduleFailed(e instanceof Error ? e.message : String(e)));
      });
      const input = await this._readInput();
      if (token !== this._loadToken) return;
      workspace = typeof input === "string" ? Workspace.fromJson(input) : Workspace.fromObject(input);
    } catch (e) {
      error = e;
    }
    if (token !== this._loadToken) {
      if (workspace) workspace.free();
      return;
    }
    if (this._workspace) this._workspace.free();
    this._workspace = workspace;
    this._error = error;
    this._render();
  }

  /** The workspace text or object, from the property or by fetching `src`. */
  async _readInput() {
    const m = this._messages();
    if (this._workspaceInput !== null) return this._workspaceInput;
    const src = this.getAttribute("src");
    if (!src) throw new Error(m.noSource);
    let response;
    try {
      response = await fetch(new URL(src, document.baseURI));
    } catch (e) {
      throw new Error(m.fetchFailed(src, e instanceof Error ? e.message : String(e)));
    }
    if (!response.ok) throw new Error(m.fetchFailed(src, `HTTP ${response.status} ${response.statusText}`.trim()));
    return response.text();
  }

  _setState(state) {
    this.dataset.state = state;
  }

  _frame(className) {
    this._root.replaceChildren(el("style", {}, STYLE));
    const box = el("section", { class: `box ${className}` });
    this._root.append(box);
    return box;
  }

  _showLoading() {
    const box = this._frame("loading");
    box.setAttribute("aria-busy", "true");
    box.append(el("p", { role: "status", "aria-live": "polite" }, this._messages().loading));
  }

  _render() {
    if (this._error) {
      this._showError(this._error);
      return;
    }
    if (!this._workspace) return;
    const m = this._messages();
    const ws = this._workspace;
    let period = null;
    const periodText = this.getAttribute("period");
    if (periodText) {
      try {
        period = ws.parsePeriod(periodText);
      } catch (e) {
        this._showError(e, m.badPeriod);
        return;
      }
    }
    const box = this._frame("ready");
    const titleId = `${this._id}-title`;
    box.setAttribute("role", "region");
    box.setAttribute("aria-labelledby", titleId);
    box.setAttribute("lang", this._locale().slice(0, 2));
    box.append(el("h2", { id: titleId, class: "organisation" }, ws.organisation));
    if (period) {
      const format = new Intl.DateTimeFormat(this._locale(), { dateStyle: "long", timeZone: "UTC" });
      const day = (iso) => format.format(new Date(`${iso}T00:00:00Z`));
      box.append(
        el(
          "p",
          { class: "period" },
          `${m.scorecard} — ${m.period} ${period.text} (${m.from} ${day(period.start)} ${m.to} ${day(period.end)})`,
        ),
      );
    }
    const counts = ws.counts;
    const list = el("dl", { class: "counts", "aria-label": m.counts });
    for (const key of COUNT_KEYS) {
      const item = el("div", { "data-count": key });
      item.append(el("dt", {}, m[key]), el("dd", {}, String(counts[key])));
      list.append(item);
    }
    box.append(list);
    this._setState("ready");
    this.dispatchEvent(
      new CustomEvent("pilotage-ready", {
        detail: { organisation: ws.organisation, counts, period },
        bubbles: true,
        composed: true,
      }),
    );
  }

  _showError(error, lead) {
    const m = this._messages();
    const box = this._frame("error");
    const alert = el("div", { role: "alert" });
    alert.append(el("h2", {}, m.errorTitle));
    if (lead) alert.append(el("p", {}, lead));
    if (isPilotageError(error) && error.kind === "invalid") {
      alert.append(el("p", {}, m.invalid(error.problems.length)));
      const list = el("ul", { class: "problems" });
      for (const p of error.problems) {
        const item = el("li");
        const where = p.line != null ? ` (${m.line(p.line, p.column)})` : "";
        item.append(el("code", {}, p.path), document.createTextNode(`${where}: ${p.message}`));
        list.append(item);
      }
      alert.append(list);
    } else if (isPilotageError(error) && error.kind === "json" && this._workspaceInput === null) {
      alert.append(el("p", {}, `${m.notJson(this.getAttribute("src") ?? "")} ${error.message}`));
    } else {
      alert.append(el("p", { class: "message" }, error instanceof Error ? error.message : String(error)));
    }
    box.append(alert);
    this._setState("error");
    this.dispatchEvent(new CustomEvent("pilotage-error", { detail: { error }, bubbles: true, composed: true }));
  }
}

if (!customElements.get("pilotage-scorecard")) customElements.define("pilotage-scorecard", PilotageScorecard);
