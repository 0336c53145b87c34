#!/usr/bin/env bash
# Installs what building PoT needs when it is missing: git and libgit2 (Debian packages).
#   scripts/setup.sh tests   also what the tests need: Chromium (the explorer's pages are checked in it)
#                            promtool (Debian package prometheus; it checks the daemon's /metrics) and
#                            ssss (pot shamir is checked against ssss-split and ssss-combine)
#   scripts/setup.sh bench   also what the benchmarks need: wrk and curl
set -euo pipefail
missing=()
command -v git >/dev/null 2>&1 || missing+=(git)
pkg-config --exists libgit2 2>/dev/null || missing+=(libgit2-dev pkg-config)
for need in "$@"; do
  case "$need" in
    tests) command -v chromium >/dev/null 2>&1 || missing+=(chromium)
           command -v promtool >/dev/null 2>&1 || missing+=(prometheus)
           command -v ssss-split >/dev/null 2>&1 || missing+=(ssss) ;;
    bench) command -v wrk >/dev/null 2>&1 || missing+=(wrk)
           command -v curl >/dev/null 2>&1 || missing+=(curl) ;;
    *) echo "error: unknown setup '$need' (use tests or bench)" >&2; exit 1 ;;
  esac
done
if [ ${#missing[@]} -gt 0 ]; then
  echo "installing: ${missing[*]}"
  SUDO=""
  [ "$(id -u)" -eq 0 ] || SUDO="sudo"
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq "${missing[@]}" >/dev/null
fi
command -v swift >/dev/null 2>&1 || [ -x /opt/swift/usr/bin/swift ] || { echo "error: Swift 6 is required (swift not on PATH)" >&2; exit 1; }
