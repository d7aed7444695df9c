"""Run liasse over a collection on Apache Spark.

Each partition of document paths is piped through `liasse ingest --stdin`, which prints the
records of its documents as JSON Lines (the records.jsonl format; an input that fails gives a
line of type "error"). The records are saved as text files, one per partition, in input order:
concatenated, they are the records.jsonl of a single-machine run on the same paths.

    spark-submit job.py --liasse /path/to/liasse --out records/ DIR_OR_LIST...

or, without a cluster, `python job.py ... --master local[2]` with pyspark installed.
The liasse binary must exist at the same path on every executor (or be shipped with
--files and referenced as ./liasse).
"""

import argparse
import os
import sys

from pyspark.sql import SparkSession


def document_paths(sources):
    """Every file under the given directories (hidden ones skipped), in file-name order, as
    liasse ingest walks them; a .lst file is read as a list of paths."""
    paths = []
    for source in sources:
        if source.endswith(".lst"):
            with open(source, encoding="utf-8") as f:
                paths.extend(line.strip() for line in f if line.strip())
        elif os.path.isdir(source):
            for root, dirs, files in os.walk(source):
                dirs[:] = sorted(d for d in dirs if not d.startswith("."))
                for name in sorted(files):
                    if not name.startswith("."):
                        paths.append(os.path.join(root, name))
        else:
            paths.append(source)
    return paths


def walk_order(paths):
    """Order paths as walkdir's sort_by_file_name does: directory by directory, by name."""
    return sorted(paths, key=lambda p: p.split(os.sep))


def main(argv):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("sources", nargs="+", help="directories, files, or .lst path lists")
    parser.add_argument("--liasse", required=True, help="path of the liasse binary")
    parser.add_argument("--out", required=True, help="output directory for the records")
    parser.add_argument("--master", default=None, help="e.g. local[2]; default: spark-submit's")
    parser.add_argument("--partitions", type=int, default=None)
    args = parser.parse_args(argv)

    builder = SparkSession.builder.appName("liasse")
    if args.master:
        builder = builder.master(args.master)
    spark = builder.getOrCreate()
    sc = spark.sparkContext
    paths = [os.path.abspath(p) for p in walk_order(document_paths(args.sources))]
    partitions = args.partitions or sc.defaultParallelism
    # One liasse process per partition; it uses one worker thread, Spark supplies the rest.
    records = sc.parallelize(paths, partitions).pipe(
        f"{os.path.abspath(args.liasse)} ingest --stdin --jobs 1 --quiet"
    )
    records.saveAsTextFile(args.out)
    spark.stop()
    print(f"liasse on spark: {len(paths)} document(s) in {partitions} partition(s) -> {args.out}")


if __name__ == "__main__":
    main(sys.argv[1:])
