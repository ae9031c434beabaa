// Summaries derived from an analysis: who is quoted (share of voice), entities by type, cues
// by category, and the colour slot of each speaker. Pure functions, no DOM.
import { speakerKey } from './render.js';

export const ENTITY_TYPES = ['person', 'org', 'place', 'date', 'number'];
export const ENTITY_LABELS = { person: 'People', org: 'Organisations', place: 'Places', date: 'Dates', number: 'Numbers' };
export const ENTITY_SINGULAR = { person: 'person', org: 'organisation', place: 'place', date: 'date', number: 'number' };
export const CUE_CATEGORIES = ['hedge', 'booster', 'refusal', 'support', 'loaded_attribution', 'anonymous_source', 'evaluative'];
export const CUE_LABELS = {
  hedge: 'Hedges',
  booster: 'Boosters',
  refusal: 'Refusals',
  support: 'Support',
  loaded_attribution: 'Loaded attribution',
  anonymous_source: 'Anonymous sources',
  evaluative: 'Evaluative words',
};
export const CUE_EXPLAIN = {
  hedge: 'softens a claim (may, reportedly, appears)',
  booster: 'strengthens a claim (clearly, certainly, undeniably)',
  refusal: 'declining to comment or to confirm',
  support: 'backs a claim with evidence or sources',
  loaded_attribution: 'an attribution verb that frames the speaker (claimed, admitted, insisted)',
  anonymous_source: 'a source the reader cannot identify',
  evaluative: 'the writer’s own judgement in a word',
};
export const KIND_LABELS = { direct: 'direct quote', partial: 'partial quote', indirect: 'indirect (reported) speech' };

/** Orders two strings by code point: a stable tie-break that, unlike localeCompare, does not
 *  start the browser's collator (~20 ms on the first annotation the page shows). */
function byText(a, b) {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Number of speaker colours before the rest share one. */
export const PALETTE_SIZE = 8;

/** Words of a text: whitespace-separated chunks holding a letter or digit (as the core counts). */
const WORD = /[^\s\p{L}\p{N}]*[\p{L}\p{N}]\S*/gu;
export function countWords(text) {
  WORD.lastIndex = 0;
  let n = 0;
  while (WORD.exec(text) !== null) n++;
  return n;
}

/**
 * Speakers with their quotes, ranked by share of voice, then by first appearance. Share of
 * voice is the words of a speaker's quotes (a nested quote's words go to its own speaker) over
 * the words of all attributed quotes. Unattributed quotes form one group with key '' and no
 * share. When the analysis carries the core's `profile`, its ranking and `share_of_voice` are
 * used for the speakers it lists; everything else comes from the quotes.
 */
export function speakers(analysis) {
  const quotes = analysis.quotes || [];
  const nestedWords = new Map();
  const words = new Map();
  for (const q of quotes) words.set(q.id, countWords(q.text));
  for (const q of quotes) {
    if (q.nested_in) nestedWords.set(q.nested_in, (nestedWords.get(q.nested_in) || 0) + words.get(q.id));
  }
  const byKey = new Map();
  for (const q of quotes) {
    const key = speakerKey(q.speaker);
    if (!byKey.has(key)) {
      byKey.set(key, {
        key,
        name: q.speaker ? q.speaker.name : 'Unattributed',
        entity: q.speaker ? q.speaker.entity : null,
        anonymous: q.speaker ? Boolean(q.speaker.anonymous) : false,
        attributed: Boolean(q.speaker),
        first: q.start,
        quotes: [],
        mentions: [],
        words: 0,
        counts: { direct: 0, partial: 0, indirect: 0 },
        verbs: new Map(),
        neutral: 0,
        loaded: 0,
      });
    }
    const s = byKey.get(key);
    s.quotes.push(q.id);
    s.words += Math.max(0, words.get(q.id) - (nestedWords.get(q.id) || 0));
    s.counts[q.kind] = (s.counts[q.kind] || 0) + 1;
    if (q.speaker && q.speaker.mention) s.mentions.push(q.speaker.mention);
    if (q.cue) {
      const v = s.verbs.get(q.cue.lemma) || { lemma: q.cue.lemma, neutral: q.cue.neutral, count: 0 };
      v.count++;
      s.verbs.set(q.cue.lemma, v);
      if (q.cue.neutral) s.neutral++; else s.loaded++;
    }
  }
  const list = [...byKey.values()].map((s) => ({ ...s, verbs: [...s.verbs.values()].sort((a, b) => b.count - a.count || byText(a.lemma, b.lemma)) }));
  const attributedWords = list.filter((s) => s.attributed).reduce((n, s) => n + s.words, 0) || 1;
  for (const s of list) s.share = s.attributed ? s.words / attributedWords : null;
  const profile = analysis.profile && Array.isArray(analysis.profile.speakers) ? analysis.profile.speakers : null;
  const rank = new Map();
  if (profile) {
    profile.forEach((p, i) => {
      const mine = list.find((s) => s.attributed && (p.entity ? s.entity === p.entity
        : !s.entity && s.name.toLowerCase() === String(p.name || '').toLowerCase()));
      if (!mine) return;
      rank.set(mine.key, i);
      const share = typeof p.share_of_voice === 'number' ? p.share_of_voice : p.share;
      if (typeof share === 'number') mine.share = share;
      if (typeof p.words === 'number') mine.words = p.words;
    });
  }
  list.sort((a, b) => {
    if (!a.attributed !== !b.attributed) return a.attributed ? -1 : 1;
    const ra = rank.has(a.key) ? rank.get(a.key) : Infinity;
    const rb = rank.has(b.key) ? rank.get(b.key) : Infinity;
    return ra - rb || (b.share || 0) - (a.share || 0) || b.quotes.length - a.quotes.length || a.first - b.first;
  });
  // stance cues inside each speaker's quotes: the profile's counts, or counted from cue.voice
  const profileCues = new Map();
  if (profile) {
    for (const p of profile) {
      const mine = list.find((s) => s.attributed && (p.entity ? s.entity === p.entity : s.name.toLowerCase() === String(p.name || '').toLowerCase()));
      if (mine && p.cues && typeof p.cues === 'object') profileCues.set(mine.key, p.cues);
    }
  }
  for (const s of list) {
    if (profileCues.has(s.key)) {
      s.cues = { ...profileCues.get(s.key) };
      continue;
    }
    const voice = !s.attributed ? 'unattributed' : s.entity || `speaker:${s.name.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, '-')}`;
    s.cues = {};
    for (const c of analysis.cues || []) if (c.voice === voice) s.cues[c.category] = (s.cues[c.category] || 0) + 1;
  }
  let slot = 0;
  for (const s of list) s.colour = s.attributed ? String(Math.min(slot++, PALETTE_SIZE)) : 'none';
  return list;
}

/** {type: {entities: [...], mentions: n}} for every entity type present. */
export function entitiesByType(analysis) {
  const out = {};
  for (const e of analysis.entities || []) {
    if (!out[e.type]) out[e.type] = { entities: [], mentions: 0 };
    out[e.type].entities.push(e);
    out[e.type].mentions += e.mentions.length;
  }
  for (const t of Object.values(out)) t.entities.sort((a, b) => b.mentions.length - a.mentions.length || byText(a.name, b.name));
  return out;
}

/** {category: [{cue, id}]} with the derived cue ids c1, c2… */
export function cuesByCategory(analysis) {
  const out = {};
  (analysis.cues || []).forEach((c, i) => {
    (out[c.category] ||= []).push({ cue: c, id: `c${i + 1}` });
  });
  return out;
}

/** Every rule id named in the analysis (quotes, attributions, entities, cues). */
export function ruleIds(analysis) {
  const ids = new Set();
  for (const q of analysis.quotes || []) { if (q.rule) ids.add(q.rule); if (q.attribution_rule) ids.add(q.attribution_rule); }
  for (const e of analysis.entities || []) if (e.rule) ids.add(e.rule);
  for (const c of analysis.cues || []) if (c.rule) ids.add(c.rule);
  return [...ids].sort();
}

/** Known categories first in their order, then any new ones alphabetically. */
export function ordered(known, present) {
  return [...known.filter((k) => present.includes(k)), ...present.filter((k) => !known.includes(k)).sort()];
}

export function label(map, key) {
  return map[key] || key.replace(/_/g, ' ').replace(/^./, (c) => c.toUpperCase());
}
