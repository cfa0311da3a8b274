#!/usr/bin/env bash
# The library at 1,000, 10,000 and 100,000 articles (issue 13; docs/performance.md,
# "Library"). Builds each library once with examples/library_scale (news articles of the
# evaluation data and War and Peace's chapters, repeated with distinct ids, imported on
# RAYON_NUM_THREADS cores, default 2) and prints its figures as JSON; a library that
# already has enough articles is only queried. Then times the real CLI: `gloss library
# add` of 1,000 article files written to a temporary directory, and whole-process
# `gloss library search` / `entities NAME` on the 10,000 library.
#
# Usage: scripts/library-scale.sh [DATA_DIR] [SIZES...]
#   DATA_DIR default ../shared/eval/data; SIZES default "1000 10000 100000".
#   Libraries go to ${GLOSS_SCALE_DIR:-$TMPDIR/gloss-library-scale}/N.db (kept, reused).
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
data="${1:-../shared/eval/data}"
shift || true
sizes=("${@:-1000 10000 100000}")
read -r -a sizes <<< "${sizes[*]}"
out="${GLOSS_SCALE_DIR:-${TMPDIR:-/tmp}/gloss-library-scale}"
export RAYON_NUM_THREADS="${RAYON_NUM_THREADS:-2}"
[ -d "$data" ] || { echo "library-scale.sh: no data directory at $data" >&2; exit 2; }
mkdir -p "$out"
cargo build --release --quiet --example library_scale --bin gloss
echo "load average: $(cut -d' ' -f1-3 /proc/loadavg); $RAYON_NUM_THREADS threads; libraries in $out"
for n in "${sizes[@]}"; do
  echo "== $n articles"
  /usr/bin/time -f 'process: %e s wall, %M KiB peak RSS' \
    target/release/examples/library_scale "$data" "$n" "$out/$n.db" | tee "$out/$n.json"
done

# The CLI on real files: 1,000 article files, added to a fresh library.
files="$(mktemp -d -t gloss-library-files.XXXXXX)"
trap 'rm -rf "$files"' EXIT
python3 - "$data" "$files" <<'PY'
import json, sys, pathlib
data, out = pathlib.Path(sys.argv[1]), pathlib.Path(sys.argv[2])
n = 0
for name in ["quotes-train-polnear.jsonl", "entities-train-conll2003.jsonl"]:
    for line in open(data / name, encoding="utf-8"):
        if n == 1000:
            break
        (out / f"{n:04d}.txt").write_text(json.loads(line)["text"], encoding="utf-8")
        n += 1
PY
echo "== gloss library add: $(ls "$files" | wc -l) files, $(du -sb "$files" | cut -f1) bytes"
/usr/bin/time -f 'add: %e s wall, %M KiB peak RSS' \
  target/release/gloss library add --library "$files/library.db" "$files" >/dev/null
if [ -f "$out/10000.db" ] && command -v hyperfine >/dev/null; then
  hyperfine -N --warmup 3 --runs 20 \
    "target/release/gloss library search --library $out/10000.db minister" \
    "target/release/gloss library entities --library $out/10000.db Napoleon" \
    "target/release/gloss library list --library $out/10000.db --limit 60"
fi
