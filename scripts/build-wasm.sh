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

# Two modules from one crate: the main page's (annotate) and the compare page's (annotate and
# compare, feature `compare-export`); see Cargo.toml. Each has its own target directory: the
# two cdylibs share a file name, so in one directory every build would overwrite (and redo) the
# other.
build() { # TARGET_DIR FEATURES OUT_NAME
  local dir=$1 features=$2 name=$3
  CARGO_TARGET_DIR=$dir cargo build --quiet --release --lib --target wasm32-unknown-unknown $features
  wasm-bindgen --target web --no-typescript --out-dir www/pkg --out-name "$name" \
    "$dir/wasm32-unknown-unknown/release/newslens.wasm"
  # npm's binaryen: Debian's is too old for this module. No -all: it breaks validation in Node 20.
  # -O3, not -Oz: 2 % faster an article in Node (interleaved runs) and no bigger gzipped.
  node_modules/.bin/wasm-opt -O3 --strip-producers "www/pkg/${name}_bg.wasm" -o "www/pkg/${name}_bg.wasm"
  raw=$(stat -c %s "www/pkg/${name}_bg.wasm")
  gz=$(gzip -9 -c "www/pkg/${name}_bg.wasm" | wc -c)
  echo "build-wasm: www/pkg/${name}_bg.wasm $raw bytes, $gz gzipped" >&2
}
rm -rf www/pkg
build target "" newslens
build target/compare-wasm "--features compare-export" newslens_compare
