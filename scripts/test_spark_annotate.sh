#!/usr/bin/env bash
# The test of scripts/spark_annotate.py (issue 17): runs it in Spark's local[2] mode over a
# JSONL corpus in 4 partitions and checks that its output, its part files read in order,
# is line for line the output of a direct `gloss annotate --jsonl` run, and that it counted
# every document.
#
# It installs what it needs: pyspark from PyPI into a venv (GLOSS_SPARK_VENV, default
# target/spark-venv, kept between runs), and Java from Debian's packages when there is
# none and apt-get can be used. When one of them cannot be had it SKIPS, saying why, with
# status 0; a Spark run that differs from the direct one fails with status 1.
#
# Input: the first 120 lines of quotes-train-polnear.jsonl in GLOSS_EVAL_DATA (default
# ../shared/eval/data, the evaluation kit beside the project; read in place, never copied
# into it), else
# documents cut from the bundled sample article. The binary: GLOSS (default
# target/debug/gloss, which `cargo test` builds).
#
# Usage: scripts/test_spark_annotate.sh
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

skip() { echo "spark_annotate test: SKIPPED: $*"; exit 0; }
say() { echo "spark_annotate test: $*"; }

gloss="${GLOSS:-target/debug/gloss}"
[ -x "$gloss" ] || { echo "spark_annotate test: no gloss binary at $gloss (run cargo build first)" >&2; exit 1; }
gloss="$(cd "$(dirname "$gloss")" && pwd)/$(basename "$gloss")"

if ! command -v java >/dev/null 2>&1; then
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
    say "installing Java (default-jre-headless) from Debian's packages"
    { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends default-jre-headless; } >/dev/null 2>&1 \
      || skip "no Java, and apt-get could not install default-jre-headless"
  else
    skip "no Java (Spark needs one), and apt-get is not usable here to install it"
  fi
fi
java -version >/dev/null 2>&1 || skip "java is installed but does not run"

venv="${GLOSS_SPARK_VENV:-target/spark-venv}"
if ! "$venv/bin/python" -c 'import pyspark' >/dev/null 2>&1; then
  command -v python3 >/dev/null 2>&1 || skip "no python3 to run PySpark"
  say "installing pyspark from PyPI into $venv"
  { python3 -m venv "$venv" && "$venv/bin/pip" install -q pyspark; } >/dev/null 2>&1 \
    || skip "pyspark could not be installed from PyPI into $venv"
fi
python="$venv/bin/python"

work="$(mktemp -d -t gloss-spark.XXXXXX)"
trap 'rm -rf "$work"' EXIT
kit="${GLOSS_EVAL_DATA:-../shared/eval/data}/quotes-train-polnear.jsonl"
if [ -f "$kit" ]; then
  head -n 120 "$kit" > "$work/in.jsonl"
  say "input: the first 120 lines of $kit"
else
  "$python" - "$work/in.jsonl" <<'EOF'
import json, sys
text = open("sample-data/canada-iraq-mission-2020-01-06.txt", encoding="utf-8").read()
paragraphs = text.split("\n\n")
with open(sys.argv[1], "w", encoding="utf-8") as out:
    for i in range(120):
        body = "\n\n".join(paragraphs[: 1 + (i * 7) % len(paragraphs)])
        out.write(json.dumps({"id": f"d{i}", "text": body, "date": "2020-01-06"}) + "\n")
EOF
  say "input: 120 documents cut from the sample article"
fi

"$gloss" annotate --jsonl --jobs 2 "$work/in.jsonl" > "$work/direct.jsonl"
export PYSPARK_PYTHON="$python" PYSPARK_DRIVER_PYTHON="$python"
"$python" scripts/spark_annotate.py --master 'local[2]' --partitions 4 --gloss "$gloss" \
  "$work/in.jsonl" "$work/spark" > "$work/counts.txt" 2> "$work/spark.log" \
  || { cat "$work/spark.log" >&2; echo "spark_annotate test: FAILED: the Spark job failed" >&2; exit 1; }
cat "$work/counts.txt"
cat "$work/spark"/part-* > "$work/spark.jsonl"
parts=$(ls "$work/spark"/part-* | wc -l)
lines=$(wc -l < "$work/direct.jsonl")
if ! cmp -s "$work/direct.jsonl" "$work/spark.jsonl"; then
  diff <(cut -c1-200 "$work/direct.jsonl") <(cut -c1-200 "$work/spark.jsonl") | head -20 >&2 || true
  echo "spark_annotate test: FAILED: the Spark output differs from the direct run" >&2
  exit 1
fi
grep -qx "documents out: $lines" "$work/counts.txt" \
  || { echo "spark_annotate test: FAILED: the job did not count $lines documents" >&2; exit 1; }
say "ok: $lines lines from $parts part files, identical to 'gloss annotate --jsonl'"
