#!/usr/bin/env bash
# The main job: installs missing build packages (Debian), builds the yusuan
# command-line program with the "release" preset (build/release), checks the
# reference budget (洛阳市社会保险中心 2024) and prints its 13 tables; installs the
# program and its standard library so that `yusuan` runs by name from any folder.
set -euo pipefail
cd "$(dirname "$(readlink -f "${BASH_SOURCE[0]}")")/.."

# shellcheck source=lib/ensure-packages.sh
source scripts/lib/ensure-packages.sh

BUILD_DIR=build/release
BUDGET=budgets/luoyang-social-insurance-center-2024.budget

yusuan_ensure_packages
cmake --preset release
cmake --build --preset release -j "$(nproc)" --target yusuan_cli yusuan_docs

# Install the program, its manual page, its completion and the standard
# library (导入 <std/…>, the table templates): /usr/local as root, else
# ~/.local (PREFIX=… to choose).  Afterwards `yusuan` runs by name and finds
# its standard library from any folder.
if [ -z "${PREFIX:-}" ]; then
  if [ -w /usr/local/bin ]; then PREFIX=/usr/local; else PREFIX="$HOME/.local"; fi
fi
cmake --install "$BUILD_DIR" --component program --prefix "$PREFIX" >/dev/null
echo "installed: $PREFIX/bin/yusuan (and $PREFIX/share/yusuan/budgets/std)"
case ":$PATH:" in
  *":$PREFIX/bin:"*) ;;
  *) echo "add $PREFIX/bin to PATH to run yusuan by name: export PATH=\"$PREFIX/bin:\$PATH\"" ;;
esac
echo

yusuan="$PREFIX/bin/yusuan"
"$yusuan" check "$BUDGET"
echo
"$yusuan" table "$BUDGET" all
