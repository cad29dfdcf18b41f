#!/usr/bin/env bash
# The main job: installs missing build packages (Debian), builds the yusuan
# command-line program with the "release" preset (build/release), checks the
# reference budget (洛阳市社会保险中心 2024) and prints its 预算01表 and 预算03表.
set -euo pipefail
cd "$(dirname "$(readlink -f "${BASH_SOURCE[0]}")")/.."

# shellcheck source=lib/ensure-packages.sh
source scripts/lib/ensure-packages.sh

BUILD_DIR=build/release
BUDGET=budgets/luoyang-social-insurance-center-2024.budget

yusuan_ensure_packages
cmake --preset release
cmake --build --preset release -j "$(nproc)" --target yusuan_cli

yusuan="$BUILD_DIR/tools/yusuan"
"$yusuan" check "$BUDGET"
echo
"$yusuan" table "$BUDGET" 01
echo
"$yusuan" table "$BUDGET" 03
