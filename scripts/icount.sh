#!/usr/bin/env bash
# Instructions and heap allocations of one annotation of seed article 002, natively: the
# deterministic measures BENCHMARKS.md judges changes by (wall-clock time moves with the host).
#
# Each figure is a difference of two runs of examples/init_time, so the first call's one-off
# cost (word lists parsed, matchers built) drops out:
#   instructions = (callgrind of 1 + 3 annotations  - callgrind of 1 + 1) / 2
#   allocations  = (dhat of 1 + 21 annotations      - dhat of 1 + 1)      / 20
# Needs valgrind (Debian: apt-get install valgrind).
set -euo pipefail
cd "$(dirname "$0")/.."

command -v valgrind >/dev/null || {
  echo "icount: valgrind is missing (apt-get install valgrind)" >&2
  exit 1
}
cargo build --release --quiet --example init_time --example boundary_cost
bin=target/release/examples/init_time

instructions() { # RUNS [PROGRAM ARGS...]: instructions of PROGRAM (init_time) run RUNS times
  local runs=$1
  shift
  valgrind --tool=callgrind --callgrind-out-file=/dev/null "${@:-$bin}" "$runs" 2>&1 |
    sed -n 's/.*Collected : \([0-9]*\).*/\1/p'
}
allocations() { # RUNS
  valgrind --tool=dhat --dhat-out-file=/dev/null "$bin" "$1" 2>&1 |
    sed -n 's/.*Total: *[0-9,]* bytes in \([0-9,]*\) blocks.*/\1/p' | tr -d ,
}

i1=$(instructions 1)
i3=$(instructions 3)
a1=$(allocations 1)
a21=$(allocations 21)
echo "seed 002, one annotation after the first:"
echo "  instructions $(((i3 - i1) / 2))"
echo "  allocations  $(((a21 - a1) / 20))"
echo "  (the first call, with its one-off setup: $i1 instructions for two annotations)"

# What a wasm call adds around the core: offsets converted to UTF-16, then the JSON.
boundary() { # STEP: instructions an article of annotating through STEP
  local one three
  one=$(instructions 1 target/release/examples/boundary_cost "$1")
  three=$(instructions 3 target/release/examples/boundary_cost "$1")
  echo $(((three - one) / 2))
}
core=$(boundary annotate)
utf16=$(boundary utf16)
json=$(boundary json)
echo "around the core, as a wasm call does it:"
echo "  offsets in UTF-16 $((utf16 - core)) instructions"
echo "  compact JSON      $((json - utf16)) instructions"
