// The annotator's thread: loads the wasm once and annotates on request, so the page never
// freezes. Long texts are annotated in chunks cut at line ends (progress after each chunk) and
// the results merged; the page cancels a job by terminating this worker.
//
// In:  {type:'module', module} first (the wasm the page compiled, or null: load it here),
//      then {type:'annotate', job, text}
// Out: {type:'ready', version} | {type:'progress', job, done, total}
//      | {type:'result', job, json, rules, ms, chunks} | {type:'error', job, message}
//        (json: the analysis as JSON text; rules: {rule id: plain words})
//      | {type:'fatal', message} (the wasm trapped: the page starts a fresh worker)
//      | {type:'broken', message} (the wasm did not load: restarting would not help)
import init, { annotateJson, version, describe_rule as describeRule } from './pkg/newslens.js';
import { chunkBounds } from './chunks.js';

/** Resolves to whether the annotator loaded; set by the page's first message. */
let ready = null;

/**
 * A short article with every layer in it. Annotated once as soon as the wasm is ready, while
 * the page is still fetching its first text: the first call of each function is compiled then
 * (lazily, by the browser) and the word lists are set up, which costs the first real
 * annotation most of its time otherwise. If the text is already waiting, it waits for little
 * more than this text's own annotation.
 */
const WARM_UP = 'WASHINGTON (AP) — “We will not back down,” Sen. Jane Doe said on Monday, adding that '
  + 'the plan would cost about $1.2 billion, or 12 percent more than last year. The Treasury '
  + 'Department declined to comment. Officials, who spoke on condition of anonymity, claimed it '
  + 'may fail in March, according to a report by Reuters.';

function load(module) {
  ready = init(module ? { module_or_path: module } : undefined).then(
    () => {
      self.postMessage({ type: 'ready', version: version() });
      try {
        annotateJson(WARM_UP, 'utf16');
      } catch {
        // nothing to report yet: the first real text meets the same fault and says so
      }
      return true;
    },
    (err) => { self.postMessage({ type: 'broken', message: `could not load the annotator: ${err && err.message || err}` }); return false; },
  );
}

function shift(span, by) {
  return span ? { ...span, start: span.start + by, end: span.end + by } : span;
}

/** Merges per-chunk analyses: offsets shifted, ids renumbered, entities joined by type+name. */
function merge(parts) {
  const out = { version: parts.length ? parts[0].analysis.version : 1, quotes: [], entities: [], cues: [] };
  const entityByKey = new Map();
  for (const { analysis, offset } of parts) {
    const entityIds = new Map();
    for (const e of analysis.entities || []) {
      const key = `${e.type}\u0000${e.name}`;
      let merged = entityByKey.get(key);
      if (!merged) {
        merged = { ...e, id: `e${out.entities.length + 1}`, mentions: [] };
        entityByKey.set(key, merged);
        out.entities.push(merged);
      } else if (e.titles) {
        merged.titles = [...new Set([...(merged.titles || []), ...e.titles])];
      }
      merged.mentions.push(...e.mentions.map((m) => shift(m, offset)));
      entityIds.set(e.id, merged.id);
    }
    const quoteIds = new Map();
    for (const q of analysis.quotes || []) quoteIds.set(q.id, `q${out.quotes.length + quoteIds.size + 1}`);
    for (const q of analysis.quotes || []) {
      const speaker = q.speaker && {
        ...q.speaker,
        entity: q.speaker.entity ? entityIds.get(q.speaker.entity) || null : null,
        mention: shift(q.speaker.mention, offset),
      };
      out.quotes.push({
        ...shift(q, offset), id: quoteIds.get(q.id), speaker, cue: shift(q.cue, offset),
        nested_in: q.nested_in ? quoteIds.get(q.nested_in) || null : null,
      });
    }
    for (const c of analysis.cues || []) out.cues.push(shift(c, offset));
  }
  return out;
}

function rulesOf(analysis) {
  const ids = new Set();
  for (const q of analysis.quotes || []) { ids.add(q.rule); ids.add(q.attribution_rule); }
  for (const e of analysis.entities || []) ids.add(e.rule);
  for (const c of analysis.cues || []) ids.add(c.rule);
  const rules = {};
  for (const id of ids) if (id) rules[id] = describeRule(id);
  return rules;
}

async function run({ job, text }) {
  const t0 = performance.now();
  const bounds = chunkBounds(text);
  // The analysis travels as JSON text, made by the core in one pass: building it as a JS object
  // across the wasm boundary costs twice as long, and parsing text costs the page a fraction of
  // deserialising a posted object graph.
  let json;
  let analysis;
  if (bounds.length <= 1) {
    json = annotateJson(text, 'utf16');
    analysis = JSON.parse(json);
  } else {
    const parts = [];
    for (const [i, [start, end]] of bounds.entries()) {
      parts.push({ analysis: JSON.parse(annotateJson(text.slice(start, end), 'utf16')), offset: start });
      self.postMessage({ type: 'progress', job, done: i + 1, total: bounds.length });
      await new Promise((resolve) => setTimeout(resolve, 0));
    }
    analysis = merge(parts);
    json = JSON.stringify(analysis);
  }
  const rules = rulesOf(analysis);
  self.postMessage({ type: 'result', job, json, rules, ms: performance.now() - t0, chunks: bounds.length });
}

self.onmessage = async (event) => {
  const msg = event.data;
  if (msg.type === 'module') {
    if (!ready) load(msg.module);
    return;
  }
  if (!ready) load(null);
  if (!(await ready)) return;
  if (msg.type !== 'annotate') return;
  try {
    await run(msg);
  } catch (err) {
    if (err instanceof WebAssembly.RuntimeError) {
      // a trap leaves the module in an unknown state: let the page start a fresh worker
      self.postMessage({ type: 'fatal', job: msg.job, message: `the annotator crashed (${err.message})` });
      self.close();
      return;
    }
    self.postMessage({ type: 'error', job: msg.job, message: String(err && err.message || err) });
  }
};
