#!/usr/bin/env bash
# Fills fuzz/corpus/<target>/ with seeds: the bundled claim files, the values and periods they
# write, the public figure corpus (tests/data/figures) and the real-world phrases
# (tests/realworld/phrases). Run from anywhere.
set -euo pipefail
cd "$(dirname "$0")"
mkdir -p corpus/load_claims corpus/read_figure corpus/read_period
cp ../claims/*.yaml ../tests/fixtures/*/*.yaml corpus/load_claims/ 2>/dev/null || true
python3 - <<'PY'
import hashlib, json, pathlib, re
def put(target, text):
    data = text.encode()
    (pathlib.Path("corpus") / target / hashlib.sha1(data).hexdigest()).write_bytes(data)
for path in pathlib.Path("..", "claims").glob("*.yaml"):
    for line in path.read_text().splitlines():
        m = re.match(r"\s*(value|period|as_of):\s*(.+)", line)
        if m:
            put("read_figure" if m.group(1) == "value" else "read_period", m.group(2).strip().strip('"'))
corpus = pathlib.Path("..", "tests", "data", "figures", "public.jsonl")
for line in corpus.read_text().splitlines():
    put("read_figure", json.loads(line)["text"])
# Real-world phrases: under `periods:` or `amounts:`, each `- text:` line.
for path in pathlib.Path("..", "tests", "realworld", "phrases").glob("*.yaml"):
    target = None
    for line in path.read_text().splitlines():
        key = line.strip()
        if key == "periods:":
            target = "read_period"
        elif key == "amounts:":
            target = "read_figure"
        m = re.match(r"\s*- text:\s*(.+)", line)
        if m and target:
            put(target, m.group(1).strip().strip('"'))
PY
echo "seeds: $(ls corpus/load_claims | wc -l) claim files, $(ls corpus/read_figure | wc -l) figures, $(ls corpus/read_period | wc -l) periods"
