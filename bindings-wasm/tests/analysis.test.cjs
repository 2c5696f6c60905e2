// The scorecard, headline and metric methods over the Node build, with node's test runner:
//   node --test bindings-wasm/tests/*.test.cjs
// The sample city's results must EQUAL the Rust main job's `--json` output (written into
// target/main-job/ by scripts/test.d/wasm.sh with the release build): same code, same
// serializer, so every number is identical, not merely close. The small fixture's figures
// are worked out by hand in the comments.
"use strict";
const test = require("node:test");
const assert = require("node:assert/strict");
const fs = require("node:fs");
const path = require("node:path");

const { Workspace, isPilotageError } = require("../pkg/node/pilotage_wasm.js");

const ROOT = path.resolve(__dirname, "..", "..");
const MAIN_JOB = path.join(ROOT, "target", "main-job");
const SAMPLE = fs.readFileSync(path.join(ROOT, "examples", "data", "sample-city.json"), "utf8");
const SMALL = fs.readFileSync(path.join(__dirname, "fixtures", "small-city.json"), "utf8");
const PERIODS = ["2025-Q4", "2024-Q4"];

const mainJob = (period) => JSON.parse(fs.readFileSync(path.join(MAIN_JOB, `${period}.json`), "utf8"));
const sample = Workspace.fromJson(SAMPLE);
const small = Workspace.fromJson(SMALL);

function thrown(f, kind) {
  let error;
  assert.throws(f, (e) => {
    error = e;
    return true;
  });
  assert.ok(isPilotageError(error), String(error));
  assert.equal(error.kind, kind, error.message);
  return error;
}

for (const period of PERIODS) {
  test(`evaluate(${period}) equals the main job's evaluation, number for number`, () => {
    const expected = mainJob(period).evaluation;
    const actual = sample.evaluate(period);
    assert.deepStrictEqual(actual, expected);
    // deepStrictEqual compares numbers with Object.is; spot-check that scores are real numbers.
    const root = actual.nodes[0];
    assert.equal(root.id, "scorecard");
    assert.equal(typeof root.score, "number");
    assert.ok(actual.nodes.length > 40 && actual.links.length > 5);
  });

  test(`headline(${period}) equals the main job's headline, money as exact strings`, () => {
    const expected = mainJob(period).headline;
    const actual = sample.headline(period);
    assert.deepStrictEqual(actual, expected);
    assert.match(actual.finance.leverage.value, /^\d+\.\d{4}$/);
    assert.match(actual.funds.total.signed, /^\d+\.\d{2}$/);
    assert.equal(actual.finance.leverage.formula, "external funds / own funds");
  });
}

test("evaluateRange gives each period's evaluation, equal to evaluate and to the main job", () => {
  // 2024-Q4 to 2025-Q4: five quarters (Q4, Q1, Q2, Q3, Q4).
  const range = sample.evaluateRange("2024-Q4", "2025-Q4");
  assert.deepEqual(
    range.map((e) => e.period),
    ["2024-Q4", "2025-Q1", "2025-Q2", "2025-Q3", "2025-Q4"],
  );
  assert.deepStrictEqual(range[0], mainJob("2024-Q4").evaluation);
  assert.deepStrictEqual(range[4], mainJob("2025-Q4").evaluation);
  assert.deepStrictEqual(range[2], sample.evaluate("2025-Q2"));
  thrown(() => sample.evaluateRange("2025-Q4", "2025-12"), "argument"); // not of the same frequency
  thrown(() => sample.evaluateRange("2025-Q4", "soon"), "period");
});

test("explain is the main job's --explain text, for an objective and an indicator", () => {
  for (const node of ["c_attractivite", "ind_entreprises_implantees"]) {
    const expected = fs.readFileSync(path.join(MAIN_JOB, `explain-2025-Q4-${node}.txt`), "utf8");
    assert.equal(sample.explain(node, "2025-Q4").trimEnd(), expected.trimEnd(), node);
  }
  // A period other than the cached one is evaluated afresh: 2024-Q4's root score is in it.
  const root2024 = mainJob("2024-Q4").evaluation.nodes[0];
  const text = sample.explain("scorecard", "2024-Q4");
  assert.match(text, /^scorecard scorecard ".*" at 2024-Q4: score /);
  // the formula is data (a tree ending "= score"); the text writes its result
  assert.equal(root2024.explanation.formula.op.name, "equals");
  assert.equal(root2024.explanation.formula.operands[1].value, root2024.score);
  assert.match(text, /\n  weighted_mean: \(.*\) \/ \d+ = /);
  const e = thrown(() => sample.explain("nowhere", "2025-Q4"), "not_found");
  assert.equal(e.message, 'node "nowhere" not found');
  thrown(() => sample.explain("scorecard", "2025-Q5"), "period");
});

test("explain in French: the main job's --lang fr --explain text; English stays the default", () => {
  for (const node of ["c_attractivite", "ind_entreprises_implantees"]) {
    const en = fs.readFileSync(path.join(MAIN_JOB, `explain-2025-Q4-${node}.txt`), "utf8");
    const fr = fs.readFileSync(path.join(MAIN_JOB, `explain-2025-Q4-${node}-fr.txt`), "utf8");
    assert.equal(sample.explain(node, "2025-Q4", "fr").trimEnd(), fr.trimEnd(), node);
    assert.equal(sample.explain(node, "2025-Q4", "fr-FR"), sample.explain(node, "2025-Q4", "fr"));
    assert.equal(sample.explain(node, "2025-Q4", "en").trimEnd(), en.trimEnd(), node);
    assert.equal(sample.explain(node, "2025-Q4", null), sample.explain(node, "2025-Q4"));
    assert.notEqual(fr.trimEnd(), en.trimEnd());
  }
  // i-delai at 2025-Q4, by hand: 38 days against goal 30 and red flag 60:
  // 10 * clamp(10/3 * ((38 - 60) / (30 - 60) + 1), 0, 10) = 5200/90 = 57.7778, amber between
  // the cut-offs 33.3333 and 66.6667; one quarterly measurement for a quarter: coverage 100 %.
  // French: decimal comma, U+00A0 before ":" and a unit and inside "T4 2025", U+202F before "%".
  const expected = [
    "indicateur i-delai « Délai d'instruction » en T4\u00a02025\u00a0: Score 57,7778, Vigilance, couverture 100\u202f%",
    "  pourquoi\u00a0: Vigilance\u00a0: 57,7778 est supérieur ou égal au seuil « Vigilance » 33,3333 et inférieur au seuil « Atteint » 66,6667",
    "  valeur 38\u00a0days",
    // French numbers in the formula too (issue #15), and `;` between the arguments
    "  calcul (objectif et seuil d’alerte)\u00a0: 10 * clamp(10/3 * ((38 - 60) / (30 - 60) + 1)\u00a0; 0\u00a0; 10) = 57,7778",
    "  mesures\u00a0: T4\u00a02025 = 38 (la mesure de T4\u00a02025 elle-même)",
    "",
  ].join("\n");
  assert.equal(small.explain("i-delai", "2025-Q4", "fr"), expected);
  assert.match(small.explain("i-delai", "2025-Q4"), /^indicator i-delai "Délai d'instruction" at 2025-Q4: score 57\.7778, amber/);
  const e = thrown(() => small.explain("i-delai", "2025-Q4", "de"), "argument");
  assert.match(e.message, /lang/);
  thrown(() => small.explain("nowhere", "2025-Q4", "fr"), "not_found");
});

test("the small fixture's scores, by hand", () => {
  const e = small.evaluate("2025-Q4");
  const byId = Object.fromEntries(e.nodes.map((n) => [n.id, n]));
  // i-delai, goal/red-flag with goal 30 and red flag 60 days, value 38:
  // 10 * clamp(10/3 * ((38 - 60) / (30 - 60) + 1), 0, 10) = 10 * 10/3 * (22/30 + 1)
  // = 10 * 10/3 * 52/30 = 5200/90 = 57.777...: amber (33.33 <= s < 66.67).
  assert.ok(Math.abs(byId["i-delai"].score - 5200 / 90) < 1e-9);
  assert.equal(byId["i-delai"].status, "amber");
  assert.equal(byId["i-delai"].value, 38);
  // Each objective has one indicator, each perspective one objective: scores carry up.
  assert.equal(byId["o-delais"].score, byId["i-delai"].score);
  assert.equal(byId["processus"].score, byId["i-delai"].score);
  assert.equal(byId["i-partners"].score, 80);
  assert.equal(byId["citoyens"].status, "green");
  assert.equal(e.nodes[0].status, "amber");
  assert.match(small.explain("i-delai", "2025-Q4"), /10 \* clamp\(10\/3 \* \(\(38 - 60\) \/ \(30 - 60\) \+ 1\), 0, 10\) = 57\.7778/);
});

test("latestPeriod and periods: the data's span in the fiscal calendar", () => {
  // The sample's latest data is in 2025-Q4 (the main job's default period).
  assert.equal(sample.latestPeriod(), "2025-Q4");
  assert.equal(sample.latestPeriod("yearly"), "2025");
  // The small fixture: measurements from 2025-Q1 to 2025-Q4, nothing earlier or later.
  assert.equal(small.latestPeriod("monthly"), "2025-12");
  assert.deepEqual(small.periods(), ["2025-Q1", "2025-Q2", "2025-Q3", "2025-Q4"]);
  assert.deepEqual(small.periods("yearly"), ["2025"]);
  assert.equal(small.periods("monthly").length, 12);
  const quarters = sample.periods("quarterly");
  assert.equal(quarters.at(-1), "2025-Q4");
  assert.ok(quarters.includes("2024-Q4") && quarters.includes("2019-Q4"));
  const empty = Workspace.fromObject({ schema_version: 1, organisation: "Vide" });
  assert.equal(empty.latestPeriod(), undefined);
  assert.deepEqual(empty.periods(), []);
  thrown(() => small.latestPeriod("weekly"), "argument");
  thrown(() => small.periods(4), "argument");
});

test("headline options: comparison period, top partners, leverage definition", () => {
  const h = sample.headline("2025-Q4", { compare_with: "2024-Q4", top_partners: 3, leverage: "total_over_own" });
  assert.equal(h.compared_with, "2024-Q4");
  assert.equal(h.lead_time.earlier.period, "2024-Q4");
  assert.equal(h.concentration.top_n, 3);
  assert.equal(h.finance.leverage.definition, "total_over_own");
  // (own + external) / own = 1 + external / own: the default leverage plus one, to 4 places
  // (both rounded from the same exact quotient, so they differ by exactly 1).
  const base = sample.headline("2025-Q4");
  assert.equal(Number(h.finance.leverage.value), Number(base.finance.leverage.value) + 1);
  assert.deepStrictEqual(sample.headline("2025-Q4", {}), base);
  assert.deepStrictEqual(sample.headline("2025-Q4", null), base);
  thrown(() => sample.headline("2025-Q4", { top: 3 }), "argument");
  thrown(() => sample.headline("2025-Q4", { top_partners: 0 }), "argument");
  thrown(() => sample.headline("2025-Q4", { leverage: "twice" }), "argument");
  // The third definition and the caseload rule, as the core computes them (the main job
  // prints the same: 206,464,800 / 3,003,490 = 68.74163..., 59 files in progress).
  const planned = sample.headline("2025-Q4", { leverage: "planned_cost_over_own", caseload: "in_progress" });
  assert.equal(planned.finance.leverage.formula, "total planned expenditure / own funds");
  assert.equal(planned.finance.leverage.value, "68.7416");
  assert.equal(planned.active_caseload, 59);
  assert.equal(base.finance.leverage_population.count, 129);
  thrown(() => sample.headline("2025-Q4", { caseload: "closed" }), "argument");
  thrown(() => sample.headline("2025-Q4", "top"), "argument");
  thrown(() => sample.headline("2025-Q9"), "period");
});

test("the metrics agree with the headline they make up (sample, 2025-Q4)", () => {
  const h = mainJob("2025-Q4").headline;
  assert.equal(sample.caseload("2025-Q4").count, h.active_caseload);
  assert.deepStrictEqual(sample.caseload("2025-12-31"), sample.caseload("2025-Q4"));
  assert.equal(sample.portfolioValue("2025-Q4").total, h.portfolio_value);
  assert.deepStrictEqual(sample.compareLeadTimes(h.compared_with, "2025-Q4"), h.lead_time);
  assert.deepStrictEqual(sample.leadTime("2025-Q4"), h.lead_time.later);
  assert.deepStrictEqual(sample.funds("2025-Q4"), h.funds);
  assert.deepStrictEqual(sample.outstanding("2025-Q4"), h.outstanding);
  assert.deepStrictEqual(sample.portfolioFinance("2025-Q4"), h.finance);
  assert.deepStrictEqual(sample.partnerCounts("2025-Q4"), h.partners);
  assert.deepStrictEqual(sample.concentration(5, "2025-Q4"), h.concentration);
  assert.deepStrictEqual(sample.transversality("2025-Q4"), h.transversality);
  const years = [h.investment_capacity.earlier.period, h.investment_capacity.later.period];
  assert.deepStrictEqual(sample.compareCapacity(years[0], years[1]), h.investment_capacity);
  assert.deepStrictEqual(sample.investmentCapacity(years[1]), h.investment_capacity.later);
});

test("the metrics of the small fixture, by hand", () => {
  // Active on 2025-12-31: pr-1 (approved), pr-2 and pr-3 (registered); none closed.
  assert.deepEqual(small.caseload("2025-12-31"), {
    date: "2025-12-31",
    options: { rejected_until_closed: true, delivered_until_closed: true },
    rule: "registered and not closed or abandoned; rejected and delivered files count until closed",
    count: 3,
    projects: ["pr-1", "pr-2", "pr-3"],
    by_stage: { registered: 2, approved: 1 },
    by_lead_service: { finances: 1, urbanisme: 2 },
    by_objective: { "o-attractivite": 1 },
    without_objective: 2,
  });
  // On 2025-03-01 only pr-1 is registered (2025-01-15), complete since 2025-02-01.
  assert.deepEqual(small.caseload("2025-03-01").by_stage, { complete: 1 });
  assert.deepEqual(small.workInProgress("2025-Q4").by_stage, { registered: ["pr-2", "pr-3"], approved: ["pr-1"] });
  // pr-1: 2025-01-15 to 2025-12-31 = 16 (rest of January) + 334 (February to December) = 350
  // days; approved since 2025-03-20: 11 (rest of March) + 275 (April to December) = 286.
  const [oldest] = small.ageing("2025-12-31");
  assert.deepEqual(oldest, {
    project: "pr-1",
    registered: "2025-01-15",
    stage: "approved",
    stage_since: "2025-03-20",
    days_since_registration: 350,
    days_in_stage: 286,
  });
  // Registered 2025-01-15, decided (approved) 2025-03-20: 16 + 28 + 20 = 64 days.
  const lead = small.leadTime("2025-Q1");
  assert.deepEqual([lead.count, lead.mean_days, lead.median_days, lead.max_days], [1, 64, 64, 64]);
  assert.deepEqual(small.leadTime("2025-Q1", { start: "complete", stop: "approved" }).files[0].days, 47); // 27 + 20
  const cmp = small.compareLeadTimes("2025-Q1", "2025-Q2");
  assert.equal(cmp.mean_ratio, null);
  assert.deepEqual(cmp.notes, [{ code: "no_files", period: "2025-Q2", stop: "decision", through: null }]);
  assert.deepEqual(small.throughput("2025-Q1"), {
    period: "2025-Q1",
    registered: ["pr-1"],
    approved: ["pr-1"],
    rejected: [],
    delivered: [],
  });
  assert.deepEqual(small.delivery().projects, []);
  assert.equal(small.delivery("2025").period, "2025");
  // Funds: c-1 pledged 300000.00 (2025-02-10) and signed 0.10 (2025-04-01); c-2 signed
  // 500000 (2025-06-30). As of 2025-04-01: signed 0.10; as of 2025-Q4: 0.10 + 500000 = 500000.10.
  assert.deepEqual(small.funds("2025-04-01").total, { pledged: "300000.00", signed: "0.10", received: "0" });
  assert.deepEqual(small.funds("2025-Q4").total, { pledged: "300000.00", signed: "500000.10", received: "0" });
  // Within Q2 (April to June): both signatures, no pledge.
  assert.deepEqual(small.fundsWithin("2025-Q2").total, { pledged: "0", signed: "500000.10", received: "0" });
  // Outstanding: c-1 pledged 300000.00 - signed 0.10 = 299999.90 not signed yet.
  const out = small.outstanding("2025-Q4");
  assert.equal(out.pledged_not_signed, "299999.90");
  assert.equal(out.signed_not_received, "500000.10");
  // Planned costs of the active files: 1250000.10 + 98765432109876543.21 = 98765432111126543.31
  // exactly (pr-3 has none), a sum no float could hold.
  const value = small.portfolioValue("2025-Q4");
  assert.equal(value.total, "98765432111126543.31");
  assert.deepEqual(value.without_planned_cost, ["pr-3"]);
  // pr-1: own 400000.00, signed external 0.10: leverage 0.10 / 400000 = 0.00000025 -> 0.0000.
  const pf = small.projectFinance("pr-1");
  assert.equal(pf.leverage.value, "0.0000");
  assert.equal(small.projectFinance("pr-1", "2025-03-31").external.signed, "0");
  assert.equal(small.projectFinance("pr-1", null, { basis: "pledged" }).external.pledged, "300000.00");
  // Concentration: p-banque 500000 of 500000.10 = 0.9999998 -> "1.0000"; top 1 share the same.
  const c = small.concentration(1);
  assert.deepEqual([c.total, c.top_n, c.top_share, c.partners[0].partner], ["500000.10", 1, "1.0000", "p-banque"]);
  assert.equal(small.concentration(undefined, "2025-04-30").total, "0.10");
  // Transversality: pr-1 (urbanisme + finances) of 3 projects = 0.3333.
  assert.equal(small.transversality().share, "0.3333");
  assert.deepEqual(small.transversality("2025-03-01").transversal, ["pr-1"]);
  // Members at the end of 2025-Q4: p-region (joined 2024-06-01) and p-banque (undated).
  const partners = small.partnerCounts("2025-Q4");
  assert.deepEqual([partners.members, partners.undated, partners.new], [["p-region", "p-banque"], ["p-banque"], []]);
  // Capacity of 2025: pr-1 (approved 2025-03-20): own 400000.00 + signed 0.10 = 400000.10.
  assert.equal(small.investmentCapacity("2025").total, "400000.10");
  assert.deepEqual(small.compareCapacity("2024", "2025").note, { code: "no_investment", period: "2024" });
});

test("metric arguments: bad dates, periods, options and ids throw typed errors", () => {
  thrown(() => small.caseload("yesterday"), "argument");
  thrown(() => small.caseload("2025-02-30"), "argument");
  thrown(() => small.funds(""), "argument");
  thrown(() => small.leadTime("2025-Q5"), "period");
  // an options object is read onto the core's defaults: a field left out is the core's
  assert.deepEqual(small.leadTime("2025-Q1", { start: "registered" }), small.leadTime("2025-Q1"));
  assert.deepEqual(small.leadTime("2025-Q1", {}).options, { start: "registered", stop: "decision" });
  thrown(() => small.leadTime("2025-Q1", { begin: "registered" }), "argument");
  thrown(() => small.leadTime("2025-Q1", { start: "birth", stop: "decision" }), "argument");
  thrown(() => small.portfolioFinance("2025-Q4", { basis: "paid" }), "argument");
  thrown(() => small.concentration(0), "argument");
  const e = thrown(() => small.projectFinance("pr-999"), "not_found");
  assert.equal(e.message, 'project "pr-999" not found');
  thrown(() => small.throughput("Q4"), "period");
  thrown(() => small.delivery("2025-13"), "period");
});

test("a decoded but numerically invalid workspace is refused by evaluate, not evaluated", () => {
  const o = JSON.parse(SMALL);
  o.scorecard.perspectives[0].weight = -1;
  const ws = Workspace.parseObject(o);
  assert.ok(ws.problems().length > 0);
  const e = thrown(() => ws.evaluate("2025-Q4"), "invalid");
  assert.ok(e.problems.some((p) => p.path.startsWith("scorecard.perspectives[citoyens]")), JSON.stringify(e.problems));
  thrown(() => ws.explain("scorecard", "2025-Q4"), "invalid");
});
