#!/usr/bin/env bash
# Regenerates docs/quality.md: runs ../shared/eval/run-eval.sh on every gold file in
# ../shared/eval/data with the release binary and tabulates the figures beside the peer's.
#
# Usage: scripts/quality.sh [EVAL_DIR]   (default: ../shared/eval, beside the checkout)
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
eval_dir="${1:-../shared/eval}"
[ -x "$eval_dir/run-eval.sh" ] || { echo "quality.sh: no run-eval.sh in $eval_dir" >&2; exit 2; }
cargo build --release --quiet
out="$(mktemp -d -t gloss-quality.XXXXXX)"
for gold in "$eval_dir"/data/*.jsonl; do
  name="$(basename "$gold" .jsonl)"
  case "$name" in *train*) continue ;; esac   # training data is not measured on
  EVAL_OUT="$out/$name" "$eval_dir/run-eval.sh" "$gold" target/release/gloss >"$out/$name.table" 2>"$out/$name.log" || {
    echo "quality.sh: run-eval.sh failed on $name; see $out/$name.log" >&2; exit 1; }
done
# The book: whole-process `gloss annotate` (all three detectors + JSON), five runs.
book="$eval_dir/data/big/war-and-peace-pg2600.txt"
: > "$out/book.times"
if [ -f "$book" ] && command -v /usr/bin/time >/dev/null; then
  for _ in 1 2 3 4 5; do
    /usr/bin/time -f '%e %M' -a -o "$out/book.times" target/release/gloss annotate "$book" >/dev/null
  done
fi
# Sections measured by other means (the HTML reader mode's, from ../shared/html-dev) are
# kept as they are: everything from their heading on.
kept="$out/kept.md"
sed -n '/^## HTML reader mode/,$p' docs/quality.md > "$kept"
python3 - "$out" "$(git rev-parse --short HEAD)" "$(uptime | sed 's/.*load average: //')" > docs/quality.md <<'PY'
import json, os, statistics, sys
out, commit, load = sys.argv[1], sys.argv[2], sys.argv[3]
# The peer's figures (spaCy 3.8 en_core_web_sm + dateparser + textacy), from issue 3.
PEER = {
    ("seed-gold", "entities exact micro F1"): 0.813,
    ("seed-gold", "dates value F1"): 0.600,
    ("entities-dev", "entities exact micro F1"): 0.611,
    ("entities-dev", "entities exact F1 PERSON"): 0.687,
    ("entities-dev", "entities exact F1 ORG"): 0.342,
    ("entities-dev", "entities exact F1 PLACE"): 0.737,
    ("dates-dev", "dates span F1"): 0.806,
    ("dates-dev", "dates value F1"): 0.456,
    ("quotes-dev", "quotes span F1"): 0.799,
    ("quotes-dev", "quotes speaker accuracy (surname)"): 0.834,
    ("quotes-dev", "quotes + speaker F1 (surname)"): 0.646,
    ("quotes-literary-dev", "quotes span F1"): 0.558,
    ("quotes-literary-dev", "quotes speaker accuracy (surname)"): 0.284,
}
def f(x):
    return "-" if x is None else f"{x:.3f}"
rows, timing = [], []
for name in sorted(os.listdir(out)):
    sj = os.path.join(out, name, "scores.json")
    if not os.path.exists(sj):
        continue
    s = json.load(open(sj)); t = json.load(open(os.path.join(out, name, "timing.json")))
    figs = []
    if "entities" in s["tasks_in_gold"]:
        e = s["entities"]["exact"]
        figs.append(("entities exact micro F1", e["micro"]["f1"]))
        for lab in ("PERSON", "ORG", "PLACE"):
            figs.append((f"entities exact F1 {lab}", e[lab]["f1"]))
        figs.append(("entities partial micro F1", s["entities"]["partial"]["micro"]["f1"]))
    if "dates" in s["tasks_in_gold"]:
        d = s["dates"]
        figs.append(("dates span F1", d["span"]["f1"]))
        figs.append(("dates value F1", d["value_f1"]["f1"]))
        figs.append(("dates value accuracy (matched)", d["value_accuracy"]["acc"]))
    if "quotes" in s["tasks_in_gold"]:
        q = s["quotes"]
        figs.append(("quotes span F1", q["span"]["f1"]))
        figs.append(("quotes speaker accuracy (strict)", q["speaker_strict"]["acc"]))
        figs.append(("quotes speaker accuracy (surname)", q["speaker_lenient"]["acc"]))
        figs.append(("quotes + speaker F1 (surname)", q["attributed_lenient"]["f1"]))
    for fig, v in figs:
        peer = PEER.get((name, fig))
        rows.append(f"| `{name}.jsonl` | {fig} | {f(v)} | {f(peer)} |")
    timing.append(f"| `{name}.jsonl` | {t['docs']} | {t['mb']} | {t['wall_s']} | {t['peak_rss_mb']} |")
print("# Detection quality\n")
print(f"Measured at commit `{commit}` by `scripts/quality.sh`, which runs")
print("`../shared/eval/run-eval.sh GOLD target/release/gloss` on every gold file in")
print("`../shared/eval/data` (the training file excepted) and writes this page. The peer is")
print("spaCy 3.8 `en_core_web_sm` + dateparser + textacy, as measured in issue 3.\n")
print("| file | figure | gloss | peer |\n|---|---|---|---|")
print("\n".join(rows))
print("\n## Speed of `gloss annotate --jsonl` (whole process, start-up included)\n")
print("| file | documents | MB | wall s | peak RSS MB |\n|---|---|---|---|---|")
print("\n".join(timing))
runs = [l.split() for l in open(os.path.join(out, "book.times")) if l.strip()]
if runs:
    wall = statistics.median(float(r[0]) for r in runs)
    rss = max(int(r[1]) for r in runs) / 1024
    print("\n## War and Peace (3.4 MB): `gloss annotate ../shared/eval/data/big/war-and-peace-pg2600.txt`\n")
    print("Whole process, all three detectors and the JSON output; median of 5 runs")
    print(f"(`/usr/bin/time`), on 2 cores, load average {load} when measured.\n")
    print("| figure | gloss | target (issue 3) | peer (spaCy NER alone) |\n|---|---|---|---|")
    print(f"| wall time | {wall:.2f} s | <= 0.3 s | 65.4 s |")
    print(f"| peak memory | {rss:.0f} MB | <= 100 MB | 424 MiB |")
PY
if [ -s "$kept" ]; then printf '\n' >> docs/quality.md; cat "$kept" >> docs/quality.md; fi
echo "quality.sh: wrote docs/quality.md (raw results in $out)" >&2
