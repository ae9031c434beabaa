// The page's layers, toggles, cards, keyboard, side panel and exports, on the fixture article
// with the fixture annotator (every layer, nested and crossing spans; see fixtures/).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import { serve, launch, watch, recordCsp, ready, norm } from './helpers.mjs';
import { FIXTURE, annotate } from './fixtures/fake-newslens.js';
import { parseCsv } from './csv.mjs';

let server;
let browser;
let context;
let page;
let seen;
const analysis = annotate(FIXTURE, 'utf16');

before(async () => {
  server = await serve();
  browser = await launch();
  context = await browser.newContext({ viewport: { width: 1280, height: 900 }, acceptDownloads: true });
  page = await context.newPage();
  await recordCsp(page);
  seen = watch(page, server.origin);
  await page.goto(server.fakeUrl);
  await ready(page);
  await page.fill('#article', FIXTURE);
  await page.waitForFunction(() => document.body.dataset.annotated);
});

after(async () => {
  await context?.close();
  await browser?.close();
  await server?.close();
});

const visible = (layer) => page.$$eval(`#output mark[data-layer="${layer}"]:not([data-off])`, (ms) => ms.length);

test('every layer is rendered, nested and crossing spans keep all the text', async () => {
  assert.equal(norm(await page.$$eval('#output p', (ps) => ps.map((p) => p.textContent).join(' '))), norm(FIXTURE));
  const byLayer = await page.$$eval('#output mark:not([data-part])', (ms) => {
    const out = {};
    for (const m of ms) (out[m.dataset.layer] ||= []).push(m.dataset.id);
    return out;
  });
  assert.equal(new Set(byLayer.quote).size, analysis.quotes.length);
  assert.equal(byLayer.speaker.length, 5, 'five distinct speaker mentions (one shared by q1 and q2)');
  assert.equal(byLayer.entity.length, analysis.entities.reduce((n, e) => n + e.mentions.length, 0));
  assert.deepEqual(byLayer.cue, analysis.cues.map((_, i) => `c${i + 1}`));
  // each annotation's parts join up to exactly its text
  const joined = await page.$$eval('#output mark', (ms) => {
    const out = {};
    for (const m of ms) {
      const k = `${m.dataset.layer}:${m.dataset.id}:${m.dataset.layer === 'entity' ? '' : ''}`;
      if (m.dataset.layer === 'entity') continue;
      out[k] = (out[k] || '') + m.textContent;
    }
    return out;
  });
  for (const q of analysis.quotes) assert.equal(joined[`quote:${q.id}:`], q.text);
  analysis.cues.forEach((c, i) => assert.equal(joined[`cue:c${i + 1}:`], c.text));
  // the nested quote sits inside its outer quote; the crossing cue is split into parts
  assert.equal(await page.$eval('mark[data-layer="quote"][data-id="q8"]', (m) => m.parentElement.closest('mark[data-layer="quote"]')?.dataset.id), 'q7');
  assert.ok(await page.$$eval('mark[data-layer="cue"][data-id="c1"]', (ms) => ms.length) >= 2);
  // one speaker, one colour; different speakers, different colours
  const colours = await page.$$eval('mark[data-layer="quote"]:not([data-part])', (ms) => Object.fromEntries(ms.map((m) => [m.dataset.id, m.dataset.colour])));
  assert.equal(colours.q1, colours.q2);
  assert.equal(colours.q1, colours.q5);
  assert.notEqual(colours.q1, colours.q4);
  assert.notEqual(colours.q3, colours.q4);
  assert.equal(colours.q8, 'none');
});

test('legend toggles switch layers, entity types and cue categories off and on', async () => {
  const counts = await page.$$eval('#legend-groups label', (ls) => Object.fromEntries(ls.map((l) => [l.previousElementSibling.dataset.toggle, l.querySelector('.count').textContent])));
  assert.equal(counts.quote, `(${analysis.quotes.length})`);
  assert.equal(counts['entity:number'], '(2)');
  assert.equal(counts['cue:hedge'], '(2)');
  for (const layer of ['quote', 'speaker', 'entity', 'cue']) {
    const before = await visible(layer);
    assert.ok(before > 0, layer);
    await page.uncheck(`[data-toggle="${layer}"]`);
    assert.equal(await visible(layer), 0, `${layer} off`);
    await page.check(`[data-toggle="${layer}"]`);
    assert.equal(await visible(layer), before, `${layer} on again`);
  }
  await page.uncheck('[data-toggle="entity:number"]');
  assert.equal(await page.$$eval('mark[data-type="number"]:not([data-off])', (ms) => ms.length), 0);
  assert.equal(await page.$$eval('mark[data-type="person"]:not([data-off])', (ms) => ms.length), 3);
  await page.uncheck('[data-toggle="cue:hedge"]');
  assert.equal(await page.$$eval('mark[data-category="hedge"]:not([data-off])', (ms) => ms.length), 0);
  assert.ok(await page.$$eval('mark[data-category="booster"]:not([data-off])', (ms) => ms.length) > 0);
  // a switched-off mark draws nothing
  const style = await page.$eval('mark[data-category="hedge"]', (m) => getComputedStyle(m).textDecorationLine);
  assert.equal(style, 'none');
  await page.check('[data-toggle="entity:number"]');
  await page.check('[data-toggle="cue:hedge"]');
});

test('cards open on keyboard focus; j/k and arrows move; Esc closes', async () => {
  await page.focus('#article');
  // Tab from the textarea reaches the article's one tab stop (the first quote)
  for (let i = 0; i < 30; i++) {
    await page.keyboard.press('Tab');
    if (await page.evaluate(() => document.activeElement?.tagName === 'MARK')) break;
  }
  const id = () => page.evaluate(() => `${document.activeElement.dataset.layer}:${document.activeElement.dataset.id}`);
  assert.equal(await id(), 'quote:q1');
  assert.equal(await page.isVisible('#card'), true);
  const card = await page.textContent('#card');
  assert.match(card, /Jane Doe/);
  assert.match(card, /direct quote/);
  assert.match(card, /said — neutral/);
  assert.equal(await page.evaluate(() => document.activeElement.getAttribute('aria-describedby')), 'card');
  await page.keyboard.press('j');
  assert.equal(await id(), 'quote:q2');
  assert.match(await page.textContent('#card'), /insisting — loaded/);
  await page.keyboard.press('ArrowDown');
  assert.equal(await id(), 'quote:q3');
  assert.match(await page.textContent('#card'), /unnamed source/);
  await page.keyboard.press('k');
  assert.equal(await id(), 'quote:q2');
  // → moves to the next annotation of any layer: inside q2, the booster cue
  await page.keyboard.press('ArrowRight');
  assert.equal(await id(), 'cue:c3');
  const cueCard = await page.textContent('#card');
  assert.match(cueCard, /Boosters/);
  assert.match(cueCard, /plain words for fake\.cue\.booster/);
  assert.match(cueCard, /inside a quote by Jane Doe/);
  // find an entity card with titles and mention count
  for (let i = 0; i < 12 && !(await id()).startsWith('entity:e1'); i++) await page.keyboard.press('ArrowLeft');
  assert.equal(await id(), 'entity:e1');
  const entityCard = await page.textContent('#card');
  assert.match(entityCard, /person/);
  assert.match(entityCard, /Mayor/);
  assert.match(entityCard, /Mentions3/);
  await page.keyboard.press('Escape');
  assert.equal(await page.isVisible('#card'), false);
  // only one mark is in the tab order
  assert.equal(await page.$$eval('#output mark[tabindex="0"]', (ms) => ms.length), 1);
  // hover opens a card too
  await page.hover('mark[data-layer="cue"][data-category="refusal"]');
  await page.waitForSelector('#card:not([hidden])');
  assert.match(await page.textContent('#card'), /Refusals/);
  // a speaker mention that is also an entity mention: one card tells both
  await page.hover('mark[data-layer="speaker"] > mark[data-layer="entity"][data-id="e2"]');
  await page.waitForFunction(() => /Speaker/.test(document.querySelector('#card').textContent) && /Entity e2/.test(document.querySelector('#card').textContent));
});

test('side panel: share of voice, named vs unnamed, verbs; clicks highlight and scroll', async () => {
  const rows = await page.$$eval('#voices .voices li', (lis) => lis.map((li) => li.querySelector('.who').textContent));
  // ranked by the core's profile when there is one
  assert.deepEqual(rows, ['Jane Doe', 'Acme Corp', 'a city official', 'Unattributed']);
  const facts = await page.textContent('#voices .facts');
  assert.match(facts, /8 quotes from 3 speakers/);
  assert.match(facts, /Named sources: 2 \(6 quotes\) · unnamed or collective: 1 \(1 quote\)/);
  assert.match(facts, /4 neutral, 2 loaded/);
  assert.match(await page.textContent('#voices .voices li:first-child'), /70%.*4 direct · 1 partial · 0 indirect · 27 words.*say ×3, insist \(loaded\)/s);
  assert.match(facts, /38% quoted, 5% reported speech, 57% the writer’s own/);
  // cues inside each speaker's quotes (the profile's counts; from cue.voice without a profile)
  assert.match(await page.textContent('#voices .voices li:first-child'), /Stance cues in their quotes: hedges 1, boosters 1/);
  assert.match(await page.textContent('#voices .voices li:nth-child(3)'), /Stance cues in their quotes: hedges 1/);
  // without a profile the page computes share of voice (words) from the quotes itself
  const computed = await page.evaluate(async (a) => {
    const { speakers } = await import('./model.js');
    return speakers(a).map((s) => [s.name, s.words, s.share === null ? null : Math.round(s.share * 100), s.cues]);
  }, { ...analysis, profile: undefined });
  assert.deepEqual(computed, [
    ['Jane Doe', 27, 77, { booster: 1, hedge: 1 }], ['a city official', 4, 11, { hedge: 1 }],
    ['Acme Corp', 4, 11, {}], ['Unattributed', 2, null, {}],
  ]);
  await page.click('#voices button[data-key="entity:e1"]');
  const hl = await page.$$eval('#output mark[data-hl]:not([data-part])', (ms) => ms.map((m) => `${m.dataset.layer}:${m.dataset.id}`));
  assert.deepEqual(hl.filter((h) => h.startsWith('quote')).sort(), ['quote:q1', 'quote:q2', 'quote:q5', 'quote:q6', 'quote:q7']);
  assert.equal(hl.filter((h) => h.startsWith('speaker')).length, 3);
  assert.equal(await page.getAttribute('#voices button[data-key="entity:e1"]', 'aria-pressed'), 'true');
  // the first highlighted mark is scrolled into view
  const inView = await page.$eval('#output mark[data-hl]', (m) => { const r = m.getBoundingClientRect(); return r.top >= 0 && r.bottom <= innerHeight; });
  assert.ok(inView, 'scrolled to the first highlight');
  // entities by type; clicking one highlights its mentions (and turns its layer back on)
  assert.match(await page.textContent('#entities'), /People 1 · 3 mentions/);
  await page.uncheck('[data-toggle="entity"]');
  await page.click('#entities button[data-key="e2"]');
  assert.deepEqual(await page.$$eval('#output mark[data-hl]', (ms) => ms.map((m) => `${m.dataset.layer}:${m.dataset.id}:${m.textContent}`)), ['entity:e2:Acme Corp']);
  assert.equal(await page.isChecked('[data-toggle="entity"]'), true);
  assert.equal(await page.$eval('mark[data-hl]', (m) => m.hasAttribute('data-off')), false);
  // stance by category
  assert.match(await page.textContent('#stance'), /Loaded attribution 2\s*2 in the writer’s own words, 0 inside quotes/);
  assert.match(await page.textContent('#stance'), /Hedges 2\s*0 in the writer’s own words, 2 inside quotes/);
  await page.click('#entities button[data-key="e2"]');
  assert.equal(await page.$$eval('#output mark[data-hl]', (ms) => ms.length), 0, 'a second click clears');
});

async function exported(kind) {
  const [dl] = await Promise.all([page.waitForEvent('download'), page.click(`[data-export="${kind}"]`)]);
  return { name: dl.suggestedFilename(), body: fs.readFileSync(await dl.path(), 'utf8') };
}

test('exports: JSON, CSV, Web Annotation JSON-LD and HTML parse back and match', async () => {
  const json = await exported('json');
  assert.match(json.name, /^newslens-flood-talks-stall-in-riverton\.json$/);
  assert.deepEqual(JSON.parse(json.body), analysis);

  const csv = await exported('csv');
  const rows = parseCsv(csv.body.replace(/^\ufeff/, ''));
  assert.deepEqual(rows[0], ['id', 'speaker', 'anonymous', 'kind', 'quote', 'cue', 'neutral', 'start', 'end']);
  assert.equal(rows.length, analysis.quotes.length + 1);
  for (const [i, q] of analysis.quotes.entries()) {
    const r = rows[i + 1];
    assert.equal(r[0], q.id);
    assert.equal(r[1], q.speaker ? q.speaker.name : '');
    assert.equal(r[3], q.kind);
    assert.equal(r[4].replace(/^'(?=[=+\-@])/, ''), q.text);
    assert.equal(r[5], q.cue ? q.cue.text : '');
    assert.equal(r[6], q.cue ? (q.cue.neutral ? 'yes' : 'no') : '');
    assert.equal(Number(r[7]), q.start);
    for (const cell of r) assert.doesNotMatch(cell, /^[=+\-@]/, 'no cell starts a formula');
  }

  const ld = JSON.parse((await exported('jsonld')).body);
  assert.equal(ld['@context'], 'http://www.w3.org/ns/anno.jsonld');
  assert.equal(ld.type, 'AnnotationCollection');
  const items = ld.first.items;
  assert.equal(ld.total, items.length);
  const cps = [...FIXTURE];
  for (const a of items) {
    assert.equal(a.type, 'Annotation');
    const quote = a.target.selector.find((s) => s.type === 'TextQuoteSelector');
    const pos = a.target.selector.find((s) => s.type === 'TextPositionSelector');
    assert.equal(cps.slice(pos.start, pos.end).join(''), quote.exact, 'positions count code points');
    assert.ok(FIXTURE.includes(quote.prefix + quote.exact + quote.suffix));
  }
  const mentions = analysis.entities.reduce((n, e) => n + e.mentions.length, 0);
  assert.equal(items.length, analysis.quotes.length + 6 + mentions + analysis.cues.length);

  const html = (await exported('html')).body;
  assert.match(html, /^<!doctype html>/i);
  assert.doesNotMatch(html, /<script/i);
  assert.match(html, /Content-Security-Policy/);
  // open it offline in a fresh page: same marks, same colours, nothing fetched
  const offline = await context.newPage();
  const requests = [];
  offline.on('request', (r) => requests.push(r.url()));
  await offline.setContent(html);
  assert.equal(norm(await offline.$$eval('.article-view p', (ps) => ps.map((p) => p.textContent).join(' '))), norm(FIXTURE));
  assert.equal(await offline.$$eval('mark[data-layer="quote"]:not([data-part])', (ms) => ms.length), analysis.quotes.length);
  const bg = (p, id) => p.$eval(`mark[data-layer="quote"][data-id="${id}"]`, (m) => getComputedStyle(m).backgroundColor);
  assert.equal(await bg(offline, 'q1'), await bg(page, 'q1'));
  assert.match(await offline.getAttribute('mark[data-id="q4"]', 'title'), /Acme Corp/);
  assert.deepEqual(requests.filter((u) => !u.startsWith('data:') && u !== 'about:blank'), []);
  await offline.close();
});

test('no console error, no request to another origin, no CSP violation', async () => {
  assert.deepEqual(seen.errors, []);
  assert.deepEqual(seen.foreign, []);
  assert.deepEqual(await page.evaluate(() => window.__csp), []);
});

test('the renderer keeps every character and every span under random overlapping spans', async () => {
  const failures = await page.evaluate(async () => {
    const { renderArticle } = await import('./render.js');
    let seed = 7;
    const rand = (n) => { seed = (seed * 1103515245 + 12345) % 2147483648; return seed % n; };
    const bad = [];
    for (let round = 0; round < 200; round++) {
      const alphabet = 'ab c“d”\n😀é';
      let text = '';
      for (let i = 0, n = 5 + rand(60); i < n; i++) text += alphabet[rand(alphabet.length)];
      const span = () => { let a = rand(text.length + 1); let b = rand(text.length + 1); if (a > b) [a, b] = [b, a]; return { start: a, end: b, text: text.slice(a, b) }; };
      const quotes = Array.from({ length: rand(4) }, (_, i) => ({ id: `q${i + 1}`, kind: 'direct', ...span(), speaker: rand(2) ? { name: 'X', entity: null, mention: span(), anonymous: false, resolution: 'name' } : null, cue: null, nested_in: null, rule: 'r' }));
      const entities = Array.from({ length: rand(3) }, (_, i) => ({ id: `e${i + 1}`, type: 'person', name: 'n', mentions: [span(), span()], rule: 'r' }));
      const cues = Array.from({ length: rand(4) }, () => ({ category: 'hedge', ...span(), rule: 'r', voice: 'writer' }));
      const frag = renderArticle(text, { quotes, entities, cues });
      const div = document.createElement('div');
      div.append(frag);
      const shown = [...div.querySelectorAll('p')].map((p) => p.textContent).join('');
      if (shown !== text.replace(/[\r\n]+/g, '')) bad.push(`round ${round}: text`);
      const joined = {};
      for (const m of div.querySelectorAll('mark')) {
        if (m.dataset.layer === 'entity') continue;
        const k = `${m.dataset.layer}:${m.dataset.id}`;
        joined[k] = (joined[k] || '') + m.textContent;
      }
      for (const q of quotes) if (q.end > q.start && joined[`quote:${q.id}`] !== q.text.replace(/[\r\n]+/g, '')) bad.push(`round ${round}: ${q.id}`);
      cues.forEach((c, i) => { if (c.end > c.start && joined[`cue:c${i + 1}`] !== c.text.replace(/[\r\n]+/g, '')) bad.push(`round ${round}: c${i + 1}`); });
    }
    return bad;
  });
  assert.deepEqual(failures, []);
});
