#!/usr/bin/env bash
# Sets up what is missing, builds pot, and plays the paper's worked example on a demo chain
# in a temporary repository, printing every command and its output.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
export PATH="/opt/swift/usr/bin:$PATH"
if [ -z "${POT_BIN:-}" ]; then
  bash "$root/scripts/setup.sh"
  (cd "$root" && swift build --product pot >/dev/null && swift build --product git-pot >/dev/null)
  POT_BIN="$(cd "$root" && swift build --show-bin-path)"
fi
export PATH="$POT_BIN:$PATH"
demo="$(mktemp -d "${TMPDIR:-/tmp}/pot-demo.XXXXXX")"
cd "$demo"
run() { echo "\$ $*"; "$@"; echo; }

echo "demo chain in $demo"
echo
run pot init --k 2 --alpha 1000 --endow alice=10000 --endow bob=5000 --endow carol=5000 --timestamp 1700000000
echo "\$ pot propose --as alice --timestamp 1700000001"; A=$(pot propose --as alice --timestamp 1700000001 | tail -n 1); echo "$A"; echo
echo "\$ pot propose --as bob --timestamp 1700000002"; B=$(pot propose --as bob --timestamp 1700000002 | tail -n 1); echo "$B"; echo
run pot vote --as alice --height 1 --candidates "$A,$B" --probs 0.9,0.05,0.05
run pot vote --as bob --height 1 --candidates "$A,$B" --probs 0.5,0.5,0
run pot vote --as carol --height 1 --candidates "$A,$B" --probs 0.1,0.85,0.05
run pot advance
run pot propose --as alice --canonical --timestamp 1700000200
run pot propose --as alice --canonical --timestamp 1700000300
run pot finalize --verbose
run pot status
run pot verify
