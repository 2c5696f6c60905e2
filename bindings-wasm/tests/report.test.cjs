// The core's renderings over the Node build: HTML report and SVG fragments, with every
// workspace string escaped (markup in names stays text).
"use strict";
const test = require("node:test");
const assert = require("node:assert/strict");
const fs = require("node:fs");
const path = require("node:path");
const { Workspace, isPilotageError } = require("../pkg/node/pilotage_wasm.js");

const FIXTURES = path.join(__dirname, "fixtures");
const ROOT = path.resolve(__dirname, "..", "..");
// The Rust report example's output for the sample (scripts/test.d/wasm.sh writes it):
// `cargo run --release --example report -- --lang L --period 2025-Q4 --out FILE sample-city.json`.
const rustReport = (lang) =>
  fs.readFileSync(path.join(ROOT, "target", "main-job", `report-2025-Q4-${lang}.html`), "utf8");
const sampleText = fs.readFileSync(path.join(ROOT, "examples", "data", "sample-city.json"), "utf8");
const sample = Workspace.fromJson(sampleText);
const small = Workspace.fromJson(fs.readFileSync(path.join(FIXTURES, "small-city.json"), "utf8"));
const markup = Workspace.fromJson(fs.readFileSync(path.join(FIXTURES, "markup-names.json"), "utf8"));

test("renderings: SVG fragments and the indicator card, in French and English", () => {
  assert.match(small.overviewSvg("2025-Q4", "fr"), /^<svg[\s>]/);
  assert.match(small.overviewSvg("2025-Q4", "en"), /^<svg[\s>]/);
  assert.match(small.indicatorCard("i-delai", "2025-Q4", "fr"), /^<article class="card"[^]*<svg[^]*<\/article>$/);
  // The default language is French: the same bytes as "fr".
  assert.equal(small.overviewSvg("2025-Q4"), small.overviewSvg("2025-Q4", "fr"));
});

test("reportHtml is the Rust core's HTML report of the sample, byte for byte, in both languages", () => {
  for (const lang of ["fr", "en"]) {
    const html = sample.reportHtml("2025-Q4", lang);
    assert.ok(html.startsWith("<!DOCTYPE html>"));
    assert.equal(html, rustReport(lang));
  }
  // French by default; "en-GB" is English.
  assert.equal(sample.reportHtml("2025-Q4"), rustReport("fr"));
  assert.equal(sample.reportHtml("2025-Q4", "en-GB"), rustReport("en"));
});

test("strategyMapSvg is the strategy map the Rust report embeds", () => {
  for (const lang of ["fr", "en"]) {
    const map = sample.strategyMapSvg("2025-Q4", lang);
    assert.match(map, /^<svg[\s>][^]*<\/svg>$/);
    assert.ok(rustReport(lang).includes(map), `the ${lang} report embeds the map`);
    // So does the overview (both come from the evaluation the workspace keeps).
    assert.ok(rustReport(lang).includes(sample.overviewSvg("2025-Q4", lang)));
  }
  // The map shows the objectives' statuses of its period: another period, another picture.
  assert.notEqual(sample.strategyMapSvg("2019-Q1", "en"), sample.strategyMapSvg("2025-Q4", "en"));
});

test("renderings reuse the workspace's engine and last evaluation without changing a byte", () => {
  // A fresh workspace renders from nothing; the other one has evaluated other periods first
  // (its engine is built and its cached evaluation is of 2024-Q4, then of 2025-Q4).
  const fresh = () => Workspace.fromJson(sampleText);
  const used = Workspace.fromJson(sampleText);
  used.evaluate("2024-Q4");
  assert.equal(used.strategyMapSvg("2025-Q4", "en"), fresh().strategyMapSvg("2025-Q4", "en"));
  used.evaluate("2025-Q4");
  assert.equal(used.overviewSvg("2025-Q4", "fr"), fresh().overviewSvg("2025-Q4", "fr"));
  assert.equal(used.strategyMapSvg("2025-Q4", "fr"), fresh().strategyMapSvg("2025-Q4", "fr"));
  assert.equal(used.reportHtml("2025-Q4", "en"), rustReport("en"));
  const card = used.indicatorCard("ind_entreprises_implantees", "2025-Q4", "fr");
  assert.equal(card, fresh().indicatorCard("ind_entreprises_implantees", "2025-Q4", "fr"));
  // Evaluating after rendering still gives the main job's figures.
  assert.equal(used.evaluate("2024-Q4").period, "2024-Q4");
  used.free();
});

test("renderings escape every workspace string: markup names stay text", () => {
  const outputs = [
    markup.overviewSvg("2025-Q4", "fr"),
    markup.indicatorCard("i-partners", "2025-Q4", "fr"),
    markup.strategyMapSvg("2025-Q4", "fr"),
    markup.reportHtml("2025-Q4", "en"),
  ];
  for (const out of outputs) {
    // No element from the workspace: its "<" became "&lt;" (the text "onload=" may remain).
    assert.ok(!/<(script|img|iframe|b|i)[\s>]|<svg onload|<\/?iframe/i.test(out), out.slice(0, 300));
  }
  assert.ok(outputs[0].includes("&lt;b onmouseover="), outputs[0].slice(0, 300));
  assert.ok(outputs[1].includes("&lt;svg onload="));
  // The map and the report show the markup names as text too (the map wraps names at
  // spaces, so a tag's name ends its line).
  assert.ok(outputs[2].includes("&lt;b</text>") && outputs[2].includes("&lt;iframe src="), outputs[2].slice(0, 300));
  assert.ok(outputs[3].includes("&lt;b onmouseover=") && outputs[3].includes("&lt;svg onload="));
  // The report is one document with the core's inline style and no script at all.
  assert.ok(outputs[3].startsWith("<!DOCTYPE html>") && !/<script/i.test(outputs[3]));
});

test("rendering arguments: bad period, language or indicator throw typed errors", () => {
  const kind = (f) => {
    try {
      f();
    } catch (e) {
      assert.ok(isPilotageError(e));
      return e.kind;
    }
    return "no error";
  };
  assert.equal(kind(() => small.overviewSvg("2025-Q5")), "period");
  assert.equal(kind(() => small.overviewSvg("2025-Q4", "de")), "argument");
  assert.equal(kind(() => small.indicatorCard("nowhere", "2025-Q4")), "not_found");
  assert.equal(kind(() => small.reportHtml("2025-Q5")), "period");
  assert.equal(kind(() => small.reportHtml("2025-Q4", "de")), "argument");
  assert.equal(kind(() => small.strategyMapSvg("not a period", "en")), "period");
  assert.equal(kind(() => small.strategyMapSvg("2025-Q4", "xx")), "argument");
});
