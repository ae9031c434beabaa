// The page's wiring: input → annotator worker → rendered article, legend, side panel, cards.
import { renderInto } from './render.js';
import { Annotator, MAX_CHARS, LONG_TEXT } from './annotator.js';
import { htmlToText, readFile } from './input.js';
import { saveText, loadText, savePrefs, loadPrefs, debounce } from './storage.js';
import { speakers as rankSpeakers } from './model.js';
import { index } from './describe.js';
import { renderLegend, renderVoices, renderEntities, renderStance } from './panels.js';
import { Cards } from './cards.js';
import { toJson, toCsv, toWebAnnotation, toHtml, download } from './export.js';

const $ = (sel) => document.querySelector(sel);
const article = $('#article');
const output = $('#output');
const status = $('#status');
const notice = $('#notice');
const sample = $('#sample');
const fileInput = $('#file');
const progressRow = $('#progress-row');
const progress = $('#progress');
const legend = $('#legend-groups');

// on a phone the legend starts folded: the article comes first
if (window.matchMedia('(max-width: 760px)').matches) $('#legend-box').open = false;

const prefs = loadPrefs();
const hidden = new Set(Array.isArray(prefs.hidden) ? prefs.hidden : []);
const state = { text: '', analysis: null, rules: {}, speakers: [], ix: null, colour: new Map(), renders: 0, pick: null };

// ---- messages ---------------------------------------------------------------------------

function setStatus(message) {
  status.textContent = message;
}

function say(message) {
  notice.textContent = message;
  notice.hidden = !message;
}

function plural(n, one, many = `${one}s`) {
  return `${n} ${n === 1 ? one : many}`;
}

function mb(n) {
  return `${(n / 1048576).toFixed(1)} MB`;
}

// ---- theme ------------------------------------------------------------------------------

const themeButton = $('#theme');
const systemDark = window.matchMedia('(prefers-color-scheme: dark)');

function applyTheme() {
  const dark = prefs.theme ? prefs.theme === 'dark' : systemDark.matches;
  if (prefs.theme) document.documentElement.dataset.theme = prefs.theme;
  else delete document.documentElement.dataset.theme;
  themeButton.setAttribute('aria-pressed', String(dark));
}
themeButton.addEventListener('click', () => {
  const dark = themeButton.getAttribute('aria-pressed') === 'true';
  prefs.theme = dark ? 'light' : 'dark';
  savePrefs(prefs);
  applyTheme();
});
systemDark.addEventListener('change', applyTheme);
applyTheme();

// ---- layers -----------------------------------------------------------------------------

/** Whether an annotation (a mark's dataset, or a span) is switched off in the legend. */
function isOff(ds) {
  if (hidden.has(ds.layer)) return true;
  if (ds.layer === 'entity' && hidden.has(`entity:${ds.type}`)) return true;
  if (ds.layer === 'cue' && hidden.has(`cue:${ds.category}`)) return true;
  return false;
}

function decorate(mark, span) {
  if (span.speakerKey !== undefined) mark.setAttribute('data-colour', state.colour.get(span.speakerKey) || 'none');
  if (hidden.size && isOff(span)) mark.setAttribute('data-off', '');
}

function applyToggles() {
  for (const mark of output.querySelectorAll('mark')) {
    if (isOff(mark.dataset)) mark.dataset.off = '';
    else delete mark.dataset.off;
  }
  prefs.hidden = [...hidden];
  savePrefs(prefs);
  // the mark in the tab order must stay a shown one
  if (cards.current && (cards.auto || cards.current.hasAttribute('data-off'))) cards.reset();
}

legend.addEventListener('change', (e) => {
  const key = e.target.dataset.toggle;
  if (!key) return;
  if (e.target.checked) hidden.delete(key); else hidden.add(key);
  applyToggles();
});

// ---- highlight from the side panel -----------------------------------------------------

function clearPick() {
  for (const m of output.querySelectorAll('mark[data-hl]')) delete m.dataset.hl;
  for (const b of document.querySelectorAll('.pick[aria-pressed="true"]')) b.setAttribute('aria-pressed', 'false');
  state.pick = null;
}

function showLayer(...keys) {
  let changed = false;
  for (const k of keys) if (hidden.delete(k)) changed = true;
  if (changed) {
    renderLegend(legend, state.analysis, hidden, state.speakers.length);
    applyToggles();
  }
}

function pick(button) {
  const { pick: kind, key } = button.dataset;
  const again = state.pick && state.pick.kind === kind && state.pick.key === key;
  clearPick();
  if (again) return;
  let marks = [];
  if (kind === 'speaker') {
    const s = state.speakers.find((x) => x.key === key);
    if (!s) return;
    showLayer('quote');
    const ids = new Set(s.quotes);
    marks = [...output.querySelectorAll('mark[data-layer="quote"], mark[data-layer="speaker"]')].filter((m) => (m.dataset.layer === 'quote'
      ? ids.has(m.dataset.id) : m.dataset.quotes.split(' ').some((q) => ids.has(q))));
  } else if (kind === 'entity') {
    const e = state.analysis.entities.find((x) => x.id === key);
    if (!e) return;
    showLayer('entity', `entity:${e.type}`);
    marks = [...output.querySelectorAll(`mark[data-layer="entity"][data-id="${CSS.escape(key)}"]`)];
  } else if (kind === 'cue') {
    showLayer('cue', `cue:${key}`);
    marks = [...output.querySelectorAll(`mark[data-layer="cue"][data-category="${CSS.escape(key)}"]`)];
  }
  for (const m of marks) m.dataset.hl = '';
  button.setAttribute('aria-pressed', 'true');
  state.pick = { kind, key };
  const first = marks.find((m) => !m.dataset.part) || marks[0];
  if (first) {
    first.scrollIntoView({ block: 'center', behavior: 'auto' });
    cards.setCurrent(cards.first(first));
  }
  setStatus(`${plural(marks.filter((m) => !m.dataset.part).length, 'highlight')} for ${button.querySelector('.who')?.textContent || button.textContent.trim()}. Press the same button again to clear.`);
}

document.querySelector('.panel').addEventListener('click', (e) => {
  const button = e.target.closest('button.pick');
  if (button) pick(button);
});

// ---- showing an analysis ----------------------------------------------------------------

const cards = new Cards(output, $('#card'), () => {
  if (!state.ix && state.analysis) state.ix = index(state.analysis, state.rules);
  return state.ix;
});

/** Lets the browser run between the steps of showing a long analysis. */
const breathe = () => new Promise((resolve) => setTimeout(resolve, 0));

async function show(msg, text) {
  const t0 = performance.now();
  const { analysis } = msg;
  const render = ++state.renders;
  const current = () => render === state.renders;
  // For a long text each step is its own task, so a huge analysis never blocks the page for
  // their sum; a short one is shown in one go, without waiting twice behind the browser's
  // other work (and laying the panels out before the article is there).
  const step = text.length > LONG_TEXT ? breathe : async () => {};
  state.text = text;
  state.analysis = analysis;
  state.rules = msg.rules || {};
  state.speakers = rankSpeakers(analysis);
  state.colour = new Map(state.speakers.map((s) => [s.key, s.colour]));
  state.pick = null;
  await step();
  if (!current()) return;
  state.ix = null; // built on the first card: a long article may never need it
  renderLegend(legend, analysis, hidden, state.speakers.length);
  renderVoices($('#voices'), state.speakers, analysis);
  renderEntities($('#entities'), analysis);
  renderStance($('#stance'), analysis);
  await step();
  if (!current()) return;
  const done = await renderInto(output, text, analysis, decorate, { isCurrent: current });
  if (!done) return;
  cards.reset();
  progressRow.hidden = true;
  const chunks = msg.chunks > 1 ? ` in ${msg.chunks} parts` : '';
  setStatus(`${plural(analysis.quotes.length, 'quote')}, ${plural(analysis.entities.length, 'entity', 'entities')}, ${plural(analysis.cues.length, 'stance cue')} — annotated in ${msg.ms.toFixed(1)} ms${chunks}, shown in ${(performance.now() - t0).toFixed(0)} ms`);
  document.body.dataset.annotated = String(render);
  // For the page-load figure (issue 6): navigation → first analysis on screen, as the browser
  // timed it (tests/browser/page.test.mjs reads it).
  if (!performance.getEntriesByName('newslens:annotated').length) performance.mark('newslens:annotated');
  if (wantQuote) focusQuote(wantQuote);
}

// ---- links: index.html?seed=FILE#QUOTE_ID (the compare page links here) -----------------

let wantQuote = '';

/** Focuses the quote `id` (e.g. `q3`) with its card, when it is on the page. */
function focusQuote(id) {
  const mark = output.querySelector(`mark[data-layer="quote"][data-id="${CSS.escape(id)}"]:not([data-part])`);
  if (!mark) return;
  wantQuote = '';
  if (mark.hasAttribute('data-off')) showLayer('quote');
  mark.scrollIntoView({ block: 'center' });
  cards.focus(mark);
}

function quoteFromHash() {
  let id = '';
  try { id = decodeURIComponent(location.hash.slice(1)); } catch { return ''; }
  return /^q\d+$/.test(id) ? id : '';
}

window.addEventListener('hashchange', () => {
  wantQuote = quoteFromHash();
  if (wantQuote && state.analysis) focusQuote(wantQuote);
});

function clearOutput(message) {
  state.renders++;
  state.analysis = null;
  state.ix = null;
  output.replaceChildren();
  legend.replaceChildren();
  for (const id of ['voices', 'entities', 'stance']) {
    const p = document.createElement('p');
    p.className = 'empty';
    p.textContent = 'Nothing annotated yet.';
    $(`#${id}`).replaceChildren(p);
  }
  cards.hide();
  progressRow.hidden = true;
  setStatus(message);
}

// ---- the annotator ----------------------------------------------------------------------

const annotator = new Annotator({
  ready(version) {
    if (!performance.getEntriesByName('newslens:ready').length) performance.mark('newslens:ready');
    document.body.dataset.ready = '1';
    document.body.dataset.version = version;
    if (!article.value.trim()) setStatus(`Ready (NewsLens ${version}). Paste an article, open a file or pick a sample.`);
  },
  progress(done, total) {
    progressRow.hidden = false;
    progress.max = total;
    progress.value = done;
    setStatus(`Annotating… part ${done} of ${total}`);
  },
  result(msg, text) {
    show(msg, text);
  },
  error(message) {
    progressRow.hidden = true;
    setStatus(`Could not annotate this text: ${message}`);
  },
  restarted(reason) {
    say(`The annotator stopped (${reason}) and was restarted. Your text is kept.`);
  },
  broken(message) {
    progressRow.hidden = true;
    document.body.dataset.broken = '1';
    setStatus('The annotator is not available.');
    say(`NewsLens cannot annotate in this browser: ${message}. Your text is kept.`);
  },
});

function annotateNow() {
  const text = article.value;
  if (!text.trim()) {
    annotator.cancel();
    clearOutput('Nothing to annotate yet.');
    return;
  }
  if (!annotator.worker) return; // broken: the notice says why
  if (text.length > MAX_CHARS) {
    annotator.cancel();
    clearOutput(`Not annotated: this text is ${mb(text.length * 2)} (${text.length.toLocaleString('en')} characters); NewsLens annotates up to ${MAX_CHARS.toLocaleString('en')} characters (10 MB). Split it into smaller parts.`);
    say(`This text is too long to annotate in the browser (limit: ${MAX_CHARS.toLocaleString('en')} characters).`);
    return;
  }
  if (notice.textContent.startsWith('This text is too long')) say('');
  if (text.length > LONG_TEXT) {
    progressRow.hidden = false;
    progress.removeAttribute('value');
  }
  setStatus(text.length > LONG_TEXT ? `Annotating ${mb(text.length * 2)}…` : 'Annotating…');
  annotator.request(text);
}

$('#cancel').addEventListener('click', () => {
  annotator.cancel();
  state.renders++;
  progressRow.hidden = true;
  setStatus('Annotation cancelled. Edit the text to annotate it again.');
});

// ---- input ------------------------------------------------------------------------------

const save = debounce(() => {
  const why = saveText(article.value);
  if (why) say(`Not saved in this browser: ${why}.`);
  else if (notice.textContent.startsWith('Not saved')) say('');
}, 400);

const annotateSoon = debounce(annotateNow, 300);
const annotateLater = debounce(annotateNow, 800);

article.addEventListener('input', () => {
  if (notice.textContent.startsWith('Your last text was restored')) say('');
  article.classList.toggle('long', article.value.length > LONG_TEXT);
  save();
  (article.value.length > LONG_TEXT ? annotateLater : annotateSoon)();
});

/**
 * Replaces the article with `text` (from a file, a sample, a drop). A sample opened by a link
 * (`?seed=`) is not saved, so it does not replace the reader's own saved text until they edit.
 */
function setArticle(text, { keep = true } = {}) {
  article.classList.toggle('long', text.length > LONG_TEXT);
  article.value = text;
  if (keep) save.flush();
  annotateNow();
}

article.addEventListener('paste', (e) => {
  const data = e.clipboardData;
  if (!data || !data.types.includes('text/html')) return; // plain text: the browser pastes it
  const text = htmlToText(data.getData('text/html'));
  if (!text.trim()) return;
  e.preventDefault();
  article.setRangeText(text, article.selectionStart, article.selectionEnd, 'end');
  article.dispatchEvent(new Event('input', { bubbles: true }));
});

async function openFile(file) {
  try {
    const text = await readFile(file, MAX_CHARS);
    say('');
    sample.value = '';
    setArticle(text);
  } catch (err) {
    say(err.message);
  }
}

fileInput.addEventListener('change', () => {
  if (fileInput.files[0]) openFile(fileInput.files[0]);
  fileInput.value = '';
});

// a file dropped anywhere opens it (and never navigates away from the page)
window.addEventListener('dragover', (e) => {
  e.preventDefault();
  document.body.classList.add('dragging');
});
window.addEventListener('dragleave', (e) => {
  if (!e.relatedTarget) document.body.classList.remove('dragging');
});
window.addEventListener('drop', (e) => {
  e.preventDefault();
  document.body.classList.remove('dragging');
  const file = e.dataTransfer && e.dataTransfer.files[0];
  if (file) openFile(file);
});

$('#clear').addEventListener('click', () => {
  sample.value = '';
  setArticle('');
  say('');
  article.focus();
});

async function loadSamples() {
  try {
    const res = await fetch('./seeds/index.json');
    if (!res.ok) throw new Error(`HTTP ${res.status}`);
    const list = await res.json();
    for (const { file, title } of list) {
      const opt = document.createElement('option');
      opt.value = file;
      opt.textContent = title;
      sample.appendChild(opt);
    }
    return list.map((entry) => entry.file);
  } catch (err) {
    sample.disabled = true;
    sample.title = `No samples: ${err.message}`;
    return [];
  }
}

/** Fetches a sample's text; `fetched` is a fetch of it already under way. */
async function openSample(file, options, fetched) {
  try {
    const res = await (fetched || fetch(`./seeds/${encodeURIComponent(file)}`));
    if (!res.ok) throw new Error(`HTTP ${res.status}`);
    setArticle(await res.text(), options);
  } catch (err) {
    say(`Could not load the sample: ${err.message}`);
  }
}

sample.addEventListener('change', () => {
  if (sample.value) openSample(sample.value);
});

// ---- export -----------------------------------------------------------------------------

let css = null;

function titleOf(text) {
  const line = (text.split('\n').find((l) => l.trim()) || 'article').trim();
  if (line.length <= 100) return line;
  const cut = line.slice(0, 100);
  return `${cut.slice(0, cut.lastIndexOf(' ') > 60 ? cut.lastIndexOf(' ') : 100)}…`;
}

function slug(text) {
  return titleOf(text).toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '').slice(0, 40) || 'article';
}

document.querySelector('.export').addEventListener('click', async (e) => {
  const kind = e.target.closest('button') && e.target.closest('button').dataset.export;
  if (!kind) return;
  if (!state.analysis) {
    setStatus('Nothing to export yet: annotate an article first.');
    return;
  }
  const { text, analysis } = state;
  const name = `newslens-${slug(text)}`;
  if (kind === 'json') download(`${name}.json`, 'application/json', toJson(analysis));
  else if (kind === 'csv') download(`${name}-quotes.csv`, 'text/csv;charset=utf-8', toCsv(analysis));
  else if (kind === 'jsonld') download(`${name}.jsonld`, 'application/ld+json', await toWebAnnotation(text, analysis));
  else if (kind === 'html') {
    if (css === null) css = await (await fetch('./style.css')).text();
    download(`${name}.html`, 'text/html;charset=utf-8', toHtml(text, analysis, { css, rules: state.rules, title: titleOf(text), speakers: state.speakers }));
  }
});

// ---- start ------------------------------------------------------------------------------

const linked = new URLSearchParams(location.search).get('seed');
wantQuote = quoteFromHash();
const samplesLoaded = loadSamples();
const restored = linked ? '' : loadText();
if (linked) {
  clearOutput('Loading the sample…');
  // Fetched alongside the list rather than after it: the list only says whether to show it.
  const fetched = fetch(`./seeds/${encodeURIComponent(linked)}`);
  fetched.catch(() => {}); // a failure is reported by openSample, or not at all if unlisted
  samplesLoaded.then((files) => {
    if (files.includes(linked)) {
      sample.value = linked;
      openSample(linked, { keep: false }, fetched);
    } else {
      say(`There is no sample called “${linked}”.`);
    }
  });
} else if (restored) {
  article.classList.toggle('long', restored.length > LONG_TEXT);
  article.value = restored;
  say('Your last text was restored from this browser’s storage.');
  annotateNow();
} else {
  clearOutput('Loading the annotator…');
}
