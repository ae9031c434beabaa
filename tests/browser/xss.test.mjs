// XSS: every payload of fixtures/xss-payloads.txt, set in ordinary news sentences, goes in by
// every path — typed into the textarea, rich paste (as text that looks like markup, and as real
// markup), an .html file (the same two ways), a .txt file — with the real annotator; then the
// annotated HTML is exported and opened on its own. Nothing may run, nothing may be injected, no
// CSP violation may be reported (the CSP is the second line of defence: a payload it blocks was
// already inserted as markup), and the reader's text must be shown, as text.
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { watch, recordCsp, ready, norm, ROOT, useBrowser, pasteHtml } from './helpers.mjs';

/** The page's own script tags, as index.html has them: the only scripts allowed in the page. */
const PAGE_SCRIPTS = [...fs.readFileSync(path.join(ROOT, 'www/index.html'), 'utf8')
  .matchAll(/<script[^>]*\ssrc="([^"]+)"/g)].map((m) => m[1]);

const env = useBrowser();

/** The corpus: one payload per line, "#" comments, "⏎" for a line break inside a payload. */
const PAYLOADS = fs.readFileSync(path.join(ROOT, 'tests/browser/fixtures/xss-payloads.txt'), 'utf8')
  .split('\n').filter((l) => l !== '' && !l.startsWith('#')).map((l) => l.replaceAll('⏎', '\n'));

// Each payload sits in two sentences: inside a quote (annotated as one, with a speaker), and in
// the writer's own words after a quote. The number keeps each pair findable.
const inQuote = (p, n) => `“${p},” the minister said on Tuesday in statement No. ${n}.`;
const inNarration = (p, n) => `“We are looking into it,” Jane Okafor said of ${p} on the ministry’s site, in statement No. ${n}.`;
// The first line is the exported file's <title> and <h1>: it carries a payload that closes a title.
const HEADLINE = `Ministry site defaced: ${PAYLOADS.find((p) => p.startsWith('</title>'))}`;

/** The whole corpus as a plain-text article, one sentence per line. */
const ARTICLE = [HEADLINE, ...PAYLOADS.flatMap((p, i) => [inQuote(p, i + 1), inNarration(p, i + 1)])].join('\n');

const escapeHtml = (s) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
/** The article as HTML paragraphs; `markup` puts payloads in raw (as markup), else escaped (as text). */
const htmlParagraphs = (payloads, markup) => payloads.map(({ p, n }) => {
  const q = markup ? p : escapeHtml(p);
  return `<p>${escapeHtml(inQuote('\u0000', n)).replace('\u0000', () => q)}</p>\n<p>${escapeHtml(inNarration('\u0000', n)).replace('\u0000', () => q)}</p>`;
}).join('\n');
const numbered = PAYLOADS.map((p, i) => ({ p, n: i + 1 }));
/** A whole web page, with the site's furniture around the article. */
const htmlPage = (headline, paras) => `<!doctype html><html><head><meta charset="utf-8"><title>${headline}</title></head>
<body><nav><a href="/">Home</a> <a href="/politics">Politics</a></nav>
<article><h1>${headline}</h1>
${paras}
</article><footer><p>© Example News</p></footer></body></html>`;

// What may never appear as an element where the reader's text is shown.
const FORBIDDEN = 'script, img, svg, iframe, frame, object, embed, a[href], form, base, meta, style, link, input, textarea, select, button, video, audio, source, details, math, template, noscript, marquee, isindex';

/**
 * Installed before any page script: the canary (__xss sets __pwned, in this frame and the top
 * one), CSP reports, and a MutationObserver that logs every suspicious element or attribute added
 * after the page's own markup is parsed — so an injection that is undone again is still caught.
 */
async function arm(page, origin) {
  await recordCsp(page);
  await page.addInitScript(() => {
    window.__xss = (id) => {
      window.__pwned = [...(window.__pwned || []), id];
      try { if (window.top !== window) window.top.__xss(id); } catch { /* another origin */ }
    };
    window.__injected = [];
    const DANGEROUS = 'script, iframe, frame, object, embed, base, meta, link, style, img, svg, math, video, audio, form, template, noscript';
    const describeEl = (el) => el.outerHTML.slice(0, 120);
    const badUrl = (v) => /^\s*(javascript|vbscript|data):/i.test(v || '');
    const check = (el) => {
      if (el.nodeType !== 1) return;
      for (const e of [el, ...el.querySelectorAll('*')]) {
        if (e.matches(DANGEROUS)) window.__injected.push(`element ${describeEl(e)}`);
        if (e.closest('#output') && !['P', 'MARK', 'DIV'].includes(e.tagName)) window.__injected.push(`in #output: ${describeEl(e)}`);
        for (const a of e.attributes) {
          if (/^on/i.test(a.name)) window.__injected.push(`handler ${a.name} on ${describeEl(e)}`);
          if (/^(href|src|action|formaction|data|xlink:href)$/i.test(a.name) && badUrl(a.value)) window.__injected.push(`url ${a.name} on ${describeEl(e)}`);
        }
      }
    };
    document.addEventListener('DOMContentLoaded', () => {
      new MutationObserver((records) => {
        for (const r of records) {
          if (r.type === 'childList') r.addedNodes.forEach(check);
          else if (/^on/i.test(r.attributeName) || /^(href|src|action|formaction)$/i.test(r.attributeName)) check(r.target);
        }
      }).observe(document, { childList: true, subtree: true, attributes: true });
    });
  });
  const seen = watch(page, origin);
  seen.dialogs = [];
  page.on('dialog', (d) => { seen.dialogs.push(`${d.type()}: ${d.message()}`); d.dismiss().catch(() => {}); });
  seen.popups = [];
  page.on('popup', (p) => seen.popups.push(p.url()));
  return seen;
}

async function open() {
  const context = await env.browser.newContext({ acceptDownloads: true });
  const page = await context.newPage();
  const seen = await arm(page, env.server.origin);
  await page.goto(env.server.url);
  await ready(page);
  await page.waitForLoadState('networkidle');
  seen.inputFrom = seen.requests.length; // from here on, nothing at all may be fetched
  return { context, page, seen };
}

/** Waits for the next completed render after `fn` runs. */
async function annotated(page, fn) {
  const before = await page.evaluate(() => document.body.dataset.annotated || '');
  await fn();
  await page.waitForFunction((prev) => (document.body.dataset.annotated || '') !== prev, before, { timeout: 20000 });
}

/** Everything that would show that markup got in, read from the page. */
function inspect(FORBIDDEN) {
  const html = (e) => e.outerHTML.slice(0, 120);
  const output = document.querySelector('#output');
  const withHandler = [...document.querySelectorAll('*')].filter((e) => [...e.attributes].some((a) => /^on/i.test(a.name)));
  return {
    pwned: window.__pwned ?? null,
    csp: window.__csp,
    injected: window.__injected,
    forbiddenInOutput: [...output.querySelectorAll(FORBIDDEN)].map(html),
    // the renderer makes <p>, <mark> and (for long articles) <div class="batch">, nothing else
    strangerInOutput: [...output.querySelectorAll('*')].filter((e) => !(e.tagName === 'P' || e.tagName === 'MARK' || (e.tagName === 'DIV' && e.className === 'batch'))).map(html),
    handlers: withHandler.map(html),
    // the page's own markup: one module script, no frame or base, no meta but its own four
    scripts: [...document.scripts].map((s) => s.getAttribute('src')),
    frames: [...document.querySelectorAll('iframe, frame, object, embed, base')].map(html),
    metas: [...document.querySelectorAll('meta')].map((m) => m.getAttribute('charset') ? 'charset' : (m.name || m.httpEquiv)),
    // the panels and the card hold names and quotes from the text: text there too
    // (less the panels' own pick buttons and entity groups)
    forbiddenInPanels: [...document.querySelectorAll('#voices, #entities, #stance, #card')].flatMap((c) => [...c.querySelectorAll(FORBIDDEN)])
      .filter((e) => !e.matches('button.pick[data-pick], #entities details.group')).map(html),
    legend: [...document.querySelectorAll('#legend-groups *')].filter((e) => e.matches(FORBIDDEN) && !e.matches('input[type="checkbox"][data-toggle]')).map(html),
    outputText: [...output.querySelectorAll('p')].map((p) => p.textContent).join(' '),
    value: document.querySelector('#article').value,
  };
}

/** Fails on any sign of a payload having run or got in as markup; returns what the page shows. */
async function assertClean(page, seen, label) {
  const r = await page.evaluate(inspect, FORBIDDEN);
  assert.deepEqual(seen.dialogs, [], `${label}: a dialog opened`);
  assert.equal(r.pwned, null, `${label}: the canary was called`);
  assert.deepEqual(r.csp, [], `${label}: CSP violations`);
  assert.deepEqual(r.injected, [], `${label}: elements or attributes were added`);
  assert.deepEqual(r.forbiddenInOutput, [], `${label}: elements in #output`);
  assert.deepEqual(r.strangerInOutput, [], `${label}: elements in #output`);
  assert.deepEqual(r.handlers, [], `${label}: event-handler attributes`);
  assert.deepEqual(r.scripts, PAGE_SCRIPTS, `${label}: scripts`);
  assert.deepEqual(r.frames, [], `${label}: frames, objects or base`);
  assert.deepEqual(r.metas, ['charset', 'Content-Security-Policy', 'viewport', 'referrer'], `${label}: meta elements`);
  assert.deepEqual(r.forbiddenInPanels, [], `${label}: elements in the panels or card`);
  assert.deepEqual(r.legend, [], `${label}: elements in the legend`);
  assert.equal(page.frames().length, 1, `${label}: frames`);
  assert.equal(page.url(), env.server.url, `${label}: navigated`);
  assert.deepEqual(seen.popups, [], `${label}: popups`);
  assert.deepEqual(seen.errors, [], `${label}: console errors`);
  assert.deepEqual(seen.foreign, [], `${label}: requests to other origins`);
  assert.deepEqual(seen.requests.slice(seen.inputFrom), [], `${label}: requests while reading the text`);
  // what is shown is exactly the text in the textarea: kept whole, as text
  assert.equal(norm(r.outputText), norm(r.value), `${label}: #output shows the text as it is`);
  return r;
}

/** Checks that each payload is shown verbatim (plain-text paths), inside a quote as well. */
async function assertPayloadsShown(page, r, label) {
  const shown = norm(r.outputText);
  for (const [i, p] of PAYLOADS.entries()) {
    assert.ok(shown.includes(norm(inQuote(p, i + 1))), `${label}: payload ${i + 1} shown in its quote: ${p}`);
    assert.ok(shown.includes(norm(inNarration(p, i + 1))), `${label}: payload ${i + 1} shown in narration: ${p}`);
  }
  assert.ok(shown.startsWith(norm(HEADLINE)), `${label}: headline`);
  // annotated, not just echoed: every sentence has marks, and a payload is quoted whole unless it
  // holds a straight double quote (the annotator ends the quotation there) or a line break
  const unmarked = await page.$$eval('#output p', (ps) => ps.filter((p) => /statement No\. \d+\.$/.test(p.textContent) && !p.querySelector('mark')).map((p) => p.textContent));
  assert.deepEqual(unmarked, [], `${label}: sentences without any annotation`);
  const quoted = await page.$$eval('#output mark[data-layer="quote"]', (ms) => {
    const byId = new Map();
    for (const m of ms) byId.set(m.dataset.id, (byId.get(m.dataset.id) || '') + m.textContent);
    return [...byId.values()].map((t) => t.replace(/\s+/g, ''));
  });
  const notQuoted = PAYLOADS.map((p, i) => [i + 1, p]).filter(([, p]) => !/["\n]/.test(p))
    .filter(([, p]) => !quoted.some((q) => q.includes(p.replace(/\s+/g, '')))).map(([n]) => n);
  assert.deepEqual(notQuoted, [], `${label}: payloads not inside a quote mark`);
}

/** Opens a card on every mark (as hovering does), so names and quotes from the text are shown there too. */
async function hoverEveryMark(page) {
  return page.evaluate(() => {
    const marks = document.querySelectorAll('#output mark:not([data-part])');
    let shown = 0;
    for (const m of marks) {
      m.dispatchEvent(new MouseEvent('mouseover', { bubbles: true }));
      if (!document.querySelector('#card').hidden) shown++;
    }
    return shown;
  });
}

const EXPORT_DIR = fs.mkdtempSync(path.join(os.tmpdir(), 'newslens-xss-'));
after(() => fs.rmSync(EXPORT_DIR, { recursive: true, force: true }));

/**
 * Exports the annotated HTML, opens the file (file://, as a reader would) in a fresh context
 * and checks it like the page: nothing ran, no markup but the exporter's own, the same text.
 */
async function assertExportClean(page, shownText, label) {
  const [dl] = await Promise.all([page.waitForEvent('download'), page.click('[data-export="html"]')]);
  const file = path.join(EXPORT_DIR, `${label.replace(/\W+/g, '-')}-${dl.suggestedFilename()}`);
  await dl.saveAs(file);
  const body = fs.readFileSync(file, 'utf8');
  // (excerpts, not the whole file, in the failure messages)
  assert.equal(body.slice(0, 15).toLowerCase(), '<!doctype html>', `${label} export`);
  assert.equal(body.match(/<script[\s\S]{0,60}/i)?.[0] ?? null, null, `${label} export: a script tag`);
  const context = await env.browser.newContext();
  const view = await context.newPage();
  const url = pathToFileURL(file).href;
  const seen = await arm(view, 'null');
  await view.goto(url);
  const r = await view.evaluate((FORBIDDEN) => {
    const html = (e) => e.outerHTML.slice(0, 120);
    const csp = document.querySelector('meta[http-equiv="Content-Security-Policy"]');
    return {
      pwned: window.__pwned ?? null,
      csp: window.__csp,
      injected: window.__injected,
      head: [...document.head.children].map((e) => (e.tagName === 'META' ? `meta:${e.getAttribute('charset') ? 'charset' : (e.name || e.httpEquiv)}` : e.tagName.toLowerCase())),
      policy: csp && csp.content,
      scripts: document.scripts.length,
      forbidden: [...document.body.querySelectorAll(FORBIDDEN)].map(html),
      handlers: [...document.querySelectorAll('*')].filter((e) => [...e.attributes].some((a) => /^on/i.test(a.name))).map(html),
      text: [...document.querySelectorAll('.article-view p')].map((p) => p.textContent).join(' '),
      marks: document.querySelectorAll('.article-view mark').length,
    };
  }, FORBIDDEN);
  assert.deepEqual(seen.dialogs, [], `${label} export: a dialog opened`);
  assert.equal(r.pwned, null, `${label} export: the canary was called`);
  assert.deepEqual(r.csp, [], `${label} export: CSP violations`);
  assert.deepEqual(r.injected, [], `${label} export: elements added after load`);
  // the policy comes first, before anything it governs, and allows no script at all
  assert.deepEqual(r.head, ['meta:charset', 'meta:Content-Security-Policy', 'meta:viewport', 'meta:generator', 'title', 'style'], `${label} export: head`);
  assert.match(r.policy, /^default-src 'none';/, `${label} export: policy`);
  assert.doesNotMatch(r.policy, /script-src|unsafe-eval/, `${label} export: policy`);
  assert.equal(r.scripts, 0, `${label} export: scripts`);
  assert.deepEqual(r.forbidden, [], `${label} export: elements in the body`);
  assert.deepEqual(r.handlers, [], `${label} export: event-handler attributes`);
  assert.ok(r.marks > 0, `${label} export: annotated`);
  assert.equal(norm(r.text), norm(shownText), `${label} export: the same text as the page`);
  assert.equal(view.frames().length, 1, `${label} export: frames`);
  assert.equal(view.url(), url, `${label} export: navigated`);
  assert.deepEqual(seen.popups, [], `${label} export: popups`);
  assert.deepEqual(seen.errors, [], `${label} export: console errors`);
  assert.deepEqual(seen.requests, [url], `${label} export: fetched something`);
  await context.close();
}

/** Runs the page and export checks for a path that keeps the payloads as text. */
async function assertTextPath(page, seen, label) {
  const r = await assertClean(page, seen, label);
  await assertPayloadsShown(page, r, label);
  assert.ok(await hoverEveryMark(page) > PAYLOADS.length, `${label}: cards shown`);
  const after = await assertClean(page, seen, `${label}, after the cards`);
  await assertExportClean(page, after.outputText, label);
}

/**
 * The text a browser would show of each HTML document, found without the page's code: the
 * browser's own parser (inert, in a blank page without the page's CSP), less what the page leaves
 * out on purpose — raw-text and hidden elements, embedded documents and media (whose fallback
 * content a browser does not show either), SVG and MathML, form controls, and for a whole page
 * the site's furniture (nav, header, footer, aside, form). Whitespace is dropped: the page makes
 * paragraphs where this joins text.
 */
async function visibleTexts(htmls, wholePage) {
  const context = await env.browser.newContext();
  const blank = await context.newPage();
  const texts = await blank.evaluate(({ list, whole }) => list.map((h) => {
    const doc = new DOMParser().parseFromString(h, 'text/html');
    const root = whole ? doc.querySelector('article') || doc.body : doc.body;
    root.querySelectorAll('script, style, noscript, template, title, xmp, noembed, noframes, iframe, object, embed, audio, video, canvas, svg, math, textarea, select, button, [hidden]').forEach((e) => e.remove());
    if (whole) root.querySelectorAll('nav, header, footer, aside, form').forEach((e) => e.remove());
    return root ? root.textContent.replace(/\s+/g, '') : '';
  }), { list: htmls, whole: wholePage });
  await context.close();
  return texts;
}

/**
 * Payloads whose visible text the page is known to lose — a fidelity gap, not a safety one; see
 * the todo test at the end. Their safety is checked like every other payload's.
 */
const TEXT_LOSS = new Set(['<scr<script>ipt>__xss(5)</scr</script>ipt>']);

/** Whether the characters of `small` occur in `big` in order (the page may keep a few more). */
function inOrder(small, big) {
  let j = 0;
  for (const c of big) if (j < small.length && c === small[j]) j++;
  return j === small.length;
}

/** The payload and what it would be after the decodings a browser or a script might apply. */
function decodings(p) {
  const entities = (s) => s.replace(/&#x([0-9a-f]+);?/gi, (_, h) => String.fromCodePoint(parseInt(h, 16)))
    .replace(/&#(\d+);?/g, (_, d) => String.fromCodePoint(Number(d)))
    .replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');
  const out = [p, entities(p), entities(entities(p)),
    p.replace(/\\u([0-9a-f]{4})|\\x([0-9a-f]{2})/gi, (_, u, x) => String.fromCharCode(parseInt(u || x, 16)))];
  for (const b of p.match(/[A-Za-z0-9+/]{12,}={0,2}/g) || []) out.push(Buffer.from(b, 'base64').toString('latin1'));
  try { out.push(decodeURIComponent(p)); } catch { /* not percent-encoded */ }
  return out;
}

test('the corpus: at least 60 payloads, each carrying its own canary, in clear or encoded', () => {
  assert.ok(PAYLOADS.length >= 60, `${PAYLOADS.length} payloads`);
  assert.equal(new Set(PAYLOADS).size, PAYLOADS.length, 'no duplicates');
  const silent = PAYLOADS.map((p, i) => [i + 1, p])
    .filter(([n, p]) => !decodings(p).some((d) => d.includes(`__xss(${n})`) || d.includes(`alert(${n})`)));
  assert.deepEqual(silent, [], 'payloads whose canary is not __xss(N) or alert(N) with their own number');
  assert.ok(PAYLOADS.every((p) => !/[“”]/.test(p)), 'no curly quote in a payload');
});

test('typed text: every payload is shown as text, in the page and in the export, and after a reload', async () => {
  const { context, page, seen } = await open();
  await annotated(page, () => page.fill('#article', ARTICLE));
  await assertTextPath(page, seen, 'typed');
  // the autosaved copy comes back through the same renderer
  await page.waitForTimeout(500);
  await page.reload();
  await ready(page);
  await page.waitForFunction(() => document.body.dataset.annotated);
  await page.waitForLoadState('networkidle');
  seen.inputFrom = seen.requests.length;
  assert.equal(await page.inputValue('#article'), ARTICLE);
  await assertPayloadsShown(page, await assertClean(page, seen, 'restored'), 'restored');
  await context.close();
});

test('.txt file: every payload is shown as text, in the page and in the export', async () => {
  const { context, page, seen } = await open();
  await annotated(page, () => page.setInputFiles('#file', { name: 'defaced.txt', mimeType: 'text/plain', buffer: Buffer.from(ARTICLE) }));
  assert.equal(await page.inputValue('#article'), ARTICLE);
  await assertTextPath(page, seen, '.txt');
  await context.close();
});

// An article about an attack quotes its markup: in HTML that markup is text (escaped), and must
// come out as the same text.
test('rich paste of HTML that quotes the payloads as text: shown verbatim, in the page and in the export', async () => {
  const { context, page, seen } = await open();
  const html = `<meta charset="utf-8"><h1>${escapeHtml(HEADLINE)}</h1>\n${htmlParagraphs(numbered, false)}`;
  await annotated(page, () => pasteHtml(page, html));
  await assertTextPath(page, seen, 'rich paste (text)');
  await context.close();
});

test('.html file that quotes the payloads as text, dropped: shown verbatim, in the page and in the export', async () => {
  const { context, page, seen } = await open();
  const body = htmlPage(escapeHtml(HEADLINE), htmlParagraphs(numbered, false));
  await annotated(page, () => page.evaluate((b) => {
    const dt = new DataTransfer();
    dt.items.add(new File([b], 'defaced.html', { type: 'text/html' }));
    document.querySelector('#article').dispatchEvent(new DragEvent('drop', { dataTransfer: dt, bubbles: true, cancelable: true }));
  }, body));
  await assertTextPath(page, seen, '.html file (text)');
  await context.close();
});

// The payloads as real markup. Each is pasted on its own (as a reader pastes paragraph after
// paragraph), so that one payload's unclosed element cannot swallow the next one's text.
test('rich paste of HTML with the payloads as markup: nothing runs or gets in, the visible text is kept', async () => {
  const pastes = numbered.map((x) => htmlParagraphs([x], true));
  const expected = await visibleTexts(pastes, false);
  const { context, page, seen } = await open();
  let pieces;
  await annotated(page, async () => {
    pieces = await page.evaluate(([headline, list]) => {
      const ta = document.querySelector('#article');
      ta.focus();
      const paste = (h) => {
        const dt = new DataTransfer();
        dt.setData('text/html', h);
        ta.dispatchEvent(new ClipboardEvent('paste', { clipboardData: dt, bubbles: true, cancelable: true }));
      };
      paste(`<h1>${headline}</h1>`);
      return list.map((h) => {
        ta.setRangeText('\n\n', ta.value.length, ta.value.length, 'end'); // the reader presses Enter
        const before = ta.value.length;
        paste(h);
        return ta.value.slice(before);
      });
    }, [HEADLINE, pastes]);
  });
  const r = await assertClean(page, seen, 'rich paste (markup)');
  numbered.forEach(({ p, n }, i) => {
    if (TEXT_LOSS.has(p)) return;
    assert.ok(inOrder(expected[i], pieces[i].replace(/\s+/g, '')), `rich paste (markup): payload ${n}'s visible text kept: ${p}\n  expected ${expected[i]}\n  got      ${pieces[i]}`);
  });
  assert.ok(await hoverEveryMark(page) > PAYLOADS.length, 'cards shown');
  const after = await assertClean(page, seen, 'rich paste (markup), after the cards');
  assert.equal(after.outputText, r.outputText);
  await assertExportClean(page, after.outputText, 'rich paste (markup)');
  await context.close();
});

// A saved page is one document, so each payload gets its own file; picker and drop take turns.
test('.html files with the payloads as markup, one file each: nothing runs or gets in, the visible text is kept', async () => {
  const files = numbered.map((x) => htmlPage(`Ministry site defaced (${x.n})`, htmlParagraphs([x], true)));
  const expected = await visibleTexts(files, true);
  const { context, page, seen } = await open();
  for (const [i, { p, n }] of numbered.entries()) {
    const name = `defaced-${n}.html`;
    await annotated(page, () => (i % 2
      ? page.setInputFiles('#file', { name, mimeType: 'text/html', buffer: Buffer.from(files[i]) })
      : page.evaluate(([b, nm]) => {
        const dt = new DataTransfer();
        dt.items.add(new File([b], nm, { type: 'text/html' }));
        document.querySelector('#article').dispatchEvent(new DragEvent('drop', { dataTransfer: dt, bubbles: true, cancelable: true }));
      }, [files[i], name])));
    const r = await assertClean(page, seen, `.html file ${n} (markup)`);
    if (!TEXT_LOSS.has(p)) assert.ok(inOrder(expected[i], r.value.replace(/\s+/g, '')), `.html file ${n}: visible text kept: ${p}\n  expected ${expected[i]}\n  got      ${r.value}`);
  }
  assert.ok(await hoverEveryMark(page) > 0, 'cards shown');
  const last = await assertClean(page, seen, '.html files (markup), after the cards');
  await assertExportClean(page, last.outputText, '.html file (markup)');
  await context.close();
});

// input.js's textual pre-pass (defuse) cuts `<script>…</script>` out of the bogus tag
// `<scr<script>ipt>…</scr</script>ipt>`, where the browser's parser sees an element named
// "scr<script" and shows "ipt>__xss(5)ipt>" as text: the reader loses that text (nothing runs).
test('known gap: text around a script tag nested in a bogus tag name is dropped from pasted HTML', { todo: 'defuse() is textual; fidelity only' }, async () => {
  const pastes = [...TEXT_LOSS].map((p) => htmlParagraphs([{ p, n: PAYLOADS.indexOf(p) + 1 }], true));
  const expected = await visibleTexts(pastes, false);
  const { context, page } = await open();
  const got = await page.evaluate((list) => Promise.all(list.map(async (h) => {
    const { htmlToText } = await import('./input.js');
    return htmlToText(h).replace(/\s+/g, '');
  })), pastes);
  await context.close();
  got.forEach((g, i) => assert.ok(inOrder(expected[i], g), `expected ${expected[i]}\n got ${g}`));
});
