// The fuzz corpus through the Node build (bindings-wasm/pkg/node): no panic crosses into JS.
//   node --test bindings-wasm/tests/corpus.test.cjs
//
// Every file of fuzz/corpus/workspace_load/ and fuzz/regressions/*/ goes through
// Workspace.fromJson and Workspace.parseJson (and, when it loads, a save and a load back);
// every file of fuzz/corpus/period_parse/ goes through parsePeriod. A failure must be an
// Error named PilotageError with a `problems` array, never a wasm trap (`RuntimeError:
// unreachable`, what a Rust panic becomes) or any other throw. Files that are not UTF-8
// reach the API as JS strings with U+FFFD, as a browser's FileReader would give them.
"use strict";
const test = require("node:test");
const assert = require("node:assert/strict");
const fs = require("node:fs");
const path = require("node:path");

const { Workspace, parsePeriod, isPilotageError } = require("../pkg/node/pilotage_wasm.js");

const FUZZ = path.join(__dirname, "..", "..", "fuzz");

/** The files directly inside each folder (sorted), skipping folders that do not exist. */
function filesIn(...dirs) {
  const out = [];
  for (const dir of dirs) {
    if (!fs.existsSync(dir)) continue;
    for (const name of fs.readdirSync(dir).sort()) {
      const file = path.join(dir, name);
      if (fs.statSync(file).isFile()) out.push(file);
    }
  }
  return out;
}

const regressionDirs = fs
  .readdirSync(path.join(FUZZ, "regressions"))
  .sort()
  .map((d) => path.join(FUZZ, "regressions", d));
const WORKSPACE_FILES = filesIn(path.join(FUZZ, "corpus", "workspace_load"), ...regressionDirs);
const PERIOD_FILES = filesIn(path.join(FUZZ, "corpus", "period_parse"), path.join(FUZZ, "regressions", "period_parse"));

/** Runs `f`; returns undefined when it returned, else checks the throw is a PilotageError. */
function failure(f, what) {
  try {
    f();
    return undefined;
  } catch (e) {
    assert.ok(!(e instanceof WebAssembly.RuntimeError), `${what}: a wasm trap: ${e && e.stack}`);
    assert.ok(e instanceof Error, `${what}: threw a non-Error: ${String(e)}`);
    assert.equal(e.name, "PilotageError", `${what}: ${e.stack}`);
    assert.ok(isPilotageError(e), what);
    assert.ok(Array.isArray(e.problems), `${what}: problems is an array`);
    assert.ok(typeof e.message === "string" && e.message.length > 0, `${what}: a message`);
    for (const p of e.problems) {
      assert.ok(typeof p.path === "string" && p.path.length > 0, `${what}: a problem names a path`);
      assert.ok(typeof p.message === "string" && p.message.length > 0, `${what}: a problem says why`);
    }
    return e;
  }
}

test("the corpus is there", () => {
  // In git: 5 seeds and 2 kept inputs of the loader, 22 seeds of the period parser.
  assert.ok(WORKSPACE_FILES.length >= 7, `${WORKSPACE_FILES.length} workspace files`);
  assert.ok(PERIOD_FILES.length >= 22, `${PERIOD_FILES.length} period files`);
});

test("every workspace file loads or throws a PilotageError with problems", () => {
  let loaded = 0;
  let refused = 0;
  for (const file of WORKSPACE_FILES) {
    const what = path.relative(FUZZ, file);
    const text = fs.readFileSync(file).toString("utf8");
    let ws;
    const e = failure(() => {
      ws = Workspace.fromJson(text);
    }, what);
    failure(() => Workspace.parseJson(text), `${what} (parseJson)`);
    if (e === undefined) {
      loaded += 1;
      const saved = ws.toJson();
      assert.equal(Workspace.fromJson(saved).toJson(), saved, `${what}: save and load back`);
      ws.free();
    } else {
      refused += 1;
      assert.ok(["json", "invalid", "argument"].includes(e.kind), `${what}: kind ${e.kind}`);
      if (e.kind === "invalid") assert.ok(e.problems.length > 0, `${what}: an invalid workspace lists its problems`);
    }
  }
  // The valid seeds load (full-valid, minimal, readme...), the others are refused.
  assert.ok(loaded >= 3 && refused >= 2, `${loaded} loaded, ${refused} refused`);
});

test("every period file parses or throws a PilotageError", () => {
  for (const file of PERIOD_FILES) {
    const what = path.relative(FUZZ, file);
    const text = fs.readFileSync(file).toString("utf8");
    for (const start of [undefined, 1, 7]) {
      let info;
      const e = failure(() => {
        info = parsePeriod(text, start);
      }, `${what} (fiscal year from ${start})`);
      if (e === undefined) {
        assert.ok(typeof info.text === "string" && info.text.length > 0, what);
        assert.equal(parsePeriod(info.text, start).text, info.text, `${what}: prints and parses back`);
      }
    }
  }
});
