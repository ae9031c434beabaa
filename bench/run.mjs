// The wasm benchmark (issue 8): NewsLens's WebAssembly build (www/pkg, as the page loads it) and,
// in the same Node process, the peers compromise and wink-nlp, on seed article 002 and 1 MB and
// 10 MB corpora made by repeating the seeds (exactly as examples/bench.rs builds them).
//
//   make site && (cd bench && npm ci) && node --expose-gc bench/run.mjs [--quick] [--no-peers]
//
// Prints per input and tool: median time, MB/s, peak memory, and ratios to each peer; and the
// article with the tools taking turns (ratios that hold on a drifting host), first. The
// download size is tests/size_budget.sh's (per page, following its imports), which `make bench`
// runs next.
import { readFileSync, readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { performance } from 'node:perf_hooks';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const args = process.argv.slice(2);
const quick = args.includes('--quick');
const peers = !args.includes('--no-peers');
const MB = 1 << 20;

// ---- inputs -------------------------------------------------------------------------------
const seedNames = readdirSync(join(root, 'seeds')).filter((n) => n.endsWith('.txt')).sort();
const seeds = seedNames.map((n) => readFileSync(join(root, 'seeds', n), 'utf8'));
const article = seeds[seedNames.findIndex((n) => n.startsWith('002_'))];
function bench(name) {
  const path = join(root, 'target', 'bench', name);
  try {
    return readFileSync(path, 'utf8');
  } catch {
    throw new Error(`${path} is missing: run \`cargo run --release --example corpora\` (make bench does)`);
  }
}
function corpus(size) {
  const unit = seeds.map((t) => `${t}\n\n`).join('');
  const unitBytes = Buffer.byteLength(unit);
  return unit.repeat(Math.ceil(size / unitBytes));
}
const inputs = [
  { name: 'article 002', text: article, runs: quick ? 20 : 200 },
  { name: '256 KB corpus', text: corpus(MB / 4), runs: quick ? 2 : 5 },
  { name: '1 MB corpus', text: corpus(MB), runs: quick ? 2 : 5 },
  { name: '10 MB corpus', text: corpus(10 * MB), runs: quick ? 1 : 2 },
  // Articles with no two alike (tests/robust/hostile_inputs.rs, `varied_articles`): the repeated
  // corpus flatters long texts, because the processor learns its repeated sentences. Written by
  // examples/corpora.rs, which `make bench` runs first.
  { name: '1 MB varied', text: bench('varied1.txt'), runs: quick ? 2 : 5 },
  { name: '10 MB varied', text: bench('varied10.txt'), runs: quick ? 1 : 2 },
  // The same 1 MB one article a call, as the page and `annotate --jsonl` meet an archive.
  {
    name: '1 MB articles',
    articles: bench('varied1.jsonl').trim().split('\n').map((line) => JSON.parse(line).text),
    runs: quick ? 1 : 3,
  },
];

// ---- tools --------------------------------------------------------------------------------
const pkg = join(root, 'www', 'pkg');
const glue = await import(join(pkg, 'newslens.js'));
const wasm = glue.initSync({ module: readFileSync(join(pkg, 'newslens_bg.wasm')) });
const tools = [
  {
    name: 'newslens (wasm)',
    // The page's call: quotes, speakers, entities, cues, with UTF-16 offsets, as JSON text
    // (what the worker posts to the page).
    run: (text) => glue.annotateJson(text, 'utf16'),
    wasmMemory: () => wasm.memory.buffer.byteLength,
  },
  {
    name: 'newslens (wasm, object)',
    // The same analysis as a JS object (`annotate`: its JSON parsed by the engine).
    run: (text) => glue.annotate(text, 'utf16'),
    wasmMemory: () => wasm.memory.buffer.byteLength,
  },
];
if (peers) {
  const nlp = (await import('compromise')).default;
  const winkNLP = (await import('wink-nlp')).default;
  const model = (await import('wink-eng-lite-web-model')).default;
  const wink = winkNLP(model);
  const its = wink.its;
  tools.push({
    name: 'compromise',
    // Its nearest equivalent: parse and tag, then people, places, organisations and quotations.
    run: (text) => {
      const doc = nlp(text);
      return [doc.people().json(), doc.places().json(), doc.organizations().json(),
        doc.quotations().json()];
    },
  });
  tools.push({
    name: 'wink-nlp',
    // Its nearest equivalent: tokenise, sentences, POS, and named entities with their detail.
    run: (text) => {
      const doc = wink.readDoc(text);
      return [doc.entities().out(its.detail), doc.sentences().length()];
    },
  });
}

// ---- measuring ----------------------------------------------------------------------------
const gc = globalThis.gc ?? (() => {});
function measure(tool, input) {
  gc();
  const before = process.memoryUsage();
  let peakRss = before.rss;
  let peakHeap = before.heapUsed + before.external + before.arrayBuffers;
  const times = [];
  // An input is one text, or articles annotated one call each (timed together).
  const call = input.articles ? () => input.articles.map((a) => tool.run(a)) : () => tool.run(input.text);
  call(); // warm-up (JIT, lazily built regexes)
  const started = performance.now();
  const budget = quick ? 1000 : 3000;
  for (let i = 0; i < input.runs || (performance.now() - started < budget && i < 1000); i++) {
    const t = performance.now();
    const result = call();
    times.push(performance.now() - t);
    const m = process.memoryUsage();
    peakRss = Math.max(peakRss, m.rss);
    peakHeap = Math.max(peakHeap, m.heapUsed + m.external + m.arrayBuffers);
    if (result === undefined) throw new Error('no result');
  }
  times.sort((a, b) => a - b);
  const median = times[Math.floor(times.length / 2)];
  const bytes = inputBytes(input);
  return {
    median,
    runs: times.length,
    mbs: bytes / MB / (median / 1000),
    // Growth of the process's resident memory over the run, sampled after each call (so the
    // result objects, still alive, are counted) and the wasm linear memory, which never shrinks.
    peakRssGrowth: peakRss - before.rss,
    peakHeapGrowth: peakHeap - (before.heapUsed + before.external + before.arrayBuffers),
    wasmMemory: tool.wasmMemory?.(),
    bytes,
  };
}

// ---- one article, interleaved -------------------------------------------------------------
// The machine's speed drifts by tens of percent within minutes, and the tables below measure
// each tool in its own stretch of time: a tool that ran while the host was fast looks faster.
// Here the tools take turns, a few calls each per round, so every tool's median is taken over
// the same stretch and the ratios between them hold even when the host's speed does not. It
// runs first, before the corpora grow the peers' heaps.
function interleavedArticle() {
  const rounds = quick ? 15 : 40;
  const callsPerRound = (tool) => (tool.name === 'compromise' ? 1 : 10);
  const interleaved = tools.filter((t) => t.name !== 'newslens (wasm, object)');
  const times = new Map(interleaved.map((t) => [t.name, []]));
  for (let round = 0; round < rounds; round++) {
    for (const tool of interleaved) {
      for (let i = 0; i < callsPerRound(tool); i++) {
        const t = performance.now();
        tool.run(article);
        times.get(tool.name).push(performance.now() - t);
      }
    }
  }
  const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
  const ours = median(times.get('newslens (wasm)'));
  console.log(`\narticle 002, interleaved (${rounds} rounds, each tool in turn)`);
  for (const [name, xs] of times) {
    const m = median(xs);
    const ratio = name === 'newslens (wasm)' ? '' : `  newslens ${(m / ours).toFixed(2)}x the speed`;
    console.log(`${name.padEnd(17)} ${String(xs.length).padStart(5)} ${m.toFixed(3).padStart(9)}ms${ratio}`);
  }
}

const inputBytes = (input) =>
  input.articles ? input.articles.reduce((sum, a) => sum + Buffer.byteLength(a), 0) : Buffer.byteLength(input.text);
const fmtMB = (b) => `${(b / MB).toFixed(1)} MB`;
console.log(`Node ${process.version}, ${process.arch}; ${quick ? 'quick' : 'full'} run`);
if (peers) interleavedArticle();
const results = {};
for (const input of inputs) {
  const count = input.articles ? `, ${input.articles.length} articles, one call each` : '';
  console.log(`\n${input.name} (${inputBytes(input)} bytes${count})`);
  console.log(
    `${'tool'.padEnd(17)} ${'runs'.padStart(5)} ${'median'.padStart(11)} ${'MB/s'.padStart(8)} ` +
      `${'peak RSS +'.padStart(11)} ${'JS heap +'.padStart(11)} ${'wasm mem'.padStart(10)} ${'x input'.padStart(8)}`,
  );
  for (const tool of tools) {
    // A tool far off its target would take many minutes on 10 MB: say so instead.
    const one = results[`1 MB corpus|${tool.name}`];
    if (input.name.startsWith('10 MB') && one && (one.median / 1000) * 10 > 60) {
      console.log(`${tool.name.padEnd(17)} skipped: at 1 MB's rate it would take ${((one.median / 1000) * 10).toFixed(0)} s or more`);
      continue;
    }
    const r = measure(tool, input);
    results[`${input.name}|${tool.name}`] = r;
    const peak = Math.max(r.peakRssGrowth, r.peakHeapGrowth, 0);
    console.log(
      `${tool.name.padEnd(17)} ${String(r.runs).padStart(5)} ${r.median.toFixed(3).padStart(9)}ms ` +
        `${r.mbs.toFixed(2).padStart(8)} ${fmtMB(r.peakRssGrowth).padStart(11)} ` +
        `${fmtMB(r.peakHeapGrowth).padStart(11)} ${(r.wasmMemory ? fmtMB(r.wasmMemory) : '-').padStart(10)} ` +
        `${(peak / r.bytes).toFixed(1).padStart(8)}`,
    );
  }
  const ours = results[`${input.name}|newslens (wasm)`];
  for (const tool of tools.slice(1)) {
    const theirs = results[`${input.name}|${tool.name}`];
    if (!ours || !theirs) continue;
    console.log(
      `  newslens vs ${tool.name}: ${(theirs.median / ours.median).toFixed(2)}x the speed ` +
        `(time ${(ours.median / theirs.median).toFixed(2)}x theirs)`,
    );
  }
}
const rate = (name) => {
  const r = results[`${name}|newslens (wasm)`];
  return r && r.median / r.bytes;
};
if (rate('256 KB corpus') && rate('1 MB corpus')) {
  console.log(`\nlinearity (wasm): time per MB at 1 MB / at 256 KB = ${(rate('1 MB corpus') / rate('256 KB corpus')).toFixed(2)}`);
}
for (const kind of ['corpus', 'varied']) {
  if (rate(`1 MB ${kind}`) && rate(`10 MB ${kind}`)) {
    console.log(`linearity (wasm, ${kind}): time per MB at 10 MB / at 1 MB = ${(rate(`10 MB ${kind}`) / rate(`1 MB ${kind}`)).toFixed(2)}`);
  }
}
