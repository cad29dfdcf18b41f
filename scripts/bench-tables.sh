#!/usr/bin/env bash
# Builds bench_tables in Release, runs it and prints the time to build and
# write one disclosure table (and all 13) of a generated budget of 1,000,000
# items, and whether the target is met: a table in well under a second.
#
# Usage: scripts/bench-tables.sh [extra Google Benchmark flags]
#   YUSUAN_BENCH_ITEMS=100000 scripts/bench-tables.sh   another budget size
#   BUILD_DIR=build/other scripts/bench-tables.sh        another build directory
#                                                       (default build/bench-tables)
# The budget is generated and compiled once, before any timing.
set -euo pipefail

root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
build="${BUILD_DIR:-$root/build/bench-tables}"
case "$build" in /*) ;; *) build="$root/$build" ;; esac
json="$build/bench_tables.json"

cmake -S "$root" -B "$build" -DCMAKE_BUILD_TYPE=Release \
  -DYUSUAN_BUILD_TESTS=OFF -DYUSUAN_BUILD_EXAMPLES=OFF >/dev/null
cmake --build "$build" --target bench_tables -j "${JOBS:-2}"

echo
echo "machine: $(nproc) CPUs, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2- | sed 's/^ *//'), load average $(cut -d' ' -f1-3 /proc/loadavg)"
echo

"$build/bench/bench_tables" --benchmark_out="$json" --benchmark_out_format=json "$@"

python3 - "$json" <<'PY'
import json, sys

with open(sys.argv[1]) as f:
    doc = json.load(f)
SCALE = {"ns": 1e-6, "us": 1e-3, "ms": 1.0, "s": 1e3}
print()
for r in doc["benchmarks"]:
    if r.get("run_type") == "aggregate" or r.get("error_occurred"):
        continue
    name = r.get("run_name", r["name"]).split("/")[0]
    t = r["real_time"] * SCALE[r.get("time_unit", "ns")]
    target = "" if name == "luoyang_all_13" else ("< 1000 ms MET" if t < 1000 else "< 1000 ms NOT MET")
    print(f"  {name:<26} {t:9.1f} ms  ({int(r.get('items', 0)):,} items)  {target}")
PY
