// Getting an article in: rich-text paste, .txt / .md / .html files. HTML is parsed with
// DOMParser into an inert document (no scripts run, no images or styles load) and only its
// text is kept, one paragraph per block.

const BLOCKS = new Set([
  'ADDRESS', 'ARTICLE', 'ASIDE', 'BLOCKQUOTE', 'BODY', 'DD', 'DIV', 'DL', 'DT', 'FIELDSET',
  'FIGCAPTION', 'FIGURE', 'FOOTER', 'FORM', 'H1', 'H2', 'H3', 'H4', 'H5', 'H6', 'HEADER', 'HR',
  'LI', 'MAIN', 'NAV', 'OL', 'P', 'PRE', 'SECTION', 'TABLE', 'TBODY', 'TD', 'TFOOT', 'TH',
  'THEAD', 'TR', 'UL', 'BR',
]);
const DROP = 'script, style, noscript, template, iframe, object, embed, svg, math, canvas, img, picture, video, audio, source, link, meta, title, button, input, select, textarea';
const CHROME = 'nav, header, footer, aside, form, [role="navigation"], [role="banner"], [role="contentinfo"], [role="complementary"], [aria-hidden="true"], [hidden]';

/**
 * A textual pre-pass before parsing: drops script/style-like blocks and renames event-handler
 * and style attributes. Safety does not rest on it (the document is inert, only text is read,
 * and the page's CSP forbids inline code and styles); it keeps Chromium from reporting CSP
 * violations for markup that an inert document would never have run anyway.
 */
export function defuse(html) {
  let out = html.replace(/<(script|style|noscript|template|iframe|object|embed|svg|math)\b[\s\S]*?<\/\1\s*>/gi, ' ')
    .replace(/<(script|style|link|meta|base)\b[^>]*>/gi, ' ');
  for (let i = 0; i < 20; i++) {
    const next = out.replace(/(<[a-z][^>]*?[\s/"'])(on[a-z]*|style|src|srcset|href|poster|background)(\s*=)/gi, '$1data-x-$2$3');
    if (next === out) break;
    out = next;
  }
  return out;
}

/** Parses HTML without running or loading anything. */
export function parseHtml(html) {
  return new DOMParser().parseFromString(defuse(html), 'text/html');
}

/** Paragraphs of text under `root`, one per block element; whitespace collapsed. */
export function blockText(root) {
  const paras = [];
  let line = '';
  const flush = () => {
    const t = line.replace(/\s+/g, ' ').trim();
    if (t) paras.push(t);
    line = '';
  };
  const walk = (node) => {
    for (let child = node.firstChild; child; child = child.nextSibling) {
      if (child.nodeType === 3) {
        line += child.data;
      } else if (child.nodeType === 1) {
        if (child.matches(DROP)) continue;
        if (child.tagName === 'PRE') {
          flush();
          for (const l of child.textContent.split('\n')) { line = l; flush(); }
          continue;
        }
        const block = BLOCKS.has(child.tagName);
        if (block) flush();
        walk(child);
        if (block) flush();
      }
    }
  };
  walk(root);
  flush();
  return paras.join('\n\n');
}

/** Clean paragraphs from pasted or opened HTML (a fragment: everything, minus markup). */
export function htmlToText(html) {
  const doc = parseHtml(html);
  doc.querySelectorAll(DROP).forEach((el) => el.remove());
  return blockText(doc.body || doc.documentElement);
}

function textLength(el) {
  let n = 0;
  for (const p of el.querySelectorAll('p')) n += p.textContent.trim().length;
  return n;
}

/**
 * The main text of a whole HTML page: the largest <article>, else <main>, else the element
 * whose paragraphs hold the most text; navigation, headers, footers and asides are left out.
 * The page's <h1> is kept as the first paragraph when it stands outside the chosen block.
 */
export function articleFromHtml(html) {
  const doc = parseHtml(html);
  doc.querySelectorAll(DROP).forEach((el) => el.remove());
  let root = null;
  const articles = [...doc.querySelectorAll('article')];
  if (articles.length) root = articles.sort((a, b) => b.textContent.length - a.textContent.length)[0];
  root ||= doc.querySelector('main, [role="main"]');
  if (!root) {
    let best = null;
    let bestScore = 0;
    for (const p of doc.querySelectorAll('p')) {
      const parent = p.parentElement;
      if (!parent || parent.dataset.nlScored) continue;
      parent.dataset.nlScored = '1';
      let score = 0;
      for (const c of parent.children) if (c.tagName === 'P') score += c.textContent.trim().length;
      if (score > bestScore) { best = parent; bestScore = score; }
    }
    root = best || doc.body;
  }
  if (!root) return '';
  root.querySelectorAll(CHROME).forEach((el) => { if (el !== root) el.remove(); });
  let text = blockText(root);
  const h1 = doc.querySelector('h1');
  if (h1 && !root.contains(h1)) {
    const title = h1.textContent.replace(/\s+/g, ' ').trim();
    if (title) text = `${title}\n\n${text}`;
  }
  return text;
}

/** Markdown to plain paragraphs: markup dropped, soft-wrapped lines joined. */
export function markdownToText(md) {
  const paras = [];
  let current = [];
  let fenced = false;
  const flush = () => {
    const t = current.join(' ').replace(/\s+/g, ' ').trim();
    if (t) paras.push(t);
    current = [];
  };
  for (let line of md.replace(/\r\n?/g, '\n').split('\n')) {
    if (/^\s*(```|~~~)/.test(line)) { flush(); fenced = !fenced; continue; }
    if (fenced) { current.push(line); flush(); continue; }
    if (/^\s*$/.test(line)) { flush(); continue; }
    if (/^\s*([-*_])(\s*\1){2,}\s*$/.test(line)) { flush(); continue; } // rule
    if (/^\s*(=+|-+)\s*$/.test(line)) { flush(); continue; } // setext underline
    const heading = /^\s{0,3}#{1,6}\s+/.test(line);
    const item = /^\s*([-*+]|\d+[.)])\s+/.test(line);
    if (heading || item) flush();
    line = line
      .replace(/^\s{0,3}#{1,6}\s+/, '').replace(/\s+#+\s*$/, '')
      .replace(/^\s*>\s?/, '')
      .replace(/^\s*([-*+]|\d+[.)])\s+/, '')
      .replace(/!\[([^\]]*)\]\([^)]*\)/g, '')
      .replace(/\[([^\]]+)\]\([^)]*\)/g, '$1')
      .replace(/\[([^\]]+)\]\[[^\]]*\]/g, '$1')
      .replace(/<[^>]+>/g, '')
      .replace(/(\*\*|__)(.+?)\1/g, '$2')
      .replace(/(^|[\s(])[*_]([^*_\s][^*_]*?)[*_](?=[\s).,;:!?]|$)/g, '$1$2')
      .replace(/`([^`]+)`/g, '$1');
    current.push(line);
    if (heading) flush();
  }
  flush();
  return paras.join('\n\n');
}

/** What kind of file this is, by name then by type: 'txt', 'md', 'html' or null. */
export function fileKind(file) {
  const name = (file.name || '').toLowerCase();
  if (/\.(txt|text)$/.test(name)) return 'txt';
  if (/\.(md|markdown)$/.test(name)) return 'md';
  if (/\.(html?|xhtml)$/.test(name)) return 'html';
  if (file.type === 'text/plain') return 'txt';
  if (file.type === 'text/markdown') return 'md';
  if (file.type === 'text/html') return 'html';
  return null;
}

/** The article text of a file; throws an Error with a reader-facing message. */
export async function readFile(file, maxChars) {
  const kind = fileKind(file);
  if (!kind) throw new Error(`“${file.name}” is not a .txt, .md or .html file.`);
  // UTF-8 takes at least one byte per UTF-16 unit, at most three, so bytes/3 is a lower bound
  if (file.size / 3 > maxChars) throw new Error(`“${file.name}” is too large (${(file.size / 1048576).toFixed(1)} MB).`);
  const raw = await file.text();
  if (kind === 'md') return markdownToText(raw);
  if (kind === 'html') return articleFromHtml(raw);
  return raw.replace(/\r\n?/g, '\n');
}
