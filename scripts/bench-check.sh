#!/usr/bin/env bash
# Builds bench_check in Release, runs it and prints the figures for checking a
# generated budget of 100,000 and 1,000,000 items, and whether the targets are
# met:
#   parsing >= 100 MB/s;  whole check of 1M items < 2 s;  <= 200 bytes per item
# (memory is also measured at 1,050,000 items, just past a power of two, where
# the doubling items vector is at its emptiest).
#
# Usage: scripts/bench-check.sh [extra Google Benchmark flags]
#   QUICK=1 scripts/bench-check.sh        the 100k-item variants only
#   BUILD_DIR=build/bench-release scripts/bench-check.sh
#                                         another build directory (default
#                                         build/bench-check, so as not to race
#                                         bench-money.sh in build/bench-release)
#   scripts/bench-check.sh --benchmark_filter='parse'
# MB is 10^6 bytes.  Times are printed as wall-clock and as CPU time of the
# process; on a busy machine the CPU figures are the better measure.
set -euo pipefail

root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
build="${BUILD_DIR:-$root/build/bench-check}"
case "$build" in /*) ;; *) build="$root/$build" ;; esac
json="$build/bench_check.json"

cmake -S "$root" -B "$build" -DCMAKE_BUILD_TYPE=Release \
  -DYUSUAN_BUILD_TESTS=OFF -DYUSUAN_BUILD_EXAMPLES=OFF >/dev/null
cmake --build "$build" --target bench_check -j "$(nproc)"

echo
echo "machine: $(nproc) CPUs, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2- | sed 's/^ *//'), load average $(cut -d' ' -f1-3 /proc/loadavg)"
echo "compiler: $(grep -m1 '^CMAKE_CXX_COMPILER:' "$build/CMakeCache.txt" | cut -d= -f2-) ($("$(grep -m1 '^CMAKE_CXX_COMPILER:' "$build/CMakeCache.txt" | cut -d= -f2-)" --version | head -1))"
echo

filter=()
if [[ "${QUICK:-0}" != 0 ]]; then filter=(--benchmark_filter='/100000(/|$)'); fi

"$build/bench/bench_check" \
  --benchmark_out="$json" --benchmark_out_format=json \
  ${filter[@]+"${filter[@]}"} "$@"

python3 - "$json" <<'PY'
import json, sys

with open(sys.argv[1]) as f:
    doc = json.load(f)
runs = doc["benchmarks"]
load = doc.get("context", {}).get("load_avg", [])
ncpu = doc.get("context", {}).get("num_cpus", 1)

# "parse/1000000/min_time:0.500" -> "parse/1000000"
by = {}
for r in runs:
    if r.get("run_type") == "aggregate" and r.get("aggregate_name") != "median":
        continue
    name = "/".join(r.get("run_name", r["name"]).split("/")[:2])
    by[name] = r

SCALE = {"ns": 1e-6, "us": 1e-3, "ms": 1.0, "s": 1e3}
def real_ms(r): return r["real_time"] * SCALE[r.get("time_unit", "ns")]
def cpu_ms(r): return r["cpu_time"] * SCALE[r.get("time_unit", "ns")]
def mbps(r, ms): return r["bytes"] / 1e6 / (ms / 1e3)

print()
print("Figures (MB = 10^6 bytes; wall = real time, cpu = CPU time of the process)")
for n in ("100000", "1000000", "1050000"):
    p, c, m, s = by.get(f"parse/{n}"), by.get(f"check/{n}"), by.get(f"memory/{n}"), by.get(f"scan_floor/{n}")
    if not (p or c or m):
        continue
    src = p or c or m
    print(f"\n  {int(n):,} items, {src['bytes'] / 1e6:.1f} MB of text, {src['text_bytes_per_item']:.1f} bytes of text per item")
    if s:
        print(f"    scan floor (count '\\n')       {s['bytes_per_second'] / 1e6:8.1f} MB/s (cpu)")
    for label, r in (("parse only", p), ("whole check (compile_string)", c)):
        if not r:
            continue
        print(f"    {label:<29} wall {real_ms(r):8.1f} ms {mbps(r, real_ms(r)):7.1f} MB/s   "
              f"cpu {cpu_ms(r):8.1f} ms {mbps(r, cpu_ms(r)):7.1f} MB/s   "
              f"{cpu_ms(r) * 1e6 / r['items']:7.1f} ns/item (cpu)")
    if m:
        print(f"    memory held by the result     {m['bytes_per_item']:8.1f} bytes/item "
              f"(items vector {m['items_vec_per_item']:.1f} at capacity/size {m['items_slack']:.2f}; "
              f"the model's copy of the text {m['source_text_per_item']:.1f})")
        print(f"    peak while compiling          {m['peak_bytes_per_item']:8.1f} bytes/item   "
              f"{m['allocs_per_item']:.2f} allocations/item   sizeof(yusuan::item) = {m['sizeof_item']:.0f}")

print("\nTargets (1,000,000 items)")
def target(label, ok, text):
    state = "n/a" if ok is None else ("MET" if ok else "NOT MET")
    print(f"  {label:<32} {text:<40} {state}")
p, c, m = by.get("parse/1000000"), by.get("check/1000000"), by.get("memory/1000000")
if p:
    target("parsing >= 100 MB/s", mbps(p, cpu_ms(p)) >= 100,
           f"{mbps(p, cpu_ms(p)):.1f} MB/s cpu ({mbps(p, real_ms(p)):.1f} wall)")
else:
    target("parsing >= 100 MB/s", None, "not run")
if c:
    target("whole check < 2 s (wall)", real_ms(c) < 2000, f"{real_ms(c) / 1000:.2f} s wall")
    target("whole check < 2 s (cpu)", cpu_ms(c) < 2000, f"{cpu_ms(c) / 1000:.2f} s cpu")
else:
    target("whole check < 2 s", None, "not run")
if m:
    target("<= 200 bytes per item (held)", m["bytes_per_item"] <= 200, f"{m['bytes_per_item']:.1f} bytes/item")
    target("<= 200 bytes per item (peak)", m["peak_bytes_per_item"] <= 200, f"{m['peak_bytes_per_item']:.1f} bytes/item")
    w = by.get("memory/1050000")
    if w:
        target("  same at 1,050,000 items (held)", w["bytes_per_item"] <= 200, f"{w['bytes_per_item']:.1f} bytes/item")
        target("  same at 1,050,000 items (peak)", w["peak_bytes_per_item"] <= 200, f"{w['peak_bytes_per_item']:.1f} bytes/item")
else:
    target("<= 200 bytes per item", None, "not run")
if load and load[0] > 0.75 * ncpu:
    print(f"\n  note: load average {load[0]:.2f} on {ncpu} CPUs while running: wall times include waiting for")
    print("  the CPU; the cpu figures are the better measure on a busy machine.")
PY
