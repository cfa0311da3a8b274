#!/usr/bin/env python3
"""Whole-process time of `gloss annotate page.html` over the HTML dev pages (issue 12's
target: median under 30 ms). Each page is run RUNS times (default 5) and its median kept;
the median, 90th percentile and slowest across pages are printed. No hyperfine needed.

Usage: scripts/html_process_time.py [HTML_DEV_DIR] (default ../shared/html-dev)
       GLOSS=path/to/gloss (default target/release/gloss), RUNS=N
"""
import glob, os, statistics, subprocess, sys, time

root = sys.argv[1] if len(sys.argv) > 1 else os.path.join(os.path.dirname(__file__), "..", "..", "shared", "html-dev")
gloss = os.environ.get("GLOSS", "target/release/gloss")
runs = int(os.environ.get("RUNS", "5"))
pages = sorted(glob.glob(os.path.join(root, "*", "*", "source.html")))
if not pages:
    sys.exit(f"html_process_time.py: no pages under {root}")
per = []
for page in pages:
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        subprocess.run([gloss, "annotate", page], stdout=subprocess.DEVNULL,
                       stderr=subprocess.DEVNULL, check=True)
        times.append((time.perf_counter() - start) * 1000)
    per.append((statistics.median(times), os.path.relpath(os.path.dirname(page), root)))
per.sort()
ms = [t for t, _ in per]
print(f"gloss annotate over {len(per)} pages ({runs} runs each, median per page): "
      f"median {statistics.median(ms):.1f} ms, p90 {ms[int(len(ms) * 0.9)]:.1f} ms, "
      f"slowest {ms[-1]:.1f} ms ({per[-1][1]})")
