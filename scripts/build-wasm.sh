#!/usr/bin/env bash
# Builds the WebAssembly module and its JS glue into www/pkg/ (generated, git-ignored).
set -euo pipefail
cd "$(dirname "$0")/.."

pinned=$(sed -n 's/^wasm-bindgen = "=\([0-9.]*\)".*/\1/p' Cargo.toml)
have=$(wasm-bindgen --version 2>/dev/null | awk '{print $2}' || true)
if [ "$have" != "$pinned" ]; then
  echo "build-wasm: wasm-bindgen CLI is ${have:-missing} but Cargo.toml pins =$pinned; run scripts/tools.sh" >&2
  exit 1
fi

cargo build --quiet --release --lib --target wasm32-unknown-unknown
rm -rf www/pkg
wasm-bindgen --target web --no-typescript --out-dir www/pkg \
  target/wasm32-unknown-unknown/release/newslens.wasm
# npm's binaryen: Debian's is too old for this module. No -all: it breaks validation in Node 20.
node_modules/.bin/wasm-opt -Oz www/pkg/newslens_bg.wasm -o www/pkg/newslens_bg.wasm
raw=$(stat -c %s www/pkg/newslens_bg.wasm)
gz=$(gzip -9 -c www/pkg/newslens_bg.wasm | wc -c)
echo "build-wasm: www/pkg/newslens_bg.wasm $raw bytes, $gz gzipped" >&2
