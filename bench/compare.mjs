// Benchmark of `compare` in WebAssembly (Node): 50 articles of about 1,000 words each, built from
// the five samples (each article mixes paragraphs of two samples, so the same quotations recur
// across many articles, the hard case for clustering). Needs www/pkg from `make site`.
// Run: node bench/compare.mjs [articles] [words]
// Prints the median and best of several runs, the annotate-only share, and the cluster count.

import { readFileSync, readdirSync } from 'node:fs';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { performance } from 'node:perf_hooks';
import { initSync, compare, annotate } from '../www/pkg/newslens.js';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
initSync({ module: readFileSync(join(root, 'www/pkg/newslens_bg.wasm')) });

const count = Number(process.argv[2] ?? 50);
const words = Number(process.argv[3] ?? 1000);
const seeds = readdirSync(join(root, 'seeds'))
  .filter((f) => f.endsWith('.txt'))
  .sort()
  .map((f) => readFileSync(join(root, 'seeds', f), 'utf8'));
const paragraphs = seeds.map((t) => t.split('\n').filter((l) => l.trim()));

function article(k) {
  const a = paragraphs[k % seeds.length];
  const b = paragraphs[(k * 3 + 1) % seeds.length];
  const out = [`Article ${k}: ${a[0]}`];
  let n = out[0].split(/\s+/).length;
  for (let i = 1; n < words; i++) {
    const p = i % 2 ? a[(i + k) % a.length] : b[(i + 2 * k) % b.length];
    out.push(p);
    n += p.split(/\s+/).length;
  }
  return out.join('\n');
}

const texts = Array.from({ length: count }, (_, k) => article(k));
const totalWords = texts.reduce((s, t) => s + t.split(/\s+/).length, 0);

function time(f, runs) {
  const times = [];
  let result;
  for (let r = 0; r < runs; r++) {
    const t0 = performance.now();
    result = f();
    times.push(performance.now() - t0);
  }
  times.sort((x, y) => x - y);
  return { median: times[Math.floor(runs / 2)], best: times[0], result };
}

compare(texts.slice(0, 2)); // warm up
const runs = 7;
const whole = time(() => compare(texts), runs);
const annotateOnly = time(() => texts.map((t) => annotate(t)), runs);
const c = whole.result;
console.log(
  `compare: ${count} articles, ${totalWords} words: median ${whole.median.toFixed(1)} ms, best ${whole.best.toFixed(1)} ms ` +
    `(annotate alone: median ${annotateOnly.median.toFixed(1)} ms); ` +
    `${c.quote_clusters.length} clusters, ${c.quote_clusters.reduce((s, q) => s + q.members.length, 0)} clustered quotations, ` +
    `${c.speakers.length} speakers, ${c.duplicate_paragraphs.length} articles with repeated paragraphs`,
);
