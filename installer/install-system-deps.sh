#!/usr/bin/env bash
# Install the Debian packages Anuyat needs.
#
#   installer/install-system-deps.sh [--print] [run] [test]
#
#   run    what the workstation needs to run (debian-packages.txt; the default)
#   test   what the tests need on top of that (debian-packages-test.txt)
#   --print  only print the chosen packages, one per line, and install nothing
#
# `make run` installs `run`; `make test` and .ci/run install `run test`. Installing needs root:
# run as root, or this script asks sudo for it. Services that packages try to start on install
# are refused: the tests start their own private instances.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"

print_only=0
lists=()
for arg in "$@"; do
  case "$arg" in
    --print) print_only=1 ;;
    run) lists+=("$here/debian-packages.txt") ;;
    test) lists+=("$here/debian-packages-test.txt") ;;
    *)
      echo "ไม่รู้จักรายการ '$arg' — ใช้ run และ/หรือ test" >&2
      echo "Unknown list '$arg': use run and/or test, e.g. $0 run test" >&2
      exit 2
      ;;
  esac
done
[ "${#lists[@]}" -gt 0 ] || lists=("$here/debian-packages.txt")

mapfile -t packages < <(cat "${lists[@]}" | grep -v '^\s*#' | grep -v '^\s*$' | sort -u)
if [ "$print_only" -eq 1 ]; then
  printf '%s\n' "${packages[@]}"
  exit 0
fi

missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if [ "${#missing[@]}" -eq 0 ]; then
  echo "system packages: all present"
  exit 0
fi
if [ "$(id -u)" -ne 0 ]; then
  if command -v sudo >/dev/null 2>&1; then
    echo "Installing Debian packages with sudo: ${missing[*]}" >&2
    exec sudo "$0" "$@"
  fi
  echo "ขาดแพ็กเกจ Debian: ${missing[*]} — สั่งติดตั้งในฐานะ root: $0 $*" >&2
  echo "Missing Debian packages: ${missing[*]}. Run as root: $0 $*" >&2
  exit 1
fi
if [ ! -e /usr/sbin/policy-rc.d ]; then
  printf '#!/bin/sh\nexit 101\n' > /usr/sbin/policy-rc.d
  chmod +x /usr/sbin/policy-rc.d
  trap 'rm -f /usr/sbin/policy-rc.d' EXIT
fi
export DEBIAN_FRONTEND=noninteractive
apt-get update -q
apt-get install -y -q --no-install-recommends "${missing[@]}"
