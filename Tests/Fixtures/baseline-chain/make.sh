#!/usr/bin/env bash
# Builds the baseline chain that BaselineChainTests replays: several heights, competing
# candidates, votes, transfers, equivocation evidence, a market declared, bet on and resolved,
# another voided, and merged code commits. Writes chain.bundle (every ref, as `git bundle`) and
# expected.json (what pot printed for it) into this folder. Rerun only on purpose: the test
# checks that today's code reads the committed chain exactly as the code that made it did.
#   Tests/Fixtures/baseline-chain/make.sh [BIN_DIR]   (default: swift build's debug bin path)
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/../../.." && pwd)"
bin="${1:-$(cd "$root" && /opt/swift/usr/bin/swift build --show-bin-path)}"
export PATH="$bin:$PATH"
export GIT_AUTHOR_NAME=Baseline GIT_AUTHOR_EMAIL=baseline@example.org
export GIT_COMMITTER_NAME=Baseline GIT_COMMITTER_EMAIL=baseline@example.org
export GIT_AUTHOR_DATE="1700000000 +0000" GIT_COMMITTER_DATE="1700000000 +0000"
work="$(mktemp -d "${TMPDIR:-/tmp}/pot-baseline.XXXXXX")"
trap 'rm -rf "$work"' EXIT
cd "$work"
mkdir a && cd a
pot init --k 2 --alpha 1000 --endow alice=10000 --endow bob=5000 --endow carol=5000 --endow dave=3000 --timestamp 1700000000 >/dev/null

# Height 1: two candidates, votes, a transfer.
A=$(pot propose --as alice --timestamp 1700000001 | tail -n 1)
B=$(pot propose --as bob --timestamp 1700000002 | tail -n 1)
pot vote --as alice --height 1 --candidates "$A,$B" --probs 0.9,0.05,0.05 >/dev/null
pot vote --as bob --height 1 --candidates "$A,$B" --probs 0.5,0.5,0 >/dev/null
pot vote --as carol --height 1 --candidates "$A,$B" --probs 0.1,0.85,0.05 >/dev/null
pot transfer --as alice --to bob --amount 250 --memo thanks >/dev/null
# Dave votes at height 1 in a second clone too, differently: equivocation, fetched back.
cd .. && pot clone a b >/dev/null && mkdir -p b/.git/pot/keys && cp a/.git/pot/keys/dave.key b/.git/pot/keys/ && cd b
pot vote --as dave --height 1 --candidates "$A,$B" --probs 0.2,0.7,0.1 >/dev/null
cd ../a
pot vote --as dave --height 1 --candidates "$A,$B" --probs 0.7,0.2,0.1 >/dev/null
git fetch -q ../b 'refs/pot/votes/*:refs/pot/votes/*'
pot advance >/dev/null

# Two markets: one resolved, one left to pass its deadline (voided).
M1=$(pot-market declare --question "Ship v2 this week?" --outcomes yes,no --resolver carol --close-height 4 --resolve-by 6 --as bob | tail -n 1)
M2=$(pot-market declare --question "Rain, snow or sun?" --outcomes rain,snow,sun --resolver dave --close-height 3 --resolve-by 4 --as alice | tail -n 1)
pot-market bet --market "$M1" --probs 0.7,0.3 --as alice >/dev/null
pot-market bet --market "$M1" --probs 0.4,0.6 --as bob >/dev/null
pot-market bet --market "$M2" --probs 0.1,0.1,0.8 --as carol >/dev/null

# Height 2 merges a code commit made on a branch.
git checkout -q -b feature main
echo "hello" > README.txt && git add README.txt && git commit -q -m "Add README"
git checkout -q main
C2=$(pot propose --as alice --merge feature --timestamp 1700000100 | tail -n 1)
pot vote --as alice --height 2 --candidates "$C2" --probs 0.95,0.05 >/dev/null
pot vote --as carol --height 2 --candidates "$C2" --probs 0.8,0.2 >/dev/null
pot advance >/dev/null

# Height 3: a second code commit, two candidates; more bets and a transfer.
pot-market bet --market "$M1" --probs 0.6,0.4 --as carol >/dev/null
pot transfer --as bob --to dave --amount 100 >/dev/null
git checkout -q -b docs main
mkdir -p doc && echo "notes" > doc/notes.md && git add doc && git commit -q -m "Add notes"
git checkout -q main
D3=$(pot propose --as bob --merge docs --timestamp 1700000200 | tail -n 1)
E3=$(pot propose --as carol --timestamp 1700000201 | tail -n 1)
pot vote --as alice --height 3 --candidates "$D3,$E3" --probs 0.6,0.3,0.1 >/dev/null
pot vote --as bob --height 3 --candidates "$D3,$E3" --probs 0.8,0.1,0.1 >/dev/null
pot vote --as dave --height 3 --candidates "$D3,$E3" --probs 0.3,0.6,0.1 >/dev/null
pot advance >/dev/null

# Heights 4 to 8: the first market is resolved, the second passes its deadline unresolved.
pot propose --as alice --canonical --timestamp 1700000300 >/dev/null
pot-market resolve --market "$M1" --outcome yes --as carol >/dev/null
pot propose --as bob --canonical --timestamp 1700000400 >/dev/null
pot transfer --as carol --to alice --amount 5 >/dev/null
pot propose --as carol --canonical --timestamp 1700000500 >/dev/null
pot propose --as alice --canonical --timestamp 1700000600 >/dev/null
pot propose --as dave --canonical --timestamp 1700000700 >/dev/null
pot finalize >/dev/null
# A pending transfer and vote, so status counts pending objects.
pot transfer --as dave --to carol --amount 7 >/dev/null

pot verify >/dev/null
git fsck --strict --full --no-dangling
git bundle create -q "$here/chain.bundle" --all
{
  echo '{'
  echo '"status":'; pot status --json; echo ','
  echo '"log":'; pot log --json; echo ','
  echo '"market_resolved":'; pot-market show "$M1" --json; echo ','
  echo '"market_voided":'; pot-market show "$M2" --json
  echo '}'
} > "$here/expected.json"
python3 -m json.tool "$here/expected.json" > /dev/null
echo "wrote $here/chain.bundle and $here/expected.json"
