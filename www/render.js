// Rendering: a pure function from (text, analysis) to DOM nodes. Reader text is only ever
// inserted with createTextNode; no innerHTML anywhere.
//
// Annotations may nest and overlap (a quote containing an entity, a cue crossing a quote's
// end). The text is cut at every span boundary; each elementary segment is covered by a list of
// spans ordered outermost first (start ascending, end descending, then layer); consecutive
// segments share the longest common prefix of open <mark>s, so a span that crosses another is
// split into parts that carry the same data-id. No character is lost or duplicated.

const LAYER_RANK = { quote: 0, speaker: 1, entity: 2, cue: 3 };

/** A stable key for "the same speaker" across quotes. */
export function speakerKey(speaker) {
  if (!speaker) return '';
  return speaker.entity ? `entity:${speaker.entity}` : `name:${speaker.name.toLowerCase()}`;
}

/**
 * Flattens an analysis into spans {start, end, layer, id, ...}: UTF-16 offsets into `text`.
 * Speaker mentions are deduplicated (one mention may attribute several quotes) and get ids
 * `s1`, `s2`… in text order; cues get `c1`, `c2`… in the order of `analysis.cues`.
 */
export function collectSpans(analysis) {
  const spans = [];
  const quotes = analysis.quotes || [];
  for (const q of quotes) {
    spans.push({ start: q.start, end: q.end, layer: 'quote', id: q.id, kind: q.kind,
      speakerKey: speakerKey(q.speaker) });
  }
  const mentions = new Map();
  for (const q of quotes) {
    const m = q.speaker && q.speaker.mention;
    if (!m) continue;
    const key = `${m.start}:${m.end}`;
    if (!mentions.has(key)) {
      mentions.set(key, { start: m.start, end: m.end, layer: 'speaker', quotes: [],
        speakerKey: speakerKey(q.speaker) });
    }
    mentions.get(key).quotes.push(q.id);
  }
  [...mentions.values()].sort((a, b) => a.start - b.start || a.end - b.end)
    .forEach((s, i) => { s.id = `s${i + 1}`; spans.push(s); });
  for (const e of analysis.entities || []) {
    e.mentions.forEach((m, i) => {
      spans.push({ start: m.start, end: m.end, layer: 'entity', id: e.id, type: e.type, mention: i });
    });
  }
  (analysis.cues || []).forEach((c, i) => {
    spans.push({ start: c.start, end: c.end, layer: 'cue', id: `c${i + 1}`, category: c.category });
  });
  return spans.filter((s) => s.end > s.start);
}

function outerFirst(a, b) {
  return a.start - b.start || b.end - a.end || LAYER_RANK[a.layer] - LAYER_RANK[b.layer]
    || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
}

/**
 * Paragraph ranges [start, end) of the text: one per non-empty line (a line of spaces too, so no
 * character but the line breaks is ever left out).
 */
export function paragraphs(text) {
  const out = [];
  const re = /[^\r\n]+/g;
  let m;
  while ((m = re.exec(text)) !== null) out.push([m.index, m.index + m[0].length]);
  return out;
}

/**
 * Marks are cloned from one prototype per (layer, kind, type, category): cloning a node with its
 * attributes is much faster than setting them one by one, which matters at 100 000+ marks.
 */
const prototypes = new Map();

function prototypeFor(span) {
  const key = `${span.layer}|${span.kind || ''}|${span.type || ''}|${span.category || ''}`;
  let proto = prototypes.get(key);
  if (!proto) {
    proto = document.createElement('mark');
    proto.setAttribute('data-layer', span.layer);
    if (span.kind) proto.setAttribute('data-kind', span.kind);
    if (span.type) proto.setAttribute('data-type', span.type);
    if (span.category) proto.setAttribute('data-category', span.category);
    prototypes.set(key, proto);
  }
  return proto;
}

/** The <mark> for one span (attributes only; the caller adds the text). */
function markFor(span, part, decorate) {
  const mark = prototypeFor(span).cloneNode(false);
  mark.setAttribute('data-id', span.id);
  if (span.quotes) mark.setAttribute('data-quotes', span.quotes.join(' '));
  if (part > 0) mark.setAttribute('data-part', String(part));
  if (decorate) decorate(mark, span, part);
  return mark;
}

/**
 * Renders one paragraph [pStart, pEnd) with the spans that touch it into `p`.
 * `parts` counts the pieces already made of each span (a span split across paragraphs or by a
 * crossing span continues as part 1, 2…).
 */
function renderParagraph(p, text, pStart, pEnd, spans, parts, decorate) {
  if (spans.length === 0) {
    p.appendChild(document.createTextNode(text.slice(pStart, pEnd)));
    return;
  }
  // the cut points, sorted and distinct (`spans` come in start order)
  const cuts = [pStart, pEnd];
  for (const s of spans) cuts.push(s.start > pStart ? s.start : pStart, s.end < pEnd ? s.end : pEnd);
  cuts.sort((x, y) => x - y);
  let n = 0;
  for (const c of cuts) if (n === 0 || cuts[n - 1] !== c) cuts[n++] = c;
  cuts.length = n;
  const openSpans = []; // the spans of the open marks, outermost first
  const openEls = [p]; // openEls[k + 1] is the mark of openSpans[k]
  const active = [];
  let covering = [];
  let next = 0;
  for (let i = 0; i + 1 < cuts.length; i++) {
    const a = cuts[i];
    let changed = false;
    let w = 0;
    for (let r = 0; r < active.length; r++) if (active[r].end > a) active[w++] = active[r];
    if (w !== active.length) { active.length = w; changed = true; }
    while (next < spans.length && (spans[next].start > pStart ? spans[next].start : pStart) <= a) {
      if (spans[next].end > a) { active.push(spans[next]); changed = true; }
      next++;
    }
    if (changed) {
      covering = active.slice().sort(outerFirst);
      let keep = 0;
      while (keep < covering.length && keep < openSpans.length && openSpans[keep] === covering[keep]) keep++;
      openSpans.length = keep;
      openEls.length = keep + 1;
      for (let k = keep; k < covering.length; k++) {
        const span = covering[k];
        const part = parts.get(span) || 0;
        parts.set(span, part + 1);
        const el = markFor(span, part, decorate);
        openEls[openEls.length - 1].appendChild(el);
        openSpans.push(span);
        openEls.push(el);
      }
    }
    openEls[openEls.length - 1].appendChild(document.createTextNode(text.slice(a, cuts[i + 1])));
  }
}

/**
 * The annotated article, one <p> at a time (a generator, so that a long article can be built in
 * slices between frames). `decorate(mark, span, part)` may add attributes to each mark.
 */
export function* paragraphNodes(text, analysis, decorate) {
  const spans = collectSpans(analysis).sort((a, b) => a.start - b.start);
  const parts = new Map();
  let next = 0;
  let carry = [];
  for (const [start, end] of paragraphs(text)) {
    carry = carry.filter((s) => s.end > start);
    while (next < spans.length && spans[next].start < end) {
      if (spans[next].end > start) carry.push(spans[next]);
      next++;
    }
    const p = document.createElement('p');
    renderParagraph(p, text, start, end, carry, parts, decorate);
    yield p;
  }
}

/** The annotated article as a DocumentFragment of <p> elements. */
export function renderArticle(text, analysis, decorate) {
  const frag = document.createDocumentFragment();
  for (const p of paragraphNodes(text, analysis, decorate)) frag.appendChild(p);
  return frag;
}

/**
 * Yields to the browser. A timer, not a message or scheduler.yield(): those run ahead of timers
 * and would starve the page's own timers (debounced typing) while a long article renders.
 */
function yieldToBrowser() {
  return new Promise((resolve) => setTimeout(resolve, 0));
}

/**
 * Renders into `container` in slices of about `budgetMs`, yielding to the browser between
 * slices; resolves to false when `isCurrent()` turns false (a newer render started). The first
 * slice is shown at once; the rest is built off-document and attached every `attachMs` of
 * building, each batch in its own `<div class="batch">` (with `content-visibility: auto`, so
 * attaching a batch lays out that batch, not the whole article again).
 */
export async function renderInto(container, text, analysis, decorate, { budgetMs = 24, attachMs = 200, isCurrent = () => true } = {}) {
  const iter = paragraphNodes(text, analysis, decorate);
  container.replaceChildren();
  let pending = document.createDocumentFragment();
  let built = 0;
  let first = true;
  for (;;) {
    const t0 = performance.now();
    let done = false;
    while (performance.now() - t0 < budgetMs) {
      const { value, done: end } = iter.next();
      if (end) { done = true; break; }
      pending.appendChild(value);
    }
    built += performance.now() - t0;
    if (first || done || built >= attachMs) {
      if (first && done) {
        container.appendChild(pending);
      } else {
        const batch = document.createElement('div');
        batch.className = 'batch';
        batch.appendChild(pending);
        container.appendChild(batch);
      }
      pending = document.createDocumentFragment();
      built = 0;
      first = false;
    }
    if (done) return true;
    await yieldToBrowser();
    if (!isCurrent()) return false;
  }
}
