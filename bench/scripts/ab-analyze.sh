#!/usr/bin/env bash
# Times `analyze` of one input with two builds, alternating, so that both see the same machine.
#
#   bash bench/scripts/ab-analyze.sh A.jar B.jar INPUT [ROUNDS]
#
# Each round runs `java -jar A.jar analyze INPUT --out DIR`, then the same with B.jar, each into an
# empty folder, and prints the wall time with the 1-minute load average before the run; at the end,
# each jar's median and range. ROUNDS defaults to 4. Needs bc.
set -euo pipefail
if [ $# -lt 3 ]; then
  sed -n '2,8p' "$0" >&2
  exit 2
fi
A=$1
B=$2
INPUT=$3
ROUNDS=${4:-4}
OUT=$(mktemp -d)
trap 'rm -rf "$OUT"' EXIT
declare -A times
for i in $(seq 1 "$ROUNDS"); do
  for jar in "$A" "$B"; do
    rm -rf "$OUT/run"
    load=$(cut -d' ' -f1 /proc/loadavg)
    start=$(date +%s.%N)
    java -jar "$jar" analyze "$INPUT" --out "$OUT/run" > /dev/null 2>&1
    end=$(date +%s.%N)
    t=$(echo "$end - $start" | bc)
    printf '%s round %d: %.1f s (load before %s)\n' "$jar" "$i" "$t" "$load"
    times[$jar]="${times[$jar]:-} $t"
  done
done
for jar in "$A" "$B"; do
  sorted=$(echo "${times[$jar]}" | tr ' ' '\n' | grep . | sort -g)
  n=$(echo "$sorted" | wc -l)
  median=$(echo "$sorted" | awk -v n="$n" '{a[NR]=$1} END {print (n % 2) ? a[(n+1)/2] : (a[n/2] + a[n/2+1]) / 2}')
  printf '%s: median %.1f s, range %.1f to %.1f s, %d runs\n' "$jar" "$median" \
    "$(echo "$sorted" | head -1)" "$(echo "$sorted" | tail -1)" "$n"
done
