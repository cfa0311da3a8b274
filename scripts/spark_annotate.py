#!/usr/bin/env python3
"""Annotate a JSONL corpus with gloss as a stage of Apache Spark (docs/scale.md).

Reads {"id","text","date"} lines (or {"id","html","url"} pages), pipes every partition
through `gloss annotate --jsonl` with RDD.pipe, writes the output lines as text files
(part-00000, part-00001, ... in input order) and prints how many documents went in and
came out and how many annotations of each kind were found.

    spark-submit --archives gloss.tar.gz#gloss scripts/spark_annotate.py \\
        --gloss gloss/gloss hdfs:///corpus/in.jsonl hdfs:///corpus/annotated

    python3 scripts/spark_annotate.py --master 'local[2]' --gloss target/release/gloss \\
        in.jsonl out/          # one machine, pyspark from PyPI

gloss is one static-enough binary: ship it to the executors with --archives (a tar keeps
its executable bit) and give its path inside the archive's folder with --gloss. A
malformed line makes gloss exit with status 2 naming its line within the partition, and
the task (then the job) fails rather than writing a partial output.
"""

import argparse
import json
import shlex
import sys
from collections import Counter


def parse_args(argv):
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("input", help="JSONL input (a path or URL Spark's textFile reads)")
    parser.add_argument("output", help="output directory (must not exist)")
    parser.add_argument("--gloss", default="./gloss", help="gloss's path on the executors (default ./gloss)")
    parser.add_argument("--master", help="Spark master, e.g. 'local[2]' (default: spark-submit's)")
    parser.add_argument("--partitions", type=int, help="minimum number of input partitions")
    parser.add_argument(
        "--jobs",
        type=int,
        default=1,
        help="gloss --jobs inside each task (default 1: Spark already runs a task per core)",
    )
    return parser.parse_args(argv)


def kinds(line):
    """The kinds of the annotations of one output line, counted."""
    return Counter(a["kind"] for a in json.loads(line)["annotations"])


def main(argv=None):
    args = parse_args(sys.argv[1:] if argv is None else argv)
    from pyspark import SparkConf, SparkContext

    conf = SparkConf().setAppName("gloss-annotate")
    if args.master:
        conf.setMaster(args.master)
    sc = SparkContext(conf=conf)
    sc.setLogLevel("WARN")
    try:
        lines = (
            sc.textFile(args.input, minPartitions=args.partitions)
            if args.partitions
            else sc.textFile(args.input)
        )
        command = shlex.join([args.gloss, "annotate", "--jsonl", "--jobs", str(args.jobs)])
        # checkCode: a gloss that exits non-zero (a malformed line) fails the task.
        annotated = lines.pipe(command, checkCode=True).cache()
        annotated.saveAsTextFile(args.output)
        documents_in = lines.filter(lambda line: line.strip()).count()
        documents_out = annotated.count()
        found = annotated.map(kinds).fold(Counter(), lambda a, b: a + b)
        print(f"documents in: {documents_in}")
        print(f"documents out: {documents_out}")
        print(f"partitions: {annotated.getNumPartitions()}")
        for kind in ("entity", "date", "quote"):
            print(f"{kind} annotations: {found.get(kind, 0)}")
        print(f"annotations: {sum(found.values())}")
        return 0 if documents_in == documents_out else 1
    finally:
        sc.stop()


if __name__ == "__main__":
    sys.exit(main())
