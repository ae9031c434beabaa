// Getting text in: rich paste, each file type (picker and drop), clear, autosave across reload,
// and a worker that dies while the reader works. Real annotator.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { watch, recordCsp, ready, norm, useBrowser, pasteHtml } from './helpers.mjs';

const env = useBrowser();

async function open() {
  const context = await env.browser.newContext();
  const page = await context.newPage();
  await recordCsp(page);
  const seen = watch(page, env.server.origin);
  await page.goto(env.server.url);
  await ready(page);
  return { context, page, seen };
}

/** Waits for the next completed render after `fn` runs. */
async function annotated(page, fn) {
  const before = await page.evaluate(() => document.body.dataset.annotated || '');
  await fn();
  await page.waitForFunction((prev) => (document.body.dataset.annotated || '') !== prev, before, { timeout: 15000 });
}

const ARTICLE = 'Storm hits coast\n“We are ready,” the governor said on Tuesday.\nOfficials called it “a serious storm.”';

test('rich paste becomes clean paragraphs: no markup, scripts, styles or images', async () => {
  const { context, page, seen } = await open();
  const html = `<meta charset="utf-8"><style>p{color:red}</style><h1>Storm <b>hits</b> coast</h1>
    <p>“We are ready,” the <a href="https://example.com/x">governor</a> said on Tuesday.<img src="https://example.com/pixel.gif" onerror="window.__pwned=1"></p>
    <script>window.__pwned = 2</script><div><p>Officials called it<br>“a serious storm.”</p></div>`;
  await annotated(page, () => pasteHtml(page, html));
  const value = await page.inputValue('#article');
  assert.equal(value, 'Storm hits coast\n\n“We are ready,” the governor said on Tuesday.\n\nOfficials called it\n\n“a serious storm.”');
  assert.doesNotMatch(value, /[<>]|color:red|pwned/);
  assert.equal(await page.evaluate(() => window.__pwned), undefined);
  assert.equal(await page.$$eval('#output p', (ps) => ps.length), 4);
  assert.ok(await page.$$eval('#output mark[data-layer="quote"]', (ms) => ms.length) >= 2);
  assert.deepEqual(seen.foreign, [], 'the pasted image was never fetched');
  assert.deepEqual(seen.errors, []);
  assert.deepEqual(await page.evaluate(() => window.__csp), []);
  await context.close();
});

const FILES = {
  'story.txt': { mimeType: 'text/plain', body: 'Storm hits coast\r\n“We are ready,” the governor said on Tuesday.\r\nOfficials called it “a serious storm.”\r\n' },
  'story.md': {
    mimeType: 'text/markdown',
    body: '# Storm hits coast\n\n“We are ready,” the **governor** said\non Tuesday. ![map](https://example.com/map.png)\n\n- Officials called it “a serious storm.” See [the report](https://example.com/r).\n',
  },
  'story.html': {
    mimeType: 'text/html',
    body: `<!doctype html><html><head><title>x</title><script src="https://example.com/ads.js"></script><link rel="stylesheet" href="https://example.com/s.css"></head>
      <body><nav><a href="/">Home</a> <a href="/world">World</a></nav><header><p>Site header text that is long enough to matter in a naive extractor, really quite long.</p></header>
      <h1>Storm hits coast</h1>
      <div class="sidebar"><p>Most read</p><p>Other story</p></div>
      <article><p>“We are ready,” the governor said on Tuesday.</p><aside><p>Related: nothing</p></aside><p>Officials called it “a serious storm.”</p></article>
      <footer><p>© News Co. All rights reserved.</p></footer><img src="https://example.com/p.gif"></body></html>`,
  },
};

const EXPECTED = {
  'story.txt': 'Storm hits coast\n“We are ready,” the governor said on Tuesday.\nOfficials called it “a serious storm.”\n',
  'story.md': 'Storm hits coast\n\n“We are ready,” the governor said on Tuesday.\n\nOfficials called it “a serious storm.” See the report.',
  'story.html': 'Storm hits coast\n\n“We are ready,” the governor said on Tuesday.\n\nOfficials called it “a serious storm.”',
};

test('each file type opens from the picker and by drop, with its main text only', async () => {
  const { context, page, seen } = await open();
  for (const [name, { mimeType, body }] of Object.entries(FILES)) {
    await page.fill('#article', '');
    await annotated(page, () => page.setInputFiles('#file', { name, mimeType, buffer: Buffer.from(body) }));
    assert.equal(await page.inputValue('#article'), EXPECTED[name], `${name} via the picker`);
    assert.ok(await page.$$eval('#output mark[data-layer="quote"]', (ms) => ms.length) >= 2, `${name} annotated`);

    await page.click('#clear');
    assert.equal(await page.inputValue('#article'), '');
    assert.equal(await page.$$eval('#output mark', (ms) => ms.length), 0, 'clear empties the output');

    await annotated(page, () => page.evaluate(({ n, t, b }) => {
      const dt = new DataTransfer();
      dt.items.add(new File([b], n, { type: t }));
      document.querySelector('#article').dispatchEvent(new DragEvent('drop', { dataTransfer: dt, bubbles: true, cancelable: true }));
    }, { n: name, t: mimeType, b: body }));
    assert.equal(await page.inputValue('#article'), EXPECTED[name], `${name} dropped`);
  }
  // anything else is refused with a message
  await page.setInputFiles('#file', { name: 'photo.png', mimeType: 'image/png', buffer: Buffer.from([137, 80, 78, 71]) });
  await page.waitForSelector('#notice:not([hidden])');
  assert.match(await page.textContent('#notice'), /not a \.txt, \.md or \.html file/);
  assert.deepEqual(seen.foreign, []);
  assert.deepEqual(seen.errors, []);
  assert.deepEqual(await page.evaluate(() => window.__csp), []);
  await context.close();
});

test('the text is saved as the reader types and restored after a reload', async () => {
  const { context, page, seen } = await open();
  await annotated(page, async () => {
    await page.click('#article');
    await page.keyboard.type('Storm hits coast\n“We are ready,” the governor said.');
  });
  await page.waitForTimeout(500); // the save is debounced
  await page.reload();
  await ready(page);
  await page.waitForFunction(() => document.body.dataset.annotated);
  assert.equal(await page.inputValue('#article'), 'Storm hits coast\n“We are ready,” the governor said.');
  assert.match(await page.textContent('#notice'), /restored/);
  assert.equal(await page.textContent('#output mark[data-layer="quote"]'), 'We are ready,');
  // clearing clears the saved copy too
  await page.click('#clear');
  await page.reload();
  await ready(page);
  assert.equal(await page.inputValue('#article'), '');
  assert.deepEqual(seen.errors, []);
  await context.close();
});

test('a worker that dies is restarted, the text kept, the reader told', async () => {
  const { context, page, seen } = await open();
  await annotated(page, () => page.fill('#article', ARTICLE));
  const worker = page.workers()[0];
  await worker.evaluate(() => { setTimeout(() => { throw new Error('simulated crash'); }, 0); });
  await page.waitForFunction(() => /restarted/.test(document.querySelector('#notice').textContent));
  assert.equal(await page.inputValue('#article'), ARTICLE);
  // the new worker annotates
  await annotated(page, () => page.fill('#article', `${ARTICLE}\n“Stay home,” she said.`));
  assert.ok((await page.$$eval('#output mark[data-layer="quote"]', (ms) => ms.map((m) => m.textContent))).includes('Stay home,'));
  assert.deepEqual(seen.errors.filter((e) => !/simulated crash/.test(e)), []);
  await context.close();
});

test('pasted text is rendered as text, never as markup', async () => {
  const { context, page, seen } = await open();
  const evil = 'Officials said "<img src=x onerror=alert(1)> is <b>not</b> markup," the mayor said.\n<script>window.__pwned=1</script>';
  await page.waitForLoadState('networkidle');
  const requests = seen.requests.length;
  await annotated(page, () => page.fill('#article', evil));
  assert.deepEqual(seen.requests.slice(requests), [], 'no request at all while annotating');
  assert.equal(await page.$$eval('#output img, #output b, #output script', (els) => els.length), 0);
  assert.equal(norm(await page.textContent('#output')), norm(evil.replace('\n', '')));
  assert.equal(await page.evaluate(() => window.__pwned), undefined);
  assert.deepEqual(seen.errors, []);
  await context.close();
});

test('an annotator that cannot load says so once, instead of restarting for ever', async () => {
  const context = await env.browser.newContext();
  await context.route('**/pkg/newslens_bg.wasm', (route) => route.fulfill({ status: 404, body: 'missing' }));
  const page = await context.newPage();
  const workers = [];
  page.on('worker', (w) => workers.push(w));
  await page.goto(env.server.url);
  await page.waitForFunction(() => document.body.dataset.broken === '1', null, { timeout: 15000 });
  assert.match(await page.textContent('#notice'), /cannot annotate in this browser/);
  await page.fill('#article', 'Still “editable,” she said.');
  await page.waitForTimeout(600);
  assert.equal(workers.length, 1, 'no restart loop');
  assert.equal(await page.inputValue('#article'), 'Still “editable,” she said.');
  await context.close();
});

test('a link index.html?seed=FILE#q3 opens the sample at that quote and keeps the saved text', async () => {
  const { context, page, seen } = await open();
  await annotated(page, () => page.fill('#article', ARTICLE));
  await page.waitForTimeout(500); // saved
  const file = (await page.$$eval('#sample option', (os) => os.map((o) => o.value).filter(Boolean)))[0];
  await page.goto(`${env.server.url}index.html?seed=${encodeURIComponent(file)}#q3`);
  await ready(page);
  await page.waitForFunction(() => document.activeElement?.dataset?.id === 'q3', null, { timeout: 15000 });
  assert.equal(await page.evaluate(() => document.activeElement.dataset.layer), 'quote');
  assert.equal(await page.isVisible('#card'), true);
  assert.match(await page.textContent('#card'), /Quote q3/);
  assert.equal(await page.inputValue('#sample'), file);
  // another quote by hash
  await page.evaluate(() => { location.hash = '#q1'; });
  await page.waitForFunction(() => document.activeElement?.dataset?.id === 'q1');
  // the reader's own text is still what is saved
  await page.goto(env.server.url);
  await ready(page);
  assert.equal(await page.inputValue('#article'), ARTICLE);
  assert.deepEqual(seen.errors, []);
  assert.deepEqual(seen.foreign, []);
  await context.close();
});
