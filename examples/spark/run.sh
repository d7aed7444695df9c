#!/usr/bin/env bash
# Test of the Spark recipe: install pyspark in a virtual environment (from the Python registry),
# run job.py in local mode (local[2]) over the seeds and the fixtures, and check that the
# records, concatenated in partition order, are byte for byte those of a single-machine
# `liasse ingest` of the same documents.
#
#   examples/spark/run.sh            (needs Java 17+ and python3 with venv)
#
# Without Java or the Python registry it says SKIPPED and exits 0 (1 when
# LIASSE_SPARK_REQUIRED=1).
set -euo pipefail
cd "$(dirname "$0")/../.."
root="$PWD"
skip() {
  echo "spark: SKIPPED: $1" >&2
  [ "${LIASSE_SPARK_REQUIRED:-0}" = 1 ] && exit 1
  exit 0
}
command -v java >/dev/null 2>&1 || skip "no java on this machine"
venv="$root/target/spark-venv"
if ! "$venv/bin/python" -c "import pyspark" 2>/dev/null; then
  python3 -m venv "$venv" || skip "python3 -m venv failed"
  "$venv/bin/pip" install --quiet pyspark || skip "pip install pyspark failed"
fi
cargo build --quiet --bin liasse
liasse="$root/target/debug/liasse"

work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
# The collection: the seeds and the fixtures of every genre (with the broken files, whose
# failures must appear as error lines).
mkdir -p "$work/collection"
cp -r seeds fixtures "$work/collection/"

start=$(date +%s)
"$venv/bin/python" examples/spark/job.py --liasse "$liasse" --master 'local[2]' --partitions 4 \
  --out "$work/spark" "$work/collection" 2> "$work/spark.log" || { tail -30 "$work/spark.log" >&2; exit 1; }
end=$(date +%s)

# The single-machine run over the same paths.
"$liasse" ingest "$work/collection" --out "$work/single" --quiet 2>/dev/null || true
cat "$work"/spark/part-* | grep -v '^{"type":"error"' > "$work/spark.jsonl"
errors=$(cat "$work"/spark/part-* | grep -c '^{"type":"error"' || true)
failed=$(grep -c '"error": "' "$work/single/manifest.json" || true)
documents=$(grep -c '^{"type":"document"' "$work/spark.jsonl" || true)
if cmp -s "$work/spark.jsonl" "$work/single/records.jsonl"; then
  echo "spark: ok: $documents documents, $(wc -l < "$work/spark.jsonl") records, identical to the single-machine records.jsonl; $errors error line(s) for $failed failed input(s); $((end - start)) s"
else
  echo "spark: FAIL: the records differ from the single-machine run" >&2
  diff <(sort "$work/spark.jsonl") <(sort "$work/single/records.jsonl") | head -5 >&2
  exit 1
fi
[ "$errors" = "$failed" ] || { echo "spark: FAIL: $errors error lines for $failed failed inputs" >&2; exit 1; }
