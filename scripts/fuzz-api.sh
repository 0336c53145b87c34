#!/usr/bin/env bash
# Fuzzes pot-web's API against its own OpenAPI document with schemathesis (--checks all), on the
# demo's chain (scripts/demo.sh: the worked example, then a market, an admission game, a
# contract and an agent): once read-only, once with keys unlocked and the token given. The
# document's links lead the fuzzer from each list to real ids. Not part of the test suite (it
# needs schemathesis from PyPI); the suite's WEB-LIMITS and WEB-405 tests guard the same promises.
#
#   scripts/fuzz-api.sh
#
# Environment:
#   POT_BIN_DIR          directory holding pot, git-pot and pot-web (default: build them)
#   ST                   the schemathesis command (default: installed into a venv under $TMPDIR)
#   POT_FUZZ_EXAMPLES    examples per operation (default 100)
#   POT_FUZZ_SEED        seed of the run (default: a random one, printed by schemathesis)
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
export PATH="/opt/swift/usr/bin:$PATH"
EXAMPLES="${POT_FUZZ_EXAMPLES:-100}"

if [[ -z "${POT_BIN_DIR:-}" ]]; then
    echo "== building pot, git-pot and pot-web"
    (cd "$ROOT" && for product in pot git-pot pot-web; do swift build --product "$product" >/dev/null; done)
    POT_BIN_DIR="$(cd "$ROOT" && swift build --show-bin-path)"
fi
if [[ -z "${ST:-}" ]]; then
    venv="${TMPDIR:-/tmp}/pot-schemathesis-venv"
    [[ -x "$venv/bin/st" ]] || { python3 -m venv "$venv" && "$venv/bin/pip" install -q schemathesis; }
    ST="$venv/bin/st"
fi
export PATH="$POT_BIN_DIR:$PATH"

work="$(mktemp -d "${TMPDIR:-/tmp}/pot-fuzz.XXXXXX")"
pids=()
cleanup() { for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; wait "$pid" 2>/dev/null || true; done; rm -rf "$work"; }
trap cleanup EXIT

echo "== the demo's chain (the worked example and a round of every module) in $work/chain"
POT_BIN="$POT_BIN_DIR" POT_DEMO_NO_WAIT=1 bash "$ROOT/scripts/demo.sh" </dev/null >"$work/demo.log" 2>&1 || { cat "$work/demo.log" >&2; exit 1; }
demo="$(sed -n '1s/^demo chain in //p' "$work/demo.log")"
[[ -d "$demo/.git" ]] || { echo "the demo did not say where its chain is" >&2; exit 1; }
mv "$demo" "$work/chain"
cp -r "$work/chain" "$work/signing"

# Starts pot-web on a free port with the given arguments; sets $address and $token.
serve() {
    local out="$work/web.$#.$RANDOM"
    pot-web --listen 127.0.0.1:0 "$@" >"$out" 2>&1 &
    pids+=($!)
    for _ in $(seq 1 300); do [[ -n "$(sed -n 1p "$out")" ]] && break; sleep 0.1; done
    address="$(sed -n '1s/^listening on //p' "$out")"
    token="$(sed -n '2s/^token: //p' "$out")"
    [[ -n "$address" ]] || { cat "$out" >&2; exit 1; }
}

# The event stream never ends, so it is left out.
args=(--checks all --exclude-path /api/events --request-timeout 10 -n "$EXAMPLES" --no-color -w 1)
[[ -z "${POT_FUZZ_SEED:-}" ]] || args+=(--seed "$POT_FUZZ_SEED")
status=0
serve --repo "$work/chain"
echo "== read-only: $address"
"$ST" run "$address/api/openapi.json" "${args[@]}" || status=1
serve --repo "$work/signing" --unlock alice,bob,carol
echo "== signing with alice, bob and carol: $address"
"$ST" run "$address/api/openapi.json" "${args[@]}" -H "Authorization: Bearer $token" || status=1
exit $status
