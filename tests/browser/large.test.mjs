// Long texts: a 5 MB paste is annotated in the worker while the page stays responsive, shows
// progress and can be cancelled; above the limit the reader gets a message, not a hang.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { watch, ready, ROOT, useBrowser } from './helpers.mjs';

const env = useBrowser();

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

// The page's side of a 5 MB paste, with the fixture annotator's fast "bulk" analysis (tens of
// thousands of marks on every layer), so the test measures the page, not the core's speed.
const BULK = 'BULK-FIXTURE Ana Ruiz said “we may clearly win this,” and Ben Okafor replied “not reportedly.” Chen Wei, Dara Novak and Eli Stone agreed.\n';

test('a 5 MB paste is annotated in the worker; the page stays responsive', async () => {
  const context = await env.browser.newContext({ viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  const seen = watch(page, env.server.origin);
  await page.goto(env.server.fakeUrl);
  await ready(page);
  const t0 = Date.now();
  const length = await paste(page, BULK, Math.ceil(5_000_000 / BULK.length));
  await probe(page);
  await page.waitForSelector('#progress-row:not([hidden])');
  // the main thread answers while the worker works
  const t1 = Date.now();
  await page.evaluate(() => document.querySelector('#article').value.length);
  const answer = Date.now() - t1;
  await page.waitForFunction(() => document.body.dataset.annotated, null, { timeout: 60000 });
  const total = Date.now() - t0;
  const gap = await page.evaluate(() => { clearInterval(window.__probe); return window.__gap; });
  const marks = await page.$$eval('#output mark', (ms) => ms.length);
  const status = await page.textContent('#status');
  console.log(`# ${length} characters, ${marks} marks: annotated and shown in ${total} ms; longest main-thread stall ${gap.toFixed(0)} ms; status: ${status}`);
  assert.ok(length >= 5_000_000);
  assert.ok(marks > 100000);
  assert.match(status, /annotated in .* parts/);
  assert.ok(answer < 2000, `the page answered in ${answer} ms`);
  assert.ok(gap < 3000, `longest stall ${gap} ms`);
  // the last paragraph made it
  assert.equal(await page.$eval('#output p:last-child', (p) => p.textContent), BULK.slice(0, -1));
  assert.deepEqual(seen.errors, []);
  assert.deepEqual(seen.foreign, []);
  await context.close();
});

test('the real annotator on a text long enough to go in parts: merged ids and offsets hold', async () => {
  const context = await env.browser.newContext({ acceptDownloads: true });
  const page = await context.newPage();
  const seen = watch(page, env.server.origin);
  await page.goto(env.server.url);
  await ready(page);
  const length = await paste(page, `${seedText}\n`, Math.ceil(300_000 / (seedText.length + 1)));
  await page.waitForFunction(() => document.body.dataset.annotated, null, { timeout: 60000 });
  assert.match(await page.textContent('#status'), /annotated in .* in 2 parts/);
  const [dl] = await Promise.all([page.waitForEvent('download'), page.click('[data-export="json"]')]);
  const analysis = JSON.parse(fs.readFileSync(await dl.path(), 'utf8'));
  const text = await page.inputValue('#article');
  assert.equal(text.length, length);
  analysis.quotes.forEach((q, i) => {
    assert.equal(q.id, `q${i + 1}`);
    assert.equal(text.slice(q.start, q.end), q.text);
    if (q.speaker && q.speaker.mention) assert.equal(text.slice(q.speaker.mention.start, q.speaker.mention.end), q.speaker.mention.text);
    if (q.nested_in) assert.ok(analysis.quotes.some((o) => o.id === q.nested_in && o.start <= q.start && q.end <= o.end));
  });
  const ids = new Set(analysis.entities.map((e) => e.id));
  assert.equal(ids.size, analysis.entities.length, 'entity ids unique after the merge');
  for (const e of analysis.entities) for (const m of e.mentions) assert.equal(text.slice(m.start, m.end), m.text);
  for (const q of analysis.quotes) if (q.speaker && q.speaker.entity) assert.ok(ids.has(q.speaker.entity));
  const marks = await page.$$eval('#output mark[data-layer="quote"]:not([data-part])', (ms) => ms.length);
  assert.equal(marks, analysis.quotes.length);
  assert.deepEqual(seen.errors, []);
  await context.close();
});

test('a long job shows progress and can be cancelled', async () => {
  const context = await env.browser.newContext();
  const page = await context.newPage();
  const seen = watch(page, env.server.origin);
  await page.goto(env.server.fakeUrl);
  await ready(page);
  await paste(page, 'SLOW-FIXTURE paragraph of a long article that takes a while.\n', 20000); // ~1.2 MB, 5 slow parts
  await page.waitForFunction(() => document.querySelector('#progress').value >= 1, null, { timeout: 10000 });
  assert.match(await page.textContent('#status'), /part \d+ of \d+/);
  await page.click('#cancel');
  assert.match(await page.textContent('#status'), /cancelled/);
  assert.equal(await page.isVisible('#progress-row'), false);
  await page.waitForTimeout(1000);
  assert.equal(await page.evaluate(() => document.body.dataset.annotated), undefined, 'the cancelled job never renders');
  assert.match(await page.textContent('#status'), /cancelled/);
  // the fresh worker still annotates
  await page.fill('#article', 'Short text, “short quote,” she said.');
  await page.waitForFunction(() => document.body.dataset.annotated, null, { timeout: 10000 });
  assert.deepEqual(seen.errors, []);
  await context.close();
});

test('above the limit the reader gets a message instead of a hang', async () => {
  const context = await env.browser.newContext();
  const page = await context.newPage();
  const seen = watch(page, env.server.origin);
  await page.goto(env.server.url);
  await ready(page);
  const length = await paste(page, 'x'.repeat(1024 * 1024), 11);
  await page.waitForFunction(() => /too long/.test(document.querySelector('#notice').textContent), null, { timeout: 30000 });
  assert.ok(length > 10 * 1024 * 1024);
  assert.match(await page.textContent('#status'), /Not annotated: .* up to 10,485,760 characters/);
  assert.equal(await page.evaluate(() => document.body.dataset.annotated), undefined);
  assert.deepEqual(seen.errors, []);
  await context.close();
});
