// Shared by the browser tests: a static server for www/ under /newslens/ (as on GitHub Pages'
// /<repo>/ sub-path), Debian's Chromium through playwright-core, and page watchers that collect
// console errors, foreign requests and CSP violations.
import http from 'node:http';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { before, after } from 'node:test';
import { chromium } from 'playwright-core';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
export const WWW = path.join(ROOT, 'www');
export const BASE_PATH = '/newslens/';
/** The same site with pkg/newslens.js replaced by the fixture annotator (see fixtures/). */
export const FAKE_PATH = '/newslens-fake/';
const FAKE_MODULE = path.join(ROOT, 'tests/browser/fixtures/fake-newslens.js');

const MIME = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.wasm': 'application/wasm',
  '.txt': 'text/plain; charset=utf-8',
  '.md': 'text/markdown; charset=utf-8',
  '.png': 'image/png',
  '.svg': 'image/svg+xml',
};

/** Starts a static server on an ephemeral port; resolves to {url, close()}. */
export async function serve() {
  const server = http.createServer((req, res) => {
    const url = new URL(req.url, 'http://localhost');
    const base = [BASE_PATH, FAKE_PATH].find((b) => url.pathname.startsWith(b));
    if (!base) {
      res.writeHead(404).end('not under the site path');
      return;
    }
    let rel = decodeURIComponent(url.pathname.slice(base.length));
    if (rel === '' || rel.endsWith('/')) rel += 'index.html';
    let file = path.resolve(WWW, rel);
    if (base === FAKE_PATH && rel === 'pkg/newslens.js') file = FAKE_MODULE;
    else if (!file.startsWith(WWW + path.sep)) {
      res.writeHead(403).end();
      return;
    }
    fs.readFile(file, (err, data) => {
      if (err) {
        res.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
        return;
      }
      const type = MIME[path.extname(file)] || 'application/octet-stream';
      res.writeHead(200, { 'content-type': type, 'cache-control': 'no-store' }).end(data);
    });
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address();
  return {
    origin: `http://127.0.0.1:${port}`,
    url: `http://127.0.0.1:${port}${BASE_PATH}`,
    fakeUrl: `http://127.0.0.1:${port}${FAKE_PATH}`,
    close: () => new Promise((resolve) => { server.closeAllConnections?.(); server.close(resolve); }),
  };
}

export const CHROMIUM_ARGS = [
  '--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync',
  '--disable-dev-shm-usage',
];

export function launch() {
  return chromium.launch({
    executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
    args: CHROMIUM_ARGS,
  });
}

/**
 * Watches a page: console errors, page errors, requests to any origin other than `origin`
 * (data: and blob: URLs are local), and CSP violations (reported by an init script).
 */
export function watch(page, origin) {
  const seen = { errors: [], foreign: [], requests: [] };
  page.on('console', (msg) => {
    if (msg.type() === 'error') seen.errors.push(`console: ${msg.text()}`);
  });
  page.on('pageerror', (err) => seen.errors.push(`pageerror: ${err.message}`));
  page.on('request', (req) => {
    const u = req.url();
    seen.requests.push(u);
    if (u.startsWith('data:') || u.startsWith('blob:')) return;
    if (new URL(u).origin !== origin) seen.foreign.push(u);
  });
  page.on('worker', (w) => {
    w.on('console', (msg) => {
      if (msg.type() === 'error') seen.errors.push(`worker console: ${msg.text()}`);
    });
  });
  return seen;
}

/** Records securitypolicyviolation events in window.__csp (install before navigation). */
export async function recordCsp(page) {
  await page.addInitScript(() => {
    window.__csp = [];
    document.addEventListener('securitypolicyviolation', (e) => {
      window.__csp.push(`${e.violatedDirective} ${e.blockedURI}`);
    });
  });
}

/** Reads the gold annotations of the seeds. */
export function gold() {
  return JSON.parse(fs.readFileSync(path.join(ROOT, 'tests/gold/seeds.gold.json'), 'utf8'));
}

/** Waits until the page says the wasm is initialised. */
export async function ready(page) {
  await page.waitForSelector('body[data-ready="1"]', { timeout: 20000 });
}

/** Whitespace-normalised text, for comparing marks with gold spans. */
export function norm(s) {
  return s.replace(/\s+/g, ' ').trim();
}

/** Starts the static server and Chromium before a file's tests and stops both after them;
 * the returned object holds `server` and `browser` once the tests run. */
export function useBrowser() {
  const env = {};
  before(async () => {
    env.server = await serve();
    env.browser = await launch();
  });
  after(async () => {
    await env.browser?.close();
    await env.server?.close();
  });
  return env;
}

/** Pastes `html` into `#article` as a browser does from a rich-text copy (text/html, with a
 *  plain-text fallback the page must not use). */
export async function pasteHtml(page, html) {
  await page.evaluate((h) => {
    const ta = document.querySelector('#article');
    ta.focus();
    const dt = new DataTransfer();
    dt.setData('text/html', h);
    dt.setData('text/plain', 'plain fallback');
    ta.dispatchEvent(new ClipboardEvent('paste', { clipboardData: dt, bubbles: true, cancelable: true }));
  }, html);
}
