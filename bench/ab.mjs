// Two wasm builds of NewsLens against each other on seed article 002, in one Node process,
// taking turns (60 rounds of 10 `annotateJson` calls each), so that both medians cover the
// same stretch of a host whose speed drifts. For "what did this change buy" in BENCHMARKS.md:
//
//   git worktree add /tmp/old <commit> && (cd /tmp/old && make wasm)
//   make wasm && node bench/ab.mjs /tmp/old/www/pkg www/pkg
import { readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { performance } from 'node:perf_hooks';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const pkgs = process.argv.slice(2).map((p) => resolve(p));
if (pkgs.length < 2) throw new Error('usage: node bench/ab.mjs PKG_DIR PKG_DIR [...]');
const article = readFileSync(join(root, 'seeds', '002_96189e5969a00e43.txt'), 'utf8');
const builds = [];
for (const pkg of pkgs) {
  // A query string makes each build its own module instance.
  const glue = await import(`${join(pkg, 'newslens.js')}?build=${builds.length}`);
  glue.initSync({ module: readFileSync(join(pkg, 'newslens_bg.wasm')) });
  builds.push({ pkg, run: () => glue.annotateJson(article, 'utf16'), times: [] });
}
for (const build of builds) for (let i = 0; i < 300; i++) build.run();
for (let round = 0; round < 60; round++) {
  for (const build of builds) {
    const t = performance.now();
    for (let i = 0; i < 10; i++) build.run();
    build.times.push((performance.now() - t) / 10);
  }
}
for (const { pkg, times } of builds) {
  times.sort((a, b) => a - b);
  console.log(`${pkg}: median ${times[30].toFixed(3)} ms, p10 ${times[6].toFixed(3)} ms`);
}
