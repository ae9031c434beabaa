// Benchmark of `compare` in WebAssembly (Node): 50 articles of about 1,000 words each, built from
// the five samples (each article mixes paragraphs of two samples, so the same quotations recur
// across many articles, the hard case for clustering). Needs www/pkg from `make site`.
// Run: node bench/compare.mjs [articles] [words]
// Prints the median and best of several runs, the annotate-only share, and the cluster count.

import { readFileSync, readdirSync } from 'node:fs';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { performance } from 'node:perf_hooks';
import { initSync, compare, annotate } from '../www/pkg/newslens_compare.js';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
initSync({ module: readFileSync(join(root, 'www/pkg/newslens_compare_bg.wasm')) });

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

// Wall time, and the process's CPU time (user + system), which a busy shared machine disturbs far
// less: other processes' load stretches the wall clock, not the work done.
function time(f, runs) {
  const times = [];
  const cpu = [];
  let result;
  for (let r = 0; r < runs; r++) {
    const c0 = process.cpuUsage();
    const t0 = performance.now();
    result = f();
    times.push(performance.now() - t0);
    const c = process.cpuUsage(c0);
    cpu.push((c.user + c.system) / 1000);
  }
  const median = (v) => [...v].sort((x, y) => x - y)[Math.floor(v.length / 2)];
  return { median: median(times), best: Math.min(...times), cpu: median(cpu), result };
}

compare(texts.slice(0, 2)); // warm up
const runs = 9;
const whole = time(() => compare(texts), runs);
const annotateOnly = time(() => texts.map((t) => annotate(t)), runs);
const c = whole.result;
console.log(
  `compare: ${count} articles, ${totalWords} words: wall median ${whole.median.toFixed(1)} ms, best ${whole.best.toFixed(1)} ms, ` +
    `CPU median ${whole.cpu.toFixed(1)} ms (annotate alone: wall median ${annotateOnly.median.toFixed(1)} ms, ` +
    `best ${annotateOnly.best.toFixed(1)} ms, CPU median ${annotateOnly.cpu.toFixed(1)} ms; ` +
    `the comparison proper, CPU median difference: ${(whole.cpu - annotateOnly.cpu).toFixed(1)} ms); ` +
    `${c.quote_clusters.length} clusters, ${c.quote_clusters.reduce((s, q) => s + q.members.length, 0)} clustered quotations, ` +
    `${c.speakers.length} speakers, ${c.duplicate_paragraphs.length} articles with repeated paragraphs`,
);
