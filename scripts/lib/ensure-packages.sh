# shellcheck shell=bash
# Sourced by scripts/test.sh and scripts/main.sh.
#
# yusuan_ensure_packages [PACKAGE...]: installs, on Debian (bookworm),
# whichever of the packages yusuan's build and tests need (and of the
# PACKAGEs given, e.g. clang for the fuzzers) are missing.  Runs `apt-get
# update` once and only when something is missing; uses sudo only when not
# root.
#
#   libxlsxwriter-dev     the .xlsx outputs of the yusuan program
#   unzip                 the test that reads the workbooks back
#   chromium              the test that renders the HTML report (headless)
#   fonts-wqy-microhei    CJK glyphs for the report's screenshots
#   python3               scripts/gen-region (the region tests) and the fuzzers'
#                         keyword dictionary
#   clang                 (scripts/test.sh) the test that the headers compile without
#                         warnings with clang too; the fuzzers (scripts/fuzz.sh)
#   libgmock-dev          the matchers of <yusuan/testing.hpp> and their tests
#   nodejs, npm           the browser, DuckDB, JSON Schema and grammar tests
#                         (only when there is no node or npm on the PATH: a
#                         newer Node.js installed otherwise is kept)

YUSUAN_PACKAGES=(cmake g++ make libboost1.81-dev libgtest-dev libgmock-dev libbenchmark-dev
  libxlsxwriter-dev unzip chromium fonts-wqy-microhei python3)

yusuan_ensure_packages() {
  if ! command -v dpkg-query >/dev/null 2>&1; then
    echo "ensure-packages: no dpkg-query (not Debian?); assuming ${YUSUAN_PACKAGES[*]} are present" >&2
    return 0
  fi

  local missing=() pkg
  for pkg in "${YUSUAN_PACKAGES[@]}" "$@"; do
    if ! dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q 'install ok installed'; then
      missing+=("$pkg")
    fi
  done
  command -v node >/dev/null 2>&1 || missing+=(nodejs)
  command -v npm >/dev/null 2>&1 || missing+=(npm)
  if [ "${#missing[@]}" -eq 0 ]; then
    return 0
  fi

  local as_root=()
  if [ "$(id -u)" -ne 0 ]; then
    if command -v sudo >/dev/null 2>&1; then
      as_root=(sudo)
    else
      echo "ensure-packages: missing ${missing[*]}; run as root or install them" >&2
      return 1
    fi
  fi

  echo "ensure-packages: installing ${missing[*]}"
  "${as_root[@]}" env DEBIAN_FRONTEND=noninteractive apt-get update
  "${as_root[@]}" env DEBIAN_FRONTEND=noninteractive \
    apt-get install -y --no-install-recommends "${missing[@]}"
}
