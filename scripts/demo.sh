#!/usr/bin/env bash
# Sets up what is missing, builds pot, and plays the paper's worked example on a demo chain
# in a temporary repository, then a round of each module (a market, an admission game, a
# contract, an agent with its proof of training), printing every command and its output. Then it serves the chain's
# explorer (pot web) and prints its address; Ctrl-C stops it. Without a terminal on stdin, or
# with POT_DEMO_NO_WAIT=1, it stops the explorer after checking that it answers.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
export PATH="/opt/swift/usr/bin:$PATH"
if [ -z "${POT_BIN:-}" ]; then
  bash "$root/scripts/setup.sh"
  (cd "$root" && swift build --product pot >/dev/null && swift build --product git-pot >/dev/null && swift build --product pot-web >/dev/null)
  POT_BIN="$(cd "$root" && swift build --show-bin-path)"
fi
export PATH="$POT_BIN:$PATH"
demo="$(mktemp -d "${TMPDIR:-/tmp}/pot-demo.XXXXXX")"
cd "$demo"
run() { echo "\$ $*"; "$@"; echo; }

echo "demo chain in $demo"
echo
run pot init --k 2 --alpha 1000 --endow alice=10000 --endow bob=5000 --endow carol=5000 --timestamp 1700000000 \
  --param agents.seed_delay=1 --param agents.selection_delay=1
echo "\$ pot propose --as alice --timestamp 1700000001"; A=$(pot propose --as alice --timestamp 1700000001 | tail -n 1); echo "$A"; echo
echo "\$ pot propose --as bob --timestamp 1700000002"; B=$(pot propose --as bob --timestamp 1700000002 | tail -n 1); echo "$B"; echo
run pot vote --as alice --height 1 --candidates "$A,$B" --probs 0.9,0.05,0.05
run pot vote --as bob --height 1 --candidates "$A,$B" --probs 0.5,0.5,0
run pot vote --as carol --height 1 --candidates "$A,$B" --probs 0.1,0.85,0.05
run pot advance
run pot propose --as alice --canonical --timestamp 1700000200
run pot propose --as alice --canonical --timestamp 1700000300
run pot finalize --verbose
# The markets module on the same chain: its parameters, a market, two bets, a resolution.
run pot params
echo "\$ pot markets declare --question 'Ship v2 this week?' --outcomes yes,no --resolver carol --close-height 5 --resolve-by 7 --as bob"
M=$(pot markets declare --question 'Ship v2 this week?' --outcomes yes,no --resolver carol --close-height 5 --resolve-by 7 --as bob | tail -n 1); echo "$M"; echo
run pot markets bet --market "$M" --probs 0.7,0.3 --as alice
run pot markets bet --market "$M" --probs 0.4,0.6 --as bob
run pot propose --as alice --canonical --timestamp 1700000400
run pot propose --as alice --canonical --timestamp 1700000500
run pot markets resolve --market "$M" --outcome yes --as carol
run pot propose --as alice --canonical --timestamp 1700000600
run pot markets show "$M"
# The membership module: alice and bob admit a newcomer, dana, by the sponsorship game.
run pot keygen --label dana
echo "\$ pot sponsor open --as alice --with bob --newcomer dana --move cooperate"
G=$(pot sponsor open --as alice --with bob --newcomer dana --move cooperate | tail -n 1); echo "$G"; echo
run pot propose --as alice --canonical --timestamp 1700000700
run pot sponsor join --as bob --game "$G" --move cooperate
run pot propose --as alice --canonical --timestamp 1700000800
run pot sponsor reveal --as alice --game "$G"
run pot sponsor reveal --as bob --game "$G"
run pot propose --as alice --canonical --timestamp 1700000900
run pot sponsor show "$G"
run pot members
# The contracts module: carol posts a task with a reward, dana takes it and delivers a commit of
# the repository, carol approves (the escrow goes to dana) and each rates the other.
echo "\$ git switch -c release-notes && git commit --allow-empty -m 'Release notes' && git switch main"
git switch -q -c release-notes && git -c user.name=dana -c user.email=dana@example.org commit -q --allow-empty -m 'Release notes' && git switch -q main
echo
echo "\$ pot contract post --as carol --title 'Write the release notes' --reward 500"
TK=$(pot contract post --as carol --title 'Write the release notes' --reward 500 | tail -n 1); echo "$TK"; echo
run pot propose --as alice --canonical --timestamp 1700001000
run pot contract accept --as dana "$TK"
run pot propose --as alice --canonical --timestamp 1700001100
run pot contract deliver --as dana "$TK" --commit release-notes
run pot propose --as alice --canonical --timestamp 1700001200
run pot contract approve --as carol "$TK"
run pot propose --as alice --canonical --timestamp 1700001300
run pot contract rate --as carol "$TK" --stars 5
run pot contract rate --as dana "$TK" --stars 4
run pot propose --as alice --canonical --timestamp 1700001400
run pot contract show "$TK"
run pot contract trust
# The agents module: alice registers an agent over a real dataset with a bond, trains it from the
# seed a later block fixed, and proves it; bob and carol re-execute the selected segments and
# attest; anyone can then route a task to it and run its model, checked against the chain.
echo "\$ pot agent dataset import $root/Data/agents/breast-cancer-wisconsin.csv --label diagnosis"
D=$(pot agent dataset import "$root/Data/agents/breast-cancer-wisconsin.csv" --label diagnosis | tail -n 1); echo "$D"; echo
run pot agent register cancer-mlp --as alice --dataset "${D:0:12}" --tags classify,medical,tabular --bond 1000
run pot propose --as alice --canonical --timestamp 1700001500
run pot propose --as alice --canonical --timestamp 1700001600
run pot propose --as alice --canonical --timestamp 1700001700
run pot agent train cancer-mlp
run pot agent prove cancer-mlp --as alice
run pot propose --as alice --canonical --timestamp 1700001800
run pot propose --as alice --canonical --timestamp 1700001900
run pot propose --as alice --canonical --timestamp 1700002000
run pot agent verify cancer-mlp
run pot agent attest cancer-mlp --as bob
run pot agent attest cancer-mlp --as carol
run pot propose --as alice --canonical --timestamp 1700002100
run pot agent show cancer-mlp
run pot agent route --needs classify,medical
run pot agent run cancer-mlp --row 0
run pot status
run pot verify

# The explorer of the demo chain, on a free port of this machine.
echo "\$ pot web --listen 127.0.0.1:0 &"
web_out="$(mktemp "${TMPDIR:-/tmp}/pot-web.XXXXXX")"
pot web --listen 127.0.0.1:0 >"$web_out" 2>&1 &
web=$!
stop_web() { kill "$web" 2>/dev/null || true; wait "$web" 2>/dev/null || true; rm -f "$web_out"; }
address=""
for _ in $(seq 1 300); do
  address="$(sed -n '1s/^listening on //p' "$web_out")"
  [ -n "$address" ] && break
  kill -0 "$web" 2>/dev/null || break
  sleep 0.1
done
if [ -z "$address" ]; then
  echo "error: the explorer did not start:" >&2
  cat "$web_out" >&2
  stop_web
  exit 1
fi
# Ask it for the chain's status, as a browser would.
hostport="${address#http://}"
exec 3<>"/dev/tcp/${hostport%:*}/${hostport##*:}"
printf 'GET /api/status HTTP/1.0\r\nHost: %s\r\n\r\n' "$hostport" >&3
answer="$(head -n 1 <&3 | tr -d '\r')"
exec 3<&-
echo "explorer: $address/  ($answer for /api/status)"
if [ -t 0 ] && [ "${POT_DEMO_NO_WAIT:-0}" != 1 ]; then
  echo "serving until Ctrl-C"
  trap 'stop_web; exit 0' INT TERM
  wait "$web"
else
  stop_web
fi
