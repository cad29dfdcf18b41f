#!/usr/bin/env bash
# Builds bench_query in Release, runs it and prints the time per query over a
# generated budget of 1,000,000 items, and whether the targets are met:
#   group by function.项 × econ.款 <= 20 ms;  a filtered sum <= 5 ms.
#
# Usage: scripts/bench-query.sh [extra Google Benchmark flags]
#   YUSUAN_BENCH_ITEMS=100000 scripts/bench-query.sh   another budget size
#   BUILD_DIR=build/other scripts/bench-query.sh        another build directory
#                                                      (default build/bench-query)
#   scripts/bench-query.sh --benchmark_filter='filtered'
# The budget is generated and compiled once, before any timing; times are
# wall-clock per query.
set -euo pipefail

root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
build="${BUILD_DIR:-$root/build/bench-query}"
case "$build" in /*) ;; *) build="$root/$build" ;; esac
json="$build/bench_query.json"

cmake -S "$root" -B "$build" -DCMAKE_BUILD_TYPE=Release \
  -DYUSUAN_BUILD_TESTS=OFF -DYUSUAN_BUILD_EXAMPLES=OFF >/dev/null
cmake --build "$build" --target bench_query -j "${JOBS:-2}"

echo
echo "machine: $(nproc) CPUs, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2- | sed 's/^ *//'), load average $(cut -d' ' -f1-3 /proc/loadavg)"
compiler=$(grep -m1 '^CMAKE_CXX_COMPILER:' "$build/CMakeCache.txt" | cut -d= -f2-)
echo "compiler: $compiler ($("$compiler" --version | head -1))"
echo

"$build/bench/bench_query" --benchmark_out="$json" --benchmark_out_format=json "$@"

python3 - "$json" <<'PY'
import json, sys

with open(sys.argv[1]) as f:
    doc = json.load(f)
SCALE = {"ns": 1e-6, "us": 1e-3, "ms": 1.0, "s": 1e3}
by = {}
for r in doc["benchmarks"]:
    if r.get("run_type") == "aggregate" and r.get("aggregate_name") != "median":
        continue
    if r.get("error_occurred"):
        print(f"  {r['name']}: {r.get('error_message', 'error')}")
        continue
    by[r.get("run_name", r["name"]).split("/")[0]] = r  # "x/real_time" -> "x"

def ms(name):
    r = by.get(name)
    return None if r is None else r["real_time"] * SCALE[r.get("time_unit", "ns")]

items = next((r.get("items") for r in by.values() if "items" in r), None)
print()
print(f"Targets ({int(items):,} items)" if items else "Targets")
for name, target in (("group_function_item_x_econ_section", 20.0),
                     ("filtered_sum_sangong", 5.0),
                     ("filtered_sum_basic_208", 5.0),
                     ("rollup_function_item", None),
                     ("pivot_kind_x_econ_class", None),
                     ("group_tag", None),
                     ("filtered_sum_tag", None),
                     ("group_four_dimensions_hashed", None),
                     ("count_min_max_by_kind", None),
                     ("language_group_function_item_x_econ", None),
                     ("item_scan", None)):
    t = ms(name)
    if t is None:
        print(f"  {name:<38} not run")
        continue
    state = "" if target is None else ("MET" if t <= target else "NOT MET")
    # on a loaded machine judge by the CPU time too
    cpu_t = by[name]["cpu_time"] * SCALE[by[name].get("time_unit", "ns")]
    if target is not None and t > target and cpu_t <= target:
        state = "MET (cpu; wall includes waiting)"
    limit = "" if target is None else f"<= {target:g} ms"
    cpu = by[name]["cpu_time"] * SCALE[by[name].get("time_unit", "ns")]
    print(f"  {name:<38} wall {t:9.2f} ms  cpu {cpu:9.2f} ms  {limit:<10} {state}")
load = doc.get("context", {}).get("load_avg", [])
ncpu = doc.get("context", {}).get("num_cpus", 1)
if load and load[0] > 0.75 * ncpu:
    print(f"\n  note: load average {load[0]:.2f} on {ncpu} CPUs: wall times include waiting for the CPU.")
PY
