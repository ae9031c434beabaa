// The wasm module's memory after annotating the 10 MB corpus (or SIZE MB) three times in a fresh
// instance, after one article (as the page's worker warms up): a wasm memory never shrinks, so
// this is what the page keeps. `make site && node bench/wasm_memory.mjs [SIZE_MB] [PKG_DIR]`.
import { readFileSync, readdirSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const size = Number(process.argv[2] ?? 10);
const pkg = resolve(process.argv[3] ?? join(root, 'www', 'pkg'));
const names = readdirSync(join(root, 'seeds')).filter((n) => n.endsWith('.txt')).sort();
const seeds = names.map((n) => readFileSync(join(root, 'seeds', n), 'utf8'));
const unit = seeds.map((t) => `${t}\n\n`).join('');
const text = unit.repeat(Math.ceil((size * (1 << 20)) / Buffer.byteLength(unit)));
const bytes = Buffer.byteLength(text);
const glue = await import(join(pkg, 'newslens.js'));
const wasm = glue.initSync({ module: readFileSync(join(pkg, 'newslens_bg.wasm')) });
glue.annotateJson(seeds[names.findIndex((n) => n.startsWith('002_'))], 'utf16');
const base = wasm.memory.buffer.byteLength;
console.log(`${pkg}: ${(bytes / 1e6).toFixed(1)} MB of text; module memory after one article ${(base / 1e6).toFixed(1)} MB`);
for (let run = 1; run <= 3; run++) {
  glue.annotateJson(text, 'utf16');
  const memory = wasm.memory.buffer.byteLength;
  console.log(`  after run ${run}: ${(memory / 1e6).toFixed(1)} MB, ${(memory / bytes).toFixed(2)}x the text (growth ${((memory - base) / bytes).toFixed(2)}x)`);
}
