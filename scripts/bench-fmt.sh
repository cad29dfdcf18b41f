#!/usr/bin/env bash
# Builds bench_format in Release and runs it: yusuan fmt (format_budget) of
# budgets of pathological shapes (tests/hostile/shapes.hpp) at 10^4, 10^5
# and 10^6.  Growth is linear when ns/unit stays about the same from size to
# size.
#   scripts/bench-fmt.sh                         every shape and size
#   QUICK=1 scripts/bench-fmt.sh                 10^4 and 10^5 only
#   scripts/bench-fmt.sh --benchmark_filter=nested_blocks
#   BUILD_DIR=build/other scripts/bench-fmt.sh
# Times are CPU time of the process; on a busy machine compare only figures
# of one run.
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
build="${BUILD_DIR:-$root/build/bench-format}"
case "$build" in /*) ;; *) build="$root/$build" ;; esac

cmake -S "$root" -B "$build" -DCMAKE_BUILD_TYPE=Release \
  -DYUSUAN_BUILD_TESTS=OFF -DYUSUAN_BUILD_EXAMPLES=OFF >/dev/null
cmake --build "$build" --target bench_format -j 2

filter=()
if [[ "${QUICK:-0}" != 0 ]]; then filter=(--benchmark_filter='/(1000|10000|100000)$'); fi
echo "machine: $(nproc) CPUs, load average $(cut -d' ' -f1-3 /proc/loadavg)"
"$build/bench/bench_format" ${filter[@]+"${filter[@]}"} "$@"
