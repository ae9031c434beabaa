// What an annotation is, in plain words: the rows of a card (and the title of a mark in the
// exported HTML). Pure: data in, [label, value] pairs out.
import { ENTITY_SINGULAR, CUE_EXPLAIN, KIND_LABELS, label, CUE_LABELS } from './model.js';

/** Lookup tables for one analysis. */
export function index(analysis, rules = {}) {
  const quotes = new Map((analysis.quotes || []).map((q) => [q.id, q]));
  const entities = new Map((analysis.entities || []).map((e) => [e.id, e]));
  const cues = new Map((analysis.cues || []).map((c, i) => [`c${i + 1}`, c]));
  return { analysis, quotes, entities, cues, rules };
}

function rule(ix, id) {
  if (!id) return null;
  const words = ix.rules[id];
  return words && words !== id ? `${words} (${id})` : id;
}

function speakerLine(q) {
  if (!q.speaker) return 'not attributed';
  const s = q.speaker;
  const bits = [s.name];
  if (s.anonymous) bits.push(s.entity ? '(a collective source)' : '(an unnamed source)');
  return bits.join(' ');
}

/** Whose words a cue is in: `writer`, `unattributed`, an entity id or `speaker:<slug>`. */
export function voiceLabel(ix, voice) {
  if (voice === 'writer') return 'the writer’s own words';
  if (voice === 'unattributed') return 'inside a quote with no speaker';
  if (ix.entities.has(voice)) return `inside a quote by ${ix.entities.get(voice).name}`;
  if (voice.startsWith('speaker:')) return `inside a quote by ${voice.slice(8).replace(/-/g, ' ')}`;
  return voice;
}

/**
 * The title and rows describing the annotation a mark stands for:
 * {title, rows: [[label, value], …]}. `dataset` is the mark's data-* attributes.
 */
export function describe(ix, dataset) {
  const { layer, id } = dataset;
  if (layer === 'quote') {
    const q = ix.quotes.get(id);
    if (!q) return null;
    const rows = [['Speaker', speakerLine(q)], ['Kind', KIND_LABELS[q.kind] || q.kind]];
    if (q.cue) rows.push(['Verb', `${q.cue.text} — ${q.cue.neutral ? 'neutral' : 'loaded: it frames the speaker'}`]);
    if (q.speaker && q.speaker.resolution && q.speaker.resolution !== 'name') rows.push(['Speaker found by', q.speaker.resolution]);
    if (q.nested_in) rows.push(['Inside', `quote ${q.nested_in}`]);
    rows.push(['Why', rule(ix, q.rule)]);
    if (q.attribution_rule) rows.push(['Attributed by', rule(ix, q.attribution_rule)]);
    return { title: `Quote ${id}`, rows };
  }
  if (layer === 'speaker') {
    const ids = (dataset.quotes || '').split(' ').filter(Boolean);
    const q = ix.quotes.get(ids[0]);
    if (!q) return null;
    const rows = [['Speaker', speakerLine(q)], ['Attributes', ids.length === 1 ? `quote ${ids[0]}` : `quotes ${ids.join(', ')}`]];
    if (q.speaker.resolution) rows.push(['Found by', q.speaker.resolution]);
    return { title: 'Speaker', rows };
  }
  if (layer === 'entity') {
    const e = ix.entities.get(id);
    if (!e) return null;
    const rows = [['Type', ENTITY_SINGULAR[e.type] || e.type], ['Name', e.name]];
    if (e.titles && e.titles.length) rows.push(['Titles', e.titles.join('; ')]);
    if (e.value !== undefined && e.value !== null) rows.push(['Value', `${typeof e.value === 'object' ? JSON.stringify(e.value) : e.value}${e.unit ? ` ${e.unit}` : ''}`]);
    rows.push(['Mentions', String(e.mentions.length)]);
    if (e.rule) rows.push(['Why', rule(ix, e.rule)]);
    return { title: `Entity ${id}`, rows };
  }
  if (layer === 'cue') {
    const c = ix.cues.get(id);
    if (!c) return null;
    const rows = [['Category', label(CUE_LABELS, c.category)]];
    if (CUE_EXPLAIN[c.category]) rows.push(['Means', CUE_EXPLAIN[c.category]]);
    if (c.voice) rows.push(['Voice', voiceLabel(ix, c.voice)]);
    rows.push(['Why it counts', rule(ix, c.rule)]);
    return { title: `Stance cue ${id}`, rows };
  }
  return null;
}

/** One line of plain text for a title attribute. */
export function describeLine(ix, dataset) {
  const d = describe(ix, dataset);
  return d ? `${d.title}: ${d.rows.map(([k, v]) => `${k}: ${v}`).join('; ')}` : '';
}
