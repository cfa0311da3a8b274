#!/usr/bin/env bash
# Whole-process throughput of `gloss annotate --jsonl` with --jobs 1 and --jobs 2 (issue 17),
# measured with hyperfine on the evaluation kit's training files (read in place) and on War
# and Peace cut into its chapters (one JSONL line each, written to a temporary directory and
# removed afterwards). Prints one Markdown table: documents/s and MB/s for each, and the
# speed-up of two jobs over one (wall clock), and the CPU time's view, which the machine's
# other load does not bend: MB annotated per CPU-second with one job, and the CPU time two
# jobs spend over one (1.00: no overhead from the threads). hyperfine's own tables go to
# $OUT (default: a temp dir, removed).
#
# Usage: scripts/annotate_throughput.sh [DATA]   (default DATA: ../shared/eval/data)
#        RUNS=5 scripts/annotate_throughput.sh   (hyperfine runs per command, default 3)
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
data="${1:-../shared/eval/data}"
runs="${RUNS:-3}"
book="$data/big/war-and-peace-pg2600.txt"
for f in "$book" "$data"/*train*.jsonl; do
  [ -f "$f" ] || { echo "annotate_throughput.sh: missing $f" >&2; exit 2; }
done
command -v hyperfine >/dev/null || { echo "annotate_throughput.sh: needs hyperfine" >&2; exit 2; }
cargo build --release --quiet
gloss="$PWD/target/release/gloss"
dir="$(mktemp -d -t gloss-throughput.XXXXXX)"
trap 'rm -rf "$dir"' EXIT
out="${OUT:-$dir}"
mkdir -p "$out"

# The book's chapters: split at the "CHAPTER I" headings (the front matter and the
# epilogues' headings stay with the text around them).
python3 - "$book" "$dir/war-and-peace-chapters.jsonl" <<'EOF'
import json, re, sys
text = open(sys.argv[1], encoding="utf-8-sig").read().replace("\r\n", "\n")
parts = [p for p in re.split(r"\n(?=CHAPTER [IVXLC]+\n)", text) if p.strip()]
with open(sys.argv[2], "w", encoding="utf-8") as out:
    for i, part in enumerate(parts):
        out.write(json.dumps({"id": f"wp-{i:03d}", "text": part}, ensure_ascii=False) + "\n")
EOF

echo "load average before: $(cut -d' ' -f1-3 /proc/loadavg); $(nproc) cores; hyperfine, $runs runs each, mean"
echo
echo "| input | documents | MB | jobs 1: docs/s | jobs 1: MB/s | jobs 2: docs/s | jobs 2: MB/s | speed-up | MB per CPU-second | CPU time, jobs 2 / jobs 1 |"
echo "|---|---|---|---|---|---|---|---|---|---|"
for file in "$data"/*train*.jsonl "$dir/war-and-peace-chapters.jsonl"; do
  name="$(basename "$file" .jsonl)"
  hyperfine --style none --warmup 1 --runs "$runs" \
    --export-json "$out/$name.json" --export-markdown "$out/$name.md" \
    -n "jobs 1" "$gloss annotate --jsonl --jobs 1 $file" \
    -n "jobs 2" "$gloss annotate --jsonl --jobs 2 $file" >/dev/null
  docs=$(grep -c . "$file")
  bytes=$(stat -c %s "$file")
  python3 - "$out/$name.json" "$name" "$docs" "$bytes" <<'EOF'
import json, sys
results = json.load(open(sys.argv[1]))["results"]
name, docs, size = sys.argv[2], int(sys.argv[3]), int(sys.argv[4])
t1, t2 = results[0]["mean"], results[1]["mean"]
cpu1, cpu2 = (r["user"] + r["system"] for r in results)
print(f"| {name} | {docs} | {size / 1e6:.2f} | {docs / t1:.0f} | {size / 1e6 / t1:.2f} "
      f"| {docs / t2:.0f} | {size / 1e6 / t2:.2f} | {t1 / t2:.2f}x "
      f"| {size / 1e6 / cpu1:.2f} | {cpu2 / cpu1:.2f} |")
EOF
done
echo
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
