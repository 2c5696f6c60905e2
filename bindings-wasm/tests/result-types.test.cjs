// The TypeScript result types (src/types.d.ts) against the results the package really
// returns: every result below is written as an object literal typed with its declared type
// into target/ts-drift/results.ts, and `tsc --strict` must accept the file. TypeScript's
// excess-property check refuses a key the declaration lacks, a missing required key, a
// string where a number is declared, an enum value not in the union; so a field added to,
// renamed in or removed from the core's output without its declaration fails here. A control
// file with one extra and one missing key must be refused (the check is not vacuous).
"use strict";
const test = require("node:test");
const assert = require("node:assert/strict");
const fs = require("node:fs");
const path = require("node:path");
const { spawnSync } = require("node:child_process");

const { Workspace } = require("../pkg/node/pilotage_wasm.js");

const HERE = __dirname;
const ROOT = path.resolve(HERE, "..", "..");
const OUT = path.join(ROOT, "target", "ts-drift");
const TSC = path.join(HERE, "..", "node_modules", "typescript", "bin", "tsc");
const MODULE = path.join(HERE, "..", "pkg", "web", "pilotage_wasm.js");

const sample = Workspace.fromJson(fs.readFileSync(path.join(ROOT, "examples", "data", "sample-city.json"), "utf8"));
const small = Workspace.fromJson(fs.readFileSync(path.join(HERE, "fixtures", "small-city.json"), "utf8"));

/** [name, TypeScript type, value]: every kind of result, from both workspaces. */
function results() {
  return [
    ["evaluation", "Evaluation", sample.evaluate("2025-Q4")],
    ["range", "Evaluation[]", small.evaluateRange("2025-Q1", "2025-Q4")],
    ["headline", "Headline", sample.headline("2025-Q4")],
    ["headlineSmall", "Headline", small.headline("2025-Q4", { compare_with: "2025-Q1", leverage: "total_over_own" })],
    ["headlineOptions", "Headline", sample.headline("2025-Q4", { leverage: "planned_cost_over_own", caseload: "in_progress" })],
    ["periods", "PeriodText[]", sample.periods()],
    ["caseload", "Caseload", sample.caseload("2025-Q4")],
    ["wip", "WorkInProgress", sample.workInProgress("2025-Q4")],
    ["ageing", "FileAge[]", sample.ageing("2025-Q4")],
    ["leadTime", "LeadTimeStats", small.leadTime("2025-Q1")],
    ["compareLeadTimes", "LeadTimeComparison", small.compareLeadTimes("2025-Q1", "2025-Q2")],
    ["throughput", "Throughput", sample.throughput("2025-Q4")],
    ["delivery", "DeliveryReport", sample.delivery()],
    ["deliveryPeriod", "DeliveryReport", sample.delivery("2025")],
    ["portfolioValue", "PortfolioValue", sample.portfolioValue("2025-Q4")],
    ["transversality", "Transversality", sample.transversality()],
    ["partnerCounts", "PartnerCounts", sample.partnerCounts("2025-Q4")],
    ["funds", "Funds", sample.funds("2025-Q4")],
    ["fundsWithin", "Funds", sample.fundsWithin("2025-Q4")],
    ["outstanding", "Outstanding", sample.outstanding("2025-Q4")],
    ["portfolioFinance", "PortfolioFinance", sample.portfolioFinance()],
    ["portfolioFinanceAsOf", "PortfolioFinance", small.portfolioFinance("2025-Q4", { basis: "received" })],
    ["projectFinance", "ProjectFinance", small.projectFinance("pr-1")],
    ["concentration", "Concentration", sample.concentration(3)],
    ["investmentCapacity", "InvestmentCapacity", sample.investmentCapacity("2025")],
    ["compareCapacity", "CapacityComparison", small.compareCapacity("2024", "2025")],
  ];
}

function write(file, entries) {
  const types = [...new Set(entries.map(([, t]) => t.replace("[]", "")))].sort();
  const lines = [`import type { ${types.join(", ")} } from ${JSON.stringify(MODULE)};`];
  for (const [name, type, value] of entries) lines.push(`export const ${name}: ${type} = ${JSON.stringify(value)};`);
  fs.writeFileSync(file, lines.join("\n") + "\n");
}

function tsc(file) {
  const config = `${file}.tsconfig.json`;
  const compilerOptions = {
    strict: true,
    noEmit: true,
    exactOptionalPropertyTypes: true,
    target: "ES2022",
    module: "ES2022",
    moduleResolution: "bundler",
    lib: ["ES2022", "ESNext.Disposable", "DOM"],
    types: [],
  };
  fs.writeFileSync(config, JSON.stringify({ compilerOptions, files: [file] }, null, 2));
  return spawnSync(process.execPath, [TSC, "-p", config], { encoding: "utf8" });
}

test("every result type-checks against its declaration (tsc --strict, excess properties)", { timeout: 120_000 }, () => {
  fs.mkdirSync(OUT, { recursive: true });
  const file = path.join(OUT, "results.ts");
  const entries = results();
  // Each declared optional part should really occur somewhere: nulls and values alike.
  const text = JSON.stringify(entries.map(([, , v]) => v));
  for (const key of ["\"forecast\":{", "\"source\":{\"kind\":\"derived\"", "\"source\":{\"kind\":\"calculated\"", "\"treatment\":{\"kind\":\"used\"}", "\"lead_time_by_year\":{", "\"investment_capacity\":null"]) {
    assert.ok(text.includes(key), `no result exercises ${key}`);
  }
  write(file, entries);
  const run = tsc(file);
  assert.equal(run.status, 0, `${run.stdout}${run.stderr}`);
});

test("the check refuses an extra key, a missing key and a wrong enum value", { timeout: 120_000 }, () => {
  fs.mkdirSync(OUT, { recursive: true });
  const file = path.join(OUT, "control.ts");
  const caseload = small.caseload("2025-Q4");
  const extra = { ...caseload, added_by_the_core: 1 };
  const { without_objective: _, ...missing } = caseload;
  const lead = small.leadTime("2025-Q1");
  const wrong = { ...lead, options: { start: "birth", stop: "decision" } };
  write(file, [
    ["extra", "Caseload", extra],
    ["missing", "Caseload", missing],
    ["wrong", "LeadTimeStats", wrong],
  ]);
  const run = tsc(file);
  const out = `${run.stdout}${run.stderr}`;
  assert.notEqual(run.status, 0, out);
  assert.match(out, /added_by_the_core/);
  assert.match(out, /without_objective/);
  assert.match(out, /"birth"/);
});
