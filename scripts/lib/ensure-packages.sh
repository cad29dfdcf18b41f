# shellcheck shell=bash
# Sourced by scripts/test.sh and scripts/main.sh.
#
# yusuan_ensure_packages [PACKAGE...]: installs, on Debian (bookworm),
# whichever of the packages yusuan's build needs (and of the PACKAGEs given,
# e.g. clang for the fuzzers) are missing.  Runs `apt-get update` once and
# only when something is missing; uses sudo only when not root.

YUSUAN_PACKAGES=(cmake g++ make libboost1.81-dev libgtest-dev libbenchmark-dev)

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
