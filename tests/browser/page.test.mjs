// The foundation page in Chromium: it loads under a sub-path, initialises the wasm, annotates a
// sample, and its quote marks match the gold quotes; no console error, no foreign request.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { watch, recordCsp, gold, ready, norm, ROOT, useBrowser } from './helpers.mjs';
import { parseCsv } from './csv.mjs';
import init, { annotate } from '../../www/pkg/newslens.js';

await init({ module_or_path: fs.readFileSync(path.join(ROOT, 'www/pkg/newslens_bg.wasm')) });

const env = useBrowser();

/** The text of every direct or partial quote mark, joined over the parts of a split mark. */
async function quoteMarks(page) {
  return page.$$eval('#output mark[data-layer="quote"]:is([data-kind="direct"], [data-kind="partial"])', (marks) => {
    const byId = new Map();
    for (const m of marks) byId.set(m.dataset.id, (byId.get(m.dataset.id) || '') + m.textContent);
    return [...byId.values()];
  });
}

async function pickSample(page, file) {
  if ((await page.inputValue('#sample')) === file) await page.selectOption('#sample', '');
  const before = await page.evaluate(() => document.body.dataset.annotated || '');
  await page.selectOption('#sample', file);
  await page.waitForFunction((prev) => {
    const now = document.body.dataset.annotated || '';
    return now !== prev && now !== '';
  }, before, { timeout: 15000 });
}

test('the page annotates every sample and its quote marks match the gold quotes', async () => {
  const context = await env.browser.newContext({ viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  await recordCsp(page);
  const seen = watch(page, env.server.origin);
  const t0 = Date.now();
  await page.goto(env.server.url);
  await ready(page);

  const articles = gold().articles;
  const files = Object.keys(articles).sort();
  const options = await page.$$eval('#sample option', (os) => os.map((o) => o.value).filter(Boolean));
  assert.deepEqual(options, files, 'the picker lists every sample');

  let goldCount = 0;
  let found = 0;
  let extra = 0;
  for (const [i, file] of files.entries()) {
    await pickSample(page, file);
    if (i === 0) console.log(`# navigation → first sample annotated: ${Date.now() - t0} ms`);
    const marks = (await quoteMarks(page)).map(norm);
    const wanted = articles[file].quotes.filter((q) => q.kind === 'direct' || q.kind === 'partial').map((q) => norm(q.text));
    const pool = [...marks];
    for (const w of wanted) {
      const k = pool.indexOf(w);
      if (k >= 0) { found++; pool.splice(k, 1); }
    }
    goldCount += wanted.length;
    extra += pool.length;
    // the rendered article holds the whole text, nothing lost or duplicated
    const text = fs.readFileSync(path.join(ROOT, 'seeds', file), 'utf8');
    const shown = await page.$$eval('#output p', (ps) => ps.map((p) => p.textContent).join('\n'));
    assert.equal(norm(shown), norm(text), `${file}: the article is shown whole`);
  }
  const recall = found / goldCount;
  console.log(`# gold direct/partial quotes found as marks: ${found}/${goldCount} (recall ${recall.toFixed(3)}), extra marks: ${extra}`);
  assert.ok(recall >= 0.9, `recall ${recall} ≥ 0.9`);
  assert.ok(extra <= 3 * files.length, `extra quote marks: ${extra}`);

  const status = await page.textContent('#status');
  assert.match(status, /\d+ quotes?, \d+ entit(y|ies), \d+ stance cues? — annotated in [\d.]+ ms/);

  // every mark names its layer and id
  const bad = await page.$$eval('#output mark', (ms) => ms.filter((m) =>
    !['quote', 'speaker', 'entity', 'cue'].includes(m.dataset.layer) || !m.dataset.id).length);
  assert.equal(bad, 0, 'every mark has data-layer and data-id');

  await pickSample(page, files[0]);
  // the desktop screenshot: the article and the panel, a card open on the second quote
  await page.evaluate(() => window.scrollTo(0, document.querySelector('.reading').getBoundingClientRect().top + window.scrollY - 8));
  await page.focus('#output mark[tabindex="0"]');
  await page.keyboard.press('j');
  await page.waitForSelector('#card:not([hidden])');
  fs.mkdirSync(path.join(ROOT, 'docs'), { recursive: true });
  await page.screenshot({ path: path.join(ROOT, 'docs/screenshot.png'), fullPage: false });
  await page.keyboard.press('Escape');

  // the exports of a real analysis parse back and match what the core returns
  const text = fs.readFileSync(path.join(ROOT, 'seeds', files[0]), 'utf8');
  const expected = annotate(text, 'utf16');
  const download = async (kind) => {
    const [dl] = await Promise.all([page.waitForEvent('download'), page.click(`[data-export="${kind}"]`)]);
    return fs.readFileSync(await dl.path(), 'utf8');
  };
  assert.deepEqual(JSON.parse(await download('json')), expected, 'JSON export = the core\'s analysis');
  const rows = parseCsv((await download('csv')).replace(/^\ufeff/, ''));
  assert.deepEqual(rows.slice(1).map((r) => [r[0], r[1], r[3], r[4]]),
    expected.quotes.map((q) => [q.id, q.speaker ? q.speaker.name : '', q.kind, q.text]));
  const ld = JSON.parse(await download('jsonld'));
  const cps = [...text];
  for (const a of ld.first.items) {
    const [quote, pos] = a.target.selector;
    assert.equal(cps.slice(pos.start, pos.end).join(''), quote.exact);
  }
  assert.ok(ld.first.items.length >= expected.quotes.length);


  assert.deepEqual(seen.errors, [], 'no console errors');
  assert.deepEqual(seen.foreign, [], 'no request to another origin');
  assert.deepEqual(await page.evaluate(() => window.__csp), [], 'no CSP violation');
  await context.close();
});

// Issue 6's page-load figure, timed by the browser itself (performance marks the page sets),
// not by this test's round trips: navigation → the wasm ready in its worker → the first sample
// (opened by an `?seed=` link, as the compare page links) annotated and on screen. Reported,
// not asserted: speed goals live in benchmarks, and this machine's load varies.
test('page load: navigation → first sample annotated, as the browser timed it', async () => {
  const first = Object.keys(gold().articles).sort()[0];
  const runs = [];
  for (let i = 0; i < 5; i++) {
    const context = await env.browser.newContext({ viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    await page.goto(`${env.server.url}?seed=${encodeURIComponent(first)}`);
    await page.waitForFunction(() => performance.getEntriesByName('newslens:annotated').length > 0, null, { timeout: 20000 });
    runs.push(await page.evaluate(() => {
      const at = (name) => performance.getEntriesByName(name)[0].startTime;
      const nav = performance.getEntriesByType('navigation')[0];
      return { domContentLoaded: nav.domContentLoadedEventEnd, ready: at('newslens:ready'), annotated: at('newslens:annotated') };
    }));
    assert.ok(await page.locator('#output mark[data-layer="quote"]').count() > 0, 'the sample is annotated');
    await context.close();
  }
  for (const r of runs) assert.ok(r.domContentLoaded <= r.annotated && r.ready <= r.annotated, JSON.stringify(r));
  const median = (key) => runs.map((r) => r[key]).sort((a, b) => a - b)[2];
  console.log(`# page load (median of 5, ms since navigation): DOM ready ${median('domContentLoaded').toFixed(0)}, ` +
    `wasm ready ${median('ready').toFixed(0)}, first sample annotated ${median('annotated').toFixed(0)} (target ≤ 300)`);
});
