#!/usr/bin/env bash
# Measures what including yusuan costs a translation unit: CPU seconds (user)
# and peak memory of g++ -std=c++20 -O2 -c on three small programs, each
# measured with /usr/bin/time -v, and prints them beside the targets:
#
#   header-only  includes <yusuan/compile.hpp> and calls compile_file: the
#                grammar and the compiler are compiled in this TU
#                (target: <= 8 s, <= 700 MB)
#   compiled     the same program with YUSUAN_SEPARATE_COMPILATION: only the
#                declarations; the code comes from yusuan::compiled
#   money        includes only <yusuan/money.hpp> and adds two amounts
#                (target: <= 1.0 s)
#
# Usage: scripts/compile-cost.sh            (CXX=clang++ for another compiler)
# MB is 10^6 bytes.  The figures are of one run each; the machine's load is
# printed, since CPU time on a busy machine is a little higher.
set -euo pipefail

root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cxx=${CXX:-g++}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

cat >"$work/header_only.cpp" <<'EOF'
#include <yusuan/compile.hpp>
#include <iostream>
int main(int argc, char** argv) {
  if (argc < 2) return 2;
  const yusuan::budget b = yusuan::compile_file(argv[1]);
  std::cout << b.items().size() << "\n";
}
EOF
cat >"$work/money.cpp" <<'EOF'
#include <yusuan/money.hpp>
#include <iostream>
int main() {
  const auto a = yusuan::money::parse("12.34"), b = yusuan::money::parse("0.66");
  std::cout << (a + b).format() << "\n";
}
EOF

measure() {  # name, extra flags, source
  local name=$1 flags=$2 src=$3
  # shellcheck disable=SC2086
  if ! /usr/bin/time -v "$cxx" -std=c++20 -O2 $flags -I"$root/include" -c "$src" -o "$work/$name.o" 2>"$work/$name.time"; then
    echo "compile-cost: $name did not compile:" >&2
    cat "$work/$name.time" >&2
    exit 1
  fi
  local user rss
  user=$(grep 'User time' "$work/$name.time" | awk '{print $NF}')
  rss=$(grep 'Maximum resident' "$work/$name.time" | awk '{print $NF}')
  printf '%s %s %s\n' "$name" "$user" "$rss"
}

echo "machine: $(nproc) CPUs, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2- | sed 's/^ *//'), load average $(cut -d' ' -f1-3 /proc/loadavg)"
echo "compiler: $("$cxx" --version | head -1), -std=c++20 -O2"
echo
{
  measure header-only "" "$work/header_only.cpp"
  measure compiled "-DYUSUAN_SEPARATE_COMPILATION" "$work/header_only.cpp"
  measure money "" "$work/money.cpp"
} | awk '
  function verdict(ok) { return ok ? "MET" : "NOT MET" }
  {
    mb = $3 * 1024 / 1e6
    line = sprintf("  %-12s %7.2f s user   %6.0f MB peak", $1, $2, mb)
    if ($1 == "header-only") line = line sprintf("   (<= 8 s: %s; <= 700 MB: %s)", verdict($2 <= 8), verdict(mb <= 700))
    if ($1 == "money") line = line sprintf("   (<= 1.0 s: %s)", verdict($2 <= 1.0))
    print line
  }'
