// The legend (with toggles) and the side panel: who's quoted, entities, stance. Built with DOM
// APIs; every name from the article goes in as text.
import {
  ENTITY_TYPES, ENTITY_LABELS, CUE_CATEGORIES, CUE_LABELS, ordered, label, entitiesByType, cuesByCategory,
} from './model.js';

function el(tag, attrs = {}, ...children) {
  const node = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) {
    if (v === undefined || v === null || v === false) continue;
    if (k === 'className') node.className = v;
    else if (k.startsWith('data-') || k.startsWith('aria-') || k === 'type' || k === 'id' || k === 'for' || k === 'role') node.setAttribute(k, v === true ? '' : String(v));
    else node[k] = v;
  }
  for (const c of children) {
    if (c === null || c === undefined || c === false) continue;
    node.append(c instanceof Node ? c : document.createTextNode(String(c)));
  }
  return node;
}

const LAYERS = [
  ['quote', 'Quotes'],
  ['speaker', 'Speakers'],
  ['entity', 'Entities'],
  ['cue', 'Stance cues'],
];

function toggle(key, text, count, hidden, extra = {}) {
  const id = `t-${key.replace(/[^a-z0-9]+/gi, '-')}`;
  const input = el('input', { type: 'checkbox', id, 'data-toggle': key, checked: !hidden.has(key) });
  return el('div', { className: 'toggle' },
    input,
    el('label', { for: id },
      el('span', { className: 'swatch', 'aria-hidden': 'true', ...extra }),
      `${text} `, el('span', { className: 'count' }, `(${count})`)));
}

/** The legend: one checkbox per layer, entity type and cue category, with counts. */
export function renderLegend(container, analysis, hidden, speakerCount) {
  const quotes = analysis.quotes || [];
  const mentionCount = new Set(quotes.filter((q) => q.speaker && q.speaker.mention).map((q) => `${q.speaker.mention.start}:${q.speaker.mention.end}`)).size;
  const ents = entitiesByType(analysis);
  const cues = cuesByCategory(analysis);
  const counts = {
    quote: quotes.length,
    speaker: mentionCount,
    entity: (analysis.entities || []).reduce((n, e) => n + e.mentions.length, 0),
    cue: (analysis.cues || []).length,
  };
  const layers = el('div', { className: 'legend-group', role: 'group', 'aria-label': 'Layers' },
    ...LAYERS.map(([key, text]) => toggle(key, key === 'quote' && speakerCount ? `${text} (tinted by speaker)` : text, counts[key], hidden, { 'data-layer': key })));
  const types = ordered(ENTITY_TYPES, [...new Set([...ENTITY_TYPES, ...Object.keys(ents)])]);
  const typeGroup = el('div', { className: 'legend-group', role: 'group', 'aria-label': 'Entity types' },
    ...types.map((t) => toggle(`entity:${t}`, label(ENTITY_LABELS, t), ents[t] ? ents[t].mentions : 0, hidden, { 'data-layer': 'entity', 'data-type': t })));
  const cats = ordered(CUE_CATEGORIES, [...new Set([...CUE_CATEGORIES, ...Object.keys(cues)])]);
  const cueGroup = el('div', { className: 'legend-group', role: 'group', 'aria-label': 'Stance cue categories' },
    ...cats.map((c) => toggle(`cue:${c}`, label(CUE_LABELS, c), cues[c] ? cues[c].length : 0, hidden, { 'data-layer': 'cue', 'data-category': c })));
  container.replaceChildren(layers, typeGroup, cueGroup);
}

function pct(x) {
  return `${Math.round(x * 100)}%`;
}

function totalsLine(t) {
  if (!t || typeof t.quoted_share !== 'number' || typeof t.writer_share !== 'number') return null;
  const reported = t.words ? t.reported_words / t.words : 0;
  return el('li', {}, `Of the article’s ${t.words} words: ${pct(t.quoted_share)} quoted, ${pct(reported)} reported speech, ${pct(t.writer_share)} the writer’s own`);
}

/** "Who's quoted": share-of-voice bars, named vs anonymous, verbs. */
export function renderVoices(container, speakers, analysis) {
  const quotes = analysis.quotes || [];
  if (!quotes.length) {
    container.replaceChildren(el('p', { className: 'empty' }, 'No quotes found.'));
    return;
  }
  const attributed = speakers.filter((s) => s.attributed);
  const named = attributed.filter((s) => !s.anonymous);
  const anon = attributed.filter((s) => s.anonymous);
  const quotesOf = (list) => { const n = list.reduce((k, s) => k + s.quotes.length, 0); return `${n} quote${n === 1 ? '' : 's'}`; };
  const unattributed = speakers.find((s) => !s.attributed);
  const neutral = speakers.reduce((n, s) => n + s.neutral, 0);
  const loaded = speakers.reduce((n, s) => n + s.loaded, 0);
  const summary = el('ul', { className: 'facts' },
    el('li', {}, `${quotes.length} quote${quotes.length === 1 ? '' : 's'} from ${attributed.length} speaker${attributed.length === 1 ? '' : 's'}`),
    el('li', {}, `Named sources: ${named.length} (${quotesOf(named)}) · unnamed or collective: ${anon.length} (${quotesOf(anon)})`),
    unattributed ? el('li', {}, `Not attributed: ${unattributed.quotes.length}`) : null,
    el('li', {}, `Attribution verbs: ${neutral} neutral, ${loaded} loaded`),
    totalsLine(analysis.profile && analysis.profile.totals),
    el('li', { className: 'note' }, 'Share of voice: words of each speaker’s quotes over all attributed quoted words.'));
  const list = el('ol', { className: 'voices' });
  for (const s of speakers) {
    const counts = ['direct', 'partial', 'indirect'].map((k) => `${s.counts[k] || 0} ${k}`).join(' · ');
    // widths in steps of 5 % come from the stylesheet: no inline style anywhere
    const fill = s.share === null ? null
      : el('span', { className: 'fill', 'data-colour': s.colour, 'data-w': String(Math.max(1, Math.round(s.share * 20)) * 5) });
    const verbs = s.verbs.length
      ? el('p', { className: 'verbs' }, 'Verbs: ', ...s.verbs.flatMap((v, i) => [
        i ? ', ' : '',
        el('span', { className: v.neutral ? 'verb' : 'verb loaded' }, `${v.lemma}${v.count > 1 ? ` ×${v.count}` : ''}${v.neutral ? '' : ' (loaded)'}`),
      ]))
      : null;
    const cueList = ordered(CUE_CATEGORIES, Object.keys(s.cues || {}).filter((c) => s.cues[c] > 0));
    const stance = cueList.length
      ? el('p', { className: 'verbs' }, `Stance cues in their quotes: ${cueList.map((c) => `${label(CUE_LABELS, c).toLowerCase()} ${s.cues[c]}`).join(', ')}`)
      : null;
    list.append(el('li', {},
      el('button', { type: 'button', className: 'pick', 'data-pick': 'speaker', 'data-key': s.key, 'aria-pressed': 'false' },
        el('span', { className: 'dot', 'data-colour': s.colour, 'aria-hidden': 'true' }),
        el('span', { className: 'who' }, s.name),
        s.anonymous ? el('span', { className: 'tag' }, s.entity ? 'collective' : 'unnamed') : null,
        el('span', { className: 'share' }, s.share === null ? `${s.quotes.length} quote${s.quotes.length === 1 ? '' : 's'}` : pct(s.share))),
      fill ? el('div', { className: 'bar', 'aria-hidden': 'true' }, fill) : null,
      el('p', { className: 'counts' }, `${counts}${s.words ? ` · ${s.words} words` : ''}`),
      verbs,
      stance));
  }
  container.replaceChildren(summary, list);
}

/** "Entities" by type with counts; each entity a button that highlights its mentions. */
export function renderEntities(container, analysis) {
  const byType = entitiesByType(analysis);
  const types = ordered(ENTITY_TYPES, Object.keys(byType));
  if (!types.length) {
    container.replaceChildren(el('p', { className: 'empty' }, 'No entities found.'));
    return;
  }
  container.replaceChildren(...types.map((t) => el('details', { className: 'group', open: true },
    el('summary', {}, el('span', { className: 'swatch', 'data-layer': 'entity', 'data-type': t, 'aria-hidden': 'true' }),
      `${label(ENTITY_LABELS, t)} `, el('span', { className: 'count' }, `${byType[t].entities.length} · ${byType[t].mentions} mentions`)),
    el('ul', { className: 'chips' }, ...byType[t].entities.map((e) => el('li', {},
      el('button', { type: 'button', className: 'pick', 'data-pick': 'entity', 'data-key': e.id, 'aria-pressed': 'false' },
        e.name, el('span', { className: 'count' }, ` ×${e.mentions.length}`))))))));
}

/** "Stance" by category: counts and the words found. */
export function renderStance(container, analysis) {
  const byCat = cuesByCategory(analysis);
  const cats = ordered(CUE_CATEGORIES, Object.keys(byCat));
  if (!cats.length) {
    container.replaceChildren(el('p', { className: 'empty' }, 'No stance cues found.'));
    return;
  }
  container.replaceChildren(el('ul', { className: 'stance' }, ...cats.map((c) => {
    const words = new Map();
    for (const { cue } of byCat[c]) {
      const w = cue.text.toLowerCase();
      words.set(w, (words.get(w) || 0) + 1);
    }
    const writer = byCat[c].filter(({ cue }) => cue.voice === 'writer').length;
    const hasVoice = byCat[c].some(({ cue }) => typeof cue.voice === 'string');
    return el('li', {},
      el('button', { type: 'button', className: 'pick', 'data-pick': 'cue', 'data-key': c, 'aria-pressed': 'false' },
        el('span', { className: 'swatch', 'data-layer': 'cue', 'data-category': c, 'aria-hidden': 'true' }),
        `${label(CUE_LABELS, c)} `, el('span', { className: 'count' }, String(byCat[c].length))),
      hasVoice ? el('p', { className: 'words' }, `${writer} in the writer’s own words, ${byCat[c].length - writer} inside quotes`) : null,
      el('p', { className: 'words' }, [...words].map(([w, n]) => (n > 1 ? `${w} ×${n}` : w)).join(', ')));
  })));
}

export { el };
