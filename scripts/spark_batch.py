#!/usr/bin/env python3
"""Annotates a corpus with the newslens CLI inside Apache Spark (local mode), through RDD.pipe.

    cargo build --release --bin newslens
    pip install pyspark          # Java 17 must be on PATH
    python3 scripts/spark_batch.py [--repeat 1000] [--partitions 4] [--bin target/release/newslens]

The corpus is the seed articles repeated --repeat times (5 seeds x 1,000 = 5,000 articles), one
JSON line {"id", "text"} each. Every partition is piped through `newslens annotate --jsonl`
(one process per partition; RAYON_NUM_THREADS=1, since Spark already runs a task per core), and
the script checks that every input line came back annotated exactly once, with no error line.
See docs/BATCH.md. Not part of `make test`: it needs Java and takes a minute or two.
"""
import argparse
import json
import os
import sys
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--repeat", type=int, default=1000)
    parser.add_argument("--partitions", type=int, default=4)
    parser.add_argument("--bin", default=os.path.join(ROOT, "target", "release", "newslens"))
    args = parser.parse_args()
    if not os.access(args.bin, os.X_OK):
        sys.exit(f"spark_batch: {args.bin} is missing; run: cargo build --release --bin newslens")

    seeds_dir = os.path.join(ROOT, "seeds")
    seeds = [
        open(os.path.join(seeds_dir, n), encoding="utf-8").read()
        for n in sorted(os.listdir(seeds_dir))
        if n.endswith(".txt")
    ]
    lines = [
        json.dumps({"id": f"r{r}-s{s}", "text": text}, ensure_ascii=False)
        for r in range(args.repeat)
        for s, text in enumerate(seeds)
    ]
    mb = sum(len(t.encode()) for t in seeds) * args.repeat / 2**20

    from pyspark.sql import SparkSession

    started = time.time()
    spark = (
        SparkSession.builder.master("local[*]")
        .appName("newslens-batch")
        .config("spark.ui.enabled", "false")
        .config("spark.driver.memory", "2g")
        .getOrCreate()
    )
    spark.sparkContext.setLogLevel("ERROR")
    booted = time.time()
    rdd = spark.sparkContext.parallelize(lines, args.partitions)
    answered = rdd.pipe(
        f"{args.bin} annotate --jsonl", env={"RAYON_NUM_THREADS": "1"}
    ).collect()
    done = time.time()
    spark.stop()

    # Every input line back exactly once, annotated, none an error.
    wanted = {json.loads(line)["id"] for line in lines}
    seen = {}
    errors = []
    for out in answered:
        record = json.loads(out)
        if "error" in record:
            errors.append(record)
            continue
        assert "quotes" in record and "entities" in record, record.keys()
        seen[record["id"]] = seen.get(record["id"], 0) + 1
    missing = wanted - seen.keys()
    doubled = [k for k, n in seen.items() if n != 1]
    print(
        f"spark_batch: {len(lines)} articles ({mb:.1f} MB) in {args.partitions} partitions: "
        f"{len(answered)} answers, {len(seen)} distinct ids, {len(errors)} errors, "
        f"{len(missing)} missing, {len(doubled)} duplicated"
    )
    print(
        f"spark_batch: Spark start {booted - started:.1f} s, pipe + collect "
        f"{done - booted:.1f} s ({mb / (done - booted):.1f} MB/s), total {done - started:.1f} s"
    )
    if errors or missing or doubled or len(answered) != len(lines):
        sys.exit("spark_batch: FAILED, not every line came back annotated exactly once")
    print("spark_batch: ok, every input line came back annotated")


if __name__ == "__main__":
    main()
