// The page's wiring: input → annotator worker → rendered article and status line.
import { renderArticle } from './render.js';

const $ = (sel) => document.querySelector(sel);
const article = $('#article');
const output = $('#output');
const status = $('#status');
const sample = $('#sample');
const fileInput = $('#file');

let worker = null;
let job = 0;
let lastText = '';

function setStatus(message) {
  status.textContent = message;
}

function plural(n, one, many = `${one}s`) {
  return `${n} ${n === 1 ? one : many}`;
}

function show(text, analysis, ms) {
  output.replaceChildren(renderArticle(text, analysis));
  const q = analysis.quotes.length;
  const e = analysis.entities.length;
  const c = analysis.cues.length;
  setStatus(`${plural(q, 'quote')}, ${plural(e, 'entity', 'entities')}, ${plural(c, 'stance cue')} — annotated in ${ms.toFixed(1)} ms`);
  document.body.dataset.annotated = String(job);
}

function startWorker() {
  worker = new Worker(new URL('./worker.js', import.meta.url), { type: 'module' });
  worker.onmessage = (event) => {
    const msg = event.data;
    if (msg.type === 'ready') {
      document.body.dataset.ready = '1';
      setStatus(`Ready (NewsLens ${msg.version}). Paste an article or pick a sample.`);
      if (article.value) annotateNow();
    } else if (msg.type === 'result') {
      if (msg.job === job) show(lastText, msg.analysis, msg.ms);
    } else if (msg.type === 'error') {
      if (msg.job === job) setStatus(`Could not annotate: ${msg.message}`);
    } else if (msg.type === 'fatal') {
      setStatus(`The annotator failed to load: ${msg.message}`);
    }
  };
  worker.onerror = (event) => {
    event.preventDefault();
    setStatus(`The annotator stopped: ${event.message || 'unknown error'}`);
  };
}

function annotateNow() {
  lastText = article.value;
  job += 1;
  if (!lastText.trim()) {
    output.replaceChildren();
    setStatus('Nothing to annotate yet.');
    return;
  }
  setStatus('Annotating…');
  worker.postMessage({ type: 'annotate', job, text: lastText });
}

let timer = 0;
article.addEventListener('input', () => {
  clearTimeout(timer);
  timer = setTimeout(annotateNow, 300);
});

async function loadSamples() {
  try {
    const res = await fetch('./seeds/index.json');
    if (!res.ok) throw new Error(`HTTP ${res.status}`);
    for (const { file, title } of await res.json()) {
      const opt = document.createElement('option');
      opt.value = file;
      opt.textContent = title;
      sample.appendChild(opt);
    }
  } catch (err) {
    sample.disabled = true;
    sample.title = `No samples: ${err.message}`;
  }
}

sample.addEventListener('change', async () => {
  if (!sample.value) return;
  const res = await fetch(`./seeds/${encodeURIComponent(sample.value)}`);
  article.value = await res.text();
  annotateNow();
});

fileInput.addEventListener('change', async () => {
  const file = fileInput.files[0];
  if (!file) return;
  article.value = await file.text();
  annotateNow();
});

startWorker();
loadSamples();
