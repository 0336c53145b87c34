#!/usr/bin/env bash
# Builds everything and runs the whole test suite.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
export PATH="/opt/swift/usr/bin:$PATH"
bash "$root/scripts/setup.sh" tests
cd "$root"
swift build --build-tests
swift test --skip-build
