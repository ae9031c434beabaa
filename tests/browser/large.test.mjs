// Long texts: a 5 MB paste is annotated in the worker while the page stays responsive, shows
// progress and can be cancelled; above the limit the reader gets a message, not a hang.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { serve, launch, watch, ready, ROOT } from './helpers.mjs';

let server;
let browser;

before(async () => {
  server = await serve();
  browser = await launch();
});

after(async () => {
  await browser?.close();
  await server?.close();
});

const seedText = fs.readdirSync(path.join(ROOT, 'seeds')).filter((f) => f.endsWith('.txt')).sort()
  .map((f) => fs.readFileSync(path.join(ROOT, 'seeds', f), 'utf8')).join('\n');

/** Pastes `text` (built in the page from `unit` × `times`) as one input event. */
function paste(page, unit, times) {
  return page.evaluate(({ u, n }) => {
    const ta = document.querySelector('#article');
    ta.value = u.repeat(n);
    ta.dispatchEvent(new Event('input', { bubbles: true }));
    return ta.value.length;
  }, { u: unit, n: times });
}

/** Starts measuring the longest gap between timer ticks on the page's main thread. */
function probe(page) {
  return page.evaluate(() => {
    window.__gap = 0;
    let last = performance.now();
    window.__probe = setInterval(() => {
      const now = performance.now();
      window.__gap = Math.max(window.__gap, now - last);
      last = now;
    }, 20);
  });
}

test('a 5 MB paste is annotated in the worker; the page stays responsive', async () => {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  const seen = watch(page, server.origin);
  await page.goto(server.url);
  await ready(page);
  const times = Math.ceil(5_000_000 / seedText.length);
  const t0 = Date.now();
  const length = await paste(page, `${seedText}\n`, times);
  await probe(page);
  await page.waitForSelector('#progress-row:not([hidden])');
  // the main thread answers while the worker works
  const t1 = Date.now();
  await page.evaluate(() => document.querySelector('#article').value.length);
  const answer = Date.now() - t1;
  await page.waitForFunction(() => document.body.dataset.annotated, null, { timeout: 60000 });
  const total = Date.now() - t0;
  const gap = await page.evaluate(() => { clearInterval(window.__probe); return window.__gap; });
  const quotes = await page.$$eval('#output mark[data-layer="quote"]:not([data-part])', (ms) => ms.length);
  const status = await page.textContent('#status');
  console.log(`# ${length} characters: annotated and shown in ${total} ms; longest main-thread stall ${gap.toFixed(0)} ms; ${quotes} quotes; status: ${status}`);
  assert.ok(length >= 5_000_000);
  assert.ok(quotes > 1000);
  assert.match(status, /annotated in .* parts/);
  assert.ok(answer < 2000, `the page answered in ${answer} ms`);
  assert.ok(gap < 3000, `longest stall ${gap} ms`);
  assert.deepEqual(seen.errors, []);
  assert.deepEqual(seen.foreign, []);
  await context.close();
});

test('a long job shows progress and can be cancelled', async () => {
  const context = await browser.newContext();
  const page = await context.newPage();
  const seen = watch(page, server.origin);
  await page.goto(server.fakeUrl);
  await ready(page);
  await paste(page, 'SLOW-FIXTURE paragraph of a long article that takes a while.\n', 40000); // ~2.5 MB, 10 slow parts
  await page.waitForFunction(() => document.querySelector('#progress').value >= 1, null, { timeout: 10000 });
  assert.match(await page.textContent('#status'), /part \d+ of \d+/);
  await page.click('#cancel');
  assert.match(await page.textContent('#status'), /cancelled/);
  assert.equal(await page.isVisible('#progress-row'), false);
  await page.waitForTimeout(2000);
  assert.equal(await page.evaluate(() => document.body.dataset.annotated), undefined, 'the cancelled job never renders');
  assert.match(await page.textContent('#status'), /cancelled/);
  // the fresh worker still annotates
  await page.fill('#article', 'Short text, “short quote,” she said.');
  await page.waitForFunction(() => document.body.dataset.annotated, null, { timeout: 10000 });
  assert.deepEqual(seen.errors, []);
  await context.close();
});

test('above the limit the reader gets a message instead of a hang', async () => {
  const context = await browser.newContext();
  const page = await context.newPage();
  const seen = watch(page, server.origin);
  await page.goto(server.url);
  await ready(page);
  const length = await paste(page, 'x'.repeat(1024 * 1024), 11);
  await page.waitForFunction(() => /too long/.test(document.querySelector('#notice').textContent), null, { timeout: 10000 });
  assert.ok(length > 10 * 1024 * 1024);
  assert.match(await page.textContent('#status'), /Not annotated: .* up to 10,485,760 characters/);
  assert.equal(await page.evaluate(() => document.body.dataset.annotated), undefined);
  assert.deepEqual(seen.errors, []);
  await context.close();
});
