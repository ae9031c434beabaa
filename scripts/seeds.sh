#!/usr/bin/env bash
# Copies the sample articles into www/seeds/ with an index the page's picker reads
# (generated, git-ignored: seeds/ is the one committed copy).
set -euo pipefail
cd "$(dirname "$0")/.."
rm -rf www/seeds
mkdir -p www/seeds
python3 - <<'PY'
import json, os, shutil
entries = []
for name in sorted(os.listdir("seeds")):
    if not name.endswith(".txt"):
        continue
    shutil.copy(os.path.join("seeds", name), os.path.join("www/seeds", name))
    with open(os.path.join("seeds", name), encoding="utf-8") as f:
        title = next((line.strip() for line in f if line.strip()), name)
    entries.append({"file": name, "title": title[:120]})
with open("www/seeds/index.json", "w", encoding="utf-8") as f:
    json.dump(entries, f, ensure_ascii=False, indent=1)
PY
