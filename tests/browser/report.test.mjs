// The HTML reports of the sample city, opened in Debian's headless Chromium through
// playwright-core: the rendered text holds the names and figures the core computed
// (target/report-<lang>.expected.json, written by `examples/report.rs`), no text overlaps,
// nothing is broken, and every section is saved as a screenshot for a person to look at.
//
// Run by scripts/test.d/report.sh (which writes the reports first):
//   node --test tests/browser/report.test.mjs
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import http from 'node:http';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const TARGET = path.join(ROOT, 'target');
const SHOTS = path.join(TARGET, 'screenshots');
const LANGS = ['fr', 'en'];
const FLAGS = [
  '--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync',
];

// Both no-break spaces the locale writes (U+00A0, U+202F) compare as plain spaces.
const norm = (s) => s.replace(/[\u00a0\u202f]/g, ' ').replace(/[ \t]+/g, ' ');

let server;
let base;
let browser;

before(async () => {
  // A static server of target/ on 127.0.0.1 only, for the reports (bounded: closed in after()).
  server = http.createServer((req, res) => {
    const name = decodeURIComponent(new URL(req.url, 'http://x').pathname).replace(/^\/+/, '');
    const file = path.join(TARGET, name);
    if (name === 'favicon.ico') {
      res.writeHead(204).end(); // the browser asks for it by itself; the report links none
      return;
    }
    if (!file.startsWith(TARGET + path.sep) || !/^report-(fr|en)\.html$/.test(name) || !fs.existsSync(file)) {
      res.writeHead(404).end();
      return;
    }
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(fs.readFileSync(file));
  });
  await new Promise((ok) => server.listen(0, '127.0.0.1', ok));
  base = `http://127.0.0.1:${server.address().port}`;
  browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: FLAGS, timeout: 60_000 });
  fs.mkdirSync(SHOTS, { recursive: true });
});

after(async () => {
  await browser?.close();
  await new Promise((ok) => (server ? server.close(ok) : ok()));
});

// Every pair of boxes that overlap by more than `slack` px in both directions (touching allowed).
function overlaps(boxes, slack = 0.5) {
  const out = [];
  for (let i = 0; i < boxes.length; i++) {
    for (let j = i + 1; j < boxes.length; j++) {
      const a = boxes[i];
      const b = boxes[j];
      const w = Math.min(a.right, b.right) - Math.max(a.left, b.left);
      const h = Math.min(a.bottom, b.bottom) - Math.max(a.top, b.top);
      if (w > slack && h > slack) out.push(`${a.text} ⟂ ${b.text} (${w.toFixed(1)}×${h.toFixed(1)} px)`);
    }
  }
  return out;
}

for (const lang of LANGS) {
  test(`report-${lang}: names, figures, layout, screenshots`, { timeout: 120_000 }, async () => {
    const expected = JSON.parse(fs.readFileSync(path.join(TARGET, `report-${lang}.expected.json`), 'utf8'));
    const page = await browser.newPage({ viewport: { width: 1100, height: 900 } });
    const errors = [];
    page.on('pageerror', (e) => errors.push(String(e)));
    page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
    const requests = [];
    page.on('request', (r) => new URL(r.url()).pathname !== '/favicon.ico' && requests.push(r.url()));
    const response = await page.goto(`${base}/report-${lang}.html`, { waitUntil: 'load', timeout: 30_000 });
    assert.equal(response.status(), 200);
    assert.equal(await page.getAttribute('html', 'lang'), lang);
    assert.deepEqual(errors, [], 'no error in the page');
    // Self-contained: the page loads nothing but itself.
    assert.deepEqual(requests, [`${base}/report-${lang}.html`]);

    const text = norm(await page.evaluate(() => document.body.innerText));
    const has = (s, what) => assert.ok(text.includes(norm(s)), `${what}: ${JSON.stringify(s)} not in the rendered text`);
    // The cover writes the organisation in capitals (CSS text-transform, which innerText applies).
    assert.ok(text.toLocaleLowerCase(lang).includes(norm(expected.organisation).toLocaleLowerCase(lang)), 'organisation');
    has(expected.period, 'period');
    for (const p of expected.perspectives) {
      has(p.name, 'perspective');
      for (const o of p.objectives) has(o, 'objective');
      // The perspective's row of the overview table shows its score as the locale formats it.
      const row = norm(await page.locator(`#overview tr.persp:has(a[href="#node-${p.id}"])`).first().innerText());
      assert.ok(row.includes(p.name) && new RegExp(`(^|\\s)${p.score}(\\s|$)`).test(row), `score ${p.score} in ${row}`);
    }
    has(expected.active_caseload, 'active caseload');
    has(expected.lead_time_ratio, 'lead-time ratio');
    has(expected.leverage, 'leverage');
    has(expected.leverage_numerator, 'leverage numerator');
    has(expected.leverage_denominator, 'leverage denominator');
    assert.equal(await page.locator('#cards article.card').count(), expected.cards, 'one card per indicator');

    // Every section is there and visible.
    for (const id of expected.sections) {
      const box = await page.locator(`section#${id}`).boundingBox();
      assert.ok(box && box.width > 0 && box.height > 0, `section ${id} is rendered`);
    }

    const report = await page.evaluate(() => {
      const r = (e) => e.getBoundingClientRect();
      const box = (e, text) => {
        const b = r(e);
        return { left: b.left + scrollX, right: b.right + scrollX, top: b.top + scrollY, bottom: b.bottom + scrollY, text };
      };
      const docWidth = document.documentElement.clientWidth;
      // SVG text boxes, per SVG (nested SVGs of a stack count as their own picture).
      const svgs = [...document.querySelectorAll('svg')].map((svg, i) => ({
        id: `${svg.closest('section')?.id ?? 'page'} svg#${i} ${svg.querySelector(':scope > title')?.textContent ?? ''}`,
        width: r(svg).width,
        height: r(svg).height,
        texts: [...svg.querySelectorAll('text')]
          .filter((t) => t.closest('svg') === svg && t.textContent.trim() !== '')
          .map((t) => box(t, t.textContent.trim().slice(0, 40))),
      }));
      // HTML text-bearing blocks: table cells row by row, cards, explanation blocks.
      const rows = [...document.querySelectorAll('tr')].map((tr) => [...tr.children].map((c) => box(c, c.innerText.trim().slice(0, 40))));
      const cells = [...document.querySelectorAll('th, td')].filter((c) => c.scrollWidth > c.clientWidth + 1)
        .map((c) => c.innerText.slice(0, 40));
      const cards = [...document.querySelectorAll('article.card')].map((c) => box(c, c.id));
      const blocks = [...document.querySelectorAll('.explain')].map((c) => box(c, c.id || c.className));
      const wide = [...document.querySelectorAll('body *')]
        .filter((e) => { const b = r(e); return b.width > 0 && (b.right > docWidth + 0.5 || b.left < -0.5); })
        .map((e) => `${e.tagName.toLowerCase()}.${e.className?.baseVal ?? e.className}`);
      return {
        docWidth,
        scrollWidth: document.documentElement.scrollWidth,
        svgs, rows, cells, cards, blocks, wide,
      };
    });

    assert.ok(report.svgs.length >= 5 + expected.cards, `${report.svgs.length} pictures`);
    // The overlap checks below look at real text: hundreds of labels, not an empty list.
    const labels = report.svgs.reduce((n, s) => n + s.texts.length, 0);
    assert.ok(labels > 300, `${labels} SVG labels measured`);
    for (const svg of report.svgs) {
      assert.ok(svg.width > 0 && svg.height > 0, `${svg.id} has a size`);
      assert.deepEqual(overlaps(svg.texts), [], `text overlaps in ${svg.id}`);
    }
    for (const row of report.rows) assert.deepEqual(overlaps(row), [], 'table cells overlap');
    assert.deepEqual(report.cells, [], 'table cells whose text overflows');
    assert.deepEqual(overlaps(report.cards), [], 'indicator cards overlap');
    assert.deepEqual(overlaps(report.blocks), [], 'explanation blocks overlap');
    assert.ok(report.scrollWidth <= report.docWidth, `page scrolls sideways: ${report.scrollWidth} > ${report.docWidth}`);
    assert.deepEqual(report.wide, [], 'elements past the page width');

    await page.locator('header.cover').screenshot({ path: path.join(SHOTS, `report-${lang}-header.png`) });
    for (const id of expected.sections) {
      await page.locator(`section#${id}`).screenshot({ path: path.join(SHOTS, `report-${lang}-${id}.png`), timeout: 30_000 });
    }
    await page.close();
  });
}
