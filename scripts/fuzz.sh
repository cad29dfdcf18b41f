#!/usr/bin/env bash
# Fuzzes one libFuzzer target (or all) for SECONDS each:
#   scripts/fuzz.sh compile|query|money|fmt|parse|all SECONDS [libFuzzer flags]
# Installs clang and its fuzzer runtime when missing (Debian), builds the
# targets with clang in build/fuzz (fuzzer + ASan + UBSan), and runs them on a
# corpus kept in build/fuzz/corpus/TARGET, seeded from every .budget file of
# the repository (compile, fmt and parse; fmt and parse also from tests/format/corpus),
# fuzz/seeds/query (query) and fuzz/seeds/money (money), with a dictionary of the language's keywords generated from
# include/yusuan/syntax/keywords.hpp.  A crash leaves its input in
# build/fuzz/artifacts/TARGET/ and fails the script; make it a regression
# test (tests/hostile/files/ and its manifest).
#   FUZZ_JOBS=2 scripts/fuzz.sh compile 3600    two processes at once
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$root"

if [ $# -lt 2 ]; then
  echo "usage: scripts/fuzz.sh compile|query|money|fmt|parse|all SECONDS [libFuzzer flags]" >&2
  exit 2
fi
which_target=$1
seconds=$2
shift 2
case "$which_target" in
  all) targets=(compile query money fmt parse) ;;
  compile | query | money | fmt | parse) targets=("$which_target") ;;
  *) echo "fuzz.sh: unknown target '$which_target' (compile, query, money, fmt, parse or all)" >&2; exit 2 ;;
esac

# shellcheck source=lib/ensure-packages.sh
source scripts/lib/ensure-packages.sh
yusuan_ensure_packages clang libclang-rt-14-dev

build="${BUILD_DIR:-$root/build/fuzz}"
CC=clang CXX=clang++ cmake -S "$root" -B "$build" -DCMAKE_BUILD_TYPE=RelWithDebInfo \
  -DYUSUAN_BUILD_FUZZ=ON -DYUSUAN_BUILD_TESTS=OFF -DYUSUAN_BUILD_EXAMPLES=OFF -DYUSUAN_BUILD_BENCH=OFF \
  -DYUSUAN_BUILD_TOOLS=OFF -DYUSUAN_INSTALL=OFF >/dev/null
cmake --build "$build" -j 2 --target "${targets[@]/#/fuzz_}"

# the dictionary: every spelling of every keyword, punctuation and the words of filters
dict="$build/budget.dict"
{
  sed -n '/keyword_table{{/,/}};/p' include/yusuan/syntax/keywords.hpp | grep -o '"[^"]*"' | sort -u | grep -v '^""$'
  for w in ":" "：" "→" "->" "{" "}" "(" ")" "（" "）" "," "，" "、" "=" "≠" "≤" "≥" "%" "\\\"" "“" "”" "#" "//" \
    "\\x0A====\\x0A" "导入 \\\"f1.budget\\\"" "导入 \\\"f2.budget\\\"" "经济" "功能" "功能.类" "经济.款" "政府经济" \
    "基本支出" "人员经费" "公用经费" "项目支出" "其他运转类" "特定目标类" "一般公共预算" "财政拨款" "万元" "元" "亿元" \
    "208 01 09" "30101" "50101" "92233720368547758.07" "-92233720368547758.08" "99999999999999999"; do
    printf '"%s"\n' "$w"
  done
} | python3 -c '
import sys
# libFuzzer reads a dictionary entry as printable ASCII: other bytes as \xNN
for n, line in enumerate(sys.stdin.buffer.read().splitlines(), 1):
    text = "".join(chr(b) if 32 <= b < 127 else "\\x%02X" % b for b in line)
    print("kw%d=%s" % (n, text))
' >"$dict"

status=0
for t in "${targets[@]}"; do
  corpus="$build/corpus/$t"
  artifacts="$build/artifacts/$t"
  mkdir -p "$corpus" "$artifacts"
  seeds=()
  case "$t" in
    compile | fmt | parse)
      seeds=("$build/seeds/compile")
      mkdir -p "${seeds[0]}"
      git ls-files '*.budget' | while read -r f; do cp "$f" "${seeds[0]}/$(echo "$f" | tr '/' '_')"; done
      [ "$t" != compile ] && seeds+=("$root/tests/format/corpus")
      ;;
    query) seeds=("$root/fuzz/seeds/query") ;;
    money) seeds=("$root/fuzz/seeds/money") ;;
  esac
  echo "== fuzz_$t for ${seconds}s (corpus $corpus)"
  "$build/fuzz/fuzz_$t" -max_total_time="$seconds" -timeout=20 -rss_limit_mb=2048 -print_final_stats=1 \
    -dict="$dict" -artifact_prefix="$artifacts/" ${FUZZ_JOBS:+-jobs="$FUZZ_JOBS" -workers="$FUZZ_JOBS"} \
    "$@" "$corpus" "${seeds[@]}" || status=$?
done
exit "$status"
