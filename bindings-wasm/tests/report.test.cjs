// The core's renderings over the Node build: HTML report and SVG fragments, with every
// workspace string escaped (markup in names stays text).
"use strict";
const test = require("node:test");
const assert = require("node:assert/strict");
const fs = require("node:fs");
const path = require("node:path");
const { Workspace, isPilotageError } = require("../pkg/node/pilotage_wasm.js");

const FIXTURES = path.join(__dirname, "fixtures");
const small = Workspace.fromJson(fs.readFileSync(path.join(FIXTURES, "small-city.json"), "utf8"));
const markup = Workspace.fromJson(fs.readFileSync(path.join(FIXTURES, "markup-names.json"), "utf8"));

test("renderings: SVG fragments and the indicator card, in French and English", () => {
  assert.match(small.overviewSvg("2025-Q4", "fr"), /^<svg[\s>]/);
  assert.match(small.overviewSvg("2025-Q4", "en"), /^<svg[\s>]/);
  assert.match(small.indicatorCard("i-delai", "2025-Q4", "fr"), /^<article class="card"[^]*<svg[^]*<\/article>$/);
  // The default language is French: the same bytes as "fr".
  assert.equal(small.overviewSvg("2025-Q4"), small.overviewSvg("2025-Q4", "fr"));
});

test("renderings escape every workspace string: markup names stay text", () => {
  const outputs = [
    markup.overviewSvg("2025-Q4", "fr"),
    markup.indicatorCard("i-partners", "2025-Q4", "fr"),
  ];
  for (const out of outputs) {
    // No element from the workspace: its "<" became "&lt;" (the text "onload=" may remain).
    assert.ok(!/<(script|img|iframe|b|i)[\s>]|<svg onload|<\/?iframe/i.test(out), out.slice(0, 300));
  }
  assert.ok(outputs[0].includes("&lt;b onmouseover="), outputs[0].slice(0, 300));
  assert.ok(outputs[1].includes("&lt;svg onload="));
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
});
