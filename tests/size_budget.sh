#!/usr/bin/env bash
# The page's download budget (issue 8): the wasm and every JS, CSS and HTML file the page loads,
# each gzipped (-9, as a static host would serve them), must total at most 300 KB.
# Run by `make test` after `make site`; `make bench` prints the same figures.
set -euo pipefail
cd "$(dirname "$0")/.."
budget=$((300 * 1024))
[ -f www/pkg/newslens_bg.wasm ] || { echo "size budget: www/pkg is not built; run make site" >&2; exit 1; }
total=0
shopt -s nullglob
for f in www/pkg/*.wasm www/pkg/*.js www/*.js www/*.css www/*.html; do
  gz=$(gzip -9 -c "$f" | wc -c)
  total=$((total + gz))
  printf '  %-28s %8d bytes gzipped\n' "${f#www/}" "$gz"
done
printf '  %-28s %8d bytes gzipped (budget %d)\n' total "$total" "$budget"
if [ "$total" -gt "$budget" ]; then
  echo "size budget: FAILED, the page's download is $total bytes gzipped, over the $budget budget" >&2
  exit 1
fi
echo "size budget: ok ($((total * 100 / budget))% of 300 KB)"
