// Two wasm builds of NewsLens against each other on seed article 002, in one Node process,
// taking turns (60 rounds of 10 `annotateJson` calls each), so that both medians cover the
// same stretch of a host whose speed drifts. For "what did this change buy" in BENCHMARKS.md:
//
//   git worktree add /tmp/old <commit> && (cd /tmp/old && make wasm)
//   make wasm && node bench/ab.mjs /tmp/old/www/pkg www/pkg
//
// With `--long`, the builds take turns on the 1 MB (seven turns) and 10 MB (three) corpora of
// `bench/run.mjs` instead, one call a turn, and on its 10 MB of varied articles (three; written
// by `cargo run --release --example corpora`).
import { readFileSync, readdirSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { performance } from 'node:perf_hooks';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const args = process.argv.slice(2);
const long = args.includes('--long');
const pkgs = args.filter((a) => a !== '--long').map((p) => resolve(p));
if (pkgs.length < 2) throw new Error('usage: node bench/ab.mjs [--long] PKG_DIR PKG_DIR [...]');
const builds = [];
for (const pkg of pkgs) {
  // A query string makes each build its own module instance.
  const glue = await import(`${join(pkg, 'newslens.js')}?build=${builds.length}`);
  glue.initSync({ module: readFileSync(join(pkg, 'newslens_bg.wasm')) });
  builds.push({ pkg, glue });
}
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

if (!long) {
  const article = readFileSync(join(root, 'seeds', '002_96189e5969a00e43.txt'), 'utf8');
  const times = builds.map(() => []);
  for (const { glue } of builds) for (let i = 0; i < 300; i++) glue.annotateJson(article, 'utf16');
  for (let round = 0; round < 60; round++) {
    builds.forEach(({ glue }, k) => {
      const t = performance.now();
      for (let i = 0; i < 10; i++) glue.annotateJson(article, 'utf16');
      times[k].push((performance.now() - t) / 10);
    });
  }
  builds.forEach(({ pkg }, k) => {
    const sorted = [...times[k]].sort((a, b) => a - b);
    console.log(`${pkg}: median ${sorted[30].toFixed(3)} ms, p10 ${sorted[6].toFixed(3)} ms`);
  });
} else {
  // The corpora exactly as bench/run.mjs builds them.
  const names = readdirSync(join(root, 'seeds')).filter((n) => n.endsWith('.txt')).sort();
  const unit = names.map((n) => `${readFileSync(join(root, 'seeds', n), 'utf8')}\n\n`).join('');
  const corpus = (size) => unit.repeat(Math.ceil(size / Buffer.byteLength(unit)));
  const MB = 1 << 20;
  const variedPath = join(root, 'target', 'bench', 'varied10.txt');
  let varied;
  try {
    varied = readFileSync(variedPath, 'utf8');
  } catch {
    throw new Error(`${variedPath} is missing: run \`cargo run --release --example corpora\``);
  }
  const inputs = [['1 MB', corpus(MB), 7], ['10 MB', corpus(10 * MB), 3], ['10 MB varied', varied, 3]];
  for (const [name, text, turns] of inputs) {
    const bytes = Buffer.byteLength(text);
    const times = builds.map(() => []);
    for (let turn = 0; turn < turns; turn++) {
      builds.forEach(({ glue }, k) => {
        const t = performance.now();
        glue.annotateJson(text, 'utf16');
        times[k].push(performance.now() - t);
      });
    }
    builds.forEach(({ pkg }, k) => {
      const ms = median(times[k]);
      console.log(`${name} ${pkg}: median ${ms.toFixed(1)} ms, ${(bytes / MB / ms * 1000).toFixed(2)} MB/s`);
    });
  }
}
