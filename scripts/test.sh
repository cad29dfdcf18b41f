#!/usr/bin/env bash
# THE test command: installs missing build packages (Debian), configures and
# builds the "dev" preset (build/dev) and runs every test.  Extra arguments go
# to ctest, e.g. `scripts/test.sh -L consumer` or `scripts/test.sh -R money`.
set -euo pipefail
cd "$(dirname "$(readlink -f "${BASH_SOURCE[0]}")")/.."

# shellcheck source=lib/ensure-packages.sh
source scripts/lib/ensure-packages.sh
yusuan_ensure_packages clang

jobs="$(nproc)"
cmake --preset dev
cmake --build --preset dev -j "$jobs"
ctest --preset dev -j "$jobs" "$@"
