// The compare page in headless Chromium: www/ (built by `make site`) served under /newslens/
// by the tests' shared server (helpers.mjs). Checks: no console errors, no request leaves the server, the speaker
// matrix and the quote clusters render, a member links to the main page at its quote, the
// differing words are marked. Writes docs/screenshot-compare.png.
// Run: node --test tests/browser/compare.test.mjs

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { createRequire } from 'node:module';
import { readFileSync } from 'node:fs';
import { ROOT, useBrowser } from './helpers.mjs';

const require = createRequire(import.meta.url);
const env = useBrowser();

test('the compare page renders the matrix and the clusters of the samples', async () => {
  const page = await env.browser.newPage({ viewport: { width: 1280, height: 1600 } });
  const errors = [];
  const foreign = [];
  page.on('console', (msg) => {
    if (msg.type() === 'error') errors.push(msg.text());
  });
  page.on('pageerror', (error) => errors.push(String(error)));
  page.on('request', (req) => {
    if (!req.url().startsWith(env.server.origin) && !req.url().startsWith('data:')) foreign.push(req.url());
  });

  await page.goto(`${env.server.url}compare.html?seeds=all`);
  await page.waitForSelector('#clusters .cluster', { timeout: 30000 });

  // Articles: all five samples, in order.
  assert.equal(await page.locator('#articles li').count(), 5);
  // The matrix: a header with a column per article.
  const columns = await page.locator('#speakers thead th').count();
  if (await page.locator('#speakers table').count()) {
    assert.equal(await page.locator('#speakers table').first().locator('thead th').count(), 5 + 2, 'speaker, A1..A5, total');
    assert.ok(columns >= 7);
    // Sheinbaum is quoted in all five articles: first row of the first table.
    assert.match(await page.locator('#speakers tbody tr').first().locator('th').textContent(), /Sheinbaum/);
  } else {
    assert.match(await page.locator('#speakers').textContent(), /No quotation has a speaker/);
  }
  // Clusters: Sheinbaum's statement in four articles, with its respelling marked.
  const first = page.locator('#clusters .cluster').first();
  assert.match(await first.locator('h3').textContent(), /in 4 articles/);
  assert.ok((await first.locator('mark').count()) >= 1, 'respelled word marked');
  assert.ok((await first.locator('del').count()) >= 1, 'ellipsis: omitted words marked');
  // A member links to the main page at its quote.
  const href = await first.locator('a.member-link').first().getAttribute('href');
  assert.match(href, /^\.\/index\.html\?seed=000_f9d15ef5b888d1f3\.txt#q\d+$/);
  // The repeated block of sample 003.
  assert.match(await page.locator('#duplicates').textContent(), /repeats paragraph/);
  const out = join(ROOT, 'docs');
  await mkdir(out, { recursive: true });
  await page.screenshot({ path: join(out, 'screenshot-compare.png'), fullPage: false });

  // Keyboard: the skip link, then the form's controls, are reachable.
  await page.keyboard.press('Tab');
  assert.equal(await page.evaluate(() => document.activeElement.className), 'skip');
  await page.keyboard.press('Tab');
  assert.equal(await page.evaluate(() => document.activeElement.getAttribute('href')), './index.html');
  await page.keyboard.press('Tab');
  assert.equal(await page.evaluate(() => document.activeElement.id), 'select-all');

  assert.deepEqual(errors, [], 'console errors');
  assert.deepEqual(foreign, [], 'requests outside the site');
  await page.close();
});

/** axe-core's serious and critical violations, or null when axe-core is not installed. */
async function axe(page) {
  let source;
  try {
    source = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');
  } catch {
    return null;
  }
  await page.evaluate(source);
  const result = await page.evaluate(() => window.axe.run(document, { resultTypes: ['violations'] }));
  return result.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id}: ${v.help} — ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(', ')}`);
}

test('axe finds no serious or critical violation, light and dark', async () => {
  for (const colorScheme of ['light', 'dark']) {
    const context = await env.browser.newContext({ colorScheme, viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    await page.goto(`${env.server.url}compare.html?seeds=all`);
    await page.waitForSelector('#clusters .cluster', { timeout: 30000 });
    const violations = await axe(page);
    if (violations === null) {
      console.log('# axe-core not installed (npm ci): accessibility check skipped');
    } else {
      assert.deepEqual(violations, [], colorScheme);
    }
    await context.close();
  }
});

test('picking samples by hand and comparing again works', async () => {
  const page = await env.browser.newPage();
  const errors = [];
  page.on('pageerror', (error) => errors.push(String(error)));
  page.on('console', (msg) => {
    if (msg.type() === 'error') errors.push(msg.text());
  });
  await page.goto(`${env.server.url}compare.html`);
  await page.waitForSelector('#run:not([disabled])');
  await page.click('#select-none');
  await page.check('#sample-0');
  await page.check('#sample-1');
  await page.click('#run');
  await page.waitForSelector('#articles li');
  assert.equal(await page.locator('#articles li').count(), 2);
  assert.match(await page.locator('#status').textContent(), /Compared 2 articles/);
  assert.deepEqual(errors, []);
  await page.close();
});
