#!/usr/bin/env bash
# The native CLI end to end on the 10 MB corpus (issue 8): one 10 MB file, and the same corpus as
# JSON Lines (one article per line) with one thread and with every core (rayon); then the same
# for 10 MB of varied articles (no two alike: see `varied_articles` in
# tests/robust/hostile_inputs.rs), which the repeated corpus flatters.
# Run by `make bench`; its inputs come from `examples/corpora.rs`, under target/bench/.
set -euo pipefail
cd "$(dirname "$0")/.."
cargo build --quiet --release --bin newslens
bin=target/release/newslens
cargo run --quiet --release --example corpora
mb() { python3 -c "import os,sys; print(os.path.getsize(sys.argv[1]) / 2**20)" "$1"; }
limit=${CLI_BENCH_LIMIT:-120}
run() { # label, input MB, command... (given up after $limit seconds)
  local label=$1 size=$2; shift 2
  local start end
  start=$(date +%s.%N)
  if ! timeout "$limit" "$@" > /dev/null; then
    echo "  $label: did not finish in $limit s (or failed)"
    return 0
  fi
  end=$(date +%s.%N)
  python3 -c "import sys; s=float(sys.argv[2])-float(sys.argv[1]); print(f'  {sys.argv[3]:<40} {s:7.2f} s  {float(sys.argv[4])/s:7.1f} MB/s')" "$start" "$end" "$label" "$size"
}
echo "native CLI end to end (release build, $(nproc) cores), output to /dev/null:"
for corpus in corpus10 varied10; do
  txt=$(mb target/bench/$corpus.txt)
  run "annotate $corpus.txt (one 10 MB text)" "$txt" "$bin" annotate target/bench/$corpus.txt
  run "annotate --jsonl $corpus, 1 thread" "$txt" env RAYON_NUM_THREADS=1 "$bin" annotate --jsonl < target/bench/$corpus.jsonl
  run "annotate --jsonl $corpus, all cores" "$txt" "$bin" annotate --jsonl < target/bench/$corpus.jsonl
done
echo "  (MB/s counts the article text of the .txt file; the JSON Lines files are a little larger)"
