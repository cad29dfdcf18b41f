#!/usr/bin/env bash
# Whole-process figures at region scale, against their targets:
#   1. `yusuan check` of one budget of 1,000,000 generated items: CPU time
#      (user + sys) and peak resident memory per item (/usr/bin/time -v);
#      target <= 150 ms CPU and <= 80 bytes per item;
#   2. `ledger bal` (Debian's ledger) on the same items as a journal, in the
#      same run: target yusuan >= 40x faster (CPU); and `wc -l` of the budget,
#      the floor of reading it;
#   3. `yusuan check -j 2` of a generated region (default 20,000 units, about
#      10,000,000 items): wall time, target <= 3 s; peak memory.
#
# Usage: scripts/bench-region.sh
#   ITEMS=1000000     items of the single budget
#   UNITS=20000       units of the region (about 500 items each)
#   JOBS=2            -j of the region check
#   BUILD_DIR=build/bench-region   where yusuan is built (Release)
#   WORK=/tmp/yusuan-bench-region  where the inputs are generated (kept, reused
#                                  when the same sizes are asked again)
# Needs python3 and /usr/bin/time (Debian: time); ledger is used when installed
# (Debian: apt-get install ledger).
set -euo pipefail

root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
build="${BUILD_DIR:-$root/build/bench-region}"
case "$build" in /*) ;; *) build="$root/$build" ;; esac
items="${ITEMS:-1000000}"
units="${UNITS:-20000}"
jobs="${JOBS:-2}"
work="${WORK:-/tmp/yusuan-bench-region}"

cmake -S "$root" -B "$build" -DCMAKE_BUILD_TYPE=Release -DYUSUAN_BUILD_TESTS=OFF -DYUSUAN_BUILD_EXAMPLES=OFF \
  -DYUSUAN_BUILD_BENCH=OFF >/dev/null
cmake --build "$build" --target yusuan_cli -j "$(nproc)" >/dev/null
yusuan="$build/tools/yusuan"

mkdir -p "$work"
one="$work/one-$items"
if [[ ! -f "$one/units.list" ]]; then
  rm -rf "$one"
  python3 "$root/scripts/gen-region" "$one" --units 1 --items "$items" --seed 1 --ledger "$one/items.ledger"
fi
budget="$one/$(head -1 "$one/units.list")"
region="$work/region-$units"
if [[ ! -f "$region/units.list" ]]; then
  rm -rf "$region"
  python3 "$root/scripts/gen-region" "$region" --units "$units" --seed 1
fi

echo
echo "machine: $(nproc) CPUs, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2- | sed 's/^ *//'), load average $(cut -d' ' -f1-3 /proc/loadavg)"
echo

# measure NAME COMMAND...: runs it under /usr/bin/time -v; sets cpu_ms, wall_ms, rss_kb
measure() {
  local name=$1
  shift
  local log="$work/time-$name.txt"
  /usr/bin/time -v "$@" >/dev/null 2>"$log" || { echo "$name failed:"; tail -20 "$log"; exit 1; }
  local user sys wall
  user=$(awk -F': ' '/User time/ {print $2}' "$log")
  sys=$(awk -F': ' '/System time/ {print $2}' "$log")
  wall=$(awk -F': ' '/Elapsed \(wall clock\)/ {print $2}' "$log")
  rss_kb=$(awk -F': ' '/Maximum resident set size/ {print $2}' "$log")
  cpu_ms=$(python3 -c "print(round(($user + $sys) * 1000))")
  wall_ms=$(python3 -c "
p = '$wall'.split(':'); s = 0.0
for x in p: s = s * 60 + float(x)
print(round(s * 1000))")
  printf '  %-34s cpu %8d ms   wall %8d ms   peak RSS %9.1f MiB\n' "$name" "$cpu_ms" "$wall_ms" "$(python3 -c "print($rss_kb / 1024)")"
}

bytes=$(stat -c %s "$budget")
echo "One budget: $items items, $(python3 -c "print(f'{$bytes / 1e6:.1f}')") MB ($budget)"
measure "wc -l (reading floor)" wc -l "$budget"; wc_ms=$cpu_ms
measure "yusuan check" "$yusuan" check "$budget"; y_ms=$cpu_ms; y_rss=$rss_kb
base_rss=0
measure "yusuan --version (process floor)" "$yusuan" --version; base_rss=$rss_kb
per_item=$(python3 -c "print(f'{$y_rss * 1024 / $items:.1f}')")
per_item_net=$(python3 -c "print(f'{($y_rss - $base_rss) * 1024 / $items:.1f}')")
if command -v ledger >/dev/null; then
  measure "ledger bal (same items)" ledger -f "$one/items.ledger" bal; l_ms=$cpu_ms
  ratio=$(python3 -c "print(f'{$l_ms / max($y_ms, 1):.1f}')")
else
  l_ms=""
  echo "  ledger bal                         not installed (Debian: apt-get install ledger)"
fi

echo
echo "Region: $(wc -l <"$region/units.list") unit budgets ($region)"
measure "yusuan check -j $jobs @units.list" "$yusuan" check -q -j "$jobs" "@$region/units.list"; r_wall=$wall_ms; r_rss=$rss_kb
summary=$("$yusuan" check -j "$jobs" "@$region/units.list" 2>&1 | tail -1)
echo "  $summary"

echo
echo "Targets"
target() { printf '  %-44s %-34s %s\n' "$1" "$2" "$3"; }
ok() { python3 -c "import sys; sys.exit(0 if $1 else 1)" && echo MET || echo "NOT MET"; }
target "check of $items items <= 150 ms CPU" "$y_ms ms" "$(ok "$y_ms <= 150")"
target "peak <= 80 bytes per item" "$per_item B/item ($per_item_net above an empty run)" "$(ok "$per_item <= 80")"
if [[ -n "$l_ms" ]]; then
  target ">= 40x ledger bal (CPU)" "${ratio}x ($l_ms ms / $y_ms ms)" "$(ok "$l_ms >= 40 * $y_ms")"
else
  target ">= 40x ledger bal (CPU)" "ledger not installed" "n/a"
fi
target "region check -j $jobs <= 3 s wall" "$(python3 -c "print(f'{$r_wall / 1000:.2f}')") s, peak $(python3 -c "print(f'{$r_rss / 1024:.0f}')") MiB" "$(ok "$r_wall <= 3000")"
echo "  (floor: wc -l of the 1M-item budget $wc_ms ms CPU)"
