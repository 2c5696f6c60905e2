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

test("the example page shows the organisation and counts in two widgets", { timeout: 60_000 }, async () => {
  const workspace = JSON.parse(fs.readFileSync(path.join(DEMO, "data", "workspace.json"), "utf8"));
  const { page, errors } = await open("/index.html");
  await settled(page);
  for (const [id, period] of [["current", "2025-Q4"], ["previous", "2025-Q3"]]) {
    const widget = page.locator(`#${id}`);
    assert.equal(await widget.getAttribute("data-state"), "ready");
    assert.equal(await widget.locator("h2.organisation").textContent(), workspace.organisation);
    const region = widget.getByRole("region", { name: workspace.organisation });
    assert.equal(await region.count(), 1);
    assert.match(await widget.locator("p.period").textContent(), new RegExp(`Période ${period} \\(du 1 `));
    // Counted here from the file itself, independently of the package.
    const expected = {
      projects: workspace.projects?.length ?? 0,
      partners: workspace.partners?.length ?? 0,
      commitments: workspace.commitments?.length ?? 0,
      indicators: workspace.indicators?.length ?? 0,
      objectives: workspace.scorecard?.objectives?.length ?? 0,
      measurements: (workspace.indicators ?? []).reduce((n, i) => n + (i.measurements?.length ?? 0), 0),
    };
    for (const [key, value] of Object.entries(expected)) {
      assert.equal(await widget.locator(`[data-count="${key}"] dd`).textContent(), String(value), key);
    }
  }
  await page.screenshot({ path: path.join(SHOTS, "example-page.png"), fullPage: true });
  assert.deepEqual(errors, []);
  await page.close();
});

test("names with markup and script are shown as text, nothing is injected", { timeout: 60_000 }, async () => {
  const workspace = JSON.parse(fs.readFileSync(path.join(FIXTURES, "markup-names.json"), "utf8"));
  const { page, errors } = await open("/markup.html");
  await page.waitForFunction(() => document.getElementById("prop").dataset.state === "ready");
  await settled(page);
  for (const id of ["src", "prop"]) {
    const widget = page.locator(`#${id}`);
    assert.equal(await widget.getAttribute("data-state"), "ready", id);
    assert.equal(await widget.locator("h2.organisation").textContent(), workspace.organisation);
    const injected = await page.evaluate(
      (i) => document.getElementById(i).shadowRoot.querySelectorAll("script, img, b, iframe").length,
      id,
    );
    assert.equal(injected, 0, id);
  }
  assert.equal(await page.evaluate(() => window.__pwned), undefined);
  assert.equal(await page.evaluate(() => document.querySelectorAll("img").length), 0);
  await page.screenshot({ path: path.join(SHOTS, "markup-names.png"), fullPage: true });
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
  assert.match(invalid, /commitments\[0\]\.partner/);
  assert.match(invalid, /projects\[0\]\.lead_service/);
  const problems = page.locator("#invalid li");
  assert.equal(await problems.count(), 2);
  assert.equal(await page.evaluate(() => document.getElementById("invalid").shadowRoot.querySelectorAll("img").length), 0);
  assert.match(await alertText("malformed"), /n'est pas du JSON valide\. malformed JSON at line 4, column 1: trailing comma/);
  assert.match(await alertText("period"), /The requested period is not valid\..*invalid period "2025-Q7"/);
  assert.match(await alertText("nothing"), /No workspace: set the src attribute or the workspace property\./);
  await page.screenshot({ path: path.join(SHOTS, "errors.png"), fullPage: true });
  await page.close();
});
