#!/usr/bin/env node
// Prints the raw, gzip and brotli size of the .wasm and of the whole web package, writes
// them as JSON, and exits with status 1 when the package is over the gzip budget.
// Usage: node tools/size.cjs PKG_DIR OUT_JSON
"use strict";
const fs = require("node:fs");
const path = require("node:path");
const zlib = require("node:zlib");

const BUDGET_GZIP_BYTES = 400 * 1024;

function sizes(bytes) {
  return {
    raw: bytes.length,
    gzip: zlib.gzipSync(bytes, { level: 9 }).length,
    brotli: zlib.brotliCompressSync(bytes, {
      params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 11 },
    }).length,
  };
}

const kb = (n) => `${(n / 1024).toFixed(1)} KB`;
const [dir, out] = process.argv.slice(2);
if (!dir || !out) {
  console.error("usage: node tools/size.cjs PKG_DIR OUT_JSON");
  process.exit(2);
}

const files = fs.readdirSync(dir).filter((f) => fs.statSync(path.join(dir, f)).isFile()).sort();
const perFile = {};
const total = { raw: 0, gzip: 0, brotli: 0 };
for (const f of files) {
  const s = sizes(fs.readFileSync(path.join(dir, f)));
  perFile[f] = s;
  for (const k of Object.keys(total)) total[k] += s[k];
}
const wasm = perFile["pilotage_wasm_bg.wasm"];
if (!wasm) {
  console.error(`no pilotage_wasm_bg.wasm in ${dir}`);
  process.exit(1);
}
for (const f of files) {
  const s = perFile[f];
  console.log(`${f.padEnd(28)} raw ${kb(s.raw).padStart(9)}  gzip ${kb(s.gzip).padStart(9)}  brotli ${kb(s.brotli).padStart(9)}`);
}
console.log(`${"package (sum of files)".padEnd(28)} raw ${kb(total.raw).padStart(9)}  gzip ${kb(total.gzip).padStart(9)}  brotli ${kb(total.brotli).padStart(9)}`);
const report = { wasm, package: total, files: perFile, budget_gzip: BUDGET_GZIP_BYTES };
fs.mkdirSync(path.dirname(out), { recursive: true });
fs.writeFileSync(out, JSON.stringify(report, null, 2) + "\n");
if (total.gzip > BUDGET_GZIP_BYTES) {
  console.error(`over budget: the package is ${kb(total.gzip)} gzipped, the budget is ${kb(BUDGET_GZIP_BYTES)}`);
  process.exit(1);
}
console.log(`within budget: ${kb(total.gzip)} of ${kb(BUDGET_GZIP_BYTES)} gzipped`);
