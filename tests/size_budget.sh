#!/usr/bin/env bash
# The pages' downloads (issue 8): every file a page loads, each gzipped (-9, as a static host
# would serve it). The files are found, not listed: the page's own HTML, its stylesheet and
# script tags, every module they import (`from './x.js'`, `new URL('./x.js', …)`), followed to
# the end, and the wasm the glue loads. A file the page stops loading stops counting; a new
# import starts counting.
#
# - index.html, the reader's page: fails the build above the 300 KB budget (issues 4 and 8).
# - compare.html, the compare view: its own wasm module (with `compare`); fails above its
#   ceiling, today's size with a little headroom, so it cannot grow unnoticed.
# Run by `make test` after `make site`; `make bench` prints the same figures.
set -euo pipefail
cd "$(dirname "$0")/.."
[ -f www/pkg/newslens_bg.wasm ] || { echo "size budget: www/pkg is not built; run make site" >&2; exit 1; }

# The files (relative to www/) that page $1 loads, in the order they are found.
page_files() {
  local queue=("$1") seen=" " file dir ref
  while ((${#queue[@]})); do
    file=${queue[0]}
    queue=("${queue[@]:1}")
    [[ $seen == *" $file "* ]] && continue
    seen+="$file "
    echo "$file"
    dir=$(dirname "$file")
    while read -r ref; do
      [ -n "$ref" ] && queue+=("$(realpath -m --relative-to=www "www/$dir/$ref")")
    done < <(grep -oE "(src|href)=\"[^\":#]+\.(js|css)\"|from '[^']+\.js'|new URL\('[^']+\.(js|wasm)'" "www/$file" |
      grep -oE "[^\"'(]+\.(js|css|wasm)" || true)
  done
}

# Prints each file of page $1 and returns its total in bytes gzipped.
report() {
  local page=$1 total=0 f gz
  while read -r f; do
    [ -f "www/$f" ] || { echo "size budget: $page loads $f, which does not exist" >&2; exit 1; }
    gz=$(gzip -9 -c "www/$f" | wc -c)
    total=$((total + gz))
    printf '  %-30s %8d bytes gzipped\n' "$f" "$gz" >&2
  done < <(page_files "$page")
  echo "$total"
}

check() { # PAGE LIMIT WHAT
  local total
  total=$(report "$1" | tail -1)
  printf '  %-30s %8d bytes gzipped (%s %d, %d%%)\n' total "$total" "$3" "$2" $((total * 100 / $2))
  if [ "$total" -gt "$2" ]; then
    echo "size budget: FAILED, $1 downloads $total bytes gzipped, over its $3 of $2" >&2
    return 1
  fi
}

# index.html preloads main.js's module graph (<link rel="modulepreload">): the list must be
# exactly the modules main.js imports, directly or not, or the page loads them late again.
preload_check() {
  local want have
  want=$(page_files main.js | grep -v '^main\.js$' | sort)
  have=$(grep -oE '<link rel="modulepreload" href="[^"]+"' www/index.html | grep -oE '"[^"]+"$' | tr -d '"' | sort)
  if [ "$want" != "$have" ]; then
    echo "size budget: index.html's modulepreload links are not main.js's imports" >&2
    diff <(echo "$want") <(echo "$have") >&2 || true
    return 1
  fi
}

status=0
preload_check || status=1
echo "index.html:"
check index.html $((300 * 1024)) budget 2>&1 || status=1
echo "compare.html:"
check compare.html $((300 * 1024)) ceiling 2>&1 || status=1
exit $status
