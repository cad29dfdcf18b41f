#!/usr/bin/env bash
# The main job: installs missing build packages (Debian), builds the "release"
# preset (build/release) and runs the main program.
#
# To change what the main job does, edit MAIN_TARGET (what to build) and
# run_main (what to run).
set -euo pipefail
cd "$(dirname "$(readlink -f "${BASH_SOURCE[0]}")")/.."

# shellcheck source=lib/ensure-packages.sh
source scripts/lib/ensure-packages.sh

BUILD_DIR=build/release
MAIN_TARGET=money_tour

run_main() {
  "$BUILD_DIR/examples/money_tour" "$@"
}

yusuan_ensure_packages
cmake --preset release
cmake --build --preset release -j "$(nproc)" --target "$MAIN_TARGET"
run_main "$@"
