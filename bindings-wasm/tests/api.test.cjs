// The JS API over the Node build (bindings-wasm/pkg/node), with node's test runner:
//   node --test bindings-wasm/tests/*.test.cjs
"use strict";
const test = require("node:test");
const assert = require("node:assert/strict");
const fs = require("node:fs");
const path = require("node:path");

const { Workspace, parsePeriod, isPilotageError, version, warmedUp } = require("../pkg/node/pilotage_wasm.js");

const FIXTURES = path.join(__dirname, "fixtures");
const SMALL = fs.readFileSync(path.join(FIXTURES, "small-city.json"), "utf8");
const small = () => JSON.parse(SMALL);

/** Runs `f`, expects a PilotageError of `kind`, and returns it. */
function thrown(f, kind) {
  let error;
  assert.throws(f, (e) => {
    error = e;
    return true;
  });
  assert.ok(error instanceof Error, "a real Error");
  assert.equal(error.name, "PilotageError");
  assert.ok(isPilotageError(error));
  assert.equal(error.kind, kind, error.message);
  assert.ok(Array.isArray(error.problems));
  assert.ok(typeof error.stack === "string" && error.stack.length > 0);
  return error;
}

test("fromJson loads the fixture: organisation, settings and counts", () => {
  const ws = Workspace.fromJson(SMALL);
  assert.equal(ws.organisation, "Ville de Valmont");
  assert.equal(ws.currency, "EUR");
  assert.equal(ws.schemaVersion, 2);
  assert.equal(ws.fiscalYearStartMonth, 1);
  // Counted by hand in the fixture: 2 indicators with 4 + 2 = 6 measurements.
  assert.deepEqual(ws.counts, {
    services: 2,
    projects: 3,
    partners: 2,
    commitments: 2,
    indicators: 2,
    measurements: 6,
    perspectives: 2,
    objectives: 2,
    links: 1,
  });
  ws.validate();
  assert.deepEqual(ws.problems(), []);
  ws.free();
});

test("fromObject and fromJson give the same workspace", () => {
  const a = Workspace.fromJson(SMALL);
  const b = Workspace.fromObject(small());
  assert.deepEqual(b.toObject(), a.toObject());
  assert.equal(b.toJson(), a.toJson());
});

test("toObject is JSON.parse(toJson()) and a save/load round trip is byte-identical", () => {
  const ws = Workspace.fromJson(SMALL);
  const text = ws.toJson();
  assert.deepEqual(ws.toObject(), JSON.parse(text));
  assert.equal(Workspace.fromJson(text).toJson(), text);
  // Defaults are written out: the fixture gives no settings.
  assert.deepEqual(ws.toObject().settings.thresholds, { amber: 100 / 3, green: 200 / 3 });
});

test("money crosses as exact strings, every digit and trailing zero kept", () => {
  const o = Workspace.fromJson(SMALL).toObject();
  // 98765432109876543.21 has 19 significant digits: a float would keep about 16.
  assert.equal(o.projects[1].planned_cost, "98765432109876543.21");
  assert.equal(o.projects[0].planned_cost, "1250000.10");
  assert.equal(o.projects[0].own_funds, "400000.00");
  assert.equal(o.commitments[0].steps[1].amount, "0.10");
  assert.equal(o.commitments[1].steps[0].amount, "500000");
  assert.equal(typeof o.commitments[0].steps[0].amount, "string");
  assert.match(Workspace.fromJson(SMALL).toJson(), /"planned_cost": "98765432109876543.21"/);
  // Dates stay ISO strings.
  assert.equal(o.projects[0].stages[0].date, "2025-01-15");
});

test("malformed JSON text: kind json with line and column, no problems", () => {
  // The trailing comma is at the start of line 4: serde reports line 4, column 1.
  const e = thrown(() => Workspace.fromJson('{\n  "schema_version": 1,\n  "organisation": "X",\n}'), "json");
  assert.equal(e.line, 4);
  assert.equal(e.column, 1);
  assert.deepEqual(e.problems, []);
  assert.equal(e.message, "malformed JSON at line 4, column 1: trailing comma");
  const empty = thrown(() => Workspace.fromJson(""), "json");
  assert.equal(empty.line, 1);
  thrown(() => Workspace.parseJson("[1, 2]"), "json");
});

test("an invalid workspace throws every problem with its path (and position when decoded)", () => {
  const o = small();
  o.partners[1].kind = "nowhere"; // decoding problem, line/column known
  o.commitments[0].partner = "p-999"; // validation problem
  o.projects[2].lead_service = "missing-service"; // validation problem
  const text = JSON.stringify(o, null, 2);
  const e = thrown(() => Workspace.fromJson(text), "invalid");
  const byPath = Object.fromEntries(e.problems.map((p) => [p.path, p]));
  assert.deepEqual(Object.keys(byPath).sort(), ["commitments[c-1].partner", "partners[p-banque].kind", "projects[pr-3].lead_service"]);
  const kind = byPath["partners[p-banque].kind"];
  // The line of `"kind": "nowhere"` in the pretty-printed text.
  const expectedLine = text.split("\n").findIndex((l) => l.includes('"nowhere"')) + 1;
  assert.equal(kind.line, expectedLine);
  assert.equal(typeof kind.column, "number");
  assert.match(kind.message, /unknown variant `nowhere`/);
  assert.match(byPath["commitments[c-1].partner"].message, /p-999/);
  assert.equal(byPath["commitments[c-1].partner"].line, undefined);
  assert.ok(e.message.startsWith("3 problems\n"), e.message);
  for (const p of e.problems) assert.deepEqual(Object.keys(p).filter((k) => !["path", "message", "line", "column"].includes(k)), []);
});

test("decode problems name the member inside the record (the browser build locates them from the position)", () => {
  // The package is built without serde_path_to_error: the path comes from where serde_json
  // stopped (core/src/json_path.rs). These are the paths the Rust core gives (checked there
  // against serde_path_to_error on every record kind of the sample).
  const cases = [
    [(o) => (o.indicators[0].measurements[1].value = "high"), "indicators[i-partners].measurements[1].value", /invalid type: string "high"/],
    [(o) => (o.indicators[0].targets[0].period = "2025-Q9"), "indicators[i-partners].targets[0].period", /quarter/],
    [(o) => delete o.indicators[0].baseline.value, "indicators[i-partners].baseline", /missing field `value`/],
    [(o) => (o.indicators[0].extra = 1), "indicators[i-partners].extra", /unknown field `extra`/],
    [(o) => (o.projects[0].stages[2].stage = ["approved"]), "projects[pr-1].stages[2].stage", /expected value/],
    [(o) => (o.projects[0].stages[1].stage = { zzz: 1 }), "projects[pr-1].stages[1].stage", /unknown variant `zzz`/],
    [(o) => (o.projects[0].stages[0].date = "2025-02-30"), "projects[pr-1].stages[0].date", /./],
    [(o) => (o.projects[0].planned_cost = "12,5"), "projects[pr-1].planned_cost", /./],
    // Inside a value serde buffers (internally tagged, untagged), last member of its object
    // or not: serde_json places these errors after the value or after the enclosing `}`.
    [(o) => (o.indicators[0].scoring = { method: "linear_progress", zzz: 1 }), "indicators[i-partners].scoring", /unknown field `zzz`/],
    [
      (o) => {
        delete o.indicators[0].scoring;
        o.indicators[0].scoring = { method: "linear_progress", zzz: 1 };
      },
      "indicators[i-partners].scoring",
      /unknown field `zzz`/,
    ],
    [(o) => (o.scorecard.objectives[1].weight = "heavy"), "scorecard.objectives[o-delais].weight", /expected a weight: a positive number/],
  ];
  for (const [breakIt, path, message] of cases) {
    const o = small();
    breakIt(o);
    const e = thrown(() => Workspace.parseJson(JSON.stringify(o, null, 2)), "invalid");
    assert.equal(e.problems.length, 1, JSON.stringify(e.problems));
    assert.equal(e.problems[0].path, path, JSON.stringify(e.problems[0]));
    assert.match(e.problems[0].message, message);
  }
});

test("fromObject: problems carry no line or column (they would point into hidden text)", () => {
  const o = small();
  o.partners[1].kind = "nowhere";
  o.commitments[0].partner = "p-999";
  const e = thrown(() => Workspace.fromObject(o), "invalid");
  assert.equal(e.problems.length, 2);
  for (const p of e.problems) {
    assert.equal(p.line, undefined);
    assert.equal(p.column, undefined);
  }
  assert.doesNotMatch(e.message, /line/);
  const shape = thrown(() => Workspace.fromObject({ organisation: "X" }), "json");
  assert.equal(shape.line, undefined);
  assert.match(shape.message, /missing field `schema_version`/);
});

test("fromObject refuses what is not a plain object", () => {
  for (const [value, found] of [
    [null, "null"],
    [[], "an array"],
    ["{}", "a value of type string"],
    [42, "a value of type number"],
    [undefined, "a value of type undefined"],
  ]) {
    const e = thrown(() => Workspace.fromObject(value), "argument");
    assert.equal(e.message, `invalid argument object: expected an object, found ${found}`);
  }
  const cyclic = small();
  cyclic.self = cyclic;
  assert.match(thrown(() => Workspace.fromObject(cyclic), "argument").message, /cannot be read as JSON/);
  assert.match(thrown(() => Workspace.fromObject({ n: 1n }), "argument").message, /cannot be read as JSON/);
});

test("parseJson/parseObject decode without validating; problems() and validate() report", () => {
  const o = small();
  o.commitments[0].partner = "p-999";
  const ws = Workspace.parseObject(o);
  const problems = ws.problems();
  assert.equal(problems.length, 1);
  assert.equal(problems[0].path, "commitments[c-1].partner");
  const e = thrown(() => ws.validate(), "invalid");
  assert.deepEqual(e.problems, problems);
  assert.deepEqual(Workspace.parseJson(JSON.stringify(o)).problems(), problems);
  assert.equal(Workspace.parseJson(SMALL).validate(), undefined);
});

test("parsePeriod: normal spelling, frequency and ISO days, in a fiscal calendar", () => {
  assert.deepEqual(parsePeriod("2025-q4"), { text: "2025-Q4", frequency: "quarterly", start: "2025-10-01", end: "2025-12-31" });
  assert.deepEqual(parsePeriod("2024-02"), { text: "2024-02", frequency: "monthly", start: "2024-02-01", end: "2024-02-29" });
  // Fiscal year 2025 starting in April runs from 2025-04-01 to 2026-03-31.
  assert.deepEqual(parsePeriod("2025", 4), { text: "2025", frequency: "yearly", start: "2025-04-01", end: "2026-03-31" });
  assert.deepEqual(parsePeriod("2025-Q4", 4).start, "2026-01-01");
  assert.equal(parsePeriod("2025", undefined).start, "2025-01-01");
  assert.equal(parsePeriod("2025", null).start, "2025-01-01");
  // The workspace's calendar is used by its own parsePeriod.
  const o = small();
  o.fiscal_year_start_month = 7;
  const ws = Workspace.fromObject(o);
  assert.equal(ws.fiscalYearStartMonth, 7);
  assert.deepEqual(ws.parsePeriod("2025-Q1"), { text: "2025-Q1", frequency: "quarterly", start: "2025-07-01", end: "2025-09-30" });
});

test("parsePeriod errors: bad period strings and bad fiscal months", () => {
  const e = thrown(() => parsePeriod("2025-13"), "period");
  assert.equal(e.message, 'invalid period "2025-13": the month must be between 01 and 12');
  thrown(() => parsePeriod("2025-Q5"), "period");
  thrown(() => parsePeriod(""), "period");
  thrown(() => parsePeriod("1899"), "period");
  thrown(() => Workspace.fromJson(SMALL).parsePeriod("Q4 2025"), "period");
  for (const month of [0, 13, 1.5, NaN, Infinity, -1]) {
    const a = thrown(() => parsePeriod("2025", month), "argument");
    assert.match(a.message, /fiscalYearStartMonth/);
  }
});

test("strings with markup and non-ASCII characters survive unchanged", () => {
  const text = fs.readFileSync(path.join(FIXTURES, "markup-names.json"), "utf8");
  const ws = Workspace.fromJson(text);
  assert.equal(ws.organisation, JSON.parse(text).organisation);
  assert.match(ws.organisation, /^<script>/);
  assert.equal(ws.toObject().partners[0].name, '<img src=x onerror="window.__pwned = 3">');
  assert.equal(Workspace.fromJson(SMALL).toObject().projects[0].title, "Rénovation de la médiathèque");
});

test("isPilotageError is true for this package's errors only", () => {
  assert.equal(isPilotageError(new Error("x")), false);
  assert.equal(isPilotageError(new TypeError("x")), false);
  assert.equal(isPilotageError("PilotageError"), false);
  assert.equal(isPilotageError(null), false);
  assert.equal(isPilotageError({ name: "PilotageError" }), false);
});

test("the start function ran the warm-up evaluation through on import", () => {
  // the exercise workspace was opened, evaluated, explained and its headline built; had any
  // step failed (the workspace or an API changed), warmedUp() would be false
  assert.equal(warmedUp(), true);
});

test("version() is the crates' workspace version", () => {
  const cargo = fs.readFileSync(path.join(__dirname, "..", "..", "Cargo.toml"), "utf8");
  const declared = /\[workspace\.package\][^[]*?\nversion = "([^"]+)"/.exec(cargo);
  assert.ok(declared);
  assert.equal(version(), declared[1]);
});

test("an error's message lists the first 100 problems and the count; error.problems has them all", () => {
  // Before: the message listed every problem (114 MB for 516,000 problems).
  const o = small();
  const model = o.commitments[0];
  o.commitments = Array.from({ length: 250 }, (_, i) => ({ ...model, id: `c${i}`, partner: `nobody-${i}` }));
  const e = thrown(() => Workspace.fromJson(JSON.stringify(o)), "invalid");
  assert.equal(e.problems.length, 250);
  assert.ok(e.message.startsWith("250 problems\n"), e.message.slice(0, 40));
  assert.equal(e.message.split("\n  - ").length - 1, 100);
  assert.ok(e.message.endsWith("\n  ... and 150 more"), e.message.slice(-40));
});
