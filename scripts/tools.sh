#!/usr/bin/env bash
# Installs what building and testing NewsLens needs, skipping whatever is already there, so that a
# fresh machine works with `make serve` / `make test` and a warm one stays fast.
#   scripts/tools.sh build    wasm target, pinned wasm-bindgen-cli, npm's binaryen
#   scripts/tools.sh test     the above plus Debian's Chromium and chromedriver, playwright-core
set -euo pipefail
cd "$(dirname "$0")/.."
want=${1:-build}

say() { printf 'tools: %s\n' "$*" >&2; }

# The CLI must be the exact version the crate pins, or wasm-bindgen refuses the module.
pinned=$(sed -n 's/^wasm-bindgen = "=\([0-9.]*\)".*/\1/p' Cargo.toml)
[ -n "$pinned" ] || { say "cannot find the pinned wasm-bindgen version in Cargo.toml"; exit 1; }

if ! rustup target list --installed 2>/dev/null | grep -qx wasm32-unknown-unknown; then
  say "adding the wasm32-unknown-unknown target"
  rustup target add wasm32-unknown-unknown
fi

have=$(wasm-bindgen --version 2>/dev/null | awk '{print $2}' || true)
if [ "$have" != "$pinned" ]; then
  say "installing wasm-bindgen-cli $pinned (found: ${have:-none}); this takes about two minutes"
  # Not --locked: a locked dependency version is not served by the registry here.
  cargo install wasm-bindgen-cli --version "$pinned"
fi

# npm ci when node_modules is missing or older than the lock file (a dependency was added).
if [ ! -f node_modules/.package-lock.json ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  say "installing npm dev tools (binaryen's wasm-opt, playwright-core)"
  npm ci --no-audit --no-fund --loglevel=error
fi

if [ "$want" = test ]; then
  if ! command -v chromium >/dev/null || ! command -v chromedriver >/dev/null; then
    say "installing Debian's chromium and chromium-driver"
    if [ "$(id -u)" = 0 ]; then SUDO=; else SUDO=sudo; fi
    $SUDO apt-get update -qq
    DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq chromium chromium-driver >/dev/null
  fi
fi
