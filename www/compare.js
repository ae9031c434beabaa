// The compare page: loads NewsLens once, reads the picked articles (samples or files), calls
// `compare` and hands the result to the pure renderer in compare-render.js.
//
// URL contract: `compare.html?seeds=FILE,FILE` (or `?seeds=all`) picks those samples and compares
// them at once. Each quotation links to `index.html?seed=FILE#QUOTE_ID` on the main page.

import init, { compare } from './pkg/newslens_compare.js';
import { h, renderComparison } from './compare-render.js';

const $ = (id) => document.getElementById(id);
const status = (text) => {
  $('status').textContent = text;
};

/** The samples' index: [{file, title}]. */
async function loadSamples() {
  const response = await fetch('./seeds/index.json');
  if (!response.ok) throw new Error(`samples index: HTTP ${response.status}`);
  return response.json();
}

async function loadSample(file) {
  const response = await fetch(`./seeds/${encodeURIComponent(file)}`);
  if (!response.ok) throw new Error(`${file}: HTTP ${response.status}`);
  return response.text();
}

function renderSampleChoices(samples, preselected) {
  const list = $('sample-list');
  list.replaceChildren(
    ...samples.map((s, i) => {
      const id = `sample-${i}`;
      const box = h('input', { type: 'checkbox', id, value: s.file, checked: preselected.has(s.file) });
      box.dataset.title = s.title;
      return h('li', {}, box, h('label', { for: id, title: `${s.title} (${s.file})` }, s.title, ' ', h('span', { class: 'source' }, `(${s.file})`)));
    }),
  );
}

function checkedSamples() {
  return [...document.querySelectorAll('#sample-list input:checked')].map((box) => ({ file: box.value, title: box.dataset.title }));
}

async function pickedArticles() {
  const articles = [];
  for (const s of checkedSamples()) {
    articles.push({ name: s.file, seed: s.file, title: s.title, text: await loadSample(s.file) });
  }
  for (const file of $('files').files) {
    const text = await file.text();
    const title = text.split('\n').map((l) => l.trim()).find((l) => l) ?? file.name;
    articles.push({ name: file.name, seed: null, title, text });
  }
  return articles;
}

async function run() {
  const articles = await pickedArticles();
  if (articles.length === 0) {
    status('Pick at least one article.');
    return;
  }
  status(`Comparing ${articles.length} article${articles.length > 1 ? 's' : ''}…`);
  const started = performance.now();
  const comparison = compare(articles.map((a) => a.text), 'utf16');
  const ms = Math.round(performance.now() - started);
  for (const [i, a] of comparison.articles.entries()) articles[i].title = a.title || articles[i].name;
  $('results').replaceChildren(renderComparison(comparison, articles));
  status(`Compared ${articles.length} articles in ${ms} ms: ${comparison.quote_clusters.length} quotations in several places, ${comparison.speakers.length} speakers.`);
}

async function main() {
  await init();
  const params = new URLSearchParams(location.search);
  const wanted = params.get('seeds');
  let samples = [];
  try {
    samples = await loadSamples();
  } catch (error) {
    $('samples').append(h('p', {}, 'The samples are not available here (build them with make site).'));
  }
  const preselected = new Set(wanted === null || wanted === 'all' ? samples.map((s) => s.file) : wanted.split(','));
  renderSampleChoices(samples, preselected);
  $('select-all').addEventListener('click', () => document.querySelectorAll('#sample-list input').forEach((b) => (b.checked = true)));
  $('select-none').addEventListener('click', () => document.querySelectorAll('#sample-list input').forEach((b) => (b.checked = false)));
  $('picker').addEventListener('submit', (event) => {
    event.preventDefault();
    run().catch((error) => status(`Could not compare: ${error.message}`));
  });
  $('run').disabled = false;
  status('Ready.');
  if (wanted !== null) await run();
}

main().catch((error) => status(`NewsLens could not start: ${error.message}`));
