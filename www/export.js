// Exports, all made in this tab: the analysis as JSON, quotes as CSV, W3C Web Annotation
// JSON-LD, and a self-contained annotated HTML file. Reader text only ever enters the HTML as
// text nodes of a DOM that is then serialised.
import { renderArticle } from './render.js';
import { describeLine, index } from './describe.js';
import { speakers as rankSpeakers, KIND_LABELS } from './model.js';
import { renderVoices, renderLegend } from './panels.js';

/** The analysis exactly as the annotator returned it. */
export function toJson(analysis) {
  return `${JSON.stringify(analysis, null, 2)}\n`;
}

/** One CSV field: quoted when needed; text that a spreadsheet would run as a formula is defused. */
export function csvField(value, { text = true } = {}) {
  let s = value === null || value === undefined ? '' : String(value);
  if (text && /^[=+\-@\t\r|%]/.test(s)) s = `'${s}`;
  return /[",\r\n]/.test(s) || s !== s.trim() ? `"${s.replace(/"/g, '""')}"` : s;
}

export const CSV_COLUMNS = ['id', 'speaker', 'anonymous', 'kind', 'quote', 'cue', 'neutral', 'start', 'end'];

/** Quotes as CSV (RFC 4180, CRLF line ends, UTF-8 with a byte-order mark for spreadsheets). */
export function toCsv(analysis) {
  const rows = [CSV_COLUMNS.join(',')];
  for (const q of analysis.quotes || []) {
    rows.push([
      csvField(q.id),
      csvField(q.speaker ? q.speaker.name : ''),
      csvField(q.speaker ? (q.speaker.anonymous ? 'yes' : 'no') : ''),
      csvField(q.kind),
      csvField(q.text),
      csvField(q.cue ? q.cue.text : ''),
      csvField(q.cue ? (q.cue.neutral ? 'yes' : 'no') : ''),
      csvField(q.start, { text: false }),
      csvField(q.end, { text: false }),
    ].join(','));
  }
  return `\ufeff${rows.join('\r\n')}\r\n`;
}

/** UTF-16 offset → code-point offset (the Web Annotation model counts characters). */
export function codePointIndex(text) {
  const map = new Uint32Array(text.length + 1);
  let cp = 0;
  for (let i = 0; i < text.length; i++) {
    map[i] = cp;
    const c = text.charCodeAt(i);
    if (c >= 0xd800 && c <= 0xdbff && i + 1 < text.length) {
      const d = text.charCodeAt(i + 1);
      if (d >= 0xdc00 && d <= 0xdfff) { map[i + 1] = cp; i++; }
    }
    cp++;
  }
  map[text.length] = cp;
  return map;
}

export async function sha256(text) {
  if (!globalThis.crypto || !crypto.subtle) return null;
  const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(text));
  return [...new Uint8Array(digest)].map((b) => b.toString(16).padStart(2, '0')).join('');
}

/** W3C Web Annotation Data Model, as one AnnotationCollection in JSON-LD. */
export async function toWebAnnotation(text, analysis) {
  const hash = await sha256(text);
  const source = hash ? `urn:sha256:${hash}` : 'urn:newslens:article';
  const base = `urn:newslens:${hash ? hash.slice(0, 16) : 'article'}`;
  const cp = codePointIndex(text);
  const CONTEXT = 32;
  const target = (start, end) => ({
    source,
    selector: [
      {
        type: 'TextQuoteSelector',
        exact: text.slice(start, end),
        prefix: text.slice(Math.max(0, start - CONTEXT), start),
        suffix: text.slice(end, end + CONTEXT),
      },
      { type: 'TextPositionSelector', start: cp[start], end: cp[end] },
    ],
  });
  const tag = (value) => ({ type: 'TextualBody', purpose: 'tagging', value, format: 'text/plain' });
  const describing = (value) => ({ type: 'TextualBody', purpose: 'describing', value, format: 'text/plain' });
  const items = [];
  for (const q of analysis.quotes || []) {
    const body = [tag('quote'), tag(`quote:${q.kind}`)];
    if (q.speaker) body.push({ type: 'TextualBody', purpose: 'identifying', value: q.speaker.name, format: 'text/plain' });
    if (q.cue) body.push(describing(`${q.cue.neutral ? 'neutral' : 'loaded'} attribution verb: ${q.cue.text}`));
    items.push({ id: `${base}:${q.id}`, type: 'Annotation', motivation: 'highlighting', body, target: target(q.start, q.end) });
    if (q.speaker && q.speaker.mention) {
      items.push({
        id: `${base}:${q.id}:speaker`, type: 'Annotation', motivation: 'identifying',
        body: [tag('speaker'), { type: 'TextualBody', purpose: 'identifying', value: q.speaker.name, format: 'text/plain' }, describing(`speaker of ${q.id}`)],
        target: target(q.speaker.mention.start, q.speaker.mention.end),
      });
    }
  }
  for (const e of analysis.entities || []) {
    e.mentions.forEach((m, i) => {
      items.push({
        id: `${base}:${e.id}:${i + 1}`, type: 'Annotation', motivation: 'identifying',
        body: [tag('entity'), tag(`entity:${e.type}`), { type: 'TextualBody', purpose: 'identifying', value: e.name, format: 'text/plain' }],
        target: target(m.start, m.end),
      });
    });
  }
  (analysis.cues || []).forEach((c, i) => {
    items.push({
      id: `${base}:c${i + 1}`, type: 'Annotation', motivation: 'classifying',
      body: [tag('cue'), tag(`cue:${c.category}`), describing(`rule ${c.rule}`)],
      target: target(c.start, c.end),
    });
  });
  const doc = {
    '@context': 'http://www.w3.org/ns/anno.jsonld',
    id: `${base}:collection`,
    type: 'AnnotationCollection',
    label: 'NewsLens annotations',
    total: items.length,
    first: { id: `${base}:page1`, type: 'AnnotationPage', startIndex: 0, items },
  };
  return `${JSON.stringify(doc, null, 2)}\n`;
}

const EXPORT_CSP = "default-src 'none'; style-src 'unsafe-inline'; img-src data:; base-uri 'none'; form-action 'none'";

/**
 * A self-contained annotated HTML file: the page's stylesheet inlined, the article with its
 * marks (titles explain each one), the who's-quoted summary, a CSP that forbids any script or
 * request. `css` is the page stylesheet's text.
 */
export function toHtml(text, analysis, { css, rules, title, speakers }) {
  const doc = document.implementation.createHTMLDocument('');
  doc.documentElement.setAttribute('lang', 'en');
  const head = doc.head;
  const meta = (attrs) => {
    const m = doc.createElement('meta');
    for (const [k, v] of Object.entries(attrs)) m.setAttribute(k, v);
    head.append(m);
  };
  head.replaceChildren();
  meta({ charset: 'utf-8' });
  meta({ 'http-equiv': 'Content-Security-Policy', content: EXPORT_CSP });
  meta({ name: 'viewport', content: 'width=device-width, initial-scale=1' });
  meta({ name: 'generator', content: 'NewsLens' });
  const t = doc.createElement('title');
  t.textContent = `NewsLens: ${title}`;
  head.append(t);
  // a placeholder: a <style> built in this inert document would be refused by the page's CSP
  meta({ name: 'newslens-style' });

  const ix = index(analysis, rules);
  const ranked = speakers || rankSpeakers(analysis);
  const colour = new Map(ranked.map((s) => [s.key, s.colour]));
  const body = doc.body;
  body.className = 'exported';
  const h1 = doc.createElement('h1');
  h1.textContent = title;
  const note = doc.createElement('p');
  note.className = 'tagline';
  note.textContent = `Annotated by NewsLens on ${new Date().toISOString().slice(0, 10)}. Quotes are tinted by speaker; hover a highlight for what it is.`;
  const article = doc.createElement('div');
  article.className = 'article-view';
  article.append(doc.importNode(renderArticle(text, analysis, (mark, span) => {
    if (span.speakerKey !== undefined) mark.dataset.colour = colour.get(span.speakerKey) || 'none';
    const line = describeLine(ix, mark.dataset);
    if (line) mark.title = line;
  }), true));
  const aside = doc.createElement('section');
  aside.className = 'panel';
  const h2 = doc.createElement('h2');
  h2.textContent = 'Who’s quoted';
  const voices = doc.createElement('div');
  renderVoices(voices, ranked, analysis);
  voices.querySelectorAll('button').forEach((b) => {
    const span = doc.createElement('span');
    span.className = 'pick';
    span.append(...b.childNodes);
    b.replaceWith(span);
  });
  aside.append(h2, doc.importNode(voices, true));
  // a static legend: the same swatches and counts, without the switches
  const legend = doc.createElement('div');
  renderLegend(legend, analysis, new Set(), ranked.length);
  legend.querySelectorAll('input').forEach((i) => i.remove());
  legend.querySelectorAll('label').forEach((l) => l.removeAttribute('for'));
  legend.querySelectorAll('[id]').forEach((e) => e.removeAttribute('id'));
  const legendBox = doc.createElement('div');
  legendBox.className = 'legend';
  legendBox.append(doc.importNode(legend, true));
  const wrap = doc.createElement('div');
  wrap.className = 'workspace';
  const reading = doc.createElement('div');
  reading.append(legendBox, article);
  wrap.append(reading, aside);
  body.append(h1, note, wrap);
  // Only our own stylesheet is spliced in as a string; the reader's text went in as text nodes.
  // The placeholder comes first in the file (in <head>), and no attribute value can hold it
  // (the serialiser escapes its quotes).
  if (/<\/style/i.test(css)) throw new Error('the stylesheet cannot be inlined');
  const html = doc.documentElement.outerHTML.replace('<meta name="newslens-style">', () => `<style>\n${css}</style>`);
  return `<!doctype html>\n${html}\n`;
}

/** Offers `content` as a file download. */
export function download(name, type, content) {
  const url = URL.createObjectURL(new Blob([content], { type }));
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10000);
}

export { KIND_LABELS };
