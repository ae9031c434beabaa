// Accessibility (axe-core, light and dark), the theme switch, the phone layout, print styles,
// and the screenshots docs/screenshot-dark.png and docs/screenshot-phone.png.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';
import { watch, recordCsp, ready, ROOT, useBrowser } from './helpers.mjs';
import { FIXTURE } from './fixtures/fake-newslens.js';

const require = createRequire(import.meta.url);
let AXE;
try {
  AXE = fs.readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');
} catch {
  throw new Error('axe-core is missing: run `npm ci` (it is in package.json devDependencies)');
}
const FIRST_SEED = fs.readdirSync(path.join(ROOT, 'seeds')).filter((f) => f.endsWith('.txt')).sort()[0];

const env = useBrowser();

async function open(url, options = {}) {
  const context = await env.browser.newContext({ viewport: { width: 1280, height: 900 }, ...options });
  const page = await context.newPage();
  await recordCsp(page);
  const seen = watch(page, env.server.origin);
  await page.goto(url);
  await ready(page);
  return { context, page, seen };
}

async function annotate(page, text) {
  await page.fill('#article', text);
  await page.waitForFunction(() => document.body.dataset.annotated);
}

async function pickSample(page) {
  await page.selectOption('#sample', FIRST_SEED);
  await page.waitForFunction(() => document.body.dataset.annotated);
}

/** axe-core's serious and critical violations (evaluated through the debugger, not a script tag). */
async function axe(page) {
  await page.evaluate(AXE);
  const result = await page.evaluate(() => window.axe.run(document, { resultTypes: ['violations'] }));
  assert.ok(result.passes.length + result.incomplete.length > 10, 'axe ran its checks');
  return result.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id}: ${v.help} — ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(', ')}`);
}

test('axe: no serious or critical violations, light and dark, with every layer shown', async () => {
  for (const colorScheme of ['light', 'dark']) {
    const { context, page, seen } = await open(env.server.fakeUrl, { colorScheme });
    await annotate(page, FIXTURE);
    // with a card open too
    await page.focus('#output mark[tabindex="0"]');
    await page.waitForSelector('#card:not([hidden])');
    assert.deepEqual(await axe(page), [], `${colorScheme}: axe`);
    assert.equal(await page.getAttribute('#theme', 'aria-pressed'), String(colorScheme === 'dark'));
    assert.deepEqual(seen.errors, []);
    assert.deepEqual(await page.evaluate(() => window.__csp), []);
    await context.close();
  }
});

test('the theme switch overrides the system setting and is remembered', async () => {
  const { context, page } = await open(env.server.url, { colorScheme: 'light' });
  const bg = () => page.evaluate(() => getComputedStyle(document.body).backgroundColor);
  const light = await bg();
  await page.click('#theme');
  assert.equal(await page.getAttribute('#theme', 'aria-pressed'), 'true');
  assert.notEqual(await bg(), light);
  await page.reload();
  await ready(page);
  assert.equal(await page.getAttribute('html', 'data-theme'), 'dark');
  await pickSample(page);
  assert.deepEqual(await axe(page), [], 'dark by choice: axe');
  await page.screenshot({ path: path.join(ROOT, 'docs/screenshot-dark.png') });
  await page.click('#theme');
  assert.equal(await bg(), light);
  await context.close();
});

test('phone: 390 px wide, no horizontal scrolling, panel below the article', async () => {
  const { context, page, seen } = await open(env.server.url, { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true, deviceScaleFactor: 2 });
  await pickSample(page);
  const widths = await page.evaluate(() => ({ doc: document.documentElement.scrollWidth, view: document.documentElement.clientWidth }));
  assert.ok(widths.doc <= widths.view, `no horizontal scroll: ${widths.doc} > ${widths.view}`);
  const article = await page.$eval('#output', (el) => el.getBoundingClientRect().toJSON());
  const panel = await page.$eval('.panel', (el) => el.getBoundingClientRect().toJSON());
  assert.ok(panel.top >= article.bottom - 1, 'the panel comes after the article');
  assert.ok(panel.right <= 391 && article.right <= 391);
  await page.evaluate(() => document.querySelector('.reading').scrollIntoView());
  await page.screenshot({ path: path.join(ROOT, 'docs/screenshot-phone.png') });
  assert.deepEqual(await axe(page), [], 'phone: axe');
  assert.deepEqual(seen.errors, []);
  await context.close();
});

test('print: input and controls hidden, annotations by shape, not colour', async () => {
  const { context, page } = await open(env.server.fakeUrl);
  await annotate(page, FIXTURE);
  await page.emulateMedia({ media: 'print' });
  assert.equal(await page.isVisible('#article'), false);
  assert.equal(await page.isVisible('#legend'), false);
  const quote = await page.$eval('mark[data-layer="quote"]', (m) => ({ bg: getComputedStyle(m).backgroundColor, style: getComputedStyle(m).fontStyle }));
  assert.equal(quote.style, 'italic');
  assert.equal(quote.bg, 'rgba(0, 0, 0, 0)');
  const pdf = await page.pdf({ format: 'A4' });
  assert.ok(pdf.length > 1000);
  await context.close();
});
