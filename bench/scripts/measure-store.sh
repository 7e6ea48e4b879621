#!/usr/bin/env bash
# The corpus store's figures (docs/benchmarks.md): on the development data (ECB+ topics 1-35),
#   1. batches: N articles added in 5 batches against one analyze of all of them (agreement ARI);
#   2. add one: `add` of 1 article to a corpus of 1,000 against `analyze` of that article alone,
#      whole commands (JVM and model start included), median of R runs each;
#   3. serve: over the corpus of 1,000, once the server has warmed up, POST 10 articles one at a
#      time and time each until GET /api/stories shows it (median of 10); then restart the server
#      and time one POST sent right after the start (models still loading).
# Usage: bench/scripts/measure-store.sh [ECBPLUS_DIR] [WORK_DIR]   (needs python3, bc and curl)
# JAR=path/to/triangulate.jar runs that jar instead of ./triangulate (which rebuilds when sources change).
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
jar="${JAR:-$here/cli/target/triangulate.jar}"
if [ -n "${JAR:-}" ]; then tri() { java ${TRIANGULATE_JAVA_OPTS:-} -jar "$jar" "$@"; }; else tri() { "$here/triangulate" "$@"; }; fi
data="${1:-$here/../shared/eval/ecbplus-dev}"
work="${2:-$(mktemp -d)}"
runs="${RUNS:-3}"
parts="${PARTS:-1 2 3}" # PARTS="2 3" reruns parts 2 and 3 in the same WORK_DIR
mkdir -p "$work"
echo "work folder: $work; load: $(cut -d' ' -f1-3 /proc/loadavg); $(nproc) cores"
tri --version >/dev/null # builds the jar when needed

if [ ! -f "$work/real.jsonl" ]; then
python3 - "$data/articles.jsonl" "$work" <<'PY'
import json, random, sys
rows = [json.loads(l) for l in open(sys.argv[1], encoding="utf-8")]
work = sys.argv[2]
rnd = random.Random(14)
rnd.shuffle(rows)
# 1. 200 articles in 5 batches of 40.
sample = rows[:200]
with open(f"{work}/all.jsonl", "w") as f:
    for r in sample: f.write(json.dumps(r) + "\n")
for b in range(5):
    with open(f"{work}/batch{b+1}.jsonl", "w") as f:
        for r in sample[b*40:(b+1)*40]: f.write(json.dumps(r) + "\n")
# 2 and 3: 11 articles held back (one for add, ten for serve); the rest go into the corpus.
held, rest = rows[:11], rows[11:]
with open(f"{work}/one.jsonl", "w") as f: f.write(json.dumps(held[0]) + "\n")
for i, r in enumerate(held[1:]):
    with open(f"{work}/post{i}.txt", "w") as f: f.write(r["text"])
with open(f"{work}/real.jsonl", "w") as f:
    for r in rest: f.write(json.dumps(r) + "\n")
print(f"{len(rest)} real articles for the corpus of 1,000")
PY
fi

if [[ " $parts " == *" 1 "* ]]; then
echo "== 1. 200 articles in 5 batches against one analyze"
tri analyze "$work/all.jsonl" --out "$work/whole" --progress none
tri analyze "$work/batch1.jsonl" --out "$work/inc" --progress none
for b in 2 3 4 5; do tri add "$work/batch$b.jsonl" --out "$work/inc" --progress none | tail -1; done
python3 - "$work/whole/report.json" "$work/whole.tsv" <<'PY'
import json, sys
r = json.load(open(sys.argv[1], encoding="utf-8"))
with open(sys.argv[2], "w") as f:
    f.write("id\tstory\n")
    for s in r["stories"]:
        for a in s["articles"]: f.write(f"{a}\tstory-{s['id']}\n")
PY
tri score --gold "$work/whole.tsv" --column story "$work/inc/report.json"
fi

if [[ " $parts " == *" 2 "* ]]; then
echo "== 2. add 1 article to a corpus of 1,000 against analyze of it alone"
if [ ! -f "$work/big/corpus.db" ]; then
  real=$(wc -l < "$work/real.jsonl")
  java -cp "$jar" "$here/bench/scripts/SyntheticJsonl.java" \
    "$work/real.jsonl" $((1000 - real)) 7 "$work/synthetic.jsonl"
  tri analyze "$work/real.jsonl" "$work/synthetic.jsonl" --out "$work/big" --progress none \
    --stats "$work/big-stats.json"
fi
time_of() { local t0 t1; t0=$(date +%s.%N); "$@" >/dev/null; t1=$(date +%s.%N); echo "$t1 - $t0" | bc; }
adds=(); alones=()
for i in $(seq 1 "$runs"); do
  rm -rf "$work/big-copy" "$work/alone"; cp -r "$work/big" "$work/big-copy"
  adds+=("$(time_of tri add "$work/one.jsonl" --out "$work/big-copy" --progress none --stats "$work/add-stats.json")")
  alones+=("$(time_of tri analyze "$work/one.jsonl" --out "$work/alone" --progress none --stats "$work/alone-stats.json")")
done
start=$(time_of tri --version)
python3 - "${adds[*]}" "${alones[*]}" "$start" "$work/add-stats.json" "$work/alone-stats.json" <<'PY'
import json, statistics, sys
adds = [float(x) for x in sys.argv[1].split()]; alones = [float(x) for x in sys.argv[2].split()]
a, b = statistics.median(adds), statistics.median(alones)
print(f"add to 1,000: {a:.2f} s (runs {adds}); analyze alone: {b:.2f} s (runs {alones}); ratio {a/b:.2f}")
def loads(f):
    st = json.load(open(f))["stages"]
    return sum(s["wallSeconds"] for s in st if s["stage"].startswith("load-")), {s["stage"]: s["wallSeconds"] for s in st}
for name, f in (("add", sys.argv[4]), ("analyze alone", sys.argv[5])):
    l, stages = loads(f)
    print(f"{name}: JVM start {float(sys.argv[3]):.2f} s, model and resource loading {l:.2f} s; stages {stages}")
PY
fi

if [[ " $parts " == *" 3 "* ]]; then
echo "== 3. serve over the corpus of 1,000: POST to visible in /api/stories"
rm -rf "$work/served"; cp -r "$work/big" "$work/served"
port=$((20000 + RANDOM % 20000))
if [ -n "${JAR:-}" ]; then serve=(java ${TRIANGULATE_JAVA_OPTS:-} -jar "$jar"); else serve=("$here/triangulate"); fi
server=
trap 'if [ -n "$server" ]; then kill $server 2>/dev/null || true; fi' EXIT
log="$work/serve.log"
start_server() {
  "${serve[@]}" serve --out "$work/served" --port "$port" > "$log" 2>&1 &
  server=$!
  until grep -q Serving "$log"; do sleep 0.2; kill -0 $server; done
}
# The story list's checksum: it changes when an article joins (its story's count goes up). Polled
# with curl alone, so the poller takes little of the 2 cores the server has.
list_sum() { curl -s "http://127.0.0.1:$port/api/stories" | cksum; }
# post FILE [QUERY]: POSTs the file and prints the seconds until /api/stories shows it.
post() {
  local before t0 t1 pid
  before=$(list_sum)
  t0=$(date +%s.%N)
  curl -s -o "$work/post.out" -w '%{http_code}' -H 'Content-Type: text/plain; charset=utf-8' \
    --data-binary "@$1" "http://127.0.0.1:$port/api/articles${2:-}" > "$work/post.code" &
  pid=$!
  until [ "$(list_sum)" != "$before" ]; do
    if ! kill -0 $pid 2>/dev/null && [ "$(list_sum)" = "$before" ]; then
      echo "POST of $1 added nothing: HTTP $(cat "$work/post.code") $(cat "$work/post.out")" >&2; exit 1
    fi
    sleep 0.02
  done
  t1=$(date +%s.%N)
  wait $pid
  echo "$t1 - $t0" | bc
}
start_server
# A server that is up has read a few of its articles to warm the models (the log says when).
until grep -q "warmed up" "$log"; do sleep 0.2; kill -0 $server; done
times=()
for i in $(seq 0 9); do times+=("$(post "$work/post$i.txt")"); done
kill $server; wait $server 2>/dev/null || true
# The first POST right after a start, before anything is warm (a new article: a title is added).
log="$work/serve-cold.log"
start_server
cold=$(post "$work/post0.txt" "?title=Cold%20start")
kill $server; wait $server 2>/dev/null || true; server=
python3 -c "import statistics,sys; t=[float(x) for x in sys.argv[2:]]; print(f'POST to visible: median {statistics.median(t):.2f} s, runs {t}; first POST right after a start: {float(sys.argv[1]):.2f} s')" "$cold" "${times[@]}"
cat "$work/serve.log" "$work/serve-cold.log"
fi
