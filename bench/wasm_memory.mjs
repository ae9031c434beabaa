// The wasm module's memory after annotating the 10 MB corpus (or SIZE MB) three times, after one
// article (as the page's worker warms up): a wasm memory never shrinks, so this is what stays.
// Twice, each in a fresh instance: the text in one call (what a caller of the module's API keeps),
// then in the chunks the page's worker cuts (www/chunks.js: what the page keeps).
// `make site && node bench/wasm_memory.mjs [SIZE_MB] [PKG_DIR]`.
import { readFileSync, readdirSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { chunkBounds } from '../www/chunks.js';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const size = Number(process.argv[2] ?? 10);
const pkg = resolve(process.argv[3] ?? join(root, 'www', 'pkg'));
const names = readdirSync(join(root, 'seeds')).filter((n) => n.endsWith('.txt')).sort();
const seeds = names.map((n) => readFileSync(join(root, 'seeds', n), 'utf8'));
const unit = seeds.map((t) => `${t}\n\n`).join('');
const text = unit.repeat(Math.ceil((size * (1 << 20)) / Buffer.byteLength(unit)));
const bytes = Buffer.byteLength(text);
const article = seeds[names.findIndex((n) => n.startsWith('002_'))];
console.log(`${pkg}: ${(bytes / 1e6).toFixed(1)} MB of text`);
for (const [way, annotate] of [
  ['in one call', (glue, t) => glue.annotateJson(t, 'utf16')],
  ['in the page\'s chunks', (glue, t) => { for (const [start, end] of chunkBounds(t)) glue.annotateJson(t.slice(start, end), 'utf16'); }],
]) {
  // A module of its own for each way (the glue keeps the instance it made).
  const glue = await import(`${pathToFileURL(join(pkg, 'newslens.js')).href}?${encodeURIComponent(way)}`);
  const wasm = glue.initSync({ module: readFileSync(join(pkg, 'newslens_bg.wasm')) });
  glue.annotateJson(article, 'utf16');
  const base = wasm.memory.buffer.byteLength;
  console.log(` ${way}; module memory after one article ${(base / 1e6).toFixed(1)} MB`);
  for (let run = 1; run <= 3; run++) {
    annotate(glue, text);
    const memory = wasm.memory.buffer.byteLength;
    console.log(`  after run ${run}: ${(memory / 1e6).toFixed(1)} MB, ${(memory / bytes).toFixed(2)}x the text (growth ${((memory - base) / bytes).toFixed(2)}x)`);
  }
}
