// <pilotage-scorecard>: the pilotage scorecard as a custom element, in plain JavaScript
// (no framework, nothing loaded from the network but the workspace file).
//
//   <script type="module" src="pilotage/pilotage-scorecard.js"></script>
//   <pilotage-scorecard src="data/workspace.json" period="2025-Q4" lang="fr"></pilotage-scorecard>
//
// The workspace comes from the `src` attribute (fetched) or the `workspace` property (a
// parsed object or JSON text). Every number is the WebAssembly core's (`evaluate`,
// `headline`, `explain`), and so is every word, status symbol, trend arrow and number format
// (`localeTable`, `formatNumber`: the core's locale tables, which its reports use too); this
// file builds the DOM. Every string from
// the workspace is inserted as text (textContent), never as HTML; the only markup inserted is
// the core's own SVG renderings, which escape every workspace string. A failure (file
// missing, invalid workspace, bad period) is shown as a readable message inside the
// element, announced to screen readers, never as a blank box.
//
// Layout: a header (organisation, period, a period selector and a "printable report" button
// that opens the core's whole HTML report of the period in a new window), the scorecard as a
// table (perspectives and their objectives: score, status as symbol + word + colour, trend
// arrow with its words, coverage), a detail region (the card and the explanation of the
// chosen objective or indicator), and the portfolio and partnership headline figures.
// Keyboard: Tab reaches the selector, the report button and every row button;
// Up/Down/Home/End move between rows; Enter or Space opens a row's detail.
//
// The element reflects its state in `data-state` ("loading", "ready" or "error") and fires
// `pilotage-ready` (detail: { organisation, counts, period }) when a period is shown and
// `pilotage-error` (detail: { error }) when an error is.

import init, { Workspace, formatNumber, localeTable } from "./pilotage_wasm.js";

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
    modulePromise = init().then(
      (module) => {
        moduleReady = true;
        return module;
      },
      (e) => {
        modulePromise = null;
        throw e;
      },
    );
  }
  return modulePromise;
}

/**
 * The only words the widget holds itself: what it shows before the WebAssembly module has
 * loaded, or when the module could not load. Every other word, status symbol, trend arrow
 * and number format is the core's (its `locale` tables, through `localeTable` and
 * `formatNumber`), so the widget and the reports agree by construction.
 */
const EARLY = {
  fr: {
    loading: "Chargement du tableau de bord…",
    errorTitle: "Le tableau de bord ne peut pas être affiché",
    moduleFailed: (why) => `Le module WebAssembly n'a pas pu être chargé (${why}).`,
  },
  en: {
    loading: "Loading the scorecard…",
    errorTitle: "The scorecard cannot be shown",
    moduleFailed: (why) => `The WebAssembly module could not be loaded (${why}).`,
  },
};

/** `text` with `{0}`, `{1}`... replaced by `values` (as text, never as a pattern). */
function fill(text, ...values) {
  return text.replace(/\{(\d)\}/g, (_, i) => String(values[Number(i)]));
}

/** The messages of each language, built once from the core's table after the module loaded. */
const TABLES = {};
let moduleReady = false;

/**
 * The messages of `lang` ("fr" or "en") from the core's table: a text for each key, and a
 * function for each text with values to put in (`{0}`, `{1}`).
 */
function messagesOf(lang) {
  if (!moduleReady) return EARLY[lang];
  if (TABLES[lang]) return TABLES[lang];
  const t = localeTable(lang);
  const m = { ...EARLY[lang] };
  for (const [key, text] of Object.entries(t.messages)) {
    m[key] = text.includes("{0}") ? (...values) => fill(text, ...values) : text;
  }
  const w = t.messages;
  m.invalid = (n) => (n === 1 ? w.invalidOne : fill(w.invalid, n));
  m.line = (l, c) => (c == null ? fill(w.line, l) : fill(w.lineColumn, l, c));
  m.statuses = t.statuses;
  m.rollupStatuses = t.rollup_statuses;
  m.symbols = t.symbols;
  m.trends = t.trends;
  m.arrows = t.arrows;
  m.leverageDefinitions = t.leverage_definitions;
  TABLES[lang] = m;
  return m;
}

const STYLE = `
:host { display: block; min-width: 0; font: 14px/1.45 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; color: #1d2733; }
:host([hidden]) { display: none; }
* { box-sizing: border-box; }
.box { border: 1px solid #d0d7e2; border-radius: 10px; background: #fff; overflow: hidden;
  box-shadow: 0 1px 2px rgba(16, 24, 40, .06); }
.loading, .error { padding: 16px 20px; }
.head { display: flex; flex-wrap: wrap; gap: 8px 16px; align-items: flex-end; justify-content: space-between;
  padding: 14px 20px 12px; background: #f6f8fb; border-bottom: 1px solid #e3e8ef; }
h2 { font-size: 1.15em; margin: 0; line-height: 1.3; }
h3 { font-size: 1em; margin: 0 0 8px; color: #1f3a5f; }
.period { margin: 2px 0 0; color: #475467; font-size: .93em; }
.actions { display: flex; align-items: flex-end; gap: 10px; flex-wrap: wrap; }
button.report { font: inherit; font-size: .93em; padding: 5px 12px; border: 1px solid #1849a9; border-radius: 6px;
  background: #fff; color: #1849a9; cursor: pointer; }
button.report:hover { background: #e8f0fb; }
label.select { display: flex; flex-direction: column; font-size: .85em; color: #475467; gap: 2px; }
select { font: inherit; font-size: 1.05em; padding: 4px 8px; border: 1px solid #98a2b3; border-radius: 6px;
  background: #fff; color: #1d2733; min-width: 9em; }
.body { padding: 14px 20px 18px; display: grid; gap: 18px; }
.table-wrap { overflow-x: auto; margin-top: 12px; }
.overall { display: flex; align-items: center; gap: 12px; flex-wrap: wrap; }
.overall .big { font-size: 2em; font-weight: 700; line-height: 1; font-variant-numeric: tabular-nums; }
table { border-collapse: collapse; width: 100%; font-variant-numeric: tabular-nums; }
caption { text-align: left; font-weight: 600; color: #1f3a5f; padding-bottom: 6px; }
th, td { padding: 5px 7px; border-bottom: 1px solid #eaecf0; text-align: left; vertical-align: middle; }
thead th { font-size: .8em; text-transform: uppercase; letter-spacing: .03em; color: #667085; font-weight: 600;
  border-bottom: 1px solid #d0d7e2; }
td.num, th.num { text-align: right; white-space: nowrap; }
tr.perspective th, tr.perspective td { background: #f6f8fb; font-weight: 600; }
tr.objective th { padding-left: 22px; font-weight: 400; }
tr.selected th, tr.selected td { background: #e8f0fb; }
tr.selected th { box-shadow: inset 3px 0 0 #1849a9; }
button.node { all: unset; cursor: pointer; color: #1849a9; border-radius: 3px; }
button.node:hover { text-decoration: underline; }
button.node:focus-visible, select:focus-visible, button.close:focus-visible, button.report:focus-visible { outline: 3px solid #2e90fa; outline-offset: 2px; }
.badge { display: inline-flex; align-items: center; gap: 5px; padding: 1px 8px 1px 6px; border-radius: 999px;
  border: 1px solid; font-size: .85em; white-space: nowrap; font-weight: 600; }
.badge .sym { font-weight: 700; }
.s-green { color: #1b7a3a; background: #dcf2e3; border-color: #1b7a3a; }
.s-amber { color: #a45a00; background: #fdebc8; border-color: #a45a00; }
.s-red { color: #b42318; background: #fadcd9; border-color: #b42318; }
.s-no_data { color: #475467; background: #f2f4f7; border-color: #667085; border-style: dashed; }
.s-suppressed { color: #475467; background: #e4e7ec; border-color: #475467; border-style: dotted; }
.trend { white-space: nowrap; }
.trend .arrow { font-weight: 700; margin-right: 4px; }
.t-improving .arrow { color: #1b7a3a; } .t-declining .arrow { color: #b42318; } .t-stable .arrow { color: #475467; }
.trend .words { color: #475467; font-size: .85em; }
.detail { border: 1px solid #d0d7e2; border-radius: 8px; padding: 12px 14px; background: #fcfcfd; }
.detail:focus { outline: 3px solid #2e90fa; outline-offset: 2px; }
.detail .hint { margin: 0; color: #667085; }
.detail-head { display: flex; justify-content: space-between; gap: 8px; align-items: flex-start; }
.detail-head p { margin: 2px 0 0; color: #475467; }
button.close { font: inherit; font-size: .85em; border: 1px solid #98a2b3; background: #fff; border-radius: 6px;
  padding: 2px 8px; cursor: pointer; }
.facts { display: flex; flex-wrap: wrap; gap: 6px 18px; margin: 10px 0; }
.facts span strong { font-variant-numeric: tabular-nums; }
.card-svg svg { max-width: 100%; height: auto; display: block; }
ul.children { list-style: none; margin: 6px 0 10px; padding: 0; display: grid; gap: 4px; }
ul.children li { display: flex; gap: 10px; align-items: center; flex-wrap: wrap; }
pre.explanation { white-space: pre-wrap; margin: 6px 0 0; padding: 10px 12px; background: #f2f4f7; border-radius: 6px;
  font: 12.5px/1.5 ui-monospace, SFMono-Regular, Menlo, Consolas, monospace; color: #1d2733; }
.figures { display: grid; grid-template-columns: repeat(auto-fill, minmax(190px, 1fr)); gap: 10px; margin: 0; }
.figure { border: 1px solid #e3e8ef; border-radius: 8px; padding: 10px 12px; background: #fff; display: flex;
  flex-direction: column; gap: 2px; }
.figure dt { color: #475467; font-size: .85em; order: 0; }
.figure dd { margin: 0; }
.figure .main { font-size: 1.45em; font-weight: 700; font-variant-numeric: tabular-nums; color: #1d2733; }
.figure .note { color: #475467; font-size: .85em; }
.figure .accent { color: #1b7a3a; font-weight: 600; font-size: .9em; }
.figure.wide { grid-column: span 2; }
ol.top { margin: 4px 0 0; padding-left: 1.3em; font-size: .9em; }
ol.top li { margin: 1px 0; }
ol.top .share { color: #475467; font-variant-numeric: tabular-nums; }
.sr { position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); white-space: nowrap; }
.error { border-color: #b42318; background: #fff5f4; }
.error h2 { color: #b42318; }
.error ul { margin: 6px 0 0; padding-left: 1.2em; }
.error code { font-family: ui-monospace, monospace; }
`;

/** Bidi controls and right-to-left letters (the core's `report::escape::is_bidi`). */
const BIDI = /[\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069\u0590-\u08ff\ufb1d-\ufdff\ufe70-\ufeff]|[\u{10800}-\u{10fff}\u{1e800}-\u{1efff}]/u;

/**
 * Text from a workspace, isolated as the core's reports isolate it: a string with bidi
 * controls or right-to-left letters is wrapped in FSI ... PDI, its stray PDIs dropped and
 * its open isolates closed, so that an override (U+202E) in a name reorders only that name,
 * never the text around it (31 shown as 13). Other strings are unchanged.
 */
export function isolate(text) {
  const s = String(text);
  if (!BIDI.test(s)) return s;
  let out = "\u2068";
  let open = 0;
  for (const c of s) {
    if (c === "\u2066" || c === "\u2067" || c === "\u2068") open += 1;
    else if (c === "\u2069") {
      if (open === 0) continue;
      open -= 1;
    }
    out += c;
  }
  return out + "\u2069".repeat(open + 1);
}

function el(tag, attributes = {}, text) {
  const node = document.createElement(tag);
  for (const [k, v] of Object.entries(attributes)) node.setAttribute(k, v);
  if (text !== undefined) node.textContent = isolate(text);
  return node;
}

/** The most problems the error view lists (a file with 516,000 froze the page for 99 s). */
export const MAX_LISTED_PROBLEMS = 100;

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
    this._names = null;
    this._error = null;
    this._loadToken = 0;
    this._connected = false;
    this._period = null;
    this._selected = null;
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

  /** The period shown (`"2025-Q4"`), or null before a workspace is shown. */
  get period() {
    return this._period;
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
    else if (name === "period" && newValue && this._workspace && !this._error && this._select) this._choosePeriod(newValue);
    else this._render();
  }

  /** "fr" or "en": the `lang` attribute, else the nearest one around, else French. */
  _lang() {
    const lang = (this.getAttribute("lang") || this.closest("[lang]")?.getAttribute("lang") || "fr").toLowerCase();
    return lang.startsWith("en") ? "en" : "fr";
  }

  _messages() {
    return messagesOf(this._lang());
  }

  /** The `Intl` locale of the dates and money amounts. */
  _locale() {
    return this._lang() === "en" ? "en-GB" : "fr-FR";
  }

  async _load() {
    const token = ++this._loadToken;
    this._setState("loading");
    this._showLoading();
    let workspace = null;
    let error = null;
    try {
      // The workspace is fetched while the module loads (its start function warms the
      // engine up meanwhile); a module failure is reported first.
      const pending = this._readInput();
      pending.catch(() => {});
      await loadModule().catch((e) => {
        throw new Error(this._messages().moduleFailed(e instanceof Error ? e.message : String(e)));
      });
      const input = await pending;
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
    this._names = null;
    this._error = error;
    this._selected = null;
    this._render();
  }

  /** The workspace text or object, from the property or by fetching `src`. */
  async _readInput() {
    // the words of a failure are the core's: written once the module has loaded (a module
    // failure is reported before this one anyway)
    const failure = async (key, ...values) => {
      await loadModule();
      const m = this._messages()[key];
      return new Error(typeof m === "function" ? m(...values) : m);
    };
    if (this._workspaceInput !== null) return this._workspaceInput;
    const src = this.getAttribute("src");
    if (!src) throw await failure("noSource");
    let response;
    try {
      response = await fetch(new URL(src, document.baseURI));
    } catch (e) {
      throw await failure("fetchFailed", src, e instanceof Error ? e.message : String(e));
    }
    if (!response.ok) throw await failure("fetchFailed", src, `HTTP ${response.status} ${response.statusText}`.trim());
    return response.text();
  }

  _setState(state) {
    this.dataset.state = state;
  }

  _frame(className) {
    this._root.replaceChildren(el("style", {}, STYLE));
    const box = el("section", { class: `box ${className}` });
    this._root.append(box);
    this._select = null;
    return box;
  }

  _showLoading() {
    const box = this._frame("loading");
    box.setAttribute("aria-busy", "true");
    box.append(el("p", { role: "status", "aria-live": "polite" }, this._messages().loading));
  }

  // ---- formatting: numbers, percentages, days and file counts as the core's reports write
  // them (`formatNumber`); money and dates by `Intl` ----

  _number(x, digits = 1, style = "number") {
    return x == null ? "–" : formatNumber(Number(x), digits, this._lang(), style);
  }

  _score(x) {
    return this._number(x, 1);
  }

  _percent(fraction, digits = 0) {
    return this._number(fraction, digits, "percent");
  }

  _days(x) {
    return this._number(x, 0, "days");
  }

  _files(n) {
    return this._number(n, 0, "files");
  }

  /** Money given by the core as an exact decimal string, shown to the euro. */
  _money(amount) {
    const currency = this._workspace?.currency || "EUR";
    // Intl formats a decimal string without going through a float (ES2023 Intl.NumberFormat v3).
    return new Intl.NumberFormat(this._locale(), { style: "currency", currency, maximumFractionDigits: 0 }).format(amount);
  }

  _day(iso) {
    return new Intl.DateTimeFormat(this._locale(), { dateStyle: "long", timeZone: "UTC" }).format(new Date(`${iso}T00:00:00Z`));
  }

  /** A label's colon: French puts a no-break space before it. */
  _colon() {
    return this._messages().colon;
  }

  /** Marks the rows of `ids` as the current selection (class and aria-current on the button). */
  _mark(ids) {
    for (const tr of this._body.querySelectorAll("tr[data-node]")) {
      const on = ids.includes(tr.dataset.node);
      tr.classList.toggle("selected", on);
      const b = tr.querySelector("button.node");
      if (on) b.setAttribute("aria-current", "true");
      else b.removeAttribute("aria-current");
    }
  }

  // The status word of a node of `kind`: an indicator's green is "on target" (met); a roll-up
  // node's (an average of its children) is "good", as in the core's report.
  _badge(status, kind) {
    const m = this._messages();
    const badge = el("span", { class: `badge s-${status}`, "data-status": status });
    const words = kind === "indicator" ? m.statuses : m.rollupStatuses;
    badge.append(el("span", { class: "sym", "aria-hidden": "true" }, m.symbols[status] ?? "?"), el("span", {}, words[status] ?? status));
    return badge;
  }

  _trend(trend) {
    const m = this._messages();
    const span = el("span", { class: `trend t-${trend.direction}`, "data-direction": trend.direction });
    const change = trend.change == null ? "" : ` (${trend.change > 0 ? "+" : ""}${this._number(trend.change, 1)})`;
    span.append(
      el("span", { class: "arrow", "aria-hidden": "true" }, m.arrows[trend.direction] ?? m.arrows.unknown),
      el("span", { class: "words" }, `${m.trends[trend.direction] ?? trend.direction}${change}`),
    );
    span.title = m.vsPrevious;
    return span;
  }

  /** Partner and project names by id (workspace strings, shown as text). */
  _nameOf(kind, id) {
    if (!this._names) {
      const o = this._workspace.toObject();
      this._names = {
        partner: new Map((o.partners ?? []).map((p) => [p.id, p.name])),
        project: new Map((o.projects ?? []).map((p) => [p.id, p.title])),
      };
    }
    return this._names[kind].get(id) ?? id;
  }

  // ---- rendering ----

  _render() {
    if (this._error) {
      this._showError(this._error);
      return;
    }
    if (!this._workspace) return;
    const m = this._messages();
    const ws = this._workspace;
    const requested = this.getAttribute("period");
    let frequency = "quarterly";
    if (requested) {
      try {
        frequency = ws.parsePeriod(requested).frequency;
      } catch (e) {
        this._showError(e, m.badPeriod);
        return;
      }
    }
    const period = requested ? ws.parsePeriod(requested).text : ws.latestPeriod(frequency);
    if (!period) {
      this._showError(new Error(m.noPeriod));
      return;
    }
    const choices = ws.periods(frequency);
    if (!choices.includes(period)) choices.push(period);
    choices.sort().reverse();

    const box = this._frame("ready");
    const titleId = `${this._id}-title`;
    box.setAttribute("role", "region");
    box.setAttribute("aria-labelledby", titleId);
    box.setAttribute("lang", this._lang());

    const head = el("header", { class: "head" });
    const titles = el("div");
    titles.append(el("h2", { id: titleId, class: "organisation" }, ws.organisation));
    this._periodLine = el("p", { class: "period" });
    titles.append(this._periodLine);
    const label = el("label", { class: "select" });
    label.append(document.createTextNode(m.period));
    this._select = el("select", { class: "period-select" });
    for (const p of choices) this._select.append(el("option", { value: p }, p));
    // The choice is reflected in the attribute, whose change shows the period.
    this._select.addEventListener("change", () => this.setAttribute("period", this._select.value));
    label.append(this._select);
    // The core's whole HTML report of the period shown, in a new window (to print or save).
    this._reportButton = el("button", { type: "button", class: "report" }, m.report);
    this._reportButton.addEventListener("click", () => this._openReport());
    const actions = el("div", { class: "actions" });
    actions.append(label, this._reportButton);
    head.append(titles, actions);

    this._live = el("p", { class: "sr", "aria-live": "polite", role: "status" });
    this._body = el("div", { class: "body" });
    box.append(head, this._live, this._body);
    this._choosePeriod(period);
  }

  /**
   * Shows `period` (the attribute, set by the page or by the selector). A period outside the
   * selector's list (another frequency) rebuilds the frame; errors show in the element.
   */
  _choosePeriod(text) {
    const m = this._messages();
    let info;
    try {
      info = this._workspace.parsePeriod(text);
    } catch (e) {
      this._showError(e, m.badPeriod);
      return;
    }
    if (![...this._select.options].some((o) => o.value === info.text)) {
      this._render();
      return;
    }
    this._select.value = info.text;
    this._period = info.text;
    this._reportButton.title = m.reportHint(info.text);
    this._periodLine.textContent = `${m.scorecard} — ${m.period} ${info.text} (${m.from} ${this._day(info.start)} ${m.to} ${this._day(info.end)})`;
    let evaluation;
    let headline;
    try {
      evaluation = this._workspace.evaluate(info.text);
      headline = this._workspace.headline(info.text);
    } catch (e) {
      this._showError(e, m.badPeriod);
      return;
    }
    this._evaluation = evaluation;
    this._byId = new Map(evaluation.nodes.map((n) => [n.id, n]));
    this._body.replaceChildren(this._overview(evaluation), this._detailRegion(), this._figures(headline));
    const keep = this._selected && this._byId.has(this._selected) ? this._selected : null;
    if (keep) this._open(keep, false);
    this._live.textContent = m.shown(info.text);
    this._setState("ready");
    this.dispatchEvent(
      new CustomEvent("pilotage-ready", {
        detail: { organisation: this._workspace.organisation, counts: this._workspace.counts, period: info },
        bubbles: true,
        composed: true,
      }),
    );
  }

  /**
   * Opens the core's self-contained HTML report of the period shown in a new window: a
   * document with inline CSS and SVG and no script, in which the core escaped every workspace
   * string. It is given as a blob URL, released once the window has had time to load it.
   */
  _openReport() {
    const m = this._messages();
    let html;
    try {
      html = this._workspace.reportHtml(this._period, this._lang());
    } catch (e) {
      this._showError(e, m.badPeriod);
      return;
    }
    const url = URL.createObjectURL(new Blob([html], { type: "text/html;charset=utf-8" }));
    window.open(url, "_blank", "noopener");
    setTimeout(() => URL.revokeObjectURL(url), 60_000);
  }

  _overview(evaluation) {
    const m = this._messages();
    const wrap = el("div", { class: "overview" });
    const root = evaluation.nodes[0];
    const overall = el("div", { class: "overall", "data-node": root.id });
    overall.append(
      el("span", { class: "label" }, m.overall),
      el("span", { class: "big score", "data-score": String(root.score) }, this._score(root.score)),
      this._badge(root.status, root.kind),
      this._trend(root.trend),
    );
    wrap.append(overall);

    const table = el("table", { class: "scorecard" });
    table.append(el("caption", {}, m.table));
    const thead = el("thead");
    const hr = el("tr");
    hr.append(
      el("th", { scope: "col" }, m.name),
      el("th", { scope: "col", class: "num" }, m.score),
      el("th", { scope: "col" }, m.status),
      el("th", { scope: "col" }, m.trend),
      el("th", { scope: "col", class: "num" }, m.coverage),
    );
    thead.append(hr);
    table.append(thead);
    const perspectives = evaluation.nodes.filter((n) => n.kind === "perspective");
    for (const p of perspectives) {
      const tbody = el("tbody");
      tbody.append(this._row(p, "perspective"));
      for (const o of evaluation.nodes.filter((n) => n.kind === "objective" && n.parents.includes(p.id))) {
        tbody.append(this._row(o, "objective"));
      }
      table.append(tbody);
    }
    table.addEventListener("keydown", (event) => this._arrowKeys(event, table));
    const scroller = el("div", { class: "table-wrap" });
    scroller.append(table);
    wrap.append(scroller);
    return wrap;
  }

  _row(node, kind) {
    const m = this._messages();
    const tr = el("tr", { class: kind, "data-node": node.id });
    const th = el("th", { scope: "row" });
    const button = el("button", { type: "button", class: "node", "aria-controls": `${this._id}-detail` }, node.name);
    button.setAttribute("aria-label", `${kind === "perspective" ? m.perspective : m.objective} ${node.name}`);
    button.addEventListener("click", () => this._open(node.id, true));
    th.append(button);
    const score = el("td", { class: "num score", "data-score": String(node.score) }, this._score(node.score));
    const status = el("td");
    status.append(this._badge(node.status, node.kind));
    const trend = el("td");
    trend.append(this._trend(node.trend));
    const coverage = el("td", { class: "num coverage" }, this._percent(node.coverage));
    tr.append(th, score, status, trend, coverage);
    return tr;
  }

  _arrowKeys(event, table) {
    if (!["ArrowDown", "ArrowUp", "Home", "End"].includes(event.key)) return;
    const buttons = [...table.querySelectorAll("button.node")];
    const i = buttons.indexOf(this._root.activeElement);
    if (i < 0) return;
    const j = { ArrowDown: Math.min(i + 1, buttons.length - 1), ArrowUp: Math.max(i - 1, 0), Home: 0, End: buttons.length - 1 }[event.key];
    buttons[j].focus();
    event.preventDefault();
  }

  _detailRegion() {
    const m = this._messages();
    this._detail = el("section", {
      class: "detail",
      id: `${this._id}-detail`,
      role: "region",
      "aria-label": m.detail,
      "aria-live": "polite",
      tabindex: "-1",
    });
    this._detail.append(el("p", { class: "hint" }, m.detailHint));
    return this._detail;
  }

  /** Opens the detail of node `id`: its facts, its card, its children and its explanation. */
  _open(id, focus) {
    const m = this._messages();
    const node = this._byId.get(id);
    if (!node) return;
    this._selected = id;
    this._mark(node.kind === "indicator" ? node.parents : [id]);
    const d = this._detail;
    d.replaceChildren();
    d.dataset.node = id;
    const titleId = `${this._id}-detail-title`;
    d.setAttribute("aria-labelledby", titleId);
    d.removeAttribute("aria-label");
    const head = el("div", { class: "detail-head" });
    const titles = el("div");
    titles.append(el("h3", { id: titleId }, node.name));
    const kindWord = { perspective: m.perspective, objective: m.objective, indicator: m.indicator, scorecard: m.overall }[node.kind];
    titles.append(el("p", {}, `${kindWord} — ${m.period} ${node.period}`));
    const close = el("button", { type: "button", class: "close" }, m.close);
    close.addEventListener("click", () => {
      this._selected = null;
      d.replaceChildren(el("p", { class: "hint" }, m.detailHint));
      d.removeAttribute("data-node");
      this._mark([]);
      this._body.querySelector(`tr[data-node="${CSS.escape(id)}"] button`)?.focus();
    });
    head.append(titles, close);
    d.append(head);

    const facts = el("div", { class: "facts" });
    const fact = (label, value, attrs = {}) => {
      const span = el("span", attrs);
      span.append(document.createTextNode(`${label}${this._colon()}`), el("strong", {}, value));
      return span;
    };
    facts.append(fact(m.score, this._score(node.score), { class: "score", "data-score": String(node.score) }));
    facts.append(this._badge(node.status, node.kind), this._trend(node.trend));
    facts.append(fact(m.coverage, this._percent(node.coverage)));
    if (node.kind === "indicator") {
      const unit = node.unit ? ` ${node.unit}` : "";
      facts.append(fact(m.value, node.value == null ? "–" : `${this._number(node.value, 2).replace(/[.,]00$/, "")}${unit}`));
      if (node.target != null) facts.append(fact(m.target, `${this._number(node.target, 2).replace(/[.,]00$/, "")}${unit}`));
    }
    d.append(facts);

    if (node.kind === "indicator" && typeof this._workspace.indicatorCard === "function") {
      const card = el("div", { class: "card-svg" });
      try {
        // The core's card (escaped by the core); its chart is shown, the facts and the
        // explanation are already in the detail.
        const template = document.createElement("template");
        template.innerHTML = this._workspace.indicatorCard(node.id, node.period, this._lang());
        const chart = template.content.querySelector("svg");
        if (chart) {
          card.append(chart);
          d.append(card);
        }
      } catch {
        // An indicator without history has no card; its facts and explanation are shown.
      }
    }

    const children = this._evaluation.nodes.filter((n) => n.parents.includes(id));
    if (children.length > 0) {
      const childKind = children[0].kind;
      d.append(el("h3", {}, childKind === "indicator" ? m.indicators : childKind === "objective" ? m.table : m.name));
      const list = el("ul", { class: "children" });
      for (const c of children) {
        const li = el("li", { "data-node": c.id });
        const b = el("button", { type: "button", class: "node" }, c.name);
        b.addEventListener("click", () => this._open(c.id, true));
        li.append(b, el("span", { class: "score", "data-score": String(c.score) }, this._score(c.score)), this._badge(c.status, c.kind));
        list.append(li);
      }
      d.append(list);
    }

    d.append(el("h3", {}, m.explanation));
    let text;
    try {
      text = this._workspace.explain(id, node.period, this._lang());
    } catch (e) {
      text = e instanceof Error ? e.message : String(e);
    }
    d.append(el("pre", { class: "explanation" }, text.trimEnd()));
    if (focus) d.focus();
  }

  _figures(h) {
    const m = this._messages();
    const section = el("section", { class: "headline", "aria-labelledby": `${this._id}-figures` });
    section.append(el("h3", { id: `${this._id}-figures` }, `${m.figures} — ${m.asOf(this._day(h.as_of))}`));
    const list = el("dl", { class: "figures" });
    const figure = (key, label, main, notes = []) => {
      const item = el("div", { class: "figure", "data-figure": key });
      item.append(el("dt", {}, label));
      const dd = el("dd");
      dd.append(main);
      for (const n of notes) if (n) dd.append(n);
      item.append(dd);
      list.append(item);
      return dd;
    };
    const main = (text, raw) => el("div", { class: "main", "data-value": String(raw) }, text);
    const note = (text, cls = "note") => el("div", { class: cls }, text);

    figure("caseload", m.caseload, main(this._files(h.active_caseload), h.active_caseload));

    const lt = h.lead_time;
    const ltNotes = [];
    if (lt.later.mean_days != null) {
      if (lt.mean_ratio != null && h.compared_with) {
        ltNotes.push(note(`${m.dividedBy(this._number(lt.mean_ratio, 1))} ${m.comparedWith(`${h.compared_with} (${this._days(lt.earlier.mean_days)})`)}`, "accent"));
      }
      const y = h.lead_time_by_year;
      if (y && y.mean_ratio != null) {
        ltNotes.push(note(`${m.dividedBy(this._number(y.mean_ratio, 1))} ${m.byYear(y.earlier.period, y.later.period)}`, "note by-year"));
      }
    }
    figure(
      "lead-time",
      m.leadTime,
      lt.later.mean_days == null ? note(m.noLeadTime) : main(this._days(lt.later.mean_days), lt.later.mean_days),
      ltNotes,
    );

    figure("funds-signed", m.fundsSigned, main(this._money(h.funds.total.signed), h.funds.total.signed), [
      note(`${m.pledged}${this._colon()}${this._money(h.funds.total.pledged)}`),
    ]);
    figure("funds-received", m.fundsReceived, main(this._money(h.funds.total.received), h.funds.total.received));

    const lev = h.finance.leverage;
    figure(
      "leverage",
      m.leverage,
      lev.value == null ? note(m.leverageUndefined) : main(`× ${this._number(Number(lev.value), 2)}`, lev.value),
      [note(m.leverageDefinitions[lev.definition] ?? lev.formula, "note definition")],
    );

    const pc = h.partners;
    figure("partners", m.partners, main(`${pc.members.length} ${m.members}`, pc.members.length), [
      note(`${pc.new.length} ${m.newPartners} · ${pc.active.length} ${m.activePartners}`),
    ]);

    if (h.investment_capacity && h.investment_capacity.ratio != null) {
      const ic = h.investment_capacity;
      figure("capacity", m.capacity, main(this._money(ic.later.total), ic.later.total), [
        note(`${m.multipliedBy(this._number(Number(ic.ratio), 1))} ${m.comparedWith(ic.earlier.period)}`, "accent"),
      ]);
    }
    if (h.transversality.share != null) {
      figure("transversal", m.transversal, main(this._percent(h.transversality.share), h.transversality.share), [
        note(`${h.transversality.transversal.length} / ${this._files(h.transversality.projects)}`),
      ]);
    }

    const c = h.concentration;
    if (c.partners.length > 0) {
      const dd = figure("top-partners", m.topPartners(c.top_n), c.top_share == null ? note("–") : note(m.topShare(this._percent(c.top_share, 1))));
      const ol = el("ol", { class: "top" });
      for (const share of c.partners.slice(0, c.top_n)) {
        const li = el("li", { "data-partner": share.partner });
        li.append(el("span", { class: "name" }, this._nameOf("partner", share.partner)), document.createTextNode(" "));
        li.append(el("span", { class: "share" }, `${this._money(share.amount)} (${this._percent(share.share, 1)})`));
        ol.append(li);
      }
      dd.append(ol);
      dd.parentElement.classList.add("wide");
    }
    section.append(list);
    return section;
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
      for (const p of error.problems.slice(0, MAX_LISTED_PROBLEMS)) {
        const item = el("li");
        const where = p.line != null ? ` (${m.line(p.line, p.column)})` : "";
        item.append(el("code", {}, p.path), document.createTextNode(isolate(`${where}: ${p.message}`)));
        list.append(item);
      }
      alert.append(list);
      const more = error.problems.length - MAX_LISTED_PROBLEMS;
      if (more > 0) alert.append(el("p", { class: "more" }, m.more(more)));
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
