#!/usr/bin/env bash
# Runs `analyze` and `triangulate spark` on the same input and compares them: wall times, and the
# agreement of their stories (adjusted Rand index over the articles both hold), plus whether
# report.json is byte-identical; then the rows of the job's Parquet tables.
#
#   bash bench/scripts/spark-vs-analyze.sh INPUT [MASTER]     (MASTER defaults to local[2])
#
# Needs python3 and bc. Builds nothing: run ./triangulate and ./triangulate spark once first.
set -euo pipefail
if [ $# -lt 1 ]; then
  sed -n '2,8p' "$0" >&2
  exit 2
fi
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
INPUT=$1
MASTER=${2:-local[2]}
OUT=$(mktemp -d)
trap 'rm -rf "$OUT"' EXIT
run() {
  local name=$1
  shift
  local load start end
  load=$(cut -d' ' -f1 /proc/loadavg)
  start=$(date +%s.%N)
  local rc=0
  "$@" > "$OUT/$name.log" 2>&1 || rc=$?
  # analyze exits 3 when it finished but rejected some inputs (listed as problems).
  if [ "$rc" -ne 0 ] && [ "$rc" -ne 3 ]; then cat "$OUT/$name.log" >&2; exit 1; fi
  end=$(date +%s.%N)
  printf '%s: %.1f s (load before %s)\n' "$name" "$(echo "$end - $start" | bc)" "$load"
}
run analyze "$here/triangulate" analyze "$INPUT" --out "$OUT/analyze"
run "spark $MASTER" "$here/triangulate" spark "$INPUT" --out "$OUT/spark" --master "$MASTER"
grep '^rows:' "$OUT/spark $MASTER.log"
python3 - "$OUT/analyze/report.json" "$OUT/spark/report.json" <<'PY'
import json, sys
from collections import Counter
from math import comb
def labels(path):
    r = json.load(open(path, encoding="utf-8"))
    return {a: s["id"] for s in r["stories"] for a in s["articles"]}, len(r["articles"])
a, na = labels(sys.argv[1])
b, nb = labels(sys.argv[2])
common = sorted(set(a) & set(b))
pairs = Counter((a[x], b[x]) for x in common)
ca, cb = Counter(a[x] for x in common), Counter(b[x] for x in common)
index = sum(comb(n, 2) for n in pairs.values())
sa, sb = sum(comb(n, 2) for n in ca.values()), sum(comb(n, 2) for n in cb.values())
total = comb(len(common), 2)
expected = sa * sb / total if total else 0
top = (sa + sb) / 2 - expected
ari = 1.0 if top == 0 else (index - expected) / top
same = open(sys.argv[1], "rb").read() == open(sys.argv[2], "rb").read()
print(f"articles: analyze {na}, spark {nb}, in both {len(common)}; stories: analyze {len(ca)}, spark {len(cb)}")
print(f"agreement of the stories: ARI {ari:.4f}; report.json byte-identical: {'yes' if same else 'no'}")
PY
