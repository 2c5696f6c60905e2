// The example page in a real browser: headless Chromium from the system packages, driven by
// playwright-core, over a static server on 127.0.0.1 started (and closed) by this test.
//   bindings-wasm/build.sh && node --test bindings-wasm/tests/browser.test.mjs
// Serves target/web-demo/ (assembled by build.sh) at /, the test fixtures at /fixtures/, and
// a few pages made here for the error and markup cases. Screenshots go to target/screenshots/.
import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import fs from "node:fs";
import http from "node:http";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { createRequire } from "node:module";
import { chromium } from "playwright-core";

const HERE = path.dirname(fileURLToPath(import.meta.url));
const ROOT = path.resolve(HERE, "..", "..");
const DEMO = path.join(ROOT, "target", "web-demo");
const FIXTURES = path.join(HERE, "fixtures");
const SHOTS = path.join(ROOT, "target", "screenshots");
const CHROMIUM = process.env.PILOTAGE_CHROMIUM ?? "/usr/bin/chromium";
// Without the networking flags Chromium tries, and fails, to reach the internet at start.
const FLAGS = [
  "--no-sandbox",
  "--disable-gpu",
  "--disable-quic",
  "--no-first-run",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
];
const TIMEOUT_MS = 20_000;

const TYPES = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".mjs": "text/javascript; charset=utf-8",
  ".json": "application/json; charset=utf-8",
  ".wasm": "application/wasm",
  ".ts": "text/plain; charset=utf-8",
};

const widgetPage = (body) => `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>test</title>
<script type="module" src="/pilotage/pilotage-scorecard.js"></script></head>
<body>${body}</body></html>`;

/** Pages and files made by the test, by URL path. */
const GENERATED = {
  "/markup.html": widgetPage(`
    <pilotage-scorecard id="src" src="/fixtures/markup-names.json" period="2025-Q4"></pilotage-scorecard>
    <pilotage-scorecard id="prop"></pilotage-scorecard>
    <script type="module">
      const response = await fetch("/fixtures/markup-names.json");
      document.getElementById("prop").workspace = await response.json();
    </script>`),
  "/errors.html": widgetPage(`
    <pilotage-scorecard id="missing" src="/data/missing.json" lang="en"></pilotage-scorecard>
    <pilotage-scorecard id="invalid" src="/invalid.json" lang="en"></pilotage-scorecard>
    <pilotage-scorecard id="malformed" src="/malformed.json" lang="fr"></pilotage-scorecard>
    <pilotage-scorecard id="period" src="/fixtures/small-city.json" period="2025-Q7" lang="en"></pilotage-scorecard>
    <pilotage-scorecard id="nothing" lang="en"></pilotage-scorecard>`),
  "/invalid.json": (() => {
    const o = JSON.parse(fs.readFileSync(path.join(FIXTURES, "small-city.json"), "utf8"));
    o.commitments[0].partner = "<img src=x onerror=alert(1)>";
    o.projects[0].lead_service = "nowhere";
    return JSON.stringify(o, null, 2);
  })(),
  "/malformed.json": '{\n  "schema_version": 1,\n  "organisation": "X",\n}',
  "/many-problems.html": widgetPage(`
    <pilotage-scorecard id="many" src="/many-problems.json" lang="en"></pilotage-scorecard>
    <pilotage-scorecard id="bidi" src="/bidi.json" lang="en"></pilotage-scorecard>`),
  // 250 commitments naming unknown partners: 250 problems.
  "/many-problems.json": (() => {
    const o = JSON.parse(fs.readFileSync(path.join(FIXTURES, "small-city.json"), "utf8"));
    const model = o.commitments[0];
    o.commitments = Array.from({ length: 250 }, (_, i) => ({ ...model, id: `c${i}`, partner: `nobody-${i}` }));
    return JSON.stringify(o);
  })(),
  // A right-to-left override in a perspective's name.
  "/bidi.json": (() => {
    const o = JSON.parse(fs.readFileSync(path.join(FIXTURES, "small-city.json"), "utf8"));
    o.scorecard.perspectives[0].name = "Budget \u202e13\u2069 jours";
    return JSON.stringify(o);
  })(),
};

function serve(request, response) {
  const url = new URL(request.url ?? "/", "http://127.0.0.1");
  let pathname = decodeURIComponent(url.pathname);
  if (pathname === "/") pathname = "/index.html";
  const ext = path.extname(pathname);
  if (Object.hasOwn(GENERATED, pathname)) {
    response.writeHead(200, { "content-type": TYPES[ext] ?? "application/octet-stream" });
    response.end(GENERATED[pathname]);
    return;
  }
  const [base, rest] = pathname.startsWith("/fixtures/") ? [FIXTURES, pathname.slice(10)] : [DEMO, pathname];
  const file = path.resolve(base, "." + path.posix.normalize("/" + rest));
  if (!file.startsWith(base + path.sep) || !fs.existsSync(file) || !fs.statSync(file).isFile()) {
    response.writeHead(404, { "content-type": "text/plain" });
    response.end("not found");
    return;
  }
  response.writeHead(200, { "content-type": TYPES[ext] ?? "application/octet-stream" });
  fs.createReadStream(file).pipe(response);
}

let server;
let origin;
let browser;

before(async () => {
  assert.ok(fs.existsSync(path.join(DEMO, "index.html")), "run bindings-wasm/build.sh first (target/web-demo/)");
  server = http.createServer(serve);
  server.requestTimeout = TIMEOUT_MS;
  await new Promise((resolve) => server.listen(0, "127.0.0.1", resolve));
  origin = `http://127.0.0.1:${server.address().port}`;
  browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: FLAGS, timeout: TIMEOUT_MS });
  fs.mkdirSync(SHOTS, { recursive: true });
});

after(async () => {
  if (browser) await browser.close();
  if (server) {
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  }
});

/** A fresh page that records console errors, page errors and failed requests. */
async function open(pathname) {
  const page = await browser.newPage({ viewport: { width: 1200, height: 800 } });
  page.setDefaultTimeout(TIMEOUT_MS);
  const errors = [];
  page.on("pageerror", (e) => errors.push(`pageerror: ${e.message}`));
  page.on("console", (m) => {
    if (m.type() === "error" && !m.text().includes("404")) errors.push(`console: ${m.text()}`);
  });
  await page.goto(origin + pathname);
  return { page, errors };
}

/** Waits until every widget of the page has finished loading. */
async function settled(page) {
  await page.waitForFunction(() =>
    [...document.querySelectorAll("pilotage-scorecard")].every((e) => ["ready", "error"].includes(e.dataset.state)),
  );
}

const MAIN_JOB = path.join(ROOT, "target", "main-job");
const mainJob = (period) => JSON.parse(fs.readFileSync(path.join(MAIN_JOB, `${period}.json`), "utf8"));
// The main job's --explain text of a node at 2025-Q4, in English or (lang "fr") French.
const explainText = (node, lang = "en") =>
  fs.readFileSync(path.join(MAIN_JOB, `explain-2025-Q4-${node}${lang === "fr" ? "-fr" : ""}.txt`), "utf8").trimEnd();
const LOCALES = { current: "fr", previous: "en" };
// The core's number format (the Node build of the package): the widget writes its numbers so.
const { formatNumber } = createRequire(import.meta.url)("../pkg/node/pilotage_wasm.js");
const fixed = (lang, x, digits) => formatNumber(x, digits, lang);

/**
 * Checks that widget `id` shows the main job's figures for `period`: the raw numbers (in
 * data attributes, compared exactly with the JSON) and their spelling (compared with the
 * JSON number formatted by the core: the reports' format).
 */
async function checkWidget(page, id, period) {
  const locale = LOCALES[id];
  const { evaluation, headline } = mainJob(period);
  const widget = page.locator(`#${id}`);
  assert.equal(await widget.getAttribute("data-state"), "ready");
  assert.equal(await widget.locator("h2.organisation").textContent(), evaluation.organisation);
  assert.equal(await widget.locator("select.period-select").inputValue(), period);
  const root = evaluation.nodes[0];
  const overall = widget.locator(".overall .score");
  assert.equal(await overall.getAttribute("data-score"), String(root.score));
  assert.equal(await overall.textContent(), fixed(locale, root.score, 1));
  const rows = evaluation.nodes.filter((n) => n.kind === "perspective" || n.kind === "objective");
  assert.equal(await widget.locator("tr[data-node]").count(), rows.length);
  for (const node of rows) {
    const row = widget.locator(`tr[data-node="${node.id}"]`);
    const score = row.locator("td.score");
    assert.equal(await score.getAttribute("data-score"), String(node.score), node.id);
    assert.equal(await score.textContent(), node.score == null ? "–" : fixed(locale, node.score, 1), node.id);
    assert.equal(await row.locator(".badge").getAttribute("data-status"), node.status, node.id);
    assert.equal(await row.locator(".trend").getAttribute("data-direction"), node.trend.direction, node.id);
    assert.equal(await row.locator("button.node").textContent(), node.name);
  }
  const figure = (key) => widget.locator(`[data-figure="${key}"] .main`);
  assert.equal(await figure("caseload").getAttribute("data-value"), String(headline.active_caseload));
  assert.match(await figure("caseload").textContent(), new RegExp(`^${headline.active_caseload} `));
  const leverage = headline.finance.leverage;
  assert.equal(await figure("leverage").getAttribute("data-value"), leverage.value);
  assert.equal(await figure("leverage").textContent(), `× ${fixed(locale, Number(leverage.value), 2)}`);
  const definition = await widget.locator('[data-figure="leverage"] .definition').textContent();
  assert.equal(definition, locale === "fr" ? "fonds extérieurs / fonds propres" : "external funds / own funds");
  assert.equal(leverage.definition, "external_over_own");
  assert.equal(await figure("funds-signed").getAttribute("data-value"), headline.funds.total.signed);
  assert.equal(await figure("funds-received").getAttribute("data-value"), headline.funds.total.received);
  assert.equal(await figure("lead-time").getAttribute("data-value"), String(headline.lead_time.later.mean_days));
  assert.equal(await figure("partners").getAttribute("data-value"), String(headline.partners.members.length));
  const top = headline.concentration.partners.slice(0, headline.concentration.top_n).map((p) => p.partner);
  const shown = await widget.locator("ol.top li").evaluateAll((items) => items.map((li) => li.dataset.partner));
  assert.deepEqual(shown, top);
}

test("the example page shows the main job's numbers in two widgets at two periods", { timeout: 90_000 }, async () => {
  const { page, errors } = await open("/index.html");
  await settled(page);
  await checkWidget(page, "current", "2025-Q4");
  await checkWidget(page, "previous", "2024-Q4");
  assert.equal(await page.locator("#current .box").getAttribute("lang"), "fr");
  assert.equal(await page.locator("#previous .box").getAttribute("lang"), "en");
  assert.equal(await page.locator("#current thead th").first().textContent(), "Axe / objectif");
  assert.equal(await page.locator("#previous thead th").first().textContent(), "Perspective / objective");
  await page.screenshot({ path: path.join(SHOTS, "example-page.png"), fullPage: true });

  // The selector lists the quarters, newest first, and changing it shows the other period.
  const options = await page.locator("#current select.period-select option").evaluateAll((o) => o.map((x) => x.value));
  assert.equal(options[0], "2025-Q4");
  assert.ok(options.includes("2024-Q4") && options.indexOf("2024-Q4") === 4, options.join(" "));
  await page.locator("#current select.period-select").selectOption("2024-Q4");
  await checkWidget(page, "current", "2024-Q4");
  assert.equal(await page.locator("#current [role=status]").textContent(), "Tableau de bord affiché pour 2024-Q4.");
  await page.locator("#previous select.period-select").selectOption("2025-Q4");
  await checkWidget(page, "previous", "2025-Q4");
  // The attribute works too, both ways.
  await page.evaluate(() => document.getElementById("current").setAttribute("period", "2025-Q4"));
  await checkWidget(page, "current", "2025-Q4");
  await page.screenshot({ path: path.join(SHOTS, "example-page-periods-swapped.png"), fullPage: true });
  assert.deepEqual(errors, []);
  await page.close();
});

test("the keyboard opens an objective's and an indicator's explanation", { timeout: 60_000 }, async () => {
  const { page, errors } = await open("/index.html");
  await settled(page);
  const widget = page.locator("#current");
  const active = () =>
    page.evaluate(() => {
      const a = document.getElementById("current").shadowRoot.activeElement;
      return a ? { tag: a.tagName, text: a.textContent, cls: a.className, node: a.dataset.node ?? null } : null;
    });
  // Tab order: the period selector, the printable report button, then the first perspective's row.
  await widget.locator("select.period-select").focus();
  await page.keyboard.press("Tab");
  assert.equal((await active()).cls, "report");
  await page.keyboard.press("Tab");
  const { evaluation } = mainJob("2025-Q4");
  const first = evaluation.nodes.find((n) => n.kind === "perspective");
  assert.equal((await active()).text, first.name);
  // Down arrow: the first objective (c_attractivite); Enter opens its detail, focused.
  await page.keyboard.press("ArrowDown");
  const objective = evaluation.nodes.find((n) => n.id === "c_attractivite");
  assert.equal((await active()).text, objective.name);
  await page.keyboard.press("Enter");
  assert.deepEqual(await active(), { tag: "SECTION", text: await widget.locator(".detail").textContent(), cls: "detail", node: "c_attractivite" });
  assert.equal(await widget.locator(".detail pre.explanation").textContent(), explainText("c_attractivite", "fr"));
  assert.equal(await widget.locator(".detail h3").first().textContent(), objective.name);
  assert.equal(await widget.locator(`tr[data-node="c_attractivite"] button`).getAttribute("aria-current"), "true");
  // Tab: the close button, then the first indicator; Space opens the indicator's detail.
  await page.keyboard.press("Tab");
  assert.equal((await active()).cls, "close");
  await page.keyboard.press("Tab");
  const indicator = evaluation.nodes.find((n) => n.id === "ind_entreprises_implantees");
  assert.equal((await active()).text, indicator.name);
  await page.keyboard.press(" ");
  assert.equal(await widget.locator(".detail").getAttribute("data-node"), "ind_entreprises_implantees");
  assert.equal(await widget.locator(".detail pre.explanation").textContent(), explainText("ind_entreprises_implantees", "fr"));
  assert.equal(await widget.locator(".detail .facts .score").getAttribute("data-score"), String(indicator.score));
  await widget.locator(".detail").screenshot({ path: path.join(SHOTS, "explanation.png") });
  await page.screenshot({ path: path.join(SHOTS, "example-page-explanation.png"), fullPage: true });
  // The close button empties the detail and gives the focus back to the row.
  await widget.locator("button.close").click();
  assert.equal(await widget.locator(".detail pre").count(), 0);
  assert.deepEqual(errors, []);
  await page.close();
});

/** Clicks a widget's report button and returns the report window, loaded. */
async function openReport(page, widget) {
  const [popup] = await Promise.all([page.waitForEvent("popup"), widget.locator("button.report").click()]);
  await popup.waitForLoadState("load");
  return popup;
}

test("the printable report button opens the core's HTML report of the period shown", { timeout: 60_000 }, async () => {
  const { page, errors } = await open("/index.html");
  await settled(page);
  const widget = page.locator("#current");
  assert.equal(await widget.locator("button.report").textContent(), "Rapport imprimable");
  const rust = fs.readFileSync(path.join(MAIN_JOB, "report-2025-Q4-fr.html"), "utf8");
  const report = await openReport(page, widget);
  // The window shows the document the Rust report example writes for 2025-Q4 in French.
  const shown = await report.evaluate(() => ({
    title: document.title,
    lang: document.documentElement.lang,
    sections: [...document.querySelectorAll("main > section, body > section")].map((s) => s.id),
    scripts: document.querySelectorAll("script").length,
    svgs: document.querySelectorAll("svg").length,
    text: document.body.innerText.length,
  }));
  const rustTitle = rust.match(/<title>([^<]*)<\/title>/)[1];
  assert.equal(shown.title, rustTitle);
  assert.equal(shown.lang, "fr");
  assert.deepEqual(shown.sections, [...rust.matchAll(/<section id="([^"]+)"/g)].map((m) => m[1]));
  assert.equal(shown.scripts, 0);
  assert.equal(shown.svgs, (rust.match(/<svg[\s>]/g) ?? []).length);
  await report.screenshot({ path: path.join(SHOTS, "report-window.png") });
  await report.close();
  // After a period change the button opens that period's report.
  await widget.locator("select.period-select").selectOption("2024-Q4");
  await checkWidget(page, "current", "2024-Q4");
  const earlier = await openReport(page, widget);
  assert.match(await earlier.title(), /T4\s2024/);
  await earlier.close();
  assert.deepEqual(errors, []);
  await page.close();
});

test("names with markup and script are shown as text, nothing is injected", { timeout: 60_000 }, async () => {
  const workspace = JSON.parse(fs.readFileSync(path.join(FIXTURES, "markup-names.json"), "utf8"));
  const { page, errors } = await open("/markup.html");
  await page.waitForFunction(() => document.getElementById("prop").dataset.state === "ready");
  await settled(page);
  const perspective = workspace.scorecard.perspectives[0];
  const objective = workspace.scorecard.objectives[0];
  const partner = workspace.partners[0];
  const indicator = workspace.indicators.find((i) => i.id === "i-partners");
  for (const id of ["src", "prop"]) {
    const widget = page.locator(`#${id}`);
    assert.equal(await widget.getAttribute("data-state"), "ready", id);
    assert.equal(await widget.locator("h2.organisation").textContent(), workspace.organisation);
    assert.equal(await widget.locator(`tr[data-node="${perspective.id}"] button`).textContent(), perspective.name);
    assert.equal(await widget.locator(`tr[data-node="${objective.id}"] button`).textContent(), objective.name);
    assert.equal(await widget.locator(`li[data-partner="${partner.id}"] .name`).textContent(), partner.name);
    // The objective's detail lists its indicator (markup in name and unit) as text.
    await widget.locator(`tr[data-node="${objective.id}"] button`).click();
    assert.equal(await widget.locator(`.detail li[data-node="${indicator.id}"] button`).textContent(), indicator.name);
    await widget.locator(`.detail li[data-node="${indicator.id}"] button`).click();
    assert.equal(await widget.locator(".detail h3").first().textContent(), indicator.name);
    assert.match(await widget.locator(".detail .facts").textContent(), /<i>partenaires<\/i>/);
    const injected = await page.evaluate((i) => {
      const root = document.getElementById(i).shadowRoot;
      return {
        elements: root.querySelectorAll("script, img, b, i, iframe").length,
        handlers: root.querySelectorAll("[onload], [onerror], [onmouseover]").length,
      };
    }, id);
    assert.deepEqual(injected, { elements: 0, handlers: 0 }, id);
  }
  assert.equal(await page.evaluate(() => window.__pwned), undefined);
  assert.equal(await page.evaluate(() => document.querySelectorAll("img, iframe").length), 0);
  await page.screenshot({ path: path.join(SHOTS, "markup-names.png"), fullPage: true });
  // The report window shows the names as text too: no element or handler from the workspace.
  const report = await openReport(page, page.locator("#src"));
  const reportInjected = await report.evaluate(() => ({
    elements: document.querySelectorAll("script, img, iframe, b, i").length,
    handlers: document.querySelectorAll("[onload], [onerror], [onmouseover]").length,
    pwned: window.__pwned,
    organisation: document.body.textContent.includes("<script>window.__pwned = 1</script>"),
  }));
  assert.deepEqual(reportInjected, { elements: 0, handlers: 0, pwned: undefined, organisation: true });
  await report.close();
  assert.deepEqual(errors, []);
  await page.close();
});

test("failures show a readable message in the element, never a blank box", { timeout: 60_000 }, async () => {
  const { page } = await open("/errors.html");
  await settled(page);
  const alertText = async (id) => {
    const widget = page.locator(`#${id}`);
    assert.equal(await widget.getAttribute("data-state"), "error", id);
    const alert = widget.getByRole("alert");
    assert.equal(await alert.count(), 1, id);
    return alert.textContent();
  };
  assert.match(await alertText("missing"), /The file "\/data\/missing\.json" could not be loaded \(HTTP 404/);
  const invalid = await alertText("invalid");
  assert.match(invalid, /The workspace has 2 problems:/);
  assert.match(invalid, /commitments\[c-1\]\.partner/);
  assert.match(invalid, /projects\[pr-1\]\.lead_service/);
  const problems = page.locator("#invalid li");
  assert.equal(await problems.count(), 2);
  assert.equal(await page.evaluate(() => document.getElementById("invalid").shadowRoot.querySelectorAll("img").length), 0);
  assert.match(await alertText("malformed"), /n'est pas du JSON valide\. malformed JSON at line 4, column 1: trailing comma/);
  assert.match(await alertText("period"), /The requested period is not valid\..*invalid period "2025-Q7"/);
  assert.match(await alertText("nothing"), /No workspace: set the src attribute or the workspace property\./);
  await page.screenshot({ path: path.join(SHOTS, "errors.png"), fullPage: true });
  await page.close();
});

test("the error view lists the first 100 problems and the count; bidi names are isolated", { timeout: 60_000 }, async () => {
  const { page } = await open("/many-problems.html");
  await page.waitForFunction(() => ["many", "bidi"].every((id) => ["ready", "error"].includes(document.getElementById(id).dataset.state)));
  const many = page.locator("#many");
  assert.equal(await many.getAttribute("data-state"), "error");
  const alert = await many.getByRole("alert").textContent();
  assert.match(alert, /The workspace has 250 problems:/);
  assert.match(alert, /and 150 more/);
  assert.equal(await page.locator("#many li").count(), 100);
  // The override in the name is closed inside an isolate (FSI ... PDI).
  const bidi = page.locator("#bidi");
  assert.equal(await bidi.getAttribute("data-state"), "ready");
  const name = await bidi.locator("tr[data-node] button").first().textContent();
  assert.equal(name, "\u2068Budget \u202e13 jours\u2069");
  await page.close();
});

test("the widget's words, status symbols, trend arrows and numbers are the core's (localeTable, formatNumber)", { timeout: 60_000 }, async () => {
  const { page, errors } = await open("/index.html");
  await settled(page);
  // The first quarter with data: no node has a previous score, every trend is unknown.
  const first = await page.locator("#current select.period-select option").evaluateAll((o) => o.map((x) => x.value).sort()[0]);
  await page.evaluate((p) => document.getElementById("current").setAttribute("period", p), first);
  await page.waitForFunction((p) => document.getElementById("current").period === p, first);
  let unknown = 0;
  for (const [id, lang] of [["current", "fr"], ["previous", "en"]]) {
    const shown = await page.evaluate(
      async ([id, lang]) => {
        // the very module the widget loaded (same URL): initialised already
        const { localeTable } = await import("/pilotage/pilotage_wasm.js");
        const root = document.getElementById(id).shadowRoot;
        const text = (e) => e?.textContent ?? null;
        return {
          table: localeTable(lang),
          trends: [...root.querySelectorAll(".trend")].map((s) => [s.dataset.direction, text(s.querySelector(".arrow")), text(s.querySelector(".words"))]),
          badges: [...root.querySelectorAll(".badge")].map((b) => [b.dataset.status, text(b.querySelector(".sym")), text(b.lastChild)]),
          head: [...root.querySelectorAll("thead th")].map(text),
          overall: text(root.querySelector(".overall .label")),
          coverages: [...root.querySelectorAll("tr[data-node]")].map((r) => [r.dataset.node, text(r.querySelector("td.coverage"))]),
          caseload: text(root.querySelector('[data-figure="caseload"] .main')),
          leadTime: text(root.querySelector('[data-figure="lead-time"] .main')),
        };
      },
      [id, lang],
    );
    const t = shown.table;
    assert.ok(shown.trends.length > 10 && shown.badges.length > 10, id);
    for (const [direction, arrow, words] of shown.trends) {
      assert.equal(arrow, t.arrows[direction], `${id} ${direction}`);
      assert.ok(words.startsWith(t.trends[direction]), `${id}: ${words}`);
      if (direction === "unknown") unknown += 1;
    }
    // the scorecard's rows and its overall score are roll-up nodes: their words are the roll-up ones
    for (const [status, symbol, word] of shown.badges) {
      assert.equal(symbol, t.symbols[status], `${id} ${status}`);
      assert.equal(word, t.rollup_statuses[status], `${id} ${status}`);
    }
    const m = t.messages;
    assert.deepEqual(shown.head, [m.name, m.score, m.status, m.trend, m.coverage]);
    assert.equal(shown.overall, m.overall);
    // numbers: percentages, days and file counts as the core writes them
    const period = id === "current" ? first : "2024-Q4";
    const { evaluation, headline } = await page.evaluate(async (period) => {
      const { Workspace } = await import("/pilotage/pilotage_wasm.js");
      const ws = Workspace.fromJson(await (await fetch("/data/workspace.json")).text());
      return { evaluation: ws.evaluate(period), headline: ws.headline(period) };
    }, period);
    const byId = new Map(evaluation.nodes.map((n) => [n.id, n]));
    assert.ok(shown.coverages.length > 10);
    for (const [node, coverage] of shown.coverages) {
      assert.equal(coverage, formatNumber(byId.get(node).coverage, 0, lang, "percent"), node);
    }
    assert.equal(shown.caseload, formatNumber(headline.active_caseload, 0, lang, "files"));
    if (headline.lead_time.later.mean_days != null) {
      assert.equal(shown.leadTime, formatNumber(headline.lead_time.later.mean_days, 0, lang, "days"));
    }
  }
  // The unknown-trend arrow is the core's "?", where the widget's own copy drew "·".
  assert.ok(unknown > 0);
  assert.equal(await page.locator('#current .trend[data-direction="unknown"] .arrow').first().textContent(), "?");
  await page.screenshot({ path: path.join(SHOTS, "widget-first-quarter.png"), fullPage: true });
  assert.deepEqual(errors, []);
  await page.close();
});
