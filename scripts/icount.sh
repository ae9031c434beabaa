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
cargo build --release --quiet --example init_time
bin=target/release/examples/init_time

instructions() { # RUNS
  valgrind --tool=callgrind --callgrind-out-file=/dev/null "$bin" "$1" 2>&1 |
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
