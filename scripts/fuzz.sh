#!/usr/bin/env bash
# A fuzzing campaign over every cargo-fuzz target in fuzz/, and its figures in
# docs/fuzz-figures.md (regenerated, so docs can cite the latest run).
#
# Usage: scripts/fuzz.sh [MINUTES] [TARGET...]
#   MINUTES  how long each target runs (default 10; fractions such as 1.5 work)
#   TARGET   only these targets (default: every target `cargo fuzz list` names)
#
# Each target is one libFuzzer process (no -jobs/-workers), FUZZ_JOBS of them at once
# (default 1: each target alone), under `nice -n 19`
# (FUZZ_NICE changes that), starting from the committed seeds in fuzz/seeds/TARGET and
# growing a scratch corpus in target/fuzz/corpus/TARGET, outside git; a crash's input is
# written to target/fuzz/artifacts/TARGET/. The run stops a target at its first crash and
# goes on with the next; the script exits 1 if any target crashed. Needs the nightly
# toolchain and cargo-fuzz (`cargo install cargo-fuzz`).
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

minutes="${1:-10}"
shift || true
seconds="$(python3 -c "import sys; print(max(1, round(float(sys.argv[1]) * 60)))" "$minutes")"
nice_level="${FUZZ_NICE:-19}"
targets=("$@")
if [ ${#targets[@]} -eq 0 ]; then
  mapfile -t targets < <(cargo +nightly fuzz list)
fi

work="target/fuzz"
mkdir -p "$work/logs" "$work/results"
nice -n "$nice_level" cargo +nightly fuzz build
# Build once above; each run below finds the target built.
run_target() {
  local target="$1" corpus="$work/corpus/$1" artifacts="$work/artifacts/$1" seeds="fuzz/seeds/$1"
  local log="$work/logs/$1.log" crashed=0
  mkdir -p "$corpus" "$artifacts" "$seeds"
  echo "fuzz.sh: $target for $seconds s" >&2
  nice -n "$nice_level" cargo +nightly fuzz run "$target" "$corpus" "$seeds" -- \
    -max_total_time="$seconds" -print_final_stats=1 -artifact_prefix="$artifacts/" \
    >"$log" 2>&1 || crashed=1
  printf '%s\t%s\t%s\t%s\n' "$target" "$crashed" "$log" "$corpus" > "$work/results/$target.tsv"
}
# FUZZ_JOBS targets run at once (default 1); each is still one libFuzzer process.
jobs_at_once="${FUZZ_JOBS:-1}"
for target in "${targets[@]}"; do
  rm -f "$work/results/$target.tsv"
  while [ "$(jobs -rp | wc -l)" -ge "$jobs_at_once" ]; do wait -n || true; done
  run_target "$target" &
done
wait
: > "$work/results.tsv"
status=0
for target in "${targets[@]}"; do
  cat "$work/results/$target.tsv" >> "$work/results.tsv"
  [ "$(cut -f2 "$work/results/$target.tsv")" = 1 ] && status=1
done

python3 - "$work/results.tsv" "$seconds" "$(git rev-parse --short HEAD)" \
  "$(nproc)" "$(uptime | sed 's/.*load average: //')" "$(date -u +%Y-%m-%d)" \
  docs/fuzz-figures.md "$jobs_at_once" > "$work/fuzz-figures.md" <<'PY'
import os, re, sys
results, seconds, commit, cores, load, day, previous, at_once = sys.argv[1:9]
# Rows of targets not run this time are kept from the file as it was.
rows = {}
if os.path.exists(previous):
    for line in open(previous):
        m = re.match(r"\| `([a-z_0-9]+)` \|", line)
        if m:
            rows[m.group(1)] = line.rstrip("\n")
for line in open(results):
    target, crashed, log, corpus = line.rstrip("\n").split("\t")
    text = open(log, errors="replace").read()
    runs = re.findall(r"stat::number_of_executed_units:\s*(\d+)", text)
    status = re.findall(r"^#\d+\s+\w+\s+cov: (\d+) ft: (\d+)", text, re.M)
    cov, ft = status[-1] if status else ("?", "?")
    took = re.findall(r"Done (\d+) runs in (\d+) second", text)
    secs = took[-1][1] if took else "?"
    files = os.listdir(corpus)
    size = sum(os.path.getsize(os.path.join(corpus, f)) for f in files)
    finding = "none"
    if crashed == "1":
        kind = re.findall(r"(?:panicked at [^\n]*|SUMMARY: [^\n]*|ERROR: [^\n]*)", text)
        art = re.findall(r"Test unit written to (\S+)", text)
        finding = "CRASH: %s%s" % (kind[0][:120] if kind else "see the log",
                                   " (%s)" % art[-1] if art else "")
    runs = "{:,}".format(int(runs[-1])) if runs else "?"
    rows[target] = "| `%s` | %s, %s | %s | %s | %s | %s | %d, %s | %s |" % (
        target, day, commit, secs, runs, cov, ft, len(files), "{:,}".format(size), finding)

print("# Fuzzing figures\n")
print("Written by `scripts/fuzz.sh` (do not edit by hand); each row is the latest run of its")
print("target: one libFuzzer process under `nice -n 19`, from the committed seeds")
print("(`fuzz/seeds/TARGET/`) into a scratch corpus (`target/fuzz/corpus/TARGET/`). The last")
print("run: %s s a target, %s at once, on %s cores, load average %s when it ended (the machine is" % (seconds, at_once, cores, load))
print("shared, so executions per second vary from run to run). What each target checks:")
print("[fuzzing.md](fuzzing.md).\n")
print("| target | run (date, commit) | seconds | executions | coverage (edges) | features | corpus (files, bytes) | finding |")
print("|---|---|---|---|---|---|---|---|")
for target in sorted(rows):
    print(rows[target])
crashes = sum(1 for r in rows.values() if "CRASH" in r)
print("\nTargets: %d; with a crash in their latest run: %d." % (len(rows), crashes))
PY
mv "$work/fuzz-figures.md" docs/fuzz-figures.md
echo "fuzz.sh: figures in docs/fuzz-figures.md" >&2
exit "$status"
