// The core's words and number formats over the Node build (`localeTable`, `formatNumber`):
// what the <pilotage-scorecard> widget shows is what the core's reports say.
"use strict";
const test = require("node:test");
const assert = require("node:assert/strict");
const fs = require("node:fs");
const path = require("node:path");
const { Workspace, isPilotageError, localeTable, formatNumber } = require("../pkg/node/pilotage_wasm.js");

const ROOT = path.resolve(__dirname, "..", "..");
const sample = Workspace.fromJson(fs.readFileSync(path.join(ROOT, "examples", "data", "sample-city.json"), "utf8"));
const MAIN_JOB = path.join(ROOT, "target", "main-job");

test("localeTable: the same keys in both languages, French by default", () => {
  const fr = localeTable("fr");
  const en = localeTable("en");
  assert.deepEqual(localeTable(), fr);
  assert.equal(fr.lang, "fr");
  assert.equal(en.lang, "en");
  for (const part of ["messages", "statuses", "rollup_statuses", "symbols", "trends", "arrows", "leverage_definitions"]) {
    assert.deepEqual(Object.keys(fr[part]), Object.keys(en[part]), part);
  }
  assert.deepEqual(Object.keys(fr.arrows), ["improving", "stable", "declining", "unknown"]);
  assert.deepEqual(Object.keys(fr.statuses).sort(), ["amber", "green", "no_data", "red", "suppressed"]);
  // every value a message takes is marked in both languages alike
  const marks = (t) => (t.match(/\{\d\}/g) ?? []).sort().join();
  for (const key of Object.keys(fr.messages)) assert.equal(marks(fr.messages[key]), marks(en.messages[key]), key);
  assert.equal(en.messages.byYear, "over the year {1} compared with {0}");
  assert.throws(() => localeTable("de"), (e) => isPilotageError(e) && e.kind === "argument");
});

test("the arrows, the trend words and the status words are the ones the core's reports draw", () => {
  // At the first quarter with data no node has a previous score: every trend is unknown.
  const first = sample.periods("quarterly")[0];
  const evaluation = sample.evaluate(first);
  assert.ok(evaluation.nodes.some((n) => n.trend.direction === "unknown"));
  for (const lang of ["fr", "en"]) {
    const t = localeTable(lang);
    const svg = sample.overviewSvg(first, lang);
    assert.ok(svg.includes(`${t.arrows.unknown} ${t.trends.unknown}`), `${lang}: ${t.arrows.unknown} ${t.trends.unknown}`);
    const q4 = sample.overviewSvg("2025-Q4", lang);
    const perspective = sample.evaluate("2025-Q4").nodes.find((n) => n.kind === "perspective");
    const { direction } = perspective.trend;
    assert.ok(q4.includes(`${t.arrows[direction]} ${t.trends[direction]}`), `${lang} ${direction}`);
    assert.ok(q4.includes(`${t.symbols[perspective.status]} ${t.rollup_statuses[perspective.status]}`), lang);
  }
  // The unknown-trend arrow is the core's "?" (the widget drew "·", its own copy).
  assert.equal(localeTable("fr").arrows.unknown, "?");
  assert.equal(localeTable("en").statuses.suppressed, "Suppressed (small group)");
  assert.equal(localeTable("fr").rollup_statuses.green, "Favorable");
});

test("formatNumber writes numbers as the core's reports and main job do", () => {
  assert.equal(formatNumber(1234.5, 1, "fr"), "1\u202f234,5");
  assert.equal(formatNumber(1234.5, 1, "en"), "1,234.5");
  assert.equal(formatNumber(1234.25, undefined, undefined), "1\u202f234"); // French, no decimal by default
  assert.equal(formatNumber(0.455, 1, "fr", "percent"), "45,5\u202f%");
  assert.equal(formatNumber(0.455, 1, "en", "percent"), "45.5%");
  assert.equal(formatNumber(45.4, 0, "fr", "days"), "45\u00a0j");
  assert.equal(formatNumber(0, 0, "fr", "files"), "0 dossier");
  assert.equal(formatNumber(1, 0, "en", "files"), "1 file");
  assert.equal(formatNumber(2, 0, "en", "files"), "2 files");
  assert.equal(formatNumber(NaN, 1, "en"), "–");
  // a tie is rounded as the core's reports round it, where Intl.NumberFormat (the widget's
  // formatter before) writes 1 and 1,235: the widget and the reports could disagree
  assert.equal(formatNumber(0.5, 0, "en"), "0");
  assert.equal(formatNumber(1234.5, 0, "en"), "1,234");
  assert.throws(() => formatNumber(1, 0, "fr", "money"), (e) => isPilotageError(e) && e.kind === "argument" && /files/.test(e.message));
  assert.throws(() => formatNumber(1, 0, "de"), (e) => isPilotageError(e) && e.kind === "argument");
  // The Rust report of 2025-Q4 writes the leverage so.
  for (const lang of ["fr", "en"]) {
    const html = fs.readFileSync(path.join(MAIN_JOB, `report-2025-Q4-${lang}.html`), "utf8");
    const h = sample.headline("2025-Q4");
    const leverage = formatNumber(Number(h.finance.leverage.value), 1, lang);
    assert.ok(html.includes(`${lang === "fr" ? "1 pour" : "1 to"} ${leverage} (`), `${lang}: ${leverage}`);
  }
});
