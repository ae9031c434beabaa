#!/usr/bin/env bash
# The native CLI end to end on the 10 MB corpus (issue 8): one 10 MB file, and the same corpus as
# JSON Lines (one article per line) with one thread and with every core (rayon).
# Run by `make bench`; writes its inputs under target/bench/.
set -euo pipefail
cd "$(dirname "$0")/.."
cargo build --quiet --release --bin newslens
bin=target/release/newslens
mkdir -p target/bench
python3 - <<'PY'
import json, os
seeds = [open(os.path.join("seeds", n), encoding="utf-8").read()
         for n in sorted(os.listdir("seeds")) if n.endswith(".txt")]
unit = "".join(t + "\n\n" for t in seeds)
size = 10 << 20
reps = -(-size // len(unit.encode()))
with open("target/bench/corpus10.txt", "w", encoding="utf-8") as f:
    f.write(unit * reps)
with open("target/bench/corpus10.jsonl", "w", encoding="utf-8") as f:
    n = 0
    for r in range(reps):
        for t in seeds:
            n += 1
            f.write(json.dumps({"id": n, "text": t}, ensure_ascii=False) + "\n")
PY
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
txt=$(mb target/bench/corpus10.txt)
jsonl=$(mb target/bench/corpus10.jsonl)
echo "native CLI end to end (release build, $(nproc) cores), output to /dev/null:"
run "annotate corpus10.txt (one 10 MB text)" "$txt" "$bin" annotate target/bench/corpus10.txt
run "annotate --jsonl, 1 thread" "$txt" env RAYON_NUM_THREADS=1 "$bin" annotate --jsonl < target/bench/corpus10.jsonl
run "annotate --jsonl, all cores" "$txt" "$bin" annotate --jsonl < target/bench/corpus10.jsonl
echo "  (MB/s counts the article text, $txt MB; the JSON Lines file is $jsonl MB)"
