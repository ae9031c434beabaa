#!/usr/bin/env bash
# Two builds of the CLI taking turns on one input, so both medians cover the same stretch of a
# host whose speed drifts: "what did this change buy" for the CLI in BENCHMARKS.md.
#
#   git worktree add /tmp/old <commit> && (cd /tmp/old && cargo build --release --bin newslens)
#   cargo build --release --bin newslens
#   scripts/cli_ab.sh /tmp/old/target/release/newslens target/release/newslens target/bench/varied10.txt [TURNS]
#
# A `.jsonl` input is annotated with `--jsonl`; anything else as one text. Output goes to /dev/null.
set -euo pipefail
[ $# -ge 3 ] || { echo "usage: scripts/cli_ab.sh OLD_BIN NEW_BIN INPUT [TURNS]" >&2; exit 2; }
old=$1 new=$2 input=$3 turns=${4:-5}
case $input in
  *.jsonl) run() { "$1" annotate --jsonl < "$input" > /dev/null; } ;;
  *) run() { "$1" annotate "$input" > /dev/null; } ;;
esac
declare -A times
for _ in $(seq "$turns"); do
  for bin in "$old" "$new"; do
    start=$(date +%s%N)
    run "$bin"
    times[$bin]+=" $(( ($(date +%s%N) - start) / 1000000 ))"
  done
done
for bin in "$old" "$new"; do
  sorted=$(tr ' ' '\n' <<< "${times[$bin]}" | grep . | sort -n | tr '\n' ' ')
  median=$(tr ' ' '\n' <<< "$sorted" | grep . | sed -n "$(( (turns + 1) / 2 ))p")
  echo "$bin: median $median ms (each turn: $sorted)"
done
