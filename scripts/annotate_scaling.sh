#!/usr/bin/env bash
# Whole-process time and peak memory of `gloss annotate` over War and Peace repeated 1, 2,
# 4 and 8 times (issue 5: no quadratic step anywhere), median of RUNS runs (default 3).
# The repeated files are written to a temporary directory and removed afterwards.
#
# Usage: scripts/annotate_scaling.sh [BOOK]   (default: ../shared/eval/data/big/war-and-peace-pg2600.txt)
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
book="${1:-../shared/eval/data/big/war-and-peace-pg2600.txt}"
runs="${RUNS:-3}"
[ -f "$book" ] || { echo "annotate_scaling.sh: no book at $book" >&2; exit 2; }
command -v /usr/bin/time >/dev/null || { echo "annotate_scaling.sh: needs /usr/bin/time" >&2; exit 2; }
cargo build --release --quiet
dir="$(mktemp -d -t gloss-scaling.XXXXXX)"
trap 'rm -rf "$dir"' EXIT
echo "load average: $(cut -d' ' -f1-3 /proc/loadavg); median of $runs runs"
echo
echo "| copies | size (MB) | time (s) | peak RSS (MB) |"
echo "|---|---|---|---|"
for n in 1 2 4 8; do
  file="$dir/x$n.txt"
  for _ in $(seq "$n"); do cat "$book"; done > "$file"
  : > "$dir/times"
  for _ in $(seq "$runs"); do
    /usr/bin/time -f '%e %M' -a -o "$dir/times" target/release/gloss annotate "$file" >/dev/null
  done
  size=$(stat -c %s "$file")
  sort -n "$dir/times" | awk -v n="$n" -v size="$size" '
    { t[NR] = $1; m[NR] = $2 }
    END { mid = int((NR + 1) / 2); printf "| %d | %.1f | %.2f | %.0f |\n", n, size / 1e6, t[mid], m[mid] / 1024 }'
  rm -f "$file"
done
