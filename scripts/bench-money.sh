#!/usr/bin/env bash
# Builds bench_money in Release (build/bench-release), runs it and prints the
# ratios of every yusuan variant to its group's baseline, e.g.
#   add: money / int64 = 1.05x
# and whether the targets are met:
#   addition within 1.2x of raw int64;  parse + format >= 20 million amounts/s.
#
# Usage: scripts/bench-money.sh [extra Google Benchmark flags]
#   REPS=9 scripts/bench-money.sh                  more repetitions (default 5)
#   MIN_TIME=1 scripts/bench-money.sh              seconds per repetition (default 0.3)
#   STAT=median scripts/bench-money.sh             ratios from the median instead of the best run
#   scripts/bench-money.sh --benchmark_filter='add|parse_format'
# Rates are items/second from CPU time.  By default the ratios use the best
# (fastest) repetition of each benchmark: on a shared, noisy machine other
# work can only slow a run down, so the fastest repetition is the steadiest
# estimate of the code's own cost.  The median is printed beside it.
set -euo pipefail

root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
build="$root/build/bench-release"
reps=${REPS:-5}
min_time=${MIN_TIME:-0.3}
stat=${STAT:-best}
json="$build/bench_money.json"

cmake -S "$root" -B "$build" -DCMAKE_BUILD_TYPE=Release \
  -DYUSUAN_BUILD_TESTS=OFF -DYUSUAN_BUILD_TOOLS=OFF -DYUSUAN_BUILD_EXAMPLES=OFF >/dev/null
cmake --build "$build" --target bench_money -j "$(nproc)"

echo
cpuinfo() { grep -m1 "^$1" /proc/cpuinfo | cut -d: -f2- | sed 's/^ *//'; }
echo "machine: $(nproc) CPUs, $(cpuinfo 'model name') (family $(cpuinfo 'cpu family'), model $(cpuinfo 'model\s')), load average $(cut -d' ' -f1-3 /proc/loadavg)"
echo

"$build/bench/bench_money" \
  --benchmark_repetitions="$reps" \
  --benchmark_min_time="$min_time" \
  --benchmark_display_aggregates_only=true \
  --benchmark_out="$json" --benchmark_out_format=json \
  "$@"

python3 - "$json" "$stat" <<'EOF'
import json, sys
from collections import OrderedDict

with open(sys.argv[1]) as f:
    runs = json.load(f)["benchmarks"]
stat = sys.argv[2] if len(sys.argv) > 2 else "best"
if stat not in ("best", "median"):
    sys.exit(f"STAT must be best or median, not {stat}")

# items/second of every repetition, per benchmark.
samples = OrderedDict()
for r in runs:
    if r.get("run_type", "iteration") != "iteration" or "items_per_second" not in r:
        continue
    samples.setdefault(r.get("run_name", r["name"]), []).append(r["items_per_second"])

def median(xs):
    xs = sorted(xs)
    n = len(xs)
    return xs[n // 2] if n % 2 else (xs[n // 2 - 1] + xs[n // 2]) / 2

best = OrderedDict((k, max(v)) for k, v in samples.items())
med = OrderedDict((k, median(v)) for k, v in samples.items())
rate = best if stat == "best" else med
other, other_name = (med, "median") if stat == "best" else (best, "best")

baseline = {
    "add": "int64", "lt": "int64", "max": "int64", "mul": "int64",
    "parse": "int64_strtoll", "format": "int64_to_chars",
    "parse_format": "int64_strtoll_to_chars",
}

def human(ips):
    for unit, div in (("G", 1e9), ("M", 1e6), ("k", 1e3)):
        if ips >= div:
            return f"{ips / div:7.2f} {unit}/s"
    return f"{ips:7.2f}  /s"

groups = OrderedDict()
for name, ips in rate.items():
    group, _, variant = name.partition("/")
    groups.setdefault(group, OrderedDict())[variant] = ips

print()
n = max((len(v) for v in samples.values()), default=0)
print(f"Ratios: time per item relative to the group's baseline (lower is faster), {stat} of {n} repetitions")
for group, variants in groups.items():
    base = baseline.get(group)
    print(f"\n[{group}]")
    for variant, ips in variants.items():
        name = f"{group}/{variant}"
        o = other[name]
        extra = f"   ({other_name} {human(o).strip()}"
        if base in variants:
            extra += f", ratio {other[f'{group}/{base}'] / o:.2f}x)"
            ratio = variants[base] / ips
            print(f"  {variant:>28} / {base:<24} = {ratio:8.2f}x   {human(ips)}{extra}")
        else:
            print(f"  {variant:>28}   {human(ips)}{extra})")

print("\nTargets")
def target(label, ok, text):
    state = "n/a" if ok is None else ("MET" if ok else "NOT MET")
    print(f"  {label:<44} {text:<34} {state}")

add = groups.get("add", {})
if "money" in add and "int64" in add:
    r = add["int64"] / add["money"]
    target("money addition within 1.2x of raw int64", r <= 1.2, f"money / int64 = {r:.2f}x")
    if "int64_scalar" in add:
        r = add["int64_scalar"] / add["money"]
        print(f"  {'(against a non-vectorised int64 loop)':<44} {'money / int64_scalar = %.2fx' % r}")
if "money_sum" in add and "int64" in add:
    r = add["int64"] / add["money_sum"]
    target("money_sum within 1.2x of raw int64", r <= 1.2, f"money_sum / int64 = {r:.2f}x")
pf = groups.get("parse_format", {})
if "money" in pf:
    m = pf["money"] / 1e6
    target("parse + format >= 20 million amounts/s", m >= 20, f"{m:.1f} million/s")
EOF
